"""Invitations, reminders and broadcasts as outbox rows: audiences, dedupe, opt-outs, roles."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from bot.worker import drain
from bot.services import events, guests, members, sending
from bot.services.errors import Conflict, InvalidInput, NotFound
from bot.whatsapp.render import render
from storage.models import Event, Guest, InvitationState, Message, RsvpStatus, SendBatch, User, utcnow
from bot.services.users import get_or_create_user


@pytest.fixture
def org(session):
    user = get_or_create_user(session, phone="+972541110000", display_name="Dana")
    event = events.create_event(session, user, "Dana & Noam's wedding", date=date(2031, 6, 12),
                                location="Tel Aviv Port")
    return user, event


def rendered(row, settings):
    """What the worker sends for this outbox row: (payload, template fallback)."""
    out = render(row.payload, row.phone, settings)
    return out.payload, out.fallback


def _add(session, user, event, name, phone, **kw):
    return guests.add_guest(session, user, event.id, guests.GuestInput(first_name=name, phone=phone, **kw))


def test_invitation_is_the_template_with_answer_buttons_naming_the_guest(session, settings, org):
    user, event = org
    g = _add(session, user, event, "Avi", "+972541234001")
    batch = sending.send_invitations(session, user, event.id)
    assert batch.total == 1 and batch.kind == "invitation"
    row = session.scalar(select(Message).where(Message.batch_id == batch.id))
    tpl = rendered(row, settings)[0]["template"]
    assert tpl["name"] == "event_invitation"
    params = [p["text"] for c in tpl["components"] if c["type"] == "body" for p in c["parameters"]]
    assert params == ["Dana & Noam's wedding", "Thu 12 Jun 2031", "Tel Aviv Port"]
    buttons = [c["parameters"][0]["payload"] for c in tpl["components"] if c["type"] == "button"]
    assert buttons == [f"rsvp:{g.id}:yes", f"rsvp:{g.id}:no"]
    assert (row.kind, row.guest_id, row.event_id) == ("invitation", g.id, event.id)


def test_invite_twice_queues_each_guest_once(session, settings, org):
    user, event = org
    _add(session, user, event, "Avi", "+972541234001")
    _add(session, user, event, "Bea", "+972541234002")
    assert sending.invite_audience(session, user, event.id).count == 2
    assert sending.send_invitations(session, user, event.id).total == 2
    assert sending.invite_audience(session, user, event.id).count == 0
    second = sending.send_invitations(session, user, event.id)
    assert second.total == 0 and second.reported_at is not None
    assert len(session.scalars(select(Message).where(Message.kind == "invitation")).all()) == 2


def _invite_through_the_worker(runtime, fake_graph, failures: dict[str, int]):
    """Dana's event with Avi, Bea (opted out) and the guests in `failures`, whose
    invitations WhatsApp refuses with the given code; the worker has sent everything."""
    with runtime.transaction() as s:
        user = get_or_create_user(s, phone="+972541110000", display_name="Dana")
        event = events.create_event(s, user, "Dana & Noam's wedding", date=date(2031, 6, 12))
        _add(s, user, event, "Avi", "+972541234001")
        _add(s, user, event, "Bea", "+972541234002").opted_out = True
        for i, phone in enumerate(failures):
            _add(s, user, event, f"Guest{i}", phone)
            fake_graph.fail_number(phone, failures[phone])
        sending.send_invitations(s, user, event.id)
        ids = user.id, event.id
    drain(runtime)
    return ids


def test_audiences_skip_opted_out_and_failed_numbers_and_say_so(runtime, fake_graph, settings):
    user_id, event_id = _invite_through_the_worker(runtime, fake_graph, {"+972541234003": 131026})
    with runtime.transaction() as s:
        user, event = s.get(User, user_id), s.get(Event, event_id)
        cy = s.scalar(select(Guest).where(Guest.phone == "+972541234003"))
        assert cy.invitation == InvitationState.failed and "131026" in cy.invitation_error
        _add(s, user, event, "Dan", "+972541234009")
        audience = sending.invite_audience(s, user, event.id)
        assert [g.first_name for g in audience.guests] == ["Dan"]
        assert audience.skipped == {"opted out": 1, "invitation failed": 1}
        assert audience.describe_skipped() == "1 opted out, 1 whose invitation failed"
        broadcast = sending.broadcast_audience(s, user, event.id)
        assert broadcast.count == 2 and broadcast.skipped_total == 2
        batch = sending.send_broadcast(s, user, event.id, "Parking is at gate 3")
        rows = s.scalars(select(Message).where(Message.batch_id == batch.id)).all()
        assert sorted(r.phone for r in rows) == ["+972541234001", "+972541234009"]
        payload, fallback = rendered(rows[0], settings)
        assert payload["text"]["body"] == "📣 Dana & Noam's wedding: Parking is at gate 3"
        assert fallback["template"]["name"] == "event_update"


def test_only_permanent_failures_are_left_out_and_the_rest_are_invited_again(runtime, fake_graph):
    failures = {"+972541234003": 131026,   # not on WhatsApp: for good
                "+972541234004": 131021,   # not a valid recipient: for good
                "+972541234005": 132015,   # the template was paused: try again
                "+972541234006": 131049}   # WhatsApp's marketing limit: tried again by itself tomorrow
    user_id, event_id = _invite_through_the_worker(runtime, fake_graph, failures)
    fake_graph.clear_failures()
    with runtime.transaction() as s:
        user = s.get(User, user_id)
        audience = sending.invite_audience(s, user, event_id)
        # the 131049 invitation waits for its own retry: inviting again would send it twice
        assert sorted(g.phone for g in audience.guests) == ["+972541234005"]
        assert audience.skipped == {"opted out": 1, "invitation failed": 2}
        assert sending.send_invitations(s, user, event_id).total == 1
        # the same request again (a redelivered confirmation) queues nothing more
        assert sending.send_invitations(s, user, event_id).total == 0
    drain(runtime)
    assert len(fake_graph.sent_to("+972541234005")) == 1
    assert fake_graph.sent_to("+972541234006") == []
    drain(runtime, clock=lambda: utcnow() + timedelta(hours=24, minutes=1))
    assert len(fake_graph.sent_to("+972541234006")) == 1
    with runtime.transaction() as s:
        states = {g.phone: g.invitation for g in s.scalars(select(Guest).where(Guest.event_id == event_id))}
    assert states["+972541234005"] == states["+972541234006"] == InvitationState.sent
    assert states["+972541234003"] == InvitationState.failed


def test_a_failure_fails_again_and_is_tried_again_each_time(runtime, fake_graph):
    user_id, event_id = _invite_through_the_worker(runtime, fake_graph, {"+972541234005": 132015})
    for _ in range(2):
        with runtime.transaction() as s:
            assert sending.send_invitations(s, s.get(User, user_id), event_id).total == 1
        drain(runtime)
    with runtime.transaction() as s:
        tries = s.scalars(select(Message).where(Message.phone == "+972541234005", Message.kind == "invitation")).all()
    assert [m.status.value for m in tries] == ["failed"] * 3


def test_remind_reaches_invited_guests_without_an_answer(session, settings, org):
    user, event = org
    pending = _add(session, user, event, "Avi", "+972541234001")
    answered = _add(session, user, event, "Bea", "+972541234002")
    not_invited = _add(session, user, event, "Cy", "+972541234003")
    for g in (pending, answered):
        g.invitation = InvitationState.delivered
    answered.status = RsvpStatus.confirmed
    assert [g.first_name for g in sending.remind_audience(session, user, event.id).guests] == ["Avi"]
    batch = sending.send_reminders(session, user, event.id)
    assert batch.total == 1 and batch.kind == "reminder"
    assert pending.reminded_at is not None and not_invited.reminded_at is None


def test_without_a_template_the_invitation_is_buttons_with_a_fallback(session, settings, org):
    user, event = org
    g = _add(session, user, event, "Avi", "+972541234001")
    plain = settings.with_overrides(invitation_template=None)
    batch = sending.send_invitations(session, user, event.id)
    row = session.scalar(select(Message).where(Message.batch_id == batch.id))
    payload, fallback = rendered(row, plain)
    assert payload["type"] == "interactive"
    ids = [b["reply"]["id"] for b in payload["interactive"]["action"]["buttons"]]
    assert ids == [f"rsvp:{g.id}:yes", f"rsvp:{g.id}:no", f"rsvp:{g.id}:maybe"]
    assert "Dana & Noam's wedding" in payload["interactive"]["body"]["text"]
    assert fallback["template"]["name"] == "event_update"


def test_message_guest_and_refusals(session, settings, org):
    user, event = org
    g = _add(session, user, event, "Avi", "+972541234001")
    msg = sending.message_guest(session, user, event.id, g.id, "See you soon!")
    assert msg.kind == "guest_message" and rendered(msg, settings)[0]["text"]["body"].endswith("See you soon!")
    with pytest.raises(InvalidInput):
        sending.message_guest(session, user, event.id, g.id, "   ")
    g.opted_out = True
    with pytest.raises(Conflict) as err:
        sending.message_guest(session, user, event.id, g.id, "hello")
    assert "START" in err.value.message
    stranger = get_or_create_user(session, phone="+972549999999")
    with pytest.raises(NotFound):
        sending.send_invitations(session, stranger, event.id)


def test_a_viewer_may_send(session, settings, org):
    user, event = org
    _add(session, user, event, "Avi", "+972541234001")
    members.add_member(session, user, event.id, "+972541110001", "viewer")
    viewer = get_or_create_user(session, phone="+972541110001")
    assert sending.send_invitations(session, viewer, event.id).total == 1
    assert session.scalar(select(SendBatch)).requested_by == viewer.id
