"""The document view: the text cut into runs, each knowing which annotations cover it.

Annotations may nest or overlap (a quote holds mentions, a place is also an
entity mention), so the text is cut at every annotation boundary and each
piece carries the classes and hover titles of all annotations covering it.
The template renders pieces as flat ``<span>``s; the highlighted evidence span
(``?hl=START-END``) wraps exactly its pieces in one ``<mark id="s-START-END">``,
so the mark's text is exactly ``text[START:END]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from newsledger.core.record import Record

HL_RE = re.compile(r"^(\d{1,9})-(\d{1,9})$")


@dataclass(slots=True)
class Ann:
    start: int
    end: int
    kind: str  # ent, quote, cue, date, place
    classes: tuple[str, ...]
    title: str
    entity: str | None = None


@dataclass(slots=True)
class Piece:
    text: str
    start: int
    classes: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    entity: str | None = None

    @property
    def title(self) -> str:
        return " · ".join(dict.fromkeys(self.titles))


@dataclass(slots=True)
class Run:
    """Either one piece, or the highlighted evidence (``mark``) holding several."""

    pieces: list[Piece]
    mark: str | None = None  # the mark's id, s-START-END


def parse_hl(value: str | None, length: int) -> tuple[int, int] | None:
    """``START-END`` when it is a well-formed, non-empty span inside the text."""
    if not value:
        return None
    m = HL_RE.match(value)
    if not m:
        return None
    s, e = int(m.group(1)), int(m.group(2))
    return (s, e) if 0 <= s < e <= length else None


def _speaker(q: dict[str, Any]) -> str:
    sp = q.get("speaker") or {}
    return str(sp.get("name") or "unknown speaker")


def spans_of(rec: Record) -> list[Ann]:
    """Every highlightable span of a record (corpus-level entity ids)."""
    out: list[Ann] = []
    for e in rec.get("entities", []):
        for m in e.get("mentions", []):
            out.append(
                Ann(
                    m["start"],
                    m["end"],
                    "ent",
                    ("ent", f"ent-{e['type']}"),
                    f"{e['name']} ({e['type']})",
                    e["id"],
                )
            )
    for q in rec.get("quotes", []):
        title = f"{q['kind']} quote · said by {_speaker(q)}"
        if q.get("via"):
            title += " · via " + ", ".join(str(v.get("name")) for v in q["via"])
        frags = q.get("fragments") or [[q["start"], q["end"]]]
        for s, e in frags:
            out.append(Ann(s, e, "quote", ("quote", f"quote-{q['kind']}"), title))
        cue = q.get("cue")
        if cue:
            out.append(
                Ann(cue["start"], cue["end"], "cue", ("cue",), f"attribution cue · {_speaker(q)}")
            )
    for d in rec.get("dates", []):
        val = d.get("value") or "?"
        out.append(
            Ann(
                d["start"],
                d["end"],
                "date",
                ("date",),
                f"{d.get('type') or 'DATE'} {val} ({d.get('granularity') or '?'})",
            )
        )
    for p in rec.get("places", []):
        where = ", ".join(x for x in (p.get("name"), p.get("country")) if x)
        if p.get("lat") is not None and p.get("lon") is not None:
            where += f" ({p['lat']:.2f}, {p['lon']:.2f})"
        out.append(Ann(p["start"], p["end"], "place", ("place",), f"place · {where}"))
    n = len(rec["text"])
    return [a for a in out if 0 <= a.start < a.end <= n]


def runs(text: str, anns: list[Ann], hl: tuple[int, int] | None = None) -> list[Run]:
    """Cut ``text`` at every boundary; group the pieces inside ``hl`` into one marked run."""
    cuts = {0, len(text)}
    for ann in anns:
        cuts.update((ann.start, ann.end))
    if hl:
        cuts.update(hl)
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    by_start = sorted(anns, key=lambda a: (a.start, -a.end))
    active: list[Ann] = []
    i = 0
    out: list[Run] = []
    mark_run: Run | None = None
    for a, b in pairwise(bounds):
        while i < len(by_start) and by_start[i].start <= a:
            active.append(by_start[i])
            i += 1
        active = [x for x in active if x.end > a]
        piece = Piece(text[a:b], a)
        # Outer annotations first, inner ones last: the innermost title reads first on hover.
        for x in sorted(active, key=lambda x: (x.start, -x.end)):
            piece.classes.extend(x.classes)
            piece.titles.insert(0, x.title)
            if x.entity and piece.entity is None:
                piece.entity = x.entity
        if hl and hl[0] <= a and b <= hl[1]:
            if mark_run is None:
                mark_run = Run([], f"s-{hl[0]}-{hl[1]}")
                out.append(mark_run)
            mark_run.pieces.append(piece)
        else:
            out.append(Run([piece]))
    return out


def side_lists(rec: Record) -> dict[str, Any]:
    """The document's annotations as lists for the side panel, each with its span."""
    ents = sorted(rec.get("entities", []), key=lambda e: (-len(e.get("mentions", [])), e["name"]))
    return {
        "entities": [
            {
                "id": e["id"],
                "name": e["name"],
                "type": e["type"],
                "count": len(e.get("mentions", [])),
            }
            for e in ents
        ],
        "quotes": rec.get("quotes", []),
        "dates": rec.get("dates", []),
        "places": _grouped_places(rec.get("places", [])),
        "events": rec.get("events", []),
        "claims": rec.get("claims", []),
        "roles": rec.get("roles", []),
    }


def _grouped_places(places: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One line per place (first mention's span, how many mentions), in text order."""
    out: dict[tuple[str, str | None], dict[str, Any]] = {}
    for p in places:
        key = (p["name"], p.get("country"))
        if key in out:
            out[key]["count"] += 1
            if p.get("text") and p["text"] not in out[key]["texts"]:
                out[key]["texts"].append(p["text"])
        else:
            out[key] = {**p, "count": 1, "texts": [p["text"]] if p.get("text") else []}
    return list(out.values())
