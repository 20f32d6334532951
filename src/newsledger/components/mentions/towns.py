"""A town's name in one document: the town, or the club named after it.

spaCy types a bare town name by its local context, so "Middlesbrough" is a
GPE both as the town ("Middlesbrough mayor Ray Mallon") and as the club ("at
home to Middlesbrough"), and cross-document resolution then joins the club to
the town.  The report the name is in decides instead:

* in a sports report (a sport's headline slug, or five distinct words of
  match reports, two of them seldom used outside sport: ``sports_words`` and
  ``sports_strong_words`` in ``data/resolve_lexicon.json``; or a report whose words
  clearly name one sport, "the FA Cup exit ... a grim soccer season") of a team sport
  or of no clear sport (:mod:`newsledger.components.mentions.sport`), a town's
  one-word name is its club (ORG) unless most of its mentions follow a place
  preposition ("the stadium in Middlesbrough", "won at Wigan"); in a report of
  athletics, tennis, golf, boxing or motor racing a town is a venue or a home
  ("flies home to Newport"), never a club;
* in any other report, a town's name typed ORG is the town when most of its
  mentions follow a place preposition ("the council leader of Kettering") or
  all come before its council, mayor or people ("Newport council");
* in a sports report, a country's name named as a side in a match ("the
  friendly with Russia", "Russia beat Italy", "the Wales coach") is its national
  team (ORG), unless most of its mentions follow a place preposition ("the
  final in Italy"); a country named only as a nationality ("Silva of
  Portugal", "beat Sweden's Thomas Johansson") stays the country.  In a report of a
  team sport (football, rugby, cricket) that names some country as a side, a
  country none of whose mentions is a place ("in X", "the tour to X") or a
  person's nation is a side as well ("Scotland were held to a draw"); a
  transfer story's "Italy looks good to me" names no side.  Outside sports reports a country's name typed
  ORG is the country (GPE): resolution keeps a country typed ORG, its team,
  apart from the country (:func:`newsledger.corpus.resolve.place_or_body`).

In a report of no clear sport whose few sports words lean to a team sport
(:func:`newsledger.components.mentions.sport.sport_lean`), a country's or a town's
name is a side only by a match's own words: a player's position or cap after it
("Newcastle prop Ed Kalman", "the former Scotland international") or a result before
it ("his debut in the victory over South Africa").

A report may use one name both ways, and its mentions are then split by role into two
document entities: a national team's mentions that name the country as a place ("the
tour to New Zealand") are the country; a country typed a place by most of its mentions
keeps those that name its side ("the victory over the United States": a side's word
before the article, "the Italy coach") apart as the team; in a team sport's report a
town's club keeps the mentions after "in", "near" ... ("a training camp in Cardiff", not
"in Cardiff's 31-17 win", not "a stake in Leeds") apart as the town, and a town typed a
place keeps the mentions that name the club as a side apart as the club.

Only names the gazetteer lists as towns (or populated places of 15,000 people
or more) are touched: a country, capital or state typed ORG is most often its
government ("Madrid said"), and a longer name ("Bristol City") already says
what it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from newsledger.components.mentions.sport import (
    NONE,
    TEAM_SPORTS,
    UNKNOWN,
    is_sports_report,
    report_sport,
    sport_lean,
)
from newsledger.components.ner.tables import tables, towns

TOWN_TYPES = frozenset({"GPE", "LOC", "ORG"})
# in sports "at", "from", "of" and "to" take the club ("his years at Wigan",
# "signed from Wigan", "captain of Wigan", "lost to Wigan")
SPORTS_PLACE_PREPS = frozenset({"in", "near", "outside", "around"})
PLACE_PREPS = SPORTS_PLACE_PREPS | frozenset({"at", "from", "of", "to"})
MIN_SPORTS_WORDS = 5  # distinct match-report words that make a sports report ...
MIN_STRONG_WORDS = 2  # ... of which words seldom used outside sport ("striker", "referee")
# a side in a match: the word before the country's name, or the word after it
# (after a possessive "'s": "Italy's coach")
TEAM_BEFORE = frozenset(
    [
        "against",
        "v",
        "vs",
        "over",
        "beat",
        "beats",
        "beaten",
        "beating",
        "face",
        "faces",
        "facing",
        "play",
        "plays",
        "played",
        "playing",
        "host",
        "hosts",
        "hosted",
        "hosting",
        "with",
        "held",
        "hold",
        "holds",
    ]
)
TEAM_AFTER = frozenset(
    [
        "coach",
        "captain",
        "squad",
        "team",
        "side",
        "manager",
        "boss",
        "skipper",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "winger",
        "forward",
        "prop",
        "lock",
        "flanker",
        "fly-half",
        "scrum-half",
        "international",
        "internationals",
        "fans",
        "supporters",
        "beat",
        "beats",
        "held",
        "hold",
        "drew",
        "draw",
        "lost",
        "lose",
        "won",
        "win",
        "wins",
        "led",
        "lead",
        "leads",
        "scored",
        "v",
        "vs",
        "face",
        "faces",
        "play",
        "plays",
        "host",
        "hosts",
        "player",
        "players",
        "hooker",
        "centre",
        "wing",
        "full-back",
        "back-row",
        "loose-forward",
        "midfield",
        "game",
        "games",
        "match",
        "matches",
        "victory",
        "victories",
        "defeat",
        "defeats",
        "opener",
        "pack",
        "cap",
        "caps",
        "debut",
        "shirt",
        "jersey",
        "rugby",
        "football",
        "cricket",
    ]
)
_PREV_WORD = re.compile(r"([^\W\d_]+)[\s,]*$")
# outside sport, a town's name before its local government or people is the town
CIVIC_AFTER = frozenset(
    {"council", "councillor", "councillors", "mayor", "residents", "people", "borough"}
)
# a player's position or cap after a side's name: a match's own words ("Newcastle prop")
PLAYER_AFTER = frozenset(
    {
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "winger",
        "prop",
        "lock",
        "flanker",
        "fly-half",
        "scrum-half",
        "hooker",
        "full-back",
        "international",
        "internationals",
        "cap",
        "caps",
        "debut",
    }
)
# a result before a side's name: "the victory over X", "a defeat to X"
RESULT_BEFORE = frozenset(
    (a, b)
    for a in ("victory", "victories", "win", "wins", "defeat", "defeats", "loss", "losses")
    for b in ("over", "against", "to", "by")
)
# "a stake in X", "invest in X": the club as a business, not the town
STAKE_BEFORE = frozenset(
    {"stake", "stakes", "shares", "interest", "invest", "invested", "investing", "investment"}
)
# "the Glasgow clubs", "both Manchester sides": the town whose clubs they are
CLUBS_AFTER = frozenset({"clubs", "teams", "sides"})
TRAVEL_PREPS = frozenset({"to", "from"})  # "the trip to X", "back from X": a place unless a result
# sports played one against one: a town in their reports is a venue or a home, not a club
INDIVIDUAL_SPORTS = frozenset({"athletics", "tennis", "golf", "boxing", "motor racing"})
RESULT_BY = frozenset(
    {"beaten", "held", "draw", "defeated", "thrashed", "hammered", "stunned", "upset", "knocked"}
)
RESULT_TO = frozenset(
    {"loss", "losses", "defeat", "defeats", "lost", "losing", "lose", "capitulation", "surrender"}
)
_OF_PERSON = re.compile(r"(?:'s|’s)\s+[A-Z]")  # "beat Sweden's Thomas Johansson": his nation
_POSSESSIVE = re.compile(r"['’](?:s\b|\s)")
_SCORE_AFTER = re.compile(r"(?:'s|’s)?\s+\d{1,3}-\d{1,3}(?![\d-])")  # "X's 45-6 win", "X 2-1"
_NEXT_WORD = re.compile(r"(?:'s|’s)?\s+([A-Za-z][a-z-]*)")


@cache
def _countries() -> re.Pattern[str]:
    """Every country's name as written (not upper case), longest first."""
    names = sorted((c for c in tables().countries if not c.isupper()), key=lambda c: (-len(c), c))
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


def prev_word(text: str, start: int) -> str:
    """The word before ``start`` (lower case), or ``""``."""
    m = _PREV_WORD.search(text, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


def takes_article(name: str) -> bool:
    """Is ``name`` a country's name written with "the" ("the UK", "the United States", "the
    Netherlands"), so that "the" before it is no sign of a modifier ("the England squad")?"""
    words = name.split()
    if not words:
        return False
    return name.isupper() or name.endswith("s") or words[0] in {"United", "Republic", "Czech"}


def prev_word_past_the(text: str, start: int) -> str:
    """The word before ``start``, past an article ("against the United States": "against")."""
    m = _PREV_WORD.search(text, max(0, start - 30), start)
    if m is None:
        return ""
    if m.group(1).lower() == "the":
        return prev_word(text, m.start())
    return m.group(1).lower()


def next_word(text: str, end: int) -> str:
    """The word after ``end`` (lower case, past a possessive "'s"), or ``""``."""
    m = _NEXT_WORD.match(text, end, end + 40)
    return m.group(1).lower() if m else ""


class TownTyper:
    """Types the town names of one document; the report's genre is read once, when needed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._sports: bool | None = None
        self._sport: str | None = None
        self._international: bool | None = None
        self._team_lean: bool | None = None

    @property
    def sports(self) -> bool:
        if self._sports is None:
            # a report whose words clearly name one sport is a sports report too
            self._sports = is_sports_report(self.text) or report_sport(self.text) not in {
                NONE,
                UNKNOWN,
            }
        return self._sports

    @property
    def sport(self) -> str:
        """The report's sport (:func:`newsledger.components.mentions.sport.report_sport`)."""
        if self._sport is None:
            self._sport = report_sport(self.text) if self.sports else ""
        return self._sport

    @property
    def international(self) -> bool:
        """Does the report name some country as a side in a match ("the Wales coach",
        "against Italy"): a report on national teams, not a transfer story?"""
        if self._international is None:
            self._international = any(
                self._side(m.start(), m.end()) for m in _countries().finditer(self.text)
            )
        return self._international

    def _side(self, s: int, e: int) -> bool:
        """The words around ``s:e`` name a side in a match ("X coach", "against X",
        "X's 45-6 win")."""
        if next_word(self.text, e) in TEAM_AFTER or _SCORE_AFTER.match(self.text, e):
            return True
        return self._side_before(s) and not _OF_PERSON.match(self.text, e)

    @property
    def team_lean(self) -> bool:
        """A report of no clear sport (not a sports report by its vocabulary) whose sports
        words lean to a team sport: a name there is a side only by a match's own words."""
        if self._team_lean is None:
            self._team_lean = (
                not self.sports
                and report_sport(self.text) == UNKNOWN
                and sport_lean(self.text) in TEAM_SPORTS
            )
        return self._team_lean

    def _match_side(self, s: int, e: int) -> bool:
        """Words that name a side only in a match: a player's position or cap after it
        ("Newcastle prop", "Ireland international"), a score, or a result before it ("the
        victory over X", "the defeat to X")."""
        if next_word(self.text, e) in PLAYER_AFTER or _SCORE_AFTER.match(self.text, e):
            return True
        m = _PREV_WORD.search(self.text, max(0, s - 30), s)
        if m is None:
            return False
        two = (prev_word(self.text, m.start()), m.group(1).lower())
        return two in RESULT_BEFORE

    def _unplaced_side(self, s: int, e: int) -> bool:
        """A mention of a country in a team sport's report that is no place ("in X", "the
        tour to X", not "lost to X"); "X's John Smith" there is the side's player."""
        prev = prev_word(self.text, s)
        if prev in SPORTS_PLACE_PREPS:
            return False
        return prev not in TRAVEL_PREPS or self._side_before(s)

    def _placed(self, starts: Sequence[int], preps: frozenset[str]) -> bool:
        """Most mentions follow a place preposition."""
        return 2 * sum(prev_word(self.text, s) in preps for s in starts) >= len(starts)

    def _side_before(self, start: int) -> bool:
        """Do the words before ``start`` name a side in a match ("against X", "loss to X",
        "held to a draw by X")?"""
        prev = prev_word_past_the(self.text, start)
        if prev in TEAM_BEFORE:
            return True
        m = _PREV_WORD.search(self.text, max(0, start - 30), start)
        if m is None:
            return False
        if m.group(1).lower() == "the":  # "the loss to the United States"
            m = _PREV_WORD.search(self.text, max(0, m.start() - 30), m.start())
            if m is None:
                return False
        before = prev_word(self.text, m.start())
        return (prev == "to" and before in RESULT_TO) or (prev == "by" and before in RESULT_BY)

    def team_of(self, name: str, etype: str, spans: Sequence[tuple[int, int]]) -> str:
        """The type of a country's name ``name`` typed ``etype`` with mentions ``spans``:
        ORG for its national team in a sports report, GPE for a country typed ORG
        elsewhere; ``etype`` for any other name."""
        if etype not in TOWN_TYPES or not spans or name not in tables().countries:
            return etype
        if not self.sports:
            if self.team_lean and all(self._match_side(s, e) for s, e in spans):
                return "ORG"  # "his debut in the victory over South Africa", few sports words
            return "GPE" if etype == "ORG" else etype
        sides = sum(self._side(s, e) for s, e in spans)
        # "in England's midfield" is the side's: a place preposition before a side's
        # possessive or word counts for no place
        if sides and 2 * sum(self._place(s, e) for s, e in spans) < len(spans):
            return "ORG"
        if (
            self.sport in TEAM_SPORTS
            and self.international
            and all(self._unplaced_side(s, e) for s, e in spans)
        ):
            return "ORG"  # "Scotland were held to a draw": a match report between nations
        return "GPE" if etype == "ORG" else etype

    def place_mentions(self, name: str, etype: str, spans: Sequence[tuple[int, int]]) -> list[int]:
        """Of a national team's mentions (a country's name typed ORG in a sports report),
        those that name the country as a place ("a possible trip to New Zealand with the
        Lions", "the final in Italy") when others name the side ("against New Zealand"):
        the country, apart from its team.  ``[]`` for any other entity."""
        if etype != "ORG" or len(spans) < 2 or not self.sports:
            return []
        if self._club_town(name):  # "Cardiff back Rhys Williams" ... "the final in Cardiff"
            out = [k for k, (s, e) in enumerate(spans) if self._town_place(s, e)]
        elif name in tables().countries:
            out = [k for k, (s, e) in enumerate(spans) if self._place(s, e)]
        else:
            return []
        return out if len(out) < len(spans) else []

    def _club_town(self, name: str) -> bool:
        """Is ``name`` a town's one-word name, which a report of a team sport (or of no
        clear sport) uses for its club?"""
        t = tables()
        town = (name in t.places or name in towns()) and name not in t.polities
        return town and " " not in name and name not in t.countries and self._club_report()

    def _club_report(self) -> bool:
        return self.sports and self.sport not in INDIVIDUAL_SPORTS

    def _town_place(self, s: int, e: int) -> bool:
        """A town's mention after "in", "near", "outside" or "around" ("the friendly in
        Cardiff"): the town, not its club; but not with a side's words or a possessive after
        it ("in Liverpool's 3-2 defeat"), nor a stake before it ("invest in Leeds")."""
        if prev_word(self.text, s) not in SPORTS_PLACE_PREPS:
            return False
        if next_word(self.text, e) in TEAM_AFTER or _SCORE_AFTER.match(self.text, e):
            return False
        m = _PREV_WORD.search(self.text, max(0, s - 30), s)
        if m is not None and prev_word(self.text, m.start()) in STAKE_BEFORE:
            return False
        return not _POSSESSIVE.match(self.text, e)

    def side_mentions(self, name: str, etype: str, spans: Sequence[tuple[int, int]]) -> list[int]:
        """Of a country's mentions typed a place in a sports report, those that name its
        side in a match ("the victory over South Africa", "the Italy coach") when others
        name the country ("the tour to South Africa"): the national team, apart from the
        country.  ``[]`` for any other entity."""
        if etype not in {"GPE", "LOC"} or len(spans) < 2 or not self.sports:
            return []
        if self._club_town(name):  # "knocked out by Newcastle" ... "a hotel in Newcastle"
            out = [
                k
                for k, (s, e) in enumerate(spans)
                if self._side(s, e) and not self._town_place(s, e)
            ]
        elif name in tables().countries:
            out = [
                k for k, (s, e) in enumerate(spans) if self._side(s, e) and not self._place(s, e)
            ]
        else:
            return []
        return out if len(out) < len(spans) else []

    def _place(self, s: int, e: int) -> bool:
        """The mention ``s:e`` names a place: after "in", "near" ..., or "to" / "from"
        that is no result ("the trip to X", not "lost to X"), and no side's words or
        possessive after it ("to X's 45-6 win", "in X's Six Nations opener")."""
        if next_word(self.text, e) in TEAM_AFTER or _SCORE_AFTER.match(self.text, e):
            return False
        if _POSSESSIVE.match(self.text, e):
            return False  # "in England's Six Nations opener", "to Wales' first win": the side's
        prev = prev_word(self.text, s)
        if prev == "the" and takes_article(self.text[s:e]):
            prev = prev_word_past_the(self.text, s)  # "the trip to the United States"
        return prev in SPORTS_PLACE_PREPS or (prev in TRAVEL_PREPS and not self._side_before(s))

    def type_of(self, name: str, etype: str, spans: Sequence[tuple[int, int]]) -> str:
        """The type of an entity called ``name`` typed ``etype`` with mentions ``spans``."""
        if etype not in TOWN_TYPES or not spans:
            return etype
        t = tables()
        if name in t.countries:
            return self.team_of(name, etype, spans)
        if name in t.polities:
            return etype
        starts = [s for s, _ in spans]
        if name not in t.places and name not in towns():
            return etype
        place = t.places.get(name, "GPE")
        if self.sports and " " not in name and self.sport not in INDIVIDUAL_SPORTS:
            if self._placed(starts, SPORTS_PLACE_PREPS) or all(
                next_word(self.text, e) in CLUBS_AFTER for _, e in spans
            ):
                return etype if etype != "ORG" else place  # "the Glasgow clubs": the city's
            return "ORG"
        if self.team_lean and " " not in name and all(self._match_side(s, e) for s, e in spans):
            return "ORG"  # "brought in Newcastle prop Ed Kalman", few sports words
        if etype == "ORG" and (
            self._placed(starts, PLACE_PREPS)
            or all(next_word(self.text, e) in CIVIC_AFTER for _, e in spans)
        ):
            return place
        return etype
