"""Sports reports for :mod:`newsledger.components.ner.stage`: clubs named after places are ORG.

In "Wigan 4 3 1 0 9 4 10", "Crewe 0 Watford 2", "Derbyshire beat Worcestershire"
or "homered for Cleveland" the place names are clubs (ORG), while national
sides keep their country (GPE) and players stay people.  These rules only run
on a document recognised as a sports report: a headline starting with a
sport's name ("SOCCER - ...") or enough match vocabulary (``ner_sports.tsv``).
"""

from __future__ import annotations

import re
from functools import cache

from newsledger.components.ner.rules import Doc, Span, is_dateline, person_like
from newsledger.components.ner.tables import Tables, cues, rows

MIN_SPORTS_WORDS = 4
SPORTS_WORD_SHARE = 0.01
MIN_SPORTY_WORDS = 3  # match words for the broader test (short athletics reports)
MIN_DISTINCT = 3  # different match words
DENSE_SHARE = 0.02  # ... or this share of the words
BOWLING = re.compile(r"^\d+(?:\.\d)? ?- ?\d+ ?- ?\d+ ?- ?\d+")  # bowling figures: a player
WORD = re.compile(r"[a-z][a-z-]*")
SCORE = re.compile(r"^\d+(?:[-./:]\d+)*$")
DATE = re.compile(r"^(?:1[89]|20)\d\d-\d\d-\d\d$")
CONNECTORS = frozenset({"de", "del", "van", "der", "von", "la", "le", "&"})
VERSUS = frozenset({"v", "vs", "vs.", "v.", "AT"})
SCORECARD = frozenset({"b", "c", "st", "lbw", "c&b"})  # cricket dismissals name the bowler
# a race or meeting named after its town ("the Almeria half-marathon", "the Paris Marathon")
RACE_AFTER = frozenset({"marathon", "half-marathon", "half", "10k", "meeting", "rally", "grand"})
GENERIC_SPORT = frozenset({"sport", "sports"})  # "the sports minister": no match report
PLACE_PREPS = frozenset({"in", "at", "near", "from", "of", "to", "In", "At", "From", "outside"})


@cache
def vocabulary() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """Headline slug pattern, match-report words, and words that are never a club."""
    sports: list[str] = []
    words: set[str] = set()
    stop: set[str] = set()
    for r in rows("ner_sports.tsv"):
        if r["kind"] == "sport":
            sports.append(r["term"])
        elif r["kind"] == "word":
            words.add(r["term"])
        elif r["kind"] == "stop":
            stop.add(r["term"])
    alt = "|".join(sorted((re.escape(s) for s in sports), key=len, reverse=True))
    slug = re.compile(rf"^\s*(?:{alt})(?:\s+(?:{alt}))*\s*[-:]", re.I)
    return slug, frozenset(words), frozenset(stop)


@cache
def sport_names() -> frozenset[str]:
    """Names of sports, lower-case ("soccer", "rugby union")."""
    return frozenset(r["term"] for r in rows("ner_sports.tsv") if r["kind"] == "sport")


def is_sports(d: Doc) -> bool:
    """Is this document a sports report?  (Read once per document: several rules ask.)"""
    if d.sports is None:
        d.sports = _sports_text(d.text)
    return d.sports


def _sports_text(text: str) -> bool:
    slug, words, _ = vocabulary()
    if slug.match(text):
        return True
    alpha = WORD.findall(text.lower())
    hits = sum(w in words for w in alpha)
    return hits >= MIN_SPORTS_WORDS and hits >= SPORTS_WORD_SHARE * len(alpha)


@cache
def broad_words() -> frozenset[str]:
    """The match words, the "more" terms and the one-word names of sports ("tennis")."""
    out = set(vocabulary()[1])
    for r in rows("ner_sports.tsv"):
        if r["kind"] == "more" or (
            r["kind"] == "sport" and " " not in r["term"] and r["term"] not in GENERIC_SPORT
        ):
            out.add(r["term"])
    return frozenset(out)


def is_sporty(d: Doc) -> bool:
    """Is this document about sport, athletics and tennis included?  Broader than
    :func:`is_sports` (whose results-table and town-as-club rules fit team sports): read
    by the cues of clubs, competitions and team sheets.  (Read once per document.)"""
    if d.sporty is None:
        d.sporty = is_sports(d) or _sporty_text(d.text)
    return d.sporty


def _sporty_text(text: str) -> bool:
    words = broad_words()
    alpha = WORD.findall(text.lower())
    found = [w for w in alpha if w in words]
    hits = len(found)
    if hits < MIN_SPORTY_WORDS or hits < SPORTS_WORD_SHARE * len(alpha):
        return False
    # "played" and "drew" four times (a film review) are no match report: several match
    # words, or a dense few
    return len(set(found)) >= MIN_DISTINCT or hits >= DENSE_SHARE * len(alpha)


def is_score(text: str) -> bool:
    return bool(SCORE.match(text)) and not DATE.match(text)


def line_words(d: Doc, idx: list[int]) -> list[tuple[int, int, str]]:
    """Words of a line as (first token, end token, text): tokens not parted by a space."""
    words: list[tuple[int, int, str]] = []
    for i in idx:
        tok = d.toks[i]
        if words and d.toks[words[-1][1] - 1].end == tok.start:
            ws, _, _ = words[-1]
            words[-1] = (ws, i + 1, d.text[d.toks[ws].start : tok.end])
        else:
            words.append((i, i + 1, tok.text))
    return words


def is_name(w: str, stop: frozenset[str]) -> bool:
    return w[:1].isupper() and any(ch.isalpha() for ch in w) and w.lower().rstrip(".") not in stop


def name_runs(words: list[tuple[int, int, str]], stop: frozenset[str]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (with name connectors), as word indices."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(words)
    while i < n:
        if not is_name(words[i][2], stop):
            i += 1
            continue
        j = i + 1
        while j < n and (
            is_name(words[j][2], stop)
            or (words[j][2] in CONNECTORS and j + 1 < n and is_name(words[j + 1][2], stop))
        ):
            j += 1
        runs.append((i, j))
        i = j
    return runs


def team_label(t: Tables, text: str, after: str, prev: str, current: str | None) -> str | None:
    """Type of a name in a results line; ``None`` keeps what is there."""
    if text in t.countries or text in t.demonyms:
        return None
    words = text.split()
    if len(words) > 1 and t.keywords.get(words[-1]) in {"ORG", "FAC"}:
        return "ORG"  # "Crystal Palace", "Bristol City"
    if prev in SCORECARD or BOWLING.match(after) or person_like(t, words):
        return "PERSON"
    if current == "PERSON" and len(text.split()) >= 2:
        return None
    return "ORG"


def results_lines(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Type the names of score and standings lines ("Crewe 0 Watford 2")."""
    stop = vocabulary()[2]
    line_toks: dict[int, list[int]] = {}
    for i, tok in enumerate(d.toks):
        if not tok.text.isspace():
            line_toks.setdefault(d.line(tok.start), []).append(i)
    new: list[Span] = []
    for ln, idx in line_toks.items():
        words = line_words(d, idx)
        if not any(is_score(w[2]) or w[2] in VERSUS for w in words):
            continue
        runs = name_runs(words, stop)
        if d.caps(ln) and (len(runs) != 1 or runs[0][0] != 0):
            continue  # an all-caps headline, not a standings row
        for rs, re_ in runs:
            nxt = words[re_][2] if re_ < len(words) else ""
            prev = words[rs - 1][2] if rs > 0 else ""
            if not (is_score(nxt) or nxt in VERSUS or prev in VERSUS):
                continue
            start, end = d.toks[words[rs][0]].start, d.toks[words[re_ - 1][1] - 1].end
            if any(s.start < end < s.end for s in spans):
                continue  # a name going on with the number ("Euro 96")
            if any(
                s.label == "PERSON"
                and start < s.start
                and s.end <= end
                and " " in d.text[s.start : s.end]
                for s in spans
            ):
                continue  # "beating Italian Ann Vane 6-1 6-3": a player's full name after a word
            first = words[rs][2]
            last = words[re_ - 1][2]
            if (
                first in t.nationalities
                and 3 <= re_ - rs <= 4
                and t.keywords.get(last) not in {"ORG", "FAC"}  # "Scottish Ostrel City 3-1"
                and t.places.get(last) is None  # "Dutch Brakova Rotterdam 2-0": a club
                and last not in t.polities
            ):
                # "defeated American Jan-Michael Vane 6-3": a player after his nationality
                new.append(Span(start, d.toks[words[rs][1] - 1].end, "NORP", "rule"))
                new.append(Span(d.toks[words[rs + 1][0]].start, end, "PERSON", "rule"))
                continue
            current = next((s.label for s in spans if s.start == start and s.end == end), None)
            after = d.text[end : end + 20].lstrip()
            label = team_label(t, d.text[start:end], after, prev, current)
            if label is not None:
                new.append(Span(start, end, label, "rule"))
    return new


def clubs(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """In a sports report, retype clubs named after places and type results lines."""
    if not is_sports(d):
        return spans
    out: list[Span] = []
    for s in spans:
        txt = d.text[s.start : s.end]
        if (
            s.src != "gaz"
            and s.label in {"GPE", "LOC", "PERSON", "NORP"}
            and t.places.get(txt) == "GPE"
            and txt not in t.countries
        ):
            i, j = d.tok_range(s.start, s.end)
            prev = d.toks[i - 1].text if i > 0 else ""
            in_dateline = (
                prev == "," and i > 1 and d.line_starts[d.line(s.start)] == d.toks[i - 2].start
            )
            nxt = d.toks[j].text if j < len(d.toks) else ""
            venue = prev == "(" or (nxt == ":" and d.line_starts[d.line(s.start)] == s.start)
            venue = venue or nxt.lower() in RACE_AFTER  # "the Almeria half-marathon": a place
            if (
                prev not in PLACE_PREPS
                and not venue  # "At The Oval ( London )", "Leicester : Leicestershire beat ..."
                and not in_dateline
                and not is_dateline(d, i, j - 1)
            ):
                s = Span(s.start, s.end, "ORG", "rule")
        out.append(s)
    typed = results_lines(d, t, out)
    if not typed:
        return out
    keep = [s for s in out if not any(s.start < n.end and n.start < s.end for n in typed)]
    return keep + typed


LINEUP_LABEL = re.compile(
    r"^[A-Z][A-Za-z ]{0,30}(?: \([a-z]+\))?:\s*"
)  # "Replacements: ", "Subs (from): "
# a labelled list that starts inside a line of prose, after a full stop ("... inspection.
# Leeds: Balshaw; Rees, ... Popham. Replacements: Kalman, ..."): a new list
INLINE_LABEL = re.compile(r"(?<=[.] )[A-Z][A-Za-z ]{0,30}(?: \([a-z]+\))?:\s*")
INITIAL_ITEM = re.compile(r"^[A-Z]\.? [A-Z][\w'’-]+$")  # "A Scott": an initial and a surname
LINEUP_ITEM = re.compile(
    r"^(?:[A-Z]\.? )?[A-Z][\w'’-]*(?: (?:de |van |der |du )?[A-Z][\w'’-]*){0,2}"
    r"(?: \(capt\))?$"
)
BRACKETS = re.compile(r"\([^()]*\)")
MIN_LINEUP_ITEMS = 5
# a line the report labels as its substitutes lists players however short it is
# ("Subs not used: Peel, Varley.")
BENCH_LABELS = ("subs", "substitutes", "replacements")
MIN_BENCH_ITEMS = 2
NOT_PLAYER = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT"})  # a player's name mistyped


def lineup_lines(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """In a sports report, a line listing five or more players ("Walder; May, Tait, Mayerhofler,
    Stephenson; ...") or labelled as the substitutes ("Subs not used: Peel, Wilson") names people: its names
    typed otherwise become people (countries and the clubs in brackets excepted), and so
    do their other mentions in the report; its untagged names are added."""
    segments = [seg for ln in range(len(d.line_starts)) for seg in _segments(d, ln)]
    if not is_sporty(d) and not any(s[0].lower().startswith(BENCH_LABELS) for s in segments):
        return spans  # a report with no match words but its replacements listed is sport too
    out = list(spans)
    players: set[str] = set()
    for label, body, offset in segments:
        items = _lineup_items(body, offset)
        bench = label.lower().startswith(BENCH_LABELS)
        good = [(s, e) for s, e in items if LINEUP_ITEM.match(d.text[s:e])]
        initials = len(good) == len(items) and all(
            INITIAL_ITEM.match(d.text[s:e]) for s, e in items
        )  # "D Greaves (Newham AC), A Scott (Harrow AC)": a results list however short
        if len(items) < (MIN_BENCH_ITEMS if bench or initials else MIN_LINEUP_ITEMS):
            continue
        if len(good) * 5 < len(items) * 4:
            continue
        placed = sum(
            any(sp.label in NOT_PLAYER and s <= sp.start and sp.end <= e for sp in out)
            for s, e in good
        )
        if not bench and sum(_tabled(d, t, out, s, e) for s, e in good) * 2 > len(good):
            continue  # "Venues: Leeds, Twickenham, ...": mostly places or clubs, a table
        for s, e in good:
            name = d.text[s:e].removesuffix(" (capt)")
            e = s + len(name)
            if name in t.countries or name.lower() in vocabulary()[2]:
                continue
            if name in t.polities and placed * 2 >= len(good):
                continue  # a list of towns; among players "Hamilton" is a player too
            players.add(name)
            hit = [k for k, sp in enumerate(out) if sp.start < e and s < sp.end]
            if not hit:
                out.append(Span(s, e, "PERSON", "rule"))
            for k in hit:
                sp = out[k]
                if sp.src != "gaz" and sp.label != "PERSON" and s <= sp.start and sp.end <= e:
                    out[k] = Span(sp.start, sp.end, "PERSON", "rule")
    # the player's name elsewhere in the report ("Clichy, Lauren, Senderos." under the
    # line-up) is the player too
    out = [
        Span(sp.start, sp.end, "PERSON", "rule")
        if sp.label in NOT_PLAYER and sp.src != "gaz" and d.text[sp.start : sp.end] in players
        else sp
        for sp in out
    ]
    return bracketed_clubs(d, t, out)


LIST_GAPS = frozenset({", ", "; "})


def bracketed_clubs(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """In a sports report, a name alone in brackets right after a player's full name
    ("Nicolas Vane (Perpignan)", "D Peel (Llanelli)") is the player's club, not a person; a
    bracket that holds a minute ("Tonge (Quinn 97)"), a person's name or one starting with
    a given name (a role: "Ann Vane (Monica)") is left alone."""
    ends = {  # a player named in full ("D Peel", not "Mike (Ruddock)"), or a list item
        sp.end  # ("Giggs (Man Utd), Savage (Blackburn), ...")
        for sp in spans
        if sp.label == "PERSON"
        and (" " in d.text[sp.start : sp.end] or d.text[sp.start - 2 : sp.start] in LIST_GAPS)
    }
    out: list[Span] = []
    roles = cues().member_role | cues().person_before
    for sp in spans:
        if (
            sp.label == "PERSON"
            and sp.src != "gaz"
            and d.text[sp.start - 1 : sp.start] == "("
            and d.text[sp.end : sp.end + 1] == ")"
            and d.text[: sp.start - 1].rstrip() != d.text[: sp.start - 1]
            and len(d.text[: sp.start - 1].rstrip()) in ends
            and not person_like(t, d.text[sp.start : sp.end].split())
            and d.text[sp.start : sp.end].split()[0] not in t.given  # "Ann Vane (Monica)"
            and d.text[sp.end + 1 : sp.end + 2] in {",", ";", ".", "\n", ""}
        ):
            word = d.text[sp.start : sp.end]
            if word.lower() in roles:
                continue  # "D Pell (Hooker)": the player's position, no name
            if word in t.countries or word in t.polities:
                continue  # "Nils Varo (Italy)": the country he plays for, left to the places
            sp = Span(sp.start, sp.end, "ORG", "rule")
        out.append(sp)
    return out


def _tabled(d: Doc, t: Tables, spans: list[Span], s: int, e: int) -> bool:
    """Is the list item ``s``..``e`` a known place (a gazetteer place or a polity) or a
    name of two or more words typed a body or a place ("Varnbury Town"): an item of a table
    of venues or clubs, no player?"""
    name = d.text[s:e]
    if t.places.get(name) is not None or name in t.polities:
        return True
    return " " in name and any(
        sp.label in NOT_PLAYER and sp.start == s and sp.end == e for sp in spans
    )


def _segments(d: Doc, ln: int) -> list[tuple[str, str, int]]:
    """The lists of line ``ln``: (label, body, offset of the body), the line itself unless
    lists labelled after a full stop start inside it."""
    line, start = d.line_text(ln), d.line_starts[ln]
    cuts = list(INLINE_LABEL.finditer(line))
    first = LINEUP_LABEL.match(line)
    out: list[tuple[str, str, int]] = []
    head_end = cuts[0].start() if cuts else len(line)
    lead = first.end() if first is not None and first.end() <= head_end else 0
    out.append((line[:lead], line[lead:head_end].rstrip(), start + lead))
    for k, m in enumerate(cuts):
        end = cuts[k + 1].start() if k + 1 < len(cuts) else len(line)
        out.append((m.group(), line[m.end() : end].rstrip(), start + m.end()))
    return out


def _lineup_items(body: str, offset: int) -> list[tuple[int, int]]:
    """Character ranges of the items of a list line, brackets blanked out."""
    blank = BRACKETS.sub(lambda m: " " * len(m.group()), body.replace("(capt)", "      "))
    items: list[tuple[int, int]] = []
    start = 0
    for k, ch in enumerate(blank + ","):
        if ch in ",;/" or (ch == "." and k == len(blank) - 1):
            piece = blank[start:k]
            lead = len(piece) - len(piece.lstrip())
            text = piece.strip()
            if text:
                items.append((offset + start + lead, offset + start + lead + len(text)))
            start = k + 1
    return items


# words before a side in a match or a club in a transfer ("a win over X", "against X",
# "at the hands of X", "set to join X"); "to X" only with a fee or a loan after it
SIDE_BEFORE = frozenset({"against", "v", "vs", "join", "joins", "joined", "joining"})
WIN_OVER = frozenset({"win", "victory", "triumph", "wins", "victories", "lead"})
TRANSFER_AFTER = re.compile(r"\s+(?:for\s+[£$€]|on\s+(?:a\s+)?(?:\w+\s+)?loan)")


def named_in_full(d: Doc, txt: str) -> bool:
    """Does the document name ``txt`` after or before a capitalised word ("Roger
    Federer", "Jansher Khan"): a person's name in full?"""
    w, name = r"[A-Z][\w'-]+", re.escape(txt)
    return re.search(rf"\b(?:{w} {name}\b|{name} {w})", d.text) is not None


def side_named(d: Doc, t: Tables, ts: int, te: int, txt: str) -> bool:
    """Is the name at tokens ``ts``-``te`` of a sports report a side or club,
    by the words around it ("a 3-1 win over X", "against X", "at the hands of X", "set
    to join X", "selling him to X for £16m")?  Never a known given name, nor a word the
    report names in full ("Roger Federer" ... "against Federer")."""
    words = txt.split()
    if words[0] in t.given or txt in t.polities or txt in t.countries or not is_sporty(d):
        return False
    prev = d.toks[ts - 1].text.lower() if ts else ""
    prev2 = d.toks[ts - 2].text.lower() if ts > 1 else ""
    prev3 = d.toks[ts - 3].text.lower() if ts > 2 else ""
    side = (
        prev in SIDE_BEFORE
        or (prev == "over" and prev2 in WIN_OVER)
        or (prev == "of" and prev2 == "hands" and prev3 == "the")
        or (prev == "to" and TRANSFER_AFTER.match(d.text, d.toks[te - 1].end) is not None)
    )
    return side and (len(words) > 1 or not named_in_full(d, txt))
