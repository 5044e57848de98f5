"""The request size and time limits, as a plain ASGI middleware around the whole app.

A body whose ``Content-Length`` is over the limit is refused with 413 before any of it is read;
a body without a length (chunked transfer) is counted as it streams in and refused with 413 the
moment it passes the limit, so the server never holds more than ``max_body`` bytes of a request.

A body must also keep arriving: each part within ``body_timeout`` seconds of the one before,
and the whole within four times that; otherwise the request ends with 408 and the connection
is closed, so a stalled or trickling upload cannot hold a connection (and its memory) for ever.

The server process also caps glibc's malloc arenas (:func:`limit_malloc_arenas`).
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import json
import os
import time
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Send

Scope = dict[str, Any]
Message = dict[str, Any]


#: glibc's malloc arenas in a server process (its ``MALLOC_ARENA_MAX`` wins when set).
MALLOC_ARENAS = 2
_M_ARENA_MAX = -8  # mallopt's parameter number, from glibc's malloc.h


def limit_malloc_arenas(n: int = MALLOC_ARENAS) -> bool:
    """Cap glibc's malloc arenas at ``n`` for this process (call before its threads start).

    glibc gives the threads that allocate their own arenas, up to eight per core, and each keeps
    the memory it once held: the request threads of a busy server grew its resident memory for
    the whole of a 10-minute load run (bench_load: 142 -> 278 MB in 150 s, still climbing; capped
    at two arenas, 142 -> 229 MB and flat after the first seconds). Nothing changes where the
    C library is not glibc, or where ``MALLOC_ARENA_MAX`` is set. Returns whether it applied."""
    if os.environ.get("MALLOC_ARENA_MAX"):
        return False
    try:
        mallopt = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(_M_ARENA_MAX, n))


def error_body(code: str, message: str, **extra: Any) -> bytes:
    err = {"code": code, "message": message}
    err.update(extra)
    return json.dumps({"error": err}, ensure_ascii=False).encode("utf-8")


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over the limit of {limit:,} bytes; send a smaller article")


class BodyTimeout(HTTPException):
    def __init__(self, seconds: float, whole: bool) -> None:
        what = "the request body" if whole else "the next part of the request body"
        super().__init__(
            408,
            f"{what} did not arrive within {seconds:.0f} seconds; send the article again",
            headers={"Connection": "close"},
        )


DEFAULT_BODY_TIMEOUT = 30.0


class BodyLimit:
    def __init__(self, app: ASGIApp, max_body: int, body_timeout: float = DEFAULT_BODY_TIMEOUT) -> None:
        self.app = app
        self.max_body = max_body
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]], send: Send) -> None:
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
        idle = self.body_timeout
        deadline = time.monotonic() + 4 * idle
        body_done = False

        async def limited() -> Message:
            nonlocal received, body_done
            if body_done:  # after the body, receive() waits for a disconnect: no time limit
                return await receive()
            left = deadline - time.monotonic()
            try:
                message = await asyncio.wait_for(receive(), timeout=max(0.0, min(idle, left)))
            except TimeoutError:
                raise BodyTimeout(4 * idle if left <= idle else idle, whole=left <= idle) from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
                body_done = not message.get("more_body", False)
            return message

        await self.app(scope, limited, send)


async def _reply(send: Send, status: int, code: str, message: str) -> None:
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
