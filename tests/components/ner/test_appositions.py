"""Untagged names typed by their apposition (components/ner/appositions.py), on fictional text."""

from __future__ import annotations

from tests.components.ner.test_nerfix import ents, labels_of, make


def test_an_age_in_apposition_makes_a_person_and_its_repeats_follow() -> None:
    text = "Ekvall , 39 , won the seat . Voters said Ekvall was ready ."
    a = make(text)
    assert labels_of(a, "Ekvall") == ["PERSON", "PERSON"]


def test_party_membership_and_a_year_old_modifier_make_people() -> None:
    got = ents(make("Ekvall , a member of the Green Harvest Party , voted no ."))
    assert ("Ekvall", "PERSON") in got
    got = ents(make("The plan was backed by the 52-year-old Dornay on Friday ."))
    assert ("Dornay", "PERSON") in got


def test_birth_and_death_appositions_make_people() -> None:
    for text in (
        "Mourners remembered Tasker , born in Halvik in 1950 , on Sunday .",
        "The prize went to Tasker , who was born in Sellin , for her novel .",
        "A film about Tasker , who died in Lisk , opens on Friday .",
        "Students met Tasker , a native of Elsby , on Monday .",
        "Tasker , who has been interior minister since 2019 , resigned .",
        "Tasker, who became Kaldra's prime minister in 2017, resigned.",
    ):
        assert ("Tasker", "PERSON") in ents(make(text)), text


def test_population_and_town_appositions_make_places() -> None:
    for text in (
        "Castrel , home to 31,000 people , hosted the festival .",
        "Castrel and its 11,800 residents will get a hospital .",
        "Castrel , a market town of about 12,000 people , voted .",
        "Castrel , the Morvanian capital , has grown .",
    ):
        assert ("Castrel", "GPE") in ents(make(text)), text


def test_look_alikes_stay_untagged() -> None:
    # a figure that is no age, a membership that is not a party's, a town inside another name
    for text in (
        "Ekvall , 2024 , was a good year .",
        "Norvia , a member of the trade bloc , signed .",
        "The Ekvall Group , home to 300 staff , grew .",
        "Trains to Ekvall , born of a merger of two villages , stopped .",
        "Ekvall , who have been champions since 2002 , lost again .",
        "Ekvall , who was the favourite since May , lost .",
    ):
        assert labels_of(make(text), "Ekvall") == [] and labels_of(make(text), "Norvia") == [], text


def test_a_name_the_next_sentence_describes_by_a_calling_is_a_person() -> None:
    text = (
        "An archive devoted to Dornay opened in Kessel on Tuesday. "
        "The composer, who died in 2018, left his papers to the city."
    )
    assert ("Dornay", "PERSON") in ents(make(text))
    text = "A prize named after Dornay was given on Monday. The Kessel-born painter's son spoke."
    assert ("Dornay", "PERSON") in ents(make(text))


def test_a_post_or_a_later_sentence_does_not_make_a_person() -> None:
    # "the mayor" may be the mayor of the place just named; a calling two sentences on
    # describes someone else
    for text in (
        "Storms cut the ferry to Dornay on Monday. The mayor, who was born in Kessel, spoke.",
        "Storms cut the ferry to Dornay on Monday. Boats stayed in port. "
        "The composer, who lives in Kessel, was stranded.",
    ):
        assert "PERSON" not in labels_of(make(text), "Dornay"), text
