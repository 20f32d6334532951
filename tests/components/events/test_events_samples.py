"""Acceptance: the events of the two sample articles (read from ../shared/samples at run time).

Issue 8 asks for at least 5 of these 6: the Crocus City Hall attack (ASSAULT,
2024-03-22, Moscow/RU, 137 killed, actor Islamic State), the attack near
Danghara in July 2018 (TJ), France raising the Vigipirate alert on Sunday
(2024-03-24, FR), the assassination of Ahmad Shah Massoud on 2001-09-09, the
fall of Kabul on 2021-08-15 (AF), and the invitation to talks in Paris on
2021-10-13 (FR).  The Crocus attack is checked on its own, in full.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsledger.core.model import Analysis, Document, Event
from tests.conftest import SAMPLE_DATES, SAMPLES, need_shared


@pytest.fixture(scope="module")
def samples() -> dict[str, Analysis]:
    need_shared()
    from newsledger import pipeline
    from newsledger.components.events import stage as events
    from newsledger.ingest import clean
    from newsledger.nlp import spacy_adapter as nlp

    docs = []
    for stem, published in SAMPLE_DATES.items():
        text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
        docs.append(clean.clean(Document(id=stem, text=text, published=published)))
    stages = pipeline.stages_for(events.STAGE.name)
    return {a.doc.id: pipeline.analyse(a, stages) for a in nlp.annotate(docs)}


def _names(a: Analysis, ids: tuple[str, ...]) -> set[str]:
    ents = {e.id: e for e in a.entities}
    return {n for i in ids if i in ents for n in (ents[i].name, *ents[i].aliases)}


def _find(a: Analysis, ok: Callable[[Event], bool]) -> Event | None:
    return next((e for e in a.events if ok(e)), None)


def test_crocus_city_hall_attack(samples: dict[str, Analysis]) -> None:
    a = samples["000_12d3de687a75bb58"]
    e = _find(a, lambda e: e.type == "ASSAULT" and e.date == "2024-03-22")
    assert e is not None, [(x.type, x.trigger.text, x.date) for x in a.events]
    assert e.country == "RU" and e.place is not None and "Moscow" in e.place
    assert e.killed == 137
    assert "Islamic State" in _names(a, e.actors)
    assert len(e.mentions) >= 3  # "the attack in Moscow", "the Moscow attack", ... are this event
    assert a.text[e.evidence.start : e.evidence.end] == e.evidence.text


def _checks(samples: dict[str, Analysis]) -> dict[str, bool]:
    crocus = samples["000_12d3de687a75bb58"]
    tajik = samples["004_97df1cbacbb72619"]

    def has(a: Analysis, ok: Callable[[Event], bool]) -> bool:
        return _find(a, ok) is not None

    return {
        "crocus": has(
            crocus,
            lambda e: (
                e.type == "ASSAULT"
                and e.date == "2024-03-22"
                and e.country == "RU"
                and e.killed == 137
                and "Islamic State" in _names(crocus, e.actors)
            ),
        ),
        "danghara": has(
            crocus,
            lambda e: (
                e.type == "ASSAULT"
                and e.place == "Danghara"
                and e.country == "TJ"
                and (e.date or "").startswith("2018-07")
            ),
        ),
        "vigipirate": has(
            crocus, lambda e: e.type == "MOBILIZE" and e.country == "FR" and e.date == "2024-03-24"
        ),
        "massoud": has(
            tajik,
            lambda e: (
                e.type == "ASSAULT"
                and e.date == "2001-09-09"
                and "Ahmad Shah Massoud" in _names(tajik, e.targets)
            ),
        ),
        "kabul": has(
            tajik,
            lambda e: (
                e.type == "COERCE"
                and e.mode == "capture"
                and e.country == "AF"
                and e.date == "2021-08-15"
            ),
        ),
        "paris": has(
            tajik, lambda e: e.type == "CONSULT" and e.country == "FR" and e.date == "2021-10-13"
        ),
    }


def test_at_least_five_of_six_sample_events(samples: dict[str, Analysis]) -> None:
    checks = _checks(samples)
    assert sum(checks.values()) >= 5, checks
