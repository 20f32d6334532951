"""Static analysis of the time patterns: which words a rule can start with and
which words every match of it must contain.

:mod:`newsledger.components.dates.timex` uses the first words to try only the rules that can
start at a word, and the needed words to skip rules whose key words are not
nearby: the scanner stays fast without compiling one giant expression.  The
analysis reads the pattern templates (``data/time_patterns.tsv``) before their
``{TABLE}`` placeholders are expanded.
"""

from __future__ import annotations

import re
from typing import Any

CORE_TABLES = (
    "MONTH", "WEEKDAY", "SEASON", "DAYPART", "UNIT", "DEICTIC_DAY", "REF", "SET_WORD",
    "DECADEWORD", "SHIFT", "HOLIDAY",
)  # fmt: skip
_LETTERS = re.compile(r"[A-Za-z]+")
_QUANT = re.compile(r"\{(\d*)(?:,(\d*))?\}")
First = tuple[set[str], bool, int]  # first words, can match empty, index after


def word_key(word: str) -> str:
    """Dispatch key of a lower-case word: "#" for numbers, "'" for '90s, else the word."""
    if word[0].isdigit():
        return "#"
    if word[0] in "'’":
        return "'"
    return word


def table_firsts(t: dict[str, Any]) -> dict[str, frozenset[str]]:
    """The first word (as a dispatch key) of each entry of each table."""
    out: dict[str, frozenset[str]] = {}
    for key, val in t.items():
        if key.isupper() and isinstance(val, dict | list):
            out[key] = frozenset(word_key(re.split(r"[\s-]+", str(e).lower())[0]) for e in val)
    out["NUMBER"] = frozenset([*out["NUMWORD"], "#"])
    out["SPELLYEAR"] = frozenset(["eleven", "twelve", "thirteen", "fourteen", "fifteen",
                                  "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "two"])  # fmt: skip
    return out


def table_words(t: dict[str, Any]) -> dict[str, frozenset[str]]:
    """Every word (as a dispatch key) that an entry of each table may contain."""
    out: dict[str, frozenset[str]] = {}
    for key, val in t.items():
        if key.isupper() and isinstance(val, dict | list):
            words = {word_key(w) for e in val for w in re.split(r"[\s-]+", str(e).lower()) if w}
            out[key] = frozenset(words)
    out["NUMBER"] = out["NUMWORD"] | {"#"}
    out["SPELLYEAR"] = (out["NUMWORD"] | {"oh", "and"}) - {"a", "an", "dozen", "half"}
    return out


_GROUP_OPEN = re.compile(r"\(\?(?:P<\w+>|[:=!]|<[=!])")


def needs(
    template: str, firsts: dict[str, frozenset[str]], words: dict[str, frozenset[str]]
) -> frozenset[str]:
    """The smallest set of words one of which every match contains: the words of
    one mandatory top-level element ("" set when none qualifies)."""
    best: frozenset[str] | None = None
    i = 0
    while i < len(template) and template[i] not in "|)":
        _, nullable, j = _first_elem(template, i, firsts)
        piece = template[i:j]
        i = j
        if nullable or ("|" in _strip_groups(piece) and piece[0] != "("):
            continue
        got = _piece_words(piece, words)
        if got and (best is None or _weight(got) < _weight(best)):
            best = got
    return best or frozenset()


def _weight(words: frozenset[str]) -> int:
    """How often a set of words is likely to turn up: function words count a lot."""
    common = {"the", "a", "an", "this", "that", "as", "at", "in", "of", "and", "s", "#"}
    return len(words) + 100 * len(words & common)


def _strip_groups(piece: str) -> str:
    return _GROUP_OPEN.sub("(", piece)


def _piece_words(piece: str, words: dict[str, frozenset[str]]) -> frozenset[str] | None:
    """Words a piece of pattern may consist of, or None when it may hold any word."""
    out: set[str] = set()
    for name in re.findall(r"\{([A-Z_]+)\}", piece):
        out |= words[name]
    rest = re.sub(r"\{[A-Z_]+\}", " ", _strip_groups(piece))
    rest = rest.replace("\\d", " 0 ")
    for cls in re.findall(r"\[[^\]]*\]", rest):
        body = cls.replace("\\s", "")
        if re.search(r"[A-Za-z]", body):
            return None
        if re.search(r"\d", body):
            out.add("#")
        if "'" in body or "’" in body:
            out.add("'")
    rest = re.sub(r"\[[^\]]*\]", " ", rest)
    rest = re.sub(r"\\[A-Za-z]", " ", rest)
    if "\\w" in piece:
        return None
    for w in re.findall(r"[A-Za-z]+|\d", rest):
        out.add("#" if w.isdigit() else w.lower())
    return frozenset(out)


def first_alt(s: str, i: int, firsts: dict[str, frozenset[str]]) -> First:
    """First words of the alternatives from ``s[i]`` up to the closing parenthesis."""
    first: set[str] = set()
    nullable = False
    while True:
        f, n, i = _first_seq(s, i, firsts)
        first |= f
        nullable = nullable or n
        if i < len(s) and s[i] == "|":
            i += 1
            continue
        return first, nullable, i


def _first_seq(s: str, i: int, firsts: dict[str, frozenset[str]]) -> First:
    first: set[str] = set()
    nullable = True
    while i < len(s) and s[i] not in "|)":
        f, n, i = _first_elem(s, i, firsts)
        if nullable:
            first |= f
        nullable = nullable and n
    return first, nullable, i


def _first_elem(s: str, i: int, firsts: dict[str, frozenset[str]]) -> First:
    c = s[i]
    f: set[str] = set()
    n = False
    if c == "(":
        look = s.startswith(("(?=", "(?!", "(?<=", "(?<!"), i)
        if s.startswith("(?P<", i):
            j = s.index(">", i) + 1
        elif s.startswith("(?<", i):
            j = i + 4
        elif s.startswith("(?", i):
            j = i + 3
        else:
            j = i + 1
        f, n, j = first_alt(s, j, firsts)
        j += 1
        if look:
            f, n = set(), True
    elif c == "{" and s[i + 1 : i + 2].isupper():
        j = s.index("}", i)
        f = set(firsts[s[i + 1 : j]])
        j += 1
    elif c == "\\":
        e = s[i + 1]
        j = i + 2
        f = {"#"} if e == "d" else {"*"} if e == "w" else set()
        n = e in "bB"
    elif c == "[":
        j = s.index("]", i + 2) + 1
        body = s[i + 1 : j - 1].replace("\\s", "")
        if re.search(r"\d|\\d", body):
            f.add("#")
        if "'" in body or "’" in body:
            f.add("'")
        if re.search(r"[A-Za-z]", body.replace("\\d", "")):
            f.add("*")
    elif c.isalpha():
        m = _LETTERS.match(s, i)
        assert m is not None
        word, j = m.group().lower(), m.end()
        f = {word}
        if j < len(s) and s[j] in "?*":  # the quantifier takes the last letter only
            f.add(word[:-1])
            j += 1
    else:
        j = i + 1
        if c in "'’":
            f = {"'"}
        elif c.isdigit():
            f = {"#"}
    if j < len(s) and s[j] in "?*":
        n, j = True, j + 1
    elif j < len(s) and s[j] == "+":
        j += 1
    elif (q := _QUANT.match(s, j)) is not None:
        n, j = n or not int(q.group(1) or 0), q.end()
    if j < len(s) and s[j] == "?":
        j += 1
    return f, n, j
