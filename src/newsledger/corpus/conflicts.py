"""Where sources disagree: compare claims about one subject across documents.

:func:`find_conflicts` takes claims whose subjects are already resolved across
documents (:class:`ClaimRecord`) and returns every group of values that cannot
all hold, each value with its documents, speakers and evidence spans.

How two values of one (subject, attribute) are compared is set per attribute in
``data/claim_attributes.json``:

* ``when`` (in power since, born, founded …): the periods the values allow must
  overlap ("1992" and "2012" conflict; "2021-11" and "2021-11-02" do not).
* ``quantity`` (population, members, fighters, casualties): the intervals the
  figures allow must overlap ("around ten million" and "9.8 million" agree;
  "2,000 to 4,000" and "3,000" agree).  ``change`` says how reports at
  different times are read: ``drift`` widens the tolerance per year (a
  population), ``update`` makes a change between reports a year or more apart
  an update, ``monotonic`` makes a rise in a later report (a death toll) an
  update and a fall a conflict.
* ``age``: the birth dates two ages allow at their report dates must overlap.
* ``exclusive`` (nationality): different values conflict.
* ``countries`` (located in): two different countries conflict; anything
  else may nest (a city in a region in a country).
* roles (``inverse``): one exclusive office ("President of Tajikistan") held by
  two people in reports close in time is a conflict when both reports say they
  hold it now (present, present perfect or future tense, "current"); far apart,
  a succession (an update).  Former holders are left out.
* ``when`` values of a return to power (qualifier ``stint``) are not compared:
  another stint may begin at another date.

Only values from different documents are compared unless asked otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial
from itertools import combinations
from typing import Any

from rapidfuzz import fuzz

from newsledger.components.claims.patterns import attributes
from newsledger.components.claims.values import lexicon
from newsledger.core.model import Analysis, stable_id
from newsledger.corpus.claim_compare import ClaimRecord, compare, days_apart, fold, ref_interval

__all__ = [
    "ClaimRecord",
    "Conflict",
    "ConflictValue",
    "Evidence",
    "claim_groups",
    "compare",
    "conflict_to_json",
    "find_conflicts",
    "group_conflict",
    "records_from_analysis",
]

SAME_PERSON_RATIO = 85  # names this similar are one person, not two holders of an office


@dataclass(frozen=True, slots=True)
class Evidence:
    doc: str
    start: int
    end: int
    text: str
    published: str | None = None
    speaker: str | None = None
    speaker_name: str | None = None


@dataclass(frozen=True, slots=True)
class ConflictValue:
    value: str
    value_type: str
    evidence: tuple[Evidence, ...]
    entity: str | None = None  # the holder, for an office held by two people


@dataclass(frozen=True, slots=True)
class Conflict:
    subject: str
    subject_name: str
    attribute: str
    kind: str  # conflict | update
    values: tuple[ConflictValue, ...]


# ------------------------------------------------------------------ records


def records_from_analysis(
    a: Analysis, resolve: Callable[[str], tuple[str, str]] | None = None
) -> list[ClaimRecord]:
    """Turn one document's claims into records; ``resolve`` maps a document entity id
    to (global id, name) and defaults to the document's own ids and names."""
    names = {e.id: e.name for e in a.entities}

    def res(eid: str) -> tuple[str, str]:
        return resolve(eid) if resolve else (eid, names.get(eid, eid))

    out: list[ClaimRecord] = []
    for c in a.claims:
        sid, sname = res(c.subject)
        spk, spk_name = res(c.speaker) if c.speaker else (None, None)
        out.append(
            ClaimRecord(
                subject=sid,
                subject_name=sname,
                attribute=c.attribute,
                value=c.value,
                value_type=c.value_type,
                doc=a.doc.id,
                published=a.doc.published,
                speaker=spk,
                start=c.start,
                end=c.end,
                text=a.text[c.start : c.end],
                qualifiers=c.qualifiers,
                speaker_name=spk_name,
            )
        )
    return out


# ------------------------------------------------------------------ grouping


def _canonical(records: list[ClaimRecord]) -> list[ClaimRecord]:
    """Spell demonym-only values as countries when another claim tells the country."""
    known: dict[str, str] = {}
    for r in records:
        dem, org = r.qualifier("demonym"), r.qualifier("org")
        if dem and org:
            known[dem.casefold()] = org
        elif dem and r.attribute == "nationality" and fold(r.value) != fold(dem):
            known[dem.casefold()] = r.value
    out: list[ClaimRecord] = []
    for r in records:
        dem = r.qualifier("demonym")
        country = known.get(dem.casefold()) if dem else None
        if country and r.attribute == "nationality" and fold(r.value) == fold(dem or ""):
            r = _with_value(r, country)
        elif country and r.attribute == "holds_role" and not r.qualifier("org") and dem:
            title = r.value[len(dem) :].strip()
            r = _with_value(r, f"{title} of {country}", (("org", country),))
        out.append(r)
    return out


def _surnames_joined(records: list[ClaimRecord]) -> list[ClaimRecord]:
    """A claim about a person named by surname only ("the 55-year-old Kask") is about
    the one person of that surname other claims name in full ("Dorin Kask"); when two
    people share the surname ("Marta Pell", "Henrik Pell"), it is left alone.  Only
    attributes of people are joined, so a town or company of that name is not."""
    personal = {n for n, spec in attributes().items() if spec.subject_types == {"PERSON"}}
    full: dict[str, dict[str, str]] = {}
    for r in records:
        words = r.subject_name.split()
        if r.attribute in personal and len(words) >= 2:
            full.setdefault(fold(words[-1]), {})[r.subject] = r.subject_name
    out: list[ClaimRecord] = []
    for r in records:
        words = r.subject_name.split()
        found = full.get(fold(words[0])) if r.attribute in personal and len(words) == 1 else None
        if found and len(found) == 1:
            subject, name = next(iter(found.items()))
            r = replace(r, subject=subject, subject_name=name)
        out.append(r)
    return out


def _with_value(r: ClaimRecord, value: str, extra: tuple[tuple[str, str], ...] = ()) -> ClaimRecord:
    return ClaimRecord(
        r.subject, r.subject_name, r.attribute, value, r.value_type, r.doc, r.published,
        r.speaker, r.start, r.end, r.text, r.qualifiers + extra, r.speaker_name,
    )  # fmt: skip


def _evidence(r: ClaimRecord) -> Evidence:
    return Evidence(r.doc, r.start, r.end, r.text, r.published, r.speaker, r.speaker_name)


def _build(
    subject: str,
    name: str,
    attribute: str,
    groups: dict[str, list[ClaimRecord]],
    relation: Callable[[ClaimRecord, ClaimRecord], str | None],
    cross_document: bool,
    holder: bool = False,
) -> Conflict | None:
    """A conflict over the values of ``groups`` (value → its records), if any pair clashes."""
    involved: set[str] = set()
    kinds: set[str] = set()
    for (va, ra), (vb, rb) in combinations(groups.items(), 2):
        for a in ra:
            for b in rb:
                if cross_document and a.doc == b.doc:
                    continue
                rel = relation(a, b)
                if rel:
                    involved.update((va, vb))
                    kinds.add(rel)
    if not involved:
        return None

    def first_seen(v: str) -> tuple[str, str]:
        return (min(r.published or "" for r in groups[v]), v)

    values = tuple(
        ConflictValue(
            value=groups[v][0].subject_name if holder else groups[v][0].value,
            value_type="entity" if holder else groups[v][0].value_type,
            evidence=tuple(
                _evidence(r)
                for r in sorted(groups[v], key=lambda r: (r.published or "", r.doc, r.start))
            ),
            entity=groups[v][0].subject if holder else None,
        )
        for v in sorted(involved, key=first_seen)
    )
    kind = "conflict" if "conflict" in kinds else "update"
    return Conflict(subject, name, attribute, kind, values)


GroupKey = tuple[int, str, str]  # (0, subject, attribute) or (1, office, "")


def claim_groups(claims: Iterable[ClaimRecord]) -> dict[GroupKey, list[ClaimRecord]]:
    """The claims compared with each other: per (subject, attribute), and per exclusive
    office held by anyone (key ``(1, office, "")``), demonyms spelt as countries."""
    records = _surnames_joined(_canonical(list(claims)))
    attrs = attributes()
    exclusive = {t.casefold() for t in lexicon()["exclusive_titles"]}
    groups: dict[GroupKey, list[ClaimRecord]] = {}
    for r in records:
        spec = attrs.get(r.attribute)
        if spec is not None and spec.compare != "none":
            groups.setdefault((0, r.subject, r.attribute), []).append(r)
    for r in records:
        title, status = r.qualifier("title"), r.qualifier("status")
        if (
            r.attribute != "holds_role"
            or not r.qualifier("org")
            or status in ("former", "acting", "claimed")
        ):
            continue
        if title and title.casefold() in exclusive:
            groups.setdefault((1, fold(r.value), ""), []).append(r)
    return groups


def group_conflict(
    key: GroupKey, records: list[ClaimRecord], cross_document: bool = True
) -> Conflict | None:
    """The conflict (or update) among one group of :func:`claim_groups`, if any."""
    if key[0] == 1:
        return _held_by(key[1], records, cross_document)
    _, subject, attribute = key
    spec = attributes()[attribute]
    groups: dict[str, list[ClaimRecord]] = {}
    for r in records:
        groups.setdefault(fold(r.value), []).append(r)
    if len(groups) < 2:
        return None
    return _build(
        subject,
        records[0].subject_name,
        attribute,
        groups,
        partial(compare, spec),
        cross_document,
    )


def _held_by(key: str, rs: list[ClaimRecord], cross_document: bool) -> Conflict | None:
    """An exclusive office claimed for two people at once (conflict) or in turn (update)."""
    spec = attributes()["holds_role"]
    holders: dict[str, list[ClaimRecord]] = {}
    for r in rs:
        holders.setdefault(r.subject, []).append(r)
    if len(holders) < 2:
        return None

    def relation(a: ClaimRecord, b: ClaimRecord) -> str | None:
        if fuzz.ratio(fold(a.subject_name), fold(b.subject_name)) >= SAME_PERSON_RATIO:
            return None
        apart = days_apart(ref_interval(a), ref_interval(b))
        if apart > spec.window_days:
            return "update"
        # A title before a name may be the one held at the time of the events told
        # ("Lord Chancellor X" in a story about 1998): two holders clash only when
        # both are said to hold it now.
        if a.qualifier("tense") == "present" and b.qualifier("tense") == "present":
            return "conflict"
        return None

    return _build(
        stable_id("role", key),
        rs[0].value,
        spec.inverse or "held_by",
        holders,
        relation,
        cross_document,
        holder=True,
    )


def conflict_order(c: Conflict) -> tuple[bool, str, str]:
    """Conflicts first, then updates; by subject name, then attribute."""
    return (c.kind != "conflict", c.subject_name.casefold(), c.attribute)


def find_conflicts(claims: Iterable[ClaimRecord], cross_document: bool = True) -> list[Conflict]:
    """Every (subject, attribute) whose values cannot all hold, and every exclusive
    office claimed for two people; conflicts first, then updates."""
    out: list[Conflict] = []
    for key, rs in sorted(claim_groups(claims).items()):
        c = group_conflict(key, rs, cross_document)
        if c:
            out.append(c)
    out.sort(key=conflict_order)
    return out


def conflict_to_json(c: Conflict) -> dict[str, Any]:
    """The JSON Lines record of a conflict (``newsledger conflicts --format jsonl``)."""
    return {
        "subject": {"id": c.subject, "name": c.subject_name},
        "attribute": c.attribute,
        "kind": c.kind,
        "values": [
            {
                "value": v.value,
                "value_type": v.value_type,
                **({"entity": v.entity} if v.entity else {}),
                "evidence": [
                    {
                        "doc": e.doc,
                        "start": e.start,
                        "end": e.end,
                        "text": e.text,
                        "published": e.published,
                        "speaker": (
                            {"entity": e.speaker, "name": e.speaker_name} if e.speaker else None
                        ),
                    }
                    for e in v.evidence
                ],
            }
            for v in c.values
        ],
    }
