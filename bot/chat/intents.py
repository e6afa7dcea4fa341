"""Understanding organisers as they write: intents and slots on top of the exact command table.

`commands.parse` runs the exact grammar first (one dictionary look-up by first word). This
layer then

  * corrects readings of the exact grammar that would write to the wrong target ("add 050…
    as admin" is a team member, not a guest named "as admin"; "delete this event" deletes
    the event, not a guest named "this event"; "switch to hebrew" is a language, not an event);
  * reads what the grammar refused: questions ("כמה אישרו?", "who's coming?"), statements
    ("דני מגיע עם 3"), polite forms ("can you send the invites"), audiences ("everyone who
    hasn't replied: ...") and typos in the verb.

Every rule is a few set look-ups over the message's words (no regex over all verbs).

`understand` says how sure it is. A reading that rests on a guess (a typo in the verb, a
statement read as a command, a corrected exact reading) is `sure=False`: the chat restates it
and asks before it writes.
"""
from __future__ import annotations

import dataclasses
import logging
import difflib
import re
import threading
from dataclasses import dataclass
from datetime import date, time, timedelta

from bot.chat import commands as C
from bot.text import i18n, sides
from bot.text.dates import InvalidDate, parse_date
from bot.text.hebrew_calendar import find_hebrew_date
from bot.text.phones import find_phone, normalize_phone, InvalidPhone

log = logging.getLogger("bot.chat")

__all__ = ["Reading", "understand", "refine", "encode", "decode", "DIRECT_WRITES"]


@dataclass(frozen=True)
class Reading:
    command: object            # a command value or a ParseError
    sure: bool = True
    # The event the words name, when it may not be the current one ("סטטיסטיקה לחתונה של שירה", "stats for the
    # bar mitzvah"): the named words, for the chat to match against the sender's events. None: the current event.
    event: str | None = None


# Commands that write at once (no question of their own). A guessed reading of one of these asks first.
DIRECT_WRITES = (C.AddGuests, C.AddMember, C.EditGuest, C.MarkGuest, C.SetEventField, C.NewEvent,
                 C.ChangeRole, C.Reminders, C.MessageGuest, C.Leave, C.Called, C.Quiet, C.Shabbat, C.DayBefore)

_BIDI = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_WORD = re.compile(r"[\w'’\-]+|[?:]", re.U)
_HE = re.compile("[\u05d0-\u05ea]")

# ------------------------------------------------------------------ vocabularies

_POLITE_HEADS = [
    "can you please", "could you please", "can you", "could you", "would you", "will you", "please", "pls", "plz",
    "ok so", "ok", "okay", "hi!", "hi", "hey", "hiya", "heya", "i want to", "i'd like to", "i would like to", "i need to",
    "let's", "lets", "yalla", "אפשר בבקשה", "אפשר", "אני רוצה", "אני צריך", "אני צריכה", "תוכל", "תוכלי",
    "תוכלו", "יאללה", "בבקשה", "בוא", "בואי", "בוא נ", "היי", "הי",
    # formal requests: "נא להוסיף", "אבקש לקבל", "ברצוני ליצור", "הנני מבקש להסיר", "Kindly change"
    "kindly", "i'd like you to", "i would like you to", "נא", "אבקש", "אבקשך", "ברצוני", "הנני מבקש", "הנני מבקשת",
    "אני מבקש", "אני מבקשת", "רציתי", "שלום רב", "אני רוצה ש", "אני רוצה שת", "אנחנו רוצים", "אנחנו רוצות", "רוצים",
    "רוצות",
    # fillers of spoken Hebrew and English: "נו כמה אישרו", "אחי תשלח", "תעשה לי טובה תזכיר", "bro who's coming"
    "נו", "אחי", "אחותי", "תעשה לי טובה", "תעשי לי טובה", "bro", "dude", "yo",
    "שלום,", "בוקר טוב", "ערב טוב", "צהריים טובים", "hello", "good morning", "good evening", "תכלס", "בקיצור", "so",
    "בעזרת השם", "בעזרת ה'", "בע\"ה", "בע״ה", "ב\"ה", "ב״ה", "בס\"ד", "בס״ד",
]
_POLITE_HEADS.sort(key=len, reverse=True)

_EVENT_NOUNS = {"event", "wedding", "party", "bar", "bat", "mitzvah", "engagement", "אירוע", "האירוע", "חתונה",
                "החתונה", "חינה", "החינה", "אירוסין", "האירוסין", "ברית", "הברית", "המסיבה", "מסיבה"}
_EVENT_HEAD_NOUNS = {"event", "wedding", "party", "אירוע", "האירוע", "החתונה", "החינה", "האירוסין", "הברית",
                     "המסיבה", "לאירוע", "האירוע?"}

_LANG = {"english": "en", "hebrew": "he", "אנגלית": "en", "באנגלית": "en", "לאנגלית": "en", "עברית": "he",
         "בעברית": "he", "לעברית": "he", "russian": "ru", "arabic": "ar", "רוסית": "ru", "ערבית": "ar",
         "ברוסית": "ru", "בערבית": "ar", "לרוסית": "ru", "לערבית": "ar"}

# The grammar's role words (commands._ROLES, with their Hebrew prefixes), and a few that
# only loose phrasing uses ("add my mom as co-organiser").
_ROLE = {**C._ROLES, "organizer": "editor", "organiser": "editor", "co-organiser": "editor",
         "co-organizer": "editor", "לערוך": "editor",
         **{p + w: "editor" for w in ("מארגן", "מארגנת", "מארגנים", "שותף", "שותפה") for p in ("", "כ", "ל", "כ-", "ל-")}}
_TEAM_WORDS = {"team", "access", "member", "member:", "organizer", "organiser", "organizers", "organisers", "manage", "co-organiser",
               "co-organizer", "צוות", "לצוות", "הצוות", "מהצוות", "גישה", "הגישה", "לנהל", "לניהול", "מהניהול",
               "הרשאה", "הרשאת", "הרשאות", "ההרשאות", "ההרשאה", "rights", "team-member", "מה-team", "planner",
               "planners", "partner", "partners", "co-host", "cohost", "co-hosts", "שותף", "שותפה", "שותפים",
               "שותפות", "מנהלים", "team's", "מורשים", "המורשים", "מורשי", "authorized", "authorised"}
# The team in Hebrew takes prefixes: "מהשותפים", "לצוות", "מהצוות".
_TEAM_STEMS = {"צוות", "שותף", "שותפה", "שותפים", "שותפות", "ניהול", "מנהלים", "גישה", "הרשאות"}

_STATUS_AFTER_WHO = [  # (words, status): "who hasn't answered", "מי שלא ענה"
    # "who hasn't gotten the invite yet", "who haven't received an invitation": not invited yet (before the bare "hasn't")
    *(((head, *still, verb, *det, noun), "not_invited") for head in ("hasn't", "hasnt", "haven't", "havent")
      for still in ((), ("yet",)) for verb in ("gotten", "got", "received", "been")
      for det in ((), ("the",), ("an",), ("their",), ("his",), ("her",), ("sent",), ("sent", "the"), ("sent", "an"), ("sent", "their"))
      if (verb == "been") == bool(det and det[0] == "sent")
      for noun in ("invite", "invites", "invitation", "invitations")),
    # "שעוד לא קיבל הזמנה", "שעוד לא הזמנו": not yet invited, before the bare "שעוד לא" (not yet answered)
    *(((head, "לא", verb), "not_invited") for head in ("שעוד", "עוד", "שעדיין", "עדיין")
      for verb in ("קיבל", "קיבלו", "קיבלה", "הוזמן", "הוזמנו", "הוזמנה", "הזמנו", "שלחנו", "נשלחה", "נשלח")),
    # "מי לא עשה RSVP", "שלא השיבו": not answered, in the words organisers use for it
    *((("לא", verb, "rsvp"), "pending") for verb in ("עשה", "עשו", "עשתה", "עשית", "שלח", "שלחו", "שלחה")),
    *((("לא", verb), "pending") for verb in ("השיב", "השיבו", "השיבה")),
    (("haven't", "we", "sent"), "not_invited"), (("havent", "we", "sent"), "not_invited"), (("haven't", "sent"), "not_invited"),
    (("can't", "come"), "declined"), (("cant", "come"), "declined"), (("can't", "make"), "declined"),
    (("cant", "make"), "declined"), (("won't", "come"), "declined"), (("won't", "be"), "declined"),
    (("אמר", "שלא"), "declined"), (("אמרה", "שלא"), "declined"), (("אמרו", "שלא"), "declined"),
    (("אולי", "מגיע"), "maybe"), (("אולי", "מגיעה"), "maybe"), (("אולי", "מגיעים"), "maybe"), (("אולי", "יגיעו"), "maybe"),
    (("אולי", "יגיע"), "maybe"), (("אולי", "תגיע"), "maybe"), (("אולי", "יבוא"), "maybe"), (("אולי", "תבוא"), "maybe"),
    (("אולי", "יבואו"), "maybe"), (("אולי", "באים"), "maybe"),
    (("אמר", "לא"), "declined"), (("אמרה", "לא"), "declined"), (("אמרו", "לא"), "declined"),
    # "מי אמר כן", "מי שענו כן": a yes said is a confirmation
    *(((said, "כן"), "confirmed") for said in ("אמר", "אמרה", "אמרו", "ענה", "ענתה", "ענו", "שאמר", "שאמרו", "שענו")),
    (("said", "yes"), "confirmed"), (("answered", "yes"), "confirmed"), (("replied", "yes"), "confirmed"),
    (("answered", "no"), "declined"), (("replied", "no"), "declined"), (("ענו", "לא"), "declined"), (("ענה", "לא"), "declined"),
    # "מי עוד לא אמר אם הוא בא", "מי שלא אמרו אם מגיעים": not said yet, whether or not, is no answer yet
    *((("לא", said, "אם"), "pending") for said in ("אמר", "אמרה", "אמרו", "ענה", "ענתה", "ענו", "הודיע", "הודיעה", "הודיעו",
                                                   "החליט", "החליטה", "החליטו", "סגר", "סגרה", "סגרו")),
    # "מי אמר שהוא לא בא", "מי שלא יבוא": not coming, said in any person and tense (before the bare "בא")
    *((("לא", verb), "declined") for verb in ("בא", "באה", "באים", "באות", "יבוא", "תבוא", "יבואו", "יגיע", "תגיע", "יגיעו")),
    # "למי עוד לא שלחת הזמנה", "who haven't you sent it to": the invitation not sent yet, whoever was to send it
    *((("לא", sent), "not_invited") for sent in ("שלחת", "שלחתם", "שלחתי", "שלחתן")),
    (("לא", "קיבל", "את", "ההזמנה"), "failed"), (("לא", "קיבלו", "את", "ההזמנה"), "failed"), (("לא", "קיבלה", "את", "ההזמנה"), "failed"),
    (("בא",), "confirmed"), (("באה",), "confirmed"), (("שבא",), "confirmed"), (("שבאים",), "confirmed"),
    (("haven't", "we", "invited"), "not_invited"), (("haven't", "invited"), "not_invited"),
    (("didn't", "we", "invite"), "not_invited"), (("didn't", "invite"), "not_invited"),
    (("לא", "הזמנו"), "not_invited"), (("שלא", "הזמנו"), "not_invited"),
    # a bare "אולי" / "maybe" is as often "perhaps" ("אולי תשלח..."): only a said maybe is an audience
    (("ביטל",), "declined"), (("ביטלה",), "declined"), (("didn't", "get", "the"), "failed"),
    (("didn't", "receive"), "failed"), (("never", "got"), "failed"), (("never", "received"), "failed"),
    (("said", "maybe"), "maybe"), (("maybes",), "maybe"), (("undecided",), "maybe"), (("unsure",), "maybe"),
    (("tentative",), "maybe"), (("on", "the", "fence"), "maybe"), (("אמר", "אולי"), "maybe"),
    (("אמרו", "אולי"), "maybe"), (("אמרה", "אולי"), "maybe"), (("ענה", "אולי"), "maybe"), (("ענו", "אולי"), "maybe"),
    (("ענתה", "אולי"), "maybe"), (("האולי",), "maybe"), (("מתלבט",), "maybe"), (("מתלבטים",), "maybe"),
    (("מתלבטת",), "maybe"), (("לא", "בטוחים"), "maybe"),
    (("not", "invited"), "not_invited"), (("hasn't", "been", "invited"), "not_invited"),
    (("haven't", "been", "invited"), "not_invited"), (("havent", "been", "invited"), "not_invited"),
    (("hasnt", "been", "invited"), "not_invited"), (("weren't", "invited"), "not_invited"),
    (("מי", "חסר"), "pending"), (("מי", "עוד", "חסר"), "pending"), (("מי", "חסרים"), "pending"),
    (("who's", "missing"), "pending"), (("whos", "missing"), "pending"), (("who", "is", "missing"), "pending"),
    (("didn't", "get", "it"), "not_invited"), (("לא", "הוזמן"), "not_invited"), (("לא", "נשלחה"), "not_invited"),
    (("לא", "קיבל", "הזמנה"), "not_invited"), (("עוד", "לא", "קיבל"), "not_invited"),
    (("failed",), "failed"), (("fail",), "failed"), (("fails",), "failed"), (("bounced",), "failed"), (("bounce",), "failed"), (("נכשלו",), "failed"), (("נכשלה",), "failed"), (("נכשל",), "failed"), (("לא", "הגיעה"), "failed"),
    (("declined",), "declined"), (("said", "no"), "declined"), (("not", "coming"), "declined"),
    (("לא", "מגיע"), "declined"), (("לא", "מגיעים"), "declined"), (("לא", "מגיעה"), "declined"),
    (("סירבו",), "declined"), (("סירב",), "declined"),
    (("שלא", "מגיע"), "declined"), (("שלא", "מגיעים"), "declined"), (("שלא", "מגיעה"), "declined"),
    (("hasn't",), "pending"), (("haven't",), "pending"), (("didn't",), "pending"), (("didnt",), "pending"),
    (("not", "answered"), "pending"), (("pending",), "pending"), (("unanswered",), "pending"),
    (("לא", "ענה"), "pending"), (("לא", "ענו"), "pending"), (("לא", "אישר"), "pending"),
    (("לא", "אישרו"), "pending"), (("לא", "הגיבו"), "pending"), (("שלא", "ענה"), "pending"),
    (("שלא", "ענו"), "pending"), (("שלא", "אישר"), "pending"), (("שלא", "אישרו"), "pending"), (("שלא", "אישרה"), "pending"), (("שעוד", "לא"), "pending"),
    (("ממתינים",), "pending"), (("לממתינים",), "pending"),
    (("confirmed",), "confirmed"), (("coming",), "confirmed"), (("אישר",), "confirmed"),
    (("אישרו",), "confirmed"), (("שאישר",), "confirmed"), (("שאישרו",), "confirmed"), (("מגיע",), "confirmed"),
    (("מגיעים",), "confirmed"), (("המגיעים",), "confirmed"), (("למגיעים",), "confirmed"),
    (("שמגיע",), "confirmed"), (("שמגיעים",), "confirmed"), (("באים",), "confirmed"), (("yes",), "confirmed"),
    (("לא", "שלחנו"), "not_invited"), (("לא", "נשלחה", "הזמנה"), "not_invited"), (("not", "sent"), "not_invited"),
    (("wasn't", "sent"), "not_invited"), (("hasnt",), "pending"), (("havent",), "pending"),
    (("מאשרים",), "confirmed"), (("מאשרות",), "confirmed"), (("אישרה",), "confirmed"),
    (("מסרבים",), "declined"), (("סירבה",), "declined"), (("ביטלו",), "declined"),
    (("ממתין",), "pending"), (("ממתינות",), "pending"),
    (("לא", "החזיר"), "pending"), (("לא", "החזירו"), "pending"), (("לא", "החזירה"), "pending"),
    (("לא", "הגיב"), "pending"), (("לא", "הגיבה"), "pending"), (("שלא", "הגיב"), "pending"),
    (("שלא", "הגיבו"), "pending"), (("hasn't", "replied"), "pending"), (("didn't", "reply"), "pending"),
    (("סטטוס", "אולי"), "maybe"), (("שטרם",), "pending"), (("טרם",), "pending"), (("not", "yet"), "pending"), (("not", "responded"), "pending"),
    (("not", "replied"), "pending"), (("no", "answer", "yet"), "pending"),
]
_ALL_WORDS = {"everyone", "everybody", "all", "כולם", "לכולם", "הכל", "כל", "לכל", "כלל", "לכלל"}

_YES = {"בטח", "נכון", "כןן", "כן", "yes", "yep", "sure", "בטוח", "אוקיי", "אוקי", "סבבה", "ok", "okay", "יאללה",
        "תמחק", "go", "מאשר", "מאשרת", "yea", "yeah", "אישור", "מאושר"}
_NO = {"לא", "no", "nope", "ממש", "רוצה", "don't", "dont", "לאא", "תבטל", "תבטלי", "בטל", "cancel"}
_CANCEL_ONLY = {"עזוב", "עזבי", "תעזוב", "תעזבי", "את", "זה", "טעיתי", "עזוב,", "never", "mind", "cancel", "תבטל",
                "תבטלי", "בטל", "ביטול"}

# Words that put a language on the guests' side: the invitations' language, not the organiser's.
_GUEST_SIDE_LANG = {"guest", "guests", "invitations", "invites", "event", "אורחים", "לאורחים", "ההזמנות", "הזמנות",
                    "האירוע", "לאירוע", "ההודעות", "שפת", "שההזמנות", "שההודעות", "the invitations"}

_SIDE = sides.SIDE_WORDS   # "כלה", "הכלה", "bride's" … → "bride"

_COMMAND_WORDS = {"add", "guest", "guests", "remove", "delete", "event", "invite", "remind", "send", "list",
                  "admin", "editor", "viewer", "member", "team", "הוסף", "אורח", "אורחת", "אורחים", "מחק",
                  "אירוע", "מנהל", "מנהלת", "עורך", "עורכת", "צופה", "צוות", "רשימה", "לרשימה", "שלח"}

_HE_ADD_VERBS = {"תוסיף", "תוסיפי", "הוסף", "הוסיף", "להוסיף", "תכניס", "תכניסי", "תרשום", "תרשמי"}

_NEAR_COMMAND_WORDS = ["guest", "guests", "member", "event", "אורח", "אורחים", "אורחת"]
# First names one letter away from those words: "אורית שלום" is Orit Shalom, not a typo of "אורחת".
_NAMES_NEAR_COMMANDS = frozenset({"אורית", "אורי", "אורה", "אוריה", "אורנה", "אורן", "Everett", "Evet"})

_HE_NUM = {"אחד": 1, "אחת": 1, "שניים": 2, "שתיים": 2, "שני": 2, "שתי": 2, "שלושה": 3, "שלוש": 3, "ארבעה": 4,
           "ארבע": 4, "חמישה": 5, "חמש": 5, "שישה": 6, "שש": 6, "one": 1, "two": 2, "three": 3, "four": 4,
           "five": 5, "six": 6}

# Words that open a message without asking anything: greetings, thanks, laughter. Alone (or
# with one another) they are chit-chat, never a command, even when one looks like a verb typo.
_SMALL_TALK = {"בוקר", "ערב", "לילה", "צהריים", "צהרים", "שבוע", "שבת", "חג", "טוב", "טובה", "שמח", "שלום", "היי",
               "הי", "אהלן", "הלו", "מה", "נשמע", "קורה", "שומע", "תודה", "תודות", "רבה", "אחי", "חחח", "חחחח",
               "good", "morning", "evening", "night", "afternoon", "hi", "hello", "hey", "thanks", "thank", "you",
               "thx", "ty", "lol", "haha", "cheers", "shalom", "yo", "sup", "what's", "up", "how", "are", "u"}
# Saying hello, and nothing else: "היי", "שלום", "hey there"
_HELLO = {"hi", "hey", "hello", "hiya", "heya", "howdy", "shalom", "היי", "הי", "הייי", "היוש", "שלום", "הלו", "אהלן", "הולה"}
# Acknowledgements: "ok", "סבבה". They say "noted", not "yes, do it": alone they confirm nothing.
_ACK = {"ok", "okay", "k", "kk", "אוקי", "אוקיי", "סבבה", "סבבה!", "cool", "great", "fine", "אחלה", "מעולה",
        "יופי", "נהדר", "נחמד", "יאללה", "sababa"}
# A relation word before a name ("הדודה מלכה", "my cousin Avi") says who they are to the
# organiser; the guest's name is what follows.
_RELATION_WORDS = {"דוד", "דודה", "הדוד", "הדודה", "סבא", "סבתא", "בן", "בת", "דודן", "דודנית", "גיס", "גיסה",
                   "הגיס", "הגיסה", "חבר", "חברה", "החבר", "החברה", "השכן", "השכנה", "שכן", "שכנה",
                   "my", "our", "cousin", "aunt", "auntie", "uncle", "grandma", "grandpa", "granny", "friend",
                   "neighbour", "neighbor", "colleague", "boss", "brother-in-law", "sister-in-law"}
# titles before a name: "המנכ"ל עמית רוזן", "the CEO Amit Rozen", "ד"ר כהן" keeps its doctor
_TITLES = {"המנכ\"ל", "המנכ״ל", "מנכ\"ל", "מנכ״ל", "המנהל", "המנהלת", "הבוס", "הבוסית", "ceo", "manager", "גברת", "מר", "mrs",
           "הגברת", "הגב'", "גב'", "הגב׳", "גב׳", "הגב", "גב",
           "mr", "ms", "mrs.", "mr.", "ms."}
_RELATION_HEADS = {"דוד", "דודה", "הדוד", "הדודה", "דודן", "דודנית", "גיס", "גיסה", "הגיס", "הגיסה", "השכן",
                   "השכנה", "cousin", "aunt", "auntie", "uncle", "friend", "neighbour", "neighbor", "colleague",
                   "boss", "brother-in-law", "sister-in-law", "חבר", "חברה", "החבר", "החברה",
                   "sister", "brother", "sis", "bro", "buddy", "pal", "coworker", "co-worker", "teacher",
                   "המורה", "הגננת", "המטפלת", "השכנים", "דודתי", "גיסתי", "גיסי", "חמותי", "הסנדק", "הסנדקית", "shver",
                   "shvigger", "reb", "rabbi", "הרב", "הרבנית", "roommate", "room-mate", "flatmate", "housemate", "classmate",
                   "teammate", "bestie", "bff", "mentor", "hire", "employee", "intern", "recruit", "neighbours", "neighbors",
                   # a spouse named before the name: "ואת אשתו נועה 054…", "and his wife Noa 054…"
                   "אשתו", "אישתו", "בעלה", "wife", "husband",
                   # "היא ביקשה להוסיף את אחותה נגה": whose sister, then her name
                   "אחותה", "אחותו", "אחיה", "אחיו", "אחותי", "אחי", "חברתי"}
_DEAR = {"הטובה", "הטוב", "הקרובה", "הקרוב", "היקרה", "היקר", "הוותיקה", "הוותיק", "הותיקה", "הותיק", "הכי", "טובה"}
# what kind of friend: "my college roommate Josh", "my old army buddy Tal"
_RELATION_KINDS = {"college", "work", "army", "school", "high", "uni", "university", "childhood", "old", "best", "gym", "office",
                   "yeshiva", "camp", "former", "grad", "law", "med", "kindergarten", "dear", "close", "oldest", "new"}
_OF_WHOM = {"בעלי", "אשתי", "אישתי", "אבא", "אמא", "אבי", "אמי", "החתן", "הכלה", "בעלה", "אשתו", "dad", "mom", "my", "husband", "wife"}
# Hebrew relations written in English letters are part of how a guest is called ("Savta Rivka"),
# unless "my" / "our" says they describe the writer's relative ("my doda Rina")
_SAID_RELATIONS = {"doda", "dod", "saba", "savta", "safta"}
_RELATION_HEADS |= {w.lower() for w in _RELATION_HEADS}
# a group named before the guests in it: "להוסיף את החברים של יונתן מהפלוגה שמעון אזולאי 050… ואביתר נחום 054…"
_GROUP_HEADS = {"החברים", "החברות", "חברים", "חברות", "השכנים", "הקולגות", "הבנים", "הבנות", "friends"}
# Hebrew one-letter prefixes (ו ה ל מ ש כ ב) glued to a word: "מהשותפים", "לכל", "שלא".
_HE_PREFIXES = "והלמשכב"

_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
             "שני": 0, "שלישי": 1, "רביעי": 2, "חמישי": 3, "שישי": 4, "שבת": 5, "ראשון": 6}


# ------------------------------------------------------------------ text helpers

def _clean(text: str) -> str:
    text = _BIDI.sub("", text or "").replace("\u00a0", " ").replace("’", "'")
    return " ".join(text.split())


def _words(text: str) -> list[str]:
    return [w.lower().strip("'-") for w in _WORD.findall(text) if w.strip("'-") and w != "?"]


# Who is writing, said before the request: "שלום זאת סבתא פנינה אני רוצה ש...", "אני האחות של הכלה, ...",
# "this is Dana's mom, ..."; and a request passed on: "היא ביקשה להוציא את רועי", "she asked me to add ..."
_INTRO_WORD_STOP = {"לא", "טעות", "בסדר", "נכון", "ממש", "רק", "כל", "מה", "היה", "הייתה", "אני", "זה", "הכל", "הכול",
                    "not", "fine", "ok", "okay", "so", "wrong", "right", "just", "all", "great", "too", "really"}
_INTRO = re.compile(r"^(?:(?:שלום|היי|הי|hi|hello|hey)[,!.]?\s+)?"
                    r"(?:(?:זאת|זו|כאן|מדברת|מדבר)\s+(\S+)(?:\s+\S+){0,3}?|this\s+is\s+(\S+)(?:\s+\S+){0,3}?)"
                    r"(?:\s*[,.!]\s*|\s+(?=(?:אני\s+רוצה|אני\s+צריכ|אפשר|תוכל|רציתי|בבקשה|נא\s|please\s|can\s+you|could\s+you|"
                    r"i\s+want|i'?d\s+like|i\s+need)))"
                    r"|^(?:(?:שלום|היי|הי)[,!.]?\s+)?אני\s+(?:ה(?:אחות|אח|אמא|אבא|סבתא|סבא|דודה|דוד|בת|בן|גיסה|גיס|חברה|חבר|מארגנת|מארגן|מפיקה|מפיק)"
                    r"|(?:אמא|אבא|סבתא|סבא|אחות|אח|דודה|דוד)\s+של)(?:\s+\S+){0,3}?\s*[,.]\s*", re.I)
_PASSED_ON = re.compile(r"^(?:(?:היא|הוא|הם|הן|הכלה|החתן|אמא\s+שלי|אבא\s+שלי|הזוג)\s+)?(?:ביקשה|ביקש|ביקשו)\s+(?:ממני\s+|ממך\s+|מכם\s+)?(?=ל[\u05d0-\u05ea]{3})"
                        r"|^(?:she|he|they|the\s+bride|the\s+groom|the\s+couple)\s+asked\s+(?:me\s+|us\s+|you\s+)?to\s+", re.I)


# "צריך / צריכה / צריכים / חייבים" before one of the bot's own verbs: a request ("צריך לבדוק עם אמא" stays the writer's own)
_NEED_TO = re.compile(r"^(?:(?:אני|אנחנו)\s+)?(?:צריך|צריכה|צריכים|צריכות|חייב|חייבת|חייבים)\s+(?:עוד\s+|גם\s+|בבקשה\s+)?"
                      r"(?=ל(?:פתוח|הוסיף|שלוח|מחוק|הסיר|עדכן|שנות|הזמין|הזכיר|סמן|הכניס|תקן|העביר|הוריד|יצור|הקים|רשום)(?![\u05d0-\u05ea]))"
                      r"|^(?:we|i)?\s*(?:need|have)\s+to\s+(?=(?:open|add|send|remove|delete|create|set\s+up|invite|remind|mark|update|change)\b)",
                      re.I)


def _strip_polite(text: str) -> str:
    changed, stripped = True, False
    while changed:
        changed = False
        low = text.lower()
        for head in _POLITE_HEADS:
            if low.startswith(head) and (len(low) == len(head) or not low[len(head)].isalnum()):
                text = text[len(head):].lstrip(" ,.!-:")
                changed = stripped = True
                break
        else:
            m = _INTRO.match(text) or _PASSED_ON.match(text)
            if m and text[m.end():].strip() and not ({(g or "").lower() for g in m.groups()[:2]} & _INTRO_WORD_STOP):
                text = text[m.end():].lstrip(" ,.!-:")
                changed = stripped = True
    if stripped and re.match(r"^ש(?=ת[\u05d0-\u05ea]{3})", text):
        text = text[1:]   # "אני רוצה שתוסיף את ...": the request itself
    return text


def _after_colon(text: str) -> str | None:
    m = re.search(r":(?=\s|$)", text)
    if not m:
        return None
    value = text[m.end():].strip()
    return value or None


def _quoted(text: str) -> str | None:
    # (an apostrophe inside a word, "bride's", "ג'ורג'", opens and closes nothing)
    m = re.search(r"(?<![^\W\d_])[\"'“”„׳](.+?)[\"'“”״׳](?![^\W\d_])", text)
    return m.group(1).strip() if m else None


def _phone(text: str, region: str | None) -> tuple[str | None, str]:
    try:
        return find_phone(text, region)
    except InvalidPhone:
        return None, text


def find_date(text: str, today: date | None) -> tuple[date | None, str]:
    """A date anywhere in the text (12.6.27, 15/3, June 12, ב-12 ביוני, מחר, next Friday) and the text without it."""
    today = today or date.today()
    low = text.lower()
    rel = [(r"\b(?:next|this)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", "en"),
           (r"(?:ל|ב)?יום\s+(ראשון|שני|שלישי|רביעי|חמישי|שישי)\s+(?:הבא|הקרוב)(?![\u05d0-\u05ea])", "he"),
           # "לשישי הבא", "בחמישי הקרוב": the weekday with no "יום" before it ("שני" left out: "לשני" is also Shani, or two)
           (r"(?<![\u05d0-\u05ea])(?:ל|ב)(ראשון|שלישי|רביעי|חמישי|שישי)\s+(?:הבא|הקרוב)(?![\u05d0-\u05ea])", "he"),
           (r"(?:ל|ב)?שבת\s+(?:הבאה|הקרובה)(?![\u05d0-\u05ea])", "sat")]
    for pattern, kind in rel:
        m = re.search(pattern, low)
        if m:
            wd = 5 if kind == "sat" else _WEEKDAYS[m.group(1)]
            delta = (wd - today.weekday()) % 7 or 7
            return today + timedelta(days=delta), (text[:m.start()] + text[m.end():])
    m = re.search(r"(?<![\w])(?:ל|ב)?(מחרתיים|the\s+day\s+after\s+tomorrow)(?![\w])", low)
    if m:   # "מחרתיים": in two days
        return today + timedelta(days=2), (text[:m.start()] + text[m.end():])
    m = re.search(r"(?<![\w])(?:ל|ב)?(מחר|tomorrow)(?![\w])", low)
    if m:
        return today + timedelta(days=1), (text[:m.start()] + text[m.end():])
    hebrew = find_hebrew_date(text, today)   # "עברה לי"ח באלול", "תאריך ט"ו באב"
    if hebrew is not None:
        found, start, end = hebrew
        return found, text[:start] + text[end:]
    candidates = [
        r"(?<![\d\w])(?:ב|ל)?-?\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?(?![\d])",
        r"(?<![\d\w])\d{4}-\d{2}-\d{2}(?![\d])",
        r"(?<![\w])(?:ב|ל)?-?\d{1,2}\s+(?:ב|ל)[\u05d0-\u05ea]+(?:\s+\d{4})?",
        r"(?<![\w])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?(?![\w])",
        r"(?<![\w])\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:,?\s+\d{4})?(?![\w])",
    ]
    for pattern in candidates:
        for m in re.finditer(pattern, low):
            raw = text[m.start():m.end()]
            value = re.sub(r"^(?:ב|ל)?-?(?=\d)", "", raw).strip()
            try:
                return parse_date(value, today), (text[:m.start()] + text[m.end():])
            except (InvalidDate, Exception):
                continue
    # "Sunday the 13th", "on the 21st": the next day of the month with that number (on that weekday, when named)
    m = re.search(r"(?:\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b", low)
    if m and 1 <= int(m.group(2)) <= 31:
        day = int(m.group(2))
        for k in range(24):
            year, month = today.year + (today.month - 1 + k) // 12, (today.month - 1 + k) % 12 + 1
            try:
                found = date(year, month, day)
            except ValueError:
                continue    # no 31st this month
            if found > today and (m.group(1) is None or found.weekday() == _WEEKDAYS[m.group(1)]):
                return found, (text[:m.start()] + text[m.end():])
    return None, text


_STATUS_BY_FIRST: dict[str, list] = {}
for _seq, _status in _STATUS_AFTER_WHO:
    _STATUS_BY_FIRST.setdefault(_seq[0], []).append((_seq, _status))


def invite_verb_all(words: list[str], wset: set) -> bool:
    """An invite verb with everyone as its object: "תזמין את כל הרשימה", "invite the guests"."""
    return bool(wset & {"invite", "תזמין", "תזמיני", "להזמין"}) and (
        bool(wset & (_ALL_WORDS | {"guests", "האורחים", "אורחים", "הרשימה", "list", "המוזמנים"}))
        or any(_he_in(w, {"כל", "כולם"}) for w in words)) and not wset & {"team", "צוות", "לצוות", "admin",
                                                                       "editor", "viewer", "me", "אותי"}


def _he_forms(word: str):
    """A Hebrew word and the same word without its glued prefixes: "מהשותפים" -> מהשותפים, השותפים, שותפים."""
    yield word
    while len(word) > 3 and word[0] in _HE_PREFIXES and _HE.match(word[0]):
        word = word[1:].lstrip("-")
        yield word


def _he_in(word: str, vocab) -> bool:
    return any(f in vocab for f in _he_forms(word))


def _team_in(words: list[str]) -> bool:
    return any(w in _TEAM_WORDS or _he_in(w, _TEAM_STEMS) for w in words)


# Why an invitation did not go out: a bad number is a failed send, not one still to be sent
_FAILED_CAUSE = {"תקין", "תקינה", "תקינים", "שגוי", "שגויה", "שגויים", "נכשל", "נכשלה", "נכשלו", "invalid", "wrong", "bad",
                 "bounced", "undeliverable"}


def _status_in(words: list[str]) -> str | None:
    for i, w in enumerate(words):
        for form in _he_forms(w):
            for seq, status in _STATUS_BY_FIRST.get(form, ()):
                if (form,) + tuple(words[i + 1:i + len(seq)]) == seq:
                    # "למי ההזמנה לא נשלחה בגלל מספר לא תקין": not sent because the number is bad, a failed send
                    return "failed" if status == "not_invited" and {x.lower() for x in words[i:]} & _FAILED_CAUSE else status
    return None


def _side_in(words: list[str]) -> str | None:
    for w in words:
        w2 = w[2:] if w.startswith(("מה", "לה")) and w[2:] in _SIDE else w
        if w2 in _SIDE:
            return _SIDE[w2]
        if w.startswith("ל") and w[1:] in _SIDE:
            return _SIDE[w[1:]]
    return None


def _role_in(words: list[str]) -> str | None:
    for w in words:
        if w in _ROLE:
            return _ROLE[w]
        if w[:2] in {"ל-", "כ-"} and w[2:] in _ROLE:
            return _ROLE[w[2:]]
    return None


# A co-organiser described by what they may do ("can my mother-in-law see the list but not change anything?",
# "שתעזור לי לעדכן את הרשימה", "שגם הוא יוכל לנהל"): the role those words give
_ROLE_SAID = [
    (re.compile(r"\b(?:see|view|look at|check)\s+(?:the\s+)?(?:list|guests|guest list|answers|rsvps)\b|\bview[\s-]only\b|\bread[\s-]only\b"
                r"|\bjust\s+(?:to\s+)?(?:see|look|view)\b|\bnot\s+(?:to\s+)?(?:change|edit)\b|(?:רק\s+)?(?:לראות|לצפות|יראה|תראה|שיראה|שתראה)\s+(?:את\s+)?(?:ה)?(?:רשימה|אורחים|תשובות|אישורים)"
                r"|רק\s+(?:לראות|לצפות|צפייה|צפיה)|(?:ל)?(?:צפייה|צפיה|לצפות|לראות)\s+(?:בלבד|בלבדד)(?![\u05d0-\u05ea])|בלי\s+(?:לשנות|לערוך)|לא\s+(?:לשנות|לערוך|יוכל\s+לשנות|תוכל\s+לשנות)|הרשא\S*\s+צפי", re.I), "viewer"),
    # "עם הרשאות ניהול", "admin rights", "full access": the admin role, said by its rights
    (re.compile(r"הרשא\S*\s+(?:של\s+)?(?:ה)?(?:ניהול|מנהל|מנהלת|אדמין|מלאות|מלאה)(?![\u05d0-\u05ea])|גישת\s+(?:ה)?(?:ניהול|מנהל)(?![\u05d0-\u05ea])"
                r"|גישה\s+מלאה|\b(?:admin|administrator|owner|full)\s+(?:rights|access|permissions|privileges)\b", re.I), "admin"),
    # "my mom should be able to add people too": what a co-organiser may do, said as a permission
    (re.compile(r"\bhelp\s+(?:me\s+)?(?:manage|with|update|edit|run|organi[sz]e)\b|\b(?:can|could|to)\s+(?:also\s+)?(?:edit|update|manage|make changes)\b"
                r"|\bbe\s+able\s+to\s+(?:also\s+)?(?:add|edit|update|manage|change)\s+(?:people|guests|ppl|names|the\s+list|things|stuff)\b"
                r"|(?:יעזור|תעזור|שיעזור|שתעזור|לעזור)\s+לי|(?:יוכל|תוכל|שיוכל|שתוכל|שגם\s+הוא\s+יוכל|שגם\s+היא\s+תוכל)\s+(?:גם\s+)?(?:לנהל|לעדכן|לערוך|לשנות|להוסיף)"
                r"|(?:ינהל|תנהל|שינהל|שתנהל)\s+(?:איתי|יחד|את)", re.I), "editor"),
]


# "המנהלת הקודמת", "המנהל של בית הספר", "the former manager": a role noun that says what a person does
# or did elsewhere (a principal, a boss), never a role on this event's team
_FORMER = {"הקודם", "הקודמת", "הקודמים", "לשעבר", "הוותיק", "הוותיקה", "הישן", "הישנה", "former", "previous", "retired",
           "בדימוס", "בפנסיה"}


def _role_is_title(words: list[str]) -> bool:
    """Every role word in `words` is a person's title ("המנהלת הקודמת", "המנהל של הסניף"), none a role given."""
    found = False
    for i, w in enumerate(words):
        if w in _ROLE or (w[:2] in {"ל-", "כ-"} and w[2:] in _ROLE):
            nxt = words[i + 1] if i + 1 < len(words) else ""
            prev = words[i - 1] if i else ""
            if not ((w.startswith("ה") and _HE.match(w) and (nxt in _FORMER or nxt == "של")) or (
                    w in {"manager", "admin", "owner"} and prev in _FORMER)):
                return False
            found = True
    return found


def _role_said(line: str) -> str | None:
    return next((role for rx, role in _ROLE_SAID if rx.search(line)), None)


def _role_for(words: list[str], line: str) -> str | None:
    """The role named or described; "as co organiser but she can only look" is a viewer: what they may do wins."""
    said = _role_said(line)
    return "viewer" if said == "viewer" else (_role_in(words) or said)


def _count_in(words: list[str]) -> int | None:
    for w in words:
        if w.isdecimal() and len(w) <= 2:
            return int(w)
    for w in words:
        if w in _HE_NUM:
            return _HE_NUM[w]
    return None


def _strip_name(text: str) -> str:
    """A person as the organiser named them, without the grammar around it."""
    text = re.sub(r"^(?:את|ל|ל-|מ|the|of)\s+", "", text.strip(), flags=re.I)
    text = _strip_relation(text)
    text = re.sub(r"\s+(?:מהרשימה|מה-?רשימה|from the (?:list|guests|guest list)|off the list|please|בבקשה)$", "",
                  text, flags=re.I)
    return text.strip(" ,.!?:;\"'")


_COMPANION = re.compile(
    r"[\s,]*(?:(?:פלוס|plus)\s+(?:אחת|אחד|one|1)"
    r"|\+\s*(?:(?:his|her|the)\s+)?(?:wife|husband|partner|spouse|bf|gf|boyfriend|girlfriend|אישה|אשתו|בעלה"
    r"|ב[נת]\s+(?:ה)?זוג\S*(?:\s+(?:שלו|שלה))?)"
    r"|(?:(?:she|he)(?:'s|\s+is|\s+will\s+be)\s+)?(?:bringing|coming\s+with)\s+(?:her|his)\s+(?:boyfriend|girlfriend|bf|gf|husband|hubby|wife|partner|"
    r"fianc[eé]e?|plus\s*one|\+1)"
    r"|(?:(?:ו?(?:היא|הוא|הם)\s+|(?:she|he)(?:'s|\s+is|\s+will\s+be)\s+|they(?:'re|\s+are|\s+will\s+be)\s+)?(?:באה?|באים|מגיעה?|מגיעים|תבוא|יבוא|תגיע|יגיע|coming|comes|will\s+come)\s+)?(?:יחד\s+)?(?:עם|with)\s+"
    r"(?:(?:his|her|the)\s+)?(?:wife|husband|partner|spouse|carer|caregiver|aide|אשתו|בעלה|אישתו|בן\s+הזוג|בת\s+הזוג|בן\s+זוגה|בת\s+זוגו|ה?מטפלת|ה?מטפל|ה?מלווה"
    # one more of the family: "תגיע עם בתה", "coming with her daughter"
    r"|daughter|son|mother|mom|mum|father|dad|sister|brother|בתה|בנה|בתו|בנו|אמה|אמו|אביה|אביו|אחותה|אחותו|אחיה|אחיו"
    r"|(?:ה)?(?:בת|בן|אמא|אבא)\s+(?:שלה|שלו)"
    r"|הבעל\s+שלה|האישה\s+שלו|החבר\s+שלה|החברה\s+שלו)"
    r"|and\s+(?:his\s+wife|her\s+husband|(?:his|her)\s+(?:partner|bf|gf|boyfriend|girlfriend|fianc[eé]e?))|ו(?:את\s+)?(?:אשתו|בעלה|אישתו|רעייתו|בן\s+זוגה|בת\s+זוגו|ב[נת]\s+זוגו|ב[נת]\s+זוגה)"
    r"|ו(?:את\s+)?(?:ה)?(?:בעל|אישה|חבר|חברה|בן\s+זוג|בת\s+זוג)\s+(?:שלה|שלו)"
    r"|(?:she|he)(?:'ll|\s+will)\s+(?:come|be\s+coming)\s+with\s+(?:my|her|his|our)\s+(?:uncle|aunt|husband|wife|partner|mom|mum|dad|"
    r"boyfriend|girlfriend|bf|gf|brother|sister|grandma|grandpa))\s*$",
    re.I)
_PLUS_N = re.compile(r"[\s,]*\+\s*(\d{1,2})\s*$")
_PAREN_N = re.compile(r"\s*\((?:party\s+|x\s*)?(\d{1,2})(?:\s*(?:people|ppl|אנשים|איש|pax))?\)\s*", re.I)


def _tidy_name(name: str) -> tuple[str, int | None]:
    """A guest's name as written around it, and the party size said with it.

    "הדודה מלכה אוחיון היא באה עם בעלה" -> ("מלכה אוחיון", 2); "my cousin Avi + wife" -> ("Avi", 2);
    "אלון גבאי (2)" -> ("אלון גבאי", 2); "Dana +2" -> ("Dana", 3).
    """
    party = None
    name = re.sub(r"(?<![\w/])w/\s*", "with ", name, flags=re.I)   # "he's coming w/ his wife"
    m = _PAREN_N.search(name)
    if m:
        party = int(m.group(1))
        name = (name[:m.start()] + " " + name[m.end():]).strip()
    m = re.search(r"[\s,]*(?:(?:היא|הוא)\s+(?:תבוא|יבוא|תגיע|יגיע|באה|בא|מגיעה|מגיע)\s+לבד|(?:she|he)(?:'s|\s+is|\s+will\s+be)?\s+"
                  r"(?:coming|come)\s+alone|(?:comes|coming)\s+alone)\s*$", name, re.I)
    if m and m.start() > 0:   # "... היא תבוא לבד": a party of one
        party, name = 1, name[:m.start()]
    m = re.search(r"[\s,]*(?:party\s+of|group\s+of)\s+(\d{1,2}|two|three|four|for|five|six|to)\s*$", name, re.I)
    if m and m.start() > 0:   # "party of for": voice-to-text for four
        word = m.group(1).lower()
        party = int(word) if word.isdecimal() else {"two": 2, "to": 2, "three": 3, "four": 4, "for": 4, "five": 5, "six": 6}[word]
        name = name[:m.start()]
    m = re.search(r"[\s,.]*(?:(?:she|he)(?:'ll|\s+will)?\s+be\s+coming|coming)\s+(?:alone|on\s+(?:her|his)\s+own|by\s+(?:her|him)self)[.!]?\s*$", name, re.I)
    if m and m.start() > 0:   # "She'll be coming on her own."
        party, name = 1, name[:m.start()]
    m = re.search(r"[\s,]+(?:ו?(?:הם|הן)\s+|they(?:'re|\s+are)\s+)?(?:מגיעים|מגיעות|באים|באות|יגיעו|יבואו|coming|attending)\s+(\d{1,2}|" + "|".join(
        sorted(_PARTY_NUM, key=len, reverse=True)) + r")(?:\s+(?:אנשים|נפשות|איש))?[.!]?\s*$", name)
    if m and m.start() > 0 and party is None:   # "ברוך טייב 052… מגיעים שלושה": they come, three of them
        word = m.group(1)
        party, name = (int(word) if word.isdecimal() else _PARTY_NUM[word]), name[:m.start()]
    m = re.search(r"[\s,]+(?:זוג|couple)[.!]?\s*$", name, re.I)
    if m and m.start() > 0 and party is None:   # "חיים ורבקה לוי 050… זוג"
        party, name = 2, name[:m.start()]
    m = _COMPANION.search(name)
    if m and m.start() > 0:
        party, name = 2, name[:m.start()]
    else:
        m = _PLUS_N.search(name)
        if m and m.start() > 0:
            party, name = int(m.group(1)) + 1, name[:m.start()]
    m = re.search(r"(?:,\s*|\s+)(?:he|she|they)(?:'s|'re|'ll|\s+is|\s+are|\s+will)\s+(?!coming\b|bringing\b|be\s+coming\b)[a-z].*$", name, re.I)
    if m and m.start() > 0 and len(name[:m.start()].split()) >= 1:
        name = name[:m.start()]   # "Josh Feldman, he's flying in for it": the name, not the remark after it
    name = _strip_relation(name)
    return " ".join(name.split()).strip(" ,-–"), party


# "הוסף אורח סבתא רחל 052…", "add guest הדודה שושי 052…": the name typed into the command is the guest's name as the
# family calls them, title and all ("דוד משה" may be David Moshe); it is what tells two Rachels apart
_FAMILY_TITLES = r"(?:סבא|סבתא|דוד|דודה|הדוד|הדודה)"
_ADD_TITLED = re.compile(r"^(?:הוסף|תוסיף|תוסיפי|הוסיפי|add)\s+(?:אורח|אורחת|guest)\s+(" + _FAMILY_TITLES + r")\s+([\u05d0-\u05ea]\S*)\s", re.I)
# "…054 661 2387 והם באים שלושה הוא אשתו והבת הקטנה": how many they come as, said after the phone with more after it
_COME_AS = re.compile(r"(?<![\u05d0-\u05ea])(?:ו?(?:הם|הן)\s+)?(?:באים|באות|מגיעים|מגיעות|יגיעו|יבואו)\s+(\d{1,2})(?!\d)(?!\s*(?:ב|ל)?(?:שעה|בערב|בבוקר|:))")


def _party_in_note(g: C.GuestDraft) -> C.GuestDraft:
    """A party size said in what was kept as the guest's note ("והם באים שלושה"); "הוא" left on the name is no part of it."""
    last = re.sub(r"\s+(?:הוא|היא)$", "", g.last_name or "") if g.last_name else g.last_name
    party = g.party_size
    said = _COME_AS.search(_digits_for_words(g.notes)) if party is None and g.notes else None
    if said and 1 < int(said.group(1)) <= C.MAX_PARTY_SIZE:
        party = int(said.group(1))
    if (last, party) == (g.last_name, g.party_size) or not g.first_name:
        return g
    return dataclasses.replace(g, last_name=last, party_size=party)


# "add my cousin in NY, Ben Rosen, +1 …": the relation (and where they live), then the name set off by commas
_ADD_WHO_COMMA_NAME = re.compile(r"^(?:please\s+|pls\s+)?add\s+(?:my|our|his|her|their)\s+[^,\d]+,\s*"
                                 r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})\s*,?\s*(?=[+\d(])")
_TITLE_WORDS = frozenset({"סבא", "סבתא", "דוד", "דודה", "הדוד", "הדודה"})


def _titles_kept(command: C.AddGuests, exact: C.AddGuests, text: str = "") -> C.AddGuests:
    """A pasted list under "הוסף אורחים" ("סבא משה 052…", "דודה מרים 052…"): the title typed right before the name stays
    in it, as it does for one "הוסף אורח סבתא רחל 052…" (first name the title, then the name); it is how the family
    calls them, and how they are greeted ("הדודה שלי רחל" is still Rachel, as on one line). So too on a row the
    grammar refused for what follows the phone ("דודה רותי 052-4444444 4 אנשים"): the title as typed on that row."""
    typed = {(e.line_no, e.phone): f"{e.first_name} {e.last_name or ''}".split() for e in exact.guests}
    rows = [(row.split(), re.sub(r"\D", "", row)) for row in (text or "").split("\n")[1:] if row.split()[:1] and
            row.split()[0] in _TITLE_WORDS]
    guests = []
    for g in command.guests:
        said = typed.get((g.line_no, g.phone)) or []
        if not said and g.phone and rows and g.first_name not in _TITLE_WORDS:
            local = re.sub(r"\D", "", g.phone)[-9:]
            said = next((toks for toks, digits in rows if len(local) == 9 and local in digits
                         and toks[1:2] == [g.first_name]), [])
        name = f"{g.first_name} {g.last_name or ''}".split()
        if len(said) >= 2 and said[0] in _TITLE_WORDS and name and said[1:1 + len(name)] == name:
            g = dataclasses.replace(g, first_name=said[0], last_name=" ".join(name))
        guests.append(g)
    return command if all(a is b for a, b in zip(guests, command.guests)) else dataclasses.replace(command, guests=tuple(guests))


# "הוסף חבר 052…": "חבר" is a friend or a member of the team; no guest is called "חבר"
_ADD_FRIEND_WORD = re.compile(r"^(?:הוסף|תוסיף|תוסיפי|תוסיפו|הוסיפי|להוסיף|תכניס|תכניסי|להכניס)\s+(?:גם\s+)?(?:את\s+)?(?:ה)?(?:חבר|חברה)"
                              r"(?:\s+(?:חדש|חדשה|נוסף|נוספת))?(?=[\s,:\-–]+[+\d(])")
_FRIEND_WORDS = frozenset({"חבר", "חברה", "החבר", "החברה", "חדש", "חדשה", "נוסף", "נוספת", "את", "גם", "בבקשה", "תודה", "?", "-"})


def _friend_or_member(line: str, command, region) -> Reading | None:
    """"הוסף חבר 052…" with no name and no role: a member of the team, the way "הוסף חבר 052… עורך" is one; asked
    first, with the role (editor unless said), so a friend meant as a guest is a "no" away, never a guest called
    "חבר". With more said of a guest ("הוסף חבר 052… צד חתן"): a guest with no name yet, whose name is asked."""
    said = _ADD_FRIEND_WORD.match(line)
    if said is None or not isinstance(command, C.AddGuests) or len(command.guests) > 1:
        return None
    if any(not set(f"{g.first_name} {g.last_name or ''}".split()) <= _FRIEND_WORDS for g in command.guests):
        return None   # "הוסף חבר דני 052…": a friend called Dani, a guest
    phone, left = _phone(line[said.end():], region)
    if phone is None:
        return None
    if not re.sub(r"(?:בבקשה|תודה)", "", left).strip(" .,!?:-–"):
        return Reading(C.AddMember(phone=phone, role="editor"), sure=False)
    return Reading(C.parse("add guest " + phone, region, None))   # ("No name. Try: add guest Dana Levi 050…")


# Towns of two words, as said after "מ" ("ממודיעין עילית", "מבאר שבע", "מניו יורק")
_TWO_WORD_PLACES = {("מודיעין", "עילית"), ("נצרת", "עילית"), ("ביתר", "עילית"), ("מגדל", "העמק"), ("באר", "שבע"),
                    ("פתח", "תקווה"), ("פתח", "תקוה"), ("תל", "אביב"), ("רמת", "גן"), ("רמת", "השרון"), ("כפר", "סבא"),
                    ("הוד", "השרון"), ("בית", "שמש"), ("בני", "ברק"), ("ראש", "העין"), ("ראשון", "לציון"), ("זכרון", "יעקב"),
                    ("קרית", "שמונה"), ("קריית", "שמונה"), ("קרית", "גת"), ("קריית", "גת"), ("קרית", "אתא"), ("קריית", "אתא"),
                    ("קרית", "ביאליק"), ("קריית", "ביאליק"), ("קרית", "מוצקין"), ("קריית", "מוצקין"), ("קרית", "ים"),
                    ("קריית", "ים"), ("קרית", "אונו"), ("קריית", "אונו"), ("נוף", "הגליל"), ("מעלה", "אדומים"),
                    ("גבעת", "שמואל"), ("אור", "יהודה"), ("אור", "עקיבא"), ("בת", "ים"), ("נס", "ציונה"), ("יבנה", "ים"),
                    ("דלית", "אל"), ("ניו", "יורק"), ("ניו", "ג'רזי"), ("לוס", "אנג'לס"), ("סן", "פרנסיסקו"), ("בית", "שאן"),
                    ("מבשרת", "ציון"), ("גני", "תקווה"), ("כפר", "יונה"), ("ראש", "פינה"), ("שדה", "בוקר"), ("אבן", "יהודה")}


def _strip_relation(name: str) -> str:
    """"הדודה מלכה" -> "מלכה", "my cousin Avi" -> "Avi", "בן דוד שלי משה" -> "משה"; a lone relation stays."""
    toks = name.split()
    run = next((k for k, t in enumerate(toks) if re.search(r"\d", t) or t.strip(",") in {"צד", "מצד", "בצד", "side", "זוג"}), len(toks))
    run = next((k + 1 for k, t in enumerate(toks[:run]) if t.endswith(",")), run)
    if run == 2 and toks[0] == "דוד" and toks[1].strip(",") not in {"שלי", "שלנו"}:
        return name   # "דוד לוי", "דוד אוחנה צד כלה": David and his surname (uncle is "הדוד לוי", "הדוד שלי משה")
    i = 0
    while i < len(toks) - 1:
        t = toks[i].lower().strip(",?")   # ("הדודה מטבריה? רחל אלמוג": the question mark ends who she is)
        nxt = toks[i + 1].lower().strip(",?")
        if t in _SAID_RELATIONS and i and toks[i - 1].lower() in {"my", "our"}:
            i += 1
            continue
        if t in _RELATION_HEADS or t in {"my", "our", "the", "שלי", "שלנו", "סבא", "סבתא"} or (
                t in {"his", "her", "their"} and nxt in _RELATION_HEADS) or (
                t in {"בן", "בת", "הבן", "הבת"} and nxt in {"דוד", "דודה", "הדוד", "הדודה"}) or t in _TITLES or (
                t in _FORMER and (i and toks[i - 1].lower().strip(",") in _TITLES | _RELATION_HEADS or nxt in _TITLES)):
            i += 1
            continue
        if t in {"my", "our", "his", "her", "their"} and re.fullmatch(r"[a-z][a-z-]{2,}", toks[i + 1]) and i + 2 < len(toks) \
                and toks[i + 2][:1].isupper():
            i += 2    # "his publisher Tamar Ezra", "her dentist Ron Levi": whose and who, then the capitalised name
            continue
        if t in _RELATION_KINDS and any(x.lower().strip(",") in _RELATION_HEADS for x in toks[i + 1:i + 3]):
            i += 1    # "my college roommate Josh Feldman": the kind of friend, then the friend
            continue
        if t == "של" and i and i + 1 < len(toks) - 1 and toks[i + 1].lower().strip(",") in _OF_WHOM:
            i += 2    # "הבן דוד של בעלי מאיר": whose cousin
            continue
        if i and t[:1] == "מ" and (t[1:], nxt) in _TWO_WORD_PLACES \
                and toks[i - 1].lower().strip(",") in _RELATION_HEADS | {"שלי", "שלנו"}:
            if i + 2 == len(toks):
                return name   # "הדוד שלי ממודיעין עילית": the relation and the town are all there is
            i += 2    # "הדודה מניו יורק ברכה": a town of two words, then the name
            continue
        if t in _GROUP_HEADS and nxt == "של" and i + 3 < len(toks):
            i += 3    # "החברים של יונתן מהפלוגה שמעון אזולאי": whose friends, then (where from and) the name
            if re.match(r"^מה?[\u05d0-\u05ea]{3,}$", toks[i].strip(",?")) and i + 1 < len(toks):
                i += 1
            continue
        if i and re.match(r"^מה?[\u05d0-\u05ea]{3,}$", t) and toks[i - 1].lower().strip(",?") in _RELATION_HEADS | {"שלי", "שלנו"} \
                and t not in _NAMES_WITH_MEM:
            i += 1    # "חבר מהצבא איתי", "חברה מהעבודה דנה": where they know them from
            continue
        if i and t in {"from"} and i + 2 < len(toks) and toks[i - 1].lower().strip(",") in _RELATION_HEADS:
            i += 2    # "friend from work Dana"
            continue
        break
    while i < len(toks) - 1 and toks[i].strip(",") in {"שלי", "שלנו"} | (_DEAR if i else set()):
        i += 1   # "חברתי הטובה מרים": how dear, then the name
    if i == len(toks) - 1 and re.match(r"^מה?[\u05d0-\u05ea]{4,}$", toks[i].strip(",?")) \
            and toks[i].strip(",?") not in _NAMES_WITH_MEM and toks[i - 1].lower().strip(",?") in _RELATION_HEADS | {"שלי", "שלנו"}:
        return name   # "הדוד מלונדון": who he is and where from is all there is (no "מלונדון" for a name)
    if i and i < len(toks) and toks[i].lower() not in _RELATION_WORDS:
        return " ".join(toks[i:])
    return name


# Given names that open with מ, never "from" a place: "הדודה מיכל" is aunt Michal
_NAMES_WITH_MEM = frozenset({"משה", "מאיר", "מרים", "מיכל", "מיכאל", "מלכה", "מאיה", "מורן", "מור", "מתן", "מעיין", "מירב",
                             "מירי", "מנחם", "מרדכי", "מיה", "מתנאל", "מוטי", "מישל", "מרגלית", "מזל", "מעין", "מיקה"})


def _he_unprefix(word: str, prefixes: str = "ל") -> str:
    """'לדנה' -> 'דנה', 'ל-Mike' -> 'Mike'."""
    if len(word) > 2 and word[0] in prefixes and (word[1] == "-" or _HE.match(word[1])):
        return word[2:] if word[1] == "-" else word[1:]
    return word


def _ref(text: str, region: str | None) -> C.Ref | None:
    text = _strip_name(text)
    if not text:
        return None
    try:
        return C._ref(text, region)
    except C._Fail:
        return None


_SOURCE_NOUNS = _EVENT_NOUNS | _TEAM_STEMS | {"team", "list", "guests", "guest", "רשימה", "הרשימה", "אורחים", "ליסט", "הליסט",
                                              "מוזמנים", "planners", "organisers", "organizers", "admins"}


def _strip_source(text: str) -> str:
    """"Dana from the event" -> "Dana": a trailing "from the X" / "מהX" names where from, not whom."""
    text = text.strip(" ,.!?")
    m = re.search(r"\s+(?:from|off)\s+(?:the\s+|this\s+|our\s+|my\s+)?(?:event\s+|guest\s+)?(\S+)$", text, re.I)
    if m and m.group(1).lower() in _SOURCE_NOUNS:
        return text[:m.start()].strip()
    m = re.search(r"\s+(מ\S+)$", text)
    if m and _he_in(m.group(1).replace("-", ""), _SOURCE_NOUNS) and m.group(1)[1:2] in ("ה", "-"):
        return text[:m.start()].strip()
    return text


_AUDIENCE_HEADS = {"who", "those", "anyone", "everyone", "everybody", "all", "people", "whoever"}


def _audience_ref(ref_words: list[str]) -> bool:
    """A relative clause or a plural ("מי שאמר שלא מגיע", "כל המאשרים", "those who declined") is an
    audience, never one guest's name."""
    if ref_words and ref_words[0] == "the" and len(ref_words) > 1:
        ref_words = ref_words[1:]   # "the people who said no", "the guests who said yes"
    if not ref_words:
        return False
    w0 = ref_words[0]
    if w0 in {"guests", "ones", "folks", "invitees"} and len(ref_words) > 1 and ref_words[1] in {"who", "that", "which"}:
        return True   # "the guests who said yes", "the ones that haven't answered"
    if ref_words[-1] in {"side", "צד", "הצד"} or (len(ref_words) <= 4 and w0 in {"side", "צד", "הצד", "לצד", "מהצד"}):
        return True   # "the bride's side", "הצד של החתן": one side of the list
    if w0 in _AUDIENCE_HEADS or _he_in(w0, {"מי", "כל", "כולם"}) or w0.startswith("מיש"):
        return True
    return len(ref_words) <= 2 and w0.startswith("ה") and _status_in(ref_words[:1]) is not None


def _to_audience(ref_words: list[str], text: str, line: str) -> Reading:
    status = _status_in(ref_words)
    everyone = any(w in _ALL_WORDS or _he_in(w, {"כל", "כולם"}) for w in ref_words)
    side = _side_in(ref_words) if _has(line.lower(), "side", "צד") else None
    if status or everyone or side:
        return Reading(C.Broadcast(text=text, status=status, side=side))
    return Reading(C.ParseError(i18n._("What should I send? Try: {usage}",
                                       usage=C._t(C.N_("broadcast pending: Please answer by Friday!"))), None))


# ------------------------------------------------------------------ entry points

def _not_a_guest_called_me(reading: Reading) -> Reading:
    """"תורידו אותי מהרשימה", "remove me": the writer, as `leave` (asked first); never a guest called "אותי"."""
    cmd = reading.command
    if isinstance(cmd, C.RemoveGuest) and cmd.ref is not None and cmd.ref.number is None and cmd.ref.phone is None \
            and cmd.ref.text.split()[:1] and cmd.ref.text.split()[0].lower() in {"אותי", "אותנו", "me", "us", "myself"}:
        return Reading(C.Leave(), sure=False)
    return reading


def understand(text: str, region: str | None = None, today: date | None = None) -> Reading:
    """The command an organiser's message asks for, and whether the reading is sure.

    The exact grammar first (`commands.parse`); then this layer corrects readings that
    would write to the wrong target and reads what the grammar refused. A bug here is
    logged as a bug and the grammar's reading stands.
    """
    exact = C.parse(text, region, today)
    try:
        reading = _not_a_guest_called_me(refine(text, exact, region, today))
        if isinstance(reading.command, C.ListGuests) and _asks_for_a_file(text):
            return Reading(C.Export())   # "תשלח לי את הרשימה כקובץ", "the guest list as a spreadsheet"
        drawn = _ELONGATED.sub(r"\1", text or "")
        if drawn != text and not C.writes(reading.command):
            # "תראי לי מי אישרררר": a word drawn out for emphasis is the word; read so only when it asks for something
            # to be shown (a message to send keeps its letters as typed)
            again = refine(drawn, C.parse(drawn, region, today), region, today)
            if not C.writes(again.command) and (isinstance(reading.command, C.ParseError) or type(again.command) is type(reading.command)):
                return again
        return reading
    except Exception:
        log.exception("organiser understanding failed on a message")
        return Reading(exact)


# a Hebrew letter typed three times or more: "אישרררר" is "אישר" drawn out
_ELONGATED = re.compile(r"([\u05d0-\u05ea])\1{2,}")
_WANTS_ROLE = re.compile(r"^(?P<who>[A-Za-z\u05d0-\u05ea][\w'\u05d0-\u05ea-]*(?:\s+[A-Z\u05d0-\u05ea][\w'\u05d0-\u05ea-]*)?)\s+"
                         r"(?:asked\s+to\s+be|wants\s+to\s+be|would\s+like\s+to\s+be|needs\s+to\s+be|should\s+be)\s+(?:an?\s+)?"
                         r"(?P<role>[a-z]+)(?:\s*,?\s*(?:not|instead\s+of)\s+(?:an?\s+)?[a-z]+)?\W*$", re.I)
_TOKEN_FOR = re.compile(r"^(?:(?:a|an|new|my)\s+)?(?:api\s+)?(?:token|טוקן)\s+(?:(?:for|to)\s+(?:the\s+|my\s+|our\s+)?\S|"
                        r"(?:ל-?|עבור\s+|בשביל\s+)(?:ה)?(?:אירוע|אפליקציה|מערכת)\S*\W*$)", re.I)   # "token לאירוע"
# the guests asked a question, its options after it split with "/": who is asked, then the question
_ASK_THEM = re.compile(r"(?:^|\s)(?:לשאול|תשאל|תשאלי|תשאלו|שאל|שאלי|ask)\s+(?:את\s+)?(?:כל\s+)?(?:ה)?(?:מגיעים|מאשרים|אורחים|מוזמנים|כולם"
                       r"|(?:the\s+|all\s+)?(?:confirmed|coming|attending)?\s*(?:guests|people|invitees)|everyone|confirmed)\s*:?\s+"
                       r"(?P<q>[^?؟/]*?(?:[?؟]|(?<!\d):(?!\d)))\s*(?P<opts>[^/?]{1,24}(?:\s*/\s*[^/?]{1,24})+)\W*$", re.I)
_NEW_EVENT_WEEKDAY = re.compile(r"(?:^|\s|,)ביום\s+(ראשון|שני|שלישי|רביעי|חמישי|שישי)(?:\s+(?:ב-?|בשעה\s+)?(\d{1,2}:\d{2})(?:\s+(בבוקר|בערב|בלילה|אחה[\"״]צ))?)?(?=\s*$|\s*,)")
_depth = threading.local()
# Someone named only by a pronoun ("she", "לו", and "ו"/"ה" left of "לו"/"לה" once the ל is read as "to")
_PRONOUN_REFS = frozenset({"הוא", "היא", "הם", "הן", "he", "she", "they", "him", "her", "them", "איתו", "איתה", "איתם",
                       "אליו", "אליה", "אליהם", "לו", "לה", "להם", "להן", "ו", "ה"})


# "תעני לה: כן, יש חניה", "reply to her: yes", "תכתבי לו שיש חניה", "message him: see you at 8": an answer to someone
# pointed back at, never a guest whose name holds "ה" or "her" (the organiser's side finds the message waiting for an
# answer and asks before sending). Words about the message itself ("על השאלה שלה", "her question") are no part of it.
def _back_who_he(name: str, plural: bool = True) -> str:
    # ("לאורח" is no pointing back: "לאורח 3", "לאורח משה כהן" name whom; "תעני לאורחת: כן" is read by the grammar)
    return rf"(?P<{name}>לה|לו|אליה|אליו" + ("|להם|להן|אליהם|אליהן" if plural else "") + r")(?![\u05d0-\u05ea])"


_BACK_ABOUT_HE = (r"(?:\s+(?:בבקשה|רק|גם|בחזרה|תשובה|על\s+זה|(?:על|ל)\s*(?:ה)?(?:שאלה|הודעה)"
                  r"(?:\s+(?:שלה|שלו|שלהם|ששלחה|ששלח|ששאלה|ששאל|ששלחו|ששאלו))?))*")
_BACK_SEP_HE = r"(?:\s*[:\-–—,]\s*|\s+ש-?(?=[\u05d0-\u05ea]{2})|\s+)"
_REPLY_VERBS_HE = r"(?:ענה|עני|תענה|תעני|תענו|לענות|השב|השיבי|תשיב|תשיבי|להשיב|תחזיר|תחזירי|תחזור|תחזרי)"
_ANSWER_BACK_HE = re.compile(
    r"^(?:" + _REPLY_VERBS_HE + r"(?:\s+(?:בבקשה|גם|רק))*\s+" + _back_who_he("who") + _BACK_ABOUT_HE + _BACK_SEP_HE
    # "תעני לשאלה שלה: כן", "תעני על ההודעה שלו: ...": the message named as theirs
    + r"|" + _REPLY_VERBS_HE + r"(?:\s+(?:בבקשה|גם|רק))*\s+(?:ל|על\s+)(?:ה)?(?:שאלה|הודעה)\s+(?P<whose>שלה|שלו|שלהם)"
    r"(?:\s*[:\-–—,]\s*|\s+ש-?(?=[\u05d0-\u05ea]{2}))"
    r"|(?:כתוב|כתבי|תכתוב|תכתבי|תכתבו|לכתוב|תגיד|תגידי|תגידו|להגיד|תמסור|תמסרי|למסור|תודיע|תודיעי|להודיע|תעדכן|תעדכני)"
    r"(?:\s+(?:בבקשה|גם|רק))*\s+" + _back_who_he("who2", plural=False)
    + r"(?:\s+(?:בבקשה|הודעה|בחזרה))*" + _BACK_SEP_HE
    + r"|(?:שלח|שלחי|תשלח|תשלחי|תשלחו|לשלוח)(?:\s+(?:בבקשה|גם|רק))*\s+(?:הודעה\s+)?" + _back_who_he("who3", plural=False)
    + r"(?:\s*[:\-–—]\s*|\s+ש-?(?=[\u05d0-\u05ea]{2})|\s+(?P<bare>)|\s+הודעה(?:\s*[:\-–—]\s*|\s+ש-?(?=[\u05d0-\u05ea]{2}))))"
    r"(?P<text>\S.*)$", re.S)
# "tell her mom ...", "message his wife ...": the pronoun is theirs, someone else is meant
_RELATIVES_AFTER = {"mom", "mum", "mother", "dad", "father", "husband", "wife", "kids", "son", "daughter", "parents", "family",
                    "brother", "sister", "partner", "boyfriend", "girlfriend", "friend", "friends", "and", "&", "or",
                    "אמא", "אבא", "ו"}
# "תשלח לה את הפרטים", "תשלח לו הזמנה": a thing sent, not words to send
_SENT_THING = {"את", "הזמנה", "הזמנות", "ההזמנה", "תזכורת", "תזכורות", "פרטים", "הפרטים", "קישור", "הקישור", "לינק", "הלינק",
               "מיקום", "המיקום", "כתובת", "הכתובת", "וייז", "ווייז", "waze", "הודעה", "עוד", "שוב"}
_BACK_WHO_EN = r"her|him|this\s+guest|that\s+guest|the\s+guest|this\s+person|that\s+person"
_ANSWER_BACK_EN = re.compile(
    r"^(?:(?:reply|answer|respond|write\s+back|get\s+back)(?:\s+back)?\s+(?:to\s+)?(?P<who>them|" + _BACK_WHO_EN + r")"
    r"(?:\s+back)?(?:'?s?\s+(?:question|message|msg|q))?(?:\s+(?:who|that)\s+(?:asked|wrote|messaged|texted)\b[^:\n]{0,40}(?=:))?"
    r"(?:\s*[:\-–—,]\s*|\s+(?:that\s+)?)"
    r"|(?:message|msg|text|tell|write(?:\s+to)?)\s+(?P<who4>" + _BACK_WHO_EN + r")(?:\s+back)?(?:\s*[:\-–—,]\s*|\s+(?:that\s+)?)"
    r"|let\s+(?P<who6>her|him)\s+know(?:\s*[:\-–—,]\s*|\s+(?:that\s+)?)"
    r"|send\s+(?:a\s+message\s+to\s+|to\s+)?(?P<who5>" + _BACK_WHO_EN + r")\s*[:\-–—]\s*)"
    r"(?P<text>\S.*)$", re.S | re.I)


# "reply to the guy who asked about parking: …", "answer the one who asked about parking tell him …", "תעני למי ששאל על
# החניה: …": the guest pointed back at by what they asked
_ANSWER_ASKER = re.compile(
    r"^(?:(?:reply|answer|respond)(?:\s+back)?\s+(?:to\s+)?(?:the|that|this)\s+(?:guy|man|woman|lady|girl|one|person|guest)\s+"
    r"(?:who|that)\s+(?:asked|wrote|messaged|texted)(?:\s+(?:me|us))?(?:\s+(?:about|re|regarding)\s+(?:the\s+)?(?P<topic>[^:,\n]{2,40}?))?"
    r"|(?:" + _REPLY_VERBS_HE + r"|תשובה)\s+ל(?:מי|זה|זאת|ההוא|ההיא|בחור|בחורה|אורח|אורחת|האורח|האורחת)\s+"
    r"ש(?:שאל|שאלה|כתב|כתבה|שלח|שלחה)(?:\s+(?:על|לגבי|בקשר\s+ל)[\s-]*(?P<topic_he>[^:,\-–—\n]{2,30}?))?)"
    r"(?:\s*[:\-–—,]\s*|\s+(?:and\s+)?(?:tell|say\s+to)\s+(?:him|her|them)\s+(?:that\s+)?|\s+ש(?=[\u05d0-\u05ea]{2}))"
    r"(?P<text>\S.*)$", re.S | re.I)


# "תשובה לשאלה של מוטי - מותר להביא ילדים", "reply to Moti's question: yes": the guest named as the one who asked
_ANSWER_NAMED = re.compile(
    r"^(?:(?:" + _REPLY_VERBS_HE + r"|תשובה)\s+(?:ל|על\s+)(?:ה)?(?:שאלה|הודעה)\s+של\s+(?P<he>[^:\-–—,\n]{2,30}?)"
    r"|(?:reply|answer|respond)(?:\s+to)?\s+(?P<en>[^:\n'’]{2,30}?)['’]s\s+(?:question|message|msg|q))"
    r"(?:\s*[:\-–—,]\s*|\s+ש(?=[\u05d0-\u05ea]{2})|\s+(?:that\s+)?)(?P<text>\S.*)$", re.S | re.I)


def _answer_back(text: str) -> Reading | None:
    """"תעני לה: כן, יש חניה", "reply to her: yes", "message him: see you": an answer to the guest pointed back at
    (C.refers_back), with the words to send; None unless the message says just that."""
    line = _strip_polite(_BIDI.sub("", text or "").replace("\u00a0", " ").replace("’", "'").strip())
    named = _ANSWER_NAMED.match(line)
    if named and not re.search(r"\d", named.group("he") or named.group("en")):
        said, who = named.group("text").strip(), (named.group("he") or named.group("en")).strip()
        if said and len(said) <= C.MAX_TEXT_LENGTH and len(who.split()) <= 3:
            return Reading(C.ReplyGuest(C.Ref(who), said), sure=True)
    asker = _ANSWER_ASKER.match(line)
    if asker:
        said = asker.group("text").strip()
        topic = (asker.group("topic") or asker.group("topic_he") or "").strip() or None
        if said and len(said) <= C.MAX_TEXT_LENGTH:
            hebrew = asker.group("topic") is None and bool(_HE.search(line[:asker.start("text")]))
            return Reading(C.ReplyGuest(C.Ref("לאורח" if hebrew else "the guest"), said, about=topic), sure=True)
    m = _ANSWER_BACK_HE.match(line) or _ANSWER_BACK_EN.match(line)
    if not m:
        return None
    whose = m.groupdict().get("whose")
    who = {"שלה": "לה", "שלו": "לו", "שלהם": "להם"}[whose] if whose else \
        next(g for g in (m.groupdict().get(k) for k in ("who", "who2", "who3", "who4", "who5", "who6")) if g)
    said = m.group("text").strip()
    if not said or len(said) > C.MAX_TEXT_LENGTH or _words(said) and _words(said)[0] in {"הזמנה", "הזמנות", "תזכורת", "invitation",
                                                                                      "invite", "reminder"}:
        return None
    if m.groupdict().get("bare") is not None and (not _words(said) or _words(said)[0] in _SENT_THING or "\n" in said
                                                  or len(_words(said)) > 12):
        return None   # "תשלח לה את הפרטים": what is sent is named, not said
    head = line[:m.start("text")]
    if not re.search(r"(?:[:\-–—,]|(?<![\u05d0-\u05ea])ש-?|\bthat)\s*$", head, re.I):
        # no colon, dash or "that" after whom: "the guest Dana: yes", "him and Dana: hi", "her mom we said hi" go on
        # naming someone; those are read as they name them
        before_colon = said.split(":", 1)[0] if ":" in said else None
        if " " in who.strip() or (before_colon is not None and len(before_colon.split()) <= 4) \
                or (_words(said) and _words(said)[0] in _RELATIVES_AFTER):
            return None
    return Reading(C.ReplyGuest(C.Ref(" ".join(who.split())), said), sure=True)


# "גיל לא צריך להיות מנהל, רק שיוכל לראות", "Gil doesn't need to be an admin, just a viewer": a lesser role
_NOT_THIS_ROLE = re.compile(
    r"^(?P<who>[A-Za-z\u05d0-\u05ea][\w'\u05d0-\u05ea-]*(?:\s+[A-Za-z\u05d0-\u05ea][\w'\u05d0-\u05ea-]*)?)\s+"
    r"(?:לא\s+(?:צריך|צריכה|חייב|חייבת)\s+להיות|doesn'?t\s+need\s+to\s+be|does\s+not\s+need\s+to\s+be|shouldn'?t\s+be|should\s+not\s+be)"
    r"\s+(?:an?\s+)?(?P<old>\S+?)\s*[,.;]?\s+(?:רק|אלא|just|only|but\s+just)\s+(?:an?\s+|as\s+an?\s+)?(?P<new>\S.*?)\W*$", re.I)


# "תשאלי את המגיעים אם הם צריכים הסעה", "ask the guests whether they need a ride": a yes / no question to the guests
_ASK_WHETHER = re.compile(
    r"^(?:(?:לשאול|תשאל|תשאלי|תשאלו|שאל|שאלי)\s+(?:את\s+)?(?:כל\s+)?(?:ה)?(?:מגיעים|מאשרים|אורחים|מוזמנים|כולם)\s+(?:אם|האם)\s+"
    r"|(?P<en>ask)\s+(?:all\s+)?(?:the\s+)?(?:confirmed\s+|coming\s+)?(?:guests|people|invitees|everyone|everybody)"
    r"(?:\s+(?:coming|attending|who'?s\s+coming|who\s+is\s+coming))?\s+(?:if|whether)\s+)"
    r"(?P<q>[^?/:]{4,120}?)(?:\s*,?\s*(?:כן\s+או\s+לא|yes\s+or\s+no))?\s*\??$", re.I)


def _yes_no_question(said: str, english: bool) -> str | None:
    """What was asked about the guests, as the guests read it: "הם צריכים הסעה" → "צריכים הסעה?", "they need a ride"
    → "Do you need a ride?"; None when it can't be put so."""
    said = said.strip(" ,.")
    if english:
        m = re.match(r"^they\s+(need|want|plan|prefer|have|would\s+like|'d\s+like)\s+(\S.*)$", said, re.I)
        if not m:
            return None
        verb = re.sub(r"^'d", "would", m.group(1).lower())
        head = "Would you like" if verb.startswith("would") else f"Do you {verb}"
        return f"{head} {m.group(2)}?"
    said = re.sub(r"^(?:הם|הן)\s+", "", said)
    said = re.sub(r"^יש\s+להם(?![\u05d0-\u05ea])", "יש לכם", said)
    if re.search(r"(?:^|\s)(?:הם|הן|להם|שלהם)(?![\u05d0-\u05ea])", said):
        return None   # "...אם ההורים שלהם באים": said of them, not to them
    return said + "?"


# A group to add, named by who they are: "תוסיף לי את החבר'ה מהפלוגה", "add my friends from work"
_ADD_A_GROUP = re.compile(
    r"^(?:(?:אחי|אחותי|אחיי|bro|dude|mate)[,\s]+)?(?:תוסיף|תוסיפי|תוסיפו|להוסיף|הוסף|תכניס|תכניסי|add)\s+(?:גם\s+|also\s+)?(?:לי\s+)?(?:את\s+)?"
    r"(?:כל\s+|all\s+)?(?:(?:ה)?(?:חבר'ה|חברים|חברות|חבר׳ה|שכנים|דודים|בני\s+הדודים|בנות\s+הדודות|קולגות|עובדים|מהצוות)"
    r"|(?:my|our|the)\s+(?:friends|buddies|guys|colleagues|coworkers|co-workers|neighbou?rs|cousins|team|classmates))"
    r"(?:\s+\S+){0,4}\W*$", re.I)


# A request's own verb at the head of what was read as a guest's name ("תשני לגל ושני ל-3, הם" ...)
_SWALLOWED_VERB = re.compile(r"^(?:תשנה|תשני|שנה|שני|תעדכן|תעדכני|עדכן|עדכני|תתקן|תתקני|תרשום|תרשמי|תוסיף|תוסיפי|תמחק|תמחקי|"
                             r"תסמן|תסמני|change|update|edit|set|fix|add|remove|mark)\s", re.I)


# A writer correcting what they just said: "... סליחה טעות, היא כן מגיעה", "... sorry, my mistake, she's not coming"
_CORRECTED = re.compile(r"[.,;!\-–—]\s*(?:(?:סליחה|sorry|oops|אופס|אוי)[,!.]?\s*)?(?:טעות|טעיתי|התבלבלתי|my\s+(?:bad|mistake)|i\s+meant|"
                        r"i\s+was\s+wrong|correction|scratch\s+that|(?<=[.,;!\-–—]\s)sorry|(?<=[.,;!\-–—])sorry)[,!.:]?\s+(\S.*)$", re.I)


_STOP_UPDATES = re.compile(
    r"^(?:תפסיק|תפסיקי|תפסיקו|להפסיק|הפסק|הפסיקי|די|מספיק|אל|לא|בלי|ללא|stop|quit|no\s+more|enough|don'?t|do\s+not)\s+(?:עם\s+|with\s+)?"
    r"(?:(?:ל|ת)?(?:שלוח|שלח|שלחי|שלחו|עדכן|עדכני|עדכנו|הודיע|הודיעי|כתוב|כתבי|הציק|ציק|ציקי)\s+(?:לי|אותי)(?![\w])"
    r"|(?:sending|send|updating|update|notifying|notify|messaging|message|pinging|ping|texting|text|bugging|bug)\s+me\b"
    r"|(?:ה)?(?:עדכונים|התראות|נוטיפיקציות)(?![\w])|(?:the\s+)?(?:updates|notifications|alerts|pings)\b)", re.I)
# "תפסיק לשלוח תזכורות", "די עם התזכורות", "אל תשלחי יותר תזכורות", "stop sending reminders", "no more reminders":
# the automatic reminders, off (never a reminder sent now)
_REMINDERS_NOUN = r"(?:את\s+)?(?:ה)?תזכורות(?:\s+(?:ה)?אוטומטיות)?|(?:the\s+)?(?:auto(?:matic)?\s+)?reminders"
_REMINDERS_END = r"(?:\s+(?:בבקשה|יותר|כבר|לאורחים|please|pls|anymore|any\s+more|to\s+the\s+guests|thanks|תודה))*\W*$"
_STOP_REMINDERS = re.compile(
    r"^(?:(?:תפסיק|תפסיקי|תפסיקו|להפסיק|הפסק|הפסיקי|די|מספיק|stop|quit|enough)\s+(?:עם\s+|with\s+|את\s+)?"
    r"(?:(?:ל|ת)?(?:שלוח|שלח|שלחי|שלחו)\s+|sending\s+(?:out\s+)?)?(?:עוד\s+|more\s+|any\s+)?"
    r"|(?:אל|don'?t|do\s+not)\s+(?:(?:ת)?(?:שלח|שלחי|שלחו)\s+יותר\s+|send\s+(?:any\s+)?more\s+)"
    r"|no\s+more\s+)(?:" + _REMINDERS_NOUN + ")" + _REMINDERS_END, re.I)
# "תכבי לי את ההתראות על כל תשובה, זה מטריף אותי", "turn off the notifications, it's driving me crazy": the notices
# on each answer, off, whatever is said after them
_MUTE_UPDATES = re.compile(
    r"^(?:תכבה|תכבי|כבה|כבי|לכבות|תבטל|תבטלי|בטל|בטלי|לבטל|תשתיק|תשתיקי|השתק|להשתיק|turn\s+off|switch\s+off|mute|silence|disable)"
    r"\s+(?:(?:לי|לנו|את|גם|בבקשה|כבר|my|the|all|these|those|please)\s+)*"
    r"(?:ה)?(?:עדכונים|התראות|נוטיפיקציות|הודעות\s+על\s+כל)(?![\u05d0-\u05ea])|^(?:turn\s+off|switch\s+off|mute|silence|disable)\s+"
    r"(?:(?:my|the|all|these|those|please)\s+)*(?:notifications|alerts|updates|pings)\b", re.I)
_NOT_UPDATES = re.compile(r"תזכור|הזמנ|remind|invit|שבת|shabbat|לאורחים|guests|\d", re.I)
_INVITE_THEM = re.compile(
    r"^(?:(?:תזמין|תזמיני|תזמינו|הזמן|הזמיני|הזמינו|להזמין)\s+(?:גם\s+)?(?:את\s+)?(?:אותו|אותה|אותם|אותן)"
    r"|(?:תשלח|תשלחי|תשלחו|שלח|שלחי|שלחו|לשלוח)\s+(?:גם\s+)?(?:לו|לה|להם|להן)\s+(?:גם\s+)?(?:את\s+)?(?:ה)?(?:הזמנה|הזמנות)"
    r"|invite\s+(?:him|her|them)|send\s+(?:him|her|them)\s+(?:the\s+|an\s+|their\s+|his\s+)?(?:invite|invitation)s?)"
    r"(?:\s+(?:גם|עכשיו|כבר|בבקשה|too|also|now|please|as\s+well))*\W*$", re.I)


# A second field joined on: "תשני את השעה ל-20:00 ואת המקום לאולמי הגן", "change the time to 8pm and the venue to ..."
_FIELD_NOUN = r"(?:(?:ה)?(?:שעה|מקום|מיקום|תאריך|כתובת|שם)(?![\u05d0-\u05ea])|(?:time|date|venue|location|place|address|name)\b)"
_AND_FIELD = re.compile(r"\s*,?\s+(?:ו(?:גם\s+)?(?:את\s+)?|and\s+(?:also\s+)?(?:the\s+)?|,\s*(?:את\s+|the\s+)?)(?=" + _FIELD_NOUN + ")", re.I)
_FIRST_FIELD = re.compile(r"^(.*?)(?=" + _FIELD_NOUN + ")", re.I)


def _event_fields_joined(line: str, region, today) -> Reading | None:
    """Each field said in one message, all of them changed (asked first); None unless every part reads as a field."""
    parts = _AND_FIELD.split(line)
    if len(parts) < 2 or len(parts) > 4:
        return None
    head = _FIRST_FIELD.match(parts[0])
    if head is None or not head.group(1).strip():
        return None
    changes = []
    for i, part in enumerate(parts):
        said = part if i == 0 else head.group(1) + part
        got = refine(said, C.parse(said, region, today), region, today).command
        if not isinstance(got, C.SetEventField) or got.more or any(c.field == got.field for c in changes):
            return None
        changes.append(got)
    return Reading(dataclasses.replace(changes[0], more=tuple(changes[1:])), sure=False)


_EVENT_KINDS = (r"(?:חתונה|חתונת|בר[\s-]+מצו?וה|בת[\s-]+מצו?וה|בר[\s-]+המצו?וה|בת[\s-]+המצו?וה|ברית(?:\s+מילה)?|בריתה|חינה|אירוסין|אירוע|"
                r"מסיבה|מסיבת|יום\s+הולדת|יום\s+ההולדת|שבע\s+ברכות|קידוש|שבת\s+חתן|פדיון\s+הבן|wedding|bar\s+mitzvah|bat\s+mitzvah|"
                r"b'?nai\s+mitzvah|party|event|engagement|brit|bris|henna|birthday|shower|kiddush)")
_EVENT_NAMED = re.compile(r"(?:^|\s)(?:ל-?|של\s+|עבור\s+|בשביל\s+|for\s+|to\s+|of\s+|at\s+)(?:ה)?(?:the\s+|our\s+|my\s+)?"
                          r"((?:\S+(?:'s|’s)\s+)?" + _EVENT_KINDS + r"(?![\w'])(?:\s+\S+){0,4})\W*$", re.I)
_GUEST_NAMED = re.compile(r"(?:^|\s)(?:ל-?(?=[\u05d0-\u05ea])|to\s+|for\s+)(\S+(?:\s+\S+){0,2}?)\W*$", re.I)
_NOT_NAMED = _ALL_WORDS | _AUDIENCE_HEADS | {
    "מי", "אלה", "אלו", "האלה", "אורחים", "האורחים", "מוזמנים", "המוזמנים", "צד", "הצד", "לי", "לנו", "להם", "לו", "לה",
    "כולם", "שאר", "השאר", "חדשים", "החדשים", "כולן", "guests", "the", "them", "rest", "new", "ones", "people", "me", "us",
    "him", "her", "it", "again", "now", "today", "tomorrow", "מחר", "היום", "עכשיו", "שוב", "whatsapp", "וואטסאפ", "ווצאפ",
    "send", "go", "out", "remaining", "invited", "uninvited", "not", "yet", "who", "שלא", "שעוד", "שטרם", "בבקשה", "please"}


def _named_beyond(line: str) -> tuple[str, bool] | None:
    """Words after the command that name an event (or one guest) rather than an audience: (words, is an event)."""
    m = _EVENT_NAMED.search(line)
    if m and not _status_in(_words(m.group(1))):
        said = re.sub(r"(?:\s+(?:עד\s+(?:עכשיו|כה|היום|כאן)|כבר|עכשיו|בבקשה|so\s+far|yet|now|please|pls))+\W*$", "", m.group(1), flags=re.I)
        return said.strip(" .!?,"), True
    m = _GUEST_NAMED.search(line)
    if not m:
        return None
    named = _words(m.group(1))
    if not named or set(named) & _NOT_NAMED or _audience_ref(named) or _status_in(named) or _side_in(named) \
            or any(w.startswith("ש") and len(w) > 2 and _he_in(w[1:], {"לא", "ענו", "אישרו"}) for w in named) \
            or any(_he_unprefix(w, "לה") in _NOT_NAMED for w in named) or re.search(r"\d", m.group(1)):
        return None
    return None if set(named) & (_INVITATION_NOUNS | {"תזכורת", "תזכורות", "reminder", "reminders", "stats"}) else (m.group(1), False)


def _whom() -> Reading:
    return Reading(C.ParseError(i18n._("Whom do you mean? Use the number from the last list, a name or a phone."), None))
_TELL_ME = re.compile(r"^tell\s+me\s+(?:please\s+)?(?!about\b)(\S.*)$|^(?:תגיד|תגידי|תגידו)\s+לי\s+(?:בבקשה\s+)?(\S.*)$",
                      re.I | re.S)


_GLUED_NOT = re.compile(r"(?<![\u05d0-\u05ea])((?:ש|ו|וש)?(?:עוד|עדיין|כבר))לא(?=\s)")
# "מי לאענה", "עומרי לאמגיע": "not" typed onto the answer verb after it (only verbs no word opens with לא: "לאבא",
# "לאמא", "לאורחים" are "to dad", "to mom", "to the guests")
_GLUED_NOT_VERB = re.compile(r"(?<![\u05d0-\u05ea])((?:ש|ו|וש)?לא)(?=(?:ענה|ענתה|ענו|עונה|עונים|אישר|אישרה|אישרו|הגיב|הגיבה|הגיבו|"
                             r"מגיע|מגיעה|מגיעים|מגיעות|יגיע|תגיע|יגיעו|יבוא|תבוא|יבואו|יכול|יכולה|יכולים)(?![\u05d0-\u05ea]))")


# "..., לא 19:00, צריך 19:30", "..., not 7pm, it should be 7:30pm": the old value, then the new one
_NOT_THIS_BUT = re.compile(r"[,\s]+(?:ו?לא|not)\s+(?:ב-?|at\s+)?(?:\d{1,2}(?::\d{2})?(?:\s*(?:pm|am))?|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?)\s*[,\-–]?\s*"
                           r"(?:אלא|צריך(?:\s+להיות)?|צריכה(?:\s+להיות)?|(?:it\s+)?should\s+be|it'?s|but|זה|רק)\s*(?=(?:ל-?|ב-?|at\s+)?\d)", re.I)
# A new event's form said in one line: "…: יום הולדת לחנה. התאריך: יום שלישי, 16 בפברואר. השעה: 12:30. המקום: מלון המלך דוד"
_FORM_LABEL = r"(?:(?:ה)?(?:תאריך|שעה|מקום|מיקום|כתובת)|date|time|place|location|venue|address)"
_INLINE_FIELD = re.compile(r"[.,;|]\s*(" + _FORM_LABEL + r")\s*:\s*", re.I)
_LEADING_WEEKDAY = re.compile(r"^(?:(?:ב)?יום\s+(?:ראשון|שני|שלישי|רביעי|חמישי|שישי|שבת)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
                              r"[\s,]+(?=\S)", re.I)


def _inline_form(command: C.NewEvent, line: str, region, today) -> Reading | None:
    """The name, then each field after its label, read as the form of "new event" (asked first); None unless
    the line has labelled fields after the name."""
    labels = list(_INLINE_FIELD.finditer(line))
    cut = re.search(r"[.,;|]?\s*" + _FORM_LABEL + r"\s*:.*$", command.name, re.I)
    if not labels or not cut:
        return None
    name = command.name[:cut.start()].strip(" .,;|")
    fields = []
    for i, lm in enumerate(labels):
        value = line[lm.end(): labels[i + 1].start() if i + 1 < len(labels) else len(line)].strip(" .,;|")
        if re.search(r"תאריך|date", lm.group(1), re.I):
            value = _LEADING_WEEKDAY.sub("", value)   # "יום שלישי, 16 בפברואר": the date, its weekday said with it
        if value:
            fields.append(f"{lm.group(1)}: {value}")
    said = "\n".join([f"new event {name}"] + fields)
    listed = C.parse(said, region, today) if name and fields else None
    if not isinstance(listed, C.NewEvent):
        return None
    return Reading(refine(said, listed, region, today).command, sure=False)


def refine(text: str, exact, region: str | None, today: date | None) -> Reading:
    """The exact grammar's reading of `text`, corrected or completed."""
    depth = getattr(_depth, "n", 0)
    if depth >= 3:   # a re-read of a re-read: keep what the grammar said
        return Reading(exact)
    _depth.n = depth + 1
    try:
        if isinstance(exact, C.ParseError) and exact.usage is None and "\n" not in text.strip():
            organise = _ORGANISE_KIND.match(_strip_polite(_clean(text)))
            if organise:
                # "אני רוצה לארגן בר מצווה לבן שלי", "I want to organise a bat mitzvah for my daughter": that event,
                # new (asked); never the team's list ("organise" is no "organisers")
                return Reading(C.NewEvent(name=(organise.group("he") or organise.group("en")).strip(" .!,")), sure=False)
        unglued = _GLUED_NOT_VERB.sub(r"\1 ", _GLUED_NOT.sub(r"\1 לא", text)) if depth == 0 else text
        if unglued != text:
            # "מי עודלא ענה?", "שעדייןלא אישרו": "not" typed onto the word before it; read apart, a write asked first
            inner = refine(unglued, C.parse(unglued, region, today), region, today)
            spec = C.spec_for(inner.command) if not isinstance(inner.command, C.ParseError) else None
            return inner if spec is None or not spec.writes else Reading(inner.command, sure=False)
        asked = _TELL_ME.match(_strip_polite(_clean(text))) if depth == 0 else None
        if asked:
            # "can you tell me who hasn't answered", "תגידי לי כמה אישרו": the question itself, never a message
            # to a guest called "me"; anything else it asks for is asked before it is done
            rest = next(g for g in asked.groups() if g)
            inner = refine(rest, C.parse(rest, region, today), region, today)
            if not isinstance(inner.command, C.ParseError):
                spec = C.spec_for(inner.command)
                return inner if spec is None or not spec.writes else Reading(inner.command, sure=False)
        asked = _ASK_THEM.search(_clean(text)) if depth == 0 and "\n" not in text.strip() and not isinstance(exact, C.Ask) else None
        if asked:
            # "ליה רוצה לשאול את המגיעים מי רוצה לרכוב על סוס: כן / לא / רק ללטף", "ask confirmed guests: Shuttle at 19:30?
            # yes / no": the question put to the guests with its options (asked first)
            question = asked.group("q").strip().rstrip(":").strip()
            again = C.parse("ask " + question.rstrip("?؟") + "? " + asked.group("opts").strip(), region, today)
            if isinstance(again, C.Ask):
                return Reading(again, sure=False)
        back = _answer_back(text) if depth == 0 else None
        if back is not None:
            return _held_back(text, back)
        whether = _ASK_WHETHER.match(_strip_polite(_clean(text))) if depth == 0 and "\n" not in text.strip() \
            and isinstance(exact, C.ParseError) else None
        if whether:
            # "תשאלי את המגיעים אם הם צריכים הסעה מתחנת הרכבת", "ask the guests if they need a ride": a yes / no
            # question, put to them as they would read it (asked first, with how many it reaches)
            asked = _yes_no_question(whether.group("q"), english=bool(whether.group("en")))
            if asked:
                yes_no = ("yes", "no") if whether.group("en") else ("כן", "לא")
                return Reading(C.Ask(text=asked, options=yes_no), sure=False)
        reading = _refine(text, exact, region, today)
        command = _unquote_fields(reading.command)
        if isinstance(command, C.ParseError) and "\n" not in text.strip() and _TOKEN_FOR.match(_clean(text)) \
                and not set(_words(text)) & {"revoke", "delete", "cancel", "off", "remove", "stop", "old", "existing"}:
            command = C.Token(revoke=False)   # "api token for the seating app pls": a new token, what it is for said (asked first)
            reading = Reading(command, sure=False)
        wants_role = _WANTS_ROLE.match(_clean(text)) if isinstance(command, C.ParseError) and "\n" not in text.strip() else None
        if wants_role and _ROLE.get(wants_role.group("role").lower()) and not set(_words(wants_role.group("who"))) & _PRONOUN_REFS:
            # "Yael asked to be admin, not viewer", "Dana wants to be an editor": the team member's new role (asked first)
            ref = _ref(wants_role.group("who"), region)
            if ref is not None:
                command = C.ChangeRole(ref=ref, role=_ROLE[wants_role.group("role").lower()])
                reading = Reading(command, sure=False)
        lesser = _NOT_THIS_ROLE.match(_clean(text)) if isinstance(command, C.ParseError) and "\n" not in text.strip() else None
        if lesser and not set(_words(lesser.group("who"))) & _PRONOUN_REFS and _ROLE.get(lesser.group("old").lower()):
            # "גיל לא צריך להיות מנהל, רק שיוכל לראות", "Gil doesn't need to be admin, just view": the role said after
            # "רק" / "just" (asked first)
            said = lesser.group("new").lower()
            role = _ROLE.get(_words(said)[0]) if _words(said) else None
            if role is None and re.search(r"(?:לראות|לצפות|see|view|look)", said):
                role = "viewer"
            elif role is None and re.search(r"(?:לערוך|לשנות|לעדכן|edit|change)", said):
                role = "editor"
            ref = _ref(lesser.group("who"), region) if role and role != _ROLE[lesser.group("old").lower()] else None
            if ref is not None:
                command = C.ChangeRole(ref=ref, role=role)
                reading = Reading(command, sure=False)
        if depth == 0 and isinstance(command, C.ParseError) and "\n" not in text.strip() and not re.search(r"\d", text) \
                and _ADD_A_GROUP.match(_strip_polite(_clean(text))):
            # "אחי תוסיף לי את החבר'ה מהפלוגה", "add my friends from work": a group, no names or phones yet; how to send
            # them is said (never "what is החברים מהעבודה's phone?")
            command = C.parse("add guest", region, today)
            reading = Reading(command)
        second = _second_look(command, _strip_polite(_clean(text).split("\n")[0]), region) if depth == 0 else None
        if second is not None:
            command, reading = second.command, second
        if depth == 0 and (isinstance(command, C.ParseError) or isinstance(command, C.SetEventField) and not command.more) \
                and "\n" not in text.strip():
            both = _event_fields_joined(_strip_polite(_clean(text)), region, today)
            if both is not None:
                command, reading = both.command, both
        if depth == 0 and (isinstance(command, (C.ParseError, C.Cancel, C.Invite, C.Remind)) or command == C.Notify(on=True)):
            line0 = _strip_polite(_clean(text).split("\n")[0])
            if _STOP_REMINDERS.match(line0) and "\n" not in text.strip():
                command = C.Reminders(days=None)   # the automatic reminders off, asked first
                reading = Reading(command, sure=False)
            elif (_STOP_UPDATES.match(line0) or _MUTE_UPDATES.match(line0)) and not _NOT_UPDATES.search(line0):
                # "תפסיק לשלוח לי עדכונים", "די עם ההתראות", "stop sending me updates": the notices on each answer, off
                command = C.Notify(on=False)
                reading = Reading(command, sure=False)
            elif _INVITE_THEM.match(line0):
                # "תזמין אותו" (right after adding him), "send her the invite": the invite round, which reaches
                # whoever is not invited yet; asked first, with how many it reaches
                command = C.Invite()
                reading = Reading(command, sure=False)
        if depth == 0 and isinstance(command, (C.ParseError, C.MessageGuest, C.Remind, C.Broadcast)):
            told = _reported_to_one(_strip_polite(_clean(text).split("\n")[0]), region) if "\n" not in text.strip() else None
            if told is not None:
                command, reading = told.command, told
            elif isinstance(command, (C.MessageGuest, C.Broadcast)) and not re.search(r"[:\-–—\"“”״]", _clean(text)[:-len(command.text) or None]):
                said = command.text.split(None, 1)
                if said and (_says_that(said[0]) or said[0].lower() == "that" and len(said) > 1):
                    # "הודעה למשה שיתקשר אליי", "message Dana that parking is free": reported speech, told without the
                    # "that", asked first
                    rest = said[1] if said[0].lower() == "that" else said[0].strip()[1:] + (" " + said[1] if len(said) > 1 else "")
                    command = dataclasses.replace(command, text=rest.strip())
                    reading = Reading(command, sure=False)
        if isinstance(command, C.AddGuests):
            if any(_WHO_FIRST.match(f"{g.first_name} {g.last_name or ''}".strip()) for g in command.guests) \
                    or any((g.first_name or "") in _RELATION_HEADS - {"דוד"} and re.fullmatch(
                        r"מה?[\u05d0-\u05ea]{4,}", g.last_name or "") for g in command.guests):
                # whose relative and which name, or who they are and no name at all ("הדוד מלונדון"): a guess, asked first
                reading = Reading(reading.command, sure=False)
            # (and once more after the tidying: "הוספה אלי ושרית דהן 050…" is a couple once the verb is off the name)
            command = dataclasses.replace(command, guests=tuple(_with_more(_name_tidied(_with_more(g))) for g in command.guests))
            command = _no_garbage_names(command)
            told = _ADD_WHO_COMMA_NAME.match(_clean(text)) if len(command.guests) == 1 and "\n" not in text.strip() else None
            if told and command.guests[0].first_name not in told.group("name").split():
                # "add my cousin in NY, Ben Rosen, +1 (917) 555-0143": who he is, then his name between commas (asked first)
                first, last = C.split_name(told.group("name"))
                command = dataclasses.replace(command, guests=(dataclasses.replace(command.guests[0], first_name=first, last_name=last),))
                reading = Reading(command, sure=False)
            command = dataclasses.replace(command, guests=tuple(_party_in_note(g) for g in command.guests))
            titled = _ADD_TITLED.match(_clean(text)) if len(command.guests) == 1 and "\n" not in text.strip() else None
            g = command.guests[0] if titled else None
            if g is not None and g.first_name == titled.group(2):
                last = f"{g.first_name} {g.last_name or ''}".strip()
                command = dataclasses.replace(command, guests=(dataclasses.replace(g, first_name=titled.group(1), last_name=last),))
            if "\n" in text.strip() and isinstance(exact, C.AddGuests):
                command = _titles_kept(command, exact, _BIDI.sub("", text or ""))
            friend = _friend_or_member(_strip_polite(_clean(text)), command, region) \
                if depth == 0 and "\n" not in text.strip() else None
            if friend is not None:
                command, reading = friend.command, friend
        if isinstance(command, C.NewEvent) and command.time is None and command.location:
            at, rest = _find_time(command.location)
            if at is not None and not rest.strip(" ,-–"):   # "... ביום חמישי הבא ב-17:30": the time, no place
                command = dataclasses.replace(command, time=at, location=None)
            elif at is not None and re.match(r"^\s*(?:(?:ב)?שעה\s+|ב-?|at\s+|@\s*)?(?:\d{1,2}:\d{2}(?:\s*(?:pm|am|בערב|בבוקר|בלילה|בצהריים))?"
                                             r"|\d{1,2}(?:[.:]\d{2})?\s*(?:pm|am|p\.m\.|a\.m\.)(?![\w]))[\s,]+\S", command.location, re.I):
                # "... 16/1 שעה 19:00 בדלית אל כרמל", "…, saturday january 16th at 8pm at our place": the time said first,
                # then the place
                command = dataclasses.replace(command, time=at, location=_place(rest) or None)
        if isinstance(command, C.NewEvent):
            # "ברית מילה לבן שלנו בעזהי"ת, מחרתיים ביום ראשון": blessings and a weekday are no part of a name or a place
            name = _BLESSING_ABBREV.sub(" ", command.name)
            name = " ".join(name.split()).strip(" ,")
            place = _WEEKDAY_ONLY.sub("", command.location or "").strip(" ,|") or None   # ("… | 19:30 | אחוזת בית חנן": the bars left over)
            place = re.sub(r"^(?:\|\s*)+", "", place or "").strip() or None
            if place and re.match(r"^(?:מקום|location|venue|place)\s*:\s*", place, re.I):
                place = re.sub(r"^(?:מקום|location|venue|place)\s*:\s*", "", place, flags=re.I) or None
            if (name and name != command.name) or place != command.location:
                command = dataclasses.replace(command, name=name or command.name, location=place)
        not_this = _NOT_THIS_BUT.search(_clean(text)) if depth == 0 and isinstance(command, C.SetEventField) \
            and command.field in ("time", "date") and "\n" not in text.strip() else None
        if not_this:
            # "תשנה לאירוע שעה, לא 19:00, צריך 19:30", "change the time, not 7pm, it should be 7:30pm": the value said after
            # the one it is not (asked first)
            line = _clean(text)
            said = line[:not_this.start()] + " " + line[not_this.end():]
            again = refine(said, C.parse(said, region, today), region, today).command
            if isinstance(again, C.SetEventField) and again.field == command.field:
                command, reading = again, Reading(again, sure=False)
        formed = _inline_form(command, _clean(text), region, today) \
            if depth == 0 and isinstance(command, C.NewEvent) and "\n" not in text.strip() else None
        if formed is not None:
            command, reading = formed.command, formed
        said_day = _NEW_EVENT_WEEKDAY.search(command.name) if isinstance(command, C.NewEvent) and command.date is None else None
        if said_day:
            # "תפתח אירוע ברית לבן שלי ביום ראשון 8:30 בבוקר": a new event's bare weekday is the coming one (asked first)
            when, _ = find_date(f"ביום {said_day.group(1)} הקרוב", today)
            at = None
            if said_day.group(2):
                at, _ = _find_time(said_day.group(2))
                if at is not None and said_day.group(3) in ("בערב", "בלילה", "אחה\"צ", "אחה״צ") and at.hour < 12:
                    at = time(at.hour + 12, at.minute)
            name = (command.name[:said_day.start()] + " " + command.name[said_day.end():]).strip(" ,")
            if when is not None and name:
                command = dataclasses.replace(command, name=" ".join(name.split()), date=when, time=command.time or at)
                reading = Reading(command, sure=False)
        if isinstance(command, C.NewEvent) and command.date is not None:
            # "שבע ברכות לשירה ואליצור, יום שלישי 8.12", "Maya's Bat Mitzvah, Thursday 18th February": the weekday went with the date
            name = _WEEKDAY_TAIL.sub("", command.name).strip(" ,|")
            command = dataclasses.replace(command, name=name) if name and name != command.name else command
        if isinstance(command, C.EditGuest) and command.field == "name" and isinstance(command.value, str) and re.fullmatch(
                r"(\d{1,2})\s*(?:people|ppl|persons|guests|אנשים|איש|מקומות)", command.value.strip(), re.I):
            # "change omer to 3 people": the party, never a name
            command = C.EditGuest(command.ref, "party", int(re.match(r"\d+", command.value.strip()).group()))
            reading = Reading(command, sure=False)
        if isinstance(command, C.EditGuest) and command.field in ("name", "first_name", "last_name") and isinstance(command.value, str):
            # "change Gili's name to Gilad Mizrahi, the invite should have his real name": the name, not the reason
            value = _name_only(command.value)
            # "fix Hanna's name, it's Chana Levi-Tal", "השם של דנה, זה דניאלה": the name said, not "it's"
            value = re.sub(r"^(?:it'?s|it\s+is|(?:it\s+)?should\s+be|זה|זו|זאת|צריך\s+להיות)\s+(?=\S)", "", value, flags=re.I) if value else value
            if value and value != command.value:   # (words cut off the name: asked first)
                command = dataclasses.replace(command, value=value)
                reading = Reading(command, sure=False)
        if isinstance(command, (C.MarkGuest, C.Called)) and isinstance(command.ref, C.Ref) and "," in command.ref.text \
                and _SWALLOWED_VERB.match(command.ref.text):
            # "תשני לגל ושני ל-3, הם באים עם התינוקת" read as "<all that> are coming": a name that holds the request
            # and a comma is no name; nothing is marked
            reading = Reading(_not_understood(_clean(text)))
            command = reading.command
        if isinstance(command, (C.MarkGuest, C.Called, C.EditGuest, C.MessageGuest)) and \
                command.ref.text.lower().strip(" ?!.,") in _PRONOUN_REFS:
            # "she is coming", "היא לא מגיעה", "tell her we moved it to 9": no guest is called "she";
            # whom is asked, nothing is marked or sent
            reading = _whom()
            command = reading.command
        if isinstance(command, C.RemoveGuest) and isinstance(command.ref, C.Ref) and \
                _strip_source(command.ref.text).lower().strip(" ?!.,") in _PRONOUN_REFS | {"אותו", "אותה", "אותם", "אותן"}:
            # "remove her from the list": no guest is called "her"; whom is asked, nothing is removed
            reading = _whom()
            command = reading.command
        if isinstance(command, C.RemoveGuest) and isinstance(command.ref, C.Ref) and command.ref.number is None \
                and command.ref.phone is None and _the_list_itself(command.ref.text):
            # "תוריד לי את הרשימה (לאקסל)", "תוציא לי את הרשימה", "remove the guest list": the list itself, never a guest
            # called "הרשימה"; nothing is removed
            reading = _about_the_list(_clean(text))
            command = reading.command
        if isinstance(command, (C.GuestCard, C.MessageGuest)) and command.ref.text.lower().strip(" ?!.,") in {
                "us", "me", "him", "her", "them", "it", "you", "לנו", "לי"}:
            # "can you design the invitation card for us?": no guest called "us"
            command = _not_understood(_clean(text))
        if isinstance(command, C.GuestCard) and isinstance(command.ref, C.Ref) and re.match(
                r"^(?:את\s+)?(?:ה)?(?:מוזמנים|אורחים|רשימה|רשימת\s+(?:ה)?(?:מוזמנים|אורחים))\s+(?:מ|ב)?(?:ה)?צד(?![\u05d0-\u05ea])", command.ref.text):
            # "תראי לי את המוזמנים מצד אמא": the guests of a side, no guest called "המוזמנים"
            command = C.ListGuests(status=None, side=None)
            reading = Reading(command)
        if isinstance(command, (C.Broadcast, C.ListGuests)) and not command.side:
            said = _SIDE_NAMED.search(_clean(text).split("\n")[0].split(":")[0])
            if said:   # "למי מהצד של אבא עוד לא נשלחה הזמנה", "who on the mother's side hasn't confirmed"
                name = next(g for g in said.groups() if g)
                command = dataclasses.replace(command, side=_SIDE.get(name.lower(), name))
        if isinstance(command, (C.Broadcast, C.ListGuests)) and command.side and command.side not in ("bride", "groom"):
            # "מצד הקלה", "צד החטן": the bride and the groom spelled by ear (ק for כ, ט for ת, כ for ח)
            said = re.sub(r"^ה", "", command.side.strip())
            heard = {"קלה": "כלה", "כתן": "חתן", "חטן": "חתן", "כטן": "חתן"}.get(said)
            if heard:
                command = dataclasses.replace(command, side=_SIDE[heard])
        if isinstance(command, C.Broadcast) and re.match(r"^(?:ה)?(?:חברים|חברות|אורחים|מוזמנים|קהילה|משפחה|משתתפים|מתפללים|הורים|תושבים|"
                                                     r"members|guests|people|community|family|participants)\s*:\s*\S", command.text, re.I):
            command = dataclasses.replace(command, text=command.text.split(":", 1)[1].strip())   # "הודעה לכל החברים: ..."
        head = re.match(r"^(.{0,40}?)(?:ההודעה\s+הבאה|the\s+following(?:\s+message)?|this\s+message)\s*:\s*", command.text, re.I) \
            if isinstance(command, C.Broadcast) else None
        if head:   # "אבקש לשלוח לכל האורחים שאישרו את ההודעה הבאה: יקיריי, ...": the message is after the colon
            status = command.status or _status_in(_words(head.group(1)))
            command = dataclasses.replace(command, text=command.text[head.end():], status=status)
        if isinstance(command, (C.Broadcast, C.ListGuests)) and command.side and len(command.side.split()) > 1:
            side = _side_in(_words(re.sub(r"^(?:ה?צד\s+)?(?:של\s+)?", "", command.side)))
            command = dataclasses.replace(command, side=side or command.side)   # "לצד של הכלה": the bride's side
        reading = reading if command is reading.command else Reading(command, reading.sure)
        fixed = _CORRECTED.search(_clean(text)) if depth == 0 and isinstance(command, C.MarkGuest) else None
        if fixed:
            # "יעל בן חמו לא מגיעה. סליחה טעות, היא כן מגיעה", "Dana is coming - sorry, my mistake, she's not": the
            # answer said last stands, for the one named first (asked first)
            after = fixed.group(1)
            name = command.ref.text
            after = re.sub(r"^(?:she|he)'s\b", name + " is", after, flags=re.I)
            after = re.sub(r"^they're\b", name + " are", after, flags=re.I)
            after = re.sub(r"^(?:היא|הוא|הם|הן|she|he|they)(?![\w'])", name, after, flags=re.I)
            if not after.startswith(name):
                after = name + " " + after
            again = refine(after, C.parse(after, region, today), region, today).command
            if isinstance(again, C.MarkGuest) and again.ref.text == name:
                reading = Reading(dataclasses.replace(command, answer=again.answer, party_size=again.party_size), sure=False)
            else:
                reading = _whom()
        if depth == 0 and isinstance(reading.command, (C.AddGuests, C.AddMember, C.EditGuest, C.SetEventField)) \
                and "\n" not in text.strip():
            fixed_value = _self_fixed(_strip_polite(_clean(text)), reading.command, region, today)
            if fixed_value is not None:
                reading = fixed_value
        if depth == 0 and isinstance(reading.command, (C.Invite, C.Remind, C.Stats)) and "\n" not in text.strip():
            named = _named_beyond(_strip_polite(_clean(text)))
            if named is not None:
                # "תשלח הזמנה לבר מצווה", "stats for Dana's wedding", "שלח הזמנה לדני": words naming an event or a
                # guest the round or the numbers are not limited to; never dropped in silence: asked (the question
                # names the event it goes to), and the event words are handed on
                words, is_event = named
                reading = Reading(reading.command, sure=False, event=words if is_event else None)
        said_sent = isinstance(reading.command, (C.Invite, C.Remind, C.Broadcast)) or (
            isinstance(reading.command, C.ParseError) and reading.command.usage is None
            and re.search(r"(?<![\w'])" + _SENT_NOUNS + r"(?![\w'])", _clean(text), re.I))
        if depth == 0 and said_sent and "\n" not in text.strip():
            line0 = _clean(text)
            if _ALREADY_SENT.search(line0) and not _SEND_NOW.search(line0) and not (
                    isinstance(reading.command, C.Broadcast) and ":" in line0):
                # "the invites are out", "שלחתי תזכורת אתמול": a send done, told of or asked about; the numbers
                return Reading(C.Stats())
        if depth == 0 and isinstance(reading.command, _SENDS) and _asks_whether_it_can(_clean(text), reading.command):
            # "רציתי לשאול אם אפשר לשלוח הזמנה גם במייל ... יש לכם פתרון?", "can you send it by email?": a question
            # about what the bot can do, never the send itself ("אפשר לשלוח הזמנות?" is still asked for)
            return Reading(_not_understood(_clean(text)))
        return _held_back(text, reading) if depth == 0 else reading
    finally:
        _depth.n = depth


_SENDS = (C.Invite, C.Remind, C.Broadcast, C.MessageGuest, C.ThankYou, C.Ask)
# A send told of as done ("the invites are out", "the reminders went out yesterday", "שלחתי כבר את ההזמנות",
# "ההזמנות יצאו", "did the invites go out?"): news or a question, never a request to send
_SENT_NOUNS = r"(?:invites?|invitations?|reminders?|messages?|broadcasts?|ה?הזמנות|ה?הזמנה|ה?תזכורות|ה?תזכורת|ה?הודעות|ה?הודעה)"
_ALREADY_SENT = re.compile(
    r"\b(?:invites?|invitations?|reminders?|messages?|broadcasts?)\s+(?:(?:are|were|is|was|have|has|had|all|already|just|been|got|"
    r"finally|both|now|went|gone|go)\s+)+(?:out|sent|gone\s+out|went\s+out|go\s+out|delivered)\b"
    r"|\b(?:invites?|invitations?|reminders?)\s+(?:went|gone|sent|delivered)\b|\b(?:invites?|invitations?|reminders?)\s+out\s*\?"
    r"|\b(?:i|we|you|they|she|he)\s+(?:already\s+|just\s+|finally\s+)?(?:sent|have\s+sent|'ve\s+sent|had\s+sent|did\s+send)\b"
    r"|(?<![\u05d0-\u05ea])(?:שלחתי|שלחנו|שלחת|כבר\s+שלחו|שלחו\s+כבר|נשלחו|נשלחה|נשלח|יצאו|יצאה|יצא)(?![\u05d0-\u05ea])",
    re.I)
_SEND_NOW = re.compile(r"(?<![\w'])(?:send|resend|remind|invite|now|please|pls|can\s+you|could\s+you|again|תשלח|תשלחי|תשלחו|שלח|שלחי|לשלוח|"
                       r"תזכיר|תזכירי|להזכיר|תזמין|תזמיני|להזמין|עכשיו|בבקשה|שוב|עוד\s+פעם|אפשר)(?![\w'])", re.I)
# A way of sending the bot has not: email, SMS, print, another app
_OTHER_CHANNEL = re.compile(r"(?<!\w)(?:ב|ל|וב|דרך\s+(?:ה)?)?(?:מייל|אימייל|אי-מייל|המייל|מיילים|דואר\s+אלקטרוני|סמס|SMS|טלגרם|פקס|מסנג'ר|"
                            r"דואר(?!\s+נכנס)|להדפיס|מודפס\S*|הדפסה)(?!\w)|\b(?:e-?mails?|sms|telegram|fax|messenger|by\s+(?:post|mail)|printed|print\s+(?:it|them|out))\b",
                            re.I)
# Asking whether, or how, something can be done: "is there a way", "יש לכם פתרון", "רציתי לשאול אם"
_ASKS_WHETHER = re.compile(r"(?:^|\s)(?:רציתי|רצינו|רוצה)\s+(?:לשאול|לברר|לדעת)(?!\w)|(?:^|\s)(?:יש|האם\s+יש)\s+(?:לכם\s+|לך\s+)?(?:אפשרות|דרך|פתרון)(?!\w)"
                           r"|(?:^|\s)(?:האם|אם)\s+(?:זה\s+)?(?:אפשרי|ניתן)(?!\w)|\bis\s+there\s+(?:a|an|any)\s+(?:way|option|chance)\b|\bis\s+it\s+possible\b"
                           r"|\b(?:do|does)\s+(?:you|it|the\s+bot)\s+(?:support|allow|work\s+with)\b|\bwanted\s+to\s+ask\b|\bquick\s+question\b"
                           r"|\b(?:can|could)\s+(?:it|the\s+bot|this)\s+(?:also\s+)?(?:send|do|handle)\b", re.I)


def _asks_whether_it_can(line: str, command) -> bool:
    """The words around the command (not the message it sends) ask about the bot, not for a send."""
    said = getattr(command, "text", None)
    head = line.replace(said, " ") if isinstance(said, str) and said.strip() and said in line else line
    return bool(_OTHER_CHANNEL.search(head) or _ASKS_WHETHER.search(head))


# "אל תשלחי עדיין הזמנות", "don't delete anything yet", "hold off on the reminders": a command
# named in order not to do it. Settings that are themselves a "don't" (quiet hours, Shabbat,
# reminders off, notifications off) are what such words ask for, and stay.
_HOLD_BACK = re.compile(r"^(?:(?:לא|no)[,!.]?\s+)?(?:רגע[,!.]?\s+)?(?:אל\s+ת\S+|לא\s+ל(?:שלוח|מחוק|הסיר|הוריד|בטל|הזמין)|(?:עדיין|עוד)\s+לא\s+ל\S+"
                        r"|don'?t|do\s+not|hold\s+off|wait\s+(?:with|on|before)|not\s+yet)\b", re.I)
# "אסור למחוק את האירוע של סבתא, רק שתדע", "בשום אופן לא למחוק את דני", "never delete the event", "you must not remove
# Dana": a rule the organiser lays down, never the command it forbids; nothing is done and the organiser is told so
_FORBIDS = re.compile(r"^(?:(?:רק\s+)?(?:שתדע|שתדעי|לידיעתך|חשוב|שים\s+לב|שימי\s+לב|fyi|just\s+so\s+you\s+know|note)[,:!.]?\s+)?"
                      r"(?:(?:אסור|אין)\s+(?:לך\s+|לכם\s+|לבוט\s+|בשום\s+אופן\s+)?ל(?:מחוק|שלוח|הסיר|הוריד|בטל|הזמין|שנות|ערוך|עדכן|הוציא|הזיז|דחות|תזכר|הזכיר)"
                      r"|(?:בשום\s+(?:אופן|פנים\s+ואופן|מקרה)|לעולם|אף\s+פעם|חס\s+וחלילה|חלילה)[,!]?\s+(?:לא|אל|אין|אסור)?\s*(?:ל|ת)\S"
                      r"|never(?!\s*mind)\s+(?:ever\s+)?\w|under\s+no\s+circumstances\b|(?:you\s+|the\s+bot\s+)?(?:must|should|may)\s+not\b"
                      r"|(?:you\s+)?(?:mustn'?t|shouldn'?t)\b|(?:you(?:'re|\s+are)\s+)?not\s+(?:allowed|permitted)\s+to\b)", re.I)
_HOLD_BACK_KEEPS = (C.Quiet, C.Shabbat, C.Reminders, C.Notify, C.DayBefore, C.SetLanguage, C.Cancel, C.Confirm,
                    C.Leave, C.SetEventField)


# A command said and then taken back after a pause or a comma: "... actually wait, not yet", "..., never mind",
# "... לא עזוב, נחכה", "..., בעצם לא", "..., לא משנה"
# Words to send that are shown before they go (a broadcast, thanks, an answer pointed back at) or asked first (one
# guest's message): a "wait" among them is theirs, not the organiser taking the command back
_ASKED_WORDS = (C.MessageGuest, C.Broadcast, C.ThankYou)
# ... and a message that ends by saying not to send it is taken back, whatever came before
_DONT_SEND_END = re.compile(r"(?:אל\s+ת(?:שלח|שלחי|שלחו)|don'?t\s+send(?:\s+it)?|not\s+(?:yet|now)|עוד\s+לא|לא\s+עכשיו|never\s*mind|nvm"
                            r"|forget\s+(?:it|that)|scratch\s+that|לא\s+משנה|עזוב|עזבי)\W*$", re.I)
_TAKEN_BACK = re.compile(r"(?:\.{2,}|…|[,.;!\-–—])\s*(?:(?:actually|oh|hmm+|no|nah|um+|ok|sorry|אה|אוי|לא|רגע|אממ+)[,!.]?\s+)*"
                         r"(?:wait|hold\s+on|hold\s+off|never\s*mind|nvm|scratch\s+that|forget\s+(?:it|that)|not\s+(?:yet|now)"
                         r"|on\s+second\s+thought|don'?t\s+(?:send|do|bother)|עזוב|עזבי|עזבו|תעזוב|תעזבי|לא\s+משנה|בעצם\s+לא|בעצם\s+אל"
                         r"|לא\s+עכשיו|עוד\s+לא\W*$|(?:ש)?נחכה|תחכה|תחכי|חכה|חכי|רגע[,!.]?\s+(?:לא|אל)(?![\w'])"
                         # "... לא רגע, עוד לא סגור, אל תשלח", "... actually no, let's wait till Sunday": not settled yet, or
                         # a wait the writer says they will keep
                         r"|(?:עוד|עדיין)\s+לא\s+(?:סגור|סגורה|סגורים|סופי|סופית|בטוח|בטוחה|בטוחים)(?:[,.;!]\s*.*)?$"
                         r"|let'?s\s+(?:wait|hold\s+off|hold\s+on)|(?:we'?ll|i'?ll|we\s+will|i\s+will)\s+wait"
                         r"|not\s+(?:final|settled|decided|confirmed)\s+yet)(?![\w'])", re.I)


# A value corrected in the same message: "תוסיף את גלית 0526543210, רגע טעות, 0526543201", "move the date to Jan 16,
# no wait, Jan 23", "תשנה את המקום לנמל יפו, לא סליחה, למחסן 2": the words of the fix after a pause, then the value
_FIX_WORDS = r"(?:סליחה|טעות|טעיתי|התבלבלתי|כלומר|התכוונתי|אופס|sorry|oops|typo|wait|correction|i\s+mean[t]?|my\s+(?:bad|mistake))"
_SELF_FIX = re.compile(r"\s*(?:\.{2,}|…|[,;\-–—])\s*(?:(?:לא|no|oh|אוי|אה|רגע|actually|בעצם)[,!.]?\s+)*" + _FIX_WORDS
                       + r"(?:[,!.]?\s+(?:" + _FIX_WORDS + r"|רגע|לא|no))*[,!.:]?\s+(?=\S)", re.I)
_FIX_FIELDS = {"date", "time", "location", "name"}


def _self_fixed(line: str, command, region, today) -> Reading | None:
    """The command with the value said after the fix in place of the one said before it; asked first. None unless
    the fix is only a value of the same kind (a phone for a phone, a date for a date, a place for a place)."""
    m = _SELF_FIX.search(line)
    if not m or not m.start():
        return None
    head, fix = line[:m.start()].strip(), line[m.end():].strip(" .!")
    if not fix or _HOLD_BACK.match(fix) or _TAKEN_BACK.search(", " + fix) or _SELF_FIX.search(fix):
        return None
    before = refine(head, C.parse(head, region, today), region, today).command
    if isinstance(before, C.ParseError) or type(before) is not type(command) and not isinstance(command, C.ParseError):
        return None
    old, new = list(_IL_PHONE.finditer(head)), _IL_PHONE.search(fix)
    if old and new and not fix.replace(new.group(0), "").strip(" ,.!"):
        # a phone for a phone: "..., sorry typo, 0529090910"
        said = head[:old[-1].start()] + new.group(0) + head[old[-1].end():]
        again = refine(said, C.parse(said, region, today), region, today).command
        return Reading(again, sure=False) if type(again) is type(before) else None
    if isinstance(before, C.AddGuests) and len(before.guests) == 1 and new:
        # "תוסיף את דנה 052…, סליחה, את רונית 052…": the guest said last, in place of the one before
        said = head.split()[0] + " " + fix
        again = refine(said, C.parse(said, region, today), region, today).command
        return Reading(again, sure=False) if isinstance(again, C.AddGuests) and len(again.guests) == 1 else None
    alone = refine(fix, C.parse(fix, region, today), region, today).command
    if not isinstance(alone, (C.ParseError, type(before))):
        return None   # "..., sorry, can you also send the invites": another request, no value
    if isinstance(before, C.SetEventField) and before.field in _FIX_FIELDS and not before.more and not new:
        value = fix
        if before.field in ("date", "time"):
            value = re.sub(r"^(?:ל-?(?=\d)|ב-?(?=\d)|to\s+|on\s+|at\s+)", "", value, flags=re.I)
        elif isinstance(before.value, str) and before.value in head:
            at = head.rfind(before.value)
            prep = re.search(r"(?:(?<=\s)|^)(ל-?|ב-?|to\s+|at\s+)$", head[:at], re.I)
            if prep:   # "...לנמל יפו, לא סליחה, למחסן 2": the fix said with the same "to"
                value = re.sub(r"^" + re.escape(prep.group(1).strip()) + r"\s*", "", value, flags=re.I)
            if len(_words(value)) > 6:
                return None
        said = f"set {before.field} {value}"
        again = C.parse(said, region, today)
        if isinstance(again, C.SetEventField) and again.field == before.field and again.value is not None \
                and again.value != before.value:
            return Reading(again, sure=False)
    return None


def _held_back_reply() -> Reading:
    """Nothing done, and said so: a command named in order not to do it now."""
    return Reading(C.ParseError(i18n._("OK, I won't do that now: nothing was sent or changed. Tell me when you're ready."),
                                None))


def _forbidden_reply() -> Reading:
    """Nothing done, and said so: a command named only to forbid it ("אסור למחוק את האירוע")."""
    return Reading(C.ParseError(i18n._("OK, I won't do that: nothing was sent or changed."), None))


def _not_understood(line: str) -> C.ParseError:
    """The reply when no command is meant (no verb suggested)."""
    return C.ParseError(i18n._("Sorry, I didn't understand \"{text}\". Send *help* to see what I can do.",
                               text=C._short(line)), None)


def _name_only(value: str) -> str:
    """"Gilad Mizrahi, the invite should have his real name", "Avraham, pls fix": the name, not the words after it."""
    value = re.split(r"[,.;]\s*(?:pls|please|plz|thanks|thx|ty|תודה|בבקשה|תתקן|תתקני|fix|update|can you|could you|the|because"
                     r"|since|so|כי|ש)\b", value, flags=re.I)[0].strip()
    # "Barr with two r's", "Cohen with a K", "שיראל עם י' בסוף", "גאיה באות א'": how it is spelled is no part of the name
    return re.split(r"[\s,(]+(?:(?:spelled|spelt|written)\s+)?(?:with|w/)\s+(?:two|2|three|3|double|a\s+double|an?|one|no|the)\s+\S+"
                    r"|[\s,(]+(?:spelled|spelt|written)\s+(?:with|like|as)\b"
                    r"|[\s,(]+(?:כתוב\s+|נכתב\s+)?(?:עם|בלי|באות)\s+(?:שני|שתי|2|שלוש|[\u05d0-\u05ea]['׳]|אות)(?=\s|$|\W)"
                    r"|[\s,(]+(?:כתוב\s+|נכתב\s+)?(?:עם|בלי|באות)\s+[\u05d0-\u05ea](?=[\s.!)]*$)", value, flags=re.I)[0].strip()


def _asks_nothing(clause: str) -> bool:
    """A remark before a comma that the grammar reads as no command at all ("זאת טעות", "oops")."""
    said = C.parse(clause, None, None)
    return isinstance(said, C.ParseError) and said.usage is None


def _held_back(text: str, reading: Reading) -> Reading:
    command = reading.command
    if isinstance(command, C.Notify) and command.on and _HOLD_BACK.match(_clean(text)):
        return Reading(C.Notify(on=False), sure=False)   # "don't ping me for every answer"
    clean = _clean(text)
    # "זאת טעות, אל תמחק את דני", "oops, don't send it yet": the "don't" opens the clause after a remark that asks nothing
    lead = re.match(r"^([^,.;!?:\n\"“”״']{1,40})[,.;!]\s+(\S.*)$", clean)
    held = _HOLD_BACK.match(clean) or (lead and _HOLD_BACK.match(lead.group(2)) and _asks_nothing(lead.group(1)))
    if not held and not isinstance(command, C.ParseError) and not isinstance(command, _HOLD_BACK_KEEPS):
        # "send the invites... actually wait, not yet", "תשלח תזכורת... לא עזוב, נחכה ליום ראשון": the writer took
        # the command back in the same message; nothing is done
        held = _TAKEN_BACK.search(clean)
        said = _clean(getattr(command, "text", None) or "") if isinstance(command, _ASKED_WORDS) or \
            isinstance(command, C.ReplyGuest) and C.refers_back(command.ref) else ""
        at = clean.rfind(said) if said else -1
        if held and at > 0 and held.start() >= at and re.search(r"[:\-–—]\s*$", clean[:at]) \
                and not _TAKEN_BACK.search(clean[:at] + " ") and not _DONT_SEND_END.search(clean):
            # "message Dana: no worries, wait for us at the entrance", "reply to her: sure. actually wait, not yet": the
            # "wait" is among the words to send, which the organiser sees before they go; never refused for them
            if isinstance(command, C.MessageGuest):
                return Reading(command, sure=False)   # sent at once otherwise: asked first
            return reading
    if not isinstance(command, C.ParseError) and not isinstance(command, _HOLD_BACK_KEEPS) and _FORBIDS.match(clean):
        spec = C.spec_for(command)
        if spec is not None and spec.writes:
            return _forbidden_reply()
    if isinstance(command, C.ParseError) or isinstance(command, _HOLD_BACK_KEEPS) or not held:
        return reading
    spec = C.spec_for(command)
    if spec is None or not spec.writes:
        return reading
    return _held_back_reply()


_QUOTED_VALUE = re.compile(r"^(?:[לבה]-?|to\s+|as\s+)?[\"“”„״'׳](.+?)[\"“”״'׳]?$", re.I)


def _unquote(value):
    """A value the organiser put in quotes is taken as written, without the quotes or the
    preposition glued before them: ל״החינה של מור״ -> החינה של מור."""
    if not isinstance(value, str):
        return value
    v = value.strip()
    m = _QUOTED_VALUE.match(v)
    if m and v[-1] in "\"“”״'׳" and m.group(1).strip():
        return m.group(1).strip()
    return value


_COPULA_HEAD = re.compile(r"^(?:יהיה|יהיו|תהיה|יהא|יהיה\s+עכשיו|will\s+(?:now\s+)?be|should\s+be|is\s+now|is\s+going\s+to\s+be)\s+(?=\S)", re.I)


def _unquote_fields(command):
    if isinstance(command, C.SetEventField) and command.field in ("name", "location"):
        # "שם האירוע יהיה "...", "the name will be ...": the value after the copula
        value = _unquote(_COPULA_HEAD.sub("", command.value) if isinstance(command.value, str) else command.value)
        return command if value == command.value else dataclasses.replace(command, value=value)
    if isinstance(command, C.NewEvent):
        name, location = _unquote(command.name), _unquote(command.location)
        if (name, location) != (command.name, command.location):
            return dataclasses.replace(command, name=name, location=location)
    if isinstance(command, C.UseEvent) and isinstance(command.ref, str):
        ref = _unquote(command.ref)
        return command if ref == command.ref else dataclasses.replace(command, ref=ref)
    if isinstance(command, C.EditGuest) and command.field in ("name", "note"):
        value = _unquote(command.value)
        return command if value == command.value else dataclasses.replace(command, value=value)
    if isinstance(command, (C.ThankYou, C.Broadcast, C.MessageGuest)) and re.match(r"^[?!.,;:]+\s+\S", command.text or ""):
        # "אפשר לשלוח תודה לאורחים? תודה רבה שבאתם": the question ends before the message; its "?" is no part of it
        return dataclasses.replace(command, text=re.sub(r"^[?!.,;:]+\s+", "", command.text))
    return command


_HEADER_LINE = re.compile(r"\s*(?:בס[\"״]ד|ב[\"״]ה|בע[\"״]ה|בעזרת\s+השם|בעזהי[\"״]ת)\W*\s*")


_DIGIT_WORDS = {"אפס": "0", "אחת": "1", "אחד": "1", "שתיים": "2", "שתים": "2", "שניים": "2", "שלוש": "3", "שלושה": "3",
                "ארבע": "4", "ארבעה": "4", "חמש": "5", "חמישה": "5", "שש": "6", "שישה": "6", "שבע": "7", "שבעה": "7",
                "שמונה": "8", "תשע": "9", "תשעה": "9", "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3",
                "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_DIGIT_WORD = "(?:" + "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True)) + ")"
_SPOKEN_PHONE = re.compile(r"(?<![\w'])(?:אפס|zero|oh)(?:[\s,\-]+" + _DIGIT_WORD + r"){8,11}(?![\w'])", re.I)


def _phone_digits(m) -> str:
    digits = "".join(_DIGIT_WORDS[w.lower()] for w in re.findall(r"[^\s,\-]+", m.group(0)))
    return digits if len(digits) in (9, 10) else m.group(0)


_NEW_EVENT_HEAD = re.compile(r"^(?:(?:open|create|start|make|set\s+up|add)\s+(?:me\s+|us\s+)?(?:a\s+)?new\s+event"
                             r"|(?:פתח|תפתח|תפתחי|פתחי|לפתוח|צור|צרי|תיצור|תצור|תיצרי|ליצור|תוסיף|תוסיפי|הוסף)\s+(?:לי\s+|לנו\s+)?אירוע(?:\s+חדש)?)"
                             r"[\s:.!,]*$", re.I)
# "new wedding event - Rachel and Avi, May 27 2027, ...", "אירוע חתונה חדש: ...", "חתונה חדשה - ...": a new event said with its
# kind; never a change to the current event's date or place
_KIND_WORDS = (r"(?:wedding|bar\s+mitzvah|bat\s+mitzvah|b'?nai\s+mitzvah|party|engagement|brit|bris|henna|birthday|shower|kiddush|"
               r"חתונה|בר[\s-]+מצו?וה|בת[\s-]+מצו?וה|ברית(?:\s+מילה)?|בריתה|חינה|אירוסין|מסיבה|מסיבת\s+\S+|יום\s+הולדת|שבע\s+ברכות|קידוש)")
_NEW_KIND_HEAD = re.compile(r"^(?:(?:open|create|start|make|set\s+up|add)\s+(?:me\s+|us\s+)?(?:a\s+)?)?new\s+(" + _KIND_WORDS
                            + r")(?:\s+event)?\s*(?:[-–—:,]\s*|\s+(?=for\s|of\s))(\S.*)$"
                            r"|^(?:(?:פתח|תפתח|תפתחי|פתחי|לפתוח|צור|צרי|תיצור|תצור|ליצור)\s+(?:לי\s+|לנו\s+)?)?(?:אירוע\s+(" + _KIND_WORDS
                            + r")\s+חדש|(" + _KIND_WORDS + r")\s+(?:חדשה|חדש))\s*[-–—:,]\s*(\S.*)$", re.I)
_NO_GUEST_NAMED = re.compile(r"^(?:add|תוסיף|תוסיפי|תוסיפו|הוסף|הוסיפי|להוסיף|תכניס|תכניסי|להכניס)\s+(?:(?:עוד|גם|a|another|one\s+more|new|more)\s+)*"
                             r"(?:ה)?(?:אורח|אורחת|אורחים|אורחות|מוזמן|מוזמנת|guest|guests|one)(?:\s+(?:חדש|חדשה|חדשים|נוסף|נוספת|נוספים|new|please|pls|בבקשה))*\W*$",
                             re.I)
_SET_UP_KIND = re.compile(r"^(?:set\s+up|create)\s+(?:our|my|a|an|me\s+an?|us\s+an?)\s+(?:new\s+)?(" + _KIND_WORDS
                          + r")(?:\s+event)?(?:\s+(?:please|pls|plz|for\s+us|for\s+me))*\s*[?!.:,\-–—]+\s*(\S.*)$", re.I)
_OPEN_VERB = r"(?:תפתח|תפתחי|תפתחו|פתח|פתחי|לפתוח|צור|צרי|תיצור|תצור|תיצרי|ליצור)"
_NEW_EVENT_AFTER = re.compile(r"^(?P<what>\S.*?)[\s,.\-–—!]+(?:(?:אז\s+|ו)?" + _OPEN_VERB + r"\s+(?:לי\s+|לנו\s+)?(?:(?:ה)?אירוע|אותו)"
                              r"(?:\s+חדש)?(?:\s+בבקשה)?|(?:(?:and\s+)?(?:please|pls|can\s+you|could\s+you)\s+)?(?:open|create|make|set\s+up|start)"
                              r"\s+(?:me\s+|us\s+)?(?:a\s+|an\s+)?(?:new\s+)?event(?:\s+for\s+(?:it|this|that|us|me))?(?:\s+please|\s+pls)?)[\s.!?]*$", re.I)
_NEW_EVENT_FOR_ME = re.compile(r"^" + _OPEN_VERB + r"\s+(?:לי|לנו)\s+אירוע(?:\s+חדש)?\s*[:\-–,]?\s+(?P<what>\S.*)$")
_ASKED_THEN_AND = re.compile(r"^([^?\n]{3,80}?)\s*\?+\s*(?:ו(?=[\u05d0-\u05ea]{3})|and\s+(?:then\s+|also\s+)?|also\s+|וגם\s+)\S", re.I)
_AND_INVITE_TAIL = re.compile(r"[\s,]+(?:(?:and|&|\+)\s+(?:then\s+|also\s+)?(?:send|text|invite|shoot)\s+(?:him|her|them)\b"
                              r"|ו(?:תשלח|תשלחי|תשלחו|לשלוח|שלח|שלחי|תזמין|תזמיני|להזמין|תוציא|תוציאי)\s+(?:גם\s+)?(?:לו|לה|להם|להן|אותו|אותה|אותם|אותן)(?![\u05d0-\u05ea]))"
                              r"(?:\s+\S+){0,5}\W*$", re.I)
_GLUED_AT = re.compile(r"^(תוסיף|תוסיפי|הוסף|תכניס|תכניסי|תמחק|תמחקי|מחק|תסמן|תסמני|סמן|תעדכן|תעדכני|תזמין|תזמיני|תזכיר|תזכירי)את(?=\s)")
_NAG = frozenset({"תנדנד", "תנדנדי", "תנדנדו", "לנדנד", "נדנד", "נדנדי"})
_GLUED_LATIN = re.compile(r"(?<![\u05d0-\u05ea\w])(ל|ב)(?=[A-Za-z]{3})")
_GLUED_PHONE = re.compile(r"([\u05d0-\u05ea])((?:\+972|0)5\d[\s-]?\d{3}[\s-]?\d{4})(?!\d)")
_DOTTED_PHONE = re.compile(r"(?<![\d.])(?:\+972[\s.]?|0)(?:5\d|[2-489]|7\d)\.\d{3}\.\d{4}(?![\d.])")


_PARTY_NUM = {**_HE_NUM, "שבעה": 7, "שבע": 7, "שמונה": 8, "תשעה": 9, "תשע": 9, "עשרה": 10, "עשר": 10, "seven": 7, "eight": 8,
              "nine": 9, "ten": 10}
_COUNT_IN_WORDS = re.compile(r"(?<![\w'])(" + "|".join(sorted(_PARTY_NUM, key=len, reverse=True)) + r")\s+(אנשים|נפשות|איש|מקומות|people|persons|ppl|guests)(?![\w'])",
                             re.I)


# A count in words said on its own right after the phone, last: "… 052 6619 330 שניים", "… 0501234567, three" (never
# "שני" / "שתי", which count a noun, nor "פלוס אחת"); read as "(2)", so no digit is taken for the phone's last group
_BARE_COUNT_WORDS = [w for w in _PARTY_NUM if w not in ("שני", "שתי")]
_BARE_COUNT_LAST = re.compile(r"^([\s,]+)(" + "|".join(sorted(_BARE_COUNT_WORDS, key=len, reverse=True)) + r")[\s.!]*$", re.I)

def _times_party(line: str) -> str:
    """"… 0547418529 groom x2" → "… 0547418529 groom (2)": a count written "x2" after the phone."""
    phone = _IL_PHONE.search(line)
    if not phone:
        return line
    after = re.sub(r"(?<!\S)[xX×]\s?(\d{1,2})(?![\w.:/])", r"(\1)", line[phone.end():])
    return line[:phone.end()] + after


_ADD_TO_SIDE = re.compile(r"^(?P<verb>תוסיף|תוסיפי|הוסף|להוסיף|תכניס|תכניסי|add|put)\s+(?:ל(?:ה)?צד\s+(?:של\s+)?(?P<side>(?:ה)?[^\s:,]+)"
                          r"|to\s+(?:the\s+)?(?P<en>my|our|[^\s:,]+?(?:'s)?)\s+side)\s*[:\-–,]?\s+(?:את\s+)?(?P<rest>\S.*\d.*)$", re.I)
# "כ'לא מגיע'", "כ"מגיעה"", "כ-אולי": "as" and the answer in quotes or after a dash
_AS_QUOTED = re.compile(r"\sכ\s*(?:-|['\"״׳“”„])\s*([\u05d0-\u05ea][^'\"״׳“”„]{0,20}?)\s*['\"״׳“”„]?(?=[\s,.!]*$)")

_FINAL = {"כ": "ך", "מ": "ם", "נ": "ן", "פ": "ף", "צ": "ץ"}


def _refine(text: str, exact, region: str | None, today: date | None) -> Reading:
    if not isinstance(text, str):
        return Reading(exact)
    first, _, rest = text.partition("\n")
    if rest.strip() and _HEADER_LINE.fullmatch(first):
        # "בס"ד" on a line of its own above the message: a blessing, not the message
        return refine(rest, C.parse(rest, region, today), region, today)
    clean = _clean(text)
    if not clean:
        return Reading(exact)
    if rest.strip() and _NEW_EVENT_HEAD.match(_strip_polite(_clean(first))):
        # "תפתח אירוע חדש" and the fields on the lines below ("שם: ...", "תאריך: ..."): the form of "new event"
        said = "new event\n" + rest
        listed = C.parse(said, region, today)
        if isinstance(listed, C.NewEvent):
            return Reading(refine(said, listed, region, today).command, sure=False)
    kind = _NEW_KIND_HEAD.match(_strip_polite(clean)) if "\n" not in text.strip() and "?" not in clean \
        and not isinstance(exact, C.NewEvent) else None
    if kind:
        said_kind = next(g for g in (kind.group(1), kind.group(3), kind.group(4)) if g)
        rest = (kind.group(2) or kind.group(5)).strip()
        rest = re.sub(r"^(?:for|of)\s+", "", rest, flags=re.I)
        name = rest if re.search(_KIND_WORDS, rest.split(",")[0], re.I) else f"{said_kind} - {rest}"
        said = "new event: " + name
        listed = C.parse(said, region, today)
        if isinstance(listed, C.NewEvent):
            return Reading(refine(said, listed, region, today).command, sure=False)
    opened = (_NEW_EVENT_AFTER.match(_strip_polite(clean)) or _NEW_EVENT_FOR_ME.match(_strip_polite(clean))) \
        if isinstance(exact, C.ParseError) and "\n" not in text.strip() else None
    if isinstance(exact, C.ParseError) and exact.usage is None and "\n" not in text.strip() and _NEW_EVENT_HEAD.match(_strip_polite(clean)):
        return Reading(C.parse("new event", region, today))   # "תפתח לי אירוע": its name, asked as for "new event"
    what = opened.group("what") if opened else ""
    if opened and "?" not in what and (find_date(what, today)[0] is not None or re.search(_KIND_WORDS, what, re.I)):
        # "כנס משפחת בן עמי בקיבוץ יפעת 2.4.27 תפתח לי אירוע", "Dana's 40th, June 5 - open an event for it",
        # "תפתח לי אירוע ברית לנכד 3.1": a new event with what was said of it (asked first)
        said = "new event " + opened.group("what").strip(" ,.-–—:")
        listed = C.parse(said, region, today)
        if isinstance(listed, C.NewEvent):
            return Reading(refine(said, listed, region, today).command, sure=False)
    if isinstance(exact, C.ParseError) and "\n" not in text.strip() and _NO_GUEST_NAMED.match(_strip_polite(clean)):
        # "תוסיפי עוד אורחת", "add a guest": no guest named yet; who, asked as for "add guest" (not the phone of a
        # guest called "עוד אורחת")
        return Reading(C.parse("add guest", region, today))
    set_up = _SET_UP_KIND.match(_strip_polite(clean)) if "\n" not in text.strip() and not isinstance(exact, C.NewEvent) else None
    if set_up:
        # "could you set up our wedding please? Olivia & James, 27th May 2027, Caesarea": a new event of that kind, its
        # details after it; never a change to the current event's date (asked first)
        said = "new event: " + f"{set_up.group(1)} - {set_up.group(2).strip()}"
        listed = C.parse(said, region, today)
        if isinstance(listed, C.NewEvent):
            return Reading(refine(said, listed, region, today).command, sure=False)
    spoken = _SPOKEN_PHONE.sub(_phone_digits, text)
    if spoken != text:   # "אפס חמש שלוש שש אחת...": a phone dictated digit by digit, read as its digits
        heard = refine(spoken, C.parse(spoken, region, today), region, today)
        return Reading(heard.command, sure=heard.sure and not isinstance(heard.command, DIRECT_WRITES))
    spaced = _GLUED_PHONE.sub(r"\1 \2", _GLUED_AT.sub(r"\1 את", text))
    unglued = _GLUED_LATIN.sub(r"\1 ", text) if isinstance(exact, C.ParseError) and "\n" not in text.strip() else text
    if unglued != text:   # "תחליף שפה לenglish": a Hebrew "to" typed onto the English word after it, read apart (a write asked first)
        heard = refine(unglued, C.parse(unglued, region, today), region, today)
        if not isinstance(heard.command, C.ParseError):
            return Reading(heard.command, sure=heard.sure and not C.writes(heard.command))
    if spaced != text:   # "תוסיףאת גלית אברהם0524567123": the spaces a quick thumb left out, put back; a write is asked first
        heard = refine(spaced, C.parse(spaced, region, today), region, today)
        return Reading(heard.command, sure=heard.sure and not isinstance(heard.command, DIRECT_WRITES))
    dialled = re.search(r"\+?\d[\d\s-]{7,}\d", text) if isinstance(exact, (C.ParseError, C.AddGuests)) and "\n" not in text.strip() else None
    counted = text[:dialled.end()] + _BARE_COUNT_LAST.sub(lambda m: m.group(1) + f"({_PARTY_NUM[m.group(2).lower()]})", _COUNT_IN_WORDS.sub(
        lambda m: str(_PARTY_NUM[m.group(1).lower()]) + " " + m.group(2), text[dialled.end():])) \
        if dialled else text   # (only after the phone: "להוסיף שלושה אנשים: אנה 052…" counts the guests, no party)
    if counted != text:   # "משפחת אבייב 0097250… שישה אנשים": a party said in words, read as its number; a write is asked first
        heard = refine(counted, C.parse(counted, region, today), region, today)
        return Reading(heard.command, sure=heard.sure and not isinstance(heard.command, DIRECT_WRITES))
    to_side = _ADD_TO_SIDE.match(_strip_polite(clean)) if "\n" not in text.strip() and isinstance(exact, (C.ParseError, C.AddGuests)) else None
    if to_side:
        # "תוסיף לצד של אבא את אחי גלעד 052…", "add to my side: uncle Shlomo Peretz +972…": the side said before the guest;
        # the guest added on it (asked first; "my side" names no side the list knows, so none is set)
        said = f"{to_side.group('verb')} {to_side.group('rest')}"
        added = refine(said, C.parse(said, region, today), region, today).command
        if isinstance(added, C.AddGuests):
            named = re.sub(r"['’]s$", "", (to_side.group("side") or to_side.group("en")).strip())
            side = None if named.lower() in {"my", "our", "שלי", "שלנו"} else _SIDE.get(named.lower(), _SIDE.get(re.sub(r"^ה", "", named), named))
            guests = tuple(g if g.side or side is None else dataclasses.replace(g, side=side) for g in added.guests)
            return Reading(dataclasses.replace(added, guests=guests), sure=False)
    timesed = "\n".join(_times_party(x) for x in text.split("\n"))
    if timesed != text:   # "Idan Ron 0547418529 groom x2": the party, never an extension of the phone; a write is asked first
        heard = refine(timesed, C.parse(timesed, region, today), region, today)
        return Reading(heard.command, sure=heard.sure and not isinstance(heard.command, DIRECT_WRITES))
    as_said = _AS_QUOTED.sub(lambda m: " כ" + m.group(1), text) if "\n" not in text.strip() else text
    if as_said != text:   # "תסמן את גיל כ'לא מגיע'", "תסמני את דנה כ-לא מגיעה": "as" what, quoted; a write is asked first
        heard = refine(as_said, C.parse(as_said, region, today), region, today)
        return Reading(heard.command, sure=heard.sure and not isinstance(heard.command, DIRECT_WRITES))
    dashed = _DOTTED_PHONE.sub(lambda m: m.group(0).replace(".", "-"), text)
    if dashed != text:   # "054.221.9087": a phone written with dots, read as with dashes
        return refine(dashed, C.parse(dashed, region, today), region, today)
    pasted = [x for x in text.replace("\r", "\n").split("\n") if x.strip()]
    if pasted and any(C.CHAT_PREFIX.match(x) for x in pasted) and not isinstance(exact, C.AddGuests):
        # "[12/06/2027, 10:15] רותי: שירה אזולאי 0587654321": lines copied from a chat; the time and who wrote
        # them are no part of what is asked. Guests a line (each with a phone) are added, asked first.
        said = [C.CHAT_PREFIX.sub("", x, count=1).strip() for x in pasted]
        said = [x for x in said if x]
        if said:
            if len(said) > 1 and all(_IL_PHONE.search(x) or _phone(x, region)[0] for x in said):
                said = ["add guests"] + said
            again = "\n".join(said)
            heard = refine(again, C.parse(again, region, today), region, today)
            return Reading(heard.command, sure=heard.sure and not isinstance(heard.command, DIRECT_WRITES))
    first_line = clean.split("\n")[0] if "\n" in text else clean
    asked = _ASKED_THEN_AND.match(first_line) if isinstance(exact, C.ParseError) else None
    if asked:
        # "כמה אישרו? ותזכיר למי שלא ענה", "who's coming? and send the rest a reminder": the question is
        # answered; the request joined on after it is not done on the strength of a question
        head = asked.group(1) + "?"
        said = refine(head, C.parse(head, region, today), region, today)
        spec = C.spec_for(said.command) if not isinstance(said.command, C.ParseError) else None
        if spec is not None and not spec.writes:
            return said
    invited_too = _AND_INVITE_TAIL.search(first_line) if isinstance(exact, (C.ParseError, C.AddGuests)) and "\n" not in clean else None
    if invited_too:
        # "add Ben Ohana 054... party of 4 and send him the invite", "תוסיף את דנה 050... ותשלח לה הזמנה": the guest
        # is added (asked first); the invitation goes out with the next invite round, never a round instead of the guest
        said = first_line[:invited_too.start()].strip(" ,")
        added = refine(said, C.parse(said, region, today), region, today)
        if isinstance(added.command, C.AddGuests):
            return Reading(added.command, sure=False)
    try:
        corrected = _correct(text, first_line, exact, region, today)
        if corrected is not None:
            return corrected
        if not isinstance(exact, C.ParseError):
            return Reading(exact)
        guessed = _guess(text, region, today, exact)
        if guessed is not None and (exact.usage is None or _repairs(exact, guessed.command, first_line)):
            return guessed
        known = _spec_of(exact)
        if known is not None and known.command is C.Help and len(_words(first_line)) >= 4:
            # "help אני לא מבינה איך מוסיפים אורח": a sentence, not a topic ("help xyz" is asked back)
            return Reading(C.Help())
        if known is not None and known.command in _BARE_READS:
            return Reading(known.command())   # nothing better read in the words: the verb's own read
    except C._Fail as fail:
        if exact.usage is not None:   # the grammar knew the verb: its own hint stands
            return Reading(exact)
        return Reading(C.ParseError(fail.message, None))
    return Reading(exact)


# ------------------------------------------------------------------ reported speech to one guest

# "תכתבי למשה שיתקשר אליי", "תעדכני את רונית שהחניה בחניון הכחול", "tell Dana that parking is free": what
# to tell the guest, said as reported speech. The words after the ש / "that" are what the guest gets; the
# reading is asked first (the chat shows the message before it is sent).
_TELL_VERBS = (r"(?:תכתוב|תכתבי|תכתבו|כתוב|כתבי|כתבו|לכתוב|תשלח|תשלחי|תשלחו|שלח|שלחי|שלחו|לשלוח|תגיד|תגידי|תגידו|להגיד|"
               r"תאמר|תאמרי|תאמרו|אמור|אמרי|לומר|תמסור|תמסרי|תמסרו|מסור|מסרי|למסור|תודיע|תודיעי|תודיעו|הודע|הודיעי|להודיע|"
               r"תעדכן|תעדכני|תעדכנו|עדכן|עדכני|לעדכן|תזכיר|תזכירי|תזכירו|הזכר|הזכירי|להזכיר|תבקש|תבקשי|תבקשו|בקש|בקשי|לבקש)")
_TELL_HE = re.compile(r"^" + _TELL_VERBS + r"\s+(?:גם\s+|בבקשה\s+)?(?:(?:ל|מ)-?|את\s+)(?=\S)(.+)$")
_TELL_EN = re.compile(r"^(?:tell|text|message|msg|whatsapp|write\s+to|let)\s+(?!me\b|us\b|everyone\b|all\b|them\b|him\b|her\b)"
                      r"(\S+(?:\s+\S+){0,2}?)(?:\s+know)?\s+that\s+(?!'s\b)(\S.*)$", re.I)
# Words that open with ש as part of themselves, not as "that": greetings, numbers, "שלי", names
_ROOT_SH = frozenset({
    "שלום", "שבת", "שבוע", "שנה", "שנת", "שנים", "שמח", "שמחה", "שמחים", "שמחות", "שמחנו", "שמחתי", "שמחת", "שמור", "שמורה",
    "שמורים", "שמרו", "שים", "שימי", "שימו", "שלי", "שלך", "שלו", "שלה", "שלנו", "שלכם", "שלהם", "שאלה", "שאלות", "שאלתי",
    "שעה", "שעות", "שני", "שתי", "שתיים", "שניים", "שנייה", "שניה", "שלוש", "שש", "שבע", "שמונה", "שוב", "שם", "שמה", "שמו",
    "שכחת", "שכחתי", "שמעתי", "שלחתי", "שלחנו", "שיר", "שירה", "שירן", "שירי", "שילת", "שי", "שיא", "שקד", "שחר", "שרה",
    "שמעון", "שלמה", "שושנה", "שולה", "שמואל", "שאול", "שלומי", "שגיא", "שולחן", "שולחנות", "שמש", "שעון", "שתייה", "שתיה",
    "שאטל", "שירות", "שיחה", "שינוי", "שינויים", "שאר", "שהות", "שנהב", "שיעור", "שיפוץ", "שתה", "שתו", "שימוש", "שאריות"})
_SH_FUNCTION = frozenset({"לא", "יש", "אין", "כבר", "גם", "מחר", "אפשר", "צריך", "צריכה", "צריכים", "חייב", "חייבת", "חייבים",
                          "זה", "זאת", "כדאי", "בשבת", "בעוד", "עוד", "מחכים", "מחכה", "מגיע", "מגיעה", "מגיעים", "לו", "לה",
                          "כל", "כולם", "בגלל", "במקום", "לפני", "אחרי", "מאוד", "ממש", "רק", "בסוף", "ביום", "בערב",
                          "בבוקר", "מקום", "מקומה", "מקומו", "כן", "לכם", "לך", "לנו"})


def _says_that(word: str) -> bool:
    """"שיתקשר", "שהחניה", "שאין": a word that is ש ("that") and the first word of what is told."""
    w = word.strip(".,!?:;\"'״׳")
    if len(w) < 3 or not w.startswith("ש") or not _HE.match(w[1]) or w in _ROOT_SH:
        return False
    rest = w[1:]
    return rest in _SH_FUNCTION or (rest[0] in "היתנא" and len(rest) >= 2)


def _reported_to_one(line: str, region) -> Reading | None:
    """A message to one guest said as reported speech, with the ש / "that" dropped; asked first."""
    m = _TELL_EN.match(line)
    if m:
        name, said = m.group(1), m.group(2)
    else:
        m = _TELL_HE.match(line)
        if not m:
            return None
        words = m.group(1).split()
        at = next((i for i, w in enumerate(words[:4]) if i > 0 and _says_that(w)), None)
        if at is None:
            return None
        name_words = words[:at]
        if any(w.endswith(":") for w in name_words):
            return None   # "תשלחי לרונית: שהחניה ...": after a colon, the words as written
        if _status_in(_words(" ".join(words[at:at + 3]))):
            return None   # "תזכיר לאלה שלא ענו ...", "למוזמנים שאישרו ...": who, by their answer; an audience
        if name_words and name_words[-1] in ("הודעה", "הודעת"):
            name_words = name_words[:-1]
        name, said = " ".join(name_words), " ".join([words[at].strip()[1:]] + words[at + 1:])
    name = name.strip(" ,-–:")
    nw = _words(name)
    if not nw or not said.strip() or _audience_ref(nw) or set(nw) & (_ALL_WORDS | _TEAM_WORDS | _COMMAND_WORDS | {
            "לי", "לנו", "me", "us", "אותי", "אותנו", "ממני", "the", "a", "guests", "everyone", "האורחים", "המוזמנים", "אורחים",
            "מוזמנים", "אלה", "אלו", "האלה", "האלו", "אותם", "אותן", "ההם", "אנשים", "האנשים", "those", "these", "people"}) \
            or _status_in(nw) or ":" in name or re.search(r"\d", name) and not _IL_PHONE.search(name):
        return None
    ref = _ref(name, region)
    if ref is None:
        return None
    return Reading(C.MessageGuest(ref=ref, text=said.strip()), sure=False)


# Verbs that name no one command ("change", "שלח"): when the grammar took one for the wrong
# command and refused its words, the layer's reading of the whole message may stand in.
# Verbs that change what is there: a line with one of them is never a new guest.
_CHANGE_VERBS = frozenset({"change", "update", "fix", "correct", "edit", "replace", "תשנה", "תשני", "שנה", "לשנות",
                           "תעדכן", "תעדכני", "עדכן", "לעדכן", "תתקן", "תתקני", "תקן", "לתקן", "תחליף", "תחליפי",
                           "החלף", "להחליף", "השתנה", "התחלף"})

_EVERYTHING = {"everything", "everyone", "everybody", "all", "the", "whole", "list", "guests", "of", "them",
               "כולם", "הכל", "הכול", "כל", "את", "האורחים", "הרשימה", "המוזמנים", "כולה"}
_PRONOUNS = {"him", "her", "them", "it", "this", "that", "אותו", "אותה", "אותם", "אותן", "זה", "את", "זאת"}

_GENERIC_VERBS = frozenset({
    "change", "edit", "update", "set", "remove", "delete", "add", "send", "make", "put", "move",
    "שנה", "תשנה", "תשני", "לשנות", "ערוך", "תערוך", "תערכי", "לערוך", "מחק", "תמחק", "תמחקי", "למחוק",
    "הוסף", "תוסיף", "תוסיפי", "להוסיף", "שלח", "תשלח", "תשלחי", "לשלוח", "עדכן", "תעדכן", "תעדכני", "לעדכן",
})
# Commands whose words the layer reads better than the grammar (audiences, glued counts).
_REPAIRABLE = (C.Remind, C.Invite, C.Broadcast, C.ListGuests, C.Stats, C.AddGuests, C.MessageGuest,
               C.MarkGuest, C.FindGuests, C.ShowEvent, C.SetLanguage, C.EditGuest, C.Notify, C.Leave, C.Called,
               C.Quiet, C.Shabbat, C.DayBefore, C.Answers, C.Calls, C.GuestCard, C.GuestLink, C.Inbox,
               C.ListMembers, C.ThankYou, C.ReplyGuest)
# Reads that take no words: the grammar refuses "מה כתבו לנו האורחים" for the words after
# "מה כתבו", but what was asked is plain.
_BARE_READS = (C.Inbox, C.Answers, C.Calls, C.Chart, C.ListMembers, C.ListEvents, C.Stats)


def _spec_of(exact: C.ParseError):
    """The command the grammar knew the verb of, from its usage hint."""
    if exact.usage is None:
        return None
    return next((s for s in C.COMMANDS if exact.usage in (s.usage, i18n._(s.usage))), None)


def _repairs(exact: C.ParseError, command, text: str) -> bool:
    """The grammar knew a verb but refused its words: may the layer's reading stand in for
    the grammar's usage hint?

    Yes when it is the same command with its words understood ("תזכיר למי שלא ענה", a
    party size glued to the phone), or when the verb named no one command ("send the
    invites" is not a yes, "change the date to June 12" is not a guest edit). A write read
    this way is never sure: the chat asks before doing it. Otherwise the hint stands
    (a bad date in `new event` is told, not dropped).
    """
    if isinstance(command, C.ParseError):
        return False
    spec = C.spec_for(command)
    if spec is None:
        return False
    words = _words(text)
    if words[:1] == ["שני"] and isinstance(command, (C.MarkGuest, C.Called)) and command.ref.text.split()[:1] == ["שני"]:
        return True   # "שני ברק אמרה אולי": Shani said maybe, not "change" (שני) with nothing to change (asked first)
    if words[:1] in (["rsvp"], ["rsvps"]) and not spec.writes:
        return True   # "rsvp numbers", "rsvp status": RSVP the noun, a read; never "mark" with no answer
    if exact.usage in ("yes / no", i18n._("yes / no")) or isinstance(command, C.Cancel):
        return True   # (a cancel only drops the pending question: "עזוב, תבטל את זה" is not "leave")
    if words and words[0] in _GENERIC_VERBS and spec.writes:
        return True  # "change the date to June 12": a write, so the chat asks first
    known = _spec_of(exact)
    if known is not None and known.command in _BARE_READS and isinstance(command, (C.ListGuests, C.ShowEvent)):
        return False  # "מה כתבו לנו האורחים": the verb's own read beats a loose list or event reading
    if known is not None and not known.writes and not spec.writes:
        return True   # a read for a read: "list team" is the team, "details for Avi" his card
    if known is not None and not dataclasses.fields(known.command):
        return True   # a verb that takes no words ("invite", "האירוע", "עוד") with words after it: they say more
    if isinstance(command, C.Reminders):   # "תזכורת יום לפני": the remind verb, with a schedule
        usages = {C.spec_for(C.Remind).usage, spec.usage}
        if exact.usage in usages | {i18n._(u) for u in usages}:
            return True
    return isinstance(command, _REPAIRABLE) and exact.usage in (spec.usage, i18n._(spec.usage))


# ------------------------------------------------------------------ corrections of exact readings

_MESSY_NAME_WORDS = {"-", "–", "+", "חדשה", "חדש", "new", "שלו", "שלה", "she's", "he's", "her", "his", "number", "זוג",
                     "מקומות", "bringing", "with", "עם"}


def _messy_guest(g: C.GuestDraft) -> bool:
    """A name or side with the sentence still around it ("חדשה - ליאת", "+ בת הזוג שלו", "חתן 2 מקומות")."""
    words = f"{g.first_name} {g.last_name or ''}".split()
    return bool({w.lower().strip(",:") for w in words} & _MESSY_NAME_WORDS) or any(w.endswith(":") for w in words) \
        or bool(g.side and len(g.side.split()) > 1)


# who comes along, counted after "עם עוד 2 ...", "with 3 ...": "עם עוד 2 בנים", "with 2 kids"
_COMPANIONS = (r"(?:ילדים|ילדות|הילדים|בנים|בנות|ילד|ילדה|אנשים|נפשות|חברים|חברות|מלווים|kids|children|people|guests|friends|sons|"
               r"daughters|others|more)")
_KIDS = r"(?:ילדים|ילדות|הילדים|בנים|בנות|ילד|ילדה|מלווים|kids|children|sons|daughters)"   # (not "with 2 people": the whole party?)
_WITH_MORE = re.compile(r"[\s,]+(?:(?:ו?(?:היא|הוא|הם|הן)|(?:she|he)(?:'s|\s+is)?|they(?:'re|\s+are)?)\s+)?(?:(?:מגיעה?|מגיעים|באה?|באים|"
                        r"תבוא|יבוא|יבואו|תגיע|יגיע|יגיעו|coming|comes|will\s+come)\s+)?(?:(?:עם\s+עוד|with(?:\s+another)?|plus|\+)(?:\s+" + _COMPANIONS + r")?"
                        r"|(?:עם|with)\s+" + _KIDS + r")\s*$", re.I)


# A surname that opens with ו, never "and" + a name: "דני וייס" is Dani Weiss, one guest ("דני ורותי" is two)
_VAV_SURNAME = re.compile(r"ו(?:וי|יי|ו[\u05d0-\u05ea])\S*|ו\S*(?:מן|ברג|בורג|שטיין|סקי|וביץ|ביץ|בוים|באום|פלד)"
                          r"|(?:ויס|ויז|וילנר|וינר|ויזל|ולך|ולדמן|ורדי|ורון|וקסלר|ולנסי|ועקנין|ואקנין|וקנין|ואנונו|ויצמן)")
# "סבא וסבתא", "דני ורותי", "Dana and Tom", "Dana & Tom", "ההורים של שירה": two people named in one guest's name
_TWO_NAMED = re.compile(r"(?:ה)?הורים\s+של\s+\S+(?:\s+\S+)?|(?:the\s+)?parents\s+of\s+\S+(?:\s+\S+)?|\S+'s\s+parents"
                        r"|[A-Z][a-z]+\s+(?:and|&)\s+[A-Z][a-z]+", re.I)


# "משה ומשפחתו", "דני והילדים", "Dana and family": one named with a group of no size said, never a couple
_GROUP_AFTER_AND = frozenset({
    "משפחה", "המשפחה", "משפחתו", "משפחתה", "משפחתם", "ילדים", "ילדיו", "ילדיה", "ילדיהם", "בניו", "בנותיו", "בנים", "בנות",
    "חברים", "חברות", "חבר'ה", "החבר'ה", "צוות", "הצוות", "נכדים", "נכדיו", "נכדיה", "אחים", "אחיו", "אחיה", "אחיותיו",
    "אחיותיה", "כולם", "מלווים", "אורחים", "הבית", "ביתו", "ביתה", "family", "kids", "children", "friends", "team",
    "co", "others", "guests", "sons", "daughters", "grandkids", "grandchildren", "everyone", "company", "crew", "gang"})


def _two_named(full: str) -> bool:
    """Two people named on one row with no surname after them: "סבא וסבתא", "דני ורותי", "דני ו-רותי", "Dana and Tom",
    "Dana & Tom", "ההורים של שירה"; not "דני וייס", "משה ויקטור" (a name that opens with ו), nor "משפחת כהן" (a family
    comes as many as it is said to)."""
    if _TWO_NAMED.fullmatch(full):
        return not re.match(r"(?:family|the)\s", full, re.I) and full.split()[-1].lower() not in _GROUP_AFTER_AND
    toks = full.split()
    if len(toks) != 2 or toks[0] in {"משפחת", "משפ'", "משפ׳"} or not re.fullmatch(r"[\u05d0-\u05ea'\"]{2,}", toks[0]):
        return False
    second = toks[1]
    if second.startswith("ו-"):
        second = "ו" + second[2:]
    if second[1:] in _GROUP_AFTER_AND or re.fullmatch(r"ה\S+(?:ים|ות)", second[1:]):
        return False   # "משה ומשפחתו", "דני והילדים", "רותי והבנות": how many they are is not said
    if re.fullmatch(_VAV_NAMES, second[1:]):
        return True   # "דני וורד": and Vered
    if not re.fullmatch(r"ו[\u05d0-\u05ea'\"]{2,}", second) or re.fullmatch(_VAV_NAMES, second) or _VAV_SURNAME.fullmatch(second):
        return False
    return True


def _couple_split(full: str) -> tuple[str, str] | None:
    """A couple's given names are their first name, what follows them their surname: "David and Ruth Benson" →
    ("David and Ruth", "Benson"), "חיים ורבקה לוי" → ("חיים ורבקה", "לוי"), "Dana & Tom" → ("Dana & Tom", ""); so
    an invitation greets both, and the list sorts them under their surname. None when the name is no couple of names."""
    m = re.fullmatch(r"(\S+\s+(?:and|&)\s+\S+)(?:\s+(\S.*))?", full, re.I)
    if m:
        return m.group(1), m.group(2) or ""
    toks = full.split()
    if len(toks) >= 2 and re.fullmatch(r"ו-?[\u05d0-\u05ea'\"]{2,}", toks[1]) and not _VAV_SURNAME.fullmatch(toks[1]):
        return " ".join(toks[:2]), " ".join(toks[2:])
    return None


def _with_more(g: C.GuestDraft) -> C.GuestDraft:
    """"הילה אשכנזי 0529… היא מגיעה עם עוד 2": the number after the phone is who comes with her; "חיים ורבקה לוי",
    "David and Ruth Benson": a couple on one phone, two."""
    full = f"{g.first_name} {g.last_name or ''}".strip()
    if (re.fullmatch(r"[\u05d0-\u05ea'\"]{2,} ו[\u05d0-\u05ea'\"]{2,} [\u05d0-\u05ea'\"\-]{2,}", full)
            or re.fullmatch(r"[A-Z][a-z]+ (?:and|&) [A-Z][a-z]+ [A-Z][\w'\-]+", full) or _two_named(full)):
        first, last = _couple_split(full) or (g.first_name, g.last_name)
        return dataclasses.replace(g, first_name=first, last_name=last, party_size=g.party_size or 2)
    m = _WITH_MORE.search(full)
    if not (m and m.start() > 0 and g.party_size):
        return g
    first, last = C.split_name(full[:m.start()])
    return dataclasses.replace(g, first_name=first, last_name=last, party_size=min(g.party_size + 1, C.MAX_PARTY_SIZE))


def _tidy_guests(exact: C.AddGuests) -> C.AddGuests:
    guests = []
    for g in exact.guests:
        full = f"{g.first_name} {g.last_name or ''}".strip()
        g = _with_more(g)
        full = f"{g.first_name} {g.last_name or ''}".strip()
        name, party = _tidy_name(full)
        if name != full and name:
            first, last = C.split_name(name)
            g = dataclasses.replace(g, first_name=first, last_name=last,
                                    party_size=g.party_size if party is None else party)
        guests.append(g)
    return dataclasses.replace(exact, guests=tuple(guests))


def _fix_ref(ref):
    """"number 4" / "מספר 4" / "#4" is the list number; "Yossi's" is Yossi."""
    if not isinstance(ref, C.Ref) or ref.number is not None or ref.phone is not None:
        return ref
    m = re.match(r"^(?:guest\s+|אורח\s+|אורחת\s+)?(?:number|no\.?|num|מספר|מס'?|#)?\s*(\d{1,4})(?:'s)?$", ref.text.strip(), re.I)
    if m:
        return C.Ref(text=m.group(1), number=int(m.group(1)))
    m = re.match(r"^(.+?)['’]s$", ref.text.strip())
    if m and m.group(1).strip():
        return C.Ref(text=m.group(1).strip())
    return ref


_LIST_HEADER = re.compile(r"(?:^|\s)(?:add|adding|להוסיף|תוסיף|תוסיפי|תכניס|תכניסי|להכניס|תכניסו|הוספה|הוסף|these|the\s+following|הבאים|הבאות|"
                          r"מוזמנים|guests)\b[^\n]*:\s*$", re.I)
# "תכניס לרשימה אחי", "pls add these to the list": an add verb and where to, no colon, the guests on the lines below
_LIST_HEADER_BARE = re.compile(r"^(?:add|להוסיף|תוסיף|תוסיפי|תוסיפו|הוסף|תכניס|תכניסי|להכניס|תכניסו|תרשום|תרשמי)"
                               r"(?:\s+(?:את\s+)?(?:these|them|all|הבאים|הבאות|אותם|אותן|גם))?"
                               r"(?:\s+(?:to\s+(?:the\s+|my\s+|our\s+)?(?:guest\s+)?list|לרשימה|לרשימת\s+(?:ה)?(?:מוזמנים|אורחים)|לליסט))?"
                               r"(?:\s+(?:אחי|אחותי|bro|pls|please|plz|בבקשה|תודה|thanks))?[\s.!,]*$", re.I)


_TABLE_COLUMNS = {"שם", "שמות", "שם פרטי", "שם משפחה", "משפחה", "טלפון", "נייד", "פלאפון", "מספר", "מס' טלפון", "כמות", "מקומות",
                  "מוזמנים", "צד", "הערות", "הערה", "name", "names", "first name", "last name", "surname", "full name", "phone",
                  "mobile", "cell", "number", "phone number", "guests", "party", "party size", "count", "qty", "side", "notes",
                  "note", "#", "מס'", "מס"}


def _table_header(line: str) -> bool:
    """"שם, טלפון, כמות", "Name,Phone,Guests", tab-separated column names: a pasted sheet's first row."""
    cells = [c.strip().lower() for c in re.split(r"[\t,;|]", line) if c.strip()]
    return len(cells) >= 2 and all(c in _TABLE_COLUMNS for c in cells) and any(
        c in {"טלפון", "נייד", "פלאפון", "phone", "mobile", "cell", "phone number", "מספר"} for c in cells)


_TAKE_OFF_HEAD = re.compile(r"(?:^|\s)(?:remove|delete|drop|uninvite|take\s+off|cross\s+off|תמחק|תמחקי|תמחקו|למחוק|מחק|מחקי|תוריד|"
                            r"תורידי|להוריד|תוציא|תוציאי|להוציא|הסר|תסיר|תסירי|להסיר)(?![\w\u05d0-\u05ea])", re.I)


def _guest_list_under_header(text: str, region, today) -> Reading | None:
    """"הנה עוד כמה להוסיף:", "Adding these:" on the first line, one guest a line after it."""
    lines = [x.strip() for x in text.replace("\r", "\n").split("\n") if x.strip()]
    if lines and any(_TAKE_OFF_HEAD.search(x) for x in {lines[0], lines[-1]}):
        return None   # "remove these:", "תמחקי את הבאים:" above the rows: never read as adding them
    if len(lines) >= 3 and _LIST_HEADER_BARE.match(_strip_polite(lines[-1])) and not _LIST_HEADER_BARE.match(_strip_polite(lines[0])):
        lines = lines[-1:] + lines[:-1]   # "דניאל כהן, 050…\nמיכל כהן, 050…\nתוסיפו בבקשה": the verb said after the list
    phoned = lambda xs: all(_IL_PHONE.search(x) or _phone(x, region)[0] for x in xs)   # noqa: E731
    if len(lines) >= 4 and _LIST_HEADER_BARE.match(_strip_polite(lines[0])) and lines[1].endswith(":") \
            and not phoned(lines[1:2]) and len(lines[1].split()) <= 4 and phoned(lines[2:]):
        lines = lines[:1] + lines[2:]   # "אחיות משמרת בוקר:\n<guest lines>\nנא להוסיף": who they are, then the list, then the verb
    if len(lines) >= 2 and phoned(lines) and all(_loose_guest(x, region) is not None for x in lines) \
            and not any(_LIST_HEADER.search(x) or _LIST_HEADER_BARE.match(_strip_polite(x)) for x in lines):
        # guest lines pasted with no header: every one of them, asked before they are added
        listed = C.parse("add guests\n" + "\n".join(lines), region, today)
        if isinstance(listed, C.AddGuests) and len(listed.guests) == len(lines):
            return Reading(refine("add guests\n" + "\n".join(lines), listed, region, today).command, sure=False)
        return None
    head = lines[0] if lines else ""
    if len(lines) >= 2 and head.endswith(":") and len(head.split()) <= 8 and not re.search(r"\d{3}", head) \
            and not (_LIST_HEADER.search(head) or _LIST_HEADER_BARE.match(_strip_polite(head))):
        said = C.parse(head.rstrip(":").strip(), region, today)
        if isinstance(said, C.ParseError) and said.usage is None:
            # "groom side, from Daniel's mom:", "החברים מהעבודה:" above pasted rows: who they are (a side named is theirs),
            # and every row a guest, asked before they are added
            listed = C.parse("add guests\n" + "\n".join(lines[1:]), region, today)
            if isinstance(listed, C.AddGuests) and len(listed.guests) == len(lines) - 1 and not listed.errors:
                listed = refine("add guests\n" + "\n".join(lines[1:]), listed, region, today).command
                side = _side_in(_words(head)) if isinstance(listed, C.AddGuests) else None
                if side:
                    listed = dataclasses.replace(listed, guests=tuple(
                        g if g.side else dataclasses.replace(g, side=side) for g in listed.guests))
                if isinstance(listed, C.AddGuests):
                    return Reading(listed, sure=False)
    if len(lines) < 2 or not (_LIST_HEADER.search(lines[0]) or _LIST_HEADER_BARE.match(_strip_polite(lines[0]))
                              or _table_header(lines[0])) \
            or not phoned(lines[1:]):
        return None
    body = [re.sub(r"\s+[-–—]\s+(?=[+\d(])", " ", x) for x in lines[1:]]   # "זיו כץ - 054-8800112"
    listed = C.parse("add guests\n" + "\n".join(body), region, today)
    if not isinstance(listed, C.AddGuests):
        return None
    return refine("add guests\n" + "\n".join(body), listed, region, today)


_THANKS_HEADS = ("thank you", "thanks", "thank u", "thx", "ty", "many thanks", "תודה", "תודות", "תנקס", "תנקיו", "מרסי",
                 # blessings said for thanks: "ברוך תהיה על העזרה", "תבורכי", "כל הכבוד לך", "you're the best", "bless you"
                 "ברוך תהיה", "ברוכה תהיי", "ברוכים תהיו", "ברוך שתהיה", "תבורך", "תבורכי", "תבורכו", "יישר כוח", "ישר כוח",
                 "כל הכבוד", "you're the best", "youre the best", "you are the best", "bless you", "god bless", "cheers",
                 "much appreciated", "appreciate it", "you rock", "you're a star", "you're amazing")
_THANKS_REST = {"so", "much", "very", "a", "lot", "again", "for", "the", "your", "all", "help", "helping", "everything",
                "you're", "youre", "you", "are", "lifesaver", "life", "saver", "amazing", "great", "best", "star", "genius",
                "appreciate", "it", "really", "bot", "רבה", "ענקית", "ענק", "על", "העזרה", "עזרה", "הכל", "הכול", "שוב",
                "אתה", "את", "אלוף", "אלופה", "מלך", "מלכה", "תותח", "תותחית", "גאון", "גאונה", "מדהים", "מדהימה",
                "הבוט", "בוט", "ממש", "מאוד", "באמת", "וואו", "ואו", "ענקק", "חחח", "מציל", "מצילה", "חיים", "החיים",
                "לך", "לכם", "עוזר", "עוזרת", "גדול", "גדולה", "wonderful", "awesome", "helpful", "so", "much", "ever", "you've",
                "been", "most", "very", "kind", "lovely", "brilliant"}


def _thanks_to_bot(line: str) -> bool:
    """"Thanks so much, you're a lifesaver", "תודה רבה על העזרה": thanks to the bot, not a message to the guests."""
    low = re.sub(r"[^\w\s'’]", " ", line.lower()).strip()
    words = low.split()
    while len(words) > 1 and words[0] in _ACK:   # "סבבה תודה", "אחלה, תודה רבה": noted, then thanks
        words = words[1:]
    low = " ".join(words)
    head = next((h for h in _THANKS_HEADS if low == h or low.startswith(h + " ")), None)
    if head is None:
        return False
    rest = low[len(head):].split()
    return len(rest) <= 8 and all(w.replace("’", "'") in _THANKS_REST or w in _ACK for w in rest)


_PHONE_NOUNS = {"number", "phone", "mobile", "cell", "מספר", "טלפון", "נייד", "פלאפון", "הפלאפון", "סלולרי"}
_PHONE_FIX_CUES = {"wrong", "correct", "correction", "should", "new", "changed", "instead", "actually", "edit", "update",
                   "change", "fix", "typo", "טעיתי", "טעות", "הנכון", "נכון", "חדש", "החדש", "השתנה", "התחלף", "החליף",
                   "החליפה", "עדכון", "תיקון", "תשנה", "תשני", "תעדכן", "תעדכני", "תתקן", "תתקני", "עדכן", "תקן", "שנה",
                   "לעדכן", "לתקן", "לשנות", "בטעות", "שגוי", "השגוי"}
_PHONE_FIX_FILLER = {"the", "of", "for", "is", "its", "it's", "it", "should", "be", "to", "now", "his", "her", "their",
                     "a", "has", "her's", "please", "pls", "i", "made", "typo", "in",
                     "kindly", "נא", "אנא", "mr", "mrs", "ms",
                     "של", "את", "זה", "הוא", "היא", "צריך", "להיות", "שלו", "שלה", "עכשיו", "בבקשה", "ל", "ב", "ה", "תעשה",
                     "תעשי", "לא", "right", "one", "so", "אז", "פה", "יש", "כאן"}


def _phone_fix(line: str, region) -> Reading | None:
    """"טעיתי במספר של שושי, הנכון 050-...", "yonis number is wrong its 052...", "תעשה edit לטלפון של ליאור 053...":
    one guest's phone corrected, said in words: never a new guest or a co-organiser."""
    phone, rest = _safe_phone(_strip_polite(line), region)
    if phone is None or _IL_PHONE.search(rest):
        return None
    raw = [w.strip("'’-") for w in _WORD.findall(rest) if w.strip("'’-") and w not in ("?", ":")]
    low = [w.lower() for w in raw]
    bare = [_he_unprefix(w, "בלהמש") if _HE.match(w) else w for w in low]
    if not any(w in _PHONE_NOUNS or b in _PHONE_NOUNS for w, b in zip(low, bare)) \
            or not any(w in _PHONE_FIX_CUES or b in _PHONE_FIX_CUES for w, b in zip(low, bare)) \
            or {"add", "guest", "guests", "member", "invite"} & set(low) or any(_he_in(w, _HE_ADD_VERBS) for w in low):
        return None
    name, after_cue = [], False
    for w, lw, b in zip(raw, low, bare):
        if lw in _PHONE_FIX_CUES or b in _PHONE_FIX_CUES or lw in _PHONE_FIX_FILLER or lw in _PHONE_NOUNS or b in _PHONE_NOUNS:
            if name:
                break    # the name is one run of words: "המספר של עומר לא נכון, הנכון זה ..."
            after_cue = lw not in _PHONE_FIX_FILLER or lw in _PHONE_NOUNS
            continue
        # "שנה טלפון לרבקה": "to Rivka" right after the verb or the noun (not after "של": "של ליאור")
        name.append(_he_unprefix(w) if after_cue and not name and _HE.match(w) and len(w) > 3 else w)
    if not name or len(name) > 3:
        return None
    text = re.sub(r"['’]s$", "", " ".join(name), flags=re.I)
    if re.search(re.escape(name[-1]) + r"\s+(?:phone|number|mobile|cell)\b", rest, re.I) and re.fullmatch(r"[a-z]{3,}s", name[-1], re.I):
        text = text[:-1]    # "yonis number is wrong": Yoni's
    ref = _ref(text, region)
    return Reading(C.EditGuest(ref, "phone", phone), sure=False) if ref else None


_LINE_LIST_HEAD = re.compile(r"^(?:(?:can\s+you\s+|please\s+|pls\s+)?add(?:\s+(?:these|the\s+following|guests|them|all\s+of\s+these))?"
                             r"|(?:(?:i'?m|we'?re|i\s+am|we\s+are)\s+)?adding|(?:אני\s+|אנחנו\s+)?(?:מוסיף|מוסיפה|מוסיפים|מכניס|מכניסה|מכניסים)"
                             r"|תוסיף|תוסיפי|הוסף|להוסיף|תכניס|תכניסי|הוספה)"
                             r"(?:\s+(?P<n>\d{1,2}|" + "|".join(sorted(_PARTY_NUM, key=len, reverse=True)) + r")(?=\s+[^\s:\d+]))?"   # "add 2 guests: ..."
                             r"(?:\s+[^\s:\d+]+){0,6}\s*:\s*", re.I)


# Given names that open with ו, never "and" + a name: "ויקטור" is Victor, not "and Yktor"
_VAV_NAMES = r"(?:ויקטור|ויקטוריה|ויקי|ורד|ורדה|ורדית|ורה|ולדימיר|ולדי|ולרי|ולריה|ואדים|ויטלי|ויטה|ויולט|ויויאן|וליד|וסים|ואיל|ויסאם|ונסה|ווליד|וולף|וילי|ויליאם|ויאצ'סלב|ויאצסלב|ודים|וג'די|ואנונו|ויצמן|וקנין)"


# "and" before the next guest ("ואת רונית", "ו-רונית", "ורונית", "and Ronit"), but not the ו that opens "ורד", "ויקטור"
_AND_BEFORE_GUEST = re.compile(r"^\s*(?:ואת\s+|ו-|(?!" + _VAV_NAMES + r"(?![\u05d0-\u05ea]))ו(?=\S)|and\s+)", re.I)


def _guest_list_in_line(text: str, region, today) -> Reading | None:
    """"add these: Karen 0521112222, Mike 0523334444, and the Goldbergs 052-555-6666 (family of 4)": one guest
    between commas, on one line."""
    if "\n" in text.strip():
        return None
    m = _LINE_LIST_HEAD.match(_strip_polite(text.strip()))
    if not m:
        return None
    rest = _strip_polite(text.strip())[m.end():]
    # (", ו" is "and", unless the ו opens the name itself: ", ויקטור 052…"; "and Victor" is written "וויקטור")
    vav = r"(?:ו-(?=\S)|(?!" + _VAV_NAMES + r"(?![\u05d0-\u05ea]))ו(?=\S))"
    between = r";\s*(?:and\s+|" + vav + r")?" if ";" in rest else (r"[,;]\s*(?:and\s+|" + vav + r")?|\s+and\s+(?=\S+(?:\s+\S+)?\s+[+\d(])"
                                                                 r"|(?<=\d)\s+" + vav + r"(?=\S+(?:\s+\S+)?\s+[+\d(])")   # "אבי 050… ותמר 050…"
    parts = [p.strip() for p in re.split(between, rest) if p.strip()]   # "Maya Cohen, 052…; Jonathan Reiss, 050…": between semicolons
    if len(parts) < 2 or not all(_phone(p, region)[0] for p in parts):
        return None
    parts = [re.sub(r"^the\s+(\S+?)s(?=\s+[+\d(])", r"\1", p, flags=re.I) for p in parts]   # "the Goldbergs": the Goldberg family
    parts = [re.sub(r"\((?:family\s+of|party\s+of)\s+(\d{1,2})\)", r"party \1", p, flags=re.I) for p in parts]
    listed = C.parse("add guests\n" + "\n".join(parts), region, today)
    if not isinstance(listed, C.AddGuests) or len(listed.guests) != len(parts):
        return None
    said = m.group("n")
    if said and (int(said) if said.isdecimal() else _PARTY_NUM.get(said.lower())) != len(parts):
        return None   # "add 3 guests: ..." with two of them: which is meant, the grammar's hint asks
    return Reading(listed, sure=False)


def _second_look(command, line: str, region):
    """Readings the rules above reach by a side road that the whole sentence says otherwise."""
    exact = command
    if isinstance(exact, C.MessageGuest) and re.match(r"^(?:ה)?כתובת\s+|^the\s+(?:exact\s+|new\s+|right\s+)?address\s+", _strip_polite(line), re.I):
        m = re.match(r"^(?:ה)?כתובת\s+(?:ה)?(?:מדויקת|חדשה|נכונה|המדויקת|החדשה|הנכונה)?\s*(?:היא|הוא|זה|זו|:)\s*(.+?)(?:[.!]\s*(?:אבקש|נא|תתקן|תתקני|תעדכן|please|pls).*)?$"
                     r"|^the\s+(?:exact\s+|new\s+|right\s+)?address\s+is\s+(.+?)(?:[.!]\s*(?:please|pls|fix|update).*)?$", _strip_polite(line), re.I)
        if m:   # "הכתובת המדויקת היא רחוב המלך דוד 23, ירושלים. אבקש לתקן.": the event's place, not a message to a guest
            return Reading(C.SetEventField("location", (m.group(1) or m.group(2)).strip(" .!")), sure=False)
    if isinstance(exact, C.Broadcast) and re.search(r"\b(?:who|that)\s+(?:came|attended|were\s+there)\b|(?:ש|מי ש)(?:הגיעו|באו|השתתפו)", line, re.I) \
            and re.search(r"thank|תודה", line, re.I):
        return Reading(C.ThankYou(text=exact.text), sure=False)   # "send a thank-you to everyone who came: ..."
    if isinstance(exact, C.AddGuests) and len(exact.guests) == 1 and exact.guests[0].phone and re.search(
            r"(?<![\u05d0-\u05ea])(?:ש|כדי\s+ש)(?:תוכל|יוכל|יוכלו)\s+לעזור|(?<![\u05d0-\u05ea])ש(?:תעזור|יעזור|יעזרו)\s+(?:לי|לנו)\b|"
            r"\b(?:so|that)\s+(?:she|he|they)\s+can\s+help\b|\bto\s+help\s+(?:me|us)\s+(?:with|manage|organi[sz]e|run|plan)\b", line, re.I):
        # "אפשר להוסיף את אמא שלי שתוכל לעזור? 052-…": someone to help run the event, never a guest named "אמא שלי"
        return Reading(C.AddMember(phone=exact.guests[0].phone, role="editor"), sure=False)
    if isinstance(exact, C.Shabbat) and re.search(r"מוצאי\s+שבת|motzei|after\s+shabbat", line, re.I) and _HOLD_BACK.search(line):
        return _held_back_reply()
    if isinstance(exact, C.SetEventField) and re.search(r"(?<![\w])(?:אולי|כנראה|אעדכן|נעדכן|probably|maybe|might|i'?ll\s+(?:let\s+you\s+know|update)|not\s+sure)(?![\w])",
                                                        line, re.I) and not re.search(r"^(?:set|תשנה|תשני|שנה)\b", line, re.I):
        # "הרופא אמר אולי לדחות את הברית, כנראה ליום חמישי הבא, אני אעדכן": not decided yet, nothing to change
        return _held_back_reply()
    if isinstance(exact, C.EditGuest) and exact.field == "name" and re.search(r"שם\s+(?:ה)?אירוע|the\s+event'?s\s+name|event\s+name", line, re.I):
        m = re.search(r"(?:שם\s+(?:ה)?אירוע|the\s+event'?s\s+name|event\s+name)\s+(?:ל-?|to\s+)\s*(\S.*)$", line, re.I)
        if m:   # "לשנות את שם האירוע ל-70 שנה לקיבוץ": the event's name, no guest's
            return Reading(C.SetEventField("name", m.group(1).strip(" .!")), sure=False)
    if isinstance(exact, C.MessageGuest) and re.fullmatch(r"(?:מקומ|מקום|המקום|מיקום|כתובת|location|place|venue)", exact.ref.text.strip(), re.I):
        return Reading(C.SetEventField("location", exact.text.strip(" .!")), sure=False)   # "תכתוב מקום: אולם מורדות הים"
    m = re.fullmatch(r"(?:רק\s+)?ל-?(?:ה)?([\u05d0-\u05ea]{2,}(?:ים|ות))", exact.ref.text.strip()) if isinstance(exact, C.MessageGuest) else None
    if m and not _status_in([m.group(1)]):
        side = re.sub(r"^וו", "ו", m.group(1))   # "הודעה רק לוותיקים: ...": a group, named as a side
        return Reading(C.Broadcast(text=exact.text, side=side), sure=False)
    if isinstance(exact, C.RemoveMember) and re.search(r"(?:שיהיה|שתהיה|שיישאר|שתישאר|רק)\s+(?:רק\s+)?(?:צופה|צופים|בצפייה)|"
                                                       r"(?:just|only)\s+(?:a\s+)?viewer|view[\s-]only", line, re.I):
        return Reading(C.ChangeRole(ref=exact.ref, role="viewer"), sure=False)   # "תוציא את אייל מהניהול, שיהיה רק צופה"
    if isinstance(exact, C.Reminders) and re.search(r"day\s+before|יום\s+לפני|ערב\s+האירוע", line, re.I) and re.search(
            r"\bturn\s+(?:that\s+|it\s+)?(?:on|off)\b|\bswitch\s+(?:that\s+|it\s+)?(?:on|off)\b|(?:תכבה|תכבי|תפעיל|תפעילי|תדליק|תדליקי)\b", line, re.I):
        on = not re.search(r"\boff\b|תכבה|תכבי|בטל", line, re.I)   # "turn off the day before msg": the day-before message
        return Reading(C.DayBefore(on=on), sure=False)
    return None


_UPDATE_HEADER = re.compile(r"^(?:עדכון(?:\s+(?:סטטוס|קטן|מצב))?|סטטוס|תיקון|תיקון\s+קטן|עדכון\s+לגבי\s+אורח|(?:quick\s+|status\s+|small\s+)?update|correction|fyi|"
                            r"status)\s*[:\-–]\s*(\S.*)$", re.I)


def _correct(text: str, line: str, exact, region, today) -> Reading | None:
    fixed_ref = _fix_ref(getattr(exact, "ref", None))
    if fixed_ref is not getattr(exact, "ref", None):
        exact = dataclasses.replace(exact, ref=fixed_ref)
        return _correct(text, line, exact, region, today) or Reading(exact)
    words = _words(line)
    wset = set(words)
    if isinstance(exact, C.Called) and (re.search(r"[,;:.]", exact.ref.text) or set(w.lower() for w in _words(exact.ref.text)) & _SAID_WORDS):
        # "דיברתי עם שלומי, אמר כן", "I called Dana, said yes": the name ends at the comma and never carries "said";
        # the call re-read, asked first, or whom asked
        again = _called_rule(line, line.lower(), words, wset, region)
        return again if again is not None and isinstance(again.command, C.Called) else _whom()
    to_role = re.match(r"^(.+?)\s+(?:to|into|as)\s+(?:an?\s+)?(\S+?)s?(?:\s+(?:instead\s+of|rather\s+than|not)\s+.*)?\W*$", exact.ref) \
        if isinstance(exact, C.UseEvent) and isinstance(exact.ref, str) else None
    if to_role and to_role.group(2).lower() in C._ROLES:
        # "switch Maya to viewer": a role changed, not an event called "Maya to viewer" (asked first)
        ref = _ref(to_role.group(1), region)
        if ref:
            return Reading(C.ChangeRole(ref=ref, role=C._ROLES[to_role.group(2).lower()]), sure=False)
    old_role = _OLD_ROLE.search(line) if isinstance(exact, (C.ChangeRole, C.AddMember)) else None
    if old_role and _role_in(_words(line[:old_role.start()])):
        # "make Shira an editor instead of admin": the role she had is no part of the change (asked first)
        said = line[:old_role.start()]
        again = refine(said, C.parse(said, region, today), region, today)
        if isinstance(again.command, type(exact)):
            return Reading(again.command, sure=False)
        return Reading(C.ParseError(C.parse("role", region, today).message, None))
    if isinstance(exact, C.MarkGuest) and exact.ref.number is None and exact.ref.phone is None and (
            re.search(r"[,;:.]", exact.ref.text) or set(w.lower() for w in _words(exact.ref.text)) & _SAID_WORDS):
        # "mark Dana, she said yes", "סמן את רינה אמרה כן": the name ends before the comma and "said"; asked first
        who = re.split(r"[,;:.]|\s+(?=(?:" + "|".join(map(re.escape, sorted(_SAID_WORDS, key=len, reverse=True))) + r")(?![\w']))",
                       exact.ref.text, flags=re.I)[0].strip()
        ref = _ref(who, region) if who else None
        return Reading(dataclasses.replace(exact, ref=ref), sure=False) if ref else _whom()
    if isinstance(exact, C.EditGuest) and (re.search(r"\sאת$", exact.ref.text) or re.match(r"^ל-?[\u05d0-\u05ea]", exact.ref.text)):
        # "תשנה לשרה את הצד לאמא": the ל and the את are no part of the guest's name, nor the ל of the value
        said = _he_field_edit(line, region)
        if said is not None:
            return said
    if isinstance(exact, C.EditGuest) and exact.field in ("note", "name") and str(exact.value).startswith(":"):
        fixed = dataclasses.replace(exact, value=str(exact.value).lstrip(": "))   # "note to: ..."
        return _correct(text, line, fixed, region, today) or Reading(fixed)
    if isinstance(exact, C.EditGuest) and exact.field == "name" and exact.ref.text.lower() in {
            "this event", "the event", "event", "it", "this", "our event", "האירוע", "את האירוע"}:
        return Reading(C.SetEventField("name", str(exact.value)), sure=False)   # "rename this event to ..."
    if isinstance(exact, C.EditGuest) and exact.field == "name" and re.search(
            r"\b(?:phone|number|side|note|party)\b|'s\s", exact.ref.text, re.I):
        # "change Mr. Levinson's phone number to ...", "change side of 7 to groom": never a new name
        return _edit_guest(line, line.lower(), words, wset, region) or Reading(
            C.ParseError(C.parse("edit", region, today).message, None))
    team = re.match(r"^(?:תוסיף|תוסיפי|הוסף|להוסיף|תכניס|תכניסי|add)\s+(?:a\s+|new\s+|חבר\s+)*(?:member|team\s+member|organi[sz]er|co-organi[sz]er)\s*[:\-–]\s*(\S.*)$",
                    line, re.I) if isinstance(exact, C.AddGuests) else None
    if team:
        # "תוסיף member: 053-9998887 editor": someone to manage the event with, no guest called "editor"
        said = "add member " + team.group(1)
        again = C.parse(said, region, today)
        if isinstance(again, C.AddMember):
            return Reading(again, sure=False)
    if isinstance(exact, C.MessageGuest) and exact.ref.text.strip().lower() in {"בבקשה", "את", "please", "pls", "plz", "לי", "לנו"}:
        # "תכתוב בבקשה את המספר החדש של ברכה 03-...": "please" or "את" is no one to write to; a new number is that guest's phone
        rest = re.sub(r"^\S+\s+(?:(?:בבקשה|please|pls|plz|לי|לנו)\s+)*(?:את\s+)?", "", line, flags=re.I)
        fixed = _phone_fix(rest, region) if rest != line else None
        if fixed is not None and isinstance(fixed.command, C.EditGuest):
            return Reading(fixed.command, sure=False)
        said = re.sub(r"^(\S+)\s+(?:(?:בבקשה|please|pls|plz)\s+)+", r"\1 ", line, flags=re.I)
        again = C.parse(said, region, today) if said != line else None
        if isinstance(again, C.MessageGuest) and again.ref.text.strip().lower() not in {"את", "לי", "לנו"}:
            return Reading(again, sure=False)   # "תכתוב בבקשה לדני ש...": to Dani, asked first
        return _whom()
    if isinstance(exact, C.MessageGuest) and exact.ref.text.strip() in {"אצל", "ליד", "יד", "בכרטיס", "בהערות"}:
        # "תכתוב אצל הרב ברגר שצריך כיסא גלגלים": written at the guest's card, a note, no message to him
        noted = _edit_guest(line, line.lower(), words, wset, region)
        if noted is not None and isinstance(noted.command, C.EditGuest):
            return Reading(noted.command, sure=False)
        return Reading(C.ParseError(C.parse("edit", region, today).message, None))
    if isinstance(exact, C.Cancel) and len(words) > 1 and words[0] in {"ביטול", "לבטל", "cancel"}:
        # "ביטול שעות שקט", "cancel the automatic reminders": that setting off, not "never mind"
        said = "בטל " + line.split(None, 1)[1]
        again = refine(said, C.parse(said, region, today), region, today).command
        if isinstance(again, (C.Quiet, C.Notify, C.Reminders, C.DayBefore, C.Shabbat)):
            return Reading(again, sure=False)
    m = _UPDATE_HEADER.match(line) if isinstance(exact, C.ParseError) and "\n" not in text.strip() else None
    if m:
        # "עדכון סטטוס: משפחת לוי – אישרו, 4", "תיקון: ...", "quick update: ...": the header names no command
        again = refine(m.group(1), C.parse(m.group(1), region, today), region, today)
        if not isinstance(again.command, C.ParseError):
            spec = C.spec_for(again.command)
            return Reading(again.command, sure=again.sure and not (spec and spec.writes))
    if isinstance(exact, C.ParseError) and words and words[0] in _NOMINAL_VERBS:
        # "מחיקת האירוע של כהן-פרץ", "שליחת הזמנות לחדשים": a coordinator's noun for the verb
        verb, keep = _NOMINAL_VERBS[words[0]]
        rest = line.split(None, 1)[1] if len(line.split(None, 1)) > 1 else ""
        said = f"{verb} {rest}".strip()
        again = refine(said, C.parse(said, region, today), region, today).command
        if isinstance(again, C.ParseError) and keep is not None and set(words[1:]) <= keep and len(words) > 1:
            said = f"{verb} {words[1]}"     # "שליחת הזמנות לחדשים": "שלח הזמנות"
            again = refine(said, C.parse(said, region, today), region, today).command
        if not isinstance(again, C.ParseError) or again.usage is not None:
            return Reading(again, sure=False)   # (or the verb's own hint: "delete event works on the current event")
    if isinstance(exact, C.GuestCard) and re.match(r"^(?:אורח|אורחת)\s+(?:נוסף|נוספת|חדש|חדשה)\s*:", line):
        said = re.sub(r"^(?:אורח|אורחת)\s+(?:נוסף|נוספת|חדש|חדשה)\s*:\s*", "הוסף ", line)   # "אורח נוסף: דוד אוחנה 050…"
        again = C.parse(said, region, today)
        if isinstance(again, C.AddGuests):
            return refine(said, again, region, today)
    if isinstance(exact, C.GuestCard) and exact.ref.number is None and exact.ref.phone is None and \
            exact.ref.text.lower().strip(" ?.!") in {"list", "lists", "the list", "רשימה", "הרשימה", "ליסט", "list please"}:
        return Reading(C.ListGuests())   # "show guest list": the list, no guest called "list"
    if isinstance(exact, C.GuestLink) and re.match(r"^(?:for|to|of|של|ל-)\s+\S", exact.ref.text, re.I):
        return Reading(dataclasses.replace(exact, ref=_fix_ref(_ref(exact.ref.text.split(None, 1)[1], region) or exact.ref)))
    if isinstance(exact, C.MessageGuest) and _NOTIFY_ME.match(_strip_polite(line)):
        return Reading(C.Notify(on=True))   # "tell me whenever someone rsvps": not a message to a guest called "me"
    if isinstance(exact, (C.ParseError, C.ThankYou, C.Help)) and _thanks_to_bot(line):
        # "Thank you so much, you're a lifesaver", "תודה על העזרה": politeness to the bot, never a send
        return Reading(C.ParseError(i18n._("You're welcome! 😊"), None))
    if isinstance(exact, (C.AddGuests, C.AddMember, C.ParseError)) and "\n" not in text.strip():
        fixed_phone = _phone_fix(line, region)
        if fixed_phone is not None:
            return fixed_phone
    listed = _guest_list_under_header(text, region, today)
    if listed is not None and not isinstance(exact, C.AddGuests):
        return listed
    if isinstance(exact, (C.AddGuests, C.ParseError)):
        in_line = _guest_list_in_line(text, region, today)
        if in_line is not None and not (isinstance(exact, C.AddGuests) and len(exact.guests) == len(in_line.command.guests)
                                        and not any(_messy_guest(g) or g.first_name.endswith(":") for g in exact.guests)):
            return in_line
    if isinstance(exact, C.ParseError):
        m = re.match(r"^(?:שלח|תשלח|תשלחי|לשלוח|send|message|tell)\s+(?:ל|to\s+)?(?:כל\s+|everyone\s+on\s+)?(?:ה)?(?:צד\s+של\s+(?:ה)?|the\s+)?"
                     r"([^\s:,]+?)(?:'s)?\s*(?:side\s*)?:\s*(\S.*)$", _strip_polite(line), re.I)
        if m and re.search(r"צד|side", line[:line.find(":")], re.I):
            name = m.group(1)   # "שלח לצד של אבא: מי שצריך הסעה ...": a message to one side, named after a person
            return Reading(C.Broadcast(text=m.group(2).strip(), side=_SIDE.get(name.lower(), name)), sure=False)
        sent = _audience_message(_strip_polite(line), region, today)   # "send to the bride's side: ..."
        if sent is not None:
            return sent
    m = re.match(r"^(?:תענה|תעני|תדבר|תדברי|תכתוב|תכתבי|answer|reply|talk|write|speak)\s+(?:לי|to\s+me|me)\b(.*)$", line, re.I)
    if m and not isinstance(exact, C.SetLanguage):
        said = [w for w in _words(m.group(1))[:3] if w.lower() in _LANG]
        if said:   # "תענה לי מעכשיו באנגלית", "תכתוב לי בעברית אני לא מבינה אנגלית"
            return Reading(C.SetLanguage(code=_LANG[said[0].lower()]), sure=False)
    if isinstance(exact, C.Confirm) and exact.answer == "yes" and wset and wset <= _ACK:
        # "ok" alone says "noted", not "yes, do it": the grammar's yes/no question stands, nothing runs
        asked = C.parse("yes " + "x" * 3, region, today)   # the grammar's own "Answer yes or no (or cancel)"
        return Reading(asked if isinstance(asked, C.ParseError) else exact)
    if isinstance(exact, C.SetLanguage) and wset & _GUEST_SIDE_LANG:
        # "תקבע שההזמנות לאירוע יצאו באנגלית": the language the guests get, not the organiser's
        return Reading(C.SetEventField("language", exact.code), sure=False)
    if isinstance(exact, C.EditGuest) and exact.field in ("first_name", "last_name") and (
            re.search(r"(?:^|\s)את$|'s$|\bof\b|^the$", exact.ref.text or "", re.I)
            or re.match(r"ל|(?:of|for)\s", str(exact.value), re.I)):
        # "תשנה לדני את שם המשפחה לכהן": the grammar took "לדני את" for the guest
        return _edit_guest(line, line.lower(), words, wset, region) or Reading(exact, sure=False)
    if isinstance(exact, C.EditGuest) and exact.field == "side" and str(exact.value).lower() not in _SIDE:
        # "change the side of Ruth to the bride": the grammar took "the" for the guest
        return _edit_guest(line, line.lower(), words, wset, region) or Reading(exact, sure=False)
    if isinstance(exact, C.MarkGuest) and exact.ref.number is None and exact.ref.phone is None:
        name = re.sub(r"\s+(?:as(?:\s+an?)?|down(?:\s+as(?:\s+an?)?)?)$", "", exact.ref.text, flags=re.I).strip()
        if name and name != exact.ref.text:   # "mark Ben as a maybe": Ben
            exact = dataclasses.replace(exact, ref=C.Ref(text=name))
            return _correct(text, line, exact, region, today) or Reading(exact)
    if isinstance(exact, C.ListGuests) and wset & {"details", "info", "פרטים", "הפרטים", "פרטי"} and (
            wset & _EVENT_NOUNS) and not wset & {"guest", "guests", "אורחים", "האורחים", "אורח"}:
        return Reading(C.ShowEvent())   # "תראה לי את הפרטים של החתונה": the event's details
    if isinstance(exact, C.ListGuests):
        # "למי אני צריך להתקשר" is the call list; "show me Dana's card" is one guest
        r = _calls_rule(line, line.lower(), words, wset)
        if r is None and wset & {"card", "details", "info", "כרטיס", "הכרטיס", "פרטים", "הפרטים"}:
            r = _card_rule(line, region)
        return r
    if isinstance(exact, C.MarkGuest):
        r = _called_rule(line, line.lower(), words, wset, region)   # "spoke to the Levis, they can't make it"
        if r is not None:
            return r
    if isinstance(exact, C.ThankYou):
        m = _THANKS_AUDIENCE.match(exact.text)
        if m and exact.text[m.end():].strip():   # "thank you לכולם: תודה שבאתם!"
            return Reading(C.ThankYou(text=exact.text[m.end():].strip()))
        head, colon, after = exact.text.partition(":")
        if colon and after.strip() and len(_words(head)) <= 6:   # "thank you note לכל מי שהגיע: תודה ש..."
            return Reading(C.ThankYou(text=after.strip()))
        return None
    if isinstance(exact, C.AddGuests):
        tidy = _tidy_guests(exact)
        if tidy != exact:
            return _correct(text, line, tidy, region, today) or Reading(tidy)
    if isinstance(exact, C.AddGuests) and (exact.errors or any(
            (g.side and re.search(r"\s\d{1,2}$", g.side)) or (not g.side and g.last_name
                                                            and g.last_name.split()[-1].lower() in _SIDE)
            for g in exact.guests)):
        return _fix_guest_lines(text, exact, region)
    if isinstance(exact, C.AddGuests) and len(exact.guests) == 1 and "\n" not in text.strip() and \
            _messy_guest(exact.guests[0]) and not _role_in(_words(f"{exact.guests[0].first_name} {exact.guests[0].last_name}")) \
            and _role_said(line) != "admin":   # ("עם הרשאות ניהול": a role, never a guest's name)
        # "הוסף אורחת חדשה - ליאת מלכה, 050…, צד חתן, 2 מקומות": words around the guest, read loosely
        loose = _add_guest(line, region)
        if loose is not None and isinstance(loose.command, C.AddGuests) and len(loose.command.guests) == 1:
            kept = exact.guests[0]
            read = loose.command.guests[0]
            if not (kept.side and not read.side and kept.side in f"{read.first_name} {read.last_name}"):
                return loose   # (but "טל 054… צד חברים של נועם": the side said, never Tal's name)
    if isinstance(exact, C.AddGuests) and len(exact.guests) == 1 and "\n" not in text.strip():
        g = exact.guests[0]
        if g.last_name and g.first_name not in _HE_ADD_VERBS and any(
                _edits(g.first_name, v) <= 1 for v in _HE_ADD_VERBS) and _HE.match(g.first_name):
            # "תוסיפ את שני 050…": a typo of the verb, not a guest named "תוסיפ"
            rest = re.sub(r"^(?:את|ה?אורח(?:ת)?)\s+", "", g.last_name).strip()
            if rest:
                first, last = C.split_name(rest)
                return Reading(C.AddGuests(guests=(dataclasses.replace(g, first_name=first, last_name=last),)),
                               sure=False)
        near = difflib.get_close_matches(g.first_name.lower(), _NEAR_COMMAND_WORDS, n=1, cutoff=0.75)
        if g.last_name and near and near[0] != g.first_name.lower() and g.first_name not in _NAMES_NEAR_COMMANDS:
            # "add gust Dana 050…": a typo of "guest", not a guest named "gust"
            first, last = C.split_name(g.last_name)
            return Reading(C.AddGuests(guests=(dataclasses.replace(g, first_name=first, last_name=last),)),
                           sure=False)
        name_words = _words(f"{g.first_name} {g.last_name}")
        if name_words and name_words[-1] in _SIDE and not g.side:   # "Jack Turner 054…, groom"
            rest_name = " ".join(f"{g.first_name} {g.last_name}".split()[:-1]).strip(" ,")
            if rest_name:
                first, last = C.split_name(rest_name)
                g = dataclasses.replace(g, first_name=first, last_name=last, side=_SIDE[name_words[-1]])
                return Reading(C.AddGuests(guests=(g,), errors=exact.errors))
        role = _role_for(name_words, line) if not _role_is_title(words) else _role_said(line)
        if role or wset & {"לצוות", "team", "לניהול", "לנהל"}:
            return Reading(C.AddMember(phone=g.phone, role=role or "editor"), sure=False)
        # "תוסיף לרשימת המוזמנים את ענבל", "תוסיף guest: John"
        drop = {"לרשימת", "המוזמנים", "guest", "guest:", "את", "לרשימה", "אורח", "אורחת", "ppl", "people", "לי", "לנו", "הוספה", "הוספת",
                "אנשים", "so", "and", "בבקשה", "please", "pls", "plz"}
        said = f"{g.first_name} {g.last_name}".split()
        # ("and" between two names joins a couple: "David and Ruth Benson" keeps it)
        name = [w for i, w in enumerate(said) if w.lower().strip(":,") not in drop
                or w.lower() == "and" and 0 < i < len(said) - 1 and said[i - 1].lower() not in drop]
        if len(name) != len(said) and name:
            first, last = C.split_name(_strip_relation(" ".join(name)))
            g = dataclasses.replace(g, first_name=first, last_name=last)
            return Reading(C.AddGuests(guests=(g,), errors=exact.errors))
        date_in_name, _rest = find_date(f"{g.first_name} {g.last_name}", today)
        if date_in_name is not None or set(name_words) & _COMMAND_WORDS:
            return Reading(exact, sure=False)
        return None
    if isinstance(exact, C.RemoveGuest) and exact.ref.number is None and exact.ref.phone is None:
        ref_words = _words(exact.ref.text)
        rset = set(ref_words)
        m = re.match(r"^(?:מהרשימה|מה-?רשימה|from\s+the\s+list|off\s+the\s+list)\s+(?:את\s+)?(\S.*)$", exact.ref.text,
                     re.I)
        if m:   # "תוריד מהרשימה את שמעון"
            ref = _ref(m.group(1), region)
            return Reading(C.RemoveGuest(ref=ref)) if ref else None
        if ref_words and _he_in(ref_words[0], _INVITATION_NOUNS):
            return Reading(_not_understood(line))   # "תמחק הזמנות": the invitations are no guest
        if ref_words and set(ref_words) <= _PRONOUNS:
            # "תמחק אותו", "delete him": whom? the grammar's own question, never a guess
            return Reading(C.parse("remove guest", region, today))
        if rset & {"me", "אותי"}:
            return Reading(C.Leave(), sure=False)
        if rset and rset <= _EVERYTHING:
            # "delete everything", "תמחק את כולם": never a guest of that name, never all at once
            return _one_at_a_time()
        role_change = _as_role_change(exact.ref.text, region)
        if role_change is not None:
            return role_change
        if _team_in(ref_words):
            ref = _ref(_strip_source(exact.ref.text), region)
            if ref:
                return Reading(C.RemoveMember(ref=ref), sure=False)
        staff = _staff_only(exact.ref.text, region)
        if staff is not None:
            return staff
        source = _strip_source(exact.ref.text)
        if source != exact.ref.text.strip() and source and not set(_words(source)) & _EVENT_NOUNS:
            # "remove Dana from the event": the guest, not the event
            ref = _ref(source, region)
            if ref:
                return Reading(C.RemoveGuest(ref=ref))
        if ref_words and (ref_words[0] in {"this", "the", "האירוע", "החינה", "החתונה", "אירוע"}
                          and rset & (_EVENT_NOUNS | {"it"}) or ref_words[0] in _EVENT_HEAD_NOUNS):
            return Reading(C.DeleteEvent())
        if rset & {"event", "האירוע"} or (ref_words and re.match(r"^ה-?(?:event|wedding|party)$", ref_words[0], re.I)):
            # "תמחקי את ה-event של הכנס": the English noun with the Hebrew article is the event still
            return Reading(C.DeleteEvent())
        return None
    if isinstance(exact, C.UseEvent) and re.match(r"^ל-?(?:ה)?(?:חתונה|אירוע|חינה|ברית|בר\s+מצווה|בת\s+מצווה|אירוסין|מסיבה)\s+\S", exact.ref):
        fixed = C.UseEvent(ref=re.sub(r"^ל-?", "", exact.ref))   # "switch לחתונה של Friedman": the wedding, not "to the wedding"
        return _correct(text, line, fixed, region, today) or Reading(fixed)
    if isinstance(exact, C.UseEvent) and re.match(r"^(?:פתח|תפתח|תפתחי|פתחי|לפתוח|open)\s+(?:לי\s+|לנו\s+)?(?:אירוע|event)\s+(?!של\s|of\s)\S", line, re.I) \
            and find_date(exact.ref, today)[0] is not None:
        # "פתח אירוע מסיבת סוף שנה אגודת הסטודנטים 24.6 בשעה 21:00": an event opened with its date is a new one, not
        # one to switch to (asked first)
        try:
            return _new_event("new event " + exact.ref, region, today)
        except C._Fail:
            return None
    if isinstance(exact, C.UseEvent):
        ref = exact.ref.lower().strip(" ?.!")
        ref = re.sub(r"\s+(?:pls|plz|please|thanks|thx|בבקשה|תודה)$", "", ref)   # "switch to hebrew pls"
        m = re.match(r"^(?:your\s+)?(?:replies|answers|messages|language)\s+(?:to\s+me\s+)?(?:to|into)\s+(\w+)$", ref)
        if m and m.group(1) in _LANG:   # "switch your replies to me to English"
            return Reading(C.SetLanguage(code=_LANG[m.group(1)]), sure=False)
        code = _LANG.get(ref) or _LANG.get(ref.split()[-1] if ref.split() else "")
        if code and (len(ref.split()) <= 2 or set(ref.split()[:2]) & {"language", "שפה", "השפה", "lang"}):
            return Reading(C.SetLanguage(code=code))
        if words[:3] in (["פתח", "אירוע", "חדש"],) or ref.startswith("חדש") or re.match(
                r"^(?:a\s+|another\s+)?(?:new|fresh)\s+(?:event|evnt|wedding|party)\b|^אירוע\s+חדש\b", ref):
            # "open a new event for the twins' bar mitzvah", "open new wedding": a new event, none to switch to
            try:
                return _new_event(line, region, today)
            except C._Fail as fail:
                return Reading(C.ParseError(fail.message, None))
        for rule in (lambda: _settings_rule(line, line.lower(), words, wset, region, today),
                     lambda: _card_rule(line, region) if wset & {"card", "details", "info", "כרטיס", "פרטים"} else None):
            r = rule()   # "switch the day before message on", "open Ben's card": no event by those names
            if r is not None:
                return r
        if re.search(r"(?:^|\s)(?:ל|ב)צד\b|(?:^|\s)(?:ל|ב)צד\s|\bside\b", ref):
            # "תעבירי את שירה לצד של החתן": a guest moves side, the event stays
            return _edit_guest(line, line.lower(), words, wset, region) or Reading(
                C.ParseError(C.parse("edit", region, today).message, None))
        return None
    if isinstance(exact, C.SetEventField) and exact.field == "name":
        value = str(exact.value)
        of_event = re.match(r"^של\s+(?:ה)?(?:אירוע|חתונה|מסיבה|ברית|חינה)\s+(?:ל-?|to\s+)\s*(\S.*)$", value)
        if of_event:
            # "תשנה את השם של החתונה לדנה ונועם": the event's name, never a guest called "the wedding" (asked first)
            return Reading(C.SetEventField("name", of_event.group(1).strip()), sure=False)
        m = re.match(r"^(?:(?:the|this|our|my)\s+event|event|של\s+האירוע|האירוע|it|this|that|אותו|אותה|זה)\s+(?:to\s+|ל-?)(.+)$",
                     value, re.I)
        if m:
            return Reading(C.SetEventField("name", m.group(1).strip()))
        to_kind = re.match(r"^ל-?((?:חתונת|חתונה|מסיבת|מסיבה|בר\s+מצו|בת\s+מצו|בר\s+המצו|בת\s+המצו|ברית|חינה|חינת|אירוסי|יום\s+הולדת|"
                           r"שבע\s+ברכות|ערב|טקס|אירוע)\S*\s+\S.*)$", value)
        if to_kind and not re.search(r"(?:אירוע|שם)\s*:", line):
            # "תשנה את השם לחתונה של שירה ודן": "to" the wedding of..., the kind of event is the name's first word
            return Reading(C.SetEventField("name", to_kind.group(1).strip()))
        if re.search(r"שם\s+(?:ה)?אירוע|event'?s?\s+name|name\s+of\s+(?:the|this|our)\s+event", line, re.I):
            if to_kind and not re.search(r"אירוע\s*:", line):
                # "שנה שם אירוע לחתונת ליאור & שני": "to" the wedding of..., the kind of event is the name's first word
                return Reading(C.SetEventField("name", to_kind.group(1).strip()))
            return None   # "עדכן שם האירוע: החינה של ליאת": the event's name said outright; its "ל" is no "to"
        m = re.match(r"^(?:ה)?(משפחה|פרטי)\s+(?:של\s+|ל-?)(\S+(?:\s+\S+)?)\s+(?:ל-?)\s*(\S.*)$", value)
        if m and re.search(r"(?:^|\s)(?:ה)?שם\s+(?:ה)?(?:משפחה|פרטי)\s", line):
            # "שנה שם משפחה של נויה לאזולאי", "תתקני שם פרטי של דנה לדניאלה": that part of a guest's name
            ref = _ref(m.group(2), region)
            if ref:
                return Reading(C.EditGuest(ref, "last_name" if m.group(1) == "משפחה" else "first_name", m.group(3).strip()), sure=False)
        m = re.match(r"^(?:של\s+)?(.+?)\s+(?:to|ל-?)\s*(.+)$", value, re.I)
        if m and not _words(m.group(1))[0] in {"the", "event", "האירוע"}:
            ref = _ref(m.group(1), region)
            if ref:
                return Reading(C.EditGuest(ref, "name", m.group(2).strip()), sure=False)
        if value.startswith("של "):
            m = re.match(r"^של\s+(\S+(?:\s+\S+)?)\s+ל(\S.*)$", value)
            if m:
                ref = _ref(m.group(1), region)
                if ref:
                    return Reading(C.EditGuest(ref, "name", m.group(2).strip()), sure=False)
        return None
    if isinstance(exact, C.SetEventField) and exact.field == "location":
        value = str(exact.value)
        if value.rstrip().endswith("?") and value.rstrip(" ?"):
            # "אפשר לשנות את המיקום לאולם הגן?": asked as a question; the "?" is no part of the place (asked first)
            fixed = dataclasses.replace(exact, value=value.rstrip(" ?"))
            return Reading((_correct(text, line, fixed, region, today) or Reading(fixed)).command, sure=False)
        if value.startswith("ל") and _HE.match(value[1:2] or "") and len(value) > 3:
            return Reading(C.SetEventField("location", value[1:]))
        if re.match(r"^של\s", value):
            # "תשנה את המקום של האירוע לגן הבוטני": the event's place, "of the event" no part of it (asked first);
            # "תשני את הכתובת של דנה ...": someone's place or address, never the event's
            m = re.match(r"^של\s+(?:ה)?(?:אירוע|" + _EVENT_KINDS[3:-1] + r")\s+(?:ל-?|to\s+)\s*(\S.*)$", value, re.I)
            if m:
                return Reading(C.SetEventField("location", m.group(1).strip(" .!")), sure=False)
            return Reading(_not_understood(line))
        return None
    if (isinstance(exact, C.Cancel) and len(words) >= 2) or (isinstance(exact, C.Help) and exact.topic is None
                                                              and len(words) > 2):
        stripped = _strip_polite(line)
        sw = _words(stripped)
        guessed = _guess_words(stripped, stripped.lower(), sw, set(sw), [], region, today) if sw else None
        if guessed is not None and type(guessed.command) is not type(exact) and not isinstance(
                guessed.command, C.ParseError):
            return guessed
        return None
    if isinstance(exact, C.FindGuests):
        fw = _words(exact.text)
        if fw and fw[0] in {"us", "me"}:
            return Reading(_not_understood(line))
        status = _status_in(fw)
        if status and len(fw) <= 3 and re.match(r"^(?:who|מי)\b", line.strip(), re.I):
            return Reading(C.ListGuests(status=status, side=_side_in(fw)))   # "who is coming": a list, not a search
        value = re.sub(r"^(?:לי\s+)?(?:את\s+)?(?:for\s+|אחרי\s+)?", "", exact.text, flags=re.I)
        # "Is there a Goldberg on the list?", "look up everyone named Levi", "find the משפחת Cohen"
        value = re.sub(r"^(?:there\s+)?(?:an?\s+|the\s+|any\s+)?(?:(?:everyone|everybody|anyone|someone|people|guests?)\s+(?:named|called|with\s+the\s+(?:sur|last\s*)?name)\s+)?",
                       "", value, flags=re.I)
        value = re.sub(r"\s+(?:on|in)\s+(?:the|my|our)\s+(?:guest\s+)?list\W*$|\s+(?:ברשימה|ברשימת\s+המוזמנים)\W*$", "", value, flags=re.I)
        value = re.sub(r"^(?:(?:כל\s+)?(?:מי|מה|אלה|אלו|מישהו|מישהי)\s+)?(?:ש)?(?:קוראים\s+(?:לו|לה|להם|להן)|בשם|ששמו|ששמה|ששמם)\s+", "", value)
        value = re.sub(r"^(?:(?:ה)?(?:אורח|אורחת|אורחים|מישהו|מישהי)\s+)?(?:בשם|שקוראים\s+(?:לו|לה)|ששמו|ששמה)\s+", "", value)
        family = re.match(r"^כל\s+ה([\u05d0-\u05ea]{2,})ים$", value)
        if family and family.group(1) not in {"אורח", "מוזמנ", "חבר", "דוד", "שכנ"}:
            # "כל האזולאים", "כל הכהנים", "כל הלויים": a family in the plural, searched by its name
            stem = family.group(1)
            value = stem + "י" if stem.endswith("א") else stem if stem.endswith("י") else stem[:-1] + _FINAL.get(stem[-1], stem[-1])
        value = re.sub(r"^כל\s+(?:משפחת\s+|ה(?=\S{3,}))", "", value)   # "תמצא לי את כל השפירא", "כל משפחת בן דוד"
        value = re.sub(r"^(?:ברשימה\s+)?(?:את\s+)?(?:ה)?(?:משפחה|אורחים|אורח)\s+(?:בשם|שנקראים|ששמם)\s+|^ברשימה\s+(?:את\s+)?", "", value)
        value = re.sub(r"^(?:guests?|people|anyone)\s+(?:with\s+the\s+(?:sur|last\s*)?name|named|called)\s+", "", value, flags=re.I)
        value = re.sub(r"^משפחת\s+", "", value)
        if value != exact.text and value:
            return Reading(C.FindGuests(text=value))
        return None
    if isinstance(exact, C.Leave) and len(words) <= 3 and wset <= _CANCEL_ONLY:
        return Reading(C.Cancel())
    if isinstance(exact, C.Ask) and ":" in line:
        head, _sep, asked = line.partition(":")
        hw = _words(head)[1:]
        if hw and (_status_in(hw) or _audience_ref(hw) or set(hw) & {"את", "the", "guests", "האורחים", "everyone"}):
            again = C.parse("ask " + asked.strip(), region, today)   # "תשאל את המאשרים: צריכים הסעה? כן / לא"
            if isinstance(again, C.Ask):
                return Reading(again)
    if isinstance(exact, C.MessageGuest) and re.match(r"^[-–—]\s*\S", exact.text):
        fixed = dataclasses.replace(exact, text=re.sub(r"^[-–—]\s*", "", exact.text))   # "הודעה לעידו - תביא..."
        return _correct(text, line, fixed, region, today) or Reading(fixed, sure=False)
    if isinstance(exact, C.MessageGuest) and exact.ref.number is None and exact.ref.phone is None:
        ref_words = _words(exact.ref.text)
        if ref_words and (ref_words[0] in {"בהערות", "בהערה", "להערות", "להערה", "הערה", "note"} or ref_words[:2] == ["a", "note"]) and not (
                ref_words[0] in ("note", "a") and "to" in ref_words[1:3]):
            # "תכתוב בהערות של משפחת גבאי שהם צריכים הסעה": a note on the guest, not a message to them
            return _edit_guest(line, line.lower(), words, wset, region) or _note_at(line, region) or Reading(C.ParseError(
                C.parse("edit", region, today).message, None))
        if ref_words and (ref_words[0] in _ALL_WORDS or ref_words[:2] == ["all", "guests"]):
            head, colon, after = (re.split(r"(:|\s[-–—]\s)", exact.text, maxsplit=1) + ["", ""])[:3]
            hw = _words(head)
            if colon and after.strip() and 0 < len(hw) <= 8 and _status_in(hw) and (
                    _audience_ref(hw) or hw[0] in {"מי", "who", "those"} or (ref_words[0] == "כל" and len(hw) <= 2 and hw[0].startswith("ה"))):
                # "תכתוב לכל מי שעוד לא ענה: ...", "שלח הודעה לכל המאשרים - נא להגיע עד 19:15": the audience is the clause
                # before the colon or the dash, the message after it
                return Reading(C.Broadcast(text=after.strip(" \"'“”„״׳"), status=_status_in(hw)))
            return Reading(C.Broadcast(text=exact.text, status=_status_in(ref_words[1:])))
        bare = [w for w in ref_words if w not in {"to", "the", "only", "just", "guests", "ones", "people", "invitees", "רק"}]
        if bare and len(bare) <= 2 and _status_in(bare) and len(ref_words) <= 5 \
                and all(_status_in([w]) or w in {"and", "&"} for w in bare):
            # "msg to confirmed only: latkes are on us", "text the pending ones: ...": everyone of that answer, never a
            # guest named "to confirmed only"
            return _to_audience(bare, exact.text, line)
        if _audience_ref(ref_words):
            head, colon, after = exact.text.partition(":")
            hw = ref_words + _words(head)
            if colon and after.strip() and len(hw) <= 9 and head.startswith("ש") and _status_in(hw):
                # "הודעה למי שאישר מהצד של החתן: ההסעה יוצאת ב-17:00": who, then the message after the colon
                return _to_audience(hw, after.strip(" \"'“”„״׳"), line)
            return _to_audience(ref_words, exact.text, line)
        m = re.match(r"^(\S+(?:\s+\S+)?)\s+[-–—]\s+(\S.*)$", exact.text)
        if m and len(ref_words) == 1 and not set(_words(m.group(1))) & (_COMMAND_WORDS | _ALL_WORDS):
            # "הודעה לאבי מיזרחי - החניה...": the dash, like a colon, ends the name
            ref = _ref(f"{exact.ref.text} {m.group(1)}", region)
            if ref:
                return Reading(C.MessageGuest(ref=ref, text=m.group(2).strip()), sure=False)
        return None
    if isinstance(exact, C.NewEvent):
        return _new_event_fix(exact, today)
    if isinstance(exact, C.Broadcast) and _INVITATION_TEXT.match(exact.text.strip()) and not exact.side \
            and exact.status in (None, "not_invited"):
        return Reading(C.Invite())   # "תשלחי לכולם את ההזמנה", "send everyone the invite": the invitations, not a message saying so
    if isinstance(exact, C.Broadcast):
        m = re.match(r"^(?:ה?כל\s+)?מי\s+ש(?:בא|באו|הגיע|הגיעו)\s+((?:תודה|thank)\S*.*)$", exact.text)
        if m or re.search(r"\b(?:who|that)\s+came\b", line, re.I) and re.match(r"^(?:thank|תודה)", exact.text, re.I):
            return Reading(C.ThankYou(text=(m.group(1) if m else exact.text).strip()))   # thanks to those who came
        m = re.match(r"^(?:who|that)\s+(\S.{1,40}?)\s+that\s+(\S.*)$", exact.text, re.I) if exact.status is None else None
        if m and _status_in(_words(m.group(1))):
            # "send everyone who said yes that parking is at the back": those who said yes are told, the rest are not
            return Reading(dataclasses.replace(exact, text=m.group(2).strip(), status=_status_in(_words(m.group(1)))), sure=False)
        fixed = exact
        if fixed.side is None and ":" in line and _has(line[:line.find(":")].lower(), "side", "צד"):
            side = _side_in(_words(line[:line.find(":")]))   # "broadcast to groom side: dress code is white"
            if side:
                fixed = dataclasses.replace(fixed, side=side)
        body = re.sub(r"^[-–—]\s*", "", fixed.text.strip())   # "הודעה לכולם - ...": the dash, like a colon
        quoted = re.match(r"^([\"“”„״'׳])(.+)[\"“”„״'׳]$", body)
        body = quoted.group(2).strip() if quoted else body   # the whole message in quotes
        if body and body != fixed.text:
            fixed = dataclasses.replace(fixed, text=body)
        if fixed != exact:
            return _correct(text, line, fixed, region, today) or Reading(fixed)
        m = re.match(r"^(?:an?\s+)?(?:message|msg|note|text|הודעה|הודעת)\s*(?::|ש|that\s)\s*(\S.*)$", exact.text,
                     re.I | re.S)
        if m:   # "send everyone a message: the party starts at 8"
            return Reading(dataclasses.replace(exact, text=m.group(1).strip()))
        parts = re.split(r":(?=\s|$)|\s[-–—]\s", exact.text, maxsplit=1)   # "the maybes - ...", "the maybes: ..."
        tw = _words(parts[0]) if len(parts) == 2 else []
        if re.search(r"[\"“”„״]\s*" + re.escape(exact.text[:12]), line):
            tw = []   # quoted text is the message, never the audience ("broadcast "מגיעים: ...")"
        if tw and len(tw) <= 6 and (set(tw) & {"guests", "everyone", "who", "those", "people", "guest"}
                                    or _audience_ref(tw) or _status_in(tw)) and parts[1].strip():
            return Reading(C.Broadcast(text=parts[1].strip(" \"'“”„״׳"), status=_status_in(tw) or exact.status,
                                       side=exact.side))
        return None
    if isinstance(exact, (C.MarkGuest, C.ListGuests)):
        sent = _audience_message(line, region, today)
        if sent is not None:
            return sent
    if isinstance(exact, C.MarkGuest):
        # "תסמן את עומר כלא מגיע": the answer glued to כ
        m = re.search(r"\sכ(לא\s+\S+|מאשר\S*|מגיע\S*)", " " + line)
        fixed = exact
        if m:
            answer = "no" if m.group(1).startswith("לא") else "yes"
            if answer != exact.answer:
                fixed = dataclasses.replace(exact, answer=answer, party_size=None if answer == "no" else exact.party_size)
        if m and fixed.ref.number is None and fixed.ref.phone is None:
            name = re.sub(r"\s+כ(?:לא|מאשר\S*|מגיע\S*)$", "", fixed.ref.text)
            if name != fixed.ref.text and name.strip():
                fixed = dataclasses.replace(fixed, ref=C.Ref(text=name.strip()))
        if fixed.answer == "yes" and fixed.party_size is None:
            party = _party_said(line)
            if party:
                fixed = dataclasses.replace(fixed, party_size=party)
        return Reading(fixed) if fixed != exact else None
    return None


def _no_garbage_names(command: C.AddGuests) -> C.AddGuests:
    """A guest's name is words: separators and marks left between the fields ("-", "|", "?", "🙏") are dropped, and a
    line whose name keeps digits with no letter ("/2027", "10:15") is refused with the reason, never stored as a name."""
    guests, errors = [], list(command.errors)
    for g in command.guests:
        words = [w for w in f"{g.first_name} {g.last_name}".split() if any(ch.isalnum() for ch in w) or w in {"&", "+"}]
        bad = next((w for w in words if any(ch.isdigit() for ch in w) and not any(ch.isalpha() for ch in w)), None)
        if bad is not None or not words:
            shown = C._short(" ".join([g.first_name, g.last_name, g.phone or ""]), 80)
            errors.append(C.unclear_name(g.line_no, shown, bad or "-"))
            continue
        if " ".join(words) == f"{g.first_name} {g.last_name}".strip():
            guests.append(g)   # nothing dropped: the name stays split as it was ("David and Ruth" | "Benson")
            continue
        first, last = C.split_name(" ".join(words).strip(" ,:"))
        guests.append(g if (first, last) == (g.first_name, g.last_name) else dataclasses.replace(g, first_name=first, last_name=last))
    if len(guests) == len(command.guests) and all(a is b for a, b in zip(guests, command.guests)):
        return command
    return C.AddGuests(guests=tuple(guests), errors=tuple(sorted(errors, key=lambda e: e.line_no)))


def _fix_guest_lines(text: str, exact: C.AddGuests, region) -> Reading | None:
    """Rows the grammar refused ("אורי שמש 052-3334455 חתן 2"), read loosely; a side ending in a count."""
    guests = []
    for g in exact.guests:
        if not g.side and g.last_name and g.last_name.split()[-1].lower() in _SIDE:
            name = " ".join(f"{g.first_name} {g.last_name}".split()[:-1]).strip(" ,")
            first, last = C.split_name(name)
            g = dataclasses.replace(g, first_name=first, last_name=last, side=_SIDE[g.last_name.split()[-1].lower()])
        if g.side and re.search(r"\s\d{1,2}$", g.side):
            side, n = g.side.rsplit(None, 1)
            g = dataclasses.replace(g, side=side.strip(" ,"), party_size=int(n))
        guests.append(g)
    errors = []
    lines = [x.strip() for x in text.split("\n") if x.strip()]
    for err in exact.errors:
        src = lines[err.line_no] if len(lines) > err.line_no and len(exact.guests) + len(exact.errors) < len(lines) \
            else (lines[err.line_no - 1] if err.line_no - 1 < len(lines) else err.text)
        loose = _loose_guest(src, region)
        if loose is None:
            errors.append(err)
        else:
            guests.append(dataclasses.replace(loose, line_no=err.line_no))
    guests.sort(key=lambda g: g.line_no)
    if tuple(guests) == tuple(sorted(exact.guests, key=lambda g: g.line_no)) and tuple(errors) == tuple(exact.errors):
        return None  # nothing read differently: the grammar's reading stands, and is sure
    return Reading(C.AddGuests(guests=tuple(guests), errors=tuple(errors)), sure=False)


_IL_PHONE = re.compile(r"(?<![\d+])(?:\+972[\s-]?|0)(?:5\d|[2-489]|7\d)[\s-]?\d{3}[\s-]?\d{4}(?!\d)")


def _safe_phone(text: str, region) -> tuple[str | None, str]:
    """A phone in the text without swallowing a count after it ("0501112222 5 אנשים")."""
    m = _IL_PHONE.search(text)
    if m:
        try:
            return normalize_phone(m.group(), region), text[:m.start()] + " " + text[m.end():]
        except InvalidPhone:
            pass
    return _phone(text, region)


# "4 מתוכם 2 ילדים", "5 including 3 kids", "2 מבוגרים ו-2 ילדים": how many of the guest's party are children, said
# beside the count; kept as the guest's note, and never a part of their name
_CHILDREN_CLAUSE = re.compile(
    r"[\s,]*(?:(\d{1,2})\s*,?\s*)?((?:מתוכם|מתוכן|כולל|ביניהם|including|incl\.?|of\s+them|of\s+whom)\s+(\d{1,2})\s*"
    r"(?:ילדים|ילדות|ילד|ילדה|kids|children|kid|child))(?!\w)[.!]?"
    r"|[\s,]*((\d{1,2})\s*(?:מבוגרים|adults)\s*(?:ו-?|and|\+|,)\s*(\d{1,2})\s*(?:ילדים|ילדות|kids|children))(?!\w)[.!]?",
    re.I)


def _loose_guest(line: str, region) -> C.GuestDraft | None:
    phone, rest = _safe_phone(line, region)
    if not phone:
        return None
    kids = _CHILDREN_CLAUSE.search(rest)
    note = total = None
    if kids:
        if kids.group(4):   # "2 מבוגרים ו-2 ילדים": the party is both
            total = int(kids.group(5)) + int(kids.group(6))
        elif kids.group(1):   # "4 מתוכם 2 ילדים": the count said before
            total = int(kids.group(1))
        note = " ".join((kids.group(2) or kids.group(4)).split())
        rest = rest[:kids.start()] + " " + rest[kids.end():]
    rest, said_party = _tidy_name(rest)
    rwords = _words(rest)
    side = _side_in(rwords)
    party = None
    m = re.search(r"(\d{1,2})\s*(?:people|ppl|אנשים|איש|נפשות|pax|מקומות|seats)|party of (\d{1,2})|so (\d{1,2})|(?<!\S)[x×]\s*(\d{1,2})\b"
                  r"|(?:^|[\s,])(\d{1,2})\s*(?=[\s,]|$)", rest, re.I)
    if m:
        party = int(next(g for g in m.groups() if g))
        if not 1 <= party <= C.MAX_PARTY_SIZE:
            return None
    if "זוג" in rwords:
        party = 2
    if said_party is not None:
        party = said_party
    if total is not None:
        if not 1 <= total <= C.MAX_PARTY_SIZE:
            return None
        party = total
    name = re.sub(r"\d+\s*(?:people|ppl|אנשים|איש|נפשות|pax|מקומות|seats)|party of \d+|so \d+|(?<!\S)[x×]\s*\d{1,2}\b|\b\d{1,2}\b|זוג", " ",
                  rest, flags=re.I)
    name = re.sub(r"(?:,|\s)\s*(?:bride|groom|כלה|חתן)?\s*side\b|\bside\s+(?:bride|groom)|צד\s+ה?(?:כלה|חתן)|"
                  r"(?<!\S)(?:מ|ב|ל)?צד\s+(?:של\s+)?ה?(?:כלה|חתן)|מהצד של ה(?:כלה|חתן)|\b(?:bride|groom)\b|"
                  r"(?<!\S)ה?(?:כלה|חתן)(?!\S)", " ", name, flags=re.I)
    name = " ".join(name.replace(",", " ").split()).strip(" -–:")
    name = re.sub(r"\s+(?:and her husband|and his wife)$", "", name, flags=re.I)
    name = re.sub(r"^the\s+(.+?)\s+family$", r"\1", name, flags=re.I)
    if not any(ch.isalpha() for ch in name) or len(name) > 120:
        return None
    if set(_words(name)) & (set(_ROLE) | _COMMAND_WORDS):
        return None
    if find_date(name, None)[0] is not None:
        return None
    first, last = C.split_name(name)
    return C.GuestDraft(first_name=first, last_name=last, phone=phone, side=side, party_size=party, notes=note)


def _new_event_fix(exact: C.NewEvent, today) -> Reading | None:
    if exact.time is None:
        # "ברית ..., 10.12 בשעה 10:00, בית הכנסת": a time left in the place or the name is the start time
        for field in ("location", "name"):
            value = getattr(exact, field)
            at, rest = _find_time(value) if value else (None, value)
            if at is not None and rest.strip(" ,-–"):
                fixed = dataclasses.replace(exact, time=at, **{field: re.sub(r"^[\s,\-–]+|[\s,\-–]+$", "", rest)})
                return _new_event_fix(fixed, today) or Reading(fixed)
    named = re.sub(r"^(?:(?:for\s+)?(?:me|us)\s+)?(?:called|named|by\s+the\s+name)\s+|^(?:ש(?:קוראים|יקראו|נקרא|ייקרא|יקרא)\s+(?:לו|לה)?\s*|בשם\s+)",
                   "", exact.name.strip(), flags=re.I).strip(" ?")
    # "שבע ברכות לשירה ואליצור, יום שלישי 8.12", "Maya's Bat Mitzvah, Thursday 18th February": the weekday goes with the date
    tail = _WEEKDAY_TAIL.search(named)
    if tail and exact.date is None and tail.start() > 0:
        on, _left = find_date(tail.group(0).strip(" ,.|-–"), today)
        if on is not None:   # "אירוסין של אלמז ומסרט ביום שלישי הבא", "Tom's birthday next Tuesday": the date itself
            fixed = dataclasses.replace(exact, name=named[:tail.start()].strip(" ,|"), date=on)
            return _new_event_fix(fixed, today) or Reading(fixed, sure=False)
    named = _WEEKDAY_TAIL.sub("", named).strip(" ,|")
    if named != exact.name.strip() and named:   # "a new event for me called Yoni's 40th", "אירוע שקוראים לו ברית"
        fixed = dataclasses.replace(exact, name=named)
        return _new_event_fix(fixed, today) or Reading(fixed, sure=False)
    if exact.date is not None:
        return None
    stripped = re.sub(r"^(?:an?\s+)?(?:new\s+)?event\s+(?:called|named|for)?\s*", "", exact.name, flags=re.I)
    if stripped != exact.name and stripped:
        r = _new_event("new event " + stripped, None, today)
        if exact.time is not None and isinstance(r.command, C.NewEvent) and r.command.time is None:
            r = Reading(dataclasses.replace(r.command, time=exact.time), r.sure)
        return r
    name, event_date, location = _split_event_fields(exact.name, today)
    if event_date is None and location is None and name == exact.name:
        return None
    return Reading(C.NewEvent(name=name or exact.name, date=event_date, location=exact.location or location,
                              time=exact.time))


def _split_event_fields(text: str, today) -> tuple[str, date | None, str | None]:
    """"Itay's Bar Mitzvah on 21/10/2027 at Beit Hashalom" -> name, date, location."""
    text = text.strip()
    event_date, rest = find_date(text, today)
    location = None
    if event_date is None:
        # no date: a place still splits off after "at" / "@" or a venue noun ("באולם", "בגן")
        m = re.search(r"\s+(?:at|@)\s+(\S.*)$|,?\s+(ב(?:" + _VENUE_RE + r")\s.*)$", text, re.I)
        if m:
            name = text[:m.start()].strip(" ,-–")
            if name:
                return name, None, _place(m.group(1) or m.group(2))
        return text, None, None
    # the date cut the text in two: the name before, the place after
    m_date_pos = len(rest)
    for i, (a, b) in enumerate(zip(text, rest)):
        if a != b:
            m_date_pos = i
            break
    before = rest[:m_date_pos]
    after = rest[m_date_pos:]
    name = re.sub(r"[\s,\-–]*(?:(?<![\w'])(?:on|at|ב|ל|date)|,|-)?\s*$", "", before.strip(), flags=re.I).strip(" ,-–")
    # "Maya's 30th, Sat Jan 9": the weekday, written short, went with the date
    name = re.sub(r"\s*,\s*(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$", "", name, flags=re.I).strip(" ,-–")
    after = re.sub(r"^[\s,\-–.]*(?:at\s+|in\s+|location\s+|ב(?=[\u05d0-\u05ea]{3}))?", "", after.strip(),
                   flags=re.I).strip(" ,.-–")
    if after:
        location = _place(after)
    name = re.sub(r"\s+(?:on|at|ב|ל|on the|date|בתאריך|ביום)$", "", name, flags=re.I).strip(" ,-–")
    return name, event_date, location


_VENUES = ("אולם", "אולמי", "אולמות", "גן", "גני", "מלון", "בית", "קיבוץ", "מושב", "חוות", "חווה", "טרקלין",
           "מסעדת", "מסעדה", "בר", "מועדון", "וילה", "חצר", "פארק", "יער", "אחוזת", "אחוזה", "לופט", "גלריה")
_VENUE_RE = "|".join(sorted(_VENUES, key=len, reverse=True))


def _place(text: str) -> str:
    """"בגן הוורדים" -> "גן הוורדים", "בבאר שבע" -> "באר שבע": the preposition ב before a place
    comes off only before a venue noun or a place that itself starts with ב (so "בני ברק" stays)."""
    text = text.strip(" ,.-–")
    text = re.sub(r"^(?:at|in)\s+(?=\S)", "", text, flags=re.I)   # "at our place", "in the garden"
    m = re.match(r"^ב-?(\S+)", text)
    if m and (m.group(1) in _VENUES or m.group(1).startswith("ב") or m.group(1).startswith("ה")):
        return text[1:].lstrip("-")
    return text


# ------------------------------------------------------------------ reading what the grammar refused

def _new_event(line: str, region, today) -> Reading:
    text = re.sub(r"^.*?(?:new\s+event|new\s+evnt|(?:ה-?)?event\s+(?:ה)?חדש|new\s+אירוע|create\s+(?:an?\s+)?(?:new\s+)?event|open\s+an?\s+event|"
                  r"set\s+up\s+a\s+new\s+event|(?:start|make|add)\s+a\s+new\s+event|אירוע\s+חדש|אירועחדש|"
                  r"(?:פתח|תפתח|תפתחי|פתחי|לפתוח|נפתח|צור|צרי|תיצור|ליצור)\s+(?:לי\s+)?(?:new\s+event|אירוע(?:\s+חדש)?))"
                  r"[?!.]?", "", line, count=1, flags=re.I).strip()
    # "אירוע לחינה של סיון", "אירוע לבר מצווה של איתי": the ל of "for" is no part of the name
    text = re.sub(r"^(?:for|called|named|בשם|ל(?=ה?(?:חתונה|חינה|ברית|בר\s+מצו|בת\s+מצו|אירוסין|יום\s+הולדת|מסיבת?|שבע\s+ברכות|זבד|שבת\s+חתן))"
                  r"|[:\-–,?!.])\s*", "", text, flags=re.I).strip()
    text = re.sub(r"^(?:for|called|named|בשם|בבקשה)\s*[-:,]?\s*", "", text, flags=re.I).strip(" -–:,")
    # "a new event for me called Yoni's 40th", "אירוע חדש שקוראים לו ברית לנכד של רבקה"
    text = re.sub(r"^(?:(?:for\s+)?(?:me|us)\s+)?(?:called|named|by\s+the\s+name)\s+|^ש(?:קוראים|יקראו|נקרא|ייקרא|יקרא)\s+(?:לו|לה)\s+",
                  "", text, flags=re.I).strip(" ?")
    labelled_date = re.search(r",?\s*date\s+(\S+)", text, re.I)
    labelled_loc = re.search(r",?\s*location\s+(.+)$", text, re.I)
    if labelled_date or labelled_loc:
        loc = labelled_loc.group(1).strip() if labelled_loc else None
        if labelled_loc:
            text = text[:labelled_loc.start()]
        d = None
        if labelled_date:
            d, _r = find_date(labelled_date.group(1), today)
            text = text[:labelled_date.start()]
        return Reading(C.NewEvent(name=text.strip(" ,"), date=d, location=loc), sure=False)
    name, event_date, location = _split_event_fields(text, today)
    if not name or not any(ch.isalnum() for ch in name):
        raise C._Fail(i18n._("Give the event a name. Try: new event Dana & Noam's wedding"))
    return Reading(C.NewEvent(name=name, date=event_date, location=location), sure=False)


# Misspellings organisers make often, of words the grammar keys on (a message with one is read
# with it spelled right, and asked before anything is written).
_TYPOS = {"hwo": "who", "hw": "how", "hoe": "how", "ppl": "people", "waht": "what", "answerd": "answered", "anwsered": "answered", "answred": "answered",
          "hasnt": "hasn't", "havent": "haven't", "didnt": "didn't", "mabye": "maybe", "maybee": "maybe",
          "confrimed": "confirmed", "comfirmed": "confirmed", "gusts": "guests", "guets": "guests", "gust": "guest", "gest": "guest",
          "invitaions": "invitations", "invitaion": "invitation", "remider": "reminder", "remidner": "reminder",
          "המפסר": "המספר", "המספור": "המספר", "כמגעים": "כמגיעים", "מגעים": "מגיעים", "מבתלת": "מבטלת", "מבתל": "מבטל",
          "הזמנוט": "הזמנות", "תזכורט": "תזכורת", "אורחימ": "אורחים",
          # "מיעוד לא ענה": two words glued; "אשרו": a letter left out
          "מיעוד": "מי עוד", "כמהה": "כמה", "כמא": "כמה", "אשרה": "אישרה", "אשר": "אישר", "ההזמנוט": "ההזמנות",
          "תזכרת": "תזכורת", "תזכרות": "תזכורות", "msgs": "messages", "msg": "message", "addguest": "add guest",
          "addguests": "add guests", "מישלא": "מי שלא", "רימיינדר": "תזכורת", "רמיינדר": "תזכורת", "רימיינדרים": "תזכורות",
          "רמיינדרים": "תזכורות", "ריממינדר": "תזכורת", "מישעוד": "מי שעוד", "אשרו": "אישרו", "שאשרו": "שאישרו",
          # a neighbouring key hit for the last letter: "ענע", "ענח" (ענה)
          "ענע": "ענה", "ענח": "ענה", "אישרע": "אישרה",
          # two letters of "invite" swapped
          "invtie": "invite", "inivte": "invite", "ivnite": "invite", "invtei": "invite", "invtie:": "invite:"}
# "שלחיהזמנות לכולם": the send verb glued to the invitations
_GLUED_SEND = re.compile(r"^((?:ת)?שלח(?:י|ו)?)(ה?הזמנ[\u05d0-\u05ea]*)$")


def _spelled(line: str) -> str:
    return re.sub(r"[^\s,.!?:;]+", lambda m: _TYPOS.get(m.group(0).lower(), _GLUED_SEND.sub(r"\1 \2", m.group(0))), line)


_ORGANISE_KIND = re.compile(
    r"^(?:(?:אני|אנחנו)\s+)?(?:(?:רוצה|רוצים|רוצות|מבקש|מבקשת|מבקשים|צריך|צריכה|צריכים|מתכנן|מתכננת|מתכננים)\s+)?"
    r"ל(?:ארגן|הקים|עשות|חגוג)\s+(?:את\s+)?(?P<he>" + _KIND_WORDS + r"(?:\s+[^\s\d]+){0,6})$"
    r"|^(?:(?:i|we)\s*(?:want|would\s+like|'d\s+like|need|am\s+planning|are\s+planning|plan)\s+to\s+)?"
    r"(?:organi[sz]e|plan|throw|host|run|make|set\s+up)\s+(?:a|an|our|my)\s+(?P<en>" + _KIND_WORDS + r"(?:\s+[^\s\d]+){0,6})$",
    re.I)


def _guess(text: str, region, today, exact: C.ParseError) -> Reading | None:
    lines = [_clean(x) for x in text.replace("\r", "\n").split("\n")]
    lines = [x for x in lines if x]
    if not lines:
        return None
    said = [w.lower() for w in _words(lines[0])]
    if len(lines) == 1 and said and set(said) & _HELLO and set(said) <= _HELLO | {"there", "all", "everyone", "bot", "בוט", "לכולם"} \
            and re.fullmatch(r"[\w\s!.,'’-]*[👋🙂😊😀\s!.]*", lines[0]):   # (a shrug or a "?" is no plain hello)
        return Reading(C.Help())   # "היי", "שלום!", "hey there": said hello; the short help (as "hi"), never "did you mean"
    if len(lines) == 1 and 2 <= len(said) <= 5 and said[0] in _YES | _ACK and set(said) & _GO_AHEAD \
            and set(said) <= _YES | _ACK | _GO_AHEAD | _GO_FILLER:
        return Reading(C.Confirm("yes"))   # "סבבה שלח", "ok תשלח", "מאשרת, נא לשלוח", "fine, go ahead": a yes, then "do it"
    line = _strip_polite(lines[0])
    body = lines[1:]
    need = _NEED_TO.match(line)
    if need and line[need.end():].strip():
        # "צריך לפתוח אירוע לחינה של סיון", "we need to add Dana 050...": a request said as a need; a write is asked first
        said = "\n".join([line[need.end():]] + body)
        again = refine(said, C.parse(said, region, today), region, today)
        if not isinstance(again.command, C.ParseError):
            spec = C.spec_for(again.command)
            return Reading(again.command, sure=again.sure and bool(spec and not spec.writes))
    news = re.match(r"^([^.!?\n]{2,40}?)\s*[.!]+\s+(\S.*)$", line)
    if news and len(_words(news.group(1))) <= 4 and not re.search(r"\d", news.group(1)) and not {
            w.lower() for w in _words(news.group(1))} <= _HELLO | {"good", "morning", "afternoon", "evening", "בוקר", "ערב",
                                                                   "טוב", "צהריים", "טובים", "all", "everyone"}:
        # "אנחנו מתחתנים!! רוצים לפתוח אירוע לחתונה של מיכל ויואב": the news, then the request (a new event, asked)
        rest = "\n".join([news.group(2)] + body)
        again = refine(rest, C.parse(rest, region, today), region, today)
        if isinstance(again.command, C.NewEvent):
            return Reading(again.command, sure=False)
    if line != lines[0] and line:
        again = C.parse("\n".join([line] + body), region, today)
        if not isinstance(again, C.ParseError):
            fixed = refine("\n".join([line] + body), again, region, today)
            return fixed
    line = re.sub(r"(?<!\S)ת['׳](?=[\u05d0-\u05ea])", "את ה", line)   # "תן לי ת'רשימה": את הרשימה
    line = re.sub(r"(?<!\S)ה[\s-]+(?=[a-z])", "", line, flags=re.I)    # "ה pending", "ה-location": the English word itself
    # "תעשה mark לליאור yes 3", "לצרף לרשימה את ...", "אורח נוסף: ...", "whose coming": the verb said another way
    line = re.sub(r"^whose\s+(?=coming|attending|confirmed|answered|not|still|left)", "who's ", line, flags=re.I)
    said = re.sub(r"^(?:תעשה|תעשי|לעשות)\s+(?:לי\s+|לנו\s+)?(?=[a-z])", "", line, flags=re.I)   # "תעשי לי switch ל..."
    said = re.sub(r"^(?:תעשה|תעשי|לעשות)\s+(?:לי\s+|לנו\s+)?(?:אד|אדד)\s+(?=\S)", "add ", said)   # "תעשה אד ...": "add" in Hebrew letters
    said = re.sub(r"^(mark|edit|remove|invite|remind|message)\s+ל-?(?=[\u05d0-\u05ea]{2})", r"\1 ", said, flags=re.I)
    if not (_team_in(_words(line)) or _role_in(_words(line)) or _role_said(line)):
        said = re.sub(r"^(?:לצרף|תצרף|תצרפי|צרף)\s+(?:לרשימה\s+|לרשימת\s+המוזמנים\s+)?(?:את\s+)?", "הוסף ", said)
    said = re.sub(r"^(?:אורח|אורחת)\s+(?:נוסף|נוספת|חדש|חדשה)\s*:\s*", "הוסף ", said)
    said = re.sub(r"^(?:new|another|one\s+more)\s+guest\s*:\s*", "add guest ", said, flags=re.I)   # "new guest: Michael Levi, 050…"
    if said != line:
        again = C.parse("\n".join([said] + body), region, today)
        if not isinstance(again, C.ParseError):
            return refine("\n".join([said] + body), again, region, today)
    asked_en = re.match(r"^(כמה|מי|מה|מתי|איפה)\s+(?=[a-z])", line, re.I)
    if asked_en:
        # "כמה people are coming total?", "מי still hasn't answered": a Hebrew question word before English words,
        # read as the English question; a write is asked first
        said = {"כמה": "how many", "מי": "who", "מה": "what", "מתי": "when", "איפה": "where"}[asked_en.group(1)] + " " + line[asked_en.end():]
        again = refine("\n".join([said] + body), C.parse("\n".join([said] + body), region, today), region, today)
        if not isinstance(again.command, C.ParseError):
            spec = C.spec_for(again.command)
            return Reading(again.command, sure=again.sure and bool(spec and not spec.writes))
    fixed_words = _spelled(line)
    if fixed_words != line:   # "hwo hasnt answerd yet", "תשני לאופיר את המפסר": read as meant, asked first
        again = refine("\n".join([fixed_words] + body), C.parse("\n".join([fixed_words] + body), region, today),
                       region, today)
        if not isinstance(again.command, C.ParseError):
            spec = C.spec_for(again.command)
            return Reading(again.command, sure=bool(spec and not spec.writes))   # a read is shown; a write asked
    low = line.lower()
    words = _words(line)
    wset = set(words)
    if not words:
        return None
    fix = _NAME_FIX.match(line)
    if fix and len(_words(fix.group(1))) <= 3 and 0 < len(_words(fix.group(2))) <= 3 and not _IL_PHONE.search(line):
        # "טעות בשם: זה לא גלית אברהם זה גלית אברהמי", "wrong name - not Dan Cohen, it's Dan Cohn": that guest renamed, asked first
        ref = _ref(fix.group(1).strip(" ,-–"), region)
        if ref:
            return Reading(C.EditGuest(ref, "name", fix.group(2).strip(" ,-–.")), sure=False)
    if _TELL_WHEN.search(line) and not _IL_PHONE.search(line):
        # "אני אגיד לך מתי לשלוח את ההזמנות", "I'll let you know when to send the reminders": the writer will say when
        return _held_back_reply() if _HOLD_BACK.match(line) else Reading(exact)
    if re.match(r"ad\s+guests?\b", low):
        # "ad guests" and the guests below it: a letter short of *add guests*, never the guest list (asked first)
        return _typo(line, body, region, today)
    sent = _audience_message(line, region, today) or _loose_rules(line, low, words, wset, region, today)
    if sent is not None:
        return sent
    all_words = set(_words(lines[0]))
    if all_words and all_words <= _SMALL_TALK | _ACK and not body:
        # "בוקר טוב", "thanks!", "סבבה": chit-chat; never a verb typo ("בוקר" is not "עבור")
        return Reading(exact)
    if (_OWN_CHECK.match(lines[0].lower()) or _VENTING.search(low) or _UNDECIDED.match(lines[0].lower())
            or _OWN_DOUBT.search(lines[0].lower())) \
            and not _IL_PHONE.search(line) and ":" not in line:
        # "אני צריכה לבדוק עם אמא שלי מי מהמשפחה שלה בא", "my mom is driving me crazy with her list": the writer thinking aloud
        return Reading(exact)
    if _ADVICE.match(low) or _WHO_ARE_YOU.match(low) or _OWN_PLAN.match(low) and not _IL_PHONE.search(line):
        # "what's the best time to send invites?", "מתי כדאי לשלוח הזמנות?": advice asked, nothing to do
        # ("מי זה?", "who is this?": asked of the bot, no list)
        return Reading(exact)
    r = _guess_words(line, low, words, wset, body, region, today)
    if r is not None:
        return r
    # a typo in the verb: "add gust ...", "remvoe sarah", "pls send the invitaions"
    return _typo(line, body, region, today)


# "I'll add the rest of the guests tonight", "אני אוסיף את שאר המוזמנים מחר": the writer's own plan, nothing to do now
# Hebrew nouns of action that coordinators write for the verb: the verb, and the words after the
# noun that say nothing more ("שליחת הזמנות לחדשים": the invite round goes to those not yet invited anyway)
_NOMINAL_VERBS = {
    "מחיקת": ("מחק", {"האירוע", "את", "של", "החתונה", "בוטלה", "בוטל", "כי"}),
    "שליחת": ("שלח", {"הזמנות", "ההזמנות", "לחדשים", "לחדשות", "לכולם", "לשאר", "לאורחים", "החדשים", "למי", "שלא", "קיבל",
                      "קיבלו", "עוד", "עכשיו"}),
    "הסרת": ("הסר", None), "עדכון": ("עדכן", None), "הוספת": ("הוסף", None), "סימון": ("סמן", None),
}
_NOTIFY_ME = re.compile(r"^(?:tell|let|notify|ping|message|update|alert)\s+me\s+(?:know\s+)?(?:when|whenever|every\s*time|each\s+time|as\s+soon\s+as)\s+"
                        r"(?:someone|anyone|somebody|a\s+guest|guests|people)\s+(?:rsvps?|answers?|replies|responds?|confirms?)", re.I)
# (after a thanks or an ok: "ok thanks, I'll send the rest of the list tonight", "תודה, אשלח את השאר מחר")
_ACK_HEAD = (r"(?:(?:thanks|thank\s+you|thx|ty|great|cool|perfect|got\s+it|ok|okay|sure|fine|תודה(?:\s+רבה)?|סבבה|מעולה|אחלה|מצוין|"
             r"אוקיי|אוקי|בסדר|יופי)[\s,.!]+)*")
_OWN_PLAN = re.compile(r"^" + _ACK_HEAD + r"(?:i'?ll|i\s+will|we'?ll|we\s+will|i'?m\s+going\s+to|we'?re\s+going\s+to)\s+(?:add|send|finish|upload|do|update|call|check)\b"
                       r"|^" + _ACK_HEAD + r"(?:אני\s+|אנחנו\s+)?(?:אוסיף|נוסיף|אשלח|נשלח|אעדכן|נעדכן|אסיים|נסיים|אתקשר|נתקשר|אבדוק|נבדוק)\b.*"
                       r"(?:מחר|הערב|אחר\s+כך|אחר\"כ|בהמשך|בערב|בבוקר|בשבוע|later|tonight|tomorrow)", re.I)
_OWN_CHECK = re.compile(r"^(?:אני\s+|אנחנו\s+)?(?:צריך|צריכה|צריכים|חייב|חייבת|חייבים)\s+(?:עוד\s+|קודם\s+)?(?:לבדוק|לברר|לשאול|לדבר|לחשוב|להתייעץ)\s+(?:עם|את|מול|על)\b|"
                        r"^(?:i|we)\s+(?:still\s+|first\s+)?(?:need|have|got|gotta)\s+(?:to\s+)?(?:check|ask|talk|figure\s+out|think|confirm)\s+(?:with|to|about)\b", re.I)
# "אני עוד לא בטוחה אם למחוק את ...", "I'm not sure whether to invite ...", "מתלבטים אם להזמין ...": a doubt about doing it, nothing to do now
_UNDECIDED = re.compile(r"^(?:(?:אני|אנחנו)\s+)?(?:(?:עוד|עדיין)\s+)?(?:לא\s+(?:בטוח|בטוחה|בטוחים|יודע|יודעת|יודעים|החלטתי|החלטנו)|מתלבט|מתלבטת|מתלבטים)"
                        r"\s+(?:עדיין\s+|עוד\s+)?(?:אם|האם)\s+(?:ל[\u05d0-\u05ea]{3,}|אני\s+|אנחנו\s+)"
                        r"|^(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:still\s+)?(?:not\s+(?:sure|certain)|undecided|unsure|torn)\s+(?:yet\s+)?(?:if|whether|about)\s+(?:to\s+|i\s+should|we\s+should|i\s+want|we\s+want|\w+ing\b)"
                        r"|^(?:i|we)\s+(?:still\s+)?(?:don'?t|do\s+not|haven'?t)\s+(?:know|decided)\s+(?:yet\s+)?(?:if|whether)\s+(?:to\s+|i\s+should|we\s+should)", re.I)
# "...ואני לא בטוחה שיש לנו מקום", "..., but we're not sure we have room": the writer's own doubt, said after what
# someone wants; nothing is asked of the bot yet
_OWN_DOUBT = re.compile(r"(?:[,.]\s*|\s)(?:ו|אבל\s+|רק\s+)?(?:אני|אנחנו)\s+(?:עוד\s+|עדיין\s+|ממש\s+)?לא\s+(?:בטוח|בטוחה|בטוחים|בטוחות)(?![\u05d0-\u05ea])"
                        r"|(?:[,.]\s*|\s)(?:and|but)\s+(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:still\s+|really\s+)?not\s+sure\b", re.I)
_NAME_FIX = re.compile(r"^(?:(?:טעות|שגיאה|טעות\s+כתיב)\s+(?:ב)?(?:ה)?שם|(?:ה)?שם\s+(?:לא\s+נכון|שגוי|לא\s+מדויק)|(?:wrong|misspelled)\s+name|typo\s+in\s+(?:the\s+|a\s+)?name|name\s+(?:typo|is\s+wrong))"
                       r"\s*[:,\-–.!]?\s*(?:זה\s+|זאת\s+|it'?s\s+|it\s+is\s+)?(?:לא|not)\s+(.+?)\s*[,\-–]?\s+(?:זה|זאת|אלא|but|it'?s|it\s+is)\s+(.+?)\W*$", re.I)
_TELL_WHEN = re.compile(r"(?:^|\s)(?:אגיד|אודיע|נגיד|נודיע|אעדכן|נעדכן|אכתוב|נכתוב|אומר|נאמר)\s+(?:לך|לכם)\s+(?:כבר\s+)?מתי(?![\u05d0-\u05ea])"
                        r"|\b(?:i'?ll|we'?ll|i\s+will|we\s+will)\s+(?:tell\s+you|let\s+you\s+know)\s+when\b", re.I)
_VENTING = re.compile(r"\b(?:driving|drives)\s+(?:me|us)\s+(?:crazy|nuts|insane|mad|up\s+the\s+wall)\b|(?<![\u05d0-\u05ea])(?:משגע|משגעת|משגעים|מטריף|מטריפה|מטריפים)\s+אות(?:י|נו)"
                      r"|(?:^|\s|,)אין\s+(?:לי|לנו)\s+(?:כוח|כח|סבלנות)(?![\u05d0-\u05ea])",   # "..., אין לי כוח אליה"
                      re.I)
_REPORTED = re.compile(r"(?:^|\s)(?:אומר|אומרת|אומרים|חושב|חושבת|חושבים|טוען|טוענת|טוענים|מתלונן|מתלוננת|"
                       r"says|thinks|think|feels|complains)\s+(?:ש|that\s|the\s|we\s|our\s)", re.I)
_WHO_ARE_YOU = re.compile(r"^(?:מי|who)\s+(?:זה|זאת|את|אתה|אתם|is\s+this|are\s+you|r\s+u|is\s+that)\W*$"
                          r"|^(?:מי|who)\s+(?:זה|זאת|is)\s+(?:ה|the\s+|this\s+)?(?:בוט|bot)(?![\w\u05d0-\u05ea])", re.I)   # "מי זה הבוט הזה בכלל"
_ADVICE = re.compile(r"^(?:what'?s|what\s+is|when'?s)\s+(?:the\s+|a\s+)?(?:best|right|ideal|usual|normal|good)\b|"
                     r"^(?:when|how\s+early|how\s+long\s+before)\s+should\b|^(?:should|do)\s+(?:i|we)\s+(?!have\b)|"
                     r"^how\s+many\s+(?:guests|people)\s+should\s+(?:we|i)\s+invite\b|"
                     r"^כמה\s+(?:אורחים|אנשים|מוזמנים)\s+(?:כדאי|צריך|צריכה|צריכים|מומלץ)\s+להזמין\b|"
                     r"^is\s+it\s+(?:better|ok|okay|worth|too\s+early|too\s+late)\b|"
                     r"^(?:מתי|האם|איך)\s+כדאי\b|^כדאי\s+(?:לי|לנו|ל)|^מה\s+(?:עדיף|כדאי|מומלץ)\b|^זה\s+מוקדם\s+מדי|"
                     r"^כמה\s+(?:זה\s+)?(?:עולה|יעלה|עלה)\b|^how\s+much\s+(?:does|will|would|is|do|should|shall|can|money)\b|"
                     r"^what\s+(?:does|will)\s+it\s+cost\b|^מה\s+(?:המחיר|העלות)\b|"
                     # "what should I wear to the bar mitzvah", "מה ללבוש לחתונה": the writer's own outfit or gift
                     r"^what\s+(?:should|shall|do|can|could|would)\s+(?:i|we)\s+(?:wear|bring|buy|give|get\s+(?:him|her|them)|gift|cook|serve)\b|"
                     r"^what\s+to\s+(?:wear|bring|buy|give|gift)\b|"
                     r"^מה\s+(?:(?:אני|אנחנו)\s+)?(?:ללבוש|ללבש|לקנות|להביא|להכין|לתת|אלבש|נלבש|אקנה|נקנה|אביא|נביא)\b")


# Hebrew verbs a letter away from a command's verb that are words of their own (return ~ remind)
_REAL_VERBS = frozenset({"תחזיר", "תחזירי", "תחזירו", "להחזיר", "החזר", "החזירי"})


def _typo(line: str, body, region, today) -> Reading | None:
    parts = line.split(None, 1)
    if not parts:
        return None
    first = parts[0].lower()
    if len(first) < 3:
        if first == "ad" and len(parts) > 1:
            fixed = "add " + parts[1]
        else:
            return None
    elif first in _REAL_VERBS or first.strip(",.:!?") in _EVENT_NOUNS:
        # "תחזירי את ... ל...": "give back", a word of its own, never a typo of "remind"; "ברית מילה לבן שלנו, ...":
        # an event named, never a typo of "עברית"
        return None
    else:
        guess = [g for g in C.close_verb(first) if _edits(first, g) <= (1 if len(first) <= 5 else 2)
                 and not (_erases(g) and len(g) == len(first))]
        if not guess:
            # a second-word typo: "add gust", "new evnt"
            words = line.split()
            if len(words) >= 2:
                two = f"{words[0].lower()} {words[1].lower()}"
                cands = [v for v in C._VERB_STRINGS if " " in v and v.split()[0] == words[0].lower()]
                g2 = difflib.get_close_matches(two, cands, n=1, cutoff=0.8)
                if g2 and g2[0] != two and not _erases(g2[0]):   # ("להוציא את" is no typo of "להוציא מנהל")
                    fixed = g2[0] + " " + " ".join(words[2:])
                    return _reparse_guessed(fixed, body, region, today)
            return None
        fixed = guess[0] + (" " + parts[1] if len(parts) > 1 else "")
    return _reparse_guessed(fixed, body, region, today)


_ERASING = (C.RemoveGuest, C.DeleteEvent, C.RemoveMember)


def _erases(verb: str) -> bool:
    """A verb of a command that erases: a typo is guessed to it only by a letter missing or
    doubled, never changed ("תסדר לי את..." is "arrange", not "תסיר", remove)."""
    return any(spec.command in _ERASING for verbs, spec in C._VERBS if verbs == tuple(verb.split()))


_WRITE_TO = {"send", "tell", "write", "broadcast", "text", "message", "תכתוב", "תכתבי", "תכתבו", "תשלח", "תשלחי", "תשלחו", "שלח",
             "שלחי", "שלחו", "תפיץ", "תפיצי", "תפיצו", "להפיץ", "תודיע", "תודיעי", "תודיעו", "להודיע", "תגיד", "תגידי", "תגידו",
             "לכתוב", "לשלוח"}


# sends of their own, with their own wording ("send a thank you to everyone who came: ...")
_OWN_SENDS = {"thank", "thanks", "תודה", "remind", "reminder", "תזכיר", "תזכירי", "תזכורת", "invite", "invites",
              "invitation", "invitations", "הזמנות", "הזמנה", "ask"}


def _audience_message(line: str, region, today) -> Reading | None:
    """A message to a group, said loosely: "to all the maybes - please answer by Sunday",
    "לכל מי שלא ענה תכתוב "נשמח לתשובה"", "תפיצי לכל מי שאישר: ...", "can you ask everyone
    coming: need a ride? yes / no" (a question with choices)."""
    m = re.match(r"^(?:תשאל|תשאלי|לשאול|שאל)\s+(?:את\s+)?(?:כל\s+)?(?:ה[^\s:]+|מי\s+ש[^\s:]+)\s+(?:אם|האם)\s+(\S.+?)[,?]?\s+(?:כן\s+או\s+לא|כן\s*/\s*לא)\W*$", line) \
        or re.match(r"^(?:(?:can|could)\s+(?:you|u)\s+|pls\s+|please\s+)?ask\s+(?:all|everyone|every|the|those)\b[^:,]*?\s+(?:if|whether)\s+(\S.+?)[,?]?\s+"
                    r"(?:yes\s+or\s+no|yes\s*/\s*no)\W*$", line, re.I)
    if m:   # "לשאול את המאשרים אם צריכים הסעה מירושלים, כן או לא": a yes / no question to the guests
        yes_no = ("כן", "לא") if _HE.search(m.group(0)[-8:]) else ("yes", "no")
        return Reading(C.Ask(text=m.group(1).strip() + "?", options=yes_no), sure=False)
    m = re.match(r"^(?:(?:can|could)\s+(?:you|u)\s+|pls\s+|please\s+)?let\s+(?:everyone|everybody|all\s+(?:the\s+)?guests|the\s+guests|all)\s+know"
                 r"\s*(?:that\s+|:\s*|[-–]\s*)?(\S.{3,})$", line, re.I)
    if m and not re.search(r"\b(?:when|if|whether)\b", m.group(1)[:12], re.I):
        # "let everyone know the bar has a cover charge": a message to all the guests, asked first
        return Reading(C.Broadcast(text=m.group(1).strip(" \"'“”")), sure=False)
    m = re.match(r"^(?:תשלח|תשלחי|תשלחו|שלח|שלחי|שלחו|לשלוח|send|message|text)\s+(?:to\s+)?(?:ל?כל\s+)?(?:ל?מי\s+ש(?:הגיע|הגיעה|הגיעו|בא|באו|השתתף|השתתפו)|"
                 r"(?:everyone|everybody|all|those|the\s+guests|guests|people)\s+who\s+(?:came|attended|showed\s+up|were\s+there))\s*[:\-–]\s*(\S.*)$", line, re.I)
    if m:   # "תשלח למי שהגיע: תודה שחגגתם איתנו!": after the event, those who came are thanked
        return Reading(C.ThankYou(text=m.group(1).strip()), sure=False)
    m = re.match(r"^(?:(?:can|could)\s+(?:you|u)\s+|pls\s+|please\s+)?ask\s+(?:all|everyone|every|the|those)\b[^:]*:\s*(\S.*)$",
                 line, re.I) or re.match(r"^(?:תשאל|תשאלי|לשאול|שאל)\s+(?:את\s+)?(?:כל\s+)?(?:ה\S+|מי\s+ש\S+)[^:]*:\s*(\S.*)$", line)
    if m:
        asked = C.parse("ask " + m.group(1), region, today)
        return Reading(asked, sure=False) if isinstance(asked, C.Ask) else None
    m = re.match(r"^(?:להודיע|תודיע|תודיעי|תודיעו|תגיד|תגידי|תגידו|תכתוב|תכתבי|תכתבו|תשלח|תשלחי|תשלחו|שלח|שלחי|שלחו|לשלוח|לכתוב|תפיץ|תפיצי|תפיצו|להפיץ)"
                 r"(?:\s+בבקשה)?\s+((?:ל?כלל?\s+)?(?:ל?מי|ה?אלה|ה?אלו)\s+ש[^:]{1,40}?)\s*:\s*(\S.*)$", line)
    m = m or re.match(r"^(?:(?:ה)?הודעה\s+|message\s+)?(ל(?:כל\s+)?(?:מי|אלה|אלו|האלה)\s+ש[^:]{1,40}?)\s*:\s*(\S.*)$", line)
    if m and _status_in(_words(m.group(1))):
        # "לשלוח לכל מי שאמר שלא מגיע: חבל!": the audience is the whole clause before the colon
        # ("לכל מי שאמר לא: תודה שעניתם", "הודעה למי שאישר: ...": the audience before the colon says it all)
        return _to_audience(_words(m.group(1)), m.group(2).strip(" \"'“”„״׳"), line)
    m = re.match(r"^(?:להודיע|תודיע|תודיעי|תודיעו|תגיד|תגידי|תגידו|תכתוב|תכתבי|תכתבו|תשלח|תשלחי|תשלחו|שלח|שלחי|שלחו|לשלוח|לכתוב|תפיץ|תפיצי|תפיצו|להפיץ)"
                 r"(?:\s+בבקשה)?\s+(ל?כלל?\s+(?:מי\s+ש(?:לא\s+)?[^\s:]+|ה[^\s:]+)|ל?כולם|למי\s+ש(?:לא\s+)?[^\s:]+"
                 r"|ל(?:כל\s+)?(?:ה)?צד\s+(?:של\s+)?(?:ה)?(?:כלה|חתן))\s+ש(\S.*)$", line)
    if m:   # "להודיע לכל האורחים שהאירוע עבר לאולם הקטן", "תשלחי לכל מי שאישר שהאוטובוס יוצא בשש"
        told = _to_audience(_words(m.group(1)), m.group(2).strip(), line)
        # "שלח לצד של הכלה שההסעה יוצאת ב-10:30": one side, told; asked first
        return Reading(told.command, sure=False) if "צד" in m.group(1) else told
    m = re.match(r"^(?:תעדכן|תעדכני|תעדכנו|עדכן|עדכני|עדכנו|לעדכן)(?:\s+בבקשה)?\s+(?:גם\s+)?(?:את\s+)?((?:כלל?\s+(?:ה(?:אורחים|מוזמנים|אנשים)|מי\s+ש(?:לא\s+)?[^\s:]+)|כולם"
                 r"|ה(?:אורחים|מוזמנים)))(?:\s*:\s*|\s+ש)(\S.*)$", line) \
        or re.match(r"^(?:(?:can|could)\s+(?:you|u)\s+|pls\s+|please\s+)?update\s+((?:all\s+(?:of\s+)?)?(?:the\s+)?(?:guests|invitees)|everyone|everybody)"
                    r"(?:\s*:\s*|\s+that\s+)(\S.*)$", line, re.I)
    said = (["כל"] if m and m.group(1) in ("האורחים", "המוזמנים") else []) + _words(m.group(1)) if m else []
    if m and _audience_ref(said):
        # "תעדכן את כל האורחים שהישיבה נפרדת, גברים מימין ונשים משמאל", "update all the guests that parking is free": the
        # guests told, never a guest edited (asked first)
        told = _to_audience(said, m.group(2).strip(" \"'“”„״׳"), line)
        if isinstance(told.command, C.Broadcast):
            return Reading(told.command, sure=False)
    m = re.match(r"^(?:message|msg|text|tell|send|broadcast)?\s*(?:to\s+)?((?:all|everyone|every)\b.*?)\s+[-–—:]\s*(\S.*)$",
                 line, re.I) or re.match(r"^(?:broadcast|שלחי|שלח|שלחו|תשלח|תשלחי|תשלחו)\s+(ל\S+(?:\s+\S+){0,3}?)\s*[:\-–]\s*(\S.*)$", line)
    if m and _audience_ref(_words(re.sub(r"^ל(?=[\u05d0-\u05ea])", "", m.group(1)))):
        # "message all the maybes - "...", "broadcast לכל המאשרים: ...", "שלחי לצד של הכלה: ..."
        return _to_audience(_words(re.sub(r"^ל(?=[\u05d0-\u05ea])", "", m.group(1))), m.group(2).strip(" \"'“”„״׳"), line)
    m = re.match(r"^(?:to|for)\s+((?:all|everyone|every|the|those)\b[^:]*?)(?:\s*:|\s+[-–—])\s*(\S.*)$", line, re.I)
    if m and _audience_ref(_words(m.group(1))):
        return _to_audience(_words(m.group(1)), m.group(2).strip(), line)
    if m and _status_in(_words(m.group(1))) and _words(m.group(1))[-1].lower() in {"guests", "people", "ones", "invitees", "folks"}:
        # "to the confirmed guests: parking is behind the hall": those who answered so, told (asked first)
        return Reading(_to_audience(_words(m.group(1)), m.group(2).strip(), line).command, sure=False)
    m = re.match(r"^ל(?=[\u05d0-\u05ea])((?:כלל?\s+)?[^\s:\-–—]+(?:\s+[^\s:\-–—]+){0,3}?)\s*(?::|\s[-–—])\s*(\S.*)$", line)
    if m:
        # "לכל האורחים: המדורה תידלק ב-20:00", "למאשרים: ...", "לכולם - ...": the audience, then what they are told, with
        # no verb (asked first); a name before the colon is no audience ("למשה: ..." is read elsewhere)
        said = _words(m.group(1))
        if not _audience_ref(said) and said and not said[0].startswith("ה") and _audience_ref(["ה" + said[0]] + said[1:]):
            said = ["ה" + said[0]] + said[1:]   # "למאשרים": ל and the article in one letter
        if _audience_ref(said):
            told = _to_audience(said, m.group(2).strip(" \"'“”„״׳"), line)
            if isinstance(told.command, C.Broadcast):
                return Reading(told.command, sure=False)
    text = _quoted(line) or _after_colon(line)
    if not text:
        return None
    head = line[:line.find(text) if text in line else len(line)]
    hw = _words(head)
    if not (set(hw) & _WRITE_TO or any(_he_in(w, _WRITE_TO) for w in hw)) or set(hw) & _OWN_SENDS:
        return None
    status = _status_in(hw)
    everyone = any(w in _ALL_WORDS or _he_in(w, {"כל", "כולם", "כלל"}) for w in hw)
    side = _side_in(hw) if _has(head.lower(), "side", "צד") else None
    if status or everyone or side:   # "send to the bride's side: the henna is on Thursday"
        return Reading(C.Broadcast(text=text.strip(" \"'“”„״׳"), status=status, side=side), sure=False)
    return None


_PARTY_NOUNS = r"(?:party|party size|headcount|count|number|הכמות|כמות|מספר\s+(?:ה)?(?:מגיעים|אורחים|אנשים|מקומות))"


# a side named after a person or a group ("מהצד של אבא", "on the mother's side", "הצד של דור")
_BLESSING_ABBREV = re.compile(r"(?<![\w\"'״])(?:בעזהי[\"״]ת|בע[\"״]ה|בס[\"״]ד|אי[\"״]ה|בלי\s+נדר|בעזרת\s+השם|בעזרת\s+ה['׳])(?![\w])")
_WEEKDAY_ONLY = re.compile(r"^\s*(?:(?:ב|ל)?יום\s+(?:ראשון|שני|שלישי|רביעי|חמישי|שישי|שבת)|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
                           r"(?:\s+(?:בבוקר|בערב|בצהריים|בצהרים|אחה[\"״]צ|אחרי\s+הצהריים|(?:in\s+the\s+)?(?:morning|evening|afternoon)))?\s*$", re.I)
_NAME_TRAILERS = re.compile(r"(?:(?:^|[\s,.]+)(?:טלפון|הטלפון|טל['׳]|טל\.|נייד|מספר|phone|tel|mobile|number|נפשות|אנשים|people|ppl|persons|מקומות|seats|מוזמנים|משתתפים|guests"
                            r"|תודה|רבה|בבקשה|thanks|thx|please|pls|הם|הן|they|they're|they\s+are))+[\s,.:!]*$"
                            r"|[\s,.:?]+$", re.I)
# "... ברכה אילייב +1 718 555 0142 תוסיף אותה", "Dana Levi 054... add her please": the request after the guest, no name
_ADD_HIM_TRAILER = re.compile(r"[\s,.]+(?:(?:אבקש|אני\s+מבקשת?|נא|אפשר|בבקשה|please|pls|can\s+you)\s+)?(?:ו)?(?:תוסיף|תוסיפי|תוסיפו|להוסיף|הוסף|תכניס|תכניסי|תכניסו|להכניס|תרשום|תרשמי|תרשמו|לרשום|add|put)"
                              r"\s+(?:גם\s+)?(?:אותו|אותה|אותם|אותן|him|her|them)(?:\s+(?:בבקשה|please|pls|in|too|גם|לרשימה|ברשימה))*[\s,.!]*$", re.I)
_NAME_VERBS = {"הוספה", "הוספת", "תוסיף", "תוסיפי", "הוסף", "להוסיף", "add", "added"}


# "אחי יונתן שגר בניו יורק", "Dana who lives in Haifa": where they live or work is said of them, no part of the name
_SAID_OF_THEM = re.compile(r"\s+(?:ש(?:גר|גרה|גרים|גרות|עובד|עובדת|עובדים|לומד|לומדת|נמצא|נמצאת|נמצאים|חי|חיה|חיים)"
                           r"|(?:who|that)\s+(?:lives?|works?|is|are|studies|stays?)|living|working)\s+\S.*$", re.I)


def _name_tidied(g: C.GuestDraft) -> C.GuestDraft:
    """"אילנה כהן ." , "איגור פטרוב טלפון": the name without the punctuation or the phone's label after it."""
    said_of = _SAID_OF_THEM.search(f" {g.last_name or ''}")
    if said_of:
        g = dataclasses.replace(g, last_name=f" {g.last_name}"[:said_of.start()].strip())
    last = _NAME_TRAILERS.sub("", _ADD_HIM_TRAILER.sub("", g.last_name or ""))
    first = _NAME_TRAILERS.sub("", g.first_name or "")
    if re.fullmatch(r"\d{0,2}[.)\-–•*]+", (g.first_name or "").strip()) and last:   # "1. משה ורחל אזולאי – 050…": the list's number, then the name
        first, last = C.split_name(last)
    if first.lower() in _NAME_VERBS and last:   # "הוספה: איתן רוזן 03-…": the verb, then the name
        first, last = C.split_name(last)
    if first.lower() in {"גם", "also", "too"} and last and re.sub(r"^(?:את|ה?אורח(?:ת)?)\s+", "", last).strip():
        # "תוסיפי גם את שרית 054…", "also add Dana": the word "also", then the name
        first, last = C.split_name(_strip_relation(re.sub(r"^(?:את|ה?אורח(?:ת)?)\s+", "", last)))
    to_new = re.match(r"^(?:ל|ל-|ה)?(?:אורח|אורחת|מוזמן|מוזמנת)\s+(?:חדש|חדשה|נוסף|נוספת)\s*:\s*(\S.*)$", f"{first} {last}")
    if to_new:   # "add לאורח חדש: בני טוביה ...": the header, then the name
        first, last = C.split_name(to_new.group(1).strip())
    if re.match(r"^ל-[A-Za-z\u05d0-\u05ea]{2,}", first):   # "תעשה add ל-Michael Stern ...": "to Michael", his name is Michael
        first = first[2:]
    named = _NAMED_AFTER.search(f"{first} {last}")
    if named and not re.match(r"(?:me|us|him|her|it|you|אותי|אותנו)\b", named.group(1), re.I):
        # "the uncle of my wife, his name is Tesfaye Worku", "תוסיף אותו בשם ערן": the name said, not who he is
        first, last = C.split_name(named.group(1).strip(" ,."))
    notes = g.notes
    who_first = _WHO_FIRST.match(f"{first} {last}".strip())
    if who_first:
        # "המפקד של עידו אלון רז", "הנכד של אחותו רפאל", "לבן דוד של אבא? ג'קי": who they are, whose, then the name;
        # who they are is kept as a note
        first, last = C.split_name(who_first.group("name"))
        notes = notes or who_first.group("who").strip()
    said = _WHO_THEY_ARE.search(last)
    if said and first and not _HE_NAME_OF.match(said.group(1)):
        # "שרית הגננת של התאומים", "יהודית שגיא המנהלת של בית הספר": who she is, kept as a note, not her name
        last, notes = last[:said.start()].strip(" ,-–"), notes or said.group(0).strip(" ,-–")
    said = re.search(r"(?:^|[\s,]+)(?:הוא|היא|הם|הן)\s+(מה?[\u05d0-\u05ea]{3,}(?:\s+\S+){0,3})[.!]?$", last)
    if said and first and not re.match(r"מגיע|מאשר|מה?צד(?![\u05d0-\u05ea])", said.group(1)):
        # "שחר גולן 054… הוא מהצוות הקמה": where he is from, kept as a note, not his name
        last, notes = last[:said.start()].strip(" ,-–"), notes or re.sub(r"\s+(?:סבבה|בבקשה|תודה)\W*$", "", said.group(1))
    party = g.party_size
    along = _COMPANION.search(f"{first} {last}") if party is None and last != (g.last_name or "") else None
    if along and along.start() > len(first):
        # "מרים שפירא, 02…, תגיע עם בתה. אבקש להוסיף אותן.": with the request after it gone, who comes along is said last
        first, last = C.split_name(f"{first} {last}"[:along.start()])
        party = 2
    if (last, first, notes, party) == (g.last_name or "", g.first_name or "", g.notes, g.party_size) or not first:
        return g
    return dataclasses.replace(g, first_name=first, last_name=last, notes=notes, party_size=party)


_NAMED_AFTER = re.compile(r"(?:^|[\s,]+)(?:(?:his|her|their)\s+name\s+is|(?:his|her)\s+name'?s|named|called|בשם|ששמו|ששמה|"
                          r"שקוראים\s+(?:לו|לה)|קוראים\s+(?:לו|לה)|(?:ו)?השם\s+שלו|(?:ו)?השם\s+שלה|שמו|שמה)\s+(\S.*)$", re.I)
_KIN = (r"(?:בן\s+(?:ה)?דוד|בת\s+(?:ה)?דודה|נכד|נכדה|אח|אחות|אחיין|אחיינית|בן|בת|חבר|חברה|ידיד|ידידה|מפקד|מפקדת|מורה|גננת|מנהל|מנהלת|"
        r"בוס|שכן|שכנה|גיס|גיסה|דוד|דודה|סבא|סבתא|קולגה|מדריך|מדריכה|מאמן|מאמנת|רופא|רופאה|שותף|שותפה|סנדק|סנדקית|מטפל|מטפלת|"
        r"חותן|חותנת|חמות|ארוס|ארוסה|אשת|מזכיר|מזכירה|עוזר|עוזרת|סגן|סגנית|רב|רבנית)")
# who someone is before their name: "(זה) אחות של אישתי סבטלנה", "המפקד של עידו אלון רז" (one word for whose)
_WHO_FIRST = re.compile(r"^(?:ל-?|את\s+|(?:זה|זו|זאת|הוא|היא)\s+)?(?P<who>(?:ה)?" + _KIN + r"\s+של\s+[^\s,?]+(?:\s+(?:שלי|שלו|שלה|שלנו))?)"
                        r"[\s,?]+(?P<name>[^\s,?\d]+(?:\s+[^\s,?\d]+){0,2})$")
_WHO_THEY_ARE = re.compile(r"(?:^|[\s,]+)(ה[\u05d0-\u05ea]{2,})\s+של\s+\S.*$")
_HE_NAME_OF = re.compile(r"^(?:הלוי|הכהן|הטלפון|המספר|הנייד|הפלאפון|הפלא|הבית)$")


_WEEKDAY_TAIL = re.compile(r"[\s,|\-–]+(?:(?:ב|ל)?יום\s+(?:ראשון|שני|שלישי|רביעי|חמישי|שישי|שבת)|בשבת|(?:on\s+)?(?:(?:next|this|coming)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
                           r"(?:\s+(?:הבא|הקרוב|next|this))?[\s,.|]*$", re.I)
_SIDE_NAMED = re.compile(r"(?:^|\s)(?:[מלב]|מה|ל-|מ-)?(?:ה)?צד\s+של\s+(?:ה)?([^\s,?:!.]+)|(?:^|\s)(?:מ|ב|ל|מ-|ל-)?צד\s+(?:ה)?((?:אבא|אמא|סבא|סבתא|"
                         r"המשפחה|משפחת\s+\S+|אשתי|אישתי|בעלי|ארוסתי|ארוסי|כלה|חתן|קלה|כתן|חטן|[A-Za-z\u05d0-\u05ea]+ים)(?![\u05d0-\u05ea]))|\b(?:on|from|of)\s+(?:the\s+)?([\w&]+?)(?:'s|’s)?\s+side\b", re.I)
_SIDE_FILLER = {"מהצד", "של", "צד", "side", "from", "the", "on", "list", "רשימת", "בצד", "הצד", "in", "ה", "who", "are", "מ",
                "הזמנות", "ההזמנות", "invitations", "invites", "deliveries", "any", "messages", "הודעות"}
_EVENT_FIELD_ASKED = re.compile(r"^(?:מה|מתי|איפה|what'?s|what\s+is|where'?s|where\s+is|when'?s|when\s+is)\s+(?:the\s+|ה\s?-?)?(?:location|מיקום|המיקום|כתובת|הכתובת|address|"
                                r"venue|date|תאריך|התאריך|time|שעה|השעה|מקום|המקום)(?![\w])", re.I)
_INBOX_SAID = re.compile(r"\bvoice\s+(?:note|message|msg)s?\b|\b(?:msgs|messages)\s+from\s+(?:the\s+)?guests\b|"
                        r"(?:messages|הודעות)\s+(?:חדשים|חדשות)\s+מ(?:ה)?אורחים|"
                        r"מה\s+\S+\s+(?:כתב|כתבה|כתבו)\s+(?:לנו|לי)|\b(?:wrote|sent|texted)\s+(?:us\s+|me\s+)?(?:something|a\s+message)\b|"
                        r"\bwhat\s+did\s+(?:he|she|they)\s+(?:say|write|ask)\b|הודע\S*\s+קולי\S*|הקלטה|"
                        r"(?:כתב|כתבה|כתבו|שלח|שלחה|שלחו)\s+(?:לנו\s+|לי\s+)?(?:משהו|הודעה)|מה\s+(?:הוא|היא|הם)\s+(?:כתב|כתבה|כתבו|שאל|שאלה|שאלו)",
                        re.I)
# (not "how do I see the list": that asks for the list itself)
_HOW_DO_I = re.compile(r"^(?:how\s+(?:do|can|should)\s+(?:i|we)|how\s+to)\s+(?!see|view|know|check|get|find)\w+|^איך\s+(?:אני\s+|אנחנו\s+)?(?:מוסיפ|שולח|עושים|עושה|מסמנ|מוחק|מסיר|משנ|מזמינ|ל(?!ראות|דעת))\S*",
                       re.I)
_CARD_SAID = [r"כרטיס\S*\s+(?:ה)?(?:מוזמן|מוזמנת|אורח|אורחת)\s+של\s+(.+?)\W*$",
              r"^(?:why|למה|מדוע)\s+(?:\S+\s+){0,2}?(?:ההזמנה|invitation|invite)\s+(?:של|for|to|ל)\s*-?(.+?)\s+(?:לא|not|didn'?t|wasn'?t|never|failed|נכשלה)\b"]


def _family_name(who: str) -> str:
    """"the Katzes", "the Levys": the family's name as it is written on the list (not "Jones")."""
    who = who.strip()
    m = re.match(r"^(?:the\s+)?([A-Za-z][a-z'\-]+?(?:z|x|s|sh|ch)(?=es$)|[A-Za-z][a-z'\-]+?(?=s$))(?:es|s)$", who)
    return m.group(1) if m and who.lower().startswith("the ") else re.sub(r"^the\s+", "", who, flags=re.I)


def _note_at(line: str, region) -> Reading | None:
    """"תוסיף הערה אצל סבא שמעון: ...", "תכתוב הערה אצל יונתן: צמחוני", "אצל ר' אהרן פישר לרשום שהוא כהן": a note on
    the guest (asked first), never a message to a guest called "הערה אצל יונתן"."""
    m = re.match(r"^(?:תוסיף|תוסיפי|להוסיף|הוסף|תרשום|תרשמי|לרשום|תכתוב|תכתבי|לכתוב)\s+(?:ה)?הערה\s+(?:אצל|ליד|על|ל-?)\s*(.+?)\s*(?::|\s[-–—])\s*(\S.*)$", line) \
        or re.match(r"^(?:אצל|ליד)\s+(.+?)\s+(?:לרשום|תרשום|תרשמי|לכתוב|תכתוב|תכתבי|להוסיף|תוסיף|תוסיפי)\s+(?:הערה\s*:?\s*|ש(?=\S))(\S.*)$", line) \
        or re.match(r"^(?:(?:add|put)\s+(?:a\s+)?note\s+(?:to|for|on|at|about)|(?:write|leave)\s+(?:a\s+)?note\s+(?:for|on|at|about))\s+(.+?)\s*(?::|\s[-–—])\s*(\S.*)$", line, re.I)
    if m and len(_words(m.group(1))) <= 4:
        name, _ = _tidy_name(m.group(1))
        ref = _ref(_strip_relation(name), region)
        if ref:
            return Reading(C.EditGuest(ref, "note", re.sub(r"^(?:הוא|היא|הם|הן)\s+", "", m.group(2).strip())), sure=False)
    return None


def _loose_rules(line: str, low: str, words: list[str], wset: set, region, today=None) -> Reading | None:
    """Commands said in a sentence the grammar has no verb for: a guest's party or side changed
    ("Noa's party is actually 3 not 2", "the Dahans are 6 now", "עדי עוברת לצד של הכלה"), a message
    to one guest ("whatsapp guest 9: ...", "לשלוח לאורח 3: ..."), an answer taken back
    ("תחזיר את שרית לממתינה"), the rest of a list, the inbox."""
    m = re.search(r"(?:get|send|give|show)\s+me\s+(\S+?)(?:'s|’s)?\s+(?:(?:rsvp|personal|own)\s+){0,2}link\b", line, re.I) or \
        re.search(r"(?:^|\s)(?:ה\s?-?)?(?:link|לינק|קישור|הקישור|הלינק)\s+(?:האישי\s+|rsvp\s+|personal\s+)?(?:של|for|to|ל-?)\s*([^?.,!]+)", line, re.I)
    if m:
        name = re.sub(r"(?<=[a-z]{3})s$", "", m.group(1).strip(" ?.!"), flags=re.I) if re.search(r"\s(?:rsvp\s+)?link", line[m.end(1):m.end(1) + 12], re.I) \
            and not re.search(r"'s|’s", line) else m.group(1).strip(" ?.!")
        name = re.split(r"\s+(?:אני|i|so|we|כדי|in\s+order|אין|כי|because|she|he|היא|הוא|her|his|שאשלח|שאעביר|שאשלח)\b", name, flags=re.I)[0]
        name = re.sub(r"^(?:ה)?(?:אורח|אורחת)\s+(?=\S)", "", name)
        name, _ = _tidy_name(name)
        ref = _fix_ref(_ref(name, region)) if len(name.split()) <= 3 else None
        if ref:
            return Reading(C.GuestLink(ref=ref))   # "get me tals rsvp link", "מה ה link של סבתא שושנה?"
    m = re.match(r"^(?:(?:ה)?שם\s+(?:ה)?(?:אירוע|חתונה|מסיבה|חינה|ברית)|(?:the\s+)?(?:event'?s?\s+name|name\s+of\s+(?:the|our)\s+event))"
                 r"\s*(?:[:\-–]\s*|\s(?:יהיה|יהא|יהיה\s+עכשיו|הוא\s+עכשיו|will\s+(?:now\s+)?be|should\s+be|is\s+now)\s+)(\S.*)$", line, re.I)
    if m and not line.rstrip().endswith("?"):   # "שם האירוע יהיה "בר המצווה של נתנאל"", "the event name will be ..."
        return Reading(C.SetEventField("name", m.group(1).strip()), sure=False)
    m = re.match(r"^(?:נא\s+|בבקשה\s+|אפשר\s+)?(?:לשלוח|תשלח|תשלחי|שלח|שלחי|לתת|תן|תני|send|give|get)\s+(?:לי|לנו|me|us)\s+(?:את\s+)?(?:the\s+|an?\s+)?"
                 r"(?:updated\s+|current\s+|latest\s+|full\s+)?(?:ה)?(?:רשימה|רשימת|list)\b(.*)$", line, re.I)
    if m and not _phone(line, region)[0]:
        rest = _words(m.group(1))
        if not set(rest) & (_CALL_VERBS | _TEAM_WORDS | {"events", "אירועים", "האירועים", "שיחות", "call", "calls"}) and not _team_in(rest):
            # "נא לשלוח לי רשימה מעודכנת של המאשרים", "send me an updated list of who's coming": the list, here in the chat
            return Reading(C.ListGuests(status=_status_in(rest), side=_side_in(rest)))
    status = _status_in(words[:2]) if not (words[0].startswith("כמה") or "how" in words) else None
    if status and len(words) <= 6 and set(words) - set(_words(" ".join(
            w for w in words if _status_in([w]) or w in {"ה", "who"}))) <= _SIDE_FILLER | set(_SIDE):
        return Reading(C.ListGuests(status=status, side=_side_in(words)))   # "pending מהצד של החתן", "ממתינים צד כלה"
    if _EVENT_FIELD_ASKED.match(line.strip()) and not re.search(r"\s(?:של|of)\s+(?!(?:ה)?(?:אירוע|אולם|venue|event|party|the\s+(?:venue|event|party)))", line, re.I):
        return Reading(C.ShowEvent())   # "מה ה location שרשמנו?", "what's the כתובת of the venue again?"
    if words and set(words) <= _TEAM_WORDS | {"באירוע", "של", "האירוע", "list", "the", "רשימת", "who", "are", "is", "the", "event", "on",
                                              "this", "מי", "הם", "כל"} and set(words) & _TEAM_WORDS and len(words) <= 5:
        return Reading(C.ListMembers())   # "מורשים באירוע", "the team"
    m = re.match(r"^(.+?)\s+should\s+(?:be|read|say)\s+(?:spelled\s+|spelt\s+|written\s+|called\s+|listed\s+as\s+)?[\"'“‘](.+?)[\"'”’]"
                 r"(?:\s+(?:in|on)\s+the\s+(?:guest\s+)?list)?\W*$", line, re.I) or \
        re.match(r"^(.+?)\s+(?:צריך|צריכה|צריכים)\s+להיות\s+(?:רשום\S*\s+)?(?:כ-?)?[\"'״“](.+?)[\"'״”](?:\s+ברשימה)?\W*$", line)
    if m and len(_words(m.group(1))) <= 3 and not set(_words(m.group(1))) & (_EVENT_NOUNS | _ALL_WORDS | {"it", "this", "name", "השם", "זה"}):
        ref = _ref(m.group(1).strip(" ."), region)   # "Dan K. should be 'Daniel Kaufman' in the list": his name written in full
        if ref:
            return Reading(C.EditGuest(ref, "name", m.group(2).strip()), sure=False)
    m = re.match(r"^(?:האם\s+)?(?:(?:כבר\s+)?יש\s+(?:לי|לנו|אצלנו|ברשימה)\s+(?:כבר\s+)?|(?:do|did)\s+(?:i|we)\s+(?:already\s+)?have\s+|is\s+there\s+(?:already\s+)?|"
                 r"(?:have|has)\s+(?:i|we)\s+(?:already\s+)?(?:got|added)\s+)(?:מישהו|מישהי|אורח|אורחת|someone|anyone|somebody|anybody|a\s+guest)\s+"
                 r"(?:עם\s+(?:ה)?(?:מספר|טלפון|נייד)|with\s+(?:the\s+|this\s+)?(?:number|phone(?:\s+number)?))\s*:?\s*(\+?\d[\d\s().-]{6,}\d)", line, re.I)
    if m:   # "יש לי כבר מישהו עם המספר 052-…? לא רוצה לשכפל": a search by phone, never a new guest
        return Reading(C.FindGuests(text=m.group(1).strip()))
    m = re.match(r"^(?:whose|של\s+מי)\s+(?:number|phone|המספר|הטלפון)\s+(?:is\s+|זה\s+|הוא\s+)?(\+?[\d\s()-]{7,})\W*$", line, re.I)
    if m:   # "whose number is 0523344556": a search by phone, never a new guest
        return Reading(C.FindGuests(text=m.group(1).strip()))
    m = re.match(r"^(?:תשלח|תשלחי|שלח|שלחי|לשלוח)\s+ל-?(\S+(?:\s+\S+)?)\s+הודעה\s*(?:ש|:\s*)(\S.+)$", line)
    if m and not set(_words(m.group(1))) & (_ALL_WORDS | _TEAM_WORDS):   # "תשלחי לשולה ברק הודעה שהמקום שלה שמור"
        ref = _ref(m.group(1), region)
        if ref:
            return Reading(C.MessageGuest(ref=ref, text=m.group(2).strip()), sure=False)
    m = re.match(r"^(?:send|message|text|write)\s+to\s+([^:]{1,30}?)\s*:\s*(\S.+)$", line, re.I) or \
        re.match(r"^(?:send|message|text|whatsapp)\s+([^:\d]{1,30}?)\s*:\s*(\S.+)$", line, re.I)
    if m and len(_words(m.group(1))) <= 3 and not set(_words(m.group(1))) & (_ALL_WORDS | _AUDIENCE_HEADS | _TEAM_WORDS | _OWN_SENDS | {
            "the", "a", "an", "this", "that", "it", "message", "msg", "text", "following", "out", "them", "back", "reply", "again",
            "guests", "guest", "list", "link", "links", "details", "me", "us", "update", "note", "bride", "groom", "side", "reminders",
            "nudge", "nudges", "announcement", "poll", "survey", "question", "thank-you", "thankyou", "rsvp", "rsvps", "broadcast",
            "invitations", "invites", "save", "date", "photos", "pictures", "location", "address", "directions"}) \
            and not _status_in(_words(m.group(1))) and not _side_in(_words(m.group(1))):
        ref = _ref(m.group(1), region)   # "send to שני: אל תשכחי את המצלמה!"
        if ref:
            return Reading(C.MessageGuest(ref=ref, text=m.group(2).strip()), sure=False)
    m = re.match(r"^(?:שים|שימי|תשים|תשימי|סמן|סמני|תסמן|תסמני)\s+את\s+(.+?)\s+כ-?(אולי|מתלבט\S*|מאשר\S*|מגיע\S*|לא\s+מגיע\S*|מבטל\S*)\W*$", line)
    if m:   # "שימי את דודה שולה כאולי"
        said = m.group(2)
        answer = "maybe" if said.startswith(("אולי", "מתלבט")) else "no" if said.startswith(("לא", "מבטל")) else "yes"
        name, _ = _tidy_name(m.group(1))
        ref = _ref(name, region)
        if ref:
            return Reading(C.MarkGuest(ref=ref, answer=answer), sure=False)
    m = re.match(r"^(?:the\s+)?(.+?)(?:\s+(?:is|are)|'s|'re)\s+(?:actually\s+|really\s+|now\s+)?(?:on\s+|from\s+)?(?:the\s+)?(bride|groom)(?:'s)?\s+side\b", line, re.I)
    if m and "?" not in line and not set(_words(m.group(1).lower())) & (
            _ALL_WORDS | _AUDIENCE_HEADS | {"how", "many", "who", "which", "what", "guests", "people", "here", "they", "we"}):
        # "the katzes are on the bride side not groom", "Emma Clarke is actually bride side" (never "which guests are ...")
        who = re.sub(r"(?<=[a-z]{3})(?:es|s)$", "", m.group(1).strip(), flags=re.I) if re.match(r"^the\s", line, re.I) else m.group(1)
        ref = _ref(who, region)
        if ref:
            return Reading(C.EditGuest(ref=ref, field="side", value=m.group(2).lower()), sure=False)
    m = re.match(r"^(\S+(?:\s+\S+)?)\s+(?:shouldn'?t|should\s+not|can'?t|cannot|won'?t)\s+(?:be\s+able\s+to\s+)?(?:edit|change)\b.*\b(?:just|only)\s+(?:view|look|see)", line, re.I)
    if m:   # "ron shouldnt be able to edit anymore just view"
        ref = _ref(m.group(1), region)
        if ref:
            return Reading(C.ChangeRole(ref=ref, role="viewer"), sure=False)
    if re.search(r"(?:split|divide|share)\s+(?:the\s+)?(?:phone\s+)?calls|לטלפן|(?:לחלק|תחלק|תחלקי)\s+(?:את\s+)?(?:ה)?שיחות", line, re.I):
        return Reading(C.Calls())   # "split the phone calls between me and tom", "את מי צריך לטלפן היום?"
    if re.search(r"(?:remind|tell)\s+me\s+what\s+(?:details|info)|what\s+details\s+(?:do\s+)?we\s+have", line, re.I):
        return Reading(C.ShowEvent())   # "Could you remind me what details we have for the event?"
    if re.search(r"(?:אל|לא)\s+(?:תעדכן|תעדכני|לעדכן|תודיע|תודיעי|להודיע)\s+(?:אותי|לי)\s+(?:על\s+)?(?:כל|בכל)", line):
        return Reading(C.Notify(on=False), sure=False)   # "אל תעדכן אותי על כל אישור"
    m = re.match(r"^(?:\S+\s+)?(?:go\s+back\s+to|back\s+to|switch\s+(?:back\s+)?to|let'?s\s+do)\s+(?:the\s+)?(.+?)[,.!]*(?:\s+please)?[.!]*$", line, re.I)
    if m and not set(_words(m.group(1))) & {"english", "hebrew", "אנגלית", "עברית"}:
        ref = _ref(re.sub(r"[,.!]+$", "", m.group(1)).strip(), region)
        if ref:
            return Reading(C.UseEvent(ref=ref), sure=False)   # "Let's go back to Maya's bat mitzvah, please."
    m = re.match(r"^(?:תן|תני|לתת|תעביר|תעבירי)\s+ל-?(\S+(?:\s+\S+)?)\s+(?:הרשאות|הרשאת|הרשאה|גישה|גישת)\s+(?:רק\s+)?(?:של\s+)?ל?-?"
                 r"(צפות|צפייה|צפיה|לראות|ערוך|עריכה|עורך|ניהול|נהל|מנהל|מלאות|מלאה)", line)
    if m and not _phone(line, region)[0]:   # (with a phone it is a new co-organiser)   # "תן לערן הרשאות רק לצפות": a co-organiser's role
        role = {"צפות": "viewer", "צפייה": "viewer", "צפיה": "viewer", "לראות": "viewer", "ערוך": "editor", "עריכה": "editor",
                "עורך": "editor", "ניהול": "admin", "נהל": "admin", "מנהל": "admin", "מלאות": "admin", "מלאה": "admin"}[m.group(2)]
        ref = _ref(m.group(1), region)
        if ref:
            return Reading(C.ChangeRole(ref=ref, role=role), sure=False)
    if re.search(r"(?:להתקשר|לצלצל|להרים\s+טלפון|to\s+call|should\s+i\s+(?:call|phone|ring))", line, re.I) and \
            re.search(r"(?:רשימ|list|who|מי|למי)", line, re.I) and not _phone(line, region)[0]:
        return Reading(C.Calls())   # "תן לי את הרשימה של מי שאני צריכה להתקשר אליו"
    if re.match(r"^(?:and\s+)?(?:the\s+rest|what\s+about\s+the\s+rest|(?:ו)?מה\s+עם\s+(?:ה)?שאר|(?:ו)?השאר|(?:ו)?(?:תראה|תראי)\s+(?:את\s+)?השאר)\W*$", line, re.I):
        return Reading(C.More())    # "and the rest?"
    if re.match(r"^(?:אני\s+)?(?:יוצא|יוצאת|עוזב|עוזבת|פורש|פורשת)\s+(?:את\s+)?(?:ה)?(?:אירוע|מהאירוע|מ(?:ה)?ניהול)", line):
        return Reading(C.Leave(), sure=False)   # "אני יוצאת מהאירוע של רביבו"
    m = re.match(r"^(?:תעשה|תעשי|לעשות|צור|תצור|תצרי|תפתח|תפתחי)?\s*(?:סקר|poll|survey)\s+(?:ל\S+|for\s+\S+(?:\s+guests)?)?\s*:\s*(\S.*)$", line, re.I)
    if m:   # "תעשה סקר למאשרים: הסעה מתל אביב? כן / לא"
        again = C.parse("ask " + m.group(1), region, today)
        if isinstance(again, C.Ask):
            return Reading(again, sure=False)
    for pattern in _CARD_SAID:   # "כרטיס המוזמן של דודי משה", "למה ההזמנה של דודה אסתר לא נשלחה?": that guest's card
        m = re.search(pattern, line, re.I)
        if m:
            name, _ = _tidy_name(m.group(1))
            ref = _ref(name, region)
            if ref:
                return Reading(C.GuestCard(ref=ref))
    if _INBOX_SAID.search(line) and "?" in line or re.search(r"\bvoice\s+(?:note|message)", line, re.I):
        return Reading(C.Inbox())   # "did anyone leave us a voice note?", "Emily wrote something, what did she say?"
    if re.match(r"^what\s+(?:can|could)\s+(?:i|we)\s+(?:actually\s+|really\s+)?do\s+(?:with|here|on)|^מה\s+(?:אני\s+)?(?:יכול|יכולה|אפשר)\s+לעשות\s+(?:פה|כאן|עם)", line, re.I):
        return Reading(C.Help())    # "What can I actually do with this service?"
    if _HOW_DO_I.match(line.strip()) and len(words) <= 10:
        return Reading(C.Help())    # "איך מוסיפים אורח", "how do I remove someone?": the how-to
    m = re.match(r"^(.+?)'s\s+" + _PARTY_NOUNS + r"\s+(?:is|should be|=)\s+(?:actually\s+|now\s+)?(\d{1,2})\b", line, re.I) \
        or re.match(r"^((?:the\s+)?.+?)\s+(?:are|is)\s+(?:now\s+)?(\d{1,2})\s+(?:now|people|ppl)\b", line, re.I) \
        or re.match(r"^(?:תשנה|תשני|שנה|תעדכן|תעדכני|עדכן|תתקן|תתקני)\s+ל-?(\S+(?:\s+\S+)?)\s+את\s+" + _PARTY_NOUNS
                    + r"\s+ל-?\s*(\d{1,2})$", line)
    if m and int(m.group(2)) <= C.MAX_PARTY_SIZE:
        who = re.sub(r"^the\s+(\S+?)s$", r"\1", m.group(1).strip(), flags=re.I)   # "the Dahans": the Dahan family
        ref = _ref(re.sub(r"^the\s+", "", who, flags=re.I), region)
        if ref and not set(_words(ref.text)) & (_ALL_WORDS | _EVENT_NOUNS | {"we", "us", "i"}):
            return Reading(C.EditGuest(ref, "party", int(m.group(2))), sure=False)
    m = re.match(r"^(\S+(?:\s+\S+)?)\s+(?:עובר|עוברת|עוברים|moves|is moving|goes)\s+(?:ל|to\s+(?:the\s+)?)(?:צד\s+(?:של\s+)?)?ה?(כלה|חתן|bride|groom)"
                 r"(?:'s)?(?:\s+side)?\s*$", line, re.I) or re.match(
        # "put Maya on the groom side", "place the Levis with the bride's side": that guest's side
        r"^(?:put|place|move|switch)\s+(\S+(?:\s+\S+)?)\s+(?:on|to|in|into|under|with)\s+(?:the\s+)?(bride|groom)(?:'s|s)?\s+side\W*$", line, re.I)
    if m:
        ref = _ref(m.group(1), region)
        if ref:
            return Reading(C.EditGuest(ref, "side", {"כלה": "bride", "חתן": "groom"}.get(m.group(2), m.group(2).lower())),
                           sure=False)
    m = re.match(r"^(?:whatsapp|message|msg|text|send|write to|שלח|תשלח|תשלחי|לשלוח|תכתוב|תכתבי)\s+(?:ל-?)?(?:guest|אורח|לאורח|אורחת|לאורחת)\s*"
                 r"#?(\d{1,4})\s*[:\-–]\s*(\S.*)$", line, re.I)
    if m:
        return Reading(C.MessageGuest(C.Ref(m.group(1), number=int(m.group(1))), m.group(2).strip()), sure=False)
    m = re.match(r"^(?:send|message|text|whatsapp|שלח|תשלח|תשלחי)\s+(?:ל-?)?(\+?\d[\d\s-]{7,}\d)\s*[:\-–]?\s*[\"'“”„׳](.+)[\"'“”״׳]\s*$",
                 line, re.I)
    if m:
        ref = _ref(m.group(1), region)
        if ref and ref.phone:
            return Reading(C.MessageGuest(ref, m.group(2).strip()), sure=False)
    # "תחזירי את נועם ללא ענה", "להחזיר את משפחת לוי לסטטוס ממתין": an answer taken back
    m = re.match(r"^(?:תחזיר|תחזירי|תחזירו|להחזיר|החזר|החזירי|put)\s+(?:את\s+)?(.+?)\s+(?:ל-?|back\s+to\s+)(?:ה)?(?:סטטוס\s+(?:של\s+)?)?"
                 r"(?:ממתינים|ממתינה|ממתין|ממתינות|pending|לא\s+(?:ענו|ענה|ענתה|עונה|עונים|השיב\S*|הגיב\S*|מענה|תשובה)|no\s+answer|not\s+answered)"
                 r"(?:\s+(?:בבקשה|please|pls|תודה))?\W*$", line, re.I)
    if m:
        ref = _ref(m.group(1), region)
        if ref:
            return Reading(C.MarkGuest(ref, "pending"), sure=False)
    noted = _note_at(line, region)
    if noted is not None:
        return noted
    m = re.match(r"^ל-?(\S+(?:\s+\S+)?)\s+(?:תוסיף|תוסיפי|תרשום|תרשמי|תכתוב|תכתבי)\s+(?:ה)?הערה\s*[:\-–]\s*(\S.*)$", line) \
        or re.match(r"^(?:add|put)\s+(?:a\s+)?note\s+(?:to|for|on)\s+(.+?)\s*[:\-–]\s*(\S.*)$", line, re.I)
    if m:   # "לאושרת תוסיף הערה: מגיעה בכיסא גלגלים": a note on the guest
        ref = _ref(m.group(1), region)
        if ref:
            return Reading(C.EditGuest(ref, "note", m.group(2).strip()), sure=False)
    m = re.match(r"^the\s+(?:number|phone)\s+(?:for|of)\s+(.+?)\s+is\s+wrong\W+(?:it\s+)?(?:should\s+be|is)\s+(\+?\d[\d\s-]{7,}\d)\W*$",
                 line, re.I) or re.match(r"^(?:ה)?(?:מספר|טלפון)\s+של\s+(.+?)\s+(?:לא\s+נכון|שגוי)\W+(?:ה?נכון\s+(?:זה|הוא)?|צריך\s+להיות)\s*"
                                      r"(\+?\d[\d\s-]{7,}\d)\W*$", line)
    if m:   # "the number for Avi Shaul is wrong, it should be 0509090901"
        ref = _ref(m.group(1), region)
        phone, _rest = _safe_phone(m.group(2), region)
        if ref and phone:
            return Reading(C.EditGuest(ref, "phone", phone), sure=False)
    m = re.match(r"^(.+?)\s+[-–—:]\s+make\s+it\s+(\d{1,2})(?:\s+(?:people|ppl|guests))?\W*$", line, re.I)
    if m and int(m.group(2)) <= C.MAX_PARTY_SIZE:   # "Ruth and her husband - make it 2 people"
        name, _party = _tidy_name(m.group(1))
        ref = _ref(name, region)
        if ref:
            return Reading(C.EditGuest(ref, "party", int(m.group(2))), sure=False)
    m = re.match(r"^(?:called|rang|phoned)\s+(\S+)\s*,?\s*(?:no\s+answer|didn'?t\s+(?:answer|pick\s+up)|voicemail)\W*$", line, re.I) \
        or re.match(r"^(?:ניסיתי|ניסינו)\s+(?:להתקשר|לתפוס|לדבר|להשיג)\s+(?:ל-?|עם\s+|את\s+)?(.+?)\s*,?\s*(?:אין\s+מענה|לא\s+ענה|לא\s+ענתה|לא\s+עונה)\W*$", line)
    if m:   # "called 6 no answer", "ניסיתי להתקשר לנחום, אין מענה"
        ref = _ref(m.group(1), region)
        if ref:
            return Reading(C.Called(ref=ref, outcome="no_answer", party_size=None), sure=False)
    m = re.match(r"^(?:תסמן|תסמני|סמן|סמני|mark)\s+(?:את\s+)?(.+?)\s+(?:כ-?|as\s+)(no|yes|maybe|pending|לא\s+מגיע\S*|מגיע\S*|אולי)\W*$", line, re.I)
    if m:   # "תסמן את Kevin כ-no"
        said = m.group(2).lower()
        answer = "no" if said.startswith(("no", "לא")) else "maybe" if said in ("maybe", "אולי") else \
            "pending" if said == "pending" else "yes"
        ref = _ref(m.group(1), region)
        if ref:
            return Reading(C.MarkGuest(ref, answer), sure=False)
    m = re.match(r"^(?:שלחי|שלח|תשלח|תשלחי|לשלוח)\s+ל-?(?:אורח\s+|אורחת\s+)?(\S+(?:\s+\S+)??)\s+(?:את\s+)?(?:ה)?הודעה\s*:\s*(\S.*)$", line)
    if m and not _audience_ref(_words(m.group(1))):   # "שלחי ליעל הודעה: ...", "לשלוח לאורח משה כהן את ההודעה: ..."
        ref = _ref(m.group(1), region)
        if ref:
            return Reading(C.MessageGuest(ref, m.group(2).strip()), sure=False)
    m = re.match(r"^(?:send|message|text|tell)\s+(\S+(?:\s+\S+)??)\s+(?:a\s+)?(?:message|msg|text)\s+(?:saying|that|to\s+say)\s+(\S.*)$", line, re.I) \
        or re.match(r"^הודעה\s+(?:אישית|פרטית)\s+ל-?(\S+(?:\s+\S+)?)\s*[:\-–]\s*(\S.*)$", line)
    if m:   # "send Omer a message saying ...", "הודעה אישית לעידו - תביא את הגיטרה!"
        ref = _ref(m.group(1), region)
        if ref and not _audience_ref(_words(m.group(1))):
            return Reading(C.MessageGuest(ref, m.group(2).strip()), sure=False)
    if re.match(r"^(?:how\s+are\s+we\s+doing|how'?s\s+it\s+going)\s+(?:with|on)\s+(?:the\s+)?(?:rsvps?|answers|replies|confirmations)\b", low) \
            or re.match(r"^how(?:'re|\s+are|'s|\s+is)\s+(?:the\s+|our\s+)?(?:rsvps?|rsvp'?s|answers|replies|confirmations|numbers)\s+"
                        r"(?:looking|going|coming\s+(?:along|in)|doing)\b(?:\s+(?:so\s+far|now|today))?\W*$", low) \
            or re.match(r"^(?:תן|תני|תנו)\s+לי\s+(?:תמונת\s+מצב|סטטוס|עדכון\s+מצב)\W*$", line):
        return Reading(C.Stats())
    m = re.match(r"^(?:(?:תגיד|תגידי)\s+לי\s+)?(?:מה\s+עם|מה\s+המצב\s+(?:של|עם))\s+(\S+(?:\s+\S+)?)\s*\?*\s*(?:היא\s+|הוא\s+|הם\s+)?(?:ענ\S*|אישר\S*|מגיע\S*|החזיר\S*)"
                 r"(?:\s+כבר)?\s*\?*$", line)
    if m and not set(_words(m.group(1))) & (_EVENT_NOUNS | _ALL_WORDS):   # "מה עם אורנה? ענתה כבר?"
        ref = _ref(m.group(1), region)
        if ref:
            return Reading(C.GuestCard(ref=ref))
    m = re.match(r"^(?:(?:האם\s+)?יש\s+(?:לנו\s+|לי\s+)?(?:אצלנו|ברשימה|ברשימת\s+המוזמנים)\s+(?:את\s+)?)(?:משפחת\s+)?(.+?)\s*\?*$", line)
    if m and len(_words(m.group(1))) <= 4:   # "יש אצלנו את משפחת חדד?"
        who = re.sub(r"^(?:מישהו|מישהי|אורח|אורחת)\s+(?:בשם|שקוראים\s+(?:לו|לה))\s+", "", m.group(1).strip())
        return Reading(C.FindGuests(text=who))
    m = re.match(r"^(תגיב|תגיבי|תענה|תעני|תשיב|תשיבי)\s+(ל-?(?!י\s|נו\s)[^\s:]+?(?:\s+(?!ש)[^\s:]+)?)\s+ש(\S.*)$", line) or \
        re.match(r"^(reply|answer|respond)\s+((?:to\s+)?(?!me\b|us\b)[^\s:]+(?:\s+(?!that\b)[^\s:]+)?)\s+that\s+(\S.*)$", line, re.I)
    if m and not set(_words(m.group(2))) & (_ALL_WORDS | _AUDIENCE_HEADS | {"לי", "לנו", "me", "us", "him", "her", "them"}) \
            and m.group(2).lower() not in {"לו", "לה", "להם", "להן"}:   # (to him / her: which message is asked)
        # "תעני לציפי שהאירוע מתחיל ב-8", "answer Tzipi that there is parking": a reply to what she wrote, said with "that"
        verb = "תעני" if _HE.match(m.group(1)) else "reply"
        said = C.parse(f"{verb} {m.group(2)}: {m.group(3).strip()}", region, today)
        if isinstance(said, C.ReplyGuest):
            ref = (_ref(said.ref.text, region) if said.ref.number is None and said.ref.phone is None else None) or said.ref
            return Reading(C.ReplyGuest(ref=ref, text=said.text), sure=False)
    m = re.match(r"^(?:תגיב|תגיבי|תענה|תעני|תשיב|תשיבי)\s+(?:ל-?)?(?:מספר\s+|הודעה\s+(?:מספר\s+)?)(\d{1,3})\s*[:\-–]\s*(\S.*)$", line)
    if m:   # "תגיב למספר 1 - יש אוכל צמחוני"
        return Reading(C.ReplyGuest(C.Ref(m.group(1), number=int(m.group(1))), m.group(2).strip()), sure=False)
    if re.match(r"^(?:לשלוח|תשלח|תשלחי|שלח|שתשלח|שתשלחי)\s+(?:שוב|עוד\s+פעם|פעם\s+נוספת)\s+(?:תזכורת\s+)?ל(?:כל\s+)?מי\s+ש(?:עוד\s+)?(?:לא|טרם)\s+"
                r"(?:ענה|ענו|הגיב|הגיבו|אישר|אישרו|השיב|השיבו)\W*$", line):
        return Reading(C.Remind(), sure=False)   # "לשלוח שוב למי שלא הגיב": a reminder
    if re.match(r"^(?:confirmed|proceed|go\s+ahead|אני\s+מאשר|אני\s+מאשרת|מאשר|מאשרת|מאושר)\b[\s,.!]*(?:please\s+proceed|proceed|go\s+ahead|תמשיך|בבקשה)?\W*$",
                low):
        return Reading(C.Confirm("yes"))   # "Confirmed, please proceed.", "אני מאשר"
    if re.match(r"^(?:could\s+you\s+)?(?:please\s+)?(?:provide|give|send)\s+(?:me\s+)?(?:the\s+)?(?:current\s+)?(?:rsvp\s+)?"
                r"(?:figures|numbers|stats|statistics|totals)\b", low):
        return Reading(C.Stats())
    if re.match(r"^(?:anything|any\s+messages?|anything\s+new)\s+(?:new\s+)?from\s+(?:the\s+)?guests\W*$", low):
        return Reading(C.Inbox())
    if re.match(r"^(?:תראה|תראי|הראה|show)\s+(?:לי\s+|me\s+)?(?:עוד|more)\W*$", low):
        return Reading(C.More())
    m = re.search(r"[.,;]\s*(?:נא\s+|בבקשה\s+|אפשר\s+|please\s+|pls\s+)?(?:להחזיר|תחזיר|תחזירי|החזר|put|move|set)\s+(?:אותם\s+|אותו\s+|אותה\s+|them\s+|him\s+|her\s+)?"
                  r"(?:back\s+to\s+|ל-?(?:ה)?)(?:ממתינים|ממתין|ממתינה|רשימת\s+הממתינים|pending)(?:\s+(?:בבקשה|please|pls|תודה|thanks))?\W*$", line, re.I)
    if m:   # "משפחת חדד סומנו בטעות כמאשרים, הם עדיין לא ענו. נא להחזיר לממתינים": the ones named first
        who = re.split(r"\s+(?:סומנו|סומן|סומנה|נרשמו|נרשם|נרשמה|הם|היא|הוא|עדיין|בטעות|אמרו|אמר|אמרה|עוד|were|was|is|are|got|said|marked)(?![\w'])|[,.;]",
                       line[:m.start()], flags=re.I)[0]
        who = _family_name(who)
        ref = _ref(who, region) if 0 < len(_words(who)) <= 3 and not set(_words(who)) & (_FIRST_PERSON | _ALL_WORDS) else None
        if ref:
            return Reading(C.MarkGuest(ref, "pending"), sure=False)
    m = re.match(r"^(?:put|move|set)\s+(the\s+)?(.+?)\s+back\s+to\s+pending\b", line, re.I)
    if m:   # "put the Azoulays back to pending, they want to rethink": the Azoulay family
        who = re.sub(r"^(\S+?)s$", r"\1", m.group(2).strip()) if m.group(1) else m.group(2)
        ref = _ref(who, region)
        if ref:
            return Reading(C.MarkGuest(ref, "pending"), sure=False)
    m = re.match(r"^(?:תעביר|תעבירי|תפיץ|תפיצי|תודיע|תודיעי)\s+ל(?:כולם|כל\s+האורחים|אורחים|כל\s+המוזמנים|מוזמנים)\s*(?::\s*|ש)(\S.*)$", line)
    if m:   # "תעביר לכולם שיש חניה חינם", "תפיץ לאורחים: יש מעלית"
        return Reading(C.Broadcast(text=m.group(1).strip()), sure=False)
    m = re.match(r"^(.+?)\s+(מאשר|מאשרת|מאשרים|מגיע|מגיעה|מגיעים)\s+(?:הגעה\s*)?,?\s*(\d{1,2})?\W*$", line)
    if m and len(_words(m.group(1))) <= 3 and not set(_words(m.group(1))) & (_ALL_WORDS | {"מי", "כמה", "לא"}) \
            and not re.match(r"^(?:תעדכן|תעדכני|תרשום|תרשמי|תסמן|תסמני)\s", m.group(1)):
        ref = _ref(m.group(1), region)   # "שרה אברהם מאשרת הגעה, 2"
        if ref:
            return Reading(C.MarkGuest(ref, "yes", int(m.group(3)) if m.group(3) else None), sure=False)
    m = re.match(r"^(\S+(?:\s+\S+){0,2}?)\s+(?:אמר|אמרה|אמרו|כתב|כתבה|כתבו|הודיע|הודיעה|הודיעו|סיפר|סיפרה|סיפרו)\s+(?:לי|לנו)?"
                 r"(?:[^,.?]{0,30}?)\s*ש(?:הוא|היא|הם|הן)?\s*(?:(?:כנראה|בטוח|בעזרת\s+השם|בע\"ה)\s+)?"
                 r"(לא\s+(?:יכול|יכולה|יכולים|מגיע|מגיעה|מגיעים|יגיע|תגיע|יגיעו|יבוא|תבוא|יבואו|בטוח|בטוחה|בטוחים)\S*|"
                 r"אולי|מגיע|מגיעה|מגיעים|יגיע|תגיע|יגיעו|יבוא|תבוא|יבואו|באים)(?![\u05d0-\u05ea])", line)
    if m and not set(_words(m.group(1))) & (_ALL_WORDS | _FIRST_PERSON | {"מי", "כמה", "מישהו", "מישהי", "אני", "אנחנו", "הוא", "היא", "הם"}) \
            and not _CALLED.search(m.group(1)):   # ("התקשרתי לחיים, אמר ש...": a call and its outcome, read as a call)
        # "הדוד מאיר אמר לי בבית כנסת שהוא לא יכול": his answer, passed on by the organiser (asked before it is marked)
        said = m.group(1 + 1)
        answer = "maybe" if said.startswith(("אולי", "לא בטוח")) else "no" if said.startswith("לא") else "yes"
        ref = _ref(m.group(1), region)
        if ref:
            return Reading(C.MarkGuest(ref, answer, _party_said(line) if answer == "yes" else None), sure=False)
    m = re.match(r"^(.+?)\s+(?:told\s+me|said)\s+(maybe|yes|no)\b", line, re.I)
    if m and len(_words(m.group(1))) <= 3 and not set(_words(m.group(1).lower())) & (
            _ALL_WORDS | _AUDIENCE_HEADS | {"how", "many", "who", "which", "whoever"}):   # "Lisa Kaplan told me maybe"
        ref = _ref(m.group(1), region)
        if ref:
            answer = m.group(2).lower()
            return Reading(C.MarkGuest(ref, answer, _party_said(line) if answer == "yes" else None), sure=False)
    m = re.match(r"^(?:תעדכן|תעדכני|עדכן|עדכני|לעדכן|תרשום|תרשמי|לרשום|תכתוב|תכתבי)\s+(?:אצל|לגבי|על)\s+([^\d,:]+?)\s+ש(?:הם|הן|הוא|היא)?\s*"
                 r"(?:יהיו\s+|יהיה\s+|תהיה\s+|מגיעים\s+|באים\s+)?(\d{1,2})\s*(?:משתתפים|אנשים|איש|נפשות|מקומות|מוזמנים)?(?:\s+(?:ולא|במקום)\s+\d{1,2})?\W*$", line)
    if m and int(m.group(2)) <= C.MAX_PARTY_SIZE:   # "תעדכני אצל משפחת חזן שהם 5 ולא 3": that guest's party, asked first
        ref = _ref(_family_name(m.group(1)), region)
        if ref:
            return Reading(C.EditGuest(ref, "party", int(m.group(2))), sure=False)
    m = re.match(r"^(?:משפחת\s+)?([^\d,:]+?)(?:\s+(?:יהיו|יהיה|תהיה|הם|הן)|\s*[-–:,])\s*(\d{1,2})\s*(?:משתתפים|אנשים|איש|נפשות|מקומות|מוזמנים)?"
                 r"\s+(?:ולא|במקום)\s+\d{1,2}", line) or re.match(
        r"^((?:the\s+)?[^\d,:]+?)\s*(?:[-–:,]|\s+(?:are|is|will\s+be))\s*(\d{1,2})\s*(?:people|ppl|guests|seats)?,?\s+(?:not|instead\s+of)\s+\d{1,2}\b", line, re.I)
    if m and int(m.group(2)) <= C.MAX_PARTY_SIZE:   # "משפחת אוחיון יהיו 6 ולא 5, תעדכן", "משפחת פרץ – 6 משתתפים ולא 4"
        ref = _ref(_family_name(m.group(1)), region)
        if ref:
            return Reading(C.EditGuest(ref, "party", int(m.group(2))), sure=False)
    m = re.match(r"^(?:לשנות|תשנה|תשני|לעדכן|תעדכן|תעדכני)\s+את\s+(?:ה)?(?:כמות|מספר\s+(?:ה)?(?:אנשים|מקומות|מגיעים)|ה?-?party\s+size)\s+של\s+(.+?)\s+ל-?\s*(\d{1,2})\W*$",
                 line, re.I) or re.match(
        # "תשני את משפחת חכמי ל-5 אנשים", "update Dana to 3 people": a guest changed to a number of people
        r"^(?:לשנות|תשנה|תשני|שנה|לעדכן|תעדכן|תעדכני|עדכן|תתקן|תתקני|לתקן)\s+(?:בבקשה\s+)?את\s+(?!ה?(?:כמות|מספר|שעה|תאריך|מקום)\b)"
        r"([^\d,:]+?)\s+ל-?\s*(\d{1,2})\s*(?:אנשים|נפשות|איש|מקומות|משתתפים|מוזמנים)(?:\s+(?:בבקשה|במקום\s+\d{1,2}))?\W*$"
        r"|^(?:change|update|set|make)\s+(?!the\s+(?:time|date|venue|location)\b)(?:the\s+)?([^\d,:]+?)\s+to\s+(\d{1,2})\s*(?:people|ppl|guests|seats|persons)\W*$", line, re.I)
    if m and m.lastindex == 4:
        who, n = m.group(3), m.group(4)   # (the English form)
        who = re.sub(r"^(\S+?)s$", r"\1", who) if re.match(r"^the\s", line[len(line.split()[0]):].strip(), re.I) else who
        ref = _ref(who, region) if int(n) <= C.MAX_PARTY_SIZE else None
        if ref:
            return Reading(C.EditGuest(ref, "party", int(n)), sure=False)
    elif m and int(m.group(2)) <= C.MAX_PARTY_SIZE:   # "לשנות את הכמות של נועה שפירא ל 2"
        ref = _ref(m.group(1), region)
        if ref:
            return Reading(C.EditGuest(ref, "party", int(m.group(2))), sure=False)
    m = re.match(r"^(.+?)'s\s+(?:number|phone)\s+is\s+wrong\W+(?:it\s+)?(?:should\s+be|is)\s+(\+?\d[\d\s-]{7,}\d)\W*$", line, re.I)
    if m:   # "Lisa Kaplan's number is wrong, it should be 0547778890"
        ref = _ref(m.group(1), region)
        phone, _rest = _safe_phone(m.group(2), region)
        if ref and phone:
            return Reading(C.EditGuest(ref, "phone", phone), sure=False)
    if re.match(r"^(?:שלח|תשלח|תשלחי|לשלוח)\s+את\s+ה-?(?:invitations|invites|הזמנות)\W*$", line, re.I):
        return Reading(C.Invite(), sure=False)
    if re.match(r"^כמה\s+(?:rsvp'?s?|אישורים|אישורי\s+הגעה|תשובות)\s+(?:קיבלנו|יש|יש\s+לנו|הגיעו)\W*$", low):
        return Reading(C.Stats())
    if re.match(r"^(?:מישהו|מישהי)\s+(?:מהאורחים\s+)?(?:שאל|שאלה|כתב|כתבה)\s+(?:משהו|לנו|לי)?\W*$", line):
        return Reading(C.Inbox())
    if re.match(r"^(?:(?:לא|רגע|wait|no|stop|oops|sorry|actually|hmm)[,!.]?\s+)*(?:בטל|בטלי|תבטל|תבטלי|עצור|תעצור|תעצרי|stop|cancel)"
                r"(?:[,!.]?\s+(?:בטל|בטלי|תבטל|תבטלי|עצור|תעצור|תעצרי|אל\s+תשלח\S*|stop|cancel|don'?t\s+send))*"
                r"(?:\s+(?:that|it|this|את\s+זה|זה|זאת))?\W*$", low):
        return Reading(C.Cancel())   # "רגע בטלי בטלי", "לא רגע תעצור אל תשלח"
    if re.search(r"(?:לא\s+מבינ\S*|don'?t\s+understand|confused|מבולבל\S*)", low) and \
            re.search(r"(?:תעזור|תעזרי|תעזרו|עזרה|help)(?:\s+(?:לי|me))?\W*$", low):
        return Reading(C.Help())   # "אני לא מבינה כלום תעזור לי"
    if re.match(r"^מה\s+(?:ה)?(?:כתובת|מיקום|שעה|תאריך)\s+(?:של\s+)?(?:ה)?(?:אולם|אירוע|חתונה|מקום|גן|בר\s+מצווה)\b", line) or \
            re.match(r"^(?:what'?s|what\s+is)\s+the\s+(?:address|venue|date|time)\s+(?:of|for)\s+(?:the|our)\s+(?:event|wedding|venue|hall)\b", low):
        return Reading(C.ShowEvent())   # "מה הכתובת של האולם אני לא זוכרת"
    if re.match(r"^(?:(?:שלח|תשלח|תשלחי|לשלוח)\s+)?(?:את\s+)?(?:ה)?הזמנות\s+ל(?:כל\s+)?מי\s+ש(?:עוד\s+)?לא\s+(?:קיבל|קיבלו|הוזמן|הוזמנו)\b", line):
        return Reading(C.Invite(), sure=False)   # "הזמנות לכל מי שעוד לא קיבל, יאללה"
    if re.search(r"(?:בגרף|גרף|בתרשים|תרשים|\bchart\b|\bgraph\b)", low) and re.search(
            r"(?:אישור|מצב|סטטוס|rsvp|answers|status|תשובות)", low):
        return Reading(C.Chart())   # "אבקש לראות את מצב האישורים בגרף"
    if re.match(r"^(?:nvm|never\s*mind|forget\s+it)\b(?:\s*,?\s*(?:cancel|stop))?\W*$", low):
        return Reading(C.Cancel())
    if re.match(r"^(?:מה\s+(?:אתה|את)\s+(?:בעצם\s+)?(?:יודע|יודעת|יכול|יכולה)\s+לעשות|what\s+(?:else\s+)?can\s+you\s+do|what\s+do\s+you\s+do)\b", low):
        return Reading(C.Help())
    if re.match(r"^(?:תמשיך|תמשיכי|המשך)\s+(?:להראות|להציג)(?:\s+(?:לי|את))*\s+(?:ה)?(?:שאר|המשך|יתר)\W*$", line):
        return Reading(C.More())
    m = re.match(r"^(?:להעביר|תעביר|תעבירי|לשנות|תשנה|תשני|להפוך|תהפוך|תהפכי)\s+(?:את\s+)?(.+?)\s+(?:ל(?:הרשאת|הרשאה\s+של|תפקיד)\s+\S+"
                 r"|ל\S+(?:\s+בלבד)?)$", line)
    if m:   # "ברצוני להעביר את אליעזר להרשאת עורך"
        changed = _as_role_change(line[m.start(1):], region)
        if changed is not None:
            return changed
    m = re.match(r"^(?:update|change|set|fix)\s+(?:the\s+)?(?:party\s+size|headcount|number\s+of\s+(?:guests|people))\s+(?:for|of)\s+"
                 r"(?:the\s+)?(.+?)(?:\s+family)?\s+to\s+(\d{1,2})\W*$", line, re.I)
    if m and int(m.group(2)) <= C.MAX_PARTY_SIZE:   # "update the party size for the Ben-Ami family to 5"
        ref = _ref(m.group(1), region)
        if ref:
            return Reading(C.EditGuest(ref, "party", int(m.group(2))), sure=False)
    if re.search(r"\b(?:re-?enable|enable|turn\s+(?:back\s+)?on|switch\s+(?:back\s+)?on|bring\s+back)\s+(?:the\s+)?day[- ]before\b", low):
        return Reading(C.DayBefore(on=True), sure=False)
    m = re.match(r"^(?:switch|change|set)\s+(?:your\s+)?(?:replies|answers|messages|language)\s+(?:to\s+me\s+)?(?:to|into)\s+(\w+)\W*$", low)
    if m and m.group(1) in _LANG:   # "switch your replies to me to English"
        return Reading(C.SetLanguage(code=_LANG[m.group(1)]), sure=False)
    m = re.match(r"^(?:i'?m|i\s+am)\s+leaving\s+(?:the\s+)?(.+?)\s+event\b", line, re.I)
    if m:   # "I'm leaving the Cohen event, the family will take it from here"
        return Reading(C.Leave(), sure=False)
    m = re.match(r"^(?:להקים|להקים\s+לי|תקים|תקימי|לפתוח|תפתח|תפתחי|פותחים|פותחת|פותח|create|open|start|set\s+up)\s+(?:a\s+|an\s+)?(?:new\s+)?"
                 r"(?:אירוע|event)(?:\s+חדש)?\s*(?:[:\-–]\s*|(?=ל[\u05d0-\u05ea]))(\S.*)$", line, re.I)
    if m:   # "להקים אירוע: חינה של שני ודור"
        return _new_event("new event " + m.group(1), region, today)
    m = re.match(r"^(?:ה)?(?:מקום|מיקום|אולם|venue|location|place)\s+(?:השתנה|התחלף|עבר|changed|moved|is\s+now)\s*(?:ל|to)?\s*[:\-–]?\s*(\S.*)$",
                 line, re.I)
    if m:   # "המקום השתנה - גן אירועים אחוזת שרונה, כפר סבא"
        place = re.sub(r"^(?:עכשיו\s+)?(?:(?:זה|הוא|היא)\s+ב-?|(?:it'?s|it\s+is)\s+(?:now\s+)?(?:at|in\s+)?|now\s+(?:at|in)\s+)", "",
                       m.group(1).strip(" !.,"), flags=re.I).strip()
        return Reading(C.SetEventField("location", place or m.group(1).strip()), sure=False)
    if re.search(r"(?:^|\s)(?:כל\s+)?ה-?events\b|\ball\s+(?:of\s+)?my\s+events\b", line, re.I) and not _IL_PHONE.search(line):
        return Reading(C.ListEvents())
    m = re.match(r"^(?:any|are there any)\s+(declines|no'?s|maybes|confirm(?:ation)?s|yes(?:es)?)\b(.*)$", low)
    if m:   # "any declines from the bride's side?"
        status = {"declines": "declined", "nos": "declined", "no's": "declined", "maybes": "maybe",
                  "confirms": "confirmed", "confirmations": "confirmed", "yeses": "confirmed", "yes": "confirmed"}.get(m.group(1))
        return Reading(C.ListGuests(status=status, side=_side_in(_words(m.group(2))) if "side" in m.group(2) else None))
    if re.search(r"\b(?:rsvp|response|reply|answer)\s+(?:rate|numbers|figures|stats|statistics|data)\b|(?:אחוז|אחוזי|נתוני|מספרי|שיעור)\s+(?:ה)?(?:היענות|מענה|אישורים|האישורים|התשובות|הגעה|ההגעה)", low):
        return Reading(C.Stats())
    if re.match(r"^(?:no|stop|turn off|cancel|without)\s+(?:the\s+)?(?:auto(?:matic)?\s+)?reminders\b", low) or \
            re.match(r"^(?:בלי|בטל|תבטל|תבטלי|לבטל|אל\s+תשלח)\s+(?:את\s+)?(?:ה)?תזכורות\s+(?:ה)?אוטומטיות", line):
        return Reading(C.Reminders(days=None), sure=False)
    if re.match(r"^what\s+did\s+(?:people|guests|they|everyone)\s+(?:answer|pick|choose|say)\s+(?:about|for|to)\b", low) or \
            re.match(r"^מה\s+(?:ענו|בחרו|אמרו)\s+(?:האורחים\s+)?(?:על|ל|לגבי)\s*ה?(?:שאלה|סקר|מנות|אוכל)", line):
        return Reading(C.Answers())
    if re.match(r"^(?:תמשיך|תמשיכי|המשך|continue|keep going)(?:\s+(?:את\s+)?(?:ה)?(?:רשימה|list|the list))?\W*$", line, re.I):
        return Reading(C.More())
    if re.match(r"^(?:did|has|have)\s+(?:any|anyone|any of the)\s*(?:guests?|one|body)?\s+(?:write|wrote|written|message|messaged|send|sent)\b", low) \
            or re.match(r"^(?:מישהו|מישהי)\s+(?:מהאורחים\s+)?(?:כתב|כתבה|שלח|שלחה)\b", line):
        return Reading(C.Inbox())
    return None


def _edits(a: str, b: str) -> int:
    """Typing distance: insertions, deletions, substitutions and swaps of two neighbours."""
    prev2, prev = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                v = min(v, prev2[j - 2] + 1)
            cur.append(v)
        prev2, prev = prev, cur
    return prev[-1]


def _reparse_guessed(fixed: str, body, region, today) -> Reading | None:
    text = "\n".join([fixed] + list(body))
    again = C.parse(text, region, today)
    if isinstance(again, C.ParseError):
        words = _words(fixed)
        r = _guess_words(fixed, fixed.lower(), words, set(words), list(body), region, today)
        if r is None:
            return None
        return Reading(r.command, sure=False)
    fixed_r = refine(text, again, region, today)
    return Reading(fixed_r.command, sure=False)


def _has(low: str, *phrases: str) -> bool:
    return any(p in low for p in phrases)


# "do it" after a yes: the imperative of sending or going on, in its forms
_GO_AHEAD = frozenset({"שלח", "תשלח", "תשלחי", "תשלחו", "שלחי", "שלחו", "לשלוח", "תמשיך", "תמשיכי", "להמשיך", "תעשה", "תעשי",
                       "לבצע", "תבצע", "תבצעי", "send", "go", "proceed", "do", "ahead", "continue"})
_GO_FILLER = frozenset({"נא", "בבקשה", "את", "זה", "אותה", "אותו", "אותם", "עכשיו", "כבר", "it", "them", "now", "please", "pls"})


# "bride side - who confirmed so far", "צד חתן: מי עוד לא ענה?": the side named first, then the question
_SIDE_HEAD = re.compile(r"^(?P<head>[^-–—:,?]{2,30}?)\s*[-–—:,]\s*(?:who|who's|whos|which|מי|למי)(?![\w'])", re.I)


def _side_then_who(line: str) -> bool:
    m = _SIDE_HEAD.match(line)
    if not m:
        return False
    head = _words(m.group("head"))
    return bool(head) and _side_in(head) is not None and set(head) <= _SIDE_FILLER | set(_SIDE) | {"only", "just", "רק"}


# "how many chairs do we need", "how many ice lollies should we order": things to buy, not guests to count
_HOW_MANY_TO_BUY = re.compile(r"^how\s+many\s+(?!(?:more\s+)?(?:people|guests|ppl|persons|adults|kids|children|families|invit\w*|rsvp\w*|yes\w*|"
                              r"confirm\w*|answers|replies|have|are|did|do\s+we\s+have|of\b|seats?|chairs?|places?|plates?|meals?|portions?|covers?|spots?)\b)[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?\s+"
                              r"(?:should|do|shall|would|will|must|to)\s+(?:(?:we|i)\s+)?(?:order|buy|get|need|rent|book|make|prepare|bring|print)\b")


# the guest list asked for as a file: "export", "באקסל", "as a spreadsheet", "כקובץ"; not a file
# the organiser sends or sent ("I'll send you the excel", "שלחתי קובץ", "how do I upload a csv")
_EXPORT = re.compile(r"(?<![\w-])(?:export|xlsx|csv|excel|spreadsheet)(?![\w-])|(?:^|\s)ל?(?:ייצוא|ייצא|תייצא|תייצאי|לייצא)(?!\w)"
                     r"|(?:^|[\s(-])(?:ל|ב|ה|של\s+)?(?:אקסל|excel)|(?:^|\s)(?:כ|ב)קובץ(?!\w)|(?:as|in)\s+an?\s+(?:file|sheet)\b"
                     r"|(?:^|\s)(?:ל|ב|כ)?גיליון(?:\s+אלקטרוני)?(?!\w)|google\s+sheets?")
_NOT_EXPORT = re.compile(r"import|upload|ייבוא|לייבא|תייבא|העלא|להעלות|מעלה|מעלים|שלחתי|שלחנו|צירפתי|צירפנו|אשלח|נשלח|"
                         r"ששלחת|שלחת\b|you\s+sent|sent\s+me|לפתוח|פותח|נפתח|פתחתי|ריק|\bopen|\bempty|broken|"
                         r"i'?ll\s+send|i\s+sent|we\s+sent|attached|here'?s|here\s+is|מצורף|מעביר|מעבירה|token|טוקן|\bapi\b")


def _asks_for_a_file(text: str) -> bool:
    low = (text or "").lower()
    return bool(_EXPORT.search(low)) and not _NOT_EXPORT.search(low)


def _guess_words(line, low, words, wset, body, region, today) -> Reading | None:
    phone, without_phone = _safe_phone(line, region)
    q = line.rstrip().endswith("?")

    if re.match(r"^(?:add|to\s+add|להוסיף|תוסיף|תוסיפי|הוסף|להכניס|תכניס|תכניסי)\s+(?:a\s+few\s+|some\s+|a\s+couple\s+(?:of\s+)?|"
                r"כמה\s+|עוד\s+(?:כמה\s+)?|מספר\s+)?(?:more\s+|other\s+)?(?:new\s+|חדשים\s+)?(?:guests|people|אורחים|מוזמנים|אנשים)(?:\s+חדשים)?\W*$", line, re.I):
        # "אני רוצה להוסיף כמה אורחים", "I want to add a few guests": who, the grammar asks (no count asked, no list shown)
        return Reading(C.parse("add guests", region, today))
    # --- yes / no / cancel
    if len(words) <= 5 and wset <= _CANCEL_ONLY | ({"לא", "משנה"} if "לא משנה" in low else set()) and wset & {
            "עזוב", "עזבי", "תעזוב", "תעזבי"}:
        return Reading(C.Cancel())   # "עזוב לא משנה": never mind, not "leave the event"
    if len(words) <= 4 and wset <= _CANCEL_ONLY | {"nvm", "that", "it", "forget", "scrap", "oops"} and wset & {"nvm", "cancel", "scrap"}:
        return Reading(C.Cancel())    # "nvm cancel that"
    if len(words) <= 5 and words[0] in {"לא", "no", "nope"} and wset <= _NO | {
            "not", "yet", "wait", "hold", "on", "רגע", "עוד", "עדיין", "שנייה", "רגע,", "thanks", "later", "אחר", "כך"}:
        return Reading(C.Confirm("no"))   # "No, not yet", "לא רגע עוד לא": not now
    if _NOTIFY_ME.match(line):
        return Reading(C.Notify(on=True))   # "tell me whenever someone rsvps"
    if re.search(r"(?:don'?t|do\s+not)\s+want\s+(?:any\s+)?(?:automatic\s+|auto\s+)?reminders|no\s+(?:automatic|auto)\s+reminders"
                 r"|(?:לא\s+רוצה|בלי|ללא)\s+(?:שום\s+)?תזכורות\s+(?:אוטומטיות|אוטומטית)", line, re.I):
        return Reading(C.Reminders(days=None), sure=False)   # "I don't want automatic reminders at all"
    if len(words) <= 3:   # "לאאא", "כןןן", "nooo", "yesss": the answer, drawn out
        drawn = [w if w in _YES | _NO else re.sub(r"(.)\1+", r"\1", w) for w in words]
        if drawn != words and set(drawn) <= _YES | _NO:
            words, wset = drawn, set(drawn)
    if len(words) <= 3 and words[0] in _YES and wset <= _YES | {"כן", "yes"} and not wset <= _ACK:
        return Reading(C.Confirm("yes"))
    if len(words) <= 3 and words[0] in {"לא", "no", "nope", "ממש"} and wset <= _NO:
        return Reading(C.Confirm("no"))
    if len(words) <= 3 and words[0] in {"כן", "yes"}:
        return Reading(C.Confirm("yes"))

    if wset <= {"יש", "עוד", "more", "any", "there", "is"} and wset & {"עוד", "more"}:
        return Reading(C.More())
    if phone and len(words) >= 2 and len(words[0]) >= 4 and _HE.match(words[0]) and words[0] not in _HE_ADD_VERBS and (
            words[0] not in {"תוסיפו", "הוסיפו"}) and any(_edits(words[0], v) <= 1 for v in _HE_ADD_VERBS):
        # "תוסיפ את עדן 050…": a typo of the add verb, asked before adding
        r = _reparse_guessed("תוסיף " + line.split(None, 1)[1], body, region, today)
        if r is not None and isinstance(r.command, C.AddGuests):
            return r
    if words[0] == "add" and not phone and len(words) <= 3:
        return Reading(C.parse("add guest", region, today))

    # --- account
    if wset & {"token", "טוקן", "api", "הטוקן", "הטוקן?", "tokens"} or _has(low, "api key", "מפתח api"):
        return Reading(C.Token(revoke=bool(wset & {"revoke", "בטל", "תבטל", "delete", "מחק"})))
    if _asks_for_a_file(low):
        return Reading(C.Export())   # "תעשה לי export של הרשימה לאקסל", "אפשר לקבל את רשימת המוזמנים באקסל?"
    lang = next((_LANG[w] for w in words if w in _LANG), None)
    if lang:
        if wset & _GUEST_SIDE_LANG:
            return Reading(C.SetEventField("language", lang), sure=False)
        return Reading(C.SetLanguage(code=lang))
    if _has(low, "what can you do", "what can u do", "what do you do", "how does this work", "how do you work",
            "what are the commands", "איך משתמשים", "מה אפשר לעשות", "מה אתה יכול לעשות", "how do i", "עזרה", "איך זה עובד", "מה אתה יודע") or (
            wset & {"commands", "פקודות", "הפקודות"} and not phone):
        return Reading(C.Help())

    # --- the event's settings, calls, answers to the guests' question, one guest's card
    for rule in (lambda: _settings_rule(line, low, words, wset, region, today),
                 lambda: _called_rule(line, low, words, wset, region),
                 lambda: _calls_rule(line, low, words, wset),
                 lambda: _answers_rule(line, low, words, wset),
                 lambda: _card_rule(line, region),
                 lambda: _link_rule(line, low, words, wset, region)):
        r = rule()
        if r is not None:
            return r

    # --- notifications
    per_answer = wset & {"עדכון", "עדכונים", "הודעה", "הודעות", "ההודעות", "העדכונים", "update", "updates", "message",
                         "messages", "ping"} and _has(
        low, "על כל תשובה", "על כל אישור", "כל פעם ש", "every answer", "every reply", "every rsvp", "each answer",
        "each reply", "each rsvp", "every time")
    tell_me = _has(low, "תעדכן אותי", "תעדכני אותי", "תודיע לי", "תודיעי לי", "להודיע לי", "update me", "notify me", "keep me posted", "keep me updated",
                   "let me know", "tell me", "תגיד לי", "תגידי לי") and _has(
        low, "כל פעם", "כש", "when", "every", "each", "whenever", "מישהו", "someone", "anyone", "על כל", "בכל")
    # "שאקבל נוטיפיקציה כשמישהו עונה", "אני רוצה לקבל התראה על כל תשובה": a notice to the writer on each answer
    to_me = bool(re.search(r"(?:שאקבל|לקבל|אקבל|שנקבל|נקבל|get|receive)\s+(?:\S+\s+)?(?:התראה|התראות|נוטיפיקציה|נוטיפיקציות|נוטיפיקיישן|"
                           r"הודעה|הודעות|עדכון|עדכונים|notification|notifications|an?\s+alert|alerts|a\s+ping)", low)) and _has(
        low, "כל פעם", "כש", "when", "every", "each", "whenever", "מישהו", "someone", "anyone", "על כל", "בכל")
    if wset & {"notifications", "notification", "notify", "notifying", "התראות", "ההתראות", "pinging", "alerts", "alerting",
               "נוטיפיקציות", "נוטיפיקציה"} or to_me \
            or per_answer or tell_me or _has(
            low, "תעדכן אותי כש", "הודעה על כל", "let me know when"):
        off = wset & {"off", "mute", "stop", "תפסיק", "כבה", "תכבה", "בטל", "תבטל", "לא", "disable", "די", "בלי", "no",
                      "enough", "תכבי", "כבי", "לכבות", "תבטלי", "בטלי", "לבטל", "תפסיקי", "להפסיק", "תשתיק", "תשתיקי",
                      "להשתיק", "השתק", "silence", "unsubscribe"}
        return Reading(C.Notify(on=not off))

    # --- automatic reminders
    reminding_word = _has(low, "remind", "תזכ", "הזכר")
    if reminding_word and (words[:2] in (["remind", "me"], ["תזכיר", "לי"], ["תזכירי", "לי"], ["להזכיר", "לי"])
                           or _has(low, "remind me", "תזכיר לי", "תזכירי לי")) and not _status_in(words):
        if wset & {"מתי", "ומתי", "איפה", "ואיפה", "פרטים", "הפרטים", "כתובת", "הכתובת", "התאריך", "השעה", "details", "when",
                   "where", "address", "venue", "date"}:
            return Reading(C.ShowEvent())   # "מתי ואיפה זה? תזכיר לי את הפרטים": the event's details, nothing sent
        raise C._Fail(_not_understood(line).message)
    before = _has(low, "לפני", "before", "prior")
    if (wset & {"automatically", "automatic", "auto", "אוטומטי", "אוטומטית", "אוטומטיות", "האוטומטיות"}
            or before) and reminding_word:
        if wset & {"off", "בלי", "תבטל", "בטל", "disable", "stop", "ללא"}:
            return Reading(C.Reminders(days=None))
        days = _days_before(words)
        if days:
            return Reading(C.Reminders(days=tuple(sorted(days, reverse=True))), sure=False)
        return None

    # --- team
    old_role = _OLD_ROLE.search(line)
    if old_role and _role_in(_words(line[:old_role.start()])):
        # "make Shira an editor instead of admin", "תהפוך את דני לעורך ולא מנהל": the role she had is no part of the change
        line = line[:old_role.start()]
        low, words = line.lower(), _words(line)
        wset = set(words)
    # "edit: ...", "ערוך ..." open an edit: the verb is not the role "editor"
    role = _role_in(words[1:] if words[0] in {"edit", "ערוך", "לערוך", "update"} else words)
    team = _team_in(words)
    if team and phone and wset & (_HE_ADD_VERBS | {"add", "put", "להכניס", "תכניסו", "תוסיפו"}) \
            and not _team_in([w for w in words if not re.match(r"^מ(?:ה)?(?:צוות|שותפ)", w)]):
        # "תכניסי את שחר גולן 054… הוא מהצוות הקמה": who he is (from the setup crew), not the team he joins
        team = False
    if team and re.search(r"\b(?:his|her|their|with|w/|and)\s+(?:new\s+)?partner\b|(?:עם|ו)\s*(?:ה)?שותפ(?:ה|ו)?\s+(?:שלו|שלה)", low):
        team = _team_in(_words(re.sub(r"\b(?:his|her|their|with|w/|and)\s+(?:new\s+)?partner\b|(?:עם|ו)\s*(?:ה)?שותפ(?:ה|ו)?\s+(?:שלו|שלה)", " ", low)))
        # "he's coming w/ his partner": the one he comes with, not a partner in running the event
    removing_word = wset & {"remove", "revoke", "kick", "תוריד", "תורידי", "תסיר", "תסירי", "תוציא", "תוציאי",
                            "להוריד", "להסיר", "להוציא", "הסר", "הורד", "הוצא", "delete", "מחק", "תמחק", "למחוק"}
    if team and phone and not _role_in(words) and re.search(
            r"\b(?:to|on|onto|into)\s+(?:the\s+|my\s+|our\s+)?(?:party\s+|guest\s+|invite\s+|invitation\s+|wedding\s+)?list\b"
            r"|(?:^|\s)(?:ל|אל\s+)(?:ה)?רשימ(?:ה|ת\s+(?:ה)?(?:מוזמנים|אורחים))(?![\u05d0-\u05ea])", low):
        team = False   # "add a new member to the party list: Shoshana 054…": a guest, the list named as where
        after = _after_colon(line)
        listed = C.parse("add guest " + after, region, today) if after else None
        if isinstance(listed, C.AddGuests):
            return Reading(listed, sure=False)
    if phone and not removing_word:
        role = _role_for(words[1:] if words[0] in {"edit", "ערוך", "לערוך", "update"} else words, line)
        if role and _role_is_title(words) and not _role_said(line):
            role = None   # "תכניס את המנהלת הקודמת יהודית 050…": the school's former principal, a guest
    if phone and (role or team or wset & {"manage", "לנהל", "access"}) and not removing_word:
        return Reading(C.AddMember(phone=phone, role=role or "editor"), sure=False)
    if not phone and (re.match(r"^(?:מי|who)\s+(?:עוד\s+|else\s+)?(?:מנהל|מנהלת|מנהלים|manages|is managing|"
                               r"runs|organi[sz]es|(?:יכול|יכולה|יכולים|can)\s+(?:לראות|לערוך|לנהל|see|edit))\b",
                               low) or _has(low, "who has access", "who else can edit",
                                                                     "מי מנהל", "מי יש לו גישה",
                            "מי עוד יכול לערוך", "organisers", "organizers", "admins", "team members",
                            "list team", "רשימת מנהלים", "show me the team")):
        return Reading(C.ListMembers())
    if not role and wset & _ROLE_VERBS and not phone and re.search(
            r"\b(?:view|read)[\s-]*only\b|\bjust\s+(?:a\s+)?viewer\b|(?:^|\s)ל?(?:צפייה|צפיה)\s+בלבד|(?:^|\s)רק\s+(?:ל?(?:צפייה|צפיה|צפות)|לראות)(?![\u05d0-\u05ea])", line, re.I):
        role = "viewer"   # "make Rachel view only", "תהפוך את רחל לצפייה בלבד": the viewer role, said by what it allows
    if role and (wset & _ROLE_VERBS or team):
        ref = _role_ref(line, words, region)
        if ref:
            return Reading(C.ChangeRole(ref=ref, role=role), sure=False)
    removing = wset & {"remove", "revoke", "take", "תוריד", "תורידי", "תסיר", "תסירי", "תוציא", "תוציאי",
                       "תבטל", "kick", "הוריד", "להוריד", "להסיר", "להוציא", "הסר", "הורד", "הוצא"}
    if removing and (wset & {"me", "אותי"}) and not (wset & {"team"}):
        return Reading(C.Leave(), sure=False)
    if removing and (team or wset & {"מהצוות", "מהניהול", "הגישה", "access", "אותה", "אותו"} and
                     wset & {"גישה", "access"}):
        ref = _member_ref(line, words, region)
        if ref:
            return Reading(C.RemoveMember(ref=ref), sure=False)
    if _has(low, "leave this event", "leave the event", "leave event", "לצאת מהאירוע", "לעזוב אירוע",
            "leave את האירוע", "לעזוב את האירוע") or (wset & {"אותי"} and wset & {"מהאירוע", "תוריד"}) or re.search(
            r"(?:^|\s)(?:לצאת|לעזוב|לפרוש|לפרוש\s+מ)\s*(?:את\s+)?(?:מ|מה|ה)?(?:אירוע|ניהול)(?:\s+(?:הזה|הזאת|של\s+\S+))?(?:[\s,.]|$)", low):
        # "אני רוצה לצאת מאירוע הזה, אישתי תעשה הכל": leaving the event's team
        return Reading(C.Leave(), sure=False)
    if not phone and _LEAVE_TEAM.match(line):
        # "אני רוצה לצאת מהצוות", "אני רוצה לעזוב את הצוות", "I want to leave the team": the writer leaves the team
        # (the chat asks before anyone leaves); never said of someone else ("דני רוצה לצאת מהצוות" is no leave of mine)
        return Reading(C.Leave(), sure=False)
    if not phone and _TEAM_BARE.fullmatch(line):
        return Reading(C.ListMembers())   # "חברים", "החברים?": who is on the team, as "צוות" is

    # --- events
    if _has(low, "new event", "new evnt", "אירוע חדש", "אירועחדש", "event חדש", "event החדש", "new אירוע", "create an event", "create a new event",
            "open an event", "create event", "open a new event", "new event", "פתח אירוע", "נפתח אירוע",
            "תפתח אירוע", "תפתחי לי אירוע", "תפתח new event", "ליצור אירוע", "set up a new event") or (
            wset & {"married", "marrying"} and wset & {"event", "open"}):
        if _has(low, "מה האירוע", "כמה אירוע", "מה event", "מה ה-event", "what new event") or wset & {"events", "אירועים"}:
            pass
        else:
            return _new_event_freeform(line, low, region, today)
    if _FIELD_LABEL.match(line) and "?" not in line:
        placed = _event_field_change(line, low, words, wset, region, today)   # "המקום גן האירועים ...": a place, no list of events
        if placed is not None:
            return placed
    if wset & {"events", "אירועים", "האירועים"}:
        return Reading(C.ListEvents())
    m = re.match(r"^(?:תחליף|תחליפי|החלף|תעבור|תעברי|עבור|עברי|נעבור|(?:תעביר|תעבירי|העבר|תעבירו|תחזיר|תחזירי)\s+אותי)\s+ל-?((?:ה)?(?:חתונה|בר|בת|אירוע|חינה|ברית|"
                 r"אירוסין|מסיבה|שבע)\S*(?:\s.*)?)$", line)
    if m and not phone:
        ref = re.sub(r"^ה(?=[\u05d0-\u05ea]{3})", "", m.group(1).strip(" ?.!"))
        return Reading(C.UseEvent(ref=ref))
    if _has(low, "work on", "לעבוד על", "נעבוד על", "תעבוד על", "תעבדי על", "תחליף לאירוע", "switch to the"):
        m = re.search(r"(?:work on|לעבוד על|נעבוד על|תעבוד על|תעבדי על|תחליף לאירוע|switch to the)\s+(.+)$", line, re.I)
        if m:
            ref = re.sub(r"\s*(?:עכשיו|now)\s*$", "", m.group(1)).strip(" ?.!")
            ref = re.sub(r"^ה(?=[\u05d0-\u05ea]{3})", "", ref) if ref.startswith("הבת") or ref.startswith("הבר") else ref
            if ref == "השני":
                ref = "2"
            return Reading(C.UseEvent(ref=ref))
    event_word = wset & _EVENT_NOUNS
    deleting = wset & {"delete", "remove", "cancel", "למחוק", "תמחק", "תמחקי", "מחק", "cancelled", "בוטל"}
    if deleting and event_word and not phone and not wset & {"guest", "אורח"}:
        return Reading(C.DeleteEvent())
    colon_text = _after_colon(line)
    pre_colon = set(_words(line.split(":", 1)[0])) if colon_text else set()
    if colon_text and pre_colon & _THANKS_WORDS and (pre_colon & {"send", "שלח", "תשלח", "תשלחי", "לשלוח", "הודעת",
                                                                   "message", "a", "to"} or words[0] in _THANKS_WORDS):
        # "send a thank you to everyone who came: ...": the thank-you after the event, not a broadcast
        return Reading(C.ThankYou(text=colon_text))
    pre_words = _words(line.split(":", 1)[0]) if colon_text else []
    if pre_words and pre_words[0] in {"to", "for"} and len(pre_words) <= 6 and _audience_ref(pre_words[1:]):
        return _to_audience(pre_words[1:], colon_text, line)   # "to everyone: thank you all for coming"
    if colon_text and pre_colon & {"send", "message", "msg", "tell", "שלח", "תשלח", "תשלחי", "לשלוח", "הודעה",
                                   "תפיץ", "שליחת", "broadcast"}:
        r = _send(line, low, words, pre_colon, _status_in(_words(line.split(":", 1)[0])), colon_text, region)
        if r is not None:
            return r
    if words[0] in _EVENT_HEAD_NOUNS and not q and len(words) <= 4 and not phone:
        # "החתונה ב-12.8", "the wedding is on June 3": a statement of the date
        d, _rest = find_date(line, today)
        if d is not None:
            at, _r = _find_time(_rest)
            return Reading(C.SetEventField("date", d, time=at), sure=False)
    set_time = _time_rule(line, low, words, wset, today)
    if set_time is not None:
        return set_time
    set_field = _event_field_change(line, low, words, wset, region, today)
    if set_field is not None:
        return set_field
    what_event = words[0] in {"מה", "what", "what's", "whats"} and wset & _EVENT_NOUNS | {
        w for w in words if _he_in(w, {"אירוע", "האירוע"})} and not _status_in(words) and "כמה" not in wset
    if wset & {"details", "info", "פרטים", "פרטי", "הפרטים"} and (wset & _EVENT_NOUNS or any(
            _he_in(w, {"אירוע", "האירוע", "חתונה", "החתונה"}) for w in words)) and not phone:
        return Reading(C.ShowEvent())   # "details of the wedding"
    off_topic = wset & {"weather", "rain", "forecast", "מזג", "גשם", "תחזית", "dj", "צלם", "photographer"}
    if _has(low, "what time is it", "מה השעה עכשיו") or low.strip(" ?") == "מה השעה":
        off_topic = {"clock"}   # the time now, not the event's
    if re.search(r"(?:^|\s)(?:אגיד|אודיע|נגיד|נודיע|אעדכן|נעדכן|אכתוב|נכתוב|אומר|נאמר)\s+(?:לך|לכם|לך\s+כבר)\s+מתי\b", line):
        wset = wset - {"מתי"}   # "אני אגיד לך מתי": the writer will say when, nothing is asked
    if (what_event or "מתי" in wset or wset & {"ומתי", "ואיפה"} or _has(low, "where and when", "when and where", "when is", "where is", "איפה האירוע", "event details", "פרטי האירוע",
                           "venue we", "מה התאריך", "מה רשום על האירוע", "איזה אירוע", "show event", "באיזה שעה",
                           "באיזו שעה", "what time", "when does it start", "כמה זמן נשאר")) and not off_topic:
        return Reading(C.ShowEvent())

    # --- sending
    audience = _status_in(words)
    colon_text = _after_colon(line)
    if body:
        colon_text = "\n".join(([colon_text] if colon_text else []) + body)
    reminding = (_has(low, "remind", "nudge", "נודניק", "תזכורת", "תזכיר", "להזכיר", "תציק", "הזכר", "reminder")
                 or (wset & {"שיענה", "שיענו"}) or (wset & ({"ping", "chase", "poke", "bug"} | _NAG) and audience == "pending"))   # "תנדנד למי שלא ענה": nag those who have not answered
    if reminding and not colon_text and wset & {"cancel", "stop", "disable", "בטל", "תבטל", "תבטלי", "לבטל", "עצור",
                                                 "תעצור", "תעצרי", "תפסיק", "תפסיקי", "להפסיק"}:
        return Reading(C.Reminders(days=None), sure=False)   # "cancel the reminders": the reminders stop, none is sent
    if reminding and not colon_text:
        return Reading(C.Remind(), sure=not wset & _NAG)   # (nagged: a loose word, asked first)
    inviting = wset & {"invite", "invites", "invitations", "invitaions", "invitation", "הזמנות", "הזמנה",
                       "ההזמנות", "ההזמנה", "invite"} or ("תזמין" in wset and wset & {"כולם", "האורחים", "אורחים"})
    asking_who = words[0] in {"who", "who's", "whos", "whose", "מי", "למי"} or words[:2] in (["אצל", "מי"], ["for", "whom"]) or (
        words[0] in {"which", "איזה", "איזו", "אילו"} and _status_in(words) is not None) or _side_then_who(line)
    if invite_verb_all(words, wset) and not asking_who and not phone and not wset & {"failed", "fail", "fails", "נכשלו"} and (
            audience in (None, "not_invited")):
        return Reading(C.Invite())   # "תזמין את כל הרשימה", "go ahead and invite the guests"
    if inviting and not asking_who and wset & {"שוב", "again", "resend", "re-send", "מחדש"} and audience == "pending":
        return Reading(C.Remind())   # "תשלח שוב את ההזמנה למי שלא ענה": those invited who said nothing
    if inviting and not asking_who and not wset & {"failed", "fail", "fails", "נכשלו"} and (
            wset & ({"send", "שלח", "תשלח", "תשלחו", "לשלוח", "תשלחי", "שלחי", "תזמין", "out"} | (_SEND_OUT if not wset & {"מהרשימה", "מהאירוע"} else set())) or words[0] == "invite"
            or invite_verb_all(words, wset)):
        return Reading(C.Invite())   # "יאללה תוציא הזמנות": invitations are sent out, never a guest taken out
    sending = wset & {"send", "message", "msg", "tell", "שלח", "תשלח", "תשלחי", "לשלוח", "הודעה", "תפיץ",
                      "שליחת", "תגיד", "תגידי", "broadcast"}
    if sending and not (asking_who and not colon_text):   # "which invites failed to send?" asks, it sends nothing
        r = _send(line, low, words, wset, audience, colon_text, region)
        if r is not None:
            return r

    # --- guests: reads
    # "יש משהו ב-inbox?", "מה יש באינבוקס?", "משהו חדש בתיבת ההודעות?": anything in the inbox, its name with a Hebrew prefix
    inbox_named = any(re.fullmatch(r"[ובלהמש]{1,3}-?(?:inbox|אינבוקס|אינבקס)", w, re.I) for w in words) or re.match(
        r"^(?:(?:יש|מה\s+יש|מה)\s+)?(?:משהו\s+|עוד\s+משהו\s+)?(?:חדש\s+)?(?:יש\s+)?ב-?(?:ה?תיבה|תיבת\s+ה?הודעות|ה?הודעות|messages|inbox|אינבוקס)"
        r"(?:\s+(?:מהאורחים|מאורחים|שלי|שלנו))?\s*\?+\s*$", line, re.I) or re.match(
        # "יש הודעות חדשות?", "any new messages?", "are there messages from guests?": the inbox, asked after
        r"^(?:(?:יש|היו|הגיעו|are\s+there|were\s+there|any|got\s+any|did\s+i\s+get\s+any)\s+)(?:עוד\s+|more\s+)?"
        r"(?:הודעות(?:\s+חדשות)?|new\s+messages|messages)(?:\s+(?:מהאורחים|מאורחים|from\s+(?:the\s+)?guests|for\s+me|בשבילי|לי))?"
        r"\s*\?+\s*$", line, re.I)
    if inbox_named or wset & {"inbox", "אינבוקס", "האינבוקס"} or _has(low, "messages from guests", "messages from the guests",
                                                       "guests wrote", "הודעות מאורחים", "הודעות מהאורחים",
                                                       "האורחים כתבו", "כתבו לנו", "wrote to us", "what did guests write",
                                                       "הודעות שקיבלנו", "ההודעות שקיבלנו", "קיבלנו הודעות",
                                                       "replies from guests", "replies from the guests",
                                                       "messages from guests", "guests replied", "guests wrote",
                                                       "הודעות חדשות מאורחים", "מה האורחים כתבו", "הודעות מהמוזמנים", "הודעות ממוזמנים",
                                                       "messages from invitees"):
        return Reading(C.Inbox())
    if wset & {"chart", "graph", "גרף", "הגרף", "תרשים", "התרשים", "diagram"} and not wset & {
            "seating", "seat", "הושבה", "ההושבה", "שולחנות"}:
        return Reading(C.Chart())
    stats_noun = {re.sub(r"^ה-?(?=[\w\u05d0-\u05ea])", "", w) for w in wset} & {
        "סטטוס", "סטטיסטיקה", "סטטיסטיקות", "status", "stats", "statistics", "אישורים"}
    of_all = re.search(r"(?:של|of|for|on)\s+(?:ה-?|the\s+|all\s+(?:the\s+)?|כל\s+ה)?(?:אישורים|הזמנות|אורחים|מוזמנים|"
                       r"rsvps?|invit\S*|guests|answers|תשובות)(?![\w\u05d0-\u05ea])", low)
    if stats_noun and (not wset & {"של", "of", "for", "on"} or of_all) and not phone:
        # "מה הסטטוס", "תן סטטיסטיקה", "מה מצב האישורים", "מה ה-status של ההזמנות": the counts (not "הסטטוס של דני")
        return Reading(C.Stats())
    if _HOW_MANY_TO_BUY.match(low) and not phone:
        # "how many ice lollies should we order for 300 people lol": planning asked of the bot, not the counts
        return Reading(_not_understood(line))
    if _has(low, "how many", "headcount", "summary", "סיכום", "status update", "stats", "מה המצב",
            "איפה אנחנו עומדים", "מצב אישורים", "rsvp numbers", "rsvp count", "rsvp total") or (_has(
                low, "the numbers", "המספרים", "our numbers", "numbers look") and not phone and not wset & {
                "של", "of", "for", "phone", "טלפון", "הטלפון", "הטלפונים", "phones"}) or wset & {"מנות", "כמהאישרו"} or (
            "כמה" in wset and wset & {"אישרו", "מגיעים", "אורחים", "אנשים", "לא", "עוד", "confirmed", "ענו",
                                      "באים", "מוזמנים", "סירבו", "מאושרים", "מאשרים", "מקומות", "אשרו", "יגיעו", "נרשמו", "yes",
                                      "קראו", "ראו", "rsvp", "rsvps", "rsvp's", "אישורים", "אישורי", "confirmations"}) or \
            re.search(r"(?:^|[,.;:\-–]\s*)כמה\s+(?:אנשים\s+|איש\s+)?(?:אנחנו|נהיה|יהיו|נהיו)(?:\s+(?:כרגע|עכשיו|בינתיים|עד\s+עכשיו|בסך\s+הכל|בסה[\"״]כ|סה[\"״]כ"
                      r"|בסוף|כבר|בערך|באירוע|בחתונה|בינתיים))*\s*\?*\s*$", low) or \
            re.search(r"(?:מספר|כמות|סך)\s+(?:ה)?(?:אורחים|מוזמנים|מגיעים|מאשרים|אנשים)\s+(?:ה)?(?:צפוי|משוער|הכולל|כולל|הסופי|עד\s+עכשיו|כרגע)"
                      r"|(?:expected|total|final)\s+(?:number\s+of\s+guests|guest\s+count|headcount)", low) or re.match(
                r"^(?:מה\s+)?(?:ה)?(?:מספר|כמות|סך)\s+(?:של\s+)?(?:ה)?(?:אורחים|מוזמנים|מגיעים|מאשרים|מאושרים|אנשים|אישורים|מסרבים|סירובים|עונים)"
                r"(?:\s+(?:ה)?(?:צפוי|משוער|הכולל|כולל|הסופי|עד\s+\S+|נכון\s+ל\S+|כרגע|עכשיו|בינתיים|כבר|בסה[\"״]כ|בסך\s+הכל|שלנו|באירוע|לחתונה))*\W*$"
                r"|^(?:what'?s|what\s+is|whats)\s+(?:the\s+|our\s+)?(?:current\s+)?(?:number|count|total)\s+of\s+(?:the\s+)?"
                r"(?:confirmed|guests|people|yes(?:es)?|rsvps?|declines|replies|answers)\b(?!.*\b(?:of|for)\s+(?!the\b|guests\b|people\b)\w)", low):
        # "מה מספר המאשרים נכון לעכשיו?", "what's the number of confirmed guests?": a count, not the list
        # "מה מספר האורחים הצפוי", "the expected number of guests": a count, not the list
        return Reading(C.Stats())
    find = _find(line, low, words, wset, region)
    if find is not None:
        return find
    # --- guests: writes
    adding = wset & ({"add", "put", "תכניס", "תרשום", "להוסיף", "תוסיף", "תוסיפו", "הוסף", "הוסףדנה", "להכניס", "תכניסו"} | _HE_ADD_VERBS) or \
        words[0] in {"עוד", "add", "ad"} or low.startswith("הוסף")
    if phone and adding:
        r = _add_guest("\n".join([line] + list(body)) if False else line, region)
        if r is not None:
            return r
    removing_guest = wset & {"remove", "delete", "rid", "take", "off", "תוריד", "תורידי", "תורידו", "תמחק", "תמחקי", "תמחקו", "תמחוק",
                             "תעיף", "תעיפי", "להעיף", "תוציא", "תוציאי", "תוציאו", "להוציא", "הוצא", "הוציאי", "להוריד", "למחוק",
                             "remvoe", "תסיר", "תסירי", "תסירו", "להסיר", "הסירי", "הסר", "מחקי"} or low.startswith("תמחק")
    if removing_guest:
        r = _remove_guest(line, words, region)
        if r is not None:
            return r
    edit = _edit_guest(line, low, words, wset, region)
    if edit is not None:
        return edit
    listing = (asking_who or (words[0].startswith("מי") and _status_in([words[0][2:]])) or wset & {"list", "show", "guest", "guests", "רשימת", "רשימה", "המוזמנים", "תראה",
                                     "תראי", "האורחים", "guest-list", "מימגיע", "ברשימה", "ה-list", "הרשימה"})
    if not listing and any(w == "מי" or w.startswith("מיש") for w in words) and audience and not phone:
        listing = True   # "תן לי את כל מי שמגיע": a relative clause with an answer is a list
    if (asking_who or listing) and team and not phone and not audience:
        return Reading(C.ListMembers())   # "מי השותפים באירוע"
    if listing and asking_who and not wset & {"guest", "guests", "list", "רשימה", "ברשימה", "הרשימה", "מוזמן",
                                              "מוזמנים", "אורחים", "המוזמנים", "האורחים"} and not audience \
            and not _side_in(words) and wset & {"you", "your", "אתה", "את", "אותך", "שלך", "made", "built", "בנה"}:
        return None   # "who made you?": a question about the bot, not the guest list
    if listing and asking_who and not audience and not _side_in(words) and not wset & {
            "guest", "guests", "list", "רשימה", "ברשימה", "הרשימה", "מוזמן", "מוזמנים", "אורחים", "המוזמנים", "האורחים"} and (
            wset & {"לדעתך", "לדעתכם", "opinion", "reckon", "ינצח", "תנצח", "ינצחו", "win", "wins"} or "do you think" in low):
        return Reading(_not_understood(line))   # "מי ינצח בתחפושות השנה לדעתך 😅": the bot's opinion asked, no list
    if listing and not asking_who and not audience and _REPORTED.search(line) and "?" not in line:
        # "אמא שלי אומרת שהגזמנו עם הרשימה", "my dad thinks the list is too long": what someone says, nothing asked
        return Reading(_not_understood(line))
    if listing and not phone and (_FILE_ASKED.search(line) or _VAGUE_DO.match(line) or _ARRANGE.match(line)):
        # "תעשה לי export של הרשימה לאקסל", "print the guest list as a PDF", "do the thing with the list", "arrange a room
        # block for the guests": nothing the chat does; no list
        return Reading(_not_understood(line))
    if listing and not phone and _LEAVE_AS_IS.search(line):
        return _held_back_reply()   # "תשאיר את הרשימה כמו שהיא בינתיים", "בינתיים לא לשנות כלום ברשימה": nothing to do
    if listing and not phone:
        status = audience
        if status is None and wset & {"maybe", "אולי", "maybes", "האולי"}:
            status = "maybe"   # "מי אמר אולי", "רשימת maybe": in a list, a maybe is the answer
        if any(w.startswith("מי") and _status_in([w[2:]]) for w in words[:1]):
            status = _status_in([words[0][2:]])
        if _has(low, "on the list", "ברשימה") and asking_who:
            status = None
        return Reading(C.ListGuests(status=status, side=_side_in(words)))


    mark = _mark(line, low, words, wset, region)
    if mark is not None:
        return mark
    if phone and len(words) <= 8 and not q and not wset & _CHANGE_VERBS:
        typed = _verb_typed_first(line)
        meant = _typo(line, body, region, today) if typed else None
        if meant is not None and (typed == "add" or not isinstance(meant.command, (C.AddGuests, C.ParseError))):
            return meant   # "addd Gili 052…", "delet Dana 050…": the verb, asked first
        rows = [b for b in body if b.strip()]
        if rows and all(_IL_PHONE.search(b) for b in rows):
            # "Maya Cohen, 054-1112233, 2\nOr Levi, 050-9998887, 1": guest rows pasted without a verb or a header, each
            # with its phone; all of them, asked first (never only the first)
            said = "add guests\n" + "\n".join([line] + rows)
            again = refine(said, C.parse(said, region, today), region, today).command
            if isinstance(again, C.AddGuests) and len(again.guests) == len(rows) + 1 and not again.errors:
                return Reading(again, sure=False)
        # "Jack Turner, 054-100-0012, groom": a guest line without a verb; asks before adding
        draft = _loose_guest(line, region)
        if draft is not None:
            return Reading(C.AddGuests(guests=(draft,)), sure=False)
    return None


def _verb_typed_first(line: str) -> str | None:
    """"addd Gili 052…", "delet Dana 050…": the English verb typed with a letter doubled, dropped or added, never a
    guest called "addd" or "delet". A capitalised word is a name unless it is a typo of "add" ("Edith", "Seth")."""
    first = line.split(None, 1)[0] if line.split() else ""
    low = first.lower()
    if len(low) < 4 or not re.fullmatch(r"[a-z]+", low):
        return None
    verb = next(iter(C.close_verb(low)), None)
    if verb is None or abs(len(verb) - len(low)) != 1 or _edits(low, verb) != 1:
        return None
    return verb if verb == "add" or first == low else None


_FILE_ASKED = re.compile(r"\b(?:export|excel|xlsx?|csv|pdf|print|printout|spreadsheet|download)\b|(?<![\u05d0-\u05ea])(?:ל|ב|כ)?-?(?:אקסל|קובץ|pdf)"
                         r"|(?<![\u05d0-\u05ea])(?:תדפיס|תדפיסי|להדפיס|הדפסה|ייצוא|תייצא|תייצאי|לייצא)(?![\u05d0-\u05ea])", re.I)
_VAGUE_DO = re.compile(r"^(?:תעשה|תעשי|לעשות|do)\s+(?:לי\s+)?(?:משהו|something|the\s+thing|that\s+thing|את\s+הדבר|את\s+זה)\s+(?:עם|with)\s", re.I)
_ARRANGE = re.compile(r"^(?:(?:could|can|would)\s+you\s+(?:please\s+)?)?(?:arrange|book|reserve)\s+(?:a|an|some|the)\s", re.I)
_LEAVE_AS_IS = re.compile(r"(?:תשאיר|תשאירי|להשאיר|leave|keep)\s+(?:את\s+)?(?:ה|the\s+)?(?:רשימה|list)\s+(?:כמו\s+שהיא|כמות\s+שהיא|ככה|as\s+(?:it\s+)?is|like\s+that|"
                          r"for\s+now|בינתיים)|(?:לא\s+לשנות|אל\s+תשנה|אל\s+תשני|אל\s+תיגע|לא\s+לגעת|don'?t\s+(?:change|touch))\s+(?:כלום|שום\s+דבר|anything|ב)", re.I)


# leaving the team, said by the one who leaves
_LEAVE_TEAM = re.compile(r"^(?:(?:אני|אנחנו)\s+)?(?:(?:רוצה|רוצים|רוצות|צריך|צריכה|מבקש|מבקשת|חייב|חייבת|הייתי\s+רוצה|אפשר|בא\s+לי)\s+)?"
                         r"(?:לצאת|לעזוב|לפרוש|עוזב|עוזבת|יוצא|יוצאת|פורש|פורשת)\s+(?:את\s+)?(?:מ|מה|ה)?צוות(?:\s+(?:הניהול|הזה|של\s+(?:ה)?אירוע(?:\s+הזה)?))?"
                         r"[\s.!?,]*(?:תודה[\s.!]*)?$"
                         r"|^(?:(?:i|we)\s+(?:want|wanna|would\s+like|'d\s+like|need)\s+to\s+|(?:please\s+|pls\s+)?(?:let\s+me\s+)?)"
                         r"(?:leave|quit|exit|get\s+off)\s+(?:the|this)\s+(?:event'?s?\s+)?team[\s.!?]*$", re.I)
_TEAM_BARE = re.compile(r"(?:ה)?חברים\s*[?!.]*")


_LIST_SAID = frozenset({"רשימה", "הרשימה", "רשימת", "ליסט", "הליסט", "list", "guestlist", "guest-list"})
_LIST_WORDS = _LIST_SAID | {"האורחים", "המוזמנים", "אורחים", "מוזמנים", "guest", "guests", "ה-guest", "ה-list"}
_LIST_FILLER = {"לי", "לנו", "את", "בבקשה", "please", "pls", "me", "us", "the", "my", "our", "whole", "all", "entire", "full",
                "כל", "המלאה", "השלמה", "כולה", "a", "copy", "of", "as", "to", "in", "into", "an", "file", "קובץ", "בקובץ",
                "לקובץ", "כקובץ", "excel", "csv", "pdf", "xls", "xlsx", "spreadsheet", "אקסל", "לאקסל", "באקסל", "כאקסל",
                "ל-excel", "לexcel", "בexcel", "של", "עכשיו", "now", "שלנו", "שלי", "with", "עם", "הטלפונים", "phones"}
_DELETING = re.compile(r"(?<![\w'])(?:delete|remove|erase|wipe|clear|(?:ת|ל)?מח(?:ק|וק)(?:י|ו)?|מחק(?:י|ו)?|(?:ת|ל)?הסיר|(?:ת)?סיר(?:י|ו)?|הסר)(?![\w'])",
                       re.I)


def _the_list_itself(ref_text: str) -> bool:
    """"לי את הרשימה לאקסל", "the guest list", "רשימת המוזמנים (של דני)": the guest list itself, with the words around
    it (never a guest whose name starts with "the list")."""
    words = [w.lower().strip(",.?!:") for w in _words(ref_text)]
    rest = [w for w in words if w and w not in _LIST_FILLER and not _FILE_ASKED.fullmatch(w)]
    return bool(rest) and (set(rest) <= _LIST_WORDS and bool(set(rest) & _LIST_SAID) or rest[0] in _LIST_SAID - {"list"}
                           or rest[:2] == ["guest", "list"])


def _one_at_a_time() -> Reading:
    return Reading(C.ParseError(i18n._(
        "I remove guests one at a time: *remove guest 3* (the number from the list). To delete the whole "
        "event, send *delete event*."), None))


def _about_the_list(line: str) -> Reading:
    """The guest list itself after a verb that removes guests: "delete the list" is never all at once (how to remove
    one is said); "תוריד לי את הרשימה", "תוציא לי את הרשימה" (download it, get it out) shows it; asked as a file
    ("... לאקסל"), which the chat does not make, nothing is done."""
    if _DELETING.search(line):
        return _one_at_a_time()
    if _FILE_ASKED.search(line):
        return Reading(_not_understood(line))
    return Reading(C.ListGuests())


_DAY_UNITS = {"day": 1, "days": 1, "יום": 1, "ימים": 1, "week": 7, "weeks": 7, "שבוע": 7, "שבועות": 7,
              "יומיים": 2, "שבועיים": 14, "fortnight": 14, "month": 30, "חודש": 30}


def _days_before(words: list[str]) -> set[int]:
    """"שבוע ו-3 ימים לפני" -> {7, 3}; "a day and a week before" -> {1, 7}: counts with their units."""
    days, n = set(), None
    for i, w in enumerate(words):
        bare = re.sub(r"^(?:ו|ב|ל)-?(?=\d)", "", w)
        bare = next((f for f in _he_forms(bare) if f in _DAY_UNITS or f in _HE_NUM), bare) if _HE.match(bare[:1]) \
            else bare
        if bare.isdecimal():
            n = int(bare)
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if 0 < n <= 365 and not any(f in _DAY_UNITS for f in _he_forms(nxt)):
                days.add(n)
        elif bare in _HE_NUM:
            n = _HE_NUM[bare]
        elif bare in _DAY_UNITS:
            unit = _DAY_UNITS[bare]
            if bare in {"יומיים", "שבועיים", "fortnight"}:
                days.add(unit)
            elif n is not None and 0 < n * unit <= 365:
                days.add(n * unit)
            elif bare not in {"days", "ימים", "weeks", "שבועות"}:
                days.add(unit)
            n = None
    return days


def _new_event_freeform(line, low, region, today) -> Reading:
    m = re.search(r"getting married on (.+?)(?:,|$)", line, re.I)
    if m:
        d, rest = find_date(m.group(1), today)
        loc = re.sub(r"^.*?\bat\s+", "", rest).strip(" ,") or None
        return Reading(C.NewEvent(name="Wedding", date=d, location=loc), sure=False)
    if "לחתונה שלנו" in line:
        d, rest = find_date(line, today)
        loc_m = re.search(r"ב(קיבוץ|מושב|אולם)\s*(.+)$", line)
        loc = (loc_m.group(1) + " " + loc_m.group(2)).strip(" .") if loc_m else None
        return Reading(C.NewEvent(name="החתונה שלנו", date=d, location=loc), sure=False)
    m = re.search(r"אירוע חדש לנהל[,\s]*(.+)$", line)
    if m:
        name, d, loc = _split_event_fields(m.group(1), today)
        return Reading(C.NewEvent(name=name, date=d, location=loc), sure=False)
    return _new_event(line, region, today)


def _member_ref(line, words, region) -> C.Ref | None:
    m = re.search(r"(?:remove|revoke|take|kick|תוציאי?|תורידי?|תסירי?|להוריד|להסיר|להוציא|הסר|הורד|הוצא|תבטלי?)"
                  r"\s+(?:את\s+|(?<=תבטל )ל-?|(?<=תבטלי )ל-?)?(.+?)(?:'s\b|\s+from\b|\s+off\b|"
                  r"\s+מה|\s+את\s+הגישה|\s+access|$)", line, re.I)
    if m:
        ref = _ref(m.group(1), region)
        if ref and ref.text.lower() not in {"my planner", "the planner"}:
            return ref
        if ref:
            return ref
    m = re.match(r"^(\S+)\s+לא צריכה", line)
    if m:
        return _ref(m.group(1), region)
    return None


# Verbs that change what someone may do, in every form: "upgrade Ben to admin", "תשדרגי את רונית למנהלת"
_ROLE_VERBS = frozenset({"change", "promote", "downgrade", "upgrade", "demote", "bump", "switch", "turn", "make", "give", "set",
                         "תשנה", "תשני", "שנה", "לשנות", "תן", "תני", "תנו", "תהיה", "תוריד", "תורידי", "להוריד", "תהפוך", "תהפכי",
                         "להפוך", "תעשה", "תעשי", "עשה", "תשדרג", "תשדרגי", "לשדרג", "שדרג", "תקדם", "תקדמי", "לקדם", "קדם"})
# The role someone had, said after the new one: "... instead of admin", "... ולא מנהל", "... במקום צופה"
_OLD_ROLE = re.compile(r"[\s,]+(?:instead\s+of|rather\s+than|(?:and\s+)?not(?:\s+an?)?|no\s+longer|במקום|ולא|לא|כבר\s+לא)\s+(?:an?\s+|the\s+)?"
                       r"(?:ה|כ|ל|כ-|ל-)?(?:admin|administrator|editor|viewer|owner|מנהל|מנהלת|עורך|עורכת|צופה|אדמין)s?\W*$", re.I)


def _role_ref(line, words, region) -> C.Ref | None:
    pats = [r"(?:change|promote|downgrade|upgrade|demote|bump|switch|turn|make|set)\s+(.+?)\s+(?:to|as|an?|into)\b",
            r"(?:תשדרג|תשדרגי|לשדרג|שדרג|תקדם|תקדמי|לקדם|קדם|תוריד|תורידי|להוריד)\s+(?:את\s+)?(.+?)\s+(?:ל-?|ל(?=[\u05d0-\u05ea]))",
            r"(?:give)\s+(.+?)\s+(?:edit|admin|view)",
            r"(?:make|set|switch|turn|change)\s+(.+?)\s+(?:to\s+|into\s+)?(?:a\s+)?(?:view|read)[\s-]*only\b",
            r"(?:תשנה|שנה)\s+(?:את\s+)?(?:ההרשאה של\s+|ה?הרשאה\s+)?(?:ל)?(.+?)\s+(?:ל-?|ל(?=[\u05d0-\u05ea]))",
            r"(?:תן|תני)\s+ל(.+?)\s+הרשא",
            # "תן לרינה רק לצפות", "תני לדני גישת ניהול": the one the role is given to, by what they may do
            r"(?:תן|תני|תנו)\s+ל-?(?!(?:י|נו|ך|כם)\s)(\S+(?:\s+(?!(?:רק|גם)\s)\S+)?)\s+(?:רק\s+|גם\s+)?(?:לצפות|לראות|לערוך|לנהל|לעדכן|גישה|גישת)(?![\u05d0-\u05ea])",
            r"תוריד את ההרשאות של\s+(.+?)\s+ל",
            r"^(\S+)\s+תהיה",
            r"(?:תעשה|תעשי|עשה|תהפוך|תהפכי)\s+(?:את\s+)?(.+?)\s+(?:ל-?)?\S+\s*$",   # "תעשה את מאיה מנהלת"
            ]
    for p in pats:
        m = re.search(p, line, re.I)
        if m:
            text = m.group(1)
            text = re.sub(r"^ההרשאה של\s+", "", text)
            ref = _ref(text, region)
            if ref:
                return ref
    return None


_DATE_WORDS = {"date", "תאריך", "התאריך", "ה-date", "נדחתה", "נדחה", "תזיז", "moved", "postponed", "תדחה", "תדחי",
               "לדחות", "postpone", "דחינו", "הקדמנו", "תקדים", "תקדימי"}
_PLACE_WORDS = {"venue", "location", "place", "מקום", "המקום", "מיקום", "ה-venue", "עבר", "עברה", "moved",
                "השתנה"}


# The event's place named by its label, with no colon: "מקום אולמי הגן", "המיקום: ...", "venue Hangar 11", "כתובת הרצל 5"
# (never a seat or a parking space, never a question, never "the place is ...": that is read elsewhere)
_FIELD_LABEL = re.compile(r"^(?:location|venue|place(?!\s+(?:a|an|the|them|him|her|it|all|everyone|every|each)(?![\w']))|address|the\s+(?:venue|location|address)|(?:ה)?(?:מיקום|מקום|כתובת)(?:\s+(?:ה)?(?:אירוע|חתונה|"
                          r"חינה|ברית|מסיבה|אירוסין))?)\s+(?!(?:is|of|for|של|הוא|זה|היא|חדש|החדש|החדשה|השתנה|השתנתה|new|changed|moved|has|to|"
                          r"ל|לשבת|חניה|חנייה|פנוי|פנויה|פנויים|ישיבה|נוסף|נוספים|נוספת|בשולחן|בשבילי|בשבילו|בשבילה|לעוד|מתאים|טוב|"
                          r"for|at|in|יש|אין|בחניה|ב?רשימה|לכולם|free|left|available|with|מה|what|למה|why)(?![\w']))"
                          r"(?!\S+\s+(?:היא|הוא|זה|זו|is)(?![\w']))(?=\S)", re.I)


def _event_field_change(line, low, words, wset, region, today) -> Reading | None:
    # "תעדכני שהחתונה עברה ל-24.3": the event named in a that-clause is the event
    wset = wset | {w[1:] for w in wset if w[:1] == "ש" and w[1:] in _EVENT_NOUNS} | (
        {"אירוע"} if wset & {"שהבר", "שהבת", "הבר", "הבת", "בר", "בת"} and wset & {"מצווה", "מצוה"} else set())
    changing = wset & {"change", "chnage", "update", "set", "move", "moved", "rename", "תשנה", "תשני", "תשנו", "לשנות", "שנה",
                       "changed", "changes", "זזה", "זז", "זזים", "עוברת", "עובר", "postponed", "השתנתה",
                       "תדחה", "תדחי", "לדחות", "postpone", "דחינו", "הקדמנו", "תקדים", "תקדימי", "להקדים", "תקדימו",
                       "תעדכן", "תעדכני", "לעדכן", "עדכן", "עדכני", "תזיז", "נדחתה", "נדחה", "עבר", "עברה", "השתנה", "החדש", "new", "now",
                       "חדש", "תקרא", "is", "push", "pushed", "pushing", "moving", "bump", "bumped", "הזזנו", "נזיז", "להזיז",
                       "תעביר", "תעבירי", "תעבירו", "להעביר", "נעביר"} or ":" in line or (words[:1] and words[0] in {
                           "date", "תאריך", "התאריך", "location", "venue", "מיקום", "time", "שעה", "השעה"}) or _FIELD_LABEL.match(line) or (
        # "לחתונה של עדי ורועי התאריך הוא 12.6": the date stated, not asked
        re.search(r"(?:^|\s)(?:ה)?תאריך\s+(?:הוא|יהיה|נקבע|סופי)(?:\s|:)", line) and not line.rstrip().endswith("?"))
    named = re.match(r"^(?:(?:ה)?שם\s+(?:של\s+)?(?:ה)?(?:אירוע|חתונה|מסיבה|ברית|חינה)|the\s+(?:event|wedding|party)['’]s\s+name|the\s+name\s+of\s+the\s+"
                     r"(?:event|wedding|party))\s+(?:צריך\s+להיות|אמור\s+להיות|יהיה|should\s+be|needs\s+to\s+be|will\s+be)\s*:?\s+(\S.*)$", line, re.I)
    if named:
        # "השם של החתונה צריך להיות דנה ונועם", "the event's name should be ...": the event's name, as it should be (asked first)
        return Reading(C.SetEventField("name", named.group(1).strip(" .!\"'׳״")), sure=False)
    if not changing:
        return None
    guestish = wset & {"guest", "אורח"} or _has(low, "השם של ", "הטלפון של", "המספר של") and not wset & _EVENT_NOUNS
    if guestish:
        return None
    # name
    m = re.search(r"(?:rename the event to|תקרא לאירוע|שם האירוע:|(?:ה)?שם של האירוע\s*(?::|יהיה|הוא|זה)|"
                  r"the event'?s name to|the event'?s name is)\s*(.+)$", line, re.I)
    if m:
        return Reading(C.SetEventField("name", m.group(1).strip(" \"'׳״")), sure=False)
    d, rest = find_date(line, today)
    # "תעדכני שהסיום יהיה ביום שלישי הבא": the event (whatever its kind) will be on that day
    will_be = re.search(r"(?:^|\s)שה[\u05d0-\u05ea]{2,}\s+(?:יהיה|תהיה|יתקיים|תתקיים|ייערך|תיערך|יהיו)\s", line) and \
        words[0] in {"תעדכן", "תעדכני", "עדכן", "עדכני", "לעדכן", "update"}
    # "גיא רוצה להזיז ל-21 בפברואר, תשנה", "להקדים ליום שישי הבא ב-12:00": moved or brought forward to a day is the
    # event's date (asked first), unless a reminder or a message is what is moved
    # ("תעביר את האירוע ל-12/7": moved, when the event is what is moved)
    moved_to_day = (wset & {"להזיז", "תזיז", "תזיזי", "נזיז", "הזזנו", "להקדים", "תקדים", "תקדימי", "תקדימו", "הקדמנו", "נקדים",
                            "לדחות", "תדחה", "תדחי", "תדחו", "דחינו", "נדחה"} or wset & {"תעביר", "תעבירי", "תעבירו", "להעביר", "נעביר"}
                    and wset & _EVENT_NOUNS) and not wset & {
        "תזכורת", "התזכורת", "תזכורות", "התזכורות", "ההודעה", "הודעה", "ההודעות", "השליחה", "reminder", "reminders", "message"} \
        and not wset & _INVITATION_NOUNS
    if d is not None and (wset & _DATE_WORDS or wset & _EVENT_NOUNS or will_be or moved_to_day
                          or wset & {"change", "update", "set", "move", "התאריך", "the"}):
        at, _r = _find_time(rest)   # "החתונה זזה ל-14/10 בשעה 20:00": the time with the date
        at = at or _spoken_time(rest)   # "... בשמונה בערב": the hour in words
        return Reading(C.SetEventField("date", d, time=at), sure=False)
    if wset & {"date", "תאריך", "ה-date"} and d is None and not wset & {"what", "מה"}:
        raise C._Fail(i18n._("Give the new date. Try: set date 12/6/2027"))
    if (wset & {"language", "שפת"}):
        return None
    # place
    # (a word that changes it, a colon or a "to" must follow: "the venue manager is driving me crazy" changes nothing)
    label = _FIELD_LABEL.match(line)
    if label and "?" not in line and ":" not in line:
        # "location Kfar Hamaccabiah, Ramat Gan", "מקום אולמי הגן, ראשון לציון", "place Hangar 11": the field's label
        # and its value, as on a form (and as "תאריך 21.10.2027" is read)
        return Reading(C.SetEventField("location", line[label.end():].strip(" .!")), sure=False)
    m = re.search(r"(?:venue|location|place|(?:מקום|מיקום)\s+(?:ה)?(?:אירוע|חתונה|חינה|ברית|מסיבה|אירוסין|בר\s+מצווה|בת\s+מצווה)|מקום|המקום|מיקום)\s*(?:(?:החדש|חדש|new|השתנה|(?:has\s+|is\s+)?changed|"
                  r"(?:has\s+)?moved|is\s+now)\s*[:\-–,]?|[:\-–])?\s*"
                  r"(?:(?<=[\s:\-–,])(?:to|ל-?|עכשיו זה|- עכשיו זה|it'?s now|it is now)\s*|(?<=[:\-–,]))(.*)$", line, re.I) \
        or re.search(r"(?:venue|location|place|מקום|המקום|מיקום)\s+(?:החדש|חדש|new|השתנה|(?:has\s+|is\s+)?changed|(?:has\s+)?moved|is\s+now)"
                     r"\s*(?:,\s*(?:it'?s|it is)\s+now\s+|to\s+)?(.*)$", line, re.I)
    moved = re.search(r"(?:moved\s+(?:it\s+|the\s+(?:party|event|wedding|venue)\s+)?to|עבר ל|עברה ל|העברנו\s+(?:את\s+)?(?:ה?אירוע\s+|ה?מסיבה\s+|ה?חתונה\s+)?ל)\s*(.+)$",
                      line, re.I)
    if moved and not d:
        value = moved.group(1).strip(" .!?")
        return Reading(C.SetEventField("location", value), sure=False)
    if m and wset & _PLACE_WORDS | {"venue", "location"}:
        value = m.group(1).strip(" .!?")
        value = re.sub(r"^(?:- )?עכשיו זה\s+", "", value)
        value = re.sub(r"^[!.,\s]*(?:(?:it'?s|it\s+is)\s+now|now\s+(?:it'?s|at)?|it'?s)\s+", "", value, flags=re.I).lstrip("!., ")
        value = re.sub(r"^(?:ל-?|to\s+)", "", value) if not value.startswith("לב") else value[1:]
        if value.startswith("באולמי") or value.startswith("באולם"):
            value = value[1:]
        if value:
            return Reading(C.SetEventField("location", value), sure=False)
        if wset & {"תשנה", "change", "לשנות"}:
            raise C._Fail(i18n._("Give the new location. Try: set location ..."))
    return None


# a message that is only the invitation itself: "את ההזמנה", "ההזמנות לחתונה", "the invite"
_INVITATION_TEXT = re.compile(r"^(?:(?:את\s+)?(?:ה)?(?:הזמנה|הזמנות)(?:\s+(?:שלנו|ל(?:ה)?(?:אירוע|חתונה|בר\s+מצווה|בת\s+מצווה|ברית|חינה)))?"
                              r"|(?:(?:the\s+)?(?:guests|invitees|people)\s+)?(?:the\s+|our\s+)?(?:invitation|invitations|invite|invites)"
                              r"(?:\s+(?:to\s+the\s+)?(?:event|wedding|party))?)"
                              r"(?:\s+(?:שוב|again|now|עכשיו|בבקשה|please|pls))?\W*$", re.I)
# "להוציא הזמנות": in Hebrew invitations are "taken out" when they are sent
_SEND_OUT = frozenset({"תוציא", "תוציאי", "תוציאו", "להוציא", "הוצא", "נוציא", "הוציאו", "הוציא",
                       "תשגר", "תשגרי", "תשגרו", "לשגר", "שגר", "נשגר"})   # "תשגר את ההזמנות": launched, sent
_INVITATION_NOUNS = frozenset({"הזמנות", "ההזמנות", "הזמנה", "ההזמנה", "invitations", "invitation", "invites", "invite"})


def _send(line, low, words, wset, audience, colon_text, region) -> Reading | None:
    # "send Sarah Levi a message: ...", "send a msg to Rivka: ...", "תשלח ל-Mike: ...", "תגיד לשרון ש..."
    everyone = wset & _ALL_WORDS or _has(low, "כל האורחים", "כל המוזמנים", "כל הרשימה", "all guests", "the people",
                                         "those who", "everyone", "לצד של", "למי ש") or any(
        _he_in(w, {"כל", "כולם"}) for w in words)
    if everyone or audience:
        side = _side_in(words) if _has(low, "side", "צד") else None
        if colon_text:
            return Reading(C.Broadcast(text=colon_text, status=audience, side=side))
        m = re.search(r"(?:^|\s)(?:הודעה|message|msg)\s+(?:ש|that\s+)(\S.*)$", line, re.I)
        if m:   # "תשלח לכל המוזמנים הודעה שהחניה בתשלום"
            return Reading(C.Broadcast(text=m.group(1).strip(), status=audience, side=side))
        m = re.search(r"\?\s*(.+)$", line)
        if m and m.group(1).strip():
            return Reading(C.Broadcast(text=m.group(1).strip(), status=audience, side=side))
        raise C._Fail(i18n._("What should I send? Try: {usage}", usage=C._t(C.N_("broadcast pending: Please answer by Friday!"))))
    m = re.search(r"(?:send|message|msg)\s+(?:a\s+(?:message|msg)\s+to\s+)?(.+?)\s+(?:a\s+)?(?:message|msg)?\s*:\s*(.+)$",
                  line, re.I) or re.search(r"(?:send a (?:message|msg) to)\s+(.+?)\s*:\s*(.+)$", line, re.I)
    if m:
        ref_text = re.sub(r"\s+a\s+(?:message|msg)$", "", m.group(1), flags=re.I)
        ref_text = re.sub(r"^a\s+(?:message|msg)\s+to\s+", "", ref_text, flags=re.I)
        ref = _ref(ref_text, region)
        if ref:
            return Reading(C.MessageGuest(ref=ref, text=m.group(2).strip()), sure=False)
    m = re.search(r"(?:שלח|תשלח|תשלחי)\s+(?:(?:הודעה|msg|message|הודעת\s+וואטסאפ)\s+)?ל-?(.+?)(?:\s+הודעה)?\s*:\s*(.+)$", line, re.I)
    if m:
        if _audience_ref(_words(m.group(1))):
            return _to_audience(_words(m.group(1)), m.group(2).strip(), line)
        ref = _ref(m.group(1), region)
        if ref:
            return Reading(C.MessageGuest(ref=ref, text=m.group(2).strip()), sure=False)
    m = re.search(r"(?:תגיד|תגידי)\s+ל-?(\S+)\s+(ש.+)$", line)
    if m:   # "תגיד לשרון שהחניה בחינם"; "תגיד למשה שבת שלום": the greeting itself is told
        said = m.group(2)[1:] if _says_that(m.group(2).split()[0]) else m.group(2)
        ref = _ref(m.group(1), region)
        if ref:
            return Reading(C.MessageGuest(ref=ref, text=said.strip()), sure=False)
    m = re.search(r"(?:תשלחי|תשלח|שלח)\s+ל(.+?)\s+הודעה$", line)
    if m:
        raise C._Fail(i18n._("What should I send? Try: {usage}", usage=C._t(C.N_("message 3: See you there!"))))
    return None


def _find(line, low, words, wset, region) -> Reading | None:
    pats = [r"(?:מישהו|מישהי|מישו)\s+(?:בשם|שקוראים לו|שקוראים לה|ששמו|ששמה)\s+(.+?)(?:\s+ברשימה)?\s*\??$",
            r"(?:anyone|anybody|someone|somebody|a\s+guest)\s+(?:named|called|by the name of?)\s+(.+?)(?:\s+on the list)?\s*\??$",
            r"^(?:do|did)\s+(?:we|i)\s+have\s+(?:an?\s+)?(.+?)\s+(?:on|in)\s+(?:the|our|my)\s+(?:guest\s+)?list",
            r"^is\s+there\s+(?:an?\s+|any\s+)?(.+?)\s+(?:on|in)\s+(?:the|our|my)\s+(?:guest\s+)?list", r"^is\s+(?:my\s+|our\s+)?(.+?)\s+on the list", r"^(?:האם\s+|יש\s+(?:לנו\s+|לי\s+)?(?:את\s+)?)(.+?)\s+ברשימה", r"^did\s+(.+?)\s+(?:answer|reply|rsvp)", r"what'?s\s+(.+?)'s\s+number",
            r"מה (?:המספר|הטלפון|הנייד|הפלאפון) של\s+(.+)$", r"יש לי את\s+(.+?)\s+ברשימה", r"תמצא(?:י)? לי את\s+(.+)$",
            r"מה הסטטוס של\s+(.+)$", r"איפה\s+(.+?)\s+ברשימה"]
    m = re.match(r"^(?:did|has)\s+(?:my\s+|our\s+)?(.+?)\s+(?:answer|answered|reply|replied|rsvp|rsvp'?d|respond|responded)\b", line, re.I) or \
        re.match(r"^(?:תבדוק|תבדקי|לבדוק|האם)\s+(?:אם\s+)?(?:גברת\s+|מר\s+|משפחת\s+)?(.+?)\s+(?:כבר\s+)?(?:ענה|ענתה|ענו|אישר|אישרה|אישרו|הגיב|הגיבה)\b", line)
    if m and len(_words(m.group(1))) <= 3 and not set(_words(m.group(1))) & (_ALL_WORDS | _AUDIENCE_HEADS):
        # "Did my brother Ariel answer yet?": that guest's card says
        name, _ = _tidy_name(re.sub(r"^(?:brother|sister|cousin|uncle|aunt|friend|boss|mom|dad|grandma|grandpa)\s+", "",
                                    m.group(1), flags=re.I))
        ref = _ref(name, region)
        if ref:
            return Reading(C.GuestCard(ref=ref))
    for p in pats:
        m = re.search(p, line, re.I)
        if m:
            text = m.group(1).strip(" ?.!")
            text = re.sub(r"^(?:כל\s+)?משפחת\s+|^the\s+(?=\S+\s+family$)", "", _strip_relation(text), flags=re.I)
            text = re.sub(r"\s+family$", "", text, flags=re.I) if re.match(r"^\S+\s+family$", text, re.I) else text
            if text:
                return Reading(C.FindGuests(text=text))
    return None


def _add_guest(line, region) -> Reading | None:
    text = re.sub(r"^.*?\b(?:add|put|ad)\b\s*", "", line, count=1, flags=re.I) if re.search(
        r"\b(?:add|put|ad)\b", line, re.I) else line
    # the verb inside a sentence: "כן שלום אני רוצה להוסיף את...", "צריך להוסיף את המנכ"ל..."
    text = re.sub(r"^(?:\S+\s+){0,5}?(?:להוסיף|תוסיף|תוסיפי|תוסיפו|הוסף|תכניס|תכניסי|לרשום|תרשום|תרשמי)\s+", "", text) \
        if re.search(r"(?:^|\s)(?:להוסיף|תוסיף|תוסיפי|תוסיפו|הוסף|תכניס|תכניסי|לרשום|תרשום|תרשמי)\s", text) else text
    text = re.sub(r"^(?:להוסיף|תוסיף|תוסיפו|הוסף|תכניס|תרשום|עוד\s+(?:אורחת|אורח)(?![\u05d0-\u05ea]))\s*", "", text)
    text = re.sub(r"^(?:בבקשה\s+)?(?:עוד\s+(?:אחד|אחת|אורח|אורחת)|one\s+more|another\s+(?:one|guest))\s*[:\-–,]?\s*", "", text, flags=re.I)
    text = re.sub(r"^(?:גם\s+)?(?:את\s+)?(?:ה)?(?:אורח|אורחת)\s+(?=\S)(?!חדש)", "", text)   # "גם את עומרי", "את האורח יעקב"
    text = re.sub(r"^גם\s+(?:את\s+)?", "", text)
    text = re.sub(r"^הוספה\s*:\s*", "", text)
    text = re.sub(r",?\s*(?:הם|הן|they'?re|they\s+are)\s+(\d{1,2})\s*$", r" \1 אנשים", text, flags=re.I)
    text = re.sub(r",?\s*(?<!\w)(?:(?:ה)?מספר\s+)?(?:ה)?(?:טלפון|טל'?|נייד|phone|tel)\s*[:\-]?\s*(?=[+\d(])", " ", text, flags=re.I)
    text = re.sub(r"^(?:בבקשה|please|pls|plz)[\s,:]+", "", text, flags=re.I)
    if text.startswith("הוסף"):
        text = text[4:]
    text = re.sub(r"^(?:new\s+)?(?:אורחים|אורחות|אורחת|אורח|מוזמנים|guests|guest)(?:\s+(?:חדשה|חדש|חדשים|new))?\s*[:\-–]?\s*",
                  "", text.strip(" -–:"), flags=re.I)
    text = re.sub(r",?\s*(?:her|his|their|the)\s+(?:number|phone|mobile)\s+is\b|,?\s*(?:ה)?(?:מספר\s+(?:ה)?(?:טלפון|נייד|פלאפון)|מספר|טלפון|נייד|פלאפון)\s+(?:שלה|שלו|שלהם)\s*(?:הוא|זה)?",
                  " ", text, flags=re.I)
    # "רוני שמש 0541239876 סליחה טעות 0541239867", "Dana 0521112233 sorry I meant 0521112234": the phone put right
    text = re.sub(r"(?:\+972[\s-]?|0)(?:5\d|[2-489]|7\d)[\s-]?\d{3}[\s-]?\d{4}\s*[,.;]?\s*(?:(?:סליחה|sorry|oops|אופס)[,!.]?\s*)?"
                  r"(?:טעות|טעיתי|התכוונתי|my\s+(?:bad|mistake)|i\s+meant|correction)[,:!.]?\s*(?=(?:\+972[\s-]?|0)(?:5\d|[2-489]|7\d)[\s-]?\d{3}[\s-]?\d{4}(?!\d))",
                  "", text, flags=re.I)
    # "להוסיף לרשימת המוזמנים את יעקב", "תכניס לרשימת האורחים את ...": the list named as where, before the guest
    text = re.sub(r"^(?:לרשימה|לרשימת\s+(?:ה)?(?:מוזמנים|אורחים|המוזמנים|האורחים)|לליסט)\s+(?=את\s)", "", text)
    text = re.sub(r"^(?:לרשימה\s+)?את\s+", "", text)
    text = re.sub(r"\s+(?:on the list|to the list|to the guests|to the guest list|to our list|לרשימה)\b", "", text, flags=re.I)
    text = re.sub(r"^לרשימה\s+(?:את\s+)?", "", text)
    if "?" in text and len(_IL_PHONE.findall(text)) >= 2:
        text = text.split("?", 1)[1]
    text = text.replace("?", " ")
    phones = list(_IL_PHONE.finditer(text))
    chunks = [c for c in re.split(r"[,;]\s*(?=\D)", text) if c.strip()]
    if len(phones) >= 2 and len(chunks) == len(phones) and all(len(_IL_PHONE.findall(c)) == 1 for c in chunks):
        # "רותי לוי 054…, משה לוי 054… (2)": a list, one guest between commas
        drafts = []
        for c in chunks:
            d = _loose_guest(re.sub(_AND_BEFORE_GUEST, "", c.strip()), region)
            if d is None:
                return None
            drafts.append(dataclasses.replace(d, line_no=1))
        return Reading(C.AddGuests(guests=tuple(drafts)), sure=False)
    if len(phones) >= 2:   # "נתן 050… ואת רונית 052…": one guest a phone
        drafts, start = [], 0
        for i, m in enumerate(phones):
            end = phones[i + 1].start() if i + 1 < len(phones) else len(text)
            seg = text[start:end] if i + 1 < len(phones) else text[start:]
            seg_phone_end = m.end() - start
            piece = seg[:seg_phone_end] if i + 1 < len(phones) else seg
            piece = re.sub(_AND_BEFORE_GUEST, "", piece.strip()) if i else piece.strip()   # (the first: no "and" before it)
            d = _loose_guest(piece, region)
            if d is None:
                return None
            drafts.append(dataclasses.replace(d, line_no=1))
            start = m.end()
        return Reading(C.AddGuests(guests=tuple(drafts)), sure=False)
    draft = _loose_guest(text, region)
    if draft is None:
        return None
    return Reading(C.AddGuests(guests=(draft,)), sure=False)


def _as_role_change(ref_text: str, region) -> Reading | None:
    """"תוריד את סיוון להרשאת צפייה בלבד", "take Dan down to viewer": a member's role, not a
    guest out of the list."""
    m = re.match(r"^(.+?)\s+(?:ל(?:הרשאת|הרשאה של|תפקיד(?: של)?)\s+|(?:down\s+)?to\s+(?:an?\s+)?|(?=ל\S))(\S+)"
                 r"(?:\s+(?:בלבד|only))?$", ref_text.strip())
    if not m:
        return None
    role = _role_in([m.group(2)] + list(_he_forms(m.group(2))))
    ref = _ref(m.group(1), region) if role else None
    return Reading(C.ChangeRole(ref=ref, role=role), sure=False) if ref else None


# Who helps run an event, named by the job alone: "the former secretary", "הרכזת"
_STAFF_TITLES = {"מזכיר", "מזכירה", "המזכיר", "המזכירה", "רכז", "רכזת", "הרכז", "הרכזת", "המפיק", "המפיקה", "מפיק", "מפיקה",
                 "העוזר", "העוזרת", "המנהל", "המנהלת", "העורך", "העורכת", "המארגן", "המארגנת", "secretary", "coordinator",
                 "assistant", "producer", "organiser", "organizer", "admin", "editor"}


def _staff_only(ref_text: str, region) -> Reading | None:
    """"תוציא את המזכיר הקודם מהאירוע", "remove the old coordinator": a team member named only by the
    job, asked before the removal (no guest is called "the secretary")."""
    text = _strip_source(ref_text)
    ws = [w for w in _words(text) if w not in {"את", "the", "our", "my", "שלנו", "שלי", "old"}]
    if not ws or not set(ws) & _STAFF_TITLES or not set(ws) <= _STAFF_TITLES | _FORMER:
        return None
    ref = _ref(text, region)
    return Reading(C.RemoveMember(ref=ref), sure=False) if ref else None


# What is said of someone before "remove him": "נפטר", "ביטל", "לא מגיע", "passed away"
_SAID_OF_HIM = {"נפטר", "נפטרה", "נפטרו", "עבר", "עברה", "עברו", "ביטל", "ביטלה", "ביטלו", "התגרש", "התגרשה", "עזב", "עזבה",
                "לא", "כבר", "הוא", "היא", "הם", "לצערנו", "לצערי", "בעצם", "ז\"ל", "ז״ל", "died", "passed", "cancelled",
                "canceled", "isn't", "is", "won't", "can't", "has", "moved", "unfortunately", "sadly", "אמר", "אמרה", "אמרו",
                "ביקש", "ביקשה", "ביקשו", "החליט", "החליטה", "החליטו", "טס", "טסה", "טסים", "בחו\"ל", "הודיע", "הודיעה", "הודיעו",
                "כתב", "כתבה", "כתבו", "bailed", "dropped", "backed", "pulled", "declined", "said", "told", "wrote", "texted"}


def _remove_guest(line, words, region) -> Reading | None:
    m = re.search(r"(?:remove|delete|get rid of|take|remvoe|תורידו|תורידי|תוריד|תמחקו|תמחקי|תמחק|תמחוק|תוציאו|תוציאי|תוציא|להוציא|הוציאי|הוצא|להוריד|למחוק"
                  r"|תסירו|תסירי|תסיר|להסיר|הסירי|הסר|מחקי|תמחוקי"
                  r"|(?:תעיף|תעיפי|להעיף|תעיפו)(?=\s+את\s))\s*"
                  r"(?:מהרשימה\s+)?(?:את\s*)?(.+?)"
                  r"(?:\s+from\s+(?:the\s+|my\s+|our\s+)?(?:guests?\s+)?(?:list|guests)|\s+off\s+(?:the\s+)?list|\s+מהרשימה|\s+מהליסט"
                  r"|\s+מרשימת\s+(?:ה)?(?:מוזמנים|אורחים)|\s+מהמוזמנים|\?|$)", line, re.I)
    if line.startswith("תמחקאת"):
        m = re.search(r"תמחקאת\s*(.+)$", line)
    if m and m.group(1).strip().lower() in {"אותו", "him", "אותה", "her", "אותם", "them", "אותן"} and m.start() == 0:
        return _whom()   # "remove her": whom is asked, no guest is called "her"
    if m and m.group(1).strip().lower() in {"אותו", "him", "אותה", "her", "אותם", "them", "אותן"} and m.start() > 0:
        # "שמוליק רז נפטר לצערנו, תורידו אותו מהרשימה": the one named first, until what is said of him (asked first)
        said = []
        for w in re.sub(r"([,.;!:])", r" \1 ", line[:m.start()]).split():
            if w in {",", "-", "–", ".", ";", "!", ":"} or w.lower() in _SAID_OF_HIM:
                break
            said.append(w)
        ref = _ref(" ".join(said), region) if 0 < len(said) <= 3 else None
        return Reading(C.RemoveGuest(ref=ref), sure=False) if ref else None
    if m and m.group(1).strip().lower() not in {"אותו", "him", "אותה", "her", "אותם", "them", "אותן"} and not (
            _words(m.group(1))[:1] and _he_in(_words(m.group(1))[0], _INVITATION_NOUNS)):
        role_change = _as_role_change(m.group(1), region) or _staff_only(m.group(1), region)
        if role_change is not None:
            return role_change
        ref = _ref(_strip_source(m.group(1)) or m.group(1), region)
        if ref:
            return Reading(C.RemoveGuest(ref=ref))
    m = re.match(r"^(.+?)\s+(?:isn't invited|is not invited|is no longer invited|לא מוזמנ|לא מוזמן|כבר לא מוזמנ|"
                 r"כבר לא מוזמן)", line)
    if m and not set(_words(m.group(1))) & {"מי", "who", "which", "איזה", "מישהו", "anyone"}:
        ref = _ref(m.group(1), region)
        if ref:
            return Reading(C.RemoveGuest(ref=ref))
    return None


_HE_SET_NAME = (r"(?:תשנה|תשני|שנה|שני|תעדכן|תעדכני|עדכן|עדכני|תתקן|תתקני|תקן|תקני|לשנות|לעדכן|לתקן)\s+"
                r"(?:ל-?(\S+(?:\s+\S+)?)\s+)?את\s+(?:ה)?שם\s+")
_HE_OF_NAME = r"(?:\s+של\s+(\S+(?:\s+\S+)?))?\s+(\S.*)$"


# A guest's field named in Hebrew, and the field it is
_HE_FIELDS = [(r"שם\s+(?:ה)?משפחה", "last_name"), (r"(?:ה)?שם\s+(?:ה)?פרטי", "first_name"), (r"(?:ה)?שם", "name"),
              (r"(?:ה)?(?:טלפון|נייד|פלאפון|סלולרי)|(?:ה)?מספר\s+(?:ה)?(?:טלפון|נייד|פלאפון)|(?:ה)?מספר(?!\s+(?:ה)?(?:מקומות|אנשים|מוזמנים|אורחים|מגיעים))", "phone"),
              (r"(?:ה)?כמות(?:\s+(?:ה)?(?:מקומות|אנשים|מוזמנים|אורחים|מגיעים))?|(?:ה)?מספר\s+(?:ה)?(?:מקומות|אנשים|מוזמנים|אורחים|מגיעים)", "party"),
              (r"(?:ה)?צד", "side"), (r"(?:ה)?הערה|(?:ה)?הערות", "note")]
_HE_FIELD = "(?:" + "|".join(f"(?P<f{i}>{rx})" for i, (rx, _f) in enumerate(_HE_FIELDS)) + ")"
_HE_EDIT_VERB = r"(?:תשנה|תשני|תשנו|שנה|שני|לשנות|תעדכן|תעדכני|תעדכנו|עדכן|עדכני|לעדכן|תתקן|תתקני|תקן|תקני|לתקן|תחליף|תחליפי|החלף|להחליף)"
# "תשנה לשרה את הצד לאמא", "תשני לרותי את הכמות ל-4": the guest with ל before the field, the value with ל after it
_HE_EDIT_TO = re.compile(r"^" + _HE_EDIT_VERB + r"\s+(?:בבקשה\s+|גם\s+)?ל-?\s*(?P<who>[^\s,]+(?:\s+[^\s,]+)?)\s+את\s+" + _HE_FIELD
                         + r"(?:\s+(?:שלו|שלה|שלהם))?\s*[:\-–]?\s+(?P<val>\S.*?)\W*$")
# "תשנה את הצד של שרה לאמא", "תעדכני את הכמות של משפחת לוי ל-6": the field of the guest, the value with ל
_HE_EDIT_OF = re.compile(r"^" + _HE_EDIT_VERB + r"\s+(?:בבקשה\s+|גם\s+)?את\s+" + _HE_FIELD
                         + r"\s+של\s+(?P<who>[^\s,]+(?:\s+[^\s,]+){0,2}?)\s+(?P<val>ל-?\s*\S.*?)\W*$")


def _he_field_edit(line: str, region) -> Reading | None:
    """A guest's field changed in the two Hebrew constructions, every field, every form of the verb; asked first."""
    m = _HE_EDIT_TO.match(line) or _HE_EDIT_OF.match(line)
    if not m:
        return None
    field = next(f for i, (_rx, f) in enumerate(_HE_FIELDS) if m.group(f"f{i}"))
    value = m.group("val").strip()
    value = re.sub(r"^ל-\s*|^ל\s+|^ל(?=[\u05d0-\u05ea\d+])", "", value)   # "לאמא", "ל-4", "ל 050…": the value
    if not value:
        return None
    if field == "phone":
        try:
            value = normalize_phone(value, region)
        except InvalidPhone:
            return None
    elif field == "party":
        said = value.split()[0] if value.split() else ""
        value = int(said) if said.isdecimal() else _PARTY_NUM.get(said)
        if value is None:
            return None
    elif field == "side":
        value = re.sub(r"^(?:ה)?צד\s+(?:של\s+)?", "", value).strip()
        value = _SIDE.get(value.lower(), _SIDE.get(re.sub(r"^ה", "", value), value))
    elif field in ("name", "first_name", "last_name"):
        value = _name_only(value)
    ref = _ref(re.sub(r"^(?:ה)?(?:אורח|אורחת)\s+(?:מס['׳]?\s*|מספר\s+)?(?=#?\d)", "", m.group("who")), region)
    if ref is None or not value:
        return None
    return Reading(C.EditGuest(ref, field, value), sure=False)


def _edit_guest(line, low, words, wset, region) -> Reading | None:
    said = _he_field_edit(line, region)
    if said is not None:
        return said
    pats = [
        # "לשנות את אסתר מימון לצד חתן", "תעביר את דנה לצד הכלה": the guest moved to a side
        (r"^(?:לשנות|תשנה|תשני|לעדכן|תעדכן|תעדכני|להעביר|תעביר|תעבירי|העבר)\s+את\s+(?!ה?צד\b)(.+?)\s+ל(?:ה)?צד\s+(?:של\s+)?(?:ה)?(כלה|חתן)\W*$",
         "side"),
        # "תעדכני שמשפחת טולדנו 7 אנשים ולא 5": the new count, the old one after "ולא"
        (r"^(?:לעדכן|תעדכן|תעדכני|לרשום|תרשום|תרשמי)\s+ש(?:(?:ה|ל)?(?:אורח|אורחת)\s+)?(\S+(?:\s+\S+){0,2}?)\s+(?:הם\s+|הן\s+|יהיו\s+|באים\s+|מגיעים\s+)?"
         r"(\d{1,2})\s+(?:אנשים|נפשות|איש|מקומות)(?:\s+ולא\s+\d{1,2})?\W*$", "party"),
        # first and last names on their own: "תשנה לדני את שם המשפחה לכהן", "change Dana's last name to Cohen"
        (_HE_SET_NAME + r"(?:ה)?משפחה" + _HE_OF_NAME, "last_name"),
        (_HE_SET_NAME + r"(?:ה)?פרטי" + _HE_OF_NAME, "first_name"),
        (r"(?:change|update|fix|set|correct)\s+(?:the\s+spelling\s+of\s+)?(.+?)'s\s+(?:last|family|sur)\s*name\s+to\s+(.+)$",
         "last_name"),
        (r"(?:change|update|fix|set|correct)\s+(?:the\s+spelling\s+of\s+)?(.+?)'s\s+(?:first|given)\s+name\s+to\s+(.+)$",
         "first_name"),
        (r"(?:change|update|fix|set|correct)\s+the\s+(?:last|family|sur)\s*name\s+(?:of|for)\s+(.+?)\s+to\s+(.+)$", "last_name"),
        (r"(?:change|update|fix|set|correct)\s+the\s+(?:first|given)\s+name\s+(?:of|for)\s+(.+?)\s+to\s+(.+)$", "first_name"),
        (r"(?:change|update|fix|set)\s+(?:the\s+)?(?:phone(?:\s+number)?|number|mobile)\s+(?:of|for)\s+(.+?)\s+to\s+(\+?[\d(][\d\s()-]{6,})\W*$",
         "phone"),
        (r"(?:change|update|fix|set)\s+(.+?)'s\s+(?:phone(?:\s+number)?|number|mobile)\s+to\s+(\+?[\d(][\d\s()-]{6,})\W*$", "phone"),
        (r"(?:change|update|set|move)\s+(?:the\s+)?side\s+(?:of|for)\s+(.+?)\s+to\s+(?:the\s+)?(bride|groom)(?:'s)?(?:\s+side)?\W*$", "side"),
        (r"(?:change|update|set)\s+(.+?)'s\s+note\s+to\s*:?\s*(\S.*)$", "note"),
        (r"(?:לעדכן|תעדכן|תעדכני|לשנות|תשנה|תשני|לתקן|תתקן)\s+את\s+(?:ה)?שמו?(?:ה)?\s+של\s+(?:ה)?(?:אורח|אורחת)?\s*(?:מס'?|מספר)?\s*"
         r"(.+?)\s+ל\s*[:\-]?\s*(\S.*)$", "name"),
        (r"(?:rename|change)\s+(?!.*\b(?:phone|number|side|note|party)\b)(.+?)\s+to\s+(.+)$", "name"),
        (r"fix the spelling of (.+?)'s name to (.+)$", "name"),
        # "השם של עדי צריך להיות עדיאל", "Adi's name should be Adiel": the name, said as what it should be
        (r"^(?:ה)?שם\s+של\s+(?!(?:ה)?(?:אירוע|חתונה|מסיבה|ברית|חינה)(?![\u05d0-\u05ea]))(\S+(?:\s+\S+)?)\s+"
         r"(?:צריך\s+להיות|אמור\s+להיות|יהיה|זה|הוא|היא|בעצם|הנכון\s+(?:הוא|זה))\s+(\S.*)$", "name"),
        (r"^(?:the\s+)?name\s+(?:of|for)\s+(.+?)\s+(?:should\s+be|is\s+actually|needs\s+to\s+be|must\s+be)\s+(\S.*)$", "name"),
        (r"^(.+?)['’]s\s+name\s+(?:should\s+be|is\s+actually|needs\s+to\s+be|must\s+be|is\s+now)\s+(\S.*)$", "name"),
        (r"השם של\s+(?!(?:ה)?(?:אירוע|חתונה|מסיבה|ברית|חינה)(?![\u05d0-\u05ea]))(.+?)\s+(?!להיות(?![\u05d0-\u05ea]))ל-?(.+)$", "name"),
        (r"טעות בשם של\s+(.+?),\s*זה\s+(.+)$", "name"),
        (r"(?:הטלפון|המספר|הנייד|ה-phone|phone|number)\s+של\s+(.+?)\s+(?:השתנה\s+|הוא\s+|היא\s+|זה\s+|הנכון\s+|"
         r"עכשיו\s+|צריך להיות\s+)*ל?-?\s*(\+?\d[\d\s-]{6,})$", "phone"),
        (r"^(?:edit:?\s*|update:?\s*)?(.+?)'s\s+(?:phone|number|phone number|mobile)\s+(?:is\s+|to\s+|should be\s+)?(?:now\s+)?"
         r"(\+?\d[\d\s-]{6,})$", "phone"),
        (r"המספר של\s+(.+?)\s+לא נכון,?\s*(?:הנכון זה|הנכון)\s*(.+)$", "phone"),
        (r"שנה טלפון ל(\S+)\s+(.+)$", "phone"),
        (r"(?:תשנה|תשני|שנה|תעדכן|תעדכני|עדכן|תתקן|תתקני|תחליף|תחליפי)\s+ל-?(\S+(?:\s+\S+)?)\s+את\s+"
         r"(?:ה)?(?:מספר|טלפון|נייד|פלאפון)(?:\s+(?:של|שלו|שלה))?\s+(?:ל-?\s*)?(\+?\d[\d\s-]{6,})$", "phone"),
        (r"(?:change|update|fix)\s+(?:the\s+)?(?:phone|number|phone number)\s+(?:of|for)\s+(.+?)\s+to\s+"
         r"(\+?\d[\d\s-]{6,})$", "phone"),
        (r"move\s+(.+?)\s+to the (bride|groom|כלה|חתן)", "side"),
        (r"(?:תשנה|תשני|שנה|תעדכן|תעדכני|עדכן|תתקן|תתקני)\s+את\s+(?:ה)?צד\s+של\s+(.+?)\s+ל-?(?:צד\s+(?:של\s+)?)?ה?(כלה|חתן)\s*$",
         "side"),
        (r"(?:change|update|set|fix)\s+(?:the\s+side\s+(?:of|for)\s+(.+?)|(.+?)'s\s+side)\s+to\s+(?:the\s+)?(bride|groom)", "side"),
        (r"^(\S+)\s+is\s+(bride|groom)", "side"),
        (r"(?:תעביר|תעבירי|להעביר|העבר|תשים|תשימי)\s+את\s+(.+?)\s+(?:ל|ב)צד\s*(?:של\s+)?ה?(חתן|כלה)", "side"),
        (r"^(.+?)\s+הוא מהצד של ה(כלה|חתן)", "side"),
        (r"(?:add a note to|note for)\s+(.+?):\s*(.+)$", "note"),
        (r"(?:תוסיף הערה|הערה)\s+ל-?(.+?):\s*(.+)$", "note"),
        # "רשמי אצל Susan Roth: vegan, בלי גלוטן": what is written at a guest, after the colon
        (r"^(?:רשום|רשמי|תרשום|תרשמי|לרשום|כתוב|כתבי|תכתוב|תכתבי|לכתוב)\s+(?:ליד|אצל|בכרטיס\s+של)\s+"
         r"(?!(?:ה)?(?:כולם|אורחים|מוזמנים|מגיעים)(?![\u05d0-\u05ea]))(\S+(?:\s+\S+){0,2}?)\s*:\s*(\S.*)$", "note"),
        (r"(?:להוסיף|תוסיף|תוסיפי|לרשום|תרשום|תרשמי)\s+הערה\s+(?:אצל|על|ל)\s*-?(.+?):\s*(.+)$", "note"),
        (r"(?:מספר|כמות)\s+(?:ה)?(?:מוזמנים|אורחים|אנשים|מקומות|מגיעים)\s+(?:ממשפחת|מ)\s*(.+?)\s+(?:ל-?|ל\s+|זה\s+)(\d+|"
         + "|".join(sorted(_HE_NUM, key=len, reverse=True)) + r")\W*$", "party"),
        (r"(?:תשנה|תשני|שנה|תעדכן|תעדכני|עדכן|תתקן|תתקני)\s+ל-?(\S+(?:\s+\S+)?)\s+ל-?\s*(\d{1,2})\s*(?:אנשים|מקומות|איש)\W*$", "party"),
        # "תשני לגל ושני ל-3, הם באים עם התינוקת": the count, the reason after the comma no part of it
        (r"^(?:תשנה|תשני|שנה|תעדכן|תעדכני|עדכן|תתקן|תתקני)\s+ל-?(\S+(?:\s+\S+){0,2}?)\s+ל-?\s*(\d{1,2})(?!\d)\s*(?:אנשים|מקומות|איש|נפשות)?"
         r"\s*,\s*(?:כי\s+|בגלל\s+ש)?(?:הם|הן|הוא|היא)\s+(?:באים|באות|בא|באה|מגיעים|מגיעות|מגיע|מגיעה|יבואו|יגיעו)(?![\u05d0-\u05ea]).*$", "party"),
        (r"^(?:תיקון|שינוי)\s+שם\s*:?\s*(.+?)\s*(?:->|→|=>|⬅|ל-)\s*(.+)$", "name"),
        (r"(?:spelling|spelled|איות|כתיב)\W+(?:it'?s|זה)\s+(\S+)\s+(?:not|ולא|לא)\s+(\S+?)\W*$", "swap_name"),
        (r"(?:רשמתי|רשמנו|רשום)\s+(?:את\s+)?(.+?)\s+(?:עם|כ|ל)\s*-?\d{1,2}\s+(?:אבל|ו)\s*(?:הוא|היא|הם|הן)\s+(?:אמר|אמרה|אמרו)\s+(\d{1,2})", "party"),
        (r"(?:תרשום|תרשמי|תוסיף|תוסיפי|add)\s+(?:ל-?|to\s+)?(\S+(?:\s+\S+)?)\s+(?:a\s+)?(?:note|הערה)\s*:\s*(.+)$", "note"),
        (r"(?:תעביר|תעבירי|להעביר|העבר|move)\s+(?:את\s+)?(.+?)\s+(?:ל|ב)צד\s+(?:של\s+)?(\S+(?:\s+\S+)?)\W*(?:[,.].*)?$", "side"),
        (r"^(.+?)['’]s\s+(?:last|family|sur)\s*name\s+is\s+(?:actually\s+|now\s+)?(.+)$", "last_name"),
        (r"^(.+?)['’]s\s+(?:first|given)\s+name\s+is\s+(?:actually\s+|now\s+)?(.+)$", "first_name"),
        (r"^move\s+(?:the\s+)?(.+?)\s+to\s+(?:the\s+)?(כלה|חתן|bride|groom)(?:'s)?\s+side", "side"),
        (r"תרשום אצל\s+(\S+)\s+ש(?:הוא|היא)?\s*(.+)$", "note"),
        (r"(?:תכתוב|תכתבי|תרשום|תרשמי|תוסיף|תוסיפי|לכתוב|לרשום)\s+(?:ב|ל)הערו?ת?\s+(?:של|אצל|ל)\s*-?(.+?)\s+ש(.+)$",
         "note"),
        (r"(?:תרשום|תרשמי|לרשום|תכתוב|תכתבי)\s+(?:ליד|אצל|על)\s+(?:ה)?(?:רב\s+|גב'\s+|מר\s+)?(\S+(?:\s+\S+)?)\s+ש(?:הוא|היא|הם)?\s*(.+)$", "note"),
        (r"set party size for\s+(.+?)\s+to\s+(\d+)", "party"),
        # "משפחת לוי יהיו 6 לא 4", "the Cohens will be 5 not 3": the count corrected, not a guest's answer
        (r"^(?!(?:מי|who|כמה|how|כולם|everyone|all|הם|הן|they|we|אנחנו|אנו|us)(?![\w']))(.+?)(?:\s+(?:יהיו|יהיה|תהיה|יגיעו|יבואו|are|will\s+be"
         r"|הם|הן|זה|they'?re|they\s+are|בעצם|actually|really))+\s+(\d{1,2})\s*,?\s+(?:ולא|לא|not|instead\s+of)\s+\d{1,2}(?!\d)", "party"),
        # "אצל ויקטור תרשום 2 אנשים במקום 1", "תרשמי אצל דנה 3 מקומות": the count written at that guest
        (r"^אצל\s+(\S+(?:\s+\S+)?)\s+(?:תרשום|תרשמי|תשנה|תשני|תעדכן|תעדכני|תכתוב|תכתבי|תשים|תשימי|שים|שימי)\s+(?:ל-?\s*)?(\d{1,2})"
         r"(?:\s*(?:אנשים|איש|מקומות|נפשות))?(?:\s+(?:במקום|ולא)\s+\d{1,2})?(?!\d)(?:\s*[,.].*)?$", "party"),
        (r"^(?:תרשום|תרשמי|תשנה|תשני|תעדכן|תעדכני|תכתוב|תכתבי|תשים|תשימי)\s+אצל\s+(\S+(?:\s+\S+)?)\s+(?:ל-?\s*)?(\d{1,2})"
         r"\s*(?:אנשים|איש|מקומות|נפשות)(?:\s+(?:במקום|ולא)\s+\d{1,2})?(?:\s*[,.].*)?$", "party"),
        # "Ben is bringing his gf, make it 2", "רועי מביא את אשתו, תשנה ל-2": someone along, and the count put on it
        (r"^(?!(?:מי|who|כמה|how|i|we|אני|אנחנו)(?![\w']))(\S+?(?:\s+(?!is\b|will\b)\S+?)?)(?:'s|’s|\s+is|\s+will)?\s+(?:bringing|brings|bring|מביא|מביאה|מביאים|יביא|תביא|יביאו"
         r"|מצרף|מצרפת|מצרפים)\s+.{1,40}?[,.;\-–]\s*(?:so\s+)?(?:make\s+it|change\s+(?:it\s+)?to|update\s+(?:it\s+)?to|put\s+(?:him|her|them)\s+(?:down\s+)?(?:as|for)"
         r"|תעשה|תעשי|תשנה\s+ל-?|תשני\s+ל-?|תעדכן\s+ל-?|תעדכני\s+ל-?|תרשום|תרשמי|תשים|תשימי)\s*(\d{1,2})(?:\s*(?:people|ppl|אנשים|מקומות))?\W*$",
         "party"),
        # "שם המשפחה של נתנאל זה אוחיון", "the last name of Netanel is Ohayon": the name, said as what it is
        (r"^(?:ה)?שם\s+(?:ה)?משפחה\s+של\s+(\S+(?:\s+\S+)?)\s+(?:זה|הוא|היא|צריך\s+להיות|אמור\s+להיות|בעצם|הנכון\s+הוא)\s+(\S.*)$", "last_name"),
        (r"^(?:ה)?שם\s+(?:ה)?פרטי\s+של\s+(\S+(?:\s+\S+)?)\s+(?:זה|הוא|היא|צריך\s+להיות|אמור\s+להיות|בעצם|הנכון\s+הוא)\s+(\S.*)$", "first_name"),
        (r"^the\s+(?:last|family|sur)\s*name\s+(?:of|for)\s+(.+?)\s+(?:is|should\s+be)\s+(?:actually\s+)?(\S.*)$", "last_name"),
        (r"^the\s+(?:first|given)\s+name\s+(?:of|for)\s+(.+?)\s+(?:is|should\s+be)\s+(?:actually\s+)?(\S.*)$", "first_name"),
        (r"(?:מספר|כמות)\s+(?:ה)?(?:מוזמנים|אורחים|אנשים|מקומות|מגיעים)\s+(?:של|אצל)\s+(.+?)\s+(?:ל-?|ל\s+|זה\s+)(\d+)", "party"),
        (r"(?:הכמות|הכמות של|party size of|number of guests for|headcount for)\s+(?:של\s+)?(.+?)\s+(?:ל-?|to\s+)(\d+)", "party"),
        (r"^(?!(?:מי|who|כמה|how|כל|כולם|all|everyone)(?![\w']))(.+?)\s+(?:הוא|היא|הם|הן|זה|זאת|זו|is|are)\s+(?:מ|from\s+)?(?:ה)?(?:צד|side)\s+(?:של\s+|of\s+)?(?:ה|the\s+)?(כלה|חתן|bride|groom)", "side"),
        (r"תעדכני? ל(.+?)\s+(\d+)\s+מקומות", "party"),
        (r"^(\S+)\s+מגיעה? עם עוד \d+,\s*תשנה את הכמות ל-?(\d+)", "party"),
    ]
    for p, field in pats:
        m = re.search(p, line, re.I)
        if not m:
            continue
        groups = [g for g in m.groups() if g is not None]
        ref_text, value = groups[0], groups[-1].strip(" .!")
        if field == "swap_name":   # "fix the spelling, it's Tzvika not Zvika": the guest is the one written wrong
            field, ref_text, value = "name", groups[1], groups[0]
        if field == "note" and re.match(r"^ל[\u05d0-\u05ea]{2,}", ref_text):
            ref_text = ref_text[1:]   # "תרשום לכנרת note: vegan"
        if field == "name" and (set(_words(ref_text)) & {"the", "event", "האירוע", "date", "this"}):
            continue
        if field == "party" and (re.match(r"^(?:the\s+)?" + _FIELD_NOUN, ref_text.strip(), re.I)
                                 or {w.lower() for w in _words(ref_text)} & (_EVENT_NOUNS | _EVENT_HEAD_NOUNS)):
            continue   # "השעה זה 8 ולא 7", "the wedding is actually 200 not 150": the event, never a guest's count
        if field == "party" and any(w in C._VERB_STRINGS for w in _words(ref_text) if _HE.match(w)):
            continue   # a Hebrew command word ("השפה", read from a typo) is never the guest whose count it is
        ref_text = re.sub(r"^(?:guest|אורח|אורחת)\s+(?=#?\d)", "", ref_text.strip(), flags=re.I)
        ref = _ref(ref_text, region)
        if not ref:
            continue
        if field == "phone":
            try:
                value = normalize_phone(value, region)
            except InvalidPhone:
                continue
        elif field == "party":
            value = int(value) if str(value).isdecimal() else _HE_NUM.get(value)
            if value is None:
                continue
        elif field == "side":
            value = _SIDE.get(value.lower(), value if _HE.match(value) else value.lower())
        elif field == "note":
            value = value.lstrip(" :")
        if field in ("name", "first_name", "last_name"):
            # "Avi's first name is actually Avraham, pls fix": the name, without the request after it
            value = _name_only(value)
        if field in ("name", "first_name", "last_name") and re.match(r"ל-\s*\S", value):
            value = value[2:].strip()
        elif field in ("name", "first_name", "last_name") and value.startswith("ל") and _HE.match(value[1:2] or ""):
            value = value[1:]
        return Reading(C.EditGuest(ref, field, value), sure=False)
    if re.match(r"^(?:edit guest|תערוך את)\s+", line, re.I):
        raise C._Fail(i18n._("What should I change? Try: {usage} (or name, side, party, note)",
                             usage=C._t(C.N_("edit 3 phone 050-234-5678"))))
    return None


_TOTAL = r"(?:ב?סה[\"״”']?כ|סך\s+הכל|בסך\s+הכל|total|in\s+total|altogether|overall)"


_NUMBER_WORD = re.compile(r"(?<![\w'])(" + "|".join(sorted(_HE_NUM, key=len, reverse=True)) + r")(?![\w'])")


def _digits_for_words(text: str) -> str:
    """"שני אנשים", "three people": the count in digits, as the rules below read it."""
    return _NUMBER_WORD.sub(lambda m: str(_HE_NUM[m.group(1)]), text)


# after "coming with": words that are not one person ("with Everyone", "עם המשפחה", "עם כולם")
_NOT_A_COMPANION = frozenset({"her", "his", "their", "the", "my", "our", "a", "an", "kids", "children", "family", "friends", "everyone",
                              "everybody", "all", "us", "me", "him", "them", "some", "others", "plus",
                              "משפחה", "המשפחה", "כולם", "כולן", "הכל", "הכול", "עוד", "מישהו", "מישהי", "הבית", "שניים", "שתיים",
                              "הזוג", "ילדים", "הילדים", "אורחים", "מלווים"})


def _party_said(line: str) -> int | None:
    """How many a guest comes as, in the words of an answer: "party of 3", "4 סה״כ", "מגיעים 5",
    "עם עוד 2", "לבד" (1), "with his wife" (2)."""
    low = _digits_for_words(line.lower())
    low = re.sub(r"(?<![\u05d0-\u05ea])(ו?)(שלושת|ארבעת|חמשת|שני|שתי)\s+(?=ה?ילד)",
                 lambda m: m.group(1) + {"שני": "2 ", "שתי": "2 ", "שלושת": "3 ", "ארבעת": "4 ", "חמשת": "5 "}[m.group(2)], low)
    low = re.sub(r"\bw(?:/|\s)(?=\s*(?:his|her|their|the|a|my)\b)", "with ", low)    # "coming w his gf"
    # "בא עם אשתו והבן, 3", "said yes for 2", "סך הכל 4 איתה": the count the writer put on it, over who they said comes along
    # ("... אבל בלי הילדים אז רק 2", "..., so just 2": the count said last, after "so" or "only")
    m = re.search(r"(?:,|(?<=\s)[\-–]|(?<![\u05d0-\u05ea])ו?(?:בסך|סך)\s+(?:ה)?(?:כל|כול)|\b(?:yes|confirmed|coming|rsvp'?d(?:\s+yes)?)\s+for"
                  r"|(?<![\u05d0-\u05ea])(?:אז\s+(?:רק\s+|בסך\s+הכל\s+)?|רק\s+)|\bso\s+(?:just\s+|only\s+)?|\b(?:just|only)\s+)"
                  r"\s*(\d{1,2})(?:\s*(?:איתה|איתו|איתם|איתן|with\s+(?:her|him|them)|including\s+(?:her|him|them)))?\s*[.!]*$", low)
    if m:
        n = int(m.group(1))
        return n if 0 < n <= C.MAX_PARTY_SIZE else None
    # "עם אשתו ושלושת הילדים", "with his wife and 2 kids": the guest, the partner and the children
    m = re.search(r"(?:עם|with)\s+(?:his\s+|her\s+|the\s+)?(?:wife|husband|partner|אשתו|אישתו|בעלה|בן\s+הזוג|בת\s+הזוג)\s+"
                  r"(?:ו-?|and\s+)(?:את\s+)?(?:ה)?(\d{1,2})\s*(?:ה)?(?:ילדים|ילדות|kids|children)", low)
    if m:
        n = int(m.group(1)) + 2
        return n if n <= C.MAX_PARTY_SIZE else None
    m = re.search(r"\b(?:mark|put|count)\s+(?:them|him|her|it|us)\s+(?:down\s+)?(?:as|for)\s+(\d{1,2})\b|(?:תסמן|תסמני|תרשום|תרשמי)\s+(?:אותם|אותו|אותה)\s+(?:כ|ל)-?(\d{1,2})", low)
    if m:
        n = int(m.group(1) or m.group(2))
        return n if 0 < n <= C.MAX_PARTY_SIZE else None   # "..., mark them as 2"
    # "הראל ועוד 3 מגיעים", "Dana and 2 more": the guest and those with them
    m = re.search(r"(?<![\u05d0-\u05ea])ועוד\s+(\d{1,2})(?!\d)|\band\s+(\d{1,2})\s+(?:more|others)\b", low)
    if m:
        n = int(next(g for g in m.groups() if g)) + 1
        return n if 1 <= n <= C.MAX_PARTY_SIZE else None
    # "עם עוד 2", "with 2 kids", "plus 2 more": the guest and those with them
    m = re.search(r"(?:עם|with|plus|ועוד)\s+עוד\s+(\d{1,2})(?!\d)|(?:עם|with|plus|and)\s+(?:her\s+|his\s+|their\s+|the\s+)?(\d{1,2})\s*"
                  r"(?:kids|children|more|others|friends|ילדים|ילדות|ילד|נוספים|חברים|חברות|more people)\b", low)
    if m:
        n = int(next(g for g in m.groups() if g)) + 1
        return n if 1 <= n <= C.MAX_PARTY_SIZE else None
    m = re.search(r"(?:party\s+of|total\s+of|group\s+of|סה[\"״”']?כ|בסך\s+הכל)\s*(\d{1,2})\b|"
                  r"(\d{1,2})\s*" + _TOTAL + r"|"
                  r"(?:עם|with)\s+(?:עוד\s+)?(\d{1,2})|(\d{1,2})\s*(?:people|ppl|pax|of them|אנשים|איש|נפשות|guests|מקומות|seats|משתתפים|משתתפות|מוזמנים|אורחים)|"
                  r"(?:confirmed|אישרו|אישרה|אישר\s+הגעה|אישר|(?<![\u05d0-\u05ea])[כש]?מגיע\S*|ש?באים|ש?יגיעו|ש?יבואו|coming|yes|ש?כן)[,\s]+(\d{1,2})\b|"
                  r"(?:תסמן|תסמני)\s+(\d{1,2})\b|\((\d{1,2})\)", low)
    if m:
        n = int(next(g for g in m.groups() if g))
        return n if 0 <= n <= C.MAX_PARTY_SIZE else None
    if re.search(r"\b(?:they'?re|they\s+are|they\s+will|they'?ll)\s+both\b|\bboth\s+of\s+them\b|(?<![\u05d0-\u05ea])שניהם(?![\u05d0-\u05ea])", low):
        return 2    # "they're both coming", "שניהם מגיעים"
    if re.search(r"(?<![\u05d0-\u05ea])(?:לבד|לבדו|לבדה|בלי\s+(?:אף\s+אחד|מלווה|מלווים)|solo)(?![\u05d0-\u05ea])|"
                 r"\b(?:alone|by\s+(?:him|her)self|on\s+(?:his|her)\s+own|just\s+(?:him|her))\b", low):
        return 1
    # "מגיעה עם הבעל", "בא עם האישה": the partner said with "the" (as "עם הבעל שלה"), when no one else follows
    if re.search(r"(?<![\u05d0-\u05ea])עם\s+ה(?:בעל|אישה|אשה)(?:\s+(?:שלה|שלו))?(?=\s*(?:$|[,.!?;]))", low):
        return 2
    # "she's coming with Harold", "מגיעה עם יוסי": coming with one person named, and no one else
    m = re.search(r"\b(?:coming|come|comes|attending|joining|be\s+there)\s+with\s+([A-Z][a-z'’]+)(?:\s+[A-Z][a-z'’]+)?\s*[.!]*\s*$", line) \
        or re.search(r"(?<![\u05d0-\u05ea])(?:ו?ש?(?:מגיע|מגיעה|בא|באה|יבוא|תבוא|יגיע|תגיע))\s+עם\s+([\u05d0-\u05ea]{2,})\s*[.!]*\s*$", line)
    if m and m.group(1).lower() not in _NOT_A_COMPANION and not re.search(r"..(?:ים|ות)$", m.group(1)):
        return 2
    if _COMPANION.search(line) or _has(low, "עם אשתו", "with his wife", "עם בעלה", "with her husband",
                                        "עם בן הזוג", "עם בת הזוג", "with a plus one", "+1", "plus one", "פלוס אחת",
                                        "פלוס אחד", "פלוס 1", "עם הבעל שלה", "עם האישה שלו", "with her boyfriend",
                                        "with his girlfriend", "with her partner", "with his partner") or re.search(
            r"(?:(?<![\u05d0-\u05ea])עם|\bwith|\band)\s+(?:his\s+|her\s+|my\s+|the\s+)?(?:gf|bf|boyfriend|girlfriend|fianc[eé]e?|uncle|aunt|mom|mum|"
            r"dad|mother|father|brother|sister|grandma|grandpa|zaidy|zeidy|bubby|bubbe|(?:ה)?(?:סבא|סבתא|זיידע|זיידי|באבי|בובע|בובי|סבתא)|אמא\s+שלו|אמא\s+שלה|אבא\s+שלו|אבא\s+שלה|הבעל\s+שלה|"
            r"האישה\s+שלו|החבר\s+שלה|החברה\s+שלו)\b", low) or re.search(r"(?<![\u05d0-\u05ea])ו(?:ה)?(?:בעל|אישה)\s+(?:שלה|שלו)", low):
        return 2
    return None


_YES_VERBS = {"confirmed", "coming", "אישרה", "אישר", "אישרו", "מגיע", "מגיעה", "מגיעים", "בא", "באה", "באים", "מאשר", "מאשרת", "מאשרים",
              "yes", "מגיעות", "כמאשרת", "כמאשר"}
_NO_VERBS = {"declined", "ביטלה", "ביטל", "ביטלו", "סירב", "סירבה", "no"}


# Words of someone speaking of themselves: whoever says them answers, they mark nobody.
_FIRST_PERSON = frozenset({"i", "i'm", "im", "me", "we", "we're", "were", "us", "our", "my", "sorry", "unfortunately",
                           "אני", "אנחנו", "אנו", "סליחה", "מצטער", "מצטערת", "מצטערים", "לצערנו", "לצערי"})


# Words that are never a guest's name before a bare "yes" / "no" ("עוד לא", "probably not", "מחר כן")
_NOT_A_NAME = (_YES | _NO | _ACK | _SMALL_TALK | _CANCEL_ONLY | _ALL_WORDS | _FIRST_PERSON | _COMMAND_WORDS | _PRONOUNS | {
    "עוד", "עדיין", "כבר", "בכלל", "אז", "אבל", "נראה", "אולי", "מחר", "היום", "עכשיו", "כנראה", "בטוח", "לגמרי", "ברור",
    "שוב", "גם", "רק", "הם", "היא", "הוא", "הן", "so", "and", "but", "still", "not", "yet", "oh", "well", "actually", "definitely",
    "probably", "of", "course", "that's", "thats", "it's", "its", "please", "now", "today", "tomorrow", "later", "again",
    "also", "just", "he", "she", "they", "answer", "say", "said", "is", "are", "hell", "absolutely", "totally", "ok",
    "rsvp'd", "rsvpd", "rsvp", "answered", "replied", "says", "told", "wrote", "texted", "ענה", "ענתה", "ענו", "אמר", "אמרה", "אמרו",
    "עונה", "עונים", "כתב", "כתבה", "כתבו", "סימן", "סמן", "mark", "marked"})


# The event's suppliers, named by their trade: "הקייטרינג ביטל לנו", "the DJ can't make it" tell of a
# supplier, never of a guest's answer
_SUPPLIERS = {"קייטרינג", "צלם", "צלמת", "צלמים", "דיג'יי", "דיג׳יי", "דיג'י", "די-ג'יי", "תקליטן", "תקליטנית",
              "להקה", "זמר", "זמרת", "אולם", "גן", "מקום", "ספק", "ספקים", "מעצב", "מעצבת", "מאפרת", "מאפר", "ספר", "ספרית",
              "מלצרים", "ברמן", "בר", "פרחים", "פרחי", "מגנטים", "מנחה", "עוגה", "עוגות", "שף", "קונדיטוריה", "הסעות", "אוטובוס",
              "caterer", "catering", "photographer", "videographer", "dj", "band", "venue", "hall", "florist", "baker",
              "singer", "musician", "planner", "makeup", "hairdresser", "bartender", "waiters", "supplier", "vendor", "bus"}


def _supplier(name: str) -> bool:
    ws = [w for w in _words(name.replace("׳", "'")) if w.lower() not in {"the", "our", "my", "שלנו", "שלי"}]
    return bool(ws) and all(w.lower() in _SUPPLIERS or (w[:1] == "ה" and w[1:] in _SUPPLIERS) for w in ws)


# "לא יכול לבוא", "לא יכולה להגיע", "לא יוכלו להגיע", "שלא יכולים לבוא": can't come, in every person and number
_CANNOT_COME = re.compile(r"(?:^|\s)ש?לא\s+(?:יכול|יכולה|יכולים|יכולות|יוכלו|תוכלנה)\s+(?:ל(?:בוא|הגיע)|להיות\s+(?:שם|באירוע|בחתונה))(?![\u05d0-\u05ea])")
# "פגשתי את נביל בחנות, הוא אמר...", "I ran into Dana, she said...": the one met is the one who answered
_MET = re.compile(r"^(?:(?:פגשתי|ראיתי|פגשנו|ראינו)\s+(?:את\s+)?|(?:i|we)\s+(?:met|saw|ran\s+into|bumped\s+into)\s+)"
                  r"(\S+(?:\s+(?!ב|הוא\b|היא\b|הם\b|at\b|in\b|he\b|she\b|they\b)\S+)?)", re.I)


# Words that open a question, in either language: "כמה people are coming?", "how many are coming" mark nobody
_ASKING_WORDS = frozenset({"כמה", "מי", "מה", "איזה", "אילו", "איך", "how", "who", "what", "which", "whose", "who's", "whos"})


# "לא באים", "לא יבואו", "שלא תגיע": not coming, in every person, number and tense
_NOT_COMING = re.compile(r"(?:^|\s)ש?לא\s+(?:בא|באה|באים|באות|יבוא|תבוא|יבואו|יגיע|תגיע|יגיעו|מגיע|מגיעה|מגיעים|מגיעות)(?![\u05d0-\u05ea])")
# "Priya's out, she's got covid", "the Levis are out": a guest (never the invitations or the list) out of the event
_OUT = re.compile(r"^(?!(?:the|my|our|your|it|this|that|everything|everyone|everybody|all|we|i)\b|(?:invit|list|messages|reminders|rsvps|cards|results|numbers|guests\b))[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*)?"
                  r"(?:'s|’s|\s+is|\s+are|'re)\s+out(?:\s*[,.!;\-–]|\s+(?:of\s+it|for\s+(?:the|this))\b|\s*$)", re.I)
# "מוטי התקשר, הוא לא יכול, יש לו משמרת לילה": "can't", with nothing after it, is can't come
_CANNOT = re.compile(r"(?:^|\s)ש?לא\s+(?:יכול|יכולה|יכולים|יכולות|יוכל|תוכל|יוכלו)(?=\s*(?:[,.;!\-–]|$))")
# "X יגיעו לאירוע", "X תבוא": coming, said in the future
_WILL_COME = re.compile(r"(?:^|\s)(?:יגיע|תגיע|יגיעו|יבוא|תבוא|יבואו)(?![\u05d0-\u05ea])")
# "הריני להודיעך כי ...", "רק לעדכן ש...", "just to let you know that ...": a report announced before it is told
_REPORT_HEAD = re.compile(r"^(?:(?:הריני|הנני|אני|רק|רציתי|רצינו|רק\s+רציתי)\s+)?(?:להודיע|להודיעך|להודיעכם|להודיעכן|לעדכן|לעדכנך|לעדכנכם|לידיעתך|לידיעתכם)"
                          r"(?:\s+(?:אותך|אותכם|לך|לכם))?\s*(?:כי\s+|ש(?=[\u05d0-\u05ea]{2}))"
                          r"|^(?:just\s+)?(?:(?:wanted|want)\s+)?(?:to\s+)?let\s+you\s+know\s+(?:that\s+)?(?=\S)|^fyi[\s,:\-–]+", re.I)


# "סבתא אומרת שדודה מזל מגיעה", "my mom says Dana is coming": who passed the answer on, then the one who answered
_PASSED_BY = re.compile(r"^(?:[^\s,.:;!?]+\s+){1,3}?(?:אומר|אומרת|אומרים|אמר|אמרה|אמרו|מספר|מספרת|מספרים|סיפר|סיפרה|סיפרו|"
                        r"כתב|כתבה|כתבו|הודיע|הודיעה|הודיעו|טוען|טוענת)\s+(?:לי\s+|לנו\s+)?ש(?=[\u05d0-\u05ea]{2})"
                        r"|^(?:[^\s,.:;!?]+\s+){1,3}?(?:says|said|tells\s+me|told\s+(?:me|us)|texted\s+(?:me|us)|let\s+me\s+know)"
                        r"\s+(?:that\s+)?(?=\S)", re.I)


def _mark(line, low, words, wset, region) -> Reading | None:
    party = None
    head = _REPORT_HEAD.match(line)
    if head and line[head.end():].strip():
        line = line[head.end():].strip()
        low, words = line.lower(), _words(line)
        wset = set(words)
    passed = _PASSED_BY.match(line)
    if passed and line[passed.end():].strip():
        # the answer is the one named after "says (that)"; one spoken of as "she" / "שהיא" is the one who said it
        rest = line[passed.end():].strip()
        again = _mark(rest, rest.lower(), _words(rest), set(_words(rest)), region)
        said = [re.sub(r"(?:'s|’s|'re|’re)$", "", w.lower()) for w in _words(again.command.ref.text)] \
            if again is not None and isinstance(again.command, C.MarkGuest) else []
        if said and not set(said) & (_PRONOUN_REFS | _SAID_WORDS | {"hes", "shes", "theyre", "its", "it"}):
            return again
        if again is not None and isinstance(again.command, C.ParseError) and again.command.message != _whom().command.message:
            return Reading(_not_understood(line))   # "אמא אומרת שהאולם מגיע עם מפה": a supplier, never the one who said it marked
    low = re.sub(r"\b(can|won|isn|aren|didn)t\b", r"\1't", low)    # "roi cant make it"
    low = re.sub(r"\b(he|she)s\b", r"\1's", low)
    low = re.sub(r"\bw(?:/|\s)(?=\s*(?:his|her|their|the|a)\b)", "with ", low)    # "coming w his gf"
    m = re.match(r"^(?:is|are|did|has|have)\s+(.+?)\s+(?:coming|come|confirmed|confirm|answered|answer|replied|reply|respond|responded|rsvp'?d)\b.*\?\s*$",
                 line, re.I) \
        or re.match(r"^(.+?)\s+(?:אישר|אישרה|אישרו|ענה|ענתה|ענו|מגיע|מגיעה|מגיעים)\s*(?:כבר|בכלל|או\s+לא)?\s*\?+\s*$", line) \
        or re.match(r"^(.+?)\s+(?:כבר\s+)?(?:אישר|אישרה|אישרו|ענה|ענתה|ענו|מגיע|מגיעה|מגיעים)\s+(?:כבר\s+)?או\s+לא\W*$", line)
    if m and len(_words(m.group(1))) <= 3 and not _status_in(_words(m.group(1))) and \
            not set(_words(m.group(1))) & (_ALL_WORDS | {"מי", "who", "כמה", "how", "anyone", "someone"}):
        ref = _ref(m.group(1), region)   # "יעל מזרחי אישרה כבר?", "is Mike Rosen coming?": asked, not told
        if ref:
            return Reading(C.GuestCard(ref=ref))
    m = re.match(r"^((?:the\s+)?[^\W\d_][\w'\-]*(?:\s+[^\W\d_][\w'\-]*)?)\s*[-–:,]?\s+(yes|no|maybe|כן|לא|אולי)[.!]*$", line, re.I)
    if m and not set(_words(m.group(1))) & _NOT_A_NAME and not _status_in(_words(m.group(1))) \
            and not any(w in C._VERB_STRINGS for w in _words(m.group(1))):
        # "Greenbergs no", "דני כהן - כן": a name and the answer; asked before it is marked
        ref = _ref(_family_name(re.sub(r"(?:'s|’s)(?:\s+a)?$|\s+(?:is|are)\s+a$", "", m.group(1), flags=re.I)), region)   # "Priya's a no"
        if ref:
            answer = {"yes": "yes", "כן": "yes", "no": "no", "לא": "no"}.get(m.group(2).lower(), "maybe")
            return Reading(C.MarkGuest(ref, answer), sure=False)
    # "set Avi to pending", "תחזיר את דנה ללא ענה"
    m = re.search(r"set\s+(.+?)\s+to pending|תחזיר את\s+(.+?)\s+ללא ענה", line, re.I)
    if m:
        ref = _ref(m.group(1) or m.group(2), region)
        return Reading(C.MarkGuest(ref, "pending"), sure=False) if ref else None
    m = re.search(r"^(?:put|mark|set|list)\s+(.+?)\s+(?:down\s+)?as\s+(?:an?\s+)?(no|yes|maybe|not\s+coming|coming|"
                  r"declined|confirmed|pending|undecided|attending|not\s+attending)\s*[.!]?$", line, re.I)
    if m:
        said = m.group(2).lower()
        answer = ("no" if said in {"no", "declined"} or said.startswith("not") else "maybe"
                  if said in {"maybe", "undecided"} else "pending" if said == "pending" else "yes")
        ref = _ref(re.sub(r"^the\s+", "", m.group(1), flags=re.I), region)
        return Reading(C.MarkGuest(ref, answer), sure=False) if ref else None
    m = re.search(r"(?:תחזיר|תחזירי|תחזירו|להחזיר|החזר|החזירי|תעביר|תעבירי|תעבירו|להעביר)\s+(?:את\s+)?(.+?)\s+(?:ל-?\s*)(?:ה?ממתינים|ממתין|ממתינה|"
                  r"רשימת\s+הממתינים|pending|[\"'״׳]?לא\s+(?:ענה|ענתה|ענו|עונה)[\"'״׳]?|מי\s+שלא\s+ענ\S*|סטטוס\s+(?:של\s+)?[\"'״׳]?לא\s+ענה[\"'״׳]?)"
                  r"\s*(?:[.!,].*)?$", line)
    if m:
        who = m.group(1)
        if set(_words(who)) <= _PRONOUNS | {"אותו", "אותה", "אותם"}:
            who = words[0]   # "אבי אמר לי שהוא עוד לא בטוח, תחזיר אותו לממתינים": the one named first
        ref = _ref(who, region)
        return Reading(C.MarkGuest(ref, "pending"), sure=False) if ref else None
    m = re.search(r"תאשר הגעה ל-?(.+)$", line)
    if m:
        ref = _ref(m.group(1), region)
        return Reading(C.MarkGuest(ref, "yes"), sure=False) if ref else None
    m = re.search(r"(?:סמן|תסמן|תסמני)\s+את\s+(.+?)\s+כ(מאשר\S*|מגיע\S*)", line)
    if m:
        ref = _ref(m.group(1), region)
        return Reading(C.MarkGuest(ref, "yes", party_size=_party_said(line)), sure=False) if ref else None
    # "דנה אולי מגיעה", "Tom might come", "רונית אמרה שהיא לא בטוחה": a maybe ("אולי תסמן..." is "perhaps")
    maybe = _has(low, "maybe", "might come", "might make it", "might", "not sure", "unsure", "on the fence",
                 "tentative", "undecided", "מתלבט", "לא בטוח", "אולי") and not (
        words[0] == "אולי" and len(words) > 1 and words[1].startswith("ת"))
    negative = (_has(low, "can't make it", "cannot make it", "said no", "can't come", "cannot come", "won't come", "'s a no", "is a no",
                     "won't make it", "isn't coming", "aren't coming", "not coming", "לא מגיע", "לא תוכל", "לא יוכל", "לא יגיע",
                     "לא באה", "לא בא ") or wset & _NO_VERBS or _CANNOT_COME.search(low) or _NOT_COMING.search(low)
                or _OUT.search(low) or _CANNOT.search(low))
    positive = (bool(re.search(r"ש(?:הוא|היא|הם|הן)\s+(?:תגיע|יגיע|יגיעו|יבוא|תבוא|יבואו|מגיע\S*|באים|באה?)", low)) or
                bool(re.search(r"(?:אמר|אמרה|אמרו|הודיע|הודיעה|הודיעו|כתב|כתבה|כתבו)\s+(?:לי\s+|לנו\s+)?ש(?:יבוא|תבוא|יבואו|יגיע|תגיע|יגיעו)", low)) or
                _has(low, "is coming", "are coming", "rsvp'd yes", "rsvpd yes", "said yes", "אישר הגעה", "'s a yes", "is a yes",
                     "he's in", "she's in", "they're in", "'s in,", "'s in +", "is in,",
                     "'s coming", "are a yes") or
                wset & _YES_VERBS or bool(_WILL_COME.search(low) and not re.search(r"(?:^|\s)(?:אם|האם|אולי|כנראה)\s", low)) or (len(words) == 1 and re.match(r"^[\u05d0-\u05ea]{2,}(?:מגיע|מגיעה)$", words[0])))
    if not (negative or positive or maybe):
        return None
    answer = "maybe" if maybe else "no" if negative else "yes"
    # the person: the words before the answer word, or a named person in the sentence
    cut = re.search(r"(?:'s|’s)\s+(?:a\s+(?:no|yes|maybe)|out|in)\b|\s(?:is out|are out|is coming|are coming|rsvp'?d|said|confirmed|declined|called|can'?t|cannot|won'?t|isn'?t|"
                    r"texted|messaged|wrote|told|whatsapped|emailed|let me know|'s a (?:no|yes|maybe)|is a (?:no|yes|maybe)|הודיע\S*|כתב\S*|"
                    r"aren't|is not|are not|(?i:not\s|no\s+longer\s)|כן\s|בכל\s+זאת\s|דווקא\s|might|maybe|is maybe|coming\b|changed\s+(?:his|her|their)\s+minds?\b|"
                    r"שינ(?:ה|תה|ו)\s+(?:את\s+)?(?:דעתו|דעתה|דעתם)|"
                    r"is not sure|isn't sure|is on the fence|is undecided|עוד\s+מתלבט\S*|מתלבט\S*|אולי|"
                    r"לא\s|אישר\S*|מאשר\S*|מגיע\S*|ביטל\S*|התקשר\S*|אמר\S*|בא\S*|יגיע\S*|תגיע\b|יבוא\S*|תבוא\b)", " " + line)
    name_part = (" " + line)[:cut.start()] if cut else ""
    name_part = name_part.strip(" ,")
    if cut and re.match(r"\s(?:התקשר|אמר|דיבר|told|said|called|texted|wrote|כתב)", cut.group(0)) and \
            set(_words(name_part)) <= _OF_WHOM | {"שלי", "שלנו", "הבן", "הבת", "son", "daughter", "our", "my"}:
        return None   # "בעלי התקשר ל...", "my son said ...": the one who passed it on is not the guest
    if not name_part or set(_words(name_part)) & {"הוא", "היא", "he", "she"}:
        m = re.search(r"עם\s+(דוד|דודה)\s+(\S+)", line)
        met = _MET.match(line)
        name_part = m.group(0)[3:] if m else met.group(1).strip(" ,") if met else name_part
    if len(words) == 1 and re.match(r"^[\u05d0-\u05ea]{2,}(?:מגיע|מגיעה)$", words[0]):
        name_part = re.sub(r"(?:מגיע|מגיעה)$", "", words[0])
    name_part = re.sub(r"^(?:the\s+)", "", name_part, flags=re.I)
    name_part = re.sub(r"^(?:תעדכן|תעדכני)\s+ש", "", name_part)
    name_part = re.sub(r"^(?:תסמני?|סמני?|לסמן|mark)\s+(?:את\s+|ש)?", "", name_part, flags=re.I)
    name_part = re.sub(r"\s+(?:עוד|still)$", "", name_part, flags=re.I)
    plus = _PLUS_N.search(name_part)   # "Rachel + 2 confirmed": Rachel and two more
    plus_party = int(plus.group(1)) + 1 if plus and plus.start() > 0 else None
    if plus_party:
        name_part = name_part[:plus.start()]
    name_part = re.sub(r"[\s,]+\d{1,2}\s*(?:אנשים|איש|people|ppl|of them)?$", "", name_part, flags=re.I)
    name_part, said_party = _tidy_name(name_part)   # "רונית ובעלה מגיעים": Ronit, two of them
    if not name_part:
        m = re.search(r"תעדכני?\s+ש(\S+(?:\s+\S+)?)\s+מגיע", line)
        name_part = m.group(1) if m else ""
    if set(_words(name_part)) & (_FIRST_PERSON | {"filter", "תעשה", "תעשי", "who", "whom", "who's", "whos", "whoever", "מי",
                                                      "many", "much", "ppl", "people", "כמה"}) \
            or _audience_ref([w for w in _words(name_part) if w not in {"to", "for", "the", "all"}]) \
            or name_part.lower().strip() in {"whose", "who", "who's", "whos", "מי"} \
            or (_words(name_part) or [""])[0].lower() in _ASKING_WORDS:
        return None   # "sorry, we can't come after all": the writer's own answer, no one to mark ("whose coming": who)
    if _supplier(name_part):
        return Reading(_not_understood(line))
    if not name_part.strip() and len(words) <= 4 and not set(w.lower() for w in words) & _FIRST_PERSON:
        return _whom()   # "not coming", "לא מגיעה": no one named; whom is asked, nothing is marked
    ref = _ref(name_part, region)
    if ref is None:
        return None
    if answer == "yes":
        party = plus_party or _party_said(line) or said_party
    return Reading(C.MarkGuest(ref=ref, answer=answer, party_size=party), sure=False)


# ------------------------------------------------------------------ the event's settings and the call list

# "19:30", "7:30pm", "8pm", "ב-8 בערב", "בשעה 20:00": a time of day anywhere in a message
# (a date's "14/10" or "12.6" is never one: only a colon, am/pm or a part of the day makes a time).
_TIME_IN_TEXT = re.compile(
    r"(?<![\d/.:])(?:(?:at|@)\s*|בשעה\s*|ב-?|ל-?|שעה\s+)?"
    r"(?:(\d{1,2}):(\d{2})(?:\s*([ap])\.?m\.?)?(?:\s*(בערב|בבוקר|בצהריים|בלילה))?"
    r"|(\d{1,2})\s*(?:([ap])\.?m\.?\b|(בערב|בבוקר|בצהריים|בלילה)))(?![\d/.:])", re.I)


def _find_time(text: str) -> tuple[time | None, str]:
    """The first time of day in `text` and the text without it."""
    for m in _TIME_IN_TEXT.finditer(text):
        if m.group(1) is not None:
            hour, minute, half = int(m.group(1)), int(m.group(2)), (m.group(3) or m.group(4) or "").lower()
        else:
            hour, minute, half = int(m.group(5)), 0, (m.group(6) or m.group(7) or "").lower()
        if half in ("p", "בערב", "בצהריים") and 1 <= hour < 12:
            hour += 12
        elif half == "בלילה" and 8 <= hour < 12:
            hour += 12
        elif half in ("a", "בבוקר") and hour == 12:
            hour = 0
        if 0 <= hour <= 23 and 0 <= minute <= 59:
            return time(hour, minute), (text[:m.start()] + " " + text[m.end():]).strip()
    return None, text


_START_WORDS = {"מתחיל", "מתחילה", "מתחילים", "מתחילות", "starts", "start", "starting", "begins", "begin", "קבלת",
                "שעה", "השעה", "שעת", "בשעה", "time", "o'clock", "doors", "reception", "נתחיל", "נפתח", "תתחיל", "יתחיל",
                "chuppah", "huppah", "chupah", "חופה", "החופה", "ceremony", "הטקס", "טקס"}
_SENDING_WORDS = {"send", "tell", "message", "msg", "broadcast", "text", "שלח", "תשלח", "תשלחי", "לשלוח", "הודעה",
                  "תגיד", "תגידי", "תודיע", "תודיעי", "להודיע", "announce", "everyone", "כולם", "לכולם", "remind",
                  "תזכיר", "תזכורת", "invite", "הזמנות"}


def _time_rule(line, low, words, wset, today) -> Reading | None:
    """"קבלת פנים ב-19:00", "it starts at 6pm now", "what time does it start? set it to 8pm": the start time."""
    if wset & _SENDING_WORDS or find_date(line, today)[0] is not None:
        return None
    # "שמונה בערב", "שש וחצי בערב": an hour in words before the part of the day
    spoken = re.sub(r"(?<![\w'])(?:[בל]-?)?(" + _HE_HOURS
                    + r")(\s+וחצי)?\s+(?=בערב|בבוקר|בצהריים|בלילה)",
                    lambda m: f"{_HOUR_WORDS[m.group(1)]}:{'30' if m.group(2) else '00'} ", line)
    # "המסיבה תתחיל בשש וחצי": an hour in words with no part of the day; an event starting at 1-7 starts in the afternoon or evening
    spoken = re.sub(r"(?<![\w'])ב-?(" + _HE_HOURS
                    + r")(\s+וחצי|\s+ורבע)?(?![\w'])(?!\s*(?:בבוקר|בערב|בצהריים|בלילה))",
                    lambda m: "{}:{} ".format(_HOUR_WORDS[m.group(1)] + (12 if 1 <= _HOUR_WORDS[m.group(1)] <= 7 else 0),
                                              {"וחצי": "30", "ורבע": "15"}.get((m.group(2) or "").strip(), "00")), spoken)
    at, _rest = _find_time(spoken)
    if at is None:
        return None
    starting = wset & _START_WORDS or any(_he_in(w, {"שעה", "שעת", "מתחיל", "מתחילים"}) for w in words)
    setting = wset & {"set", "change", "move", "update", "make", "fix", "תתקן", "תתקני", "לתקן", "תקן", "תשנה", "תשני", "לשנות", "שנה", "תעדכן", "תעדכני",
                      "לעדכן", "תזיז", "תזיזי", "להזיז", "תקבע", "תקבעי", "לקבוע", "now", "עכשיו"}
    if not starting and not (setting and wset & (_EVENT_NOUNS | {"it", "זה"})):
        return None
    return Reading(C.SetEventField("time", at), sure=False)


_ON_WORDS = {"on", "enable", "enabled", "back", "activate", "turn on", "תדליק", "תדליקי", "הדלק", "להדליק", "תפעיל",
             "תפעילי", "הפעל", "להפעיל", "פעיל", "דלוק", "תחזיר", "תחזירי", "להחזיר"}
_OFF_WORDS = {"off", "disable", "disabled", "stop", "cancel", "תכבה", "תכבי", "כבה", "לכבות", "כבוי", "תבטל",
              "תבטלי", "בטל", "לבטל", "בלי", "ללא", "don't", "dont", "skip", "without", "תפסיק", "תפסיקי", "להפסיק",
              "תוריד", "תורידי", "להוריד"}
_SHABBAT_WORDS = {"shabbat", "shabbos", "sabbath", "shabat", "saturday", "saturdays", "שבת", "שבתות"}
_HOLD_SENDING = ("לא לשלוח", "אל תשלח", "לא תשלח", "שלא תשלח", "שלא ישלח", "שלא יישלחו", "שלא ישלחו", "לא יישלחו", "don't send", "dont send", "do not send",
                 "שלא יצאו", "לא יצאו", "שלא תצא", "לא תצא", "שלא יצא", "לא יצא", "nothing goes out", "no messages go out",
                 "no messages", "nothing on", "not on", "בלי הודעות", "ללא הודעות", "אין לשלוח", "no texts",
                 "don't message", "dont message", "don't text", "dont text", "do not text", "do not message", "hold", "שומרי", "שומרים", "שומר", "we keep", "keep shabbat", "observe",
                 "not send", "never send",
                 # "בשבת לא שולחים כלום", "אסור לשלוח בשבת": the rule said in the present, or as a prohibition
                 "לא שולחים", "לא שולחות", "לא שולח", "לא שולחת", "אסור לשלוח", "אין שליחה", "בלי שליחה", "ללא שליחה")
_ALLOW_SENDING = ("אפשר לשלוח", "מותר לשלוח", "גם בשבת", "גם בשבתות", "fine to send", "ok to send", "okay to send",
                  "can send", "לא שומרים", "don't keep", "do not keep", "לא דתיים", "not religious",
                  "also on")


def _shabbat_in(words) -> bool:
    return any(w in _SHABBAT_WORDS or _he_in(w, {"שבת", "שבתות", "השבת"}) for w in words)


_HOUR_WORDS = {"שמונה": 8, "תשע": 9, "עשר": 10, "אחת עשרה": 11, "אחת-עשרה": 11, "שתים עשרה": 12, "שבע": 7, "שש": 6,
               "אחת": 1, "שתיים": 2, "שלוש": 3, "ארבע": 4, "חמש": 5,
               "חצות": 0, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "seven": 7, "midnight": 0}
_HE_HOURS = "|".join(sorted((w for w in _HOUR_WORDS if _HE.match(w)), key=len, reverse=True))
_HOUR_WORD = re.compile(r"(?<![\w'])(?:ב|ל|מ|עד\s+|ל-)?(" + "|".join(sorted(_HOUR_WORDS, key=len, reverse=True)) + r")(?![\w'])")


_SPOKEN_TIME = re.compile(r"(?:^|\s)(?:ב|ל)-?(" + _HE_HOURS + r")(?:\s+ו(חצי|רבע))?\s+(בערב|בלילה|אחה[\"״]צ|אחרי\s+הצהריים|בבוקר|בצהריים)(?!\S)")


def _spoken_time(text: str) -> time | None:
    """"בשמונה בערב" -> 20:00, "בשבע וחצי בבוקר" -> 07:30: an hour said in words with the part of the day."""
    m = _SPOKEN_TIME.search(text)
    if not m:
        return None
    hour = _HOUR_WORDS[m.group(1)]
    if m.group(3) not in ("בבוקר",) and hour < 12 and not (m.group(3) == "בצהריים" and hour >= 11):
        hour = hour + 12 if not (m.group(3) == "בלילה" and hour <= 4) else hour
    return time(hour % 24, {"חצי": 30, "רבע": 15}.get(m.group(2) or "", 0))


def _quiet_hours(line: str) -> str | None:
    """"בין 22 ל-8", "from 10pm to 8am", "23-7", "בין עשר בלילה לשמונה בבוקר": a night's range as "22-8"."""
    line = _HOUR_WORD.sub(lambda m: m.group(0)[:len(m.group(0)) - len(m.group(1))] + str(_HOUR_WORDS[m.group(1)]), line)
    line = re.sub(r"\s+(?:in\s+the\s+evening|at\s+night|o'?clock\s+at\s+night)\b", "pm", line, flags=re.I)   # "nine in the evening"
    line = re.sub(r"\s+in\s+the\s+morning\b", "am", line, flags=re.I)
    m = re.search(r"(?:בין|from|between|מ-?|מה-?)?\s*(\d{1,2})(?::(\d{2}))?\s*(pm|am|בערב|בלילה)?\s*"
                  r"(?:-|–|עד|ל-?|to|until|till|and|ו-?)\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm|בבוקר)?(?![\d/.])", line, re.I) \
        or re.search(r"(?:אחרי|after)\s+(\d{1,2})(?::(\d{2}))?\s*(pm|am|בערב|בלילה)?\s*,?\s*(?:ו|and\s+|or\s+|או\s+)?(?:גם\s+)?(?:לא\s+|not\s+)?"
                     r"(?:לפני|before)\s+(\d{1,2})(?::(\d{2}))?\s*(am|pm|בבוקר)?(?![\d/.])", line, re.I)
    if not m:   # "before 9am or after 9pm": the same night, said the other way round
        r = re.search(r"(?:לפני|before)\s+(\d{1,2})(?::(\d{2}))?\s*(am|בבוקר)?\s*,?\s*(?:ו|and\s+|or\s+|או\s+)?"
                      r"(?:אחרי|after)\s+(\d{1,2})(?::(\d{2}))?\s*(pm|בערב|בלילה)?(?![\d/.])", line, re.I)
        if r:
            return _quiet_hours(f"after {r.group(4)}{':' + r.group(5) if r.group(5) else ''} {r.group(6) or ''} "
                                f"before {r.group(1)}{':' + r.group(2) if r.group(2) else ''} {r.group(3) or ''}")
    if not m:
        return None
    start, end = int(m.group(1)), int(m.group(4))
    if (m.group(3) or "").lower() in ("pm", "בערב") and start < 12:
        start += 12
    if (m.group(3) or "").lower() == "בלילה" and 8 <= start < 12:
        start += 12
    if (m.group(6) or "").lower() == "pm" and end < 12:
        end += 12
    if not (0 <= start <= 24 and 0 <= end <= 24) or start == end:
        return None
    hours = f"{start}" + (f":{m.group(2)}" if m.group(2) and m.group(2) != "00" else "")
    hours += f"-{end}" + (f":{m.group(5)}" if m.group(5) and m.group(5) != "00" else "")
    return hours


_QUIET_FROM = re.compile(r"(?:^|\s)(?:אחרי|לאחר|מאחרי|after|past)\s+(?:ה?שעה\s+)?(\d{1,2})(?::(\d{2}))?\s*(pm|בערב|בלילה)?(?![\d/.:])", re.I)


def _quiet_from(line: str) -> str | None:
    """"שלא יישלחו הודעות אחרי השעה 21:00", "no texts after 10pm": the night starts then and ends
    when the bot's own quiet hours end (08:00); asked first, with both ends shown."""
    line = _HOUR_WORD.sub(lambda m: m.group(0)[:len(m.group(0)) - len(m.group(1))] + str(_HOUR_WORDS[m.group(1)]), line)
    m = _QUIET_FROM.search(line)
    if not m or re.search(r"(?:^|\s)(?:לפני|before|until|till|עד)\s", line, re.I):
        return None
    start = int(m.group(1))
    if (m.group(3) or "").lower() in ("pm", "בערב") and start < 12 or (m.group(3) == "בלילה" and 8 <= start < 12):
        start += 12
    if not 18 <= start <= 24 or int(m.group(2) or 0) >= 60:
        return None   # "after 5": no night said
    return f"{start}" + (f":{m.group(2)}" if m.group(2) and m.group(2) != "00" else "") + "-8"


_QUIET_UNTIL = re.compile(r"(?:^|\s)(?:לפני|before)\s+(?:ה?שעה\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|a\.m\.|בבוקר)?(?![\d/.:])", re.I)


def _quiet_until(line: str) -> str | None:
    """"dont send guests anything before 9am", "לא לשלוח לפני 9 בבוקר": the night ends then and starts when the bot's
    own quiet hours start (22:00); asked first, with both ends shown."""
    line = _HOUR_WORD.sub(lambda m: m.group(0)[:len(m.group(0)) - len(m.group(1))] + str(_HOUR_WORDS[m.group(1)]), line)
    m = _QUIET_UNTIL.search(line)
    if not m or re.search(r"(?:^|\s)(?:אחרי|after|מאחרי|לאחר)\s", line, re.I) or int(m.group(2) or 0) >= 60:
        return None
    end = int(m.group(1))
    if not 5 <= end <= 11:
        return None   # "before 3": no morning said
    return "22-" + f"{end}" + (f":{m.group(2)}" if m.group(2) and m.group(2) != "00" else "")


def _settings_rule(line, low, words, wset, region, today) -> Reading | None:
    """Shabbat, quiet hours and the day-before message, in the organiser's words."""
    messages = wset & {"messages", "message", "msg", "texts", "text", "texting", "anything", "nothing", "send", "sending", "הודעות",
                       "הודעה", "ההודעה", "ההודעות", "הודעת", "לשלוח", "תשלח", "תשלחי", "כלום", "שליחה", "שליחות"}
    # --- the day-before message ("תכבה את ההודעה של יום לפני", "turn the day-before message back on")
    day_before = _has(low, "יום לפני", "day before", "day-before", "the eve of")
    # ("ההודעה האוטומטית של יום לפני": the day-before message is automatic too; the automatic reminders are others)
    if day_before and not _has(low, "remind", "תזכ", "הזכר") and not (
            _has(low, "אוטומט", "automatic") and not wset & {"ההודעה", "הודעה", "הודעת", "message"}) and not any(
            ch.isdigit() for ch in line) and not _has(low, "שבוע", "week", "יומיים"):
        if _has(low, "לא צריך", "don't need", "no need", "אל תשלח", "don't send", "dont send", "לא לשלוח") or (
                wset & _OFF_WORDS):
            return Reading(C.DayBefore(on=False), sure=False)
        if wset & _ON_WORDS or _has(low, "turn on", "back on", "כן לשלוח", "תשלח את ההודעה") or (
                messages and ":" not in line and _has(low, "הודעה יום לפני", "הודעה ביום שלפני", "message the day before",
                                  "message a day before", "message on the day before")):
            return Reading(C.DayBefore(on=True), sure=False)
        return None
    # --- Shabbat ("לא לשלוח בשבת", "we keep shabbat", "אפשר לשלוח גם בשבת")
    if _shabbat_in(words) and find_date(line, today)[0] is None:
        keeping = any(_he_in(w, {"שמירת"}) for w in words)
        if _has(low, *_ALLOW_SENDING) or (keeping and wset & _OFF_WORDS):
            return Reading(C.Shabbat(on=False), sure=False)
        if _has(low, *_HOLD_SENDING) or keeping or wset & _ON_WORDS:
            return Reading(C.Shabbat(on=True), sure=False)
        if wset & _OFF_WORDS:
            return Reading(C.Shabbat(on=False), sure=False)
        return None
    # --- quiet hours ("אל תשלח לאורחים הודעות בין 22 ל-8", "quiet hours off", "תבטל את שעות השקט")
    # ("night" as a word: "send the invites out tonight", "הלילה" say when to send, not quiet hours)
    at_night = bool(re.search(r"(?<![\w'])(?:night|nights|at\s+night|בלילה|לילה|בלילות|לילות)(?![\w'])", low))
    quiet = _has(low, "quiet", "שקט", "שעות מנוחה") or at_night or (
        messages and _has(low, *_HOLD_SENDING))
    if not quiet:
        return None
    hours = _quiet_hours(line) or (_quiet_from(line) or _quiet_until(line) if messages and _has(low, *_HOLD_SENDING) else None)
    if hours:
        return Reading(C.Quiet(hours=hours), sure=False)
    if _has(low, "quiet", "שקט", "שעות מנוחה"):
        if _has(low, "default", "ברירת מחדל", "רגיל"):
            return Reading(C.Quiet(hours=None, default=True), sure=False)
        if wset & _OFF_WORDS or _has(low, "no quiet", "אין שעות", "לא צריך"):
            return Reading(C.Quiet(hours=None), sure=False)
    if _has(low, "quiet", "שקט") or (messages and at_night):
        # the bare word shows the setting; quiet talked of in a sentence, with no hours, is asked about
        bare = re.sub(r"[^\w\s]", "", low).strip() in ("quiet", "quiet hours", "שקט", "שעות שקט")
        return Reading(C.parse("quiet", region, today) if bare else C.ask_quiet_hours())
    return None


# Who to phone, and a call that was made.
_CALL_VERBS = {"להתקשר", "לצלצל", "להרים", "call", "phone", "ring", "calls", "טלפון", "טלפונים", "בטלפון",
               "שנתקשר", "נתקשר", "שאתקשר", "אתקשר", "שנצלצל",
               "הטלפונים", "שיחות", "phoning", "calling", "לטלפן", "שאטלפן", "נטלפן"}
_CALLED = re.compile(r"(?:^|\s|,)(?:i\s+)?(?:called|rang|phoned|spoke\s+(?:to|with)|talked\s+(?:to|with)|"
                     r"got\s+hold\s+of|reached|spoke\s+w/|talked\s+w/|(?:just\s+)?(?:got\s+)?off\s+the\s+phone\s+with|had\s+a\s+(?:phone\s+)?call\s+with|"
                     r"^(?:שיחה|שיחת\s+טלפון|call|phone\s+call)\s+(?:עם|with)|(?:התקשר|התקשרה|התקשרו|התקשרנו)\s+ל-?(?=\S)|tried(?:\s+calling|\s+to\s+call)?|(?:ו)?(?:ש)?(?:דיברתי|התקשרתי|צלצלתי|תפסתי|שוחחתי|חייגתי|ניסיתי(?:\s+להשיג|\s+להתקשר)?)(?:\s+(?:עם|עם\s+ה|ל|ל-|את)|ל(?=[A-Za-z]))?)"
                     r"\s*-?\s*", re.I)


def _calls_rule(line, low, words, wset) -> Reading | None:
    """"למי אני צריך להתקשר", "מי עוד צריך טלפון?", "give me my call list"."""
    if _CALLED.search(line) or any(ch.isdigit() for ch in line):
        return None
    calling = wset & _CALL_VERBS or any(_he_in(w, {"להתקשר", "טלפון", "טלפונים"}) for w in words)
    if not calling:
        return None
    if _has(low, "call list", "calls list", "phone list", "רשימת טלפונים", "רשימת הטלפונים", "רשימת שיחות",
            "רשימת השיחות", "who to call", "who do i", "who should", "who needs", "who still", "למי", "את מי",
            "של מי שאני צריכ", "של מי שצריך", "list of who", "list of people i",
            "מי עוד", "מי צריך", "מי לא", "who haven't", "who hasn't", "who didn't", "whom") or words[0] in {
            "who", "who's", "whos", "whom", "מי", "למי"}:
        return Reading(C.Calls())
    return None


_CALL_NO_ANSWER = ("לא ענה", "לא ענתה", "לא ענו", "לא עונה", "לא עונים", "לא עונות", "אין מענה", "אין תשובה", "no answer", "didn't answer",
                   "didn't pick up", "did not answer", "voicemail", "no reply", "תפוס", "busy", "לא הרים", "לא הרימה")
_CALL_MAYBE = ("maybe", "might", "not sure", "unsure", "undecided", "אולי", "מתלבט", "לא בטוח", "לא יודע",
               "לא יודעת", "לא יודעים", "on the fence")
_CALL_NO = ("can't make it", "cannot make it", "can't come", "not coming", "won't come", "won't make it", "לא מגיע",
            "לא יגיע", "לא יוכל", "לא תוכל", "לא יכול", "לא יכולה", "לא יכולים", "לא באים", "לא בא", "declined",
            "said no", "they can't", "he can't", "she can't", "no", "לא מגיעה", "לא מגיעים", "לא באה", "לא יגיעו",
            "לא תגיע", "לא יבואו", "מבטלים", "ביטל", "ביטלה", "ביטלו", "לא יוכלו", "לא יכולים להגיע", "לא יוכלו להגיע")
_CALL_YES = ("coming", "will come", "confirmed", "said yes", "yes", "he's in", "she's in", "they're in", "מגיע", "מגיעה", "מגיעים", "מגיעות", "באים",
             "מאשר", "מאשרת", "מאשרים", "שכן",
             "בא", "באה", "אישר", "אישרה", "אישרו", "יבוא", "תבוא", "יבואו", "יגיע", "תגיע", "יגיעו",
             "שיבוא", "שתבוא", "שיבואו", "שיגיע", "שתגיע", "שיגיעו",
             # "אמר שמגיע", "אמרה שבאה": the answer passed on, with its "ש"
             "שמגיע", "שמגיעה", "שמגיעים", "שמגיעות", "שבא", "שבאה", "שבאים", "שמאשר", "שמאשרת", "שמאשרים", "כן")


# Words of passing on what someone said: never part of a name
_SAID_WORDS = frozenset({"אמר", "אמרה", "אמרו", "הודיע", "הודיעה", "הודיעו", "כתב", "כתבה", "כתבו", "ענה", "ענתה", "ענו",
                         "שהוא", "שהיא", "שהם", "שהן", "הוא", "היא", "הם", "הן", "said", "says", "told", "answered", "replied",
                         "he", "she", "they", "he's", "she's", "they're"})


def _called_rule(line, low, words, wset, region) -> Reading | None:
    """"תרשום שדיברתי עם אבי והוא מגיע עם אשתו", "I called Dana, she's coming with 2 kids": a call and its outcome."""
    m = _CALLED.search(line)
    if not m or wset & {"mark", "תסמן", "תסמני", "סמן"}:
        return None
    after = line[m.end():]
    if re.search(r"(?:התקשרתי|צלצלתי|חייגתי|התקשרנו|התקשר|התקשרה)\s*$", m.group(0)) and re.match(r"ל[\u05d0-\u05ea]{2,}", after):
        after = after[1:]   # "התקשרתי לחיים אוחיון": to Haim, the "ל" glued on
    # "שוחחתי הבוקר בטלפון עם משפחת פרץ", "spoke this morning to the Levis": when and how, then who
    after = re.sub(r"^(?:(?:הבוקר|היום|עכשיו|אתמול|הערב|כרגע|בטלפון|עכשיו|this\s+morning|today|yesterday|just\s+now|earlier|on\s+the\s+phone)\s+)+"
                   r"(?:עם\s+(?:ה)?|ל-?|to\s+|with\s+)?", "", after, flags=re.I)
    cut = re.search(r"\s*(?:,|-|–|\.|\s(?:ו?(?:הוא|היא|הם|הן)|ש(?:הוא|היא|הם)|he|she|they|he's|she's|they're|עונים|עונה|"
                    r"and|on the phone|בטלפון|said|אמר\S*|ו?לא\s|no\s|yes\b|maybe|אולי|מגיע\S*|באים|coming|"
                    r"מתלבט\S*|can't|won't|didn't|voicemail|busy|תפוס|ו?אין))", after)
    name = after[:cut.start()] if cut else after
    incoming = False
    if name.strip().lower() in {"me", "us", "אליי", "אלי", "אלינו", "לי"} and line[:m.start()].strip():
        name = line[:m.start()].strip()    # "Ruthie called me, she's coming": Ruthie
        incoming = True
    elif name.strip().lower() in {"אליו", "אליה", "אליהם", "אליהן", "לו", "לה", "להם", "איתו", "איתה", "איתם", "איתן",
                                  "him", "her", "them"} and \
            re.fullmatch(r"[^\d,.:!?]{2,40}?[\s,:\-–]*", line[:m.start()]):
        name = line[:m.start()].strip(" ,:-–")   # "ראובן אלון התקשרתי אליו אין תשובה", "Dana Ross - called her, no answer": the name said first
    name = re.sub(r"^(?:ה-?|the\s+)?", "", name.strip(), flags=re.I) if re.match(r"^the\s", name.strip(), re.I) \
        else name.strip()
    ref = _ref(name, region)
    if ref is None or len(_words(ref.text)) > 3:
        return None
    tail = " " + (after[cut.start():] if cut else "").lower() + " "
    tail = re.sub(r"(?<=\s)[וש](?=(?:לא|אין)\s)", "", tail)   # "ולא יגיע": and not coming; "אמר שלא יגיעו": that they won't
    party = None
    if any(p in tail for p in _CALL_NO_ANSWER):
        outcome = "no_answer"
    elif any(p in tail for p in _CALL_MAYBE):
        outcome = "maybe"
    elif any(re.search(rf"(?<![\w']){re.escape(p)}(?![\w'])", tail) for p in _CALL_NO):
        outcome = "no"
    elif any(re.search(rf"(?<![\w']){re.escape(p)}(?![\w'])", tail) for p in _CALL_YES):
        outcome = "yes"
        party = _party_said(" " + (after[cut.start():] if cut else "") + " ")   # (as written: "coming with Harold" names someone)
    else:
        return None
    if incoming:
        # "Ruthie called me, she's coming with her 2 kids", "Ilana phoned me, they can't make it": the guest called, the
        # organiser made no call to log; her answer, asked first
        return Reading(C.MarkGuest(ref=ref, answer=outcome, party_size=party), sure=False) if outcome != "no_answer" else None
    return Reading(C.Called(ref=ref, outcome=outcome, party_size=party), sure=False)


# The answers to the guests' question ("ask Meal? meat / fish"): how many chose what.
_CHOICE_WORDS = {"picked", "chose", "chosen", "choose", "selected", "wants", "want", "בחרו", "ביקשו", "רוצים",
                 "בחר", "ביקש", "poll", "question", "survey", "סקר", "הסקר", "שאלה", "השאלה", "meal", "meals", "מנה",
                 "מנות", "המנות", "options", "option"}
_FOOD_WORDS = {"fish", "meat", "vegan", "vegetarian", "veggie", "chicken", "beef", "gluten", "דג", "דגים", "טבעונים", "צמחונים",
               "בשר", "בשרי", "בשרית", "בשריות", "צמחוני", "צמחונית", "צמחוניות", "צמחוניים", "טבעוני", "טבעונית",
               "טבעוניות", "טבעוניים", "עוף", "גלוטן", "סלמון",
               # what guests sign up to bring ("כמה עוגות גבינה יש כבר?"): counted in the answers to that question
               "עוגה", "עוגות", "סלט", "סלטים", "קינוח", "קינוחים", "cake", "cakes", "salad", "salads", "dessert", "desserts"}


def _answers_rule(line, low, words, wset) -> Reading | None:
    """"כמה ביקשו דג?", "how many picked fish?", "מה ענו על השאלה של המנות"."""
    asking = _has(low, "how many", "what did", "who picked", "who chose", "results", "answers", "תשובות", "תוצאות")\
        or wset & {"כמה", "מה", "מי"} or line.rstrip().endswith("?")
    if not asking:
        return None
    food = any(_he_in(w, _FOOD_WORDS) for w in words) or wset & _FOOD_WORDS
    chose = wset & _CHOICE_WORDS or any(_he_in(w, {"שאלה", "סקר", "מנות"}) for w in words)
    if food and (chose or wset & {"כמה", "how"}):
        return Reading(C.Answers())
    if wset & {"question", "poll", "survey", "סקר", "הסקר", "שאלה", "השאלה", "לשאלה", "בסקר"} or _has(
            low, "על השאלה", "לשאלה"):
        if _has(low, "ענו", "answered", "answer", "תשובות", "results", "תוצאות", "picked", "chose", "בחרו", "יצא", "say", "said"):
            return Reading(C.Answers())
    if re.search(r"what\s+did\s+(?:people|they|everyone|guests)\s+(?:answer|say|pick|choose)\s+(?:on|for|about)\b", low):
            return Reading(C.Answers())
    return None


# One guest's card: "מה הפרטים של אבי ביטון?", "show me Dana's card", "details for Avi Levi".
_CARD_PATTERNS = [
    # "תראה לי אורח ולדימיר, מה איתו", "show me guest Dana": the one guest named
    r"^(?:תראה|תראי|תציג|תציגי|show)\s+(?:לי\s+|me\s+)?(?:את\s+)?(?:ה)?(?:אורח|אורחת|guest)\s+(?!list\b)(\S+(?:\s+\S+)?)(?:,?\s+מה\s+(?:איתו|איתה|אתו|אתה))?$",
    r"(?:^|\s)(?:ה)?(?:פרטים|פרטיו|פרטיה|פרטי\s+הקשר)\s+(?:של|על)\s+(.+)$",
    r"(?:^|\s)(?:ה)?כרטיס\s+(?:של|אורח\s+של)\s+(.+)$",
    r"(?:^|\s)(?:details|info|information|card|contact)\s+(?:for|of|on|about)\s+(.+)$",
    r"(?:^|\s)(?:show|open|get|pull\s+up|bring\s+up)\s+(?:me\s+)?(.+?)'s\s+(?:card|details|info|page)$",
    r"(?:^|\s)(.+?)'s\s+(?:card|details|info)$",
    r"^(?:pull|bring)\s+up\s+(.+)$",
    r"^מה\s+(?:המצב|העניינים|הסיפור)\s+(?:של|עם)\s+(.+)$",
    r"^(?:what'?s|what\s+is)\s+(?:the\s+)?(?:status|story|deal)\s+(?:of|for|on|with)\s+(.+)$",
    r"^(?:מה\s+)?(?:ה-?)?(?:סטטוס|מצב|status)\s+(?:של|עם)\s+(?!משפחת\s)(.+)$",
    r"^מה\s+עם\s+(.+?),?\s+(?:הם\s+|היא\s+|הוא\s+)?(?:ענו|ענה|ענתה|אישרו|אישר|אישרה|מגיעים|מגיע|מגיעה)$",
    r"^(?:did|has|have)\s+(.+?)\s+(?:get|got|gotten|receive|received|see|seen|open|opened|answer|answered)\s+"
    r"(?:the|my|our|his|her|their)?\s*(?:invitation|invite|message|rsvp)\b.*$",
    r"^(?:show|tell|give)\s+me\s+(?:everything|all|what\s+we\s+have)\s+(?:on|about|for)\s+(.+)$",
    r"^(?:תראה|תראי|הראה|תציג|תציגי)\s+לי\s+את\s+(?!כל\b|מי\b|ה?רשימ)(.+)$",
    r"^(?:(?:תראה|תראי|תגיד|תגידי|תבדוק|תבדקי)\s+לי\s+)?מה\s+(?:רשום|יש)\s+(?:לך\s+|אצלך\s+|אצלנו\s+|לנו\s+|במערכת\s+|ברשימה\s+)*(?:על|לגבי)\s+(.+)$",
    r"^what\s+do\s+(?:you|we)\s+have\s+(?:on|for|about)\s+(.+)$",
    r"^(?!(?:what|whats|what's|how|the|our|my|overall|current|general|rsvp|מה|ה)\b)(\S+(?:\s+\S+){0,2}?)(?:'s)?\s+(?:status|rsvp\s+status)$",
    # "תבדקי לי מה עם מרים אמינוב", "מה קורה עם משפחת לוי", "what about Dana": how one guest stands
    r"^(?:(?:תבדוק|תבדקי|תבדקו|לבדוק|בדוק|בדקי)\s+(?:לי\s+)?)?מה\s+(?:קורה\s+|נשמע\s+)?עם\s+(?!ה(?!דוד|דודה|סבא|סבתא|רב\s)\S+$)(\S+(?:\s+\S+){0,2})$",
    r"^(?:and\s+)?what\s+about\s+(?!the\b|all\b|everyone\b|them\b|it\b)(\S+(?:\s+\S+){0,2})$",
    # "check if Rabbi Stern answered", "תבדוק אם יוסי כבר אישר": asked about one guest
    r"^(?:check|see|find\s+out)\s+(?:if|whether)\s+(.+?)\s+(?:has\s+|have\s+|already\s+)*(?:answered|replied|responded|rsvp'?d|confirmed|"
    r"(?:is|are)\s+coming|got\s+the\s+invit\S*)$",
    r"^(?:תבדוק|תבדקי|תבדקו|לבדוק|בדוק|בדקי)\s+(?:לי\s+)?(?:אם|האם)\s+(.+?)\s+(?:כבר\s+)?(?:ענה|ענתה|ענו|אישר|אישרה|אישרו|מגיע|מגיעה|מגיעים|"
    r"הגיב|הגיבה|הגיבו|קיבל|קיבלה|קיבלו\s+את\s+ההזמנה)$",
    # "מה ענה יונתן?", "מה ענתה משפחת לוי", "what did Yoni answer?": one guest's answer, asked
    r"^מה\s+(?:ענה|ענתה|ענו|השיב|השיבה|השיבו)\s+(?!(?:על|לגבי|בקשר|האורחים|אורחים|כולם|מי|כל|ל\S*|ב\S*)(?![\u05d0-\u05ea]))(\S+(?:\s+\S+){0,2})$",
    r"^what\s+did\s+(?!(?:people|guests|they|everyone|everybody|anyone|the|we|you|i)\b)(\S+(?:\s+\S+)?)\s+(?:answer|reply|rsvp|respond)$",
]


def _card_rule(line, region) -> Reading | None:
    text = re.sub(r"[?!.]+\s*(?:\S+[?!.]*)?$", "", line.strip()) if "?" in line else line.strip(" .!")
    for p in _CARD_PATTERNS:
        m = re.search(p, text, re.I)
        if not m:
            continue
        who = m.group(1).strip(" ?.!")
        ww = _words(who)
        if not ww or set(ww) & (_EVENT_NOUNS | _ALL_WORDS | {"guests", "אורחים", "האורחים", "האישורים",
                                                              "ההזמנות", "הרשימה", "the", "it", "this", "events",
                                                              "אירועים", "האירועים", "list", "ה-guest", "guest"}) \
                or any("list" in w or "רשימ" in w or w in {"צד", "הצד", "side"} or "events" in w for w in ww) \
                or _status_in(ww) or _audience_ref(ww) or any(_he_in(w, {"אירוע", "האירוע"}) for w in ww):
            return None
        ref = _ref(who, region)
        if ref:
            return Reading(C.GuestCard(ref=ref))
    return None


def _link_rule(line, low, words, wset, region) -> Reading | None:
    """"תשלח לי את הלינק של דנה", "get me Tom's rsvp link", "מה ה-link של יעל": a guest's page, to pass on."""
    if not (wset & {"link", "לינק", "הלינק", "קישור", "הקישור", "ה-link", "page"} or _has(low, "ה-link")):
        return None
    if (wset & _ALL_WORDS) or _status_in(words):
        return None   # the link for everyone is a broadcast, not one guest's page
    m = re.search(r"(?:link|לינק|קישור|page)\s+(?:(?:ה)?אישי\s+|personal\s+)?(?:של|for|of|to)\s+(.+)$", line, re.I) or \
        re.search(r"(?:לינק|קישור)\s+ל-?([\u05d0-\u05ea].*)$", line) or \
        re.search(r"(?:^|\s)(?:me\s+|לי\s+)?(?:את\s+)?(.+?)'s\s+(?:rsvp\s+|personal\s+)?(?:link|page)", line, re.I)
    if not m:
        return None
    who = m.group(1).strip(" ?.!")
    who = re.sub(r"^(?:(?:can|could|may)\s+(?:i|we|you)\s+(?:please\s+|pls\s+)?)?(?:get|send|give|show|have)\s+(?:me\s+|us\s+)?", "", who, flags=re.I)
    who = re.split(r"\s*[,(]", who)[0]   # "לינק לסבתא צילה, אין לה וואטסאפ": the guest, not why
    ref = _ref(who, region)
    if ref is None or len(_words(ref.text)) > 3 or set(_words(ref.text)) & _EVENT_NOUNS:
        return None
    return Reading(C.GuestLink(ref=ref))


_THANKS_WORDS = {"thanks", "thank", "תודה", "thank-you"}
_THANKS_AUDIENCE = re.compile(
    r"^(?:to\s+)?(?:all\s+(?:the\s+)?guests|everyone|everybody|all|the\s+guests|guests)(?:\s+who\s+came)?\s*[:\-–]\s*"
    r"|^(?:לכולם|לכל\s+האורחים|לכל\s+מי\s+שהגיע|למי\s+שהגיע|לכל\s+המגיעים|לאורחים|למגיעים|לכל\s+מי\s+שבא)\s*[:\-–]\s*",
    re.I)


# ------------------------------------------------------------------ a command kept while we ask

def encode(cmd) -> dict:
    """A command as JSON-able data (for a pending question)."""
    def enc(v):
        if dataclasses.is_dataclass(v):
            return {"__dc__": type(v).__name__, **{f.name: enc(getattr(v, f.name)) for f in dataclasses.fields(v)}}
        if isinstance(v, date):
            return {"__date__": v.isoformat()}
        if isinstance(v, time):
            return {"__time__": v.isoformat(timespec="minutes")}
        if isinstance(v, (list, tuple)):
            return [enc(x) for x in v]
        return v
    return enc(cmd)


def decode(data):
    def dec(v):
        if isinstance(v, dict) and "__date__" in v:
            return date.fromisoformat(v["__date__"])
        if isinstance(v, dict) and "__time__" in v:
            return time.fromisoformat(v["__time__"])
        if isinstance(v, dict) and "__dc__" in v:
            cls = getattr(C, v["__dc__"])
            kwargs = {k: dec(x) for k, x in v.items() if k != "__dc__"}
            for f in dataclasses.fields(cls):
                if isinstance(kwargs.get(f.name), list):
                    kwargs[f.name] = tuple(kwargs[f.name])
            return cls(**kwargs)
        if isinstance(v, list):
            return [dec(x) for x in v]
        return v
    return dec(data)
