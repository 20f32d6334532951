"""Conflicts are computed when articles are stored: a person named in full in one
article and by surname only in another is one subject for the comparison."""

from __future__ import annotations

import json
from pathlib import Path

from newsledger import service
from newsledger.query import facts as query
from newsledger.store import Store

ARTICLES = [
    {
        "id": "full",
        "published": "2022-01-18",
        "text": "Anselm Vogt, 61, was appointed head of the Brakel harbour board on Tuesday. "
        "He was born in Tessin.",
    },
    {
        "id": "surname",
        "published": "2022-06-30",
        "text": "Investigators questioned the 55-year-old Vogt on Wednesday about contracts "
        "signed at the harbour. Vogt, who was born in Marrow, denies any wrongdoing.",
    },
]


def test_surname_only_article_conflicts_with_the_full_name(tmp_path: Path) -> None:
    src = tmp_path / "articles.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = tmp_path / "c.db"
    service.ingest([str(src)], db, workers=1)
    with Store(db, readonly=True) as store:
        found = {(c["subject"]["name"], c["attribute"], c["kind"]) for c in query.conflicts(store)}
        ages = query.conflicts(store, attribute="age")
    assert ("Anselm Vogt", "age", "conflict") in found
    assert ("Anselm Vogt", "birthplace", "conflict") in found
    values = {v["value"]: [e["doc"] for e in v["evidence"]] for v in ages[0]["values"]}
    assert set(values) == {"61", "55"}
    assert all(docs for docs in values.values())
