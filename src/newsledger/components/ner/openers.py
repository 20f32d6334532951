"""Spans that run over a common word opening a sentence, or over a sentence's end.

The tagger glues the capitalised first word of a sentence to the name after it:
"Veteran US television host ...", "Praising Tarnby and Varlow, she said",
"Entering Westminster, he ...", "Said Wales coach Ian Vane: ...".  The first word
goes when

* it opens its sentence and is no proper noun by the parser (a common noun, verb,
  adjective or adverb; never "-s" verb forms, which the parser gives clubs such as
  "Leeds Tykes"), or the report writes it lower-case elsewhere;
* the report never writes it capitalised inside a sentence (then it is a name's word),
  it is no given name ("Will Smith"), the whole span is no place or people the
  tables list ("New York", "South African") and the word opens none of them ("New",
  "Great", "Upper": "New Tarnby" is a town the tables miss, not "new" + "Tarnby"; a
  compass word is still cut: "Northern Iraq");
* what is left is a name the report or the tables know: a place, country, people or
  nationality, or (not for a person's name: "Rhian Vane") a name the report tags alone
  elsewhere ("Tarnby").

What is left takes the place or people type the tables give it, else the span's own.

A span that runs over a sentence's end ("Malcolm X. Besides Dee") is cut at the
function word after the full stop: the two names on either side keep the type.
"""

from __future__ import annotations

from newsledger.components.ner.rules import Doc, Span, opens_sentence, place_label
from newsledger.components.ner.tables import Tables

COMMON_TAGS = frozenset(
    {"NN", "NNS", "VB", "VBG", "VBD", "VBN", "JJ", "JJR", "JJS", "RB", "RBR", "RBS"}
)
FUNCTION_TAGS = frozenset({"IN", "RB", "DT", "PRP", "CC", "WRB", "WDT", "WP"})
FROM = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT"})
# compass words open listed places too, but before a place they only say which part of
# it ("Northern Iraq": the region of the country, cut as before)
COMPASS = frozenset(
    {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western"} | {"Central"}
)


def _name_word(d: Doc, word: str) -> bool:
    """Does the report write ``word`` capitalised inside a sentence?"""
    return any(x.text == word and not opens_sentence(d, x.i) for x in d.toks)


def _opener(d: Doc, t: Tables, s: Span, alone: set[str]) -> Span | None:
    ts, te = d.tok_range(s.start, s.end)
    if te - ts < 2 or d.caps_at(s.start) or not opens_sentence(d, ts):
        return None
    first = d.toks[ts]
    low = first.text.lower()
    if first.tag not in COMMON_TAGS and not any(x.text == low for x in d.toks):
        return None
    whole = d.text[s.start : s.end]
    if not first.text.isalpha() or first.text in t.given or _name_word(d, first.text):
        return None  # "Will Smith": a given name opens a person's name
    if whole in t.places or whole in t.demonyms or whole in t.countries:
        return None  # "New York", "South African": the whole is the name
    if first.text in t.place_starts and first.text not in COMPASS:
        return None  # "New Tarnby", "Great Varlow": a word that opens listed places
    rest_start = d.toks[ts + 1].start
    rest = d.text[rest_start : s.end]
    label = place_label(d, t, rest, rest_start)
    if label is None and (rest in t.demonyms or rest in t.nationalities):
        label = "NORP"
    if label is None and rest in t.countries:
        label = "GPE"
    if label is None and (rest not in alone or s.label == "PERSON"):
        return None  # a person's name keeps its first word unless the rest is a place
    return Span(rest_start, s.end, label or s.label, "rule")


def _sentence_end(d: Doc, s: Span) -> list[Span] | None:
    """ "Malcolm X. Besides Dee": the name before the full stop and the one after the
    function word that opens the next sentence."""
    ts, te = d.tok_range(s.start, s.end)
    for k in range(ts + 1, te - 1):
        before, tok = d.toks[k - 1], d.toks[k]
        if before.text.endswith(".") and tok.tag in FUNCTION_TAGS and tok.text[:1].isupper():
            left_end = before.end - 1 if len(before.text) > 1 else d.toks[k - 2].end
            if k - 1 == ts and len(before.text) == 1:
                return None
            right = d.toks[k + 1]
            return [
                Span(s.start, left_end, s.label, "rule"),
                Span(right.start, s.end, s.label, "rule"),
            ]
    return None


def openers(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Spans cut at a sentence-opening common word or at a sentence's end."""
    alone = {d.text[s.start : s.end] for s in spans}
    out: list[Span] = []
    for s in spans:
        if s.src == "gaz" or s.label not in FROM:
            out.append(s)
            continue
        parts = _sentence_end(d, s)
        if parts is not None:
            out.extend(parts)
            continue
        out.append(_opener(d, t, s, alone) or s)
    return out
