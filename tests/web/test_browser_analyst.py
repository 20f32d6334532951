"""The analyst's web UI (issue 20) in a real browser: Debian's Chromium via Playwright.

One writable app server for the module, over a store ingested from the
examples plus one short fictional article whose names carry punctuation
(``al-Baghdadi``, ``Felbab-Brown``, ``Massoud's``, ``U.S.``, ``$9bn``).  The
review test, which flags an item, runs last.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote
from urllib.request import urlopen

import pytest

from tests.conftest import EXAMPLES
from tests.web.test_browser import ARTIFACTS, Watch, browser  # noqa: F401
from tests.web.test_web_data import live_server

if TYPE_CHECKING:
    from playwright import sync_api

TOKEN = "analyst-review-token-0123456789"
FICTION = {
    "id": "fx-ardent-1",
    "title": "Ardent port money trail widens",
    "source": "Example Ledger",
    "published": "2025-07-02",
    "text": (
        "U.S. officials said on Monday that Karim al-Baghdadi, a trader in the fictional port "
        "of Ardent, moved $9bn through shell companies.\n\n"
        '"The money went north every winter," said Dana Felbab-Brown, an analyst at the '
        "Ardent Institute.\n\n"
        "Felbab-Brown said Massoud's network had grown since 2019."
    ),
}
HASH = re.compile(r"\b[0-9a-f]{12}\b|\b[0-9a-f]{16}\b")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from newsledger import service
    from newsledger.web.app import create_app

    folder = tmp_path_factory.mktemp("analyst")
    extra = folder / "in" / "fiction.jsonl"
    extra.parent.mkdir()
    extra.write_text(json.dumps(FICTION) + "\n", encoding="utf-8")
    db = folder / "a.db"
    assert service.ingest([str(EXAMPLES), str(extra.parent)], db, workers=1).added >= 5
    with live_server(create_app(str(db), allow_write=True, token=TOKEN)) as url:
        yield url


def api_text(base: str, path: str) -> str:
    with urlopen(base + path, timeout=30) as r:
        return str(r.read().decode("utf-8"))


def api(base: str, path: str) -> Any:
    return json.loads(api_text(base, path))


def busiest_person(base: str) -> dict[str, Any]:
    """The person with most quotes attributed (the fullest dossier)."""
    people = api(base, "/api/entities?type=PERSON&limit=30")["data"]
    return max(
        people,
        key=lambda e: api(base, f"/api/quotes?speaker={quote(e['id'])}&limit=1")["meta"]["total"],
    )


@pytest.fixture()
def tab(browser: sync_api.Browser, request: pytest.FixtureRequest) -> Iterator[Any]:  # noqa: F811
    yield from _tab(browser, request, 1280, 860)


@pytest.fixture()
def phone(browser: sync_api.Browser, request: pytest.FixtureRequest) -> Iterator[Any]:  # noqa: F811
    yield from _tab(browser, request, 390, 844)


def _tab(
    browser: sync_api.Browser,  # noqa: F811
    request: pytest.FixtureRequest,
    width: int,
    height: int,
) -> Iterator[tuple[sync_api.Page, Watch]]:
    ctx = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    page = ctx.new_page()
    page.set_default_timeout(10_000)
    watch = Watch()
    page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    page.on(
        "response",
        lambda r: watch.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    yield page, watch
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)[:120]
    page.screenshot(path=str(ARTIFACTS / f"analyst-{name}.png"), full_page=True)
    ctx.close()


@pytest.mark.parametrize("text", ["al-Baghdadi", "Felbab-Brown", "Massoud's", "U.S.", "$9bn"])
def test_names_with_punctuation_are_found(tab: Any, site: str, text: str) -> None:
    page, watch = tab
    page.goto(site + "/")
    page.fill("form.search input[name=q]", text)
    with page.expect_navigation() as nav:
        page.press("form.search input[name=q]", "Enter")
    assert nav.value is not None and nav.value.status == 200
    hits = page.locator("ol.hits li.hit a.title")
    assert hits.count() >= 1
    assert "Ardent port money trail widens" in hits.all_inner_texts()
    assert page.locator(".error").count() == 0
    assert watch.clean(), watch


def test_home_links_to_events_and_quotes_pages_which_filter_and_sort(tab: Any, site: str) -> None:
    page, watch = tab
    page.goto(site + "/")
    page.locator("header.top nav a", has_text="Events").click()
    page.wait_for_url(re.compile(r"/events$"))
    rows = page.locator("#events-table tbody tr")
    assert rows.count() >= 1
    # who did what to whom: names, never ids
    assert not HASH.search(page.locator("main").inner_text())
    first_type = page.locator("select[name=type] option").nth(1).get_attribute("value")
    page.select_option("select[name=type]", first_type)
    page.locator("form.filters button").click()
    page.wait_for_url(re.compile(rf"type={first_type}"))
    page.locator("#events-table th", has_text="date").click()
    assert page.locator("#events-table th[aria-sort]").count() == 1
    page.locator("header.top nav a", has_text="Quotes").click()
    page.wait_for_url(re.compile(r"/quotes$"))
    assert page.locator("ul.quotes li.quote-item").count() >= 1
    assert page.locator("ul.quotes .src cite").count() >= 1  # the article of every quote
    page.goto(site + "/events?from=2024-13-40")
    assert watch.failed == [f"400 {site}/events?from=2024-13-40"]


def test_dossier_shows_titles_not_ids_and_downloads_csv(tab: Any, site: str) -> None:
    page, watch = tab
    person = busiest_person(site)
    page.goto(site + "/entity/" + quote(person["id"]))
    main = page.locator("main").inner_text()
    assert person["name"] in main
    assert not HASH.search(main), HASH.findall(main)
    assert page.locator("#quotes-by .src cite").count() >= 1
    with page.expect_download() as dl:
        page.locator("#dossier-csv").click()
    path = dl.value.path()
    assert path is not None
    head = Path(path).read_text(encoding="utf-8").splitlines()[0]
    assert head.startswith("section,") and "article_title" in head
    assert watch.clean(), watch


def test_evidence_link_lands_centred_with_context_above(tab: Any, site: str) -> None:
    page, watch = tab
    person = busiest_person(site)
    page.set_viewport_size({"width": 1280, "height": 500})
    page.goto(site + "/entity/" + quote(person["id"]))
    link = page.locator("#quotes-by a.ev").last
    link.click()
    page.wait_for_url(re.compile(r"/doc/.+\?hl=\d+-\d+"))
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)
    box = page.locator("mark.evidence").bounding_box()
    assert box is not None
    top = page.evaluate("window.scrollY")
    # not pinned to the top edge: either centred, or the page could not scroll further
    assert box["y"] >= 80 or top == 0, (box, top)
    assert watch.clean(), watch


def test_map_zooms_and_clusters_offline(tab: Any, site: str) -> None:
    page, watch = tab
    page.goto(site + "/map")
    page.wait_for_selector("#leaflet-map[data-ready]")
    assert int(page.get_attribute("#leaflet-map", "data-ready") or 0) >= 1
    page.wait_for_selector("#leaflet-map path.leaflet-interactive, #leaflet-map .marker-cluster")
    for _ in range(50):  # the land outline arrives by fetch
        if page.locator("#leaflet-map svg path").count() > 1:
            break
        page.wait_for_timeout(100)
    assert page.locator("#leaflet-map svg path").count() > 1
    zoom = float(page.get_attribute("#leaflet-map", "data-zoom") or 0)
    page.locator(".leaflet-control-zoom-in").click()
    for _ in range(50):  # the zoom animates; wait_for_function would need unsafe-eval
        if float(page.get_attribute("#leaflet-map", "data-zoom") or 0) > zoom:
            break
        page.wait_for_timeout(100)
    assert float(page.get_attribute("#leaflet-map", "data-zoom") or 0) > zoom
    assert page.locator("#places table tbody tr").count() <= 25
    loaded = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert any(u.endswith("land-110m.geojson") for u in loaded)
    assert all(u.startswith((site, "data:")) for u in loaded), loaded  # nothing from afar
    assert watch.clean(), watch


def test_a_place_on_the_map_opens_its_own_page(tab: Any, site: str) -> None:
    page, watch = tab
    page.goto(site + "/map")
    first = page.locator("#places table tbody tr td a").first
    name = first.inner_text().strip()
    with page.expect_navigation():
        first.click()
    assert "/place/" in page.url
    assert name in page.locator("h1").inner_text()
    assert page.locator("#mentions li").count() >= 1  # the articles naming it
    link = page.locator("#mentions li a.ev").first
    with page.expect_navigation():
        link.click()
    assert "/doc/" in page.url
    page.wait_for_selector("mark.evidence")
    assert watch.clean(), watch


def test_entity_graph_draws_named_neighbours_that_open_their_dossiers(tab: Any, site: str) -> None:
    page, watch = tab
    person = busiest_person(site)
    page.goto(site + "/entity/" + quote(person["id"]))
    with page.expect_navigation():
        page.locator("a", has_text="graph").first.click()
    assert page.url.endswith("/graph")
    svg = page.locator("svg#entity-graph")
    assert svg.locator("circle.node").count() >= 2  # the entity and a neighbour
    assert svg.locator("path.edge").count() >= 1
    labels = [t.strip() for t in svg.locator("text").all_text_contents()]
    assert person["name"] in labels and not any(HASH.search(t) for t in labels)
    neighbour = svg.locator("a").nth(1).locator("circle")
    with page.expect_navigation():
        neighbour.click()
    assert "/entity/" in page.url and not page.url.endswith("/graph")
    assert watch.clean(), watch


def test_timeline_shows_names_sources_and_whole_sentences(tab: Any, site: str) -> None:
    page, watch = tab
    person = busiest_person(site)
    page.goto(site + "/timeline?entity=" + quote(person["id"]))
    assert page.input_value("input[name=entity]") == person["name"]
    items = page.locator("ol.timeline-list li")
    assert items.count() >= 1 and page.locator("ol.timeline-list li.empty").count() == 0
    assert page.locator("ol.timeline-list li .src cite").count() == items.count()
    assert watch.clean(), watch


def test_phone_width_pages_do_not_scroll_sideways(phone: Any, site: str) -> None:
    page, watch = phone
    person = busiest_person(site)
    doc = api(site, "/api/documents?limit=1")["data"][0]["id"]
    for path in (
        "/entity/" + quote(person["id"]),
        "/events",
        "/quotes",
        "/doc/" + quote(doc),
        "/map",
        "/timeline",
        "/",
    ):
        page.goto(site + path)
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 390, (path, wide)
    assert watch.clean(), watch


def test_review_flags_an_extraction_which_is_shown_and_exported(tab: Any, site: str) -> None:
    page, watch = tab
    person = busiest_person(site)
    url = site + "/entity/" + quote(person["id"])
    page.goto(url)
    page.locator("details.review-token summary").click()
    page.fill("#review-token", TOKEN)
    n_before = int(page.locator("#quotes-by h2 .n").first.inner_text())
    flag = page.locator("#quotes-by form[data-flag] button").first
    with page.expect_navigation():
        flag.click()
    assert page.locator("#quotes-by .tag.flag").count() >= 1
    assert page.locator("#quotes-by li.flagged").count() >= 1
    flags = api(site, "/api/flags")["data"]
    assert len(flags) == 1 and flags[0]["kind"] == "quote"
    # a flagged quote is left out of the count
    assert int(page.locator("#quotes-by h2 .n").first.inner_text()) == n_before - 1
    page.goto(site + "/flags")
    assert page.locator("table tbody tr").count() == 1
    # the quotes page shows it struck and leaves it out of its total (the API counts all)
    page.goto(site + "/quotes")
    every = api(site, "/api/quotes?limit=1")["meta"]["total"]
    assert int(page.locator("h1 .n").inner_text()) == every - 1
    assert page.locator(".quote-item.flagged .tag.flag").count() >= 1
    csv = api_text(site, "/quotes/download?format=csv")
    assert csv.splitlines()[0].split(",").count("flagged") == 1
    assert watch.clean(), watch


def test_review_merges_two_entities_from_the_dossier(tab: Any, site: str) -> None:
    page, watch = tab
    people = api(site, "/api/entities?type=PERSON&limit=2")["data"]
    a, b = people[0], people[1]
    page.goto(site + "/entity/" + quote(a["id"]))
    page.locator("details.review-token summary").click()
    page.fill("#review-token", TOKEN)
    page.locator("details.review-tools summary").click()
    page.fill("form[data-review=merge] input[name=b]", b["id"])
    page.locator("form[data-review=merge] button").click()
    page.wait_for_selector(".review-result:not(:empty)")
    assert page.locator(".review-result").inner_text().startswith("Done")
    merged = api(site, "/api/entities/" + quote(b["name"]))["data"]
    assert {x["text"] for x in merged["aliases"]} >= {a["name"], b["name"]} or merged["id"] == a[
        "id"
    ]
    assert watch.clean(), watch


def test_review_splits_a_wrong_merge_from_the_dossier(tab: Any, site: str) -> None:
    from urllib.request import Request

    page, watch = tab
    people = api(site, "/api/entities?type=PERSON&limit=40")["data"]
    a, b = people[-1], people[-2]  # two people the other tests leave alone
    req = Request(
        site + "/api/entities/merge",
        data=json.dumps({"a": a["id"], "b": b["id"]}).encode(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        method="POST",
    )
    with urlopen(req, timeout=30) as r:
        assert r.status == 200
    both = api(site, "/api/entities/" + quote(a["name"]))["data"]
    assert {x["text"] for x in both["aliases"]} >= {a["name"], b["name"]}
    page.goto(site + "/entity/" + quote(both["id"]))
    page.locator("details.review-token summary").click()
    page.fill("#review-token", TOKEN)
    page.locator("details.review-tools summary").click()
    other = b["name"] if both["name"] == a["name"] else a["name"]
    page.fill("form[data-review=split] input[name=names]", other)
    page.locator("form[data-review=split] button").click()
    page.wait_for_selector(".review-result:not(:empty)")
    assert page.locator(".review-result").inner_text().startswith("Done")
    one = api(site, "/api/entities/" + quote(both["name"]))["data"]
    two = api(site, "/api/entities/" + quote(other))["data"]
    assert one["id"] != two["id"]
    assert other not in {x["text"] for x in one["aliases"]}
    assert watch.clean(), watch
