"""Guests' data is kept only as long as the event needs it, and a guest can be forgotten."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from bot.services import events, guests, retention
from bot.services.users import get_or_create_user
from bot.worker import clock, drain
from storage.models import Event, Guest, Message, RsvpStatus, utcnow
from tests.guest_helpers import GuestPhone, guest_row
from tests.phone import phone_factory  # noqa: F401  (fixture)

DANA, AVI, BEA = "+972521110001", "+972541234001", "+972541234002"


def _event(runtime, when: date, language: str = "en"):
    with runtime.transaction() as s:
        dana = get_or_create_user(s, phone=DANA, display_name="Dana", seen_at=utcnow())
        dana.language = language
        event = events.create_event(s, dana, "Dana & Noam's wedding", date=when, language=language)
        a = guests.add_guest(s, dana, event.id, guests.GuestInput(first_name="Avi", last_name="Cohen", phone=AVI))
        guests.add_guest(s, dana, event.id, guests.GuestInput(first_name="Bea", phone=BEA))
        return event.id, a.id


def _count(runtime, model, **where) -> int:
    with runtime.transaction() as s:
        query = select(func.count()).select_from(model)
        for key, value in where.items():
            query = query.where(getattr(model, key) == value)
        return s.scalar(query)


def test_admins_are_warned_a_week_before_and_the_guests_data_goes_after_retention_days(runtime, fake_graph):
    days = runtime.settings.retention_days
    event_day = date.today() - timedelta(days=days - 5)          # its data goes in 5 days
    event_id, _ = _event(runtime, event_day)
    fake_graph.open_window(DANA)
    avi = GuestPhone(runtime, fake_graph, AVI)
    avi.send("Is there parking?")                                  # a message of the guest's, kept for now
    result = clock.tick(runtime)
    assert (result.warned, result.purged) == (1, 0)
    drain(runtime)
    warning = fake_graph.sent_to(DANA)[-1].text
    assert "will be deleted on" in warning and "guests.csv" in warning
    assert clock.tick(runtime).warned == 0                         # told once
    later = utcnow() + timedelta(days=6)
    assert clock.tick(runtime, now=later).purged == 1
    assert _count(runtime, Guest, event_id=event_id) == 0
    assert _count(runtime, Message, event_id=event_id) == 0
    with runtime.transaction() as s:
        assert s.get(Event, event_id).purged_at is not None      # the event and its team stay
        kept = s.scalars(select(Message.body).where(Message.phone == AVI)).all()
    assert kept == []                                              # what Avi wrote went too


def test_an_event_long_before_its_retention_keeps_everything(runtime):
    event_id, _ = _event(runtime, date.today() + timedelta(days=30))
    result = clock.tick(runtime)
    assert (result.warned, result.purged) == (0, 0)
    assert _count(runtime, Guest, event_id=event_id) == 2


def test_a_guest_who_asks_to_be_forgotten_is_erased_from_every_event(runtime, fake_graph, phone_factory):
    event_id, avi_id = _event(runtime, date.today() + timedelta(days=30))
    avi = GuestPhone(runtime, fake_graph, AVI)
    avi.send("yes, we are 2")
    assert guest_row(runtime, avi_id).status == RsvpStatus.confirmed
    (reply,) = avi.send("please forget me")
    assert "erased" in reply
    forgotten = guest_row(runtime, avi_id)
    assert (forgotten.first_name, forgotten.last_name, forgotten.notes) == ("—", "", None) and forgotten.phone != AVI
    assert forgotten.status == RsvpStatus.confirmed and forgotten.party_size == 2   # counts stay, anonymous
    with runtime.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Message).where(Message.phone == AVI,
                                                                         Message.body.is_not(None))) <= 1
    dana = phone_factory(DANA, "Dana")
    listing = dana.send("guests")
    assert "a guest who asked to be forgotten" in listing and "Avi" not in listing
    assert retention.is_forgotten(forgotten)


def test_forget_me_in_hebrew_is_answered_in_hebrew(runtime, fake_graph):
    _event(runtime, date.today() + timedelta(days=30), language="he")
    avi = GuestPhone(runtime, fake_graph, AVI)
    (reply,) = avi.send("תמחקו את הפרטים שלי בבקשה")
    assert reply.startswith("בוצע")
    assert _count(runtime, Guest, phone=AVI) == 0


def test_deleting_an_event_removes_its_guests_and_messages_at_once(runtime, fake_graph):
    event_id, _ = _event(runtime, date.today() + timedelta(days=30))
    GuestPhone(runtime, fake_graph, AVI).send("yes")
    assert _count(runtime, Message, event_id=event_id) > 0
    with runtime.transaction() as s:
        dana = get_or_create_user(s, phone=DANA)
        events.delete_event(s, dana, event_id)
    assert _count(runtime, Guest, event_id=event_id) == 0 and _count(runtime, Message, event_id=event_id) == 0
