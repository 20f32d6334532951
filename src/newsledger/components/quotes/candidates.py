"""Candidate attributions beyond the cue lexicon, and the features a model scores.

News reports far more than speech: stances, plans, demands and findings
("X wants to …", "X backed Y", "the report found …", "X called for …").  A
fixed list of reporting verbs misses most of them, and taking every verb would
drown the real ones.  This module proposes, for every verb and noun
outside quotation marks (but for cues of direct quotations), the readings of its
content the parse offers (:mod:`newsledger.components.quotes.readings`: each
complement alone, with what follows it in the clause, or cut at an aside, a
closing coordinated verb or a closing phrase of place or time, and a fronted
relative object).  Each reading gets a few sparse features (lemma and its
attribution class from ``data/quote_verb_classes.tsv``, complement type, what
the subject is, tense, length…).  :mod:`newsledger.components.quotes.learned` scores them;
the same kind of features describe the lexicon's reported-speech
attributions so that weak ones can be dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsledger.components.quotes.lexicon import VERB_CLASS_COLUMNS, lexicon
from newsledger.components.quotes.parse import CLAUSE_HEAD_POS, Cue, subject_of
from newsledger.components.quotes.readings import (
    NOT_EXTENDED,
    SECOND_LEVEL,
    aside_start,
    before_conj,
    extension,
    fronted,
    prep_source,
    readings,
    trailing_prep,
)
from newsledger.components.quotes.readings import (
    conj_end as conj_end,  # also imported from here by learned.py
)
from newsledger.components.quotes.speakers import MentionIndex
from newsledger.core.lexicon import read_table
from newsledger.nlp.deptree import Tree, trim_span

COMP_DEPS = frozenset({"ccomp", "xcomp", "dobj", "prep", "attr", "acomp", "oprd", "dative"})
_PERSON_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "who"})
_WH = frozenset({"what", "how", "why", "whether", "if", "who", "which", "when", "where"})
_SKIP_LEMMAS = frozenset({"be"})
_MAX_TOKENS = 120


@dataclass(slots=True)
class Candidate:
    """A verb and one reading of its content, with the features describing it."""

    head: int  # token index of the verb or noun
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


def _content_feats(tree: Tree, lo: int, hi: int, prefix: str, lem: str = "") -> list[str]:
    toks = tree.tokens
    first = toks[lo].text.lower()
    has_verb = any(toks[i].pos in CLAUSE_HEAD_POS for i in range(lo, min(hi + 1, lo + 40)))
    start = "that" if first == "that" else "to" if first == "to" else "wh" if first in _WH else "-"
    first_word = toks[lo].lemma.lower() if toks[lo].pos not in _OPEN_POS else toks[lo].pos
    return [
        f"{prefix}len={_bucket(hi - lo + 1)}",
        f"{prefix}clause={has_verb}",
        f"{prefix}start={start}",
        f"{prefix}first={toks[lo].pos}",
        f"{prefix}F={first_word}",
        f"{prefix}LF={lem}|{first_word}",
        f"{prefix}LC={lem}|{has_verb}",
    ]


_OPEN_POS = frozenset({"PROPN", "NUM"})


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
    return feats + governor_feats(tree, v)


def governor_feats(tree: Tree, w: int) -> list[str]:
    """The word ``w`` hangs from ("decided to *change*", "announced *plans*", "issued a
    *statement*"): whether a reading is a report often depends on it."""
    toks = tree.tokens
    t = toks[w]
    if t.head == w:
        return ["G=root"]
    g = toks[t.head]
    glem = g.lemma.lower() if g.pos in CLAUSE_HEAD_POS or g.pos == "NOUN" else g.pos
    if t.dep == "pobj" and g.head != g.i:  # "in a statement": the word before the preposition
        gg = toks[g.head]
        glem = f"{g.text.lower()}<{gg.lemma.lower() if gg.pos in CLAUSE_HEAD_POS else gg.pos}"
    return [f"G={glem}", f"LG={t.lemma.lower()}|{glem}", f"GD={glem}|{t.dep}"]


@lru_cache(maxsize=1)
def word_classes() -> dict[tuple[str, str], tuple[str, ...]]:
    """(lemma, VERB|NOUN) -> attribution classes, from ``data/quote_verb_classes.tsv``."""
    out: dict[tuple[str, str], list[str]] = {}
    for row in read_table("quote_verb_classes.tsv", VERB_CLASS_COLUMNS):
        out.setdefault((row["lemma"], row["pos"]), []).append(row["class"])
    return {k: tuple(v) for k, v in out.items()}


def _class_feats(
    lemma: str, pos: str, dep: str, agent: bool, skind: str = "", head_dep: str = ""
) -> list[str]:
    classes = word_classes().get((lemma, pos), ("none",))
    return [
        f
        for c in classes
        for f in (
            f"VC={c}",
            f"VCD={c}|{dep}",
            f"VCS={c}|{agent}",
            f"VCK={c}|{skind}",
            f"VCH={c}|{head_dep}",
        )
    ]


_QUOTE_CHARS = frozenset('"“”«»')


def content_end(tree: Tree, end: int) -> str:
    """What follows the content's last token ``end``: the sentence's end, a comma, …"""
    toks = tree.tokens
    if end + 1 >= len(toks) or toks[end + 1].sent != toks[end].sent:
        return "eos"
    nxt = toks[end + 1].text
    if nxt in (".", "!", "?"):
        return "stop"
    if nxt in (",", ";", ":", "--", "—", "–"):
        return "comma" if nxt == "," else "punct"
    if nxt in _QUOTE_CHARS:
        return "quote"
    return toks[end + 1].pos


_AGENT_KINDS = frozenset({"pron-person", "ent-PERSON", "ent-ORG", "person-noun", "group-noun"})


def candidates(
    tree: Tree,
    index: MentionIndex,
    inside: list[int],
    text: str,
    skip: set[int],
    speakers: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Every (verb or noun, content) reading outside quotation marks; heads in ``skip`` left out.

    ``speakers`` are entity ids already quoted in the document: a subject among
    them is a likelier source.
    """
    toks = tree.tokens
    out: list[Candidate] = []
    for t in toks:
        v = t.i
        if inside[v] >= 0 or v in skip:
            continue
        lem = t.lemma.lower()
        if t.pos == "NOUN":
            comps = [c for c in tree.children[v] if c > v and _noun_comp(tree, c)]
            if not comps:
                continue
            subj = _noun_subject(tree, v)
            skind = subject_kind(tree, index, subj)
            base = ["noun", f"NL={lem}", f"S={skind}", f"ND={t.dep}", *governor_feats(tree, v)]
            pos = "NOUN"
        elif t.pos in CLAUSE_HEAD_POS and t.dep not in ("aux", "auxpass"):
            comps = [c for c in tree.children[v] if c > v and toks[c].dep in COMP_DEPS]
            if lem in _SKIP_LEMMAS:
                comps = [c for c in comps if toks[c].dep in SECOND_LEVEL]
            if not comps and tree.child(v, {"nsubjpass"}) is None and fronted(tree, v) is None:
                continue
            # "according to X": X is the source, as for the cue finder's reading
            subj = prep_source(tree, v)
            if subj is None:
                subj, _ = subject_of(tree, v)
            skind = subject_kind(tree, index, subj)
            base = _verb_feats(tree, v, skind)
            pos = "VERB"
        else:
            continue
        if subj is not None:
            m = index.at(subj)
            if m is not None and m.entity in speakers:
                base.append("spk-known")
        agent = skind in _AGENT_KINDS
        for lo, hi, dep, n in readings(tree, v, comps):
            if hi - lo > _MAX_TOKENS:
                continue
            common = [
                *base,
                f"D={dep}",
                f"LD={lem}|{dep}",
                f"SD={skind}|{dep}",
                f"TD={t.tag}|{dep}",
                f"LSK={lem}|{skind}",
            ]
            common += _class_feats(lem, pos, dep, agent, skind, t.dep)
            ends = {("core", hi)}
            ext = extension(tree, v, hi) if dep not in NOT_EXTENDED else hi
            if ext > hi:
                ends.add(("ext", ext))
            if dep not in NOT_EXTENDED and t.pos in CLAUSE_HEAD_POS:
                ce = conj_end(tree, v, max(ext, hi))
                if ce is not None:
                    ends.add(("conj", ce))
            cut = aside_start(tree, lo, hi)
            if cut is not None:
                ends.add(("trim", cut - 1))
            extra: dict[str, list[str]] = {}
            short = before_conj(tree, n, lo, hi) if n >= 0 else None
            if short is not None:
                ends.add(("noconj", short))
            tail = trailing_prep(tree, n, lo, hi) if n >= 0 else None
            if tail is not None:
                ends.add(("noprep", tail[0]))
                extra["noprep"] = [f"XP={tail[1]}", f"LXP={lem}|{tail[1]}"]
            for variant, end in sorted(ends):  # a set: its order varies between runs
                s, e = trim_span(text, toks[lo].start, toks[end].end)
                if e <= s:
                    continue
                after = content_end(tree, end)
                feats = [
                    *common,
                    f"X={variant}",
                    f"XD={variant}|{dep}",
                    f"LXD={lem}|{variant}|{dep}",
                    f"E={after}",
                    f"ED={after}|{dep}",
                    f"EX={after}|{variant}",
                    *extra.get(variant, ()),
                ]
                if _QUOTE_CHARS.intersection(text[s:e]):
                    whole = text[s] in _QUOTE_CHARS or text[s : s + 2].lower() in ("a ", "an")
                    feats.append(f"Cq|{dep}|{'quoted-words' if whole else 'more'}")
                feats += _content_feats(tree, lo, end, "C", lem)
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
    side = "after" if lo > cue.head else "before"
    feats.append(f"rside={side}")
    lem = toks[cue.head].lemma.lower()
    after = content_end(tree, hi)
    feats += [f"rLK={lem}|{cue.kind}|{side}", f"rE={after}", f"rEK={after}|{cue.kind}|{side}"]
    feats += _content_feats(tree, lo, hi, "rC", lem)
    feats.append(f"rKS={cue.kind}|{skind}")
    if toks[cue.head].pos == "NOUN":
        feats.append("rnoun")
    return feats
