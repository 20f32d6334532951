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
from dataclasses import dataclass

from networkx.utils import UnionFind

from newsledger.components.mentions.demonyms import described_name, describes_person
from newsledger.components.mentions.families import family_name, is_family_mentions
from newsledger.components.mentions.fragments import fragment_name, in_compound
from newsledger.components.mentions.initials import with_initial
from newsledger.components.mentions.short_forms import group_short_forms
from newsledger.components.mentions.towns import TownTyper
from newsledger.core.model import Analysis, Entity, Mention, NamedSpan, Token, stable_id
from newsledger.core.stage import Stage
from newsledger.corpus.aliases import AliasEntry, AliasTable, default_aliases
from newsledger.corpus.keys import (
    NAME_TYPES,
    TYPE_PRIORITY,
    PersonName,
    acronym_matches,
    content_tokens,
    fold,
    is_acronym,
    lexicon,
    name_key,
    person_compatible,
    person_name,
    surname_match,
    title_prefix,
)

__all__ = ["NAME_TYPES", "STAGE", "entity_id", "group", "make_stage", "normalize"]

# Labels whose long form may define an acronym that does not spell its words
# (translated names: "National Resistance Front (FNR)").
_LENIENT_ACRONYM_LABELS = frozenset({"ORG", "NORP", "FAC", "EVENT", "LAW", "PRODUCT"})
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


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    label: str
    linked: bool = False  # a bare surname tied to one full name
    described: bool = False  # a demonym standing for one person ("the Brazilian")


# ----------------------------------------------------------------- spans

_LEAD = frozenset(" \t\r\n\"'“”‘’«»([{-–—*•")
_TRAIL = frozenset(" \t\r\n\"'“”‘’«»)]},;:!?-–—*•")
_WS_TOKEN = re.compile(r"\S+")


def clean_span(text: str, s: int, e: int, label: str) -> tuple[int, int]:
    """Offsets of the name inside an entity span: no quotes, "the", "'s", trailing
    "(ACR" fragment, or leading titles for people."""
    while s < e and text[s] in _LEAD:
        s += 1
    while e > s and text[e - 1] in _TRAIL:
        e -= 1
    k = text.find("(", s, e)
    if k > s and text.find(")", k, e) < 0:
        e = k
        while e > s and text[e - 1].isspace():
            e -= 1
    if e - s > 4 and text[s : s + 4].lower() == "the ":
        s += 4
    if e - s > 2 and text[e - 2 : e] in ("'s", "’s"):
        e -= 2
    if e > s and text[e - 1] == "." and not is_acronym(text[s:e]):
        e -= 1
    if label == "PERSON" and e > s:
        toks = [(s + m.start(), s + m.end()) for m in _WS_TOKEN.finditer(text, s, e)]
        cut = title_prefix([text[a:b] for a, b in toks])
        if cut:
            s = toks[cut][0]
    return s, e


def _initial_spans(text: str, ents: Sequence[NamedSpan]) -> list[_Span]:
    out: list[_Span] = []
    for ent in ents:
        if ent.label not in NAME_TYPES:
            continue
        s, e = clean_span(text, ent.start, ent.end, ent.label)
        if in_compound(text, s, e):
            continue  # "Pole vault": a common noun, no name
        if ent.label == "PERSON":
            s = with_initial(text, s, e)  # "S Easterby" of a team sheet, not "Easterby"
        if e > s and any(ch.isalpha() for ch in text[s:e]):
            out.append(_Span(s, e, ent.label))
    # a span inside a longer one ("Christian" NORP inside "Christian Aid") is part of it
    out.sort(key=lambda sp: (sp.start, -sp.end))
    kept: list[_Span] = []
    reach = -1  # the furthest end of the spans kept so far (each starts at or before sp)
    for sp in out:
        inside = sp.end <= reach and (sp.start, sp.end) != (kept[-1].start, kept[-1].end)
        if not inside:
            kept.append(sp)
            reach = max(reach, sp.end)
    kept.sort(key=lambda sp: (sp.start, sp.end))
    return _rejoin(text, kept)


def _rejoin(text: str, spans: list[_Span]) -> list[_Span]:
    """Two adjacent spans that spell a name the text names whole elsewhere ("Christian"
    NORP + "Aid" PERSON, where "Christian Aid" is a span too) are that name."""
    whole = {text[sp.start : sp.end]: sp.label for sp in spans if " " in text[sp.start : sp.end]}
    if not whole:
        return spans
    out: list[_Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if prev is not None and sp.start == prev.end + 1 and text[prev.end] == " ":
            label = whole.get(text[prev.start : sp.end])
            if label is not None:
                out[-1] = _Span(prev.start, sp.end, label)
                continue
        out.append(sp)
    return out


# -------------------------------------------------------------- acronyms

_ACR = r"\(\s*([A-Z][A-Za-z0-9&./\-]{0,11}?)\s*\)"
_ACR_AFTER = re.compile(r"[ \t]*" + _ACR)
_EXTENSION = re.compile(r"((?:[ \t]+[\w'’\-]+){1,5}?)[ \t]*" + _ACR)


def _alias_consistent(acr: AliasEntry | None, long_form: str, table: AliasTable) -> bool:
    if acr is None:
        return False
    long_entry = table.lookup(long_form)
    if long_entry is not None:
        return long_entry.key == acr.key
    want = set(content_tokens(long_form))
    return any(set(content_tokens(s)) == want for s in table.surfaces(acr.key) if not is_acronym(s))


def _extension_ok(words: str) -> bool:
    connectors = lexicon().long_form_connectors
    return all(w[:1].isupper() or fold(w) in connectors for w in words.split())


def _acronyms(
    text: str, spans: list[_Span], table: AliasTable
) -> tuple[list[_Span], list[tuple[int, int]]]:
    """Find "Long Form (ACR)" definitions; return spans with the acronyms added and
    (long form index, acronym index) pairs."""
    found: list[tuple[_Span, int, int]] = []  # long span, acronym start, acronym end
    dropped: set[int] = set()
    for i, sp in enumerate(spans):
        if i in dropped:
            continue
        m = _ACR_AFTER.match(text, sp.end)
        extended = False
        if m is None:
            m = _EXTENSION.match(text, sp.end)
            if m is None or not _extension_ok(m.group(1)):
                continue
            extended = True
        acr = m.group(m.lastindex or 1)
        if not is_acronym(acr):
            continue
        long_end = m.end(1) if extended else sp.end
        long_form = text[sp.start : long_end]
        acr_entry = table.lookup(acr)
        ok = acronym_matches(acr, long_form) or _alias_consistent(acr_entry, long_form, table)
        if not ok and not extended:
            ok = (
                sp.label in _LENIENT_ACRONYM_LABELS
                and len(content_tokens(long_form)) >= 2
                and not long_form.isupper()  # "NEW YORK (AP)" is a dateline
            )
        if not ok:
            continue
        if extended:
            for j in range(i + 1, len(spans)):
                if spans[j].start >= long_end:
                    break
                dropped.add(j)
            sp.end = long_end
            if acr_entry is not None:
                sp.label = acr_entry.type
        found.append((sp, m.start(m.lastindex or 1), m.end(m.lastindex or 1)))
    kept = [sp for j, sp in enumerate(spans) if j not in dropped]
    at = {(sp.start, sp.end): sp for sp in kept}
    starts = [sp.start for sp in kept]
    for long_sp, a, b in found:
        if (a, b) not in at and not _overlaps(kept, starts, a, b):
            new = _Span(a, b, long_sp.label)
            k = bisect.bisect_left(starts, a)
            kept.insert(k, new)
            starts.insert(k, a)
            at[(a, b)] = new
    index = {id(sp): k for k, sp in enumerate(kept)}
    defs = [
        (index[id(long_sp)], index[id(at[(a, b)])])
        for long_sp, a, b in found
        if id(long_sp) in index and (a, b) in at
    ]
    return kept, defs


def _overlaps(spans: Sequence[_Span], starts: Sequence[int], a: int, b: int) -> bool:
    k = bisect.bisect_left(starts, b)
    return k > 0 and spans[k - 1].end > a


# --------------------------------------------------------------- grouping


def _group_persons(
    text: str, spans: list[_Span], links: list[AliasEntry | None], uf: UnionFind
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


def _group_exact(text: str, spans: list[_Span], uf: UnionFind) -> None:
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
    spans: list[_Span],
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
        if _overlaps(ordered, starts, a, b) or _caps_line(text, a, caps):
            continue
        new = _Span(a, b, spans[root].label)
        k = bisect.bisect_left(starts, a)
        ordered.insert(k, new)
        starts.insert(k, a)
        spans.append(new)
        links.append(None)
        uf.union(len(spans) - 1, root)


def _entity_type(group: list[_Span], text: str, entry: AliasEntry | None) -> str:
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


def _canonical(group: list[_Span], text: str, etype: str) -> str:
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
    spans, defs = _acronyms(text, _initial_spans(text, ents), table)
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
