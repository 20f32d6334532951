"""A small linear model over the quote stage's attributions.

The cue lexicon finds what is plainly speech; this model does two things the
lexicon cannot:

* it drops reported-speech attributions of the rules that look wrong for
  their cue, subject and content (:func:`newsledger.components.quotes.candidates.rule_features`);
* it reads the content of every other verb and noun as the parse allows
  (:func:`newsledger.components.quotes.candidates.candidates`) and keeps, per word, the
  likeliest reading when its lemma, complement and subject make a report,
  stance or finding likely, or a better one than the rules' for a lexicon cue.

A second stage (:mod:`newsledger.components.quotes.rerank`) judges each reading
the linear model does not rule out among its rivals with gradient-boosted
trees; a reading's probability is then a mix of both stages' (``mix``, chosen on dev).

The weights live in ``data/models/quotes.json`` (feature name -> weight, plus
the two thresholds) beside its model card ``quotes.md``; ``make train``
(``train/quote_attribution.py``) writes them, from logistic regression on
PolNeAR's training split with the thresholds selected on its dev split, and
records where they came from and their dev figures in the file's ``meta``.
Scoring is a dictionary lookup per feature: no learning library is needed at
run time.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from typing import Any

from newsledger.components.quotes.attach import ALNUM_RE, Attr, QuoteDoc
from newsledger.components.quotes.candidates import (
    Candidate,
    candidates,
    conj_end,
    rule_features,
)
from newsledger.components.quotes.parse import CLAUSE_HEAD_POS, Cue
from newsledger.components.quotes.rerank import (
    Reading,
    Trees,
    describe,
    direct_sentences,
    features,
    partials,
    trees_from_json,
)
from newsledger.core.errors import NewsledgerError
from newsledger.core.lexicon import data_path
from newsledger.core.models import load_model, model_path_name
from newsledger.nlp.deptree import trim_span

MODEL_NAME = "quotes"


@dataclass(frozen=True, slots=True)
class QuoteModel:
    weights: dict[str, float]
    bias: float = 0.0
    keep_rule: float = 0.5  # rule attributions scoring below are dropped
    add_new: float = 0.5  # candidates scoring at or above are added
    meta: dict[str, Any] = field(default_factory=dict)
    rerank: Trees | None = None  # the second stage; thresholds then apply to its score
    mix: float = 0.5  # the trees' share of a reading's probability (the linear model's the rest)

    def score(self, feats: list[str]) -> float:
        """Probability that the attribution described by ``feats`` is one."""
        get = self.weights.get
        z = self.bias + sum(map(get, feats, repeat(0.0, len(feats))))
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "meta": self.meta,
            "bias": self.bias,
            "keep_rule": self.keep_rule,
            "add_new": self.add_new,
        }
        if self.mix != 0.5:
            out["mix"] = self.mix
        if self.rerank is not None:
            out["rerank"] = self.rerank.to_json()
        out["weights"] = dict(sorted(self.weights.items()))
        return out


def from_json(data: dict[str, Any]) -> QuoteModel:
    try:
        return QuoteModel(
            {str(k): float(v) for k, v in data["weights"].items()},
            float(data["bias"]),
            float(data["keep_rule"]),
            float(data["add_new"]),
            dict(data.get("meta") or {}),
            trees_from_json(data["rerank"]) if data.get("rerank") is not None else None,
            float(data.get("mix", 0.5)),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise NewsledgerError(
            f"{model_path_name(MODEL_NAME)} is malformed ({exc!r}).",
            "Reinstall newsledger (`make install`) or retrain it with `make train`.",
        ) from exc


@lru_cache(maxsize=1)
def load() -> QuoteModel | None:
    """The shipped model, or None when the data file is absent (rules only)."""
    if not data_path(model_path_name(MODEL_NAME)).is_file():
        return None
    return from_json(load_model(MODEL_NAME))


# ------------------------------------------------------------ examples


def _is_mixed(d: QuoteDoc, frags: list[tuple[int, int]]) -> bool:
    return any(s <= m.start < e for m in d.marks for s, e in frags)


def rule_examples(d: QuoteDoc, attrs: list[Attr]) -> list[tuple[Attr, list[str]]]:
    """The rules' reported-speech attributions with their features.

    A report whose cue follows its content in mid-sentence also comes as a second
    reading that goes on after the cue to the sentence's end (`Prices rose, he
    said, and wages will follow`): the model chooses between the two.
    """
    out = []
    ann = d.a.annotated
    for att in attrs:
        if att.direct or att.cue is None or not att.frags:
            continue
        lo = ann.token_at(att.frags[0][0])
        hi = max(lo, ann.token_at(att.frags[-1][1]) - 1)
        if _holds_its_governor(d, att.cue.head, lo, hi):
            continue
        feats = rule_features(d.tree, d.index, att.cue, lo, hi, _is_mixed(d, att.frags))
        out.append((att, feats))
        rest = _resumed_after(d, att)
        if rest is not None:
            frags = [*att.frags, rest]
            longer = Attr(att.cue, frags, False, att.anchor)
            r_hi = max(lo, ann.token_at(rest[1]) - 1)
            f2 = rule_features(d.tree, d.index, att.cue, lo, r_hi, _is_mixed(d, frags))
            out.append((longer, [*f2, "rresumed", f"rresumed|{att.cue.kind}"]))
        ce = _conj_after(d, att, hi)
        if ce is not None:
            frags = [*att.frags[:-1], (att.frags[-1][0], d.toks[ce].end)]
            longer = Attr(att.cue, frags, False, att.anchor)
            f3 = rule_features(d.tree, d.index, att.cue, lo, ce, _is_mixed(d, frags))
            out.append((longer, [*f3, "rconj", f"rconj|{att.cue.kind}"]))
    return out


def _holds_its_governor(d: QuoteDoc, v: int, lo: int, hi: int) -> bool:
    """Whether content [lo, hi] holds the word whose complement the cue ``v`` is: in "who
    said they had not been warned", "warned" is what "said" reports, so no content of
    "warned" can hold "said"."""
    t = d.toks[v]
    return t.dep in ("ccomp", "xcomp") and t.head != v and lo <= t.head <= hi


def _conj_after(d: QuoteDoc, att: Attr, hi: int) -> int | None:
    """Last token of a verb coordinated with the cue after its content (`said they had
    doubts, but could not bear to …`), outside quotations, if any."""
    cue = att.cue
    if cue is None or att.frags[0][0] < cue.start or d.toks[cue.head].pos not in CLAUSE_HEAD_POS:
        return None
    ce = conj_end(d.tree, cue.head, hi)
    if ce is None or any(d.inside[i] >= 0 for i in range(hi + 1, ce + 1)):
        return None
    return ce


_MIN_RESUMED_TOKENS = 3
_CUE_TAIL = 8  # tokens of the cue clause after the cue word ("in a statement")


def _resumed_after(d: QuoteDoc, att: Attr) -> tuple[int, int] | None:
    """The rest of the sentence after a cue set off by a comma after its content, if any."""
    cue = att.cue
    if cue is None or att.frags[-1][1] > cue.start:
        return None
    toks = d.toks
    sent = d.a.annotated.sents[toks[cue.head].sent]
    if toks[d.a.annotated.token_at(att.frags[-1][0])].sent != toks[cue.head].sent:
        return None
    comma = max(cue.head, cue.clause_hi) + 1  # "…, he said in a statement, and …"
    while comma < sent.token_end - 1 and toks[comma].text != "," and comma - cue.head <= _CUE_TAIL:
        comma += 1
    if toks[comma].text != ",":
        return None
    first, end = comma + 1, sent.token_end - 1
    if end - first + 1 < _MIN_RESUMED_TOKENS or d.inside[first] >= 0:
        return None
    s, e = trim_span(d.text, toks[first].start, toks[end].end)
    if e <= s or not ALNUM_RE.search(d.text, s, e):
        return None
    return s, e


def candidate_examples(d: QuoteDoc, attrs: list[Attr]) -> list[Candidate]:
    """Readings of verbs and nouns from the parse, but for cues of direct quotations."""
    skip = {att.cue.head for att in attrs if att.cue is not None and att.direct}
    speakers = set()
    for att in attrs:
        if att.cue is not None and att.cue.subj is not None:
            m = d.index.at(att.cue.subj)
            if m is not None:
                speakers.add(m.entity)
    return candidates(d.tree, d.index, d.inside, d.text, skip, frozenset(speakers))


# ------------------------------------------------------------ decisions


@dataclass(frozen=True, slots=True)
class Raw:
    """A reading before scoring: the rules' attribution or a parse candidate."""

    opt: Attr | Candidate
    feats: list[str]  # the linear model's features
    head: int
    ext: tuple[int, int]  # content extent (characters)
    rule: bool


def raw_readings(d: QuoteDoc, attrs: list[Attr]) -> list[Raw]:
    """Every reading the model chooses among (but direct quotations)."""
    out = []
    for att, feats in rule_examples(d, attrs):
        head = att.cue.head if att.cue is not None else -1
        out.append(Raw(att, feats, head, (att.frags[0][0], att.frags[-1][1]), True))
    for cand in candidate_examples(d, attrs):
        out.append(Raw(cand, cand.feats, cand.head, cand.span, False))
    return out


def first_stage(
    raws: list[Raw], weights: dict[str, float], score: Callable[[list[str]], float]
) -> list[tuple[float, Raw]]:
    """The linear score of each reading whose word the model knows (see :func:`_known_word`)."""
    return [(score(r.feats), r) for r in raws if r.rule or _known_word(r.feats, weights)]


def reranked(
    d: QuoteDoc, scored: list[tuple[float, Raw]], model: QuoteModel, trees: Trees
) -> list[tuple[float, Raw, list[float]]]:
    """The model's probability (the trees' and the linear one's, mixed by ``model.mix``)
    and the trees' features of each reading above the floor."""
    kept = [(p, r) for p, r in scored if p >= trees.floor and r.head >= 0]
    sents = direct_sentences(d)
    described: list[tuple[float, Reading]] = [
        (p, describe(d, r.head, r.ext, r.rule, r.feats, sents)) for p, r in kept
    ]
    parts = [partials(r.feats, model.weights, r.rule) for _, r in kept]
    xs = features(described, [t.start for t in d.toks], parts)
    # both stages mixed: the trees alone drop readings the linear model is sure of
    # (on the samples, an outer report holding a nested one)
    a = model.mix
    return [(a * trees.prob(x) + (1 - a) * p, r, x) for (p, r), x in zip(kept, xs, strict=True)]


def apply(d: QuoteDoc, attrs: list[Attr], model: QuoteModel) -> list[Attr]:
    """The best reading of each cue: the rules' reported speech or a reading of the parse.

    Direct quotations stay as the rules attached them.  For every other verb the
    rules' reading (if it scores at least ``keep_rule``) and the parse's readings
    (if they score at least ``add_new``) compete; the most likely one is kept,
    most likely first, unless it repeats content already taken.  With a second
    stage (``model.rerank``) its probability is the score.
    """
    scored = first_stage(raw_readings(d, attrs), model.weights, model.score)
    if model.rerank is not None:
        scored = [(q, r) for q, r, _ in reranked(d, scored, model, model.rerank)]
    options: list[Option] = [
        (p, r.head, r.opt) for p, r in scored if p >= (model.keep_rule if r.rule else model.add_new)
    ]
    kept = [att for att in attrs if att.direct]
    taken: list[Taken] = [(span, -1, "") for att in kept for span in att.frags]
    taken += [
        ((m.outer_start, m.outer_end), -1, "") for k, m in enumerate(d.marks) if k in d.claimed
    ]
    done: set[int] = set()
    for _, head, opt in _prefer_fuller(options):
        if head in done:
            continue
        att = opt if isinstance(opt, Attr) else _attr_of(d, opt)
        assert att.cue is not None
        ext = (att.frags[0][0], att.frags[-1][1])
        item = (ext, d.toks[att.cue.head].start, att.cue.kind)
        if _repeats(item, taken) or not ALNUM_RE.search(d.text, *ext):
            continue
        kept.append(att)
        taken.append(item)
        done.add(head)
    return kept


Taken = tuple[tuple[int, int], int, str]  # content extent, cue position, cue kind
Option = tuple[float, int, "Attr | Candidate"]

# readings of one word scoring within this of the best one and containing it win:
# PolNeAR keeps the whole complement ("called the plan a 'vanity project'")
NEST_MARGIN = 0.05  # on PolNeAR dev 0.0-0.2 are all within 0.003 of content F1


def _extent(opt: Attr | Candidate) -> tuple[int, int]:
    if isinstance(opt, Attr):
        return opt.frags[0][0], opt.frags[-1][1]
    return opt.span


def _prefer_fuller(options: list[Option]) -> list[Option]:
    """Options most likely first, but a word's fuller reading before a part of it that
    scores barely more."""
    ranked = sorted(options, key=lambda x: -x[0])
    best: dict[int, Option] = {}
    for opt in ranked:
        top = best.setdefault(opt[1], opt)
        if top is opt or top[0] - opt[0] > NEST_MARGIN:
            continue
        (s, e), (ts, te) = _extent(opt[2]), _extent(top[2])
        if s <= ts and te <= e and e - s > te - ts:
            best[opt[1]] = opt
    firsts = {id(o) for o in best.values()}
    return [o for o in ranked if id(o) in firsts] + [o for o in ranked if id(o) not in firsts]


def _repeats(item: Taken, taken: list[Taken]) -> bool:
    """Does ``item`` repeat content already taken (half of either overlapping)?

    A report nested in an "according to" one is no repeat: `According to the
    Gazette, officials said the vote was delayed` holds two, one cue inside
    the other's content.
    """
    (s, e), cue_at, kind = item
    for (a, b), other_cue, other_kind in taken:
        o = min(e, b) - max(s, a)
        if o <= 0 or (2 * o < e - s and 2 * o < b - a):
            continue
        nests = a <= cue_at < b or s <= other_cue < e
        if "prep" in (kind, other_kind) and nests:
            continue
        return True
    return False


def _known_word(feats: list[str], weights: dict[str, float]) -> bool:
    """Is the reading's word one the model learned about, or in an attribution class?

    A word seen in neither ("prices surged …", "shares touched a peak") is judged
    by its context alone, which is not enough to call it a report.
    """
    w = weights
    return "VC=none" not in feats or any(f in w for f in feats if f[:2] in ("L=", "NL"))


def _attr_of(d: QuoteDoc, cand: Candidate) -> Attr:
    toks = d.toks
    v = cand.head
    cue = Cue(v, toks[v].start, toks[v].end, "model", frozenset(), subj=cand.subj)
    # "…, criticizing X for …": no subject of its own, the speaker goes on
    passive = d.tree.child(v, {"auxpass", "nsubjpass"}) is not None
    cue.anaphoric = cand.subj is None and not passive and toks[v].tag in ("VB", "VBG")
    lo = hi = v
    if cand.subj is not None:
        slo, shi = d.tree.edges(cand.subj)
        lo, hi = min(lo, slo), max(hi, shi)
    cue.clause_lo, cue.clause_hi = lo, hi
    return Attr(cue, [cand.span], False, toks[v].start)
