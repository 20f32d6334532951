"""Temporal expressions: one test group per rule family, without spaCy.

The publication date is Tuesday 2024-03-26 unless a test says otherwise.  These
tests call :func:`newsledger.components.dates.stage.find_dates` on the text alone, so the tense
of the governing verb is unknown (spaCy-dependent cases: test_dates_spacy.py).
"""

from __future__ import annotations

import itertools

import pytest

from newsledger.components.dates.stage import find_dates, sentence_dates, span_date
from newsledger.core.model import Annotated, DateRef, Document, Sentence

PUB = "2024-03-26"  # a Tuesday


def only(text: str, published: str | None = PUB) -> DateRef:
    refs = find_dates(text, published)
    assert len(refs) == 1, refs
    return refs[0]


def value(text: str, published: str | None = PUB) -> str | None:
    return only(text, published).value


# ----------------------------------------------------------------- absolute


@pytest.mark.parametrize(
    ("text", "expected", "gran"),
    [
        ("He was killed on September 9, 2001.", "2001-09-09", "day"),
        ("He was killed on 9 September 2001.", "2001-09-09", "day"),
        ("He was killed on the 9th of September, 2001.", "2001-09-09", "day"),
        ("Filed on 2001-09-09 in Kabul.", "2001-09-09", "day"),
        ("Cyclists were attacked in July 2018 near Danghara.", "2018-07", "month"),
        ("In 2019, a revolt broke out.", "2019", "year"),
        ("He has been in power since 1992.", "1992", "year"),
        ("Prices soared in the 1990s.", "199", "decade"),
        ("Prices soared in the '90s.", "199", "decade"),
        ("It was built in the 20th century.", "19", "century"),
        ("Sales fell in the third quarter of 2023.", "2023-Q3", "quarter"),
        ("Profit rose in the first half of 2023.", "2023-H1", "half"),
        ("The war ended in nineteen ninety-six.", "1996", "year"),
        ("The offensive began in the spring of 2023.", "2023-SP", "season"),
        ("Results are due in fiscal 2025.", "2025", "year"),
    ],
)
def test_absolute(text: str, expected: str, gran: str) -> None:
    ref = only(text)
    assert (ref.value, ref.granularity, ref.type, ref.anchored) == (expected, gran, "DATE", True)
    assert text[ref.start : ref.end] == ref.text


def test_granularity_is_kept() -> None:
    ref = only("In 2019, the court ruled.")
    assert ref.text == "2019" and ref.value == "2019"


def test_absolute_needs_no_publication_date() -> None:
    assert value("in July 2018", None) == "2018-07"
    assert only("in July 2018", None).anchored


# ---------------------------------------------------------- month and day


def test_day_without_year_takes_the_nearest_year() -> None:
    assert value("As early as March 7, the embassy warned.") == "2024-03-07"
    assert value("After the March 22 attack, Washington spoke.") == "2024-03-22"
    assert value("The deal was signed on December 5.") == "2023-12-05"
    assert value("The deal was signed on December 5.", "2024-10-01") == "2024-12-05"


def test_weekday_pins_the_year_of_a_day() -> None:
    ref = only("Putin spoke on Monday March 25 about the attack.")
    assert (ref.text, ref.value) == ("Monday March 25", "2024-03-25")
    # Monday, March 25 is in 2019 and 2024: the one nearest the publication
    assert value("on Monday, March 25", "2019-04-02") == "2019-03-25"


def test_month_alone() -> None:
    assert value("The vote took place in October.", "2024-11-20") == "2024-10"
    assert value("The vote takes place in January.", "2024-11-20") == "2025-01"


def test_ambiguous_month_words_need_context() -> None:
    assert find_dates("May I ask a question?", PUB) == []
    assert find_dates("They march to the square.", PUB) == []
    assert value("The law was passed in May.") == "2024-05"


# ------------------------------------------------------------------- days


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The attack on Friday left 137 dead.", "2024-03-22"),  # no tense known: the past
        ("The attack last Friday left 137 dead.", "2024-03-22"),
        ("The summit opens next Friday.", "2024-03-29"),
        ("The summit ended yesterday.", "2024-03-25"),
        ("The summit opens tomorrow.", "2024-03-27"),
        ("The summit opens today.", "2024-03-26"),
        ("The talks ended three days ago.", "2024-03-23"),
    ],
)
def test_days(text: str, expected: str) -> None:
    ref = only(text)
    assert (ref.value, ref.granularity, ref.type) == (expected, "day", "DATE")


def test_parts_of_day_are_times() -> None:
    ref = only("The minister spoke on Sunday evening.")
    assert (ref.value, ref.type, ref.granularity) == ("2024-03-24TEV", "TIME", "time")
    assert value("He arrived last night.") == "2024-03-25TNI"
    assert value("She left this morning.") == "2024-03-26TMO"


def test_clock_times() -> None:
    ref = only("The polls close at 10 p.m. Wednesday.")
    assert (ref.text, ref.value, ref.type) == ("10 p.m. Wednesday", "2024-03-20T22:00", "TIME")
    assert value("The offer expires at 5 p.m. EST on March 29.") == "2024-03-29T17:00"
    assert value("It happened around 7:15 p.m.") == "2024-03-26T19:15"
    assert value("They met at noon.") == "2024-03-26T12:00"


# --------------------------------------------------------------- relative


@pytest.mark.parametrize(
    ("text", "expected", "gran"),
    [
        ("Last month, the president met him.", "2024-02", "month"),
        ("The report is due next week.", "2024-W14", "week"),
        ("It happened last week.", "2024-W12", "week"),
        ("The company was founded two years ago.", "2022", "year"),
        ("Sales fell earlier this year.", "2024", "year"),
        ("Sales will rise next year.", "2025", "year"),
        ("Sales fell last year.", "2023", "year"),
        ("The law changed five months ago.", "2023-10", "month"),
        ("Sales fell in the last decade.", "201", "decade"),
        ("Profit rose this quarter.", "2024-Q1", "quarter"),
        ("The strike began last spring.", "2023-SP", "season"),
        ("The strike begins this summer.", "2024-SU", "season"),
        ("They met last weekend.", "2024-W12-WE", "weekend"),
    ],
)
def test_relative(text: str, expected: str, gran: str) -> None:
    ref = only(text)
    assert (ref.value, ref.granularity, ref.anchored) == (expected, gran, True)


def test_relative_needs_a_publication_date() -> None:
    for text in ("Last month, he resigned.", "on Monday March 25", "two years ago", "on Friday"):
        ref = only(text, None)
        assert ref.value is None and ref.anchored is False, ref


def test_year_earlier_counts_from_the_quarter_under_discussion() -> None:
    refs = find_dates("Profit rose in the third quarter from $5 million a year earlier.", PUB)
    assert [r.value for r in refs] == ["2023-Q3", "2022-Q3"]


def test_that_year_refers_back() -> None:
    refs = find_dates("The plant opened in 2015. That year, sales doubled.", PUB)
    assert [r.value for r in refs] == ["2015", "2015"]


def test_the_following_day_counts_from_the_last_day_named() -> None:
    refs = find_dates("The fighting began on May 2, 2020, and ended the following day.", PUB)
    assert [r.value for r in refs] == ["2020-05-02", "2020-05-03"]


# ------------------------------------------------------ durations and sets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He ruled for a decade.", "P10Y"),
        ("Prices rose over the past 20 years.", "P20Y"),
        ("The plan runs for 18 months.", "P18M"),
        ("The trial lasted 2 1/2 years.", "P2Y6M"),
        ("He waited half an hour.", "PT30M"),
        ("The talks lasted a few days.", "PXD"),
        ("It signed a 10-year lease.", "P10Y"),
        ("He spoke for more than four hours.", "PT4H"),
        ("The war lasted two and a half years.", "P2Y6M"),
        ("They fought for centuries.", "PXC"),
    ],
)
def test_durations(text: str, expected: str) -> None:
    ref = only(text)
    assert (ref.value, ref.type, ref.granularity) == (expected, "DURATION", "duration")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council meets every week.", "P1W"),
        ("The council meets every Monday.", "XXXX-WXX-1"),
        ("Flights leave on Tuesday nights.", "XXXX-WXX-2TNI"),
        ("The market meets each July.", "XXXX-07"),
        ("Rates are fixed daily.", "XXXX-XX-XX"),
        ("It costs $5 a day.", "P1D"),
    ],
)
def test_sets(text: str, expected: str) -> None:
    ref = only(text)
    assert (ref.value, ref.type) == (expected, "SET")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices are now falling.", "PRESENT_REF"),
        ("He recently resigned.", "PAST_REF"),
        ("Nobody knows what the future holds.", "FUTURE_REF"),
        ("In the past, the border was open.", "PAST_REF"),
    ],
)
def test_references(text: str, expected: str) -> None:
    ref = only(text)
    assert (ref.value, ref.granularity) == (expected, "ref")


# --------------------------------------------------------- not temporal


@pytest.mark.parametrize(
    "text",
    [
        "May I help you?",
        "The army sent 2000 soldiers.",
        "After the fall of Kabul, the city was quiet.",
        "He finished a second time.",
        "Three-quarters of the vote went to him.",
        "Mr. Smith, 52 years old, resigned.",
        "April Ryan asked a question.",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, PUB) == []


# --------------------------------------------------------- sentence time


def _annotated(text: str, cuts: list[int]) -> Annotated:
    bounds = [0, *cuts, len(text)]
    sents = tuple(Sentence(a, b, 0, 0) for a, b in itertools.pairwise(bounds))
    return Annotated(Document(id="t", text=text, published=PUB), (), sents, ())


def test_sentence_dates_take_the_finest_date() -> None:
    text = "In 2019, on May 3, a revolt broke out. Nothing happened. Last month, he left."
    ann = _annotated(text, [text.index("Nothing"), text.index("Last")])
    refs = find_dates(text, PUB)
    assert sentence_dates(refs, ann) == {0: "2019-05-03", 2: "2024-02"}


def test_sentence_dates_ignore_durations_and_references() -> None:
    text = "Prices are now falling after two years."
    assert sentence_dates(find_dates(text, PUB), _annotated(text, [])) == {}


def test_span_date() -> None:
    text = 'He said: "We will strike on March 30." Then he left on Friday.'
    refs = find_dates(text, PUB)
    assert span_date(refs, 9, text.index('"', 10)) == "2024-03-30"
    assert span_date(refs, 0, 5) is None


@pytest.mark.parametrize("published", [None, PUB])
def test_clock_joined_to_a_full_date_is_anchored_without_a_publication_date(
    published: str | None,
) -> None:
    # found by hypothesis (tests/test_dates_props.py): the clock alone needs the
    # publication day, but "12/31/2020 10 p.m." does not
    (r,) = find_dates("12/31/2020 10 p.m.", published)
    assert (r.value, r.anchored) == ("2020-12-31T22:00", True)
    for r in find_dates("10 p.m. Friday", published):  # a weekday needs the publication day
        assert r.anchored == (published is not None)
