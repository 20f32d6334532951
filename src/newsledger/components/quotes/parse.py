"""The cue finder of the quote stage.

:func:`find_cues` finds the attribution cues of the lexicon
(``data/quote_cues.tsv``) with their speaker phrase and, for reported speech,
the content the parse gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsledger.components.quotes.lexicon import AGENT, Lexicon, is_agent, lexicon, prep_length
from newsledger.core.model import Annotated, Token
from newsledger.nlp.deptree import Tree, trim_span

_ADJACENT = 4  # tokens between a cue and a clause it governs that still count as next to it
_CLAUSE_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
CLAUSE_HEAD_POS = frozenset({"VERB", "AUX"})


@dataclass(slots=True)
class Cue:
    """A cue found in the parse, before quotations are attached to it."""

    head: int  # token index of the cue word ("said", "according")
    start: int  # character span of the cue text
    end: int
    kind: str  # verb | phrasal | prep | noun | byline
    allowed: frozenset[str]  # content kinds the lexicon allows (and AGENT)
    subj: int | None = None  # head token of the speaker phrase
    inverted: bool = False  # the speaker follows the cue ("said X")
    content: list[tuple[int, int]] = field(default_factory=list)  # reported content (chars)
    clause_lo: int = 0  # token span of the cue clause outside its content
    clause_hi: int = 0
    anaphoric: bool = False  # no subject of its own: speaker from context
    ccomp: int | None = None  # the clause the cue governs, if any (inside quotes or not)


def _same_para(tree: Tree, subj: int, v: int) -> int:
    """The subject's phrase, or its part in the verb's paragraph (a heading line
    parsed as one sentence with the next paragraph)."""
    if tree.para[subj] == tree.para[v]:
        return subj
    lo, hi = tree.edges(subj)
    best, depth = subj, 99
    for i in range(lo, hi + 1):
        if tree.para[i] != tree.para[v] or tree.tokens[i].pos not in ("PROPN", "NOUN", "PRON"):
            continue
        dd, j = 0, i
        while j != subj and dd < 20:
            j = tree.tokens[j].head
            dd += 1
        if dd < depth:
            best, depth = i, dd
    return best


def _inverted(tree: Tree, v: int) -> int | None:
    """`"…," even specified the head of state`: the noun after the verb is its speaker."""
    toks = tree.tokens
    j = v - 1
    while j >= 0 and toks[j].dep in ("advmod", "neg"):
        j -= 1
    if j < 0 or toks[j].pos != "PUNCT":
        return None
    for c in tree.children[v]:
        dep_ok = toks[c].dep in ("dobj", "attr", "npadvmod", "dative", "appos")
        if c > v and dep_ok and toks[c].pos in ("NOUN", "PROPN"):
            return c
    return None


def subject_of(tree: Tree, v: int) -> tuple[int | None, bool]:
    """Head token of the speaker phrase of verb ``v`` (and whether it follows the verb)."""
    toks = tree.tokens
    cur = v
    for _ in range(4):
        passive = False
        subjects = [c for c in tree.children[cur] if toks[c].dep in ("nsubj", "csubj")]
        if subjects:
            # a headline or byline parsed into the sentence is a subject of its own:
            # the one in the verb's paragraph wins
            own = [c for c in subjects if tree.para[c] == tree.para[v]]
            c = own[0] if own else _same_para(tree, subjects[0], v)
            return c, c > v
        for c in tree.children[cur]:
            d = toks[c].dep
            if d == "nsubjpass" or d == "auxpass":
                passive = True
        if passive:
            agent = tree.child(cur, {"agent"})
            if agent is not None:
                pobj = tree.child(agent, {"pobj"})
                return pobj, False
            return None, False
        t = toks[cur]
        if t.dep in ("conj", "xcomp", "advcl") and t.head != cur:
            if t.dep == "advcl" and tree.child(cur, {"mark"}) is not None:
                return None, False
            cur = t.head
            continue
        if t.dep in ("relcl", "acl") and t.head != cur:
            return t.head, False
        break
    prev = v - 1  # "the researcher points to …" parsed with the noun as a compound
    if prev >= 0 and toks[prev].head == v and toks[prev].pos in ("NOUN", "PROPN", "PRON"):
        return prev, False
    inv = _inverted(tree, v)
    return inv, inv is not None


def find_cues(a: Annotated, tree: Tree, inside: list[int]) -> list[Cue]:
    """Every cue outside quotation marks (``inside[i] >= 0`` marks quoted tokens)."""
    lex = lexicon()
    toks = a.tokens
    out: list[Cue] = []
    for t in toks:
        if inside[t.i] >= 0:
            continue
        cue = _cue_at(a, tree, lex, t)
        if cue is None:
            continue
        ps, pe = tree.para_span[tree.para[cue.head]]
        spans = [_drop_aside(a, tree, max(s, ps), min(e, pe)) for s, e in cue.content]
        trimmed = [trim_span(a.doc.text, s, e) for s, e in spans]
        cue.content = [(s, e) for s, e in trimmed if e > s and not _bare_pronoun(a, s, e)]
        out.append(cue)
    return out


_RELATIVE = frozenset({"what", "that", "which", "who", "whom", "it", "this", "them"})


def _bare_pronoun(a: Annotated, s: int, e: int) -> bool:
    """Content that is only a relative or personal pronoun ("condemned what he called …")."""
    return a.doc.text[s:e].lower() in _RELATIVE


def _cue_at(a: Annotated, tree: Tree, lex: Lexicon, t: Token) -> Cue | None:
    """The cue token ``t`` starts, if it is one (with speaker and content found)."""
    toks = a.tokens
    low = t.lemma.lower()
    if t.text.lower() in lex.prep_first:
        k = prep_length(lex, toks, t.i)
        if k > 0:
            cue = Cue(t.i, t.start, toks[t.i + k - 1].end, "prep", frozenset({"clause"}))
            _prep_cue(a, tree, cue, t.i + k - 1)
            return cue
    if t.pos == "NOUN" and low in lex.nouns:
        cue = Cue(t.i, t.start, t.end, "noun", lex.nouns[low])
        _noun_cue(tree, cue)
        return cue if cue.content else None
    if t.pos not in CLAUSE_HEAD_POS or t.dep == "aux":
        return None
    kinds = lex.verbs.get(low)
    span_end, kind, particle = t.end, "verb", -1
    parts = lex.phrasal.get(low)
    if parts:
        for c in tree.children[t.i]:
            w = toks[c].text.lower()
            near = c == t.i + 1 or (c == t.i + 2 and toks[t.i + 1].pos == "ADV")
            if near and w in parts and toks[c].dep in ("prt", "prep"):
                kinds, kind, span_end, particle = parts[w], "phrasal", toks[c].end, c
                break
    if kinds is None:
        return None
    cue = Cue(t.i, t.start, span_end, kind, kinds)
    _verb_cue(a, tree, cue, particle)
    if AGENT in kinds and not is_agent(lex, toks, cue.subj):
        return None
    return cue


_ASIDE_DEPS = frozenset({"relcl", "appos"})
_ASIDE_MARKS = frozenset({"although", "though", "while", "whereas", "as"})


def _drop_aside(a: Annotated, tree: Tree, s: int, e: int) -> tuple[int, int]:
    """Content without a closing aside set off by a comma (", which …", ", the alliance …"):
    the writer's gloss, not what the source said."""
    toks = a.tokens
    i = a.token_at(s)
    last = a.token_at(e) - 1
    while last > i and toks[last].pos in ("PUNCT", "SPACE"):
        last -= 1
    while i <= last and i < len(toks):
        t = toks[i]
        if (t.dep in _ASIDE_DEPS or _conceding(tree, i)) and i > 0:
            lo, hi = tree.edges(i)
            if hi >= last and lo > 0 and toks[lo - 1].text == "," and toks[lo - 1].start > s:
                return s, toks[lo - 1].start
        i += 1
    return s, e


def _conceding(tree: Tree, i: int) -> bool:
    """Is token ``i`` an ", although …" / ", as …" clause (the writer's aside)?"""
    if tree.tokens[i].dep != "advcl":
        return False
    mark = tree.child(i, {"mark"})
    return mark is not None and tree.tokens[mark].text.lower() in _ASIDE_MARKS


def _verb_cue(a: Annotated, tree: Tree, cue: Cue, particle: int) -> None:
    toks = a.tokens
    v = cue.head
    subj, inverted = subject_of(tree, v)
    cue.subj, cue.inverted = subj, inverted
    # "And to conclude: …", "adding …": no subject of its own, the speaker goes on;
    # a passive with no agent ("it was reported that …") has no speaker at all
    passive = tree.child(v, {"auxpass", "nsubjpass"}) is not None
    cue.anaphoric = subj is None and not passive and toks[v].tag in ("VB", "VBG")
    cue.ccomp = tree.child(v, {"ccomp"})
    comp: int | None = None
    allowed = cue.allowed
    if particle >= 0 and "pp" in allowed:
        if toks[particle].dep == "prep":
            comp = tree.child(particle, {"pobj", "pcomp"})
        else:  # "called on the administration to …" parsed with a particle
            allowed = allowed | {"np"}
    kids = tree.children[v]
    right = [c for c in kids if c > v and toks[c].dep == "ccomp"]
    if right and tree.edges(right[0])[0] <= v + _ADJACENT:
        kids = [right[0], *kids]  # "X said Y" before "Z: X said"
    for c in kids if comp is None else ():
        d = toks[c].dep
        if d == "ccomp" and "clause" in allowed:
            comp = c
            break
        if d == "xcomp" and "to" in allowed and tree.child(c, {"aux"}) is not None:
            comp = c
            break
        if d == "dobj" and "np" in allowed and comp is None:
            comp = c
    lo, hi = v, v
    if subj is not None:
        slo, shi = tree.edges(subj)
        lo, hi = min(lo, slo), max(hi, shi)
    for c in sorted(tree.children[v], reverse=True):
        if c == lo - 1 and toks[c].dep in ("aux", "neg", "advmod", "auxpass", "npadvmod"):
            lo = c
    cue.clause_lo, cue.clause_hi = lo, hi
    if comp is not None:
        lo_c, hi_c = tree.edges(comp)
        fronted = None
        if toks[comp].dep == "ccomp" and tree.child(comp, _CLAUSE_SUBJ) is None:
            # "think the outreach … was phony": the parser took the subject as object
            obj = tree.child(v, {"dobj"})
            # (not "told me …": an object pronoun is the addressee)
            if (
                obj is not None
                and v < obj < comp
                and toks[obj].text.lower() not in _OBJECT_PRONOUNS
            ):
                lo_c = min(lo_c, tree.edges(obj)[0])
            fronted = _fronted_subject(tree, cue, comp)
        if comp > v:  # take in what follows the complement ("…, because …")
            for c in tree.children[v]:
                if c <= comp:
                    continue
                tc = toks[c]
                if tc.dep in ("cc", "parataxis") or _is_cue_word(tc):
                    break
                if tc.text.lower() in lexicon().prep_first and prep_length(lexicon(), toks, c):
                    break
                if extends(tree, c):
                    hi_c = max(hi_c, tree.edges(c)[1])
        if fronted is not None:  # "The problem, she told me, is that …"
            cue.content.append((toks[fronted[0]].start, toks[fronted[1]].end))
        cue.content.append((toks[lo_c].start, toks[hi_c].end))
        if comp < v:  # "The mill was a giant, he said, until it closed"
            rest = _resumed(tree, cue)
            if rest is not None:
                cue.content.append((toks[rest[0]].start, toks[rest[1]].end))
        return
    t = toks[v]
    if "clause" in cue.allowed and t.dep in ("parataxis", "ccomp", "advcl") and t.head < v + 50:
        # "Prices rose, he said" / "The museum, he said, would …": the head clause is the content
        h = t.head
        if h == v or tree.child(v, {"mark"}) is not None:
            return
        # "The real problem, she told me, is that …": hung on the subject of the clause
        on_subject = toks[h].pos not in CLAUSE_HEAD_POS and toks[h].dep in _CLAUSE_SUBJ
        if t.dep == "parataxis" and on_subject and toks[h].head > v:
            h = toks[h].head
        hlo, hhi = tree.edges(h)
        vlo, vhi = tree.edges(v)
        if t.dep != "parataxis" and not (h < v and vhi >= hhi):
            return
        # what of the cue's own subtree lies before its subject ("If …, X argues, …")
        vlo = min(cue.clause_lo, v) if vlo < cue.clause_lo and hlo == vlo else vlo
        before = vlo - 1
        while before >= hlo and toks[before].pos in ("PUNCT", "SPACE"):
            before -= 1
        if hlo <= before:
            cue.content.append((toks[hlo].start, toks[before].end))
        if hhi > vhi:  # the head clause goes on after the cue clause ("…, he said, would …")
            after = vhi + 1
            while after <= hhi and toks[after].pos in ("PUNCT", "SPACE"):
                after += 1
            if after <= hhi:
                cue.content.append((toks[after].start, toks[hhi].end))


_OBJECT_PRONOUNS = frozenset({"me", "him", "her", "us", "them", "you"})


def _fronted_subject(tree: Tree, cue: Cue, comp: int) -> tuple[int, int] | None:
    """Tokens of a subject the parse hung on the cue, before it and set off by a comma,
    when the cue's clause after it has none ("The problem, she told me, is that …")."""
    toks = tree.tokens
    v = cue.head
    if comp < v:
        return None
    for c in tree.children[v]:
        if c >= min(cue.clause_lo, v):
            break
        if toks[c].dep in ("dep", "nsubj", "npadvmod") and toks[c].pos in ("NOUN", "PROPN"):
            lo, hi = tree.edges(c)
            if hi + 1 < v and toks[hi + 1].text == ",":
                return lo, hi
    return None


def _resumed(tree: Tree, cue: Cue) -> tuple[int, int] | None:
    """Tokens of the content resumed after a cue set in commas in mid-sentence.

    In "The mill was a giant, he said, until it closed" the parse may hang
    "until …" on "said"; it belongs to the content before the cue.
    """
    toks = tree.tokens
    v = cue.head
    first = last = -1
    for c in tree.children[v]:
        if c <= max(v, cue.clause_hi):
            continue
        tc = toks[c]
        if tc.dep in ("cc", "parataxis") or _is_cue_word(tc):
            break
        if tc.dep not in ("advcl", "prep") or not extends(tree, c):
            continue
        lo, hi = tree.edges(c)
        if first < 0:
            if lo == 0 or toks[lo - 1].text != ",":
                return None
            first = lo
        last = max(last, hi)
    return (first, last) if first >= 0 else None


_NOT_CONTENT_PREPS = frozenset(
    {
        "in",
        "at",
        "during",
        "after",
        "before",
        "since",
        "on",
        "from",
        "by",
        "through",
        "throughout",
        "amid",
        "near",
        "outside",
        "inside",
        "while",
        "via",
        "under",
        "following",
    }
)


def extends(tree: Tree, c: int) -> bool:
    """Does child ``c`` of a cue verb, after its complement, belong to the content?

    Reasons and conditions do ("…, because …", "… to 'radical Islamists'"); time,
    place and manner phrases ("during the debate", "in an interview") and
    participle asides ("…, implicitly putting …") are the writer's.
    """
    t = tree.tokens[c]
    if t.dep == "punct":
        return False
    if t.dep == "prep":
        return t.text.lower() not in _NOT_CONTENT_PREPS
    if t.dep == "advcl":  # not ", as they bristled at …", ", although …"
        has_mark = tree.child(c, {"mark"}) is not None
        return has_mark and not _conceding(tree, c) and t.tag not in ("VBG", "VBN")
    if t.dep == "conj":
        return t.pos == tree.tokens[t.head].pos and t.pos != "VERB"
    return t.dep not in ("npadvmod", "advmod")


def _is_cue_word(t: Token) -> bool:
    lex = lexicon()
    return t.pos == "VERB" and t.lemma.lower() in lex.verbs


_NOUN_PREPS = frozenset({"about", "on", "of", "over", "against", "for", "regarding"})
_SOURCE_PREPS = frozenset({"from", "by"})


def _noun_cue(tree: Tree, cue: Cue) -> None:
    """ "his claim that …", "calls for …", "warnings from X that …"."""
    toks = tree.tokens
    n = cue.head
    comp: int | None = None
    subj: int | None = None
    for c in tree.children[n]:
        tc = toks[c]
        if c < n:
            if tc.dep == "poss":
                subj = c
            continue
        if tc.dep == "prep" and tc.text.lower() in _SOURCE_PREPS and subj is None:
            subj = tree.child(c, {"pobj"})
            continue
        if comp is not None:
            continue
        if tc.dep in ("acl", "ccomp", "appos") and tc.pos in CLAUSE_HEAD_POS:
            aux = tree.child(c, {"aux"})
            is_to = aux is not None and toks[aux].text.lower() == "to"
            if (is_to and "to" in cue.allowed) or (
                not is_to and "clause" in cue.allowed and tree.child(c, {"mark"}) is not None
            ):
                comp = c
        elif tc.dep == "prep" and "pp" in cue.allowed and tc.text.lower() in _NOUN_PREPS:
            comp = tree.child(c, {"pobj", "pcomp"})
    if comp is None:
        return
    if subj is None and toks[n].dep in ("dobj", "attr") and toks[n].head != n:
        subj, _ = subject_of(tree, toks[n].head)
    cue.subj = subj
    cue.clause_lo = cue.clause_hi = n
    lo, hi = tree.edges(comp)
    cue.content.append((toks[lo].start, toks[hi].end))


def _prep_cue(a: Annotated, tree: Tree, cue: Cue, last: int) -> None:
    """ "according to X, content" / "content, according to X"."""
    toks = a.tokens
    first = cue.head
    pobj = tree.child(last, {"pobj"})
    if pobj is None:
        pobj = tree.child(first, {"pobj"})
    if pobj is None and last + 1 < len(toks) and toks[last + 1].pos in ("PROPN", "NOUN", "PRON"):
        pobj = last + 1
    cue.subj = pobj
    plo, phi = first, last
    if pobj is not None:
        lo2, hi2 = tree.edges(pobj)
        plo, phi = min(plo, lo2), max(phi, hi2)
    cue.clause_lo, cue.clause_hi = plo, phi
    h = toks[first].head
    if h == first:
        return
    for _ in range(6):  # climb to the clause the phrase modifies
        th = toks[h]
        if th.pos in CLAUSE_HEAD_POS or th.head == h:
            break
        h = th.head
    hlo, hhi = tree.edges(h)
    if hlo < plo:
        cue.content.append((toks[hlo].start, toks[plo - 1].end))
    if phi < hhi:
        cue.content.append((toks[phi + 1].start, toks[hhi].end))
