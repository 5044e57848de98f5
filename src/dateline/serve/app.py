"""The REST API: FastAPI over one store, routes under ``/api/v1``; docs/api.md documents it.

``create_app(db_url, token=None, max_body=...)`` builds the app; ``dateline serve`` runs it with
uvicorn. Reads are open; writes (``POST /api/v1/articles``) need ``Authorization: Bearer TOKEN``
where TOKEN is ``token`` or ``$DATELINE_API_TOKEN``; without a token the server is read-only.
Every error is ``{"error": {"code": ..., "message": ...}}`` with a message saying what to do.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import json
import logging
import os
import threading
from typing import Any, Literal

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect

from .. import __version__, dedupe, formats, query
from ..article import MODALITIES, PLOVER_TYPES
from ..errors import DatelineError, InputRejected, StoreError, UsageError
from ..read import DEFAULT_MAX_BYTES
from .limits import DEFAULT_BODY_TIMEOUT, BodyLimit, error_body
from .worker import PipelineWorker

log = logging.getLogger("dateline.serve")

API = "/api/v1"
TOKEN_ENV = "DATELINE_API_TOKEN"
DEFAULT_MAX_BODY = DEFAULT_MAX_BYTES + 64_000  # one article at the pipeline's size limit, plus JSON framing
MAX_PAGE = 1000

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

TEXT_TYPES = {"text/plain"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
JSON_TYPES = {"application/json"}


class ArticleIn(BaseModel):
    """An article to process and store: exactly one of ``text`` (a page copied or scraped as text)
    or ``html`` (a web page), with the page's ``url`` and ``published`` date when known."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="the page as plain text (e.g. copied from a news site)")
    html: str | None = Field(None, description="the page as HTML")
    url: str | None = Field(None, max_length=2048, description="where the page was found")
    published: str | None = Field(None, max_length=40, description="publication date, YYYY-MM-DD")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra):
        self.status, self.code, self.message, self.headers, self.extra = status, code, message, headers, extra


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra) -> Response:
    return Response(
        error_body(code, message, **extra), status_code=status, media_type="application/json", headers=headers
    )


def _page(items: list, total: int | None, limit: int, offset: int, **extra) -> dict[str, Any]:
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
    write_lock = threading.Lock()
    worker = PipelineWorker(model, timeout=process_timeout)

    @contextlib.asynccontextmanager
    async def lifespan(app):
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
    app.add_middleware(BodyLimit, max_body=max_body, body_timeout=body_timeout)
    token_digest = hashlib.sha256(token.encode("utf-8")).digest() if token is not None else b""

    # -- errors: one shape for all ----------------------------------------------------------------
    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException):
        code = STATUS_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such resource: {request.url.path}; the API is described at /docs"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}; see /docs for the methods it takes"
        return _error(exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        errors = jsonable_encoder(exc.errors(), custom_encoder={Exception: str})
        parts = []
        for e in errors[:5]:
            loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{loc or 'request'}: {e.get('msg')}")
        for e in errors:
            e.pop("input", None)
            e.pop("url", None)
        return _error(422, "validation_error", "; ".join(parts) or "invalid request", details=errors)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return _error(exc.status, exc.code, exc.message, headers=exc.headers, **exc.extra)

    @app.exception_handler(InputRejected)
    async def _rejected(request: Request, exc: InputRejected):
        return _error(422, "input_rejected", str(exc), reason=exc.reason)

    @app.exception_handler(UsageError)
    async def _usage(request: Request, exc: UsageError):
        return _error(422, "invalid_parameter", str(exc))

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError):
        log.error("store error: %s", exc)
        return _error(503, "store_unavailable", "the store could not be read or written; try again later")

    @app.exception_handler(DatelineError)
    async def _dateline_error(request: Request, exc: DatelineError):
        log.error("error: %s", exc)
        return _error(500, "internal_error", str(exc))

    @app.exception_handler(ClientDisconnect)
    async def _gone(request: Request, exc: ClientDisconnect):
        # The client left mid-request (a closed tab, a dropped upload): nobody to answer, nothing
        # wrong with the server. One line in the log, not a traceback.
        log.info("client left during %s %s", request.method, request.url.path)
        return Response(status_code=499)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return _error(500, "internal_error", "the server failed on this request; the error is in its log")

    # -- auth ---------------------------------------------------------------------------------------
    def require_token(request: Request) -> None:
        if not writable:
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
                "writes need a token: send the header "
                "'Authorization: Bearer TOKEN' with the server's DATELINE_API_TOKEN",
                headers={"WWW-Authenticate": "Bearer"},
            )
        # Constant time: both sides hashed to 32 bytes first, so neither the content nor the
        # length of the token leaks through the comparison's timing.
        given_digest = hashlib.sha256(given.strip().encode("utf-8", "surrogatepass")).digest()
        if not hmac.compare_digest(given_digest, token_digest):
            raise ApiError(
                401,
                "unauthorized",
                "the token is wrong; send the server's DATELINE_API_TOKEN",
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )

    # -- routes -------------------------------------------------------------------------------------
    @app.get(f"{API}/health", tags=["meta"], summary="Liveness and store summary")
    def health():
        import sqlalchemy as sa

        from ..store import schema as S

        with store.engine.connect() as conn:
            n_articles = conn.execute(sa.select(sa.func.count()).select_from(S.articles)).scalar_one()
            n_events = conn.execute(sa.select(sa.func.count()).select_from(S.events)).scalar_one()
        return JSONResponse(
            {
                "status": "ok",
                "version": __version__,
                "writable": writable,
                "store": {"backend": store.dialect, "articles": n_articles, "events": n_events},
            }
        )

    @app.get(
        f"{API}/events",
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
        text: str | None = Query(None, max_length=500, description="words in the event's sentence"),
        limit: int = Query(100, ge=1, le=MAX_PAGE),
        offset: int = Query(0, ge=0, le=10_000_000),
        format: formats.EventFormat = Query("json"),
        header: bool = Query(False, description="format=gdelt: the column names first"),
    ):
        rows = query.events(
            store,
            actor=actor,
            type=type,
            modality=modality,
            since=since,
            until=until,
            country=country,
            near=near,
            radius_km=radius_km,
            text=text,
            limit=limit,
            offset=offset,
        )
        if format == "json":
            extra = {"near": rows.center} if getattr(rows, "center", None) else {}
            return JSONResponse(_page(list(rows), rows.total, limit, offset, **extra))
        buf = io.StringIO()
        formats.write_events(store, [rows], format, buf, header=header)
        media = formats.MEDIA_TYPES[format]
        headers = {"X-Total-Count": str(rows.total)} if rows.total is not None else None
        return Response(buf.getvalue(), media_type=media, headers=headers)

    @app.get(f"{API}/events/{{event_id}}", tags=["query"], summary="One event with every article reporting it")
    def get_event(event_id: str = Path(..., pattern=r"^[0-9A-Za-z_-]{1,64}$")):
        ev = store.event(event_id)
        if ev is None:
            raise ApiError(404, "not_found", f"no event {event_id!r}; list events at {API}/events")
        return JSONResponse(ev)

    @app.get(f"{API}/actors", tags=["query"], summary="Actors across the store, most reported first")
    def get_actors(
        name: str | None = Query(None, max_length=200, description="names with every word of this (word* is a prefix)"),
        country: str | None = Query(None, max_length=3, description="ISO3"),
        kind: Literal["person", "organization", "country", "group"] | None = Query(None),
        limit: int = Query(100, ge=1, le=MAX_PAGE),
        offset: int = Query(0, ge=0, le=10_000_000),
    ):
        rows = query.actors(store, name=name, country=country, kind=kind, limit=limit, offset=offset)
        return JSONResponse(_page(list(rows), rows.total, limit, offset))

    @app.get(f"{API}/search", tags=["query"], summary="Full-text search, ranked, with highlighted snippets")
    def get_search(
        q: str = Query(..., min_length=1, max_length=500, description="words to find"),
        limit: int = Query(20, ge=1, le=200),
        offset: int = Query(0, ge=0, le=10_000),
    ):
        rows = query.search(q, store, limit=limit, offset=offset)
        return JSONResponse(_page(list(rows), None, limit, offset))

    @app.get(f"{API}/articles/{{article_id}}", tags=["query"], summary="One stored Article (dateline.article/1)")
    def get_article(
        article_id: str = Path(
            ..., pattern=r"^[0-9A-Za-z_-]{1,64}$", description="the article id or a unique prefix (6+ characters)"
        ),
    ):
        article = query.show(article_id, store)
        if article is None:
            raise ApiError(404, "not_found", f"no article {article_id!r}; find ids with {API}/search or {API}/events")
        return JSONResponse(public_record(article.to_dict(), public_text))

    body_doc = {
        "required": True,
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
    }

    @app.post(
        f"{API}/articles",
        tags=["write"],
        status_code=201,
        dependencies=[Depends(require_token)],
        summary="Process an article (text or HTML) and store it",
        description="JSON `{text|html, url?, published?}`, or the page itself as `text/plain` or "
        "`text/html` with `url` and `published` as query parameters. Runs the whole "
        "pipeline and returns the stored Article: 201 when new, 200 when that text was "
        "already stored. Needs `Authorization: Bearer TOKEN`.",
        openapi_extra={"requestBody": body_doc},
        responses={
            200: {"description": "already stored"},
            201: {"description": "stored"},
            401: {"description": "no or wrong token"},
            413: {"description": "body too large"},
            415: {"description": "unsupported content type"},
            422: {"description": "invalid request or input rejected"},
        },
    )
    async def post_article(
        request: Request,
        url: str | None = Query(None, max_length=2048, description="for text/html bodies"),
        published: str | None = Query(None, max_length=40, description="for text/html bodies"),
    ):
        from starlette.concurrency import run_in_threadpool

        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if not ctype:
            raise ApiError(
                415, "unsupported_media_type", "give a Content-Type: application/json, text/plain or text/html"
            )
        if ctype not in JSON_TYPES | TEXT_TYPES | HTML_TYPES:
            raise ApiError(
                415,
                "unsupported_media_type",
                f"cannot take {ctype}; send application/json ({{text|html, url, published}}), text/plain or text/html",
            )
        body = await request.body()
        raw = _raw_input(body, ctype, url, published)
        return await run_in_threadpool(_process_and_store, raw)

    def _process_and_store(raw) -> Response:
        with write_lock:  # one writer
            # In the worker process: the server's GIL stays free for queries.
            article, sig = worker.process(raw)
            result = store.write(article, dedupe.from_bytes(sig) if sig is not None else None)
        stored = store.get_article(result.article_id) or article
        status = 201 if result.status == "stored" else 200
        return JSONResponse(
            stored.to_dict(),
            status_code=status,
            headers={"Location": f"{API}/articles/{result.article_id}", "X-Dateline-Status": result.status},
        )

    from .alerts import add_routes as add_alert_routes

    add_alert_routes(app, store, require_token, API, ApiError)

    # -- docs (served from the installed Swagger UI files: no CDN) ------------------------------------
    _mount_docs(app)

    # -- the web page at "/" ----------------------------------------------------------------------------
    from .. import web

    web.mount(app)

    return app


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


def _raw_input(body: bytes, ctype: str, url: str | None, published: str | None):
    from ..read import RawInput, decode

    if ctype in JSON_TYPES:
        try:
            data = json.loads(body.decode("utf-8"))
        except UnicodeDecodeError:
            raise ApiError(400, "bad_json", "the JSON body is not UTF-8") from None
        except json.JSONDecodeError as exc:
            raise ApiError(
                400, "bad_json", f"the body is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
            ) from None
        if not isinstance(data, dict):
            raise ApiError(
                422,
                "validation_error",
                'the JSON body must be an object: {"text": "...", "url": "...", "published": "YYYY-MM-DD"}',
            )
        try:
            item = ArticleIn.model_validate(data)
        except Exception as exc:  # pydantic.ValidationError
            raise RequestValidationError(exc.errors()) from None
        if (item.text is None) == (item.html is None):
            raise ApiError(422, "validation_error", 'give exactly one of "text" or "html"')
        if url is not None or published is not None:
            raise ApiError(422, "validation_error", "with a JSON body give url and published inside the JSON")
        content, kind = (item.text, "text") if item.text is not None else (item.html, "html")
        url, published = item.url, item.published
        if "\x00" in content:
            raise InputRejected("binary", "input contains NUL characters: it is binary, not text or HTML")
        data_bytes = content.encode("utf-8", "surrogatepass")
    else:
        kind = "html" if ctype in HTML_TYPES else "text"
        data_bytes = body
    decoded = decode(data_bytes, origin=None)
    if published is not None:
        from ..published import parse_date

        published = parse_date(published)
    return RawInput(
        text=decoded.text if kind != "html" else None,
        html=decoded.text if kind == "html" else None,
        url=url,
        published=published,
        origin=None,
        encoding=decoded.encoding if ctype not in JSON_TYPES else None,
        invalid_bytes=decoded.invalid_bytes,
    )


def _mount_docs(app: FastAPI) -> None:
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.staticfiles import StaticFiles

    try:
        import swagger_ui_bundle

        static = swagger_ui_bundle.swagger_ui_path
    except ModuleNotFoundError:
        static = None
    if static:
        app.mount("/docs/static", StaticFiles(directory=str(static)), name="docs-static")
        js, css = "/docs/static/swagger-ui-bundle.js", "/docs/static/swagger-ui.css"
    else:  # pragma: no cover - swagger-ui-bundle is part of the serve extra
        js = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"
        css = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css"

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="dateline API",
            swagger_js_url=js,
            swagger_css_url=css,
            swagger_favicon_url="/docs/static/favicon-32x32.png",
        )


def app_from_env() -> FastAPI:
    """The app as ``dateline serve --workers N`` configures it through the environment (uvicorn factory)."""
    return create_app(
        os.environ.get("DATELINE_SERVE_DB") or None,
        max_body=int(os.environ.get("DATELINE_SERVE_MAX_BODY") or DEFAULT_MAX_BODY),
        read_only=bool(os.environ.get("DATELINE_SERVE_READ_ONLY")),
        public_text=bool(os.environ.get("DATELINE_SERVE_PUBLIC_TEXT")),
        body_timeout=float(os.environ.get("DATELINE_SERVE_BODY_TIMEOUT") or DEFAULT_BODY_TIMEOUT),
    )
