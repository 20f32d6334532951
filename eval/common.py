"""Shared helpers for the evaluation scripts: dev-set reading, an annotation cache,
and the shipped stages a scored stage needs.

spaCy output for a dev set is cached under ``.cache/annotated/`` (keyed by the
set's checksum and the model name), so scoring a change to a rule-based stage
takes seconds.  Delete the folder to recompute.  A script scores a stage as it
ships: :func:`upstream` runs the registered stages it needs first (in the
registry's order, as ``extract`` does), so the stage itself can be timed alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsledger import pipeline  # noqa: E402
from newsledger.core.model import Analysis, Annotated, Document  # noqa: E402
from newsledger.core.stage import Stage  # noqa: E402
from newsledger.nlp import spacy_adapter as nlp  # noqa: E402

SHARED = ROOT.parent / "shared"
DEV = SHARED / "dev"
# NEWSLEDGER_ANNOTATED_CACHE lets several checkouts share one cache (writes are atomic)
CACHE = Path(os.environ.get("NEWSLEDGER_ANNOTATED_CACHE") or ROOT / ".cache" / "annotated")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def annotated(name: str, docs: list[Document]) -> list[Annotated]:
    """spaCy-annotate ``docs`` (raw model output, before NER fixes), cached on disk."""
    key = hashlib.sha1(
        (nlp.MODEL_NAME + "\x1f" + "\x1e".join(d.id + "\x1f" + d.text for d in docs)).encode()
    ).hexdigest()[:16]
    path = CACHE / f"{name}-{key}.pkl"
    if path.exists():
        with path.open("rb") as fh:
            cached: list[Annotated] = pickle.load(fh)
        # re-attach the given documents (published dates etc. may differ)
        return [Annotated(d, a.tokens, a.sents, a.ents) for d, a in zip(docs, cached, strict=True)]
    out = list(nlp.annotate(docs))
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        pickle.dump(out, fh)
    tmp.replace(path)
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def shipped(stage: str) -> Stage:
    """The registered stage named ``stage`` (what ``extract`` runs)."""
    return pipeline.registry()[stage]


def upstream(stage: str, anns: list[Annotated]) -> list[Analysis]:
    """Each document through every shipped stage ``stage`` needs (not ``stage`` itself)."""
    before = pipeline.upstream(stage)
    return [pipeline.analyse(a, before) for a in anns]
