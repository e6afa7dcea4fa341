"""guests know whether they answered themselves: an organiser marking an answer by hand is
told when it overrides the guest's own

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 18:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('guests') as batch:
        batch.add_column(sa.Column('answered_by_guest', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('guests') as batch:
        batch.drop_column('answered_by_guest')
