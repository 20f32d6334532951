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
  former Tarnby manager") is the club.  Countries, nations and their people are left to
  the national-team rules ("England coach X" is the country's side, typed as the
  country), and a one-word name that is the surname of a person in the report is left
  alone ("the Vane side" may be his).

Only the mention with the cue changes (a report may name the town and its club), and the
last word of a club's name alone ("Sharks" after "Tarnby Sharks"; not a listed place:
"AC Varlow" ... "in Varlow").
"""

from __future__ import annotations

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
# words before a club's name with a role after it ("the Varlow side", "former Varlow boss")
DETERMINERS = frozenset(
    {"the", "The", "a", "an", "former", "Former", "ex", "his", "their", "new", "fellow"}
)
FROM = frozenset({"PERSON", "GPE", "LOC", "FAC", "NORP", "PRODUCT"})


def _national(t: Tables, txt: str) -> bool:
    """A country, polity or people's name: the national-team rules decide."""
    return txt in t.countries or txt in t.polities or txt in t.demonyms or txt in t.nationalities


def club_form(t: Tables, txt: str) -> bool:
    """Does the form of a multi-word name make it a club ("Real Tarnby", "Varlow City")?"""
    words = txt.split()
    if len(words) < 2 or txt in t.places or txt in towns() or _national(t, txt):
        return False
    if words[0] in CLUB_PREFIX:
        return True
    return words[-1] in CLUB_SUFFIX and words[0] not in t.given


def club_member(d: Doc, t: Tables, s: Span, surnames: set[str]) -> bool:
    """Is the name followed by a member's role and that member, or by a role after a
    determiner ("Varlow prop Ian Vane", "the Varlow side")?"""
    txt = d.text[s.start : s.end]
    words = txt.split()
    if len(words) > 2 or _national(t, txt) or words[0] in t.given or txt in surnames:
        return False
    if s.label == "PERSON" and len(words) > 1:
        return False
    ts, te = d.tok_range(s.start, s.end)
    if d.word(te) not in ROLES:
        return False
    return d.word(te + 1)[:1].isupper() or d.word(ts - 1) in DETERMINERS


def club_names(d: Doc, t: Tables, spans: list[Span], sporty: bool) -> list[Span]:
    """In a report about sport, clubs told by their form or members become ORG."""
    if not sporty:
        return spans
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
    out: list[Span] = []
    for s in spans:
        if s.src != "gaz" and s.label in FROM:
            txt = d.text[s.start : s.end]
            if (
                club_form(t, txt)
                or club_member(d, t, s, surnames)
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
