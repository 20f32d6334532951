"""Geocoding evaluation on TR-News (../shared/dev/geo_dev.jsonl) and GeoVirus
(../shared/train/geo_train.jsonl, WikiNews).

For every gold toponym with gold coordinates:

* found: one of our places overlaps its span (``recall``);
* right: the overlapping place lies within 161 km (100 miles) of the gold point
  (``acc161``, over the found ones).

``precision`` is the share of our places that overlap a gold toponym.  TR-News
counts demonyms and adjectives ("Turkish") and place names inside organisation
names ("Kentucky State Police") as toponyms; ``recall_names`` leaves out gold
toponyms whose text is a demonym, for information.  ``acc161_all`` counts every
gold toponym (missed = wrong).  ``acc161_points`` is the accuracy over places
resolved to a town, county or landmark: countries, continents, first-order
divisions and regions are points only by convention (GeoNames' point, Wikipedia's
coordinates), and a large area's point can be far from the gold one.

GeoVirus (``gv_*``) annotates neither demonyms nor places inside organisation
names, so its precision counts only places of kind ``name``.  The namesake model
is trained on GeoVirus, so its GeoVirus accuracy is measured by 5-fold
cross-validation by passage (``train/place_names.py``), never with the shipped
weights.  GeoVirus gold points for countries and divisions are Wikipedia's
coordinates, TR-News's are GeoNames' points (of 80 such places named in both sets,
10 lie over 161 km apart: Canada, Russia, Queensland, Japan, Alberta, Brazil, ...).

The error table (``main``) sorts the gold toponyms not right by cause
(:func:`error_class`): missed, found as part of another name, a large area's point, or
another namesake.

Run: ``.venv/bin/python eval/geo.py [-v]`` (spaCy output is cached).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEV, SHARED, annotated, read_jsonl, shipped, upstream
from newsledger.components.places import gazetteer
from newsledger.components.places.gazetteer import distance_km
from newsledger.core.model import Analysis, Document, Place

NAME = "geo_dev"
GEOVIRUS = SHARED / "train" / "geo_train.jsonl"
KM = 161.0
POINT_FEATURES = frozenset({"city", "capital", "adm2", "landmark"})


def docs_of(recs: list[dict[str, Any]]) -> list[Document]:
    return [
        Document(
            id=r["id"],
            text=r["text"],
            title=r.get("title"),
            published=r.get("published") or None,
            url=r.get("url") or None,
        )
        for r in recs
    ]


def analyses(path: Path) -> tuple[list[dict[str, Any]], list[Analysis]]:
    """The records of a gold file and their analyses up to (not including) the places stage."""
    recs = read_jsonl(path)
    return recs, upstream("places", annotated(path.stem, docs_of(recs)))


def score(
    recs: Sequence[dict[str, Any]],
    places: Sequence[Sequence[Place]],
    details: list[dict[str, Any]] | None = None,
    kinds: frozenset[str] | None = None,
) -> dict[str, float]:
    """Recall, accuracy at 161 km and precision of ``places`` (one list per record)."""
    demonym_texts = set(gazetteer.demonyms())
    gold_n = found = right = names_n = names_found = 0
    points = points_right = 0  # found as a town, county or landmark (not an area's centre)
    pred_n = pred_hit = 0
    for rec, ps in zip(recs, places, strict=True):
        gold = [g for g in rec["toponyms"] if g.get("lat") is not None and g.get("lon") is not None]
        for p in ps:
            if kinds is not None and p.kind not in kinds:
                continue
            pred_n += 1
            if any(p.start < g["end"] and g["start"] < p.end for g in rec["toponyms"]):
                pred_hit += 1
        for g in gold:
            gold_n += 1
            is_name = g["text"] not in demonym_texts
            names_n += is_name
            over = [p for p in ps if p.start < g["end"] and g["start"] < p.end]
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
                if p.feature in POINT_FEATURES:
                    points += 1
                    points_right += ok
                row.update(
                    status="right" if ok else "wrong", pred=p.name, pred_cc=p.country, km=round(d)
                )
                row["same_span"] = (p.start, p.end) == (g["start"], g["end"])
                row["feature"], row["kind"] = p.feature, p.kind
            if details is not None:
                details.append(row)
    return {
        "acc161": right / found if found else 0.0,
        "recall": found / gold_n if gold_n else 0.0,
        "recall_names": names_found / names_n if names_n else 0.0,
        "precision": pred_hit / pred_n if pred_n else 0.0,
        "acc161_all": right / gold_n if gold_n else 0.0,
        "acc161_points": points_right / points if points else 0.0,
        "gold": float(gold_n),
    }


AREAS = frozenset({"country", "adm1", "region", "continent"})
AREA_KM = 1500.0  # an area's own point is this close to the gold one, another place is not


def error_class(row: dict[str, Any]) -> str:
    """Why a gold toponym is not right: ``missed``; ``span`` (found as part of a longer or
    shorter name: "Little Portugal" as Portugal); ``area`` (the same country, division or
    region, whose conventional point lies over 161 km from the gold one); ``namesake``
    (another place of the name)."""
    if row["status"] == "missed":
        return "missed"
    if not row["same_span"]:
        return "span"
    if row["feature"] in AREAS and row["km"] <= AREA_KM:
        return "area"
    return "namesake"


def error_table(rows: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Counts of the error classes (:func:`error_class`) over the gold toponyms not right."""
    out = {k: 0 for k in ("missed", "span", "area", "namesake")}
    for r in rows:
        if r["status"] != "right":
            out[error_class(r)] += 1
    return out


def evaluate(
    path: Path | None = None,
    details: list[dict[str, Any]] | None = None,
    gv_details: list[dict[str, Any]] | None = None,
) -> dict[str, float]:
    """Score the places stage on TR-News dev (or a file of its format), and GeoVirus
    by 5-fold cross-validation when scoring the default set."""
    t0 = time.perf_counter()
    gazetteer.load()
    load_s = time.perf_counter() - t0
    recs, ans = analyses(path or DEV / f"{NAME}.jsonl")
    stage = shipped("places")
    stage_s = 0.0
    words = 0
    for a in ans:
        t = time.perf_counter()
        stage.run(a)
        stage_s += time.perf_counter() - t
        words += len(a.annotated.tokens)
    m = score(recs, [a.places for a in ans], details)
    m["ms_per_500_words"] = 1000.0 * stage_s / max(words, 1) * 500
    m["gazetteer_load_s"] = load_s
    if path is None and GEOVIRUS.exists():
        m.update(geovirus(gv_details))
    return m


def geovirus(details: list[dict[str, Any]] | None = None) -> dict[str, float]:
    """GeoVirus figures by 5-fold cross-validation of the namesake model (``gv_*``)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "train"))
    import place_names

    cv = place_names.crossval(details=details)
    return {f"gv_{k}": v for k, v in cv.items() if k != "gold"}


def main() -> None:
    verbose = "-v" in sys.argv
    rows: list[dict[str, Any]] = []
    gv_rows: list[dict[str, Any]] = []
    m = evaluate(details=rows, gv_details=gv_rows)
    print(f"{'metric':<20} value")
    for k, v in m.items():
        print(f"{k:<20} {v:.3f}")
    for label, rs in (("TR-News dev", rows), ("GeoVirus 5-fold", gv_rows)):
        if rs:
            table = ", ".join(f"{k} {v}" for k, v in error_table(rs).items())
            print(f"errors {label}: {table} (of {len(rs)} gold toponyms)")
    if verbose:
        for r in [*rows, *gv_rows]:
            if r["status"] != "right":
                print(error_class(r), r)


if __name__ == "__main__":
    main()
