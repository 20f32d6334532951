"""Shared fixtures and rules of the suite.

* Paths to ../shared and the examples, and the two samples extracted once per session.
* ``need(ok, reason)``: the one way to skip.  A test skips only when an external
  resource is absent on a laptop (../shared, Chromium, Java, an optional package);
  with ``CI=true`` the same test fails, since CI must have every resource.
* Hypothesis profiles: ``ci`` (derandomized, fixed example counts, no deadline)
  is the default and is forced under ``CI=true``; ``HYPOTHESIS_PROFILE=dev``
  runs ten times as many random examples locally.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = SHARED / "samples"
EXAMPLES = ROOT / "examples"

SAMPLE_DATES = {"000_12d3de687a75bb58": "2024-03-26", "004_97df1cbacbb72619": "2021-10-01"}


IN_CI = os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}

# too_slow is measured on the wall clock: a loaded machine must not fail a test
_QUIET = [HealthCheck.too_slow]
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    max_examples=100,
    deadline=None,
    print_blob=True,
    suppress_health_check=_QUIET,
)
settings.register_profile("dev", max_examples=1000, deadline=None, suppress_health_check=_QUIET)
settings.load_profile("ci" if IN_CI else os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def need(ok: object, reason: str) -> None:
    """Skip (on a laptop) or fail (under ``CI=true``) unless the resource is there.

    Only for resources outside the repository; a missing feature of newsledger
    itself must fail, never skip.
    """
    if ok:
        return
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: every resource must be present)", pytrace=False)
    pytest.skip(reason)


def need_module(name: str, reason: str) -> ModuleType:
    """Import an optional package, or :func:`need` it (skip, or fail under CI)."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        need(False, f"{reason} ({exc})")
        raise  # not reached: need() raised


def need_shared() -> Path:
    need(SAMPLES.is_dir(), f"{SAMPLES} is missing: put ../shared beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def samples_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two sample articles as JSONL with their ids and publication dates."""
    import json

    need_shared()
    path = tmp_path_factory.mktemp("samples") / "samples.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for stem, date in SAMPLE_DATES.items():
            text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
            fh.write(json.dumps({"id": stem, "text": text, "published": date}) + "\n")
    return path


@pytest.fixture(scope="session")
def sample_records(samples_jsonl: Path) -> list[dict[str, object]]:
    """`extract` records of both samples (one call, entities resolved across them)."""
    from newsledger import service

    return service.extract([str(samples_jsonl)])
