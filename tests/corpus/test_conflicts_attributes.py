"""Conflicts over the attributes of issue 19 (birthplace, place of death, party, office
held with dates, tolls per event) and people named in full in one article and by surname
in another; hand-built claim records, no spaCy."""

from __future__ import annotations

from newsledger.corpus.conflicts import Conflict, find_conflicts
from tests.corpus.test_conflicts import rec


def _one(conflicts: list[Conflict]) -> Conflict:
    assert len(conflicts) == 1, conflicts
    return conflicts[0]


def test_two_towns_of_birth_conflict_but_a_town_and_its_country_do_not() -> None:
    c = _one(
        find_conflicts(
            [
                rec("p", "birthplace", "Halden", "a", vtype="entity"),
                rec("p", "birthplace", "Orvik", "b", vtype="entity"),
            ]
        )
    )
    assert (c.kind, c.attribute) == ("conflict", "birthplace")
    nested = [
        rec("q", "birthplace", "Orvik", "a", vtype="entity"),
        rec("q", "birthplace", "France", "b", vtype="entity"),
        rec("q", "died_in", "Orvik", "a", vtype="entity"),
        rec("q", "died_in", "the Tavra valley", "b", vtype="entity"),
    ]
    assert find_conflicts(nested) == []


def test_two_countries_of_death_conflict() -> None:
    records = [
        rec("p", "died_in", "France", "a", vtype="entity"),
        rec("p", "died_in", "Spain", "b", vtype="entity"),
    ]
    assert _one(find_conflicts(records)).attribute == "died_in"


def test_a_surname_only_subject_joins_the_one_person_named_in_full() -> None:
    records = [
        rec("p:dorin", "age", "61", "a", "2022-01-18", vtype="int", name="Dorin Kask"),
        rec("x:kask", "age", "55", "b", "2022-06-30", vtype="int", name="Kask"),
    ]
    c = _one(find_conflicts(records))
    assert (c.subject, c.subject_name, c.attribute) == ("p:dorin", "Dorin Kask", "age")
    assert [v.value for v in c.values] == ["61", "55"]


def test_a_surname_two_people_share_joins_neither() -> None:
    records = [
        rec("p:marta", "age", "29", "a", "2023-07-12", vtype="int", name="Marta Pell"),
        rec("p:henrik", "age", "64", "b", "2023-07-20", vtype="int", name="Henrik Pell"),
        rec("x:pell", "age", "30", "c", "2023-08-01", vtype="int", name="Pell"),
    ]
    assert find_conflicts(records) == []


def test_a_town_with_a_surname_for_a_name_is_not_joined_to_the_person() -> None:
    records = [
        rec("p:kask", "born", "1961", "a", name="Dorin Kask"),
        rec("g:kask", "population", "9000", "b", vtype="int", name="Kask"),
        rec("g:kask", "population", "30000", "c", vtype="int", name="Kask"),
    ]
    c = _one(find_conflicts(records))
    assert (c.subject, c.attribute) == ("g:kask", "population")


def test_parties_conflict_close_in_time_and_update_years_apart() -> None:
    close = [
        rec("p", "party", "Green Harvest Party", "a", "2021-11-03", vtype="entity"),
        rec("p", "party", "National Renewal Party", "b", "2022-01-15", vtype="entity"),
    ]
    assert _one(find_conflicts(close)).kind == "conflict"
    apart = [
        rec("p", "party", "Green Harvest Party", "a", "2015-11-03", vtype="entity"),
        rec("p", "party", "National Renewal Party", "b", "2022-01-15", vtype="entity"),
    ]
    assert _one(find_conflicts(apart)).kind == "update"


def test_a_party_joined_in_a_later_report_is_an_update() -> None:
    joined = (("change", "joined"),)
    records = [
        rec("p", "party", "Liberal Union Party", "a", "2020-09-14", vtype="entity"),
        rec("p", "party", "Farmers' Party", "b", "2021-05-05", vtype="entity", quals=joined),
    ]
    assert _one(find_conflicts(records)).kind == "update"
    # joined in the earlier report: the later one still contradicts it
    records = [
        rec("p", "party", "Farmers' Party", "a", "2020-09-14", vtype="entity", quals=joined),
        rec("p", "party", "Liberal Union Party", "b", "2021-05-05", vtype="entity"),
    ]
    assert _one(find_conflicts(records)).kind == "conflict"


def test_terms_of_one_office_conflict_when_one_end_differs() -> None:
    role = (("role", "Finance Minister"),)
    records = [
        rec("p", "office_held", "2009/2014", "a", vtype="term", quals=role),
        rec("p", "office_held", "2011/2014", "b", vtype="term", quals=role),
    ]
    assert _one(find_conflicts(records)).attribute == "office_held"


def test_other_terms_or_offices_are_not_conflicts() -> None:
    finance = (("role", "Finance Minister"),)
    records = [
        rec("p", "office_held", "2009/2014", "a", vtype="term", quals=finance),
        rec("p", "office_held", "2009-05/2014-02", "b", vtype="term", quals=finance),
        rec("p", "office_held", "2018/2020", "c", vtype="term", quals=finance),  # a second term
        rec("p", "office_held", "2011/2014", "d", vtype="term", quals=(("role", "Mayor"),)),
    ]
    assert find_conflicts(records) == []


def test_tolls_are_compared_per_event() -> None:
    bridge = (("event_date", "2023-10-03"),)
    flood = (("event_date", "2023-10-20"),)
    records = [
        rec("g", "killed", "12", "a", "2023-10-04", vtype="int", quals=bridge),
        rec("g", "killed", "17", "b", "2023-10-05", vtype="int", quals=bridge),
        rec("g", "killed", "3", "c", "2023-10-21", vtype="int", quals=flood),
    ]
    c = _one(find_conflicts(records))
    assert (c.kind, [v.value for v in c.values]) == ("update", ["12", "17"])
    lowered = [*records, rec("g", "killed", "8", "d", "2023-10-07", vtype="int", quals=bridge)]
    c = _one(find_conflicts(lowered))
    assert c.kind == "conflict"
    assert {v.value for v in c.values} == {"12", "17", "8"}


def test_injured_counts_rise_as_updates_and_fall_as_conflicts() -> None:
    quake = (("event_date", "2021-07-02"),)
    records = [
        rec("d", "injured", "30", "a", "2021-07-03", vtype="int", quals=quake),
        rec("d", "injured", ">40", "b", "2021-07-05", vtype="int", quals=quake),
    ]
    c = _one(find_conflicts(records))
    assert (c.kind, c.attribute) == ("update", "injured")
    fallen = [*records, rec("d", "injured", "12", "c", "2021-07-09", vtype="int", quals=quake)]
    assert _one(find_conflicts(fallen)).kind == "conflict"
    # a later report that does not date the event is still about it
    undated = [*records, rec("d", "injured", "12", "c", "2021-07-09", vtype="int")]
    assert _one(find_conflicts(undated)).kind == "conflict"


def test_two_spellings_of_one_party_are_no_conflict() -> None:
    records = [
        rec("p", "party", "Labour", "a", "2021-11-03", vtype="entity"),
        rec("p", "party", "the Labour Party", "b", "2021-12-03", vtype="entity"),
        rec("q", "party", "Tory", "a", "2021-11-03", vtype="entity"),
        rec("q", "party", "Conservative Party", "b", "2021-12-03", vtype="entity"),
    ]
    assert find_conflicts(records) == []
