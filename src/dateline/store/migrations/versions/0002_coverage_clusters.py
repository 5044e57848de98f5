"""Same-event coverage clusters: articles.cluster_id, minhashes.names_signature, cluster_bands.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("cluster_id", sa.String(64)))
        batch.create_index("ix_articles_cluster_id", ["cluster_id"])
    with op.batch_alter_table("minhashes") as batch:
        batch.add_column(sa.Column("names_signature", sa.LargeBinary))
    op.create_table(
        "cluster_bands",
        sa.Column("band", sa.SmallInteger, primary_key=True),
        sa.Column("hash", sa.BigInteger, primary_key=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("cluster_bands")
    with op.batch_alter_table("minhashes") as batch:
        batch.drop_column("names_signature")
    with op.batch_alter_table("articles") as batch:
        batch.drop_index("ix_articles_cluster_id")
        batch.drop_column("cluster_id")
