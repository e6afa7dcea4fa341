"""guests say how many are children: the party size stays the total, children kept apart when said

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 10:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('guests') as batch:
        batch.add_column(sa.Column('children', sa.Integer(), nullable=True))
        batch.create_check_constraint('children_range', 'children IS NULL OR (children >= 0 AND children <= 50)')


def downgrade() -> None:
    with op.batch_alter_table('guests') as batch:
        batch.drop_constraint('children_range', type_='check')
        batch.drop_column('children')
