"""Pure parsing of what Meta sends to the webhook: no Flask, no database, no network.

Three jobs, each a plain function:

* ``verify_handshake`` answers the ``GET /webhook`` subscription challenge;
* ``verify_signature`` checks ``X-Hub-Signature-256`` against the raw body;
* ``parse_delivery`` turns one decoded delivery into typed events.

``parse_delivery`` never raises: Meta adds fields and kinds over time, and a
webhook that crashes on an unexpected shape makes Meta retry the whole batch for
days. Anything we cannot read becomes an ``IgnoredUpdate`` with a reason, so the
edge can log it and still answer 200.

Identity: since 2026 a user may carry a business-scoped user id (BSUID,
``contacts[].user_id`` / ``messages[].from_user_id`` / ``statuses[].recipient_user_id``)
next to, or instead of, the phone number (``wa_id`` / ``from`` / ``recipient_id``).
Both are kept; the ``contacts`` array of the same change is used to fill in the one
a message or status lacks.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass, field
from typing import Any

MAX_BODY_BYTES = 3 * 1024 * 1024
"""Meta's largest delivery (up to 1,000 updates) fits in 3 MB; anything larger is refused."""

SIGNATURE_HEADER = "X-Hub-Signature-256"
WHATSAPP_OBJECT = "whatsapp_business_account"
MESSAGES_FIELD = "messages"

KINDS = frozenset(
    {
        "text", "button", "interactive", "reaction", "image", "document", "audio",
        "video", "sticker", "location", "contacts", "unsupported", "system", "order",
        "unknown",
    }
)
MEDIA_KINDS = frozenset({"image", "document", "audio", "video", "sticker"})
ACTIONABLE_KINDS = frozenset({"text", "button", "interactive", "document", "contacts"})


# --------------------------------------------------------------------------- handshake


def verify_handshake(
    mode: str | None, token: str | None, challenge: str | None, verify_token: str | None
) -> str | None:
    """The challenge to echo back when Meta's subscription request is genuine, else None.

    A missing or empty configured token never matches, so an unconfigured bot can
    never be subscribed by a guess.
    """
    if not verify_token or not isinstance(verify_token, str):
        return None
    if mode != "subscribe" or not isinstance(token, str) or not isinstance(challenge, str):
        return None
    if not hmac.compare_digest(token.encode("utf-8"), verify_token.encode("utf-8")):
        return None
    return challenge


# --------------------------------------------------------------------------- signature

_SIGNATURE_RE = re.compile(r"sha256=([0-9a-fA-F]{64})")


def sign(raw_body: bytes, app_secret: str) -> str:
    """The ``X-Hub-Signature-256`` header value Meta would send for ``raw_body``."""
    digest = hmac.new(app_secret.encode("utf-8"), raw_body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify_signature(raw_body: bytes, signature_header: str | None, app_secret: str | None) -> bool:
    """True when ``signature_header`` is the HMAC-SHA256 of ``raw_body`` under ``app_secret``.

    False for a missing secret, a missing header, or a header that is not
    ``sha256=<64 hex digits>``. The comparison is constant-time.
    """
    if not app_secret or not isinstance(app_secret, str):
        return False
    if not isinstance(signature_header, str) or not isinstance(raw_body, (bytes, bytearray)):
        return False
    match = _SIGNATURE_RE.fullmatch(signature_header.strip())
    if match is None:
        return False
    expected = sign(bytes(raw_body), app_secret)[len("sha256="):]
    return hmac.compare_digest(expected, match.group(1).lower())


# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class GraphErrorInfo:
    """One error object as Meta puts it in webhooks (value, message or status level)."""

    code: int | None
    title: str | None = None
    message: str | None = None
    details: str | None = None

    def describe(self) -> str:
        """A short line for logs and for telling an organiser why a send failed."""
        text = self.details or self.message or self.title or "unknown error"
        return f"{text} ({self.code})" if self.code is not None else text


@dataclass(frozen=True)
class MediaInfo:
    id: str | None
    mime_type: str | None = None
    sha256: str | None = None
    caption: str | None = None
    filename: str | None = None


@dataclass(frozen=True)
class LocationInfo:
    lat: float
    lon: float
    name: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class SharedContact:
    """A contact card the user shared: its display name and its numbers as given
    (the ``wa_id`` when WhatsApp knows the number, else the ``phone`` text)."""

    name: str | None
    phones: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SystemChange:
    """A ``system`` message: the user changed number (``new_phone``) or user id."""

    type: str | None
    body: str | None = None
    new_phone: str | None = None
    new_user_id: str | None = None
    previous_user_id: str | None = None


@dataclass(frozen=True)
class InboundMessage:
    wamid: str
    phone_number_id: str | None
    sender_phone: str | None
    sender_user_id: str | None
    profile_name: str | None
    timestamp: int | None
    kind: str
    text: str | None = None
    reply_id: str | None = None
    media: MediaInfo | None = None
    location: LocationInfo | None = None
    contacts: list[SharedContact] = field(default_factory=list)
    reaction_to: str | None = None
    emoji: str | None = None
    context_wamid: str | None = None
    errors: list[GraphErrorInfo] = field(default_factory=list)
    system: SystemChange | None = None
    raw_type: str | None = None
    """The ``type`` exactly as Meta sent it (useful in logs when ``kind`` is "unknown")."""

    @property
    def is_actionable(self) -> bool:
        """Whether the bot may act on it (a command, an answer, a CSV, a contact card)."""
        return self.kind in ACTIONABLE_KINDS

    @property
    def sender_key(self) -> str:
        """One stable string per sender for grouping and logs: the phone when known,
        else ``user:<BSUID>``. Lookups of a stored user should try both fields."""
        return sender_key(self.sender_phone, self.sender_user_id)


@dataclass(frozen=True)
class StatusUpdate:
    wamid: str
    status: str
    timestamp: int | None
    recipient_phone: str | None
    recipient_user_id: str | None
    errors: list[GraphErrorInfo] = field(default_factory=list)
    phone_number_id: str | None = None
    callback_data: str | None = None
    """``biz_opaque_callback_data`` as we set it when sending, if we did."""
    pricing_category: str | None = None
    """The pricing category when Meta says the message is billable (else None)."""

    @property
    def is_failure(self) -> bool:
        return self.status == "failed"


@dataclass(frozen=True)
class IgnoredUpdate:
    """Something in the delivery the bot does not act on, and why."""

    reason: str
    detail: str | None = None


@dataclass
class Delivery:
    messages: list[InboundMessage] = field(default_factory=list)
    statuses: list[StatusUpdate] = field(default_factory=list)
    ignored: list[IgnoredUpdate] = field(default_factory=list)
    errors: list[GraphErrorInfo] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.messages or self.statuses)


def sender_key(phone: str | None, user_id: str | None) -> str:
    """The phone when known, else ``user:<BSUID>``; ``"unknown"`` with neither."""
    if phone:
        return phone
    if user_id:
        return f"user:{user_id}"
    return "unknown"


# --------------------------------------------------------------------------- cleaning

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
MAX_DEPTH = 64  # deeper JSON than any delivery of Meta's is cut off below this level


# In a UTF-8 body, a NUL can only be an escape (strict JSON has no raw control characters
# in strings) and a surrogate an escape or its three bytes (json.loads decodes with
# "surrogatepass"); an escaped backslash before "u" matches too, which only costs a
# needless clean. A body with a zero byte is UTF-16 or UTF-32 (json.loads reads those
# too), where all of this looks different.
_ESCAPES_TO_CLEAN = re.compile(rb"\\u(?:0000|[dD][89a-fA-F])|\xed[\xa0-\xbf]")


def needs_cleaning(raw: bytes) -> bool:
    """Whether the JSON value of ``raw`` might hold something `clean` changes: a NUL or
    surrogate escape, or more brackets than MAX_DEPTH allows nested. False only when
    `clean` would return the value unchanged, so the walk over it can be skipped."""
    return (raw.count(b"{") + raw.count(b"[") >= MAX_DEPTH or b"\x00" in raw
            or _ESCAPES_TO_CLEAN.search(raw) is not None)


def clean(value: Any, depth: int = 0) -> Any:
    """A JSON value fit for the database: NULs and lone surrogates dropped from every
    string (and key); nesting deeper than MAX_DEPTH replaced by None. Meta never sends
    either, but one such character must not fail a whole delivery."""
    if isinstance(value, str):
        return _UNSTORABLE.sub("", value) if _UNSTORABLE.search(value) else value
    if depth >= MAX_DEPTH:
        return None
    if isinstance(value, dict):
        return {clean(k): clean(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [clean(v, depth + 1) for v in value]
    return value


# Longest values the store keeps (storage.models); a message whose identity is longer
# cannot be stored as parsed, and is kept raw instead (bot.whatsapp.deliveries).
MAX_WAMID = 255
MAX_USER_ID = 128
MAX_PROFILE_NAME = 200


def unstorable(msg: "InboundMessage") -> str | None:
    """Why this message cannot be stored as parsed, or None."""
    if len(msg.wamid) > MAX_WAMID:
        return f"wamid longer than {MAX_WAMID} characters"
    if msg.sender_user_id is not None and len(msg.sender_user_id) > MAX_USER_ID:
        return f"user id longer than {MAX_USER_ID} characters"
    return None


# --------------------------------------------------------------------------- helpers


def _billed(pricing: dict) -> str | None:
    """The category Meta bills a message as ("marketing", "utility", ...), None when free:
    `billable: false`, or a free type (free_customer_service, free_entry_point)."""
    category = _str(pricing.get("category"))
    if not category:
        return None
    billable = pricing.get("billable")
    if billable is False or str(pricing.get("type") or "").startswith("free"):
        return None
    return category.lower()[:32]


def _str(value: Any) -> str | None:
    """A non-empty string, or None. Numbers Meta sometimes sends as ints become text."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value if value != "" else None
    if isinstance(value, int):
        return str(value)
    return None


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.isdigit() and len(text) <= 20:
            return int(text)
    return None


def _float(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if not isinstance(value, (int, float, str)):
        return None
    try:
        number = float(value)
    except (ValueError, OverflowError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def to_e164(wa_id: Any) -> str | None:
    """Meta's digits-only ``wa_id`` as E.164 (``"972501234567"`` -> ``"+972501234567"``).

    None when the value is not a plausible international number (E.164 allows at
    most 15 digits; we require at least 7).
    """
    text = _str(wa_id)
    if text is None:
        return None
    digits = text.strip()
    if digits.startswith("+"):
        digits = digits[1:]
    if not digits.isascii() or not digits.isdigit() or not 7 <= len(digits) <= 15:
        return None
    return "+" + digits


def parse_graph_error(raw: Any) -> GraphErrorInfo | None:
    if not isinstance(raw, dict):
        return None
    details = _dict(raw.get("error_data")).get("details")
    if not isinstance(details, str) and isinstance(raw.get("error_data"), str):
        details = raw.get("error_data")
    return GraphErrorInfo(
        code=_int(raw.get("code")),
        title=_str(raw.get("title")),
        message=_str(raw.get("message")),
        details=_str(details),
    )


def _errors(raw: Any) -> list[GraphErrorInfo]:
    return [error for error in map(parse_graph_error, _list(raw)) if error is not None]


@dataclass(frozen=True)
class _Contact:
    phone: str | None
    user_id: str | None
    name: str | None


def _contacts(raw: Any) -> list[_Contact]:
    found = []
    for item in _list(raw):
        if not isinstance(item, dict):
            continue
        found.append(
            _Contact(
                phone=to_e164(item.get("wa_id")),
                user_id=_str(item.get("user_id")),
                name=_str(_dict(item.get("profile")).get("name")),
            )
        )
    return found


def _match_contact(contacts: list[_Contact], phone: str | None, user_id: str | None) -> _Contact | None:
    """The contact entry for this sender: by phone, then by user id; a lone entry
    with neither identifier conflicting is taken as the sender's."""
    for contact in contacts:
        if phone and contact.phone == phone:
            return contact
    for contact in contacts:
        if user_id and contact.user_id == user_id:
            return contact
    if len(contacts) == 1:
        only = contacts[0]
        phone_fits = not phone or not only.phone or only.phone == phone
        user_fits = not user_id or not only.user_id or only.user_id == user_id
        if phone_fits and user_fits:
            return only
    return None


# --------------------------------------------------------------------------- messages


def _media(raw: Any) -> MediaInfo | None:
    if not isinstance(raw, dict):
        return None
    return MediaInfo(
        id=_str(raw.get("id")),
        mime_type=_str(raw.get("mime_type")),
        sha256=_str(raw.get("sha256")),
        caption=_str(raw.get("caption")),
        filename=_str(raw.get("filename")),
    )


def _location(raw: Any) -> LocationInfo | None:
    raw = _dict(raw)
    lat, lon = _float(raw.get("latitude")), _float(raw.get("longitude"))
    if lat is None or lon is None:
        return None
    return LocationInfo(lat=lat, lon=lon, name=_str(raw.get("name")), address=_str(raw.get("address")))


def _shared_contacts(raw: Any) -> list[SharedContact]:
    cards = []
    for card in _list(raw):
        if not isinstance(card, dict):
            continue
        name_obj = _dict(card.get("name"))
        name = _str(name_obj.get("formatted_name"))
        if name is None:
            parts = [_str(name_obj.get(key)) for key in ("first_name", "middle_name", "last_name")]
            name = " ".join(part for part in parts if part) or None
        phones = []
        for phone in _list(card.get("phones")):
            phone = _dict(phone)
            value = _str(phone.get("wa_id")) or _str(phone.get("phone"))
            if value:
                phones.append(value)
        cards.append(SharedContact(name=name, phones=phones))
    return cards


def _content(kind: str, raw: dict) -> dict:
    """The kind-specific fields of an InboundMessage."""
    body = _dict(raw.get(kind))
    if kind == "text":
        return {"text": _str(body.get("body"))}
    if kind == "button":
        return {"text": _str(body.get("text")), "reply_id": _str(body.get("payload"))}
    if kind == "interactive":
        reply_type = _str(body.get("type"))
        reply = _dict(body.get(reply_type)) if reply_type else {}
        if reply_type in ("button_reply", "list_reply"):
            return {"text": _str(reply.get("title")), "reply_id": _str(reply.get("id"))}
        # nfm_reply (a completed flow) and future interactive replies: keep the body.
        return {"text": _str(reply.get("body")) or _str(reply.get("title"))}
    if kind == "reaction":
        # An empty or missing emoji means the user removed their reaction.
        return {"reaction_to": _str(body.get("message_id")), "emoji": _str(body.get("emoji"))}
    if kind in MEDIA_KINDS:
        media = _media(raw.get(kind))
        return {"media": media, "text": media.caption if media else None}
    if kind == "location":
        return {"location": _location(raw.get("location"))}
    if kind == "contacts":
        return {"contacts": _shared_contacts(raw.get("contacts"))}
    if kind == "order":
        return {"text": _str(body.get("text"))}
    if kind == "system":
        change = SystemChange(
            type=_str(body.get("type")),
            body=_str(body.get("body")),
            new_phone=to_e164(body.get("wa_id") or body.get("new_wa_id")),
            new_user_id=_str(body.get("user_id")),
            previous_user_id=_str(body.get("previous_user_id")),
        )
        return {"system": change, "text": change.body}
    return {}


def _parse_message(
    raw: Any, phone_number_id: str | None, contacts: list[_Contact]
) -> InboundMessage | IgnoredUpdate:
    if not isinstance(raw, dict):
        return IgnoredUpdate("malformed message", type(raw).__name__)
    wamid = _str(raw.get("id"))
    if wamid is None:
        return IgnoredUpdate("message without id")

    raw_type = _str(raw.get("type"))
    kind = raw_type if raw_type in KINDS else "unknown"
    content = _content(kind, raw)

    phone = to_e164(raw.get("from"))
    user_id = _str(raw.get("from_user_id"))
    system = content.get("system")
    if system is not None and user_id is None and phone is None:
        # user_changed_user_id arrives with no sender at all: the user is the previous id.
        user_id = system.previous_user_id
    contact = _match_contact(contacts, phone, user_id)
    if contact is not None:
        phone = phone or contact.phone
        user_id = user_id or contact.user_id
    if phone is None and user_id is None:
        return IgnoredUpdate("message without sender", wamid)

    return InboundMessage(
        wamid=wamid,
        phone_number_id=phone_number_id,
        sender_phone=phone,
        sender_user_id=user_id,
        profile_name=contact.name[:MAX_PROFILE_NAME] if contact and contact.name else None,
        timestamp=_int(raw.get("timestamp")),
        kind=kind,
        context_wamid=_str(_dict(raw.get("context")).get("id")),
        errors=_errors(raw.get("errors")),
        raw_type=raw_type,
        **content,
    )


# --------------------------------------------------------------------------- statuses


def _parse_status(
    raw: Any, phone_number_id: str | None, contacts: list[_Contact]
) -> StatusUpdate | IgnoredUpdate:
    if not isinstance(raw, dict):
        return IgnoredUpdate("malformed status", type(raw).__name__)
    wamid = _str(raw.get("id"))
    status = _str(raw.get("status"))
    if wamid is None or status is None:
        return IgnoredUpdate("status without id or status", wamid)
    is_group = raw.get("recipient_type") == "group"
    phone = None if is_group else to_e164(raw.get("recipient_id"))
    user_id = _str(raw.get("recipient_user_id"))
    if not is_group:
        contact = _match_contact(contacts, phone, user_id)
        if contact is not None:
            phone = phone or contact.phone
            user_id = user_id or contact.user_id
    return StatusUpdate(
        wamid=wamid,
        status=status.lower(),
        timestamp=_int(raw.get("timestamp")),
        recipient_phone=phone,
        recipient_user_id=user_id,
        errors=_errors(raw.get("errors")),
        phone_number_id=phone_number_id,
        callback_data=_str(raw.get("biz_opaque_callback_data")),
        pricing_category=_billed(_dict(raw.get("pricing"))),
    )


# --------------------------------------------------------------------------- delivery


def _parse_value(value: dict, delivery: Delivery) -> None:
    phone_number_id = _str(_dict(value.get("metadata")).get("phone_number_id"))
    contacts = _contacts(value.get("contacts"))
    delivery.errors.extend(_errors(value.get("errors")))

    for raw in _list(value.get("messages")):
        parsed = _parse_message(raw, phone_number_id, contacts)
        (delivery.messages if isinstance(parsed, InboundMessage) else delivery.ignored).append(parsed)

    for raw in _list(value.get("statuses")):
        parsed = _parse_status(raw, phone_number_id, contacts)
        (delivery.statuses if isinstance(parsed, StatusUpdate) else delivery.ignored).append(parsed)

    for key in ("messages", "statuses", "contacts", "errors"):
        if key in value and not isinstance(value[key], list):
            delivery.ignored.append(IgnoredUpdate(f"malformed {key}", type(value[key]).__name__))


def parse_stored(stored: object) -> InboundMessage | None:
    """A message again from what the webhook stored (the message as Meta sent it, with
    its change's contacts and metadata); None when it is not a message we can read."""
    if not isinstance(stored, dict):
        return None
    metadata = _dict(stored.get("metadata"))
    parsed = _parse_message(stored.get("message"), _str(metadata.get("phone_number_id")),
                            _contacts(stored.get("contacts")))
    return parsed if isinstance(parsed, InboundMessage) else None


def parse_delivery(payload: object) -> Delivery:
    """Every message, status and value-level error in one webhook delivery, in order.

    Never raises. Unexpected shapes (another ``object``, another ``field``, a
    non-list ``entry``, a message with no id ...) become ``IgnoredUpdate`` entries.
    """
    delivery = Delivery()
    try:
        _parse_payload(payload, delivery)
    except Exception as exc:  # pragma: no cover - a last line of defence, not a path
        delivery.ignored.append(IgnoredUpdate("unreadable delivery", f"{type(exc).__name__}: {exc}"))
    return delivery


def _parse_payload(payload: object, delivery: Delivery) -> None:
    if not isinstance(payload, dict):
        delivery.ignored.append(IgnoredUpdate("malformed delivery", type(payload).__name__))
        return
    obj = payload.get("object")
    if obj != WHATSAPP_OBJECT:
        delivery.ignored.append(IgnoredUpdate(f"object {_str(obj) or type(obj).__name__}"))
        return
    entries = payload.get("entry")
    if not isinstance(entries, list):
        delivery.ignored.append(IgnoredUpdate("malformed entry", type(entries).__name__))
        return
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("changes"), list):
            delivery.ignored.append(IgnoredUpdate("malformed entry"))
            continue
        for change in entry["changes"]:
            if not isinstance(change, dict):
                delivery.ignored.append(IgnoredUpdate("malformed change"))
                continue
            field_name = change.get("field")
            if field_name != MESSAGES_FIELD:
                delivery.ignored.append(IgnoredUpdate(f"field {_str(field_name) or 'missing'}"))
                continue
            value = change.get("value")
            if not isinstance(value, dict):
                delivery.ignored.append(IgnoredUpdate("malformed change", "value"))
                continue
            _parse_value(value, delivery)
