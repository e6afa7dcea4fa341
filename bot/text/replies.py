"""What the bot says to organisers: pure functions from values to text for a phone.

WhatsApp formatting (*bold*), short lines, emoji only for statuses. Every text stays
under WhatsApp's 4,096-character limit: long lists are paged or capped.
"""
from __future__ import annotations

from datetime import date

from storage.models import Guest, InvitationState, RsvpStatus

from bot.text.dates import format_date
from bot.text.phones import display_phone

MAX_TEXT = 4000          # a margin under WhatsApp's 4,096
PAGE_SIZE = 15           # guests per page: one phone screen
MAX_REPORTED_LINES = 10  # rejected/duplicate lines listed in an import summary

ROLE_CAN = {
    "admin": "everything: edit the event, add and remove guests, send invitations and manage the team",
    "editor": "add and edit guests, send invitations and messages, and see the answers",
    "viewer": "see the guest list, the answers and the stats, and send messages",
}

WELCOME_START = (
    "👋 Hi! I run event invitations on WhatsApp: you add guests, I invite them and "
    "collect their answers.\n\n"
    "To start, send your event like this:\n"
    "new event Dana & Noam's wedding\n"
    "date: 12/6/2027\n"
    "location: Tel Aviv"
)
NO_EVENTS_WELCOME = WELCOME_START + "\n\nSend *help* to see everything I can do."


def past_date_note(d, today) -> str:
    """A warning to add when an event's date has already passed ('' otherwise)."""
    return "\n⚠️ That date has already passed: check it, or *set date* again." if d and d < today else ""

APOLOGY = "Sorry, something went wrong on my side. Please try again in a minute."
NON_ORGANISER_HINT = "I read text commands and CSV guest lists. Send *help* to see what I can do."
NOT_A_CSV = ("I can read guest lists as CSV files only, and nothing was changed. "
             "In Excel or Google Sheets: File → Save as / Download → CSV, then send the file here.")
DOWNLOAD_FAILED = "I couldn't download that file from WhatsApp. Please send it again."
NOTHING_PENDING = "There's nothing waiting for a yes or no right now. Send *help* to see what I can do."
NOTHING_TO_CANCEL = "Nothing to cancel."
CANCELLED = "OK, cancelled. Nothing was changed."
NO_MORE = "There's nothing more to show. Send *guests* for the list."


def cap(text: str, limit: int = MAX_TEXT) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def short(text: str, limit: int = 30) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def bullet_list(lines: list[str], limit: int = MAX_REPORTED_LINES) -> list[str]:
    shown = lines[:limit]
    if len(lines) > limit:
        shown.append(f"…and {len(lines) - limit:,} more")
    return shown


# ---------------------------------------------------------------- events

def event_line(event) -> str:
    bits = [f"*{event.name}*"]
    if event.date:
        bits.append(format_date(event.date))
    if event.location:
        bits.append(event.location)
    return " · ".join(bits)


def event_created(event) -> str:
    lines = [f"🎉 Created {event_line(event)}.", "You're its admin."]
    if not event.date:
        lines.append("Add the date: *set date 12/6/2027*")
    if not event.location:
        lines.append("Add the place: *set location <place>*")
    lines.append("Next: *add guest Dana Levi 050-234-5678*, or send a CSV file, then *invite*.")
    return "\n".join(lines)


def events_list(rows: list[tuple[object, object, int]], current_id=None) -> str:
    """rows: (event, membership, guest count)."""
    lines = ["*Your events*"]
    for n, (event, member, guests) in enumerate(rows, start=1):
        mark = " ← current" if current_id is not None and event.id == current_id else ""
        when = f", {format_date(event.date)}" if event.date else ""
        lines.append(f"{n}. {event.name}{when} ({member.role.value}, {plural(guests, 'guest')}){mark}")
    if len(rows) > 1:
        lines.append("")
        lines.append(f"Send *use {_other_number(rows, current_id)}* to work on another one.")
    return cap("\n".join(lines))


def _other_number(rows, current_id) -> int:
    """A list number that is not the current event (for the example in a hint)."""
    for n, (event, _member, _guests) in enumerate(rows, start=1):
        if event.id != current_id:
            return n
    return 1


def choose_event(rows: list[tuple[object, object, int]], again: str | None = None) -> str:
    lines = [f"You have {len(rows)} events. Which one?"]
    for n, (event, member, guests) in enumerate(rows, start=1):
        lines.append(f"{n}. {event.name} ({member.role.value})")
    lines.append("")
    tail = f", then send *{again}* again" if again else ""
    lines.append(f"Send *use 2* (the number){tail}.")
    return cap("\n".join(lines))


def now_using(event, member, guests: int) -> str:
    return f"Now working on {event_line(event)} (you're {member.role.value}, {plural(guests, 'guest')})."


def event_details(event, member, guests: int, members: int) -> str:
    lines = [f"*{event.name}*"]
    lines.append(f"📅 {format_date(event.date) if event.date else 'no date yet (set date 12/6/2027)'}")
    lines.append(f"📍 {event.location or 'no location yet (set location <place>)'}")
    lines.append(f"{plural(guests, 'guest')} · {plural(members, 'organiser')} · you're {member.role.value}")
    if event.reminder_days:
        days = " ".join(str(d) for d in event.reminder_days)
        lines.append(f"Automatic reminders {days} days before")
    else:
        lines.append("Automatic reminders off")
    lines.append(f"Notifications of answers: {'on' if member.notify else 'off'}")
    return "\n".join(lines)


def event_changed(event, field: str, value) -> str:
    if field == "language":
        return f"🌐 Guests of {event.name} now get their messages in {language_name(value)}."
    if field == "date":
        return f"📅 {event.name} is now on {format_date(value)}."
    if field == "location":
        return f"📍 {event.name} is now at {value}."
    return f"Renamed the event to *{event.name}*."


def delete_event_question(event, guests: int) -> str:
    return (f"Delete *{event.name}* with its {plural(guests, 'guest')} and all their answers? "
            "This can't be undone. Reply yes or no.")


def event_deleted(name: str) -> str:
    return f"🗑 Deleted {name}."


def reminders_set(event) -> str:
    if not event.reminder_days:
        return f"Automatic reminders are off for {event.name}."
    days = ", ".join(str(d) for d in event.reminder_days)
    tail = "" if event.date else " They start once the event has a date (*set date 12/6/2027*)."
    return f"⏰ {event.name}: I'll remind guests who haven't answered {days} days before.{tail}"


LANGUAGE_NAMES = {"he": "Hebrew", "en": "English", "ar": "Arabic", "ru": "Russian"}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def language_set(code: str) -> str:
    return f"🌐 OK, I'll write to you in {language_name(code)}."


def notify_set(event, on: bool) -> str:
    if on:
        return f"🔔 I'll tell you each guest's answer for {event.name}."
    return f"🔕 No more answer notifications for {event.name}."


# ---------------------------------------------------------------- guests

def guest_name(guest: Guest) -> str:
    return guest.full_name


def status_mark(guest: Guest) -> str:
    if guest.status == RsvpStatus.confirmed:
        return f"✅ {guest.party_size if guest.party_size else 1}"
    if guest.status == RsvpStatus.declined:
        return "❌"
    return "⏳ pending"


def invitation_note(guest: Guest) -> str:
    if guest.opted_out:
        return " · opted out"
    if guest.invitation == InvitationState.failed:
        return " · ⚠️ not delivered"
    if guest.invitation == InvitationState.not_sent and guest.status == RsvpStatus.invited:
        return " · not invited yet"
    if guest.status == RsvpStatus.invited and guest.invitation == InvitationState.read:
        return " · seen"
    return ""


def guest_line(n: int, guest: Guest) -> str:
    return f"{n}. {guest_name(guest)} {status_mark(guest)}{invitation_note(guest)}"


def failed_line(n: int, guest: Guest) -> str:
    return f"{n}. {guest_name(guest)} {display_phone(guest.phone)}: {guest.invitation_error or 'not delivered'}"


def _filter_words(status: str | None, side: str | None) -> str:
    words = []
    if status:
        words.append({"not_invited": "not invited", "failed": "invitation failed"}.get(status, status))
    if side:
        words.append(f"side {side}")
    return ", ".join(words)


def guests_page(event, guests: list[Guest], start: int, total: int, *, status=None, side=None,
                search: str | None = None) -> str:
    """One page of a guest listing, numbered from `start` (1-based)."""
    if search is not None:
        title = f"*{event.name}*: {plural(total, 'guest')} matching “{search}”"
    else:
        filters = _filter_words(status, side)
        title = f"*{event.name}*: {plural(total, 'guest')}" + (f" ({filters})" if filters else "")
    if total == 0:
        if search is not None:
            return f"No guest of {event.name} matches “{search}”."
        if status == "failed" and not side:
            return f"✅ No failed invitations for {event.name}."
        if status or side:
            return f"No guests of {event.name} are {_filter_words(status, side)}."
        return (f"{event.name} has no guests yet. Add one: *add guest Dana Levi 050-234-5678*, "
                "or send a CSV file.")
    render = failed_line if status == "failed" else guest_line
    lines = [title] + [render(start + i, g) for i, g in enumerate(guests)]
    end = start + len(guests) - 1
    if end < total:
        nxt = min(end + PAGE_SIZE, total)
        lines.append(f"\n{start}–{end} of {total:,}. Send *more* for {end + 1}–{nxt}.")
    elif status == "failed":
        lines.append(f"\nFix a number with *edit {start} phone <number>*, then *invite* again.")
    return cap("\n".join(lines))


def ambiguous_guests(text: str, guests: list[Guest], total: int, again: str) -> str:
    lines = [f"{plural(total, 'guest')} match “{text}”. Which one?"]
    lines += [f"{n}. {guest_name(g)} {display_phone(g.phone)}" for n, g in enumerate(guests, start=1)]
    if total > len(guests):
        lines.append(f"…and {total - len(guests):,} more: try a fuller name or the phone.")
    lines.append(f"\nSend it again with the number, e.g. *{again}*.")
    return cap("\n".join(lines))


def guest_added(event, guest: Guest) -> str:
    bits = []
    if guest.side:
        bits.append(f"side {guest.side}")
    if guest.party_size:
        bits.append(f"party {guest.party_size}")
    extra = f" ({', '.join(bits)})" if bits else ""
    opted = " They opted out of messages earlier, so I won't message them." if guest.opted_out else ""
    return f"✅ Added {guest_name(guest)} {display_phone(guest.phone)}{extra} to {event.name}.{opted}"


def import_summary(event, result, *, what: str = "guest list", unit: str = "line") -> str:
    """What an import (several lines, contact cards, a CSV file) did, by line."""
    created, dupes, rejected = len(result.created), len(result.duplicates), len(result.rejected)
    lines = [f"*{event.name}*: {what} read."]
    lines.append(f"✅ Added {plural(created, 'guest')}.")
    if dupes:
        lines.append(f"↩️ {plural(dupes, 'guest')} already on the list:")
        lines += bullet_list([
            f"{unit} {line}: {guest.full_name}, added by {adder}" if line is not None else
            f"{guest.full_name}, added by {adder}"
            for line, guest, adder in result.duplicates
        ])
    if rejected:
        lines.append(f"⚠️ {plural(rejected, unit)} not added:")
        lines += bullet_list([
            f"{unit} {line}: {reason}" if line is not None else reason for line, reason in result.rejected
        ])
        lines.append("Fix those and send them again.")
    if created and not rejected:
        lines.append("Send *invite* when you're ready.")
    return cap("\n".join(lines))


def guest_updated(event, guest: Guest, field: str, old_name: str | None = None) -> str:
    shown = {
        "name": f"name to {guest_name(guest)}",
        "phone": f"phone to {display_phone(guest.phone)}",
        "side": f"side to {guest.side or '-'}",
        "party": f"party to {guest.party_size if guest.party_size is not None else '-'}",
        "note": "note",
    }[field]
    extra = ""
    if field == "phone" and guest.invitation == InvitationState.not_sent:
        extra = " Send *invite* to invite the new number."
    return f"✏️ Changed {old_name or guest_name(guest)}'s {shown} ({event.name}).{extra}"


def guest_marked(event, guest: Guest) -> str:
    if guest.status == RsvpStatus.confirmed:
        party = guest.party_size if guest.party_size else 1
        return f"✅ Marked {guest_name(guest)} as coming ({party}) for {event.name}."
    if guest.status == RsvpStatus.declined:
        return f"❌ Marked {guest_name(guest)} as not coming to {event.name}."
    return f"⏳ Marked {guest_name(guest)} as pending for {event.name}."


def remove_guest_question(event, guest: Guest) -> str:
    return f"Remove {guest_name(guest)} {display_phone(guest.phone)} from {event.name}? Reply yes or no."


def guest_removed(event_name: str, name: str) -> str:
    return f"🗑 Removed {name} from {event_name}."


def stats(event, data: dict) -> str:
    total = data["total"]
    if total == 0:
        return f"*{event.name}* has no guests yet. Add some with *add guest* or a CSV file."
    by = data["by_status"]
    inv = data["invitations"]
    rate = round(data["confirmation_rate"] * 100)
    lines = [
        f"📊 *{event.name}*",
        f"{plural(total, 'guest')} · {plural(data['expected_headcount'], 'person', 'people')} expected",
        f"✅ {by['confirmed']:,} confirmed",
        f"❌ {by['declined']:,} declined",
        f"⏳ {by['invited']:,} pending",
        f"Confirmation rate {rate}%",
    ]
    sides = {k: v for k, v in data["by_side"].items()}
    if len(sides) > 1 or (sides and "none" not in sides):
        lines.append("")
        lines.append("*By side*")
        shown = sorted(sides.items(), key=lambda kv: -kv[1]["total"])
        for side, b in shown[:8]:
            label = "no side" if side == "none" else side
            lines.append(f"{label}: {b['total']:,} (✅{b['confirmed']:,} ❌{b['declined']:,} ⏳{b['invited']:,})")
        if len(shown) > 8:
            lines.append(f"…and {len(shown) - 8} more sides")
    sent = inv["sent"] + inv["delivered"] + inv["read"]
    lines.append("")
    lines.append("*Invitations*")
    lines.append(f"{sent:,} sent · {inv['delivered'] + inv['read']:,} delivered · {inv['read']:,} read")
    tail = []
    if inv["failed"]:
        tail.append(f"⚠️ {inv['failed']:,} failed (*guests failed*)")
    if inv["not_sent"]:
        tail.append(f"{inv['not_sent']:,} not sent yet (*invite*)")
    if tail:
        lines.append(" · ".join(tail))
    return cap("\n".join(lines))


# ---------------------------------------------------------------- sending

def _skipped(skipped: dict[str, int]) -> str:
    """" Skipped: 3 opted out, 1 whose invitation failed." (empty when nobody was skipped)."""
    parts = []
    for reason, n in skipped.items():
        if not n:
            continue
        label = {"invitation failed": "whose invitation failed"}.get(reason, reason.replace("_", " "))
        parts.append(f"{n:,} {label}")
    return " Skipped: " + ", ".join(parts) + "." if parts else ""


def send_question(kind: str, event, count: int, skipped: dict[str, int], text: str | None = None,
                  filters: str = "") -> str:
    who = plural(count, "guest")
    if filters:
        who = f"{who} ({filters})"
    if kind == "invite":
        head = f"Send the invitation to {who} of {event.name}?"
    elif kind == "remind":
        head = f"Send a reminder to {who} of {event.name} (no answer yet)?"
    else:
        preview = text if len(text or "") <= 300 else text[:299] + "…"
        head = f"Send this to {who} of {event.name}?\n\n“{preview}”\n"
    return head + _skipped(skipped) + " Reply yes or no."


def nobody_to_send(kind: str, event, skipped: dict[str, int]) -> str:
    if kind == "invite":
        text = f"Nobody to invite: every guest of {event.name} already has the invitation."
    elif kind == "remind":
        text = f"Nobody to remind: no invited guest of {event.name} is waiting for an answer."
    else:
        text = f"No guest of {event.name} matches that."
    return text + _skipped(skipped)


def sending_started(kind: str, event, total: int) -> str:
    noun = {"invite": "invitation", "remind": "reminder", "broadcast": "message"}[kind]
    return f"📤 Sending {plural(total, noun)} for {event.name}… I'll tell you when they're out."


def message_queued(event, guest: Guest) -> str:
    return f"📤 Sending your message to {guest_name(guest)} ({event.name})."


# ---------------------------------------------------------------- members

def members_list(event, members: list, me_id) -> str:
    lines = [f"*Team of {event.name}*"]
    for n, m in enumerate(members, start=1):
        user = m.user
        who = user.display_name or (display_phone(user.phone) if user.phone else "someone")
        phone = f" {display_phone(user.phone)}" if user.phone and user.display_name else ""
        me = " (you)" if m.user_id == me_id else ""
        lines.append(f"{n}. {who}{phone}: {m.role.value}{me}")
    lines.append("")
    lines.append("Admins: *add member 050-234-5678 editor*, *role 2 viewer*, *remove member 2*.")
    return cap("\n".join(lines))


def member_name(member) -> str:
    user = member.user
    if user.display_name and user.phone:
        return f"{user.display_name} ({display_phone(user.phone)})"
    return user.display_name or (display_phone(user.phone) if user.phone else "someone")


def member_added(event, member) -> str:
    return (f"👥 Added {member_name(member)} to {event.name} as {member.role.value}. "
            "I've sent them a message about it.")


def welcome_member(event, adder_name: str, role: str) -> str:
    return (f"👋 {adder_name} added you to the team of *{event.name}* as {role}.\n"
            f"As {'an' if role[0] in 'aeiou' else 'a'} {role} you can {ROLE_CAN[role]}.\n"
            f"Send *help* here to start, or *stats* to see the answers so far.")


def removed_member(event, remover_name: str) -> str:
    return (f"👋 {remover_name} removed you from the team of *{event.name}*. "
            "You won't get its updates any more.")


def welcome_member_template_text(event, adder_name: str, role: str) -> str:
    return (f"{adder_name} added you to the team of {event.name} as {role}. "
            "Reply help to start.")


def role_changed(event, member) -> str:
    return f"👥 {member_name(member)} is now {member.role.value} of {event.name}."


def remove_member_question(event, member) -> str:
    return f"Remove {member_name(member)} ({member.role.value}) from the team of {event.name}? Reply yes or no."


def member_removed(event_name: str, name: str) -> str:
    return f"👥 Removed {name} from the team of {event_name}."


def left_event(name: str) -> str:
    return f"👋 You left the team of {name}."


# ---------------------------------------------------------------- account

def token_issued(token: str) -> str:
    return ("🔑 Your personal API token (shown only this once):\n\n"
            f"{token}\n\n"
            "Keep it secret: it acts as you. Send *token revoke* to cancel it.")


def tokens_revoked(n: int) -> str:
    if n == 0:
        return "You have no active API tokens."
    return f"🔑 Revoked {plural(n, 'API token')}. Anything using {'it' if n == 1 else 'them'} stops working now."


def help_text(groups: list[tuple[str, list[tuple[str, str]]]], event=None, role: str | None = None) -> str:
    if event is not None:
        lines = [f"*Commands* for {event.name} (you're {role})"]
    else:
        lines = ["*Commands*"]
    for group, rows in groups:
        lines.append("")
        lines.append(f"*{group}*")
        for usage, summary in rows:
            lines.append(f"• {usage}: {summary}")
    if event is None:
        lines.append("")
        lines.append("Start with: new event Dana & Noam's wedding")
    return cap("\n".join(lines))


def expired(again: str) -> str:
    return f"That question expired; send *{again}* again."


def date_text(d: date) -> str:
    return format_date(d)
