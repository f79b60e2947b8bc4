"""answers taken off are kept with when; what the person said during an emergency pause

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 16:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("removed_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("flags", schema=None) as batch_op:
        batch_op.add_column(sa.Column("later_words", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("flags", schema=None) as batch_op:
        batch_op.drop_column("later_words")
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.drop_column("removed_at")
