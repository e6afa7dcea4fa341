"""What the bot says to organisers: pure functions from values to text for a phone.

WhatsApp formatting (*bold*), short lines, emoji only for statuses. Every text stays
under WhatsApp's 4,096-character limit: long lists are paged or capped.

Every text is an English msgid looked up in the ``organiser`` catalog of the language
active in `bot.text.i18n` (the organiser's own, set once per turn). Tables built at
import time hold msgids marked with `N_` and are translated where they are used.
"""
from __future__ import annotations

import dataclasses

import re
from datetime import date, time, timedelta

from babel import dates as babel_dates

from storage.models import Guest, InvitationState, RsvpStatus

from bot.text import i18n
from bot.text.dates import format_date, format_time, format_when, zone_country, zone_name
from bot.text.hebrew_calendar import hebrew_date_text
from bot.text.shabbat import fast_day, rest_day_clash
from bot.text import hours
from bot.text.hours import parse_quiet_hours
from bot.text.i18n import N_, Raw, _, ngettext
from bot.text.sides import name as side_name
from bot.text.phones import display_phone, is_landline

MAX_TEXT = 4000          # a margin under WhatsApp's 4,096
PAGE_SIZE = 15           # guests per page: one phone screen
MAX_REPORTED_LINES = 10  # rejected/duplicate lines listed in an import summary

ROLE_NAMES = {"admin": N_("admin"), "editor": N_("editor"), "viewer": N_("viewer")}

ROLE_CAN = {
    "admin": N_("everything: edit the event, add and remove guests, send invitations and manage the team"),
    "editor": N_("add and edit guests, send invitations and messages, and see the answers"),
    "viewer": N_("see the guest list, the answers and the stats, and send messages"),
}

WELCOME_START = N_(
    "👋 Hi! I run event invitations on WhatsApp: you add guests, I invite them and "
    "collect their answers.\n\n"
    "To start, send your event like this:\n"
    "new event Dana & Noam's wedding\n"
    "date: 12/6/2027\n"
    "location: Tel Aviv"
)
NO_EVENTS_WELCOME = N_(
    "👋 Hi! I run event invitations on WhatsApp: you add guests, I invite them and "
    "collect their answers.\n\n"
    "To start, send your event like this:\n"
    "new event Dana & Noam's wedding\n"
    "date: 12/6/2027\n"
    "location: Tel Aviv"
    "\n\nSend *help* to see everything I can do."
)


def rest_day_note(event) -> str:
    """A line to add when an event in Israel, or read in Hebrew, falls on Shabbat or a festival before
    it ends, or starts on its eve after candle lighting ('' otherwise)."""
    if not event.date or not (event.language == "he" or (event.timezone or "") == "Asia/Jerusalem"):
        return ""
    clash = rest_day_clash(event.date, event.start_time, event.timezone, event.location)
    if clash is None:
        return _fast_note(event)
    kind, at = clash
    if kind == "eve":
        return "\n" + _("ℹ️ Shabbat or the festival begins at {time} that day, before the event starts.",
                         time=format_time(at))
    if kind == "yom_tov":
        return "\n" + _("ℹ️ That day is a Jewish festival, until {time}. If the event is after it, say when: "
                         "*set time 21:00*.", time=format_time(at))
    return "\n" + _("ℹ️ That day is Shabbat, until {time}. If the event is after it, say when: *set time 21:00*.",
                     time=format_time(at))


_FAST_NAMES = {"tisha_bav": N_("Tisha B'Av"), "tzom_tammuz": N_("the fast of 17 Tammuz"),
               "tzom_gedaliah": N_("the Fast of Gedaliah"), "asara_btevet": N_("the fast of 10 Tevet"),
               "taanit_esther": N_("the Fast of Esther")}


def _fast_note(event) -> str:
    fast = fast_day(event.date, event.start_time, event.timezone, event.location)
    if fast is None:
        return ""
    name, at = fast
    if name == "tisha_bav_eve":
        return "\n" + _("ℹ️ Tisha B'Av begins at {time} that day, before the event starts.", time=format_time(at))
    return "\n" + _("ℹ️ That day is {fast}, a fast day, until {time}. If the event is after it, say when: "
                     "*set time 21:00*.", fast=i18n.Raw(_(_FAST_NAMES[name])), time=format_time(at))


def past_date_note(d, today) -> str:
    """A warning to add when an event's date has already passed ('' otherwise)."""
    return _("\n⚠️ That date has already passed: check it, or *set date* again.") if d and d < today else ""

APOLOGY = "Sorry, something went wrong on my side. Please try again in a minute."
NON_ORGANISER_HINT = N_("I read text commands and CSV guest lists. Send *help* to see what I can do.")
NOT_A_CSV = N_("I can read guest lists from Excel (.xlsx) or CSV files, and nothing was changed. "
               "In Excel or Google Sheets: File → Save as / Download → .xlsx or CSV, then send the file here.")
DOWNLOAD_FAILED = N_("I couldn't download that file from WhatsApp. Please send it again.")
NOTHING_PENDING = N_("There's nothing waiting for a yes or no right now. Send *help* to see what I can do.")
NOTHING_TO_CANCEL = N_("Nothing to cancel.")
CANCELLED = N_("OK, cancelled. Nothing was changed.")
NO_MORE = N_("There's nothing more to show. Send *guests* for the list.")

# The commands named in replies ("send *guests* again"), by the name in the command table
# (`bot.chat.commands`): shown in the reader's language.
COMMAND_WORDS = {
    "new event": N_("new event"), "set": N_("set"), "events": N_("events"), "use": N_("use"),
    "event": N_("event"), "delete event": N_("delete event"), "reminders": N_("reminders"),
    "add guest": N_("add guest"), "guests": N_("guests"), "more": N_("more"), "find": N_("find"),
    "edit": N_("edit"), "mark": N_("mark"), "remove guest": N_("remove guest"), "stats": N_("stats"),
    "invite": N_("invite"), "remind": N_("remind"), "broadcast": N_("broadcast"), "message": N_("message"),
    "members": N_("members"), "add member": N_("add member"), "role": N_("role"),
    "remove member": N_("remove member"), "leave": N_("leave"), "notify": N_("notify"),
    "language": N_("language"), "token": N_("token"), "help": N_("help"), "yes / no": N_("yes / no"),
    "cancel": N_("cancel"), "it": N_("it"), "guest": N_("guest"), "chart": N_("chart"), "ask": N_("ask"),
    "answers": N_("answers"), "calls": N_("calls"), "called": N_("called"), "link": N_("link"),
    "inbox": N_("inbox"), "reply": N_("reply"), "quiet": N_("quiet"), "shabbat": N_("shabbat"),
    "day before": N_("day before"), "thank you": N_("thank you"), "export": N_("export"),
}

# Words an organiser reads about guests (filters, statuses).
STATUS_WORDS = {
    "not_invited": N_("not invited"), "failed": N_("invitation failed"), "pending": N_("pending"),
    "confirmed": N_("confirmed"), "declined": N_("declined"), "invited": N_("invited"), "maybe": N_("said maybe"),
}

LANGUAGE_NAMES = {"he": N_("Hebrew"), "en": N_("English"), "ar": N_("Arabic"), "ru": N_("Russian")}


def welcome_start() -> str:
    return _(WELCOME_START)


def no_events_welcome() -> str:
    return _(NO_EVENTS_WELCOME)


def no_events_now() -> str:
    """To someone whose events are gone (deleted, left): none now, and how to open one; no first-time welcome."""
    return _("You have no events now. To open a new one, send it like this:\n"
             "new event Dana & Noam's wedding\n"
             "date: 12/6/2027\n"
             "location: Tel Aviv")


def text_of(msgid: str) -> str:
    """One of this module's constant texts (NOT_A_CSV, CANCELLED, ...) in the reader's language."""
    return _(msgid)


def cap(text: str, limit: int = MAX_TEXT) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def short(text: str, limit: int = 30) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _raw(n) -> i18n.Raw:
    """A number printed as is (a line or list number, a year): no grouping, no isolates."""
    return i18n.Raw(str(n))


def _date(d) -> i18n.Raw:
    return i18n.Raw(format_date(d))


def guests_count(n: int) -> str:
    return ngettext("1 guest", "{n} guests", n)


def command_word(name: str) -> str:
    """A command as the reader types it ("guests" → "אורחים" in Hebrew); other text as is."""
    msgid = COMMAND_WORDS.get(name)
    return _(msgid) if msgid else name


def role_name(role) -> str:
    value = getattr(role, "value", role)
    msgid = ROLE_NAMES.get(value)
    return _(msgid) if msgid else str(value)


def status_word(status: str) -> str:
    msgid = STATUS_WORDS.get(status)
    return _(msgid) if msgid else status


def bullet_list(lines: list[str], limit: int = MAX_REPORTED_LINES) -> list[str]:
    shown = lines[:limit]
    if len(lines) > limit:
        shown.append(_("…and {n} more", n=len(lines) - limit))
    return shown


# ---------------------------------------------------------------- events

def when(event) -> str:
    """The event's date, with its start time when known ("Sat 12 Jun 2027, 19:30")."""
    return format_when(event.date, getattr(event, "start_time", None))


def event_line(event) -> str:
    bits = ["*" + i18n.isolate(event.name) + "*"]
    if event.date:
        bits.append(when(event))
    if event.location:
        bits.append(i18n.isolate(event.location))
    return " · ".join(bits)


def event_created(event) -> str:
    lines = [_("🎉 Created {event}.", event=i18n.Raw(event_line(event))), _("You're its admin.")]
    if not event.date:
        lines.append(_("Add the date: *set date 12/6/2027*"))
    if not getattr(event, "start_time", None):
        lines.append(_("Add the time it starts: *set time 19:30*"))
    if not event.location:
        lines.append(_("Add the place: *set location <place>*"))
    lines.append(_("Next: *add guest Dana Levi 050-234-5678*, or send a CSV file, then *invite*."))
    return "\n".join(lines)


def same_name_question(existing) -> str:
    return _("You already have an event called {event}. Create another one with the same name?",
             event=i18n.Raw(event_line(existing)))


def tell_guests_question(event, n: int) -> str:
    return ngettext("Tell the guest who got the invitation (and didn't decline) the new details?",
                    "Tell the {n} guests who got the invitation (and didn't decline) the new details?", n)


def invitation_warning(event, today: date) -> str:
    """What guests would read wrong in an invitation sent now ('' when nothing)."""
    notes = []
    if not event.date:
        notes.append(_("⚠️ {event} has no date yet: guests will read “date to be announced”. "
                       "Set it first with *set date 12/6/2027*.", event=event.name))
    elif event.date < today:
        notes.append(_("⚠️ The date of {event}, {date}, has already passed. Check it with *set date*.",
                       event=event.name, date=_date(event.date)))
    if not event.location:
        notes.append(_("⚠️ {event} has no place yet: guests will read “location to be announced”. "
                       "Set it with *set location <place>*.", event=event.name))
    return "\n".join(notes)


def events_list(rows: list[tuple[object, object, int]], current_id=None) -> str:
    """rows: (event, membership, guest count)."""
    lines = [_("*Your events*")]
    for n, (event, member, guests) in enumerate(rows, start=1):
        mark = _(" ← current") if current_id is not None and event.id == current_id else ""
        when = _(", {date}", date=_date(event.date)) if event.date else ""
        lines.append(_("{n}. {event}{when} ({role}, {guests}){mark}", n=_raw(n), event=event.name,
                       when=i18n.Raw(when), role=i18n.Raw(role_name(member.role)),
                       guests=i18n.Raw(guests_count(guests)), mark=i18n.Raw(mark)))
    if len(rows) > 1:
        lines.append("")
        lines.append(_("Send *use {n}* to work on another one.", n=_raw(_other_number(rows, current_id))))
    return cap("\n".join(lines))


def _other_number(rows, current_id) -> int:
    """A list number that is not the current event (for the example in a hint)."""
    for n, (event, _member, _guests) in enumerate(rows, start=1):
        if event.id != current_id:
            return n
    return 1


def choose_event(rows: list[tuple[object, object, int]], again: str | None = None) -> str:
    lines = [_("You have {n} events. Which one?", n=len(rows))]
    for n, (event, member, guests) in enumerate(rows, start=1):
        lines.append(_("{n}. {event} ({role})", n=_raw(n), event=event.name, role=i18n.Raw(role_name(member.role))))
    lines.append("")
    if again:
        lines.append(_("Send *use 2* (the number), then send *{command}* again.",
                       command=i18n.Raw(command_word(again))))
    else:
        lines.append(_("Send *use 2* (the number)."))
    return cap("\n".join(lines))


def now_using(event, member, guests: int) -> str:
    return _("Now working on {event} (you're {role}, {guests}).", event=i18n.Raw(event_line(event)),
             role=i18n.Raw(role_name(member.role)), guests=i18n.Raw(guests_count(guests)))


def event_details(event, member, guests: int, members: int, *, default_quiet: str | None = None,
                  region: str | None = None) -> str:
    lines = ["*" + i18n.isolate(event.name) + "*"]
    if event.date:
        lines.append(_("📅 {date}", date=i18n.Raw(_when_both(event))))
    else:
        lines.append(_("📅 no date yet (set date 12/6/2027)"))
    if event.location:
        lines.append(_("📍 {place}", place=event.location))
    else:
        lines.append(_("📍 no location yet (set location <place>)"))
    organisers = ngettext("1 organiser", "{n} organisers", members)
    lines.append(_("{guests} · {organisers} · you're {role}",
                   guests=i18n.Raw(guests_count(guests)), organisers=i18n.Raw(organisers),
                   role=i18n.Raw(role_name(member.role))))
    language = getattr(event, "language", None)
    if language:
        lines.append(_("🌐 Guests read: {language}", language=i18n.Raw(language_name(language))))
    if event.reminder_days:
        lines.append(_("Automatic reminders {when}", when=i18n.Raw(days_before(event.reminder_days))))
    else:
        lines.append(_("Automatic reminders off"))
    if member.notify:
        lines.append(_("Notifications of answers: on"))
    else:
        lines.append(_("Notifications of answers: off"))
    hours_now = _quiet_hours_of(event, default_quiet)
    lines.append(_("🌙 Quiet hours: {hours}", hours=i18n.Raw(hours_now)) if hours_now
                 else _("🔔 Quiet hours: none"))
    lines.append(_("🕯 Shabbat hold: on") if getattr(event, "shabbat", False) else _("🕯 Shabbat hold: off"))
    lines.append(_("📅 Day-before message: on") if getattr(event, "day_before", True)
                 else _("📅 Day-before message: off"))
    tz = getattr(event, "timezone", None)
    if tz and region and zone_country(tz) and zone_country(tz) != str(region).upper():
        # an event abroad: its times are the place's
        lines.append(_("🕰 Times are {zone}", zone=zone_name(tz)))
    return "\n".join(lines)


def _when_both(event) -> str:
    """When the event is; for a Hebrew reader, who checks it on either calendar, with the Hebrew date."""
    shown = when(event)
    if i18n.current() == "he" and event.date:
        shown += f" ({hebrew_date_text(event.date)})"
    return shown


def _quiet_hours_of(event, default_hours: str | None) -> str:
    """"22:00–08:00" (the event's own or the default), or "" when there are none."""
    own = getattr(event, "quiet_hours", None)
    if own == "off" or (own is None and not parse_quiet_hours(default_hours)):
        return ""
    return _hours(own if own is not None else default_hours)


def quiet_shown(event, default_hours: str | None) -> str:
    """The bare `quiet`: the event's quiet hours now, and how to change them."""
    hours_now = _quiet_hours_of(event, default_hours)
    if not hours_now:
        return _("🔔 No quiet hours for {event}: messages to guests go out at any hour. "
                 "Change: *quiet 22-8*", event=event.name)
    if getattr(event, "quiet_hours", None) is None:
        return _("🌙 Quiet hours for {event}: {hours} (the default). Change: *quiet 21-9* or *quiet off*",
                 event=event.name, hours=i18n.Raw(hours_now))
    return _("🌙 Quiet hours for {event}: {hours}. Change: *quiet 21-9*, *quiet off* or *quiet default*",
             event=event.name, hours=i18n.Raw(hours_now))


def shabbat_shown(event) -> str:
    """The bare `shabbat`: whether messages wait for Shabbat and holidays, and how to change it."""
    if event.shabbat:
        return _("🕯 Shabbat hold for {event}: on. Messages to guests wait until Shabbat and holidays end. "
                 "Change: *shabbat off*", event=event.name)
    return _("🕯 Shabbat hold for {event}: off. Messages to guests go out on Shabbat and holidays too. "
             "Change: *shabbat on*", event=event.name)


def day_before_shown(event) -> str:
    """The bare `day before`: whether confirmed guests get the day-before message."""
    if getattr(event, "day_before", True):
        return _("📅 Day-before message for {event}: on. Each confirmed guest gets the time, the place, "
                 "Waze and Google Maps links and a calendar link. Change: *day before off*", event=event.name)
    return _("📅 Day-before message for {event}: off. Change: *day before on*", event=event.name)


def reminders_shown(event) -> str:
    """The bare `reminders`: the automatic reminder days, and how to change them."""
    if not event.reminder_days:
        return _("⏰ Automatic reminders for {event}: off. Change: *reminders 7 2*", event=event.name)
    return _("⏰ Automatic reminders for {event}: {when}. Change: *reminders 14 7 2* or *reminders off*",
             event=event.name, when=i18n.Raw(days_before(event.reminder_days)))


def guests_not_told(fields: list[str]) -> str:
    """"No" to telling the guests of a new date, time or place: the change stays."""
    if fields == ["date"]:
        return _("OK, I won't tell the guests. The new date stays.")
    if fields == ["time"]:
        return _("OK, I won't tell the guests. The new time stays.")
    if fields == ["location"]:
        return _("OK, I won't tell the guests. The new place stays.")
    return _("OK, I won't tell the guests. The new details stay.")


def event_changed(event, field: str, value) -> str:
    if field == "language":
        return _("🌐 Guests of {event} now get their messages in {language}.", event=event.name,
                 language=i18n.Raw(language_name(value)))
    if field == "date":
        return _("📅 {event} is now on {date}.", event=event.name, date=i18n.Raw(_when_both(event)))
    if field == "time":
        if value is None:
            return _("🕗 {event} has no start time now.", event=event.name)
        return _("🕗 {event} now starts at {time}.", event=event.name, time=format_time(value))
    if field == "location":
        return _("📍 {event} is now at {place}.", event=event.name, place=str(value))
    return _("Renamed the event to *{event}*.", event=event.name)


def delete_event_question(event, guests: int) -> str:
    return _("Delete *{event}* with its {guests} and all their answers? "
             "This can't be undone. Reply yes or no.", event=event.name, guests=i18n.Raw(guests_count(guests)))


def event_deleted(name: str) -> str:
    return _("🗑 Deleted {event}.", event=name)


def reminders_set(event) -> str:
    if not event.reminder_days:
        return _("Automatic reminders are off for {event}.", event=event.name)
    when = i18n.Raw(days_before(event.reminder_days))
    if event.date:
        return _("⏰ {event}: I'll remind guests who haven't answered {when}.", event=event.name, when=when)
    return _("⏰ {event}: I'll remind guests who haven't answered {when}. "
             "They start once the event has a date (*set date 12/6/2027*).", event=event.name, when=when)


def days_before(days) -> str:
    """"1 day before", "2 days before", "14, 7, 2 days before": reminder rounds as a phrase."""
    days = list(days)
    return ngettext("{days} day before", "{days} days before", days[0] if len(days) == 1 else 100,
                    days=i18n.Raw(", ".join(i18n.number(d) for d in days)))


def language_name(code: str) -> str:
    msgid = LANGUAGE_NAMES.get(code)
    return _(msgid) if msgid else code


def language_set(code: str) -> str:
    return _("🌐 OK, I'll write to you in {language}.", language=i18n.Raw(language_name(code)))


def _hours(text: str) -> str:
    """"22-8" as "22:00–08:00"."""
    quiet = parse_quiet_hours(text)
    return f"{quiet.start:%H:%M}–{quiet.end:%H:%M}" if quiet else ""


def quiet_set(event, default_hours: str | None) -> str:
    own = getattr(event, "quiet_hours", None)
    if own == "off" or (own is None and not parse_quiet_hours(default_hours)):
        return _("🔔 No quiet hours for {event}: messages to guests go out at any hour.", event=event.name)
    hours = _hours(own if own is not None else default_hours)
    return _("🌙 Quiet hours for {event}: {hours}. Messages to guests wait for the morning "
             "(replies to a guest who just wrote don't).", event=event.name, hours=i18n.Raw(hours))


def shabbat_set(event) -> str:
    if event.shabbat:
        return _("🕯 No messages to guests of {event} on Shabbat and Jewish holidays: they wait until "
                 "it ends.", event=event.name)
    return _("Messages to guests of {event} go out on Shabbat and holidays too.", event=event.name)


def day_before_set(event) -> str:
    if event.day_before:
        return _("📅 The day before {event}, each confirmed guest gets the time, the place, Waze and Google "
                 "Maps links and a calendar link.", event=event.name)
    return _("No day-before message for {event}.", event=event.name)


def thanks_too_early(event) -> str:
    if event.date is None:
        return _("{event} has no date yet: thanks go out after the event.", event=event.name)
    return _("{event} is on {date}: thanks go out after it. Send *thank you <text>* then.",
             event=event.name, date=_date(event.date))


def notify_shown(event, on: bool) -> str:
    """The bare `notify`: whether this organiser gets a message for each answer."""
    if on:
        return _("🔔 Answer notifications for {event}: on. Change: *notify off*", event=event.name)
    return _("🔕 Answer notifications for {event}: off. Change: *notify on*", event=event.name)


def notify_set(event, on: bool) -> str:
    if on:
        return _("🔔 I'll tell you each guest's answer for {event}.", event=event.name)
    return _("🔕 No more answer notifications for {event}.", event=event.name)


# ---------------------------------------------------------------- guests

def _people(guest) -> int:
    """Guest.people, for guests and look-alikes alike: the party size, or one when not said."""
    party = getattr(guest, "party_size", None)
    return party if party is not None else 1


def guest_name(guest: Guest) -> str:
    if getattr(guest, "forgotten_at", None) is not None:
        return _("a guest who asked to be forgotten")
    return guest.full_name


def status_mark(guest: Guest) -> str:
    if guest.status == RsvpStatus.confirmed:
        mark = f"✅ {_people(guest)}"
        kids = getattr(guest, "children", None)  # None: not said
        if kids:
            children = ngettext("1 child", "{n} children", kids)
            mark += _(" ({children})", children=i18n.Raw(children))
        return mark
    if guest.status == RsvpStatus.declined:
        return "❌"
    if getattr(guest, "answered_at", None) is not None:
        return _("🤔 maybe")
    return _("⏳ pending")


def invitation_note(guest: Guest) -> str:
    if guest.opted_out:
        return _(" · opted out")
    if guest.invitation == InvitationState.failed:
        return _(" · ⚠️ not delivered")
    if guest.invitation == InvitationState.not_sent and guest.status == RsvpStatus.invited:
        return _(" · not invited yet")
    if guest.status == RsvpStatus.invited and guest.invitation == InvitationState.read:
        return _(" · seen")
    return ""


DELIVERY_WORDS = {"not_sent": N_("not sent yet"), "sent": N_("sent"), "delivered": N_("delivered"),
                  "read": N_("read"), "failed": N_("not delivered")}
CALL_WORDS = {"yes": N_("coming"), "no": N_("not coming"), "maybe": N_("maybe"), "no_answer": N_("no answer")}


def user_name(user) -> str:
    if user.display_name:
        return i18n.isolate(user.display_name)
    return i18n.isolate(display_phone(user.phone)) if user.phone else _someone()


def answer_text(guest: Guest) -> str:
    """The guest's answer in words: "✅ coming, 3 people (1 child)", "✅ coming" (how many not
    said), "🤔 maybe", "⏳ no answer yet". Organisers read it in cards, call notes and the
    notice of each answer."""
    if guest.status == RsvpStatus.confirmed:
        if getattr(guest, "party_size", None) is None:
            return _("✅ coming")
        people = ngettext("1 person", "{n} people", _people(guest))
        if getattr(guest, "children", None):
            children = ngettext("1 child", "{n} children", guest.children)
            return _("✅ coming, {people} ({children})", people=i18n.Raw(people), children=i18n.Raw(children))
        return _("✅ coming, {people}", people=i18n.Raw(people))
    if guest.status == RsvpStatus.declined:
        return _("❌ not coming")
    if getattr(guest, "answered_at", None) is not None:
        return _("🤔 maybe")
    return _("⏳ no answer yet")


def guest_card(event, guest: Guest, *, adder: str | None, link: str | None = None, caller: str | None = None,
               questions: list | None = None) -> str:
    """Everything about one guest, for `guest <ref>`."""
    lines = [_("👤 *{name}* · {event}", name=guest_name(guest), event=event.name)]
    contact = display_phone(guest.phone)
    if guest.side:
        contact = _("{phone} · side {side}", phone=contact, side=side_name(guest.side))
    lines.append(_("📞 {contact}", contact=i18n.Raw(contact)))
    lines.append(answer_text(guest))
    delivery = _(DELIVERY_WORDS.get(guest.invitation.value, guest.invitation.value))
    if guest.invitation == InvitationState.failed and guest.invitation_error:
        delivery = _("{state}: {reason}", state=i18n.Raw(delivery), reason=i18n.Raw(reason_text(guest.invitation_error)))
    lines.append(_("✉️ Invitation: {state}", state=i18n.Raw(delivery)))
    if guest.opted_out:
        lines.append(_("🔕 Asked not to get messages"))
    if guest.notes:
        lines.append(_("📝 {notes}", notes=guest.notes))
    if getattr(guest, "call_outcome", None):
        outcome = _(CALL_WORDS.get(guest.call_outcome, guest.call_outcome))
        called = getattr(guest, "called_at", None)
        if called is not None:
            lines.append(_("☎️ Last call, {date}: {outcome} ({who})", date=_date(called.date()),
                           outcome=i18n.Raw(outcome), who=i18n.Raw(caller or _someone())))
        else:
            lines.append(_("☎️ Last call: {outcome} ({who})", outcome=i18n.Raw(outcome),
                           who=i18n.Raw(caller or _someone())))
    answers = getattr(guest, "answers", None) or {}
    for q in questions or []:
        if str(q["id"]) in answers:
            lines.append(_("🗳 {question} {answer}", question=q["text"], answer=answers[str(q["id"])]))
    if link:
        lines.append(_("🔗 {link}", link=i18n.Raw(link)))
    lines.append(_("Added by you") if adder is None else _("Added by {name}", name=i18n.Raw(adder)))
    return cap("\n".join(lines))


CALL_REASONS = {"failed": N_("the invitation didn't arrive"), "unread": N_("hasn't opened the invitation"),
                "no_answer": N_("hasn't replied to the invitation"), "maybe": N_("said maybe"),
                "opted_out": N_("asked for no more messages, so only a call will reach them")}


def call_list(found, links: dict | None = None, start: int = 1) -> str:
    """The member's share of the call list, numbered for *called <n> ...*; `start` is the
    number of the first one shown (*more* shows the next page)."""
    event = found.event
    waiting = getattr(found, "waiting", 0)
    days = getattr(found, "wait_days", 2)
    if not found.total and not found.invited:
        return _("☎️ Nobody to call for {event} yet: the invitations haven't gone out (*invite*).", event=event.name)
    if not found.total and waiting:
        return ngettext("☎️ Nobody to call for {event} yet: the one guest who hasn't answered was invited in the "
                        "last {days} days. Give them time; send *calls* again after that.",
                        "☎️ Nobody to call for {event} yet: the {n} guests who haven't answered were invited in the "
                        "last {days} days. Give them time; send *calls* again after that.",
                        waiting, event=event.name, days=_raw(days))
    if not found.total:
        return _("☎️ Nobody to call for {event}: every invited guest has answered.", event=event.name)
    if not found.mine:
        return ngettext("☎️ No calls for you for {event} right now: the one guest to call is on another "
                        "organiser's share.",
                        "☎️ No calls for you for {event} right now: the {n} guests to call are on the others' shares.",
                        found.total, event=event.name)
    if found.callers > 1 and len(found.mine) < found.total:
        head = _("☎️ *Your calls for {event}*: {mine} of {total} (the list is split among {callers} of you).",
                 event=event.name, mine=len(found.mine), total=found.total, callers=found.callers)
    else:
        head = _("☎️ *Calls for {event}*: {total}", event=event.name, total=found.total)
    lines = [head]
    if waiting and start == 1:
        lines.append(ngettext("(1 guest invited in the last {days} days isn't on it yet: too soon to call.)",
                              "({n} guests invited in the last {days} days aren't on it yet: too soon to call.)",
                              waiting, days=_raw(days)))
    page = found.mine[start - 1:start - 1 + PAGE_SIZE]
    for n, item in enumerate(page, start=start):
        guest = item.guest
        if guest is None:
            continue   # answered since the list was shown: its number stays taken
        note = _(CALL_REASONS.get(item.reason, item.reason))
        if getattr(guest, "call_outcome", None) == "no_answer":
            note = _("{reason} · didn't pick up the phone last time", reason=i18n.Raw(note))
        lines.append(_("{n}. {name} {phone} · {note}", n=_raw(n), name=guest_name(guest),
                       phone=i18n.Raw(_dialable(guest.phone)), note=i18n.Raw(note)))
        if links and links.get(guest.id):
            lines.append(_("   their page, to send by SMS: {link}", link=i18n.Raw(links[guest.id])))
    end = start - 1 + len(page)
    if end < len(found.mine):
        nxt = min(end + PAGE_SIZE, len(found.mine))
        lines.append(_("\n{start}–{end} of {total}. Send *more* for {next_start}–{next_end}.",
                       start=_raw(start), end=_raw(end), total=len(found.mine), next_start=_raw(end + 1),
                       next_end=_raw(nxt)))
    lines.append(_("\nAfter a call: *called 1 yes party 2* (or no, maybe, no answer)."))
    return cap("\n".join(lines))


def nobody_to_ask(event) -> str:
    return _("Nobody to ask yet: no guest of {event} has said they are coming.", event=event.name)


def ask_question(event, text: str, options: list[str], count: int, skipped: dict) -> str:
    listed = " / ".join(i18n.isolate(o) for o in options)
    return _("Ask {guests} coming to {event}:\n\n“{question}”\n{options}\n\n", guests=i18n.Raw(guests_count(count)),
             event=event.name, question=text, options=i18n.Raw(listed)) + (_skipped(skipped).strip() + _(" Reply yes or no.")).strip()


def question_sent(event, question: dict, total: int) -> str:
    return _("📋 Asking {guests} of {event}: “{question}”. Send *answers* for the totals.",
             guests=i18n.Raw(guests_count(total)), event=event.name, question=question["text"])


def answers_totals(event, found: list) -> str:
    """Per question: each option's guests and people (adults and children), and by side."""
    if not found:
        return _("No questions for {event} yet. Ask the confirmed guests: *ask Meal? meat / fish / vegan*",
                 event=event.name)
    lines = [_("📋 *Answers for {event}*", event=event.name)]
    for item in found:
        lines.append("")
        lines.append("*" + i18n.isolate(item.question["text"]) + "*")
        for row in item.options:
            people = ngettext("1 person", "{n} people", row.adults + row.children)
            if row.children:
                adults = ngettext("1 adult", "{n} adults", row.adults)
                children = ngettext("1 child", "{n} children", row.children)
                people = _("{people} ({adults}, {children})", people=i18n.Raw(people),
                           adults=i18n.Raw(adults), children=i18n.Raw(children))
            lines.append(_("{option}: {people} · {guests}", option=row.option, people=i18n.Raw(people),
                           guests=i18n.Raw(guests_count(row.guests))))
            sides = {k: v for k, v in row.by_side.items() if k}
            if sides:
                lines.append("   " + " · ".join(f"{i18n.isolate(k)} {i18n.number(v)}" for k, v in sorted(sides.items())))
        if item.unanswered:
            lines.append(ngettext("⏳ 1 guest coming hasn't answered", "⏳ {n} guests coming haven't answered",
                                  item.unanswered))
    return cap("\n".join(lines))


def _dialable(phone: str) -> str:
    """The full international number, as WhatsApp makes a tap-to-call link of it ("+972 54-123-4001")."""
    return i18n.isolate(display_phone(phone))


def call_logged(event, guest: Guest) -> str:
    outcome = getattr(guest, "call_outcome", None)
    if outcome == "no_answer":
        return _("☎️ Noted: {name} didn't pick up. They stay on the call list.", name=guest_name(guest))
    return _("☎️ Noted the call with {name}: {answer}.", name=guest_name(guest), answer=i18n.Raw(answer_text(guest)))


def _not_invited_yet(guest: Guest) -> bool:
    """Nobody asked them yet: no invitation went out and no answer came in any other way."""
    return (not guest.opted_out and guest.invitation == InvitationState.not_sent
            and guest.status == RsvpStatus.invited and getattr(guest, "answered_at", None) is None)


def guest_line(n: int, guest: Guest, waiting=None) -> str:
    if waiting is not None and guest.id in waiting.guest_ids and guest.status == RsvpStatus.invited:
        # queued or held for the night or Shabbat: on its way, not "not invited yet"
        return _("{n}. {name} · ⏳ invitation waiting to go out", n=_raw(n), name=guest_name(guest))
    if _not_invited_yet(guest):
        # "pending" would say they owe an answer to an invitation they never got
        return _("{n}. {name} · not invited yet", n=_raw(n), name=guest_name(guest))
    return _("{n}. {name} {status}{note}", n=_raw(n), name=guest_name(guest), status=i18n.Raw(status_mark(guest)),
             note=i18n.Raw(invitation_note(guest)))


_WITH_CODE = re.compile(r"^(.*) \(error (\d+)\)$")


def reason_text(reason: str) -> str:
    """Why a message failed, stored in English ("not on WhatsApp", "WhatsApp refused the
    message (error 131999)"), in the reader's language."""
    m = _WITH_CODE.match(reason or "")
    if m:
        return _("{reason} (error {code})", reason=Raw(_(m.group(1))), code=Raw(m.group(2)))
    return _(reason) if reason else reason


def failed_line(n: int, guest: Guest) -> str:
    if guest.invitation_error:
        return _("{n}. {name} {phone}: {error}", n=_raw(n), name=guest_name(guest),
                 phone=display_phone(guest.phone), error=Raw(reason_text(guest.invitation_error)))
    return _("{n}. {name} {phone}: not delivered", n=_raw(n), name=guest_name(guest),
             phone=display_phone(guest.phone))


def _filter_words(status: str | None, side: str | None) -> str:
    words = []
    if status:
        words.append(status_word(status))
    if side:
        words.append(side_words(side))
    return ", ".join(words)


def side_words(side: str) -> str:
    """'side Dana' (a filter or a guest's detail)."""
    return _("side {side}", side=side_name(side))


def guests_page(event, guests: list[Guest], start: int, total: int, *, status=None, side=None,
                search: str | None = None, waiting=None) -> str:
    """One page of a guest listing, numbered from `start` (1-based)."""
    count = i18n.Raw(guests_count(total))
    if search is not None:
        title = _("*{event}*: {guests} matching “{search}”", event=event.name, guests=count, search=search)
    else:
        filters = _filter_words(status, side)
        if filters:
            title = _("*{event}*: {guests} ({filters})", event=event.name, guests=count, filters=i18n.Raw(filters))
        else:
            title = _("*{event}*: {guests}", event=event.name, guests=count)
    if total == 0:
        if search is not None:
            return _("No guest of {event} matches “{search}”.", event=event.name, search=search)
        if status == "failed" and not side:
            return _("✅ No failed invitations for {event}.", event=event.name)
        if status or side:
            return _("No guests of {event} are {filters}.", event=event.name,
                     filters=i18n.Raw(_filter_words(status, side)))
        return no_guests_yet(event)
    if status == "failed":
        lines = [title] + [failed_line(start + i, g) for i, g in enumerate(guests)]
    else:
        lines = [title] + [guest_line(start + i, g, waiting) for i, g in enumerate(guests)]
    if waiting is not None and waiting.total and any(g.id in waiting.guest_ids for g in guests):
        lines += [""] + waiting_lines(event, waiting)
    end = start + len(guests) - 1
    if end < total:
        nxt = min(end + PAGE_SIZE, total)
        lines.append(_("\n{start}–{end} of {total}. Send *more* for {next_start}–{next_end}.",
                       start=_raw(start), end=_raw(end), total=total, next_start=_raw(end + 1),
                       next_end=_raw(nxt)))
    elif status == "failed":
        lines.append(_("\nFix a number with *edit {n} phone <number>*, then *invite* again.", n=_raw(start)))
    return cap("\n".join(lines))


def _pick_list(title: str, guests: list[Guest], total: int, again: str | None) -> str:
    """`title`, the guests numbered to pick from, and how to pick (`again`, the command with a number)."""
    lines = [title]
    lines += [_("{n}. {name} {phone}", n=_raw(n), name=guest_name(g), phone=display_phone(g.phone))
              for n, g in enumerate(guests, start=1)]
    if total > len(guests):
        lines.append(_("…and {n} more: try a fuller name or the phone.", n=total - len(guests)))
    if again:
        lines.append(_("\nSend it again with the number, e.g. *{command}*.", command=again))
    return cap("\n".join(lines))


def ambiguous_guests(text: str, guests: list[Guest], total: int, again: str) -> str:
    return _pick_list(_("{guests} match “{text}”. Which one?", guests=i18n.Raw(guests_count(total)), text=text),
                      guests, total, again)


def guests_meant(text: str, guests: list[Guest], total: int, again: str) -> str:
    """No guest's name begins with `text`, but these hold it: asked, never taken."""
    return _pick_list(_("No guest is called “{text}”. Did you mean:", text=text), guests, total, again)


def guests_sounding_like(text: str, guests: list[Guest], again: str | None) -> str:
    """No guest is called `text`, but these sound like it (written in the other script)."""
    return _pick_list(_("No guest is called “{text}”, but these sound like it:", text=text), guests, len(guests), again)


def pick_from(listed: int) -> str:
    """A number the pick list just shown does not have."""
    if listed == 1:
        return _("There's only one name on that list: send *1* to choose it, or write the command again.")
    return _("That list goes from 1 to {n}: send one of those numbers, or write the command again.", n=_raw(listed))


CHART_FAILED = N_("I couldn't send the picture just now. *stats* has the numbers.")


def chart_caption(event) -> str:
    return _("📊 {event}: the answers so far", event=event.name)


EXPORT_FAILED = N_("I couldn't send the file just now. Please send *export* again in a minute.")
# The guest list as a sheet: its columns, named as the import reads them back (bot.services.guest_csv)
SHEET_COLUMNS = (N_("first name"), N_("last name"), N_("phone"), N_("side"), N_("answer"), N_("party"),
                 N_("children"), N_("notes"), N_("invitation"), N_("answered on"))
SHEET_ANSWERS = {"confirmed": N_("coming"), "declined": N_("not coming"), "maybe": N_("maybe"),
                 "pending": N_("no answer yet")}


def export_caption(event, guests: int) -> str:
    return _("📎 {event}: the guest list ({guests}). It opens in Excel or Google Sheets.", event=event.name,
             guests=i18n.Raw(guests_count(guests)))


def sheet_row(guest: Guest, answer: str, answered_on, extra: list) -> list:
    """One guest as a row of the exported sheet (SHEET_COLUMNS, then the event's questions)."""
    forgotten = getattr(guest, "forgotten_at", None) is not None
    invitation = _("opted out") if guest.opted_out else _(DELIVERY_WORDS[guest.invitation.value])
    return [guest_name(guest) if forgotten else guest.first_name, "" if forgotten else (guest.last_name or ""),
            "" if forgotten else display_phone(guest.phone), guest.side or "", _(SHEET_ANSWERS[answer]),
            guest.party_size, guest.children, guest.notes or "", invitation, answered_on, *extra]


def guest_link(event, guest: Guest, url: str, renewed: bool = False) -> str:
    head = _("🔗 A new page for {name} ({event}); the old link no longer works:", name=guest_name(guest),
             event=event.name) if renewed else _("🔗 {name}'s own page for {event}:", name=guest_name(guest),
                                                 event=event.name)
    return head + "\n" + i18n.isolate(url) + "\n" + _(
        "Pass it on by SMS or any app: they can answer there, without WhatsApp.")


def links_not_set_up() -> str:
    """`link <ref>` on a bot that has no public address (or app secret) for guests' pages:
    in plain words; the settings it needs are named in the log and the README."""
    return _("🔗 Personal pages for guests aren't set up on this bot yet. Whoever runs the bot can "
             "turn them on.")


def guest_added(event, guest: Guest) -> str:
    bits = []
    if guest.side:
        bits.append(side_words(guest.side))
    if guest.party_size:
        bits.append(_("party {n}", n=_raw(guest.party_size)))
    extra = _(" ({details})", details=i18n.join(bits)) if bits else ""
    opted = _(" They opted out of messages earlier, so I won't message them.") if guest.opted_out else ""
    if is_landline(guest.phone):
        opted += "\n" + _("⚠️ That looks like a landline, and WhatsApp rarely runs on one: "
                          "a mobile number will reach them.")
    return _("✅ Added {name} {phone}{extra} to {event}.{opted}", name=guest_name(guest),
             phone=display_phone(guest.phone), extra=i18n.Raw(extra), event=event.name, opted=i18n.Raw(opted))


# What was imported and what its parts are called ("line 3", "card 2").
IMPORT_WHAT = {"guest list": N_("guest list"), "list": N_("list"), "contact cards": N_("contact cards")}


def _unit(unit: str, line) -> str:
    if unit == "card":
        return _("card {n}", n=_raw(line))
    if unit == "line":
        return _("line {n}", n=_raw(line))
    return f"{unit} {line}"


def _units(unit: str, n: int) -> str:
    if unit == "card":
        return ngettext("1 card", "{n} cards", n)
    if unit == "line":
        return ngettext("1 line", "{n} lines", n)
    return f"{n:,} {unit if n == 1 else unit + 's'}"


def _whose(unit: str, line, name: str | None) -> str:
    """"line 4" or, when the row gives a name, "line 4 (Ron Raz)"."""
    if not name:
        return _unit(unit, line)
    return _("{where} ({name})", where=i18n.Raw(_unit(unit, line)), name=short(name, 40))


def _repeated(unit: str, line, name: str | None, earlier) -> str:
    """"line 9 (Ron Raz): repeats the number on line 6": the same number twice in one import."""
    return _("{where}: the same number as {earlier}", where=i18n.Raw(_whose(unit, line, name)),
             earlier=i18n.Raw(_unit(unit, earlier)))


def _duplicate(unit: str, line, guest: Guest, adder: str | None, name: str | None = None) -> str:
    """"line 3: Avi Cohen, added by Dana" (`adder` None: the reader added them); a row with
    another name says whose number it is: "line 6 (Ron Raz): the number of Natan Alon, …"."""
    if line is not None and name and " ".join(name.split()).casefold() != " ".join(guest.full_name.split()).casefold():
        where = i18n.Raw(_whose(unit, line, name))
        if adder is None:
            return _("{where}: the number of {name}, already on the list (added by you)", where=where,
                     name=guest.full_name)
        return _("{where}: the number of {name}, already on the list (added by {adder})", where=where,
                 name=guest.full_name, adder=adder)
    if adder is None:
        if line is None:
            return _("{name}, added by you", name=guest.full_name)
        return _("{where}: {name}, added by you", where=i18n.Raw(_unit(unit, line)), name=guest.full_name)
    if line is None:
        return _("{name}, added by {adder}", name=guest.full_name, adder=adder)
    return _("{where}: {name}, added by {adder}", where=i18n.Raw(_unit(unit, line)), name=guest.full_name,
             adder=adder)


def _count_kept(guest: Guest, said: int) -> str:
    """A row gives another party size for a guest already on the list: the list keeps its own, and
    says how to change it."""
    if guest.party_size is None:
        return _("✏️ On the list: {name}, no count. To make it {n}: *edit {name} party {n}*",
                 name=guest.full_name, n=_raw(said))
    return _("✏️ On the list: {name}, {old}. To make it {n}: *edit {name} party {n}*",
             name=guest.full_name, old=_raw(guest.party_size), n=_raw(said))


def import_summary(event, result, *, what: str = "guest list", unit: str = "line", reader=None) -> str:
    """What an import (several lines, contact cards, a CSV file) did, by line; guests the
    `reader` (a user id) added themselves read "added by you"."""
    created, dupes, rejected = len(result.created), len(result.duplicates), len(result.rejected)
    shown_what = _(IMPORT_WHAT[what]) if what in IMPORT_WHAT else what
    lines = [_("*{event}*: {what} read.", event=event.name, what=shown_what)]
    lines.append(_("✅ Added {guests}.", guests=i18n.Raw(guests_count(created))))
    names = getattr(result, "names", {}) or {}
    repeats = getattr(result, "repeats", {}) or {}
    if dupes:
        on_list = [(line, guest, adder) for line, guest, adder in result.duplicates if line not in repeats]
        twice = [line for line, _guest, _adder in result.duplicates if line in repeats]
        if on_list:
            lines.append(_("↩️ {guests} already on the list:", guests=i18n.Raw(guests_count(len(on_list)))))
            lines += bullet_list([
                _duplicate(unit, line, guest, None if reader and guest.added_by == reader else adder, names.get(line))
                for line, guest, adder in on_list])
        if twice:
            # two rows, one number: a guest is one number, so the later row is left out (a couple sharing a
            # phone is one guest, their party two)
            lines.append(ngettext("📞 1 line gives a number already given above (one guest per number):",
                                  "📞 {n} lines give a number already given above (one guest per number):",
                                  len(twice)))
            lines += bullet_list([_repeated(unit, line, names.get(line), repeats[line]) for line in twice])
        counts = getattr(result, "counts", {}) or {}
        for line, guest, _adder in result.duplicates:
            if line in counts:
                lines.append(_count_kept(guest, counts[line]))
    if rejected:
        lines.append(_("⚠️ {lines} not added:", lines=i18n.Raw(_units(unit, rejected))))
        lines += bullet_list([
            _("{where}: {reason}", where=i18n.Raw(_whose(unit, line, names.get(line))), reason=i18n.Raw(reason))
            if line is not None else reason for line, reason in result.rejected
        ])
        lines.append(_("Fix those and send them again."))
    landlines = [(line, guest) for line, guest in result.created if is_landline(guest.phone)]
    if landlines:
        lines.append(ngettext("⚠️ 1 number looks like a landline, and WhatsApp rarely runs on one: "
                              "a mobile number will reach them:",
                              "⚠️ {n} numbers look like landlines, and WhatsApp rarely runs on one: "
                              "a mobile number will reach them:", len(landlines)))
        lines += bullet_list([_("{name} {phone}", name=guest_name(guest), phone=display_phone(guest.phone))
                              for _line, guest in landlines])
    if created and not rejected:
        lines.append(_("Send *invite* when you're ready."))
    return cap("\n".join(lines))


def guest_updated(event, guest: Guest, field: str, old_name: str | None = None) -> str:
    name = old_name or guest_name(guest)
    if field in ("name", "first_name", "last_name"):
        text = _("✏️ Changed {name}'s name to {new} ({event}).", name=name, new=guest_name(guest), event=event.name)
    elif field == "phone":
        text = _("✏️ Changed {name}'s phone to {new} ({event}).", name=name, new=display_phone(guest.phone),
                 event=event.name)
    elif field == "side":
        text = _("✏️ Changed {name}'s side to {new} ({event}).", name=name,
                 new=side_name(guest.side) if guest.side else "-", event=event.name)
    elif field == "party":
        text = _("✏️ Changed {name}'s party to {new} ({event}).", name=name,
                 new=_raw(guest.party_size if guest.party_size is not None else "-"), event=event.name)
    elif field == "note":
        text = _("✏️ Changed {name}'s note ({event}).", name=name, event=event.name)
    else:
        raise KeyError(field)
    if field == "phone" and guest.invitation == InvitationState.not_sent:
        text += _(" Send *invite* to invite the new number.")
    return text


def guest_marked(event, guest: Guest, overridden=None) -> str:
    """What *mark* did; `overridden`: the guest's own answer it replaced (said after it)."""
    text = _guest_marked(event, guest)
    if overridden is not None:
        text += " " + _("They had answered themselves: {answer}.", answer=i18n.Raw(answer_text(overridden)))
    return text


def _guest_marked(event, guest: Guest) -> str:
    if guest.status == RsvpStatus.confirmed:
        party = _people(guest)
        kids = getattr(guest, "children", None)  # None: not said
        if kids:
            children = ngettext("1 child", "{n} children", kids)
            return _("✅ Marked {name} as coming ({party}, {children}) for {event}.", name=guest_name(guest),
                     party=party, children=i18n.Raw(children), event=event.name)
        return _("✅ Marked {name} as coming ({party}) for {event}.", name=guest_name(guest), party=party,
                 event=event.name)
    if guest.status == RsvpStatus.declined:
        return _("❌ Marked {name} as not coming to {event}.", name=guest_name(guest), event=event.name)
    if getattr(guest, "answered_at", None) is not None:
        return _("🤔 Marked {name} as maybe for {event}.", name=guest_name(guest), event=event.name)
    return _("⏳ Marked {name} as pending for {event}.", name=guest_name(guest), event=event.name)


def remove_guest_question(event, guest: Guest) -> str:
    return _("Remove {name} {phone} from {event}? Reply yes or no.", name=guest_name(guest),
             phone=display_phone(guest.phone), event=event.name)


def guest_removed(event_name: str, name: str) -> str:
    return _("🗑 Removed {name} from {event}.", name=name, event=event_name)


def stats(event, data: dict) -> str:
    total = data["total"]
    if total == 0:
        return _("*{event}* has no guests yet. Add some with *add guest* or a CSV file.", event=event.name)
    by = data["by_status"]
    inv = data["invitations"]
    rate = round(data["confirmation_rate"] * 100)
    people = ngettext("1 person", "{n} people", data["expected_headcount"])
    if data.get("children_known", data.get("expected_children")):
        # Shown only when some confirmed guest said how many children they bring.
        adults = ngettext("1 adult", "{n} adults", data["expected_adults"])
        children = ngettext("1 child", "{n} children", data["expected_children"])
        expected = _("{guests} · {people} expected ({adults}, {children})", guests=i18n.Raw(guests_count(total)),
                     people=i18n.Raw(people), adults=i18n.Raw(adults), children=i18n.Raw(children))
    else:
        expected = _("{guests} · {people} expected", guests=i18n.Raw(guests_count(total)), people=i18n.Raw(people))
    confirmed = _("✅ {n} confirmed", n=by["confirmed"])
    if data.get("confirmed_without_count"):
        # each counted as one until they say: the expected number may grow
        not_said = ngettext("1 hasn't said how many yet", "{n} haven't said how many yet",
                            data["confirmed_without_count"])
        confirmed = _("✅ {n} confirmed ({not_said})", n=by["confirmed"], not_said=i18n.Raw(not_said))
    lines = [
        _("📊 *{event}*", event=event.name),
        expected,
        confirmed,
        _("❌ {n} declined", n=by["declined"]),
        (_("⏳ {n} pending ({maybe} said maybe)", n=by["invited"], maybe=data["maybe"]) if data.get("maybe")
         else _("⏳ {n} pending", n=by["invited"])),
        _("Confirmation rate {rate}%", rate=_raw(rate)),
    ]
    sides = {k: v for k, v in data["by_side"].items()}
    if len(sides) > 1 or (sides and "none" not in sides):
        lines.append("")
        lines.append(_("*By side*"))
        shown = sorted(sides.items(), key=lambda kv: -kv[1]["total"])
        for side, b in shown[:8]:
            label = _("no side") if side == "none" else i18n.isolate(side_name(side))
            lines.append(_("{side}: {total} (✅{confirmed} ❌{declined} ⏳{pending})", side=i18n.Raw(label),
                           total=b["total"], confirmed=b["confirmed"], declined=b["declined"],
                           pending=b["invited"]))
        if len(shown) > 8:
            lines.append(_("…and {n} more sides", n=_raw(len(shown) - 8)))
    sent = inv["sent"] + inv["delivered"] + inv["read"]
    lines.append("")
    lines.append(_("*Invitations*"))
    lines.append(_("{sent} sent · {delivered} delivered · {read} read", sent=sent,
                   delivered=inv["delivered"] + inv["read"], read=inv["read"]))
    tail = []
    waiting = data.get("waiting")
    failed, not_sent = inv["failed"], inv["not_sent"]
    if waiting is not None and waiting.total:
        # queued or held: on their way, not something to *invite* again
        failed -= waiting.failed_before
        not_sent -= waiting.total - waiting.failed_before
    if failed > 0:
        tail.append(_("⚠️ {n} failed (*guests failed*)", n=failed))
    if not_sent > 0:
        tail.append(_("{n} not sent yet (*invite*)", n=not_sent))
    if tail:
        lines.append(" · ".join(tail))
    if waiting is not None and waiting.total:
        lines.extend(waiting_lines(event, waiting))
    if data.get("inbox_unread"):
        lines.append("")
        lines.append(inbox_unread(data["inbox_unread"]))
    return cap("\n".join(lines))


# ---------------------------------------------------------------- sending

def waiting_lines(event, waiting) -> list[str]:
    """Invitations queued or held, as lines: '⏳ 9 invitations waiting for Shabbat to end
    (going out Sat 18 Dec 2027, 17:14)', '📤 2 invitations on their way'."""
    lines = []
    if waiting.held:
        when = i18n.Raw(_local_time(waiting.until, event.timezone))
        if waiting.reason == "shabbat":
            lines.append(ngettext("⏳ 1 invitation waiting for Shabbat to end (going out {when})",
                                  "⏳ {n} invitations waiting for Shabbat to end (going out {when})",
                                  waiting.held, when=when))
        elif waiting.reason == "holiday":
            lines.append(ngettext("⏳ 1 invitation waiting for the holiday to end (going out {when})",
                                  "⏳ {n} invitations waiting for the holiday to end (going out {when})",
                                  waiting.held, when=when))
        elif waiting.first is not None and waiting.until - waiting.first >= timedelta(hours=1):
            # Guests abroad get theirs in their own morning, later than the rest.
            lines.append(ngettext("⏳ 1 invitation waiting for the morning (going out {first}; to guests abroad by {when})",
                                  "⏳ {n} invitations waiting for the morning (going out {first}; to guests abroad by {when})",
                                  waiting.held, first=i18n.Raw(_local_time(waiting.first, event.timezone)),
                                  when=when))
        else:
            lines.append(ngettext("⏳ 1 invitation waiting for the morning (going out {when})",
                                  "⏳ {n} invitations waiting for the morning (going out {when})",
                                  waiting.held, when=when))
    if waiting.queued:
        lines.append(ngettext("📤 1 invitation on its way", "📤 {n} invitations on their way", waiting.queued))
    return lines


def _skipped(skipped: dict[str, int]) -> str:
    """" Skipped: 3 opted out, 1 whose invitation failed." (empty when nobody was skipped)."""
    parts = []
    for reason, n in skipped.items():
        if not n:
            continue
        if reason == "invitation failed":
            parts.append(ngettext("1 whose invitation failed", "{n} whose invitation failed", n))
        elif reason == "opted out":
            parts.append(ngettext("1 opted out", "{n} opted out", n))
        elif reason == "already answered":
            parts.append(ngettext("1 who already answered", "{n} who already answered", n))
        elif reason == "not invited yet":
            parts.append(ngettext("1 not invited yet (send *invite* first)",
                                  "{n} not invited yet (send *invite* first)", n))
        elif reason == "said maybe lately":   # bot.services.sending.MAYBE_RESPITE
            parts.append(ngettext("1 who said maybe in the last 3 days", "{n} who said maybe in the last 3 days", n))
        else:
            parts.append(f"{i18n.number(n)} {i18n.isolate(reason.replace('_', ' '))}")
    return _(" Skipped: {parts}.", parts=i18n.join(parts)) if parts else ""


def send_question(kind: str, event, count: int, skipped: dict[str, int], text: str | None = None,
                  filters: str = "") -> str:
    who = guests_count(count)
    if filters:
        who = _("{guests} ({filters})", guests=i18n.Raw(who), filters=filters)
    who = i18n.Raw(who)
    if kind == "invite":
        head = _("Send the invitation to {who} of {event}?", who=who, event=event.name)
    elif kind == "remind":
        head = _("Send a reminder to {who} of {event} (no answer yet)?", who=who, event=event.name)
    else:
        preview = text if len(text or "") <= 300 else text[:299] + "…"
        head = _("Send this to {who} of {event}?\n\n“{preview}”\n", who=who, event=event.name,
                 preview=i18n.Raw(preview or ""))
        # the lines under the quoted message start at the margin
        return head.rstrip("\n") + "\n" + (_skipped(skipped) + _(" Reply yes or no.")).lstrip()
    return head + _skipped(skipped) + _(" Reply yes or no.")


CATEGORY_NAMES = {"marketing": N_("marketing"), "utility": N_("utility"), "authentication": N_("authentication")}


def send_plan(plan, tz: str | None = None) -> str:
    """What a bulk send costs, how many days it takes and when it starts, in a few lines."""
    est = plan.estimate
    lines = []
    if est.templates:
        paid = ngettext("1 paid template message", "{n} paid template messages", est.templates)
        lines.append(_("💰 About {amount}: {paid} ({category}), by Meta's rate card of {date}.",
                       amount=i18n.money(est.total, est.currency), paid=i18n.Raw(paid),
                       category=i18n.Raw(_(CATEGORY_NAMES.get(est.category, est.category))),
                       date=_date(est.rate_card_as_of)))
    elif est.free_form and est.total > 0:
        # since Meta charges messages inside the 24-hour window too (its utility rate)
        lines.append(_("💰 About {amount}: everyone wrote to us in the last 24 hours, so they get plain messages, "
                       "charged at Meta's utility rate.",
                       amount=i18n.money(est.total, est.currency)))
    elif est.free_form:
        lines.append(_("💰 Free: everyone wrote to us in the last 24 hours."))
    if est.free_form and est.templates:
        lines.append(ngettext("1 more guest wrote to us in the last 24 hours and gets a plain message instead.",
                              "{n} more guests wrote to us in the last 24 hours and get a plain message instead.",
                              est.free_form))
    if est.us_marketing_blocked:
        lines.append(ngettext("🇺🇸 1 US number: Meta delivers no marketing templates to the US, so it will "
                              "probably not get it. Call them, or send them their *link*.",
                              "🇺🇸 {n} US numbers: Meta delivers no marketing templates to the US, so they will "
                              "probably not get it. Call them, or send them their *link*.", est.us_marketing_blocked))
    if len(plan.days) > 1:
        lines.append(_("📆 Your WhatsApp number may reach {limit} new people a day, so this goes out over "
                       "{days} days: {today} today, then up to {limit} a day.",
                       limit=plan.limit, days=len(plan.days), today=plan.days[0]))
    if plan.waits_until is not None:
        local = _local_time(plan.waits_until, tz)
        if plan.holy_day:
            lines.append(_("🕯 Shabbat or a holiday for this event: the messages wait until {when}.",
                           when=i18n.Raw(local)))
        else:
            lines.append(_("🌙 It's quiet time for this event: the messages wait until {when}.",
                           when=i18n.Raw(local)))
    return "\n".join(lines)


def _local_time(moment, tz: str | None) -> str:
    local = hours.local(moment, tz)
    return format_when(local.date(), local.time().replace(second=0, microsecond=0, tzinfo=None))


def billed_line(messages: int, amount, currency: str) -> str:
    """'\n💳 Billed so far: 120 messages, about $4.24' (empty before anything was billed)."""
    if not messages:
        return ""
    return "\n" + _("💳 Billed by Meta so far: {n} messages, about {amount}.", n=messages,
                     amount=i18n.money(amount, currency))


def send_filters(status: str | None, side: str | None) -> str:
    """'confirmed, side Dana': who a broadcast goes to, in the reader's words."""
    return _filter_words(status, side)


def no_guests_yet(event) -> str:
    return _("{event} has no guests yet. Add one: *add guest Dana Levi 050-234-5678*, "
             "or send a CSV file.", event=event.name)


def nobody_to_send(kind: str, event, skipped: dict[str, int]) -> str:
    if kind == "invite":
        text = (_("Nobody to invite: every guest of {event} already has the invitation.", event=event.name)
                if not skipped.get("already answered") else
                _("Nobody to invite: no guest of {event} is waiting for an invitation.", event=event.name))
    elif kind == "remind" and skipped.get("said maybe lately"):
        text = _("Nobody to remind for {event} right now.", event=event.name)
    elif kind == "remind":
        text = _("Nobody to remind: no invited guest of {event} is waiting for an answer.", event=event.name)
    elif kind == "thank_you":
        text = _("Nobody to thank: no guest of {event} said they were coming.", event=event.name)
    else:
        text = _("No guest of {event} matches that.", event=event.name)
    return text + _skipped(skipped)


def invitations_waiting(event, waiting, skipped: dict[str, int]) -> str:
    """`invite` when every guest's invitation is queued or held: when they go, not "nobody to invite"."""
    lines = waiting_lines(event, waiting)
    lines.append(_("Nobody else of {event} to invite.", event=event.name) + _skipped(skipped))
    return "\n".join(lines)


def sending_started(kind: str, event, total: int) -> str:
    if kind == "invite":
        what = ngettext("1 invitation", "{n} invitations", total)
    elif kind == "remind":
        what = ngettext("1 reminder", "{n} reminders", total)
    else:
        what = ngettext("1 message", "{n} messages", total)
    return _("📤 Sending {what} for {event}… I'll tell you when they're out.", what=i18n.Raw(what),
             event=event.name)


def message_queued(event, guest: Guest) -> str:
    return _("📤 Sending your message to {name} ({event}).", name=guest_name(guest), event=event.name)


# ---------------------------------------------------------------- the inbox

INBOX_PAGE = 10  # items a listing shows, newest first
MEDIA_WORDS = {
    "image": N_("📷 photo"), "audio": N_("🎤 voice note"), "video": N_("🎥 video"), "document": N_("📄 document"),
    "sticker": N_("sticker"), "location": N_("📍 location"), "contacts": N_("👤 contact card"),
}


def inbox_content(kind: str, text: str | None, caption: str | None, filename: str | None = None) -> str:
    """What an inbox item says, on one line: its words, "[🎤 voice note]", "📷 photo: caption"."""
    if kind == "text" or (text and kind not in MEDIA_WORDS):
        return f"“{short(text or '', 300)}”" if text else "[…]"
    label = _(MEDIA_WORDS[kind]) if kind in MEDIA_WORDS else _("message")
    detail = caption or (filename if kind == "document" else None)
    if detail:
        return _("{what}: “{caption}”", what=Raw(label), caption=short(detail, 300))
    return f"[{label}]"


def guest_sent(guest_name: str, event_name: str, content: str) -> str:
    """A note about a medium or a place a guest sent, as a digest line."""
    return _("💬 {guest} (guest of {event}) sent {content}", guest=guest_name, event=event_name, content=Raw(content))


def forward_caption(guest_name: str, caption: str | None) -> str:
    """The caption an organiser sees on a guest's photo, video or document."""
    if caption:
        return _("{guest}: {caption}", guest=guest_name, caption=caption)
    return _("From {guest}", guest=guest_name)


def inbox_waiting(n: int) -> str:
    """Said in a digest that goes out as a template (no photos there): where the messages wait."""
    return ngettext("📎 1 photo, voice note or file waits in your *inbox*.",
                    "📎 {n} photos, voice notes or files wait in your *inbox*.", n)


def _when_received(moment, tz: str | None) -> str:
    local = hours.local(moment, tz)
    locale = {"he": "he_IL", "ar": "ar_IL", "ru": "ru_RU"}.get(i18n.current(), "en_GB")
    return f"{babel_dates.format_skeleton('MMMd', local, locale=locale)}, {local:%H:%M}"


def inbox_page(event, items: list, total: int, unread: int) -> str:
    """The newest messages from guests, numbered for *reply <n>*."""
    if not items:
        return _("📭 No messages from guests of *{event}* yet. When a guest writes anything that isn't an answer "
                 "(a question, a photo, a voice note), it waits here.", event=event.name)
    head = _("💬 *Messages from guests: {event}*", event=event.name)
    if unread:
        head += " · " + ngettext("1 new", "{n} new", unread)
    lines = [head, ""]
    for n, item in enumerate(items, start=1):
        name = item.guest_name or _("a guest no longer on the list")
        new = "🆕 " if not item.read else ""
        line = _("{n}. {new}*{guest}* · {when}", n=_raw(n), new=Raw(new), guest=name,
                 when=Raw(_when_received(item.received_at, event.timezone)))
        lines.append(line + (" · " + _("↩️ answered") if getattr(item, "replied", False) else ""))
        lines.append("   " + inbox_content(item.kind, item.text, item.caption, item.filename))
    if total > len(items):
        lines.append("")
        lines.append(_("The newest {shown} of {total}.", shown=_raw(len(items)), total=_raw(total)))
    lines.append("")
    lines.append(_("Answer one with *reply 1 <text>*."))
    return cap("\n".join(lines))


def answer_back_question(event, guest: Guest, words: str, item=None) -> str:
    """"reply to her: …" read as an answer to the guest whose message waits: who gets it and what, asked first."""
    said = words.strip() if len(words.strip()) <= 600 else words.strip()[:599] + "…"   # (its lines kept, as it goes out)
    text = _("✉️ Send to *{name}* ({event})?", name=guest_name(guest), event=event.name) + "\n“" + said + "”"
    if item is not None:
        text += "\n\n" + _("↩️ Answering: {message}", message=Raw(inbox_content(item.kind, item.text, item.caption,
                                                                                   item.filename)))
    return text


def which_message(words: str) -> str:
    """"reply to her: …" with several guests' messages waiting: which one, by its number."""
    return _("Which message is “{text}” for? Send its number (e.g. *2*) and I'll ask before sending it.",
             text=short(words, 60))


def nobody_to_answer_back(event, words: str) -> str:
    """"reply to her: …" with no guest's message in the inbox: nobody to point back at."""
    return _("No guest of {event} has written anything waiting for an answer, so I can't tell who should get "
             "“{text}”. Name them: *message Dana: {text}*.", event=event.name, text=short(words, 60))


def no_such_inbox_item(n: int) -> str:
    return _("There's no message {n} in the last *inbox* list. Send *inbox* to see it again.", n=_raw(n))


def inbox_unread(n: int) -> str:
    return ngettext("💬 1 unread message (*inbox*)", "💬 {n} unread messages (*inbox*)", n)


# ---------------------------------------------------------------- members

def _someone() -> str:
    return _("someone")


def members_list(event, members: list, me_id) -> str:
    lines = [_("*Team of {event}*", event=event.name)]
    for n, m in enumerate(members, start=1):
        user = m.user
        role = i18n.Raw(role_name(m.role))
        if user.display_name and user.phone:
            line = _("{n}. {name} {phone}: {role}", n=_raw(n), name=user.display_name,
                     phone=display_phone(user.phone), role=role)
        elif user.display_name or user.phone:
            line = _("{n}. {name}: {role}", n=_raw(n), name=user.display_name or display_phone(user.phone), role=role)
        else:
            line = _("{n}. someone: {role}", n=_raw(n), role=role)
        if m.user_id == me_id:
            line += _(" (you)")
        lines.append(line)
    lines.append("")
    lines.append(_("Admins: *add member 050-234-5678 editor*, *role 2 viewer*, *remove member 2*."))
    return cap("\n".join(lines))


def member_name(member) -> str:
    user = member.user
    if user.display_name and user.phone:
        return _("{name} ({phone})", name=user.display_name, phone=display_phone(user.phone))
    if user.display_name:
        return i18n.isolate(user.display_name)
    return i18n.isolate(display_phone(user.phone)) if user.phone else _someone()


def member_added(event, member) -> str:
    return _("👥 Added {name} to {event} as {role}. I've sent them a message about it.",
             name=i18n.Raw(member_name(member)), event=event.name, role=i18n.Raw(role_name(member.role)))


def _use_command(event) -> str:
    """*use <the event's name>*, as the reader types it ("עבור לאירוע החתונה של שירה")."""
    return i18n.Raw(f"{command_word('use')} {i18n.isolate(event.name)}")


def welcome_member(event, adder_name: str, role: str, working_on: str | None = None) -> str:
    """`working_on`: the other event the new member works on in this chat, which *stats*
    and *help* would show: the welcome says how to switch to this one instead."""
    can = {
        "admin": _("As an admin you can {can}.", can=i18n.Raw(_(ROLE_CAN["admin"]))),
        "editor": _("As an editor you can {can}.", can=i18n.Raw(_(ROLE_CAN["editor"]))),
        "viewer": _("As a viewer you can {can}.", can=i18n.Raw(_(ROLE_CAN["viewer"]))),
    }[role]
    if working_on:
        text = _("👋 {adder} added you to the team of *{event}* as {role}.\n"
                 "{can}\n"
                 "You're working on *{current}* here now: to switch to this event, send *{command}*.",
                 adder=adder_name, event=event.name, role=i18n.Raw(role_name(role)), can=i18n.Raw(can),
                 current=working_on, command=_use_command(event))
    else:
        text = _("👋 {adder} added you to the team of *{event}* as {role}.\n"
                 "{can}\n"
                 "Send *help* here to start, or *stats* to see the answers so far.",
                 adder=adder_name, event=event.name, role=i18n.Raw(role_name(role)), can=i18n.Raw(can))
    if role == "viewer":
        text += "\n" + _("🔕 You won't get a message for each guest's answer. To get them, send *notify on*.")
    return text


def removed_member(event, remover_name: str) -> str:
    return _("👋 {remover} removed you from the team of *{event}*. You won't get its updates any more.",
             remover=remover_name, event=event.name)


def welcome_member_template_text(event, adder_name: str, role: str, working_on: str | None = None) -> str:
    if working_on:
        return _("{adder} added you to the team of {event} as {role}. To work on it, reply: {command}",
                 adder=adder_name, event=event.name, role=i18n.Raw(role_name(role)), command=_use_command(event))
    return _("{adder} added you to the team of {event} as {role}. Reply help to start.",
             adder=adder_name, event=event.name, role=i18n.Raw(role_name(role)))


def role_changed(event, member) -> str:
    return _("👥 {name} is now {role} of {event}.", name=i18n.Raw(member_name(member)),
             role=i18n.Raw(role_name(member.role)), event=event.name)


def role_unchanged(event, member, mine: bool = False) -> str:
    """`role 3 editor` to someone who is editor already: nothing to change, and said so."""
    if mine:
        return _("👥 You're already {role} of {event}.", role=i18n.Raw(role_name(member.role)), event=event.name)
    return _("👥 {name} is already {role} of {event}: nothing changed.", name=i18n.Raw(member_name(member)),
             role=i18n.Raw(role_name(member.role)), event=event.name)


def step_down_question(event, role: str) -> str:
    """An admin making themselves editor or viewer: what they give up, asked first."""
    if role == "viewer":
        return _("⚠️ You're making yourself a viewer of {event}: you won't be able to add or edit guests or change "
                 "anyone's role, yours included. Only another admin could make you admin again. Continue?",
                 event=event.name)
    return _("⚠️ You're making yourself an editor of {event}: you won't be able to edit the event or change "
             "anyone's role, yours included. Only another admin could make you admin again. Continue?",
             event=event.name)


def stepped_down(event, member) -> str:
    return _("👥 You're now {role} of {event}. I've told the other admins.", role=i18n.Raw(role_name(member.role)),
             event=event.name)


def remove_member_question(event, member) -> str:
    return _("Remove {name} ({role}) from the team of {event}? Reply yes or no.",
             name=i18n.Raw(member_name(member)), role=i18n.Raw(role_name(member.role)), event=event.name)


def member_removed(event_name: str, name: str) -> str:
    return _("👥 Removed {name} from the team of {event}.", name=i18n.Raw(i18n.isolate(name)), event=event_name)


def leave_question(event) -> str:
    return _("Leave the team of {event}? You won't see its guests and answers any more, and only an admin can "
             "add you back. Reply yes or no.", event=event.name)


def left_event(name: str) -> str:
    return _("👋 You left the team of {event}.", event=name)


# ---------------------------------------------------------------- account

def token_issued(token: str) -> str:
    return _("🔑 Your personal API token (shown only this once):\n\n"
             "{token}\n\n"
             "Keep it secret: it acts as you. Send *token revoke* to cancel it.", token=token)


def tokens_revoked(n: int) -> str:
    if n == 0:
        return _("You have no active API tokens.")
    return ngettext("🔑 Revoked 1 API token. Anything using it stops working now.",
                    "🔑 Revoked {n} API tokens. Anything using them stops working now.", n)


HELP_TOPIC_WORDS = {"Events": N_("help events"), "Guests": N_("help guests"), "Sending": N_("help sending"),
                    "Team": N_("help team"), "Account": N_("help account")}


def help_text(groups: list[tuple[str, list[tuple[str, str]]]], event=None, role: str | None = None,
              more: list[str] | None = None) -> str:
    if event is not None:
        lines = [_("*Commands* for {event} (you're {role})", event=event.name,
                   role=i18n.Raw(role_name(role) if role else ""))]
    else:
        lines = [_("*Commands*")]
    for group, rows in groups:
        lines.append("")
        lines.append(f"*{_(group)}*")
        for usage, summary in rows:
            lines.append(f"• {_(usage)}: {_(summary)}")
    if more:
        lines.append("")
        topics = " · ".join(f"*{_(HELP_TOPIC_WORDS[g])}*" for g in GROUPS_BY_NAME if _(g) in more)
        lines.append(_("Everything else: {topics}", topics=i18n.Raw(topics)))
    if event is None:
        lines.append("")
        lines.append(_("Start with: new event Dana & Noam's wedding"))
    return cap("\n".join(lines))


GROUPS_BY_NAME = ("Events", "Guests", "Sending", "Team", "Account")


def expired(again: str) -> str:
    return _("That question expired; send *{command}* again.", command=i18n.Raw(command_word(again)))


def date_text(d: date) -> str:
    return format_date(d)


# ---------------------------------------------------------------- a guessed reading, restated

FIELD_NAMES = {"name": N_("name"), "phone": N_("phone"), "side": N_("side"), "party": N_("party"),
               "note": N_("note"), "date": N_("date"), "time": N_("time"), "location": N_("location"),
               "language": N_("language")}


def _ref_text(ref) -> str:
    if getattr(ref, "phone", None):
        return display_phone(ref.phone)
    return ref.text


MAX_RESTATED_ROWS = 10  # guests shown in the question before a pasted list is added


def _draft_name(g) -> str:
    return " ".join(p for p in (g.first_name, g.last_name) if p)


def _draft_details(g) -> list[str]:
    """What the organiser said about a guest besides the name: side and party size."""
    bits = []
    if getattr(g, "side", None):
        bits.append(side_words(g.side))
    if getattr(g, "party_size", None):
        bits.append(_("party {n}", n=_raw(g.party_size)))
    return bits


def _restate_guests(cmd) -> str:
    """The guests a reading would add, as read (a garbled row shows before it is saved)."""
    if len(cmd.guests) == 1 and not cmd.errors:
        g = cmd.guests[0]
        details = ", ".join([i18n.isolate(display_phone(g.phone))] + _draft_details(g))
        return _("Add {name} ({details}) to the guests?", name=_draft_name(g), details=i18n.Raw(details))
    first_row: dict = {}    # phone → the row that gives it first: a later row with that number is not added
    for n, g in enumerate(cmd.guests, start=1):
        first_row.setdefault(g.phone, n)
    lines = [_("Add {guests}?", guests=i18n.Raw(guests_count(len(first_row))))]
    rows = []
    for n, g in enumerate(cmd.guests, start=1):
        row = _("{n}. {name} {phone}", n=_raw(n), name=_draft_name(g), phone=display_phone(g.phone))
        bits = _draft_details(g)
        if bits:
            row += _(" ({details})", details=i18n.Raw(", ".join(bits)))
        if first_row[g.phone] != n:
            row += _(" ↩️ the number of row {n}: not added", n=_raw(first_row[g.phone]))
        rows.append(row)
    lines += bullet_list(rows, MAX_RESTATED_ROWS)
    if cmd.errors:
        lines.append(_("⚠️ {lines} not added:", lines=i18n.Raw(_units("line", len(cmd.errors)))))
        lines += bullet_list([_("{where}: {reason}", where=i18n.Raw(_unit("line", e.line_no)), reason=i18n.Raw(e.reason))
                              for e in cmd.errors])
    return cap("\n".join(lines))


# Where each event field restated is kept on the event (None there: not set yet).
EVENT_FIELD_ATTRS = {"date": "date", "time": "start_time", "location": "location", "name": "name",
                     "language": "language"}


def restate(cmd, event=None) -> str:
    """What a guessed reading would do, as a yes/no question: one line, or a pasted list's rows.

    `event`: the event a change to its details would go to, so that a date, time or place it
    doesn't have yet reads "Set" rather than "Change" (without it: "Change")."""
    kind = type(cmd).__name__
    if kind == "AddGuests":
        return _restate_guests(cmd)
    if kind == "AddMember":
        return _("Add {phone} as a co-organiser ({role})?", phone=display_phone(cmd.phone),
                 role=_(ROLE_NAMES.get(cmd.role, cmd.role)))
    if kind == "ChangeRole":
        return _("Make {name} {role}?", name=_ref_text(cmd.ref), role=_(ROLE_NAMES.get(cmd.role, cmd.role)))
    if kind == "EditGuest":
        value = display_phone(cmd.value) if cmd.field == "phone" else str(cmd.value)
        return _("Change {field} of {name} to {value}?", field=_(FIELD_NAMES.get(cmd.field, cmd.field)),
                 name=_ref_text(cmd.ref), value=value)
    if kind == "MarkGuest":
        if cmd.answer == "no":
            return _("Mark {name} as not coming?", name=_ref_text(cmd.ref))
        if cmd.answer == "pending":
            return _("Mark {name} as not answered yet?", name=_ref_text(cmd.ref))
        if cmd.answer == "maybe":
            return _("Mark {name} as maybe?", name=_ref_text(cmd.ref))
        if cmd.party_size:
            people = ngettext("1 person", "{n} people", cmd.party_size)
            return _("Mark {name} as coming, {people}?", name=_ref_text(cmd.ref), people=i18n.Raw(people))
        return _("Mark {name} as coming?", name=_ref_text(cmd.ref))
    if kind == "Called":
        outcome = _(CALL_WORDS.get(cmd.outcome, cmd.outcome))
        if cmd.outcome == "yes" and cmd.party_size:
            people = ngettext("1 person", "{n} people", cmd.party_size)
            outcome = _("{outcome}, {people}", outcome=i18n.Raw(outcome), people=i18n.Raw(people))
        return _("Log a call with {name}: {outcome}?", name=_ref_text(cmd.ref), outcome=i18n.Raw(outcome))
    if kind == "SetEventField":
        if cmd.more:   # "the time to 20:00 and the place to …": each change said, one answer for all
            return "\n".join(restate(change, event) for change in (dataclasses.replace(cmd, more=()), *cmd.more))
        if isinstance(cmd.value, date):
            value = format_when(cmd.value, cmd.time) + (f" ({hebrew_date_text(cmd.value)})" if i18n.current() == "he" else "")
        elif isinstance(cmd.value, time):
            value = format_time(cmd.value)
        elif cmd.value is None and cmd.field == "time":
            return _("Clear the event's start time?")
        else:
            value = str(cmd.value)
        field = _(FIELD_NAMES.get(cmd.field, cmd.field))
        attr = EVENT_FIELD_ATTRS.get(cmd.field)
        if event is not None and attr and getattr(event, attr, None) in (None, ""):
            return _("Set the event's {field} to {value}?", field=field, value=value)
        return _("Change the event's {field} to {value}?", field=field, value=value)
    if kind == "NewEvent":
        details = [format_when(cmd.date, getattr(cmd, "time", None))] if cmd.date else []
        details += [cmd.location] if cmd.location else []
        if details:
            return _("Create the event {name} ({details})?", name=cmd.name, details=", ".join(details))
        return _("Create the event {name}?", name=cmd.name)
    if kind == "Reminders":
        if cmd.days is None:
            return _("Turn automatic reminders off?")
        return _("Remind guests automatically {when} the event?", when=i18n.Raw(days_before(cmd.days)))
    if kind == "MessageGuest":
        return _("Send {name}: {text}?", name=_ref_text(cmd.ref), text=cmd.text[:200])
    if kind == "Leave":
        return _("Leave this event's team?")
    return _("Shall I go ahead?")


def greeting(event, member, guests: int, confirmed: int, declined: int, pending: int) -> str:
    """A hello answered in a few lines: the event being worked on, its numbers (adding up to
    the guests), what to try."""
    return _("👋 Hi! You're on *{event}* ({role}).\n"
             "{guests} · ✅ {confirmed} confirmed · ❌ {declined} not coming · ⏳ {pending} pending\n\n"
             "Try: *{list}* · *{stats}* · *{invite}*\n"
             "*help* for everything.",
             event=event.name, role=i18n.Raw(role_name(member.role)), guests=i18n.Raw(guests_count(guests)),
             confirmed=i18n.Raw(str(confirmed)), declined=i18n.Raw(str(declined)), pending=i18n.Raw(str(pending)),
             list=i18n.Raw(command_word("guests")), stats=i18n.Raw(command_word("stats")),
             invite=i18n.Raw(command_word("invite")))


def acknowledged() -> str:
    return _("👍 Got it. Send *help* whenever you need me.")
