"""131049: Meta held a marketing message back for this user. It is tried once more a day
later, whether Meta refused the send at once or said so in a status webhook; never more."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlalchemy import func, select

from bot.services import events, guests, sending
from bot.services.users import get_or_create_user
from bot.whatsapp.statuses import apply_stored_statuses
from bot.worker import drain
from storage.models import Message, MessageStatus
from tests import webhooks
from tests.conftest import TEST_APP_SECRET

DANA, AVI = "+972521110001", "+972541234001"


def _invite(runtime):
    with runtime.transaction() as s:
        dana = get_or_create_user(s, phone=DANA, display_name="Dana")
        event = events.create_event(s, dana, "Wedding", date=date(2027, 6, 12), timezone="Asia/Jerusalem")
        guests.add_guest(s, dana, event.id, guests.GuestInput(first_name="Avi", phone=AVI))
        sending.send_invitations(s, dana, event.id)


def test_a_send_refused_with_131049_is_tried_again_a_day_later_once(runtime, fake_graph):
    _invite(runtime)
    now = datetime.now(timezone.utc)
    fake_graph.fail_next(2, code=131049)
    drain(runtime, clock=lambda: now)
    assert fake_graph.sent_to(AVI) == []
    drain(runtime, clock=lambda: now + timedelta(hours=23))
    assert fake_graph.sent_to(AVI) == []                       # not before the day is over
    drain(runtime, clock=lambda: now + timedelta(hours=24, minutes=1))
    with runtime.transaction() as s:
        [message] = s.scalars(select(Message).where(Message.kind == "invitation")).all()
        assert message.status == MessageStatus.failed          # the second refusal is final
        assert message.attempts == 2


def test_a_131049_status_webhook_queues_one_more_try_for_tomorrow(runtime, fake_graph, client):
    _invite(runtime)
    now = datetime.now(timezone.utc)
    drain(runtime, clock=lambda: now)
    [sent] = fake_graph.sent_to(AVI)
    for _ in range(2):   # Meta may repeat a webhook: still one more try
        body, headers = webhooks.signed(webhooks.status(sent.wamid, "failed", AVI, error_code=131049), TEST_APP_SECRET)
        assert client.post("/webhook", data=body, headers=headers).status_code == 200
        with runtime.transaction() as s:
            apply_stored_statuses(s)
    with runtime.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Message).where(Message.kind == "invitation")) == 2
    drain(runtime, clock=lambda: now + timedelta(hours=2))
    assert len(fake_graph.sent_to(AVI)) == 1
    drain(runtime, clock=lambda: now + timedelta(hours=24, minutes=5))
    assert len(fake_graph.sent_to(AVI)) == 2
