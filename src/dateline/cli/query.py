"""`dateline events|actors|search|show`: query a store from the shell.

On a terminal results are readable tables; in a pipe they default to JSON Lines (one record a
line). ``--format`` chooses explicitly: table, json, csv, and for events also plover (PLOVER
JSONL) and gdelt (GDELT-style TSV). On a terminal a page of ``--limit`` rows (default 50, 20 for
search) starting at ``--offset``; in a pipe every match unless ``--limit`` is given, fetched a
page at a time. Whenever fewer rows are shown than match, stderr says so and how to get the rest.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .. import formats
from ..article import ACTOR_KINDS
from . import CREATE_HINT, add_command, add_db, add_event_filters, store_url

if TYPE_CHECKING:
    from ..article import Article
    from ..query import Records
    from ..store import Store
    from . import Subparsers

EVENTS_EXAMPLE = """examples:
  dateline events --actor "Kim Jong Un" --type CONSULT
  dateline events --actor PRK --since 2019-04 --until 2019-04 --near Vladivostok --radius 500
  dateline events --modality future --text "nuclear" --format csv > future.csv
  dateline events --db postgresql://dateline@localhost/news --type ASSAULT --format gdelt > assault.tsv
"""
ACTORS_EXAMPLE = """examples:
  dateline actors --limit 20
  dateline actors --country PRK --format csv
"""
SEARCH_EXAMPLE = """examples:
  dateline search "nuclear programme"
  dateline search '"peace talks" (Kyiv OR Moscow) -drill zelensk*' --limit 5 --format json
"""
SHOW_EXAMPLE = """examples:
  dateline show 3f2a9c1e0b7d          # a unique id prefix is enough
  dateline show 3f2a9c1e0b7d --format json | jq '.events'
"""


def _common(p: argparse.ArgumentParser, choices: Sequence[str]) -> None:
    add_db(p)
    p.add_argument(
        "--format",
        choices=list(choices),
        help=f"output format (default: table on a terminal, json lines in a pipe): {', '.join(choices)}",
    )


def _paging(p: argparse.ArgumentParser, default: int) -> None:
    p.add_argument(
        "--limit",
        type=int,
        metavar="N",
        help=f"rows to show (default: {default} on a terminal, every match in a pipe)",
    )
    p.add_argument("--offset", type=int, default=0, metavar="N", help="rows to skip first, for paging (default 0)")
    p.set_defaults(terminal_limit=default)


PIPE_PAGE = 1000  # rows fetched at a time when a pipe gets every match


def _pages(args: argparse.Namespace, fetch: Callable[[int, int], Records]) -> tuple[Iterator[Records], dict[str, Any]]:
    """The rows to print, as pages: one page of ``--limit`` (or, on a terminal, the default)
    rows; in a pipe without ``--limit``, every match, fetched PIPE_PAGE rows at a time.
    Returns ``(pages iterator, state)``; ``state["shown"]``/``state["total"]`` are filled as the
    pages are consumed, for the footer."""
    from ..errors import UsageError

    if args.limit is not None and args.limit < 1:
        raise UsageError(f"--limit must be at least 1, not {args.limit}")
    if args.offset < 0:
        raise UsageError(f"--offset must be 0 or more, not {args.offset}")
    state: dict[str, Any] = {"shown": 0, "total": None, "everything": False}
    if args.limit is not None or _tty():
        first = fetch(args.limit or args.terminal_limit, args.offset)
        state["shown"], state["total"] = len(first), getattr(first, "total", None)

        def one() -> Iterator[Records]:
            yield first

        return one(), state
    state["everything"] = True

    def every() -> Iterator[Records]:
        offset = args.offset
        while True:
            page = fetch(PIPE_PAGE, offset)
            if state["total"] is None:
                state["total"] = getattr(page, "total", None)
            state["shown"] += len(page)
            yield page
            if len(page) < PIPE_PAGE:
                return
            offset += len(page)

    return every(), state


def _all_rows(pages: Iterable[Records]) -> tuple[list, Any]:
    """Every row of the pages (a table needs all its rows to size its columns), and the first
    page (for its ``center``)."""
    rows: list = []
    first = None
    for page in pages:
        first = page if first is None else first
        rows.extend(page)
    return rows, first


def _listing(
    args: argparse.Namespace,
    fetch: Callable[[Store, int, int], Records],
    *,
    what: str,
    write: Callable[[Store, Iterator[Records], str], None],
    show: Callable[[list, Any], None],
) -> int:
    """A listing command (events, actors, search): the pages of ``fetch(store, limit, offset)``
    written in ``--format`` by ``write(store, pages, fmt)``, or shown on a terminal by
    ``show(rows, first_page)``; then the footer saying how many of how many ``what``."""
    store = _open(args)
    pages, state = _pages(args, lambda limit, offset: fetch(store, limit, offset))
    fmt = _format(args)
    if fmt != "table":
        write(store, pages, fmt)
    else:
        show(*_all_rows(pages))
    _footer(state["shown"], state["total"], args.offset, what)
    return 0


EVENTS_HELP = "list stored events matching filters (actor, type, dates, place, words)"
EVENTS_DESCRIPTION = """List the store's events (one per real-world event, however many articles report it),
by date, filtered by every option given. Each shows its first report's evidence sentence."""
ACTORS_HELP = "list the actors of the stored articles, most reported first"
ACTORS_DESCRIPTION = """List actors (people, organisations, countries, groups) across the store with the
number of articles, mentions and events they appear in."""
SEARCH_HELP = "full-text search of the stored articles, ranked, with highlighted snippets"
SEARCH_DESCRIPTION = """Find articles containing every word of WORDS (full text, ranked by relevance) and show a
snippet of each with the words highlighted. Words match in any form (talks: talk, talked);
"a phrase", prefix*, OR, NOT or -word and parentheses work alike on SQLite and PostgreSQL."""
SHOW_HELP = "show one stored article with its events, quotes and places"
SHOW_DESCRIPTION = """Show a stored article: metadata, events with their evidence, quotes with speakers,
places, actors and the cleaned text. --format json prints the full Article record."""


def register(sub: Subparsers) -> None:
    p = add_command(sub, "events", help=EVENTS_HELP, description=EVENTS_DESCRIPTION, epilog=EVENTS_EXAMPLE)
    add_event_filters(p)
    _paging(p, 50)
    _common(p, ["table", *formats.EVENT_FORMATS])
    p.add_argument("--header", action="store_true", help="--format gdelt: print the column names first")
    p.set_defaults(func=run_events)

    p = add_command(sub, "actors", help=ACTORS_HELP, description=ACTORS_DESCRIPTION, epilog=ACTORS_EXAMPLE)
    p.add_argument("--name", metavar="TEXT", help="names with every word of TEXT (any case; 'zelensk*' is a prefix)")
    p.add_argument("--country", metavar="ISO3", help="actors of this country")
    p.add_argument("--kind", choices=list(ACTOR_KINDS))
    _paging(p, 50)
    _common(p, ["table", *formats.ROW_FORMATS])
    p.set_defaults(func=run_actors)

    p = add_command(sub, "search", help=SEARCH_HELP, description=SEARCH_DESCRIPTION, epilog=SEARCH_EXAMPLE)
    p.add_argument("words", metavar="WORDS", help="the words to find, or a query (quote it)")
    _paging(p, 20)
    _common(p, ["table", *formats.ROW_FORMATS])
    p.set_defaults(func=run_search)

    p = add_command(sub, "show", help=SHOW_HELP, description=SHOW_DESCRIPTION, epilog=SHOW_EXAMPLE)
    p.add_argument("article_id", metavar="ARTICLE_ID", help="the article id, or a unique prefix of 6+ characters")
    p.add_argument("--no-text", dest="with_text", action="store_false", help="leave out the article text")
    _common(p, ["table", "json"])
    p.set_defaults(func=run_show)


# -- helpers ----------------------------------------------------------------------------------------
def _open(args: argparse.Namespace) -> Store:

    from ..query import open_store

    url = store_url(args.db, missing=CREATE_HINT)
    return open_store(url)


def _format(args: argparse.Namespace) -> str:
    return args.format or ("table" if sys.stdout.isatty() else "json")


def _tty() -> bool:
    return sys.stdout.isatty()


def _bold(s: str) -> str:
    return f"\033[1m{s}\033[0m" if _tty() else s


def _footer(shown: int, total: int | None, offset: int, what: str) -> None:
    """The number of matches on a terminal; in a pipe only a cut (fewer rows than matches), so
    that a pipe never loses rows without a word (the line goes to stderr, not into the data)."""
    if not sys.stderr.isatty():
        if total is not None and offset + shown < total:
            print(
                f"dateline: {what} {offset + 1 if shown else offset}-{offset + shown} of {total} shown "
                f"(--offset {offset + shown} for more; without --limit a pipe gets every match)",
                file=sys.stderr,
            )
        return
    if total is None:
        print(f"dateline: {shown} {what}", file=sys.stderr)
    elif shown < total:
        print(
            f"dateline: {what} {offset + 1 if shown else offset}-{offset + shown} of {total} "
            f"(--offset {offset + shown} for more)",
            file=sys.stderr,
        )
    else:
        print(f"dateline: {total} {what}", file=sys.stderr)


def _clip(s: str, n: int) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: max(0, n - 1)] + "…"


def table(rows: list[list[Any]], headers: list[str], *, flex: int | None = None, width: int | None = None) -> str:
    """A plain text table; the ``flex`` column shrinks so the table fits ``width``."""
    cells = [[("" if v is None else " ".join(str(v).split())) for v in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    width = width or shutil.get_terminal_size((160, 24)).columns
    if flex is not None:
        others = sum(w for i, w in enumerate(widths) if i != flex) + 2 * (len(widths) - 1)
        widths[flex] = max(len(headers[flex]), min(widths[flex], width - others))
    lines = ["  ".join(h.ljust(widths[i]) for i, h in enumerate(headers)).rstrip()]
    for r in cells:
        lines.append("  ".join(_clip(v, widths[i]).ljust(widths[i]) for i, v in enumerate(r)).rstrip())
    return "\n".join(lines)


# -- events -------------------------------------------------------------------------------------------
def _place(p: dict | None) -> str:
    if not p:
        return ""
    return f"{p.get('name') or '?'}" + (f" ({p['country']})" if p.get("country") else "")


def run_events(args: argparse.Namespace) -> int:
    from .. import query

    filters = {k: getattr(args, "radius" if k == "radius_km" else k) for k in query.EVENT_FILTERS}
    return _listing(
        args,
        lambda store, limit, offset: query.events(store, limit=limit, offset=offset, **filters),
        what="events",
        write=lambda store, pages, fmt: formats.write_events(store, pages, fmt, sys.stdout, header=args.header),
        show=_show_events,
    )


def _show_events(rows: list, first: Records | None) -> None:
    near = getattr(first, "center", None)
    if near and sys.stderr.isatty():
        print(f"dateline: near {near['name']} ({near['lat']:.2f}, {near['lon']:.2f})", file=sys.stderr)
    headers = ["DATE", "TYPE", "MODE", "WHO", "WHOM", "WHERE", "MODALITY"]
    if near:
        headers.append("KM")
    headers.append("EVIDENCE")
    body = []
    for r in rows:
        line = [
            r["date"] or "-",
            r["type"],
            r["mode"] or "",
            _clip(", ".join(r["actors"]), 30),
            _clip(", ".join(r["recipients"]), 30),
            _clip(_place(r["place"]), 26),
            r["modality"],
        ]
        if near:
            line.append(r.get("distance_km"))
        line.append((r["evidence"] or {}).get("text", ""))
        body.append(line)
    if rows:
        print(table(body, headers, flex=len(headers) - 1))
    else:
        print("no events match", file=sys.stderr)


# -- actors ---------------------------------------------------------------------------------------------
def run_actors(args: argparse.Namespace) -> int:
    from .. import query

    return _listing(
        args,
        lambda store, limit, offset: query.actors(
            store, name=args.name, country=args.country, kind=args.kind, limit=limit, offset=offset
        ),
        what="actors",
        write=lambda store, pages, fmt: formats.write_rows(pages, fmt, formats.ACTOR_CSV, sys.stdout),
        show=_show_actors,
    )


def _show_actors(rows: list, first: Records | None) -> None:
    if rows:
        print(
            table(
                [
                    [
                        r["name"],
                        r["kind"],
                        r["country"],
                        r["sector"],
                        ", ".join(r["roles"]),
                        r["n_articles"],
                        r["n_mentions"],
                        r["n_events"],
                    ]
                    for r in rows
                ],
                ["NAME", "KIND", "COUNTRY", "SECTOR", "ROLES", "ARTICLES", "MENTIONS", "EVENTS"],
                flex=4,
            )
        )
    else:
        print("no actors match", file=sys.stderr)


# -- search -----------------------------------------------------------------------------------------------
def run_search(args: argparse.Namespace) -> int:
    from .. import query

    return _listing(
        args,
        lambda store, limit, offset: query.search(args.words, store, limit=limit, offset=offset),
        what="articles",
        write=lambda store, pages, fmt: formats.write_rows(pages, fmt, formats.SEARCH_CSV, sys.stdout),
        show=lambda rows, first: _show_hits(rows, args),
    )


def _show_hits(rows: list, args: argparse.Namespace) -> None:
    tty = _tty()
    width = min(100, shutil.get_terminal_size((100, 24)).columns)
    for i, r in enumerate(rows, args.offset + 1):
        meta = " · ".join(x for x in (r["published"], r["publisher"], f"{r['n_events']} events", r["id"]) if x)
        print(f"{i}. {_bold(r['headline'] or '(no headline)')}")
        print(f"   {meta}")
        text = formats.highlight(r["snippet"], r["highlights"], tty=tty)
        print(
            textwrap.fill(
                text,
                width=width + (text.count("\033") * 4 if tty else 0),
                initial_indent="   ",
                subsequent_indent="   ",
            )
        )
        print()
    if not rows:
        print(f"no article contains {args.words!r}", file=sys.stderr)


# -- show -----------------------------------------------------------------------------------------------------
def render_article(article: Article, *, with_text: bool = True, width: int = 100) -> str:
    """A readable report of one Article for a terminal."""
    names = {a.id: a.name for a in article.actors}
    out: list[str] = [_bold(article.headline or "(no headline)")]
    src = article.source
    who = " / ".join(x for x in (src.publisher, src.agency) if x)
    pub = article.published.date or "undated"
    out.append(f"id {article.id} · published {pub} ({article.published.source})" + (f" · {who}" if who else ""))
    if article.authors:
        out.append("by " + ", ".join(article.authors))
    if article.dateline:
        out.append(f"dateline: {article.dateline.text}")
    if src.url or src.path:
        out.append(src.url or src.path or "")  # one of them is set

    def section(title: str, n: int) -> None:
        out.append("")
        out.append(_bold(f"{title} ({n})"))

    section("EVENTS", len(article.events))
    for ev in article.events:
        who_ = ", ".join(names.get(a, a) for a in ev.actors) or "?"
        whom = ", ".join(names.get(a, a) for a in ev.recipients)
        where = ""
        if ev.place and ev.place.name:
            where = f" @ {ev.place.name}" + (f" ({ev.place.country})" if ev.place.country else "")
        kind = ev.type + (f"/{ev.mode}" if ev.mode else "")
        out.append(
            f"  {ev.date or '-':10}  {kind:20} {who_}"
            + (f" → {whom}" if whom else "")
            + where
            + f"  [{ev.modality}, {ev.confidence:.2f}]"
        )
        out.append(
            textwrap.fill(f"“{ev.evidence.text}”", width=width, initial_indent=" " * 14, subsequent_indent=" " * 15)
        )
    section("QUOTES", len(article.quotes))
    for q in article.quotes:
        speaker = names.get(q.speaker) if q.speaker else None
        speaker = speaker or q.speaker_text or "?"
        out.append(
            textwrap.fill(
                f"{speaker}" + (f" ({q.cue})" if q.cue else "") + f": “{q.text}”",
                width=width,
                initial_indent="  ",
                subsequent_indent="    ",
            )
        )
    section("PLACES", len(article.places))
    for p in article.places:
        coords = f"{p.lat:.2f},{p.lon:.2f}" if p.lat is not None and p.lon is not None else "unresolved"
        out.append(f"  {p.text:24} {p.name or '':24} {p.country or '':4} {coords:16} {p.feature or ''}")
    section("ACTORS", len(article.actors))
    for a in article.actors:
        extra = " ".join(x for x in (a.country, a.sector, ",".join(a.roles)) if x)
        out.append(f"  {a.name:30} {a.kind:13} {extra}  ({len(a.mentions)} mentions)")
    if article.times:
        section("TIMES", len(article.times))
        for t in article.times:
            shown = t.value or t.timex or "?"
            if t.direction:  # "two years after the 2017 crisis"
                shown += f"  {t.direction} {t.anchor.text if t.anchor else '(not named)'}"
            out.append(f"  {t.text:30} {shown}")
    if with_text:
        section("TEXT", len(article.text))
        for para in article.text.split("\n"):
            out.append(textwrap.fill(para, width=width, initial_indent="  ", subsequent_indent="  ") if para else "")
    return "\n".join(out)


def run_show(args: argparse.Namespace) -> int:
    from .. import query
    from ..errors import UsageError

    store = _open(args)
    article = query.show(args.article_id, store)
    if article is None:
        raise UsageError(
            f"no article {args.article_id!r} in the store; find ids with `dateline search WORDS` or `dateline events`"
        )
    if _format(args) == "json":
        print(article.to_json(pretty=_tty()))
    else:
        width = min(100, shutil.get_terminal_size((100, 24)).columns)
        print(render_article(article, with_text=args.with_text, width=width))
    return 0
