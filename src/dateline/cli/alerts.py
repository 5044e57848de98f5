"""`dateline alerts add|list|remove|test|run`: saved queries delivered to a webhook, a file or e-mail."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from . import add_command, add_db, add_event_filters, store_url

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..store import Store
    from . import Subparsers

EXAMPLE = """examples:
  dateline alerts add kim-talks --actor "Kim Jong Un" --type CONSULT --webhook https://hooks.example.org/dl
  dateline alerts add goma --type ASSAULT --near Goma --radius 300 --email desk@example.org
  dateline alerts add moldova --actor RUS --text Moldova --min-sources 2 --jsonl alerts.jsonl
  dateline alerts list
  dateline alerts test kim-talks          # send its last matches again, marked "test": true
  dateline alerts remove kim-talks

Matches are checked and sent by `dateline watch` after each poll (or `dateline alerts run`).
Webhooks get a JSON POST signed with HMAC-SHA256: X-Dateline-Signature: sha256=HEX of the body
under the secret printed by `alerts add`. See docs/watch.md.
"""


HELP = "saved queries: be told when new events match (webhook, JSONL file, e-mail)"
DESCRIPTION = """Manage alerts: a name, the filters of `dateline events` and one channel. New corpus
events that match are delivered once; an event that gains sources or mentions is
delivered again once per change, all matches of one check in one message."""


def register(sub: Subparsers) -> None:
    p = add_command(sub, "alerts", help=HELP, description=DESCRIPTION, epilog=EXAMPLE)
    asub = p.add_subparsers(dest="alerts_command", metavar="ACTION")

    def action(name: str, help: str, func: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        """An action of `dateline alerts`; every action's help ends with the same examples."""
        return add_command(asub, name, help=help, epilog=EXAMPLE, func=func)

    a = action("add", "save an alert", run_add)
    a.add_argument("name", metavar="NAME", help="letters, digits, '.', '_', '-'")
    ch = a.add_mutually_exclusive_group(required=True)
    ch.add_argument("--webhook", metavar="URL", help="POST signed JSON to this URL")
    ch.add_argument("--email", metavar="ADDRESS", help="mail the matches (SMTP from --smtp or $DATELINE_SMTP_URL)")
    ch.add_argument("--jsonl", metavar="FILE", help="append one JSON line per match to FILE ('-': stdout)")
    a.add_argument("--secret", help="the webhook's HMAC key (default: a random one, printed once)")
    add_event_filters(a, dates=False, alerts=True)
    add_db(a)

    ls = action("list", "list the saved alerts", run_list)
    ls.add_argument("--matches", type=int, default=0, metavar="N", help="also show each alert's last N matches")
    ls.add_argument("--format", choices=["table", "json"], help="default: table on a terminal, JSON lines in a pipe")
    add_db(ls)

    rm = action("remove", "delete an alert and its history", run_remove)
    rm.add_argument("name", metavar="NAME")
    add_db(rm)

    t = action("test", "send an alert's last matches again, marked as a test", run_test)
    t.add_argument("name", metavar="NAME")
    t.add_argument("--limit", type=int, default=5, metavar="N", help="matches to replay (default 5)")
    _add_delivery(t)

    r = action("run", "check the alerts against newly stored events and send now", run_check)
    _add_delivery(r)

    def usage(args: argparse.Namespace) -> int:  # `dateline alerts` alone
        p.print_help(sys.stderr)
        return 2

    p.set_defaults(func=usage)


def _store(args: argparse.Namespace) -> Store:

    from ..store import Store

    creating = getattr(args, "alerts_command", "") == "add"
    url = store_url(
        args.db, missing=None if creating else "create one with `dateline ingest` or `dateline watch --db {path}`"
    )
    return Store.open(url)


def _say(line: str) -> None:
    print(f"dateline: {line}", file=sys.stderr)


def _add_delivery(p: argparse.ArgumentParser) -> None:
    """The options of the commands that send: the SMTP server, the page's address, the store."""
    p.add_argument("--smtp", metavar="URL", help="SMTP server (default $DATELINE_SMTP_URL)")
    p.add_argument("--base-url", metavar="URL", help="the web page's address for links (default $DATELINE_PUBLIC_URL)")
    add_db(p)


def run_add(args: argparse.Namespace) -> int:
    from .. import alerts

    filters = {
        "actor": args.actor,
        "type": args.type,
        "quad": args.quad,
        "modality": args.modality,
        "country": args.country,
        "near": args.near,
        "radius_km": args.radius,
        "text": args.text,
        "min_sources": args.min_sources,
    }
    with _store(args) as store:
        out = alerts.add(
            store, args.name, webhook=args.webhook, email=args.email, jsonl=args.jsonl, secret=args.secret, **filters
        )
    print(f"dateline: alert {out['name']!r} saved: {out['channel']} {out['target']}", file=sys.stderr)
    if out.get("secret") and not args.secret:
        _say(f"webhook secret (shown once; keep it to verify X-Dateline-Signature): {out['secret']}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from .. import alerts

    with _store(args) as store:
        rows = alerts.list_alerts(store)
        if args.matches:
            for r in rows:
                r["recent"] = alerts.recent_matches(store, r["name"], limit=args.matches)
    fmt = args.format or ("table" if sys.stdout.isatty() else "json")
    if fmt == "json":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False, default=str))
        return 0
    if not rows:
        print("no alerts; add one with `dateline alerts add NAME --webhook URL --actor ...`", file=sys.stderr)
        return 0
    for r in rows:
        filters = " ".join(f"{k}={_show(v)}" for k, v in r["filters"].items())
        print(
            f"{r['name']}\t{r['channel']} {r['target']}\t{filters}\t{r['n_matches']} match(es), last "
            f"{r['last_match'] or '-'}" + (f", {r['pending']} pending" if r["pending"] else "")
        )
        for m in r.get("recent", []):
            ev = m["event"] or {}
            print(
                f"  {m['last_changed'][:19]}  {ev.get('type')} {', '.join(ev.get('actors') or [])} "
                f"-> {', '.join(ev.get('recipients') or [])}  {ev.get('date') or ''}  {ev.get('n_sources')} source(s)"
            )
    return 0


def _show(v: Any) -> str:
    if isinstance(v, dict):
        return v.get("name") or f"{v.get('lat')},{v.get('lon')}"
    return str(v)


def run_remove(args: argparse.Namespace) -> int:
    from .. import alerts
    from ..errors import UsageError

    with _store(args) as store:
        if not alerts.remove(store, args.name):
            raise UsageError(f"no alert named {args.name!r}; list them with `dateline alerts list`")
    print(f"dateline: alert {args.name!r} removed", file=sys.stderr)
    return 0


def run_test(args: argparse.Namespace) -> int:
    from .. import alerts

    with _store(args) as store:
        out = alerts.replay(
            store, args.name, limit=args.limit, base_url=args.base_url, outbox=alerts.Outbox(smtp_url=args.smtp)
        )
    _say(f"alert {out['alert']!r}: {out['matches']} match(es) sent to {out['channel']} {out['target']} as a test")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from .. import alerts

    with _store(args) as store:
        s = alerts.check(store, base_url=args.base_url, outbox=alerts.Outbox(smtp_url=args.smtp))
    _say(
        f"alerts: {s.matches} new or changed match(es), {s.messages} message(s) queued, {s.sent} sent, {s.failed} "
        f"failed"
    )
    for e in s.errors:
        print(f"dateline: alerts: {e}", file=sys.stderr)
    return 1 if s.failed else 0
