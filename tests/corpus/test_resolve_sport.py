"""Sides join only within one sport: a country's football and rugby teams, a town's
club and the town, a one-word "person" that is a club (fictional reports)."""

from __future__ import annotations

from newsledger.corpus.resolve import resolve
from tests.corpus.test_resolve import doc, ent, together

SPORTS = {"a": "football", "b": "rugby union", "c": "football", "d": "rugby union"}


def test_a_countrys_teams_of_two_sports_stay_apart() -> None:
    docs = [doc(d, ent("ORG", "Scotland"), ent("PERSON", "Gregor Tait")) for d in "abcd"]
    res = resolve(docs, sports=SPORTS)
    assert together(res, docs, ("a", "Scotland"), ("c", "Scotland"))
    assert together(res, docs, ("b", "Scotland"), ("d", "Scotland"))
    assert not together(res, docs, ("a", "Scotland"), ("b", "Scotland"))
    # without the reports' sports every team of that name is one (the old behaviour)
    assert together(resolve(docs), docs, ("a", "Scotland"), ("b", "Scotland"))


def test_a_side_of_unknown_sport_joins_only_the_one_sport_that_has_it() -> None:
    docs = [doc(d, ent("ORG", "Newport"), ent("PERSON", "Ian Dunmore")) for d in "bde"]
    res = resolve(docs, sports={**SPORTS, "e": "unknown"})
    assert together(res, docs, ("b", "Newport"), ("d", "Newport"), ("e", "Newport"))
    docs += [doc(d, ent("ORG", "Newport"), ent("PERSON", "Ian Dunmore")) for d in "af"]
    res = resolve(docs, sports={"a": "football", "b": "rugby union", "e": "unknown"})
    # "f" is left out of the sports: unknown as well; two sports have a Newport side
    assert not together(res, docs, ("e", "Newport"), ("b", "Newport"))
    assert not together(res, docs, ("e", "Newport"), ("a", "Newport"))
    assert not together(res, docs, ("e", "Newport"), ("f", "Newport"))


def test_a_town_typed_org_outside_sport_stays_apart_from_its_club() -> None:
    docs = [doc(d, ent("ORG", "Newport"), ent("PERSON", "Carys Pugh")) for d in "bdxy"]
    res = resolve(docs, sports={"b": "rugby union", "d": "rugby union", "x": "", "y": ""})
    assert together(res, docs, ("b", "Newport"), ("d", "Newport"))
    assert together(res, docs, ("x", "Newport"), ("y", "Newport"))
    assert not together(res, docs, ("b", "Newport"), ("x", "Newport"))


def test_a_one_word_person_of_a_towns_name_in_a_team_sport_is_its_club() -> None:
    # "the Leicester tight-head" typed PERSON: the club of its sport, never the city
    docs = [
        doc("a", ent("GPE", "Leicester"), ent("PERSON", "Mark Morley")),
        doc("b", ent("GPE", "Leicester"), ent("PERSON", "Ann Sole")),
        doc("c", ent("ORG", "Leicester"), ent("PERSON", "Jon White")),
        doc("d", ent("PERSON", "Leicester"), ent("PERSON", "Jon White")),
    ]
    sports = {"a": "", "b": "", "c": "rugby union", "d": "rugby union"}
    res = resolve(docs, sports=sports)
    assert together(res, docs, ("c", "Leicester"), ("d", "Leicester"))
    assert not together(res, docs, ("a", "Leicester"), ("d", "Leicester"))
    # no club of that sport anywhere: the "person" stays alone rather than join the city
    res = resolve(docs, sports={**sports, "c": "football"})
    assert not together(res, docs, ("a", "Leicester"), ("d", "Leicester"))
    assert not together(res, docs, ("c", "Leicester"), ("d", "Leicester"))
    # outside sport the old rule holds: a one-word "person" of a city's name is the city
    res = resolve(docs, sports={**sports, "d": ""})
    assert together(res, docs, ("a", "Leicester"), ("d", "Leicester"))


def test_a_side_of_unknown_sport_joins_no_athletics_team() -> None:
    docs = [doc(d, ent("ORG", "Great Britain"), ent("PERSON", "Andy Farr")) for d in "abc"]
    res = resolve(docs, sports={"a": "athletics", "b": "unknown", "c": "unknown"})
    assert not together(res, docs, ("a", "Great Britain"), ("b", "Great Britain"))
    assert together(res, docs, ("b", "Great Britain"), ("c", "Great Britain"))


def test_a_competition_several_sports_name_alike_joins_within_one_sport() -> None:
    docs = [doc(d, ent("ORG", "Premiership"), ent("PERSON", "Jon White")) for d in "abcd"]
    res = resolve(docs, sports=SPORTS)
    assert together(res, docs, ("a", "Premiership"), ("c", "Premiership"))
    assert not together(res, docs, ("a", "Premiership"), ("b", "Premiership"))
    docs = [doc(d, ent("ORG", "Kestrel League"), ent("PERSON", "Jon White")) for d in "ab"]
    assert together(
        resolve(docs, sports=SPORTS), docs, ("a", "Kestrel League"), ("b", "Kestrel League")
    )


def test_a_competition_in_a_report_of_no_clear_sport_takes_the_sport_it_leans_to() -> None:
    # "a World Cup qualifier at home to Ghana" beside a few football words is not rugby's
    docs = [doc(d, ent("EVENT", "World Cup"), ent("PERSON", "Joe Tarrant")) for d in "bdef"]
    sports = {"b": "rugby union", "d": "rugby union", "e": "unknown", "f": "unknown"}
    leans = {"e": "football", "f": "rugby union"}
    res = resolve(docs, sports=sports, leans=leans)
    assert together(res, docs, ("b", "World Cup"), ("d", "World Cup"), ("f", "World Cup"))
    assert not together(res, docs, ("e", "World Cup"), ("b", "World Cup"))
    # without a lean the one sport that has the competition takes it (the old behaviour)
    res = resolve(docs, sports=sports)
    assert together(res, docs, ("e", "World Cup"), ("b", "World Cup"))
    # a side takes its report's lean to a team sport ("the former Scotland international" of
    # a football report is not the rugby side); a lean to athletics or tennis decides nothing
    sides = [doc(d, ent("ORG", "Wales"), ent("PERSON", "Joe Tarrant")) for d in "bdef"]
    res = resolve(sides, sports=sports, leans=leans)
    assert not together(res, sides, ("e", "Wales"), ("b", "Wales"))
    assert together(res, sides, ("f", "Wales"), ("b", "Wales"), ("d", "Wales"))
    res = resolve(sides, sports=sports, leans={"e": "tennis", "f": "athletics"})
    assert together(res, sides, ("e", "Wales"), ("f", "Wales"), ("b", "Wales"))


def test_a_compass_point_in_a_team_sports_report_is_a_side_not_the_region() -> None:
    # "The South will be led by George Gregan" is no region of house prices
    docs = [
        doc("b", ent("LOC", "South"), ent("PERSON", "George Gregan")),
        doc("x", ent("LOC", "South"), ent("GPE", "Midlands")),
        doc("y", ent("LOC", "South"), ent("GPE", "Midlands")),
    ]
    res = resolve(docs, sports={"b": "rugby union", "x": "", "y": ""})
    assert not together(res, docs, ("b", "South"), ("x", "South"))
    assert together(res, docs, ("x", "South"), ("y", "South"))
