"""Typed claim values: read them from text, write them as normalised strings, compare them.

A claim value travels as a normalised string (so it can be stored and shown)
with a ``value_type``; :func:`quantity_interval`, :func:`when_interval` and
:func:`birth_interval` turn it back into an interval for comparison.

Normalised forms
----------------
* quantities (``int`` / ``range``): ``"137"`` exact, ``"10000000~"`` approximate
  ("around ten million"), ``"2000-4000"`` a range (``"2000-4000~"`` approximate),
  ``">40000"``, ``">=8000"``, ``"<500"``, ``"<=500"`` bounds.
* points in time (``year`` / ``date``): ``"1992"``, ``"2012-03"``,
  ``"2012-03-05"``, ``"1990s"`` (a decade), ``"1992~"`` (within two years),
  ``"<=1992"`` / ``">=1992"`` (at or before / at or after).
* ages (``int``): ``"66"``; compared through the birth dates they allow at the
  time of the report.
* terms of office (``term``): ``"2009/2014"``, start and end as points in time.

An exact figure is read with the rounding its digits suggest (at most 5 %:
"9.8 million" is 9.75–9.85 million); an approximate one allows 15 %.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from newsledger.core.lexicon import read_json
from newsledger.core.wordlists import numbers_of, titles_of, vocations

APPROX_TOLERANCE = 0.15  # "around ten million" allows 8.5-11.5 million
ROUNDING_CAP = 0.05  # an exact figure is never read wider than 5 %
APPROX_YEARS = 2  # "1992~" allows 1990-1994


@dataclass(frozen=True, slots=True)
class Value:
    """A value read from text: its normalised string, type and granularity."""

    text: str
    value_type: str  # year | date | int | range
    granularity: str = ""  # day | month | year | decade (points in time)


# ------------------------------------------------------------------ lexicon


@cache
def lexicon() -> dict[str, Any]:
    """The claim word lists (``data/claim_lexicon.json``), loaded once."""
    data: dict[str, Any] = read_json("claim_lexicon.json")
    # number words and scales: the shared table (data/number_words.tsv)
    data["number_words"] = numbers_of(
        frozenset({"cardinal", "article", "unit", "fraction"}), least=0.5
    )
    data["scales"] = numbers_of(frozenset({"scale", "abbrev"}))
    # role titles: the offices of the shared title table (data/titles.tsv)
    data["titles"] = titles_of(frozenset({"office"}))
    data["exclusive_titles"] = titles_of(frozenset({"exclusive"}))
    # nouns of a calling (data/vocations.tsv) describe a person too ("the painter")
    data["vocations"] = vocations()
    data["descriptions"] = {**{v: "person" for v in vocations()}, **data["descriptions"]}
    return data


def alternation(words: list[str], hyphen: bool = False, lower: bool = True) -> str:
    """A regex alternation of ``words``, longest first; a space matches any blank
    (and a hyphen too when ``hyphen``: "vice president" / "vice-president")."""
    parts = sorted({w.lower() if lower else w for w in words}, key=len, reverse=True)
    blank = r"[\s-]+" if hyphen else r"\s+"
    return "|".join(re.escape(p).replace(r"\ ", blank) for p in parts)


@cache
def _number_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon()
    approx = alternation(list(lex["approximators"]))
    vague = alternation(list(lex["vague_quantities"]))
    prefix = re.compile(rf"^(?:{approx})\b\s*")
    vague_re = re.compile(rf"^(?:{vague})$")
    rng = re.compile(
        r"^(?:between\s+(.+?)\s+and\s+(.+)|from\s+(.+?)\s+to\s+(.+)|(.+?)\s*(?:\bto\b|-|–|—)\s*(.+))$"
    )
    return prefix, vague_re, rng


_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*([a-z]+)?$")
_WORD = re.compile(r"[a-z]+")


def parse_number(text: str) -> float | None:
    """``"2,000"`` → 2000, ``"9.8 million"`` → 9800000, ``"ten million"`` → 1e7."""
    lex = lexicon()
    scales: dict[str, int] = lex["scales"]
    words: dict[str, float] = lex["number_words"]
    s = " ".join(text.lower().replace("-", " ").split())
    m = _DIGITS.match(s)
    if m:
        n = float(m.group(1).replace(",", ""))
        unit = m.group(2)
        if unit is None:
            return n
        return n * scales[unit] if unit in scales else None
    s = s.replace("half a", "half_a").replace("a dozen", "dozen")
    total, current, seen = 0.0, 0.0, False
    for w in s.split():
        if w == "half_a":
            current += 0.5
        elif w in scales and w not in ("m", "bn", "mn"):
            scale = scales[w]
            current = (current or 1.0) * scale
            if scale >= 1000:
                total += current
                current = 0.0
        elif w in words and w != "a":
            current += words[w]
        elif w == "a":
            current += 1.0
        elif w == "and":
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


def _int_text(n: float) -> str:
    return str(round(n))


def read_quantity(text: str) -> Value | None:
    """Read a figure such as "around ten million", "between 2,000 and 4,000", "fewer than 500"."""
    prefix, vague_re, rng = _number_res()
    s = " ".join(text.lower().split())
    mark = ""
    m = prefix.match(s)
    if m:
        key = " ".join(m.group(0).split())
        mark = lexicon()["approximators"][key]
        s = s[m.end() :]
    v = vague_re.match(s)
    if v:
        lo, hi = lexicon()["vague_quantities"][" ".join(s.split())]
        return Value(f"{lo}-{hi}~", "range")
    n = parse_number(s)
    if n is None:
        r = rng.match(s)
        if not r:
            return None
        a_txt, b_txt = (g for g in r.groups() if g is not None)
        a, b = parse_number(a_txt), parse_number(b_txt)
        if a is None or b is None:
            return None
        scale = _trailing_scale(b_txt)
        if scale and _trailing_scale(a_txt) == 0 and a * scale <= b:
            a *= scale  # "between 2 and 3 million"
        if a >= b:
            return None
        tail = "~" if mark == "~" else ""
        return Value(f"{_int_text(a)}-{_int_text(b)}{tail}", "range")
    if n <= 0:
        return None
    if mark in (">", ">=", "<", "<="):
        return Value(f"{mark}{_int_text(n)}", "int")
    return Value(_int_text(n) + ("~" if mark == "~" else ""), "int")


def _trailing_scale(text: str) -> int:
    words = _WORD.findall(text.lower())
    scales: dict[str, int] = lexicon()["scales"]
    return scales.get(words[-1], 0) if words else 0


# ----------------------------------------------------------- time values


@cache
def _when_res() -> list[tuple[str, re.Pattern[str]]]:
    lex = lexicon()
    month = alternation(list(lex["months"]))
    wday = alternation(list(lex["weekdays"]))
    d = r"(\d{1,2})(?:st|nd|rd|th)?"
    y = r"(\d{4})"
    forms = [
        ("dmy", rf"{d}\s+({month})\.?,?\s+(?:of\s+)?{y}"),
        ("mdy", rf"({month})\.?\s+{d},?\s+{y}"),
        ("my", rf"({month})\.?,?\s+(?:of\s+)?{y}"),
        ("decade", r"(\d{3}0)['’]?s"),
        ("y", y),
        ("dm", rf"{d}\s+(?:of\s+)?({month})"),
        ("md", rf"({month})\.?\s+{d}"),
        ("m", rf"({month})"),
        ("wd", rf"(?:last\s+)?({wday})"),
        ("rel", r"(last|this|next)\s+(month|year|week)"),
        ("day", r"(yesterday|today)"),
    ]
    return [(k, re.compile(rf"^(?:(?:early|late|mid)[\s-]+|the\s+)*{p}$")) for k, p in forms]


def _valid(y: int, m: int = 1, d: int = 1) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def read_when(text: str, published: date | None = None) -> Value | None:
    """Read "1992", "March 2018", "14 March 1957", "the 1990s", "June", "last month"."""
    s = " ".join(text.lower().split())
    months: dict[str, int] = lexicon()["months"]
    for kind, rx in _when_res():
        m = rx.match(s)
        if not m:
            continue
        g = m.groups()
        if kind == "y":
            year = int(g[0])
            return Value(str(year), "year", "year") if 1000 <= year <= 2100 else None
        if kind == "decade":
            return Value(f"{g[0]}s", "year", "decade")
        if kind in ("dmy", "mdy", "my"):
            if kind == "dmy":
                day, mon, year = int(g[0]), months[g[1]], int(g[2])
            elif kind == "mdy":
                mon, day, year = months[g[0]], int(g[1]), int(g[2])
            else:
                mon, day, year = months[g[0]], 0, int(g[1])
            if day and _valid(year, mon, day):
                return Value(f"{year:04d}-{mon:02d}-{day:02d}", "date", "day")
            return Value(f"{year:04d}-{mon:02d}", "date", "month") if not day else None
        if published is None:
            return None  # relative to a publication date we do not have
        return _relative(kind, g, published, months)
    return None


def _relative(
    kind: str, g: tuple[str | Any, ...], pub: date, months: dict[str, int]
) -> Value | None:
    if kind in ("dm", "md"):
        day, mon = (int(g[0]), months[g[1]]) if kind == "dm" else (int(g[1]), months[g[0]])
        year = pub.year if (mon, day) <= (pub.month, pub.day) else pub.year - 1
        return (
            Value(f"{year:04d}-{mon:02d}-{day:02d}", "date", "day")
            if _valid(year, mon, day)
            else None
        )
    if kind == "m":
        mon = months[g[0]]
        year = pub.year if mon <= pub.month else pub.year - 1
        return Value(f"{year:04d}-{mon:02d}", "date", "month")
    if kind == "wd":
        wd: int = lexicon()["weekdays"][g[0]]
        back = (pub.weekday() - wd) % 7
        return Value((pub - timedelta(days=back)).isoformat(), "date", "day")
    if kind == "day":
        d = pub - timedelta(days=1) if g[0] == "yesterday" else pub
        return Value(d.isoformat(), "date", "day")
    step = {"last": -1, "this": 0, "next": 1}[g[0]]
    if g[1] == "year":
        return Value(str(pub.year + step), "year", "year")
    if g[1] == "month":
        k = pub.year * 12 + pub.month - 1 + step
        return Value(f"{k // 12:04d}-{k % 12 + 1:02d}", "date", "month")
    return None


_DURATION = re.compile(
    r"^(?:(?P<mark>[a-z]+(?:\s+[a-z]+)?)\s+)?(?P<n>.+?)\s+(?P<unit>years?|decades?)$"
)


def read_duration_start(text: str, published: date | None) -> Value | None:
    """Start year implied by a duration: "for nearly three decades" in 2023 → ">=1993"."""
    if published is None:
        return None
    s = " ".join(text.lower().split())
    m = _DURATION.match(s)
    if not m:
        return None
    approx: dict[str, str] = lexicon()["approximators"]
    mark_txt, n_txt = m.group("mark") or "", m.group("n")
    mark = approx.get(mark_txt, "")
    if mark_txt and not mark:
        n_txt = f"{mark_txt} {n_txt}"  # "two decades" has no mark; "a decade" either
    n = parse_number(n_txt)
    if n is None or n <= 0:
        return None
    years = n * (10 if m.group("unit").startswith("decade") else 1)
    start = round(published.year - years)
    if mark in (">", ">="):
        return Value(f"<={start}", "year", "year")
    if mark in ("<", "<="):
        return Value(f">={start}", "year", "year")
    return Value(f"{start}~", "year", "year")


_TERM = re.compile(
    r"^(?:from\s+|between\s+)?(.+?)\s*(?:\bto\b|\band\b|\buntil\b|\btill\b|-|–|—)\s*(.+)$"
)


def read_term(text: str) -> Value | None:
    """A period an office was held: "from 2009 to 2014", "between March 2011 and 2014",
    "2009-2014" → ``"2009/2014"`` (each end a normalised point in time)."""
    m = _TERM.match(" ".join(text.lower().split()))
    if not m:
        return None
    start, end = read_when(m.group(1)), read_when(m.group(2))
    if start is None or end is None:
        return None
    lo, hi = when_interval(start.text), when_interval(end.text)
    if lo is None or hi is None or lo.lo > hi.hi:
        return None
    return Value(f"{start.text}/{end.text}", "term", start.granularity)


def term_intervals(value: str) -> tuple[Interval, Interval] | None:
    """The start and end a normalised term allows."""
    start, _, end = value.partition("/")
    lo, hi = when_interval(start), when_interval(end)
    return (lo, hi) if lo is not None and hi is not None else None


def read_age(text: str) -> Value | None:
    s = text.strip()
    if not s.isdigit():
        return None
    n = int(s)
    return Value(str(n), "int") if 0 < n < 120 else None


# ----------------------------------------------------------- comparison


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval of what a value allows (``lo``/``hi`` may be infinite)."""

    lo: float
    hi: float

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def widened(self, amount: float) -> Interval:
        return Interval(self.lo - amount, self.hi + amount)


_QTY = re.compile(r"^(>=|<=|>|<)?(\d+)(?:-(\d+))?(~)?$")


def _rounding(n: int) -> float:
    """Half the unit of the last non-zero digit, capped at 5 % of the figure."""
    if n == 0:
        return 0.5
    tz = len(str(n)) - len(str(n).rstrip("0"))
    half_unit: float = 10.0**tz / 2
    return min(half_unit, ROUNDING_CAP * n)


def quantity_interval(value: str) -> Interval | None:
    """The interval a normalised quantity allows; ``None`` when it is not one."""
    m = _QTY.match(value.strip())
    if not m:
        return None
    bound, a_txt, b_txt, approx = m.groups()
    a = int(a_txt)
    if bound in (">", ">="):
        return Interval(float(a), math.inf)
    if bound in ("<", "<="):
        return Interval(0.0, float(a))
    if b_txt is not None:
        b = int(b_txt)
        if approx:
            return Interval(a * (1 - APPROX_TOLERANCE), b * (1 + APPROX_TOLERANCE))
        return Interval(float(a), float(b))
    r = _rounding(a)
    if approx:
        r = max(r, APPROX_TOLERANCE * a)
    return Interval(a - r, a + r)


def quantity_point(value: str) -> float | None:
    """One representative figure of a normalised quantity: the number, a bound, a range's middle."""
    m = _QTY.match(value.strip())
    if not m:
        return None
    a = float(m.group(2))
    return (a + float(m.group(3))) / 2 if m.group(3) else a


_WHEN = re.compile(r"^(>=|<=)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(s|~)?$")


def _month_end(y: int, m: int) -> date:
    return date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)


def when_interval(value: str) -> Interval | None:
    """Day ordinals a normalised point in time allows; ``None`` when it is not one."""
    m = _WHEN.match(value.strip())
    if not m:
        return None
    bound, y_txt, mo_txt, d_txt, tail = m.groups()
    y = int(y_txt)
    try:
        if d_txt:
            lo = hi = date(y, int(mo_txt), int(d_txt))
        elif mo_txt:
            lo, hi = date(y, int(mo_txt), 1), _month_end(y, int(mo_txt))
        elif tail == "s":
            lo, hi = date(y, 1, 1), date(y + 9, 12, 31)
        elif tail == "~":
            lo, hi = date(y - APPROX_YEARS, 1, 1), date(y + APPROX_YEARS, 12, 31)
        else:
            lo, hi = date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None
    if bound == "<=":
        return Interval(-math.inf, float(hi.toordinal()))
    if bound == ">=":
        return Interval(float(lo.toordinal()), math.inf)
    return Interval(float(lo.toordinal()), float(hi.toordinal()))


def _years_before(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year - n)
    except ValueError:  # 29 February
        return d.replace(year=d.year - n, day=28)


def birth_interval(age: str, ref: date) -> Interval | None:
    """Birth dates (day ordinals) that make someone ``age`` years old on ``ref``."""
    if not age.isdigit():
        return None
    n = int(age)
    hi = _years_before(ref, n)
    lo = _years_before(ref, n + 1) + timedelta(days=1)
    return Interval(float(lo.toordinal()), float(hi.toordinal()))


def parse_date(text: str | None) -> date | None:
    """An ISO ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY``) date, or ``None``."""
    if not text:
        return None
    parts = text.strip().split("-")
    try:
        nums = [int(p) for p in parts[:3]]
    except ValueError:
        return None
    while len(nums) < 3:
        nums.append(1)
    return _valid(*nums)
