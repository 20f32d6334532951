"""Mentions stage: named-entity spans grouped into document-level entities.

Within one document, mentions of one entity share an id: the same surface form,
a surname after a full name ("Felbab-Brown" after "Vanda Felbab-Brown"), and
the same name with or without a leading "the".  The id is a hash of type and
canonical name, so the same name in two documents of one call shares an id
before cross-document resolution (:mod:`newsledger.resolve`) merges variants.
"""

from __future__ import annotations

from .model import Analysis, Entity, Mention, stable_id
from .stage import Stage

NAME_TYPES = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)


def normalize(name: str) -> str:
    """Key used to compare names: case-folded, leading article and possessive dropped."""
    n = " ".join(name.split())
    low = n.lower()
    if low.startswith("the "):
        n = n[4:]
    if n.endswith(("'s", "’s")):
        n = n[:-2]
    return n.casefold()


def entity_id(etype: str, canonical: str) -> str:
    return stable_id(etype, normalize(canonical))


def clean_surface(text: str) -> tuple[int, int]:
    """Offsets (relative) of the name inside an entity span, without "the" and "'s"."""
    s, e = 0, len(text)
    if text[:4].lower() == "the ":
        s = 4
    if text.endswith(("'s", "’s")):
        e -= 2
    return s, e


def run(a: Analysis) -> None:
    text = a.text
    spans: list[tuple[int, int, str]] = []
    for ent in a.annotated.ents:
        if ent.label not in NAME_TYPES:
            continue
        ds, de = clean_surface(ent.text)
        s, e = ent.start + ds, ent.start + de
        if e > s and text[s:e].strip():
            spans.append((s, e, ent.label))
    # canonical name per (type, key): the longest form; surnames map to full names
    full_persons: dict[str, str] = {}
    for s, e, label in spans:
        if label == "PERSON":
            words = text[s:e].split()
            if len(words) >= 2:
                full_persons.setdefault(words[-1].casefold(), text[s:e])
    canon: dict[tuple[str, str], str] = {}
    resolved: list[tuple[int, int, str, str]] = []
    for s, e, label in spans:
        surface = text[s:e]
        name = surface
        if label == "PERSON" and len(surface.split()) == 1:
            name = full_persons.get(surface.casefold(), surface)
        key = (label, normalize(name))
        best = canon.get(key)
        if best is None or len(name) > len(best):
            canon[key] = name
        resolved.append((s, e, label, name))
    by_id: dict[str, list[Mention]] = {}
    names: dict[str, tuple[str, str]] = {}
    for s, e, label, name in resolved:
        cname = canon[(label, normalize(name))]
        eid = entity_id(label, cname)
        names[eid] = (label, cname)
        by_id.setdefault(eid, []).append(Mention(s, e, text[s:e], label, eid))
    a.mentions = [m for ms in by_id.values() for m in ms]
    a.mentions.sort(key=lambda m: (m.start, m.end))
    a.entities = []
    for eid, ms in by_id.items():
        label, cname = names[eid]
        aliases = tuple(sorted({m.text for m in ms} - {cname}))
        a.entities.append(Entity(eid, label, cname, aliases, tuple(ms)))
    a.entities.sort(key=lambda en: (en.mentions[0].start, en.id))


STAGE = Stage("mentions", requires=("annotated",), assigns=("mentions", "entities"), run=run)
