"""Readable labels (web.labels) and collapsed repeats (query.collapse)."""

from __future__ import annotations

import pytest

from newsledger.query.collapse import collapse, quote_key, role_key
from newsledger.web.labels import date_value, doc_title, entity_type, event_type, source_line, words


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("2024-03-26", "26 March 2024"),
        ("2024-03", "March 2024"),
        ("2024", "2024"),
        ("198", "1980s"),
        ("19", "1900s"),
        ("PRESENT_REF", "now"),
        ("P1M", "1 month"),
        ("P3Y", "3 years"),
        ("PT2H", "2 hours"),
        ("2024-Q2", "Q2 2024"),
        ("2024-W05", "week 5 of 2024"),
        ("XXXX-12", "December (year not given)"),
        (None, "undated"),
        ("sometime", "sometime"),
    ],
)
def test_date_values_read_as_words(value: str | None, label: str) -> None:
    assert date_value(value) == label


def test_types_and_attributes_are_words_taken_from_the_data() -> None:
    assert entity_type("GPE") == "country, city or state"
    assert entity_type("NORP") == "nationality or group"
    assert entity_type("WORK_OF_ART") == "work of art"
    assert entity_type("NEW_KIND") == "new kind"  # any type the data holds
    assert event_type("ASSAULT") == "Assault" and event_type("SANCTION") == "Sanction"
    assert words("in_power_since") == "in power since"


def test_titles_never_show_outlet_furniture_or_hash_ids() -> None:
    assert doc_title({"title": "Ferry line opens · BBC News", "source": "BBC News"}) == (
        "Ferry line opens"
    )
    assert doc_title({"title": "· BBC News", "source": "BBC News", "head": "A ferry opened."}) == (
        "A ferry opened."
    )
    long = "word " * 40
    t = doc_title({"title": None, "head": long}, "12d3de687a75bb58")
    assert t.endswith(" …") and "12d3" not in t and not t.endswith("wor …")
    assert source_line({"title": "T", "source": "S", "published": "2024-05-01"}) == (
        "T — S, 1 May 2024"
    )


def test_repeats_collapse_with_sources_and_flags_leave_counts() -> None:
    ev = [{"doc": f"d{i}", "start": i, "end": i + 5, "text": "x"} for i in range(4)]
    roles = [
        {"role": "President", "org": "Veloria", "org_entity": "G1", "evidence": ev[0]},
        {"role": "president", "org": "Veloria", "org_entity": "G1", "evidence": ev[1]},
        {"role": "Minister", "org": "Veloria", "org_entity": "G1", "evidence": ev[2]},
    ]
    out = collapse(roles, role_key, "role", {("role", "d1", 1, 6)})
    assert [(g["role"], g["count"], len(g["sources"])) for g in out] == [
        ("President", 1, 2),
        ("Minister", 1, 1),
    ]
    assert [s["flagged"] for s in out[0]["sources"]] == [False, True]
    quotes = [
        {"text": "We will rebuild it.", "speaker": {"entity": "P1"}, "evidence": ev[0]},
        {"text": "we will  rebuild it", "speaker": {"entity": "P1"}, "evidence": ev[1]},
        {"text": "We will rebuild it.", "speaker": {"entity": "P2"}, "evidence": ev[2]},
    ]
    grouped = collapse(quotes, quote_key, "quote", {("quote", "d2", 2, 7)})
    assert [g["count"] for g in grouped] == [2, 0]
    assert grouped[1]["flagged"]


def test_timeline_axis_spans_the_data_not_a_far_outlier() -> None:
    from newsledger.web.charts import data_range, timeline_chart

    years = [1723.5] + [2004 + i / 40 for i in range(60)]
    lo, hi = data_range(sorted(years))
    assert 2003.9 < lo < 2005 and hi < 2006
    items = [
        {
            "date": f"{2004 + i // 12}-{i % 12 + 1:02d}",
            "kind": "sentence",
            "doc": "d",
            "start": i,
            "end": i + 1,
            "summary": "word " * 80,
        }
        for i in range(30)
    ] + [{"date": "1723", "kind": "sentence", "doc": "d", "start": 0, "end": 1, "summary": "x"}]
    chart = timeline_chart(items)
    assert chart["outside"] == 1 and len(chart["dots"]) == 30
    assert all(t["label"] >= "2003" for t in chart["ticks"])
    assert all(not d.title.endswith("wor") for d in chart["dots"])  # cut at a word
