"""messages know what Meta billed: the pricing category a status webhook reports as billable

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 23:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('early_statuses') as batch:
        batch.add_column(sa.Column('billed_category', sa.String(32), nullable=True))
    with op.batch_alter_table('messages') as batch:
        batch.add_column(sa.Column('billed_category', sa.String(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('messages') as batch:
        batch.drop_column('billed_category')
    with op.batch_alter_table('early_statuses') as batch:
        batch.drop_column('billed_category')
