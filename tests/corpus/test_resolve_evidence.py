"""Cross-document resolution: what counts as evidence (descriptions, bare surnames, parties)."""

from __future__ import annotations

from dataclasses import replace

from newsledger.components.mentions.demonyms import described_name
from newsledger.core.model import Entity
from newsledger.corpus.resolve import resolve
from tests.corpus.test_resolve import KZ, doc, ent, gid, together


def described(demonym: str) -> Entity:
    """A description entity, its id apart from the nationality's as the mentions stage makes it."""
    e = ent("NORP", described_name(demonym))
    return replace(e, id=e.id + "-2")


def test_a_demonym_describing_a_person_joins_nothing() -> None:
    the_brazilian = described_name("Brazilian")
    docs = [
        doc("a", described("Brazilian"), ent("NORP", "Brazilian"), KZ),
        doc("b", described("Brazilian"), ent("NORP", "Brazilian"), KZ),
        doc("c", described("Frenchman"), KZ),
        doc("d", ent("NORP", "Frenchman"), KZ),
    ]
    res = resolve(docs)
    ids = {gid(res, d, the_brazilian, docs) for d in "ab"}
    assert len(ids) == 2  # two people, as far as anyone knows
    assert not together(res, docs, ("a", the_brazilian), ("a", "Brazilian"))
    assert together(res, docs, ("a", "Brazilian"), ("b", "Brazilian"))  # the nationality
    assert not together(res, docs, ("c", described_name("Frenchman")), ("d", "Frenchman"))
    assert res.entities[gid(res, "a", the_brazilian, docs)].name == the_brazilian


def test_a_shared_bare_surname_is_no_context() -> None:
    docs = [
        doc("a", ent("PERSON", "Alan Thorne", "Thorne"), ent("PERSON", "Wilsby")),
        doc("b", ent("PERSON", "Thorne"), ent("PERSON", "Wilsby")),  # another sport
        doc("c", ent("PERSON", "Alan Thorne"), KZ),
        doc("d", ent("PERSON", "Thorne"), ent("GPE", "Karvenia")),  # a shared full name
    ]
    res = resolve(docs)
    assert not together(res, docs, ("a", "Alan Thorne"), ("b", "Thorne"))
    assert not together(res, docs, ("a", "Wilsby"), ("b", "Wilsby"))
    assert together(res, docs, ("c", "Alan Thorne"), ("d", "Thorne"))


def test_a_party_joins_its_short_name_given_context() -> None:
    docs = [
        doc("a", ent("ORG", "Civic Alliance Party"), KZ),
        doc("b", ent("ORG", "Civic Alliance"), ent("GPE", "Karvenia")),
        doc("c", ent("ORG", "Harvest Party"), KZ),
        doc("d", ent("ORG", "Harvest"), ent("GPE", "Ostland")),  # nothing shared
        doc("e", ent("NORP", "Civic"), ent("GPE", "Karvenia")),
        doc("f", ent("ORG", "Party"), KZ),
    ]
    res = resolve(docs)
    assert together(res, docs, ("a", "Civic Alliance Party"), ("b", "Civic Alliance"))
    assert not together(res, docs, ("c", "Harvest Party"), ("d", "Harvest"))
    assert not together(res, docs, ("a", "Civic Alliance Party"), ("e", "Civic"))
    assert not together(res, docs, ("a", "Civic Alliance Party"), ("f", "Party"))


def test_a_party_joins_the_plural_of_its_members_not_the_adjective() -> None:
    docs = [
        doc("a", ent("ORG", "Agrarian Party"), KZ),
        doc("b", ent("NORP", "Agrarians"), ent("GPE", "Karvenia")),
        doc("c", ent("NORP", "Agrarian"), ent("GPE", "Karvenia")),
        doc("d", ent("NORP", "Agrarians", n=5), ent("GPE", "Karvenia")),
    ]
    res = resolve(docs)
    assert together(res, docs, ("a", "Agrarian Party"), ("b", "Agrarians"))
    party = res.entities[gid(res, "b", "Agrarians", docs)]
    assert (party.type, party.name) == ("ORG", "Agrarian Party")  # the party, not its members
    assert not together(res, docs, ("a", "Agrarian Party"), ("c", "Agrarian"))


def test_a_bare_surname_joins_the_person_whose_reports_it_clearly_shares() -> None:
    labour = (ent("ORG", "Velgrad Labour"), ent("PERSON", "Ana Fell"), ent("GPE", "Ostland"))
    docs = [
        doc("a", ent("PERSON", "Tom Ostrowe"), *labour),
        doc("b", ent("PERSON", "Ian Ostrowe"), ent("ORG", "Velgrad Police")),
        doc("c", ent("PERSON", "Ostrowe"), *labour),  # Tom's world: three names to none
        doc("d", ent("PERSON", "Ostrowe"), ent("GPE", "Ostland"), ent("ORG", "Velgrad Police")),
    ]
    res = resolve(docs)
    assert together(res, docs, ("a", "Tom Ostrowe"), ("c", "Ostrowe"))
    assert not together(res, docs, ("a", "Tom Ostrowe"), ("d", "Ostrowe"))  # one name each
    assert not together(res, docs, ("b", "Ian Ostrowe"), ("d", "Ostrowe"))


def test_a_bare_surname_beside_two_people_of_that_surname_joins_no_one() -> None:
    docs = [
        doc("a", ent("PERSON", "Simon Lusk"), KZ, ent("GPE", "Ostland")),
        doc("b", ent("PERSON", "Lusk"), ent("PERSON", "A Lusk"), ent("PERSON", "P Lusk"), KZ),
        doc("c", ent("PERSON", "Lusk"), ent("PERSON", "Simon Lusk"), KZ),  # one person
        doc("d", ent("PERSON", "Lusk"), ent("PERSON", "S Lusk"), ent("GPE", "Karvenia")),
    ]
    res = resolve(docs)
    assert not together(res, docs, ("a", "Simon Lusk"), ("b", "Lusk"))
    assert together(res, docs, ("a", "Simon Lusk"), ("c", "Lusk"))
    assert together(res, docs, ("a", "Simon Lusk"), ("d", "Lusk"))


def test_a_generic_body_joins_its_namesake_only_given_context() -> None:
    docs = [
        doc("a", ent("ORG", "Supreme Court"), KZ, ent("PERSON", "Emil Rahimov")),
        doc("b", ent("ORG", "Supreme Court"), ent("PERSON", "Emil Rahimov")),
        doc("c", ent("ORG", "Supreme Court"), ent("GPE", "Bergholm")),
        doc("d", ent("ORG", "Ferrow Institute"), KZ),
        doc("e", ent("ORG", "Ferrow Institute"), ent("GPE", "Bergholm")),
    ]
    res = resolve(docs)
    assert together(res, docs, ("a", "Supreme Court"), ("b", "Supreme Court"))
    assert not together(res, docs, ("a", "Supreme Court"), ("c", "Supreme Court"))
    assert together(res, docs, ("d", "Ferrow Institute"), ("e", "Ferrow Institute"))


def test_a_day_typed_a_body_and_a_generic_house_join_nothing_on_their_names() -> None:
    docs = [
        doc("a", ent("ORG", "Sunday"), KZ),
        doc("b", ent("ORG", "Sunday"), ent("GPE", "Karvenia")),
        doc("c", ent("ORG", "House"), ent("ORG", "Ferrow Retail")),
        doc("d", ent("ORG", "House"), ent("ORG", "Commons")),
    ]
    res = resolve(docs)
    assert not together(res, docs, ("a", "Sunday"), ("b", "Sunday"))
    assert not together(res, docs, ("c", "House"), ("d", "House"))


def test_the_church_of_two_unrelated_reports_is_no_one_body() -> None:
    # "covered up by the Church" of a novel's review and "against the Church" of another
    # novel's: every faith and every story has a Church
    docs = [
        doc("a", ent("ORG", "Church"), ent("PERSON", "Tom Wright")),
        doc("b", ent("ORG", "Church"), ent("PERSON", "Lyra Belacqua")),
        doc("c", ent("ORG", "Church"), ent("PERSON", "Tom Wright")),
    ]
    res = resolve(docs)
    assert not together(res, docs, ("a", "Church"), ("b", "Church"))
    assert together(res, docs, ("a", "Church"), ("c", "Church"))
