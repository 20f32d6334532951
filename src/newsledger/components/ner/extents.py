"""Names the tagger cut short of their head word.

"the Bodleian Library", "the Mental Capacity Bill" tagged "Bodleian" (NORP) and "Mental
Capacity" (ORG): a capitalised head word of a building, an institution or a bill just
after the span, in its sentence and in no other span, joins it and types it (a building
FAC, an institution ORG, a bill or act LAW); the same words alone elsewhere in the
report ("held in the Bodleian") take that type.
"""

from __future__ import annotations

from newsledger.components.ner.rules import Doc, Span

HEADS = {
    **dict.fromkeys(
        (
            *("Library", "Museum", "Gallery", "Theatre", "Theater", "Stadium", "Arena"),
            *("Hospital", "Cathedral", "Abbey", "Palace", "Castle", "Airport", "Prison"),
        ),
        "FAC",
    ),
    **dict.fromkeys(("College", "University", "School", "Institute"), "ORG"),
    **dict.fromkeys(("Bill", "Act"), "LAW"),
}
FROM = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT"})


def extents(d: Doc, spans: list[Span]) -> list[Span]:
    """Spans ``spans`` (sorted, disjoint) with their cut head words joined."""
    taken: set[int] = set()
    for s in spans:
        ts, te = d.tok_range(s.start, s.end)
        taken.update(range(ts, te))
    out: list[Span] = []
    for s in spans:
        if s.src == "gaz" or s.label not in FROM:
            out.append(s)
            continue
        ts, te = d.tok_range(s.start, s.end)
        end, label = s.end, s.label
        if te < len(d.toks) and te not in taken:
            head = d.toks[te]
            if (
                head.text in HEADS
                and d.text[s.end : head.start] == " "
                and head.sent == d.toks[te - 1].sent
                and not d.word(te + 1)[:1].isupper()  # "US Bill Vane": a given name
            ):
                end, label = head.end, HEADS[head.text]
        out.append(s if end == s.end else Span(s.start, end, label, "rule"))
    # the name cut short elsewhere in the report is the same thing ("the Bodleian")
    short = {d.text[s.start : s.end]: o.label for s, o in zip(spans, out, strict=True) if s != o}
    return [
        Span(o.start, o.end, short[d.text[o.start : o.end]], "rule")
        if o.src != "gaz" and o.label in FROM and d.text[o.start : o.end] in short
        else o
        for o in out
    ]
