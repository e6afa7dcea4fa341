"""When Shabbat or a Jewish holiday is on, for events that asked not to send then.

The quiet starts at candle lighting on the eve (sunset minus 18 minutes, hdate's default;
hdate has no 40-minute Jerusalem custom of its own, so none here either) and ends at
nightfall (three stars, sun 8.5 degrees below the horizon: hdate's havdalah). Shabbat and
the days of Yom Tov (Rosh Hashana, Yom Kippur, the first and last days of Sukkot and
Pesach, Shemini Atzeret / Simchat Torah, Shavuot) that follow one another make one quiet
that ends after the last of them. The calendar and the sun come from `hdate`.

The place comes from the event's time zone: a small table of main cities, then the
coordinates the tz database keeps for the zone (zone.tab, zone1970.tab). Asia/Jerusalem (and its
old names) follows the Israeli calendar, every other zone the diaspora one (second days
of Pesach, Shavuot and Sukkot, Simchat Torah on 23 Tishrei). In Israel the event's
location may name its city ("Tel Aviv", "חיפה"). A missing or unknown zone is treated
as Jerusalem. Pure: no database, no clock of its own.
"""
from __future__ import annotations

import os
import re
import zoneinfo
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hdate import HDateInfo, Location, Zmanim

__all__ = ["shabbat_until", "rest_day_clash", "fast_day"]

CANDLE_LIGHTING_MINUTES = 18  # before sunset; hdate's default
# Where the sun never sinks 8.5 degrees (summer nights far north), nightfall is this long
# after sunset instead.
NIGHTFALL_FALLBACK = timedelta(minutes=72)
_LONGEST_RUN = 4  # Yom Tov, Yom Tov, Shabbat is the longest; stop looking well before a week

_ISRAEL_ZONES = ("Asia/Jerusalem", "Asia/Tel_Aviv", "Israel")

# zone -> (city, latitude, longitude)
_CITIES: dict[str, tuple[str, float, float]] = {
    "Asia/Jerusalem": ("Jerusalem", 31.778, 35.235),
    "Asia/Tel_Aviv": ("Jerusalem", 31.778, 35.235),
    "Israel": ("Jerusalem", 31.778, 35.235),
    "Europe/London": ("London", 51.507, -0.128),
    "Europe/Paris": ("Paris", 48.857, 2.352),
    "Europe/Berlin": ("Berlin", 52.520, 13.405),
    "Europe/Amsterdam": ("Amsterdam", 52.370, 4.895),
    "Europe/Brussels": ("Antwerp", 51.219, 4.402),
    "Europe/Rome": ("Rome", 41.903, 12.496),
    "Europe/Madrid": ("Madrid", 40.417, -3.704),
    "Europe/Kyiv": ("Kyiv", 50.450, 30.523),
    "Europe/Kiev": ("Kyiv", 50.450, 30.523),
    "Europe/Moscow": ("Moscow", 55.756, 37.617),
    "Asia/Dubai": ("Dubai", 25.205, 55.271),
    "America/New_York": ("New York", 40.713, -74.006),
    "US/Eastern": ("New York", 40.713, -74.006),
    "America/Toronto": ("Toronto", 43.653, -79.383),
    "America/Chicago": ("Chicago", 41.878, -87.630),
    "US/Central": ("Chicago", 41.878, -87.630),
    "America/Los_Angeles": ("Los Angeles", 34.052, -118.244),
    "US/Pacific": ("Los Angeles", 34.052, -118.244),
    "America/Mexico_City": ("Mexico City", 19.433, -99.133),
    "America/Sao_Paulo": ("Sao Paulo", -23.551, -46.633),
    "America/Argentina/Buenos_Aires": ("Buenos Aires", -34.604, -58.382),
    "Africa/Johannesburg": ("Johannesburg", -26.204, 28.047),
    "Australia/Sydney": ("Sydney", -33.869, 151.209),
    "Australia/Melbourne": ("Melbourne", -37.814, 144.963),
}

# In Israel, a city named in the event's location: (names, latitude, longitude)
_ISRAELI_CITIES: tuple[tuple[tuple[str, ...], float, float], ...] = (
    (("jerusalem", "ירושלים"), 31.778, 35.235),
    (("tel aviv", "תל אביב", "תל-אביב", "ת\"א"), 32.085, 34.782),
    (("jaffa", "yafo", "יפו"), 32.052, 34.752),
    (("haifa", "חיפה"), 32.794, 34.990),
    (("beer sheva", "beersheba", "be'er sheva", "באר שבע"), 31.252, 34.792),
    (("eilat", "אילת"), 29.558, 34.952),
    (("herzliya", "הרצליה"), 32.166, 34.843),
    (("netanya", "נתניה"), 32.329, 34.857),
    (("caesarea", "קיסריה"), 32.500, 34.900),
    (("rishon lezion", "rishon le zion", "ראשון לציון"), 31.964, 34.804),
    (("ramat gan", "רמת גן"), 32.068, 34.824),
    (("petah tikva", "petach tikva", "פתח תקווה", "פתח תקוה"), 32.084, 34.887),
    (("raanana", "ra'anana", "רעננה"), 32.184, 34.871),
    (("rehovot", "רחובות"), 31.894, 34.809),
    (("ashdod", "אשדוד"), 31.804, 34.655),
    (("nazareth", "נצרת"), 32.699, 35.304),
    (("tiberias", "טבריה"), 32.795, 35.531),
    (("modiin", "modi'in", "מודיעין"), 31.898, 35.010),
)

_TAB_COORDS = re.compile(r"^([+-]\d{4,6})([+-]\d{5,7})$")


def shabbat_until(now: datetime, tz: str | None, location: str | None = None) -> datetime | None:
    """When the Shabbat or Yom Tov quiet that `now` falls in ends (UTC), or None when it is not on.

    `now` is aware. The quiet runs from candle lighting on the eve to nightfall after the
    last of the Shabbat and Yom Tov days that follow one another, in the event's zone `tz`.
    """
    place = _place(tz, location)
    local = now.astimezone(place.timezone)
    today = local.date()
    tomorrow = today + timedelta(days=1)
    if _holy(today, place):
        if not _holy(tomorrow, place) and now >= _nightfall(today, place):
            return None
        first = today
    elif _holy(yesterday := today - timedelta(days=1), place) and now < _nightfall(yesterday, place):
        return _nightfall(yesterday, place)  # far north in summer, nightfall comes after midnight
    elif _holy(tomorrow, place) and now >= _candle_lighting(today, place):
        first = tomorrow
    else:
        return None
    last = first
    while _holy(last + timedelta(days=1), place) and (last - first).days < _LONGEST_RUN:
        last += timedelta(days=1)
    return _nightfall(last, place)


def rest_day_clash(day: date, start: time | None, tz: str | None, location: str | None = None) -> tuple[str, time] | None:
    """An event on `day` at `start` (None: not set) against Shabbat and the festivals: ("shabbat", when it
    ends) or ("yom_tov", when it ends) when it falls on one before nightfall, ("eve", when it begins) when it
    starts on the eve after candle lighting; None when it keeps clear. Times are the event's local ones."""
    place = _place(tz, location)
    if _holy(day, place):
        ends = _on_it(day, start, place)
        if ends is None:
            return None
        return ("yom_tov" if HDateInfo(day, diaspora=place.diaspora).is_yom_tov else "shabbat"), ends
    if _holy(day + timedelta(days=1), place):
        begins = _after(start, _candle_lighting(day, place), place)
        if begins is not None:
            return "eve", begins
    return None


FASTS = ("tisha_bav", "tzom_tammuz", "tzom_gedaliah", "asara_btevet", "taanit_esther")


def fast_day(day: date, start: time | None, tz: str | None, location: str | None = None) -> tuple[str, time] | None:
    """An event on `day` at `start` against a public fast (Yom Kippur is a festival, above): (its name
    in `FASTS`, when it ends) when the event is on it before nightfall; ("tisha_bav_eve", when it begins)
    for a start after sunset on the eve of Tisha B'Av, which begins then (the others begin at dawn);
    None otherwise. No wedding is held on one; an organiser wants to know before the invitations go."""
    place = _place(tz, location)
    name = _fast(day, place)
    if name is not None:
        ends = _on_it(day, start, place)
        return (name, ends) if ends is not None else None
    if _fast(day + timedelta(days=1), place) == "tisha_bav":
        begins = _after(start, _zmanim(day, place).shkia.utc, place)
        if begins is not None:
            return "tisha_bav_eve", begins
    return None


def _on_it(day: date, start: time | None, place: Location) -> time | None:
    """When `day`'s Shabbat, festival or fast ends (local, to the minute), if an event starting at
    `start` (None: not set) falls before that; None when it starts after nightfall."""
    ends = _nightfall(day, place).astimezone(place.timezone)
    if start is None or (ends.date() == day and start < ends.time()):
        return ends.time().replace(second=0, microsecond=0)
    return None


def _after(start: time | None, begins: datetime, place: Location) -> time | None:
    """When something begins on the eve (local, to the minute), if an event starts at or after it."""
    local = begins.astimezone(place.timezone)
    if start is not None and start >= local.time():
        return local.time().replace(second=0, microsecond=0)
    return None


def _fast(day: date, place: Location) -> str | None:
    info = HDateInfo(day, diaspora=place.diaspora)
    return next((h.name for h in info.holidays if h.name in FASTS), None)


def _holy(day: date, place: Location) -> bool:
    info = HDateInfo(day, diaspora=place.diaspora)
    return info.is_shabbat or info.is_yom_tov


def _zmanim(day: date, place: Location) -> Zmanim:
    return Zmanim(date=day, location=place, candle_lighting_offset=CANDLE_LIGHTING_MINUTES)


def _candle_lighting(day: date, place: Location) -> datetime:
    sunset = _zmanim(day, place).shkia.utc
    return sunset - timedelta(minutes=CANDLE_LIGHTING_MINUTES)


def _nightfall(day: date, place: Location) -> datetime:
    times = _zmanim(day, place)
    sunset, stars = times.shkia.utc, times.tset_hakohavim_shabbat.utc
    if not sunset < stars < sunset + timedelta(hours=3):  # the sun never got that low
        stars = sunset + NIGHTFALL_FALLBACK
    return stars.astimezone(timezone.utc)


@lru_cache(maxsize=256)
def _place(tz: str | None, location: str | None) -> Location:
    """hdate's Location for an event: coordinates, zone, and the Israeli or diaspora calendar."""
    zone_name = tz if tz and _zone_exists(tz) else "Asia/Jerusalem"
    coords = _CITIES.get(zone_name)
    if coords is None:
        found = _tab_coordinates(zone_name)
        if found is None:  # a zone with no place of its own: Jerusalem, whole and entire
            zone_name, coords = "Asia/Jerusalem", _CITIES["Asia/Jerusalem"]
        else:
            coords = (zone_name, *found)
    name, lat, lon = coords
    israel = zone_name in _ISRAEL_ZONES
    if israel and location:
        name, lat, lon = _israeli_city(location) or (name, lat, lon)
    return Location(name=name, latitude=lat, longitude=lon, timezone=ZoneInfo(zone_name), altitude=0,
                    diaspora=not israel)


def _zone_exists(tz: str) -> bool:
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _israeli_city(text: str) -> tuple[str, float, float] | None:
    """The Israeli city named last in an address ("Jerusalem St 4, Tel Aviv" is Tel Aviv)."""
    folded = " ".join(text.casefold().replace("-", " ").split())
    best, at = None, -1
    for names, lat, lon in _ISRAELI_CITIES:
        for name in names:
            pos = folded.rfind(name)
            if pos > at:
                best, at = (names[0].title(), lat, lon), pos
    return best


def zone_of_place(text: str | None) -> str | None:
    """The time zone of the place an event's location names last ("Hangar 11, Tel Aviv
    Port" → Asia/Jerusalem, "The Savoy, London" → Europe/London); None when it names no
    place known here."""
    if not text:
        return None
    folded = " ".join(text.casefold().replace("-", " ").replace(",", " ").split())
    best, at = None, -1
    candidates = [(names, "Asia/Jerusalem") for names, _lat, _lon in _ISRAELI_CITIES]
    candidates.append((("israel", "ישראל"), "Asia/Jerusalem"))
    candidates += [((city.casefold(),), zone) for zone, (city, _lat, _lon) in _CITIES.items()
                   if zone not in _ISRAEL_ZONES and "/" in zone and not zone.startswith("US/")]
    for names, zone in candidates:
        for name in names:
            # a whole word, after a Hebrew prefix letter too ("בתל אביב", "לחיפה")
            for m in re.finditer(r"(?:^|\s)[בלמוה]?" + re.escape(name.replace("-", " ")) + r"(?=\s|$)", folded):
                if m.start() > at:
                    best, at = zone, m.start()
    return best


@lru_cache(maxsize=1)
def _zone_table() -> dict[str, tuple[float, float]]:
    """Zone -> (latitude, longitude) from the tz database's zone.tab and zone1970.tab."""
    table: dict[str, tuple[float, float]] = {}
    for text in _tab_texts():
        for line in text.splitlines():
            fields = line.split("\t")
            if line.startswith("#") or len(fields) < 3:
                continue
            coords = _parse_tab_coords(fields[1])
            if coords:
                table[fields[2].strip()] = coords
    return table


def _tab_texts() -> list[str]:
    """The tab files beside the zones zoneinfo reads: the system's, else the tzdata package's."""
    folders = list(zoneinfo.TZPATH)
    try:
        folders.append(str(resources.files("tzdata").joinpath("zoneinfo")))
    except (ModuleNotFoundError, TypeError):
        pass
    for folder in folders:
        paths = [os.path.join(folder, tab) for tab in ("zone.tab", "zone1970.tab")]
        texts = []
        for path in paths:
            if os.path.isfile(path):
                with open(path, encoding="utf-8") as tab:
                    texts.append(tab.read())
        if texts:
            return texts
    return []


def _parse_tab_coords(text: str) -> tuple[float, float] | None:
    m = _TAB_COORDS.match(text)
    if not m:
        return None
    return _tab_degrees(m.group(1), 2), _tab_degrees(m.group(2), 3)


def _tab_degrees(text: str, width: int) -> float:
    """'+314650' -> 31.78: sign, degrees, minutes, optional seconds."""
    sign = -1.0 if text[0] == "-" else 1.0
    digits = text[1:]
    degrees, minutes, seconds = digits[:width], digits[width:width + 2], digits[width + 2:] or "0"
    return sign * (int(degrees) + int(minutes) / 60 + int(seconds) / 3600)


def _tab_coordinates(zone_name: str) -> tuple[float, float] | None:
    return _zone_table().get(zone_name)
