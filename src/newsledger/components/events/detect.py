"""Event detection: trigger words typed by the lexicon and their dependency context.

:class:`DocIndex` holds what every event step looks up per token (dependents,
the entity, place or date a token belongs to), built once per document in
linear time.  :func:`detect` returns one :class:`Cand` per trigger mention;
the argument, casualty and coreference steps fill in and group them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from newsledger.components.events.lexicon import Cond, Lexicon, TriggerRule
from newsledger.core.model import Agent, Analysis, DateRef, Span, Token

OPEN_ENTS = frozenset({"", "EVENT"})  # triggers inside other entities are names, dates, figures
CONTENT_TYPES = frozenset({"AGREE", "DEMAND", "THREATEN", "REJECT"})
SPECIFIC_PREPS = frozenset({"of", "by", "on", "against", "between", "with", "targeting"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A place the events can use: from the places stage, or a bare GPE/LOC/FAC name."""

    start: int
    end: int
    text: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str = "unknown"  # from the places stage; fac/gpe/loc for unresolved names

    @property
    def resolved(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(slots=True)
class Figure:
    kind: str  # killed | injured
    value: int
    start: int
    end: int
    update: bool


@dataclass(slots=True)
class Cand:
    """One trigger mention and what the argument steps found around it."""

    tok: int
    start: int
    end: int
    text: str
    type: str
    mode: str | None
    aux: bool
    sent: int
    tally: bool = False  # a casualty noun that lends its figures only, not a mention ("toll")
    modality: str = "done"
    background: bool = False  # no event of its own (events.classify): lends arguments only  # done | intended | threatened | denied (events.modality)
    result: bool = False  # a consequence ("were killed") that may belong to a recent ASSAULT
    noun: bool = False
    definite: bool = False  # an anaphoric noun: "the attack", "this attack", "Friday's attack"
    plural: bool = False
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    actor_spans: list[Span] = field(default_factory=list)
    target_spans: list[Span] = field(default_factory=list)
    agents: list[Agent] = field(default_factory=list)  # unnamed actors and targets
    place: PlaceRef | None = None
    place_level: int = 0  # 2 syntactic, 1 same sentence, 0 none
    geo: PlaceRef | None = None  # the place itself when resolved, else a resolved one around it
    where: Span | None = None  # the place phrase nearest the trigger, named or not ("a market")
    where_level: int = 0  # as place_level
    date: DateRef | None = None
    date_value: str | None = None
    date_level: int = 0
    figures: list[Figure] = field(default_factory=list)


def calendar_part(value: str) -> str | None:
    """The calendar part (YYYY, YYYY-MM or YYYY-MM-DD) of a TIMEX value, if any."""
    m = DATE_VALUE.match(value)
    return m.group(0) if m else None


def date_value(d: DateRef) -> str | None:
    """The calendar part of a DATE/TIME expression's value (None for durations, sets, refs)."""
    if d.type not in ("DATE", "TIME") or not d.value:
        return None
    return calendar_part(d.value)


class DocIndex:
    """Per-token lookups for one analysed document (built once, linear time)."""

    def __init__(self, a: Analysis, lex: Lexicon) -> None:
        self.a = a
        self.lex = lex
        self.text = a.text
        self.tokens: tuple[Token, ...] = a.annotated.tokens
        n = len(self.tokens)
        self.children: list[list[int]] = [[] for _ in range(n)]
        for t in self.tokens:
            if t.head != t.i:
                self.children[t.head].append(t.i)
        self.ent_label: list[str] = [""] * n
        for e in a.annotated.ents:
            for k in range(e.token_start, min(e.token_end, n)):
                self.ent_label[k] = e.label
        self.entity: list[str | None] = [None] * n
        self.entity_type: dict[str, str] = {}
        for m in a.mentions:
            self.entity_type[m.entity] = m.type
            for k in self._tokens_in(m.start, m.end):
                self.entity[k] = m.entity
        self.places: list[PlaceRef] = self._places(a)
        self.place_at: list[int] = [-1] * n
        for pi, p in enumerate(self.places):
            for k in self._tokens_in(p.start, p.end):
                self.place_at[k] = pi
        self.dates: list[DateRef] = [d for d in a.dates if date_value(d)]
        self.date_at: list[int] = [-1] * n
        for di, d in enumerate(self.dates):
            for k in self._tokens_in(d.start, d.end):
                self.date_at[k] = di

    def _tokens_in(self, start: int, end: int) -> range:
        i = self.a.annotated.token_at(start)
        j = i
        while j < len(self.tokens) and self.tokens[j].start < end:
            j += 1
        return range(i, j)

    def _places(self, a: Analysis) -> list[PlaceRef]:
        """Resolved places, plus place names the places stage left unresolved (streets, venues)."""
        named = [p for p in a.places if p.kind == "name"]  # not "Afghan forces", "Kenya Airways"
        out = [
            PlaceRef(p.start, p.end, p.text, p.name, p.country, p.lat, p.lon, p.feature)
            for p in named
        ]
        taken = sorted((p.start, p.end) for p in named)
        for m in a.mentions:
            if m.type in PLACE_TYPES and not _overlaps(taken, m.start, m.end):
                out.append(PlaceRef(m.start, m.end, m.text, m.text, feature=m.type.lower()))
        out.sort(key=lambda p: p.start)
        return self._place_anaphora(out)

    def _place_anaphora(self, places: list[PlaceRef]) -> list[PlaceRef]:
        """Add "the city", "the country" as the latest earlier place of that kind."""
        nouns = self.lex.place_nouns
        taken = [(p.start, p.end) for p in places]
        extra: list[PlaceRef] = []
        starts = [p.start for p in places]
        for t in self.tokens:
            feats = nouns.get(t.lemma)
            if not feats or t.tag != "NN" or self.entity[t.i] is not None:
                continue
            kids = [self.tokens[c] for c in self.children[t.i]]
            if not any(k.lemma.lower() in ("the", "this", "that") for k in kids) or any(
                k.dep in ("compound", "amod") for k in kids
            ):
                continue
            if self._names_place(t.i, taken):
                continue  # "the city of Lyon" names its place, it does not refer back
            k = bisect_left(starts, t.start) - 1
            while k >= 0 and not (places[k].resolved and places[k].feature in feats):
                k -= 1
            if k >= 0:
                extra.append(replace(places[k], start=t.start, end=t.end, text=t.text))
        return sorted(places + extra, key=lambda p: p.start) if extra else places

    def _names_place(self, i: int, taken: list[tuple[int, int]]) -> bool:
        """Does noun ``i`` have an "of" complement that is a place ("the city of Lyon")?"""
        for p in self.children[i]:
            if self.tokens[p].dep == "prep" and self.lemma(p) == "of":
                for o in self.children[p]:
                    t = self.tokens[o]
                    if t.dep == "pobj" and (
                        self.ent_label[o] in PLACE_TYPES or _overlaps(taken, t.start, t.end)
                    ):
                        return True
        return False

    # ------------------------------------------------------------ tree helpers

    def lemma(self, i: int) -> str:
        return self.tokens[i].lemma.lower()

    def noun_lemma(self, i: int) -> str:
        """The lemma, or for a capitalised plural the parser took for a name outside any
        entity ("Protesters clash ..." in a headline) the singular it stands for."""
        t = self.tokens[i]
        if t.tag != "NNPS" or self.entity[i] is not None or self.ent_label[i]:
            return self.lemma(i)
        low = t.text.lower()
        if low.endswith("ies"):
            return low[:-3] + "y"
        return low[:-1] if low.endswith("s") and not low.endswith("ss") else low

    def deps(self, i: int, *deps: str) -> list[int]:
        return [c for c in self.children[i] if self.tokens[c].dep in deps]

    def near_lemmas(self, i: int) -> set[str]:
        """Lemmas of the dependents of ``i`` and of their dependents."""
        out: set[str] = set()
        for c in self.children[i]:
            out.add(self.noun_lemma(c))
            out.update(self.noun_lemma(g) for g in self.children[c])
        return out

    def is_ancestor(self, anc: int, i: int) -> bool:
        seen = 0
        while self.tokens[i].head != i and seen < 60:
            i = self.tokens[i].head
            if i == anc:
                return True
            seen += 1
        return False

    def is_place(self, i: int) -> bool:
        return self.place_at[i] >= 0 or self.ent_label[i] in PLACE_TYPES

    def is_site(self, i: int) -> bool:
        """A common noun that can say where something happened ("a checkpoint", "the market")."""
        t = self.tokens[i]
        return (
            t.tag in ("NN", "NNS")
            and self.entity[i] is None
            and self.place_at[i] < 0
            and self.lemma(i) in self.lex.site_nouns
        )

    def is_date(self, i: int) -> bool:
        return self.date_at[i] >= 0 or self.ent_label[i] in ("DATE", "TIME")

    def span(self, i: int, j: int) -> Span:
        s, e = self.tokens[i].start, self.tokens[j].end
        return Span(s, e, self.text[s:e])

    def sentence_span(self, si: int) -> Span:
        s = self.a.annotated.sents[si]
        text = self.text[s.start : s.end]
        lead = len(text) - len(text.lstrip())
        trail = len(text.rstrip())
        return Span(s.start + lead, s.start + trail, text[lead:trail])


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    k = bisect_left(spans, (start, start))
    return any(s < end and start < e for s, e in spans[max(0, k - 1) : k + 1])


def coarse_pos(t: Token) -> str:
    if t.pos in ("VERB", "AUX"):
        return "VERB"
    if t.pos in ("NOUN", "PROPN"):
        return "NOUN"
    return t.pos


def _objects(ix: DocIndex, i: int) -> list[int]:
    out = ix.deps(i, "dobj", "nsubjpass", "attr")
    for c in ix.deps(i, "dobj"):
        out.extend(ix.deps(c, "conj"))
    return out


def _preps(ix: DocIndex, i: int) -> set[str]:
    """Prepositions among the dependents whose object is not a date ("called on Friday")."""
    out: set[str] = set()
    for c in ix.deps(i, "prep", "agent", "dative"):
        objs = ix.deps(c, "pobj")
        if objs and all(ix.is_date(o) for o in objs):
            continue
        out.add(ix.lemma(c))
    return out


def cond_holds(ix: DocIndex, i: int, c: Cond) -> bool:
    v = c.values
    if c.op == "child":
        return bool(ix.near_lemmas(i) & v)
    if c.op == "nochild":
        return not ix.near_lemmas(i) & v
    if c.op == "obj":
        return any(
            ix.lemma(o) in v
            or ("place" in v and ix.is_place(o))
            or ("person" in v and ix.ent_label[o] == "PERSON")
            for o in _objects(ix, i)
        )
    if c.op == "noobj":
        return not any(ix.lemma(o) in v for o in _objects(ix, i))
    if c.op == "tag":
        return ix.tokens[i].tag in v
    if c.op == "prep":
        return bool(_preps(ix, i) & v)
    if c.op == "head":
        h = ix.tokens[i].head
        return h != i and ix.lemma(h) in v
    if c.op == "of":
        return any(
            ix.is_place(o)
            for p in ix.deps(i, "prep")
            if ix.lemma(p) == "of"
            for o in ix.deps(p, "pobj")
        )
    if c.op == "subj":
        return any(ix.is_place(s) for s in ix.deps(i, "nsubj", "nsubjpass"))
    if c.op == "voice":  # active: a verb with a subject of its own ("jets destroyed a bridge")
        active = bool(ix.deps(i, "nsubj")) and not ix.deps(i, "auxpass")
        return ("active" if active else "passive") in v
    raise ValueError(f"unknown condition {c.op!r}")  # pragma: no cover - checked at load


def match_rule(ix: DocIndex, i: int, rules: tuple[TriggerRule, ...]) -> TriggerRule | None:
    t = ix.tokens[i]
    pos = coarse_pos(t)
    if pos not in ("VERB", "NOUN", "ADJ"):
        return None
    if t.pos == "PROPN" and ix.entity[i] is not None:
        return None
    for r in rules:
        if r.pos not in ("*", pos):
            continue
        if all(cond_holds(ix, i, c) for c in r.conds):
            return r
    return None


def negated(ix: DocIndex, i: int) -> bool:
    """Is the mention at ``i`` denied by the text ("did not attack", "no arrests",
    "left without firing a shot")?"""
    for c in ix.children[i]:
        t = ix.tokens[c]
        if t.dep == "neg" or (t.dep == "det" and t.text.lower() == "no"):
            return True
    t = ix.tokens[i]
    return t.dep in ("pcomp", "pobj") and t.head != i and ix.lemma(t.head) == "without"


def detect(ix: DocIndex) -> list[Cand]:
    """Every trigger mention in the document, in text order."""
    out: list[Cand] = []
    triggers = ix.lex.triggers
    for t in ix.tokens:
        rules = triggers.get(t.lemma)
        if rules is None and t.lemma[:1].isupper():
            rules = triggers.get(t.lemma.lower())
            low = t.text.lower()  # a capitalised plural left unlemmatised: "Shootings in ..."
            if rules is None and low.endswith("s") and t.pos == "PROPN":
                rules = triggers.get(low[:-1])
        if not rules or ix.ent_label[t.i] not in OPEN_ENTS or t.dep == "amod":
            continue  # "a banned substance", "exploding barrels" are no events
        rule = match_rule(ix, t.i, rules)
        if rule is None or negated(ix, t.i):
            continue
        dets = {ix.lemma(c) for c in ix.deps(t.i, "det", "poss")}
        specific = any(ix.lemma(p) in SPECIFIC_PREPS for p in ix.deps(t.i, "prep", "acl", "relcl"))
        out.append(
            Cand(
                tok=t.i,
                start=t.start,
                end=t.end,
                text=t.text,
                type=rule.type,
                mode=rule.mode,
                aux=rule.aux,
                sent=t.sent,
                tally=rule.tally,
                noun=coarse_pos(t) == "NOUN",
                definite=coarse_pos(t) == "NOUN"
                and not specific
                and (bool(dets & DEFINITE) or bool(ix.deps(t.i, "poss"))),
                plural=t.tag in ("NNS", "NNPS"),
                result=rule.result,
            )
        )
    return _without_content(ix, out)


def _without_content(ix: DocIndex, cands: list[Cand]) -> list[Cand]:
    """Drop what an agreement, demand or threat is about: "agreed to cooperate" is one AGREE."""
    verbal = {c.tok: c for c in cands if c.type in CONTENT_TYPES and not c.noun}
    if not verbal:
        return cands
    out = []
    for c in cands:
        t = ix.tokens[c.tok]
        if t.dep in ("xcomp", "ccomp") and t.head in verbal and not c.noun:
            continue
        out.append(c)
    return out


def kinds(ix: DocIndex, i: int) -> frozenset[str]:
    """Support-word kinds of token ``i`` ("light", "frame", "claim", …) from the lexicon."""
    return ix.lex.support.get(ix.lemma(i), frozenset())
