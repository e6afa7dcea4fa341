"""`flask --app wsgi worker`: answer stored messages, send the outbox, keep the clock."""
from __future__ import annotations

import logging
import signal
import threading

import click
from flask import Flask

from bot.worker import ROLES, drain as drain_worker, run as run_worker
from bot.runtime import current as current_runtime
from bot.worker.sender import DEFAULT_BATCH, DEFAULT_LEASE_SECONDS, TOKEN_EXPIRED_MESSAGE

log = logging.getLogger("bot.worker")


def register_cli(app: Flask) -> None:
    @app.cli.command("worker")
    @click.option("--once", is_flag=True, help="Answer and send what is due now, then exit.")
    @click.option("--concurrency", type=click.IntRange(1, 1000), default=None,
                  help="Sends in flight (default: enough for WHATSAPP_MAX_SEND_RATE at 250 ms a send).")
    @click.option("--role", type=click.Choice(ROLES), default="all", show_default=True,
                  help="answer: answer stored messages and apply statuses only; send: send the outbox "
                       "and keep the clock only (run one of each to give each a processor).")
    @click.option("--batch", type=click.IntRange(1, 1000), default=DEFAULT_BATCH, show_default=True,
                  help="Outbox rows claimed per transaction.")
    @click.option("--lease", type=click.FloatRange(min=1.0), default=DEFAULT_LEASE_SECONDS,
                  envvar="OUTBOX_LEASE_SECONDS", show_default=True,
                  help="Seconds a claimed row stays reserved; a crashed worker's rows are resent after it.")
    def worker_command(once: bool, concurrency: int | None, batch: int, lease: float, role: str) -> None:
        """Answer stored messages in order per sender, and send the outbox at no more
        than WHATSAPP_MAX_SEND_RATE messages per second.

        SIGTERM or Ctrl-C: stop claiming, finish the sends in flight, exit 0. An expired
        access token stops the worker with exit status 1, leaving the messages queued.
        """
        rt = current_runtime()
        stop = threading.Event()

        def _stop(signum, _frame):
            if not stop.is_set():
                log.info("worker: %s received, finishing the sends in flight", signal.Signals(signum).name)
            stop.set()

        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)
        transport = "WhatsApp Cloud API" if rt.settings.uses_whatsapp else "console transport"
        log.info("worker sending through the %s", transport)
        if once:
            # What --once sent may finish a bulk send: its tally (and any reminder round
            # that is due) is queued between rounds, and sent too.
            stats = drain_worker(rt, concurrency=concurrency, lease=lease, tick=True)
        else:
            stats = run_worker(rt, stop, batch=batch, concurrency=concurrency, lease=lease, role=role)
        if once or role != "answer":
            click.echo(f"outbox: {stats.summary()}")
        if stats.exit_code:
            click.echo(TOKEN_EXPIRED_MESSAGE if stats.stopped_reason == "access token expired"
                       else f"Sending stopped: {stats.stopped_reason}", err=True)
        raise SystemExit(stats.exit_code)
