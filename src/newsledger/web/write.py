"""Write routes: ingest by upload, merge and split entities.

They answer 403 unless the app was built with ``allow_write`` and a token, and
401 unless the request carries that token (``Authorization: Bearer TOKEN``,
compared in constant time).  One write runs at a time.
"""

from __future__ import annotations

import tempfile
from pathlib import Path as FsPath
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Header, HTTPException, Request, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from newsledger import service
from newsledger.core.errors import NewsledgerError
from newsledger.store import Store
from newsledger.web.common import DATE_RE, MAX_QUERY, envelope
from newsledger.web.security import bearer, token_ok

UPLOAD_SUFFIXES = {".txt", ".html", ".htm", ".jsonl", ".ndjson"}
MAX_FILES = 50


Auth = Annotated[str | None, Header(description="`Bearer TOKEN` (the server's --token).")]


def require_token(request: Request, authorization: Auth = None) -> None:
    """Runs before the body is validated: no token, no further answer."""
    if not request.app.state.allow_write:
        raise HTTPException(
            403,
            "This server is read-only: start it with `newsledger serve --allow-write --token TOKEN` "
            "to enable uploads, merge and split.",
        )
    if not token_ok(bearer(authorization), request.app.state.token):
        raise HTTPException(
            401,
            "A valid token is needed: send `Authorization: Bearer TOKEN` with the server's token.",
            headers={"WWW-Authenticate": "Bearer"},
        )


router = APIRouter(
    prefix="/api",
    tags=["write (needs --allow-write and a token)"],
    dependencies=[Depends(require_token)],
)


class MergeBody(BaseModel):
    a: str = Field(min_length=1, max_length=MAX_QUERY, description="First entity (id or name).")
    b: str = Field(min_length=1, max_length=MAX_QUERY, description="Second entity (id or name).")


class SplitBody(BaseModel):
    entity: str = Field(min_length=1, max_length=MAX_QUERY, description="Entity (id or name).")
    names: list[str] = Field(
        default_factory=list,
        max_length=100,
        description="Names to split off; all other names when empty.",
    )


def _safe_name(i: int, filename: str | None) -> str:
    """A file name of our own: only the suffix of the uploaded name is kept (no paths)."""
    suffix = FsPath(FsPath(filename or "").name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise NewsledgerError(
            f"Cannot ingest {filename!r}: unsupported file type.",
            f"Upload {', '.join(sorted(UPLOAD_SUFFIXES))} files.",
        )
    return f"upload-{i:03d}{suffix}"


@router.post("/ingest", summary="Ingest uploaded articles (.txt, .html, .jsonl)")
async def ingest(
    request: Request,
    files: Annotated[list[UploadFile], File(description="Article files.")],
    published: Annotated[str | None, Form(pattern=DATE_RE)] = None,
    source: Annotated[str | None, Form(max_length=200)] = None,
) -> JSONResponse:
    if not files or len(files) > MAX_FILES:
        raise NewsledgerError(f"Send 1 to {MAX_FILES} files.", "Split large uploads.")
    from starlette.concurrency import run_in_threadpool

    with tempfile.TemporaryDirectory(prefix="newsledger-upload-") as td:
        for i, f in enumerate(files):
            (FsPath(td) / _safe_name(i, f.filename)).write_bytes(await f.read())
        report = await run_in_threadpool(_ingest_locked, request, td, published, source)
    return envelope(report)


def _ingest_locked(
    request: Request, folder: str, published: str | None, source: str | None
) -> dict[str, Any]:
    with request.app.state.write_lock:
        rep = service.ingest(
            [folder],
            request.app.state.db,
            published=published or None,
            source=source or None,
            workers=1,
        )
    return {
        "added": rep.added,
        "skipped": rep.skipped,
        "errors": rep.errors,
        "words": rep.words,
        "entities": rep.entities,
    }


@router.post("/entities/merge", summary="Merge two entities (the decision survives re-ingest)")
def merge(request: Request, body: MergeBody) -> JSONResponse:
    with request.app.state.write_lock, Store(request.app.state.db) as store:
        name_a, name_b, merged = service.merge_entities(store, body.a, body.b)
    return envelope({"merged": [name_a, name_b], "entity": merged})


@router.post("/entities/split", summary="Split names off an entity that wrongly merges several")
def split(request: Request, body: SplitBody) -> JSONResponse:
    with request.app.state.write_lock, Store(request.app.state.db) as store:
        name, parts = service.split_entity(store, body.entity, body.names or ())
    return envelope({"entity": name, "split": parts})
