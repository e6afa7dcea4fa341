"""The worker (`flask --app wsgi worker`): everything that happens after the webhook's 200.

* answering: the conversation for each stored message, in order per sender (answering.py);
* sending: the outbox at the configured rate, shared by every worker (sender.py);
* the clock: reminder rounds and final tallies of bulk sends (clock.py);
* import jobs: guest lists sent as files, downloaded and imported (imports.py).

`run` does all of it until stopped; `drain` does what is due now and returns (the
simulator, `worker --once`, tests): both drive the same steps.
"""
from __future__ import annotations

import logging
import threading
from datetime import datetime
from typing import Callable

from bot.worker import answering, sender
from bot.worker.sender import DEFAULT_BATCH, DEFAULT_LEASE_SECONDS, WorkerStats
from storage.models import utcnow

log = logging.getLogger("bot.worker")

MAX_DRAIN_ROUNDS = 20


ROLES = ("all", "answer", "send")


def run(rt, stop: threading.Event, *, batch: int = DEFAULT_BATCH, concurrency: int | None = None,
        lease: float = DEFAULT_LEASE_SECONDS, role: str = "all") -> WorkerStats:
    """Answer, send and keep the clock until `stop` is set (or sending must stop).

    `role` "answer" only answers stored messages and applies statuses; "send" only sends
    the outbox and keeps the clock. Run one of each (or several) to give each its own
    processor: at Meta's top rate, statuses come back three times as fast as sends go out.
    """
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    replies = threading.Event()  # replies were queued: the sender looks at once, not at its next poll
    answerers: list[threading.Thread] = []
    if role != "send":
        wakeup = answering.Wakeup(rt, stop)
        n = answering.answering_threads(rt)
        log.info("answering stored messages on %d thread(s) (%s)", n,
                 "woken by NOTIFY" if wakeup.listens else f"polling every {answering.POLL_SECONDS:.1f}s")
        answerers = [threading.Thread(target=answering.run_answering, args=(rt, stop),
                                      kwargs={"answered": replies, "wakeup": wakeup},
                                      name=f"answering-{i + 1}", daemon=True) for i in range(n)]
    for thread in answerers:
        thread.start()
    try:
        if role == "answer":
            log.info("this worker only answers and applies statuses; another one sends")
            stop.wait()
            stats = WorkerStats()
            stats.finished = stats.started
        else:
            stats = sender.run_worker(rt, stop, batch=batch, concurrency=concurrency, lease=lease, wake=replies)
    finally:
        stop.set()
        for thread in answerers:
            thread.join(timeout=30)
    return stats


def drain(rt, *, concurrency: int | None = None, lease: float = DEFAULT_LEASE_SECONDS,
          clock: Callable[[], datetime] = utcnow, rate: float | None = None,
          tick: bool = False) -> WorkerStats:
    """Answer every stored message, apply every status and send everything due, until
    nothing new comes of it; with `tick`, the clock's work runs between rounds too."""
    total = WorkerStats()
    for _ in range(MAX_DRAIN_ROUNDS):
        answered = answering.drain_inbox(rt, now=clock())
        sent = sender.drain_outbox(rt, concurrency=concurrency, lease=lease, clock=clock, rate=rate)
        if tick:
            sender.scheduler_tick(rt, clock())
        _add(total, sent)
        if sent.stopped_reason or not (answered.answered or answered.failed or answered.statuses
                                        or sent.sent or sent.failed or sent.fell_back or sent.retried):
            break
    total.finished = sent.finished
    return total


def _add(total: WorkerStats, more: WorkerStats) -> None:
    total.sent += more.sent
    total.failed += more.failed
    total.retried += more.retried
    total.fell_back += more.fell_back
    total.released += more.released
    total.stopped_reason = total.stopped_reason or more.stopped_reason
