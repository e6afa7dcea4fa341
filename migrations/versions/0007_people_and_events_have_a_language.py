"""people and events have a language: what a person reads, and what an event's guests read

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 19:50:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('language', sa.String(length=2), nullable=True))
        batch.add_column(sa.Column('language_fixed', sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table('events') as batch:
        batch.add_column(sa.Column('language', sa.String(length=2), server_default='en', nullable=False))
        batch.create_check_constraint('language_known', "language IN ('he', 'en', 'ar', 'ru')")


def downgrade() -> None:
    with op.batch_alter_table('events') as batch:
        batch.drop_constraint('language_known', type_='check')
        batch.drop_column('language')
    with op.batch_alter_table('users') as batch:
        batch.drop_column('language_fixed')
        batch.drop_column('language')
