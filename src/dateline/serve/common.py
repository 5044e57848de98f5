"""What the API's routers share: the URL prefix, the error type every route raises, the page
envelope, the store and token dependencies (read from ``app.state``, which ``create_app`` fills)
and the record the read endpoints serve when full texts are withheld."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from .limits import error_body

API = "/api/v1"
MAX_PAGE = 1000


class ApiError(Exception):
    """An answer other than success: HTTP ``status``, a machine-readable ``code``, a ``message``
    saying what to do, optional ``headers`` and extra fields of the error body."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra: Any
    ) -> None:
        self.status, self.code, self.message, self.headers, self.extra = status, code, message, headers, extra


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra: Any
) -> Response:
    """``{"error": {"code", "message", ...}}`` with ``status``: the one shape of every error."""
    return Response(
        error_body(code, message, **extra), status_code=status, media_type="application/json", headers=headers
    )


def page(items: list, total: int | None, limit: int, offset: int, **extra: Any) -> dict[str, Any]:
    """The list envelope: ``{items, total, limit, offset, next_offset}`` (plus ``extra``)."""
    more = (offset + len(items) < total) if total is not None else len(items) == limit
    out = {
        "items": items,
        "total": total,
        "limit": limit,
        "offset": offset,
        "next_offset": offset + len(items) if more else None,
    }
    out.update(extra)
    return out


def get_store(request: Request) -> Any:
    """The app's :class:`dateline.store.Store` (a dependency of every route that reads or writes)."""
    return request.app.state.store


def token_digest(token: str | None) -> bytes:
    """What ``require_token`` compares against: the SHA-256 of the token (empty without one)."""
    return hashlib.sha256(token.encode("utf-8")).digest() if token is not None else b""


def require_token(request: Request) -> None:
    """The dependency of every write: 403 on a read-only server, 401 without the right bearer token."""
    state = request.app.state
    if not state.writable:
        raise ApiError(
            403,
            "read_only",
            "this server is read-only: start it with DATELINE_API_TOKEN set "
            "(and without --read-only) to accept articles",
        )
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise ApiError(
            401,
            "unauthorized",
            "writes need a token: send the header 'Authorization: Bearer TOKEN' with the server's DATELINE_API_TOKEN",
            headers={"WWW-Authenticate": "Bearer"},
        )
    # Constant time: both sides hashed to 32 bytes first, so neither the content nor the
    # length of the token leaks through the comparison's timing.
    given_digest = hashlib.sha256(given.strip().encode("utf-8", "surrogatepass")).digest()
    if not hmac.compare_digest(given_digest, state.token_digest):
        raise ApiError(
            401,
            "unauthorized",
            "the token is wrong; send the server's DATELINE_API_TOKEN",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )


def public_record(record: dict[str, Any], public_text: bool) -> dict[str, Any]:
    """An Article record as the read endpoints serve it: whole with ``public_text``; otherwise
    without the article's text and the page residue cleaning removed (``"text": null``,
    ``"removed": []``, ``"text_withheld": true``). Spans, evidence sentences, quotes and
    metadata stay: they are the record's facts, each a short excerpt pointing at its words."""
    if public_text:
        return record
    out = dict(record)
    out["text"] = None
    out["removed"] = []
    out["text_withheld"] = True
    return out
