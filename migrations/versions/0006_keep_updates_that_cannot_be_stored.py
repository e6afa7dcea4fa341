"""keep what a delivery carried that cannot be stored as parsed, raw, with the reason

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 20:10:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rejected_updates',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rejected_updates'))
    )
    op.create_index(op.f('ix_rejected_updates_received_at'), 'rejected_updates', ['received_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_rejected_updates_received_at'), table_name='rejected_updates')
    op.drop_table('rejected_updates')
