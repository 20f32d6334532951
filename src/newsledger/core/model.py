"""The typed model: frozen dataclasses that cross every module boundary.

Every derived item carries character offsets ``start``/``end`` (Python ``str``
indices, end exclusive) into :attr:`Document.text`, so ``text[start:end]`` is
exactly the surface form.  Stages never pass untyped dicts around.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

# ---------------------------------------------------------------- documents


@dataclass(frozen=True, slots=True)
class Document:
    """One article after ingest and cleaning.

    ``text`` is the analysed text (after cleaning); ``raw_length`` the length
    of the input text before cleaning.  ``published`` is an ISO date
    ``YYYY-MM-DD`` or ``None``; ``published_inferred`` says it was inferred
    from the text rather than given.
    """

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None
    origin: str | None = None  # file path (and line) the document came from
    published_inferred: bool = False
    removed: tuple[tuple[int, int], ...] = ()  # spans dropped by clean (in the normalised text)


def content_id(text: str) -> str:
    """Deterministic document id: a hash of the content."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def stable_id(*parts: str) -> str:
    """Deterministic id for a derived item from its identifying parts."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


# ---------------------------------------------------------- linguistic layer


@dataclass(frozen=True, slots=True)
class Token:
    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the head token (itself for the root)
    ent_type: str  # "" when outside an entity
    sent: int  # index of the sentence


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    token_start: int
    token_end: int  # exclusive


@dataclass(frozen=True, slots=True)
class NamedSpan:
    """A labelled span over tokens, as spaCy's NER (plus our rules) produced it."""

    start: int
    end: int
    label: str
    text: str
    token_start: int
    token_end: int  # exclusive


@dataclass(frozen=True, slots=True)
class Annotated:
    """A document with its spaCy analysis in plain, picklable form."""

    doc: Document
    tokens: tuple[Token, ...]
    sents: tuple[Sentence, ...]
    ents: tuple[NamedSpan, ...]

    def sentence_of(self, char: int) -> int:
        """Index of the sentence holding character offset ``char`` (-1 if none)."""
        lo, hi = 0, len(self.sents) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sents[mid]
            if char < s.start:
                hi = mid - 1
            elif char >= s.end:
                lo = mid + 1
            else:
                return mid
        return -1

    def token_at(self, char: int) -> int:
        """Index of the token covering (or first after) character ``char``."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].end <= char:
                lo = mid + 1
            else:
                hi = mid
        return lo


# ------------------------------------------------------------- derived items


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text; ``entity`` is the document-level entity id."""

    start: int
    end: int
    text: str
    type: str  # PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, PRODUCT, WORK_OF_ART, LAW, ...
    entity: str


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class SpeakerRef:
    entity: str | None  # entity id, None when the speaker is not a named entity
    name: str
    start: int  # the mention the text uses for the speaker (may be a pronoun)
    end: int


@dataclass(frozen=True, slots=True)
class Via:
    entity: str | None
    name: str


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: str  # direct | mixed | indirect
    cue: Span | None
    speaker: SpeakerRef | None
    via: tuple[Via, ...] = ()
    fragments: tuple[tuple[int, int], ...] = ()
    date: str | None = None  # the date the quote refers to, when given


@dataclass(frozen=True, slots=True)
class Role:
    entity: str
    role: str
    org: str | None
    start: int
    end: int
    org_entity: str | None = None


@dataclass(frozen=True, slots=True)
class DateRef:
    start: int
    end: int
    text: str
    value: str | None  # TIMEX3 value; None when it cannot be anchored
    granularity: str  # day | month | year | decade | century | week | season | time | duration | set | ref | unknown
    type: str  # DATE | TIME | DURATION | SET
    anchored: bool = True  # False when relative and no publication date was known


@dataclass(frozen=True, slots=True)
class Place:
    start: int
    end: int
    text: str
    name: str
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166-1 alpha-2
    geonameid: int | None
    feature: str  # country | capital | city | region | adm1 | ...
    confidence: float
    entity: str | None = None
    # how the text names it: name | demonym ("Sudanese") | in_name (inside an
    # organisation or facility name: "Kenya Airways", "Metcalfe County Sheriff's Office")
    kind: str = "name"


@dataclass(frozen=True, slots=True)
class Agent:
    """An actor or target the text describes without naming ("gunmen", "soldiers")."""

    role: str  # actor | target
    start: int
    end: int
    text: str  # the noun phrase
    noun: str  # its head noun's lemma
    sector: str  # military | rebels | armed-group | police | civilians | government | ...


@dataclass(frozen=True, slots=True)
class Event:
    type: str  # PLOVER
    trigger: Span
    evidence: Span  # the sentence
    actors: tuple[str, ...] = ()  # entity ids
    targets: tuple[str, ...] = ()
    place: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    date: str | None = None
    killed: int | None = None
    injured: int | None = None
    mode: str | None = None
    casualty_history: tuple[tuple[str, int, int, int], ...] = ()  # (kind, value, start, end)
    id: str = ""
    # evidence spans (added by the events stage): every trigger and casualty
    # word folded into this event (coreference; a tally such as "death toll"
    # gives its figures to casualty_history only), where the place and date are
    # named, and the noun phrases the text uses for actors and targets (named
    # or not)
    mentions: tuple[Span, ...] = ()
    place_span: Span | None = None
    date_span: Span | None = None
    actor_spans: tuple[Span, ...] = ()
    target_spans: tuple[Span, ...] = ()
    # done | intended | threatened | denied: was the act reported as done, or only
    # planned or promised, threatened, or denied (components/events/modality.py)
    modality: str = "done"
    agents: tuple[Agent, ...] = ()  # unnamed actors and targets with their sector


@dataclass(frozen=True, slots=True)
class Claim:
    subject: str  # entity id
    attribute: str
    value: str
    start: int
    end: int
    value_type: str = "text"  # year | date | int | range | entity | text
    qualifiers: tuple[tuple[str, str], ...] = ()
    speaker: str | None = None  # entity id when the claim sits inside a quote


@dataclass(slots=True)
class Analysis:
    """Everything the per-document stages produced for one document.

    Stages fill in the fields they declare in ``assigns``; the pipeline checks
    that what a stage ``requires`` is assigned by an earlier stage.
    """

    annotated: Annotated
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    sentence_dates: dict[int, str] = field(default_factory=dict)  # sentence index -> value
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    @property
    def doc(self) -> Document:
        return self.annotated.doc

    @property
    def text(self) -> str:
        return self.annotated.doc.text
