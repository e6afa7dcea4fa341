"""Sending to guests: invitations, reminders, broadcasts and a message to one guest.

Every message is an outbox row written in the caller's transaction; the worker sends it.
A bulk send is a SendBatch (whom it was for, who asked) whose rows carry its id, so the
scheduler can tell the requester the final tally once every row is final.

Audiences never include guests who opted out, nor guests whose invitation failed for
good (WhatsApp said their number is not on WhatsApp, is not a valid recipient, or stopped
our messages: PERMANENT_FAILURES, read from the failed invitation's error code). Any
other failure (a paused template, Meta's server errors after every retry, a marketing
limit) is tried again by the next `invite`. Each audience says how many it skipped and why.
"""
from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from sqlalchemy import distinct, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from storage.db import is_postgres
from storage.models import (
    Direction,
    Event,
    Guest,
    InvitationState,
    Message,
    MessageStatus,
    RsvpStatus,
    SendBatch,
    SendBudget,
    User,
    utcnow,
)

from bot.services import languages, outbox, planner
from bot.text import sides
from bot.services.permissions import Action
from bot.services.access import as_uuid, require
from bot.services.errors import Conflict, InvalidInput, NotFound
from bot.services.guests import status_clause
from bot.text import i18n
from bot.text import guest_replies as say
from bot.text.dates import format_when
from bot.text.guest_replies import greeting_name
from bot.text.hours import event_quiet, quiet_end, shabbat_until

INVITATION = "invitation"
REMINDER = "reminder"
BROADCAST = "broadcast"
GUEST_MESSAGE = "guest_message"
DAY_BEFORE = "day_before"
QUESTION = "question"

# Why a guest was left out of an audience (keys of Audience.skipped).
SKIP_OPTED_OUT = "opted out"
SKIP_FAILED = "invitation failed"
SKIP_ANSWERED = "already answered"    # said yes or no before any invitation went out
SKIP_NOT_INVITED = "not invited yet"   # matched "pending", but never had the invitation
SKIP_MAYBE_LATELY = "said maybe lately"   # a reminder now would nag them: see MAYBE_RESPITE
# A held reminder the guest made needless by answering first: not sent, and no failure.
ANSWERED_FIRST = "answered first"

MAX_TEXT = 1000  # an organiser's free text; a template parameter carries at most 1,024

# Payloads of the answer buttons: "rsvp:<guest id>:<answer>" names the guest and the answer.
RSVP_PREFIX = "rsvp"
ANSWERS = ("yes", "no", "maybe")
SENT_STATES = (InvitationState.sent, InvitationState.delivered, InvitationState.read)

# Meta's error codes that say the number itself cannot get our messages: not on WhatsApp
# (131026), not a valid recipient (131021, 131030), stopped messages from us (131050).
PERMANENT_FAILURES = frozenset({131026, 131021, 131030, 131050})


@dataclass
class Audience:
    """Whom a send would reach, and how many were left out and why."""

    event: Event
    guests: list[Guest]
    skipped: dict[str, int] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.guests)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def describe_skipped(self) -> str:
        """"2 opted out, 1 whose invitation failed" (empty when nobody was skipped)."""
        return describe_skipped(self.skipped)


def describe_skipped(skipped: dict[str, int]) -> str:
    parts = []
    for reason, n in skipped.items():
        if not n:
            continue
        if reason == SKIP_FAILED:
            parts.append(f"{n} whose invitation failed")
        else:
            parts.append(f"{n} {reason}")
    return ", ".join(parts)


# --------------------------------------------------------------------------- payloads


def rsvp_payload_id(guest_id, answer: str) -> str:
    return f"{RSVP_PREFIX}:{guest_id}:{answer}"


def parse_rsvp_payload(reply_id: str | None) -> tuple[uuid.UUID, str] | None:
    """(guest id, answer) from an answer button's payload, else None."""
    if not reply_id or not isinstance(reply_id, str):
        return None
    parts = reply_id.strip().split(":")
    if len(parts) != 3 or parts[0] != RSVP_PREFIX or parts[2] not in ANSWERS:
        return None
    gid = as_uuid(parts[1])
    return (gid, parts[2]) if gid else None


def invitation_message(event: Event, guest: Guest, reminder: bool = False, language: str | None = None,
                       inside_window: bool = False) -> dict:
    """The invitation (or its reminder) to `guest`, as a neutral message the WhatsApp layer
    renders in `language` (the guest's: see `languages.for_guests`); `inside_window`: the
    guest wrote in the last 24 hours, so a reminder may go in our own words."""
    return outbox.invitation(guest_id=guest.id, first_name=greeting_name(guest.first_name, guest.last_name),
                             event_name=event.name, event_date=event.date, location=event.location,
                             start_time=event.start_time, reminder=reminder, language=language or event.language or "en",
                             inside_window=inside_window)


def notice(text: str, language: str | None = None) -> dict:
    """Words for someone who may not have written lately: outside the 24-hour window the
    broadcast template carries them (in `language`, the words' own, when approved in it)."""
    return outbox.text(text, outside_window=text, language=language)


# --------------------------------------------------------------------------- audiences


def _in_flight_invitations(session: Session, event_id) -> set[uuid.UUID]:
    """Guests whose invitation is queued or being sent right now."""
    return set(session.scalars(
        select(Message.guest_id).where(
            Message.event_id == event_id,
            Message.direction == Direction.outbound,
            Message.kind == INVITATION,
            Message.status.in_([MessageStatus.queued, MessageStatus.sending]),
            Message.guest_id.is_not(None),
        )
    ))


def _permanently_failed(session: Session, event: Event, guests: list[Guest]) -> set[uuid.UUID]:
    """Guests whose last invitation to their current number failed with a PERMANENT_FAILURES code."""
    failed = {g.id: g.phone for g in guests if g.invitation == InvitationState.failed}
    if not failed:
        return set()
    last: dict[uuid.UUID, int | None] = {}
    for guest_id, phone, code in session.execute(
        select(Message.guest_id, Message.phone, Message.error_code).where(
            Message.event_id == event.id,
            Message.kind == INVITATION,
            Message.direction == Direction.outbound,
            Message.status == MessageStatus.failed,
            Message.guest_id.is_not(None),
        ).order_by(Message.created_at)
    ):
        if failed.get(guest_id) == phone:
            last[guest_id] = code
    return {gid for gid, code in last.items() if code in PERMANENT_FAILURES}


def split_audience(session: Session, candidates: list[Guest], event: Event, *, retry_failed: bool) -> Audience:
    """Leave out who opted out and whose number failed for good; with `retry_failed` off
    (reminders, broadcasts) also those whose invitation never arrived for any reason."""
    permanent = _permanently_failed(session, event, candidates)
    guests: list[Guest] = []
    skipped = {SKIP_OPTED_OUT: 0, SKIP_FAILED: 0}
    for guest in candidates:
        if guest.opted_out:
            skipped[SKIP_OPTED_OUT] += 1
        elif guest.id in permanent or (guest.invitation == InvitationState.failed and not retry_failed):
            skipped[SKIP_FAILED] += 1
        else:
            guests.append(guest)
    return Audience(event, guests, {k: v for k, v in skipped.items() if v})


def _ordered(query):
    return query.order_by(func.lower(Guest.first_name), func.lower(Guest.last_name), Guest.id)


def _invite_candidates(session: Session, event: Event) -> Audience:
    rows = list(session.scalars(_ordered(select(Guest).where(
        Guest.event_id == event.id,
        Guest.invitation.in_([InvitationState.not_sent, InvitationState.failed]),
    ))))
    in_flight = _in_flight_invitations(session, event.id)
    # Someone who already said yes or no (by phone, on their page, or writing first) is
    # not asked "will you come?": they are counted as skipped instead.
    answered = [g for g in rows if g.status != RsvpStatus.invited]
    audience = split_audience(session, [g for g in rows if g.id not in in_flight and g not in answered], event,
                              retry_failed=True)
    if answered:
        audience.skipped[SKIP_ANSWERED] = len(answered)
    return audience


def _pending_candidates(session: Session, event: Event, now: datetime | None = None) -> Audience:
    """Invited guests with no answer yet; one who said maybe in the last MAYBE_RESPITE is left
    out (and counted), as the automatic rounds leave them out."""
    rows = list(session.scalars(_ordered(select(Guest).where(
        Guest.event_id == event.id,
        Guest.status == RsvpStatus.invited,
        Guest.invitation.in_([*SENT_STATES, InvitationState.failed]),
    ))))
    audience = split_audience(session, rows, event, retry_failed=False)
    since = (now or utcnow()) - MAYBE_RESPITE
    fresh = [g for g in audience.guests if g.answered_at is not None and g.answered_at > since]
    if fresh:
        audience.guests = [g for g in audience.guests if g not in fresh]
        audience.skipped[SKIP_MAYBE_LATELY] = len(fresh)
    return audience


def invite_audience(session: Session, actor: User, event_id) -> Audience:
    """Guests not invited yet (no invitation sent or on its way)."""
    event, _ = require(session, actor, event_id, Action.SEND)
    return _invite_candidates(session, event)


def remind_audience(session: Session, actor: User, event_id) -> Audience:
    """Invited guests who have not answered."""
    event, _ = require(session, actor, event_id, Action.SEND)
    return _pending_candidates(session, event)


def pending_audience(session: Session, event: Event) -> Audience:
    """The reminder audience without a role check: the one rule for `remind` and the
    automatic reminder rounds (invited, not answered, not opted out, invitation arrived,
    no maybe said in the last MAYBE_RESPITE)."""
    return _pending_candidates(session, event)


# An automatic round reminds each guest at most this many times.
MAX_AUTOMATIC_REMINDERS = 3
MAYBE_RESPITE = timedelta(days=3)   # a maybe said this recently is not reminded yet


def round_audience(session: Session, event: Event, now: datetime | None = None) -> Audience:
    """Who an automatic reminder round reaches: guests whose invitation arrived (delivered
    or read) and who have no answer yet, not opted out, reminded fewer than
    MAX_AUTOMATIC_REMINDERS times. A guest who said maybe is among them (they were told
    "we'll check in again closer to the event"), unless they said it in the last
    MAYBE_RESPITE: a fresh maybe is not nagged."""
    now = now or utcnow()
    rows = list(session.scalars(_ordered(select(Guest).where(
        Guest.event_id == event.id,
        Guest.status == RsvpStatus.invited,
        or_(Guest.answered_at.is_(None), Guest.answered_at <= now - MAYBE_RESPITE),
        Guest.invitation.in_([InvitationState.delivered, InvitationState.read]),
    ))))
    reminded = dict(session.execute(
        select(Message.guest_id, func.count()).where(
            Message.event_id == event.id, Message.kind == REMINDER, Message.direction == Direction.outbound,
            Message.guest_id.in_([g.id for g in rows]))
        .group_by(Message.guest_id)).all()) if rows else {}
    return split_audience(session, [g for g in rows if reminded.get(g.id, 0) < MAX_AUTOMATIC_REMINDERS], event,
                          retry_failed=False)


def broadcast_audience(session: Session, actor: User, event_id, status=None, side: str | None = None) -> Audience:
    """Guests matching the filters: status pending/confirmed/declined (or "not invited"), side."""
    event, _ = require(session, actor, event_id, Action.SEND)
    return _broadcast_candidates(session, event, status, side)


def _broadcast_candidates(session: Session, event: Event, status=None, side: str | None = None) -> Audience:
    q = select(Guest).where(Guest.event_id == event.id)
    waiting = False
    if status:
        q = q.where(status_clause(status))
        key = str(getattr(status, "value", status)).strip().lower().replace("_", " ")
        waiting = key in ("pending", "maybe", "invited")
    if side and side.strip():
        q = q.where(func.lower(Guest.side).in_(sides.spellings(side)))
    rows = list(session.scalars(_ordered(q)))
    # Waiting for an answer means invited first: never someone who has no invitation
    # (they are counted, so the organiser hears why nobody matched).
    uninvited = [g for g in rows if g.invitation == InvitationState.not_sent] if waiting else []
    audience = split_audience(session, [g for g in rows if g not in uninvited], event, retry_failed=False)
    if uninvited:
        audience.skipped[SKIP_NOT_INVITED] = len(uninvited)
    return audience


# --------------------------------------------------------------------------- sends


def new_batch(session: Session, event: Event, actor: User | None, kind: str) -> SendBatch:
    batch = SendBatch(event_id=event.id, requested_by=actor.id if actor else None, kind=kind, total=0)
    session.add(batch)
    session.flush()
    return batch


def close_batch(batch: SendBatch, queued: int) -> SendBatch:
    batch.total = queued
    if queued == 0:
        batch.reported_at = utcnow()  # nothing was sent: nothing to report
    return batch


def send_invitations(session: Session, actor: User, event_id, *, daily_limit: int | None = None) -> SendBatch:
    """Queue the invitation to every guest in the invite audience: once per guest, number
    and attempt (a failed invitation may be tried again by a later request; the same
    request handled twice queues nothing new)."""
    event, _ = require(session, actor, event_id, Action.SEND)
    audience = _invite_candidates(session, event)
    batch = new_batch(session, event, actor, INVITATION)
    attempts = _invitation_attempts(session, event, audience.guests)
    language = languages.for_guests(session, event, audience.guests)
    later = schedule(session, audience.guests, daily_limit)
    queued = 0
    for guest in audience.guests:
        message = outbox.enqueue(
            session, phone=guest.phone, message=invitation_message(event, guest, language=language[guest.id]),
            kind=INVITATION,
            body=f"Invitation to {event.name}", event_id=event.id, guest_id=guest.id,
            dedupe_key=f"invite:{guest.id}:{guest.phone}:{attempts.get(guest.id, 0)}", batch_id=batch.id,
            not_before=later.get(guest.id),
        )
        queued += message is not None
    session.flush()
    return close_batch(batch, queued)


def _invitation_attempts(session: Session, event: Event, guests: list[Guest]) -> dict[uuid.UUID, int]:
    """How many invitations were queued before to each guest's current number."""
    phones = {g.id: g.phone for g in guests}
    if not phones:
        return {}
    counts: dict[uuid.UUID, int] = {}
    for guest_id, phone, n in session.execute(
        select(Message.guest_id, Message.phone, func.count()).where(
            Message.event_id == event.id, Message.kind == INVITATION,
            Message.direction == Direction.outbound, Message.guest_id.is_not(None),
        ).group_by(Message.guest_id, Message.phone)
    ):
        if phones.get(guest_id) == phone:
            counts[guest_id] = n
    return counts


def queue_reminders(session: Session, event: Event, guests: list[Guest], *,
                    requested_by: User | None, dedupe_tag: str, daily_limit: int | None = None) -> SendBatch:
    """Queue a reminder (the invitation's facts again, with its answer buttons) to each of
    `guests`: in our own words to those who wrote in the last 24 hours, else by the
    invitation template when there is one (its words are fixed by Meta's approval)."""
    batch = new_batch(session, event, requested_by, REMINDER)
    now = utcnow()
    language = languages.for_guests(session, event, guests)
    later = schedule(session, guests, daily_limit)
    window = _in_window(session, [g.phone for g in guests], now)
    queued = 0
    for guest in guests:
        message = outbox.enqueue(
            session, phone=guest.phone,
            message=invitation_message(event, guest, reminder=True, language=language[guest.id],
                                       inside_window=guest.phone in window),
            kind=REMINDER,
            body=f"Reminder: {event.name}", event_id=event.id, guest_id=guest.id,
            dedupe_key=f"remind:{guest.id}:{dedupe_tag}", batch_id=batch.id, not_before=later.get(guest.id),
        )
        if message is not None:
            queued += 1
            guest.reminded_at = now
    session.flush()
    return close_batch(batch, queued)


def send_reminders(session: Session, actor: User, event_id, *, daily_limit: int | None = None) -> SendBatch:
    """Queue a reminder to every invited guest who has not answered."""
    event, _ = require(session, actor, event_id, Action.SEND)
    audience = _pending_candidates(session, event)
    return queue_reminders(session, event, audience.guests, requested_by=actor, dedupe_tag=f"request:{uuid.uuid4()}",
                           daily_limit=daily_limit)


def _clean_text(text) -> str:
    text = str(text or "").strip()
    if not text:
        raise InvalidInput(i18n._("The message is empty: write what to send after the command."), code="empty_message")
    if len(text) > MAX_TEXT:
        raise InvalidInput(i18n._("That message is too long ({n} characters; at most {max}).",
                                  n=str(len(text)), max=str(MAX_TEXT)),
                           code="message_too_long")
    return text


def _guest_text(event: Event, text: str, mark: str = "📣") -> str:
    """What a guest reads: the event's name, then the organiser's words (📣 to everyone, 💬 to them alone)."""
    return f"{mark} {event.name}: {text}"


def send_broadcast(session: Session, actor: User, event_id, text, status=None,
                   side: str | None = None, *, daily_limit: int | None = None) -> SendBatch:
    """Queue the organiser's text to every guest matching the filters."""
    event, _ = require(session, actor, event_id, Action.SEND)
    text = _clean_text(text)
    audience = _broadcast_candidates(session, event, status, side)
    batch = new_batch(session, event, actor, BROADCAST)
    body = _guest_text(event, text)
    language = languages.for_guests(session, event, audience.guests)
    later = schedule(session, audience.guests, daily_limit)
    queued = 0
    for guest in audience.guests:
        message = outbox.enqueue(
            session, phone=guest.phone, message=notice(body, language[guest.id]), kind=BROADCAST,
            body=body, event_id=event.id, guest_id=guest.id,
            dedupe_key=f"broadcast:{batch.id}:{guest.id}", batch_id=batch.id, not_before=later.get(guest.id),
        )
        queued += message is not None
    session.flush()
    return close_batch(batch, queued)


def _update_candidates(session: Session, event: Event) -> Audience:
    rows = list(session.scalars(_ordered(select(Guest).where(
        Guest.event_id == event.id,
        Guest.status != RsvpStatus.declined,
        Guest.invitation.in_(SENT_STATES),
    ))))
    return split_audience(session, rows, event, retry_failed=False)


def update_audience(session: Session, actor: User, event_id) -> Audience:
    """Who should hear that the date, time or place changed: guests who got the invitation
    and did not decline (opted-out guests left out)."""
    event, _ = require(session, actor, event_id, Action.SEND)
    return _update_candidates(session, event)


def send_event_update(session: Session, actor: User, event_id) -> SendBatch:
    """Tell the update audience the event's date, time and place as they are now, each guest
    in their own language."""
    event, _ = require(session, actor, event_id, Action.SEND)
    audience = _update_candidates(session, event)
    batch = new_batch(session, event, actor, BROADCAST)
    language = languages.for_guests(session, event, audience.guests)
    queued = 0
    for guest in audience.guests:
        lang = language[guest.id]
        when = format_when(event.date, event.start_time, lang) if event.date else None
        body = say.event_update(lang, greeting_name(guest.first_name, guest.last_name), event.name, when,
                                event.location, coming=guest.status == RsvpStatus.confirmed)
        message = outbox.enqueue(
            session, phone=guest.phone, message=notice(body, lang), kind=BROADCAST,
            body=body, event_id=event.id, guest_id=guest.id,
            dedupe_key=f"update:{batch.id}:{guest.id}", batch_id=batch.id,
        )
        queued += message is not None
    session.flush()
    return close_batch(batch, queued)


# --------------------------------------------------------------------------- the send planner

# Messages that reach people who may not have written lately: templates outside the window.
BULK_KINDS = (INVITATION, REMINDER, BROADCAST, DAY_BEFORE, QUESTION)
# What waits for the end of quiet hours and Shabbat: what organisers send to guests, never a
# reply to someone who just wrote.
QUIET_KINDS = frozenset({*BULK_KINDS, GUEST_MESSAGE})
WINDOW = timedelta(hours=24)


@dataclass
class SendPlan:
    """What a bulk send will cost and how long it takes, shown before it is confirmed."""
    estimate: planner.Estimate
    days: list[int]                 # new recipients (outside the window) per day; [] when none
    limit: int | None               # the number's daily limit of new recipients (None: none known)
    waits_until: datetime | None    # quiet hours or Shabbat: when the first messages go
    holy_day: bool = False          # what it waits for is Shabbat or a holiday, not the night


def daily_limit(setting: str | None, session: Session | None = None, number_id: str | None = None) -> int | None:
    """The number's daily limit of new recipients: MESSAGING_LIMIT ("250", "TIER_2K",
    "unlimited") when set, else what the Graph API last said (kept by the worker's clock,
    `store_messaging_limit`); None: no limit known."""
    raw = (setting or "").strip()
    if not raw:
        if session is None:
            return None
        stored = session.get(SendBudget, limit_key(number_id))
        return int(stored.tokens) if stored is not None and stored.tokens >= 0 else None
    if raw.isdigit():
        return planner.limit_from_tier(None, int(raw))
    return planner.limit_from_tier(raw.upper(), None)


def limit_key(number_id: str | None) -> str:
    return f"limit:{number_id or 'console'}"


def store_messaging_limit(session: Session, number_id: str | None, tier: str | None, now: datetime) -> int | None:
    """Keep the tier the Graph API reported (as a number; -1 for unlimited); the limit."""
    limit = planner.limit_from_tier(tier, None) if tier else None
    value = float(limit) if limit is not None else -1.0
    # Several workers may read it at once: one row, whoever writes last.
    insert = (pg_insert if is_postgres(session) else sqlite_insert)(SendBudget).values(
        key=limit_key(number_id), tokens=value, refilled_at=now)
    session.execute(insert.on_conflict_do_update(index_elements=[SendBudget.key],
                                                 set_={"tokens": value, "refilled_at": now}))
    return limit


def messaging_limit_read_at(session: Session, number_id: str | None) -> datetime | None:
    row = session.get(SendBudget, limit_key(number_id))
    return row.refilled_at if row is not None else None


@functools.lru_cache(maxsize=4)
def rate_card(path: str | None = None) -> planner.RateCard:
    """The rate card (the shipped one, or RATE_CARD_FILE), read once."""
    return planner.load_rate_card(path)


def _in_window(session: Session, phones: list[str], now: datetime) -> set[str]:
    """Who wrote to us in the last 24 hours: free-form messages reach them, not templates."""
    if not phones:
        return set()
    return set(session.scalars(select(Message.phone).distinct().where(
        Message.direction == Direction.inbound, Message.phone.in_(phones), Message.created_at >= now - WINDOW)))


def _used_today(session: Session, now: datetime) -> int:
    """New people reached (or about to be) by bulk messages in the last 24 hours."""
    return session.scalar(select(func.count(distinct(Message.phone))).where(
        Message.direction == Direction.outbound, Message.kind.in_(BULK_KINDS),
        Message.created_at >= now - WINDOW, Message.status != MessageStatus.failed,
        or_(Message.next_attempt_at.is_(None), Message.next_attempt_at <= now + timedelta(hours=1)))) or 0


def _booked_days(session: Session, now: datetime) -> list[int]:
    """New people already put on each day by earlier sends that wait (a spread send's later
    days, a send held for quiet hours): index 0 is the coming 24 hours, 1 the day after, ..."""
    rows = session.execute(select(Message.phone, Message.next_attempt_at).where(
        Message.direction == Direction.outbound, Message.kind.in_(BULK_KINDS),
        Message.status != MessageStatus.failed, Message.next_attempt_at > now + timedelta(hours=1))).all()
    by_day: dict[int, set[str]] = {}
    for phone, at in rows:
        at = at if at.tzinfo else at.replace(tzinfo=timezone.utc)
        # at now + d days: day d (within the hour: a send planned a moment ago counts on its day)
        by_day.setdefault(int((at - now + timedelta(hours=1)) / WINDOW), set()).add(phone)
    return [len(by_day.get(d, ())) for d in range(max(by_day, default=-1) + 1)]


def _spread(session: Session, new: int, limit: int | None, now: datetime) -> list[int]:
    booked = _booked_days(session, now) or [0]
    return planner.spread(new, limit, _used_today(session, now) + booked[0], booked[1:])


def schedule(session: Session, guests: list[Guest], limit: int | None,
             now: datetime | None = None) -> dict[uuid.UUID, datetime]:
    """guest id → when their message may go, for those beyond today's share of the daily
    limit (the rest go now). Guests inside the window do not count against it."""
    if not limit or not guests:
        return {}
    now = now or utcnow()
    window = _in_window(session, [g.phone for g in guests], now)
    new = [g for g in guests if g.phone not in window]
    out: dict[uuid.UUID, datetime] = {}
    start = 0
    for day, n in enumerate(_spread(session, len(new), limit, now)):
        if day:
            for guest in new[start:start + n]:
                out[guest.id] = now + timedelta(days=day)
        start += n
    return out


def plan_send(session: Session, event: Event, guests: list[Guest], *, category: str,
              card: planner.RateCard, limit: int | None, quiet_hours: str | None,
              now: datetime | None = None) -> SendPlan:
    """The plan of sending one message to each of `guests` now."""
    now = now or utcnow()
    phones = [g.phone for g in guests]
    window = _in_window(session, phones, now)
    estimate = planner.estimate([(p, p in window) for p in phones], category, card,
                                free_form_charged=planner.free_form_charged_on(card, now.date()))
    new = sum(1 for p in phones if p not in window)
    days = _spread(session, new, limit, now) if limit else ([new] if new else [])
    waits = quiet_end(now, event.timezone, event_quiet(event.quiet_hours, quiet_hours),
                      shabbat=bool(event.shabbat), location=event.location)
    holy = bool(waits and event.shabbat and shabbat_until(now, event.timezone, event.location))
    return SendPlan(estimate, days, limit, waits, holy)


def billed(session: Session, event: Event, card: planner.RateCard) -> tuple[int, Decimal]:
    """(messages, amount): what Meta billed for the event's messages so far, as the status
    webhooks' pricing reported them, priced with the rate card."""
    rows = session.execute(select(Message.phone, Message.billed_category).where(
        Message.event_id == event.id, Message.direction == Direction.outbound,
        Message.billed_category.is_not(None), Message.phone.is_not(None))).all()
    amount = Decimal(0)
    for category in sorted({c for _, c in rows}):
        priced = category if category in planner.CATEGORIES else "utility"
        amount += planner.estimate([(p, False) for p, c in rows if c == category], priced, card).total
    return len(rows), amount


def message_guest(session: Session, actor: User, event_id, guest_id, text) -> Message:
    """Queue the organiser's text to one guest of the event."""
    event, _ = require(session, actor, event_id, Action.SEND)
    gid = as_uuid(guest_id)
    guest = session.get(Guest, gid) if gid else None
    if guest is None or guest.event_id != event.id:
        raise NotFound(i18n._("Guest not found."))
    text = _clean_text(text)
    if guest.opted_out:
        raise Conflict(i18n._("{guest} asked not to get messages from us (they can send START to undo).",
                              guest=guest.full_name),
                       code="opted_out")
    body = _guest_text(event, text, "💬")
    message = outbox.enqueue(
        session, phone=guest.phone, message=notice(body, languages.for_guest(session, guest, event)),
        kind=GUEST_MESSAGE,
        body=body, event_id=event.id, guest_id=guest.id, user_id=None,
    )
    assert message is not None  # no dedupe key: always queued
    return message
