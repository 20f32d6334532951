"""Layout of the SVG charts drawn by the templates: the timeline and the offline map.

Pure functions from query results to numbers and labels; the templates write
the SVG (so every label goes through autoescape).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from newsledger.web.common import evidence_url
from newsledger.web.worldgrid import VIEWBOX

DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})")
KIND_ORDER = ("event", "quote", "claim", "sentence")
KIND_LABEL = {
    "event": "events",
    "quote": "quotes",
    "claim": "claims",
    "sentence": "dated sentences",
}


def year_of(value: str | None) -> float | None:
    """A date value (YYYY, YYYY-MM, YYYY-MM-DD, ...) as a fractional year, mid-period."""
    w = WEEK_RE.match(value or "")
    if w:
        return int(w.group(1)) + (min(max(int(w.group(2)), 1), 53) - 0.5) * 7 / 365
    m = DATE_RE.match(value or "")
    if not m:
        return None
    y = int(m.group(1))
    if m.group(2) is None:
        return y + 0.5
    mo = min(max(int(m.group(2)), 1), 12)
    if m.group(3) is None:
        return y + (mo - 0.5) / 12
    d = min(max(int(m.group(3)), 1), 31)
    return y + (mo - 1) / 12 + (d - 0.5) / 372


@dataclass(slots=True)
class Dot:
    x: float
    y: float
    r: float
    kind: str
    title: str
    href: str


def _ticks(lo: float, hi: float) -> list[tuple[float, str]]:
    span = hi - lo
    for step in (1 / 12, 0.25, 1, 2, 5, 10, 20, 50, 100):
        if span / step <= 10:
            break
    out: list[tuple[float, str]] = []
    if step < 1:
        k = math.ceil(lo * 12 - 1e-9)
        inc = round(step * 12)
        k += (-k) % inc
        while k / 12 <= hi:
            y, mo = divmod(k, 12)
            out.append((k / 12, f"{y}-{mo + 1:02d}"))
            k += inc
    else:
        s = int(step)
        y = math.ceil(lo)
        y += (-y) % s
        while y <= hi:
            out.append((float(y), str(y)))
            y += s
    return out


def data_range(years: list[float]) -> tuple[float, float]:
    """The span of the dates, without a few far outliers (an item in 1723 among a decade
    of news would squash the rest into a line): the outer 2% of a side is left out when
    the whole span is more than four times the span of the rest and that side lies
    further out than the rest spans."""
    lo, hi = years[0], years[-1]
    if len(years) < 20:
        return lo, hi
    k = max(1, len(years) // 50)
    clo, chi = years[k], years[-1 - k]
    core = max(chi - clo, 1.0)
    if hi - lo <= 4 * core:
        return lo, hi
    # trim only the side that is far out
    return (clo if clo - lo > core else lo), (chi if hi - chi > core else hi)


def timeline_chart(items: list[dict[str, Any]], width: float = 1000.0) -> dict[str, Any]:
    """Lanes by kind, dots by date (stacked where they meet), year or month ticks."""
    dated = [(year_of(it["date"]), it) for it in items]
    pts = [(y, it) for y, it in dated if y is not None]
    if not pts:
        return {"width": width, "height": 0, "dots": [], "lanes": [], "ticks": []}
    lo, hi = data_range(sorted(y for y, _ in pts))
    outside = [p for p in pts if not lo <= p[0] <= hi]
    pts = [p for p in pts if lo <= p[0] <= hi]
    pad = max((hi - lo) * 0.04, 0.08)
    lo, hi = lo - pad, hi + pad
    left, right, r = 130.0, 26.0, 5.0
    inner = width - left - right

    def xpos(y: float) -> float:
        return left + (y - lo) / (hi - lo) * inner

    kinds = [k for k in KIND_ORDER if any(it["kind"] == k for _, it in pts)]
    kinds += sorted({it["kind"] for _, it in pts} - set(kinds))
    stacks: Counter[tuple[str, int]] = Counter()
    placed: list[tuple[str, float, int, dict[str, Any]]] = []
    for y, it in sorted(pts, key=lambda p: p[0]):
        x = xpos(y)
        key = (it["kind"], int(x // (2 * r)))
        level = stacks[key]
        stacks[key] += 1
        placed.append((it["kind"], x, level, it))
    max_level = {k: max([lv for kk, _, lv, _ in placed if kk == k], default=0) for k in kinds}
    lanes, top = [], 10.0
    lane_y: dict[str, float] = {}
    for k in kinds:
        levels = min(max_level[k], 7) + 1
        h = max(36.0, levels * 2 * r + 16)
        lanes.append(
            {
                "kind": k,
                "label": KIND_LABEL.get(k, k),
                "y": top,
                "height": h,
                "mid": top + h / 2,
                "count": sum(1 for kk, *_ in placed if kk == k),
            }
        )
        lane_y[k] = top + h - 8 - r
        top += h
    dots = []
    for k, x, level, it in placed:
        lv = min(level, 7)
        title = f"{it['date']} · {it['kind']} · {it.get('summary') or it.get('text') or ''}"
        if len(title) > 300:
            title = title[:300].rsplit(" ", 1)[0] + " …"
        dots.append(
            Dot(
                round(x, 1),
                round(lane_y[k] - lv * 2 * r, 1),
                r,
                k,
                title[:300],
                evidence_url({"doc": it["doc"], "start": it["start"], "end": it["end"]}),
            )
        )
    ticks = [{"x": round(xpos(v), 1), "label": lab} for v, lab in _ticks(lo, hi)]
    last = max(y for y, _ in pts)
    recent = sum(1 for y, _ in pts if y >= int(last) - 1)
    zoom = str(int(last) - 1) if hi - lo > 4 and recent > len(pts) / 2 else None
    return {
        "outside": len(outside),
        "zoom_from": zoom,
        "width": width,
        "height": top + 28,
        "axis_y": top + 4,
        "dots": dots,
        "lanes": lanes,
        "ticks": ticks,
        "left": left,
        "right": width - right,
    }


def map_layers(
    places: list[dict[str, Any]],
    events: list[dict[str, Any]],
    labels: int = 12,
    world: bool = False,
) -> dict[str, Any]:
    """Place and event markers in map units (x = longitude, y = -latitude).

    The view box fits the markers (zoomed in when they are close together)
    unless ``world`` asks for the whole map.
    """
    x0, y0, w, h = VIEWBOX
    pmarks = []
    for i, p in enumerate(places):
        if p.get("lat") is None or p.get("lon") is None:
            continue
        docs = int(p.get("docs") or 1)
        pmarks.append(
            {
                "x": round(float(p["lon"]), 3),
                "y": round(-float(p["lat"]), 3),
                "r": round(min(1.0 + 0.7 * math.sqrt(docs), 4.5), 2),
                "name": p["name"],
                "country": p.get("country"),
                "docs": docs,
                "mentions": p.get("mentions"),
                "label": i < labels,
            }
        )
    emarks = []
    for ev in events:
        if ev.get("lat") is None or ev.get("lon") is None:
            continue
        killed = ev.get("killed")
        ev_ref = ev.get("evidence")
        if isinstance(ev_ref, list):
            ev_ref = ev_ref[0] if ev_ref else None
        emarks.append(
            {
                "x": round(float(ev["lon"]), 3),
                "y": round(-float(ev["lat"]), 3),
                "r": round(1.2 + 0.6 * math.log1p(int(killed or 0)), 2),
                "type": ev.get("type"),
                "date": ev.get("date"),
                "place": ev.get("place"),
                "killed": killed,
                "href": evidence_url(evidence_of(ev)),
            }
        )
    vb = (x0, y0, w, h) if world else fit_view([(m["x"], m["y"]) for m in pmarks + emarks])
    k = vb[2] / w  # marker and label sizes follow the zoom
    for m in pmarks + emarks:
        m["r"] = round(m["r"] * max(k, 0.4), 3)
    return {
        "viewbox": " ".join(f"{v:g}" for v in vb),
        "x0": x0,
        "y0": y0,
        "w": w,
        "h": h,
        "font": round(3 * max(k, 0.4), 3),
        "zoomed": vb != (x0, y0, w, h),
        "places": pmarks,
        "events": emarks,
    }


def fit_view(
    points: list[tuple[float, float]], pad: float = 12.0, min_width: float = 110.0
) -> tuple[float, float, float, float]:
    """A view box around ``points`` (map units) with the world's aspect ratio, inside the world."""
    x0, y0, w, h = VIEWBOX
    if not points:
        return x0, y0, w, h
    aspect = h / w
    lo_x, hi_x = min(p[0] for p in points) - pad, max(p[0] for p in points) + pad
    lo_y, hi_y = min(p[1] for p in points) - pad, max(p[1] for p in points) + pad
    vw = max(hi_x - lo_x, (hi_y - lo_y) / aspect, min_width)
    if vw >= w * 0.7:
        return x0, y0, w, h
    vh = vw * aspect
    cx, cy = (lo_x + hi_x) / 2, (lo_y + hi_y) / 2
    left = min(max(cx - vw / 2, x0), x0 + w - vw)
    top = min(max(cy - vh / 2, y0), y0 + h - vh)
    return round(left, 2), round(top, 2), round(vw, 2), round(vh, 2)


def event_evidence(ev: dict[str, Any]) -> list[dict[str, Any]]:
    """Every source's evidence span of an event: ``[{"doc", "start", "end", ...}]``.

    Accepts a corpus event (``sources`` with their own ``evidence``, or an
    ``evidence`` list) as well as a document event (``evidence`` span + ``doc``).
    """
    out: list[dict[str, Any]] = []
    for key in ("sources", "evidence"):
        val = ev.get(key)
        if isinstance(val, list):
            for v in val:
                if not isinstance(v, dict):
                    continue
                if isinstance(v.get("evidence"), dict):
                    out.append({**v, "doc": v.get("doc"), **v["evidence"]})
                elif v.get("doc") and v.get("start") is not None:
                    out.append(v)
        elif isinstance(val, dict) and val.get("start") is not None and ev.get("doc"):
            out.append({"doc": ev["doc"], **val})
        if out:
            break
    return out


def evidence_of(ev: dict[str, Any]) -> dict[str, Any] | None:
    """The first evidence span of an event (None when it carries none)."""
    spans = event_evidence(ev)
    return spans[0] if spans else None
