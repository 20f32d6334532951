"""The second stage of the quote model (trees over each reading among its rivals),
the coordinated-verb readings, and speakers taken from outside the quotation."""

from __future__ import annotations

import json
import math

import pytest

from newsledger.components.quotes import learned as quote_model
from newsledger.components.quotes import rerank
from newsledger.components.quotes import stage as quotes
from newsledger.components.quotes.attach import QuoteDoc
from newsledger.components.quotes.learned import QuoteModel, from_json
from newsledger.components.quotes.parse import Cue
from newsledger.components.quotes.rerank import FEATURES, Reading, Trees, features
from newsledger.core.errors import NewsledgerError
from newsledger.core.model import Analysis, Annotated, Document
from newsledger.pipeline import analyse, upstream

TEXT = (
    "The mayor vowed to rebuild the bridge and promised a new ferry for the island.\n\n"
    '"The river has never been this high," Mayor Okafor said on Monday.\n'
)


@pytest.fixture(scope="module")
def ann() -> Annotated:
    from newsledger.nlp import spacy_adapter as nlp

    return next(iter(nlp.annotate([Document(id="r", text=TEXT, published="2031-05-04")])))


def base(a: Annotated) -> Analysis:
    return analyse(a, upstream("quotes"))


def _stump(
    feature: int, threshold: float, low: float, high: float
) -> tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...]]:
    return ((feature, -1, -1), (threshold, low, high), (1, 0, 0), (2, 0, 0))


def test_trees_add_their_leaves_to_the_baseline() -> None:
    t = Trees(0.5, (_stump(0, 1.0, -1.0, 2.0), _stump(1, 0.0, 0.25, -0.75)), floor=0.05)
    assert t.prob([0.5, 3.0]) == pytest.approx(1 / (1 + math.exp(-(0.5 - 1.0 - 0.75))))
    assert t.prob([1.0, -1.0]) == pytest.approx(1 / (1 + math.exp(-(0.5 - 1.0 + 0.25))))
    assert t.prob([2.0, -1.0]) == pytest.approx(1 / (1 + math.exp(-(0.5 + 2.0 + 0.25))))


def test_trees_round_trip_and_reject_other_features() -> None:
    t = Trees(0.1, (_stump(3, 0.5, -0.2, 0.4),), floor=0.05)
    m = QuoteModel({"a": 1.0}, 0.1, 0.4, 0.3, {"C": 0.1}, rerank=t)
    again = from_json(json.loads(json.dumps(m.to_json())))
    assert again == m
    data = m.to_json()
    data["rerank"]["features"] = ["p"]
    with pytest.raises(NewsledgerError) as err:
        from_json(data)
    assert "make train" in str(err.value)


def _reading(head: int, start: int, end: int, sent: int = 0) -> Reading:
    return Reading(head, start, end, sent, tuple(0.0 for _ in rerank.STATIC))


def test_features_rank_a_reading_among_its_cue_and_its_rivals() -> None:
    toks_start = [0, 10, 20, 30, 40, 50, 60]
    scored = [
        (0.8, _reading(1, 20, 40)),  # the best reading of cue 1
        (0.5, _reading(1, 20, 60)),  # a longer one, holding cue 5
        (0.6, _reading(5, 55, 70)),  # another cue's, overlapping the longer one
    ]
    rows = features(scored, toks_start, [tuple(0.0 for _ in rerank.PARTS)] * len(scored))
    col = {name: i for i, name in enumerate(FEATURES)}
    best, longer, other = rows
    assert len(best) == len(FEATURES)
    assert best[col["head_rank"]] == 0 and longer[col["head_rank"]] == 1
    assert best[col["head_margin"]] == pytest.approx(0.3)
    assert longer[col["head_margin"]] == pytest.approx(-0.3)
    assert longer[col["head_contains_best"]] == 1 and best[col["head_inside_best"]] == 1
    assert longer[col["holds_cue"]] == pytest.approx(0.6)
    assert longer[col["rival_overlap"]] == pytest.approx(0.6)
    assert best[col["rival_overlap"]] == 0
    assert other[col["held_by"]] == pytest.approx(0.5)
    assert other[col["head_n"]] == 1 and other[col["head_margin"]] == 1


def test_a_reranked_model_decides_by_the_mean_of_both_stages(ann: Annotated) -> None:
    a = base(ann)  # linear 0.993 for "vowed"; trees 0.993 or 0.007: mean 0.993 or 0.500
    weights = {"L=vow": 10.0}
    accept = Trees(5.0, (_stump(0, 0.5, 0.0, 0.0),), floor=0.05)
    quotes.run(a, model=QuoteModel(weights, -5.0, 0.6, 0.6, rerank=accept))
    assert any(q.cue is not None and q.cue.text == "vowed" for q in a.quotes)
    reject = Trees(-5.0, (_stump(0, 0.5, 0.0, 0.0),), floor=0.05)
    quotes.run(a, model=QuoteModel(weights, -5.0, 0.6, 0.6, rerank=reject))
    assert [q.kind for q in a.quotes] == ["direct"]


def test_a_coordinated_verb_offers_a_reading_that_goes_on_over_it(ann: Annotated) -> None:
    a = base(ann)
    d, _, attrs = quotes.rule_attributions(a)
    vowed = [
        r.ext
        for r in quote_model.raw_readings(d, attrs)
        if a.annotated.tokens[r.head].text == "vowed"
    ]
    texts = {a.text[s:e] for s, e in vowed}
    assert "to rebuild the bridge" in texts
    assert any(t.endswith("a new ferry for the island") for t in texts), texts


def test_a_subject_inside_the_quotation_gives_way_to_the_name_outside(ann: Annotated) -> None:
    a = base(ann)
    d = QuoteDoc(a)
    toks = a.annotated.tokens
    said = next(t.i for t in toks if t.text == "said")
    river = next(t.i for t in toks if t.text == "river")
    assert d.inside[river] >= 0 and d.inside[said] < 0
    cue = Cue(said, toks[said].start, toks[said].end, "verb", frozenset(), subj=river)
    got = quotes._subject_outside_quotes(d, cue)
    assert toks[got].text == "Okafor"


def test_partials_split_the_linear_sum_by_what_each_feature_describes() -> None:
    weights = {"L=vow": 1.0, "LD=vow|xcomp": 0.5, "X=ext": -0.25, "G=said<ROOT": 2.0}
    weights |= {"S=ent-PERSON": 0.75, "VC=intent": -1.5, "CF=to": 0.125}
    feats = ["L=vow", "LD=vow|xcomp", "X=ext", "G=said<ROOT", "S=ent-PERSON", "VC=intent"]
    parts = dict(
        zip(rerank.PARTS, rerank.partials([*feats, "CF=to", "unseen"], weights, False), strict=True)
    )
    assert parts == {
        "w_cue": 1.5,
        "w_content": -0.125,
        "w_governor": 2.0,
        "w_subject": 0.75,
        "w_class": -1.5,
    }
    # a rule reading's features carry an "r" before the same names
    rule = rerank.partials([f"r{f}" for f in feats], {f"r{k}": v for k, v in weights.items()}, True)
    assert rule == rerank.partials(feats, weights, False)
    assert sum(rule) == pytest.approx(sum(weights[f] for f in feats))


def test_the_mix_weighs_the_trees_against_the_linear_model(ann: Annotated) -> None:
    a = base(ann)  # linear 0.993 for "vowed"; trees 0.007
    weights = {"L=vow": 10.0}
    reject = Trees(-5.0, (_stump(0, 0.5, 0.0, 0.0),), floor=0.05)
    # mixed 0.5: 0.500 (kept at 0.45); mixed 0.9: 0.106 (dropped)
    quotes.run(a, model=QuoteModel(weights, -5.0, 0.45, 0.45, rerank=reject, mix=0.5))
    assert any(q.cue is not None and q.cue.text == "vowed" for q in a.quotes)
    quotes.run(a, model=QuoteModel(weights, -5.0, 0.45, 0.45, rerank=reject, mix=0.9))
    assert [q.kind for q in a.quotes] == ["direct"]
    m = QuoteModel(weights, -5.0, 0.4, 0.3, rerank=reject, mix=0.7)
    assert from_json(json.loads(json.dumps(m.to_json()))) == m
