"""Event actors and targets, as entity ids, from the dependency tree around a trigger.

Agent and patient positions (active and passive voice, "by" agents,
"of"/"on"/"against" objects of event nouns, possessives) and support words
("IS *claimed* the attack", "*attributed* the attack *to* X", "X is
*responsible for* the attack").  Called by :func:`newsledger.components.events.arguments.fill`.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from newsledger.components.events.detect import Cand, DocIndex, coarse_pos, kinds
from newsledger.core.model import Agent, Span

ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
TARGET_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"})
NAMED_GROUPS = frozenset({"ORG", "PERSON"})  # name modifiers that make a phrase that entity
STATE_GROUPS = frozenset({"ORG", "PERSON", "GPE", "NORP"})  # ... of a state noun ("Russian forces")
# heads that take their sector from a noun modifier: "police officers", "army units"
MEMBER_NOUNS = frozenset(
    {"officer", "official", "member", "unit", "personnel", "force", "trooper", "agent", "guard"}
    | {"commander", "chief", "worker", "staff", "spokesman", "spokeswoman", "leader", "fighter"}
)
SERIES_NOUNS = frozenset({"series", "wave", "string", "spate", "campaign", "number", "serie"})
AIM_VERBS = frozenset({"target", "aim", "direct"})
HARM_VERBS = frozenset({"kill", "injure", "wound", "hurt", "maim", "hit"})
MUTUAL_NOUNS = frozenset(
    {"shootout", "shoot-out", "gunfight", "firefight", "gunbattle", "battle", "clash", "skirmish"}
)
CASUALTY_WORDS = frozenset({"die", "dead", "injure", "wound", "hurt"})  # whose subject is hurt
PERSON_TARGET_TYPES = frozenset({"ASSAULT", "COERCE"})
DEFAULT_TARGET_PREPS = frozenset({"on", "against", "of", "targeting"})
# what an attack is done with, never who did it ("a roadside IED killed a general"): the
# instrument of the event, not its actor
INSTRUMENT_NOUNS = frozenset(
    {"bomb", "ied", "device", "explosive", "explosives", "mine", "landmine", "grenade"}
    | {"missile", "rocket", "shell", "mortar", "bullet", "gun", "rifle", "weapon", "knife"}
    | {"car", "truck", "vehicle", "motorcycle", "parcel", "package", "blast", "explosion"}
)
# ... and what never was its target either ("the bombs killed four workers")
MUNITION_NOUNS = frozenset(
    {"bomb", "ied", "device", "explosive", "explosives", "grenade", "bullet"}
)
TARGET_PREPS = {  # "talks on trade": "on" gives the topic of a meeting, not a target
    "CONSULT": frozenset({"with"}),
    "AGREE": frozenset({"with"}),
    "COOPERATE": frozenset({"with"}),
}


def np_span(ix: DocIndex, h: int) -> Span:
    """The noun phrase headed by ``h``, without its post-modifiers."""
    lo = h
    stack = [h]
    while stack:
        i = stack.pop()
        for ch in ix.children[i]:
            if ch < h and ix.tokens[ch].dep not in ("punct", "cc"):
                lo = min(lo, ch)
                stack.append(ch)
    return ix.span(lo, h)


def entities_of(ix: DocIndex, h: int, allowed: frozenset[str]) -> list[str]:
    """Entity ids a noun phrase names: itself, an apposition, a name modifier, "X of Y"."""
    out: list[str] = []
    heads = [h, *ix.deps(h, "conj")]
    for x in heads:
        e = ix.entity[x]
        if e is None:
            for ch in ix.deps(x, "appos"):
                e = e or ix.entity[ch]
        if e is None:  # "Taliban gunmen", "the IRA's brigade"; not "the Belfast brigade"
            groups = STATE_GROUPS if "state" in kinds(ix, x) else NAMED_GROUPS
            for ch in ix.deps(x, "compound", "nmod", "amod", "poss"):
                m = ix.entity[ch]
                if m is not None and ix.entity_type.get(m) in groups:
                    e = m
                    break
        if e is None and ix.tokens[x].pos == "NOUN":
            for p in ix.deps(x, "prep"):
                if ix.lemma(p) == "of":
                    for o in ix.deps(p, "pobj"):
                        e = e or ix.entity[o]
        if e is not None and ix.entity_type.get(e, "") in allowed and e not in out:
            out.append(e)
    return out


def add(ix: DocIndex, c: Cand, h: int, role: str) -> None:
    if ix.tokens[h].pos in ("PRON", "DET", "NUM") and ix.entity[h] is None:
        return
    if any(ix.lemma(d) == "no" for d in ix.deps(h, "det")):
        return  # "no group claimed the attack"
    if ix.entity[h] is None and (
        ix.is_date(h)
        or (_not_an_actor(ix, h) if role == "actor" else ix.noun_lemma(h) in MUNITION_NOUNS)
    ):
        return  # not "today attacked", "the bombs killed", nor "hit the bombs"
    allowed = ACTOR_ENTS if role == "actor" else TARGET_ENTS
    ids = entities_of(ix, h, allowed)
    sp = np_span(ix, h)
    if not ids:
        _describe(ix, c, h, role, sp)
    if role == "actor":
        c.actors.extend(e for e in ids if e not in c.actors)
        if sp not in c.actor_spans:
            c.actor_spans.append(sp)
    else:
        c.targets.extend(e for e in ids if e not in c.targets)
        if sp not in c.target_spans:
            c.target_spans.append(sp)


def _not_an_actor(ix: DocIndex, h: int) -> bool:
    """An unnamed phrase that cannot have done the act: an instrument ("the IED"), a
    site ("the cafe") or an event ("the attack killed three")."""
    lem = ix.noun_lemma(h)
    if lem in INSTRUMENT_NOUNS or ix.is_site(h):  # "the cafe" did not bomb
        return True
    return any(r.pos in ("NOUN", "*") and not r.aux for r in ix.lex.triggers.get(lem, ()))


def _describe(ix: DocIndex, c: Cand, h: int, role: str, sp: Span) -> None:
    """An unnamed actor or target with its sector ("gunmen", "three soldiers")."""
    for x in (h, *ix.deps(h, "conj")):
        if ix.tokens[x].pos != "NOUN" and ix.noun_lemma(x) == ix.lemma(x):
            continue  # a name, unless a capitalised plural read as one ("Protesters")
        nouns = _sector_nouns(ix, x)
        noun = next((ix.noun_lemma(n) for n in nouns if ix.noun_lemma(n) in ix.lex.agents), None)
        if noun is None:
            continue
        sector = ix.lex.agents[noun]
        span = sp if x == h else np_span(ix, x)
        agent = Agent(role, span.start, span.end, span.text, noun, sector)
        if agent not in c.agents:
            c.agents.append(agent)


def _sector_nouns(ix: DocIndex, x: int) -> list[int]:
    """Nouns that may give the sector of the phrase headed by ``x``: a member noun's
    modifier first ("police officers", "army units"), then what it is a member of
    ("members of the security forces"), then the head itself."""
    if ix.lemma(x) not in MEMBER_NOUNS:
        return [x]
    out = list(ix.deps(x, "compound"))
    for p in ix.deps(x, "prep"):
        if ix.lemma(p) == "of":
            for o in ix.deps(p, "pobj"):
                out += [*ix.deps(o, "compound"), o]
    return [*out, x]


def _pobjs(ix: DocIndex, i: int, preps: AbstractSet[str]) -> list[int]:
    return [
        o
        for p in ix.deps(i, "prep", "agent", "dative")
        if ix.lemma(p) in preps
        for o in ix.deps(p, "pobj")
    ]


def _relative_head(ix: DocIndex, v: int, subj: int) -> int:
    """For "X, who was killed", the relative pronoun stands for X."""
    t = ix.tokens[v]
    if ix.tokens[subj].tag in ("WP", "WDT") and t.dep == "relcl":
        return t.head
    return subj


def verb_args(ix: DocIndex, c: Cand) -> None:
    v = c.tok
    t = ix.tokens[v]
    passive = bool(ix.deps(v, "auxpass", "nsubjpass"))
    subj = ix.deps(v, "nsubj", "nsubjpass")
    if not subj and t.dep == "conj":
        h = t.head
        subj = ix.deps(h, "nsubj", "nsubjpass")
        passive = passive or bool(ix.deps(h, "auxpass", "nsubjpass"))
    if not subj and t.dep in ("acl", "relcl") and (t.tag == "VBN" or ix.deps(v, "agent")):
        subj, passive = [t.head], True
    if not subj and not passive:  # "carried the bombs ... before detonating them"
        subj = _governing_subject(ix, v)
    for s in subj:
        for x in _with_conjuncts(ix, _relative_head(ix, v, s)):
            add(ix, c, x, "target" if passive else "actor")
    for a in _pobjs(ix, v, {"by"}):
        if passive:
            for x in _with_conjuncts(ix, a):
                add(ix, c, x, "actor")
    if not passive:
        for o in ix.deps(v, "dobj"):
            for x in _with_conjuncts(ix, o):
                if not (ix.lemma(v) in HARM_VERBS and _count(ix, c, x)):
                    add(ix, c, x, "target")
    for o in _pobjs(ix, v, TARGET_PREPS.get(c.type, DEFAULT_TARGET_PREPS) - {"of", "on"}):
        if not ix.is_place(o) and not ix.is_date(o):
            add(ix, c, o, "target")


def _with_conjuncts(ix: DocIndex, h: int) -> list[int]:
    """``h`` and the heads coordinated with it ("gunmen and suicide bombers")."""
    return [h, *ix.deps(h, "conj")]


def victims(ix: DocIndex, c: Cand) -> None:
    """The hurt or dead a casualty word counts ("killing 13 and wounding 71", "four men
    were injured", "11 people died"): targets of the event it joins, a bare count
    included.  Its subject, when it has an active object, is left to the event's actors.
    """
    v = c.tok
    t = ix.tokens[v]
    if t.pos not in ("VERB", "ADJ") or ix.lemma(v) not in CASUALTY_WORDS:
        return
    heads = ix.deps(v, "dobj")
    if not heads:  # "were injured", "died", "were dead"
        heads = ix.deps(v, "nsubjpass", "nsubj")
        if not heads and t.dep == "conj" and ix.tokens[t.head].pos == t.pos:
            heads = ix.deps(t.head, "nsubjpass", "nsubj")
    for h in heads:
        for x in _with_conjuncts(ix, h):
            if not _count(ix, c, x):
                add(ix, c, x, "target")


def _count(ix: DocIndex, c: Cand, h: int) -> bool:
    """Take a bare count of victims ("wounding 71") as a target span; is ``h`` one?"""
    if ix.tokens[h].pos != "NUM" or ix.entity[h] is not None:
        return False
    sp = np_span(ix, h)
    if sp not in c.target_spans:
        c.target_spans.append(sp)
    return True


def _governing_subject(ix: DocIndex, v: int) -> list[int]:
    """The subject of the verb a subjectless clause depends on, when it names a group or
    a person: "X carried the bombs to the street before detonating them", "the army
    claimed to have hit three gunmen"."""
    t = ix.tokens[v]
    h = t.head
    if t.dep == "pcomp" and ix.tokens[h].dep == "prep":
        h = ix.tokens[h].head
    elif t.dep != "xcomp" and not (t.dep == "advcl" and t.tag != "VBG"):
        return []  # "..., wounding 13 people" tells a result, its subject is no actor
    if h == v or coarse_pos(ix.tokens[h]) != "VERB" or ix.deps(h, "auxpass", "nsubjpass"):
        return []
    return [
        s
        for s in ix.deps(h, "nsubj")
        if ix.entity_type.get(ix.entity[s] or "", "") in ACTOR_ENTS
        or ix.noun_lemma(s) in ix.lex.agents
    ]


def noun_args(ix: DocIndex, c: Cand) -> None:
    n = c.tok
    for p in ix.deps(n, "poss"):
        add(ix, c, p, "actor")
    for ch in ix.deps(n, "compound", "amod", "nmod"):
        e = ix.entity[ch]
        if e is None or ix.is_place(ch):
            continue
        etype = ix.entity_type.get(e, "")
        role = "target" if etype == "PERSON" and c.type in PERSON_TARGET_TYPES else "actor"
        add(ix, c, ch, role)
    for a in _pobjs(ix, n, {"by", "from"}):
        add(ix, c, a, "actor")
    for a in _pobjs(ix, n, {"between"}):
        add(ix, c, a, "actor")
    if ix.lemma(n) in MUTUAL_NOUNS:  # "a shootout with police": both sides fight
        for a in _pobjs(ix, n, {"with"}):
            for x in _with_conjuncts(ix, a):
                add(ix, c, x, "actor")
    for o in _pobjs(ix, n, TARGET_PREPS.get(c.type, DEFAULT_TARGET_PREPS)):
        if not ix.is_place(o) and not ix.is_date(o):
            add(ix, c, o, "target")
    for v in ix.deps(n, "acl", "relcl"):
        if ix.lemma(v) in AIM_VERBS:  # "bombings targeted at the military"
            for o in _pobjs(ix, v, {"at", "against", "on"}):
                if not ix.is_place(o) and not ix.is_date(o):
                    add(ix, c, o, "target")
        elif ix.lemma(v) in HARM_VERBS and ix.tokens[v].dep == "relcl":
            for o in ix.deps(v, "dobj"):  # "a blast which injured several people"
                add(ix, c, o, "target")


def support_args(ix: DocIndex, c: Cand) -> None:
    """Actors named through a support word the trigger is an argument of."""
    t = ix.tokens[c.tok]
    h = t.head
    if h == c.tok:
        return
    if t.dep == "pobj" and ix.lemma(h) == "of":  # "launched a series of attacks"
        g = ix.tokens[h].head
        if ix.lemma(g) in SERIES_NOUNS and ix.tokens[g].head != g:
            t, h = ix.tokens[g], ix.tokens[g].head
    k = kinds(ix, h)
    hpassive = bool(ix.deps(h, "auxpass", "nsubjpass"))
    if t.dep in ("dobj", "nsubjpass") and k & {"light", "claim"}:
        agents = _pobjs(ix, h, {"by"}) if hpassive else ix.deps(h, "nsubj")
        for a in agents:  # "Abedi, who carried out the bombing": the relative stands for Abedi
            add(ix, c, _relative_head(ix, h, a), "actor")
    if t.dep == "nsubj" and "light" in k:
        for o in ix.deps(h, "dobj"):
            add(ix, c, o, "target")
    if t.dep in ("dobj", "nsubjpass") and "attribute" in k:
        for a in _pobjs(ix, h, {"to", "on"}):
            add(ix, c, a, "actor")
    if t.dep == "pobj" and ix.lemma(h) == "under" and ix.lemma(ix.tokens[h].head) == "come":
        for s in ix.deps(ix.tokens[h].head, "nsubj"):  # "their posts came under gunfire"
            add(ix, c, s, "target")
    if t.dep == "pobj" and ix.lemma(h) in ("for", "behind", "of"):
        g = ix.tokens[h].head
        gk = kinds(ix, g)
        if "attribute" in gk and ix.lemma(h) == "for":
            for o in ix.deps(g, "dobj", "nsubjpass"):
                add(ix, c, o, "actor")
        elif "claim" in gk and coarse_pos(ix.tokens[g]) == "NOUN":
            claimers = _pobjs(ix, g, {"by"}) + ix.deps(g, "poss")
            gg = ix.tokens[g].head
            if not claimers and gg != g and "claim" in kinds(ix, gg):
                claimers = ix.deps(gg, "nsubj")
            for a in claimers:
                add(ix, c, a, "actor")
        elif "responsible" in gk or ix.lemma(h) == "behind":
            _responsible(ix, c, g)


def _responsible(ix: DocIndex, c: Cand, g: int) -> None:
    """X is responsible for / behind / suspected of the event: climb to X."""
    i, steps = g, 0
    while steps < 5:
        subj = ix.deps(i, "nsubj", "nsubjpass")
        if subj:
            for s in subj:
                add(ix, c, s, "actor")
            return
        t = ix.tokens[i]
        if t.head == i or t.dep not in ("acomp", "pcomp", "prep", "xcomp", "attr", "ccomp", "pobj"):
            return
        i, steps = t.head, steps + 1
