"""Head counts and side remarks from a black-box review, answered as a guest would: "2 מבוגרים + 1"
is three people, and "רק לחופה" (only the ceremony) reaches the organisers."""
from __future__ import annotations

import pytest

from storage.models import RsvpStatus
from tests.guest_helpers import guest_row, invited_guest
from tests.phone import phone, phone_factory  # noqa: F401  (fixtures)

DANA, AVI = "+972521110001", "+972541234001"
WEDDING = "Dana & Noam's wedding"


def _setup(runtime, language="he"):
    return invited_guest(runtime, organiser=DANA, organiser_name="Dana", event_name=WEDDING, phone=AVI,
                         first="Avi", last="Cohen", language=language)


@pytest.mark.parametrize("text, language", [
    ("מגיעים 2 מבוגרים + 1", "he"),
    ("כן, 2 מבוגרים ועוד 1", "he"),
    ("yes, 2 adults + 1", "en"),
])
def test_one_more_after_the_grown_ups_comes_on_top(runtime, fake_graph, phone, text, language):
    gid = _setup(runtime, language)
    avi = phone(AVI, "Avi")
    reply = avi.send(text)
    assert "3" in reply, reply
    guest = guest_row(runtime, gid)
    assert (guest.status, guest.party_size) == (RsvpStatus.confirmed, 3)


@pytest.mark.parametrize("text, language, passed_on", [
    ("כן רק לחופה", "he", "📨 את שאר ההודעה העברתי למארגנים."),
    ("נגיע רק לחופה, לא נישאר לארוחה", "he", "📨 את שאר ההודעה העברתי למארגנים."),
    ("מגיעים! אבל רק לקבלת הפנים", "he", "📨 את שאר ההודעה העברתי למארגנים."),
    ("yes but only for the ceremony", "en", "📨 I've passed the rest of your message on to the organisers."),
    ("придём только на церемонию", "ru", None),
])
def test_coming_to_only_part_of_the_event_reaches_the_organisers(runtime, fake_graph, phone, text, language, passed_on):
    """The hosts seat and cater by who stays: "only the ceremony" beside a yes is recorded as a yes
    and waits in the inbox, and the guest is told it was passed on."""
    gid = _setup(runtime, language)
    dana, avi = phone(DANA, "Dana"), phone(AVI, "Avi")
    replies = avi.send(text).split("\n---\n")
    assert len(replies) == 2, replies
    if passed_on:
        assert replies[1] == passed_on
    assert guest_row(runtime, gid).status == RsvpStatus.confirmed
    listing = dana.send("inbox")
    assert "1 new" in listing and listing.count(text) == 1, listing


@pytest.mark.parametrize("plain", ["כן, רק אני", "yes, just the 2 of us", "נגיע לחתונה, 2"])
def test_a_plain_yes_with_only_or_the_event_named_stays_out_of_the_inbox(runtime, fake_graph, phone, plain):
    _setup(runtime)
    dana, avi = phone(DANA, "Dana"), phone(AVI, "Avi")
    assert len(avi.send(plain).split("\n---\n")) == 1
    assert "No messages from guests" in dana.send("inbox")
