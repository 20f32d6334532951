"""What a person types becomes a safe FTS5 query (query.fts) that SQLite always accepts."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsledger.query.fts import FtsSyntaxError, is_advanced, to_fts, with_alternatives


def fts_table() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    db.executemany(
        "INSERT INTO t(body) VALUES (?)",
        [
            ("Karim al-Baghdadi met Dana Felbab-Brown in the U.S. capital.",),
            ("Massoud's brother moved $9bn through the port.",),
            ("The talks ended without an agreement in Riga.",),
        ],
    )
    return db


def hits(db: sqlite3.Connection, text: str) -> int:
    q = to_fts(text)
    if not q:
        return 0
    return int(db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (q,)).fetchone()[0])


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("al-Baghdadi", 1),
        ("Felbab-Brown", 1),
        ("Massoud's", 1),
        ("U.S.", 1),
        ("$9bn", 1),
        ('"without an agreement"', 1),
        ('"agreement without"', 0),
        ("agree*", 1),
        ("Riga OR Massoud's", 2),
        ("Riga AND port", 0),
        ("talks NOT Riga", 0),
        ("(Riga OR port) moved", 1),
        ("AND", 0),  # a lone operator is the word "and"
        ('"unterminated phrase', 0),
    ],
)
def test_typed_text_is_searched_as_a_reader_means_it(text: str, n: int) -> None:
    assert hits(fts_table(), text) == n


@given(st.text(max_size=60))
def test_no_typed_text_breaks_fts5(text: str) -> None:
    db = fts_table()
    try:
        hits(db, text)
    except FtsSyntaxError as exc:  # only unbalanced parentheses are refused
        assert "(" in text or ")" in text
        assert exc.hint


def test_only_broken_parentheses_are_refused_with_a_fix() -> None:
    for text in ("(Riga", "Riga)", "()"):
        with pytest.raises(FtsSyntaxError) as exc:
            to_fts(text)
        assert exc.value.hint


def test_advanced_syntax_is_recognised_and_spellings_are_added() -> None:
    assert is_advanced('"a b"') and is_advanced("a OR b") and is_advanced("ab*")
    assert not is_advanced("al-Baghdadi") and not is_advanced("or")
    q = with_alternatives(to_fts("Rahmon"), ["Rakhmon", 'Emomali "R"', "Rakhmon"])
    assert q == '("Rahmon") OR "Rakhmon" OR "Emomali  R "'
    assert with_alternatives("", ["x"]) == ""
