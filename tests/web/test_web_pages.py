"""Server-rendered pages: search with facets, dossier, document view, timeline, map, conflicts."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest
from fastapi.testclient import TestClient

from newsledger.web.app import create_app
from tests.web.test_web_data import (
    A_TEXT,
    DOC_A,
    DOC_B,
    DOC_X,
    VELKAR,
    make_store,
    parse,
    records,
    text_of,
)

PAGES = [
    "/",
    "/?q=Velkar",
    "/entities",
    "/documents",
    f"/entity/{VELKAR}",
    f"/doc/{DOC_A}",
    "/timeline",
    f"/timeline?entity={VELKAR}",
    "/map",
    "/map?world=1",
    "/conflicts",
    "/docs",
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = make_store(tmp_path_factory.mktemp("webpages") / "w.db")
    return TestClient(create_app(str(db)), raise_server_exceptions=False)


def page(client: TestClient, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:400])
    assert r.headers["content-type"].startswith("text/html")
    return r.text


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_with_local_assets_only(client: TestClient, url: str) -> None:
    html = page(client, url)
    tags = parse(html).tags
    srcs = [
        a.get("src") or a.get("href") or ""
        for t, a in tags
        if t in ("script", "link", "img", "image") and a.get("type") != "application/json"
    ]
    assert all(s.startswith("/") and not s.startswith("//") for s in srcs), srcs
    assert ("link", {"rel": "stylesheet", "href": "/static/style.css"}) in tags
    assert not any("style" in a for _, a in tags), "inline styles break the CSP"


def test_search_facets_filter_by_type_source_and_date(client: TestClient) -> None:
    html = page(client, "/?q=Velkar")
    assert text_of(html, "class", "hits") is not None
    assert f'href="/doc/{DOC_A}"' in html and f'href="/doc/{DOC_B}"' in html
    assert "<mark>Velkar</mark>" in html  # matched term in the snippet
    by_source = page(client, "/?q=Velkar&source=Northgate+Herald")
    assert f'href="/doc/{DOC_A}"' in by_source and f'href="/doc/{DOC_B}"' not in by_source
    by_date = page(client, "/?from=2024-05-03&to=2024-05-03")
    hits = text_of(by_date, "class", "hits") or ""
    assert "Velkar visits Riga" in hits and "ferry" not in hits
    gpe = page(client, "/?type=GPE")
    cards = text_of(gpe, "class", "cards") or ""
    assert "Riga" in cards and "Tomas Velkar" not in cards
    # facet links carry the current query along
    assert "?q=Velkar&amp;type=PERSON" in html


def test_search_page_shows_a_bad_query_as_a_400_message(client: TestClient) -> None:
    # what a person types is always searched; only broken advanced syntax is refused
    assert "Velkar" in (text_of(page(client, "/?q=%22Velkar"), "class", "hits") or "")
    html = page(client, "/?q=%28Velkar+OR+Riga", 400)
    msg = text_of(html, "class", "error") or ""
    assert "never closed" in msg and "Close it with ')'" in msg
    assert "Traceback" not in html


def test_dossier_shows_names_quotes_dates_conflict_and_links(client: TestClient) -> None:
    html = page(client, f"/entity/{VELKAR}")
    names = text_of(html, "id", "aliases") or ""
    assert "Tomas Velkar" in names and "Tomasz Velkar" in names
    quotes = text_of(html, "id", "quotes-by") or ""
    assert "The sea has always joined us" in quotes and "We will rebuild the bus station" in quotes
    assert "30 April 2024" in quotes and "1 May 2024" in quotes  # dates in words
    conflicts = text_of(html, "id", "conflicts") or ""
    assert "1994" in conflicts and "2011" in conflicts
    assert "Tallinn" in (text_of(html, "id", "cooccurring") or "")


def _evidence_links(html: str, section: str) -> list[str]:
    block = re.search(rf'<section id="{section}">(.*?)</section>', html, re.S)
    assert block, section
    return [
        unquote(h).replace("&amp;", "&")
        for h in re.findall(r'class="ev" href="([^"]+)"', block.group(1))
    ]


def test_each_quote_link_opens_its_document_with_exactly_that_quote_marked(
    client: TestClient,
) -> None:
    html = page(client, f"/entity/{VELKAR}")
    links = _evidence_links(html, "quotes-by")
    assert len(links) == 2
    texts = {r["id"]: r["text"] for r in records()}
    for link in links:
        parts = urlsplit(link)
        m = re.fullmatch(r"s-(\d+)-(\d+)", parts.fragment)
        assert m and parts.query == f"hl={m[1]}-{m[2]}"
        doc = parts.path.rsplit("/", 1)[1]
        s, e = int(m[1]), int(m[2])
        target = page(client, f"{parts.path}?{parts.query}")
        assert text_of(target, "id", parts.fragment) == texts[doc][s:e]
        assert texts[doc][s:e] in {
            "The sea has always joined us, never divided us",
            "We will rebuild the bus station within a year",
        }


def test_document_text_is_kept_exactly_with_annotations_highlighted(client: TestClient) -> None:
    html = page(client, f"/doc/{DOC_A}")
    assert text_of(html, "id", "text") == A_TEXT
    tags = parse(html).tags
    classes = [set((a.get("class") or "").split()) for _, a in tags]
    for kind in ("ent", "quote", "cue", "date", "place"):
        assert any(kind in c for c in classes), kind
    quote_titles = [
        a.get("title") or "" for _, a in tags if "quote" in (a.get("class") or "").split()
    ]
    assert any("said by Tomas Velkar" in t for t in quote_titles)  # speaker on hover
    assert any("said by Ines Marrow" in t for t in quote_titles)
    entity_links = {
        a.get("href") for t, a in tags if t == "a" and "ent" in (a.get("class") or "").split()
    }
    assert f"/entity/{VELKAR}" in entity_links


@pytest.mark.parametrize("hl", ["5-2", "0-99999", "x-y", "-1-3", "3-3"])
def test_a_bad_highlight_is_ignored_with_a_notice(client: TestClient, hl: str) -> None:
    html = page(client, f"/doc/{DOC_A}?hl={hl}")
    assert "<mark" not in (re.search(r'id="text">(.*?)</div>', html, re.S) or [""])[0]
    assert "not inside this document" in html
    assert text_of(html, "id", "text") == A_TEXT


def test_highlight_across_annotation_boundaries_keeps_one_mark(client: TestClient) -> None:
    s = A_TEXT.index("Tomas")
    e = A_TEXT.index("Tallinn") + 3  # cuts an entity mention and a place in half
    html = page(client, f"/doc/{DOC_A}?hl={s}-{e}")
    assert html.count('<mark class="evidence"') == 1
    assert text_of(html, "id", f"s-{s}-{e}") == A_TEXT[s:e]
    assert text_of(html, "id", "text") == A_TEXT


def test_timeline_draws_one_linked_dot_per_item(client: TestClient) -> None:
    html = page(client, f"/timeline?entity={VELKAR}")
    items = client.get(f"/api/timeline?entity={VELKAR}&limit=200").json()["data"]
    svg = re.search(r'<svg id="timeline-chart".*?</svg>', html, re.S)
    assert svg and svg.group(0).count("<circle") == len(items) > 0
    hrefs = re.findall(r'<a href="([^"]+)"><circle', svg.group(0))
    assert all(h.startswith("/doc/") and "?hl=" in h for h in hrefs)
    listed = text_of(html, "class", "timeline-list") or ""
    listed_html = re.search(r'<ol class="timeline-list">.*?</ol>', html, re.S)
    assert listed and listed_html
    assert all(f'datetime="{i["date"]}"' in listed_html.group(0) for i in items)
    assert "2024-05" in svg.group(0)  # an axis label
    page(client, "/timeline?entity=nobody-at-all", 404)


def test_map_draws_places_and_events_on_the_local_world_outline(client: TestClient) -> None:
    html = page(client, "/map")
    svg = re.search(r'<svg id="world-map".*?</svg>', html, re.S)
    assert svg
    body = svg.group(0)
    assert body.count('class="place"') == 2 and body.count('class="event"') == 1
    assert 'href="/static/world-land.svg"' in body
    # Riga is at 24.105 E, 56.946 N: x = lon, y = -lat
    assert 'cx="24.105" cy="-56.946"' in body
    land = client.get("/static/world-land.svg")
    assert land.status_code == 200 and land.headers["content-type"].startswith("image/svg+xml")
    assert land.text.count("<circle") > 2000
    world = page(client, "/map?world=1")
    assert 'viewBox="-180 -84 360 142"' in world


def test_conflicts_page_puts_values_side_by_side_with_sources(client: TestClient) -> None:
    html = page(client, "/conflicts")
    values = re.findall(r'<div class="v">([^<]+)</div>', html)
    assert sorted(values) == ["1994", "2011"]
    assert "in power since 1994" in html and "ruled since 2011" in html
    assert html.count('class="ev"') == 2
    none = page(client, "/conflicts?entity=Riga")
    assert "No conflicting claims" in none


def test_missing_things_are_html_404s(client: TestClient) -> None:
    for url in ("/doc/nope", "/entity/nobody-at-all", "/no/such/page"):
        html = page(client, url, 404)
        assert text_of(html, "class", "message")
    assert DOC_X  # the hostile document is covered by test_web_security


@pytest.mark.parametrize(
    "url",
    [
        "/?q=&from=&to=",
        "/?q=Velkar&from=&to=",
        "/entities?q=&type=",
        "/documents?source=&from=&to=",
        "/timeline?entity=&place=&q=&from=&to=",
        "/map?country=&type=",
        "/conflicts?entity=&attribute=",
    ],
)
def test_forms_submitted_with_empty_fields_work(client: TestClient, url: str) -> None:
    page(client, url)


def test_empty_api_filters_mean_no_filter(client: TestClient) -> None:
    full = client.get("/api/documents").json()["data"]
    assert client.get("/api/documents?source=&from=&to=").json()["data"] == full
    assert client.get("/api/places?country=").status_code == 200
    assert client.get("/api/entities?type=&q=").json()["meta"]["total"] == 6
