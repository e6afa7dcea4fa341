"""After an organiser's only event is gone (deleted, or left), the bot does not greet them as a newcomer: it says
they have no events now and how to open one. Someone who never had an event still gets the first-time welcome."""
from __future__ import annotations

from tests.phone import phone, phone_factory  # noqa: F401  (fixtures)

DANA, NEWCOMER = "+972521110001", "+972521110077"
WELCOME = "👋 Hi! I run event invitations"


def test_after_deleting_the_only_event_events_says_none_now_and_how_to_open_one(runtime, fake_graph, phone):
    dana = phone(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2031\nlocation: Tel Aviv")
    dana.send("delete event")
    assert "Deleted Wedding" in dana.tap("confirm:yes", "Yes")

    for text in ("events", "guests", "hi", "stats"):
        reply = dana.send(text)
        assert WELCOME not in reply, (text, reply)
        assert "You have no events now" in reply and "new event" in reply, (text, reply)

    dana.send("new event Party")                      # and a new one opens as before
    assert "Party" in dana.send("events")


def test_after_deleting_in_hebrew_it_is_said_in_hebrew(runtime, fake_graph, phone):
    dana = phone(DANA, "Dana")
    dana.send("אירוע חדש חתונה\nתאריך: 12/6/2031")
    dana.send("מחק אירוע")
    dana.tap("confirm:yes", "כן")
    reply = dana.send("האירועים שלי")
    assert "אין לכם אירועים כרגע" in reply and "אירוע חדש" in reply and "👋" not in reply


def test_a_newcomer_still_gets_the_welcome(runtime, fake_graph, phone):
    reply = phone(NEWCOMER, "New").send("events")
    assert WELCOME in reply and "You have no events now" not in reply
