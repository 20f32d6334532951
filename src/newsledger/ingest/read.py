"""Ingest: read files, directories, JSONL and stdin into :class:`Document` objects.

Reading is streamed: documents are yielded one at a time, so memory stays
bounded on inputs of any size.  A bad input (binary, empty, undecodable, a
malformed JSONL line) yields an :class:`~newsledger.core.errors.InputError` naming
the file and line, and the rest of the batch goes on.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from newsledger.core.errors import InputError
from newsledger.core.model import Document, content_id

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
JSONL_FIELDS = ("text", "id", "title", "published", "source", "url", "author")
MAX_CHARS = 1_000_000  # the spaCy model's limit for one document
BOM = "\ufeff"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # JSONL records end here (never U+2028 and the like)


@dataclass(frozen=True, slots=True)
class Defaults:
    """Values given on the command line for documents that lack them."""

    published: str | None = None
    source: str | None = None


Item = Document | InputError


def check_date(value: str, origin: str) -> str:
    """Return ``value`` as ``YYYY-MM-DD`` or raise InputError saying what is expected."""
    v = value.strip()
    try:
        if "T" in v or " " in v:
            return _dt.datetime.fromisoformat(v.replace("Z", "+00:00")).date().isoformat()
        return _dt.date.fromisoformat(v).isoformat()
    except ValueError:
        raise InputError(
            origin,
            f"published date {value!r} is not an ISO date.",
            "Give it as YYYY-MM-DD, e.g. 2024-03-26.",
        ) from None


def decode(data: bytes, origin: str) -> str:
    """Decode UTF-8, falling back to cp1252; refuse binary.

    The text is the input exactly, character for character: line breaks
    (``\\r\\n``, a lone ``\\r``) and control characters are kept, and so is a
    UTF-8 byte order mark, as U+FEFF at ``text[0]``, so that ``--no-clean``
    offsets index the file as given.  Cleaning (the default) turns line breaks
    into ``\\n`` and drops the mark; JSONL and HTML readers drop the mark too,
    since there it belongs to the container, not to any article text.
    """
    if not data.strip():
        raise InputError(origin, "the input is empty.", "Remove it or give it some text.")
    if b"\x00" in data[:8192]:
        raise InputError(
            origin, "looks like a binary file (NUL bytes).", "Give .txt, .html or .jsonl input."
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            # a UTF-8 mark on text that is not UTF-8 marks nothing: drop it
            text = data.removeprefix(b"\xef\xbb\xbf").decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(
                origin, "is neither UTF-8 nor cp1252 text.", "Convert it to UTF-8 and try again."
            ) from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 100):
        raise InputError(
            origin, "looks like a binary file (control bytes).", "Give .txt, .html or .jsonl."
        )
    if not text.removeprefix(BOM).strip():
        raise InputError(origin, "the input is empty.", "Remove it or give it some text.")
    return text


def from_text(text: str, origin: str, defaults: Defaults, **meta: Any) -> Document:
    if not text.strip():
        raise InputError(origin, "the text is empty.", "Remove the record or give it some text.")
    if len(text) > MAX_CHARS:
        raise InputError(
            origin,
            f"the text has {len(text):,} characters; one article may have at most {MAX_CHARS:,}.",
            "Split it into articles (e.g. one JSONL record each).",
        )
    published = meta.get("published") or defaults.published
    return Document(
        id=str(meta.get("id") or content_id(text)),
        text=text,
        title=meta.get("title"),
        source=meta.get("source") or defaults.source,
        published=check_date(published, origin) if published else None,
        url=meta.get("url"),
        author=meta.get("author"),
        origin=origin,
    )


def from_html(html: str, origin: str, defaults: Defaults) -> Document:
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise InputError(
            origin, "no article text found in the HTML.", "Check the page holds an article."
        )
    published = getattr(result, "date", None)
    meta: dict[str, Any] = {
        "title": getattr(result, "title", None),
        "author": getattr(result, "author", None),
        "url": getattr(result, "url", None),
        "source": getattr(result, "sitename", None),
    }
    if published and not defaults.published:
        meta["published"] = str(published)[:10]
    return from_text(text, origin, defaults, **meta)


def json_error(where: str, line: str, exc: json.JSONDecodeError) -> InputError:
    """The whole story of a malformed JSONL line: where, the column, what was found, the fix."""
    msg = exc.msg[:1].lower() + exc.msg[1:]  # e.g. "Invalid control character at"
    what = f"{msg}{'' if msg.endswith(' at') else ' at'} column {exc.colno}"
    if exc.pos < len(line):
        what += f" ({line[exc.pos]!r})"
    if "control character" in exc.msg:
        hint = "Escape control characters inside strings (a tab as \\t, a line break as \\n)."
    else:
        hint = 'Each line must be one complete JSON object, e.g. {"text": "..."}.'
    return InputError(
        where,
        f"malformed JSON: {what}.",
        hint + " Fix or remove the line; the other lines are read.",
    )


def from_jsonl(lines: Iterable[str], origin: str, defaults: Defaults) -> Iterator[Item]:
    for n, line in enumerate(lines, 1):
        where = f"{origin}:{n}"
        if not line.strip():
            continue
        try:
            line = line.rstrip("\r\n")  # the line break ends the record; never inside it
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield json_error(where, line, exc)
            continue
        if not isinstance(rec, dict):
            yield InputError(where, "a JSONL line must be an object.", 'Use {"text": "..."}.')
            continue
        text = rec.get("text")
        if not isinstance(text, str):
            yield InputError(
                where, 'the record has no "text" string.', 'Each line needs {"text": "..."}.'
            )
            continue
        meta = {k: rec[k] for k in JSONL_FIELDS[1:] if isinstance(rec.get(k), str | int)}
        if "id" in meta:
            meta["id"] = str(meta["id"])
        try:
            yield from_text(text, where, defaults, **meta)
        except InputError as err:
            yield err


def sniff(text: str) -> str:
    head = text.lstrip()[:2000].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    return "txt"


def read_stream(fh: IO[bytes], origin: str, defaults: Defaults) -> Iterator[Item]:
    data = fh.read()
    try:
        text = decode(data, origin)
    except InputError as err:
        yield err
        return
    kind = sniff(text.removeprefix(BOM))
    if kind == "jsonl":
        yield from from_jsonl(_LINE_BREAK.split(text.removeprefix(BOM)), origin, defaults)
    else:
        try:
            yield (
                from_html(text.removeprefix(BOM), origin, defaults)
                if kind == "html"
                else from_text(text, origin, defaults)
            )
        except InputError as err:
            yield err


def read_file(path: Path, defaults: Defaults) -> Iterator[Item]:
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        try:
            with path.open("rb") as fb:
                # stream line by line: decode each line separately
                def lines() -> Iterator[str]:
                    for raw in fb:
                        try:
                            yield raw.decode("utf-8-sig")
                        except UnicodeDecodeError:
                            yield raw.decode("cp1252", errors="replace")

                yield from from_jsonl(lines(), origin, defaults)
        except OSError as exc:
            yield InputError(origin, f"cannot be read ({exc.strerror}).", "Check the path.")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(origin, f"cannot be read ({exc.strerror}).", "Check the path.")
        return
    try:
        text = decode(data, origin)
        if suffix in HTML_SUFFIXES:
            yield from_html(text.removeprefix(BOM), origin, defaults)
        else:
            yield from_text(text, origin, defaults)
    except InputError as err:
        yield err


def dir_inputs(path: Path) -> list[Path]:
    """The files of a directory (and its subdirectories) that are read, in order."""
    return sorted(
        f
        for f in path.rglob("*")
        if f.is_file() and not f.name.startswith(".") and f.suffix.lower() in SUPPORTED
    )


def check_paths(paths: Iterable[str]) -> None:
    """Raise InputError for the first input that is missing or a directory with nothing to read.

    Commands call this before they open a store or start work, so a mistyped
    path changes nothing.
    """
    for p in paths:
        if p == "-":
            continue
        path = Path(p)
        if path.is_dir():
            if not dir_inputs(path):
                raise InputError(
                    p,
                    "the directory holds no .txt, .html or .jsonl file; nothing was read.",
                    "Check the path, or give the files themselves.",
                )
        elif not path.is_file():
            raise InputError(
                p,
                "no such file or directory; nothing was read or stored.",
                "Check the path (give files, directories, or - for stdin) and try again.",
            )


def iter_documents(paths: Iterable[str], defaults: Defaults | None = None) -> Iterator[Item]:
    """Yield a Document or an InputError for every input, in order, lazily."""
    d = defaults or Defaults()
    for p in paths:
        if p == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", d)
            continue
        path = Path(p)
        if path.is_dir():
            for f in dir_inputs(path):
                yield from read_file(f, d)
        elif path.is_file():
            yield from read_file(path, d)
        else:
            yield InputError(p, "no such file or directory.", "Check the path and try again.")
