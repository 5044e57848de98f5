"""Export a store: Parquet and JSONL folders, PLOVER and GDELT event lines (via export.py).

Parquet (``export_parquet``): a folder of four tables with a fixed schema (``SCHEMAS``; every
column is documented in docs/store.md, "Export schemas"), hive-partitioned so that DuckDB, Spark,
BigQuery and pandas read each as one table:
``OUT/events/event_month=YYYY-MM/part-N.parquet`` (corpus events),
``OUT/event_mentions/event_month=YYYY-MM/part-N.parquet`` (each article's report of an event,
with its evidence span), ``OUT/articles/part-N.parquet``, ``OUT/stories/part-N.parquet``.
Undated events sit in the partition ``event_month=__HIVE_DEFAULT_PARTITION__`` (read as NULL).

An export is written into a new folder beside ``OUT`` and then put in its place in one step, so a
reader sees the old export or the new one, never a mixture, and a second export into the same
folder replaces the first instead of adding to it. A folder that holds anything but a dateline
export is refused. JSONL (``export_jsonl``) is written the same way.

PLOVER and GDELT (``write_events``, ``export_lines``): one line per corpus event (its first
report), with the store's event id, counts and first-seen time: the same lines ``dateline events
--format`` and the API give for the same events.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import sqlalchemy as sa

from .article import Article
from .errors import UsageError
from .store import Store
from .store import schema as S

if TYPE_CHECKING:
    import pyarrow as pa

BATCH = 5000
MANIFEST = "_dateline_export.json"
EXPORT_SCHEMA = "dateline.export/2"


# -- values --------------------------------------------------------------------------------------------
def typed_date(value: str | None) -> tuple[dt.date | None, str | None]:
    """``(date, precision)`` of a stored date: ``YYYY-MM-DD`` day, ``YYYY-MM`` month (its first
    day), ``YYYY`` year (1 January); anything else ``(None, None)``."""
    if not value:
        return None, None
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value), "day"
        if len(value) == 7 and value[4] == "-":
            return dt.date(int(value[:4]), int(value[5:7]), 1), "month"
        if len(value) == 4 and value.isdigit():
            return dt.date(int(value), 1, 1), "year"
    except ValueError:
        pass
    return None, None


def event_month(value: str | None) -> str | None:
    """The ``event_month`` partition of a stored date: always ``YYYY-MM`` (a year-only date in
    January of its year), None (undated or unreadable) for the partition of undated events."""
    day, _ = typed_date(value)
    return None if day is None else f"{day.year:04d}-{day.month:02d}"


def utc(value: Any) -> dt.datetime | None:
    """A stored timestamp as an aware UTC datetime (SQLite gives naive UTC, PostgreSQL aware)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _rows(store: Store, query: sa.Select) -> Iterator[dict[str, Any]]:
    with store.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(query)
        for row in result:
            yield dict(row._mapping)


def _jsonable(v: Any) -> Any:
    if isinstance(v, dt.datetime):
        return utc(v).isoformat()  # type: ignore[union-attr]
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


# -- replacing an export in one step -----------------------------------------------------------------
def _check_target(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} exists and is not a folder; give a folder path for the export")
    if out.is_dir() and any(out.iterdir()) and not (out / MANIFEST).is_file():
        raise UsageError(
            f"{out} holds files that are not a dateline export; export into a new or empty folder "
            "(an earlier export there is replaced as a whole)"
        )


def _swap(new: Path, out: Path) -> None:
    """Put the folder ``new`` at ``out`` (replacing an export there): one atomic exchange where the
    system has it (Linux renameat2), else two renames a moment apart."""
    if not out.exists():
        os.rename(new, out)
        return
    if _exchange(new, out):
        shutil.rmtree(new, ignore_errors=True)  # now the old export
        return
    old = out.with_name(f".{out.name}.old-{uuid.uuid4().hex[:8]}")
    os.rename(out, old)
    os.rename(new, out)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    try:
        import ctypes
        import ctypes.util

        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    rc = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return rc == 0


@contextlib.contextmanager
def _staged(out: str | Path, store: Store, fmt: str) -> Iterator[tuple[Path, dict[str, int]]]:
    """A new folder beside ``out`` to write an export into; on success it replaces ``out``."""
    out = Path(out)
    _check_target(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{uuid.uuid4().hex[:8]}")
    tmp.mkdir()
    counts: dict[str, int] = {}
    try:
        yield tmp, counts
        manifest = {
            "schema": EXPORT_SCHEMA,
            "format": fmt,
            "store": store.url,
            "exported_at": dt.datetime.now(dt.UTC).isoformat(),
            "counts": counts,
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        _swap(tmp, out)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


# -- Parquet ---------------------------------------------------------------------------------------
#: what the articles table exports: every column but ``data`` (the full record is in JSONL)
ARTICLE_COLUMNS = [c for c in S.articles.columns if c.name != "data"]


def _arrow(columns: Iterable[sa.Column], **typed: Any) -> pa.Schema:
    """The Arrow schema of store ``columns``, in order (:func:`_arrow_fields`)."""
    import pyarrow as pa

    return pa.schema(_arrow_fields(columns, **typed))


def _arrow_fields(columns: Iterable[sa.Column], **typed: Any) -> list[tuple[str, Any]]:
    """``(name, Arrow type)`` of store ``columns``, in order: each typed by its SQL type (text,
    whole number, float, time) unless ``typed`` names its type."""
    import pyarrow as pa

    def arrow_type(c: sa.Column) -> pa.DataType:
        if c.name in typed:
            return typed[c.name]
        if isinstance(c.type, sa.BigInteger):
            return pa.int64()
        if isinstance(c.type, sa.Integer):
            return pa.int32()
        if isinstance(c.type, sa.Float):
            return pa.float64()
        if isinstance(c.type, sa.DateTime):
            return pa.timestamp("us", tz="UTC")
        if isinstance(c.type, sa.String):
            return pa.string()
        raise TypeError(f"no Arrow type for column {c.name} ({c.type}): name it")

    return [(c.name, arrow_type(c)) for c in columns]


def _schemas() -> dict[str, pa.Schema]:
    import pyarrow as pa

    def stored(table: sa.Table, *names: str) -> list[tuple[str, Any]]:  # columns as the store has them
        return _arrow_fields([table.c[name] for name in names])

    place = pa.struct(
        [
            ("name", pa.string()),
            ("geonameid", pa.int64()),
            ("lat", pa.float64()),
            ("lon", pa.float64()),
            ("country", pa.string()),
        ]
    )
    actor = pa.struct([("id", pa.string()), ("name", pa.string()), ("country", pa.string()), ("sector", pa.string())])
    coded = [("type", pa.string()), ("mode", pa.string()), ("quad", pa.int8()), ("modality", pa.string())]
    dated = [("date", pa.date32()), ("date_precision", pa.string()), ("date_text", pa.string())]
    return {
        "events": pa.schema(
            [
                ("id", pa.string()),
                ("global_event_id", pa.int64()),
                *coded,
                *dated,
                ("actors", pa.list_(pa.string())),
                ("recipients", pa.list_(pa.string())),
                ("place", place),
                *stored(S.events, "country", "n_mentions", "n_articles", "n_stories", "n_sources"),
                *stored(S.events, "first_article_id", "first_seen"),
                ("event_month", pa.string()),
            ]
        ),
        "event_mentions": pa.schema(
            [
                *stored(S.event_mentions, "article_id", "local_id", "event_id"),
                ("global_event_id", pa.int64()),
                *stored(S.event_mentions, "story_id"),
                *coded,
                ("cameo", pa.string()),
                *dated,
                ("date_source", pa.string()),
                ("actors", pa.list_(actor)),
                ("recipients", pa.list_(actor)),
                ("place", place),
                *stored(S.event_mentions, "evidence_text", "evidence_start", "evidence_end", "confidence"),
                ("publisher", pa.string()),
                ("url", pa.string()),
                ("published_date", pa.date32()),
                ("event_month", pa.string()),
            ]
        ),
        # the store's tables as they are (but the full record), typed for Arrow
        "articles": _arrow(
            ARTICLE_COLUMNS, published_date=pa.date32(), authors=pa.list_(pa.string()), text=pa.large_string()
        ),
        "stories": _arrow(S.stories.columns, first_published=pa.date32()),
    }


def parquet_schemas() -> dict[str, Any]:
    """The fixed pyarrow schema of each exported table (what docs/store.md documents)."""
    return _schemas()


def _place(
    name: str | None, geonameid: int | None, lat: float | None, lon: float | None, country: str | None
) -> dict[str, Any] | None:
    if name is None and lat is None and geonameid is None:
        return None
    return {"name": name, "geonameid": geonameid, "lat": lat, "lon": lon, "country": country}


def _dated(value: str | None) -> dict[str, Any]:
    day, precision = typed_date(value)
    return {"date": day, "date_precision": precision, "date_text": value, "event_month": event_month(value)}


def _event_rows(store: Store) -> Iterator[dict[str, Any]]:
    from .export import global_event_id

    for r in _rows(store, sa.select(S.events).order_by(S.events.c.id)):
        yield {
            "id": r["id"],
            "global_event_id": global_event_id(r["id"]),
            "type": r["type"],
            "mode": r["mode"],
            "quad": r["quad"],
            "modality": r["modality"],
            **_dated(r["date"]),
            "actors": list(_json(r["actors"]) or []),
            "recipients": list(_json(r["recipients"]) or []),
            "place": _place(r["place_name"], r["place_geonameid"], r["lat"], r["lon"], r["country"]),
            "country": r["country"],
            "n_mentions": r["n_mentions"],
            "n_articles": r["n_articles"],
            "n_stories": r["n_stories"],
            "n_sources": r["n_sources"],
            "first_article_id": r["first_article_id"],
            "first_seen": utc(r["first_seen"]),
        }


def _mention_rows(store: Store) -> Iterator[dict[str, Any]]:
    from .export import global_event_id

    m, a, act = S.event_mentions, S.articles, S.actors
    query = (
        sa.select(m, a.c.publisher, a.c.url, a.c.published_date)
        .join_from(m, a, a.c.id == m.c.article_id)
        .order_by(m.c.article_id, m.c.local_id)
    )
    batch: list[dict[str, Any]] = []

    def flush() -> Iterator[dict[str, Any]]:
        ids = sorted({r["article_id"] for r in batch})
        names: dict[tuple[str, str], dict[str, Any]] = {}
        with store.engine.connect() as conn:
            for x in conn.execute(
                sa.select(act.c.article_id, act.c.actor_id, act.c.name, act.c.country, act.c.sector).where(
                    act.c.article_id.in_(ids)
                )
            ):
                names[(x.article_id, x.actor_id)] = {
                    "id": x.actor_id,
                    "name": x.name,
                    "country": x.country,
                    "sector": x.sector,
                }
        for r in batch:
            place = _json(r["place"]) or {}

            def people(key: str, r: dict[str, Any] = r) -> list[dict[str, Any]]:
                return [
                    names.get((r["article_id"], x), {"id": x, "name": None, "country": None, "sector": None})
                    for x in _json(r[key]) or []
                ]

            yield {
                "article_id": r["article_id"],
                "local_id": r["local_id"],
                "event_id": r["event_id"],
                "global_event_id": global_event_id(r["event_id"]),
                "story_id": r["story_id"],
                "type": r["type"],
                "mode": r["mode"],
                "quad": r["quad"],
                "modality": r["modality"],
                "cameo": r["cameo"],
                **_dated(r["date"]),
                "date_source": r["date_source"],
                "actors": people("actors"),
                "recipients": people("recipients"),
                "place": _place(
                    place.get("name"), place.get("geonameid"), place.get("lat"), place.get("lon"), place.get("country")
                )
                if place
                else None,
                "evidence_text": r["evidence_text"],
                "evidence_start": r["evidence_start"],
                "evidence_end": r["evidence_end"],
                "confidence": r["confidence"],
                "publisher": r["publisher"],
                "url": r["url"],
                "published_date": typed_date(r["published_date"])[0],
            }
        batch.clear()

    for r in _rows(store, query):
        batch.append(r)
        if len(batch) >= BATCH:
            yield from flush()
    if batch:
        yield from flush()


def _article_rows(store: Store) -> Iterator[dict[str, Any]]:
    for r in _rows(store, sa.select(*ARTICLE_COLUMNS).order_by(S.articles.c.id)):
        r["published_date"] = typed_date(r["published_date"])[0]
        r["authors"] = list(_json(r["authors"]) or [])
        r["ingested_at"] = utc(r["ingested_at"])
        yield r


def _story_rows(store: Store) -> Iterator[dict[str, Any]]:
    for r in _rows(store, sa.select(S.stories).order_by(S.stories.c.id)):
        r["first_published"] = typed_date(r["first_published"])[0]
        r["created_at"] = utc(r["created_at"])
        yield r


def _write_table(rows: Iterator[dict[str, Any]], out: Path, schema: pa.Schema, partitioned: bool) -> int:
    """Stream ``rows`` into a Parquet dataset with ``schema`` (exactly its columns and types)."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    count = 0

    def batches() -> Iterator[pa.RecordBatch]:
        nonlocal count
        chunk: list[dict[str, Any]] = []
        for r in rows:
            chunk.append(r)
            if len(chunk) >= BATCH:
                count += len(chunk)
                yield pa.RecordBatch.from_pylist(chunk, schema=schema)
                chunk = []
        if chunk:
            count += len(chunk)
            yield pa.RecordBatch.from_pylist(chunk, schema=schema)

    partitioning = ds.partitioning(pa.schema([("event_month", pa.string())]), flavor="hive") if partitioned else None
    out.mkdir(parents=True, exist_ok=True)
    ds.write_dataset(
        batches(),
        out,
        schema=schema,
        format="parquet",
        partitioning=partitioning,
        basename_template="part-{i}.parquet",
        existing_data_behavior="error",
        max_partitions=100_000,
    )
    return count


def export_parquet(store: Store, out: str | Path) -> dict[str, int]:
    """Write events, event mentions, articles and stories as Parquet under the folder ``out``
    (new, empty, or an earlier export, which is replaced in one step)."""
    schemas = _schemas()
    with _staged(out, store, "parquet") as (tmp, counts):
        counts["events"] = _write_table(_event_rows(store), tmp / "events", schemas["events"], True)
        counts["event_mentions"] = _write_table(
            _mention_rows(store), tmp / "event_mentions", schemas["event_mentions"], True
        )
        counts["articles"] = _write_table(_article_rows(store), tmp / "articles", schemas["articles"], False)
        counts["stories"] = _write_table(_story_rows(store), tmp / "stories", schemas["stories"], False)
    return counts


# -- JSONL -------------------------------------------------------------------------------------------
def export_jsonl(store: Store, out: str | Path) -> dict[str, int]:
    """Write ``articles.jsonl`` (full Article records) and ``events.jsonl`` (corpus events with
    their mentions) under the folder ``out`` (replaced in one step, as for Parquet)."""
    with _staged(out, store, "jsonl") as (tmp, counts):
        n_art = 0
        with (tmp / "articles.jsonl").open("w", encoding="utf-8") as fh:
            for article in store.iter_articles():
                fh.write(article.to_json() + "\n")
                n_art += 1
        with (tmp / "events.jsonl").open("w", encoding="utf-8") as fh:
            n_ev = write_events_jsonl(store, fh)
        counts.update(articles=n_art, events=n_ev)
    return dict(counts)


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


# -- PLOVER and GDELT lines --------------------------------------------------------------------------
def known_actors(store: Store, keys: Iterable[str] | None = None) -> dict[str, tuple[str | None, str | None]]:
    """Actor name key -> (country, sector) the store knows for it: the most frequent non-empty
    value among the articles that name the actor (only ``keys`` when given). An article that
    leaves an actor without a country or sector gets the corpus's in PLOVER and GDELT exports."""
    a = S.actors
    q = (
        sa.select(a.c.name_key, a.c.country, a.c.sector, sa.func.count().label("n"))
        .where(a.c.name_key.is_not(None), sa.or_(a.c.country.is_not(None), a.c.sector.is_not(None)))
        .group_by(a.c.name_key, a.c.country, a.c.sector)
    )
    if keys is not None:
        keys = sorted(set(keys))
        if not keys:
            return {}
        q = q.where(a.c.name_key.in_(keys))
    countries: dict[str, dict[str, int]] = {}
    sectors: dict[str, dict[str, int]] = {}
    with store.engine.connect() as conn:
        for r in conn.execute(q):
            if r.country:
                c = countries.setdefault(r.name_key, {})
                c[r.country] = c.get(r.country, 0) + r.n
            if r.sector:
                s = sectors.setdefault(r.name_key, {})
                s[r.sector] = s.get(r.sector, 0) + r.n

    def best(d: dict[str, int] | None) -> str | None:
        return min(d.items(), key=lambda kv: (-kv[1], kv[0]))[0] if d else None

    return {k: (best(countries.get(k)), best(sectors.get(k))) for k in set(countries) | set(sectors)}


def _first_mentions(conn: sa.Connection, rows: Iterable[sa.Row]) -> dict[str, tuple[str, str]]:
    """event id -> (article_id, local_id) of its first report's first mention (by position in the
    article): the mention every export and query shows for the event."""
    m = S.event_mentions
    firsts = {r.id: r.first_article_id for r in rows}
    out: dict[str, tuple[str, str]] = {}
    if not firsts:
        return out
    for mr in conn.execute(
        sa.select(m.c.article_id, m.c.local_id, m.c.event_id)
        .where(m.c.event_id.in_(sorted(firsts)), m.c.article_id.in_(sorted({a for a in firsts.values() if a})))
        .order_by(m.c.article_id, m.c.evidence_start, m.c.local_id)
    ):
        if firsts.get(mr.event_id) == mr.article_id and mr.event_id not in out:
            out[mr.event_id] = (mr.article_id, mr.local_id)
    return out


def _articles(conn: sa.Connection, ids: Iterable[str]) -> dict[str, tuple[Article, str | None]]:
    """article id -> (Article, coding date YYYY-MM-DD)."""
    a = S.articles
    out = {}
    for r in conn.execute(sa.select(a.c.id, a.c.data, a.c.ingested_at).where(a.c.id.in_(sorted(set(ids))))):
        when = utc(r.ingested_at)
        out[r.id] = (Article.from_dict(_json(r.data)), when.date().isoformat() if when else None)
    return out


def write_events(
    store: Store,
    events: Iterable[dict[str, Any] | str],
    fmt: str,
    stream: IO[str],
    *,
    header: bool = False,
    all_reports: bool = False,
    known: dict[str, tuple[str | None, str | None]] | None = None,
) -> int:
    """PLOVER JSONL or GDELT TSV lines for corpus ``events`` (records of ``query.events`` or event
    ids), in the order given: each event's first report, with the store's id, counts and
    first-seen time. ``all_reports`` (PLOVER only): a record for every report of each event.
    Returns the number of lines written (without the header)."""
    from . import export

    if fmt not in ("plover", "gdelt"):
        raise UsageError(f"unknown event format {fmt!r}; use plover or gdelt")
    if all_reports and fmt == "gdelt":
        raise UsageError(
            "GDELT rows are events, one per corpus event; for every report use --format plover "
            "with --all-copies, or the Parquet export's event_mentions"
        )
    if header and fmt == "gdelt":
        stream.write(export.gdelt_header() + "\n")
    e, m = S.events, S.event_mentions
    n = 0
    ids = [x if isinstance(x, str) else x["id"] for x in events]
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        with store.engine.connect() as conn:
            rows = {r.id: r for r in conn.execute(sa.select(e).where(e.c.id.in_(chunk)))}
            if all_reports:
                reports: dict[str, list[tuple[str, str]]] = {}
                for mr in conn.execute(
                    sa.select(m.c.event_id, m.c.article_id, m.c.local_id)
                    .where(m.c.event_id.in_(chunk))
                    .order_by(m.c.event_id, m.c.article_id, m.c.evidence_start, m.c.local_id)
                ):
                    reports.setdefault(mr.event_id, []).append((mr.article_id, mr.local_id))
            else:
                reports = {k: [v] for k, v in _first_mentions(conn, rows.values()).items()}
            arts = _articles(conn, {aid for rs in reports.values() for aid, _ in rs})
        if known is None:  # only the names these articles leave without a country or sector
            from .corpus import name_key

            missing = {name_key(x.name) for art, _ in arts.values() for x in art.actors if not (x.country and x.sector)}
            chunk_known = known_actors(store, missing)
        else:
            chunk_known = known
        for eid in chunk:
            r = rows.get(eid)
            if r is None:
                continue
            info = export.EventInfo(
                eid, r.n_mentions, r.n_sources, r.n_articles, utc(r.first_seen) if r.first_seen else None
            )
            for aid, lid in reports.get(eid, []):
                if aid not in arts:
                    continue
                article, coded = arts[aid]
                ev = next((x for x in article.events if x.id == lid), None)
                if ev is None:
                    continue
                if fmt == "plover":
                    rec = export.plover_record(article, ev, info, coded=coded, known=chunk_known)
                    stream.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    n += 1
                else:
                    row = export.gdelt_row(article, ev, info, known=chunk_known)
                    if row is not None:
                        stream.write(export.tsv_line(row) + "\n")
                        n += 1
    return n


def iter_event_ids(store: Store) -> Iterator[str]:
    """Every corpus event id, by date (undated last) then id: the order of ``dateline events``."""
    e = S.events
    q = sa.select(e.c.id).order_by(e.c.date.is_(None), e.c.date, e.c.id)
    for r in _rows(store, q):
        yield r["id"]


def export_lines(store: Store, fmt: str, stream: IO[str], *, all_copies: bool = False, header: bool = False) -> int:
    """PLOVER JSONL or GDELT TSV lines for every corpus event of the store (``write_events``);
    ``all_copies`` (PLOVER): every report of each event, not only its first."""
    known = known_actors(store)  # one pass over the actors for the whole store
    n = 0
    chunk: list[str] = []
    for eid in iter_event_ids(store):
        chunk.append(eid)
        if len(chunk) >= BATCH:
            n += write_events(store, chunk, fmt, stream, header=header and n == 0, all_reports=all_copies, known=known)
            header = False
            chunk = []
    n += write_events(store, chunk, fmt, stream, header=header, all_reports=all_copies, known=known)
    return n
