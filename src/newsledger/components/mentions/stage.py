"""Mentions stage: named-entity spans grouped into document-level entities.

Within one document these mentions become one entity:

* the same name, whatever type spaCy gave each occurrence ("Christine Fair"
  tagged once PERSON, once ORG): one sense per document, the type by vote;
* a title-prefixed name and the bare name ("President Rahmon" -> "Rahmon"):
  titles are trimmed from PERSON spans;
* spellings of one full name ("Emomali Rakhmon" / "Emomali Rahmon") and a
  surname after a full name ("Ortelle" after "Sabine Ortelle", "Dovryn"
  after "Marek Dovrin"), tied to the nearest full name before it;
* an acronym defined in the text, "Institute for Study of Coastal
  Societies (ISCS)", and its later uses; a long form is extended to the
  parenthesis when the alias data says so ("Islamic State group in Khorasan
  (EI-K)" is the Khorasan branch, not "Islamic State");
* names the alias data gives one entity (IS / ISIS / Daesh), and the
  unlabelled one-word aliases of such an entity elsewhere in the text.

Full names with different given names stay apart ("Ahmad Massoud" is not
"Ahmad Shah Massoud").  Each entity keeps its type, a canonical name (the
longest full form in the text) and its other surface forms as aliases.  Ids
are :func:`entity_id` of type and canonical name, so the same name in two
documents shares an id before :mod:`newsledger.corpus.resolve` merges variants.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

from networkx.utils import UnionFind

from newsledger.components.mentions.acronyms import acronym_definitions
from newsledger.components.mentions.demonyms import described_name, describes_person
from newsledger.components.mentions.families import family_name, is_family_mentions
from newsledger.components.mentions.fragments import fragment_name
from newsledger.components.mentions.short_forms import group_short_forms
from newsledger.components.mentions.spans import Span, initial_spans, overlaps
from newsledger.components.mentions.towns import TownTyper
from newsledger.core.model import Analysis, Entity, Mention, NamedSpan, Token, stable_id
from newsledger.core.stage import Stage
from newsledger.corpus.aliases import AliasEntry, AliasTable, default_aliases
from newsledger.corpus.keys import (
    NAME_TYPES,
    TYPE_PRIORITY,
    PersonName,
    is_acronym,
    name_key,
    person_compatible,
    person_name,
    surname_match,
)

__all__ = ["NAME_TYPES", "STAGE", "entity_id", "group", "make_stage", "normalize"]

# Labels a bare surname may carry when spaCy mislabels it ("Massoud" as GPE).
_SURNAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT"})


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


# --------------------------------------------------------------- grouping


def _group_persons(
    text: str, spans: list[Span], links: list[AliasEntry | None], uf: UnionFind
) -> None:
    full = []
    for i, sp in enumerate(spans):
        if sp.label == "PERSON" and links[i] is None:
            pn = person_name(text[sp.start : sp.end])
            if pn.full:
                full.append((i, pn))
    reps: list[tuple[int, PersonName]] = []
    seen: dict[PersonName, int] = {}
    by_surname: dict[str, list[int]] = {}
    for i, pn in full:
        by_surname.setdefault(pn.surname, []).append(i)
        j = seen.get(pn)
        if j is None:
            j = next((r for r, q in reps if person_compatible(pn, q)), None)
            seen[pn] = i
            reps.append((i, pn))
        if j is not None:
            uf.union(i, j)
    if not by_surname:
        return
    full_idx = {i for i, _ in full}
    for i, sp in enumerate(spans):
        surface = text[sp.start : sp.end]
        if (
            i in full_idx
            or links[i] is not None
            or sp.label not in _SURNAME_LABELS
            or len(surface.split()) != 1
            or not surface[:1].isupper()
            or is_acronym(surface)
        ):
            continue
        key = person_name(surface).surname
        cands = by_surname.get(key, [])
        if not cands:
            cands = [j for s, js in by_surname.items() if surname_match(key, s) for j in js]
        before = [j for j in cands if spans[j].start < sp.start]
        if before:
            j = max(before, key=lambda x: spans[x].start)
        elif cands and sp.label == "PERSON":
            j = min(cands, key=lambda x: spans[x].start)
        else:
            continue
        uf.union(i, j)
        sp.label = "PERSON"
        sp.linked = True


def _group_exact(text: str, spans: list[Span], uf: UnionFind) -> None:
    first: dict[str, int] = {}
    for i, sp in enumerate(spans):
        if sp.linked:
            continue
        key = name_key(text[sp.start : sp.end])
        j = first.setdefault("\0" + key if sp.described else key, i)
        if j != i:
            uf.union(i, j)


def _caps_line(text: str, pos: int, cache: dict[int, bool]) -> bool:
    """The line holding ``pos`` is mostly capitals (a headline: "IS" may be a verb)."""
    a = text.rfind("\n", 0, pos) + 1
    if a not in cache:
        b = text.find("\n", pos)
        letters = [c for c in text[a : b if b >= 0 else len(text)] if c.isalpha()]
        cache[a] = len(letters) >= 8 and sum(c.isupper() for c in letters) > 0.7 * len(letters)
    return cache[a]


def _scan(
    text: str,
    spans: list[Span],
    links: list[AliasEntry | None],
    defs: list[tuple[int, int]],
    uf: UnionFind,
    table: AliasTable,
) -> None:
    """Add unlabelled uses of defined acronyms and of one-word aliases of linked entities."""
    targets: list[tuple[re.Pattern[str], int]] = []
    acr_root: dict[str, int] = {}
    for long_i, acr_i in defs:
        acr_root.setdefault(text[spans[acr_i].start : spans[acr_i].end], long_i)
    if acr_root:
        forms = sorted(acr_root, key=lambda s: (-len(s), s))
        pat = re.compile(r"(?<![\w\-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w\-])")
        targets.append((pat, -1))
    done: set[str] = set()
    for i, entry in enumerate(links):
        if entry is not None and entry.key not in done:
            done.add(entry.key)
            p = table.scan_pattern(entry.key)
            if p is not None:
                targets.append((p, i))
    if not targets:
        return
    hits: list[tuple[int, int, int]] = []
    for pat, owner in targets:
        for m in pat.finditer(text):
            root = acr_root[m.group()] if owner < 0 else owner
            hits.append((m.start(), m.end(), root))
    hits.sort(key=lambda h: (h[0], -h[1]))
    starts = [sp.start for sp in spans]
    ordered = sorted(spans, key=lambda sp: sp.start)
    caps: dict[int, bool] = {}
    for a, b, root in hits:
        if overlaps(ordered, starts, a, b) or _caps_line(text, a, caps):
            continue
        new = Span(a, b, spans[root].label)
        k = bisect.bisect_left(starts, a)
        ordered.insert(k, new)
        starts.insert(k, a)
        spans.append(new)
        links.append(None)
        uf.union(len(spans) - 1, root)


def _entity_type(group: list[Span], text: str, entry: AliasEntry | None) -> str:
    if entry is not None:
        return entry.type
    votes: dict[str, float] = {}
    for sp in group:
        if sp.label == "PERSON" and not sp.linked:
            # spaCy takes unknown full names for organisations, and capitalised
            # one-word places for people: trust PERSON on full names only
            w = 2.0 if len(text[sp.start : sp.end].split()) > 1 else 0.5
        else:
            w = 1.0
        votes[sp.label] = votes.get(sp.label, 0.0) + w
    rank = {t: k for k, t in enumerate(TYPE_PRIORITY)}
    return max(votes, key=lambda t: (votes[t], -rank.get(t, len(rank))))


def _canonical(group: list[Span], text: str, etype: str) -> str:
    counts = Counter(" ".join(text[sp.start : sp.end].split()) for sp in group)
    first: dict[str, int] = {}
    for sp in sorted(group, key=lambda x: x.start):
        first.setdefault(" ".join(text[sp.start : sp.end].split()), sp.start)

    def rank(name: str) -> tuple[bool, bool, int, int, int]:
        multi = etype == "PERSON" and len(name.split()) > 1
        return (not is_acronym(name), multi, len(name), counts[name], -first[name])

    return max(counts, key=rank)


def group(
    text: str,
    ents: Sequence[NamedSpan],
    table: AliasTable | None = None,
    tokens: Sequence[Token] = (),
) -> tuple[list[Mention], list[Entity]]:
    """Group the named spans ``ents`` of ``text`` into mentions and document-level entities
    (``tokens``, the parse, tell a demonym standing for a person from the nationality)."""
    table = default_aliases() if table is None else table
    spans, defs = acronym_definitions(text, initial_spans(text, ents), table)
    # token starts for the demonym lookup, built only when a nationality span needs them
    starts = [t.start for t in tokens] if any(sp.label == "NORP" for sp in spans) else []
    for sp in spans:
        sp.described = sp.label == "NORP" and describes_person(tokens, starts, sp.start, sp.end)
    links = [None if sp.described else table.lookup(text[sp.start : sp.end]) for sp in spans]
    uf = UnionFind(range(len(spans)))
    for long_i, acr_i in defs:
        uf.union(long_i, acr_i)
    by_key: dict[str, int] = {}
    for i, entry in enumerate(links):
        if entry is not None:
            uf.union(i, by_key.setdefault(entry.key, i))
    _group_persons(text, spans, links, uf)
    _group_exact(text, spans, uf)
    group_short_forms(text, spans, uf)
    _scan(text, spans, links, defs, uf, table)
    groups: dict[int, list[int]] = {}
    for i in range(len(spans)):
        groups.setdefault(uf[i], []).append(i)  # in order of first member
    mentions: list[Mention] = []
    entities: list[Entity] = []
    used: set[str] = set()
    towns = TownTyper(text)
    taken = [(e.start, e.end) for e in ents]
    for idx in groups.values():
        members = [spans[i] for i in idx]
        found = Counter(links[i].key for i in idx if links[i] is not None)  # type: ignore[union-attr]
        entry = None
        if found:
            top = found.most_common(1)[0][0]
            entry = next(e for i in idx if (e := links[i]) is not None and e.key == top)
        etype = _entity_type(members, text, entry)
        name = _canonical(members, text, etype)
        if all(sp.described for sp in members):
            name = described_name(name)
        elif etype == "PERSON" and is_family_mentions(text, [(sp.start, sp.end) for sp in members]):
            name = family_name(name)  # "the Agnelli family": not the one Agnelli of another report
        elif entry is None:
            etype = towns.type_of(name, etype, [(sp.start, sp.end) for sp in members])
            longer = fragment_name(text, name, etype, [(sp.start, sp.end) for sp in members], taken)
            name = longer or name
        else:  # a country's alias row: its national team in a sports report
            etype = towns.team_of(name, etype, [(sp.start, sp.end) for sp in members])
        # a national team's report may also name the country as a place ("the tour to X")
        # ... and a country's report its side ("the victory over X")
        at = [(sp.start, sp.end) for sp in members]
        placed = set(towns.place_mentions(name, etype, at))
        other = "GPE"
        if not placed:
            placed, other = set(towns.side_mentions(name, etype, at)), "ORG"
        parts = [([sp for k, sp in enumerate(members) if k not in placed], etype)]
        if placed:
            parts.append(([members[k] for k in sorted(placed)], other))
        for part, ptype in parts:
            eid = entity_id(ptype, name)
            n = 1
            while eid in used:
                n += 1
                eid = stable_id(ptype, normalize(name), str(n))
            used.add(eid)
            ms = tuple(
                Mention(sp.start, sp.end, text[sp.start : sp.end], ptype, eid)
                for sp in sorted(part, key=lambda x: (x.start, x.end))
            )
            aliases = tuple(sorted({" ".join(m.text.split()) for m in ms} - {name}))
            entities.append(Entity(eid, ptype, name, aliases, ms))
            mentions.extend(ms)
    mentions.sort(key=lambda m: (m.start, m.end))
    entities.sort(key=lambda en: (en.mentions[0].start, en.id))
    return mentions, entities


def make_stage(table: AliasTable | None = None) -> Stage:
    """The mentions stage with a given alias table (user aliases added with ``--aliases``)."""

    def run(a: Analysis) -> None:
        a.mentions, a.entities = group(a.text, a.annotated.ents, table, a.annotated.tokens)

    return Stage("mentions", requires=("annotated",), assigns=("mentions", "entities"), run=run)


def run(a: Analysis) -> None:
    a.mentions, a.entities = group(a.text, a.annotated.ents, tokens=a.annotated.tokens)


STAGE = Stage("mentions", requires=("annotated",), assigns=("mentions", "entities"), run=run)
