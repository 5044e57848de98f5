"""Lookups that stay fast as the store grows: coverage bands by publication day, events by type in order.

- ``cluster_bands.day``: the article's publication day (``date.toordinal()``; null when the
  article is undated or its date is not a whole day) and an index on ``(band, hash, day)``. Finding
  an article's coverage cluster reads only the band entries of articles published within the
  coverage window (and of undated ones), not every article sharing a band and then the window:
  with names LSH at threshold 0.15 most articles share a band, so at 6,000 articles one write
  spent 1.4 s fetching candidates it then threw away.
- ``ix_events_type_order`` on ``(type, (date IS NULL), date, id)`` replaces ``ix_events_type``:
  a page of one type reads its entries in the list order instead of sorting every event of the
  type.
- ``ix_events_lat_lon`` on ``(lat, lon, date, id)``: a radius query reads the latitude band of its
  bounding box from the index, tests the distance there, and counts and pages its matches without
  reading the rows (it fetched every event in the box and measured each in Python: 0.14 s a page
  at 58,000 events).
- ``ix_events_link`` on ``(id, type, modality, first_seen, date)``: linking a new mention looks up
  every event of its participants by id and tests these columns; read from the index rather than
  the wide rows, a popular participant's lookup cost a fifth (0.13 s to 0.02-0.04 s at 58,000).
- A word index of the events' evidence sentences: SQLite's FTS5 table ``mentions_fts(words)``,
  whose rowid is the key of ``mentions_fts_keys(key, article_id, local_id, event_id)``,
  PostgreSQL's ``event_mentions.tsv`` with a GIN index, both holding the words
  that ``dateline.store.fts`` makes (the rule is copied below, frozen). The event ``text`` filter
  looked for each word with ``LIKE '%word%'`` over every sentence, twice a page (0.08 s at 58,000
  events, and a substring: "war" found "software"); it now reads the words' index entries.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

import re
import unicodedata
from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

BATCH = 1000
MAX_WORDS = 16_000
_WORD = re.compile(r"[^\W_]+")
MENTIONS_FTS = "CREATE VIRTUAL TABLE mentions_fts USING fts5(words, tokenize='unicode61 remove_diacritics 0')"
MENTIONS_FTS_KEYS = (
    "CREATE TABLE mentions_fts_keys (key INTEGER PRIMARY KEY, article_id VARCHAR(64) NOT NULL, "
    "local_id TEXT NOT NULL, event_id VARCHAR(64) NOT NULL, UNIQUE (article_id, local_id))"
)


def _words(text: str | None) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text or "")
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _WORD.findall(folded)[:MAX_WORDS]


def _tsvector(text: str | None) -> str:
    return " ".join("'" + w.replace("\\", "\\\\").replace("'", "''") + "'" for w in sorted(set(_words(text))))


def _index_mentions(conn: sa.Connection) -> None:
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        op.execute("DROP TABLE IF EXISTS mentions_fts")
        op.execute("DROP TABLE IF EXISTS mentions_fts_keys")
        op.execute(MENTIONS_FTS)
        op.execute(MENTIONS_FTS_KEYS)
    else:
        op.execute("ALTER TABLE event_mentions ADD COLUMN tsv tsvector")
    last, key = ("", ""), 0
    while True:
        rows = conn.execute(
            sa.text(
                "SELECT article_id, local_id, event_id, evidence_text FROM event_mentions "
                "WHERE article_id > :a OR (article_id = :a AND local_id > :l) ORDER BY article_id, local_id LIMIT :n"
            ),
            {"a": last[0], "l": last[1], "n": BATCH},
        ).all()
        if not rows:
            break
        last = (rows[-1].article_id, rows[-1].local_id)
        if sqlite:
            keys = range(key + 1, key + 1 + len(rows))
            key += len(rows)
            conn.execute(
                sa.text("INSERT INTO mentions_fts_keys(key, article_id, local_id, event_id) VALUES (:k, :a, :l, :e)"),
                [
                    {"k": k, "a": r.article_id, "l": r.local_id, "e": r.event_id}
                    for k, r in zip(keys, rows, strict=True)
                ],
            )
            conn.execute(
                sa.text("INSERT INTO mentions_fts(rowid, words) VALUES (:k, :w)"),
                [{"k": k, "w": " ".join(_words(r.evidence_text))} for k, r in zip(keys, rows, strict=True)],
            )
        else:
            conn.execute(
                sa.text("UPDATE event_mentions SET tsv = CAST(:v AS tsvector) WHERE article_id = :a AND local_id = :l"),
                [{"a": r.article_id, "l": r.local_id, "v": _tsvector(r.evidence_text)} for r in rows],
            )
    if not sqlite:
        op.execute("CREATE INDEX ix_event_mentions_tsv ON event_mentions USING GIN (tsv)")


def _day(published: str | None) -> int | None:
    """The rule of ``dateline.store.write.publication_day``, frozen."""
    if not published or len(published) != 10:
        return None
    try:
        return date.fromisoformat(published).toordinal()
    except ValueError:
        return None


def upgrade() -> None:
    conn = op.get_bind()
    op.add_column("cluster_bands", sa.Column("day", sa.Integer))
    rows = conn.execute(
        sa.text(
            "SELECT id, published_date FROM articles WHERE published_date IS NOT NULL AND length(published_date) = 10"
        )
    ).all()
    days = [{"a": r.id, "d": d} for r in rows if (d := _day(r.published_date)) is not None]
    # One UPDATE through a keyed scratch table: cluster_bands has no index that leads with
    # article_id, so an UPDATE per article would scan the whole table each time.
    scratch = op.create_table(
        "_article_days", sa.Column("a", sa.Text, primary_key=True), sa.Column("d", sa.Integer, nullable=False)
    )
    for i in range(0, len(days), BATCH):
        conn.execute(scratch.insert(), days[i : i + BATCH])
    conn.execute(
        sa.text("UPDATE cluster_bands SET day = (SELECT d FROM _article_days WHERE a = cluster_bands.article_id)")
    )
    op.drop_table("_article_days")
    op.create_index("ix_cluster_bands_day", "cluster_bands", ["band", "hash", "day"])
    op.drop_index("ix_events_type", table_name="events")
    op.create_index("ix_events_type_order", "events", ["type", sa.text("(date IS NULL)"), "date", "id"])
    op.create_index("ix_events_lat_lon", "events", ["lat", "lon", "date", "id"])
    op.create_index("ix_events_link", "events", ["id", "type", "modality", "first_seen", "date"])
    _index_mentions(conn)


def downgrade() -> None:
    op.drop_index("ix_events_link", table_name="events")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS mentions_fts")
        op.execute("DROP TABLE IF EXISTS mentions_fts_keys")
    else:
        op.execute("DROP INDEX IF EXISTS ix_event_mentions_tsv")
        op.execute("ALTER TABLE event_mentions DROP COLUMN IF EXISTS tsv")
    op.drop_index("ix_events_lat_lon", table_name="events")
    op.drop_index("ix_events_type_order", table_name="events")
    op.create_index("ix_events_type", "events", ["type"])
    op.drop_index("ix_cluster_bands_day", table_name="cluster_bands")
    with op.batch_alter_table("cluster_bands") as batch:
        batch.drop_column("day")
