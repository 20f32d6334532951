"""Candidate attributions beyond the cue lexicon, and the features a model scores.

News reports far more than speech: stances, plans, demands and findings
("X wants to …", "X backed Y", "the report found …", "X called for …").  A
fixed list of reporting verbs misses most of them, and taking every verb would
drown the real ones.  This module proposes, for every verb outside quotation
marks that is not already a lexicon cue, the complements the parse gives it
(clause, to-infinitive, object, prepositional object, with or without what
follows in the verb's clause) and describes each one with a few sparse
features (verb lemma, complement type, what the subject is, tense, length…).
:mod:`newsledger.quote_model` scores them; the same features describe the
lexicon's reported-speech attributions so that weak ones can be dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from .quote_lexicon import lexicon
from .quote_parse import CLAUSE_HEAD_POS, Cue, Tree, subject_of, trim_span
from .speakers import MentionIndex

COMP_DEPS = frozenset({"ccomp", "xcomp", "dobj", "prep", "attr", "acomp", "oprd", "dative"})
_PERSON_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "who"})
_WH = frozenset({"what", "how", "why", "whether", "if", "who", "which", "when", "where"})
_SKIP_LEMMAS = frozenset({"be"})
_MAX_TOKENS = 120


@dataclass(slots=True)
class Candidate:
    """A verb and one reading of its content, with the features describing it."""

    head: int  # token index of the verb
    span: tuple[int, int]  # content (characters)
    subj: int | None
    feats: list[str]


def _bucket(n: int) -> str:
    for lim, name in ((1, "1"), (3, "2-3"), (7, "4-7"), (15, "8-15"), (30, "16-30")):
        if n <= lim:
            return name
    return "31+"


def subject_kind(tree: Tree, index: MentionIndex, subj: int | None) -> str:
    """What the subject phrase is: a pronoun, a kind of name, a person noun, …"""
    if subj is None:
        return "none"
    toks = tree.tokens
    t = toks[subj]
    low = t.text.lower()
    if t.pos == "PRON":
        return "pron-person" if low in _PERSON_PRONOUNS else "pron-other"
    m = index.at(subj)
    if m is not None:
        return "ent-" + m.type
    lex = lexicon()
    lem = t.lemma.lower()
    if lem in lex.person_nouns or lem in lex.title_nouns:
        return "person-noun"
    if lem in lex.group_nouns:
        return "group-noun"
    if lem in lex.source_nouns:
        return "source-noun"
    if t.pos == "PROPN":
        return "propn"
    return "noun" if t.pos == "NOUN" else "other"


def _content_feats(tree: Tree, lo: int, hi: int, prefix: str) -> list[str]:
    toks = tree.tokens
    first = toks[lo].text.lower()
    has_verb = any(toks[i].pos in CLAUSE_HEAD_POS for i in range(lo, min(hi + 1, lo + 40)))
    start = "that" if first == "that" else "to" if first == "to" else "wh" if first in _WH else "-"
    return [
        f"{prefix}len={_bucket(hi - lo + 1)}",
        f"{prefix}clause={has_verb}",
        f"{prefix}start={start}",
        f"{prefix}first={toks[lo].pos}",
    ]


def _verb_feats(tree: Tree, v: int, skind: str) -> list[str]:
    toks = tree.tokens
    t = toks[v]
    lem = t.lemma.lower()
    kids = [toks[c] for c in tree.children[v]]
    feats = [
        f"L={lem}",
        f"T={t.tag}",
        f"VD={t.dep}",
        f"S={skind}",
        f"LS={lem}|{skind in ('pron-person', 'ent-PERSON', 'ent-ORG', 'person-noun')}",
    ]
    if any(k.dep == "neg" for k in kids):
        feats.append("neg")
    if any(k.dep == "aux" and k.tag == "MD" for k in kids):
        feats.append("modal")
    if any(k.dep in ("auxpass", "nsubjpass") for k in kids):
        feats.append("passive")
    if lem in lexicon().verbs or lem in lexicon().phrasal:
        feats.append("inlex")
    for k in kids:
        if k.dep == "advmod" and k.i < v:
            feats.append(f"adv={k.lemma.lower()}")
        elif k.dep == "dobj":
            feats.append(f"LO={lem}|{k.lemma.lower()}")
        elif k.dep == "prt":
            feats.append(f"LP={lem}|{k.text.lower()}")
    if skind in ("noun", "other", "person-noun", "group-noun", "source-noun"):
        subj = tree.child(v, {"nsubj"})
        if subj is not None:
            feats.append(f"SL={toks[subj].lemma.lower()}")
    return feats


def candidates(
    tree: Tree, index: MentionIndex, inside: list[int], text: str, skip: set[int]
) -> list[Candidate]:
    """Every (verb, complement) reading outside quotation marks; verbs in ``skip`` left out."""
    toks = tree.tokens
    out: list[Candidate] = []
    for t in toks:
        v = t.i
        if inside[v] >= 0 or v in skip or t.lemma.lower() in _SKIP_LEMMAS:
            continue
        if t.pos == "NOUN":
            comps = [c for c in tree.children[v] if c > v and _noun_comp(tree, c)]
            if not comps:
                continue
            subj = _noun_subject(tree, v)
            skind = subject_kind(tree, index, subj)
            base = ["noun", f"NL={t.lemma.lower()}", f"S={skind}", f"ND={t.dep}"]
        elif t.pos in CLAUSE_HEAD_POS and t.dep not in ("aux", "auxpass"):
            comps = [c for c in tree.children[v] if c > v and toks[c].dep in COMP_DEPS]
            if not comps:
                continue
            subj, _ = subject_of(tree, v)
            skind = subject_kind(tree, index, subj)
            base = _verb_feats(tree, v, skind)
        else:
            continue
        vhi = tree.edges(v)[1]
        for c in comps:
            dep = toks[c].dep
            n = tree.child(c, {"pobj", "pcomp"}) if dep == "prep" else c
            if n is None:
                continue
            if dep == "prep":
                dep = "prep:" + toks[c].text.lower()
            lo, hi = tree.edges(n)
            if hi - lo > _MAX_TOKENS:
                continue
            lem = t.lemma.lower()
            common = [*base, f"D={dep}", f"LD={lem}|{dep}", f"SD={skind}|{dep}"]
            for ext in (False, True):
                end = vhi if ext else hi
                if ext and end <= hi:
                    continue
                s, e = trim_span(text, toks[lo].start, toks[end].end)
                if e <= s:
                    continue
                feats = [*common, f"X={ext}", *_content_feats(tree, lo, end, "C")]
                feats.append(f"XD={ext}|{dep}")
                out.append(Candidate(v, (s, e), subj, feats))
    return out


_NOUN_PREPS = frozenset({"of", "about", "on", "for", "over", "against", "that", "to"})


def _noun_comp(tree: Tree, c: int) -> bool:
    """Can child ``c`` of a noun hold reported content ("claim that …", "call for …")?"""
    t = tree.tokens[c]
    if t.dep == "prep":
        return t.text.lower() in _NOUN_PREPS
    if t.dep in ("acl", "ccomp") and t.pos in CLAUSE_HEAD_POS:
        return tree.child(c, {"aux", "mark"}) is not None
    return False


def _noun_subject(tree: Tree, n: int) -> int | None:
    """The possessor ("his claim"), or the subject of the verb the noun is object of."""
    toks = tree.tokens
    poss = tree.child(n, {"poss"})
    if poss is not None:
        return poss
    if toks[n].dep in ("dobj", "attr") and toks[n].head != n:
        return subject_of(tree, toks[n].head)[0]
    return None


def rule_features(
    tree: Tree, index: MentionIndex, cue: Cue, lo: int, hi: int, mixed: bool
) -> list[str]:
    """Features of a reported-speech attribution the lexicon rules found.

    ``lo``/``hi`` are the first and last token of its content; the names carry an
    ``r`` prefix so that one weight table holds both models.
    """
    skind = subject_kind(tree, index, cue.subj)
    toks = tree.tokens
    feats = [f"r{f}" for f in _verb_feats(tree, cue.head, skind)]
    feats += [
        f"rK={cue.kind}",
        f"rmixed={mixed}",
        f"rinv={cue.inverted}",
        f"ranaph={cue.anaphoric}",
    ]
    feats.append(f"rside={'after' if lo > cue.head else 'before'}")
    feats += _content_feats(tree, lo, hi, "rC")
    feats.append(f"rKS={cue.kind}|{skind}")
    if toks[cue.head].pos == "NOUN":
        feats.append("rnoun")
    return feats
