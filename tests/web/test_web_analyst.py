"""The analyst's pages and API additions (issue 20) over the hand-made store, without a
browser: events, quotes, place, graph and flags pages; downloads; totals and 400s;
review flags behind the token; no hash id in the text of a dossier."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsledger.web.app import create_app
from tests.web.test_web_data import DOC_A, DOC_B, VELKAR, make_store, text_of

TOKEN = "a-review-token-of-some-length"
HASH = re.compile(r"\b[0-9a-f]{12,16}\b")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("analyst") / "w.db")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(str(db)), raise_server_exceptions=False)


def page(client: TestClient, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    return r.text


def main_text(html: str) -> str:
    body = html.split("<main>", 1)[1].split("</main>", 1)[0]
    return re.sub(r"<[^>]+>", " ", body)


def test_home_links_to_events_and_quotes(client: TestClient) -> None:
    html = page(client, "/")
    assert 'href="/events"' in html and 'href="/quotes"' in html


def test_events_page_names_who_did_what_with_casualties_per_source(client: TestClient) -> None:
    html = page(client, "/events")
    table = text_of(html, "id", "events-table") or ""
    assert "Assault" in table and "ASSAULT" not in main_text(html).replace('title="ASSAULT"', "")
    assert "Northgate Herald" in table or "Velkar opens Tallinn ferry line" in table
    assert "4 killed" in table  # the source's own figure
    assert 'href="/place/Tallinn"' in html
    page(client, "/events?type=ASSAULT")
    assert "No events of type" in page(client, "/events?type=NOSUCH", 400)
    assert "not a real date" in page(client, "/events?from=2024-13-40", 400)


def test_quotes_page_filters_by_speaker_kind_and_date(client: TestClient) -> None:
    every = main_text(page(client, "/quotes"))
    assert "The sea has always joined us" in every and "ignored warnings" in every
    by = main_text(page(client, f"/quotes?speaker={VELKAR}"))
    assert "The sea has always joined us" in by and "ignored warnings" not in by
    assert "ignored warnings" in main_text(page(client, "/quotes?kind=indirect"))
    dated = main_text(page(client, "/quotes?from=2024-05-03"))
    assert "The sea has always" not in dated and "quote-item" in page(
        client, "/quotes?from=2024-05-03"
    )
    assert "Velkar opens Tallinn ferry line" in every  # the article of each quote


def test_place_page_lists_where_it_is_named(client: TestClient) -> None:
    html = page(client, "/place/Tallinn")
    assert "Tallinn" in (text_of(html, "id", "mentions") or "")
    assert f"/doc/{DOC_A}?hl=" in html
    page(client, "/place/Atlantis", 404)


def test_dossier_has_no_hash_ids_readable_labels_and_downloads(client: TestClient) -> None:
    html = page(client, f"/entity/{VELKAR}")
    text = main_text(html)
    assert not HASH.search(text) and VELKAR not in text
    for code in ("GPE", "holds_role", "in_power_since", "PRESENT_REF"):
        assert code not in text, code
    assert "Velkar opens Tallinn ferry line" in text and "Northgate Herald" in text
    r = client.get(f"/entity/{VELKAR}/download?format=csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {"quotes_by", "documents"} <= {row["section"] for row in rows}
    assert any(row["article_title"] == "Velkar opens Tallinn ferry line" for row in rows)
    quotes = client.get(f"/entity/{VELKAR}/download?section=quotes_by&format=json").json()
    assert len(quotes) == 2 and all("flagged" in q for q in quotes)
    graph = page(client, f"/entity/{VELKAR}/graph")
    assert 'id="entity-graph"' in graph and "Tallinn" in main_text(graph)


def test_list_downloads_respect_the_filters(client: TestClient) -> None:
    r = client.get("/quotes/download?kind=indirect&format=csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and all(row["kind"] == "indirect" for row in rows)
    assert client.get("/events/download?type=ASSAULT&format=json").json()[0]["type"] == "ASSAULT"


def test_api_lists_carry_totals_and_reject_bad_dates_types(client: TestClient) -> None:
    for url in (
        "/api/search?q=Velkar",
        "/api/places",
        "/api/documents",
        "/api/quotes",
        "/api/events",
        "/api/entities",
    ):
        meta = client.get(url).json()["meta"]
        assert isinstance(meta.get("total"), int), url
    hits = client.get("/api/search?q=Velkar").json()
    scores = [h["score"] for h in hits["data"]]
    assert hits["meta"]["total"] == 2 and scores == sorted(scores, reverse=True)  # best first
    for url in ("/api/events?from=2024-13-40", "/api/events?type=NOSUCH", "/api/entities?type=X"):
        r = client.get(url)
        assert r.status_code == 400, url
        assert r.json()["error"]["hint"]
    missing = client.get("/api/entities/nobody-at-all").json()["error"]
    assert "newsledger " not in missing["hint"]  # written for the API reader
    assert "`" not in page(client, "/docs").split("<main>")[1].split("</main>")[0]


def test_search_page_accepts_names_with_punctuation(client: TestClient) -> None:
    for q in ("Velkar's", "U.S.", "al-Velkar", "$9bn", "Tallinn-Riga"):
        page(client, "/?q=" + q)
    assert DOC_B in page(client, "/?q=Tomasz")  # another spelling of the same man


def test_flags_need_the_token_are_shown_left_out_of_counts_and_exported(
    db: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "rw.db"
    shutil.copy(db, copy)
    c = TestClient(create_app(str(copy), allow_write=True, token=TOKEN))
    before = c.get(f"/entity/{VELKAR}").text
    assert "data-flag" in before
    quote = c.get(f"/api/quotes?speaker={VELKAR}").json()["data"][0]
    body = {"kind": "quote", "doc": quote["doc"], "start": quote["start"], "end": quote["end"]}
    assert c.post("/api/flags", json=body).status_code == 401
    head = {"Authorization": f"Bearer {TOKEN}"}
    r = c.post("/api/flags", json={**body, "reason": "not a quote"}, headers=head)
    assert r.status_code == 200, r.text
    fid = r.json()["data"]["id"]
    after = c.get(f"/entity/{VELKAR}").text
    n = lambda html: int(re.search(r'Quotes by .*?<span class="n">(\d+)', html, re.S)[1])  # noqa: E731
    assert n(after) == n(before) - 1 and "flagged" in (text_of(after, "id", "quotes-by") or "")
    flags = c.get("/api/flags").json()
    assert flags["meta"]["total"] == 1 and flags["data"][0]["reason"] == "not a quote"
    assert "not a quote" in c.get("/flags/download?format=csv").text
    assert "not a quote" in page(c, "/flags")
    assert c.delete(f"/api/flags/{fid}", headers=head).status_code == 200
    assert c.get("/api/flags").json()["meta"]["total"] == 0
    ro = TestClient(create_app(str(copy)))
    assert ro.post("/api/flags", json=body, headers=head).status_code == 403


def test_dossier_api_pages_every_list_with_totals(client: TestClient) -> None:
    whole = client.get(f"/api/entities/{VELKAR}").json()
    one = client.get(f"/api/entities/{VELKAR}?limit=1&offset=1").json()
    assert one["meta"]["totals"]["quotes_by"] == len(whole["data"]["quotes_by"]) == 2
    assert one["data"]["quotes_by"] == whole["data"]["quotes_by"][1:2]
    assert all(len(v) <= 1 for v in one["data"].values() if isinstance(v, list))
    for e in whole["data"]["events"]:  # names beside ids
        assert len(e["actor_names"]) == len(e["actors"])
    events = client.get("/api/events").json()["data"]
    assert events and all(len(e["actors"]) == len(e["actor_ids"]) for e in events)


def test_a_flagged_event_report_is_marked_on_the_events_page_and_exported(
    db: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "ev.db"
    shutil.copy(db, copy)
    c = TestClient(create_app(str(copy), allow_write=True, token=TOKEN))
    assert "tag flag" not in page(c, "/events")
    event = c.get("/api/events").json()["data"][0]
    src = event["sources"][0]
    body = {"kind": "event", "doc": src["doc"], **src["evidence"], "reason": "no such attack"}
    body = {k: body[k] for k in ("kind", "doc", "start", "end", "reason")}
    head = {"Authorization": f"Bearer {TOKEN}"}
    assert c.post("/api/flags", json=body, headers=head).status_code == 200
    html = page(c, "/events")
    assert 'class="tag flag"' in html and '<tr class="flagged">' in html
    rows = list(csv.DictReader(io.StringIO(c.get("/events/download?format=csv").text)))
    assert "flagged" in rows[0]
