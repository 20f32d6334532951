"""Acceptance on the two sample articles (issue 4).

The samples are third-party text: they are read from ``../shared/samples`` at
run time and never copied here.  The gold below is ours: for each quotation or
reported finding, the speaker and a short distinctive substring of its content.
The issue counts 27 quotations and asks for 25; we check every fragment of a
quotation interrupted by its cue separately (44 items) and ask for the same
share (at least 92.5 %).
"""

from __future__ import annotations

import math

import pytest

from newsledger.components.quotes.stage import QUOTES_STAGE
from newsledger.core.model import Analysis, Document
from newsledger.pipeline import analyse, stages_for
from tests.conftest import SAMPLES, need

FILES = {
    "000_12d3de687a75bb58.txt": "2024-03-26",
    "004_97df1cbacbb72619.txt": "2021-10-01",
}

# (file prefix, speaker name key, content substring)
GOLD_QUOTES: list[tuple[str, str, str]] = [
    ("000", "Putin", "radical Islamists"),
    ("000", "Putin", "regime against Russia"),
    ("000", "Rakhmon", "terrorists have no nationality"),
    ("000", "Kremlin", "intensify"),
    ("000", "Gaüzère", "hardly surprised to see Tajik jihadists"),
    ("000", "Gaüzère", "It must be recognized that Tajikistan"),
    ("000", "Gaüzère", "close guard of Abu Bakr"),
    ("000", "Nasr", "is a breeding ground for jihadists"),
    ("000", "Nasr", "this region has been very impacted"),
    ("000", "Nasr", "influx of entire families"),
    ("000", "International Crisis Group", "between 2,000 and 4,000 nationals"),
    ("000", "Nasr", "Senior IS commanders from Central Asia"),
    ("000", "Nasr", "benefited from training in anti-terrorist"),
    ("000", "Nasr", "a new regional fixation point"),
    ("000", "Embassy", "closely monitoring reports that extremists"),
    ("000", "Macron", "fomented this attack"),
    ("000", "Macron", "this particular group which is involved"),
    ("000", "Gaüzère", "IS has been revitalized"),
    ("000", "Gaüzère", "Which means that each state"),
    ("000", "Gaüzère", "Even Tajikistan is not spared"),
    ("000", "Gaüzère", "several Western cyclists were attacked"),
    ("000", "Gaüzère", "Russian invasion of Ukraine is a factor"),
    ("000", "Gaüzère", "Russia has controlled the Tajik-Afghan border"),
    ("000", "Gaüzère", "stripped this garrison"),
    ("000", "Gaüzère", "the Tajik jihadists seek to overthrow"),
    ("000", "Gaüzère", "support base is today so narrow"),
    ("000", "Gaüzère", "His exhausted dictatorial regime"),
    ("004", "Rahmon", "If we let events unfold"),
    ("004", "Mehran", "The historical precedent is there"),
    ("004", "Murtazashvili", "real fear that the Taliban"),
    ("004", "Stronski", "It works in its favor domestically"),
    ("004", "Stronski", "does not have to worry about the elections"),
    ("004", "Stronski", "Being seen as a regional leader"),
    ("004", "Pedram", "We plan to announce official resistance"),
    ("004", "Kugelman", "It is one thing for Tajikistan"),
    ("004", "Kugelman", "Is President Rahmon prepared"),
    ("004", "Fair", "Russia, India, Iran and Tajikistan were all"),
    ("004", "Fair", "Russia is very accommodating with the Islamists"),
    ("004", "Fair", "unwavering support of the Chinese"),
    ("004", "Fair", "all the war material"),
    ("004", "Fair", "The resistance to Panchir failed"),
    ("004", "Felbab-Brown", "doomed to failure for the Panchiri"),
    ("004", "Felbab-Brown", "capacity for internal organization"),
    ("004", "Felbab-Brown", "would serve as cannon fodder"),
]

# (file prefix, person name key, organisation: any of these substrings)
GOLD_AFFILIATIONS: list[tuple[str, str, tuple[str, ...]]] = [
    ("000", "Gaüzère", ("COSAC", "Observation of Central Asian Societies")),
    ("000", "Nasr", ("France 24",)),
    ("004", "Mehran", ("University of Exeter",)),
    ("004", "Stronski", ("Carnegie",)),
    ("004", "Kugelman", ("Wilson Center",)),
    ("004", "Fair", ("Georgetown University",)),
    ("004", "Felbab-Brown", ("Brookings Institution",)),
    ("004", "Massoud", ("National Resistance Front",)),
    ("004", "Pedram", ("Afghan National Congress",)),
]


@pytest.fixture(scope="module")
def analyses() -> dict[str, Analysis]:
    need(
        all((SAMPLES / f).exists() for f in FILES),
        f"sample articles not found in {SAMPLES} (they live in ../shared/samples)",
    )
    from newsledger.nlp import spacy_adapter as nlp

    docs = [
        Document(id=f, text=(SAMPLES / f).read_text(encoding="utf-8"), published=p)
        for f, p in FILES.items()
    ]
    stages = stages_for(QUOTES_STAGE.name)
    return {ann.doc.id[:3]: analyse(ann, stages) for ann in nlp.annotate(docs)}


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _found(a: Analysis, speaker: str, content: str) -> bool:
    for q in a.quotes:
        if q.speaker is None or speaker.casefold() not in q.speaker.name.casefold():
            continue
        if any(_norm(content) in _norm(a.text[s:e]) for s, e in q.fragments):
            return True
    return False


def test_quotes_found_with_speaker(analyses: dict[str, Analysis]) -> None:
    missed = [g for g in GOLD_QUOTES if not _found(analyses[g[0]], g[1], g[2])]
    need = math.ceil(len(GOLD_QUOTES) * 25 / 27)
    assert len(GOLD_QUOTES) - len(missed) >= need, f"missed {len(missed)}: {missed}"


def _names(a: Analysis) -> dict[str, str]:
    return {e.id: e.name for e in a.entities}


def test_affiliations(analyses: dict[str, Analysis]) -> None:
    missed = []
    for doc, person, orgs in GOLD_AFFILIATIONS:
        a = analyses[doc]
        names = _names(a)
        ok = any(
            person.casefold() in names.get(r.entity, "").casefold()
            and r.org is not None
            and any(o.casefold() in r.org.casefold() for o in orgs)
            for r in a.roles
        )
        if not ok:
            missed.append((person, orgs[0]))
    assert len(GOLD_AFFILIATIONS) - len(missed) >= 8, f"missed: {missed}"


def test_spans_index_the_text(analyses: dict[str, Analysis]) -> None:
    for a in analyses.values():
        for q in a.quotes:
            assert a.text[q.start : q.end] == q.text
            assert q.fragments and q.fragments[0][0] == q.start and q.fragments[-1][1] == q.end
            if q.speaker is not None:
                assert 0 <= q.speaker.start <= q.speaker.end <= len(a.text)
            if q.cue is not None:
                assert a.text[q.cue.start : q.cue.end] == q.cue.text
