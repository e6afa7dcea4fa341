"""Answering: the worker runs the conversation for each message the webhook stored.

A pass claims a batch of due messages, each the oldest unanswered one of its sender,
and answers them in one transaction: for each, the conversation (rt.on_message) runs
inside a savepoint, and its changes, the replies it queued and the mark that the message
was answered commit together. So:

* one sender's messages are answered in the order they were sent, one at a time: a
  message is claimed only when no earlier one of its sender is unanswered, and claims
  hold row locks (`FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite serialises writers),
  so no two workers ever answer the same sender at once;
* a worker killed mid-pass commits nothing: its messages are answered again, once, by
  the next pass (no reply of the lost pass was ever queued);
* a message whose conversation crashes is tried again a few times, then answered with
  an apology and marked failed, so it never blocks its sender for long.

Stored status updates are applied by the same loop (bot.whatsapp.statuses). On
PostgreSQL the loop sleeps on LISTEN and the webhook's NOTIFY wakes it; on SQLite it polls.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

import psycopg
from sqlalchemy import select, tuple_, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, aliased

from bot.services import languages, outbox
from bot.services.senders import load_roles
from bot.services.users import get_or_create_user, upsert_senders
from bot.text import guest_replies, i18n
from bot.whatsapp import inbound
from bot.whatsapp.statuses import apply_stored_statuses, prune_early_statuses
from bot.whatsapp.deliveries import INBOX_CHANNEL
from bot.whatsapp.webhook import mask_sender
from storage.db import is_postgres
from storage.models import Message, MessageStatus, unanswered, utcnow

log = logging.getLogger("bot.answering")

BATCH = 25  # messages answered per transaction
THREADS_POSTGRES = 4  # answering threads per worker on PostgreSQL
MAX_ATTEMPTS = 3  # a crashing conversation is tried this often, then apologised for
RETRY_DELAYS = (1.0, 4.0)  # seconds before the 2nd and 3rd attempt
POLL_SECONDS = 0.2  # SQLite: how often to look for new messages
LISTEN_FALLBACK_SECONDS = 2.0  # PostgreSQL: look anyway this often (a NOTIFY lost on reconnect)
PRUNE_EVERY_SECONDS = 3600.0


@dataclass
class AnswerStats:
    answered: int = 0
    retried: int = 0
    failed: int = 0
    statuses: int = 0


# --------------------------------------------------------------------------- one pass


def _due_heads(session: Session, now: datetime, limit: int):
    """Due messages that are their sender's oldest unanswered one, locked for this transaction."""
    earlier = aliased(Message)
    older_unanswered = (
        select(earlier.id)
        .where(
            *unanswered(earlier),
            earlier.sender == Message.sender,
            tuple_(earlier.sent_at, earlier.created_at) < tuple_(Message.sent_at, Message.created_at),
        )
        # OFFSET 0 keeps PostgreSQL from turning this into an anti-join, which it plans as
        # a scan of the whole inbox per message whenever its statistics think the inbox
        # is small (a burst always outruns them): as a subplan it is one probe of the
        # inbox index (sender, sent_at, created_at) per message. 2 s → 5 ms at 3,000 waiting.
        .offset(0)
        .exists()
    )
    query = (
        select(Message)
        .where(
            *unanswered(Message),
            Message.next_attempt_at <= now,
            ~older_unanswered,
        )
        .order_by(Message.created_at)
        .limit(limit)
    )
    if is_postgres(session):
        query = query.with_for_update(skip_locked=True, of=Message)
    return list(session.scalars(query))


class _ConversationFailed(Exception):
    """A conversation raised in a pass without savepoints: the pass is run again with them."""


def answer_due(rt, *, limit: int = BATCH, now: datetime | None = None,
               stats: AnswerStats | None = None) -> int:
    """Answer up to `limit` due messages in one transaction; how many were handled.

    The pass runs the conversations one after the other with no savepoint between them
    (two round trips fewer per message); when one of them raises, the whole pass is
    rolled back and run again with a savepoint around each, so only that one fails.
    """
    stats = stats if stats is not None else AnswerStats()
    now = now or utcnow()
    done = AnswerStats()
    try:
        with rt.transaction() as session:
            outbox.defer_replies(session)   # the pass's replies go out in one INSERT
            rows = _due_heads(session, now, limit)
            senders = _senders(session, rows)
            marks = [_answer(session, rt, row, now, done, guarded=False, senders=senders) for row in rows]
            _write_changes(session)
            _mark_answered(session, marks)
    except _ConversationFailed:
        done = AnswerStats()
        with rt.transaction() as session:
            outbox.defer_replies(session)
            rows = _due_heads(session, now, limit)
            marks = [_answer(session, rt, row, now, done, guarded=True) for row in rows]
            _mark_answered(session, marks)
    _merge(stats, done)
    return len(rows)


def _write_changes(session: Session) -> None:
    """What the pass's conversations changed, written together (their guests, users and
    conversations in one flush, their replies in one INSERT); a change the database refuses
    is one conversation's failure: the pass runs again with a savepoint around each."""
    try:
        session.flush()
        outbox.write_pending(session)
    except Exception as exc:
        if isinstance(exc, DBAPIError) and exc.connection_invalidated:
            raise   # the database went away: the pass is run again as it was
        raise _ConversationFailed() from exc


def _mark_answered(session: Session, marks: list[dict | None]) -> None:
    """The answered marks of a pass, one UPDATE by primary key for them all (not one per
    message), in the pass's transaction: they commit with the replies or not at all."""
    marks = [m for m in marks if m]
    if marks:
        session.execute(update(Message), marks)


def _merge(stats: AnswerStats, done: AnswerStats) -> None:
    stats.answered += done.answered
    stats.retried += done.retried
    stats.failed += done.failed


def _senders(session: Session, rows: list[Message]) -> dict:
    """The senders of a pass known by phone alone, found or created with one statement for
    them all (phone → user); the others are found one by one (`_sender`)."""
    senders = {}
    for row in rows:
        msg = inbound.parse_stored(row.payload)
        if msg is not None and msg.sender_phone and not msg.sender_user_id:
            senders[msg.sender_phone] = (msg.profile_name, row.sent_at or row.created_at)
    users = upsert_senders(session, senders)
    load_roles(session, users.values())   # organiser, guest or both: two statements for the pass
    return users


def _answer(session: Session, rt, row: Message, now: datetime, stats: AnswerStats, *,
            guarded: bool, senders: dict | None = None) -> dict | None:
    """Runs the conversation of `row`; its answered mark (for `_mark_answered`), or None
    when it failed (the failure is recorded on the row)."""
    msg = None
    try:
        if guarded:
            with session.begin_nested():
                msg, user_id = _converse(session, rt, row)
        else:
            msg, user_id = _converse(session, rt, row, senders or {})
    except Exception as exc:
        if not guarded:
            raise _ConversationFailed() from exc
        _failed_attempt(session, row, msg, now, stats, exc)
        return None
    stats.answered += 1
    return {"id": row.id, "status": MessageStatus.answered, "claimed_until": None, "user_id": user_id,
            "updated_at": utcnow()}


def _converse(session: Session, rt, row: Message, senders: dict | None = None) -> tuple[inbound.InboundMessage, object]:
    msg = _parse(row)
    user = (senders or {}).get(msg.sender_phone) if not msg.sender_user_id else None
    user = user or _sender(session, msg, row)
    rt.on_message(session, rt.settings, user, msg)
    return msg, user.id


def _parse(row: Message) -> inbound.InboundMessage:
    msg = inbound.parse_stored(row.payload)
    if msg is None:
        raise ValueError(f"stored message {row.wamid} cannot be parsed again")
    return msg


def _sender(session: Session, msg: inbound.InboundMessage, row: Message):
    return get_or_create_user(session, phone=msg.sender_phone, wa_user_id=msg.sender_user_id,
                              display_name=msg.profile_name, seen_at=row.sent_at or row.created_at)


def _failed_attempt(session: Session, row: Message, msg, now: datetime, stats: AnswerStats,
                    exc: Exception) -> None:
    row.attempts = (row.attempts or 0) + 1
    sender = mask_sender(row.sender or "unknown")
    if row.attempts < MAX_ATTEMPTS:
        delay = RETRY_DELAYS[min(row.attempts - 1, len(RETRY_DELAYS) - 1)]
        row.next_attempt_at = now + timedelta(seconds=delay)
        row.error_text = f"{type(exc).__name__}: {exc}"[:500]
        stats.retried += 1
        log.exception("answering %s from %s failed (attempt %d of %d); trying again in %.0fs",
                      row.wamid, sender, row.attempts, MAX_ATTEMPTS, delay)
        return
    log.exception("answering %s from %s failed %d times; answering with an apology",
                  row.wamid, sender, row.attempts)
    row.status = MessageStatus.failed
    row.error_text = f"{type(exc).__name__}: {exc}"[:500]
    stats.failed += 1
    msg = msg or inbound.parse_stored(row.payload)
    phone = row.phone or (msg.sender_phone if msg else None)
    if not phone and msg is not None and msg.sender_user_id:
        # Known only by a business-scoped id: the apology goes to that id, by their user (whom
        # the failed attempt's savepoint took back when it was new).
        try:
            with session.begin_nested():
                row.user_id = _sender(session, msg, row).id
        except Exception:
            log.exception("finding the sender of %s failed: no apology", row.wamid)
    if phone or row.user_id is not None:
        with session.begin_nested():
            lang = languages.of_phone(session, phone) or languages.of_user(session, row.user_id)
            outbox.enqueue(session, phone=phone, message=outbox.text(guest_replies.apology(lang or i18n.SOURCE)),
                           kind="apology", user_id=row.user_id)


def apply_statuses_due(rt, *, limit: int = 500, stats: AnswerStats | None = None) -> int:
    with rt.transaction() as session:
        counts = apply_stored_statuses(session, limit)
    if stats is not None:
        stats.statuses += counts.handled
    return counts.handled


def _once_more_if_disconnected(step):
    """Run `step`; a connection the database dropped (a restart, a failover) is replaced
    by the pool, and the step, which committed nothing, runs once more."""
    try:
        return step()
    except DBAPIError as exc:
        if not exc.connection_invalidated:
            raise
        log.warning("database connection lost while answering; trying again")
        return step()


def drain_inbox(rt, *, now: datetime | None = None, stats: AnswerStats | None = None) -> AnswerStats:
    """Answer every due message and apply every stored status, then return (tests, --once)."""
    stats = stats if stats is not None else AnswerStats()
    while (_once_more_if_disconnected(lambda: answer_due(rt, now=now, stats=stats))
           or _once_more_if_disconnected(lambda: apply_statuses_due(rt, stats=stats))):
        pass
    with rt.transaction() as session:
        prune_early_statuses(session, now)
    return stats


# --------------------------------------------------------------------------- the loop


class Wakeup:
    """Wakes the answering loops when the webhook stored something (LISTEN on PostgreSQL).

    One listener for all the answering threads of a worker: each wake-up is a new
    generation, and every thread waiting for it sees it."""

    def __init__(self, rt, stop: threading.Event, idle_wait: float | None = None) -> None:
        self.stop = stop
        self.listens = is_postgres(rt.engine)
        self.idle_wait = idle_wait or (LISTEN_FALLBACK_SECONDS if self.listens else POLL_SECONDS)
        self._url = rt.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._thread: threading.Thread | None = None
        self._changed = threading.Condition()
        self._generation = 0

    def start(self) -> None:
        if self.listens and self._thread is None:
            self._thread = threading.Thread(target=self._listen, name="inbox-listen", daemon=True)
            self._thread.start()

    def generation(self) -> int:
        with self._changed:
            return self._generation

    def wake(self) -> None:
        with self._changed:
            self._generation += 1
            self._changed.notify_all()

    def wait(self, seen: int) -> None:
        """Until a wake-up after generation `seen`, `idle_wait` has passed, or the worker is stopping."""
        deadline = time.monotonic() + self.idle_wait
        with self._changed:
            while self._generation == seen and not self.stop.is_set():
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._changed.wait(min(left, 0.25))

    def _listen(self) -> None:
        while not self.stop.is_set():
            try:
                with psycopg.connect(self._url, autocommit=True) as conn:
                    conn.execute(f"LISTEN {INBOX_CHANNEL}")
                    self.wake()  # anything stored while we were not listening
                    while not self.stop.is_set():
                        # Notifications for up to half a second (a lost connection raises).
                        for _ in conn.notifies(timeout=0.5):
                            self.wake()
            except (psycopg.Error, OSError) as exc:
                log.warning("listening for new messages failed (%s); polling until it works again",
                            type(exc).__name__)
                self.stop.wait(1.0)


def answering_threads(rt) -> int:
    """Answering threads per worker: on PostgreSQL several overlap their database round
    trips (SKIP LOCKED keeps each sender to one of them); SQLite has one writer anyway."""
    return THREADS_POSTGRES if is_postgres(rt.engine) else 1


def run_answering(rt, stop: threading.Event, *, batch: int = BATCH, idle_wait: float | None = None,
                  stats: AnswerStats | None = None, answered: threading.Event | None = None,
                  wakeup: Wakeup | None = None) -> AnswerStats:
    """Answer stored messages and apply statuses until `stop` is set; `answered` is set
    after each pass that answered something (its replies wait in the outbox).

    When there is nothing to do it sleeps until the webhook's NOTIFY (PostgreSQL) or for
    `idle_wait` seconds (default: 2 s on PostgreSQL, as a safety net; 0.2 s on SQLite).
    Several threads may share one `wakeup`.
    """
    stats = stats if stats is not None else AnswerStats()
    if wakeup is None:
        wakeup = Wakeup(rt, stop, idle_wait)
        log.info("answering stored messages (%s)",
                 "woken by NOTIFY" if wakeup.listens else f"polling every {POLL_SECONDS:.1f}s")
    wakeup.start()
    last_prune = 0.0
    while not stop.is_set():
        seen = wakeup.generation()
        try:
            busy = answer_due(rt, limit=batch, stats=stats)
            if busy and answered is not None:
                answered.set()
            busy += apply_statuses_due(rt, stats=stats)
            if time.monotonic() - last_prune > PRUNE_EVERY_SECONDS:
                with rt.transaction() as session:
                    prune_early_statuses(session)
                last_prune = time.monotonic()
        except DBAPIError as exc:
            log.warning("answering paused: the database failed (%s); trying again", type(exc).__name__)
            stop.wait(1.0)
            continue
        except Exception:
            log.exception("answering pass failed; trying again")
            stop.wait(1.0)
            continue
        if not busy:
            wakeup.wait(seen)
    return stats
