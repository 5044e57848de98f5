"""`dateline ingest`: load files, directories, globs, JSONL, WARC and feeds into the store."""

from __future__ import annotations

import argparse
import signal
import sys
from types import FrameType
from typing import TYPE_CHECKING, NoReturn

from . import add_command, add_db, store_url

if TYPE_CHECKING:
    from . import Subparsers

EXAMPLE = """examples:
  dateline ingest corpus/                               # into ./dateline.db (SQLite)
  dateline ingest 'crawl/*.warc.gz' feeds/world.rss --workers 4
  dateline ingest batch.jsonl --db postgresql://dateline@localhost/news
  dateline ingest corpus/ --dask local:4                # a Dask LocalCluster of 4 processes
  dateline ingest /shared/corpus/ --db news.db --dask tcp://scheduler:8786
"""


HELP = "process a corpus (files, folders, globs, JSONL, WARC, RSS/Atom) into the store"
DESCRIPTION = """Clean, analyse and store every article found under PATH... in the store.
Safe to rerun (stored articles are skipped before analysis) and to interrupt (each
article is written in one transaction). Syndicated copies join the story they copy.
A progress bar shows on a terminal; a summary and any rejected inputs go to stderr."""


def register(sub: Subparsers) -> None:
    p = add_command(sub, "ingest", help=HELP, description=DESCRIPTION, epilog=EXAMPLE)
    p.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder or a glob (quote it)")
    add_db(p)
    p.add_argument(
        "--workers", type=int, default=1, metavar="N", help="worker processes, each loading the model once (default 1)"
    )
    p.add_argument("--batch-size", type=int, default=8, metavar="N", help="inputs per worker task (default 8)")
    p.add_argument("--model", help="spaCy model name (default: $DATELINE_MODEL or en_core_web_sm)")
    p.add_argument(
        "--no-analysis", dest="analysis", action="store_false", help="clean and store only: no NLP, no events (fast)"
    )
    p.add_argument("--max-bytes", type=int, metavar="N", help="largest input accepted (default 5,000,000)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no rejected-input lines")
    p.add_argument(
        "--dask",
        metavar="SCHEDULER",
        help="run on Dask: tcp://HOST:8786 (a running scheduler), a scheduler JSON file, or "
        "local[:N] (a LocalCluster of N single-threaded worker processes); shards go to "
        "<db>.dask/ (see docs/scale.md; needs the dask extra)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..ingest import Outcome, Summary, count_inputs, ingest

    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    if args.max_bytes is not None and args.max_bytes <= 0:
        raise UsageError("--max-bytes must be positive")
    url = store_url(args.db)

    bar = None
    if sys.stderr.isatty() and not args.quiet:
        from tqdm import tqdm

        bar = tqdm(total=count_inputs(args.paths), unit="article", file=sys.stderr, dynamic_ncols=True, desc="ingest")

    def say(line: str) -> None:
        if bar is not None:
            bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    def on_result(outcome: Outcome) -> None:
        if bar is not None:
            bar.update(1)
        if outcome.kind == "rejected" and not args.quiet:
            where = f"{outcome.origin}: " if outcome.origin else ""
            say(f"dateline: rejected: {where}{outcome.reason}: {outcome.message}")
        elif getattr(outcome, "warning", None) and not args.quiet:
            where = f"{outcome.origin}: " if outcome.origin else ""
            say(f"dateline: warning: {where}{outcome.warning}")

    options = dict(
        db=url,
        model=args.model,
        analyse=args.analysis,
        batch_size=args.batch_size,
        max_bytes=args.max_bytes,
        on_result=on_result,
    )
    summary: Summary
    # `kill` (SIGTERM) stops like Ctrl-C: the article being written is finished or rolled back.
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        if getattr(args, "dask", None):
            from ..ingest_dask import ingest_dask

            summary = ingest_dask(
                args.paths, dask=args.dask, workers=args.workers if args.workers > 1 else None, **options
            )
        else:
            summary = ingest(args.paths, workers=args.workers, **options)
    finally:
        signal.signal(signal.SIGTERM, previous)
        if bar is not None:
            bar.close()
    from sqlalchemy.engine import make_url

    shown = make_url(url).render_as_string(hide_password=True)
    print(f"dateline: {summary.line()} [{shown}]", file=sys.stderr)
    if summary.interrupted:
        return 130
    return 0


def _raise_interrupt(signum: int, frame: FrameType | None) -> NoReturn:
    raise KeyboardInterrupt
