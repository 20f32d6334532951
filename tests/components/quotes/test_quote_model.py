"""The attribution model of the quote stage: readings, scoring, decisions, headlines."""

from __future__ import annotations

import hashlib
import json
import math

import pytest

from newsledger.components.quotes import learned as quote_model
from newsledger.components.quotes import stage as quotes
from newsledger.components.quotes.candidates import word_classes
from newsledger.components.quotes.learned import QuoteModel, from_json
from newsledger.core.errors import NewsledgerError
from newsledger.core.model import Analysis, Annotated, Document
from newsledger.pipeline import analyse, upstream

TEXT = """The senator wants to raise taxes on banks next year.

"We have waited long enough," the mayor said.

According to the Harbor Gazette, council officials said the vote was delayed.
"""

HEADLINES = {
    "says": "Bridge will open in May, Mayor Okafor Says\n\nThe mayor spoke on Monday.\n",
    "colon": "Mayor Okafor: 'We will rebuild the bridge'\n\nThe mayor spoke on Monday.\n",
    "label": "UPDATE: Bridge closed after storm\n\nThe bridge was closed on Monday.\n",
    "long": ("Officials: " + " ".join(["word"] * 30) + "\n\nThe bridge was closed on Monday.\n"),
}


@pytest.fixture(scope="module")
def docs() -> dict[str, Annotated]:
    from newsledger.nlp import spacy_adapter as nlp

    texts = {"main": TEXT, **HEADLINES}
    ds = [Document(id=k, text=v, published="2031-05-04") for k, v in texts.items()]
    return {a.doc.id: a for a in nlp.annotate(ds)}


def base(ann: Annotated) -> Analysis:
    return analyse(ann, upstream("quotes"))


def test_score_is_the_logistic_of_the_summed_weights() -> None:
    m = QuoteModel({"a": 1.0, "b": -0.5}, bias=0.25)
    assert m.score(["a", "b", "unknown"]) == pytest.approx(1 / (1 + math.exp(-0.75)))
    assert m.score([]) == pytest.approx(1 / (1 + math.exp(-0.25)))
    assert QuoteModel({"x": -100.0}).score(["x"]) == 0.0


def test_model_round_trips_through_json() -> None:
    m = QuoteModel({"a": 1.5}, 0.1, 0.2, 0.3, {"C": 0.3})
    again = from_json(json.loads(json.dumps(m.to_json())))
    assert again == m


@pytest.mark.parametrize("bad", [{}, {"weights": {"a": "x"}, "bias": 0}, {"weights": []}])
def test_malformed_model_says_how_to_fix(bad: dict[str, object]) -> None:
    with pytest.raises(NewsledgerError) as err:
        from_json(bad)
    assert "make train" in str(err.value)


def test_shipped_model_was_trained_on_the_training_split_and_selected_on_dev() -> None:
    m = quote_model.load()
    assert m is not None
    assert [e["file"] for e in m.meta["trained_on"]] == ["train/quotes_train.jsonl"]
    assert [e["file"] for e in m.meta["selected_on"]] == ["dev/quotes_dev.jsonl"]
    assert 0 < m.meta["dev"]["content_f1"] < 1
    assert m.meta["dev"]["content_f1"] > m.meta["dev"]["rules_content_f1"]
    assert 0.0 <= m.keep_rule < 1 and 0.0 < m.add_new < 1
    assert len(m.weights) > 100


def test_shipped_model_checksum_matches_the_training_file() -> None:
    from tests.conftest import SHARED, need

    m = quote_model.load()
    assert m is not None
    for entry in [*m.meta["trained_on"], *m.meta["selected_on"]]:
        path = SHARED / entry["file"]
        need(path.is_file(), f"{path} is missing: put ../shared beside the repository")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert digest == entry["sha256"], f"{entry['file']} changed: run `make train`"


def test_word_classes_cover_reporting_stance_and_intent() -> None:
    wc = word_classes()
    assert "speech" in wc[("say", "VERB")]
    assert "intent" in wc[("want", "VERB")]
    assert "judgement" in wc[("criticism", "NOUN")]


def test_a_verb_outside_the_lexicon_gets_readings(docs: dict[str, Annotated]) -> None:
    a = base(docs["main"])
    d, _, attrs = quotes.rule_attributions(a)
    cands = quote_model.candidate_examples(d, attrs)
    wants = [c for c in cands if a.annotated.tokens[c.head].text == "wants"]
    spans = {a.text[c.span[0] : c.span[1]] for c in wants}
    assert any(s.startswith("to raise taxes") for s in spans), spans
    feats = set(wants[0].feats)
    assert "L=want" in feats and "VC=intent" in feats
    # readings never start inside quotation marks
    quoted = TEXT.index("We have")
    assert all(not (quoted <= a.annotated.tokens[c.head].start < quoted + 30) for c in cands)


def test_a_model_that_accepts_adds_the_reading(docs: dict[str, Annotated]) -> None:
    a = base(docs["main"])
    quotes.run(a, model=QuoteModel({"L=want": 10.0}, bias=-5.0, keep_rule=0.0, add_new=0.5))
    got = [q for q in a.quotes if q.cue is not None and q.cue.text == "wants"]
    assert got and got[0].text.startswith("to raise taxes")
    assert got[0].speaker is not None and "senator" in got[0].speaker.name


def test_a_model_that_rejects_keeps_direct_quotes_only(docs: dict[str, Annotated]) -> None:
    a = base(docs["main"])
    quotes.run(a, model=QuoteModel({}, bias=-10.0, keep_rule=0.5, add_new=0.5))
    assert [q.kind for q in a.quotes] == ["direct"]
    quotes.run(a, model=False)
    assert {q.kind for q in a.quotes} == {"direct", "indirect"}


def test_nested_reports_survive_the_model(docs: dict[str, Annotated]) -> None:
    a = base(docs["main"])
    quotes.run(a, model=QuoteModel({}, bias=5.0, keep_rule=0.0, add_new=0.99))
    inner = [q for q in a.quotes if q.text == "the vote was delayed"]
    outer = [q for q in a.quotes if q.cue is not None and q.cue.text == "According to"]
    assert inner and outer
    assert [v.name for v in inner[0].via] == ["Harbor Gazette"]


def test_headline_says(docs: dict[str, Annotated]) -> None:
    a = base(docs["says"])
    quotes.run(a, model=False)
    q = a.quotes[0]
    assert q.text == "Bridge will open in May" and q.kind == "indirect"
    assert q.cue is not None and q.cue.text == "Says"
    assert q.speaker is not None and "Okafor" in q.speaker.name


def test_headline_colon_with_a_quotation_is_direct(docs: dict[str, Annotated]) -> None:
    a = base(docs["colon"])
    quotes.run(a, model=False)
    q = a.quotes[0]
    assert q.kind == "direct" and q.text == "We will rebuild the bridge"
    assert q.speaker is not None and "Okafor" in q.speaker.name


@pytest.mark.parametrize("name", ["label", "long"])
def test_labels_and_long_lines_are_not_headline_sources(
    docs: dict[str, Annotated], name: str
) -> None:
    a = base(docs[name])
    quotes.run(a, model=False)
    assert not [q for q in a.quotes if q.cue is not None and q.cue.text == ":"]


OUTLETS = """Mayor Lena Okafor told the Harbor Gazette that the bridge would open in May.

"We will not wait," Okafor said in an interview with the Coastal Broadcasting Corporation.

Okafor told her neighbours that the works were noisy.

Okafor said the Harbor Gazette was wrong about the costs.
"""


def test_the_outlet_told_is_the_via() -> None:
    from newsledger.nlp import spacy_adapter as nlp

    ann = next(iter(nlp.annotate([Document(id="o", text=OUTLETS, published="2031-05-04")])))
    a = base(ann)
    quotes.run(a)
    by_text = {q.text: q for q in a.quotes}
    q1 = by_text["that the bridge would open in May"]
    assert [v.name for v in q1.via] == ["Harbor Gazette"]
    q2 = [q for q in a.quotes if q.text.startswith("We will not wait")]
    assert q2 and [v.name for v in q2[0].via] == ["Coastal Broadcasting Corporation"]
    q3 = by_text["that the works were noisy"]
    assert q3.via == ()
    q4 = [q for q in a.quotes if q.text.endswith("was wrong about the costs")]
    assert q4 and q4[0].via == ()  # the outlet is what was said about, not the channel


def test_unknown_words_outside_every_class_are_not_added() -> None:
    from newsledger.nlp import spacy_adapter as nlp

    text = "Oil prices surged to a record high on Monday.\n"
    ann = next(iter(nlp.annotate([Document(id="s", text=text, published="2031-05-04")])))
    a = base(ann)
    quotes.run(a, model=QuoteModel({}, bias=10.0, keep_rule=0.0, add_new=0.5))
    assert not [q for q in a.quotes if q.cue is not None and q.cue.text == "surged"]
    quotes.run(a, model=QuoteModel({"L=surge": 0.1}, bias=10.0, keep_rule=0.0, add_new=0.5))
    assert [q for q in a.quotes if q.cue is not None and q.cue.text == "surged"]


def test_a_cue_in_mid_sentence_offers_the_rest_of_the_sentence_as_well() -> None:
    from newsledger.nlp import spacy_adapter as nlp

    text = "The east pier paid 8 percent, the council said in a May report, and the west pier paid nothing.\n"
    ann = next(iter(nlp.annotate([Document(id="m", text=text, published="2031-05-04")])))
    a = base(ann)
    d, _, attrs = quotes.rule_attributions(a)
    said = quote_model.rule_examples(d, attrs)
    pieces = [[text[s:e] for s, e in att.frags] for att, _ in said]
    assert pieces == [
        ["The east pier paid 8 percent"],
        ["The east pier paid 8 percent", "and the west pier paid nothing"],
    ]
    feats = next(f for att, f in said if len(att.frags) == 2)
    assert "rresumed" in feats


def test_a_cue_ending_its_sentence_offers_no_second_piece() -> None:
    from newsledger.nlp import spacy_adapter as nlp

    text = "The bridge will open in May, the mayor said.\n"
    ann = next(iter(nlp.annotate([Document(id="n", text=text, published="2031-05-04")])))
    a = base(ann)
    d, _, attrs = quotes.rule_attributions(a)
    said = quote_model.rule_examples(d, attrs)
    assert said and all(len(att.frags) == 1 for att, _ in said)
