"""The HTTP/1.1 protocol `dateline serve` runs: uvicorn's h11 protocol with two changes.

- A request uvicorn cannot parse (``Content-Length: abc``, a broken request line) gets the API's
  JSON error, ``{"error": {"code": "bad_request", ...}}``, not uvicorn's plain-text 400.
- A request's headers must arrive within ``header_timeout`` seconds of its first byte (default
  30): a client sending its headers a byte at a time (slowloris) no longer holds a connection
  forever. The body's own timeout is in :mod:`dateline.serve.limits`.

``uvicorn.run(app, http=JsonErrorH11Protocol)``; with several workers uvicorn takes the dotted
name ``"dateline.serve.protocol:JsonErrorH11Protocol"``.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from .limits import error_body

HEADER_TIMEOUT_ENV = "DATELINE_SERVE_HEADER_TIMEOUT"
DEFAULT_HEADER_TIMEOUT = 30.0


def _send_json(protocol: H11Protocol, status: int, code: str, message: str) -> None:
    body = error_body(code, message)
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    try:
        protocol.transport.write(protocol.conn.send(h11.Response(status_code=status, headers=headers)))
        protocol.transport.write(protocol.conn.send(h11.Data(data=body)))
        protocol.transport.write(protocol.conn.send(h11.EndOfMessage()))
    except h11.LocalProtocolError:  # the connection is past the point of answering: just close it
        pass
    protocol.transport.close()


class JsonErrorH11Protocol(H11Protocol):
    header_timeout = float(os.environ.get(HEADER_TIMEOUT_ENV) or DEFAULT_HEADER_TIMEOUT)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timer: asyncio.TimerHandle | None = None

    def send_400_response(self, msg: str) -> None:
        self._cancel_header_timer()
        _send_json(
            self,
            400,
            "bad_request",
            "the request is not valid HTTP/1.1 (a malformed request line or header, e.g. a Content-Length "
            "that is not a number); see /docs for the API",
        )

    def data_received(self, data: bytes) -> None:
        if self._header_timer is None and self.conn.their_state is h11.IDLE:
            self._header_timer = self.loop.call_later(self.header_timeout, self._headers_too_slow)
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # the headers are in (or the connection is over)
            self._cancel_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_header_timer()
        super().connection_lost(exc)

    def _cancel_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.logger.info("closing a connection whose request headers took over %.0fs", self.header_timeout)
            _send_json(
                self,
                408,
                "request_timeout",
                f"the request headers did not arrive within {self.header_timeout:.0f} seconds",
            )
