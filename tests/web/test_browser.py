"""The web UI in a real browser: Debian's Chromium driven by Playwright, offline.

Loads every page on a store built from the examples and on the hand-made
store, clicks from search to dossier to document and checks that the
highlighted span is the evidence text, checks that the map and the timeline
render, and that a hostile article fires no script.  Screenshots go to
``.cache/test-artifacts/browser/`` (or ``$NEWSLEDGER_ARTIFACTS``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import EXAMPLES, ROOT, need, need_module
from tests.web.test_web_data import (
    A_TEXT,
    DOC_A,
    DOC_X,
    KRANE,
    VELKAR,
    XSS_TEXT,
    live_server,
    make_store,
)

if TYPE_CHECKING:
    from playwright import sync_api

CHROMIUM = Path("/usr/bin/chromium")

ARTIFACTS = (
    Path(os.environ.get("NEWSLEDGER_ARTIFACTS", ROOT / ".cache" / "test-artifacts")) / "browser"
)


@dataclass
class Watch:
    """What a page did that it should not: console errors, dialogs, failed requests."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def clean(self) -> bool:
        return not (self.errors or self.dialogs or self.failed)


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    need(
        CHROMIUM.exists(),
        f"Chromium is not installed at {CHROMIUM} (`make system-deps` installs it)",
    )
    playwright = need_module(
        "playwright.sync_api", "playwright is not installed (`make install` adds it)"
    )
    pw = playwright.sync_playwright().start()
    b = pw.chromium.launch(executable_path=str(CHROMIUM))
    yield b
    b.close()
    pw.stop()


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from newsledger.web.app import create_app

    db = make_store(tmp_path_factory.mktemp("browser") / "w.db")
    with live_server(create_app(str(db))) as url:
        yield url


@pytest.fixture(scope="module")
def examples_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from newsledger import service
    from newsledger.web.app import create_app

    db = tmp_path_factory.mktemp("browser-ex") / "ex.db"
    assert service.ingest([str(EXAMPLES)], db, workers=1).added >= 4
    with live_server(create_app(str(db))) as url:
        yield url


@pytest.fixture()
def tab(
    browser: sync_api.Browser, request: pytest.FixtureRequest
) -> Iterator[tuple[sync_api.Page, Watch]]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 860})
    page = ctx.new_page()
    page.set_default_timeout(10_000)
    watch = Watch()
    page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.errors.append(str(e)))

    def on_dialog(d: sync_api.Dialog) -> None:
        watch.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    page.on(
        "response",
        lambda r: (
            watch.failed.append(f"{r.status} {r.url}")
            if r.status >= 400 and "/static/" in r.url
            else None
        ),
    )
    yield page, watch
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)[:120]
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    ctx.close()


PAGES = ["/", "/?q=Lisbon", "/entities", "/documents", "/timeline", "/map", "/conflicts", "/docs"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_cleanly_on_the_examples(
    tab: tuple[sync_api.Page, Watch], examples_base: str, path: str
) -> None:
    page, watch = tab
    resp = page.goto(examples_base + path)
    assert resp is not None and resp.status == 200
    assert page.locator("header.top nav a").count() == 9
    page.wait_for_load_state("networkidle")
    assert watch.clean(), watch


def test_example_entity_and_document_pages_load(
    tab: tuple[sync_api.Page, Watch], examples_base: str
) -> None:
    page, watch = tab
    page.goto(examples_base + "/entities")
    page.locator("table.grid tbody a").first.click()
    page.wait_for_url(re.compile(r"/entity/"))
    assert page.locator("h1").inner_text()
    page.locator("#documents li a").first.click()
    page.wait_for_url(re.compile(r"/doc/"))
    assert page.locator("#text").inner_text()
    assert watch.clean(), watch


def test_click_from_search_to_dossier_to_the_highlighted_quote(
    tab: tuple[sync_api.Page, Watch], base: str
) -> None:
    page, watch = tab
    page.goto(base + "/")
    page.fill("form.search input[name=q]", "Velkar")
    page.press("form.search input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"\?q=Velkar"))
    page.locator(".ent-card a.name", has_text="Tomas Velkar").click()
    page.wait_for_url(re.compile(f"/entity/{VELKAR}$"))
    assert "Tomasz Velkar" in page.locator("#aliases").inner_text()
    first = page.locator("#quotes-by li.quote-item").first
    expected = first.locator("blockquote").inner_text()
    first.locator("a.ev").click()
    page.wait_for_url(re.compile(r"/doc/.+\?hl=\d+-\d+#s-\d+-\d+$"))
    mark = page.locator("mark.evidence")
    assert mark.count() == 1
    assert mark.text_content() == expected
    assert mark.evaluate("m => m === document.activeElement")
    box = mark.bounding_box()
    assert box is not None and 0 <= box["y"] <= 860
    assert watch.clean(), watch


def test_a_fragment_only_evidence_link_is_marked_too(
    tab: tuple[sync_api.Page, Watch], base: str
) -> None:
    page, watch = tab
    s = A_TEXT.index("A car bomb")
    e = A_TEXT.index(", police said")
    page.goto(f"{base}/doc/{DOC_A}#s-{s}-{e}")
    page.wait_for_url(re.compile(rf"\?hl={s}-{e}#s-{s}-{e}$"))
    assert page.locator(f"#s-{s}-{e}").text_content() == A_TEXT[s:e]
    assert page.locator("#text").text_content() == A_TEXT
    assert watch.clean(), watch


def test_quote_speaker_shows_on_hover(tab: tuple[sync_api.Page, Watch], base: str) -> None:
    page, _ = tab
    page.goto(f"{base}/doc/{DOC_A}")
    quote = page.locator("#text .quote", has_text="The sea has always").first
    quote.hover()
    assert "said by Tomas Velkar" in (quote.get_attribute("title") or "")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/documents",
        f"/doc/{DOC_X}",
        f"/entity/{KRANE}",
        "/timeline",
        "/?q=Krane",
        "/entities?q=Krane",
    ],
)
def test_hostile_article_renders_as_text_and_runs_nothing(
    tab: tuple[sync_api.Page, Watch], base: str, path: str
) -> None:
    page, watch = tab
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    assert watch.dialogs == []
    assert page.locator("main img, main script, main iframe").count() == 0
    body = page.locator("main").inner_text()
    assert "onerror=alert" in body  # shown, not executed
    if path == f"/doc/{DOC_X}":
        assert page.locator("#text").text_content() == XSS_TEXT
    assert watch.clean(), watch


def test_map_renders_offline_without_javascript_too(browser: sync_api.Browser, base: str) -> None:
    """Without JavaScript the map is the SVG drawn by the server (Leaflet replaces it)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 860}, java_script_enabled=False)
    page = ctx.new_page()
    watch = Watch()
    page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    land: list[int] = []
    page.on(
        "response",
        lambda r: land.append(r.status) if r.url.endswith("/static/world-land.svg") else None,
    )
    page.goto(base + "/map?world=1")
    page.wait_for_load_state("networkidle")
    svg = page.locator("svg#world-map")
    box = svg.bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 200
    assert land == [200]
    assert svg.locator("circle.place").count() == 2 and svg.locator("circle.event").count() == 1
    img = svg.locator("image").bounding_box()
    assert img is not None and img["width"] > 600
    riga = svg.locator("circle.place").first.bounding_box()
    assert riga is not None and box["x"] + box["width"] / 2 < riga["x"]  # east of Greenwich
    assert box["y"] < riga["y"] < box["y"] + box["height"] / 2  # northern hemisphere
    svg.screenshot(path=str(ARTIFACTS / "map-svg.png")) if ARTIFACTS.exists() else None
    assert watch.clean(), watch
    ctx.close()


def test_timeline_renders_and_its_dots_open_the_evidence(
    tab: tuple[sync_api.Page, Watch], base: str
) -> None:
    page, watch = tab
    page.goto(f"{base}/timeline?entity={VELKAR}")
    dots = page.locator("svg#timeline-chart circle.dot")
    n = page.locator(".timeline-list li").count()
    assert dots.count() == n > 0
    box = page.locator("svg#timeline-chart").bounding_box()
    assert box is not None and box["width"] > 600
    xs = [dots.nth(i).bounding_box()["x"] for i in range(dots.count())]  # type: ignore[index]
    assert len(set(round(x) for x in xs)) > 1  # spread along the time axis
    dots.first.click()
    page.wait_for_url(re.compile(r"/doc/.+\?hl="))
    assert page.locator("mark.evidence").count() == 1
    assert watch.clean(), watch


def test_conflict_values_stand_side_by_side(tab: tuple[sync_api.Page, Watch], base: str) -> None:
    page, watch = tab
    page.goto(base + "/conflicts")
    values = page.locator(".conflict .value")
    assert values.count() == 2
    a, b = values.nth(0).bounding_box(), values.nth(1).bounding_box()
    assert a is not None and b is not None
    assert abs(a["y"] - b["y"]) < 2 and a["x"] != b["x"]
    assert sorted(page.locator(".conflict .v").all_inner_texts()) == ["1994", "2011"]
    page.locator(".conflict a.ev").first.click()
    page.wait_for_url(re.compile(r"/doc/"))
    assert "since" in (page.locator("mark.evidence").text_content() or "")
    assert watch.clean(), watch
