"""``GET /api/v1/search``: full-text search of the stored articles."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, Response

from ... import query
from ..common import API, get_store, page

router = APIRouter(prefix=API)


@router.get("/search", tags=["query"], summary="Full-text search, ranked, with highlighted snippets")
def get_search(
    q: str = Query(..., min_length=1, max_length=500, description="words to find"),
    limit: int = Query(20, ge=1, le=200),
    offset: int = Query(0, ge=0, le=10_000),
    store: Any = Depends(get_store),
) -> Response:
    rows = query.search(q, store, limit=limit, offset=offset)
    return JSONResponse(page(list(rows), None, limit, offset))
