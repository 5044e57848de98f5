"""`dateline export`: write the store's events and articles as Parquet, JSONL, PLOVER or GDELT."""

from __future__ import annotations

import sys

from . import HelpFormatter

EXAMPLE = """examples:
  dateline export --db dateline.db --format parquet out/      # events/event_month=YYYY-MM/...
  dateline export --format jsonl out/                          # articles.jsonl, events.jsonl
  dateline export --format plover events.jsonl
  dateline export --db postgresql://dateline@localhost/news --format gdelt - > events.tsv
"""


def register(sub) -> None:
    p = sub.add_parser(
        "export",
        help="export stored events and articles (parquet, jsonl, plover, gdelt)",
        description="Export the store. parquet and jsonl write a folder OUT (Parquet partitioned by\n"
        "event month); plover and gdelt write event lines to the file OUT, or to stdout with -.\n"
        "plover/gdelt export one article per story unless --all-copies is given.",
        formatter_class=HelpFormatter,
        epilog=EXAMPLE,
    )
    p.add_argument("out", metavar="OUT", help="output folder (parquet, jsonl) or file (plover, gdelt; - for stdout)")
    p.add_argument("--db", metavar="URL", help="store URL (default: $DATELINE_DB or sqlite:///dateline.db)")
    p.add_argument("--format", required=True, choices=["parquet", "jsonl", "plover", "gdelt"])
    p.add_argument(
        "--all-copies",
        action="store_true",
        help="plover/gdelt: include every syndicated copy, not one article per story",
    )
    p.set_defaults(func=run)


def run(args) -> int:
    from pathlib import Path

    from ..errors import UsageError
    from ..store import Store
    from ..store.db import normalise_url
    from ..store_export import export_jsonl, export_lines, export_parquet

    url = normalise_url(args.db)
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///") :]
        if path and path != ":memory:" and not Path(path).exists():
            raise UsageError(f"no store at {path}; create one with `dateline ingest PATH --db {path}`")
    with Store.open(url) as store:
        if args.format in ("parquet", "jsonl"):
            if args.out == "-":
                raise UsageError(f"--format {args.format} writes a folder; give OUT as a folder path")
            out = Path(args.out)
            if out.exists() and not out.is_dir():
                raise UsageError(f"{out} exists and is not a folder")
            counts = (export_parquet if args.format == "parquet" else export_jsonl)(store, out)
            print(
                "dateline: exported " + ", ".join(f"{n} {k}" for k, n in counts.items()) + f" to {out}", file=sys.stderr
            )
            return 0
        if args.out == "-":
            n = export_lines(store, args.format, sys.stdout, all_copies=args.all_copies)
        else:
            with open(args.out, "w", encoding="utf-8", newline="") as fh:
                n = export_lines(store, args.format, fh, all_copies=args.all_copies)
        print(f"dateline: exported the events of {n} article(s) as {args.format}", file=sys.stderr)
    return 0
