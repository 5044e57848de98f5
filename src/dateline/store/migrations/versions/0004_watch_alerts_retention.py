"""Live monitoring, alerts and retention: watch_sources, watch_urls, watch_hosts, alerts,
alert_matches, alert_deliveries and purged_texts (docs/watch.md).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("kind", sa.Text),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_poll", TS),
        sa.Column("last_status", sa.Integer),
        sa.Column("last_error", sa.Text),
        sa.Column("n_polls", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "watch_urls",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("source_url", sa.Text),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("article_id", sa.String(64)),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("first_seen", TS, nullable=False),
        sa.Column("last_try", TS),
    )
    op.create_index("ix_watch_urls_source_url", "watch_urls", ["source_url"])
    op.create_table(
        "watch_hosts",
        sa.Column("origin", sa.Text, primary_key=True),
        sa.Column("robots_status", sa.Integer),
        sa.Column("robots_txt", sa.Text),
        sa.Column("robots_etag", sa.Text),
        sa.Column("robots_last_modified", sa.Text),
        sa.Column("robots_fetched_at", TS),
    )
    op.create_table(
        "alerts",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("filters", JSON, nullable=False),
        sa.Column("channel", sa.Text, nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("secret", sa.Text),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("checked_until", TS, nullable=False),
    )
    op.create_table(
        "alert_matches",
        sa.Column("alert", sa.String(64), primary_key=True),
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("state", JSON, nullable=False),
        sa.Column("first_matched", TS, nullable=False),
        sa.Column("last_changed", TS, nullable=False),
        sa.Column("n_changes", sa.Integer, nullable=False, server_default="1"),
        sa.Column("delivery_id", sa.Integer),
    )
    op.create_index("ix_alert_matches_alert_changed", "alert_matches", ["alert", "last_changed"])
    op.create_table(
        "alert_deliveries",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("alert", sa.String(64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("payload", JSON, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text),
        sa.Column("sent_at", TS),
    )
    op.create_index("ix_alert_deliveries_alert", "alert_deliveries", ["alert"])
    op.create_table(
        "purged_texts",
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("purged_at", TS, nullable=False),
        sa.Column("text_chars", sa.Integer, nullable=False),
        sa.Column("text_sha256", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    for name in (
        "purged_texts",
        "alert_deliveries",
        "alert_matches",
        "alerts",
        "watch_hosts",
        "watch_urls",
        "watch_sources",
    ):
        op.drop_table(name)
