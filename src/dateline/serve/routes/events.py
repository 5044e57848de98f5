"""``GET /api/v1/events`` (filtered, paginated, as JSON or in an export format) and
``GET /api/v1/events/{event_id}`` (one corpus event with every article reporting it)."""

from __future__ import annotations

import io
from typing import Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import JSONResponse, Response

from ... import formats, query
from ...article import MODALITIES, PLOVER_TYPES
from ..common import API, MAX_PAGE, ApiError, get_store, page

router = APIRouter(prefix=API)


@router.get(
    "/events",
    tags=["query"],
    summary="Events matching filters, paginated",
    responses={
        200: {
            "description": "JSON `{items, total, limit, offset, next_offset}`; with "
            "`format=csv|plover|gdelt` the events in that format"
        }
    },
)
def get_events(
    actor: str | None = Query(
        None, max_length=200, description="participant: every word of a name (word* is a prefix), or ISO3"
    ),
    type: str | None = Query(None, max_length=16, description="PLOVER type: " + ", ".join(PLOVER_TYPES)),
    modality: str | None = Query(None, max_length=16, description=", ".join(MODALITIES)),
    since: str | None = Query(None, max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD"),
    until: str | None = Query(None, max_length=10, description="inclusive; YYYY-MM covers the month"),
    country: str | None = Query(None, max_length=3, description="ISO3 of the event's place"),
    near: str | None = Query(None, max_length=200, description="place name or LAT,LON"),
    radius_km: float | None = Query(None, gt=0, le=20100, description="radius for near (default 100)"),
    text: str | None = Query(
        None,
        max_length=500,
        description="words that must all be words of the event's sentence (case and accents ignored)",
    ),
    limit: int = Query(100, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=10_000_000),
    format: formats.EventFormat = Query("json"),
    header: bool = Query(False, description="format=gdelt: the column names first"),
    store: Any = Depends(get_store),
) -> Response:
    filters = {k: v for k, v in locals().items() if k in query.EVENT_FILTERS}  # the parameters, by name
    rows = query.events(store, limit=limit, offset=offset, **filters)
    if format == "json":
        center = getattr(rows, "center", None)
        extra = {"near": center} if center else {}
        return JSONResponse(page(list(rows), rows.total, limit, offset, **extra))
    buf = io.StringIO()
    formats.write_events(store, [rows], format, buf, header=header)
    headers = {"X-Total-Count": str(rows.total)} if rows.total is not None else None
    return Response(buf.getvalue(), media_type=formats.MEDIA_TYPES[format], headers=headers)


@router.get("/events/{event_id}", tags=["query"], summary="One event with every article reporting it")
def get_event(event_id: str = Path(..., pattern=r"^[0-9A-Za-z_-]{1,64}$"), store: Any = Depends(get_store)) -> Response:
    ev = store.event(event_id)
    if ev is None:
        raise ApiError(404, "not_found", f"no event {event_id!r}; list events at {API}/events")
    return JSONResponse(ev)
