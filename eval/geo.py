"""Geocoding evaluation on TR-News (../shared/dev/geo_dev.jsonl).

For every gold toponym with gold coordinates:

* found: one of our places overlaps its span (``recall``);
* right: the overlapping place lies within 161 km (100 miles) of the gold point
  (``acc161``, over the found ones).

``precision`` is the share of our places that overlap a gold toponym.  TR-News
counts demonyms and adjectives ("Turkish") and place names inside organisation
names ("Kentucky State Police") as toponyms; newsledger does not make places of
either, so ``recall_names`` leaves out gold toponyms whose text is a demonym,
for information.  ``acc161_all`` counts every gold toponym (missed = wrong).

Run: ``.venv/bin/python eval/geo.py`` (spaCy output is cached under .cache/).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEV, annotated, read_jsonl, shipped, upstream
from newsledger.components.places import gazetteer
from newsledger.components.places.gazetteer import distance_km
from newsledger.core.model import Document

NAME = "geo_dev"
KM = 161.0


def _docs(recs: list[dict[str, Any]]) -> list[Document]:
    return [
        Document(
            id=r["id"], text=r["text"], title=r.get("title"), published=r.get("published") or None
        )
        for r in recs
    ]


def evaluate(
    path: Path | None = None, details: list[dict[str, Any]] | None = None
) -> dict[str, float]:
    """Score the places stage on a TR-News-style file; ``details`` collects per-toponym rows."""
    recs = read_jsonl(path or DEV / f"{NAME}.jsonl")
    docs = _docs(recs)
    anns = annotated(NAME if path is None else path.stem, docs)
    t0 = time.perf_counter()
    gazetteer.load()
    load_s = time.perf_counter() - t0
    demonym_texts = set(gazetteer.demonyms())
    gold_n = found = right = names_n = names_found = 0
    pred_n = pred_hit = 0
    stage_s = 0.0
    words = 0
    stage = shipped("places")
    for rec, ann, a in zip(recs, anns, upstream(stage.name, anns), strict=True):
        t = time.perf_counter()
        stage.run(a)
        stage_s += time.perf_counter() - t
        words += len(ann.tokens)
        gold = [g for g in rec["toponyms"] if g.get("lat") is not None and g.get("lon") is not None]
        for p in a.places:
            pred_n += 1
            if any(p.start < g["end"] and g["start"] < p.end for g in rec["toponyms"]):
                pred_hit += 1
        for g in gold:
            gold_n += 1
            is_name = g["text"] not in demonym_texts
            names_n += is_name
            over = [p for p in a.places if p.start < g["end"] and g["start"] < p.end]
            row: dict[str, Any] = {"doc": rec["id"], "text": g["text"], "gold": g.get("name")}
            row["gold_cc"] = g.get("country_code")
            if not over:
                row["status"] = "missed"
            else:
                found += 1
                names_found += is_name
                p = over[0]
                d = distance_km(p.lat or 0.0, p.lon or 0.0, float(g["lat"]), float(g["lon"]))
                ok = p.lat is not None and d <= KM
                right += ok
                row.update(
                    status="right" if ok else "wrong", pred=p.name, pred_cc=p.country, km=round(d)
                )
            if details is not None:
                details.append(row)
    return {
        "acc161": right / found if found else 0.0,
        "recall": found / gold_n if gold_n else 0.0,
        "recall_names": names_found / names_n if names_n else 0.0,
        "precision": pred_hit / pred_n if pred_n else 0.0,
        "acc161_all": right / gold_n if gold_n else 0.0,
        "gold": float(gold_n),
        "ms_per_500_words": 1000.0 * stage_s / max(words, 1) * 500,
        "gazetteer_load_s": load_s,
    }


def main() -> None:
    verbose = "-v" in sys.argv
    rows: list[dict[str, Any]] = []
    m = evaluate(details=rows)
    print(f"{'metric':<20} value")
    for k, v in m.items():
        print(f"{k:<20} {v:.3f}")
    if verbose:
        for r in rows:
            if r["status"] != "right":
                print(r)


if __name__ == "__main__":
    main()
