"""Work done on a clock by the worker: final tallies of bulk sends, automatic reminder
rounds, the day-before message, retention.

`tick(rt, now)` is safe to run from several workers at once and again after a restart:
a tally is claimed with a conditional update (reported_at still empty) and a reminder
round by inserting its ReminderRound row, unique per (event, days before, event date), in the same
transaction as the reminders it queues. Whoever loses the race changes nothing.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import (
    Event,
    EventMember,
    Message,
    MessageStatus,
    ReminderRound,
    Role,
    SendBatch,
    User,
    utcnow,
)

from bot.services import day_before, languages, outbox, retention
from bot.services import sending
from bot.text import hours, i18n, replies
from bot.text.dates import format_date
from bot.text.i18n import N_, _
from bot.whatsapp.client import reason_for

log = logging.getLogger("bot.scheduler")

REMINDER_HOURS = (9, 20)          # local time of the event: from 09:00, before 20:00
TALLY_LOOKBACK = timedelta(days=7)  # batches older than this are not reported any more
TALLY_KIND = "send_report"
FINAL = (MessageStatus.sent, MessageStatus.delivered, MessageStatus.read, MessageStatus.failed)
DELIVERED = (MessageStatus.sent, MessageStatus.delivered, MessageStatus.read)

@dataclass
class TickResult:
    reported: int = 0
    rounds: int = 0
    reminders: int = 0
    warned: int = 0
    purged: int = 0
    day_before: int = 0


def tick(rt, now: datetime | None = None) -> TickResult:
    """One pass: report finished bulk sends, send the reminder rounds due now, and keep
    guests' data no longer than RETENTION_DAYS after each event."""
    now = now or utcnow()
    result = TickResult()
    result.reported = report_finished_batches(rt, now)
    result.rounds, result.reminders = run_reminder_rounds(rt, now)
    result.day_before = run_day_before(rt, now)
    try:
        refresh_messaging_limit(rt, now)
    except Exception:  # never a reason for the rest of the clock's work to fail
        log.exception("refreshing the number's messaging limit failed")
    result.warned, result.purged = run_retention(rt, now)
    return result


# --------------------------------------------------------------------------- the messaging limit

LIMIT_REFRESH = timedelta(hours=1)


def refresh_messaging_limit(rt, now: datetime) -> None:
    """Read the number's messaging limit from the Graph API about once an hour (unless
    MESSAGING_LIMIT says it), for the send planner and the spreading of large sends."""
    if (rt.settings.messaging_limit or "").strip():
        return
    number_id = rt.settings.whatsapp_phone_number_id
    with rt.transaction() as session:
        read_at = sending.messaging_limit_read_at(session, number_id)
    if read_at is not None and now - read_at < LIMIT_REFRESH:
        return
    try:
        tier = rt.transport.messaging_limit_tier()
    except Exception as exc:  # the Graph API is away: keep what we knew, try again next hour
        log.warning("could not read the number's messaging limit: %s", exc)
        tier = None
        if read_at is not None:
            return
    with rt.transaction() as session:
        limit = sending.store_messaging_limit(session, number_id, tier, now)
    log.info("the number's messaging limit: %s", f"{limit} new people a day" if limit else "none known")


# --------------------------------------------------------------------------- the day before


def run_day_before(rt, now: datetime) -> int:
    """Queue the day-before message of every event due now; how many messages were new."""
    with rt.transaction() as session:
        event_ids = day_before.due_events(session, now)
    queued = 0
    for event_id in event_ids:
        try:
            with rt.transaction() as session:
                event = session.get(Event, event_id)
                if event is not None and day_before.is_due(event, now):
                    queued += day_before.queue(session, event, secret=rt.settings.whatsapp_app_secret,
                                               base_url=rt.settings.public_url)
        except Exception:
            log.exception("the day-before message of event %s failed", event_id)
    return queued


# --------------------------------------------------------------------------- retention


RETENTION_NOTICE = "retention_notice"


def run_retention(rt, now: datetime) -> tuple[int, int]:
    """Warn the admins of events whose guests' data goes within a week; delete what is due."""
    days = rt.settings.retention_days
    if not days:
        return 0, 0
    warned = purged = 0
    with rt.transaction() as session:
        for event in retention.events_to_warn(session, now, days):
            when = retention.purge_at(event, days).date()
            for admin in retention.admins(session, event):
                lang = languages.organiser_language(admin)
                with i18n.use(lang):
                    text = _("🗂 To protect your guests' privacy, the guest list, answers and messages of {event} "
                             "will be deleted on {date}, {days} days after the event. To keep a copy, download "
                             "the list before then ({path}, with a token from *token*).",
                             event=event.name, date=format_date(when, lang), days=str(days),
                             path="GET /api/events/" + str(event.id) + "/guests.csv")
                outbox.enqueue(session, phone=admin.phone, message=sending.notice(text, lang), kind=RETENTION_NOTICE,
                               event_id=event.id, user_id=admin.id, dedupe_key=f"retention:{event.id}:{admin.id}")
            event.retention_warned_at = now
            warned += 1
        for event in retention.events_to_purge(session, now, days):
            gone = retention.purge(session, event, now)
            log.info("retention: deleted the guests' data of an event (%d guests), %d days after it", gone, days)
            purged += 1
    return warned, purged


# --------------------------------------------------------------------------- tallies


def failure_reason(code: int | None, text: str | None) -> str:
    """Why one message failed, as an organiser would say it: the same words as everywhere
    else for Meta's error codes (whatsapp.reason_for). English: `tally_text` translates it."""
    if code is not None:
        return reason_for(code)
    text = (text or "").strip()
    if text == "opted out":
        return N_("opted out")
    if not text:
        return N_("unknown error")
    short = text.split(":")[0].split("(")[0].strip()
    return short[:40] or N_("unknown error")


def _reasons_phrase(reasons: dict[str, int]) -> str:
    return i18n.join(_("{n} {reason}", n=n, reason=i18n.Raw(replies.reason_text(reason)))
                     for reason, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])))


def tally_text(kind: str, event_name: str, sent: int, reasons: dict[str, int], automatic: bool = False) -> str:
    """'✅ Invitations for X are out: 141 sent, 2 failed (1 not on WhatsApp, ...).' in the
    active language (`i18n.use`)."""
    failed = sum(reasons.values())
    if kind == sending.INVITATION:
        what = _("Invitations for {event} are out", event=event_name)
    elif kind == sending.REMINDER:
        what = (_("The automatic reminder for {event} is out", event=event_name) if automatic
                else _("Reminders for {event} are out", event=event_name))
    elif kind == sending.BROADCAST:
        what = _("Your message to the guests of {event} is out", event=event_name)
    else:
        what = _("Messages for {event} are out", event=event_name)
    icon = "✅" if sent and not failed else ("⚠️" if sent else "❌")
    if failed:
        text = _("{icon} {what}: {sent} sent, {failed} failed ({reasons}).", icon=icon, what=i18n.Raw(what),
                 sent=sent, failed=failed, reasons=i18n.Raw(_reasons_phrase(reasons)))
    else:
        text = _("{icon} {what}: {sent} sent.", icon=icon, what=i18n.Raw(what), sent=sent)
    if failed and kind == sending.INVITATION:
        text += _(" Send *guests failed* for the list.")
    return text


def report_finished_batches(rt, now: datetime) -> int:
    with rt.transaction() as session:
        batch_ids = list(session.scalars(
            select(SendBatch.id).where(SendBatch.reported_at.is_(None),
                                       SendBatch.created_at >= utcnow() - TALLY_LOOKBACK)
            .order_by(SendBatch.created_at)
        ))
    reported = 0
    for batch_id in batch_ids:
        try:
            with rt.transaction() as session:
                reported += _report(session, batch_id, now)
        except Exception:
            log.exception("reporting the tally of send batch %s failed", batch_id)
    return reported


def _report(session: Session, batch_id, now: datetime) -> int:
    counts = session.execute(
        select(Message.status, Message.error_code, Message.error_text, func.count())
        .where(Message.batch_id == batch_id)
        .group_by(Message.status, Message.error_code, Message.error_text)
    ).all()
    if any(status not in FINAL for status, _, _, _ in counts):
        return 0
    claimed = session.execute(
        update(SendBatch).where(SendBatch.id == batch_id, SendBatch.reported_at.is_(None))
        .values(reported_at=now)
    ).rowcount
    if not claimed:
        return 0  # another worker reported it
    batch = session.get(SendBatch, batch_id)
    event = session.get(Event, batch.event_id)
    sent = sum(n for status, _, _, n in counts if status in DELIVERED)
    reasons: dict[str, int] = {}
    for status, code, text, n in counts:
        if status == MessageStatus.failed and text != sending.ANSWERED_FIRST:   # not sent, as it should
            reason = failure_reason(code, text)
            reasons[reason] = reasons.get(reason, 0) + n
    if not sent and not reasons:
        # Every guest answered while the round was held: nothing went out, nothing to tell.
        log.info("send batch %s (%s) finished with nothing to send: every guest answered first", batch.id, batch.kind)
        return 1
    recipients = _report_recipients(session, batch)
    texts: dict[str, str] = {}  # one rendering per language the recipients read
    for user in recipients:
        lang = languages.organiser_language(user)
        if lang not in texts:
            with i18n.use(lang):
                texts[lang] = tally_text(batch.kind, event.name, sent, reasons, automatic=batch.requested_by is None)
        outbox.enqueue(session, phone=user.phone, message=sending.notice(texts[lang], lang), kind=TALLY_KIND,
                       event_id=event.id, user_id=user.id,
                       dedupe_key=f"tally:{batch.id}:{user.id}")
    log.info("send batch %s (%s, %d rows) finished: %d sent, %d failed; told %d organiser(s)",
             batch.id, batch.kind, batch.total, sent, sum(reasons.values()), len(recipients))
    return 1


def _report_recipients(session: Session, batch: SendBatch) -> list[User]:
    """The requester (while still a member); for automatic rounds, the admins with notify on."""
    if batch.requested_by is not None:
        user = session.scalar(
            select(User).join(EventMember, EventMember.user_id == User.id)
            .where(User.id == batch.requested_by, EventMember.event_id == batch.event_id))
        return [user] if user else []
    return list(session.scalars(
        select(User).join(EventMember, EventMember.user_id == User.id)
        .where(EventMember.event_id == batch.event_id, EventMember.role == Role.admin,
               EventMember.notify.is_(True))
        .order_by(EventMember.created_at)))


# --------------------------------------------------------------------------- reminder rounds


# A round whose day went by with no worker running is still sent the day after.
CATCH_UP_DAYS = 1


def due_round(event: Event, now: datetime) -> int | None:
    """The reminder round (days before) due for `event` at `now`, if any: its day has come
    (today, or yesterday when no worker ran then), in the event's time zone, within
    sensible hours, and the event is still ahead."""
    if not event.date or not event.reminder_days:
        return None
    local = hours.local(now, event.timezone)
    if not REMINDER_HOURS[0] <= local.hour < REMINDER_HOURS[1]:
        return None
    days = (event.date - local.date()).days
    try:
        wanted = {int(d) for d in event.reminder_days}
    except (TypeError, ValueError):
        return None
    if days <= 0:
        return None
    latest = min((d for d in wanted if d >= days), default=None)
    return latest if latest is not None and latest - days <= CATCH_UP_DAYS else None


def run_reminder_rounds(rt, now: datetime) -> tuple[int, int]:
    """(rounds sent, reminders queued)."""
    today = now.date()
    with rt.transaction() as session:
        # reminder_days may hold JSON null, so the list itself is checked in Python.
        candidates = [
            (e.id, e.name) for e in session.scalars(
                select(Event).where(Event.date.is_not(None), Event.date > today - timedelta(days=1),
                                    Event.date <= today + timedelta(days=400)))
            if e.reminder_days and due_round(e, now) is not None
        ]
    rounds = reminders = 0
    for event_id, name in candidates:
        try:
            with rt.transaction() as session:
                queued = _run_round(session, event_id, now, rt.settings.messaging_limit,
                                    rt.settings.whatsapp_phone_number_id)
        except IntegrityError:
            log.info("reminder round for event %s was sent by another worker", event_id)
            continue
        except Exception:
            log.exception("reminder round for event %s failed", event_id)
            continue
        if queued is not None:
            rounds += 1
            reminders += queued
    return rounds, reminders


def _run_round(session: Session, event_id, now: datetime, limit: str | None = None,
               number_id: str | None = None) -> int | None:
    event = session.get(Event, event_id)
    days = due_round(event, now) if event else None
    if days is None:
        return None
    exists = session.scalar(select(ReminderRound.id).where(
        ReminderRound.event_id == event.id, ReminderRound.days_before == days,
        ReminderRound.event_date == event.date))
    if exists is not None:
        return None
    # the event's date is part of the round: a moved event gets its "7 days before" again
    round_ = ReminderRound(event_id=event.id, days_before=days, event_date=event.date, sent_at=now, recipients=0)
    session.add(round_)
    session.flush()  # a concurrent worker's round makes this fail: nothing is queued twice
    audience = sending.round_audience(session, event, now)
    batch = sending.queue_reminders(session, event, audience.guests, requested_by=None,
                                    dedupe_tag=f"round:{days}:{event.date.isoformat()}",
                                    daily_limit=sending.daily_limit(limit, session, number_id))
    round_.recipients = batch.total
    log.info("reminder round %d day(s) before %s: %d guest(s)", days, event.id, batch.total)
    return batch.total
