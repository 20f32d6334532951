"""Speakers that are not speakers: connectives, relative pronouns, demonyms, places,
descriptions carried across paragraphs, headline and byline lines (fictional articles)."""

from __future__ import annotations

import pytest

from newsledger.core.model import Analysis, Annotated, Document, Quote
from newsledger.pipeline import analyse, stages_for

CONNECTIVE = """Talks on the Kelmar dam stalled on Monday.

However Okafor said the deal was dead.

Still, the envoy said: "We will try again."
"""

RELATIVE = """Residents, who said they had not been warned, gathered outside the town hall in Varnell.

The Harlow Trust, which said last week that the fund was empty, has asked for a loan.
"""

DEMONYM = """Tajik said the border was closed, according to the report.

"The Tajik side refuses," said a Tajik, a border guard.
"""

PLACES = """Fighting resumed in Velanograd, a city in the north, on Monday.

Reports from Velanograd said the power was out.

Moscow said the strikes targeted military depots.
"""

CARRIED = """The finance minister, Oskar Brandt, defended the budget on Monday.

"These cuts are painful but necessary," Brandt said.

"Nobody asked us," the local shopkeeper told reporters in the market.

"We will review the plan," the minister told reporters.
"""

HEADED = """Kelmar Floods Latest
Clara Moss
BBC News, Kelmar

"The water came in the night," said Petra Lindqvist, a nurse at the clinic.

"We have no power," the mayor said.
"""

TEXTS = {
    "connective": CONNECTIVE,
    "relative": RELATIVE,
    "demonym": DEMONYM,
    "places": PLACES,
    "carried": CARRIED,
    "headed": HEADED,
}


@pytest.fixture(scope="module")
def docs() -> dict[str, Analysis]:
    from newsledger.nlp import spacy_adapter as nlp

    anns: list[Annotated] = list(
        nlp.annotate([Document(id=k, text=v, published="2031-05-04") for k, v in TEXTS.items()])
    )
    return {ann.doc.id: analyse(ann, stages_for("quotes")) for ann in anns}


def quote(a: Analysis, words: str) -> Quote:
    found = [q for q in a.quotes if words in q.text]
    assert found, f"no quote holding {words!r} in {[q.text for q in a.quotes]}"
    return found[0]


def speaker_words(a: Analysis, q: Quote) -> str:
    assert q.speaker is not None, f"{q.text!r} has no speaker"
    return a.text[q.speaker.start : q.speaker.end]


def test_connective_is_not_part_of_the_speaker(docs: dict[str, Analysis]) -> None:
    a = docs["connective"]
    q = quote(a, "the deal was dead")
    assert speaker_words(a, q) == "Okafor"
    assert q.speaker is not None and not q.speaker.name.startswith("However")


def test_description_in_a_new_paragraph_is_not_the_last_speaker(
    docs: dict[str, Analysis],
) -> None:
    a = docs["connective"]
    q = quote(a, "We will try again")
    assert speaker_words(a, q) == "the envoy"
    assert q.speaker is not None and q.speaker.entity is None  # nobody named is the envoy


def test_relative_pronoun_gives_way_to_its_noun(docs: dict[str, Analysis]) -> None:
    a = docs["relative"]
    residents = quote(a, "had not been warned")
    assert speaker_words(a, residents) == "who"  # the words of the text, standing for …
    assert residents.speaker is not None and residents.speaker.name == "Residents"
    trust = quote(a, "the fund was empty")
    assert trust.speaker is not None and trust.speaker.name == "Harlow Trust"


def test_demonym_is_not_a_speaker(docs: dict[str, Analysis]) -> None:
    a = docs["demonym"]
    for q in a.quotes:
        if q.speaker is not None:
            assert "Tajik" not in a.text[q.speaker.start : q.speaker.end], q
    assert speaker_words(a, quote(a, "The Tajik side refuses")) == "a border guard"


def test_place_in_a_locative_phrase_is_not_a_speaker(docs: dict[str, Analysis]) -> None:
    a = docs["places"]
    q = quote(a, "the power was out")
    assert q.speaker is None or "Velanograd" not in q.speaker.name
    assert q.speaker is None or "Velanograd" not in speaker_words(a, q)


def test_government_seat_speaking_is_kept(docs: dict[str, Analysis]) -> None:
    a = docs["places"]
    q = quote(a, "military depots")
    assert speaker_words(a, q) == "Moscow"
    assert q.speaker is not None and q.speaker.entity is not None


def test_description_with_a_role_still_resolves(docs: dict[str, Analysis]) -> None:
    a = docs["carried"]
    q = quote(a, "review the plan")
    assert q.speaker is not None and q.speaker.name == "Oskar Brandt"
    shop = quote(a, "Nobody asked us")
    assert speaker_words(a, shop) == "the local shopkeeper"
    assert shop.speaker is not None and shop.speaker.entity is None


def test_headline_and_byline_are_never_speakers(docs: dict[str, Analysis]) -> None:
    a = docs["headed"]
    top = a.text.index("\n\n")  # headline, byline and dateline lines end here
    for q in a.quotes:
        assert q.speaker is None or q.speaker.start > top, (q.text, q.speaker)
    assert speaker_words(a, quote(a, "The water came")) == "Petra Lindqvist"
    mayor = quote(a, "We have no power")
    assert speaker_words(a, mayor) == "the mayor"
    assert mayor.speaker is not None and mayor.speaker.name != "Petra Lindqvist"
