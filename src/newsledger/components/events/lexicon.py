"""Event lexicons, loaded once from the ``data/event_*.tsv`` files.

* ``event_triggers.tsv``: trigger lemma → PLOVER type and mode, with conditions
  on the trigger's dependency context (``strike`` is ASSAULT with ``air`` as a
  dependent, PROTEST with ``general``).
* ``event_modes.tsv``: words near a trigger that give the mode (``suicide``).
* ``event_support.tsv``: words that link an event noun to its arguments
  (``carried out``, ``claimed``, ``attributed to``).
* ``event_place_nouns.tsv`` and ``event_site_nouns.tsv``: nouns that refer
  back to a named place ("the city") and nouns that name where an event
  happened ("a checkpoint").
* ``event_agents.tsv``: nouns for unnamed actors and their sector ("gunmen" are
  an armed group), converted from PETRARCH2 by ``scripts/event_agents.py``.
* ``event_verb_classes.tsv``: verb lemma -> PLOVER category (PETRARCH2's CAMEO
  verbs mapped by CAMEO2PLOVER), a feature of the event-type model.
* ``event_casualties.tsv`` and ``number_words.tsv`` (shared): casualty figure patterns
  and number words.

Every loader reports a malformed line with its file and line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from newsledger.core.errors import NewsledgerError
from newsledger.core.lexicon import Col, LexiconError, Row, read_table
from newsledger.core.wordlists import numbers_of

POS = frozenset({"VERB", "NOUN", "ADJ", "*"})
COND_OPS = frozenset(
    {"child", "nochild", "obj", "noobj", "prep", "head", "of", "subj", "tag", "voice"}
)
SUPPORT_KINDS = frozenset(
    {"light", "claim", "attribute", "responsible", "frame", "locative", "state"}
)
# PLOVER's event categories with the names of the openeventdata/PLOVER README:
# DEMAND and DISAPPROVE, not POLECAT's REQUEST and ACCUSE; seizing, arresting and
# capturing are modes of COERCE, never a type of their own.
PLOVER = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "INVESTIGATE",
        "DEMAND",
        "DISAPPROVE",
        "REJECT",
        "THREATEN",
        "SANCTION",
        "PROTEST",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
)


@dataclass(frozen=True, slots=True)
class Cond:
    op: str
    values: frozenset[str]


@dataclass(frozen=True, slots=True)
class TriggerRule:
    lemma: str
    pos: str
    type: str
    mode: str | None
    conds: tuple[Cond, ...]
    aux: bool  # a casualty word: joins a nearby ASSAULT event, never one of its own
    result: bool = False  # joins a recent ASSAULT event when it names no place or date
    tally: bool = False  # an aux word that lends its figures only, not a mention ("toll")


@dataclass(frozen=True, slots=True)
class CasualtyPattern:
    kind: str  # killed | injured
    update: bool
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    triggers: dict[str, tuple[TriggerRule, ...]]
    modes: dict[str, tuple[tuple[str, str], ...]]  # type -> ((cue lemma, mode), ...)
    support: dict[str, frozenset[str]]  # lemma -> kinds
    casualties: tuple[CasualtyPattern, ...]
    numbers: dict[str, int]
    casualty_gate: re.Pattern[str]  # sentences it does not match have no figures
    number: re.Pattern[str]  # a figure, digits or words
    place_nouns: dict[str, frozenset[str]]  # "the city" -> place features it may refer to
    site_nouns: frozenset[str] = frozenset()  # "a checkpoint", "the market": nominal places
    agents: dict[str, str] = field(default_factory=dict)  # "gunman" -> sector (unnamed actors)
    verb_classes: dict[str, str] = field(default_factory=dict)  # "condemn" -> DISAPPROVE


# the columns of each events data file (checked on reading)
COLUMNS: dict[str, tuple[Col | str, ...]] = {
    "event_triggers.tsv": (
        Col("lemma", required=True),
        Col("pos", choices=POS, required=True),
        Col("type", choices=PLOVER, required=True),
        "mode",
        "cond",
        Col("kind", choices=frozenset({"trigger", "aux", "tally", "result"}), required=True),
    ),
    "event_modes.tsv": (
        Col("type", choices=PLOVER, required=True),
        Col("cue", required=True),
        Col("mode", required=True),
    ),
    "event_support.tsv": (Col("lemma", required=True), Col("kind", choices=SUPPORT_KINDS)),
    "event_place_nouns.tsv": (Col("noun", required=True), Col("features", required=True)),
    "event_site_nouns.tsv": (Col("lemma", required=True),),
    "event_agents.tsv": (Col("noun", required=True), Col("sector", required=True), "code"),
    "event_verb_classes.tsv": (
        Col("lemma", required=True),
        Col("plover", choices=PLOVER, required=True),
        "cameo",
    ),
    "event_casualties.tsv": (
        Col("kind", choices=frozenset({"killed", "injured", "gate"}), required=True),
        Col("update", choices=frozenset({"0", "1", "-"}), required=True),
        Col("pattern", required=True),
    ),
}


def _rows(name: str) -> tuple[Row, ...]:
    return read_table(name, COLUMNS[name])


def _bad(name: str, n: int, what: str, fix: str) -> NewsledgerError:
    return LexiconError(f"data/{name}:{n}", f"{what}.", fix)


def parse_conds(text: str, name: str, n: int) -> tuple[Cond, ...]:
    conds: list[Cond] = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        op, sep, vals = part.partition(":")
        if not sep or op not in COND_OPS or not vals:
            raise _bad(
                name,
                n,
                f"bad condition {part!r}",
                f"Write op:value|value with op one of {', '.join(sorted(COND_OPS))}.",
            )
        keep = str if op == "tag" else str.lower
        conds.append(Cond(op, frozenset(keep(v.strip()) for v in vals.split("|"))))
    return tuple(conds)


def load_triggers(name: str = "event_triggers.tsv") -> dict[str, tuple[TriggerRule, ...]]:
    rules: dict[str, list[TriggerRule]] = {}
    for r in _rows(name):
        n = r.line
        lemma, pos, etype, mode, cond, kind = (x.strip() for x in r.cells())
        rule = TriggerRule(
            lemma.lower(),
            pos,
            etype,
            mode or None,
            parse_conds(cond, name, n),
            kind in ("aux", "tally"),
            kind == "result",
            kind == "tally",
        )
        rules.setdefault(rule.lemma, []).append(rule)
    return {k: tuple(v) for k, v in rules.items()}


def load_modes(name: str = "event_modes.tsv") -> dict[str, tuple[tuple[str, str], ...]]:
    modes: dict[str, list[tuple[str, str]]] = {}
    for r in _rows(name):
        modes.setdefault(r["type"].strip(), []).append(
            (r["cue"].strip().lower(), r["mode"].strip())
        )
    return {k: tuple(v) for k, v in modes.items()}


def load_support(name: str = "event_support.tsv") -> dict[str, frozenset[str]]:
    support: dict[str, set[str]] = {}
    for r in _rows(name):
        support.setdefault(r["lemma"].strip().lower(), set()).add(r["kind"].strip())
    return {k: frozenset(v) for k, v in support.items()}


def load_place_nouns(name: str = "event_place_nouns.tsv") -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for r in _rows(name):
        out[r["noun"].strip().lower()] = frozenset(x.strip() for x in r["features"].split("|"))
    return out


def load_site_nouns(name: str = "event_site_nouns.tsv") -> frozenset[str]:
    out: set[str] = set()
    for r in _rows(name):
        if " " in r["lemma"].strip():
            raise r.error("expected one lemma a line", "Write a single word.")
        out.add(r["lemma"].strip().lower())
    return frozenset(out)


def load_agents(name: str = "event_agents.tsv") -> dict[str, str]:
    """Nouns for unnamed actors -> their sector (from PETRARCH2's agents dictionary)."""
    return {r["noun"].strip().lower(): r["sector"].strip() for r in _rows(name)}


def load_verb_classes(name: str = "event_verb_classes.tsv") -> dict[str, str]:
    """Verb lemma -> PLOVER category (PETRARCH2's CAMEO verbs through CAMEO2PLOVER)."""
    return {r["lemma"].strip().lower(): r["plover"].strip() for r in _rows(name)}


def load_numbers() -> dict[str, int]:
    """Number words of casualty figures: whole values of one or more, one word each
    (``data/number_words.tsv``; "a dozen" is read as "a" + "dozen")."""
    kinds = frozenset({"cardinal", "article", "unit", "scale"})
    return {w: int(v) for w, v in numbers_of(kinds, least=1, phrases=False).items()}


QUALIFIER = (
    r"(?:(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to|as\s+many\s+as"
    r"|an\s+estimated|roughly|approximately|at\s+most|fewer\s+than|less\s+than)\s+)?"
)
NP_STOP = (
    r"(?:were|was|is|are|and|or|but|killed|dead|died|wounded|injured|hurt|who|which|that|in|on"
    r"|at|by|after|before|when|while|as|including|with|from|to|for|said|says|had|have|has"
    r"|been|being|left|leaving)"
)
AUX = r"(?:(?:were|was|are|is|been|being|be|have|has|had|got|get|also|all|reportedly|later)\s+){0,4}(?:\w+ly\s+)?"


def number_regex(numbers: dict[str, int]) -> str:
    words = sorted((w for w in numbers if w not in ("a", "an")), key=len, reverse=True)
    w = "(?:" + "|".join(map(re.escape, words)) + ")"
    return (
        r"(?<![\w,.])(?P<num>\d{1,3}(?:,\d{3})+(?!\d)|\d+(?![\d,.]\d)"
        rf"|an?\s+(?:dozen|hundred|thousand)(?:[\s-]+(?:and\s+)?{w})*|{w}(?:[\s-]+(?:and\s+)?{w})*)"
    )


def load_casualties(
    numbers: dict[str, int], name: str = "event_casualties.tsv"
) -> tuple[tuple[CasualtyPattern, ...], re.Pattern[str]]:
    """The casualty patterns and the gate (a quick test sentences must pass)."""
    num = number_regex(numbers)
    np_ = rf"(?:(?!{NP_STOP}\b)[^\W\d][\w'’.-]*,?\s+){{0,5}}?"
    out: list[CasualtyPattern] = []
    gate: re.Pattern[str] | None = None
    for r in _rows(name):
        n, f = r.line, r.cells()
        if f[0] == "gate":
            gate = re.compile(f[2].strip(), re.IGNORECASE)
            continue
        if f[1] not in ("0", "1"):
            raise r.error("update must be 0 or 1 on a killed or injured row", "Fix the line.")
        src = (
            f[2]
            .strip()
            .replace("{NUM}", num)
            .replace("{Q}", QUALIFIER)
            .replace("{NP}", np_)
            .replace("{AUX}", AUX)
        )
        try:
            rx = re.compile(src, re.IGNORECASE)
        except re.error as exc:
            raise _bad(name, n, f"bad regular expression ({exc})", "Fix the pattern.") from None
        if "num" not in rx.groupindex:
            raise _bad(name, n, "the pattern has no {NUM}", "Put {NUM} where the figure is.")
        out.append(CasualtyPattern(f[0], f[1] == "1", rx))
    if gate is None:
        raise _bad(name, 0, "no gate row", "Add a row: gate<TAB>-<TAB>keyword|keyword|...")
    return tuple(out), gate


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The event lexicons (loaded once per process)."""
    numbers = load_numbers()
    patterns, gate = load_casualties(numbers)
    return Lexicon(
        load_triggers(),
        load_modes(),
        load_support(),
        patterns,
        numbers,
        gate,
        re.compile(number_regex(numbers), re.IGNORECASE),
        load_place_nouns(),
        load_site_nouns(),
        load_agents(),
        load_verb_classes(),
    )


def parse_number(text: str, numbers: dict[str, int]) -> int | None:
    """Value of a figure such as ``137``, ``1,200``, ``nine``, ``twenty-five``, ``a dozen``."""
    t = text.replace(",", "").strip().lower()
    if t.isdigit():
        return int(t)
    total = current = 0
    seen = False
    for w in re.split(r"[\s-]+", t):
        if w == "and":
            continue
        v = numbers.get(w)
        if v is None:
            return None
        seen = True
        if w in ("a", "an"):
            current = max(current, 1)
        elif v in (12, 100) and w in ("dozen", "hundred"):
            current = max(current, 1) * v
        elif v >= 1000:
            total += max(current, 1) * v
            current = 0
        else:
            current += v
    return total + current if seen else None
