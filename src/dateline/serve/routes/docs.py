"""``/docs``: the Swagger UI, served from the installed ``swagger-ui-bundle`` files (no CDN)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import HTMLResponse


def mount(app: FastAPI) -> None:
    """Add ``/docs`` (and its static files under ``/docs/static``) to ``app``."""
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
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="dateline API",
            swagger_js_url=js,
            swagger_css_url=css,
            swagger_favicon_url="/docs/static/favicon-32x32.png",
        )
