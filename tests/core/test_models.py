"""Every shipped model was trained on the data its metadata names, and has a card."""

from __future__ import annotations

import hashlib
import json

import pytest

from newsledger.core import models
from newsledger.core.lexicon import data_path
from tests.conftest import SHARED, need_shared

NAMES = models.shipped_models()
MAX_TOTAL_BYTES = 40 * 1024 * 1024


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("name", NAMES)
def test_model_metadata_and_card(name: str) -> None:
    payload = models.load_model(name)
    meta = payload["meta"]
    assert meta["name"] == name
    assert meta["trained_on"], "a shipped model names its training data"
    card = data_path(f"{models.MODELS_DIR}/{name}.md").read_text(encoding="utf-8")
    for word in ("Data", "Licen", "Figures", "Limits"):
        assert word.lower() in card.lower(), f"model card of {name} lacks a {word} section"


@pytest.mark.parametrize("name", NAMES)
def test_model_checksums_match_shared_data(name: str) -> None:
    need_shared()
    meta = models.load_model(name)["meta"]
    for entry in [*meta["trained_on"], *meta["selected_on"]]:
        path = SHARED / entry["file"]
        assert path.is_file(), f"{name} was trained on {entry['file']}, not in ../shared"
        assert _sha256(path.read_bytes()) == entry["sha256"], (
            f"{name}: {entry['file']} changed since the model was trained; run `make train`"
        )


def test_models_stay_small() -> None:
    total = sum(data_path(f"{models.MODELS_DIR}/{n}.json").stat().st_size for n in NAMES)
    assert total <= MAX_TOTAL_BYTES


def test_missing_model_says_how_to_fix() -> None:
    with pytest.raises(models.ModelError, match="make train"):
        models.load_model("no-such-model")


def test_model_files_are_json_objects() -> None:
    for name in NAMES:
        text = data_path(f"{models.MODELS_DIR}/{name}.json").read_text(encoding="utf-8")
        assert isinstance(json.loads(text), dict)
