"""When unsure, ask — end to end through the webhook and the worker: a reading restated and
confirmed with [Yes] or dropped with [Not quite], a guest of two events picking the event
then confirming, "3 or more" asking for the number, and "one more" added to the party."""
from __future__ import annotations

from datetime import date

from bot.services import events, guests, sending
from bot.services.users import get_or_create_user
from bot.worker import drain
from storage.models import RsvpStatus
from tests.guest_helpers import GuestPhone, guest_row

ORGANISER = "+972541110000"
AVI = "+972541234001"


def _setup(runtime, name="Dana & Noam's wedding", when=date(2031, 6, 12), organiser=ORGANISER, **guest_kw):
    with runtime.transaction() as s:
        user = get_or_create_user(s, phone=organiser, display_name="Dana")
        event = events.create_event(s, user, name, date=when, location="Tel Aviv Port")
        gid = guests.add_guest(s, user, event.id, guests.GuestInput(first_name="Avi", last_name="Cohen", phone=AVI,
                                                                     **guest_kw)).id
        sending.send_invitations(s, user, event.id)
    drain(runtime)
    return gid


def _avi(client, runtime, fake_graph):
    avi = GuestPhone(runtime, fake_graph, AVI, client=client)
    avi.seen = len(fake_graph.sent_to(AVI))
    return avi


def test_an_unsure_reading_is_asked_back_and_yes_records_it(client, runtime, fake_graph):
    gid = _setup(runtime)
    avi = _avi(client, runtime, fake_graph)
    assert avi.send("we'll come, 2 or 3 of us") == ["Just to be sure: you're coming, 3 people?"]
    assert avi.buttons() == [f"sure:{gid}:yes", f"sure:{gid}:no"]
    assert guest_row(runtime, gid).status == RsvpStatus.invited   # nothing recorded yet
    replies = avi.tap(f"sure:{gid}:yes", "Yes")
    assert replies and replies[0].startswith("🎉 Wonderful, Avi! You're coming to Dana & Noam's wedding: 3 people.")
    assert (guest_row(runtime, gid).status, guest_row(runtime, gid).party_size) == (RsvpStatus.confirmed, 3)


def test_not_quite_records_nothing_and_asks_to_write_again(client, runtime, fake_graph):
    gid = _setup(runtime)
    avi = _avi(client, runtime, fake_graph)
    assert avi.send("we will come i guess") == ["Just to be sure: you're coming?"]
    assert avi.tap(f"sure:{gid}:no", "Not quite") == [
        "Sorry! Please write your answer again, e.g. \"yes, 3\" or \"no\"."]
    guest = guest_row(runtime, gid)
    assert (guest.status, guest.party_size, guest.answered_at) == (RsvpStatus.invited, None, None)
    # a stale [Yes] after [Not quite] records nothing either
    avi.tap(f"sure:{gid}:yes", "Yes")
    assert guest_row(runtime, gid).status == RsvpStatus.invited


def test_clear_answers_are_recorded_without_asking(client, runtime, fake_graph):
    gid = _setup(runtime)
    avi = _avi(client, runtime, fake_graph)
    replies = avi.send("אנחנו 2 + ילד")
    assert not any("Just to be sure" in r or "רק לוודא" in r for r in replies)
    guest = guest_row(runtime, gid)
    assert (guest.status, guest.party_size, guest.children) == (RsvpStatus.confirmed, 3, 1)
    replies = avi.send("I'm coming, my husband can't")
    assert not any("Just to be sure" in r for r in replies)
    assert guest_row(runtime, gid).party_size == 1


def test_a_guest_of_two_events_picks_the_event_then_confirms(client, runtime, fake_graph):
    wedding = _setup(runtime)
    party = _setup(runtime, name="Yoni's bar mitzvah", when=date(2031, 9, 1), organiser="+972541110009")
    avi = _avi(client, runtime, fake_graph)
    assert avi.send("we'll come, 2 or 3 of us") == [
        "You're invited to more than one event. Which one is this answer for?"]
    assert avi.buttons() == [f"pick:{wedding}", f"pick:{party}"]
    assert avi.tap(f"pick:{party}", "Yoni's bar mitzvah") == ["Just to be sure: you're coming, 3 people?"]
    assert guest_row(runtime, party).status == RsvpStatus.invited
    avi.tap(f"sure:{party}:yes", "Yes")
    assert (guest_row(runtime, party).status, guest_row(runtime, party).party_size) == (RsvpStatus.confirmed, 3)
    assert guest_row(runtime, wedding).status == RsvpStatus.invited


def test_three_or_more_asks_for_the_number(client, runtime, fake_graph):
    gid = _setup(runtime)
    avi = _avi(client, runtime, fake_graph)
    avi.tap(f"rsvp:{gid}:yes", "Yes")
    assert avi.tap(f"party:{gid}:more", "3 or more") == ["How many altogether, including you? Send a number, e.g. 4"]
    assert guest_row(runtime, gid).party_size is None   # not counted as 1
    assert avi.send("5") == ["👍 Got it: 5 people for Dana & Noam's wedding. Thank you!"]
    assert guest_row(runtime, gid).party_size == 5


def test_one_more_adds_to_a_confirmed_party(client, runtime, fake_graph):
    gid = _setup(runtime)
    avi = _avi(client, runtime, fake_graph)
    avi.tap(f"rsvp:{gid}:yes", "Yes")
    avi.tap(f"party:{gid}:2", "2")
    assert avi.send("one more") == ["👍 Got it: 3 people for Dana & Noam's wedding. Thank you!"]
    assert guest_row(runtime, gid).party_size == 3
    avi.send("עוד אחד")
    assert guest_row(runtime, gid).party_size == 4
    avi.send("one less")
    assert guest_row(runtime, gid).party_size == 3


def test_an_unsure_relative_change_is_asked_back(client, runtime, fake_graph):
    gid = _setup(runtime)
    avi = _avi(client, runtime, fake_graph)
    avi.tap(f"rsvp:{gid}:yes", "Yes")
    avi.tap(f"party:{gid}:2", "2")
    assert avi.send("one more?") == ["Just to be sure: you're coming, 3 people?"]
    assert guest_row(runtime, gid).party_size == 2
    avi.tap(f"sure:{gid}:yes", "Yes")
    assert guest_row(runtime, gid).party_size == 3


def test_one_more_before_any_count_asks_for_the_number(client, runtime, fake_graph):
    gid = _setup(runtime)
    avi = _avi(client, runtime, fake_graph)
    assert avi.send("one more") == ["How many altogether, including you? Send a number, e.g. 4"]
    avi.send("4")
    assert guest_row(runtime, gid).party_size == 4


def test_a_bare_number_that_would_change_a_confirmed_party_is_asked(client, runtime, fake_graph):
    gid = _setup(runtime)
    avi = _avi(client, runtime, fake_graph)
    avi.tap(f"rsvp:{gid}:yes", "Yes")
    avi.tap(f"party:{gid}:2", "2")
    assert avi.send("5") == ["Just to be sure: you're coming, 5 people?"]
    assert guest_row(runtime, gid).party_size == 2
    avi.tap(f"sure:{gid}:yes", "Yes")
    assert guest_row(runtime, gid).party_size == 5
    # said with words, a new count is recorded at once
    assert avi.send("we'll be 4") == ["👍 Got it: 4 people for Dana & Noam's wedding. Thank you!"]


def test_where_asked_with_another_question_gets_the_place_now_and_the_rest_passed_on(client, runtime, fake_graph):
    _setup(runtime)
    avi = _avi(client, runtime, fake_graph)
    details, passed = avi.send("איפה זה בדיוק? יש חניה?")
    assert "Tel Aviv Port" in details and "📅" in details
    assert passed == "תודה! העברתי את ההודעה למארגנים."
    assert any("יש חניה?" in m.text for m in fake_graph.sent_to(ORGANISER))


def test_i_think_we_will_come_is_a_maybe(client, runtime, fake_graph):
    gid = _setup(runtime)
    avi = _avi(client, runtime, fake_graph)
    assert avi.send("I think we'll come") == [
        "No problem, Avi. We'll check in again closer to Dana & Noam's wedding. Reply yes or no when you know."]
    guest = guest_row(runtime, gid)
    assert guest.status == RsvpStatus.invited and guest.answered_at is not None   # maybe: still pending
