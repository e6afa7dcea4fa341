"""The organiser command parser: text in, a command value or a ParseError out.

Pure: no database, no network. Every verb lives in one table, `COMMANDS`; the
parser matches against it and `help_lines` renders it, so `help` can never
promise a command the parser does not know (or hide one it does).

`parse` never raises. Expected mistakes come back as `ParseError(message, usage)`
with a one-line hint fit for a phone screen.
"""
from __future__ import annotations

import dataclasses
import difflib
import logging
import re
from dataclasses import dataclass, field
from datetime import date, time
from typing import Callable, Union


from bot.text import i18n
from bot.text.i18n import N_, _
from bot.text import answer_words as W
from bot.text import sides
from bot.text.dates import InvalidDate, parse_date, parse_time, time_in
from bot.text.phones import InvalidPhone, example_numbers, find_phone, normalize_phone
from bot.services.permissions import Action
from storage.models import MAX_PARTY_SIZE  # one limit for parser, store and answers

__all__ = [
    # values
    "Ref", "GuestDraft", "LineError", "ParseError",
    # commands
    "Help", "NewEvent", "SetEventField", "ListEvents", "UseEvent", "ShowEvent", "DeleteEvent",
    "AddGuests", "ListGuests", "More", "FindGuests", "EditGuest", "MarkGuest", "RemoveGuest",
    "Stats", "Inbox", "ReplyGuest", "Invite", "Remind", "Broadcast", "MessageGuest",
    "ListMembers", "AddMember", "ChangeRole", "RemoveMember", "Leave", "Notify", "Reminders",
    "SetLanguage", "GuestCard", "GuestLink", "Quiet", "Shabbat", "DayBefore", "ThankYou", "Calls", "Called", "Ask", "Answers", "Chart", "Export", "Token", "Confirm", "Cancel", "Command",
    # the table and functions
    "CommandSpec", "COMMANDS", "GROUPS", "parse", "help_lines", "spec_for", "action_for", "writes", "split_name",
    "MAX_GUEST_LINES", "MAX_TEXT_LENGTH", "MAX_PARTY_SIZE",
]

_log = logging.getLogger("bot.chat.commands")

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


# Words that point back at someone instead of naming them: "reply to her", "תעני לה", "message him", "this guest".
# A guest is never found by them (no name search for "her", nor for the "ה" left of "לה"): *reply* and *message*
# said so answer the message waiting for an answer, asked first (bot.chat.organiser).
BACK_REFS = frozenset({
    "her", "him", "them", "she", "he", "they", "this guest", "that guest", "the guest", "this person", "that person",
    "the guy", "that guy", "this guy", "the lady", "that lady", "the woman", "the man", "the girl",
    "לה", "לו", "להם", "להן", "אליה", "אליו", "אליהם", "אליהן", "היא", "הוא", "הם", "הן", "ה", "ו",
    "אורח", "אורחת", "האורח", "האורחת", "לאורח", "לאורחת", "האורח הזה", "האורחת הזאת", "האורחת הזו"})


def refers_back(ref) -> bool:
    """Whether `ref` points back ("her", "לו") rather than naming a guest by name, number or phone."""
    return isinstance(ref, Ref) and ref.number is None and ref.phone is None \
        and " ".join(ref.text.lower().strip(" ?!.,:-").split()) in BACK_REFS


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
    wants: str | None = None   # a command the next message may complete ("new event", "set date"): what was missing


# ---------------------------------------------------------------- commands

@dataclass(frozen=True)
class Help:
    topic: str | None = None   # a group of commands ("Guests"); None: the short overview


@dataclass(frozen=True)
class NewEvent:
    name: str
    date: date | None = None
    location: str | None = None
    time: "time | None" = None


@dataclass(frozen=True)
class SetEventField:
    field: str                 # "name" | "date" | "time" | "location" | "language"
    value: Union[str, date, time, None]  # a `date` for "date", a `time` (None: clear it) for "time"
    time: "time | None" = None  # "set date 14/10/2027 19:30" sets the time with the date
    more: tuple = ()            # further fields of the same message ("date: …" and "location: …" lines)


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
    status: str | None = None  # "pending" | "maybe" | "confirmed" | "declined" | "not_invited" | "failed"
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
    field: str                 # "name" | "first_name" | "last_name" | "phone" | "side" | "party" | "note"
    value: Union[str, int]     # E.164 for phone, an int for party, else text


@dataclass(frozen=True)
class MarkGuest:
    ref: Ref
    answer: str                # "yes" | "no" | "maybe" | "pending"
    party_size: int | None = None


@dataclass(frozen=True)
class RemoveGuest:
    ref: Ref


@dataclass(frozen=True)
class Stats:
    pass


@dataclass(frozen=True)
class Inbox:
    pass


@dataclass(frozen=True)
class ReplyGuest:
    ref: Ref                   # a number from the last *inbox* list (or a guest's name or phone)
    text: str
    about: str | None = None   # what the message answered was about ("the guy who asked about parking")


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
    show: bool = False             # the bare word: show the setting, change nothing


@dataclass(frozen=True)
class Reminders:
    days: tuple[int, ...] | None   # None: automatic reminders off
    show: bool = False             # the bare word: show the setting, change nothing


@dataclass(frozen=True)
class Calls:
    pass


@dataclass(frozen=True)
class Called:
    ref: Ref
    outcome: str               # "yes" | "no" | "maybe" | "no_answer"
    party_size: int | None = None


@dataclass(frozen=True)
class Ask:
    text: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class Answers:
    pass


@dataclass(frozen=True)
class Quiet:
    hours: str | None              # "21-9"; None: no quiet hours for this event ("off")
    default: bool = False          # back to the bot's own QUIET_HOURS
    show: bool = False             # the bare word: show the setting, change nothing


@dataclass(frozen=True)
class Shabbat:
    on: bool
    show: bool = False             # the bare word: show the setting, change nothing


@dataclass(frozen=True)
class DayBefore:
    on: bool
    show: bool = False             # the bare word: show the setting, change nothing


@dataclass(frozen=True)
class ThankYou:
    text: str


@dataclass(frozen=True)
class Chart:
    pass


@dataclass(frozen=True)
class Export:
    pass


@dataclass(frozen=True)
class GuestCard:
    ref: Ref


@dataclass(frozen=True)
class GuestLink:
    ref: Ref
    new: bool = False          # revoke the old link and make a new one


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
    ListGuests, More, FindGuests, EditGuest, MarkGuest, RemoveGuest, Stats, Inbox, ReplyGuest, Invite, Remind,
    Broadcast, MessageGuest, ListMembers, AddMember, ChangeRole, RemoveMember, Leave, Notify,
    Reminders, SetLanguage, GuestLink, Chart, Export, Token, Confirm, Cancel,
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

    def __init__(self, message: str, wants: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.wants = wants   # see ParseError.wants


def _t(msgid: str) -> str:
    """A hint fragment (an example command) in the reader's language, put into a message as is."""
    return i18n.Raw(_(msgid))


_HEBREW_LETTER = re.compile("[\u05d0-\u05ea]")


def _is_hebrew(text: str) -> bool:
    return bool(_HEBREW_LETTER.search(text or ""))


def _he(heads, tails=("",)) -> list[str]:
    """Every "<head> <tail>": Hebrew verbs come in many forms (הוסף, הוסיפי, תוסיף, להוסיף …)."""
    return [f"{h} {t}".strip() for h in heads for t in tails]


# Imperative (masculine, feminine, future-as-imperative) and infinitive forms.
_HE_ADD = ("הוסף", "הוסיפי", "תוסיף", "תוסיפי", "להוסיף", "הוסיף")
_HE_DELETE = ("מחק", "מחקי", "תמחק", "תמחקי", "למחוק")
_HE_REMOVE = ("הסר", "הסירי", "תסיר", "תסירי", "להסיר")
_HE_SEND = ("שלח", "שלחי", "תשלח", "תשלחי", "לשלוח")
_HE_SET = ("קבע", "קבעי", "תקבע", "תקבעי", "לקבוע", "שנה", "שני", "תשנה", "תשני", "לשנות",
           "עדכן", "עדכני", "תעדכן", "תעדכני", "לעדכן")
_HE_EDIT = ("ערוך", "ערכי", "תערוך", "תערכי", "לערוך")
_HE_SHOW = ("הצג", "הציגי", "תציג", "תציגי", "להציג", "תראה", "תראי", "הראה")
_HE_SEARCH = ("חפש", "חפשי", "תחפש", "תחפשי", "לחפש")
_HE_MARK = ("סמן", "סמני", "תסמן", "תסמני", "לסמן")
_HE_CREATE = ("צור", "צרי", "תיצור", "תצור", "תיצרי", "ליצור")
_HE_CANCEL = ("בטל", "בטלי", "תבטל", "תבטלי", "לבטל")
_HE_OFF = ("כבה", "כבי", "תכבה", "תכבי", "לכבות")


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


GROUPS = (N_("Events"), N_("Guests"), N_("Sending"), N_("Team"), N_("Account"))


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
        raise _Fail(_("*{verb}* doesn't take anything after it. Try: {usage}", verb=inp.verb, usage=_t(usage)))
    return value


# --- Events

@_spec("new event", ["new event", "create event", "add event", "create", "אירוע חדש", "יצירת אירוע"]
       + _he(_HE_CREATE + _HE_ADD, ("אירוע", "אירוע חדש")),
       N_("new event <name> (then lines: date: 12/6/2027, time: 19:30, location: <place>)"),
       N_("create an event"), "Events", None, NewEvent)
def _parse_new_event(inp: _Input) -> NewEvent:
    name = inp.rest.strip().strip(",;")
    event_date: date | None = None
    start: time | None = None
    location: str | None = None
    for line in inp.body:
        label, value = _labelled(line)
        if label == "name":
            name = value
        elif label == "date":
            event_date, at = _date_and_time(value, inp.today)
            start = at or start
        elif label == "time":
            start = _time(value)
        elif label == "location":
            location = value or None
        elif not name:
            name = line
        else:
            raise _Fail(_("I didn't get the line \"{line}\". Use date: 12/6/2027, time: 19:30 or location: <place>",
                          line=_short(line)))
    name = name.strip()
    if not name or not _has_letter_or_digit(name):
        raise _Fail(_("Give the event a name. Try: new event Dana & Noam's wedding"),
                    wants="new event" if not (event_date or start or location) else None)
    if len(name) > 200:
        raise _Fail(_("That name is too long (200 characters at most)."))
    if location is not None and len(location) > 300:
        raise _Fail(_("That location is too long (300 characters at most)."))
    return NewEvent(name=name, date=event_date, location=location, time=start)


_EVENT_FIELDS = {
    "name": "name", "title": "name", "שם": "name", "השם": "name",
    "date": "date", "when": "date", "day": "date", "תאריך": "date", "התאריך": "date", "מתי": "date",
    "time": "time", "hour": "time", "starts": "time", "start": "time", "שעה": "time", "השעה": "time",
    "שעת": "time", "מתחיל": "time", "מתחילים": "time",
    "location": "location", "place": "location", "venue": "location", "where": "location",
    "address": "location", "מקום": "location", "כתובת": "location", "המקום": "location",
    "הכתובת": "location", "מיקום": "location", "המיקום": "location", "איפה": "location",
    "language": "language", "lang": "language", "שפה": "language", "שפת": "language", "השפה": "language",
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


def _date_and_time(text: str, today: date | None) -> tuple[date, time | None]:
    """"14/10/2027 19:30" → (the date, 19:30); a date alone → (the date, None)."""
    rest, at = time_in(text)
    return _date(rest, today), at


def _time(text: str) -> time | None:
    """A time of day; None for "none"/"clear" (the time is not known)."""
    if text.strip().lower() in ("none", "clear", "unknown", "tba", "-", "ללא", "בלי", "לא ידוע"):
        return None
    try:
        return parse_time(text)
    except InvalidDate as e:
        raise _Fail(e.message) from None


@_spec("set", ["set", "set event", "change event", "edit event", "update event", "rename", "rename event",
               "change date", "change location", "change venue", "change name", "set date", "set location",
               "set name", "set time", "change time", "set start", "קבע", "שינוי שעה", "שעת התחלה", "שפת אורחים", "שפת האורחים", "קבע שפה", "קבעי שפה", "תקבע שפה", "לקבוע שפה",
               "שינוי תאריך", "שינוי מקום", "שינוי שם"]
       + _he(_HE_SET, ("תאריך", "את התאריך", "שעה", "את השעה", "שעת התחלה", "מקום", "את המקום", "מיקום", "את המיקום", "כתובת האירוע", "את הכתובת", "שם", "את השם", "שם אירוע",
                       "שם האירוע", "את שם האירוע", "כתובת", "שפת אורחים", "שפת האורחים", "אירוע",
                       "תאריך אירוע", "תאריך האירוע", "מקום האירוע", "את תאריך האירוע", "את מקום האירוע", "את מיקום האירוע")),
       N_("set date|time|location|name <value>"), N_("change the event's date, time, place or name"), "Events",
       Action.MANAGE_EVENT, SetEventField)
def _parse_set(inp: _Input) -> SetEventField:
    usage = N_("set date 12/6/2027")
    verb_words = inp.verb.split()
    implied = next((_EVENT_FIELDS[w] for w in verb_words if w in _EVENT_FIELDS), None)
    if verb_words[0] in {"rename", "שינוי"} and implied is None:
        implied = "name"
    text = inp.full_text
    if implied is None:
        label, value = _labelled(text) if text else (None, "")
        if label is None:
            raise _Fail(_("What should I set? Try: {usage} (or location, name)", usage=_t(usage)))
    else:
        label, value = implied, re.sub(r"^\s*(?:[:=]|to\b)\s*", "", text, flags=re.I)
        relabel, revalue = _labelled(value)   # "set date date: 12/6" or "rename event name X"
        if relabel == label:
            value = revalue
    value = re.sub(r"^\s*(?:to\s+|[:=]\s*|ל\s*[-:]\s*|ל\s+|ל(?=\d))", "", value, flags=re.I).strip()
    if not value:
        raise _Fail(_(_SET_HINTS[label]), wants=f"set {label}")
    if label == "date":
        when, at = _date_and_time(value, inp.today)
        return SetEventField("date", when, time=at)
    if label == "time":
        return SetEventField("time", _time(value))
    if label == "language":
        code = _language_code(value)
        if code is None:
            raise _Fail(_("Guests can read he, en, ar or ru. Try: set language he"))
        return SetEventField("language", code)
    if len(value) > 300:
        raise _Fail(_(_TOO_LONG[label]))
    return SetEventField(label, value)


_SET_HINTS = {
    "date": N_("Give the new date. Try: set date 12/6/2027"),
    "time": N_("Give the time it starts. Try: set time 19:30"),
    "location": N_("Give the new location. Try: set location ..."),
    "name": N_("Give the new name. Try: set name ..."),
    "language": N_("Give the new language. Try: set language ..."),
}
_TOO_LONG = {
    "location": N_("That location is too long (300 characters at most)."),
    "name": N_("That name is too long (300 characters at most)."),
    "language": N_("That language is too long (300 characters at most)."),
}


def _language_code(text: str) -> str | None:
    """'he' from 'he', 'עברית', 'לעברית' or 'בעברית'."""
    text = " ".join(text.split()).strip(_TRAIL)
    code = i18n.normalize(text)
    if code is None and len(text) > 2 and text[0] in "לב" and _is_hebrew(text[1]):
        code = i18n.normalize(text[1:])
    return code


@_spec("events", ["events", "my events", "list events", "show events", "all events", "אירועים", "האירועים",
                  "האירועים שלי", "אירועים שלי", "רשימת אירועים", "רשימת האירועים", "כל האירועים"]
       + _he(_HE_SHOW, ("אירועים", "את האירועים", "את האירועים שלי")),
       N_("events"), N_("list your events"), "Events", None, ListEvents, writes=False)
def _parse_events(inp: _Input) -> ListEvents:
    return _no_args(inp, ListEvents(), N_("events"))


_HE_SWITCH = ("עבור", "עברי", "תעבור", "תעברי", "לעבור")


@_spec("use", ["use", "use event", "switch to", "switch", "select", "open", "go to", "בחר", "בחרי", "תבחר",
               "תבחרי", "לבחור", "בחר אירוע", "בחרי אירוע", "תבחר אירוע", "החלף אירוע", "החלף לאירוע",
               "פתח אירוע", "עבודה על"]
       + list(_HE_SWITCH) + _he(_HE_SWITCH, ("לאירוע", "אל")),
       N_("use <number|name>"), N_("work on another event"), "Events", None, UseEvent)
def _parse_use(inp: _Input) -> UseEvent:
    ref = inp.rest.strip().strip(_TRAIL).lstrip("#").strip()
    if inp.verb in _HE_SWITCH:   # "עבור לחתונה", "עבור ל-2"
        ref = re.sub(r"^ל(?:\s*-\s*|\s+)?", "", ref).lstrip("#").strip()
    if not ref:
        raise _Fail(_("Which event? Try: use 2 (the number from *events*) or use <name>"))
    return UseEvent(ref=ref)


@_spec("event", ["event", "event details", "show event", "event info", "details", "info", "אירוע", "האירוע",
                 "פרטי אירוע", "פרטי האירוע", "פרטים", "מידע", "מידע על האירוע", "פרטי האירוע הנוכחי"]
       + _he(_HE_SHOW, ("אירוע", "את האירוע", "פרטי אירוע", "פרטים", "את פרטי האירוע")),
       N_("event"), N_("the current event's details"), "Events", Action.VIEW, ShowEvent, writes=False)
def _parse_event(inp: _Input) -> ShowEvent:
    return _no_args(inp, ShowEvent(), N_("event"))


@_spec("delete event", ["delete event", "remove event", "cancel event", "מחיקת אירוע", "ביטול אירוע"]
       + _he(_HE_DELETE + _HE_REMOVE + _HE_CANCEL, ("אירוע", "את האירוע", "האירוע")),
       N_("delete event"), N_("delete the current event (asks first)"), "Events", Action.MANAGE_EVENT, DeleteEvent)
def _parse_delete_event(inp: _Input) -> DeleteEvent:
    if [w for w in inp.rest_words if w not in _FILLER] or inp.body:
        raise _Fail(_("*delete event* works on the current event: pick it with *use <name>*, then send *delete event*"))
    return DeleteEvent()


_REMINDERS_OFF_VERBS = frozenset(_he(_HE_CANCEL + _HE_OFF, ("תזכורות", "את התזכורות", "תזכורות אוטומטיות"))
                                 + ["ללא תזכורות", "בלי תזכורות"])


@_spec("reminders", ["reminders", "auto reminders", "automatic reminders", "reminder days", "set reminders",
                     "תזכורות", "התזכורות", "תזכורות אוטומטיות", "ימי תזכורת", "ימי תזכורות"]
       + _he(_HE_SET + ("הגדר", "הגדירי", "תגדיר", "תגדירי", "להגדיר"), ("תזכורות", "ימי תזכורת"))
       + sorted(_REMINDERS_OFF_VERBS),
       N_("reminders <days before…>|off"), N_("automatic reminders, e.g. reminders 14 7 2"), "Events",
       Action.MANAGE_EVENT, Reminders)
def _parse_reminders(inp: _Input) -> Reminders:
    usage = N_("reminders 14 7 2 (days before the event) or reminders off")
    words = [w for w in inp.rest_words if w not in _FILLER]
    if inp.verb in _REMINDERS_OFF_VERBS and not words:
        return Reminders(days=None)
    if not words:
        return Reminders(days=None, show=True)
    if words[0] in _REMINDERS_OFF and len(words) == 1:
        return Reminders(days=None)
    days: set[int] = set()
    for word in re.split(r"[\s,;/]+", inp.rest.lower()):
        word = word.strip(_TRAIL)
        if not word or word in {"days", "day", "before", "and", "&", "d", "on", "ימים", "יום", "לפני",
                                "ו", "ו-", "האירוע", "אירוע", "בבקשה", "תודה"}:
            continue
        m = re.fullmatch(r"(?:ו-?)?(\d{1,6})(?:d|ימים)?", word)
        if not m:
            raise _Fail(_("I didn't get \"{word}\". Try: {usage}", word=_short(word, 15), usage=_t(usage)))
        n = int(m.group(1))
        if not 1 <= n <= MAX_REMINDER_DAYS:
            raise _Fail(_("Reminder days must be between 1 and {max}. Try: {usage}",
                          max=str(MAX_REMINDER_DAYS), usage=_t(usage)))
        days.add(n)
    if not days:
        raise _Fail(_("When should I remind? Try: {usage}", usage=_t(usage)))
    if len(days) > 10:
        raise _Fail(_("At most 10 reminder rounds, please."))
    return Reminders(days=tuple(sorted(days, reverse=True)))


_REMINDERS_OFF = {"off", "none", "stop", "disable", "no", "never", "0", "כבוי", "כבויות", "כבה", "בטל", "ביטול",
                  "ללא", "אין", "לא", "בלי", "מבוטל", "מבוטלות", "לבטל", "לכבות"}


# --- Guests

_NAME_ONLY = re.compile(r"^(?:בשם\s+|named\s+|called\s+)?([^\W\d_][\w'׳\-]*(?:\s+[^\W\d_][\w'׳\-]*){0,2})\W*$")
_SIDE_WORDS = {"side", "צד", "מצד", "בצד", "הצד"}
_PARTY_WORDS = {"party", "people", "pax", "size", "guests", "count", "כמות", "מוזמנים", "אנשים"}
_NOTE_WORDS = {"note", "notes", "comment", "הערה", "הערות"}
_LIST_MARKER = re.compile(r"^\s*(?:[-*•·]+|\d{1,4}[.)])\s+")
_ADD_VERB_LINE = re.compile(r"^\s*(?:add\s+(?:a\s+)?(?:new\s+)?guests?|new\s+guest|(?:הוסף|הוסיפי|תוסיף|תוסיפי|להוסיף|הוספת)"
                            r"\s+(?:את\s+)?(?:ה)?(?:אורח|אורחת|אורחים)(?:\s+חדש(?:ה)?)?)\s*:?\s+(?=\S)", re.I)


@_spec("add guest", ["add guest", "add guests", "new guest", "new guests", "add", "אורח חדש", "אורחים חדשים",
                     "הוספת אורח", "הוספת אורחים"]
       + _he(_HE_ADD, ("", "אורח", "אורחים", "אורחת", "מוזמן", "מוזמנים", "אורח חדש", "אורחים חדשים",
                       "לרשימה")),
       N_("add guest <name> <phone> [side <side>] [party <n>] [note <text>]"),
       N_("add a guest; *add guests* with one guest a line below it"), "Guests", Action.EDIT_GUESTS, AddGuests)
def _parse_add_guests(inp: _Input) -> AddGuests:
    # The example number is a local one where local numbers are Israeli, else one with its country code.
    usage = N_("add guest Dana Levi 050-234-5678") if inp.region in (None, "IL") else _(
        "add guest Dana Levi {phone}", phone=i18n.Raw(example_numbers(inp.region, inp.region)[1]))
    if not inp.body:
        if not inp.rest:
            raise _Fail(_("Who should I add? Try: {usage}, or *add guests* with one guest a line below it",
                          usage=_t(usage)), wants="add guests")
        draft = _guest_line(inp.rest, 1, inp.region)
        if isinstance(draft, LineError):
            named = _NAME_ONLY.match(inp.rest.strip())
            if named and not any(ch.isdigit() for ch in inp.rest):
                # "תוסיף אורח בשם גיא": the name, and no number yet; ask for it by name
                name = " ".join(named.group(1).split())
                example = "050-234-5678" if inp.region in (None, "IL") else example_numbers(inp.region, inp.region)[1]
                raise _Fail(_("What's {name}'s phone number? Send it like this: *add guest {name} {example}*",
                              name=name, example=i18n.Raw(example)), wants=f"add guest {name}")
            raise _Fail(_("{reason} Try: {usage}", reason=i18n.Raw(draft.reason), usage=_t(usage)))
        return AddGuests(guests=(draft,))
    lines = ([inp.rest] if inp.rest else []) + list(inp.body)
    if len(lines) > MAX_GUEST_LINES:
        raise _Fail(_("That's {n} lines; I take up to {max} guests a message. Split them, or send a CSV file.",
                      n=str(len(lines)), max=str(MAX_GUEST_LINES)))
    guests: list[GuestDraft] = []
    errors: list[LineError] = []
    seen: dict[str, int] = {}
    for line_no, line in enumerate(lines, start=1):
        draft = _guest_line(line, line_no, inp.region)
        if isinstance(draft, LineError):
            errors.append(draft)
        elif draft.phone in seen:
            errors.append(LineError(line_no, _short(line, 80),
                                     _("Same phone as line {n}.", n=str(seen[draft.phone]))))
        else:
            seen[draft.phone] = line_no
            guests.append(draft)
    return AddGuests(guests=tuple(guests), errors=tuple(errors))


def split_name(full_name: str) -> tuple[str, str]:
    """'Dana Levi' → ('Dana', 'Levi'); 'Dana' → ('Dana', ''): first and last on the first space. A name said by
    whose relative it is ("אמא של אורנה", a contact card's name) is kept whole as the first name: "אמא" is no first name,
    "של אורנה" no last name."""
    words = full_name.split()
    if 3 <= len(words) <= 4 and words[1] == "של" and _HE_LETTER.match(words[0]):
        return " ".join(words), ""
    parts = " ".join(words).split(" ", 1)
    return parts[0], (parts[1] if len(parts) > 1 else "")


_HE_LETTER = re.compile("[\u05d0-\u05ea]")


def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _has_letter_or_digit(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


# A line copied from a WhatsApp chat: "[12/06/2027, 10:15] Ruti: ..." (iPhone), "12/06/2027, 10:15 - Ruti: ..." (Android):
# the time and who wrote it are no part of the guest
CHAT_PREFIX = re.compile(r"^\s*(?:\[\d{1,4}[./-]\d{1,2}[./-]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[APap]\.?[Mm]\.?)?\]\s*"
                         r"(?:[^:\[\]\n]{1,40}?:\s+)?"
                         r"|\d{1,4}[./-]\d{1,2}[./-]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[APap]\.?[Mm]\.?)?\s+[-–]\s+[^:\n]{1,40}?:\s+)")
# Separators between a guest's fields ("Dana - 050... - bride", "Dana | 050..."): no part of the name
_SEPARATOR = re.compile(r"^[-–—|/\\\[\](){}:.,;*•·_~=]+$")


_ASIDE = re.compile(r"[(\[]\s*([^()\[\]\d]*[^\W\d_][^()\[\]\d]{0,39})\s*[)\]]")


def unclear_name(line_no: int, shown: str, word: str) -> LineError:
    """A line refused because its name keeps a fragment that is no name ("/2027")."""
    return LineError(line_no, shown, _("I couldn't tell what \"{word}\" is.", word=_short(word, 20)))


def _guest_line(line: str, line_no: int, region: str | None) -> GuestDraft | LineError:
    shown = _short(line, 80)
    text = _LIST_MARKER.sub("", CHAT_PREFIX.sub("", line, count=1), count=1)
    text = _ADD_VERB_LINE.sub("", text, count=1)   # "הוסף אורח …" on each pasted line: the verb again, no name
    phone, rest = find_phone(text, region)
    counted = None
    if phone is None and "+" in text:
        # "Michael Roth +1 (917) 555-0142 2": the party size typed after an international number,
        # no part of it (after a local number, "050-234-5678 3" stays a guess, asked first)
        after = re.search(r"(?<=\d)\s+(\d{1,2})\s*$", text)
        if after and 1 <= int(after.group(1)) <= MAX_PARTY_SIZE:
            phone, rest = find_phone(text[:after.start()], region)
            counted = int(after.group(1)) if phone is not None else None
    if phone is None:
        return LineError(line_no, shown, _phone_problem(text))
    # "יעל כהן 052-1234567 (אמא)", "Dana Levi (my cousin) 050...": words in brackets say whose
    # number it is or who the guest is; a note, never part of the name
    aside = [" ".join(m.group(1).split()) for m in _ASIDE.finditer(rest)]
    if aside and _has_letter(_ASIDE.sub(" ", rest)):
        rest = _ASIDE.sub(" ", rest)
    else:
        aside = []
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
            if (word == "side" and not side_words and len(name_words) > 1 and mode == "name"
                    and _key(name_words[-1]) in sides.SIDE_WORDS):
                side_words.append(name_words.pop())   # "Michael Levi, groom's side": the side named before the word
                mode = "done"
            else:
                mode = "side"
        elif word in _PARTY_WORDS:
            j = i + 1
            if j < len(tokens) and _key(tokens[j]) in {"of", "="}:
                j += 1
            value = tokens[j].strip(_TRAIL + ":=") if j < len(tokens) else ""
            before = tokens[i - 1].strip(_TRAIL) if i else ""
            if (not value.isdecimal() and party is None and before.isdecimal() and 1 <= int(before) <= MAX_PARTY_SIZE
                    and word not in {"party", "size", "count", "כמות"}):
                # "…, 4 people", "…, 2 אנשים": the count before the word
                for kept in (side_words, name_words):
                    if kept and kept[-1] == tokens[i - 1]:
                        kept.pop()
                        break
                party = int(before)
                mode = "done" if mode == "name" and name_words else mode
                if mode == "side" and side_words:
                    mode = "done"
                i += 1
                continue
            if not value.isdecimal() or not 1 <= int(value) <= MAX_PARTY_SIZE:
                return LineError(line_no, shown, _("Party must be a number from {low} to {high}.",
                                                   low="1", high=str(MAX_PARTY_SIZE)))
            party = int(value)
            i = j
            mode = "done"
        elif mode == "name":
            name_words.append(raw)
        elif mode == "side":
            side_words.append(raw)
        elif raw.isdecimal() and i + 1 < len(tokens) and _key(tokens[i + 1]) in _PARTY_WORDS:
            pass   # "…, groom's side, 4 people": the count, read with the word after it
        else:
            return LineError(line_no, shown, _("I didn't get \"{word}\".", word=_short(raw, 20)))
        i += 1
    name_words = [w for w in name_words if not _SEPARATOR.match(w)]   # "Dana - 050... - bride": no part of the name
    name = " ".join(name_words).strip(" :=-")
    if not _has_letter(name):
        if any(ch.isdigit() for ch in name):
            return LineError(line_no, shown, _("I couldn't tell what \"{word}\" is.", word=_short(name, 20)))
        return LineError(line_no, shown, _("No name."))
    stray = [w for w in name_words if any(ch.isdigit() for ch in w) and not _has_letter(w)]
    if stray:
        return LineError(line_no, shown, _("I couldn't tell what \"{word}\" is (one phone a line; party 2 for a party size).",
                                           word=_short(stray[0], 20)))
    side = " ".join(side_words).strip(" :=") or None
    if mode == "side" and side is None:
        return LineError(line_no, shown, _("Which side? e.g. side bride"))
    if len(name) > 120:
        return LineError(line_no, shown, _("That name is too long."))
    first, last = split_name(name)
    if aside:
        note = "; ".join(aside + ([note] if note else []))
    return GuestDraft(first_name=first, last_name=last, phone=phone, side=side, party_size=party or counted,
                      notes=note, line_no=line_no)


def _phone_problem(text: str) -> str:
    candidate = re.search(r"\+?\d[\d\s\-().]{2,}\d", text)
    if candidate:
        try:
            normalize_phone(candidate.group(), None)
        except InvalidPhone as e:
            return e.message + "."
    return _("No phone number.")


# The words for answers live in bot.text.answer_words (one table for parser, services, REST).
_STATUS_WORDS = W.FILTERS
_STATUS_PAIRS = W.FILTER_PAIRS


def _take_status(words: list[str], i: int) -> tuple[bool, str | None, int]:
    """Is there a status at words[i]? (found, status, words used)."""
    if i + 1 < len(words) and (words[i], words[i + 1]) in _STATUS_PAIRS:
        return True, _STATUS_PAIRS[(words[i], words[i + 1])], 2
    if words[i] in _STATUS_WORDS:
        return True, _STATUS_WORDS[words[i]], 1
    return False, None, 0


# "מי לא ענה": a question that is a listing of one status
_GUESTS_VERB_STATUS = {
    **{v: "pending" for v in ("מי לא ענה", "מי לא ענו", "מי עוד לא ענה", "מי עוד לא ענו", "מי לא אישר",
                              "מי לא אישרו", "מי לא הגיב", "מי לא הגיבו", "מי לא ענתה", "ממתינים",
                              "הממתינים", "לא ענו", "מי ממתין", "מי עוד לא אישר")},
    **{v: "confirmed" for v in ("מי מגיע", "מי מגיעים", "מי אישר", "מי אישרו", "מי בא", "מי באים",
                                "מי אישר הגעה", "מי אישרו הגעה", "מי כן מגיע")},
    **{v: "declined" for v in ("מי לא מגיע", "מי לא מגיעים", "מי לא בא", "מי לא באים", "מי סירב",
                               "מי סירבו")},
    **{v: "not_invited" for v in ("מי לא הוזמן", "מי לא הוזמנו", "מי עוד לא הוזמן", "לא הוזמנו")},
    **{v: "failed" for v in ("מי נכשל", "מי נכשלו", "מי לא קיבל", "מי לא קיבלו", "מי לא קיבל הזמנה",
                             "מי לא קיבלו הזמנה")},
}


@_spec("guests", ["guests", "guest list", "list guests", "list", "show guests", "all guests", "guests list",
                  "אורחים", "האורחים", "רשימת אורחים", "רשימת האורחים", "רשימה", "הרשימה", "כל האורחים",
                  "רשימת מוזמנים", "רשימת המוזמנים", "מוזמנים", "המוזמנים", "האורחים שלי", "רשימתאורחים"]
       + _he(_HE_SHOW, ("אורחים", "את האורחים", "רשימה", "את הרשימה", "רשימת אורחים", "את רשימת האורחים"))
       + list(_GUESTS_VERB_STATUS),
       N_("guests [pending|maybe|confirmed|declined|not invited|failed] [side <side>]"),
       N_("the guest list (*guests failed*: who didn't get the invitation)"), "Guests", Action.VIEW, ListGuests,
       writes=False)
def _parse_guests(inp: _Input) -> ListGuests:
    usage = N_("guests pending side bride")
    words = [w for w in inp.rest_words if w not in _FILLER and w not in {"עם", "של", "רק", "only"}]
    status: str | None = _GUESTS_VERB_STATUS.get(inp.verb)
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
                raise _Fail(_("Which side? Try: {usage}", usage=_t(usage)))
            side = " ".join(side_words)
            continue
        found, value, used = _take_status(words, i)
        if not found:
            raise _Fail(_("I didn't get \"{word}\". Try: {usage}, or *find <name>*",
                          word=_short(words[i], 20), usage=_t(usage)))
        status = value
        i += used
    return ListGuests(status=status, side=side)


@_spec("more", ["more", "next", "next page", "show more", "עוד", "הבא", "הבאים", "המשך", "תמשיך", "תמשיכי",
                "המשיכי", "להמשיך", "עמוד הבא", "העמוד הבא", "עוד אורחים", "תראה עוד", "הצג עוד", "עוד קצת"],
       N_("more"), N_("the next page of a list"), "Guests", None, More, writes=False)
def _parse_more(inp: _Input) -> More:
    return _no_args(inp, More(), N_("more"))


@_spec("find", ["find", "search", "lookup", "look up", "who is", "find guest", "חיפוש", "מצא", "מצאי", "תמצא",
                "תמצאי", "למצוא", "חיפוש אורח"]
       + _he(_HE_SEARCH, ("", "אורח", "אורחת")),
       N_("find <name or phone>"), N_("search the guest list"), "Guests", Action.VIEW, FindGuests, writes=False)
def _parse_find(inp: _Input) -> FindGuests:
    text = inp.rest.strip().strip(_TRAIL + "\"'").strip()
    if not text:
        raise _Fail(_("Find whom? Try: find Dana"))
    return FindGuests(text=text[:100])


_GUEST_FIELDS = {
    "name": "name", "phone": "phone", "number": "phone", "tel": "phone", "mobile": "phone",
    "side": "side", "party": "party", "size": "party", "people": "party", "pax": "party",
    "note": "note", "notes": "note", "comment": "note",
    "שם": "name", "טלפון": "phone", "צד": "side", "כמות": "party", "הערה": "note",
    "השם": "name", "הטלפון": "phone", "מספר": "phone", "נייד": "phone", "פלאפון": "phone", "הנייד": "phone",
    "הצד": "side", "הכמות": "party", "אנשים": "party", "מוזמנים": "party", "הערות": "note", "ההערה": "note",
    "surname": "last_name", "lastname": "last_name", "firstname": "first_name",
}
# Two words that name one field: "last name", "שם משפחה" (checked before the single words, so
# "edit 3 last name Cohen" changes the last name, not the name of a guest called "3 last").
_GUEST_FIELD_PAIRS = {
    ("first", "name"): "first_name", ("given", "name"): "first_name", ("last", "name"): "last_name",
    ("family", "name"): "last_name", ("שם", "פרטי"): "first_name", ("השם", "הפרטי"): "first_name",
    ("שם", "משפחה"): "last_name", ("שם", "המשפחה"): "last_name", ("השם", "משפחה"): "last_name",
}


def _ref(text: str, region: str | None) -> Ref:
    text = " ".join(text.split()).strip(_TRAIL + "\"'").strip()
    if text.startswith("#"):
        text = text[1:].strip()
    if not text:
        raise _Fail(_("Whom do you mean? Use the number from the last list, a name or a phone."))
    if len(text) > 100:
        raise _Fail(_("That's too long for a name or a phone."))
    if text.isdecimal() and len(text) <= 5:
        return Ref(text=text, number=int(text))
    if sum(ch.isdigit() for ch in text) >= 5 and not _has_letter(text):
        try:
            return Ref(text=text, phone=normalize_phone(text, region))
        except InvalidPhone as e:
            raise _Fail(e.message) from None
    return Ref(text=text)


def _party(text: str, low: int = 0) -> int:
    value = text.strip().strip(_TRAIL)
    if not value.isdecimal() or not low <= int(value) <= MAX_PARTY_SIZE:
        raise _Fail(_("Party must be a number from {low} to {high}.", low=str(low), high=str(MAX_PARTY_SIZE)))
    return int(value)


@_spec("edit", ["edit", "edit guest", "change", "update", "fix", "תקן", "תקני", "תתקן", "תתקני", "לתקן", "עריכה",
                "שנה", "שני", "תשנה", "תשני", "לשנות", "עדכן", "עדכני", "תעדכן", "תעדכני", "לעדכן",
                "עדכן אורח", "שנה אורח", "עריכת אורח", "שנה פרטים", "עדכן פרטים"]
       + _he(_HE_EDIT, ("", "אורח", "אורחת")),
       N_("edit <ref> name|phone|side|party|note <value>"), N_("change a guest's details"), "Guests",
       Action.EDIT_GUESTS, EditGuest)
def _parse_edit(inp: _Input) -> EditGuest:
    usage = N_("edit 3 phone 050-234-5678")
    spans = list(_TOKEN.finditer(inp.rest))
    at, width, field_name = None, 1, None
    for i in range(1, len(spans)):
        pair = (_key(spans[i].group()), _key(spans[i + 1].group())) if i + 1 < len(spans) else None
        if pair in _GUEST_FIELD_PAIRS:
            at, width, field_name = i, 2, _GUEST_FIELD_PAIRS[pair]
            break
        if _key(spans[i].group()) in _GUEST_FIELDS:
            at, field_name = i, _GUEST_FIELDS[_key(spans[i].group())]
            break
    if at is None:
        raise _Fail(_("What should I change? Try: {usage} (or name, side, party, note)", usage=_t(usage)))
    ref = _ref(inp.rest[: spans[at].start()], inp.region)
    value = (inp.rest[spans[at + width - 1].end():] + ("\n" + "\n".join(inp.body) if inp.body else "")).strip()
    value = re.sub(r"^(?:size\b\s*)?(?:to\b\s*|[:=]\s*|ל\s*[-:]\s*|ל\s+|ל(?=\d))?", "", value, flags=re.I).strip()
    if not value:
        raise _Fail(_(_EDIT_HINTS[field_name], usage=_t(usage)))
    if field_name == "phone":
        try:
            return EditGuest(ref, "phone", normalize_phone(value, inp.region))
        except InvalidPhone as e:
            raise _Fail(e.message) from None
    if field_name == "party":
        return EditGuest(ref, "party", _party(value))
    if field_name in ("name", "first_name", "last_name"):
        value = " ".join(value.split())
        if not _has_letter(value) or len(value) > 120:
            raise _Fail(_("A name needs letters. Try: edit 3 name Dana Levi"))
    if len(value) > 500:
        raise _Fail(_("That's too long (500 characters at most)."))
    return EditGuest(ref, field_name, value)


_EDIT_HINTS = {
    "name": N_("Give the new name. Try: {usage}"),
    "first_name": N_("Give the new first name. Try: edit 3 first name Dana"),
    "last_name": N_("Give the new last name. Try: edit 3 last name Levi"),
    "phone": N_("Give the new phone. Try: {usage}"),
    "side": N_("Give the new side. Try: {usage}"),
    "party": N_("Give the new party. Try: {usage}"),
    "note": N_("Give the new note. Try: {usage}"),
}


_ANSWERS = W.ANSWERS
_HE_COMING = W.HE_COMING
_ANSWER_PAIRS = W.ANSWER_PAIRS


@_spec("mark", ["mark", "rsvp", "mark guest", "set rsvp", "עדכן תשובה", "עדכני תשובה", "סמן תשובה",
                "עדכן הגעה", "סימון"]
       + _he(_HE_MARK, ("", "אורח", "אורחת")),
       N_("mark <ref> yes|no|maybe|pending [party <n>]"), N_("record a guest's answer by hand"), "Guests",
       Action.EDIT_GUESTS, MarkGuest)
def _parse_mark(inp: _Input) -> MarkGuest:
    usage = N_("mark 3 yes party 2")
    spans = list(_TOKEN.finditer(inp.rest))
    keys = [_key(m.group()) for m in spans]
    at = None
    width = 1
    for i in range(1, len(keys)):
        if i + 1 < len(keys) and (keys[i], keys[i + 1]) in _ANSWER_PAIRS:
            at, width, answer = i, 2, _ANSWER_PAIRS[(keys[i], keys[i + 1])]
            break
        if keys[i] in _ANSWERS:
            at, answer = i, _ANSWERS[keys[i]]
            break
    if at is None:
        raise _Fail(_("Mark as what? Try: {usage} (or no, maybe, pending)", usage=_t(usage)))
    ref = _ref(inp.rest[: spans[at].start()], inp.region)
    tail = [k for k in keys[at + width:] if k and k not in _FILLER]
    party: int | None = None
    if tail:
        if tail[0] in _PARTY_WORDS or tail[0] in {"x", "of", "with", "עם", "ב", "של"}:
            tail = tail[1:]
            if tail and tail[0] in {"of", "של"}:
                tail = tail[1:]
        if len(tail) == 1 and tail[0] in {"people", "guests", "אנשים", "אורחים", "מוזמנים"}:
            tail = []
        if len(tail) >= 2 and tail[1] in {"people", "guests", "pax", "אנשים", "איש", "אורחים", "מוזמנים"}:
            tail = tail[:1]
        if len(tail) != 1:
            raise _Fail(_("I didn't get the end of that. Try: {usage}", usage=_t(usage)))
        party = _party(tail[0])
    if answer in ("no", "maybe", "pending") and party:
        raise _Fail(_("Only a guest who is coming has a party size. Try: mark 3 yes party 2"))
    return MarkGuest(ref=ref, answer=answer, party_size=party)


@_spec("remove guest", ["remove guest", "delete guest", "remove", "delete", "del", "מחיקת אורח", "הסרת אורח"]
       + _he(_HE_DELETE + _HE_REMOVE, ("", "אורח", "אורחת", "את האורח", "מהרשימה", "מוזמן")),
       N_("remove guest <ref>"), N_("take a guest off the list"), "Guests", Action.REMOVE_GUESTS, RemoveGuest)
def _parse_remove_guest(inp: _Input) -> RemoveGuest:
    if not inp.rest:
        raise _Fail(_("Remove whom? Try: remove guest 3 (the number from the last list), a name or a phone"))
    return RemoveGuest(ref=_ref(inp.rest, inp.region))


@_spec("chart", ["chart", "graph", "picture", "progress", "גרף", "הגרף", "תרשים", "גרף התקדמות", "תמונת התקדמות"],
       N_("chart"), N_("the answers so far as a picture"), "Guests", Action.VIEW, Chart, writes=False)
def _parse_chart(inp: _Input) -> Chart:
    return _no_args(inp, Chart(), "chart")


_EXPORT_WORDS = frozenset("""guests guest list the a an as in to of my our me file excel csv xlsx sheet spreadsheet please pls
    all whole full send את ה של לי את הרשימה רשימה רשימת האורחים אורחים המוזמנים מוזמנים לאקסל באקסל אקסל כקובץ בקובץ קובץ
    בבקשה כל המלאה מלאה תשלח שלח""".split())


@_spec("export", ["export", "export guests", "export list", "excel", "xlsx", "csv", "spreadsheet", "download list",
                  "download guests", "ייצוא", "ייצא", "תייצא", "תייצאי", "לייצא", "ייצוא רשימה", "אקסל", "קובץ אקסל",
                  "רשימה באקסל", "רשימה לאקסל"],
       N_("export"), N_("the guest list as an Excel file"), "Guests", Action.VIEW, Export, writes=False)
def _parse_export(inp: _Input) -> Export:
    # "export guests", "ייצוא רשימת האורחים לאקסל": words naming the list; "האקסל ששלחת ריק" is no request
    if any(w.strip(_TRAIL) not in _EXPORT_WORDS for w in inp.rest_words) or inp.body:
        raise _Fail(_("*{verb}* doesn't take anything after it. Try: {usage}", verb=inp.verb, usage=_t(N_("export"))))
    return Export()


@_spec("guest", ["guest", "show guest", "guest card", "guest details", "guest info", "card", "אורח", "אורחת",
                 "כרטיס אורח", "פרטי אורח", "פרטי האורח", "כרטיס", "מידע על", "פרטים של"]
       + _he(_HE_SHOW, ("אורח", "את האורח", "אורחת", "את האורחת", "כרטיס", "את הכרטיס של", "פרטי אורח",
                        "את הפרטים של")),
       N_("guest <ref>"), N_("one guest's card: phone, answer, party, notes, delivery, link"), "Guests",
       Action.VIEW, GuestCard, writes=False)
def _parse_guest_card(inp: _Input) -> GuestCard:
    rest = inp.rest.strip().strip(_TRAIL)
    if not rest or inp.body:
        raise _Fail(_("Which guest? Try: guest 3 (the number from the last list), a name or a phone"))
    return GuestCard(ref=_ref(rest, inp.region))


@_spec("ask", ["ask", "ask guests", "ask the guests", "question", "new question", "poll", "שאל", "שאלי", "תשאל",
               "תשאלי", "לשאול", "שאלה", "שאלה חדשה", "סקר", "שאל את האורחים", "שאלה לאורחים"],
       N_("ask <question>? <option> / <option> ..."),
       N_("a question to the confirmed guests, answered with buttons (asks first)"), "Sending", Action.SEND, Ask)
def _parse_ask(inp: _Input) -> Ask:
    usage = N_("ask Meal? meat / fish / vegan")
    text = inp.rest.strip()
    lines = [line.strip(" -•*") for line in inp.body if line.strip(" -•*")]
    # (a colon inside a time, "Shuttle at 19:30? yes / no", ends no question)
    m = re.match(r"^(.*?(?:[?؟]|(?<!\d):|:(?!\d)))\s*(.*)$", text, re.S)
    if m:
        question, rest = m.group(1).rstrip(":").strip(), m.group(2)
    else:
        question, rest = text, ""
    options = [o.strip() for o in re.split(r"\s*[/|,،]\s*|\s+or\s+|\s+או\s+", rest) if o.strip()] if rest else []
    options += lines
    if not options and question:
        # "ask meat or fish?": a question that names its choices is its own options.
        named = [o.strip() for o in re.split(r"\s*/\s*|\s+or\s+|\s+או\s+",
                                             question.rstrip("?؟ ").strip()) if o.strip()]
        if len(named) >= 2 and all(len(o) <= 24 for o in named):
            options = named
    if not question and options:
        raise _Fail(_("What is the question? Try: {usage}", usage=_t(usage)))
    if not question:
        raise _Fail(_("What should I ask? Try: {usage}", usage=_t(usage)))
    if len(options) < 2:
        raise _Fail(_("Give the options after the question, split with /. Try: {usage}", usage=_t(usage)))
    if len(options) > 10:
        raise _Fail(_("Ten options at most (a WhatsApp list holds ten)."))
    if any(len(o) > 24 for o in options):
        raise _Fail(_("Keep each option short (24 characters at most): they become buttons."))
    if len(question) > 300:
        raise _Fail(_("That question is too long (300 characters at most)."))
    return Ask(text=question, options=tuple(options))


@_spec("answers", ["answers", "results", "poll results", "question results", "meal counts", "תשובות",
                   "התשובות", "תוצאות", "תוצאות הסקר", "סיכום תשובות", "ספירת מנות", "כמה מנות"]
       + _he(_HE_SHOW, ("תשובות", "את התשובות", "תוצאות", "את התוצאות")),
       N_("answers"), N_("the totals of each question, per option and side, adults and children apart"), "Guests",
       Action.VIEW, Answers, writes=False)
def _parse_answers(inp: _Input) -> Answers:
    return _no_args(inp, Answers(), N_("answers"))


@_spec("calls", ["calls", "call list", "calls list", "who to call", "phone list", "שיחות", "רשימת שיחות",
                 "רשימת טלפונים", "למי להתקשר", "למי לצלצל", "את מי להתקשר"]
       + _he(_HE_SHOW, ("שיחות", "את רשימת השיחות", "רשימת שיחות")),
       N_("calls"), N_("who to phone (no answer, or the invitation failed): your share of the list"), "Guests",
       Action.VIEW, Calls, writes=False)
def _parse_calls(inp: _Input) -> Calls:
    return _no_args(inp, Calls(), N_("calls"))


_CALL_OUTCOMES = {**{k: v for k, v in _ANSWERS.items() if v in ("yes", "no")},
                  "maybe": "maybe", "אולי": "maybe", "מתלבט": "maybe", "מתלבטת": "maybe", "מתלבטים": "maybe",
                  "unreachable": "no_answer", "voicemail": "no_answer", "busy": "no_answer", "nobody": "no_answer",
                  "לא ענה": "no_answer", "אין מענה": "no_answer", "לא עונה": "no_answer", "תפוס": "no_answer"}
_CALL_PAIRS = {**{k: v for k, v in _ANSWER_PAIRS.items() if v in ("yes", "no")},
               ("no", "answer"): "no_answer", ("didn't", "answer"): "no_answer", ("no", "reply"): "no_answer",
               ("not", "answering"): "no_answer", ("לא", "ענה"): "no_answer", ("לא", "ענתה"): "no_answer",
               ("לא", "ענו"): "no_answer", ("אין", "מענה"): "no_answer", ("לא", "עונה"): "no_answer"}


@_spec("called", ["called", "log call", "call log", "i called", "התקשרתי", "התקשרתי ל", "דיברתי עם", "שיחה עם",
                  "צלצלתי", "צלצלתי ל", "תיעוד שיחה"],
       N_("called <ref> yes|no|maybe|no answer [party <n>]"), N_("log a call and the answer it brought"),
       "Guests", Action.EDIT_GUESTS, Called)
def _parse_called(inp: _Input) -> Called:
    usage = N_("called 3 yes party 2")
    # "התקשרתי לדנה", "התקשרתי ל-2": the preposition glued to the name or number
    rest = re.sub(r"^ל-?(?=\S)", "", inp.rest.strip()) if _is_hebrew(inp.verb) else inp.rest
    spans = list(_TOKEN.finditer(rest))
    # "התקשרתי לאבי ולא מגיע": "and not" glued to its ו is the outcome's "not", never part of the name
    keys = [k[1:] if k in ("ולא", "ואין") else k for k in (_key(m.group()) for m in spans)]
    at = width = None
    outcome = None
    for i in range(1, len(keys)):
        if i + 1 < len(keys) and (keys[i], keys[i + 1]) in _CALL_PAIRS:
            at, width, outcome = i, 2, _CALL_PAIRS[(keys[i], keys[i + 1])]
            break
        if keys[i] in _CALL_OUTCOMES:
            at, width, outcome = i, 1, _CALL_OUTCOMES[keys[i]]
            break
    if at is None:
        raise _Fail(_("What came of the call? Try: {usage} (or no, maybe, no answer)", usage=_t(usage)))
    ref = _ref(rest[: spans[at].start()], inp.region)
    tail = [k for k in keys[at + width:] if k and k not in _FILLER]
    party: int | None = None
    if tail:
        if tail[0] in _PARTY_WORDS or tail[0] in {"x", "of", "with", "עם"}:
            tail = tail[1:]
        if len(tail) >= 2 and tail[1] in {"people", "guests", "pax", "אנשים", "איש", "אורחים"}:
            tail = tail[:1]
        if len(tail) != 1:
            raise _Fail(_("I didn't get the end of that. Try: {usage}", usage=_t(usage)))
        party = _party(tail[0])
    if party and outcome != "yes":
        raise _Fail(_("Only a guest who is coming has a party size. Try: mark 3 yes party 2"))
    return Called(ref=ref, outcome=outcome, party_size=party)


@_spec("link", ["link", "rsvp link", "page", "guest page", "guest link", "קישור", "לינק", "קישור אישי",
                "דף אישי", "הקישור של", "קישור לאורח"],
       N_("link <ref> [new]"), N_("a guest's own RSVP page, to pass on by SMS or another app"), "Guests",
       Action.VIEW, GuestLink, writes=False)
def _parse_link(inp: _Input) -> GuestLink:
    words = inp.rest.split()
    new = bool(words) and _key(words[-1]) in {"new", "חדש", "renew", "again"}
    rest = " ".join(words[:-1] if new else words).strip()
    if not rest:
        raise _Fail(_("Whose page? Try: link 3 (the number from the last list), a name or a phone"))
    return GuestLink(ref=_ref(rest, inp.region), new=new)


@_spec("stats", ["stats", "status", "summary", "statistics", "report", "rsvps", "totals", "numbers", "סטטוס",
                 "הסטטוס", "סטאטוס", "סטטיסטיקה", "סטטיסטיקות", "הסטטיסטיקה", "סטיסטיקה",
                 "סיכום", "הסיכום", "מצב", "המצב", "תמונת מצב", "דוח", "דו\"ח", "הדוח", "נתונים", "הנתונים",
                 "מספרים", "כמה מגיעים", "כמה אישרו", "כמה באים"],
       N_("stats"), N_("answers so far, headcount, delivery"), "Guests", Action.VIEW, Stats, writes=False)
def _parse_stats(inp: _Input) -> Stats:
    return _no_args(inp, Stats(), N_("stats"))


_HE_INBOX_VERBS = ("תיבה", "התיבה", "תיבת הודעות", "תיבת ההודעות", "הודעות", "ההודעות", "הודעות מאורחים",
                   "הודעות מהאורחים", "הודעות אורחים", "הודעות חדשות", "הודעות נכנסות", "דואר נכנס",
                   "תיבת דואר", "תיבת הדואר", "תיבת דואר נכנס", "התיבה שלי", "דואר",
                   "מה כתבו", "מה כתבו האורחים", "מי כתב")


@_spec("inbox", ["inbox", "messages", "guest messages", "messages from guests", "unread", "new messages",
                 "show inbox", "show messages", "mailbox", "my inbox"]
       + list(_HE_INBOX_VERBS)
       + _he(_HE_SHOW, ("הודעות", "את ההודעות", "הודעות מאורחים", "את ההודעות מהאורחים", "תיבה", "את התיבה")),
       N_("inbox"), N_("what guests wrote that isn't an answer (photos and voice notes too)"), "Guests",
       Action.VIEW, Inbox, writes=False)
def _parse_inbox(inp: _Input) -> Inbox:
    return _no_args(inp, Inbox(), N_("inbox"))


# --- Sending

@_spec("invite", ["invite", "send invitations", "send invitation", "send invites", "send invite",
                  "invite guests", "invite all", "invite everyone", "send the invitations", "הזמן", "הזמיני",
                  "תזמין", "תזמיני", "להזמין", "הזמן אורחים", "הזמן את כולם", "הזמן את האורחים",
                  "שליחת הזמנות", "שליחת הזמנה", "שלחהזמנות"]
       + _he(_HE_SEND, ("הזמנות", "הזמנה", "את ההזמנות", "את ההזמנה", "הזמנות לכולם", "הזמנה לכולם",
                        "הזמנות לאורחים", "את ההזמנות לאורחים")),
       N_("invite"), N_("send the invitation to guests not yet invited (asks first)"), "Sending", Action.SEND,
       Invite)
def _parse_invite(inp: _Input) -> Invite:
    return _no_args(inp, Invite(), N_("invite"))


@_spec("remind", ["remind", "send reminders", "send reminder", "remind guests", "remind pending",
                  "remind all", "remind everyone", "nudge", "תזכורת", "תזכיר", "תזכירי", "הזכר", "הזכירי",
                  "להזכיר", "תזכיר לאורחים", "תזכירי לאורחים", "הזכר לאורחים", "תזכיר לכולם",
                  "שליחת תזכורת", "שליחת תזכורות", "תזכורת לאורחים", "תזכורת לכולם"]
       + _he(_HE_SEND, ("תזכורת", "תזכורות", "את התזכורת", "תזכורת לאורחים", "תזכורת לכולם",
                        "תזכורת לממתינים", "תזכורות לאורחים")),
       N_("remind"), N_("remind invited guests who haven't answered (asks first)"), "Sending", Action.SEND, Remind)
def _parse_remind(inp: _Input) -> Remind:
    return _no_args(inp, Remind(), N_("remind"))


_BROADCAST_STATUS = W.BROADCAST_FILTERS
_QUOTES = "\"'“”„״׳"
_WHOLLY_QUOTED = re.compile(r'^["“”„״]([^"“”„״]+)["“”„״]$')
_BROADCAST_SIDE_WORDS = _SIDE_WORDS | {"לצד"}

# "הודעה למגיעים": the verb names whom
_HE_BROADCAST_TARGETS = {
    "לכולם": None, "לכל האורחים": None, "כללית": None, "לכל המוזמנים": None,
    "למגיעים": "confirmed", "למאשרים": "confirmed", "למי שמגיע": "confirmed",
    "לממתינים": "pending", "למי שלא ענה": "pending", "למי שלא ענו": "pending",
    "ללא מגיעים": "declined", "למי שלא מגיע": "declined",
}
_BROADCAST_VERB_STATUS = {
    f"{head} {target}".strip(): status
    for target, status in _HE_BROADCAST_TARGETS.items()
    for head in list(_HE_SEND) + _he(_HE_SEND, ("הודעה",)) + ["הודעה"]
    if target != "כללית" or head.endswith("הודעה")   # "הודעה כללית", not "שלח כללית"
}


@_spec("broadcast", ["broadcast", "announce", "message all", "message everyone", "send all",
                     "send to all", "send everyone", "tell everyone", "tell all", "תפוצה", "הודעת תפוצה",
                     "לכולם", "הודעה לכל", "שלח לכל"]
       + sorted(_BROADCAST_VERB_STATUS),
       N_("broadcast [pending|confirmed|declined] [side <side>]: <text>"),
       N_("send a message to many guests (asks first)"), "Sending", Action.SEND, Broadcast)
def _parse_broadcast(inp: _Input) -> Broadcast:
    usage = N_("broadcast pending: Please answer by Friday!")
    first = inp.rest
    status: str | None = _BROADCAST_VERB_STATUS.get(inp.verb)
    side: str | None = None
    pos = 0
    while True:
        m = _NEXT_WORD.match(first, pos)
        if not m:
            break
        word = m.group(1)
        if word[0] in _QUOTES or word.startswith(":"):
            break   # quoted or colon-led text is the message, never the audience ("לכל המוזמנים "מגיעים מחופשים!"")
        key = _key(word)
        ends_filters = word.endswith(":") or first[m.end():].lstrip().startswith(":")
        nxt_word = _NEXT_WORD.match(first, m.end())
        if (side is None and not ends_filters and nxt_word and _key(nxt_word.group(1)) in {"side"}
                and key in sides.SIDE_WORDS and not word.endswith(",")):
            # "broadcast to bride side "…"": the side's name before the word side
            side = word.strip(_TRAIL)
            pos = nxt_word.end()
            if nxt_word.group(1).endswith(":"):
                break
            continue
        if key in {"to", "only", "רק", "ל"} and pos == 0:
            pos = m.end()
            continue
        if key in _BROADCAST_STATUS and (_BROADCAST_STATUS[key] is not None or ends_filters):
            status = _BROADCAST_STATUS[key]
            pos = m.end()
            nxt = _NEXT_WORD.match(first, pos)
            if nxt and _key(nxt.group(1)) in {"guests", "guest", "only", "אורחים", "רק"} and (
                    nxt.group(1).endswith(":") or first[nxt.end():].lstrip().startswith(":")):
                pos = nxt.end()
            continue
        if key in _BROADCAST_SIDE_WORDS:
            colon = re.compile(r":(?=\s|$)").search(first, m.end())
            if colon and 1 <= len(first[m.end():colon.start()].split()) <= 3:
                # "side bride family: text": the side runs to the colon
                side = " ".join(first[m.end():colon.start()].split())
                pos = colon.start()
                break
            nxt = _NEXT_WORD.match(first, m.end())
            if not nxt or not nxt.group(1).strip(_TRAIL):
                raise _Fail(_("Which side, and what should I say? Try: broadcast side bride: Bus leaves at 5"))
            side = nxt.group(1).strip(_TRAIL)
            pos = nxt.end()
            continue
        break
    message = first[pos:].strip()
    if message.startswith(":"):
        message = message[1:].strip()
    m = _WHOLLY_QUOTED.match(message)
    if m:   # "broadcast "See you at 8!"": the quotes only mark the message
        message = m.group(1).strip()
    if inp.body:
        message = (message + "\n" + "\n".join(inp.body)).strip()
    if not message:
        raise _Fail(_("What should I send? Try: {usage}", usage=_t(usage)),
                    wants=None if side else f"broadcast {status}:" if status else "broadcast:")
    if len(message) > MAX_TEXT_LENGTH:
        raise _Fail(_too_long_message(message))
    return Broadcast(text=message, status=status, side=side)


_NEXT_WORD = re.compile(r"\s*(\S+)")
_REF_COLON = re.compile(r":(?=\s|$)")


def _too_long_message(text: str) -> str:
    return _("That message is {n} characters; WhatsApp takes up to {max}.",
             n=str(len(text)), max=str(MAX_TEXT_LENGTH))


_HE_MESSAGE_VERBS = frozenset(["הודעה", "הודעה אישית", "כתוב", "כתבי", "תכתוב", "תכתבי", "לכתוב"]
                              + _he(_HE_SEND, ("הודעה", "הודעה אישית")))


@_spec("message", ["message", "msg", "text", "write to", "message guest", "send message to", "tell"]
       + sorted(_HE_MESSAGE_VERBS),
       N_("message <ref>: <text>"), N_("send one guest a message"), "Sending", Action.SEND, MessageGuest)
def _parse_message(inp: _Input) -> MessageGuest:
    usage = N_("message 3: See you there!")
    first = inp.rest
    if inp.verb in _HE_MESSAGE_VERBS:   # "הודעה לדנה: ...", "הודעה ל-3 ..."
        first = re.sub(r"^ל(?:\s*-\s*|\s+)?", "", first)
    colon = _REF_COLON.search(first)
    if colon and 1 <= len(first[: colon.start()].split()) <= 4:
        ref_text, text = first[: colon.start()], first[colon.end():]
    else:
        spans = list(_TOKEN.finditer(first))
        if not spans:
            raise _Fail(_("Whom, and what? Try: {usage}", usage=_t(usage)))
        cut = spans[0].end()
        run_end = None
        for m in spans:  # a phone may span several words: "050 234 5678 hello"
            if any(ch.isalpha() for ch in m.group()) or not any(ch.isdigit() for ch in m.group()):
                break
            run_end = m.end()
        if run_end is not None and sum(ch.isdigit() for ch in first[:run_end]) >= 7:
            cut = run_end
        ref_text, text = first[:cut], first[cut:]
    ref = _ref(ref_text, inp.region)
    if not text.strip() and not inp.body and ref_text.strip():
        # "תשלחי לאבי ביטון הודעה": whom, and the words still to come
        raise _Fail(_("What should I send? Try: {usage}", usage=_t(usage)), wants=f"message {ref_text.strip()}:")
    return MessageGuest(ref=ref, text=_words_to_send(text, inp, usage))


def _words_to_send(text: str, inp: _Input, usage: str) -> str:
    """The words of `message` and `reply`: the rest of the first line and the lines below it."""
    text = text.strip()
    if inp.body:
        text = (text + "\n" + "\n".join(inp.body)).strip()
    if not text:
        raise _Fail(_("What should I send? Try: {usage}", usage=_t(usage)))
    if len(text) > MAX_TEXT_LENGTH:
        raise _Fail(_too_long_message(text))
    return text


_HE_REPLY = ("ענה", "עני", "תענה", "תעני", "לענות", "השב", "השיבי", "תשיב", "תשיבי", "להשיב")


@_spec("reply", ["reply", "reply to", "answer", "respond", "respond to", "תשובה", "תשובה להודעה"]
       + list(_HE_REPLY) + _he(_HE_REPLY, ("ל", "להודעה", "על הודעה", "לאורח")),
       N_("reply <n> <text>"), N_("answer message <n> of the *inbox*"), "Sending", Action.SEND, ReplyGuest)
def _parse_reply(inp: _Input) -> ReplyGuest:
    usage = N_("reply 1 Yes, there is parking!")
    first = re.sub(r"^ל(?:\s*-\s*|\s+)?(?=\S)", "", inp.rest) if _is_hebrew(inp.verb) else inp.rest
    first = re.sub(r"^(?:to\s+|#)", "", first, flags=re.I)
    colon = _REF_COLON.search(first)
    if colon and 1 <= len(first[: colon.start()].split()) <= 4:
        ref_text, text = first[: colon.start()], first[colon.end():]
    else:
        m = re.match(r"\s*(\d{1,5})[.):,]?(?=\s|$)", first)
        if not m:
            raise _Fail(_("Which message? Try: {usage} (the number from *inbox*)", usage=_t(usage)))
        ref_text, text = m.group(1), first[m.end():]
    return ReplyGuest(ref=_ref(ref_text, inp.region), text=_words_to_send(text, inp, usage))


# --- Team

_ROLES = {"admin": "admin", "admins": "admin", "administrator": "admin", "owner": "admin",
          "editor": "editor", "editors": "editor", "edit": "editor",
          "viewer": "viewer", "viewers": "viewer", "view": "viewer", "read-only": "viewer", "readonly": "viewer"}
_HE_ROLES = {"מנהל": "admin", "מנהלת": "admin", "מנהלים": "admin", "אדמין": "admin", "בעלים": "admin",
             "עורך": "editor", "עורכת": "editor", "עורכים": "editor", "עריכה": "editor",
             "צופה": "viewer", "צופים": "viewer", "צפייה": "viewer", "צפיה": "viewer"}
for _word, _role in _HE_ROLES.items():   # "למנהל", "כעורכת", "הצופה"
    for _prefix in ("", "ל", "כ", "ה"):
        _ROLES.setdefault(_prefix + _word, _role)


@_spec("members", ["members", "team", "list members", "show members", "organisers", "organizers",
                   "co-organisers", "co-organizers", "admins", "צוות", "הצוות", "חברי צוות", "חברי הצוות",
                   "מארגנים", "המארגנים", "מנהלים", "המנהלים", "שותפים", "מי בצוות", "אנשי צוות"]
       + _he(_HE_SHOW, ("צוות", "את הצוות", "חברי צוות", "את חברי הצוות")),
       N_("members"), N_("who organises this event"), "Team", Action.VIEW, ListMembers, writes=False)
def _parse_members(inp: _Input) -> ListMembers:
    return _no_args(inp, ListMembers(), N_("members"))


@_spec("add member", ["add member", "invite member", "add organiser", "add organizer", "add co-organiser",
                      "add co-organizer", "add admin", "add editor", "add viewer", "new member",
                      "חבר צוות חדש", "מנהל חדש", "עורך חדש", "צופה חדש"]
       + _he(_HE_ADD, ("מנהל", "מנהלת", "עורך", "עורכת", "צופה", "חבר צוות", "חברת צוות", "לצוות",
                       "שותף", "שותפה", "מארגן", "מארגנת", "אדמין")),
       N_("add member <phone> [admin|editor|viewer]"), N_("add a co-organiser (editor by default)"), "Team",
       Action.MANAGE_EVENT, AddMember)
def _parse_add_member(inp: _Input) -> AddMember:
    usage = N_("add member 050-234-5678 editor")
    role = next((_ROLES[w] for w in inp.verb.split()[1:] if w in _ROLES), "editor")
    phone, rest = find_phone(inp.rest, inp.region)
    if phone is None:
        raise _Fail(_("{problem} Try: {usage}", problem=i18n.Raw(_phone_problem(inp.rest)), usage=_t(usage)))
    for word in rest.split():
        key = _key(word)
        if key in _ROLES:
            role = _ROLES[key]
    return AddMember(phone=phone, role=role)


def member_wanted(text: str) -> str | None:
    """"add editor", "הוסף מנהל", "add member" and nothing after it: the role (editor unless said) of a co-organiser
    whose number is still to come (typed, or on a contact card), else None."""
    lines = _lines(text)
    if len(lines) != 1:
        return None
    _spans, keys, found = _verb_of(lines[0])
    if found is None or found[1].command is not AddMember or found[0] != len(keys):
        return None
    return next((_ROLES[w] for w in keys[1:found[0]] if w in _ROLES), "editor")


@_spec("role", ["role", "set role", "change role", "make", "תפקיד", "הפוך", "הפכי", "תהפוך", "תהפכי", "מנה", "מני",
                "תמנה", "תמני", "למנות", "שינוי תפקיד"]
       + _he(_HE_SET + ("החלף", "החליפי", "תחליף"), ("תפקיד", "את התפקיד", "הרשאה", "הרשאות")),
       N_("role <ref> admin|editor|viewer"), N_("change a member's role"), "Team", Action.MANAGE_EVENT, ChangeRole)
def _parse_role(inp: _Input) -> ChangeRole:
    usage = N_("role 2 admin")
    spans = list(_TOKEN.finditer(inp.rest))
    if len(spans) < 2 or _key(spans[-1].group()) not in _ROLES:
        raise _Fail(_("Whom, and which role? Try: {usage} (admin, editor or viewer)", usage=_t(usage)))
    role = _ROLES[_key(spans[-1].group())]
    end = len(spans) - 1
    while end > 0 and _key(spans[end - 1].group()) in {"to", "as", "an", "a", "=", "ל", "כ", "ל-", "בתור",
                                                       "להיות", "לתפקיד"}:
        end -= 1
    if end == 0:
        raise _Fail(_("Whom? Try: {usage}", usage=_t(usage)))
    return ChangeRole(ref=_ref(inp.rest[: spans[end - 1].end()], inp.region), role=role)


@_spec("remove member", ["remove member", "delete member", "remove organiser", "remove organizer", "kick",
                         "הסרת חבר צוות", "הוצאה מהצוות"]
       + _he(_HE_REMOVE + _HE_DELETE + ("הוצא", "הוציאי", "תוציא", "תוציאי", "להוציא"),
             ("חבר צוות", "חברת צוות", "מהצוות", "את חבר הצוות", "מנהל", "מנהלת", "עורך", "עורכת", "צופה",
              "שותף", "שותפה")),
       N_("remove member <ref>"), N_("take someone off the team"), "Team", Action.MANAGE_EVENT, RemoveMember)
def _parse_remove_member(inp: _Input) -> RemoveMember:
    if not inp.rest:
        raise _Fail(_("Remove whom? Try: remove member 2 (the number from *members*) or a phone"))
    return RemoveMember(ref=_ref(inp.rest, inp.region))


@_spec("leave", ["leave", "leave event", "עזוב", "עזבי", "תעזוב", "תעזבי", "לעזוב", "עזוב אירוע",
                 "עזוב את האירוע", "עזבי את האירוע", "תעזוב את האירוע", "עזוב צוות", "עזוב את הצוות",
                 "צא", "צאי", "תצא", "תצאי", "לצאת", "צא מהאירוע", "צאי מהאירוע", "תצא מהאירוע",
                 "לצאת מהאירוע", "צא מהצוות", "צאי מהצוות", "יציאה מהאירוע", "עזיבת אירוע"],
       N_("leave"), N_("leave the current event's team"), "Team", Action.VIEW, Leave)
def _parse_leave(inp: _Input) -> Leave:
    return _no_args(inp, Leave(), N_("leave"))


_ON = {"on", "yes", "true", "1", "enable", "enabled", "start", "me", "פעיל", "פעילות", "פועל", "דלוק",
       "הפעל", "להפעיל", "תפעיל", "הפעלה", "כן"}
_OFF = {"off", "no", "false", "0", "disable", "disabled", "stop", "mute", "כבוי", "כבויות", "כבה", "לכבות",
        "בטל", "לבטל", "ביטול", "כיבוי", "מושתק", "השתק", "לא", "מבוטל"}
_QUIET_RANGE = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*[-–—]\s*(\d{1,2})(?::(\d{2}))?$")


@_spec("quiet", ["quiet", "quiet hours", "quiet time", "night hours", "no messages at night", "שעות שקט",
                 "שקט", "שעות מנוחה", "בלי הודעות בלילה"],
       N_("quiet <22-8>|off|default"), N_("hours when guests get no messages (they wait for the morning)"),
       "Events", Action.MANAGE_EVENT, Quiet)
def _parse_quiet(inp: _Input) -> Quiet:
    text = " ".join(inp.rest.split()).strip(_TRAIL).lower()
    text = re.sub(r"^(?:from\s+|מ-?|בין\s+)", "", text)
    text = re.sub(r"\s*(?:to|until|עד|ל-?)\s*(?=\d)", "-", text)
    if not text and not inp.body:
        return Quiet(hours=None, show=True)
    if text in _OFF or text in {"none", "ללא", "בלי"}:
        return Quiet(hours=None)
    if text in {"default", "reset", "ברירת מחדל", "רגיל"}:
        return Quiet(hours=None, default=True)
    m = _QUIET_RANGE.match(text)
    if m and int(m.group(1)) <= 24 and int(m.group(3)) <= 24 and int(m.group(2) or 0) < 60 \
            and int(m.group(4) or 0) < 60:
        return Quiet(hours=text.replace(" ", ""))
    raise _Fail(_(QUIET_ASK))


QUIET_ASK = N_("From when to when? Try: quiet 22-8 (no messages to guests from 22:00 to 08:00), or quiet off")


def ask_quiet_hours() -> ParseError:
    """Quiet hours talked of without the hours ("…אז שקט"): ask from when to when."""
    return ParseError(_(QUIET_ASK), _(spec_for(Quiet(hours=None)).usage))


_SHABBAT_WORDS = ["shabbat", "shabbos", "sabbath", "shabat", "no shabbat", "שבת", "שבתות", "שבת וחג",
                  "שבתות וחגים", "שמירת שבת"]


@_spec("shabbat", _SHABBAT_WORDS,
       N_("shabbat on|off"), N_("no messages to guests on Shabbat and Jewish holidays"), "Events",
       Action.MANAGE_EVENT, Shabbat)
def _parse_shabbat(inp: _Input) -> Shabbat:
    words = [w for w in inp.rest_words if w not in {"please", "pls", "בבקשה", "תודה", "וחגים", "וחג", "and",
                                                     "holidays"}]
    if inp.verb == "no shabbat" and not words:
        return Shabbat(on=True)
    if not words and not inp.body:
        return Shabbat(on=False, show=True)
    if len(words) == 1 and words[0] in _ON | {"שומרים", "שומר"}:
        return Shabbat(on=True)
    if len(words) == 1 and words[0] in _OFF:
        return Shabbat(on=False)
    raise _Fail(_("On or off? Try: shabbat on (no messages to guests on Shabbat and holidays)"))


@_spec("day before", ["day before", "day-before", "day before message", "reminder day before", "יום לפני",
                      "הודעת יום לפני", "תזכורת יום לפני", "הודעה יום לפני"],
       N_("day before on|off"), N_("the day-before message: time, place, navigation, calendar (on by default)"),
       "Sending", Action.MANAGE_EVENT, DayBefore)
def _parse_day_before(inp: _Input) -> DayBefore:
    words = [w for w in inp.rest_words if w not in {"please", "pls", "בבקשה", "תודה", "message", "הודעה"}]
    if not words and not inp.body:
        return DayBefore(on=False, show=True)
    if len(words) == 1 and words[0] in _ON:
        return DayBefore(on=True)
    if len(words) == 1 and words[0] in _OFF:
        return DayBefore(on=False)
    raise _Fail(_("On or off? Try: day before off"))


@_spec("thank you", ["thank you", "send thanks", "send thank you", "thank guests", "thank the guests",
                     "הודעת תודה", "שלח תודה", "שלחי תודה", "תשלח תודה", "לשלוח תודה", "תודה לאורחים",
                     "תודה למגיעים", "תודה רבה לאורחים"],
       N_("thank you <text>"), N_("after the event, a message to the guests who came (asks first)"), "Sending",
       Action.SEND, ThankYou)
def _parse_thank_you(inp: _Input) -> ThankYou:
    text = inp.rest.strip()
    text = re.sub(r"^(?:to\s+(?:the\s+)?guests\s*|לאורחים\s*|למגיעים\s*)?[:\-–]?\s*", "", text, flags=re.I)
    if inp.body:
        text = (text + "\n" + "\n".join(inp.body)).strip()
    if not text:
        # "thank you" on its own is politeness, not a send
        raise _Fail(_("You're welcome! 😊 To thank your guests after the event: "
                      "thank you Thank you for celebrating with us!"))
    if len(text) > MAX_TEXT_LENGTH:
        raise _Fail(_too_long_message(text))
    return ThankYou(text=text)


_NOTIFY_ON_VERBS = frozenset(_he(("הפעל", "הפעילי", "תפעיל", "תפעילי", "להפעיל", "הדלק", "הדליקי", "תדליק"),
                                 ("התראות", "את ההתראות", "עדכונים")))
_NOTIFY_OFF_VERBS = frozenset(_he(_HE_CANCEL + _HE_OFF + ("השתק", "השתיקי", "תשתיק", "להשתיק"),
                                  ("התראות", "את ההתראות", "עדכונים")) + ["בלי התראות", "ללא התראות"])


@_spec("notify", ["notify", "notifications", "notification", "alerts", "התראות", "התראה", "ההתראות",
                  "עדכונים", "התראות על תשובות"]
       + sorted(_NOTIFY_ON_VERBS | _NOTIFY_OFF_VERBS),
       N_("notify on|off"), N_("a message to you for each guest's answer"), "Team", Action.VIEW, Notify)
def _parse_notify(inp: _Input) -> Notify:
    words = [w for w in inp.rest_words if w not in {"please", "pls", "בבקשה", "תודה"}]
    if not words and inp.verb in _NOTIFY_ON_VERBS:
        return Notify(on=True)
    if not words and inp.verb in _NOTIFY_OFF_VERBS:
        return Notify(on=False)
    if not words and not inp.body:
        return Notify(on=False, show=True)
    if len(words) == 1 and words[0] in _ON:
        return Notify(on=True)
    if len(words) == 1 and words[0] in _OFF:
        return Notify(on=False)
    raise _Fail(_("On or off? Try: notify on"))


# --- Account

_LANGUAGE_VERBS = {"עברית": "he", "בעברית": "he", "לעברית": "he", "אנגלית": "en", "באנגלית": "en",
                   "לאנגלית": "en", "english": "en", "in english": "en", "hebrew": "he", "in hebrew": "he"}


@_spec("language", ["language", "lang", "my language", "שפה", "השפה", "השפה שלי", "שפה שלי", "שפת ממשק",
                    "שפת הבוט", "החלף שפה", "החליפי שפה", "תחליף שפה", "שנה שפה", "שני שפה", "תשנה שפה",
                    "לשנות שפה", "עבור לשפה", "דבר", "דברי", "תדבר", "תדברי"]
       + sorted(_LANGUAGE_VERBS),
       N_("language he|en"), N_("the language I write to you in"), "Account", None, SetLanguage)
def _parse_language(inp: _Input) -> SetLanguage:
    words = [w for w in inp.rest_words if w not in _FILLER]
    if not words and inp.verb in _LANGUAGE_VERBS:
        return SetLanguage(code=_LANGUAGE_VERBS[inp.verb])
    code = _language_code(" ".join(words)) if words else None
    if code is None:
        raise _Fail(_("Which language? Try: language he (עברית) or language en (English)"))
    return SetLanguage(code=code)


_REVOKE_TOKEN_VERBS = frozenset(["revoke token"] + _he(_HE_CANCEL + _HE_DELETE, ("טוקן", "את הטוקן"))
                                + ["ביטול טוקן"])


@_spec("token", ["token", "api token", "new token", "revoke token", "api", "טוקן", "הטוקן", "טוקן חדש",
                 "אסימון", "אסימון חדש", "טוקן api", "מפתח api"]
       + sorted(_REVOKE_TOKEN_VERBS - {"revoke token"}),
       N_("token [revoke]"), N_("a personal API token (shown once)"), "Account", None, Token)
def _parse_token(inp: _Input) -> Token:
    # "הטוקן שלי?", "my token", "token pls": whose it is, said, is no other word
    words = [w for w in inp.rest_words if w not in _FILLER and w not in {"שלי", "my", "mine", "?"}]
    revoke = inp.verb in _REVOKE_TOKEN_VERBS
    if len(words) == 1 and words[0] in {"revoke", "off", "delete", "cancel", "בטל", "ביטול", "מחק", "מחיקה",
                                        "לבטל", "כבה"} and not revoke:
        return Token(revoke=True)
    if words:
        raise _Fail(_("Try: token (a new one) or token revoke"))
    return Token(revoke=revoke)


@_spec("help", ["help", "?", "menu", "commands", "hi", "hello", "start", "עזרה", "תפריט", "התפריט", "פקודות",
                "הפקודות", "רשימת פקודות", "מה אפשר לעשות", "מה אתה יודע לעשות", "עזור", "עזרי", "תעזור",
                "תעזרי", "עזור לי", "תעזור לי", "הוראות", "התחל", "התחלה", "איך משתמשים", "עזרהה"],
       N_("help"), N_("this list"), "Account", None, Help, writes=False)
def _parse_help(inp: _Input) -> Help:
    words = [w for w in inp.rest_words if w not in _FILLER and w not in {"with", "on", "for", "about", "me", "על",
                                                                         "עם", "ב", "לי", "בבקשה", "please"}]
    if not words:
        return Help()
    topic = _HELP_TOPICS.get(" ".join(words)) or _HELP_TOPICS.get(words[0])
    if topic is None:
        row = _match(words)
        topic = row[1].group if row else None
    if topic is None:
        if inp.verb in ("help", "עזרה"):
            raise _Fail(_("Help with what? Try: help guests (or events, sending, team, account)"))
        return Help()   # "hi there", "מה אפשר לעשות פה"
    return Help(topic=topic)


# "help guests", "עזרה אורחים": one group of commands in full
_HELP_TOPICS = {
    "events": "Events", "event": "Events", "אירועים": "Events", "אירוע": "Events",
    "guests": "Guests", "guest": "Guests", "אורחים": "Guests", "אורח": "Guests", "מוזמנים": "Guests",
    "sending": "Sending", "send": "Sending", "messages": "Sending", "invitations": "Sending",
    "שליחה": "Sending", "הודעות": "Sending", "הזמנות": "Sending",
    "team": "Team", "members": "Team", "organisers": "Team", "organizers": "Team", "צוות": "Team",
    "שותפים": "Team", "מארגנים": "Team",
    "account": "Account", "settings": "Account", "חשבון": "Account", "הגדרות": "Account",
}


@_spec("yes / no", ["yes", "y", "yep", "yeah", "ok", "okay", "sure", "confirm", "go", "go ahead", "do it",
                    "send", "send it", "כן", "no", "n", "nope", "don't", "dont", "לא"],
       N_("yes / no"), N_("answer my question"), "Account", None, Confirm)
def _parse_confirm(inp: _Input) -> Confirm:
    answer = "no" if inp.verb in _NO_WORDS else "yes"
    extra = [w for w in inp.rest_words if w not in _FILLER and w not in _CONFIRM_WORDS]
    if extra or inp.body:
        raise _Fail(_("Answer *yes* or *no* (or *cancel*)."))
    return Confirm(answer=answer)


_NO_WORDS = {"no", "n", "nope", "don't", "dont", "לא"}
_CONFIRM_WORDS = {"yes", "send", "it", "do", "go", "ahead", "sure", "ok", "okay", "thanks", "no", "dont", "don't"}


@_spec("cancel", ["cancel", "stop", "abort", "never mind", "nevermind", "forget it", "ביטול", "לא משנה",
                  "עזוב את זה", "עזבי את זה", "תשכח מזה", "תשכחי מזה", "שכח מזה", "עצור", "עצרי", "תעצור",
                  "תעצרי", "לעצור", "בטל את זה", "תבטל את זה"]
       + list(_HE_CANCEL),
       N_("cancel"), N_("drop what I'm waiting for"), "Account", None, Cancel)
def _parse_cancel(inp: _Input) -> Cancel:
    return Cancel()


# ---------------------------------------------------------------- lookups
# (close_verb's table is built after _ONE_WORD_VERBS below)

_VERBS: list[tuple[tuple[str, ...], CommandSpec]] = sorted(
    ((tuple(v.split()), spec) for spec in COMMANDS for v in spec.verbs),
    key=lambda item: -len(item[0]),
)
_SPEC_BY_TYPE: dict[type, CommandSpec] = {spec.command: spec for spec in COMMANDS}
# The verbs by their first word, longest first: a message is matched against a handful, not all.
_VERBS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], CommandSpec]]] = {}
for _words, _row in _VERBS:
    _VERBS_BY_FIRST.setdefault(_words[0], []).append((_words, _row))
# One-word verbs, for "did you mean" (a typo in the first word of a message).
_VERB_STRINGS = frozenset(v for spec in COMMANDS for v in spec.verbs)
def close_verb(word: str) -> list[str]:
    """The one-word verb a typo most likely meant ([] if none): compared only with verbs of about its length."""
    n = len(word)
    candidates = [v for k in range(n - 2, n + 3) for v in _ONE_WORD_BY_LEN.get(k, ())]
    return difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)


_ONE_WORD_VERBS = sorted({v for spec in COMMANDS for v in spec.verbs if len(v) > 2 and " " not in v})


_ONE_WORD_BY_LEN: dict[int, list[str]] = {}
for _v in _ONE_WORD_VERBS:
    _ONE_WORD_BY_LEN.setdefault(len(_v), []).append(_v)

# Two-word verbs ("add guests", "הוסף אורחים"), for a typo in one of a message's first two words.
_TWO_WORD_VERBS = sorted({v for spec in COMMANDS for v in spec.verbs if len(v.split()) == 2})


def close_two_word_verb(first_two: str) -> list[str]:
    """The two-word verb that the first two words with a typo most likely meant ([] if none):
    "הוספ אורחים" → "הוסף אורחים", "ad guests" → "add guests"."""
    words = first_two.split()
    if len(words) != 2 or len(first_two) < 6:
        return []
    n = len(first_two)
    typed = _unfinal(first_two)
    words = typed.split()
    candidates = {_unfinal(v): v for v in _TWO_WORD_VERBS if abs(len(v) - n) <= 2
                  # one of the two words is right as typed: a typo, not two other words
                  and (_unfinal(v).split()[0] == words[0] or _unfinal(v).split()[1] == words[1])}
    return [candidates[v] for v in difflib.get_close_matches(typed, list(candidates), n=1, cutoff=0.8)]


_FINAL_LETTERS = str.maketrans("ךםןףץ", "כמנפצ")


def _unfinal(text: str) -> str:
    """Hebrew final letters as their ordinary forms: "הוספ" (typed) and "הוסף" are one word."""
    return text.translate(_FINAL_LETTERS)


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
    """The role-table action a command needs on the current event; None: no event role needed.
    A setting's bare word (`quiet`, `shabbat`) only shows it: anyone on the team may look."""
    spec = spec_for(command)
    if spec and getattr(command, "show", False):
        return Action.VIEW
    return spec.action if spec else None


def writes(command: object) -> bool:
    """Whether a command may change something (a bare setting word only shows it)."""
    spec = spec_for(command)
    return bool(spec and spec.writes and not getattr(command, "show", False))


# What the short `help` shows of each group; `help <group>` shows all of it.
KEY_COMMANDS = frozenset({"new event", "events", "use", "event", "set", "add guest", "guests", "guest", "mark",
                          "stats", "inbox", "invite", "remind", "broadcast", "calls", "members", "add member",
                          "language"})


def help_lines(allowed: Callable[[Action | None], bool] = lambda action: True, *, group: str | None = None,
               key_only: bool = False) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(group, [(usage, summary), ...]), ...] for the commands `allowed(action)` permits, in table order:
    every group or only `group`; with `key_only`, the everyday commands of each.

    Already in the reader's language (`i18n.use`): the group names, the usages with the command
    words of that language ("הוסף אורח <שם> <טלפון>" in Hebrew) and the summaries.
    """
    out: list[tuple[str, list[tuple[str, str]]]] = []
    for name in GROUPS:
        if group is not None and name != group:
            continue
        rows = [(_(spec.usage), _(spec.summary)) for spec in COMMANDS
                if spec.group == name and allowed(spec.action) and (not key_only or spec.name in KEY_COMMANDS)]
        if rows:
            out.append((_(name), rows))
    return out


# ---------------------------------------------------------------- the parser

_CONFUSED = N_("Sorry, something in that message confused me. Send *help* to see what I can do.")
_SEND_HELP = N_("Send *help* to see what I can do.")


def parse(text: str, default_region: str | None = None, today: date | None = None) -> Command | ParseError:
    """What an organiser's message asks for, by the exact command grammar. Never raises.

    Messages and usage hints are in the language active in `i18n.use(...)`. The chat reads
    messages through `bot.chat.intents.understand`, which starts from this reading.
    """
    try:
        return _parse(text, default_region, today)
    except Exception:  # a bug; logged, and the caller still gets an answer for the person
        _log.exception("organiser command parser failed on a message")
        return ParseError(_(_CONFUSED), None)


def _lines(text: str) -> list[str]:
    text = _INVISIBLE.sub("", text[:_MAX_INPUT]).replace("\u00a0", " ").replace("\r\n", "\n").replace("\r", "\n")
    return [line for line in (line.strip() for line in text.split("\n")) if line]


def _verb_of(head: str) -> tuple[list, list[str], tuple[int, CommandSpec] | None]:
    """The first line's words, their keys and the verb they start with (how many words, its row)."""
    spans = list(_TOKEN.finditer(head))
    keys = [_key(m.group()) for m in spans]
    if not spans or not any(keys):
        return spans, keys, None
    found = _match(keys)
    if found is None and len(keys[0]) > 2 and keys[0][0] == "ו" and _is_hebrew(keys[0][1]):
        # "ותוסיף את דנה …": the conjunction ו glued to the verb (never for a bare yes/no)
        unglued = [keys[0][1:]] + keys[1:]
        found = _match(unglued)
        if found is not None and found[1].command is Confirm:
            found = None
        if found is not None:
            keys = unglued
    return spans, keys, found


def _strip_slash(head: str) -> str:
    return re.sub(r"^[/!\\]+\s*", "", head)


def names_command(text: str, command: type) -> bool:
    """Whether the message starts with one of `command`'s verbs, without parsing the rest
    (cheap: for a guest's words, "is this `new event …`?" before a whole parse)."""
    lines = _lines(text) if isinstance(text, str) else []
    found = _verb_of(_strip_slash(lines[0]))[2] if lines else None
    return found is not None and found[1].command is command


def _parse(text: str, default_region: str | None, today: date | None) -> Command | ParseError:
    if not isinstance(text, str):
        return ParseError(_(_SEND_HELP), None)
    lines = _lines(text)
    if not lines:
        return ParseError(_(_SEND_HELP), None)
    body = tuple(lines[1:])
    head = _strip_slash(lines[0])
    spans, keys, found = _verb_of(head)
    if not spans or not any(keys):
        return _unknown(lines[0])
    fields = _fields_block(lines, today)
    if fields is not None:
        return fields
    if found is None:
        return _unknown(lines[0])
    n, spec = found
    verb = " ".join(keys[:n])
    # "add guest" must not swallow "add guests2"; word boundaries are guaranteed by tokens
    rest = head[spans[n - 1].end():].strip() if n < len(spans) else ""
    rest = re.sub(r"^[:\-–—,]+\s*", "", rest) if spec.command not in (Broadcast,) else rest.lstrip()
    if spec.command is Broadcast and spans[n - 1].group().endswith(":"):
        rest = ": " + rest   # "תשלח לכל המוזמנים: מגיעים…": all after the colon is the message
    if _is_hebrew(verb) and spec.command not in _KEEPS_ET:
        rest = re.sub(r"^את\s+", "", rest)   # "מחק את 3": the object marker
    inp = _Input(verb=verb, rest=rest, body=body, region=default_region, today=today)
    try:
        return spec.parse_args(inp)  # type: ignore[misc]
    except _Fail as fail:
        return ParseError(fail.message, _(spec.usage), fail.wants)
    except (InvalidPhone, InvalidDate) as e:
        return ParseError(str(e), _(spec.usage))


_BARE_FIELD = re.compile(r"^\s*([^\s:=]+)\s*:\s*(\S.*)$", re.S)
_BARE_LABELS = frozenset({"date", "time", "location"})


def _fields_block(lines: list[str], today: date | None) -> SetEventField | ParseError | None:
    """"date: 12/6/2027" / "time: 19:30" / "location: …" sent on their own (right after
    *new event*, say): the current event's fields. None when a line is anything else."""
    found = []
    for line in lines:
        m = _BARE_FIELD.match(line)
        label = _EVENT_FIELDS.get(_key(m.group(1))) if m else None
        if label not in _BARE_LABELS:
            return None
        found.append((label, m.group(2).strip()))
    usage = _(spec_for(SetEventField).usage)
    changes = []
    try:
        for label, value in found:
            if label == "date":
                when, at = _date_and_time(value, today)
                changes.append(SetEventField("date", when, time=at))
            elif label == "time":
                changes.append(SetEventField("time", _time(value)))
            elif len(value) > 300:
                raise _Fail(_(_TOO_LONG[label]))
            else:
                changes.append(SetEventField(label, value))
    except _Fail as fail:
        return ParseError(fail.message, usage)
    return dataclasses.replace(changes[0], more=tuple(changes[1:]))


# Commands whose text after the verb is free text, where a leading "את" is the person's own.
_KEEPS_ET = (Broadcast, MessageGuest, ReplyGuest, NewEvent, SetEventField)


def _match(keys: list[str]) -> tuple[int, CommandSpec] | None:
    """The longest verb the words start with: (how many words, its row)."""
    for words, spec in _VERBS_BY_FIRST.get(keys[0], ()) if keys else ():
        n = len(words)
        if n <= len(keys) and tuple(keys[:n]) == words:
            return n, spec
    return None


# Everyday words that are never a typo of a verb: no "did you mean" for them ("היי" is not "השיבי", "תיבת" not "תשיב")
NOT_TYPOS = frozenset({
    "היי", "הי", "היוש", "שלום", "הלו", "אהלן", "הולה", "hi", "hey", "hello", "hiya", "heya", "yo", "howdy", "greetings",
    "תודה", "תודות", "תנקס", "thanks", "thank", "thx", "ty", "cheers", "אוקי", "אוקיי", "סבבה", "בסדר", "יופי", "מעולה",
    "אחלה", "מצוין", "נהדר", "ok", "okay", "cool", "great", "nice", "fine", "perfect", "awesome", "כן", "לא", "yes", "no",
    "yeah", "nope", "מה", "מי", "איך", "למה", "מתי", "איפה", "כמה", "האם", "what", "who", "how", "why", "when", "where",
    "which", "אני", "אנחנו", "אתה", "את", "אתם", "הוא", "היא", "הם", "זה", "זאת", "רגע", "בוקר", "ערב", "לילה", "צהריים",
    "טוב", "טובה", "good", "morning", "evening", "night", "sorry", "סליחה", "בבקשה", "please", "עוד", "גם", "רק", "כבר",
    "אבל", "יש", "אין", "תיבת", "תיבה", "דואר", "mail", "mailbox", "wow", "וואו", "lol", "חחח", "חחחח", "אמן", "מזל",
    "בהצלחה", "שבוע", "שבת", "חג", "שמח", "נשמע", "קורה", "המצב", "תעביר", "תעבירי", "תעבירו", "להעביר"})


def _unknown(first_line: str) -> ParseError:
    shown = _short(first_line, 30)
    first = _key(first_line.split()[0]) if first_line.split() else ""
    two = " ".join(_key(w) for w in first_line.split()[:2])
    guess = close_two_word_verb(two) if first not in NOT_TYPOS else []
    if not guess:
        guess = close_verb(first) if 2 < len(first) < 30 and first not in NOT_TYPOS else []
    if guess and " " not in guess[0] and len(first) <= 4 and abs(len(guess[0]) - len(first)) > 1:
        guess = []   # a short word with letters added or missing is a word of its own ("היי" / "השיבי")
    if guess:
        return ParseError(_("Sorry, I didn't understand \"{text}\". Did you mean *{verb}*? "
                            "Send *help* to see what I can do.", text=shown, verb=guess[0]), None)
    return ParseError(_("Sorry, I didn't understand \"{text}\". Send *help* to see what I can do.", text=shown), None)
