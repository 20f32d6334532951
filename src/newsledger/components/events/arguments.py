"""Event arguments: actors, targets, place, date and mode of one trigger mention.

Everything is read off the dependency tree around the trigger:

* **scope**: the trigger's subtree (without subordinate clauses) plus the
  subtree of a support word it is an argument of ("the attack *took place* on
  Friday", "the *decision*, made on Sunday, to raise the plan");
* **place**: the learned chooser of :mod:`newsledger.components.events.place`
  (named places, mistyped names after "in"/"near"/"at", site nouns, or none);
* **date**: a date from the dates stage in scope, the nearest in the tree;
  failing that, one of the same sentence not attached to a word governing
  the trigger (so "Putin said on Monday that ..." does not date the attack);
* **actors / targets**: :mod:`newsledger.components.events.actors`.
"""

from __future__ import annotations

from collections import deque

from newsledger.components.events.actors import noun_args, support_args, verb_args, victims
from newsledger.components.events.detect import Cand, DocIndex, coarse_pos, date_value, kinds
from newsledger.components.events.place import find_place
from newsledger.components.events.place_tree import governor, span_root

SKIP_DEPS = frozenset({"ccomp", "advcl", "parataxis", "conj", "csubj", "punct", "cc"})
ARG_DEPS = frozenset(
    {"dobj", "nsubj", "nsubjpass", "xcomp", "acl", "attr", "oprd", "relcl", "advcl", "agent"}
)


# ------------------------------------------------------------------- scope


def scope(ix: DocIndex, c: Cand) -> dict[int, int]:
    """Tokens whose places and dates belong to the event, with their tree distance."""
    roots = [(c.tok, 0)]
    t, up = c.tok, 0
    while up < 2:
        tok = ix.tokens[t]
        h = tok.head
        dep = tok.dep
        if dep == "pobj" and ix.tokens[h].dep == "agent":  # shattered by an explosion
            h, dep = ix.tokens[h].head, "agent"
        elif dep == "pobj" and ix.lemma(h) == "of" and "frame" in kinds(ix, ix.tokens[h].head):
            h, dep = ix.tokens[h].head, "of"  # a wave of shootings (broke out in the north)
        if h == t:
            break
        if dep != "of" and (dep not in ARG_DEPS or not kinds(ix, h) & {"light", "frame"}):
            break
        up += 1
        roots.append((h, up))
        t = h
    tok = ix.tokens[c.tok]
    if tok.dep == "conj" and coarse_pos(tok) == "VERB":  # driven to Oklahoma City and detonated
        roots.extend((ch, 2) for ch in ix.deps(tok.head, "prep", "npadvmod"))
    out: dict[int, int] = {}
    for root, off in roots:
        queue = deque([(root, off)])
        while queue:
            i, d = queue.popleft()
            if i in out and out[i] <= d:
                continue
            out[i] = d
            for ch in ix.children[i]:
                if ix.tokens[ch].dep not in SKIP_DEPS:
                    queue.append((ch, d + 1))
    return out


# ------------------------------------------------------------ place, date


_ASIDE_DEPS = frozenset({"relcl", "appos"})
_STATE_PREPS = frozenset({"since", "until", "till"})


def _not_event_time(ix: DocIndex, i: int, trigger: int, value: str | None = None) -> bool:
    """Is the date at token ``i`` (calendar ``value``) about something else than the event?

    A date in a clause describing a participant (`Dovryn, who has been in power
    since 2011, rejected …`), one that starts or ends a state (`since
    January`), or one after publication for an event told in the past
    (`accused him … ahead of the election in September`) is not when the event
    happened.
    """
    toks = ix.tokens
    published = ix.a.doc.published
    told_in_past = toks[trigger].tag in ("VBD", "VBN")
    if value and published and told_in_past and value > published[: len(value)]:
        return True
    before = toks[i - 1].text.lower() if i > 0 else ""
    if toks[i].text.lower() in _STATE_PREPS or before in _STATE_PREPS:
        return True
    j = i
    for _ in range(20):
        if j == trigger or toks[j].head == j:
            return False
        if toks[j].dep in _ASIDE_DEPS and not ix.is_ancestor(j, trigger):
            return True
        j = toks[j].head
    return False


def find_date(ix: DocIndex, c: Cand, sc: dict[int, int]) -> None:
    best: tuple[int, int] | None = None
    for i, d in sc.items():
        di = ix.date_at[i]
        if di < 0 or (ix.dates[di].start < c.end and c.start < ix.dates[di].end):
            continue  # "the fall" is not a season in "the fall of Kabul"
        dr = ix.dates[di]
        if _not_event_time(ix, ix.a.annotated.token_at(dr.start), c.tok, date_value(dr)):
            continue
        if best is None or (d, di) < best:
            best = (d, di)
    if best is not None:
        c.date, c.date_level = ix.dates[best[1]], 2
    else:
        sent = ix.a.annotated.sents[c.sent]
        near: tuple[int, int] | None = None
        for di, dr in enumerate(ix.dates):
            if not sent.start <= dr.start < sent.end or (dr.start < c.end and c.start < dr.end):
                continue
            i = ix.a.annotated.token_at(dr.start)
            if _not_event_time(ix, i, c.tok, date_value(dr)):
                continue
            g = governor(ix, span_root(ix, i, dr.start, dr.end))
            if g != c.tok and ix.is_ancestor(g, c.tok):
                continue
            dist = abs(i - c.tok)
            if near is None or dist < near[0]:
                near = (dist, di)
        if near is not None:
            c.date, c.date_level = ix.dates[near[1]], 1
    if c.date is not None:
        c.date_value = date_value(c.date)


def find_mode(ix: DocIndex, c: Cand) -> None:
    cues = ix.lex.modes.get(c.type)
    if not cues:
        return
    near = ix.near_lemmas(c.tok) | {ix.lemma(c.tok)}
    for s in ix.deps(c.tok, "nsubj", "agent"):
        near |= ix.near_lemmas(s) | {ix.lemma(s)}
    order = [m for _, m in cues]
    found = [m for cue, m in cues if cue in near]
    options = found + ([c.mode] if c.mode else [])
    if options:
        c.mode = min(options, key=lambda m: order.index(m) if m in order else len(order))


def fill(ix: DocIndex, c: Cand) -> None:
    """Fill in the arguments of one trigger mention."""
    sc = scope(ix, c)
    find_place(ix, c, sc)
    find_date(ix, c, sc)
    if c.aux:
        victims(ix, c)
        return
    if coarse_pos(ix.tokens[c.tok]) == "VERB":
        verb_args(ix, c)
    else:
        noun_args(ix, c)
    support_args(ix, c)
    find_mode(ix, c)
