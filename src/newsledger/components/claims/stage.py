"""Claims stage: what an article asserts about a named subject, with its evidence span.

A claim is (subject entity, attribute, value, qualifiers, evidence span, and the
speaker when it sits inside a quote).  Attributes and their value types are
defined in ``data/claim_attributes.json``; the patterns that find them, one
regular expression each, in ``data/claim_patterns.tsv`` (macros in
``data/claim_macros.tsv``, word lists in ``data/claim_lexicon.json``).

A pattern finds the value; the subject is then resolved with
:mod:`newsledger.components.claims.subjects`: a name in a slot of the pattern, the name
the phrase is in apposition to ("Emomali Rakhmon, in power since 2012"), the
subject of a fronted phrase ("In power since 2009, Marek Dovrin is …"), the
subject the dependency parse leads to, "the country" (the document's main
country when clear), or a pronoun (the nearest compatible name before it).
Values are typed and normalised by :mod:`newsledger.components.claims.values`.
"""

from __future__ import annotations

import re

from newsledger.components.claims import reading as rd
from newsledger.components.claims.names import could_be_person
from newsledger.components.claims.patterns import (
    AttributeSpec,
    Pattern,
    attributes,
    demonyms,
    patterns,
    windows,
)
from newsledger.components.claims.strategies import auto_subject
from newsledger.components.claims.subjects import PLACE_TYPES, DocContext
from newsledger.components.claims.values import (
    Value,
    lexicon,
    read_age,
    read_duration_start,
    read_quantity,
    read_term,
    read_when,
)
from newsledger.core.model import Analysis, Claim
from newsledger.core.stage import Stage

# births, deaths, ages and terms of office: only people have them ("Rennard, born in …")
MIN_TELLING_AGE = 16
PERSON_ONLY = frozenset(
    {"born", "birthplace", "died", "died_in", "age", "office_held", "in_office_since"}
)
_HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
_FUTURE_MARKS = frozenset({"after", "when", "before", "until", "once"})
_AS_OF = re.compile(r"^\W{0,3}(?:in|by|as\s+of|at\s+the\s+end\s+of)\s+((?:1[0-9]|20)\d\d)\b", re.I)


# ------------------------------------------------------------------ sentence context


def _hypothetical(ctx: DocContext, s: int, e: int) -> bool:
    """The match sits in a conditional or future clause ("if he became king",
    "will become", "after Charles becomes king"): not an assertion."""
    ann = ctx.a.annotated
    for t in range(ann.token_at(s), min(ann.token_at(e), len(ctx.tokens))):
        tok = ctx.tokens[t]
        if tok.pos not in ("VERB", "AUX"):
            continue
        verb = tok if tok.dep not in ("aux", "auxpass") else ctx.tokens[tok.head]
        for c in ctx.children_of(verb.i):
            ctok = ctx.tokens[c]
            w = ctok.text.lower()
            if ctok.dep in ("aux", "auxpass") and ctok.tag == "MD":
                return True
            if ctok.dep == "mark" and w in _HYPOTHETICAL_MARKS:
                return True
            if (
                ctok.dep in ("mark", "advmod")
                and w in _FUTURE_MARKS
                and verb.tag in ("VBZ", "VBP", "VB")
            ):
                return True
        return False
    return False


def _trim(ctx: DocContext, s: int, e: int) -> tuple[int, int]:
    while s < e and ctx.text[s] in " \t\n,;:":
        s += 1
    while e > s and ctx.text[e - 1] in " \t\n,;:":
        e -= 1
    return s, e


def _speaker_at(ctx: DocContext, char: int) -> str | None:
    for q in ctx.a.quotes:
        if q.start <= char < q.end and q.speaker is not None:
            return q.speaker.entity
    return None


def _as_of(ctx: DocContext, char: int) -> str | None:
    """The year a sentence opens with ("In 2017, …"), or the sentence's date."""
    ann = ctx.a.annotated
    si = ann.sentence_of(char)
    if si < 0:
        return None
    dated = ctx.a.sentence_dates.get(si)
    if dated and re.match(r"^\d{4}", dated):
        return dated[:4]
    sent = ann.sents[si]
    m = _AS_OF.match(ctx.text[sent.start : sent.end])
    return m.group(1) if m else None


def _places_in(ctx: DocContext, s: int, e: int) -> list[str]:
    names = {ctx.entity_name(ctx.entity_of(k)) for k in ctx.mentions_in(s, e)}
    return [n for n in names if n]


def _event_in_sentence(ctx: DocContext, char: int) -> str | None:
    ann = ctx.a.annotated
    si = ann.sentence_of(char)
    if si < 0:
        return None
    nouns: dict[str, str] = lexicon()["event_nouns"]
    sent = ann.sents[si]
    for t in range(sent.token_start, sent.token_end):
        cls = nouns.get(ctx.tokens[t].text.lower())
        if cls:
            return cls
    return None


def _event_date(ctx: DocContext, char: int) -> str | None:
    """The date of the event a toll is of: the event's, else the sentence's first date
    that does not date the report ("Officials said on Thursday that 12 people had died
    in Saturday's landslide": Saturday), none when every date dates the report
    ("Officials said on Tuesday that 290 people were killed in the earthquake")."""
    si = ctx.a.annotated.sentence_of(char)
    for ev in ctx.a.events:
        if ev.date and ev.evidence.start <= char < ev.evidence.end:
            return ev.date
    if si < 0:
        return None
    verdicts = _report_dates(ctx, si)
    if verdicts and all(report for report, _ in verdicts.values()):
        return None
    if any(report for report, _ in verdicts.values()):
        for first, (report, last) in sorted(verdicts.items()):
            phrase = ctx.text[ctx.tokens[first].start : ctx.tokens[last].end]
            when = None if report else read_when(re.sub(r"['’]s$", "", phrase), ctx.pub)
            if when is not None:
                return when.text
    return ctx.a.sentence_dates.get(si)


def _report_dates(ctx: DocContext, si: int) -> dict[int, tuple[bool, int]]:
    """The date phrases of sentence ``si`` (first token → (does it modify a verb of
    saying, i.e. date the report?, last token))."""
    sent = ctx.a.annotated.sents[si]
    saying = frozenset(lexicon()["reporting_verbs"])
    out: dict[int, tuple[bool, int]] = {}
    first = -1
    for t in range(sent.token_start, sent.token_end):
        tok = ctx.tokens[t]
        if tok.ent_type != "DATE":
            first = -1
            continue
        first = t if first < 0 else first
        report = out[first][0] if first in out else False
        if ctx.tokens[tok.head].ent_type != "DATE":  # the phrase's head word decides
            h = tok
            for _ in range(4):
                if h.pos in ("VERB", "AUX") or h.head == h.i:
                    break
                h = ctx.tokens[h.head]
            report = h.pos == "VERB" and h.lemma.lower() in saying
        out[first] = (report, t)
    return out


# ------------------------------------------------------------------ reading


def _value(
    ctx: DocContext,
    pat: Pattern,
    m: re.Match[str],
    vtypes: frozenset[str],
    quals: list[tuple[str, str]],
) -> Value | None:
    kind = pat.value
    if kind == "role":
        role = rd.role(ctx, m, quals)
        return Value(role, "text") if role else None
    if kind == "demonym":
        d = rd.group(m, "dem")
        if d is None:
            return None
        dem = ctx.text[d[0] : d[1]]
        quals.append(("demonym", dem))
        return Value(ctx.country_of(dem) or dem, "entity")
    v = rd.group(m, "v")
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
    if kind == "term":
        return read_term(surface)
    found = ctx.value_entity(v[0], v[1], vtypes)
    if found is None and kind == "place" and re.fullmatch(r"[A-Z][a-z]+", surface):
        found = surface, None  # "an Esk-based think tank": the compound says Esk is a place
    if found is None:
        return None
    name, eid = found
    if eid and ctx.etype(eid) == "NORP" and pat.attribute != "party":
        country = ctx.country_of(name)  # "Sarnian leader X": the country
        if country:
            return Value(country, "entity")
    if eid:
        quals.append(("entity", eid))
    return Value(name, "entity")


def _right_subject(ctx: DocContext, s: int, e: int, types: frozenset[str]) -> str | None:
    """A name within a few words after the match ("the 54-year-old Voss", "the
    Swansea-born actor-director Terry Palmer"), an untagged surname, else the person a
    describing noun right after it refers to ("the 66-year-old minister")."""
    ann = ctx.a.annotated
    i = ann.token_at(e)
    described: str | None = None
    for t in range(i, min(i + 4, len(ctx.tokens))):
        tok = ctx.tokens[t]
        if ctx.tok_m[t] >= 0:
            return ctx.subject_ok(ctx.entity_of(ctx.tok_m[t]), types)
        if (p := ctx.token_person(t)) is not None:
            return ctx.subject_ok(p, types)
        w = tok.text.lower()
        if tok.pos == "NOUN" and ctx.descriptions.get(w) == "person" and described is None:
            described = w
        if tok.pos in ("PUNCT", "VERB", "AUX", "ADP") and tok.text != "-":
            break
    if described is not None and "PERSON" in types:
        return ctx.resolve_description(s, described, types)
    return None
    return None


def _place_subject(ctx: DocContext, s: int, e: int) -> str | None:
    """The place named in the sentence nearest to the match (a facility first); when the
    sentence names none ("More than 40 people were injured."), the place of the
    sentence before it in the same paragraph."""
    ann = ctx.a.annotated
    si = ann.sentence_of(s)
    if si < 0:
        return None
    for k in (si, si - 1):
        if k < 0 or (k < si and "\n" in ctx.text[ann.sents[k].end : ann.sents[si].start]):
            return None
        found = _sentence_place(ctx, ann.sents[k].start, ann.sents[k].end, s, e, k < si)
        if found:
            return found
    return None


def _sentence_place(ctx: DocContext, lo: int, hi: int, s: int, e: int, before: bool) -> str | None:
    """The place of a sentence nearest to the match; in the sentence ``before`` it, the
    first place that is no possessor ("… in the Tolle floods …, Sarnia's ministry said")."""
    best: tuple[int, int, int, str] | None = None
    for k in ctx.mentions_in(lo, hi):
        m = ctx.mentions[k]
        if ctx.etype(ctx.entity_of(k)) not in PLACE_TYPES:
            continue
        dist = s - m.end if m.end <= s else m.start - e
        poss = before and ctx.text.startswith(("'s", "’s"), m.end)
        rank = m.start if before else max(dist, 0)
        key = (0 if m.type == "FAC" else 1, int(poss), rank, m.entity)
        if best is None or key < best:
            best = key
    return best[3] if best else None


def _plausible(ctx: DocContext, k: int, types: frozenset[str], alone: bool = True) -> bool:
    """A name in a pattern's subject slot fits: its type is one the attribute takes; for a
    person, a name of several words NER may have mistyped, but never a country or city
    (unless the slot holds that name ``alone`` and the phrase is one only a person fits:
    "Ekholm, 43," with "Ekholm" guessed a place)."""
    eid = ctx.entity_of(k)
    etype = ctx.etype(eid)
    if not types or etype in types or "PERSON" not in types:
        return True
    if etype in ("GPE", "NORP"):
        # "president of Vodafone KK, Japan"
        return alone and ctx.person_only and ctx._only_a_person(eid)
    name = ctx.entity_name(eid)
    return len(name.split()) >= 2 or could_be_person(name, etype)


def _subject(ctx: DocContext, pat: Pattern, m: re.Match[str], spec: AttributeSpec) -> str | None:
    types = frozenset() if pat.require == "anytype" else spec.subject_types
    s = rd.group(m, "s")
    v = rd.group(m, "v")
    if pat.subject in ("group", "passive", "orgref"):
        if s is None:
            return None
        ks = ctx.mentions_in(s[0], s[1])
        if ks:
            k = ctx.pick(ks, types)
            ms = ctx.mentions[k]
            for name in ("v", "org", "org2", "dem", "title"):
                g = rd.group(m, name)
                if g is not None and ms.start < g[1] and g[0] < ms.end:
                    return None  # the subject slot took part of the value's name
            if not _plausible(ctx, k, types, len(ks) == 1):
                return None
        return ctx.group_subject(s[0], s[1], types)
    if pat.subject == "place":
        return _place_subject(ctx, m.start(), m.end())
    if pat.subject == "right":
        found = _right_subject(ctx, m.start(), m.end(), types)
        if found:
            return found
    return auto_subject(ctx, m.start(), m.end(), types, v)


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
        eid = auto_subject(ctx, m.start(), m.end(), spec.value_types, rd.group(m, "s"))
        value = Value(ctx.entity_name(eid), "entity") if eid else None
        if eid:
            quals.append(("entity", eid))
    elif pat.subject == "orgref":
        o = rd.group(m, "org")
        eid = ctx.ref_entity(o[0], o[1], spec.value_types) if o else None
        value = Value(ctx.entity_name(eid), "entity") if eid else None
        if eid:
            quals.append(("entity", eid))
    else:
        value = _value(ctx, pat, m, spec.value_types, quals)
    if value is None or not value.text:
        return None
    # an age shows a person only from an adult's ("Rivaldo (2)" after a goal: his goals)
    adult = attr != "age" or (value.text.isdigit() and int(value.text) >= MIN_TELLING_AGE)
    ctx.person_only = attr in PERSON_ONLY and adult
    subject = _subject(ctx, pat, m, spec)
    if subject is None or ("entity", subject) in quals:
        return None
    if (
        value.value_type == "entity"
        and value.text.casefold() == ctx.entity_name(subject).casefold()
    ):
        return None  # "the London-based London …": nothing is its own place
    if pat.require == "institution" and not ctx.is_institution(subject):
        return None
    if pat.require == "headnoun" and not rd.head_noun_at(ctx, m.end()):
        return None
    if pat.require == "ownhead" and not rd.own_head(ctx, m.end(), subject):
        return None
    if pat.require == "party" and not rd.party_claim(ctx, m, value.text):
        return None
    if _hypothetical(ctx, m.start(), m.end()):
        return None
    if attr == "age" and rd.past_age(ctx, m):
        return None
    if value.granularity:
        quals.append(("granularity", value.granularity))
    status = rd.status(ctx, m, pat.value == "role")
    if status:
        quals.append(("status", status))
    if pat.value == "role" and rd.present(ctx, m, status):
        quals.append(("tense", "present"))
    _context_qualifiers(ctx, pat, m, attr, quals)
    start, end = _trim(ctx, m.start(), m.end())
    return Claim(
        subject=subject,
        attribute=attr,
        value=value.text,
        start=start,
        end=end,
        value_type=value.value_type,
        qualifiers=tuple(quals),
        speaker=_speaker_at(ctx, start),
    )


def _context_qualifiers(
    ctx: DocContext, pat: Pattern, m: re.Match[str], attr: str, quals: list[tuple[str, str]]
) -> None:
    spec = attributes()[attr]
    if spec.value == "quantity":
        as_of = _as_of(ctx, m.start())
        if as_of:
            quals.append(("as_of", as_of))
    if (o := rd.group(m, "origin")) is not None:
        places = _places_in(ctx, o[0], o[1])
        if places:
            quals.append(("origin", "; ".join(sorted(places))))
    if attr in ("killed", "injured"):
        event = _event_in_sentence(ctx, m.start())
        if event:
            quals.append(("event", event))
        when = _event_date(ctx, m.start())
        if when:
            quals.append(("event_date", when))
    if rd.group(m, "change") is not None:
        quals.append(("change", "joined"))  # "has joined the Farmers' Party": a new value
    if rd.group(m, "stint") is not None:
        quals.append(("stint", "return"))  # "returned to power in 1964": one stint of several
    if attr == "in_power_since" and (o := rd.group(m, "org")) is not None:
        org = ctx.name_at(o[0], o[1], frozenset({"ORG", "GPE", "NORP", "LOC"}))
        if org:
            quals.append(("org", org))
    if attr in ("in_office_since", "office_held"):
        role = rd.role(ctx, m, [])
        if role:
            quals.append(("role", role))


def extract(a: Analysis) -> list[Claim]:
    """Every claim the patterns find in one analysed document (deduplicated, in text order)."""
    ps = patterns()
    text = a.text
    matches: list[tuple[Pattern, re.Match[str]]] = []
    for i, spans in sorted(windows(a, ps).items()):
        pat = ps.patterns[i]
        for lo, hi in spans:
            matches.extend((pat, m) for m in pat.regex.finditer(text, lo, hi))
    if not matches:
        return []
    ctx = DocContext(a, demonyms())
    claims: list[Claim] = []
    seen: set[tuple[str, str, str]] = set()
    for _ in range(2):
        for pat, m in matches:
            c = _read(ctx, pat, m)
            if c is None:
                continue
            key = (c.subject, c.attribute, c.value)
            if key not in seen:
                seen.add(key)
                claims.append(c)
        # "'We have 40,000 members,' said Castell", who leads the Union: read again
        # with what the first reading tells of the speakers' organisations
        if ctx.affiliations or not ctx.quoted_we():
            break
        ctx.affiliations = _affiliations(claims)
        if not ctx.affiliations:
            break
    claims.sort(key=lambda c: (c.start, c.end, c.attribute))
    return claims


def _affiliations(claims: list[Claim]) -> dict[str, frozenset[str]]:
    """Person -> the organisations the document says they lead or belong to."""
    out: dict[str, set[str]] = {}
    for c in claims:
        if c.attribute in ("leader_of", "member_of", "party"):
            org = dict(c.qualifiers).get("entity")
            if org:
                out.setdefault(c.subject, set()).add(org)
    return {p: frozenset(orgs) for p, orgs in out.items()}


def run(a: Analysis) -> None:
    a.claims = extract(a)


STAGE = Stage(
    "claims",
    requires=("annotated", "mentions", "entities", "quotes", "events", "sentence_dates"),
    assigns=("claims",),
    run=run,
)
