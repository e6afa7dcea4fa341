"""The call list: guests someone should phone, split fairly among the event's members,
and the outcome of each call (with the answer it brought).

Who is on it: invited guests with no final answer (a "maybe" too) and guests whose
invitation did not arrive. The members who may record answers (admins and editors) share
it: the list in name order, dealt round-robin to them in the order they joined, so the
shares stay the same while the list does and every guest has exactly one caller (a viewer
sees the whole list).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from storage.models import Event, EventMember, Guest, InvitationState, RsvpStatus, User, utcnow

from bot.services import guests as guest_service
from bot.services import rsvp
from bot.services.access import require
from bot.services.errors import InvalidInput
from bot.services.permissions import Action, roles_for
from bot.text import i18n

# A guest whose invitation arrived this long ago without being read is worth a call.
UNREAD_AFTER = timedelta(days=3)
# A guest invited less than this long ago is given time to answer before anyone calls
# (a failed invitation, or a "maybe", is worth a call at once).
CALL_AFTER = timedelta(days=2)
OUTCOMES = ("yes", "no", "maybe", "no_answer")
# What each outcome records as the guest's answer (no answer records none).
_ANSWER = {"yes": "confirmed", "no": "declined", "maybe": "maybe"}


@dataclass
class CallItem:
    guest: Guest
    reason: str          # "failed" | "opted_out" | "unread" | "no_answer" | "maybe"


@dataclass
class CallList:
    event: Event
    mine: list[CallItem]
    total: int           # on the whole list
    callers: int         # members sharing it
    invited: int = 0     # guests whose invitation went out (or was tried)
    waiting: int = 0     # invited less than CALL_AFTER ago, given time to answer (not on the list yet)
    wait_days: int = CALL_AFTER.days


def _reason(guest: Guest, now: datetime) -> str:
    if guest.invitation == InvitationState.failed:
        return "failed"
    if guest.opted_out:
        return "opted_out"   # no reminder will reach them: a call is the only way to an answer
    if guest.answered_at is not None:
        return "maybe"
    invited = guest.invited_at or guest.created_at
    if guest.invitation in (InvitationState.sent, InvitationState.delivered) and invited is not None \
            and invited <= now - UNREAD_AFTER:
        return "unread"
    return "no_answer"


def _too_soon(guest: Guest, now: datetime) -> bool:
    """Invited less than CALL_AFTER ago and not heard from: too soon to call (a failed
    invitation, a "maybe" or a guest already called is not waited for)."""
    if guest.invitation == InvitationState.failed or guest.answered_at is not None or guest.called_at is not None:
        return False
    invited = _aware(guest.invited_at)
    return invited is not None and invited > _aware(now) - CALL_AFTER


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=timezone.utc)


def call_list(session: Session, actor: User, event_id, now: datetime | None = None) -> CallList:
    """The actor's share of the event's call list."""
    event, _member = require(session, actor, event_id, Action.VIEW)
    now = now or utcnow()
    rows = list(session.scalars(
        select(Guest).where(
            Guest.event_id == event.id, Guest.forgotten_at.is_(None),
            or_(Guest.invitation == InvitationState.failed,
                (Guest.status == RsvpStatus.invited) & (Guest.invitation != InvitationState.not_sent)))
        .order_by(func.lower(Guest.first_name), func.lower(Guest.last_name), Guest.id)))
    fresh = [g for g in rows if _too_soon(g, now)]
    rows = [g for g in rows if not _too_soon(g, now)]
    members = list(session.scalars(
        select(EventMember.user_id).where(EventMember.event_id == event.id,
                                          EventMember.role.in_(roles_for(Action.EDIT_GUESTS)))
        .order_by(EventMember.created_at, EventMember.id)))
    invited = session.scalar(select(func.count()).select_from(Guest).where(
        Guest.event_id == event.id, Guest.invitation != InvitationState.not_sent)) or 0
    if actor.id not in members:
        return CallList(event, [CallItem(g, _reason(g, now)) for g in rows], len(rows), len(members), invited,
                        len(fresh))
    me = members.index(actor.id)
    mine = [CallItem(g, _reason(g, now)) for n, g in enumerate(rows) if n % len(members) == me]
    return CallList(event, mine, len(rows), len(members), invited, len(fresh))


def log_call(session: Session, actor: User, event_id, guest_id, outcome: str,
             party_size: int | None = None) -> Guest:
    """Record a call: when, by whom, what came of it; an answer given on the phone is the
    guest's answer (with the party size when said)."""
    if outcome not in OUTCOMES:
        raise InvalidInput(i18n._("The outcome must be yes, no, maybe or no answer."), code="bad_outcome")
    event, _member = require(session, actor, event_id, Action.EDIT_GUESTS)
    guest = guest_service.get_guest(session, actor, event.id, guest_id)
    if outcome in _ANSWER:
        guest = rsvp.mark_by_hand(session, actor, event.id, guest.id, _ANSWER[outcome],
                                  party_size if outcome == "yes" and party_size else guest_service.UNSET).guest
    guest.called_at = utcnow()
    guest.called_by = actor.id
    guest.call_outcome = outcome
    session.flush()
    return guest
