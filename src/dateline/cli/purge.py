"""`dateline purge`: drop article text past its licence's age; keep events, snippets, links, hashes."""

from __future__ import annotations

import sys

from . import HelpFormatter

EXAMPLE = """examples:
  dateline purge --db news.db --text-older-than 30d
  dateline purge --db news.db --text-older-than 7d --dry-run
  dateline purge --text-older-than 0d --dry-run        # how much text the store holds now
"""


def register(sub) -> None:
    p = sub.add_parser(
        "purge",
        help="drop the full text of articles ingested longer ago than a duration (keep the facts)",
        description="Empty the text of every article ingested more than --text-older-than ago. Events,\n"
        "evidence sentences, quotes, actors, places, story links, URLs, the article id and the\n"
        "MinHash signatures stay, so a page fetched again is still recognised as a duplicate.\n"
        "Purged articles say so (text_purged) in the API and on the page. See docs/watch.md.",
        formatter_class=HelpFormatter,
        epilog=EXAMPLE,
    )
    p.add_argument("--text-older-than", required=True, metavar="DURATION", help="e.g. 30d, 12h, 2w; 0d: all")
    p.add_argument(
        "--db",
        metavar="URL",
        help="store URL: sqlite:///FILE, a file path, or postgresql://... "
        "(default: $DATELINE_DB or sqlite:///dateline.db)",
    )
    p.add_argument("--dry-run", action="store_true", help="count what would be dropped, change nothing")
    p.set_defaults(func=run)


def run(args) -> int:
    from pathlib import Path

    from ..errors import UsageError
    from ..retention import purge
    from ..store.db import normalise_url

    url = normalise_url(args.db)
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///") :]
        if path and path != ":memory:" and not Path(path).exists():
            raise UsageError(f"no store at {path}; nothing to purge")
    summary = purge(url, args.text_older_than, dry_run=args.dry_run)
    print(f"dateline: purge: {summary.line()}", file=sys.stderr)
    return 0
