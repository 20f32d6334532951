"""Products and technologies named by "called", "dubbed" or "known as" after a word for
their kind: "its internet telephony software, known as Vane Talk", "a speed test called
Tesspack", "a technology called Broad Line".

spaCy types such names by their shape, most often as a body.  The word for the kind right
before the naming verb (a comma between them allowed) tells what the name is:

* after a word for a product (``PRODUCT_KINDS``: "software", "service", "test", "drug",
  "console") the name is a product;
* after a word for a kind of technology (``TECH_KINDS``: "technology", "standards",
  "protocol") the name is a technology's, a generic term, no name: it is dropped.

Only a span that starts right after the naming words (or after a lower-case "the") and
that spaCy typed a person, body, place or facility changes; names the gazetteers found
stay.
"""

from __future__ import annotations

from newsledger.components.ner.rules import Doc, Span

PRODUCT_KINDS = frozenset(
    {"software", "service", "services", "program", "programs", "device", "devices"}
    | {"console", "consoles", "handset", "handsets", "phone", "phones", "gadget", "robot"}
    | {"drug", "drugs", "painkiller", "browser", "application", "test", "tool", "player"}
    | {"camera", "computer", "supercomputer", "machine", "car", "cars", "model", "brand"}
    | {"chip", "processor", "system"}
)  # "software, known as X": a product
TECH_KINDS = frozenset(
    {"technology", "technologies", "standard", "standards", "protocol", "protocols"}
    | {"format", "formats", "networks", "network"}
)  # "a technology called X": a generic term
RETYPED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
NAMING = (("called",), ("dubbed",), ("known", "as"))
FIRST_WORDS = frozenset(words[0] for words in NAMING)


def kind_before(d: Doc, k: int) -> str | None:
    """The kind word before the naming words opening at token ``k`` ("software, known as":
    "software"; ``None``: no kind word there)."""
    j = k - 1
    if d.word(j) == ",":
        j -= 1
    w = d.word(j)
    if j < 0 or not w.islower():
        return None
    return w if w in PRODUCT_KINDS or w in TECH_KINDS else None


def named_after(d: Doc) -> dict[int, str]:
    """Character offsets where a name follows naming words, with the kind word before."""
    out: dict[int, str] = {}
    for k in range(len(d.toks) - 1):
        if d.toks[k].text not in FIRST_WORDS:
            continue  # most tokens: no naming word starts here
        for words in NAMING:
            got = tuple(x.text for x in d.toks[k : k + len(words)])
            if got != words:
                continue
            kind = kind_before(d, k)
            n = k + len(words)
            if kind is None or n >= len(d.toks):
                continue
            if d.word(n) == "the" and n + 1 < len(d.toks):
                n += 1
            out[d.toks[n].start] = kind
    return out


def called(d: Doc, spans: list[Span]) -> list[Span]:
    """Apply the rules of this module (see its docstring)."""
    after = named_after(d)
    if not after:
        return spans
    out: list[Span] = []
    for s in spans:
        kind = after.get(s.start)
        if kind is None or s.label not in RETYPED or s.src == "gaz":
            out.append(s)
        elif kind in PRODUCT_KINDS:
            out.append(Span(s.start, s.end, "PRODUCT", "rule"))
    return out
