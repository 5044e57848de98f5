"""The web page: events explorer (map, timeline, table), article view, actor view, add an article.

``mount(app)`` adds to a FastAPI app (the REST API's ``create_app`` calls it):

- the pages: ``/`` (explorer), ``/article/{id}``, ``/actor?name=...``, ``/add``, ``/alerts``
  (saved alerts through ``/api/v1/alerts``, token required);
- their static files under ``/web/static/`` (the page's own JS and CSS, and ``vendor/``: Leaflet,
  leaflet.markercluster, topojson-client, the Natural Earth outlines of ``world-atlas``, uPlot,
  Cytoscape, built by ``scripts/build_web.py`` from npm packages; no CDN, no map tiles);
- the JSON the page needs beyond ``/api/v1``: ``/web/api/explore`` (a page of events plus the
  timeline and map aggregates of every match), ``/web/api/actor`` (an actor's events over time
  and its network), ``/web/api/article/{id}`` (the Article with its story and corpus event ids),
  ``/web/api/preview`` (the pipeline on pasted text or HTML, nothing stored, size-limited);
- a Content-Security-Policy on every response of those routes: scripts only from the app
  itself, no inline script, no ``eval`` (the API's Swagger UI at /docs is left as it is).

The store comes from ``app.state.store`` (a :class:`dateline.store.Store`) or
``app.state.db_url``, else ``mount(app, db=...)``, else ``$DATELINE_DB``.

Article data is hostile input: the page builds every element with DOM APIs (``textContent``,
``createElement``), never by parsing article data as HTML.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from fastapi import FastAPI
    from starlette.types import Message, Receive, Scope, Send

STATIC = Path(__file__).resolve().parent / "static"
PAGES_DIR = Path(__file__).resolve().parent / "pages"
VENDOR = STATIC / "vendor"

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        # Leaflet and uPlot position elements with style attributes; styles cannot run script.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

#: The libraries the pages use, as built into ``static/vendor`` by ``scripts/build_web.py``: each
#: one's stylesheets and scripts, in the order they load.
LIBRARIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "leaflet": (("leaflet/leaflet.css",), ("leaflet/leaflet.js",)),
    "markercluster": (
        ("markercluster/MarkerCluster.css", "markercluster/MarkerCluster.Default.css"),
        ("markercluster/leaflet.markercluster.js",),
    ),
    "topojson-client": ((), ("topojson-client/topojson-client.min.js",)),
    "uplot": (("uplot/uPlot.min.css",), ("uplot/uPlot.iife.min.js",)),
    "cytoscape": ((), ("cytoscape/cytoscape.min.js",)),
}


class Page(NamedTuple):
    """A page: its path (``{...}`` a part the page reads itself), its file in ``pages/`` and the
    libraries it uses (a map: Leaflet and the country outlines; charts: uPlot; the actor network:
    Cytoscape). Its own script is ``static/js/NAME.js``."""

    path: str
    file: str
    libraries: tuple[str, ...] = ()


PAGES = {
    "explorer": Page("/", "index.html", ("leaflet", "markercluster", "topojson-client", "uplot")),
    "article": Page("/article/{article_id}", "article.html", ("leaflet", "topojson-client")),
    "actor": Page("/actor", "actor.html", ("uplot", "cytoscape")),
    "add": Page("/add", "add.html", ("leaflet", "topojson-client")),
    "alerts": Page("/alerts", "alerts.html"),
}
# The header's links: (path, label, the page that marks it current).
NAV = [
    (PAGES["explorer"].path, "Events", "explorer"),
    (PAGES["add"].path, "Add an article", "add"),
    (PAGES["alerts"].path, "Alerts", "alerts"),
    ("/docs", "API", None),
]


@cache
def render_page(name: str) -> str:
    """The HTML of page ``name`` inside ``pages/layout.html``, the frame every page shares (meta, the
    stylesheet, the header and its links, the page's name as the body's class). Its head: the
    title and any other head lines of its file in ``pages/`` (what comes before ``<main>``), the
    stylesheets of its libraries before those lines, their scripts and the page's own after."""
    _, file, libraries = PAGES[name]
    own = (PAGES_DIR / file).read_text(encoding="utf-8")
    cut = own.index("<main")
    title, _, lines = own[:cut].partition("\n")
    styles = [
        f'<link rel="stylesheet" href="/web/static/vendor/{p}">\n' for lib in libraries for p in LIBRARIES[lib][0]
    ]
    scripts = [
        f'<script src="/web/static/vendor/{p}" defer></script>\n' for lib in libraries for p in LIBRARIES[lib][1]
    ]
    scripts.append(f'<script src="/web/static/js/{name}.js" type="module"></script>\n')
    head = title + "\n" + "".join(styles) + lines + "".join(scripts)
    current = ' aria-current="page"'
    nav = " ".join(f'<a href="{path}"{current if page == name else ""}>{label}</a>' for path, label, page in NAV)
    layout = (PAGES_DIR / "layout.html").read_text(encoding="utf-8")
    return layout.format(head=head, main=own[cut:], page=name, nav=nav)


# The paths served here: each page's (up to its first ``{...}`` part), and everything under /web/.
PAGE_PATHS = {p.path for p in PAGES.values() if "{" not in p.path}
PAGE_PREFIXES = tuple(p.path.partition("{")[0] for p in PAGES.values() if "{" in p.path) + ("/web/",)


def is_page_path(path: str) -> bool:
    """The paths this module serves (the CSP goes on these; /docs keeps its own inline script)."""
    return path in PAGE_PATHS or path.startswith(PAGE_PREFIXES)


def vendor_ready() -> bool:
    """True when ``scripts/build_web.py`` has put the page's libraries in place."""
    return (VENDOR / "leaflet" / "leaflet.js").is_file()


def mount(app: Any, db: Any = None, *, preview_max_bytes: int | None = None) -> None:
    """Add the web page, its static files, its JSON endpoints and the CSP header to ``app``."""
    from fastapi.staticfiles import StaticFiles

    from .routes import PREVIEW_MAX_BYTES, make_router

    if db is not None and getattr(app.state, "store", None) is None and getattr(app.state, "db_url", None) is None:
        app.state.web_db = db
    app.state.web_preview_max_bytes = preview_max_bytes or PREVIEW_MAX_BYTES
    app.include_router(make_router())
    app.mount("/web/static", StaticFiles(directory=str(STATIC)), name="web-static")

    app.add_middleware(SecurityHeaders)


class SecurityHeaders:
    """The CSP (on the page's paths) and two more headers on every response, as a plain ASGI
    middleware: it rewrites the response's start message only (Starlette's ``@app.middleware``
    wraps every response in a stream and a task, about a millisecond per request)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        page = is_page_path(scope.get("path", ""))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                extra = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin")]
                if page:
                    extra.insert(0, (b"content-security-policy", CSP.encode()))
                headers.extend((k, v) for k, v in extra if k not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(db: Any = None, *, public_text: bool = False) -> FastAPI:
    """A FastAPI app serving only the web page and its endpoints (``dateline serve`` serves the
    REST API too, through ``dateline.serve.create_app``, which mounts this). ``public_text``: as
    for the API, whether article pages get the article's full text (off by default)."""
    from fastapi import FastAPI

    app = FastAPI(title="dateline web")
    app.state.public_text = public_text
    mount(app, db)
    return app
