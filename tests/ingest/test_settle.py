"""Once per process, the engine exempts what its first batch loaded from the cyclic GC."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.ingest import engine


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What ``settle`` asks of the collector (which is left as it was)."""
    got: list[Any] = []
    monkeypatch.setattr(engine, "_SETTLED_PID", None)
    monkeypatch.setattr(engine.gc, "collect", lambda: got.append("collect") or 0)
    monkeypatch.setattr(engine.gc, "freeze", lambda: got.append("freeze"))
    monkeypatch.setattr(engine.gc, "get_threshold", lambda: (700, 10, 10))
    monkeypatch.setattr(engine.gc, "set_threshold", lambda *t: got.append(t))
    return got


def test_settle_freezes_once_per_process(calls: list[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    engine.settle()
    engine.settle()
    assert calls == ["collect", "freeze", (engine.YOUNG_GC, 10, 10)]
    monkeypatch.setattr(engine, "_SETTLED_PID", -1)  # as seen from a forked worker
    engine.settle()
    assert calls == ["collect", "freeze", (engine.YOUNG_GC, 10, 10)] * 2


@pytest.mark.parametrize(("given", "kept"), [(0, None), (50_000, 50_000)])
def test_settle_keeps_a_collector_set_off_or_rarer(
    calls: list[Any], monkeypatch: pytest.MonkeyPatch, given: int, kept: int | None
) -> None:
    monkeypatch.setattr(engine.gc, "get_threshold", lambda: (given, 10, 10))
    engine.settle()
    assert calls[2:] == ([] if kept is None else [(kept, 10, 10)])
