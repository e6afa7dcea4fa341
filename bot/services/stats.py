"""Live numbers of an event: answers, expected headcount (adults and children), sides,
invitation delivery."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Guest, InvitationState, RsvpStatus, User

from bot.services.permissions import Action
from bot.services.access import require
from bot.services import inbox
from bot.text import sides


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
        "expected_adults": max(0, headcount - children),
        "expected_children": children,
        # Confirmed guests who said how many children they bring (0 included): the chat
        # shows adults and children only when someone did.
        "children_known": children_known,
        "by_side": dict(sorted((_shown(key, spellings[key]), counts) for key, counts in by_side.items())),
        "invitations": invitations,
        # What guests wrote that this member has not read yet (their own `inbox`).
        "inbox_unread": inbox.unread_count(session, actor, event.id),
    }


def _shown(key: str, spellings: dict[str | None, int]) -> str:
    """A side under the spelling most of its guests have ("Bride" ×1 and "bride" ×2: "bride")."""
    if key == "none":
        return key
    return sides.shown({side: n for side, n in spellings.items() if side})
