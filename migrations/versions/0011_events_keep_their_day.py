"""events keep their day: a start time, their own quiet hours, Shabbat, the day-before
message and questions; guests keep the outcome of a call and their answers to questions

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 22:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('events') as batch:
        batch.add_column(sa.Column('start_time', sa.Time(), nullable=True))
        # None: the operator's QUIET_HOURS; "off": none; else "22-8" as people write it.
        batch.add_column(sa.Column('quiet_hours', sa.String(16), nullable=True))
        batch.add_column(sa.Column('shabbat', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column('day_before', sa.Boolean(), nullable=False, server_default=sa.true()))
        batch.add_column(sa.Column('questions', sa.JSON(), nullable=True))
    with op.batch_alter_table('guests') as batch:
        batch.add_column(sa.Column('answers', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('called_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('call_outcome', sa.String(16), nullable=True))
        batch.add_column(sa.Column('called_by', sa.Uuid(), sa.ForeignKey(
            'users.id', ondelete='SET NULL', name='fk_guests_called_by_users'), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('guests') as batch:
        batch.drop_constraint('fk_guests_called_by_users', type_='foreignkey')
        batch.drop_column('called_by')
        batch.drop_column('call_outcome')
        batch.drop_column('called_at')
        batch.drop_column('answers')
    with op.batch_alter_table('events') as batch:
        batch.drop_column('questions')
        batch.drop_column('day_before')
        batch.drop_column('shabbat')
        batch.drop_column('quiet_hours')
        batch.drop_column('start_time')
