"""The request size limit, as a plain ASGI middleware around the whole app.

A body whose ``Content-Length`` is over the limit is refused with 413 before any of it is read;
a body without a length (chunked transfer) is counted as it streams in and refused with 413 the
moment it passes the limit, so the server never holds more than ``max_body`` bytes of a request.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.exceptions import HTTPException

Scope = dict[str, Any]
Message = dict[str, Any]


def error_body(code: str, message: str, **extra: Any) -> bytes:
    err = {"code": code, "message": message}
    err.update(extra)
    return json.dumps({"error": err}, ensure_ascii=False).encode("utf-8")


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int):
        super().__init__(413, f"request body over the limit of {limit:,} bytes; send a smaller article")


class BodyLimit:
    def __init__(self, app, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]], send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        lengths = [v for k, v in scope.get("headers", []) if k == b"content-length"]
        if lengths:
            try:
                n = int(lengths[0])
                if n < 0 or len(set(lengths)) > 1:
                    raise ValueError
            except ValueError:
                await _reply(send, 400, "bad_request", "the Content-Length header is not a valid length")
                return
            if n > self.max_body:
                await _reply(
                    send,
                    413,
                    "payload_too_large",
                    f"request body of {n:,} bytes is over the limit of {self.max_body:,} bytes; send a smaller article",
                )
                return
        received = 0
        limit = self.max_body

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, limited, send)


async def _reply(send, status: int, code: str, message: str) -> None:
    body = error_body(code, message)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
