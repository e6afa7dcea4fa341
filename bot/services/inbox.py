"""The event's inbox: everything a guest wrote that is not an answer, kept for the organisers.

An inbox item is the stored inbound message itself (a `messages` row, direction "in",
with the raw Cloud API message as its payload): the guest flow files it by setting the
row's `event_id` and `guest_id` (`file`). No other inbound row carries an event, so
"inbound with an event" is the inbox. Filing does not depend on anyone's `notify`: with
every organiser on `notify off` the question still waits here (`inbox` in the chat,
`GET /api/events/{id}/inbox`). Voice notes, photos, videos, documents, stickers and
locations are items too, with their captions; `forward_of` turns one into the neutral
outbox message that shows it to an organiser as itself.

Read marks are per member and event, without a table of their own: the time of the newest
item the member has seen, in their `Conversation.listing` JSON under "inbox_read"
({event id: ISO time}). Items filed after it are unread.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Conversation, Direction, Event, Guest, Message, User

from bot.services import outbox
from bot.services.sending import GUEST_MESSAGE
from bot.services.access import as_uuid, require
from bot.services.permissions import Action

READ_KEY = "inbox_read"
RECENT = timedelta(days=7)   # how long a guest's message counts as waiting for an answer ("reply to her")
MEDIA_KINDS = outbox.MEDIA_KINDS


@dataclass
class Item:
    """One thing a guest wrote, as the organisers read it."""

    id: uuid.UUID
    event_id: uuid.UUID
    guest_id: uuid.UUID | None
    guest_name: str | None
    kind: str                       # text, image, audio, video, document, sticker, location, contacts, ...
    text: str | None                # what a text message says
    caption: str | None             # a medium's caption; a location's name and address
    media_id: str | None
    mime_type: str | None
    filename: str | None
    location: dict | None           # {"latitude", "longitude", "name", "address"}
    received_at: datetime
    read: bool
    replied: bool = False           # an organiser wrote to the guest after it (*reply*, *message*)


# --------------------------------------------------------------------------- filing


def file(session: Session, guest: Guest, wamid: str | None) -> Message | None:
    """File the stored inbound message `wamid` in the inbox of `guest`'s event. None when
    no such message is stored (a message handed to the guest flow directly)."""
    if not wamid:
        return None
    row = session.scalar(select(Message).where(Message.wamid == wamid, Message.direction == Direction.inbound))
    if row is not None:
        row.event_id, row.guest_id = guest.event_id, guest.id
        session.flush()
    return row


def content_of(msg) -> dict:
    """What a parsed message (bot.whatsapp.inbound.InboundMessage, read by its fields) carries,
    as plain JSON: {"kind", "text", "caption", "media_id", "mime_type", "filename", "location"}."""
    if msg is None:
        return {"kind": "unknown", "text": None, "caption": None, "media_id": None, "mime_type": None,
                "filename": None, "location": None}
    kind = msg.kind
    out = {"kind": kind, "text": None, "caption": None, "media_id": None, "mime_type": None, "filename": None,
           "location": None}
    if kind in MEDIA_KINDS and msg.media is not None:
        out.update(caption=_clean(msg.media.caption), media_id=msg.media.id, mime_type=msg.media.mime_type,
                   filename=msg.media.filename)
    elif kind == "location" and msg.location is not None:
        place = msg.location
        out["location"] = {"latitude": place.lat, "longitude": place.lon, "name": place.name,
                           "address": place.address}
        out["caption"] = _clean(", ".join(p for p in (place.name, place.address) if p)) or None
    elif kind == "contacts":
        names = [c.name for c in msg.contacts if c.name]
        out["caption"] = ", ".join(names) or None
    else:
        out["text"] = _clean(msg.text)
    return out


def _clean(text: str | None) -> str | None:
    shown = " ".join(str(text or "").split())
    return shown or None


def forward_of(content: dict, caption: str | None = None) -> dict | None:
    """The neutral outbox message that shows a medium or a location as itself (None for
    words). `caption` replaces the medium's own (e.g. with who sent it)."""
    kind = content.get("kind")
    if kind in MEDIA_KINDS and content.get("media_id"):
        return outbox.media(kind, content["media_id"], caption=caption if caption is not None else content.get("caption"),
                            filename=content.get("filename"))
    place = content.get("location")
    if kind == "location" and place:
        return outbox.location(place["latitude"], place["longitude"], name=place.get("name"),
                               address=place.get("address"))
    return None


def _str(value) -> str | None:
    return value if isinstance(value, str) and value else None


def _number(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def content_of_row(row: Message) -> dict:
    """The content of a stored inbound message, read from the raw Cloud API message the
    webhook kept (its payload may be gone: retention erases it; then the row's own body)."""
    out = content_of(None)
    out["kind"] = row.kind or "unknown"
    raw = (row.payload or {}).get("message") if isinstance(row.payload, dict) else None
    body = raw.get(row.kind) if isinstance(raw, dict) else None
    if row.kind in MEDIA_KINDS and isinstance(body, dict):
        out.update(caption=_clean(_str(body.get("caption"))), media_id=_str(body.get("id")),
                   mime_type=_str(body.get("mime_type")), filename=_str(body.get("filename")))
    elif row.kind == "location" and isinstance(body, dict) and _number(body.get("latitude")) is not None \
            and _number(body.get("longitude")) is not None:
        name, address = _str(body.get("name")), _str(body.get("address"))
        out["location"] = {"latitude": _number(body["latitude"]), "longitude": _number(body["longitude"]),
                           "name": name, "address": address}
        out["caption"] = _clean(", ".join(p for p in (name, address) if p))
    elif row.kind == "contacts" and isinstance(raw, dict) and isinstance(raw.get("contacts"), list):
        names = [_str((c.get("name") or {}).get("formatted_name")) for c in raw["contacts"]
                 if isinstance(c, dict) and isinstance(c.get("name"), dict)]
        out["caption"] = ", ".join(n for n in names if n) or None
    elif row.kind in ("text", "button", "interactive"):
        out["text"] = _clean(row.body)
    elif row.body:
        out["caption"] = _clean(row.body)
    return out


# --------------------------------------------------------------------------- read marks


def _conversation(session: Session, user: User, create: bool = False) -> Conversation | None:
    conv = session.get(Conversation, user.id)
    if conv is None and create:
        conv = Conversation(user_id=user.id)
        session.add(conv)
        session.flush()
    return conv


def read_until(session: Session, user: User, event_id) -> datetime | None:
    """The newest item `user` has seen in the event's inbox (None: none yet)."""
    conv = _conversation(session, user)
    marks = ((conv.listing or {}).get(READ_KEY) or {}) if conv is not None else {}
    value = marks.get(str(as_uuid(event_id))) if isinstance(marks, dict) else None
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def mark_read(session: Session, user: User, event_id, until: datetime) -> None:
    """Everything filed up to `until` is read for `user` (a mark never moves back)."""
    if until.tzinfo is None:
        until = until.replace(tzinfo=timezone.utc)
    before = read_until(session, user, event_id)
    if before is not None and before >= until:
        return
    conv = _conversation(session, user, create=True)
    listing = dict(conv.listing or {})
    marks = dict(listing.get(READ_KEY) or {})
    marks[str(as_uuid(event_id))] = until.astimezone(timezone.utc).isoformat()
    listing[READ_KEY] = marks
    conv.listing = listing


# --------------------------------------------------------------------------- reading


def _filed(event_id):
    return (Message.direction == Direction.inbound) & (Message.event_id == event_id)


def last_filed_at(session: Session, guest: Guest) -> datetime | None:
    """When the guest's newest inbox item was filed (what a read mark is compared with)."""
    at = session.scalar(select(func.max(Message.created_at)).where(_filed(guest.event_id), Message.guest_id == guest.id))
    return at.replace(tzinfo=timezone.utc) if at is not None and at.tzinfo is None else at


def seen(session: Session, user: User, event_id, filed_at: datetime | None) -> bool:
    """Whether `user` has read the event's inbox past an item filed at `filed_at`."""
    if filed_at is None:
        return False
    since = read_until(session, user, event_id)
    return since is not None and filed_at <= since


def unread_count(session: Session, user: User, event_id) -> int:
    """How many items of the event's inbox `user` has not seen (no role check: callers have one)."""
    since = read_until(session, user, event_id)
    query = select(func.count()).select_from(Message).where(_filed(as_uuid(event_id)))
    if since is not None:
        query = query.where(Message.created_at > since)
    return session.scalar(query) or 0


def list_items(session: Session, actor: User, event_id, *, skip: int = 0,
               limit: int | None = 50) -> tuple[Event, list[Item], int, int]:
    """(event, a page of items newest first, how many in all, how many unread for `actor`)."""
    event, _member = require(session, actor, event_id, Action.VIEW)
    total = session.scalar(select(func.count()).select_from(Message).where(_filed(event.id))) or 0
    since = read_until(session, actor, event.id)
    query = (select(Message, Guest).outerjoin(Guest, Guest.id == Message.guest_id)
             .where(_filed(event.id)).order_by(Message.created_at.desc(), Message.id.desc()).offset(skip))
    if limit is not None:
        query = query.limit(limit)
    items = []
    page = session.execute(query).all()
    # When an organiser last wrote to each of these guests (*reply 2 …*, *message Avi: …*):
    # what the guest wrote before that has been answered.
    answered_at = last_written_to(session, {row.guest_id for row, _g in page if row.guest_id is not None})
    for row, guest in page:
        content = content_of_row(row)
        created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=timezone.utc)
        items.append(Item(
            id=row.id, event_id=event.id, guest_id=row.guest_id,
            guest_name=guest.full_name if guest is not None else None,
            kind=content["kind"], text=content["text"], caption=content["caption"],
            media_id=content["media_id"], mime_type=content["mime_type"], filename=content["filename"],
            location=content["location"], received_at=row.sent_at or created,
            read=since is not None and created <= since,
            replied=_after(answered_at.get(row.guest_id), created),
        ))
    unread = unread_count(session, actor, event.id)
    return event, items, total, unread


def last_written_to(session: Session, guest_ids) -> dict:
    """guest id → when an organiser last wrote to that guest (*reply 2 …*, *message Avi: …*):
    what the guest wrote before then has been answered."""
    if not guest_ids:
        return {}
    return dict(session.execute(
        select(Message.guest_id, func.max(Message.created_at))
        .where(Message.direction == Direction.outbound, Message.kind == GUEST_MESSAGE,
               Message.guest_id.in_(guest_ids))
        .group_by(Message.guest_id)).all())


def answered(written_to: dict, guest_id, filed_at: datetime | None) -> bool:
    """Whether what the guest wrote, filed at `filed_at`, was answered (see `last_written_to`)."""
    return filed_at is not None and _after(written_to.get(guest_id), filed_at)


def waiting(session: Session, actor: User, event_id, *, now: datetime | None = None,
            within: timedelta = RECENT) -> list[Item]:
    """What still waits for an answer, newest first: items from a guest on the list, filed in the last `within`,
    that no organiser has written to that guest after (*reply*, *message*)."""
    _event, items, _total, _unread = list_items(session, actor, event_id, limit=50)
    since = (now or datetime.now(timezone.utc)) - within
    return [i for i in items if i.guest_id is not None and not i.replied
            and (i.received_at if i.received_at.tzinfo else i.received_at.replace(tzinfo=timezone.utc)) >= since]


def _after(moment: datetime | None, created: datetime) -> bool:
    if moment is None:
        return False
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)) >= created


def newest_filed(items: list[Item], session: Session) -> datetime | None:
    """When the newest of `items` was filed (what a read mark records)."""
    if not items:
        return None
    created = session.scalar(select(func.max(Message.created_at)).where(Message.id.in_([i.id for i in items])))
    if created is not None and created.tzinfo is None:
        created = created.replace(tzinfo=timezone.utc)
    return created


def item_guest(session: Session, actor: User, event_id, item_id) -> Guest | None:
    """The guest who wrote inbox item `item_id` of the event (None: gone or not this event's)."""
    event, _member = require(session, actor, event_id, Action.VIEW)
    row = session.get(Message, as_uuid(item_id)) if as_uuid(item_id) else None
    if row is None or row.event_id != event.id or row.direction != Direction.inbound or row.guest_id is None:
        return None
    guest = session.get(Guest, row.guest_id)
    return guest if guest is not None and guest.event_id == event.id else None
