"""share the send rate between workers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 04:54:36.278414
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('send_budgets',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('tokens', sa.Float(), nullable=False),
    sa.Column('refilled_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_send_budgets'))
    )


def downgrade() -> None:
    op.drop_table('send_budgets')
