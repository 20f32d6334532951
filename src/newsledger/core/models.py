"""Shipped learned models: one loader, one metadata contract.

Every model lives in ``data/models/<name>.json`` beside its model card
``data/models/<name>.md``.  The JSON holds plain numbers (weights, vocabulary,
thresholds) that the stages score with dictionary lookups, so no learning
library is needed at run time.  Its ``meta`` says where the model came from::

    {"name": ..., "trained_on": [{"file": "train/quotes_train.jsonl", "sha256": ...}],
     "selected_on": [{"file": "dev/quotes_dev.jsonl", "sha256": ...}],
     "seed": 13, "library": "scikit-learn 1.9.1", "dev": {metric: value}, ...}

``make train`` (``train/run.py``) writes them; ``tests/models`` checks the
checksums against ``../shared`` and that every model has its card.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from newsledger.core.errors import NewsledgerError
from newsledger.core.lexicon import data_path, read_json

MODELS_DIR = "models"
META_KEYS = ("name", "trained_on", "selected_on", "seed", "library", "dev")


class ModelError(NewsledgerError):
    """A shipped model file is missing or malformed."""


def model_path_name(name: str) -> str:
    return f"{MODELS_DIR}/{name}.json"


@cache
def load_model(name: str) -> dict[str, Any]:
    """The shipped model ``name`` (validated ``meta``; cached per process)."""
    path = data_path(model_path_name(name))
    if not path.is_file():
        raise ModelError(
            f"The model file {path} is missing.",
            "Reinstall newsledger, or rebuild the models with `make train` "
            "(needs ../shared/train beside the repository).",
        )
    payload = read_json(path)
    if not isinstance(payload, dict) or not isinstance(payload.get("meta"), dict):
        raise ModelError(
            f"{path} is not a newsledger model (no 'meta' object).",
            "Rebuild it with `make train`.",
        )
    missing = [k for k in META_KEYS if k not in payload["meta"]]
    if missing:
        raise ModelError(
            f"{path}: meta lacks {', '.join(missing)}.",
            "Rebuild it with `make train`, which records where a model came from.",
        )
    return payload


def shipped_models() -> list[str]:
    """Names of every shipped model (``data/models/*.json``)."""
    base = data_path(MODELS_DIR)
    if not base.is_dir():
        return []
    return sorted(p.stem for p in base.glob("*.json"))
