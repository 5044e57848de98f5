"""The `dateline` command: a thin layer over the library, one module per command.

Exit codes: 0 done, 2 usage error, 3 input rejected (reason on stderr), 4 no NLP model,
5 store error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from .. import __version__
from ..errors import DatelineError

if TYPE_CHECKING:

    class Subparsers(Protocol):
        """What ``ArgumentParser.add_subparsers()`` gives, as far as the commands use it."""

        def add_parser(
            self,
            name: str,
            *,
            help: str,
            description: str | None,
            formatter_class: type[argparse.HelpFormatter],
            epilog: str,
        ) -> argparse.ArgumentParser: ...


# Each module defines register(subparsers) which adds its command(s) with `func` set.
COMMAND_MODULES = ["extract", "schema", "ingest", "export", "query", "serve", "watch", "alerts", "purge"]


CREATE_HINT = "create one with `dateline ingest PATH --db {path}`"  # store_url's `missing` for reading commands
DB_HELP = "store URL: sqlite:///FILE, a file path, or postgresql://... (default: $DATELINE_DB or sqlite:///dateline.db)"


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    pass


def add_command(
    sub: Subparsers,
    name: str,
    *,
    help: str,
    epilog: str,
    description: str | None = None,
    func: Callable[[argparse.Namespace], int] | None = None,
) -> argparse.ArgumentParser:
    """A (sub-)command of ``sub`` with the help layout every command uses; ``func`` runs it."""
    p = sub.add_parser(name, help=help, description=description, formatter_class=HelpFormatter, epilog=epilog)
    if func is not None:
        p.set_defaults(func=func)
    return p


def add_db(p: argparse.ArgumentParser) -> None:
    """The ``--db URL`` option of every command that reads or writes a store."""
    p.add_argument("--db", metavar="URL", help=DB_HELP)


def add_event_filters(p: argparse.ArgumentParser, *, dates: bool = True, alerts: bool = False) -> None:
    """The event filters of ``dateline events`` (and, without dates but with ``--quad`` and
    ``--min-sources``, of ``dateline alerts add``): the options of ``query.EVENT_FILTERS``."""
    from ..article import MODALITIES

    p.add_argument(
        "--actor",
        metavar="NAME|ISO3",
        help="a participant: a name (every word of it, any case; end a word with * for a prefix: "
        "'zelensk*') or an ISO3 country code (its government, people and organisations)",
    )
    p.add_argument("--type", metavar="T", help="PLOVER event type (CONSULT, ASSAULT, ...)")
    if alerts:
        p.add_argument("--quad", type=int, choices=[1, 2, 3, 4], help="PLOVER quad class")
    p.add_argument("--modality", metavar="M", help=", ".join(MODALITIES[:-1]) + " or " + MODALITIES[-1])
    if dates:
        p.add_argument("--since", metavar="DATE", help="events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
        p.add_argument("--until", metavar="DATE", help="events on or before DATE (YYYY-MM includes the whole month)")
    p.add_argument("--country", metavar="ISO3", help="events placed in this country")
    p.add_argument("--near", metavar="PLACE", help="events placed within --radius of PLACE (a name or LAT,LON)")
    p.add_argument("--radius", type=float, metavar="KM", help="radius for --near in km (default 100)")
    p.add_argument(
        "--text",
        metavar="WORDS",
        help="words that must all be words of the event's sentence (case and accents ignored)",
    )
    if alerts:
        p.add_argument(
            "--min-sources", type=int, metavar="N", help="only events reported by N or more independent sources"
        )


def store_url(db: str | None, *, missing: str | None = None) -> str:
    """The store URL ``--db`` names (``$DATELINE_DB`` or the default without one). With
    ``missing``: a UsageError when it is an SQLite file that does not exist, saying ``no store
    at PATH; `` then ``missing`` (``{path}`` in it is the path), since SQLite would create an
    empty store where the user meant an existing one."""
    from pathlib import Path

    from ..errors import UsageError
    from ..store.db import normalise_url

    url = normalise_url(db)
    if missing is not None and url.startswith("sqlite:///"):
        path = url[len("sqlite:///") :]
        if path and path != ":memory:" and not Path(path).exists():
            raise UsageError(f"no store at {path}; " + missing.format(path=path))
    return url


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="Turn news articles into verifiable event records.",
        formatter_class=HelpFormatter,
        epilog="example:\n  dateline extract examples/seed-euronews-reuters.txt --pretty",
    )
    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except DatelineError as exc:
        print(f"dateline: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("dateline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Reader went away (`dateline extract ... | head`): not an error of ours.
        sys.stdout = None
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
