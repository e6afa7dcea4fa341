"""The day-before message: each confirmed guest gets the time, the place, Waze and Google
Maps links and an add-to-calendar link, the day before the event (on by default,
`day before off`).

Due from 10:00 to 20:00 the day before, in the event's time zone; a guest gets it once
per event date (a dedupe key), so several workers and restarts send it once. A worker
that was down all that day does not send it late: the next day is the event itself.
"""
from __future__ import annotations

import logging
from datetime import datetime, time, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Event, Guest, RsvpStatus

from bot.services import languages, outbox, rsvp_links, sending
from bot.services.sending import notice
from bot.text import guest_replies as say
from bot.text import hours
from bot.text.dates import format_when
from bot.text.guest_replies import greeting_name
from bot.text.maps import map_links

log = logging.getLogger("bot.day_before")

KIND = sending.DAY_BEFORE
HOURS = (10, 20)  # local time, the day before


def is_due(event: Event, now: datetime) -> bool:
    """Tomorrow is the event's date (in its time zone) and it is daytime there."""
    if not event.day_before or event.date is None:
        return False
    local = hours.local(now, event.timezone)
    return local.date() + timedelta(days=1) == event.date and HOURS[0] <= local.hour < HOURS[1]


def due_events(session: Session, now: datetime) -> list:
    """Ids of events whose day-before message is due now (a day either side covers every zone)."""
    today = now.date()
    rows = session.scalars(select(Event).where(
        Event.day_before.is_(True), Event.date >= today, Event.date <= today + timedelta(days=2)))
    return [e.id for e in rows if is_due(e, now)]


def queue(session: Session, event: Event, *, secret: str | None = None, base_url: str | None = None) -> int:
    """Queue the message to each confirmed guest who has not opted out (once per guest and
    date); returns how many were new."""
    guests = list(session.scalars(select(Guest).where(
        Guest.event_id == event.id, Guest.status == RsvpStatus.confirmed, Guest.opted_out.is_(False),
        Guest.forgotten_at.is_(None))))
    # A guest added and marked by hand, never invited, may never have heard from us: they
    # still get it (a template outside the window), as do those who answered on WhatsApp.
    language = languages.for_guests(session, event, guests)
    links = map_links(event.location) or {}
    starts = datetime.combine(event.date, event.start_time or time(12, 0))
    expires = starts.replace(tzinfo=hours.zone(event.timezone)).astimezone(timezone.utc)
    queued = 0
    for guest in guests:
        lang = language[guest.id]
        page = rsvp_links.page_for(guest, secret, base_url)
        text = say.day_before(
            lang, greeting_name(guest.first_name, guest.last_name), event.name,
            format_when(event.date, event.start_time, lang), event.location,
            waze=links.get("waze"), google=links.get("google"),
            calendar=f"{page}/event.ics" if page else None, page=page)
        payload = notice(text, lang)
        payload["expires_at"] = expires.isoformat()   # never delivered once the event has begun
        # what the day-before template says, in whichever language it is approved in
        payload["day_before"] = {"name": greeting_name(guest.first_name, guest.last_name), "event": event.name,
                                 "date": event.date.isoformat(),
                                 "time": event.start_time.isoformat() if event.start_time else None,
                                 "place": event.location, "link": page}
        message = outbox.enqueue(
            session, phone=guest.phone, message=payload, kind=KIND, body=text,
            event_id=event.id, guest_id=guest.id, dedupe_key=f"day_before:{guest.id}:{event.date.isoformat()}")
        queued += message is not None
    if queued:
        log.info("day-before message for event %s: %d guest(s)", event.id, queued)
    return queued


__all__ = ["KIND", "is_due", "due_events", "queue"]
