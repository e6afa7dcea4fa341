"""Guests' personal data is kept only as long as the event needs it.

* Retention: `RETENTION_DAYS` after an event (after its last change, for an event with no
  date) its guests, their answers and every message of the event are deleted; the event
  and its team stay, marked purged. Its admins are told a week before, with how to keep a
  copy.
* Forget me: a guest who asks to be forgotten has their name, number, notes and messages
  erased from every event at once; their answers stay as anonymous counts, and organisers
  see "a guest who asked to be forgotten". Such a guest gets no more messages.
* `delete event` (bot.services.events) removes an event with everything in it at once.

Israel's Protection of Privacy Law (Amendment 13) and the GDPR both expect data kept for a
purpose and deleted after it, and a way for a person to have theirs erased.
"""
from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta, timezone

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session

from storage.models import (
    Direction,
    Event,
    EventMember,
    Guest,
    Message,
    ReminderRound,
    Role,
    SendBatch,
    User,
    utcnow,
)

WARNING_AHEAD = timedelta(days=7)
FORGOTTEN_PHONE_PREFIX = "forgotten-"


def purge_at(event: Event, days: int) -> datetime:
    """When `event`'s guests' data goes: `days` after its date (after its last change if undated)."""
    if event.date is not None:
        base = datetime.combine(event.date + timedelta(days=1), time.min, tzinfo=timezone.utc)
    else:
        base = event.updated_at or event.created_at or utcnow()
        if base.tzinfo is None:
            base = base.replace(tzinfo=timezone.utc)
    return base + timedelta(days=days)


def _candidates(session: Session, now: datetime, days: int, within: timedelta) -> list[Event]:
    """Events not purged yet whose data goes before `now + within` (a cheap prefilter on the
    date; undated events are checked one by one, they are few)."""
    horizon = now + within - timedelta(days=days)
    latest_date = (horizon - timedelta(days=1)).date()
    return list(session.scalars(
        select(Event).where(Event.purged_at.is_(None))
        .where((Event.date.is_(None) & (Event.updated_at <= horizon)) | (Event.date <= latest_date))
    ))


def events_to_warn(session: Session, now: datetime, days: int) -> list[Event]:
    return [e for e in _candidates(session, now, days, WARNING_AHEAD)
            if e.retention_warned_at is None and purge_at(e, days) - WARNING_AHEAD <= now < purge_at(e, days)]


def events_to_purge(session: Session, now: datetime, days: int) -> list[Event]:
    return [e for e in _candidates(session, now, days, timedelta(0)) if purge_at(e, days) <= now]


def admins(session: Session, event: Event) -> list[User]:
    return list(session.scalars(
        select(User).join(EventMember, EventMember.user_id == User.id)
        .where(EventMember.event_id == event.id, EventMember.role == Role.admin)
    ))


def purge(session: Session, event: Event, now: datetime | None = None) -> int:
    """Delete the event's guests, answers and messages; the event and its team stay. Returns
    how many guests went. What those guests wrote to the bot goes too, unless the same
    number is a guest of another event or on a team."""
    now = now or utcnow()
    phones = set(session.scalars(select(Guest.phone).where(Guest.event_id == event.id)))
    gone = session.execute(delete(Guest).where(Guest.event_id == event.id)).rowcount or 0
    session.execute(delete(Message).where(Message.event_id == event.id))
    session.execute(delete(ReminderRound).where(ReminderRound.event_id == event.id))
    session.execute(delete(SendBatch).where(SendBatch.event_id == event.id))
    _erase_inbound(session, phones)
    event.purged_at = now
    session.flush()
    return gone


def _still_known(session: Session, phone: str) -> bool:
    guest_elsewhere = exists().where(Guest.phone == phone)
    member = exists().where(EventMember.user_id == User.id, User.phone == phone)
    return bool(session.scalar(select(guest_elsewhere | member)))


def _erase_inbound(session: Session, phones: set[str]) -> None:
    for phone in phones:
        if _still_known(session, phone):
            continue
        session.execute(
            update(Message).where(Message.direction == Direction.inbound, Message.phone == phone)
            .values(body=None, payload=None, phone=None, sender=None)
        )


def forget(session: Session, phone: str, now: datetime | None = None) -> int:
    """Erase what we hold about the guest writing from `phone`, across every event. Returns
    how many guest entries were anonymised."""
    now = now or utcnow()
    guests = list(session.scalars(select(Guest).where(Guest.phone == phone)))
    for guest in guests:
        guest.first_name = "—"  # a name is required; this one names nobody
        guest.last_name = ""
        guest.phone = f"{FORGOTTEN_PHONE_PREFIX}{uuid.uuid4().hex[:10]}"
        guest.notes = None
        guest.side = None
        guest.opted_out = True
        guest.invitation_error = None
        guest.forgotten_at = now
    session.execute(
        update(Message).where(Message.phone == phone)
        .values(body=None, payload=None, phone=None, sender=None)
    )
    user = session.scalar(select(User).where(User.phone == phone))
    if user is not None:
        user.display_name = None  # the number stays only as who writes: nothing ties it to an event
    session.flush()
    return len(guests)


def is_forgotten(guest: Guest) -> bool:
    return guest.forgotten_at is not None
