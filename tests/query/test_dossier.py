"""The entity dossier read from flat rows equals the dossier computed by walking records.

``_reference`` is the straightforward computation (load each record mentioning
the entity, rewrite it with corpus-level ids, walk everything); ``query.dossier``
must give the same keys and values, lists in the same order.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from newsledger.core.errors import StoreError
from newsledger.core.model import Entity
from newsledger.corpus.tables import refresh_tables
from newsledger.query import facts as query
from newsledger.store import Store
from tests.conftest import EXAMPLES, need

OLD_SQLITE = (
    f"SQLite {sqlite3.sqlite_version} cannot drop columns to fake an old store (needs 3.35)"
)

ARTICLES = [
    {
        "id": "fict-dossier-1",
        "published": "2031-04-02",
        "title": "Port authority names new chief",
        "text": (
            "Marta Okonkwo, chief executive of the Harrowgate Port Authority, said on Tuesday "
            '"the new quay will open in June". Okonkwo added that Harrowgate Port Authority '
            "would hire 300 workers. Daniel Ferreira, the mayor of Velmora, criticised "
            'Okonkwo. "Marta Okonkwo has ignored the fishermen," Ferreira said.'
        ),
    },
    {
        "id": "fict-dossier-2",
        "published": "2031-04-05",
        "title": "Quay protest in Velmora",
        "text": (
            "Hundreds of fishermen protested in Velmora on Friday against the quay planned by "
            "the Harrowgate Port Authority. Daniel Ferreira, 52, joined the march. "
            '"We were never asked," said Ferreira. Port chief Marta Okonkwo told reporters '
            "that the authority had consulted Velmora council twice."
        ),
    },
    {
        "id": "fict-dossier-3",
        "published": "2031-04-09",
        "title": "Mayor meets port chief",
        "text": (
            "Velmora mayor Daniel Ferreira met Marta Okonkwo in Harrowgate on Monday. "
            "Ms Okonkwo, 47, said the talks were useful. Ferreira, 53, said: "
            '"Okonkwo listened, but the quay is still too big." The Harrowgate Port '
            "Authority said the meeting lasted two hours."
        ),
    },
]


def _reference(store: Store, ref: str) -> dict[str, Any]:
    """The dossier by walking whole records (the computation the flat rows replace)."""

    def ev(doc: str, start: int, end: int, text: str) -> dict[str, Any]:
        return {"doc": doc, "start": start, "end": end, "text": text[start:end]}

    ent = query.find_entity(store, ref)
    eid = ent["id"]
    alias_counts: Counter[str] = Counter()
    cooc: Counter[str] = Counter()
    docs, roles, quotes_by, quotes_about, events, claims = [], [], [], [], [], []
    names: dict[str, str] = {}
    claim_items: list[dict[str, Any]] = []
    for rec in query.records(store, store.doc_ids_of_entity(eid)):
        text, d = rec["text"], rec["id"]
        docs.append({"id": d, "title": rec.get("title"), "published": rec.get("published")})
        doc_names = {e["id"]: e["name"] for e in rec["entities"]}
        for e in rec["entities"]:
            names[e["id"]] = e["name"]
            if e["id"] == eid:
                alias_counts.update(m["text"] for m in e["mentions"])
            else:
                cooc[e["id"]] += 1
        spans = [
            (m["start"], m["end"]) for e in rec["entities"] if e["id"] == eid for m in e["mentions"]
        ]
        for r in rec["roles"]:
            if r["entity"] == eid:
                roles.append(
                    {
                        "role": r["role"],
                        "org": r["org"],
                        "org_entity": r.get("org_entity"),
                        "evidence": ev(d, r["start"], r["end"], text),
                    }
                )
        for q in rec["quotes"]:
            item = {
                "text": q["text"],
                "kind": q["kind"],
                "date": q.get("date"),
                "speaker": q["speaker"],
                "published": rec.get("published"),
                "evidence": ev(d, q["start"], q["end"], text),
            }
            if q["speaker"] and q["speaker"]["entity"] == eid:
                quotes_by.append(item)
            elif any(s < q["end"] and q["start"] < e for s, e in spans):
                quotes_about.append(item)
        for x in rec["events"]:
            if eid in x["actors"] or eid in x["targets"]:
                s, e = x["evidence"]["start"], x["evidence"]["end"]
                events.append({**x, "doc": d, "evidence": ev(d, s, e, text)})
        for c in rec["claims"]:
            if c["subject"] != eid:
                continue
            claims.append(
                {
                    "attribute": c["attribute"],
                    "value": c["value"],
                    "speaker": c.get("speaker"),
                    "evidence": ev(d, c["start"], c["end"], text),
                }
            )
            claim_items.append(
                {
                    **c,
                    "doc": d,
                    "published": rec.get("published"),
                    "subject_name": doc_names.get(c["subject"], c["subject"]),
                    "speaker_name": doc_names.get(c["speaker"]) if c.get("speaker") else None,
                    "text": text[c["start"] : c["end"]],
                }
            )
    return {
        "id": eid,
        "name": ent["name"],
        "type": ent["type"],
        "aliases": [{"text": a, "count": n} for a, n in alias_counts.most_common()],
        "documents": docs,
        "first_seen": ent["first_seen"],
        "last_seen": ent["last_seen"],
        "mentions": ent["mentions"],
        "roles": roles,
        "quotes_by": quotes_by,
        "quotes_about": quotes_about,
        "cooccurring": [
            {"id": g, "name": names.get(g, g), "count": n} for g, n in cooc.most_common(25)
        ],
        "events": events,
        "claims": claims,
        "conflicts": query.conflicts_among(claim_items),
    }


def _all_ids(store: Store) -> list[str]:
    return [e["id"] for e in store.entities(limit=100_000)]


def _assert_same(store: Store) -> int:
    ids = _all_ids(store)
    for eid in ids:
        assert query.dossier(store, eid) == _reference(store, eid), eid
    return len(ids)


# --------------------------------------------------------------- hand-built


def _ent(lid: str, etype: str, name: str, spans: list[tuple[int, int]], text: str) -> Any:
    return {
        "id": lid,
        "type": etype,
        "name": name,
        "aliases": [],
        "mentions": [{"start": s, "end": e, "text": text[s:e]} for s, e in spans],
    }


def _hand_records() -> list[dict[str, Any]]:
    """Two fictional documents; in the first, two local entities resolve to one."""
    t1 = 'Ines Varga met Tomas Eld. "Varga is right," Eld said. Ms Varga, 61, leads Orvik Bank.'
    t2 = "Tomas Eld, 40, chairs Orvik Bank. Varga denied it. Eld protested in Kessa."
    base = {"schema": 1, "source": "s", "published_inferred": False, "url": None, "dates": []}
    quote1 = {
        "start": 26,
        "end": 43,
        "text": t1[26:43],
        "kind": "direct",
        "fragments": [[26, 43]],
        "cue": {"start": 48, "end": 52, "text": "said"},
        "speaker": {"entity": "b", "name": "Eld", "start": 44, "end": 47},
        "via": [{"entity": "a", "name": "Varga"}],
        "date": "2031-01-03",
    }
    rec1 = {
        **base,
        "id": "h1",
        "title": "One",
        "published": "2031-01-03",
        "text": t1,
        "entities": [
            _ent("a", "PERSON", "Ines Varga", [(0, 10)], t1),
            _ent("b", "PERSON", "Tomas Eld", [(15, 24), (44, 47)], t1),
            _ent("a2", "PERSON", "Varga", [(27, 32), (57, 62)], t1),
            _ent("o", "ORG", "Orvik Bank", [(74, 84)], t1),
        ],
        "quotes": [quote1],
        "roles": [
            {"entity": "a2", "role": "leader", "org": "Orvik Bank", "org_entity": "o"}
            | {"start": 54, "end": 84}
        ],
        "places": [],
        "events": [],
        "claims": [
            {
                "subject": "a2",
                "attribute": "age",
                "value": 61,
                "value_type": "number",
                "qualifiers": {},
                "speaker": None,
                "start": 54,
                "end": 66,
                "text": t1[54:66],
            }
        ],
    }
    event = {
        "id": "ev1",
        "type": "PROTEST",
        "mode": None,
        "trigger": {"start": 55, "end": 64, "text": "protested"},
        "actors": ["b2"],
        "targets": [],
        "place": "Kessa",
        "country": None,
        "lat": 1.5,
        "lon": 2.25,
        "date": "2031-01-05",
        "killed": None,
        "injured": None,
        "casualty_history": [],
        "evidence": {"start": 51, "end": 74},
    }
    rec2 = {
        **base,
        "id": "h2",
        "title": "Two",
        "published": "2031-01-05",
        "text": t2,
        "entities": [
            _ent("b2", "PERSON", "Tomas Eld", [(0, 9), (51, 54)], t2),
            _ent("o2", "ORG", "Orvik Bank", [(22, 32)], t2),
            _ent("v2", "PERSON", "Varga", [(34, 39)], t2),
            _ent("k2", "GPE", "Kessa", [(68, 73)], t2),
        ],
        "quotes": [],
        "roles": [
            {"entity": "b2", "role": "chair", "org": "Orvik Bank", "org_entity": "o2"}
            | {"start": 0, "end": 32}
        ],
        "places": [],
        "events": [event],
        "claims": [
            {
                "subject": "b2",
                "attribute": "age",
                "value": 40,
                "value_type": "number",
                "qualifiers": {},
                "speaker": None,
                "start": 0,
                "end": 13,
                "text": t2[0:13],
            }
        ],
    }
    return [rec1, rec2]


def _hand_store(db: Path) -> Store:
    store = Store(db)
    store.put_records(_hand_records())
    mapping = [
        ("h1", "a", "GV"),
        ("h1", "a2", "GV"),
        ("h1", "b", "GE"),
        ("h1", "o", "GO"),
        ("h2", "b2", "GE"),
        ("h2", "o2", "GO"),
        ("h2", "v2", "GV"),
        ("h2", "k2", "GK"),
    ]
    ents = [
        Entity("GV", "PERSON", "Ines Varga", ("Varga",)),
        Entity("GE", "PERSON", "Tomas Eld", ("Eld",)),
        Entity("GO", "ORG", "Orvik Bank"),
        Entity("GK", "GPE", "Kessa"),
    ]
    stats = {e.id: (2, 2, "2031-01-03", "2031-01-05") for e in ents}
    store.replace_resolution(mapping, ents, stats)
    refresh_tables(store)
    return store


def test_hand_built_store_matches_reference(tmp_path: Path) -> None:
    with _hand_store(tmp_path / "h.db") as store:
        assert _assert_same(store) == 4
        d = query.dossier(store, "GV")
        # two local entities of h1 merged: their mentions count under one alias list
        assert d["aliases"] == [
            {"text": "Varga", "count": 3},
            {"text": "Ines Varga", "count": 1},
        ]
        assert [q["speaker"]["name"] for q in d["quotes_about"]] == ["Tomas Eld"]
        assert d["roles"][0]["org_entity"] == "GO"
        assert d["roles"][0]["evidence"]["text"] == "Ms Varga, 61, leads Orvik Bank"
        eld = query.dossier(store, "GE")
        assert [q["evidence"]["text"] for q in eld["quotes_by"]] == ['"Varga is right,"']
        assert eld["events"][0]["actors"] == ["GE"]
        assert eld["events"][0]["evidence"]["text"] == "Eld protested in Kessa."
        assert [c["count"] for c in eld["cooccurring"]] == [2, 2, 1]


def _downgrade(db: Path) -> None:
    """Make the store look written before migration 0004 (no dossier rows)."""
    conn = sqlite3.connect(db)
    with conn:
        for table in ("entity_texts", "roles", "quote_entities", "event_entities"):
            conn.execute(f"DROP TABLE {table}")
        for table, col in (
            ("doc_entities", "first_start"),
            ("quotes", "speaker_start"),
            ("quotes", "speaker_end"),
            ("events", "record"),
            ("claims", "record"),
        ):
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {col}")
        conn.execute("DELETE FROM _migrations WHERE name = '0004_dossier_rows'")
    conn.close()


def test_store_written_before_the_dossier_rows_is_migrated(tmp_path: Path) -> None:
    need(sqlite3.sqlite_version_info >= (3, 35), OLD_SQLITE)
    db = tmp_path / "old.db"
    with _hand_store(db) as store:
        before = {eid: query.dossier(store, eid) for eid in _all_ids(store)}
    _downgrade(db)
    with pytest.raises(StoreError, match="0004_dossier_rows") as err:
        Store(db, readonly=True)
    assert "newsledger migrate --db PATH" in err.value.hint
    with Store(db) as store:  # opening for writing fills the rows from the stored records
        assert _assert_same(store) == 4
        assert {eid: query.dossier(store, eid) for eid in before} == before


# ------------------------------------------------------------- analysed text


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from newsledger import service

    tmp = tmp_path_factory.mktemp("dossier")
    extra = tmp / "fictional.jsonl"
    extra.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = tmp / "ex.db"
    report = service.ingest([str(EXAMPLES), str(extra)], db, workers=1)
    assert report.added >= 4 + len(ARTICLES)
    return db


def test_examples_dossiers_match_reference(examples_store: Path) -> None:
    with Store(examples_store, readonly=True) as store:
        assert _assert_same(store) > 10
        okonkwo = query.dossier(store, "Marta Okonkwo")
        assert len(okonkwo["documents"]) == 3
        assert okonkwo["quotes_about"] or okonkwo["quotes_by"]


def test_examples_store_migrated_from_old_schema(examples_store: Path, tmp_path: Path) -> None:
    need(sqlite3.sqlite_version_info >= (3, 35), OLD_SQLITE)
    db = tmp_path / "copy.db"
    src = sqlite3.connect(examples_store)
    dst = sqlite3.connect(db)
    src.backup(dst)
    src.close()
    dst.close()
    with Store(db, readonly=True) as store:
        before = {eid: query.dossier(store, eid) for eid in _all_ids(store)}
    _downgrade(db)
    with Store(db) as store:
        after = {eid: query.dossier(store, eid) for eid in before}
    assert after == before
