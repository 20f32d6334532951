"""The one lexicon reader (core/lexicon.py) and the data catalogue (data/README.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsledger.core.errors import InputError
from newsledger.core.lexicon import (
    Col,
    LexiconError,
    data_files,
    data_path,
    parse_table,
    read_json,
    read_table,
)
from newsledger.core.wordlists import demonym_codes, demonym_rows

COLS = (Col("word", required=True), Col("value", int), Col("kind", choices=frozenset({"a", "b"})))


def catalogue_names() -> list[str]:
    text = data_path("README.md").read_text(encoding="utf-8")
    return re.findall(r"^\| `([^`]+)` \|", text, flags=re.M)


def test_every_data_file_is_in_the_catalogue() -> None:
    listed = catalogue_names()
    files = data_files()
    assert len(files) > 20
    assert sorted(set(files) - set(listed)) == [], "add these files to data/README.md"
    assert sorted(set(listed) - set(files)) == [], "data/README.md names files that do not exist"
    assert len(listed) == len(set(listed)), "a file is listed twice in data/README.md"


def test_every_tabular_data_file_has_a_header_row() -> None:
    for name in data_files():
        if not name.endswith(".tsv"):
            continue
        lines = data_path(name).read_text(encoding="utf-8").splitlines()
        first = next(ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#"))
        names = first.split("\t")
        assert all(re.fullmatch(r"[a-z][a-z0-9_]*", n) for n in names), (name, first)


def test_every_json_data_file_parses() -> None:
    for name in data_files():
        if name.endswith(".json"):
            assert isinstance(read_json(name), dict), name


def test_rows_are_read_through_the_header() -> None:
    text = "# a comment\nword\tvalue\tkind\nx\t3\ta\n\n# another\ny\t\tb\n"
    rows = parse_table(text, "t.tsv", COLS)
    assert [dict(r) for r in rows] == [
        {"word": "x", "value": "3", "kind": "a"},
        {"word": "y", "value": "", "kind": "b"},
    ]
    assert [r.line for r in rows] == [3, 6]
    assert rows[1].where == "t.tsv:6"


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("word\tvalue\n", "t.tsv:1", "header row"),
        ("word\tvalue\tkind\nx\t1\n", "t.tsv:2", "expected 3 tab-separated columns, found 2"),
        ("word\tvalue\tkind\nx\t1\ta\nx\tten\ta\n", "t.tsv:3", "not a whole number"),
        ("word\tvalue\tkind\nx\t1\tc\n", "t.tsv:2", "'kind' has 'c'"),
        ("#\nword\tvalue\tkind\n\t1\ta\n", "t.tsv:3", "'word' is empty"),
    ],
)
def test_a_bad_row_names_file_line_and_fix(text: str, where: str, what: str) -> None:
    with pytest.raises(LexiconError) as exc:
        parse_table(text, "t.tsv", COLS)
    assert str(exc.value).startswith(where + ":")
    assert what in str(exc.value)
    assert exc.value.hint


def test_a_file_without_rows_or_header_is_an_error() -> None:
    with pytest.raises(LexiconError, match="no header row"):
        parse_table("# only a comment\n", "t.tsv", COLS)


def test_user_files_may_leave_out_the_header_and_optional_columns(tmp_path: Path) -> None:
    f = tmp_path / "mine.tsv"
    cols = (Col("a"), Col("b"), Col("c", optional=True))
    f.write_text("x\ty\nz\tw\tv\n", encoding="utf-8")
    assert [r.cells() for r in read_table(f, cols, header=False)] == [
        ("x", "y", ""),
        ("z", "w", "v"),
    ]
    f.write_text("a\tb\nx\ty\n", encoding="utf-8")
    assert [r.cells() for r in read_table(f, cols, header=False)] == [("x", "y", "")]
    f.write_text("x\n", encoding="utf-8")
    with pytest.raises(InputError, match="expected 2 or 3 tab-separated columns"):
        read_table(f, cols, header=False)


def test_unreadable_and_bad_json_files_say_where(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        read_table(tmp_path / "missing.tsv", COLS)
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "a": 1\n  "b": 2\n}\n', encoding="utf-8")
    with pytest.raises(LexiconError) as exc:
        read_json(bad)
    assert f"{bad}:3" in str(exc.value) and "JSON" in str(exc.value)
    latin = tmp_path / "latin.tsv"
    latin.write_bytes("word\tvalue\tkind\nSão\t1\ta\n".encode("latin-1"))
    with pytest.raises(LexiconError, match="not UTF-8"):
        read_table(latin, COLS)


def test_one_demonym_table_serves_every_stage() -> None:
    rows = demonym_rows()
    assert len({r["demonym"] for r in rows}) == len(rows)
    codes = demonym_codes()
    assert codes["Tajik"] == "TJ" and codes["Afghans"] == "AF" and "Kurdish" not in codes
    assert all(r["source"] for r in rows)


def test_the_gazetteer_and_the_alias_table_agree_on_canonical_names() -> None:
    """Both tables name entities: a name in both has one canonical name (the alias
    table's is what resolution shows)."""
    from newsledger.components.ner.tables import rows
    from newsledger.corpus.aliases import default_aliases

    aliases = default_aliases()
    checked = 0
    for r in rows("ner_gazetteer.tsv"):
        hit = aliases.lookup(r["name"])
        if hit is None or hit.type != r["label"]:
            continue
        checked += 1
        assert hit.canonical == r["canonical"], (r.where, r["name"], hit.canonical)
    assert checked > 20
