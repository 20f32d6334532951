"""Find temporal expressions: the lexicon, the pattern grammar and the scanner.

The words live in ``data/time_lexicon.json`` and the patterns in
``data/time_patterns.tsv`` (one regular expression per rule, in priority order,
with ``{TABLE}`` placeholders for the lexicon tables).  :func:`scan` splits the
text into words once, and only near a core temporal word (a month, a unit, a
number...) tries the rules that can start with the word at hand and whose key
words are nearby (see :mod:`newsledger.components.dates.grammar`); it hands their matches,
longest first, to a judge (the normalisers of :mod:`newsledger.components.dates.absolute` and
:mod:`newsledger.components.dates.relative`), which may refuse one.  Nothing here knows
about publication dates; this module is pure text work and needs no spaCy.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any

from newsledger.components.dates.grammar import (
    CORE_TABLES,
    first_alt,
    needs,
    table_firsts,
    table_words,
    word_key,
)
from newsledger.core.errors import NewsledgerError
from newsledger.core.lexicon import Col, read_json, read_table
from newsledger.core.wordlists import numbers_of

Number = float | str  # a number, or "X" when the text gives none ("a few")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    type: str  # DATE | TIME | DURATION | SET
    handler: str
    regex: re.Pattern[str]
    order: int
    needs: frozenset[str] = frozenset()  # one of these words must be near, or the rule cannot match


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
    dispatch: dict[str, tuple[Rule, ...]]  # first word (or "#" digits, "'" apostrophe) -> rules
    core: frozenset[str]  # words that make a temporal expression likely nearby
    needed: frozenset[str]  # every word some rule needs


# ------------------------------------------------------------------ loading


PATTERN_COLUMNS = (
    Col("rule", required=True),
    Col("type", choices=frozenset({"DATE", "TIME", "DURATION", "SET"}), required=True),
    Col("handler", required=True),
    Col("pattern", required=True),
)


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
    words = [w for w in t["NUMWORD"] if w not in ("half", "one-and-a-half", "a", "an")]
    nw = "(?:" + "|".join(sorted(words, key=lambda s: (-len(s), s))) + ")"
    digits = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+\d/\d)?"
    article = r"an?(?:[\s-](?:hundred|thousand|dozen))?"
    half = r"(?:[\s-]and[\s-]a[\s-]half(?!\w))?"
    return rf"(?:(?:{digits}|{nw}(?:[\s-](?:and[\s-])?{nw})*(?!\w)){half}|{article}(?!\w))"


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
    tables: dict[str, Any] = read_json("time_lexicon.json")
    # spelled amounts up to thousands, one token each (data/number_words.tsv)
    kinds = frozenset({"cardinal", "article", "unit", "fraction", "scale"})
    tables["NUMWORD"] = numbers_of(kinds, most=1000, phrases=False)
    alts: dict[str, str] = {}
    for key, val in tables.items():
        if key.startswith("_") or not key.isupper():
            continue
        if isinstance(val, dict | list):
            entries = [str(e) for e in val]
            if key in ("MONTH", "WEEKDAY"):
                full = [w for w in entries if len(w) > 4 or w in ("may", "june", "july")]
                abbrev = "|".join(w for w in entries if w not in full)
                # abbreviated weekdays need their full stop ("Wed." not "wed")
                tail = r"\." if key == "WEEKDAY" else r"(?:\.|(?!\w))"
                alts[key] = f"(?:{_alternation(full)}|(?:{abbrev}){tail})"
            else:
                alts[key] = _alternation(entries)
    alts["NUMBER"] = _number(tables)
    alts["SPELLYEAR"] = _spell_year(tables)
    rules: list[Rule] = []
    templates: list[str] = []
    for row in read_table("time_patterns.tsv", PATTERN_COLUMNS):
        name, typ, handler, template = row.cells()
        try:
            rx = re.compile(_expand(template, alts, name), re.IGNORECASE)
        except re.error as exc:
            raise NewsledgerError(
                f"Time pattern {name!r} is not a valid regular expression: {exc}.",
                "Fix the pattern in data/time_patterns.tsv.",
            ) from exc
        rules.append(Rule(name, typ, handler, rx, len(rules)))
        templates.append(template)
    firsts = table_firsts(tables)
    words = table_words(tables)
    rules = [
        Rule(r.name, r.type, r.handler, r.regex, r.order, needs(t, firsts, words))
        for r, t in zip(rules, templates, strict=True)
    ]
    dispatch: dict[str, list[Rule]] = {}
    for rule, template in zip(rules, templates, strict=True):
        first, nullable, _ = first_alt(template, 0, firsts)
        if nullable or "*" in first:
            raise NewsledgerError(
                f"Time pattern {rule.name!r} can start with anything.",
                "Begin it with a word, a {TABLE} or a digit (data/time_patterns.tsv).",
            )
        for word in first:
            dispatch.setdefault(word, []).append(rule)
    core = {"#", "'"}
    for key in CORE_TABLES:
        for entry in tables[key]:
            core.update(w for w in re.split(r"[\s-]+", entry.lower()) if w)
    core.update(tables["CORE_EXTRA"])
    core.difference_update(tables["FUNCTION_WORDS"])
    return Lexicon(
        tables,
        tuple(rules),
        {w: tuple(rs) for w, rs in dispatch.items()},
        frozenset(core),
        frozenset().union(*(r.needs for r in rules)),
    )


def table(name: str) -> Any:
    """A lexicon table (dict or list) by name."""
    return lexicon().tables[name]


@lru_cache(maxsize=64)
def wordset(name: str) -> frozenset[str]:
    """The words of a lexicon table, as a set."""
    return frozenset(lexicon().tables[name])


# ------------------------------------------------------------------ numbers


def parse_number(s: str) -> Number | None:
    """``"twenty four"`` -> 24, ``"2 1/2"`` -> 2.5, ``"a few"`` -> "X"; None when unreadable."""
    low = " ".join(s.lower().replace("-", " ").split())
    vague: dict[str, Number] = table("VAGUE")
    if low in vague:
        return vague[low]
    if low.endswith(" and a half"):
        whole = parse_number(low[: -len(" and a half")])
        return whole + 0.5 if isinstance(whole, float) else None
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
_SPLIT = re.compile(r"([\w'’]+)")
_POSSESSIVE = ("'s", "’s")


def rules_for(word: str) -> tuple[Rule, ...]:
    """Rules that may start at a lower-case word (possessives and "q3" included)."""
    dispatch = lexicon().dispatch
    key = word_key(word)
    rules = dispatch.get(key)
    if rules is None and key.endswith(_POSSESSIVE):
        rules = dispatch.get(key[:-2])
    if rules is None and key[-1].isdigit():
        rules = dispatch.get(key.rstrip("0123456789"))
    return rules or ()


def candidates(text: str, pos: int, rules: tuple[Rule, ...] | None = None) -> list[Hit]:
    """Rules matching at ``pos`` (all rules, or the given ones), longest first."""
    out: list[Hit] = []
    for rule in lexicon().rules if rules is None else rules:
        m = rule.regex.match(text, pos)
        if m is None or m.end() == m.start():
            continue
        start = m.start()
        if "skip" in rule.regex.groupindex and m.group("skip") is not None:
            start = m.end("skip")
            while start < m.end() and text[start].isspace():
                start += 1
        end = m.end()
        while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1
        out.append(Hit(rule, m, start, end))
    out.sort(key=lambda h: (-(h.end - h.start), h.rule.order))
    return out


def _words(text: str) -> list[tuple[int, str]]:
    """(offset, lower-case word) of every word."""
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    parts = _SPLIT.split(low)
    offs = list(accumulate(map(len, parts)))
    return list(zip(offs[0::2], parts[1::2], strict=False))


def scan(text: str, judge: Judge, before: int = 5, span: int = 10) -> Iterator[Hit]:
    """Yield accepted hits left to right, without overlaps.

    Rules are tried only at words at most ``before`` words ahead of a core
    temporal word (a month, a unit, a number...), only the rules that can start
    with that word, and only when a word the rule needs lies within ``span``
    words.  Their matches are offered to ``judge`` longest first; the first it
    accepts is yielded and scanning resumes after it.
    """
    words = _words(text)
    lex = lexicon()
    core, needed, dispatch = lex.core, lex.needed, lex.dispatch
    hot: list[int] = []  # indices of core words
    need_at: list[int] = []  # indices of words some rule needs, and their keys
    need_key: list[str] = []
    starters: dict[int, tuple[Rule, ...]] = {}  # index -> rules that may start there
    for k, (_, w) in enumerate(words):
        if w[0] in "0123456789'’":
            key = "#" if w[0].isdigit() else "'"
        elif w.endswith(_POSSESSIVE):
            key = w[:-2]
        elif w[-1].isdigit():
            key = w.rstrip("0123456789")
        else:
            key = w
        rules = dispatch.get(key)
        if rules is not None:
            starters[k] = rules
        if key in core or key == "#" or key == "'":
            hot.append(k)
        if key in needed:
            need_at.append(k)
            need_key.append(key)
    tries = sorted({k for c in hot for k in range(max(0, c - before), c + 1) if k in starters})
    pos = 0
    for k in tries:
        start = words[k][0]
        if start < pos:
            continue
        lo = bisect_left(need_at, k)
        near = set(need_key[lo : bisect_left(need_at, k + span, lo)])
        rules = tuple(r for r in starters[k] if not r.needs or not r.needs.isdisjoint(near))
        if not rules:
            continue
        for hit in candidates(text, start, rules):
            if judge(hit):
                yield hit
                pos = hit.end
                break
