"""Status webhooks: what happened to a message we sent (sent, delivered, read, failed).

The webhook only stores each status (`insert_statuses`, one INSERT for a delivery); the
worker applies them (`apply_stored_statuses`) and deletes what it applied. Meta sends
statuses at least once and not necessarily in order, so a status only ever moves a
message forward: sent < delivered < read. "failed" is recorded (with Meta's error)
unless the message was already delivered or read. An invitation's status is mirrored
onto its guest's `invitation` state the same way.

Meta may report a send before the worker has recorded its wamid: such a status simply
waits in `early_statuses` until the wamid is recorded (the recording transaction applies
what is already there; the worker's next pass applies what came after). Stored statuses
nobody claimed are pruned after a day.
"""
from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from storage.db import is_postgres
from storage.models import Direction, EarlyStatus, Guest, InvitationState, Message, MessageStatus, utcnow

from bot.services import outbox
from bot.whatsapp.inbound import StatusUpdate
from bot.whatsapp.client import reason_for

log = logging.getLogger("bot.delivery")

INVITATION_KIND = "invitation"
ENGAGEMENT_LIMIT = 131049
ENGAGEMENT_RETRY = timedelta(hours=24)
EARLY_STATUS_MAX_AGE = timedelta(days=1)

_MESSAGE_RANK = {
    MessageStatus.queued: 0,
    MessageStatus.sending: 0,
    MessageStatus.sent: 1,
    MessageStatus.delivered: 2,
    MessageStatus.read: 3,
}
_INVITATION_RANK = {
    InvitationState.not_sent: 0,
    InvitationState.sent: 1,
    InvitationState.delivered: 2,
    InvitationState.read: 3,
}
_PROGRESS = {"sent": 1, "delivered": 2, "read": 3}
_TRACKED = frozenset({*_PROGRESS, "failed"})


@dataclass
class StatusCounts:
    applied: int = 0  # changed a message (or its guest)
    handled: int = 0  # applied or not (older than what the message already shows), then deleted


_INSERT_STATUSES: dict[str, object] = {}


def _insert_statuses(dialect: str):
    statement = _INSERT_STATUSES.get(dialect)
    if statement is None:
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        statement = _INSERT_STATUSES[dialect] = insert(EarlyStatus.__table__).on_conflict_do_nothing(
            index_elements=["wamid", "status"])
    return statement


def status_rows(updates: Iterable[StatusUpdate], now: datetime) -> list[dict]:
    """The rows to keep for the status updates of a delivery (ones we do not track,
    "deleted", "warning" ..., are left out; a repeat within the delivery counts once)."""
    rows = []
    seen: set[tuple[str, str]] = set()
    for update in updates:
        if update.status not in _TRACKED or not update.wamid or (update.wamid, update.status) in seen:
            continue
        seen.add((update.wamid, update.status))
        code, error_text = _error_of(update)
        rows.append(dict(id=uuid.uuid4(), wamid=update.wamid[:255], status=update.status, error_code=code,
                         error_text=error_text[:500] if error_text else None,
                         billed_category=update.pricing_category, received_at=now))
    return rows


def insert_statuses(conn, rows: list[dict]) -> None:
    """Keep `rows` (status_rows) for the worker, in one INSERT; `conn` is a Connection or a Session."""
    if rows:
        dialect = conn.get_bind().dialect.name if isinstance(conn, Session) else conn.dialect.name
        conn.execute(_insert_statuses(dialect), rows)


def apply_stored_statuses(session: Session, limit: int = 500) -> StatusCounts:
    """Apply stored statuses whose message is recorded, oldest first, and delete them.

    Rows are locked with SKIP LOCKED on PostgreSQL, so several workers share the work.
    """
    query = (
        select(EarlyStatus, Message)
        .join(Message, Message.wamid == EarlyStatus.wamid)
        .where(Message.direction == Direction.outbound)
        .order_by(EarlyStatus.received_at)
        .limit(limit)
    )
    if is_postgres(session):
        query = query.with_for_update(skip_locked=True, of=EarlyStatus)
    counts = StatusCounts()
    done = []
    for item, message in session.execute(query).all():
        if _apply(session, message, item.status, item.error_code, item.error_text, item.billed_category):
            counts.applied += 1
        done.append(item.id)
    if done:
        session.execute(delete(EarlyStatus).where(EarlyStatus.id.in_(done)))
    counts.handled = len(done)
    return counts


def apply_early_statuses(session: Session, wamids: Iterable[str]) -> int:
    """Apply the stored statuses of wamids just recorded (in the recording transaction).

    Returns how many changed something; statuses stored after this read wait for the
    worker's next `apply_stored_statuses`.
    """
    wamids = {w for w in wamids if w}
    if not wamids:
        return 0
    early = list(session.scalars(
        select(EarlyStatus).where(EarlyStatus.wamid.in_(wamids)).order_by(EarlyStatus.received_at)))
    if not early:
        return 0
    found = _outbound_by_wamid(session, {e.wamid for e in early})
    applied = 0
    for item in early:
        message = found.get(item.wamid)
        if message is not None and _apply(session, message, item.status, item.error_code, item.error_text,
                                             item.billed_category):
            applied += 1
        session.delete(item)
    session.flush()
    log.info("applied %d status update(s) that arrived before their send was recorded", len(early))
    return applied


def prune_early_statuses(session: Session, now: datetime | None = None) -> int:
    """Forget kept statuses older than a day: their wamid is not ours or will never be recorded."""
    cutoff = (now or utcnow()) - EARLY_STATUS_MAX_AGE
    return session.execute(delete(EarlyStatus).where(EarlyStatus.received_at < cutoff)).rowcount or 0


def _outbound_by_wamid(session: Session, wamids: set[str]) -> dict[str, Message]:
    if not wamids:
        return {}
    rows = session.scalars(
        select(Message).where(Message.wamid.in_(wamids), Message.direction == Direction.outbound))
    return {m.wamid: m for m in rows}


def _error_of(update: StatusUpdate) -> tuple[int | None, str | None]:
    error = update.errors[0] if update.errors else None
    if error is None:
        return None, None
    return error.code, error.describe()


def _apply(session: Session, message: Message, status: str, code: int | None, error_text: str | None,
           billed: str | None = None) -> bool:
    changed = False
    if billed and message.billed_category is None:
        message.billed_category = billed  # what Meta charges for it (stats show the bill)
        changed = True
    if status in _PROGRESS:
        target = MessageStatus(status)
        if message.status != MessageStatus.failed and _MESSAGE_RANK.get(message.status, 0) < _PROGRESS[status]:
            message.status = target
            changed = True
    elif status == "failed":
        if message.status not in (MessageStatus.delivered, MessageStatus.read, MessageStatus.failed):
            message.status = MessageStatus.failed
            message.error_code = code
            message.error_text = (error_text or "failed")[:500]
            changed = True
            if code == ENGAGEMENT_LIMIT:
                _try_again_tomorrow(session, message)
    else:
        return False
    if message.kind == INVITATION_KIND and message.guest_id is not None:
        changed = _apply_to_guest(session, message, status, code, error_text) or changed
    return changed


def _try_again_tomorrow(session: Session, message: Message) -> None:
    """131049 (Meta's per-user marketing limit): the same message once more, a day later.
    The copy's dedupe key makes it once per message, whatever repeats the webhook brings."""
    if message.payload is None or (message.dedupe_key or "").startswith("engagement:"):
        return
    outbox.enqueue(session, phone=message.phone, message=message.payload, kind=message.kind, body=message.body,
                   event_id=message.event_id, guest_id=message.guest_id, user_id=message.user_id,
                   batch_id=message.batch_id, dedupe_key=f"engagement:{message.id}",
                   not_before=utcnow() + ENGAGEMENT_RETRY)
    log.info("%s held back by Meta's marketing limit (131049): trying again in 24 hours", message.kind)


def _apply_to_guest(session: Session, message: Message, status: str, code: int | None,
                    error_text: str | None) -> bool:
    guest = session.get(Guest, message.guest_id)
    if guest is None:
        return False
    if status in _PROGRESS:
        if guest.invitation != InvitationState.failed and _INVITATION_RANK.get(guest.invitation, 0) < _PROGRESS[status]:
            guest.invitation = InvitationState(status)
            return True
        return False
    if status == "failed" and guest.invitation not in (InvitationState.delivered, InvitationState.read):
        guest.invitation = InvitationState.failed
        guest.invitation_error = _reason(code, error_text)[:300]
        return True
    return False


def _reason(code: int | None, described: str | None) -> str:
    """A short reason fit for an organiser, from Meta's status error."""
    if code is None:
        return described or "failed"
    reason = reason_for(code, default=described)  # Meta's own words for a code we do not know
    return reason if str(code) in reason else f"{reason} ({code})"
