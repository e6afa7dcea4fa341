"""The outbox: every outgoing message is a row written in the caller's transaction.

`enqueue` is all the rest of the code needs; a worker (`flask --app wsgi worker`)
sends the rows.
"""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Direction, Message, MessageStatus, utcnow


def enqueue(
    session: Session,
    *,
    phone: str,
    payload: dict,
    kind: str,
    body: str | None = None,
    event_id: uuid.UUID | None = None,
    guest_id: uuid.UUID | None = None,
    user_id: uuid.UUID | None = None,
    fallback: dict | None = None,
    dedupe_key: str | None = None,
    batch_id: uuid.UUID | None = None,
    not_before: datetime | None = None,
) -> Message | None:
    """Queue one message to `phone` (E.164). `payload` is the Cloud API body to send.

    `fallback` is a template payload to send instead when the recipient is outside the
    24-hour window. A `dedupe_key` makes the message once-only: when a message with the
    same key was already queued, nothing is added and None is returned.
    """
    if dedupe_key is not None:
        existing = session.scalar(select(Message.id).where(Message.dedupe_key == dedupe_key))
        if existing is not None:
            return None
    message = Message(
        direction=Direction.outbound,
        phone=phone,
        payload=payload,
        fallback=fallback,
        kind=kind,
        body=body,
        event_id=event_id,
        guest_id=guest_id,
        user_id=user_id,
        dedupe_key=dedupe_key,
        batch_id=batch_id,
        status=MessageStatus.queued,
        attempts=0,
        next_attempt_at=not_before or utcnow(),
    )
    session.add(message)
    session.flush()
    return message
