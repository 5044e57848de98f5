"""``GET /api/v1/health``: liveness and a summary of the store."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response

from ... import __version__
from ..common import API, get_store

router = APIRouter(prefix=API)


@router.get("/health", tags=["meta"], summary="Liveness and store summary")
def health(request: Request, store: Any = Depends(get_store)) -> Response:
    n = store.counts("articles", "events")
    return JSONResponse(
        {
            "status": "ok",
            "version": __version__,
            "writable": request.app.state.writable,
            "store": {"backend": store.dialect, "articles": n["articles"], "events": n["events"]},
        }
    )
