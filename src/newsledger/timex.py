"""Find temporal expressions: the lexicon, the pattern grammar and the scanner.

The words live in ``data/time_lexicon.json`` and the patterns in
``data/time_patterns.tsv`` (one regular expression per rule, in priority order,
with ``{TABLE}`` placeholders for the lexicon tables).  :func:`scan` walks the
text once with a combined regular expression to find where some rule can start,
tries every rule there, and hands the candidates, longest first, to a judge (the
normaliser in :mod:`newsledger.date_rules`), which may refuse one.  Nothing here
knows about publication dates; this module is pure text work and needs no spaCy.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import NewsledgerError

Number = float | str  # a number, or "X" when the text gives none ("a few")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    type: str  # DATE | TIME | DURATION | SET
    handler: str
    regex: re.Pattern[str]
    order: int


@dataclass(frozen=True, slots=True)
class Hit:
    """One rule matching at one place; ``start``/``end`` leave out a ``skip`` group."""

    rule: Rule
    match: re.Match[str]
    start: int
    end: int

    def group(self, name: str) -> str | None:
        try:
            return self.match.group(name)
        except IndexError:
            return None


@dataclass(frozen=True, slots=True)
class Lexicon:
    tables: dict[str, Any]
    rules: tuple[Rule, ...]
    starts: re.Pattern[str]  # where any rule may begin


# ------------------------------------------------------------------ loading


def _data_text(name: str) -> str:
    try:
        return resources.files("newsledger").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:  # pragma: no cover - broken install
        raise NewsledgerError(
            f"Time data file {name!r} is missing.",
            "Reinstall newsledger (`make install`); it ships under newsledger/data/.",
        ) from exc


def _alternation(words: list[str]) -> str:
    """Words as a regex alternation, longest first; spaces match any whitespace."""
    parts = []
    for w in sorted(set(words), key=lambda s: (-len(s), s)):
        esc = re.escape(w).replace(r"\ ", " ").replace(" ", r"\s+").replace(r"\-", "[\\s-]?")
        parts.append(esc)
    return "(?:" + "|".join(parts) + r")(?!\w)"


def _spell_year(t: dict[str, Any]) -> str:
    nw: dict[str, float] = t["NUMWORD"]
    ones = "|".join(w for w, v in nw.items() if 1 <= v <= 9 and w not in ("a", "an"))
    teens = "|".join(w for w, v in nw.items() if 10 <= v <= 19 and w != "dozen")
    tens = "|".join(w for w, v in nw.items() if v in (20, 30, 40, 50, 60, 70, 80, 90))
    rest = rf"(?:(?:{tens})(?:[\s-](?:{ones}))?|(?:{teens})|oh[\s-](?:{ones}))"
    century = "eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
    form1 = rf"(?:{century})[\s-](?:hundred(?:[\s-]and[\s-]{rest})?|{rest})"
    form2 = rf"two[\s-]thousand(?:(?:[\s-]and)?[\s-](?:{rest}|(?:{ones})))?"
    return rf"(?:{form1}|{form2})(?!\w)"


def _number(t: dict[str, Any]) -> str:
    words = [w for w in t["NUMWORD"] if w not in ("half", "one-and-a-half")]
    nw = "(?:" + "|".join(sorted(words, key=lambda s: (-len(s), s))) + ")"
    digits = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+\d/\d)?"
    return rf"(?:{digits}|{nw}(?:[\s-](?:and[\s-])?{nw})*(?!\w))"


def _expand(template: str, tables: dict[str, str], rule: str) -> str:
    def sub(m: re.Match[str]) -> str:
        key = m.group(1)
        if key not in tables:
            raise NewsledgerError(
                f"Time pattern {rule!r} uses unknown table {{{key}}}.",
                "Add the table to data/time_lexicon.json or fix the placeholder.",
            )
        return tables[key]

    # literal spaces outside character classes mean "some whitespace"
    spaced = re.sub(r" (?![^\[]*\])", r"\\s+", template)
    return re.sub(r"\{([A-Z_]+)\}", sub, spaced)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load and compile the lexicon and patterns once per process."""
    tables: dict[str, Any] = json.loads(_data_text("time_lexicon.json"))
    alts: dict[str, str] = {}
    for key, val in tables.items():
        if key.startswith("_") or not key.isupper():
            continue
        if isinstance(val, dict | list):
            words = list(val)
            if key in ("MONTH", "WEEKDAY"):
                full = [w for w in words if len(w) > 4 or w in ("may", "june", "july")]
                abbrev = "|".join(w for w in words if w not in full)
                # abbreviated weekdays need their full stop ("Wed." not "wed")
                tail = r"\." if key == "WEEKDAY" else r"(?:\.|(?!\w))"
                alts[key] = f"(?:{_alternation(full)}|(?:{abbrev}){tail})"
            else:
                alts[key] = _alternation(words)
    alts["NUMBER"] = _number(tables)
    alts["SPELLYEAR"] = _spell_year(tables)
    rules: list[Rule] = []
    for n, line in enumerate(_data_text("time_patterns.tsv").splitlines()):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 4:
            raise NewsledgerError(
                f"data/time_patterns.tsv line {n + 1} has {len(cols)} columns.",
                "Use rule<TAB>type<TAB>handler<TAB>pattern.",
            )
        name, typ, handler, template = cols
        try:
            rx = re.compile(_expand(template, alts, name), re.IGNORECASE)
        except re.error as exc:
            raise NewsledgerError(
                f"Time pattern {name!r} is not a valid regular expression: {exc}.",
                "Fix the pattern in data/time_patterns.tsv.",
            ) from exc
        rules.append(Rule(name, typ, handler, rx, len(rules)))
    anonymous = (re.sub(r"\(\?P<\w+>", "(?:", r.regex.pattern) for r in rules)
    starts = re.compile(r"(?<![\w'’])(?=" + "|".join(anonymous) + ")", re.IGNORECASE)
    return Lexicon(tables, tuple(rules), starts)


def table(name: str) -> Any:
    """A lexicon table (dict or list) by name."""
    return lexicon().tables[name]


# ------------------------------------------------------------------ numbers


def parse_number(s: str) -> Number | None:
    """``"twenty four"`` -> 24, ``"2 1/2"`` -> 2.5, ``"a few"`` -> "X"; None when unreadable."""
    low = " ".join(s.lower().replace("-", " ").split())
    vague: dict[str, Number] = table("VAGUE")
    if low in vague:
        return vague[low]
    low = low.replace(",", "")
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?: (\d)/(\d))?", low)
    if m:
        val = float(m.group(1))
        if m.group(2):
            val += int(m.group(2)) / max(int(m.group(3)), 1)
        return val
    words: dict[str, float] = table("NUMWORD")
    total = 0.0
    current = 0.0
    seen = False
    for w in low.split():
        if w == "and":
            continue
        if w not in words:
            return None
        v = words[w]
        seen = True
        if v in (100, 1000):
            current = max(current, 1) * v
            if v == 1000:
                total += current
                current = 0
        else:
            current += v
    return total + current if seen else None


def parse_spelled_year(s: str) -> int | None:
    """``"nineteen ninety-six"`` -> 1996, ``"two thousand and one"`` -> 2001."""
    words = [w for w in re.split(r"[\s-]+", s.lower()) if w and w != "and"]
    nw: dict[str, float] = table("NUMWORD")
    if words[:2] == ["two", "thousand"]:
        rest = parse_number(" ".join(words[2:])) if words[2:] else 0
        return 2000 + int(rest) if isinstance(rest, float | int) else None
    if not words or words[0] not in nw:
        return None
    century = int(nw[words[0]])
    tail = words[1:]
    if tail and tail[0] == "hundred":
        tail = tail[1:]
    if tail and tail[0] == "oh":
        tail = tail[1:]
    rest = parse_number(" ".join(tail)) if tail else 0
    if not isinstance(rest, float | int) or rest >= 100:
        return None
    return century * 100 + int(rest)


# ------------------------------------------------------------------ scanning

Judge = Callable[[Hit], bool]


def candidates(text: str, pos: int) -> list[Hit]:
    """Every rule that matches at ``pos``, longest first (rule order on ties)."""
    out: list[Hit] = []
    for rule in lexicon().rules:
        m = rule.regex.match(text, pos)
        if m is None or m.end() == m.start():
            continue
        start = m.start()
        try:
            if m.group("skip") is not None:
                start = m.end("skip")
                while start < m.end() and text[start].isspace():
                    start += 1
        except IndexError:
            pass
        end = m.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append(Hit(rule, m, start, end))
    out.sort(key=lambda h: (-(h.end - h.start), h.rule.order))
    return out


def scan(text: str, judge: Judge) -> Iterator[Hit]:
    """Yield accepted hits left to right, without overlaps.

    At each place where some rule may start, candidates are offered to ``judge``
    longest first; the first it accepts is yielded and scanning resumes after it.
    """
    starts = lexicon().starts
    pos = 0
    n = len(text)
    while pos < n:
        m = starts.search(text, pos)
        if m is None:
            return
        p = m.start()
        taken: Hit | None = None
        for hit in candidates(text, p):
            if judge(hit):
                taken = hit
                break
        if taken is None:
            pos = p + 1
        else:
            yield taken
            pos = max(taken.end, p + 1)
