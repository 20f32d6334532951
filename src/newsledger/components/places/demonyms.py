"""Demonyms and place adjectives as places of kind ``demonym``: "Sudanese officials",
"the Turkish capital", "South African police".

A reader counts them as mentions of the country; they resolve to the country's
gazetteer entry.  Forms come from ``data/demonyms.tsv`` (exact case); peoples,
faiths and regions without a country ("Basque", "Coptic") are left out.  The
country context the resolver reads from them is :func:`recognize.demonym_countries`.
"""

from __future__ import annotations

from collections.abc import Callable

from newsledger.components.places.gazetteer import Gazetteer, Hit, demonyms
from newsledger.core.model import Analysis

MAX_WORDS = 3  # "South East Asian", "Central African"


def demonym_spans(
    a: Analysis, gz: Gazetteer, overlaps: Callable[[int, int], bool]
) -> list[tuple[int, int, list[Hit]]]:
    """``(start, end, [country hit])`` of every demonym the document uses as a word."""
    table = demonyms()
    toks = a.annotated.tokens
    text = a.text
    out: list[tuple[int, int, list[Hit]]] = []
    i, n = 0, len(toks)
    while i < n:
        if not toks[i].text[:1].isupper():
            i += 1
            continue
        for width in range(MAX_WORDS, 0, -1):
            j = i + width
            if j > n:
                continue
            s, e = toks[i].start, toks[j - 1].end
            cc = table.get(text[s:e])
            rec = gz.country(cc) if cc else None
            if rec is not None and not overlaps(s, e):
                out.append((s, e, [Hit(rec, False)]))
                i = j - 1
                break
        i += 1
    return out
