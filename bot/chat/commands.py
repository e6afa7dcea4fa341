"""The organiser command parser: text in, a command value or a ParseError out.

Pure: no database, no network. Every verb lives in one table, `COMMANDS`; the
parser matches against it and `help_lines` renders it, so `help` can never
promise a command the parser does not know (or hide one it does).

`parse` never raises. Expected mistakes come back as `ParseError(message, usage)`
with a one-line hint fit for a phone screen.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Union

from bot.text import i18n
from bot.text.dates import InvalidDate, parse_date
from bot.text.phones import InvalidPhone, find_phone, normalize_phone
from bot.services.permissions import Action
from storage.models import MAX_PARTY_SIZE  # one limit for parser, store and answers

__all__ = [
    # values
    "Ref", "GuestDraft", "LineError", "ParseError",
    # commands
    "Help", "NewEvent", "SetEventField", "ListEvents", "UseEvent", "ShowEvent", "DeleteEvent",
    "AddGuests", "ListGuests", "More", "FindGuests", "EditGuest", "MarkGuest", "RemoveGuest",
    "Stats", "Invite", "Remind", "Broadcast", "MessageGuest",
    "ListMembers", "AddMember", "ChangeRole", "RemoveMember", "Leave", "Notify", "Reminders",
    "SetLanguage", "Token", "Confirm", "Cancel", "Command",
    # the table and functions
    "CommandSpec", "COMMANDS", "GROUPS", "parse", "help_lines", "spec_for", "action_for", "split_name",
    "MAX_GUEST_LINES", "MAX_TEXT_LENGTH", "MAX_PARTY_SIZE",
]

MAX_GUEST_LINES = 1000      # guests in one `add guests` message; more → a CSV file
MAX_TEXT_LENGTH = 4096      # WhatsApp's limit for one text message
MAX_REMINDER_DAYS = 365
_MAX_INPUT = 200_000        # characters we look at at all


# ---------------------------------------------------------------- values

@dataclass(frozen=True)
class Ref:
    """A guest or member as the organiser named them; the caller resolves it.

    `number` is a position in the last listing ("3"), `phone` an E.164 number,
    otherwise `text` is a name (or part of one).
    """
    text: str
    number: int | None = None
    phone: str | None = None


@dataclass(frozen=True)
class GuestDraft:
    first_name: str
    last_name: str
    phone: str
    side: str | None = None
    party_size: int | None = None
    notes: str | None = None
    line_no: int = 1


@dataclass(frozen=True)
class LineError:
    line_no: int
    text: str
    reason: str


@dataclass(frozen=True)
class ParseError:
    message: str
    usage: str | None = None


# ---------------------------------------------------------------- commands

@dataclass(frozen=True)
class Help:
    pass


@dataclass(frozen=True)
class NewEvent:
    name: str
    date: date | None = None
    location: str | None = None


@dataclass(frozen=True)
class SetEventField:
    field: str                 # "name" | "date" | "location"
    value: Union[str, date]    # a `date` when field == "date"


@dataclass(frozen=True)
class ListEvents:
    pass


@dataclass(frozen=True)
class UseEvent:
    ref: str                   # a list number ("2") or (part of) a name


@dataclass(frozen=True)
class ShowEvent:
    pass


@dataclass(frozen=True)
class DeleteEvent:
    pass


@dataclass(frozen=True)
class AddGuests:
    guests: tuple[GuestDraft, ...]
    errors: tuple[LineError, ...] = ()


@dataclass(frozen=True)
class ListGuests:
    status: str | None = None  # "pending" | "confirmed" | "declined" | "not_invited" | "failed"
    side: str | None = None


@dataclass(frozen=True)
class More:
    pass


@dataclass(frozen=True)
class FindGuests:
    text: str


@dataclass(frozen=True)
class EditGuest:
    ref: Ref
    field: str                 # "name" | "phone" | "side" | "party" | "note"
    value: Union[str, int]     # E.164 for phone, an int for party, else text


@dataclass(frozen=True)
class MarkGuest:
    ref: Ref
    answer: str                # "yes" | "no" | "pending"
    party_size: int | None = None


@dataclass(frozen=True)
class RemoveGuest:
    ref: Ref


@dataclass(frozen=True)
class Stats:
    pass


@dataclass(frozen=True)
class Invite:
    pass


@dataclass(frozen=True)
class Remind:
    pass


@dataclass(frozen=True)
class Broadcast:
    text: str
    status: str | None = None  # "pending" | "confirmed" | "declined"; None: everyone
    side: str | None = None


@dataclass(frozen=True)
class MessageGuest:
    ref: Ref
    text: str


@dataclass(frozen=True)
class ListMembers:
    pass


@dataclass(frozen=True)
class AddMember:
    phone: str
    role: str = "editor"       # "admin" | "editor" | "viewer"


@dataclass(frozen=True)
class ChangeRole:
    ref: Ref
    role: str


@dataclass(frozen=True)
class RemoveMember:
    ref: Ref


@dataclass(frozen=True)
class Leave:
    pass


@dataclass(frozen=True)
class Notify:
    on: bool


@dataclass(frozen=True)
class Reminders:
    days: tuple[int, ...] | None   # None: automatic reminders off


@dataclass(frozen=True)
class SetLanguage:
    code: str                  # "he" | "en" | "ar" | "ru": the language the sender reads


@dataclass(frozen=True)
class Token:
    revoke: bool = False


@dataclass(frozen=True)
class Confirm:
    answer: str                # "yes" | "no"


@dataclass(frozen=True)
class Cancel:
    pass


Command = Union[
    Help, NewEvent, SetEventField, ListEvents, UseEvent, ShowEvent, DeleteEvent, AddGuests,
    ListGuests, More, FindGuests, EditGuest, MarkGuest, RemoveGuest, Stats, Invite, Remind,
    Broadcast, MessageGuest, ListMembers, AddMember, ChangeRole, RemoveMember, Leave, Notify,
    Reminders, SetLanguage, Token, Confirm, Cancel,
]


# ---------------------------------------------------------------- input handling

_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_TOKEN = re.compile(r"\S+")
_TRAIL = ".,!?:;"
_FILLER = {"please", "pls", "plz", "thanks", "thank", "you", "thx", "now", "me", "again", "bevakasha", "בבקשה", "תודה"}


@dataclass(frozen=True)
class _Input:
    """What a spec's argument parser receives."""
    verb: str                  # the verb matched, lower case ("add guests")
    rest: str                  # the first line after the verb, original case, stripped
    body: tuple[str, ...]      # the following non-empty lines, stripped
    region: str | None
    today: date | None

    @property
    def rest_words(self) -> list[str]:
        return [_key(w) for w in self.rest.split() if _key(w)]

    @property
    def full_text(self) -> str:
        """The first line's rest and the following lines, as one text."""
        parts = [self.rest] if self.rest else []
        return "\n".join(parts + list(self.body)).strip()


def _key(word: str) -> str:
    key = word.lower().strip(_TRAIL + "\"'()[]*_~")
    if not key and word.strip() and set(word.strip()) == {"?"}:
        return "?"
    return key


def _short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Fail(Exception):
    """Internal: a spec's argument parser gave up with a reason for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# ---------------------------------------------------------------- the table

@dataclass(frozen=True)
class CommandSpec:
    name: str
    verbs: tuple[str, ...]
    usage: str
    summary: str
    group: str
    action: Action | None
    command: type
    parse_args: Callable[[_Input], object] = field(repr=False, compare=False, default=None)  # type: ignore[assignment]
    # False for commands that only read (the chat runs them without a savepoint).
    writes: bool = True


GROUPS = ("Events", "Guests", "Sending", "Team", "Account")


def _spec(name, verbs, usage, summary, group, action, command, *, writes=True):
    """Decorator: register the argument parser of one command in the table."""
    def register(fn):
        COMMANDS.append(CommandSpec(name, tuple(verbs), usage, summary, group, action, command, fn, writes))
        return fn
    return register


COMMANDS: list[CommandSpec] = []


def _no_args(inp: _Input, value: object, usage: str) -> object:
    extra = [w for w in inp.rest_words if w not in _FILLER]
    if extra or inp.body:
        raise _Fail(f"*{inp.verb}* doesn't take anything after it. Try: {usage}")
    return value


# --- Events

@_spec("new event", ["new event", "create event", "add event", "create", "אירוע חדש"],
       "new event <name> (then lines: date: 12/6/2027, location: <place>)",
       "create an event", "Events", None, NewEvent)
def _parse_new_event(inp: _Input) -> NewEvent:
    name = inp.rest.strip().strip(",;")
    event_date: date | None = None
    location: str | None = None
    for line in inp.body:
        label, value = _labelled(line)
        if label == "name":
            name = value
        elif label == "date":
            event_date = _date(value, inp.today)
        elif label == "location":
            location = value or None
        elif not name:
            name = line
        else:
            raise _Fail(f"I didn't get the line \"{_short(line)}\". Use date: 12/6/2027 or location: <place>")
    name = name.strip()
    if not name or not _has_letter_or_digit(name):
        raise _Fail("Give the event a name. Try: new event Dana & Noam's wedding")
    if len(name) > 200:
        raise _Fail("That name is too long (200 characters at most).")
    if location is not None and len(location) > 300:
        raise _Fail("That location is too long (300 characters at most).")
    return NewEvent(name=name, date=event_date, location=location)


_EVENT_FIELDS = {
    "name": "name", "title": "name", "שם": "name",
    "date": "date", "when": "date", "day": "date", "תאריך": "date",
    "location": "location", "place": "location", "venue": "location", "where": "location",
    "address": "location", "מקום": "location", "כתובת": "location",
    "language": "language", "lang": "language", "שפה": "language", "שפת": "language",
}


def _labelled(line: str) -> tuple[str | None, str]:
    """('date', '12/6/2027') from 'date: 12/6/2027' or 'Date 12/6/2027'."""
    m = re.match(r"^\s*([^\s:=]+)\s*[:=]?\s*(.*)$", line, re.S)
    if not m:
        return None, line
    label = _EVENT_FIELDS.get(_key(m.group(1)))
    if label is None:
        return None, line
    return label, m.group(2).strip()


def _date(text: str, today: date | None) -> date:
    try:
        return parse_date(text, today)
    except InvalidDate as e:
        raise _Fail(e.message) from None


@_spec("set", ["set", "set event", "change event", "edit event", "update event", "rename", "rename event",
               "change date", "change location", "change venue", "change name", "set date", "set location",
               "set name"],
       "set date|location|name <value>", "change the event's date, place or name", "Events",
       Action.MANAGE_EVENT, SetEventField)
def _parse_set(inp: _Input) -> SetEventField:
    usage = "set date 12/6/2027"
    verb_words = inp.verb.split()
    implied = _EVENT_FIELDS.get(verb_words[-1]) if len(verb_words) > 1 or verb_words[0] == "rename" else None
    if verb_words[0] == "rename":
        implied = "name"
    text = inp.full_text
    if implied is None:
        label, value = _labelled(text) if text else (None, "")
        if label is None:
            raise _Fail(f"What should I set? Try: {usage} (or location, name)")
    else:
        label, value = implied, re.sub(r"^\s*(?:[:=]|to\b)\s*", "", text, flags=re.I)
        relabel, revalue = _labelled(value)   # "set date date: 12/6" or "rename event name X"
        if relabel == label:
            value = revalue
    value = re.sub(r"^\s*(?:to\s+|[:=]\s*)", "", value, flags=re.I).strip()
    if not value:
        raise _Fail(f"Give the new {label}. Try: set {label} {'12/6/2027' if label == 'date' else '...'}")
    if label == "date":
        return SetEventField("date", _date(value, inp.today))
    if label == "language":
        code = i18n.normalize(value)
        if code is None:
            raise _Fail("Guests can read he, en, ar or ru. Try: set language he")
        return SetEventField("language", code)
    if len(value) > 300:
        raise _Fail(f"That {label} is too long (300 characters at most).")
    return SetEventField(label, value)


@_spec("events", ["events", "my events", "list events", "show events", "all events"],
       "events", "list your events", "Events", None, ListEvents, writes=False)
def _parse_events(inp: _Input) -> ListEvents:
    return _no_args(inp, ListEvents(), "events")


@_spec("use", ["use", "use event", "switch to", "switch", "select", "open", "go to"],
       "use <number|name>", "work on another event", "Events", None, UseEvent)
def _parse_use(inp: _Input) -> UseEvent:
    ref = inp.rest.strip().strip(_TRAIL).lstrip("#").strip()
    if not ref:
        raise _Fail("Which event? Try: use 2 (the number from *events*) or use <name>")
    return UseEvent(ref=ref)


@_spec("event", ["event", "event details", "show event", "event info", "details", "info"],
       "event", "the current event's details", "Events", Action.VIEW, ShowEvent, writes=False)
def _parse_event(inp: _Input) -> ShowEvent:
    return _no_args(inp, ShowEvent(), "event")


@_spec("delete event", ["delete event", "remove event", "cancel event"],
       "delete event", "delete the current event (asks first)", "Events", Action.MANAGE_EVENT, DeleteEvent)
def _parse_delete_event(inp: _Input) -> DeleteEvent:
    if [w for w in inp.rest_words if w not in _FILLER] or inp.body:
        raise _Fail("*delete event* works on the current event: pick it with *use <name>*, then send *delete event*")
    return DeleteEvent()


@_spec("reminders", ["reminders", "auto reminders", "automatic reminders", "reminder days", "set reminders"],
       "reminders <days before…>|off", "automatic reminders, e.g. reminders 14 7 2", "Events",
       Action.MANAGE_EVENT, Reminders)
def _parse_reminders(inp: _Input) -> Reminders:
    usage = "reminders 14 7 2 (days before the event) or reminders off"
    words = inp.rest_words
    if not words:
        raise _Fail(f"When should I remind? Try: {usage}")
    if words[0] in {"off", "none", "stop", "disable", "no", "never", "0"} and len(words) == 1:
        return Reminders(days=None)
    days: set[int] = set()
    for word in re.split(r"[\s,;/]+", inp.rest.lower()):
        word = word.strip(_TRAIL)
        if not word or word in {"days", "day", "before", "and", "&", "d", "on"}:
            continue
        m = re.fullmatch(r"(\d{1,6})d?", word)
        if not m:
            raise _Fail(f"I didn't get \"{_short(word, 15)}\". Try: {usage}")
        n = int(m.group(1))
        if not 1 <= n <= MAX_REMINDER_DAYS:
            raise _Fail(f"Reminder days must be between 1 and {MAX_REMINDER_DAYS}. Try: {usage}")
        days.add(n)
    if not days:
        raise _Fail(f"When should I remind? Try: {usage}")
    if len(days) > 10:
        raise _Fail("At most 10 reminder rounds, please.")
    return Reminders(days=tuple(sorted(days, reverse=True)))


# --- Guests

_SIDE_WORDS = {"side", "צד"}
_PARTY_WORDS = {"party", "people", "pax", "size", "guests", "count", "כמות", "מוזמנים", "אנשים"}
_NOTE_WORDS = {"note", "notes", "comment", "הערה", "הערות"}
_LIST_MARKER = re.compile(r"^\s*(?:[-*•·]+|\d{1,4}[.)])\s+")


@_spec("add guest", ["add guest", "add guests", "new guest", "new guests", "add", "הוסף", "הוסף אורח", "הוסף אורחים"],
       "add guest <name> <phone> [side <side>] [party <n>] [note <text>]",
       "add a guest; *add guests* with one guest a line below it", "Guests", Action.EDIT_GUESTS, AddGuests)
def _parse_add_guests(inp: _Input) -> AddGuests:
    usage = "add guest Dana Levi 050-234-5678"
    if not inp.body:
        if not inp.rest:
            raise _Fail(f"Who should I add? Try: {usage}, or *add guests* with one guest a line below it")
        draft = _guest_line(inp.rest, 1, inp.region)
        if isinstance(draft, LineError):
            raise _Fail(f"{draft.reason} Try: {usage}")
        return AddGuests(guests=(draft,))
    lines = ([inp.rest] if inp.rest else []) + list(inp.body)
    if len(lines) > MAX_GUEST_LINES:
        raise _Fail(f"That's {len(lines)} lines; I take up to {MAX_GUEST_LINES} guests a message. "
                    "Split them, or send a CSV file.")
    guests: list[GuestDraft] = []
    errors: list[LineError] = []
    seen: dict[str, int] = {}
    for line_no, line in enumerate(lines, start=1):
        draft = _guest_line(line, line_no, inp.region)
        if isinstance(draft, LineError):
            errors.append(draft)
        elif draft.phone in seen:
            errors.append(LineError(line_no, _short(line, 80), f"Same phone as line {seen[draft.phone]}."))
        else:
            seen[draft.phone] = line_no
            guests.append(draft)
    return AddGuests(guests=tuple(guests), errors=tuple(errors))


def split_name(full_name: str) -> tuple[str, str]:
    """'Dana Levi' → ('Dana', 'Levi'); 'Dana' → ('Dana', ''): first and last on the first space."""
    parts = " ".join(full_name.split()).split(" ", 1)
    return parts[0], (parts[1] if len(parts) > 1 else "")


def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _has_letter_or_digit(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _guest_line(line: str, line_no: int, region: str | None) -> GuestDraft | LineError:
    shown = _short(line, 80)
    text = _LIST_MARKER.sub("", line, count=1)
    phone, rest = find_phone(text, region)
    if phone is None:
        return LineError(line_no, shown, _phone_problem(text))
    spans = list(re.finditer(r"[^\s,;]+", rest))
    tokens = [m.group() for m in spans]
    name_words: list[str] = []
    side_words: list[str] = []
    party: int | None = None
    note: str | None = None
    mode = "name"
    i = 0
    while i < len(tokens):
        raw = tokens[i]
        word = _key(raw)
        if word in _NOTE_WORDS:
            note = " ".join(rest[spans[i].end():].lstrip(":=,; ").split()) or None
            break
        if word in _SIDE_WORDS:
            mode = "side"
        elif word in _PARTY_WORDS:
            j = i + 1
            if j < len(tokens) and _key(tokens[j]) in {"of", "="}:
                j += 1
            value = tokens[j].strip(_TRAIL + ":=") if j < len(tokens) else ""
            if not value.isdigit() or not 1 <= int(value) <= MAX_PARTY_SIZE:
                return LineError(line_no, shown, f"Party must be a number from 1 to {MAX_PARTY_SIZE}.")
            party = int(value)
            i = j
            mode = "done"
        elif mode == "name":
            name_words.append(raw)
        elif mode == "side":
            side_words.append(raw)
        else:
            return LineError(line_no, shown, f"I didn't get \"{_short(raw, 20)}\".")
        i += 1
    name = " ".join(name_words).strip(" :=-")
    if not _has_letter(name):
        if any(ch.isdigit() for ch in name):
            return LineError(line_no, shown, f"I couldn't tell what \"{_short(name, 20)}\" is.")
        return LineError(line_no, shown, "No name.")
    stray = [w for w in name_words if any(ch.isdigit() for ch in w) and not _has_letter(w)]
    if stray:
        return LineError(line_no, shown, f"I couldn't tell what \"{_short(stray[0], 20)}\" is (one phone a line; party 2 for a party size).")
    side = " ".join(side_words).strip(" :=") or None
    if mode == "side" and side is None:
        return LineError(line_no, shown, "Which side? e.g. side bride")
    if len(name) > 120:
        return LineError(line_no, shown, "That name is too long.")
    first, last = split_name(name)
    return GuestDraft(first_name=first, last_name=last, phone=phone, side=side, party_size=party,
                      notes=note, line_no=line_no)


def _phone_problem(text: str) -> str:
    candidate = re.search(r"\+?\d[\d\s\-().]{2,}\d", text)
    if candidate:
        try:
            normalize_phone(candidate.group(), None)
        except InvalidPhone as e:
            return e.message + "."
    return "No phone number."


_STATUS_WORDS = {
    "pending": "pending", "invited": "pending", "waiting": "pending", "unanswered": "pending",
    "open": "pending", "maybe": "pending",
    "confirmed": "confirmed", "coming": "confirmed", "yes": "confirmed", "attending": "confirmed",
    "accepted": "confirmed",
    "declined": "declined", "no": "declined", "rejected": "declined",
    "failed": "failed", "undelivered": "failed", "errors": "failed", "bounced": "failed",
    "uninvited": "not_invited", "new": "not_invited", "not_invited": "not_invited",
    "all": None, "everyone": None, "everybody": None,
}
_STATUS_PAIRS = {
    ("not", "invited"): "not_invited", ("not", "sent"): "not_invited", ("no", "answer"): "pending",
    ("not", "coming"): "declined", ("not", "delivered"): "failed", ("not", "answered"): "pending",
}


def _take_status(words: list[str], i: int) -> tuple[bool, str | None, int]:
    """Is there a status at words[i]? (found, status, words used)."""
    if i + 1 < len(words) and (words[i], words[i + 1]) in _STATUS_PAIRS:
        return True, _STATUS_PAIRS[(words[i], words[i + 1])], 2
    if words[i] in _STATUS_WORDS:
        return True, _STATUS_WORDS[words[i]], 1
    return False, None, 0


@_spec("guests", ["guests", "guest list", "list guests", "list", "show guests", "all guests", "guests list"],
       "guests [pending|confirmed|declined|not invited|failed] [side <side>]",
       "the guest list (*guests failed*: who didn't get the invitation)", "Guests", Action.VIEW, ListGuests,
       writes=False)
def _parse_guests(inp: _Input) -> ListGuests:
    usage = "guests pending side bride"
    words = [w for w in inp.rest_words if w not in _FILLER]
    status: str | None = None
    side: str | None = None
    i = 0
    while i < len(words):
        if words[i] in _SIDE_WORDS:
            side_words = []
            i += 1
            while i < len(words) and not _take_status(words, i)[0]:
                side_words.append(words[i])
                i += 1
            if not side_words:
                raise _Fail(f"Which side? Try: {usage}")
            side = " ".join(side_words)
            continue
        found, value, used = _take_status(words, i)
        if not found:
            raise _Fail(f"I didn't get \"{_short(words[i], 20)}\". Try: {usage}, or *find <name>*")
        status = value
        i += used
    return ListGuests(status=status, side=side)


@_spec("more", ["more", "next", "next page", "show more"],
       "more", "the next page of a list", "Guests", None, More, writes=False)
def _parse_more(inp: _Input) -> More:
    return _no_args(inp, More(), "more")


@_spec("find", ["find", "search", "lookup", "look up", "who is", "find guest", "חפש"],
       "find <name or phone>", "search the guest list", "Guests", Action.VIEW, FindGuests, writes=False)
def _parse_find(inp: _Input) -> FindGuests:
    text = inp.rest.strip().strip(_TRAIL + "\"'").strip()
    if not text:
        raise _Fail("Find whom? Try: find Dana")
    return FindGuests(text=text[:100])


_GUEST_FIELDS = {
    "name": "name", "phone": "phone", "number": "phone", "tel": "phone", "mobile": "phone",
    "side": "side", "party": "party", "size": "party", "people": "party", "pax": "party",
    "note": "note", "notes": "note", "comment": "note",
    "שם": "name", "טלפון": "phone", "צד": "side", "כמות": "party", "הערה": "note",
}


def _ref(text: str, region: str | None) -> Ref:
    text = " ".join(text.split()).strip(_TRAIL + "\"'").strip()
    if text.startswith("#"):
        text = text[1:].strip()
    if not text:
        raise _Fail("Whom do you mean? Use the number from the last list, a name or a phone.")
    if len(text) > 100:
        raise _Fail("That's too long for a name or a phone.")
    if text.isdigit() and len(text) <= 5:
        return Ref(text=text, number=int(text))
    if sum(ch.isdigit() for ch in text) >= 5 and not _has_letter(text):
        try:
            return Ref(text=text, phone=normalize_phone(text, region))
        except InvalidPhone as e:
            raise _Fail(e.message) from None
    return Ref(text=text)


def _party(text: str, low: int = 0) -> int:
    value = text.strip().strip(_TRAIL)
    if not value.isdigit() or not low <= int(value) <= MAX_PARTY_SIZE:
        raise _Fail(f"Party must be a number from {low} to {MAX_PARTY_SIZE}.")
    return int(value)


@_spec("edit", ["edit", "edit guest", "change", "update", "fix"],
       "edit <ref> name|phone|side|party|note <value>", "change a guest's details", "Guests",
       Action.EDIT_GUESTS, EditGuest)
def _parse_edit(inp: _Input) -> EditGuest:
    usage = "edit 3 phone 050-234-5678"
    spans = list(_TOKEN.finditer(inp.rest))
    at = next((i for i, m in enumerate(spans) if i > 0 and _key(m.group()) in _GUEST_FIELDS), None)
    if at is None:
        raise _Fail(f"What should I change? Try: {usage} (or name, side, party, note)")
    ref = _ref(inp.rest[: spans[at].start()], inp.region)
    field_name = _GUEST_FIELDS[_key(spans[at].group())]
    value = (inp.rest[spans[at].end():] + ("\n" + "\n".join(inp.body) if inp.body else "")).strip()
    value = re.sub(r"^(?:size\b\s*)?(?:to\b\s*|[:=]\s*)?", "", value, flags=re.I).strip()
    if not value:
        raise _Fail(f"Give the new {field_name}. Try: {usage}")
    if field_name == "phone":
        try:
            return EditGuest(ref, "phone", normalize_phone(value, inp.region))
        except InvalidPhone as e:
            raise _Fail(e.message) from None
    if field_name == "party":
        return EditGuest(ref, "party", _party(value))
    if field_name == "name":
        value = " ".join(value.split())
        if not _has_letter(value) or len(value) > 120:
            raise _Fail("A name needs letters. Try: edit 3 name Dana Levi")
    if len(value) > 500:
        raise _Fail("That's too long (500 characters at most).")
    return EditGuest(ref, field_name, value)


_ANSWERS = {
    "yes": "yes", "y": "yes", "confirmed": "yes", "confirm": "yes", "coming": "yes", "attending": "yes",
    "accepted": "yes", "כן": "yes", "מגיע": "yes", "מגיעה": "yes", "מגיעים": "yes",
    "no": "no", "n": "no", "declined": "no", "decline": "no", "not-coming": "no", "לא": "no",
    "pending": "pending", "reset": "pending", "unknown": "pending", "invited": "pending", "clear": "pending",
}


@_spec("mark", ["mark", "rsvp", "mark guest", "set rsvp"],
       "mark <ref> yes|no|pending [party <n>]", "record a guest's answer by hand", "Guests",
       Action.EDIT_GUESTS, MarkGuest)
def _parse_mark(inp: _Input) -> MarkGuest:
    usage = "mark 3 yes party 2"
    spans = list(_TOKEN.finditer(inp.rest))
    keys = [_key(m.group()) for m in spans]
    at = None
    width = 1
    for i in range(1, len(keys)):
        if keys[i] == "not" and i + 1 < len(keys) and keys[i + 1] in {"coming", "attending"}:
            at, width, answer = i, 2, "no"
            break
        if keys[i] in _ANSWERS:
            at, answer = i, _ANSWERS[keys[i]]
            break
    if at is None:
        raise _Fail(f"Mark as what? Try: {usage} (or no, pending)")
    ref = _ref(inp.rest[: spans[at].start()], inp.region)
    tail = [k for k in keys[at + width:] if k and k not in _FILLER]
    party: int | None = None
    if tail:
        if tail[0] in _PARTY_WORDS or tail[0] in {"x", "of", "with"}:
            tail = tail[1:]
            if tail and tail[0] == "of":
                tail = tail[1:]
        if len(tail) == 1 and tail[0] in {"people", "guests"}:
            tail = []
        if len(tail) >= 2 and tail[1] in {"people", "guests", "pax"}:
            tail = tail[:1]
        if len(tail) != 1:
            raise _Fail(f"I didn't get the end of that. Try: {usage}")
        party = _party(tail[0])
    if answer == "no" and party:
        raise _Fail("A guest who isn't coming has no party size. Try: mark 3 no")
    return MarkGuest(ref=ref, answer=answer, party_size=party)


@_spec("remove guest", ["remove guest", "delete guest", "remove", "delete", "del"],
       "remove guest <ref>", "take a guest off the list", "Guests", Action.REMOVE_GUESTS, RemoveGuest)
def _parse_remove_guest(inp: _Input) -> RemoveGuest:
    if not inp.rest:
        raise _Fail("Remove whom? Try: remove guest 3 (the number from the last list), a name or a phone")
    return RemoveGuest(ref=_ref(inp.rest, inp.region))


@_spec("stats", ["stats", "status", "summary", "statistics", "report", "rsvps", "totals", "numbers", "סטטוס"],
       "stats", "answers so far, headcount, delivery", "Guests", Action.VIEW, Stats, writes=False)
def _parse_stats(inp: _Input) -> Stats:
    return _no_args(inp, Stats(), "stats")


# --- Sending

@_spec("invite", ["invite", "send invitations", "send invitation", "send invites", "send invite",
                  "invite guests", "invite all", "invite everyone", "send the invitations"],
       "invite", "send the invitation to guests not yet invited (asks first)", "Sending", Action.SEND, Invite)
def _parse_invite(inp: _Input) -> Invite:
    return _no_args(inp, Invite(), "invite")


@_spec("remind", ["remind", "send reminders", "send reminder", "remind guests", "remind pending",
                  "remind all", "remind everyone", "nudge"],
       "remind", "remind invited guests who haven't answered (asks first)", "Sending", Action.SEND, Remind)
def _parse_remind(inp: _Input) -> Remind:
    return _no_args(inp, Remind(), "remind")


_BROADCAST_STATUS = {"pending": "pending", "invited": "pending", "unanswered": "pending",
                     "confirmed": "confirmed", "coming": "confirmed", "attending": "confirmed",
                     "declined": "declined", "all": None, "everyone": None, "everybody": None}


@_spec("broadcast", ["broadcast", "announce", "message all", "message everyone", "send all",
                     "send to all", "send everyone", "tell everyone", "tell all"],
       "broadcast [pending|confirmed|declined] [side <side>]: <text>",
       "send a message to many guests (asks first)", "Sending", Action.SEND, Broadcast)
def _parse_broadcast(inp: _Input) -> Broadcast:
    usage = "broadcast pending: Please answer by Friday!"
    first = inp.rest
    status: str | None = None
    side: str | None = None
    pos = 0
    while True:
        m = _NEXT_WORD.match(first, pos)
        if not m:
            break
        word = m.group(1)
        key = _key(word)
        ends_filters = word.endswith(":") or first[m.end():].lstrip().startswith(":")
        if key in {"to", "only"} and pos == 0:
            pos = m.end()
            continue
        if key in _BROADCAST_STATUS and (_BROADCAST_STATUS[key] is not None or ends_filters):
            status = _BROADCAST_STATUS[key]
            pos = m.end()
            nxt = _NEXT_WORD.match(first, pos)
            if nxt and _key(nxt.group(1)) in {"guests", "guest", "only"} and (
                    nxt.group(1).endswith(":") or first[nxt.end():].lstrip().startswith(":")):
                pos = nxt.end()
            continue
        if key in _SIDE_WORDS:
            colon = re.compile(r":(?=\s|$)").search(first, m.end())
            if colon and 1 <= len(first[m.end():colon.start()].split()) <= 3:
                # "side bride family: text": the side runs to the colon
                side = " ".join(first[m.end():colon.start()].split())
                pos = colon.start()
                break
            nxt = _NEXT_WORD.match(first, m.end())
            if not nxt or not nxt.group(1).strip(_TRAIL):
                raise _Fail("Which side, and what should I say? Try: broadcast side bride: Bus leaves at 5")
            side = nxt.group(1).strip(_TRAIL)
            pos = nxt.end()
            continue
        break
    message = first[pos:].strip()
    if message.startswith(":"):
        message = message[1:].strip()
    if inp.body:
        message = (message + "\n" + "\n".join(inp.body)).strip()
    if not message:
        raise _Fail(f"What should I send? Try: {usage}")
    if len(message) > MAX_TEXT_LENGTH:
        raise _Fail(f"That message is {len(message)} characters; WhatsApp takes up to {MAX_TEXT_LENGTH}.")
    return Broadcast(text=message, status=status, side=side)


_NEXT_WORD = re.compile(r"\s*(\S+)")
_REF_COLON = re.compile(r":(?=\s|$)")


@_spec("message", ["message", "msg", "text", "write to", "message guest", "send message to", "tell"],
       "message <ref>: <text>", "send one guest a message", "Sending", Action.SEND, MessageGuest)
def _parse_message(inp: _Input) -> MessageGuest:
    usage = "message 3: See you there!"
    first = inp.rest
    colon = _REF_COLON.search(first)
    if colon and 1 <= len(first[: colon.start()].split()) <= 4:
        ref_text, text = first[: colon.start()], first[colon.end():]
    else:
        spans = list(_TOKEN.finditer(first))
        if not spans:
            raise _Fail(f"Whom, and what? Try: {usage}")
        cut = spans[0].end()
        run_end = None
        for m in spans:  # a phone may span several words: "050 234 5678 hello"
            if any(ch.isalpha() for ch in m.group()) or not any(ch.isdigit() for ch in m.group()):
                break
            run_end = m.end()
        if run_end is not None and sum(ch.isdigit() for ch in first[:run_end]) >= 7:
            cut = run_end
        ref_text, text = first[:cut], first[cut:]
    text = text.strip()
    if inp.body:
        text = (text + "\n" + "\n".join(inp.body)).strip()
    ref = _ref(ref_text, inp.region)
    if not text:
        raise _Fail(f"What should I send? Try: {usage}")
    if len(text) > MAX_TEXT_LENGTH:
        raise _Fail(f"That message is {len(text)} characters; WhatsApp takes up to {MAX_TEXT_LENGTH}.")
    return MessageGuest(ref=ref, text=text)


# --- Team

_ROLES = {"admin": "admin", "admins": "admin", "administrator": "admin", "owner": "admin",
          "editor": "editor", "editors": "editor", "edit": "editor",
          "viewer": "viewer", "viewers": "viewer", "view": "viewer", "read-only": "viewer", "readonly": "viewer"}


@_spec("members", ["members", "team", "list members", "show members", "organisers", "organizers",
                   "co-organisers", "co-organizers", "admins"],
       "members", "who organises this event", "Team", Action.VIEW, ListMembers, writes=False)
def _parse_members(inp: _Input) -> ListMembers:
    return _no_args(inp, ListMembers(), "members")


@_spec("add member", ["add member", "invite member", "add organiser", "add organizer", "add co-organiser",
                      "add co-organizer", "add admin", "add editor", "add viewer", "new member"],
       "add member <phone> [admin|editor|viewer]", "add a co-organiser (editor by default)", "Team",
       Action.MANAGE_EVENT, AddMember)
def _parse_add_member(inp: _Input) -> AddMember:
    usage = "add member 050-234-5678 editor"
    role = _ROLES.get(inp.verb.split()[-1], "editor")
    phone, rest = find_phone(inp.rest, inp.region)
    if phone is None:
        raise _Fail(_phone_problem(inp.rest) + f" Try: {usage}")
    for word in rest.split():
        key = _key(word)
        if key in _ROLES:
            role = _ROLES[key]
    return AddMember(phone=phone, role=role)


@_spec("role", ["role", "set role", "change role", "make"],
       "role <ref> admin|editor|viewer", "change a member's role", "Team", Action.MANAGE_EVENT, ChangeRole)
def _parse_role(inp: _Input) -> ChangeRole:
    usage = "role 2 admin"
    spans = list(_TOKEN.finditer(inp.rest))
    if len(spans) < 2 or _key(spans[-1].group()) not in _ROLES:
        raise _Fail(f"Whom, and which role? Try: {usage} (admin, editor or viewer)")
    role = _ROLES[_key(spans[-1].group())]
    end = len(spans) - 1
    while end > 0 and _key(spans[end - 1].group()) in {"to", "as", "an", "a", "="}:
        end -= 1
    if end == 0:
        raise _Fail(f"Whom? Try: {usage}")
    return ChangeRole(ref=_ref(inp.rest[: spans[end - 1].end()], inp.region), role=role)


@_spec("remove member", ["remove member", "delete member", "remove organiser", "remove organizer", "kick"],
       "remove member <ref>", "take someone off the team", "Team", Action.MANAGE_EVENT, RemoveMember)
def _parse_remove_member(inp: _Input) -> RemoveMember:
    if not inp.rest:
        raise _Fail("Remove whom? Try: remove member 2 (the number from *members*) or a phone")
    return RemoveMember(ref=_ref(inp.rest, inp.region))


@_spec("leave", ["leave", "leave event"],
       "leave", "leave the current event's team", "Team", Action.VIEW, Leave)
def _parse_leave(inp: _Input) -> Leave:
    return _no_args(inp, Leave(), "leave")


_ON = {"on", "yes", "true", "1", "enable", "enabled", "start", "me"}
_OFF = {"off", "no", "false", "0", "disable", "disabled", "stop", "mute"}


@_spec("notify", ["notify", "notifications", "notification", "alerts"],
       "notify on|off", "a message to you for each guest's answer", "Team", Action.VIEW, Notify)
def _parse_notify(inp: _Input) -> Notify:
    words = [w for w in inp.rest_words if w not in {"please", "pls"}]
    if len(words) == 1 and words[0] in _ON:
        return Notify(on=True)
    if len(words) == 1 and words[0] in _OFF:
        return Notify(on=False)
    raise _Fail("On or off? Try: notify on")


# --- Account

@_spec("language", ["language", "lang", "my language", "שפה"],
       "language he|en", "the language I write to you in", "Account", None, SetLanguage)
def _parse_language(inp: _Input) -> SetLanguage:
    words = [w for w in inp.rest_words if w not in _FILLER]
    code = i18n.normalize(" ".join(words)) if words else None
    if code is None:
        raise _Fail("Which language? Try: language he (עברית) or language en (English)")
    return SetLanguage(code=code)


@_spec("token", ["token", "api token", "new token", "revoke token", "api"],
       "token [revoke]", "a personal API token (shown once)", "Account", None, Token)
def _parse_token(inp: _Input) -> Token:
    words = [w for w in inp.rest_words if w not in _FILLER]
    revoke = inp.verb == "revoke token"
    if words in (["revoke"], ["off"], ["delete"], ["cancel"]) and not revoke:
        return Token(revoke=True)
    if words:
        raise _Fail("Try: token (a new one) or token revoke")
    return Token(revoke=revoke)


@_spec("help", ["help", "?", "menu", "commands", "hi", "hello", "start", "עזרה", "תפריט"],
       "help", "this list", "Account", None, Help, writes=False)
def _parse_help(inp: _Input) -> Help:
    return Help()


@_spec("yes / no", ["yes", "y", "yep", "yeah", "ok", "okay", "sure", "confirm", "go", "go ahead", "do it",
                    "send", "send it", "כן", "no", "n", "nope", "don't", "dont", "לא"],
       "yes / no", "answer my question", "Account", None, Confirm)
def _parse_confirm(inp: _Input) -> Confirm:
    answer = "no" if inp.verb in _NO_WORDS else "yes"
    extra = [w for w in inp.rest_words if w not in _FILLER and w not in _CONFIRM_WORDS]
    if extra or inp.body:
        raise _Fail("Answer *yes* or *no* (or *cancel*).")
    return Confirm(answer=answer)


_NO_WORDS = {"no", "n", "nope", "don't", "dont", "לא"}
_CONFIRM_WORDS = {"yes", "send", "it", "do", "go", "ahead", "sure", "ok", "okay", "thanks", "no", "dont", "don't"}


@_spec("cancel", ["cancel", "stop", "abort", "never mind", "nevermind", "forget it", "ביטול", "בטל"],
       "cancel", "drop what I'm waiting for", "Account", None, Cancel)
def _parse_cancel(inp: _Input) -> Cancel:
    return Cancel()


# ---------------------------------------------------------------- lookups

_VERBS: list[tuple[tuple[str, ...], CommandSpec]] = sorted(
    ((tuple(v.split()), spec) for spec in COMMANDS for v in spec.verbs),
    key=lambda item: -len(item[0]),
)
_SPEC_BY_TYPE: dict[type, CommandSpec] = {spec.command: spec for spec in COMMANDS}
_ALL_VERBS = sorted({v for spec in COMMANDS for v in spec.verbs if len(v) > 2})


def _check_table() -> None:
    seen: dict[str, str] = {}
    for spec in COMMANDS:
        assert spec.group in GROUPS, spec.name
        for verb in spec.verbs:
            assert verb == verb.lower() and verb not in seen, (verb, spec.name, seen.get(verb))
            seen[verb] = spec.name


_check_table()


def spec_for(command: object) -> CommandSpec | None:
    """The table row of a command value (or type)."""
    kind = command if isinstance(command, type) else type(command)
    return _SPEC_BY_TYPE.get(kind)


def action_for(command: object) -> Action | None:
    """The role-table action a command needs on the current event; None: no event role needed."""
    spec = spec_for(command)
    return spec.action if spec else None


def help_lines(allowed: Callable[[Action | None], bool] = lambda action: True) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(group, [(usage, summary), ...]), ...] for the commands `allowed(action)` permits, in table order."""
    out: list[tuple[str, list[tuple[str, str]]]] = []
    for group in GROUPS:
        rows = [(spec.usage, spec.summary) for spec in COMMANDS if spec.group == group and allowed(spec.action)]
        if rows:
            out.append((group, rows))
    return out


# ---------------------------------------------------------------- the parser

_CONFUSED = "Sorry, something in that message confused me. Send *help* to see what I can do."


def parse(text: str, default_region: str | None = None, today: date | None = None) -> Command | ParseError:
    """What an organiser's message asks for. Never raises."""
    try:
        return _parse(text, default_region, today)
    except Exception:  # a bug; the caller still gets an answer for the person
        return ParseError(_CONFUSED, None)


def _parse(text: str, default_region: str | None, today: date | None) -> Command | ParseError:
    if not isinstance(text, str):
        return ParseError("Send *help* to see what I can do.", None)
    text = _INVISIBLE.sub("", text[:_MAX_INPUT]).replace("\u00a0", " ").replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return ParseError("Send *help* to see what I can do.", None)
    head = lines[0]
    body = tuple(lines[1:])
    head = re.sub(r"^[/!\\]+\s*", "", head)
    spans = list(_TOKEN.finditer(head))
    keys = [_key(m.group()) for m in spans]
    if not spans or not any(keys):
        return _unknown(lines[0])
    for words, spec in _VERBS:
        n = len(words)
        if n <= len(keys) and tuple(keys[:n]) == words:
            # "add guest" must not swallow "add guests2"; word boundaries are guaranteed by tokens
            rest = head[spans[n - 1].end():].strip() if n < len(spans) else ""
            rest = re.sub(r"^[:\-–—,]+\s*", "", rest) if spec.command not in (Broadcast,) else rest.lstrip()
            inp = _Input(verb=" ".join(words), rest=rest, body=body, region=default_region, today=today)
            try:
                return spec.parse_args(inp)  # type: ignore[misc]
            except _Fail as fail:
                return ParseError(fail.message, spec.usage)
            except (InvalidPhone, InvalidDate) as e:
                return ParseError(str(e), spec.usage)
    return _unknown(lines[0])


def _unknown(first_line: str) -> ParseError:
    shown = _short(first_line, 30)
    first = _key(first_line.split()[0]) if first_line.split() else ""
    guess = difflib.get_close_matches(first, _ALL_VERBS, n=1, cutoff=0.75) if 2 < len(first) < 30 else []
    if guess:
        return ParseError(f"Sorry, I didn't understand \"{shown}\". Did you mean *{guess[0]}*? "
                          "Send *help* to see what I can do.", None)
    return ParseError(f"Sorry, I didn't understand \"{shown}\". Send *help* to see what I can do.", None)
