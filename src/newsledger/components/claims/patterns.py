"""Claim definitions and patterns, loaded from the data files once per process.

* ``data/claim_attributes.json``: each attribute's value type and how two of its
  values are compared (see :mod:`newsledger.corpus.conflicts`).
* ``data/claim_patterns.tsv``: one regular expression per line with the
  attribute it finds, how its subject is resolved, how its value is read, an
  extra requirement, and the trigger words a sentence must hold for it to be
  tried (so a document costs one pass over its tokens plus the few sentences
  that may hold a claim).
* ``data/claim_macros.tsv``: named pieces of regular expression ({NAME},
  {QTY}, {WHEN} …) the patterns share; ``data/claim_lexicon.json`` and
  ``data/demonyms.tsv``: the word lists behind them.

Errors in these files are raised as :class:`~newsledger.core.errors.NewsledgerError`
naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsledger.components.claims.values import alternation, lexicon
from newsledger.core.errors import NewsledgerError
from newsledger.core.lexicon import Col, read_json, read_table
from newsledger.core.model import Analysis, Annotated
from newsledger.core.wordlists import demonym_rows

SUBJECT_STRATEGIES = frozenset({"auto", "group", "place", "right", "passive", "orgref"})
VALUE_KINDS = frozenset(
    {"when", "duration", "quantity", "age", "entity", "place", "role", "demonym", "term"}
)
REQUIREMENTS = frozenset({"-", "institution", "headnoun", "anytype", "ownhead", "party"})
REACH = 40  # tokens tried either side of a trigger word


@dataclass(frozen=True, slots=True)
class AttributeSpec:
    """One attribute of ``claim_attributes.json``."""

    name: str
    value: str
    compare: str
    subject_types: frozenset[str]
    value_types: frozenset[str]
    key_qualifiers: tuple[str, ...] = ()
    change: str = "conflict"
    window_days: int = 0
    drift_per_year: float = 0.0
    inverse: str | None = None


@dataclass(frozen=True, slots=True)
class Pattern:
    attribute: str  # or "@unit"
    subject: str
    value: str
    require: str
    regex: re.Pattern[str]
    line: int
    words: frozenset[str] = frozenset()  # a sentence must hold one of these tokens …
    trigger: re.Pattern[str] | None = None  # … or match this


@dataclass(frozen=True, slots=True)
class PatternSet:
    """The compiled patterns and, per trigger word, the patterns it wakes."""

    patterns: tuple[Pattern, ...]
    by_word: dict[str, tuple[int, ...]]
    by_regex: tuple[tuple[re.Pattern[str], tuple[int, ...]], ...]


PATTERN_COLUMNS = (
    Col("attribute", required=True),
    Col("subject", choices=frozenset(SUBJECT_STRATEGIES), required=True),
    Col("value", choices=frozenset(VALUE_KINDS), required=True),
    Col("require", choices=frozenset(REQUIREMENTS), required=True),
    "trigger",
    Col("pattern", required=True),
)
MACRO_COLUMNS = (Col("name", required=True), Col("regex", required=True))


@cache
def attributes() -> dict[str, AttributeSpec]:
    """The attribute definitions, loaded once."""
    raw: dict[str, Any] = read_json("claim_attributes.json")
    out: dict[str, AttributeSpec] = {}
    for name, d in raw.items():
        if name.startswith("_"):
            continue
        out[name] = AttributeSpec(
            name=name,
            value=d["value"],
            compare=d["compare"],
            subject_types=frozenset(d["subject_types"]),
            value_types=frozenset(d.get("value_types", [])),
            key_qualifiers=tuple(d.get("key_qualifiers", ())),
            change=d.get("change", "conflict"),
            window_days=int(d.get("window_days", 0)),
            drift_per_year=float(d.get("drift_per_year", 0.0)),
            inverse=d.get("inverse"),
        )
    return out


@cache
def demonyms() -> dict[str, str]:
    """Lower-case demonym → country name (``data/demonyms.tsv``)."""
    return {r["demonym"].lower(): r["country"] for r in demonym_rows() if r["code"] != "-"}


@cache
def country_names() -> frozenset[str]:
    """Case-folded names of countries (the demonym table's and pycountry's)."""
    names = {c.casefold() for c in demonyms().values()}
    try:
        import pycountry

        for c in pycountry.countries:
            names.add(c.name.casefold())
            common = getattr(c, "common_name", None)
            if common:
                names.add(common.casefold())
    except ImportError:  # pragma: no cover - pycountry is a dependency
        pass
    return frozenset(names)


def _lexicon_macros() -> dict[str, str]:
    lex = lexicon()
    units = lex["member_units"]
    raw = {
        "TITLE": alternation(lex["titles"], hyphen=True),
        "STATUS": alternation(list(lex["status_words"])),
        "LEADER": alternation(lex["leader_nouns"]),
        "UNIT": alternation(list(units)),
        "NATNOUN": alternation(lex["nationality_nouns"]),
        "PLACENOUN": alternation(lex["place_nouns"]),
        "CASUALTY": alternation(lex["casualty_nouns"]),
        "MONTH": alternation(list(lex["months"])),
        "WEEKDAY": alternation(list(lex["weekdays"])),
        "APPROX": alternation(list(lex["approximators"])),
        "VAGUE": alternation(list(lex["vague_quantities"])),
        "NUMWORD": alternation([w for w in lex["number_words"] if w not in ("a", "an")]),
        "SCALE": alternation(list(lex["scales"])),
        "PARTYROLE": alternation(lex["party_roles"]),
        "DEMONYM_KNOWN": "(?-i:" + alternation([d.title() for d in demonyms()], lower=False) + ")",
    }
    return {k: f"(?:{v})" for k, v in raw.items()}


_MACRO_REF = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


def _expand(text: str, macros: dict[str, str], where: str) -> str:
    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in macros:
            raise NewsledgerError(
                f"{where}: unknown macro {{{name}}}.",
                "Define it earlier in data/claim_macros.tsv or fix the name.",
            )
        return macros[name]

    return _MACRO_REF.sub(sub, text)


def _head(phrase: str) -> str:
    """The head word of a listed phrase: "secretary of state" → secretary, "aid worker" → worker."""
    p = phrase.lower().split(" of ")[0]
    return re.split(r"[\s-]+", p.strip())[-1]


def _trigger(spec: str, where: str) -> tuple[frozenset[str], re.Pattern[str] | None]:
    if spec.startswith("re:"):
        try:
            return frozenset(), re.compile(spec[3:], re.IGNORECASE)
        except re.error as exc:
            raise NewsledgerError(f"{where}: bad trigger regex ({exc}).", "Fix it.") from exc
    words: set[str] = set()
    lex = lexicon()
    for part in spec.split("|"):
        if part.startswith("@"):
            if part[1:] not in lex:
                raise NewsledgerError(
                    f"{where}: unknown word list {part!r}.", "Name a list of claim_lexicon.json."
                )
            words.update(_head(phrase) for phrase in lex[part[1:]])
        elif part:
            words.add(part.lower())
    return frozenset(words), None


@cache
def patterns() -> PatternSet:
    """The claim patterns with macros expanded and compiled, loaded once."""
    macros = _lexicon_macros()
    for row in read_table("claim_macros.tsv", MACRO_COLUMNS):
        macros[row["name"]] = "(?:" + _expand(row["regex"], macros, row.where) + ")"
    attrs = attributes()
    out: list[Pattern] = []
    for row in read_table("claim_patterns.tsv", PATTERN_COLUMNS):
        where = row.where
        attr, subj, kind, req, trig, rx = row.cells()
        if attr != "@unit" and attr not in attrs:
            raise row.error(
                f"unknown attribute {attr!r}.",
                "Use @unit or an attribute of claim_attributes.json.",
            )
        try:
            regex = re.compile(_expand(rx, macros, where), re.IGNORECASE)
        except re.error as exc:
            raise row.error(f"bad regular expression ({exc}).", "Fix it.") from None
        words, trigger = _trigger(trig, where)
        out.append(Pattern(attr, subj, kind, req, regex, row.line, words, trigger))
    by_word: dict[str, list[int]] = {}
    by_regex: dict[str, tuple[re.Pattern[str], list[int]]] = {}
    for i, p in enumerate(out):
        for w in p.words:
            by_word.setdefault(w, []).append(i)
        if p.trigger is not None:
            by_regex.setdefault(p.trigger.pattern, (p.trigger, []))[1].append(i)
    return PatternSet(
        tuple(out),
        {w: tuple(ids) for w, ids in by_word.items()},
        tuple((rx, tuple(ids)) for rx, ids in by_regex.values()),
    )


def windows(a: Analysis, ps: PatternSet) -> dict[int, list[tuple[int, int]]]:
    """Pattern index → text windows to try it in: the sentence around each trigger
    word, cut to ``REACH`` tokens either side; one pass over the tokens."""
    ann = a.annotated
    hits: dict[int, list[int]] = {}
    by_word = ps.by_word
    for tok in ann.tokens:
        t = tok.text
        ids = by_word.get(t)
        if ids is None and not t.islower():
            ids = by_word.get(t.lower())
        if ids:
            for i in ids:
                hits.setdefault(i, []).append(tok.i)
    for rx, ids in ps.by_regex:
        for m in rx.finditer(a.text):
            k = min(ann.token_at(m.start()), len(ann.tokens) - 1)
            for i in ids:
                hits.setdefault(i, []).append(k)
    return {i: _merge(ann, sorted(ts)) for i, ts in hits.items()}


def _merge(ann: Annotated, token_ids: list[int]) -> list[tuple[int, int]]:
    tokens, sents = ann.tokens, ann.sents
    out: list[tuple[int, int]] = []
    last_hi = -1
    for t in token_ids:
        sent = sents[tokens[t].sent]
        lo = max(sent.token_start, t - REACH)
        hi = min(sent.token_end, t + REACH + 1)
        if out and lo < last_hi:
            out[-1] = (out[-1][0], tokens[hi - 1].end)
        else:
            out.append((tokens[lo].start, tokens[hi - 1].end))
        last_hi = hi
    return out


# ------------------------------------------------------------------ reading
