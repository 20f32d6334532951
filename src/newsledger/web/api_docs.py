"""/docs: the API reference rendered from the OpenAPI schema, served offline (no CDN)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from newsledger.web.common import render

router = APIRouter(include_in_schema=False)

# what a parameter means wherever its own description is missing
PARAM_HELP = {
    "limit": "Page size.",
    "offset": "Items to skip (for the next page, add the page size).",
    "q": "Text to look for.",
    "source": "Only articles from this outlet (exact name, as listed in /api/documents).",
    "place": "Place name or ISO country code.",
    "actor": "Entity taking part (name or id).",
    "entity": "Entity (name or id).",
    "attribute": "Claim attribute, e.g. holds_role or in_power_since.",
    "country": "ISO 3166-1 alpha-2 country code, e.g. PT.",
    "kind": "direct, indirect or mixed.",
    "type": "A type as stored; the API lists the known ones when a type is unknown.",
    "from": "Earliest date: YYYY, YYYY-MM or YYYY-MM-DD.",
    "to": "Latest date: YYYY, YYYY-MM or YYYY-MM-DD.",
    "doc_id": "Document id (from a search or a list).",
    "ref": "Entity id or name.",
    "flag_id": "Flag id (from GET /api/flags).",
}


def inline_code(text: str) -> Markup:
    """Escaped text with `backticks` shown as code."""
    parts = str(text or "").split("`")
    return Markup("").join(
        Markup("<code>{}</code>").format(p) if i % 2 else Markup("{}").format(p)
        for i, p in enumerate(parts)
    )


def _schema_type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_schema_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    t = str(schema.get("type", "object"))
    bounds = [f"{k} {schema[k]}" for k in ("minimum", "maximum", "maxLength") if k in schema]
    if "pattern" in schema:
        bounds.append(f"pattern {schema['pattern']}")
    return t + (f" ({', '.join(bounds)})" if bounds else "")


def endpoints(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Endpoints of an OpenAPI document, grouped for the reference page."""
    out = []
    for path, ops in spec.get("paths", {}).items():
        for method, op in ops.items():
            params = []
            for p in op.get("parameters", []):
                sch = p.get("schema", {})
                params.append(
                    {
                        "name": p["name"],
                        "in": p["in"],
                        "required": p.get("required", False),
                        "type": _schema_type(sch),
                        "default": sch.get("default"),
                        "description": p.get("description")
                        or sch.get("description")
                        or PARAM_HELP.get(p["name"], ""),
                    }
                )
            body = op.get("requestBody", {}).get("content", {})
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "tag": (op.get("tags") or ["other"])[0],
                    "params": params,
                    "body": ", ".join(body),
                    "try": method == "get"
                    and "{" not in path
                    and not any(p["required"] for p in params),
                }
            )
    return out


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    return render(request, "api_docs.html", spec=spec, endpoints=endpoints(spec), code=inline_code)
