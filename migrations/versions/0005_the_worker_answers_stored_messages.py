"""the worker answers stored messages: an answered status, the sender, the inbox index,
and on PostgreSQL a NOTIFY when the webhook stores messages or statuses

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 19:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

OLD = ('received', 'queued', 'sending', 'sent', 'delivered', 'read', 'failed')
NEW = ('received', 'answered', 'queued', 'sending', 'sent', 'delivered', 'read', 'failed')
INBOX_WHERE = "direction = 'in' AND status = 'received'"
CHANNEL = 'invitebot_inbox'  # bot.whatsapp.webhook.INBOX_CHANNEL

# Statement-level triggers: one NOTIFY per INSERT (and PostgreSQL folds the same NOTIFY
# repeated in a transaction into one), sent when the transaction commits.
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


def _status(values):
    return sa.Enum(*values, name='message_status', native_enum=False, create_constraint=True, length=16)


def upgrade() -> None:
    with op.batch_alter_table('messages', recreate='auto') as batch:
        batch.add_column(sa.Column('sender', sa.String(length=160), nullable=True))
    _swap_status_check(OLD, NEW)
    # Every message stored before this revision was answered inside its webhook request.
    op.execute("UPDATE messages SET status = 'answered' WHERE direction = 'in' AND status = 'received'")
    op.create_index('ix_messages_inbox', 'messages', ['sender', 'sent_at', 'created_at'], unique=False,
                    postgresql_where=sa.text(INBOX_WHERE), sqlite_where=sa.text(INBOX_WHERE))
    if op.get_context().dialect.name == 'postgresql':
        for statement in NOTIFY_SQL:
            op.execute(statement)


def downgrade() -> None:
    if op.get_context().dialect.name == 'postgresql':
        op.execute("DROP TRIGGER IF EXISTS early_statuses_notify_inbox ON early_statuses")
        op.execute("DROP TRIGGER IF EXISTS messages_notify_inbox ON messages")
        op.execute("DROP FUNCTION IF EXISTS invitebot_notify_inbox()")
        op.execute("DROP FUNCTION IF EXISTS invitebot_notify_statuses()")
    op.drop_index('ix_messages_inbox', table_name='messages')
    op.execute("UPDATE messages SET status = 'received' WHERE status = 'answered'")
    _swap_status_check(NEW, OLD)
    with op.batch_alter_table('messages') as batch:
        batch.drop_column('sender')


def _swap_status_check(old, new) -> None:
    if op.get_context().dialect.name == 'sqlite':
        with op.batch_alter_table('messages', recreate='always') as batch:
            batch.alter_column('status', existing_type=_status(old), type_=_status(new), existing_nullable=False)
    else:
        op.drop_constraint(op.f('ck_messages_message_status'), 'messages', type_='check')
        op.create_check_constraint(op.f('ck_messages_message_status'), 'messages',
                                   sa.column('status').in_(new))
