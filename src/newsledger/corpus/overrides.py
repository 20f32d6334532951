"""Manual corrections to entity resolution: ``merge A B`` and ``split ENTITY [NAME]``.

Decisions are kept as a list of :class:`Override` in the order they were made
and honoured by :func:`newsledger.corpus.resolve.resolve` on every run, so they survive
re-ingest.  A later decision wins over an earlier one it contradicts.

A reference (``A``, ``B``, ``ENTITY``, ``NAME``) is, most robust first:

* a name, optionally typed: ``"Amrullah Saleh"``, ``"PERSON:Salah"`` — every
  document entity with that name or alias (case and accents ignored);
* a document-level entity id (``Entity.id`` of the mentions stage), optionally
  with its document: ``"<doc id>/<entity id>"``;
* a global entity id of the current resolution (ids change when an entity's
  canonical name changes, so store names when you can).

``merge A B``: everything A and B refer to becomes one entity.
``split ENTITY NAME``: the members of ENTITY's entity named NAME become an
entity of their own; ``split ENTITY`` alone separates every distinct
document-level name of the entity (exact repeats of one name stay together).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from newsledger.core.errors import NewsledgerError
from newsledger.corpus.keys import NAME_TYPES, name_key

KINDS = ("merge", "split")


@dataclass(frozen=True, slots=True)
class Override:
    kind: str  # "merge" | "split"
    refs: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise NewsledgerError(
                f"Unknown override kind {self.kind!r}.", "Use 'merge' or 'split'."
            )
        if any(not r.strip() for r in self.refs):
            raise NewsledgerError("An override names an empty entity.", "Give a name or an id.")
        if self.kind == "merge" and len(self.refs) < 2:
            raise NewsledgerError(
                "A merge needs at least two entities.", "Example: newsledger merge 'Saleh' 'Salah'"
            )
        if self.kind == "split" and not self.refs:
            raise NewsledgerError(
                "A split needs the entity to split.", "Example: newsledger split 'Massoud'"
            )


@dataclass(frozen=True, slots=True)
class Overrides:
    """Manual decisions, oldest first."""

    items: tuple[Override, ...] = ()

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str | None]]) -> Overrides:
        """From stored ``(kind, a, b)`` rows (``b`` is ``None`` for a plain split)."""
        out = []
        for kind, a, b in rows:
            out.append(Override(kind, (a,) if b is None else (a, b)))
        return cls(tuple(out))

    def __iter__(self) -> Iterator[Override]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True, slots=True)
class RefItem:
    """What a reference can match on one document entity."""

    doc: str
    local: str
    type: str
    names: frozenset[str]  # name keys of its name and aliases


class RefIndex:
    """Finds the document entities a reference names."""

    def __init__(self, items: Sequence[RefItem], global_ids: dict[str, set[int]]) -> None:
        self.by_local: dict[str, set[int]] = {}
        self.by_pair: dict[str, int] = {}
        self.by_name: dict[str, set[int]] = {}
        self.types = [it.type for it in items]
        for i, it in enumerate(items):
            self.by_local.setdefault(it.local, set()).add(i)
            self.by_pair[f"{it.doc}/{it.local}"] = i
            for n in it.names:
                self.by_name.setdefault(n, set()).add(i)
        self.global_ids = global_ids

    def match(self, ref: str) -> set[int]:
        ref = ref.strip()
        if ref in self.by_pair:
            return {self.by_pair[ref]}
        if ref in self.global_ids:
            return set(self.global_ids[ref])
        if ref in self.by_local:
            return set(self.by_local[ref])
        etype, _, rest = ref.partition(":")
        if rest and etype.upper() in NAME_TYPES:
            hits = self.by_name.get(name_key(rest), set())
            return {i for i in hits if self.types[i] == etype.upper()}
        return set(self.by_name.get(name_key(ref), set()))


@dataclass(slots=True)
class Constraints:
    must: list[set[int]]  # item sets forced into one entity
    tags: dict[int, dict[int, int]]  # item -> split number -> group within that split
    unmatched: list[Override]


def build_constraints(
    overrides: Overrides,
    index: RefIndex,
    cluster_of: Callable[[int], set[int]],
    item_key: Callable[[int], str],
) -> Constraints:
    """Turn decisions into must-link sets and split tags, later decisions winning.

    ``cluster_of(i)`` gives the items resolved with item ``i`` when only merges
    apply; ``item_key(i)`` the name key of item ``i`` (for a split without NAME).
    """
    c = Constraints([], {}, [])
    for j, ov in enumerate(overrides):
        sets = [index.match(r) for r in ov.refs]
        if not sets[0] or (ov.kind == "merge" and not all(sets)):
            c.unmatched.append(ov)
            continue
        if ov.kind == "merge":
            m = set().union(*sets)
            c.must.append(m)
            _fuse_splits(c, m)
            continue
        target = _entity_of(sets[0], c.must, cluster_of)
        if len(sets) > 1:
            parts = [s & target for s in sets[1:]]
            rest = target - set().union(*parts)
            groups = [p for p in (*parts, rest) if p]
        else:
            by_key: dict[str, set[int]] = {}
            for i in target:
                by_key.setdefault(item_key(i), set()).add(i)
            groups = list(by_key.values())
        if len(groups) < 2:
            c.unmatched.append(ov)
            continue
        group_of = {i: g for g, members in enumerate(groups) for i in members}
        for i, g in group_of.items():
            c.tags.setdefault(i, {})[j] = g
        new_must: list[set[int]] = []
        for m in c.must:
            pieces: dict[int, set[int]] = {}
            for i in m:
                pieces.setdefault(group_of.get(i, -1), set()).add(i)
            new_must.extend(p for p in pieces.values() if len(p) > 1)
        c.must = new_must
    return c


def _entity_of(
    seed: set[int], must: list[set[int]], cluster_of: Callable[[int], set[int]]
) -> set[int]:
    """The items of the entity holding ``seed``: automatic clusters joined by earlier merges."""
    target: set[int] = set()
    todo = list(seed)
    while todo:
        i = todo.pop()
        if i in target:
            continue
        fresh = cluster_of(i) - target
        fresh.add(i)
        for m in must:
            if i in m:
                fresh |= m - target
        target |= fresh
        todo.extend(fresh)
    return target


def _fuse_splits(c: Constraints, m: set[int]) -> None:
    """A merge after a split undoes the split between the merged items."""
    splits = {j for i in m for j in c.tags.get(i, {})}
    for j in splits:
        groups = {c.tags[i][j] for i in m if j in c.tags.get(i, {})}
        if len(groups) > 1:
            g0 = min(groups)
            for tags in c.tags.values():
                if tags.get(j) in groups:
                    tags[j] = g0
