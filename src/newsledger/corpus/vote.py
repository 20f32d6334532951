"""Types by the reports' vote: a multi-word name typed one way in clearly more reports.

The taggers type a name by what its report says around it, so a name typed
ORG in seven reports ("Lib Dems": "the Lib Dems said") may be typed PERSON in
two with no cue at all, and the two become a separate "person".  The store's
document entities carry no strength of evidence, only types and counts, so
the vote is by counts and conservative: the same multi-word name (its key)
in a cluster of another type class joins the cluster of the majority and
takes its type only when

* the majority names it in at least twice as many reports as the minority,
  and in at least two more;
* the minority cluster holds nothing but that name (no other evidence joined
  it to anything else);
* the name is no town, place, country, capital or state the gazetteer lists:
  a city and its club, a country and its national team stay apart, as the
  mentions stage typed them on purpose;
* the majority's type is not PERSON, the type a tagger gives a capitalised
  name it has no cue for ("Franz Ferdinand" the band, PERSON in five
  reports, ORG in two), and a title (a work, law, event or product) is
  outvoted only by another title's type, never by a name's ("Super Size
  Me" typed ORG in three reports is still the film of the fourth);
* the guard rails of :class:`~newsledger.corpus.cluster.Clusters` hold (two
  people with different given names never join).

A title is held to a lower bar (:func:`_title`): a multi-word name typed a work,
law, event or product in one report, and a person, place or people with
nothing else joined to it in at most two others ("Napoleon Dynamite" the film
typed PERSON in a list of films), is the title everywhere; a body (ORG) never
joins a title this way, since teams, firms, bands and parties share names with
works.

A firm named after a person (:func:`_named_body`: "William Vane" the bookmaker) is held
to the lowest bar: a tagger types a name that starts with a known given name PERSON when
it has no cue, so one report that types it ORG outweighs as many reports that type it a
person with nothing but the full name (no surname alone, no "Mr") and nothing else joined.

One-word names never vote: a surname typed PERSON in one report and ORG in
another is most often two different things ("Senderos" the player, a firm).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from newsledger.components.mentions.demonyms import is_described
from newsledger.components.ner.tables import tables, towns
from newsledger.corpus.cluster import NAME_ONLY_TYPES as TITLE_TYPES
from newsledger.corpus.cluster import Clusters, Item

MIN_LEAD = 2  # reports more the majority needs
MIN_RATIO = 2  # times as many reports as the minority
NAMED_TYPES = frozenset({"PERSON", "GPE", "LOC", "FAC", "NORP"})  # a title may be mistyped as
MAX_NAMED = 2  # reports a mistyped title may be in


def _place_name(name: str) -> bool:
    t = tables()
    return name in t.places or name in towns() or name in t.polities or name in t.countries


def vote_types(items: list[Item], cl: Clusters, stats: Counter[str]) -> set[int]:
    """Join outvoted clusters to their majority; return the items outvoted (their type
    no longer counts when the cluster's type is chosen)."""
    by_key: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        if " " in it.key and not is_described(it.type, it.name):
            by_key.setdefault(it.key, []).append(i)
    members: dict[int, list[int]] = {}
    for i in range(len(items)):
        members.setdefault(cl.find(i), []).append(i)
    outvoted: set[int] = set()
    for key in sorted(by_key):
        group = by_key[key]
        roots: dict[int, set[int]] = {}
        for i in group:
            roots.setdefault(cl.find(i), set()).add(items[i].doc)
        if len(roots) < 2 or any(_place_name(items[i].name) for i in group):
            continue
        ranked = sorted(roots, key=lambda r: (-len(roots[r]), r))
        top = ranked[0]
        top_items = [i for i in group if cl.find(i) == top]
        top_class = {items[i].tclass for i in top_items}
        votes = Counter({items[i].type: 0 for i in top_items})
        for i in top_items:
            votes[items[i].type] += items[i].mentions
        winner = max(votes, key=lambda t: (votes[t], t))
        if winner == "PERSON":
            continue  # the type of a name no cue explains: it wins no vote
        for r in ranked[1:]:
            lead = len(roots[top])
            own = members[r]
            if lead < MIN_RATIO * len(roots[r]) or lead - len(roots[r]) < MIN_LEAD:
                continue
            if any(items[i].key != key for i in own):
                continue  # joined to other names: it has evidence of its own
            if {items[i].tclass for i in own} & top_class:
                continue  # the same class kept apart by a guard rail: not a typing question
            if winner not in TITLE_TYPES and any(items[i].type in TITLE_TYPES for i in own):
                continue  # a title ("Super Size Me" the film) is no name: its cue is strong
            joined = _absorb(cl, members, top, r, outvoted)
            stats["joined_vote" if joined != -1 else "refused_vote"] += 1
            top = joined if joined != -1 else top
    for key in sorted(by_key):
        _title(items, cl, key, by_key[key], members, outvoted, stats)
    for key in sorted(by_key):
        _named_body(items, cl, key, by_key[key], members, outvoted, stats)
    return outvoted


def _title(
    items: list[Item],
    cl: Clusters,
    key: str,
    group: list[int],
    members: dict[int, list[int]],
    outvoted: set[int],
    stats: Counter[str],
) -> None:
    """A title one report establishes ("Napoleon Dynamite" a WORK_OF_ART) is that in
    the reports that type it a person, place or people (NORP) with nothing else joined
    to it there, in at most two reports and at most twice as many as the title's.
    Never a body (ORG): teams, firms, bands and parties share names with works
    ("All Blacks", "Labour Party", "Vanity Fair")."""
    if any(_place_name(items[i].name) for i in group):
        return
    roots = _roots(items, cl, group)

    def fits(r: int, top: int) -> bool:
        if any(items[i].key != key or items[i].type not in NAMED_TYPES for i in members[r]):
            return False
        n = len(roots[r])
        return n <= MAX_NAMED and n <= MIN_RATIO * len(roots[top])

    def is_title(r: int) -> bool:
        return all(items[i].type in TITLE_TYPES for i in members[r])

    _sole_absorbs(cl, members, roots, is_title, fits, outvoted, stats, "joined_title")


def _roots(items: list[Item], cl: Clusters, group: list[int]) -> dict[int, set[int]]:
    """The clusters a name's items stand in, each with the reports it holds."""
    roots: dict[int, set[int]] = {}
    for i in group:
        roots.setdefault(cl.find(i), set()).add(items[i].doc)
    return roots


def _sole_absorbs(
    cl: Clusters,
    members: dict[int, list[int]],
    roots: dict[int, set[int]],
    leads: Callable[[int], bool],
    fits: Callable[[int, int], bool],
    outvoted: set[int],
    stats: Counter[str],
    stat: str,
) -> None:
    """When exactly one of a name's clusters ``leads`` (a title, a body), it absorbs each
    other cluster that ``fits`` it (``fits(r, top)``), counted under ``stat``."""
    heads = [r for r in roots if leads(r)]
    if len(heads) != 1:
        return
    top = heads[0]
    for r in sorted(set(roots) - {top}):
        if not fits(r, top):
            continue
        joined = _absorb(cl, members, top, r, outvoted)
        if joined != -1:
            stats[stat] += 1
            top = joined


def _absorb(
    cl: Clusters, members: dict[int, list[int]], top: int, r: int, outvoted: set[int]
) -> int:
    """Join cluster ``r`` into ``top``, its items outvoted; the joined root, or -1 when
    a guard rail refuses the join."""
    own = members[r]
    if not cl.join(top, r, any_class=True):
        return -1
    outvoted.update(own)
    merged = members.pop(top) + members.pop(r)
    root = cl.find(top)
    members[root] = merged
    return root


def _named_body(
    items: list[Item],
    cl: Clusters,
    key: str,
    group: list[int],
    members: dict[int, list[int]],
    outvoted: set[int],
    stats: Counter[str],
) -> None:
    """A firm named after a person ("William Vane" the bookmaker): a name that starts
    with a known given name is typed PERSON by a tagger with no cue, so a report that
    types it ORG had a cue for it.  The reports that type it a person with nothing but
    that full name (no surname alone, no "Mr": no sign of a person) and nothing else
    joined to it, in at most as many reports as the body's, are the body."""
    t = tables()
    if not any(items[i].name.split()[0] in t.given for i in group):
        return
    roots = _roots(items, cl, group)

    def fits(r: int, top: int) -> bool:
        own = members[r]
        if any(items[i].key != key or items[i].type != "PERSON" for i in own):
            return False
        if any(set(items[i].surfaces) != {items[i].name} for i in own):
            return False  # "Mr Vane", "Vane" alone: a person is named there
        return len(roots[r]) <= len(roots[top])

    def is_body(r: int) -> bool:
        return all(items[i].type == "ORG" for i in members[r])

    _sole_absorbs(cl, members, roots, is_body, fits, outvoted, stats, "joined_named_body")
