"""Shared fixtures of the events tests: short fictional articles, spaCy parses,
dates and places built by hand."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from newsledger.components.events import stage as events
from newsledger.components.events.detect import Cand, DocIndex, detect
from newsledger.components.events.lexicon import lexicon
from newsledger.components.mentions import stage as mentions
from newsledger.components.ner import stage as nerfix
from newsledger.core.model import Analysis, Annotated, DateRef, Document, Place

PUBLISHED = "2031-05-13"  # a Tuesday
DATES = {
    "Friday": "2031-05-09",
    "Sunday": "2031-05-11",
    "Monday": "2031-05-12",
    "Wednesday": "2031-05-07",
    "March 3": "2031-03-03",
}
PLACES = {
    "Velmora": ("XK", 42.10, 21.00, "city"),
    "Tarsk": ("XK", 42.60, 20.30, "city"),
    "Lyon": ("FR", 45.76, 4.84, "city"),
    "Marseille": ("FR", 43.30, 5.37, "city"),
    "Paris": ("FR", 48.86, 2.35, "capital"),
    "Norland": ("XK", 42.50, 20.90, "country"),
}


@pytest.fixture(scope="module")
def analyse() -> Callable[..., Analysis]:
    """Annotate (once per text) and run mentions + events with hand-built dates and places."""
    from newsledger.nlp import spacy_adapter as nlp

    cache: dict[str, Annotated] = {}

    def run(text: str, with_places: bool = True) -> Analysis:
        if text not in cache:
            cache[text] = next(
                nlp.annotate([Document(id=f"t{len(cache)}", text=text, published=PUBLISHED)])
            )
        a = Analysis(nerfix.fix(cache[text]))
        mentions.run(a)
        for surface, value in DATES.items():
            for m in re.finditer(rf"\b{re.escape(surface)}\b", text):
                a.dates.append(DateRef(m.start(), m.end(), surface, value, "day", "DATE"))
        if with_places:
            for name, (cc, lat, lon, feature) in PLACES.items():
                for m in re.finditer(rf"\b{name}\b", text):
                    a.places.append(
                        Place(m.start(), m.end(), name, name, lat, lon, cc, None, feature, 0.9)
                    )
        a.dates.sort(key=lambda d: d.start)
        a.places.sort(key=lambda p: p.start)
        events.run(a)
        return a

    return run


PLACE_INDEX_PLACES = {
    "Velmora": ("XK", 42.10, 21.00, "city"),
    "Norland": ("XK", 42.50, 20.90, "country"),
}


@pytest.fixture(scope="module")
def place_index() -> Callable[[str], DocIndex]:
    """A DocIndex of a fictional text (spaCy parse, mentions, hand-built places)."""
    from newsledger.nlp import spacy_adapter as nlp

    cache: dict[str, Annotated] = {}

    def build(text: str) -> DocIndex:
        if text not in cache:
            cache[text] = next(nlp.annotate([Document(id=f"p{len(cache)}", text=text)]))
        a = Analysis(nerfix.fix(cache[text]))
        mentions.run(a)
        for name, (cc, lat, lon, feature) in PLACE_INDEX_PLACES.items():
            k = text.find(name)
            if k >= 0:
                a.places.append(Place(k, k + len(name), name, name, lat, lon, cc, None, feature, 1))
        return DocIndex(a, lexicon())

    return build


def trigger(ix: DocIndex, word: str) -> Cand:
    for c in detect(ix):
        if c.text == word:
            return c
    raise AssertionError(f"no trigger {word!r} in {ix.text!r}")
