"""The understanding layer's general rules (bot/chat/intents.py), each with examples of its own.

These are not corpus lines: each class of phrasing gets fresh examples, so a rule that only
memorised a corpus line fails here.
"""
from __future__ import annotations

from datetime import date

import pytest

from bot.chat import commands as C
from bot.chat import intents

TODAY = date(2026, 12, 4)   # a Friday


def read(text):
    return intents.understand(text, "IL", TODAY)


def cmd(text):
    return read(text).command


WRITES = tuple(spec.command for spec in C.COMMANDS if spec.writes and spec.command is not C.Cancel)


# ------------------------------------------------------------------ chit-chat is no command

@pytest.mark.parametrize("text", ["ערב טוב", "לילה טוב!", "שבוע טוב", "צהריים טובים", "good evening", "thanks!",
                                  "תודה רבה", "היי מה נשמע", "lol", "סבבה", "אחלה", "יופי", "מעולה"])
def test_greetings_and_acknowledgements_are_not_commands(text):
    assert isinstance(cmd(text), C.ParseError), cmd(text)


def test_a_verb_typo_needs_a_near_spelling():
    # "בוקר" is two edits from "עבור": a greeting, not "use event טוב"
    assert isinstance(cmd("בוקר אור"), C.ParseError)
    assert intents._edits("remvoe", "remove") == 1
    assert intents._edits("בוקר", "עבור") == 2


def test_explicit_yes_still_confirms():
    for text in ("כן", "yes", "בטח", "יאללה כן"):
        assert cmd(text) == C.Confirm("yes"), text


# ------------------------------------------------------------------ audiences are broadcasts

@pytest.mark.parametrize("text,status", [
    ("תשלחי לכל המגיעים: האוטובוס יוצא ב-18:00", "confirmed"),
    ("שלח לכל מי שעוד לא ענה: נא לאשר עד שלישי", "pending"),
    ("הודעה למי שסירב: נתראה בשמחות", "declined"),
    ("שלח לכל מי שאישר: החניה בחינם", "confirmed"),
    ("הודעה למי שאמרו שלא מגיעים: תודה על העדכון", "declined"),
])
def test_audience_phrases_broadcast(text, status):
    c = cmd(text)
    assert isinstance(c, C.Broadcast), c
    assert c.status == status
    assert not c.text.startswith(("כל", "מי", "ל"))


def test_an_audience_without_an_answer_is_asked_not_sent_to_one_guest():
    c = cmd("הודעה למי שהתקשר אתמול: תודה")
    assert not isinstance(c, C.MessageGuest)


def test_a_name_after_the_dash_stays_in_the_name():
    c = cmd("הודעה לרונית כהן - האוטובוס מחכה בכניסה")
    assert isinstance(c, C.MessageGuest)
    assert c.ref.text == "רונית כהן" and c.text == "האוטובוס מחכה בכניסה"


# ------------------------------------------------------------------ the team and "from the X"

@pytest.mark.parametrize("text", ["להוריד את 0541234567 מהצוות", "תוציא את 0541234567 מהשותפים",
                                  "remove the co-host from the event", "kick my partner off the team"])
def test_removing_from_the_team_is_remove_member(text):
    assert isinstance(cmd(text), C.RemoveMember), cmd(text)


def test_remove_someone_from_the_event_removes_the_guest_not_the_event():
    c = cmd("remove Gil Ofer from the event")
    assert isinstance(c, C.RemoveGuest) and c.ref.text == "Gil Ofer"


def test_who_are_the_partners_lists_the_team():
    assert isinstance(cmd("מי השותפים שלי?"), C.ListMembers)


# ------------------------------------------------------------------ reminders

@pytest.mark.parametrize("text,days", [
    ("תזכורת שבוע לפני האירוע", (7,)),
    ("תזכורות יומיים ושבוע לפני", (7, 2)),
    ("reminders a week and 2 days before", (7, 2)),
    ("automatic reminders 10 and 3 days before", (10, 3)),
])
def test_a_time_before_the_event_schedules_reminders(text, days):
    c = cmd(text)
    assert isinstance(c, C.Reminders), c
    assert tuple(sorted(c.days, reverse=True)) == days


@pytest.mark.parametrize("text", ["תזכיר לי להתקשר לצלם", "remind me to book the DJ", "תזכירי לי מחר לשלם"])
def test_remind_me_is_the_organisers_own_errand(text):
    assert isinstance(cmd(text), C.ParseError), cmd(text)


# ------------------------------------------------------------------ editing a guest

@pytest.mark.parametrize("text,who", [
    ("edit: הטלפון של רינה הוא 0523334444", "רינה"),
    ("המספר של אורי זה 052-333-4444", "אורי"),
    ("edit: Gal's number is 0523334444", "Gal"),
])
def test_the_phone_of_someone_is_an_edit_not_a_team_member(text, who):
    c = cmd(text)
    assert isinstance(c, C.EditGuest), c
    assert c.field == "phone" and c.value == "+972523334444" and c.ref.text == who


def test_party_nouns_and_side_statements():
    c = cmd("לעדכן את מספר המוזמנים של משפחת כץ ל-3")
    assert isinstance(c, C.EditGuest) and (c.field, c.value) == ("party", 3)
    c = cmd("רונית היא מהצד של הכלה, תעדכן")
    assert isinstance(c, C.EditGuest) and (c.field, c.value) == ("side", "bride")


# ------------------------------------------------------------------ adding guests

@pytest.mark.parametrize("text,first,party", [
    ("תוסיף את הדוד שמעון 0501231234", "שמעון", None),
    ("add my aunt Ruth 0501231234", "Ruth", None),
    ("תוסיף את בן דוד שלי עמית 0501231234 (3)", "עמית", 3),
    ("add Noam Peretz 0501231234 + wife", "Noam", 2),
    ("תוסיף את גלית 0501231234 היא מגיעה עם בעלה", "גלית", 2),
    ("add Tom 0501231234 +2", "Tom", 3),
])
def test_guest_names_lose_relation_words_and_say_the_party(text, first, party):
    c = cmd(text)
    assert isinstance(c, C.AddGuests), c
    g = c.guests[0]
    assert g.first_name == first and g.phone == "+972501231234"
    assert g.party_size == party
    assert "עם" not in (g.last_name or "") and "wife" not in (g.last_name or "")


def test_several_guests_on_one_line_between_commas():
    c = cmd("הוסף אורחים: שירה לוי 0501110000 (4), דן כהן 0502220000, מיכל 0503330000")
    assert isinstance(c, C.AddGuests)
    assert [g.first_name for g in c.guests] == ["שירה", "דן", "מיכל"]
    assert [g.party_size for g in c.guests] == [4, None, None]
    assert not read("הוסף אורחים: שירה לוי 0501110000 (4), דן כהן 0502220000").sure


# ------------------------------------------------------------------ marking answers

@pytest.mark.parametrize("text,party", [
    ("תסמני את משפחת ברק כמגיעים 6", 6),
    ("רונן מגיע לבד", 1),
    ("Dana is coming, 5 total", 5),
    ("Gil confirmed, party of 2", 2),
    ("תעדכן שאורית מגיעה, 3 סה״כ", 3),
    ("Avi is coming with his wife", 2),
])
def test_the_party_said_with_an_answer(text, party):
    c = cmd(text)
    assert isinstance(c, C.MarkGuest), c
    assert c.answer == "yes" and c.party_size == party


# ------------------------------------------------------------------ quoted values, new events

def test_quoted_values_are_taken_as_written():
    assert cmd("תשנה את שם האירוע ל״הבר מצווה של עידו״") == C.SetEventField("name", "הבר מצווה של עידו")
    assert cmd('rename the event to "Shir & Tal"') == C.SetEventField("name", "Shir & Tal")


@pytest.mark.parametrize("text,name,day,place", [
    ("אירוע חדש: ברית לתינוק של רז ב-3.2 באולם הנסיכה", "ברית לתינוק של רז", date(2027, 2, 3), "אולם הנסיכה"),
    ("אירוע חדש: חינה של ליאת 7/3 בבאר שבע", "חינה של ליאת", date(2027, 3, 7), "באר שבע"),
    ("אירוע חדש: יום הולדת לרון 1.4 בבני ברק", "יום הולדת לרון", date(2027, 4, 1), "בני ברק"),
    ("new event Omer's graduation party at Hangar 12", "Omer's graduation party", None, "Hangar 12"),
])
def test_date_and_place_split_out_of_a_new_events_name(text, name, day, place):
    c = cmd(text)
    assert isinstance(c, C.NewEvent), c
    assert (c.name, c.date, c.location) == (name, day, place)


# ------------------------------------------------------------------ reads are reads

@pytest.mark.parametrize("text,expected", [
    ("which invitations failed?", C.ListGuests),
    ("תראי לי את כל מי שסירב", C.ListGuests),
    ("who did we not send the invite to?", C.ListGuests),
    ("what is set for the event?", C.ShowEvent),
    ("what commands do you have", C.Help),
])
def test_questions_read_and_never_write(text, expected):
    c = cmd(text)
    assert isinstance(c, expected), c
    assert not isinstance(c, WRITES)


def test_a_question_about_the_bot_is_not_the_guest_list():
    assert isinstance(cmd("who built you?"), C.ParseError)
