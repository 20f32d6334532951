"""The web app on stores built by the real pipeline: the examples, an upload, the two samples."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from fastapi.testclient import TestClient

from newsledger import service
from newsledger.query import facts as query
from newsledger.store import Store
from newsledger.web.app import create_app
from tests.conftest import EXAMPLES
from tests.web.test_web_data import text_of

TOKEN = "ingest-token-0123456789abcdef"
UPLOAD = (
    'Harbour master Olen Brisk said on Monday that "the new quay in Gdansk will open in June".\n\n'
    "Brisk added that the port authority had hired 40 workers."
)


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("webex") / "ex.db"
    report = service.ingest([str(EXAMPLES)], db, workers=1)
    assert report.added >= 4, report
    return db


@pytest.fixture(scope="module")
def client(examples_db: Path) -> TestClient:
    return TestClient(create_app(str(examples_db)), raise_server_exceptions=False)


def evidence_links(html: str) -> list[str]:
    return [
        unquote(h).replace("&amp;", "&") for h in re.findall(r'class="ev" href="([^"]+)"', html)
    ]


def assert_links_mark_exact_spans(
    client: TestClient, links: list[str], texts: dict[str, str]
) -> int:
    checked = 0
    for link in links:
        parts = urlsplit(link)
        m = re.fullmatch(r"s-(\d+)-(\d+)", parts.fragment)
        assert m, link
        doc = parts.path.rsplit("/", 1)[1]
        r = client.get(f"{parts.path}?{parts.query}")
        assert r.status_code == 200, link
        assert text_of(r.text, "id", parts.fragment) == texts[doc][int(m[1]) : int(m[2])], link
        checked += 1
    return checked


def test_every_example_document_renders_its_exact_text(
    client: TestClient, examples_db: Path
) -> None:
    with Store(examples_db, readonly=True) as store:
        recs = list(query.records(store))
    for rec in recs:
        r = client.get(f"/doc/{rec['id']}")
        assert r.status_code == 200
        assert text_of(r.text, "id", "text") == rec["text"]


def test_dossiers_of_the_examples_link_every_quote_to_its_span(
    client: TestClient, examples_db: Path
) -> None:
    with Store(examples_db, readonly=True) as store:
        texts = {r["id"]: r["text"] for r in query.records(store)}
        people = query.entities(store, etype="PERSON", limit=10)
    checked = 0
    for e in people:
        r = client.get(f"/entity/{e['id']}")
        assert r.status_code == 200, e
        block = re.search(r'<section id="quotes-by">(.*?)</section>', r.text, re.S)
        assert block
        checked += assert_links_mark_exact_spans(client, evidence_links(block.group(1)), texts)
    assert checked >= 2  # the examples quote several named people


def test_pages_over_the_examples_answer(client: TestClient) -> None:
    for url in ("/", "/?q=Lisbon", "/entities", "/documents", "/timeline", "/map", "/conflicts"):
        assert client.get(url).status_code == 200, url
    places = client.get("/api/places").json()["data"]
    assert "Lisbon" in {p["name"] for p in places}


def test_upload_ingests_with_the_token_and_keeps_names_harmless(
    examples_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "up.db"
    shutil.copy(examples_db, db)
    c = TestClient(
        create_app(str(db), allow_write=True, token=TOKEN), raise_server_exceptions=False
    )
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert c.post("/api/ingest", files={"files": ("a.txt", UPLOAD.encode())}).status_code == 401
    bad = c.post("/api/ingest", files={"files": ("a.exe", b"MZ")}, headers=auth)
    assert bad.status_code == 400 and "unsupported" in bad.json()["error"]["message"]
    r = c.post(
        "/api/ingest",
        files={"files": ("../../escape.txt", UPLOAD.encode())},
        data={"published": "2025-07-01", "source": "Upload Test"},
        headers=auth,
    )
    assert r.status_code == 200, r.text
    assert r.json()["data"]["added"] == 1
    assert not (tmp_path.parent / "escape.txt").exists()
    hits = c.get("/api/search?q=Gdansk").json()["data"]
    assert [h["source"] for h in hits] == ["Upload Test"]
    again = c.post("/api/ingest", files={"files": ("b.txt", UPLOAD.encode())}, headers=auth)
    assert again.json()["data"] == {**again.json()["data"], "added": 0, "skipped": 1}
    assert c.post("/api/ingest", data={"published": "2025-07-01"}, headers=auth).status_code == 400


# ------------------------------------------------------------ the two sample articles
@pytest.fixture(scope="module")
def samples_client(samples_jsonl: Path, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("websamples") / "s.db"
    report = service.ingest([str(samples_jsonl)], db, workers=1)
    assert report.added == 2, report
    return TestClient(create_app(str(db)), raise_server_exceptions=False)


def test_rahmon_is_one_entity_with_both_spellings(samples_client: TestClient) -> None:
    found = samples_client.get("/api/entities?q=rahmon").json()
    assert found["meta"]["count"] == 1, [e["name"] for e in found["data"]]
    ent = found["data"][0]
    d = samples_client.get(f"/api/entities/{ent['id']}").json()["data"]
    names = {a["text"] for a in d["aliases"]}
    assert any("Rahmon" in n for n in names) and any("Rakhmon" in n for n in names), names
    html = samples_client.get(f"/entity/{ent['id']}").text
    aliases = text_of(html, "id", "aliases") or ""
    assert "Rahmon" in aliases and "Rakhmon" in aliases


def test_rahmon_quotes_from_both_articles_with_dates_link_to_their_spans(
    samples_client: TestClient,
) -> None:
    ent = samples_client.get("/api/entities?q=rahmon").json()["data"][0]
    d = samples_client.get(f"/api/entities/{ent['id']}").json()["data"]
    quotes = d["quotes_by"]
    assert {q["evidence"]["doc"] for q in quotes} == {
        "000_12d3de687a75bb58",
        "004_97df1cbacbb72619",
    }
    assert all(q["date"] or q["published"] for q in quotes)
    texts = {
        doc["id"]: samples_client.get(f"/api/documents/{doc['id']}").json()["data"]["text"]
        for doc in d["documents"]
    }
    html = samples_client.get(f"/entity/{ent['id']}").text
    block = re.search(r'<section id="quotes-by">(.*?)</section>', html, re.S)
    assert block
    links = evidence_links(block.group(1))
    assert len(links) == len(quotes)
    assert_links_mark_exact_spans(samples_client, links, texts)


def test_rahmon_in_power_conflict_is_shown(samples_client: TestClient) -> None:
    ent = samples_client.get("/api/entities?q=rahmon").json()["data"][0]
    d = samples_client.get(f"/api/entities/{ent['id']}").json()["data"]
    claimed = {str(c["value"])[:4] for c in d["claims"] if c["attribute"] == "in_power_since"}
    assert {"1992", "2012"} <= claimed, (
        f"the claims stage extracts in_power_since {sorted(claimed)} about Rahmon, "
        "not both 1992 and 2012"
    )
    values = {str(v["value"])[:4] for c in d["conflicts"] for v in c["values"]}
    assert {"1992", "2012"} <= values, d["conflicts"]
    html = samples_client.get(f"/entity/{ent['id']}").text
    section = text_of(html, "id", "conflicts") or ""
    assert "1992" in section and "2012" in section
