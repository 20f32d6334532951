"""Shared fixtures: paths to ../shared, and a spaCy-annotated example cache per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = SHARED / "samples"
EXAMPLES = ROOT / "examples"

SAMPLE_DATES = {"000_12d3de687a75bb58": "2024-03-26", "004_97df1cbacbb72619": "2021-10-01"}


def need_shared() -> Path:
    if not SAMPLES.exists():
        pytest.skip("../shared/samples is not beside the repository")
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
