"""Competitions in reports about sport (components/ner/competitions.py), on fictional text."""

from __future__ import annotations

from tests.components.ner.test_bodies import ATHLETICS, MATCH
from tests.components.ner.test_nerfix import ents, labels_of, make


def test_a_name_with_a_competitions_head_is_an_event_in_a_report_about_sport() -> None:
    text = ATHLETICS + "She runs in the Carvel International and the Tarnby Marathon next month ."
    a = make(text, [("Carvel International", "FAC"), ("Tarnby Marathon", "GPE")])
    assert labels_of(a, "Carvel International") == ["EVENT"]
    assert labels_of(a, "Tarnby Marathon") == ["EVENT"]
    # outside sport the same head is a firm's ("Carvel International said profits rose")
    firm = "Carvel International said its profits rose in the quarter ."
    assert labels_of(make(firm, [("Carvel International", "ORG")]), "Carvel International") == [
        "ORG"
    ]


def test_the_body_that_runs_a_competition_stays_an_organisation() -> None:
    text = ATHLETICS + "A Tarnby Marathon spokesman said the chairman of the Tarnby Marathon quit ."
    a = make(text, [("Tarnby Marathon", "ORG"), ("Tarnby Marathon", "ORG")])
    assert labels_of(a, "Tarnby Marathon") == ["ORG", "ORG"]


def test_the_games_alone_is_the_competition() -> None:
    text = ATHLETICS + "He was hurt before the Games and missed the Olympics ."
    a = make(text, [("Games", "ORG"), ("Olympics", "GPE")])
    assert labels_of(a, "Games") == ["EVENT"]
    assert labels_of(a, "Olympics") == ["EVENT"]
    # "Games" without "the" is no competition on its own ("Games Workshop" cut)
    b = make(ATHLETICS + "Games fans queued .", [("Games", "ORG")])
    assert labels_of(b, "Games") == ["ORG"]


def test_a_sponsor_cut_from_its_event_takes_the_rest_of_the_name() -> None:
    text = ATHLETICS + "She won the Varbrook Tarnby Cross Challenge in Holm Park on Sunday ."
    a = make(text, [("Varbrook", "ORG"), ("Holm Park", "FAC")])
    assert ("Varbrook Tarnby Cross Challenge", "EVENT") in ents(a)
    assert labels_of(a, "Varbrook") == []
    assert labels_of(a, "Holm Park") == ["FAC"]
    # a country before "Open" in a tennis report is the tournament
    tennis = ATHLETICS + "The Ruritania Open champion lost ."
    assert ("Ruritania Open", "EVENT") in ents(make(tennis, [("Ruritania", "GPE")]))
    # ... and so is a people's adjective before it
    people = ATHLETICS + "She reached the Ruritanian Open semi-finals ."
    assert ("Ruritanian Open", "EVENT") in ents(make(people, [("Ruritanian", "NORP")]))


def test_nations_takes_its_number_and_a_country_run_into_it_is_split() -> None:
    text = MATCH + "He missed the Six Nations campaign ; the France v Scotland Six Nations match ."
    a = make(text, [("Nations", "ORG"), ("France", "GPE"), ("Scotland Six Nations", "ORG")])
    assert labels_of(a, "Six Nations") == ["EVENT", "EVENT"]
    assert labels_of(a, "Scotland") == ["GPE"]
    assert labels_of(a, "Scotland Six Nations") == []


def test_a_league_played_in_is_the_competition_and_its_other_mentions_follow() -> None:
    text = MATCH + "The Varlow League midfielder left . The Varlow League has many clubs ."
    a = make(text, [("Varlow League", "ORG"), ("Varlow League", "ORG")])
    assert labels_of(a, "Varlow League") == ["EVENT", "EVENT"]
    # a mention that is the body keeps the others as they are
    body = (
        MATCH + "He won the Varlow League . The Varlow League has clubs ; the Varlow League said ."
    )
    b = make(body, [("Varlow League", "ORG")] * 3)
    assert labels_of(b, "Varlow League") == ["EVENT", "ORG", "ORG"]


def test_a_firm_named_like_a_competition_stays_a_firm() -> None:
    text = (
        ATHLETICS + "Title sponsor Varlow International paid for it , and Varlow International "
        "will stay . Varlow International , the drinks company that backs the event , agreed ."
    )
    a = make(text, [("Varlow International", "ORG")] * 3)
    assert labels_of(a, "Varlow International") == ["ORG", "ORG", "ORG"]
