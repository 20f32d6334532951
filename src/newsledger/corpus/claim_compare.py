"""Comparing two claims about one subject and attribute: can both values hold?

:func:`compare` answers ``"conflict"``, ``"update"`` or ``None`` for two
:class:`ClaimRecord` values, as ``data/claim_attributes.json`` says for the
attribute (see :mod:`newsledger.corpus.conflicts` for the rules); the
records are the claims with subjects resolved across documents.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from newsledger.components.claims.patterns import AttributeSpec, country_names
from newsledger.components.claims.values import (
    Interval,
    birth_interval,
    lexicon,
    parse_date,
    quantity_interval,
    quantity_point,
    term_intervals,
    when_interval,
)
from newsledger.components.mentions.stage import normalize
from newsledger.core.schema import Coerce, Pairs, Shape, register

AGE_STALE_DAYS = 366  # how far out of date a reported age may be
# a place name with one of these words is a region that may hold a town
REGION_WORDS = frozenset(
    {"region", "province", "district", "county", "state", "valley", "coast", "north", "south"}
    | {"east", "west", "northern", "southern", "eastern", "western", "central", "island"}
)


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """A claim with its subject resolved across documents and its provenance."""

    subject: str  # global entity id
    subject_name: str
    attribute: str
    value: str
    value_type: str
    doc: str
    published: str | None
    speaker: str | None
    start: int
    end: int
    text: str
    qualifiers: tuple[tuple[str, str], ...] = ()
    speaker_name: str | None = None

    def qualifier(self, name: str) -> str | None:
        for k, v in self.qualifiers:
            if k == name:
                return v
        return None


# read from a claim record with its provenance (``query.facts`` claim items):
# values are strings, a missing value type is text, qualifiers come by name
register(
    ClaimRecord,
    Shape(
        codecs={
            "value": Coerce(str),
            "value_type": Coerce(str, "text"),
            "qualifiers": Pairs(sort=True),
        }
    ),
)


# ------------------------------------------------------------------ comparison


def ref_interval(r: ClaimRecord) -> Interval | None:
    """When a claim speaks of: its "as of" year, else its publication date."""
    as_of = r.qualifier("as_of")
    if as_of:
        iv = when_interval(as_of)
        if iv:
            return iv
    d = parse_date(r.published)
    return Interval(d.toordinal(), d.toordinal()) if d else None


def days_apart(a: Interval | None, b: Interval | None) -> float:
    if a is None or b is None or a.overlaps(b):
        return 0.0
    return max(a.lo - b.hi, b.lo - a.hi)


def _keys_match(spec: AttributeSpec, a: ClaimRecord, b: ClaimRecord) -> bool:
    for q in spec.key_qualifiers:
        va, vb = a.qualifier(q), b.qualifier(q)
        if va and vb and normalize(va) != normalize(vb):
            return False
    return True


def _quantity(spec: AttributeSpec, a: ClaimRecord, b: ClaimRecord) -> str | None:
    ia, ib = quantity_interval(a.value), quantity_interval(b.value)
    if ia is None or ib is None:
        return None
    apart = days_apart(ref_interval(a), ref_interval(b))
    if spec.change == "monotonic":
        return _monotonic(spec, a, b, ia, ib, apart)
    if spec.change == "drift":
        d = spec.drift_per_year * apart / 365.25
        ia = Interval(ia.lo * (1 - d), ia.hi * (1 + d))
    if ia.overlaps(ib):
        return None
    if spec.change == "update":
        return "update" if apart > spec.window_days else "conflict"
    return "conflict"


def _monotonic(
    spec: AttributeSpec, a: ClaimRecord, b: ClaimRecord, ia: Interval, ib: Interval, apart: float
) -> str | None:
    """A count that only grows (a death toll): a higher figure in a later report is an
    update (even "at least 31" then 47); a lower one that cannot hold is a conflict."""
    if apart > spec.window_days:
        return None  # too far apart to be one event
    da, db = parse_date(a.published), parse_date(b.published)
    if da is None or db is None or da == db:
        return None if ia.overlaps(ib) else "update"
    (early, e_iv), (late, l_iv) = ((a, ia), (b, ib)) if da < db else ((b, ib), (a, ia))
    pe, pl = quantity_point(early.value), quantity_point(late.value)
    if pe is not None and pl is not None and pl > pe:
        return "update"
    return None if e_iv.overlaps(l_iv) else "conflict"


def _age(a: ClaimRecord, b: ClaimRecord) -> str | None:
    """Two ages conflict when no birth date fits both at their report dates.  An
    article may give an age a year out of date (written before a birthday, or
    reusing an older profile), so each age allows one more year: ages one apart
    conflict only when the report dates make that impossible (the later report
    gives the lower age, or the reports are years apart)."""
    ra, rb = ref_interval(a), ref_interval(b)
    if ra is None or rb is None:
        return None
    ba = birth_interval(a.value, date.fromordinal(int(ra.lo)))
    bb = birth_interval(b.value, date.fromordinal(int(rb.lo)))
    if ba is None or bb is None:
        return None
    ba, bb = Interval(ba.lo - AGE_STALE_DAYS, ba.hi), Interval(bb.lo - AGE_STALE_DAYS, bb.hi)
    return None if ba.overlaps(bb) else "conflict"


def compare(spec: AttributeSpec, a: ClaimRecord, b: ClaimRecord) -> str | None:
    """``"conflict"``, ``"update"`` or ``None`` (both can hold) for two claims of one
    subject and attribute."""
    if not _keys_match(spec, a, b):
        return None
    if spec.compare == "when":
        if a.qualifier("stint") or b.qualifier("stint"):
            return None  # "returned to power in 1964": an earlier or later stint may hold too
        ia, ib = when_interval(a.value), when_interval(b.value)
        return None if ia is None or ib is None or ia.overlaps(ib) else "conflict"
    if spec.compare == "quantity":
        return _quantity(spec, a, b)
    if spec.compare == "age":
        return _age(a, b)
    if spec.compare == "exclusive":
        return None if fold(a.value) == fold(b.value) else "conflict"
    if spec.compare == "countries":
        va, vb = fold(a.value), fold(b.value)
        both = va in country_names() and vb in country_names()
        return "conflict" if both and va != vb else None
    if spec.compare == "party":
        if _same_party(a.value, b.value):
            return None
        if days_apart(ref_interval(a), ref_interval(b)) > spec.window_days:
            return "update"  # a party left for another, years apart
        if _joined_later(a, b):
            return "update"  # "has joined the Farmers' Party": a change told as one
        return "conflict"
    if spec.compare == "places":
        return _places(a, b)
    if spec.compare == "term":
        return _term(a, b)
    return None


def _joined_later(a: ClaimRecord, b: ClaimRecord) -> bool:
    """The later of two reports says its value was just taken up ("joined")."""
    da, db = parse_date(a.published), parse_date(b.published)
    if da is None or db is None or da == db:
        return False
    later = a if da > db else b
    return later.qualifier("change") == "joined"


def _places(a: ClaimRecord, b: ClaimRecord) -> str | None:
    """Two places of one event in a life (birth, death) conflict when they are two
    countries, or two places neither of which is a country or region (two towns);
    a town and a country or region may nest ("born in Orsk" and "born in Velonia")."""
    va, vb = fold(a.value), fold(b.value)
    if va == vb or va in vb or vb in va:
        return None
    ca, cb = va in country_names(), vb in country_names()
    if ca and cb:
        return "conflict"
    if ca or cb or _region(va) or _region(vb):
        return None
    return "conflict"


def _party_words(value: str) -> frozenset[str]:
    short: dict[str, str] = lexicon()["party_short_names"]
    folded = fold(value)
    folded = short.get(folded, folded)
    return frozenset(w for w in folded.split() if w not in ("the", "party"))


def _same_party(a: str, b: str) -> bool:
    """ "Labour" and "the Labour Party", "Tory" and "Conservative": one party; a
    shorter name within a longer one is taken as the same party."""
    wa, wb = _party_words(a), _party_words(b)
    return wa <= wb or wb <= wa


def _region(folded: str) -> bool:
    words = folded.split()
    return bool(words) and (words[-1] in REGION_WORDS or words[0] in REGION_WORDS)


def _term(a: ClaimRecord, b: ClaimRecord) -> str | None:
    """Two terms of one office conflict when their starts, or their ends, cannot be the
    same (a second term elsewhere in time would not share either)."""
    ta, tb = term_intervals(a.value), term_intervals(b.value)
    if ta is None or tb is None:
        return None
    starts, ends = ta[0].overlaps(tb[0]), ta[1].overlaps(tb[1])
    if starts and ends:
        return None
    return "conflict" if starts or ends else None


def fold(s: str) -> str:
    decomposed = unicodedata.normalize("NFKD", normalize(s))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
