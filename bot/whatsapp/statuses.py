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
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Iterable

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from storage.db import is_postgres
from storage.ids import new_id
from storage.models import Direction, EarlyStatus, Guest, InvitationState, Message, MessageStatus, utcnow

from bot.services import outbox
from bot.whatsapp.inbound import StatusUpdate
from bot.whatsapp.client import reason_for

log = logging.getLogger("bot.delivery")

INVITATION_KIND = "invitation"
# 131049: Meta held a marketing message back for this user (its per-user limit); one more
# try a day later often gets through (here for a failed status, in the worker for a refused send).
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
    for item in updates:
        if item.status not in _TRACKED or not item.wamid or (item.wamid, item.status) in seen:
            continue
        seen.add((item.wamid, item.status))
        code, error_text = _error_of(item)
        rows.append(dict(id=new_id(), wamid=item.wamid[:255], status=item.status, error_code=code,
                         error_text=error_text[:500] if error_text else None,
                         billed_category=item.pricing_category, received_at=now))
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
        select(*_STATUS_COLUMNS)
        .join(Message, Message.wamid == EarlyStatus.wamid)
        .where(Message.direction == Direction.outbound)
        .order_by(EarlyStatus.received_at)
        .limit(limit)
    )
    if is_postgres(session):
        query = query.with_for_update(skip_locked=True, of=EarlyStatus)
    items = session.execute(query).all()
    counts = StatusCounts(applied=_apply_all(session, items), handled=len(items))
    if items:
        session.execute(delete(EarlyStatus).where(EarlyStatus.id.in_([item.id for item in items])))
    return counts


def apply_early_statuses(session: Session, wamids: Iterable[str]) -> int:
    """Apply the stored statuses of wamids just recorded (in the recording transaction).

    Returns how many changed something; statuses stored after this read wait for the
    worker's next `apply_stored_statuses`.
    """
    wamids = {w for w in wamids if w}
    if not wamids:
        return 0
    items = session.execute(
        select(*_STATUS_COLUMNS)
        .join(Message, Message.wamid == EarlyStatus.wamid)
        .where(EarlyStatus.wamid.in_(wamids), Message.direction == Direction.outbound)
        .order_by(EarlyStatus.received_at)).all()
    if not items:
        return 0
    applied = _apply_all(session, items)
    session.execute(delete(EarlyStatus).where(EarlyStatus.id.in_([item.id for item in items])))
    log.info("applied %d status update(s) that arrived before their send was recorded", len(items))
    return applied


# A stored status and what it needs of its message.
_STATUS_COLUMNS = (EarlyStatus.id, EarlyStatus.status, EarlyStatus.error_code, EarlyStatus.error_text,
                   EarlyStatus.billed_category, Message.id.label("message_id"))


@dataclass
class _State:
    """A message (and its guest's invitation) as its statuses move it, before it is written."""

    status: MessageStatus
    kind: str
    guest_id: uuid.UUID | None
    billed: str | None
    values: dict = field(default_factory=dict)  # what changed, to write
    retry_tomorrow: bool = False


def _apply_all(session: Session, items) -> int:
    """Apply `items` (rows of _STATUS_COLUMNS, oldest first) to their messages and guests,
    reading each message and guest once and writing each once, whatever the number of its
    statuses. Returns how many statuses changed something."""
    if not items:
        return 0
    ids = sorted({item.message_id for item in items})
    query = (select(Message.id, Message.status, Message.kind, Message.guest_id, Message.billed_category)
             .where(Message.id.in_(ids)).order_by(Message.id))
    if is_postgres(session):
        query = query.with_for_update()  # another worker's statuses for the same message wait for these
    states = {row.id: _State(row.status, row.kind, row.guest_id, row.billed_category) for row in session.execute(query)}
    guest_ids = sorted({st.guest_id for st in states.values() if st.kind == INVITATION_KIND and st.guest_id})
    guests: dict[uuid.UUID, list] = {}
    if guest_ids:
        query = select(Guest.id, Guest.invitation).where(Guest.id.in_(guest_ids)).order_by(Guest.id)
        if is_postgres(session):
            query = query.with_for_update()
        guests = {gid: [state, {}] for gid, state in session.execute(query)}
    applied = 0
    for item in items:
        state = states.get(item.message_id)
        if state is None:
            continue
        changed = _move(state, item.status, item.error_code, item.error_text, item.billed_category)
        guest = guests.get(state.guest_id) if state.kind == INVITATION_KIND else None
        if guest is not None:
            changed = _move_guest(guest, item.status, item.error_code, item.error_text) or changed
        applied += changed
    table = Message.__table__
    grouped: dict[tuple, list[dict]] = {}
    for message_id, state in states.items():
        if state.values:
            grouped.setdefault(tuple(sorted(state.values)), []).append({**state.values, "_id": message_id})
    for rows in grouped.values():
        session.execute(update(table).where(table.c.id == bindparam("_id")), rows)
    grouped = {}
    for guest_id, (_, values) in guests.items():
        if values:
            grouped.setdefault(tuple(sorted(values)), []).append({**values, "_id": guest_id})
    guest_table = Guest.__table__
    for rows in grouped.values():
        session.execute(update(guest_table).where(guest_table.c.id == bindparam("_id")), rows)
    for message_id, state in states.items():
        if state.retry_tomorrow:
            _try_again_tomorrow(session, session.get(Message, message_id))
    return applied


def _move(state: _State, status: str, code: int | None, error_text: str | None, billed: str | None) -> bool:
    """One status on a message: forward only (sent < delivered < read); failed unless it
    was delivered or read; what Meta bills for it, once."""
    changed = False
    if billed and state.billed is None:
        state.billed = state.values["billed_category"] = billed  # what Meta charges (stats show the bill)
        changed = True
    if status in _PROGRESS:
        if state.status != MessageStatus.failed and _MESSAGE_RANK.get(state.status, 0) < _PROGRESS[status]:
            state.status = state.values["status"] = MessageStatus(status)
            changed = True
    elif status == "failed":
        if state.status not in (MessageStatus.delivered, MessageStatus.read, MessageStatus.failed):
            state.status = state.values["status"] = MessageStatus.failed
            state.values["error_code"] = code
            state.values["error_text"] = (error_text or "failed")[:500]
            state.retry_tomorrow = state.retry_tomorrow or code == ENGAGEMENT_LIMIT
            changed = True
    return changed


def _move_guest(guest: list, status: str, code: int | None, error_text: str | None) -> bool:
    """One invitation status on its guest ([invitation state, values to write]), as `_move`."""
    current, values = guest
    if status in _PROGRESS:
        if current != InvitationState.failed and _INVITATION_RANK.get(current, 0) < _PROGRESS[status]:
            guest[0] = values["invitation"] = InvitationState(status)
            return True
        return False
    if status == "failed" and current not in (InvitationState.delivered, InvitationState.read):
        guest[0] = values["invitation"] = InvitationState.failed
        values["invitation_error"] = _reason(code, error_text)[:300]
        return True
    return False


def prune_early_statuses(session: Session, now: datetime | None = None) -> int:
    """Forget kept statuses older than a day: their wamid is not ours or will never be recorded."""
    cutoff = (now or utcnow()) - EARLY_STATUS_MAX_AGE
    return session.execute(delete(EarlyStatus).where(EarlyStatus.received_at < cutoff)).rowcount or 0


def _error_of(update: StatusUpdate) -> tuple[int | None, str | None]:
    error = update.errors[0] if update.errors else None
    if error is None:
        return None, None
    return error.code, error.describe()


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


def _reason(code: int | None, described: str | None) -> str:
    """A short reason fit for an organiser, from Meta's status error."""
    if code is None:
        return described or "failed"
    reason = reason_for(code, default=described)  # Meta's own words for a code we do not know
    return reason if str(code) in reason else f"{reason} ({code})"
