"""Mutation property test: ``extract --no-clean`` on damaged real articles.

Real articles (BBC texts from ``../shared/corpus/news.jsonl`` and the two
``../shared/samples/*.txt``) are damaged with a seeded RNG: a quotation cut
short, stray quote marks, direction marks and zero-width characters, control
characters and Unicode line separators, CRLF and lone CR line breaks,
shuffled sentences, upper case, several articles glued together, a cut
mid-word, and blank texts.  All of them go through the real
CLI in one call (``python -m newsledger extract ... --no-clean``), most as one
JSONL file and a few as ``.txt`` files (where CRLF and a byte order mark must
survive).  The checks: exit status 0, exactly one record per non-blank input
(a blank one is refused by name), the record's ``text`` equal to the input,
and every span of the record inside the text and, where the record carries the
surface text, equal to ``text[start:end]``.

The short profile (40 mutants) runs by default and in CI.  The long one runs
on demand, e.g. ``NEWSLEDGER_MUTANTS=3000 NEWSLEDGER_MUTANT_SEED=7 pytest -q
tests/test_extract_mutations.py`` (the seed defaults to 15).
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from newsledger.core.model import content_id
from tests.conftest import ROOT, SAMPLES, SHARED, need

NEWS = SHARED / "corpus" / "news.jsonl"

N_MUTANTS = int(os.environ.get("NEWSLEDGER_MUTANTS", "40"))
SEED = int(os.environ.get("NEWSLEDGER_MUTANT_SEED", "15"))
N_TXT = 4  # mutants written as .txt files (the rest go in one JSONL file)

QUOTE_MARKS = ("“", "”", '"', "‘", "’", "«", "»")
INVISIBLE = ("\u200b", "\u200e", "\u202e", "\ufeff", "\u200f", "\u2060")
CONTROLS = ("\t", "\x0b", "\x0c", "\x1f", "\x85", "\u2028", "\u2029", "\x7f")
OPENERS = re.compile(r"[“\"‘«]")
BLANK = ("", "   ", " \n\t \n ")  # refused by the reader: no record
ODD = ("\u200b\u200e\ufeff", "“", "\r", "\r\n\r\nx\r\n", "‘’", "«\u202e»")  # records expected

Mutation = Callable[[random.Random, str, list[str]], str]


def _sources() -> list[str]:
    need(NEWS.exists() and SAMPLES.exists(), "../shared (corpus/news.jsonl, samples) is missing")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    with NEWS.open(encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts


def cut_mid_quote(rng: random.Random, text: str, pool: list[str]) -> str:
    opens = [m.end() for m in OPENERS.finditer(text)]
    if not opens:
        return text[: rng.randrange(1, len(text) + 1)]
    at = rng.choice(opens)
    return text[: min(len(text), at + rng.randrange(0, 40))]


def stray_quotes(rng: random.Random, text: str, pool: list[str]) -> str:
    chars = list(text)
    for _ in range(rng.randrange(1, 8)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(QUOTE_MARKS))
    return "".join(chars)


def invisible_marks(rng: random.Random, text: str, pool: list[str]) -> str:
    chars = list(text)
    for _ in range(rng.randrange(1, 12)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(INVISIBLE))
    return "".join(chars)


def control_characters(rng: random.Random, text: str, pool: list[str]) -> str:
    chars = list(text)
    for _ in range(rng.randrange(1, 8)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(CONTROLS))
    return "".join(chars)


def crlf(rng: random.Random, text: str, pool: list[str]) -> str:
    return text.replace("\n", "\r\n")


def lone_cr(rng: random.Random, text: str, pool: list[str]) -> str:
    return text.replace("\n", "\r")


def mixed_breaks(rng: random.Random, text: str, pool: list[str]) -> str:
    return re.sub("\n", lambda _: rng.choice(("\n", "\r\n", "\r", "\r\r\n")), text)


def shuffle_sentences(rng: random.Random, text: str, pool: list[str]) -> str:
    parts = re.split(r"(?<=[.!?”\"])\s+", text)
    rng.shuffle(parts)
    return rng.choice((" ", "\n", "\n\n")).join(parts)


def upper(rng: random.Random, text: str, pool: list[str]) -> str:
    return text.upper()


def glue(rng: random.Random, text: str, pool: list[str]) -> str:
    others = [rng.choice(pool) for _ in range(rng.randrange(1, 4))]
    return rng.choice(("", " ", "\n", "\n\n")).join([text, *others])


def truncate_mid_word(rng: random.Random, text: str, pool: list[str]) -> str:
    words = [m.start() + 1 for m in re.finditer(r"\w\w", text)]
    return text[: rng.choice(words)] if words else text


MUTATIONS: tuple[Mutation, ...] = (
    cut_mid_quote,
    stray_quotes,
    invisible_marks,
    control_characters,
    crlf,
    lone_cr,
    mixed_breaks,
    shuffle_sentences,
    upper,
    glue,
    truncate_mid_word,
)


def mutants(n: int, seed: int) -> Iterator[str]:
    """``n`` distinct texts: blank and odd ones first, then damaged articles."""
    rng = random.Random(seed)
    pool = _sources()
    seen: set[str] = set()
    fixed = [*BLANK, *ODD]
    for t in fixed[:n]:
        seen.add(t)
        yield t
    k = 0
    while len(seen) < n:
        # the samples first, then random BBC articles
        text = pool[k] if k < 2 else rng.choice(pool)
        k += 1
        for m in rng.sample(MUTATIONS, rng.randrange(1, 4)):
            text = m(rng, text, pool)
        if text not in seen:
            seen.add(text)
            yield text


def spans(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every dict with integer ``start`` and ``end`` below ``node``, with where it is."""
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            yield path, node
        for k, v in node.items():
            yield from spans(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from spans(v, f"{path}[{i}]")


def span_problems(rec: dict[str, Any]) -> list[str]:
    text = rec["text"]
    bad = []
    body = {k: v for k, v in rec.items() if k != "text"}
    for where, sp in spans(body):
        s, e = sp["start"], sp["end"]
        if not 0 <= s <= e <= len(text):
            bad.append(f"{where}: [{s}, {e}) outside the text ({len(text)} characters)")
        elif isinstance(sp.get("text"), str) and text[s:e] != sp["text"]:
            bad.append(f"{where}: text[{s}:{e}] is {text[s:e]!r}, the record says {sp['text']!r}")
        for fs, fe in sp.get("fragments", []):
            if not s <= fs <= fe <= e:
                bad.append(f"{where}.fragments: [{fs}, {fe}) outside the quote [{s}, {e})")
    return bad


@pytest.mark.slow
def test_extract_no_clean_keeps_text_and_spans_on_damaged_articles(tmp_path: Path) -> None:
    texts = list(mutants(N_MUTANTS, SEED))
    assert len(texts) == len(set(texts)) == N_MUTANTS
    # a few as .txt files, chosen among those with CR line breaks; one with a byte order mark
    with_cr = [i for i, t in enumerate(texts) if "\r" in t and t.strip()]
    as_txt = set(with_cr[:N_TXT])
    assert as_txt, "no mutant with CR line breaks to write as .txt"
    first = min(as_txt)
    texts[first] = "\ufeff" + texts[first]
    jsonl = tmp_path / "mutants.jsonl"
    expected: dict[str, str] = {}
    blank_lines: list[int] = []
    txt_files: list[str] = []
    with jsonl.open("w", encoding="utf-8") as fh:
        line = 0
        for i, t in enumerate(texts):
            if i in as_txt:
                path = tmp_path / f"mutant-{i:04d}.txt"
                path.write_bytes(t.encode("utf-8"))
                txt_files.append(str(path))
                expected[content_id(t)] = t
                continue
            line += 1
            fh.write(json.dumps({"id": f"m{i:04d}", "text": t}, ensure_ascii=False) + "\n")
            if t.strip():
                expected[f"m{i:04d}"] = t
            else:
                blank_lines.append(line)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    cmd = [sys.executable, "-m", "newsledger", "extract", str(jsonl), *txt_files]
    res = subprocess.run(
        [*cmd, "--no-clean", "--published", "2024-03-26"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
    )
    assert res.returncode == 0, res.stderr[-3000:]
    for n in blank_lines:  # blank texts are refused by name, and only they are
        assert f"{jsonl}:{n}: the text is empty" in res.stderr
    assert res.stderr.count("error:") == len(blank_lines), res.stderr[-3000:]
    # records end at \n only: U+2028 and U+0085 stand unescaped inside JSON strings
    recs = [json.loads(line) for line in res.stdout.split("\n") if line]
    ids = [r["id"] for r in recs]
    assert sorted(ids) == sorted(expected), "not exactly one record per non-blank input"
    problems: list[str] = []
    checked = 0
    for rec in recs:
        want = expected[rec["id"]]
        if rec["text"] != want:
            problems.append(f"{rec['id']}: text differs from the input")
            continue
        checked += sum(1 for _ in spans({k: v for k, v in rec.items() if k != "text"}))
        problems += [f"{rec['id']} {p}" for p in span_problems(rec)]
    assert not problems, "\n".join(problems[:40])
    assert checked > 10 * N_MUTANTS  # the walk saw the spans (mentions, quotes, dates, ...)


def test_span_check_catches_a_shifted_span() -> None:
    """The checker is not vacuous: a span off by one or past the end is reported."""
    rec = {
        "text": "Mayor Lena Ostrova said “yes”.",
        "entities": [{"mentions": [{"start": 6, "end": 18, "text": "Lena Ostrova"}]}],
        "quotes": [{"start": 25, "end": 28, "text": "yes", "fragments": [[25, 28]]}],
    }
    assert span_problems(rec) == []
    rec["entities"][0]["mentions"][0]["start"] = 7  # type: ignore[index]
    rec["quotes"][0]["end"] = 99  # type: ignore[index]
    problems = span_problems(rec)
    assert len(problems) == 2
    assert "entities[0].mentions[0]" in problems[0] and "outside the text" in problems[1]
