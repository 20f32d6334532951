"""Document-level evidence for entity types (components/ner/evidence.py), on fictional text."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from newsledger.components.ner.evidence import verdict
from newsledger.core.model import Annotated
from tests.components.ner.test_nerfix import ents, labels_of, make


def test_company_typed_person_follows_its_business_context() -> None:
    text = (
        "Shares of the oil firm Varnok fell on Monday. Varnok denied the report, "
        "and Varnok shares recovered later."
    )
    a = make(text, [("Varnok", "ORG"), ("Varnok", "PERSON"), ("Varnok", "PERSON")])
    assert labels_of(a, "Varnok") == ["ORG", "ORG", "ORG"]


def test_legal_suffix_after_a_name_makes_it_a_company() -> None:
    text = "Brellmor Inc said profits rose. Brellmor expects more next year."
    a = make(text, [("Brellmor", "PERSON"), ("Brellmor", "PERSON")])
    assert labels_of(a, "Brellmor") == ["ORG", "ORG"]


def test_town_named_in_a_place_phrase_is_not_a_person() -> None:
    text = "A bomb went off in the town of Kessaly on Sunday. Police in Kessaly said two died."
    a = make(text, [("Kessaly", "PERSON"), ("Kessaly", "PERSON")])
    assert labels_of(a, "Kessaly") == ["GPE", "GPE"]


def test_honorific_makes_a_person_of_a_name_taken_for_a_company() -> None:
    text = "Mr Dorval arrived late. Dorval told the panel he had resigned."
    a = make(text, [("Dorval", "PERSON"), ("Dorval", "ORG")])
    assert labels_of(a, "Dorval") == ["PERSON", "PERSON"]


def test_person_without_cues_keeps_its_type() -> None:
    text = "Ilse Marten met Dorval. Dorval spoke first."
    a = make(text, [("Ilse Marten", "PERSON"), ("Dorval", "PERSON"), ("Dorval", "PERSON")])
    assert labels_of(a, "Dorval") == ["PERSON", "PERSON"]


def test_first_word_of_a_company_name_alone_is_the_company() -> None:
    text = "Quell Group won the order. Quell will build a plant."
    a = make(text, [("Quell Group", "ORG"), ("Quell", "PERSON")])
    assert labels_of(a, "Quell") == ["ORG"]


def test_country_name_needs_more_than_a_cue() -> None:
    assert verdict(None, Counter({"PERSON": 1}), "PERSON", True) == "PERSON"  # no cue: stays
    votes = Counter({"ORG": 2})
    assert verdict(votes, Counter({"GPE": 1}), "GPE", True) == "GPE"
    assert verdict(votes, Counter({"PERSON": 1}), "PERSON", False) == "ORG"


def test_split_person_name_is_joined() -> None:
    text = "Yesterday Natalia Verbonova won the final."
    a = make(text, [("Natalia", "PERSON"), ("Verbonova", "PERSON")])
    assert labels_of(a, "Natalia Verbonova") == ["PERSON"]
    b = make("Yesterday Natalia Verbonova won.", [("Verbonova", "PERSON")])
    assert labels_of(b, "Natalia Verbonova") == ["PERSON"]


def test_an_unlisted_given_name_joins_a_person_a_cue_follows() -> None:
    a = make("Petter Skog , who was defence minister , joined the bank .", [("Skog", "PERSON")])
    assert labels_of(a, "Petter Skog") == ["PERSON"]
    # no cue of a person after the name, or a day before it: nothing joins
    b = make("Bagram Airfield bombing * 2014", [("Airfield", "PERSON")])
    assert labels_of(b, "Bagram Airfield") == []
    c = make("Yesterday Skog said the bank would close .", [("Skog", "PERSON")])
    assert labels_of(c, "Yesterday Skog") == []


def test_time_zone_is_not_an_organisation() -> None:
    a = make("Trading ends at 1400 EDT on Friday.", [("EDT", "ORG")])
    assert labels_of(a, "EDT") == []


def test_populated_place_after_in_is_a_place_not_a_person() -> None:
    # Tikrit is a town of the gazetteer; "in X" twice is enough evidence
    text = "Two bombs exploded in Tikrit on Monday. Shops in Tikrit stayed shut."
    a = make(text, [("Tikrit", "PERSON"), ("Tikrit", "PERSON")])
    assert labels_of(a, "Tikrit") == ["GPE", "GPE"]


def test_place_noun_after_the_name_makes_a_place() -> None:
    text = "Fighting spread across northern Dorvash province overnight."
    a = make(text, [("Dorvash", "PERSON")])
    assert labels_of(a, "Dorvash") == ["GPE"]


def test_head_word_does_not_retype_a_person_with_a_given_name() -> None:
    a = make("The defender Wayne Bridge was injured.", [("Wayne Bridge", "PERSON")])
    assert labels_of(a, "Wayne Bridge") == ["PERSON"]
    b = make("Traffic crossed Tamsin Bridge again.", [("Tamsin Bridge", "ORG")])
    assert labels_of(b, "Tamsin Bridge") == ["FAC"]


def test_common_noun_opening_a_sentence_is_not_a_person() -> None:
    text = "Attendance fell this year. The attendance record stands."
    a = make(text, [("Attendance", "PERSON")], pos={"Attendance": "NOUN"})
    got = nerfix_fix_tags(a)
    assert labels_of(got, "Attendance") == []


def nerfix_fix_tags(a: Annotated) -> Annotated:
    """``a`` with common nouns tagged NN, as spaCy tags them."""
    toks = tuple(replace(t, tag="NN") if t.pos == "NOUN" else t for t in a.tokens)
    return replace(a, tokens=toks)


def test_honorific_inside_a_span_makes_a_person() -> None:
    a = make("Asked again, Mr Dorvak replied no.", [("Mr Dorvak", "GPE")])
    assert labels_of(a, "Dorvak") == ["PERSON"]


def test_odd_members_of_a_list_of_people_are_people() -> None:
    text = "Replacements: Dorvak, Quillan, Merrow, Tasker, Pell."
    got = [("Dorvak", "PERSON"), ("Quillan", "ORG"), ("Merrow", "PERSON")]
    got += [("Tasker", "PERSON"), ("Pell", "GPE")]
    a = make(text, got)
    assert [lab for _, lab in ents(a)] == ["PERSON"] * 5
    countries = make(
        "Teams: France, Quillan, Spain, Italy.", [("France", "GPE"), ("Quillan", "PERSON")]
    )
    assert ("France", "GPE") in ents(countries)


def test_county_after_its_town_is_a_place() -> None:
    a = make(
        "Born in Luton, Kent, in 1920, he left early.",
        [("Luton", "GPE"), ("Kent", "PERSON")],
    )
    assert labels_of(a, "Kent") == ["GPE"]
    b = make("In Luton, Kent said no.", [("Luton", "GPE"), ("Kent", "PERSON")])
    assert labels_of(b, "Kent") == ["PERSON"]


def test_place_apposition_needs_the_place_noun_to_end_its_phrase() -> None:
    a = make("Dorvash, a town near the border, was shelled.", [("Dorvash", "PERSON")])
    assert labels_of(a, "Dorvash") == ["GPE"]
    b = make("Lena Ostrowa, a city councillor, said no.", [("Lena Ostrowa", "PERSON")])
    assert labels_of(b, "Lena Ostrowa") == ["PERSON"]


def test_kind_of_work_before_a_title_makes_a_work() -> None:
    a = make("Her new film Harbour Lights opened on Friday.", [("Harbour Lights", "ORG")])
    assert labels_of(a, "Harbour Lights") == ["WORK_OF_ART"]
    b = make("Velgrad Rovers will play Korvik on Sunday.", [("Korvik", "GPE")])
    assert labels_of(b, "Korvik") == ["GPE"]


def test_company_head_word_makes_a_company() -> None:
    a = make("Quellon Microsystems launched a service.", [("Quellon Microsystems", "PERSON")])
    assert labels_of(a, "Quellon Microsystems") == ["ORG"]


def test_a_film_maker_is_a_person() -> None:
    text = "Independent film maker Tomas Velder won. Tomas Velder thanked the jury."
    a = make(text, [("Tomas Velder", "PERSON"), ("Tomas Velder", "PERSON")])
    assert labels_of(a, "Tomas Velder") == ["PERSON", "PERSON"]


def test_a_plural_verb_after_a_one_word_name_makes_a_club_or_firm() -> None:
    text = "Dunmore have been caught in a row . Critics said Dunmore were wrong ."
    a = make(text, [("Dunmore", "PERSON"), ("Dunmore", "PERSON")])
    assert labels_of(a, "Dunmore") == ["ORG", "ORG"]
    text = "Ivo Harl and Vask have left ."
    a = make(text, [("Ivo Harl", "PERSON"), ("Vask", "PERSON")])
    assert labels_of(a, "Vask") == ["PERSON"]


def test_a_plural_company_noun_before_a_name_makes_a_company() -> None:
    text = "Shares in construction companies Adrel Karsa and Semtor rose ."
    a = make(text, [("Adrel Karsa", "PERSON"), ("Semtor", "ORG")])
    assert labels_of(a, "Adrel Karsa") == ["ORG"]


def test_a_weekday_is_not_an_organisation() -> None:
    a = make("The goal came in Sunday 's draw with Dunmore .", [("Sunday", "ORG")])
    assert labels_of(a, "Sunday") == []
