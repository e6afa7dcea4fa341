"""Webhook throughput under wrk: three kinds of delivery, the bot against bare Flask.

Seeds a fresh PostgreSQL database through the storage layer (an organiser who is admin of
an event with 1,000 invited guests, and the outbound messages Meta would report on),
pre-builds and signs every request body (X-Hub-Signature-256 over the exact bytes), then
for each stream drives the bot (`wsgi:app`, console transport) and a bare Flask endpoint
(one route returning 200), both under gunicorn with gunicorn.conf.py, with `wrk` and
bench/webhook_wrk.lua: a short warm-up, then a timed run, bot then bare, per stream.
Every request carries a body no earlier request carried (its own wamids), so the bot
never gets a cheap duplicate. Streams:

    guests      template quick-reply taps (type "button", payload rsvp:<guest id>:yes|no)
                from the event's guests, each guest alternating yes and no
    stats       the text "stats" from the event's admin organiser
    statuses    deliveries of 1-3 status updates (sent, delivered, read) for seeded
                outbound wamids, with Meta's conversation and pricing blocks

Prints, per stream, requests/s of the bot and of bare Flask, their ratio (target >= 0.5;
reported, not enforced), non-2xx responses (wrk counts statuses >= 400) and socket
errors; then how many inbound messages the bot stored of those sent, and what the status
updates did. Exits non-zero only when something failed: a server did not start, wrk
failed, or any response was an error. Needs `wrk` (apt-get install wrk) on the PATH.

    .venv/bin/python bench/webhook_wrk.py
    .venv/bin/python bench/webhook_wrk.py --streams stats --duration 5
    .venv/bin/python bench/webhook_wrk.py --rounds 5 --duration 4 --bodies 120000   # median of 5 pairs
    .venv/bin/python bench/webhook_wrk.py --workers 4 --threads 8 --connections 16 --bodies 100000
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import hmac
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.outbox_throughput import DEFAULT_ADMIN_URL, fresh_postgres  # noqa: E402
from bench.webhook_throughput import free_port, start_gunicorn, stop_gunicorn  # noqa: E402

SECRET = "bench-app-secret"
LUA = BENCH / "webhook_wrk.lua"
TARGET = 0.5

ORGANISER_PHONE = "+972501110000"
PHONE_NUMBER_ID = "1234567890"  # the shapes of tests/webhooks.py, copied: no import of tests/ or bot/
DISPLAY_NUMBER = "15550001111"
WABA_ID = "102290129340398"

STREAMS = {"guests": "guest answers", "stats": "organiser stats", "statuses": "status-only"}
ALIASES = {"guest": "guests", "answers": "guests", "stat": "stats", "status": "statuses",
           "status-only": "statuses"}


# --------------------------------------------------------------------------- payloads


def sign(body: bytes) -> str:
    return "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()


def encode(payload: dict) -> bytes:
    # Compact, as Meta posts it; no raw newline or tab can appear (the file format needs that).
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def wamid(tag: str, n: int) -> str:
    return f"wamid.HBgL{tag}{n:07d}{uuid.uuid4().hex[:16].upper()}FQIAEhgU"


def digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit())


def envelope(*values: dict) -> dict:
    """One delivery: each value in its own change, as Meta batches several updates."""
    changes = []
    for value in values:
        value = {"messaging_product": "whatsapp",
                 "metadata": {"display_phone_number": DISPLAY_NUMBER, "phone_number_id": PHONE_NUMBER_ID},
                 **value}
        changes.append({"value": value, "field": "messages"})
    return {"object": "whatsapp_business_account", "entry": [{"id": WABA_ID, "changes": changes}]}


def message(phone: str, name: str, kind: str, body: dict, wid: str, ts: int, context: dict | None = None) -> dict:
    msg: dict = {}
    if context:
        msg["context"] = context
    msg.update({"from": digits(phone), "id": wid, "timestamp": str(ts), "type": kind, kind: body})
    return envelope({"contacts": [{"profile": {"name": name}, "wa_id": digits(phone)}], "messages": [msg]})


def button_tap(phone: str, name: str, payload: str, text: str, wid: str, context_wamid: str, ts: int) -> dict:
    return message(phone, name, "button", {"payload": payload, "text": text}, wid, ts,
                   context={"from": DISPLAY_NUMBER, "id": context_wamid})


def text_message(phone: str, name: str, text: str, wid: str, ts: int) -> dict:
    return message(phone, name, "text", {"body": text}, wid, ts)


def status_value(wid: str, status: str, phone: str, name: str, ts: int, kind: str) -> dict:
    update: dict = {"id": wid, "status": status, "timestamp": str(ts), "recipient_id": digits(phone)}
    if status != "read":  # Meta leaves the billing blocks off read receipts
        category = "utility" if kind in ("invitation", "reminder") else "service"
        conversation: dict = {"id": hashlib.md5(f"{phone}:{ts // 86400}".encode()).hexdigest(),
                              "origin": {"type": category}}
        if status == "sent":
            conversation["expiration_timestamp"] = str(ts + 86400)
        update["conversation"] = conversation
        update["pricing"] = {"billable": True, "pricing_model": "PMP", "category": category,
                             "type": "regular"}
    return {"contacts": [{"profile": {"name": name}, "wa_id": digits(phone)}], "statuses": [update]}


# --------------------------------------------------------------------------- seeding


def seed(url: str, guests: int) -> dict:
    """The organiser, the event, its guests and one sent invitation each, via storage.models."""
    from sqlalchemy import insert

    from storage.db import make_engine, make_session_factory
    from storage.models import (Conversation, Direction, Event, EventMember, Guest, InvitationState, Message,
                                MessageStatus, Role, RsvpStatus, User, utcnow)

    now = utcnow()
    engine = make_engine(url)
    try:
        sessions = make_session_factory(engine)
        with sessions.begin() as session:
            organiser = User(id=uuid.uuid4(), phone=ORGANISER_PHONE, display_name="Bench Organiser",
                             region="IL", last_inbound_at=now)
            event = Event(id=uuid.uuid4(), name="Bench Wedding", date=date.today() + timedelta(days=60),
                          location="Tel Aviv", timezone="Asia/Jerusalem", created_by=organiser.id)
            session.add(organiser)
            session.flush()
            session.add(event)
            session.flush()
            session.add(EventMember(event_id=event.id, user_id=organiser.id, role=Role.admin,
                                    added_by=organiser.id))
            session.add(Conversation(user_id=organiser.id, current_event_id=event.id))
            rows = [{"id": uuid.uuid4(), "event_id": event.id, "added_by": organiser.id,
                     "first_name": f"Guest{i:04d}", "last_name": "Bench", "phone": f"+97252{2000000 + i:07d}",
                     "status": RsvpStatus.invited, "invitation": InvitationState.sent, "invited_at": now}
                    for i in range(guests)]
            session.execute(insert(Guest), rows)
            invitations = [{"id": uuid.uuid4(), "wamid": wamid("INV", i), "direction": Direction.outbound,
                            "event_id": event.id, "guest_id": g["id"], "user_id": None, "phone": g["phone"],
                            "kind": "invitation", "status": MessageStatus.sent, "attempts": 1, "sent_at": now,
                            "payload": {"messaging_product": "whatsapp", "to": digits(g["phone"]),
                                        "type": "template",
                                        "template": {"name": "invitation", "language": {"code": "he"}}}}
                           for i, g in enumerate(rows)]
            session.execute(insert(Message), invitations)
    finally:
        engine.dispose()
    return {"event_id": event.id, "organiser_id": organiser.id,
            "guests": [(g["id"], g["phone"], g["first_name"], inv["wamid"]) for g, inv in zip(rows, invitations)]}


def seed_outbound(url: str, event_id, rows: list[dict]) -> None:
    """More sent messages (reminders) for the status stream to report on."""
    from sqlalchemy import insert

    from storage.db import make_engine, make_session_factory
    from storage.models import Direction, Message, MessageStatus, utcnow

    now = utcnow()
    engine = make_engine(url)
    try:
        with make_session_factory(engine).begin() as session:
            for start in range(0, len(rows), 5000):
                session.execute(insert(Message), [
                    {"id": uuid.uuid4(), "wamid": r["wamid"], "direction": Direction.outbound, "event_id": event_id,
                     "guest_id": r["guest_id"], "phone": r["phone"], "kind": r["kind"],
                     "status": MessageStatus.sent, "attempts": 1, "sent_at": now,
                     "payload": {"messaging_product": "whatsapp", "to": digits(r["phone"]), "type": "template",
                                 "template": {"name": r["kind"], "language": {"code": "he"}}}}
                    for r in rows[start:start + 5000]])
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- bodies


def guest_bodies(n: int, seeded: dict) -> list[tuple[bytes, dict]]:
    guests = seeded["guests"]
    base = int(time.time())
    out = []
    for j in range(n):
        guest_id, phone, name, invitation = guests[j % len(guests)]
        answer = "yes" if (j // len(guests)) % 2 == 0 else "no"
        text = "Yes, we'll be there" if answer == "yes" else "Sorry, can't make it"
        payload = button_tap(phone, name, f"rsvp:{guest_id}:{answer}", text, wamid("TAP", j), invitation, base + j // 100)
        out.append((encode(payload), {"messages": 1}))
    return out


def stats_bodies(n: int, seeded: dict) -> list[tuple[bytes, dict]]:
    base = int(time.time())
    return [(encode(text_message(ORGANISER_PHONE, "Bench Organiser", "stats", wamid("STA", j), base + j // 100)),
             {"messages": 1}) for j in range(n)]


def status_plan(n: int, seeded: dict, window: int = 100) -> tuple[list[list[tuple[dict, str]]], list[dict]]:
    """n deliveries of 1-3 updates each; every (wamid, status) pair at most once.

    Outbound messages go out in batches of `window` (a broadcast): Meta reports "sent" for
    the batch, then "delivered", then "read", in that order. The first messages are the
    seeded invitations; the rest are reminders to seed before the run.
    """
    rng = random.Random(20240601)
    guests = seeded["guests"]
    extra: list[dict] = []

    def outbound(i: int) -> dict:
        guest_id, phone, name, invitation = guests[i % len(guests)]
        if i < len(guests):
            return {"wamid": invitation, "guest_id": guest_id, "phone": phone, "name": name, "kind": "invitation"}
        row = {"wamid": wamid("REM", i), "guest_id": guest_id, "phone": phone, "name": name, "kind": "reminder"}
        extra.append(row)
        return row

    deliveries: list[list[tuple[dict, str]]] = []
    pending: collections.deque = collections.deque()
    next_msg = 0
    while len(deliveries) < n:
        if len(pending) < 3:
            batch = [outbound(next_msg + i) for i in range(window)]
            next_msg += window
            for status in ("sent", "delivered", "read"):
                pending.extend((m, status) for m in batch)
        size = rng.choice((1, 1, 2, 3))
        deliveries.append([pending.popleft() for _ in range(size)])
    return deliveries, extra


def status_bodies(plan: list[list[tuple[dict, str]]]) -> list[tuple[bytes, dict]]:
    base = int(time.time())
    out = []
    for j, updates in enumerate(plan):
        values = [status_value(m["wamid"], st, m["phone"], m["name"], base + j // 50, m["kind"]) for m, st in updates]
        counts = collections.Counter(st for _, st in updates)
        out.append((encode(envelope(*values)), {"updates": len(updates), **counts}))
    return out


class BodyFiles:
    """A stream's bodies split over wrk's threads (file k: bodies k, k+T, ...), with where
    each target (bot, bare) has got to in each file."""

    def __init__(self, tmp: Path, name: str, bodies: list[tuple[bytes, dict]], threads: int):
        self.prefix = str(tmp / name)
        self.meta: list[list[dict]] = [[] for _ in range(threads)]
        handles = [open(f"{self.prefix}.{k}", "wb") for k in range(threads)]
        try:
            for j, (body, meta) in enumerate(bodies):
                if b"\n" in body or b"\t" in body:
                    raise ValueError("a body with a raw newline or tab")
                k = j % threads
                handles[k].write(sign(body).encode() + b"\t" + body + b"\n")
                self.meta[k].append(meta)
        finally:
            for h in handles:
                h.close()
        self.used = {"bot": [0] * threads, "bare": [0] * threads}

    def offsets(self, target: str) -> list[int]:
        return [used % len(meta) for used, meta in zip(self.used[target], self.meta)]

    def advance(self, target: str, sent: list[int]) -> dict:
        """Record a run's bodies; the totals of their metadata (messages, status updates)."""
        totals: collections.Counter = collections.Counter()
        for k, n in enumerate(sent):
            meta, start = self.meta[k], self.used[target][k]
            for i in range(start, start + n):
                totals.update(meta[i % len(meta)])
            self.used[target][k] += n
        return dict(totals)

    def wrapped(self, target: str) -> bool:
        return any(used > len(meta) for used, meta in zip(self.used[target], self.meta))


# --------------------------------------------------------------------------- wrk


WRK_LINE = re.compile(r"WRKBENCH (.*)")


def run_wrk(wrk: str, port: int, files: BodyFiles, target: str, seconds: int, args) -> dict:
    command = [wrk, "-t", str(args.wrk_threads), "-c", str(args.connections), "-d", f"{seconds}s",
               "--timeout", f"{args.timeout}s", "-s", str(LUA), f"http://127.0.0.1:{port}/webhook",
               "--", files.prefix, *map(str, files.offsets(target))]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=seconds + args.timeout + 60)
    if proc.returncode != 0:
        raise RuntimeError(f"wrk exited {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    rate = re.search(r"Requests/sec:\s+([0-9.]+)", proc.stdout)
    line = WRK_LINE.search(proc.stdout)
    if not rate or not line:
        raise RuntimeError(f"unexpected wrk output:\n{proc.stdout}\n{proc.stderr}")
    fields = dict(item.split("=", 1) for item in line.group(1).split())
    sent = [0] * args.wrk_threads
    for part in fields.pop("threads").split(","):
        k, n, _wrapped = (int(x) for x in part.split(":"))
        sent[k] = n
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", proc.stdout)
    result = {
        "rate": float(rate.group(1)),
        "requests": int(fields["requests"]),
        "non2xx": max(int(fields["status"]), int(non2xx.group(1)) if non2xx else 0),
        "socket": sum(int(fields[key]) for key in ("connect", "read", "write", "timeout")),
        "p50": float(fields["p50_ms"]),
        "p99": float(fields["p99_ms"]),
        "sent": sum(sent),
    }
    result["totals"] = files.advance(target, sent)
    return result


class Drain:
    """Reads a server's stderr as it comes (a full pipe would stall it); keeps the tail."""

    def __init__(self, proc: subprocess.Popen):
        self.tail: collections.deque = collections.deque(maxlen=40)
        self.lines = 0
        self.thread = threading.Thread(target=self._read, args=(proc.stderr,), daemon=True)
        self.thread.start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines += 1
            self.tail.append(line.rstrip())


# --------------------------------------------------------------------------- main


def parse_streams(text: str) -> list[str]:
    chosen = []
    for item in (s.strip().lower() for s in text.split(",") if s.strip()):
        if item == "all":
            chosen += list(STREAMS)
            continue
        item = ALIASES.get(item, item)
        if item not in STREAMS:
            raise argparse.ArgumentTypeError(f"unknown stream {item!r}: choose from {', '.join(STREAMS)}")
        chosen.append(item)
    return list(dict.fromkeys(chosen)) or list(STREAMS)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--streams", type=parse_streams, default=list(STREAMS),
                        help="comma-separated: guests, stats, statuses (default all three)")
    parser.add_argument("--duration", type=int, default=8, help="seconds per measured wrk run (default 8)")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up before each (default 2; 0: none)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="bot/bare pairs per stream, in alternating order; with more than one the median "
                             "ratio is printed too (default 1)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument("--wrk-threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers, bot and bare (default 2)")
    parser.add_argument("--threads", type=int, default=8, help="gunicorn threads per worker (default 8, as gunicorn.conf.py)")
    parser.add_argument("--bodies", type=int, default=60_000,
                        help="distinct pre-signed bodies per stream (default 60000)")
    parser.add_argument("--guests", type=int, default=1000, help="guests of the seeded event (default 1000)")
    parser.add_argument("--timeout", type=int, default=10, help="wrk's per-request timeout in seconds (default 10)")
    parser.add_argument("--log-level", default="warning", help="LOG_LEVEL for both servers (default warning)")
    parser.add_argument("--admin-url", default=os.environ.get("BENCH_ADMIN_DATABASE_URL", DEFAULT_ADMIN_URL),
                        help="a PostgreSQL server to create a scratch database on")
    args = parser.parse_args(argv)
    if not 1 <= args.duration <= 120 or not 0 <= args.warmup <= 60 or not 1 <= args.rounds <= 20:
        parser.error("--duration must be 1..120, --warmup 0..60 and --rounds 1..20")
    if not 1 <= args.wrk_threads <= 16 or not args.wrk_threads <= args.connections <= 256:
        parser.error("--wrk-threads must be 1..16 and --connections wrk-threads..256")
    if not 1_000 <= args.bodies <= 1_000_000 or not 1 <= args.guests <= 100_000:
        parser.error("--bodies must be 1000..1000000 and --guests 1..100000")
    wrk = shutil.which("wrk")
    if wrk is None:
        parser.error("wrk is not on the PATH (apt-get install wrk)")

    env = {
        **os.environ,
        "WHATSAPP_APP_SECRET": SECRET,
        "WHATSAPP_VERIFY_TOKEN": "bench-verify",
        "PYTHONPATH": str(ROOT),
    }
    for key in ("WHATSAPP_ACCESS_TOKEN", "WHATSAPP_PHONE_NUMBER_ID"):
        env.pop(key, None)  # the console transport: nothing leaves the machine

    results: dict[str, dict] = {}
    failures: list[str] = []
    wrapped: list[str] = []
    db: dict = {}
    procs: list[subprocess.Popen] = []
    drains: dict[str, Drain] = {}
    url, drop = fresh_postgres(args.admin_url)
    tmp = tempfile.TemporaryDirectory(prefix="webhook_wrk_")
    try:
        from storage import migrate

        migrate.upgrade(url)
        started = time.monotonic()
        seeded = seed(url, args.guests)
        files: dict[str, BodyFiles] = {}
        for name in args.streams:
            if name == "guests":
                bodies = guest_bodies(args.bodies, seeded)
            elif name == "stats":
                bodies = stats_bodies(args.bodies, seeded)
            else:
                plan, extra = status_plan(args.bodies, seeded)
                seed_outbound(url, seeded["event_id"], extra)
                bodies = status_bodies(plan)
            if len({body for body, _ in bodies}) != len(bodies):
                raise RuntimeError(f"{name}: bodies are not all distinct")
            files[name] = BodyFiles(Path(tmp.name), name, bodies, args.wrk_threads)
        settle(url)
        prep = time.monotonic() - started

        ports = {}
        for target, app, chdir in (("bot", "wsgi:app", ROOT),
                                   ("bare", "webhook_throughput:make_bare_app()", BENCH)):
            ports[target] = free_port()
            server_env = {**env, "DATABASE_URL": url} if target == "bot" else env
            proc = start_gunicorn(app, ports[target], server_env, args, chdir)
            procs.append(proc)
            drains[target] = Drain(proc)

        for name in args.streams:
            results[name] = []
            for round_no in range(args.rounds):
                pair = {}
                # bot and bare back to back, so both see the same moment of a noisy machine;
                # the order alternates from round to round
                for target in (("bot", "bare") if round_no % 2 == 0 else ("bare", "bot")):
                    runs = []
                    if args.warmup:
                        runs.append(run_wrk(wrk, ports[target], files[name], target, args.warmup, args))
                    measured = run_wrk(wrk, ports[target], files[name], target, args.duration, args)
                    runs.append(measured)
                    measured["all_sent"] = sum(r["sent"] for r in runs)
                    measured["all_totals"] = sum((collections.Counter(r["totals"]) for r in runs),
                                                 collections.Counter())
                    measured["errors"] = sum(r["non2xx"] + r["socket"] for r in runs)
                    measured["warm_non2xx"] = sum(r["non2xx"] for r in runs[:-1])
                    pair[target] = measured
                    if measured["errors"]:
                        failures.append(f"{STREAMS[name]} / {target}: {measured['errors']} error response(s)")
                results[name].append(pair)
            for target in ("bot", "bare"):
                if files[name].wrapped(target):
                    wrapped.append(f"{STREAMS[name]} / {target}")

        db = count_rows(url)
    finally:
        for proc in procs:
            stop_gunicorn(proc)
        tmp.cleanup()
        drop()

    print(f"webhook throughput under wrk (gunicorn gthread {args.workers} workers x {args.threads} threads, "
          f"bot and bare Flask; wrk -t {args.wrk_threads} -c {args.connections}, {args.warmup} s warm-up + "
          f"{args.duration} s measured per target and stream; PostgreSQL; {args.guests:,}-guest event; "
          f"{args.bodies:,} distinct signed bodies per stream, prepared in {prep:.1f} s)")
    print(f"  {'stream':<16} {'bot req/s':>10} {'bare req/s':>11} {'ratio':>7}  {'non-2xx bot/bare':>16}"
          f"  {'socket err':>10}  {'bot p50/p99 ms':>15}  {'bare p50/p99 ms':>15}")
    medians = {}
    for name, rounds in results.items():
        ratios = []
        for pair in rounds:
            bot, bare = pair["bot"], pair["bare"]
            ratio = bot["rate"] / bare["rate"] if bare["rate"] else 0.0
            ratios.append(ratio)
            print(f"  {STREAMS[name]:<16} {bot['rate']:>10.1f} {bare['rate']:>11.1f} {ratio:>7.3f}  "
                  f"{bot['non2xx']:>7}/{bare['non2xx']:<8}  {bot['socket'] + bare['socket']:>10}  "
                  f"{bot['p50']:>7.1f}/{bot['p99']:<7.1f}  {bare['p50']:>7.1f}/{bare['p99']:<7.1f}")
        medians[name] = statistics.median(ratios)
    if args.rounds > 1:
        print("  median ratio over " + f"{args.rounds} rounds: " + ", ".join(
            f"{STREAMS[n]} {m:.3f}" for n, m in medians.items()))
    print(f"  target >= {TARGET} (bot req/s / bare req/s; reported, not enforced)")
    warm = [(n, t, pair[t]["warm_non2xx"]) for n, rounds in results.items() for pair in rounds for t in pair
            if pair[t]["warm_non2xx"]]
    if warm:
        print("  (non-2xx during warm-ups: " + ", ".join(f"{STREAMS[n]} {t} {k}" for n, t, k in warm) + ")")

    def bot_totals(name: str) -> collections.Counter:
        return sum((pair["bot"]["all_totals"] for pair in results[name]), collections.Counter())

    inbound_sent = {n: bot_totals(n).get("messages", 0) for n in results if n != "statuses"}
    if inbound_sent:
        total = sum(inbound_sent.values())
        parts = ", ".join(f"{STREAMS[n]} {db['inbound'].get(kind, 0):,} of {inbound_sent[n]:,}"
                          for n, kind in (("guests", "button"), ("stats", "text")) if n in inbound_sent)
        verdict = "all stored" if db["inbound_total"] == total else "MISMATCH"
        print(f"  inbound messages stored by the bot: {db['inbound_total']:,} of {total:,} sent, "
              f"warm-ups included ({parts}) - {verdict}")
        print(f"  replies the bot queued (outbox, not sent: no worker runs): {db['queued']:,}")
    if "statuses" in results:
        t = bot_totals("statuses")
        sent = sum(pair["bot"]["all_sent"] for pair in results["statuses"])
        print(f"  status updates sent to the bot: {t.get('updates', 0):,} in {sent:,} "
              f"deliveries (sent {t.get('sent', 0):,}, delivered {t.get('delivered', 0):,}, read {t.get('read', 0):,}; "
              f"the seeded messages were already 'sent')")
        print(f"  outbound messages now: {db['outbound'].get('sent', 0):,} sent, {db['outbound'].get('delivered', 0):,} "
              f"delivered, {db['outbound'].get('read', 0):,} read; invitations {db['invitations']}; "
              f"early statuses kept {db['early']}")
    bot_wrapped = [w for w in wrapped if w.endswith("/ bot")]
    bare_wrapped = [w for w in wrapped if w.endswith("/ bare")]
    if bot_wrapped:
        print("  WARNING: bodies ran out and were repeated to the bot for: " + ", ".join(bot_wrapped)
              + " (repeats are cheap duplicates, so its figure is too high: raise --bodies)")
    if bare_wrapped:
        print("  note: bodies ran out and were repeated to bare Flask for: " + ", ".join(bare_wrapped)
              + " (harmless there: it ignores the body; raise --bodies to avoid)")
    if not wrapped:
        print("  no body was sent twice to the same target")
    for target, drain in drains.items():
        if drain.lines:
            print(f"  {target} server wrote {drain.lines} line(s) to stderr; the last:")
            for line in list(drain.tail)[-5:]:
                print(f"    {line}")
    for failure in failures:
        print(f"  FAILED: {failure}")
    return 1 if failures else 0


def settle(url: str) -> None:
    """VACUUM ANALYZE after seeding: tens of thousands of seeded rows would otherwise bring
    autovacuum in during the first measured stream, on the same two cores."""
    from sqlalchemy import text

    from storage.db import make_engine

    engine = make_engine(url)
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    finally:
        engine.dispose()


def count_rows(url: str) -> dict:
    from sqlalchemy import func, select

    from storage.db import make_engine
    from storage.models import Direction, EarlyStatus, Guest, Message, MessageStatus

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            inbound = dict(conn.execute(select(Message.kind, func.count()).where(
                Message.direction == Direction.inbound).group_by(Message.kind)).all())
            outbound = {s.value if hasattr(s, "value") else s: n for s, n in conn.execute(
                select(Message.status, func.count()).where(Message.direction == Direction.outbound,
                                                           Message.wamid.is_not(None))
                .group_by(Message.status)).all()}
            queued = conn.scalar(select(func.count()).select_from(Message).where(
                Message.direction == Direction.outbound, Message.status == MessageStatus.queued))
            invitations = dict(conn.execute(select(Guest.invitation, func.count()).group_by(Guest.invitation)).all())
            early = conn.scalar(select(func.count()).select_from(EarlyStatus))
    finally:
        engine.dispose()
    return {"inbound": inbound, "inbound_total": sum(inbound.values()), "outbound": outbound, "queued": queued,
            "invitations": ", ".join(f"{getattr(k, 'value', k)} {v:,}" for k, v in sorted(
                invitations.items(), key=lambda kv: str(kv[0]))),
            "early": early}


if __name__ == "__main__":
    raise SystemExit(main())
