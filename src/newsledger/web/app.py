"""The web app: JSON API under /api/, server-rendered pages, static assets; nothing from a CDN.

    from newsledger.web.app import create_app
    app = create_app("news.db")                       # read-only
    app = create_app("news.db", allow_write=True, token="a-long-secret-token")

Every page and endpoint reads through :mod:`newsledger.query.facts` (the same read
path as the CLI), on a read-only connection.  Write routes (upload, merge,
split) answer only when the app is built with ``allow_write`` and a token.
"""

from __future__ import annotations

import ipaddress
import logging
import threading
from collections.abc import Sequence

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.staticfiles import StaticFiles

from newsledger import __version__
from newsledger.core.errors import NewsledgerError, NotFoundError, StoreError
from newsledger.store import Store
from newsledger.web.common import STATIC, error_body, render
from newsledger.web.security import MIN_TOKEN, BodyLimit, SecurityHeaders

log = logging.getLogger("newsledger.web")

DEFAULT_MAX_BODY = 10 * 1024 * 1024  # bytes; uploads are the only large bodies
LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]


def _is_api(request: Request) -> bool:
    p = request.url.path
    return p.startswith("/api/") or p == "/api" or p == "/openapi.json"


def _error(
    request: Request,
    status: int,
    message: str,
    hint: str = "",
    headers: dict[str, str] | None = None,
) -> Response:
    if _is_api(request):
        return JSONResponse(error_body(message, hint), status_code=status, headers=headers)
    resp = render(
        request, "error.html", status=status, status_code=status, message=message, hint=hint
    )
    if headers:
        resp.headers.update(headers)
    return resp


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for e in exc.errors()[:5]:
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
    return "Bad request parameter(s): " + "; ".join(parts) + "."


# hints written for the command line, told the way a web or API reader acts on them
_WEB_HINTS = (
    ("`newsledger entities", "Search names at / (or GET /api/entities?q=TEXT)."),
    ("`newsledger documents", "See /documents (or GET /api/documents)."),
    ("`newsledger", "Search at /, or see /docs for the API."),
    ("--from/--to", "Give from/to as YYYY, YYYY-MM or YYYY-MM-DD."),
)


def web_hint(hint: str) -> str:
    """A hint that names CLI commands or flags, rewritten for the web and the API."""
    for needle, text in _WEB_HINTS:
        if needle in hint:
            return text
    return hint


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return _error(request, 404, exc.message, web_hint(exc.hint))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return _error(request, 503, exc.message, exc.hint)

    @app.exception_handler(NewsledgerError)
    async def bad_request(request: Request, exc: NewsledgerError) -> Response:
        return _error(request, 400, exc.message, web_hint(exc.hint))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return _error(
            request, 400, _validation_message(exc), "See /docs for each parameter's type and range."
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            msg, hint = f"Nothing at {request.url.path}.", "See / for pages and /docs for the API."
        elif exc.status_code == 405:
            msg, hint = f"{request.method} is not allowed on {request.url.path}.", "See /docs."
        else:
            msg, hint = str(exc.detail), ""
        return _error(request, exc.status_code, msg, hint, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return _error(request, 500, "Internal error.", "The server log has the details.")


def create_app(
    db: str,
    allow_write: bool = False,
    token: str | None = None,
    allowed_hosts: Sequence[str] | None = None,
    max_body: int = DEFAULT_MAX_BODY,
) -> FastAPI:
    """The FastAPI app serving the store at ``db``.

    ``allow_write`` enables the write routes, which then need ``token`` (at
    least 16 characters) as ``Authorization: Bearer TOKEN``.  ``allowed_hosts``
    limits the Host header (protection against DNS rebinding).
    """
    if allow_write and (not token or len(token) < MIN_TOKEN):
        raise NewsledgerError(
            f"--allow-write needs a token of at least {MIN_TOKEN} characters.",
            "Pass --token (or set NEWSLEDGER_TOKEN), e.g. from `python -c "
            "'import secrets; print(secrets.token_urlsafe())'`.",
        )
    Store(db, readonly=True).close()  # fail now, with a clear message, if there is no store

    from newsledger.web import api, api_docs, graphview, lists, pages, review, write
    from newsledger.web import corpus_pages as pages_more

    app = FastAPI(
        title="newsledger",
        version=__version__,
        description="Evidence-linked knowledge base of news articles. Every list is paged "
        f'(limit ≤ {api.MAX_LIMIT}, offset); every answer is `{{"data": …, "meta": …}}` '
        'and every error `{"error": {"message": …, "hint": …}}`.',
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.db = db
    app.state.allow_write = bool(allow_write)
    app.state.token = token if allow_write else None
    app.state.write_lock = threading.Lock()
    _install_handlers(app)
    app.include_router(api.router)
    app.include_router(write.router)
    app.include_router(api_docs.router)
    app.include_router(pages.router)
    app.include_router(pages_more.router)
    app.include_router(lists.router)
    app.include_router(review.router)
    app.include_router(graphview.router)
    app.mount("/static", StaticFiles(directory=str(STATIC), follow_symlink=False), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    app.add_middleware(BodyLimit, max_bytes=max_body)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(SecurityHeaders)
    return app


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    db: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    allow_write: bool = False,
    token: str | None = None,
) -> None:
    """Run the app with uvicorn until Ctrl-C (binds to localhost unless told otherwise)."""
    import uvicorn

    hosts = LOOPBACK_NAMES if is_loopback(host) else None
    app = create_app(db, allow_write=allow_write, token=token, allowed_hosts=hosts)
    uvicorn.run(
        app, host=host, port=port, log_level="warning", server_header=False, proxy_headers=False
    )


__all__ = ["create_app", "is_loopback", "serve"]
