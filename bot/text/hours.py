"""Quiet hours as people write them ("22-8"), and when a quiet period ends.

`QUIET_HOURS` ("22-8" by default; "21:30-8", empty or "off" for none) is read in each
event's own time zone. A message that falls due inside the quiet waits in the outbox and
goes out when the quiet ends. Replies to someone who just wrote are never held.
Pure: no database, no clock of its own.
"""
from __future__ import annotations

import re
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.text.shabbat import shabbat_until

__all__ = ["QuietHours", "parse_quiet_hours", "quiet_until", "event_quiet", "quiet_end", "zone", "local"]

_RANGE = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?\s*-\s*(\d{1,2})(?::(\d{2}))?\s*$")


class QuietHours(tuple):
    """(start, end) as times of day; the quiet wraps midnight when start > end."""

    @property
    def start(self) -> time:
        return self[0]

    @property
    def end(self) -> time:
        return self[1]


def parse_quiet_hours(text: str | None) -> QuietHours | None:
    """QuietHours from "22-8" or "21:30-08:00"; None for "", "off", "none". ValueError otherwise."""
    raw = (text or "").strip().lower()
    if raw in ("", "off", "none", "0"):
        return None
    m = _RANGE.match(raw)
    if not m:
        raise ValueError(f"quiet hours look like 22-8 or 21:30-8:00 (got {text!r})")
    h1, m1, h2, m2 = int(m.group(1)), int(m.group(2) or 0), int(m.group(3)), int(m.group(4) or 0)
    if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59:
        raise ValueError(f"quiet hours look like 22-8 or 21:30-8:00 (got {text!r})")
    start, end = time(h1 % 24, m1), time(h2 % 24, m2)
    if start == end:
        return None
    return QuietHours((start, end))


def zone(tz: str | None):
    """The time zone an event names (UTC when it names none, or one that does not exist):
    the one place that reads an event's `timezone`."""
    try:
        return ZoneInfo(tz or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


def local(moment: datetime, tz: str | None) -> datetime:
    """`moment` on the clocks of the event's time zone."""
    return moment.astimezone(zone(tz))


def quiet_until(now: datetime, tz: str | None, quiet: QuietHours | None) -> datetime | None:
    """When the quiet that `now` falls in ends (UTC), or None when it is not quiet now."""
    if quiet is None:
        return None
    local = now.astimezone(zone(tz))
    at = local.time().replace(second=0, microsecond=0, tzinfo=None)
    start, end = quiet.start, quiet.end
    if start < end:
        inside = start <= at < end
        ends_on = local.date()
    else:  # wraps midnight: 22:00-08:00
        inside = at >= start or at < end
        ends_on = local.date() + timedelta(days=1) if at >= start else local.date()
    if not inside:
        return None
    ends = datetime.combine(ends_on, end, tzinfo=local.tzinfo)
    return ends.astimezone(timezone.utc)


def event_quiet(own: str | None, default: str | None) -> QuietHours | None:
    """An event's quiet hours: its own ("21-9", "off") or else the operator's default."""
    try:
        return parse_quiet_hours(default if own is None else own)
    except ValueError:  # stored by the services, which check it: never a reason not to send
        return None


def quiet_end(now: datetime, tz: str | None, quiet: QuietHours | None, *, shabbat: bool = False,
              location: str | None = None, reader_tz: str | None = None) -> datetime | None:
    """When the night and (for an event that keeps it) Shabbat or a holiday are both over
    (UTC), or None when a message may go now. A Shabbat that ends at night waits for the
    morning too. `reader_tz`: the zone of a guest who lives elsewhere, whose night counts too."""
    at, moved = now, False
    for _ in range(6):
        later = quiet_until(at, tz, quiet)
        if reader_tz and reader_tz != tz:
            theirs = quiet_until(later or at, reader_tz, quiet)
            later = theirs or later
        if shabbat:
            later = shabbat_until(later or at, tz, location) or later
        if later is None or later <= at:
            break
        at, moved = later, True
    return at if moved else None
