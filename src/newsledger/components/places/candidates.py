"""A place candidate: a span the recognisers found, with its gazetteer entries, before
the namesake choice (:mod:`newsledger.components.places.namesake`) picks one."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsledger.components.places.gazetteer import GeoRecord, Hit


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    text: str
    key: str
    hits: list[Hit]
    source: str  # ner | mislabel | gazetteer | based | dateline | qualifier
    entity: str | None = None
    qualifier: GeoRecord | None = None
    qualifies: list[int] = field(default_factory=list)  # indices this one qualifies
    kind: str = "name"  # name | demonym | in_name (Place.kind)
