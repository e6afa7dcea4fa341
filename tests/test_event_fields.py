"""An event's date, time and place said the loose way ("תאריך 12.8.2027", no colon): an
empty field is simply set; a field that has a value is changed only after a yes."""
from __future__ import annotations

from datetime import date, time

from sqlalchemy import select

from storage.models import Event
from tests.phone import phone_factory  # noqa: F401  (fixture)

MAYA = "+972521234567"


def _event(runtime) -> Event:
    with runtime.transaction() as s:
        event = s.scalar(select(Event))
        s.expunge(event)
        return event


def test_loose_fields_right_after_a_new_event_are_set_without_a_question(phone_factory, runtime):
    maya = phone_factory(MAYA, "מאיה")
    maya.send("אירוע חדש החתונה של מאיה ואורי")
    for line in ("תאריך 12.8.2027", "שעה 19:30", "מקום גני התערוכה חולון"):
        reply = maya.send(line)
        assert maya.last_buttons != ["confirm:yes", "confirm:no"], (line, reply)
    event = _event(runtime)
    assert (event.date, event.start_time, event.location) == (date(2027, 8, 12), time(19, 30), "גני התערוכה חולון")
    question = maya.send("תאריך 13.8.2027")          # a date is there now: changing it is asked
    assert maya.last_buttons == ["confirm:yes", "confirm:no"] and "13" in question
    assert _event(runtime).date == date(2027, 8, 12)


def test_a_loose_date_before_any_event_shows_how_to_create_one(phone_factory, runtime):
    maya = phone_factory(MAYA, "מאיה")
    reply = maya.send("תאריך 14.8.2027")
    assert "אירוע חדש" in reply and maya.last_buttons != ["confirm:yes", "confirm:no"]
    with runtime.transaction() as s:
        assert s.scalar(select(Event)) is None


def test_a_date_inside_another_sentence_is_still_asked_about(phone_factory, runtime):
    """Only a line that starts with the field's label is set at once: a new event described
    in passing must not give the current one its date."""
    dana = phone_factory("+972529876543", "Dana")
    dana.send("new event Party")
    question = dana.send("new wedding event - Rachel and Avi, May 27 2027, Setai rooftop Jaffa")
    assert dana.last_buttons == ["confirm:yes", "confirm:no"] and "27 May 2027" in question
    assert _event(runtime).date is None
