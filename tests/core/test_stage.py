from __future__ import annotations

import pytest

from newsledger.core.errors import PipelineError
from newsledger.core.model import Analysis
from newsledger.core.stage import Stage, check_order
from newsledger.pipeline import default_stages


def noop(a: Analysis) -> None:
    return None


def test_default_order_is_valid() -> None:
    stages = default_stages()
    check_order(stages)
    assert stages[0].name == "mentions"


def test_missing_requirement_is_reported_with_a_fix() -> None:
    late = Stage("late", requires=("quotes",), assigns=("claims",), run=noop)
    with pytest.raises(PipelineError, match="requires quotes") as exc:
        check_order([late])
    assert "Move the stage" in str(exc.value)


def test_unknown_field_and_duplicate_stage() -> None:
    with pytest.raises(PipelineError, match="unknown field"):
        check_order([Stage("x", requires=(), assigns=("nope",), run=noop)])
    s = Stage("x", requires=(), assigns=("dates",), run=noop)
    with pytest.raises(PipelineError, match="twice"):
        check_order([s, s])
