"""guests have a personal page link: a number in the link's signature, changed to revoke it

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08 10:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('guests') as batch:
        batch.add_column(sa.Column('link_nonce', sa.Integer(), nullable=False, server_default='0'))


def downgrade() -> None:
    with op.batch_alter_table('guests') as batch:
        batch.drop_column('link_nonce')
