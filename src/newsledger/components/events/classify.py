"""The learned event-type classifier: is a trigger mention a reported event, and of
which PLOVER type?

The lexicon (``data/event_triggers.tsv``) proposes trigger mentions; this model
re-reads each from its governing predicate and dependency context (lemma, the
rule's type, the head it hangs from and how, its object and subject, negation,
modal and auxiliary words, modality, determiners) and gives a probability for
each PLOVER type it was trained on and for ``NONE`` (no event of its own: a
background noun, a name of a past event in a list, a word used figuratively).

Trained by ``train/event_types.py`` (``make train``) with scikit-learn on
WikiEvents train (KAIROS types mapped with ``data/event_kairos_plover.tsv``),
selected on WikiEvents dev; shipped as JSON weights in
``data/models/event_types.json`` and scored here in plain Python.  Mentions
of types outside the model's classes (AGREE, AID, ... never labelled in
WikiEvents) keep the lexicon's type.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from newsledger.components.events.modality import condition, modality, retyped
from newsledger.core.models import ModelError, load_model

if TYPE_CHECKING:  # pragma: no cover - types only
    from newsledger.components.events.detect import Cand, DocIndex

MODEL = "event_types"
NONE = "NONE"
RETYPE = 0.5  # the model changes the lexicon's type only when this sure of another
ARG_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "agent", "dative"})


@dataclass(frozen=True, slots=True)
class TypeModel:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    threshold: float  # a mention whose NONE probability reaches it is dropped
    scope: frozenset[str]  # lexicon types the model decides on

    def probs(self, feats: list[str]) -> dict[str, float]:
        z = list(self.bias)
        for f in feats:
            w = self.weights.get(f)
            if w is not None:
                for k, v in enumerate(w):
                    z[k] += v
        top = max(z)
        e = [math.exp(v - top) for v in z]
        s = sum(e)
        return {c: v / s for c, v in zip(self.classes, e, strict=True)}


def from_payload(payload: dict[str, Any]) -> TypeModel:
    try:
        classes = tuple(str(c) for c in payload["classes"])
        bias = tuple(float(b) for b in payload["bias"])
        weights = {str(f): tuple(float(x) for x in w) for f, w in payload["weights"].items()}
        threshold = float(payload["threshold"])
        scope = frozenset(str(s) for s in payload["scope"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(
            f"data/models/{MODEL}.json is malformed ({exc!r}).",
            "Rebuild it with `make train` (train/event_types.py).",
        ) from None
    if len(bias) != len(classes) or any(len(w) != len(classes) for w in weights.values()):
        raise ModelError(
            f"data/models/{MODEL}.json: weights do not match its {len(classes)} classes.",
            "Rebuild it with `make train` (train/event_types.py).",
        )
    return TypeModel(classes, bias, weights, threshold, scope)


@cache
def type_model() -> TypeModel:
    """The shipped classifier (loaded once per process)."""
    return from_payload(load_model(MODEL))


def _det(ix: DocIndex, i: int) -> str:
    for c in ix.children[i]:
        t = ix.tokens[c]
        if t.dep == "poss":
            return "poss"
        if t.dep == "det":
            return t.text.lower()
    return "-"


def features(ix: DocIndex, c: Cand, seen: int) -> list[str]:
    """Feature names of trigger mention ``c``, its arguments filled in (``seen``:
    earlier mentions of the same lemma in the document)."""
    i, rule_type = c.tok, c.type
    t = ix.tokens[i]
    lem = ix.lemma(i)
    pos = "V" if t.pos in ("VERB", "AUX") else "N" if t.pos in ("NOUN", "PROPN") else t.pos
    out = [
        f"rt={rule_type}",
        f"l={lem}",
        f"l|pos={lem}|{pos}",
        f"rt|pos={rule_type}|{pos}",
        f"tag={t.tag}",
        f"dep={t.dep}",
        f"rt|dep={rule_type}|{t.dep}",
        f"mod={modality(ix, i)}",
        f"det={_det(ix, i)}",
        f"seen={min(seen, 2)}",
        f"rt|seen={rule_type}|{min(seen, 2)}",
    ]
    if t.text[:1].isupper() and i > 0 and ix.tokens[i - 1].sent == t.sent:
        out.append("cap")
    h = t.head
    classes = ix.lex.verb_classes
    if pos == "V":
        out.append(f"vc={classes.get(lem, '-')}")
    if h != i:
        hl = ix.lemma(h)
        out += [f"h={hl}", f"dep|h={t.dep}|{hl}", f"rt|h={rule_type}|{hl}"]
        if ix.tokens[h].pos in ("VERB", "AUX"):  # the class of the governing verb
            hc = classes.get(hl, "-")
            out += [f"hvc={hc}", f"rt|hvc={rule_type}|{hc}"]
        hh = ix.tokens[h].head
        if hh != h:
            out.append(f"hh={ix.lemma(hh)}")
    else:
        out.append("root")
    for k in ix.children[i]:
        ct = ix.tokens[k]
        d = ct.dep
        cl = ix.lemma(k)
        if d in ARG_DEPS:
            label = ix.ent_label[k] or ("place" if ix.is_place(k) else "")
            out += [f"{d}={cl}", f"{d}:ent={label}"]
        elif d in ("amod", "compound", "nmod", "nummod"):
            out.append(f"m={cl}" if d != "nummod" else "num")
        elif d == "prep":
            out.append(f"prep={cl}")
            for o in ix.deps(k, "pobj"):
                out.append(f"prep|o={cl}|{ix.lemma(o)}")
                if ix.is_place(o):
                    out.append(f"prep|place={cl}")
                if ix.is_date(o):
                    out.append("prep|date")
        elif d in ("aux", "auxpass"):
            out.append(f"{d}={cl}")
        elif d == "neg":
            out.append("neg")
    if t.tag in ("NNS", "NNPS"):
        out.append("plural")
    toks = ix.tokens
    prev = ix.lemma(i - 1) if i > 0 and toks[i - 1].sent == t.sent else "<s>"
    nxt = ix.lemma(i + 1) if i + 1 < len(toks) and toks[i + 1].sent == t.sent else "</s>"
    out += [f"l-1={prev}", f"l+1={nxt}", f"sent={min(t.sent, 3)}"]
    sent = ix.a.annotated.sents[t.sent]
    if sent.end - sent.start < 60:
        out.append("short")
    if h != i:
        out.append(f"htag={toks[h].tag}")
    out += [
        f"args={bool(c.actors)}{bool(c.targets)}",
        f"aspans={min(len(c.actor_spans), 1)}{min(len(c.target_spans), 1)}",
        f"place={c.place_level}",
        f"where={c.where_level}",
        f"date={c.date_level}",
        f"fig={bool(c.figures)}",
    ]
    return out


def decide(ix: DocIndex, cands: list[Cand], model: TypeModel | None = None) -> None:
    """Type each mention (arguments filled in) by the model and its modality.

    A mention the model finds no event of its own is marked ``background``: folded
    into a reported event by coreference ("The attack was condemned"), it is one
    of that event's mentions and lends it its arguments; an event of background
    mentions only is not reported.  Casualty
    words (``aux``), mentions with casualty figures or a place of their own (a
    syntactic argument), and mentions of types outside the model's scope keep
    the lexicon's decision.  A promise to act is AGREE and a threat to act
    THREATEN (:func:`~newsledger.components.events.modality.retyped`).
    """
    m = model or type_model()
    seen: dict[str, int] = {}
    for c in cands:
        lem = ix.lemma(c.tok)
        n = seen.get(lem, 0)
        seen[lem] = n + 1
        c.modality = modality(ix, c.tok)
        if not c.aux and c.type in m.scope:
            p = m.probs(features(ix, c, n))
            c.background = p[NONE] >= m.threshold and not (c.figures or c.place_level == 2)
            best = max((k for k in m.classes if k != NONE), key=lambda k: p[k])
            if best != c.type and p[best] >= RETYPE:
                c.type, c.mode = best, None
        if not c.aux and not condition(ix, c.tok):
            new = retyped(c.type, c.modality)
            if new != c.type:
                c.type, c.mode = new, None
