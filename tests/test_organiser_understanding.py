"""The organiser understanding layer: the corpus score, no wrong writes, and issue 13's examples."""
from __future__ import annotations

import importlib.util
import re
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.chat import commands as C
from bot.chat import intents
from storage.models import EventMember, Guest, User
from tests.phone import phone_factory  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 12, 4)
MIN_OVERALL = 95.0   # the issue's bar (reached 97.9 % with the new commands appended)
MIN_BY_LANG = {"he": 95.0, "en": 95.0, "mixed": 95.0}


def _bench():
    spec = importlib.util.spec_from_file_location("organiser_understanding", ROOT / "bench" / "organiser_understanding.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_corpus_accuracy_and_no_wrong_writes():
    bench = _bench()
    result = bench.score()
    assert result["wrong_writes"] == [], result["wrong_writes"]
    assert result["accuracy"] >= MIN_OVERALL, result["accuracy"]
    for lang, floor in MIN_BY_LANG.items():
        assert result["by_lang"][lang] >= floor, (lang, result["by_lang"][lang])


def test_the_later_development_set_keeps_its_level_and_writes_nothing_it_was_not_asked():
    """fresh3 to fresh19 were written apart from the grammar (77.7, 75.9, 63.5, 83.3, 77.3, 69.0, 68.5, 70.5,
    79.4, 72.0, 90.5, 83.5, 90.5, 87.2, 90.0 and 89.0 % when first run; fresh19: 81.2 % when first run, now 100.0 %;
    fresh20: 91.1 % when first run, now 97.2 %; fresh21: 90.6 % when first run, now 99.4 %;
    fresh22: 93.8 % when first run, now 99.4 %; fresh23: 85.6 % when first run, now 98.8 %;
    fresh11, fresh13, fresh14, fresh15, fresh16, fresh17, fresh18, fresh19, fresh20, fresh21, fresh22 and fresh23 were held out until they
    had been run once),
    then worked on class by class; the few wrong writes left are asked before they run."""
    bench = _bench()
    for name, floor in (("fresh3", 94.0), ("fresh4", 90.0), ("fresh5", 90.0), ("fresh6", 93.0), ("fresh7", 95.0),
                        ("fresh8", 93.0), ("fresh9", 90.0), ("fresh10", 92.0), ("fresh11", 98.0),
                        ("fresh12", 91.0), ("fresh13", 98.0), ("fresh14", 94.0),
                        ("fresh15", 98.0), ("fresh16", 95.0), ("fresh17", 98.0), ("fresh18", 98.0),
                        ("fresh19", 98.0), ("fresh20", 96.0), ("fresh21", 98.5), ("fresh22", 99.0),
                        ("fresh23", 98.5)):
        result = bench.score(ROOT / "tests" / "corpora" / f"{name}_organiser_commands.jsonl")
        assert result["accuracy"] >= floor, (name, result["accuracy"])
        assert len(result["wrong_writes"]) <= 2, (name, result["wrong_writes"])


def read(text):
    return intents.understand(text, "IL", TODAY)


def cmd(text):
    return read(text).command


@pytest.mark.parametrize("text,kind,args", [
    ("כמה אישרו?", C.Stats, {}),
    ("how many confirmed?", C.Stats, {}),
    ("מי לא ענה?", C.ListGuests, {"status": "pending"}),
    ("who hasn't answered", C.ListGuests, {"status": "pending"}),
    ("who's coming?", C.ListGuests, {"status": "confirmed"}),
    ("send the invites", C.Invite, {}),
    ("שלח הזמנות", C.Invite, {}),
    ("remind everyone who didn't reply", C.Remind, {}),
    ("תזכורת למי שלא ענה", C.Remind, {}),
    ("delete this event", C.DeleteEvent, {}),
    ("rename the event to X", C.SetEventField, {"field": "name", "value": "X"}),
    ("switch to hebrew", C.SetLanguage, {"code": "he"}),
    ("עזוב", C.Cancel, {}),
    ("תמחק את דני", C.RemoveGuest, {}),
    ("רשימת אורחים", C.ListGuests, {}),
])
def test_questions_and_phrasings(text, kind, args):
    got = cmd(text)
    assert isinstance(got, kind), got
    for key, value in args.items():
        assert getattr(got, key) == value


def test_dates_in_every_common_form():
    for text in ("12.6.27", "June 12", "ב-12 ביוני", "12/6/2027"):
        found, _rest = intents.find_date(f"set it {text}", TODAY)
        assert found == date(2027, 6, 12), text
    got = cmd("change the date to June 12")
    assert got == C.SetEventField("date", date(2027, 6, 12))
    assert cmd("תאריך 12.6.27") == C.SetEventField("date", date(2027, 6, 12))


def test_new_event_takes_the_date_out_of_the_name():
    got = cmd("new event Itay's Bar Mitzvah on 21/10/2027")
    assert got.name == "Itay's Bar Mitzvah" and got.date == date(2027, 10, 21)


def test_audience_is_the_one_the_words_name():
    got = cmd("message everyone who hasn't replied: please rsvp by Thursday")
    assert got == C.Broadcast(text="please rsvp by Thursday", status="pending")


def test_side_out_of_the_name_and_asks():
    r = read("Jack Turner, 054-100-0012, groom")
    assert not r.sure
    g = r.command.guests[0]
    assert (g.first_name, g.last_name, g.side) == ("Jack", "Turner", "groom")
    g = cmd("add guests\nJack Turner, 054-100-0012, groom").guests[0]
    assert (g.last_name, g.side) == ("Turner", "groom")


def test_statement_marks_with_party():
    r = read("דני מגיע עם 3")
    assert r.command == C.MarkGuest(C.Ref("דני"), "yes", 3)
    assert not r.sure   # a statement read as a command asks first


@pytest.mark.parametrize("text,role", [
    ("add 0507776655 as admin", "admin"),
    ("add my mom as editor 052-345-6781", "editor"),
    ("הוסף מנהל 0541231234", "admin"),
    ("תוסיף admin 0507776655", "admin"),
])
def test_roles_make_members_never_guests(text, role):
    got = cmd(text)
    assert isinstance(got, C.AddMember) and got.role == role


def test_rename_a_guest_is_an_edit_and_asks():
    r = read("rename Mike to Michael")
    assert r.command == C.EditGuest(C.Ref("Mike"), "name", "Michael")
    assert not r.sure


def test_typo_verb_asks_instead_of_adding_a_guest_named_gust():
    r = read("add gust Dana 0501234567")
    assert not r.sure
    assert r.command.guests[0].first_name == "Dana"


def test_exact_commands_stay_sure():
    r = read("add guest Dana Levi 050-234-5678")
    assert r.sure and r.command.guests[0].first_name == "Dana"
    assert read("guests pending").command == C.ListGuests(status="pending")


def test_no_guest_named_by_a_date():
    r = read("add guest Dana 12/6/2027 0501234567")
    assert isinstance(r.command, C.ParseError) or not r.sure


def test_a_guessed_command_survives_the_pending_question():
    for text in ("דני מגיע עם 3", "change the date to June 12", "Jack Turner, 054-100-0012, groom"):
        command = cmd(text)
        assert intents.decode(intents.encode(command)) == command


# --------------------------------------------------------------------------- guarded writes, end to end

def _members(runtime) -> set[str]:
    with runtime.transaction() as s:
        return set(s.scalars(select(User.phone).join(EventMember, EventMember.user_id == User.id)))


def _guest_names(runtime) -> list[str]:
    with runtime.transaction() as s:
        return [g.full_name for g in s.scalars(select(Guest))]


def test_a_write_read_from_loose_words_is_restated_and_done_only_on_yes(phone_factory, runtime):
    dana = phone_factory("+972521234567", "Dana")
    dana.send("new event Wedding")
    question = dana.send("add my mom as editor 052-345-6781")
    assert "editor" in question and "?" in question and dana.last_buttons == ["confirm:yes", "confirm:no"]
    assert "+972523456781" not in _members(runtime) and _guest_names(runtime) == []  # nothing yet
    dana.tap("confirm:yes", "Yes")
    assert "+972523456781" in _members(runtime) and _guest_names(runtime) == []   # a member, not a guest
    question = dana.send("add gust Dana 0501234567")
    assert "Dana" in question and "?" in question
    dana.tap("confirm:no", "No")
    assert _guest_names(runtime) == []  # a typo'd verb never adds on its own


@pytest.mark.parametrize("text,name,role", [
    ("תעשה את Maya admin", "Maya", "admin"), ("תעשי את דנה מנהלת", "דנה", "admin"),
])
def test_making_someone_a_role_in_hebrew_changes_the_role_and_asks(text, name, role):
    r = read(text)
    assert r.command == C.ChangeRole(C.Ref(name), role) and not r.sure


@pytest.mark.parametrize("text,question,options", [
    ("ask guests: meat or fish?", "meat or fish?", ("meat", "fish")),
    ("שאל את האורחים: בשר או דג?", "בשר או דג?", ("בשר", "דג")),
    ("ask Meal? meat / fish", "Meal?", ("meat", "fish")),
])
def test_a_question_that_names_its_choices_is_asked_with_them(text, question, options):
    assert cmd(text) == C.Ask(question, options)


def test_a_question_without_choices_still_asks_for_them():
    assert isinstance(cmd("ask will you need a ride?"), C.ParseError)


@pytest.mark.parametrize("text", ["תשלח לאורחים הודעה יום לפני האירוע", "send the guests a message the day before"])
def test_asking_for_a_message_the_day_before_turns_on_the_day_before_kit_not_a_broadcast(text):
    r = read(text)
    assert r.command == C.DayBefore(on=True) and not r.sure


def test_a_broadcast_whose_words_mention_the_day_before_stays_a_broadcast():
    assert cmd("broadcast: we send a message the day before with the address") == \
        C.Broadcast("we send a message the day before with the address", None, None)


@pytest.mark.parametrize("text,expected", [
    ("תוריד את סיוון להרשאת צפייה בלבד", C.ChangeRole(C.Ref("סיוון"), "viewer")),
    ("switch to hebrew pls", C.SetLanguage("he")),
    ("to all the maybes - please let us know by Sunday!", C.Broadcast("please let us know by Sunday!", "maybe")),
    ('לכל מי שלא ענה תכתוב "נשמח לתשובה עד יום ראשון"', C.Broadcast("נשמח לתשובה עד יום ראשון", "pending")),
    ("תפיצי לכל מי שאישר: מי שצריך הסעה שיכתוב לנו עד חמישי",
     C.Broadcast("מי שצריך הסעה שיכתוב לנו עד חמישי", "confirmed")),
    ("can you ask everyone coming: need a ride from Tel Aviv? yes / no",
     C.Ask("need a ride from Tel Aviv?", ("yes", "no"))),
    ("תכתוב בהערות של משפחת גבאי שהם צריכים הסעה", C.EditGuest(C.Ref("משפחת גבאי"), "note", "הם צריכים הסעה")),
])
def test_loose_words_reach_the_command_they_name_not_a_write_on_someone(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text", ["delete everything", "תמחק את כולם", "remove all guests"])
def test_removing_everyone_at_once_is_refused_with_the_way_to_do_it(text):
    r = cmd(text)
    assert isinstance(r, C.ParseError) and "delete event" in r.message


def test_arrange_is_not_a_typo_of_remove():
    assert not isinstance(cmd("תסדר לי את המשפחה של אבא"), C.RemoveGuest)


@pytest.mark.parametrize("text,first,last,side,party", [
    ("הוסף אורחת חדשה - ליאת מלכה, 050 765 4329, צד חתן, 2 מקומות", "ליאת", "מלכה", "groom", 2),
    ("תוסיף בבקשה: יונתן שמש, 0536661122, צד חתן, 4 אנשים", "יונתן", "שמש", "groom", 4),
    ("תוסיף את עדן 0525858585 + בת הזוג שלו", "עדן", "", None, 2),
    ("can you add my cousin Natalie, 054 223 9087, she's bringing her boyfriend", "Natalie", "", None, 2),
    ("add Noa to the guests, her number is +972 58 707 0707", "Noa", "", None, None),
])
def test_a_guest_said_in_a_sentence_is_added_without_the_sentence(text, first, last, side, party):
    (g,) = cmd(text).guests
    assert (g.first_name, g.last_name, g.side, g.party_size) == (first, last, side, party)


@pytest.mark.parametrize("text,expected", [
    ("Noa's party is actually 3 not 2", C.EditGuest(C.Ref("Noa"), "party", 3)),
    ("the Dahans are 6 now, update pls", C.EditGuest(C.Ref("Dahan"), "party", 6)),
    ("תשני לאורנית את מספר המגיעים ל-2", C.EditGuest(C.Ref("אורנית"), "party", 2)),
    ("עדי עוברת לצד של הכלה", C.EditGuest(C.Ref("עדי"), "side", "bride")),
    ("whatsapp guest 9: your table is number 4", C.MessageGuest(C.Ref("9", number=9), "your table is number 4")),
    ("לשלוח לאורח 3: נשמח אם תגיע קצת לפני", C.MessageGuest(C.Ref("3", number=3), "נשמח אם תגיע קצת לפני")),
    ("תחזיר את שרית לממתינה", C.MarkGuest(C.Ref("שרית"), "pending")),
    ("תמשיך את הרשימה", C.More()), ("did any guests write anything?", C.Inbox()),
    ("broadcast to groom side: dress code is all white", C.Broadcast("dress code is all white", None, "groom")),
    ('הודעה לכולם - "מזכירים שהאירוע מתחיל ב-19:30"', C.Broadcast("מזכירים שהאירוע מתחיל ב-19:30")),
    ("תמצא לי את כל השפירא", C.FindGuests("שפירא")), ("תחפשי אורח בשם אופק", C.FindGuests("אופק")),
    ("תראה לי את ה-list של צד החתן", C.ListGuests(None, "groom")),
])
def test_changes_messages_and_lookups_said_in_a_sentence(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("להקים אירוע: חינה של שני ודור", C.NewEvent("חינה של שני ודור")),
    ("המקום השתנה - גן אירועים אחוזת שרונה, כפר סבא", C.SetEventField("location", "גן אירועים אחוזת שרונה, כפר סבא")),
    ("תראה לי את כל ה-events שלי", C.ListEvents()),
    ("any declines from the bride's side?", C.ListGuests("declined", "bride")),
    ("מה ה-RSVP rate שלנו?", C.Stats()),
    ("no auto reminders please, I'll chase people myself", C.Reminders(None)),
    ("אל תשלח הודעות לאורחים אחרי 10 בלילה ולפני 8 בבוקר", C.Quiet("22-8")),
    ("שלא יצאו הודעות לאורחים בשבת וחג", C.Shabbat(True)),
    ("תענה לי מעכשיו באנגלית", C.SetLanguage("en")),
    ("what did people answer about the meals?", C.Answers()),
])
def test_settings_and_reads_in_the_organisers_words(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("לאושרת תוסיף הערה: מגיעה בכיסא גלגלים", C.EditGuest(C.Ref("אושרת"), "note", "מגיעה בכיסא גלגלים")),
    ("the number for Avi Shaul is wrong, it should be 0509090901", C.EditGuest(C.Ref("Avi Shaul"), "phone", "+972509090901")),
    ("Ruth and her husband - make it 2 people", C.EditGuest(C.Ref("Ruth"), "party", 2)),
    ("called 6 no answer", C.Called(C.Ref("6", number=6), "no_answer")),
    ("ניסיתי להתקשר לנחום, אין מענה", C.Called(C.Ref("נחום"), "no_answer")),
    ("תסמן את Kevin כ-no", C.MarkGuest(C.Ref("Kevin"), "no")),
    ("send Omer a message saying the tux rental closes at 4", C.MessageGuest(C.Ref("Omer"), "the tux rental closes at 4")),
    ("להודיע לכל האורחים שהאירוע עבר לאולם הקטן", C.Broadcast("האירוע עבר לאולם הקטן")),
    ("תשלחי בבקשה לכל מי שאישר שהאוטובוס יוצא בשש", C.Broadcast("האוטובוס יוצא בשש", "confirmed")),
    ('message all the maybes - "we need a final answer by Sunday"', C.Broadcast("we need a final answer by Sunday", "maybe")),
    ("תכתוב לי באנגלית בבקשה", C.SetLanguage("en")), ("how are we doing with rsvps", C.Stats()),
    ("תמשיכי להראות את השאר", C.More()),
    ("the venue changed, it's now Villa Melchett, Tel Aviv", C.SetEventField("location", "Villa Melchett, Tel Aviv")),
])
def test_more_of_what_organisers_say_in_their_own_words(text, expected):
    assert cmd(text) == expected


def test_a_remark_about_the_venue_changes_nothing():
    assert isinstance(cmd("the venue manager is driving me crazy"), C.ParseError)


@pytest.mark.parametrize("text,expected", [
    ("Can you start a new event for me called Yoni's 40th?", C.NewEvent("Yoni's 40th")),
    ("שלום אני רוצה לפתוח אירוע חדש שקוראים לו ברית לנכד של רבקה", C.NewEvent("ברית לנכד של רבקה")),
    ("מה עם אורנה? ענתה כבר?", C.GuestCard(C.Ref("אורנה"))),
    ("יש אצלנו את משפחת חדד?", C.FindGuests("חדד")),
    ("תגיב למספר 1 - יש אוכל צמחוני, אל דאגה", C.ReplyGuest(C.Ref("1", number=1), "יש אוכל צמחוני, אל דאגה")),
    ("לשלוח שוב למי שלא הגיב", C.Remind()), ("nvm cancel", C.Cancel()),
    ("מה אתה בעצם יודע לעשות בשביל האירוע?", C.Help()),
    ("תשאל את המאשרים: צריכים הסעה? כן / לא", C.Ask("צריכים הסעה?", ("כן", "לא"))),
    ("don't send anything before 9am or after 9pm", C.Quiet("21-9")),
    ("שלא יצא כלום בשבתות וחגים", C.Shabbat(True)),
    ("תן לי לינק לסבתא צילה, אין לה וואטסאפ", C.GuestLink(C.Ref("צילה"))),
    ("הודעה אישית לעידו - תביא את הגיטרה!", C.MessageGuest(C.Ref("עידו"), "תביא את הגיטרה!")),
])
def test_requests_in_long_or_roundabout_words(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text,first,last,party", [
    ("תוסיף עוד אחד: חיים ביטון (054)7771234", "חיים", "ביטון", None),
    ('צריך להוסיף את המנכ"ל עמית רוזן 0523030303', "עמית", "רוזן", None),
    ("כן שלום אני רוצה להוסיף את הבת דודה שלי חנה גולדשטיין הטלפון שלה 054 7 12 34 56 היא תבוא עם הבעל שלה",
     "חנה", "גולדשטיין", 2),
])
def test_a_guest_named_inside_a_long_sentence_is_added_by_their_name(text, first, last, party):
    (g,) = cmd(text).guests
    assert (g.first_name, g.last_name, g.party_size) == (first, last, party)


@pytest.mark.parametrize("text", ["אל תשלחי עדיין הזמנות, אמא שלי רוצה לעבור על הרשימה", "אל תמחקי את שני, היא רק אמרה אולי",
                                  "hold off on the reminders until I talk to the couple",
                                  "don't delete anything yet, let me check with the couple"])
def test_a_command_named_in_order_not_to_do_it_does_nothing(text):
    r = cmd(text)
    assert isinstance(r, C.ParseError) and "won't" in r.message


@pytest.mark.parametrize("text,expected", [("אל תשלח הודעות בשבת", C.Shabbat(True)),
                                           ("אל תשלח תזכורות אוטומטיות", C.Reminders(None))])
def test_a_setting_that_is_itself_a_dont_still_applies(text, expected):
    assert cmd(text) == expected


def test_dont_send_the_invitations_yet_sends_nothing(phone_factory, runtime):
    dana = phone_factory("+972521234599", "Dana")
    dana.send("new event Wedding")
    dana.send("add guest Avi Cohen 0502345678")
    reply = dana.send("don't send the invitations yet, my mom wants to check the list")
    assert "won't" in reply and "Send the invitation" not in reply
    with runtime.transaction() as s:
        assert s.scalars(select(Guest)).one().invitation.value == "not_sent"


@pytest.mark.parametrize("text,expected", [
    ("Please change Mr. Levinson's phone number to (054) 6001123.", C.EditGuest(C.Ref("Levinson"), "phone", "+972546001123")),
    ("change side of 7 to groom", C.EditGuest(C.Ref("7", number=7), "side", "groom")),
    ("Kindly change guest 22's note to: wheelchair access required",
     C.EditGuest(C.Ref("22", number=22), "note", "wheelchair access required")),
    ("rename this event to Katz-Adler Wedding (Galilee)", C.SetEventField("name", "Katz-Adler Wedding (Galilee)")),
    ("Please switch your replies to me to English.", C.SetLanguage("en")),
    ("don't ping me for every answer, too noisy", C.Notify(False)),
    ("Could you please provide the current RSVP figures?", C.Stats()),
    ("anything new from guests?", C.Inbox()), ("תראי עוד", C.More()),
    ("Confirmed, please proceed.", C.Confirm("yes")), ("אני מאשר", C.Confirm("yes")),
    ("put the Azoulays back to pending, they want to rethink", C.MarkGuest(C.Ref("Azoulay"), "pending")),
    ("ניסיתי להשיג את רונית אסולין, אין מענה", C.Called(C.Ref("רונית אסולין"), "no_answer")),
    ("thank you note לכל מי שהגיע: תודה שהייתם חלק מהשמחה!", C.ThankYou("תודה שהייתם חלק מהשמחה!")),
    ("Please update the party size for the Ben-Ami family to 5.", C.EditGuest(C.Ref("Ben-Ami"), "party", 5)),
    ("Please re-enable the day-before message.", C.DayBefore(True)),
    ("ברצוני להעביר את אליעזר להרשאת עורך", C.ChangeRole(C.Ref("אליעזר"), "editor")),
    ("אבקש לקבל את רשימת המוזמנים שטרם השיבו.", C.ListGuests("pending")),
])
def test_formal_and_roundabout_requests(text, expected):
    assert cmd(text) == expected


def test_a_phone_said_in_a_change_never_becomes_a_name():
    r = cmd("change Dana's number to 050-123-4567")
    assert r == C.EditGuest(C.Ref("Dana"), "phone", "+972501234567")


@pytest.mark.parametrize("text,expected", [
    ("נא לא לשלוח הודעות בין עשר בלילה לשמונה בבוקר", C.Quiet("22-8")),
    ("נא לסמן את הרב שטרן כמאשר הגעה, שני אנשים", C.MarkGuest(C.Ref("שטרן"), "yes", 2)),
    ("שלחי ליעל הודעה: את יכולה להביא את הגיטרה? ❤️", C.MessageGuest(C.Ref("יעל"), "את יכולה להביא את הגיטרה? ❤️")),
    ("אבקש לשלוח לאורח משה כהן את ההודעה: נשמח אם תעלה לתורה",
     C.MessageGuest(C.Ref("משה כהן"), "נשמח אם תעלה לתורה")),
    ("תגיד לי מה עם הדודה פנינה היא ענתה", C.GuestCard(C.Ref("פנינה"))),
])
def test_number_words_messages_to_one_guest_and_questions_about_one(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text,first,party", [
    ("להוסיף את דניאל אזולאי 0548765432 פלוס אחת", "דניאל", 2),
    ("אפשר להוסיף גם את עומרי ביטון 052 987 6543 צד חתן 3 אנשים", "עומרי", 3),
    ("נא להוסיף את האורח יעקב מזרחי, טלפון 054-7654321, 4 נפשות.", "יעקב", 4),
])
def test_a_guest_added_with_fillers_and_counts_in_words(text, first, party):
    (g,) = cmd(text).guests
    assert (g.first_name, g.party_size) == (first, party)


def test_a_misspelt_read_is_shown_and_a_misspelt_write_is_asked():
    read_it = read("hwo hasnt answerd yet")
    assert read_it.command == C.ListGuests("pending") and read_it.sure
    write = read("תשני לאופיר את המפסר ל 058-1112233")
    assert write.command == C.EditGuest(C.Ref("אופיר"), "phone", "+972581112233") and not write.sure


@pytest.mark.parametrize("text,expected", [
    ("is Mike Rosen coming?", C.GuestCard(C.Ref("Mike Rosen"))),
    ("יעל מזרחי אישרה כבר?", C.GuestCard(C.Ref("יעל מזרחי"))),
    ("תוסיף את בעלי כמארגן שותף 054-1234567", C.AddMember("+972541234567", "editor")),
    ("send to the bride's side: the henna is on Thursday at 8pm at my mom's",
     C.Broadcast("the henna is on Thursday at 8pm at my mom's", None, "bride")),
])
def test_asked_about_a_guest_is_never_marking_them_and_a_side_is_an_audience(text, expected):
    assert cmd(text) == expected


def test_advice_about_when_to_invite_sends_nothing():
    assert not isinstance(cmd("what's a good time to send invites, morning or evening?"), C.Invite)


def test_guests_listed_under_a_header_line_are_added_without_the_header():
    r = cmd("הנה עוד כמה להוסיף:\nזיו כץ - 054-8800112\nאורנה כץ - 054-8800113")
    assert [(g.first_name, g.phone) for g in r.guests] == [("זיו", "+972548800112"), ("אורנה", "+972548800113")]
    assert r.errors == ()
    r = cmd("Adding these:\nDaniel Katz 054-2220001\nMaya Katz 054-2220002")
    assert [g.first_name for g in r.guests] == ["Daniel", "Maya"] and r.errors == ()


@pytest.mark.parametrize("text,expected", [
    ("תעביר לכולם שיש חניה חינם בחניון הקניון", C.Broadcast("יש חניה חינם בחניון הקניון")),
    ("תפיץ לאורחים: יש מעלית לנכים בכניסה האחורית", C.Broadcast("יש מעלית לנכים בכניסה האחורית")),
    ("שרה אברהם מאשרת הגעה, 2", C.MarkGuest(C.Ref("שרה אברהם"), "yes", 2)),
    ("Lisa Kaplan told me maybe", C.MarkGuest(C.Ref("Lisa Kaplan"), "maybe")),
    ("משפחת אוחיון יהיו 6 ולא 5, תעדכן", C.EditGuest(C.Ref("אוחיון"), "party", 6)),
    ("לשנות את הכמות של נועה שפירא ל 2", C.EditGuest(C.Ref("נועה שפירא"), "party", 2)),
    ("Lisa Kaplan's number is wrong, it should be 0547778890", C.EditGuest(C.Ref("Lisa Kaplan"), "phone", "+972547778890")),
    ("שלח את ה-invitations", C.Invite()), ("כמה RSVP קיבלנו?", C.Stats()),
    ("מישהו מהאורחים שאל משהו?", C.Inbox()), ("who said no", C.ListGuests("declined")),
])
def test_everyday_requests_in_everyday_words(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("רגע בטלי בטלי", C.Cancel()), ("לא רגע תעצור אל תשלח", C.Cancel()),
    ("אני לא מבינה כלום תעזור לי", C.Help()), ("מה הכתובת של האולם אני לא זוכרת", C.ShowEvent()),
    ("הזמנות לכל מי שעוד לא קיבל, יאללה", C.Invite()), ("אבקש לראות את מצב האישורים בגרף", C.Chart()),
    ("תן לי ת'רשימה", C.ListGuests()), ("מי צריך שנתקשר אליו?", C.Calls()),
    ("התקשרתי לפרידה היא אמרה שכן שלושה", C.Called(C.Ref("פרידה"), "yes", 3)),
])
def test_stops_help_and_the_rest_in_plain_hebrew(text, expected):
    assert cmd(text) == expected


def test_a_guest_who_comes_alone_is_a_party_of_one():
    (g,) = cmd("תוסיף את השכנה שלי מרים גולדשטיין הטלפון שלה 054 6677889 היא תבוא לבד").guests
    assert (g.first_name, g.last_name, g.party_size) == ("מרים", "גולדשטיין", 1)


@pytest.mark.parametrize("text", [
    "Thank you so much, you're a lifesaver", "thanks so much!", "תודה על העזרה", "תודה רבה!! אתה תותח", "thank you for the help",
    "סבבה תודה", "אחלה, תודה רבה!", "תודה סבבה", "great, thank you"])
def test_thanks_to_the_bot_is_answered_warmly_and_sends_nothing(text):
    parsed = cmd(text)
    assert isinstance(parsed, C.ParseError) and "welcome" in parsed.message.lower()


@pytest.mark.parametrize("text, name", [
    ("טעיתי במספר של שושי, הנכון 050-9988777", "שושי"), ("yonis number is wrong its 052 111 2234", "yoni"),
    ("תעשה edit לטלפון של ליאור 053-6667789", "ליאור"), ("שנה טלפון לרבקה 0501231234", "רבקה"),
    ("המספר של עומר לא נכון, הנכון זה 0506667799", "עומר")])
def test_a_phone_corrected_in_words_edits_that_guest_never_adds_one(text, name):
    parsed = cmd(text)
    assert isinstance(parsed, C.EditGuest) and parsed.field == "phone" and parsed.ref.text == name


@pytest.mark.parametrize("text, phone, role", [
    ("can my mother-in-law see the list but not change anything? 052-4401122", "+972524401122", "viewer"),
    ("תוסיף את הבת שלי שירה שתעזור לי לעדכן את הרשימה 0526665544", "+972526665544", "editor"),
    ("תוסיף את בעלי ערן שגם הוא יוכל לנהל 0528889900", "+972528889900", "editor")])
def test_a_co_organiser_described_by_what_they_may_do(text, phone, role):
    assert cmd(text) == C.AddMember(phone=phone, role=role)


@pytest.mark.parametrize("text, expected", [
    ("נו כמה אשרו עד עכשיו", C.Stats()), ("כמה מקומות מאושרים נכון לעכשיו", C.Stats()),
    ("מיעוד לא ענה לי אחי", C.ListGuests("pending")), ("תראה לי מי בא", C.ListGuests("confirmed")),
    ("Who said they can't come?", C.ListGuests("declined")), ("who havent we sent to yet", C.ListGuests("not_invited"))])
def test_spoken_fillers_glued_words_and_answers_said_loosely(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text, answer, party", [
    ("roi cant make it", "no", None), ("Josh messaged me, he's a yes", "yes", None),
    ("ofir texted me hes coming w his gf", "yes", 2), ("omer said yes, 2 ppl", "yes", 2),
    ("הראל ועוד 3 מגיעים", "yes", 4), ("סבתא פנינה אמרה שהיא באה עם סבא", "yes", 2),
    ("שלום, אחי יוסי התקשר ואמר שהוא מגיע עם אשתו ושלושת הילדים", "yes", 5), ("סמן את 7 כמאשר, 3 מקומות", "yes", 3)])
def test_a_guests_answer_passed_on_in_words_is_marked_with_the_party_said(text, answer, party):
    parsed = cmd(text)
    assert isinstance(parsed, C.MarkGuest) and (parsed.answer, parsed.party_size) == (answer, party)


@pytest.mark.parametrize("text", [
    "how many guests should we invite for a 300 seat hall?", "כמה אורחים כדאי להזמין לאולם של 300?", "מי זה?",
    "שלום, מי זה?"])
def test_advice_and_who_are_you_do_nothing(text):
    assert isinstance(cmd(text), C.ParseError)


@pytest.mark.parametrize("text, expected", [
    ("who is coming", C.ListGuests("confirmed")), ("Is there a Goldberg on the list?", C.FindGuests("Goldberg")),
    ("look up everyone named Levi", C.FindGuests("Levi")), ("find the משפחת Cohen", C.FindGuests("Cohen")),
    ("Did my brother Ariel answer yet?", C.GuestCard(C.Ref("Ariel")))])
def test_lists_searches_and_one_guests_card_asked_in_words(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text, field, value", [
    ("the chuppah is at 18:30 not 19:00, please update", "time", time(18, 30)),
    ("אחי השעה זה שמונה בערב לא שבע", "time", time(20, 0)),
    ("We moved it to Cafe Europa on Rothschild", "location", "Cafe Europa on Rothschild"),
    ("אפשר בבקשה לשנות את מקום האירוע לבית הכנסת הגדול ברחובות?", "location", "בית הכנסת הגדול ברחובות"),
    ("location Kfar Hamaccabiah, Ramat Gan", "location", "Kfar Hamaccabiah, Ramat Gan"),
    ("the brit moved to Sunday the 13th", "date", date(2026, 12, 13))])
def test_the_events_time_place_and_day_changed_in_words(text, field, value):
    parsed = cmd(text)
    assert isinstance(parsed, C.SetEventField) and (parsed.field, parsed.value) == (field, value)


@pytest.mark.parametrize("text, expected", [
    ("did anyone leave us a voice note?", C.Inbox()), ("Emily wrote something about the מלון, what did she say?", C.Inbox()),
    ("איך מוסיפים אורח", C.Help()), ("how do I add a guest?", C.Help()),
    ("האם תוכל להראות לי את כרטיס המוזמן של דודי משה?", C.GuestCard(C.Ref("דודי משה"))),
    ("למה ההזמנה של דודה אסתר לא נשלחה?", C.GuestCard(C.Ref("אסתר"))), ("מה הטלפון של רבקה", C.FindGuests("רבקה")),
    ("No, not yet", C.Confirm("no")), ("לא רגע עוד לא", C.Confirm("no")), ("nvm cancel that", C.Cancel()),
    ("tell me whenever someone rsvps", C.Notify(on=True)), ("I don't want automatic reminders at all", C.Reminders(days=None))])
def test_questions_and_short_answers_said_the_way_people_say_them(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text", ["I'll add the rest of the guests tonight", "אני אוסיף את שאר המוזמנים מחר בערב, תודה",
                                  "ok thanks, I'll send the rest of the list tonight", "great, I'll add the rest tomorrow",
                                  "תודה, אשלח לך את השאר מחר"])
def test_the_organisers_own_plan_changes_nothing(text):
    """(said after a thanks or an ok too)"""
    assert isinstance(cmd(text), C.ParseError)


@pytest.mark.parametrize("text, names, parties", [
    ("add my doda Rina 052 333 4413 and her husband", ["Rina"], [2]),
    ("add חבר מהצבא Itay 0502228899 groom side", ["Itay"], [None]),
    ("תוסיף את הבת דודה שלי לאה 050 6612345 והבעל שלה", ["לאה"], [2]),
    ("תכניס את הילה אשכנזי 0529090901 היא מגיעה עם עוד 2", ["הילה"], [3]),
    ("תוסיף את הדודה מלכה אוחיון 0505556677 היא באה עם בעלה", ["מלכה"], [2]),
    ("can you add these: Josh Stein 0548891234, Emily Cohen +1 917 555 0142, Avi Peretz 050-776-1122",
     ["Josh", "Emily", "Avi"], [None, None, None]),
    ("add these: Karen 0521112222, Mike 0523334444, and the Goldbergs 052-555-6666 (family of 4)",
     ["Karen", "Mike", "Goldberg"], [None, None, 4])])
def test_guests_added_with_who_they_are_and_who_comes_with_them(text, names, parties):
    parsed = cmd(text)
    assert isinstance(parsed, C.AddGuests)
    assert [g.first_name for g in parsed.guests] == names and [g.party_size for g in parsed.guests] == parties


@pytest.mark.parametrize("text, expected", [
    ("ניסיתי את משפחת פרץ לא עונים", C.Called(C.Ref("משפחת פרץ"), "no_answer")),
    ("Just spoke to Aunt Rina on the phone, they're both coming", C.Called(C.Ref("Rina"), "yes", 2)),
    ("ביטול שעות שקט", C.Quiet(hours=None)), ("שליחת הזמנות לחדשים", C.Invite()),
    ("מורשים באירוע", C.ListMembers()), ("ענו כבר על השאלה של ההסעה?", C.Answers()), ("מה יצא בסקר?", C.Answers()),
    ("get me tals rsvp link", C.GuestLink(C.Ref("tal"))), ("מה ה link של סבתא שושנה? אני אשלח לה בSMS", C.GuestLink(C.Ref("שושנה"))),
    ("link for guest 4", C.GuestLink(C.Ref("4", number=4))), ("ה pending מהצד של החתן", C.ListGuests("pending", "groom")),
    ("broadcast לצד של הכלה: יש הסעה מבאר שבע ב-17:30", C.Broadcast("יש הסעה מבאר שבע ב-17:30", side="bride")),
    ("מה ה location שרשמנו? לא זוכרת", C.ShowEvent()), ("what's the כתובת of the venue again?", C.ShowEvent()),
    ("כמהאישרו", C.Stats())])
def test_terse_coordinator_hebrew_mixed_words_and_calls_said_in_passing(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("מי לא קיבל את ההזמנה??", C.ListGuests("failed")), ("מי אמר לא", C.ListGuests("declined")),
    ("הזמנות שנכשלו", C.ListGuests("failed")), ("any failed deliveries?", C.ListGuests("failed")),
    ("כמהה אנשים מגיעים בסהכ", C.Stats()), ("תן לי את הרשימה של מי שאני צריכה להתקשר אליו", C.Calls()),
    ("אני מבקש שלא יישלחו הודעות למוזמנים בשבת", C.Shabbat(on=True)),
    ("שלום רב, שוחחתי הבוקר בטלפון עם משפחת פרץ והם אישרו שיגיעו חמישה אנשים", C.Called(C.Ref("משפחת פרץ"), "yes", 5)),
    ("אבקש להוסיף הערה אצל סבתא שושנה: צריכה מקום ישיבה קרוב לכניסה",
     C.EditGuest(C.Ref("שושנה"), "note", "צריכה מקום ישיבה קרוב לכניסה")),
    ("אבקש לשנות את מספר המגיעים ממשפחת דהן לשישה", C.EditGuest(C.Ref("דהן"), "party", 6)),
    ("תשני לסיגל ל3 אנשים", C.EditGuest(C.Ref("סיגל"), "party", 3)),
    ("תיקון שם: רותי מזרחי -> רות מזרחי", C.EditGuest(C.Ref("רותי מזרחי"), "name", "רות מזרחי")),
    ("Karen's last name is Adler", C.EditGuest(C.Ref("Karen"), "last_name", "Adler")),
    ("Avi's first name is actually Avraham, pls fix", C.EditGuest(C.Ref("Avi"), "first_name", "Avraham")),
    ("move the Steins to the כלה side", C.EditGuest(C.Ref("Steins"), "side", "bride")),
    ("תן לערן הרשאות רק לצפות, הוא מבלגן לי", C.ChangeRole(C.Ref("ערן"), "viewer")),
    ("תעשה mark לליאור yes 3", C.MarkGuest(C.Ref("ליאור"), "yes", 3)),
    ("תחזיר את מיכל לממתינים, היא לא בטוחה עוד", C.MarkGuest(C.Ref("מיכל"), "pending"))])
def test_a_planners_and_a_coordinators_everyday_requests(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text", ["can you design the invitation card for us?", "תודה רבה לך על העזרה, אתה באמת עוזר גדול"])
def test_requests_outside_the_bot_and_thanks_do_nothing(text):
    assert isinstance(cmd(text), C.ParseError)


@pytest.mark.parametrize("text, name", [
    ("תוסיף לי את דודה רינה 052-3344556", "רינה"), ("לצרף לרשימה את איתן גולן +972-54-3217890 צד כלה", "איתן")])
def test_guests_added_with_other_verbs_and_words_around_them(text, name):
    parsed = cmd(text)
    assert isinstance(parsed, C.AddGuests) and parsed.guests[0].first_name == name


@pytest.mark.parametrize("text, rows", [
    ("שם, טלפון, כמות\nמשפחת אלמוג, 052-4411223, 4\nיעל ורון טל, 054-8890011, 2", [("+972524411223", 4), ("+972548890011", 2)]),
    ("שם\tשם משפחה\tטלפון\tצד\tכמות\nאורי\tשטרן\t0507788990\tחתן\t2\nדורית\tאבני\t0523344112\tכלה\t3",
     [("+972507788990", 2), ("+972523344112", 3)]),
    ("Name,Phone,Guests\nEitan Gross,+972501112233,2\nRina Sapir,972-52-3334455,3", [("+972501112233", 2), ("+972523334455", 3)])])
def test_a_sheet_pasted_with_its_header_row_adds_its_rows(text, rows):
    parsed = cmd(text)
    assert isinstance(parsed, C.AddGuests)
    assert [(g.phone, g.party_size) for g in parsed.guests] == rows


@pytest.mark.parametrize("text, expected", [
    ("מי אמר שלא", C.ListGuests("declined")), ("מי אולי מגיע", C.ListGuests("maybe")), ("any new msgs from guests?", C.Inbox()),
    ("מה שקד כתבה לנו?", C.Inbox()), ("what did people answer on the shirt sizes", C.Answers()),
    ("no msgs to people after 9pm or before 8am pls, ppl complained last year", C.Quiet(hours="21-8")),
    ("אבקש שלא יישלחו הודעות לאורחים בשעות הערב המאוחרות, אחרי תשע בערב, וגם לא לפני שמונה בבוקר.", C.Quiet(hours="21-8")),
    ("venue changed!!! it's now Hangar 12 at the Tel Aviv port", C.SetEventField("location", "Hangar 12 at the Tel Aviv port")),
    ("Benny B said he's in, +1", C.MarkGuest(C.Ref("Benny B"), "yes", 2)), ("ok so dor's grandpa is a no 😢", None),
    ("חייגתי לעומרי ואין מענה", C.Called(C.Ref("עומרי"), "no_answer")),
    ("spoke to Moran on the phone, she's coming with her 2 kids", C.Called(C.Ref("Moran"), "yes", 3)),
    ("תכלס who hasnt answered yet", C.ListGuests("pending")), ("is my cousin avishai on the list?", C.FindGuests("avishai")),
    ("תבדקי אם נגה כבר ענתה", C.GuestCard(C.Ref("נגה"))), ("addguest Nir Shalev 0587776655", None)])
def test_a_backyard_wedding_a_grandmother_and_an_office_party_in_their_words(text, expected):
    parsed = cmd(text)
    if text.startswith("ok so dor"):
        assert isinstance(parsed, C.MarkGuest) and parsed.answer == "no"
    elif text.startswith("addguest"):
        assert isinstance(parsed, C.AddGuests) and parsed.guests[0].first_name == "Nir"
    else:
        assert parsed == expected


@pytest.mark.parametrize("text, expected", [
    ("למי מהצד של אבא עוד לא נשלחה הזמנה", C.ListGuests("not_invited", "אבא")),
    ("who on the mother's side hasnt confirmed yet", C.ListGuests("pending", "mother")),
    ("שלח לצד של אבא: מי שצריך הסעה מבאר שבע שיכתוב לאייל עד יום ראשון",
     C.Broadcast("מי שצריך הסעה מבאר שבע שיכתוב לאייל עד יום ראשון", side="אבא")),
    ("אבקש לשלוח לכל האורחים שאישרו את ההודעה הבאה: יקיריי, החניה במלון בתשלום",
     C.Broadcast("יקיריי, החניה במלון בתשלום", status="confirmed")),
    ("תעביר את רונית שמואלי לצד של אמא, היא בכלל חברה של סיגל", C.EditGuest(C.Ref("רונית שמואלי"), "side", "אמא")),
    ("רשמתי את גלעד עם 4 אבל הוא אמר 3, תתקן", C.EditGuest(C.Ref("גלעד"), "party", 3)),
    ("fix the spelling, it's Tzvika not Zvika", C.EditGuest(C.Ref("Zvika"), "name", "Tzvika")),
    ("change Gili's name to Gilad Mizrahi, the invite should have his real name", C.EditGuest(C.Ref("Gili"), "name", "Gilad Mizrahi")),
    ("תרשום לכנרת note: vegan", C.EditGuest(C.Ref("כנרת"), "note", "vegan")),
    ("הדוד שלי מוטי אמר שהוא מגיע עם אשתו והילדים, 5 בסהכ", C.MarkGuest(C.Ref("מוטי"), "yes", 5)),
    ("גברת צילה פרידמן הודיעה לי בטלפון שהיא תגיע יחד עם בעלה.", C.MarkGuest(C.Ref("צילה פרידמן"), "yes", 2)),
    ("אני מבקשת לשנות את שעת האירוע לאחת בצהריים, במקום שתים עשרה וחצי.", C.SetEventField("time", time(13, 0))),
    ("get me Dafna's personal rsvp link, her whatsapp is broken", C.GuestLink(C.Ref("Dafna"))),
    ("תמצא לי את כל משפחת בן דוד", C.FindGuests("בן דוד")), ("and the rest?", C.More()),
    ("אני יוצאת מהאירוע של רביבו, הם עברו למתכננת אחרת", C.Leave()),
    ("תעשה סקר למאשרים: הסעה מתל אביב? כן / לא", C.Ask("הסעה מתל אביב?", ("כן", "לא"))),
    ("תוציא את אייל מהניהול של האירוע, שיהיה רק צופה", C.ChangeRole(C.Ref("אייל"), "viewer")),
    ("הכתובת המדויקת היא רחוב המלך דוד 23, ירושלים. אבקש לתקן.", C.SetEventField("location", "רחוב המלך דוד 23, ירושלים")),
    ("turn off the day before msg, everyone gets a slack reminder anyway", C.DayBefore(on=False))])
def test_sides_named_after_people_formal_corrections_and_settings_in_sentences(text, expected):
    assert cmd(text) == expected


def test_friends_listed_after_a_header_with_a_colon_are_each_added():
    parsed = cmd("תוסיף את החבר'ה מהצבא: עידו 0541237788, בר 0522345566, ספיר 0503344221")
    assert isinstance(parsed, C.AddGuests) and [g.first_name for g in parsed.guests] == ["עידו", "בר", "ספיר"]


@pytest.mark.parametrize("text, expected", [
    ("whose number is 0523344556", C.FindGuests("0523344556")), ("whose coming so far", C.ListGuests("confirmed")),
    ("which ones bounced? the invitation i mean", C.ListGuests("failed")), ("כמה כבר קראו את ההזמנה?", C.Stats()),
    ("תשלחי לשולה ברק הודעה שהמקום שלה שמור בשורה הראשונה", C.MessageGuest(C.Ref("שולה ברק"), "המקום שלה שמור בשורה הראשונה")),
    ("send to שני: אל תשכחי את המצלמה!", C.MessageGuest(C.Ref("שני"), "אל תשכחי את המצלמה!")),
    ("שימי את דודה שולה כאולי", C.MarkGuest(C.Ref("שולה"), "maybe")),
    ("the katzes are on the bride side not groom", C.EditGuest(C.Ref("katz"), "side", "bride")),
    ("ron shouldnt be able to edit anymore just view", C.ChangeRole(C.Ref("ron"), "viewer")),
    ("split the phone calls between me and tom", C.Calls()), ("את מי צריך לטלפן היום?", C.Calls()),
    ("Could you remind me what details we have for the event?", C.ShowEvent()),
    ("אל תעדכן אותי על כל אישור זה מציף אותי", C.Notify(on=False)),
    ("Let's go back to Maya's bat mitzvah, please.", C.UseEvent(C.Ref("Maya's bat mitzvah"))),
    ("התקשרתי לOmer, he's in +1", C.Called(C.Ref("Omer"), "yes", 2)),
    ("Please don't message the guests after nine in the evening or before nine in the morning.", C.Quiet(hours="21-9")),
    ("add my cousin as co organiser but she can only look not change anything 054-111-2233", C.AddMember("+972541112233", "viewer")),
    ("Judith's surname is actually Marks-Cohen; could you correct it?", C.EditGuest(C.Ref("Judith"), "last_name", "Marks-Cohen"))])
def test_a_community_secretary_a_london_couple_and_a_religious_family_in_their_words(text, expected):
    assert cmd(text) == expected


def test_a_new_events_name_leaves_the_weekday_to_the_date():
    parsed = cmd("אירוע חדש: שבע ברכות לשירה ואליצור, יום שלישי 8.12 בשעה 19:30 אצל משפחת שטרן בבית שמש")
    assert isinstance(parsed, C.NewEvent) and parsed.name == "שבע ברכות לשירה ואליצור" and parsed.time == time(19, 30)


@pytest.mark.parametrize("text, expected", [
    ("change omer to 3 people", C.EditGuest(C.Ref("omer"), "party", 3)),
    ("הודעה לכל החברים: מסיבת החנוכה תתחיל בשעה 18:00, להביא סופגניות זה לא חובה 😊",
     C.Broadcast("מסיבת החנוכה תתחיל בשעה 18:00, להביא סופגניות זה לא חובה 😊")),
    ("Please send a thank-you to everyone who came: Thank you so much for celebrating with Maya. With love, Grandma and Grandpa",
     C.ThankYou("Thank you so much for celebrating with Maya. With love, Grandma and Grandpa")),
    ("What can I actually do with this service? I'm not terribly good with technology.", C.Help()),
    ("המסיבה תתחיל בשש וחצי ולא בחמש וחצי", C.SetEventField("time", time(18, 30))),
    ("הקבלת פנים מתחילה בשבע וחצי", C.SetEventField("time", time(19, 30)))])
def test_a_thank_you_to_those_who_came_the_how_to_and_a_start_time_in_words(text, expected):
    assert cmd(text) == expected


def test_not_yet_until_after_shabbat_holds_back_and_touches_no_setting():
    parsed = cmd("עוד לא לשלוח תזכורות, נחכה למוצאי שבת")
    assert isinstance(parsed, C.ParseError) and "won't" in parsed.message


def test_a_new_event_with_only_a_time_after_the_date_has_no_place():
    parsed = cmd("לפתוח אירוע חדש מסיבת חנוכה למועדון הגמלאים ביום חמישי הבא ב-17:30")
    assert isinstance(parsed, C.NewEvent) and (parsed.time, parsed.location) == (time(17, 30), None)


@pytest.mark.parametrize("text, first, party", [
    ("add guest dan cohen 0502345678 party of for", "dan", 4),
    ("Could you please add my sister-in-law, Judith Marks, to the list? Her mobile is +44 7700 900456. She'll be coming on her own.",
     "Judith", 1),
    ("תוסיף את האורחים האלה:\nחיים ורבקה לוי 050-1112233 זוג\nמנחם קליין 0523344556", "חיים ורבקה", 2),
    ("נא להוסיף את החברים החדשים בחוג הציור: רינה גל 0528887766, משה אבוטבול 0502223344", "רינה", None)])
def test_who_a_new_guest_comes_with_said_at_the_end_of_the_line(text, first, party):
    parsed = cmd(text)
    assert isinstance(parsed, C.AddGuests) and (parsed.guests[0].first_name, parsed.guests[0].party_size) == (first, party)


@pytest.mark.parametrize("text, expected", [
    ("תשלח לי את הקישור של סבתא אסתר אין לה ווטסאפ אני אשלח לה בסמס", C.GuestLink(C.Ref("אסתר"))),
    ("תרשום ליד הרב פרידמן שהוא צריך מקום ישיבה ליד הכניסה", C.EditGuest(C.Ref("פרידמן"), "note", "צריך מקום ישיבה ליד הכניסה"))])
def test_a_link_and_a_note_asked_in_a_religious_familys_words(text, expected):
    assert cmd(text) == expected
    assert isinstance(cmd("בעזרת השם פותחים אירוע לחתונה של שירה ואליצור"), C.NewEvent)


@pytest.mark.parametrize("text, expected", [
    ("הברית ב-8:15 ולא ב-7:45 תתקן בבקשה", C.SetEventField("time", time(8, 15))),
    ("לשנות את שם האירוע ל-70 שנה לקיבוץ - חוגגים ביחד", C.SetEventField("name", "70 שנה לקיבוץ - חוגגים ביחד")),
    ("הודעה רק לוותיקים: ההסעה מבית הוותיק יוצאת ב-11:30", C.Broadcast("ההסעה מבית הוותיק יוצאת ב-11:30", side="ותיקים")),
    ("תכתוב מקום: אולם מורדות הים, אשדוד", C.SetEventField("location", "אולם מורדות הים, אשדוד")),
    ("תוסיף אישתי לניהול אירוע, היא מספר 052-6655443", C.AddMember("+972526655443", "editor")),
    ("עינב כתבה לי בפרטי שהיא לא מגיעה, תסמני אותה לא", C.MarkGuest(C.Ref("עינב"), "no"))])
def test_a_kibbutz_secretary_and_a_brit_on_short_notice_never_write_to_the_wrong_place(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text", ["הרופא אמר אולי לדחות את הברית, כנראה ליום חמישי הבא, אני אעדכן",
                                  "תעשה לי filter של declined מהצד שלי"])
def test_a_date_not_yet_decided_changes_nothing_and_a_filter_marks_no_one(text):
    parsed = cmd(text)
    assert not isinstance(parsed, (C.SetEventField, C.MarkGuest))


@pytest.mark.parametrize("text, first, last, party", [
    ("בבקשה תוסיף את סבתא שלי אסתר דהן 054 778 1290 היא תבוא עם המטפלת", "אסתר", "דהן", 2),
    ("תוסיף את הבן דוד של בעלי מאיר אבוטבול 0506543210 צד אבא", "מאיר", "אבוטבול", None),
    ("נא להוסיף את דודתי, אילנה כהן, טלפון 052-8765432, מצד הכלה, 2 אנשים.", "אילנה", "כהן", 2),
    ("תוסיף בבקשה חבר שלי מעבודה איגור פטרוב טלפון 0584433221", "איגור", "פטרוב", None),
    ("הוסף את הסנדק הרב שמואל פרידמן 052-7612345", "שמואל", "פרידמן", None),
    ("Please add my shver Reb Yossi Klein +972-52-766-4321", "Yossi", "Klein", None),
    ("הוספה: איתן רוזן 03-6421234", "איתן", "רוזן", None)])
def test_a_new_guests_name_without_who_they_are_to_the_writer_or_the_words_around_it(text, first, last, party):
    parsed = cmd(text)
    g = parsed.guests[0]
    assert (g.first_name, g.last_name, g.party_size) == (first, last, party)


@pytest.mark.parametrize("text, expected", [
    ("ריקי אלמליח אשרה 4", C.MarkGuest(C.Ref("ריקי אלמליח"), "yes", 4)), ("תשלחי את ההזמנוט לכל מי שעוד לא קיבל", C.Invite()),
    ("תן לי את הלינק של סבתא אסתר שאשלח לה בסמס", C.GuestLink(C.Ref("אסתר"))),
    ("להזיז את התאריך ל-21 במאי", C.SetEventField("date", date(2027, 5, 21))), ("כמה טבעונים יש בסוף", C.Answers()),
    ("יש לי messages חדשים מאורחים?", C.Inbox())])
def test_a_bat_mitzvah_in_netivot_in_everyday_phone_hebrew(text, expected):
    assert cmd(text) == expected


def test_a_brit_opened_with_a_blessing_keeps_the_blessing_out_of_its_name_and_place():
    parsed = cmd('לפתוח אירוע חדש: ברית מילה לבן שלנו בעזהי"ת, מחרתיים ביום ראשון')
    assert isinstance(parsed, C.NewEvent) and parsed.name == "ברית מילה לבן שלנו" and parsed.location is None


@pytest.mark.parametrize("text, kind", [('בס"ד\nתוסיף:\nיענקי 0527123456\nשמוליק גרוס 0548456789', C.AddGuests),
                                        ('בס"ד\nכמה אישרו?', C.Stats)])
def test_a_blessing_on_its_own_first_line_is_not_the_message(text, kind):
    assert isinstance(cmd(text), kind)


@pytest.mark.parametrize("text, expected", [
    ("מי עוד חסר?", C.ListGuests("pending")), ("who's missing so far", C.ListGuests("pending")),
    ("which friends haven't been invited yet?", C.ListGuests("not_invited")),
    ("תשלחי נודניק למי שלא ענה", C.Remind()), ("כןןן", C.Confirm("yes")), ("nooo", C.Confirm("no")),
    ("עזבי, תבטלי את זה", C.Cancel()), ("where and when is it?", C.ShowEvent()), ("מתי ואיפה?", C.ShowEvent()),
    ("יש הודעות מהמוזמנים?", C.Inbox()),
    ("please do not text anyone between 10pm and 8am", C.Quiet(hours="22-8"))])
def test_a_missing_guest_a_nudge_a_drawn_out_answer_and_quiet_hours_said_with_text(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("עדכון קטן: רותם לוי – אישרה הגעה, 3 משתתפים", C.MarkGuest(C.Ref("רותם לוי"), "yes", 3)),
    ("quick update: the Levys - 5 people, not 3", C.EditGuest(C.Ref("Levy"), "party", 5)),
    ("תיקון: שחר אלון – 2 אנשים ולא 3", C.EditGuest(C.Ref("שחר אלון"), "party", 2)),
    ("משפחת גולן נרשמו בטעות כמגיעים, הם לא ענו. להחזיר לממתינים בבקשה", C.MarkGuest(C.Ref("משפחת גולן"), "pending")),
    ("the Katzes were marked yes by mistake, put them back to pending", C.MarkGuest(C.Ref("Katz"), "pending")),
    ('עדכון: שם האירוע יהיה "החינה של ליאת"', C.SetEventField("name", "החינה של ליאת")),
    ("the event name will be Noa's Sweet 16", C.SetEventField("name", "Noa's Sweet 16"))])
def test_an_update_or_a_correction_under_a_header_and_a_family_put_back_to_pending(text, expected):
    parsed = read(text)
    assert parsed.command == expected
    assert not parsed.sure   # a write read from a loose sentence asks first


@pytest.mark.parametrize("text, expected", [
    ("עדכן שם האירוע: החינה של ליאת", C.SetEventField("name", "החינה של ליאת")),
    ('שם האירוע יהיה "הבת מצווה של לילך"', C.SetEventField("name", "הבת מצווה של לילך"))])
def test_the_events_name_said_outright_is_never_a_guests_new_name(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("שיחה עם יוסי מזרחי: מגיעים, 4 משתתפים", C.Called(C.Ref("יוסי מזרחי"), "yes", 4)),
    ("just got off the phone with Dalia, she can't make it", C.Called(C.Ref("Dalia"), "no", None)),
    ("בעלי התקשר לדוד אבנר, אמר שיגיעו 3", C.Called(C.Ref("אבנר"), "yes", 3)),
    ("the Cohens yes", C.MarkGuest(C.Ref("Cohen"), "no" if False else "yes")),
    ("טליה ברק - לא", C.MarkGuest(C.Ref("טליה ברק"), "no")),
    ("הגב' שטרן אמרה שתבוא בעזרת השם", C.MarkGuest(C.Ref("שטרן"), "yes")),
    ("הסבתא מאשרת, תגיע עם הזיידי", C.MarkGuest(C.Ref("הסבתא"), "yes", 2))])
def test_a_call_made_by_someone_and_an_answer_said_in_few_words_are_asked_before_they_are_marked(text, expected):
    parsed = read(text)
    assert isinstance(parsed.command, type(expected)) and not parsed.sure
    for key in ("answer", "outcome", "party_size"):
        if hasattr(expected, key):
            assert getattr(parsed.command, key) == getattr(expected, key), (key, parsed.command)


@pytest.mark.parametrize("text", ["עוד לא", "probably not", "אולי כן", "מחר כן", "ok yes", "Emma rsvp'd yes"])
def test_a_bare_answer_after_a_word_that_is_no_name_marks_no_guest_called_that(text):
    parsed = cmd(text)
    assert not (isinstance(parsed, C.MarkGuest) and parsed.ref.text.split()[0].lower() in {"עוד", "probably", "אולי", "מחר", "ok"})
    if text.startswith("Emma"):
        assert parsed.ref.text == "Emma"


@pytest.mark.parametrize("text, expected", [
    ("להוסיף הערה אצל דודה מלכה: אלרגית לאגוזים", C.EditGuest(C.Ref("מלכה"), "note", "אלרגית לאגוזים")),
    ("אצל משה גבאי לרשום שהוא צריך כיסא נמוך", C.EditGuest(C.Ref("משה גבאי"), "note", "צריך כיסא נמוך")),
    ("add my brother Ben so he can help, 0541112233", C.AddMember("+972541112233", "editor")),
    ("תוסיף את אחותי שתעזור לי עם הרשימה 0501231234", C.AddMember("+972501231234", "editor")),
    ("send Uncle Sam: the parking is behind the hall", C.MessageGuest(C.Ref("Sam"), "the parking is behind the hall")),
    ("תגיד לי מה יש לך על שירה כץ", C.GuestCard(C.Ref("שירה כץ"))), ("Noa Shaked status?", C.GuestCard(C.Ref("Noa Shaked"))),
    ("do we already have someone with the number 054-555-1234?", C.FindGuests("054-555-1234")),
    ("could you send me Dana's link", C.GuestLink(C.Ref("Dana")))])
def test_a_note_at_a_guests_a_helper_a_message_to_a_named_guest_and_a_card_asked_in_passing(text, expected):
    parsed = read(text)
    assert parsed.command == expected
    if C.spec_for(expected).writes:
        assert not parsed.sure


@pytest.mark.parametrize("text", ["send reminders: please answer", "send the details: hall at 8"])
def test_a_send_with_a_noun_after_it_messages_no_guest_named_by_the_noun(text):
    assert not isinstance(cmd(text), C.MessageGuest)


@pytest.mark.parametrize("text, expected", [
    ("תשאלי את המגיעים אם הם צריכים חניה, כן או לא", C.Ask("צריכים חניה?", ("כן", "לא"))),   # as the guests read it
    ("ask everyone coming whether they need a ride, yes or no", C.Ask("Do you need a ride?", ("yes", "no"))),
    ("תשלחי לכל מי שבא: תודה ענקית, היה מרגש!", C.ThankYou("תודה ענקית, היה מרגש!")),
    ("send everyone who came: thanks for being there", C.ThankYou("thanks for being there")),
    ("תשלח לי רשימה מעודכנת של מי שלא ענה", C.ListGuests("pending")),
    ("send me the latest list of who's coming", C.ListGuests("confirmed"))])
def test_a_yes_or_no_question_a_thank_you_to_those_who_came_and_a_list_sent_to_the_writer(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text", ["אני צריך לבדוק עם אשתי מי מהעבודה שלה מגיע", "I need to check with my husband who from his work is coming",
                                  "הרשימה של חמותי משגעת אותי", "my sister is driving me nuts with the guest list"])
def test_the_writer_thinking_aloud_is_no_command(text):
    assert isinstance(cmd(text), C.ParseError)


@pytest.mark.parametrize("text, first, last, party", [
    ("add my old army buddy Tal Cohen 0521112233", "Tal", "Cohen", None),
    ("add my high school friend Dina Roth, 054-222-3344, she's moving back from Berlin", "Dina", "Roth", None),
    ("please put Avi Gold on the list 0523334455, he's coming w/ his partner", "Avi", "Gold", 2)])
def test_a_new_guests_name_without_the_kind_of_friend_or_the_remark_after_it(text, first, last, party):
    g = cmd(text).guests[0]
    assert (g.first_name, g.last_name, g.party_size) == (first, last, party)


@pytest.mark.parametrize("text, expected", [
    ("Sam B. should be 'Samuel Berger' on the list", C.EditGuest(C.Ref("Sam B"), "name", "Samuel Berger")),
    ('רוני צריך להיות "אהרון כהן" ברשימה', C.EditGuest(C.Ref("רוני"), "name", "אהרון כהן"))])
def test_a_guests_name_said_as_it_should_be_is_asked_before_it_is_changed(text, expected):
    parsed = read(text)
    assert parsed.command == expected and not parsed.sure


def test_a_numbered_list_under_a_header_and_phones_written_with_dots():
    parsed = cmd("בבקשה להוסיף לרשימה:\n1. שרה ויוסי לוי – 050-1112233 – 2 מוזמנים\n2. דוד כהן – 052-4445566 – 3 מוזמנים")
    assert [(g.first_name, g.party_size) for g in parsed.guests] == [("שרה ויוסי", 2), ("דוד", 3)]
    assert all("מוזמנים" not in (g.last_name or "") for g in parsed.guests)
    parsed = cmd("add the Levi family 3 ppl 052.444.5566 and the Shapiros 2 ppl 050.111.2233")
    assert [g.phone for g in parsed.guests] == ["+972524445566", "+972501112233"]


@pytest.mark.parametrize("text, names", [
    ("תוסיף את משה 0523334455 ואת אשתו רבקה 0523334466", ["משה", "רבקה"]),
    ("add Ben 0541234567 and his wife Tamar 0547654321", ["Ben", "Tamar"]),
    ("תכניסי את שרית 0501112233 ואת בעלה אלון 0501112244", ["שרית", "אלון"])])
def test_a_spouse_named_before_their_name_is_added_by_the_name(text, names):
    assert [g.first_name for g in cmd(text).guests] == names


@pytest.mark.parametrize("text", ["תוציאי את ההזמנות לכולם", "אפשר כבר להוציא הזמנות?", "נוציא את ההזמנה לכל מי שעוד לא קיבל",
                                  "שלחי לכל האורחים את ההזמנה", "send all the guests the invitation",
                                  "תשלח לכולם את ההזמנה לחתונה"])
def test_invitations_sent_out_in_any_wording_are_the_invite_round_never_a_guest_removed_or_a_message(text):
    assert cmd(text) == C.Invite()


@pytest.mark.parametrize("text", ["תוציא את ההזמנות של דני מהרשימה", "תמחק הזמנות"])
def test_the_invitations_are_never_a_guest_to_remove(text):
    assert not isinstance(cmd(text), C.RemoveGuest)


@pytest.mark.parametrize("text, name", [
    ("תחזיר את יעל ללא ענתה", "יעל"), ("להחזיר את משפחת פרידמן לסטטוס ממתין בבקשה", "משפחת פרידמן"),
    ("תחזירי את גיל ללא מענה", "גיל"), ("put Rachel back to no answer", "Rachel")])
def test_an_answer_taken_back_to_not_answered_is_asked_before_it_is_marked(text, name):
    parsed = read(text)
    assert parsed.command == C.MarkGuest(C.Ref(name), "pending") and not parsed.sure


@pytest.mark.parametrize("text, expected", [
    ("התקשרתי לרינה ולא ענתה", C.Called(C.Ref("רינה"), "no_answer")),
    ("צלצלתי לבני ואין מענה", C.Called(C.Ref("בני"), "no_answer")),
    ("דיברתי עם משה ולא מגיעים", C.Called(C.Ref("משה"), "no")),
    ("התקשרתי לאורית ולא יכולה להגיע", C.Called(C.Ref("אורית"), "no"))])
def test_a_call_whose_outcome_starts_with_and_not_keeps_the_not_out_of_the_name(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("please stop notifying me for every answer", C.Notify(on=False)), ("no more alerts for each rsvp please", C.Notify(on=False)),
    ("hmm no cancel it", C.Cancel()), ("oops, stop that", C.Cancel()), ("רגע לא תבטלי את זה", C.Cancel()),
    ("כמה RSVPs קיבלנו?", C.Stats()), ("כמה אישורים יש עד עכשיו", C.Stats()),
    ("תזכירי לי את הכתובת של האולם", C.ShowEvent()), ("remind me when and where the party is", C.ShowEvent())])
def test_notifications_stopped_a_hesitant_cancel_a_count_of_rsvps_and_the_details_asked_to_be_reminded_of(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text", ["cancel the reminders", "stop reminding them", "תבטלי את התזכורות"])
def test_reminders_cancelled_send_no_reminder(text):
    parsed = read(text)
    assert not isinstance(parsed.command, C.Remind), parsed.command
    if isinstance(parsed.command, C.Reminders):
        assert parsed.command.days is None


@pytest.mark.parametrize("text, ref", [("תעשי לי switch לחתונה של Cohen", "חתונה של Cohen"),
                                       ("תעשה לנו switch לבר מצווה של איתי", "בר מצווה של איתי")])
def test_a_switch_said_with_a_hebrew_helper_verb_moves_to_the_event_by_its_name(text, ref):
    assert cmd(text) == C.UseEvent(ref=ref)


@pytest.mark.parametrize("text, expected", [
    ("לשלוח לכל מי שאמרה שלא מגיעה: נתגעגע!", C.Broadcast("נתגעגע!", status="declined")),
    ("תכתבי לכל מי שעוד לא ענה: מחכים לתשובה עד חמישי", C.Broadcast("מחכים לתשובה עד חמישי", status="pending")),
    ("תשלח למי שאמרו שאולי יבואו: תעדכנו אותנו עד ראשון", C.Broadcast("תעדכנו אותנו עד ראשון", status="maybe")),
    ("message all who said maybe: let us know by Sunday", C.Broadcast("let us know by Sunday", status="maybe"))])
def test_an_audience_said_as_a_whole_clause_before_the_colon_gets_the_message_after_it(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text, day", [("לבר מצווה של איתי התאריך הוא 3.3", date(2027, 3, 3)),
                                       ("לחינה של מור התאריך נקבע ל-20.1", date(2027, 1, 20))])
def test_a_date_stated_for_the_event_is_asked_before_it_is_set(text, day):
    parsed = read(text)
    assert parsed.command == C.SetEventField("date", day) and not parsed.sure


@pytest.mark.parametrize("text, expected", [
    ("הדודה שושנה אמרה לי בחתונה של הבן שלה שהיא לא יכולה", C.MarkGuest(C.Ref("שושנה"), "no")),
    ("יואב כתב לי בווטסאפ שהוא מגיע עם 2", C.MarkGuest(C.Ref("יואב"), "yes", 2)),
    ("משפחת אדרי אמרו לנו שהם אולי יגיעו", C.MarkGuest(C.Ref("משפחת אדרי"), "maybe"))])
def test_an_answer_passed_on_by_the_organiser_is_asked_before_it_is_marked(text, expected):
    parsed = read(text)
    assert parsed.command == expected and not parsed.sure


@pytest.mark.parametrize("text", ["she is coming", "היא אמרה שהיא לא מגיעה", "הוא מגיע עם 3", "they said no"])
def test_an_answer_said_of_he_or_she_marks_no_guest_called_that(text):
    parsed = cmd(text)
    assert not isinstance(parsed, (C.MarkGuest, C.Called)), parsed


@pytest.mark.parametrize("text, expected", [
    ("שלום זאת דודה אסתר אני רוצה שתוסיף את החבר שלי יעקב מספר הטלפון 052 1234 567 תודה",
     C.AddGuests(guests=(C.GuestDraft(first_name="יעקב", last_name="", phone="+972521234567", line_no=1),))),
    ("אני האמא של החתן, הוא ביקש להוציא את שגיא מהרשימה", C.RemoveGuest(C.Ref("שגיא"))),
    ("this is Noa's dad, can you remove Gil from the list", C.RemoveGuest(C.Ref("Gil"))),
    ("היא ביקשה להוסיף את אחותה מיכל 0541231234",
     C.AddGuests(guests=(C.GuestDraft(first_name="מיכל", last_name="", phone="+972541231234", line_no=1),)))])
def test_who_is_writing_or_who_asked_said_before_the_request_is_no_part_of_it(text, expected):
    parsed = cmd(text)
    if isinstance(expected, C.AddGuests):
        assert [(g.first_name, g.last_name, g.phone) for g in parsed.guests] == [
            (g.first_name, g.last_name, g.phone) for g in expected.guests]
    else:
        assert parsed == expected


@pytest.mark.parametrize("text", ["זאת טעות, אל תמחק את דני", "זה לא נכון, תבדוק שוב"])
def test_a_remark_before_the_comma_is_no_introduction(text):
    assert not isinstance(cmd(text), (C.RemoveGuest, C.AddGuests))


@pytest.mark.parametrize("text, name", [("תורידי את משפחת גבאי", "משפחת גבאי"), ("להוציא את עומר מהרשימה", "עומר"),
                                        ("תוציאי את הדודה רותי", "רותי")])
def test_a_guest_taken_off_in_the_feminine_or_the_infinitive_is_named_without_the_verbs_ending(text, name):
    assert cmd(text) == C.RemoveGuest(C.Ref(name))


@pytest.mark.parametrize("text, expected", [
    ("תעני לרותי שהאולם נפתח בשבע", C.ReplyGuest(C.Ref("רותי"), "האולם נפתח בשבע")),
    ("תגיבי לדודה מזל שיש מעלית באולם", C.ReplyGuest(C.Ref("מזל"), "יש מעלית באולם")),
    ("answer Ben that kids are welcome", C.ReplyGuest(C.Ref("Ben"), "kids are welcome"))])
def test_a_reply_to_a_guest_said_with_that_is_asked_before_it_is_sent(text, expected):
    parsed = read(text)
    assert parsed.command == expected and not parsed.sure


@pytest.mark.parametrize("text", ["תענה לכולם שיש חניה"])
def test_a_reply_to_everyone_asks_which_message(text):
    assert not isinstance(cmd(text), C.ReplyGuest)


@pytest.mark.parametrize("text, words", [("תעני לו שיש חניה", "יש חניה"), ("reply to her that yes", "yes"),
                                         ("תעני לה: כן, יש חניה", "כן, יש חניה"), ("message him: see you at 8", "see you at 8"),
                                         ("תשלחי לה: יש חניה", "יש חניה"), ("reply to this guest: sure", "sure"),
                                         ("תעני לשאלה שלה: כן", "כן"), ("תעני לה בחזרה: כן", "כן"), ("text her back: yes", "yes"),
                                         ("reply to the guest who asked about parking: yes, free", "yes, free"),
                                         ("let him know: see you at 8", "see you at 8")])
def test_a_reply_to_him_or_her_points_back_and_names_no_guest(text, words):
    # no guest is searched for "her" or the "ה" of "לה": the organiser's side answers the message waiting, asked first
    parsed = cmd(text)
    assert isinstance(parsed, C.ReplyGuest) and C.refers_back(parsed.ref) and parsed.text == words


@pytest.mark.parametrize("text, names", [
    ("תכניסי לרשימה בבקשה\n1. מיכל ברק 050-4412876\n2. עידו שמש 052-9981230", ["מיכל", "עידו"]),
    ("תוסיף לרשימה אחותי\nגלית 054-3398120\nאורן 053-7712094", ["גלית", "אורן"]),
    ("yo add them to the list\nRoni 0541239876\nYael 0527788123", ["Roni", "Yael"])])
def test_guests_listed_under_an_add_line_without_a_colon_are_added(text, names):
    parsed = cmd(text)
    assert isinstance(parsed, C.AddGuests) and [g.first_name for g in parsed.guests] == names


@pytest.mark.parametrize("text, first, last", [
    ("תוסיף את המורה הקודמת רחל אבני 052-7713490", "רחל", "אבני"),
    ("תכניסי את המנהל הקודם משה גולן 054-2210987", "משה", "גולן"),
    ("תוסיף את ליאת ברק המנהלת של הסניף 050-6634120", "ליאת", "ברק"),
    ("please add the former manager Ron Tal 0548812093", "Ron", "Tal")])
def test_a_role_noun_that_says_who_a_guest_is_adds_a_guest_not_a_team_member(text, first, last):
    parsed = cmd(text)
    assert isinstance(parsed, C.AddGuests)
    assert [(g.first_name, g.last_name) for g in parsed.guests] == [(first, last)]


@pytest.mark.parametrize("text, first", [
    ("תוסיפי גם את נועה הספרית של אמא 054-1120987", "נועה"),
    ("תוסיף גם את הדוד שמעון 050-8841230", "שמעון"),
    ("תוסיף את אלי המאמן של הילדים 052-3342901", "אלי")])
def test_also_and_who_the_guest_is_are_no_part_of_the_name(text, first):
    parsed = cmd(text)
    assert isinstance(parsed, C.AddGuests) and parsed.guests[0].first_name == first
    assert parsed.guests[0].last_name == ""


@pytest.mark.parametrize("text", ["עזוב לא משנה", "עזבי, לא משנה"])
def test_leave_it_never_mind_cancels_and_leaves_no_event(text):
    assert cmd(text) == C.Cancel()


@pytest.mark.parametrize("text", ["תוציאי את הרכזת הקודמת מהאירוע", "תמחק את המזכירה", "remove the old coordinator from the event"])
def test_someone_named_only_by_their_job_on_the_team_is_a_member_removed_after_asking(text):
    parsed = read(text)
    assert isinstance(parsed.command, C.RemoveMember) and not parsed.sure


@pytest.mark.parametrize("text, name", [("תעיף את גלעד מהליסט", "גלעד"), ("תעיפי את משפחת אוחיון מהרשימה", "משפחת אוחיון"),
                                        ("תוציא את רוני מהאירוע", "רוני")])
def test_a_guest_kicked_off_the_list_in_slang_is_removed_by_name(text, name):
    assert cmd(text) == C.RemoveGuest(C.Ref(name))


def test_a_glance_at_the_list_removes_nobody():
    assert not isinstance(cmd("תעיף מבט ברשימה"), C.RemoveGuest)


@pytest.mark.parametrize("text, name, note", [
    ("תכתבי אצל מירי גבאי שהיא אלרגית לאגוזים", "מירי גבאי", "אלרגית לאגוזים"),
    ("תכתוב ליד משפחת טל שהם מגיעים מאוחר", "משפחת טל", "מגיעים מאוחר")])
def test_written_at_a_guests_card_is_a_note_asked_first_not_a_message_to_them(text, name, note):
    parsed = read(text)
    assert parsed.command == C.EditGuest(C.Ref(name), "note", note) and not parsed.sure


@pytest.mark.parametrize("text, name, when", [
    # half in English: a new event, never a date change
    ("event חדש: Purim party, 20/3", "Purim party", date(2027, 3, 20)),
    ("תפתח לי event חדש - בר מצווה לאורי, 14.2", "בר מצווה לאורי", date(2027, 2, 14)),
    ("new אירוע: ערב גיבוש, 30/12", "ערב גיבוש", date(2026, 12, 30)),
    # "open": a new event, never a switch to another
    ("could you open a new event for Noa's graduation party on June 5th 2027", "Noa's graduation party", date(2027, 6, 5)),
    ("תפתחי אירוע חדש\nשם: בת המצווה של הדר\nתאריך: 14/3/27", "בת המצווה של הדר", date(2027, 3, 14)),
    ("open a new event\nname: Gil's 30th\ndate: 2/2/27", "Gil's 30th", date(2027, 2, 2))])
def test_a_new_event_said_half_in_english_or_opened_is_created_asked_first(text, name, when):
    parsed = read(text)
    assert isinstance(parsed.command, C.NewEvent) and not parsed.sure
    assert (parsed.command.name, parsed.command.date) == (name, when)


@pytest.mark.parametrize("text, expected", [
    ("לכל מי שאישר: האוטובוס יוצא בשש", C.Broadcast(text="האוטובוס יוצא בשש", status="confirmed")),
    ("למי שאמר לא: חבל, נתגעגע", C.Broadcast(text="חבל, נתגעגע", status="declined")),
    ("הודעה למי שאישר מהצד של הכלה: יש חניה בחינם", C.Broadcast(text="יש חניה בחינם", status="confirmed", side="bride")),
    ("תשלח msg לעופר: the band arrives at 5", C.MessageGuest(C.Ref("עופר"), "the band arrives at 5")),
    ("תשגרי את ההזמנות", C.Invite()),
    ("תשלחי רמיינדר למי שלא ענה", C.Remind())])
def test_an_audience_before_the_colon_and_sending_said_in_slang(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text, name, when", [
    ("אירוע חדש: שבע ברכות לנועם ושירה ביום רביעי הבא", "שבע ברכות לנועם ושירה", date(2026, 12, 9)),
    ("new event: Gal's farewell party next Monday", "Gal's farewell party", date(2026, 12, 7))])
def test_a_new_events_day_said_after_its_name_is_its_date(text, name, when):
    parsed = cmd(text)
    assert isinstance(parsed, C.NewEvent) and (parsed.name, parsed.date) == (name, when)


@pytest.mark.parametrize("text, when, at", [
    ("תעדכן שהחינה תהיה ביום ראשון הבא בשבע וחצי בערב", date(2026, 12, 6), time(19, 30)),
    ("תעדכני שהמסיבה תתקיים ב-3/1 בתשע בערב", date(2027, 1, 3), time(21, 0))])
def test_the_event_will_be_on_a_day_at_an_hour_in_words_moves_the_date_and_time_after_asking(text, when, at):
    parsed = read(text)
    assert parsed.command == C.SetEventField("date", when, time=at) and not parsed.sure


@pytest.mark.parametrize("text, first, last", [
    ("תוסיף את השכנה שלנו, קוראים לה מלכה עזרא 052-6671209", "מלכה", "עזרא"),
    ("please add my wife's cousin, her name is Almaz Tadesse, 054-7712093", "Almaz", "Tadesse"),
    ("0536612094 תוסיפי אותה בשם הילה", "הילה", "")])
def test_a_guest_added_with_his_name_is_is_added_by_that_name(text, first, last):
    parsed = cmd(text)
    assert isinstance(parsed, C.AddGuests)
    assert [(g.first_name, g.last_name) for g in parsed.guests] == [(first, last)]


@pytest.mark.parametrize("text, name, party", [("משפחת ברהנו יהיו 6 לא 4", "משפחת ברהנו", 6),
                                               ("the Katz family will be 3 not 5, pls fix", "Katz", 3)])
def test_a_count_corrected_with_not_edits_the_party_after_asking(text, name, party):
    parsed = read(text)
    assert isinstance(parsed.command, C.EditGuest) and not parsed.sure
    assert (parsed.command.field, parsed.command.value) == ("party", party)


@pytest.mark.parametrize("text", ["מי יהיו 7 לא 5"])
def test_who_will_be_is_no_guest(text):
    assert not isinstance(cmd(text), C.EditGuest)


@pytest.mark.parametrize("text", ["אני רוצה להוסיף עוד כמה אורחים", "I'd like to add some more guests"])
def test_wanting_to_add_some_guests_asks_whom_never_counts_or_lists(text):
    parsed = cmd(text)
    assert isinstance(parsed, C.ParseError) and parsed.usage == C.parse("add guests", "IL", TODAY).usage


@pytest.mark.parametrize("text, first, phone", [
    ("תוסיפי את רחל מזרחי הטלפון אפס חמש ארבע שבע שבע אחת שתיים שלוש תשע אפס", "רחל", "+972547712390"),
    ("add Yonatan, his number is zero five three one one two two three three four", "Yonatan", "+972531122334")])
def test_a_phone_dictated_digit_by_digit_is_read_as_digits_and_asked(text, first, phone):
    parsed = read(text)
    assert isinstance(parsed.command, C.AddGuests) and not parsed.sure
    assert [(g.first_name, g.phone) for g in parsed.command.guests] == [(first, phone)]


@pytest.mark.parametrize("text", ["אבא שלי אומר שהרשימה ארוכה מדי", "my sister thinks the guest list is too long"])
def test_what_someone_says_about_the_list_shows_nothing(text):
    assert isinstance(cmd(text), C.ParseError)


@pytest.mark.parametrize("text, kind", [("כמה כבר אישרו? ותשלח תזכורת למי שלא ענה", C.Stats),
                                        ("how many said yes? and remind the others", C.Stats),
                                        ("מי עוד לא ענה? ותזכירי להם", C.ListGuests)])
def test_a_question_with_a_request_joined_after_it_answers_the_question_and_does_not_send(text, kind):
    assert isinstance(cmd(text), kind)


@pytest.mark.parametrize("text, hours", [("נא לא לשלוח הודעות לאורחים אחרי השעה 22:00", "22-8"),
                                         ("please don't text the guests after 9pm", "21-8"),
                                         ("שלא יצאו הודעות למוזמנים לאחר 21:30", "21:30-8")])
def test_no_messages_after_an_hour_is_quiet_hours_until_morning_after_asking(text, hours):
    parsed = read(text)
    assert parsed.command == C.Quiet(hours=hours) and not parsed.sure


@pytest.mark.parametrize("text", ["אנחנו עוד מתלבטים אם להזמין את משפחת שטרן",
                                  "אני לא בטוח אם להוריד את יוסי מהרשימה, אחשוב על זה",
                                  "I'm still not sure whether to remove Tal from the list"])
def test_a_doubt_about_doing_something_does_nothing(text):
    assert isinstance(cmd(text), C.ParseError)


@pytest.mark.parametrize("text, first, phone", [
    ("please add Dana Weiss 0521112233 and then send her the invitation", "Dana", "+972521112233"),
    ("תוסיפי את שחר לוי 0547788990 ותשלחי לו הזמנה", "שחר", "+972547788990")])
def test_a_guest_added_and_sent_the_invite_is_added_after_asking(text, first, phone):
    parsed = read(text)
    assert isinstance(parsed.command, C.AddGuests) and not parsed.sure
    assert [(g.first_name, g.phone) for g in parsed.command.guests] == [(first, phone)]


@pytest.mark.parametrize("text, who", [("תשלחי לי את פרטיה של רונית אלמוג", "רונית אלמוג"),
                                       ("אפשר את פרטיו של יגאל שושן?", "יגאל שושן"),
                                       ("מה ה-status של Dan Ross", "Dan Ross")])
def test_his_or_her_details_and_a_status_said_in_english_open_the_guests_card(text, who):
    parsed = cmd(text)
    assert isinstance(parsed, C.GuestCard) and parsed.ref.text == who


@pytest.mark.parametrize("text", ["תציג לי את נתוני ההגעה", "מה שיעור ההיענות עד עכשיו", "send me the rsvp numbers"])
def test_the_response_figures_asked_for_in_words_are_the_stats(text):
    assert isinstance(cmd(text), C.Stats)


@pytest.mark.parametrize("text", ["עוד לא לשלוח תזכורות, אני אודיע לך מתי", "אני אגיד לך מתי להוציא את ההזמנות",
                                  "we'll tell you when to start sending the invites"])
def test_the_writer_saying_they_will_tell_when_asks_nothing_and_sends_nothing(text):
    assert isinstance(cmd(text), C.ParseError)


@pytest.mark.parametrize("text", ["what should we bring to my nephew's wedding?", "מה ללבוש לבר מצווה של הבן שלי"])
def test_what_to_wear_or_bring_to_the_event_is_not_a_question_about_the_event(text):
    assert isinstance(cmd(text), C.ParseError)


@pytest.mark.parametrize("text, first, last, phone", [
    ("תעשה add ל-Noam Peretz 052-7654321", "Noam", "Peretz", "+972527654321"),
    ("תעשי אד לאורחת חדשה: שני ברק 0503332211", "שני", "ברק", "+972503332211"),
    ("תוסיפיאת רוני שלו0548887766", "רוני", "שלו", "+972548887766")])
def test_add_said_in_mixed_or_glued_words_adds_the_named_guest(text, first, last, phone):
    parsed = cmd(text)
    assert isinstance(parsed, C.AddGuests)
    assert [(g.first_name, g.last_name, g.phone) for g in parsed.guests] == [(first, last, phone)]


@pytest.mark.parametrize("text, who, party", [("תעדכני אצל משפחת חזן שהם 5 ולא 3", "משפחת חזן", 5),
                                              ("תרשום לגבי יעל רון שיהיו 3", "יעל רון", 3)])
def test_update_at_a_guest_that_they_are_n_edits_the_party_after_asking(text, who, party):
    parsed = read(text)
    assert parsed.command == C.EditGuest(C.Ref(who), "party", party) and not parsed.sure


@pytest.mark.parametrize("text, who, side", [("Dan Levi is actually groom side, please fix", "Dan Levi", "groom"),
                                             ("Maya Katz's really bride side", "Maya Katz", "bride")])
def test_a_guest_who_is_actually_a_side_moves_side_after_asking(text, who, side):
    parsed = read(text)
    assert parsed.command == C.EditGuest(C.Ref(who), "side", side) and not parsed.sure


@pytest.mark.parametrize("text", ["how many are groom side?", "which guests are from the bride side",
                                  "everyone in this list is groom side"])
def test_asking_who_is_on_a_side_edits_no_one(text):
    assert not isinstance(cmd(text), C.EditGuest)


@pytest.mark.parametrize("text, who, outcome", [("מיכל שמש התקשרתי אליה אין תשובה", "מיכל שמש", "no_answer"),
                                                ("אבי לוי - דיברתי איתו, הוא מגיע", "אבי לוי", "yes"),
                                                ("Gal Ben Ami - called him, no answer", "Gal Ben Ami", "no_answer")])
def test_a_call_with_the_guest_named_first_and_then_him_or_her_is_recorded_after_asking(text, who, outcome):
    parsed = read(text)
    assert isinstance(parsed.command, C.Called) and not parsed.sure
    assert (parsed.command.ref.text, parsed.command.outcome) == (who, outcome)


@pytest.mark.parametrize("text", ["דיברתי איתה היא מגיעה", "התקשרתי אליו, לא ענה"])
def test_a_call_with_only_him_or_her_asks_whom(text):
    assert not isinstance(cmd(text), C.Called)


@pytest.mark.parametrize("text, when", [("נא לעדכן את מועד האירוע ליום שלישי, 9 בפברואר 2027", date(2027, 2, 9)),
                                        ("לעדכן את תאריך החתונה ל-14.3.27", date(2027, 3, 14))])
def test_to_update_the_events_date_said_in_the_infinitive_moves_the_date_after_asking(text, when):
    parsed = read(text)
    assert isinstance(parsed.command, C.SetEventField) and not parsed.sure
    assert (parsed.command.field, parsed.command.value) == ("date", when)


@pytest.mark.parametrize("text, who, name", [("טעות בשם: זה לא רינה עמר זה רינה עמאר", "רינה עמר", "רינה עמאר"),
                                             ("השם לא נכון - לא אלי ששון אלא אלי שושן", "אלי ששון", "אלי שושן"),
                                             ("typo in the name, not Jon Smith it's John Smith", "Jon Smith", "John Smith")])
def test_a_name_mistake_put_right_with_not_x_but_y_renames_that_guest_after_asking(text, who, name):
    parsed = read(text)
    assert parsed.command == C.EditGuest(C.Ref(who), "name", name) and not parsed.sure


@pytest.mark.parametrize("text, name, when, at", [
    ("תפתח אירוע בר מצווה לנכד ביום שלישי 18:00 באולמי הגן", "בר מצווה לנכד", date(2026, 12, 8), time(18, 0)),
    ("תפתחי אירוע חדש ברית לנכדה ביום ראשון 9:15 בבוקר בבית הכנסת הגדול", "ברית לנכדה", date(2026, 12, 6), time(9, 15))])
def test_a_new_events_bare_weekday_is_the_coming_one_after_asking(text, name, when, at):
    parsed = read(text)
    assert isinstance(parsed.command, C.NewEvent) and not parsed.sure
    assert (parsed.command.name, parsed.command.date, parsed.command.time) == (name, when, at)


@pytest.mark.parametrize("text, who, phone", [("תכתוב בבקשה את המספר החדש של שושנה 04-8123456", "שושנה", "+97248123456"),
                                              ("תכתבי את המספר החדש של אבנר 052-4455667", "אבנר", "+972524455667")])
def test_write_down_the_new_number_of_a_guest_changes_the_phone_after_asking_and_messages_no_one(text, who, phone):
    parsed = read(text)
    assert parsed.command == C.EditGuest(C.Ref(who), "phone", phone) and not parsed.sure


def test_please_after_write_is_no_guest_to_message():
    parsed = read("תכתוב בבקשה לרותי שהחניה מאחורי האולם")
    assert isinstance(parsed.command, C.MessageGuest) and parsed.command.ref.text == "רותי" and not parsed.sure


@pytest.mark.parametrize("text, phone, role", [("תוסיפי member: 052-1119988 viewer", "+972521119988", "viewer"),
                                               ("הוסף member - 0548801122 editor", "+972548801122", "editor")])
def test_add_member_with_a_colon_adds_a_team_member_after_asking_never_a_guest(text, phone, role):
    parsed = read(text)
    assert parsed.command == C.AddMember(phone=phone, role=role) and not parsed.sure


@pytest.mark.parametrize("text,expected", [
    ("can you tell me who's coming", C.ListGuests(status="confirmed")),
    ("tell me who still hasn't answered please", C.ListGuests(status="pending")),
    ("Could you tell me how many confirmed so far?", C.Stats()),
    ("תגידי לי מי עוד לא ענה", C.ListGuests(status="pending")),
    ("תגיד לי בבקשה כמה אישרו", C.Stats()),
])
def test_tell_me_asks_the_question_and_messages_nobody_called_me(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text", ["tell me the address of the hall"])
def test_a_message_to_me_is_sent_to_nobody(text):
    """No guest is called "me": the bot says what it can do."""
    assert isinstance(cmd(text), C.ParseError)


@pytest.mark.parametrize("text", [
    "tell her we moved it to 9",
    "tell him: see you at 8",
    "תגיד לו שזה בשמונה",
    "תכתבי לה שאפשר להביא את הילדים",
])
def test_a_message_to_a_pronoun_names_no_guest(text):
    """No guest is called "her": the words point back at the message waiting for an answer (the organiser's side
    shows whose, asked first, or asks which)."""
    parsed = cmd(text)
    assert isinstance(parsed, C.ReplyGuest) and C.refers_back(parsed.ref)


@pytest.mark.parametrize("text, field, value", [
    ("תשני את המיקום לאולם הגן ברמת גן", "location", "אולם הגן ברמת גן"),
    ("תשני את הכתובת לרחוב הגפן 3, חיפה", "location", "רחוב הגפן 3, חיפה"),
    ("תשני את מיקום החתונה לאולמי הדקל", "location", "אולמי הדקל"),
    ("תשנה את המקום של האירוע לגן הורדים", "location", "גן הורדים"),
    ("תשני את תאריך האירוע ל-5.5.27", "date", date(2027, 5, 5))])
def test_the_events_place_changed_with_its_noun_after_את_in_any_verb_form(text, field, value):
    parsed = cmd(text)
    assert isinstance(parsed, C.SetEventField) and (parsed.field, parsed.value) == (field, value)


@pytest.mark.parametrize("text", ["תשני את הכתובת של דנה", "תשנה את המקום של דנה לשולחן 5"])
def test_someones_place_or_address_is_never_the_events(text):
    assert isinstance(cmd(text), C.ParseError)


@pytest.mark.parametrize("text, who, name", [("השם של עדי צריך להיות עדיאל", "עדי", "עדיאל"),
                                             ("השם של רותי כהן הוא רות כהן", "רותי כהן", "רות כהן"),
                                             ("Adi's name should be Adiel", "Adi", "Adiel"),
                                             ("the name of Beni should be Binyamin", "Beni", "Binyamin")])
def test_a_guests_name_said_as_what_it_should_be_renames_that_guest_after_asking(text, who, name):
    parsed = read(text)
    assert parsed.command == C.EditGuest(C.Ref(who), "name", name) and not parsed.sure


@pytest.mark.parametrize("text", ["השם של החתונה צריך להיות דנה ונועם", "תשנה את השם של החתונה לדנה ונועם",
                                  "the event's name should be Dana and Noam"])
def test_the_weddings_name_is_the_events_never_a_guest_called_the_wedding(text):
    parsed = read(text)
    assert isinstance(parsed.command, C.SetEventField) and parsed.command.field == "name" and not parsed.sure
    assert parsed.command.value in ("דנה ונועם", "Dana and Noam")


@pytest.mark.parametrize("text, status, said", [
    ("לכל האורחים: המדורה תידלק ב-20:00, תביאו שמיכה", None, "המדורה תידלק ב-20:00, תביאו שמיכה"),
    ("למאשרים: החניה מאחורי האולם", "confirmed", "החניה מאחורי האולם"),
    ("לכל מי שלא ענה - נשמח לתשובה עד שישי", "pending", "נשמח לתשובה עד שישי"),
    ("to the confirmed guests: parking is behind the hall", "confirmed", "parking is behind the hall")])
def test_an_audience_then_a_colon_with_no_verb_is_a_message_to_them_after_asking(text, status, said):
    parsed = read(text)
    assert parsed.command == C.Broadcast(text=said, status=status) and not parsed.sure


@pytest.mark.parametrize("text", ["להוסיף: רוני שחר 0503318876", "לתקן שם: ציפי ולא צפי"])
def test_an_infinitive_before_a_colon_is_no_audience(text):
    assert not isinstance(cmd(text), C.Broadcast)


@pytest.mark.parametrize("text, who, party", [("גלית אישרה אבל בלי הילדים אז רק 2", "גלית", 2),
                                              ("Dana confirmed but without the kids, so just 2", "Dana", 2),
                                              ("יוסי מגיע עם האחים שלו אז בסך הכל 4", "יוסי", 4)])
def test_the_count_said_last_after_so_or_only_is_the_party(text, who, party):
    parsed = read(text)
    assert isinstance(parsed.command, C.MarkGuest) and parsed.command.answer == "yes"
    assert (parsed.command.ref.text, parsed.command.party_size) == (who, party)


@pytest.mark.parametrize("text, phone, party", [("תוסיפי בבקשה את שולה עזרא 052 6619 330 שניים", "+972526619330", 2),
                                                ("add Dana Cohen 0501234567, three", "+972501234567", 3),
                                                ("הוסף את דניאל אזולאי 0548765432 פלוס אחת", "+972548765432", 2)])
def test_a_count_in_words_right_after_the_phone_is_the_party_never_a_name_or_a_digit_of_the_phone(text, phone, party):
    parsed = read(text)
    assert isinstance(parsed.command, C.AddGuests) and len(parsed.command.guests) == 1
    guest = parsed.command.guests[0]
    assert (guest.phone, guest.party_size) == (phone, party)
    assert not re.search(r"שניים|three|אחת", f"{guest.first_name} {guest.last_name}")


@pytest.mark.parametrize("text, names", [("add 2 guests: Avi 0509917735 and Tamar 0509917736", ["Avi", "Tamar"]),
                                         ("add two guests: Avi 0509917735, Tamar 0509917736", ["Avi", "Tamar"]),
                                         ("תוסיף שני אורחים: אבי 0509917735 ותמר 0509917736", ["אבי", "תמר"])])
def test_add_n_guests_with_a_colon_adds_each_of_them_after_asking(text, names):
    parsed = read(text)
    assert isinstance(parsed.command, C.AddGuests) and not parsed.sure
    assert [g.first_name for g in parsed.command.guests] == names


def test_add_n_guests_with_another_number_of_them_adds_nobody():
    assert not isinstance(cmd("add 3 guests: Avi 0509917735 and Tamar 0509917736"), C.AddGuests)


@pytest.mark.parametrize("text, first", [("addd Gili Ben Haim 0527703318 side groom", "Gili"), ("Addd Noa 0527703318", "Noa"),
                                         ("Edith Cohen 0501234567", "Edith"), ("seth rogen 0501234567", "seth")])
def test_add_typed_with_a_letter_too_many_adds_the_guest_never_one_called_addd(text, first):
    parsed = read(text)
    assert isinstance(parsed.command, C.AddGuests) and not parsed.sure and parsed.command.guests[0].first_name == first


def test_delete_typed_with_a_letter_missing_adds_nobody():
    parsed = read("delet Dana 0501234567")
    assert isinstance(parsed.command, C.RemoveGuest) and not parsed.sure


@pytest.mark.parametrize("text, name, when", [
    ("כנס משפחת בן עמי בקיבוץ יפעת 2.4.27 תפתח לי אירוע", "כנס משפחת בן עמי בקיבוץ יפעת", date(2027, 4, 2)),
    ("ברית לנכד ב-3.1, תפתחי אירוע בבקשה", "ברית לנכד", date(2027, 1, 3)),
    ("Dana's 40th birthday, June 5 2027 - open an event for it", "Dana's 40th birthday", date(2027, 6, 5)),
    ("תפתח לי אירוע חתונה של דנה ונועם", "חתונה של דנה ונועם", None)])
def test_a_new_event_asked_for_after_its_details_or_for_me_opens_it_after_asking(text, name, when):
    parsed = read(text)
    assert isinstance(parsed.command, C.NewEvent) and not parsed.sure
    assert (parsed.command.name, parsed.command.date) == (name, when)


def test_open_me_an_event_with_nothing_more_asks_its_name():
    parsed = cmd("תפתח לי אירוע")
    assert isinstance(parsed, C.ParseError) and parsed.usage == C.spec_for(C.NewEvent).usage


@pytest.mark.parametrize("text, expected", [("rsvp numbers", C.Stats()), ("rsvp status", C.Stats()), ("rsvp count", C.Stats()),
                                            ("rsvp list", C.ListGuests())])
def test_rsvp_the_noun_before_a_read_is_that_read_never_mark_with_no_answer(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text, first, last, who", [
    ("תוסיף את המפקד של עידו אלון רז 0549981230", "אלון", "רז", "המפקד של עידו"),
    ("אני צריך להוסיף אורח, זה אחות של אישתי סבטלנה 053-4455667", "סבטלנה", "", "אחות של אישתי"),
    ("אפשר לעשות add לבן דוד של אבא? ג'קי 052-3131313", "ג'קי", "", "בן דוד של אבא")])
def test_who_a_guest_is_said_before_their_name_is_a_note_never_the_name(text, first, last, who):
    parsed = read(text)
    assert isinstance(parsed.command, C.AddGuests) and not parsed.sure
    guest = parsed.command.guests[0]
    assert (guest.first_name, guest.last_name, guest.notes) == (first, last, who)


@pytest.mark.parametrize("text, first", [("pls add my cousin Maya +972 52 448 1903 she's bringing her bf", "Maya"),
                                         ("add Tom Levi 0501234567 he's bringing his gf", "Tom")])
def test_bringing_her_bf_or_his_gf_counts_two_and_is_no_part_of_the_name(text, first):
    guest = cmd(text).guests[0]
    assert (guest.first_name, guest.party_size) == (first, 2) and "bringing" not in (guest.last_name or "")


@pytest.mark.parametrize("text, who, answer, party", [("Ruthie called me, she's coming with her 2 kids", "Ruthie", "yes", 3),
                                                      ("Ilana phoned me, they can't make it", "Ilana", "no", None),
                                                      ("רותי התקשרה אליי, היא מגיעה עם בעלה", "רותי", "yes", 2)])
def test_a_guest_who_called_the_organiser_is_marked_with_her_answer_and_no_call_is_logged(text, who, answer, party):
    parsed = read(text)
    assert parsed.command == C.MarkGuest(ref=C.Ref(who), answer=answer, party_size=party) and not parsed.sure


def test_a_call_the_organiser_made_is_still_logged():
    parsed = read("I called Ruthie, she's coming with her 2 kids")
    assert parsed.command == C.Called(ref=C.Ref("Ruthie"), outcome="yes", party_size=3) and not parsed.sure


@pytest.mark.parametrize("text, last", [("אורח נוסף: דוד אוחנה 050-3332211 צד כלה, 2 מקומות", "אוחנה"),
                                        ("להוסיף אורחים:\nמרים פינחסוב 0501112234\nדוד יעקובוב 052 444 5566", "יעקובוב"),
                                        ("הוסףאורח דוד אסרס 0509981123 צד חתן 4 איש", "אסרס")])
def test_david_and_a_surname_is_the_guest_david_never_an_uncle_called_by_his_surname(text, last):
    guest = cmd(text).guests[-1]
    assert (guest.first_name, guest.last_name) == ("דוד", last)


@pytest.mark.parametrize("text", ["הוסף את הדוד משה 0501234567", "תוסיף את דוד שלי משה 0501234567"])
def test_the_uncle_said_before_a_name_is_still_no_part_of_it(text):
    assert cmd(text).guests[0].first_name == "משה"


@pytest.mark.parametrize("text", ["הוספה אלי ושרית דהן +972-50-765-4321 צד כלה", "addd David and Ruth Benson 0501234567"])
def test_a_couple_on_one_phone_counts_two_once_the_verb_is_off_the_name(text):
    guest = cmd(text).guests[0]
    assert guest.party_size == 2 and guest.first_name in ("אלי ושרית", "David and Ruth")


@pytest.mark.parametrize("text, status, said", [
    ("שלח הודעה לכל המאשרים - נא להגיע עד 19:15, החופה בזמן", "confirmed", "נא להגיע עד 19:15, החופה בזמן"),
    ("send everyone who said yes that parking is at the back of the hall", "confirmed", "parking is at the back of the hall"),
    ("tell everyone who hasn't answered that we need an answer by Friday", "pending", "we need an answer by Friday")])
def test_a_message_to_some_of_the_guests_goes_to_them_only_and_their_words_are_no_part_of_it(text, status, said):
    parsed = cmd(text)
    assert isinstance(parsed, C.Broadcast) and (parsed.status, parsed.text) == (status, said)


@pytest.mark.parametrize("text, who, answer", [("תסמן את גיל אשכנזי כ'לא מגיע'", "גיל אשכנזי", "no"),
                                               ('תסמן את גיל אשכנזי כ"מגיע"', "גיל אשכנזי", "yes"),
                                               ("תסמני את דנה כ-לא מגיעה", "דנה", "no"),
                                               ("תסמני את דנה כ״אולי״", "דנה", "maybe")])
def test_mark_as_an_answer_in_quotes_or_after_a_dash_marks_that_answer_after_asking(text, who, answer):
    parsed = read(text)
    assert parsed.command == C.MarkGuest(ref=C.Ref(who), answer=answer) and not parsed.sure


@pytest.mark.parametrize("text, name, when, at, place", [
    ("שלום רב. אני מבקשת לפתוח אירוע חדש: יום הולדת שמונים לחנה רוזנבלום. התאריך: יום שלישי, 16 בפברואר. השעה: 12:30. "
     "המקום: מלון המלך דוד, ירושלים.", "יום הולדת שמונים לחנה רוזנבלום", date(2027, 2, 16), time(12, 30), "מלון המלך דוד, ירושלים"),
    ("new event: Dana 40th. date: 5.6.27. time: 20:00. place: the Hangar", "Dana 40th", date(2027, 6, 5), time(20, 0), "the Hangar"),
    ("אירוע חדש\nחתונת מעיין ואלעד | 02/09/2027 | 19:30 | אחוזת בית חנן", "חתונת מעיין ואלעד", date(2027, 9, 2), time(19, 30),
     "אחוזת בית חנן")])
def test_a_new_events_form_in_one_line_or_between_bars_fills_each_field(text, name, when, at, place):
    parsed = cmd(text)
    assert isinstance(parsed, C.NewEvent)
    assert (parsed.name, parsed.date, parsed.time, parsed.location) == (name, when, at, place)


def test_a_new_events_time_in_pm_before_its_place_is_the_time():
    parsed = cmd("hi! can you set up a new event: Gil's 40th, saturday january 16th at 8pm at our place")
    assert (parsed.name, parsed.date, parsed.time, parsed.location) == ("Gil's 40th", date(2027, 1, 16), time(20, 0), "our place")


def test_the_question_mark_before_a_thank_you_is_no_part_of_it():
    assert cmd("אפשר לשלוח תודה לאורחים? תודה רבה שבאתם לשמוח איתנו") == C.ThankYou(text="תודה רבה שבאתם לשמוח איתנו")


@pytest.mark.parametrize("text", ["can you print the guest list as a PDF for the venue?",
                                  "do the thing with the list from yesterday", "תעשה משהו עם הרשימה",
                                  "Could you arrange a room block for the out-of-town guests?",
                                  "how much should we expect per guest as a gift", "מי זה הבוט הזה בכלל",
                                  "אמא של החתן שוב מתקשרת לשאול על הרשימה, אין לי כוח אליה"])
def test_what_the_chat_does_not_do_with_the_list_and_talk_about_it_show_no_list(text):
    assert isinstance(cmd(text), C.ParseError)


@pytest.mark.parametrize("text", ["תשאיר את הרשימה כמו שהיא בינתיים", "בינתיים לא לשנות כלום ברשימה"])
def test_leave_the_list_as_it_is_does_nothing_and_says_so(text):
    parsed = cmd(text)
    assert isinstance(parsed, C.ParseError) and "nothing was sent or changed" in parsed.message


@pytest.mark.parametrize("text", ["רשימת אורחים", "show me the guest list", "send me the list"])
def test_the_list_asked_for_is_still_shown(text):
    assert isinstance(cmd(text), C.ListGuests)


@pytest.mark.parametrize("text, first, side, party", [
    ("תוסיף לצד של אבא את אחי גלעד 052-7781234 הם יבואו 4", "גלעד", "אבא", 4),
    ("תוסיף לצד הכלה את דנה 0501234567", "דנה", "bride", None),
    ("add to the bride's side: Dana 0501234567", "Dana", "bride", None),
    ("add to my side: uncle Shlomo Peretz +972 50 666 1212, coming 2", "Shlomo", None, 2)])
def test_the_side_said_before_the_guest_is_the_guests_side_never_part_of_the_name(text, first, side, party):
    parsed = read(text)
    assert isinstance(parsed.command, C.AddGuests) and not parsed.sure
    guest = parsed.command.guests[0]
    assert (guest.first_name, guest.side, guest.party_size) == (first, side, party)
    assert not re.search(r"צד|side|coming|אחי", f"{guest.first_name} {guest.last_name}")


@pytest.mark.parametrize("text, field, value", [("תשנה לאירוע שעה, לא 19:00, צריך 19:30", "time", time(19, 30)),
                                                ("תשנה את השעה, לא 19:00 אלא 19:30", "time", time(19, 30)),
                                                ("change the time, not 7pm, it should be 7:30pm", "time", time(19, 30)),
                                                ("תשנה את התאריך, לא 5.6 אלא 12.6", "date", date(2027, 6, 12))])
def test_the_events_time_or_date_said_after_the_one_it_is_not_is_the_new_one(text, field, value):
    parsed = read(text)
    assert isinstance(parsed.command, C.SetEventField) and not parsed.sure
    assert (parsed.command.field, parsed.command.value) == (field, value)


@pytest.mark.parametrize("text, first", [("עוד אורחת חנה'לה ברגר 0556781234 מצד הכלה", "חנה'לה"), ("עוד אורח דני 0556781234", "דני")])
def test_one_more_guest_in_the_feminine_leaves_no_letter_of_it_in_the_name(text, first):
    parsed = read(text)
    assert isinstance(parsed.command, C.AddGuests) and parsed.command.guests[0].first_name == first and not parsed.sure


@pytest.mark.parametrize("text, first, last", [
    ("חברתי הטובה מרים שפירא, טלפון 02 5823 910, תגיע עם בתה. אבקש להוסיף אותן.", "מרים", "שפירא"),
    ("add Miri 0501234567, she's coming with her daughter", "Miri", "")])
def test_a_daughter_or_son_coming_along_counts_two_and_a_dear_friend_is_no_part_of_the_name(text, first, last):
    guest = cmd(text).guests[0]
    assert (guest.first_name, guest.last_name, guest.party_size) == (first, last, 2)


@pytest.mark.parametrize("text, party", [("pls add these 3:\nAmir Golan 0501472583\nIdan Ron 0547418529 groom x2", 2),
                                         ("add Dana 0501234567 x3", 3), ("Dana 0501234567 ×2", 2)])
def test_x2_after_the_phone_is_the_party_never_an_extension_of_the_phone(text, party):
    parsed = read(text)
    guest = parsed.command.guests[-1]
    assert guest.party_size == party and not parsed.sure and not re.search(r"party|x\d|×", guest.last_name or "")


@pytest.mark.parametrize("text, names", [
    ("הוסף אורחים\nסבא משה 0529100002\nדודה מרים 0529100003\nאמא של אורנה 0529100004",
     [("סבא", "משה"), ("דודה", "מרים"), ("אמא של אורנה", "")]),
    ("הוסף אורחים:\nהדוד יוסי כהן 0529100002\nסבתא רחל 0529100003", [("הדוד", "יוסי כהן"), ("סבתא", "רחל")]),
    ("הוסף אורח סבתא רחל 0529100001", [("סבתא", "רחל")]),
    ("הוסף אורח אמא של אורנה 0529100004", [("אמא של אורנה", "")]),
    # (who they are to the writer, not a title typed with the name: the name, as on one line)
    ("הוסף אורחים\nהדודה שלי רחל 0529100002\nדני כהן 0529100003", [("רחל", ""), ("דני", "כהן")])])
def test_a_pasted_list_keeps_a_family_title_typed_with_the_name_as_one_guest_line_does(text, names):
    parsed = cmd(text)
    assert isinstance(parsed, C.AddGuests)
    assert [(g.first_name, g.last_name) for g in parsed.guests] == names


@pytest.mark.parametrize("text", ["הוסף חבר 0525000004", "תוסיף חברה 0525000004", "הוסף חבר חדש 052-500-0004",
                                  "אפשר להוסיף חבר 0525000004?", "תוסיף חבר 0525000004 בבקשה"])
def test_add_chaver_with_only_a_phone_is_a_team_member_asked_first_never_a_guest_called_chaver(text):
    parsed = read(text)
    assert parsed.command == C.AddMember(phone="+972525000004", role="editor") and not parsed.sure


@pytest.mark.parametrize("text, first", [("הוסף חבר דני 0521234567", "דני"), ("תוסיף חבר 0521234567 דני", "דני")])
def test_add_chaver_with_a_name_is_a_friend_a_guest(text, first):
    parsed = cmd(text)
    assert isinstance(parsed, C.AddGuests) and [g.first_name for g in parsed.guests] == [first]


def test_add_chaver_with_a_side_but_no_name_asks_the_name_and_adds_nothing():
    parsed = cmd("הוסף חבר 0525000004 צד חתן")
    assert isinstance(parsed, C.ParseError) and parsed.usage


def test_add_chaver_with_a_role_is_still_the_member_with_that_role():
    assert cmd("הוסף חבר 0523000002 צופה") == C.AddMember(phone="+972523000002", role="viewer")


@pytest.mark.parametrize("text", ["אני רוצה לצאת מהצוות", "אני רוצה לעזוב את הצוות", "תוציא אותי מהצוות",
                                  "אני רוצה לפרוש מהצוות", "I want to leave the team"])
def test_leaving_the_team_in_a_sentence_is_leave_asked_first(text):
    parsed = read(text)
    assert isinstance(parsed.command, C.Leave) and not parsed.sure


def test_someone_else_leaving_the_team_is_no_leave_of_the_writer():
    assert not isinstance(cmd("דני רוצה לצאת מהצוות"), C.Leave)


@pytest.mark.parametrize("text", ["חברים", "החברים?", "צוות", "מי בצוות", "who's on the team"])
def test_the_team_asked_for_in_a_word_is_the_team(text):
    assert isinstance(cmd(text), C.ListMembers)


@pytest.mark.parametrize("text", ["תוריד לי את הרשימה לאקסל", "תוריד לי את הרשימה", "תוריד את הרשימה", "תורידי לי את רשימת האורחים",
                                  "להוריד את רשימת המוזמנים לאקסל", "תוציא לי את הרשימה", "ייצוא רשימה", "export the list",
                                  "send me the list as excel", "send me the list as csv", "download the list",
                                  "remove the guest list", "תמחק לי את הרשימה"])
def test_getting_the_list_out_or_as_a_file_is_never_a_removal_or_any_write(text):
    parsed = cmd(text)
    assert isinstance(parsed, (C.ListGuests, C.Export, C.ParseError)), parsed


@pytest.mark.parametrize("text", ["תוריד לי את הרשימה לאקסל", "להוריד את רשימת המוזמנים לאקסל", "ייצוא רשימה", "export the list",
                                  "send me the list as excel", "send me the list as csv", "תעשה לי export של הרשימה לאקסל",
                                  "תשלח לי את הרשימה כקובץ", "the guest list as a spreadsheet please"])
def test_the_list_asked_for_as_a_file_is_the_export(text):
    assert cmd(text) == C.Export()


@pytest.mark.parametrize("text", ["שלחתי לך אקסל עם האורחים", "how do I upload a csv", "I'll send you the excel tomorrow",
                                  "אני מעבירה לכם את הקובץ המעודכן מחר בבוקר", "צריך את הטוקן בשביל החיבור לאקסל"])
def test_a_file_the_organiser_sends_or_a_token_for_a_sheet_is_no_export(text):
    assert not isinstance(cmd(text), C.Export)


@pytest.mark.parametrize("text", ["תוריד לי את הרשימה", "תוריד את הרשימה", "תוציא לי את הרשימה"])
def test_download_the_list_without_a_file_shows_the_list(text):
    assert cmd(text) == C.ListGuests()


@pytest.mark.parametrize("text, name", [("תוריד את דני מהרשימה", "דני"), ("תוריד מהרשימה את שמעון", "שמעון"),
                                        ("תוריד את אורנה", "אורנה")])
def test_a_guest_taken_off_the_list_is_still_removed(text, name):
    parsed = cmd(text)
    assert isinstance(parsed, C.RemoveGuest) and parsed.ref.text == name


@pytest.mark.parametrize("text", ["תמחקי את ה-event של הכנס של חברת נקסט, they cancelled", "תמחק את ה-event"])
def test_the_english_event_with_the_hebrew_article_is_the_event_deleted_never_a_guest(text):
    assert isinstance(cmd(text), C.DeleteEvent)


@pytest.mark.parametrize("text", ["my mom should be able to add people too, her number is 054 778 1200",
                                  "my brother should be able to edit the list, 052-1234567"])
def test_someone_who_should_be_able_to_add_people_is_a_team_member_asked_first_never_a_guest(text):
    reading = read(text)
    assert isinstance(reading.command, C.AddMember) and reading.command.role == "editor" and not reading.sure


@pytest.mark.parametrize("text", ["נא להוסיף את אחי כשותף, לצפייה בלבד. 972-58-3216547+", "תוסיף את אמא שלי לצוות, צפייה בלבד 0521234567"])
def test_a_member_for_viewing_only_is_a_viewer(text):
    reading = read(text)
    assert isinstance(reading.command, C.AddMember) and reading.command.role == "viewer"


@pytest.mark.parametrize("text, day, at", [("גיא רוצה להזיז ל-21 בפברואר, תשנה", date(2027, 2, 21), None),
                                            ("שושנה מסיימת מוקדם, להקדים ליום שישי הבא ב-12:00", date(2026, 12, 11), time(12, 0))])
def test_moved_or_brought_forward_to_a_day_is_the_events_new_date_asked_first(text, day, at):
    reading = read(text)
    assert isinstance(reading.command, C.SetEventField) and not reading.sure
    assert (reading.command.field, reading.command.value, reading.command.time) == ("date", day, at)


@pytest.mark.parametrize("text, first, last", [("add guest Dana and Tom 050-123-4567", "Dana and Tom", ""),
                                               ("add guest David and Ruth Benson 050-123-4567", "David and Ruth", "Benson"),
                                               ("pls add Eli & Rivka Shor 0523131313", "Eli & Rivka", "Shor"),
                                               ("הוסף אורח חיים ורבקה לוי 0501234567", "חיים ורבקה", "לוי"),
                                               ("תוסיף את דנה ותום 050-123-4567", "דנה ותום", "")])
def test_a_couple_on_one_phone_keeps_both_given_names_and_comes_as_two(text, first, last):
    """The invitation greets both, and "and" is never lost ("Dana Tom", surname "Ruth Benson")."""
    g = cmd(text).guests
    assert len(g) == 1 and (g[0].first_name, g[0].last_name, g[0].party_size) == (first, last, 2)


@pytest.mark.parametrize("text, first, last, sure", [
    ("תוסיף את הדוד מלונדון +44 7700 900123", "הדוד", "מלונדון", False),   # who and where from: no name, asked
    ("תוסיף את משפחת אברהם, הם 4, 0541112222", "משפחת", "אברהם", False),
    ("הוסף את אחי יונתן שגר בניו יורק +1 917 555 0134", "יונתן", "", True),
    ("add Dana Levi who lives in Haifa 0521234567", "Dana", "Levi", True)])
def test_what_is_said_of_a_guest_is_no_part_of_their_name(text, first, last, sure):
    """Invitations greet by these names: never "מלונדון", "משפחת אברהם הם" or "יונתן שגר בניו יורק"."""
    reading = read(text)
    g = reading.command.guests
    assert len(g) == 1 and (g[0].first_name, g[0].last_name) == (first, last) and reading.sure == sure


def test_a_surname_that_opens_with_vav_is_no_couple():
    g = cmd("הוסף אורח דני וייס 0501234567").guests
    assert (g[0].first_name, g[0].last_name, g[0].party_size) == ("דני", "וייס", None)


@pytest.mark.parametrize("text, name", [("היי, אני רוצה לארגן בר מצווה לבן שלי", "בר מצווה לבן שלי"),
                                        ("אנחנו מתחתנים!! רוצים לפתוח אירוע לחתונה של מיכל ויואב", "חתונה של מיכל ויואב"),
                                        ("I want to organise a bat mitzvah for my daughter", "bat mitzvah for my daughter")])
def test_an_event_wished_for_in_ones_own_words_is_a_new_event_asked_first(text, name):
    reading = read(text)
    assert reading.command == C.NewEvent(name=name) and not reading.sure


@pytest.mark.parametrize("text, day, at", [("תעביר את האירוע ל-12/7/2027", date(2027, 7, 12), None),
                                            ("להעביר את החתונה ל 20/5 בשעה 19:00", date(2027, 5, 20), time(19, 0))])
def test_the_event_carried_over_to_a_day_is_its_new_date_asked_first(text, day, at):
    reading = read(text)
    assert isinstance(reading.command, C.SetEventField) and not reading.sure
    assert (reading.command.field, reading.command.value, reading.command.time) == ("date", day, at)


@pytest.mark.parametrize("text", ["תעביר את ההודעה לדנה ב-12/7", "תעביר את ההזמנה של דני ל-12/7"])
def test_passing_on_a_message_is_neither_a_new_date_nor_a_typo_of_leave(text):
    reading = read(text)
    assert not isinstance(reading.command, C.SetEventField)
    assert "תעזבי" not in getattr(reading.command, "message", "")


@pytest.mark.parametrize("text", ["להזיז את ההזמנות ל-21 בפברואר", "תזיז את דני לשולחן 5"])
def test_moving_the_invitations_or_a_guest_never_moves_the_event(text):
    assert not isinstance(cmd(text), C.SetEventField)


@pytest.mark.parametrize("text, first, last", [("add my cousin in NY, Ben Rosen, +1 (917) 555-0143", "Ben", "Rosen"),
                                               ("add his publisher Tamar Ezra 052-3321190 note bring 30 copies", "Tamar", "Ezra"),
                                               ("add her mom Rina Cohen 0521234567", "Rina", "Cohen")])
def test_who_the_guest_is_to_someone_is_never_part_of_the_name(text, first, last):
    g = cmd(text).guests
    assert len(g) == 1 and (g[0].first_name, g[0].last_name) == (first, last)


def test_how_many_they_come_as_said_after_the_phone_with_more_after_it_is_the_party():
    g = cmd("כן אז תוסיפי בבקשה את יוסף ברזני הוא הדוד של שירה מצד אבא שלה המספר 054 661 2387 "
            "והם באים שלושה הוא אשתו והבת הקטנה").guests
    assert len(g) == 1 and (g[0].first_name, g[0].last_name, g[0].party_size) == ("יוסף", "ברזני", 3)


@pytest.mark.parametrize("text, n", [("אחיות משמרת בוקר:\nמרים אבוטבול\t0546601122\nסהר נגר\t0546601123\nלנה קוגן\t0546601124\nנא להוסיף", 3),
                                     ("חברים מהעבודה:\nדנה לוי 0521234567\nרון כהן 0521234568\nתוסיפי בבקשה", 2)])
def test_a_list_under_who_they_are_with_the_verb_after_it_adds_every_line(text, n):
    command = cmd(text)
    assert isinstance(command, C.AddGuests) and len(command.guests) == n


@pytest.mark.parametrize("text, status", [("תראי לי מי אישרררר", "confirmed"), ("מי לא עננננה?", "pending")])
def test_a_word_drawn_out_for_emphasis_is_the_word(text, status):
    command = cmd(text)
    assert isinstance(command, C.ListGuests) and command.status == status


def test_a_message_drawn_out_keeps_its_letters():
    command = cmd("תשלחי לכולם מזל טובבבב")
    assert isinstance(command, C.Broadcast) and command.text == "מזל טובבבב"


@pytest.mark.parametrize("text, side", [("אבקש לראות את רשימת המוזמנים מצד אשתי", "אשתי"), ("תראי לי את המוזמנים מצד אמא", "אמא"),
                                        ("תראי לי את המוזמנים מהצד של אשתי", "אשתי")])
def test_the_guests_of_the_wifes_or_mothers_side_are_that_sides_list(text, side):
    command = cmd(text)
    assert isinstance(command, C.ListGuests) and command.side == side


@pytest.mark.parametrize("text", ["שלחיהזמנות לכולם", "שלחהזמנות לכולם", "invtie everyone on the list", "inivte everyone"])
def test_send_glued_to_the_invitations_or_invite_misspelt_is_the_invitations_asked_first(text):
    reading = read(text)
    assert isinstance(reading.command, C.Invite) and not reading.sure


@pytest.mark.parametrize("text, question, options", [
    ("ליה רוצה לשאול את המגיעים מי רוצה לרכוב על סוס: כן / לא / רק ללטף", "מי רוצה לרכוב על סוס?", ("כן", "לא", "רק ללטף")),
    ("ask confirmed guests: Shuttle from the office at 19:30? yes / no", "Shuttle from the office at 19:30?", ("yes", "no"))])
def test_a_question_put_to_the_guests_with_its_options_is_asked_and_a_time_in_it_ends_nothing(text, question, options):
    command = cmd(text)
    assert isinstance(command, C.Ask) and (command.text, command.options) == (question, options)


@pytest.mark.parametrize("text, name", [("fix Hanna's name, it's Chana Levi-Tal", "Chana Levi-Tal"),
                                        ("fix Dana's name it should be Daniela Cohen", "Daniela Cohen")])
def test_the_right_name_said_as_its_or_should_be_is_the_name_asked_first(text, name):
    reading = read(text)
    assert isinstance(reading.command, C.EditGuest) and reading.command.value == name and not reading.sure


@pytest.mark.parametrize("text", ["נא להפסיק את ההודעה האוטומטית של יום לפני האירוע", "תכבי את ההודעה האוטומטית של יום לפני",
                                  "stop the automatic message the day before"])
def test_the_automatic_day_before_message_stopped_is_the_day_before_message_off_asked_first(text):
    reading = read(text)
    assert isinstance(reading.command, C.DayBefore) and reading.command.on is False and not reading.sure


@pytest.mark.parametrize("text", ["api token for the seating app pls", "token for my zapier"])
def test_a_token_asked_for_with_what_it_is_for_is_a_new_token_asked_first(text):
    reading = read(text)
    assert isinstance(reading.command, C.Token) and not reading.command.revoke and not reading.sure


def test_a_token_for_an_app_with_revoke_in_it_makes_no_new_token():
    assert not isinstance(cmd("token for the old app revoke it"), C.Token)


@pytest.mark.parametrize("text", ["Arik's mom says dont send guests anything before 9am lol", "לא לשלוח לאורחים לפני 9 בבוקר",
                                  "no messages before 9am"])
def test_nothing_sent_before_a_morning_hour_is_quiet_hours_until_then_asked_first(text):
    reading = read(text)
    assert isinstance(reading.command, C.Quiet) and reading.command.hours == "22-9" and not reading.sure


@pytest.mark.parametrize("text", ["dont send the invites before friday", "dont send anything before 3"])
def test_a_day_or_no_morning_hour_before_which_nothing_goes_out_sets_no_quiet_hours(text):
    assert not isinstance(cmd(text), C.Quiet)


@pytest.mark.parametrize("text, who, role", [("Yael asked to be admin, not viewer", "Yael", "admin"),
                                             ("Dana wants to be an editor", "Dana", "editor")])
def test_a_member_who_asked_for_a_role_gets_it_asked_first(text, who, role):
    reading = read(text)
    assert isinstance(reading.command, C.ChangeRole) and (reading.command.ref.text, reading.command.role) == (who, role)
    assert not reading.sure


@pytest.mark.parametrize("text", ["She wants to be admin", "the wedding should be fun"])
def test_a_pronoun_or_no_role_changes_no_role(text):
    assert not isinstance(cmd(text), C.ChangeRole)


@pytest.mark.parametrize("text", ["כמה עוגות גבינה יש כבר? לא רוצה 12 עוגות ואפס סלטים", "how many cakes so far?"])
def test_how_many_of_a_dish_guests_bring_is_the_answers_never_the_head_count(text):
    assert isinstance(cmd(text), C.Answers)


@pytest.mark.parametrize("text, status", [
    ("msg to confirmed only: latkes are on us, bring a white elephant gift under 50 shekels", "confirmed"),
    ("message the pending ones: please answer by Friday", "pending")])
def test_a_message_to_an_answer_group_is_a_broadcast_to_it_never_a_guest_named_so(text, status):
    parsed = cmd(text)
    assert isinstance(parsed, C.Broadcast) and parsed.status == status and ":" not in parsed.text


@pytest.mark.parametrize("text, ref, n", [("תשני לגל ושני ל-3, הם באים עם התינוקת", "גל ושני", 3),
                                          ("תעדכני לדני ל-4, הם באים עם הילדים", "דני", 4)])
def test_a_new_count_with_its_reason_after_the_comma_is_the_party_size(text, ref, n):
    parsed = read(text)
    assert parsed.command == C.EditGuest(C.Ref(ref), "party", n) and not parsed.sure


def test_a_name_that_swallowed_the_request_and_a_comma_marks_nobody():
    assert not isinstance(cmd("תעדכני לדני ל-5, שהם באים"), (C.MarkGuest, C.Called))


@pytest.mark.parametrize("text", ["תכבי לי את ההתראות על כל תשובה, זה מטריף אותי", "תכבי לי את ההתראות",
                                  "turn off the notifications for every answer, it is driving me crazy"])
def test_notices_turned_off_with_a_remark_after_them_are_off(text):
    assert cmd(text) == C.Notify(on=False)


@pytest.mark.parametrize("text, ref, role", [("גיל לא צריך להיות מנהל, רק שיוכל לראות", "גיל", "viewer"),
                                             ("דנה לא צריכה להיות מנהלת, רק עורכת", "דנה", "editor"),
                                             ("Gil doesn't need to be an admin, just a viewer", "Gil", "viewer")])
def test_a_role_not_needed_and_the_lesser_one_said_after_only_is_a_change_of_role(text, ref, role):
    parsed = read(text)
    assert parsed.command == C.ChangeRole(C.Ref(ref), role) and not parsed.sure


@pytest.mark.parametrize("text, question, options", [
    ("תשאלי את המגיעים אם הם צריכים הסעה מתחנת הרכבת", "צריכים הסעה מתחנת הרכבת?", ("כן", "לא")),
    ("תשאלי את כולם אם יש להם אלרגיות", "יש לכם אלרגיות?", ("כן", "לא")),
    ("ask the guests if they need a ride from the station", "Do you need a ride from the station?", ("yes", "no"))])
def test_asking_the_guests_whether_is_a_yes_no_question_put_to_them(text, question, options):
    assert cmd(text) == C.Ask(question, options)


@pytest.mark.parametrize("text", ["הטוקן שלי?", "טוקן שלי", "my token?"])
def test_my_token_is_the_token(text):
    assert cmd(text) == C.Token(revoke=False)


@pytest.mark.parametrize("text, ref, note", [("רשמי אצל Susan Roth: vegan, בלי גלוטן", "Susan Roth", "vegan, בלי גלוטן"),
                                             ("תרשום ליד דני: אלרגי לבוטנים", "דני", "אלרגי לבוטנים")])
def test_what_is_written_at_a_guest_after_a_colon_is_their_note(text, ref, note):
    parsed = read(text)
    assert parsed.command == C.EditGuest(C.Ref(ref), "note", note) and not parsed.sure


def test_rows_pasted_under_a_line_saying_who_they_are_are_added_with_the_side_it_names():
    parsed = read("groom side, from Daniel's mom:\nMichael Roth +1 (917) 555-0142 2\nSusan Roth +1 646 555 0199\n"
                  "Jake Feldman +12125550173")
    assert isinstance(parsed.command, C.AddGuests) and not parsed.sure
    assert [(g.first_name, g.phone, g.side, g.party_size) for g in parsed.command.guests] == [
        ("Michael", "+19175550142", "groom", 2), ("Susan", "+16465550199", "groom", None),
        ("Jake", "+12125550173", "groom", None)]


def test_a_party_size_typed_after_an_international_number_is_the_party():
    guest = C.parse("add guests\nMichael Roth +1 (917) 555-0142 2", "IL").guests[0]
    assert (guest.phone, guest.party_size) == ("+19175550142", 2)


@pytest.mark.parametrize("text, names", [
    ("תוסיפי גם את ורד הבת דודה שלי 050 441 2290 ואת אחותה מזל +972 52-331-8870", ["ורד", "מזל"]),
    ("תוסיפי את נתן 0501234567 וורד 0521234567", ["נתן", "ורד"]),
    ("תוסיפי את נתן 0501234567 ואת רונית 0521234567", ["נתן", "רונית"])])
def test_the_vav_that_opens_a_name_is_no_and(text, names):
    assert [g.first_name for g in cmd(text).guests] == names


@pytest.mark.parametrize("text", ["remove these:\nדנה 050-1234567\nדני 0521234567",
                                  "delete the following:\nDana 050-1234567\nDan 0521234567"])
def test_rows_under_a_line_that_removes_them_are_never_added(text):
    assert not isinstance(cmd(text), C.AddGuests)


@pytest.mark.parametrize("text", ["אחי תוסיף לי את החבר'ה מהפלוגה", "תוסיף את החברים מהעבודה", "add my friends from work"])
def test_a_group_to_add_with_no_names_asks_for_them_one_a_line(text):
    parsed = cmd(text)
    assert isinstance(parsed, C.ParseError) and "add guests" in parsed.message and "phone number?" not in parsed.message


@pytest.mark.parametrize("text, kind", [("reply to her: no worries, wait for us at the entrance", C.ReplyGuest),
                                        ("תעני לו: לא, עזוב, אין צורך", C.ReplyGuest),
                                        ("message Dana: no worries, wait for us at the entrance", C.MessageGuest),
                                        ("send everyone: bus at 5, wait at the gate", C.Broadcast)])
def test_a_wait_among_the_words_to_send_is_theirs_and_the_send_is_asked_not_refused(text, kind):
    parsed = read(text)
    assert isinstance(parsed.command, kind) and ("wait" in parsed.command.text or "עזוב" in parsed.command.text)
    if kind is C.MessageGuest:
        assert not parsed.sure   # sent at once otherwise: asked first


@pytest.mark.parametrize("text", ["reply to her: sure. actually wait, not yet",
                                  "תשלח לכולם שהברית ביום שני... לא רגע, עוד לא סגור, אל תשלח"])
def test_a_send_that_ends_by_saying_not_to_send_is_taken_back(text):
    assert isinstance(cmd(text), C.ParseError)


@pytest.mark.parametrize("text", ["יש הודעות חדשות?", "any new messages?", "יש הודעות?", "are there messages from guests?"])
def test_asking_for_new_messages_shows_the_inbox(text):
    assert cmd(text) == C.Inbox()


@pytest.mark.parametrize("text, words, about", [
    ("reply to the guy who asked about parking: Yes, there's a free lot behind the hall",
     "Yes, there's a free lot behind the hall", "parking"),
    ("answer the guy who asked about parking tell him theres a free lot next door", "theres a free lot next door", "parking"),
    ("תעני למי ששאל על החניה: יש חניה בחינם", "יש חניה בחינם", "החניה")])
def test_the_guest_who_asked_about_something_is_pointed_back_at_by_it(text, words, about):
    parsed = cmd(text)
    assert isinstance(parsed, C.ReplyGuest) and C.refers_back(parsed.ref) and (parsed.text, parsed.about) == (words, about)


@pytest.mark.parametrize("text, ref, words", [("תשובה לשאלה של מוטי - מותר להביא ילדים", "מוטי", "מותר להביא ילדים"),
                                              ("reply to Moti's question: yes", "Moti", "yes")])
def test_a_reply_to_a_named_guests_question_answers_that_guest(text, ref, words):
    assert cmd(text) == C.ReplyGuest(C.Ref(ref), words)


def test_the_guy_is_pointed_back_at():
    parsed = cmd("reply to the guy's question: yes")
    assert isinstance(parsed, C.ReplyGuest) and C.refers_back(parsed.ref)


@pytest.mark.parametrize("text, expected", [
    ("תעני לאורח 3: כן", C.ReplyGuest(C.Ref("3", number=3), "כן")),
    ("לשלוח לאורח 3: נשמח אם תגיע", C.MessageGuest(C.Ref("3", number=3), "נשמח אם תגיע"))])
def test_to_guest_followed_by_who_names_them_and_points_back_at_no_one(text, expected):
    assert cmd(text) == expected


@pytest.mark.parametrize("text, words", [("תשלח לו נתראה", "נתראה"), ("תשלחי לה שיש חניה", "יש חניה")])
def test_send_him_words_answers_the_guest_pointed_back_at_never_everyone(text, words):
    parsed = cmd(text)
    assert isinstance(parsed, C.ReplyGuest) and C.refers_back(parsed.ref) and parsed.text == words


@pytest.mark.parametrize("text", ["תשלח לה את הפרטים", "תשלחי לה הזמנה", "תשלח לו תזכורת"])
def test_send_her_a_thing_is_no_message_of_those_words(text):
    assert not isinstance(cmd(text), (C.ReplyGuest, C.MessageGuest, C.Broadcast))


@pytest.mark.parametrize("text", ["reply to the guest Dana: yes", "message the guest 3: hi", "tell her mom we said hi",
                                  "tell him and Dana: hi"])
def test_a_pronoun_or_the_guest_followed_by_more_of_whom_is_no_pointing_back(text):
    parsed = cmd(text)
    assert not (isinstance(parsed, C.ReplyGuest) and C.refers_back(parsed.ref))


# --------------------------------------------------------------------------- a command named only to forbid it

@pytest.mark.parametrize("text", [
    "אסור למחוק את האירוע של סבתא, רק שתדע", "אין למחוק את האירוע", "בשום אופן לא למחוק את דני",
    "בשום אופן אל תמחק את דני", "לעולם אל תמחק את האירוע", "אף פעם אל תמחק את האירוע", "אסור לשלוח הזמנות",
    "never delete the event", "you must not delete the event", "under no circumstances remove Dana"])
def test_a_prohibition_before_a_command_verb_is_no_command_and_says_so(text):
    got = cmd(text)
    assert isinstance(got, C.ParseError) and got.usage is None and "won't" in got.message, got


@pytest.mark.parametrize("text, kind", [("never mind, delete Dana", C.RemoveGuest), ("delete this event", C.DeleteEvent),
                                        ("תמחק את דני", C.RemoveGuest)])
def test_never_mind_or_a_plain_command_is_still_the_command(text, kind):
    assert isinstance(cmd(text), kind)


def test_forbidding_the_event_deleted_deletes_nothing_and_says_so_kindly(phone_factory, runtime):
    from storage.models import Event
    dana = phone_factory("+972521234567", "Dana")
    dana.send("new event Grandma's 90th")
    reply = dana.send("אסור למחוק את האירוע של סבתא, רק שתדע")
    assert "won't" in reply or "לא אעשה" in reply, reply
    assert dana.last_buttons != ["confirm:yes", "confirm:no"]
    assert "Deleted" not in dana.send("yes")   # nothing was asked, so a yes deletes nothing
    with runtime.transaction() as s:
        assert len(list(s.scalars(select(Event)))) == 1


# --------------------------------------------------------------------------- "update all the guests that ..."

@pytest.mark.parametrize("text, words, status", [
    ("תעדכן את כל האורחים שהישיבה נפרדת, גברים מימין ונשים משמאל", "הישיבה נפרדת, גברים מימין ונשים משמאל", None),
    ("תעדכני את האורחים שיש חניה", "יש חניה", None), ("תעדכן את האורחים: יש חניה", "יש חניה", None),
    ("תעדכן את כולם שהישיבה נפרדת", "הישיבה נפרדת", None),
    ("תעדכן את כל מי שאישר שהאוטובוס יוצא בשש", "האוטובוס יוצא בשש", "confirmed"),
    ("update all the guests that there is parking", "there is parking", None)])
def test_updating_all_the_guests_that_something_is_a_broadcast_of_it_asked_first(text, words, status):
    r = read(text)
    assert r.command == C.Broadcast(text=words, status=status, side=None) and not r.sure, r


def test_updating_one_guest_that_something_is_still_a_message_to_them():
    assert isinstance(cmd("תעדכן את דני שהאירוע זז"), C.MessageGuest)


# --------------------------------------------------------------------------- "write a note at X's: ..."

@pytest.mark.parametrize("text, name, note", [
    ("תכתוב הערה אצל יונתן: צמחוני", "יונתן", "צמחוני"), ("תכתבי הערה אצל יונתן - צמחוני", "יונתן", "צמחוני"),
    ("תוסיף הערה אצל יונתן: צמחוני", "יונתן", "צמחוני"), ("אצל יונתן לרשום שהוא צמחוני", "יונתן", "צמחוני"),
    ("write a note on Jonathan: vegetarian", "Jonathan", "vegetarian"), ("add a note to Dana - vegan", "Dana", "vegan")])
def test_a_note_written_at_a_guest_is_that_guests_note_never_a_message(text, name, note):
    r = read(text)
    assert isinstance(r.command, C.EditGuest) and r.command.ref.text == name, r
    assert (r.command.field, r.command.value, r.sure) == ("note", note, False)


# --------------------------------------------------------------------------- Shabbat said as the rule

@pytest.mark.parametrize("text", ["בשבת לא שולחים כלום", "בשבת לא שולחים הודעות", "בשבת אנחנו לא שולחים כלום",
                                  "אסור לשלוח בשבת"])
def test_nothing_sent_on_shabbat_said_as_a_rule_turns_shabbat_on(text):
    r = read(text)
    assert isinstance(r.command, C.Shabbat) and r.command.on and not r.sure, r


def test_after_ten_nothing_is_sent_is_quiet_hours_not_shabbat():
    assert cmd("אחרי 22 לא שולחים הודעות") == C.Quiet(hours="22-8")


# --------------------------------------------------------------------------- guest rows pasted without a header

@pytest.mark.parametrize("text, names, parties", [
    ("Maya Cohen, 054-1112233, 2\nOr Levi, 050-9998887, 1", ["Maya", "Or"], [2, 1]),
    ("Or Levi, 050-9998887, 1\nMaya Cohen, 054-1112233, 2", ["Or", "Maya"], [1, 2]),
    ("Maya Cohen, 054-1112233, 2\nDana Levi, 050-9998887, 1\nאבי כהן, 052-3334445, 3", ["Maya", "Dana", "אבי"], [2, 1, 3])])
def test_rows_pasted_without_a_header_each_with_a_phone_and_count_are_all_added_asked_first(text, names, parties):
    r = read(text)
    assert isinstance(r.command, C.AddGuests) and not r.sure, r
    assert [g.first_name for g in r.command.guests] == names and [g.party_size for g in r.command.guests] == parties


def test_a_guest_row_then_words_without_a_phone_is_still_one_guest():
    r = read("Maya Cohen, 054-1112233, 2\nsee you soon")
    assert isinstance(r.command, C.AddGuests) and [g.first_name for g in r.command.guests] == ["Maya"]


@pytest.mark.parametrize("text, command, args", [
    # a weekday with "next" and no "יום" before it is that day next week (today is Friday 2026-12-04)
    ("אפשר להזיז את האירוע לשישי הבא?", C.SetEventField, {"field": "date", "value": date(2026, 12, 11)}),
    ("אפשר להזיז את האירוע לחמישי הקרוב?", C.SetEventField, {"field": "date", "value": date(2026, 12, 10)}),
    # "nag" those who have not answered is a reminder to them
    ("תנדנד למי שלא ענה 😅", C.Remind, {}),
    ("תנדנדי למי שעוד לא אישר", C.Remind, {}),
    # "dont message" (no apostrophe) holds messages back in those hours: quiet hours, not the guest list
    ("dont message guests between 10pm and 7am", C.Quiet, {"hours": "22-7"}),
    # a Hebrew "to" typed onto an English word is read apart
    ("תחליף שפה לenglish", C.SetLanguage, {"code": "en"}),
    # a token "for the event" is a new token
    ("token לאירוע", C.Token, {"revoke": False}),
    ("טוקן לאירוע", C.Token, {"revoke": False}),
])
def test_loose_wordings_of_settings_and_reminders_are_read_and_asked_first(text, command, args):
    r = read(text)
    assert isinstance(r.command, command), r.command
    for k, v in args.items():
        assert getattr(r.command, k) == v, (k, r.command)
    assert not r.sure


def test_nagging_one_named_guest_is_not_a_reminder_to_everyone():
    assert not isinstance(read("תנדנד לדני").command, C.Remind)
