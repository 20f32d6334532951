"""A person's name run together with a word before it.

spaCy's person spans often take in the word before the name.  The cleaning step strips
titles, occupations and nationalities ("President X", "Rapper X", "Italian X"); this
module cuts the two lead words it cannot know from a list of titles, each only before
evidence that a name follows:

* a *people, faith or party* word ("Tory Liam Fox", "Catholic Mary Vane"): the names of
  ``data/demonyms.tsv`` with no country (the country demonyms are stripped already),
  before a name of two capitalised words (not "Christian Slater": a given name too); the
  word becomes a NORP of its own;
* any *non-name word before an honorific* ("Analysing Mr Brown's position", "Asked Mrs
  Vane"): a one-word lead the parser did not read as a proper noun, before "Mr", "Mrs",
  "Dr" and the like, whatever type spaCy gave the span; the lead word is dropped.

CoNLL-2003 keeps "<Nationality> <Name>" as two spans too (MISC then PER), as this does.
"""

from __future__ import annotations

from newsledger.components.ner.rules import HONORIFICS, Doc, Span
from newsledger.components.ner.tables import Tables

NAME_POS = frozenset({"PROPN"})
RETYPABLE = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"})


def lead_words(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Cut a people's, faith's or party's word, or a non-name word before an honorific,
    from the start of a PERSON span (see the module's docstring)."""
    out: list[Span] = []
    for s in spans:
        ts, te = d.tok_range(s.start, s.end)
        if s.label not in RETYPABLE or s.src == "gaz" or te - ts < 3:
            out.append(s)
            continue
        first, second = d.toks[ts], d.toks[ts + 1]
        rest = Span(second.start, s.end, "PERSON", "rule")
        if (
            s.label == "PERSON"
            and first.text in t.demonyms
            and first.text not in t.nationalities
            and all(x.text[:1].isupper() and x.text.isalpha() for x in d.toks[ts + 1 : te])
        ):
            out.extend([Span(first.start, first.end, "NORP", "rule"), rest])
        elif (
            second.text.rstrip(".") in HONORIFICS
            and not any(x.text.islower() for x in d.toks[ts + 2 : te])  # "Both Mr X and Mr Y"
            and first.pos not in NAME_POS
            and first.text not in t.given
            and first.text.rstrip(".") not in HONORIFICS
        ):
            out.append(rest)
        else:
            out.append(s)
    return out
