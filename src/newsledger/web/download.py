"""CSV and JSON downloads of what a page lists, with the page's filters applied."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from fastapi.responses import Response

FORMATS = ("csv", "json")


def flatten(row: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts as ``a_b`` columns; lists joined with ``; `` (dicts in them as JSON)."""
    out: dict[str, Any] = {}
    for k, v in row.items():
        name = f"{prefix}{k}"
        if isinstance(v, Mapping):
            out.update(flatten(v, name + "_"))
        elif isinstance(v, list):
            out[name] = "; ".join(
                json.dumps(x, ensure_ascii=False) if isinstance(x, (dict, list)) else str(x)
                for x in v
                if x is not None
            )
        else:
            out[name] = v
    return out


def to_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    flat = [flatten(r) for r in rows]
    cols: list[str] = []
    for r in flat:
        cols.extend(k for k in r if k not in cols)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in flat:
        # a cell starting with = + - @ could run as a formula in a spreadsheet
        w.writerow(
            {
                k: ("'" + v if isinstance(v, str) and v[:1] in ("=", "+", "-", "@") else v)
                for k, v in r.items()
            }
        )
    return buf.getvalue()


def download(rows: list[dict[str, Any]], fmt: str, name: str) -> Response:
    """``rows`` as an attachment named ``name.csv`` or ``name.json``."""
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-") or "export"
    if fmt == "json":
        body = json.dumps(rows, ensure_ascii=False, indent=1)
        media = "application/json"
    else:
        body = to_csv(rows)
        media = "text/csv; charset=utf-8"
    return Response(
        body,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{safe}.{fmt}"'},
    )
