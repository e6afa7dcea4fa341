"""A database outage mid-send (a managed database's failover) doubles nothing.

The workers reach a real PostgreSQL through a TCP proxy the test can cut: every
connection is dropped and new ones are refused for a few seconds while the workers'
sends to the (fake) Cloud API are in flight, then the database is back. Each guest must
get their message exactly once, and every row must end recorded as sent.
"""
from __future__ import annotations

import socket
import threading
import time
from contextlib import closing

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from bot import create_app
from bot.services import outbox as service_outbox
from bot.worker import sender
from storage.models import Message, MessageStatus

pytestmark = pytest.mark.postgres_only


class CuttableProxy:
    """A TCP proxy to PostgreSQL: `cut()` drops every connection and refuses new ones
    until `restore()`."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.up = threading.Event()
        self.up.set()
        self.closing = threading.Event()
        self.pairs: list[tuple[socket.socket, socket.socket]] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.closing.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.up.is_set():
                client.close()  # the database is "down": the connection is refused
                continue
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.pairs.append((client, upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self) -> None:
        self.up.clear()
        with self.lock:
            pairs, self.pairs = self.pairs, []
        for a, b in pairs:
            for s in (a, b):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

    def restore(self) -> None:
        self.up.set()

    def close(self) -> None:
        self.closing.set()
        self.cut()
        with closing(self.listener):
            pass


def test_an_outage_while_two_workers_send_doubles_nothing(db, settings, fake_graph):
    url = make_url(db.url)
    proxy = CuttableProxy((url.host or "127.0.0.1", url.port or 5432))
    through_proxy = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    apps = [create_app(settings.with_overrides(database_url=through_proxy)) for _ in range(2)]
    runtimes = [app.extensions["invitebot"] for app in apps]
    phones = [f"+9725420{i:04d}" for i in range(60)]
    fake_graph.window_enforced = False
    fake_graph.latency = 0.25      # each send takes a while: the outage lands mid-send
    lease = 4.0                   # rows lapse during the outage; their grace does not
    try:
        with runtimes[0].transaction() as session:
            for phone in phones:
                service_outbox.enqueue(session, phone=phone, message=service_outbox.text("Parking is behind the hall."),
                                       kind="reply")
        stop = threading.Event()
        workers = [threading.Thread(target=sender.run_worker, args=(rt, stop),
                                    kwargs=dict(lease=lease, concurrency=8, rate=200.0, poll_interval=0.1),
                                    daemon=True) for rt in runtimes]
        for w in workers:
            w.start()
        fake_graph.wait_for(lambda: fake_graph.count() >= 10, 10, "sends under way")
        proxy.cut()
        time.sleep(lease + 1)           # the outage itself lasts longer than the lease: every claim lapses
        proxy.restore()

        def all_recorded() -> bool:
            with runtimes[0].transaction() as session:
                statuses = session.scalars(select(Message.status).where(Message.kind == "reply")).all()
            return len(statuses) == len(phones) and set(statuses) == {MessageStatus.sent}

        fake_graph.wait_for(all_recorded, 30, "every row recorded as sent")
        stop.set()
        for w in workers:
            w.join(timeout=10)
        received = {phone: len(fake_graph.sent_to(phone)) for phone in phones}
        assert {n for n in received.values()} == {1}, {p: n for p, n in received.items() if n != 1}
    finally:
        proxy.close()
        for rt in runtimes:
            rt.engine.dispose()
