"""An entity's neighbourhood in the entity graph (the GraphML export's graph): who is
named alongside it, who quotes whom, who holds a role in which organisation; drawn
as an SVG by the server (no script, works offline), every node linked to its dossier."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse

from newsledger.query import facts as q
from newsledger.store import Store
from newsledger.web.common import MAX_QUERY, StoreDep, render

router = APIRouter(include_in_schema=False)

MAX_DOCS = 30  # most recent documents of the entity read for its graph
MAX_NEIGHBOURS = 24
KINDS = ("cooccurrence", "quoted", "role")
KIND_LABEL = {"cooccurrence": "named alongside", "quoted": "quotes / is quoted", "role": "role in"}


def neighbourhood(store: Store, ref: str) -> dict[str, Any]:
    """The entity, its strongest neighbours and the edges among them, laid out in a circle."""
    from newsledger.export.graph import build_graph

    ent = q.find_entity(store, ref)
    docs = [d for d, _, _ in sorted(store.entity_documents(ent["id"]), key=lambda x: x[2] or "")]
    recs = list(q.records(store, docs[-MAX_DOCS:]))
    g = build_graph(recs)
    eid = ent["id"]
    weight: dict[str, float] = {}
    edges: list[dict[str, Any]] = []
    if eid in g:
        for u, v, kind, data in g.edges(keys=True, data=True):
            if eid not in (u, v):
                continue
            other = v if u == eid else u
            # quotes and roles weigh more than being named in the same article
            weight[other] = weight.get(other, 0) + data["weight"] * (1 if kind == KINDS[0] else 3)
            edges.append(
                {
                    "kind": kind,
                    "other": other,
                    "out": u == eid,
                    "weight": int(data["weight"]),
                    "roles": data.get("roles", ""),
                }
            )
    top = sorted(weight, key=lambda x: (-weight[x], g.nodes[x].get("label", x)))[:MAX_NEIGHBOURS]
    size, r0 = 640.0, 250.0
    cx = cy = size / 2
    nodes = [{"id": eid, "label": ent["name"], "type": ent["type"], "x": cx, "y": cy, "r": 16}]
    pos = {eid: (cx, cy)}
    for i, n in enumerate(top):
        a = 2 * math.pi * i / max(len(top), 1) - math.pi / 2
        x, y = cx + r0 * math.cos(a), cy + r0 * math.sin(a)
        pos[n] = (x, y)
        nodes.append(
            {
                "id": n,
                "label": g.nodes[n].get("label", n),
                "type": g.nodes[n].get("type", ""),
                "x": round(x, 1),
                "y": round(y, 1),
                "r": round(5 + min(math.sqrt(weight[n]), 8), 1),
                "anchor": "start"
                if math.cos(a) > 0.2
                else "end"
                if math.cos(a) < -0.2
                else "middle",
            }
        )
    shown = [e for e in edges if e["other"] in pos]
    for e in shown:
        (x1, y1), (x2, y2) = pos[eid], pos[e["other"]]
        bend = {"cooccurrence": 0.0, "quoted": 0.12, "role": -0.12}[e["kind"]]
        mx, my = (x1 + x2) / 2 - (y2 - y1) * bend, (y1 + y2) / 2 + (x2 - x1) * bend
        e["path"] = f"M{x1:.1f},{y1:.1f} Q{mx:.1f},{my:.1f} {x2:.1f},{y2:.1f}"
        e["width"] = round(1 + min(math.log1p(e["weight"]) * 1.5, 6), 1)
        e["name"] = g.nodes[e["other"]].get("label", e["other"])
    return {
        "entity": ent,
        "nodes": nodes,
        "edges": shown,
        "size": size,
        "docs_read": min(len(docs), MAX_DOCS),
        "docs": len(docs),
        "kinds": KIND_LABEL,
    }


@router.get("/entity/{ref}/graph", response_class=HTMLResponse)
def graph_page(
    request: Request, store: StoreDep, ref: Annotated[str, Path(max_length=MAX_QUERY)]
) -> HTMLResponse:
    """The entity's neighbourhood: co-occurrence, quoted-by and role edges."""
    return render(request, "graph.html", g=neighbourhood(store, ref))
