"""Cross-document resolution: joins, guard rails, overrides, alias files, ids, cost."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from newsledger.components.mentions import stage as mentions
from newsledger.core.errors import InputError, NewsledgerError
from newsledger.core.model import Document, Entity, Mention
from newsledger.corpus.aliases import default_aliases, load_alias_file
from newsledger.corpus.resolve import Override, Overrides, Resolution, load_aliases, resolve
from tests.conftest import SAMPLES, need_shared

Doc = tuple[str, list[Entity]]


def ent(etype: str, name: str, *aliases: str, n: int = 1) -> Entity:
    eid = mentions.entity_id(etype, name)
    ms = tuple(Mention(0, 0, name, etype, eid) for _ in range(n)) + tuple(
        Mention(0, 0, a, etype, eid) for a in aliases
    )
    return Entity(eid, etype, name, tuple(sorted(set(aliases))), ms)


def doc(doc_id: str, *ents: Entity) -> Doc:
    return (doc_id, list(ents))


def gid(res: Resolution, doc_id: str, name: str, docs: Sequence[Doc]) -> str:
    for d, ents in docs:
        if d == doc_id:
            for e in ents:
                if e.name == name:
                    return res.global_id(d, e.id)
    raise KeyError((doc_id, name))


def together(res: Resolution, docs: Sequence[Doc], *refs: tuple[str, str]) -> bool:
    return len({gid(res, d, n, docs) for d, n in refs}) == 1


KZ = ent("GPE", "Karvenia")


def test_transliterated_full_names_join_and_ids_cover_every_entity() -> None:
    docs = [
        doc("a", ent("PERSON", "Emil Rakhimov", n=3), KZ),
        doc("b", ent("PERSON", "Emil Rahimov", n=5), ent("GPE", "Karvenia")),
    ]
    res = resolve(docs)
    assert together(res, docs, ("a", "Emil Rakhimov"), ("b", "Emil Rahimov"))
    g = res.entities[
        gid(res, docs, "a", "Emil Rakhimov") if False else gid(res, "a", "Emil Rakhimov", docs)
    ]
    assert g.name == "Emil Rahimov"  # the form with more mentions
    assert dict(g.alias_counts) == {"Emil Rahimov": 5, "Emil Rakhimov": 3}
    assert g.docs == ("a", "b")
    assert set(res.mapping) == {(d, e.id) for d, es in docs for e in es}


def test_different_given_names_are_different_people() -> None:
    docs = [
        doc("a", ent("PERSON", "Ahmad Rafi")),
        doc("b", ent("PERSON", "Ahmad Shah Rafi")),
        doc("c", ent("PERSON", "John Doyle")),
        doc("d", ent("PERSON", "Mary Doyle")),
    ]
    res = resolve(docs)
    assert len(res.entities) == 4


def test_bare_surname_needs_one_candidate_and_shared_context() -> None:
    docs = [
        doc("a", ent("PERSON", "Emil Rahimov"), KZ),
        doc("b", ent("PERSON", "Rahimov"), ent("GPE", "Karvenia")),  # shares Karvenia
        doc("c", ent("PERSON", "Rahimov"), ent("GPE", "Ostland")),  # no shared context
        doc("d", ent("PERSON", "John Doyle"), KZ),
        doc("e", ent("PERSON", "Mary Doyle"), KZ),
        doc("f", ent("PERSON", "Doyle"), ent("GPE", "Karvenia")),  # fits two people
    ]
    res = resolve(docs)
    assert together(res, docs, ("a", "Emil Rahimov"), ("b", "Rahimov"))
    assert not together(res, docs, ("a", "Emil Rahimov"), ("c", "Rahimov"))
    doyles = {
        gid(res, d, n, docs) for d, n in (("d", "John Doyle"), ("e", "Mary Doyle"), ("f", "Doyle"))
    }
    assert len(doyles) == 3


def test_branch_is_not_its_parent_and_aliases_join() -> None:
    docs = [
        doc(
            "a",
            ent("ORG", "Islamic State", "IS"),
            ent("ORG", "Islamic State group in Khorasan", "EI-K"),
        ),
        doc("b", ent("ORG", "ISIS")),
        doc("c", ent("GPE", "Daesh")),
        doc("d", ent("ORG", "ISKP")),
        doc("e", ent("ORG", "Islamic State group")),
    ]
    res = resolve(docs)
    parent = gid(res, "a", "Islamic State", docs)
    branch = gid(res, "a", "Islamic State group in Khorasan", docs)
    assert parent != branch
    assert {
        gid(res, d, n, docs)
        for d, n in (("b", "ISIS"), ("c", "Daesh"), ("e", "Islamic State group"))
    } == {parent}
    assert gid(res, "d", "ISKP", docs) == branch
    assert res.entities[parent].name == "Islamic State" and res.entities[parent].type == "ORG"
    assert res.entities[branch].name == "Islamic State Khorasan Province"


def test_type_class_country_tags_join_but_person_and_place_do_not() -> None:
    docs = [
        doc("a", ent("GPE", "Karvenia", n=2), ent("PERSON", "Jordan")),
        doc("b", ent("NORP", "Karvenia"), ent("GPE", "Jordan")),
    ]
    res = resolve(docs)
    assert together(res, docs, ("a", "Karvenia"), ("b", "Karvenia"))
    assert res.entities[gid(res, "a", "Karvenia", docs)].type == "GPE"
    assert not together(res, docs, ("a", "Jordan"), ("b", "Jordan"))


def test_organisation_spellings_and_acronyms() -> None:
    council = ent("ORG", "Council for Northern Water Rights", "CNWR")
    front = ent("ORG", "Front for Velgrad Liberation")
    docs = [
        doc("a", ent("ORG", "Taliban"), council, front, KZ),
        doc("b", ent("ORG", "Taleban"), ent("ORG", "CNWR"), ent("GPE", "Karvenia")),
        doc("c", ent("LOC", "Panchir"), ent("ORG", "Panchiri"), ent("GPE", "Colombia")),
        doc("d", ent("ORG", "Northern Weather Council"), ent("ORG", "Columbia")),
        doc("e", ent("ORG", "NWC"), ent("GPE", "Ostland")),  # initials only, no shared context
        doc("f", ent("ORG", "Front for Welgrad Liberation"), ent("GPE", "Karvenia")),
        doc("g", ent("ORG", "Front for Welgrad Liberation")),
    ]
    res = resolve(docs)
    assert together(res, docs, ("a", "Taliban"), ("b", "Taleban"))  # alias data
    assert together(res, docs, ("a", "Council for Northern Water Rights"), ("b", "CNWR"))
    assert not together(res, docs, ("c", "Panchir"), ("c", "Panchiri"))
    assert not together(res, docs, ("c", "Colombia"), ("d", "Columbia"))
    assert not together(res, docs, ("d", "Northern Weather Council"), ("e", "NWC"))
    # a spelling variant of a longer name joins given a shared co-occurring name
    assert together(
        res, docs, ("a", "Front for Velgrad Liberation"), ("f", "Front for Welgrad Liberation")
    )
    alone = resolve([docs[0], docs[-1]])
    assert not together(
        alone, docs, ("a", "Front for Velgrad Liberation"), ("g", "Front for Welgrad Liberation")
    )


def test_initials_must_fit_the_given_name() -> None:
    docs = [
        doc("a", ent("PERSON", "Simon Best"), KZ),
        doc("b", ent("PERSON", "S. Best"), ent("GPE", "Karvenia")),
        doc("c", ent("PERSON", "N. Best"), ent("GPE", "Karvenia")),
    ]
    res = resolve(docs)
    assert together(res, docs, ("a", "Simon Best"), ("b", "S. Best"))
    assert not together(res, docs, ("a", "Simon Best"), ("c", "N. Best"))


def test_ids_are_deterministic_and_stable_when_unrelated_documents_arrive() -> None:
    base = [
        doc("a", ent("PERSON", "Emil Rakhimov"), KZ),
        doc("b", ent("PERSON", "Emil Rahimov"), ent("GPE", "Karvenia")),
    ]
    more = [*base, doc("z", ent("PERSON", "Lena Ots"), ent("ORG", "Ferrow Institute"))]
    r1, r2, r3 = resolve(base), resolve(more), resolve(list(reversed(more)))
    for key, g in r1.mapping.items():
        assert r2.mapping[key] == g == r3.mapping[key]
    single = resolve([doc("z", ent("PERSON", "Lena Ots"))])
    assert single.global_id("z", mentions.entity_id("PERSON", "Lena Ots")) == mentions.entity_id(
        "PERSON", "Lena Ots"
    )


# ---------------------------------------------------------------- overrides


def corpus() -> list[Doc]:
    return [
        doc("a", ent("PERSON", "Emil Rakhimov"), ent("PERSON", "Lena Ots"), KZ),
        doc("b", ent("PERSON", "Emil Rahimov"), ent("PERSON", "Helena Ots-Varga")),
    ]


def test_merge_and_split_are_honoured_and_survive_new_documents() -> None:
    ovs = Overrides.from_rows(
        [
            ("merge", "Lena Ots", "PERSON:Helena Ots-Varga"),
            ("split", "Emil Rahimov", "Emil Rakhimov"),
        ]
    )
    docs = corpus()
    res = resolve(docs, overrides=ovs)
    assert together(res, docs, ("a", "Lena Ots"), ("b", "Helena Ots-Varga"))
    assert not together(res, docs, ("a", "Emil Rakhimov"), ("b", "Emil Rahimov"))
    assert res.unmatched == ()
    # re-ingest: the same documents again plus new ones, decisions still hold
    docs2 = [*corpus(), doc("c", ent("PERSON", "Emil Rakhimov"), ent("PERSON", "Lena Ots"))]
    res2 = resolve(docs2, overrides=ovs)
    assert together(res2, docs2, ("a", "Lena Ots"), ("b", "Helena Ots-Varga"), ("c", "Lena Ots"))
    assert together(res2, docs2, ("a", "Emil Rakhimov"), ("c", "Emil Rakhimov"))
    assert not together(res2, docs2, ("c", "Emil Rakhimov"), ("b", "Emil Rahimov"))


def test_later_decision_wins_and_split_without_name_separates_names() -> None:
    docs = corpus()
    merged_again = resolve(
        docs,
        overrides=[
            Override("split", ("Emil Rahimov",)),
            Override("merge", ("Emil Rakhimov", "Emil Rahimov")),
        ],
    )
    assert together(merged_again, docs, ("a", "Emil Rakhimov"), ("b", "Emil Rahimov"))
    split_again = resolve(
        docs,
        overrides=[
            Override("merge", ("Lena Ots", "Helena Ots-Varga")),
            Override("split", ("Lena Ots",)),
        ],
    )
    assert not together(split_again, docs, ("a", "Lena Ots"), ("b", "Helena Ots-Varga"))


def test_override_by_global_id_and_unmatched_reference() -> None:
    docs = corpus()
    auto = resolve(docs)
    emil = gid(auto, "a", "Emil Rakhimov", docs)
    res = resolve(
        docs, overrides=[Override("split", (emil,)), Override("merge", ("Nobody", "Lena Ots"))]
    )
    assert not together(res, docs, ("a", "Emil Rakhimov"), ("b", "Emil Rahimov"))
    assert [o.refs[0] for o in res.unmatched] == ["Nobody"]


def test_bad_overrides_say_how_to_fix() -> None:
    with pytest.raises(NewsledgerError, match="merge' or 'split"):
        Override("join", ("a", "b"))
    with pytest.raises(NewsledgerError, match="at least two"):
        Overrides.from_rows([("merge", "a", None)])


# ----------------------------------------------------------------- aliases


def test_user_alias_file_loads_and_wins(tmp_path: Path) -> None:
    f = tmp_path / "mine.tsv"
    f.write_text(
        "canonical\talias\ttype\tsource\n# comment\nFerrow Institute\tFI\tORG\n"
        "Karvenia\tRepublic of Karvenia\tGPE\tatlas\n",
        encoding="utf-8",
    )
    table = load_aliases(f)
    assert len(table) == len(default_aliases()) + 2
    entry = table.lookup("FI")
    assert (
        entry is not None and entry.canonical == "Ferrow Institute" and entry.source == "mine.tsv"
    )
    assert table.lookup("fi") is None  # acronyms are case-sensitive
    docs = [doc("a", ent("ORG", "FI")), doc("b", ent("ORG", "Ferrow Institute"))]
    res = resolve(docs, aliases=table)
    assert together(res, docs, ("a", "FI"), ("b", "Ferrow Institute"))


def test_user_rows_win_over_packaged_ones(tmp_path: Path) -> None:
    f = tmp_path / "mine.tsv"
    f.write_text("Iceland\tIS\tGPE\tatlas\n", encoding="utf-8")
    table = load_aliases(f)
    hit = table.lookup("IS")
    assert hit is not None and hit.canonical == "Iceland"
    parent = table.lookup("ISIS")
    assert parent is not None and "IS" not in table.surfaces(parent.key)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Ferrow Institute\tFI\n", "expected 3 or 4"),
        ("Ferrow Institute\tFI\tCOMPANY\tx\n", "unknown entity type"),
        ("\tFI\tORG\tx\n", "must not be empty"),
        ("Ferrow Institute\tFI\tORG\tx\nFolk Inn\tFI\tORG\tx\n", "already given"),
    ],
)
def test_bad_alias_rows_name_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    f = tmp_path / "bad.tsv"
    f.write_text("# header comment\n" + row, encoding="utf-8")
    with pytest.raises(InputError, match=message) as exc:
        load_alias_file(f)
    assert f"{f}:{2 if 'already' not in message else 3}" in str(exc.value)


def test_packaged_aliases_keep_branch_and_parent_apart() -> None:
    table = default_aliases()
    for name in ("IS", "ISIS", "ISIL", "Daesh", "Islamic State", "EI", "Islamic State group"):
        e = table.lookup(name)
        assert e is not None and e.canonical == "Islamic State", name
    for name in ("IS-K", "ISIS-K", "ISKP", "EI-K", "Islamic State Khorasan"):
        e = table.lookup(name)
        assert e is not None and e.canonical == "Islamic State Khorasan Province", name
    assert all(e.source for e in table.entries)


# -------------------------------------------------------------------- cost

SYL = [
    "ka",
    "ri",
    "mo",
    "ten",
    "sa",
    "lu",
    "dor",
    "vin",
    "ha",
    "be",
    "zo",
    "ni",
    "pra",
    "gul",
    "ef",
]


def synthetic(n_docs: int, seed: int = 7) -> list[Doc]:
    rnd = random.Random(seed)

    def word(k: int) -> str:
        return "".join(rnd.choice(SYL) for _ in range(k)).capitalize()

    people = [f"{word(2)} {word(3)}" for _ in range(n_docs * 3)]
    orgs = [
        f"{word(2)} {rnd.choice(['Institute', 'Council', 'Bank', 'Front'])}" for _ in range(n_docs)
    ]
    places = [word(3) for _ in range(max(5, n_docs // 4))]
    out = []
    for d in range(n_docs):
        names = [ent("PERSON", rnd.choice(people)) for _ in range(6)]
        names += [ent("ORG", rnd.choice(orgs)) for _ in range(3)]
        names += [ent("GPE", rnd.choice(places)) for _ in range(3)]
        names.append(ent("PERSON", rnd.choice(people).split()[1]))
        uniq = {e.id: e for e in names}
        out.append(doc(f"d{d}", *uniq.values()))
    return out


def test_candidate_pairs_grow_about_linearly() -> None:
    """Counts, not time (bench/stages.py prints the time ratio)."""
    r_small, r_large = resolve(synthetic(100)), resolve(synthetic(1000))
    n_small, n_large = r_small.stats["entities_in"], r_large.stats["entities_in"]
    p_small, p_large = r_small.stats["candidate_pairs"], r_large.stats["candidate_pairs"]
    assert n_large >= 9 * n_small
    assert p_large <= 20 * max(p_small, 1) * (n_large / n_small) / 10


# ------------------------------------------------------------------ samples


@pytest.fixture(scope="module")
def sample_docs() -> Iterator[list[Doc]]:
    need_shared()
    from newsledger import pipeline
    from newsledger.nlp import spacy_adapter as nlp

    docs = [Document(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]
    yield [
        (ann.doc.id, pipeline.analyse(ann, pipeline.stages_for("mentions")).entities)
        for ann in nlp.annotate(docs)
    ]


def test_samples_resolve_together(sample_docs: list[Doc]) -> None:
    res = resolve(sample_docs)

    def of(surface: str) -> set[str]:
        return {
            res.global_id(d, e.id)
            for d, es in sample_docs
            for e in es
            if any(m.text == surface for m in e.mentions)
        }

    def one(*surfaces: str) -> str:
        ids = set().union(*(of(s) for s in surfaces))
        assert len(ids) == 1, (surfaces, [res.entities[i].name for i in ids])
        return ids.pop()

    rahmon = one("Emomali Rakhmon", "Emomali Rahmon", "Rahmon")
    islamic_state = one("Islamic State", "IS", "Daesh", "ISIS")
    assert one("Amrullah Saleh", "Salah") != rahmon
    one("Vanda Felbab-Brown", "Felbab-Brown")
    for name in (
        "Christine Fair",
        "David Gaüzère",
        "Wassim Nasr",
        "Emmanuel Macron",
        "Tajikistan",
        "Taliban",
    ):
        one(name)
    assert one("EI-K") != islamic_state
    assert one("Ahmad Massoud") != one("Ahmad Shah Massoud")
    assert one("Vladimir Putin") != rahmon
    assert res.entities[rahmon].name == "Emomali Rahmon"
    assert res.entities[rahmon].docs == tuple(sorted(d for d, _ in sample_docs))


# --------------------------------------------------------------------- keys


def test_name_keys() -> None:
    from newsledger.corpus.keys import (
        acronym_matches,
        person_compatible,
        person_name,
        similar,
        skeleton,
        title_prefix,
    )

    assert skeleton("Rakhmon") == skeleton("Rahmon")
    assert skeleton("Saleh") == skeleton("Salah")
    assert skeleton("Massoud") == skeleton("Masud")
    assert similar("rakhmon", "rahmon") and similar("saleh", "salah")
    assert not similar("hassan", "hussain") and not similar("panchir", "panchiri")
    assert title_prefix(["Tajik", "President", "Emomali", "Rahmon"]) == 2
    assert title_prefix(["Secretary", "of", "State", "Lena", "Ots"]) == 3
    assert title_prefix(["John", "Major"]) == 0
    assert person_name("Abu Bakr al-Baghdadi").surname == "baghdadi"
    assert person_name("George W. Bush").given == ("george",)
    assert person_compatible(person_name("George W. Bush"), person_name("George Bush"))
    assert not person_compatible(person_name("Ahmad Massoud"), person_name("Ahmad Shah Massoud"))
    assert acronym_matches("COSAC", "Center for Observation of Central Asian Societies")
    assert acronym_matches("FNR", "National Resistance Front")
    assert not acronym_matches("AFP", "Kaldor City")
