"""Readable labels for what the store holds as codes: entity and event types, claim
attributes, date values, article titles.  Types come from the data: a code without
a label of its own is shown with its underscores as spaces, in lower case."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# spaCy's entity labels (OntoNotes) in words; any other type is shown from its code
ENTITY_TYPES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "country, city or state",
    "LOC": "location",
    "NORP": "nationality or group",
    "FAC": "building or facility",
    "WORK_OF_ART": "work of art",
    "EVENT": "named event",
    "PRODUCT": "product",
    "LAW": "law",
    "LANGUAGE": "language",
}
REFS = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second"}
_DURATION = re.compile(r"^P(?:T)?(\d+(?:\.\d+)?|X)([YMWDHS])$")
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


def words(code: str | None) -> str:
    """``in_power_since`` -> ``in power since``; ``WORK_OF_ART`` -> ``work of art``."""
    return (code or "").replace("_", " ").strip().lower()


def entity_type(code: str | None) -> str:
    return ENTITY_TYPES.get((code or "").upper(), words(code))


def event_type(code: str | None) -> str:
    """An event type (PLOVER and any other) as a word with a capital: ``ASSAULT`` -> ``Assault``."""
    return words(code).capitalize()


def _num(n: str) -> int | None:
    return int(n) if n.isdigit() else None


def date_value(value: Any) -> str:
    """A TIMEX-style date value in words: ``2024-03-26`` -> ``26 March 2024``, ``198`` ->
    ``1980s``, ``P1M`` -> ``1 month``, ``PRESENT_REF`` -> ``now``; other values as given."""
    if value is None or value == "":
        return "undated"
    v = str(value)
    if v in REFS:
        return REFS[v]
    if re.fullmatch(r"\d{3}", v):
        return f"{v}0s"
    if re.fullmatch(r"\d{2}", v):
        return f"{v}00s"
    m = re.fullmatch(r"(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?", v)
    if m:
        year = "" if m.group(1) == "XXXX" else m.group(1)
        month = _num(m.group(2) or "")
        day = _num(m.group(3) or "")
        parts = []
        if day and month:
            parts.append(str(day))
        if month and 1 <= month <= 12:
            parts.append(MONTHS[month - 1])
        parts.append(year or ("(year not given)" if parts else "date not given"))
        return " ".join(parts)
    m = re.fullmatch(r"(\d{4})-Q([1-4])", v)
    if m:
        return f"Q{m.group(2)} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-W(\d{2})", v)
    if m:
        return f"week {int(m.group(2))} of {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v)
    if m:
        return f"{_SEASONS[m.group(2)]} {m.group(1)}"
    m = _DURATION.match(v)
    if m:
        n, unit = m.group(1), UNITS[m.group(2)]
        if v.startswith("PT") and m.group(2) == "M":
            unit = "minute"
        if n == "X":
            return f"some {unit}s"
        return f"{n} {unit}" + ("" if n == "1" else "s")
    return v


def claim_value(attribute: str | None, value: Any) -> str:
    """A claim's value; dates in words when the attribute is one of time."""
    if isinstance(value, str) and re.fullmatch(r"\d{2,4}(-\d{2}){0,2}|P.*|[A-Z]+_REF", value):
        return date_value(value)
    return "" if value is None else str(value)


_FURNITURE = re.compile(r"\s*[-|·–—:]\s*$")


def doc_title(info: Mapping[str, Any] | None, doc_id: str = "") -> str:
    """An article's title for display: its own (without a trailing ``· Outlet``), else its
    first words; never the hash id unless nothing else is known."""
    if not info:
        return doc_id or "unknown article"
    title = str(info.get("title") or "").strip()
    source = str(info.get("source") or "").strip()
    if title and source:
        src = re.escape(source)
        title = re.sub(rf"(^|\s*[-|·–—:])\s*{src}\s*$", "", title)
        title = re.sub(rf"^\s*{src}\s*[-|·–—:]\s*", "", title).strip()
    title = _FURNITURE.sub("", title)
    if title and title != source:
        return title
    head = " ".join(str(info.get("head") or info.get("text") or "")[:200].split())
    if not head:
        return doc_id or "untitled article"
    if len(head) > 80:
        cut = head[:80].rsplit(" ", 1)[0]
        head = cut + " …"
    return head


def source_line(info: Mapping[str, Any] | None, doc_id: str = "") -> str:
    """``Title — Outlet, 26 March 2024`` for one article."""
    if not info:
        return doc_id
    bits = [doc_title(info, doc_id)]
    tail = ", ".join(
        x for x in (str(info.get("source") or ""), date_value(info.get("published"))) if x
    )
    return bits[0] + (" — " + tail if tail else "")


def with_titles(rows: list[dict[str, Any]], docs: Mapping[str, Mapping[str, Any]]) -> None:
    """Set ``display_title`` on rows having ``id`` (documents, search hits)."""
    for r in rows:
        r["display_title"] = doc_title(docs.get(r["id"]) or r, r["id"])
