"""Normalise relative and non-calendar expressions: weekdays, "yesterday", clock
times, "two years ago", "last month", "the quarter", durations, sets and the
vague references (``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``).

Weekdays and shifts count from the publication date; "a year earlier",
"that year" and "the following day" count from the last date the text gave.
"""

from __future__ import annotations

from datetime import date, timedelta

from newsledger.components.dates import calendar as cal
from newsledger.components.dates.absolute import Norm, _capitalised, _g, _lookup, _unanchored
from newsledger.components.dates.context import TimeContext
from newsledger.components.dates.timex import Hit, Number, parse_number, table, wordset

_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60)}
_SMALLER.update({"TM": ("TS", 60), "E": ("Y", 10), "C": ("Y", 100), "Q": ("M", 3)})


def _normal(word: str) -> str:
    return " ".join(word.lower().replace("-", " ").split())


def _unit(word: str) -> str | None:
    val = _lookup("UNIT", word)
    return val if isinstance(val, str) else None


def _unit_granularity(unit: str) -> str:
    got = cal.at_granularity(date(2000, 1, 1), unit)
    return got[1] if got else "unknown"


def _daypart(word: str) -> str | None:
    val = _lookup("DAYPART", word)
    return val if isinstance(val, str) else None


# -------------------------------------------------------------------- days


def weekday(hit: Hit, ctx: TimeContext) -> Norm | None:
    raw = _g(hit, "wd")
    wd = _lookup("WEEKDAY", raw)
    if not isinstance(wd, int) or not _capitalised(raw):
        return None
    if ctx.ent(hit.start, hit.end) in ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC"):
        return None
    part_word = _g(hit, "part").lower()
    part = _daypart(part_word) if part_word else None
    if _g(hit, "plural") or (part_word.endswith("s") and part):
        return Norm(f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), "set", "SET")
    if ctx.dct is None:
        return _unanchored("time" if part else "day", "TIME" if part else "")
    rel = _normal(_g(hit, "rel"))
    off = _lookup("RELATIVE", rel) if rel else None
    base = ctx.dct
    if rel in wordset("ANCHOR_RELATIVE"):  # "the previous Friday": before the day just named
        anchor = ctx.anchor(hit.start, ("day",), within=2)
        anchored_day = (
            cal.safe_date(int(anchor[:4]), int(anchor[5:7]), int(anchor[8:10])) if anchor else None
        )
        base = anchored_day or ctx.dct
    if off == -1:
        direction = -2
    elif off == 1:
        direction = 2
    else:
        tense = ctx.tense(hit.start, hit.end)
        direction = {"future": 1, "ahead": 1, "present": 0}.get(tense, -1)
    d = cal.weekday_near(base, wd, direction)
    if part:
        return Norm(f"{d.isoformat()}T{part}", "time", "TIME")
    return Norm(d.isoformat(), "day")


def deictic(hit: Hit, ctx: TimeContext) -> Norm | None:
    word = _normal(_g(hit, "deictic"))
    off = _lookup("DEICTIC_DAY", word)
    if not isinstance(off, int):
        return None
    part = _daypart(_g(hit, "part")) if _g(hit, "part") else None
    if word == "tonight":
        part = "NI"
    if ctx.dct is None:
        return _unanchored("time" if part else "day", "TIME" if part else "")
    d = ctx.dct + timedelta(days=off)
    if part:
        return Norm(f"{d.isoformat()}T{part}", "time", "TIME")
    return Norm(d.isoformat(), "day", "DATE")


def daypart(hit: Hit, ctx: TimeContext) -> Norm | None:
    part = _daypart(_g(hit, "part"))
    if part is None:
        return None
    rel = _normal(_g(hit, "rel"))
    if rel == "last" and part not in ("NI", "EV"):
        return None  # "last morning" is not idiomatic; "last night" is
    if ctx.dct is None:
        return _unanchored("time", "TIME")
    d = ctx.dct - timedelta(days=1) if rel == "last" else ctx.dct
    return Norm(f"{d.isoformat()}T{part}", "time", "TIME")


def clock(hit: Hit, ctx: TimeContext) -> Norm | None:
    named = _g(hit, "named").lower()
    if named:
        hh, mm = (12, 0) if named in ("noon", "midday") else (24, 0)
    else:
        raw = _g(hit, "hour") or _g(hit, "hourw")
        num = parse_number(raw)
        if not isinstance(num, float) or num != int(num):
            return None
        hh, mm = int(num), int(_g(hit, "minute") or 0)
        ampm = _g(hit, "ampm").lower().replace(".", "").replace(" ", "")
        if ampm:
            if not 1 <= hh <= 12:
                return None
            hh = hh % 12 + (12 if ampm.startswith("p") else 0)
        elif hit.rule.name == "clock24":
            cue = ctx.prev_word(hit.start)
            if not _g(hit, "tz") and cue not in ("at", "by", "until", "till", "from", "around"):
                return None  # "3:30" alone may be a score or a ratio
    if hh > 24 or mm > 59:
        return None
    t = f"T{hh:02d}:{mm:02d}"
    if ctx.dct is None:
        return Norm("XXXX-XX-XX" + t, "time", "TIME", anchored=False)
    return Norm(ctx.dct.isoformat() + t, "time", "TIME")


# ------------------------------------------------------------------ shifts


def _count(hit: Hit) -> Number | None:
    raw = _g(hit, "num")
    n = parse_number(raw) if raw else 1.0
    if _g(hit, "half") and isinstance(n, float):
        n += 0.5
    return n


def _quarter_context(hit: Hit, ctx: TimeContext, within: int) -> str | None:
    """The quarter under discussion: one the text named in the last sentences,
    of the publication year or the year before (not a year-ago comparison)."""
    q = ctx.anchor(hit.start, ("quarter",), within=within)
    if q is None or ctx.dct is None:
        return q
    return q if int(q[:4]) >= ctx.dct.year - (1 if ctx.dct.month <= 3 else 0) else None


def shift(hit: Hit, ctx: TimeContext) -> Norm | None:
    unit = _unit(_g(hit, "unit"))
    sign_base = _lookup("SHIFT", _normal(_g(hit, "shift")))
    n = _count(hit)
    if unit is None or n is None or not isinstance(sign_base, list):
        return None
    sign, base = int(sign_base[0]), str(sign_base[1])
    if n == "X":
        return Norm("PAST_REF" if sign < 0 else "FUTURE_REF", "ref")
    if not isinstance(n, int | float):
        return None
    n = float(n)
    if unit.startswith("T"):
        unit, n = "D", 0.0  # "two hours ago": the publication day
    if n != int(n):
        small = _SMALLER.get(unit)
        if small is None:
            return None
        unit, n = small[0], round(n * small[1])
    k = sign * int(n)
    q = _quarter_context(hit, ctx, 2) if unit == "Y" and abs(k) == 1 else None
    if q:  # "profit rose from $5 million a year earlier": that quarter a year before
        return Norm(cal.shift_value(q, k, "Y"), "quarter", derived=True)
    if base == "anchor":  # "two years later": after the date just named
        grans = {"D": ("day", "time"), "Y": ("day", "time", "month", "year")}.get(
            unit, ("day", "time", "week", "month")
        )
        anchor = ctx.anchor(hit.start, grans, within=2)
        moved = cal.shift_value(anchor.split("T")[0], k, unit) if anchor else None
        moved = cal.truncate(moved, unit) if moved and unit == "Y" else moved
        if moved:
            return Norm(moved, cal.granularity(moved), derived=True)
    if ctx.dct is None:
        return _unanchored(_unit_granularity(unit))
    d = cal.shift_date(ctx.dct, k, unit)
    got = cal.at_granularity(d, unit) if d else None
    return Norm(got[0], got[1], derived=True) if got else None


def yearago(hit: Hit, ctx: TimeContext) -> Norm | None:
    what = _g(hit, "what").lower()
    unit = _g(hit, "unit").lower()
    q_words: dict[str, int] = table("QUARTER_ORDINAL")
    if what in q_words and unit not in ("quarter", "period", ""):
        return None
    anchor = _quarter_context(hit, ctx, 2)
    if what in q_words or unit == "third-quarter":
        q = q_words.get(what, 3)
        if ctx.dct is None:
            return _unanchored("quarter")
        y = int(anchor[:4]) if anchor else ctx.dct.year
        return Norm(f"{y - 1:04d}-Q{q}", "quarter", derived=True)
    if anchor and unit in ("quarter", "period", ""):
        return Norm(cal.shift_value(anchor, -1, "Y"), "quarter", derived=True)
    if ctx.dct is None:
        return _unanchored("year")
    if unit == "quarter":
        y, q = cal.add_quarters(ctx.dct.year, cal.quarter_of(ctx.dct), -5)
        return Norm(f"{y:04d}-Q{q}", "quarter", derived=True)
    return Norm(cal.year(ctx.dct.year - 1), "year", derived=True)


def rel_unit(hit: Hit, ctx: TimeContext) -> Norm | None:
    rel = _normal(_g(hit, "rel"))
    unit = table("REL_UNIT").get(_normal(_g(hit, "unit")))
    off = _lookup("RELATIVE", rel)
    if unit is None or not isinstance(off, int):
        return None
    if rel in wordset("ANCHOR_RELATIVE") or unit == "D":
        anchor = ctx.anchor(hit.start, within=3)
        moved = (
            cal.shift_value(anchor.split("T")[0], off, unit) if anchor and unit != "WE" else None
        )
        moved = cal.truncate(moved, unit) if moved else None
        if moved:
            return Norm(moved, cal.granularity(moved), derived=True)
        if unit == "D":
            return None
    if ctx.dct is None:
        return _unanchored(_unit_granularity(unit))
    if unit == "WE":
        sat = cal.weekday_near(ctx.dct, 6, -1 if off < 0 else 1 if off > 0 else 0)
        if off < 0 and ctx.dct.isoweekday() in (6, 7):
            sat -= timedelta(days=7)
        return Norm(cal.weekend(sat), "weekend")
    d = cal.shift_date(ctx.dct, off, unit)
    got = cal.at_granularity(d, unit) if d else None
    return Norm(got[0], got[1]) if got else None


def anaphor(hit: Hit, ctx: TimeContext) -> Norm | None:
    det = _normal(_g(hit, "det"))
    unit = _normal(_g(hit, "unit"))
    if det in ("that", "the same"):
        anchor = ctx.anchor(hit.start, within=5, given=False)
        letter = table("REL_UNIT").get(unit)
        v = cal.truncate(anchor.split("T")[0], letter) if anchor and letter else None
        return Norm(v, cal.granularity(v), derived=True) if v else None
    if unit in ("quarter", "period"):
        latest = det in ("the latest", "the most recent")
        anchor = None if latest else _quarter_context(hit, ctx, 3)
        if anchor:
            return Norm(anchor, "quarter")
        if (unit == "period" and not latest) or ctx.dct is None:
            return None
        y, q = cal.add_quarters(ctx.dct.year, cal.quarter_of(ctx.dct), -1)
        return Norm(f"{y:04d}-Q{q}", "quarter")
    if ctx.dct is None:
        return None
    mod = bool(_g(hit, "mod"))
    if unit == "year":
        if ctx.next_word(hit.end) in ("ended", "ending", "to"):
            return Norm("P1Y", "duration", "DURATION")  # "the year ended Sept. 30"
        return Norm(cal.year(ctx.dct.year), "year")
    if unit == "month" and mod:
        return Norm(cal.month(ctx.dct.year, ctx.dct.month), "month")
    if unit == "week" and mod:
        return Norm(cal.week(ctx.dct), "week")
    if unit == "day":
        anchor = ctx.anchor(hit.start, ("day",), within=1)
        return Norm(anchor or ctx.dct.isoformat(), "day")
    if unit == "weekend":
        tense = ctx.tense(hit.start, hit.end)
        sat = cal.weekday_near(ctx.dct, 6, 1 if tense == "future" else -1)
        return Norm(cal.weekend(sat), "weekend")
    return None


def year_period(hit: Hit, ctx: TimeContext) -> Norm | None:
    """ "the 1988 quarter", "the 1989 period": that year's quarter under discussion."""
    y = int(_g(hit, "yearpre"))
    unit = _normal(_g(hit, "unit"))
    if unit in ("year", "fiscal year"):
        return Norm(cal.year(y), "year")
    anchor = _quarter_context(hit, ctx, 3)
    if anchor:
        return Norm(f"{y:04d}{anchor[4:]}", "quarter", derived=True)
    if ctx.dct is None:
        return Norm(cal.year(y), "year")
    _, q = cal.add_quarters(ctx.dct.year, cal.quarter_of(ctx.dct), -1)
    return Norm(f"{y:04d}-Q{q}", "quarter", derived=True)


def year_end(hit: Hit, ctx: TimeContext) -> Norm | None:
    """ "year-end", "year's end": the end of the publication year."""
    if ctx.dct is None:
        return _unanchored("year")
    return Norm(cal.year(ctx.dct.year), "year")


# ------------------------------------------------------- durations and sets


def _duration_value(n: Number, unit: str) -> str | None:
    if unit == "2W":
        unit, n = "W", (n * 2 if isinstance(n, float) else n)
    if unit == "6M":
        unit, n = "M", (n * 6 if isinstance(n, float) else n)
    if unit == "E" and isinstance(n, float):
        unit, n = "Y", n * 10
    t = "T" if unit.startswith("T") else ""
    letter = unit[-1]
    if isinstance(n, str):
        return f"P{t}X{letter}"
    if n <= 0:
        return None
    whole = int(n)
    frac = n - whole
    out = f"P{t}{whole}{letter}" if whole else f"P{t}"
    if frac:
        small = _SMALLER.get(unit)
        if small is None or (frac * small[1]) != int(frac * small[1]):
            return None
        s_unit, factor = small
        if s_unit.startswith("T") and not t:
            out += "T"
        out += f"{int(frac * factor)}{s_unit[-1]}"
    return out


def duration(hit: Hit, ctx: TimeContext) -> Norm | None:
    word = _g(hit, "unit")
    unit = _unit(word)
    if unit is None or unit == "WE":
        return None
    num = _g(hit, "num").lower()
    nxt = ctx.next_word(hit.end)
    if unit == "TS" and (not num or num in ("a", "an", "one")):
        return None  # "a second" is an ordinal
    if unit == "Q" and (nxt == "of" or (hit.rule.name == "duration_adj" and word.endswith("s"))):
        return None  # "three-quarters of", "a quarter of the vote"
    if _g(hit, "halfof"):
        n: Number | None = 0.5
    elif hit.rule.name == "duration_plural":
        n = "X"
    else:
        n = _count(hit)
    if n is None:
        return None
    if num.isdigit() and 1000 <= int(num) < 2100 and unit in ("Q", "Y", "M"):
        return None  # "the 1988 quarter" is a year
    if nxt == "old" or hit.match.group(0).lower().endswith("-old"):
        return None  # an age
    if num in ("a", "an") and (
        ctx.prev_word(hit.start).endswith((*wordset("NUMERIC_BEFORE"), *"0123456789"))
        or ctx.tag_before(hit.start) in ("CD", "NNS")
    ):
        value = _duration_value(1.0, unit)
        return Norm(value, "set", "SET") if value else None  # "$5 a day", "four flights a week"
    if num == "one" and unit == "D" and ctx.tag_after(hit.end)[:2] in ("VB", "MD"):
        # "he will one day return": some day, not a duration
        past = ctx.tense(hit.start, hit.end) == "past"
        return Norm("PAST_REF" if past else "FUTURE_REF", "ref", "DATE")
    value = _duration_value(n, unit)
    return Norm(value, "duration", "DURATION") if value else None


def set_every(hit: Hit, ctx: TimeContext) -> Norm | None:
    what = _g(hit, "what")
    n: Number | None = 2.0 if _g(hit, "other") else (_count(hit) if _g(hit, "num") else 1.0)
    if n is None:
        return None
    unit = _unit(what)
    if unit is not None:
        if unit == "WE":
            return Norm("XXXX-WXX-WE", "set", "SET")
        value = _duration_value(n, unit)
        return Norm(value, "set", "SET") if value else None
    wd = _lookup("WEEKDAY", what)
    if isinstance(wd, int):
        return Norm(f"XXXX-WXX-{wd}", "set", "SET")
    mo = _lookup("MONTH", what)
    if isinstance(mo, int):
        return Norm(f"XXXX-{mo:02d}", "set", "SET")
    part = _daypart(what)
    if part:
        return Norm(f"XXXX-XX-XXT{part}", "set", "SET")
    season = _lookup("SEASON", what)
    if isinstance(season, str):
        return Norm(f"XXXX-{season}", "set", "SET")
    return None


def set_word(hit: Hit, ctx: TimeContext) -> Norm | None:
    word = _normal(_g(hit, "setw"))
    value = _lookup("SET_WORD", word)
    if not isinstance(value, str):
        return None
    if (
        " " not in word
        and ctx.tag_at(hit.start).startswith("JJ")
        and ctx.tag_after(hit.end)[:2] in ("NN", "JJ")
    ):
        return None  # "a daily newspaper", "quarterly results"
    return Norm(value, "set", "SET")


def ref(hit: Hit, ctx: TimeContext) -> Norm | None:
    phrase = _normal(_g(hit, "ref"))
    value = _lookup("REF", phrase)
    if not isinstance(value, str):
        return None
    prev, nxt = ctx.prev_word(hit.start), ctx.next_word(hit.end)
    if phrase in ("the moment", "this time") and prev not in ("at", "for"):
        return None
    if phrase == "earlier" and (
        nxt in ("than", "this", "in", "that")
        or prev in ("the", "an", "its", "their", "his", "her")
        or ctx.tag_after(hit.end).startswith("NN")
    ):
        return None
    if phrase == "soon" and (prev == "as" or nxt in ("after", "before")):
        return None
    if phrase == "future" and prev != "in":
        return None
    if phrase == "current" and nxt in wordset("NOT_CURRENT"):
        return None
    return Norm(value, "ref")
