"""One reader for the lexicon files under ``newsledger/data`` (and users' own files).

Tabular files are UTF-8 TSV: ``#`` comment lines (a short description) above a
header row that names the columns, then one row a line.  :func:`read_table`
checks the header against the columns the caller expects and every row against
them (count, simple types, allowed values), and raises :class:`LexiconError`
naming the file and line, what is wrong and how to fix it.  JSON files go
through :func:`read_json`, which reports a syntax error with its line too.

The catalogue of every data file, with its columns, source and licence, is
``data/README.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from newsledger.core.errors import InputError, NewsledgerError

PACKAGE = "newsledger"
DATA_DIR = "data"
CellType = type[str] | type[int] | type[float]
REINSTALL = "Reinstall newsledger (`make install`) or restore the file from git."


class LexiconError(InputError):
    """A lexicon file (``origin`` = ``file:line``) has a row that cannot be used."""


@dataclass(frozen=True, slots=True)
class Col:
    """One expected column: its header name, simple type and allowed values.

    ``required``: the cell must not be empty.  ``optional``: the column may be
    left off the end of a row (its value is then ``""``).
    """

    name: str
    type: CellType = str
    choices: frozenset[str] = frozenset()
    required: bool = False
    optional: bool = False


ColumnSpec = Sequence[Col | str]


@dataclass(frozen=True, slots=True)
class Row(Mapping[str, str]):
    """One data row: its cells by column name, and where it was read."""

    origin: str
    line: int
    data: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, key: str) -> str:
        return self.data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    @property
    def where(self) -> str:
        return f"{self.origin}:{self.line}"

    def cells(self) -> tuple[str, ...]:
        return tuple(self.data.values())

    def error(self, what: str, fix: str) -> LexiconError:
        """An error about this row (raise it)."""
        return LexiconError(self.where, what, fix)


def _cols(columns: ColumnSpec) -> tuple[Col, ...]:
    return tuple(c if isinstance(c, Col) else Col(c) for c in columns)


def data_path(name: str) -> Path:
    """The packaged data file ``name`` as a filesystem path."""
    return Path(str(resources.files(PACKAGE).joinpath(DATA_DIR, name)))


def data_files() -> list[str]:
    """Names of every packaged data file (the catalogue README aside)."""
    base = resources.files(PACKAGE).joinpath(DATA_DIR)
    return sorted(
        p.name
        for p in base.iterdir()
        if p.is_file() and p.name != "README.md" and not p.name.startswith(".")
    )


def read_text(source: str | Path) -> tuple[str, str]:
    """``(origin, text)`` of a packaged file (a name) or a user's file (a Path)."""
    if isinstance(source, Path):
        origin, what, fix = str(source), "cannot read the file", "Check the path you gave."
        reader = source
    else:
        origin, what, fix = f"data/{source}", "cannot read the packaged data file", REINSTALL
        reader = data_path(source)
    try:
        return origin, reader.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(origin, f"{what} ({exc.strerror or exc}).", fix) from None
    except UnicodeDecodeError:
        raise LexiconError(
            origin, "the file is not UTF-8 text.", "Save it as UTF-8 tab-separated values."
        ) from None


def _check(col: Col, cell: str, origin: str, n: int) -> None:
    if not cell:
        if col.required:
            raise LexiconError(
                f"{origin}:{n}", f"column {col.name!r} is empty.", f"Give a {col.name}."
            )
        return
    if col.choices and cell not in col.choices:
        raise LexiconError(
            f"{origin}:{n}",
            f"column {col.name!r} has {cell!r}.",
            f"Use one of: {', '.join(sorted(col.choices))}.",
        )
    if col.type is not str:
        try:
            col.type(cell)
        except ValueError:
            kind = "a whole number" if col.type is int else "a number"
            raise LexiconError(
                f"{origin}:{n}",
                f"column {col.name!r} has {cell!r}, not {kind}.",
                f"Write {kind} (e.g. {'12' if col.type is int else '-3.5'}).",
            ) from None


def parse_table(
    text: str, origin: str, columns: ColumnSpec, *, header: bool = True
) -> tuple[Row, ...]:
    """Rows of TSV ``text`` checked against ``columns``.

    ``header=True`` (packaged files): the first non-comment line must name the
    columns exactly.  ``header=False`` (users' files): a header line is allowed
    but not needed.
    """
    cols = _cols(columns)
    names = tuple(c.name for c in cols)
    least = sum(1 for c in cols if not c.optional)
    want = f"{least}" if least == len(cols) else f"{least} or {len(cols)}"
    hint = "Separate the columns with one tab: " + "<TAB>".join(names) + "."
    out: list[Row] = []
    seen_header = False
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = raw.split("\t")
        if not seen_header:
            seen_header = True
            is_header = tuple(c.strip().lower() for c in cells) == names[: len(cells)]
            if header and tuple(cells) != names:
                raise LexiconError(
                    f"{origin}:{n}",
                    f"the header row is {raw!r}, expected {chr(9).join(names)!r}.",
                    "Put the column names, tab-separated, above the first row "
                    "(comment lines starting with # may come before it).",
                )
            if header or is_header:
                continue
        if not least <= len(cells) <= len(cols):
            raise LexiconError(
                f"{origin}:{n}",
                f"expected {want} tab-separated columns, found {len(cells)}.",
                hint,
            )
        cells += [""] * (len(cols) - len(cells))
        for col, cell in zip(cols, cells, strict=True):
            _check(col, cell, origin, n)
        out.append(Row(origin, n, dict(zip(names, cells, strict=True))))
    if header and not seen_header:
        raise LexiconError(
            origin, "the file has no header row.", "Restore it from git; " + hint.lower()
        )
    return tuple(out)


def read_table(source: str | Path, columns: ColumnSpec, *, header: bool = True) -> tuple[Row, ...]:
    """Rows of the TSV lexicon ``source`` (a packaged name or a user's Path)."""
    origin, text = read_text(source)
    return parse_table(text, origin, columns, header=header)


def read_json(source: str | Path) -> Any:
    """The JSON data file ``source`` (a packaged name or a user's Path)."""
    origin, text = read_text(source)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise LexiconError(
            f"{origin}:{exc.lineno}",
            f"not valid JSON ({exc.msg}, column {exc.colno}).",
            "Fix the JSON syntax there (a missing comma or quote is usual).",
        ) from None


def missing(origin: str, key: str, fix: str = REINSTALL) -> NewsledgerError:
    """An error for a JSON data file without an expected key."""
    return LexiconError(origin, f"has no {key!r} entry.", fix)
