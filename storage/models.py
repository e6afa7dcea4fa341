"""Typed models of the event store. Invariants live here, as constraints the database enforces."""
from __future__ import annotations

import uuid
from datetime import date, datetime, time, timezone
from enum import Enum

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum as SAEnum,
    Float,
    false as sa_false,
    true as sa_true,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.db import Base, inline
from storage.ids import new_id


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


# The largest party one invitation may bring (the database checks it too).
MAX_PARTY_SIZE = 50


class Role(str, Enum):
    admin = "admin"
    editor = "editor"
    viewer = "viewer"


class RsvpStatus(str, Enum):
    """The seed's statuses: `invited` means no answer yet (shown to people as "pending")."""

    invited = "invited"
    confirmed = "confirmed"
    declined = "declined"


class InvitationState(str, Enum):
    not_sent = "not_sent"
    sent = "sent"
    delivered = "delivered"
    read = "read"
    failed = "failed"


class Direction(str, Enum):
    inbound = "in"
    outbound = "out"


class MessageStatus(str, Enum):
    received = "received"   # inbound, stored by the webhook, not answered yet
    answered = "answered"   # inbound, the worker ran the conversation for it
    queued = "queued"       # outbound, waiting in the outbox
    sending = "sending"     # claimed by a worker, the request may be in flight
    sent = "sent"
    delivered = "delivered"
    read = "read"
    failed = "failed"


def _enum(enum_cls, name: str):
    # VARCHAR plus a named CHECK constraint: the same on PostgreSQL and SQLite.
    return SAEnum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=16,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class UTCDateTime(TypeDecorator):
    """A moment in time, always handed back aware and in UTC.

    PostgreSQL keeps the zone; SQLite keeps none and hands back naive values. Every
    timestamp column uses this type, so no caller has to mend what SQLite returns.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(timezone.utc)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


TZ = UTCDateTime()


class User(Base):
    __tablename__ = "users"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    phone: Mapped[str | None] = mapped_column(String(20), unique=True)
    wa_user_id: Mapped[str | None] = mapped_column(String(128), unique=True)
    email: Mapped[str | None] = mapped_column(String(254))
    display_name: Mapped[str | None] = mapped_column(String(200))
    region: Mapped[str | None] = mapped_column(String(2))
    # The language this person reads: detected from what they write, or fixed with
    # `language <code>` (language_fixed: detection no longer changes it).
    language: Mapped[str | None] = mapped_column(String(2))
    language_fixed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    last_inbound_at: Mapped[datetime | None] = mapped_column(TZ)
    created_at: Mapped[datetime] = mapped_column(TZ, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(TZ, default=utcnow, onupdate=utcnow)

    __table_args__ = (
        CheckConstraint("phone IS NOT NULL OR wa_user_id IS NOT NULL", name="has_identity"),
    )


class Event(Base):
    __tablename__ = "events"
    keep_in_session = True  # read by every answer of a pass (storage.db._keep_loaded)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    date: Mapped[date | None] = mapped_column(Date)
    location: Mapped[str | None] = mapped_column(String(500))
    # When it starts, in the event's time zone (None: not said).
    start_time: Mapped[time | None] = mapped_column(Time)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    # Its own quiet hours: None follows the operator's QUIET_HOURS, "off" is none, "21-9".
    quiet_hours: Mapped[str | None] = mapped_column(String(16))
    # No message to its guests from Friday's sunset to Saturday's nightfall, nor on holidays.
    shabbat: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    # Each confirmed guest gets the time, the place and the way there the day before.
    day_before: Mapped[bool] = mapped_column(Boolean, default=True, server_default=sa_true())
    # Questions asked to the confirmed guests: [{"id": 1, "text": "Meal?", "options": [...]}].
    questions: Mapped[list | None] = mapped_column(JSON)
    reminder_days: Mapped[list[int] | None] = mapped_column(JSON)
    # What guests read: invitations, reminders, broadcast wrappers ("he", "en", "ar", "ru").
    language: Mapped[str] = mapped_column(String(2), default="en", server_default="en")
    # Retention: admins are warned a week before the guests' data goes, then it goes.
    retention_warned_at: Mapped[datetime | None] = mapped_column(TZ)
    purged_at: Mapped[datetime | None] = mapped_column(TZ)
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(TZ, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(TZ, default=utcnow, onupdate=utcnow)

    members: Mapped[list["EventMember"]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )
    guests: Mapped[list["Guest"]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        CheckConstraint("length(name) > 0", name="name_not_empty"),
        CheckConstraint("language IN ('he', 'en', 'ar', 'ru')", name="language_known"),
    )


class EventMember(Base):
    __tablename__ = "event_members"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(_enum(Role, "role"))
    notify: Mapped[bool] = mapped_column(Boolean, default=True)
    added_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(TZ, default=utcnow)

    event: Mapped[Event] = relationship(back_populates="members")
    user: Mapped[User] = relationship(foreign_keys=[user_id])

    __table_args__ = (UniqueConstraint("event_id", "user_id"),)


class Guest(Base):
    """The seed's guests_v2, with the invitation's delivery state kept apart from the RSVP."""

    __tablename__ = "guests"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    added_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(20))
    side: Mapped[str | None] = mapped_column(String(50))
    status: Mapped[RsvpStatus] = mapped_column(_enum(RsvpStatus, "rsvp_status"), default=RsvpStatus.invited)
    party_size: Mapped[int | None] = mapped_column(Integer)
    # How many of the party are children, when said ("2 adults and 3 children": party 5,
    # children 3); None when nobody said. Never more than the party (the services check).
    children: Mapped[int | None] = mapped_column(Integer)
    # Set when the guest asked to be forgotten: their name, number and notes are gone.
    forgotten_at: Mapped[datetime | None] = mapped_column(TZ)
    # Part of the guest's personal page link (/r/<token>): a new number revokes the old link.
    link_nonce: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    notes: Mapped[str | None] = mapped_column(Text)
    # Answers to the event's questions: {"<question id>": "<option>"}.
    answers: Mapped[dict | None] = mapped_column(JSON)
    # The last call a member logged: when, by whom, and what came of it ("yes", "no",
    # "maybe", "no_answer").
    called_at: Mapped[datetime | None] = mapped_column(TZ)
    called_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    call_outcome: Mapped[str | None] = mapped_column(String(16))
    opted_out: Mapped[bool] = mapped_column(Boolean, default=False)
    answered_at: Mapped[datetime | None] = mapped_column(TZ)
    # The answer is the guest's own (a tap, a text, their page), not one an organiser marked
    # by hand: marking over it says so. False for answers from before it was kept.
    answered_by_guest: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    invitation: Mapped[InvitationState] = mapped_column(
        _enum(InvitationState, "invitation_state"), default=InvitationState.not_sent
    )
    invitation_error: Mapped[str | None] = mapped_column(String(300))
    invited_at: Mapped[datetime | None] = mapped_column(TZ)
    reminded_at: Mapped[datetime | None] = mapped_column(TZ)
    created_at: Mapped[datetime] = mapped_column(TZ, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(TZ, default=utcnow, onupdate=utcnow)

    event: Mapped[Event] = relationship(back_populates="guests")

    __table_args__ = (
        UniqueConstraint("event_id", "phone"),
        Index("ix_guests_event_id", "event_id"),
        Index("ix_guests_event_id_status", "event_id", "status"),
        Index("ix_guests_event_id_phone", "event_id", "phone"),
        Index("ix_guests_phone", "phone"),
        CheckConstraint(f"party_size IS NULL OR (party_size >= 0 AND party_size <= {MAX_PARTY_SIZE})",
                        name="party_size_range"),
        CheckConstraint(f"children IS NULL OR (children >= 0 AND children <= {MAX_PARTY_SIZE})",
                        name="children_range"),
        CheckConstraint("length(first_name) > 0", name="first_name_not_empty"),
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def people(self) -> int:
        """How many this guest counts as when coming: the party size, or one when not said.
        The one rule for lists, cards, stats and the caterer's totals."""
        return self.party_size if self.party_size is not None else 1


# An inbound message not answered yet: the inbox index's condition, and the worker's claim.
INBOX_WHERE = f"direction = '{Direction.inbound.value}' AND status = '{MessageStatus.received.value}'"


def unanswered(table) -> list:
    """INBOX_WHERE for `table` (Message or an alias of it), its values written as literals
    (storage.db.inline): a plan PostgreSQL caches for a prepared statement then still proves
    that the partial index applies. With bound values it probed every unanswered message
    for every unanswered message (164 ms a claim at 1,000 waiting, 4 ms with the index)."""
    return [table.direction == inline(Direction.inbound), table.status == inline(MessageStatus.received)]


class Message(Base):
    """Every inbound and outbound message. Outbound rows are the outbox."""

    __tablename__ = "messages"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    wamid: Mapped[str | None] = mapped_column(String(255), unique=True)
    direction: Mapped[Direction] = mapped_column(_enum(Direction, "direction"))
    event_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    guest_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("guests.id", ondelete="SET NULL"))
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    phone: Mapped[str | None] = mapped_column(String(20))  # the other party
    # Inbound: who sent it (the phone, else "user:<business-scoped id>"); one sender's
    # messages are answered one at a time, in the order they were sent.
    sender: Mapped[str | None] = mapped_column(String(160))
    kind: Mapped[str] = mapped_column(String(32))
    body: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[dict | None] = mapped_column(JSON)  # outbound: what to send; inbound: the raw message
    fallback: Mapped[dict | None] = mapped_column(JSON)  # outbound: template to use outside the 24h window
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    batch_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    status: Mapped[MessageStatus] = mapped_column(_enum(MessageStatus, "message_status"))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(TZ)
    claimed_until: Mapped[datetime | None] = mapped_column(TZ)
    error_code: Mapped[int | None] = mapped_column(Integer)
    error_text: Mapped[str | None] = mapped_column(String(500))
    # What Meta billed it as (marketing, utility, ...), from a status webhook's pricing.
    billed_category: Mapped[str | None] = mapped_column(String(32))
    sent_at: Mapped[datetime | None] = mapped_column(TZ)  # inbound: when the sender sent it
    created_at: Mapped[datetime] = mapped_column(TZ, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(TZ, default=utcnow, onupdate=utcnow)

    __table_args__ = (
        Index("ix_messages_outbox", "status", "next_attempt_at"),
        # The inbox: each sender's unanswered messages in the order they were sent.
        Index("ix_messages_inbox", "sender", "sent_at", "created_at",
              postgresql_where=text(INBOX_WHERE), sqlite_where=text(INBOX_WHERE)),
        # Only rows that have one: an inbound message is stored with none of the three,
        # and every lookup asks for a value.
        *(Index(f"ix_messages_{column}", column, postgresql_where=text(f"{column} IS NOT NULL"),
                sqlite_where=text(f"{column} IS NOT NULL")) for column in ("event_id", "guest_id", "batch_id")),
    )


class Conversation(Base):
    """Per-user chat state: the current event, a pending confirmation, the last listing."""

    __tablename__ = "conversations"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    current_event_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    pending: Mapped[dict | None] = mapped_column(JSON)
    pending_expires_at: Mapped[datetime | None] = mapped_column(TZ)
    listing: Mapped[dict | None] = mapped_column(JSON)
    guest_state: Mapped[dict | None] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(TZ, default=utcnow, onupdate=utcnow)


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(TZ, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(TZ)
    revoked_at: Mapped[datetime | None] = mapped_column(TZ)


class ReminderRound(Base):
    """One automatic reminder round sent for an event: once per days-before and event date,
    so moving the event's date starts its rounds afresh."""

    __tablename__ = "reminder_rounds"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    days_before: Mapped[int] = mapped_column(Integer)
    event_date: Mapped[date | None] = mapped_column(Date)  # the date the round counted back from
    sent_at: Mapped[datetime] = mapped_column(TZ, default=utcnow)
    recipients: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (UniqueConstraint("event_id", "days_before", "event_date"),)


class SendBatch(Base):
    """One bulk send (invite, remind, broadcast, a reminder round): whom it was for and
    whether its requester has been told the final tally."""

    __tablename__ = "send_batches"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    requested_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(32))
    total: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(TZ, default=utcnow)
    reported_at: Mapped[datetime | None] = mapped_column(TZ)


class SendBudget(Base):
    """The send rate shared by every worker of one WhatsApp number: a token bucket that
    claims draw from, so several workers together stay within WHATSAPP_MAX_SEND_RATE."""

    __tablename__ = "send_budgets"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    tokens: Mapped[float] = mapped_column(Float, default=0.0)
    refilled_at: Mapped[datetime] = mapped_column(TZ, default=utcnow)
    # When the next claimed row may go: each claim takes the slots after it, 1/rate apart,
    # so the rows of several workers go out evenly spaced, not in bursts of each.
    next_slot_at: Mapped[datetime | None] = mapped_column(TZ, nullable=True)


class EarlyStatus(Base):
    """A status webhook (sent, delivered, read, failed) as the webhook stored it: the
    worker applies it to the message and the guest, then deletes it. One whose wamid is
    not recorded yet (Meta may report a send before the worker has recorded it) waits
    for it; it is pruned after a day (another app's message, a crashed send)."""

    __tablename__ = "early_statuses"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    wamid: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(16))
    error_code: Mapped[int | None] = mapped_column(Integer)
    error_text: Mapped[str | None] = mapped_column(String(500))
    billed_category: Mapped[str | None] = mapped_column(String(32))
    received_at: Mapped[datetime] = mapped_column(TZ, default=utcnow, index=True)

    __table_args__ = (UniqueConstraint("wamid", "status"),)


class RejectedUpdate(Base):
    """Something a webhook delivery carried that could not be stored as parsed (a wamid
    or user id longer than the store keeps): kept raw, with the reason, for an operator."""

    __tablename__ = "rejected_updates"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    reason: Mapped[str] = mapped_column(String(200))
    raw: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(TZ, default=utcnow, index=True)
