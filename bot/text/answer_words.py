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

__all__ = ["FILTERS", "FILTER_PAIRS", "BROADCAST_FILTERS", "ANSWERS", "ANSWER_PAIRS", "HE_COMING",
           "STATUS_VALUES"]

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
