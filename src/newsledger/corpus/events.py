"""Cross-document events: the same event reported by several articles becomes one.

Two document events are the same corpus event when they have the same PLOVER
type, dates within ``days`` of each other and compatible places (same place
name, or points within 50 km, never different countries).  An event without a
date is taken to have happened in the ``days`` before its article was
published.  An event without a place, or with neither a date nor a
publication date, stays on its own: there is nothing to match it on.  Two
events of one document are never merged here (in-document coreference already
kept them apart), and every member of a corpus event must fit every other.

Every source keeps its own evidence and casualty figures, so the figures of
different sources can be compared (:attr:`CorpusEvent.killed_range`); the
corpus figure is the one from the latest published source, the largest when
sources of that day disagree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from newsledger.components.events.coref import same_place
from newsledger.components.events.detect import PlaceRef
from newsledger.core.model import Event, Span, stable_id
from newsledger.core.schema import decode

DAYS = 2


@dataclass(frozen=True, slots=True)
class Source:
    """One article's report of a corpus event."""

    doc: str
    published: str | None
    event: str  # the document event id
    trigger: Span
    evidence: Span
    date: str | None
    place: str | None
    killed: int | None
    injured: int | None


@dataclass(frozen=True, slots=True)
class CorpusEvent:
    id: str
    type: str
    date: str | None
    place: str | None
    country: str | None
    lat: float | None
    lon: float | None
    mode: str | None
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    killed: int | None
    injured: int | None
    sources: tuple[Source, ...]

    @property
    def killed_range(self) -> tuple[int, int] | None:
        """Lowest and highest death toll the sources give (None when none gives one)."""
        vals = [s.killed for s in self.sources if s.killed is not None]
        return (min(vals), max(vals)) if vals else None

    @property
    def injured_range(self) -> tuple[int, int] | None:
        vals = [s.injured for s in self.sources if s.injured is not None]
        return (min(vals), max(vals)) if vals else None


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def interval(
    value: str | None, published: str | None, days: int = DAYS
) -> tuple[date, date] | None:
    """The days an event date can stand for: a day, a month, a year, or before publication."""
    if value:
        parts = value.split("-")
        try:
            y = int(parts[0])
            if len(parts) >= 3:
                d = date(y, int(parts[1]), int(parts[2][:2]))
                return d, d
            if len(parts) == 2:
                m = int(parts[1])
                first = date(y, m, 1)
                nxt = date(y + (m == 12), m % 12 + 1, 1)
                return first, nxt - timedelta(days=1)
            return date(y, 1, 1), date(y, 12, 31)
        except ValueError:
            pass
    pub = _day(published) if published else None
    if pub is None:
        return None
    return pub - timedelta(days=days), pub


def _place(e: Event) -> PlaceRef | None:
    if not e.place:
        return None
    return PlaceRef(0, 0, e.place, e.place, e.country, e.lat, e.lon)


@dataclass
class _Item:
    doc: str
    published: str | None
    event: Event
    span: tuple[date, date]
    place: PlaceRef


def _fits(members: Sequence[_Item], it: _Item, days: int) -> bool:
    if any(m.doc == it.doc for m in members):
        return False
    for m in members:
        if it.span[0] - m.span[1] > timedelta(days=days) or m.span[0] - it.span[1] > timedelta(
            days=days
        ):
            return False
        if not same_place(m.place, it.place):
            return False
    return True


def merge_events(
    items: Iterable[tuple[str, str | None, Event]], days: int = DAYS
) -> list[CorpusEvent]:
    """Corpus events from ``(doc id, publication date, event)`` triples, by date."""
    groups: list[list[_Item]] = []
    alone: list[tuple[str, str | None, Event]] = []
    buckets: dict[tuple[str, str], list[_Item]] = {}
    for doc, published, e in items:
        span = interval(e.date, published, days)
        place = _place(e)
        if span is None or place is None:
            alone.append((doc, published, e))
            continue
        buckets.setdefault((e.type, e.country or place.name.casefold()), []).append(
            _Item(doc, published, e, span, place)
        )
    for bucket in buckets.values():
        bucket.sort(key=lambda it: (it.span[0], it.doc, it.event.trigger.start))
        open_groups: list[list[_Item]] = []
        for it in bucket:
            open_groups = [
                g
                for g in open_groups
                if it.span[0] - max(m.span[1] for m in g) <= timedelta(days=days)
            ]
            home = next((g for g in open_groups if _fits(g, it, days)), None)
            if home is None:
                home = []
                open_groups.append(home)
                groups.append(home)
            home.append(it)
    out = [_build([(m.doc, m.published, m.event) for m in g]) for g in groups]
    out.extend(_build([x]) for x in alone)
    out.sort(key=lambda c: (c.date or "", c.type, c.id))
    return out


def _build(members: list[tuple[str, str | None, Event]]) -> CorpusEvent:
    sources = tuple(
        sorted(
            (
                Source(doc, pub, e.id, e.trigger, e.evidence, e.date, e.place, e.killed, e.injured)
                for doc, pub, e in members
            ),
            key=lambda s: (s.published or "", s.doc, s.trigger.start),
        )
    )
    events = [e for _, _, e in members]
    dates = [e.date for e in events if e.date]
    best_date = max(dates, key=lambda d: (len(d), dates.count(d), d), default=None)
    names = Counter(e.place for e in events if e.place)
    place_name = names.most_common(1)[0][0] if names else None
    where = next((e for e in events if e.place == place_name and e.lat is not None), None)
    where = where or next((e for e in events if e.place == place_name), None)
    return CorpusEvent(
        id=stable_id("corpus-event", *sorted(f"{d}:{e.id}" for d, _, e in members)),
        type=events[0].type,
        date=best_date,
        place=place_name,
        country=where.country if where else None,
        lat=where.lat if where else None,
        lon=where.lon if where else None,
        mode=next((e.mode for e in events if e.mode), None),
        actors=tuple(dict.fromkeys(a for e in events for a in e.actors)),
        targets=tuple(dict.fromkeys(t for e in events for t in e.targets)),
        killed=_latest(sources, "killed"),
        injured=_latest(sources, "injured"),
        sources=sources,
    )


def _latest(sources: Sequence[Source], kind: str) -> int | None:
    """The figure of the latest published source that gives one (the largest of that day)."""
    given: list[tuple[str, int]] = []
    for s in sources:
        value = s.killed if kind == "killed" else s.injured
        if value is not None:
            given.append((s.published or "", value))
    if not given:
        return None
    last = max(p for p, _ in given)
    return max(v for p, v in given if p == last)


# ---------------------------------------------------------------- records


def event_from_record(rec: dict[str, Any], ev: dict[str, Any]) -> Event:
    """An :class:`Event` back from its ``extract`` record form (``rec`` holds the text)."""
    return decode(Event, ev, rec.get("text") or "")


def merge_event_dicts(
    items: Iterable[tuple[dict[str, Any], dict[str, Any], dict[str, str]]], days: int = DAYS
) -> list[dict[str, Any]]:
    """Corpus events as plain dicts from ``(record, event record, entity names)`` triples.

    Each row carries the corpus fields, actor and target names (``actors``,
    ``targets``) and ids (``actor_ids``, ``target_ids``), the range of the
    sources' figures, and ``sources``: one dict per reporting article with its
    ``doc``, ``name`` (source or title), ``published``, ``event`` id,
    ``trigger``, ``evidence`` span, and its own ``date``, ``place``, ``killed``
    and ``injured``.
    """
    names: dict[str, str] = {}
    recs: dict[str, dict[str, Any]] = {}
    triples: list[tuple[str, str | None, Event]] = []
    for rec, ev, nm in items:
        names.update(nm)
        recs[rec["id"]] = rec
        triples.append((rec["id"], rec.get("published"), event_from_record(rec, ev)))
    rows: list[dict[str, Any]] = []
    for ce in merge_events(triples, days):
        row = event_dict(ce, recs)
        row["actors"] = [names.get(a, a) for a in ce.actors]
        row["actor_ids"] = list(ce.actors)
        row["targets"] = [names.get(t, t) for t in ce.targets]
        row["target_ids"] = list(ce.targets)
        row["sources"] = row.pop("sources")
        rows.append(row)
    return rows


def event_dict(ce: CorpusEvent, docs: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The plain fields of a corpus event and its ``sources`` (``docs`` gives each
    source document's ``source`` or ``title``); actors and targets are left to the caller."""
    return {
        "id": ce.id,
        "type": ce.type,
        "mode": ce.mode,
        "date": ce.date,
        "place": ce.place,
        "country": ce.country,
        "lat": ce.lat,
        "lon": ce.lon,
        "killed": ce.killed,
        "injured": ce.injured,
        "killed_range": list(ce.killed_range) if ce.killed_range else None,
        "injured_range": list(ce.injured_range) if ce.injured_range else None,
        "sources": [_source_dict(src, docs[src.doc]) for src in ce.sources],
    }


def _source_dict(src: Source, rec: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "doc": src.doc,
        "name": rec.get("source") or rec.get("title") or src.doc,
        "published": src.published,
        "event": src.event,
        "trigger": {"start": src.trigger.start, "end": src.trigger.end, "text": src.trigger.text},
        "evidence": {"start": src.evidence.start, "end": src.evidence.end},
        "date": src.date,
        "place": src.place,
        "killed": src.killed,
        "injured": src.injured,
    }
