"""Names spaCy left untagged, typed by the phrase that describes them.

A capitalised name that no entity covers is a person when the text gives its
age, its party, its birth or death ("Ekdahl, 39, ...", "Ekdahl, a member of
the National Renewal Party", "the 39-year-old Ekdahl", "Kerrow, born in
Halvik", "Kerrow, who died ...", "Kerrow, a native of ...") or a post ("Kerrow,
who has been governor since ..."), and a populated place when it
gives its population or calls it a town or a capital ("Castel, home to 31,000
people", "Castel and its 11,800 residents", "Castel, a market town of ...",
"Lisk, the Morvanian capital").  A name the next sentence opens by describing
with a noun of a calling is a person too ("An archive devoted to Lind opened on
Tuesday.  The composer, who ..."; ``data/vocations.tsv``: not a post such as
"the mayor", who may be the mayor of a place just named).  The article's other mentions of the name
follow through :func:`newsledger.components.ner.names.repeats`.

Each pattern reads a few characters on either side of the name, so a call
costs a scan of the article's capitalised words.
"""

from __future__ import annotations

import re
from functools import cache

from newsledger.components.ner.rules import Doc, Span, is_name_word
from newsledger.components.ner.tables import Tables
from newsledger.core.wordlists import vocations

NAME_POS = frozenset({"PROPN", "NOUN"})
MAX_WORDS = 3  # "Anna Maria Lind, 45,"
_NUMBER = r"(?:about |around |some |nearly |almost |more than |over |fewer than )?[\d][\d,.]*(?: million)?"
_PEOPLE = r"(?:people|inhabitants|residents|souls)"
PERSON_AFTER = re.compile(
    r"\s?,\s(?:(?:1[01]\d|[1-9]\d?)\s?,(?!\d)"  # "Ekdahl, 39,": an age in apposition
    r"|(?:a (?:\w+ )?member of|who represents) (?:the )?(?:[A-Z][\w'-]* ){1,4}Party\b"  # "a member of the X Party"
    r"|(?:who was )?born (?:in|on) |who died\b|a native of )"  # "Kerrow, born in Halvik"
)
WHO_POST = re.compile(
    r"\s?,\swho\s(?:is|was|has\sbeen|had\sbeen|became|served\sas)\s"
    r"(?:(?:the|a|an)\s|[A-Z][\w-]*['’]s\s)?"  # "who became Kaldra's prime minister"
    r"((?:[a-z]+\s){0,2}[a-z]+)\b"
)
PERSON_BEFORE = re.compile(r"\b[Tt]he (?:1[01]\d|[1-9]\d?)-year-old $")
PLACE_AFTER = re.compile(
    rf"\s?,\shome to {_NUMBER} {_PEOPLE}\b"
    rf"|\sand its {_NUMBER} {_PEOPLE}\b"
    r"|\s?,\sa (?:[a-z]+ ){0,2}(?:town|city|village|port|capital|municipality) (?:of|on|in|near)\b"
    r"|\s?,\sthe (?:[A-Z][a-z]+ )?capital\b"
    r"|'s population of\b"
)


@cache
def _described_next() -> re.Pattern[str]:
    """The rest of a name's sentence, then a sentence opening "The composer, who" or
    "The Tormund-born composer's"."""
    nouns = "|".join(sorted(vocations(), key=len, reverse=True))
    return re.compile(
        rf"[^.!?\n]{{0,200}}[.!?]\s+The (?:[A-Z][\w-]*-born )?(?:{nouns})(?:,\s(?:who|whose)\b|'s\b)"
    )


def _holds_post(after: str, t: Tables) -> bool:
    """ "X, who has been governor since 2019": a relative clause gives X a post ("who
    have been champions" of a club is no post)."""
    m = WHO_POST.match(after)
    if m is None:
        return False
    words = m.group(1).split()  # "interior minister since": a title among them
    spans = (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    return any(span in t.titles for span in spans)


def _run_end(d: Doc, i: int, mask: list[bool]) -> int:
    """Index after the last word of the untagged name starting at token ``i``."""
    j = i + 1
    while (
        j < len(d.toks)
        and j - i < MAX_WORDS
        and not mask[j]
        and is_name_word(d.toks[j].text)
        and d.toks[j].start == d.toks[j - 1].end + 1
        and d.line(d.toks[j].start) == d.line(d.toks[i].start)
    ):
        j += 1
    return j


def described_names(d: Doc, t: Tables, mask: list[bool]) -> list[Span]:
    """Untagged names whose apposition or modifier says they are a person or a place."""
    lower = {x.text for x in d.toks if x.text[:1].islower()}
    found: list[Span] = []
    i = 0
    while i < len(d.toks):
        tok = d.toks[i]
        if (
            mask[i]
            or not is_name_word(tok.text)
            or tok.pos not in NAME_POS
            or tok.text.lower() in lower
            or d.caps_at(tok.start)
            or (i > 0 and not mask[i - 1] and is_name_word(d.toks[i - 1].text))
        ):
            i += 1
            continue
        j = _run_end(d, i, mask)
        start, end = tok.start, d.toks[j - 1].end
        after = d.text[end : end + 80]
        if (
            PERSON_AFTER.match(after)
            or PERSON_BEFORE.search(d.text[max(0, start - 24) : start])
            or (tok.text not in t.places and _described_next().match(d.text, end, end + 300))
            or _holds_post(after, t)
        ):
            found.append(Span(start, end, "PERSON", "rule"))
        elif j - i == 1 and tok.text not in t.given and PLACE_AFTER.match(after):
            found.append(Span(start, end, "GPE", "rule"))
        i = j
    return found
