"""The dates stage: temporal expressions normalised against the publication date.

:func:`find_dates` finds DATE, TIME, DURATION and SET expressions with the
pattern grammar of :mod:`newsledger.timex` and normalises them with
:mod:`newsledger.date_rules` / :mod:`newsledger.date_relative`: "In 2019" is
``2019``, "Monday March 25" is ``2024-03-25``, "last month" ``2024-02``, "the
1990s" ``199``.  Relative expressions count from ``Document.published``; when it
is unknown they get value None and ``anchored`` False.  Each sentence gets the
date it refers to (:func:`sentence_dates`), and :func:`infer_published` finds a
publication date only when the text pins one.
"""

from __future__ import annotations

import re
from datetime import date

from . import calendar_math as cal
from . import date_relative as rel
from . import date_rules as absolute
from .date_rules import Handler, Norm
from .model import Analysis, Annotated, DateRef, Quote
from .stage import Stage
from .timectx import TimeContext
from .timex import Hit, scan

HANDLERS: dict[str, Handler] = {
    "ymd": absolute.ymd,
    "slash": absolute.slash,
    "mdy": absolute.mdy,
    "month": absolute.month,
    "year": absolute.year,
    "decade": absolute.decade,
    "century": absolute.century,
    "quarter": absolute.quarter,
    "half": absolute.half,
    "season": absolute.season,
    "weekday": rel.weekday,
    "deictic": rel.deictic,
    "daypart": rel.daypart,
    "clock": rel.clock,
    "shift": rel.shift,
    "yearago": rel.yearago,
    "rel_unit": rel.rel_unit,
    "anaphor": rel.anaphor,
    "duration": rel.duration,
    "set": rel.set_every,
    "setword": rel.set_word,
    "ref": rel.ref,
    "yearend": rel.year_end,
    "yearperiod": rel.year_period,
}

NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "NORP", "GPE", "LOC"})

# how precise a sentence's date is: the finest wins (then the first)
_RANK = {"day": 0, "time": 0, "weekend": 1, "week": 1, "month": 2, "quarter": 3, "season": 3}
_RANK.update({"half": 3, "year": 4, "decade": 5, "century": 6})
_CONCRETE = re.compile(r"^\d{2,4}(?:-(?:\d{2}|Q[1-4]|W\d{2}|H[12]|SP|SU|FA|WI))*(?:-WE)?(?:T|$)")
_GLUE_TIME_DATE = re.compile(r"\s*,?\s*(?:on\s+|of\s+)?")
_GLUE_DATE_TIME = re.compile(r"\s*,?\s*")


def parse_published(published: str | None) -> date | None:
    """The publication date from an ISO string (a time part is ignored)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _merge_time(refs: list[DateRef], text: str) -> list[DateRef]:
    """Join a clock time and the day next to it: "10 p.m. Wednesday"."""
    out: list[DateRef] = []
    for r in refs:
        prev = out[-1] if out else None
        if prev is not None and prev.value and r.value:
            gap = text[prev.end : r.start]
            clock, day = None, None
            if prev.granularity == "time" and r.granularity == "day":
                if _GLUE_TIME_DATE.fullmatch(gap) and "T" in prev.value and prev.value[10:11] == "T":
                    clock, day = prev, r
            elif prev.granularity == "day" and r.granularity == "time":
                if _GLUE_DATE_TIME.fullmatch(gap) and r.value[10:11] == "T" and ":" in r.value:
                    clock, day = r, prev
            if (
                prev.granularity == "day"
                and r.granularity == "day"
                and prev.value == r.value
                and _GLUE_DATE_TIME.fullmatch(gap)
            ):  # "this coming Sunday, March 8"
                out[-1] = DateRef(prev.start, r.end, text[prev.start : r.end], r.value, "day",
                                  prev.type, prev.anchored and r.anchored)  # fmt: skip
                continue
            if clock is not None and day is not None and clock.value and day.value:
                value = day.value + clock.value[10:]
                out[-1] = DateRef(
                    prev.start, r.end, text[prev.start : r.end], value, "time", "TIME",
                    day.anchored and clock.anchored,
                )  # fmt: skip
                continue
        out.append(r)
    return out


def find_dates(
    text: str, published: str | None = None, annotated: Annotated | None = None
) -> list[DateRef]:
    """Every temporal expression of ``text``, in order, normalised.

    ``annotated`` (spaCy output for the same text) adds tense and entity cues;
    without it the rules use the words alone.
    """
    ctx = TimeContext(text, parse_published(published), annotated)
    last: list[Norm] = []

    def judge(hit: Hit) -> bool:
        if hit.end + 1 < len(text) and text[hit.end] == "-" and text[hit.end + 1].isalpha():
            return False  # part of a longer compound: "quarter-to-quarter"
        if ctx.ent(hit.start, hit.end) in NAME_LABELS:
            return False  # "This Week" (a programme), "April Ryan"
        norm = HANDLERS[hit.rule.handler](hit, ctx)
        if norm is None:
            return False
        last.append(norm)
        ctx.remember(hit.start, norm.value, norm.granularity, norm.derived)
        return True

    refs: list[DateRef] = []
    for hit in scan(text, judge):
        norm = last[-1]
        refs.append(
            DateRef(
                hit.start,
                hit.end,
                text[hit.start : hit.end],
                norm.value,
                norm.granularity,
                norm.type or hit.rule.type,
                norm.anchored,
            )
        )
    return _merge_time(refs, text)


def _best(refs: list[DateRef]) -> str | None:
    best: tuple[int, int] | None = None
    value: str | None = None
    for k, r in enumerate(refs):
        if r.type not in ("DATE", "TIME") or not r.value or not _CONCRETE.match(r.value):
            continue
        key = (_RANK.get(r.granularity, 9), k)
        if best is None or key < best:
            best, value = key, r.value.split("T")[0]
    return value


def sentence_dates(dates: list[DateRef], annotated: Annotated) -> dict[int, str]:
    """Sentence index -> the date value the sentence gives (its finest; the first on ties)."""
    by_sent: dict[int, list[DateRef]] = {}
    for r in dates:
        s = annotated.sentence_of(r.start)
        if s >= 0:
            by_sent.setdefault(s, []).append(r)
    out: dict[int, str] = {}
    for s, refs in by_sent.items():
        v = _best(refs)
        if v is not None:
            out[s] = v
    return out


def span_date(dates: list[DateRef], start: int, end: int) -> str | None:
    """The date value given inside ``[start, end)`` (finest first), e.g. for a quote."""
    return _best([r for r in dates if start <= r.start and r.end <= end])


def quote_date(analysis: Analysis, quote: Quote) -> str | None:
    """The date a quote refers to: one given inside it, else its sentence's date."""
    inside = span_date(analysis.dates, quote.start, quote.end)
    if inside is not None:
        return inside
    anchor = quote.cue.start if quote.cue is not None else quote.start
    return analysis.sentence_dates.get(analysis.annotated.sentence_of(anchor))


def run(a: Analysis) -> None:
    a.dates = find_dates(a.text, a.doc.published, a.annotated)
    a.sentence_dates = sentence_dates(a.dates, a.annotated)


STAGE = Stage("dates", requires=("annotated",), assigns=("dates", "sentence_dates"), run=run)


# ------------------------------------------------------- publication date


def infer_published(text: str, not_after: date | None = None) -> str | None:
    """A publication date the text pins, as ``YYYY-MM-DD``, or None.

    A weekday with a full date ("Monday, March 25, 2024") pins a day.  A weekday
    with a day and month but no year ("Monday March 25") pins one when exactly
    one year fits it between the latest year the text names and ``not_after``
    (or, when the text names no year, within the year before ``not_after``).
    The article was written on or after the latest pinned day, which is returned.
    Nothing else is guessed: no weekday, no date.
    """
    ctx = TimeContext(text, None, None)
    pinned: list[date] = []
    floating: list[tuple[int, int, int]] = []
    years: list[int] = []

    def judge(hit: Hit) -> bool:
        if hit.end + 1 < len(text) and text[hit.end] == "-" and text[hit.end + 1].isalpha():
            return False  # part of a longer compound: "quarter-to-quarter"
        if ctx.ent(hit.start, hit.end) in NAME_LABELS:
            return False  # "This Week" (a programme), "April Ryan"
        norm = HANDLERS[hit.rule.handler](hit, ctx)
        if norm is None:
            return False
        if norm.value and norm.granularity in ("day", "month", "year") and norm.anchored:
            years.append(int(norm.value[:4]))
        if hit.rule.handler == "mdy" and hit.group("wd"):
            wd = absolute._lookup("WEEKDAY", hit.group("wd") or "")
            m = absolute._month(hit.group("month") or "")
            d = absolute._day_number((hit.group("day") or "").strip())
            if isinstance(wd, int) and m:
                if norm.value and norm.anchored:
                    got = cal.safe_date(int(norm.value[:4]), m, d)
                    if got is not None and got.isoweekday() == wd:
                        pinned.append(got)
                else:
                    floating.append((wd, m, d))
        return True

    for _ in scan(text, judge):
        pass
    if pinned:
        return max(pinned).isoformat()
    if not floating:
        return None
    limit = not_after.year if not_after else None
    past_years = [y for y in years if limit is None or y <= limit]
    if past_years:
        lo = max(past_years)
        hi = limit if limit is not None else lo + 1
    elif limit is not None:
        lo, hi = limit - 1, limit
    else:
        return None
    fits = []
    for y in range(lo, hi + 1):
        days = [cal.safe_date(y, m, d) for wd, m, d in floating]
        if all(dd is not None and dd.isoweekday() == wd for dd, (wd, _, _) in zip(days, floating, strict=True)):
            ok = [dd for dd in days if dd is not None and (not_after is None or dd <= not_after)]
            if len(ok) == len(days):
                fits.append(max(ok))
    return fits[0].isoformat() if len(fits) == 1 else None
