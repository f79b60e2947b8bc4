"""goals: the "conditions" domain is called "health", the word the care team uses

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 13:20:00
"""

from alembic import op


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE goals SET domain = 'health' WHERE domain = 'conditions'")


def downgrade() -> None:
    op.execute("UPDATE goals SET domain = 'conditions' WHERE domain = 'health'")
