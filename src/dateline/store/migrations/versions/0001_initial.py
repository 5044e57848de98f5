"""Initial store: articles, stories, sources, actors, places, times, quotes, events,
event_mentions, MinHash signatures and LSH bands, rejected inputs; full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")
ID = sa.String(64)
TS = sa.DateTime(timezone=True)


def _span_cols() -> list[sa.Column]:
    return [
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "stories",
        sa.Column("id", ID, primary_key=True),
        sa.Column("headline", sa.Text),
        sa.Column("first_published", sa.Text),
        sa.Column("originator", sa.Text),
        sa.Column("n_articles", sa.Integer, nullable=False, server_default="0"),
        sa.Column("n_sources", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "articles",
        sa.Column("id", ID, primary_key=True),
        sa.Column("story_id", ID, sa.ForeignKey("stories.id"), nullable=False),
        sa.Column("headline", sa.Text),
        sa.Column("language", sa.Text),
        sa.Column("published_date", sa.Text),
        sa.Column("published_source", sa.Text),
        sa.Column("publisher", sa.Text),
        sa.Column("agency", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("path", sa.Text),
        sa.Column("authors", JSON),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("n_events", sa.Integer, nullable=False, server_default="0"),
        sa.Column("similarity", sa.Float),
        sa.Column("ingested_at", TS, nullable=False),
        sa.Column("data", JSON, nullable=False),
    )
    op.create_index("ix_articles_story_id", "articles", ["story_id"])
    op.create_index("ix_articles_published_date", "articles", ["published_date"])
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("story_id", ID, sa.ForeignKey("stories.id"), nullable=False),
        sa.Column("article_id", ID, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("locator", sa.Text, nullable=False),
        sa.Column("publisher", sa.Text),
        sa.Column("agency", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("path", sa.Text),
        sa.Column("first_seen", TS, nullable=False),
        sa.UniqueConstraint("article_id", "locator", name="uq_sources_article_locator"),
    )
    op.create_index("ix_sources_story_id", "sources", ["story_id"])
    op.create_table(
        "actors",
        sa.Column("article_id", ID, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("actor_id", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.Text),
        sa.Column("country", sa.Text),
        sa.Column("sector", sa.Text),
        sa.Column("roles", JSON),
        sa.Column("n_mentions", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_actors_country", "actors", ["country"])
    op.create_table(
        "places",
        sa.Column("article_id", ID, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        *_span_cols(),
        sa.Column("name", sa.Text),
        sa.Column("geonameid", sa.BigInteger),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("country", sa.Text),
        sa.Column("feature", sa.Text),
        sa.Column("resolved", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_places_geonameid", "places", ["geonameid"])
    op.create_table(
        "times",
        sa.Column("article_id", ID, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        *_span_cols(),
        sa.Column("value", sa.Text),
        sa.Column("granularity", sa.Text),
    )
    op.create_table(
        "quotes",
        sa.Column("article_id", ID, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        *_span_cols(),
        sa.Column("speaker", sa.Text),
        sa.Column("speaker_text", sa.Text),
        sa.Column("cue", sa.Text),
        sa.Column("kind", sa.Text),
    )
    op.create_table(
        "events",
        sa.Column("id", ID, primary_key=True),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("mode", sa.Text),
        sa.Column("quad", sa.SmallInteger),
        sa.Column("modality", sa.Text),
        sa.Column("date", sa.Text),
        sa.Column("actors", JSON),
        sa.Column("recipients", JSON),
        sa.Column("place_name", sa.Text),
        sa.Column("place_geonameid", sa.BigInteger),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("country", sa.Text),
        sa.Column("n_mentions", sa.Integer, nullable=False, server_default="0"),
        sa.Column("n_articles", sa.Integer, nullable=False, server_default="0"),
        sa.Column("n_stories", sa.Integer, nullable=False, server_default="0"),
        sa.Column("n_sources", sa.Integer, nullable=False, server_default="0"),
        sa.Column("first_article_id", ID),
        sa.Column("first_seen", TS, nullable=False),
    )
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_country", "events", ["country"])
    op.create_table(
        "event_mentions",
        sa.Column("article_id", ID, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("local_id", sa.Text, primary_key=True),
        sa.Column("event_id", ID, sa.ForeignKey("events.id"), nullable=False),
        sa.Column("story_id", ID, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("mode", sa.Text),
        sa.Column("quad", sa.SmallInteger),
        sa.Column("modality", sa.Text),
        sa.Column("cameo", sa.Text),
        sa.Column("date", sa.Text),
        sa.Column("date_source", sa.Text),
        sa.Column("actors", JSON),
        sa.Column("recipients", JSON),
        sa.Column("place", JSON),
        sa.Column("evidence_text", sa.Text, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("confidence", sa.Float),
    )
    op.create_index("ix_event_mentions_event_id", "event_mentions", ["event_id"])
    op.create_table(
        "minhashes",
        sa.Column("article_id", ID, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("story_id", ID, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "lsh_bands",
        sa.Column("band", sa.SmallInteger, primary_key=True),
        sa.Column("hash", sa.BigInteger, primary_key=True),
        sa.Column("article_id", ID, sa.ForeignKey("articles.id"), primary_key=True),
    )
    op.create_table(
        "rejected",
        sa.Column("origin", sa.Text, primary_key=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("seen_at", TS, nullable=False),
    )
    op.create_index("ix_rejected_reason", "rejected", ["reason"])

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE articles_fts USING fts5("
            "article_id UNINDEXED, headline, text, tokenize='porter unicode61')"
        )
        op.execute(
            "CREATE VIRTUAL TABLE quotes_fts USING fts5("
            "article_id UNINDEXED, idx UNINDEXED, text, speaker_text, tokenize='porter unicode61')"
        )
    elif dialect == "postgresql":
        op.execute(
            "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english', coalesce(headline, '') || ' ' || text)) STORED"
        )
        op.execute("CREATE INDEX ix_articles_tsv ON articles USING GIN (tsv)")
        op.execute(
            "ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english', text || ' ' || coalesce(speaker_text, ''))) STORED"
        )
        op.execute("CREATE INDEX ix_quotes_tsv ON quotes USING GIN (tsv)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS quotes_fts")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for name in (
        "rejected",
        "lsh_bands",
        "minhashes",
        "event_mentions",
        "events",
        "quotes",
        "times",
        "places",
        "actors",
        "sources",
        "articles",
        "stories",
        "meta",
    ):
        op.drop_table(name)
