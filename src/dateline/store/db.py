"""Open a store: an SQLAlchemy engine for an SQLite file or a PostgreSQL URL, migrated to head.

URLs: ``sqlite:///path/to/file.db`` (default ``sqlite:///dateline.db``, or ``$DATELINE_DB``), a
bare file path (taken as SQLite), ``postgresql://user:pass@host/db`` (driver psycopg 3, from the
``postgres`` extra). SQLite connections use WAL, ``synchronous=NORMAL``, foreign keys and a
busy timeout, so readers (query, serve, ingest workers) never block the one writer.
"""

from __future__ import annotations

import math
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..errors import StoreError

DEFAULT_URL = "sqlite:///dateline.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def default_url() -> str:
    return os.environ.get("DATELINE_DB") or DEFAULT_URL


def normalise_url(url: str | os.PathLike | None) -> str:
    """A full SQLAlchemy URL for what the user typed (None: the default)."""
    if url is None:
        url = default_url()
    url = os.fspath(url)
    if "://" not in url:
        return "sqlite:///" + url  # a bare path
    scheme, rest = url.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + rest
    if scheme in ("sqlite", "postgresql+psycopg", "postgresql+psycopg2"):
        return url
    raise StoreError(f"unsupported store URL {url!r}: use sqlite:///FILE or postgresql://USER@HOST/DB")


BUSY_TIMEOUT_S = 60


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
    _wal(cur)
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    try:
        cur.execute("SELECT sin(0), cos(0), radians(0)")
    except sqlite3.OperationalError:  # an SQLite built without its math functions: radius queries need them
        for name, fn in (("sin", math.sin), ("cos", math.cos), ("radians", math.radians)):
            dbapi_conn.create_function(name, 1, _null_safe(fn), deterministic=True)
    cur.close()


def _null_safe(fn: Callable[[float], float]) -> Callable[[float | None], float | None]:
    return lambda x: None if x is None else fn(x)


def _wal(cur: sqlite3.Cursor) -> None:
    """Switch the file to WAL, retrying while another connection holds a lock.

    The switch needs an exclusive lock, and SQLite answers "database is locked" at once, without
    waiting out the busy timeout, when waiting could deadlock (another process is committing the
    schema of a new file while this one reads it): several processes opening a new store together
    meet exactly that. WAL persists in the file, so only the first opens of a new file retry.
    """
    deadline, delay = time.monotonic() + BUSY_TIMEOUT_S, 0.005
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


def create(url: str | None = None) -> Engine:
    """An engine for ``url`` (no migration)."""
    full = normalise_url(url)
    try:
        if full.startswith("sqlite"):
            path = full.split(":///", 1)[1] if ":///" in full else ""
            if path and path != ":memory:":
                parent = Path(path).expanduser().resolve().parent
                if not parent.is_dir():
                    raise StoreError(f"cannot create the store {path!r}: folder {str(parent)!r} does not exist")
            engine = sa.create_engine(full, connect_args={"timeout": BUSY_TIMEOUT_S})
            sa.event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = sa.create_engine(full, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise StoreError(
            f"the database driver is not installed ({exc.name}); for PostgreSQL run `pip install 'dateline[postgres]'`"
        ) from exc
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (Alembic), creating it in an empty database.

    Several processes may open a new store at once (two ingests started together): one
    migrates while the others wait for it, on PostgreSQL behind an advisory lock, on SQLite
    behind the database's write lock (``BEGIN IMMEDIATE``), and then find the schema at head.
    A database that holds tables but no dateline schema is refused, never written into.
    """
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    shown = engine.url.render_as_string(hide_password=True)
    migrator = _locking_sqlite_engine(engine) if engine.dialect.name == "sqlite" else engine
    try:
        with engine.connect() as conn:
            if MigrationContext.configure(conn).get_current_revision() == head:
                return
        with migrator.begin() as conn:
            if engine.dialect.name == "postgresql":
                # One migrator at a time when several processes open a new database together.
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(7428519)"))
            current = MigrationContext.configure(conn).get_current_revision()
            if current == head:
                return
            if current is None:
                foreign = set(sa.inspect(conn).get_table_names()) - set(_our_tables())
                if foreign:
                    raise StoreError(
                        f"{shown} is not a dateline store: it holds other tables "
                        f"({', '.join(sorted(foreign)[:5])}); give a new file or database, or a dateline store"
                    )
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except sa.exc.DBAPIError as exc:
        if engine.dialect.name == "sqlite" and "not a database" in str(exc.orig):
            raise StoreError(
                f"{shown} is not a dateline store (SQLite: {exc.orig}); give the path of a store that "
                "`dateline ingest` made, or a new file name"
            ) from None
        raise StoreError(f"cannot open the store {shown}: {exc.orig}") from exc
    finally:
        if migrator is not engine:
            migrator.dispose()


def _our_tables() -> list[str]:
    from .schema import metadata

    return [*metadata.tables, "alembic_version"]


def _locking_sqlite_engine(engine: Engine) -> Engine:
    """An engine on the same SQLite file whose transactions start with ``BEGIN IMMEDIATE`` (the
    write lock, waited for up to the busy timeout) and hold the DDL too: Python's sqlite3 module
    would otherwise run CREATE TABLE outside any transaction, and two processes creating the
    schema together would collide ("table meta already exists")."""
    from sqlalchemy.pool import NullPool

    locking = sa.create_engine(engine.url, connect_args={"timeout": BUSY_TIMEOUT_S}, poolclass=NullPool)

    @sa.event.listens_for(locking, "connect")
    def _connect(dbapi_conn: sqlite3.Connection, record: object) -> None:
        _sqlite_pragmas(dbapi_conn, record)
        dbapi_conn.isolation_level = None  # no implicit BEGIN: the "begin" hook below decides

    @sa.event.listens_for(locking, "begin")
    def _begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return locking


def open_engine(url: str | None = None, *, migrate_schema: bool = True) -> Engine:
    """Create an engine for ``url`` and migrate it to head (the normal way to open a store)."""
    engine = create(url)
    if migrate_schema:
        migrate(engine)
    return engine
