"""The REST API (FastAPI): ``create_app(db_url, token=None, max_body=...)``; run it with ``dateline serve``.

>>> from dateline.serve import create_app
>>> app = create_app("sqlite:///news.db", token="a-long-random-token")   # uvicorn.run(app)

Routes under ``/api/v1``: ``POST /articles`` (needs ``Authorization: Bearer TOKEN``),
``GET /events``, ``GET /events/{id}``, ``GET /actors``, ``GET /articles/{id}``, ``GET /search``,
``GET /health``; OpenAPI at ``/openapi.json``, interactive docs at ``/docs``. See docs/api.md.
"""

from .app import API, DEFAULT_MAX_BODY, TOKEN_ENV, create_app

__all__ = ["API", "DEFAULT_MAX_BODY", "TOKEN_ENV", "create_app", "is_loopback"]


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or name the server binds to) only listens on this machine."""
    import ipaddress

    h = (host or "").strip().strip("[]")
    if h == "localhost":
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False
