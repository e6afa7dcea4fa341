"""The call list: who to phone (no answer, a maybe, an invitation that did not arrive),
split fairly among the admins and editors, and `called <ref> ...` recording the call and
the answer it brought."""
from __future__ import annotations

import re

from sqlalchemy import select

from storage.models import Guest, RsvpStatus
from tests.phone import Phone, phone_factory  # noqa: F401  (fixture)

DANA, NOAM, VERA = "+972521110001", "+972521110002", "+972521110003"
GUESTS = {"Avi": "+972541234001", "Bea": "+972541234002", "Cy": "+972541234003", "Dov": "+972541234004",
          "Eli": "+972541234005"}


def _names(reply: str) -> set[str]:
    return set(re.findall(r"^\d+\. (\w+)", reply, re.M))


def _event_with_invitations(phone_factory, fake_graph):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2027\nlocation: Hangar 11")
    dana.send("add guests\n" + "\n".join(f"{name} Cohen {phone}" for name, phone in GUESTS.items()))
    fake_graph.fail_number(GUESTS["Eli"])           # Eli is not on WhatsApp
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    dana.send("mark Avi yes")
    return dana


def test_the_list_is_split_among_admins_and_editors_and_covers_everyone(phone_factory, fake_graph):
    dana = _event_with_invitations(phone_factory, fake_graph)
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
    dana = _event_with_invitations(phone_factory, fake_graph)
    listing = dana.send("calls")
    first = re.search(r"^1\. (\w+)", listing, re.M).group(1)
    reply = dana.send("called 1 yes party 3")
    assert f"Noted the call with {first} Cohen" in reply and "coming, 3 people" in reply
    with runtime.transaction() as s:
        guest = s.scalar(select(Guest).where(Guest.first_name == first))
        assert (guest.status, guest.party_size, guest.call_outcome) == (RsvpStatus.confirmed, 3, "yes")
    assert first not in _names(dana.send("calls"))
    assert "Last call: coming (Dana)" in dana.send(f"guest {first}")


def test_no_answer_keeps_the_guest_on_the_list_with_a_note(phone_factory, fake_graph, runtime):
    dana = _event_with_invitations(phone_factory, fake_graph)
    dana.send("calls")
    assert "didn't pick up" in dana.send("called 2 no answer")
    assert "didn't pick up last time" in dana.send("calls")
    with runtime.transaction() as s:
        assert s.scalar(select(Guest).where(Guest.call_outcome == "no_answer")).status == RsvpStatus.invited


def test_hebrew_calls(phone_factory, fake_graph):
    dana = phone_factory(DANA, "דנה")
    dana.send("אירוע חדש חתונה\nתאריך: 12/6/2027\nמקום: האנגר 11")
    dana.send(f"הוסף אורח אבי כהן {GUESTS['Avi']}")
    dana.send("שלח הזמנות")
    dana.tap("confirm:yes", "כן")
    listing = dana.send("למי להתקשר")
    assert "אבי כהן" in listing and "עוד לא ענו" in listing
    assert "אבי כהן" in dana.send("התקשרתי ל-1 לא")


def test_a_viewer_cannot_log_a_call_and_nothing_changes(phone_factory, fake_graph, runtime):
    dana = _event_with_invitations(phone_factory, fake_graph)
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
