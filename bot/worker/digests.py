"""Digests of guest notes: everything guests wrote to one organiser lately, as one message.

Runs on the worker's job lane when a digest job falls due (bot.services.rsvp queues one
per organiser and few minutes). Inside the organiser's 24-hour window the notes go as one
free-form message; outside it the same words ride in one broadcast template, with the
count up front, instead of one paid template per note.

A note about a photo, a voice note, a video, a document or a place carries the medium
itself ("forward", bot.services.inbox.forward_of): inside the window it follows the
digest as itself, with its caption; outside it no template can carry a file, so the
template says how many of them wait in the organiser's inbox (where everything is filed
anyway).
"""
from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta

from sqlalchemy import select

from storage.models import Event, Message, MessageStatus, User, utcnow

from bot.services import inbox, languages, outbox
from bot.services.rsvp import GUEST_NOTE_KIND
from bot.services.sending import notice
from bot.text import i18n, replies
from bot.text.shabbat import shabbat_until
from bot.text.i18n import _, ngettext
from bot.worker.jobs import finish as finish_job

log = logging.getLogger("bot.digests")

MAX_DIGEST_CHARS = 3500      # one WhatsApp text, with room for the header
MAX_TEMPLATE_CHARS = 900     # a template parameter carries at most 1,024
WINDOW = timedelta(hours=24)


def run_digest(rt, row) -> bool:
    """Send one organiser's held notes as one message. False when the job was no longer ours."""
    job = row.payload or {}
    with rt.transaction() as session:
        if not finish_job(session, row.id, row.claimed_until):
            return False
        user = session.get(User, uuid.UUID(job["user_id"]))
        notes = list(session.scalars(
            select(Message).where(Message.kind == GUEST_NOTE_KIND, Message.user_id == uuid.UUID(job["user_id"]),
                                  Message.status == MessageStatus.queued,
                                  Message.next_attempt_at == outbox.HELD_UNTIL)
            .order_by(Message.created_at)
        ))
        if not notes:
            return True  # an earlier digest took them
        notes = _after_shabbat(session, notes, user_id=uuid.UUID(job["user_id"]), phone=row.phone,
                               at=row.claimed_at)
        if not notes:
            return True  # all of them wait for Shabbat to end
        now = utcnow()
        for note in notes:
            note.status = MessageStatus.sent
            note.sent_at = now
            note.batch_id = row.id
            note.error_text = "sent in a digest"
        if user is None:
            return True
        # What they already read in the inbox (`inbox` in the chat) is no news.
        notes = [n for n in notes if not inbox.seen(session, user, n.event_id, _filed_at(n))]
        if not notes:
            return True
        # What a teammate answered meanwhile (*reply*, *message*) is marked, so it is not answered twice.
        about = {n.id: _guest_of(n) for n in notes}
        written_to = inbox.last_written_to(session, {g for g in about.values() if g is not None})
        lang = languages.organiser_language(user)
        with i18n.use(lang):
            lines = [(n.body or "") + (" · " + _("↩️ answered")
                                       if inbox.answered(written_to, about[n.id], _filed_at(n)) else "")
                     for n in notes]
        forwards = [f for f in ((n.payload or {}).get("forward") for n in notes) if isinstance(f, dict)]
        inside = user.last_inbound_at is not None and user.last_inbound_at > now - WINDOW
        with i18n.use(lang):
            text = _compose(lines) + "\n\n" + _("To answer: *inbox*, then *reply 1 <text>*.")
            # no template carries a file: the template says how many wait in the inbox
            carried = _carried(lines, replies.inbox_waiting(len(forwards)) if forwards and not inside else "")
        message = outbox.text(text) if inside else notice(text, lang)
        if not inside:
            message["outside_window"] = carried
        outbox.enqueue(session, phone=user.phone, message=message, kind="note_digest_message", user_id=user.id)
        if inside:
            for forward in forwards:  # the photo, the voice note, the pin itself
                outbox.enqueue(session, phone=user.phone, message=forward, kind="note_digest_media",
                               user_id=user.id)
        log.info("digest of %d guest note(s) queued for an organiser (%d media %s)", len(notes), len(forwards),
                 "forwarded" if inside else "left in the inbox")
    return True


def _after_shabbat(session, notes: list[Message], *, user_id: uuid.UUID, phone: str | None,
                   at: datetime) -> list[Message]:
    """The notes that may go now. Those about an event that keeps Shabbat, while Shabbat or a
    holiday is on there, stay held: a digest job of that event takes them once it ends (the
    claim holds it until then, and a change of the event's `shabbat` releases it)."""
    event_ids = {n.event_id for n in notes if n.event_id is not None}
    if not event_ids:
        return notes
    resting = {event_id for event_id, tz, location in session.execute(
        select(Event.id, Event.timezone, Event.location).where(Event.id.in_(event_ids), Event.shabbat.is_(True)))
        if shabbat_until(at, tz, location) is not None}
    for event_id in resting:
        outbox.enqueue(session, phone=phone, kind=outbox.DIGEST_JOB, user_id=user_id, event_id=event_id,
                       message=outbox.job(outbox.DIGEST_JOB, user_id=str(user_id)), body="guest notes",
                       not_before=at)
    if resting:
        log.info("%d guest note(s) held for an organiser until Shabbat ends",
                 sum(1 for n in notes if n.event_id in resting))
    return [n for n in notes if n.event_id not in resting]


def _guest_of(note) -> uuid.UUID | None:
    try:
        return uuid.UUID((note.payload or {}).get("guest_id") or "")
    except ValueError:
        return None


def _filed_at(note) -> datetime | None:
    value = (note.payload or {}).get("filed_at")
    try:
        return datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _compose(lines: list[str]) -> str:
    if len(lines) == 1:
        return lines[0]
    head = ngettext("💬 {n} new message from guests:", "💬 {n} new messages from guests:", len(lines))
    shown: list[str] = []
    used = len(head)
    for line in lines:
        if used + len(line) + 2 > MAX_DIGEST_CHARS:
            break
        shown.append(line)
        used += len(line) + 2
    text = head + "\n\n" + "\n\n".join(shown)
    if len(shown) < len(lines):
        text += "\n\n" + ngettext("…and {n} more.", "…and {n} more.", len(lines) - len(shown))
    return text


def _carried(lines: list[str], tail: str = "") -> str:
    """The digest in one template parameter: the count first, then as many notes as fit,
    and `tail` (where they wait) at the end."""
    room = MAX_TEMPLATE_CHARS - (len(tail) + 1 if tail else 0)
    end = f" {tail}" if tail else ""
    if len(lines) == 1:
        return (lines[0] if len(lines[0]) <= room else lines[0][:room - 1] + "…") + end
    head = ngettext("{n} new message from guests:", "{n} new messages from guests:", len(lines))
    words = head
    for line in lines:
        candidate = f"{words} {line}"
        if len(candidate) > room - 2:
            return words + " …" + end
        words = candidate
    return words + end
