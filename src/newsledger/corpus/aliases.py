"""Alias data: names and acronyms that denote one entity (IS / ISIS / Daesh → Islamic State).

The packaged tables are ``data/aliases.tsv`` (hand-made; columns canonical,
alias, type, source) and ``data/aliases_phoenix.tsv`` (countries, international
and government bodies and armed groups derived from PETRARCH2's Phoenix
dictionaries by ``scripts/vocab_aliases.py``; the hand-made rows win).  Users add their own with ``--aliases FILE`` in the same format (the
source column may be left out); their rows win over the packaged ones.

All-capital aliases (``IS``, ``EI-K``) match case-sensitively; other aliases
ignore case, accents, a leading "the", hyphens and dots.  An organisation
name also matches when its content words equal those of a listed name
("Islamic State group in Khorasan" ~ "Islamic State Khorasan").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsledger.core.errors import InputError
from newsledger.core.lexicon import Col, Row, read_table
from newsledger.corpus.keys import NAME_TYPES, content_tokens, is_acronym, name_key


@dataclass(frozen=True, slots=True)
class AliasEntry:
    canonical: str
    alias: str
    type: str
    source: str
    origin: str = ""  # "file:line" the row came from

    @property
    def key(self) -> str:
        """Identity of the entity the row names: type and folded canonical name."""
        return f"{self.type}:{name_key(self.canonical)}"


def alias_key(name: str) -> str:
    """Lookup key: exact letters for an acronym, a folded name otherwise."""
    s = " ".join(name.split())
    if is_acronym(s):
        return "A:" + s.replace(".", "")
    return "N:" + name_key(s)


def _content_key(name: str) -> str | None:
    ct = content_tokens(name)
    return "C:" + " ".join(sorted(ct)) if len(ct) >= 2 else None


class AliasTable:
    """Maps names to the alias rows that define their entity."""

    def __init__(self, entries: Iterable[AliasEntry] = ()) -> None:
        self.entries: tuple[AliasEntry, ...] = tuple(entries)
        named: dict[str, tuple[AliasEntry, str]] = {}  # key -> (row, surface); later rows win
        self._by_content: dict[str, AliasEntry] = {}
        for e in self.entries:
            for surface in (e.canonical, e.alias):
                named[alias_key(surface)] = (e, surface)
                ck = _content_key(surface)
                if ck is not None and not is_acronym(surface):
                    self._by_content[ck] = e
        self._by_key = {k: e for k, (e, _) in named.items()}
        self._surfaces: dict[str, list[str]] = {}
        for e, surface in named.values():
            surf = self._surfaces.setdefault(e.key, [])
            if surface not in surf:
                surf.append(surface)
        self._scan: dict[str, re.Pattern[str] | None] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def __add__(self, other: AliasTable) -> AliasTable:
        return AliasTable((*self.entries, *other.entries))

    def lookup(self, name: str) -> AliasEntry | None:
        """The row defining the entity ``name`` denotes, or ``None``."""
        s = " ".join(name.split())
        if not s:
            return None
        hit = self._by_key.get(alias_key(s))
        if hit is None and s.isupper() and not is_acronym(s):
            hit = self._by_key.get("N:" + name_key(s))  # "DAESH"
        if hit is None and not is_acronym(s):
            ck = _content_key(s)
            if ck is not None:
                hit = self._by_content.get(ck)
        return hit

    def surfaces(self, key: str) -> tuple[str, ...]:
        """Every listed name (canonical first) of the entity with ``AliasEntry.key`` ``key``."""
        return tuple(self._surfaces.get(key, ()))

    def scan_pattern(self, key: str) -> re.Pattern[str] | None:
        """A regex of the entity's one-word names and acronyms, to find unlabelled mentions.

        Multi-word names are left to NER: a partial match ("Islamic State" inside
        "Islamic State Khorasan") would name the wrong entity.
        """
        if key not in self._scan:
            forms = sorted(
                {s for s in self.surfaces(key) if len(s) >= 2 and len(s.split()) == 1},
                key=lambda s: (-len(s), s),
            )
            self._scan[key] = (
                re.compile(r"(?<![\w\-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w\-])")
                if forms
                else None
            )
        return self._scan[key]


COLUMNS = (Col("canonical"), Col("alias"), Col("type"), Col("source", optional=True))


def parse_aliases(rows: Iterable[Row], origin: str) -> list[AliasEntry]:
    """Alias entries of checked rows; raise :class:`InputError` naming ``origin:line``."""
    out: list[AliasEntry] = []
    seen: dict[str, AliasEntry] = {}
    default_source = Path(origin).name
    hint = "Write canonical<TAB>alias<TAB>type[<TAB>source], e.g. 'Islamic State\tDaesh\tORG'."
    for row in rows:
        canonical, alias, etype, source = (c.strip() for c in row.cells())
        where = row.where
        if not canonical or not alias:
            raise InputError(where, "the canonical name and the alias must not be empty.", hint)
        if etype.upper() not in NAME_TYPES:
            raise InputError(
                where,
                f"unknown entity type {etype!r}.",
                f"Use one of: {', '.join(sorted(NAME_TYPES))}.",
            )
        entry = AliasEntry(canonical, alias, etype.upper(), source or default_source, where)
        k = alias_key(alias)
        prev = seen.get(k)
        if prev is not None and prev.key != entry.key:
            raise InputError(
                where,
                f"alias {alias!r} is already given to {prev.canonical!r} ({prev.origin}).",
                "An alias names one entity: remove one of the two rows.",
            )
        seen[k] = entry
        out.append(entry)
    return out


def load_alias_file(path: Path) -> AliasTable:
    """A user alias file alone (its header row is optional)."""
    return AliasTable(parse_aliases(read_table(path, COLUMNS, header=False), str(path)))


PACKAGED = ("aliases_phoenix.tsv", "aliases.tsv")  # later files win


@cache
def default_aliases() -> AliasTable:
    """The packaged alias tables (loaded once): the Phoenix-derived one, then the hand-made one."""
    entries: list[AliasEntry] = []
    for name in PACKAGED:
        entries.extend(parse_aliases(read_table(name, COLUMNS), f"data/{name}"))
    return AliasTable(entries)


def load_aliases(path: Path | None = None) -> AliasTable:
    """The packaged table plus the user's file ``path`` (whose rows win), if given."""
    table = default_aliases()
    return table if path is None else table + load_alias_file(path)


def same_entity(a: AliasEntry | None, b: AliasEntry | None) -> bool:
    return a is not None and b is not None and a.key == b.key
