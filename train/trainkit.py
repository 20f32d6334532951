"""Shared helpers for the trainers in ``train/``: data paths, checksums, seeds,
the scripts of ``eval/``, and writing a model with its metadata and card.

Each trainer is a module ``train/<name>.py`` with ``NAME`` (the model's name,
``data/models/<NAME>.json``) and ``train(args) -> dict[str, float]`` that fits
on ``../shared/train``, selects on ``../shared/dev``, writes the model with
:func:`write_model`, and returns its dev figures.  ``train/run.py`` (``make
train``) runs them all and prints the table and the time each took.
"""

from __future__ import annotations

import hashlib
import json
import platform
import random
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

SHARED = ROOT.parent / "shared"
TRAIN = SHARED / "train"
DEV = SHARED / "dev"
MODELS = ROOT / "src" / "newsledger" / "data" / "models"
SEED = 13


def eval_module(name: str) -> ModuleType:
    """The scoring script ``eval/<name>.py`` (``eval/`` is on ``sys.path``)."""
    import importlib

    return importlib.import_module(name)


def seed_all(seed: int = SEED) -> None:
    """Fix every random source a trainer may touch."""
    random.seed(seed)
    try:
        import numpy as np

        np.random.seed(seed)
    except ImportError:  # pragma: no cover - numpy comes with scikit-learn
        pass


def need_file(path: Path) -> Path:
    if not path.is_file():
        raise SystemExit(
            f"{path} is missing: put the shared data folder beside the repository "
            "(../shared/train and ../shared/dev) and run `make train` again."
        )
    return path


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def provenance(path: Path) -> dict[str, str]:
    """``{"file": "train/x.jsonl", "sha256": ...}`` for a file under ``../shared``."""
    return {"file": str(need_file(path).relative_to(SHARED)), "sha256": sha256(path)}


def library_versions(*names: str) -> str:
    from importlib.metadata import version

    return ", ".join(f"{n} {version(n)}" for n in names)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with need_file(path).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_model(
    name: str,
    payload: dict[str, Any],
    *,
    trained_on: list[Path],
    selected_on: list[Path],
    library: str,
    dev: dict[str, float],
    card: str,
    extra_meta: dict[str, Any] | None = None,
) -> Path:
    """Write ``data/models/<name>.json`` (payload + meta) and its card ``<name>.md``.

    The JSON is written with sorted keys and rounded floats so that a retrain
    with the same data and seed gives the same bytes.
    """
    MODELS.mkdir(parents=True, exist_ok=True)
    meta: dict[str, Any] = {
        "name": name,
        "trained_on": [provenance(p) for p in trained_on],
        "selected_on": [provenance(p) for p in selected_on],
        "seed": SEED,
        "library": library,
        "python": platform.python_version(),
        "dev": {k: round(v, 4) for k, v in sorted(dev.items())},
    }
    meta.update(extra_meta or {})
    body = {"meta": meta, **{k: v for k, v in payload.items() if k != "meta"}}
    out = MODELS / f"{name}.json"
    out.write_text(
        json.dumps(_rounded(body), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        + "\n",
        encoding="utf-8",
    )
    (MODELS / f"{name}.md").write_text(card.rstrip() + "\n", encoding="utf-8")
    return out


def _rounded(value: Any, digits: int = 6) -> Any:
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, dict):
        return {k: _rounded(v, digits) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v, digits) for v in value]
    return value
