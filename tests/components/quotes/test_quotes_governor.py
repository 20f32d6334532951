"""A cue with no subject of its own takes its speaker from the clause it hangs on,
not from the last person quoted (a fictional article, spaCy annotation cached)."""

from __future__ import annotations

import pytest

from newsledger.components.quotes.attach import QuoteDoc
from newsledger.components.quotes.speakers import Resolver
from newsledger.components.quotes.stage import governing_subject
from newsledger.core.model import Analysis, Document, Quote
from newsledger.pipeline import analyse, stages_for

FERRY = """Councillor Mira Havel said on Monday that the ferry had been late every day this month.

By insisting that the old ferry was safe, the harbour board angered the islanders.

Fishermen on the quay were quick to point out that the engine had failed twice in March.

Havel later repeated her complaint, adding that the islanders deserved better.
"""


@pytest.fixture(scope="module")
def ferry() -> Analysis:
    from newsledger.nlp import spacy_adapter as nlp

    (ann,) = nlp.annotate([Document(id="ferry", text=FERRY, published="2031-05-04")])
    return analyse(ann, stages_for("quotes"))


def about(a: Analysis, words: str) -> Quote:
    found = [q for q in a.quotes if words in q.text]
    assert len(found) == 1, [q.text for q in a.quotes]
    return found[0]


def spoken_by(a: Analysis, q: Quote) -> str:
    assert q.speaker is not None
    return a.text[q.speaker.start : q.speaker.end]


def test_a_participle_after_a_preposition_takes_the_main_subject(ferry: Analysis) -> None:
    assert spoken_by(ferry, about(ferry, "the old ferry was safe")) == "the harbour board"


def test_an_infinitive_after_an_adjective_takes_its_subject(ferry: Analysis) -> None:
    assert spoken_by(ferry, about(ferry, "the engine had failed")) == "Fishermen"


def test_a_participle_goes_on_with_the_subject_of_its_sentence(ferry: Analysis) -> None:
    q = about(ferry, "deserved better")
    assert q.speaker is not None and q.speaker.name.endswith("Havel")
    assert spoken_by(ferry, q) == "Havel"


def test_a_finite_verb_has_no_governing_subject(ferry: Analysis) -> None:
    d = QuoteDoc(ferry)
    said = next(t.i for t in d.toks if t.text == "said")
    assert governing_subject(d, said) is None


UNNAMED = """The budget talks in Port Alden collapsed on Friday.

"It wasn't a convincing argument," said one Democrat familiar with the discussion.

"The gap is too wide," a Nevada Republican added.
"""


def test_someone_unnamed_is_the_phrase_that_describes_them() -> None:
    from newsledger.nlp import spacy_adapter as nlp

    (ann,) = nlp.annotate([Document(id="unnamed", text=UNNAMED, published="2031-05-04")])
    a = analyse(ann, stages_for("quotes"))
    d = QuoteDoc(a)
    res = Resolver(a, d.tree, d.index, a.roles, [])
    toks = a.annotated.tokens
    for head, words in (
        ("Democrat", "one Democrat familiar with the discussion"),
        ("Republican", "a Nevada Republican"),
    ):
        i = next(t.i for t in toks if t.text == head)
        ref = res._unnamed(i)
        assert ref is not None and ref.entity is None
        assert a.text[ref.start : ref.end] == words
    port = next(t.i for t in toks if t.text == "Alden")
    assert res._unnamed(port) is None  # no determiner: a name, not a description


LOOKS = """Councillor Mira Havel said on Monday that the ferry had been late every day this month.

The harbour board seems to have no plan for the winter timetable.

It appears that the board will meet again in May.
"""


def test_how_things_look_has_no_source() -> None:
    from newsledger.nlp import spacy_adapter as nlp

    (ann,) = nlp.annotate([Document(id="looks", text=LOOKS, published="2031-05-04")])
    a = analyse(ann, stages_for("quotes"))
    looks = [q for q in a.quotes if q.cue is not None and q.cue.text in ("seems", "appears")]
    assert looks, [q.text for q in a.quotes]
    assert all(q.speaker is None for q in looks)
    assert spoken_by(a, about(a, "late every day")) == "Councillor Mira Havel"
