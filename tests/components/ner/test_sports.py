"""Sports reports and their clubs (components/ner/sports.py), on fictional text."""

from __future__ import annotations

from newsledger.components.ner.sports import _sports_text
from tests.components.ner.test_nerfix import labels_of, make

# a short football report with no goals, strikers or fixtures: told by its other words
REPORT = (
    "Vance said his second-string side lost away in the Champions League . "
    "They finished second in the group behind Leicester . "
    "We had no complaints about the scoreline and the runners-up can still hope ."
)


def test_a_short_report_is_told_by_its_match_vocabulary() -> None:
    assert _sports_text(REPORT)
    assert not _sports_text(
        "The Paris Club of creditor nations met the club of lenders ; the club said the club "
        "would meet again and the club chairman and the club staff agreed ."
    )


def test_a_towns_name_in_a_short_report_is_its_club() -> None:
    a = make(REPORT, [("Vance", "PERSON"), ("Champions League", "EVENT"), ("Leicester", "PERSON")])
    assert labels_of(a, "Leicester") == ["ORG"]


def test_a_cup_is_an_event() -> None:
    a = make("Their Varlow Cup exit hurt .", [("Varlow Cup", "FAC")])
    assert labels_of(a, "Varlow Cup") == ["EVENT"]


def test_a_non_prefix_is_no_name() -> None:
    a = make(
        "Non-EU exports rose while non-Kessaly imports fell .",
        [("Non-EU", "ORG"), ("non-Kessaly", "NORP")],
    )
    assert labels_of(a, "Non-EU") == []
    assert labels_of(a, "non-Kessaly") == []


def test_opens_and_tournaments_are_events() -> None:
    text = "She won the Varlow Open and the Kessaly Indoor Tournament ."
    a = make(text, [("Varlow Open", "WORK_OF_ART"), ("Kessaly Indoor Tournament", "ORG")])
    assert labels_of(a, "Varlow Open") == ["EVENT"]
    assert labels_of(a, "Kessaly Indoor Tournament") == ["EVENT"]
