"""Jobs in the outbox (an import, a digest, a chart): work for the worker, not messages.

A job is claimed like a message; whoever does it marks it done in the same transaction
as what it produced, and only while the claim is still theirs (a worker whose lease
lapsed never finishes another worker's job).
"""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from storage.models import Message, MessageStatus, utcnow


def finish(session: Session, job_id: uuid.UUID, claimed_until: datetime) -> bool:
    """Mark the claimed job done; False when it is no longer ours."""
    return bool(session.execute(
        update(Message)
        .where(Message.id == job_id, Message.status == MessageStatus.sending,
               Message.claimed_until == claimed_until)
        .values(status=MessageStatus.sent, sent_at=utcnow(), claimed_until=None)
    ).rowcount)
