"""reminder rounds follow the event's date: one round per days-before and event date

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 06:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('reminder_rounds') as batch:
        batch.add_column(sa.Column('event_date', sa.Date(), nullable=True))
    # rounds sent so far counted back from the event's current date
    op.execute(
        "UPDATE reminder_rounds SET event_date = "
        "(SELECT events.date FROM events WHERE events.id = reminder_rounds.event_id)"
    )
    with op.batch_alter_table('reminder_rounds') as batch:
        batch.drop_constraint('uq_reminder_rounds_event_id_days_before', type_='unique')
        batch.create_unique_constraint(op.f('uq_reminder_rounds_event_id_days_before_event_date'),
                                       ['event_id', 'days_before', 'event_date'])


def downgrade() -> None:
    # keep one round per (event, days before): the latest
    op.execute(
        "DELETE FROM reminder_rounds WHERE EXISTS (SELECT 1 FROM reminder_rounds later "
        "WHERE later.event_id = reminder_rounds.event_id AND later.days_before = reminder_rounds.days_before "
        "AND later.sent_at > reminder_rounds.sent_at)"
    )
    with op.batch_alter_table('reminder_rounds') as batch:
        batch.drop_constraint(op.f('uq_reminder_rounds_event_id_days_before_event_date'), type_='unique')
        batch.create_unique_constraint(op.f('uq_reminder_rounds_event_id_days_before'), ['event_id', 'days_before'])
        batch.drop_column('event_date')
