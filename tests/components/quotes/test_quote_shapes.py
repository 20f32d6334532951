"""The readings the parse offers a cue beyond its whole complement: the content cut
before a closing coordinated verb or a closing phrase of place or time, and a fronted
relative object, and the whole sentence before "according to"."""

from __future__ import annotations

import pytest

from newsledger.components.quotes import learned as quote_model
from newsledger.components.quotes import stage as quotes
from newsledger.components.quotes.candidates import Candidate
from newsledger.core.model import Analysis, Annotated, Document
from newsledger.pipeline import analyse, upstream

TEXT = """Mayor Lena Okafor announced that the pier would close and promised to rebuild the bridge.

Residents support Okafor in Northbay.

The ferry levy, which Okafor opposed, passed on Tuesday.

Ferry fares rose in May and the levy fell, according to the harbour board.
"""


@pytest.fixture(scope="module")
def doc() -> Analysis:
    from newsledger.nlp import spacy_adapter as nlp

    ann: Annotated = next(iter(nlp.annotate([Document(id="s", text=TEXT, published="2031-05-04")])))
    return analyse(ann, upstream("quotes"))


def readings_of(a: Analysis, word: str) -> dict[str, Candidate]:
    """The readings of ``word`` by their content text."""
    d, _, attrs = quotes.rule_attributions(a)
    cands = quote_model.candidate_examples(d, attrs)
    toks = a.annotated.tokens
    return {a.text[c.span[0] : c.span[1]]: c for c in cands if toks[c.head].text == word}


def test_a_clause_is_also_read_without_the_verb_coordinated_after_it(doc: Analysis) -> None:
    announced = readings_of(doc, "announced")
    assert "that the pier would close" in announced
    assert "X=noconj" in announced["that the pier would close"].feats
    # the whole complement stays a reading
    assert any(text.endswith("rebuild the bridge") for text in announced)


def test_an_object_is_also_read_without_a_closing_phrase_of_place(doc: Analysis) -> None:
    support = readings_of(doc, "support")
    assert "Okafor in Northbay" in support
    short = support.get("Okafor")
    assert short is not None
    assert {"X=noprep", "XP=in", "LXP=support|in"} <= set(short.feats)


def test_a_fronted_relative_object_is_a_reading_of_its_verb(doc: Analysis) -> None:
    opposed = readings_of(doc, "opposed")
    assert "which" in opposed
    assert "D=fronted" in opposed["which"].feats


def test_the_sentence_before_according_to_is_a_reading_of_it(doc: Analysis) -> None:
    according = readings_of(doc, "according")
    whole = according.get("Ferry fares rose in May and the levy fell")
    assert whole is not None
    assert {"D=sentbefore", "LD=accord|sentbefore"} <= set(whole.feats)
    # its source is the one the phrase names, not the sentence's subject
    assert whole.subj is not None and doc.annotated.tokens[whole.subj].text == "board"
    # nothing of it runs on past the phrase
    before = [c for c in according.values() if "D=sentbefore" in c.feats]
    assert not any("X=ext" in c.feats or "X=conj" in c.feats for c in before)
