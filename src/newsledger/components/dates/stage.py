"""The dates stage: temporal expressions normalised against the publication date.

:func:`find_dates` finds DATE, TIME, DURATION and SET expressions with the
pattern grammar of :mod:`newsledger.components.dates.timex` and normalises them with
:mod:`newsledger.components.dates.absolute` / :mod:`newsledger.components.dates.relative`: "In 2019" is
``2019``, "Monday March 25" is ``2024-03-25``, "last month" ``2024-02``, "the
1990s" ``199``.  Relative expressions count from ``Document.published``; when it
is unknown they get value None and ``anchored`` False.  Each sentence gets the
date it refers to (:func:`sentence_dates`), and :func:`infer_published` finds a
publication date only when the text pins one.
"""

from __future__ import annotations

import re
from datetime import date

from newsledger.components.dates import absolute
from newsledger.components.dates import calendar as cal
from newsledger.components.dates import relative as rel
from newsledger.components.dates.absolute import Handler, Norm
from newsledger.components.dates.context import TimeContext
from newsledger.components.dates.timex import Hit, scan
from newsledger.core.model import Analysis, Annotated, DateRef, Quote
from newsledger.core.stage import Stage

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
    "holiday": absolute.holiday,
    "yearperiod": rel.year_period,
}

NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "NORP", "GPE", "LOC"})

TITLE_WORDS = frozenset({"rel_unit", "anaphor", "ref", "deictic", "daypart"})


def _title_in_sentence(text: str, start: int, end: int, single: bool) -> bool:
    """Capitalised words inside a sentence ("This Week With Anna Berg", with
    ``single`` also "Radio 4's Today programme"): a title, not a date."""
    words = text[start:end].split()
    if len(words) < (1 if single else 2) or not all(w[:1].isupper() for w in words):
        return False
    j = start - 1
    while j >= 0 and text[j] in " \t\"“‘'`(":
        j -= 1
    return j >= 0 and text[j] not in ".!?\n:;"


# how precise a sentence's date is: the finest wins (then the first)
_RANK = {"day": 0, "time": 0, "weekend": 1, "week": 1, "month": 2, "quarter": 3, "season": 3}
_RANK.update({"half": 3, "year": 4, "decade": 5, "century": 6})
_CONCRETE = re.compile(r"^\d{2,4}(?:-(?:\d{2}|Q[1-4]|W\d{2}|H[12]|SP|SU|FA|WI))*(?:-WE)?(?:T|$)")
_GLUE_TIME_DATE = re.compile(r"\s*,?\s*(?:on\s+|of\s+)?")
_GLUE_DATE_TIME = re.compile(r"\s*,?\s*")
_CLOCK = re.compile(r"^(?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX)T\d{2}:\d{2}$")


def parse_published(published: str | None) -> date | None:
    """The publication date from an ISO string (a time part is ignored)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _joined(prev: DateRef, r: DateRef, text: str) -> DateRef | None:
    """One expression for two neighbours naming one moment ("10 p.m. Wednesday",
    "this coming Sunday, March 8"), or None."""
    if not prev.value or not r.value:
        return None
    gap = text[prev.end : r.start]
    span = (prev.start, r.end, text[prev.start : r.end])
    anchored = prev.anchored and r.anchored
    if prev.granularity == r.granularity == "day" and prev.value == r.value:
        if _GLUE_DATE_TIME.fullmatch(gap):
            return DateRef(*span, r.value, "day", prev.type, anchored)
        return None
    clock, day = (prev, r) if prev.granularity == "time" else (r, prev)
    glue = _GLUE_TIME_DATE if clock is prev else _GLUE_DATE_TIME
    if day.granularity != "day" or clock.granularity != "time" or not glue.fullmatch(gap):
        return None
    if clock.value is None or day.value is None or not _CLOCK.match(clock.value):
        return None
    # the clock lacked only a day: the moment is as anchored as the day it is joined to
    return DateRef(*span, day.value + clock.value[10:], "time", "TIME", day.anchored)


def _merge(refs: list[DateRef], text: str) -> list[DateRef]:
    out: list[DateRef] = []
    for r in refs:
        both = _joined(out[-1], r, text) if out else None
        if both is not None:
            out[-1] = both
        else:
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
            return False  # "April Ryan"
        single = hit.rule.handler in ("deictic", "ref")
        if hit.rule.handler in TITLE_WORDS and _title_in_sentence(text, hit.start, hit.end, single):
            return False  # "This Week With Anna Berg" (a programme)
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
    return _merge(refs, text)


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


_BOUNDARY = re.compile(r"\b(?:since|until|till|ever\s+since)\s+(?:the\s+)?$", re.IGNORECASE)


def sentence_dates(dates: list[DateRef], annotated: Annotated) -> dict[int, str]:
    """Sentence index -> the date value the sentence gives (its finest; the first on ties)."""
    by_sent: dict[int, list[DateRef]] = {}
    text = annotated.doc.text
    for r in dates:
        if _BOUNDARY.search(text[max(0, r.start - 12) : r.start]):
            continue  # "in power since 2011" bounds a state; it is not when the sentence happens
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


def infer_published(
    text: str, not_after: date | None = None, not_before: date | None = None
) -> str | None:
    """A publication date the text pins, as ``YYYY-MM-DD``, or None.

    A weekday with a full date ("Monday, March 25, 2024") pins that day.  A
    weekday with a day and month but no year ("Monday March 25") pins one when
    exactly one year fits it between a lower bound (the latest year the text
    names, or ``not_before``) and ``not_after`` (default: today).  Without any
    lower bound nothing is pinned.  The article was written on or after the
    latest pinned day, which is returned; nothing else is guessed.
    """
    limit = not_after or date.today()
    ctx = TimeContext(text, None, None)
    pinned: list[date] = []
    floating: list[tuple[int, int, int]] = []
    years: list[int] = []

    def judge(hit: Hit) -> bool:
        norm = HANDLERS[hit.rule.handler](hit, ctx)
        if norm is None:
            return False
        if norm.value and norm.anchored and norm.granularity in ("day", "month", "year", "time"):
            years.append(int(norm.value[:4]))
        if hit.rule.handler == "mdy" and hit.group("wd"):
            wd = absolute._lookup("WEEKDAY", hit.group("wd") or "")
            m = absolute._month(hit.group("month") or "")
            d = absolute._day_number((hit.group("day") or "").strip())
            if isinstance(wd, int) and m:
                if norm.value and norm.anchored:
                    got = cal.safe_date(int(norm.value[:4]), m, d)
                    if got is not None and got.isoweekday() == wd and got <= limit:
                        pinned.append(got)
                else:
                    floating.append((wd, m, d))
        return True

    for _ in scan(text, judge):
        pass
    if pinned:
        return max(pinned).isoformat()
    bounds = [y for y in years if y <= limit.year]
    if not_before is not None:
        bounds.append(not_before.year)
    if not floating or not bounds:
        return None
    fits: list[date] = []
    for y in range(max(bounds), limit.year + 1):
        days = [cal.safe_date(y, m, d) for _, m, d in floating]
        if all(
            dd is not None and dd.isoweekday() == wd and dd <= limit
            for dd, (wd, _, _) in zip(days, floating, strict=True)
        ):
            fits.append(max(dd for dd in days if dd is not None))
    return fits[0].isoformat() if len(fits) == 1 else None
