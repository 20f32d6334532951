"""The second stage of the attribution model: each reading judged among its rivals.

The linear model (:mod:`newsledger.components.quotes.learned`) scores a reading
on its own features: the cue's lemma, the complement, the subject.  Whether a
reading is the attribution often depends on the others around it: a better
reading of the same cue, a likelier report whose content swallows this one, a
reading that would cut another cue's content in two.  This module describes
every reading by a few numbers (its linear score, its rank and margin among
the readings of its cue, the best rival overlapping it, where it lies in the
sentence and the document) and scores them with gradient-boosted trees
trained on PolNeAR's training split (``train/quote_attribution.py``, with the
linear scores of the training split cross-fitted so they are as good as on
unseen text).

The trees are plain arrays in ``data/models/quotes.json`` and are walked in
plain Python: no learning library at run time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from newsledger.components.quotes.attach import QuoteDoc

_CLASSES = ("speech", "thought", "intent", "judgement", "request", "evidence")
_DEPS = ("ccomp", "xcomp", "dobj", "prep", "obj+", "subjpass", ">")

# the static description of a reading (its score and rivals come in features())
STATIC = (
    "rule",  # a reported-speech reading of the cue lexicon (not the parse's)
    "noun",  # the cue is a noun
    "ntok",  # content length in tokens
    "after",  # the content follows the cue
    "gap",  # tokens between cue and content
    "quoted",  # share of the content inside quotation marks
    "ends_sent",  # the content runs to its sentence's end
    "starts_sent",  # the content starts its sentence
    "sent_pos",  # the cue's sentence's position in the document (0 first, 1 last)
    "first_sent",  # the cue is in the first sentence (a headline, often)
    "direct_sent",  # quotations attributed as direct speech in the cue's sentence
    "multi_sent",  # the content spans more than one sentence
    # from the linear model's features of the reading:
    "inlex",  # the cue is in the cue lexicon
    *(f"class_{c}" for c in _CLASSES),
    *(f"dep_{c}" for c in _DEPS),
    "ext",  # the content goes on past its complement ("…, because …"; "…, he said, and …")
    "trim",  # a closing aside cut off
    "conj",  # goes on over a verb coordinated with the cue
    "neg",
    "modal",
    "passive",
    "subj_none",  # no subject found
    "subj_agent",  # a person, organisation, pronoun or person noun as subject
)
_AGENTS = frozenset(
    {"ent-PERSON", "ent-ORG", "ent-NORP", "ent-GPE", "pron-person", "person-noun", "group-noun"}
)


def _flags(feats: list[str], rule: bool) -> tuple[float, ...]:
    """The reading's linear features that the trees see as flags."""
    fs = set(feats)
    pre = "r" if rule else ""
    classes = {f[3:] for f in fs if f.startswith("VC=")}
    dep = next((f[2:] for f in fs if f.startswith("D=")), "rule")
    subj = next((f[len(pre) + 2 :] for f in fs if f.startswith(pre + "S=")), "none")
    return (
        float(rule or "inlex" in fs),
        *(float(c in classes) for c in _CLASSES),
        *(float(dep == c or dep.startswith(c) or (c == ">" and ">" in dep)) for c in _DEPS),
        float("X=ext" in fs or "rresumed" in fs),
        float("X=trim" in fs),
        float("X=conj" in fs or "rconj" in fs),
        float(pre + "neg" in fs),
        float(pre + "modal" in fs),
        float(pre + "passive" in fs),
        float(subj == "none"),
        float(subj in _AGENTS),
    )


CONTEXT = (
    "p",  # the linear model's probability
    "logit",
    "head_n",  # readings of the same cue
    "head_rank",  # 0 for the likeliest reading of its cue
    "head_margin",  # p minus the best other reading of its cue (negative when beaten)
    "head_contains_best",  # contains the cue's likeliest other reading
    "head_inside_best",  # lies inside the cue's likeliest other reading
    "len_ratio",  # length over the length of the cue's likeliest reading
    "rival_overlap",  # best p of another cue's reading overlapping this content
    "rival_half",  # best p of another cue's reading overlapping it by half (a repeat)
    "holds_cue",  # best p of another cue's reading whose cue is inside this content
    "held_by",  # best p of another cue's reading whose content holds this cue
    "sent_best",  # best p of another cue's reading in the same sentence
    "sent_n",  # readings in the sentence scoring at least 0.3
)
# the linear model's sum split by what its features describe, so the trees can weigh
# the cue word's evidence against its context's (see :func:`partials`)
PARTS = ("w_cue", "w_content", "w_governor", "w_subject", "w_class")
FEATURES = STATIC + CONTEXT + PARTS

_PART_OF: dict[str, int] = {
    **dict.fromkeys(("G", "LG", "GD"), 2),
    **dict.fromkeys(("S", "SL", "spk-known", "passive", "neg", "modal", "anaph", "inv"), 3),
    **dict.fromkeys(("VC", "VCD", "VCK", "VCH", "VCS"), 4),
    **dict.fromkeys(
        ("X", "XD", "E", "ED", "EX", "EK", "D", "SD", "side", "mixed", "resumed", "conj", "Cq"),
        1,
    ),
}


def _part(name: str, rule: bool) -> int:
    """Which of PARTS a linear feature's weight goes to (0, the cue word's, by default)."""
    prefix = name.split("=", 1)[0].split("|", 1)[0]
    if rule and prefix.startswith("r"):
        prefix = prefix[1:]
    if prefix.startswith("C"):  # the content's length, start, first word, ...
        return 1
    return _PART_OF.get(prefix, 0)


# feature name -> its part, for the candidates' features and the rules' (filled as met)
_PART_CACHE: tuple[dict[str, int], dict[str, int]] = ({}, {})


def partials(feats: list[str], weights: dict[str, float], rule: bool) -> tuple[float, ...]:
    """The linear model's weights of ``feats`` summed per part of PARTS."""
    out = [0.0] * len(PARTS)
    get = weights.get
    cache = _PART_CACHE[rule]
    for f in feats:
        w = get(f)
        if w is not None:
            k = cache.get(f)
            if k is None:
                k = cache[f] = _part(f, rule)
            out[k] += w
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Reading:
    """What the reranker knows of a reading apart from its linear score."""

    head: int  # the cue's token
    start: int  # content extent (characters)
    end: int
    sent: int  # the cue's sentence
    static: tuple[float, ...]  # values of STATIC

    @property
    def rule(self) -> bool:
        return self.static[0] > 0


def direct_sentences(d: QuoteDoc) -> dict[int, int]:
    """Sentence -> quotations attributed as direct speech in it."""
    out: dict[int, int] = {}
    for k in d.claimed:
        s = _mark_sent(d, k)
        out[s] = out.get(s, 0) + 1
    return out


def describe(
    d: QuoteDoc,
    head: int,
    ext: tuple[int, int],
    rule: bool,
    feats: list[str],
    direct_sents: dict[int, int] | None = None,
) -> Reading:
    """The static description of the reading of cue ``head`` with content ``ext``
    (``feats``: its linear features; ``direct_sents``: :func:`direct_sentences` of
    ``d``, computed here when not given)."""
    ann = d.a.annotated
    toks = d.toks
    s, e = ext
    lo = ann.token_at(s)
    hi = max(lo, ann.token_at(e) - 1)
    hi = min(hi, len(toks) - 1)
    sent = toks[head].sent
    sents = ann.sents
    after = lo > head
    gap = lo - head - 1 if after else head - hi - 1
    inside = sum(1 for i in range(lo, hi + 1) if d.inside[i] >= 0)
    last_sent = sents[toks[hi].sent]
    first_sent = sents[toks[lo].sent]
    tail = d.text[e : toks[last_sent.token_end - 1].end].strip(" \"'”’)")
    direct = (direct_sentences(d) if direct_sents is None else direct_sents).get(sent, 0)
    static = (
        float(rule),
        float(toks[head].pos in ("NOUN", "PROPN")),
        float(hi - lo + 1),
        float(after),
        float(max(0, gap)),
        inside / max(1, hi - lo + 1),
        float(tail in ("", ".", "!", "?")),
        float(lo <= first_sent.token_start + 1),
        sent / max(1, len(sents) - 1),
        float(sent == 0),
        float(direct),
        float(toks[lo].sent != toks[hi].sent),
        *_flags(feats, rule),
    )
    return Reading(head, s, e, sent, static)


def _mark_sent(d: QuoteDoc, k: int) -> int:
    return d.toks[d.a.annotated.token_at(d.marks[k].start)].sent


def features(
    scored: list[tuple[float, Reading]],
    toks_start: list[int],
    parts: list[tuple[float, ...]],
) -> list[list[float]]:
    """FEATURES of each scored reading of one document, in order (rounded to 4 decimals).

    ``toks_start`` gives each token's first character (to place cues in contents);
    ``parts`` the :func:`partials` of each reading's linear score.
    """
    by_head: dict[int, list[int]] = {}
    for i, (_, r) in enumerate(scored):
        by_head.setdefault(r.head, []).append(i)
    sent_n: dict[int, int] = {}
    for p, r in scored:
        if p >= 0.3:
            sent_n[r.sent] = sent_n.get(r.sent, 0) + 1
    out = []
    for i, (p, r) in enumerate(scored):
        same = [j for j in by_head[r.head] if j != i]
        best = max(same, key=lambda j: scored[j][0], default=None)
        rank = sum(1 for j in same if scored[j][0] > p)
        if best is None:
            margin, contains, within, ratio = 1.0, 0.0, 0.0, 1.0
        else:
            b = scored[best][1]
            margin = p - scored[best][0]
            contains = float(r.start <= b.start and b.end <= r.end)
            within = float(b.start <= r.start and r.end <= b.end)
            ratio = (r.end - r.start) / max(1, b.end - b.start)
        over = half = holds = held = sbest = 0.0
        cue_at = toks_start[r.head]
        rs, re_, n = r.start, r.end, r.end - r.start
        for q, o in scored:
            if o.head == r.head:
                continue
            if o.sent == r.sent and q > sbest:
                sbest = q
            ov = (re_ if re_ < o.end else o.end) - (rs if rs > o.start else o.start)
            if ov > 0:
                if q > over:
                    over = q
                if q > half and (2 * ov >= n or 2 * ov >= o.end - o.start):
                    half = q
            if q > holds and rs <= toks_start[o.head] < re_:
                holds = q
            if q > held and o.start <= cue_at < o.end:
                held = q
        pc = min(max(p, 1e-6), 1 - 1e-6)
        context = (
            p,
            math.log(pc / (1 - pc)),
            float(len(same) + 1),
            float(rank),
            margin,
            contains,
            within,
            ratio,
            over,
            half,
            holds,
            held,
            sbest,
            float(sent_n.get(r.sent, 0)),
        )
        # 4 decimals: the trees' thresholds then survive the model file's 6-digit rounding
        out.append([round(v, 4) for v in (*r.static, *context, *parts[i])])
    return out


@dataclass(frozen=True, slots=True)
class Trees:
    """Gradient-boosted regression trees over FEATURES (a binary classifier's logits).

    Each tree is given by parallel arrays: the feature index and threshold of each
    node (``x[f] <= t`` goes left), its children, and for leaves (feature -1) the value.
    """

    baseline: float
    trees: tuple[tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...]], ...]
    floor: float  # readings whose linear score is below are dropped before the trees

    def prob(self, x: list[float]) -> float:
        z = self.baseline
        for feat, thr, left, right in self.trees:
            k = 0
            f = feat[0]
            while f >= 0:
                k = left[k] if x[f] <= thr[k] else right[k]
                f = feat[k]
            z += thr[k]  # a leaf's value is kept in its threshold slot
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(FEATURES),
            "baseline": self.baseline,
            "floor": self.floor,
            "trees": [
                {"feature": list(f), "threshold": list(t), "left": list(lf), "right": list(rt)}
                for f, t, lf, rt in self.trees
            ],
        }


def trees_from_json(data: dict[str, Any]) -> Trees:
    """The trees of a model file (raises ValueError/KeyError/TypeError when malformed)."""
    if list(data["features"]) != list(FEATURES):
        raise ValueError("the reranker's features differ from this version's")
    trees = []
    for t in data["trees"]:
        feat = tuple(int(v) for v in t["feature"])
        thr = tuple(float(v) for v in t["threshold"])
        left = tuple(int(v) for v in t["left"])
        right = tuple(int(v) for v in t["right"])
        if not (len(feat) == len(thr) == len(left) == len(right)) or not feat:
            raise ValueError("a tree's arrays differ in length")
        trees.append((feat, thr, left, right))
    return Trees(float(data["baseline"]), tuple(trees), float(data["floor"]))
