"""No message reaches an event that keeps Shabbat and holidays while they are on.

Pure: the calendar and the sun only. Sunsets to compare with come from astral directly,
and every end is also held to the published window of that date.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from astral import Observer
from astral.sun import sunset

from bot.text.shabbat import shabbat_until

JERUSALEM, NEW_YORK = "Asia/Jerusalem", "America/New_York"
_OBSERVERS = {JERUSALEM: Observer(31.778, 35.235, 0), NEW_YORK: Observer(40.713, -74.006, 0)}


def at(tz: str, *parts: int) -> datetime:
    """A local wall-clock moment in `tz`, as the aware UTC the sender has."""
    return datetime(*parts, tzinfo=ZoneInfo(tz)).astimezone(timezone.utc)


def local(moment: datetime, tz: str) -> datetime:
    return moment.astimezone(ZoneInfo(tz))


def sunset_on(day: date, tz: str) -> datetime:
    return sunset(_OBSERVERS[tz], day, tzinfo=ZoneInfo(tz))


def assert_nightfall(end: datetime | None, day: date, tz: str, earliest: str, latest: str) -> None:
    """`end` is nightfall on `day`: 25-60 minutes after sunset, inside the published window."""
    assert end is not None
    assert end.tzinfo is not None and end.utcoffset() == timedelta(0)
    seen = local(end, tz)
    assert seen.date() == day
    after_sunset = seen - sunset_on(day, tz)
    assert timedelta(minutes=25) <= after_sunset <= timedelta(minutes=60), after_sunset
    assert earliest <= seen.strftime("%H:%M") <= latest, seen


# A winter Shabbat in Jerusalem: Friday 17 December 2027 to Saturday 18 December 2027.
def test_friday_afternoon_before_candle_lighting_is_not_quiet():
    assert shabbat_until(at(JERUSALEM, 2027, 12, 17, 14, 0), JERUSALEM) is None


def test_quiet_starts_at_candle_lighting_18_minutes_before_sunset():
    friday_sunset = sunset_on(date(2027, 12, 17), JERUSALEM)
    before = (friday_sunset - timedelta(minutes=21)).astimezone(timezone.utc)
    after = (friday_sunset - timedelta(minutes=15)).astimezone(timezone.utc)
    assert shabbat_until(before, JERUSALEM) is None
    assert_nightfall(shabbat_until(after, JERUSALEM), date(2027, 12, 18), JERUSALEM, "17:05", "17:35")


def test_friday_evening_is_quiet_until_saturday_nightfall_in_winter():
    end = shabbat_until(at(JERUSALEM, 2027, 12, 17, 17, 0), JERUSALEM)
    assert_nightfall(end, date(2027, 12, 18), JERUSALEM, "17:05", "17:35")
    # all of Saturday waits for the same moment, including after midnight
    assert shabbat_until(at(JERUSALEM, 2027, 12, 18, 0, 30), JERUSALEM) == end
    assert shabbat_until(at(JERUSALEM, 2027, 12, 18, 16, 45), JERUSALEM) == end


def test_friday_evening_is_quiet_until_saturday_nightfall_in_summer():
    end = shabbat_until(at(JERUSALEM, 2027, 7, 16, 20, 0), JERUSALEM)
    assert_nightfall(end, date(2027, 7, 17), JERUSALEM, "20:15", "20:45")


def test_the_quiet_is_over_at_nightfall_and_on_saturday_night():
    end = shabbat_until(at(JERUSALEM, 2027, 12, 18, 12, 0), JERUSALEM)
    assert shabbat_until(end - timedelta(minutes=1), JERUSALEM) == end
    assert shabbat_until(end + timedelta(minutes=1), JERUSALEM) is None
    assert shabbat_until(at(JERUSALEM, 2027, 12, 18, 21, 0), JERUSALEM) is None
    assert shabbat_until(at(JERUSALEM, 2027, 12, 19, 12, 0), JERUSALEM) is None  # Sunday


def test_yom_kippur_2027_runs_from_the_evening_of_10_october_to_nightfall_on_the_11th():
    assert shabbat_until(at(JERUSALEM, 2027, 10, 10, 15, 0), JERUSALEM) is None
    for moment in (at(JERUSALEM, 2027, 10, 10, 19, 0), at(JERUSALEM, 2027, 10, 11, 13, 0)):
        assert_nightfall(shabbat_until(moment, JERUSALEM), date(2027, 10, 11), JERUSALEM, "18:30", "19:05")
    assert shabbat_until(at(JERUSALEM, 2027, 10, 11, 20, 0), JERUSALEM) is None


@pytest.mark.parametrize("tz, earliest, latest", [(JERUSALEM, "18:40", "19:15"), (NEW_YORK, "18:55", "19:30")])
def test_rosh_hashana_2027_after_shabbat_ends_after_its_second_day(tz, earliest, latest):
    # 1 Tishrei 5788 is Saturday 2 October 2027: Shabbat and the first day, then Sunday,
    # two days in Israel too. Saturday night is still the holiday.
    for moment in (at(tz, 2027, 10, 1, 19, 0), at(tz, 2027, 10, 2, 21, 0), at(tz, 2027, 10, 3, 12, 0)):
        assert_nightfall(shabbat_until(moment, tz), date(2027, 10, 3), tz, earliest, latest)
    assert shabbat_until(at(tz, 2027, 10, 3, 21, 0), tz) is None


def test_rosh_hashana_2028_on_thursday_and_friday_runs_into_shabbat_in_israel():
    # 1-2 Tishrei 5789 are Thursday and Friday 21-22 September 2028, then Shabbat.
    assert shabbat_until(at(JERUSALEM, 2028, 9, 20, 12, 0), JERUSALEM) is None
    for moment in (at(JERUSALEM, 2028, 9, 20, 19, 0), at(JERUSALEM, 2028, 9, 22, 12, 0),
                   at(JERUSALEM, 2028, 9, 22, 21, 0)):
        assert_nightfall(shabbat_until(moment, JERUSALEM), date(2028, 9, 23), JERUSALEM, "18:50", "19:25")


def test_pesach_2027_on_thursday_and_friday_abroad_runs_into_shabbat():
    # 15 Nisan 5787 is Thursday 22 April 2027; abroad Friday is the second day, then Shabbat.
    assert shabbat_until(at(NEW_YORK, 2027, 4, 21, 12, 0), NEW_YORK) is None
    for moment in (at(NEW_YORK, 2027, 4, 21, 21, 0), at(NEW_YORK, 2027, 4, 22, 21, 30),
                   at(NEW_YORK, 2027, 4, 23, 12, 0)):
        assert_nightfall(shabbat_until(moment, NEW_YORK), date(2027, 4, 24), NEW_YORK, "20:15", "20:45")


def test_the_second_day_of_pesach_is_quiet_abroad_but_not_in_israel():
    assert shabbat_until(at(NEW_YORK, 2027, 4, 23, 12, 0), NEW_YORK) is not None
    assert shabbat_until(at(JERUSALEM, 2027, 4, 23, 12, 0), JERUSALEM) is None
    # In Israel the first day ends on its own Thursday night, and Shabbat comes after.
    assert_nightfall(shabbat_until(at(JERUSALEM, 2027, 4, 22, 12, 0), JERUSALEM),
                     date(2027, 4, 22), JERUSALEM, "19:40", "20:10")
    assert shabbat_until(at(JERUSALEM, 2027, 4, 22, 21, 0), JERUSALEM) is None


@pytest.mark.parametrize("day", [date(2027, 10, 17), date(2027, 10, 24)])
def test_the_sunday_after_sukkot_and_shemini_atzeret_is_a_holiday_only_abroad(day):
    # 15 and 22 Tishrei 5788 are Saturdays; abroad Sunday is Sukkot II, then Simchat Torah.
    assert shabbat_until(at(JERUSALEM, day.year, day.month, day.day, 12, 0), JERUSALEM) is None
    assert_nightfall(shabbat_until(at(NEW_YORK, day.year, day.month, day.day, 12, 0), NEW_YORK),
                     day, NEW_YORK, "18:30", "19:05")


def test_shavuot_2027_on_friday_in_israel_starts_on_thursday_evening():
    assert_nightfall(shabbat_until(at(JERUSALEM, 2027, 6, 10, 21, 0), JERUSALEM),
                     date(2027, 6, 12), JERUSALEM, "20:15", "20:45")


def test_an_ordinary_weekday_and_a_half_holiday_are_not_quiet():
    assert shabbat_until(at(JERUSALEM, 2027, 12, 15, 20, 0), JERUSALEM) is None
    assert shabbat_until(at(JERUSALEM, 2027, 12, 28, 20, 0), JERUSALEM) is None  # Hanukkah 5788
    assert shabbat_until(at(JERUSALEM, 2027, 10, 19, 12, 0), JERUSALEM) is None  # Hol HaMoed Sukkot


def test_in_israel_the_location_names_the_city_and_elsewhere_it_is_ignored():
    friday = at(JERUSALEM, 2027, 12, 17, 17, 0)
    jerusalem = shabbat_until(friday, JERUSALEM)
    eilat = shabbat_until(friday, JERUSALEM, "Herzl 5, Eilat")
    assert shabbat_until(friday, JERUSALEM, "Jerusalem St 4, Tel Aviv-Yafo") != jerusalem
    assert timedelta(minutes=2) <= eilat - jerusalem <= timedelta(minutes=10)  # further south
    ny = at(NEW_YORK, 2027, 12, 17, 17, 0)
    assert shabbat_until(ny, NEW_YORK, "Tel Aviv") == shabbat_until(ny, NEW_YORK)


@pytest.mark.parametrize("tz", [None, "", "Mars/Olympus", "../etc/passwd"])
def test_an_unknown_time_zone_is_treated_as_jerusalem(tz):
    saturday = at(JERUSALEM, 2027, 12, 18, 12, 0)
    assert shabbat_until(saturday, tz) == shabbat_until(saturday, JERUSALEM) is not None
    assert shabbat_until(at(JERUSALEM, 2027, 12, 15, 12, 0), tz) is None


def test_a_zone_outside_the_table_uses_its_own_place():
    # Europe/Vienna is not in the city table; the tz database places it in Vienna.
    end = shabbat_until(at("Europe/Vienna", 2027, 12, 18, 12, 0), "Europe/Vienna")
    seen = local(end, "Europe/Vienna")
    assert seen.date() == date(2027, 12, 18) and "16:40" <= seen.strftime("%H:%M") <= "17:20"


def test_far_north_in_summer_the_quiet_runs_past_midnight_to_its_end():
    # In Helsinki in June the sun never sinks 8.5 degrees: nightfall falls back to sunset
    # plus 72 minutes, which on 26 June 2027 is just after midnight, already Sunday.
    helsinki = "Europe/Helsinki"
    end = shabbat_until(at(helsinki, 2027, 6, 26, 12, 0), helsinki)
    seen = local(end, helsinki)
    assert datetime(2027, 6, 26, 23, 30, tzinfo=ZoneInfo(helsinki)) <= seen
    assert seen <= datetime(2027, 6, 27, 0, 30, tzinfo=ZoneInfo(helsinki))
    assert shabbat_until(at(helsinki, 2027, 6, 27, 0, 0), helsinki) == end
    assert shabbat_until(end + timedelta(minutes=1), helsinki) is None


@pytest.mark.parametrize("tz", [JERUSALEM, NEW_YORK])
def test_every_quiet_in_the_tishrei_holidays_ends_once_and_for_good(tz):
    # Hour by hour through September-October 2027: a quiet ends later, at one moment that
    # does not move as the hours pass, and a minute after it the quiet is over.
    moment, stop = at(tz, 2027, 9, 25, 0, 0), at(tz, 2027, 10, 31, 0, 0)
    quiet_saturdays = set()
    while moment < stop:
        end = shabbat_until(moment, tz)
        if end is not None:
            assert moment < end <= moment + timedelta(days=3, hours=1)
            assert shabbat_until(end - timedelta(minutes=1), tz) == end
            assert shabbat_until(end + timedelta(minutes=1), tz) is None
            if local(moment, tz).weekday() == 5:
                quiet_saturdays.add(local(moment, tz).date())
        moment += timedelta(hours=1)
    assert len(quiet_saturdays) == 6  # 25 Sep to 30 Oct
