"""An organiser names a guest the way people talk: a first name, a Hebrew prefix glued to
it ("שיוסי", "ליעל"), a family title ("הדודה דנה"). A guessed change names the guest as the
list has them before asking, and asks nothing about someone who isn't on the list."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from bot.chat import commands as C
from bot.text import i18n
from bot.text.guest_replies import greeting_name
from storage.models import Event, Guest, RsvpStatus
from tests.phone import phone_factory  # noqa: F401  (fixture)

DANA = "+972521234567"


def _wedding(phone_factory):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding")
    dana.send("add guests\nAvi Cohen 0502345671\nRon Levi 0502345672\nRon Mor 0502345673\n"
              "יוסי לוי 0502345674\nדנה כהן 0502345676")
    return dana


def _status(runtime, first_name: str):
    with runtime.transaction() as s:
        return s.scalar(select(Guest.status).where(Guest.first_name == first_name))


def test_a_guessed_mark_of_someone_not_on_the_list_asks_nothing(phone_factory, runtime):
    dana = _wedding(phone_factory)
    reply = dana.send("פזית כהן מגיעה")
    assert reply.startswith("לא מצאתי") and "פזית כהן" in reply and dana.last_buttons != ["confirm:yes", "confirm:no"]
    assert "nothing waiting" in dana.send("yes")


def test_a_guessed_mark_names_the_guest_in_full_before_asking(phone_factory, runtime):
    dana = _wedding(phone_factory)
    assert dana.send("Avi Cohen coming") == "Mark Avi Cohen as coming?"
    assert dana.send("avi coming") == "Mark Avi Cohen as coming?"
    dana.send("yes")
    assert _status(runtime, "Avi") == RsvpStatus.confirmed


def test_a_guessed_mark_of_a_name_two_guests_share_lists_them_and_changes_nothing(phone_factory, runtime):
    dana = _wedding(phone_factory)
    reply = dana.send("Ron not coming")
    assert "2 guests match “Ron”" in reply and "Ron Levi" in reply and "Ron Mor" in reply
    assert "nothing waiting" in dana.send("yes")
    assert {_status(runtime, "Ron")} == {RsvpStatus.invited}


def test_a_hebrew_prefix_or_a_family_title_still_finds_the_guest(phone_factory, runtime):
    dana = _wedding(phone_factory)
    assert "יוסי לוי" in dana.send("תסמני שיוסי מגיע עם 3")
    assert _status(runtime, "יוסי") == RsvpStatus.confirmed
    card = dana.send("אורח הדודה דנה")
    assert card.startswith("👤 *דנה כהן*")


@pytest.mark.parametrize("text,lang", [
    ("סמן Adam Katz מגיע 3", "he"), ("אירוע חדש Party at Tamar's", "he"), ("תוסיף את Ben Levy", "he"),
    ("guest רונית", "en"), ("add guest דנה 050-234-5678", "en"), ("שלום", "he"), ("hi", "en"), ("👍", None)])
def test_an_organisers_language_is_the_commands_not_the_names_typed_after_it(text, lang):
    assert i18n.detect_command_language(text) == lang


def test_a_hebrew_organiser_naming_things_in_english_is_answered_in_hebrew(phone_factory, runtime):
    tamar = phone_factory("+972541112233", "תמר")
    created = tamar.send("אירוע חדש Party at Tamar's\nתאריך: 12/7/2027")
    assert created.startswith("🎉 יצרתי את *\u2068Party at Tamar's\u2069*")
    with runtime.transaction() as s:
        assert s.scalar(select(Event.language)) == "he"      # the guests read Hebrew too
    tamar.send("הוסף אורח Adam Katz 0502345677")
    assert tamar.send("סמן Adam Katz מגיע 3").startswith("✅ סימנתי את \u2068Adam Katz\u2069 כמגיעים")


def test_a_first_name_one_letter_from_a_command_word_is_kept(phone_factory, runtime):
    dana = _wedding(phone_factory)
    assert "אורית שלום" in dana.send("הוסף אורח אורית שלום 0541110001")
    with runtime.transaction() as s:
        assert s.scalar(select(Guest.last_name).where(Guest.first_name == "אורית")) == "שלום"


def test_the_hebrew_list_of_who_has_not_answered_is_headed_in_the_plural(phone_factory):
    dana = _wedding(phone_factory)
    assert "(ממתינים)" in dana.send("מי לא ענה?").splitlines()[0]


def test_an_organiser_abroad_is_not_shown_the_rejected_number_as_the_example():
    refused = C.parse("add guest Dana 050-234-5678", "GB", date(2026, 12, 4))
    assert refused.message.startswith("That doesn't look like a phone number: 050-234-5678.")
    assert refused.message.endswith("Try: add guest Dana Levi +44 7400 123456")


@pytest.mark.parametrize("first, last, greeted", [
    ("סבא", "משה", "סבא משה"), ("דודה", "מרים", "דודה מרים"), ("סבתא", "רחל כהן", "סבתא רחל"), ("דוד", "ויס", "דוד ויס")])
def test_a_family_title_typed_before_the_name_is_greeted_with_the_name(first, last, greeted):
    assert greeting_name(first, last) == greeted


@pytest.mark.parametrize("first, last, greeted", [("Katz", "family", "Katz family"), ("משפחת", "אברהם", "משפחת אברהם"),
                                                  ("David and Ruth", "Benson", "David and Ruth"), ("חיים ורבקה", "לוי", "חיים ורבקה")])
def test_a_family_and_a_couple_are_greeted_whole(first, last, greeted):
    assert greeting_name(first, last) == greeted
