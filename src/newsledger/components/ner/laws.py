"""Bills and acts cut from their titles: "the Finance Bill", "the Health Service
(Miscellaneous Provisions) Bill", "as the Bill passes through the Lords".

spaCy reads the head word of a bill's title as a man's name ("Bill" a person) or a body,
and leaves the words before it out, most of all when a bracketed part stands between
them.  A span that is the one word "Bill" or "Act", typed a person, body or place and not
followed by a capitalised word (which would make it a given name: "Bill Vane"), is the
law whose title is the run of capitalised words (with bracketed parts and hyphens) right
before it; with no such run, after a lower-case "the" outside a report on television
(where "The Bill" is a programme), it is the law itself.  Each becomes one LAW span.
"""

from __future__ import annotations

from newsledger.components.ner.rules import Doc, Span
from newsledger.components.ner.screen_roles import screen_report

HEADS = frozenset({"Bill", "Act"})
RETYPED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
MAX_WORDS = 10  # words of a title before its head


def title_start(d: Doc, ts: int) -> int:
    """The first token of the capitalised run (with bracketed parts) that ends right before
    token ``ts`` in its sentence (``ts``: none)."""
    i = ts
    while i > 0 and ts - i < MAX_WORDS and d.toks[i - 1].sent == d.toks[ts].sent:
        w = d.toks[i - 1].text
        if w == ")":
            k = i - 2
            while k >= 0 and d.toks[k].text != "(" and i - k < MAX_WORDS:
                k -= 1
            if k < 0 or d.toks[k].text != "(" or k == i - 2:
                break
            i = k
        elif w[:1].isupper() and w.replace("-", "").isalpha():
            i -= 1
        else:
            break
    return i


def bills(d: Doc, spans: list[Span]) -> list[Span]:
    """Bills and acts cut from their titles become LAW spans (see the module's docstring)."""
    new: list[Span] = []
    screen: bool | None = None
    for s in spans:
        if s.label not in RETYPED or s.src == "gaz" or d.text[s.start : s.end] not in HEADS:
            continue
        ts, te = d.tok_range(s.start, s.end)
        if te < len(d.toks) and d.toks[te].text[:1].isupper():
            continue  # "Bill Vane": a given name
        start = title_start(d, ts)
        if start == ts:
            if d.word(ts - 1) != "the":
                continue
            if screen is None:
                screen = screen_report(d)
            if screen:
                continue  # "The Bill": a police drama
        new.append(Span(d.toks[start].start, s.end, "LAW", "rule"))
    if not new:
        return spans
    keep = [s for s in spans if not any(s.start < n.end and n.start < s.end for n in new)]
    return keep + new
