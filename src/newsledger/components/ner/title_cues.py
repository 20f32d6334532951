"""Titles of works told by their own words: a programme's head word ("The Benny Hill
Show", "The Office Christmas Special"), a soap named like a street when the sentence
speaks of soaps ("EastEnders and Coronation Street were overlooked in the soap
category"), and a title with a subtitle after a colon ("Call of Duty: Finest Hour",
"Prince of Persia: Warrior Within").

spaCy types such names by their words: a presenter's name before "Show" makes a person,
"Street" a place, and a subtitle is cut from its title and typed on its own.  Each rule
reads evidence inside the name or in its sentence only, so it holds in a report with no
other cue:

* a name typed a person, body or place whose last word is "Show" is a programme when
  the words before it are a person's name (a presenter's show) or the report speaks of
  television; one whose last word is "Special" is a programme when the report speaks of
  television ("Motor Show" and "Consumer Electronics Show", typed EVENT, stay events);
  its stem after a capitalised "The" inside a sentence is the programme too ("The Office
  creator" where "The Office Christmas Special" is one);
* in a report on films, television or games (not music, where "The X" is most often a
  band, nor sport), a name after a capitalised "The" inside a sentence is a title
  ("bookmakers tip The Aviator"), and so are its other mentions;
* in a report on video games, a name typed a person or place and followed by an
  edition's number or year ("Pro Evolution Soccer 4") is a game's title (a console's
  name so numbered, "Xbox 2", a product);
* a name after "the current series of" (a determiner before "series") is a programme,
  and so are its other mentions in the article ("a series of X" is a quantity);
* a name ending in "Street" is a soap when its sentence names soaps ("soap", "soaps");
* a run of capitalised words (with "of", "the" inside) right before a colon inside a
  sentence, followed by another such run, is one title: headlines, lines that open
  with the colon's run ("Arsenal: Lehmann, ...", a line-up) and speakers ("He said:")
  are left alone.
"""

from __future__ import annotations

from newsledger.components.ner.bands import music_report
from newsledger.components.ner.names import title_case_line
from newsledger.components.ner.rules import Doc, Span, opens_sentence, person_like, retype_named
from newsledger.components.ner.sports import is_sports
from newsledger.components.ner.tables import Tables, cues
from newsledger.components.ner.titles import SMALL, dated_tokens, title_end

RETYPED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "NORP"})
SHOW_HEADS = frozenset({"Show", "Special"})
TV_WORDS = frozenset(
    {"television", "TV", "programme", "programmes", "sitcom", "episode", "episodes", "viewers"}
    | {"series", "soap", "soaps", "broadcast", "channel", "comedy", "show", "shows"}
)  # a report that speaks of television
SCREEN_WORDS = frozenset(
    {"film", "films", "movie", "movies", "cinema", "premiere", "sitcom", "episode", "episodes"}
    | {"viewers", "DVD", "console", "consoles", "actor", "actress", "Oscar", "Oscars"}
)  # a report on films, television or games ("game" alone is sport too)
GAME_WORDS = frozenset({"gamers", "GameCube", "PlayStation", "Xbox", "console", "consoles"})
NAMED = frozenset({"PERSON", "GPE", "LOC", "FAC", "NORP"})  # types a game's title is not
YEARS = frozenset({"19", "20"})
SOAP_WORDS = frozenset({"soap", "soaps"})
ARTICLES = frozenset({"A", "An"})  # "A BBC News Special: ...": the article is no part of it
SEASONS = frozenset({"Christmas", "Easter", "New", "Year", "Year's", "Summer"})  # "... Special"
SERIES_DETERMINERS = frozenset({"the", "this", "its", "new", "current", "latest", "next", "last"})
MAX_BEFORE = 8  # capitalised words a title may have before its colon


def speaks_of_tv(d: Doc) -> bool:
    """Does the report speak of television (a TV word or a channel's name)?"""
    channels = cues().broadcaster
    return any(tok.text in TV_WORDS or tok.text in channels for tok in d.toks)


def show_heads(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Names ending in "Show" or "Special" that are programmes become WORK_OF_ART."""
    tv: bool | None = None
    out: list[Span] = []
    found: list[Span] = []
    for s in spans:
        words = d.text[s.start : s.end].split()
        if s.label not in RETYPED or s.src == "gaz" or len(words) < 2:
            out.append(s)
            continue
        if words[-1] not in SHOW_HEADS or d.caps_at(s.start):
            out.append(s)
            continue
        before = words[1:-1] if words[0] == "The" else words[:-1]
        if tv is None:
            tv = speaks_of_tv(d)
        presenter = words[-1] == "Show" and person_like(t, before)
        if presenter or tv:
            s = Span(s.start, s.end, "WORK_OF_ART", "rule")
            found.append(s)
        out.append(s)
    return stems(d, out, found) if found else out


def soap_streets(d: Doc, spans: list[Span]) -> list[Span]:
    """A "... Street" in a sentence that names soaps is a soap ("EastEnders and Coronation
    Street were overlooked in the soap category"), not the street."""
    out: list[Span] = []
    for s in spans:
        words = d.text[s.start : s.end].split()
        if s.label in RETYPED and len(words) >= 2 and words[-1] == "Street":
            sent = d.toks[d.tok_range(s.start, s.end)[0]].sent
            if any(tok.sent == sent and tok.text in SOAP_WORDS for tok in d.toks):
                out.append(Span(s.start, s.end, "WORK_OF_ART", "rule"))
                continue
        out.append(s)
    return out


def colon_start(d: Doc, k: int) -> int:
    """The first token of the title that ends right before the colon at token ``k``
    (``k``: none)."""
    i = k
    while i > 0 and k - i < MAX_BEFORE:
        w = d.toks[i - 1].text
        if d.toks[i - 1].sent != d.toks[k].sent:
            break
        if not (w[:1].isupper() or w[:1].isdigit() or (w in SMALL and i < k)):
            break
        i -= 1
    while i < k and (d.toks[i].text in SMALL or d.toks[i].text in ARTICLES):
        i += 1
    return i


def colon_titles(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """ "Call of Duty: Finest Hour" inside a sentence becomes one WORK_OF_ART span."""
    new: list[Span] = []
    dated = dated_tokens(d, spans)
    for k, tok in enumerate(d.toks[:-1]):
        if tok.text != ":" or k == 0 or d.toks[k - 1].end != tok.start:
            continue
        if d.caps_at(tok.start) or title_case_line(d, tok.start):
            continue
        a = colon_start(d, k)
        if a == k or d.line_starts[d.line(d.toks[a].start)] == d.toks[a].start:
            continue  # nothing before, or a line that opens with it (a line-up, a speaker)
        if a == 0 or d.toks[a].sent != d.toks[a - 1].sent:
            continue  # the sentence opens with it: a speaker or a heading ("Sources: ...")
        if d.toks[k + 1].sent != tok.sent or not d.toks[k + 1].text[:1].isupper():
            continue
        b = title_end(d, t, k + 1, dated)
        if b == k + 1:
            continue
        new.append(Span(d.toks[a].start, d.toks[b - 1].end, "WORK_OF_ART", "rule"))
    if not new:
        return spans
    keep = [s for s in spans if not any(s.start < n.end and n.start < s.end for n in new)]
    return keep + new


def series_of(d: Doc, spans: list[Span]) -> list[Span]:
    """ "The current series of X": X is a programme ("a series of X" is a quantity)."""
    found: set[str] = set()
    for s in spans:
        ts = d.tok_range(s.start, s.end)[0]
        if s.label not in RETYPED or s.src == "gaz" or d.word(ts - 1) != "of":
            continue
        if d.word(ts - 2) != "series" or d.caps_at(s.start):
            continue
        if {d.word(ts - 3).lower(), d.word(ts - 4).lower()} & SERIES_DETERMINERS:
            found.add(d.text[s.start : s.end])
    return same_name(d, spans, found)


def same_name(d: Doc, spans: list[Span], names: set[str]) -> list[Span]:
    """The mentions of ``names`` in the article (as written) become WORK_OF_ART."""
    if not names:
        return spans
    return retype_named(d, spans, names, RETYPED, "WORK_OF_ART")


def stems(d: Doc, spans: list[Span], found: list[Span]) -> list[Span]:
    """ "The Office" where "The Office Christmas Special" is a programme: the mentions of
    a programme's stem written after a capitalised "The" inside a sentence are the
    programme too."""
    names: set[str] = set()
    for s in found:
        words = d.text[s.start : s.end].split()
        while words and words[-1] in SHOW_HEADS | SEASONS:
            words.pop()
        if words:
            names.add(" ".join(words))
    out: list[Span] = []
    for s in spans:
        ts = d.tok_range(s.start, s.end)[0]
        after_the = ts > 0 and d.word(ts - 1) == "The" and not opens_sentence(d, ts - 1)
        if after_the and s.label in RETYPED and d.text[s.start : s.end] in names:
            s = Span(s.start, s.end, "WORK_OF_ART", "rule")
        out.append(s)
    return out


def screen_report(d: Doc) -> bool:
    """Does the report speak of films, television or games, and neither of music (where
    "The Vanes" is most often a band) nor of sport?"""
    screen = any(tok.text in SCREEN_WORDS for tok in d.toks)
    return screen and not music_report(d) and not is_sports(d)


def capital_the(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """ "bookmakers tip The Aviator": a name after a capitalised "The" inside a sentence of
    a report on films, television or games is a title, and so are its other mentions.
    Left alone: names with a body's head word ("The Department of ..."), outlets the
    gazetteer knows ("The Guardian"), places, and names a member's role follows ("The
    Vanes frontman"): a band."""
    found: set[str] = set()
    screen: bool | None = None
    for s in spans:
        ts, te = d.tok_range(s.start, s.end)
        if s.label not in RETYPED or s.src == "gaz" or d.word(ts - 1) != "The":
            continue
        if ts < 1 or opens_sentence(d, ts - 1) or d.caps_at(s.start):
            continue
        if title_case_line(d, s.start):
            continue
        txt = d.text[s.start : s.end]
        if any(t.keywords.get(w) == "ORG" for w in txt.split()) or txt in t.places:
            continue
        if txt in t.polities:
            continue
        if d.word(te) in cues().member_role or d.word(te) in cues().org_after:
            continue
        if screen is None:
            screen = screen_report(d)
        if not screen:
            return spans
        found.add(txt)
    if not found:
        return spans
    return [  # not after a lower-case "the": "based on the Vanes' family life" is the family
        s if d.word(d.tok_range(s.start, s.end)[0] - 1) == "the" else r
        for s, r in zip(spans, same_name(d, spans, found), strict=True)
    ]


def games_report(d: Doc) -> bool:
    """Does the report speak of video games (and is no sports report)?"""
    return any(tok.text in GAME_WORDS for tok in d.toks) and not is_sports(d)


def numbered_titles(d: Doc, spans: list[Span]) -> list[Span]:
    """ "Pro Evolution Soccer 4", "Rally Stars 2005": in a report on video games, a name
    typed a person or place followed by an edition's number or year is a game's title,
    number included."""
    out: list[Span] = []
    games: bool | None = None
    for s in spans:
        te = d.tok_range(s.start, s.end)[1]
        num = d.word(te)
        edition = (num.isdigit() and len(num) == 1) or (len(num) == 4 and num[:2] in YEARS)
        if s.label not in NAMED or s.src == "gaz" or not edition or d.caps_at(s.start):
            out.append(s)
            continue
        if d.toks[te].start != s.end + 1 or d.word(te + 1) in {"-", "–", "/"}:
            out.append(s)  # "Vane 6-4": a score
            continue
        if games is None:
            games = games_report(d)
        if games:
            platform = d.text[s.start : s.end] in GAME_WORDS  # "Xbox 2": the console
            s = Span(s.start, d.toks[te].end, "PRODUCT" if platform else "WORK_OF_ART", "rule")
        out.append(s)
    return out


def title_cues(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Apply the rules of this module (see its docstring)."""
    spans = numbered_titles(d, capital_the(d, t, show_heads(d, t, spans)))
    return colon_titles(d, t, series_of(d, soap_streets(d, spans)))
