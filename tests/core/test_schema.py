"""The one schema mapping between the typed model and the extract record (core/schema.py)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from newsledger.core.model import (
    Claim,
    DateRef,
    Document,
    Entity,
    Event,
    Mention,
    Place,
    Quote,
    Role,
    Span,
    SpeakerRef,
    Via,
)
from newsledger.core.record import apply_resolution, record_entities
from newsledger.core.schema import SECTIONS, decode, encode, flat_keys, flatten, record_keys
from newsledger.corpus.conflicts import ClaimRecord
from newsledger.corpus.events import event_from_record
from newsledger.export.formats import EXPORTS
from newsledger.query.facts import conflicts_among
from newsledger.store.rows import TABLES as STORE_TABLES
from tests.conftest import SHARED, need

# fictional text; offsets below index it
TEXT = (
    'Mayor Ilse Brandt said on Tuesday, "The bridge at Kessa will reopen." '
    "Rebels attacked a depot in Kessa, killing 4 people. "
    "Brandt has led Orvik since 2019."
)


def at(s: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(s, start + 1)
    return start, start + len(s)


def span(s: str, nth: int = 0) -> Span:
    start, end = at(s, nth)
    return Span(start, end, s)


def roundtrip(obj: Any, **given: Any) -> Any:
    """model -> record -> JSON -> record -> model."""
    rec = json.loads(json.dumps(encode(obj, TEXT)))
    return decode(type(obj), rec, TEXT, given or None)


# ------------------------------------------------------------------ round trips


def test_document_roundtrip_keeps_what_the_record_carries() -> None:
    d = Document("d1", TEXT, "Bridge", "Orvik Post", "2031-04-02", "https://x.test/a")
    assert roundtrip(d) == d
    assert roundtrip(replace(d, title=None, published=None, published_inferred=True)) == replace(
        d, title=None, published=None, published_inferred=True
    )
    # where the document came from stays out of the record
    full = replace(d, author="A. Writer", origin="a.txt", removed=((0, 3),))
    assert set(encode(full, TEXT)) == {
        "id",
        "text",
        "title",
        "source",
        "published",
        "url",
        "published_inferred",
    }
    assert roundtrip(full) == d


def test_entity_and_its_mentions_roundtrip() -> None:
    s1, e1 = at("Ilse Brandt")
    s2, e2 = at("Brandt", 1)
    ms = (
        Mention(s1, e1, "Ilse Brandt", "PERSON", "L1"),
        Mention(s2, e2, "Brandt", "PERSON", "L1"),
    )
    ent = Entity("L1", "PERSON", "Ilse Brandt", ("Brandt",), ms)
    assert roundtrip(ent) == ent
    assert encode(ent, TEXT)["mentions"][0] == {"start": s1, "end": e1, "text": "Ilse Brandt"}
    assert roundtrip(Entity("L2", "ORG", "Orvik")) == Entity("L2", "ORG", "Orvik")
    # a mention alone takes its type and entity from the entity
    assert roundtrip(ms[0], type="PERSON", entity="L1") == ms[0]


@pytest.mark.parametrize("variant", ["full", "bare", "fragments"])
def test_quote_roundtrip(variant: str) -> None:
    s, e = at("The bridge at Kessa will reopen.")
    q = Quote(
        s,
        e,
        TEXT[s:e],
        "direct",
        span("said"),
        SpeakerRef("L1", "Ilse Brandt", *at("Mayor Ilse Brandt")),
        (Via("L9", "Orvik Post"), Via(None, "a radio station")),
        ((s, s + 10), (s + 11, e)),
        "2031-04-01",
    )
    if variant == "bare":
        q = replace(q, kind="indirect", cue=None, speaker=None, via=(), date=None)
    if variant == "fragments":
        # no fragments recorded means one: the whole quote
        q = replace(q, fragments=())
        assert encode(q, TEXT)["fragments"] == [[s, e]]
        assert roundtrip(q) == replace(q, fragments=((s, e),))
        return
    assert roundtrip(q) == q


def test_role_date_place_roundtrip() -> None:
    r = Role("L1", "Mayor", "Orvik", *at("Mayor Ilse Brandt"), org_entity="L2")
    assert roundtrip(r) == r
    assert roundtrip(replace(r, org=None, org_entity=None)) == replace(r, org=None, org_entity=None)
    d = DateRef(*at("Tuesday"), "Tuesday", "2031-04-01", "day", "DATE")
    assert roundtrip(d) == d
    unanchored = replace(d, value=None, granularity="unknown", anchored=False)
    assert roundtrip(unanchored) == unanchored
    p = Place(*at("Kessa"), "Kessa", "Kessa", 42.1, 21.0, "XK", 123, "city", 0.875, "L3")
    assert roundtrip(p) == p
    unknown = replace(p, lat=None, lon=None, country=None, geonameid=None, entity=None)
    assert roundtrip(unknown) == unknown
    # confidence is kept to three decimals
    assert encode(replace(p, confidence=0.87654), TEXT)["confidence"] == 0.877


def test_event_roundtrip_with_and_without_optional_fields() -> None:
    sentence = span("Rebels attacked a depot in Kessa, killing 4 people.")
    ev = Event(
        "ASSAULT",
        span("attacked"),
        sentence,
        actors=("L5",),
        targets=(),
        place="Kessa",
        country="XK",
        lat=42.1,
        lon=21.0,
        date="2031-04-01",
        killed=4,
        injured=None,
        mode="raid",
        casualty_history=(("killed", 4, *at("killing 4")),),
        id="ev1",
        place_span=span("a depot in Kessa"),
    )
    assert roundtrip(ev) == ev
    rec = encode(ev, TEXT)
    # the evidence sentence is recorded by offsets; its text is the document's
    assert rec["evidence"] == {"start": sentence.start, "end": sentence.end}
    start, end = at("a depot in Kessa")
    assert rec["place_span"] == {"start": start, "end": end, "text": "a depot in Kessa"}
    assert rec["mode"] == "raid"
    assert rec["casualty_history"] == [
        {"kind": "killed", "value": 4, "start": at("killing 4")[0], "end": at("killing 4")[1]}
    ]
    bare = Event("ASSAULT", span("attacked"), sentence)
    assert roundtrip(bare) == bare
    assert encode(bare, TEXT)["place_span"] is None
    # the coreference and argument spans stay in the model
    spans = replace(ev, mentions=(span("attacked"),), actor_spans=(span("Rebels"),))
    assert roundtrip(spans) == ev
    assert event_from_record({"text": TEXT}, rec) == ev


def test_event_record_without_new_fields_decodes() -> None:
    """Records stored before ``place_span`` (and ``id``, ``casualty_history``) decode."""
    old = {
        "type": "ASSAULT",
        "trigger": {"start": at("attacked")[0], "end": at("attacked")[1]},
        "evidence": {"start": 0, "end": 5},
        "actors": [],
        "targets": [],
        "place": None,
        "country": None,
        "date": None,
        "killed": None,
        "injured": None,
    }
    ev = event_from_record({"text": TEXT}, old)
    assert ev == Event("ASSAULT", span("attacked"), Span(0, 5, TEXT[:5]))


def test_claim_roundtrip_and_its_text() -> None:
    c = Claim(
        "L1",
        "in_power_since",
        "2019",
        *at("Brandt has led Orvik since 2019", 0),
        value_type="year",
        qualifiers=(("org", "Orvik"), ("granularity", "year")),
        speaker="L7",
    )
    assert roundtrip(c) == c
    assert encode(c, TEXT)["text"] == "Brandt has led Orvik since 2019"
    assert encode(c, TEXT)["qualifiers"] == {"org": "Orvik", "granularity": "year"}
    plain = replace(c, qualifiers=(), speaker=None, value_type="text")
    assert roundtrip(plain) == plain


def test_claim_item_decodes_to_a_claim_record() -> None:
    c = Claim("G1", "in_power_since", "2019", 0, 5, "year", (("b", "2"), ("a", "1")))
    item = {
        **encode(c, TEXT),
        "value": 2019,  # values are read as strings
        "value_type": None,  # a missing type is text
        "doc": "d1",
        "published": "2031-04-02",
        "subject_name": "Ilse Brandt",
        "speaker_name": None,
    }
    assert decode(ClaimRecord, item) == ClaimRecord(
        "G1",
        "Ilse Brandt",
        "in_power_since",
        "2019",
        "text",
        "d1",
        "2031-04-02",
        None,
        0,
        5,
        TEXT[:5],
        (("a", "1"), ("b", "2")),
        None,
    )


def test_conflicts_among_claim_items() -> None:
    def item(doc: str, value: str) -> dict[str, Any]:
        c = Claim("G1", "in_power_since", value, 0, 5, "year")
        return {
            **encode(c, TEXT),
            "doc": doc,
            "published": "2031-04-02",
            "subject_name": "Ilse Brandt",
            "speaker_name": None,
        }

    (conflict,) = conflicts_among([item("d1", "2019"), item("d2", "2009")])
    assert conflict["attribute"] == "in_power_since"
    assert sorted(v["value"] for v in conflict["values"]) == ["2009", "2019"]
    assert conflicts_among([item("d1", "2019"), item("d2", "2019")]) == []


# ------------------------------------------------------------------ resolution


def test_apply_resolution_rewrites_every_declared_entity_id() -> None:
    q = Quote(
        *at("The bridge"),
        "The bridge",
        "direct",
        None,
        SpeakerRef("L1", "Brandt", *at("Ilse Brandt")),
        (Via("L2", "the paper"),),
    )
    rec = {
        "id": "d1",
        "text": TEXT,
        "entities": [
            encode(
                Entity(
                    "L1",
                    "PERSON",
                    "Brandt",
                    (),
                    (Mention(*at("Ilse Brandt"), "Ilse Brandt", "PERSON", "L1"),),
                ),
                TEXT,
            ),
            encode(
                Entity(
                    "L2", "ORG", "Orvik Post", (), (Mention(*at("Orvik"), "Orvik", "ORG", "L2"),)
                ),
                TEXT,
            ),
        ],
        "quotes": [encode(q, TEXT)],
        "roles": [encode(Role("L1", "Mayor", "Orvik", 0, 5, "L2"), TEXT)],
        "dates": [],
        "places": [
            encode(
                Place(*at("Kessa"), "Kessa", "Kessa", None, None, None, None, "city", 0.5, "L2"),
                TEXT,
            )
        ],
        "events": [
            encode(Event("ASSAULT", span("attacked"), Span(0, 5, TEXT[:5]), ("L1",), ("L2",)), TEXT)
        ],
        "claims": [encode(Claim("L1", "member_of", "x", 0, 5, speaker="L2"), TEXT)],
    }
    out = apply_resolution(
        rec, {"L1": "G1", "L2": "G2"}, {"G1": Entity("G1", "PERSON", "Ilse Brandt")}
    )
    assert [e["id"] for e in out["entities"]] == ["G1", "G2"]
    assert out["quotes"][0]["speaker"]["entity"] == "G1"
    assert out["quotes"][0]["speaker"]["name"] == "Ilse Brandt"  # the global name
    assert out["quotes"][0]["via"] == [{"entity": "G2", "name": "the paper"}]  # no global: kept
    assert (out["roles"][0]["entity"], out["roles"][0]["org_entity"]) == ("G1", "G2")
    assert out["places"][0]["entity"] == "G2"
    assert (out["events"][0]["actors"], out["events"][0]["targets"]) == (["G1"], ["G2"])
    assert (out["claims"][0]["subject"], out["claims"][0]["speaker"]) == ("G1", "G2")
    assert rec["quotes"][0]["speaker"]["entity"] == "L1"  # the input is left as it was
    ents = record_entities(out)
    assert ents[0].mentions[0] == Mention(*at("Ilse Brandt"), "Ilse Brandt", "PERSON", "G1")


# ------------------------------------------------------------------ flat tables


def test_store_and_export_columns_name_schema_keys() -> None:
    """Every flat column named in the store and exports is a key the schema gives."""
    for t in STORE_TABLES:
        missing = {c for c in t.columns.values() if isinstance(c, str)} - set(flat_keys(t.cls))
        assert not missing, (t.name, missing)
    for name, x in EXPORTS.items():
        missing = {c for c in x.columns.values() if isinstance(c, str)} - set(flat_keys(x.cls))
        assert not missing, (name, missing)


def test_flatten_joins_nested_keys_and_nulls_a_missing_record() -> None:
    q = Quote(0, 5, TEXT[:5], "direct", span("said"), None)
    row = flatten(Quote, encode(q, TEXT))
    assert row["cue_text"] == "said" and row["speaker_entity"] is None
    assert set(row) == set(flat_keys(Quote))


# ------------------------------------------------------------------ the contract


# keys the records carry beyond DESIGN.md's example (fields may be added)
ADDED = {
    "": {"schema", "url", "published_inferred"},
    "entities": set(),
    "mentions": set(),
    "quotes": {"fragments", "date"},
    "cue": set(),
    "speaker": set(),
    "via": set(),
    "roles": {"org_entity"},
    "dates": {"anchored"},
    "places": {"feature", "confidence", "entity", "kind"},
    "events": {"id", "lat", "lon", "casualty_history", "modality", "agents"},
    "trigger": set(),
    "evidence": set(),
    "place_span": set(),
    "agents": {"role", "start", "end", "text", "noun", "sector"},  # events: unnamed actors
    "claims": {"value_type", "qualifiers", "speaker", "text"},
}


def _documented() -> dict[str, Any]:
    design = SHARED / "docs" / "DESIGN.md"
    need(design.exists(), "../shared/docs/DESIGN.md is not beside the repository")
    block = design.read_text(encoding="utf-8").split("```json", 1)[1].split("```", 1)[0]
    doc: dict[str, Any] = json.loads(block)
    return doc


def _keys(doc: dict[str, Any]) -> dict[str, set[str]]:
    """Keys per part of a record: its top, each list's items, and their nested records."""
    out = {"": set(doc)}
    for key, _ in SECTIONS:
        for item in doc[key]:
            out.setdefault(key, set()).update(item)
            for k, v in item.items():
                if isinstance(v, dict) and k != "qualifiers":
                    out.setdefault(k, set()).update(v)
                if isinstance(v, list) and v and isinstance(v[0], dict) and k != "casualty_history":
                    for x in v:
                        out.setdefault(k, set()).update(x)
    return out


def test_schema_keys_are_the_documented_ones_plus_the_added_ones() -> None:
    documented = _keys(_documented())
    for part, cls in SECTIONS:
        assert set(record_keys(cls)) == documented[part] | ADDED[part], part
    top = {"schema", *record_keys(Document), *(key for key, _ in SECTIONS)}
    assert top == documented[""] | ADDED[""]
    for part, cls in (("mentions", Mention), ("cue", Span), ("speaker", SpeakerRef), ("via", Via)):
        assert set(record_keys(cls)) == documented[part] | ADDED[part], part


@pytest.mark.slow
def test_extract_keys_are_the_documented_ones_plus_the_added_ones(
    sample_records: list[dict[str, Any]],
) -> None:
    documented = _keys(_documented())
    for rec in sample_records:
        for part, keys in _keys(rec).items():
            assert keys == documented.get(part, set()) | ADDED[part], part


@pytest.mark.slow
def test_every_event_record_carries_its_place_span_and_mode(
    sample_records: list[dict[str, Any]],
) -> None:
    spans = 0
    for rec in sample_records:
        assert rec["events"]
        for ev in rec["events"]:
            assert "mode" in ev and "place_span" in ev
            ps = ev["place_span"]
            if ps is not None:
                spans += 1
                assert rec["text"][ps["start"] : ps["end"]] == ps["text"]
    assert spans >= 2  # the concert hall near Moscow, Kabul ...
