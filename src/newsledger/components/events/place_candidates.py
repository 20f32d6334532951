"""The candidate places of one event trigger and their features (for the place model).

Candidates are the places of the trigger's sentence (from the places stage,
resolved or not, bare GPE/LOC/FAC names and place anaphors) and the proper
names where a place could be named however they were typed
(:func:`may_name_place`).  Site nouns are no candidates (the training data
marks named places only), but how a candidate sits among them is a feature.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from newsledger.components.events.detect import Cand, DocIndex, PlaceRef, coarse_pos, kinds
from newsledger.components.events.place_tree import (
    DESTINATION_PREPS,
    MODIFIER_DEPS,
    PHYSICAL_TYPES,
    SPECIFIC,
    SPEECH_TYPES,
    chain,
    destination,
    governor,
    locative,
    span_root,
)
from newsledger.core.model import Span

CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "parataxis", "csubj"})
NAME_TAGS = frozenset({"NNP", "NNPS"})
# prepositions whose object may name where something happened, besides "locative" support
# words; not "to"/"into": "allegiance to the Velmora Front", "taken to St Olaf Hospital"
PLACE_PREPS = frozenset({"through", "across", "from", "along", "within", "between"})
PERSONS = frozenset({"PERSON", "NORP"})
# a name the tagger reads as a number or an amount is no place ("At 4.10pm, when the shelling started")
NUMERIC_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"})
# verbs whose subject is where their object happened: "the province has seen repeated ambushes"
WITNESS_VERBS = frozenset({"see", "witness", "experience", "suffer", "endure", "record"})


@dataclass(frozen=True, slots=True)
class Option:
    """One candidate place of a trigger mention."""

    kind: str  # place | name
    root: int  # the phrase's head token
    span: Span  # the name as the text gives it
    place: PlaceRef  # what the event's place becomes when this option is chosen


def _name_span(ix: DocIndex, i: int) -> Span:
    """The proper-name tokens around head ``i`` ("Dar al - Velm", "Camp Dravik"), or the
    whole name the head opens ("the Kessler Institute of Velmora", never just "Institute")."""
    t = ix.tokens[i]
    if ix.entity[i] is not None:  # only a token inside a mention can open a longer name
        for m in ix.a.mentions:
            if m.start <= t.start < m.end and span_root(ix, i, m.start, m.end) == i:
                return Span(m.start, m.end, ix.text[m.start : m.end])
    lo = hi = i
    while (
        lo > 0
        and ix.tokens[lo - 1].tag in NAME_TAGS | {"HYPH"}
        and ix.tokens[lo - 1].sent == ix.tokens[i].sent
    ):
        lo -= 1
    while ix.tokens[lo].tag == "HYPH":
        lo += 1
    return ix.span(lo, hi)


def may_name_place(ix: DocIndex, k: int, c: Cand, depth: int = 0) -> bool:
    """Is the proper name headed by ``k`` where a place could be named, whatever its type?

    The object of a locative preposition ("in Dar al-Velm"), the name of a site
    or place noun ("the village of Kafr Al-Tarsk", "the Dar al-Velm
    neighborhood"), the object of the trigger unless it names a person
    ("stormed Tall Vemra"), or an apposition or conjunct of such a name
    ("Velmora and Tarsk", "through Dravik, a town").
    """
    t = ix.tokens[k]
    h = t.head
    if h == k:
        return False
    if t.dep == "pobj":
        if "locative" in kinds(ix, h) or ix.lemma(h) in PLACE_PREPS:
            return True
        noun = ix.tokens[h].head
        return ix.lemma(h) == "of" and noun != h and (ix.is_site(noun) or ix.is_place(noun))
    if t.dep in ("dobj", "nsubjpass") and h == c.tok:
        ent = ix.entity[k]
        return ix.ent_label[k] not in PERSONS and (
            ent is None or ix.entity_type.get(ent) not in PERSONS
        )
    if t.dep == "compound" and ix.is_site(h):  # "the Dar al-Velm neighborhood", "Tarsk village"
        return True
    if t.dep in ("appos", "conj") and depth < 2:
        return ix.is_place(h) or may_name_place(ix, h, c, depth + 1)
    return False


def _goal(ix: DocIndex, k: int, c: Cand) -> bool:
    """Is name ``k`` where something goes ("allegiance to the Velmora Front", "moved into
    Tarsk"), not where the trigger happened?  A name that is no known place rarely is the
    event's place after "to"/"into" (about 1 in 20 in event_location)."""
    t = ix.tokens[k]
    return (
        t.dep == "pobj"
        and ix.lemma(t.head) in DESTINATION_PREPS
        and destination(ix, k, c.type, c.tok)
    )


def options(ix: DocIndex, c: Cand) -> list[Option]:
    """Every candidate place in the trigger's sentence, in text order."""
    sent = ix.a.annotated.sents[c.sent]
    out: list[Option] = []
    seen: set[int] = set()
    for p in ix.places:
        if not sent.start <= p.start < sent.end or p.start < c.end <= p.end:
            continue
        i = ix.a.annotated.token_at(p.start)
        root = span_root(ix, i, p.start, p.end)
        if root in seen:
            continue
        seen.add(root)
        out.append(Option("place", root, Span(p.start, p.end, p.text), p))
    first = ix.a.annotated.token_at(sent.start)
    k = first
    while k < len(ix.tokens) and ix.tokens[k].start < sent.end:
        t = ix.tokens[k]
        if k == c.tok or k in seen or ix.place_at[k] >= 0:
            pass
        elif (
            t.tag in NAME_TAGS
            and not ix.is_date(k)
            and ix.ent_label[k] not in NUMERIC_LABELS
            and may_name_place(ix, k, c)
            and not _goal(ix, k, c)
        ):
            sp = _name_span(ix, k)
            out.append(
                Option("name", k, sp, PlaceRef(sp.start, sp.end, sp.text, sp.text, feature="name"))
            )
        k += 1
    out.sort(key=lambda o: o.span.start)
    return out


# ------------------------------------------------------------ features


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def _path(ix: DocIndex, root: int, trig: int) -> tuple[list[str], list[str], int]:
    """Dependency labels from the candidate up to the common ancestor, from the trigger up to it."""
    up_chain = chain(ix, root)
    down_chain = chain(ix, trig)
    pos = {t: k for k, t in enumerate(down_chain)}
    for k, t in enumerate(up_chain):
        if t in pos:
            up = [ix.tokens[x].dep for x in up_chain[:k]]
            down = [ix.tokens[x].dep for x in down_chain[: pos[t]]]
            return up, down, t
    return [ix.tokens[x].dep for x in up_chain], [ix.tokens[x].dep for x in down_chain], -1


def _sentence(ix: DocIndex, c: Cand) -> range:
    """The token indices of the trigger's sentence."""
    sent = ix.a.annotated.sents[c.sent]
    k = ix.a.annotated.token_at(sent.start)
    j = k
    while j < len(ix.tokens) and ix.tokens[j].start < sent.end:
        j += 1
    return range(k, j)


def _event_words(ix: DocIndex, c: Cand) -> list[int]:
    """Other words of the sentence that may name an event (trigger lemmas of the lexicon)."""
    return [
        k
        for k in _sentence(ix, c)
        if k != c.tok
        and ix.tokens[k].lemma.lower() in ix.lex.triggers
        and coarse_pos(ix.tokens[k]) in ("VERB", "NOUN")
    ]


def _relations(ix: DocIndex, r: int, roots: dict[int, str]) -> list[str]:
    """How candidate ``r`` sits among the others: "Velmora in the province of X", "X of Y"."""
    out: list[str] = []
    i, deps = r, []
    for _ in range(4):  # a candidate above this one: this one is inside its phrase
        t = ix.tokens[i]
        if t.head == i:
            break
        deps.append(ix.lemma(t.head) if ix.tokens[t.head].dep == "prep" else t.dep)
        i = t.head
        if i in roots:
            out.append(f"under={roots[i]}|{deps[0]}")
            break
    queue = deque([(r, 0)])
    while queue:  # candidates inside this one's phrase
        i, d = queue.popleft()
        if i != r and i in roots:
            out.append(
                f"over={roots[i]}|{ix.lemma(ix.tokens[i].head) if ix.tokens[i].dep == 'pobj' else ix.tokens[i].dep}"
            )
            continue
        if d < 3:
            queue.extend(
                (ch, d + 1) for ch in ix.children[i] if ix.tokens[ch].dep not in CLAUSE_DEPS
            )
    return out


def rule_pick(ix: DocIndex, c: Cand, sc: dict[int, int], opts: list[Option]) -> tuple[int, str]:
    """The option the hand-written rules would choose, and how: a model feature.

    A locative place in scope, the nearest in the tree and then the most
    specific ("scoped"); failing that, for acts other than speech, a locative
    place of the sentence not attached to a word governing the trigger, the
    nearest in tokens ("sentence").  (-1, "") when neither applies.
    """
    scoped: list[tuple[int, int, int]] = []
    loose: list[tuple[int, int, int]] = []
    for k, o in enumerate(opts):
        if o.kind != "place" or not locative(ix, o.root, c):
            continue
        spec = SPECIFIC.get(o.place.feature, 1)
        if o.root in sc:
            scoped.append((sc[o.root], spec, k))
        g = governor(ix, o.root)
        if g == c.tok or not ix.is_ancestor(g, c.tok):
            loose.append((abs(o.root - c.tok), spec, k))
    if scoped:
        return min(scoped)[2], "scoped"
    if loose and c.type not in SPEECH_TYPES:
        return min(loose)[2], "sentence"
    return -1, ""


def witness(ix: DocIndex, r: int, c: Cand) -> bool:
    """Is ``r`` the subject of a verb like "see" whose object is the trigger?"""
    t, trig = ix.tokens[r], ix.tokens[c.tok]
    return (
        t.dep == "nsubj"
        and trig.dep == "dobj"
        and t.head == trig.head
        and ix.lemma(t.head) in WITNESS_VERBS
    )


def _type_group(etype: str) -> str:
    if etype in SPEECH_TYPES:
        return "speech"
    if etype in PHYSICAL_TYPES:
        return "physical"
    return "other" if etype else "unknown"


def features(ix: DocIndex, c: Cand, sc: dict[int, int], opts: list[Option]) -> list[list[str]]:
    """Sparse features of each option (same order)."""
    events = _event_words(ix, c)
    trig = ix.tokens[c.tok]
    tpos = coarse_pos(trig)
    group = _type_group(c.type)
    order = sorted(
        range(len(opts)),
        key=lambda k: (sc.get(opts[k].root, 99), abs(opts[k].root - c.tok)),
    )
    rank = {k: r for r, k in enumerate(order)}
    specific = [SPECIFIC.get(o.place.feature, 1) for o in opts if o.kind == "place"]
    most_specific = min(specific, default=9)
    n = _bucket(len(opts), (1, 2, 3))
    picked, how = rule_pick(ix, c, sc, opts)
    roots = {k: "site" for k in _sentence(ix, c) if ix.is_site(k)}
    roots.update((o.root, o.kind) for o in opts)
    f_trig = f"tlemma={ix.lemma(c.tok)}"
    # the trigger's object and the places named inside its phrase: "attacked Camp
    # Dravik in Velmora" (the data marks the inner place more often)
    objects = {
        o.root
        for o in opts
        if ix.tokens[o.root].head == c.tok and ix.tokens[o.root].dep in ("dobj", "nsubjpass")
    }
    inside = {o.root: a for o in opts for a in chain(ix, o.root)[1:4] if a in objects}
    out: list[list[str]] = []
    for k, o in enumerate(opts):
        r = o.root
        t = ix.tokens[r]
        h = t.head
        f = [f"kind={o.kind}", f"n={n}", f"tpos={tpos}", f"group={group}", f"dep={t.dep}", f_trig]
        f.append(f"rule={how if k == picked else 'no'}")
        f.append(f"tdep={trig.dep}")
        f.append(f"ttag={trig.tag}")
        if picked >= 0 and k != picked:
            f.append("rule_other")
        if o.kind == "place":
            p = o.place
            f.append(f"feat={p.feature}")
            f.append(f"resolved={p.resolved}")
            spec = SPECIFIC.get(p.feature, 1)
            if spec == most_specific:
                f.append("most_specific")
            if p.text != p.name and p.text[:1].islower():
                f.append("anaphor")
        if o.kind == "name":
            ent = ix.entity[r]
            f.append(f"label={ix.ent_label[r] or 'none'}")
            f.append(f"etype={ix.entity_type.get(ent, 'none') if ent else 'none'}")
        prep = ix.lemma(h) if t.dep == "pobj" and h != r else "-"
        f.append(f"prep={prep}")
        f.append(f"kind_prep={o.kind}|{prep}")
        f.append(f"tpos_prep={tpos}|{prep}")
        if prep == "of":
            f.append(
                f"of_head={'site' if ix.is_site(ix.tokens[h].head) else coarse_pos(ix.tokens[ix.tokens[h].head])}"
            )
        if t.dep in MODIFIER_DEPS or t.dep == "amod":
            head_kind = (
                "place" if ix.is_place(h) else "site" if ix.is_site(h) else coarse_pos(ix.tokens[h])
            )
            if h == c.tok:
                head_kind = "trigger"
            f.append(f"mod_of={head_kind}")
            # "the Norland shelling of villages" (an actor) against "the Velmora attack" (a place)
            f.append(f"mod_of_feat={head_kind}|{o.place.feature}")
        d = sc.get(r)
        f.append(f"tdep_kind={trig.dep}|{o.kind}|{d is not None}")
        f.append(f"scope={'out' if d is None else _bucket(d, (1, 2, 3, 4, 6))}")
        f.append(f"kind_scope={o.kind}|{d is not None}")
        dist = abs(r - c.tok)
        f.append(f"dist={_bucket(dist, (2, 4, 7, 12, 20))}")
        f.append(f"side={'before' if r < c.tok else 'after'}")
        f.append(f"rank={min(rank[k], 3)}")
        f.append(f"kind_rank={o.kind}|{min(rank[k], 2)}")
        up, down, lca = _path(ix, r, c.tok)
        f.append(f"up={'/'.join(up[:4])}")
        f.append(f"down={'/'.join(down[:3])}")
        f.append(f"path={'/'.join(up[:3])}^{'/'.join(down[:2])}")
        f.append(f"plen={_bucket(len(up), (1, 2, 3, 4, 6))}|{_bucket(len(down), (0, 1, 2, 4))}")
        for dep in set(up) & CLAUSE_DEPS:
            f.append(f"up_clause={dep}")
        for dep in set(down) & CLAUSE_DEPS:
            f.append(f"down_clause={dep}")
        if lca == c.tok:
            f.append("under_trigger")
        g = governor(ix, r)
        if g == c.tok:
            f.append("gov=trigger")
        elif ix.is_ancestor(g, c.tok):
            f.append("gov=above")
        elif ix.is_ancestor(c.tok, g):
            f.append("gov=below")
        else:
            f.append("gov=other")
        f.append(f"gov_pos={coarse_pos(ix.tokens[g])}")
        if locative(ix, r, c):
            f.append("locative")
        if r in inside:
            f.append("in_object_phrase")
        if r in inside.values():
            f.append("object_with_place")
        if destination(ix, r, c.type, c.tok):
            f.append("destination")
        for rel in _relations(ix, r, roots):
            f.append(rel)
        if any(abs(r - e) < dist for e in events):
            f.append("event_nearer")
        anc = chain(ix, r)[1:]
        under = next((a for a in anc if a == c.tok or a in events), None)
        if under is not None and under != c.tok:
            f.append("under_other_event")
        out.append(f)
    return out
