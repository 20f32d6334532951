"""Corpus-level work: resolve entities across documents and rewrite records.

Used by ``extract`` (one call = one corpus, in memory) and by the store after
ingest or load (:func:`refresh_store`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from newsledger.components.mentions.sport import UNKNOWN, report_sport, rules_stamp, sport_lean
from newsledger.core.model import Entity, Mention
from newsledger.core.record import Record, apply_resolution, record_entities
from newsledger.corpus.tables import refresh_tables
from newsledger.store import Store


def _resolve(
    docs: Sequence[tuple[str, Sequence[Entity]]],
    aliases_file: Path | None = None,
    overrides: Sequence[tuple[str, str, str | None]] = (),
    sports: Mapping[str, str] | None = None,
    leans: Mapping[str, str] | None = None,
) -> tuple[dict[tuple[str, str], str], dict[str, Entity]]:
    from newsledger.corpus import resolve

    table = resolve.load_aliases(aliases_file)
    res = resolve.resolve(
        docs,
        aliases=table,
        overrides=resolve.Overrides.from_rows(overrides),
        sports=sports,
        leans=leans,
    )
    return dict(res.mapping), dict(res.entities)


def resolve_records(records: Sequence[Record], aliases_file: Path | None = None) -> list[Record]:
    """Resolve entities across ``records`` and return them with global ids."""
    sports = {r["id"]: report_sport(r["text"]) for r in records}
    leans = {r["id"]: sport_lean(r["text"]) for r in records if sports[r["id"]] == UNKNOWN}
    mapping, globals_ = _resolve(
        [(r["id"], record_entities(r)) for r in records], aliases_file, sports=sports, leans=leans
    )
    by_doc: dict[str, dict[str, str]] = {}
    for (d, loc), g in mapping.items():
        by_doc.setdefault(d, {})[loc] = g
    return [apply_resolution(r, by_doc.get(r["id"], {}), globals_) for r in records]


def refresh_store(store: Store, aliases_file: Path | None = None) -> int:
    """Re-run corpus resolution over everything stored, then bring the corpus tables
    (conflicts, merged events, timeline) up to date; return the number of entities.

    Each report's sport (national teams and clubs join only within one sport) is read
    from its text once and kept in the store, again whenever the sport rules change; the
    reports of no clear sport are read again for the sport their cues lean to."""
    docs: list[tuple[str, list[Entity]]] = []
    published: dict[str, str | None] = {}
    counts: dict[tuple[str, str], int] = {}
    for doc_id, local, etype, name, aliases, n, pub in store.iter_doc_entities():
        if not docs or docs[-1][0] != doc_id:
            docs.append((doc_id, []))
        ms = tuple(Mention(0, 0, name, etype, local) for _ in range(max(1, n)))
        docs[-1][1].append(Entity(local, etype, name, tuple(aliases), ms))
        published[doc_id] = pub
        counts[(doc_id, local)] = n
    sports, todo = store.doc_sports(rules_stamp())
    new = [(doc_id, report_sport(text)) for doc_id, text in todo]
    store.set_doc_sports(new)
    sports.update(new)
    # the few reports of no clear sport are read again for the sport their cues lean to
    unclear = [d for d, s in sports.items() if s == UNKNOWN]
    leans = {d: sport_lean(text) for d, text in store.doc_texts(unclear)}
    mapping, globals_ = _resolve(docs, aliases_file, store.overrides(), sports, leans)
    mentions: Counter[str] = Counter()
    doc_sets: dict[str, set[str]] = {}
    for (d, loc), g in mapping.items():
        mentions[g] += counts.get((d, loc), 0)
        doc_sets.setdefault(g, set()).add(d)
    stats: dict[str, tuple[int, int, str | None, str | None]] = {}
    for g, ds in doc_sets.items():
        dates = sorted(p for p in (published.get(d) for d in ds) if p)
        stats[g] = (mentions[g], len(ds), dates[0] if dates else None, dates[-1] if dates else None)
    store.replace_resolution(
        ((d, loc, g) for (d, loc), g in sorted(mapping.items())), globals_.values(), stats
    )
    refresh_tables(store)
    return len(globals_)
