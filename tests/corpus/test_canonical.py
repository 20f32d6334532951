"""Canonical countries and bodies: the Phoenix-derived alias table, towns apart from their clubs."""

from __future__ import annotations

import sys
from pathlib import Path

from newsledger.corpus.aliases import PACKAGED, default_aliases
from newsledger.corpus.resolve import place_or_body, resolve
from tests.conftest import need
from tests.corpus.test_resolve import doc, ent, together

ROOT = Path(__file__).resolve().parents[2]
VOCAB = ROOT.parent / "shared" / "vocab"


def test_names_of_the_united_states_are_one_entity() -> None:
    names = ["United States", "US", "U.S.", "USA", "America", "United States of America"]
    docs = [doc(f"d{k}", ent("GPE", n)) for k, n in enumerate(names)]
    res = resolve(docs)
    assert together(res, docs, *((f"d{k}", n) for k, n in enumerate(names)))
    g = res.entities[res.global_id("d0", docs[0][1][0].id)]
    assert g.name == "United States"


def test_fed_and_federal_reserve_are_one_body() -> None:
    names = ["Fed", "US Federal Reserve", "Federal Reserve", "U.S. Federal Reserve"]
    docs = [doc(f"d{k}", ent("ORG", n)) for k, n in enumerate(names)]
    res = resolve(docs)
    assert together(res, docs, *((f"d{k}", n) for k, n in enumerate(names)))


def test_state_forms_join_their_country_but_not_a_neighbour() -> None:
    docs = [
        doc("a", ent("GPE", "Republic of Korea")),
        doc("b", ent("GPE", "South Korea")),
        doc("c", ent("GPE", "DPRK")),
        doc("d", ent("GPE", "North Korea")),
    ]
    res = resolve(docs)
    assert together(res, docs, ("a", "Republic of Korea"), ("b", "South Korea"))
    assert together(res, docs, ("c", "DPRK"), ("d", "North Korea"))
    assert not together(res, docs, ("b", "South Korea"), ("d", "North Korea"))


def test_derived_table_holds_no_towns_demonyms_or_people() -> None:
    table = default_aliases()
    for name in ("Washington", "California", "American", "Afghan", "Osama Bin Laden", "La Liga"):
        hit = table.lookup(name)
        assert hit is None or hit.canonical == name, (name, hit)
    assert PACKAGED[-1] == "aliases.tsv"  # the hand-made rows win


def test_a_town_and_a_country_stay_apart_from_their_teams() -> None:
    # the mentions stage types a country ORG only as its national team (mentions.towns)
    docs = [
        doc("a", ent("GPE", "Liverpool"), ent("ORG", "Liverpool")),
        doc("b", ent("ORG", "Liverpool"), ent("ORG", "Russia")),
        doc("c", ent("GPE", "Liverpool"), ent("GPE", "Russia")),
    ]
    res = resolve(docs)
    assert together(res, docs, ("a", "Liverpool"), ("c", "Liverpool"))
    org = next(e for e in docs[1][1] if e.name == "Liverpool")
    place = next(e for e in docs[2][1] if e.name == "Liverpool")
    assert res.global_id("b", org.id) != res.global_id("c", place.id)
    assert not together(res, docs, ("b", "Russia"), ("c", "Russia"))
    assert place_or_body("PLACE_ORG", "ORG", "Russia") == "ORG"
    assert place_or_body("PLACE_ORG", "GPE", "Russia") == "PLACE_ORG"
    assert place_or_body("PLACE_ORG", "ORG", "Karvenia Rovers") == "PLACE_ORG"
    assert place_or_body("PLACE_ORG", "ORG", "London") == "PLACE_ORG"  # a capital typed ORG


def test_generated_table_is_reproducible() -> None:
    need((VOCAB / "petrarch2-Phoenix.Countries.actors.txt").exists(), f"{VOCAB} is missing")
    sys.path.insert(0, str(ROOT / "scripts"))
    import vocab_aliases

    rows = vocab_aliases.build(VOCAB)
    shipped = (ROOT / "src/newsledger/data/aliases_phoenix.tsv").read_text(encoding="utf-8")
    body = [ln for ln in shipped.splitlines() if ln and not ln.startswith("#")][1:]
    assert body == ["\t".join(r) for r in rows]


def test_a_bare_given_name_needs_its_own_reports_and_more_context_to_join_a_surname() -> None:
    one = [
        doc("a", ent("PERSON", "Rob Andrew"), ent("GPE", "Karvenia")),
        doc("b", ent("PERSON", "Andrew"), ent("GPE", "Karvenia")),
    ]
    res = resolve(one)
    assert not together(res, one, ("a", "Rob Andrew"), ("b", "Andrew"))
    two = [
        doc(
            "a",
            ent("PERSON", "Rob Andrew", "Andrew"),  # his own report calls him "Andrew"
            ent("GPE", "Karvenia"),
            ent("ORG", "Velgrad Falcons"),
        ),
        doc("b", ent("PERSON", "Andrew"), ent("GPE", "Karvenia"), ent("ORG", "Velgrad Falcons")),
    ]
    res = resolve(two)
    assert together(res, two, ("a", "Rob Andrew"), ("b", "Andrew"))
    # never called "Andrew" in his own reports: a given name alone is no evidence
    two[0] = doc(
        "a", ent("PERSON", "Rob Andrew"), ent("GPE", "Karvenia"), ent("ORG", "Velgrad Falcons")
    )
    res = resolve(two)
    assert not together(res, two, ("a", "Rob Andrew"), ("b", "Andrew"))
    surname = [
        doc("a", ent("PERSON", "Rob Dovrinek"), ent("GPE", "Karvenia")),
        doc("b", ent("PERSON", "Dovrinek"), ent("GPE", "Karvenia")),
    ]
    res = resolve(surname)
    assert together(res, surname, ("a", "Rob Dovrinek"), ("b", "Dovrinek"))
    named_often = [  # a transcript's "WALLACE:" three times is the host named in full elsewhere
        doc("a", ent("PERSON", "Chris Wallace", "Wallace"), ent("GPE", "Karvenia")),
        doc("b", ent("PERSON", "WALLACE", n=3), ent("GPE", "Karvenia")),
    ]
    res = resolve(named_often)
    assert together(res, named_often, ("a", "Chris Wallace"), ("b", "WALLACE"))
