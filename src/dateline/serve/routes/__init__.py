"""The API's routers, one module a resource, each an ``APIRouter`` under ``/api/v1``:
``meta`` (health), ``events``, ``actors``, ``search``, ``articles`` (read one, post one),
``alerts``; ``docs`` serves the Swagger UI. ``create_app`` (serve/app.py) only assembles them;
the web page's own routes are in ``dateline.web``."""

from . import actors, alerts, articles, docs, events, meta, search

ROUTERS = [meta.router, events.router, actors.router, search.router, articles.router, alerts.router]

__all__ = ["ROUTERS", "actors", "alerts", "articles", "docs", "events", "meta", "search"]
