"""Bills and acts cut from their titles (components/ner/laws.py), on fictional text."""

from __future__ import annotations

from tests.components.ner.test_nerfix import labels_of, make


def test_a_bill_cut_from_its_title_is_the_whole_law() -> None:
    a = make("MPs say a shorter Tessel Levy Bill would be rushed through .", [("Bill", "PERSON")])
    assert labels_of(a, "Tessel Levy Bill") == ["LAW"]
    assert labels_of(a, "Bill") == []


def test_a_bracketed_part_stays_inside_the_title() -> None:
    text = "It is part of the Harbour Works (Various Provisions) Bill , which MPs debate ."
    a = make(text, [("Harbour Works", "ORG"), ("Bill", "PERSON")])
    assert labels_of(a, "Harbour Works (Various Provisions) Bill") == ["LAW"]
    assert labels_of(a, "Harbour Works") == []


def test_the_bill_alone_is_a_law_outside_a_report_on_television() -> None:
    a = make("She will speak when the Bill is debated by MPs .", [("Bill", "ORG")])
    assert labels_of(a, "Bill") == ["LAW"]
    tv = "The actor left the film and the episode . Fans of the Bill wept ."
    b = make(tv, [("Bill", "ORG")])
    assert labels_of(b, "Bill") == ["ORG"]


def test_a_man_called_bill_stays_a_person() -> None:
    a = make(
        "The MPs met Bill Vane and then Bill left .", [("Bill Vane", "PERSON"), ("Bill", "PERSON")]
    )
    assert labels_of(a, "Bill Vane") == ["PERSON"]
    assert labels_of(a, "Bill") == ["PERSON"]
