"""Roles and affiliations from titles and appositives (fictional article, spaCy cached)."""

from __future__ import annotations

import pytest

from newsledger.core.model import Analysis, Document, Role
from newsledger.pipeline import analyse, stages_for

TEXT = """Jonas Berg, associate researcher at the Nordic Policy Institute and president of the Society for Coastal Studies (SCS), says the dunes are shrinking.

"The sea does not wait," said Maria Lopez of Westfield University.

Anna Kim, a member of the Lisbon-based policy group Ridgeway Institute, disagreed.

Canadian Prime Minister John Smith did not comment.

Harbor union chief Dana Wright said nothing.
"""


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    from newsledger.nlp import spacy_adapter as nlp

    ann = next(nlp.annotate([Document(id="roles", text=TEXT)]))
    return analyse(ann, stages_for("quotes"))


def roles_of(a: Analysis, name: str) -> list[Role]:
    ids = {e.id for e in a.entities if e.name == name}
    return [r for r in a.roles if r.entity in ids]


def test_two_roles_in_one_appositive(analysis: Analysis) -> None:
    got = {(r.role, r.org) for r in roles_of(analysis, "Jonas Berg")}
    assert ("associate researcher", "Nordic Policy Institute") in got
    assert ("president", "Society for Coastal Studies") in got


def test_affiliation_with_of(analysis: Analysis) -> None:
    got = roles_of(analysis, "Maria Lopez")
    assert [(r.role, r.org) for r in got] == [("", "Westfield University")]


def test_member_of_a_described_organisation(analysis: Analysis) -> None:
    got = roles_of(analysis, "Anna Kim")
    assert [(r.role, r.org) for r in got] == [("member", "Ridgeway Institute")]
    assert got[0].org_entity is not None


def test_title_before_the_name(analysis: Analysis) -> None:
    assert [(r.role, r.org) for r in roles_of(analysis, "John Smith")] == [
        ("Prime Minister", "Canadian")
    ]
    assert [r.role for r in roles_of(analysis, "Dana Wright")] == ["union chief"]


def test_role_spans_are_in_the_text(analysis: Analysis) -> None:
    for r in analysis.roles:
        assert 0 <= r.start < r.end <= len(analysis.text)
        assert r.role == r.role.strip()


HEADLINED = """Harbour Trade Slows In Karvenia
President Marek Dovrin said on Monday that exports fell.

By Lena Ostrova
Economics Editor Karvenia Daily Post

Dovrin, a former harbour engineer, spoke in Velstad.
"""


@pytest.fixture(scope="module")
def headlined() -> Analysis:
    from newsledger.nlp import spacy_adapter as nlp

    ann = next(nlp.annotate([Document(id="headlined", text=HEADLINED)]))
    return analyse(ann, stages_for("quotes"))


def test_headlines_and_bylines_never_join_a_role(headlined: Analysis) -> None:
    for r in headlined.roles:
        assert "\n" not in headlined.text[r.start : r.end], r
        for part in (r.role, r.org or ""):
            assert "Harbour Trade" not in part and "Slows" not in part, r
            assert "Economics Editor" not in part or r.start > HEADLINED.index("Economics"), r
    got = {(r.role, r.org) for r in roles_of(headlined, "Marek Dovrin")}
    assert ("President", None) in got
    assert any(r.role == "former harbour engineer" for r in roles_of(headlined, "Marek Dovrin"))
