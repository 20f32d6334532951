"""Lists that a plural noun introduces: "retailers including Brenmart, Harvest and Osk".

spaCy types each member of such a list on its own, so a shop named after a season
becomes a place and a firm named after a person a person.  The noun before the list
says what every member is: a company or body noun (``org_before`` of
``data/ner_cues.tsv``, in the plural: "retailers", "firms", "bands") makes them
organisations, a product noun ("brands", ``product_before``) products, a kind of work
("films", "hits", ``work_before``) titles of works.  Countries and
names found by the gazetteers keep their type.
"""

from __future__ import annotations

from newsledger.components.ner.rules import Doc, Span
from newsledger.components.ner.tables import Tables, cues

INTRODUCERS = frozenset({"including", "include", "includes", "like"})  # and "such as"
SEPARATORS = frozenset({", ", " and ", ", and ", " or ", ", or "})
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
    noun = d.toks[k].text
    if not (noun.islower() and noun.endswith("s")):
        return None
    c = cues()
    if noun in c.product_before:
        return "PRODUCT"
    if noun in c.org_before:
        return "ORG"
    if noun in c.work_before:
        return "WORK_OF_ART"
    return None


def introduced_lists(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Members of a list after "<plural noun> including/like/such as" take the noun's type."""
    spans = sorted(spans, key=lambda s: s.start)
    starts = {s.start: k for k, s in enumerate(spans)}
    out = list(spans)
    for i in range(len(d.toks) - 1):
        kind = list_kind(d, i)
        if kind is None:
            continue
        k = starts.get(d.toks[i + 1].start)
        while k is not None:
            s = spans[k]
            txt = d.text[s.start : s.end]
            if s.label in RETYPED and s.src != "gaz" and txt not in t.polities:
                out[k] = Span(s.start, s.end, kind, "rule")
            nxt = spans[k + 1] if k + 1 < len(spans) else None
            gap = d.text[s.end : nxt.start] if nxt is not None else ""
            gap = gap.removesuffix("The ").removesuffix("the ")  # "... and The Grudge"
            if nxt is None or gap not in SEPARATORS:
                break
            k += 1
    return out
