from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsledger.core.errors import InputError
from newsledger.core.model import Document
from newsledger.ingest.engine import read_inputs
from newsledger.ingest.read import Defaults, check_date, decode, iter_documents
from tests.conftest import ROOT


def docs_and_errors(paths: list[str], **kw: str) -> tuple[list[Document], list[InputError]]:
    items = list(iter_documents(paths, Defaults(**kw)))
    return [i for i in items if isinstance(i, Document)], [
        i for i in items if isinstance(i, InputError)
    ]


def test_txt_utf8_bom_and_cp1252(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbfCaf\xc3\xa9 opens in Lisbon.")
    (tmp_path / "b.txt").write_bytes("Caf\u00e9 \u201cquoted\u201d.".encode("cp1252"))
    docs, errors = docs_and_errors([str(tmp_path)])
    assert not errors
    # the reader keeps the byte order mark (for --no-clean); cleaning drops it
    assert sorted(d.text for d in docs) == ["Café “quoted”.", "\ufeffCafé opens in Lisbon."]
    cleaned = [d for d in read_inputs([str(tmp_path)]) if isinstance(d, Document)]
    assert sorted(d.text for d in cleaned) == ["Café opens in Lisbon.", "Café “quoted”."]
    assert decode(b"\xef\xbb\xbfCaf\xe9", "x") == "Café"  # a UTF-8 mark on cp1252 text


RAW = "\ufeffLine one.\r\nLine two.\rLine three\x0b.\r\n\r\nEnd \u2028 here.\n"


def test_txt_stdin_and_jsonl_text_come_back_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_bytes(RAW.encode("utf-8"))
    (tmp_path / "b.jsonl").write_bytes(
        b"\xef\xbb\xbf" + json.dumps({"text": RAW[1:] + "b"}, ensure_ascii=False).encode() + b"\r\n"
    )
    docs, errors = docs_and_errors([str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")])
    assert not errors
    assert [d.text for d in docs] == [RAW, RAW[1:] + "b"]
    stdin = io.TextIOWrapper(io.BytesIO(RAW.encode("utf-8") + b"c"))
    monkeypatch.setattr("sys.stdin", stdin)
    assert [d.text for d in docs_and_errors(["-"])[0]] == [RAW + "c"]
    # ids hash the text as given; cleaning normalises line breaks and keeps the id
    cleaned = [d for d in read_inputs([str(tmp_path / "a.txt")]) if isinstance(d, Document)]
    assert cleaned[0].id == docs[0].id
    assert cleaned[0].text == "Line one.\nLine two.\nLine three\x0b.\n\nEnd \u2028 here.\n"


def test_stdin_jsonl_splits_records_on_line_breaks_only(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"text": t}, ensure_ascii=False) for t in ("One\u2028two.", "Three\x85.")]
    data = ("\ufeff" + "\r\n".join(lines) + "\r").encode("utf-8")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    docs, errors = docs_and_errors(["-"])
    assert not errors
    assert [d.text for d in docs] == ["One\u2028two.", "Three\x85."]


def test_same_text_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One article.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("One article.", encoding="utf-8")
    docs, _ = docs_and_errors([str(tmp_path)])
    assert docs[0].id == docs[1].id


def test_jsonl_keeps_id_and_reports_bad_lines(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"
    p.write_text(
        "\n".join(
            [
                json.dumps({"id": "x1", "text": "First.", "published": "2024-03-26", "title": "T"}),
                "{not json",
                json.dumps({"title": "no text"}),
                json.dumps({"text": "Second.", "published": "26/03/2024"}),
                json.dumps({"text": "Third."}),
            ]
        ),
        encoding="utf-8",
    )
    docs, errors = docs_and_errors([str(p)], published="2020-01-01")
    assert next(d.id for d in docs) == "x1"
    assert docs[0].published == "2024-03-26" and docs[0].title == "T"
    assert docs[1].text == "Third." and docs[1].published == "2020-01-01"
    assert [e.origin for e in errors] == [f"{p}:2", f"{p}:3", f"{p}:4"]
    assert "YYYY-MM-DD" in str(errors[2])


def test_empty_and_binary_files_are_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "ok.txt").write_text("Fine text.", encoding="utf-8")
    docs, errors = docs_and_errors([str(tmp_path)])
    assert [d.text for d in docs] == ["Fine text."]
    msgs = sorted(str(e) for e in errors)
    assert "bin.txt" in msgs[0] and "binary" in msgs[0]
    assert "empty.txt" in msgs[1] and "empty" in msgs[1]


def test_missing_path(tmp_path: Path) -> None:
    _, errors = docs_and_errors([str(tmp_path / "nope.txt")])
    assert "no such file" in str(errors[0])


def test_html_main_text_and_metadata() -> None:
    root = ROOT
    docs, errors = docs_and_errors([str(root / "examples" / "nairobi-summit.html")])
    assert not errors
    d = docs[0]
    assert "Water ministers from six countries" in d.text
    assert "Home" not in d.text.split("\n")[0]
    assert d.published == "2025-03-06"
    assert d.title and "Water ministers" in d.title


def test_check_date() -> None:
    assert check_date("2024-03-26T10:00:00Z", "x") == "2024-03-26"
    with pytest.raises(InputError):
        check_date("March 26", "x")


def test_decode_rejects_nul() -> None:
    with pytest.raises(InputError):
        decode(b"abc\x00def", "f")
