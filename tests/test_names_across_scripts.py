"""A guest's name written in the other script: an organiser who types "הודעה למייק" for Mike Smith,
or "mark Avi yes" for אבי כהן, is shown the names that sound like it to pick from, never a
write on a guess; a name that matches as written is used as before."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.text.sounds import skeleton, sound_alike
from storage.models import Guest, RsvpStatus
from tests.phone import phone_factory  # noqa: F401  (fixture)

DANA = "+972521110001"


@pytest.mark.parametrize("a, b", [("מייק", "Mike"), ("דני", "Danny"), ("יוסי", "Yossi"), ("שרה", "Sarah"),
                                  ("מיכאל", "Michael"), ("רחל", "Rachel"), ("חיים", "Chaim"), ("ג׳ני", "Jenny"),
                                  ("ג'ון", "John"), ("שמואל", "Shmuel"), ("אסתר", "Esther"), ("יצחק", "Yitzchak"),
                                  ("דניאלה", "Daniella"), ("אבי", "Avi")])
def test_names_that_sound_alike_across_scripts(a, b):
    assert sound_alike(a, b) and sound_alike(b, a)


@pytest.mark.parametrize("a, b", [("מייק", "Mark"), ("רחל", "Rafael"), ("דוד", "Dalia"), ("שרה", "Tamar"),
                                  ("שלומית", "Smith")])
def test_names_that_do_not_sound_alike(a, b):
    assert not sound_alike(a, b, closely=False)


def test_david_is_one_sound_from_dvd_and_found_only_when_nothing_is_closer():
    assert skeleton("דוד") == "DD" and skeleton("David") == "DBD"
    assert not sound_alike("דוד", "David") and sound_alike("דוד", "David", closely=False)
    assert sound_alike("צבי", "Zvi", closely=False)


def _list(dana) -> None:
    dana.send("אירוע חדש החתונה של דנה")
    dana.send("הוסף אורח Mike Smith 0541231234")
    dana.send("הוסף אורח Mark Cohen 0541231236")
    dana.send("הוסף אורח אבי כהן 0541231237")


def test_a_message_to_a_name_in_hebrew_lists_the_english_name_and_a_number_sends_it(phone_factory, fake_graph):
    dana = phone_factory(DANA, "Dana")
    _list(dana)
    asked = dana.send("הודעה למייק: החניה בחינם")
    assert asked.startswith("אין אורח בשם “מייק”, אבל השמות האלה נשמעים דומה:\n1. \u2068Mike Smith\u2069"), asked
    assert "Mark" not in asked                        # one sound further: not shown when a closer name is there
    assert not [m for m in fake_graph.sent_to("+972541231234") if m.type == "text"]   # nothing sent on a guess
    assert "Mike Smith" in dana.send("1")
    assert any("החניה בחינם" in str(m.payload) for m in fake_graph.sent_to("+972541231234"))


def test_an_english_name_for_a_hebrew_guest_is_offered_before_marking(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    _list(dana)
    offered = dana.send("mark Avi yes")
    assert "\u2068אבי כהן\u2069" in offered and "1." in offered, offered
    with runtime.transaction() as s:
        assert s.scalar(select(Guest.status).where(Guest.first_name == "אבי")) == RsvpStatus.invited
    dana.send("1")
    with runtime.transaction() as s:
        assert s.scalar(select(Guest.status).where(Guest.first_name == "אבי")) == RsvpStatus.confirmed


def test_find_shows_the_names_that_sound_alike_and_nobody_is_said_nobody(phone_factory):
    dana = phone_factory(DANA, "Dana")
    _list(dana)
    assert "Mike Smith" in dana.send("חפש מייק")
    assert dana.send("חפש שלומית") == "אף אורח בחתונה של דנה לא מתאים ל\"שלומית\"."


@pytest.mark.parametrize("typed, holder", [("סמן את רון כן", "אהרון כהן"), ("סמן טל לא", "נטלי לוי"),
                                           ("mark Dan yes", "Jordan Blake"), ("mark Avi yes", "David Green")])
def test_a_name_found_only_inside_another_is_offered_never_marked(phone_factory, runtime, typed, holder):
    """"רון" inside אהרון, "Avi" inside David: nobody is called that, so nobody is marked; the name
    that holds it is offered to pick."""
    dana = phone_factory(DANA, "Dana")
    dana.send("אירוע חדש החתונה של דנה")
    for n, name in enumerate(["אהרון כהן", "נטלי לוי", "Jordan Blake", "David Green"]):
        dana.send(f"הוסף אורח {name} 05412312{n:02d}")
    offered = dana.send(typed)
    assert holder in offered and "1." in offered, offered
    with runtime.transaction() as s:
        assert set(s.scalars(select(Guest.status))) == {RsvpStatus.invited}


def test_a_name_that_begins_a_guests_name_is_still_taken_at_once(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party")
    dana.send("add guest David Green 0541231200")
    assert dana.send("mark dav yes").startswith("✅ Marked David Green as coming")


def test_a_pick_list_left_unanswered_picks_nothing_after_another_command(phone_factory, fake_graph):
    dana = phone_factory(DANA, "Dana")
    _list(dana)
    dana.send("הודעה למייק: היי")
    dana.send("סמן את אבי כן")
    assert "שולח" not in dana.send("1")
    assert not any("היי" in str(m.payload) for m in fake_graph.sent_to("+972541231234"))


def test_a_surname_held_by_a_hebrew_and_an_english_guest_is_asked_not_sent(phone_factory, fake_graph):
    """"הודעה לכהן" with אבי כהן and Mark Cohen on the list: a message cannot be taken back, so both
    are offered; the number picked sends it, and the whole name still goes at once."""
    dana = phone_factory(DANA, "Dana")
    _list(dana)
    asked = dana.send("הודעה לכהן: שלום")
    assert "1. אבי כהן" in asked and "2. \u2068Mark Cohen\u2069" in asked, asked
    assert not [m for m in fake_graph.sent_to("+972541231237") + fake_graph.sent_to("+972541231236")
                if m.type == "text"]
    assert "Mark Cohen" in dana.send("2")
    assert any("שלום" in str(m.payload) for m in fake_graph.sent_to("+972541231236"))
    assert dana.send("הודעה לאבי כהן: תודה").startswith("📤 שולח את ההודעה שלך אל אבי כהן")


def test_a_number_off_the_pick_list_says_which_numbers_there_are_and_keeps_the_list(phone_factory, fake_graph):
    dana = phone_factory(DANA, "Dana")
    _list(dana)
    dana.send("הודעה למייק: החניה בחינם")
    assert dana.send("2") == "ברשימה יש רק שם אחד: שלחו *1* כדי לבחור בו, או כתבו את הפקודה מחדש."
    assert not [m for m in fake_graph.sent_to("+972541231234") if m.type == "text"]
    assert "Mike Smith" in dana.send("1")
    dana.send("הודעה לכהן: שלום")
    assert dana.send("3").startswith("המספרים ברשימה הם 1 עד 2")
