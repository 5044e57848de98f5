"""Alembic environment for the dateline store.

dateline runs migrations itself when a store is opened (``dateline.store.db.open_engine``),
passing its live connection in ``config.attributes["connection"]``. Running ``alembic`` by
hand also works: ``alembic -c <this dir>/alembic.ini -x url=sqlite:///dateline.db upgrade head``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from dateline.store.schema import metadata

config = context.config
target_metadata = metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection, target_metadata=target_metadata, render_as_batch=connection.dialect.name == "sqlite"
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # pragma: no cover - manual alembic use
    from dateline.store.db import normalise_url

    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    engine = create_engine(normalise_url(url))
    with engine.begin() as conn:
        _run(conn)
