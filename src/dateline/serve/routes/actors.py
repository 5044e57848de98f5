"""``GET /api/v1/actors``: actors across the store, most reported first."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, Response

from ... import query
from ...article import ActorKind
from ..common import API, MAX_PAGE, get_store, page

router = APIRouter(prefix=API)


@router.get("/actors", tags=["query"], summary="Actors across the store, most reported first")
def get_actors(
    name: str | None = Query(None, max_length=200, description="names with every word of this (word* is a prefix)"),
    country: str | None = Query(None, max_length=3, description="ISO3"),
    kind: ActorKind | None = Query(None),
    limit: int = Query(100, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=10_000_000),
    store: Any = Depends(get_store),
) -> Response:
    rows = query.actors(store, name=name, country=country, kind=kind, limit=limit, offset=offset)
    return JSONResponse(page(list(rows), rows.total, limit, offset))
