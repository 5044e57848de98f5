"""The alerts router of the REST API, under ``/api/v1/alerts``; every one needs the token.

``GET /alerts`` (saved alerts with their recent matches), ``POST /alerts`` (save one; the
answer carries the webhook secret, once), ``GET /alerts/{name}``, ``DELETE /alerts/{name}``,
``GET /alerts/{name}/matches`` and ``POST /alerts/{name}/test`` (replay the last matches).
JSONL alerts write files on the server, so they are made with the CLI only.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from ... import alerts
from ..common import API, ApiError, get_store, require_token

NAME = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"


class AlertIn(BaseModel):
    """A saved query: a name, one channel (webhook or email), and the events filters."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(..., pattern=NAME, description="letters, digits, '.', '_', '-'")
    webhook: str | None = Field(None, max_length=2048, description="POST signed JSON here")
    email: str | None = Field(None, max_length=320, description="mail the matches here")
    secret: str | None = Field(None, min_length=16, max_length=200, description="webhook HMAC key (default: random)")
    actor: str | None = Field(None, max_length=200)
    type: str | None = Field(None, max_length=16)
    quad: int | None = Field(None, ge=1, le=4)
    modality: str | None = Field(None, max_length=16)
    country: str | None = Field(None, max_length=3)
    near: str | None = Field(None, max_length=200)
    radius_km: float | None = Field(None, gt=0, le=20100)
    text: str | None = Field(None, max_length=500)
    min_sources: int | None = Field(None, ge=1, le=10_000)


router = APIRouter(prefix=f"{API}/alerts", tags=["alerts"], dependencies=[Depends(require_token)])


def _get(store: Any, name: str) -> dict[str, Any]:
    out = alerts.get(store, name)
    if out is None:
        raise ApiError(404, "not_found", f"no alert named {name!r}; list them at {API}/alerts")
    return out


@router.get("", summary="Saved alerts, each with its most recent matches")
def list_alerts(
    matches: int = Query(5, ge=0, le=100, description="recent matches per alert"), store: Any = Depends(get_store)
) -> Response:
    rows = alerts.list_alerts(store)
    for row in rows:
        row["recent"] = alerts.recent_matches(store, row["name"], limit=matches) if matches else []
    return JSONResponse({"items": rows, "total": len(rows)})


@router.post("", status_code=201, summary="Save an alert (the answer shows the webhook secret once)")
def create(alert: AlertIn, store: Any = Depends(get_store)) -> Response:
    data = alert.model_dump()
    name = data.pop("name")
    out = alerts.add(store, name, **data)
    return JSONResponse(out, status_code=201, headers={"Location": f"{API}/alerts/{name}"})


@router.get("/{name}", summary="One alert")
def one(name: str = Path(..., pattern=NAME), store: Any = Depends(get_store)) -> Response:
    return JSONResponse(_get(store, name))


@router.delete("/{name}", status_code=204, summary="Delete an alert and its history")
def delete(name: str = Path(..., pattern=NAME), store: Any = Depends(get_store)) -> Response:
    if not alerts.remove(store, name):
        raise ApiError(404, "not_found", f"no alert named {name!r}; list them at {API}/alerts")
    return Response(status_code=204)


@router.get("/{name}/matches", summary="The alert's recent matches, newest change first")
def matches(
    name: str = Path(..., pattern=NAME), limit: int = Query(20, ge=1, le=500), store: Any = Depends(get_store)
) -> Response:
    _get(store, name)
    return JSONResponse({"items": alerts.recent_matches(store, name, limit=limit)})


@router.post("/{name}/test", summary="Send the alert's last matches again, marked as a test")
def test(
    name: str = Path(..., pattern=NAME), limit: int = Query(5, ge=1, le=50), store: Any = Depends(get_store)
) -> Response:
    _get(store, name)
    try:
        return JSONResponse(alerts.replay(store, name, limit=limit))
    except alerts.AlertError as exc:
        raise ApiError(502, "delivery_failed", str(exc)) from None
