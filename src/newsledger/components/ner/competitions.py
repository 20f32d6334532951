"""Competitions in a report about sport: tournaments, races and meetings are EVENTs.

The tagger types a tournament by the words it shares with bodies and places:
"Sydney International" an organisation or a facility, "the Games" an organisation,
"London Marathon" a place.  In a report about sport (``is_sporty``) a multi-word name
whose head word is a competition's ("... Open", "... Marathon", "... Grand Prix",
"... Games", "Six Nations") is the competition (EVENT), and so is "the Games" or
"Olympics" alone.  The body that runs a competition stays an organisation where the
words around it say so: "a London Marathon spokesman", "chairman of the London
Marathon", "the Premier League said"; so does a firm named like a competition where one of its
mentions has a firm's cue ("sponsor Varlow International", "Varlow International, the
drinks company that ...").

Two span mends come with it:

* a sponsor's name cut from the event it sponsors takes the rest ("Reebok" of "Reebok
  Carvel Cross Challenge": the capitalised words after the span up to a competition head);
* "Nations" cut from "Six Nations" takes its number back, and a country run into a
  competition ("France v Scotland Six Nations match") is split from it.

A "... League" is both a competition and the body that runs it, so it is an EVENT
only where it is played in or won ("in the Varlow League", "Varlow League clash",
"a Varlow League midfielder", :func:`league_played`), and its other mentions in the
report follow when none of them is the body ("the Varlow League said").
"""

from __future__ import annotations

from newsledger.components.ner.firms import firm_cue
from newsledger.components.ner.rules import Doc, Span
from newsledger.components.ner.tables import Tables

# the head words of a competition's name ("Australian Open", "Athens Games")
HEADS = frozenset(
    {"Open", "Marathon", "Games", "Olympics", "Championship", "Championships", "Classic"}
    | {"Trophy", "Challenge", "Invitational", "Masters", "Cup", "International", "Nations"}
    | {"Tri-Nations", "Indoors", "Internationals", "Sevens"}
)
# two-word heads ("Norwich Union Grand Prix", "World Cross Country")
HEADS2 = frozenset({("Grand", "Prix"), ("Grand", "Slam"), ("Cross", "Country")})
# one word alone that is the competition in a report about sport ("before the Games")
ALONE = frozenset({"Games", "Olympics", "Paralympics"})
ALWAYS = frozenset({"Olympics", "Paralympics", "Tri-Nations"})  # ... with or without "the"
NATIONS_BEFORE = frozenset({"Six", "Five", "Four", "Home", "Tri"})
# words after a name that make it the body that runs the competition
BODY_AFTER = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "chairman", "chief", "executive", "board"}
    | {"officials", "official", "commission", "rule", "rules", "statement", "president"}
    | {"director", "organisers", "organizers", "boss", "said", "says", "announced"}
    | {"confirmed", "insisted", "headquarters", "committee"}
)
# office nouns before "of the X": "chairman of the London Marathon"
OFFICE_OF = frozenset(
    {"chairman", "chief", "executive", "head", "president", "director", "secretary", "boss"}
)
# after a "... League" played in: the match, its stage, its players, its prizes
LEAGUE_AFTER = frozenset(
    {"match", "game", "clash", "tie", "final", "fixture", "meeting", "derby", "encounter"}
    | {"football", "rugby", "trophy", "trophies", "title", "campaign", "place", "spot"}
    | {"semi-final", "quarter-final", "group", "games", "matches", "action", "winners"}
    | {"qualifier", "success", "glory", "lead", "debut", "season", "champions", "leaders"}
    | {"table", "midfielder", "striker", "defender", "goalkeeper", "keeper", "winger"}
    | {"forward", "player", "players", "side", "sides", "team", "outfit", "race", "record"}
)
# verbs and prepositions before "the X League" played in or won
LEAGUE_BEFORE = frozenset(
    {"in", "into", "from", "win", "won", "wins", "winning", "qualify", "qualified", "of"}
    | {"qualifying", "lift", "lifted", "retain", "retained", "during"}
)
NAMED = frozenset({"ORG", "GPE", "LOC", "FAC", "PERSON", "NORP", "PRODUCT"})
# words before a name that make it a firm in a report about sport ("sponsor X Open")
SPONSOR = frozenset({"sponsor", "sponsors", "backer", "backers", "partner", "partners"})
MAX_TAIL = 4  # capitalised words a sponsor's name may be cut from its event by


def headed(words: list[str]) -> bool:
    """Does a name end in a competition's head word ("Sydney International")?"""
    if len(words) >= 3 and (words[-2], words[-1]) in HEADS2:
        return True
    return len(words) >= 2 and words[-1] in HEADS


def body_cue(d: Doc, s: Span) -> bool:
    """Do the words around a mention make it the body that runs the competition?"""
    ts, te = d.tok_range(s.start, s.end)
    nxt = d.word(te)
    if nxt in {"'s", "’s"}:
        nxt = d.word(te + 1)
    if nxt in BODY_AFTER:
        return True
    return d.word(ts - 1) == "the" and d.word(ts - 2) == "of" and d.word(ts - 3) in OFFICE_OF


def firms_of(d: Doc, spans: list[Span]) -> set[str]:
    """Names one mention of which is a firm's ("sponsor Varlow International", "Varlow
    International, the drinks company that ...", "Varlow International shares"): the
    firm is no competition in any of its mentions."""
    out: set[str] = set()
    for s in spans:
        ts = d.tok_range(s.start, s.end)[0]
        if s.label in NAMED and (d.word(ts - 1) in SPONSOR or firm_cue(d, s)):
            out.add(d.text[s.start : s.end])
    return out


def league_played(d: Doc, s: Span) -> bool:
    """Is a "... League" played in or won where it stands ("in the Varlow League",
    "Varlow League clash", "an Irish League midfielder")?"""
    ts, te = d.tok_range(s.start, s.end)
    nxt = d.word(te)
    if nxt in {"'s", "’s"}:
        nxt = d.word(te + 1)
    prev, prev2 = d.word(ts - 1), d.word(ts - 2)
    return nxt in LEAGUE_AFTER or (prev == "the" and prev2 in LEAGUE_BEFORE)


def _tail(d: Doc, s: Span, taken: set[int]) -> Span | None:
    """The span run on over the capitalised words after it up to a competition head
    ("Reebok" + "Carvel Cross Challenge"), or ``None``."""
    te = d.tok_range(s.start, s.end)[1]
    words = d.text[s.start : s.end].split()
    k = te
    while k < len(d.toks) and k - te < MAX_TAIL:
        tok = d.toks[k]
        if k in taken or not tok.text[:1].isupper() or tok.sent != d.toks[te - 1].sent:
            return None
        if d.text[d.toks[k - 1].end : tok.start] != " ":
            return None
        words.append(tok.text)
        if headed(words):
            return Span(s.start, tok.end, "EVENT", "rule")
        k += 1
    return None


def _split_country(d: Doc, t: Tables, s: Span) -> list[Span] | None:
    """ "Scotland Six Nations": the country (a side) and the competition apart."""
    ts, te = d.tok_range(s.start, s.end)
    if te - ts < 3 or d.toks[ts].text not in t.countries:
        return None
    first = d.toks[ts]
    return [
        Span(first.start, first.end, "GPE", "rule"),
        Span(d.toks[ts + 1].start, s.end, "EVENT", "rule"),
    ]


def competitions(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """In a report about sport, type competitions EVENT and mend their spans (see the
    module's docstring).  ``spans`` are sorted and disjoint; so is the result."""
    taken: set[int] = set()
    for s in spans:
        ts, te = d.tok_range(s.start, s.end)
        taken.update(range(ts, te))
    out: list[Span] = []
    leagues: dict[str, list[int]] = {}  # a "... League" name -> its mentions in ``out``
    body: set[str] = set()  # names with a mention that is the body
    played: set[str] = set()
    firms = firms_of(d, spans)
    skip_to = -1
    for s in spans:
        if s.start < skip_to:
            continue
        if s.src == "gaz" or s.label not in NAMED | {"EVENT"}:
            out.append(s)
            continue
        ts, te = d.tok_range(s.start, s.end)
        txt = d.text[s.start : s.end]
        words = txt.split()
        if txt == "Nations" and d.word(ts - 1) in NATIONS_BEFORE:
            prev = d.toks[ts - 1]
            if out and out[-1].end > prev.start:
                out.pop()
            out.append(Span(prev.start, s.end, "EVENT", "rule"))
            continue
        if s.label != "EVENT" and not headed(words):
            tail = _tail(d, s, taken - set(range(ts, te)))
            if tail is not None and s.label in {"ORG", "GPE", "PRODUCT", "NORP"}:
                out.append(tail)
                skip_to = tail.end
                continue
        if s.label == "EVENT":
            out.append(s)
            continue
        if headed(words) or txt in ALWAYS or (txt in ALONE and d.word(ts - 1) in {"the", "The"}):
            split = _split_country(d, t, s) if headed(words[1:]) else None
            if split is not None:
                out.extend(split)
            elif body_cue(d, s) or txt in firms:
                out.append(s)
            else:
                out.append(Span(s.start, s.end, "EVENT", "rule"))
            continue
        if s.label == "ORG" and len(words) >= 2 and words[-1] == "League":
            if body_cue(d, s):
                body.add(txt)
            elif league_played(d, s):
                played.add(txt)
                s = Span(s.start, s.end, "EVENT", "rule")
            else:
                leagues.setdefault(txt, []).append(len(out))
        out.append(s)
    for name in played - body:
        for k in leagues.get(name, []):
            s = out[k]
            out[k] = Span(s.start, s.end, "EVENT", "rule")
    return out
