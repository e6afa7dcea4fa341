"""Dates on the Hebrew calendar, as families write a bar mitzvah's or a wedding's: "כ"ג בטבת
תשפ"ח", "ט"ו באב", "י"ח אלול ה'תשפ"ז", "3 בניסן". The day and the year in Hebrew numerals (or
digits), the month by its name; no year is the next such day. The calendar is hdate's.
"""
from __future__ import annotations

import re
from datetime import date

from hdate import HebrewDate, Months
from hdate.gematria import hebrew_number
from hdate.hebrew_date import is_leap_year

__all__ = ["parse_hebrew_date", "find_hebrew_date", "hebrew_date_text"]

_LETTERS = {"א": 1, "ב": 2, "ג": 3, "ד": 4, "ה": 5, "ו": 6, "ז": 7, "ח": 8, "ט": 9, "י": 10, "כ": 20, "ך": 20,
            "ל": 30, "מ": 40, "ם": 40, "נ": 50, "ן": 50, "ס": 60, "ע": 70, "פ": 80, "ף": 80, "צ": 90, "ץ": 90,
            "ק": 100, "ר": 200, "ש": 300, "ת": 400}
_MARKS = "'\"׳״`"
# Each month's spellings; "אדר" in a leap year is Adar II (Purim's, and the custom for a date said plainly)
_MONTHS = {
    "תשרי": Months.TISHREI, "מרחשוון": Months.MARCHESHVAN, "מרחשון": Months.MARCHESHVAN,
    "מר חשוון": Months.MARCHESHVAN, "חשוון": Months.MARCHESHVAN, "חשון": Months.MARCHESHVAN,
    "כסלו": Months.KISLEV, "כסליו": Months.KISLEV, "טבת": Months.TEVET, "שבט": Months.SHVAT,
    "אדר א": Months.ADAR_I, "אדר ראשון": Months.ADAR_I, "אדר ב": Months.ADAR_II, "אדר שני": Months.ADAR_II,
    "אדר": Months.ADAR, "ניסן": Months.NISAN, "אייר": Months.IYYAR, "איר": Months.IYYAR,
    "סיוון": Months.SIVAN, "סיון": Months.SIVAN, "תמוז": Months.TAMMUZ, "מנחם אב": Months.AV, "אב": Months.AV,
    "אלול": Months.ELUL,
}
_MONTH_RX = "|".join(re.escape(m).replace(r"\ ", r"\s+") + (r"['׳]?" if m in ("אדר א", "אדר ב") else "")
                     for m in sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    r"^(?:(?:יום\s+)?(?:ראשון|שני|שלישי|רביעי|חמישי|שישי|שבת|[א-ו]['׳])\s*,?\s+)?"
    r"(?P<day>\d{1,2}|[א-ל]['\"׳״]?[א-ט]?['׳]?)\s+(?:ב-?|ל-?)?(?P<month>" + _MONTH_RX + r")"
    r"(?:\s*,?\s+(?P<year>\d{4}|(?:ה['׳]?\s*)?[ק-ת][א-ת'\"׳״]{1,5}))?$")


# the same, inside a sentence: "החתונה עברה לי"ח באלול", "תאריך ט"ו באב בערב"
_IN_TEXT = re.compile(r"(?<![\w\"׳״'])(?:ב|ל)?-?(?P<date>(?:\d{1,2}|[א-ל]['\"׳״]?[א-ט]?['׳]?)\s+(?:ב-?|ל-?)?(?:"
                      + _MONTH_RX + r")(?:\s*,?\s+(?:\d{4}|(?:ה['׳]?\s*)?[ק-ת][א-ת'\"׳״]{1,5}))?)(?![\w\"׳״'])")


def find_hebrew_date(text: str, today: date | None = None) -> tuple[date, int, int] | None:
    """The first Hebrew-calendar date inside `text`: (its Gregorian date, where it starts, ends)."""
    for m in _IN_TEXT.finditer(text or ""):
        found = parse_hebrew_date(m.group("date"), today)
        if found is not None:
            return found, m.start(), m.end()
    return None


def _numeral(text: str) -> int | None:
    """A Hebrew numeral ("כ"ג" 23, "ט"ו" 15, "תשפ"ח" 788) or digits, as a number."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    letters = [ch for ch in text if ch not in _MARKS and not ch.isspace()]
    if not letters or any(ch not in _LETTERS for ch in letters):
        return None
    return sum(_LETTERS[ch] for ch in letters)


def _year(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    thousands = 0
    m = re.match(r"ה['׳]?\s*(?=[ק-ת])", text)   # "ה'תשפ"ח", "התשפ"ח"
    if m:
        thousands, text = 5000, text[m.end():]
    value = _numeral(text)
    if value is None:
        return None
    return value + (thousands or 5000) if value < 1000 else value


def _month_of(name: str, year: int) -> Months:
    month = _MONTHS[" ".join(name.replace("׳", "").replace("'", "").split())]
    leap = is_leap_year(year)
    if leap and month == Months.ADAR:
        return Months.ADAR_II
    if not leap and month in (Months.ADAR_I, Months.ADAR_II):
        return Months.ADAR
    return month


def _gregorian(year: int, month_name: str, day: int) -> date | None:
    try:
        return HebrewDate(year, _month_of(month_name, year), day).to_gdate()
    except ValueError:   # ל' in a month of 29 days
        return None


def parse_hebrew_date(text: str, today: date | None = None) -> date | None:
    """The Gregorian date of a Hebrew-calendar date in `text`, or None when `text` is none
    (or names a day its month does not have)."""
    m = _DATE.match(" ".join((text or "").split()))
    if not m:
        return None
    day = _numeral(m.group("day"))
    if day is None or not 1 <= day <= 30:
        return None
    if m.group("year"):
        year = _year(m.group("year"))
        if year is None or not 5600 <= year <= 6000:
            return None
        return _gregorian(year, m.group("month"), day)
    base = today or date.today()
    this_year = HebrewDate.from_gdate(base).year
    for year in (this_year, this_year + 1, this_year + 2):
        found = _gregorian(year, m.group("month"), day)
        if found is not None and found >= base:
            return found
    return None


def hebrew_date_text(d: date) -> str:
    """The Hebrew-calendar date of `d` as it is written: "י״ח באייר תשפ״ז"."""
    h = HebrewDate.from_gdate(d)
    typeset = str.maketrans({'"': "״", "'": "׳"})
    return f"{hebrew_number(h.day).translate(typeset)} ב{h.month} {hebrew_number(h.year % 1000).translate(typeset)}"
