"""Claims stage: what an article asserts about a named subject, with its evidence span.

A claim is (subject entity, attribute, value, qualifiers, evidence span, and the
speaker when it sits inside a quote).  Attributes and their value types are
defined in ``data/claim_attributes.json``; the patterns that find them, one
regular expression each, in ``data/claim_patterns.tsv`` (macros in
``data/claim_macros.tsv``, word lists in ``data/claim_lexicon.json``).

A pattern finds the value; the subject is then resolved with
:mod:`newsledger.claim_subjects`: a name in a slot of the pattern, the name
the phrase is in apposition to ("Emomali Rakhmon, in power since 2012"), the
subject of a fronted phrase ("In power since 1992, Emomali Rahmon is …"), the
subject the dependency parse leads to, "the country" (the document's main
country when clear), or a pronoun (the nearest compatible name before it).
Values are typed and normalised by :mod:`newsledger.claim_values`.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .claim_subjects import DocContext
from .claim_values import (
    Value,
    alternation,
    lexicon,
    read_age,
    read_duration_start,
    read_quantity,
    read_when,
)
from .errors import NewsledgerError
from .model import Analysis, Claim
from .stage import Stage

SUBJECT_STRATEGIES = frozenset({"auto", "group", "place", "right", "passive", "orgref"})
VALUE_KINDS = frozenset({"when", "duration", "quantity", "age", "entity", "role", "demonym"})


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


def _data(name: str) -> str:
    return (resources.files("newsledger") / "data" / name).read_text(encoding="utf-8")


@cache
def attributes() -> dict[str, AttributeSpec]:
    """The attribute definitions, loaded once."""
    raw: dict[str, Any] = json.loads(_data("claim_attributes.json"))
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
    """Lower-case demonym → country name (``data/claim_demonyms.tsv``)."""
    out: dict[str, str] = {}
    for row in csv.reader(_data("claim_demonyms.tsv").splitlines(), delimiter="\t"):
        if row and not row[0].startswith("#") and len(row) >= 2:
            out[row[0].lower()] = row[1]
    return out


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
        "NUMWORD": alternation([w for w in lex["number_words"] if w != "a"]),
        "SCALE": alternation(list(lex["scales"])),
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


@cache
def patterns() -> tuple[Pattern, ...]:
    """The claim patterns with macros expanded and compiled, loaded once."""
    macros = _lexicon_macros()
    for n, line in enumerate(_data("claim_macros.tsv").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            name, _, rx = line.partition("\t")
            macros[name] = "(?:" + _expand(rx, macros, f"claim_macros.tsv line {n}") + ")"
    attrs = attributes()
    out: list[Pattern] = []
    for n, line in enumerate(_data("claim_patterns.tsv").splitlines(), 1):
        if not line.strip() or line.startswith(("#", "attribute\t")):
            continue
        where = f"claim_patterns.tsv line {n}"
        parts = line.split("\t")
        if len(parts) != 5:
            raise NewsledgerError(
                f"{where}: expected 5 tab-separated columns, got {len(parts)}.",
                "Columns: attribute, subject, value, require, pattern.",
            )
        attr, subj, kind, req, rx = parts
        if (attr != "@unit" and attr not in attrs) or subj not in SUBJECT_STRATEGIES:
            raise NewsledgerError(
                f"{where}: unknown attribute {attr!r} or subject strategy {subj!r}.",
                "Use an attribute of claim_attributes.json and a strategy listed in the header.",
            )
        if kind not in VALUE_KINDS:
            raise NewsledgerError(f"{where}: unknown value kind {kind!r}.", "See the file header.")
        try:
            regex = re.compile(_expand(rx, macros, where), re.IGNORECASE)
        except re.error as exc:
            raise NewsledgerError(f"{where}: bad regular expression ({exc}).", "Fix it.") from exc
        out.append(Pattern(attr, subj, kind, req, regex, n))
    return tuple(out)


# ------------------------------------------------------------------ reading


def _title(text: str) -> str:
    words = " ".join(text.replace("\n", " ").split())
    small = {"of", "the", "and", "for"}
    return " ".join(
        "-".join(p.capitalize() for p in w.split("-")) if w.lower() not in small else w.lower()
        for w in words.split(" ")
    )


def _group(m: re.Match[str], name: str) -> tuple[int, int] | None:
    if name not in m.re.groupindex or m.group(name) is None:
        return None
    return m.span(name)


def _status(ctx: DocContext, m: re.Match[str]) -> str | None:
    words: dict[str, str] = lexicon()["status_words"]
    if (g := _group(m, "status")) is not None:
        return words.get(ctx.text[g[0] : g[1]].lower().rstrip("-"), None)
    if (g := _group(m, "verb")) is not None:
        verb = " ".join(ctx.text[g[0] : g[1]].lower().split())
        if verb in lexicon()["former_verbs"]:
            return "former"
    return None


def _role(ctx: DocContext, m: re.Match[str], quals: list[tuple[str, str]]) -> str | None:
    g = _group(m, "title")
    if g is None:
        return None
    title = _title(ctx.text[g[0] : g[1]])
    quals.append(("title", title.lower()))
    org: str | None = None
    if (d := _group(m, "dem")) is not None:
        dem = ctx.text[d[0] : d[1]]
        org = ctx.country_of(dem)
        quals.append(("demonym", dem))
        if org is None:
            return f"{dem} {title}"
    for name in ("org", "org2"):
        if org is None and (o := _group(m, name)) is not None:
            org = ctx.name_at(o[0], o[1], frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"}))
    if org:
        quals.append(("org", org))
        return f"{title} of {org}"
    return title


def _value(
    ctx: DocContext, pat: Pattern, m: re.Match[str], vtypes: frozenset[str], quals: list[tuple[str, str]]
) -> Value | None:
    kind = pat.value
    if kind == "role":
        role = _role(ctx, m, quals)
        return Value(role, "text") if role else None
    if kind == "demonym":
        d = _group(m, "dem")
        if d is None:
            return None
        dem = ctx.text[d[0] : d[1]]
        quals.append(("demonym", dem))
        return Value(ctx.country_of(dem) or dem, "entity")
    v = _group(m, "v")
    if v is None:
        return None
    surface = ctx.text[v[0] : v[1]]
    if kind == "when":
        return read_when(surface, ctx.pub)
    if kind == "duration":
        return read_duration_start(surface, ctx.pub)
    if kind == "quantity":
        return read_quantity(surface)
    if kind == "age":
        return read_age(surface)
    found = ctx.value_entity(v[0], v[1], vtypes)
    if found is None:
        return None
    name, eid = found
    if eid:
        quals.append(("entity", eid))
    return Value(name, "entity")


def _subject(
    ctx: DocContext, pat: Pattern, m: re.Match[str], spec: AttributeSpec
) -> str | None:
    types = frozenset() if pat.require == "anytype" else spec.subject_types
    s = _group(m, "s")
    v = _group(m, "v")
    if pat.subject in ("group", "passive", "orgref"):
        if s is None:
            return None
        ks = ctx.mentions_in(s[0], s[1])
        if ks:
            ms = ctx.mentions[ctx.pick(ks, types)]
            for name in ("v", "org", "org2", "dem"):
                g = _group(m, name)
                if g is not None and ms.start < g[1] and g[0] < ms.end:
                    return None  # the subject slot took part of the value's name
        return ctx.group_subject(s[0], s[1], types)
    if pat.subject == "place":
        return ctx.place_subject(m.start(), m.end())
    if pat.subject == "right":
        found = ctx.right_subject(m.end(), types)
        if found:
            return found
    return ctx.auto_subject(m.start(), m.end(), types, v)


def _read(ctx: DocContext, pat: Pattern, m: re.Match[str]) -> Claim | None:
    attrs = attributes()
    attr = pat.attribute
    if attr == "@unit":
        unit = " ".join(m.group("unit").lower().split())
        attr = lexicon()["member_units"].get(unit, "")
        if attr not in attrs:
            return None
    spec = attrs[attr]
    quals: list[tuple[str, str]] = []
    if pat.subject == "passive":
        eid = ctx.auto_subject(m.start(), m.end(), spec.value_types, _group(m, "s"))
        value = Value(ctx.entity_name(eid), "entity") if eid else None
        if eid:
            quals.append(("entity", eid))
    elif pat.subject == "orgref":
        o = _group(m, "org")
        eid = ctx.ref_entity(o[0], o[1], spec.value_types) if o else None
        value = Value(ctx.entity_name(eid), "entity") if eid else None
        if eid:
            quals.append(("entity", eid))
    else:
        value = _value(ctx, pat, m, spec.value_types, quals)
    if value is None or not value.text:
        return None
    subject = _subject(ctx, pat, m, spec)
    if subject is None or ("entity", subject) in quals:
        return None
    if pat.require == "institution" and not ctx.is_institution(subject):
        return None
    if pat.require == "headnoun" and not ctx.head_noun_at(m.end()):
        return None
    if ctx.hypothetical(m.start(), m.end()):
        return None
    if value.granularity:
        quals.append(("granularity", value.granularity))
    status = _status(ctx, m)
    if status:
        quals.append(("status", status))
    _context_qualifiers(ctx, pat, m, attr, quals)
    start, end = ctx.trim(m.start(), m.end())
    return Claim(
        subject=subject,
        attribute=attr,
        value=value.text,
        start=start,
        end=end,
        value_type=value.value_type,
        qualifiers=tuple(quals),
        speaker=ctx.speaker_at(start),
    )


def _context_qualifiers(
    ctx: DocContext, pat: Pattern, m: re.Match[str], attr: str, quals: list[tuple[str, str]]
) -> None:
    spec = attributes()[attr]
    if spec.value == "quantity":
        as_of = ctx.as_of(m.start())
        if as_of:
            quals.append(("as_of", as_of))
    if (o := _group(m, "origin")) is not None:
        places = ctx.places_in(o[0], o[1])
        if places:
            quals.append(("origin", "; ".join(sorted(places))))
    if attr in ("killed", "injured"):
        event = ctx.event_in_sentence(m.start())
        if event:
            quals.append(("event", event))
        when = ctx.event_date(m.start())
        if when:
            quals.append(("event_date", when))
    if attr == "in_power_since" and (o := _group(m, "org")) is not None:
        org = ctx.name_at(o[0], o[1], frozenset({"ORG", "GPE", "NORP", "LOC"}))
        if org:
            quals.append(("org", org))
    if attr == "in_office_since":
        role = _role(ctx, m, [])
        if role:
            quals.append(("role", role))


def extract(a: Analysis) -> list[Claim]:
    """Every claim the patterns find in one analysed document (deduplicated, in text order)."""
    ctx = DocContext(a, demonyms())
    claims: list[Claim] = []
    seen: set[tuple[str, str, str]] = set()
    for pat in patterns():
        for m in pat.regex.finditer(ctx.text):
            c = _read(ctx, pat, m)
            if c is None:
                continue
            key = (c.subject, c.attribute, c.value)
            if key in seen:
                continue
            seen.add(key)
            claims.append(c)
    claims.sort(key=lambda c: (c.start, c.end, c.attribute))
    return claims


def run(a: Analysis) -> None:
    a.claims = extract(a)


STAGE = Stage("claims", requires=("annotated", "mentions", "entities"), assigns=("claims",), run=run)
