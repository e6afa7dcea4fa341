"""The event's own rules and its day: `quiet 21-9|off`, `shabbat on|off`, the day-before
message (time, place, Waze, Google Maps, calendar; `day before off`), `thank you <text>`
after the event to those who came."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from sqlalchemy import select

from bot.services import events, guests, sending
from bot.services.users import get_or_create_user
from bot.worker import clock, drain
from storage.models import Event, Message
from tests.conftest import only_event
from tests.phone import phone_factory  # noqa: F401  (fixture)

DANA, AVI, BEA = "+972521110001", "+972541234001", "+972541234002"


def test_quiet_shabbat_and_day_before_are_set_by_chat_and_shown(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2027")
    assert "21:00–09:00" in dana.send("quiet 21-9")
    assert only_event(runtime).quiet_hours == "21-9"
    assert "any hour" in dana.send("quiet off")
    assert only_event(runtime).quiet_hours == "off"
    assert "Shabbat and Jewish holidays" in dana.send("shabbat on")
    assert only_event(runtime).shabbat is True
    assert "No day-before message" in dana.send("day before off")
    assert only_event(runtime).day_before is False
    assert "From when to when?" in dana.send("quiet tonight")
    assert only_event(runtime).quiet_hours == "off"


def test_hebrew_settings(phone_factory, runtime):
    dana = phone_factory(DANA, "דנה")
    dana.send("אירוע חדש חתונה")
    assert "שעות השקט" in dana.send("שעות שקט 22-7")
    assert "בשבת ובחגים" in dana.send("שבת פעיל")
    event = only_event(runtime)
    assert (event.quiet_hours, event.shabbat) == ("22-7", True)


def test_only_admins_change_the_events_rules(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding")
    dana.send(f"add member {BEA} editor")
    bea = phone_factory(BEA, "Bea")
    assert "admin" in bea.send("shabbat on").lower()
    assert only_event(runtime).shabbat is False


@pytest.fixture
def night_runtime(app_with):
    return app_with(quiet_hours="22-8").extensions["invitebot"]


@pytest.mark.parametrize("own, held", [(None, True), ("off", False), ("23-7", False), ("21-9", True)])
def test_an_events_own_quiet_hours_decide_what_waits(night_runtime, fake_graph, own, held):
    rt = night_runtime
    fake_graph.window_enforced = False
    at = datetime(2026, 12, 10, 20, 30, tzinfo=timezone.utc)   # 22:30 in Jerusalem
    with rt.transaction() as s:
        dana = get_or_create_user(s, phone=DANA, display_name="Dana")
        event = events.create_event(s, dana, "Wedding", date=date(2027, 6, 12), timezone="Asia/Jerusalem")
        if own is not None:
            events.set_quiet_hours(s, dana, event.id, own)
        guests.add_guest(s, dana, event.id, guests.GuestInput(first_name="Avi", phone=AVI))
        sending.send_invitations(s, dana, event.id)
    drain(rt, clock=lambda: at)
    assert (fake_graph.sent_to(AVI) == []) is held


def _confirmed_event(rt, *, on_date: date, start: time | None = time(19, 30), day_before: bool = True):
    with rt.transaction() as s:
        dana = get_or_create_user(s, phone=DANA, display_name="Dana")
        event = events.create_event(s, dana, "Wedding", date=on_date, location="Hangar 11, Tel Aviv",
                                    timezone="Asia/Jerusalem", start_time=start)
        events.set_day_before(s, dana, event.id, day_before)
        avi = guests.add_guest(s, dana, event.id, guests.GuestInput(first_name="Avi", phone=AVI))
        guests.add_guest(s, dana, event.id, guests.GuestInput(first_name="Bea", phone=BEA))
        guests.mark_rsvp(s, dana, event.id, avi.id, "confirmed", party_size=2)
        return event.id


@pytest.fixture
def public_runtime(app_with):
    return app_with(public_url="https://invites.example.com").extensions["invitebot"]


def test_the_day_before_each_confirmed_guest_gets_time_place_and_links_once(public_runtime, fake_graph):
    runtime = public_runtime
    fake_graph.window_enforced = False
    _confirmed_event(runtime, on_date=date(2027, 6, 12))
    early = datetime(2027, 6, 11, 5, 0, tzinfo=timezone.utc)     # 08:00 the day before: too early
    assert clock.tick(runtime, early).day_before == 0
    noon = datetime(2027, 6, 11, 9, 0, tzinfo=timezone.utc)      # 12:00 the day before
    assert clock.tick(runtime, noon).day_before == 1
    assert clock.tick(runtime, noon + timedelta(hours=2)).day_before == 0   # once
    drain(runtime, clock=lambda: noon)
    [message] = fake_graph.sent_to(AVI)
    text = message.text
    assert "see you tomorrow" in text and "Sat 12 Jun 2027, 19:30" in text and "Hangar 11, Tel Aviv" in text
    assert "https://waze.com/ul?q=Hangar%2011%2C%20Tel%20Aviv" in text
    assert "https://www.google.com/maps/search/?api=1&query=Hangar%2011%2C%20Tel%20Aviv" in text
    assert "Add to your calendar: https://invites.example.com/r/" in text and "/event.ics" in text
    assert fake_graph.sent_to(BEA) == []   # no answer yet: no day-before message


def test_day_before_off_sends_nothing(runtime, fake_graph):
    _confirmed_event(runtime, on_date=date(2027, 6, 12), day_before=False)
    assert clock.tick(runtime, datetime(2027, 6, 11, 9, 0, tzinfo=timezone.utc)).day_before == 0
    with runtime.transaction() as s:
        assert s.scalars(select(Message).where(Message.kind == "day_before")).all() == []


def test_a_moved_event_gets_its_day_before_message_again(runtime, fake_graph):
    event_id = _confirmed_event(runtime, on_date=date(2027, 6, 12))
    assert clock.tick(runtime, datetime(2027, 6, 11, 9, 0, tzinfo=timezone.utc)).day_before == 1
    with runtime.transaction() as s:
        s.get(Event, event_id).date = date(2027, 6, 20)
    assert clock.tick(runtime, datetime(2027, 6, 19, 9, 0, tzinfo=timezone.utc)).day_before == 1


def test_thank_you_goes_after_the_event_to_those_who_came(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party\ndate: 12/6/2027")
    dana.send(f"add guests\nAvi Cohen {AVI}\nBea Levi {BEA}")
    dana.send("mark Avi yes")
    assert "thanks go out after it" in dana.send("thank you Thanks for coming!")
    with runtime.transaction() as s:
        s.scalars(select(Event)).one().date = date.today() - timedelta(days=1)
    question = dana.send("thank you Thanks for coming! 💙")
    assert "Send this to 1 guest" in question and "Thanks for coming! 💙" in question
    dana.tap("confirm:yes", "Yes")
    avi = phone_factory(AVI, "Avi")
    bea = phone_factory(BEA, "Bea")
    assert any("Thanks for coming! 💙" in t for t in avi.texts)
    assert not any("Thanks for coming" in t for t in bea.texts)


def test_thank_you_alone_is_politeness_not_a_send(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party\ndate: 12/6/2020")
    assert "You're welcome" in dana.send("thank you")
    assert dana.last_buttons == []



# Friday 11 Dec 2026, 17:00 in Jerusalem: Shabbat began at candle lighting (about 16:20).
FRIDAY_EVENING = datetime(2026, 12, 11, 15, 0, tzinfo=timezone.utc)
SATURDAY_AFTERNOON = datetime(2026, 12, 12, 13, 0, tzinfo=timezone.utc)   # 15:00, still Shabbat
SATURDAY_NIGHT = datetime(2026, 12, 12, 16, 30, tzinfo=timezone.utc)      # 18:30, Shabbat is out


@pytest.mark.parametrize("keeps_shabbat", [True, False])
def test_an_event_that_keeps_shabbat_sends_nothing_until_it_ends(runtime, fake_graph, keeps_shabbat):
    fake_graph.window_enforced = False
    with runtime.transaction() as s:
        dana = get_or_create_user(s, phone=DANA, display_name="Dana")
        event = events.create_event(s, dana, "Wedding", date=date(2027, 6, 12), timezone="Asia/Jerusalem")
        events.set_shabbat(s, dana, event.id, keeps_shabbat)
        guests.add_guest(s, dana, event.id, guests.GuestInput(first_name="Avi", phone=AVI))
        sending.send_invitations(s, dana, event.id)
    drain(runtime, clock=lambda: FRIDAY_EVENING)
    if not keeps_shabbat:
        assert len(fake_graph.sent_to(AVI)) == 1
        return
    assert fake_graph.sent_to(AVI) == []
    drain(runtime, clock=lambda: SATURDAY_AFTERNOON)
    assert fake_graph.sent_to(AVI) == []
    drain(runtime, clock=lambda: SATURDAY_NIGHT)
    assert len(fake_graph.sent_to(AVI)) == 1
    with runtime.transaction() as s:
        [held] = s.scalars(select(Message).where(Message.kind == "invitation")).all()
        assert held.attempts >= 1


def test_a_day_before_message_that_could_not_go_in_time_is_never_sent_late(runtime, fake_graph):
    fake_graph.window_enforced = False
    # queued the day before an event that has begun since (the worker could not send it in time)
    _confirmed_event(runtime, on_date=date(2026, 6, 12))
    assert clock.tick(runtime, datetime(2026, 6, 11, 9, 0, tzinfo=timezone.utc)).day_before == 1
    drain(runtime)
    assert fake_graph.sent_to(AVI) == []
    with runtime.transaction() as s:
        [message] = s.scalars(select(Message).where(Message.kind == "day_before")).all()
        assert message.status.value == "failed" and "too late" in message.error_text


def test_outside_the_window_the_day_before_message_is_its_own_utility_template(app_with, fake_graph):
    runtime = app_with(public_url="https://invites.example.com", day_before_template="event_day_before",
                       day_before_template_languages="he,en_US").extensions["invitebot"]
    _confirmed_event(runtime, on_date=date(2027, 6, 12))   # Avi never wrote: no 24-hour window
    noon = datetime(2027, 6, 11, 9, 0, tzinfo=timezone.utc)
    assert clock.tick(runtime, noon).day_before == 1
    drain(runtime, clock=lambda: noon)
    [message] = fake_graph.sent_to(AVI)
    template = message["template"]
    assert message.type == "template" and template["name"] == "event_day_before"
    assert template["language"]["code"] == "en_US"   # Avi reads English; the template is approved in it
    name, event, when, place, link = message.text.split(" | ")
    assert (name, event, place) == ("Avi", "Wedding", "Hangar 11, Tel Aviv")
    assert when == "Sat 12 Jun 2027, 19:30" and link.startswith("https://invites.example.com/r/")


def test_without_its_template_the_day_before_message_rides_on_the_broadcast_carrier(app_with, fake_graph):
    runtime = app_with(broadcast_template="event_update").extensions["invitebot"]
    _confirmed_event(runtime, on_date=date(2027, 6, 12))
    noon = datetime(2027, 6, 11, 9, 0, tzinfo=timezone.utc)
    clock.tick(runtime, noon)
    drain(runtime, clock=lambda: noon)
    [message] = fake_graph.sent_to(AVI)
    assert message["template"]["name"] == "event_update" and "see you tomorrow" in message.text
