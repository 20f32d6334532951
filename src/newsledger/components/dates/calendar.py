"""Calendar arithmetic on TIMEX3 values: formatting, shifting, year choice.

Values keep the granularity the text gives: ``2019`` (year), ``2024-03``
(month), ``2024-03-25`` (day), ``2024-W12`` (week), ``2024-Q1`` (quarter),
``2024-H2`` (half), ``2024-SP`` (season), ``199`` (decade), ``19`` (century).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# how much farther a past / future date seems, by tense of the governing verb:
# news reports the past more than it announces, so with no tense the future
# date must be clearly nearer; a tense is a strong preference, not a rule
TENSE_WEIGHTS = {
    "": (1.0, 1.5),
    "present": (1.0, 1.5),
    "past": (1.0, 20.0),
    "perfect": (1.0, 4.0),
    "future": (4.0, 1.0),
    "ahead": (1.5, 1.0),
}

_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?|-Q(?P<q>[1-4])|-W(?P<w>\d{2})(?P<we>-WE)?"
    r"|-H(?P<h>[12])|-(?P<s>SP|SU|FA|WI))?(?:T.*)?$"
)


def day(d: date) -> str:
    return d.isoformat()


def month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def year(y: int) -> str:
    return f"{y:04d}"


def week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def weekend(d: date) -> str:
    """The weekend of the ISO week holding ``d``."""
    return week(d) + "-WE"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def add_quarters(y: int, q: int, k: int) -> tuple[int, int]:
    idx = y * 4 + (q - 1) + k
    return idx // 4, idx % 4 + 1


def safe_date(y: int, m: int, d: int) -> date | None:
    if not (1 <= m <= 12) or not (1 <= d <= calendar.monthrange(y, m)[1]) or not 1 <= y <= 9999:
        return None
    return date(y, m, d)


def shift_date(d: date, n: int, unit: str) -> date | None:
    """``d`` moved by ``n`` units (Y, M, W, D, Q); the day is clipped to the month."""
    try:
        if unit == "D":
            return d + timedelta(days=n)
        if unit == "W":
            return d + timedelta(weeks=n)
        months = {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200}.get(unit)
        if months is None:
            return None
        y, m = add_months(d.year, d.month, n * months)
        if not 1 <= y <= 9999:
            return None
        return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
    except OverflowError:
        return None


def at_granularity(d: date, unit: str) -> tuple[str, str] | None:
    """(value, granularity) of the calendar unit holding ``d``."""
    if unit == "D":
        return day(d), "day"
    if unit == "W":
        return week(d), "week"
    if unit == "M":
        return month(d.year, d.month), "month"
    if unit == "Q":
        return f"{d.year:04d}-Q{quarter_of(d)}", "quarter"
    if unit == "Y":
        return year(d.year), "year"
    if unit == "E":
        return f"{d.year // 10:03d}", "decade"
    if unit == "C":
        return f"{d.year // 100:02d}", "century"
    if unit == "WE":
        return weekend(d), "weekend"
    return None


def granularity(value: str) -> str:
    """Granularity of a TIMEX3 date value (``unknown`` when not a plain date)."""
    m = _VALUE.match(value)
    if m is None:
        if re.fullmatch(r"\d{3}", value):
            return "decade"
        if re.fullmatch(r"\d{2}", value):
            return "century"
        return "unknown"
    if "T" in value:
        return "time"
    for key, gran in (
        ("d", "day"),
        ("we", "weekend"),
        ("m", "month"),
        ("q", "quarter"),
        ("w", "week"),
        ("h", "half"),
        ("s", "season"),
    ):
        if m.group(key):
            return gran
    return "year"


def shift_value(value: str, n: int, unit: str) -> str | None:
    """A value moved by ``n`` units, keeping its granularity when it is as fine as
    the unit or finer (``1989-Q3`` minus a year is ``1988-Q3``); None otherwise."""
    m = _VALUE.match(value)
    if m is None or "T" in value:
        return None
    y = int(m.group("y"))
    years = {"Y": 1, "E": 10, "C": 100}.get(unit)
    if m.group("d"):
        d = safe_date(y, int(m.group("m")), int(m.group("d")))
        moved = shift_date(d, n, unit) if d else None
        return day(moved) if moved else None
    if m.group("m"):
        if unit in ("M", "Q") or years:
            k = n * (3 if unit == "Q" else 1) if unit in ("M", "Q") else n * 12 * (years or 1)
            return month(*add_months(y, int(m.group("m")), k))
        return None
    if m.group("q"):
        if unit == "Q":
            yy, qq = add_quarters(y, int(m.group("q")), n)
        elif years:
            yy, qq = y + n * years, int(m.group("q"))
        else:
            return None
        return f"{yy:04d}-Q{qq}"
    if m.group("w"):
        if unit != "W" and not years:
            return None
        try:
            monday = date.fromisocalendar(y, int(m.group("w")), 1)
        except ValueError:
            return None
        moved = monday + timedelta(weeks=n) if unit == "W" else shift_date(monday, n, unit)
        return (week(moved) + (m.group("we") or "")) if moved else None
    if m.group("h") or m.group("s"):
        if not years:
            return None
        tail = value[4:]
        return f"{y + n * years:04d}{tail}"
    if years:
        return year(y + n * years)
    return None


def nearest_year(dct: date, make: tuple[int, int], tense: str) -> int | None:
    """The year for a month (and day) given without one: the one nearest the
    publication date, with the tense as a strong preference ("past": before it,
    "future" or "ahead": after it) and a mild one for the past otherwise.

    ``make`` is (month, day), day 0 for a whole month.
    """
    past_w, future_w = TENSE_WEIGHTS.get(tense, TENSE_WEIGHTS[""])
    best: float | None = None
    chosen: int | None = None
    for y in (dct.year - 1, dct.year, dct.year + 1):
        if make[1]:
            d = safe_date(y, make[0], make[1])
            if d is None:
                continue
            diff = float((d - dct).days)
        else:  # whole month: distance in months, 0 for the publication month
            diff = 30.0 * ((y * 12 + make[0]) - (dct.year * 12 + dct.month))
        cost = -diff * past_w if diff <= 0 else diff * future_w
        if best is None or cost < best:
            best, chosen = cost, y
    return chosen


def weekday_near(dct: date, wd: int, direction: int) -> date:
    """The day of week ``wd`` (1 = Monday) near ``dct``.

    direction -1: on or before; +1: on or after; -2: strictly before; +2: strictly
    after; 0: the nearest (ties go to the past).
    """
    back = (dct.isoweekday() - wd) % 7
    fwd = (wd - dct.isoweekday()) % 7
    if direction == -1:
        return dct - timedelta(days=back)
    if direction == 1:
        return dct + timedelta(days=fwd)
    if direction == -2:
        return dct - timedelta(days=back or 7)
    if direction == 2:
        return dct + timedelta(days=fwd or 7)
    return dct - timedelta(days=back) if back <= fwd else dct + timedelta(days=fwd)


def bounds(value: str) -> tuple[date, date] | None:
    """First and last day a date value covers (``2024-03`` -> Mar 1 .. Mar 31);
    None for durations, sets, references and values with X."""
    m = _VALUE.match(value)
    if m is None:
        if re.fullmatch(r"\d{3}", value):
            y0 = int(value) * 10
            return date(max(y0, 1), 1, 1), date(y0 + 9, 12, 31)
        if re.fullmatch(r"\d{2}", value):
            y0 = int(value) * 100
            return date(max(y0, 1), 1, 1), date(y0 + 99, 12, 31)
        return None
    y = int(m.group("y"))
    if y < 1:
        return None
    if m.group("d"):
        d = safe_date(y, int(m.group("m")), int(m.group("d")))
        return (d, d) if d else None
    if m.group("m"):
        mm = int(m.group("m"))
        if not 1 <= mm <= 12:
            return None
        return date(y, mm, 1), date(y, mm, calendar.monthrange(y, mm)[1])
    if m.group("q"):
        q = int(m.group("q"))
        last = q * 3
        return date(y, last - 2, 1), date(y, last, calendar.monthrange(y, last)[1])
    if m.group("w"):
        try:
            monday = date.fromisocalendar(y, int(m.group("w")), 1)
        except ValueError:
            return None
        end = monday + timedelta(days=6)
        return (monday + timedelta(days=5), end) if value.endswith("-WE") else (monday, end)
    if m.group("h"):
        return (
            (date(y, 1, 1), date(y, 6, 30))
            if m.group("h") == "1"
            else (date(y, 7, 1), date(y, 12, 31))
        )
    if m.group("s"):
        start = SEASON_START[m.group("s")]
        first = date(y, start, 1)
        ly, lm = add_months(y, start, 2)
        return first, date(ly, lm, calendar.monthrange(ly, lm)[1])
    return date(y, 1, 1), date(y, 12, 31)


def sort_key(value: str | None) -> tuple[int, int, int]:
    """Order of date values on a timeline: by first day, then finer first."""
    b = bounds(value) if value else None
    if b is None:
        return (1, 0, 0)
    return (0, b[0].toordinal(), (b[1] - b[0]).days)


def season_year(dct: date, code: str, off: int) -> int:
    """Year of season ``code`` relative to ``dct``: -1 the last one that ended
    before the current season, +1 the next one after it, 0 the one of this year
    (winter months January and February belong to the winter begun the year before)."""
    start = SEASON_START[code]
    idx = dct.year * 12 + dct.month - 1
    cur = max(
        y * 12 + m - 1
        for y in (dct.year - 1, dct.year)
        for m in SEASON_START.values()
        if y * 12 + m - 1 <= idx
    )
    if off < 0:
        y = dct.year
        while y * 12 + start - 1 >= cur:
            y -= 1
        return y
    if off > 0:
        y = dct.year - 1
        while y * 12 + start - 1 <= cur:
            y += 1
        return y
    return dct.year


def truncate(value: str, unit: str) -> str | None:
    """A day, week or month value cut to a coarser unit (``1996-05-22``, Y -> ``1996``)."""
    m = _VALUE.match(value)
    if m is None:
        return None
    if unit == "Y":
        return value[:4]
    if unit == "M" and m.group("m"):
        return value[:7]
    if unit == "Q" and m.group("m"):
        return f"{value[:4]}-Q{(int(m.group('m')) - 1) // 3 + 1}"
    if unit == "W" and m.group("d"):
        d = safe_date(int(value[:4]), int(m.group("m")), int(m.group("d")))
        return week(d) if d else None
    if (
        unit in ("D", "W", "M", "Q")
        and granularity(value) == {"D": "day", "W": "week", "M": "month", "Q": "quarter"}[unit]
    ):
        return value
    return None


def within(value: str | None, lo: date | None, hi: date | None) -> bool:
    """Does a date value overlap ``[lo, hi]`` (open ends when None)?  Values
    without bounds (durations, references) never do."""
    b = bounds(value) if value else None
    if b is None:
        return False
    return (lo is None or b[1] >= lo) and (hi is None or b[0] <= hi)
