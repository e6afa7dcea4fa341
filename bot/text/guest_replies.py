"""What the bot says to guests, in English or Hebrew. Pure functions: text in, text out.

`lang` is "en" or "he". Replies are short: a guest reads them on a phone, once.
"""
from __future__ import annotations

import re

_HEBREW = re.compile("[\u0590-\u05ff]")
_LATIN = re.compile("[A-Za-z]")

LANGS = ("en", "he")


def detect_language(text: str | None) -> str | None:
    """"he" when the text is mostly Hebrew letters, "en" when Latin, None when unclear (👍, 3)."""
    text = text or ""
    hebrew = len(_HEBREW.findall(text))
    latin = len(_LATIN.findall(text))
    if hebrew == 0 and latin == 0:
        return None
    return "he" if hebrew >= latin else "en"


def _to(event: str) -> str:
    """Hebrew "to <event>": the prefix ל glues to a Hebrew word, takes a hyphen before others."""
    return f"ל{event}" if _HEBREW.match(event or "") else f"ל-{event}"


def _pick(lang: str, en: str, he: str) -> str:
    return he if lang == "he" else en


def people(lang: str, n: int) -> str:
    if lang == "he":
        return "אדם אחד" if n == 1 else f"{n} אנשים"
    return "1 person" if n == 1 else f"{n} people"


def coming(lang: str, name: str, event: str, date_text: str | None, party: int | None) -> str:
    when = f" See you on {date_text}!" if date_text else ""
    when_he = f" נתראה ב-{date_text}!" if date_text else ""
    if party:
        return _pick(lang,
                     f"🎉 Wonderful, {name}! You're coming to {event}: {people(lang, party)}.{when}\n"
                     "Different number? Just send it.",
                     f"🎉 איזה כיף, {name}! רשמנו שאתם מגיעים {_to(event)}: {people(lang, party)}.{when_he}\n"
                     "מספר אחר? פשוט שלחו אותו.")
    return _pick(lang, f"🎉 Wonderful, {name}! You're coming to {event}.{when}",
                 f"🎉 איזה כיף, {name}! רשמנו שאתם מגיעים {_to(event)}.{when_he}")


def ask_party_size(lang: str, name: str, event: str) -> str:
    return _pick(lang,
                 f"🎉 Wonderful, {name}! How many people are coming to {event}, including you?",
                 f"🎉 איזה כיף, {name}! כמה אנשים מגיעים {_to(event)}, כולל אותך?")


def party_buttons(lang: str) -> list[tuple[str, str]]:
    """(suffix, title): the reply ids are built by the caller."""
    return [("1", _pick(lang, "Just me", "רק אני")), ("2", "2"), ("more", _pick(lang, "3 or more", "3 או יותר"))]


def ask_exact_number(lang: str) -> str:
    return _pick(lang, "How many altogether, including you? Send a number, e.g. 4",
                 "כמה בסך הכל, כולל אותך? שלחו מספר, למשל 4")


def party_recorded(lang: str, event: str, party: int) -> str:
    return _pick(lang, f"👍 Got it: {people(lang, party)} for {event}. Thank you!",
                 f"👍 רשמנו: {people(lang, party)} {_to(event)}. תודה!")


def not_coming(lang: str, name: str, event: str) -> str:
    return _pick(lang,
                 f"Thanks for letting us know, {name}. You're down as not coming to {event}. "
                 "If plans change, just reply here.",
                 f"תודה שעדכנת, {name}. רשמנו שלא תגיעו {_to(event)}. אם משהו ישתנה, פשוט כתבו כאן.")


def maybe(lang: str, name: str, event: str) -> str:
    return _pick(lang,
                 f"No problem, {name}. We'll check in again closer to {event}. Reply yes or no when you know.",
                 f"אין בעיה, {name}. נבדוק שוב לקראת {event}. כתבו כן או לא כשתדעו.")


def choose_event(lang: str) -> tuple[str, str]:
    """(body, list button) of the question which event an answer is for."""
    return (_pick(lang, "You're invited to more than one event. Which one is this answer for?",
                  "הוזמנתם ליותר מאירוע אחד. לאיזה אירוע התשובה?"),
            _pick(lang, "Choose the event", "בחירת אירוע"))


def choose_event_for_note(lang: str) -> tuple[str, str]:
    """(body, list button) of the question which event a guest's message is about."""
    return (_pick(lang, "Which event is your message about? I'll pass it to its organisers.",
                  "על איזה אירוע ההודעה? אעביר אותה למארגנים שלו."),
            _pick(lang, "Choose the event", "בחירת אירוע"))


def welcome(lang: str, name: str | None = None, event: str | None = None, status: str | None = None,
            party: int | None = None) -> str:
    """The answer to a thank-you or an "ok": nothing changes; say what stands."""
    head = _pick(lang, f"😊 You're welcome{', ' + name if name else ''}!",
                 f"😊 בשמחה{', ' + name if name else ''}!")
    if not event or status not in ("confirmed", "declined"):
        return head
    if status == "confirmed":
        extra = f", {people(lang, party)}" if party else ""
        return head + _pick(lang, f" You're down as coming to {event}{extra}.",
                            f" רשמנו שאתם מגיעים {_to(event)}{extra}.")
    return head + _pick(lang, f" You're down as not coming to {event}.", f" רשמנו שלא תגיעו {_to(event)}.")


def guest_help(lang: str, event: str | None = None) -> str:
    """What a guest can write (a greeting or "help")."""
    about = _pick(lang, f" about {event}" if event else "", f" {_to(event)}" if event else "")
    return _pick(lang,
                 f"👋 Hi! I'm the invitation bot{about}. You can write:\n"
                 "• *yes* or *no*: your answer\n"
                 "• a number: how many of you are coming\n"
                 "• *details*: when and where\n"
                 "• *stop*: no more messages\n"
                 "Anything else goes to the organisers.",
                 f"👋 שלום! אני הבוט של ההזמנה{about}. אפשר לכתוב:\n"
                 "• *כן* או *לא*: התשובה שלכם\n"
                 "• מספר: כמה אתם מגיעים\n"
                 "• *פרטים*: מתי ואיפה\n"
                 "• *הסר*: בלי הודעות נוספות\n"
                 "כל דבר אחר מועבר למארגנים.")


def cannot_pass_on(lang: str) -> str:
    return _pick(lang,
                 "Thanks for your message! I couldn't tell which event it's about, so I haven't passed it on. "
                 "Please contact the organisers directly.",
                 "תודה על ההודעה! לא הצלחתי להבין לאיזה אירוע היא שייכת, ולכן לא העברתי אותה. "
                 "אפשר לפנות למארגנים ישירות.")


def answer_for(lang: str, event: str) -> str:
    return _pick(lang, f"What's your answer for {event}?", f"מה התשובה שלך {_to(event)}?")


def answer_buttons(lang: str) -> list[tuple[str, str]]:
    return [("yes", _pick(lang, "✅ Yes, coming", "✅ כן, מגיעים")),
            ("no", _pick(lang, "❌ Can't come", "❌ לא מגיעים")),
            ("maybe", _pick(lang, "🤔 Maybe", "🤔 אולי"))]


def status_line(lang: str, status: str, party: int | None) -> str:
    if status == "confirmed":
        extra = f", {people(lang, party)}" if party else ""
        return _pick(lang, f"Your answer: coming{extra}", f"התשובה שלך: מגיעים{extra}")
    if status == "declined":
        return _pick(lang, "Your answer: not coming", "התשובה שלך: לא מגיעים")
    return _pick(lang, "You haven't answered yet: reply yes or no.", "עוד לא ענית: כתבו כן או לא.")


def details(lang: str, items: list[tuple[str, str, str, str]]) -> str:
    """items: (event name, date text, location text, status line)."""
    blocks = [f"📅 *{name}*\n🗓 {date_text}\n📍 {location}\n{status}" for name, date_text, location, status in items]
    return "\n\n".join(blocks)


def date_tba(lang: str) -> str:
    return _pick(lang, "date to be announced", "התאריך יפורסם בהמשך")


def location_tba(lang: str) -> str:
    return _pick(lang, "location to be announced", "המיקום יפורסם בהמשך")


def opted_out(lang: str) -> str:
    return _pick(lang, "You won't get more messages from us. Send START to undo.",
                 "לא נשלח לך יותר הודעות. שלחו START כדי לחדש.")


def opted_in(lang: str) -> str:
    return _pick(lang, "Welcome back! You'll get messages about your invitations again.",
                 "ברוכים השבים! תקבלו שוב הודעות על ההזמנות שלכם.")


def passed_on(lang: str) -> str:
    return _pick(lang, "Thanks! I've passed your message to the organisers.",
                 "תודה! העברתי את ההודעה למארגנים.")


def not_your_invitation(lang: str) -> str:
    return _pick(lang,
                 "Sorry, I couldn't match that button to an invitation for this number. "
                 "If you're invited, reply yes or no and I'll pass it on.",
                 "סליחה, לא מצאתי הזמנה למספר הזה שמתאימה לכפתור. אם הוזמנתם, כתבו כן או לא ואעביר את התשובה.")


# --------------------------------------------------------------------------- invitations

DATE_TBA = "date to be announced"
LOCATION_TBA = "to be announced"
ANSWER_BUTTONS = (("yes", "✅ Yes, coming"), ("no", "❌ Can't come"), ("maybe", "🤔 Maybe"))


def invitation_text(first_name: str, event_name: str, date_text: str | None, location: str | None,
                    reminder: bool = False) -> str:
    """The invitation as plain words (the interactive form and the template fallback)."""
    head = f"⏰ A reminder, {first_name}: you're invited to" if reminder \
        else f"💌 {first_name}, you're invited to"
    return (f"{head} {event_name}!\n📅 {date_text or DATE_TBA}\n📍 {location or LOCATION_TBA}\n"
            "Will you come?")


def invitation_fallback_text(invitation: str) -> str:
    """The invitation carried in one template parameter (no line breaks), with how to answer."""
    return f"{invitation.replace(chr(10), ' ')} Reply YES or NO."
