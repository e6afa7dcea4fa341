"""Live numbers of an event: answers, expected headcount (adults and children), sides,
invitation delivery."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Direction, Event, Guest, InvitationState, Message, MessageStatus, RsvpStatus, User

from bot.services.permissions import Action
from bot.services.access import require
from bot.services import inbox, outbox
from bot.text import hours, sides
from bot.text.shabbat import shabbat_until

INVITATION = "invitation"   # the kind of an invitation in the outbox (bot.services.sending.INVITATION)


@dataclass
class Waiting:
    """Invitations in the outbox that have not gone out yet: held for the night or Shabbat
    (the worker's `outbox.HELD_FOR_QUIET`), or queued to go."""
    guest_ids: set = field(default_factory=set)
    held: int = 0
    queued: int = 0
    failed_before: int = 0          # of them, guests whose earlier invitation failed (sent again)
    until: datetime | None = None   # when the last of the held ones goes out (UTC)
    first: datetime | None = None   # when the first goes: earlier than `until` when some wait for a guest's own morning abroad
    reason: str | None = None       # "shabbat", "holiday" or "night"

    @property
    def total(self) -> int:
        return self.held + self.queued


def waiting_invitations(session: Session, event: Event) -> Waiting:
    """Who has an invitation queued or held, and when the held ones go out and why."""
    out = Waiting()
    seen: set = set()
    rows = session.execute(
        select(Message.guest_id, Message.error_text, Message.next_attempt_at, Guest.invitation)
        .join(Guest, Guest.id == Message.guest_id).where(
            Message.event_id == event.id,
            Message.direction == Direction.outbound,
            Message.kind == INVITATION,
            Message.status.in_([MessageStatus.queued, MessageStatus.sending]),
            Message.guest_id.is_not(None),
        )).all()
    for guest_id, error_text, at, state in rows:
        if guest_id in seen or state not in (InvitationState.not_sent, InvitationState.failed):
            continue
        seen.add(guest_id)
        out.failed_before += state == InvitationState.failed
        if error_text == outbox.HELD_FOR_QUIET and at is not None:
            at = at if at.tzinfo else at.replace(tzinfo=timezone.utc)
            out.held += 1
            out.until = at if out.until is None else max(out.until, at)
            out.first = at if out.first is None else min(out.first, at)
        else:
            out.queued += 1
    out.guest_ids = seen
    if out.until is not None:
        out.reason = _held_for(event, out.until)
    return out


def _held_for(event: Event, until: datetime) -> str:
    """What a hold that ends at `until` waits for: the end of Shabbat, of a holiday, or the night."""
    if event.shabbat and shabbat_until(until - timedelta(minutes=1), event.timezone, event.location):
        return "shabbat" if hours.local(until, event.timezone).weekday() == 5 else "holiday"
    return "night"


def event_stats(session: Session, actor: User, event_id) -> dict:
    event, _ = require(session, actor, event_id, Action.VIEW)
    rows = session.execute(
        select(Guest.side, Guest.status, Guest.invitation, func.count(), func.sum(Guest.party_size),
               func.count(Guest.party_size), func.sum(Guest.children), func.count(Guest.children),
               func.count(Guest.answered_at))
        .where(Guest.event_id == event.id)
        .group_by(Guest.side, Guest.status, Guest.invitation)
    ).all()
    by_status = {s.value: 0 for s in RsvpStatus}
    invitations = {s.value: 0 for s in InvitationState}
    by_side: dict[str, dict[str, int]] = {}
    spellings: dict[str, dict[str, int]] = {}   # "bride", "Bride" and "הכלה" are one side
    headcount = 0
    uncounted = 0
    children = 0
    children_known = 0
    total = 0
    maybe = 0
    for side, status, invitation, count, party_sum, party_known, children_sum, children_said, answered in rows:
        if status == RsvpStatus.invited:
            maybe += answered  # invited and answered: said maybe
        total += count
        by_status[status.value] += count
        invitations[invitation.value] += count
        key = sides.key(side) or "none"
        spellings.setdefault(key, {}).setdefault(side, 0)
        spellings[key][side] += count
        bucket = by_side.setdefault(key, {"total": 0, "confirmed": 0, "declined": 0, "invited": 0})
        bucket["total"] += count
        bucket[status.value] += count
        if status == RsvpStatus.confirmed:
            # A confirmed guest whose party size is unknown counts as one person.
            headcount += int(party_sum or 0) + (count - party_known)
            uncounted += count - party_known
            # Children are counted where said; everyone else of the party is an adult.
            children += int(children_sum or 0)
            children_known += children_said
    answered = by_status["confirmed"] + by_status["declined"]
    return {
        "total": total,
        "by_status": by_status,
        # Of the invited (pending) guests, those who answered maybe.
        "maybe": maybe,
        "confirmation_rate": round(by_status["confirmed"] / total, 4) if total else 0.0,
        "answered_rate": round(answered / total, 4) if total else 0.0,
        "expected_headcount": headcount,
        # Confirmed guests who have not said how many they are (each counted as one).
        "confirmed_without_count": uncounted,
        "expected_adults": max(0, headcount - children),
        "expected_children": children,
        # Confirmed guests who said how many children they bring (0 included): the chat
        # shows adults and children only when someone did.
        "children_known": children_known,
        "by_side": dict(sorted((_shown(key, spellings[key]), counts) for key, counts in by_side.items())),
        "invitations": invitations,
        # What guests wrote that this member has not read yet (their own `inbox`).
        "inbox_unread": inbox.unread_count(session, actor, event.id),
        # Invitations queued or held (counted in invitations["not_sent"] too): the chat
        # says they are on their way rather than asking for *invite* again.
        "waiting": waiting_invitations(session, event),
    }


def _shown(key: str, spellings: dict[str | None, int]) -> str:
    """A side under the spelling most of its guests have ("Bride" ×1 and "bride" ×2: "bride")."""
    if key == "none":
        return key
    return sides.shown({side: n for side, n in spellings.items() if side})
