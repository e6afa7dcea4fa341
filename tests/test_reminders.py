"""Automatic reminder rounds and final tallies: once per round, only to guests who have
not answered, inside the event's daytime hours, never twice after a restart or with two workers."""
from __future__ import annotations

import threading
from datetime import date, datetime, timezone

from sqlalchemy import func, select

from bot.worker import drain
from bot import make_runtime
from bot.worker import sender as outbox, clock as scheduler
from bot.services import events, guests, sending
from bot.services.users import get_or_create_user
from storage.models import Guest, InvitationState, Message, ReminderRound, RsvpStatus, SendBatch, User

DANA = "+972541110000"
PENDING = "+972541234001"
ANSWERED = "+972541234002"
OPTED_OUT = "+972541234003"
NOT_INVITED = "+972541234004"
FAILED = "+972541234005"

WEDDING = date(2031, 6, 12)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


# Jerusalem is UTC+3 in June: 07:00 UTC is 10:00 there.
SEVEN_DAYS_BEFORE = utc(2031, 6, 5, 7, 0)
TWO_DAYS_BEFORE = utc(2031, 6, 10, 7, 0)


def _setup(runtime, reminder_days=(7, 2)):
    with runtime.transaction() as s:
        dana = get_or_create_user(s, phone=DANA, display_name="Dana")
        event = events.create_event(s, dana, "Dana & Noam's wedding", date=WEDDING, location="Tel Aviv Port",
                                    timezone="Asia/Jerusalem")
        events.set_reminder_days(s, dana, event.id, list(reminder_days))
        rows = {}
        for name, phone in (("Pending", PENDING), ("Answered", ANSWERED), ("Opted", OPTED_OUT),
                            ("Notinvited", NOT_INVITED), ("Failed", FAILED)):
            rows[phone] = guests.add_guest(s, dana, event.id, guests.GuestInput(first_name=name, phone=phone))
        for phone in (PENDING, ANSWERED, OPTED_OUT):
            rows[phone].invitation = InvitationState.delivered
        rows[ANSWERED].status = RsvpStatus.confirmed
        rows[OPTED_OUT].opted_out = True
        rows[FAILED].invitation = InvitationState.failed
        return event.id


def _reminders_sent(fake_graph) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in fake_graph.sent:
        counts[m.to] = counts.get(m.to, 0) + 1
    return counts


def _rounds(runtime):
    with runtime.transaction() as s:
        return sorted((r.days_before, r.recipients) for r in s.scalars(select(ReminderRound)))


def test_a_round_reaches_pending_guests_once(runtime, fake_graph):
    event_id = _setup(runtime)
    result = scheduler.tick(runtime, now=SEVEN_DAYS_BEFORE)
    assert (result.rounds, result.reminders) == (1, 1)
    assert _rounds(runtime) == [(7, 1)]
    # the same day again, and a second worker process with its own engine: nothing more
    assert scheduler.tick(runtime, now=SEVEN_DAYS_BEFORE.replace(hour=12)).rounds == 0
    other_worker = make_runtime(runtime.settings)
    try:
        assert scheduler.tick(other_worker, now=SEVEN_DAYS_BEFORE.replace(hour=15)).rounds == 0
    finally:
        other_worker.engine.dispose()
    drain(runtime)
    reminders = fake_graph.sent_to(PENDING)
    assert len(reminders) == 1 and reminders[0].type == "template"
    assert reminders[0].text == "Dana & Noam's wedding | Thu 12 Jun 2031 | Tel Aviv Port"
    assert reminders[0].button_ids[0].startswith("rsvp:")
    assert set(_reminders_sent(fake_graph)) == {PENDING.lstrip("+")}

    # the round's tally goes to the admins
    assert scheduler.tick(runtime, now=SEVEN_DAYS_BEFORE.replace(hour=16)).reported == 1
    drain(runtime)
    assert [m.text for m in fake_graph.sent_to(DANA)] == [
        "✅ The automatic reminder for Dana & Noam's wedding is out: 1 sent."]
    assert scheduler.tick(runtime, now=SEVEN_DAYS_BEFORE.replace(hour=17)).reported == 0


def test_guests_who_answered_get_no_later_round(runtime, fake_graph):
    _setup(runtime)
    scheduler.tick(runtime, now=SEVEN_DAYS_BEFORE)
    drain(runtime)
    with runtime.transaction() as s:
        guest = s.scalar(select(Guest).where(Guest.phone == PENDING))
        guest.status = RsvpStatus.declined
    assert scheduler.tick(runtime, now=TWO_DAYS_BEFORE).rounds == 1
    assert _rounds(runtime) == [(2, 0), (7, 1)]
    drain(runtime)
    assert len(fake_graph.sent_to(PENDING)) == 1


def test_rounds_wait_for_daytime_in_the_events_time_zone(runtime, fake_graph):
    _setup(runtime)
    assert scheduler.tick(runtime, now=utc(2031, 6, 5, 5, 59)).rounds == 0   # 08:59 in Jerusalem
    assert scheduler.tick(runtime, now=utc(2031, 6, 5, 17, 0)).rounds == 0   # 20:00
    assert scheduler.tick(runtime, now=utc(2031, 6, 4, 22, 30)).rounds == 0  # 01:30 on the day
    assert scheduler.tick(runtime, now=utc(2031, 6, 7, 7, 0)).rounds == 0    # 5 days before: no round
    assert scheduler.tick(runtime, now=utc(2031, 6, 5, 6, 0)).rounds == 1    # 09:00
    assert _rounds(runtime) == [(7, 1)]


def test_two_workers_at_once_send_a_round_once(runtime, fake_graph, db):
    _setup(runtime)
    workers = [make_runtime(runtime.settings) for _ in range(2)]
    barrier = threading.Barrier(2)
    results = []

    def run(rt):
        barrier.wait()
        results.append(scheduler.tick(rt, now=SEVEN_DAYS_BEFORE))

    threads = [threading.Thread(target=run, args=(rt,)) for rt in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    for rt in workers:
        rt.engine.dispose()
    assert sorted(r.rounds for r in results) == [0, 1]
    with runtime.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Message).where(Message.kind == "reminder")) == 1


def test_opted_out_guests_get_no_round_even_if_they_opt_out_after_it_was_queued(runtime, fake_graph):
    _setup(runtime)
    scheduler.tick(runtime, now=SEVEN_DAYS_BEFORE)
    with runtime.transaction() as s:
        s.scalar(select(Guest).where(Guest.phone == PENDING)).opted_out = True
    drain(runtime)
    assert fake_graph.sent_to(PENDING) == []
    scheduler.tick(runtime)
    drain(runtime)
    assert [m.text for m in fake_graph.sent_to(DANA)] == [
        "❌ The automatic reminder for Dana & Noam's wedding is out: 0 sent, 1 failed (1 opted out)."]


def test_no_rounds_without_reminder_days_or_a_date(runtime, fake_graph):
    event_id = _setup(runtime, reminder_days=())
    assert scheduler.tick(runtime, now=SEVEN_DAYS_BEFORE).rounds == 0
    assert _rounds(runtime) == []


def test_a_manual_remind_tally_goes_to_whoever_asked(runtime, fake_graph):
    event_id = _setup(runtime)
    with runtime.transaction() as s:
        dana = get_or_create_user(s, phone=DANA)
        batch = sending.send_reminders(s, dana, event_id)
        assert batch.total == 1
    assert scheduler.tick(runtime).reported == 0   # not sent yet: no tally
    drain(runtime)
    assert scheduler.tick(runtime).reported == 1
    drain(runtime)
    assert fake_graph.sent_to(DANA)[-1].text == "✅ Reminders for Dana & Noam's wedding are out: 1 sent."
    with runtime.transaction() as s:
        assert s.scalar(select(SendBatch.reported_at)) is not None


def test_the_running_worker_runs_the_scheduler(runtime, fake_graph):
    event_id = _setup(runtime)
    with runtime.transaction() as s:
        sending.send_reminders(s, get_or_create_user(s, phone=DANA), event_id)
    drain(runtime)  # the reminder is out; nobody has told Dana yet
    stop = threading.Event()
    worker = threading.Thread(target=outbox.run_worker, args=(runtime, stop), kwargs={"poll_interval": 0.05})
    worker.start()
    try:
        fake_graph.wait_for(lambda: fake_graph.sent_to(DANA), message="the tally from the worker's scheduler")
    finally:
        stop.set()
        worker.join(10)
    assert fake_graph.sent_to(DANA)[0].text == "✅ Reminders for Dana & Noam's wedding are out: 1 sent."


def test_moving_the_event_sends_its_rounds_again_for_the_new_date(runtime, fake_graph):
    event_id = _setup(runtime)
    assert scheduler.tick(runtime, now=SEVEN_DAYS_BEFORE).rounds == 1
    with runtime.transaction() as s:
        dana = s.scalar(select(User).where(User.phone == DANA))
        events.update_event(s, dana, event_id, date=date(2031, 6, 26))   # two weeks later
    # the old "2 days before" day passes quietly; 7 days before the new date, a round again
    assert scheduler.tick(runtime, now=TWO_DAYS_BEFORE).rounds == 0
    assert scheduler.tick(runtime, now=utc(2031, 6, 19, 7, 0)).rounds == 1
    assert scheduler.tick(runtime, now=utc(2031, 6, 19, 9, 0)).rounds == 0
    drain(runtime)
    reminders = fake_graph.sent_to(PENDING)  # both rounds' reminders, sent in parallel: any order
    assert sorted(m.text for m in reminders) == ["Dana & Noam's wedding | Thu 12 Jun 2031 | Tel Aviv Port",
                                                 "Dana & Noam's wedding | Thu 26 Jun 2031 | Tel Aviv Port"]


def test_a_round_reaches_whom_the_remind_command_would(runtime, fake_graph):
    event_id = _setup(runtime)
    with runtime.transaction() as s:
        dana = s.scalar(select(User).where(User.phone == DANA))
        audience = sending.remind_audience(s, dana, event_id)
        expected = sorted(g.phone for g in audience.guests)
        assert audience.skipped == {"opted out": 1, "invitation failed": 1}
    scheduler.tick(runtime, now=SEVEN_DAYS_BEFORE)
    with runtime.transaction() as s:
        reached = sorted(s.scalars(select(Message.phone).where(Message.kind == "reminder")))
    assert reached == expected == [PENDING]


def test_the_tally_names_a_failure_as_everywhere_else(runtime, fake_graph):
    _setup(runtime)
    fake_graph.fail_number(PENDING, 132015)
    scheduler.tick(runtime, now=SEVEN_DAYS_BEFORE)
    drain(runtime)
    scheduler.tick(runtime, now=SEVEN_DAYS_BEFORE.replace(hour=8))
    drain(runtime)
    assert [m.text for m in fake_graph.sent_to(DANA)] == [
        "❌ The automatic reminder for Dana & Noam's wedding is out: 0 sent, 1 failed (1 template paused)."]


def test_a_round_missed_while_no_worker_ran_goes_the_next_day_not_later(runtime, fake_graph):
    _setup(runtime)
    assert scheduler.tick(runtime, now=utc(2031, 6, 6, 7, 0)).rounds == 1    # the 7-day round, a day late
    assert scheduler.tick(runtime, now=utc(2031, 6, 6, 9, 0)).rounds == 0    # once
    assert _rounds(runtime) == [(7, 1)]


def test_a_stale_round_is_not_sent(runtime, fake_graph):
    _setup(runtime, reminder_days=(7,))
    assert scheduler.tick(runtime, now=utc(2031, 6, 8, 7, 0)).rounds == 0    # 4 days before: the 7-day round is stale


def test_rounds_reach_maybes_but_not_undelivered_invitations_and_stop_after_three(runtime, fake_graph):
    """A maybe was told "we'll check in again closer to the event": the rounds do (not one
    said in the last three days); an invitation that never arrived gets no reminder."""
    event_id = _setup(runtime, reminder_days=(30, 20, 10, 5))
    maybe_phone, fresh_phone = "+972541234006", "+972541234008"
    with runtime.transaction() as s:
        dana = s.scalar(select(User).where(User.phone == DANA))
        for name, phone in (("Maybe", maybe_phone), ("Fresh", fresh_phone)):
            guest = guests.add_guest(s, dana, event_id, guests.GuestInput(first_name=name, phone=phone))
            guest.invitation = InvitationState.read
            guests.mark_rsvp(s, dana, event_id, guest.id, "maybe")
            if name == "Fresh":   # said maybe the day before the 10-day round
                guest.answered_at = utc(2031, 6, 1, 7, 0)
        sent_only = guests.add_guest(s, dana, event_id, guests.GuestInput(first_name="Sent", phone="+972541234007"))
        sent_only.invitation = InvitationState.sent
    for day in (13, 23, 2, 7):   # 30, 20, 10 and 5 days before the wedding, 10:00 in Jerusalem
        month = 5 if day > 12 else 6
        scheduler.tick(runtime, now=utc(2031, month, day, 7, 0))
    with runtime.transaction() as s:
        reached = list(s.scalars(select(Message.phone).where(Message.kind == "reminder")))
    assert sorted(set(reached)) == sorted([PENDING, maybe_phone, fresh_phone])   # not the undelivered one
    assert reached.count(PENDING) == reached.count(maybe_phone) == sending.MAX_AUTOMATIC_REMINDERS == 3
    assert reached.count(fresh_phone) == 1   # not the day after their maybe (2 Jun), only the 5-day round
