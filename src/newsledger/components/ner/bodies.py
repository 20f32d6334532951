"""Cues for the type of clubs, firms, venues and competitions, and sports words that are no name.

Read by :mod:`newsledger.components.ner.evidence` (cues of one mention) and
:mod:`newsledger.components.ner.stage` (a last pass over the spans):

* *firm*: a name bought, sold or taken over outside a sports report ("having bought
  X in 2003", "the takeover of X", "a stake in X"; footballers are bought too, so never
  in a sports report), a bookmaker ("at bookmakers X", "odds of 5/1 at X", even with a
  given name first: bookmakers are named after their founders);
* *club*: in a sports report, a side's fans ("X fans"), the ground of a side played
  "away at X", and the sides of "the match between X and Y";
* *person*: a job title in lower case just before a two-word name ("analyst Vadim
  Roe", "economist Ann Vane"), never one whose head word names a body;
* *place*: a town the gazetteer lists typed NORP (no people's name: "the Hillsborough
  disaster") is the town, or the facility a noun after it names ("Broadmoor hospital");
* *competition*: in a report about sport, tournaments, races and a "... League" played
  in are EVENTs (:mod:`newsledger.components.ner.competitions`);
* *no name*: "the starting XV" and "the autumn Tests" are a team sheet and matches, in
  any report (one about sport may have few match words): a lone Roman numeral or
  "Test(s)" after a lower-case word or "Lions" is dropped.
"""

from __future__ import annotations

import re

from newsledger.components.ner.competitions import competitions
from newsledger.components.ner.rules import Doc, Span
from newsledger.components.ner.tables import Tables, towns

# verbs and nouns of a deal before a firm's name ("bought X", "the takeover of X")
DEAL_BEFORE = frozenset(
    {"bought", "buys", "buying", "acquired", "acquires", "acquiring", "acquire"}
    | {"sold", "selling"}
)
DEAL_OF = frozenset({"takeover", "acquisition", "purchase", "sale", "buyout", "owners"})
STAKE = frozenset({"stake", "stakes", "shareholding"})
BOOKMAKERS = frozenset({"bookmaker", "bookmakers", "bookies", "bookie"})
# lower-case job titles before a person's name ("analyst Vadim Roe"); no company noun
JOB_BEFORE = frozenset(
    {
        "analyst",
        "economist",
        "strategist",
        "spokesman",
        "spokeswoman",
        "researcher",
        "lawyer",
        "resident",
        "chairman",
        "columnist",
        "correspondent",
        "professor",
    }
)
FANS = frozenset({"fans", "supporters"})
MATCH_NOUNS = frozenset(
    {"match", "game", "clash", "tie", "final", "fixture", "meeting", "derby", "encounter"}
)
FACILITY_NOUNS = frozenset(
    {"hospital", "stadium", "prison", "airport", "station", "racecourse", "arena", "jail"}
)
ROMAN = re.compile(r"^(?:XV|XIII|XI)$")  # rugby union, league and football sides
SHEET_BEFORE = frozenset({"Lions", "Test"})  # "the Lions Test XV"
TEST_WORDS = frozenset({"Test", "Tests"})


def deal_cue(d: Doc, ts: int, sports: bool) -> bool:
    """Is the name at token ``ts`` bought, sold, taken over or staked in ("having bought
    X", "the takeover of X", "a 20% stake in X"), outside a sports report?"""
    if sports:
        return False
    prev, prev2 = d.word(ts - 1), d.word(ts - 2)
    return (
        prev in DEAL_BEFORE
        or (prev == "of" and prev2 in DEAL_OF)
        or (prev == "in" and prev2 in STAKE)
    )


ODDS_GAP = 10  # words between "odds" and "at X" ("5/1 odds of winning the award at X")


# nouns after a name that only a firm takes bare ("the former X subsidiary", "X shares
# fell"); :file:`ner_cues.tsv` counts them weakly, this makes them strong outside sport
FIRM_AFTER = frozenset(
    {"subsidiary", "subsidiaries", "affiliate", "affiliates", "shareholders", "shares"}
)
CALLED = frozenset({"called", "named"})
SHARES_VERB_NEXT = frozenset(
    {"a", "an", "the", "its", "his", "her", "their", "with", "this", "that", "some", "many"}
)


def firm_noun_cue(d: Doc, t: Tables, ts: int, te: int, sports: bool) -> bool:
    """ "the former X subsidiary", "X shares fell", "a firm called X": a firm (outside
    sport, where "X shares" and "a side called X" mean other things)."""
    if sports:
        return False
    if d.word(te) in FIRM_AFTER:  # not the verb: "X shares a border with"
        return not (d.word(te) == "shares" and d.word(te + 1) in SHARES_VERB_NEXT)
    kind = d.word(ts - 2).lower()
    return d.word(ts - 1) in CALLED and kind in {"firm", "company", "group", "bank"}


def bookmaker_cue(d: Doc, ts: int) -> bool:
    """ "at bookmakers X", "bookmaker X", "odds of 25/1 at X": a betting firm."""
    if d.word(ts - 1) in BOOKMAKERS:
        return True
    if d.word(ts - 1) != "at":
        return False
    for k in range(ts - 2, max(-1, ts - 2 - ODDS_GAP), -1):
        w = d.word(k)
        if w == "odds":
            return True
        if w in {".", ";", "!", "?"}:
            return False
    return False


def club_cue(d: Doc, t: Tables, ts: int, te: int, txt: str) -> bool:
    """In a sports report, is the name a side by the words around it ("X fans", "lost
    3-0 away at X", "the match between X and Y")?  Countries are left to the national
    team rules."""
    if txt in t.polities or txt in t.countries or txt.split()[0] in t.given:
        return False
    prev, prev2 = d.word(ts - 1), d.word(ts - 2)
    nxt = d.word(te)
    if nxt in FANS:
        return True
    if prev == "at" and prev2 == "away":
        return True
    if prev == "between" and prev2.lower() in MATCH_NOUNS and nxt == "and":
        return True
    if prev == "and":
        # "the match between Juventus and X": the name after "between" ends at "and"
        for k in range(ts - 2, max(-1, ts - 7), -1):
            w = d.word(k)
            if w == "between":
                return d.word(k - 1).lower() in MATCH_NOUNS
            if not w[:1].isupper():
                return False
    return False


def job_person(d: Doc, t: Tables, ts: int, txt: str) -> bool:
    """Is a two-word name right after a lower-case job title ("analyst Vadim Roe")?  Not
    a name whose head word types a body ("analyst Credit Group")."""
    words = txt.split()
    if len(words) != 2 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    if t.keywords.get(words[-1]) is not None:
        return False
    return d.word(ts - 1) in JOB_BEFORE


def town_norp(d: Doc, t: Tables, s: Span) -> Span | None:
    """A town the gazetteer lists, typed NORP but no people's name ("the Hillsborough
    disaster"): the town (GPE), or the facility a noun after it names ("Broadmoor
    hospital", FAC).  ``None`` when the rule does not apply."""
    txt = d.text[s.start : s.end]
    if s.label != "NORP" or s.src == "gaz" or " " in txt:
        return None
    if txt not in towns() or txt in t.demonyms or txt in t.nationalities:
        return None
    te = d.tok_range(s.start, s.end)[1]
    label = "FAC" if d.word(te) in FACILITY_NOUNS else "GPE"
    return Span(s.start, s.end, label, "rule")


def sheet_word(d: Doc, s: Span) -> bool:
    """Is the span a team sheet or matches, no name ("the starting XV", "the autumn
    Tests", "the Lions Test XV")?"""
    txt = d.text[s.start : s.end]
    if not (ROMAN.match(txt) or txt in TEST_WORDS):
        return False
    prev = d.word(d.tok_range(s.start, s.end)[0] - 1)
    return (prev.isalpha() and prev.islower()) or prev in SHEET_BEFORE


def sports_bodies(d: Doc, t: Tables, spans: list[Span], sports: bool) -> list[Span]:
    """Team-sheet words go (in any report: "the starting XV" is no name anywhere); in a
    report about sport, competitions become EVENT
    (:func:`newsledger.components.ner.competitions.competitions`)."""
    out = [s for s in spans if s.src == "gaz" or not sheet_word(d, s)]
    return competitions(d, t, out) if sports else out
