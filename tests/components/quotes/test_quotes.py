"""The quotes stage on short fictional articles (spaCy annotation cached per module)."""

from __future__ import annotations

import pytest

from newsledger.components.mentions import stage as mentions
from newsledger.components.quotes.stage import QUOTES_STAGE
from newsledger.components.roles import stage as roles
from newsledger.core.model import Analysis, Annotated, Document, Quote
from newsledger.pipeline import analyse, stages_for

BRIDGE = """Mayor Lena Okafor of Brightwater said on Monday that the new bridge would open in May.

"We have waited long enough," Okafor said. "The city deserves better."

"It is a question of money," said Tomas Reyes, a senior analyst at the Harbor Institute. He added that costs had doubled since 2019.

According to the Brightwater Gazette, council officials said the vote was delayed.

The analyst also warned: "Nobody should expect miracles."

Some residents called the plan a "vanity project" on Tuesday.

The novel "Rivers of Glass" sold well this year.
"""

DUNES = """Jonas Berg, a geologist at the Nordic Policy Institute, has studied the coast for years.

“The dunes are moving faster than anyone expected, and the village has perhaps ten years left, he warns. Nobody in the capital is listening."

“We should have acted in 2010,” says Berg.

“The sand comes back every spring,” said Ana Ruiz, who runs the harbour. “But less every year.”

Asked about the budget, the minister said: "There is no money left."
"""

TEXTS = {"bridge": BRIDGE, "dunes": DUNES}


@pytest.fixture(scope="module")
def annotated() -> dict[str, Annotated]:
    from newsledger.nlp import spacy_adapter as nlp

    docs = [Document(id=k, text=v, published="2031-05-04") for k, v in TEXTS.items()]
    return {a.doc.id: a for a in nlp.annotate(docs)}


def run(ann: Annotated) -> Analysis:
    return analyse(ann, stages_for("quotes"))


@pytest.fixture(scope="module")
def bridge(annotated: dict[str, Annotated]) -> Analysis:
    return run(annotated["bridge"])


@pytest.fixture(scope="module")
def dunes(annotated: dict[str, Annotated]) -> Analysis:
    return run(annotated["dunes"])


def find(a: Analysis, words: str) -> Quote:
    for q in a.quotes:
        if words in q.text:
            return q
    raise AssertionError(f"no quote holds {words!r}: {[q.text for q in a.quotes]}")


def speaker_words(a: Analysis, q: Quote) -> str:
    assert q.speaker is not None
    return a.text[q.speaker.start : q.speaker.end]


def test_direct_quote_in_two_fragments(bridge: Analysis) -> None:
    q = find(bridge, "We have waited long enough")
    assert q.kind == "direct"
    assert [bridge.text[s:e] for s, e in q.fragments] == [
        "We have waited long enough,",
        "The city deserves better.",
    ]
    assert q.speaker is not None and q.speaker.name == "Lena Okafor"
    assert q.cue is not None and q.cue.text == "said"
    assert bridge.text[q.start : q.end] == q.text


def test_speaker_after_the_cue(bridge: Analysis) -> None:
    q = find(bridge, "question of money")
    assert q.kind == "direct" and q.speaker is not None
    assert q.speaker.name == "Tomas Reyes"
    assert q.speaker.entity is not None


def test_indirect_speech_with_a_pronoun(bridge: Analysis) -> None:
    q = find(bridge, "costs had doubled since 2019")
    assert q.kind == "indirect"
    assert speaker_words(bridge, q) == "He"
    assert q.speaker is not None and q.speaker.name == "Tomas Reyes"


def test_reported_speech_with_that(bridge: Analysis) -> None:
    q = find(bridge, "the new bridge would open in May")
    assert q.kind == "indirect" and q.speaker is not None
    assert q.speaker.name == "Lena Okafor"


def test_nested_attribution_via(bridge: Analysis) -> None:
    q = find(bridge, "the vote was delayed")
    inner = [x for x in bridge.quotes if x.text == "the vote was delayed"]
    assert inner, q
    assert inner[0].speaker is not None and "officials" in inner[0].speaker.name
    assert [v.name for v in inner[0].via] == ["Brightwater Gazette"]


def test_description_resolves_to_the_person(bridge: Analysis) -> None:
    q = find(bridge, "Nobody should expect miracles")
    assert speaker_words(bridge, q) == "The analyst"
    assert q.speaker is not None and q.speaker.name == "Tomas Reyes"


def test_mixed_quote(bridge: Analysis) -> None:
    q = find(bridge, "vanity project")
    assert q.kind == "mixed"
    assert q.text.startswith("the plan")
    assert speaker_words(bridge, q) == "Some residents"


def test_titles_are_not_quotes(bridge: Analysis) -> None:
    assert not any("Rivers of Glass" in q.text for q in bridge.quotes)


def test_cue_clause_inside_the_marks_splits_the_quote(dunes: Analysis) -> None:
    q = find(dunes, "The dunes are moving faster")
    assert q.kind == "direct"
    texts = [dunes.text[s:e] for s, e in q.fragments]
    assert texts[0].endswith("ten years left")
    assert texts[1] == "Nobody in the capital is listening."
    assert speaker_words(dunes, q) == "he"
    assert q.speaker is not None and q.speaker.name == "Jonas Berg"


def test_inverted_present_tense_cue(dunes: Analysis) -> None:
    q = find(dunes, "We should have acted in 2010")
    assert q.speaker is not None and q.speaker.name == "Jonas Berg"


def test_quote_continued_after_the_cue_sentence(dunes: Analysis) -> None:
    q = find(dunes, "The sand comes back every spring")
    assert [dunes.text[s:e] for s, e in q.fragments][-1] == "But less every year."
    assert q.speaker is not None and q.speaker.name == "Ana Ruiz"


def test_colon_introduces_the_quote(dunes: Analysis) -> None:
    q = find(dunes, "There is no money left")
    assert q.kind == "direct"
    assert speaker_words(dunes, q) == "the minister"


def test_quote_date_from_sentence_dates(annotated: dict[str, Annotated]) -> None:
    a = Analysis(annotated["bridge"])
    mentions.run(a)
    sent = a.annotated.sentence_of(a.text.index("He added"))
    a.sentence_dates = {sent: "2031-05-03"}
    roles.run(a)
    QUOTES_STAGE.run(a)
    assert find(a, "costs had doubled").date == "2031-05-03"
    assert find(a, "question of money").date is None


def test_stage_declaration() -> None:
    assert QUOTES_STAGE.requires == (
        "annotated",
        "mentions",
        "entities",
        "roles",
        "sentence_dates",
    )
    assert QUOTES_STAGE.assigns == ("quotes",)
    assert roles.STAGE.assigns == ("roles",)


def test_every_span_indexes_the_text(bridge: Analysis, dunes: Analysis) -> None:
    for a in (bridge, dunes):
        for q in a.quotes:
            assert a.text[q.start : q.end] == q.text
            assert q.kind in ("direct", "mixed", "indirect")
            assert all(q.start <= s < e <= q.end for s, e in q.fragments)
            if q.cue is not None:
                assert a.text[q.cue.start : q.cue.end] == q.cue.text
