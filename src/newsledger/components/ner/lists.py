"""Lists of names that are mostly people or mostly firms: their odd members take the list's type.

"Cech, Ferreira, Carvalho, Terry" names players and "Nokia, Intel, Philips,
Alcatel" firms; spaCy types a member of such a list from its own few words and
gets some wrong.  :func:`list_people` (run by
:mod:`newsledger.components.ner.stage` after the document's evidence) gives the
one-word odd members the type of the list's majority.
"""

from __future__ import annotations

from newsledger.components.ner.rules import Doc, Span
from newsledger.components.ner.tables import Tables

LIST_SEPARATORS = frozenset({", ", "; ", " and ", ", and "})
MIN_LIST = 4  # names in a run before the run's majority types its odd members


def list_runs(d: Doc, spans: list[Span]) -> list[list[int]]:
    """Runs of one-line names separated only by commas, semicolons or "and" (indices)."""
    runs: list[list[int]] = []
    cur: list[int] = []
    for k, s in enumerate(spans):
        if cur:
            prev = spans[cur[-1]]
            gap = d.text[prev.end : s.start]
            if gap in LIST_SEPARATORS:
                cur.append(k)
                continue
            runs.append(cur)
        cur = [k]
    if cur:
        runs.append(cur)
    return [r for r in runs if len(r) >= MIN_LIST]


def list_people(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """In a list of names that are mostly people ("Cech, Ferreira, Carvalho, Terry") or
    mostly organisations ("Nokia, Intel, Philips, Alcatel"), the one-word members typed
    otherwise take the list's type (countries excepted)."""
    spans = sorted(spans, key=lambda s: s.start)
    out = list(spans)
    named = {  # the words of the article's full person names ("Charlton" of "Hall Charlton")
        w for s in spans if s.label == "PERSON" for w in d.text[s.start : s.end].split()[1:]
    }
    for run in list_runs(d, spans):
        known = sum(d.text[spans[k].start : spans[k].end] in named for k in run)
        for label in ("PERSON", "ORG"):
            members = sum(
                spans[k].label == label
                and not (label == "ORG" and d.text[spans[k].start : spans[k].end] in named)
                for k in run
            )
            if label == "PERSON":
                members = max(members, known)
            if members * 2 <= len(run) or (label == "ORG" and known):
                continue
            for k in run:
                s = spans[k]
                txt = d.text[s.start : s.end]
                if (
                    s.label in {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"}
                    and s.label != label
                    and s.src != "gaz"
                    and " " not in txt
                    and txt not in t.polities
                    and not (label == "ORG" and txt in t.given)
                ):
                    out[k] = Span(s.start, s.end, label, "rule")
    return out
