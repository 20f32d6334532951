"""Bands: "the band Snow Vale", "boy band the Bay Town Rollers", "singing group Ann's
Kin", "Snow Vale are working on their third album".

spaCy reads a band's name by its words: a name of given names and surnames becomes a
person, one with a town in it a place, and a name with "and" or a possessive inside is
cut ("the Jesus and Mary Chain" gives "Jesus" and a person "Mary Chain").  Two cues
hold on unseen news:

* the noun before the name: after "band" (or "group" after a music word: "singing
  group", "pop group"), and an optional "the", the capitalised run that follows is the
  band's name, kept whole across "and", "&", "of", "the" and a possessive
  (``ORG``, the type bands take);
* the verb after it: in a report about music (it names bands, albums, singles, gigs or
  tours) a name of two words or more typed a person that takes a plural verb ("Snow
  Vale are currently working", "... have split") is a band; a person takes a singular
  verb.  Only a name that opens its sentence or follows a quotation mark or bracket
  counts: one after a word or comma may end a list or a longer subject ("officer Tom
  Vane have left").  A mention spaCy typed a work counts when another mention of the
  name in the article is typed a person.

The other mentions of a band found in the article take its type.
"""

from __future__ import annotations

from newsledger.components.ner.rules import Doc, Span, retype_named
from newsledger.components.ner.tables import Tables
from newsledger.components.ner.titles import SMALL, TITLE_MARKS, dated_tokens

BAND_NOUNS = frozenset({"band"})
GROUP_NOUNS = frozenset({"group", "duo", "trio", "quartet"})
MUSIC_WORDS = frozenset(
    {"singing", "pop", "rock", "girl", "boy", "vocal", "folk", "punk", "rap", "dance"}
    | {"indie", "soul", "metal", "hip-hop", "jazz", "music", "musical", "reggae", "rock'n'roll"}
)  # "singing group X": a band ("the group X" alone may be any body)
MUSIC_REPORT = frozenset(
    {"band", "bands", "album", "albums", "singles", "gig", "gigs", "frontman", "guitarist"}
    | {"drummer", "bassist", "bandmates", "songs"}
)  # two of them make a report about music
SUBJECTS = frozenset({"PERSON", "WORK_OF_ART"})  # of a name typed PERSON in the article
PLURAL_VERBS = frozenset({"are", "were", "have"})
OPENERS = frozenset({'"', "“", "”", "(", "'", "‘", "’"})  # marks a subject may follow
JOINS = frozenset({"and", "&"})
RETYPED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"})
MAX_WORDS = 6


def _cap(w: str) -> bool:
    return w[:1].isupper() or w[:1].isdigit()


def band_noun(d: Doc, k: int) -> bool:
    """Is token ``k`` a lower-case noun that introduces a band's name?"""
    tok = d.toks[k]
    if tok.text in BAND_NOUNS:
        return True  # "boy band the X": spaCy may read "band" as a verb there
    return tok.text in GROUP_NOUNS and k > 0 and d.toks[k - 1].text.lower() in MUSIC_WORDS


def _leads_on(d: Doc, j: int) -> bool:
    """Do the small words from token ``j`` on lead to a capitalised word of the same
    sentence ("TV on the Radio", "Echo and the Bunnymen")?"""
    k = j
    while k < len(d.toks) and (d.toks[k].text in SMALL or d.toks[k].text in JOINS):
        k += 1
    return k < len(d.toks) and _cap(d.toks[k].text) and d.toks[k].sent == d.toks[j].sent


def band_end(d: Doc, i: int, dated: set[int]) -> int:
    """The end (exclusive token index) of the band's name that opens at token ``i``."""
    j, sent = i, d.toks[i].sent
    while j < len(d.toks) and j - i < MAX_WORDS and d.toks[j].sent == sent:
        w = d.toks[j].text
        inner = j > i and (w in TITLE_MARKS or ((w in SMALL or w in JOINS) and _leads_on(d, j)))
        if not (_cap(w) or inner) or j in dated:
            break
        j += 1
    while j > i and (d.toks[j - 1].text in TITLE_MARKS or d.toks[j - 1].text in SMALL | JOINS):
        j -= 1
    return j


def named_bands(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Names after a band noun become whole ORG spans (see the module's docstring)."""
    new: list[Span] = []
    dated = dated_tokens(d, spans)
    for k in range(len(d.toks) - 1):
        if not band_noun(d, k) or d.caps_at(d.toks[k].start):
            continue
        i = k + 2 if d.toks[k + 1].text == "the" else k + 1
        if i >= len(d.toks) or not d.toks[i].text[:1].isupper():
            continue
        j = band_end(d, i, dated)
        txt = d.text[d.toks[i].start : d.toks[j - 1].end] if j > i else ""
        if len(txt) < 2 or txt in t.places or txt in t.polities or txt in t.demonyms:
            continue
        new.append(Span(d.toks[i].start, d.toks[j - 1].end, "ORG", "rule"))
    return _place(d, spans, new)


def music_report(d: Doc) -> bool:
    return len({tok.text for tok in d.toks if tok.text in MUSIC_REPORT}) >= 2


def subject_start(d: Doc, ts: int) -> bool:
    """Does the name at token ``ts`` open its clause (no role or list word before it:
    "chief financial officer Tim Vane have left" is the end of a list)?"""
    return ts == 0 or d.toks[ts - 1].sent != d.toks[ts].sent or d.word(ts - 1) in OPENERS


def plural_bands(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """In a music report, a person's name of 2+ words taking a plural verb is a band."""
    found: list[Span] = []
    music: bool | None = None
    people = {d.text[s.start : s.end] for s in spans if s.label == "PERSON" and s.src != "gaz"}
    for s in spans:
        txt = d.text[s.start : s.end]
        if s.label not in SUBJECTS or s.src == "gaz" or " " not in txt or txt not in people:
            continue
        ts, te = d.tok_range(s.start, s.end)
        if d.word(te) not in PLURAL_VERBS or not subject_start(d, ts):
            continue
        if d.word(te) == "have" and d.word(te + 1) == "to":
            continue  # "... have to": may be any subject
        if music is None:
            music = music_report(d)
        if not music:
            break
        found.append(Span(s.start, s.end, "ORG", "rule"))
    return _place(d, spans, found)


def _place(d: Doc, spans: list[Span], new: list[Span]) -> list[Span]:
    """Put the bands ``new`` in place of what they overlap; their other mentions follow."""
    if not new:
        return spans
    names = {d.text[n.start : n.end] for n in new}
    keep = [s for s in spans if not any(s.start < n.end and n.start < s.end for n in new)]
    return retype_named(d, keep, names, RETYPED, "ORG") + new


def bands(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Apply the rules of this module (see its docstring)."""
    return plural_bands(d, t, named_bands(d, t, spans))
