"""Sending the outbox: claim due rows, render each for WhatsApp, send, record the outcome.

Services queue neutral messages (bot.services.outbox); this is where they become Cloud
API requests (bot.whatsapp.render) and where Meta's answers become outcomes: sent, a
retry with backoff, the template fallback outside the 24-hour window, failed, or a stop
when the access token no longer works.
"""
from __future__ import annotations

import asyncio
import collections
import logging
import math
import queue
import random
import threading
import time
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable

from sqlalchemy import and_, bindparam, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from bot.logs import mask_phone, redact, redact_payload
from bot.services import languages, outbox
from bot.services.sending import ANSWERED_FIRST, QUIET_KINDS, REMINDER
from bot.services.outbox import CHART_JOB, DIGEST_JOB, EXPORT_JOB, IMPORT_JOB, JOB_KINDS, OPT_OUT_EXEMPT_KINDS
from bot.text import guest_replies, i18n
from bot.text.hours import event_quiet, quiet_end
from bot.text.phones import zone_of_phone
from bot.whatsapp import statuses
from bot.whatsapp.async_client import AsyncSender
from bot.whatsapp.client import ASSUMED_LATENCY, AccessTokenExpired, CloudAPIClient, WhatsAppError, mask_recipient
from bot.whatsapp.render import NotRenderable, render
from bot.worker.clock import tick as clock_tick
from bot.worker.charts import run_chart
from bot.worker.exports import run_export
from bot.worker.digests import run_digest
from bot.services.rsvp import SHABBAT_HELD_KINDS
from bot.worker.imports import run_import
from storage.db import inline, is_postgres
from storage.models import (Event, Guest, InvitationState, Message, MessageStatus, RsvpStatus, SendBudget, User,
                            utcnow)

# =========================================================================== the worker
#
# One loop per process claims due rows in short transactions, hands them to a pool of
# sender threads (the Cloud API takes ~200 ms per message, so reaching the rate needs
# many requests in flight), and records each outcome in a short transaction.
#
# A claimed row is in status "sending" with a lease (`claimed_until`). A worker that dies
# leaves its rows in "sending"; once the lease lapses another worker claims them again,
# so at most the rows in flight at a crash can be sent twice. Claims use
# `FOR UPDATE SKIP LOCKED` on PostgreSQL, so several workers never claim the same row;
# on SQLite every transaction already holds the single write lock.

log = logging.getLogger("bot.outbox")

DEFAULT_LEASE_SECONDS = 30.0
DEFAULT_BATCH = 100
MAX_ATTEMPTS = 8
BACKOFF_BASE_SECONDS = 2.0
BACKOFF_CAP_SECONDS = 600.0
RECORD_GATHER_SECONDS = 0.02
REFILL_WAIT_SECONDS = 0.02    # how soon to claim again when the window has room but the budget had none
JOB_LANE_THREADS = 1          # import jobs, beside the sender threads
UNRECORDED_GIVE_UP_ONCE = 120  # a drain (tests, --once) stops trying after this many rounds
SCHEDULER_TICK_SECONDS = 5.0  # reminder rounds and final tallies (bot.scheduler)
TOKEN_EXPIRED_MESSAGE = (
    "WhatsApp access token expired or invalid: sending stopped. "
    "Set a new WHATSAPP_ACCESS_TOKEN and restart the worker."
)
ACCESS_DENIED_MESSAGE = (
    "WhatsApp refused access ({reason}): sending stopped. "
    "Check the app's permissions and the account in Meta's Business Manager, then restart the worker."
)


MAX_SEND_THREADS = 400
MAX_IN_FLIGHT = 1000  # requests the asynchronous sender may have open at once
# Claimed rows waiting for their slot beyond those in flight (seconds' worth of sends): enough
# to never run dry between claims, few enough that what workers claim is what they send now.
QUEUED_AHEAD_SECONDS = 0.2


def default_concurrency(rate: float, latency: float = ASSUMED_LATENCY, most: int = MAX_SEND_THREADS) -> int:
    """Sends in flight (threads) to reach `rate` when each takes `latency` seconds: the
    window is rate × latency with a quarter to spare, so the rate is not capped by threads
    × latency (1,000/s at 200 ms needs about 250). The Cloud API client's connection pool
    is sized from the same rule (bot.make_transport)."""
    return max(4, min(most, math.ceil(rate * latency * 1.25) + 2))


# 130429: the number's throughput (messages per second) is reached: the worker slows down.
THROUGHPUT_LIMIT = 130429
MIN_THROTTLED_RATE = 1.0
RECOVER_AFTER_SECONDS = 5.0  # without another 130429, the rate climbs back ...
RECOVER_STEP_SECONDS = 1.0   # ... by a quarter this often


class RateLimiter:
    """At most `rate` acquisitions in any one-second window, evenly spaced, shared by threads.

    Each caller reserves the next slot (1/rate apart) and sleeps until it. A slot nobody
    took in time (a thread was busy, the database was slow) may be made up later, up to
    `burst` slots at once, but never beyond `rate` in any one-second window: the last
    `rate` slots are remembered and a new one is at least a second after the oldest.
    """

    def __init__(self, rate: float, burst: int | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.ceiling = rate  # the configured rate; a throttled limiter climbs back to it
        self._burst = burst
        self._clock = clock
        self._next = clock()
        self._recent: collections.deque[float] = collections.deque()
        self._lock = threading.Lock()
        self._slowed_at: float | None = None
        self._set(rate)

    def _set(self, rate: float) -> None:
        self.rate = rate
        self.interval = 1.0 / rate
        self.burst = max(1, self._burst if self._burst is not None else int(rate * 0.1))
        self.window = max(1, int(rate))

    def throttled(self) -> None:
        """Meta answered 130429 (the number's throughput is reached): halve the rate, at
        most once a second however many sends in flight hear it. It climbs back by a
        quarter every few seconds without another."""
        with self._lock:
            now = self._clock()
            if self._slowed_at is not None and now - self._slowed_at < 1.0:
                return
            self._slowed_at = now
            slower = max(MIN_THROTTLED_RATE, self.rate / 2)
            if slower < self.rate:
                self._set(slower)
                log.warning("Meta says this number's message throughput is reached (130429): "
                            "slowing to %.0f msg/s", slower)

    def _recover(self, now: float) -> None:
        if self._slowed_at is None or now - self._slowed_at < RECOVER_AFTER_SECONDS:
            return
        faster = min(self.ceiling, self.rate * 1.25)
        self._set(faster)
        self._slowed_at = None if faster >= self.ceiling else now - RECOVER_AFTER_SECONDS + RECOVER_STEP_SECONDS
        if faster >= self.ceiling:
            log.info("no throughput limit from Meta for a while: back to %.0f msg/s", faster)

    def reserve(self) -> float:
        """Reserve a slot; returns how long the caller must wait for it."""
        with self._lock:
            now = self._clock()
            self._recover(now)
            slot = max(self._next, now - (self.burst - 1) * self.interval)
            if len(self._recent) >= self.window:
                slot = max(slot, self._recent[0] + 1.0)
                self._recent.popleft()
            self._recent.append(slot)
            self._next = slot + self.interval
            return max(0.0, slot - now)

    def acquire(self, stop: threading.Event | None = None) -> bool:
        """Wait for a slot; False when `stop` was set while waiting."""
        delay = self.reserve()
        if delay <= 0:
            return not (stop is not None and stop.is_set())
        if stop is None:
            time.sleep(delay)
            return True
        return not stop.wait(delay)


@dataclass(frozen=True)
class Claimed:
    """What a sender thread needs of a claimed row (no ORM object crosses threads)."""

    id: uuid.UUID
    phone: str | None
    kind: str
    payload: dict | None
    fallback: dict | None
    guest_id: uuid.UUID | None
    attempts: int
    claimed_until: datetime
    lease: float = DEFAULT_LEASE_SECONDS  # seconds the claim was for
    user_id: uuid.UUID | None = None
    wa_user_id: str | None = None  # the business-scoped user id to send to when there is no phone
    send_at: datetime | None = None  # its slot in the rate shared by every worker (wall clock)

    @property
    def claimed_at(self) -> datetime:
        """When it was claimed, on the clock the worker claimed it by."""
        return self.claimed_until - timedelta(seconds=self.lease)

    @property
    def to(self) -> str | None:
        """Whom to send to: the phone, else the user's business-scoped id."""
        return self.phone or self.wa_user_id

    @property
    def shown(self) -> str:
        """The recipient fit for a log line."""
        return mask_recipient(self.to)


@dataclass
class Result:
    row: Claimed
    outcome: str  # sent | retry | later | fallback | failed | released | stop
    wamid: str | None = None
    error: Exception | None = None
    sent_at: datetime | None = None
    fallback: dict | None = None  # the rendered template to send instead (outcome "fallback")


@dataclass
class WorkerStats:
    sent: int = 0
    failed: int = 0
    retried: int = 0
    fell_back: int = 0
    released: int = 0
    stopped_reason: str | None = None
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None

    @property
    def exit_code(self) -> int:
        return 1 if self.stopped_reason else 0

    @property
    def elapsed(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    def summary(self) -> str:
        return (f"sent {self.sent}, failed {self.failed}, retrying {self.retried}, "
                f"template fallbacks {self.fell_back} in {self.elapsed:.1f}s")


def backoff_seconds(attempts: int, rng: random.Random | None = None) -> float:
    """Delay before attempt `attempts + 1`: 2 s, 4 s, 8 s ... capped at 10 minutes, ±25% jitter."""
    base = min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * (2 ** max(0, attempts - 1)))
    return base * (rng or random).uniform(0.75, 1.25)


# Meta's pair rate limit (131056): about one message every 6 seconds to one person. A
# message that hit it waits at least that long, however early in its backoff.
PAIR_RATE_LIMIT = 131056
PAIR_RATE_SECONDS = 6.0


def _retry_delay(error: Exception | None, attempts: int) -> float:
    delay = backoff_seconds(attempts)
    if getattr(error, "code", None) == PAIR_RATE_LIMIT:
        delay = max(delay, PAIR_RATE_SECONDS * random.uniform(1.0, 1.25))
    return delay


# How far ahead of the rate the workers together may claim (seconds' worth of sends).
BUDGET_BURST_SECONDS = 0.1
MAX_SLOT_AHEAD = timedelta(seconds=5)  # a stored next slot further ahead than this is a clock reset
BUDGET_MIN_BURST = 20  # rows, so that a slow rate still claims in batches, not one by one


def budget_capacity(rate: float) -> float:
    return max(1.0, min(rate, max(BUDGET_MIN_BURST, rate * BUDGET_BURST_SECONDS)))


def _send_budget(session: Session, key: str, rate: float, now: datetime):
    """The shared bucket, locked for this transaction and refilled up to `now`."""
    budget = session.get(SendBudget, key, with_for_update=True)
    if budget is None:
        insert = (pg_insert if is_postgres(session) else sqlite_insert)(SendBudget)
        session.execute(insert.values(key=key, tokens=budget_capacity(rate), refilled_at=now)
                        .on_conflict_do_nothing(index_elements=[SendBudget.key]))
        budget = session.get(SendBudget, key, with_for_update=True, populate_existing=True)
    capacity = budget_capacity(rate)
    elapsed = (now - budget.refilled_at).total_seconds()
    if elapsed > 0:
        budget.tokens = min(capacity, budget.tokens + elapsed * rate)
        budget.refilled_at = now
    elif elapsed < -60:
        # A clock far behind the stored one (a host's clock was reset) must not stall sending.
        budget.refilled_at = now
    # Else another worker refilled a moment later than our `now` was read: nothing to add.
    return budget


class ClaimedRows(list):
    """Claimed rows; `budget_wait` > 0 when none could be claimed because the shared
    send budget was spent (due rows may be waiting); `settled`: due rows the claim dealt with
    without sending (held for quiet hours or Shabbat, refused, no longer needed), so a claim
    of none may still have left others due behind them."""

    def __init__(self, rows=(), budget_wait: float = 0.0, settled: int = 0):
        super().__init__(rows)
        self.budget_wait = budget_wait
        self.settled = settled


def claim(rt, limit: int, *, lease: float = DEFAULT_LEASE_SECONDS,
          now: datetime | None = None, rate: float | None = None) -> list[Claimed]:
    """Claim up to `limit` due rows for this worker (one short transaction).

    Due: queued and next_attempt_at <= now, or sending with a lease that lapsed more than
    a lease ago (a crashed worker's rows). The extra lease of grace is for a worker that
    sent but could not record it while the database was away: it records as soon as the
    database is back, before anyone may claim its rows again. Rows to guests who opted out are marked failed here, unsent. Every
    worker of the same number draws from one shared budget, so together they claim no
    more than the configured rate.
    """
    if limit <= 0:
        return []
    now = now or utcnow()
    rate = rate or rt.settings.whatsapp_max_send_rate
    claimed_until = now + timedelta(seconds=lease)
    with rt.transaction() as session:
        # The budget runs on the wall clock: it is about real sends, whatever `now` a caller passes.
        budget = _send_budget(session, rt.settings.whatsapp_phone_number_id or "console", rate, utcnow())
        limit = min(limit, int(budget.tokens))
        if limit <= 0:
            # Other workers used the budget: try again when one send's worth has refilled.
            return ClaimedRows(budget_wait=(1.0 - budget.tokens) / rate)
        query = (
            select(*_CLAIM_COLUMNS)
            .where(
                or_(
                    and_(Message.status == inline(MessageStatus.queued), Message.next_attempt_at <= now),
                    and_(Message.status == inline(MessageStatus.sending),
                         Message.claimed_until < now - timedelta(seconds=lease)),
                )
            )
            .order_by(Message.next_attempt_at)
            .limit(limit)
        )
        if is_postgres(session):
            query = query.with_for_update(skip_locked=True)
        rows = list(session.execute(query))
        if not rows:
            return []
        rows.sort(key=lambda m: (m.next_attempt_at, m.created_at))
        busy = _busy_recipients(session, rows)
        quiet_ends = _quiet_ends(session, rows, rt.settings.quiet_hours, now)
        addresses = _addresses(session, rows)
        guest_ids = {m.guest_id for m in rows if m.guest_id is not None and m.kind not in OPT_OUT_EXEMPT_KINDS}
        opted_out: set[uuid.UUID] = set()
        if guest_ids:
            opted_out = set(session.scalars(
                select(Guest.id).where(Guest.id.in_(guest_ids), Guest.opted_out.is_(True))))
        answered: dict[uuid.UUID, datetime | None] = {}   # a reminded guest who has an answer: since when
        reminded = {m.guest_id for m in rows if m.kind == REMINDER and m.guest_id is not None}
        if reminded:
            answered = dict(session.execute(
                select(Guest.id, Guest.answered_at).where(
                    Guest.id.in_(reminded), or_(Guest.status != RsvpStatus.invited, Guest.answered_at.is_not(None)))).all())
        slots = _Slots(budget, rate, utcnow())
        out: list[Claimed] = []
        refused: list[uuid.UUID] = []
        unneeded: list[uuid.UUID] = []
        held: list[dict] = []
        for message in rows:
            if message.guest_id in opted_out and message.kind not in OPT_OUT_EXEMPT_KINDS:
                refused.append(message.id)
                log.info("not sending %s to %s: the guest opted out", message.kind, mask_phone(message.phone))
                continue
            if message.kind == REMINDER and _answered_since(answered, message):
                # Held (quiet hours, Shabbat, a daily limit) while the guest answered: no reminder.
                unneeded.append(message.id)
                log.info("not sending a reminder to %s: the guest answered after it was queued",
                         mask_phone(message.phone))
                continue
            if message.id in quiet_ends:
                # Night in the event's time zone: the guest gets it when the quiet ends.
                held.append({"_id": message.id, "next_attempt_at": quiet_ends[message.id]})
                log.info("holding %s to %s until the quiet hours end (%s UTC)", message.kind,
                         mask_phone(message.phone), quiet_ends[message.id].strftime("%H:%M"))
                continue
            who = _recipient(message)
            if who is not None and who in busy:
                continue  # one message at a time to one person: this one waits for the one before
            if who is not None:
                busy.add(who)
            phone, wa_user_id = message.phone, None
            if not phone:  # someone known only by their business-scoped id (or who has a number now)
                phone, wa_user_id = addresses.get(message.user_id, (None, None))
            claimed = Claimed(message.id, phone, message.kind, message.payload, message.fallback,
                              message.guest_id, (message.attempts or 0) + 1, claimed_until, lease,
                              message.user_id, wa_user_id, slots.next())
            if message.status == MessageStatus.sending:
                log.warning("reclaiming %s to %s: its worker's lease lapsed (it may have been sent)",
                            message.kind, claimed.shown)
            out.append(claimed)
        # A few statements for the whole claim, not one per row.
        table = Message.__table__
        if refused:
            session.execute(update(table).where(table.c.id.in_(refused)).values(
                status=MessageStatus.failed, error_code=None, error_text="opted out", claimed_until=None))
        if unneeded:
            session.execute(update(table).where(table.c.id.in_(unneeded)).values(
                status=MessageStatus.failed, error_code=None, error_text=ANSWERED_FIRST, claimed_until=None))
        if held:
            # Marked as held, so a change of quiet hours or Shabbat releases it (outbox.release_held).
            session.execute(update(table).where(table.c.id == bindparam("_id")).values(
                status=MessageStatus.queued, claimed_until=None, error_text=outbox.HELD_FOR_QUIET), held)
        if out:
            session.execute(update(table).where(table.c.id.in_([c.id for c in out])).values(
                status=MessageStatus.sending, claimed_until=claimed_until,
                attempts=func.coalesce(table.c.attempts, 0) + 1))
        budget.tokens -= len(out)
        slots.keep()
        return ClaimedRows(out, settled=len(refused) + len(unneeded) + len(held))


class _Slots:
    """The send slots of one claim: the rate's next ones, 1/rate apart, after those every
    worker claimed before (kept on the shared budget). The token bucket bounds how many are
    claimed, so the next free slot is never more than a burst ahead of now."""

    def __init__(self, budget: SendBudget, rate: float, now: datetime) -> None:
        self._budget, self._interval = budget, timedelta(seconds=1.0 / rate)
        after = budget.next_slot_at
        # A slot in the past is now; one implausibly far ahead (a host's clock was reset) too.
        self._next = now if after is None or after < now or after > now + MAX_SLOT_AHEAD else after

    def next(self) -> datetime:
        slot, self._next = self._next, self._next + self._interval
        return slot

    def keep(self) -> None:
        self._budget.next_slot_at = self._next


# What a claim reads of each due row (not whole ORM objects: the worker only needs these).
_CLAIM_COLUMNS = (Message.id, Message.phone, Message.kind, Message.payload, Message.fallback,
                  Message.guest_id, Message.attempts, Message.status, Message.user_id, Message.event_id,
                  Message.next_attempt_at, Message.created_at)


def _answered_since(answered: dict, message) -> bool:
    """Whether the guest a reminder is for has answered since it was queued (a maybe
    given before it still wants the reminder)."""
    if message.guest_id not in answered:
        return False
    at = answered[message.guest_id]
    return at is None or message.created_at is None or at >= message.created_at


def _recipient(message) -> str | None:
    if message.kind in JOB_KINDS:
        return None   # a job (an import, a chart) is no message to anyone: it never waits
    return message.phone or (f"user:{message.user_id}" if message.user_id else None)


def _busy_recipients(session: Session, rows: list) -> set[str]:
    """Recipients of `rows` with a message being sent right now. Messages to one person go
    one at a time, in the order they were queued: of the due rows only the oldest per
    recipient is claimed, and none while one to them is in flight (the rest wait for the
    next claim). Two replies never arrive swapped."""
    candidates = {_recipient(m) for m in rows} - {None}
    if not candidates:
        return set()
    ids = [m.id for m in rows]
    phones = [c for c in candidates if not c.startswith("user:")]
    users = [m.user_id for m in rows if not m.phone and m.user_id is not None]
    busy: set[str] = set()
    if phones or users:
        for phone, user_id, kind in session.execute(
                select(Message.phone, Message.user_id, Message.kind).where(
                    Message.status == inline(MessageStatus.sending), Message.id.not_in(ids),
                    or_(Message.phone.in_(phones), and_(Message.phone.is_(None), Message.user_id.in_(users))))):
            if kind not in JOB_KINDS:
                busy.add(phone or f"user:{user_id}")
    return busy


def _addresses(session: Session, rows) -> dict:
    """user id → (phone, business-scoped user id) for the claimed messages queued without a
    phone (to someone known only by that id): one query, and only when there are such rows.
    A user whose number became known since is sent to at that number."""
    user_ids = {m.user_id for m in rows if not m.phone and m.user_id is not None and m.kind not in JOB_KINDS}
    if not user_ids:
        return {}
    found = session.execute(select(User.id, User.phone, User.wa_user_id).where(User.id.in_(user_ids)))
    return {user_id: (phone, None if phone else wa_user_id) for user_id, phone, wa_user_id in found}



def _quiet_ends(session: Session, rows, quiet_hours: str | None, now: datetime) -> dict:
    """message id → when the quiet of its event ends, for the rows that must wait: the
    event's own quiet hours (`quiet 21-9`, `quiet off`) or else QUIET_HOURS, in the event's
    time zone and in the guest's own when their number tells one. An organiser's notice
    (SHABBAT_HELD_KINDS) waits for Shabbat or a holiday only, never for the night."""
    held = [m for m in rows if (m.kind in QUIET_KINDS or m.kind in SHABBAT_HELD_KINDS) and m.event_id is not None]
    if not held:
        return {}
    events = {row[0]: row[1:] for row in session.execute(
        select(Event.id, Event.timezone, Event.quiet_hours, Event.shabbat, Event.location)
        .where(Event.id.in_({m.event_id for m in held})))}
    out = {}
    for m in held:
        tz, own, shabbat, location = events.get(m.event_id, (None, None, False, None))
        quiet = event_quiet(own, quiet_hours) if m.kind in QUIET_KINDS else None
        # A guest abroad sleeps on their own clock: their night holds it too.
        until = quiet_end(now, tz, quiet, shabbat=bool(shabbat), location=location,
                          reader_tz=zone_of_phone(m.phone) if quiet else None)
        if until is not None:
            out[m.id] = until
    return out


# A transport that does not say how long a request can take is assumed to be this slow.
UNKNOWN_TRANSPORT_REQUEST_SECONDS = 15.0


def lease_margin(transport, lease: float) -> float:
    """Lease a claimed row must have left for its send to start.

    A send that starts must end while the claim still holds: else the lease lapses in the
    middle of the request, another worker claims the row and the guest gets it twice. So
    the margin is the transport's worst-case request time (connect + read timeouts: 15 s
    for the Cloud API, 0 for the console). It is capped at half the lease, so that a
    lease shorter than two requests' worst case (an operator's choice, or the process
    tests' 3 s) still leaves half of it to start sends in; such a lease covers only
    requests up to lease/2. The default 30 s lease covers the Cloud API's full 15 s.
    """
    worst = getattr(transport, "max_request_seconds", UNKNOWN_TRANSPORT_REQUEST_SECONDS)
    return max(0.0, min(float(worst), lease / 2))


# Jobs that are simply tried again when they fail (an import tells its organiser instead).
RETRIED_JOBS = {CHART_JOB: (run_chart, "drawing a chart"), EXPORT_JOB: (run_export, "writing a guest list file"),
                DIGEST_JOB: (run_digest, "sending a digest of guest notes")}


def _too_late(payload) -> bool:
    """A message with an `expires_at` (the day-before message) is never sent after it."""
    raw = payload.get("expires_at") if isinstance(payload, dict) else None
    if not raw:
        return False
    try:
        return utcnow() >= datetime.fromisoformat(raw)
    except (TypeError, ValueError):
        return False


def send_claimed(rt, row: Claimed, limiter: RateLimiter | None, halt: threading.Event,
                 margin: float | None = None) -> Result:
    """Send one claimed row (runs on a sender thread; no database here)."""
    if halt.is_set():
        return Result(row, "released")
    wait = _until_slot(row)
    if wait > 0 and halt.wait(wait):
        return Result(row, "released")
    if limiter is not None and not limiter.acquire(halt):
        return Result(row, "released")
    ready = _ready(rt, row, margin)
    if isinstance(ready, Result):
        return ready
    try:
        wamid = rt.transport.send_message(ready.payload)
    except Exception as exc:
        return _outcome_of(row, exc, ready, limiter)
    return Result(row, "sent", wamid=wamid, sent_at=utcnow())


async def send_claimed_async(rt, sender, row: Claimed, limiter: RateLimiter, halt: threading.Event,
                             margin: float) -> Result:
    """Send one claimed row on the asynchronous sender's loop (bot.whatsapp.async_client):
    the same steps as `send_claimed`, waiting for its slot and its answer without a thread."""
    try:
        return await _send_async(rt, sender, row, limiter, halt, margin)
    except Exception as exc:  # a bug: the row is tried again later, loudly
        log.error("sending %s to %s raised unexpectedly", row.kind, row.shown, exc_info=exc)
        return Result(row, "retry", error=exc)


async def _send_async(rt, sender, row: Claimed, limiter: RateLimiter, halt: threading.Event,
                      margin: float) -> Result:
    wait = _until_slot(row)
    while wait > 0 and not halt.is_set():
        await asyncio.sleep(min(wait, HALT_CHECK_SECONDS))
        wait -= HALT_CHECK_SECONDS
    delay = limiter.reserve()
    while delay > 0 and not halt.is_set():
        await asyncio.sleep(min(delay, HALT_CHECK_SECONDS))
        delay -= HALT_CHECK_SECONDS
    if halt.is_set():
        return Result(row, "released")
    ready = _ready(rt, row, margin)
    if isinstance(ready, Result):
        return ready
    try:
        wamid = await sender.send_message(ready.payload)
    except Exception as exc:
        return _outcome_of(row, exc, ready, limiter)
    return Result(row, "sent", wamid=wamid, sent_at=utcnow())


HALT_CHECK_SECONDS = 0.1  # a send waiting for its slot gives its row back this soon after a stop


def _until_slot(row: Claimed) -> float:
    """Seconds until the row's slot in the shared rate (0: now, or it is late)."""
    if row.send_at is None:
        return 0.0
    return max(0.0, (row.send_at - utcnow()).total_seconds())


def _ready(rt, row: Claimed, margin: float | None):
    """The rendered message to send now, or the Result that ends this row here: too little
    lease left, too late, a job run in its place, or a message that cannot be rendered."""
    # Not enough lease left to be sure the request ends before another worker may claim it.
    if margin is None:
        margin = lease_margin(rt.transport, row.lease)
    if (row.claimed_until - utcnow()).total_seconds() < margin:
        return Result(row, "expired")
    if _too_late(row.payload):
        return Result(row, "failed", error=WhatsAppError("too late: the event it was for has begun"))
    if row.kind in RETRIED_JOBS:
        run, what = RETRIED_JOBS[row.kind]
        try:
            return Result(row, "done" if run(rt, row) else "expired")
        except Exception as exc:  # a bug or a passing failure: tried again later, loudly
            log.exception("%s failed", what)
            return Result(row, "retry", error=exc)
    if row.kind == IMPORT_JOB:
        try:
            return Result(row, "done" if run_import(rt, row) else "expired")
        except Exception as exc:  # a bug: the organiser hears of it, the row records it
            log.exception("importing a guest list failed")
            _apologise(rt, row)
            return Result(row, "failed", error=exc)
    try:
        return render(row.payload, row.to, rt.settings, row.fallback)
    except (NotRenderable, ValueError) as exc:
        log.error("%s to %s cannot be sent: %s", row.kind, row.shown, exc)
        return Result(row, "failed", error=WhatsAppError(f"cannot be sent: {exc}"))


def _outcome_of(row: Claimed, exc: Exception, rendered, limiter: RateLimiter | None) -> Result:
    """What a failed send means for its row."""
    if isinstance(exc, WhatsAppError):
        if exc.stop_sending:
            return Result(row, "stop", error=exc)
        if exc.code == THROUGHPUT_LIMIT and limiter is not None:
            limiter.throttled()
        if exc.transient:
            return Result(row, "retry", error=exc)
        if exc.fallback_to_template and rendered.fallback:
            return Result(row, "fallback", error=exc, fallback=rendered.fallback)
        if exc.code == statuses.ENGAGEMENT_LIMIT and row.attempts <= 1:
            return Result(row, "later", error=exc)  # Meta's marketing limit: tomorrow, once
        return Result(row, "failed", error=exc)
    # A bug or an unexpected transport failure: retry later, loudly.
    log.error("sending %s to %s raised unexpectedly", row.kind, row.shown, exc_info=exc)
    return Result(row, "retry", error=exc)


def record(rt, results: list[Result], stats: WorkerStats, *, now: datetime | None = None,
           max_attempts: int = MAX_ATTEMPTS) -> None:
    """Write the outcomes of finished sends (one short transaction).

    Only rows still ours are written (status sending, our lease): one locked read finds
    them, so a worker whose lease lapsed never overwrites another worker's result. The
    writes go as a few statements for the whole batch (one per shape of change), not one
    per row: at 1,000 messages a second the recording is most of the worker's work.
    """
    if not results:
        return
    now = now or utcnow()
    recorded: list[str] = []
    with rt.transaction() as session:
        ids = [r.row.id for r in results if r.outcome != "done"]
        if not ids:
            return
        query = select(Message.id, Message.claimed_until).where(
            Message.id.in_(ids), Message.status == MessageStatus.sending)
        if is_postgres(session):
            query = query.with_for_update()
        leases = dict(session.execute(query).all())
        messages: dict[tuple, list[dict]] = collections.defaultdict(list)
        guests: dict[tuple, list[dict]] = collections.defaultdict(list)
        for result in results:
            row = result.row
            outcome = result.outcome
            if outcome == "done":
                continue  # a job that recorded its own outcome
            mine = leases.get(row.id) == row.claimed_until
            values, guest_values = _outcome_values(result, stats, now, max_attempts, mine)
            if not mine or values is None:
                continue
            values["_id"] = row.id
            messages[tuple(sorted(values))].append(values)
            if outcome == "sent" and result.wamid:
                recorded.append(result.wamid)
            if guest_values is not None:
                guest_values["_id"] = row.guest_id
                guests[(outcome,) + tuple(sorted(guest_values))].append(guest_values)
        table = Message.__table__
        for rows in messages.values():
            session.execute(update(table).where(table.c.id == bindparam("_id")), rows)
        guest_table = Guest.__table__
        for (outcome, *_), rows in guests.items():
            statement = update(guest_table).where(guest_table.c.id == bindparam("_id"))
            if outcome == "sent":  # a status webhook may already have moved it further
                statement = statement.where(or_(*(guest_table.c.invitation == state for state in (
                    InvitationState.not_sent, InvitationState.failed, InvitationState.sent))))
            session.execute(statement, rows)
        # Statuses Meta sent before we got here ("failed" for a number not on WhatsApp...).
        statuses.apply_early_statuses(session, recorded)


def _outcome_values(result: Result, stats: WorkerStats, now: datetime, max_attempts: int,
                    mine: bool) -> tuple[dict | None, dict | None]:
    """The row's new values for one outcome, and the guest's (for an invitation); counts
    and logs it. `mine`: the row is still this worker's to write."""
    row = result.row
    outcome = result.outcome
    error = result.error
    values: dict = {"claimed_until": None}
    guest_values: dict | None = None
    if outcome == "expired":
        # Never sent: back to the queue at once (if no other worker has it already).
        if not mine:
            return None, None
        values.update(status=MessageStatus.queued, attempts=max(0, row.attempts - 1))
        stats.released += 1
        log.info("%s to %s not sent: too little of its lease was left; queued again", row.kind, row.shown)
        return values, None
    if outcome in ("sent", "failed") or (outcome == "retry" and row.attempts >= max_attempts):
        _scrub_secrets(row, values)
    if outcome == "sent":
        values.update(status=MessageStatus.sent, wamid=result.wamid, sent_at=result.sent_at,
                      error_code=None, error_text=None)
        log.info("%s to %s sent", row.kind, row.shown)
        if row.kind == "invitation" and row.guest_id:
            guest_values = {"invitation": InvitationState.sent, "invited_at": result.sent_at,
                            "invitation_error": None}
        stats.sent += 1
    elif outcome in ("released", "stop"):
        values.update(status=MessageStatus.queued, attempts=max(0, row.attempts - 1))
        stats.released += 1
    elif outcome == "fallback":
        values.update(status=MessageStatus.queued, payload=result.fallback, fallback=None,
                      next_attempt_at=now, error_code=getattr(error, "code", None),
                      error_text=f"{_reason(error)}: sending the template instead"[:500])
        stats.fell_back += 1
        log.info("%s to %s is outside the 24-hour window: queued its template instead", row.kind, row.shown)
    elif outcome == "later":
        values.update(status=MessageStatus.queued, next_attempt_at=now + statuses.ENGAGEMENT_RETRY,
                      error_code=getattr(error, "code", None),
                      error_text=f"{_reason(error)}: trying again in 24 hours"[:500])
        stats.retried += 1
        log.info("%s to %s held back by Meta's marketing limit; trying again in 24 hours", row.kind, row.shown)
    elif outcome == "retry" and row.attempts < max_attempts:
        delay = _retry_delay(error, row.attempts)
        values.update(status=MessageStatus.queued, next_attempt_at=now + timedelta(seconds=delay),
                      error_code=getattr(error, "code", None), error_text=_reason(error)[:500])
        stats.retried += 1
        log.info("%s to %s: %s; retry %d in %.0fs", row.kind, row.shown, _reason(error), row.attempts + 1, delay)
    else:  # failed, or a retry out of attempts
        reason = _reason(error)
        if outcome == "retry":
            reason = f"{reason} (gave up after {row.attempts} attempts)"
        values.update(status=MessageStatus.failed, error_code=getattr(error, "code", None),
                      error_text=reason[:500])
        if row.kind == "invitation" and row.guest_id:
            guest_values = {"invitation": InvitationState.failed, "invitation_error": reason[:300]}
        stats.failed += 1
        log.warning("%s to %s failed: %s", row.kind, row.shown, reason)
    return values, guest_values


def _scrub_secrets(row: Claimed, values: dict) -> None:
    """A message that carried a personal token keeps no copy of it once it is done."""
    scrubbed = redact_payload(row.payload)
    if scrubbed != row.payload:
        values["payload"] = scrubbed
        words = row.payload.get("text") if isinstance(row.payload, dict) else None
        text = words.get("body") if isinstance(words, dict) else words
        values["body"] = redact(text) if text else "[a personal token, not kept]"


def _record(rt, results, stats, clock, max_attempts) -> bool:
    """Record what was sent; False when the database could not take it (the caller keeps
    the results and tries again: rows left in "sending" would be sent again once their
    lease and its grace lapse)."""
    for attempt in (1, 2):
        try:
            record(rt, results, stats, now=clock(), max_attempts=max_attempts)
            return True
        except DBAPIError as exc:
            if attempt == 1 and exc.connection_invalidated:
                log.warning("database connection lost while recording sends; trying again")
                continue
            log.warning("recording %d send result(s) failed (%s); keeping them until the database is back",
                        len(results), type(exc.orig or exc).__name__)
        except Exception:
            log.exception("recording %d send result(s) failed; keeping them", len(results))
        return False
    return False  # pragma: no cover - the loop always returns


def _apologise(rt, row: Claimed) -> None:
    try:
        with rt.transaction() as session:
            lang = languages.of_phone(session, row.phone) or languages.of_user(session, row.user_id)
            outbox.enqueue(session, phone=row.phone, message=outbox.text(guest_replies.apology(lang or i18n.SOURCE)),
                           kind="apology", user_id=row.user_id)
    except Exception:
        log.exception("queuing an apology failed")


def _reason(error: Exception | None) -> str:
    if error is None:
        return "failed"
    if isinstance(error, WhatsAppError):
        reason = error.reason
        return f"{reason} ({error.code})" if error.code is not None and str(error.code) not in reason else reason
    return f"{type(error).__name__}: {error}"


def run_worker(
    rt,
    stop_event: threading.Event,
    *,
    batch: int = DEFAULT_BATCH,
    concurrency: int | None = None,
    lease: float = DEFAULT_LEASE_SECONDS,
    once: bool = False,
    poll_interval: float = 0.5,
    rate: float | None = None,
    clock: Callable[[], datetime] = utcnow,
    max_attempts: int = MAX_ATTEMPTS,
    wake: threading.Event | None = None,
) -> WorkerStats:
    """Send due outbox rows until `stop_event` is set (or, with `once`, until none is due).

    With nothing to send it looks again after `poll_interval`, or as soon as `wake` is
    set (the answering loop sets it when it has queued replies).

    Returns the stats; `stats.exit_code` is non-zero when sending had to stop (an expired
    token or revoked access): the rows stay queued for the next worker.
    """
    rate = rate or rt.settings.whatsapp_max_send_rate
    concurrency = concurrency or default_concurrency(rate)
    limiter = RateLimiter(rate, burst=max(1, int(rate * 0.02)))
    halt = threading.Event()  # set on stop: threads waiting for a slot give their row back
    stats = WorkerStats()
    inflight: dict[uuid.UUID, Claimed] = {}  # claimed rows whose send has not finished
    finished: queue.SimpleQueue[Result] = queue.SimpleQueue()  # their results, as each finishes
    # Over the Cloud API, sends wait for their answer on one event loop, not a thread each.
    sender = AsyncSender.like(rt.transport, connections=MAX_IN_FLIGHT) if isinstance(rt.transport, CloudAPIClient) else None
    target_inflight = max(concurrency * 2, 1)
    margin = lease_margin(rt.transport, lease)
    log.info("outbox worker started: up to %.0f msg/s, %s, lease %.0fs "
             "(a send starts only with %.1fs of it left)%s", rate,
             f"{concurrency} sender threads" if sender is None else "sends in flight on one event loop",
             lease, margin, " (drain once)" if once else "")
    last_report = time.monotonic()
    claim_failures = 0
    # Results of sends the database could not take yet (an outage, a failover): recorded
    # before anything new is claimed, for as long as it takes.
    unrecorded: list[Result] = []
    record_failures = 0
    next_tick = time.monotonic()  # once at start, then every SCHEDULER_TICK_SECONDS (not in drain)
    # Jobs (a guest list to download and import) run on their own lane: however slow a
    # download, the sender threads stay free for replies.
    with ThreadPoolExecutor(max_workers=concurrency if sender is None else 1, thread_name_prefix="outbox-send") as pool, \
            ThreadPoolExecutor(max_workers=JOB_LANE_THREADS, thread_name_prefix="outbox-job") as jobs:
        try:
            while True:
                stopping = stop_event.is_set() or stats.stopped_reason is not None
                if not once and not stopping and time.monotonic() >= next_tick:
                    scheduler_tick(rt, clock())
                    next_tick = time.monotonic() + SCHEDULER_TICK_SECONDS
                if stopping:
                    halt.set()
                if unrecorded:
                    if _record(rt, unrecorded, stats, clock, max_attempts):
                        log.info("recorded %d send result(s) kept while the database was away", len(unrecorded))
                        unrecorded, record_failures = [], 0
                    else:
                        record_failures += 1
                        if once and record_failures >= UNRECORDED_GIVE_UP_ONCE:
                            log.error("giving up recording %d send result(s): their rows stay in sending",
                                      len(unrecorded))
                            unrecorded = []
                        stop_event.wait(min(poll_interval * 2, 1.0))
                        if not inflight and not stop_event.is_set():
                            continue
                claimed_now = settled_now = 0
                # Refill in chunks (not one row per finished send) to keep transactions few.
                if sender is not None:  # rows enough for the rate over the round trip Meta takes now
                    target_inflight = (default_concurrency(rate, sender.latency, MAX_IN_FLIGHT)
                                       + math.ceil(rate * QUEUED_AHEAD_SECONDS))
                if not stopping and not unrecorded and len(inflight) <= target_inflight - max(1, concurrency // 2):
                    try:
                        rows = claim(rt, min(batch, target_inflight - len(inflight)), lease=lease, now=clock(),
                                     rate=rate)
                    except Exception:
                        log.exception("claiming outbox rows failed; retrying in %.1fs", poll_interval)
                        rows = []
                        stop_event.wait(poll_interval)
                        claim_failures += 1
                        if once and claim_failures <= 3:
                            continue  # a failed claim is not "nothing is due"
                    else:
                        claim_failures = 0
                    claimed_now, settled_now = len(rows), getattr(rows, "settled", 0)
                    to_send = []
                    for row in rows:
                        inflight[row.id] = row
                        if row.kind in JOB_KINDS:
                            _on_finish(jobs.submit(send_claimed, rt, row, None, halt, margin), row, finished)
                        elif sender is None:
                            _on_finish(pool.submit(send_claimed, rt, row, limiter, halt, margin), row, finished)
                        else:
                            to_send.append((rt, sender, row, limiter, halt, margin))
                    if to_send:
                        sender.start(send_claimed_async, to_send, finished.put)
                    if not rows and getattr(rows, "budget_wait", 0) > 0 and not inflight:
                        stop_event.wait(min(poll_interval, rows.budget_wait))
                        continue
                if not inflight:
                    if unrecorded and not stop_event.is_set():
                        continue
                    # (a claim that only held rows for the night may have more due behind them)
                    if stopping or (once and claimed_now == 0 and not settled_now):
                        break
                    if wake is None:
                        stop_event.wait(poll_interval)
                    else:
                        wake.wait(poll_interval)
                        wake.clear()
                    continue
                # Still short of the rows the rate needs (a start, a burst): claim again at once.
                room = len(inflight) < target_inflight - max(1, concurrency // 2)
                filling = claimed_now >= batch and room
                # With room for more (the shared budget held the last claim back), look again as
                # soon as it has refilled a little, not only when a send comes back.
                try:
                    results = ([finished.get_nowait()] if filling
                               else [finished.get(timeout=REFILL_WAIT_SECONDS if room else 0.25)])
                except queue.Empty:
                    results = []
                if results and len(results) < len(inflight):
                    # Gather the sends finishing in the next moment too: one transaction for them all.
                    time.sleep(RECORD_GATHER_SECONDS)
                while len(results) < len(inflight):
                    try:
                        results.append(finished.get_nowait())
                    except queue.Empty:
                        break
                for result in results:
                    inflight.pop(result.row.id, None)
                _note_stops(results, stats)
                if unrecorded or not _record(rt, results, stats, clock, max_attempts):
                    unrecorded.extend(results)
                if time.monotonic() - last_report >= 10:
                    log.info("outbox worker: %s", stats.summary())
                    last_report = time.monotonic()
        finally:
            halt.set()
            if sender is not None:
                sender.close()
    stats.finished = time.monotonic()
    if stats.stopped_reason:
        log.error("outbox worker stopped: %s (%s)", stats.stopped_reason, stats.summary())
    else:
        log.info("outbox worker finished: %s", stats.summary())
    return stats


def _on_finish(future: Future, row: Claimed, finished: queue.SimpleQueue) -> None:
    """Put the send's Result on `finished` when it ends (a send that raised is retried)."""
    def done(future: Future) -> None:
        try:
            finished.put(future.result())
        except BaseException as exc:  # send_claimed catches everything; this is a last guard
            finished.put(Result(row, "retry", error=exc if isinstance(exc, Exception) else None))
    future.add_done_callback(done)


def scheduler_tick(rt, now: datetime) -> None:
    """Reminder rounds and final tallies; a failure is logged, never fatal to sending."""
    try:
        clock_tick(rt, now=now)
    except Exception:
        log.exception("scheduler tick failed; sending goes on")


def _note_stops(results: list[Result], stats: WorkerStats) -> None:
    for result in results:
        if result.outcome == "stop" and stats.stopped_reason is None:
            error = result.error
            if isinstance(error, AccessTokenExpired):
                stats.stopped_reason = "access token expired"
                log.error(TOKEN_EXPIRED_MESSAGE + " (%s)", error)
            else:
                stats.stopped_reason = f"access denied: {_reason(error)}"
                log.error(ACCESS_DENIED_MESSAGE.format(reason=_reason(error)) + " (%s)", error)


def drain_outbox(rt, *, concurrency: int | None = None, lease: float = DEFAULT_LEASE_SECONDS,
                 clock: Callable[[], datetime] = utcnow, rate: float | None = None) -> WorkerStats:
    """Send everything due now and return."""
    return run_worker(rt, threading.Event(), once=True, concurrency=concurrency, lease=lease,
                      clock=clock, rate=rate, poll_interval=0.05)
