"""Real HTTP servers on loopback for the watch and alerts tests: a site (feeds, sitemaps, article
pages, robots.txt and hostile responses) and a webhook receiver that checks signatures."""

from __future__ import annotations

import html
import re
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "seed-euronews-reuters.txt"


def seed_html() -> str:
    """The bundled example as a news page: its headline as title and h1, its paragraphs as <p>."""
    text = SEED.read_text(encoding="utf-8")
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    headline = next(p for p in paras if p != "BREAKING NEWS").splitlines()[0]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras if p != "BREAKING NEWS")
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(headline)}</title></head><body><article><h1>{html.escape(headline)}</h1>"
        f"{body}</article></body></html>"
    )


UNRELATED_HTML = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Town council approves new library budget</title></head>"
    "<body><article><h1>Town council approves new library budget</h1>"
    "<p>SPRINGFIELD (Local Wire) - The town council on Monday approved a budget for the new public library, "
    "which will open next spring on Main Street with a reading room and a children's corner.</p>"
    "<p>Council members said the building would cost less than planned because volunteers will paint the walls. "
    "The librarian thanked residents who donated books over the summer.</p></article></body></html>"
)


def rss(items: list[tuple[str, str]], base: str) -> str:
    """An RSS 2.0 feed of ``(path, title)`` items."""
    entries = "".join(
        f"<item><title>{html.escape(t)}</title><link>{base}{p}</link><guid>{base}{p}</guid>"
        "<pubDate>Wed, 24 Apr 2019 10:00:00 GMT</pubDate></item>"
        for p, t in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test wire</title>'
        f"<link>{base}/</link><description>test</description>{entries}</channel></rss>"
    )


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients that hang up on hostile responses are the point of these tests


class Reply:
    def __init__(
        self, status=200, body: bytes | str = b"", headers: dict | None = None, ctype="text/html; charset=utf-8"
    ):
        self.status = status
        self.body = body.encode("utf-8") if isinstance(body, str) else body
        self.headers = dict(headers or {})
        if ctype and "Content-Type" not in self.headers:
            self.headers["Content-Type"] = ctype


class Site:
    """A threaded HTTP server on 127.0.0.1. ``routes[path]`` is a Reply, or a function of the
    handler returning a Reply (or None when it wrote the response itself). Every request is
    recorded as ``(method, path, headers, status)``; conditional GET is answered from ETags."""

    def __init__(self):
        self.routes: dict[str, Reply | Callable] = {}
        self.requests: list[tuple[str, str, dict, int]] = []
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                route = site.routes.get(self.path.split("?")[0])
                if route is None:
                    reply = Reply(404, "not found", ctype="text/plain")
                elif callable(route):
                    reply = route(self)
                    if reply is None:
                        site._record(self, 200)
                        return
                else:
                    reply = route
                etag = reply.headers.get("ETag")
                if reply.status == 200 and etag and self.headers.get("If-None-Match") == etag:
                    site._record(self, 304)
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                site._record(self, reply.status)
                self.send_response(reply.status)
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                try:
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _record(self, handler, status):
        with self.lock:
            self.requests.append(("GET", handler.path, dict(handler.headers), status))

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def hits(self, path: str) -> list[tuple]:
        return [r for r in self.requests if r[1] == path]

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def trickle(total: int, every: float):
    """A route sending ``total`` bytes, one every ``every`` seconds (a stalled or slow server)."""

    def handler(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(total))
        h.end_headers()
        try:
            for _ in range(total):
                h.wfile.write(b"x")
                h.wfile.flush()
                time.sleep(every)
        except (BrokenPipeError, ConnectionResetError):
            pass

    return handler


def endless(chunk: int = 65536):
    """A route streaming a body without end or length (a huge response)."""

    def handler(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        data = b"<p>" + b"a" * chunk + b"</p>"
        try:
            for _ in range(10_000):
                h.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass

    return handler


class Hook:
    """A webhook receiver on 127.0.0.1: records each POST's body and headers, answers ``status``."""

    def __init__(self, status: int = 204):
        self.posts: list[tuple[bytes, dict]] = []
        self.status = status
        hook = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n)
                hook.posts.append((body, dict(self.headers)))
                self.send_response(hook.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def __enter__(self) -> Hook:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
