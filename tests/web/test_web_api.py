"""The JSON API: envelope, paging, filters, errors; on the hand-made store of test_web_data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.web.app import create_app
from newsledger.web.common import MAX_LIMIT
from tests.web.test_web_data import DOC_A, DOC_B, DOC_X, RIGA, TALLINN, VELKAR, make_store

LISTS = [
    "/api/documents",
    "/api/entities",
    "/api/quotes",
    "/api/events",
    "/api/places",
    "/api/timeline",
    "/api/claims",
    "/api/conflicts",
    "/api/search?q=Velkar",
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = make_store(tmp_path_factory.mktemp("webapi") / "w.db")
    return TestClient(create_app(str(db)), raise_server_exceptions=False)


def ok(client: TestClient, url: str) -> dict[str, Any]:
    r = client.get(url)
    assert r.status_code == 200, (url, r.text[:500])
    body: dict[str, Any] = r.json()
    assert set(body) == {"data", "meta"}, url
    return body


def err(client: TestClient, url: str, status: int) -> dict[str, str]:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"message", "hint"}, body
    assert body["error"]["message"]
    assert "Traceback" not in r.text
    return dict(body["error"])


@pytest.mark.parametrize("url", LISTS)
def test_every_list_is_paged_in_one_envelope(client: TestClient, url: str) -> None:
    sep = "&" if "?" in url else "?"
    body = ok(client, f"{url}{sep}limit=1&offset=0")
    meta = body["meta"]
    assert isinstance(body["data"], list) and len(body["data"]) <= 1
    assert meta["limit"] == 1 and meta["offset"] == 0 and meta["count"] == len(body["data"])
    assert isinstance(meta["more"], bool)
    err(client, f"{url}{sep}limit={MAX_LIMIT + 1}", 400)
    err(client, f"{url}{sep}limit=0", 400)
    err(client, f"{url}{sep}offset=-1", 400)


def test_entity_pages_cover_everything_once(client: TestClient) -> None:
    seen: list[str] = []
    offset = 0
    while True:
        body = ok(client, f"/api/entities?limit=2&offset={offset}")
        seen += [e["id"] for e in body["data"]]
        assert body["meta"]["total"] == 6
        if not body["meta"]["more"]:
            break
        offset += 2
    assert len(seen) == len(set(seen)) == 6


def test_entity_search_by_any_spelling_finds_one_entity(client: TestClient) -> None:
    for q in ("velkar", "Tomasz", "TOMAS VELKAR"):
        data = ok(client, f"/api/entities?q={q}")["data"]
        assert [e["id"] for e in data] == [VELKAR], q
    gpe = ok(client, "/api/entities?type=GPE")["data"]
    assert {e["id"] for e in gpe} == {TALLINN, RIGA}
    err(client, "/api/entities?type=<script>", 400)


def test_dossier_has_both_spellings_quotes_with_dates_and_the_conflict(client: TestClient) -> None:
    d = ok(client, f"/api/entities/{VELKAR}")["data"]
    assert {a["text"] for a in d["aliases"]} >= {"Tomas Velkar", "Tomasz Velkar"}
    assert {q["evidence"]["doc"] for q in d["quotes_by"]} == {DOC_A, DOC_B}
    assert all(q["date"] for q in d["quotes_by"])
    assert [c["attribute"] for c in d["claims"]] == ["in_power_since", "in_power_since"]
    (conflict,) = d["conflicts"]
    assert {str(v["value"]) for v in conflict["values"]} == {"1994", "2011"}
    # by name as well as by id
    assert ok(client, "/api/entities/Tomasz%20Velkar")["data"]["id"] == VELKAR
    err(client, "/api/entities/nobody-at-all", 404)


def test_document_carries_text_and_annotations_with_exact_spans(client: TestClient) -> None:
    rec = ok(client, f"/api/documents/{DOC_A}")["data"]
    text = rec["text"]
    for key in ("entities", "quotes", "dates", "places", "events", "claims", "roles"):
        assert key in rec
    for q in rec["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
    assert {e["id"] for e in rec["entities"]} >= {VELKAR, TALLINN}
    err(client, "/api/documents/no-such-doc", 404)


def test_documents_filter_by_source_and_date(client: TestClient) -> None:
    ids = [d["id"] for d in ok(client, "/api/documents")["data"]]
    assert ids == [DOC_X, DOC_B, DOC_A]  # newest first
    assert [d["id"] for d in ok(client, "/api/documents?source=Northgate%20Herald")["data"]] == [
        DOC_A
    ]
    assert [
        d["id"] for d in ok(client, "/api/documents?from=2024-05-03&to=2024-05-03")["data"]
    ] == [DOC_B]
    err(client, "/api/documents?from=May", 400)


def test_search_snippets_filters_and_facets(client: TestClient) -> None:
    hits = ok(client, "/api/search?q=Velkar")["data"]
    assert {h["id"] for h in hits} == {DOC_A, DOC_B}
    for h in hits:
        assert "Velkar]" in h["snippet"]
        assert any(p["hit"] and p["text"] == "Velkar" for p in h["snippet_parts"])
    assert [
        h["id"] for h in ok(client, "/api/search?q=Velkar&source=Baltic%20Example%20Post")["data"]
    ] == [DOC_B]
    assert [h["id"] for h in ok(client, "/api/search?q=Velkar&from=2024-05-03")["data"]] == [DOC_B]
    assert ok(client, '/api/search?q="bus station" AND Riga')["data"][0]["id"] == DOC_B
    f = ok(client, "/api/facets?q=Riga")["data"]
    assert f["documents"] == 2
    assert {s["value"] for s in f["sources"]} == {"Baltic Example Post", "<b>Evil</b> Source"}
    err(client, "/api/search", 400)  # q is required


@pytest.mark.parametrize(
    "q",
    [
        '"unterminated',
        "AND",
        "Velkar AND",
        "NEAR(",
        "(",
        "*",
        "a:b",
        "^",
        "Velkar OR OR",
        '""',
        "-",
        "title:",
        "NOT",
    ],
)
def test_malformed_fts_query_is_a_400_with_a_message(client: TestClient, q: str) -> None:
    r = client.get("/api/search", params={"q": q})
    assert r.status_code in (200, 400), (q, r.status_code)
    if r.status_code == 400:
        e = r.json()["error"]
        assert e["message"] and e["hint"]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=40))
def test_no_search_text_makes_the_server_fail(client: TestClient, q: str) -> None:
    for url in ("/api/search", "/api/entities", "/api/facets"):
        r = client.get(url, params={"q": q})
        assert r.status_code in (200, 400), (url, q, r.status_code, r.text[:200])


def test_overlong_query_text_is_refused(client: TestClient) -> None:
    err(client, "/api/search?q=" + "a" * 501, 400)
    err(client, "/api/entities?q=" + "a" * 501, 400)


def test_quotes_by_speaker_about_and_kind(client: TestClient) -> None:
    by = ok(client, "/api/quotes?speaker=Tomas%20Velkar")["data"]
    assert {q["doc"] for q in by} == {DOC_A, DOC_B}
    assert all(q["speaker"]["entity"] == VELKAR for q in by)
    ind = ok(client, "/api/quotes?kind=indirect")["data"]
    assert [q["text"] for q in ind] == ["the government had ignored warnings"]
    err(client, "/api/quotes?kind=shouted", 400)
    err(client, "/api/quotes?speaker=Nobody%20Here", 404)


def test_places_events_timeline_claims_conflicts(client: TestClient) -> None:
    places = ok(client, "/api/places")["data"]
    assert [p["name"] for p in places] == ["Riga", "Tallinn"]  # most documents first
    assert [p["name"] for p in ok(client, "/api/places?country=EE")["data"]] == ["Tallinn"]
    err(client, "/api/places?country=EST", 400)
    events = ok(client, "/api/events")["data"]
    assert [(e["type"], e["killed"]) for e in events] == [("ASSAULT", 4)]
    geo = ok(client, "/api/events.geojson")["data"]
    assert geo["type"] == "FeatureCollection"
    assert geo["features"][0]["geometry"]["coordinates"] == [24.754, 59.437]
    tl = ok(client, f"/api/timeline?entity={VELKAR}")
    dates = [i["date"] for i in tl["data"]]
    assert dates == sorted(dates) and tl["meta"]["total"] == len(dates) > 0
    assert all({"doc", "start", "end", "text"} <= set(i) for i in tl["data"])
    claims = ok(client, "/api/claims?entity=Velkar")["data"]
    assert sorted(c["value"] for c in claims) == ["1994", "2011"]
    assert ok(client, "/api/claims?attribute=population")["data"] == []
    conf = ok(client, "/api/conflicts")["data"]
    assert len(conf) == 1 and conf[0]["attribute"] == "in_power_since"
    assert ok(client, "/api/conflicts?entity=Riga")["data"] == []


def test_stats_and_unknown_routes(client: TestClient) -> None:
    s = ok(client, "/api/stats")["data"]
    assert s["documents"] == 3 and s["entities"] == 6
    e = err(client, "/api/no/such/thing", 404)
    assert "/api/no/such/thing" in e["message"]
    r = client.post("/api/stats")
    assert r.status_code == 405 and "error" in r.json()


def test_openapi_and_docs_page_describe_every_api_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for url in LISTS:
        assert url.split("?")[0] in paths
        params = {p["name"] for p in spec["paths"][url.split("?")[0]]["get"]["parameters"]}
        assert {"limit", "offset"} <= params, url
    assert {
        "/api/entities/{ref}",
        "/api/documents/{doc_id}",
        "/api/facets",
        "/api/stats",
        "/api/ingest",
        "/api/entities/merge",
        "/api/entities/split",
    } <= paths
    assert not any(p.startswith(("/doc/", "/entity/")) for p in paths)  # pages stay out of the API
    page = client.get("/docs")
    assert page.status_code == 200
    for p in paths:
        assert f"<code>{p}</code>" in page.text, p
    assert "cdn" not in page.text.lower()


def test_the_api_reads_what_the_cli_reads(client: TestClient, tmp_path: Path) -> None:
    """Same query functions: the CLI's JSON lines equal the API's data."""
    import json

    from typer.testing import CliRunner

    from newsledger.cli import app

    db = make_store(tmp_path / "cli.db")
    res = CliRunner().invoke(app, ["quotes", "--format", "jsonl", "--db", str(db)])
    assert res.exit_code == 0, res.output
    cli_rows = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    api_rows = ok(client, "/api/quotes?limit=200")["data"]
    assert cli_rows == api_rows
    assert DOC_X in {r["doc"] for r in api_rows}
