"""Calendar arithmetic, publication-date inference, the pattern grammar's
dispatch, and a property test: any text, no crash, valid spans."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from newsledger.components.dates import calendar as cal
from newsledger.components.dates import timex
from newsledger.components.dates.stage import find_dates, infer_published

# ------------------------------------------------------------- calendar math


def test_shift_value_keeps_granularity() -> None:
    assert cal.shift_value("1989-Q3", -1, "Y") == "1988-Q3"
    assert cal.shift_value("2024-03-31", -1, "M") == "2024-02-29"
    assert cal.shift_value("2024-03", 2, "M") == "2024-05"
    assert cal.shift_value("2024-W01", -1, "W") == "2023-W52"
    assert cal.shift_value("2024", 1, "M") is None  # coarser than the unit
    assert cal.shift_value("PRESENT_REF", 1, "Y") is None


def test_granularity_and_bounds() -> None:
    assert cal.granularity("2024-03-25") == "day"
    assert cal.granularity("2024-W12-WE") == "weekend"
    assert cal.granularity("199") == "decade"
    assert cal.granularity("2024-03-25TEV") == "time"
    assert cal.bounds("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert cal.bounds("2024-Q2") == (date(2024, 4, 1), date(2024, 6, 30))
    assert cal.bounds("199") == (date(1990, 1, 1), date(1999, 12, 31))
    assert cal.bounds("2024-W12-WE") == (date(2024, 3, 23), date(2024, 3, 24))
    assert cal.bounds("P1Y") is None


def test_sort_key_orders_a_timeline() -> None:
    values = ["2024-03-25", "2024", "PAST_REF", "2019-07", "2024-03"]
    assert sorted(values, key=cal.sort_key) == [
        "2019-07",
        "2024",
        "2024-03",
        "2024-03-25",
        "PAST_REF",
    ]


def test_within_filters_a_timeline() -> None:
    assert cal.within("2024-03", date(2024, 3, 31), None)
    assert not cal.within("2024-03", date(2024, 4, 1), None)
    assert cal.within("199", None, date(1990, 1, 1))
    assert not cal.within("P1Y", None, None)


def test_weekday_near() -> None:
    tue = date(2024, 3, 26)
    assert cal.weekday_near(tue, 5, -1) == date(2024, 3, 22)
    assert cal.weekday_near(tue, 5, 1) == date(2024, 3, 29)
    assert cal.weekday_near(tue, 2, -1) == tue
    assert cal.weekday_near(tue, 2, -2) == date(2024, 3, 19)
    assert cal.weekday_near(tue, 1, 0) == date(2024, 3, 25)


def test_nearest_year_follows_tense() -> None:
    pub = date(2024, 3, 26)
    assert cal.nearest_year(pub, (6, 5), "") == 2024
    assert cal.nearest_year(pub, (6, 5), "past") == 2023
    assert cal.nearest_year(pub, (1, 10), "future") == 2025
    assert cal.nearest_year(pub, (2, 30), "") is None


def test_season_year() -> None:
    assert cal.season_year(date(1998, 2, 6), "FA", -1) == 1997
    assert cal.season_year(date(2024, 3, 26), "SU", 1) == 2024
    assert cal.season_year(date(2024, 10, 1), "SU", -1) == 2024


# ---------------------------------------------------- publication date


def test_infer_published_from_a_full_date_with_weekday() -> None:
    assert infer_published("The summit opened on Monday, March 25, 2019.") == "2019-03-25"
    # a weekday that does not fit the date pins nothing
    assert infer_published("The summit opened on Tuesday, March 25, 2019.") is None


def test_infer_published_weekday_and_year_clue() -> None:
    text = "The summit opened on Monday March 25. A decision is expected in 2024."
    assert infer_published(text, not_after=date(2026, 1, 1)) == "2024-03-25"


def test_infer_published_refuses_to_guess() -> None:
    assert infer_published("The summit opened on Monday March 25.") is None  # no year at all
    # 2019 and 2024 both have a Monday March 25 after the clue: ambiguous
    text = "In 2019 a revolt broke out. On Monday March 25, the president spoke."
    assert infer_published(text, not_after=date(2026, 1, 1)) is None
    assert infer_published("Nothing dated here.") is None
    assert infer_published("Last month, the president resigned.") is None


def test_infer_published_with_a_caller_bound() -> None:
    text = "On Monday March 25, the president spoke."
    got = infer_published(text, not_after=date(2026, 1, 1), not_before=date(2022, 1, 1))
    assert got == "2024-03-25"


# ------------------------------------------------------------ grammar


def test_every_rule_is_reachable_from_its_first_words() -> None:
    lex = timex.lexicon()
    for rule in lex.rules:
        assert any(rule in rules for rules in lex.dispatch.values()), rule.name


def test_dispatch_finds_what_trying_every_rule_everywhere_finds() -> None:
    text = (
        "In early 1990, more than two thousand years after Christmas, the 1990s began; "
        "on Monday, March 25, 2024 at 10 p.m. EST, and the past 20 years, a year-ago "
        "quarter, the third quarter of 2023, last Friday's vote, every Monday, 'the '90s'."
    )
    found = {(h.start, h.end) for h in timex.scan(text, lambda h: True)}
    # brute force: every rule at every word start
    brute = set()
    pos = 0
    for k in range(len(text)):
        if k < pos or not text[k].strip() or (k and (text[k - 1].isalnum() or text[k - 1] in "'’")):
            continue
        hits = timex.candidates(text, k)
        if hits:
            brute.add((hits[0].start, hits[0].end))
            pos = hits[0].end
    assert found == brute


def test_parse_number() -> None:
    assert timex.parse_number("twenty four") == 24
    assert timex.parse_number("2 1/2") == 2.5
    assert timex.parse_number("two and a half") == 2.5
    assert timex.parse_number("a few") == "X"
    assert timex.parse_number("a hundred") == 100
    assert timex.parse_spelled_year("nineteen ninety-six") == 1996
    assert timex.parse_spelled_year("two thousand and one") == 2001


# ------------------------------------------------------------ properties

WORDS = [
    "on", "in", "the", "last", "next", "Friday", "March", "May", "25", "2019", "1990s",
    "'90s", "ago", "two", "years", "a", "week", "quarter", "third", "p.m.", "10", ":",
    "30", ",", ".", "-", "early", "since", "every", "now", "yesterday", "of", "half",
    "fall", "spring", "Q3", "12/31/2020", "2024-03-25", "century", "20th", "nineteen",
    "ninety-six", "o'clock", "Christmas", "year-ago", "fiscal", "’s", "\n", "İ", "ﬁ",
]  # fmt: skip


@given(
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=40),
    st.sampled_from([None, "2024-03-26", "1989-10-30", "2000-02-29", "not a date"]),
)
def test_any_text_gives_valid_spans(parts: list[str], published: str | None) -> None:
    text = " ".join(parts)
    refs = find_dates(text, published)
    last_end = -1
    for r in refs:
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start : r.end] == r.text
        assert r.start >= last_end  # in order, no overlap
        last_end = r.end
        assert r.type in ("DATE", "TIME", "DURATION", "SET")
        if not r.anchored:
            assert r.value is None or r.value.startswith("XXXX")
