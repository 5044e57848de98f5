"""An index in the order every event list uses: ``(date IS NULL), date, id``.

Event lists are ordered by date (undated last), then id. Without an index on that expression
SQLite and PostgreSQL sort every matching event for each page: at 100,000 events an unfiltered
page (or a deep one) cost about 0.4 s; with it a page reads its index entries.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_order", "events", [sa.text("(date IS NULL)"), "date", "id"])


def downgrade() -> None:
    op.drop_index("ix_events_order", table_name="events")
