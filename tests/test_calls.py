"""The call list: who to phone (no answer, a maybe, an invitation that did not arrive),
split fairly among the admins and editors, and `called <ref> ...` recording the call and
the answer it brought."""
from __future__ import annotations

import re

from datetime import timedelta

from sqlalchemy import select, update

from storage.models import Guest, RsvpStatus
from tests.phone import Phone, phone_factory  # noqa: F401  (fixture)

DANA, NOAM, VERA = "+972521110001", "+972521110002", "+972521110003"
GUESTS = {"Avi": "+972541234001", "Bea": "+972541234002", "Cy": "+972541234003", "Dov": "+972541234004",
          "Eli": "+972541234005"}


def _names(reply: str) -> set[str]:
    return set(re.findall(r"^\d+\. (\w+)", reply, re.M))


def _days_ago(runtime, days=2.1):
    """The invitations went out `days` ago: long enough to be worth a call."""
    with runtime.transaction() as s:
        for guest in s.scalars(select(Guest).where(Guest.invited_at.is_not(None))):
            guest.invited_at = guest.invited_at - timedelta(days=days)


def _event_with_invitations(phone_factory, fake_graph, runtime=None):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2027\nlocation: Hangar 11")
    dana.send("add guests\n" + "\n".join(f"{name} Cohen {phone}" for name, phone in GUESTS.items()))
    fake_graph.fail_number(GUESTS["Eli"])           # Eli is not on WhatsApp
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    dana.send("mark Avi yes")
    if runtime is not None:
        _days_ago(runtime)
    return dana


def test_the_list_is_split_among_admins_and_editors_and_covers_everyone(phone_factory, fake_graph, runtime):
    dana = _event_with_invitations(phone_factory, fake_graph, runtime)
    dana.send(f"add member {NOAM} editor")
    dana.send(f"add member {VERA} viewer")
    noam, vera = phone_factory(NOAM, "Noam"), phone_factory(VERA, "Vera")
    mine, theirs = dana.send("calls"), noam.send("calls")
    assert "Your calls for Wedding*: 2 of 4" in mine and "split among 2 of you" in mine
    assert _names(mine) | _names(theirs) == {"Bea", "Cy", "Dov", "Eli"}
    assert not _names(mine) & _names(theirs)
    assert "Avi" not in _names(mine) | _names(theirs)              # answered: nobody calls
    assert "the invitation didn't arrive" in mine + theirs          # Eli
    assert "+972 54-123-4005" in mine + theirs                      # tap-to-call
    assert _names(vera.send("calls")) == {"Bea", "Cy", "Dov", "Eli"}  # a viewer sees the whole list


def test_a_call_records_the_answer_and_takes_the_guest_off_the_list(phone_factory, fake_graph, runtime):
    dana = _event_with_invitations(phone_factory, fake_graph, runtime)
    listing = dana.send("calls")
    first = re.search(r"^1\. (\w+)", listing, re.M).group(1)
    reply = dana.send("called 1 yes party 3")
    assert f"Noted the call with {first} Cohen" in reply and "coming, 3 people" in reply
    with runtime.transaction() as s:
        guest = s.scalar(select(Guest).where(Guest.first_name == first))
        assert (guest.status, guest.party_size, guest.call_outcome) == (RsvpStatus.confirmed, 3, "yes")
    assert first not in _names(dana.send("calls"))
    assert re.search(r"Last call, [^:]+: coming \(Dana\)", dana.send(f"guest {first}"))


def test_no_answer_keeps_the_guest_on_the_list_with_a_note(phone_factory, fake_graph, runtime):
    dana = _event_with_invitations(phone_factory, fake_graph, runtime)
    dana.send("calls")
    assert "didn't pick up" in dana.send("called 2 no answer")
    assert "didn't pick up the phone last time" in dana.send("calls")
    with runtime.transaction() as s:
        assert s.scalar(select(Guest).where(Guest.call_outcome == "no_answer")).status == RsvpStatus.invited


def test_hebrew_calls(phone_factory, fake_graph, runtime):
    dana = phone_factory(DANA, "דנה")
    dana.send("אירוע חדש חתונה\nתאריך: 12/6/2027\nמקום: האנגר 11")
    dana.send(f"הוסף אורח אבי כהן {GUESTS['Avi']}")
    dana.send("שלח הזמנות")
    dana.tap("confirm:yes", "כן")
    _days_ago(runtime)
    listing = dana.send("למי להתקשר")
    assert "אבי כהן" in listing and "לא הגיבו להזמנה" in listing
    assert "אבי כהן" in dana.send("התקשרתי ל-1 לא")


def test_a_viewer_cannot_log_a_call_and_nothing_changes(phone_factory, fake_graph, runtime):
    dana = _event_with_invitations(phone_factory, fake_graph, runtime)
    dana.send(f"add member {VERA} viewer")
    vera = phone_factory(VERA, "Vera")
    assert "admin or editor" in vera.send("called Bea yes")
    with runtime.transaction() as s:
        assert s.scalar(select(Guest).where(Guest.first_name == "Bea")).call_outcome is None


def test_nobody_to_call_when_everyone_answered(phone_factory, fake_graph):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party\ndate: 12/6/2027\nlocation: Home")
    dana.send(f"add guest Avi Cohen {GUESTS['Avi']}")
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    dana.send("mark Avi no")
    assert "Nobody to call" in dana.send("calls")


def test_a_guest_the_invitation_never_reached_comes_with_their_page_to_send_by_sms(app_with, fake_graph):
    app = app_with(public_url="https://invites.example.com")
    dana = Phone(app.test_client(), app.extensions["invitebot"], fake_graph, DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2027\nlocation: Hangar 11")
    dana.send(f"add guests\nAvi Cohen {GUESTS['Avi']}\nEli Cohen {GUESTS['Eli']}")
    fake_graph.fail_number(GUESTS["Eli"])
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    _days_ago(app.extensions["invitebot"])
    listing = dana.send("calls")
    eli = listing[listing.index("Eli Cohen"):]
    assert "the invitation didn't arrive" in eli and "their page, to send by SMS: https://invites.example.com/r/" in eli
    avi = listing[listing.index("Avi Cohen"):listing.index("Eli Cohen")]
    assert "/r/" not in avi     # it reached Avi: no page needed


def test_before_the_invitations_go_out_there_is_nobody_to_call_yet(phone_factory):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party\ndate: 12/6/2027\nlocation: Home")
    dana.send(f"add guest Avi Cohen {GUESTS['Avi']}")
    assert "the invitations haven't gone out (*invite*)" in dana.send("calls")


def test_guests_invited_in_the_last_two_days_are_given_time_before_a_call(phone_factory, fake_graph, runtime):
    dana = _event_with_invitations(phone_factory, fake_graph)   # invited just now
    listing = dana.send("calls")
    assert _names(listing) == {"Eli"}            # the failed invitation is called at once
    assert "3 guests invited in the last 2 days aren't on it yet" in listing
    _days_ago(runtime)
    assert _names(dana.send("calls")) == {"Bea", "Cy", "Dov", "Eli"}


def test_nobody_to_call_yet_while_everyone_was_just_invited(phone_factory, fake_graph):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party\ndate: 12/6/2027\nlocation: Home")
    dana.send(f"add guest Avi Cohen {GUESTS['Avi']}")
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    reply = dana.send("calls")
    assert "Nobody to call for Party yet" in reply and "invited in the last 2 days" in reply


def test_more_pages_a_long_call_list(phone_factory, fake_graph, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Gala\ndate: 12/6/2027\nlocation: Home")
    dana.send("add guests\n" + "\n".join(f"Guest{n:02d} Cohen +9725411{n:05d}" for n in range(1, 23)))
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    _days_ago(runtime)
    first = dana.send("calls")
    assert "Guest01" in first and "Guest16" not in first
    more = dana.send("more")
    assert "Guest16" in more and "16." in more and "Guest01" not in more
    assert "whole call list" in dana.send("more")


def test_a_guest_who_asked_for_no_more_messages_is_on_the_list_as_only_reachable_by_phone(phone_factory, fake_graph,
                                                                                         runtime):
    dana = _event_with_invitations(phone_factory, fake_graph, runtime)
    bea = phone_factory(GUESTS["Bea"], "Bea")
    bea.send("stop")
    listing = dana.send("calls")
    line = next(line for line in listing.splitlines() if "Bea" in line)
    assert "asked for no more messages, so only a call will reach them" in line
    assert "hasn't opened" not in line
