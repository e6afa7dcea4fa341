"""The organiser command parser in Hebrew: every command as an Israeli types it, and Hebrew hints."""
import re
from datetime import date

import pytest

from bot.chat import commands as c
from bot.chat.commands import (
    COMMANDS,
    AddGuests,
    AddMember,
    Broadcast,
    Cancel,
    ChangeRole,
    Confirm,
    DeleteEvent,
    EditGuest,
    FindGuests,
    GuestDraft,
    Help,
    Invite,
    Leave,
    ListEvents,
    ListGuests,
    ListMembers,
    MarkGuest,
    MessageGuest,
    More,
    NewEvent,
    Notify,
    ParseError,
    Ref,
    Remind,
    Reminders,
    RemoveGuest,
    RemoveMember,
    SetEventField,
    SetLanguage,
    Inbox,
    ReplyGuest,
    Answers,
    Ask,
    Called,
    Calls,
    DayBefore,
    GuestCard,
    GuestLink,
    Quiet,
    Shabbat,
    ThankYou,
    Chart,
    Export,
    ShowEvent,
    Stats,
    Token,
    UseEvent,
    help_lines,
    parse,
    spec_for,
)
from bot.text import i18n

TODAY = date(2026, 11, 24)
DANA = "+972501234567"
NOAM = "+972523456789"
LATIN = re.compile("[A-Za-z]")
ISOLATED = re.compile("\u2068[^\u2069]*\u2069")


def p(text):
    return parse(text, "IL", TODAY)


def he(text):
    with i18n.use("he"):
        return parse(text, "IL", TODAY)


def guest(first, last, phone, side=None, party=None, notes=None, line_no=1):
    return GuestDraft(first, last, phone, side, party, notes, line_no)


def latin_outside_isolates(text):
    return LATIN.findall(ISOLATED.sub("", text or ""))


CASES = [
    ("גרף", Chart()),
    ("תרשים", Chart()),
    ("הגרף", Chart()),
    ("ייצוא", Export()),
    ("אקסל", Export()),
    ("ייצוא רשימה", Export()),
    ("קישור 3", GuestLink(Ref("3", 3))),
    ("אורח 3", GuestCard(Ref("3", 3))),
    ("שעות שקט 22-8", Quiet("22-8")),
    ("שיחות", Calls()),
    ("שאלה מנה? בשר / דג / טבעוני", Ask("מנה?", ("בשר", "דג", "טבעוני"))),
    ("שאל את האורחים הסעה? כן או לא", Ask("הסעה?", ("כן", "לא"))),
    ("סקר: צריכים חניה? כן / לא", Ask("צריכים חניה?", ("כן", "לא"))),
    ("תשובות", Answers()),
    ("תוצאות הסקר", Answers()),
    ("כמה מנות", Answers()),
    ("למי להתקשר", Calls()),
    ("רשימת שיחות", Calls()),
    ("התקשרתי 3 כן כמות 2", Called(Ref("3", 3), "yes", 2)),
    ("התקשרתי לדנה לא ענתה", Called(Ref("דנה"), "no_answer")),
    ("דיברתי עם אבי אולי", Called(Ref("אבי"), "maybe")),
    ("שקט מ-21 עד 9", Quiet("21-9")),
    ("שעות שקט כבוי", Quiet(None)),
    ("שבת פעיל", Shabbat(True)),
    ("שמירת שבת כן", Shabbat(True)),
    ("שבת כבוי", Shabbat(False)),
    ("יום לפני כבוי", DayBefore(False)),
    ("הודעת יום לפני פעיל", DayBefore(True)),
    ("תזכורת יום לפני לא", DayBefore(False)),
    ("תודה לאורחים: תודה שחגגתם איתנו", ThankYou("תודה שחגגתם איתנו")),
    ("שלח תודה תודה שבאתם!", ThankYou("תודה שבאתם!")),
    ("הודעת תודה תודה רבה לכולם", ThankYou("תודה רבה לכולם")),
    ("כרטיס אורח דנה", GuestCard(Ref("דנה"))),
    ("תראה את האורח 2", GuestCard(Ref("2", 2))),
    ("סמן 2 אולי", MarkGuest(Ref("2", 2), "maybe")),
    ("לינק דנה", GuestLink(Ref("דנה"))),
    ("קישור אישי 2 חדש", GuestLink(Ref("2", 2), new=True)),
    ("הודעות", Inbox()),
    ("תיבה", Inbox()),
    ("הודעות מאורחים", Inbox()),
    ("ענה 1 כן, יש חניה", ReplyGuest(Ref("1", 1), "כן, יש חניה")),
    ("השב ל-2 תודה רבה", ReplyGuest(Ref("2", 2), "תודה רבה")),
    ("תענה 3: נתראה", ReplyGuest(Ref("3", 3), "נתראה")),
    # help
    ("עזרה", Help()),
    ("תפריט", Help()),
    ("פקודות", Help()),
    ("מה אפשר לעשות?", Help()),
    ("עזרה בבקשה", Help()),
    # events
    ("אירוע חדש החתונה של דנה", NewEvent("החתונה של דנה")),
    ("צור אירוע בר מצווה", NewEvent("בר מצווה")),
    ("תיצור אירוע: חינה\nתאריך: 12/6/2027\nמקום: גני התערוכה", NewEvent("חינה", date(2027, 6, 12), "גני התערוכה")),
    ("להוסיף אירוע ברית", NewEvent("ברית")),
    ("צרי אירוע חדש\nהחתונה של נועם\nמתי: 12 ביוני 2027", NewEvent("החתונה של נועם", date(2027, 6, 12))),
    ("שנה תאריך 12/6/2027", SetEventField("date", date(2027, 6, 12))),
    ("קבע תאריך ל-12.6.27", SetEventField("date", date(2027, 6, 12))),
    ("תשני את התאריך ל 2027-06-12", SetEventField("date", date(2027, 6, 12))),
    ("עדכן מקום: גני התערוכה", SetEventField("location", "גני התערוכה")),
    ("קבע מקום אולם הגן, חיפה", SetEventField("location", "אולם הגן, חיפה")),
    ("שנה שם החתונה של דנה ונועם", SetEventField("name", "החתונה של דנה ונועם")),
    ("תשנה את שם האירוע: ברית", SetEventField("name", "ברית")),
    ("קבע שפה ערבית", SetEventField("language", "ar")),
    ("שפת אורחים רוסית", SetEventField("language", "ru")),
    ("שנה אירוע\nמקום: חיפה", SetEventField("location", "חיפה")),
    ("אירועים", ListEvents()),
    ("האירועים שלי", ListEvents()),
    ("הצג אירועים", ListEvents()),
    ("רשימת אירועים", ListEvents()),
    ("עבור ל-2", UseEvent("2")),
    ("עבור לאירוע 2", UseEvent("2")),
    ("עבור לחתונה", UseEvent("חתונה")),
    ("תעבור ל 3", UseEvent("3")),
    ("בחר אירוע החתונה של דנה", UseEvent("החתונה של דנה")),
    ("אירוע", ShowEvent()),
    ("פרטי אירוע", ShowEvent()),
    ("פרטי האירוע", ShowEvent()),
    ("הצג את האירוע", ShowEvent()),
    ("מחק אירוע", DeleteEvent()),
    ("מחקי את האירוע", DeleteEvent()),
    ("בטל אירוע", DeleteEvent()),
    ("למחוק אירוע בבקשה", DeleteEvent()),
    ("תזכורות 7 3", Reminders((7, 3))),
    ("תזכורות 14 7 ו-2 ימים לפני", Reminders((14, 7, 2))),
    ("קבע תזכורות 7, 3", Reminders((7, 3))),
    ("תזכורות כבוי", Reminders(None)),
    ("בטל תזכורות", Reminders(None)),
    ("בלי תזכורות", Reminders(None)),
    # guests
    ("הוסף אורח דנה לוי 050-123-4567", AddGuests((guest("דנה", "לוי", DANA),))),
    ("תוסיף דנה לוי 050-123-4567", AddGuests((guest("דנה", "לוי", DANA),))),
    ("הוסף דנה לוי 050-123-4567", AddGuests((guest("דנה", "לוי", DANA),))),
    ("הוסיפי אורחת דנה 050-123-4567 צד כלה כמות 2", AddGuests((guest("דנה", "", DANA, "כלה", 2),))),
    ("להוסיף אורח דנה לוי 050-123-4567 הערה טבעונית", AddGuests((guest("דנה", "לוי", DANA, notes="טבעונית"),))),
    ("תוסיפי את דנה 050-123-4567", AddGuests((guest("דנה", "", DANA),))),
    ("ותוסיף את דנה 050-123-4567", AddGuests((guest("דנה", "", DANA),))),
    ("הוסף אורחים\nדנה לוי 050-123-4567\nנועם 052-345-6789 מצד החתן",
     AddGuests((guest("דנה", "לוי", DANA), guest("נועם", "", NOAM, "החתן", line_no=2)))),
    ("אורחים", ListGuests()),
    ("רשימת אורחים", ListGuests()),
    ("האורחים", ListGuests()),
    ("הצג את רשימת האורחים", ListGuests()),
    ("מי לא ענה", ListGuests("pending")),
    ("מי לא ענה?", ListGuests("pending")),
    ("מי עוד לא ענו", ListGuests("pending")),
    ("ממתינים", ListGuests("pending")),
    ("מי מגיע", ListGuests("confirmed")),
    ("מי אישר הגעה?", ListGuests("confirmed")),
    ("מי לא מגיע", ListGuests("declined")),
    ("מי לא מגיעים?", ListGuests("declined")),
    ("מי לא קיבל", ListGuests("failed")),
    ("מי לא ענה מצד החתן", ListGuests("pending", "החתן")),
    ("אורחים ממתינים", ListGuests("pending")),
    ("אורחים מגיעים צד כלה", ListGuests("confirmed", "כלה")),
    ("אורחים לא מגיעים", ListGuests("declined")),
    ("אורחים לא ענו", ListGuests("pending")),
    ("אורחים לא הוזמנו", ListGuests("not_invited")),
    ("אורחים נכשלו", ListGuests("failed")),
    ("אורחים המגיעים", ListGuests("confirmed")),
    ("אורחים כולם", ListGuests()),
    ("עוד", More()),
    ("הבא", More()),
    ("המשך", More()),
    ("עמוד הבא", More()),
    ("חפש דנה", FindGuests("דנה")),
    ("תחפשי את דנה", FindGuests("דנה")),
    ("חיפוש 050-123", FindGuests("050-123")),
    ("מצא לוי", FindGuests("לוי")),
    ("ערוך 3 טלפון 052-345-6789", EditGuest(Ref("3", 3), "phone", NOAM)),
    ("שנה 3 שם דנה כהן", EditGuest(Ref("3", 3), "name", "דנה כהן")),
    ("עדכן את דנה לוי כמות 3", EditGuest(Ref("דנה לוי"), "party", 3)),
    ("תקן 3 הערה טבעונית", EditGuest(Ref("3", 3), "note", "טבעונית")),
    ("ערכי 3 צד כלה", EditGuest(Ref("3", 3), "side", "כלה")),
    ("ערוך 3 מספר ל-052-345-6789", EditGuest(Ref("3", 3), "phone", NOAM)),
    ("סמן 3 מגיע", MarkGuest(Ref("3", 3), "yes")),
    ("סמן 3 לא מגיע", MarkGuest(Ref("3", 3), "no")),
    ("סמן 3 מגיעים 4", MarkGuest(Ref("3", 3), "yes", 4)),
    ("סמני את דנה לוי מגיעה עם 2 אנשים", MarkGuest(Ref("דנה לוי"), "yes", 2)),
    ("סמן 3 מגיע כמות 2", MarkGuest(Ref("3", 3), "yes", 2)),
    ("תסמן 3 ממתין", MarkGuest(Ref("3", 3), "pending")),
    ("סמן 3 כן", MarkGuest(Ref("3", 3), "yes")),
    ("סמן 3 לא", MarkGuest(Ref("3", 3), "no")),
    ("סמן 3 לא ענה", MarkGuest(Ref("3", 3), "pending")),
    ("מחק אורח 3", RemoveGuest(Ref("3", 3))),
    ("מחק 3", RemoveGuest(Ref("3", 3))),
    ("הסר את דנה לוי", RemoveGuest(Ref("דנה לוי"))),
    ("תמחקי אורח 050-123-4567", RemoveGuest(Ref("050-123-4567", phone=DANA))),
    ("סטטיסטיקה", Stats()),
    ("סטטוס", Stats()),
    ("סיכום", Stats()),
    ("כמה מגיעים?", Stats()),
    ("מצב", Stats()),
    # sending
    ("שלח הזמנות", Invite()),
    ("תשלח את ההזמנות", Invite()),
    ("הזמן את כולם", Invite()),
    ("לשלוח הזמנות בבקשה", Invite()),
    ("תזכורת", Remind()),
    ("שלח תזכורת", Remind()),
    ("שלחי תזכורות", Remind()),
    ("תזכיר לאורחים", Remind()),
    ("שלח הודעה לכולם: נתראה בחתונה", Broadcast("נתראה בחתונה")),
    ("הודעה לכולם: ההסעה יוצאת ב-5", Broadcast("ההסעה יוצאת ב-5")),
    ("לכולם: נתראה", Broadcast("נתראה")),
    ("הודעה למגיעים: חניה בחינם", Broadcast("חניה בחינם", "confirmed")),
    ("הודעה לממתינים: נשמח לתשובה", Broadcast("נשמח לתשובה", "pending")),
    ("הודעה ללא מגיעים: נתגעגע", Broadcast("נתגעגע", "declined")),
    ("שלח לכולם צד כלה: אוטובוס ב-5", Broadcast("אוטובוס ב-5", None, "כלה")),
    ("הודעה לכולם ממתינים: נשמח לתשובה", Broadcast("נשמח לתשובה", "pending")),
    ("הודעה לכולם\nנתראה\nבחתונה", Broadcast("נתראה\nבחתונה")),
    ("הודעה לדנה: נתראה", MessageGuest(Ref("דנה"), "נתראה")),
    ("הודעה ל-3: נתראה שם!", MessageGuest(Ref("3", 3), "נתראה שם!")),
    ("שלח הודעה ל3 נתראה ב-5", MessageGuest(Ref("3", 3), "נתראה ב-5")),
    ("כתוב לדנה לוי: מזל טוב", MessageGuest(Ref("דנה לוי"), "מזל טוב")),
    ("הודעה ל050 123 4567 שלום", MessageGuest(Ref("050 123 4567", phone=DANA), "שלום")),
    # team
    ("צוות", ListMembers()),
    ("חברי צוות", ListMembers()),
    ("הצוות", ListMembers()),
    ("הצג את הצוות", ListMembers()),
    ("הוסף מנהל 050-123-4567", AddMember(DANA, "admin")),
    ("הוסף עורך 050-123-4567", AddMember(DANA, "editor")),
    ("הוסף צופה 050-123-4567", AddMember(DANA, "viewer")),
    ("תוסיף חבר צוות 050-123-4567 צופה", AddMember(DANA, "viewer")),
    ("הוסיפי מנהלת 050-123-4567", AddMember(DANA, "admin")),
    ("הוסף לצוות 050-123-4567", AddMember(DANA, "editor")),
    ("תפקיד 2 מנהל", ChangeRole(Ref("2", 2), "admin")),
    ("שנה תפקיד 2 צופה", ChangeRole(Ref("2", 2), "viewer")),
    ("הפוך את דנה למנהלת", ChangeRole(Ref("דנה"), "admin")),
    ("תפקיד דנה לוי לעורך", ChangeRole(Ref("דנה לוי"), "editor")),
    ("הסר חבר צוות 2", RemoveMember(Ref("2", 2))),
    ("הוצא מהצוות את דנה", RemoveMember(Ref("דנה"))),
    ("מחק חבר צוות 050-123-4567", RemoveMember(Ref("050-123-4567", phone=DANA))),
    ("עזוב", Leave()),
    ("צא מהאירוע", Leave()),
    ("עזוב את האירוע", Leave()),
    ("לצאת מהאירוע", Leave()),
    ("התראות פעיל", Notify(True)),
    ("התראות כבוי", Notify(False)),
    ("הפעל התראות", Notify(True)),
    ("בטל התראות", Notify(False)),
    ("השתק התראות", Notify(False)),
    ("התראות כן", Notify(True)),
    # account
    ("שפה עברית", SetLanguage("he")),
    ("שפה אנגלית", SetLanguage("en")),
    ("שנה שפה לאנגלית", SetLanguage("en")),
    ("עברית", SetLanguage("he")),
    ("באנגלית", SetLanguage("en")),
    ("טוקן", Token(False)),
    ("טוקן חדש", Token(False)),
    ("בטל טוקן", Token(True)),
    ("טוקן בטל", Token(True)),
    ("כן", Confirm("yes")),
    ("כן בבקשה", Confirm("yes")),
    ("לא", Confirm("no")),
    ("לא!", Confirm("no")),
    ("ביטול", Cancel()),
    ("בטל", Cancel()),
    ("לא משנה", Cancel()),
    ("עזוב את זה", Cancel()),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[t for t, _ in CASES])
def test_parse_hebrew(text, expected):
    assert p(text) == expected
    assert he(text) == expected   # the organiser's language does not change what is understood


def test_every_command_has_at_least_three_hebrew_phrasings():
    counts = {}
    for _, expected in CASES:
        counts[type(expected)] = counts.get(type(expected), 0) + 1
    for spec in COMMANDS:
        assert counts.get(spec.command, 0) >= 3, spec.name


def test_every_command_has_hebrew_verbs():
    for spec in COMMANDS:
        assert any(c._is_hebrew(v) for v in spec.verbs), spec.name


@pytest.mark.parametrize("spec", COMMANDS, ids=[s.name for s in COMMANDS])
def test_every_verb_reaches_its_command_in_hebrew(spec):
    with i18n.use("he"):
        usage = i18n._(spec.usage)
        for verb in spec.verbs:
            result = parse(verb, "IL", TODAY)
            assert isinstance(result, spec.command) or (
                isinstance(result, ParseError) and result.usage == usage), (verb, result)


@pytest.mark.parametrize("text", ["מגיע", "מגיעים", "מגיעה 2", "נגיע", "אולי", "מזל טוב", "תודה רבה", "וכן", "ולא",
                                  "נגיע 3", "בטח", "שלום מה נשמע"])
def test_guest_answers_are_not_commands(text):
    # a member who is also a guest answers in the same chat: these go on to the guest flow
    result = p(text)
    assert isinstance(result, ParseError) and result.usage is None, result


HEBREW_ERRORS = [
    ("הוסף אורח", "הוסף אורח"),
    ("הוסף אורח דנה", "טלפון"),
    ("הוסף אורח דנה 0501", "0501"),
    ("הוסף אורח 050-123-4567", "שם"),
    ("אירוע חדש", "שם"),
    ("אירוע חדש מסיבה\nתאריך: 31/2/2027", "אין 31 בפברואר 2027"),
    ("אירוע חדש מסיבה\nלהביא חטיפים", "תאריך:"),
    ("שנה תאריך מתישהו", "תאריך"),
    ("קבע צבע כחול", "שנה תאריך"),
    ("עבור", "עבור לאירוע 2"),
    ("ערוך 3 כמות 99", "0 ל-50"),
    ("ערוך 3 טלפון 123", "לא נראה כמו מספר טלפון"),
    ("ערוך 3", "מה לשנות"),
    ("ערוך 3 שם 1234", "אותיות"),
    ("סמן 3", "לסמן בתור מה"),
    ("סמן 3 מגיע כמות 99", "0 ל-50"),
    ("סמן 3 לא מגיע כמות 2", "כמות יש רק"),
    ("מחק אורח", "את מי להסיר"),
    ("אורחים דנה", "חפש"),
    ("חפש", "את מי לחפש"),
    ("הודעה לכולם", "מה לשלוח"),
    ("הודעה לממתינים:", "מה לשלוח"),
    ("הודעה ל-3", "מה לשלוח"),
    ("הודעה", "למי"),
    ("הוסף מנהל דנה", "טלפון"),
    ("תפקיד 2 בוס", "מנהל, עורך או צופה"),
    ("הסר חבר צוות", "את מי להסיר"),
    ("התראות אולי", "התראות פעיל"),
    ("תזכורות 400", "בין 1 ל-"),
    ("תזכורות בקרוב", "בקרוב"),
    ("טוקן בטל את הכל", "בטל טוקן"),
    ("סטטיסטיקה כלה", "סטטיסטיקה"),
    ("מחק אירוע דנה", "עבור לאירוע"),
    ("כן וגם משהו אחר", "כן"),
    ("שפה קלינגונית", "שפה עברית"),
    ("קבע שפה קלינגונית", "קבע שפה עברית"),
    ("הוסף אורחים\n" + "\n".join(f"אורח {i} +97250{2000000 + i}" for i in range(c.MAX_GUEST_LINES + 1)), "לפצל"),
    ("הודעה לכולם " + "א" * (c.MAX_TEXT_LENGTH + 1), "וואטסאפ"),
    # English words, Hebrew reader: the hint is still in Hebrew
    ("add guest", "הוסף אורח"),
    ("mark 3", "סמן 3 מגיע"),
    ("xyzzy", "עזרה"),
    ("", "עזרה"),
]


@pytest.mark.parametrize("text, hint", HEBREW_ERRORS, ids=[t[:40] for t, _ in HEBREW_ERRORS])
def test_hebrew_errors_are_in_hebrew(text, hint):
    result = he(text)
    assert isinstance(result, ParseError), result
    plain = ISOLATED.sub(lambda m: m.group()[1:-1], result.message)
    assert hint in plain + " " + (result.usage or "")
    assert not latin_outside_isolates(result.message), result.message
    assert not latin_outside_isolates(result.usage), result.usage
    assert "\n" not in result.message


def test_hebrew_line_errors_are_in_hebrew():
    with i18n.use("he"):
        result = parse("הוסף אורחים\nדנה לוי 050-123-4567\nרע 0501\nמשה\n050-234-5678\nכפול 050 123 4567\n"
                       "אלי כהן +44 7911 123456 כמות 99\nרון 054-234-5678 צד", "IL", TODAY)
    assert isinstance(result, AddGuests)
    assert [g.line_no for g in result.guests] == [1]
    assert len(result.errors) == 6
    for error in result.errors:
        assert not latin_outside_isolates(error.reason), error.reason
    reasons = {e.line_no: e.reason for e in result.errors}
    assert "אין מספר טלפון" in reasons[3]
    assert "אין שם" in reasons[4]
    assert "שורה" in reasons[5]


def test_unknown_hebrew_may_suggest_a_hebrew_command():
    result = he("סטטיסטיקהה")
    assert isinstance(result, ParseError) and result.usage is None
    assert "*סטטיסטיקה*" in result.message
    assert not latin_outside_isolates(result.message)


def test_english_reader_gets_english_errors_for_hebrew_commands():
    result = p("הוסף אורח")
    assert isinstance(result, ParseError)
    assert result.message.startswith("Who should I add? Try: add guest Dana Levi 050-234-5678")
    assert result.usage == spec_for(AddGuests).usage


# ---------------------------------------------------------------- help in Hebrew

def _he_help(allowed=lambda action: True):
    with i18n.use("he"):
        return help_lines(allowed)


def test_help_in_hebrew_lists_every_command_in_hebrew():
    groups = _he_help()
    assert [g for g, _ in groups] == ["אירועים", "אורחים", "שליחה", "צוות", "חשבון"]
    rows = [row for _, group_rows in groups for row in group_rows]
    assert len(rows) == len(COMMANDS)
    for (usage, summary), spec in zip(rows, [s for g in c.GROUPS for s in COMMANDS if s.group == g]):
        assert not latin_outside_isolates(usage), usage
        assert not latin_outside_isolates(summary), summary
        assert usage != spec.usage and summary != spec.summary
        # the usage starts with words the parser knows, for that very command
        example = re.sub(r"\[([^|\]]+)[^\]]*\]", r"\1", usage)
        example = re.split(r"[<|(]", example)[0].strip()
        with i18n.use("he"):
            result = parse(example, "IL", TODAY)
            own_usage = i18n._(spec.usage)
        assert isinstance(result, spec.command) or (
            isinstance(result, ParseError) and result.usage == own_usage), (usage, result)


def test_hebrew_help_examples():
    usages = {u for _, rows in _he_help() for u, _ in rows}
    assert "הוסף אורח <שם> <טלפון> [צד <צד>] [כמות <מספר>] [הערה <טקסט>]" in usages
    assert "הוסף מנהל|עורך|צופה <טלפון>" in usages
    assert "שלח הזמנות" in usages


def test_hebrew_help_hides_what_the_role_does_not_allow():
    from bot.services.permissions import role_allows
    viewer = {u for _, rows in _he_help(lambda a: a is None or role_allows("viewer", a)) for u, _ in rows}
    assert "הוסף אורח <שם> <טלפון> [צד <צד>] [כמות <מספר>] [הערה <טקסט>]" not in viewer
    assert "סטטיסטיקה" in viewer


EXAMPLES = [
    # the Hebrew examples inside hints are commands the parser understands
    ("add guest Dana Levi 050-234-5678", AddGuests),
    ("set date 12/6/2027", SetEventField),
    ("reminders 14 7 2 (days before the event) or reminders off", None),
    ("guests pending side bride", ListGuests),
    ("edit 3 phone 050-234-5678", EditGuest),
    ("mark 3 yes party 2", MarkGuest),
    ("broadcast pending: Please answer by Friday!", Broadcast),
    ("message 3: See you there!", MessageGuest),
    ("add member 050-234-5678 editor", AddMember),
    ("role 2 admin", ChangeRole),
]


@pytest.mark.parametrize("msgid, kind", EXAMPLES, ids=[m for m, _ in EXAMPLES])
def test_hebrew_examples_parse(msgid, kind):
    with i18n.use("he"):
        text = i18n._(msgid)
    assert text != msgid and not LATIN.search(text)
    if kind is not None:
        assert isinstance(p(text), kind), (text, p(text))
    else:
        assert p(text.split(" (")[0]) == Reminders((14, 7, 2))
        assert p(text.split(" או ")[1]) == Reminders(None)


def test_english_is_unchanged_by_the_hebrew_table():
    with i18n.use("en"):
        shown = {u for _, rows in help_lines() for u, _ in rows}
    assert shown == {s.usage for s in COMMANDS}
    assert p("add guest") == parse("add guest", "IL", TODAY)
    assert p("xyzzy").message == 'Sorry, I didn\'t understand "xyzzy". Send *help* to see what I can do.'
