"""Lists that a plural noun introduces: "retailers including Brenmart, Harvest and Osk".

spaCy types each member of such a list on its own, so a shop named after a season
becomes a place and a firm named after a person a person.  The noun before the list
says what every member is (for works, also a plural noun opening the clause: "Other
films generating interest include X"): a company or body noun (``org_before`` of
``data/ner_cues.tsv``, in the plural: "retailers", "firms", "bands") makes them
organisations, a product noun ("brands", ``product_before``) products, a kind of work
("films", "hits", ``work_before``) titles of works, a plural place noun ("towns", "cities")
places.  Countries and
names found by the gazetteers keep their type.
"""

from __future__ import annotations

from newsledger.components.ner.rules import Doc, Span, person_like
from newsledger.components.ner.tables import Tables, cues

INTRODUCERS = frozenset({"including", "include", "includes", "like"})  # and "such as"
SEPARATORS = frozenset({", ", " and ", ", and ", " or ", ", or "})
PLACES = frozenset({"towns", "cities", "villages", "countries", "capitals", "provinces"})
POSSESSIVE = frozenset({"'s", "’s"})
RETYPED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


def list_kind(d: Doc, i: int) -> str | None:
    """The type a plural noun gives the list that starts after token ``i`` (an introducer)."""
    w = d.toks[i].text
    k = i - 1
    if w == "as" and k >= 0 and d.toks[k].text == "such":
        k -= 1
    elif w not in INTRODUCERS:
        return None
    while k >= 0 and d.toks[k].text in {"-", "–", ",", "'s", "’s"}:
        k -= 1
    if k < 0:
        return None
    kind = noun_kind(d, k)
    if kind is None and w != "as":
        kind = subject_works(d, k)
    return kind


LOOK_BACK = 8  # words between a kind of work and "include" ("films generating interest ...")


def subject_works(d: Doc, k: int) -> str | None:
    """ "Other films generating interest this year include X": the first plural noun before
    the introducer in its clause, when it is a kind of work, makes the list titles."""
    work = cues().work_before
    sent = d.toks[k].sent
    for j in range(k, max(-1, k - LOOK_BACK), -1):
        tok = d.toks[j]
        if tok.sent != sent or tok.text in {",", ";", ":", "-", "–"}:
            return None
        if tok.text.islower() and tok.text.endswith("s") and tok.pos == "NOUN":
            return "WORK_OF_ART" if tok.text in work else None
    return None


def noun_kind(d: Doc, k: int) -> str | None:
    """The type a lower-case plural noun at token ``k`` gives the names it introduces."""
    noun = d.toks[k].text
    if not (noun.islower() and noun.endswith("s")):
        return None
    c = cues()
    if noun in PLACES:
        return "GPE"  # "towns and cities including Cardiff, Bangor and Wrexham"
    if noun == "names" and k > 0 and d.toks[k - 1].text == "brand":
        return "PRODUCT"  # "brand names such as X and Y"
    if noun in c.product_before:
        return "PRODUCT"
    if noun in c.org_before:
        return "ORG"
    if noun in c.work_before:
        return "WORK_OF_ART"
    return None


def members(d: Doc, spans: list[Span], k: int) -> list[int]:
    """The indices of the list of names that opens with ``spans[k]``."""
    out = [k]
    while k + 1 < len(spans):
        gap = d.text[spans[k].end : spans[k + 1].start]
        gap = gap.removesuffix("The ").removesuffix("the ")  # "... and The Grudge"
        if gap not in SEPARATORS:
            break
        k += 1
        out.append(k)
    return out


def bare_list(d: Doc, t: Tables, spans: list[Span], run: list[int], kind: str) -> bool:
    """May a list right after a plural noun take its type ("the hit singles X, Y and Z",
    "construction companies X and Y")?  Two names at least, and for works no person's name
    when a word follows the list ("the films Ann Vane and Tom Hale made")."""
    if len(run) < 2:
        return False
    if kind != "WORK_OF_ART":
        return True
    end = spans[run[-1]].end
    follows = d.text[end : end + 2].strip()[:1]
    if not follows or not follows.islower():
        return True
    return not any(
        spans[k].label == "PERSON" or person_like(t, d.text[spans[k].start : spans[k].end].split())
        for k in run
    )


def introduced_lists(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Members of a list after "<plural noun> including/like/such as" take the noun's type,
    and so do those of a list of two or more right after the plural noun."""
    spans = sorted(spans, key=lambda s: s.start)
    starts = {s.start: k for k, s in enumerate(spans)}
    out = list(spans)
    for i in range(len(d.toks) - 1):
        kind = list_kind(d, i)
        first = starts.get(d.toks[i + 1].start)
        if kind is None and first is not None and d.toks[i].pos == "NOUN":
            kind = noun_kind(d, i)
            if kind is not None and not bare_list(d, t, spans, members(d, spans, first), kind):
                kind = None
        if kind is None or first is None:
            continue
        for k in members(d, spans, first):
            s = spans[k]
            txt = d.text[s.start : s.end]
            if kind != "ORG" and d.text[s.end : s.end + 2] in POSSESSIVE:
                continue  # "programmes including Channel 4's X": the channel owns the title
            if s.label in RETYPED and s.src != "gaz" and txt not in t.polities:
                out[k] = Span(s.start, s.end, kind, "rule")
    return out
