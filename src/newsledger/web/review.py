"""Review routes: flag an extraction as wrong, or take a flag back.

Like merge and split (:mod:`newsledger.web.write`), they answer only when the app
runs with ``allow_write`` and the request carries the token.  Reading flags needs
no token: ``GET /api/flags`` (and the /flags page) list them.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from newsledger.core.errors import NotFoundError
from newsledger.store import Store
from newsledger.web.common import StoreDep, envelope
from newsledger.web.write import require_token

router = APIRouter(prefix="/api", tags=["review"])
write_router = APIRouter(  # included into ``router``, which adds the /api prefix
    tags=["write (needs --allow-write and a token)"],
    dependencies=[Depends(require_token)],
)


class FlagBody(BaseModel):
    kind: Literal["quote", "claim", "role", "event", "mention", "date", "place"] = Field(
        description="What is wrong."
    )
    doc: str = Field(min_length=1, max_length=200, description="Document id.")
    start: int = Field(ge=0, description="Start of the item's evidence span.")
    end: int = Field(ge=1, description="End of the item's evidence span.")
    reason: str = Field(default="", max_length=1000, description="Why it is wrong (optional).")


@router.get("/flags", summary="Extractions flagged as wrong, newest first")
def flags(store: StoreDep) -> JSONResponse:
    rows = store.flags()
    return envelope(rows, len(rows) or 1, 0, False, len(rows))


@write_router.post("/flags", summary="Flag an extraction as wrong (shown, left out of counts)")
def add_flag(request: Request, body: FlagBody) -> JSONResponse:
    with request.app.state.write_lock, Store(request.app.state.db) as store:
        if not store.doc_labels([body.doc]):
            raise NotFoundError(f"No document {body.doc!r}.", "Flag an item shown on a page.")
        fid = store.add_flag(body.kind, body.doc, body.start, body.end, body.reason)
    return envelope({"id": fid, **body.model_dump()})


@write_router.delete("/flags/{flag_id}", summary="Take a flag back")
def remove_flag(request: Request, flag_id: Annotated[int, Path(ge=1)]) -> JSONResponse:
    with request.app.state.write_lock, Store(request.app.state.db) as store:
        if not store.remove_flag(flag_id):
            raise NotFoundError(f"No flag {flag_id}.", "See GET /api/flags for the flags.")
    return envelope({"removed": flag_id})


router.include_router(write_router)
