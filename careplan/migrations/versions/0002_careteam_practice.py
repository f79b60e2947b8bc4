"""care team for a real practice: identity, teams, flag acknowledgement, action plans,
decision history, server-side sessions and login throttling

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 04:35:00
"""

from alembic import op
import sqlalchemy as sa


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("date_of_birth", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("nhs_number", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("carer_contact", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("appointment_time", sa.String(length=5), nullable=True))
        batch_op.add_column(sa.Column("team", sa.String(length=100), nullable=True))

    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("review_date", sa.Date(), nullable=True))

    with op.batch_alter_table("flags", schema=None) as batch_op:
        batch_op.add_column(sa.Column("acknowledged_by", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("acknowledged_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("acknowledged_note", sa.Text(), nullable=True))

    # Lockouts are gone (anyone could trigger one): login_throttle slows guessing instead.
    with op.batch_alter_table("clinicians", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("team", sa.String(length=100), nullable=False, server_default="default")
        )
        batch_op.add_column(sa.Column("disabled_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("totp_secret", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("password_changed_at", sa.DateTime(), nullable=True))
        batch_op.drop_column("failed_logins")
        batch_op.drop_column("locked_until")

    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("address", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("user_agent", sa.String(length=300), nullable=True))

    op.create_table(
        "goal_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("by_when", sa.Date(), nullable=True),
        sa.Column("added_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["goal_id"], ["goals.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("goal_actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_actions_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "goal_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("clinician_text", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(length=200), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["goal_id"], ["goals.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("goal_decisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_decisions_goal_id"), ["goal_id"], unique=False)
    # Decisions made before there was a history become its first entries.
    op.execute(
        "INSERT INTO goal_decisions (goal_id, status, clinician_text, reason, decided_by, decided_at) "
        "SELECT id, status, clinician_text, clinician_reason, reviewed_by, reviewed_at FROM goals "
        "WHERE status != 'draft' AND reviewed_by IS NOT NULL AND reviewed_at IS NOT NULL"
    )

    op.create_table(
        "clinician_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("clinician_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("address", sa.String(length=64), nullable=True),
        sa.Column("user_agent", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(["clinician_id"], ["clinicians.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    with op.batch_alter_table("clinician_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_clinician_sessions_clinician_id"), ["clinician_id"], unique=False
        )

    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(), nullable=False),
        sa.Column("wait_until", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("login_throttle")
    with op.batch_alter_table("clinician_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clinician_sessions_clinician_id"))
    op.drop_table("clinician_sessions")
    with op.batch_alter_table("goal_decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_decisions_goal_id"))
    op.drop_table("goal_decisions")
    with op.batch_alter_table("goal_actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_actions_goal_id"))
    op.drop_table("goal_actions")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("user_agent")
        batch_op.drop_column("address")
    with op.batch_alter_table("clinicians", schema=None) as batch_op:
        batch_op.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"))
        batch_op.drop_column("password_changed_at")
        batch_op.drop_column("totp_secret")
        batch_op.drop_column("disabled_at")
        batch_op.drop_column("team")
    with op.batch_alter_table("flags", schema=None) as batch_op:
        batch_op.drop_column("acknowledged_note")
        batch_op.drop_column("acknowledged_at")
        batch_op.drop_column("acknowledged_by")
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_column("review_date")
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.drop_column("team")
        batch_op.drop_column("appointment_time")
        batch_op.drop_column("carer_contact")
        batch_op.drop_column("nhs_number")
        batch_op.drop_column("date_of_birth")
