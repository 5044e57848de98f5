"""`dateline extract`: one page in, one Article JSON out (or JSONL for JSONL input)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..article import Article
from ..errors import InputRejected, UsageError
from ..read import decoding_warning, is_jsonl_path, read_path, read_stdin
from . import add_command

if TYPE_CHECKING:
    from . import Subparsers

EXAMPLE = """examples:
  dateline extract examples/seed-euronews-reuters.txt --pretty
  dateline extract page.html --url https://example.org/story --published 2024-05-03
  dateline extract batch.jsonl > articles.jsonl     # one Article or error record per line
  cat page.txt | dateline extract - --no-analysis
"""


HELP = "extract an Article (JSON) from a text page, an HTML page or a JSONL batch"
DESCRIPTION = """Read a page (text or HTML) or a JSONL batch and print its Article record(s).
A single page prints one JSON object; a JSONL input (or a directory) prints JSONL,
one Article or one error record per input, in order."""


def register(sub: Subparsers) -> None:
    p = add_command(sub, "extract", help=HELP, description=DESCRIPTION, epilog=EXAMPLE)
    p.add_argument("path", metavar="PATH|-", help="a file, a directory, or - for standard input")
    p.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) when known")
    p.add_argument("--url", help="the page's URL, kept in source.url")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.add_argument("--jsonl", action="store_true", help="treat standard input as JSONL")
    p.add_argument(
        "--no-analysis",
        dest="analysis",
        action="store_false",
        help="clean only: skip NLP analysis and event coding (fast)",
    )
    p.add_argument("--model", help="spaCy model name (default: $DATELINE_MODEL or en_core_web_sm)")
    p.add_argument("--max-bytes", type=int, metavar="N", help="largest input accepted (default 5,000,000)")
    p.add_argument(
        "--format",
        choices=["json", "plover", "gdelt"],
        default="json",
        help="json: Article records (default); plover: PLOVER JSONL events; gdelt: GDELT 2.0 TSV events",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..pipeline import Pipeline

    if args.max_bytes is not None and args.max_bytes <= 0:
        raise UsageError("--max-bytes must be positive")
    if args.published:
        from ..published import parse_date

        parse_date(args.published)  # a bad date is a usage error before any work starts
    if args.path == "-":
        batch, items = read_stdin(
            jsonl=True if args.jsonl else None, max_bytes=args.max_bytes, url=args.url, published=args.published
        )
    else:
        from pathlib import Path

        path = Path(args.path)
        batch = path.is_dir() or is_jsonl_path(path)
        items = read_path(path, max_bytes=args.max_bytes, url=args.url, published=args.published)
    pipeline = Pipeline(args.model, analyse=args.analysis)
    write = _writer(args.format)
    rejected = 0
    for result in pipeline.pipe(items):
        if isinstance(result, InputRejected):
            rejected += 1
            where = f"{result.source}: " if result.source else ""
            print(f"dateline: input rejected: {where}{result.reason}: {result}", file=sys.stderr)
            if not batch:
                return 3
            sys.stdout.write(_error_line(result) + "\n")
            continue
        warning = decoding_warning(result.source.encoding, result.source.invalid_bytes)
        if warning:
            where = result.source.path or result.source.url or "input"
            print(f"dateline: warning: {where}: {warning}", file=sys.stderr)
        write(result, pretty=args.pretty and not batch)
    sys.stdout.flush()
    if batch and rejected:
        print(f"dateline: {rejected} input(s) rejected", file=sys.stderr)
    return 0


def _error_line(exc: InputRejected) -> str:
    import json

    return json.dumps(exc.to_dict(), ensure_ascii=False)


def _writer(fmt: str) -> Callable[..., None]:
    if fmt == "json":

        def write(article: Article, *, pretty: bool) -> None:
            sys.stdout.write(article.to_json(pretty=pretty) + "\n")

        return write
    from .. import export

    return export.writer(fmt, sys.stdout)
