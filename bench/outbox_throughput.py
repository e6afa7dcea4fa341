"""Outbox throughput: how close the worker gets to WHATSAPP_MAX_SEND_RATE.

Queues N invitations (one event, N guests) in a fresh database, runs `flask --app wsgi
worker --once` as its own process (or --workers of them, sharing the rate) against the fake
Graph API (tests/fakes.py, served by this script on loopback) answering after --latency
seconds, until the outbox is empty, and prints messages per second, the fraction of the
configured rate, whether any guest got two, and the CPU each side spent per message.
Target: >= 0.95 of the rate (80/s, 200/s, 1,000/s at 200 ms).

    .venv/bin/python bench/outbox_throughput.py                       # PostgreSQL on 127.0.0.1
    .venv/bin/python bench/outbox_throughput.py --sqlite              # a temporary SQLite file
    .venv/bin/python bench/outbox_throughput.py --messages 5000 --rate 1000 --latency 0.2 --workers 2
"""
from __future__ import annotations

import argparse
import datetime
import gc
import os
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def fresh_postgres(admin_url: str):
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from storage.db import normalize_url

    base = make_url(normalize_url(admin_url))
    name = f"invitebot_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop():
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return base.set(database=name).render_as_string(hide_password=False), drop


def _rss_mb(pid: int) -> float:
    """A process's resident memory now, in MB (Linux)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _feed_statuses(engine, fake, done) -> None:
    """Store sent, delivered and read for each message the fake accepted, every 50 ms, as
    the webhook stores them (bot.whatsapp.statuses), until `done` and all are stored."""
    from bot.whatsapp.inbound import StatusUpdate
    from bot.whatsapp.statuses import insert_statuses, status_rows
    from storage.models import utcnow

    fed = 0
    while True:
        finished = done.is_set()
        with fake._cond:
            arrived = fake.sent[fed:]
        fed += len(arrived)
        updates = [StatusUpdate(m.wamid, status, None, m.to, None, pricing_category="utility" if status == "sent" else None)
                   for m in arrived for status in ("sent", "delivered", "read")]
        if updates:
            with engine.begin() as conn:
                insert_statuses(conn, status_rows(updates, utcnow()))
        if finished:
            return
        done.wait(0.05)


def _statuses_left(engine) -> int:
    from sqlalchemy import func, select

    from storage.models import EarlyStatus

    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(EarlyStatus))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=2000, help="messages to queue (default 2000)")
    parser.add_argument("--rate", type=float, default=200.0, help="WHATSAPP_MAX_SEND_RATE (default 200)")
    parser.add_argument("--latency", type=float, default=0.05, help="fake API latency in seconds (default 0.05)")
    parser.add_argument("--concurrency", type=int, default=None, help="sends in flight (default: the worker's own)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes sharing the rate (default 1)")
    parser.add_argument("--statuses", action="store_true",
                        help="store Meta's sent, delivered and read statuses for every message as it "
                             "arrives (three per send, as the webhook would) for the workers to apply")
    parser.add_argument("--split", action="store_true",
                        help="with --statuses: the workers only send (--role send) and one more "
                             "process answers and applies the statuses (--role answer)")
    parser.add_argument("--admin-url", default=os.environ.get("BENCH_ADMIN_DATABASE_URL", DEFAULT_ADMIN_URL),
                        help="a PostgreSQL server to create a scratch database on")
    parser.add_argument("--sqlite", action="store_true", help="use a temporary SQLite file instead")
    parser.add_argument("--timeout", type=float, default=120.0, help="give up after this many seconds")
    args = parser.parse_args(argv)
    if not 1 <= args.messages <= 100_000:
        parser.error("--messages must be between 1 and 100000")

    import resource
    import signal
    import subprocess

    from sqlalchemy import func, select

    from bot.services import outbox as service_outbox
    from storage import migrate
    from storage.db import make_engine, make_session_factory
    from storage.models import Event, Guest, Message, MessageStatus
    from tests.fakes import FakeGraphAPI

    if args.sqlite:
        tmp = tempfile.TemporaryDirectory()
        url, drop = f"sqlite:///{tmp.name}/bench.sqlite3", tmp.cleanup
        backend = "SQLite"
    else:
        url, drop = fresh_postgres(args.admin_url)
        backend = "PostgreSQL"
    engine = None
    try:
        migrate.upgrade(url)
        engine = make_engine(url)
        sessions = make_session_factory(engine)
        with sessions.begin() as session:
            event = Event(name="Noa & Avi", date=datetime.date(2027, 6, 12), location="Tel Aviv",
                          timezone="Asia/Jerusalem", quiet_hours="off")
            session.add(event)
            session.flush()
            guests = [Guest(event_id=event.id, first_name=f"Guest {i}", phone=f"+97254{i:07d}")
                      for i in range(args.messages)]
            session.add_all(guests)
            session.flush()
            for guest in guests:
                service_outbox.enqueue(session, phone=guest.phone, kind="invitation", event_id=event.id,
                                       guest_id=guest.id, message=service_outbox.invitation(
                                           guest_id=guest.id, first_name=guest.first_name, event_name=event.name,
                                           event_date=event.date, location=event.location, language="he"))
        with FakeGraphAPI() as fake:
            fake.latency = args.latency
            fake.window_enforced = False
            env = {
                **os.environ, **fake.env(),
                "DATABASE_URL": url,
                "WHATSAPP_APP_SECRET": "bench-secret",
                "WHATSAPP_VERIFY_TOKEN": "bench-verify",
                "WHATSAPP_MAX_SEND_RATE": str(args.rate),
                "LOG_LEVEL": "WARNING", "QUIET_HOURS": "",
            }
            command = [str(Path(sys.executable).parent / "flask"), "--app", "wsgi", "worker"]
            if not args.statuses:
                command.append("--once")  # else it runs until every status is applied, then is stopped
            if args.concurrency:
                command += ["--concurrency", str(args.concurrency)]
            # The worker runs as its own process, as in production; this process only plays Meta.
            # This process plays Meta: a full collection over what the set-up left in memory
            # stalled it for a quarter of a second mid-run, counted as the worker's shortfall.
            gc.collect()
            gc.freeze()
            own_before = resource.getrusage(resource.RUSAGE_SELF)
            roles = [[]] * args.workers
            if args.statuses and args.split:
                roles = [["--role", "send"]] * args.workers + [["--role", "answer"]]
            workers = [subprocess.Popen(command + role, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True) for role in roles]
            outputs = []
            memory: list[tuple[int, float]] = []  # (messages received, the first worker's RSS in MB)

            def sample_memory() -> bool:
                memory.append((fake.count(), _rss_mb(workers[0].pid)))
                return fake.count() >= args.messages

            feeding = threading.Event()
            feeder = threading.Thread(target=_feed_statuses, args=(engine, fake, feeding), daemon=True)
            if args.statuses:
                feeder.start()
            try:
                fake.wait_for(lambda: fake.count() >= 1, timeout=args.timeout, message="the first send")
                first = time.monotonic()
                fake.wait_for(sample_memory, timeout=args.timeout, message="every message sent")
                elapsed = time.monotonic() - first
                if args.statuses:
                    feeding.set()
                    feeder.join()
                    fake.wait_for(lambda: _statuses_left(engine) == 0, timeout=args.timeout,
                                  message="every status applied")
                    applied_after = time.monotonic() - first
                    for worker in workers:
                        worker.send_signal(signal.SIGTERM)
                while workers[0].poll() is None and time.monotonic() - first < args.timeout:
                    memory.append((fake.count(), _rss_mb(workers[0].pid)))
                    time.sleep(0.05)
                outputs = [worker.communicate(timeout=30)[0] for worker in workers]
            finally:
                for worker in workers:
                    if worker.poll() is None:
                        worker.kill()
                        worker.communicate()
            received = fake.count()
            guests_reached = len({m.to for m in fake.sent})
            arrivals = sorted(m.at for m in fake.sent)
        busiest, start = 0, 0
        for end, at in enumerate(arrivals):  # the most messages Meta saw in any one second
            while at - arrivals[start] >= 1.0:
                start += 1
            busiest = max(busiest, end - start + 1)
            own_after = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        worker_cpu = children.ru_utime + children.ru_stime
        fake_cpu = (own_after.ru_utime + own_after.ru_stime) - (own_before.ru_utime + own_before.ru_stime)
        with sessions() as session:
            sent = session.scalar(select(func.count()).select_from(Message)
                                  .where(Message.status.in_([MessageStatus.sent, MessageStatus.delivered, MessageStatus.read])))
    finally:
        if engine is not None:
            engine.dispose()
        drop()

    # From the first message's arrival to the last's: N-1 intervals at the configured rate.
    sent_rate = (received - 1) / elapsed if elapsed else 0.0
    fraction = sent_rate / args.rate
    print(f"outbox throughput ({backend}, {args.workers} worker process(es)"
          f"{' sending and one answering' if args.statuses and args.split else ''}, "
          f"fake Graph API latency {args.latency * 1000:.0f} ms)")
    print(f"  messages sent:      {sent} of {args.messages} recorded, {received} received by the fake API")
    print(f"  guests reached:     {guests_reached} ({received - guests_reached} got one twice)")
    print(f"  first to last send: {elapsed:.2f} s")
    print(f"  throughput:         {sent_rate:.1f} msg/s")
    print(f"  configured rate:    {args.rate:.0f} msg/s")
    print(f"  fraction of rate:   {fraction:.3f}  (target >= 0.95)")
    print(f"  busiest second:     {busiest} messages")
    if args.statuses:
        print(f"  statuses:           {3 * received} stored as sent; all applied {applied_after:.2f} s after the first send")
    print(f"  CPU per message:    workers {worker_cpu / max(1, received) * 1000:.2f} ms, "
          f"fake Graph API {fake_cpu / max(1, received) * 1000:.2f} ms")
    quarters = [next((mb for n, mb in memory if n >= args.messages * q / 4), memory[-1][1]) for q in (1, 2, 3, 4)]
    print("  worker memory:      " + ", ".join(f"{mb:.0f} MB" for mb in quarters)
          + f" at a quarter, half, three quarters and all of the messages; peak {max(mb for _, mb in memory):.0f} MB")
    for output in outputs:
        print(f"  worker said:        {output.strip().splitlines()[-1] if output.strip() else '-'}")
    ok = (sent == args.messages and received == args.messages == guests_reached and fraction >= 0.95
          and all(worker.returncode == 0 for worker in workers))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
