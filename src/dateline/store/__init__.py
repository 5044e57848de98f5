"""The store: articles, stories, actors, places, quotes and corpus events in SQLite or PostgreSQL.

>>> from dateline.store import Store
>>> with Store.open("sqlite:///dateline.db") as store:      # or "postgresql://user@host/db"
...     store.write(article)                                 # one article, one transaction
...     store.get_article(article.id).headline
...     store.events(type="CONSULT", since="2019-04-01")
...     store.search("nuclear programme")

Opening migrates the schema to the newest revision (Alembic). docs/store.md documents every
table; plain SQL on the same database works too.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from types import FrameType
from typing import TYPE_CHECKING, Any, TypeVar, Unpack

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..article import Article
from ..errors import InputRejected, StoreError, StoreFull, StoreUnavailable
from . import fts
from . import schema as S
from .dates import date_conditions
from .db import default_url, normalise_url, open_engine
from .filters import EventFilters, check_names, event_conditions
from .write import WriteResult, check_params, lock_writer, refresh_statistics, write_article, write_rejected

if TYPE_CHECKING:
    import numpy as np

T = TypeVar("T")

__all__ = ["Store", "WriteResult", "default_url", "normalise_url", "open_engine", "retrying", "store_error"]

PATIENCE_ENV = "DATELINE_STORE_PATIENCE"
DEFAULT_PATIENCE = 120.0

_FULL_MARKERS = ("database or disk is full", "disk i/o error", "no space left on device", "file too large")
_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}


def store_error(exc: BaseException, what: str) -> StoreError:
    """The StoreError for a database failure: :class:`StoreFull` when the disk is full (or over a
    file-size limit, or failing), :class:`StoreUnavailable` when the server cannot be reached or
    dropped the connection (worth retrying), else a plain StoreError. ``what`` says what failed."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).lower()
    sqlstate = getattr(orig, "sqlstate", None) or ""
    if (
        any(m in text for m in _FULL_MARKERS)
        or sqlstate == "53100"  # disk_full
        or (isinstance(orig, OSError) and orig.errno in _FULL_ERRNOS)
    ):
        return StoreFull(
            f"{what}: {orig}. The disk holding the store is full, over a file-size limit or failing: "
            "free space (or fix the disk) and rerun; what was stored before is kept, whole"
        )
    if isinstance(exc, sa.exc.DBAPIError):
        server = "sqlite" not in type(orig).__module__  # SQLite has no server to come back
        if exc.connection_invalidated or (server and isinstance(exc, (sa.exc.OperationalError, sa.exc.InterfaceError))):
            return StoreUnavailable(f"{what}: the database cannot be reached ({str(orig).strip()[:300]})")
    return StoreError(f"{what}: {orig.__class__.__name__}: {orig}")


def patience() -> float:
    """Seconds a writer waits for an unavailable store (``DATELINE_STORE_PATIENCE``, default 120)."""
    try:
        return max(0.0, float(os.environ.get(PATIENCE_ENV) or DEFAULT_PATIENCE))
    except ValueError:
        return DEFAULT_PATIENCE


def retrying(
    fn: Callable[[], T], *, seconds: float | None = None, on_wait: Callable[[StoreError, float], None] | None = None
) -> T:
    """``fn()``, retried while it raises :class:`StoreUnavailable` (a PostgreSQL restart, a
    dropped connection), with back-off from 0.5 s to 5 s, for at most ``seconds`` (default
    :func:`patience`); then the last error is raised. Other errors are raised at once. Each
    attempt must be a whole transaction, so a retry never doubles anything."""
    deadline = time.monotonic() + (patience() if seconds is None else seconds)
    delay = 0.5
    while True:
        try:
            return fn()
        except StoreUnavailable as exc:
            if time.monotonic() + delay > deadline:
                raise
            if on_wait is not None:
                on_wait(exc, delay)
            time.sleep(delay)
            delay = min(delay * 2, 5.0)


_EVENT_COLS = [c.name for c in S.events.columns]


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Ctrl-C (SIGINT) and SIGTERM that arrive inside the block reach their handlers after it.

    A write is one transaction: an interrupt raised in the middle of it can land inside the
    database driver (psycopg's pipelined executemany cannot even roll back then) and surface as
    a store error instead of an interrupt. Only the main thread receives signals; elsewhere, and
    for signals without a Python handler (ignored, default), this changes nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous: dict[int, Callable[[int, FrameType | None], Any]] = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        handler = signal.getsignal(signum)
        if callable(handler):
            previous[signum] = handler
    for sig in previous:
        signal.signal(sig, lambda signum, frame: pending.append(signum))
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if pending:
            previous[pending[0]](pending[0], None)


def _row(r: sa.Row) -> dict[str, Any]:
    d = dict(r._mapping)
    for k, v in list(d.items()):
        if hasattr(v, "isoformat"):
            d[k] = v.isoformat()
    return d


class Store(AbstractContextManager["Store"]):
    """A connection to one store. Thread-safe for reading; writers in several processes take turns
    (each write holds the store's writer lock for its transaction)."""

    #: Every this many writes a Store checks whether the planner's statistics are due (SQLite).
    STATS_EVERY = 500

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._params_checked = False
        self._writes = 0

    # -- lifecycle ------------------------------------------------------------------------------
    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True) -> Store:
        """Open (and create or migrate) the store at ``url`` (default ``$DATELINE_DB`` or
        ``sqlite:///dateline.db``)."""
        return cls(open_engine(url, migrate_schema=migrate))

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing --------------------------------------------------------------------------------
    def write(self, article: Article, signature: np.ndarray | None = None) -> WriteResult:
        """Store one article in one transaction. A stored id gains the source and the metadata
        this copy adds (``status="updated"``; the rule is in ``store.merge``), else nothing
        (``"duplicate"``). An interrupt during the write is raised once the article is stored or
        rolled back."""
        try:
            with interrupts_deferred(), self.engine.begin() as conn:
                lock_writer(conn)
                if not self._params_checked:
                    check_params(conn)
                result = write_article(conn, article, signature)
                self._writes += 1
                if self._writes % self.STATS_EVERY == 1:
                    refresh_statistics(conn)
            self._params_checked = True
            return result
        except StoreError:
            raise
        except Exception as exc:  # the transaction was rolled back: nothing of the article is stored
            # The driver's own message, without the SQL statement and its parameters (the text).
            raise store_error(exc, f"could not write article {article.id} to {self.url}") from exc

    def write_rejected(self, exc: InputRejected) -> None:
        try:
            with interrupts_deferred(), self.engine.begin() as conn:
                write_rejected(conn, exc)
        except StoreError:
            raise
        except Exception as err:
            raise store_error(err, f"could not record a rejected input in {self.url}") from err

    # -- reading --------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(S.articles.c.id).where(S.articles.c.id == article_id)).first() is not None

    def get_article(self, article_id: str) -> Article | None:
        """The full Article record as it was stored, or None."""
        with self.engine.connect() as conn:
            data = conn.execute(sa.select(S.articles.c.data).where(S.articles.c.id == article_id)).scalar()
        if data is None:
            return None
        return Article.from_dict(json.loads(data) if isinstance(data, str) else data)

    def articles(
        self,
        *,
        story_id: str | None = None,
        cluster_id: str | None = None,
        publisher: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Article rows (no text, no full record), newest publication first; ``since``/``until`` on
        the publication date, as everywhere (store/dates.py)."""
        a = S.articles
        cols = [c for c in a.columns if c.name not in ("text", "data")]
        q = sa.select(*cols)
        if story_id:
            q = q.where(a.c.story_id == story_id)
        if cluster_id:
            q = q.where(a.c.cluster_id == cluster_id)
        if publisher:
            q = q.where(a.c.publisher == publisher)
        q = q.where(*date_conditions(a.c.published_date, since, until))
        q = q.order_by(a.c.published_date.desc().nulls_last(), a.c.id).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [_row(r) for r in conn.execute(q)]

    def iter_articles(self, *, batch: int = 500, one_per_story: bool = False) -> Iterator[Article]:
        """Every stored Article (in id order), streamed; ``one_per_story``: each story's first only."""
        a = S.articles
        last = ""
        while True:
            q = sa.select(a.c.id, a.c.data).where(a.c.id > last).order_by(a.c.id).limit(batch)
            if one_per_story:
                q = q.where(a.c.id == a.c.story_id)
            with self.engine.connect() as conn:
                rows = conn.execute(q).all()
            if not rows:
                return
            for r in rows:
                yield Article.from_dict(json.loads(r.data) if isinstance(r.data, str) else r.data)
            last = rows[-1].id

    def _record(self, table: sa.Table, key: str, **lists: Any) -> dict[str, Any] | None:
        """The row of ``table`` whose id is ``key``, with each of ``lists`` (name: a query) as a list
        of its rows; None when there is no such row."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(table).where(table.c.id == key)).first()
            if row is None:
                return None
            out = _row(row)
            for name, q in lists.items():
                out[name] = [_row(r) for r in conn.execute(q)]
        return out

    def story(self, story_id: str) -> dict[str, Any] | None:
        """A story with its articles and sources."""
        a, src = S.articles, S.sources
        return self._record(
            S.stories,
            story_id,
            articles=sa.select(a.c.id, a.c.headline, a.c.publisher, a.c.similarity)
            .where(a.c.story_id == story_id)
            .order_by(a.c.ingested_at, a.c.id),
            sources=sa.select(src).where(src.c.story_id == story_id).order_by(src.c.id),
        )

    def events(self, *, limit: int = 100, offset: int = 0, **filters: Unpack[EventFilters]) -> list[dict[str, Any]]:
        """Corpus events (merged across articles), with their counts, by date then id, matching
        every filter given (:class:`~dateline.store.filters.EventFilters`, as ``query.events``
        takes them, but not checked; ``type`` and ``country`` in any case). ``since``/``until``
        as everywhere (store/dates.py): inclusive, ``until="2019-04"`` covers the month."""
        check_names("Store.events", filters)
        f: EventFilters = {**filters}
        if type := f.get("type"):
            f["type"] = type.upper()
        if country := f.get("country"):
            f["country"] = country.upper()
        e = S.events
        conds = event_conditions(f, self.dialect)
        q = sa.select(e).where(*conds).order_by(e.c.date.nulls_last(), e.c.id).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [_row(r) for r in conn.execute(q)]

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One corpus event with its mentions (article, story, evidence span)."""
        m = S.event_mentions
        return self._record(
            S.events,
            event_id,
            mentions=sa.select(m).where(m.c.event_id == event_id).order_by(m.c.article_id, m.c.local_id),
        )

    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over headlines and article text: ``[{id, headline, rank}]``, best first
        (rank: higher is better). The query language and its words are ``store.fts``'s, the same
        on both backends; none for a query without a word; UsageError for one it cannot read."""
        if not fts.words(query):
            return []
        with self.engine.connect() as conn:
            return [_row(r) for r in fts.search(conn, fts.ARTICLES, query, limit)]

    def search_quotes(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over quotes and their speakers: ``[{article_id, idx, text, speaker_text}]``."""
        if not fts.words(query):
            return []
        with self.engine.connect() as conn:
            return [_row(r) for r in fts.search(conn, fts.QUOTES, query, limit)]

    def counts(self, *tables: str) -> dict[str, int]:
        """Number of rows in each of ``tables`` (names of the store's tables; default: every table)."""
        known = {t.name: t for t in S.metadata.sorted_tables}
        unknown = [t for t in tables if t not in known]
        if unknown:
            raise ValueError(f"no table {unknown[0]!r} in the store; tables: {', '.join(known)}")
        with self.engine.connect() as conn:
            return {
                name: conn.execute(sa.select(sa.func.count()).select_from(known[name])).scalar_one()
                for name in (tables or known)
            }

    def rejected(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [_row(r) for r in conn.execute(sa.select(S.rejected).order_by(S.rejected.c.origin))]
