"""Typed claim values: reading figures and dates, and the intervals they allow."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsledger.components.claims.values import (
    birth_interval,
    parse_number,
    quantity_interval,
    quantity_point,
    read_age,
    read_duration_start,
    read_quantity,
    read_term,
    read_when,
    term_intervals,
    when_interval,
)


@pytest.mark.parametrize(
    ("text", "value", "vtype"),
    [
        ("around ten million", "10000000~", "int"),
        ("9.8 million", "9800000", "int"),
        ("between 2,000 and 4,000", "2000-4000", "range"),
        ("2,000 to 4,000", "2000-4000", "range"),
        ("between 2 and 3 million", "2000000-3000000", "range"),
        ("fewer than 500", "<500", "int"),
        ("more than 40,000", ">40000", "int"),
        ("at least 8,000", ">=8000", "int"),
        ("up to 300", "<=300", "int"),
        ("some 12,000", "12000~", "int"),
        ("twenty-five", "25", "int"),
        ("half a million", "500000", "int"),
        ("dozens", "24-99~", "range"),
        ("1.2bn", "1200000000", "int"),
    ],
)
def test_read_quantity(text: str, value: str, vtype: str) -> None:
    v = read_quantity(text)
    assert v is not None
    assert (v.text, v.value_type) == (value, vtype)


@pytest.mark.parametrize("text", ["several", "many people", "4,000 to 2,000", "0", "zebra"])
def test_read_quantity_rejects(text: str) -> None:
    assert read_quantity(text) is None


def test_parse_number_words_and_digits() -> None:
    assert parse_number("three hundred thousand") == 300_000
    assert parse_number("2,500") == 2500
    assert parse_number("ninety-nine") == 99
    assert parse_number("lots") is None


@pytest.mark.parametrize(
    ("text", "value", "gran"),
    [
        ("1992", "1992", "year"),
        ("March 2018", "2018-03", "month"),
        ("14 March 1957", "1957-03-14", "day"),
        ("November 2, 2021", "2021-11-02", "day"),
        ("the 1990s", "1990s", "decade"),
        ("early 2012", "2012", "year"),
    ],
)
def test_read_when_absolute(text: str, value: str, gran: str) -> None:
    v = read_when(text)
    assert v is not None
    assert (v.text, v.granularity) == (value, gran)


def test_read_when_relative_needs_a_publication_date() -> None:
    pub = date(2023, 11, 2)  # a Thursday
    assert read_when("June") is None
    got = {
        t: read_when(t, pub) for t in ("June", "December", "28 September", "Monday", "last month")
    }
    assert {t: v.text for t, v in got.items() if v} == {
        "June": "2023-06",
        "December": "2022-12",  # a past month: last year's
        "28 September": "2023-09-28",
        "Monday": "2023-10-30",
        "last month": "2023-10",
    }


def test_durations_give_a_start_year() -> None:
    pub = date(2022, 6, 1)
    assert read_duration_start("24 years", pub).text == "1998~"  # type: ignore[union-attr]
    assert read_duration_start("more than three decades", pub).text == "<=1992"  # type: ignore[union-attr]
    assert read_duration_start("nearly 20 years", None) is None


def test_read_age() -> None:
    assert read_age("66").text == "66"  # type: ignore[union-attr]
    assert read_age("0") is None
    assert read_age("150") is None


def test_quantity_intervals_tolerate_rounding_and_approximation() -> None:
    approx = quantity_interval("10000000~")
    exact = quantity_interval("9800000")
    assert approx and exact and approx.overlaps(exact)
    assert not approx.overlaps(quantity_interval("8000000"))  # type: ignore[arg-type]
    rng = quantity_interval("2000-4000")
    assert rng and rng.overlaps(quantity_interval("3000"))  # type: ignore[arg-type]
    assert not rng.overlaps(quantity_interval("5000"))  # type: ignore[arg-type]
    low = quantity_interval(">=8000")
    assert low and not low.overlaps(quantity_interval("2000~"))  # type: ignore[arg-type]
    assert quantity_interval("1992-03") is not None  # a range of figures, not a date
    assert quantity_interval("abc") is None
    assert quantity_point("2000-4000") == 3000


def test_when_intervals() -> None:
    y1992, y2012 = when_interval("1992"), when_interval("2012")
    assert y1992 and y2012 and not y1992.overlaps(y2012)
    month, day = when_interval("2021-11"), when_interval("2021-11-02")
    assert month and day and month.overlaps(day)
    assert when_interval("1990s").overlaps(y1992)  # type: ignore[union-attr]
    assert when_interval("<=1993").overlaps(y1992)  # type: ignore[union-attr]
    assert not when_interval(">=1993").overlaps(y1992)  # type: ignore[union-attr]
    assert when_interval("1994~").overlaps(y1992)  # type: ignore[union-attr]
    assert when_interval("2021-02-30") is None


def test_birth_interval_from_an_age() -> None:
    iv = birth_interval("66", date(2023, 4, 12))
    assert iv is not None
    assert date.fromordinal(int(iv.lo)) == date(1956, 4, 13)
    assert date.fromordinal(int(iv.hi)) == date(1957, 4, 12)


@given(st.integers(min_value=1, max_value=10**9), st.booleans())
def test_a_figure_lies_in_its_own_interval(n: int, approx: bool) -> None:
    iv = quantity_interval(f"{n}{'~' if approx else ''}")
    assert iv is not None and iv.lo <= n <= iv.hi
    assert iv.hi - iv.lo <= (0.3 if approx else 0.1) * n + 1


@given(st.integers(min_value=1, max_value=10**7))
def test_digits_read_back(n: int) -> None:
    v = read_quantity(f"{n:,}")
    assert v is not None and v.text == str(n)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("from 2009 to 2014", "2009/2014"),
        ("between 2011 and 2014", "2011/2014"),
        ("2005-2011", "2005/2011"),
        ("from March 2011 until June 2014", "2011-03/2014-06"),
    ],
)
def test_terms_of_office(text: str, value: str) -> None:
    read = read_term(text)
    assert read is not None and read.text == value and read.value_type == "term"


def test_a_term_that_ends_before_it_starts_is_no_term() -> None:
    assert read_term("from 2014 to 2009") is None
    assert read_term("from 2009 to the present") is None


def test_term_intervals_are_the_start_and_the_end() -> None:
    found, month = term_intervals("2009/2014"), term_intervals("2009-05/2014")
    assert found is not None and month is not None
    start, end = found
    assert start.overlaps(month[0])
    assert not start.overlaps(end)
