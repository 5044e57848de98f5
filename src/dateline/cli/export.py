"""`dateline export`: write the store's events and articles as Parquet, JSONL, PLOVER or GDELT."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from . import CREATE_HINT, add_command, add_db, store_url

if TYPE_CHECKING:
    from . import Subparsers

EXAMPLE = """examples:
  dateline export --db dateline.db --format parquet out/      # events/event_month=YYYY-MM/...
  dateline export --format jsonl out/                          # articles.jsonl, events.jsonl
  dateline export --format plover events.jsonl
  dateline export --db postgresql://dateline@localhost/news --format gdelt --header - > events.tsv
"""


HELP = "export stored events and articles (parquet, jsonl, plover, gdelt)"
DESCRIPTION = """Export the store. parquet and jsonl write a folder OUT (Parquet partitioned by
event month; an earlier export in OUT is replaced as a whole, in one step); plover and
gdelt write one line per corpus event (its first report, with the store's event id and
counts) to the file OUT, or to stdout with -. Schemas: docs/store.md."""


def register(sub: Subparsers) -> None:
    p = add_command(sub, "export", help=HELP, description=DESCRIPTION, epilog=EXAMPLE)
    p.add_argument("out", metavar="OUT", help="output folder (parquet, jsonl) or file (plover, gdelt; - for stdout)")
    add_db(p)
    p.add_argument("--format", required=True, choices=["parquet", "jsonl", "plover", "gdelt"])
    p.add_argument(
        "--all-copies",
        action="store_true",
        help="plover: a record for every report of each event (every article and copy), not only the first",
    )
    p.add_argument("--header", action="store_true", help="gdelt: print the column names first")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..errors import UsageError
    from ..store import Store
    from ..store_export import export_jsonl, export_lines, export_parquet

    url = store_url(args.db, missing=CREATE_HINT)
    with Store.open(url) as store:
        if args.format in ("parquet", "jsonl"):
            if args.out == "-":
                raise UsageError(f"--format {args.format} writes a folder; give OUT as a folder path")
            out = Path(args.out)
            counts = (export_parquet if args.format == "parquet" else export_jsonl)(store, out)
            print(
                "dateline: exported " + ", ".join(f"{n} {k}" for k, n in counts.items()) + f" to {out}", file=sys.stderr
            )
            return 0
        if args.all_copies and args.format == "gdelt":
            raise UsageError("--all-copies is for --format plover: GDELT rows are events, one per corpus event")
        options = {"all_copies": args.all_copies, "header": args.header}
        if args.out == "-":
            n = export_lines(store, args.format, sys.stdout, **options)
        else:
            with open(args.out, "w", encoding="utf-8", newline="") as fh:
                n = export_lines(store, args.format, fh, **options)
        what = "record(s)" if args.format == "plover" else "row(s)"
        print(f"dateline: exported {n} event {what} as {args.format}", file=sys.stderr)
    return 0
