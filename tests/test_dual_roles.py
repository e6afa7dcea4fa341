"""Someone who organises one event (A) and is invited to another (B): stop/start, details
and typed answers are about B; the organiser's pending question wins a bare yes or stop;
a note that could be either is asked about, with a button to pass it on."""
from __future__ import annotations

from datetime import date

from bot.services import events, guests, sending
from bot.services.users import get_or_create_user
from bot.worker import drain
from storage.models import RsvpStatus
from tests.guest_helpers import GuestPhone, guest_row

DANA = "+972541110000"      # organises A, invited to B
RONI = "+972541110009"      # organises B


def _setup(runtime):
    with runtime.transaction() as s:
        dana = get_or_create_user(s, phone=DANA, display_name="Dana")
        events.create_event(s, dana, "Dana's launch", date=date(2031, 5, 1), location="Haifa")
        roni = get_or_create_user(s, phone=RONI, display_name="Roni")
        b = events.create_event(s, roni, "Roni's wedding", date=date(2031, 6, 12), location="Tel Aviv Port")
        gid = guests.add_guest(s, roni, b.id, guests.GuestInput(first_name="Dana", last_name="Levi", phone=DANA)).id
        sending.send_invitations(s, roni, b.id)
    drain(runtime)
    return gid


def _dana(client, runtime, fake_graph):
    phone = GuestPhone(runtime, fake_graph, DANA, client=client)
    phone.seen = len(fake_graph.sent_to(DANA))
    return phone


def test_stop_opts_out_as_a_guest_and_start_undoes(client, runtime, fake_graph):
    gid = _setup(runtime)
    dana = _dana(client, runtime, fake_graph)
    assert dana.send("stop") == ["You won't get more messages about your invitations. "
                                 "Your own events are not affected. Send START to undo."]
    assert guest_row(runtime, gid).opted_out is True
    assert dana.send("start") == ["Welcome back! You'll get messages about your invitations again. "
                                  "Your own events are not affected."]
    assert guest_row(runtime, gid).opted_out is False


def test_details_show_the_invitation_not_the_own_event(client, runtime, fake_graph):
    _setup(runtime)
    dana = _dana(client, runtime, fake_graph)
    for word in ("details", "פרטים"):
        (reply,) = dana.send(word)
        assert "Roni's wedding" in reply and "Tel Aviv Port" in reply and "Dana's launch" not in reply
    # naming the event is the organiser's own view
    replies = dana.send("event details")
    assert any("Dana's launch" in r for r in replies)


def test_typed_answers_answer_the_invitation(client, runtime, fake_graph):
    gid = _setup(runtime)
    dana = _dana(client, runtime, fake_graph)
    replies = dana.send("we're coming, 2 of us")
    guest = guest_row(runtime, gid)
    assert replies, replies
    assert (guest.status, guest.party_size) == (RsvpStatus.confirmed, 2), replies
    dana.send("yes, we'll be 3")     # no question of theirs is waiting: it answers the invitation
    assert guest_row(runtime, gid).party_size == 3
    dana.send("sorry, we can't come after all")
    assert guest_row(runtime, gid).status == RsvpStatus.declined


def test_the_organisers_pending_question_wins(client, runtime, fake_graph):
    gid = _setup(runtime)
    dana = _dana(client, runtime, fake_graph)
    question = dana.send("delete event")
    assert question and dana.buttons() == ["confirm:yes", "confirm:no"], question
    dana.send("stop")            # cancels the question, does not opt out
    assert guest_row(runtime, gid).opted_out is False
    dana.send("delete event")
    dana.send("no")              # answers the question, not the invitation
    assert guest_row(runtime, gid).status == RsvpStatus.invited


def test_a_note_that_could_be_either_is_asked_about(client, runtime, fake_graph):
    gid = _setup(runtime)
    dana = _dana(client, runtime, fake_graph)
    (reply,) = dana.send("Is there parking?")
    assert reply.startswith("Is this a message for the organisers of Roni's wedding")
    assert dana.buttons() == [f"pick:{gid}"]
    roni = GuestPhone(runtime, fake_graph, RONI)
    roni.receive()
    passed = dana.tap(f"pick:{gid}", "Pass it on")
    assert passed and "passed" in passed[0].lower()
    assert any("Is there parking?" in text for text in roni.receive())   # the organiser reads it


def test_removing_someone_from_her_own_event_is_a_command_not_an_opt_out(client, runtime, fake_graph):
    gid = _setup(runtime)
    with runtime.transaction() as s:
        dana = get_or_create_user(s, phone=DANA)
        launch, _member = events.list_events(s, dana)[0]
        guests.add_guest(s, dana, launch.id, guests.GuestInput(first_name="פנינה", phone="+972541110055"))
        guests.add_guest(s, dana, launch.id, guests.GuestInput(first_name="Pnina", phone="+972541110056"))
    dana = _dana(client, runtime, fake_graph)
    for text in ("הסר אורח פנינה", "remove guest Pnina"):
        replies = dana.send(text)
        assert not any("Your own events are not affected" in r or "האירועים שאתם מארגנים" in r for r in replies), replies
        assert guest_row(runtime, gid).opted_out is False
        assert dana.buttons() == ["confirm:yes", "confirm:no"], replies   # asked before Pnina is removed
        dana.send("no")
    assert guest_row(runtime, gid).status == RsvpStatus.invited   # the "no" answered the question, not the invitation
