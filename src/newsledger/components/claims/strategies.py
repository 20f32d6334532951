"""How the subject of a matched claim phrase is found when no slot of the pattern
names it (for :mod:`newsledger.components.claims.stage`): the name the phrase is in
apposition to ("Emomali Rakhmon, in power since 2012"), the subject of a fronted
phrase ("In power since 2009, Marek Dovrin is …"), else the dependency parse from
the phrase up to the name it is about.  Names, pronouns and descriptions are read
with :class:`~newsledger.components.claims.subjects.DocContext`.
"""

from __future__ import annotations

from newsledger.components.claims.subjects import (
    CONTINUE,
    FINITE,
    SKIP_LEFT_POS,
    STOP_TAGS,
    SUBJ_DEPS,
    VERB_UP,
    DocContext,
)


def _np(ctx: DocContext, t: int, types: frozenset[str]) -> str | None:
    """The entity a subject noun phrase headed by token ``t`` refers to."""
    k = ctx.tok_m[t]
    if k >= 0:
        return ctx._ok(ctx.entity_of(k), types)
    if (p := ctx.token_person(t)) is not None:
        return ctx._ok(p, types)
    for c in ctx.children_of(t):
        if ctx.tokens[c].dep == "appos" and ctx.tok_m[c] >= 0:
            return ctx._ok(ctx.entity_of(ctx.tok_m[c]), types)
    tok = ctx.tokens[t]
    w = tok.text.lower()
    if tok.tag in STOP_TAGS or w in ("who", "which", "that"):
        return CONTINUE
    if w in ctx.pronouns:
        return ctx.resolve_pronoun(tok.start, w, types)
    if w in ("we", "our"):
        return ctx.speaker_org(tok.start, types)
    if w in ctx.descriptions or tok.lemma.lower() in ctx.descriptions:
        return ctx.resolve_description(
            tok.start, w if w in ctx.descriptions else tok.lemma.lower(), types
        )
    if tok.pos == "NOUN" and ctx._definite(t) and (org := ctx.names.short_name(w)) is not None:
        return ctx._ok(org, types)  # "the bank": the one organisation named "… Bank"
    return None


def auto_subject(
    ctx: DocContext, s: int, e: int, types: frozenset[str], skip: tuple[int, int] | None
) -> str | None:
    """Apposition, then a fronted phrase, then the dependency parse."""
    for how in (_left, _fronted):
        found = how(ctx, s, e, types)
        if found is not None:
            return None if found == CONTINUE else found
    ann = ctx.a.annotated
    t = ann.token_at(s)
    while skip and t < len(ctx.tokens) and skip[0] <= ctx.tokens[t].start < skip[1]:
        t += 1
    if t >= len(ctx.tokens):
        return None
    ctx._match_start = s
    return _walk(ctx, t, types, skip, e)


def _walk(
    ctx: DocContext, t: int, types: frozenset[str], skip: tuple[int, int] | None, end: int
) -> str | None:
    """Up the dependency tree from the match to the name it is about.

    Inside the match any token is passed; outside it, a common noun is passed
    only when it is in apposition or a copula complement ("Tajikistan, a
    republic with …"); a verb leads to its subject.  A name reached through "who"
    is a person's even when NER typed it otherwise ("Vogt, who was born in …")."""
    who = False
    for _ in range(12):
        tok = ctx.tokens[t]
        inside = skip is not None and skip[0] <= tok.start < skip[1]
        if not inside and ctx.tok_m[t] >= 0:
            eid = ctx.entity_of(ctx.tok_m[t])
            return ctx.subject_ok(eid, types) if who else ctx._ok(eid, types)
        if not inside and (p := ctx.token_person(t)) is not None:
            return ctx.subject_ok(p, types) if who else ctx._ok(p, types)
        for c in ctx.children_of(t):
            ctok = ctx.tokens[c]
            if ctok.dep in SUBJ_DEPS and not (skip and skip[0] <= ctok.start < skip[1]):
                found = _np(ctx, c, types)
                if found is None and ctx.person_only and ctx.tok_m[c] >= 0:
                    # "Aksel Frey served as mayor …": only a person serves a term
                    found = ctx.subject_ok(ctx.entity_of(ctx.tok_m[c]), types)
                if found != CONTINUE:
                    return found
                who = who or ctok.text.lower() == "who"
        in_match = ctx._match_start <= tok.start < end
        owned = any(ctx.tokens[c].dep == "poss" for c in ctx.children_of(t))
        nominal = tok.pos in ("NOUN", "PROPN", "PRON") or (tok.pos == "ADJ" and owned)
        if nominal and not inside:  # "his first since taking office": an adjective as noun
            w = tok.text.lower()
            if owned and (w in ctx.kin or ctx.descriptions.get(w) == "person"):
                return None  # "Ekholm's father, who died in 1990": the father, unnamed
            for c in ctx.children_of(t):
                if ctx.tokens[c].dep == "poss":
                    found = _np(ctx, c, types)
                    if found != CONTINUE:
                        return found
            is_desc = w in ctx.descriptions or tok.lemma.lower() in ctx.descriptions
            if tok.dep != "appos" and is_desc:
                found = _np(ctx, t, types)
                return None if found == CONTINUE else found
            if not in_match and tok.dep not in ("appos", "attr"):
                return None
        elif tok.pos in ("VERB", "AUX") and not in_match and tok.dep not in VERB_UP:
            return None
        if tok.head == t:
            return None
        t = tok.head
    return None


def _left(ctx: DocContext, s: int, e: int, types: frozenset[str]) -> str | None:
    """ "NAME, <phrase>": the name the phrase is in apposition to."""
    ann = ctx.a.annotated
    first = ann.token_at(s)
    if first < len(ctx.tokens) and ctx.tokens[first].tag in FINITE:
        return None  # "…, Kaldra, claims to have": the comma closes an apposition
    i = first - 1
    if i < 0:
        return None
    sent = ctx.tokens[i + 1].sent if i + 1 < len(ctx.tokens) else ctx.tokens[i].sent
    skipped = 0
    while (
        i >= 0
        and skipped < 2
        and ctx.tokens[i].pos in SKIP_LEFT_POS
        and ctx.tokens[i].text.islower()
    ):
        i -= 1
        skipped += 1
    if i < 1 or ctx.tokens[i].text not in (",", "–", "—") or ctx.tokens[i].sent != sent:
        return None
    i -= 1
    if ctx.tokens[i].text == ")":
        while i > 0 and ctx.tokens[i].text != "(":
            i -= 1
        i -= 1
    if i < 0 or ctx.tokens[i].sent != sent:
        return None
    if ctx.tok_m[i] >= 0:
        return ctx.subject_ok(ctx.entity_of(ctx.tok_m[i]), types)
    if (p := ctx.token_person(i)) is not None:
        return ctx.subject_ok(p, types)
    w = ctx.tokens[i].text.lower()
    if w in ctx.descriptions:
        return ctx.resolve_description(ctx.tokens[i].start, w, types)
    return None


def _fronted(ctx: DocContext, s: int, e: int, types: frozenset[str]) -> str | None:
    """ "<phrase>, NAME …" at the start of a sentence: the sentence's subject."""
    ann = ctx.a.annotated
    si = ann.sentence_of(s)
    if si < 0:
        return None
    sent = ann.sents[si]
    line = ctx.text.rfind("\n", sent.start, s) + 1  # a heading glued on by the splitter
    if ctx.text[max(sent.start, line) : s].strip(" \t\"'“‘(") != "":
        return None
    i = ann.token_at(e)
    while i < sent.token_end and ctx.tokens[i].text != ",":
        if ctx.tokens[i].pos in ("VERB", "AUX") and ctx.tokens[i].tag not in ("VBN", "VBG"):
            return None
        i += 1
    i += 1
    while i < sent.token_end and ctx.tokens[i].pos == "DET":
        i += 1
    if i >= sent.token_end:
        return None
    if ctx.tok_m[i] >= 0:  # the phrase describes the name ("Born in 1952, Aksel Frey …")
        return ctx.subject_ok(ctx.entity_of(ctx.tok_m[i]), types)
    found = _np(ctx, i, types)
    return None if found == CONTINUE else found
