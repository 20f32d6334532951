"""A report's sport, read from its own words: football, rugby union, cricket, ... or none.

A country's or a town's name in a sports report is most often a side: Scotland's
football team and its rugby team are two bodies, and so are Newport's rugby club
and the town.  Cross-document resolution joins such sides only within one sport
(:mod:`newsledger.corpus.resolve`), so each report's sport is decided here, the way
a reader would: by the words of the sport the report uses ("fly-half", "scrum",
"Six Nations" against "striker", "Premiership", "goalkeeper").

Each cue of ``data/sport_cues.tsv`` counts its weight at every use (2 for a word
seldom used outside that sport, 1 for one shared with other sports or everyday
speech; a cue followed by "to" is a verb, "try to", and counts nothing).  The
sport is the leader when it scores at least :data:`MIN_SCORE` and more than
:data:`LEAD` times the runner-up; a sports report with no such leader (a
rugby coach compared with a football manager) is ``"unknown"``, and a report
that is no sports report at all (no sport scoring :data:`MIN_SCORE`, and not
:func:`is_sports_report`: a sport's headline slug, or five distinct words of match
reports, two of them seldom used outside sport) has the sport ``""``.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from functools import cache

from newsledger.components.ner.sports import vocabulary
from newsledger.core.lexicon import Col, read_json, read_table

NONE = ""  # not a sports report
UNKNOWN = "unknown"  # a sports report whose sport its words do not make clear
MIN_SCORE = (
    3  # weight of cues the leading sport needs (a word seldom used elsewhere and one more) ...
)
LEAD = 2  # ... and how many times the runner-up's score it must pass
OTHER_MIN_SCORE = 8  # what the leader needs in a report that is no sports report by its words
MIN_CUES = 2  # the least weight of one sport's cues that makes a report of unknown sport
# sports played by teams: a country's or town's name is a side in their reports
TEAM_SPORTS = frozenset({"football", "rugby union", "rugby league", "cricket"})
MIN_SPORTS_WORDS = 5  # distinct match-report words that make a sports report ...
MIN_STRONG_WORDS = 2  # ... of which two are seldom used outside sport ("striker", "referee")
_WORD = re.compile(r"[a-z][a-z-]*")


@cache
def sports_words() -> tuple[frozenset[str], frozenset[str]]:
    """Match-report words, and those of them seldom used outside sport."""
    d = read_json("resolve_lexicon.json")
    return frozenset(d["sports_words"]), frozenset(d["sports_strong_words"])


def is_sports_report(text: str) -> bool:
    """A sport's headline slug ("SOCCER - ..."), or five distinct match-report words
    of which two are seldom used outside sport."""
    if vocabulary()[0].match(text):
        return True
    words, strong = sports_words()
    used = {w for w in _WORD.findall(text.lower()) if w in words}
    return len(used) >= MIN_SPORTS_WORDS and len(used & strong) >= MIN_STRONG_WORDS


@cache
def _cues() -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    rows = read_table("sport_cues.tsv", ("cue", "sport", Col("weight", type=int), "source"))
    table = {r["cue"]: (r["sport"], int(r["weight"])) for r in rows}
    alts = "|".join(re.escape(c) for c in sorted(table, key=lambda c: (-len(c), c)))
    # "$100m" is a sum, not a race: no cue right after a currency sign
    return re.compile(r"(?<![\w$£€¥.-])(" + alts + r")(?![\w-])(?! to\b)"), table


@cache
def rules_stamp() -> str:
    """A digest of the rules :func:`report_sport` reads by (cues, words, thresholds): a
    store keeps reports' sports read by one stamp and reads them again under another."""
    pat, table = _cues()
    words, strong = sports_words()
    parts = [pat.pattern, repr(sorted(table.items())), repr(sorted(words)), repr(sorted(strong))]
    parts.append(repr((MIN_SCORE, LEAD, MIN_SPORTS_WORDS, MIN_STRONG_WORDS)))
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]


def sport_scores(text: str) -> Counter[str]:
    """The weight of each sport's cues in ``text``."""
    pat, table = _cues()
    scores: Counter[str] = Counter()
    for m in pat.finditer(text.lower()):
        sport, weight = table[m.group(1)]
        scores[sport] += weight
    return scores


def report_sport(text: str) -> str:
    """The sport of the report ``text``: a sport's name, :data:`UNKNOWN` for a sports
    report of no clear sport, or :data:`NONE` for a report that is not about sport."""
    ranked = [*sport_scores(text).most_common(2), ("", 0), ("", 0)]
    (best, top), (_, second) = ranked[0], ranked[1]
    genre = is_sports_report(text)
    if top >= (MIN_SCORE if genre else OTHER_MIN_SCORE) and top > LEAD * second:
        return best
    if genre or top >= MIN_CUES:
        return UNKNOWN
    return NONE


def sport_lean(text: str) -> str:
    """The sport whose cues weigh most in ``text``, by any margin, or ``""`` on a tie or
    with no cue: for a report of no clear sport (:data:`UNKNOWN`), the sport a
    competition several sports name ("the World Cup", "the European Cup") most likely
    belongs to there.  A side's name needs more (:func:`report_sport`)."""
    ranked = [*sport_scores(text).most_common(2), ("", 0), ("", 0)]
    (best, top), (_, second) = ranked[0], ranked[1]
    return best if top > second else ""
