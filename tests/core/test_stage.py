from __future__ import annotations

import itertools

import pytest

from newsledger import pipeline
from newsledger.core.errors import PipelineError
from newsledger.core.model import Analysis
from newsledger.core.stage import Registry, Stage, check_order, derive_order
from newsledger.pipeline import default_stages


def noop(a: Analysis) -> None:
    return None


def names(stages: list[Stage]) -> list[str]:
    return [st.name for st in stages]


def test_default_order_is_derived_valid_and_todays() -> None:
    stages = default_stages()
    check_order(stages)
    assert names(stages) == [
        "nerfix",
        "mentions",
        "dates",
        "places",
        "roles",
        "quotes",
        "events",
        "claims",
    ]
    assert {st.name for st in stages} == set(names(list(pipeline.registry())))


def test_any_registration_order_derives_a_valid_order() -> None:
    shipped = list(pipeline.registry())
    for perm in itertools.islice(itertools.permutations(shipped), 0, None, 997):
        order = derive_order(list(perm))
        check_order(order)
        assert names(order)[0] == "nerfix" and names(order)[-1] == "claims"
    check_order(derive_order(shipped[::-1]))


def test_a_wrong_order_of_the_shipped_stages_is_rejected() -> None:
    reg = pipeline.registry()
    wrong = [
        reg[n] for n in ("nerfix", "mentions", "claims", "events", "quotes", "dates", "places")
    ]
    with pytest.raises(PipelineError, match="'claims' requires quotes, events, sentence_dates"):
        check_order(wrong)
    late_fix = [reg["mentions"], reg["nerfix"]]
    with pytest.raises(PipelineError, match="'mentions' reads 'annotated' before stage 'nerfix'"):
        check_order(late_fix)


def test_stages_for_runs_what_a_stage_needs() -> None:
    assert names(pipeline.stages_for("mentions")) == ["nerfix", "mentions"]
    assert names(pipeline.stages_for("quotes")) == [
        "nerfix",
        "mentions",
        "dates",
        "roles",
        "quotes",
    ]
    assert names(pipeline.upstream("events")) == ["nerfix", "mentions", "dates", "places"]
    assert pipeline.stages_for("claims") == default_stages()
    with pytest.raises(PipelineError, match="No stage named 'nope'"):
        pipeline.stages_for("nope")


def test_missing_requirement_is_reported_with_a_fix() -> None:
    late = Stage("late", requires=("quotes",), assigns=("claims",), run=noop)
    with pytest.raises(PipelineError, match="requires quotes") as exc:
        check_order([late])
    assert "Move the stage" in str(exc.value)
    with pytest.raises(PipelineError, match="requires 'quotes', which no stage assigns") as exc:
        Registry([late]).ordered()
    assert "Register a stage that assigns 'quotes'" in str(exc.value)


def test_a_cycle_is_reported() -> None:
    a = Stage("a", requires=("quotes",), assigns=("claims",), run=noop)
    b = Stage("b", requires=("claims",), assigns=("quotes",), run=noop)
    c = Stage("c", requires=("annotated",), assigns=("dates",), run=noop)
    with pytest.raises(PipelineError, match="cycle: a -> b -> a") as exc:
        derive_order([c, a, b])
    assert "split the stage" in str(exc.value)


def test_unknown_field_duplicate_stage_and_double_assignment() -> None:
    with pytest.raises(PipelineError, match="unknown field"):
        check_order([Stage("x", requires=(), assigns=("nope",), run=noop)])
    s = Stage("x", requires=(), assigns=("dates",), run=noop)
    with pytest.raises(PipelineError, match="twice"):
        check_order([s, s])
    with pytest.raises(PipelineError, match="already registered"):
        Registry([s, s])
    t = Stage("y", requires=(), assigns=("dates",), run=noop)
    with pytest.raises(PipelineError, match="both assign 'dates'"):
        derive_order([s, t])


def test_ties_keep_registration_order() -> None:
    a = Stage("a", requires=("annotated",), assigns=("dates",), run=noop)
    b = Stage("b", requires=("annotated",), assigns=("places",), run=noop)
    c = Stage("c", requires=("dates", "places"), assigns=("events",), run=noop)
    assert names(Registry([c, b, a]).ordered()) == ["b", "a", "c"]
    assert names(Registry([a, b, c]).ordered()) == ["a", "b", "c"]
    assert names(Registry([c, b, a]).needed_for("c")) == ["b", "a", "c"]
    assert names(Registry([c, b, a]).upstream("c")) == ["b", "a"]


def test_every_stage_is_timed_by_name() -> None:
    from newsledger.core.model import Annotated, Document

    ann = Annotated(Document("t", ""), (), (), ())
    pipeline.TIMINGS = {}
    try:
        pipeline.analyse(ann)
        timed = set(pipeline.TIMINGS)
    finally:
        pipeline.TIMINGS = None
    assert timed == {st.name for st in default_stages()}
    assert {"nerfix", "roles"} <= timed
