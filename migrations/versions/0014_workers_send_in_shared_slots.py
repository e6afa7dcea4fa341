"""workers send in shared slots: the send budget keeps when the next claimed row may go,
so the rows several workers claim go out evenly spaced at the shared rate

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 21:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('send_budgets') as batch:
        batch.add_column(sa.Column('next_slot_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('send_budgets') as batch:
        batch.drop_column('next_slot_at')
