"""keep status webhooks that arrive before their send is recorded

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 06:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('early_statuses',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('wamid', sa.String(length=255), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('error_code', sa.Integer(), nullable=True),
    sa.Column('error_text', sa.String(length=500), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_early_statuses')),
    sa.UniqueConstraint('wamid', 'status', name=op.f('uq_early_statuses_wamid_status'))
    )
    op.create_index(op.f('ix_early_statuses_received_at'), 'early_statuses', ['received_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_early_statuses_received_at'), table_name='early_statuses')
    op.drop_table('early_statuses')
