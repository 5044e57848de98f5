"""``GET /api/v1/articles/{article_id}`` (one stored Article) and ``POST /api/v1/articles``
(process a page, text or HTML, and store it; needs the token)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ... import dedupe, query
from ...errors import InputRejected, Reason
from ...read import RawInput
from ..common import API, ApiError, get_store, public_record, require_token

TEXT_TYPES = {"text/plain"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
JSON_TYPES = {"application/json"}

router = APIRouter(prefix=API)


class ArticleIn(BaseModel):
    """An article to process and store: exactly one of ``text`` (a page copied or scraped as text)
    or ``html`` (a web page), with the page's ``url`` and ``published`` date when known."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="the page as plain text (e.g. copied from a news site)")
    html: str | None = Field(None, description="the page as HTML")
    url: str | None = Field(None, max_length=2048, description="where the page was found")
    published: str | None = Field(None, max_length=40, description="publication date, YYYY-MM-DD")


@router.get("/articles/{article_id}", tags=["query"], summary="One stored Article (dateline.article/1)")
def get_article(
    request: Request,
    article_id: str = Path(
        ..., pattern=r"^[0-9A-Za-z_-]{1,64}$", description="the article id or a unique prefix (6+ characters)"
    ),
    store: Any = Depends(get_store),
) -> Response:
    article = query.show(article_id, store)
    if article is None:
        raise ApiError(404, "not_found", f"no article {article_id!r}; find ids with {API}/search or {API}/events")
    return JSONResponse(public_record(article.to_dict(), request.app.state.public_text))


BODY_DOC = {
    "required": True,
    "content": {
        "application/json": {"schema": ArticleIn.model_json_schema()},
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
    },
}


@router.post(
    "/articles",
    tags=["write"],
    status_code=201,
    dependencies=[Depends(require_token)],
    summary="Process an article (text or HTML) and store it",
    description="JSON `{text|html, url?, published?}`, or the page itself as `text/plain` or "
    "`text/html` with `url` and `published` as query parameters. Runs the whole "
    "pipeline and returns the stored Article: 201 when new, 200 when that text was "
    "already stored. Needs `Authorization: Bearer TOKEN`.",
    openapi_extra={"requestBody": BODY_DOC},
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
) -> Response:
    from starlette.concurrency import run_in_threadpool

    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if not ctype:
        raise ApiError(415, "unsupported_media_type", "give a Content-Type: application/json, text/plain or text/html")
    if ctype not in JSON_TYPES | TEXT_TYPES | HTML_TYPES:
        raise ApiError(
            415,
            "unsupported_media_type",
            f"cannot take {ctype}; send application/json ({{text|html, url, published}}), text/plain or text/html",
        )
    body = await request.body()
    raw = raw_input(body, ctype, url, published)
    return await run_in_threadpool(process_and_store, request.app.state, raw)


def process_and_store(state: Any, raw: RawInput) -> Response:
    """Run the pipeline on ``raw`` in the app's worker process and store the Article (one writer
    at a time); 201 with the stored record when new, 200 when that text was stored before."""
    store = state.store
    with state.write_lock:  # one writer
        # In the worker process: the server's GIL stays free for queries.
        article, sig = state.worker.process(raw)
        result = store.write(article, dedupe.from_bytes(sig) if sig is not None else None)
    stored = store.get_article(result.article_id) or article
    status = 201 if result.status == "stored" else 200
    return JSONResponse(
        stored.to_dict(),
        status_code=status,
        headers={"Location": f"{API}/articles/{result.article_id}", "X-Dateline-Status": result.status},
    )


def raw_input(body: bytes, ctype: str, url: str | None, published: str | None) -> RawInput:
    """The posted body as the pipeline's input: a JSON ``{text|html, url, published}`` object,
    or the page itself (``text/plain``, ``text/html``) with ``url``/``published`` from the query.
    Raises :class:`ApiError` or ``RequestValidationError`` for a malformed request and
    :class:`InputRejected` for input that is no text."""
    from ...read import decode

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
        except ValidationError as exc:
            raise RequestValidationError(exc.errors()) from None
        if (item.text is None) == (item.html is None):
            raise ApiError(422, "validation_error", 'give exactly one of "text" or "html"')
        if url is not None or published is not None:
            raise ApiError(422, "validation_error", "with a JSON body give url and published inside the JSON")
        content, kind = (item.text, "text") if item.text is not None else (item.html, "html")
        url, published = item.url, item.published
        assert content is not None
        if "\x00" in content:
            raise InputRejected(Reason.BINARY, "input contains NUL characters: it is binary, not text or HTML")
        data_bytes = content.encode("utf-8", "surrogatepass")
    else:
        kind = "html" if ctype in HTML_TYPES else "text"
        data_bytes = body
    decoded = decode(data_bytes, origin=None)
    if published is not None:
        from ...published import parse_date

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
