"""Status webhooks: what happened to a message we sent (sent, delivered, read, failed).

Meta sends statuses at least once and not necessarily in order, so a status only ever
moves a message forward: sent < delivered < read. "failed" is recorded (with Meta's
error) unless the message was already delivered or read. An invitation's status is
mirrored onto its guest's `invitation` state the same way.

Meta may report a send before the worker has recorded its wamid (the worker writes it
after the request returns, with others in one transaction). Such a status is kept in
`early_statuses` and applied when the worker records the wamid, in that same
transaction; kept ones nobody claimed are pruned after a day. On PostgreSQL both sides
take a transaction-level advisory lock per wamid before looking at the other side's
table, so a status and the recording of its wamid can never miss each other.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable

from sqlalchemy import delete, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from storage.db import is_postgres
from storage.models import Direction, EarlyStatus, Guest, InvitationState, Message, MessageStatus, utcnow

from .inbound import StatusUpdate
from .whatsapp import reason_for

log = logging.getLogger("bot.delivery")

INVITATION_KIND = "invitation"
EARLY_STATUS_MAX_AGE = timedelta(days=1)
_LOCK_NAMESPACE = 0x5741  # first key of pg_advisory_xact_lock(int, int): "WA" statuses

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
    kept: int = 0  # for a wamid not recorded yet: kept until it is


def apply_statuses(session: Session, updates: Iterable[StatusUpdate], *,
                   now: datetime | None = None) -> StatusCounts:
    """Apply status updates; one for a wamid we have not recorded (yet) is kept for later.

    Statuses we do not track ("deleted", "warning", ...) are ignored.
    """
    counts = StatusCounts()
    tracked = [u for u in updates if u.status in _TRACKED and u.wamid]
    if not tracked:
        return counts
    wamids = {u.wamid for u in tracked}
    found = _outbound_by_wamid(session, wamids)
    missing = wamids - found.keys()
    if missing:
        # Wait for a worker recording one of these right now, then look again.
        lock_wamids(session, missing)
        found.update(_outbound_by_wamid(session, missing))
    now = now or utcnow()
    for update in tracked:
        code, error_text = _error_of(update)
        message = found.get(update.wamid)
        if message is None:
            _keep(session, update.wamid, update.status, code, error_text, now)
            counts.kept += 1
        elif _apply(session, message, update.status, code, error_text):
            counts.applied += 1
    if counts.kept:
        prune_early_statuses(session, now)
    return counts


def apply_status(session: Session, update: StatusUpdate) -> bool:
    """Apply one status update; True when it changed something."""
    return apply_statuses(session, [update]).applied > 0


def apply_early_statuses(session: Session, wamids: Iterable[str]) -> int:
    """Apply the kept statuses of wamids just recorded (in the recording transaction).

    The caller holds `lock_wamids` for them. Returns how many changed something.
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
        if message is not None and _apply(session, message, item.status, item.error_code, item.error_text):
            applied += 1
        session.delete(item)
    session.flush()
    log.info("applied %d status update(s) that arrived before their send was recorded", len(early))
    return applied


def lock_wamids(session: Session, wamids: Iterable[str]) -> None:
    """Serialise, per wamid, keeping an early status with recording the wamid (PostgreSQL).

    Transaction-level advisory locks, taken in one statement in key order so two
    transactions locking overlapping sets never deadlock on them. Take them before
    touching any row. SQLite needs nothing: each transaction holds the database's
    write lock from its start.
    """
    keys = sorted({_lock_key(w) for w in wamids if w})
    if not keys or not is_postgres(session):
        return
    session.execute(
        text("SELECT pg_advisory_xact_lock(:ns, k) FROM "
             "(SELECT k FROM unnest(CAST(:keys AS integer[])) AS k ORDER BY k) AS ordered"),
        {"ns": _LOCK_NAMESPACE, "keys": keys},
    )


def prune_early_statuses(session: Session, now: datetime | None = None) -> int:
    """Forget kept statuses older than a day: their wamid is not ours or will never be recorded."""
    cutoff = (now or utcnow()) - EARLY_STATUS_MAX_AGE
    return session.execute(delete(EarlyStatus).where(EarlyStatus.received_at < cutoff)).rowcount or 0


def _lock_key(wamid: str) -> int:
    return int.from_bytes(hashlib.blake2b(wamid.encode(), digest_size=4).digest(), "big", signed=True)


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


def _keep(session: Session, wamid: str, status: str, code: int | None, error_text: str | None,
          now: datetime) -> None:
    insert = pg_insert if is_postgres(session) else sqlite_insert
    session.execute(
        insert(EarlyStatus)
        .values(wamid=wamid[:255], status=status, error_code=code,
                error_text=error_text[:500] if error_text else None, received_at=now)
        .on_conflict_do_nothing(index_elements=[EarlyStatus.wamid, EarlyStatus.status])
    )


def _apply(session: Session, message: Message, status: str, code: int | None, error_text: str | None) -> bool:
    changed = False
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
    else:
        return False
    if message.kind == INVITATION_KIND and message.guest_id is not None:
        changed = _apply_to_guest(session, message, status, code, error_text) or changed
    return changed


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
