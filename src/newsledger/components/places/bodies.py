"""Places that are the jurisdiction of a public body or office, whatever the entity
label: "Kentucky State Police", "Government of Alberta", "Beaconsfield Mayor",
"Danbury police" (cue words in ``data/places_bodies.tsv``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsledger.components.places.candidates import Candidate
from newsledger.components.places.gazetteer import Gazetteer, Hit, key
from newsledger.core.model import Token

PASS = frozenset({"&", "'s", "’s"})  # may stand between a place and its body word
BODY_GAP = 4  # at most this many words between "Kentucky" and "Police"
BODY_TOWN_POP = 1000  # a village of fewer people is more often a word ("BC Hydro officials")


def body_places(
    text: str,
    toks: Sequence[Token],
    gz: Gazetteer,
    cue: dict[str, frozenset[str]],
    table: dict[str, str],
    overlaps: Callable[[int, int], bool],
    add: Callable[[Candidate], None],
) -> None:
    """Places that are the jurisdiction of a public body or office, whatever the entity
    label: "Kentucky State Police", "Government of Alberta", "Danbury police"."""
    after, of, lower = cue.get("after", ()), cue.get("of", ()), cue.get("after_lower", ())
    not_place = cue.get("not_place", frozenset())
    division = cue.get("division", frozenset())
    not_last = division | cue.get("not_last", frozenset())
    ends: set[int] = set()  # token index just past a possible place name
    starts: set[int] = set()  # first token of the place in "Government of X"
    for k, t in enumerate(toks):
        w = t.text
        if w in lower:
            ends.add(k)
        elif w in after:
            for j in range(k, max(k - BODY_GAP, 0), -1):
                ends.add(j)
                pw = toks[j - 1].text
                if not (pw[:1].isupper() or pw in PASS):
                    break
        elif w == "of" and k and toks[k - 1].text in of:
            starts.add(k + 1)
    spans: list[tuple[int, int, bool]] = []
    for j in sorted(ends):
        for width in (3, 2, 1):
            if j - width >= 0:
                spans.append((j - width, j, False))
    for i in sorted(starts):
        for width in (3, 2, 1):
            if i + width <= len(toks):
                spans.append((i, i + width, True))
    spans.sort(key=lambda x: (x[0], -x[1]))
    for i, j, of_cue in spans:
        prev = toks[i - 1] if i else None
        glued = prev is not None and (
            prev.text == "-" or (prev.text[:1].isupper() and prev.pos == "PROPN")
        )
        if (
            (glued and not of_cue)
            or toks[i].text in not_place
            or toks[j - 1].text in not_last
            or any(not toks[k].text[:1].isupper() for k in range(i, j))
        ):
            continue
        s, e = toks[i].start, toks[j - 1].end
        name = text[s:e]
        if name in table or overlaps(s, e):
            continue
        hits = [h for h in gz.lookup(name) if not h.alt and _town_or_more(h)]
        if j < len(toks) and toks[j].text in division:
            # "Metcalfe County Sheriff's Office": the county, not a town named Metcalfe
            hits = [h for h in hits if h.record.feature not in ("city", "capital")]
        if hits:
            add(Candidate(s, e, name, key(name), hits, "body", kind="in_name"))


def _town_or_more(h: Hit) -> bool:
    r = h.record
    return r.feature not in ("city", "capital") or r.population >= BODY_TOWN_POP
