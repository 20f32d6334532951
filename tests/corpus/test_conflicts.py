"""Conflict detection on hand-built claim records (no spaCy)."""

from __future__ import annotations

from itertools import count

from newsledger.corpus.conflicts import ClaimRecord, conflict_to_json, find_conflicts

_pos = count()


def rec(
    subject: str,
    attribute: str,
    value: str,
    doc: str,
    published: str | None = "2023-01-01",
    vtype: str = "year",
    quals: tuple[tuple[str, str], ...] = (),
    name: str | None = None,
    speaker: str | None = None,
) -> ClaimRecord:
    start = next(_pos) * 10
    return ClaimRecord(
        subject=subject,
        subject_name=name or subject.title(),
        attribute=attribute,
        value=value,
        value_type=vtype,
        doc=doc,
        published=published,
        speaker=speaker,
        start=start,
        end=start + 5,
        text=f"t{value}",
        qualifiers=quals,
        speaker_name=speaker.title() if speaker else None,
    )


def test_different_years_in_power_conflict_with_both_evidence_spans() -> None:
    cs = find_conflicts(
        [
            rec("p1", "in_power_since", "1992", "a", "2021-10-01"),
            rec("p1", "in_power_since", "2012", "b", "2024-03-26"),
        ]
    )
    assert len(cs) == 1
    c = cs[0]
    assert (c.kind, c.attribute) == ("conflict", "in_power_since")
    assert [v.value for v in c.values] == ["1992", "2012"]
    assert [e.doc for v in c.values for e in v.evidence] == ["a", "b"]


def test_agreeing_and_compatible_values_are_not_conflicts() -> None:
    records = [
        rec("c", "population", "10000000~", "a", vtype="int"),
        rec("c", "population", "9800000", "b", vtype="int"),
        rec("g", "fighters", "2000-4000", "a", vtype="range"),
        rec("g", "fighters", "3000", "b", vtype="int"),
        rec("p", "died", "2021-11", "a", vtype="date"),
        rec("p", "died", "2021-11-02", "b", vtype="date"),
        rec("q", "born", "1937", "a"),
        rec("q", "born", "1937", "b"),
    ]
    assert find_conflicts(records) == []


def test_same_document_disagreement_is_left_out_unless_asked() -> None:
    records = [rec("p", "founded", "2011", "a"), rec("p", "founded", "2013", "a")]
    assert find_conflicts(records) == []
    assert len(find_conflicts(records, cross_document=False)) == 1


def test_a_rising_death_toll_is_an_update_and_a_fall_a_conflict() -> None:
    rising = [
        rec("m", "killed", "14", "a", "2023-05-02", "int"),
        rec("m", "killed", "21", "b", "2023-05-04", "int"),
    ]
    assert [c.kind for c in find_conflicts(rising)] == ["update"]
    bound = [
        rec("m", "killed", ">=31", "a", "2023-01-20", "int"),
        rec("m", "killed", "47", "b", "2023-01-23", "int"),
    ]
    assert [c.kind for c in find_conflicts(bound)] == ["update"]
    falling = [
        rec("m", "killed", "40", "a", "2023-05-02", "int"),
        rec("m", "killed", "12", "b", "2023-05-04", "int"),
    ]
    assert [c.kind for c in find_conflicts(falling)] == ["conflict"]
    far_apart = [
        rec("m", "killed", "14", "a", "2019-05-02", "int"),
        rec("m", "killed", "3", "b", "2023-05-04", "int"),
    ]
    assert find_conflicts(far_apart) == []  # not one event


def test_member_counts_a_year_apart_are_updates() -> None:
    near = [
        rec("g", "member_count", "800", "a", "2020-09-09", "int"),
        rec("g", "member_count", "<500", "b", "2020-10-01", "int"),
    ]
    assert [c.kind for c in find_conflicts(near)] == ["conflict"]
    far = [
        rec("g", "member_count", "800", "a", "2015-09-09", "int"),
        rec("g", "member_count", "<500", "b", "2020-10-01", "int"),
    ]
    assert [c.kind for c in find_conflicts(far)] == ["update"]
    as_of = [
        rec("g", "member_count", "800", "a", "2020-09-09", "int", (("as_of", "2012"),)),
        rec("g", "member_count", "<500", "b", "2020-10-01", "int"),
    ]
    assert [c.kind for c in find_conflicts(as_of)] == ["update"]


def test_population_may_drift_over_years() -> None:
    drift = [
        rec("c", "population", "6000000", "a", "2000-01-01", "int"),
        rec("c", "population", "7000000", "b", "2020-01-01", "int"),
    ]
    assert find_conflicts(drift) == []
    same_year = [
        rec("c", "population", "6000000", "a", "2020-01-01", "int"),
        rec("c", "population", "7000000", "b", "2020-03-01", "int"),
    ]
    assert [c.kind for c in find_conflicts(same_year)] == ["conflict"]


def test_ages_are_compared_through_birth_dates() -> None:
    consistent = [
        rec("p", "age", "52", "a", "2021-03-15", "int"),
        rec("p", "age", "54", "b", "2023-09-28", "int"),
    ]
    assert find_conflicts(consistent) == []
    wrong = [
        rec("p", "age", "52", "a", "2021-03-15", "int"),
        rec("p", "age", "47", "b", "2023-09-28", "int"),
    ]
    assert [c.kind for c in find_conflicts(wrong)] == ["conflict"]


def test_key_qualifiers_keep_different_things_apart() -> None:
    records = [
        rec("p", "in_office_since", "1994", "a", quals=(("role", "President"),)),
        rec("p", "in_office_since", "2001", "b", quals=(("role", "Party Chairman"),)),
    ]
    assert find_conflicts(records) == []


def test_nationality_and_countries() -> None:
    nat = [
        rec("p", "nationality", "Velonia", "a", vtype="entity"),
        rec("p", "nationality", "Dorvia", "b", vtype="entity"),
    ]
    assert [c.kind for c in find_conflicts(nat)] == ["conflict"]
    nested = [
        rec("o", "located_in", "Dushanbe", "a", vtype="entity"),
        rec("o", "located_in", "Tajikistan", "b", vtype="entity"),
    ]
    assert find_conflicts(nested) == []
    countries = [
        rec("o", "located_in", "France", "a", vtype="entity"),
        rec("o", "located_in", "Germany", "b", vtype="entity"),
    ]
    assert [c.kind for c in find_conflicts(countries)] == ["conflict"]


def test_demonym_values_are_spelled_as_the_country_another_claim_gives() -> None:
    records = [
        rec("p", "nationality", "Dorvish", "a", vtype="entity", quals=(("demonym", "Dorvish"),)),
        rec("q", "nationality", "Dorvia", "b", vtype="entity", quals=(("demonym", "Dorvish"),)),
        rec("p", "nationality", "Dorvia", "c", vtype="entity", quals=(("demonym", "Dorvish"),)),
    ]
    assert find_conflicts(records) == []


def _role(
    holder: str, doc: str, published: str, status: str | None = None, present: bool = True
) -> ClaimRecord:
    quals = [("title", "prime minister"), ("org", "Velonia")]
    if status:
        quals.append(("status", status))
    if present:
        quals.append(("tense", "present"))
    return rec(
        holder, "holds_role", "Prime Minister of Velonia", doc, published, "text", tuple(quals)
    )


def test_an_office_held_at_different_times_is_a_succession_not_a_conflict() -> None:
    succession = [_role("ada voss", "a", "2021-03-15"), _role("tomas ferrin", "b", "2023-11-02")]
    cs = find_conflicts(succession)
    assert [(c.kind, c.attribute, c.subject_name) for c in cs] == [
        ("update", "held_by", "Prime Minister of Velonia")
    ]
    assert [v.value for v in cs[0].values] == ["Ada Voss", "Tomas Ferrin"]
    same_time = [_role("ada voss", "a", "2023-11-20"), _role("tomas ferrin", "b", "2023-11-02")]
    assert [c.kind for c in find_conflicts(same_time)] == ["conflict"]
    # a title before a name may be the one held at the time of the story told
    untensed = [
        _role("ada voss", "a", "2005-01-01", present=False),
        _role("tomas ferrin", "b", "2005-01-01"),
    ]
    assert find_conflicts(untensed) == []
    former = [
        _role("ada voss", "a", "2023-11-20", "former"),
        _role("tomas ferrin", "b", "2023-11-02"),
    ]
    assert find_conflicts(former) == []
    spelling = [
        _role("emomali rahmon", "a", "2021-10-01"),
        _role("emomali rakhmon", "b", "2024-03-26"),
    ]
    assert find_conflicts(spelling) == []  # one person spelt two ways, not a succession


def test_conflict_json_shape() -> None:
    records = [
        rec("p1", "in_power_since", "1992", "a", "2021-10-01", name="Emomali Rahmon"),
        rec("p1", "in_power_since", "2012", "b", "2024-03-26", name="Emomali Rahmon", speaker="s1"),
    ]
    (c,) = find_conflicts(records)
    j = conflict_to_json(c)
    assert j["subject"] == {"id": "p1", "name": "Emomali Rahmon"}
    assert j["attribute"] == "in_power_since"
    assert j["kind"] == "conflict"
    assert {"value", "evidence"} <= set(j["values"][0])
    ev = j["values"][1]["evidence"][0]
    assert {"doc", "start", "end", "text"} <= set(ev)
    assert (ev["doc"], ev["text"]) == ("b", "t2012")
    assert ev["speaker"] == {"entity": "s1", "name": "S1"}
    assert j["values"][0]["evidence"][0]["speaker"] is None


def test_ages_one_apart_conflict_only_when_the_report_dates_rule_it_out() -> None:
    same_day = [rec("k", "age", "29", "a", "2005-01-01"), rec("k", "age", "30", "b", "2005-01-01")]
    assert find_conflicts(same_day) == []  # one article may be written before a birthday
    younger_later = [
        rec("k", "age", "30", "a", "2020-01-10"),
        rec("k", "age", "29", "b", "2021-06-10"),
    ]
    assert [c.kind for c in find_conflicts(younger_later)] == ["conflict"]
    far = [rec("k", "age", "29", "a", "2005-01-01"), rec("k", "age", "32", "b", "2005-01-01")]
    assert [c.kind for c in find_conflicts(far)] == ["conflict"]


def test_a_return_to_power_is_one_stint_and_not_compared() -> None:
    records = [
        rec("lab", "in_power_since", "1964", "a", quals=(("stint", "return"),)),
        rec("lab", "in_power_since", "1997", "b"),
    ]
    assert find_conflicts(records) == []
    records.append(rec("lab", "in_power_since", "1992", "c"))
    assert [c.kind for c in find_conflicts(records)] == ["conflict"]
