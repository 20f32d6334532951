"""What a person types into a search box, as a safe SQLite FTS5 query.

Every word is quoted, so punctuation (``al-Baghdadi``, ``Massoud's``, ``U.S.``,
``$9bn``) can never be read as FTS5 syntax.  Kept from the syntax:

* ``"exact phrases"`` (an unclosed quote runs to the end of the text);
* ``prefix*`` (a word, or a phrase, ending in ``*``);
* ``AND``, ``OR``, ``NOT`` in capitals between two terms, and parentheses.

An operator that is not between two terms is searched as a word.  Only
unbalanced or empty parentheses are refused (:class:`FtsSyntaxError`), with a
message that says how to fix them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsledger.core.errors import NewsledgerError

OPERATORS = frozenset({"AND", "OR", "NOT"})
_TOKEN = re.compile(r'"[^"]*"?\*?|[()]|[^\s()"]+')
_WORDY = re.compile(r"\w")
MAX_ALTERNATIVES = 12  # alias spellings added to one search


class FtsSyntaxError(NewsledgerError):
    """Advanced search syntax that cannot be read (unbalanced parentheses)."""


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _term(token: str) -> str | None:
    """One token as a quoted FTS5 string (with ``*`` kept as prefix), None if no word in it."""
    prefix = token.endswith("*")
    body = token.rstrip("*")
    if body.startswith('"'):
        body = body[1:-1] if len(body) > 1 and body.endswith('"') else body[1:]
    if not _WORDY.search(body):
        return None
    return _quote(body) + ("*" if prefix else "")


def to_fts(text: str) -> str:
    """``text`` as an FTS5 query matching what a reader expects (see the module doc).

    Returns "" when the text holds no word at all.
    """
    out: list[str] = []  # terms, operators and parentheses in order
    depth = 0
    text = text.replace("\x00", " ")  # SQLite ends a string at NUL
    for tok in _TOKEN.findall(text):
        if tok == "(":
            depth += 1
            out.append(tok)
        elif tok == ")":
            if depth == 0 or (out and out[-1] == "("):
                raise FtsSyntaxError(
                    f"The search {text!r} has a ')' without its '(' or empty parentheses.",
                    'Remove the parentheses, or put the words in quotes: "like this".',
                )
            depth -= 1
            out.append(tok)
        elif tok in OPERATORS:
            out.append(tok)
        else:
            term = _term(tok)
            if term is not None:
                out.append(term)
    if depth:
        raise FtsSyntaxError(
            f"The search {text!r} opens a '(' that is never closed.",
            "Close it with ')', or remove it.",
        )
    return " ".join(_place_operators(out))


def _is_end(tok: str) -> bool:
    return tok not in OPERATORS and tok != "("


def _is_start(tok: str) -> bool:
    return tok not in OPERATORS and tok != ")"


def _place_operators(items: list[str]) -> list[str]:
    """Keep an operator only between the end of one term and the start of the next;
    any other is searched as the word it is."""
    fixed: list[str] = []
    for i, tok in enumerate(items):
        if tok in OPERATORS:
            nxt = items[i + 1] if i + 1 < len(items) else None
            if not (fixed and _is_end(fixed[-1]) and nxt is not None and _is_start(nxt)):
                tok = _quote(tok)
        if fixed and _is_end(fixed[-1]) and _is_start(tok) and (fixed[-1] == ")" or tok == "("):
            fixed.append("AND")  # FTS5 joins terms by AND only between plain strings
        fixed.append(tok)
    return fixed


def is_advanced(text: str) -> bool:
    """Whether the text uses operators, parentheses, quotes or prefixes."""
    return any(t in OPERATORS or t in "()" or '"' in t or t.endswith("*") for t in text.split())


def with_alternatives(query: str, spellings: Iterable[str]) -> str:
    """``query`` OR each other spelling as a phrase (the aliases of the entity searched)."""
    alts: list[str] = []
    for s in spellings:
        term = _term(_quote(s.replace('"', " ")))
        if term is not None and term != query and term not in alts:
            alts.append(term)
        if len(alts) >= MAX_ALTERNATIVES:
            break
    if not alts or not query:
        return query
    return "(" + query + ") OR " + " OR ".join(alts)
