"""Texts read exactly (``--no-clean``) with CRLF, lone CR or a byte order mark are
analysed as their ``\\n`` view: the records are those of the ``\\n`` text, with
offsets that index the text as given."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsledger.ingest.view import restore, view_of
from tests.conftest import SAMPLES, need


def lf(text: str) -> str:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def test_plain_text_is_its_own_view() -> None:
    assert view_of("One.\nTwo.\u2028Three\u200b.") is None


@given(st.text(alphabet="ab \r\n\ufeff“", max_size=40))
def test_every_view_span_indexes_the_same_text_in_the_original(text: str) -> None:
    v = view_of(text)
    if v is None:
        return
    assert v.text == lf(text)
    for s in range(len(v.text) + 1):
        for e in range(s, len(v.text) + 1):
            os_, oe = v.span(s, e)
            assert 0 <= os_ <= oe <= len(text)
            assert text[os_:oe].replace("\r\n", "\n").replace("\r", "\n") == v.text[s:e]
            assert (os_ == oe) == (s == e)


def test_restore_moves_offsets_fragments_and_surface_texts() -> None:
    text = "\ufeffSaid:\r\n“Yes,\r\nno.”\r\n"
    v = view_of(text)
    assert v is not None and v.text == "Said:\n“Yes,\nno.”\n"
    rec: dict[str, Any] = {
        "text": v.text,
        "quotes": [
            {
                "start": 7,
                "end": 15,
                "text": "Yes,\nno.",
                "fragments": [[7, 11], [12, 15]],
                "cue": {"start": 0, "end": 4, "text": "Said"},
                "speaker": None,
            }
        ],
        "events": [{"evidence": {"start": 0, "end": 17}, "casualty_history": []}],
    }
    out = restore(rec, text, v)
    q = out["quotes"][0]
    assert out["text"] == text
    assert (q["start"], q["end"], q["text"]) == (9, 18, "Yes,\r\nno.")
    assert q["fragments"] == [[9, 13], [15, 18]]
    assert q["cue"] == {"start": 1, "end": 5, "text": "Said"}
    assert out["events"][0]["evidence"] == {"start": 1, "end": len(text)}


def _to_lf_offsets(node: Any, text: str) -> Any:
    """A record of ``text`` (CRLF, BOM) with offsets into the LF text, surface texts in LF."""

    def back(o: int) -> int:
        return 0 if o == 0 else o - text.count("\r\n", 0, o) - text.startswith("\ufeff")

    if isinstance(node, dict):
        return {
            k: back(v) if k in ("start", "end") and isinstance(v, int) else _to_lf_offsets(v, text)
            for k, v in node.items()
        }
    if isinstance(node, list):
        if len(node) == 2 and all(isinstance(x, int) for x in node):  # a fragment
            return [back(x) for x in node]
        return [_to_lf_offsets(v, text) for v in node]
    return lf(node) if isinstance(node, str) else node


@pytest.mark.slow
def test_crlf_cr_and_bom_give_the_records_of_the_lf_text(tmp_path: Path) -> None:
    from newsledger import service

    need(SAMPLES.exists(), "../shared/samples is not beside the repository")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    variants = {
        "lf": lambda t: t,
        "crlf+bom": lambda t: "\ufeff" + t.replace("\n", "\r\n"),
        "cr": lambda t: t.replace("\n", "\r"),
    }
    out: dict[str, list[dict[str, Any]]] = {}
    for name, make in variants.items():
        path = tmp_path / f"{name}.jsonl"
        rows = [
            {"id": f"s{i}", "text": make(t), "published": "2024-03-26"} for i, t in enumerate(texts)
        ]
        path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
        recs = sorted(service.extract([str(path)], do_clean=False), key=lambda r: r["id"])
        assert [r["text"] for r in recs] == [r["text"] for r in rows]  # exactly as given
        out[name] = recs
    want = [_to_lf_offsets(r, r["text"]) for r in out["lf"]]
    for name in ("crlf+bom", "cr"):
        got = [_to_lf_offsets(r, r["text"]) for r in out[name]]
        assert got == want, name
    assert sum(len(r["quotes"]) + len(r["entities"]) for r in out["lf"]) > 50
