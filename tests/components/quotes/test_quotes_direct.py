"""Direct quotations as PolNeAR draws them: one attribution per cue, its quotations
as fragments (a fictional article, spaCy annotation cached per module)."""

from __future__ import annotations

import pytest

from newsledger.components.quotes.attach import QuoteDoc
from newsledger.components.quotes.stage import is_quotation, rule_attributions
from newsledger.core.model import Analysis, Document, Quote
from newsledger.pipeline import analyse, stages_for

HARBOUR = """The harbour board met in Port Alden on Thursday to discuss the new ferry timetable.

"You keep telling us you 'care about the islands,'" Councillor Mira Havel said. "Then show it with a ferry that runs on Sundays."

"We have heard every complaint twice," said the board's chair, Oskar Lind, a former captain of the "Northern Star," as the meeting ended. "The timetable will change in spring."

"Nobody in Port Alden wants to wait three hours for a boat," Havel said.

"The board has promised us a plan for years and we have seen nothing on paper yet."

Protesters outside chanted "Sunday boats now!" until the doors closed.

The old timetable was "a relic of another century," Havel said.

Yet, "the islands will not give up," she said.

"Not again!" the islanders groaned when the evening boat was cancelled.

The "Sea Queen," which the board bought in 1998, is the oldest ferry on the route.
"""


@pytest.fixture(scope="module")
def harbour() -> Analysis:
    from newsledger.nlp import spacy_adapter as nlp

    (ann,) = nlp.annotate([Document(id="harbour", text=HARBOUR, published="2031-05-04")])
    return analyse(ann, stages_for("quotes"))


def starting(a: Analysis, words: str) -> Quote:
    found = [q for q in a.quotes if a.text[q.start : q.end].startswith(words)]
    assert len(found) == 1, [q.text for q in a.quotes]
    return found[0]


def pieces(a: Analysis, q: Quote) -> list[str]:
    return [a.text[s:e] for s, e in q.fragments]


def test_quotation_ending_in_a_nested_one_takes_the_cue_after_it(harbour: Analysis) -> None:
    q = starting(harbour, "You keep telling us")
    assert q.kind == "direct"
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker is not None and q.speaker.name.endswith("Havel")
    assert pieces(harbour, q) == [
        "You keep telling us you 'care about the islands,'",
        "Then show it with a ferry that runs on Sundays.",
    ]


def test_a_short_quotation_in_the_cue_sentence_is_passed_over(harbour: Analysis) -> None:
    _, _, attrs = rule_attributions(harbour)
    (att,) = [x for x in attrs if harbour.text[x.frags[0][0] :].startswith("We have heard")]
    assert att.direct
    assert [harbour.text[s:e] for s, e in att.frags] == [
        "We have heard every complaint twice,",
        "The timetable will change in spring.",
    ]


def test_a_quoted_paragraph_goes_on_as_a_fragment(harbour: Analysis) -> None:
    q = starting(harbour, "Nobody in Port Alden")
    assert q.kind == "direct"
    assert pieces(harbour, q) == [
        "Nobody in Port Alden wants to wait three hours for a boat,",
        "The board has promised us a plan for years and we have seen nothing on paper yet.",
    ]
    assert not any(x.start == q.fragments[1][0] for x in harbour.quotes)


def test_content_that_is_one_quotation_is_direct(harbour: Analysis) -> None:
    d = QuoteDoc(harbour)
    text = harbour.text
    s = text.index('"Sunday boats now!"')
    e = s + len('"Sunday boats now!"')
    assert is_quotation(d, [(s + 1, e - 2)])  # the words without their marks
    assert is_quotation(d, [(s, e)])
    assert not is_quotation(d, [(text.index("chanted"), e)])  # the verb's words too
    assert not is_quotation(d, [(s + 1, e - 6)])  # part of it


def test_words_of_the_sentence_before_the_quotation_make_it_mixed(harbour: Analysis) -> None:
    q = starting(harbour, "The old timetable")
    assert q.kind == "mixed"
    assert q.text == 'The old timetable was "a relic of another century,'
    assert q.speaker is not None and q.speaker.name.endswith("Havel")


def test_a_quotation_after_a_comma_stays_direct(harbour: Analysis) -> None:
    q = starting(harbour, "the islands will not")
    assert q.kind == "direct"


def test_a_clause_after_the_quotation_names_its_speaker(harbour: Analysis) -> None:
    q = starting(harbour, "Not again")
    assert q.kind == "direct"
    assert q.cue is not None and q.cue.text == "groaned"
    assert q.speaker is not None
    assert harbour.text[q.speaker.start : q.speaker.end] == "the islanders"


def test_a_relative_clause_after_a_name_is_no_speaker(harbour: Analysis) -> None:
    assert not [q for q in harbour.quotes if "Sea Queen" in q.text]
