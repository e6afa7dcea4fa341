"""The WhatsApp Cloud API behind a small interface.

Three parts, and the only module in the project that imports ``requests``:

* pure payload builders: the JSON bodies for ``POST /{version}/{phone-number-id}/messages``;
* one error family: every Graph error body becomes a typed exception in one function,
  :func:`error_from_response`, and each type says whether to retry (``transient``), whether
  a template may carry the message instead (``fallback_to_template``) and whether every
  further send is pointless until an operator acts (``stop_sending``);
* two transports with the same ``send_message(payload) -> wamid`` interface:
  :class:`CloudAPIClient` (HTTP, one pooled session) and :class:`ConsoleTransport`
  (no network: the log and the chat simulator).

Shapes follow Meta's Cloud API reference. A message goes ``"to"`` a phone number, or, to
someone known only by their business-scoped user id (BSUID), to ``"recipient"``; a success is
``{"messaging_product": "whatsapp", "contacts": [{"input", "wa_id"}], "messages": [{"id"}]}``
(``"user_id"`` in place of ``"wa_id"`` for a send to a user id),
an error is ``{"error": {"message", "type", "code", "error_subcode",
"error_data": {"messaging_product", "details"}, "fbtrace_id"}}``.
"""
from __future__ import annotations

import logging
import os
import re
import threading
import time
import unicodedata
import uuid
from typing import Any, Callable, Iterable, Sequence

import requests
from requests.adapters import HTTPAdapter
from urllib3 import exceptions as urllib3_exceptions

from bot.logs import mask_phone, mask_phones_in, redact
from bot.text.i18n import N_

log = logging.getLogger("bot.whatsapp")

# A Cloud API send from far away takes up to this long: the sends in flight must cover it
# (the worker's window, until the asynchronous sender has measured the real round trip).
ASSUMED_LATENCY = 0.25
MAX_MEDIA_BYTES = 100 * 1024 * 1024  # Meta's largest media file (documents)
MEDIA_DEADLINE_SECONDS = 60.0        # a whole download, however slowly the bytes trickle in

# Meta's documented limits, in characters.
TEXT_BODY_MAX = 4096
INTERACTIVE_BODY_MAX = 1024
HEADER_TEXT_MAX = 60
FOOTER_TEXT_MAX = 60
BUTTON_TITLE_MAX = 20
BUTTON_ID_MAX = 256
MAX_BUTTONS = 3
LIST_BUTTON_TEXT_MAX = 20
LIST_SECTION_TITLE_MAX = 24
LIST_ROW_TITLE_MAX = 24
LIST_ROW_DESCRIPTION_MAX = 72
LIST_ROW_ID_MAX = 200
MAX_LIST_ROWS = 10
TEMPLATE_PARAM_MAX = 1024

ELLIPSIS = "\u2026"


# --------------------------------------------------------------------------- text helpers

def graph_phone(phone: str) -> str:
    """The recipient as Graph takes it: digits only (E.164 without the '+')."""
    digits = re.sub(r"\D", "", str(phone or ""))
    if not digits:
        raise ValueError(f"not a phone number: {phone!r}")
    return digits


# A business-scoped user id (BSUID): a country code, a dot and letters and digits
# ("US.13491208655302741918"; a parent id has "ENT." after the country). No phone number
# has letters, so a recipient is told apart by its shape.
_USER_ID = re.compile(r"[A-Z]{2}(?:\.[A-Za-z0-9]+)+")
USER_ID_SHOWN = 7  # characters of a business-scoped user id a log line shows ("US.1349...")


def is_user_id(value: object) -> bool:
    """True for a business-scoped user id, False for a phone number (or anything else)."""
    return isinstance(value, str) and _USER_ID.fullmatch(value) is not None


def recipient_fields(to: str) -> dict[str, str]:
    """Whom a message is for, as Graph takes it: ``{"to": digits}`` for a phone number,
    ``{"recipient": id}`` for someone known only by their business-scoped user id."""
    return {"recipient": to} if is_user_id(to) else {"to": graph_phone(to)}


def mask_user_id(user_id: str | None) -> str:
    """A business-scoped user id fit for a log line: its first characters only."""
    text = str(user_id or "")
    return text if len(text) <= USER_ID_SHOWN else text[:USER_ID_SHOWN] + "..."


def mask_recipient(to: str | None) -> str:
    """A recipient fit for a log line: a masked phone, or a shortened user id."""
    return mask_user_id(to) if is_user_id(to) else mask_phone(to)


def payload_recipient(payload: dict[str, Any]) -> str | None:
    """Whom a built payload is for: its phone digits or its user id."""
    return payload.get("to") or payload.get("recipient")


def _joins_next(ch: str) -> bool:
    """True for characters that glue to a neighbour: cutting right after them splits a glyph."""
    return ch in ("\u200d",) or unicodedata.combining(ch) != 0 or _is_modifier(ch)


def _is_modifier(ch: str) -> bool:
    code = ord(ch)
    return (
        0xFE00 <= code <= 0xFE0F  # variation selectors (emoji presentation)
        or 0x1F3FB <= code <= 0x1F3FF  # skin tone modifiers
        or 0xE0020 <= code <= 0xE007F  # tag characters (flag sequences)
        or code == 0x20E3  # combining enclosing keycap
    )


def truncate(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending with an ellipsis when cut.

    The cut never splits a combining mark from its letter, an emoji from its skin tone or
    variation selector, or a zero-width-joiner sequence; trailing spaces are dropped.
    """
    text = "" if text is None else str(text)
    if len(text) <= limit:
        return text
    if limit <= 1:
        return text[:limit]
    cut = limit - 1  # room for the ellipsis
    # Back off while the first dropped character belongs to the glyph before it,
    # or the last kept one is a joiner waiting for its partner.
    while cut > 0 and (_joins_next(text[cut]) or text[cut - 1] == "\u200d"):
        cut -= 1
    head = text[:cut].rstrip()
    if not head:  # one enormous glyph: fall back to a plain cut
        head = text[: limit - 1]
    return head + ELLIPSIS


def _template_param(text: str) -> str:
    """A body parameter Meta accepts: no newlines or tabs, at most 4 spaces in a row, not empty."""
    text = re.sub(r"[\r\n\t]+", " ", str(text if text is not None else ""))
    text = re.sub(r" {5,}", "    ", text).strip()
    return truncate(text, TEMPLATE_PARAM_MAX) or "-"


# --------------------------------------------------------------------------- payload builders

def _envelope(to: str, kind: str) -> dict[str, Any]:
    """The fields every message has; ``to`` is an E.164 phone or a business-scoped user id."""
    return {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        **recipient_fields(to),
        "type": kind,
    }


def text_payload(to: str, body: str, preview_url: bool = False) -> dict[str, Any]:
    """A plain text message (only inside the 24-hour service window)."""
    if not str(body or "").strip():
        raise ValueError("a text message needs a body")
    payload = _envelope(to, "text")
    payload["text"] = {"preview_url": bool(preview_url), "body": truncate(body, TEXT_BODY_MAX)}
    return payload


def template_payload(
    to: str,
    name: str,
    language: str,
    body_params: Sequence[str] = (),
    quick_reply_payloads: Sequence[str] = (),
) -> dict[str, Any]:
    """An approved template; body parameters fill {{1}}, {{2}}...; quick replies by index."""
    if not name:
        raise ValueError("a template message needs the template's name")
    components: list[dict[str, Any]] = []
    if body_params:
        components.append({
            "type": "body",
            "parameters": [{"type": "text", "text": _template_param(p)} for p in body_params],
        })
    for index, button_payload in enumerate(quick_reply_payloads):
        components.append({
            "type": "button",
            "sub_type": "quick_reply",
            "index": str(index),
            "parameters": [{"type": "payload", "payload": str(button_payload)}],
        })
    template: dict[str, Any] = {"name": name, "language": {"code": language or "en"}}
    if components:
        template["components"] = components
    payload = _envelope(to, "template")
    payload["template"] = template
    return payload


def _text_header(header: str | None) -> dict[str, Any] | None:
    if header is None or not str(header).strip():
        return None
    return {"type": "text", "text": truncate(header, HEADER_TEXT_MAX)}


def _check_ids(ids: Iterable[str], limit: int, what: str) -> None:
    seen: set[str] = set()
    for item_id in ids:
        if not item_id:
            raise ValueError(f"every {what} needs an id")
        if len(item_id) > limit:
            raise ValueError(f"{what} id longer than {limit} characters: {item_id[:40]!r}...")
        if item_id in seen:
            raise ValueError(f"duplicate {what} id {item_id!r}")
        seen.add(item_id)


def buttons_payload(
    to: str,
    body: str,
    buttons: Sequence[tuple[str, str]],
    header: str | None = None,
    footer: str | None = None,
) -> dict[str, Any]:
    """Interactive reply buttons (1 to 3; titles cut to 20 characters)."""
    if not buttons:
        raise ValueError("reply buttons need at least one button")
    if len(buttons) > MAX_BUTTONS:
        raise ValueError(f"WhatsApp allows at most {MAX_BUTTONS} reply buttons, got {len(buttons)}")
    ids = [str(button_id) for button_id, _ in buttons]
    _check_ids(ids, BUTTON_ID_MAX, "button")
    interactive: dict[str, Any] = {"type": "button"}
    head = _text_header(header)
    if head:
        interactive["header"] = head
    interactive["body"] = {"text": truncate(body, INTERACTIVE_BODY_MAX)}
    if footer:
        interactive["footer"] = {"text": truncate(footer, FOOTER_TEXT_MAX)}
    interactive["action"] = {
        "buttons": [
            {"type": "reply", "reply": {"id": button_id, "title": truncate(title, BUTTON_TITLE_MAX)}}
            for button_id, (_, title) in zip(ids, buttons)
        ]
    }
    payload = _envelope(to, "interactive")
    payload["interactive"] = interactive
    return payload


def list_payload(
    to: str,
    body: str,
    button_text: str,
    rows: Sequence[tuple[str, str, str | None]],
    section_title: str | None = None,
    header: str | None = None,
    footer: str | None = None,
) -> dict[str, Any]:
    """An interactive list with one section (1 to 10 rows; titles 24, descriptions 72)."""
    if not rows:
        raise ValueError("a list needs at least one row")
    if len(rows) > MAX_LIST_ROWS:
        raise ValueError(f"WhatsApp allows at most {MAX_LIST_ROWS} list rows, got {len(rows)}")
    ids = [str(row[0]) for row in rows]
    _check_ids(ids, LIST_ROW_ID_MAX, "row")
    out_rows = []
    for row_id, row in zip(ids, rows):
        title = row[1]
        description = row[2] if len(row) > 2 else None
        item: dict[str, Any] = {"id": row_id, "title": truncate(title, LIST_ROW_TITLE_MAX)}
        if description:
            item["description"] = truncate(description, LIST_ROW_DESCRIPTION_MAX)
        out_rows.append(item)
    section: dict[str, Any] = {}
    if section_title:
        section["title"] = truncate(section_title, LIST_SECTION_TITLE_MAX)
    section["rows"] = out_rows
    interactive: dict[str, Any] = {"type": "list"}
    head = _text_header(header)
    if head:
        interactive["header"] = head
    interactive["body"] = {"text": truncate(body, INTERACTIVE_BODY_MAX)}
    if footer:
        interactive["footer"] = {"text": truncate(footer, FOOTER_TEXT_MAX)}
    interactive["action"] = {
        "button": truncate(button_text or "Choose", LIST_BUTTON_TEXT_MAX),
        "sections": [section],
    }
    payload = _envelope(to, "interactive")
    payload["interactive"] = interactive
    return payload


CAPTION_MAX = 1024
MEDIA_SEND_KINDS = frozenset({"image", "audio", "video", "document", "sticker"})
_CAPTIONED = frozenset({"image", "video", "document"})  # audio and stickers carry no caption


def media_payload(to: str, kind: str, media_id: str, caption: str | None = None,
                  filename: str | None = None) -> dict[str, Any]:
    """An image, voice note, video, document or sticker sent by its media id (one received
    or uploaded); only inside the 24-hour service window."""
    if kind not in MEDIA_SEND_KINDS:
        raise ValueError(f"not a media kind: {kind!r}")
    if not str(media_id or "").strip():
        raise ValueError("a media message needs a media id")
    media: dict[str, Any] = {"id": str(media_id)}
    if caption and kind in _CAPTIONED and str(caption).strip():
        media["caption"] = truncate(str(caption), CAPTION_MAX)
    if filename and kind == "document":
        media["filename"] = truncate(str(filename), 240)
    payload = _envelope(to, kind)
    payload[kind] = media
    return payload


def location_payload(to: str, latitude: float, longitude: float, name: str | None = None,
                     address: str | None = None) -> dict[str, Any]:
    """A pin on the map; only inside the 24-hour service window."""
    location: dict[str, Any] = {"latitude": float(latitude), "longitude": float(longitude)}
    if name:
        location["name"] = truncate(str(name), 1000)
    if address:
        location["address"] = truncate(str(address), 1000)
    payload = _envelope(to, "location")
    payload["location"] = location
    return payload


def mark_read_payload(wamid: str) -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "status": "read", "message_id": wamid}


def describe_payload(payload: dict[str, Any]) -> str:
    """One readable line for a message body: what the recipient would see."""
    kind = payload.get("type")
    if kind == "text":
        return payload.get("text", {}).get("body", "")
    if kind == "template":
        tpl = payload.get("template", {})
        params, replies = [], []
        for comp in tpl.get("components", []):
            if comp.get("type") == "body":
                params = [p.get("text", "") for p in comp.get("parameters", [])]
            elif comp.get("type") == "button":
                replies += [p.get("payload", "") for p in comp.get("parameters", [])]
        out = f"[template {tpl.get('name')} ({tpl.get('language', {}).get('code')})]"
        if params:
            out += " " + " | ".join(params)
        if replies:
            out += " [buttons: " + ", ".join(replies) + "]"
        return out
    if kind == "interactive":
        inter = payload.get("interactive", {})
        body = inter.get("body", {}).get("text", "")
        if inter.get("type") == "button":
            titles = [b.get("reply", {}).get("title", "") for b in inter.get("action", {}).get("buttons", [])]
            return body + "  " + " ".join(f"[{i}) {t}]" for i, t in enumerate(titles, 1))
        if inter.get("type") == "list":
            rows = [r.get("title", "") for s in inter.get("action", {}).get("sections", [])
                    for r in s.get("rows", [])]
            return body + "  " + " ".join(f"[{i}) {t}]" for i, t in enumerate(rows, 1))
        return body
    if kind in MEDIA_SEND_KINDS:
        caption = (payload.get(kind) or {}).get("caption")
        return f"[{kind}] {caption}" if caption else f"[{kind}]"
    if kind == "location":
        place = payload.get("location") or {}
        return f"[location] {place.get('name') or ''} {place.get('address') or ''}".strip()
    return f"[{kind}]"


# --------------------------------------------------------------------------- errors

class WhatsAppError(Exception):
    """Anything the Cloud API refused. Permanent unless a subclass says otherwise."""

    transient: bool = False  # retrying later may succeed
    fallback_to_template: bool = False  # an approved template can carry the message instead
    stop_sending: bool = False  # every further send will fail until an operator acts
    default_reason = N_("WhatsApp refused the message")

    def __init__(
        self,
        message: str = "",
        *,
        code: int | None = None,
        subcode: int | None = None,
        title: str | None = None,
        details: str | None = None,
        http_status: int | None = None,
        error_type: str | None = None,
        fbtrace_id: str | None = None,
    ) -> None:
        self.message = message or title or self.default_reason
        self.code = code
        self.subcode = subcode
        self.title = title or self.message
        self.details = details
        self.http_status = http_status
        self.error_type = error_type
        self.fbtrace_id = fbtrace_id
        super().__init__(self.message)

    @property
    def reason(self) -> str:
        """A short phrase to show an organiser ("not on WhatsApp")."""
        if type(self) is WhatsAppError and self.code is None:
            return self.message
        if type(self) is WhatsAppError:
            return f"{self.default_reason} (error {self.code})"  # translated by replies.reason_text
        return self.default_reason

    def __str__(self) -> str:
        parts = [self.message]
        if self.details and self.details not in self.message:
            parts.append(self.details)
        tags = []
        if self.code is not None:
            tags.append(f"code {self.code}" + (f"/{self.subcode}" if self.subcode else ""))
        if self.http_status is not None:
            tags.append(f"HTTP {self.http_status}")
        return ": ".join(parts) + (f" ({', '.join(tags)})" if tags else "")

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(code={self.code!r}, subcode={self.subcode!r}, "
                f"http_status={self.http_status!r}, message={self.message!r})")


class Throttled(WhatsAppError):
    """A rate limit: the number's throughput, the pair rate, or the app's call budget."""

    transient = True
    default_reason = N_("rate limited")


class GraphServerError(WhatsAppError):
    """Meta failed on its side (5xx, "something went wrong", "service unavailable")."""

    transient = True
    default_reason = N_("WhatsApp is temporarily unavailable")


class GraphTimeout(WhatsAppError):
    """No answer in time, or no connection at all. Raised by the client itself."""

    transient = True
    default_reason = N_("WhatsApp did not answer in time")


class NotOnWhatsApp(WhatsAppError):
    """131026: the number has no WhatsApp account (or cannot receive this message)."""

    default_reason = N_("not on WhatsApp")


class OutsideServiceWindow(WhatsAppError):
    """131047: more than 24 hours since the user last wrote; only a template may be sent."""

    fallback_to_template = True
    default_reason = N_("outside the 24-hour window")


class AccessDenied(WhatsAppError):
    """The app may not send at all (permissions, locked or unpaid account)."""

    stop_sending = True
    default_reason = N_("WhatsApp access denied")


class AccessTokenExpired(AccessDenied):
    """190 or HTTP 401: the access token is expired or invalid."""

    default_reason = N_("WhatsApp access token expired")


class TemplateProblem(WhatsAppError):
    """132xxx: the template is missing, paused, disabled or given the wrong parameters."""

    default_reason = N_("template problem")
    _reasons = {
        132000: N_("template parameters do not match"),
        132001: N_("template not approved or not found"),
        132005: N_("template text too long"),
        132007: N_("template breaks WhatsApp's content rules"),
        132012: N_("template parameters in the wrong format"),
        132015: N_("template paused"),
        132016: N_("template disabled"),
        132068: N_("flow blocked"),
        132069: N_("flow throttled"),
    }

    @property
    def reason(self) -> str:
        return self._reasons.get(self.code or 0, self.default_reason)


class RecipientOptedOut(WhatsAppError):
    """131050: the user stopped marketing messages from this business."""

    default_reason = N_("opted out of messages from this business")


class EngagementLimit(WhatsAppError):
    """131049: held back by Meta's per-user marketing limit. Not worth an immediate retry."""

    default_reason = N_("held back by WhatsApp's marketing limits")


class InvalidRecipient(WhatsAppError):
    """The recipient cannot receive this: sender itself, not in the test list, bad number."""

    default_reason = N_("invalid recipient")


class InvalidRequest(WhatsAppError):
    """The request itself is wrong (a bug on our side: bad parameter, unsupported type)."""

    default_reason = N_("message rejected as invalid")


class MediaTooLarge(WhatsAppError):
    default_reason = N_("file too large")


_CLASS_BY_CODE: dict[int, type[WhatsAppError]] = {
    # throttling
    4: Throttled, 613: Throttled, 80007: Throttled, 130429: Throttled,
    131048: Throttled, 131056: Throttled,
    # Meta's side
    1: GraphServerError, 2: GraphServerError, 3: GraphServerError,
    131000: GraphServerError, 131016: GraphServerError,
    # the recipient
    131026: NotOnWhatsApp,
    131047: OutsideServiceWindow,
    131049: EngagementLimit,
    131050: RecipientOptedOut,
    131021: InvalidRecipient, 131030: InvalidRecipient,
    131062: InvalidRecipient,  # this message cannot go to a business-scoped user id
    # the request
    33: InvalidRequest, 100: InvalidRequest, 131008: InvalidRequest, 131009: InvalidRequest,
    131051: InvalidRequest,
    # access
    0: AccessTokenExpired, 190: AccessTokenExpired,
    10: AccessDenied, 368: AccessDenied, 131005: AccessDenied, 131031: AccessDenied,
    131042: AccessDenied,
    # templates
    **{code: TemplateProblem for code in range(132000, 132017)},
    132068: TemplateProblem, 132069: TemplateProblem,
}


def _class_for(code: int | None) -> type[WhatsAppError] | None:
    """The typed error for a Graph error code; None for a code we do not know."""
    if code is None:
        return None
    cls = _CLASS_BY_CODE.get(code)
    if cls is None and 200 <= code <= 299:
        cls = AccessDenied  # 200-299: a permission the app lacks
    return cls


def reason_for(code: int | None, default: str | None = None) -> str:
    """The organiser-facing reason for a Graph error code ("not on WhatsApp").

    The same words the typed error's `.reason` gives, so a send that failed at once and
    one that Meta reported failed later read alike. A code we do not know gives
    `default` when one is passed (Meta's own description, say), else a generic reason
    naming the code.
    """
    cls = _class_for(code)
    if cls is None:
        if default:
            return default
        return WhatsAppError(code=code).reason
    return cls(code=code).reason


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def error_from_response(http_status: int, body: dict | None) -> WhatsAppError:
    """The typed error for a Graph API answer that was not a success.

    The error code decides first (Meta's recommendation); when the code is unknown or
    absent the HTTP status does: 401 → token, 429 → throttled, 5xx → server error.
    """
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        error = {}
    code = _int_or_none(error.get("code"))
    subcode = _int_or_none(error.get("error_subcode"))
    message = str(error.get("message") or "").strip()
    error_data = error.get("error_data") if isinstance(error.get("error_data"), dict) else {}
    details = error_data.get("details") or error.get("error_user_msg") or None
    title = re.sub(r"^\(#\d+\)\s*", "", message) or error.get("error_user_title") or None

    cls = _class_for(code)
    if cls is None:
        if http_status == 401:
            cls = AccessTokenExpired
        elif http_status == 429:
            cls = Throttled
        elif http_status >= 500:
            cls = GraphServerError
        else:
            cls = WhatsAppError
    if not message:
        message = f"HTTP {http_status} from the WhatsApp Cloud API"
    return cls(
        message,
        code=code,
        subcode=subcode,
        title=title,
        details=details,
        http_status=http_status,
        error_type=error.get("type"),
        fbtrace_id=error.get("fbtrace_id"),
    )


def message_id_of(data: Any, http_status: int) -> str:
    """The wamid of a successful send's answer, or a :class:`WhatsAppError`."""
    try:
        wamid = data["messages"][0]["id"]
    except (KeyError, IndexError, TypeError):
        raise WhatsAppError("the WhatsApp Cloud API answered without a message id",
                            http_status=http_status) from None
    if not isinstance(wamid, str) or not wamid:
        raise WhatsAppError("the WhatsApp Cloud API answered without a message id", http_status=http_status)
    return wamid


# --------------------------------------------------------------------------- transports

class CloudAPIClient:
    """The WhatsApp Cloud API over HTTP: one pooled session, safe to share between threads."""

    def __init__(
        self,
        base_url: str,
        api_version: str,
        phone_number_id: str,
        access_token: str,
        timeout: float | tuple[float, float] = (3, 12),
        pool_maxsize: int = 32,
    ) -> None:
        if not access_token:
            raise ValueError("CloudAPIClient needs an access token")
        if not phone_number_id:
            raise ValueError("CloudAPIClient needs a phone number id")
        self.base_url = base_url.rstrip("/")
        self.api_version = api_version.strip("/")
        self.phone_number_id = str(phone_number_id)
        self.timeout = timeout
        self._access_token = access_token
        self._session = requests.Session()
        # Read proxy and CA settings from the environment once, here, rather than on every
        # request (requests rescans os.environ per call: a third of a send's CPU time).
        self._session.proxies.update(requests.utils.get_environ_proxies(self.base_url))
        self._session.verify = (os.environ.get("REQUESTS_CA_BUNDLE")
                                or os.environ.get("CURL_CA_BUNDLE") or True)
        self._session.trust_env = False
        adapter = HTTPAdapter(pool_connections=4, pool_maxsize=pool_maxsize, max_retries=0)
        self._session.mount("https://", adapter)
        self._session.mount("http://", adapter)
        self._session.headers.update({
            "Authorization": f"Bearer {access_token}",
            "User-Agent": "invitation-bot",
        })

    @property
    def max_request_seconds(self) -> float:
        """The longest one request can take before it times out: connect plus read.

        The outbox never starts a send with less of its lease left than this, so a live
        worker's send cannot outlast its claim and be sent again by another worker.
        """
        if isinstance(self.timeout, tuple):
            connect, read = self.timeout
            return float(connect) + float(read)
        return 2.0 * float(self.timeout)

    def request_headers(self) -> dict[str, str]:
        """The headers every request carries (the bearer token among them): for the
        worker's asynchronous sender (bot.whatsapp.async_client), which sends as this client."""
        return dict(self._session.headers)

    @property
    def messages_url(self) -> str:
        return self._url(self.phone_number_id, "messages")

    def __repr__(self) -> str:
        return (f"CloudAPIClient(base_url={self.base_url!r}, api_version={self.api_version!r}, "
                f"phone_number_id={self.phone_number_id!r})")

    def __enter__(self) -> "CloudAPIClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _url(self, *parts: str) -> str:
        return "/".join([self.base_url, self.api_version, *parts])

    def _request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        try:
            response = self._session.request(method, url, timeout=self.timeout, **kwargs)
        except (requests.Timeout, requests.ConnectionError) as exc:
            raise GraphTimeout(f"{type(exc).__name__} talking to the WhatsApp Cloud API") from None
        except requests.RequestException as exc:
            raise GraphTimeout(f"{type(exc).__name__} talking to the WhatsApp Cloud API") from None
        if response.status_code >= 400:
            try:
                body = response.json()
            except ValueError:
                body = None
            finally:
                response.close()
            error = error_from_response(response.status_code, body)
            log.warning("Cloud API %s %s failed: %s", method, _path_of(url), error)
            raise error
        return response

    def _json(self, response: requests.Response) -> dict[str, Any]:
        try:
            data = response.json()
        except ValueError:
            raise WhatsAppError("unreadable answer from the WhatsApp Cloud API",
                                http_status=response.status_code) from None
        if not isinstance(data, dict):
            raise WhatsAppError("unexpected answer from the WhatsApp Cloud API",
                                http_status=response.status_code)
        return data

    def send_message(self, payload: dict[str, Any]) -> str:
        """Send one message; returns its wamid or raises a :class:`WhatsAppError`."""
        response = self._request("POST", self._url(self.phone_number_id, "messages"), json=payload)
        wamid = message_id_of(self._json(response), response.status_code)
        log.debug("sent %s to %s: %s", payload.get("type"), mask_recipient(payload_recipient(payload)), wamid)
        return wamid

    def mark_read(self, wamid: str) -> None:
        """Blue ticks for an inbound message."""
        self._request("POST", self._url(self.phone_number_id, "messages"),
                      json=mark_read_payload(wamid)).close()

    def messaging_limit_tier(self) -> str | None:
        """The number's messaging limit as Meta reports it ("TIER_250", "TIER_2K", ...,
        "TIER_UNLIMITED"), or None when the Graph API does not say."""
        fields = "whatsapp_business_manager_messaging_limit,messaging_limit_tier"
        data = self._json(self._request("GET", self._url(self.phone_number_id), params={"fields": fields}))
        value = data.get("whatsapp_business_manager_messaging_limit") or data.get("messaging_limit_tier")
        if isinstance(value, dict):   # {"current_limit": "TIER_2K"}
            value = value.get("current_limit") or value.get("tier")
        return str(value) if value else None

    def get_media(self, media_id: str) -> dict[str, Any]:
        """``{"url", "mime_type", "sha256", "file_size", "id", "messaging_product"}``."""
        return self._json(self._request("GET", self._url(str(media_id))))

    def download_media(self, media_id: str, max_bytes: int = MAX_MEDIA_BYTES,
                       deadline: float = MEDIA_DEADLINE_SECONDS) -> tuple[bytes, str]:
        """The media's bytes and mime type; refuses anything over ``max_bytes`` (the declared
        size and Content-Length first, then while streaming) and gives up after ``deadline``
        seconds in all, however slowly the bytes come."""
        give_up_at = time.monotonic() + deadline
        info = self.get_media(media_id)
        url = info.get("url")
        if not url:
            raise WhatsAppError(f"no download URL for media {media_id}")
        declared = _int_or_none(info.get("file_size"))
        if declared is not None and declared > max_bytes:
            raise MediaTooLarge(f"media {media_id} is {declared} bytes, over {max_bytes}")
        response = self._request("GET", url, stream=True)
        try:
            length = _int_or_none(response.headers.get("Content-Length"))
            if length is not None and length > max_bytes:
                raise MediaTooLarge(f"media {media_id} is {length} bytes, over {max_bytes}")
            chunks, total = [], 0
            try:
                # read1 returns what has arrived (at least a byte): the deadline is checked
                # between reads, each of which waits at most the read timeout.
                while True:
                    if time.monotonic() > give_up_at:
                        raise GraphTimeout(f"download of media {media_id} took over {deadline:.0f}s")
                    chunk = response.raw.read1(256 * 1024, decode_content=True)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > max_bytes:
                        raise MediaTooLarge(f"media {media_id} is over {max_bytes} bytes")
                    chunks.append(chunk)
            except (requests.Timeout, requests.ConnectionError, urllib3_exceptions.HTTPError, OSError):
                raise GraphTimeout(f"download of media {media_id} broke off") from None
        finally:
            response.close()
        mime = info.get("mime_type") or response.headers.get("Content-Type", "application/octet-stream")
        return b"".join(chunks), mime.split(";")[0].strip()

    def upload_media(self, data: bytes, mime_type: str, filename: str) -> str:
        """Upload a file for later sending; returns the media id."""
        response = self._request(
            "POST",
            self._url(self.phone_number_id, "media"),
            data={"messaging_product": "whatsapp", "type": mime_type},
            files={"file": (filename, data, mime_type)},
        )
        media_id = self._json(response).get("id")
        if not media_id:
            raise WhatsAppError("the WhatsApp Cloud API answered without a media id")
        return str(media_id)

    def close(self) -> None:
        self._session.close()


def _path_of(url: str) -> str:
    """The URL without its query string (media URLs carry signed hashes)."""
    return url.split("?", 1)[0]


class ConsoleTransport:
    """No network: each message becomes a log line (and a simulator callback).

    Used when the bot runs without WhatsApp credentials, so nothing is ever lost.
    """

    def __init__(self, on_send: Callable[[dict[str, Any], str], None] | None = None) -> None:
        self.on_send = on_send
        self.sent: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        # Files "sent" from the simulator's terminal (/file), by media id: no Graph API to fetch them from.
        self.media: dict[str, tuple[bytes, str]] = {}

    def add_media(self, data: bytes, mime_type: str) -> str:
        """Keep a file as if someone had sent it on WhatsApp; its media id."""
        media_id = f"console.{uuid.uuid4().hex}"
        with self._lock:
            self.media[media_id] = (data, mime_type)
        return media_id

    max_request_seconds = 0.0  # no network: a send cannot outlast its claim

    def __repr__(self) -> str:
        return f"ConsoleTransport(sent={len(self.sent)})"

    def send_message(self, payload: dict[str, Any]) -> str:
        wamid = f"wamid.console.{uuid.uuid4().hex}"
        with self._lock:
            self.sent.append(payload)
        log.info("to %s: %s", mask_recipient(payload_recipient(payload)),
                 mask_phones_in(redact(describe_payload(payload))))
        if self.on_send is not None:
            self.on_send(payload, wamid)
        return wamid

    def mark_read(self, wamid: str) -> None:
        return None

    def messaging_limit_tier(self) -> str | None:
        return None   # no WhatsApp number: no limit to read

    def get_media(self, media_id: str) -> dict[str, Any]:
        if media_id in self.media:
            data, mime_type = self.media[media_id]
            return {"id": media_id, "mime_type": mime_type, "file_size": len(data), "messaging_product": "whatsapp"}
        raise WhatsAppError("media download needs WhatsApp credentials")

    def download_media(self, media_id: str, max_bytes: int = MAX_MEDIA_BYTES,
                       deadline: float = MEDIA_DEADLINE_SECONDS) -> tuple[bytes, str]:
        if media_id in self.media:
            data, mime_type = self.media[media_id]
            if len(data) > max_bytes:
                raise MediaTooLarge(f"media {media_id} is {len(data)} bytes, over {max_bytes}")
            return data, mime_type
        raise WhatsAppError("media download needs WhatsApp credentials")

    MAX_KEPT_MEDIA = 20  # files kept for the simulator to show (a chart, say); the oldest go first

    def upload_media(self, data: bytes, mime_type: str, filename: str) -> str:
        """Keep the file as if the Graph API had it (the simulator shows it as a file);
        only the latest few stay, so a long-running console worker does not grow."""
        media_id = self.add_media(data, mime_type)
        with self._lock:
            while len(self.media) > self.MAX_KEPT_MEDIA:
                self.media.pop(next(iter(self.media)))
        return media_id

    def close(self) -> None:
        return None
