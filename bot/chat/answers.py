"""What a guest means: free text (English, Hebrew, and the basics in Arabic and Russian) in,
a GuestIntent out.

Pure and total: `interpret` never raises. The rules, in order:
  stop / start (opt out, opt back in) → maybe → no → yes (with a party size when
  the message also says how many) → a bare party size → asking for details →
  a greeting or "help" → a thank-you / "ok" → unknown.
A negative always beats a positive ("not coming" is a no), and a party size of 0
is a no.

Arabic and Russian are read for the basics the guest help promises (yes, no, maybe, a
number, details, stop, start, thanks, hello): Arabic with its hamza forms of alef and its
vowel marks folded away (أكيد and اكيد alike), Russian with ё read as е.

Politeness is never an answer: "thanks 🙏", "ok", "❤️", "תודה רבה" are `thanks`, so a
guest who declined and then writes "ok thanks" stays declined. A message that is only
positive emoji (👍, ✅, 🎉) is a yes with `gesture=True`: it answers an open invitation,
but to a guest who has answered already it is a thank-you too (the caller decides).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from storage.models import MAX_PARTY_SIZE  # one limit for parser, store and answers
from bot.chat.understanding import Understanding, understand

__all__ = ["GuestIntent", "interpret", "from_understanding", "KINDS", "MAX_PARTY_SIZE"]

KINDS = ("yes", "no", "maybe", "party_size", "details", "stop", "start", "help", "thanks", "unknown")
_MAX_LENGTH = 300   # a longer message is a letter, not an RSVP; leave it to a person


@dataclass(frozen=True)
class GuestIntent:
    kind: str
    party_size: int | None = None
    gesture: bool = False   # a yes said only with emoji (👍): a thank-you once the guest has answered


UNKNOWN = GuestIntent("unknown")

# Arabic vowel marks and tatweel are dropped, alef with hamza or madda read as bare alef.
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ё": "е"})
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufe0f\U0001f3fb-\U0001f3ff]")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")

_YES_EMOJI = set("👍✅🙋💃🕺🥳🎉✔☑🙌😍🤩💯🥂🍾👏😀😃")
_THANKS_EMOJI = set("🙏❤♥💙💚💛💜🧡🤍🖤💕💖💗😘🥰😊🤗👌🌹💐")
_NO_EMOJI = set("❌👎🚫✖😢😞😔💔🙅⛔")
_MAYBE_EMOJI = set("🤔🤷")

_STOP_WORDS = {"stop", "unsubscribe", "optout", "הסר", "עצור", "הסירו", "הפסיקו", "הפסק", "תפסיקו", "stopp",
               "توقف", "اوقف", "توقفوا", "اوقفوا", "ايقاف", "الغاء",
               "стоп", "отписаться", "отписка", "остановить", "хватит"}
_STOP_PHRASES = {"opt out", "remove me", "stop messages", "stop messaging", "stop messaging me",
                 "stop sending", "no more messages", "הסר אותי", "הסירו אותי", "תסירו אותי", "די להודעות"}
_START_WORDS = {"start", "resume", "unstop", "subscribe", "התחל", "חידוש", "המשך",
                "ابدا", "ابدءوا", "استئناف", "старт", "начать", "возобновить", "подписаться"}
_START_PHRASES = {"opt in", "start again", "resume messages", "start messages"}

_MAYBE_PATTERNS = [
    r"\bmaybe\b", r"\bnot sure\b", r"\bperhaps\b", r"\bpossibly\b", r"\bunsure\b", r"\bmight\b",
    r"\bdon'?t know\b", r"\bdo not know\b", r"\bnot yet sure\b", r"\btbd\b", r"\bprobably\b",
    r"\bwill try\b", r"\bwe'?ll try\b", r"\bi'?ll try\b", r"\bwe'?ll see\b",
    r"(?<!\w)אולי(?!\w)", r"(?<!\w)לא בטוח", r"(?<!\w)לא יודע", r"(?<!\w)עוד לא יודע", r"(?<!\w)עדיין לא יודע",
    r"(?<!\w)נראה(?!\w)", r"(?<!\w)ננסה(?!\w)", r"(?<!\w)אנסה(?!\w)", r"(?<!\w)לא סגור",
    r"(?<!\w)ربما(?!\w)", r"(?<!\w)لست متاكد", r"(?<!\w)لسنا متاكدين",
    r"(?<!\w)لا اعرف", r"(?<!\w)لا نعرف", r"(?<!\w)لا ادري", r"(?<!\w)سنرى(?!\w)", r"(?<!\w)سنحاول(?!\w)",
    r"(?<!\w)может быть(?!\w)", r"(?<!\w)возможно(?!\w)", r"(?<!\w)не знаю",
    r"(?<!\w)не уверен", r"(?<!\w)посмотрим(?!\w)", r"(?<!\w)постара", r"(?<!\w)пока не знаем",
]
# Positive idioms that contain a negative word; removed before looking for a "no".
_POSITIVE_IDIOMS = [
    r"\bcan'?t wait\b", r"\bcannot wait\b", r"\bwouldn'?t miss( it)?\b", r"\bwon'?t miss( it)?\b",
    r"\bno problem\b", r"\bno worries\b", r"\bnot miss( it)?\b", r"\bwhy not\b", r"\bno doubt\b",
    r"(?<!\w)לא נפספס", r"(?<!\w)לא מפספסים", r"(?<!\w)אין בעיה", r"(?<!\w)בלי נדר",
    r"(?<!\w)لا مشكلة", r"(?<!\w)بلا شك", r"(?<!\w)لا شك",
    r"(?<!\w)нет проблем", r"(?<!\w)без проблем", r"(?<!\w)не вопрос", r"(?<!\w)не пропустим",
    r"(?<!\w)не могу дождаться", r"(?<!\w)не можем дождаться",
]
_NO_PATTERNS = [
    r"\bno\b", r"\bnope\b", r"\bnah\b", r"\bnot\b", r"\bcan'?t\b", r"\bcannot\b", r"\bwon'?t\b",
    r"\bwont\b", r"\bunable\b", r"\bdecline[sd]?\b", r"\bdeclining\b", r"\bregret(?:fully|s)?\b",
    r"\bunfortunately\b", r"\bwill not\b", r"\bnegative\b", r"\bsadly\b", r"\bcouldn'?t\b",
    r"(?<!\w)לא(?!\w)", r"(?<!\w)ולא(?!\w)", r"(?<!\w)לצערנו(?!\w)", r"(?<!\w)לצערי(?!\w)",
    r"(?<!\w)נבצר", r"(?<!\w)לא נוכל", r"(?<!\w)לא אוכל", r"(?<!\w)מצטער", r"(?<!\w)מצטערת", r"(?<!\w)מצטערים",
    r"(?<!\w)لا(?!\w)", r"(?<!\w)لن(?!\w)", r"(?<!\w)للاسف(?!\w)", r"(?<!\w)مع الاسف", r"(?<!\w)اعتذر",
    r"(?<!\w)نعتذر",
    r"(?<!\w)нет(?!\w)", r"(?<!\w)не(?!\w)", r"(?<!\w)к сожалению", r"(?<!\w)увы(?!\w)", r"(?<!\w)извините",
]
_YES_WORDS = {
    "yes", "y", "yeah", "yea", "yep", "yup", "ya", "yas", "yess", "yesss", "sure", "coming",
    "attending", "confirm", "confirmed", "accept", "accepted", "definitely", "absolutely", "certainly",
    "course", "totally", "gladly", "happily", "sí", "si", "oui", "ja", "yay",
    "כן", "מגיע", "מגיעה", "מגיעים", "מגיעות", "נגיע", "אגיע", "נבוא", "אבוא", "בטח", "ברור", "בשמחה",
    "בטוח", "מאשר", "מאשרת", "מאשרים", "אישור", "יגיעו", "נשתתף", "אשתתף",
    "نعم", "اكيد", "بالتاكيد", "طبعا", "اجل", "ايوه", "ايوا", "سنحضر", "ساحضر", "سناتي", "سااتي", "نحضر",
    "موافق", "موافقون", "حاضر", "حاضرون",
    "да", "конечно", "придем", "приду", "будем", "буду", "обязательно", "ага", "придем", "идем", "иду",
}
_YES_PATTERNS = [
    r"\bwe'?ll be there\b", r"\bi'?ll be there\b", r"\bwill be there\b", r"\bwe will come\b",
    r"\bi will come\b", r"\bcount (?:us|me) in\b", r"\bof course\b", r"\bwe'?re in\b", r"\bi'?m in\b",
    r"\bsee you there\b", r"\bwouldn'?t miss\b", r"\bcan'?t wait\b", r"\bwe'?ll come\b", r"\bi'?ll come\b",
    r"\bwe'?re coming\b", r"\bi'?m coming\b", r"(?<!\w)נהיה שם", r"(?<!\w)אהיה שם",
    r"(?<!\w)سنكون هناك", r"(?<!\w)ساكون هناك", r"(?<!\w)мы будем", r"(?<!\w)я буду",
]
_DETAILS_WORDS = {
    "details", "detail", "when", "where", "address", "location", "info", "information", "directions",
    "time", "date", "venue", "place", "waze", "map", "parking",
    "פרטים", "מתי", "איפה", "כתובת", "מיקום", "מקום", "שעה", "תאריך", "וויז", "ווייז", "חניה", "היכן",
    "تفاصيل", "التفاصيل", "متى", "اين", "عنوان", "العنوان", "موقع", "الموقع", "مكان", "المكان", "الوقت",
    "التاريخ", "معلومات",
    "детали", "подробности", "подробнее", "когда", "где", "адрес", "место", "время", "дата", "инфо",
    "информация",
}
# A message made only of these (and _FILLER) is a greeting or a thank-you, never an answer.
_HELP_WORDS = {"help", "hi", "hello", "hey", "hiya", "howdy", "menu", "shalom", "עזרה", "היי", "הי", "שלום",
               "הלו", "אהלן", "הולה", "there", "everyone",
               "مرحبا", "اهلا", "السلام", "سلام", "عليكم", "مساعدة", "هلا",
               "привет", "здравствуйте", "здравствуй", "помощь", "помогите", "добрый", "день", "вечер", "утро"}
_THANKS_WORDS = {"thanks", "thank", "thx", "tnx", "thanx", "ty", "tysm", "cheers", "ok", "okay", "okey", "okie",
                 "k", "kk", "noted", "got", "cool", "nice", "perfect", "appreciated", "appreciate", "great",
                 "good", "wonderful", "amazing", "awesome", "super", "lovely", "much", "very", "lots", "many",
                 "תודה", "תודות", "רבה", "רבות", "אוקי", "אוקיי", "אוקיי", "בסדר", "סבבה", "מעולה", "יופי",
                 "מצוין", "מצויין", "קיבלתי", "קיבלנו", "אחלה", "תנקס", "טוב",
                 "شكرا", "جزيلا", "مشكور", "مشكورين", "تمام", "حسنا", "ممتاز", "اوكي", "جميل", "رائع",
                 "спасибо", "благодарю", "большое", "ок", "окей", "хорошо", "отлично", "понятно", "ладно",
                 "супер", "класс"}
_HEBREW_PREFIXES = "הובלמש"   # "הכתובת" is "the address"
_NUMBER_WORDS = {
    "zero": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "couple": 2, "pair": 2,
    "אפס": 0, "אחד": 1, "אחת": 1, "שניים": 2, "שתיים": 2, "שנים": 2, "שני": 2, "שתי": 2, "זוג": 2,
    "שלושה": 3, "שלוש": 3, "ארבעה": 4, "ארבע": 4, "חמישה": 5, "חמש": 5, "שישה": 6, "שש": 6,
    "שבעה": 7, "שבע": 7, "שמונה": 8, "תשעה": 9, "תשע": 9, "עשרה": 10, "עשר": 10,
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاثة": 3, "ثلاث": 3,
    "اربعة": 4, "اربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8,
    "ثماني": 8, "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10,
    "ноль": 0, "один": 1, "одна": 1, "два": 2, "две": 2, "двое": 2, "три": 3, "трое": 3, "четыре": 4,
    "четверо": 4, "пять": 5, "пятеро": 5, "шесть": 6, "шестеро": 6, "семь": 7, "семеро": 7, "восемь": 8,
    "девять": 9, "десять": 10, "вдвоем": 2, "втроем": 3, "вчетвером": 4, "впятером": 5,
}
# Words that may sit around a party size without changing its meaning.
_PARTY_CUES = {
    "we", "are", "we're", "were", "will", "be", "party", "of", "us", "people", "persons", "person", "guests",
    "guest", "pax", "adults", "total", "in", "all", "x", "just", "only", "me", "and", "i", "am", "i'm",
    "a", "the", "plus", "with", "including", "there", "coming", "come", "attending", "so", "count",
    "נהיה", "אנחנו", "אנשים", "איש", "מוזמנים", "אורחים", "סה", "כ", "סהכ", "בסך", "הכל", "רק", "יחד", "ביחד",
    "נגיע", "מגיעים", "אנו", "נפשות", "עם", "ו", "של",
    "نحن", "سنكون", "سيحضر", "اشخاص", "شخص", "افراد", "فرد", "فقط", "مع", "معي", "معا", "المجموع",
    "нас", "мы", "будет", "человек", "человека", "гостей", "всего", "только", "вместе", "и", "с", "я",
}
_FILLER = {"hi", "hello", "hey", "thanks", "thank", "you", "thx", "please", "dear", "and", "so", "well",
           "oh", "ah", "haha", "lol", "we", "i", "it", "all", "היי", "שלום", "תודה", "רבה", "אז", "טוב", "יאללה",
           "sure", "great", "good", "love", "happy", "wonderful", "amazing"}


def interpret(text: str) -> GuestIntent:
    """What a guest's free-text reply means, in the older, coarser kinds. Never raises.

    The reading itself is `bot.chat.understanding.understand` (clauses, scoped negation,
    counts with children); this maps it onto the kinds above for the callers that only
    need yes / no / maybe and a party size."""
    try:
        return from_understanding(understand(text))
    except Exception:  # a bug must not cost the guest an answer; a person will read "unknown"
        return UNKNOWN


def from_understanding(u: Understanding) -> GuestIntent:
    if u.intent in ("stop", "start", "details"):
        return GuestIntent(u.intent)
    if u.intent == "greeting":
        return GuestIntent("help")
    if u.gesture and u.intent in ("thanks", "answer") and u.answer in (None, "yes"):
        return GuestIntent("yes", gesture=True)
    if u.intent == "thanks":
        return GuestIntent("thanks")
    if u.intent in ("answer", "change", "count", "unclear") and u.answer in ("yes", "no", "maybe"):
        party = u.total if u.answer == "yes" and u.total and u.total <= MAX_PARTY_SIZE else None
        return GuestIntent(u.answer, party)
    if u.intent in ("count", "change") and u.total is not None:
        if u.total <= 0:
            return GuestIntent("no")
        if u.total <= MAX_PARTY_SIZE:
            return GuestIntent("party_size", u.total)
    return UNKNOWN


def _legacy_interpret(text: str) -> GuestIntent:
    """The word-list reader this module had before the understanding layer (kept for comparison)."""
    try:
        return _interpret(text)
    except Exception:
        return UNKNOWN


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    text = _ARABIC_MARKS.sub("", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").replace("\u05f3", "'")
    text = text.replace('"', " ").replace("\u05f4", " ")   # סה"כ → סה כ
    return " ".join(text.lower().translate(_FOLD).split())


def _interpret(text: str) -> GuestIntent:
    if not isinstance(text, str):
        return UNKNOWN
    if len(text) > _MAX_LENGTH * 4:
        return UNKNOWN
    norm = _normalise(text)
    if not norm or len(norm) > _MAX_LENGTH:
        return UNKNOWN
    words = _WORD.findall(norm)
    phrase = " ".join(words)
    symbols = {ch for ch in norm if not ch.isalnum() and not ch.isspace()}

    # opting out and back in come first: they are about messages, not the event
    if phrase in _STOP_PHRASES or (words and words[0] in _STOP_WORDS and len(words) <= 4):
        return GuestIntent("stop")
    if phrase in _START_PHRASES or (words and words[0] in _START_WORDS and len(words) <= 3):
        return GuestIntent("start")

    if _any(_MAYBE_PATTERNS, norm) or (symbols & _MAYBE_EMOJI and not words):
        return GuestIntent("maybe")

    stripped = norm
    for pattern in _POSITIVE_IDIOMS:
        stripped = re.sub(pattern, " ", stripped)
    party = _party_size(_WORD.findall(stripped))
    said_no = _any(_NO_PATTERNS, stripped) or (words == ["n"]) or bool(symbols & _NO_EMOJI)
    strong_yes = any(w in _YES_WORDS for w in words) or _any(_YES_PATTERNS, norm)
    said_yes = strong_yes or (bool(symbols & _YES_EMOJI) and party is not None)
    if said_no:
        # "no, we are 0" and "לא מגיעים" are both a no; a no never carries a party size
        return GuestIntent("no")
    if party is not None and party <= 0:
        return GuestIntent("no")
    if said_yes:
        if party is not None and party > MAX_PARTY_SIZE:
            return GuestIntent("yes")
        return GuestIntent("yes", party)
    if party is not None:
        if party > MAX_PARTY_SIZE:
            return UNKNOWN
        return GuestIntent("party_size", party)
    if any(w in _DETAILS_WORDS or (len(w) > 2 and w[0] in _HEBREW_PREFIXES and w[1:] in _DETAILS_WORDS) for w in words):
        return GuestIntent("details")
    if symbols & _YES_EMOJI:
        return GuestIntent("yes", gesture=True)          # "👍", "ok 👍", "thanks ✅"
    polite = all(w in _THANKS_WORDS or w in _HELP_WORDS or w in _FILLER for w in words)
    if polite and words and any(w in _HELP_WORDS for w in words) and not any(w in _THANKS_WORDS for w in words):
        return GuestIntent("help")                       # "hi", "hello!", "שלום", "help"
    if polite and (words or symbols & _THANKS_EMOJI) and \
            (any(w in _THANKS_WORDS for w in words) or symbols & _THANKS_EMOJI):
        return GuestIntent("thanks")                     # "ok", "thanks 🙏", "❤️", "תודה רבה"
    return UNKNOWN


def _any(patterns: list[str], text: str) -> bool:
    return any(re.search(p, text) for p in patterns)


def _party_size(words: list[str]) -> int | None:
    """The one number in a message that is only about how many come, else None."""
    numbers: list[int] = []
    for word in words:
        if word.isdigit():
            if len(word) > 4:
                return None          # a phone, a year, a code: not a party
            numbers.append(int(word))
            continue
        m = re.fullmatch(r"(?:x|\+)?(\d{1,3})(?:x|pax|ppl|p)?", word)
        if m:
            numbers.append(int(m.group(1)))
            continue
        if word in _NUMBER_WORDS:
            numbers.append(_NUMBER_WORDS[word])
            continue
        if word in _PARTY_CUES or word in _YES_WORDS or word in _FILLER or word in _THANKS_WORDS \
                or word in _HELP_WORDS:
            continue
        return None                  # some other word: the number may mean anything ("at 8")
    if len(numbers) != 1:
        return None
    return numbers[0]
