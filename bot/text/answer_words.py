"""The words for a guest's answer, in one place: what organisers type to list guests by
answer ("guests pending", "מי לא ענה"), to write to them ("broadcast confirmed: ..."), to
record an answer by hand ("mark 3 yes", "סמן 3 לא מגיע", "called 2 no answer"), and the
status values REST and CSV take. The parser, the services and the replies read these
tables; nothing else keeps a copy.

A filter is one of "pending" (no final answer, maybes included), "maybe", "confirmed",
"declined", "not_invited", "failed", or None (everyone). An answer is one of "yes", "no",
"maybe", "pending" (back to no answer).
"""
from __future__ import annotations

import re

__all__ = ["FILTERS", "FILTER_PAIRS", "BROADCAST_FILTERS", "ANSWERS", "ANSWER_PAIRS", "HE_COMING",
           "STATUS_VALUES", "NUMBER_WORDS", "party_in_words"]

_EN_FILTERS = {
    "pending": "pending", "invited": "pending", "waiting": "pending", "unanswered": "pending",
    "open": "pending", "maybe": "maybe", "unsure": "maybe", "tentative": "maybe", "undecided": "maybe",
    "confirmed": "confirmed", "coming": "confirmed", "yes": "confirmed", "attending": "confirmed",
    "accepted": "confirmed",
    "declined": "declined", "no": "declined", "rejected": "declined",
    "failed": "failed", "undelivered": "failed", "errors": "failed", "bounced": "failed",
    "uninvited": "not_invited", "new": "not_invited", "not_invited": "not_invited",
    "all": None, "everyone": None, "everybody": None,
}
_HE_FILTERS = {
    "ממתינים": "pending", "ממתין": "pending", "ממתינה": "pending", "ממתינות": "pending", "בהמתנה": "pending",
    "פתוחים": "pending", "אולי": "maybe", "מתלבטים": "maybe", "מתלבט": "maybe", "לא בטוחים": "maybe",
    "מגיעים": "confirmed", "מגיע": "confirmed", "מגיעה": "confirmed", "מגיעות": "confirmed",
    "אישרו": "confirmed", "מאשרים": "confirmed", "אישר": "confirmed", "באים": "confirmed", "כן": "confirmed",
    "סירבו": "declined", "סירב": "declined", "לא": "declined",
    "נכשלו": "failed", "נכשל": "failed", "נכשלה": "failed", "שגיאות": "failed", "כשלונות": "failed",
    "חדשים": "not_invited",
    "כולם": None, "הכל": None, "הכול": None,
}

# One word: "guests pending", "אורחים המגיעים" (the Hebrew article too).
FILTERS: dict[str, str | None] = dict(_EN_FILTERS)
for _word, _status in _HE_FILTERS.items():
    FILTERS[_word] = _status
    FILTERS.setdefault("ה" + _word, _status)

# Two words: "not invited", "לא ענו".
FILTER_PAIRS: dict[tuple[str, str], str] = {
    ("not", "invited"): "not_invited", ("not", "sent"): "not_invited", ("no", "answer"): "pending",
    ("not", "coming"): "declined", ("not", "delivered"): "failed", ("not", "answered"): "pending",
    ("לא", "ענו"): "pending", ("לא", "ענה"): "pending", ("לא", "הגיבו"): "pending", ("ללא", "תשובה"): "pending",
    ("בלי", "תשובה"): "pending", ("לא", "אישרו"): "pending",
    ("לא", "מגיעים"): "declined", ("לא", "מגיע"): "declined", ("לא", "מגיעה"): "declined",
    ("לא", "באים"): "declined",
    ("לא", "הוזמנו"): "not_invited", ("לא", "הוזמן"): "not_invited", ("לא", "נשלחו"): "not_invited",
    ("לא", "נשלח"): "not_invited", ("לא", "נמסרו"): "failed", ("לא", "קיבלו"): "failed",
}

# Who a broadcast may be narrowed to, by a word before its text: the filters that read as
# nothing else at the start of a message ("new", "open", "yes" could be its first word).
BROADCAST_FILTERS: dict[str, str | None] = {
    word: FILTERS[word] for word in (
        "pending", "invited", "unanswered", "maybe", "אולי", "מתלבטים", "confirmed", "coming", "attending",
        "declined", "all", "everyone", "everybody", "ממתינים", "הממתינים", "מגיעים", "המגיעים", "מאשרים",
        "כולם", "הכל")
}
BROADCAST_FILTERS.update({"ל" + word: FILTERS[word] for word in ("ממתינים", "מגיעים", "מאשרים", "כולם")})

# Recording an answer by hand: "mark 3 yes", "סמן את דנה מגיעה".
ANSWERS: dict[str, str] = {
    "yes": "yes", "y": "yes", "confirmed": "yes", "confirm": "yes", "coming": "yes", "attending": "yes",
    "accepted": "yes", "כן": "yes", "מגיע": "yes", "מגיעה": "yes", "מגיעים": "yes",
    "no": "no", "n": "no", "declined": "no", "decline": "no", "not-coming": "no", "לא": "no",
    "pending": "pending", "reset": "pending", "unknown": "pending", "invited": "pending", "clear": "pending",
    "מגיעות": "yes", "בא": "yes", "באה": "yes", "באים": "yes", "אישר": "yes", "אישרה": "yes", "אישרו": "yes",
    "מאשר": "yes", "מאשרת": "yes", "סירב": "no", "סירבה": "no", "סירבו": "no", "ממתין": "pending",
    "ממתינה": "pending", "ממתינים": "pending", "איפוס": "pending", "אפס": "pending",
    "maybe": "maybe", "tentative": "maybe", "unsure": "maybe", "אולי": "maybe", "מתלבט": "maybe",
    "מתלבטת": "maybe", "מתלבטים": "maybe",
}
HE_COMING = frozenset({"מגיע", "מגיעה", "מגיעים", "מגיעות", "בא", "באה", "באים", "יגיע", "תגיע", "יגיעו", "יבוא",
                       "תבוא", "יבואו"})
ANSWER_PAIRS: dict[tuple[str, str], str] = {
    ("not", "coming"): "no", ("not", "attending"): "no",
    **{("לא", w): "no" for w in HE_COMING},
    ("לא", "ענה"): "pending", ("לא", "ענתה"): "pending", ("לא", "ענו"): "pending",
    ("ללא", "תשובה"): "pending", ("בלי", "תשובה"): "pending",
}

# The status values REST and CSV take (and the seed's own "invited"), as filters.
STATUS_VALUES: dict[str, str] = {
    **{word: FILTERS[word] for word in ("pending", "invited", "confirmed", "yes", "coming", "declined", "no",
                                        "maybe")},
    "no answer": "pending",
}


# Number words as people write them, in the four languages guests write (a few Hebrew forms
# folded, as the guest reader folds them): the guest reader counts with them, and a
# spreadsheet's party-size cell may hold one.
NUMBER_WORDS = {
    "zero": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "couple": 2, "pair": 2,
    "אפס": 0, "אחד": 1, "אחת": 1, "שניים": 2, "שתיים": 2, "שנים": 2, "שני": 2, "שתי": 2, "זוג": 2,
    "שלושה": 3, "שלוש": 3, "שלושת": 3, "ארבעה": 4, "ארבע": 4, "ארבעת": 4, "חמישה": 5, "חמש": 5, "חמשת": 5,
    "שישה": 6, "ששה": 6, "שש": 6, "ששת": 6, "שבעה": 7, "שבע": 7, "שמונה": 8, "תשעה": 9, "תשע": 9,
    "עשרה": 10, "עשר": 10,
    "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاثه": 3, "ثلاث": 3,
    "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7, "سبع": 7, "ثمانيه": 8,
    "ثماني": 8, "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10, "شخصين": 2, "شخصان": 2,
    "اتنين": 2, "تنين": 2, "تلاته": 3, "تلات": 3, "تلاتة": 3,
    "ноль": 0, "два": 2, "две": 2, "двое": 2, "три": 3, "трое": 3, "четыре": 4,
    "четверо": 4, "пять": 5, "пятеро": 5, "шесть": 6, "шестеро": 6, "семь": 7, "семеро": 7, "восемь": 8,
    "девять": 9, "десять": 10,
    "двумя": 2, "тремя": 3, "четырьмя": 4, "двух": 2, "трех": 3, "четырех": 4,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "עשרימ": 20,
    "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "двадцать": 20,
}

# A party-size cell that is not a bare number: "שניים", "זוג", "two", "3 אנשים", "2+1".
_CELL_WORDS = {**{w: n for w, n in NUMBER_WORDS.items() if n}, "יחיד": 1, "יחידה": 1, "single": 1}
_COUNT_CELL = re.compile(r"(?:(\d{1,3})\s*(?:\+\s*(\d{1,3}))?|(?:ה?)([^\W\d_]+))(?:\s+[^\W\d_]+){0,2}[\s.]*", re.I)


def party_in_words(text: str) -> int | None:
    """How many people a cell such as "שניים", "זוג", "two people", "3 אנשים" or "2+1" says;
    None when it says no count."""
    match = _COUNT_CELL.fullmatch(text.strip())
    if not match:
        return None
    if match.group(1):
        return int(match.group(1)) + int(match.group(2) or 0)
    return _CELL_WORDS.get(match.group(3).lower())
