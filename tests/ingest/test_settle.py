"""The engine exempts what its first batch loaded from the cyclic GC, once per process."""

from __future__ import annotations

import pytest

from newsledger.ingest import engine


def test_settle_freezes_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(engine, "_SETTLED_PID", None)
    monkeypatch.setattr(engine.gc, "collect", lambda: calls.append("collect") or 0)
    monkeypatch.setattr(engine.gc, "freeze", lambda: calls.append("freeze"))
    engine.settle()
    engine.settle()
    assert calls == ["collect", "freeze"]
    monkeypatch.setattr(engine, "_SETTLED_PID", -1)  # as seen from a forked worker
    engine.settle()
    assert calls == ["collect", "freeze"] * 2
