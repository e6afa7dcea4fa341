"""Webhook throughput: signed text deliveries through gunicorn on PostgreSQL, against bare Flask.

Starts the bot under gunicorn (gunicorn.conf.py, bound to loopback) on a fresh PostgreSQL
database, posts N signed text deliveries (distinct senders and wamids) from a pool of
client threads, then does the same against a bare Flask endpoint (one route returning
200) under gunicorn with the same configuration, in the same run. Prints requests per
second for both and their ratio. Target: the bot at >= 0.3 of bare Flask.

    .venv/bin/python bench/webhook_throughput.py
    .venv/bin/python bench/webhook_throughput.py --requests 4000 --clients 32 --workers 4
"""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
SECRET = "bench-app-secret"


def make_bare_app():
    """The baseline: gunicorn imports this as ``webhook_throughput:make_bare_app()``."""
    from flask import Flask

    app = Flask("bare")

    @app.post("/webhook")
    def webhook():
        return {"status": "ok"}

    return app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(target: str, port: int, env: dict, args, chdir: Path) -> subprocess.Popen:
    env = {
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(args.workers),
        "GUNICORN_THREADS": str(args.threads),
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "LOG_LEVEL": args.log_level,
    }
    command = [str(Path(sys.executable).parent / "gunicorn"), "--config", str(ROOT / "gunicorn.conf.py"),
               "--chdir", str(chdir), target]
    proc = subprocess.Popen(command, cwd=chdir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn {target} exited: {proc.stderr.read()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        raise RuntimeError(f"gunicorn {target} did not start")
    wait_booted(proc, args.workers, deadline + 30)
    return proc


def wait_booted(proc: subprocess.Popen, workers: int, deadline: float) -> None:
    """Until every worker has loaded the app: the master listens before its workers have
    imported anything (the bot's take seconds of a core each), and a warm-up that
    overlapped their boot timed the boot. Booted = all workers up and the server idle."""
    tick = os.sysconf("SC_CLK_TCK")

    def children() -> list[int]:
        out = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout
        return [int(pid) for pid in out.split()]

    def cpu_seconds(pids: list[int]) -> float:
        total = 0
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / tick

    window = 0.5
    while time.monotonic() < deadline:
        pids = children()
        before = cpu_seconds(pids)
        time.sleep(window)
        if len(pids) >= workers and cpu_seconds(pids) - before < 0.05 * window * len(pids):
            return
    raise RuntimeError(f"gunicorn workers did not finish booting (pid {proc.pid})")


def stop_gunicorn(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def build_bodies(n: int) -> list[tuple[bytes, dict]]:
    from tests import webhooks

    bodies = []
    for i in range(n):
        payload = webhooks.text_message(f"+97252{i % 5000:07d}", f"hello {i}",
                                        wamid=f"wamid.BENCH{uuid.uuid4().hex.upper()}")
        bodies.append(webhooks.signed(payload, SECRET))
    return bodies


def fire(port: int, bodies: list[tuple[bytes, dict]], clients: int, timeout: float) -> tuple[float, int]:
    """Post every body once from `clients` threads with keep-alive; (elapsed, non-200 count)."""
    import threading

    import requests

    local = threading.local()
    url = f"http://127.0.0.1:{port}/webhook"

    def post(item):
        session = getattr(local, "session", None)
        if session is None:
            session = local.session = requests.Session()
        body, headers = item
        return session.post(url, data=body, headers=headers, timeout=timeout).status_code

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        codes = list(pool.map(post, bodies))
    return time.monotonic() - started, sum(1 for c in codes if c != 200)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000, help="deliveries per target (default 2000)")
    parser.add_argument("--warmup", type=int, default=200, help="deliveries before measuring (default 200)")
    parser.add_argument("--clients", type=int, default=16, help="client threads (default 16)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--threads", type=int, default=8, help="gunicorn threads per worker (default 8, as gunicorn.conf.py)")
    parser.add_argument("--log-level", default="warning", help="LOG_LEVEL for both servers (default warning)")
    parser.add_argument("--admin-url", default=os.environ.get("BENCH_ADMIN_DATABASE_URL", DEFAULT_ADMIN_URL),
                        help="a PostgreSQL server to create a scratch database on")
    parser.add_argument("--timeout", type=float, default=30.0, help="per-request timeout in seconds")
    args = parser.parse_args(argv)
    if not 1 <= args.requests <= 50_000 or not 0 <= args.warmup <= 10_000:
        parser.error("--requests must be 1..50000 and --warmup 0..10000")

    from sqlalchemy import func, select

    from bench.outbox_throughput import fresh_postgres
    from storage import migrate
    from storage.db import make_engine
    from storage.models import Direction, Message

    url, drop = fresh_postgres(args.admin_url)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "WHATSAPP_APP_SECRET": SECRET,
        "WHATSAPP_VERIFY_TOKEN": "bench-verify",
        "PYTHONPATH": str(ROOT),
    }
    for key in ("WHATSAPP_ACCESS_TOKEN", "WHATSAPP_PHONE_NUMBER_ID"):
        env.pop(key, None)  # the console transport: nothing leaves the machine
    results = {}
    stored = 0
    try:
        migrate.upgrade(url)
        for name, target, chdir in (("bot", "wsgi:app", ROOT),
                                    ("bare Flask", "webhook_throughput:make_bare_app()", BENCH)):
            port = free_port()
            proc = start_gunicorn(target, port, env, args, chdir)
            try:
                fire(port, build_bodies(args.warmup), args.clients, args.timeout)
                elapsed, errors = fire(port, build_bodies(args.requests), args.clients, args.timeout)
            finally:
                stop_gunicorn(proc)
            results[name] = (args.requests / elapsed, errors, elapsed)
        engine = make_engine(url)
        with engine.connect() as conn:
            stored = conn.scalar(select(func.count()).select_from(Message)
                                 .where(Message.direction == Direction.inbound))
        engine.dispose()
    finally:
        drop()

    bot_rate, bot_errors, bot_elapsed = results["bot"]
    bare_rate, bare_errors, bare_elapsed = results["bare Flask"]
    ratio = bot_rate / bare_rate
    print(f"webhook throughput (gunicorn gthread {args.workers} workers x {args.threads} threads, "
          f"{args.clients} client threads, {args.requests} signed text deliveries each, PostgreSQL)")
    print(f"  bot /webhook:      {bot_rate:8.1f} req/s  ({bot_elapsed:.2f} s, {bot_errors} non-200)")
    print(f"  bare Flask:        {bare_rate:8.1f} req/s  ({bare_elapsed:.2f} s, {bare_errors} non-200)")
    print(f"  ratio:             {ratio:.3f}  (target >= 0.3)")
    print(f"  messages stored:   {stored} of {args.requests + args.warmup}")
    ok = ratio >= 0.3 and not bot_errors and not bare_errors and stored == args.requests + args.warmup
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
