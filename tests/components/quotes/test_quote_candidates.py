"""Features of the quote readings: the word a cue hangs from and the content's first word."""

from __future__ import annotations

import pytest

from newsledger.components.quotes import learned as quote_model
from newsledger.components.quotes import stage as quotes
from newsledger.components.quotes.candidates import Candidate
from newsledger.core.model import Analysis, Annotated, Document
from newsledger.pipeline import analyse, upstream

TEXT = """The harbour council decided to delay the vote on the new pier.

Mayor Lena Okafor announced plans to rebuild the bridge.

Okafor said in a statement that the pier would close.
"""


@pytest.fixture(scope="module")
def doc() -> Analysis:
    from newsledger.nlp import spacy_adapter as nlp

    ann: Annotated = next(iter(nlp.annotate([Document(id="g", text=TEXT, published="2031-05-04")])))
    return analyse(ann, upstream("quotes"))


def readings_of(a: Analysis, word: str) -> list[Candidate]:
    d, _, attrs = quotes.rule_attributions(a)
    cands = quote_model.candidate_examples(d, attrs)
    return [c for c in cands if a.annotated.tokens[c.head].text == word]


def test_a_verb_knows_the_verb_it_depends_on(doc: Analysis) -> None:
    delay = readings_of(doc, "delay")
    assert delay
    feats = set(delay[0].feats)
    assert {"G=decide", "LG=delay|decide", "GD=decide|xcomp"} <= feats
    # the verb that governs it is a root: it hangs from nothing
    decided = readings_of(doc, "decided")
    assert decided and "G=root" in decided[0].feats


def test_a_noun_knows_the_verb_it_is_the_object_of(doc: Analysis) -> None:
    plans = readings_of(doc, "plans")
    assert plans
    assert {"G=announce", "LG=plan|announce"} <= set(plans[0].feats)


def test_a_readings_first_word_is_a_feature_with_and_without_its_cue(doc: Analysis) -> None:
    delay = readings_of(doc, "decided")
    to_reading = [c for c in delay if doc.text[c.span[0] : c.span[1]].startswith("to delay")]
    assert to_reading
    feats = set(to_reading[0].feats)
    assert {"CF=to", "CLF=decide|to", "CLC=decide|True"} <= feats


def test_the_rules_readings_carry_the_same_features_prefixed(doc: Analysis) -> None:
    d, _, attrs = quotes.rule_attributions(doc)
    toks = doc.annotated.tokens
    said = [
        f
        for att, f in quote_model.rule_examples(d, attrs)
        if att.cue is not None and toks[att.cue.head].text == "said"
    ]
    assert said
    feats = set(said[0])
    assert "rCF=that" in feats and "rCLF=say|that" in feats and "rG=root" in feats
