"""The send planner in use: every bulk send's confirmation shows its cost from the rate
card, US numbers that get no marketing templates, the days a send over the number's daily
limit takes (and it is sent that way), when quiet hours or Shabbat hold it; `stats` and
REST stats show what Meta billed, read from the status webhooks' pricing."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from bot.services import events, guests, planner, sending, tokens
from bot.services.users import get_or_create_user
from bot.worker import clock as scheduler, drain
from storage.models import Event, Message, MessageStatus, User
from tests import webhooks
from tests.phone import Phone, phone_factory  # noqa: F401  (fixture)

DANA, AVI = "+972521110001", "+972541234001"
CARD = planner.load_rate_card()
IL_MARKETING = CARD.market_for(AVI).price("marketing")


def test_the_invite_question_shows_the_price_from_the_rate_card(phone_factory):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2027\nlocation: Hangar 11")
    dana.send(f"add guests\nAvi Cohen {AVI}\nBea Levi +972541234002\nJoe Smith +12025550143")
    question = dana.send("invite")
    expected = planner.to_cents(2 * IL_MARKETING)   # the US number is not charged for marketing
    assert f"About US${expected}" in question and "3 paid template messages" not in question
    assert "2 paid template messages (marketing)" in question and "rate card of Thu 1 Jan 2026" in question
    assert "🇺🇸 1 US number: Meta delivers no marketing templates to the US" in question


def test_a_send_to_guests_inside_the_window_says_free_only_when_it_is():
    """Everyone wrote in the last 24 hours: no templates. Free while Meta charged nothing inside the
    window; since it charges its utility rate there, the price says what it is for."""
    from types import SimpleNamespace
    from bot.text import i18n, replies

    def line(lang, recipients, charged):
        est = planner.estimate(recipients, "marketing", CARD, free_form_charged=charged)
        with i18n.use(lang):
            return replies.send_plan(SimpleNamespace(estimate=est, days=[len(recipients)], limit=None,
                                                     waits_until=None))

    inside = [(AVI, True)]
    assert line("he", inside, False) == "💰 ללא עלות: כולם כתבו לנו ב-24 השעות האחרונות."
    assert line("en", inside, False) == "💰 Free: everyone wrote to us in the last 24 hours."
    amount = planner.to_cents(CARD.market_for(AVI).price("utility"))
    assert line("en", inside, True) == (f"💰 About US${amount}: everyone wrote to us in the last 24 hours, "
                                        "so they get plain messages, charged at Meta's utility rate.")
    assert line("he", inside, True) == (f"💰 בערך {i18n.money(amount, 'USD', 'he')}: כולם כתבו לנו ב-24 השעות האחרונות, "
                                        "אז הם יקבלו הודעות רגילות, שמטא מחייבת לפי תעריף שירות.")
    mixed = [(AVI, True), ("+972541234002", False)]
    assert line("he", mixed, False).splitlines()[1] == (
        "ועוד אורח אחד כתב לנו ב-24 השעות האחרונות ויקבל הודעה רגילה במקום.")
    assert line("en", mixed + [("+972541234003", True)], False).splitlines()[1] == (
        "2 more guests wrote to us in the last 24 hours and get a plain message instead.")


def test_the_plan_says_when_quiet_hours_or_shabbat_hold_the_send(runtime):
    friday_night = datetime(2026, 12, 11, 18, 0, tzinfo=timezone.utc)   # 20:00 in Jerusalem, Shabbat
    with runtime.transaction() as s:
        dana = get_or_create_user(s, phone=DANA, display_name="Dana")
        event = events.create_event(s, dana, "Wedding", date=date(2027, 6, 12), timezone="Asia/Jerusalem")
        events.set_shabbat(s, dana, event.id, True)
        avi = guests.add_guest(s, dana, event.id, guests.GuestInput(first_name="Avi", phone=AVI))
        plan = sending.plan_send(s, event, [avi], category="marketing", card=CARD, limit=None, quiet_hours="22-8",
                                 now=friday_night)
        # Shabbat ends at nightfall, about 17:16 in Jerusalem that Saturday
        assert datetime(2026, 12, 12, 15, 5, tzinfo=timezone.utc) < plan.waits_until \
            < datetime(2026, 12, 12, 15, 30, tzinfo=timezone.utc)
        from bot.text import i18n, replies
        with i18n.use("he"):
            assert "🕯 עכשיו שבת או חג לאירוע הזה: ההודעות יחכו עד יום שבת" in replies.send_plan(plan, "Asia/Jerusalem")
        weeknight = sending.plan_send(s, event, [avi], category="marketing", card=CARD, limit=None,
                                      quiet_hours="22-8", now=datetime(2026, 12, 8, 21, 0, tzinfo=timezone.utc))
        assert not weeknight.holy_day and "🌙 It's quiet time" in replies.send_plan(weeknight, "Asia/Jerusalem")
        # with quiet hours from 17:00, the end of Shabbat falls in them: the morning after
        events.set_quiet_hours(s, dana, event.id, "17-8")
        plan = sending.plan_send(s, event, [avi], category="marketing", card=CARD, limit=None, quiet_hours="22-8",
                                 now=friday_night)
    assert plan.waits_until == datetime(2026, 12, 13, 6, 0, tzinfo=timezone.utc)
    assert plan.estimate.total == planner.to_cents(IL_MARKETING)


@pytest.fixture
def limited_app(app_with):
    return app_with(messaging_limit="TIER_250")


@pytest.fixture
def limited_runtime(limited_app):
    return limited_app.extensions["invitebot"]


def _sent_by_day(rt, fake_graph, start: datetime, days: int) -> list[int]:
    """The worker run once a day from `start`: how many messages Meta has received by each day."""
    sent = []
    for day in range(days):
        drain(rt, clock=lambda: start + timedelta(days=day, minutes=1))
        sent.append(len(fake_graph.sent))
    return sent


def test_two_thousand_invitations_at_the_250_limit_go_over_eight_days(limited_runtime, fake_graph):
    rt = limited_runtime
    fake_graph.window_enforced = False
    start = datetime.now(timezone.utc)
    with rt.transaction() as s:
        dana = get_or_create_user(s, phone=DANA, display_name="Dana")
        event = events.create_event(s, dana, "Conference", date=date(2027, 6, 12), location="Expo",
                                    timezone="Asia/Jerusalem")
        rows = [guests.GuestInput(first_name=f"Guest {n}", phone=f"+97254{n:07d}", line_no=n) for n in range(2000)]
        guests.import_guests(s, dana, event.id, rows)
        audience = sending.invite_audience(s, dana, event.id)
        plan = sending.plan_send(s, event, audience.guests, category="marketing", card=CARD,
                                 limit=sending.daily_limit(rt.settings.messaging_limit), quiet_hours="")
        assert plan.days == [250] * 8
        batch = sending.send_invitations(s, dana, event.id, daily_limit=sending.daily_limit("TIER_250"))
        assert batch.total == 2000
    assert _sent_by_day(rt, fake_graph, start, 9) == [250, 500, 750, 1000, 1250, 1500, 1750, 2000, 2000]


def test_the_chat_question_says_how_many_days_a_large_send_takes(limited_app, fake_graph):
    rt = limited_app.extensions["invitebot"]
    with rt.transaction() as s:
        dana = get_or_create_user(s, phone=DANA, display_name="Dana")
        event = events.create_event(s, dana, "Conference", date=date(2027, 6, 12), location="Expo")
        rows = [guests.GuestInput(first_name=f"Guest {n}", phone=f"+97254{n:07d}", line_no=n) for n in range(600)]
        guests.import_guests(s, dana, event.id, rows)
    question = Phone(limited_app.test_client(), rt, fake_graph, DANA, "Dana").send("invite")
    assert "goes out over 3 days: 250 today, then up to 250 a day" in question


def test_what_meta_billed_is_read_from_the_pricing_of_status_webhooks(phone_factory, client, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2027\nlocation: Hangar 11")
    dana.send(f"add guest Avi Cohen {AVI}")
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    with runtime.transaction() as s:
        wamid = s.scalar(select(Message.wamid).where(Message.kind == "invitation"))
    paid = {"billable": True, "pricing_model": "PMP", "category": "marketing", "type": "regular"}
    for status in ("sent", "delivered"):   # Meta repeats the pricing: billed once
        dana.post(webhooks.status(wamid, status, AVI, pricing=paid))
    stats = dana.send("stats")
    assert f"Billed by Meta so far: 1 messages, about US${planner.to_cents(IL_MARKETING)}" in stats
    with runtime.transaction() as s:
        token = tokens.issue_token(s, s.scalar(select(User).where(User.phone == DANA)))
        event_id = s.scalar(select(Event.id))
    body = client.get(f"/api/events/{event_id}/stats", headers={"Authorization": f"Bearer {token}"}).get_json()
    assert body["billed"] == {"messages": 1, "amount": str(planner.to_cents(IL_MARKETING)), "currency": "USD"}
    with runtime.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Message).where(
            Message.billed_category == "marketing", Message.status == MessageStatus.delivered)) == 1


def test_a_free_service_message_is_not_billed(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding")
    with runtime.transaction() as s:
        wamid = s.scalar(select(Message.wamid).where(Message.direction == "out"))
    dana.post(webhooks.status(wamid, "delivered", DANA))
    assert "Billed" not in dana.send("stats")


def test_the_daily_limit_is_read_from_the_graph_api_when_not_configured(runtime, fake_graph, client):
    fake_graph.messaging_limit_tier = "TIER_250"      # a new number
    now = datetime.now(timezone.utc)
    scheduler.tick(runtime, now)
    with runtime.transaction() as s:
        assert sending.daily_limit(None, s, runtime.settings.whatsapp_phone_number_id) == 250
        dana = get_or_create_user(s, phone=DANA, display_name="Dana")
        event = events.create_event(s, dana, "Conference", date=date(2027, 6, 12), location="Expo")
        rows = [guests.GuestInput(first_name=f"Guest {n}", phone=f"+97254{n:07d}", line_no=n) for n in range(600)]
        guests.import_guests(s, dana, event.id, rows)
    question = Phone(client, runtime, fake_graph, DANA, "Dana").send("invite")
    assert "goes out over 3 days: 250 today" in question
    fake_graph.messaging_limit_tier = "TIER_UNLIMITED"
    scheduler.tick(runtime, now + timedelta(minutes=10))   # read at most once an hour
    with runtime.transaction() as s:
        assert sending.daily_limit(None, s, runtime.settings.whatsapp_phone_number_id) == 250
    scheduler.tick(runtime, now + timedelta(hours=1, minutes=1))
    with runtime.transaction() as s:
        assert sending.daily_limit(None, s, runtime.settings.whatsapp_phone_number_id) is None
    reads = [r for r in fake_graph.requests if r.method == "GET" and r.path.endswith("/1234567890")]
    assert len(reads) == 2


def test_a_second_spread_send_fills_only_what_the_first_leaves_of_each_day(limited_runtime, fake_graph):
    rt = limited_runtime
    fake_graph.window_enforced = False
    start = datetime.now(timezone.utc)
    with rt.transaction() as s:
        dana = get_or_create_user(s, phone=DANA, display_name="Dana")
        wedding = events.create_event(s, dana, "Wedding", date=date(2027, 6, 12), location="Hall")
        henna = events.create_event(s, dana, "Henna", date=date(2027, 6, 10), location="Garden")
        guests.import_guests(s, dana, wedding.id, [
            guests.GuestInput(first_name=f"W{n}", phone=f"+97254{n:07d}", line_no=n) for n in range(600)])
        guests.import_guests(s, dana, henna.id, [
            guests.GuestInput(first_name=f"H{n}", phone=f"+97253{n:07d}", line_no=n) for n in range(300)])
        limit = sending.daily_limit("TIER_250")
        assert sending.send_invitations(s, dana, wedding.id, daily_limit=limit).total == 600   # 250, 250, 100
        audience = sending.invite_audience(s, dana, henna.id)
        plan = sending.plan_send(s, henna, audience.guests, category="marketing", card=CARD, limit=limit,
                                 quiet_hours="")
        assert plan.days == [0, 0, 150, 150]   # the wedding already fills today and tomorrow
        sending.send_invitations(s, dana, henna.id, daily_limit=limit)
    assert _sent_by_day(rt, fake_graph, start, 5) == [250, 500, 750, 900, 900]   # never more than 250 new people a day
