"""An event as an iCalendar file (RFC 5545), for the guest page's "add to calendar"."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from bot.text import hours

# An evening event's usual length, for calendars that need an end.
DEFAULT_LENGTH = timedelta(hours=4)


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Lines longer than 75 octets are folded (continuation lines start with a space)."""
    out, raw = [], line.encode("utf-8")
    while len(raw) > 75:
        cut = 75 if not out else 74
        while cut > 0 and (raw[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        out.append(raw[:cut].decode("utf-8"))
        raw = raw[cut:]
    out.append(raw.decode("utf-8"))
    return "\r\n ".join(out)


def _utc(day: date, start: time, tz: str | None) -> datetime:
    return datetime.combine(day, start, tzinfo=hours.zone(tz)).astimezone(timezone.utc)


def event_ics(uid: str, name: str, day: date, location: str | None, url: str | None = None,
              now: datetime | None = None, start: time | None = None, tz: str | None = None) -> str:
    """A VEVENT: from its start time (in the event's time zone) when known, else all day."""
    stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//invitebot//guest page//EN", "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp}",
        *_span(day, start, tz),
        f"SUMMARY:{_escape(name)}",
    ]
    if location:
        lines.append(f"LOCATION:{_escape(location)}")
    if url:
        lines.append(f"URL:{url}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def _span(day: date, start: time | None, tz: str | None) -> list[str]:
    if start is None:
        return [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}"]
    begin = _utc(day, start, tz)
    return [f"DTSTART:{begin:%Y%m%dT%H%M%SZ}", f"DTEND:{begin + DEFAULT_LENGTH:%Y%m%dT%H%M%SZ}"]
