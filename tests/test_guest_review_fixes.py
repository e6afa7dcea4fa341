"""Guests through the real webhook: politeness never changes an answer, a greeting gets
the guest's help, and a guest's note reaches the organisers of one event only."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from bot.worker import drain
from bot.services import events, guests, sending
from bot.services.users import get_or_create_user
from storage.models import Event, Guest, RsvpStatus, utcnow
from tests.phone import phone, phone_factory  # noqa: F401  (fixtures)

DANA = "+972541110000"
BOB = "+972541110009"
AVI = "+972541234001"

WEDDING = "Dana & Noam's wedding"
BAR_MITZVAH = "Yoni's bar mitzvah"


def _event(runtime, organiser: str, name: str, when: date, guest_phone: str = AVI, invite: bool = True):
    with runtime.transaction() as s:
        user = get_or_create_user(s, phone=organiser, display_name=name.split()[0])
        event = events.create_event(s, user, name, date=when, location="Tel Aviv Port")
        guest = guests.add_guest(s, user, event.id, guests.GuestInput(first_name="Avi", last_name="Cohen",
                                                                        phone=guest_phone))
        if invite:
            sending.send_invitations(s, user, event.id)
        ids = event.id, guest.id
    drain(runtime, concurrency=1)
    return ids


def _move_to_the_past(runtime, event_id, days=30):
    with runtime.transaction() as s:
        s.get(Event, event_id).date = utcnow().date() - timedelta(days=days)


def _status(runtime, guest_id) -> RsvpStatus:
    with runtime.transaction() as s:
        return s.get(Guest, guest_id).status


def _texts(fake_graph, number: str) -> list[str]:
    return [m.text for m in fake_graph.sent_to(number)]


# ------------------------------------------------------------------ 1. politeness is not an answer

@pytest.mark.parametrize("polite", ["ok thanks 🙏", "ok", "k", "thanks 🙏", "🙏", "❤️", "👍", "תודה רבה 🙏"])
def test_a_polite_reply_after_declining_keeps_the_decline(runtime, fake_graph, phone, polite):
    _, gid = _event(runtime, DANA, WEDDING, date(2031, 6, 12))
    avi = phone(AVI, "Avi")
    avi.send("not coming")
    assert _status(runtime, gid) == RsvpStatus.declined
    notices = len(fake_graph.sent_to(DANA))

    reply = avi.send(polite)

    if polite in ("🙏", "❤️"):   # a heart or thanks without words: the warm line is enough
        assert reply == "😊 You're welcome, Avi!"
    else:
        assert reply in ("😊 You're welcome, Avi! You're down as not coming to Dana & Noam's wedding.",
                         "😊 בשמחה, \u2068Avi\u2069! רשמנו שלא תגיעו ל-\u2068Dana & Noam's wedding\u2069.")
    assert _status(runtime, gid) == RsvpStatus.declined
    assert len(fake_graph.sent_to(DANA)) == notices      # no notice, no note: nothing happened


def test_after_a_yes_thanks_says_what_stands_and_only_words_change_it(runtime, fake_graph, phone):
    _, gid = _event(runtime, DANA, WEDDING, date(2031, 6, 12))
    avi = phone(AVI, "Avi")
    avi.send("yes we are 3")
    assert avi.send("ok thanks") == "😊 You're welcome, Avi! You're down as coming to Dana & Noam's wedding, 3 people."
    assert avi.send("👍") == "😊 You're welcome, Avi! You're down as coming to Dana & Noam's wedding, 3 people."
    assert _status(runtime, gid) == RsvpStatus.confirmed
    assert avi.send("sorry, not coming after all").startswith("Thanks for letting us know, Avi.")
    assert _status(runtime, gid) == RsvpStatus.declined


@pytest.mark.parametrize("gesture", ["👍", "✅"])
def test_a_thumbs_up_to_an_unanswered_invitation_is_still_a_yes(runtime, fake_graph, phone, gesture):
    _, gid = _event(runtime, DANA, WEDDING, date(2031, 6, 12))
    avi = phone(AVI, "Avi")
    assert avi.send(gesture) == "🎉 Wonderful, Avi! How many people are coming to Dana & Noam's wedding, including you?"
    assert _status(runtime, gid) == RsvpStatus.confirmed


def test_ok_to_an_unanswered_invitation_asks_for_the_answer(runtime, fake_graph, phone):
    _, gid = _event(runtime, DANA, WEDDING, date(2031, 6, 12))
    avi = phone(AVI, "Avi")
    assert avi.send("ok") == "😊 You're welcome, Avi!\nWhat's your answer for Dana & Noam's wedding?"
    assert avi.last_buttons == [f"rsvp:{gid}:yes", f"rsvp:{gid}:no", f"rsvp:{gid}:maybe"]
    assert _status(runtime, gid) == RsvpStatus.invited
    assert _texts(fake_graph, DANA) == []


# ------------------------------------------------------------------ 3. a greeting gets the guest's help

ENGLISH_HELP = ("*yes* or *no*", "a number", "*details*", "*stop*")
HEBREW_HELP = ("*כן* או *לא*", "מספר", "*פרטים*", "*הסר*")


@pytest.mark.parametrize("greeting, lines", [("help", ENGLISH_HELP), ("hi", ENGLISH_HELP), ("Hello!", ENGLISH_HELP),
                                             ("שלום", HEBREW_HELP)])
def test_a_greeting_gets_the_guest_help_not_the_organisers(runtime, fake_graph, phone, greeting, lines):
    _event(runtime, DANA, WEDDING, date(2031, 6, 12))
    reply = phone(AVI, "Avi").send(greeting)
    assert reply.startswith("👋 ") and "Dana & Noam's wedding" in reply
    for line in lines:
        assert f"• {line}" in reply
    assert _texts(fake_graph, DANA) == []


# ------------------------------------------------------------------ 2. a note reaches one event's organisers

def test_a_note_with_two_open_invitations_asks_which_event_and_tells_only_its_organisers(
        runtime, fake_graph, phone):
    _, wedding_guest = _event(runtime, DANA, WEDDING, date(2031, 6, 12))
    _event(runtime, BOB, BAR_MITZVAH, date(2031, 9, 1))
    avi = phone(AVI, "Avi")

    assert avi.send("Can I bring my dog?") == "Which event is your message about? I'll pass it to its organisers."
    assert _texts(fake_graph, DANA) == [] and _texts(fake_graph, BOB) == []
    assert len(avi.last_buttons) == 2

    assert avi.tap(f"pick:{wedding_guest}", WEDDING) == "Thanks! I've passed your message to the organisers."
    assert _texts(fake_graph, DANA) == ["💬 Avi Cohen (guest of Dana & Noam's wedding) wrote: “Can I bring my dog?”"]
    assert _texts(fake_graph, BOB) == []


def test_a_note_never_reaches_the_organisers_of_a_past_event(runtime, fake_graph, phone):
    _event(runtime, DANA, WEDDING, date(2031, 6, 12))
    past_event, _ = _event(runtime, BOB, BAR_MITZVAH, date(2031, 9, 1))
    _move_to_the_past(runtime, past_event)
    avi = phone(AVI, "Avi")
    assert avi.send("Can I bring my dog?") == "Thanks! I've passed your message to the organisers."
    assert _texts(fake_graph, DANA) == ["💬 Avi Cohen (guest of Dana & Noam's wedding) wrote: “Can I bring my dog?”"]
    assert _texts(fake_graph, BOB) == []


def test_a_note_about_nothing_current_is_passed_to_no_one(runtime, fake_graph, phone):
    first, _ = _event(runtime, DANA, WEDDING, date(2031, 6, 12))
    second, _ = _event(runtime, BOB, BAR_MITZVAH, date(2031, 9, 1))
    _move_to_the_past(runtime, first, 60)
    _move_to_the_past(runtime, second, 30)
    reply = phone(AVI, "Avi").send("Can I bring my dog?")
    assert "haven't passed it on" in reply
    assert _texts(fake_graph, DANA) == [] and _texts(fake_graph, BOB) == []


def test_a_note_about_the_only_event_reaches_it_even_after_the_date(runtime, fake_graph, phone):
    event_id, _ = _event(runtime, DANA, WEDDING, date(2031, 6, 12))
    _move_to_the_past(runtime, event_id)
    assert phone(AVI, "Avi").send("Thank you for a lovely evening, the food was great") == \
        "😊 Thank you for your kind words, Avi! I've passed your message on to the organisers."
    assert _texts(fake_graph, DANA) == [
        "💬 Avi Cohen (guest of Dana & Noam's wedding) wrote: “Thank you for a lovely evening, the food was great”"]
