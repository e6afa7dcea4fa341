"""POST/GET /webhook through the app's HTTP layer, on SQLite and PostgreSQL.

Replies are the conversation's business (tests/test_chat*.py); here only the edge: what is
refused, what is stored, what is applied, and that a delivery is processed once.
"""
from __future__ import annotations

import io
import json
import logging
import threading

import pytest
from datetime import timedelta

from sqlalchemy import func, select

from bot.services import outbox as service_outbox
from bot.runtime import of as runtime_of
from bot.worker import answering, drain
from bot.worker.answering import drain_inbox
from bot.whatsapp import inbound
from bot.text.replies import APOLOGY
from storage.models import Direction, Event, Guest, InvitationState, Message, MessageStatus, User, utcnow
from tests import webhooks
from tests.conftest import TEST_APP_SECRET, TEST_VERIFY_TOKEN

PHONE = "+972501234567"


def post_only(client, payload, secret=TEST_APP_SECRET, headers=None):
    """Meta's delivery through the webhook, and nothing else."""
    body, signed_headers = webhooks.signed(payload, secret)
    return client.post("/webhook", data=body, headers={**signed_headers, **(headers or {})})


def post(client, payload, secret=TEST_APP_SECRET, headers=None):
    """Meta's delivery, then the worker's pass over what the webhook stored."""
    response = post_only(client, payload, secret, headers)
    answer_all(runtime_of(client.application))
    return response


def answer_all(runtime):
    """Run the answering worker until nothing is left, retries included (their delays skipped)."""
    for attempt in range(answering.MAX_ATTEMPTS):
        drain_inbox(runtime, now=utcnow() + timedelta(minutes=attempt))


def count(runtime, model, *where) -> int:
    with runtime.transaction() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def inbound_rows(runtime) -> list[Message]:
    with runtime.transaction() as session:
        return list(session.scalars(select(Message).where(Message.direction == Direction.inbound)))


class RecordingConversation:
    """The real conversation (bot.chat), passed to the app through create_app, recording
    each call; a test may give it a behaviour of its own instead (a reply, a failure)."""

    def __init__(self):
        from bot.chat.router import handle_message

        self.real = handle_message
        self.calls = []
        self.behaviour = None

    def __call__(self, session, settings, user, msg):
        self.calls.append((user.id, msg.wamid))
        (self.behaviour or self.real)(session, settings, user, msg)


@pytest.fixture
def chat():
    return RecordingConversation()


@pytest.fixture
def app(settings, chat):
    from bot import create_app

    application = create_app(settings, on_message=chat)
    application.testing = True
    yield application
    rt = application.extensions["invitebot"]
    rt.transport.close()
    rt.engine.dispose()


# --------------------------------------------------------------------------- handshake


def test_handshake_answers_the_challenge_as_plain_text(client):
    response = client.get("/webhook", query_string={
        "hub.mode": "subscribe", "hub.verify_token": TEST_VERIFY_TOKEN, "hub.challenge": "1158201444"})
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    assert response.get_data(as_text=True) == "1158201444"


@pytest.mark.parametrize("params", [
    {"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "1"},
    {"hub.mode": "unsubscribe", "hub.verify_token": TEST_VERIFY_TOKEN, "hub.challenge": "1"},
    {"hub.mode": "subscribe", "hub.challenge": "1"},
    {"hub.mode": "subscribe", "hub.verify_token": TEST_VERIFY_TOKEN},
    {},
])
def test_handshake_refuses_anything_else(client, params):
    response = client.get("/webhook", query_string=params)
    assert response.status_code == 403
    assert "1" not in response.get_data(as_text=True)


# --------------------------------------------------------------------------- refusals


def _bad_signatures(body: bytes) -> list[dict]:
    good = inbound.sign(body, TEST_APP_SECRET)
    return [
        {},  # missing
        {inbound.SIGNATURE_HEADER: ""},
        {inbound.SIGNATURE_HEADER: inbound.sign(body, "another-secret")},
        {inbound.SIGNATURE_HEADER: inbound.sign(body + b" ", TEST_APP_SECRET)},
        {inbound.SIGNATURE_HEADER: good[:-1]},  # truncated
        {inbound.SIGNATURE_HEADER: good[:-1] + ("0" if good[-1] != "0" else "1")},  # one digit off
        {inbound.SIGNATURE_HEADER: "sha256=" + "zz" * 32},  # garbled
        {inbound.SIGNATURE_HEADER: good.replace("sha256=", "sha1=")},
        {inbound.SIGNATURE_HEADER: good.replace("sha256=", "")},
    ]


@pytest.mark.parametrize("case", range(9))
def test_bad_signatures_are_refused_and_nothing_is_stored(client, runtime, chat, case):
    body = webhooks.load_bytes("text")
    headers = {"Content-Type": "application/json", **_bad_signatures(body)[case]}
    response = client.post("/webhook", data=body, headers=headers)
    assert response.status_code == 403
    assert count(runtime, Message) == 0 and count(runtime, User) == 0
    assert chat.calls == []


def test_without_an_app_secret_every_delivery_is_refused(app, runtime):
    from bot import create_app

    unsigned_app = create_app(runtime.settings.with_overrides(whatsapp_app_secret=None))
    try:
        response = post(unsigned_app.test_client(), webhooks.load("text"), secret="")
        assert response.status_code == 403
    finally:
        unsigned_app.extensions["invitebot"].engine.dispose()
    assert count(runtime, Message) == 0


@pytest.mark.parametrize("body", [b"{not json", b"", b"\xff\xfe{}", b'{"object": "whatsapp_business_account", "entry": [', b"[]", b'"text"'])
def test_malformed_json_with_a_good_signature_is_a_400(client, runtime, body):
    response = post(client, body)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "bad_request"
    assert count(runtime, Message) == 0


def _padded_delivery(size: int) -> bytes:
    """A signed-able delivery of exactly `size` bytes: many status updates (unknown wamids)."""
    statuses = [webhooks.status(webhooks.new_wamid(), "delivered", f"+97250{i:07d}") for i in range(1000)]
    payload = webhooks.delivery(*statuses)
    body = json.dumps(payload).encode()
    pad = size - len(body) - len(', "x_padding": ""')
    assert pad > 0
    payload["x_padding"] = "p" * pad
    body = json.dumps(payload).encode()
    assert len(body) == size
    return body


def test_a_large_delivery_under_three_megabytes_is_accepted(client):
    body = _padded_delivery(int(2.9 * 1024 * 1024))
    response = post(client, body)
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_exactly_three_megabytes_is_accepted_and_one_byte_more_is_not(client, runtime):
    assert post(client, _padded_delivery(inbound.MAX_BODY_BYTES)).status_code == 200
    assert post(client, _padded_delivery(inbound.MAX_BODY_BYTES + 1)).status_code == 413
    assert inbound.MAX_BODY_BYTES == 3 * 1024 * 1024


def test_the_signature_and_the_verify_token_are_compared_in_constant_time(client, monkeypatch):
    """A byte-by-byte compare leaks how much of a guess was right through its timing;
    both checks go through hmac.compare_digest (watched here, not replaced)."""
    import hmac

    compared = []
    real = hmac.compare_digest

    def watching(a, b):
        compared.append((type(a).__name__, len(a)))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", watching)
    body = webhooks.load_bytes("text")
    assert post_only(client, body).status_code == 200
    assert compared, "the signature was not compared with hmac.compare_digest"
    compared.clear()
    client.get("/webhook", query_string={"hub.mode": "subscribe", "hub.verify_token": "a guess",
                                         "hub.challenge": "1"})
    assert compared, "the verify token was not compared with hmac.compare_digest"


def test_over_three_megabytes_is_a_413_without_reading_it(client, runtime):
    body = _padded_delivery(inbound.MAX_BODY_BYTES + 1)
    response = post(client, body)
    assert response.status_code == 413
    assert count(runtime, Message) == 0


def test_over_three_megabytes_without_a_content_length_is_a_413(client, runtime):
    # A chunked upload: no Content-Length, so the limit is enforced while reading.
    body = _padded_delivery(inbound.MAX_BODY_BYTES + 10)
    headers = {"Content-Type": "application/json",
               inbound.SIGNATURE_HEADER: inbound.sign(body, TEST_APP_SECRET)}
    response = client.post("/webhook", input_stream=io.BytesIO(body), headers=headers,
                           environ_overrides={"wsgi.input_terminated": True, "CONTENT_LENGTH": ""})
    assert response.status_code == 413
    assert count(runtime, Message) == 0
    small = webhooks.load_bytes("text")
    headers[inbound.SIGNATURE_HEADER] = inbound.sign(small, TEST_APP_SECRET)
    response = client.post("/webhook", input_stream=io.BytesIO(small), headers=headers,
                           environ_overrides={"wsgi.input_terminated": True, "CONTENT_LENGTH": ""})
    assert response.status_code == 200
    assert len(inbound_rows(runtime)) == 1


# --------------------------------------------------------------------------- every kind

MESSAGE_FILES = [name for name in webhooks.names() if not name.startswith("status_")
                 and name not in ("template_status_update", "batch_multi_sender")]


@pytest.mark.parametrize("name", MESSAGE_FILES)
def test_every_message_kind_is_acknowledged_and_stored_once(client, runtime, chat, name):
    payload = webhooks.load(name)
    [msg] = inbound.parse_delivery(payload).messages
    response = post(client, payload)
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}
    # Stored before the 200: a fresh session sees it; the worker has answered it since.
    [stored] = inbound_rows(runtime)
    assert stored.wamid == msg.wamid
    assert stored.status == MessageStatus.answered
    assert stored.kind == msg.kind
    assert stored.body == msg.text
    assert stored.payload["message"]["id"] == msg.wamid  # the raw message as Meta sent it
    with runtime.transaction() as session:
        user = session.get(User, stored.user_id)
        assert user.phone == msg.sender_phone
        assert user.wa_user_id == msg.sender_user_id
        assert user.last_inbound_at is not None
    assert chat.calls == [(stored.user_id, msg.wamid)]
    # Meta retries: the same delivery again changes nothing and reaches no handler.
    before = count(runtime, Message)
    assert post(client, payload).status_code == 200
    assert count(runtime, Message) == before
    assert count(runtime, Message, Message.direction == Direction.inbound) == 1
    assert len(chat.calls) == 1


def test_template_status_updates_and_other_fields_are_acknowledged_and_ignored(client, runtime, caplog):
    with caplog.at_level(logging.INFO, logger="bot.webhook"):
        response = post(client, webhooks.load("template_status_update"))
    assert response.status_code == 200
    assert count(runtime, Message) == 0
    assert "field message_template_status_update" in caplog.text


def test_a_big_delivery_is_logged_in_one_short_line_with_masked_senders(client, runtime, caplog):
    parts = [webhooks.text_message(f"+9725200{i:05d}", "yes", wamid=f"wamid.LOG{i}") for i in range(200)]
    with caplog.at_level(logging.INFO, logger="bot.webhook"):
        assert post(client, webhooks.delivery(*parts)).status_code == 200
    [line] = [r.getMessage() for r in caplog.records if r.getMessage().startswith("webhook delivery:")]
    assert "200 message(s) (200 new" in line and line.endswith("and 195 more") and len(line) < 300
    assert "+972520000000" not in caplog.text and "972520000000" not in caplog.text


@pytest.mark.parametrize("payload", [
    {"object": "page", "entry": []},
    {"object": "whatsapp_business_account", "entry": "nope"},
    {"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages", "value": {
        "messages": [{"id": "wamid.X1", "from": "972501234567", "type": "hologram", "hologram": {}}]}}]}]},
    {"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages", "value": {
        "messages": [{"type": "text"}], "statuses": "x"}}]}]},
    {},
])
def test_odd_shapes_get_a_200_never_a_500(client, payload):
    assert post(client, payload).status_code == 200


def test_an_unknown_message_type_is_stored_as_unknown(client, runtime):
    payload = {"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages", "value": {
        "messages": [{"id": "wamid.X1", "from": "972501234567", "type": "hologram", "hologram": {}}]}}]}]}
    assert post(client, payload).status_code == 200
    [stored] = inbound_rows(runtime)
    assert stored.kind == "unknown" and stored.payload["message"]["type"] == "hologram"


# --------------------------------------------------------------------------- statuses


def _outbound(runtime, wamid, *, kind="reply", guest=False, status=MessageStatus.sent):
    with runtime.transaction() as session:
        guest_id = None
        if guest:
            event = Event(name="Wedding")
            session.add(event)
            session.flush()
            g = Guest(event_id=event.id, first_name="Noa", phone=PHONE, invitation=InvitationState.sent)
            session.add(g)
            session.flush()
            guest_id = g.id
        message = Message(direction=Direction.outbound, wamid=wamid, phone=PHONE, kind=kind,
                          status=status, payload={}, guest_id=guest_id, attempts=1)
        session.add(message)
        session.flush()
        return message.id, guest_id


def _state(runtime, message_id, guest_id=None):
    with runtime.transaction() as session:
        message = session.get(Message, message_id)
        guest = session.get(Guest, guest_id) if guest_id else None
        return message, guest


def test_status_updates_move_a_message_forward(client, runtime):
    wamid = inbound.parse_delivery(webhooks.load("status_sent")).statuses[0].wamid
    message_id, guest_id = _outbound(runtime, wamid, kind="invitation", guest=True, status=MessageStatus.sending)
    for name, expected in [("status_sent", "sent"), ("status_delivered", "delivered"), ("status_read", "read")]:
        assert post(client, webhooks.load(name)).status_code == 200
        message, guest = _state(runtime, message_id, guest_id)
        assert message.status.value == expected
        assert guest.invitation.value == expected


def test_statuses_out_of_order_never_go_backwards(client, runtime):
    wamid = webhooks.new_wamid()
    message_id, guest_id = _outbound(runtime, wamid, kind="invitation", guest=True)
    for state in ["read", "delivered", "sent", "failed"]:
        assert post(client, webhooks.status(wamid, state, PHONE)).status_code == 200
    message, guest = _state(runtime, message_id, guest_id)
    assert message.status == MessageStatus.read
    assert guest.invitation == InvitationState.read
    assert message.error_code is None


def test_many_statuses_applied_in_one_pass_end_where_meta_says(client, runtime):
    """A burst of statuses, stored before the worker looks, is applied in one pass: each
    message and guest ends at its furthest status, whatever order they came in."""
    read, failed, delivered = webhooks.new_wamid(), webhooks.new_wamid(), webhooks.new_wamid()
    read_id, read_guest = _outbound(runtime, read, kind="invitation", guest=True)
    failed_id, failed_guest = _outbound(runtime, failed, kind="invitation", guest=True)
    delivered_id, _ = _outbound(runtime, delivered, kind="reply")
    for wamid, state, code in [(read, "delivered", None), (failed, "failed", 131026), (read, "read", None),
                               (delivered, "delivered", None), (read, "sent", None), (failed, "delivered", None),
                               (read, "failed", 131000)]:
        assert post_only(client, webhooks.status(wamid, state, PHONE, code)).status_code == 200
    answer_all(runtime)
    message, guest = _state(runtime, read_id, read_guest)
    assert (message.status, guest.invitation, message.error_code) == (MessageStatus.read, InvitationState.read, None)
    message, guest = _state(runtime, failed_id, failed_guest)
    assert (message.status, guest.invitation, message.error_code) == (MessageStatus.failed, InvitationState.failed, 131026)
    assert "not on WhatsApp" in guest.invitation_error
    assert _state(runtime, delivered_id)[0].status == MessageStatus.delivered


@pytest.mark.parametrize("arrived", ["delivered", "read"])
def test_a_late_failed_never_overrides_delivered_or_read(client, runtime, arrived):
    wamid = webhooks.new_wamid()
    message_id, guest_id = _outbound(runtime, wamid, kind="invitation", guest=True)
    post(client, webhooks.status(wamid, arrived, PHONE))
    post(client, webhooks.status(wamid, "failed", PHONE, 131026))
    message, guest = _state(runtime, message_id, guest_id)
    assert message.status.value == arrived and message.error_code is None
    assert guest.invitation.value == arrived and guest.invitation_error is None


def test_a_failed_status_records_the_error_on_the_message_and_the_invitation(client, runtime):
    wamid = webhooks.new_wamid()
    message_id, guest_id = _outbound(runtime, wamid, kind="invitation", guest=True)
    assert post(client, webhooks.status(wamid, "failed", PHONE, 131026)).status_code == 200
    message, guest = _state(runtime, message_id, guest_id)
    assert message.status == MessageStatus.failed
    assert message.error_code == 131026
    assert message.error_text
    assert guest.invitation == InvitationState.failed
    assert "not on WhatsApp" in guest.invitation_error
    # A late "delivered" does not resurrect it.
    post(client, webhooks.status(wamid, "delivered", PHONE))
    assert _state(runtime, message_id)[0].status == MessageStatus.failed


def test_a_reply_status_leaves_guests_alone(client, runtime):
    wamid = webhooks.new_wamid()
    message_id, guest_id = _outbound(runtime, wamid, kind="reply", guest=True)
    post(client, webhooks.status(wamid, "read", PHONE))
    message, guest = _state(runtime, message_id, guest_id)
    assert message.status == MessageStatus.read
    assert guest.invitation == InvitationState.sent


def test_statuses_for_unknown_messages_are_ignored(client, runtime):
    assert post(client, webhooks.load("status_failed")).status_code == 200
    assert count(runtime, Message) == 0


def test_the_worker_and_status_webhooks_tell_one_story(client, runtime, fake_graph):
    fake_graph.open_window(PHONE)
    with runtime.transaction() as session:
        from bot.whatsapp.client import text_payload

        message_id = service_outbox.enqueue(session, phone=PHONE, message=text_payload(PHONE, "hi"), kind="reply").id
    drain(runtime)
    wamid = fake_graph.sent_to(PHONE)[0].wamid
    post(client, webhooks.status(wamid, "delivered", PHONE))
    assert _state(runtime, message_id)[0].status == MessageStatus.delivered


# --------------------------------------------------------------------------- senders


def test_a_batch_from_several_senders_creates_each_user_and_message(client, runtime, chat):
    payload = webhooks.load("batch_multi_sender")
    parsed = inbound.parse_delivery(payload)
    assert post(client, payload).status_code == 200
    stored = inbound_rows(runtime)
    assert sorted(m.wamid for m in stored) == sorted(m.wamid for m in parsed.messages)
    senders = {(m.sender_phone, m.sender_user_id) for m in parsed.messages}
    assert count(runtime, User) == len(senders) == 3
    assert len(chat.calls) == len(parsed.messages)


def test_a_built_batch_of_many_senders(client, runtime):
    parts = [webhooks.text_message(f"+97250{i:07d}", f"hello {i}") for i in range(20)]
    assert post(client, webhooks.delivery(*parts)).status_code == 200
    assert count(runtime, User) == 20
    assert count(runtime, Message, Message.direction == Direction.inbound) == 20


def test_a_user_known_only_by_user_id_is_recognised_when_the_phone_arrives(client, runtime):
    bsuid_only = webhooks.load("text_bsuid_only")
    user_id = inbound.parse_delivery(bsuid_only).messages[0].sender_user_id
    assert post(client, bsuid_only).status_code == 200
    with runtime.transaction() as session:
        [user] = session.scalars(select(User)).all()
        assert user.phone is None and user.wa_user_id == user_id
        first_id = user.id
    assert post(client, webhooks.text_message("+15551234567", "hello again", user_id=user_id)).status_code == 200
    with runtime.transaction() as session:
        [user] = session.scalars(select(User)).all()
        assert user.id == first_id
        assert user.phone == "+15551234567" and user.wa_user_id == user_id
    # ... and by the phone alone afterwards.
    post(client, webhooks.text_message("+15551234567", "third", user_id=None))
    assert count(runtime, User) == 1
    assert count(runtime, Message, Message.user_id == first_id, Message.direction == Direction.inbound) == 3


def test_a_known_phone_gains_its_user_id(client, runtime):
    post(client, webhooks.text_message(PHONE, "one"))
    post(client, webhooks.text_message(PHONE, "two", user_id="IL.123"))
    with runtime.transaction() as session:
        [user] = session.scalars(select(User)).all()
        assert user.phone == PHONE and user.wa_user_id == "IL.123"


def test_inbound_opens_the_24_hour_window(client, runtime):
    before = utcnow().replace(microsecond=0)  # the window opens when Meta says it was sent (whole seconds)
    post(client, webhooks.text_message(PHONE, "hi"))
    with runtime.transaction() as session:
        user = session.scalars(select(User)).one()
        seen = user.last_inbound_at
        seen = seen if seen.tzinfo else seen.replace(tzinfo=before.tzinfo)
        assert seen >= before


# --------------------------------------------------------------------------- duplicates and failures


def test_the_same_message_in_one_delivery_twice_is_stored_once(client, runtime, chat):
    part = webhooks.text_message(PHONE, "yes", wamid="wamid.TWICE")
    assert post(client, webhooks.delivery(part, part)).status_code == 200
    assert count(runtime, Message, Message.direction == Direction.inbound) == 1
    assert len(chat.calls) == 1


def test_concurrent_duplicate_deliveries_are_processed_once(app, runtime, chat):
    """Meta retries while the first delivery is still being handled (two gunicorn threads)."""
    def slow_reply(session, rt, user, msg):
        from bot.whatsapp.client import text_payload

        service_outbox.enqueue(session, phone=user.phone, message=text_payload(user.phone, "Got it"), kind="reply")
        threading.Event().wait(0.3)  # both requests are inside their transactions now

    chat.behaviour = slow_reply
    body, headers = webhooks.signed(webhooks.text_message("+972529999999", "yes"), TEST_APP_SECRET)
    barrier = threading.Barrier(2)
    statuses = []

    def deliver():
        client = app.test_client()
        barrier.wait()
        statuses.append(client.post("/webhook", data=body, headers=headers).status_code)

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert statuses == [200, 200]
    answer_all(runtime)
    assert count(runtime, Message, Message.direction == Direction.inbound) == 1
    assert count(runtime, Message, Message.direction == Direction.outbound) == 1  # one reply, not two
    assert count(runtime, User) == 1


def test_concurrent_first_messages_from_one_new_user_make_one_user(app, runtime):
    parts = [webhooks.text_message("+972528888888", f"m{i}") for i in range(2)]
    barrier = threading.Barrier(2)
    statuses = []

    def deliver(part):
        body, headers = webhooks.signed(part, TEST_APP_SECRET)
        client = app.test_client()
        barrier.wait()
        statuses.append(client.post("/webhook", data=body, headers=headers).status_code)

    threads = [threading.Thread(target=deliver, args=(p,)) for p in parts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert statuses == [200, 200]
    answer_all(runtime)
    assert count(runtime, User) == 1
    assert count(runtime, Message, Message.direction == Direction.inbound) == 2


def test_the_handlers_own_replies_are_in_the_same_transaction(client, runtime, chat):
    def reply(session, rt, user, msg):
        from bot.whatsapp.client import text_payload

        service_outbox.enqueue(session, phone=user.phone, message=text_payload(user.phone, "Welcome"), kind="reply",
                       user_id=user.id)

    chat.behaviour = reply
    post(client, webhooks.text_message(PHONE, "hi"))
    assert count(runtime, Message, Message.direction == Direction.outbound,
                 Message.status == MessageStatus.queued) == 1


def test_a_failing_handler_keeps_the_message_and_queues_an_apology(client, runtime, chat, caplog):
    def explode(session, rt, user, msg):
        from bot.whatsapp.client import text_payload

        service_outbox.enqueue(session, phone=user.phone, message=text_payload(user.phone, "half done"), kind="reply")
        raise RuntimeError("bug in the conversation")

    chat.behaviour = explode
    payload = webhooks.text_message(PHONE, "add guest Dana 0521234567", wamid="wamid.BOOM")
    with caplog.at_level(logging.INFO):
        response = post(client, payload)
    assert response.status_code == 200
    [stored] = inbound_rows(runtime)
    assert stored.wamid == "wamid.BOOM" and stored.status == MessageStatus.failed
    assert stored.attempts == answering.MAX_ATTEMPTS  # tried again before giving up
    with runtime.transaction() as session:
        [reply] = session.scalars(select(Message).where(Message.direction == Direction.outbound)).all()
        assert reply.body == APOLOGY and reply.kind == "apology"  # the half-done replies were rolled back
        assert reply.payload == {"type": "text", "text": APOLOGY}
    assert "wamid.BOOM" in caplog.text and "RuntimeError" in caplog.text
    assert PHONE not in caplog.text and "972501234567" not in caplog.text
    # Meta's retry of the same delivery: nothing more.
    post(client, payload)
    assert count(runtime, Message) == 2


def test_one_bad_message_does_not_lose_the_others_in_its_batch(client, runtime, chat):
    def explode_on_second(session, rt, user, msg):
        if msg.text == "second":
            raise ValueError("boom")

    chat.behaviour = explode_on_second
    parts = [webhooks.text_message(f"+97250111111{i}", text) for i, text in enumerate(["first", "second", "third"])]
    assert post(client, webhooks.delivery(*parts)).status_code == 200
    assert sorted(m.body for m in inbound_rows(runtime)) == ["first", "second", "third"]
    assert count(runtime, Message, Message.kind == "apology") == 1


def test_the_log_line_counts_and_masks(client, caplog):
    payload = webhooks.delivery(
        webhooks.text_message(PHONE, "hi"),
        webhooks.status(webhooks.new_wamid(), "read", PHONE),
        webhooks.load("template_status_update"),
    )
    with caplog.at_level(logging.INFO, logger="bot.webhook"):
        post(client, payload)
    line = next(r.getMessage() for r in caplog.records if r.getMessage().startswith("webhook delivery"))
    assert "1 message(s)" in line and "1 status(es)" in line
    assert "+972*******67" in line
    text = caplog.text
    assert "972501234567" not in text
    assert TEST_APP_SECRET not in text and TEST_VERIFY_TOKEN not in text


def test_a_sender_without_a_phone_is_counted_and_named_by_a_user_id_prefix_only(client, runtime, fake_graph,
                                                                                chat, caplog):
    user_id = "US.13491208655302741918"
    payload = webhooks.delivery(webhooks.text_message(None, "hello?", user_id=user_id),
                                webhooks.text_message(None, "anyone?", user_id=user_id))
    fake_graph.open_window(user_id)
    with caplog.at_level(logging.INFO):
        assert post(client, payload).status_code == 200
        drain(runtime, concurrency=1)
    line = next(r.getMessage() for r in caplog.records if r.getMessage().startswith("webhook delivery"))
    assert "2 message(s) (2 new, 0 duplicate)" in line
    assert line.endswith("from user:US.1349...")
    assert "reply to US.1349... sent" in caplog.text
    assert user_id not in caplog.text
    # Stored, and answered at the user id (tests/test_bsuid.py: what the replies say).
    assert count(runtime, Message, Message.direction == Direction.inbound) == 2
    assert [m.get("recipient") for m in fake_graph.sent_to(user_id)] == [user_id, user_id]


def test_a_failing_handler_for_a_sender_without_a_phone_is_logged_and_apologised_for_at_the_user_id(
        client, runtime, chat, fake_graph, caplog):
    def broken(session, rt, user, msg):
        raise RuntimeError("boom")

    chat.behaviour = broken
    user_id = "US.13491208655302741918"
    fake_graph.open_window(user_id)
    with caplog.at_level(logging.INFO):
        post(client, webhooks.text_message(None, "hello?", user_id=user_id))
        drain(runtime, concurrency=1)
    assert "failed 3 times; answering with an apology" in caplog.text
    assert user_id not in caplog.text
    assert count(runtime, Message, Message.direction == Direction.inbound) == 1
    assert [(m.get("recipient"), m.text) for m in fake_graph.sent_to(user_id)] == [(user_id, APOLOGY)]


def test_a_message_after_the_database_dropped_our_connections_is_answered(client, runtime, db, fake_graph):
    """A database restart or failover closes pooled connections; the next message is still
    handled normally (not with an apology), and nothing is lost."""
    from sqlalchemy import text

    from tests.phone import Phone

    dana = Phone(client, runtime, fake_graph, "+972521230000", "Dana")
    assert "Created" in dana.send("new event Garden party")
    if db.backend == "postgresql":
        with db.engine.connect() as admin:  # another connection, like the server going away
            admin.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                               "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
        db.engine.dispose()  # the test's own pool (not the bot's) starts afresh
    else:
        runtime.engine.dispose()  # SQLite has no server: the closest is every connection closed
    reply = dana.send("add guest Avi Cohen 0521234567")
    assert "Avi Cohen" in reply and "Sorry" not in reply
    assert count(runtime, Guest) == 1
