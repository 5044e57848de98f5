"""The web page's routes: the HTML pages and the JSON endpoints the page needs beyond /api/v1.

Every endpoint answers errors in one JSON shape, ``{"error": {"code", "message"}}``; filters are
validated by :mod:`dateline.query` (the same rules as the CLI and the REST API).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse

from ..article import ACTOR_KINDS, MODALITIES, PLOVER_QUADS, QUAD_NAMES
from ..errors import DatelineError, InputRejected, UsageError
from . import PAGES, data

if TYPE_CHECKING:
    from ..store import Store

PREVIEW_MAX_BYTES = 1_000_000  # pasted text or HTML; the whole pipeline runs on it
_pipeline_lock = threading.Lock()


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _store(request: Request) -> Store:
    from ..query import open_store

    state = request.app.state
    store = getattr(state, "store", None)
    if store is not None:
        return store
    return open_store(getattr(state, "db_url", None) or getattr(state, "web_db", None))


def _page(name: str) -> HTMLResponse:
    from . import render_page

    return HTMLResponse(render_page(name), headers={"Cache-Control": "no-cache"})


def _int(value: str | None, name: str, default: int, lo: int, hi: int) -> int:
    if value in (None, ""):
        return default
    try:
        n = int(value)
    except ValueError:
        raise UsageError(f"{name} must be a whole number, not {value!r}") from None
    if not lo <= n <= hi:
        raise UsageError(f"{name} must be between {lo} and {hi}, not {n}")
    return n


def _page_route(name: str) -> Callable[[], HTMLResponse]:
    def page() -> HTMLResponse:
        return _page(name)

    return page


def make_router() -> APIRouter:
    r = APIRouter(include_in_schema=False)

    # -- pages -----------------------------------------------------------------------------------
    # each page is its HTML file (web/pages/NAME.html); the page reads its own path and query
    for name, page in PAGES.items():
        r.add_api_route(page.path, _page_route(name), methods=["GET"], name=f"{name}_page")

    # -- JSON ------------------------------------------------------------------------------------
    @r.get("/web/api/vocabulary", response_model=None)
    def vocabulary() -> dict[str, Any]:
        """The contract's enumerations (dateline.article), so the page keeps no copy of its own."""
        return {
            "types": [{"type": t, "quad": q} for t, q in PLOVER_QUADS.items()],
            "quads": {str(q): name for q, name in QUAD_NAMES.items()},
            "modalities": list(MODALITIES),
            "actor_kinds": list(ACTOR_KINDS),
        }

    @r.get("/web/api/explore", response_model=None)
    def explore(request: Request) -> dict[str, Any] | JSONResponse:
        q = request.query_params
        try:
            filters = {k: (q.get(k) or None) for k in data.FILTERS}
            out = data.explore(
                _store(request),
                filters,
                page=_int(q.get("page"), "page", 1, 1, 1_000_000),
                per_page=_int(q.get("per_page"), "per_page", 50, 1, 500),
                sort=q.get("sort") or "date",
                order=q.get("order") or "asc",
            )
        except UsageError as exc:
            return _error(422, "invalid_parameter", str(exc))
        except DatelineError as exc:
            return _error(500, "internal_error", str(exc))
        return out

    @r.get("/web/api/actor", response_model=None)
    def actor(request: Request) -> dict[str, Any] | JSONResponse:
        name = (request.query_params.get("name") or "").strip()
        if not name:
            return _error(422, "invalid_parameter", "name: give an actor's name (e.g. Kim Jong Un) or an ISO3 code")
        try:
            return data.actor(_store(request), name)
        except UsageError as exc:
            return _error(422, "invalid_parameter", str(exc))

    @r.get("/web/api/actors", response_model=None)
    def actors(request: Request) -> dict[str, Any]:
        """The most reported actors' names, for the filter's suggestions; kept until the store's
        article count changes (grouping every actor row costs about 1 s at 20,000 articles)."""
        from ..query import actors as query_actors

        store = _store(request)
        n = store.counts("articles")["articles"]
        cached = getattr(request.app.state, "actor_suggestions", None)
        if cached is None or cached[0] != (store.url, n):
            rows = query_actors(store, limit=300)
            cached = (
                (store.url, n),
                {
                    "actors": [
                        {"name": a["name"], "kind": a["kind"], "country": a["country"], "n_events": a["n_events"]}
                        for a in rows
                    ]
                },
            )
            request.app.state.actor_suggestions = cached
        return cached[1]

    @r.get("/web/api/article/{article_id}", response_model=None)
    def article(request: Request, article_id: str) -> dict[str, Any] | JSONResponse:
        try:
            out = data.article(
                _store(request), article_id, public_text=getattr(request.app.state, "public_text", False)
            )
        except UsageError as exc:
            return _error(422, "invalid_parameter", str(exc))
        if out is None:
            return _error(404, "not_found", f"no stored article has the id {article_id!r}")
        return out

    @r.post("/web/api/preview", response_model=None)
    async def preview(request: Request) -> dict[str, Any] | JSONResponse:
        limit = request.app.state.web_preview_max_bytes
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            return _error(
                413,
                "payload_too_large",
                f"the preview takes at most {limit:,} bytes; store larger pages with `dateline ingest`",
            )
        body = bytearray()
        async for chunk in request.stream():
            body.extend(chunk)
            if len(body) > limit:
                return _error(
                    413,
                    "payload_too_large",
                    f"the preview takes at most {limit:,} bytes; store larger pages with `dateline ingest`",
                )
        if not request.headers.get("content-type", "").startswith("application/json"):
            return _error(415, "unsupported_media_type", 'send JSON: {"text": ...} or {"html": ...}')
        try:
            payload = json.loads(bytes(body).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            return _error(400, "bad_json", f"the body is not JSON: {exc}")
        if not isinstance(payload, dict):
            return _error(400, "bad_json", 'send a JSON object: {"text": ...} or {"html": ...}')
        text, html = payload.get("text"), payload.get("html")
        url, published = payload.get("url") or None, payload.get("published") or None
        if not any(isinstance(v, str) and v.strip() for v in (text, html)) or not all(
            v is None or isinstance(v, str) for v in (text, html, url, published)
        ):
            return _error(422, "validation_error", 'give the article as a non-empty string in "text" or "html"')
        try:
            article = await run_in_threadpool(
                _analyse, getattr(request.app.state, "worker", None), text or None, html or None, url, published
            )
        except UsageError as exc:
            return _error(422, "validation_error", str(exc))
        except InputRejected as exc:
            return JSONResponse(
                {"error": {"code": "input_rejected", "message": str(exc), "reason": exc.reason}}, status_code=422
            )
        except DatelineError as exc:
            return _error(500, "internal_error", str(exc))
        return {"article": article.to_dict(), "stored": False}

    return r


def _analyse(worker: Any, text: str | None, html: str | None, url: str | None, published: str | None) -> Any:
    from ..pipeline import extract, raw_input

    if worker is not None:
        # the API's worker process: its model is loaded once, the server's GIL stays free, and a
        # page that crashes or hangs the parser costs that process, not the server; raw_input
        # checks the input as extract() does (one of text/html, the size limit)
        return worker.process(raw_input(text, html, url, published))[0]
    with _pipeline_lock:  # the page mounted on another app: one in-process pipeline, one request at a time
        return extract(text, html=html, url=url, published=published)
