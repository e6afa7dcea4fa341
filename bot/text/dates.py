"""Dates and times as organisers type them: text in, `datetime.date` / `datetime.time` out.

Day-first, as in Israel and most of the world: "12/6/2027" is 12 June; month-first for an American
organiser (`read_for("US")`); "4/17/2027", which has no 17th month, is 17 April for anyone.
Pure functions; the only error is InvalidDate, whose message is fit for a person.
"""
from __future__ import annotations

import re
from datetime import date, time
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from babel import dates as babel_dates
from babel.core import get_global

from bot.text import i18n
from bot.text.hebrew_calendar import parse_hebrew_date
from bot.text.i18n import _

# Where numbers are read month first ("4/17/2027" is 17 April): the United States and its territories
MONTH_FIRST_REGIONS = frozenset({"US", "PR", "GU", "VI", "AS", "MP", "UM"})
_MONTH_FIRST: ContextVar[bool] = ContextVar("month_first", default=False)


@contextmanager
def read_for(region: str | None):
    """Numeric dates read as the people of `region` write them, within the block: month first
    for an American organiser ("12/6/2027" is 6 December), day first everywhere else."""
    token = _MONTH_FIRST.set(bool(region) and str(region).upper() in MONTH_FIRST_REGIONS)
    try:
        yield
    finally:
        _MONTH_FIRST.reset(token)


__all__ = ["read_for", "MONTH_FIRST_REGIONS", "InvalidDate", "InvalidTime", "parse_date", "parse_time", "time_in", "format_date", "format_time", "format_when", "zone_country", "zone_name", "with_own_examples"]

_LOCALES = {"he": "he_IL", "ar": "ar_IL", "ru": "ru_RU", "en": "en_GB"}
_MONTHS = {
    "jan": 1, "january": 1,
    "feb": 2, "february": 2,
    "mar": 3, "march": 3,
    "apr": 4, "april": 4,
    "may": 5,
    "jun": 6, "june": 6,
    "jul": 7, "july": 7,
    "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10,
    "nov": 11, "november": 11,
    "dec": 12, "december": 12,
    # Hebrew month names (Gregorian calendar)
    "ינואר": 1, "פברואר": 2, "מרץ": 3, "מרס": 3, "אפריל": 4, "מאי": 5, "יוני": 6,
    "יולי": 7, "אוגוסט": 8, "ספטמבר": 9, "אוקטובר": 10, "נובמבר": 11, "דצמבר": 12,
}
_TIME = re.compile(
    r"\s+(?:at\s+|@\s*)?\d{1,2}:\d{2}(?:\s*[ap]m)?$|\s+(?:at\s+|@\s*)?\d{1,2}\s*[ap]m$|\s+(?:at|@)\s*\d{1,2}$"
)
_WEEKDAYS = (
    "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs",
    "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
)

_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$")
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"([^\W\d_]+)"
_YEAR = r"(\d{2}|\d{4})"
_DAY_MONTH = re.compile(rf"^{_DAY}\s+(?:of\s+)?(?:ב)?{_MONTH}(?:\s+{_YEAR})?$")
_MONTH_DAY = re.compile(rf"^{_MONTH}\s+{_DAY}(?:\s+{_YEAR})?$")


class InvalidDate(ValueError):
    """The text is not a date we understand. The message is fit for a person.

    Written in the language active when it is raised (`i18n.use`).
    """

    def __init__(self, text: str, reason: str | None = None) -> None:
        shown = " ".join(str(text).split())
        if len(shown) > 40:
            shown = shown[:39] + "…"
        message = reason or _("I couldn't read the date \"{text}\". Try 2027-06-12 or 12/6/2027", text=shown)
        super().__init__(message)
        self.text = text
        self.message = message


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    value = int(text)
    return 2000 + value if len(text) == 2 else value


def _month(name: str) -> int | None:
    name = name.lower().rstrip(".")
    if name in _MONTHS:
        return _MONTHS[name]
    if len(name) >= 3:  # "sept", "octo", "decem"
        for key, number in _MONTHS.items():
            if key.isascii() and len(key) > 3 and key.startswith(name):
                return number
    return None


def _build(text: str, year: int | None, month: int, day: int, today: date | None) -> date:
    if year is None:
        base = today or date.today()
        for candidate_year in (base.year, base.year + 1, base.year + 2, base.year + 3, base.year + 4):
            try:
                candidate = date(candidate_year, month, day)
            except ValueError:
                continue  # 29 Feb: keep looking for the next leap year
            if candidate >= base:
                return candidate
        raise InvalidDate(text, _("There is no {day} {month}.", day=str(day), month=_month_name(month)))
    if not 1900 <= year <= 2200:
        raise InvalidDate(text, _("{year} is not a year I can use.", year=str(year)))
    try:
        return date(year, month, day)
    except ValueError:
        if 1 <= month <= 12:
            raise InvalidDate(text, _("There is no {day} {month} {year}.", day=str(day),
                                      month=_month_name(month), year=str(year))) from None
        raise InvalidDate(text) from None


_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _month_name(month: int) -> str:
    """The month's name in the reader's language ("February", "פברואר")."""
    if not 1 <= month <= 12:
        return str(month)
    lang = i18n.current()
    if lang == "en":
        return _MONTH_NAMES[month - 1]
    return i18n.Raw(babel_dates.get_month_names("wide", locale=_LOCALES.get(lang, "en_GB"))[month])


def parse_date(text: str, today: date | None = None) -> date:
    """The date in `text`: ISO, day-first numbers, or a month name; a missing year is the next one.

    "2027-06-12", "12/6/2027", "12.6.27", "12-06-2027", "12 June 2027", "June 12, 2027",
    "12 jun", "Sat 12 Jun 2027", and on the Hebrew calendar "כ"ג בטבת תשפ"ח", "ט"ו באב". Two-digit
    years are 20xx. Impossible dates are refused.
    """
    if not isinstance(text, str):
        raise InvalidDate(str(text))
    raw = text
    cleaned = " ".join(text.replace(",", " ").split()).strip().strip(".!?").lower()
    if not cleaned or len(cleaned) > 60:
        raise InvalidDate(raw)
    cleaned = _TIME.sub("", cleaned).strip()
    hebrew = parse_hebrew_date(cleaned, today)   # "כ"ג בטבת תשפ"ח", "ט"ו באב": no Gregorian month has these names
    if hebrew is not None:
        return hebrew
    words = cleaned.split(" ")
    if len(words) > 1 and words[0].rstrip(".") in _WEEKDAYS:
        cleaned = " ".join(words[1:])
    m = _ISO.match(cleaned)
    if m:
        return _build(raw, int(m.group(1)), int(m.group(2)), int(m.group(3)), today)
    m = _NUMERIC.match(cleaned)
    if m:
        first, second = int(m.group(1)), int(m.group(2))
        day, month = (second, first) if _MONTH_FIRST.get() else (first, second)
        if month > 12 and day <= 12:
            day, month = month, day   # "4/17/2027": 17 is no month, whoever wrote it
        return _build(raw, _year(m.group(3)), month, day, today)
    m = _DAY_MONTH.match(cleaned)
    if m:
        month = _month(m.group(2))
        if month is None:
            raise InvalidDate(raw)
        return _build(raw, _year(m.group(3)), month, int(m.group(1)), today)
    m = _MONTH_DAY.match(cleaned)
    if m:
        month = _month(m.group(1))
        if month is None:
            raise InvalidDate(raw)
        return _build(raw, _year(m.group(3)), month, int(m.group(2)), today)
    raise InvalidDate(raw)


class InvalidTime(InvalidDate):
    """The text is not a time of day we understand; the message is fit for a person."""

    def __init__(self, text: str) -> None:
        shown = " ".join(str(text).split())[:40]
        super().__init__(text, _("I couldn't read the time \"{text}\". Try 19:30 or 7:30pm", text=shown))


# "19:30", "19.30", "7:30pm", "7 pm", "20", "at 8pm", "בשעה 19:30", "ב-20:00", "שמונה בערב" is not read.
_CLOCK = re.compile(
    r"^(?:at\s+|@\s*|בשעה\s+|בשעה|ב\s*-\s*|ב(?=\d)|שעה\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|בערב|בבוקר|בצהריים)?$")


def parse_time(text: str) -> time:
    """The time of day in `text`: "19:30", "7:30pm", "8 pm", "20", "בשעה 19:30", "20:00 בערב"."""
    if not isinstance(text, str):
        raise InvalidTime(str(text))
    cleaned = " ".join(text.split()).strip().strip(".!?,").lower()
    m = _CLOCK.match(cleaned)
    if not m:
        raise InvalidTime(text)
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), (m.group(3) or "").replace(".", "")
    if half in ("pm", "בערב", "בצהריים") and 1 <= hour < 12:
        hour += 12
    elif half in ("am", "בבוקר") and hour == 12:
        hour = 0
    if half in ("am", "pm") and not 1 <= hour % 24 <= 23 and hour != 0:
        raise InvalidTime(text)
    if hour == 24 and minute == 0:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise InvalidTime(text)
    return time(hour, minute)


# A time at the end of a date: "2027-10-14 19:30", "12/6 at 8pm", "12.6.27 בשעה 20:00".
_TRAILING_TIME = re.compile(
    r"(?:^|\s+|,\s*)((?:at\s+|@\s*|בשעה\s+|ב-?)?(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)(?:\s*(?:בערב|בבוקר|בצהריים))?)\s*$",
    re.I)


def time_in(text: str) -> tuple[str, time | None]:
    """`text` without a time of day at its end, and that time (None when there is none)."""
    m = _TRAILING_TIME.search(text or "")
    if not m:
        return text, None
    try:
        return text[:m.start()].strip().rstrip(","), parse_time(m.group(1))
    except InvalidTime:
        return text, None


def format_time(t: time, lang: str | None = None) -> str:
    """A time of day in the reader's locale: "19:30" (24-hour, as in Israel and most of Europe)."""
    lang = lang or i18n.current()
    return i18n.Raw(babel_dates.format_time(t, "HH:mm", locale=_LOCALES.get(lang, "en_GB")))


def format_date(d: date, lang: str | None = None) -> str:
    """An unambiguous date in the reader's language (CLDR, through Babel).

    "Sat 12 Jun 2027" in English; the full form elsewhere: "יום שבת, 12 ביוני 2027",
    "السبت، 12 يونيو 2027", "суббота, 12 июня 2027 г.".
    """
    return _format_date(d, lang or i18n.current())


@lru_cache(maxsize=4096)
def _format_date(d: date, lang: str) -> str:
    if lang == "en":
        return i18n.Raw(f"{_DAY_ABBR[d.weekday()]} {d.day} {_MONTH_NAMES[d.month - 1][:3]} {d.year}")
    return i18n.Raw(babel_dates.format_date(d, "full", locale=_LOCALES.get(lang, "en_GB")))


def format_when(d: date, t: time | None = None, lang: str | None = None) -> str:
    """The date, and the time when it is known, joined as the reader's locale joins them:
    "Sat 12 Jun 2027, 19:30", "יום שבת, 12 ביוני 2027 בשעה 19:30"."""
    return _format_when(d, t, lang or i18n.current())


@lru_cache(maxsize=4096)
def _format_when(d: date, t: time | None, lang: str) -> str:
    # An invitation round writes the same event's date thousands of times: CLDR once.
    day = format_date(d, lang)
    if t is None:
        return day
    clock = format_time(t, lang)
    if lang == "en":
        return i18n.Raw(f"{day}, {clock}")
    pattern = babel_dates.get_datetime_format("full", locale=_LOCALES.get(lang, "en_GB"))
    pattern = str(pattern).replace("'", "")
    return i18n.Raw(pattern.replace("{1}", str(day)).replace("{0}", str(clock)))


def zone_country(tz: str | None) -> str | None:
    """The two-letter country of a time zone ("Asia/Jerusalem" → "IL"), None when not known."""
    if not tz:
        return None
    return get_global("zone_territories").get(tz)


def zone_name(tz: str, lang: str | None = None) -> str:
    """A time zone as people say it: "Israel Time", "שעון ישראל", "UK Time"."""
    lang = lang or i18n.current()
    try:
        return i18n.Raw(babel_dates.get_timezone_location(tz, locale=_LOCALES.get(lang, "en_GB")))
    except (LookupError, ValueError):
        return i18n.Raw(tz)


def with_own_examples(text: str) -> str:
    """`text` with its example dates as the reader writes them: "12/6/2027" is 6 December to an
    American (`read_for("US")`), so they read the unambiguous "2027-06-12"."""
    if _MONTH_FIRST.get() and "12/6/2027" in text:
        return text.replace("12/6/2027", "2027-06-12")
    return text
