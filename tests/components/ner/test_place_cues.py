"""Places the tagger took for bodies or people (components/ner/place_cues.py)."""

from __future__ import annotations

from dataclasses import replace

from tests.components.ner.test_bodies import MATCH
from tests.components.ner.test_nerfix import labels_of, make


def test_a_listed_town_fused_to_based_is_the_place() -> None:
    text = "The Newport-based athlete won ; Linux-based tools sold ."
    # tokens as spaCy splits them ("Newport", "based"; the hyphen is no name's)
    a = make(text.replace("-", " "), [("Newport", "ORG"), ("Linux", "PRODUCT")])
    a = replace(a, doc=replace(a.doc, text=text))
    assert labels_of(a, "Newport") == ["GPE"]
    assert labels_of(a, "Linux") == ["PRODUCT"]  # no place the tables know


def test_a_compass_word_before_a_listed_place_is_a_region() -> None:
    text = "Sales grew in Sub-Saharan Africa and in North Devon , said South Wales Police ."
    a = make(
        text,
        [("Sub-Saharan Africa", "ORG"), ("North Devon", "PERSON"), ("South Wales Police", "ORG")],
    )
    assert labels_of(a, "Sub-Saharan Africa") == ["LOC"]
    assert labels_of(a, "North Devon") == ["GPE"]
    assert labels_of(a, "South Wales Police") == ["ORG"]


def test_lakes_mountains_and_oil_fields_are_places() -> None:
    text = "A concert on the banks of Loch Tarrow ; oil from the Varl and Ostmere fields rose ."
    a = make(text, [("Loch Tarrow", "ORG"), ("Varl", "PERSON"), ("Ostmere", "ORG")])
    assert labels_of(a, "Loch Tarrow") == ["LOC"]
    assert labels_of(a, "Varl") == ["LOC"]
    assert labels_of(a, "Ostmere") == ["LOC"]
    # without oil or gas in the report a "field" says nothing
    farm = "They played in the Ostmere fields ."
    assert labels_of(make(farm, [("Ostmere", "ORG")]), "Ostmere") == ["ORG"]


def test_a_name_before_its_county_is_a_town() -> None:
    text = "Ann Vane , 34 , from Tarrowby , Gloucestershire , said she would appeal ."
    a = make(text, [("Ann Vane", "PERSON"), ("Tarrowby", "ORG"), ("Gloucestershire", "GPE")])
    assert labels_of(a, "Tarrowby") == ["GPE"]


def test_a_regions_club_in_a_report_about_sport_stays_a_club() -> None:
    text = MATCH + "East Devon beat Tarrowby in the cup ."
    a = make(text, [("East Devon", "ORG")])
    assert labels_of(a, "East Devon") == ["ORG"]


def test_a_compass_word_before_a_town_of_a_common_word_is_no_region() -> None:
    # "Alliance" is a town of the gazetteer, "Northern Alliance" a body
    text = "Forces of the Northern Alliance took the city ."
    a = make(text, [("Northern Alliance", "ORG")])
    assert labels_of(a, "Northern Alliance") == ["ORG"]


def test_a_town_describing_a_person_is_the_town() -> None:
    text = "The Edinburgh MSP spoke . To Ann , of Swindon : no . Research from Halifax , a lender ."
    a = make(
        text, [("Edinburgh", "ORG"), ("Ann", "PERSON"), ("Swindon", "ORG"), ("Halifax", "ORG")]
    )
    assert labels_of(a, "Edinburgh") == ["GPE"]
    assert labels_of(a, "Swindon") == ["GPE"]
    assert labels_of(a, "Halifax") == ["ORG"]  # "from" after no person's name: a firm's research


def test_a_venue_typed_as_an_event_is_the_venue() -> None:
    text = "The crowd at the Tarvel Stadium roared ; the 11 September Ostmere Centre attack ."
    a = make(text, [("Tarvel Stadium", "EVENT"), ("11 September Ostmere Centre", "EVENT")])
    assert labels_of(a, "Tarvel Stadium") == ["FAC"]
    assert labels_of(a, "11 September Ostmere Centre") == ["EVENT"]


def test_a_name_whose_residents_are_told_is_a_town_in_all_its_mentions() -> None:
    text = "The 8,000 residents of Ostwald run a TV station . The Ostwald scheme grew ."
    a = make(text, [("Ostwald", "ORG"), ("Ostwald", "ORG")])
    assert labels_of(a, "Ostwald") == ["GPE", "GPE"]


def test_a_county_typed_as_a_person_before_man_is_the_county() -> None:
    text = "It emerged a Devon man had been told he could keep his dogs ."
    a = make(text, [("Devon", "PERSON")])
    assert labels_of(a, "Devon") == ["GPE"]


def test_a_listed_place_and_a_compass_word_after_it_is_a_constituency() -> None:
    text = "He will visit Leicester South , and he once stood in Leeds North East ."
    a = make(text, [("Leicester South", "PERSON"), ("Leeds North East", "ORG")])
    assert labels_of(a, "Leicester South") == ["GPE"]
    assert labels_of(a, "Leeds North East") == ["GPE"]
    # a town of the population list alone is no constituency: a singer's name
    b = make("Songs by Kanye West topped the chart .", [("Kanye West", "PERSON")])
    assert labels_of(b, "Kanye West") == ["PERSON"]
