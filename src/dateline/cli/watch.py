"""`dateline watch`: poll feeds, sitemaps and pages; ingest new articles; deliver alerts."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from datetime import UTC, datetime
from types import FrameType
from typing import TYPE_CHECKING, NoReturn

from . import add_command, add_db, store_url

if TYPE_CHECKING:
    from ..watch import WatchConfig
    from . import Subparsers

EXAMPLE = """examples:
  dateline watch https://example.org/world.rss --db news.db --once          # for cron
  dateline watch https://example.org/world.rss https://example.org/sitemap-news.xml --every 10m
  dateline watch --sources sources.toml --db postgresql://dateline@localhost/news
  dateline watch https://example.org/world.rss --purge-text-after 30d --contact desk@example.org

Sources are RSS/Atom feeds, sitemaps (news sitemaps and sitemap indexes too) and plain pages; the
kind is detected from the response. See docs/watch.md for sources.toml, politeness, alerts,
retention and running it as a service (systemd, docker compose).
"""


HELP = "poll feeds, sitemaps and pages; store new articles and deliver alerts"
DESCRIPTION = """Poll each SOURCE (an RSS/Atom feed, a sitemap or a page), fetch the article pages it
lists that the store has not seen, and ingest them through the usual pipeline. Polite:
robots.txt, one request per --rate seconds per host, conditional GET, retries with
backoff, timeouts, a size limit. After each round the saved alerts are checked and sent
(dateline alerts). State is in the store: rerun or restart at any time, nothing is lost
or doubled. A progress line shows on a terminal; JSON log lines otherwise (stderr)."""


def register(sub: Subparsers) -> None:
    p = add_command(sub, "watch", help=HELP, description=DESCRIPTION, epilog=EXAMPLE)
    p.add_argument("sources", nargs="*", metavar="SOURCE", help="a feed, sitemap or page URL")
    p.add_argument("--sources", dest="sources_file", metavar="FILE", help="a TOML file of sources and settings")
    add_db(p)
    p.add_argument("--once", action="store_true", help="poll every source once and exit (for cron)")
    p.add_argument(
        "--every", metavar="DURATION", help="time between polls of a source (default 15m; e.g. 90s, 10m, 1h)"
    )
    p.add_argument(
        "--rate", type=float, metavar="SECONDS", help="least time between two requests to one host (default 1)"
    )
    p.add_argument("--timeout", type=float, metavar="SECONDS", help="connect and read timeout (default 20)")
    p.add_argument("--max-bytes", type=int, metavar="N", help="largest response accepted (default 5,000,000)")
    p.add_argument("--retries", type=int, metavar="N", help="retries after 429, 5xx, timeouts (default 3)")
    p.add_argument(
        "--max-items", type=int, metavar="N", help="newest entries taken from one poll of a source (default 100)"
    )
    p.add_argument(
        "--contact",
        metavar="URL|EMAIL",
        help="added to the User-Agent so that site owners can reach you (recommended)",
    )
    p.add_argument("--ignore-robots", action="store_true", help="do not read robots.txt (only for your own sites)")
    p.add_argument(
        "--purge-text-after", metavar="DURATION", help="after each round, drop article text older than this (e.g. 30d)"
    )
    p.add_argument("--no-alerts", dest="alerts", action="store_false", help="do not check or send alerts")
    p.add_argument(
        "--base-url", metavar="URL", help="the web page's address, for links in alerts (default $DATELINE_PUBLIC_URL)"
    )
    p.add_argument("--smtp", metavar="URL", help="SMTP server for e-mail alerts (default $DATELINE_SMTP_URL)")
    p.add_argument("--model", help="spaCy model name (default: $DATELINE_MODEL or en_core_web_sm)")
    p.add_argument(
        "--no-analysis", dest="analysis", action="store_false", help="clean and store only: no NLP, no events"
    )
    p.add_argument("--quiet", "-q", action="store_true", help="only the round summaries")
    p.set_defaults(func=run)


def build_config(args: argparse.Namespace) -> WatchConfig:
    from dataclasses import replace

    from ..errors import UsageError
    from ..watch import Politeness, Source, WatchConfig, load_sources, parse_duration

    if args.sources_file:
        cfg = load_sources(args.sources_file)
    else:
        cfg = WatchConfig([], Politeness())
    every = parse_duration(args.every, "--every").total_seconds() if args.every else None
    extra = [Source(u, every=every or 900.0, max_items=args.max_items or 100) for u in args.sources]
    if args.sources_file and (every or args.max_items):
        cfg.sources = [replace(s, every=every or s.every, max_items=args.max_items or s.max_items) for s in cfg.sources]
    cfg.sources = cfg.sources + extra
    if not cfg.sources:
        raise UsageError("give at least one SOURCE URL or --sources FILE")
    pol = cfg.politeness
    changes = {
        "rate": args.rate,
        "timeout": args.timeout,
        "max_bytes": args.max_bytes,
        "retries": args.retries,
    }
    for k, v in changes.items():
        if v is not None:
            if v < 0 or (k in ("timeout", "max_bytes") and v == 0):
                raise UsageError(f"--{k.replace('_', '-')} must be positive")
            setattr(pol, k, v)
    if args.contact:
        pol.user_agent = pol.user_agent.rstrip(")") + f"; +{args.contact})"
    if args.ignore_robots:
        pol.robots = False
    if args.purge_text_after:
        cfg.purge_text_after = parse_duration(args.purge_text_after, "--purge-text-after")
    return cfg


def run(args: argparse.Namespace) -> int:
    from .. import alerts
    from ..watch import Watcher

    cfg = build_config(args)
    url = store_url(args.db)
    tty = sys.stderr.isatty()
    width = [0]

    def report(event: dict) -> None:
        kind = event.get("event")
        if tty:
            if kind == "round":
                _clear_line(width)
                from ..watch import RoundSummary

                print(f"dateline: watch: {RoundSummary.from_dict(event).line()}", file=sys.stderr)
            elif not args.quiet:
                line = _progress(event)
                if line:
                    _clear_line(width)
                    line = line[:200]
                    sys.stderr.write(line)
                    sys.stderr.flush()
                    width[0] = len(line)
        elif kind == "round" or not args.quiet:
            rec = {"ts": datetime.now(UTC).isoformat(timespec="seconds"), "logger": "dateline.watch", **event}
            print(json.dumps(rec, ensure_ascii=False, default=str), file=sys.stderr, flush=True)

    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        with Watcher(
            url,
            cfg.sources,
            cfg.politeness,
            model=args.model,
            analyse=args.analysis,
            report=report,
            alerts=args.alerts,
            alert_options={"base_url": args.base_url, "outbox": alerts.Outbox(smtp_url=args.smtp)},
            purge_text_after=cfg.purge_text_after,
        ) as w:
            if args.once:
                summary = w.poll_once()
                return 130 if summary.interrupted else 0
            try:
                w.run()
            except KeyboardInterrupt:
                pass
            return 0
    finally:
        signal.signal(signal.SIGTERM, previous)


def _progress(event: dict) -> str | None:
    kind = event.get("event")
    if kind == "source":
        if "error" in event:
            return f"\rwatch: {event['url']}: {event['error']}"
        return f"\rwatch: {event['url']}: {event.get('status')} · {event.get('new', 0)} new"
    if kind == "article":
        return f"\rwatch: {event.get('outcome')}: {event.get('url')}"
    return None


def _clear_line(width: list[int]) -> None:
    if width[0]:
        sys.stderr.write("\r" + " " * width[0] + "\r")
        width[0] = 0


def _raise_interrupt(signum: int, frame: FrameType | None) -> NoReturn:
    raise KeyboardInterrupt
