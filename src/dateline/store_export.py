"""Export a store: Parquet (partitioned by event month) and JSONL; PLOVER and GDELT via export.py.

Parquet layout (hive partitioning, readable by DuckDB, Spark, BigQuery, pandas):
``OUT/events/event_month=YYYY-MM/*.parquet`` (corpus events; ``unknown`` when undated or dated
by a year only),
``OUT/event_mentions/event_month=YYYY-MM/*.parquet`` (each article's report of an event, with
its evidence span), ``OUT/articles/*.parquet`` (article metadata and text), ``OUT/stories``.
JSONL: ``OUT/articles.jsonl`` (full Article records), ``OUT/events.jsonl`` (corpus events, each
with its mentions).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import sqlalchemy as sa

from .store import Store
from .store import schema as S

BATCH = 5000


def _month(date: str | None) -> str:
    """YYYY-MM of an event date; undated events and year-only dates (no month to put them in):
    "unknown" (the event's own ``date`` column keeps the year). One partition format, so that
    readers that parse ``event_month`` as a month never meet a bare year."""
    if not date or len(date) < 7:
        return "unknown"
    return date[:7]


def _rows(store: Store, query) -> Iterator[dict[str, Any]]:
    with store.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(query)
        for row in result:
            yield dict(row._mapping)


def _jsonable(v: Any) -> Any:
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


def _to_arrow(rows: list[dict[str, Any]], json_cols: set[str]):
    import pyarrow as pa

    cols: dict[str, list] = {}
    for r in rows:
        for k, v in r.items():
            if k in json_cols and v is not None and not isinstance(v, str):
                v = json.dumps(v, ensure_ascii=False)
            cols.setdefault(k, []).append(v)
    return pa.table(cols)


def _write_parquet(table_rows: Iterator[dict[str, Any]], out: Path, json_cols: set[str], partition: str | None) -> int:
    import pyarrow.dataset as ds

    n = 0
    chunk: list[dict[str, Any]] = []
    part = 0

    def flush() -> None:
        nonlocal part
        if not chunk:
            return
        tbl = _to_arrow(chunk, json_cols)
        ds.write_dataset(
            tbl,
            out,
            format="parquet",
            partitioning=[partition] if partition else None,
            partitioning_flavor="hive" if partition else None,
            basename_template=f"part-{part}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
        )
        part += 1
        chunk.clear()

    for r in table_rows:
        if partition == "event_month":
            r["event_month"] = _month(r.get("date"))
        chunk.append(r)
        n += 1
        if len(chunk) >= BATCH:
            flush()
    flush()
    return n


def export_parquet(store: Store, out: str | Path) -> dict[str, int]:
    """Write events, event mentions, articles and stories as Parquet under ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    counts["events"] = _write_parquet(
        _rows(store, sa.select(S.events).order_by(S.events.c.id)),
        out / "events",
        {"actors", "recipients"},
        "event_month",
    )
    m, a = S.event_mentions, S.articles
    mentions = (
        sa.select(m, a.c.publisher, a.c.url, a.c.published_date)
        .join_from(m, a, a.c.id == m.c.article_id)
        .order_by(m.c.article_id, m.c.local_id)
    )
    counts["event_mentions"] = _write_parquet(
        _rows(store, mentions), out / "event_mentions", {"actors", "recipients", "place"}, "event_month"
    )
    cols = [c for c in a.columns if c.name != "data"]
    counts["articles"] = _write_parquet(
        _rows(store, sa.select(*cols).order_by(a.c.id)), out / "articles", {"authors"}, None
    )
    counts["stories"] = _write_parquet(
        _rows(store, sa.select(S.stories).order_by(S.stories.c.id)), out / "stories", set(), None
    )
    return counts


def export_jsonl(store: Store, out: str | Path) -> dict[str, int]:
    """Write ``articles.jsonl`` (full Article records) and ``events.jsonl`` (corpus events with
    their mentions) under the folder ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    n_art = 0
    with (out / "articles.jsonl").open("w", encoding="utf-8") as fh:
        for article in store.iter_articles():
            fh.write(article.to_json() + "\n")
            n_art += 1
    n_ev = 0
    with (out / "events.jsonl").open("w", encoding="utf-8") as fh:
        n_ev = write_events_jsonl(store, fh)
    return {"articles": n_art, "events": n_ev}


def write_events_jsonl(store: Store, fh: IO[str]) -> int:
    m = S.event_mentions
    mentions: dict[str, list[dict]] = {}
    for r in _rows(store, sa.select(m).order_by(m.c.event_id, m.c.article_id, m.c.local_id)):
        mentions.setdefault(r["event_id"], []).append({k: _jsonable(v) for k, v in r.items() if k != "event_id"})
    n = 0
    for r in _rows(store, sa.select(S.events).order_by(S.events.c.date, S.events.c.id)):
        rec = {k: _jsonable(v) for k, v in r.items()}
        rec["mentions"] = mentions.get(r["id"], [])
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def export_lines(store: Store, fmt: str, stream: IO[str], *, all_copies: bool = False) -> int:
    """PLOVER JSONL or GDELT TSV lines (dateline.export) for stored articles; by default only each
    story's first article, so a syndicated copy does not repeat its story's events."""
    from . import export

    write = export.writer(fmt, stream)
    n = 0
    for article in store.iter_articles(one_per_story=not all_copies):
        write(article, pretty=False)
        n += 1
    return n
