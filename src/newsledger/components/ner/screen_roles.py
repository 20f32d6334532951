"""Titles of films and programmes told by an actor's part in them: "appeared opposite Ann
Vane in Lantern", "his role as a boxer in Grey Harbour", "Lantern star Ivo Harl".

spaCy types a one-word or plain title with no kind of work before it by its words ("Lantern"
a person, "Grey Harbour" a place).  In a report on films, television or games (a screen
word such as "film", "actor" or "Oscar"; not a sports report) the sentence holds the
evidence:

* a word for acting a part ("starred", "appeared", "role", "playing", "portrayal",
  "performance", "opposite") up to ``REACH`` words before "in", with no clause break
  between ("and" between two names is none: "opposite Ann Vane and Ivo Harl in X"),
  makes the capitalised run right after "in" a title: "playing a prize-fighter in
  Million Dollar Baby", "appeared in Robocop".  Left alone: places, dates, a run before a
  possessive ("a big part in Labour's campaign": a director's possessive before the title
  is left out, "in Ann Vane's Lantern") or before a lower-case noun it qualifies
  ("appeared in Hollywood movies"), a person's full name, after an award's
  category the words of a person's full name named in the article ("best actor for Vane"
  where "Ivo Vane" is named), and names a
  gazetteer found; a venue after the title is left out ("at the National Theatre");
* likewise the capitalised run right after the "for" of an award's category ("best
  actress for Grey Harbour", "Best First Feature for Lantern"; a person's full name there
  is the winner, no title), and after "a remake of", "the film version of", "an
  adaptation of" or "the sequel to" ("a remake of Lantern"; not after a lower-case "the":
  "the art-house version of the Oscars");
* a name right before a lower-case "star" and a person's full name is the title that
  person is a star of ("Lantern star Ivo Harl"), outside reports on music (where it is a
  band: "former Vanes star Ivo Harl") and unless it is a place, a nationality or a body's
  word ("Hollywood star", "British star").

Each title becomes one WORK_OF_ART span in place of what spaCy found there; the article's
other mentions of it follow through :mod:`~newsledger.components.ner.title_mentions`.
"""

from __future__ import annotations

from newsledger.components.ner.bands import music_report
from newsledger.components.ner.rules import Doc, Span, overlay, person_like
from newsledger.components.ner.sports import is_sports
from newsledger.components.ner.tables import Tables, towns
from newsledger.components.ner.titles import acceptable, dated_tokens, title_end

ACTING = frozenset(
    {"starred", "starring", "stars", "co-starred", "co-stars", "appeared", "appears"}
    | {"appearing", "appearance", "role", "roles", "cameo", "playing", "played", "plays"}
    | {"portrayal", "performance", "opposite"}
)  # a word for acting a part, before "in" and the title
SCREEN = frozenset(
    {"film", "films", "movie", "movies", "cinema", "actor", "actress", "actors", "Oscar"}
    | {"Oscars", "sitcom", "episode", "episodes", "DVD", "premiere", "director"}
)  # a report on films or television
BREAKS = frozenset({".", ";", ":", "and", "but", "while", "who", "which", "when", "after", "in"})
CATEGORY = 4  # words of an award's category after "best" ("best supporting actor")
REACH = 8  # words between the acting word and "in"
RETYPED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "MONEY", "EVENT", "PRODUCT"})
STAR = frozenset({"star", "stars"})
VENUES = frozenset({"FAC", "GPE", "LOC", "ORG"})  # "X at the National Theatre"
REMADE = {"version": "of", "versions": "of", "remake": "of", "remakes": "of"} | {
    "adaptation": "of",
    "adaptations": "of",
    "sequel": "to",
    "prequel": "to",
}  # "a remake of X", "the sequel to X": the word after them, then the title
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
ENDS = frozenset({"?", "!"})  # a title's last mark before the next sentence


def screen_report(d: Doc) -> bool:
    """Is this a report on films or television (two different screen words), not on sport
    (unless three screen words other than "director", a sport's post too, say so)?"""
    words = {x.text for x in d.toks if x.text in SCREEN}
    return len(words) >= 2 and (len(words - {"director"}) >= 3 or not is_sports(d))


def remade(d: Doc, k: int) -> bool:
    """Is token ``k`` the "of" of "a remake of", "the film version of" or the "to" of "the
    sequel to"?"""
    want = REMADE.get(d.word(k - 1)) if k > 0 else None
    return want is not None and d.word(k) == want and not d.caps_at(d.toks[k - 1].start)


def awarded(d: Doc, k: int) -> bool:
    """Is token ``k`` the "for" after a category of an award ("best actress for", "Best
    Supporting Actor for")?  Up to ``CATEGORY`` words stand between "best" and it."""
    if d.word(k) != "for":
        return False
    for j in range(k - 1, max(-1, k - 2 - CATEGORY), -1):
        w = d.word(j)
        if w in {"best", "Best"}:
            return j < k - 1
        if not w.isalpha() or w in {"for", "the", "award", "awards", "prize", "and"}:
            return False
    return False


def acted_in(d: Doc, k: int) -> bool:
    """Is the "in" at token ``k`` the one of a part acted ("starred in", "playing a boxer
    in")?  The acting word stands up to ``REACH`` words before it in the same clause."""
    if d.word(k) != "in":
        return False
    for j in range(k - 1, max(-1, k - 1 - REACH), -1):
        tok = d.toks[j]
        if tok.sent != d.toks[k].sent:
            return False
        if tok.text in ACTING:
            return not d.caps_at(tok.start)
        if tok.text == "and" and d.word(j - 1)[:1].isupper() and d.word(j + 1)[:1].isupper():
            continue  # "opposite Ann Vane and Ivo Harl in X": two names, one clause
        if tok.text in BREAKS or tok.text == ",":
            return False
    return False


def after_owner(d: Doc, t: Tables, people: set[tuple[int, int]], ts: int, te: int) -> int:
    """Where the title in tokens ``ts:te`` opens after its director's possessive
    ("Ann Vane's Lantern": the title is "Lantern"; "Dead Man's Shoes" is one title)."""
    for p in range(ts + 1, te - 1):
        if d.toks[p].text in POSSESSIVE:
            owner = (d.toks[ts].start, d.toks[p - 1].end)
            if owner in people or person_like(t, d.text[owner[0] : owner[1]].split()):
                return p + 1
            return ts
    return ts


def before_venue(d: Doc, spans: list[Span], ts: int, te: int) -> int:
    """Where the title in tokens ``ts:te`` ends before a venue or a place ("Measure for
    Measure at the National Theatre": the theatre is where it played)."""
    starts = {s.start for s in spans if s.label in VENUES}
    for p in range(ts + 1, te - 1):
        if d.word(p) in {"at", "in", "on", "from"} and any(
            d.toks[q].start in starts for q in (p + 1, p + 2) if q < te
        ):
            return p
    return te


def part_titles(d: Doc, t: Tables, spans: list[Span]) -> list[tuple[int, int]]:
    """The token ranges of the titles after "in" that an acting word introduces, or after
    "remake of" and its kin."""
    out: list[tuple[int, int]] = []
    dated = dated_tokens(d, spans)
    people = {(s.start, s.end) for s in spans if s.label == "PERSON"}
    named = {w for a, b in people for w in d.text[a:b].split() if " " in d.text[a:b]}
    for k in range(len(d.toks) - 1):
        if not d.toks[k + 1].text[:1].isupper():
            continue
        award = awarded(d, k)
        if not (award or acted_in(d, k) or remade(d, k)):
            continue
        ts = k + 1
        te = title_end(d, t, ts, dated, joined=True)
        while te > ts + 1 and (d.toks[te - 1].sent != d.toks[ts].sent or d.word(te - 1) in ENDS):
            te -= 1  # "a remake of The Wooden Tops? Or ...": the next sentence is no title
        if te <= ts or d.word(te) in POSSESSIVE or d.toks[te - 1].text in POSSESSIVE:
            continue
        ts = after_owner(d, t, people, ts, te)
        te = before_venue(d, spans, ts, te)
        nxt = d.toks[te] if te < len(d.toks) else None
        if nxt is not None and nxt.pos == "NOUN" and nxt.text[:1].islower():
            continue  # "appeared in Hollywood movies": the name qualifies a noun
        words = d.text[d.toks[ts].start : d.toks[te - 1].end].split()
        if (d.toks[ts].start, d.toks[te - 1].end) in people and len(words) >= 2:
            continue
        if person_like(t, words) or " ".join(words) in towns() or (award and set(words) <= named):
            continue
        if acceptable(d, t, ts, te, dated):
            out.append((ts, te))
    return out


def star_titles(d: Doc, t: Tables, spans: list[Span]) -> list[tuple[int, int]]:
    """The token ranges of the names before "star" and a person's full name."""
    out: list[tuple[int, int]] = []
    people = {(s.start, s.end) for s in spans if s.label == "PERSON"}
    by_end = {s.end: s for s in spans if s.label in RETYPED and s.src != "gaz"}
    for k, tok in enumerate(d.toks[1:-2], start=1):
        if tok.text not in STAR or d.caps_at(tok.start):
            continue
        s = by_end.get(d.toks[k - 1].end)
        if s is None:
            continue
        after = [x for x in spans if x.start == d.toks[k + 1].start and x.label == "PERSON"]
        if not after or (after[0].start, after[0].end) not in people:
            continue
        if len(d.text[after[0].start : after[0].end].split()) < 2:
            continue
        ts, te = d.tok_range(s.start, s.end)
        txt = d.text[s.start : s.end]
        if txt in t.keywords or txt in towns() or s.label == "NORP":
            continue
        if acceptable(d, t, ts, te, set()):
            out.append((ts, te))
    return out


def screen_roles(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Apply the rules of this module (see its docstring)."""
    if not screen_report(d):
        return spans
    runs = part_titles(d, t, spans)
    if not music_report(d):
        runs += star_titles(d, t, spans)
    if not runs:
        return spans
    new = [Span(d.toks[a].start, d.toks[b - 1].end, "WORK_OF_ART", "rule") for a, b in runs]
    keep, new = overlay(spans, new)
    return keep + new
