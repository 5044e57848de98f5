"""Output formats shared by the CLI (``dateline events|actors|search``) and the REST API.

One definition of each: the CSV columns of events, actors and search hits (``EVENT_CSV``,
``ACTOR_CSV``, ``SEARCH_CSV``), the CSV and JSON Lines writers, the event formats
(``EVENT_FORMATS``: json, csv, plover, gdelt) with their media types, and ``write_events``, the
one dispatch that writes pages of ``query.events`` records in any of them (PLOVER JSONL and
GDELT TSV through :func:`dateline.store_export.write_events`). The CLI's terminal tables are
not here: they are the CLI's own.
"""

from __future__ import annotations

import csv
import json
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any, Literal, get_args

Columns = list[tuple[str, Callable[[dict[str, Any]], Any]]]

EventFormat = Literal["json", "csv", "plover", "gdelt"]
EVENT_FORMATS: tuple[str, ...] = get_args(EventFormat)
ROW_FORMATS: tuple[str, ...] = ("json", "csv")  # actors and search hits

# Media types the API answers with for each non-JSON event format.
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "plover": "application/x-ndjson; charset=utf-8",
    "gdelt": "text/tab-separated-values; charset=utf-8",
}


def highlight(snippet: str, marks: Sequence[Sequence[int]], *, tty: bool) -> str:
    """The snippet with its matches in bold (terminal) or between « » (files and pipes)."""
    left, right = ("\033[1m", "\033[0m") if tty else ("«", "»")
    out, pos = [], 0
    for s, e in marks:
        out.append(snippet[pos:s] + left + snippet[s:e] + right)
        pos = e
    out.append(snippet[pos:])
    return "".join(out)


def _keys(*names: str) -> Columns:
    """Columns that are the record's fields of those names."""
    return [(k, operator.itemgetter(k)) for k in names]


def _place(key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda r: (r["place"] or {}).get(key)


EVENT_CSV: Columns = [
    *_keys("id", "date", "type", "mode", "quad", "modality"),
    ("actors", lambda r: "; ".join(r["actors"])),
    ("recipients", lambda r: "; ".join(r["recipients"])),
    ("place", _place("name")),
    *[(k, _place(k)) for k in ("lat", "lon", "country")],
    *_keys("cameo", "confidence"),
    ("evidence", lambda r: (r["evidence"] or {}).get("text")),
    *_keys("article_id", "headline", "published", "n_articles", "n_sources"),
    ("distance_km", lambda r: r.get("distance_km")),
]

ACTOR_CSV: Columns = [
    *_keys("name", "kind", "country", "sector"),
    ("roles", lambda r: "; ".join(r["roles"])),
    *_keys("n_articles", "n_mentions", "n_events"),
]

SEARCH_CSV: Columns = [
    *_keys("id", "rank", "published", "publisher", "headline"),
    ("snippet", lambda r: highlight(r["snippet"], r["highlights"], tty=False)),
]


def write_csv(rows: Iterable[dict[str, Any]], columns: Columns, stream: IO[str]) -> None:
    """CSV with a header line of the column names, then a line a row (None as an empty cell)."""
    w = csv.writer(stream, lineterminator="\n")
    w.writerow([c for c, _ in columns])
    for r in rows:
        w.writerow(["" if (v := f(r)) is None else v for _, f in columns])


def write_json_lines(rows: Iterable[Any], stream: IO[str]) -> None:
    """One JSON record a line (UTF-8 text kept as it is)."""
    for r in rows:
        stream.write(json.dumps(r, ensure_ascii=False) + "\n")


def write_rows(pages: Iterable[Iterable[dict[str, Any]]], fmt: str, columns: Columns, stream: IO[str]) -> None:
    """Pages of rows (actors, search hits) as JSON Lines or as CSV with ``columns``."""
    if fmt == "json":
        for page in pages:
            write_json_lines(page, stream)
    elif fmt == "csv":
        write_csv((r for page in pages for r in page), columns, stream)
    else:
        raise ValueError(f"unknown row format {fmt!r}; use one of {', '.join(ROW_FORMATS)}")


def write_events(
    store: Any, pages: Iterable[Sequence[dict[str, Any]]], fmt: str, stream: IO[str], *, header: bool = False
) -> None:
    """Pages of ``query.events`` records in ``fmt`` (one of EVENT_FORMATS): JSON Lines, CSV
    (EVENT_CSV, one header line), PLOVER JSONL or GDELT TSV (``header``: GDELT's column names
    first). ``store`` is the store the events came from (PLOVER and GDELT read counts and actor
    codes from it)."""
    if fmt in ROW_FORMATS:
        write_rows(pages, fmt, EVENT_CSV, stream)
    elif fmt in ("plover", "gdelt"):
        from .store_export import write_events as write_lines

        for n, page in enumerate(pages):
            write_lines(store, page, fmt, stream, header=header and n == 0)
    else:
        raise ValueError(f"unknown event format {fmt!r}; use one of {', '.join(EVENT_FORMATS)}")
