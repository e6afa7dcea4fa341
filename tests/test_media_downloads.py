"""Guest lists sent as files: a slow or huge download never stalls replies or runs twice."""
from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import func, select

from bot.services.guest_csv import MAX_CSV_BYTES
from bot.services.users import get_or_create_user
from bot.services import events, outbox as service_outbox
from bot.services.imports import queue_import
from bot.whatsapp.client import GraphTimeout, MediaTooLarge
from bot.worker import sender
from storage.models import Guest, Message, MessageStatus
from tests import webhooks
from tests.phone import phone_factory  # noqa: F401  (fixture)

DANA = "+972521234567"
CSV = "name,phone\nAvi Cohen,+972541234001\nBea Levi,+972541234002\n".encode()


def big_csv(size: int) -> bytes:
    line = b"Guest Name,+972541234567\n"
    return b"name,phone\n" + line * (size // len(line) + 1)


def test_a_trickling_download_gives_up_at_its_deadline(runtime, fake_graph):
    fake_graph.add_media("slow", CSV * 50, "text/csv", "slow.csv", trickle=0.2, chunk=64)
    started = time.monotonic()
    with pytest.raises(GraphTimeout, match="took over"):
        runtime.transport.download_media("slow", deadline=1.0)
    assert time.monotonic() - started < 5


def test_a_file_over_the_limit_is_refused_before_a_byte_of_it_is_fetched(runtime, fake_graph):
    fake_graph.add_media("huge", big_csv(MAX_CSV_BYTES + 1), "text/csv", "huge.csv")
    with pytest.raises(MediaTooLarge):
        runtime.transport.download_media("huge", max_bytes=MAX_CSV_BYTES)
    assert fake_graph.downloads("huge") == 0


def test_a_file_of_unknown_size_is_cut_off_at_the_limit_while_streaming(runtime, fake_graph):
    fake_graph.add_media("unsized", big_csv(3 * MAX_CSV_BYTES), "text/csv", "unsized.csv",
                         chunk=256 * 1024, declare_size=False)
    with pytest.raises(MediaTooLarge):
        runtime.transport.download_media("unsized", max_bytes=MAX_CSV_BYTES)
    assert fake_graph.downloads("unsized") == 1


def test_a_guest_list_over_five_megabytes_is_refused_with_a_clear_answer(phone_factory, runtime, fake_graph):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding")
    fake_graph.add_media("sixty", big_csv(MAX_CSV_BYTES + 10), "text/csv", "everyone.csv")
    reply = "\n".join(dana.post(webhooks.document_message(DANA, "sixty", "everyone.csv", name="Dana")))
    assert "too large" in reply and "5 MB" in reply and "Nothing was changed" in reply
    with runtime.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Guest)) == 0


def _queue_slow_import(runtime, fake_graph, trickle: float, chunks: int) -> None:
    data = CSV + b"".join(f"Guest {i},+97254130{i:04d}\n".encode() for i in range(chunks * 2))
    fake_graph.add_media("slow-list", data, "text/csv", "slow.csv", trickle=trickle,
                         chunk=max(1, len(data) // chunks))
    with runtime.transaction() as s:
        user = get_or_create_user(s, phone=DANA, display_name="Dana")
        event = events.create_event(s, user, "Wedding")
        media = type("Media", (), {"id": "slow-list", "filename": "slow.csv"})()
        queue_import(s, user, event, media, "IL")


def _run_workers(runtimes, stop, **kwargs) -> list[threading.Thread]:
    threads = [threading.Thread(target=sender.run_worker, args=(rt, stop), kwargs=dict(poll_interval=0.05, **kwargs),
                                daemon=True) for rt in runtimes]
    for t in threads:
        t.start()
    return threads


def test_replies_keep_going_out_while_a_guest_list_downloads_slowly(runtime, fake_graph):
    fake_graph.window_enforced = False
    _queue_slow_import(runtime, fake_graph, trickle=0.3, chunks=12)   # about 3.6 s to download
    stop = threading.Event()
    workers = _run_workers([runtime], stop, concurrency=1)
    try:
        fake_graph.wait_for(lambda: fake_graph.downloads("slow-list") == 1, 5, "the download started")
        phones = [f"+9725430{i:04d}" for i in range(5)]
        with runtime.transaction() as s:
            for phone in phones:
                service_outbox.enqueue(s, phone=phone, message=service_outbox.text("See you there!"), kind="reply")
        # Every reply is out while the one sender thread's import is still downloading.
        fake_graph.wait_for(lambda: all(fake_graph.sent_to(p) for p in phones), 3, "replies sent during the import")
        with runtime.transaction() as s:
            job = s.scalar(select(Message).where(Message.kind == "import_csv"))
            assert job.status == MessageStatus.sending
        fake_graph.wait_for(lambda: fake_graph.sent_to(DANA), 15, "the import's summary")
    finally:
        stop.set()
        for w in workers:
            w.join(timeout=10)


def test_a_job_longer_than_its_lease_is_done_once_even_with_two_workers(app, runtime, fake_graph, settings):
    from bot import create_app

    fake_graph.window_enforced = False
    _queue_slow_import(runtime, fake_graph, trickle=0.25, chunks=16)  # about 4 s, its lease 1.5 s
    second = create_app(settings).extensions["invitebot"]
    stop = threading.Event()
    workers = _run_workers([runtime, second], stop, lease=1.5, concurrency=2)
    try:
        fake_graph.wait_for(lambda: fake_graph.sent_to(DANA), 20, "the import's summary")
        with runtime.transaction() as s:
            assert s.scalar(select(func.count()).select_from(Guest)) == 34
        assert fake_graph.downloads("slow-list") == 1
        assert len(fake_graph.sent_to(DANA)) == 1
    finally:
        stop.set()
        for w in workers:
            w.join(timeout=10)
        second.engine.dispose()
