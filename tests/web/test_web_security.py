"""Security of the web app: escaping, headers, read-only by default, tokens, limits, traversal."""

from __future__ import annotations

import inspect
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsledger.core.errors import NewsledgerError
from newsledger.web import app as web_app
from newsledger.web.app import create_app
from newsledger.web.security import bearer, token_ok
from tests.web.test_web_data import (
    DOC_X,
    HOSTILE,
    KRANE,
    XSS_TEXT,
    live_server,
    make_store,
    parse,
    raw_get,
    text_of,
)

TOKEN = "test-token-0123456789abcdef"
HOSTILE_PAGES = [
    "/",
    "/?q=Krane",
    "/?q=onerror",
    "/?source=%3Cb%3EEvil%3C%2Fb%3E+Source",
    "/entities",
    "/entities?q=%3Cimg",
    "/documents",
    f"/doc/{DOC_X}",
    f"/doc/{DOC_X}?hl=0-40",
    f"/entity/{KRANE}",
    "/timeline",
    f"/timeline?entity={KRANE}",
    "/map",
    "/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "/entity/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "/doc/%3Cimg%20src=x%20onerror=alert(1)%3E",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("websec") / "w.db")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(str(db)), raise_server_exceptions=False)


@pytest.fixture()
def writable(db: Path, tmp_path: Path) -> Iterator[TestClient]:
    copy = tmp_path / "rw.db"
    shutil.copy(db, copy)
    yield TestClient(
        create_app(str(copy), allow_write=True, token=TOKEN), raise_server_exceptions=False
    )


@pytest.mark.parametrize("url", HOSTILE_PAGES)
def test_hostile_text_renders_as_text_on_every_page(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code in (200, 400, 404), (url, r.status_code)
    html = r.text
    tags = parse(html).tags
    scripts = [a for t, a in tags if t == "script"]
    allowed = {"/static/app.js", "/static/map.js"} | {
        f"/static/vendor/{x}"
        for x in ("leaflet/leaflet.js", "markercluster/leaflet.markercluster.js")
    }
    # only our own files run; data blocks (the map's markers) are JSON, never run
    assert scripts[0] == {"src": "/static/app.js", "defer": None}, scripts
    for a in scripts:
        assert a.get("src") in allowed or a == {"type": "application/json", "id": "map-data"}, a
    assert not any(t in ("img", "iframe", "object", "embed", "b") for t, _ in tags), url
    for _, attrs in tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (url, name)
            assert not (value or "").strip().lower().startswith("javascript:"), (url, name, value)
    for raw in ("<script>alert", "<img src=x", "<b>Evil"):
        assert raw not in html, (url, raw)


def test_hostile_article_shows_its_text_verbatim(client: TestClient) -> None:
    html = client.get(f"/doc/{DOC_X}").text
    assert text_of(html, "id", "text") == XSS_TEXT
    for h in HOSTILE:
        assert h in XSS_TEXT
    title = text_of(html, "class", "doc") or ""
    assert '<script>alert("title")</script>' in title
    assert "javascript:alert(8)" in title  # the URL is shown, not linked
    assert not any(a.get("href", "").startswith("javascript") for _, a in parse(html).tags)


def test_api_returns_hostile_text_as_json_data(client: TestClient) -> None:
    r = client.get(f"/api/documents/{DOC_X}")
    assert r.headers["content-type"] == "application/json"
    assert r.json()["data"]["text"] == XSS_TEXT


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/api/stats",
        "/static/style.css",
        "/nope",
        "/api/nope",
        f"/doc/{DOC_X}",
        "/docs",
        "/openapi.json",
    ],
)
def test_security_headers_on_every_response(client: TestClient, url: str) -> None:
    h = client.get(url).headers
    csp = h["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert h["x-content-type-options"] == "nosniff"
    assert h["x-frame-options"] == "DENY"


def test_reads_use_a_read_only_connection(db: Path) -> None:
    from types import SimpleNamespace

    from newsledger.web.common import get_store

    request = SimpleNamespace(app=SimpleNamespace(state=SimpleNamespace(db=str(db))))
    gen = get_store(request)  # type: ignore[arg-type]
    store = next(gen)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.conn.execute("CREATE TABLE intruder (x)")
    gen.close()


def test_write_routes_refuse_on_a_read_only_server(client: TestClient) -> None:
    for url, body in (
        ("/api/entities/merge", {"a": "Riga", "b": "Tallinn"}),
        ("/api/entities/split", {"entity": "Riga"}),
    ):
        for headers in ({}, {"Authorization": f"Bearer {TOKEN}"}):
            r = client.post(url, json=body, headers=headers)
            assert r.status_code == 403, r.text
            assert "--allow-write" in r.json()["error"]["message"]
    r = client.post("/api/ingest", files={"files": ("a.txt", b"Hello.")})
    assert r.status_code == 403


@pytest.mark.parametrize(
    "auth",
    [
        None,
        "",
        "Bearer",
        "Bearer wrong-token-0123456789abc",
        f"Basic {TOKEN}",
        f"Bearer {TOKEN}x",
        f"bearer {TOKEN[:-1]}",
    ],
)
def test_write_routes_need_the_exact_token(writable: TestClient, auth: str | None) -> None:
    headers = {} if auth is None else {"Authorization": auth}
    r = writable.post(
        "/api/entities/merge", json={"a": "Ines Marrow", "b": "Krane"}, headers=headers
    )
    assert r.status_code == 401, r.text
    assert r.headers["www-authenticate"] == "Bearer"
    # refused before the body is even looked at
    assert (
        writable.post("/api/entities/merge", content=b"{not json", headers=headers).status_code
        == 401
    )


def test_merge_and_split_with_the_token(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before = writable.get("/api/entities/Ines%20Marrow").json()["data"]  # now remembered
    assert before["id"] != writable.get("/api/entities/Tomas%20Velkar").json()["data"]["id"]
    r = writable.post(
        "/api/entities/merge", json={"a": "Ines Marrow", "b": "Tomas Velkar"}, headers=auth
    )
    assert r.status_code == 200, r.text
    one = writable.get("/api/entities/Ines%20Marrow").json()["data"]["id"]
    assert writable.get("/api/entities/Tomas%20Velkar").json()["data"]["id"] == one
    r = writable.post(
        "/api/entities/split", json={"entity": one, "names": ["Ines Marrow"]}, headers=auth
    )
    assert r.status_code == 200, r.text
    a = writable.get("/api/entities/Ines%20Marrow").json()["data"]["id"]
    b = writable.get("/api/entities/Tomasz%20Velkar").json()["data"]["id"]
    assert a != b
    bad = writable.post("/api/entities/merge", json={"a": "", "b": "x"}, headers=auth)
    assert bad.status_code == 400 and "error" in bad.json()


def test_token_rules() -> None:
    assert token_ok(TOKEN, TOKEN) and not token_ok(TOKEN[:-1], TOKEN)
    assert not token_ok(None, TOKEN) and not token_ok(TOKEN, None) and not token_ok("", "")
    assert bearer(f"Bearer {TOKEN}") == TOKEN and bearer(f"Token {TOKEN}") is None
    assert "compare_digest" in inspect.getsource(token_ok)


def test_allow_write_needs_a_long_token(db: Path) -> None:
    for token in (None, "", "short"):
        with pytest.raises(NewsledgerError, match="token"):
            create_app(str(db), allow_write=True, token=token)


def test_a_missing_store_fails_at_start_with_a_hint(tmp_path: Path) -> None:
    with pytest.raises(NewsledgerError) as exc:
        create_app(str(tmp_path / "none.db"))
    assert "newsledger ingest" in exc.value.hint
    assert not (tmp_path / "none.db").exists()  # read-only: nothing created


def test_request_bodies_are_limited(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "small.db"
    shutil.copy(db, copy)
    c = TestClient(
        create_app(str(copy), allow_write=True, token=TOKEN, max_body=2000),
        raise_server_exceptions=False,
    )
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = c.post("/api/ingest", files={"files": ("a.txt", b"x" * 5000)}, headers=auth)
    assert r.status_code == 413 and "larger than 2000" in r.json()["error"]["message"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: chunked transfer
        for _ in range(10):
            yield b"y" * 500

    r = c.post(
        "/api/entities/merge",
        content=chunks(),
        headers={**auth, "content-type": "application/json"},
    )
    assert r.status_code == 413


def test_internal_errors_answer_without_a_stack_trace(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsledger.query import facts as query

    def boom(store: object) -> None:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(query, "stats", boom)
    c = TestClient(create_app(str(db)), raise_server_exceptions=False)
    r = c.get("/api/stats")
    assert r.status_code == 500
    assert r.json() == {
        "error": {"message": "Internal error.", "hint": "The server log has the details."}
    }
    assert "secret" not in r.text


def test_host_header_is_checked_when_serving_on_localhost(db: Path) -> None:
    c = TestClient(
        create_app(str(db), allowed_hosts=web_app.LOOPBACK_NAMES), base_url="http://127.0.0.1"
    )
    assert c.get("/api/stats").status_code == 200
    assert c.get("/api/stats", headers={"host": "evil.example"}).status_code == 400


def test_server_binds_to_localhost_unless_told() -> None:
    assert inspect.signature(web_app.serve).parameters["host"].default == "127.0.0.1"
    from typer.testing import CliRunner

    from newsledger.cli import app

    res = CliRunner().invoke(app, ["serve", "--help"])
    assert res.exit_code == 0 and "127.0.0.1" in res.output and "Example:" in res.output
    assert web_app.is_loopback("127.0.0.1") and web_app.is_loopback("::1")
    assert web_app.is_loopback("localhost") and not web_app.is_loopback("0.0.0.0")


def test_serve_refuses_a_missing_store_and_writes_without_token(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsledger.cli import app

    res = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 1 and "newsledger ingest" in res.output
    db = make_store(tmp_path / "w.db")
    res = CliRunner().invoke(
        app, ["serve", "--db", str(db), "--allow-write"], env={"NEWSLEDGER_TOKEN": ""}
    )
    assert res.exit_code == 1 and "token" in res.output


TRAVERSALS = [
    "/static/../app.py",
    "/static/..%2fapp.py",
    "/static/%2e%2e/app.py",
    "/static/%2e%2e%2fapp.py",
    "/static/..%5capp.py",
    "/static/....//app.py",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/../../../../../../etc/passwd",
    "/static/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/doc/..%2f..%2fetc%2fpasswd",
    "/entity/..%2f..%2fetc%2fpasswd",
    "/../../etc/passwd",
    "/static/%252e%252e/app.py",
    "/static/world-land.svg/../../app.py",
    "/api/documents/..%2f..%2fapp.py",
]


def test_no_path_traversal_through_any_route(db: Path) -> None:
    with live_server(create_app(str(db))) as base:
        status, body = raw_get(base, "/static/style.css")
        assert status == 200 and b"--ink" in body
        for target in TRAVERSALS:
            status, body = raw_get(base, target)
            assert b"root:" not in body and b"def create_app" not in body, target
            assert status in (400, 404, 405), (target, status)
