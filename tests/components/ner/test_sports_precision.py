"""Misfires the sports readers must not make on tables of clubs or places, brackets holding
a country or a position, "the <Surname>s" of a team, "no one at" a place and a country with
a plural verb (components/ner/sports.py, names.py, not_person.py, evidence.py), on fictional
text."""

from __future__ import annotations

from dataclasses import replace

from tests.components.ner.test_nerfix import labels_of, make

MATCH = "The striker scored twice in the league match and the keeper saved a penalty .\n"


def test_a_list_of_venues_in_a_sports_report_names_no_players() -> None:
    text = MATCH + "Venues : Leeds , Twickenham , Murrayfield , Wigan , Falkirk .\n"
    spans = [
        ("Leeds", "GPE"),
        ("Twickenham", "FAC"),
        ("Murrayfield", "FAC"),
        ("Wigan", "GPE"),
        ("Falkirk", "GPE"),
    ]
    a = make(text, spans)
    for place in ("Twickenham", "Murrayfield", "Leeds", "Wigan"):
        assert "PERSON" not in labels_of(a, place), place


def test_a_list_of_clubs_in_a_sports_report_names_no_players() -> None:
    # clubs named for their towns or by two words: a table, however spaCy typed them
    text = (
        MATCH + "Quarter-finalists : Brennock Rovers , Wigan , Varnbury Town , Leeds , Ostrel .\n"
    )
    spans = [
        ("Brennock Rovers", "ORG"),
        ("Wigan", "ORG"),
        ("Varnbury Town", "ORG"),
        ("Leeds", "ORG"),
        ("Ostrel", "ORG"),
    ]
    a = make(text, spans)
    for club in ("Brennock Rovers", "Wigan", "Varnbury Town", "Leeds"):
        assert labels_of(a, club) == ["ORG"], club


def test_a_country_or_a_position_in_brackets_after_a_player_is_no_club() -> None:
    text = MATCH + "Nils Varo (Italy), D Pell (Hooker); Kade (Ostrel), Lenn (Varnbury).\n"
    spans = [
        ("Nils Varo", "PERSON"),
        ("Italy", "PERSON"),
        ("D Pell", "PERSON"),
        ("Hooker", "PERSON"),
        ("Kade", "PERSON"),
        ("Ostrel", "PERSON"),
    ]
    a = make(text, spans)
    assert labels_of(a, "Ostrel") == ["ORG"]  # the club, as before
    assert "ORG" not in labels_of(a, "Italy")  # the country (its side), no club
    assert "ORG" not in labels_of(a, "Hooker")  # a position, no club


def test_the_plural_of_a_surname_that_names_a_team_is_the_team() -> None:
    text = (
        "Jack Brewer pitched for the Milwaukee Brewers last season . On Sunday the Brewers "
        "won 5-3 in the ninth inning of the game ."
    )
    a = make(
        text,
        [("Jack Brewer", "PERSON"), ("the Milwaukee Brewers", "ORG"), ("Brewers", "NORP")],
    )
    assert "PERSON" not in labels_of(a, "Brewers")


def test_no_one_at_a_town_makes_no_body_of_it() -> None:
    text = "The blast hit the market . No one at Falkirk was hurt , Ann Vane said ."
    a = make(text, [("Falkirk", "PERSON"), ("Ann Vane", "PERSON")])
    assert "ORG" not in labels_of(a, "Falkirk")


def test_a_country_with_a_plural_verb_in_a_sports_report_is_no_club() -> None:
    text = MATCH + "They go through if Italy fail to beat Ostrel in the final group match ."
    a = make(text, [("Italy", "PERSON"), ("Ostrel", "ORG")])
    a = replace(a, tokens=tuple(replace(x, tag="VBP") if x.text == "fail" else x for x in a.tokens))
    assert "ORG" not in labels_of(a, "Italy")
    assert "PERSON" not in labels_of(a, "Italy")


def test_a_club_after_a_nationality_before_a_score_is_no_player() -> None:
    text = (
        "FOOTBALL - VANCE SCORES .\n"
        "Vance scored as they beat Scottish Ostrel Rovers 3-1 , and then Dutch Brakova "
        "Rotterdam 2-0 in the league .\n"
    )
    a = make(text, [("Vance", "PERSON")])
    assert "PERSON" not in labels_of(a, "Ostrel Rovers")
    assert "PERSON" not in labels_of(a, "Brakova Rotterdam")
