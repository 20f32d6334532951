"""/docs: the API reference rendered from the OpenAPI schema, served offline (no CDN)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsledger.web.common import render

router = APIRouter(include_in_schema=False)


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
                        "description": p.get("description") or sch.get("description", ""),
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
    return render(request, "api_docs.html", spec=spec, endpoints=endpoints(spec))
