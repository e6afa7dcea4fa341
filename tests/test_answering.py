"""The worker answers what the webhook stored: in order per sender, across workers, and
through crashes, on SQLite and PostgreSQL."""
from __future__ import annotations

import contextlib
import itertools
import os
import re
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from bot import make_runtime
from bot.chat.router import handle_message
from bot.services import events, guests
from bot.services.users import get_or_create_user
from bot.text.replies import APOLOGY
from bot.whatsapp import inbound as parsing
from bot.whatsapp.deliveries import Waker, raw_messages, store_delivery
from bot.worker import answering
from storage.models import Direction, EarlyStatus, Guest, InvitationState, Message, MessageStatus, RsvpStatus, utcnow
from tests import plans, webhooks
from tests.conftest import TEST_APP_SECRET, TEST_VERIFY_TOKEN

ROOT = Path(__file__).resolve().parent.parent
FLASK = str(Path(sys.executable).parent / "flask")
ORGANISER = "+972541110000"


def post(client, *parts) -> None:
    body, headers = webhooks.signed(webhooks.delivery(*parts), TEST_APP_SECRET)
    response = client.post("/webhook", data=body, headers=headers)
    assert response.status_code == 200


def count(runtime, *where) -> int:
    with runtime.transaction() as session:
        return session.scalar(select(func.count()).select_from(Message).where(*where))


def unanswered(runtime) -> int:
    return count(runtime, Message.direction == Direction.inbound, Message.status == MessageStatus.received)


def wait_until(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def invited_guests(runtime, n: int, *, notify: bool = False) -> list[str]:
    """An event with `n` guests whose invitation has arrived; their phones. `notify`: the
    organiser hears of each answer."""
    phones = [f"+97252{i:07d}" for i in range(n)]
    with runtime.transaction() as session:
        organiser = get_or_create_user(session, phone=ORGANISER, display_name="Dana")
        event = events.create_event(session, organiser, "Garden wedding", date=date(2031, 6, 12))
        for i, phone in enumerate(phones):
            guest = guests.add_guest(session, organiser, event.id,
                                     guests.GuestInput(first_name=f"Guest{i}", phone=phone))
            guest.invitation = InvitationState.delivered
        events.set_notify(session, organiser, event.id, notify)
    return phones


def answers(runtime) -> dict[str, tuple[RsvpStatus, int | None]]:
    with runtime.transaction() as session:
        return {g.phone: (g.status, g.party_size) for g in session.scalars(select(Guest))}


def test_two_workers_answer_each_sender_in_the_order_they_wrote(client, runtime, settings):
    """50 guests each write "yes" and then "3"; two workers answer the interleaved stream.
    Answered out of order, "3" would come before the party-size question and be lost."""
    phones = invited_guests(runtime, 50)
    stop = threading.Event()
    workers = [make_runtime(settings) for _ in range(2)]
    threads = [threading.Thread(target=answering.run_answering, args=(rt, stop), kwargs={"batch": 8})
               for rt in workers]
    for thread in threads:
        thread.start()
    try:
        # Pairs of guests per delivery, each guest's two messages in order, senders interleaved;
        # half of the "3"s come in a later delivery of their own.
        for a, b in itertools.zip_longest(phones[::2], phones[1::2]):
            post(client, webhooks.text_message(a, "yes"), webhooks.text_message(b, "yes"),
                 webhooks.text_message(a, "3"))
            post(client, webhooks.text_message(b, "3"))
        wait_until(lambda: unanswered(runtime) == 0, 60, "every message answered")
    finally:
        stop.set()
        for thread in threads:
            thread.join(10)
        for rt in workers:
            rt.engine.dispose()
    assert answers(runtime) == {phone: (RsvpStatus.confirmed, 3) for phone in phones}
    assert count(runtime, Message.direction == Direction.inbound, Message.status == MessageStatus.answered) == 100


def test_a_crashing_conversation_is_retried_then_apologised_for_and_the_sender_goes_on(app, client, runtime):
    calls = []

    def conversation(session, settings, user, msg):
        calls.append(msg.text)
        if msg.text == "boom":
            raise RuntimeError("a bug")
        handle_message(session, settings, user, msg)

    runtime.on_message = conversation
    phone = "+972529990000"
    post(client, webhooks.text_message(phone, "boom"), webhooks.text_message(phone, "help"))
    now = utcnow()
    answering.drain_inbox(runtime, now=now)
    assert "help" not in calls  # it waits behind "boom": one sender, in order
    assert count(runtime, Message.direction == Direction.outbound) == 0  # nothing half-done was kept
    answering.drain_inbox(runtime, now=now + timedelta(minutes=1))
    answering.drain_inbox(runtime, now=now + timedelta(minutes=2))
    assert calls[-1] == "help" and calls.count("help") == 1
    with runtime.transaction() as session:
        inbound = session.scalars(select(Message).where(Message.direction == Direction.inbound)
                                  .order_by(Message.created_at)).all()
        replies = session.scalars(select(Message).where(Message.direction == Direction.outbound)
                                  .order_by(Message.created_at)).all()
    assert [(m.body, m.status) for m in inbound] == [("boom", MessageStatus.failed), ("help", MessageStatus.answered)]
    assert replies[0].body == APOLOGY and len(replies) == 2


def _refuse_answers_of(runtime, db, name: str) -> None:
    """The database itself refuses any change to the guest called `name` (a trigger)."""
    with runtime.transaction() as session:
        if db.backend == "postgresql":
            session.execute(text(
                "CREATE OR REPLACE FUNCTION refuse_guest() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql"))
            session.execute(text(
                f"CREATE TRIGGER refuse_guest BEFORE UPDATE ON guests FOR EACH ROW "
                f"WHEN (OLD.first_name = '{name}') EXECUTE FUNCTION refuse_guest()"))
        else:
            session.execute(text(
                f"CREATE TRIGGER refuse_guest BEFORE UPDATE ON guests FOR EACH ROW "
                f"WHEN OLD.first_name = '{name}' BEGIN SELECT RAISE(ABORT, 'refused'); END"))


def _drop_refusal(runtime, db) -> None:
    with runtime.transaction() as session:
        session.execute(text("DROP TRIGGER refuse_guest" + (" ON guests" if db.backend == "postgresql" else "")))


def test_an_answer_the_database_refuses_fails_alone_and_the_rest_of_the_pass_is_answered(client, runtime, db):
    """A pass writes its conversations' changes together; when the database refuses one of them,
    the pass is answered again one conversation at a time, so only that guest waits (and is
    apologised to in the end), and every other guest of the pass is recorded and answered once."""
    phones = invited_guests(runtime, 3)
    _refuse_answers_of(runtime, db, "Guest1")
    try:
        post(client, *(webhooks.text_message(phone, "yes, we are 2") for phone in phones))
        now = utcnow()
        for minutes in (0, 1, 2):
            answering.drain_inbox(runtime, now=now + timedelta(minutes=minutes))
    finally:
        _drop_refusal(runtime, db)
    assert answers(runtime) == {phones[0]: (RsvpStatus.confirmed, 2), phones[1]: (RsvpStatus.invited, None),
                                phones[2]: (RsvpStatus.confirmed, 2)}
    with runtime.transaction() as session:
        replies = {phone: list(session.scalars(select(Message.body).where(
            Message.direction == Direction.outbound, Message.phone == phone))) for phone in phones}
        refused = session.scalar(select(Message.status).where(Message.phone == phones[1],
                                                              Message.direction == Direction.inbound))
    assert refused == MessageStatus.failed and replies[phones[1]] == [APOLOGY]
    assert len(replies[phones[0]]) == 1 and len(replies[phones[2]]) == 1


@contextlib.contextmanager
def worker_woken_only_by_notify(settings):
    """A worker that, left to itself, would look again only after an hour: only NOTIFY can wake it."""
    worker = make_runtime(settings)
    stop = threading.Event()
    thread = threading.Thread(target=answering.run_answering, args=(worker, stop), kwargs={"idle_wait": 3600})
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(10)
        worker.engine.dispose()


@pytest.mark.postgres_only
def test_notify_wakes_the_worker_without_waiting_for_a_poll(client, runtime, settings):
    with worker_woken_only_by_notify(settings):
        # Stored before it listens or after: its listener's first wake-up, or the NOTIFY.
        post(client, webhooks.text_message("+972529990001", "help"))
        wait_until(lambda: unanswered(runtime) == 0 and count(runtime, Message.direction == Direction.outbound),
                   10, "the reply, woken by NOTIFY")


@pytest.mark.postgres_only
def test_a_wake_up_whose_connection_was_cut_is_sent_again(client, runtime, settings):
    """The web process wakes the worker on a connection of its own once a delivery is
    committed; if the database cut that connection, the next message still wakes the
    worker at once (a new connection), not at its next look an hour later."""
    with worker_woken_only_by_notify(settings):
        post(client, webhooks.text_message("+972529990001", "help"))
        wait_until(lambda: count(runtime, Message.direction == Direction.outbound) == 1, 10, "the first reply")
        with runtime.engine.connect() as conn:
            cut = conn.execute(text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE application_name = :name AND datname = current_database()"), {"name": Waker.NAME}).scalar()
        assert cut == 1
        post(client, webhooks.text_message("+972529990002", "help"))
        wait_until(lambda: unanswered(runtime) == 0 and count(runtime, Message.direction == Direction.outbound) == 2,
                   10, "the second reply, woken by a NOTIFY on a new connection")


def answered_so_far(db) -> int:
    """Read without a transaction (on SQLite a transaction would queue behind the worker's)."""
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("SELECT count(*) FROM messages WHERE direction = 'in' AND status = 'answered'")
        return cursor.fetchone()[0]
    finally:
        raw.rollback()
        raw.close()


def _worker(db, fake) -> subprocess.Popen:
    env = {**os.environ, **fake.env(), "DATABASE_URL": db.url, "WHATSAPP_APP_SECRET": TEST_APP_SECRET,
           "WHATSAPP_VERIFY_TOKEN": TEST_VERIFY_TOKEN, "WHATSAPP_MAX_SEND_RATE": "1000", "LOG_LEVEL": "WARNING",
           "QUIET_HOURS": ""}
    return subprocess.Popen([FLASK, "--app", "wsgi", "worker"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_a_worker_killed_mid_conversation_loses_nothing_and_doubles_nothing(client, runtime, db, fake_graph):
    fake_graph.window_enforced = False
    senders = [f"+97253{i:07d}" for i in range(1000)]
    for chunk in range(0, len(senders), 50):
        post(client, *[webhooks.text_message(p, "hello") for p in senders[chunk:chunk + 50]])
    first = _worker(db, fake_graph)
    try:
        wait_until(lambda: answered_so_far(db) >= 50, 60, "the first pass committed")
    finally:
        first.kill()  # SIGKILL, mid-pass: its open transaction is rolled back
        first.communicate(timeout=10)
    left = unanswered(runtime)
    assert left > 0, "the kill came too late to test anything"
    second = _worker(db, fake_graph)
    try:
        wait_until(lambda: unanswered(runtime) == 0, 60, "every message answered")
    finally:
        second.terminate()
        second.communicate(timeout=20)
    with runtime.transaction() as session:
        per_phone = dict(session.execute(
            select(Message.phone, func.count()).where(Message.direction == Direction.outbound)
            .group_by(Message.phone)).all())
    assert per_phone == {phone: 1 for phone in senders}  # one welcome each: none lost, none twice
    print(f"killed with {left} of 1000 unanswered")


def _store_at_once(runtime, payloads: list[dict]) -> dict[int, object]:
    """Each payload stored by its own thread, all let go at the same moment, as concurrent
    webhook requests are: how many new messages each was told of, or the error it got."""
    barrier = threading.Barrier(len(payloads))
    outcomes: dict[int, object] = {}

    def deliver(i):
        parsed = parsing.parse_delivery(payloads[i])
        barrier.wait()
        try:
            outcomes[i] = store_delivery(runtime, parsed, raw_messages(payloads[i])).stored
        except Exception as exc:  # the request would answer 500, and Meta would deliver it again
            outcomes[i] = type(exc).__name__

    threads = [threading.Thread(target=deliver, args=(i,)) for i in range(len(payloads))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    return outcomes


@pytest.mark.postgres_only
def test_a_large_delivery_and_a_small_one_are_stored_whole_with_their_text(client, runtime):
    """A delivery of many messages and statuses (one statement built for it) and a
    one-message delivery (a prepared one) keep every message, its words and its order,
    and every status, its error code included."""
    big_from = "+972528880200"
    texts = [f"הודעה {i}: כן, נגיע" for i in range(9)]
    failed = [webhooks.status(f"wamid.OUT{i}", "failed", "+972528880300", error_code=131026) for i in range(3)]
    read = [webhooks.status(f"wamid.OUT{i}", "read", "+972528880300") for i in range(3)]
    big = webhooks.delivery(*(webhooks.text_message(big_from, t) for t in texts), *failed, *read)
    small = webhooks.text_message("+972528880201", "שלום 👋")
    post(client, big)
    post(client, small)
    with runtime.transaction() as session:
        bodies = session.scalars(select(Message.body).where(Message.sender == big_from)
                                 .order_by(Message.created_at)).all()
        alone = session.scalars(select(Message.body).where(Message.sender == "+972528880201")).all()
        kept = session.execute(select(EarlyStatus.status, EarlyStatus.error_code)).all()
    assert bodies == texts
    assert alone == ["שלום 👋"]
    assert sorted(kept) == sorted([("failed", 131026)] * 3 + [("read", None)] * 3)


@pytest.mark.postgres_only
def test_deliveries_stored_together_each_get_their_own_outcome(client, runtime, settings, db):
    """Concurrent deliveries share one statement on PostgreSQL; one the database refuses
    (a NUL in its text) fails alone, and the others in its batch are stored."""
    payloads = [webhooks.text_message(f"+9725288800{i:02d}", "hello" if i != 3 else "bad \x00 text")
                for i in range(12)]
    outcomes = _store_at_once(runtime, payloads)
    assert outcomes[3] == "DataError"
    assert {i: n for i, n in outcomes.items() if i != 3} == {i: 1 for i in range(12) if i != 3}
    assert count(runtime, Message.direction == Direction.inbound) == 11


@pytest.mark.postgres_only
def test_many_deliveries_at_once_are_each_stored_once_and_told_so(client, runtime, settings, db):
    """Forty requests at once, a quarter of them Meta delivering a message again while the
    first copy is still being written: every request returns, every message is stored
    once, and exactly one of the two requests for it hears it was new."""
    payloads = [webhooks.text_message(f"+97252777{i:04d}", f"hello {i}", wamid=f"wamid.MANY{i % 30:03d}")
                for i in range(40)]
    outcomes = _store_at_once(runtime, payloads)
    assert sorted(outcomes) == list(range(40))  # no request left waiting
    new_per_wamid: dict[int, int] = {}
    for i, stored in outcomes.items():
        new_per_wamid[i % 30] = new_per_wamid.get(i % 30, 0) + stored
    assert new_per_wamid == {n: 1 for n in range(30)}
    assert count(runtime, Message.direction == Direction.inbound) == 30


def test_a_worker_split_by_role_answers_in_one_process_and_sends_in_the_other(client, runtime, settings, fake_graph):
    """`worker --role answer` answers and applies statuses but sends nothing; `--role send`
    sends what the other queued; together they do what one worker does."""
    from bot import worker as whole_worker

    answerer, sender_rt = make_runtime(settings), make_runtime(settings)
    stop = threading.Event()
    answering_thread = threading.Thread(target=whole_worker.run, args=(answerer, stop), kwargs={"role": "answer"})
    answering_thread.start()
    sending_thread = None
    fake_graph.open_window("+972529990002")
    try:
        post(client, webhooks.text_message("+972529990002", "help"))
        wait_until(lambda: unanswered(runtime) == 0, 10, "the answer")
        reply = (Message.direction == Direction.outbound,)
        assert count(runtime, *reply, Message.status == MessageStatus.queued) == 1
        assert fake_graph.count() == 0  # the answering worker sends nothing
        sending_thread = threading.Thread(target=whole_worker.run, args=(sender_rt, stop), kwargs={"role": "send"})
        sending_thread.start()
        fake_graph.wait_for_count(1, "+972529990002")
        assert "new event" in fake_graph.sent_to("+972529990002")[0].text
    finally:
        stop.set()
        for thread in (answering_thread, sending_thread):
            if thread is not None:
                thread.join(10)
        answerer.engine.dispose()
        sender_rt.engine.dispose()


def test_an_organiser_who_turns_notices_off_gets_none_for_answers_later_in_the_same_pass(client, runtime):
    """One pass answers many messages in one transaction; the organisers to notify are read
    once per pass, and "notify off" between two answers must still be heard."""
    phones = invited_guests(runtime, 2, notify=True)
    post(client, webhooks.text_message(phones[0], "yes, we are 2"))
    post(client, webhooks.text_message(ORGANISER, "notify off"))
    post(client, webhooks.text_message(phones[1], "sorry, we can't come"))

    assert answering.answer_due(runtime) == 3  # one pass, one transaction

    with runtime.transaction() as session:
        notices = list(session.scalars(select(Message.body).where(
            Message.kind == "rsvp_notice", Message.phone == ORGANISER)))
        declined = session.scalar(select(Guest.status).where(Guest.phone == phones[1]))
    assert declined == RsvpStatus.declined
    assert len(notices) == 1 and "Guest0" in notices[0]


def test_the_totals_in_each_notice_of_a_pass_follow_every_answer_and_the_organisers_changes(client, runtime):
    """One pass answers a batch of guests in one transaction: each notice carries the event's
    totals as they stand after that answer, including a change the organiser made between two
    answers in the same pass."""
    phones = invited_guests(runtime, 4, notify=True)
    post(client, webhooks.text_message(phones[0], "yes, we are 3"))
    answering.answer_due(runtime)   # Guest0 comes with 3 (committed before the pass below)
    post(client, webhooks.text_message(phones[1], "yes, we are 2"))
    post(client, webhooks.text_message(ORGANISER, "mark Guest0 no"))
    post(client, webhooks.text_message(phones[2], "yes"))
    post(client, webhooks.text_message(phones[3], "sorry, we can't come"))

    assert answering.answer_due(runtime) == 4  # one pass, one transaction

    with runtime.transaction() as session:
        notices = [body for body, in session.execute(select(Message.body).where(
            Message.kind == "rsvp_notice", Message.phone == ORGANISER).order_by(Message.created_at))]
        assert session.scalar(select(Guest.status).where(Guest.phone == phones[0])) == RsvpStatus.declined
    assert [n.split("(")[-1] for n in notices] == [
        "1 confirmed, 3 people)", "2 confirmed, 5 people)", "2 confirmed, 3 people)", "2 confirmed, 3 people)"], notices


def test_a_guest_added_by_an_earlier_message_of_the_same_pass_is_a_guest_to_the_next(client, runtime):
    """The pass learns who its senders are (organiser, guest) with two statements for them all;
    a guest added by one of its messages is a guest to a later one, not a stranger."""
    invited_guests(runtime, 1)
    avi = "+972525550101"
    post(client, webhooks.text_message(ORGANISER, "add guest Avi Cohen 052-555-0101"))
    post(client, webhooks.text_message(avi, "yes, we are 2"))

    assert answering.answer_due(runtime) == 2  # one pass, one transaction

    assert answers(runtime)[avi] == (RsvpStatus.confirmed, 2)


@pytest.mark.postgres_only
def test_the_claim_uses_the_inbox_index_in_the_plan_postgresql_caches(client, runtime):
    """psycopg prepares a query run five times and PostgreSQL may then keep a generic plan
    for it. With the inbox index's condition as bound values that plan could not use the
    partial index and probed every unanswered message for every one (164 ms a claim at
    1,000 waiting). Written as literals, the generic plan still walks the index."""
    phones = invited_guests(runtime, 3)
    post(client, *(webhooks.text_message(phone, "yes") for phone in phones))

    def claim():
        with runtime.transaction() as session:
            answering._due_heads(session, utcnow(), 25)

    (_, plan), = plans.generic_plans(runtime, claim)
    # the planner knows the status it looks for (the inbox index, or the status index with
    # 'received' in its condition, as its statistics say), and never walks every message
    assert "ix_messages_inbox" in plan or "'received'::text" in plan, plan
    assert not re.search(r"status\)::text = \$\d", plan), plan
    assert "Seq Scan on messages" not in plan, plan
