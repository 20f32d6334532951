"""Where a phrase sits relative to an event trigger: the tree tests the place chooser uses.

The span root and governor of a phrase, whether a phrase has the form of the
place where something happened ("in Velmora", "the Velmora attack", "the
suburbs of Velmora") or of a destination ("taken to hospital"), the site phrase
around a name ("their posts in Tarsk"), and a speech act's scope without
what is said.  Shared by :mod:`newsledger.components.events.place_candidates`
(as features) and :mod:`newsledger.components.events.place` (the site rule).
"""

from __future__ import annotations

from collections import deque

from newsledger.components.events.actors import np_span
from newsledger.components.events.detect import Cand, DocIndex, PlaceRef, coarse_pos, kinds
from newsledger.core.model import Span

SPECIFIC = {"city": 0, "capital": 0, "fac": 0, "adm2": 1, "adm1": 2, "region": 2, "country": 3}
MODIFIER_DEPS = frozenset({"compound", "nmod", "appos", "poss"})  # not amod: "Western cyclists"
CAPTURE_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj"})
# both namings of PLOVER's speech acts (POLECAT's and the README's)
SPEECH_TYPES = frozenset({"DISAPPROVE", "DEMAND", "THREATEN", "REJECT"})
CONTENT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "dative", "attr", "oprd"})
PHYSICAL_TYPES = frozenset(
    {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT", "AID", "SANCTION"}
)
DESTINATION_PREPS = frozenset({"to", "into", "toward", "towards"})
DESTINATION_PATH_DEPS = frozenset({"compound", "appos", "conj"})
SITE_PATH_DEPS = frozenset({"pobj", "prep", "compound", "appos", "conj"})
PHRASE_DEPS = frozenset({"prep", "pobj", "appos", "compound"})  # a site's own place phrase


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


def chain(ix: DocIndex, i: int) -> list[int]:
    """``i`` and its ancestors up to the root."""
    out = [i]
    while ix.tokens[i].head != i and len(out) < 60:
        i = ix.tokens[i].head
        out.append(i)
    return out


def locus(ix: DocIndex, n: int, c: Cand, depth: int = 0) -> bool:
    """Is noun ``n`` where the event happened (a place phrase, the trigger, its object)?"""
    t = ix.tokens[n]
    if n == c.tok or ix.is_place(n):
        return True
    h = t.head
    if t.dep == "pobj" and "locative" in kinds(ix, h):
        return True
    if t.dep in ("dobj", "nsubjpass") and h == c.tok and c.type == "ASSAULT":
        return True  # attacked Camp Dravik in Velmora
    if t.dep == "pobj" and ix.lemma(h) == "of" and h != ix.tokens[h].head and depth < 2:
        return locus(ix, ix.tokens[h].head, c, depth + 1)  # the suburbs of Velmora
    return False


def locative(ix: DocIndex, root: int, c: Cand) -> bool:
    """Does the phrase headed by ``root`` have the form of a place where something happened?"""
    t = ix.tokens[root]
    h = t.head
    if h == root:
        return False
    if t.dep == "pobj" and ("locative" in kinds(ix, h) or ix.lemma(h) == "of"):
        return ix.lemma(h) != "of" or locus(ix, ix.tokens[h].head, c)
    if t.dep in MODIFIER_DEPS:
        return locus(ix, h, c)
    return c.mode in ("capture", "visit") and t.dep in CAPTURE_DEPS  # took Kabul; visited Paris


def destination(ix: DocIndex, i: int, etype: str, trigger: int = -1) -> bool:
    """Not where it happened: "took to the streets", "taken to hospital", "sanctions on a bank",
    nor a place inside such a phrase ("delivery to Room 4 at the Velmora Inn", "sent to a
    camp in Velmora"); but where one goes for the event is its place ("went to Paris for
    talks", "flew to Velmora to sign the deal")."""
    for _ in range(3):
        t = ix.tokens[i]
        if t.dep == "pobj" and t.head != i:
            prep = ix.lemma(t.head)
            if prep in DESTINATION_PREPS:
                return not _purpose(ix, ix.tokens[t.head].head, trigger)
            if prep == "on" and etype not in PHYSICAL_TYPES:
                return True
            p = ix.tokens[t.head]
            if p.dep != "prep" or p.head == t.head or not _named_or_site(ix, p.head):
                return False
            i = p.head  # the place the phrase belongs to: "camp" of "a camp in Velmora"
        elif t.dep in DESTINATION_PATH_DEPS and t.head != i and _named_or_site(ix, t.head):
            i = t.head
        else:
            return False
    return False


def _named_or_site(ix: DocIndex, i: int) -> bool:
    return ix.is_place(i) or ix.is_site(i) or ix.tokens[i].tag in ("NNP", "NNPS")


def _purpose(ix: DocIndex, verb: int, trigger: int) -> bool:
    """Is the trigger what one goes to ``verb``'s destination for ("flew to Velmora for talks")?"""
    if trigger < 0 or verb == trigger:
        return False
    for ch in ix.children[verb]:
        if ix.tokens[ch].dep in ("xcomp", "advcl") and ch == trigger:
            return True
        if ix.tokens[ch].dep == "prep" and ix.lemma(ch) == "for" and trigger in ix.children[ch]:
            return True
    return False


def site_around(ix: DocIndex, p: PlaceRef) -> Span:
    """A named place's span, or the site phrase it names: "their posts in Tarsk"."""
    i = span_root(ix, ix.a.annotated.token_at(p.start), p.start, p.end)
    for _ in range(4):
        t = ix.tokens[i]
        if t.head == i or t.dep not in SITE_PATH_DEPS:
            break
        i = t.head
        if ix.is_site(i):
            return site_span(ix, i)
    root = span_root(ix, ix.a.annotated.token_at(p.start), p.start, p.end)
    end = _inner_place_end(ix, root, p.end)  # "the Kingsbury Hotel in Colombo"
    return Span(p.start, end, ix.text[p.start : end])


def _inner_place_end(ix: DocIndex, s: int, end: int) -> int:
    """Where the phrase headed by ``s`` ends when it names a place inside it
    ("a market in Velmora", "the Kingsbury Hotel in Colombo"), else ``end``."""
    queue = deque([(s, 0)])
    while queue:
        i, d = queue.popleft()
        pi = ix.place_at[i]
        if pi >= 0 and ix.places[pi].start >= end:
            return ix.places[pi].end
        if d < 4:
            queue.extend(
                (ch, d + 1) for ch in ix.children[i] if ch > s and ix.tokens[ch].dep in PHRASE_DEPS
            )
    return end


def site_span(ix: DocIndex, s: int) -> Span:
    """A site's noun phrase, through a place named inside it: "a market in Velmora"."""
    np = np_span(ix, s)
    end = _inner_place_end(ix, s, np.end)
    return Span(np.start, end, ix.text[np.start : end])


def without_content(ix: DocIndex, c: Cand, sc: dict[int, int]) -> dict[int, int]:
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
