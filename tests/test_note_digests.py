"""A chatty guest costs the organisers one message, not one per text."""
from __future__ import annotations

from datetime import date, timedelta

from bot.services import events, guests, inbox, members, rsvp, sending
from bot.services.users import get_or_create_user
from bot.worker import drain
from storage.models import Direction, Guest, Message, MessageStatus, User, utcnow

DANA, NOAM, AVI = "+972521110001", "+972521110002", "+972541234001"


def _setup(runtime):
    with runtime.transaction() as s:
        dana = get_or_create_user(s, phone=DANA, display_name="Dana", seen_at=utcnow())  # wrote lately
        event = events.create_event(s, dana, "Dana & Noam's wedding", date=date(2031, 6, 12))
        members.add_member(s, dana, event.id, NOAM, "editor")  # never wrote: outside the window
        guest = guests.add_guest(s, dana, event.id, guests.GuestInput(first_name="Avi", last_name="Cohen",
                                                                      phone=AVI))
        return event.id, guest.id


def test_thirty_notes_reach_each_organiser_as_one_message(runtime, fake_graph):
    _, guest_id = _setup(runtime)
    fake_graph.open_window(DANA)
    drain(runtime)  # the welcome to the new team member
    seen = {p: len(fake_graph.sent_to(p)) for p in (DANA, NOAM)}
    for i in range(30):
        with runtime.transaction() as s:
            guest = s.get(Guest, guest_id)
            rsvp.pass_on_note(s, guest, f"Question number {i + 1}: is there parking?", digest_seconds=180)
    drain(runtime)
    assert {p: len(fake_graph.sent_to(p)) for p in (DANA, NOAM)} == seen  # nothing yet: gathered first
    drain(runtime, clock=lambda: utcnow() + timedelta(seconds=181))
    [to_dana] = fake_graph.sent_to(DANA)[seen[DANA]:]
    assert to_dana.type == "text"
    assert to_dana.text.startswith("💬 30 new messages from guests:")
    assert "Question number 1: is there parking?" in to_dana.text
    [to_noam] = fake_graph.sent_to(NOAM)[seen[NOAM]:]
    assert to_noam.type == "template"  # outside his window: one template, not thirty
    assert to_noam.text.startswith("30 new messages from guests:")
    drain(runtime, clock=lambda: utcnow() + timedelta(seconds=400))
    assert len(fake_graph.sent_to(DANA)) == seen[DANA] + 1 and len(fake_graph.sent_to(NOAM)) == seen[NOAM] + 1


def test_a_single_note_reads_as_itself(runtime, fake_graph):
    _, guest_id = _setup(runtime)
    fake_graph.open_window(DANA)
    with runtime.transaction() as s:
        rsvp.pass_on_note(s, s.get(Guest, guest_id), "Can I bring my dog?", digest_seconds=180)
    drain(runtime, clock=lambda: utcnow() + timedelta(seconds=181))
    assert fake_graph.sent_to(DANA)[-1].text == (
        "💬 Avi Cohen (guest of Dana & Noam's wedding) wrote: “Can I bring my dog?”\n\n"
        "To answer: *inbox*, then *reply 1 <text>*.")   # and how to answer it


def test_a_note_already_read_in_the_inbox_is_not_sent_again_as_news(runtime, fake_graph):
    """Dana reads the inbox before the digest is due: the digest doesn't bring her the same
    question as "new"; Noam, who hasn't looked, still gets it."""
    event_id, guest_id = _setup(runtime)
    fake_graph.open_window(DANA), fake_graph.open_window(NOAM)
    drain(runtime)
    seen = {p: len(fake_graph.sent_to(p)) for p in (DANA, NOAM)}
    with runtime.transaction() as s:
        guest = s.get(Guest, guest_id)
        s.add(Message(wamid="wamid.NOTE1", direction=Direction.inbound, phone=AVI, sender=AVI, kind="text",
                      body="Is there parking?", event_id=event_id, guest_id=guest_id, status=MessageStatus.answered,
                      payload={"type": "text", "text": {"body": "Is there parking?"}}))
        s.flush()
        rsvp.pass_on_note(s, guest, "Is there parking?", digest_seconds=180)
    with runtime.transaction() as s:                      # Dana sends *inbox*: she has read it
        dana = s.query(User).filter_by(phone=DANA).one()
        _event, items, _total, unread = inbox.list_items(s, dana, event_id)
        assert unread == 1
        inbox.mark_read(s, dana, event_id, inbox.newest_filed(items, s))
    drain(runtime, clock=lambda: utcnow() + timedelta(seconds=181))
    assert len(fake_graph.sent_to(DANA)) == seen[DANA]                       # no "new message" for her
    assert "Is there parking?" in fake_graph.sent_to(NOAM)[-1].text         # Noam hasn't read it


def test_a_note_a_teammate_already_answered_is_marked_so_in_the_digest(runtime, fake_graph):
    """Dana answers Avi's question from the inbox before the digest goes: Noam's digest still
    shows the question, marked answered, so he does not answer it again."""
    event_id, guest_id = _setup(runtime)
    fake_graph.open_window(NOAM), fake_graph.open_window(AVI)
    drain(runtime)
    with runtime.transaction() as s:
        guest = s.get(Guest, guest_id)
        for n, text in enumerate(("Is there parking?", "Can I bring my dog?")):
            s.add(Message(wamid=f"wamid.ASKED{n}", direction=Direction.inbound, phone=AVI, sender=AVI, kind="text",
                          body=text, event_id=event_id, guest_id=guest_id, status=MessageStatus.answered,
                          payload={"type": "text", "text": {"body": text}}))
            s.flush()
            rsvp.pass_on_note(s, guest, text, digest_seconds=180)
            if n == 0:
                dana = s.query(User).filter_by(phone=DANA).one()
                sending.message_guest(s, dana, event_id, guest_id, "Yes, free parking at gate 3")
    drain(runtime, clock=lambda: utcnow() + timedelta(seconds=181))
    digest = fake_graph.sent_to(NOAM)[-1].text
    assert digest.startswith("💬 2 new messages from guests:")
    parking, dog = digest.split("\n\n")[1:3]
    assert "Is there parking?" in parking and parking.endswith("↩️ answered")
    assert "Can I bring my dog?" in dog and "answered" not in dog    # asked after Dana wrote: still open
