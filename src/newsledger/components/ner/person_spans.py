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
  "Dr" and the like, whatever type spaCy gave the span; the lead word is dropped;
* a word capitalised only for *opening the sentence*: an adverb ("Nevertheless Franz
  Vane were ..."), a speech verb put first ("Said Wales coach X:"), or an adjective before a name the article also gives alone
  ("Legitimate Bollywood film distributors" and "Bollywood").

CoNLL-2003 keeps "<Nationality> <Name>" as two spans too (MISC then PER), as this does.
"""

from __future__ import annotations

from newsledger.components.ner.rules import HONORIFICS, Doc, Span, opens_sentence
from newsledger.components.ner.tables import Tables

NAME_POS = frozenset({"PROPN"})
SPEECH_OPENERS = frozenset({"Said", "Says", "Added", "Adds"})
RETYPABLE = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"})


def lead_words(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Cut a sentence opener, a people's, faith's or party's word, or a non-name word
    before an honorific from the start of a name (see the module's docstring)."""
    texts = {d.text[s.start : s.end] for s in spans}
    out: list[Span] = []
    for s in spans:
        ts, te = d.tok_range(s.start, s.end)
        if s.label in RETYPABLE and s.src != "gaz" and te - ts >= 2 and opener(d, s, texts):
            out.append(Span(d.toks[ts + 1].start, s.end, s.label, s.src))
            continue
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


def opener(d: Doc, s: Span, texts: set[str]) -> bool:
    """Is token ``ts`` a word capitalised only for opening the sentence, run on to the name
    after it: an adverb ("Nevertheless Franz Vane were the only ..."), or an adjective
    before a name the article also gives alone ("Legitimate Bollywood film ..." and
    "Bollywood"; not before a person's surname: "Rhian Vane" and "Vane")?"""
    ts, te = d.tok_range(s.start, s.end)
    tok = d.toks[ts]
    if not tok.lemma.islower() or not opens_sentence(d, ts) or d.caps_at(tok.start):
        return False
    if tok.pos == "ADV" and tok.tag.startswith("RB"):
        return True
    if tok.text in SPEECH_OPENERS and tok.pos in {"VERB", "AUX"}:
        return True  # "Said Wales coach Ann Vane:": the speech verb put first, no name
    rest = d.text[d.toks[ts + 1].start : d.toks[te - 1].end]
    return tok.pos == "ADJ" and tok.tag == "JJ" and s.label != "PERSON" and rest in texts


def hyphen_end(d: Doc, te: int) -> int:
    """The token after the hyphenated parts that follow token ``te - 1`` with no space
    ("Owusu" + "-Abeyie"), or ``te`` when none follows."""
    n = len(d.toks)
    k = te
    while (
        k + 1 < n
        and d.toks[k].text == "-"
        and d.toks[k].start == d.toks[k - 1].end
        and d.toks[k + 1].start == d.toks[k].end
        and d.toks[k + 1].text[:1].isupper()
        and d.toks[k + 1].text.isalpha()
    ):
        k += 2
    return k


def hyphen_names(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """A name cut at a hyphen ("Owusu" of "Owusu-Abeyie") takes the rest of its word: a
    person's name stays a person's; a place or body whose hyphenated word is a word of a
    person's name in the article becomes that person.  Not two people's names joined
    ("the Vane-Harl feud", both names of people in the article)."""
    person_words: set[str] = set()
    for s in spans:
        if s.label == "PERSON":
            person_words.update(d.text[s.start : s.end].split())
    out: list[Span] = []
    for s in spans:
        ts, te = d.tok_range(s.start, s.end)
        if s.src == "gaz" or s.label not in RETYPABLE or te <= ts:
            out.append(s)
            continue
        k = hyphen_end(d, te)
        if k == te:
            out.append(s)
            continue
        end = d.toks[k - 1].end
        word = d.text[d.toks[te - 1].start : end].split()[-1]  # "Owusu-Abeyie"
        pair = any(p in person_words for p in word.split("-")[1:])  # "Vane-Harl"
        if word in person_words or (s.label == "PERSON" and not pair):
            out.append(Span(s.start, end, "PERSON", "rule"))
        else:
            out.append(s)
    return out
