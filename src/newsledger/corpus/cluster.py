"""Clustering for :mod:`newsledger.corpus.resolve`: guarded union-find, blocking, scoring.

Items are document-level entities.  Joins are tried strongest evidence first
(see :mod:`newsledger.corpus.resolve`); :class:`Clusters` refuses every automatic
join that breaks a guard rail (different given names, different alias-data
entities, a manual split, a person with a non-person).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from networkx.utils import UnionFind
from rapidfuzz import fuzz

from newsledger.components.mentions.demonyms import is_described
from newsledger.corpus.aliases import AliasEntry
from newsledger.corpus.keys import (
    PersonName,
    content_tokens,
    generic_body,
    lexicon,
    party_members,
    party_short,
    person_compatible,
    similar,
    skeleton,
)
from newsledger.corpus.sides import side_sports

# Types whose one-word names are so often a mistagged surname that the name alone
# cannot join them across documents when the corpus has a person of that surname.
NAME_ONLY_TYPES = frozenset({"PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
MAX_BLOCK = 20  # larger blocks are paired by sorted neighbourhood
WINDOW = 6  # neighbours each member is paired with in an oversized block
COMMON_CONTEXT = 0.05  # names in more than this share of documents are no evidence
MIN_COMMON = 10  # ... unless they are in at most this many documents


@dataclass(slots=True)
class Item:
    doc: int
    local: str
    type: str
    tclass: str
    name: str
    key: str
    surfaces: Counter[str]
    person: PersonName | None
    entry: AliasEntry | None
    acronym: bool
    mentions: int
    sport: str = ""  # a possible side's report sport (resolve.side_label); "" for others

    @property
    def bare(self) -> bool:
        return self.person is not None and not self.person.full

    @property
    def full_person(self) -> bool:
        return self.person is not None and self.person.full


class Clusters:
    """Union-find over items with the guard rails checked on every join.

    networkx's :class:`~networkx.utils.UnionFind` keeps the partition; what a
    cluster knows (alias-data key, full names, override tags, documents, name
    keys) is kept at its root index.
    """

    def __init__(
        self, items: list[Item], tags: Mapping[int, dict[int, int]], sides: Sequence[str] = ()
    ) -> None:
        n = len(items)
        self.items = items
        # the sport of a side (national team or club): two sports' sides never join
        self.sides = [{sides[i]} if i < len(sides) and sides[i] else set() for i in range(n)]
        self.uf = UnionFind(range(n))
        self.canon = [it.entry.key if it.entry else None for it in items]
        self.persons: list[set[PersonName]] = [
            {it.person} if it.person is not None and it.person.full else set() for it in items
        ]
        self.tags = [dict(tags.get(i, {})) for i in range(n)]
        self.docs: list[set[int]] = [{it.doc} for it in items]
        self.keys: list[set[str]] = [
            {it.key, it.entry.key} if it.entry is not None else {it.key} for it in items
        ]

    def find(self, i: int) -> int:
        root: int = self.uf[i]
        return root

    def can_join(self, a: int, b: int, any_class: bool = False) -> bool:
        it = self.items
        if it[a].tclass != it[b].tclass and not any_class:
            return False
        ca, cb = self.canon[a], self.canon[b]
        if ca is not None and cb is not None and ca != cb:
            return False
        ta, tb = self.tags[a], self.tags[b]
        if ta and tb and any(tb.get(k, v) != v for k, v in ta.items()):
            return False
        sa, sb = self.sides[a], self.sides[b]
        if sa and sb and sa != sb:
            return False
        pa, pb = self.persons[a], self.persons[b]
        return all(p == q or person_compatible(p, q) for p in pa for q in pb)

    def join(self, a: int, b: int, force: bool = False, any_class: bool = False) -> bool:
        a, b = self.find(a), self.find(b)
        if a == b:
            return True
        if not force and not self.can_join(a, b, any_class):
            return False
        if len(self.docs[a]) < len(self.docs[b]):
            a, b = b, a  # the cluster in more documents wins where the two disagree
        canon = self.canon[a] or self.canon[b]
        tags = self.tags[a]
        for k, v in self.tags[b].items():
            tags.setdefault(k, v)
        self.sides[a] |= self.sides[b]
        persons, docs, keys = (
            self.persons[a] | self.persons[b],
            self.docs[a] | self.docs[b],
            self.keys[a] | self.keys[b],
        )
        self.uf.union(a, b)
        root = self.find(a)
        gone = b if root == a else a
        self.canon[root], self.tags[root] = canon, tags
        self.persons[root], self.docs[root], self.keys[root] = persons, docs, keys
        self.persons[gone], self.docs[gone], self.keys[gone], self.tags[gone] = (
            set(),
            set(),
            set(),
            {},
        )
        return True


class Context:
    """Co-occurring names as evidence: names shared by the documents of two clusters.

    A bare surname is no such name: "Wilson" in a football report and "Wilson" in a
    rugby line-up are most often two people, so sharing it says nothing.  Names the
    alias data gives one entity count as one ("Taleban" / "Taliban").
    """

    def __init__(self, items: list[Item], ndocs: int, cl: Clusters) -> None:
        doc_keys: list[set[str]] = [set() for _ in range(ndocs)]
        for it in items:
            if not it.bare:
                doc_keys[it.doc].add(it.entry.key if it.entry is not None else it.key)
        df = Counter(k for ks in doc_keys for k in ks)
        limit = max(MIN_COMMON, int(COMMON_CONTEXT * ndocs))
        self.doc_keys = [{k for k in ks if df[k] <= limit} for ks in doc_keys]
        self.cl = cl
        self.cache: dict[int, tuple[int, set[str]]] = {}

    def _ctx(self, root: int) -> set[str]:
        docs = self.cl.docs[root]
        hit = self.cache.get(root)
        if hit is not None and hit[0] == len(docs):
            return hit[1]
        out: set[str] = set()
        for d in docs:
            out |= self.doc_keys[d]
        out -= self.cl.keys[root]
        self.cache[root] = (len(docs), out)
        return out

    def shared(self, a: int, b: int) -> int:
        ra, rb = self.cl.find(a), self.cl.find(b)
        return len((self._ctx(ra) & self._ctx(rb)) - self.cl.keys[ra] - self.cl.keys[rb])


# ------------------------------------------------------------------ scoring


def _strong(a: Item, b: Item) -> tuple[float, int] | None:
    """Score of a pair and the number of shared co-occurring names it needs, or ``None``.

    Organisation and place names spelled differently need context, and one-word
    ones never join on spelling alone: a vowel turns one real name into another
    (Colombia/Columbia, Charlton/Chorlton, France/Franck); list such variants
    (Taliban/Taleban) in the alias data instead.  A party's name joins its short
    form ("Labour Party" / "Labour", both typed ORG) or its members' plural
    ("Agrarians") given one shared name.
    """
    if a.tclass != b.tclass:
        return None
    if a.tclass == "PERSON":
        if a.person is not None and b.person is not None and person_compatible(a.person, b.person):
            return fuzz.ratio(a.key, b.key), 0
        return None
    if a.acronym or b.acronym:
        return None
    ca, cb = content_tokens(a.name), content_tokens(b.name)
    if not ca or not cb:
        return None
    if set(ca) == set(cb):
        return 100.0, int(generic_body(a.name))  # a "Supreme Court" of which country?
    if _party_forms(a, b, cb) or _party_forms(b, a, ca):
        return 95.0, 1  # "Labour Party" / "Labour", given a shared co-occurring name
    if len(ca) == len(cb) > 1 and all(similar(x, y) for x, y in zip(ca, cb, strict=True)):
        return fuzz.ratio(a.key, b.key), 1
    return None


def _party_forms(party: Item, other: Item, words: tuple[str, ...]) -> bool:
    """``other`` (with content words ``words``) names the party ``party``: its short
    name typed ORG ("Labour"; the adjective "Conservative" is no name of the party),
    or the plural of its members ("Agrarians", "Conservatives")."""
    if party.type != "ORG":
        return False
    short = other.type == "ORG" and party_short(party.name) == words
    return short or party_members(party.name) == words


def _pairs_of(members: list[int], items: list[Item], out: set[tuple[int, int]]) -> None:
    if len(members) <= MAX_BLOCK:
        out.update((min(i, j), max(i, j)) for i, j in combinations(members, 2))
        return
    members = sorted(members, key=lambda i: (items[i].key, i))
    for k, i in enumerate(members):
        for j in members[k + 1 : k + 1 + WINDOW]:
            out.add((min(i, j), max(i, j)))


def block_keys(it: Item) -> list[str]:
    """Blocking keys of an item: two items can join on their own evidence only if they
    share a key, so a pair outside every block is never scored.

    A person: the consonant skeletons of surname and given names (names that
    :func:`person_compatible` accepts have equal skeletons).  Other names: the
    set of content words, and the skeletons of the content words in order.
    """
    if it.person is not None:
        if not it.person.full:
            return []
        sk = ".".join(skeleton(g) for g in it.person.given)
        return [f"p:{skeleton(it.person.surname)}:{sk}"]
    if it.acronym:
        return []
    ct = content_tokens(it.name)
    if not ct:
        return []
    keys = [f"c:{it.tclass}:" + " ".join(sorted(set(ct)))]
    if it.type == "ORG":
        for short in (party_short(it.name), party_members(it.name)):
            if short:
                keys.append(f"c:{it.tclass}:" + " ".join(sorted(set(short))))
    if len(ct) > 1:
        keys.append(f"k:{it.tclass}:" + " ".join(skeleton(t) for t in ct))
    return keys


def _candidate_pairs(items: list[Item], reps: list[int]) -> set[tuple[int, int]]:
    blocks: dict[str, list[int]] = {}
    for i in reps:
        for k in block_keys(items[i]):
            blocks.setdefault(k, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > 1:
            _pairs_of(members, items, pairs)
    return pairs


# --------------------------------------------------------------- clustering


def cluster(
    items: list[Item],
    ndocs: int,
    must: Sequence[set[int]],
    tags: Mapping[int, dict[int, int]],
    stats: Counter[str],
) -> Clusters:
    sides = side_sports(items)
    cl = Clusters(items, tags, sides)
    for m in must:
        first, *rest = sorted(m)
        for i in rest:
            cl.join(first, i, force=True)
    node_of: dict[tuple[str, ...], int] = {}
    surnames = {it.person.surname for it in items if it.person is not None and it.person.full}
    for i, it in enumerate(items):
        if it.bare:
            k: tuple[str, ...] = ("bare", str(it.doc), it.local)
        elif (
            mistyped_surname(it, surnames)
            or is_described(it.type, it.name)
            or (it.tclass != "PERSON" and it.key in lexicon().calendar_words)
        ):
            k = ("solo", str(it.doc), it.local)
        elif it.entry is None and it.tclass != "PERSON" and generic_body(it.name):
            k = ("generic", str(it.doc), it.local)  # joins on a shared name (_strong)
        elif it.sport and not it.bare:
            # a side joins the same name's side of its own sport; of an unclear sport, the
            # one sport that has a side of that name, or nothing when two have
            k = (it.tclass, it.key, sides[i]) if sides[i] else ("solo", str(it.doc), it.local)
        else:
            k = (it.tclass, it.key)
        rep = node_of.setdefault(k, i)
        if rep != i:
            cl.join(rep, i)
    by_canon: dict[str, int] = {}
    for i, it in enumerate(items):
        if it.entry is not None:
            cl.join(by_canon.setdefault(it.entry.key, i), i)
    reps = [i for k, i in node_of.items() if k[0] not in {"bare", "solo"}]
    pairs = _candidate_pairs(items, reps)
    stats["pairs_blocked"] += len(pairs)
    scored = []
    for i, j in pairs:
        s = _strong(items[i], items[j])
        if s is not None:
            scored.append((-s[0], s[1], i, j))
    scored.sort()
    ctx = Context(items, ndocs, cl)
    for _, need, i, j in scored:
        if need and ctx.shared(i, j) < need:
            stats["refused_context"] += 1
            continue
        stats["joined" if cl.join(i, j) else "refused"] += 1
    from newsledger.corpus.weak import weak_joins  # it reads this module's classes

    weak_joins(
        items, ctx, cl, [i for k, i in node_of.items() if k[0] == "bare"], reps, stats, sides
    )
    stats["candidate_pairs"] = sum(v for k, v in stats.items() if k.startswith("pairs_"))
    return cl


def mistyped_surname(it: Item, surnames: set[str]) -> bool:
    """A one-word name typed a product, event, work or law that is the surname of a
    person named in full somewhere in the corpus ("Cole" typed PRODUCT in two
    match reports, one Joe Cole, one Ashley Cole): a tagging error whose name is
    no evidence, so it joins nothing on its name alone."""
    return (
        it.tclass in NAME_ONLY_TYPES
        and it.entry is None
        and " " not in it.key
        and it.key in surnames
    )
