"""Dates on the Hebrew calendar, as a family writes a bar mitzvah's: "קבע תאריך כ"ג בטבת תשפ"ח",
"האירוע עבר לי"ח באלול". The event gets the right day, and a Hebrew reader sees it on both calendars."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from bot.text.dates import InvalidDate, parse_date
from bot.text.hebrew_calendar import hebrew_date_text, parse_hebrew_date
from storage.models import Event
from tests.phone import phone_factory  # noqa: F401  (fixture)

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize("text, expected", [
    ('כ"ג בטבת תשפ"ח', date(2028, 1, 22)),
    ("כ״ג בטבת תשפ״ח", date(2028, 1, 22)),
    ('י"ח באלול ה\'תשפ"ז', date(2027, 9, 20)),
    ('ט"ו באב', date(2027, 8, 18)),            # no year: the next 15 Av
    ("ט׳ באב תשפ״ז", date(2027, 8, 12)),
    ('י"ד באדר תשפ"ז', date(2027, 3, 23)),     # a leap year: Adar is Adar II, Purim's
    ("א' בתשרי", date(2027, 10, 2)),
    ("3 בניסן", date(2027, 4, 10)),
    ("כג טבת", date(2027, 1, 2)),
])
def test_hebrew_calendar_dates_read(text, expected):
    assert parse_hebrew_date(text, TODAY) == expected
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["ל' בטבת תשפ\"ח", "12 ביוני", "מחר בערב", "ל\"ב בניסן"])
def test_what_is_no_hebrew_calendar_date_is_not_read_as_one(text):
    assert parse_hebrew_date(text, TODAY) is None


def test_a_day_the_month_lacks_is_refused_as_any_bad_date():
    with pytest.raises(InvalidDate):
        parse_date("ל' בטבת תשפ\"ח", TODAY)   # Tevet has 29 days


def test_the_hebrew_date_is_written_as_it_is_read():
    assert hebrew_date_text(date(2027, 5, 25)) == "י״ח באייר תשפ״ז"
    assert parse_hebrew_date(hebrew_date_text(date(2027, 5, 25)), TODAY) == date(2027, 5, 25)


def _date(runtime):
    with runtime.transaction() as s:
        return s.scalar(select(Event.date))


def test_an_organiser_sets_the_date_on_the_hebrew_calendar_and_sees_both(phone_factory, runtime):
    dana = phone_factory("+972521110001", "Dana")
    dana.send("אירוע חדש בר המצווה של איתי")
    reply = dana.send('קבע תאריך כ"ג בטבת תשפ"ח')
    assert reply.startswith("📅 התאריך של בר המצווה של איתי עודכן: יום שבת, 22 בינואר 2028 (כ״ג בטבת תשפ״ח).\n"
                            "ℹ️ באותו יום שבת, עד 17:42."), reply   # a Saturday: when Shabbat ends is said
    assert _date(runtime) == date(2028, 1, 22)
    assert "📅 יום שבת, 22 בינואר 2028 (כ״ג בטבת תשפ״ח)" in dana.send("פרטי אירוע").splitlines()


def test_an_english_organiser_sees_the_date_on_one_calendar(phone_factory):
    dana = phone_factory("+972521110001", "Dana")
    dana.send("new event Itai's bar mitzvah\ndate: 22/1/2028")
    assert "📅 Sat 22 Jan 2028" in dana.send("event").splitlines()


def test_a_move_to_a_hebrew_date_in_a_sentence_is_asked_with_both_calendars(phone_factory, runtime):
    dana = phone_factory("+972521110001", "Dana")
    dana.send("אירוע חדש בר המצווה של איתי\nתאריך: 12/8/2027")
    asked = dana.send('האירוע עבר לי"ח באלול')
    assert "20 בספטמבר 2027 (י״ח באלול תשפ״ז)" in asked, asked
    dana.tap("confirm:yes", "כן")
    assert _date(runtime) == date(2027, 9, 20)


@pytest.mark.parametrize("text", ['כ"ג בטבת התשפ"ח', "כ\"ג בטבת ה' תשפ\"ח", 'כ"ג בטבת ה\'תשפ"ח'])
def test_the_year_with_its_thousands_letter(text):
    assert parse_hebrew_date(text, TODAY) == date(2028, 1, 22)


def test_a_date_on_shabbat_or_a_festival_says_when_it_ends_and_an_evening_after_it_says_nothing(phone_factory):
    """In Israel: Rosh Hashanah 5788 (2 Oct 2027) and a Shabbat (9 Oct) are said, with when they end; a
    time after nightfall clears it; a Friday-evening start is told when Shabbat begins."""
    dana = phone_factory("+972521110001", "Dana")
    dana.send("אירוע חדש החתונה של דנה")
    assert "ℹ️ באותו יום חג, עד 19:00." in dana.send("קבע תאריך 2/10/2027")
    assert "ℹ️ באותו יום שבת, עד 18:51." in dana.send("קבע תאריך 9/10/2027")
    assert "ℹ️" not in dana.send("קבע שעה 21:00")
    assert "ℹ️ באותו יום שבת או החג נכנסים ב-17:58" in dana.send("קבע תאריך 8/10/2027")
    assert "ℹ️" not in dana.send("קבע שעה 12:00")
    assert "ℹ️" not in dana.send("קבע תאריך 6/10/2027")   # a Wednesday


def test_a_wedding_on_a_fast_day_is_told_so_and_the_eve_of_tisha_bav_too(phone_factory):
    """Tisha B'Av 5787 is 12 Aug 2027, the fast of 17 Tammuz 22 Jul: no wedding is held on either, so
    the organiser hears it when setting the date; an evening after the fast ends says nothing, and an
    evening on 11 Aug is told that Tisha B'Av begins at sunset."""
    dana = phone_factory("+972521110001", "Dana")
    dana.send("אירוע חדש החתונה של דנה")
    told = dana.send("קבע תאריך 12/8/2027")
    assert "ℹ️ באותו יום תשעה באב, יום צום, עד " in told, told
    assert "צום י״ז בתמוז" in dana.send("קבע תאריך 22/7/2027")
    assert "ℹ️" not in dana.send("קבע שעה 21:30")
    assert "ℹ️ באותו יום תשעה באב נכנס ב-" in dana.send("קבע תאריך 11/8/2027")
    assert "ℹ️" not in dana.send("קבע תאריך 18/8/2027")


def test_an_event_abroad_in_english_is_not_told_about_shabbat(phone_factory):
    emma = phone_factory("+447700900123", "Emma")
    emma.send("new event Garden party\nlocation: London")
    assert "Shabbat" not in emma.send("set date 9/10/2027")
