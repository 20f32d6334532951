"""The entity graph of ``extract`` records, for GraphML export (Gephi, networkx).

Nodes are entities (global ids) with ``label``, ``type``, ``aliases``,
``mentions`` and ``docs`` (counts).  Edges are keyed by kind in a
:class:`networkx.MultiDiGraph`:

* ``cooccurrence``: two entities named in one document, stored once per pair
  from the smaller id to the larger; ``weight`` = documents;
* ``quoted``: speaker -> each entity named inside a quote by that speaker;
  ``weight`` = quotes;
* ``role``: person -> organisation of a role ("associate researcher at …");
  ``weight`` = role statements, ``roles`` = the role words.

Every edge has ``kind``, ``weight``, ``docs`` (documents), ``evidence`` (number
of evidence spans) and ``examples`` (up to three ``doc:start-end`` spans).
Attributes are strings, integers and floats only, so the graph writes to
GraphML as is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx

EXAMPLES = 3
JOIN = "; "


@dataclass(slots=True)
class _Node:
    names: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    docs: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _Edge:
    weight: int = 0
    docs: set[str] = field(default_factory=set)
    evidence: int = 0
    examples: list[str] = field(default_factory=list)
    roles: Counter[str] = field(default_factory=Counter)

    def add(self, doc: str, span: tuple[int, int] | None, role: str | None = None) -> None:
        self.weight += 1
        self.docs.add(doc)
        if span is not None:
            self.evidence += 1
            if len(self.examples) < EXAMPLES:
                self.examples.append(f"{doc}:{span[0]}-{span[1]}")
        if role:
            self.roles[role] += 1


def _spans(q: Mapping[str, Any]) -> list[tuple[int, int]]:
    frags = q.get("fragments") or [[q["start"], q["end"]]]
    return [(int(s), int(e)) for s, e in frags]


def _named_in(spans: list[tuple[int, int]], mentions: list[tuple[int, int, str]]) -> set[str]:
    out = set()
    for s, e, ent in mentions:
        if any(a <= s and e <= b for a, b in spans):
            out.add(ent)
    return out


def _org_entity(r: Mapping[str, Any], by_name: Mapping[str, str], ids: set[str]) -> str | None:
    """The organisation of a role: ``org_entity``, else ``org`` as an id or a name."""
    oe = r.get("org_entity")
    if isinstance(oe, str) and oe:
        return oe
    org = r.get("org")
    if isinstance(org, str) and org:
        return org if org in ids else by_name.get(org.casefold())
    return None


def build_graph(records: Iterable[Mapping[str, Any]]) -> nx.MultiDiGraph:
    """Entity graph of ``extract`` records (entity ids resolved across documents)."""
    nodes: dict[str, _Node] = {}
    edges: dict[tuple[str, str, str], _Edge] = {}

    def edge(u: str, v: str, kind: str) -> _Edge:
        return edges.setdefault((u, v, kind), _Edge())

    for rec in records:
        doc = str(rec["id"])
        ids: list[str] = []
        mentions: list[tuple[int, int, str]] = []
        by_name: dict[str, str] = {}
        for e in rec.get("entities", []):
            eid = str(e["id"])
            n = nodes.setdefault(eid, _Node())
            n.names[str(e["name"])] += 1
            n.types[str(e["type"])] += 1
            n.aliases.update(str(a) for a in e.get("aliases", []))
            n.mentions += len(e.get("mentions", []))
            n.docs.add(doc)
            ids.append(eid)
            for m in e.get("mentions", []):
                mentions.append((int(m["start"]), int(m["end"]), eid))
            for nm in (e["name"], *e.get("aliases", [])):
                by_name.setdefault(str(nm).casefold(), eid)
        for u, v in combinations(sorted(set(ids)), 2):
            edge(u, v, "cooccurrence").add(doc, None)
        for q in rec.get("quotes", []):
            sp = q.get("speaker") or {}
            speaker = sp.get("entity")
            if not speaker:
                continue
            spans = _spans(q)
            for target in sorted(_named_in(spans, mentions) - {speaker}):
                edge(str(speaker), target, "quoted").add(doc, (int(q["start"]), int(q["end"])))
            if str(speaker) not in nodes:
                nodes.setdefault(str(speaker), _Node()).names[str(sp.get("name", ""))] += 1
        for r in rec.get("roles", []):
            person, org = r.get("entity"), _org_entity(r, by_name, set(ids))
            if person and org and person != org:
                edge(str(person), org, "role").add(
                    doc, (int(r["start"]), int(r["end"])), str(r.get("role") or "")
                )
    g = nx.MultiDiGraph()
    for eid in sorted(nodes):
        n = nodes[eid]
        label = n.names.most_common(1)[0][0] if n.names else eid
        g.add_node(
            eid,
            label=label,
            type=n.types.most_common(1)[0][0] if n.types else "UNKNOWN",
            aliases=JOIN.join(sorted(n.aliases - {label})),
            mentions=n.mentions,
            docs=len(n.docs),
        )
    for (u, v, kind), ed in sorted(edges.items()):
        for x in (u, v):
            if x not in g:
                g.add_node(x, label=x, type="UNKNOWN", aliases="", mentions=0, docs=0)
        attrs: dict[str, Any] = {
            "kind": kind,
            "weight": ed.weight,
            "docs": len(ed.docs),
            "evidence": ed.evidence if kind != "cooccurrence" else len(ed.docs),
            "examples": " ".join(ed.examples)
            if ed.examples
            else " ".join(sorted(ed.docs)[:EXAMPLES]),
        }
        if kind == "role":
            attrs["roles"] = JOIN.join(r for r, _ in ed.roles.most_common())
        g.add_edge(u, v, key=kind, **attrs)
    return g
