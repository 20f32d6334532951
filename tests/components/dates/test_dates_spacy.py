"""Dates with the spaCy analysis: tense decides weekdays and years, entities veto
names; and the acceptance values of issue 6 on the two sample articles."""

from __future__ import annotations

import pytest

from newsledger.core.model import Analysis, Document
from tests.conftest import SAMPLE_DATES, SAMPLES, need_shared

PUB = "2024-03-26"  # a Tuesday

# short fictional sentences: (text, expression, expected value)
CASES = [
    ("The minister resigned on Friday after the vote.", "Friday", "2024-03-22"),
    ("The minister will resign on Friday after the vote.", "Friday", "2024-03-29"),
    ("The council plans to vote on Friday.", "Friday", "2024-03-29"),
    ("The council voted on Thursday to close the mine.", "Thursday", "2024-03-21"),
    ("The summit will take place on June 5 in Oslo.", "June 5", "2024-06-05"),
    ("The mayor was elected on June 5 in Oslo.", "June 5", "2023-06-05"),
    ("Officials extended the deadline until April 12.", "April 12", "2024-04-12"),
    ("The mayor invited him to visit the city for talks on April 13.", "April 13", "2024-04-13"),
    ("Investors expect losses in the fourth quarter.", "the fourth quarter", "2023-Q4"),
    ("Ana Berg attacked the mayor ahead of the vote in September.", "September", "2024-09"),
    ("The mayor attacked the upcoming budget for 2025 on radio.", "2025", "2025"),
]
NOT_DATES = [
    "The share price rose to 1990 pence.",
    "Fans watched This Week With Anna Berg on the channel.",
]


@pytest.fixture(scope="module")
def analyses() -> dict[str, Analysis]:
    from newsledger.components.dates import stage as dates
    from newsledger.nlp import spacy_adapter as nlp

    texts = [c[0] for c in CASES] + NOT_DATES
    docs = [Document(id=str(i), text=t, published=PUB) for i, t in enumerate(texts)]
    out: dict[str, Analysis] = {}
    for ann in nlp.annotate(docs):
        a = Analysis(ann)
        dates.STAGE.run(a)
        out[ann.doc.text] = a
    return out


@pytest.mark.parametrize(("text", "surface", "expected"), CASES)
def test_tense_and_context(
    analyses: dict[str, Analysis], text: str, surface: str, expected: str
) -> None:
    got = {d.text: d.value for d in analyses[text].dates}
    assert got.get(surface) == expected, got


@pytest.mark.parametrize("text", NOT_DATES)
def test_entities_and_counts_are_not_dates(analyses: dict[str, Analysis], text: str) -> None:
    assert analyses[text].dates == []


def test_sentence_dates_from_the_stage(analyses: dict[str, Analysis]) -> None:
    a = analyses[CASES[0][0]]
    assert a.sentence_dates == {0: "2024-03-22"}


# ------------------------------------------------------------------ samples

ACCEPTANCE = {
    "000_12d3de687a75bb58": [
        ("March 22", "2024-03-22"),
        ("March 7", "2024-03-07"),
        ("Monday March 25", "2024-03-25"),
        ("July 2018", "2018-07"),
        ("2019", "2019"),  # "In 2019"
        ("2017", "2017"),  # "In 2017"
    ],
    "004_97df1cbacbb72619": [
        ("September 9, 2001", "2001-09-09"),
        ("August 15", "2021-08-15"),
        ("October 13", "2021-10-13"),
        ("Last month", "2021-09"),
    ],
}


@pytest.fixture(scope="module")
def sample_analyses() -> dict[str, Analysis]:
    need_shared()
    from newsledger.components.dates import stage as dates
    from newsledger.nlp import spacy_adapter as nlp

    docs = [
        Document(stem, (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8"), published=pub)
        for stem, pub in SAMPLE_DATES.items()
    ]
    out = {}
    for ann in nlp.annotate(docs):
        a = Analysis(ann)
        dates.STAGE.run(a)
        out[ann.doc.id] = a
    return out


@pytest.mark.parametrize(
    ("stem", "surface", "expected"),
    [(stem, s, v) for stem, pairs in ACCEPTANCE.items() for s, v in pairs],
)
def test_sample_acceptance(
    sample_analyses: dict[str, Analysis], stem: str, surface: str, expected: str
) -> None:
    a = sample_analyses[stem]
    found = [d for d in a.dates if d.text == surface]
    assert found, f"{surface!r} not found in {stem}"
    assert all(d.value == expected for d in found), found
    for d in found:
        assert a.text[d.start : d.end] == d.text


def test_sample_granularity(sample_analyses: dict[str, Analysis]) -> None:
    a = sample_analyses["000_12d3de687a75bb58"]
    years = [d for d in a.dates if d.text == "2019"]
    assert years and years[0].granularity == "year"
