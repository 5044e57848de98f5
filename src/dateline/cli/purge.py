"""`dateline purge`: drop article text past its licence's age; keep events, snippets, links, hashes."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from . import add_command, add_db, store_url

if TYPE_CHECKING:
    from . import Subparsers

EXAMPLE = """examples:
  dateline purge --db news.db --text-older-than 30d
  dateline purge --db news.db --text-older-than 7d --dry-run
  dateline purge --text-older-than 0d --dry-run        # how much text the store holds now
"""


HELP = "drop the full text of articles ingested longer ago than a duration (keep the facts)"
DESCRIPTION = """Empty the text of every article ingested more than --text-older-than ago. Events,
evidence sentences, quotes, actors, places, story links, URLs, the article id and the
MinHash signatures stay, so a page fetched again is still recognised as a duplicate.
Purged articles say so (text_purged) in the API and on the page. See docs/watch.md."""


def register(sub: Subparsers) -> None:
    p = add_command(sub, "purge", help=HELP, description=DESCRIPTION, epilog=EXAMPLE)
    p.add_argument("--text-older-than", required=True, metavar="DURATION", help="e.g. 30d, 12h, 2w; 0d: all")
    add_db(p)
    p.add_argument("--dry-run", action="store_true", help="count what would be dropped, change nothing")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:

    from ..retention import purge

    url = store_url(args.db, missing="nothing to purge")
    summary = purge(url, args.text_older_than, dry_run=args.dry_run)
    print(f"dateline: purge: {summary.line()}", file=sys.stderr)
    return 0
