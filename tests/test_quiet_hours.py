"""No invitation, reminder or broadcast reaches a guest at night; replies are never held."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from bot.services import events, guests, outbox as service_outbox, rsvp, sending
from bot.services.users import get_or_create_user
from bot.text.hours import parse_quiet_hours, quiet_until
from bot.worker import drain
from storage.models import Guest, User

DANA, AVI = "+972521110001", "+972541234001"
# 23:30 in Jerusalem (UTC+2 in December), and 08:05 the next morning.
NIGHT = datetime(2026, 12, 10, 21, 30, tzinfo=timezone.utc)
MORNING = datetime(2026, 12, 11, 6, 5, tzinfo=timezone.utc)


@pytest.mark.parametrize("text, at, expected", [
    ("22-8", datetime(2026, 12, 10, 21, 30, tzinfo=timezone.utc), datetime(2026, 12, 11, 6, 0, tzinfo=timezone.utc)),
    ("22-8", datetime(2026, 12, 11, 3, 0, tzinfo=timezone.utc), datetime(2026, 12, 11, 6, 0, tzinfo=timezone.utc)),
    ("22-8", datetime(2026, 12, 11, 12, 0, tzinfo=timezone.utc), None),
    ("21:30-07:15", datetime(2026, 12, 10, 19, 45, tzinfo=timezone.utc),
     datetime(2026, 12, 11, 5, 15, tzinfo=timezone.utc)),
    ("13-15", datetime(2026, 12, 11, 11, 30, tzinfo=timezone.utc), datetime(2026, 12, 11, 13, 0, tzinfo=timezone.utc)),
    ("off", datetime(2026, 12, 10, 21, 30, tzinfo=timezone.utc), None),
])
def test_when_the_quiet_ends_in_the_events_time_zone(text, at, expected):
    assert quiet_until(at, "Asia/Jerusalem", parse_quiet_hours(text)) == expected


@pytest.mark.parametrize("bad", ["22", "25-8", "night", "22-8-9"])
def test_quiet_hours_that_cannot_be_read_are_refused(bad):
    with pytest.raises(ValueError):
        parse_quiet_hours(bad)


def _invited(rt, *guest_phones: str, extra=None):
    """Dana's Jerusalem wedding with these guests, their invitations queued (and `extra(session)`
    done in the same transaction); (event id, Dana's user id)."""
    with rt.transaction() as s:
        dana = get_or_create_user(s, phone=DANA, display_name="Dana")
        event = events.create_event(s, dana, "Wedding", date=date(2027, 6, 12), timezone="Asia/Jerusalem")
        for n, guest_phone in enumerate(guest_phones):
            guests.add_guest(s, dana, event.id, guests.GuestInput(first_name=f"Guest{n}", phone=guest_phone))
        sending.send_invitations(s, dana, event.id)
        if extra:
            extra(s)
        return event.id, dana.id


@pytest.fixture
def quiet_runtime(app_with):
    return app_with(quiet_hours="22-8").extensions["invitebot"]


def test_an_invitation_sent_at_night_waits_for_the_morning_and_a_reply_does_not(quiet_runtime, fake_graph):
    rt = quiet_runtime
    fake_graph.window_enforced = False
    _invited(rt, AVI, extra=lambda s: service_outbox.enqueue(
        s, phone=DANA, message=service_outbox.text("📤 Sending 1 invitation…"), kind="reply"))
    drain(rt, clock=lambda: NIGHT)
    assert fake_graph.sent_to(AVI) == []                 # 23:30 in Jerusalem: it waits
    assert len(fake_graph.sent_to(DANA)) == 1            # the organiser's reply does not
    drain(rt, clock=lambda: NIGHT.replace(hour=23))      # still night
    assert fake_graph.sent_to(AVI) == []
    drain(rt, clock=lambda: MORNING)                     # 08:05: it goes, once
    assert len(fake_graph.sent_to(AVI)) == 1
    drain(rt, clock=lambda: MORNING.replace(hour=7))
    assert len(fake_graph.sent_to(AVI)) == 1


def test_a_reminder_held_for_the_night_is_not_sent_to_a_guest_who_answered_meanwhile(quiet_runtime, fake_graph):
    """Reminded at 23:30, held for the morning; one guest answers at night, one doesn't: only the
    one who still owes an answer is reminded, and the organiser's tally counts no failure."""
    rt = quiet_runtime
    fake_graph.window_enforced = False
    bea = "+972541234002"
    event_id, dana_id = _invited(rt, AVI, bea)
    drain(rt, clock=lambda: MORNING.replace(day=10))     # the invitations, by day
    with rt.transaction() as s:
        sending.send_reminders(s, s.get(User, dana_id), event_id)
    drain(rt, clock=lambda: NIGHT)                        # held for the night
    assert len(fake_graph.sent_to(AVI)) == len(fake_graph.sent_to(bea)) == 1
    with rt.transaction() as s:
        avi = s.query(Guest).filter_by(phone=AVI).one()
        rsvp.record_answer(s, avi, "yes", 2, via="text")  # Avi answers at night
    drain(rt, clock=lambda: MORNING, tick=True)
    drain(rt, clock=lambda: MORNING, tick=True)
    assert len(fake_graph.sent_to(AVI)) == 1               # no reminder after his yes
    assert len(fake_graph.sent_to(bea)) == 2               # Bea still owes an answer
    tally = [m.text for m in fake_graph.sent_to(DANA) if "Reminders" in (m.text or "")]
    assert tally == ["✅ Reminders for Wedding are out: 1 sent."], tally


def test_turning_quiet_hours_off_releases_what_they_held(quiet_runtime, fake_graph):
    """Held at 23:30 by quiet hours; the organiser turns them off: it goes now, not in the morning."""
    rt = quiet_runtime
    fake_graph.window_enforced = False
    event_id, dana_id = _invited(rt, AVI)
    drain(rt, clock=lambda: NIGHT)
    assert fake_graph.sent_to(AVI) == []                 # held for the morning
    with rt.transaction() as s:
        events.set_quiet_hours(s, s.get(User, dana_id), event_id, "off")
    drain(rt, clock=lambda: NIGHT.replace(minute=35))
    assert len(fake_graph.sent_to(AVI)) == 1             # released at once
    drain(rt, clock=lambda: MORNING)
    assert len(fake_graph.sent_to(AVI)) == 1             # and only once


def test_changing_quiet_hours_holds_by_the_new_ones(quiet_runtime, fake_graph):
    """Held by 22-8; the organiser changes them to 21-7: still night, so it waits for 07:00, not 08:00."""
    rt = quiet_runtime
    fake_graph.window_enforced = False
    event_id, dana_id = _invited(rt, AVI)
    drain(rt, clock=lambda: NIGHT)
    with rt.transaction() as s:
        events.set_quiet_hours(s, s.get(User, dana_id), event_id, "21-7")
    drain(rt, clock=lambda: NIGHT.replace(minute=35))
    assert fake_graph.sent_to(AVI) == []                 # still quiet under the new hours
    drain(rt, clock=lambda: MORNING.replace(hour=5, minute=5))   # 07:05 in Jerusalem
    assert len(fake_graph.sent_to(AVI)) == 1


def test_a_guest_abroad_is_not_woken_by_an_invitation(quiet_runtime, fake_graph):
    """A Tel Aviv wedding invites at 10:00 Israel time: the Israeli guest gets it at once; the
    guest in San Francisco (00:00 there) gets it at 08:00 their time, not in their night."""
    rt = quiet_runtime
    fake_graph.window_enforced = False
    jenny = "+14155550100"
    ten_in_israel = datetime(2026, 12, 10, 8, 0, tzinfo=timezone.utc)     # 00:00 in San Francisco
    _invited(rt, AVI, jenny)
    drain(rt, clock=lambda: ten_in_israel)
    assert len(fake_graph.sent_to(AVI)) == 1 and fake_graph.sent_to(jenny) == []
    drain(rt, clock=lambda: datetime(2026, 12, 10, 15, 55, tzinfo=timezone.utc))   # 07:55 in San Francisco
    assert fake_graph.sent_to(jenny) == []
    drain(rt, clock=lambda: datetime(2026, 12, 10, 16, 5, tzinfo=timezone.utc))    # 08:05 there
    assert len(fake_graph.sent_to(jenny)) == 1 and len(fake_graph.sent_to(AVI)) == 1
