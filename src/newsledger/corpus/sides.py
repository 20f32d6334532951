"""Sides in a match (a country's national team, a town's club) and competitions several
sports name alike ("Premiership"), with the sport each belongs to.

A country's or a town's name typed ORG is a side (the mentions stage types it so
in sports reports, :mod:`newsledger.components.mentions.towns`), and so is a
town's one-word name typed PERSON in a team sport's report ("the Leicester
tight-head").  Scotland's football team and its rugby team are two bodies, and
Newport's rugby club is not the town of a council story: cross-document
resolution (:mod:`newsledger.corpus.cluster`) joins two sides only when they play
one sport, read from each report's words by
:func:`newsledger.components.mentions.sport.report_sport`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Protocol

from newsledger.components.mentions.sport import TEAM_SPORTS, UNKNOWN
from newsledger.components.ner.tables import tables, towns
from newsledger.core.lexicon import read_json

# a region named by a compass point: in a team sport's report most often a regional side
COMPASS = frozenset({"north", "south", "east", "west"})


class Side(Protocol):
    """What :func:`side_sports` reads of a resolution item."""

    @property
    def sport(self) -> str: ...

    @property
    def key(self) -> str: ...

    @property
    def bare(self) -> bool: ...


@cache
def _competitions() -> frozenset[str]:
    return frozenset(read_json("resolve_lexicon.json")["shared_competitions"])


def _competition(name: str) -> bool:
    """Is ``name`` one that several sports give a competition ("Premiership", "World Cup")?"""
    low = name.casefold()
    return (low[4:] if low.startswith("the ") else low) in _competitions()


def is_compass(name: str) -> bool:
    """Is ``name`` a compass point ("South", "the North")?"""
    return name.casefold().removeprefix("the ") in COMPASS


def side_label(etype: str, name: str, sport: str | None, lean: str = "") -> str:
    """The sport label of a document entity that may be a side in a match: a country's
    or town's name typed ORG (a national team or a club), or a town's one-word name
    typed PERSON in a team sport's report (a tagging slip for the club, "the Leicester
    tight-head"), or a compass point in a team sport's report ("The South will be led by
    George Gregan"); and of a competition's name several sports use ("Premiership",
    "World Cup": ``shared_competitions`` in ``data/resolve_lexicon.json``).  The label is the report's sport, ``"unknown"`` for a sports report
    of no clear sport and ``"none"`` outside sport; ``""`` for any other entity.  A
    competition in a report of no clear sport takes the sport its cues lean to,
    ``lean`` (:func:`newsledger.components.mentions.sport.sport_lean`): "a World Cup
    qualifier at home to Cameroon" beside a few football words is not rugby's; so does a
    side when that sport is a team sport ("the former Scotland international" of a
    report leaning to football is not the rugby side)."""
    t = tables()
    town = (name in t.places or name in towns()) and name not in t.polities
    if etype != "PERSON" and _competition(name):
        if sport == UNKNOWN and lean:
            return lean
        side = True  # "the Premiership" of football is not rugby union's
    elif etype == "ORG":
        side = name in t.countries or town
    elif is_compass(name):
        # "The South will be led by George Gregan": a regional side in a team sport's report
        side = etype != "PERSON" and sport in TEAM_SPORTS
    else:  # a one-word "person" of a town's name in a team sport's report
        side = etype == "PERSON" and " " not in name and sport in TEAM_SPORTS and town
        side = side and name in towns() and name not in t.countries
    if not side:
        return ""
    if sport == UNKNOWN and lean in TEAM_SPORTS:
        return lean  # a side of a report of no clear sport whose words lean to a team sport
    return UNKNOWN if sport is None else (sport or "none")


def side_sports(items: Sequence[Side]) -> list[str]:
    """The sport each possible side joins in: its report's sport; for a report of no
    clear sport ("unknown"), the one team sport whose reports have a side of that name
    (``""`` when two sports have: it may be either side).  Outside sport ("none") a town's name typed
    ORG stays apart from the clubs of that name.  A name no report of a known sport has
    as a side joins across reports as any other name ("Nokia" in a technology report
    with a few sports words and in one with none).  ``""`` for items that are no side."""
    known: dict[str, set[str]] = {}
    for it in items:
        if it.sport and it.sport not in {UNKNOWN, "none"} and not it.bare:
            known.setdefault(it.key, set()).add(it.sport)
    out = []
    for it in items:
        label = it.sport
        if label in {UNKNOWN, "none"}:
            found = known.get(it.key, set())
            if not found:
                label = UNKNOWN
            elif label == UNKNOWN and len(found) > 1:
                label = ""
            elif label == UNKNOWN:
                # a report of unclear sport is seldom athletics or tennis, whose reports
                # say what they are: "Great Britain" of a rugby league captain is not the
                # athletics team
                (only,) = found
                label = only if only in TEAM_SPORTS else UNKNOWN
        out.append(label)
    return out
