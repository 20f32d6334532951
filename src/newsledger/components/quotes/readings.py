"""The readings of a word's content that the parse offers (features are given them
in :mod:`newsledger.components.quotes.candidates`).

For a verb or noun: each complement (clause, to-infinitive, object, prepositional
object, "critical of X" / "a plan to X" one level down, the subject of a passive, a
fronted relative object, the sentence before "according to"), and the ends it may have: the whole complement, with what
follows it in the clause, with verbs coordinated after it, without a closing aside,
without a closing coordinated verb or a closing phrase of place or time.  Which
shapes and ends exist was decided on statistics of PolNeAR's training split (counts
in each function's docstring); the model learns which to trust.
"""

from __future__ import annotations

from newsledger.components.quotes.lexicon import lexicon, prep_length
from newsledger.components.quotes.parse import CLAUSE_HEAD_POS, extends
from newsledger.nlp.deptree import Tree


def readings(tree: Tree, v: int, comps: list[int]) -> list[tuple[int, int, str, int]]:
    """(first token, last token, complement type, head token) of each content the parse
    offers for ``v``."""
    toks = tree.tokens
    out: list[tuple[int, int, str, int]] = []
    for c in comps:
        dep = toks[c].dep
        n = tree.child(c, {"pobj", "pcomp"}) if dep == "prep" else c
        if n is None:
            continue
        if dep == "prep":
            dep = "prep:" + toks[c].text.lower()
        lo, hi = tree.edges(n)
        out.append((lo, hi, dep, n))
        if toks[c].dep in SECOND_LEVEL:  # "critical of X", "the idea of X", "a plan to X"
            for g in tree.children[n]:
                tg = toks[g]
                if g < n or tg.dep not in ("prep", "acl", "ccomp", "xcomp", "relcl"):
                    continue
                m = tree.child(g, {"pobj", "pcomp"}) if tg.dep == "prep" else g
                if m is None:
                    continue
                sub = "prep:" + tg.text.lower() if tg.dep == "prep" else tg.dep
                glo, ghi = tree.edges(m)
                out.append((glo, ghi, f"{dep}>{sub}", m))
    obj = next((c for c in comps if toks[c].dep in ("dobj", "dative")), None)
    if obj is not None:  # "urged voters to stay home", "called the plan a 'vanity project'"
        for c in comps:
            if c > obj and toks[c].dep in _AFTER_OBJECT:
                out.append((tree.edges(obj)[0], tree.edges(c)[1], f"obj+{toks[c].dep}", c))
    if toks[v].pos in CLAUSE_HEAD_POS:
        sp = tree.child(v, {"nsubjpass"})
        if sp is not None:  # "a curfew was announced", "his views were echoed"
            lo, hi = tree.edges(sp)
            out.append((lo, hi, "subjpass", sp))
        f = fronted(tree, v)
        if f is not None:
            out.append((f, f, "fronted", f))
        before = sentence_before(tree, v)
        if before is not None:
            out.append((before[0], before[1], "sentbefore", -1))
    return out


def sentence_before(tree: Tree, v: int) -> tuple[int, int] | None:
    """Tokens of the sentence before a reporting phrase that starts at ``v`` in mid-sentence
    ("Trump received 37 percent and Clinton 36, *according to* the survey"): PolNeAR's
    content is the whole of it (train: 264 of 347 such phrases), not the nearest clause."""
    toks = tree.tokens
    lex = lexicon()
    if toks[v].text.lower() not in lex.prep_first or prep_length(lex, toks, v) <= 0:
        return None
    first = v
    while (
        first > 0 and toks[first - 1].sent == toks[v].sent and tree.para[first - 1] == tree.para[v]
    ):
        first -= 1
    end = v - 1
    while end > first and toks[end].pos in ("PUNCT", "SPACE"):
        end -= 1
    if end <= first:
        return None
    return first, end


def prep_source(tree: Tree, v: int) -> int | None:
    """The source named by a reporting phrase starting at ``v`` ("according to *the
    survey*"), as the cue finder reads it, or None when ``v`` starts no such phrase."""
    toks = tree.tokens
    lex = lexicon()
    if toks[v].text.lower() not in lex.prep_first:
        return None
    k = prep_length(lex, toks, v)
    if k <= 0:
        return None
    last = v + k - 1
    pobj = tree.child(last, {"pobj"})
    if pobj is None:
        pobj = tree.child(v, {"pobj"})
    if pobj is None and last + 1 < len(toks) and toks[last + 1].pos in ("PROPN", "NOUN", "PRON"):
        pobj = last + 1
    return pobj


def fronted(tree: Tree, v: int) -> int | None:
    """The relative or wh- object before verb ``v`` ("the bill, *which* he opposed", "*what*
    she proposed"): PolNeAR marks the pronoun as the content (train: 123 one-word contents
    that/which/what)."""
    toks = tree.tokens
    for c in tree.children[v]:
        if c >= v:
            break
        if toks[c].dep == "dobj" and toks[c].text.lower() in _FRONTED_OBJECTS:
            return c
    return None


def extension(tree: Tree, v: int, hi: int) -> int:
    """Last token of the content when what follows the complement in the clause of ``v``
    belongs to it ("…, because …"), as :func:`newsledger.components.quotes.parse.extends` judges."""
    toks = tree.tokens
    end = hi
    for c in tree.children[v]:
        if c <= hi:
            continue
        # a clause or infinitive complement is a reading of its own (`told the Gazette
        # that …` reads `that …`; `urged voters to …` is the object+infinitive reading)
        if toks[c].dep in ("cc", "parataxis", "ccomp", "xcomp") or not extends(tree, c):
            break
        end = max(end, tree.edges(c)[1])
    return end


def conj_end(tree: Tree, v: int, hi: int) -> int | None:
    """Last token of the verbs coordinated with ``v`` after its content ``hi`` that share
    its subject (`vowed not to repeat it and established a policy …`), if any: PolNeAR
    often counts them as content."""
    toks = tree.tokens
    end = None
    for c in tree.children[v]:
        t = toks[c]
        own_subject = tree.child(c, {"nsubj", "nsubjpass", "expl"}) is not None
        if c > hi and t.dep == "conj" and t.pos in CLAUSE_HEAD_POS and not own_subject:
            end = tree.edges(c)[1]
    return end


def aside_start(tree: Tree, lo: int, hi: int) -> int | None:
    """The comma before a closing aside of tokens [lo, hi] (", which …", ", a …"), if any."""
    toks = tree.tokens
    for i in range(lo + 1, hi + 1):
        t = toks[i]
        if t.dep in ("relcl", "appos", "advcl", "acl") and tree.edges(i)[1] >= hi:
            a = tree.edges(i)[0]
            if a - 1 > lo and toks[a - 1].text == ",":
                return a - 1
    return None


def before_conj(tree: Tree, n: int, lo: int, hi: int) -> int | None:
    """Last token of content [lo, hi] headed by ``n`` before a coordinated clause or verb
    that closes it (`that he was undergoing therapy *and vowed to …*`): PolNeAR often
    ends the content there (train: 76 relations a reading ran past that way)."""
    toks = tree.tokens
    kids = tree.children[n]
    for k, c in enumerate(kids):
        if c <= n or toks[c].dep != "cc" or k + 1 >= len(kids):
            continue
        conj = kids[k + 1]
        if toks[conj].dep != "conj" or toks[conj].pos not in CLAUSE_HEAD_POS:
            continue
        if tree.edges(conj)[1] < hi:
            return None
        end = c - 1
        while end > lo and toks[end].pos in ("PUNCT", "SPACE"):
            end -= 1
        return end if end > lo else None
    return None


def trailing_prep(tree: Tree, n: int, lo: int, hi: int) -> tuple[int, str] | None:
    """Last token of content [lo, hi] headed by ``n`` before a closing prepositional phrase
    of time, place or manner (`called Palin a "clown" *on his radio show*`), and the
    preposition (train: about 80 relations a reading ran past that way)."""
    toks = tree.tokens
    kids = [c for c in tree.children[n] if c > n]
    if not kids:
        return None
    p = kids[-1]
    if toks[p].dep != "prep" or tree.edges(p)[1] < hi:
        return None
    word = toks[p].text.lower()
    if word not in _CLOSING_PREPS:
        return None
    end = p - 1
    while end > lo and toks[end].pos in ("PUNCT", "SPACE"):
        end -= 1
    return end, word


NOT_EXTENDED = frozenset({"subjpass", "sentbefore"})  # readings before their word
_CLOSING_PREPS = frozenset(
    {"in", "on", "at", "with", "from", "among", "around", "during", "after", "before", "for"}
)
_FRONTED_OBJECTS = frozenset({"that", "which", "what"})
SECOND_LEVEL = frozenset({"dobj", "attr", "acomp", "oprd"})
_AFTER_OBJECT = frozenset({"xcomp", "oprd"})
