"""Weak joins across reports, after the strong ones of :func:`newsledger.corpus.cluster.cluster`.

What shares no strong key joins here, each only when one candidate fits:

* a bare surname ("Blair") or a given name said alone joins the one person named in
  full whose surname it is, with shared context (:func:`_dominant` picks among several);
* a one-word name typed a person that no person bears joins the place or body of that
  name (in a team sport's report, the side of that sport), a tagging error;
* bare names of no known person join each other on shared context ("R Corrigan" of a team
  sheet and "Corrigan", unless the surname comes with two initials: "S Easterby", "G
  Easterby");
* an acronym joins the one long form that lists it or whose initials spell it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache

from newsledger.corpus.cluster import WINDOW, Clusters, Context, Item
from newsledger.corpus.keys import acronym_letters, initials, is_acronym, name_key


def weak_joins(
    items: list[Item],
    ctx: Context,
    cl: Clusters,
    bares: list[int],
    reps: list[int],
    stats: Counter[str],
    sides: Sequence[str],
) -> None:
    """Join what shares no strong key: a bare surname or given name to the one person it
    fits, a name typed a person to the place or body (or side of its sport) of that name,
    bare names of no known person to each other, an acronym to its long form."""
    full_by_surname: dict[str, list[int]] = {}
    acr_alias: dict[str, list[int]] = {}
    acr_init: dict[str, list[int]] = {}
    named: dict[str, int] = {}  # place and organisation names
    named_side: dict[tuple[str, str], int] = {}  # sides (teams, clubs) by name and sport
    for i in reps:
        it = items[i]
        if it.tclass in {"PLACE_ORG", "PLACE", "ORG"}:
            named.setdefault(it.key, i)
            if it.sport and sides[i]:
                named_side.setdefault((it.key, sides[i]), i)
        if it.person is not None:
            full_by_surname.setdefault(it.person.surname, []).append(i)
        elif not it.acronym:
            for s in it.surfaces:
                if is_acronym(s):
                    acr_alias.setdefault(acronym_letters(s), []).append(i)
            content = initials(it.name)[1]
            if len(content) >= 2:
                acr_init.setdefault(content, []).append(i)
    # a bare surname joins the one full name it fits, given shared context
    called_by_surname: set[int] = set()  # roots whose own documents use the bare surname
    for i, it in enumerate(items):
        p = it.person
        if p is not None and p.full and any(name_key(s) == p.surname for s in it.surfaces):
            called_by_surname.add(cl.find(i))
    # a surname two people of one report share ("S Jones", "A Jones"): its bare form there
    # may be either, so it joins no one
    in_doc: dict[tuple[int, str], set[str]] = {}
    for it in items:
        if it.person is not None and it.person.initials:
            in_doc.setdefault((it.doc, it.person.surname), set()).add(it.person.initials[0])
    by_fit: dict[tuple[str, str], list[int]] = {}
    for b in bares:
        if not _initial(items[b]) and len(in_doc.get((items[b].doc, _surname(items[b])), ())) > 1:
            stats["refused_shared_surname"] += 1
            continue
        by_fit.setdefault((_surname(items[b]), _initial(items[b])), []).append(b)
    unplaced: dict[str, list[int]] = {}
    for (sn, first), group in by_fit.items():
        cands = [c for c in full_by_surname.get(sn, []) if first in ("", _initial(items[c]))]
        body = named.get(sn)
        if body is not None and len(cl.docs[cl.find(body)]) >= 2:
            # a body or place of that name in two reports or more: a full "person" of no
            # known given name ("Zurich Premiership") is no rival to it
            cands = [c for c in cands if _known_given(items[c])]
        stats["pairs_bare"] += len(cands) + len(group)
        roots = {cl.find(c) for c in cands}
        for b in group:
            fits = roots if len(roots) <= 1 else _dominant(b, roots, ctx, cl)
            if len(fits) == 1:
                r = cl.find(next(iter(fits)))
                given = sn in given_names() and not _initial(items[b])
                if given and r not in called_by_surname:
                    # "David" is Craig David only if his own reports call him "David"
                    stats["refused_given"] += 1
                    continue
                # a given name said once ("Andrew in Derby writes") may be anyone's name
                need = 2 if given and items[b].mentions <= 1 else 1
                if ctx.shared(b, r) >= need and cl.join(b, r):
                    stats["joined_weak"] += 1
            elif not roots:
                place = named.get(items[b].key)
                if items[b].sport:  # a town's name in a team sport's report: its club, if any
                    place = named_side.get((items[b].key, sides[b])) if sides[b] else None
                # no such person anywhere, but a place or body of that name: a tagging error
                # (seen in two reports, or in one when the gazetteer lists the name: "Kent")
                if (
                    place is not None
                    and len(cl.docs[cl.find(place)]) >= (1 if _gazetteer(items[b].name) else 2)
                    and cl.join(b, place, any_class=True)
                ):
                    stats["joined_weak"] += 1
                    continue
                unplaced.setdefault(sn or items[b].key, []).append(b)
    for group in unplaced.values():
        # "R Corrigan" of a team sheet and "Corrigan" of another are one, unless the
        # surname comes with two initials ("S Easterby", "G Easterby"): then the bare
        # surname may be either
        lone = len({_initial(items[b]) for b in group} - {""}) <= 1
        for k, b in enumerate(group):
            for c in group[max(0, k - WINDOW) : k]:
                ib, ic = _initial(items[b]), _initial(items[c])
                if ib != ic and not (lone and "" in (ib, ic)):
                    continue
                stats["pairs_bare_bare"] += 1
                if ctx.shared(b, c) >= 1 and cl.join(b, c):
                    stats["joined_weak"] += 1
    # an acronym joins the one long form that lists it, or whose initials spell it
    for a in reps:
        it = items[a]
        if not it.acronym or it.person is not None or it.entry is not None:
            continue
        letters = acronym_letters(it.name)
        own = cl.find(a)
        listed = acr_alias.get(letters, [])
        spelled = acr_init.get(letters, [])
        stats["pairs_acronym"] += len(listed) + len(spelled)
        roots = {cl.find(i) for i in listed if items[i].tclass == it.tclass} - {own}
        if not roots:
            roots = {cl.find(i) for i in spelled if items[i].tclass == it.tclass} - {own}
            if len(roots) != 1 or ctx.shared(a, next(iter(roots))) < 1:
                continue
        if len(roots) == 1 and cl.join(a, roots.pop()):
            stats["joined_weak"] += 1


def _dominant(b: int, roots: set[int], ctx: Context, cl: Clusters) -> set[int]:
    """Of the people a bare surname fits, the one whose reports share clearly more
    co-occurring names with its report (at least two, and more than twice as many as
    any other's): "Blair" beside Labour ministers is Tony Blair, not Ian Blair, the
    police chief; when no one stands out, the surname joins no one."""
    scores = sorted(((ctx.shared(b, r), r) for r in {cl.find(r) for r in roots}), reverse=True)
    if len(scores) == 1:
        return {scores[0][1]}
    (best, r), (second, _) = scores[0], scores[1]
    return {r} if best >= 2 and best > 2 * second else set()


@cache
def given_names() -> frozenset[str]:
    """Given names, lower case: a bare one ("Andrew") needs more context to join a surname."""
    from newsledger.components.ner.tables import tables

    return frozenset(g.lower() for g in tables().given)


def _gazetteer(name: str) -> bool:
    """Does the gazetteer list ``name`` as a place or a populated place, and not as a
    country, capital or state (whose names people bear: Jordan, Georgia)?"""
    from newsledger.components.ner.tables import tables, towns

    t = tables()
    return (name in t.places or name in towns()) and name not in t.polities


def _known_given(it: Item) -> bool:
    """Does a full name open with a known given name (or an initial)?"""
    p = it.person
    return p is not None and (not p.given or p.given[0] in given_names())


def _initial(it: Item) -> str:
    return it.person.initials[0] if it.person is not None and it.person.initials else ""


def _surname(it: Item) -> str:
    return it.person.surname if it.person is not None else ""
