"""create the event store

Revision ID: 0001
Revises: 
Create Date: 2026-11-24 04:26:56.106107
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('users',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('wa_user_id', sa.String(length=128), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('display_name', sa.String(length=200), nullable=True),
    sa.Column('region', sa.String(length=2), nullable=True),
    sa.Column('last_inbound_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('phone IS NOT NULL OR wa_user_id IS NOT NULL', name=op.f('ck_users_has_identity')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('phone', name=op.f('uq_users_phone')),
    sa.UniqueConstraint('wa_user_id', name=op.f('uq_users_wa_user_id'))
    )
    op.create_table('api_tokens',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('prefix', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_api_tokens_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_tokens_token_hash'))
    )
    op.create_index(op.f('ix_api_tokens_user_id'), 'api_tokens', ['user_id'], unique=False)
    op.create_table('events',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('location', sa.String(length=500), nullable=True),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('reminder_days', sa.JSON(), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('length(name) > 0', name=op.f('ck_events_name_not_empty')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_events_created_by_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    op.create_table('conversations',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('current_event_id', sa.Uuid(), nullable=True),
    sa.Column('pending', sa.JSON(), nullable=True),
    sa.Column('pending_expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('listing', sa.JSON(), nullable=True),
    sa.Column('guest_state', sa.JSON(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['current_event_id'], ['events.id'], name=op.f('fk_conversations_current_event_id_events'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_conversations_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_conversations'))
    )
    op.create_table('event_members',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('role', sa.Enum('admin', 'editor', 'viewer', name='role', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('notify', sa.Boolean(), nullable=False),
    sa.Column('added_by', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['added_by'], ['users.id'], name=op.f('fk_event_members_added_by_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_members_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_event_members_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_members')),
    sa.UniqueConstraint('event_id', 'user_id', name=op.f('uq_event_members_event_id_user_id'))
    )
    op.create_index(op.f('ix_event_members_event_id'), 'event_members', ['event_id'], unique=False)
    op.create_index(op.f('ix_event_members_user_id'), 'event_members', ['user_id'], unique=False)
    op.create_table('guests',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('added_by', sa.Uuid(), nullable=True),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('side', sa.String(length=50), nullable=True),
    sa.Column('status', sa.Enum('invited', 'confirmed', 'declined', name='rsvp_status', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('party_size', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('opted_out', sa.Boolean(), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('invitation', sa.Enum('not_sent', 'sent', 'delivered', 'read', 'failed', name='invitation_state', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('invitation_error', sa.String(length=300), nullable=True),
    sa.Column('invited_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reminded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('length(first_name) > 0', name=op.f('ck_guests_first_name_not_empty')),
    sa.CheckConstraint('party_size IS NULL OR (party_size >= 0 AND party_size <= 50)', name=op.f('ck_guests_party_size_range')),
    sa.ForeignKeyConstraint(['added_by'], ['users.id'], name=op.f('fk_guests_added_by_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_guests_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guests')),
    sa.UniqueConstraint('event_id', 'phone', name=op.f('uq_guests_event_id_phone'))
    )
    op.create_index('ix_guests_event_id', 'guests', ['event_id'], unique=False)
    op.create_index('ix_guests_event_id_phone', 'guests', ['event_id', 'phone'], unique=False)
    op.create_index('ix_guests_event_id_status', 'guests', ['event_id', 'status'], unique=False)
    op.create_index('ix_guests_phone', 'guests', ['phone'], unique=False)
    op.create_table('reminder_rounds',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('days_before', sa.Integer(), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recipients', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_reminder_rounds_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_rounds')),
    sa.UniqueConstraint('event_id', 'days_before', name=op.f('uq_reminder_rounds_event_id_days_before'))
    )
    op.create_table('send_batches',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('requested_by', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reported_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_send_batches_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['requested_by'], ['users.id'], name=op.f('fk_send_batches_requested_by_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_send_batches'))
    )
    op.create_index(op.f('ix_send_batches_event_id'), 'send_batches', ['event_id'], unique=False)
    op.create_table('messages',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('wamid', sa.String(length=255), nullable=True),
    sa.Column('direction', sa.Enum('in', 'out', name='direction', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=True),
    sa.Column('guest_id', sa.Uuid(), nullable=True),
    sa.Column('user_id', sa.Uuid(), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('body', sa.Text(), nullable=True),
    sa.Column('payload', sa.JSON(), nullable=True),
    sa.Column('fallback', sa.JSON(), nullable=True),
    sa.Column('dedupe_key', sa.String(length=200), nullable=True),
    sa.Column('batch_id', sa.Uuid(), nullable=True),
    sa.Column('status', sa.Enum('received', 'queued', 'sending', 'sent', 'delivered', 'read', 'failed', name='message_status', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('claimed_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('error_code', sa.Integer(), nullable=True),
    sa.Column('error_text', sa.String(length=500), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_messages_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['guest_id'], ['guests.id'], name=op.f('fk_messages_guest_id_guests'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_messages_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_messages')),
    sa.UniqueConstraint('dedupe_key', name=op.f('uq_messages_dedupe_key')),
    sa.UniqueConstraint('wamid', name=op.f('uq_messages_wamid'))
    )
    op.create_index(op.f('ix_messages_batch_id'), 'messages', ['batch_id'], unique=False)
    op.create_index(op.f('ix_messages_event_id'), 'messages', ['event_id'], unique=False)
    op.create_index(op.f('ix_messages_guest_id'), 'messages', ['guest_id'], unique=False)
    op.create_index('ix_messages_outbox', 'messages', ['status', 'next_attempt_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_messages_outbox', table_name='messages')
    op.drop_index(op.f('ix_messages_guest_id'), table_name='messages')
    op.drop_index(op.f('ix_messages_event_id'), table_name='messages')
    op.drop_index(op.f('ix_messages_batch_id'), table_name='messages')
    op.drop_table('messages')
    op.drop_index(op.f('ix_send_batches_event_id'), table_name='send_batches')
    op.drop_table('send_batches')
    op.drop_table('reminder_rounds')
    op.drop_index('ix_guests_phone', table_name='guests')
    op.drop_index('ix_guests_event_id_status', table_name='guests')
    op.drop_index('ix_guests_event_id_phone', table_name='guests')
    op.drop_index('ix_guests_event_id', table_name='guests')
    op.drop_table('guests')
    op.drop_index(op.f('ix_event_members_user_id'), table_name='event_members')
    op.drop_index(op.f('ix_event_members_event_id'), table_name='event_members')
    op.drop_table('event_members')
    op.drop_table('conversations')
    op.drop_table('events')
    op.drop_index(op.f('ix_api_tokens_user_id'), table_name='api_tokens')
    op.drop_table('api_tokens')
    op.drop_table('users')
