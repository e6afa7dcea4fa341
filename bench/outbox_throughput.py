"""Outbox throughput: how close the worker gets to WHATSAPP_MAX_SEND_RATE.

Queues N text messages in a fresh database, runs `flask --app wsgi worker --once` as its own
process against the fake Graph API
(tests/fakes.py, served by this script on loopback) answering after --latency seconds, until
the outbox is empty, and prints messages per second and the fraction of the configured
rate. Target: >= 0.95 of 200 msg/s with 50 ms latency.

    .venv/bin/python bench/outbox_throughput.py                       # PostgreSQL on 127.0.0.1
    .venv/bin/python bench/outbox_throughput.py --sqlite              # a temporary SQLite file
    .venv/bin/python bench/outbox_throughput.py --messages 4000 --rate 200 --latency 0.2
"""
from __future__ import annotations

import argparse
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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=2000, help="messages to queue (default 2000)")
    parser.add_argument("--rate", type=float, default=200.0, help="WHATSAPP_MAX_SEND_RATE (default 200)")
    parser.add_argument("--latency", type=float, default=0.05, help="fake API latency in seconds (default 0.05)")
    parser.add_argument("--concurrency", type=int, default=None, help="sender threads (default: the worker's own)")
    parser.add_argument("--admin-url", default=os.environ.get("BENCH_ADMIN_DATABASE_URL", DEFAULT_ADMIN_URL),
                        help="a PostgreSQL server to create a scratch database on")
    parser.add_argument("--sqlite", action="store_true", help="use a temporary SQLite file instead")
    parser.add_argument("--timeout", type=float, default=120.0, help="give up after this many seconds")
    args = parser.parse_args(argv)
    if not 1 <= args.messages <= 100_000:
        parser.error("--messages must be between 1 and 100000")

    import resource
    import subprocess

    from sqlalchemy import func, select

    from bot.worker import sender as outbox
    from bot.services import outbox as service_outbox
    from storage import migrate
    from storage.db import make_engine, make_session_factory
    from storage.models import Message, MessageStatus
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
            for i in range(args.messages):
                phone = f"+97254{i:07d}"
                service_outbox.enqueue(session, phone=phone, message=service_outbox.text(f"bench {i}"),
                               kind="broadcast")
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
            command = [str(Path(sys.executable).parent / "flask"), "--app", "wsgi", "worker", "--once"]
            if args.concurrency:
                command += ["--concurrency", str(args.concurrency)]
            # The worker runs as its own process, as in production; this process only plays Meta.
            own_before = resource.getrusage(resource.RUSAGE_SELF)
            worker = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                      stderr=subprocess.STDOUT, text=True)
            try:
                fake.wait_for(lambda: fake.count() >= 1, timeout=args.timeout, message="the first send")
                first = time.monotonic()
                fake.wait_for(lambda: fake.count() >= args.messages, timeout=args.timeout,
                              message="every message sent")
                elapsed = time.monotonic() - first
                output, _ = worker.communicate(timeout=30)
            finally:
                if worker.poll() is None:
                    worker.kill()
                    worker.communicate()
            received = fake.count()
            own_after = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        worker_cpu = children.ru_utime + children.ru_stime
        fake_cpu = (own_after.ru_utime + own_after.ru_stime) - (own_before.ru_utime + own_before.ru_stime)
        worker_rss_mb = children.ru_maxrss / 1024
        with sessions() as session:
            sent = session.scalar(select(func.count()).select_from(Message)
                                  .where(Message.status == MessageStatus.sent))
    finally:
        if engine is not None:
            engine.dispose()
        drop()

    # From the first message's arrival to the last's: N-1 intervals at the configured rate.
    sent_rate = (received - 1) / elapsed if elapsed else 0.0
    fraction = sent_rate / args.rate
    concurrency = args.concurrency or outbox.default_concurrency(args.rate)
    print(f"outbox throughput ({backend}, worker process with {concurrency} sender threads, "
          f"fake Graph API latency {args.latency * 1000:.0f} ms)")
    print(f"  messages sent:      {sent} of {args.messages} recorded, {received} received by the fake API")
    print(f"  first to last send: {elapsed:.2f} s")
    print(f"  throughput:         {sent_rate:.1f} msg/s")
    print(f"  configured rate:    {args.rate:.0f} msg/s")
    print(f"  fraction of rate:   {fraction:.3f}  (target >= 0.95)")
    print(f"  CPU per message:    worker {worker_cpu / max(1, received) * 1000:.2f} ms, "
          f"fake Graph API {fake_cpu / max(1, received) * 1000:.2f} ms; worker peak memory {worker_rss_mb:.0f} MB")
    print(f"  worker said:        {output.strip().splitlines()[-1] if output.strip() else '-'}")
    ok = sent == args.messages and received == args.messages and fraction >= 0.95 and worker.returncode == 0
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
