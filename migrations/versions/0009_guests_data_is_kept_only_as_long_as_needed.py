"""guests' data is kept only as long as needed: retention marks on events, forgotten guests

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 20:45:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('events') as batch:
        batch.add_column(sa.Column('retention_warned_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('purged_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('guests') as batch:
        batch.add_column(sa.Column('forgotten_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('guests') as batch:
        batch.drop_column('forgotten_at')
    with op.batch_alter_table('events') as batch:
        batch.drop_column('purged_at')
        batch.drop_column('retention_warned_at')
