"""Titles of works told by the report's other mentions of them: a sequel's number ("Halo 2",
"the original Vanes" where "Vanes 2" is named), the star of a film ("Ann Vane, star of
Storm Harbour, ..."), and the one-word mentions of a title a cue found elsewhere in the
report ("the hit film Vanes" ... "directing her in Vanes in 2001").

spaCy types a title with no cue in its sentence by its words: a one-word title a person or
a place, a title and a number ("Halo 2") a law.  The report's other words hold the
evidence:

* a name and a sequel's number (one digit, 2 to 9) that spaCy typed a law, in a report
  that is not about sport, is a title ("Halo 2", "Shrek 2"): laws are numbered by a head
  word ("Section 5", "Chapter 11", "Article 9"), which this rule leaves alone, and so are
  channels ("Radio 1");
* after ", star of" (or ", the star of"), in a report that is not about sport ("the star
  of Ireland's win"), the titles that follow, listed with commas and "and" (two names
  joined by "and" alone are one title: "Pride and Prejudice");
* the mentions of a title found so (or by a cue of :mod:`~newsledger.components.ner.titles`,
  :mod:`~newsledger.components.ner.title_cues` or
  :mod:`~newsledger.components.ner.screen_roles`, applied first here), and the stem of a numbered title,
  are that title wherever the article names them alone as a person, body, place or law:
  "Halo" where "Halo 2" is a game, "Grudge" where "The Grudge" is a film.  Places the
  gazetteer knows and names that are a word of a person's name given in full ("Vane" of
  "Erin Vane") are left alone, and so is a mention followed by a word for a family ("the
  Vanes family": the people);
* a title or product of two words or more found by a cue is that wherever the article
  writes it in full ("led by Dr Roe", where "brands such as Dr Roe" names the drink and
  spaCy tagged "Roe" a person).
"""

from __future__ import annotations

from newsledger.components.ner.rules import Doc, Span, overlay
from newsledger.components.ner.screen_roles import screen_roles
from newsledger.components.ner.sports import is_sports
from newsledger.components.ner.tables import Tables, cues, towns
from newsledger.components.ner.titles import dated_tokens, title_runs

SEQUEL_FROM = frozenset({"LAW"})
RETYPED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "LAW", "PRODUCT"})
LEGAL_HEADS = frozenset(
    {"Section", "Chapter", "Article", "Clause", "Rule", "Part", "Schedule", "Resolution"}
    | {"Amendment", "Title", "Protocol", "Directive", "Regulation", "Paragraph", "No", "Act"}
    | {"Bill", "Stage", "Phase", "Level", "Grade", "Class", "Category", "Tier", "Round"}
)  # "Section 5", "Chapter 11", "Level 3": numbered by a head word, no title
SEQUELS = frozenset("23456789")
STAR = frozenset({"star", "stars"})
KIN = frozenset({"family", "families", "household", "clan", "dynasty"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def sequels(d: Doc, spans: list[Span]) -> tuple[list[Span], set[str]]:
    """ "Halo 2" typed a law outside a sports report is a title; return the spans and the
    titles' stems ("Halo")."""
    out: list[Span] = []
    stems: set[str] = set()
    sports: bool | None = None
    for s in spans:
        words = d.text[s.start : s.end].split()
        if s.label not in SEQUEL_FROM or s.src == "gaz" or len(words) < 2:
            out.append(s)
            continue
        stem = " ".join(words[:-1])
        if words[-1] not in SEQUELS or words[0] in LEGAL_HEADS or not stem[:1].isupper():
            out.append(s)
            continue
        if stem in cues().broadcaster or d.caps_at(s.start):
            out.append(s)  # "Radio 1", a channel
            continue
        if sports is None:
            sports = is_sports(d)
        if sports:
            return spans, set()
        out.append(Span(s.start, s.end, "WORK_OF_ART", "rule"))
        stems.add(stem)
    return out, stems


def star_of(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """ "Ann Vane, star of Storm Harbour and Vanes, ...": the titles after "star of"."""
    new: list[Span] = []
    dated = dated_tokens(d, spans)
    sports: bool | None = None
    for k, tok in enumerate(d.toks[:-2]):
        if tok.text not in STAR or d.word(k + 1) != "of" or d.caps_at(tok.start):
            continue
        if d.word(k - 1) != "," and not (d.word(k - 1) == "the" and d.word(k - 2) == ","):
            continue
        if sports is None:
            sports = is_sports(d)
        if sports:
            return spans
        runs = title_runs(d, t, k + 1, True, dated)
        if len(runs) == 2 and runs[1][0] == runs[0][1] + 1:
            runs = [(runs[0][0], runs[1][1])]  # "Bride and Prejudice": no comma, one title
        for ts, te in runs:
            txt = d.text[d.toks[ts].start : d.toks[te - 1].end]
            if any(x.text in POSSESSIVE for x in d.toks[ts : te + 1]) or txt in t.places:
                continue  # "star of Vane's film": a person's possessive, no title
            new.append(Span(d.toks[ts].start, d.toks[te - 1].end, "WORK_OF_ART", "rule"))
    if not new:
        return spans
    keep, new = overlay(spans, new)
    return keep + new


def given_names(d: Doc, spans: list[Span]) -> set[str]:
    """The words of the article's people's names of two words or more ("Erin", "Vane")."""
    out: set[str] = set()
    for s in spans:
        words = d.text[s.start : s.end].split()
        if s.label == "PERSON" and len(words) >= 2:
            out.update(words)
    return out


def title_mentions(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Apply the rules of this module (see its docstring)."""
    spans, stems = sequels(d, star_of(d, t, screen_roles(d, t, spans)))
    names = {d.text[s.start : s.end] for s in spans if s.label == "WORK_OF_ART" and s.src == "rule"}
    names |= {n.removeprefix("The ") for n in names if n.startswith("The ") and " " in n}
    names = (names | stems) - t.polities - t.demonyms - t.countries - given_names(d, spans)
    names = {n for n in names if n not in t.places and n not in towns()}
    spans = spelled_out(d, spans)
    if not names:
        return spans
    return [
        Span(s.start, s.end, "WORK_OF_ART", "rule")
        if s.label in RETYPED
        and s.src != "gaz"
        and d.text[s.start : s.end] in names
        and not kin(d, s)
        else s
        for s in spans
    ]


def kin(d: Doc, s: Span) -> bool:
    """Is ``s`` followed by a word for a family ("the Vanes family", "the Vanes' family
    life"): the people a title is named after, not the title?"""
    te = d.tok_range(s.start, s.end)[1]
    return bool({d.word(te), d.word(te + 1)} & KIN)


SPELLED = frozenset({"WORK_OF_ART", "PRODUCT"})


def spelled_out(d: Doc, spans: list[Span]) -> list[Span]:
    """A title or product of two words or more that a cue found ("brands such as Dr Roe")
    is that title or product wherever the article writes it in full, in place of the
    spans inside it ("led by Dr Roe": "Roe" a person) or where no span was; an
    occurrence inside a longer capitalised run, in a headline or across another span's
    edge is left alone."""
    found: dict[str, str] = {}
    for s in spans:
        txt = d.text[s.start : s.end]
        if s.label in SPELLED and s.src == "rule" and " " in txt:
            found.setdefault(txt, s.label)
    if not found:
        return spans
    new: list[Span] = []
    for txt, label in sorted(found.items()):
        at = d.text.find(txt)
        while at >= 0:
            end = at + len(txt)
            if free(d, spans, at, end):
                new.append(Span(at, end, label, "rule"))
            at = d.text.find(txt, end)
    if not new:
        return spans
    keep = [s for s in spans if not any(n.start <= s.start and s.end <= n.end for n in new)]
    return keep + new


def free(d: Doc, spans: list[Span], start: int, end: int) -> bool:
    """May characters ``start:end`` become a span of their own: whole tokens, no capitalised
    word right before or after them, no headline, and no span crossing their edges or
    already holding exactly them?"""
    if start not in d.by_start or end not in d.by_end or d.caps_at(start):
        return False
    ts, te = d.by_start[start], d.by_end[end] + 1
    before = d.word(ts - 1)
    if before[:1].isupper() and not (ts > 0 and d.toks[ts - 1].sent != d.toks[ts].sent):
        return False  # "Vane Dr Roe": part of a longer name
    if d.word(te)[:1].isupper():
        return False
    for s in spans:
        if (s.start, s.end) == (start, end) and s.label in SPELLED:
            return False  # already the title
        inside = start <= s.start and s.end <= end
        if s.start < end and start < s.end and (not inside or s.src == "gaz"):
            return False
    return True
