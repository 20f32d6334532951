"""Casualty figures of ASSAULT events: "left 137 dead", "killing 15 and wounding 40".

Patterns (``data/event_casualties.tsv``) run only on sentences that hold an
ASSAULT trigger or casualty word.  A figure goes to the ASSAULT mention of its
sentence nearest to it (a real trigger before a casualty word).  Numbers that
spaCy marks as dates, times, money, percentages or ordinals are not figures.

:func:`settle` turns an event's figures into its ``killed``/``injured``
values: a revised toll ("the death toll rose to 143") wins, the latest one in
the text first; otherwise the largest figure (tolls only grow, and "137 dead,
including three children" must stay 137).  Every figure is kept, in text
order, as the casualty history.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from newsledger.components.events.detect import Cand, DocIndex, Figure
from newsledger.components.events.lexicon import Lexicon, parse_number

NOT_FIGURES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
MAX_FIGURE = 10_000_000


def figures_in(
    text: str, lex: Lexicon, offset: int = 0, skip: Callable[[int], bool] | None = None
) -> list[Figure]:
    """Casualty figures of a text (a sentence), in text order, offsets shifted by ``offset``.

    ``skip(start)`` tells which numbers are not figures (dates, money, ...).
    """
    if not lex.casualty_gate.search(text) or not lex.number.search(text):
        return []
    taken: set[int] = set()
    out: list[Figure] = []
    for pat in lex.casualties:
        for m in pat.regex.finditer(text):
            ns, ne = offset + m.start("num"), offset + m.end("num")
            if ns in taken or (skip is not None and skip(ns)):
                continue
            value = parse_number(m.group("num"), lex.numbers)
            if value is None or value > MAX_FIGURE:
                continue
            taken.add(ns)
            out.append(Figure(pat.kind, value, ns, ne, pat.update))
    out.sort(key=lambda f: f.start)
    return out


def sentence_figures(ix: DocIndex, si: int) -> list[Figure]:
    """Every casualty figure of one sentence, in text order."""
    s = ix.a.annotated.sents[si]

    def not_figure(start: int) -> bool:
        k = ix.a.annotated.token_at(start)
        return k < len(ix.tokens) and ix.ent_label[k] in NOT_FIGURES

    return figures_in(ix.text[s.start : s.end], ix.lex, s.start, not_figure)


def assign(ix: DocIndex, cands: Sequence[Cand]) -> None:
    """Give each casualty figure to the nearest ASSAULT mention of its sentence."""
    by_sent: dict[int, list[Cand]] = {}
    for c in cands:
        if c.type == "ASSAULT":
            by_sent.setdefault(c.sent, []).append(c)
    for si, group in by_sent.items():
        for f in sentence_figures(ix, si):
            best = min(group, key=lambda c: (c.aux, abs(c.start - f.start)))
            best.figures.append(f)


def settle(
    figures: Iterable[Figure],
) -> tuple[int | None, int | None, tuple[tuple[str, int, int, int], ...]]:
    """``(killed, injured, history)`` from an event's figures."""
    figs = sorted(set((f.start, f.end, f.kind, f.value, f.update) for f in figures))
    values: dict[str, int | None] = {"killed": None, "injured": None}
    for kind in values:
        mine = [f for f in figs if f[2] == kind]
        updates = [f for f in mine if f[4]]
        if updates:
            values[kind] = updates[-1][3]
        elif mine:
            values[kind] = max(f[3] for f in mine)
    history = tuple((f[2], f[3], f[0], f[1]) for f in figs)
    return values["killed"], values["injured"], history
