"""REST edge, pure part: request bodies and query strings in, JSON-ready dicts out.

Each request body is described once, as a table of fields (`BodySpec`); the same table
decodes requests here and writes the request schemas of the OpenAPI document, so the
two cannot disagree. Only types and shapes are checked here; every rule about values
(name lengths, phone numbers, party sizes, roles) stays in the domain layer.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date as Date, datetime, time as Time, timezone
from zoneinfo import available_timezones
from typing import Any

from storage.models import MAX_PARTY_SIZE, Event, EventMember, Guest, InvitationState, RsvpStatus

from bot.services.errors import DomainError, InvalidInput, InvalidLanguage
from bot.services import languages, questions
from bot.text.i18n import LANGS
from bot.text.phones import is_landline

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_SKIP = 1_000_000_000
MAX_SEARCH = 200
# The seed's statuses, plus "pending": what people call "invited" (services.guests.parse_status),
# and "maybe": invited guests who answered maybe.
STATUS_FILTERS = (*(s.value for s in RsvpStatus), "pending", "maybe")
INVITATION_FILTERS = tuple(s.value for s in InvitationState)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class MalformedBody(DomainError):
    """The body is not JSON at all (400); a body of the wrong shape is InvalidInput (422)."""

    code = "malformed_json"
    http_status = 400


class Unauthenticated(DomainError):
    code = "unauthorized"
    http_status = 401


class UnsupportedMediaType(DomainError):
    code = "unsupported_media_type"
    http_status = 415


# --------------------------------------------------------------------------- bodies

@dataclass(frozen=True)
class Field:
    kind: str                      # "string", "integer", "boolean", "date", "enum", "language"
    required: bool = False
    nullable: bool = False
    enum: tuple[str, ...] = ()
    description: str = ""
    example: Any = None
    # Limits the domain enforces (422 beyond them), published in the schema.
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    pattern: str | None = None

    def openapi(self) -> dict[str, Any]:
        if self.kind == "date":
            schema: dict[str, Any] = {"type": "string", "format": "date"}
        elif self.kind == "time":
            schema = {"type": "string", "pattern": _TIME_PATTERN}
        elif self.kind == "language":
            schema = {"type": "string", "enum": list(LANGS)}
        elif self.kind == "timezone":
            schema = {"type": "string", "enum": sorted(available_timezones())}
        elif self.kind == "enum":
            schema = {"type": "string", "enum": list(self.enum)}
        else:
            schema = {"type": self.kind}
        if self.nullable:
            schema["nullable"] = True
            if "enum" in schema:
                schema["enum"] = [*schema["enum"], None]
        for key, value in (("minimum", self.minimum), ("maximum", self.maximum),
                           ("maxLength", self.max_length), ("pattern", self.pattern)):
            if value is not None:
                schema[key] = value
        if self.description:
            schema["description"] = self.description
        if self.example is not None:
            schema["example"] = self.example
        return schema


@dataclass(frozen=True)
class BodySpec:
    name: str
    fields: dict[str, Field] = field(default_factory=dict)
    description: str = ""

    def openapi(self, all_optional: bool = False) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {k: f.openapi() for k, f in self.fields.items()},
            "additionalProperties": False,
        }
        required = [k for k, f in self.fields.items() if f.required]
        if required and not all_optional:
            schema["required"] = required
        if self.description:
            schema["description"] = self.description
        return schema


ROLES = ("admin", "editor", "viewer")
# Checked by the domain (422 invalid_language for anything else), listed in the schema.
LANGUAGE_FIELD = Field("language", example="he",
                       description="What guests read: he, en, ar or ru (by default the creator's language).")

NOT_BLANK = r"\S"  # at least one character that is not a space

EVENT_CREATE = BodySpec("EventCreate", {
    "name": Field("string", required=True, example="Noa & Eli's wedding", max_length=200, pattern=NOT_BLANK),
    "date": Field("date", nullable=True, description="YYYY-MM-DD", example="2027-06-12"),
    "time": Field("time", nullable=True, description="When it starts, HH:MM in the event's time zone",
                  example="19:30"),
    "location": Field("string", nullable=True, example="Tel Aviv", max_length=500),
    "timezone": Field("timezone", nullable=True,
                      description="An IANA time zone such as Asia/Jerusalem; by default the creator's country's."),
    "language": LANGUAGE_FIELD,
})
EVENT_UPDATE = BodySpec("EventUpdate", {
    "name": Field("string", max_length=200, pattern=NOT_BLANK),
    "date": Field("date", nullable=True, description="YYYY-MM-DD, or null to clear it"),
    "time": Field("time", nullable=True, description="HH:MM, or null to clear it"),
    "location": Field("string", nullable=True, max_length=500),
    "timezone": Field("timezone", description="An IANA time zone such as Asia/Jerusalem."),
    "language": LANGUAGE_FIELD,
}, "Only the fields present change.")
MEMBER_INVITE = BodySpec("MemberInvite", {
    "phone": Field("string", required=True, example="+972502345678",
                   description="With a country code (+972...), or local to DEFAULT_REGION / your own country."),
    "role": Field("enum", enum=ROLES, description="Default: editor.", example="editor"),
})
MEMBER_UPDATE = BodySpec("MemberUpdate", {"role": Field("enum", required=True, enum=ROLES)})
GUEST_FIELDS = {
    "first_name": Field("string", required=True, example="Dana", max_length=100, pattern=NOT_BLANK),
    "last_name": Field("string", nullable=True, example="Levi", max_length=100),
    "phone": Field("string", required=True, example="052-123-4567",
                   description="With a country code (+972...), or local to DEFAULT_REGION / your own country."),
    "side": Field("string", nullable=True, example="bride", max_length=50),
    "party_size": Field("integer", nullable=True, description="0 to 50: everyone coming, children included",
                        example=2, minimum=0, maximum=MAX_PARTY_SIZE),
    "children": Field("integer", nullable=True, example=0, minimum=0, maximum=MAX_PARTY_SIZE,
                      description="How many of the party are children: 0 to 50 and not more than "
                                  "party_size (null: not said)."),
    "notes": Field("string", nullable=True, example="vegetarian", max_length=2000),
}
GUEST_CREATE = BodySpec("GuestCreate", dict(GUEST_FIELDS))
GUEST_IMPORT_ROW = BodySpec(
    "GuestImportRow",
    # The shape and types are the request's (an unknown field or a wrong type is a 422 for the
    # whole list, naming the row, as the schema says); the limits are each row's own: a value
    # beyond them rejects only that row, in the per-row results.
    {k: Field(f.kind, nullable=f.nullable, description=f.description, example=f.example)
     for k, f in GUEST_FIELDS.items()},
    "One guest to import. Missing or bad values (a name or note too long, a party size out of "
    "range, a phone that is no phone) reject only this row (see the per-row results); an unknown "
    "field or a value of the wrong type refuses the whole list (422, naming the row).",
)
GUEST_UPDATE = BodySpec("GuestUpdate", {
    **{k: Field(f.kind, nullable=f.nullable, description=f.description, example=f.example, minimum=f.minimum,
                maximum=f.maximum, max_length=f.max_length, pattern=f.pattern)
       for k, f in GUEST_FIELDS.items()},
    "status": Field("enum", enum=STATUS_FILTERS,
                    description="Record the guest's answer by hand (pending is the same as invited; "
                                "maybe keeps the guest invited, answered)."),
}, "Only the fields present change.")
WHATSAPP_ONE = BodySpec("WhatsAppMessage", {
    "guest_id": Field("string", required=True),
    "text": Field("string", required=True, example="Parking is behind the hall.", max_length=1000,
                  pattern=NOT_BLANK),
})
WHATSAPP_BROADCAST = BodySpec("WhatsAppBroadcast", {
    "text": Field("string", required=True, example="See you on Saturday!", max_length=1000, pattern=NOT_BLANK),
    "status": Field("enum", enum=STATUS_FILTERS, description="Only guests with this answer."),
    "side": Field("string", description="Only guests of this side."),
})

BODY_SPECS = [EVENT_CREATE, EVENT_UPDATE, MEMBER_INVITE, MEMBER_UPDATE, GUEST_CREATE, GUEST_IMPORT_ROW,
              GUEST_UPDATE, WHATSAPP_ONE, WHATSAPP_BROADCAST]


MAX_JSON_DEPTH = 32   # our bodies are two levels deep; an import list three
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_json(raw: bytes) -> Any:
    if not raw.strip():
        raise MalformedBody("The request needs a JSON body.", code="empty_body")
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise MalformedBody(f"The JSON is nested too deeply (at most {MAX_JSON_DEPTH} levels).",
                            code="too_deep") from None
    except (UnicodeDecodeError, ValueError):  # JSONDecodeError is a ValueError
        raise MalformedBody("The request body is not valid JSON.")
    _check_json(data)
    return data


def _check_json(data: Any) -> None:
    """Refuse what JSON allows but no name or message holds: deep nesting, lone surrogates
    (a "\\ud800" escape that is half a character), NUL characters are refused per field."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise MalformedBody(f"The JSON is nested too deeply (at most {MAX_JSON_DEPTH} levels).", code="too_deep")
        if isinstance(value, str):
            if _LONE_SURROGATE.search(value):
                raise MalformedBody("The body holds text that is not valid Unicode (a lone surrogate).",
                                    code="invalid_text")
        elif isinstance(value, dict):
            for key, item in value.items():
                stack.append((key, depth))
                stack.append((item, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)


def decode(spec: BodySpec, data: Any, *, row: int | None = None, partial: bool = False) -> dict[str, Any]:
    """The fields present in `data`, type-checked against `spec` (422 on the first problem).

    `row`: `data` is that row (1-based) of an import list, and a problem names it.
    `partial` leaves required fields to the domain layer (an import rejects just that row).
    """
    if row is None:
        return _decode(spec, data, "The body", partial)
    try:
        return _decode(spec, data, f"Row {row}", partial)
    except InvalidInput as exc:
        message = exc.message
        if not message.startswith(f"Row {row} "):
            message = f"Row {row}: {message[:1].lower()}{message[1:]}"
        raise InvalidInput(message, code=exc.code, details={"row": row}) from None


def _decode(spec: BodySpec, data: Any, where: str, partial: bool) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InvalidInput(f"{where} must be a JSON object.", code="invalid_body")
    unknown = sorted(set(data) - set(spec.fields))
    if unknown:
        raise InvalidInput(f"Unknown field {unknown[0]!r}; the fields are: {', '.join(spec.fields)}.",
                           code="unknown_field")
    out: dict[str, Any] = {}
    for name, f in spec.fields.items():
        if name not in data:
            if f.required and not partial:
                raise InvalidInput(f"{name!r} is required.", code="missing_field")
            continue
        out[name] = _value(name, f, data[name])
    return out


def _value(name: str, f: Field, value: Any) -> Any:
    if f.kind == "language":
        try:
            return languages.event_language(value)
        except InvalidLanguage as exc:  # a bad value like any other: 422, with its own code
            raise InvalidInput(exc.message, code="invalid_language") from None
    if value is None:
        if f.nullable:
            return None
        raise InvalidInput(f"{name!r} may not be null.", code="invalid_type")
    if f.kind in ("string", "enum", "date", "time", "timezone"):
        if not isinstance(value, str):
            raise InvalidInput(f"{name!r} must be a string.", code="invalid_type")
        _check_text(name, value)
        if f.kind == "enum" and value not in f.enum:
            raise InvalidInput(f"{name!r} must be one of: {', '.join(f.enum)}.", code="invalid_value")
        if f.kind == "date":
            return parse_iso_date(value, name)
        if f.kind == "time":
            return parse_clock(value, name)
        return value
    if f.kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInput(f"{name!r} must be a whole number.", code="invalid_type")
        return value
    if f.kind == "boolean":
        if not isinstance(value, bool):
            raise InvalidInput(f"{name!r} must be true or false.", code="invalid_type")
        return value
    raise AssertionError(f.kind)  # pragma: no cover


def _check_text(name: str, value: str) -> None:
    # PostgreSQL cannot store NUL characters; no name, phone or message has one.
    if "\x00" in value:
        raise InvalidInput(f"{name!r} contains a NUL character.", code="invalid_value")


_TIME_PATTERN = r"^([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"


def parse_clock(value: str, name: str = "time") -> Time:
    """"19:30" (or "19:30:00") as a time of day."""
    if not re.match(_TIME_PATTERN, value):
        raise InvalidInput(f"{name!r} must be a time of day like 19:30.", code="bad_time")
    hour, minute = value.split(":")[:2]
    return Time(int(hour), int(minute))


def parse_iso_date(value: str, name: str = "date") -> Date:
    try:
        if not _ISO_DATE.match(value):
            raise ValueError
        return Date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{name!r} must be a date like 2027-06-12.", code="bad_date")


# --------------------------------------------------------------------------- query strings

@dataclass(frozen=True)
class GuestQuery:
    status: str | None = None
    side: str | None = None
    search: str | None = None
    invitation: str | None = None
    skip: int = 0
    limit: int = DEFAULT_LIMIT


def _int_arg(args, name: str, default: int, low: int, high: int) -> int:
    raw = args.get(name)
    if raw is None:
        return default
    if not re.fullmatch(r"\s*\d{1,12}\s*", raw):
        raise InvalidInput(f"{name!r} must be a whole number between {low} and {high}.", code="bad_paging")
    n = int(raw)
    if n < low or n > high:
        raise InvalidInput(f"{name!r} must be a whole number between {low} and {high}.", code="bad_paging")
    return n


def _choice_arg(args, name: str, choices: tuple[str, ...]) -> str | None:
    raw = args.get(name)
    if raw is None or raw == "":
        return None
    if raw.strip().lower() not in choices:
        raise InvalidInput(f"{name!r} must be one of: {', '.join(choices)}.", code="bad_filter")
    return raw.strip().lower()


def _text_arg(args, name: str) -> str | None:
    raw = args.get(name)
    if raw is None or not raw.strip():
        return None
    if len(raw) > MAX_SEARCH:
        raise InvalidInput(f"{name!r} is too long (at most {MAX_SEARCH} characters).", code="bad_filter")
    _check_text(name, raw)
    return raw.strip()


def guest_query(args) -> GuestQuery:
    return GuestQuery(
        status=_choice_arg(args, "status", STATUS_FILTERS),
        side=_text_arg(args, "side"),
        search=_text_arg(args, "search"),
        invitation=_choice_arg(args, "invitation", INVITATION_FILTERS),
        skip=_int_arg(args, "skip", 0, 0, MAX_SKIP),
        limit=_int_arg(args, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
    )


# --------------------------------------------------------------------------- responses

def iso_datetime(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:  # SQLite hands back naive UTC
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def event_json(event: Event, member: EventMember) -> dict[str, Any]:
    return {
        "id": str(event.id),
        "name": event.name,
        "date": event.date.isoformat() if event.date else None,
        "time": event.start_time.strftime("%H:%M") if event.start_time else None,
        "location": event.location,
        "timezone": event.timezone,
        "language": event.language,
        "created_at": iso_datetime(event.created_at),
        "updated_at": iso_datetime(event.updated_at),
        "role": member.role.value,
    }


def member_json(member: EventMember) -> dict[str, Any]:
    user = member.user
    return {
        "user_id": str(member.user_id),
        "phone": user.phone,
        "email": user.email,
        "display_name": user.display_name,
        "role": member.role.value,
    }


def guest_json(guest: Guest, *, link: str | None) -> dict[str, Any]:
    """A guest as REST gives it; `link` is the guest's personal RSVP page (None: the server
    has no public address or no secret to sign it with)."""
    return {
        "id": str(guest.id),
        "first_name": guest.first_name,
        "last_name": guest.last_name or "",
        "phone": guest.phone,
        "side": guest.side,
        "status": guest.status.value,
        "party_size": guest.party_size,
        "children": guest.children,
        "answers": questions.answers_by_text(guest.event, guest) if guest.answers else {},
        "notes": guest.notes,
        "invitation": guest.invitation.value,
        "opted_out": bool(guest.opted_out),
        "created_at": iso_datetime(guest.created_at),
        "updated_at": iso_datetime(guest.updated_at),
        "link": link,
    }


def guest_csv_row(guest: Guest) -> dict[str, Any]:
    return {**guest_json(guest, link=None), "answered_at": iso_datetime(guest.answered_at)}


STATS_KEYS = ("total", "by_status", "maybe", "confirmation_rate", "expected_headcount", "confirmed_without_count",
              "expected_adults", "expected_children", "by_side", "invitations", "inbox_unread", "billed")


@dataclass(frozen=True)
class Paging:
    skip: int = 0
    limit: int = DEFAULT_LIMIT


def paging_query(args) -> Paging:
    """`skip` and `limit` as the guest list takes them."""
    return Paging(skip=_int_arg(args, "skip", 0, 0, MAX_SKIP),
                  limit=_int_arg(args, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT))


def inbox_item_json(item) -> dict[str, Any]:
    """One item of an event's inbox (bot.services.inbox.Item)."""
    return {
        "id": str(item.id),
        "guest_id": str(item.guest_id) if item.guest_id else None,
        "guest_name": item.guest_name,
        "kind": item.kind,
        "text": item.text,
        "caption": item.caption,
        "media_id": item.media_id,
        "mime_type": item.mime_type,
        "location": item.location,
        "received_at": iso_datetime(item.received_at),
        "read": bool(item.read),
        "replied": bool(getattr(item, "replied", False)),
    }


def stats_json(stats: dict[str, Any]) -> dict[str, Any]:
    """SPEC's stats shape, exactly."""
    return {k: stats[k] for k in STATS_KEYS}


def import_json(result) -> dict[str, Any]:
    """Per-row results of services.guests.import_guests, in row order."""
    rows: list[dict[str, Any]] = []
    names = getattr(result, "names", {}) or {}
    repeats = getattr(result, "repeats", {}) or {}
    for line, guest in result.created:
        rows.append({"row": line, "result": "created", "id": str(guest.id), "landline": is_landline(guest.phone)})
    for line, guest, added_by in result.duplicates:
        row = {"row": line, "result": "duplicate", "existing_id": str(guest.id), "added_by": added_by}
        if line in names:
            row["name"] = names[line]            # the name this row gave (the existing guest may have another)
        if line in repeats:
            row["repeats_row"] = repeats[line]   # the same number earlier in this import
        rows.append(row)
    for line, reason in result.rejected:
        row = {"row": line, "result": "rejected", "reason": reason}
        if line in names:
            row["name"] = names[line]
        rows.append(row)
    rows.sort(key=lambda r: (r["row"] is None, r["row"] or 0))
    return {
        "created": len(result.created),
        "duplicates": len(result.duplicates),
        "rejected": len(result.rejected),
        "rows": rows,
    }
