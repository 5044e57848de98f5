"""The REST API: FastAPI over one store, routes under ``/api/v1``; docs/api.md documents it.

``create_app(db_url, token=None, max_body=...)`` builds the app; ``dateline serve`` runs it with
uvicorn. Reads are open; writes (``POST /api/v1/articles``) need ``Authorization: Bearer TOKEN``
where TOKEN is ``token`` or ``$DATELINE_API_TOKEN``; without a token the server is read-only.
Every error is ``{"error": {"code": ..., "message": ...}}`` with a message saying what to do.

``create_app`` only assembles: the routes are in ``serve/routes/`` (one router a resource), what
they share (the error type, the page envelope, the store and token dependencies) in
``serve/common.py``, the output formats in ``dateline.formats`` (shared with the CLI).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
from collections.abc import AsyncIterator

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect

from .. import __version__, query
from ..errors import DatelineError, InputRejected, StoreError, UsageError
from ..read import DEFAULT_MAX_BYTES
from . import routes
from .common import API, MAX_PAGE, ApiError, error_response, public_record, token_digest
from .limits import DEFAULT_BODY_TIMEOUT, BodyLimit
from .worker import PipelineWorker

__all__ = [
    "API",
    "DEFAULT_MAX_BODY",
    "MAX_PAGE",
    "TOKEN_ENV",
    "ApiError",
    "app_from_env",
    "create_app",
    "public_record",
]

log = logging.getLogger("dateline.serve")

TOKEN_ENV = "DATELINE_API_TOKEN"
DEFAULT_MAX_BODY = DEFAULT_MAX_BYTES + 64_000  # one article at the pipeline's size limit, plus JSON framing

STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    408: "request_timeout",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}


def create_app(
    db_url: str | None = None,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    *,
    read_only: bool = False,
    model: str | None = None,
    process_timeout: float = 120.0,
    public_text: bool = False,
    body_timeout: float = DEFAULT_BODY_TIMEOUT,
) -> FastAPI:
    """The API app over the store at ``db_url`` (default ``$DATELINE_DB`` or ``sqlite:///dateline.db``).

    ``token``: the bearer token writes need (default ``$DATELINE_API_TOKEN``); with none, or with
    ``read_only``, the write endpoint answers 403. ``max_body``: the largest request body in bytes;
    ``body_timeout``: seconds to wait for each part of a body (the whole within four times that).
    Posted articles are processed in one worker process (started at the first post), each within
    ``process_timeout`` seconds. ``public_text``: whether the read endpoints serve the articles'
    full text (and the page residue cleaning removed); off by default, since news text is often
    licensed: records then carry ``"text": null`` and ``"text_withheld": true`` (docs/security.md).
    """
    from ..store.db import normalise_url

    if token is None:
        token = os.environ.get(TOKEN_ENV) or None
    if token is not None and len(token) < 8:
        raise UsageError(
            f"the API token is too short ({len(token)} characters); use at least 8, e.g. "
            "`python -c 'import secrets; print(secrets.token_urlsafe())'`"
        )
    if max_body < 1:
        raise UsageError("max_body must be a positive number of bytes")
    if not body_timeout > 0:
        raise UsageError("body_timeout must be a positive number of seconds")
    store = query.open_store(normalise_url(db_url))
    writable = token is not None and not read_only
    worker = PipelineWorker(model, timeout=process_timeout)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        worker.close()

    app = FastAPI(
        title="dateline API",
        version=__version__,
        description="News articles in, verifiable event records out: query stored events, actors and "
        "articles; post articles to process and store. Errors are "
        '`{"error": {"code", "message"}}`. Writes need `Authorization: Bearer TOKEN`.',
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.writable = writable
    app.state.worker = worker
    app.state.public_text = public_text
    app.state.write_lock = threading.Lock()  # one writer
    app.state.token_digest = token_digest(token)
    app.add_middleware(BodyLimit, max_body=max_body, body_timeout=body_timeout)
    _add_error_handlers(app)

    app.include_router(routes.meta.router)
    app.include_router(routes.events.router)
    app.include_router(routes.actors.router)
    app.include_router(routes.search.router)
    app.include_router(routes.articles.router)
    app.include_router(routes.alerts.router)
    routes.docs.mount(app)  # the Swagger UI, from the installed files: no CDN

    from .. import web

    web.mount(app)  # the web page at "/"
    return app


def _add_error_handlers(app: FastAPI) -> None:
    """One shape for every error: ``{"error": {"code", "message", ...}}``."""

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        code = STATUS_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such resource: {request.url.path}; the API is described at /docs"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}; see /docs for the methods it takes"
        return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = jsonable_encoder(exc.errors(), custom_encoder={Exception: str})
        parts = []
        for e in errors[:5]:
            loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{loc or 'request'}: {e.get('msg')}")
        for e in errors:
            e.pop("input", None)
            e.pop("url", None)
        return error_response(422, "validation_error", "; ".join(parts) or "invalid request", details=errors)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return error_response(exc.status, exc.code, exc.message, headers=exc.headers, **exc.extra)

    @app.exception_handler(InputRejected)
    async def _rejected(request: Request, exc: InputRejected) -> Response:
        return error_response(422, "input_rejected", str(exc), reason=exc.reason)

    @app.exception_handler(UsageError)
    async def _usage(request: Request, exc: UsageError) -> Response:
        return error_response(422, "invalid_parameter", str(exc))

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> Response:
        log.error("store error: %s", exc)
        return error_response(503, "store_unavailable", "the store could not be read or written; try again later")

    @app.exception_handler(DatelineError)
    async def _dateline_error(request: Request, exc: DatelineError) -> Response:
        log.error("error: %s", exc)
        return error_response(500, "internal_error", str(exc))

    @app.exception_handler(ClientDisconnect)
    async def _gone(request: Request, exc: ClientDisconnect) -> Response:
        # The client left mid-request (a closed tab, a dropped upload): nobody to answer, nothing
        # wrong with the server. One line in the log, not a traceback.
        log.info("client left during %s %s", request.method, request.url.path)
        return Response(status_code=499)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", "the server failed on this request; the error is in its log")


def app_from_env() -> FastAPI:
    """The app as ``dateline serve --workers N`` configures it through the environment (uvicorn factory)."""
    from .limits import limit_malloc_arenas

    limit_malloc_arenas()
    return create_app(
        os.environ.get("DATELINE_SERVE_DB") or None,
        max_body=int(os.environ.get("DATELINE_SERVE_MAX_BODY") or DEFAULT_MAX_BODY),
        read_only=bool(os.environ.get("DATELINE_SERVE_READ_ONLY")),
        public_text=bool(os.environ.get("DATELINE_SERVE_PUBLIC_TEXT")),
        body_timeout=float(os.environ.get("DATELINE_SERVE_BODY_TIMEOUT") or DEFAULT_BODY_TIMEOUT),
    )
