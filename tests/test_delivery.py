"""Status webhooks racing the worker: Meta may report a send before the worker records it.

The worker's pieces run for real (claim, send to the fake Graph API over HTTP, record),
with the signed status webhook posted through the app in between, where Meta's can land.
"""
from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import func, select

from bot.services import outbox as service_outbox
from bot.worker import drain
from bot.runtime import of as runtime_of
from bot.whatsapp.client import template_payload
from bot.worker import sender as outbox
from bot.worker.answering import drain_inbox
from storage.models import EarlyStatus, Event, Guest, InvitationState, Message, MessageStatus, utcnow
from tests import webhooks
from tests.conftest import TEST_APP_SECRET

PHONE = "+972541234567"


def post(client, payload):
    """Meta's delivery through the webhook, then the worker's pass over what it stored."""
    body, headers = webhooks.signed(payload, TEST_APP_SECRET)
    response = client.post("/webhook", data=body, headers=headers)
    assert response.status_code == 200
    drain_inbox(runtime_of(client.application))


def invite(runtime) -> tuple:
    with runtime.transaction() as session:
        event = Event(name="Dana & Avi")
        session.add(event)
        session.flush()
        guest = Guest(event_id=event.id, first_name="Noa", phone=PHONE)
        session.add(guest)
        session.flush()
        payload = template_payload(PHONE, "event_invitation", "en", ["Dana & Avi", "12 June", "Tel Aviv"],
                                   ["rsvp:yes", "rsvp:no"])
        message = service_outbox.enqueue(session, phone=PHONE, message=payload, kind="invitation",
                                 event_id=event.id, guest_id=guest.id)
        return message.id, guest.id


def send_unrecorded(runtime):
    """Claim and send the queued row, as a worker does, without recording it yet."""
    [row] = outbox.claim(runtime, 10)
    result = outbox.send_claimed(runtime, row, None, threading.Event())
    assert result.outcome == "sent" and result.wamid
    return result


def state(runtime, message_id, guest_id):
    with runtime.transaction() as session:
        message = session.get(Message, message_id)
        guest = session.get(Guest, guest_id)
        kept = session.scalar(select(func.count()).select_from(EarlyStatus))
        return message, guest, kept


def test_a_failure_reported_before_the_send_is_recorded_reaches_the_guest(client, runtime, fake_graph):
    message_id, guest_id = invite(runtime)
    result = send_unrecorded(runtime)
    # Meta: the number is not on WhatsApp, before the worker has written the wamid down.
    post(client, webhooks.status(result.wamid, "sent", PHONE))
    post(client, webhooks.status(result.wamid, "failed", PHONE, 131026))
    message, guest, kept = state(runtime, message_id, guest_id)
    assert message.status == MessageStatus.sending and kept == 2

    outbox.record(runtime, [result], outbox.WorkerStats())

    message, guest, kept = state(runtime, message_id, guest_id)
    assert message.status == MessageStatus.failed and message.error_code == 131026
    assert guest.invitation == InvitationState.failed
    assert guest.invitation_error == "not on WhatsApp (131026)"
    assert kept == 0
    # A late "delivered" does not bring it back.
    post(client, webhooks.status(result.wamid, "delivered", PHONE))
    assert state(runtime, message_id, guest_id)[0].status == MessageStatus.failed


def test_an_early_delivered_or_read_is_not_lost_and_never_goes_back(client, runtime, fake_graph):
    message_id, guest_id = invite(runtime)
    result = send_unrecorded(runtime)
    post(client, webhooks.delivery(webhooks.status(result.wamid, "read", PHONE),
                                   webhooks.status(result.wamid, "delivered", PHONE)))
    outbox.record(runtime, [result], outbox.WorkerStats())
    message, guest, kept = state(runtime, message_id, guest_id)
    assert message.status == MessageStatus.read
    assert guest.invitation == InvitationState.read
    assert kept == 0


def test_a_status_after_the_send_is_recorded_applies_at_once(client, runtime, fake_graph):
    message_id, guest_id = invite(runtime)
    result = send_unrecorded(runtime)
    outbox.record(runtime, [result], outbox.WorkerStats())
    post(client, webhooks.status(result.wamid, "delivered", PHONE))
    message, guest, kept = state(runtime, message_id, guest_id)
    assert guest.invitation == InvitationState.delivered and kept == 0


def test_kept_statuses_are_forgotten_after_a_day(client, runtime):
    with runtime.transaction() as session:
        session.add(EarlyStatus(wamid="wamid.old", status="failed", error_code=131026,
                                received_at=utcnow() - timedelta(days=1, minutes=1)))
        session.add(EarlyStatus(wamid="wamid.recent", status="sent", received_at=utcnow() - timedelta(hours=23)))
    # Statuses for messages that are not ours (or not recorded yet) are kept, once each.
    unknown = webhooks.new_wamid()
    post(client, webhooks.status(unknown, "sent", PHONE))
    post(client, webhooks.status(unknown, "sent", PHONE))
    post(client, webhooks.status(unknown, "deleted", PHONE))
    with runtime.transaction() as session:
        assert sorted(session.scalars(select(EarlyStatus.wamid))) == sorted([unknown, "wamid.recent"])
        assert session.scalar(select(func.count()).select_from(Message)) == 0


def test_a_status_for_a_send_never_recorded_leaves_its_resend_alone(client, runtime, fake_graph):
    """A worker died after sending: the status of that send never touches the resend."""
    message_id, guest_id = invite(runtime)
    result = send_unrecorded(runtime)
    post(client, webhooks.status(result.wamid, "failed", PHONE, 131026))
    # The first worker died before recording; once its lease lapses another sends again
    # (a new wamid); the kept status of the first send stays unmatched, pruned later.
    later = drain(runtime, clock=lambda: utcnow() + timedelta(seconds=2 * outbox.DEFAULT_LEASE_SECONDS + 1))
    assert later.sent == 1
    message, guest, kept = state(runtime, message_id, guest_id)
    assert message.status == MessageStatus.sent and guest.invitation == InvitationState.sent
    assert kept == 1
