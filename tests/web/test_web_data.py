"""A small hand-made store for the web tests: three fictional articles with every annotation kind.

The records are built the way the pipeline builds them (the extract record
format, document-level ids) and stored with ``Store.put_records`` and
``Store.replace_resolution``, so the web tests need neither spaCy nor the
stages.  One article is hostile: markup and script in its text, title, source,
URL and entity names, which every page must show as text.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from newsledger.core.model import Entity
from newsledger.core.record import Record
from newsledger.corpus.tables import refresh_tables
from newsledger.store import Store

A_TEXT = (
    "President Tomas Velkar, in power since 1994, opened a new ferry line in Tallinn on Tuesday.\n\n"
    '"The sea has always joined us, never divided us," Velkar told reporters at the harbour.\n\n'
    "A car bomb killed four people near the Tallinn bus station on April 30, police said. "
    "Opposition leader Ines Marrow said the government had ignored warnings."
)
B_TEXT = (
    "Tomasz Velkar, who has ruled since 2011, visited Riga on Wednesday.\n\n"
    '"We will rebuild the bus station within a year," said Velkar, adding that the bombing '
    '"changed nothing".\n\n'
    "The Riga talks ended without an agreement, according to the Baltic Example Post."
)
XSS_TEXT = (
    "Spokesman Ivo Krane<img src=x onerror=alert(6)> spoke in Riga on Thursday.\n\n"
    '"<script>alert(7)</script> is not a plan," said Krane. '
    'A leaflet read "onerror=alert(2) and javascript:alert(3) and <b>bold</b> & more.\n\n'
    "<script>alert(1)</script><img src=x onerror=alert(1)>"
)
HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"onerror=alert(2)',
    "javascript:alert(3)",
]

VELKAR = "P-velkar"
MARROW = "P-marrow"
KRANE = "P-krane"
TALLINN = "G-tallinn"
RIGA = "G-riga"
POST = "O-post"
DOC_A, DOC_B, DOC_X = "web-a", "web-b", "web-x"


def span(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of ``sub`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


def ent(
    text: str, local: str, etype: str, name: str, surfaces: list[tuple[str, int]]
) -> dict[str, Any]:
    ms = []
    for sub, nth in surfaces:
        s, e = span(text, sub, nth)
        ms.append({"start": s, "end": e, "text": text[s:e]})
    aliases = sorted({m["text"] for m in ms} - {name})
    return {"id": local, "type": etype, "name": name, "aliases": aliases, "mentions": ms}


def quote(
    text: str,
    content: str,
    cue: str,
    speaker: tuple[str, str, str, int] | None,
    kind: str = "direct",
    date: str | None = None,
) -> dict[str, Any]:
    s, e = span(text, content)
    cs, ce = span(text, cue)
    sp = None
    if speaker:
        local, name, surface, nth = speaker
        ss, se = span(text, surface, nth)
        sp = {"entity": local, "name": name, "start": ss, "end": se}
    return {
        "start": s,
        "end": e,
        "text": content,
        "kind": kind,
        "fragments": [[s, e]],
        "cue": {"start": cs, "end": ce, "text": cue},
        "speaker": sp,
        "via": [],
        "date": date,
    }


def date(text: str, sub: str, value: str, gran: str, nth: int = 0) -> dict[str, Any]:
    s, e = span(text, sub, nth)
    return {
        "start": s,
        "end": e,
        "text": sub,
        "value": value,
        "granularity": gran,
        "type": "DATE",
        "anchored": True,
    }


def place(
    text: str,
    sub: str,
    nth: int,
    name: str,
    country: str,
    lat: float,
    lon: float,
    gid: int,
    local: str | None,
) -> dict[str, Any]:
    s, e = span(text, sub, nth)
    return {
        "start": s,
        "end": e,
        "text": sub,
        "name": name,
        "lat": lat,
        "lon": lon,
        "country": country,
        "geonameid": gid,
        "feature": "PPLC",
        "confidence": 0.9,
        "entity": local,
    }


def claim(text: str, sub: str, subject: str, attribute: str, value: str) -> dict[str, Any]:
    s, e = span(text, sub)
    return {
        "subject": subject,
        "attribute": attribute,
        "value": value,
        "value_type": "year",
        "qualifiers": {},
        "speaker": None,
        "start": s,
        "end": e,
        "text": sub,
    }


def record(
    doc_id: str,
    text: str,
    title: str,
    source: str,
    published: str,
    url: str | None = None,
    **parts: list[dict[str, Any]],
) -> Record:
    rec: Record = {
        "schema": 1,
        "id": doc_id,
        "title": title,
        "source": source,
        "published": published,
        "published_inferred": False,
        "url": url,
        "text": text,
    }
    for key in ("entities", "quotes", "roles", "dates", "places", "events", "claims"):
        rec[key] = parts.get(key, [])
    return rec


def records() -> list[Record]:
    a, b, x = A_TEXT, B_TEXT, XSS_TEXT
    bomb = span(a, "A car bomb killed four people near the Tallinn bus station on April 30")
    rec_a = record(
        DOC_A,
        a,
        "Velkar opens Tallinn ferry line",
        "Northgate Herald",
        "2024-05-02",
        url="https://example.org/velkar-ferry",
        entities=[
            ent(a, "e1", "PERSON", "Tomas Velkar", [("Tomas Velkar", 0), ("Velkar", 1)]),
            ent(a, "e2", "GPE", "Tallinn", [("Tallinn", 0), ("Tallinn", 1)]),
            ent(a, "e3", "PERSON", "Ines Marrow", [("Ines Marrow", 0)]),
        ],
        quotes=[
            quote(
                a,
                "The sea has always joined us, never divided us",
                "told",
                ("e1", "Tomas Velkar", "Velkar", 1),
                date="2024-04-30",
            ),
            quote(
                a,
                "the government had ignored warnings",
                "said",
                ("e3", "Ines Marrow", "Ines Marrow", 0),
                kind="indirect",
            ),
        ],
        roles=[
            {
                "entity": "e1",
                "role": "President",
                "org": None,
                "org_entity": None,
                "start": span(a, "President Tomas Velkar")[0],
                "end": span(a, "President Tomas Velkar")[1],
            }
        ],
        dates=[
            date(a, "Tuesday", "2024-04-30", "day"),
            date(a, "April 30", "2024-04-30", "day"),
            date(a, "1994", "1994", "year"),
        ],
        places=[
            place(a, "Tallinn", 0, "Tallinn", "EE", 59.437, 24.754, 588409, "e2"),
            place(a, "Tallinn", 1, "Tallinn", "EE", 59.437, 24.754, 588409, "e2"),
        ],
        events=[
            {
                "id": "ev-a1",
                "type": "ASSAULT",
                "mode": "reported",
                "trigger": {"start": span(a, "bomb")[0], "end": span(a, "bomb")[1], "text": "bomb"},
                "actors": [],
                "targets": [],
                "place": "Tallinn",
                "country": "EE",
                "lat": 59.437,
                "lon": 24.754,
                "date": "2024-04-30",
                "killed": 4,
                "injured": None,
                "casualty_history": [],
                "evidence": {"start": bomb[0], "end": bomb[1]},
            }
        ],
        claims=[claim(a, "in power since 1994", "e1", "in_power_since", "1994")],
    )
    rec_b = record(
        DOC_B,
        b,
        "Velkar visits Riga",
        "Baltic Example Post",
        "2024-05-03",
        entities=[
            ent(b, "e1", "PERSON", "Tomasz Velkar", [("Tomasz Velkar", 0), ("Velkar", 1)]),
            ent(b, "e2", "GPE", "Riga", [("Riga", 0), ("Riga", 1)]),
            ent(b, "e3", "ORG", "Baltic Example Post", [("Baltic Example Post", 0)]),
        ],
        quotes=[
            quote(
                b,
                "We will rebuild the bus station within a year",
                "said",
                ("e1", "Tomasz Velkar", "Velkar", 1),
                date="2024-05-01",
            )
        ],
        dates=[date(b, "Wednesday", "2024-05-01", "day"), date(b, "2011", "2011", "year")],
        places=[
            place(b, "Riga", 0, "Riga", "LV", 56.946, 24.105, 456172, "e2"),
            place(b, "Riga", 1, "Riga", "LV", 56.946, 24.105, 456172, "e2"),
        ],
        claims=[claim(b, "ruled since 2011", "e1", "in_power_since", "2011")],
    )
    rec_x = record(
        DOC_X,
        x,
        '<script>alert("title")</script> Krane <img src=x onerror=alert(9)>',
        "<b>Evil</b> Source",
        "2024-05-04",
        url="javascript:alert(8)",
        entities=[
            ent(
                x,
                "e1",
                "PERSON",
                "Ivo Krane<img src=x onerror=alert(6)>",
                [("Ivo Krane<img src=x onerror=alert(6)>", 0), ("Krane", 1)],
            ),
            ent(x, "e2", "GPE", "Riga", [("Riga", 0)]),
        ],
        quotes=[
            quote(
                x,
                "<script>alert(7)</script> is not a plan",
                "said",
                ("e1", "Ivo Krane<img src=x onerror=alert(6)>", "Krane", 1),
            )
        ],
        dates=[date(x, "Thursday", "2024-05-02", "day")],
        places=[place(x, "Riga", 0, "Riga", "LV", 56.946, 24.105, 456172, "e2")],
    )
    return [rec_a, rec_b, rec_x]


def resolution() -> tuple[
    list[tuple[str, str, str]], list[Entity], dict[str, tuple[int, int, str | None, str | None]]
]:
    mapping = [
        (DOC_A, "e1", VELKAR),
        (DOC_A, "e2", TALLINN),
        (DOC_A, "e3", MARROW),
        (DOC_B, "e1", VELKAR),
        (DOC_B, "e2", RIGA),
        (DOC_B, "e3", POST),
        (DOC_X, "e1", KRANE),
        (DOC_X, "e2", RIGA),
    ]
    entities = [
        Entity(VELKAR, "PERSON", "Tomas Velkar", ("Tomasz Velkar", "Velkar")),
        Entity(MARROW, "PERSON", "Ines Marrow"),
        Entity(KRANE, "PERSON", "Ivo Krane<img src=x onerror=alert(6)>", ("Krane",)),
        Entity(TALLINN, "GPE", "Tallinn"),
        Entity(RIGA, "GPE", "Riga"),
        Entity(POST, "ORG", "Baltic Example Post"),
    ]
    stats = {
        VELKAR: (4, 2, "2024-05-02", "2024-05-03"),
        MARROW: (1, 1, "2024-05-02", "2024-05-02"),
        KRANE: (2, 1, "2024-05-04", "2024-05-04"),
        TALLINN: (2, 1, "2024-05-02", "2024-05-02"),
        RIGA: (3, 2, "2024-05-03", "2024-05-04"),
        POST: (1, 1, "2024-05-03", "2024-05-03"),
    }
    return mapping, entities, stats


def make_store(path: Path) -> Path:
    with Store(path) as store:
        store.put_records(records())
        store.replace_resolution(*resolution())
        refresh_tables(store)  # the write-time corpus step, as after ingest
    return path


# ------------------------------------------------------------------ HTML reading
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class Html(HTMLParser):
    """Every start tag with its attributes, and the text inside the element matched by ``want``."""

    def __init__(self, want: tuple[str, str] | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.want = want
        self.depth = 0
        self.found = False
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in VOID:
            return
        if self.depth:
            self.depth += 1
        elif self.want and not self.found and self.want[1] in (a.get(self.want[0]) or "").split():
            self.depth, self.found = 1, True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in VOID:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def parse(html: str, want: tuple[str, str] | None = None) -> Html:
    h = Html(want)
    h.feed(html)
    h.close()
    return h


def text_of(html: str, attr: str, value: str) -> str | None:
    """Text content of the first element whose ``attr`` (id or class) holds ``value``."""
    h = parse(html, (attr, value))
    return h.text if h.found else None


# ------------------------------------------------------------------ a live server
@contextmanager
def live_server(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free 127.0.0.1 port in a thread; yield its base URL."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(400):  # a bounded wait (about 20 s), not a timing assertion
        if server.started or not thread.is_alive():
            break
        time.sleep(0.05)
    if not server.started:
        server.should_exit = True
        why = "its thread died (see the log above)" if not thread.is_alive() else "in 20 s"
        pytest.fail(f"the test server on 127.0.0.1:{port} did not start: {why}", pytrace=False)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def raw_get(base: str, target: str, host: str = "127.0.0.1") -> tuple[int, bytes]:
    """Send ``GET target`` byte for byte (no client-side path normalising); status and body."""
    import socket
    from urllib.parse import urlsplit

    u = urlsplit(base)
    with socket.create_connection((u.hostname, u.port), timeout=10) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


# ------------------------------------------------------------------ self-checks
def test_every_fixture_span_is_its_text() -> None:
    for rec in records():
        t = rec["text"]
        for e in rec["entities"]:
            for m in e["mentions"]:
                assert t[m["start"] : m["end"]] == m["text"]
        for q in rec["quotes"]:
            assert t[q["start"] : q["end"]] == q["text"]
            assert t[q["cue"]["start"] : q["cue"]["end"]] == q["cue"]["text"]
        for key in ("dates", "places"):
            for item in rec[key]:
                assert t[item["start"] : item["end"]] == item["text"]
        for c in rec["claims"]:
            assert t[c["start"] : c["end"]] == c["text"]


def test_fixture_store_reads_back(tmp_path: Path) -> None:
    from newsledger.query import facts as query

    with Store(make_store(tmp_path / "w.db"), readonly=True) as store:
        assert store.count_documents() == 3
        rec = query.record(store, DOC_B)
        assert {e["id"] for e in rec["entities"]} == {VELKAR, RIGA, POST}
        assert rec["quotes"][0]["speaker"]["name"] == "Tomas Velkar"


def test_html_reader_finds_nested_text_and_unescapes() -> None:
    html = '<div id="x">a <b>&lt;b&gt;</b><img src="y"> c</div><p id="z">no</p>'
    assert text_of(html, "id", "x") == "a <b> c"
    assert text_of(html, "id", "nope") is None
    assert [t for t, _ in parse(html).tags] == ["div", "b", "img", "p"]
