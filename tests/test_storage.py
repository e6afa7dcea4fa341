"""The store's invariants hold in the database itself, on SQLite and on PostgreSQL."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError, StatementError

from storage.models import (
    Direction,
    Event,
    EventMember,
    Guest,
    Message,
    MessageStatus,
    Role,
    RsvpStatus,
    User,
)


def make_event(session, name="Dana & Noam's wedding", phone="+972501111111"):
    user = User(phone=phone)
    event = Event(name=name, timezone="Asia/Jerusalem")
    session.add_all([user, event])
    session.flush()
    session.add(EventMember(event_id=event.id, user_id=user.id, role=Role.admin))
    session.flush()
    return user, event


def test_one_phone_per_event(session):
    user, event = make_event(session)
    session.add(Guest(event_id=event.id, first_name="Dana", phone="+972501234567"))
    session.commit()
    session.add(Guest(event_id=event.id, first_name="Other", phone="+972501234567"))
    with pytest.raises(IntegrityError):
        session.commit()
    session.rollback()
    # The same phone in another event is fine.
    _, other = make_event(session, name="Party", phone="+972502222222")
    session.add(Guest(event_id=other.id, first_name="Dana", phone="+972501234567"))
    session.commit()
    assert session.scalar(select(func.count()).select_from(Guest)) == 2


def test_one_membership_per_user_and_event(session):
    user, event = make_event(session)
    session.commit()
    session.add(EventMember(event_id=event.id, user_id=user.id, role=Role.viewer))
    with pytest.raises(IntegrityError):
        session.commit()


@pytest.mark.parametrize(
    "table, column, bad",
    [("event_members", "role", "owner"), ("guests", "status", "maybe"), ("guests", "invitation", "lost")],
)
def test_only_the_seeds_roles_and_statuses(session, table, column, bad):
    user, event = make_event(session)
    guest = Guest(event_id=event.id, first_name="Dana", phone="+972501234567")
    session.add(guest)
    session.commit()
    target = session.get(EventMember, session.scalars(select(EventMember.id)).one()) if table == "event_members" else guest
    with pytest.raises(IntegrityError):
        session.execute(text(f"UPDATE {table} SET {column} = :bad WHERE id = :id"),
                        {"bad": bad, "id": target.id if session.bind.dialect.name == "postgresql" else target.id.hex})
        session.flush()
        session.commit()


def test_the_orm_refuses_unknown_statuses_before_the_database(session):
    user, event = make_event(session)
    session.add(Guest(event_id=event.id, first_name="Dana", phone="+972501234567", status="maybe"))
    with pytest.raises((StatementError, LookupError)):
        session.flush()


def test_party_size_must_be_sensible(session):
    _, event = make_event(session)
    session.add(Guest(event_id=event.id, first_name="Dana", phone="+972501234567", party_size=-1))
    with pytest.raises(IntegrityError):
        session.commit()


def test_a_user_needs_a_phone_or_a_whatsapp_user_id(session):
    session.add(User())
    with pytest.raises(IntegrityError):
        session.commit()
    session.rollback()
    session.add(User(wa_user_id="US.13491208655302741918"))
    session.commit()


def test_wamid_is_unique(session):
    session.add(Message(wamid="wamid.X1", direction=Direction.inbound, kind="text", status=MessageStatus.received))
    session.commit()
    session.add(Message(wamid="wamid.X1", direction=Direction.inbound, kind="text", status=MessageStatus.received))
    with pytest.raises(IntegrityError):
        session.commit()


def test_deleting_an_event_deletes_its_members_guests_and_messages(session):
    user, event = make_event(session)
    guest = Guest(event_id=event.id, first_name="Dana", phone="+972501234567")
    session.add(guest)
    session.flush()
    session.add(Message(direction=Direction.outbound, kind="invitation", event_id=event.id,
                        guest_id=guest.id, phone=guest.phone, status=MessageStatus.queued))
    _, other = make_event(session, name="Other party", phone="+972503333333")
    session.add(Guest(event_id=other.id, first_name="Kept", phone="+972501234567"))
    session.commit()

    # Delete with plain SQL, so the database's own cascades do the work.
    session.execute(text("DELETE FROM events WHERE name = :n"), {"n": event.name})
    session.commit()

    def count(model, **where):
        return session.scalar(select(func.count()).select_from(model).filter_by(**where))

    assert count(Guest) == 1 and count(Guest, event_id=other.id) == 1
    assert count(EventMember) == 1
    assert count(Message) == 0
    assert count(User) == 2  # people outlive the events they organised


def test_uuid_keys_round_trip(session):
    user, event = make_event(session)
    session.commit()
    assert isinstance(event.id, uuid.UUID)
    assert session.get(Event, event.id).name == "Dana & Noam's wedding"
    assert RsvpStatus("invited") is RsvpStatus.invited


def test_timestamps_come_back_aware_in_utc_on_every_database(session):
    from datetime import datetime, timedelta, timezone

    moment = datetime(2027, 6, 12, 19, 30, tzinfo=timezone(timedelta(hours=3)))  # 19:30 in Israel
    user = User(phone="+972501231234", last_inbound_at=moment)
    session.add(user)
    session.commit()
    session.expire_all()
    stored = session.get(User, user.id).last_inbound_at
    assert stored == moment and stored.utcoffset() == timedelta(0)
    assert stored.hour == 16
