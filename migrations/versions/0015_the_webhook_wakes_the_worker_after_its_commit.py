"""the webhook wakes the worker after its commit, and inbound rows skip the indexes
they have no value for

A NOTIFY takes PostgreSQL's notification lock from before its transaction commits until
after the commit has reached the disk, so webhook commits that notified queued one
behind another instead of sharing a WAL flush. The web process now sends the NOTIFY on a
connection of its own once its rows are committed (bot.whatsapp.deliveries), and the
triggers of revision 0005 go.

An inbound message has no event, guest or send batch when it is stored: the indexes on
those columns keep only the rows that have one, so storing a message writes three index
entries fewer. Every lookup on them asks for a value, which a partial index serves.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 23:50:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

CHANNEL = 'invitebot_inbox'  # bot.whatsapp.deliveries.INBOX_CHANNEL
COLUMNS = ('event_id', 'guest_id', 'batch_id')

# Revision 0005's triggers, for the downgrade.
NOTIFY_SQL = [
    f"""CREATE FUNCTION invitebot_notify_inbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM added WHERE direction = 'in') THEN
        PERFORM pg_notify('{CHANNEL}', '');
    END IF;
    RETURN NULL;
END $$""",
    f"""CREATE FUNCTION invitebot_notify_statuses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', '');
    RETURN NULL;
END $$""",
    """CREATE TRIGGER messages_notify_inbox AFTER INSERT ON messages
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION invitebot_notify_inbox()""",
    """CREATE TRIGGER early_statuses_notify_inbox AFTER INSERT ON early_statuses
    FOR EACH STATEMENT EXECUTE FUNCTION invitebot_notify_statuses()""",
]


def upgrade() -> None:
    if op.get_context().dialect.name == 'postgresql':
        op.execute("DROP TRIGGER IF EXISTS early_statuses_notify_inbox ON early_statuses")
        op.execute("DROP TRIGGER IF EXISTS messages_notify_inbox ON messages")
        op.execute("DROP FUNCTION IF EXISTS invitebot_notify_inbox()")
        op.execute("DROP FUNCTION IF EXISTS invitebot_notify_statuses()")
    for column in COLUMNS:
        where = sa.text(f'{column} IS NOT NULL')
        op.drop_index(f'ix_messages_{column}', table_name='messages')
        op.create_index(f'ix_messages_{column}', 'messages', [column], unique=False,
                        postgresql_where=where, sqlite_where=where)


def downgrade() -> None:
    for column in COLUMNS:
        op.drop_index(f'ix_messages_{column}', table_name='messages')
        op.create_index(f'ix_messages_{column}', 'messages', [column], unique=False)
    if op.get_context().dialect.name == 'postgresql':
        for statement in NOTIFY_SQL:
            op.execute(statement)
