"""Events: create, list, read, change, delete; per-member preferences."""
from __future__ import annotations

from datetime import date as Date, time as Time

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from storage.models import Event, EventMember, Role, User

from bot.services.permissions import Action
from bot.text.hours import parse_quiet_hours
from bot.text.phones import default_timezone_for
from bot.text.shabbat import zone_of_place
from bot.services.access import require
from bot.services import languages, notices, outbox
from bot.services.errors import InvalidInput
from bot.text import i18n

UNSET = object()
MAX_NAME = 200
MAX_LOCATION = 500


def _clean_name(name) -> str:
    name = " ".join(str(name or "").split())
    if not name:
        raise InvalidInput(i18n._("The event needs a name."), code="name_required")
    if len(name) > MAX_NAME:
        raise InvalidInput(i18n._("That name is too long (at most {n} characters).", n=str(MAX_NAME)),
                           code="name_too_long")
    return name


def _clean_location(location) -> str | None:
    if location is None:
        return None
    location = " ".join(str(location).split())
    if len(location) > MAX_LOCATION:
        raise InvalidInput(i18n._("That location is too long (at most {n} characters).", n=str(MAX_LOCATION)))
    return location or None


def _check_timezone(tz: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(i18n._("Unknown time zone {tz}; use a name like Asia/Jerusalem.", tz=repr(tz)),
                           code="bad_timezone")
    return tz


def _check_time(value) -> Time | None:
    if value is None or isinstance(value, Time):
        return value.replace(second=0, microsecond=0, tzinfo=None) if value else None
    raise InvalidInput(i18n._("The time must look like 19:30."), code="bad_time")


def create_event(
    session: Session,
    actor: User,
    name: str,
    date: Date | None = None,
    location: str | None = None,
    timezone: str | None = None,
    language: str | None = None,
    start_time: Time | None = None,
) -> Event:
    """A new event; its creator becomes its admin. Its guests read `language`, by default
    the language its creator writes in."""
    event = Event(
        language=languages.event_language(language) if language is not None else (actor.language or i18n.SOURCE),
        name=_clean_name(name),
        date=date,
        start_time=_check_time(start_time),
        location=_clean_location(location),
        # The clock of the place it is at, when the location names one ("…, Tel Aviv"), else the creator's.
        timezone=(_check_timezone(timezone) if timezone is not None
                  else zone_of_place(location) or default_timezone_for(actor.phone or actor.region)),
        created_by=actor.id,
    )
    session.add(event)
    session.flush()
    session.add(EventMember(event_id=event.id, user_id=actor.id, role=Role.admin, added_by=actor.id))
    session.flush()
    return event


def list_events(session: Session, actor: User) -> list[tuple[Event, EventMember]]:
    """The actor's events with the actor's membership, soonest first (undated last)."""
    rows = session.execute(
        select(Event, EventMember)
        .join(EventMember, EventMember.event_id == Event.id)
        .where(EventMember.user_id == actor.id)
        .order_by(Event.date.is_(None), Event.date, Event.created_at)
    ).all()
    return [(e, m) for e, m in rows]


def count_events(session: Session, actor: User) -> int:
    return session.scalar(select(func.count()).select_from(EventMember).where(EventMember.user_id == actor.id)) or 0


def get_event(session: Session, actor: User, event_id) -> tuple[Event, EventMember]:
    return require(session, actor, event_id, Action.VIEW)


def update_event(
    session: Session, actor: User, event_id, *, name=UNSET, date=UNSET, location=UNSET, timezone=UNSET,
    language=UNSET, start_time=UNSET,
) -> Event:
    event, _ = require(session, actor, event_id, Action.MANAGE_EVENT)
    if name is not UNSET:
        event.name = _clean_name(name)
    if date is not UNSET:
        if date is not None and not isinstance(date, Date):
            raise InvalidInput(i18n._("The date must look like 2027-06-12."), code="bad_date")
        event.date = date
    if start_time is not UNSET:
        event.start_time = _check_time(start_time)
    if location is not UNSET:
        event.location = _clean_location(location)
        # A venue in a known place brings its clock: a Tel Aviv wedding set up from London
        # is at 19:00 Tel Aviv time, its reminders and Shabbat too (unless a zone is given).
        if timezone is UNSET and zone_of_place(event.location):
            event.timezone = zone_of_place(event.location)
    if timezone is not UNSET and timezone is not None:   # "" is no time zone: refused, not ignored
        event.timezone = _check_timezone(timezone)
    if language is not UNSET:
        event.language = languages.event_language(language)
    session.flush()
    return event


def delete_event(session: Session, actor: User, event_id) -> str:
    """Deletes the event with its members, guests and messages; returns its name. The rest
    of the team is told, in their own language."""
    event, _ = require(session, actor, event_id, Action.MANAGE_EVENT)
    name, language = event.name, event.language
    # The team with their users, read before the rows go with the event.
    team = list(session.scalars(select(EventMember).options(joinedload(EventMember.user))
                                .where(EventMember.event_id == event.id)))
    session.delete(event)
    session.flush()
    notices.tell_event_deleted(session, actor, name, team, language)
    return name


def set_reminder_days(session: Session, actor: User, event_id, days: list[int] | None) -> Event:
    """Automatic reminder rounds, in days before the event's date (None turns them off)."""
    event, _ = require(session, actor, event_id, Action.MANAGE_EVENT)
    if days:
        clean = sorted({int(d) for d in days}, reverse=True)
        if any(d < 1 or d > 365 for d in clean):
            raise InvalidInput(i18n._("Reminder days must be between 1 and 365."), code="bad_reminder_days")
        event.reminder_days = clean
    else:
        event.reminder_days = None
    session.flush()
    return event


def set_quiet_hours(session: Session, actor: User, event_id, value: str | None) -> Event:
    """The event's own quiet hours: "21-9", "off" (none), or None (the bot's QUIET_HOURS)."""
    event, _ = require(session, actor, event_id, Action.MANAGE_EVENT)
    if value not in (None, "off"):
        try:
            parse_quiet_hours(value)
        except ValueError:
            raise InvalidInput(i18n._("Quiet hours look like 22-8."), code="bad_quiet_hours") from None
    event.quiet_hours = value
    outbox.release_held(session, event.id)   # what waited for the old quiet hours goes by the new ones
    session.flush()
    return event


def set_shabbat(session: Session, actor: User, event_id, on: bool) -> Event:
    event, _ = require(session, actor, event_id, Action.MANAGE_EVENT)
    event.shabbat = bool(on)
    outbox.release_held(session, event.id)   # what waited for Shabbat to end goes now, if it may
    session.flush()
    return event


def set_day_before(session: Session, actor: User, event_id, on: bool) -> Event:
    event, _ = require(session, actor, event_id, Action.MANAGE_EVENT)
    event.day_before = bool(on)
    session.flush()
    return event


def set_notify(session: Session, actor: User, event_id, on: bool) -> EventMember:
    """Whether this member is told of each guest's answer."""
    _, member = require(session, actor, event_id, Action.VIEW)
    member.notify = bool(on)
    session.flush()
    return member
