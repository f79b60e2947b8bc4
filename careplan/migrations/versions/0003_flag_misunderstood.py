"""flags: the person's "that's not what I meant", with their words and the time

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 04:40:00
"""

from alembic import op
import sqlalchemy as sa


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("flags", schema=None) as batch_op:
        batch_op.add_column(sa.Column("misunderstood_words", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("misunderstood_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("flags", schema=None) as batch_op:
        batch_op.drop_column("misunderstood_at")
        batch_op.drop_column("misunderstood_words")
