"""`dateline serve`: the REST API (and the web page) over a store, with uvicorn."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from . import CREATE_HINT, add_command, add_db, store_url

if TYPE_CHECKING:
    from . import Subparsers

EXAMPLE = """examples:
  dateline serve --db news.db                                    # http://127.0.0.1:8000/docs (read-only)
  DATELINE_API_TOKEN=$(python -c 'import secrets; print(secrets.token_urlsafe())') dateline serve --db news.db
  DATELINE_API_TOKEN=... dateline serve --host 0.0.0.0 --port 8080 --db postgresql://dateline@db/news
"""


HELP = "serve the REST API (OpenAPI docs at /docs) and web page over a store"
DESCRIPTION = """Serve the store over HTTP: queries under /api/v1 (events, actors, search, articles),
interactive API docs at /docs. Writes (POST /api/v1/articles) need the token in
$DATELINE_API_TOKEN, sent as 'Authorization: Bearer TOKEN'; without a token the server is
read-only. On an address other than loopback it refuses to start writable without a token.
The articles' full text is not served unless --public-text is given (news text is often
licensed); events, evidence sentences, quotes and metadata always are. See docs/security.md."""


def register(sub: Subparsers) -> None:
    p = add_command(sub, "serve", help=HELP, description=DESCRIPTION, epilog=EXAMPLE)
    add_db(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--read-only", action="store_true", help="refuse writes even with a token")
    p.add_argument(
        "--max-body",
        type=int,
        metavar="BYTES",
        help="largest request body accepted (default 5,064,000: one article at the pipeline's size limit)",
    )
    p.add_argument(
        "--public-text",
        action="store_true",
        help="serve the articles' full text in /api/v1/articles/ID and the article page "
        '(default: withheld, as "text": null; only for text you may republish)',
    )
    p.add_argument(
        "--body-timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="wait at most this long for each part of a request body, and 4x this for the whole "
        "(default 30); request headers get DATELINE_SERVE_HEADER_TIMEOUT seconds (default 30)",
    )
    p.add_argument("--model", help="spaCy model name for posted articles (default: $DATELINE_MODEL or en_core_web_sm)")
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="uvicorn worker processes (default 1; SQLite allows one writer at a time)",
    )
    p.set_defaults(func=run)


def check_exposure(host: str, token: str | None, read_only: bool) -> None:
    """Refuse to serve writable on a non-loopback address without a token."""
    from ..errors import UsageError
    from ..serve import TOKEN_ENV, is_loopback

    if not is_loopback(host) and not token and not read_only:
        raise UsageError(
            f"refusing to serve {host} without a token: anyone who can reach it could write to the "
            f"store. Set {TOKEN_ENV} (e.g. `export {TOKEN_ENV}=$(python -c 'import secrets; "
            "print(secrets.token_urlsafe())')`), or pass --read-only, or serve on 127.0.0.1"
        )


def run(args: argparse.Namespace) -> int:

    from ..errors import UsageError
    from ..serve import TOKEN_ENV, create_app
    from ..serve.app import DEFAULT_MAX_BODY
    from ..serve.limits import limit_malloc_arenas

    if not (0 < args.port < 65536):
        raise UsageError(f"--port must be between 1 and 65535, not {args.port}")
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if not args.body_timeout > 0:
        raise UsageError("--body-timeout must be a positive number of seconds")
    token = os.environ.get(TOKEN_ENV) or None
    check_exposure(args.host, token, args.read_only)
    url = store_url(args.db, missing=CREATE_HINT)
    max_body = args.max_body or DEFAULT_MAX_BODY
    try:
        import uvicorn

        from ..serve.protocol import JsonErrorH11Protocol
    except ModuleNotFoundError as exc:
        raise UsageError("serving needs the serve extra: pip install 'dateline[serve]'") from exc
    writable = bool(token) and not args.read_only
    mode = "writable (token required)" if writable else f"read-only (set {TOKEN_ENV} to accept articles)"
    mode += "; article text served" if args.public_text else "; article text withheld (--public-text serves it)"
    limit_malloc_arenas()  # before the request threads exist; uvicorn's workers do it in app_from_env
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(
        f"dateline: serving {url.split('@')[-1]} on http://{shown}:{args.port} — {mode}; docs at /docs", file=sys.stderr
    )
    if args.workers == 1:
        app = create_app(
            url,
            token=token,
            max_body=max_body,
            read_only=args.read_only,
            model=args.model,
            public_text=args.public_text,
            body_timeout=args.body_timeout,
        )
        uvicorn.run(
            app, host=args.host, port=args.port, log_level="warning", proxy_headers=False, http=JsonErrorH11Protocol
        )
    else:
        # Each worker builds its own app from the environment.
        os.environ["DATELINE_SERVE_DB"] = url
        os.environ["DATELINE_SERVE_MAX_BODY"] = str(max_body)
        os.environ["DATELINE_SERVE_READ_ONLY"] = "1" if args.read_only else ""
        os.environ["DATELINE_SERVE_PUBLIC_TEXT"] = "1" if args.public_text else ""
        os.environ["DATELINE_SERVE_BODY_TIMEOUT"] = str(args.body_timeout)
        if args.model:
            os.environ["DATELINE_MODEL"] = args.model
        uvicorn.run(
            "dateline.serve.app:app_from_env",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_level="warning",
            proxy_headers=False,
            http="dateline.serve.protocol:JsonErrorH11Protocol",
        )
    return 0
