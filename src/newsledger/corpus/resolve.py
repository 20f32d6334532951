"""Cross-document entity resolution: one entity per person, group or place in a corpus.

:func:`resolve` takes each document's entities (from the mentions stage) and
returns a :class:`Resolution`: every ``(doc id, doc entity id)`` mapped to a
global entity id, and the global entities (type, canonical name, aliases with
counts, documents).

How entities are joined, strongest evidence first:

1. manual merges (:mod:`newsledger.corpus.overrides`);
2. the same name in the same type class (a country tagged GPE in one article
   and NORP in another is one entity; a person never joins a non-person; a
   town typed ORG, its club or company, stays apart from the town, and a
   country typed ORG, its national team in a sports report, from the country;
   such sides join only sides of the same sport, the sport each report's words
   name (:mod:`newsledger.corpus.sides`: Scotland's football and rugby teams are
   two, Newport's rugby club is not the Newport of a council story); a generic
   body's name ("Supreme Court", "Court of Appeal", "Treasury", "the Church": institution
   words alone) only when the two reports share a co-occurring name; a day or
   month typed a body or place ("Sunday" ORG) never;
3. the same entity in the alias data (IS / ISIS / Daesh);
4. candidate pairs from blocking keys (:func:`newsledger.corpus.cluster.block_keys`:
   consonant skeletons of surname and given names, so Rakhmon/Rahmon share a
   block; the set and the skeletons of an organisation's content words),
   scored by rule and rapidfuzz: full names with the same given names and a
   surname spelled alike; organisation names with the same content words, or
   longer names spelled alike word by word when a co-occurring name is shared
   (a co-occurring bare surname is no evidence), and a party's name and its
   short form ("Labour Party" / "Labour") or its members' plural ("Agrarians")
   likewise;
5. weak evidence, only when unambiguous and backed by a shared co-occurring
   name: a bare surname (or "S. Best") joins the one full name it fits (a
   bare given name, "David", only a person whose own reports call them by it:
   Craig David is not the "David" of "David and Victoria Beckham"); an
   acronym joins the one long form that lists it (or whose initials spell it);
   a one-word "person" no document names in full joins a place or body of
   that name seen in two documents or more, or in one when the gazetteer
   lists the name (a tagging error: "Everton", "Kent"; a
   full "person" with no known given name, "Zurich Premiership", does not
   count as named in full there).

Guard rails hold for every join except manual merges: different given names
are different people; a demonym standing for a person ("the Brazilian scored",
:mod:`newsledger.components.mentions.demonyms`) joins nothing across documents,
neither the nation nor another "the Brazilian"; a one-word product, event, work or law that is the
surname of someone named in full in the corpus ("Cole" typed PRODUCT) joins
nothing on its name; entities the alias data tells apart (a branch and its
parent) stay apart; a bare surname that fits two people joins neither, unless
its report shares clearly more names with one of them (at least two, more than
twice as many as with any other: "Blair" beside Labour ministers); a bare
surname in a report that names two people of that surname ("J Worsley",
"M Worsley") joins no one.  Cost
grows about linearly: blocks are narrow, oversized ones are paired by sorted
neighbourhood, and weak candidates are looked up by key, never all-pairs.

Global ids are :func:`newsledger.components.mentions.stage.entity_id` of type and canonical
name, so they do not change when unrelated documents are added.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsledger.components.mentions.demonyms import is_described
from newsledger.components.mentions.families import is_family
from newsledger.components.mentions.stage import entity_id, normalize
from newsledger.components.ner.tables import tables, towns
from newsledger.core.model import Entity, stable_id
from newsledger.corpus.aliases import AliasTable, default_aliases
from newsledger.corpus.aliases import load_aliases as _load_aliases
from newsledger.corpus.cluster import Clusters, Item, cluster
from newsledger.corpus.keys import (
    TYPE_PRIORITY,
    is_acronym,
    name_key,
    party_short,
    person_name,
    type_class,
)
from newsledger.corpus.overrides import Override, Overrides, RefIndex, RefItem, build_constraints
from newsledger.corpus.sides import is_compass, side_label
from newsledger.corpus.vote import vote_types

__all__ = [
    "AliasTable",
    "GlobalEntity",
    "Override",
    "Overrides",
    "Resolution",
    "load_aliases",
    "resolve",
]


def load_aliases(path: Path | None = None) -> AliasTable:
    """The packaged alias table plus the user's ``--aliases`` file, if given."""
    return _load_aliases(path)


@dataclass(frozen=True, slots=True)
class GlobalEntity(Entity):
    """A corpus-level entity; ``aliases`` (from :class:`Entity`) excludes ``name``."""

    alias_counts: tuple[tuple[str, int], ...] = ()  # every surface form with its mentions
    docs: tuple[str, ...] = ()
    members: tuple[tuple[str, str], ...] = ()  # (doc id, document-level entity id)
    mention_count: int = 0


@dataclass(frozen=True, slots=True)
class Resolution:
    mapping: Mapping[tuple[str, str], str]  # (doc id, doc entity id) -> global id
    entities: Mapping[str, GlobalEntity]
    stats: Mapping[str, int]
    unmatched: tuple[Override, ...] = ()  # overrides that named nothing in this corpus

    def global_id(self, doc_id: str, local_id: str) -> str:
        return self.mapping[(doc_id, local_id)]


def place_or_body(tclass: str, etype: str, name: str) -> str:
    """The class a name joins others of the same name in.

    Places and bodies share one class, since taggers call a country's
    government by its name ("Russia said"); but a town's name typed ORG is
    most often its club or company ("Liverpool beat Chelsea"), so a name the
    gazetteer lists as a town (or a populated place of 15,000 people or more;
    never a country, capital or state, whose name typed ORG is most often a
    tagging slip) splits into a place and a body of that name.  The mentions
    stage has already typed a town's name by its report
    (:mod:`newsledger.components.mentions.towns`: a club in a sports report),
    and a country's name ORG only for its national team, which stays apart from
    the country.
    """
    if tclass != "PLACE_ORG":
        return tclass
    t = tables()
    if etype == "ORG" and name in t.countries:
        return "ORG"  # a national team: the mentions stage types a country GPE elsewhere
    if (name in t.places or name in towns()) and name not in t.polities and name not in t.countries:
        return "ORG" if etype == "ORG" else "PLACE"
    return tclass


def _items(
    docs: Sequence[tuple[str, Sequence[Entity]]],
    table: AliasTable,
    sports: Mapping[str, str] | None = None,
    leans: Mapping[str, str] | None = None,
) -> list[Item]:
    out = []
    for d, (doc_id, ents) in enumerate(docs):
        sport = None if sports is None else sports.get(doc_id)
        lean = "" if leans is None else leans.get(doc_id, "")
        for e in ents:
            surfaces: Counter[str] = Counter(" ".join(m.text.split()) for m in e.mentions)
            for a in (e.name, *e.aliases):
                surfaces[a] += 0
            tclass = type_class(e.type)
            entry = None
            # "the Brazilian" describes someone: no alias row, no nation
            # a country typed ORG is its national team: not the country's alias row
            team = e.type == "ORG" and e.name in tables().countries
            described = is_described(e.type, e.name)
            names = () if described or team else (e.name, *e.aliases)
            for s in sorted(names, key=lambda a: (a != e.name, -surfaces[a])):
                hit = table.lookup(s)
                if hit is not None and type_class(hit.type) == tclass:
                    entry = hit
                    break
            if entry is None:
                tclass = place_or_body(tclass, e.type, e.name)
            family = is_family(e.type, e.name)  # "the Agnelli family" is no one's name
            person = person_name(e.name) if e.type == "PERSON" and not family else None
            n = sum(surfaces.values()) or 1
            side = "" if entry is not None else side_label(e.type, e.name, sport, lean)
            if side and is_compass(e.name):
                tclass = "ORG"  # "The South" of a rugby report is a side, not the region
            out.append(
                Item(
                    d,
                    e.id,
                    e.type,
                    tclass,
                    e.name,
                    name_key(e.name),
                    surfaces,
                    person,
                    entry,
                    is_acronym(e.name),
                    n,
                    side,
                )
            )
    return out


# ------------------------------------------------------------------ output


def _choose(
    members: list[int], items: list[Item], outvoted: frozenset[int] = frozenset()
) -> tuple[str, str]:
    """Type and canonical name of a cluster (``outvoted`` items have no say in its type)."""
    entries = Counter(items[i].entry.key for i in members if items[i].entry is not None)  # type: ignore[union-attr]
    if entries:
        top = entries.most_common(1)[0][0]
        e = next(it.entry for i in members if (it := items[i]).entry and it.entry.key == top)
        assert e is not None
        return e.type, e.canonical
    voters = [i for i in members if i not in outvoted] or members
    parties = [i for i in members if items[i].type == "ORG" and party_short(items[i].name)]
    if parties:
        voters = parties  # "Conservatives" joined to "Conservative Party": the party, an ORG
    elif any(items[i].type != "PERSON" for i in members) and not any(
        items[i].full_person for i in members
    ):
        # one-word "people" joined to a place or body of that name were tagging errors
        voters = [i for i in voters if items[i].type != "PERSON"] or voters
    votes: Counter[str] = Counter()
    for i in voters:
        votes[items[i].type] += items[i].mentions
    rank = {t: k for k, t in enumerate(TYPE_PRIORITY)}
    etype = max(votes, key=lambda t: (votes[t], -rank.get(t, len(rank)), t))
    docs: dict[str, set[int]] = {}
    count: Counter[str] = Counter()
    for i in parties or members:
        it = items[i]
        docs.setdefault(it.name, set()).add(it.doc)
        count[it.name] += it.surfaces[it.name]

    def rank_name(n: str) -> tuple[bool, bool, int, int, int, str]:
        full = etype == "PERSON" and person_name(n).full  # "Jonathan Thomas", not "J Thomas"
        return (not is_acronym(n), full, len(docs[n]), count[n], len(n), n)

    return etype, max(docs, key=rank_name)


def _build(
    items: list[Item], cl: Clusters, doc_ids: Sequence[str], outvoted: frozenset[int] = frozenset()
) -> tuple[dict[tuple[str, str], str], dict[str, GlobalEntity]]:
    clusters: dict[int, list[int]] = {}
    for i in range(len(items)):
        clusters.setdefault(cl.find(i), []).append(i)
    made: list[tuple[str, str, str, list[int]]] = []
    for members in clusters.values():
        etype, name = _choose(members, items, outvoted)
        made.append((entity_id(etype, name), etype, name, members))
    made.sort(key=lambda m: (m[0], min((doc_ids[items[i].doc], items[i].local) for i in m[3])))
    mapping: dict[tuple[str, str], str] = {}
    entities: dict[str, GlobalEntity] = {}
    for gid, etype, name, members in made:
        n = 1
        while gid in entities:
            n += 1
            gid = stable_id(etype, normalize(name), str(n))
        surfaces: Counter[str] = Counter()
        for i in members:
            surfaces.update(items[i].surfaces)
            surfaces[items[i].name] += 0
        counts = tuple(sorted(surfaces.items(), key=lambda kv: (-kv[1], kv[0])))
        member_ids = tuple(sorted((doc_ids[items[i].doc], items[i].local) for i in members))
        for m in member_ids:
            mapping[m] = gid
        entities[gid] = GlobalEntity(
            id=gid,
            type=etype,
            name=name,
            aliases=tuple(s for s, _ in counts if s != name),
            alias_counts=counts,
            docs=tuple(sorted({d for d, _ in member_ids})),
            members=member_ids,
            mention_count=sum(items[i].mentions for i in members),
        )
    return mapping, entities


def resolve(
    docs: Sequence[tuple[str, Sequence[Entity]]],
    aliases: AliasTable | None = None,
    overrides: Overrides | Sequence[Override] | None = None,
    vote: bool = True,
    sports: Mapping[str, str] | None = None,
    leans: Mapping[str, str] | None = None,
) -> Resolution:
    """Resolve the document-level entities of ``docs`` (``(doc id, entities)`` pairs);
    ``sports`` gives each report's sport (:func:`newsledger.components.mentions.sport.report_sport`;
    a report it leaves out is a sports report of unknown sport), and ``leans`` the sport
    a report of unknown sport leans to (:func:`newsledger.components.mentions.sport.sport_lean`),
    which its competitions ("the World Cup") are taken to be of."""
    table = default_aliases() if aliases is None else aliases
    ovs = overrides if isinstance(overrides, Overrides) else Overrides(tuple(overrides or ()))
    doc_ids = [d for d, _ in docs]
    items = _items(docs, table, sports, leans)
    stats: Counter[str] = Counter()
    unmatched: tuple[Override, ...] = ()
    if len(ovs):
        first = cluster(items, len(docs), (), {}, Counter())
        auto_map, _ = _build(items, first, doc_ids, frozenset(vote_types(items, first, Counter())))
        by_gid: dict[str, set[int]] = {}
        pos = {(doc_ids[it.doc], it.local): i for i, it in enumerate(items)}
        for pair, gid in auto_map.items():
            by_gid.setdefault(gid, set()).add(pos[pair])
        members: dict[int, set[int]] = {}
        for i in range(len(items)):
            members.setdefault(first.find(i), set()).add(i)
        index = RefIndex(
            [
                RefItem(
                    doc_ids[it.doc],
                    it.local,
                    it.type,
                    frozenset({it.key, *(name_key(s) for s in it.surfaces)}),
                )
                for it in items
            ],
            by_gid,
        )
        c = build_constraints(ovs, index, lambda i: members[first.find(i)], lambda i: items[i].key)
        must, tags, unmatched = c.must, c.tags, tuple(c.unmatched)
    else:
        must, tags = [], {}
    cl = cluster(items, len(docs), must, tags, stats)
    outvoted = frozenset(vote_types(items, cl, stats)) if vote else frozenset()
    mapping, entities = _build(items, cl, doc_ids, outvoted)
    stats["documents"] = len(docs)
    stats["entities_in"] = len(items)
    stats["entities_out"] = len(entities)
    return Resolution(mapping, entities, dict(stats), unmatched)
