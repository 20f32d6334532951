"""Alias data: names and acronyms that denote one entity (IS / ISIS / Daesh → Islamic State).

The packaged table is ``data/aliases.tsv`` (columns canonical, alias, type,
source).  Users add their own with ``--aliases FILE`` in the same format (the
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
from importlib import resources
from pathlib import Path

from newsledger.core.errors import InputError
from newsledger.corpus.keys import NAME_TYPES, content_tokens, is_acronym, name_key

HEADER = ("canonical", "alias", "type", "source")


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


def parse_aliases(lines: Iterable[str], origin: str) -> list[AliasEntry]:
    """Rows of an alias TSV; raise :class:`InputError` naming ``origin:line`` on a bad row."""
    out: list[AliasEntry] = []
    seen: dict[str, AliasEntry] = {}
    default_source = Path(origin).name
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if tuple(c.lower() for c in cols[:4]) == HEADER[: len(cols[:4])] and not out:
            continue
        where = f"{origin}:{n}"
        hint = "Write canonical<TAB>alias<TAB>type[<TAB>source], e.g. 'Islamic State\tDaesh\tORG'."
        if len(cols) not in (3, 4):
            raise InputError(
                where, f"expected 3 or 4 tab-separated columns, found {len(cols)}.", hint
            )
        canonical, alias, etype = cols[0], cols[1], cols[2].upper()
        if not canonical or not alias:
            raise InputError(where, "the canonical name and the alias must not be empty.", hint)
        if etype not in NAME_TYPES:
            raise InputError(
                where,
                f"unknown entity type {cols[2]!r}.",
                f"Use one of: {', '.join(sorted(NAME_TYPES))}.",
            )
        source = cols[3] if len(cols) == 4 and cols[3] else default_source
        entry = AliasEntry(canonical, alias, etype, source, where)
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
    """A user alias file alone."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(
            str(path),
            f"cannot read the alias file ({exc.strerror}).",
            "Check the path given to --aliases.",
        ) from exc
    except UnicodeDecodeError as exc:
        raise InputError(
            str(path), "the alias file is not UTF-8 text.", "Save it as UTF-8 tab-separated values."
        ) from exc
    return AliasTable(parse_aliases(text.splitlines(), str(path)))


@cache
def default_aliases() -> AliasTable:
    """The packaged alias table (loaded once)."""
    res = resources.files("newsledger").joinpath("data/aliases.tsv")
    return AliasTable(parse_aliases(res.read_text("utf-8").splitlines(), "data/aliases.tsv"))


def load_aliases(path: Path | None = None) -> AliasTable:
    """The packaged table plus the user's file ``path`` (whose rows win), if given."""
    table = default_aliases()
    return table if path is None else table + load_alias_file(path)


def same_entity(a: AliasEntry | None, b: AliasEntry | None) -> bool:
    return a is not None and b is not None and a.key == b.key
