"""Answering throughput: stored messages to queued replies, with one and two workers.

Seeds a fresh PostgreSQL database (an organiser who is admin of an event with N invited
guests), then for each worker count runs two measurements with real worker processes
(`flask --app wsgi worker`, console transport, nothing leaves the machine):

    burst   the workers start and answer a first delivery (their imports, catalogs and
            connections are warm), then M guest answers are stored at once (as the webhook
            stores them: one delivery of 50 messages per transaction); messages per second
            from the first stored to the last answered
    steady  the workers run while this script stores --rate messages per second for
            --seconds (after the same warm-up); p50/p99 latency from storing a message to
            its reply being queued (the commit that marks it answered)

Messages are what guests send after an invitation round: taps on the answer buttons
(yes / no) and typed answers ("yes, we are 3", "כן, מגיעים 2", "sorry, can't come"),
each guest writing once per round. Targets: burst >= 400 msg/s (twice the 200 msg/s
of answering inside the webhook request), steady p99 < 1 s at 100 msg/s.

    .venv/bin/python bench/answering_throughput.py
    .venv/bin/python bench/answering_throughput.py --messages 6000 --rate 100 --seconds 20
    .venv/bin/python bench/answering_throughput.py --send-rate 1     # answering alone
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.outbox_throughput import DEFAULT_ADMIN_URL, fresh_postgres  # noqa: E402

SECRET = "bench-app-secret"
TYPED = ["yes, we are 3", "כן, מגיעים 2", "sorry, can't come", "לא נוכל להגיע", "Yes!", "נגיע 4"]
BATCH = 50


def seed(url: str, guests: int):
    from bot import make_runtime
    from bot.config import Settings
    from bot.services import events
    from bot.services.users import get_or_create_user
    from storage.models import Guest, InvitationState

    rt = make_runtime(Settings(database_url=url, whatsapp_app_secret=SECRET))
    with rt.transaction() as session:
        organiser = get_or_create_user(session, phone="+972501110000", display_name="Dana")
        event = events.create_event(session, organiser, "Garden wedding")
        ids = []
        for i in range(guests):
            guest = Guest(event_id=event.id, first_name=f"Guest{i}", phone=f"+97252{i:07d}",
                          invitation=InvitationState.delivered, added_by=organiser.id)
            session.add(guest)
            ids.append(guest)
        session.flush()
        guest_list = [(g.id, g.phone) for g in ids]
    return rt, guest_list


def deliveries(guest_list, start: int, n: int, round_no: int):
    """`n` answers from guests start.. (each guest once), as stored deliveries of BATCH."""
    from bot.whatsapp import inbound
    from bot.whatsapp.deliveries import raw_messages
    from tests import webhooks

    parts = []
    for k in range(n):
        guest_id, phone = guest_list[(start + k) % len(guest_list)]
        wamid = f"wamid.BENCH{round_no:02d}{start + k:08d}"
        if k % 2:
            parts.append(webhooks.text_message(phone, TYPED[k % len(TYPED)], wamid=wamid))
        else:
            answer = "yes" if (k // 2) % 3 else "no"
            parts.append(webhooks.button_tap(phone, f"rsvp:{guest_id}:{answer}", answer.title(), wamid=wamid))
    out = []
    for i in range(0, len(parts), BATCH):
        payload = webhooks.delivery(*parts[i:i + BATCH])
        out.append((inbound.parse_delivery(payload), raw_messages(payload)))
    return out


def store(rt, batches) -> None:
    from bot.whatsapp.deliveries import store_delivery

    for parsed, raw in batches:
        store_delivery(rt, parsed, raw)


def start_workers(url: str, n: int, send_rate: float) -> list[subprocess.Popen]:
    env = {**os.environ, "DATABASE_URL": url, "WHATSAPP_APP_SECRET": SECRET, "LOG_LEVEL": "WARNING", "QUIET_HOURS": "",
           "WHATSAPP_MAX_SEND_RATE": str(send_rate), "PYTHONPATH": str(ROOT)}
    for key in ("WHATSAPP_ACCESS_TOKEN", "WHATSAPP_PHONE_NUMBER_ID"):
        env.pop(key, None)
    flask = str(Path(sys.executable).parent / "flask")
    return [subprocess.Popen([flask, "--app", "wsgi", "worker"], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(n)]


def stop_workers(procs) -> None:
    for proc in procs:
        proc.terminate()
    for proc in procs:
        try:
            _, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            continue
        if proc.returncode not in (0, -15):
            sys.stderr.write(err[-2000:])


def pending(rt) -> int:
    from sqlalchemy import func, select

    from storage.models import Direction, Message, MessageStatus

    with rt.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(Message).where(
            Message.direction == Direction.inbound, Message.status == MessageStatus.received))


def latencies(rt, prefix: str) -> list[float]:
    from sqlalchemy import select

    from storage.models import Message

    with rt.engine.connect() as conn:
        rows = conn.execute(select(Message.created_at, Message.updated_at)
                            .where(Message.wamid.like(f"{prefix}%"))).all()
    return [(updated - created).total_seconds() for created, updated in rows]


def wait_drained(rt, timeout: float) -> float:
    deadline = time.monotonic() + timeout
    while pending(rt):
        if time.monotonic() > deadline:
            raise SystemExit(f"not every message was answered within {timeout:.0f}s")
        time.sleep(0.01)
    return time.monotonic()


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=4000, help="burst: messages stored at once (default 4000)")
    parser.add_argument("--guests", type=int, default=2000, help="guests of the event (default 2000)")
    parser.add_argument("--rate", type=float, default=100.0, help="steady: messages per second (default 100)")
    parser.add_argument("--seconds", type=float, default=10.0, help="steady: seconds of traffic (default 10)")
    parser.add_argument("--workers", default="1,2", help="worker counts to measure (default 1,2)")
    parser.add_argument("--send-rate", type=float, default=1000.0,
                        help="WHATSAPP_MAX_SEND_RATE of the workers, which send the replies meanwhile "
                             "(default 1000; 1 leaves the CPU to answering)")
    parser.add_argument("--admin-url", default=os.environ.get("BENCH_ADMIN_DATABASE_URL", DEFAULT_ADMIN_URL),
                        help="a PostgreSQL server to create a scratch database on")
    parser.add_argument("--timeout", type=float, default=180.0, help="give up after this many seconds per run")
    args = parser.parse_args(argv)
    if not 1 <= args.messages <= 100_000 or not 0 < args.rate <= 2000 or not 0 < args.seconds <= 120:
        parser.error("--messages 1..100000, --rate up to 2000, --seconds up to 120")

    from storage import migrate

    url, drop = fresh_postgres(args.admin_url)
    results = []
    try:
        migrate.upgrade(url)
        rt, guest_list = seed(url, args.guests)
        round_no = 0
        for n_workers in [int(w) for w in args.workers.split(",")]:
            # burst: the workers are up and warm; everything arrives at once
            round_no += 1
            burst = deliveries(guest_list, 0, args.messages, round_no)
            warm = deliveries(guest_list, 0, BATCH * n_workers, round_no + 100)
            procs = start_workers(url, n_workers, args.send_rate)
            try:
                store(rt, warm)
                wait_drained(rt, args.timeout)
                started = time.monotonic()
                store(rt, burst)
                finished = wait_drained(rt, args.timeout)
            finally:
                stop_workers(procs)
            burst_rate = args.messages / (finished - started)
            # steady: the workers run while messages arrive at --rate
            round_no += 1
            total = int(args.rate * args.seconds)
            batches = deliveries(guest_list, 0, total, round_no)
            per_batch = BATCH / args.rate
            warm = deliveries(guest_list, 0, BATCH * n_workers, round_no + 100)
            procs = start_workers(url, n_workers, args.send_rate)
            try:
                # The workers are up, listening and past their first answers (imports, the
                # language catalogs, the first connections): the steady phase measures
                # answering, not a worker starting.
                store(rt, warm)
                wait_drained(rt, args.timeout)
                t0 = time.monotonic()
                for i, batch in enumerate(batches):
                    delay = t0 + i * per_batch - time.monotonic()
                    if delay > 0:
                        time.sleep(delay)
                    store(rt, [batch])
                wait_drained(rt, args.timeout)
            finally:
                stop_workers(procs)
            steady = latencies(rt, f"wamid.BENCH{round_no:02d}")
            results.append((n_workers, burst_rate, steady, total))
        rt.engine.dispose()
    finally:
        drop()

    print(f"answering throughput (PostgreSQL, real worker processes, {args.guests} guests; "
          f"guest answers: taps and typed, Hebrew and English; stored {BATCH} per delivery)")
    for n_workers, burst_rate, steady, total in results:
        print(f"  {n_workers} worker(s): burst {args.messages} msgs: {burst_rate:7.1f} msg/s (target >= 400); "
              f"steady {args.rate:.0f} msg/s x {args.seconds:.0f}s ({total} msgs): "
              f"p50 {pct(steady, 0.5) * 1000:.0f} ms, p99 {pct(steady, 0.99) * 1000:.0f} ms, "
              f"max {max(steady) * 1000:.0f} ms (target p99 < 1000 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
