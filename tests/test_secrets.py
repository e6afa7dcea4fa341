"""Secrets stay secret: a personal token reaches its owner's phone and nowhere else:
not the logs, not the stored copy of the message once it has gone out."""
from __future__ import annotations

import logging
import re

from sqlalchemy import select

from bot.services import outbox as service_outbox
from bot.worker import drain
from bot import make_runtime
from bot.services import tokens
from bot.whatsapp.client import ConsoleTransport
from storage.models import Message, User
from tests.phone import phone, phone_factory  # noqa: F401  (fixtures)

TOKEN = re.compile(r"ib_[A-Za-z0-9_-]{20,}")


def test_a_token_sent_by_chat_is_not_kept_or_logged(phone, runtime, caplog):
    dana = phone("+972521234567", "Dana")
    dana.send("new event Our wedding")
    with caplog.at_level(logging.DEBUG):
        reply = dana.send("token")
    [token] = TOKEN.findall(reply)
    with runtime.transaction() as session:
        user = session.scalars(select(User).where(User.phone == "+972521234567")).one()
        assert tokens.user_for_token(session, token).id == user.id  # the token works
        stored = " ".join(f"{m.body} {m.payload}" for m in session.scalars(select(Message)))
    assert token not in stored
    assert "ib_[redacted]" in stored
    assert token not in caplog.text


def test_the_console_transport_never_logs_a_token(settings, caplog):
    rt = make_runtime(settings.with_overrides(whatsapp_access_token=None, whatsapp_phone_number_id=None))
    assert isinstance(rt.transport, ConsoleTransport)
    secret = "ib_" + "A1b2C3d4" * 5
    with rt.transaction() as session:
        service_outbox.enqueue(session, phone="+972521234567", kind="reply", body=f"Your token: {secret}",
                      message=service_outbox.text(f"Your token: {secret}"))
    with caplog.at_level(logging.DEBUG):
        drain(rt)
    rt.engine.dispose()
    assert rt.transport.sent and secret in rt.transport.sent[0]["text"]["body"]  # it was sent
    assert secret not in caplog.text
    assert "to +972" in caplog.text  # the log line is there, masked
