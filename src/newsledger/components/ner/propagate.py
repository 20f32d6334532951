"""Step 5 of the NER fixes: make a report consistent with its own full names and acronyms.

A surname of a full PERSON name, an acronym defined in brackets after an
organisation and the demonym of a one-word place name take the type their
defining mention has, wherever else they stand in the report.
"""

from __future__ import annotations

from newsledger.components.ner.names import covered
from newsledger.components.ner.rules import RETYPABLE, Doc, Span, is_name_word
from newsledger.components.ner.tables import Tables

DEMONYM_SUFFIXES = ("i", "is", "ian", "ians", "an", "ans", "ese")


def acronyms(d: Doc, t: Tables, spans: list[Span]) -> dict[int, Span]:
    """ "International Crisis Group (ICG)": the acronym names the organisation too."""
    out: dict[int, Span] = {}
    n = len(d.toks)
    for s in spans:
        if s.label != "ORG" or len(d.text[s.start : s.end].split()) < 2:
            continue
        i = d.tok_range(s.start, s.end)[1]
        if i + 2 < n and d.toks[i].text == "(" and d.toks[i + 2].text == ")":
            acr = d.toks[i + 1]
            if (
                2 <= len(acr.text) <= 8
                and acr.text.replace("-", "").isupper()
                and acr.text not in t.places_upper
            ):
                out[i + 1] = Span(acr.start, acr.end, s.label, "rule")
    return out


def propagate(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Make the document consistent with its own full names and acronyms."""
    known: dict[str, str] = {}
    acr = acronyms(d, t, spans)
    for s in acr.values():
        known[d.text[s.start : s.end]] = s.label
    for s in spans:
        words = d.text[s.start : s.end].split()
        if len(words) < 2:
            continue
        if s.label == "PERSON":
            for w in words:
                if is_name_word(w) and len(w) > 2 and w not in t.places and w not in t.demonyms:
                    known.setdefault(w, "PERSON")
        elif s.label == "LOC" and t.keywords.get(words[-1]) == "LOC":
            known.setdefault(" ".join(words[:-1]), "LOC")
    places = {d.text[s.start : s.end] for s in spans if s.label in {"GPE", "LOC"}}
    places.update(k for k, v in known.items() if v == "LOC")
    for name in places:
        if " " not in name:
            for suffix in DEMONYM_SUFFIXES:  # "Panjshir" -> "Panjshiri": its people
                known.setdefault(name + suffix, "NORP")
    if not known:
        return spans
    acr_starts = {x.start for x in acr.values()}
    out: list[Span] = []
    for s in spans:
        if s.start in acr_starts:
            continue
        label = known.get(d.text[s.start : s.end])
        if s.src != "gaz" and s.label in RETYPABLE and label is not None and label != s.label:
            s = Span(s.start, s.end, label, "rule")
        out.append(s)
    out.extend(acr.values())
    mask = covered(d, out)
    acr_text = {d.text[s.start : s.end] for s in acr.values()}
    for i in d.capitalised:
        tok = d.toks[i]
        label = known.get(tok.text)
        if mask[i]:
            continue
        if (
            label is None
            or d.caps_at(tok.start)
            or (tok.pos != "PROPN" and tok.text not in acr_text)
        ):
            continue
        nb = [d.toks[k] for k in (i - 1, i + 1) if 0 <= k < len(d.toks)]
        if any(x.pos == "PROPN" and x.text[:1].isupper() for x in nb):
            continue
        out.append(Span(tok.start, tok.end, label, "rule"))
    return out
