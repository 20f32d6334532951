"""The entity graph: nodes, co-occurrence / quoted / role edges, GraphML round trip."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from newsledger.export.graph import build_graph
from tests.conftest import SAMPLES, need_shared

TEXT1 = "Lena Ots of the Ferrow Institute said: “Emil Rahimov broke the Karvenia deal.”"
TEXT2 = "Emil Rahimov denied it in Karvenia, where Lena Ots was seen."


def mention(text: str, surface: str) -> dict[str, Any]:
    s = text.index(surface)
    return {"start": s, "end": s + len(surface), "text": surface}


def entity(eid: str, etype: str, name: str, text: str, *aliases: str) -> dict[str, Any]:
    return {
        "id": eid,
        "type": etype,
        "name": name,
        "aliases": list(aliases),
        "mentions": [mention(text, name)],
    }


def records() -> list[dict[str, Any]]:
    q_start = TEXT1.index("“") + 1
    q_end = TEXT1.index("”")
    r1 = {
        "id": "doc1",
        "text": TEXT1,
        "entities": [
            entity("p1", "PERSON", "Lena Ots", TEXT1, "Ots"),
            entity("o1", "ORG", "Ferrow Institute", TEXT1),
            entity("p2", "PERSON", "Emil Rahimov", TEXT1),
            entity("g1", "GPE", "Karvenia", TEXT1),
        ],
        "quotes": [
            {
                "start": q_start,
                "end": q_end,
                "text": TEXT1[q_start:q_end],
                "kind": "direct",
                "speaker": {"entity": "p1", "name": "Lena Ots", "start": 0, "end": 8},
                "via": [],
            },
            {"start": 0, "end": 4, "text": "Lena", "kind": "direct", "speaker": None, "via": []},
        ],
        "roles": [
            {
                "entity": "p1",
                "role": "fellow",
                "org": "Ferrow Institute",
                "org_entity": None,
                "start": 0,
                "end": 28,
            },
        ],
    }
    r2 = {
        "id": "doc2",
        "text": TEXT2,
        "entities": [
            entity("p2", "PERSON", "Emil Rahimov", TEXT2),
            entity("g1", "GPE", "Karvenia", TEXT2),
            entity("p1", "PERSON", "Lena Ots", TEXT2),
        ],
        "quotes": [],
        "roles": [],
    }
    return [r1, r2]


def test_nodes_and_edges() -> None:
    g = build_graph(records())
    assert isinstance(g, nx.Graph)
    assert set(g.nodes) == {"p1", "p2", "o1", "g1"}
    assert g.nodes["p1"] == {
        "label": "Lena Ots",
        "type": "PERSON",
        "aliases": "Ots",
        "mentions": 2,
        "docs": 2,
    }
    co = g.edges["p1", "p2", "cooccurrence"]
    assert co["weight"] == 2 and co["docs"] == 2 and co["kind"] == "cooccurrence"
    assert g.edges["o1", "p1", "cooccurrence"]["weight"] == 1
    quoted = g.edges["p1", "p2", "quoted"]
    assert quoted["weight"] == 1 and quoted["evidence"] == 1
    assert quoted["examples"].startswith("doc1:")
    assert g.has_edge("p1", "g1", "quoted")
    assert not g.has_edge("p1", "o1", "quoted")  # named outside the quote
    role = g.edges["p1", "o1", "role"]
    assert role["roles"] == "fellow" and role["weight"] == 1


def test_graphml_round_trip(tmp_path: Path) -> None:
    g = build_graph(records())
    path = tmp_path / "g.graphml"
    nx.write_graphml(g, path)
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    assert back.nodes["p2"]["label"] == "Emil Rahimov"
    assert back.nodes["p2"]["mentions"] == 2
    kinds = sorted(d["kind"] for _, _, d in back.edges(data=True))
    assert kinds.count("quoted") == 2 and kinds.count("role") == 1
    for _, _, d in back.edges(data=True):
        assert isinstance(d["weight"], int) and d["weight"] >= 1


def test_empty_input_writes_an_empty_graph() -> None:
    buf = io.BytesIO()
    nx.write_graphml(build_graph([]), buf)
    assert b"<graphml" in buf.getvalue()


@pytest.fixture(scope="module")
def sample_records() -> list[dict[str, Any]]:
    need_shared()
    from newsledger import pipeline
    from newsledger.core import record
    from newsledger.core.model import Document
    from newsledger.corpus.resolve import resolve
    from newsledger.nlp import spacy_adapter as nlp

    docs = [Document(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]
    analyses = [pipeline.analyse(a, pipeline.stages_for("mentions")) for a in nlp.annotate(docs)]
    res = resolve([(a.doc.id, a.entities) for a in analyses])
    out = []
    for a in analyses:
        mapping = {loc: g for (d, loc), g in res.mapping.items() if d == a.doc.id}
        out.append(record.apply_resolution(record.to_record(a), mapping, res.entities))
    return out


def test_sample_graph_writes_graphml(sample_records: list[dict[str, Any]], tmp_path: Path) -> None:
    g = build_graph(sample_records)
    path = tmp_path / "samples.graphml"
    nx.write_graphml(g, path)
    back = nx.read_graphml(path, force_multigraph=True)
    labels = {d["label"]: n for n, d in back.nodes(data=True)}
    rahmon, tajikistan = labels["Emomali Rahmon"], labels["Tajikistan"]
    assert back.nodes[rahmon]["docs"] == 2
    u, v = sorted((rahmon, tajikistan))
    assert back.edges[u, v, "cooccurrence"]["weight"] == 2
