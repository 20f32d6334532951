"""A store keeps each report's sport, so that later ingests (which re-resolve every
stored report) still keep a country's football and rugby teams apart (fictional reports)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from newsledger import service
from newsledger.corpus.update import refresh_store
from newsledger.store import Store
from tests.components.mentions.test_sport import FOOTBALL, RUGBY
from tests.conftest import need

REPORTS = [
    {"id": "f1", "text": FOOTBALL},
    {"id": "f2", "text": FOOTBALL.replace("nine goals", "ten goals")},
    {"id": "r1", "text": RUGBY},
    {"id": "r2", "text": RUGBY.replace("four penalties", "five penalties")},
]


def _teams(store: Store) -> dict[str, str]:
    rows = store.conn.execute(
        "SELECT m.doc_id, m.entity_id FROM entity_map m JOIN doc_entities e"
        " ON e.doc_id = m.doc_id AND e.local_id = m.local_id"
        " WHERE e.name = 'Scotland' AND e.type = 'ORG'"
    )
    return {d: g for d, g in rows}


def test_a_stores_reports_keep_their_sport_and_teams_of_two_sports_apart(tmp_path: Path) -> None:
    need(sqlite3.sqlite_version_info >= (3, 35), "SQLite before 3.35 cannot drop columns")
    src = tmp_path / "reports.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    db = tmp_path / "s.db"
    service.ingest([str(src)], db, workers=1)
    with Store(db) as s:
        sports = dict(s.conn.execute("SELECT id, sport FROM documents").fetchall())
        teams = _teams(s)
    assert sports == {"f1": "football", "f2": "football", "r1": "rugby union", "r2": "rugby union"}
    assert teams["f1"] == teams["f2"] and teams["r1"] == teams["r2"]
    assert teams["f1"] != teams["r1"]
    conn = sqlite3.connect(db)
    with conn:  # as a store written before migration 0009: no sports anywhere
        conn.execute("ALTER TABLE documents DROP COLUMN sport")
        conn.execute("DELETE FROM _migrations WHERE name = '0009_doc_sport'")
        conn.execute("DELETE FROM meta WHERE key = 'sport_rules'")
    conn.close()
    with Store(db) as s:  # the migration keeps every row; the next refresh reads the sports
        assert s.count_documents() == 4
        refresh_store(s)
        assert _teams(s) == teams
        # sports read by other rules are read again
        s.conn.execute("UPDATE documents SET sport = 'tennis'")
        s.conn.execute("UPDATE meta SET value = 'older rules' WHERE key = 'sport_rules'")
        s.conn.commit()
        refresh_store(s)
        assert dict(s.conn.execute("SELECT id, sport FROM documents").fetchall()) == sports


def test_a_stores_reports_of_no_clear_sport_lean_their_competitions(tmp_path: Path) -> None:
    # a football report with few cues (of no clear sport) and two rugby reports
    cup = "Striker Kofi Annang missed a World Cup qualifying match at home to Ghana in June."
    rugby = RUGBY + " The World Cup winner said the World Cup in 2027 was his aim."
    reports = [{"id": "u1", "text": cup}, {"id": "r1", "text": rugby}]
    reports.append({"id": "r2", "text": rugby.replace("four penalties", "five penalties")})
    src = tmp_path / "reports.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    db = tmp_path / "s.db"
    service.ingest([str(src)], db, workers=1)
    with Store(db) as s:
        refresh_store(s)
        sports = dict(s.conn.execute("SELECT id, sport FROM documents").fetchall())
        cups = dict(
            s.conn.execute(
                "SELECT m.doc_id, m.entity_id FROM entity_map m JOIN doc_entities e"
                " ON e.doc_id = m.doc_id AND e.local_id = m.local_id WHERE e.name = 'World Cup'"
            ).fetchall()
        )
    assert sports["u1"] == "unknown" and sports["r1"] == "rugby union"
    assert cups["r1"] == cups["r2"] and cups["u1"] != cups["r1"]
