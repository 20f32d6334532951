"""Normalise a matched temporal expression to a TIMEX3 value.

One handler per pattern family (the ``handler`` column of
``data/time_patterns.tsv``).  A handler reads the named groups of the match and
the :class:`~newsledger.components.dates.context.TimeContext` (publication date, tense, anchors)
and returns a :class:`Norm`, or None to refuse the match (a bare "May" that is a
verb, "2000 people").  Relative expressions with no publication date get value
None and ``anchored`` False: nothing is invented.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from newsledger.components.dates import calendar as cal
from newsledger.components.dates.context import TimeContext
from newsledger.components.dates.timex import Hit, parse_spelled_year, table, wordset


@dataclass(frozen=True, slots=True)
class Norm:
    value: str | None
    granularity: str
    type: str = ""  # "" keeps the rule's type
    anchored: bool = True
    derived: bool = False  # computed from another date of the text, not given


Handler = Callable[[Hit, TimeContext], Norm | None]


def _g(hit: Hit, name: str) -> str:
    return (hit.group(name) or "").strip()


def _lookup(name: str, word: str) -> object:
    key = " ".join(word.lower().rstrip(".").replace("-", " ").split())
    tab = table(name)
    return tab.get(key, tab.get(key.replace(" ", "-")))


def _month(word: str) -> int:
    val = _lookup("MONTH", word)
    return int(val) if isinstance(val, int) else 0


def _year(hit: Hit, ctx: TimeContext, *names: str) -> int | None:
    """An explicit year from the groups (4 digits, '98, spelled out)."""
    for name in names:
        raw = _g(hit, name)
        if not raw:
            continue
        if raw.isdigit() and len(raw) == 4:
            return int(raw)
        digits = raw.lstrip("'’")
        if digits.isdigit() and len(digits) == 2:
            if ctx.dct is None:
                return None  # "'98": the century needs the publication date
            base = ctx.dct.year
            cands = [c * 100 + int(digits) for c in (base // 100 - 1, base // 100)]
            return min(cands, key=lambda y: (y > base + 10, abs(y - base)))
        spelled = parse_spelled_year(raw)
        if spelled:
            return spelled
    return None


def _rel_year(word: str, ctx: TimeContext) -> int | None:
    offset = {"this": 0, "the": 0, "last": -1, "next": 1}.get(word.lower())
    if offset is None or ctx.dct is None:
        return None
    return ctx.dct.year + offset


def _unanchored(gran: str, typ: str = "") -> Norm:
    return Norm(None, gran, typ, anchored=False)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _cued(hit: Hit, ctx: TimeContext, start: int | None = None) -> bool:
    """Is there a word before the expression that makes it a date?"""
    if _g(hit, "mod"):
        return True
    return ctx.prev_word(hit.start if start is None else start) in wordset("DATE_CUES")


def _is_date_ent(hit: Hit, ctx: TimeContext) -> bool | None:
    label = ctx.ent(hit.start, hit.end)
    if label is None:
        return None
    return label in ("DATE", "TIME")


# ----------------------------------------------------------------- absolute


def ymd(hit: Hit, ctx: TimeContext) -> Norm | None:
    d = cal.safe_date(int(_g(hit, "year")), int(_g(hit, "mnum")), int(_g(hit, "day")))
    if d is None:
        return None
    if _g(hit, "hour"):
        return Norm(f"{d.isoformat()}T{_g(hit, 'hour')}:{_g(hit, 'minute')}", "time", "TIME")
    return Norm(d.isoformat(), "day")


def slash(hit: Hit, ctx: TimeContext) -> Norm | None:
    a, b, yy = int(_g(hit, "a")), int(_g(hit, "b")), _g(hit, "year")
    y = int(yy) if len(yy) == 4 else _year(hit, ctx, "year")
    if y is None:
        return None
    m, d = (a, b) if a <= 12 else (b, a)
    dd = cal.safe_date(y, m, d)
    return Norm(dd.isoformat(), "day") if dd else None


def _day_number(raw: str) -> int:
    if raw.isdigit():
        return int(raw)
    val = _lookup("ORDINAL", raw)
    return int(val) if isinstance(val, int) else 0


def mdy(hit: Hit, ctx: TimeContext) -> Norm | None:
    mword = _g(hit, "month")
    m = _month(mword)
    d = _day_number(_g(hit, "day"))
    if not m or not 1 <= d <= 31:
        return None
    if not _capitalised(mword) and mword.lower().rstrip(".") in wordset("MONTH_AMBIGUOUS"):
        return None
    spelled_day = not _g(hit, "day").isdigit()
    bare_ordinal = " of " not in hit.match.group(0).lower()
    if hit.rule.name == "dmy" and spelled_day and bare_ordinal and not _g(hit, "year"):
        return None  # "the first May" is rarely a date; "the first of May" is
    wd_raw = _g(hit, "wd")
    wd = _lookup("WEEKDAY", wd_raw) if wd_raw else None
    y = _year(hit, ctx, "year")
    if y is not None:
        dd = cal.safe_date(y, m, d)
        return Norm(dd.isoformat(), "day") if dd else None
    year_here = ctx.anchor(hit.start, ("year",), within=0)
    if year_here is not None and not isinstance(wd, int):  # "In 2019, on May 3, ..."
        dd = cal.safe_date(int(year_here), m, d)
        return Norm(dd.isoformat(), "day") if dd else None
    if ctx.dct is None:
        return _unanchored("day")
    if isinstance(wd, int):  # the weekday picks the year
        fits = [
            dd
            for yy in range(ctx.dct.year - 6, ctx.dct.year + 2)
            if (dd := cal.safe_date(yy, m, d)) is not None and dd.isoweekday() == wd
        ]
        if fits:
            best = min(fits, key=lambda x: abs((x - ctx.dct).days) if ctx.dct else 0)
            return Norm(best.isoformat(), "day")
    tense = ctx.tense(hit.start, hit.end)
    y2 = cal.nearest_year(ctx.dct, (m, d), tense)
    if y2 is None:
        return None
    dd = cal.safe_date(y2, m, d)
    return Norm(dd.isoformat(), "day") if dd else None


def month(hit: Hit, ctx: TimeContext) -> Norm | None:
    mword = _g(hit, "month")
    m = _month(mword)
    if not m:
        return None
    low = mword.lower().rstrip(".")
    rule = hit.rule.name
    if rule == "month_alone":
        if not _capitalised(mword):
            return None
        if mword.endswith(".") is False and len(low) <= 4 and low not in ("may", "june", "july"):
            return None  # "Jan" alone is a name more often than a month
        ent = ctx.ent(hit.start, hit.end)
        if ent in ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "GPE"):
            return None
        if low in wordset("MONTH_AMBIGUOUS") and not (ent in ("DATE", "TIME") or _cued(hit, ctx)):
            return None
        if low == "may" and ctx.tag_at(hit.start + (len(hit.match.group(0)) - len(mword))) == "MD":
            return None
    y = _year(hit, ctx, "year", "syear")
    if y is None and _g(hit, "yrel"):
        y = _rel_year(_g(hit, "yrel"), ctx)
        if y is None:
            return _unanchored("month")
    if y is None and _g(hit, "rel"):
        if ctx.dct is None:
            return _unanchored("month")
        off = _relative(_g(hit, "rel"))
        cur = ctx.dct.month
        if off is None:
            return None
        if off < 0:
            y = ctx.dct.year if m < cur else ctx.dct.year - 1
        elif off > 0:
            y = ctx.dct.year if m > cur else ctx.dct.year + 1
        else:
            y = ctx.dct.year
    if y is None and rule == "month_alone":
        year_here = ctx.anchor(hit.start, ("year",), within=0)
        y = int(year_here) if year_here else None  # "In 2019, in May, ..."
    if y is None:
        if ctx.dct is None:
            return _unanchored("month")
        y = cal.nearest_year(ctx.dct, (m, 0), ctx.tense(hit.start, hit.end))
        if y is None:
            return None
    return Norm(cal.month(y, m), "month")


def _relative(word: str) -> int | None:
    val = _lookup("RELATIVE", word)
    return int(val) if isinstance(val, int) else None


# ------------------------------------------------------------ year and more


def year(hit: Hit, ctx: TimeContext) -> Norm | None:
    y = _year(hit, ctx, "year", "syear")
    if y is None:
        return None
    rule = hit.rule.name
    text = hit.match.group(0).lower()
    short = _g(hit, "year").isdigit() and len(_g(hit, "year")) == 2
    if rule == "fiscal_year" and short and "f" not in _g(hit, "fy").lower():
        return None  # "year 12 of the war"; "fiscal 90" and "FY90" are years
    bare = rule == "year" or (rule == "syear" and "year" not in text and "nineteen" not in text)
    if bare and not _g(hit, "mod"):
        ent = _is_date_ent(hit, ctx)
        if ent is False and ctx.ent(hit.start, hit.end):
            return None  # CARDINAL, MONEY, QUANTITY ...
        if not ent and not _cued(hit, ctx):
            return None
        if ctx.prev_word(hit.start) in wordset("NOT_YEAR_AFTER"):
            return None
        prev = ctx.prev_word(hit.start)
        if ctx.tag_after(hit.end) == "NNS" and prev not in wordset("YEAR_BEFORE_NOUN"):
            return None  # "rose to 1990 pence", "sent 2000 troops"
        if ctx.next_word(hit.end) in wordset("NOT_YEAR_BEFORE") | wordset("TIMEZONE"):
            return None
    return Norm(cal.year(y), "year")


def decade(hit: Hit, ctx: TimeContext) -> Norm | None:
    if _g(hit, "dec"):
        return Norm(_g(hit, "dec")[:3], "decade")
    if _g(hit, "dec2"):
        tens = int(_g(hit, "dec2")[0])
        base = ctx.dct.year if ctx.dct else None
        if base is None:
            return _unanchored("decade")
        cent = base // 100
        if cent * 100 + tens * 10 > base:
            cent -= 1
        return Norm(f"{cent:02d}{tens}", "decade")
    word = _g(hit, "decw")
    tens_val = _lookup("DECADEWORD", word)
    if not isinstance(tens_val, int):
        return None
    text = hit.match.group(0).lower()
    if not text.startswith(("the", "early", "late", "mid")) or (
        ctx.prev_word(hit.start) in wordset("POSSESSIVES")
    ):
        return None  # "in her twenties" is an age
    if ctx.dct is None:
        return _unanchored("decade")
    cent = ctx.dct.year // 100
    if cent * 100 + tens_val * 10 > ctx.dct.year:
        cent -= 1
    return Norm(f"{cent:02d}{tens_val}", "decade")


def century(hit: Hit, ctx: TimeContext) -> Norm | None:
    raw = _g(hit, "cent").lower()
    num = int(raw[:-2]) if raw[:-2].isdigit() else _day_number(raw)
    if not 1 <= num <= 30:
        return None
    return Norm(f"{num - 1:02d}", "century")


def quarter(hit: Hit, ctx: TimeContext) -> Norm | None:
    raw = (_g(hit, "q") or _g(hit, "qn")).lower()
    qv = _lookup("QUARTER_ORDINAL", raw) if not raw.isdigit() else int(raw)
    q = qv if isinstance(qv, int) else None
    if q is None or not 1 <= q <= 4:
        return None
    if _g(hit, "plural"):
        return Norm(f"XXXX-Q{q}", "set", "SET")
    y = _year(hit, ctx, "year", "yearpre")
    for rel in ("yrel", "yrel2"):
        if y is None and _g(hit, rel):
            y = _rel_year(_g(hit, rel), ctx)
            if y is None:
                return _unanchored("quarter")
    if y is None:
        if ctx.dct is None:
            return _unanchored("quarter")
        # the latest such quarter that has begun; the next one in the future tense
        y = ctx.dct.year
        current = cal.quarter_of(ctx.dct)
        if q > current:
            y -= ctx.tense(hit.start, hit.end) not in ("future", "ahead")
        elif q < current - 1 and ctx.tense(hit.start, hit.end) == "future":
            y += 1
    return Norm(f"{y:04d}-Q{q}", "quarter")


def half(hit: Hit, ctx: TimeContext) -> Norm | None:
    h = 1 if _g(hit, "h").lower() == "first" else 2
    y = _year(hit, ctx, "year")
    if y is None and _g(hit, "yrel"):
        y = _rel_year(_g(hit, "yrel"), ctx)
    if y is None:
        if ctx.anchor(hit.start, ("quarter", "half"), within=5) is None:
            return None  # "the second half" of a match, unless the text reports periods
        if ctx.dct is None:
            return _unanchored("half")
        y = ctx.dct.year
    return Norm(f"{y:04d}-H{h}", "half")


def season(hit: Hit, ctx: TimeContext) -> Norm | None:
    word = _g(hit, "season")
    code = _lookup("SEASON", word)
    if not isinstance(code, str):
        return None
    y = _year(hit, ctx, "year", "syear")
    rel = _g(hit, "rel")
    if y is None and not rel and not _g(hit, "det") and not _g(hit, "mod"):
        cue = ctx.prev_word(hit.start)
        if word.lower() == "fall" or cue not in wordset("SEASON_CUES"):
            return None
    if ctx.ent(hit.start, hit.end) in ("PERSON", "ORG", "GPE"):
        return None
    if y is None and ctx.next_word(hit.end) == "of":
        return None  # "the fall of Kabul"
    if y is not None:
        return Norm(f"{y:04d}-{code}", "season")
    if ctx.dct is None:
        return _unanchored("season")
    tense = ctx.tense(hit.start, hit.end)
    off = _relative(rel) if rel else None
    if off is None:
        off = -1 if tense == "past" else 1 if tense == "future" else 0
    return Norm(f"{cal.season_year(ctx.dct, code, off):04d}-{code}", "season")


def holiday(hit: Hit, ctx: TimeContext) -> Norm | None:
    """ "Christmas", "last Christmas", "New Year's Day 2020": a fixed day of the year."""
    raw = _g(hit, "hol")
    md = _lookup("HOLIDAY", raw.replace("’", "'"))
    if not isinstance(md, str) or not _capitalised(raw):
        return None
    m, d = int(md[:2]), int(md[3:])
    y = _year(hit, ctx, "year")
    if y is None:
        if ctx.dct is None:
            return _unanchored("day")
        rel = _g(hit, "rel").lower()
        this_year = cal.safe_date(ctx.dct.year, m, d)
        if this_year is None:
            return None
        if rel == "last":
            y = ctx.dct.year if this_year < ctx.dct else ctx.dct.year - 1
        elif rel == "next":
            y = ctx.dct.year if this_year > ctx.dct else ctx.dct.year + 1
        elif rel == "this":
            y = ctx.dct.year
        else:
            y = cal.nearest_year(ctx.dct, (m, d), ctx.tense(hit.start, hit.end))
    dd = cal.safe_date(y, m, d) if y else None
    return Norm(dd.isoformat(), "day") if dd else None
