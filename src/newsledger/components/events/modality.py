"""Modality of an event mention, read from the parse: was it done, only intended,
threatened, or denied?

* ``done``: reported as having happened or happening ("troops shelled the town").
* ``intended``: planned, promised or hypothetical ("will provide food aid",
  "plans to attack", "tried to assassinate", "if he is convicted"); an event
  noun that is the object of a giving or light verb takes that verb's modality.
* ``threatened``: announced as a threat ("threatened to blockade", "would
  blockade the port if ...").
* ``denied``: the actor or a source denies it ("denied attacking the convoy").

Negated mentions ("did not attack") are no events at all
(:func:`newsledger.components.events.detect.negated`).  PLOVER types a promise
to act as AGREE and a threat to act as THREATEN (:func:`retyped`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - types only
    from newsledger.components.events.detect import DocIndex

MODALITIES = ("done", "intended", "threatened", "denied")
FUTURE_AUX = frozenset({"will", "shall", "would", "could", "might", "may", "'ll", "wo", "should"})
INTENT_HEADS = frozenset(
    {
        "plan",
        "intend",
        "try",
        "attempt",
        "seek",
        "aim",
        "want",
        "hope",
        "prepare",
        "promise",
        "pledge",
        "vow",
        "offer",
        "agree",
        "decide",
        "expect",
        "propose",
    }
)
INTENT_MODIFIERS = frozenset(
    {"planned", "plan", "foiled", "foil", "thwarted", "thwart", "would-be"}
)
INTENT_NOUNS = frozenset({"plan", "attempt", "plot", "bid", "promise", "pledge", "offer"})
THREAT_HEADS = frozenset({"threaten", "warn", "vow", "ultimatum"})
DENY_HEADS = frozenset({"deny", "refute", "dismiss"})
GIVING_VERBS = frozenset(
    {"provide", "give", "deliver", "send", "offer", "grant", "extend", "impose"}
)
PROMISE_TYPES = frozenset({"AID", "SUPPORT", "COOPERATE", "CONCEDE", "RETREAT", "CONSULT"})
THREAT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})


def modality(ix: DocIndex, i: int) -> str:
    """The modality of the event mention at token ``i`` (one of :data:`MODALITIES`)."""
    t = ix.tokens[i]
    for c in ix.children[i]:
        if ix.tokens[c].dep in ("amod", "compound") and ix.lemma(c) in INTENT_MODIFIERS:
            return "intended"  # "a planned attack", "the foiled plot"
        if ix.tokens[c].dep == "aux" and ix.lemma(c) in FUTURE_AUX:
            return "threatened" if ix.lemma(c) == "would" and _conditional(ix, i) else "intended"
    if condition(ix, i):
        return "intended"  # a condition, not a report: "(he faces prison) if he is convicted"
    h = t.head
    if h == i:
        return "done"
    hl = ix.lemma(h)
    if t.pos == "NOUN" and t.dep in ("dobj", "nsubjpass") and hl in GIVING_VERBS | _light(ix, h):
        return modality(ix, h)  # "will provide aid": the governing predicate's
    if t.dep in ("xcomp", "ccomp", "pcomp", "advcl") or (t.dep == "pobj" and ix.tokens[h].dep):
        # "threatened to attack", "denied attacking", "plans to strike"
        if hl in THREAT_HEADS:
            return "threatened"
        if hl in DENY_HEADS:
            return "denied"
        if hl in INTENT_HEADS and t.dep != "advcl":
            return "intended"
    if t.dep == "pobj":
        g = ix.tokens[h].head  # "denied involvement in the attack"
        if ix.lemma(g) in DENY_HEADS:
            return "denied"
    if t.dep in ("compound", "acl", "pobj", "nmod") and hl in INTENT_NOUNS:
        return "intended"  # "an assassination attempt", "a plan to attack", "a plot against"
    if t.dep == "dobj" and hl in DENY_HEADS:
        return "denied"
    return "done"


def _light(ix: DocIndex, h: int) -> frozenset[str]:
    """``{lemma}`` when token ``h`` is a light verb ("carry out", "launch"), else empty."""
    return (
        frozenset({ix.lemma(h)}) if "light" in ix.lex.support.get(ix.lemma(h), ()) else frozenset()
    )


def condition(ix: DocIndex, i: int) -> bool:
    """Is ``i`` the verb of an "if"/"unless" clause ("if he is convicted")?  Such an act is
    hypothetical: neither done nor promised (:func:`retyped` leaves its type)."""
    return ix.tokens[i].dep == "advcl" and any(
        ix.lemma(m) in ("if", "unless") for m in ix.deps(i, "mark")
    )


def _conditional(ix: DocIndex, i: int) -> bool:
    """Does the clause of ``i`` carry an "if"/"unless" condition?"""
    for c in ix.children[i]:
        if ix.tokens[c].dep == "advcl" and any(
            ix.lemma(m) in ("if", "unless") for m in ix.deps(c, "mark")
        ):
            return True
    return False


def retyped(etype: str, mod: str) -> str:
    """PLOVER's type for an act that was only promised or threatened."""
    if mod == "threatened" and etype in THREAT_TYPES:
        return "THREATEN"
    if mod == "intended" and etype in PROMISE_TYPES:
        return "AGREE"
    return etype
