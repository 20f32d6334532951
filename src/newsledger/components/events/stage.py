"""Events stage: what happened, who did it to whom, where, when, and how many died.

Trigger words typed in the PLOVER ontology (:mod:`newsledger.components.events.detect`,
lexicon in ``data/event_triggers.tsv``), arguments read off the dependency
tree (:mod:`newsledger.components.events.arguments`), casualty figures
(:mod:`newsledger.components.events.casualties`), the learned type classifier
and modality (:mod:`newsledger.components.events.classify`,
:mod:`newsledger.components.events.modality`) and in-document coreference
(:mod:`newsledger.components.events.coref`) give one :class:`~newsledger.core.model.Event` per
event the article reports, with every mention folded into it as evidence.

Types are PLOVER's categories with the names of the openeventdata/PLOVER
README (DEMAND and DISAPPROVE, not POLECAT's REQUEST and ACCUSE).  ``mode`` is
PLOVER's mode of the type (arrest, seize and capture are modes of COERCE;
explosives, firearms, ... of ASSAULT); ``modality`` says whether the act was
done, only intended or promised, threatened, or denied (a promised act is
typed AGREE and a threatened one THREATEN, as PLOVER codes them); ``agents``
describe the actors and targets the text does not name ("gunmen",
armed-group), besides the entity ids of ``actors`` and ``targets``.

Places and dates come from the places and dates stages when they ran before
this one (``analysis.places``, ``analysis.dates``, and as a last resort the
date of the main mention's sentence, ``analysis.sentence_dates``); without
them the event's place is the bare GPE/LOC/FAC name and it has no date.
"""

from __future__ import annotations

from newsledger.components.events.arguments import fill
from newsledger.components.events.casualties import assign, settle
from newsledger.components.events.classify import TypeModel, decide
from newsledger.components.events.coref import Cluster, cluster
from newsledger.components.events.detect import Cand, DocIndex, calendar_part, detect
from newsledger.components.events.lexicon import lexicon
from newsledger.components.events.place import event_where
from newsledger.core.model import Analysis, Event, Span, stable_id
from newsledger.core.stage import Stage


def _info(c: Cand) -> tuple[int, int]:
    """How much a mention says about its event (more is a better main mention)."""
    score = c.place_level + c.date_level + (2 if c.figures else 0)
    score += 1 if c.actors else 0
    score += 1 if c.targets else 0
    return (score, -c.start)


def _date(cands: list[Cand]) -> Cand | None:
    """The mention whose date is the event's: syntactic first, then the most specific."""
    best: Cand | None = None
    for c in cands:
        if not c.date_value:
            continue
        if best is None or best.date_value is None:
            best = c
            continue
        if c.date_level > best.date_level or (
            c.date_level == best.date_level
            and c.date_value.startswith(best.date_value)
            and len(c.date_value) > len(best.date_value)
        ):
            best = c
    return best


def _when(ix: DocIndex, dc: Cand | None, main: Cand) -> tuple[str | None, Span | None]:
    """The event's date and where the text gives it.

    A mention's own date first; failing that, the date the dates stage gives
    the main mention's sentence ("On Sunday, X said in a telephone
    conversation ..." dates the conversation).
    """
    if dc is not None and dc.date is not None:
        return dc.date_value, Span(dc.date.start, dc.date.end, dc.date.text)
    value = ix.a.sentence_dates.get(main.sent)
    cal = calendar_part(value) if value else None
    published = ix.a.doc.published
    if not cal:
        return None, None
    if published and ix.tokens[main.tok].tag in ("VBD", "VBN") and cal > published[: len(cal)]:
        return None, None  # told in the past, so not the later date of its sentence
    sent = ix.a.annotated.sents[main.sent]
    ref = next((d for d in ix.dates if sent.start <= d.start < sent.end and d.value == value), None)
    return cal, Span(ref.start, ref.end, ref.text) if ref else None


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _reported(cl: Cluster) -> bool:
    """Does a cluster hold a mention of an event of its own (not background only)?"""
    return any(not c.aux and not c.background for c in cl.cands)


def build(ix: DocIndex, cl: Cluster) -> Event:
    """One event from a cluster of mentions (background ones are mentions and lend arguments;
    casualty words lend the hurt and dead they count as targets; tallies such as "death
    toll" lend their figures only)."""
    kept = [c for c in cl.cands if not c.background]
    real = [c for c in kept if not c.aux] or kept
    lend = [c for c in cl.cands if not c.aux] or real  # arguments: background ones too
    hurt = [c for c in cl.cands if c.aux and not c.tally] + lend  # victims: casualty words too
    main = max(real, key=_info)
    wc, pc = event_where(ix, cl.cands)
    dc = _date(cl.cands)
    place = pc.place if pc is not None else None
    geo = pc.geo if pc is not None else None
    if place is not None and geo is None:
        geo = next((c.geo for c in cl.cands if c.geo is not None), None)
    killed, injured, history = settle(f for c in cl.cands for f in c.figures)
    mode = main.mode or next((c.mode for c in real if c.mode), None)
    when, when_span = _when(ix, dc, main)
    trig = Span(main.start, main.end, main.text)
    return Event(
        type=cl.type,
        trigger=trig,
        evidence=ix.sentence_span(main.sent),
        actors=_unique([e for c in lend for e in c.actors]),
        targets=_unique([e for c in hurt for e in c.targets if e not in c.actors]),
        place=place.name if place else None,
        country=geo.country if geo else None,
        lat=geo.lat if geo else None,
        lon=geo.lon if geo else None,
        date=when,
        killed=killed,
        injured=injured,
        mode=mode,
        casualty_history=history,
        id=stable_id(ix.a.doc.id, "event", cl.type, str(trig.start)),
        mentions=tuple(Span(c.start, c.end, c.text) for c in cl.cands if not c.tally),
        place_span=wc.where if wc is not None else None,
        date_span=when_span,
        actor_spans=tuple(dict.fromkeys(s for c in lend for s in c.actor_spans)),
        target_spans=tuple(dict.fromkeys(s for c in hurt for s in c.target_spans)),
        modality=main.modality,
        agents=tuple(dict.fromkeys(g for c in lend for g in c.agents)),
    )


def extract(a: Analysis, model: TypeModel | None = None) -> list[Event]:
    """The events of one analysed document, in text order of their main mention
    (``model``: a type classifier other than the shipped one, for training)."""
    ix = DocIndex(a, lexicon())
    cands = detect(ix)
    for c in cands:
        fill(ix, c)
    assign(ix, cands)
    decide(ix, cands, model)
    events = [build(ix, cl) for cl in cluster(cands) if _reported(cl)]
    events.sort(key=lambda e: (e.trigger.start, e.type))
    return events


def run(a: Analysis) -> None:
    a.events = extract(a)


STAGE = Stage(
    "events",
    requires=("annotated", "mentions", "dates", "sentence_dates", "places"),
    assigns=("events",),
    run=run,
)
