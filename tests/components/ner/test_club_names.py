"""Clubs told by their names' form and by their members (components/ner/club_names.py)."""

from __future__ import annotations

from tests.components.ner.test_bodies import MATCH
from tests.components.ner.test_nerfix import labels_of, make


def test_a_clubs_prefix_or_word_makes_a_club_in_a_report_about_sport() -> None:
    text = MATCH + "He moved from Real Tarnby to Varlow City and then to Tarnby Sharks ."
    a = make(text, [("Real Tarnby", "GPE"), ("Varlow City", "GPE"), ("Tarnby Sharks", "PERSON")])
    assert labels_of(a, "Real Tarnby") == ["ORG"]
    assert labels_of(a, "Varlow City") == ["ORG"]
    assert labels_of(a, "Tarnby Sharks") == ["ORG"]


def test_a_listed_place_or_a_persons_name_keeps_its_type() -> None:
    text = MATCH + "They flew to Mexico City , where Ricardo Villa scored ."
    a = make(text, [("Mexico City", "GPE"), ("Ricardo Villa", "PERSON")])
    assert labels_of(a, "Mexico City") == ["GPE"]
    assert labels_of(a, "Ricardo Villa") == ["PERSON"]
    # outside sport the form says nothing
    plain = "The council of Varlow City met ."
    assert labels_of(make(plain, [("Varlow City", "GPE")]), "Varlow City") == ["GPE"]


def test_a_name_before_a_member_or_after_a_determiner_is_the_club() -> None:
    text = MATCH + "Tarnby boss Al Roe praised the Varlow side , but Wales coach Ian Vane did not ."
    a = make(
        text,
        [
            ("Tarnby", "PERSON"),
            ("Al Roe", "PERSON"),
            ("Varlow", "GPE"),
            ("Wales", "GPE"),
            ("Ian Vane", "PERSON"),
        ],
    )
    assert labels_of(a, "Tarnby") == ["ORG"]
    assert labels_of(a, "Varlow") == ["ORG"]
    assert labels_of(a, "Wales") == ["GPE"]  # a country: the national-team rules decide


def test_a_persons_surname_before_side_is_left_alone() -> None:
    text = MATCH + "Coach Ian Roe saw the Roe side win ."
    a = make(text, [("Ian Roe", "PERSON"), ("Roe", "PERSON")])
    assert labels_of(a, "Roe") == ["PERSON"]


def test_a_clubs_last_word_alone_is_the_club_but_not_a_listed_place() -> None:
    text = MATCH + "He left Tarnby Sharks ; Sharks won , and he was in Milan with AC Milan ."
    a = make(
        text,
        [("Tarnby Sharks", "PERSON"), ("Sharks", "PERSON"), ("Milan", "GPE"), ("AC Milan", "GPE")],
    )
    assert labels_of(a, "Sharks") == ["ORG"]
    assert labels_of(a, "Milan") == ["GPE"]
    assert labels_of(a, "AC Milan") == ["ORG"]


def test_a_result_at_a_town_is_against_its_club_but_a_ground_stays() -> None:
    text = MATCH + "He was hurt in the defeat at Tarnby and in the 1-0 win at Varlow Park ."
    a = make(text, [("Tarnby", "GPE"), ("Varlow Park", "FAC")])
    assert labels_of(a, "Tarnby") == ["ORG"]
    assert labels_of(a, "Varlow Park") == ["FAC"]


def test_a_playing_position_and_its_player_make_a_club_in_any_report() -> None:
    # a transfer note with no other sports words
    text = "The Tykes have brought in Dundee prop Ed Vane on loan ; he lives in Dundee ."
    a = make(text, [("Dundee", "GPE"), ("Ed Vane", "PERSON"), ("Dundee", "GPE")])
    assert labels_of(a, "Dundee") == ["ORG", "GPE"]


def test_the_bracket_after_each_player_of_a_list_is_his_club() -> None:
    text = (
        MATCH
        + "Squad : Ed Vane ( Dundee ) , Al Roe ( Tarnby Rovers ) , Ian Kell ( Wales ) ."
        + " Referee : A Wiley ( Varlowshire ) . Cast : Ann Lee ( Monica ) ."
    )
    a = make(
        text,
        [
            ("Ed Vane", "PERSON"),
            ("Dundee", "GPE"),
            ("Al Roe", "PERSON"),
            ("Tarnby Rovers", "ORG"),
            ("Ian Kell", "PERSON"),
            ("Wales", "GPE"),
            ("A Wiley", "PERSON"),
            ("Varlowshire", "GPE"),
            ("Ann Lee", "PERSON"),
            ("Monica", "PERSON"),
        ],
    )
    assert labels_of(a, "Dundee") == ["ORG"]
    assert labels_of(a, "Wales") == ["GPE"]  # a national side: the country
    assert labels_of(a, "Varlowshire") == ["GPE"]  # a referee's county
    assert labels_of(a, "Monica") == ["PERSON"]  # a part in a cast list


def test_a_grounds_name_is_no_club_by_its_form() -> None:
    text = MATCH + "They play at Athletic Park , then at Tarnby City Ground ."
    a = make(text, [("Athletic Park", "FAC"), ("Tarnby City Ground", "FAC")])
    assert labels_of(a, "Athletic Park") == ["FAC"]
    assert labels_of(a, "Tarnby City Ground") == ["FAC"]


def test_one_players_or_a_national_sides_result_at_a_town_is_at_the_venue() -> None:
    text = (
        MATCH + "It was his first win at Augusta . Ann Vane's victory at Tarnby came later , "
        "and England's win at Varlow was their best ."
    )
    a = make(
        text,
        [
            ("Augusta", "GPE"),
            ("Ann Vane", "PERSON"),
            ("Tarnby", "GPE"),
            ("England", "GPE"),
            ("Varlow", "GPE"),
        ],
    )
    assert labels_of(a, "Augusta") == ["GPE"]
    assert labels_of(a, "Tarnby") == ["GPE"]
    assert labels_of(a, "Varlow") == ["GPE"]
