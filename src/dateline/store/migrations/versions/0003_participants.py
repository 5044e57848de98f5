"""Indexed participants: event_participants, name_words and actors.name_key, filled from the
stored actors and event mentions.

Participant filters (``--actor``) used to scan every actor row and the JSON participant lists
of every mention, a cost linear in the store; these tables let them read index entries.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

import json
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BATCH = 500  # articles per backfill step


def upgrade() -> None:
    with op.batch_alter_table("actors") as batch:
        batch.add_column(sa.Column("name_key", sa.Text))
        batch.create_index("ix_actors_name_key", ["name_key"])
    op.create_table(
        "event_participants",
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("local_id", sa.Text, primary_key=True),
        sa.Column("actor_id", sa.Text, primary_key=True),
        sa.Column("role", sa.Text, primary_key=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("name_key", sa.Text, nullable=False),
        sa.Column("country", sa.Text),
    )
    op.create_table(
        "name_words",
        sa.Column("word", sa.Text().with_variant(sa.Text(collation="C"), "postgresql"), primary_key=True),
        sa.Column("name_key", sa.Text, primary_key=True),
    )
    _backfill(op.get_bind())
    # Indexes after the bulk insert: one sort each instead of index maintenance per row.
    op.create_index("ix_event_participants_name_key", "event_participants", ["name_key", "event_id"])
    op.create_index("ix_event_participants_country", "event_participants", ["country", "event_id"])


def _backfill(conn: sa.Connection) -> None:
    """Fill the new tables from what is stored, article by article, the way the writer filled them
    for new articles when this revision was written (its rules are copied below, frozen: a
    migration must not change when today's code does)."""
    meta = sa.MetaData()
    actors = sa.Table("actors", meta, autoload_with=conn)
    mentions = sa.Table("event_mentions", meta, autoload_with=conn)
    participants = sa.Table("event_participants", meta, autoload_with=conn)
    words = sa.Table("name_words", meta, autoload_with=conn)
    ids = list(conn.execute(sa.select(actors.c.article_id).distinct().order_by(actors.c.article_id)).scalars())
    for i in range(0, len(ids), BATCH):
        chunk = ids[i : i + BATCH]
        known = {
            (r.article_id, r.actor_id): (name_key(r.name), r.country)
            for r in conn.execute(
                sa.select(actors.c.article_id, actors.c.actor_id, actors.c.name, actors.c.country).where(
                    actors.c.article_id.in_(chunk)
                )
            )
        }
        conn.execute(
            actors.update()
            .where(actors.c.article_id == sa.bindparam("a"), actors.c.actor_id == sa.bindparam("i"))
            .values(name_key=sa.bindparam("k")),
            [{"a": article, "i": actor, "k": key} for (article, actor), (key, _) in known.items()],
        )
        insert_ignore(conn, words, name_word_rows(k for k, _ in known.values()))
        insert_ignore(
            conn,
            participants,
            participant_rows(
                known,
                (
                    (r.article_id, r.local_id, r.event_id, _json(r.actors), _json(r.recipients))
                    for r in conn.execute(
                        sa.select(
                            mentions.c.article_id,
                            mentions.c.local_id,
                            mentions.c.event_id,
                            mentions.c.actors,
                            mentions.c.recipients,
                        ).where(mentions.c.article_id.in_(chunk))
                    )
                ),
            ),
        )


# -- the writer's rules as of revision 0003 (dateline.corpus.name_key, dateline.store.write) ----------
def name_key(name: str) -> str:
    """The name case-folded, accents dropped, split at anything not a letter or digit, joined by spaces."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return " ".join(re.findall(r"\w+", "".join(c for c in folded if not unicodedata.combining(c))))


def insert_ignore(conn: sa.Connection, table: sa.Table, rows: list[dict]) -> None:
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        # the dialect's own insert (both have on_conflict_do_nothing); frozen: typed, not rewritten
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    conn.execute(insert(table).on_conflict_do_nothing(), rows)


def name_word_rows(keys: Iterable[str]) -> list[dict[str, str]]:
    return [{"word": w, "name_key": k} for k in sorted(set(keys)) for w in sorted(set(k.split()))]


def participant_rows(actors: dict, mentions: Iterable[tuple[str, str, str, list[str], list[str]]]) -> list[dict]:
    """``actors`` maps (article_id, actor_id) to (name_key, country); ``mentions`` yields
    (article_id, local_id, event_id, actor ids, recipient ids)."""
    rows = {}
    for aid, local_id, event_id, acts, recs in mentions:
        for role, ids in (("actor", acts), ("recipient", recs)):
            for actor_id in ids:
                known = actors.get((aid, actor_id))
                if known is not None:
                    rows[(aid, local_id, actor_id, role)] = {
                        "article_id": aid,
                        "local_id": local_id,
                        "actor_id": actor_id,
                        "role": role,
                        "event_id": event_id,
                        "name_key": known[0],
                        "country": known[1],
                    }
    return list(rows.values())


def _json(v: Any) -> Any:
    return json.loads(v) if isinstance(v, str) else (v or [])


def downgrade() -> None:
    op.drop_index("ix_event_participants_country", "event_participants")
    op.drop_index("ix_event_participants_name_key", "event_participants")
    op.drop_table("name_words")
    op.drop_table("event_participants")
    with op.batch_alter_table("actors") as batch:
        batch.drop_index("ix_actors_name_key")
        batch.drop_column("name_key")
