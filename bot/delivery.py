"""Status webhooks: what happened to a message we sent (sent, delivered, read, failed).

Meta sends statuses at least once and not necessarily in order, so a status only ever
moves a message forward: sent < delivered < read. "failed" is recorded (with Meta's
error) unless the message was already delivered or read. An invitation's status is
mirrored onto its guest's `invitation` state the same way.
"""
from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Direction, Guest, InvitationState, Message, MessageStatus

from .inbound import StatusUpdate
from .whatsapp import reason_for

log = logging.getLogger("bot.delivery")

INVITATION_KIND = "invitation"

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


def apply_status(session: Session, update: StatusUpdate) -> bool:
    """Apply one status update; True when it changed something.

    Unknown wamids (another app's messages, or ones we never stored) and statuses we do
    not track ("deleted", "warning", ...) are ignored.
    """
    message = session.scalar(
        select(Message).where(Message.wamid == update.wamid, Message.direction == Direction.outbound)
    )
    if message is None:
        return False
    status = update.status
    changed = False
    if status in _PROGRESS:
        target = MessageStatus(status)
        if message.status != MessageStatus.failed and _MESSAGE_RANK.get(message.status, 0) < _PROGRESS[status]:
            message.status = target
            changed = True
    elif status == "failed":
        if message.status not in (MessageStatus.delivered, MessageStatus.read, MessageStatus.failed):
            error = update.errors[0] if update.errors else None
            message.status = MessageStatus.failed
            message.error_code = error.code if error else None
            message.error_text = (error.describe() if error else "failed")[:500]
            changed = True
    else:
        return False
    if message.kind == INVITATION_KIND and message.guest_id is not None:
        changed = _apply_to_guest(session, message, update) or changed
    return changed


def _apply_to_guest(session: Session, message: Message, update: StatusUpdate) -> bool:
    guest = session.get(Guest, message.guest_id)
    if guest is None:
        return False
    status = update.status
    if status in _PROGRESS:
        if guest.invitation != InvitationState.failed and _INVITATION_RANK.get(guest.invitation, 0) < _PROGRESS[status]:
            guest.invitation = InvitationState(status)
            return True
        return False
    if status == "failed" and guest.invitation not in (InvitationState.delivered, InvitationState.read):
        error = update.errors[0] if update.errors else None
        guest.invitation = InvitationState.failed
        guest.invitation_error = _reason(error)[:300]
        return True
    return False


def _reason(error) -> str:
    """A short reason fit for an organiser, from Meta's status error."""
    if error is None:
        return "failed"
    described = error.describe()
    reason = reason_for(error.code, default=described)
    if reason == described or error.code is None:
        return reason
    return f"{reason} ({error.code})"
