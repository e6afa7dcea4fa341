"""Per-sender chat state: the current event, a pending confirmation, the last listings.

One `Conversation` row per user. The current event is remembered explicitly (`use`)
and chosen automatically when the sender organises exactly one event. A pending
confirmation ("Send the invitation to 143 guests?") lives for 10 minutes. The last
listing of guests (and of members) maps the numbers people type ("remove guest 3")
back to rows, per event.

No WhatsApp here and no role checks: callers go through the services for those.
"""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from storage.models import Conversation, Event, EventMember, User

from bot.services import events as event_service
from bot.services import senders
from bot.services.access import as_uuid, get_membership
from bot.services.users import created_in_this_transaction

PENDING_TTL = timedelta(minutes=10)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def get_conversation(session: Session, user: User) -> Conversation:
    conv = session.get(Conversation, user.id)
    if conv is None:
        conv = Conversation(user_id=user.id)
        session.add(conv)
        session.flush()
    return conv


def peek_conversation(session: Session, user: User) -> Conversation:
    """The sender's conversation, or a new one not yet stored: `keep_conversation` stores
    it once there is something to keep (most guests tap an answer and need none)."""
    if created_in_this_transaction(session, user):
        # Nothing of a user created just now is stored: only this session may hold their conversation.
        held = session.identity_map.get(identity_key(Conversation, user.id))
        held = held or next((o for o in session.new if isinstance(o, Conversation) and o.user_id == user.id), None)
        return held or Conversation(user_id=user.id)
    read, stored = senders.conversation(session, user.id)
    if read:   # read with the answering worker's batch (bot.services.senders)
        held = session.identity_map.get(identity_key(Conversation, user.id))
        held = held or next((o for o in session.new if isinstance(o, Conversation) and o.user_id == user.id), None)
        return held or stored or Conversation(user_id=user.id)
    return session.get(Conversation, user.id) or Conversation(user_id=user.id)


def keep_conversation(session: Session, conv: Conversation) -> None:
    """Store a conversation from `peek_conversation` (its first write is one INSERT)."""
    if conv not in session:
        session.add(conv)


# ---------------------------------------------------------------- the current event

def current_event(session: Session, user: User, conv: Conversation) -> tuple[Event, EventMember] | None:
    """The event the sender is working on, if it is clear which one.

    The remembered one while the sender is still a member of it; else the only event
    the sender has; else None (no events, or several and none chosen).
    """
    if conv.current_event_id is not None:
        member = get_membership(session, user.id, conv.current_event_id)
        event = session.get(Event, conv.current_event_id) if member is not None else None
        if event is not None:
            return event, member
        conv.current_event_id = None
    events = event_service.list_events(session, user)
    if len(events) == 1:
        event, member = events[0]
        conv.current_event_id = event.id
        return event, member
    return None


def set_current_event(conv: Conversation, event_id) -> None:
    if conv.current_event_id != as_uuid(event_id):
        conv.current_event_id = as_uuid(event_id)


# ---------------------------------------------------------------- pending confirmation

def set_pending(conv: Conversation, action: dict, now: datetime | None = None) -> None:
    """Remember a question waiting for yes/no; `action` is plain JSON (op, event_id, ...)."""
    conv.pending = dict(action)
    conv.pending_expires_at = (now or _now()) + PENDING_TTL


def clear_pending(conv: Conversation) -> None:
    conv.pending = None
    conv.pending_expires_at = None


def take_pending(session: Session, conv: Conversation, now: datetime | None = None) -> tuple[dict | None, bool]:
    """(the pending action, expired?) and forget it either way.

    The row is re-read under a lock first: two taps on "Yes" handled at once (two web
    workers) find the question once, so a bulk send never runs twice.
    """
    if conv in session and conv not in session.new:
        session.refresh(conv, with_for_update=True)
    pending = conv.pending
    if not pending:
        clear_pending(conv)
        return None, False
    expires = conv.pending_expires_at
    clear_pending(conv)
    expired = expires is None or expires <= (now or _now())
    return pending, expired


def has_pending(conv: Conversation, now: datetime | None = None) -> bool:
    expires = conv.pending_expires_at
    return bool(conv.pending) and expires is not None and expires > (now or _now())


# ---------------------------------------------------------------- listings

def _listings(conv: Conversation) -> dict:
    return dict(conv.listing or {})


def save_listing(conv: Conversation, kind: str, event_id, ids: list, **extra) -> None:
    """The rows just shown, by position (1-based numbers in replies). `kind` is
    "guests" or "members"; `extra` keeps what `more` needs (filters, total)."""
    listings = _listings(conv)
    listings[kind] = {"event_id": str(event_id), "ids": [str(i) for i in ids], **extra}
    listings["last"] = kind
    conv.listing = listings


def get_listing(conv: Conversation, kind: str, event_id=None) -> dict | None:
    listing = _listings(conv).get(kind)
    if not listing:
        return None
    if event_id is not None and listing.get("event_id") != str(event_id):
        return None
    return listing


def drop_pick(conv: Conversation) -> None:
    """A "which one? send it again with the number" list no longer picks: another command came."""
    listings = _listings(conv)
    guests = listings.get("guests")
    if isinstance(guests, dict) and "pick" in guests:
        listings["guests"] = {k: v for k, v in guests.items() if k != "pick"}   # a new value, never changed in place
        conv.listing = listings


def last_listing_kind(conv: Conversation) -> str | None:
    return _listings(conv).get("last")


def listing_id(conv: Conversation, kind: str, event_id, number: int) -> uuid.UUID | None:
    """The id shown as `number` in the last listing of `kind` for this event."""
    listing = get_listing(conv, kind, event_id)
    if not listing or number < 1 or number > len(listing["ids"]):
        return None
    return as_uuid(listing["ids"][number - 1])


# ---------------------------------------------------------------- a member's number awaited

_AWAITED_MEMBER = "await_member"


def await_member(conv: Conversation, event_id, role: str, now: datetime | None = None) -> None:
    """"add editor" with no number: the number or contact card sent next (within PENDING_TTL) is that member's."""
    listings = _listings(conv)
    until = (now or _now()) + PENDING_TTL
    listings[_AWAITED_MEMBER] = {"event_id": str(event_id), "role": role, "until": until.isoformat()}
    conv.listing = listings


def awaited_member(conv: Conversation, event_id, now: datetime | None = None) -> str | None:
    """The role of the member whose number is awaited for this event (any event: `event_id` None), see
    `await_member`; else None."""
    item = get_listing(conv, _AWAITED_MEMBER, event_id)
    try:
        if item is None or datetime.fromisoformat(item["until"]) <= (now or _now()):
            return None
    except (KeyError, TypeError, ValueError):
        return None
    return item.get("role")


def forget_awaited_member(conv: Conversation) -> bool:
    """Stop waiting for a member's number; whether one was awaited."""
    listings = _listings(conv)
    if listings.pop(_AWAITED_MEMBER, None) is None:
        return False
    conv.listing = listings
    return True


# ---------------------------------------------------------------- the rest of a command awaited

_AWAITED_WORDS = "await_words"


def await_words(conv: Conversation, command: str, tries: int = 0, now: datetime | None = None) -> None:
    """"אירוע חדש" with no name, "תשנה תאריך" with no date: the message sent next (within
    PENDING_TTL) completes `command` ("new event", "set date"); `tries`: how many did not."""
    listings = _listings(conv)
    listings[_AWAITED_WORDS] = {"command": command, "tries": tries,
                                "until": ((now or _now()) + PENDING_TTL).isoformat()}
    conv.listing = listings


def take_awaited_words(conv: Conversation, now: datetime | None = None) -> tuple[str, int] | None:
    """(the command the next message completes, how many tries did not; see `await_words`),
    forgotten as it is taken: one message, whatever it is, answers it; None when nothing is
    awaited or it lapsed."""
    listings = _listings(conv)
    item = listings.pop(_AWAITED_WORDS, None)
    if item is None:
        return None
    conv.listing = listings
    try:
        if datetime.fromisoformat(item["until"]) <= (now or _now()):
            return None
        return str(item["command"]), int(item.get("tries") or 0)
    except (KeyError, TypeError, ValueError):
        return None


def forget_event(conv: Conversation, event_id) -> None:
    """After an event is deleted or left: no current event, no listings of it, no question about it."""
    if conv.current_event_id == as_uuid(event_id):
        conv.current_event_id = None
    listings = _listings(conv)
    changed = False
    for kind in ("guests", "members", _AWAITED_MEMBER):
        if listings.get(kind, {}).get("event_id") == str(event_id):
            listings.pop(kind)
            changed = True
    if changed:
        conv.listing = listings
    if conv.pending and conv.pending.get("event_id") == str(event_id):
        clear_pending(conv)
