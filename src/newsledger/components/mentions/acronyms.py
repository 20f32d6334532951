"""Acronyms a report defines: "Institute for Study of Coastal Societies (ISCS)".

A long form is extended to the parenthesis when the alias data says so
("Islamic State group in Khorasan (EI-K)" is the Khorasan branch, not
"Islamic State"); translated names may define an acronym that does not spell
their words ("National Resistance Front (FNR)").
"""

from __future__ import annotations

import bisect
import re

from newsledger.components.mentions.spans import Span, overlaps
from newsledger.corpus.aliases import AliasEntry, AliasTable
from newsledger.corpus.keys import acronym_matches, content_tokens, fold, is_acronym, lexicon

__all__ = ["acronym_definitions"]

# Labels whose long form may define an acronym that does not spell its words
# (translated names: "National Resistance Front (FNR)").
_LENIENT_ACRONYM_LABELS = frozenset({"ORG", "NORP", "FAC", "EVENT", "LAW", "PRODUCT"})

_ACR = r"\(\s*([A-Z][A-Za-z0-9&./\-]{0,11}?)\s*\)"
_ACR_AFTER = re.compile(r"[ \t]*" + _ACR)
_EXTENSION = re.compile(r"((?:[ \t]+[\w'’\-]+){1,5}?)[ \t]*" + _ACR)


def _alias_consistent(acr: AliasEntry | None, long_form: str, table: AliasTable) -> bool:
    if acr is None:
        return False
    long_entry = table.lookup(long_form)
    if long_entry is not None:
        return long_entry.key == acr.key
    want = set(content_tokens(long_form))
    return any(set(content_tokens(s)) == want for s in table.surfaces(acr.key) if not is_acronym(s))


def _extension_ok(words: str) -> bool:
    connectors = lexicon().long_form_connectors
    return all(w[:1].isupper() or fold(w) in connectors for w in words.split())


def acronym_definitions(
    text: str, spans: list[Span], table: AliasTable
) -> tuple[list[Span], list[tuple[int, int]]]:
    """Find "Long Form (ACR)" definitions; return spans with the acronyms added and
    (long form index, acronym index) pairs."""
    found: list[tuple[Span, int, int]] = []  # long span, acronym start, acronym end
    dropped: set[int] = set()
    for i, sp in enumerate(spans):
        if i in dropped:
            continue
        m = _ACR_AFTER.match(text, sp.end)
        extended = False
        if m is None:
            m = _EXTENSION.match(text, sp.end)
            if m is None or not _extension_ok(m.group(1)):
                continue
            extended = True
        acr = m.group(m.lastindex or 1)
        if not is_acronym(acr):
            continue
        long_end = m.end(1) if extended else sp.end
        long_form = text[sp.start : long_end]
        acr_entry = table.lookup(acr)
        ok = acronym_matches(acr, long_form) or _alias_consistent(acr_entry, long_form, table)
        if not ok and not extended:
            ok = (
                sp.label in _LENIENT_ACRONYM_LABELS
                and len(content_tokens(long_form)) >= 2
                and not long_form.isupper()  # "NEW YORK (AP)" is a dateline
            )
        if not ok:
            continue
        if extended:
            for j in range(i + 1, len(spans)):
                if spans[j].start >= long_end:
                    break
                dropped.add(j)
            sp.end = long_end
            if acr_entry is not None:
                sp.label = acr_entry.type
        found.append((sp, m.start(m.lastindex or 1), m.end(m.lastindex or 1)))
    kept = [sp for j, sp in enumerate(spans) if j not in dropped]
    at = {(sp.start, sp.end): sp for sp in kept}
    starts = [sp.start for sp in kept]
    for long_sp, a, b in found:
        if (a, b) not in at and not overlaps(kept, starts, a, b):
            new = Span(a, b, long_sp.label)
            k = bisect.bisect_left(starts, a)
            kept.insert(k, new)
            starts.insert(k, a)
            at[(a, b)] = new
    index = {id(sp): k for k, sp in enumerate(kept)}
    defs = [
        (index[id(long_sp)], index[id(at[(a, b)])])
        for long_sp, a, b in found
        if id(long_sp) in index and (a, b) in at
    ]
    return kept, defs
