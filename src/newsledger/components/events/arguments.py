"""Event arguments: actors, targets, place, date and mode of one trigger mention.

Everything is read off the dependency tree around the trigger:

* **scope**: the trigger's subtree (without subordinate clauses) plus the
  subtree of a support word it is an argument of ("the attack *took place* on
  Friday", "the *decision*, made on Sunday, to raise the plan");
* **place**: a place in scope that is the object of a locative preposition
  ("in", "near") or a modifier of the trigger ("the Moscow attack"); the
  nearest in the tree wins, then the most specific.  Failing that, a place
  of the same sentence that is not attached to a word governing the trigger
  (so "Putin said in Moscow that ..." does not place the attack).  The place
  *span* may be a site noun nearer the trigger ("killed at a checkpoint",
  "their posts in Anderstown"); a speech act is placed by its own clause only;
* **date**: the same, for dates from the dates stage;
* **actors / targets**: :mod:`newsledger.components.events.actors`.
"""

from __future__ import annotations

from collections import deque

from newsledger.components.events.actors import noun_args, np_span, support_args, verb_args
from newsledger.components.events.detect import (
    Cand,
    DocIndex,
    PlaceRef,
    coarse_pos,
    date_value,
    kinds,
)
from newsledger.core.model import Span

SPECIFIC = {"city": 0, "capital": 0, "fac": 0, "adm2": 1, "adm1": 2, "region": 2, "country": 3}
MODIFIER_DEPS = frozenset({"compound", "nmod", "appos", "poss"})  # not amod: "Western cyclists"
SKIP_DEPS = frozenset({"ccomp", "advcl", "parataxis", "conj", "csubj", "punct", "cc"})
CAPTURE_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj"})
SPEECH_TYPES = frozenset({"DISAPPROVE", "DEMAND", "THREATEN", "REJECT"})
CONTENT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "dative", "attr", "oprd"})
PHYSICAL_TYPES = frozenset({"ASSAULT", "PROTEST", "MOBILIZE", "COERCE", "RETREAT"})
DESTINATION_PREPS = frozenset({"to", "into", "toward", "towards"})
SITE_PATH_DEPS = frozenset({"pobj", "prep", "compound", "appos", "conj"})
PHRASE_DEPS = frozenset({"prep", "pobj", "appos", "compound"})  # a site's own place phrase
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


def span_root(ix: DocIndex, i: int, start: int, end: int) -> int:
    """The token of a span whose head lies outside it."""
    seen = 0
    while seen < 20:
        h = ix.tokens[i].head
        if h == i or not start <= ix.tokens[h].start < end:
            return i
        i, seen = h, seen + 1
    return i


def governor(ix: DocIndex, i: int) -> int:
    """The content word a phrase attaches to, past prepositions and modifiers."""
    seen = 0
    while seen < 10:
        t = ix.tokens[i]
        if t.head == i:
            return i
        h = ix.tokens[t.head]
        if t.dep in ("pobj", "prep", "compound", "appos", "nmod", "conj") or h.pos == "ADP":
            i, seen = t.head, seen + 1
            continue
        return t.head
    return i


def locus(ix: DocIndex, n: int, c: Cand, depth: int = 0) -> bool:
    """Is noun ``n`` where the event happened (a place phrase, the trigger, its object)?"""
    t = ix.tokens[n]
    if n == c.tok or ix.is_place(n):
        return True
    h = t.head
    if t.dep == "pobj" and "locative" in kinds(ix, h):
        return True
    if t.dep in ("dobj", "nsubjpass") and h == c.tok and c.type == "ASSAULT":
        return True  # attacked Camp Shorabak in Helmand
    if t.dep == "pobj" and ix.lemma(h) == "of" and h != ix.tokens[h].head and depth < 2:
        return locus(ix, ix.tokens[h].head, c, depth + 1)  # the suburbs of Moscow
    return False


def locative(ix: DocIndex, root: int, c: Cand) -> bool:
    """Does the place phrase headed by ``root`` say where the event happened?"""
    t = ix.tokens[root]
    h = t.head
    if h == root:
        return False
    if t.dep == "pobj" and ("locative" in kinds(ix, h) or ix.lemma(h) == "of"):
        return ix.lemma(h) != "of" or locus(ix, ix.tokens[h].head, c)
    if t.dep in MODIFIER_DEPS:
        return locus(ix, h, c)
    return c.mode in ("capture", "visit") and t.dep in CAPTURE_DEPS  # took Kabul; visited Paris


# ------------------------------------------------------------ place, date


def _scoped_places(ix: DocIndex, c: Cand, sc: dict[int, int]) -> list[tuple[int, int, int]]:
    """(distance, specificity, place index) of the places in scope that say where."""
    out: list[tuple[int, int, int]] = []
    seen: set[int] = set()
    for i, d in sc.items():
        pi = ix.place_at[i]
        if pi < 0 or pi in seen:
            continue
        seen.add(pi)
        p = ix.places[pi]
        root = span_root(ix, i, p.start, p.end)
        if locative(ix, root, c):
            out.append((sc.get(root, d), SPECIFIC.get(p.feature, 1), pi))
    return sorted(out)


def _sentence_places(ix: DocIndex, c: Cand) -> list[tuple[int, int, int]]:
    """(token distance, specificity, index) of places elsewhere in the sentence that may say where."""
    sent = ix.a.annotated.sents[c.sent]
    out: list[tuple[int, int, int]] = []
    for pi, p in enumerate(ix.places):
        if not sent.start <= p.start < sent.end:
            continue
        i = ix.a.annotated.token_at(p.start)
        root = span_root(ix, i, p.start, p.end)
        if not locative(ix, root, c):
            continue
        g = governor(ix, root)
        if g != c.tok and ix.is_ancestor(g, c.tok):
            continue
        out.append((abs(i - c.tok), SPECIFIC.get(p.feature, 1), pi))
    return sorted(out)


def _nearest_site(ix: DocIndex, c: Cand, sc: dict[int, int]) -> tuple[int, int] | None:
    """(distance, token) of the nearest site noun in scope that says where."""
    best: tuple[int, int] | None = None
    for i, d in sc.items():
        if (
            i != c.tok
            and (best is None or (d, i) < best)
            and ix.is_site(i)
            and locative(ix, i, c)
            and not _destination(ix, i, c.type)
        ):
            best = (d, i)
    return best


def _destination(ix: DocIndex, i: int, etype: str) -> bool:
    """Not where it happened: "took to the streets", "taken to hospital", "sanctions on a bank"."""
    t = ix.tokens[i]
    prep = ix.lemma(t.head) if t.dep == "pobj" else ""
    return prep in DESTINATION_PREPS or (prep == "on" and etype not in PHYSICAL_TYPES)


def _site_around(ix: DocIndex, p: PlaceRef) -> Span:
    """A named place's span, or the site phrase it names: "their posts in Anderstown"."""
    i = span_root(ix, ix.a.annotated.token_at(p.start), p.start, p.end)
    for _ in range(4):
        t = ix.tokens[i]
        if t.head == i or t.dep not in SITE_PATH_DEPS:
            break
        i = t.head
        if ix.is_site(i):
            return site_span(ix, i)
    return Span(p.start, p.end, p.text)


def site_span(ix: DocIndex, s: int) -> Span:
    """A site's noun phrase, through a place named inside it: "a market in Velmora"."""
    np = np_span(ix, s)
    end = np.end
    queue = deque([(s, 0)])
    while queue:
        i, d = queue.popleft()
        pi = ix.place_at[i]
        if i != s and pi >= 0:
            end = max(end, ix.places[pi].end)
            break
        if d < 4:
            queue.extend(
                (ch, d + 1) for ch in ix.children[i] if ch > s and ix.tokens[ch].dep in PHRASE_DEPS
            )
    return Span(np.start, end, ix.text[np.start : end])


def _without_content(ix: DocIndex, c: Cand, sc: dict[int, int]) -> dict[int, int]:
    """A speech act's scope without what is said or asked: "asked citizens to march in X"."""
    if c.type not in SPEECH_TYPES or coarse_pos(ix.tokens[c.tok]) != "VERB":
        return sc
    out: dict[int, int] = {}
    for i, d in sc.items():
        j, steps = i, 0
        while steps < d and ix.tokens[j].head != c.tok and ix.tokens[j].head != j:
            j, steps = ix.tokens[j].head, steps + 1
        if j == c.tok or ix.tokens[j].head != c.tok or ix.tokens[j].dep not in CONTENT_DEPS:
            out[i] = d
    return out


def find_place(ix: DocIndex, c: Cand, sc: dict[int, int]) -> None:
    sc = _without_content(ix, c, sc)
    found = _scoped_places(ix, c, sc)
    level = 2
    site = _nearest_site(ix, c, sc)
    if site is not None and (not found or site[0] < found[0][0]):
        c.where, c.where_level = site_span(ix, site[1]), 2
    if not found and c.type not in SPEECH_TYPES:  # where a thing was said is in its clause
        found, level = _sentence_places(ix, c), 1
    if not found:
        return
    c.place, c.place_level = ix.places[found[0][2]], level
    if c.where is None:
        c.where, c.where_level = _site_around(ix, c.place), level
    resolved = [ix.places[k[2]] for k in found if ix.places[k[2]].resolved]
    c.geo = resolved[0] if resolved else None


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
        return
    if coarse_pos(ix.tokens[c.tok]) == "VERB":
        verb_args(ix, c)
    else:
        noun_args(ix, c)
    support_args(ix, c)
    find_mode(ix, c)
