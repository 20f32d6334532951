"""Reported speech around a cue set in commas in mid-sentence (quote_parse).

The content runs on both sides of "…, X said, …": before and after the cue
clause, without the cue's own words and without a closing ", although …"
aside.  One case is a hand-built parse (the shape spaCy gives only with some
context before the sentence); the others go through the real model.
"""

from __future__ import annotations

import pytest

from newsledger.components.mentions import stage as mentions
from newsledger.components.quotes import stage as quotes
from newsledger.core.model import Analysis, Annotated, Document, NamedSpan, Quote, Sentence, Token

PARENTHETICAL = """The catch, he told me later, is that the port has debts.

The main worry now, she told me on Monday, is that the harbour has no money.

If the talks fail, Ms. Okoro argues, there are other options on the table.

The new ferry, the council said, was its fastest yet, although trials will take weeks.

The mayor said on Tuesday that fares would fall next year, as protesters gathered outside.

The treasurer warned that fares would rise next year because fuel was dearer.
"""


@pytest.fixture(scope="module")
def rules_only() -> Analysis:
    from newsledger.nlp import spacy_adapter as nlp

    ann = next(iter(nlp.annotate([Document(id="p", text=PARENTHETICAL, published="2031-05-04")])))
    a = Analysis(ann)
    mentions.run(a)
    quotes.run(a, model=False)
    return a


def by_cue(a: Analysis, cue: str, words: str = "") -> Quote:
    for q in a.quotes:
        if q.cue is not None and q.cue.text == cue and words in q.text:
            return q
    raise AssertionError(f"no quote with cue {cue!r}: {[q.text for q in a.quotes]}")


def test_cue_hung_on_the_subject_takes_the_whole_sentence(rules_only: Analysis) -> None:
    q = by_cue(rules_only, "told", "port")
    assert q.text.startswith("The catch")
    assert q.text.endswith("the port has debts")
    assert all("he told" not in rules_only.text[s:e] for s, e in q.fragments)


def test_subject_hung_on_the_cue_is_content_and_the_addressee_is_not(
    rules_only: Analysis,
) -> None:
    q = by_cue(rules_only, "told", "harbour")
    pieces = [rules_only.text[s:e] for s, e in q.fragments]
    assert pieces == ["The main worry now", "is that the harbour has no money"]


def test_condition_before_the_cue_is_content(rules_only: Analysis) -> None:
    q = by_cue(rules_only, "argues")
    assert q.text.startswith("If the talks fail")
    assert q.text.endswith("on the table")
    assert all("Okoro" not in rules_only.text[s:e] for s, e in q.fragments)


def test_closing_although_aside_is_the_writers(rules_only: Analysis) -> None:
    q = by_cue(rules_only, "said", "ferry")
    assert q.text.startswith("The new ferry")
    assert q.text.endswith("its fastest yet")


def test_as_aside_inside_the_content_is_the_writers(rules_only: Analysis) -> None:
    assert by_cue(rules_only, "said", "fares").text == ("that fares would fall next year")


def test_because_clause_stays_in_the_content(rules_only: Analysis) -> None:
    q = by_cue(rules_only, "warned", "fares")
    assert q.text.endswith("because fuel was dearer")


# "The mill was a giant, Mr. Lind said, until it closed in 1999." parsed with
# "said" as the root, the first clause its ccomp and "until …" its adverbial clause.
_WORDS = [
    # text, lemma, pos, tag, dep, head
    ("The", "the", "DET", "DT", "det", 1),
    ("mill", "mill", "NOUN", "NN", "nsubj", 2),
    ("was", "be", "AUX", "VBD", "ccomp", 8),
    ("a", "a", "DET", "DT", "det", 4),
    ("giant", "giant", "NOUN", "NN", "attr", 2),
    (",", ",", "PUNCT", ",", "punct", 8),
    ("Mr.", "Mr.", "PROPN", "NNP", "compound", 7),
    ("Lind", "Lind", "PROPN", "NNP", "nsubj", 8),
    ("said", "say", "VERB", "VBD", "ROOT", 8),
    (",", ",", "PUNCT", ",", "punct", 8),
    ("until", "until", "SCONJ", "IN", "mark", 12),
    ("it", "it", "PRON", "PRP", "nsubj", 12),
    ("closed", "close", "VERB", "VBD", "advcl", 8),
    ("in", "in", "ADP", "IN", "prep", 12),
    ("1999", "1999", "NUM", "CD", "pobj", 13),
    (".", ".", "PUNCT", ".", "punct", 8),
]


def hand_parsed() -> Annotated:
    text = ""
    tokens = []
    for i, (w, lemma, pos, tag, dep, head) in enumerate(_WORDS):
        if text and w not in (",", "."):
            text += " "
        start = len(text)
        text += w
        ent = "PERSON" if w == "Lind" else ""
        tokens.append(Token(i, start, len(text), w, lemma, pos, tag, dep, head, ent, 0))
    lind = next(t for t in tokens if t.text == "Lind")
    ents = (NamedSpan(lind.start, lind.end, "PERSON", "Lind", lind.i, lind.i + 1),)
    sents = (Sentence(0, len(text), 0, len(tokens)),)
    return Annotated(Document(id="h", text=text), tuple(tokens), sents, ents)


def test_content_resumed_after_the_cue_clause() -> None:
    a = Analysis(hand_parsed())
    mentions.run(a)
    quotes.run(a, model=False)
    q = by_cue(a, "said")
    pieces = [a.text[s:e] for s, e in q.fragments]
    assert pieces == ["The mill was a giant", "until it closed in 1999"]
    assert q.speaker is not None and q.speaker.name.endswith("Lind")
