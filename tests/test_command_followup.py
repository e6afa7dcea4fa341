"""A command with its main part missing ("אני רוצה ליצור אירוע חדש", "תשנה תאריך", "תוסיף אורח",
"הודעה לכל האורחים") asks for that part, and the next message may be just it: the event is created,
the date set, the guest added, the message planned, as if the command had been typed whole."""
from __future__ import annotations

from datetime import date

import pytest

from sqlalchemy import select

from storage.models import Event, Guest
from tests.phone import phone_factory  # noqa: F401  (fixture)

DANA = "+972521110001"


def _events(runtime) -> list[tuple]:
    with runtime.transaction() as s:
        return list(s.execute(select(Event.name, Event.date)).all())


def test_a_new_event_without_a_name_takes_the_next_message_as_its_name(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    asked = dana.send("אני רוצה ליצור אירוע חדש")
    assert "או פשוט לשלוח את זה עכשיו, בהודעה הבאה." in asked, asked
    assert _events(runtime) == []
    created = dana.send("החתונה של דנה ונועם")
    assert created.startswith("🎉 יצרתי את *החתונה של דנה ונועם*."), created
    assert _events(runtime) == [("החתונה של דנה ונועם", None)]


def test_a_date_asked_for_is_set_from_the_next_message(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party")
    assert "in your next message" in dana.send("set date")
    dana.send("20/6/2031")
    assert _events(runtime) == [("Party", date(2031, 6, 20))]


def test_a_guest_asked_for_is_added_from_the_next_message_even_several(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("אירוע חדש מסיבה")
    dana.send("תוסיף אורח")
    dana.send("דנה לוי 0501234567\nרון כהן 0507654321")
    with runtime.transaction() as s:
        assert set(s.scalars(select(Guest.first_name))) == {"דנה", "רון"}


def test_the_words_of_a_broadcast_come_in_the_next_message_and_are_asked_before_sending(phone_factory):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party\ndate: 20/6/2031")
    dana.send("add guest Avi Cohen 0541234001")
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    dana.send("הודעה לכל האורחים")
    planned = dana.send("החניה בחינם בחניון הצפוני")
    assert "החניה בחינם בחניון הצפוני" in planned and dana.last_buttons == ["confirm:yes", "confirm:no"], planned


def test_a_command_of_its_own_next_runs_as_itself_and_nothing_is_completed(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party")
    dana.send("set date")
    listing = dana.send("guests")
    assert "Party" in listing and "no guests" in listing.lower(), listing
    dana.send("Beach")   # no longer awaited: one message answers it, whatever it is
    assert _events(runtime) == [("Party", None)]


def test_words_that_do_not_complete_it_ask_again_and_change_nothing(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party")
    dana.send("set date")
    again = dana.send("sometime soon")
    assert "couldn't read the date" in again and "in your next message" in again, again
    dana.send("20/6/2031")
    assert _events(runtime) == [("Party", date(2031, 6, 20))]


@pytest.mark.parametrize("half, then", [("תשנה מקום", "עוד לא יודעים"), ("אני רוצה ליצור אירוע חדש", "רגע אני אחשוב על שם"),
                                        ("תשנה שם", "לא משנה"), ("הודעה לכל האורחים", "תודה")])
def test_not_knowing_yet_or_never_mind_leaves_everything_as_it_was(phone_factory, runtime, half, then):
    dana = phone_factory(DANA, "Dana")
    dana.send("אירוע חדש מסיבה")
    before = _events(runtime)
    dana.send(half)
    assert dana.send(then) == "בסדר, השארתי הכול כמו שהיה."
    assert _events(runtime) == before


def test_a_date_or_a_question_is_no_events_name(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("אני רוצה ליצור אירוע חדש")
    dana.send("12/8/2027")
    dana.send("אני רוצה ליצור אירוע חדש")
    dana.send("מה?")
    assert _events(runtime) == []


def test_a_guest_named_without_a_number_is_asked_for_it_and_added_with_it(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("אירוע חדש מסיבה")
    dana.send("תוסיף אורח")
    assert dana.send("אבי כהן").startswith("מה מספר הטלפון של אבי כהן?")
    assert dana.send("0541234567").startswith("✅ הוספתי את אבי כהן")
    with runtime.transaction() as s:
        assert s.scalars(select(Guest.phone)).all() == ["+972541234567"]


def test_an_answer_to_an_invitation_is_no_guest_to_add(phone_factory, runtime):
    """An organiser who is a guest elsewhere: "כן, נגיע 2" after "תוסיף אורח" adds nobody."""
    dana = phone_factory(DANA, "Dana")
    dana.send("אירוע חדש מסיבה")
    dana.send("תוסיף אורח")
    assert "נוספו" not in dana.send("כן, נגיע 2")
    with runtime.transaction() as s:
        assert s.scalars(select(Guest.id)).all() == []


def test_a_viewer_is_told_before_typing_the_guest(phone_factory):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party")
    dana.send("add viewer +972521234999")
    vic = phone_factory("+972521234999", "Vic")
    reply = vic.send("add guest")
    assert reply.startswith("Only an admin or editor of Party can") and "next message" not in reply, reply


def test_a_bad_date_is_asked_for_once_more_then_no_more(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party")
    dana.send("set date")
    assert "in your next message" in dana.send("sometime soon")
    second = dana.send("really soon")
    assert "couldn't read the date" in second and "next message" not in second, second
    dana.send("20/6/2031")    # waited for no longer: read as itself (a date guessed, asked first)
    assert _events(runtime) == [("Party", None)]


def test_what_after_a_half_command_asks_the_question_again(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("אירוע חדש מסיבה")
    dana.send("תשנה תאריך")
    again = dana.send("מה?")
    assert again.startswith("מה התאריך החדש?") and "בהודעה הבאה" in again, again
    dana.send("20/6/2031")
    assert _events(runtime) == [("מסיבה", date(2031, 6, 20))]
