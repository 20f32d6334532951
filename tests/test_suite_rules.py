"""The rules of the suite itself: it cannot flake on a slow machine or hide a regression.

* a test skips only through ``need`` (a missing external resource), which fails under CI;
* no test reads a clock (speed is measured in bench/, never asserted);
* Hypothesis is deterministic unless ``HYPOTHESIS_PROFILE=dev`` asks for more.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import settings

from tests import conftest

TESTS = Path(__file__).resolve().parent
FORBIDDEN = {
    "a skip outside need()": re.compile(r"pytest\.skip\(|importorskip|mark\.skip|skipif|xfail"),
    "a clock read": re.compile(r"perf_counter|process_time|monotonic|time\.time\(|timeit"),
}


def test_need_skips_on_a_laptop_and_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    conftest.need(True, "present")
    monkeypatch.setattr(conftest, "IN_CI", False)
    with pytest.raises(pytest.skip.Exception, match="no Java"):
        conftest.need(None, "no Java")
    monkeypatch.setattr(conftest, "IN_CI", True)
    with pytest.raises(pytest.fail.Exception, match=r"no Java \(CI=true"):
        conftest.need("", "no Java")


def test_need_module_returns_the_module_or_needs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    assert conftest.need_module("json", "json").dumps([]) == "[]"
    monkeypatch.setattr(conftest, "IN_CI", True)
    with pytest.raises(pytest.fail.Exception, match="no such package"):
        conftest.need_module("newsledger_no_such_package", "no such package")


def test_hypothesis_runs_the_same_examples_every_time() -> None:
    if os.environ.get("HYPOTHESIS_PROFILE", "ci") == "ci" or conftest.IN_CI:
        assert settings.default.derandomize
        assert settings.default.database is None
        assert settings.default.print_blob
    assert settings.default.deadline is None  # no wall-clock deadline in any profile


@pytest.mark.parametrize("rule", sorted(FORBIDDEN))
def test_no_test_skips_by_hand_or_reads_a_clock(rule: str) -> None:
    own = {Path(conftest.__file__).resolve(), Path(__file__).resolve()}
    hits = [
        f"{path.relative_to(TESTS)}:{n}: {line.strip()}"
        for path in sorted(TESTS.rglob("*.py"))
        if path.resolve() not in own
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FORBIDDEN[rule].search(line)
    ]
    assert not hits, f"{rule} in tests (use tests.conftest.need / bench/):\n" + "\n".join(hits)
