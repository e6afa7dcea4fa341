"""An organiser whose event keeps Shabbat is not told of guests' answers, opt-outs and notes
on Shabbat: those notices wait for Shabbat to end. The guests' own replies never wait, and
the night never holds an organiser's notice (`notify off` is hers to use)."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from bot.services import events, guests, languages, rsvp, sending
from bot.services.users import get_or_create_user
from bot.worker import drain
from storage.models import Guest, User
from tests import webhooks
from tests.conftest import TEST_APP_SECRET

DANA, LIA, AVI, BEA = "+972521110001", "+972541234001", "+972541234002", "+972541234003"
# The bar mitzvah's week in Jerusalem (UTC+2): a Wednesday, Shabbat afternoon, Saturday night.
WEDNESDAY = datetime(2027, 12, 15, 10, 0, tzinfo=timezone.utc)
SHABBAT_AFTERNOON = datetime(2027, 12, 18, 12, 0, tzinfo=timezone.utc)     # 14:00 on Saturday
SATURDAY_NIGHT = datetime(2027, 12, 18, 17, 0, tzinfo=timezone.utc)        # 19:00, after nightfall
TUESDAY_NIGHT = datetime(2027, 12, 14, 21, 30, tzinfo=timezone.utc)        # 23:30 on a weekday


def _bar_mitzvah(rt, fake_graph, *, shabbat: bool = True) -> tuple:
    """Dana's Jerusalem bar mitzvah (`shabbat on`), Lia, Avi and Bea invited on Wednesday;
    (event id, Dana's user id, guest id by phone)."""
    fake_graph.window_enforced = False
    with rt.transaction() as s:
        dana = get_or_create_user(s, phone=DANA, display_name="Dana")
        languages.fix(dana, "he")
        event = events.create_event(s, dana, "בר המצווה של איתי", date=date(2028, 1, 13), timezone="Asia/Jerusalem")
        events.set_shabbat(s, dana, event.id, shabbat)
        ids = {}
        for first, last, phone in (("ליה", "כץ", LIA), ("אבי", "לוי", AVI), ("בתיה", "מזרחי", BEA)):
            ids[phone] = guests.add_guest(s, dana, event.id, guests.GuestInput(first_name=first, last_name=last,
                                                                              phone=phone)).id
        sending.send_invitations(s, dana, event.id)
        event_id, dana_id = event.id, dana.id
    drain(rt, clock=lambda: WEDNESDAY)
    return event_id, dana_id, ids


def _writes(client, delivery: dict) -> None:
    body, headers = webhooks.signed(delivery, TEST_APP_SECRET)
    assert client.post("/webhook", data=body, headers=headers).status_code == 200


def _texts(fake_graph, phone: str, since: int = 0) -> list[str]:
    return [m.text for m in fake_graph.sent_to(phone)[since:]]


def test_on_shabbat_answers_opt_outs_and_notes_wait_for_saturday_night_and_the_guests_are_answered_at_once(
        runtime, client, fake_graph):
    _event_id, _dana_id, ids = _bar_mitzvah(runtime, fake_graph)
    told_before = len(fake_graph.sent_to(DANA))
    lia_before, avi_before, bea_before = (len(fake_graph.sent_to(p)) for p in (LIA, AVI, BEA))

    # Saturday 14:00: Lia taps "yes", Avi asks for no more messages, Bea asks about parking.
    _writes(client, webhooks.button_tap(LIA, sending.rsvp_payload_id(ids[LIA], "yes"), "כן, מגיעים", name="Lia"))
    _writes(client, webhooks.text_message(AVI, "stop", name="Avi"))
    _writes(client, webhooks.text_message(BEA, "יש חניה באולם?", name="Bea"))
    drain(runtime, clock=lambda: SHABBAT_AFTERNOON)
    drain(runtime, clock=lambda: SHABBAT_AFTERNOON.replace(hour=14))   # 16:00, still Shabbat

    # Each guest heard back at once: a reply to someone who just wrote never waits.
    assert fake_graph.sent_to(LIA)[lia_before:] and fake_graph.sent_to(AVI)[avi_before:]
    assert fake_graph.sent_to(BEA)[bea_before:]
    # Dana hears nothing on Shabbat.
    assert _texts(fake_graph, DANA, told_before) == []

    drain(runtime, clock=lambda: SATURDAY_NIGHT)
    told = _texts(fake_graph, DANA, told_before)
    assert any(text.startswith("ליה כץ: ✅") for text in told), told
    assert any(text.startswith("🔕 אבי לוי") for text in told), told
    assert any("יש חניה באולם?" in text and "בתיה מזרחי" in text for text in told), told
    assert len(told) == 3, told

    drain(runtime, clock=lambda: SATURDAY_NIGHT.replace(hour=20))
    assert len(_texts(fake_graph, DANA, told_before)) == 3      # each once


def test_turning_shabbat_off_on_shabbat_releases_the_notices_it_held(runtime, client, fake_graph):
    event_id, dana_id, ids = _bar_mitzvah(runtime, fake_graph)
    told_before = len(fake_graph.sent_to(DANA))
    _writes(client, webhooks.button_tap(LIA, sending.rsvp_payload_id(ids[LIA], "no"), "לא נוכל להגיע", name="Lia"))
    _writes(client, webhooks.text_message(BEA, "יש חניה באולם?", name="Bea"))
    drain(runtime, clock=lambda: SHABBAT_AFTERNOON)
    assert _texts(fake_graph, DANA, told_before) == []
    with runtime.transaction() as s:
        events.set_shabbat(s, s.get(User, dana_id), event_id, False)
    drain(runtime, clock=lambda: SHABBAT_AFTERNOON.replace(minute=5))
    told = _texts(fake_graph, DANA, told_before)
    assert any(text.startswith("ליה כץ: ❌") for text in told), told
    assert any("יש חניה באולם?" in text for text in told), told
    drain(runtime, clock=lambda: SATURDAY_NIGHT)
    assert len(_texts(fake_graph, DANA, told_before)) == len(told)   # and only once


def test_an_event_that_does_not_keep_shabbat_tells_its_organiser_on_saturday(runtime, client, fake_graph):
    _event_id, _dana_id, ids = _bar_mitzvah(runtime, fake_graph, shabbat=False)
    told_before = len(fake_graph.sent_to(DANA))
    _writes(client, webhooks.button_tap(LIA, sending.rsvp_payload_id(ids[LIA], "no"), "לא נוכל להגיע", name="Lia"))
    drain(runtime, clock=lambda: SHABBAT_AFTERNOON)
    assert [t for t in _texts(fake_graph, DANA, told_before) if t.startswith("ליה כץ: ❌")]


@pytest.fixture
def quiet_runtime(app_with):
    return app_with(quiet_hours="22-8").extensions["invitebot"]


def test_at_night_the_organiser_is_told_at_once_while_guests_messages_wait(quiet_runtime, fake_graph):
    rt = quiet_runtime
    event_id, dana_id, ids = _bar_mitzvah(rt, fake_graph)
    told_before = len(fake_graph.sent_to(DANA))
    with rt.transaction() as s:
        rsvp.record_answer(s, s.get(Guest, ids[LIA]), "yes", 2, via="text")   # 23:30 on a Tuesday
        sending.send_reminders(s, s.get(User, dana_id), event_id)
    drain(rt, clock=lambda: TUESDAY_NIGHT)
    assert [t for t in _texts(fake_graph, DANA, told_before) if t.startswith("ליה כץ: ✅")]
    assert len(fake_graph.sent_to(AVI)) == 1          # Avi's reminder waits for the morning
