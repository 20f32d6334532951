"""Clubs in a report about sport, told by the form of their names and by their members.

The tagger types a club by the town or the word it is named after: "Varlow City" a
place, "Real Tarnby" a place, "Tarnby Sharks" a person, "the Tarnby side" a place.
In a report about sport (``is_sporty``):

* *form*: a multi-word name that opens with a club's prefix ("Real", "Atletico",
  "Borussia", "Dinamo" ...) or ends with a club's word ("City", "United", "Rovers",
  "Villa", "Sharks" ...) is a club, unless the gazetteers list the whole name as a place
  ("Mexico City", "Cape Town") or it opens with a given name ("Ricardo Villa");
* *member*: a name just before a player's or official's role and that member ("Varlow
  prop Ian Vane", "Tarnby boss Al Roe") or after a determiner ("the Tarnby side", "the
  former Tarnby manager") is the club; a playing position and its player ("Varlow prop
  Ian Vane") tell it in any report (a report about a transfer may have few sports words);
* *squad*: in a list of players each followed by a bracket ("Ann Vane (Tarnby), Ed Roe
  (Varlow)", two such brackets at least), the name in the bracket is the player's club,
  unless it is a country (a national side's list is the country's), a county (a
  referee's: "A Wiley (Varlowshire)") or a given name (a cast list: "Ann Vane (Monica)");
* *ground*: a result at a town ("a 2-0 victory at Varlow", "the defeat at Varlow") is
  against its club.  Countries, nations and their people are left to
  the national-team rules ("England coach X" is the country's side, typed as the
  country), and a one-word name that is the surname of a person in the report is left
  alone ("the Vane side" may be his).

Only the mention with the cue changes (a report may name the town and its club), and the
last word of a club's name alone ("Sharks" after "Tarnby Sharks"; not a listed place:
"AC Varlow" ... "in Varlow").
"""

from __future__ import annotations

import re

from newsledger.components.ner.rules import Doc, Span
from newsledger.components.ner.tables import Tables, towns

CLUB_PREFIX = frozenset(
    {"Real", "Atletico", "Atlético", "Sporting", "Dinamo", "Dynamo", "Olympique", "Racing"}
    | {"Deportivo", "Celta", "Borussia", "Bayer", "CSKA", "Lokomotiv", "Spartak", "Steaua"}
    | {"Hapoel", "Maccabi", "Werder", "Hertha", "Eintracht", "Inter", "Partizan", "FC"}
    | {"AC", "AS", "SC", "AFC", "RC", "Athletic"}
)
CLUB_SUFFIX = frozenset(
    {"City", "United", "Utd", "Rovers", "Athletic", "Wanderers", "Albion", "Town", "County"}
    | {"Rangers", "Hotspur", "Villa", "Argyle", "Orient", "Thistle", "Academical", "Sharks"}
    | {"Harlequins", "Falcons", "Tigers", "Saints", "Blues", "Dragons", "Ospreys", "Scarlets"}
    | {"Warriors", "Hibernian", "FC", "AFC", "RFC", "Dons", "Wednesday", "Forest", "Alexandra"}
)
# a member's role after a club's name ("Varlow prop Ian Vane", "the Varlow side")
ROLES = frozenset(
    {"striker", "midfielder", "defender", "goalkeeper", "keeper", "skipper", "coach"}
    | {"manager", "captain", "winger", "forward", "fullback", "full-back", "prop", "lock"}
    | {"hooker", "flanker", "fly-half", "scrum-half", "centre", "wing", "boss", "chairman"}
    | {"player", "players", "side", "team", "squad", "fans", "supporters", "number"}
    | {"back-rower", "utility", "stand-off", "half-back", "back-row", "lock-forward"}
)
# positions only a player holds: "Varlow prop Ian Vane" is a club's player in any report
PLAYING_ROLES = frozenset(
    {"striker", "midfielder", "defender", "goalkeeper", "winger", "fullback", "full-back"}
    | {"prop", "hooker", "flanker", "fly-half", "scrum-half", "back-rower", "stand-off"}
    | {"half-back"}
)
# results at a town's ground ("a 2-0 victory at Varlow")
RESULTS = frozenset(
    {"defeat", "defeats", "win", "wins", "victory", "victories", "draw", "draws", "loss"}
    | {"game", "match", "fixture", "clash"}
)
# words before a club's name with a role after it ("the Varlow side", "former Varlow boss")
DETERMINERS = frozenset(
    {"the", "The", "a", "an", "former", "Former", "ex", "his", "their", "new", "fellow"}
)
FROM = frozenset({"PERSON", "GPE", "LOC", "FAC", "NORP", "PRODUCT"})
# last words of a ground's name ("Athletic Park", "Varlow City Ground"): never a club
VENUE_WORDS = frozenset(
    {"Park", "Stadium", "Ground", "Arena", "Road", "Lane", "Bridge", "Field", "Fields"}
    | {"Stand", "Centre", "Center", "Hall", "Dome", "Oval", "Bowl", "Velodrome", "Course"}
    | {"Racecourse", "Circuit", "Street", "Meadow", "Meadows", "Green", "Common"}
)
OWNERS = frozenset({"his", "her", "His", "Her"})  # "his victory at Augusta": one player's
POSSESSIVE = frozenset({"'s", "’s"})
OWNER_GAP = 4  # words between a result and its owner ("Ann Vane's 2-0 win at")
OWNER_STOPS = frozenset({"the", "a", "an", ",", "in", "during", "after", "before", "and"})


def _national(t: Tables, txt: str) -> bool:
    """A country, polity or people's name: the national-team rules decide."""
    return txt in t.countries or txt in t.polities or txt in t.demonyms or txt in t.nationalities


def club_form(t: Tables, txt: str) -> bool:
    """Does the form of a multi-word name make it a club ("Real Tarnby", "Varlow City")?"""
    words = txt.split()
    if len(words) < 2 or txt in t.places or txt in towns() or _national(t, txt):
        return False
    if words[-1] in VENUE_WORDS:
        return False  # a ground: "Athletic Park", "Varlow City Ground"
    if words[0] in CLUB_PREFIX:
        return True
    return words[-1] in CLUB_SUFFIX and words[0] not in t.given


def club_member(d: Doc, t: Tables, s: Span, surnames: set[str], sporty: bool = True) -> bool:
    """Is the name followed by a member's role and that member, or by a role after a
    determiner ("Varlow prop Ian Vane", "the Varlow side")?"""
    txt = d.text[s.start : s.end]
    words = txt.split()
    if len(words) > 2 or _national(t, txt) or words[0] in t.given or txt in surnames:
        return False
    if s.label == "PERSON" and len(words) > 1:
        return False
    ts, te = d.tok_range(s.start, s.end)
    role = d.word(te)
    if role not in ROLES or (not sporty and role not in PLAYING_ROLES):
        return False
    if not sporty:
        return d.word(te + 1)[:1].isupper()
    return d.word(te + 1)[:1].isupper() or d.word(ts - 1) in DETERMINERS


def club_ground(d: Doc, t: Tables, s: Span, person_ends: set[int]) -> bool:
    """ "a 2-0 victory at Varlow", "the defeat at Varlow": a result at a town's ground is
    against its club; not one player's ("his win at Augusta", "Ann Vane's victory at
    Varlow": the town is where he played) nor a national side's ("Wales' win at Varlow"
    is at the venue)."""
    txt = d.text[s.start : s.end]
    if _national(t, txt) or txt.split()[0] in t.given or s.label not in {"GPE", "LOC"}:
        return False  # a ground typed FAC stays ("the defeat at Varlow Park")
    ts = d.tok_range(s.start, s.end)[0]
    if d.word(ts - 1) != "at" or d.word(ts - 2) not in RESULTS:
        return False
    for k in range(ts - 3, max(ts - 3 - OWNER_GAP, -1), -1):  # the result's owner
        w = d.word(k)
        if w in OWNER_STOPS or d.toks[k].sent != d.toks[ts].sent:
            break
        if w in OWNERS or (w in POSSESSIVE and k - 1 in person_ends) or w in t.countries:
            return False  # "his win at", "Ann Vane's victory at", "England's win at"
    return True


def _bracketed(d: Doc, t: Tables, spans: list[Span]) -> set[int]:
    """Starts of spans in a bracket just after a person's name ("Ann Vane (Tarnby),",
    "R Roe (Varlow)"); not after a given name alone ("Mike (Hollin)" in a quotation: the
    coach's surname)."""
    person_ends = {
        d.tok_range(s.start, s.end)[1] - 1
        for s in spans
        if s.label == "PERSON"
        and (
            " " in d.text[s.start : s.end]
            or d.text[s.start : s.end] not in t.given
            or d.text[s.start - 2 : s.start] in {", ", "; "}  # a list item: "Roe (Varlow)"
            or re.fullmatch(r"[A-Z]\.? ", d.text[s.start - 3 : s.start].lstrip()) is not None
        )  # "R Roe (Varlow)", the initial outside the span
    }
    out: set[int] = set()
    for s in spans:
        ts, te = d.tok_range(s.start, s.end)
        if d.word(ts - 1) == "(" and ts - 2 in person_ends and d.word(te) in {")", ","}:
            out.add(s.start)
    return out


def squad_club(t: Tables, txt: str) -> bool:
    """Can a bracketed name in a list of players be the player's club?"""
    first = txt.split()[0]
    return not (_national(t, txt) or first in t.given or txt.endswith("shire"))


def club_names(d: Doc, t: Tables, spans: list[Span], sporty: bool) -> list[Span]:
    """Clubs told by their form or members become ORG: in a report about sport, or
    anywhere before a playing position and its player ("Varlow prop Ian Vane": the
    report is about sport whatever its other words)."""
    surnames = {
        d.text[s.start : s.end].split()[-1]
        for s in spans
        if s.label == "PERSON" and " " in d.text[s.start : s.end]
    }
    # the club word alone ("Rangers" after "Glasgow Rangers") is the club too
    words = {
        d.text[s.start : s.end].split()[-1]
        for s in spans
        if s.label in FROM | {"ORG"} and club_form(t, d.text[s.start : s.end])
    }
    person_ends = {d.tok_range(s.start, s.end)[1] - 1 for s in spans if s.label == "PERSON"}
    squad = _bracketed(d, t, spans) if sporty else set()
    if len(squad) < 2:
        squad = set()
    out: list[Span] = []
    for s in spans:
        if s.src != "gaz" and s.label in FROM:
            txt = d.text[s.start : s.end]
            if s.start in squad and s.label != "NORP" and squad_club(t, txt):
                s = Span(s.start, s.end, "ORG", "rule")
            elif not sporty:
                if club_member(d, t, s, surnames, sporty=False):
                    s = Span(s.start, s.end, "ORG", "rule")
            elif (
                club_form(t, txt)
                or club_member(d, t, s, surnames)
                or club_ground(d, t, s, person_ends)
                or (
                    txt in words
                    and not _national(t, txt)
                    and txt not in t.places
                    and txt not in towns()  # "AC Milan" ... "in Milan": the city
                )
            ):
                s = Span(s.start, s.end, "ORG", "rule")
        out.append(s)
    return out
