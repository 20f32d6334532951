"""Fixtures of the event tests: a DocIndex of a short fictional text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsledger.components.events.detect import Cand, DocIndex, detect
from newsledger.components.events.lexicon import lexicon
from newsledger.components.mentions import stage as mentions
from newsledger.components.ner import stage as nerfix
from newsledger.core.model import Analysis, Annotated, Document, Place

PLACES = {"Velmora": ("XK", 42.10, 21.00, "city"), "Norland": ("XK", 42.50, 20.90, "country")}


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
        for name, (cc, lat, lon, feature) in PLACES.items():
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
