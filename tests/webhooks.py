"""Webhook deliveries for tests: named real-shaped files and small builders.

``load("text")`` reads ``tests/data/webhooks/text.json``. Each builder
(``text_message``, ``button_tap`` ...) returns a complete one-update delivery that can
be posted as is; ``delivery(a, b, c)`` merges several into one batch, each update in
its own change with its own ``contacts``, the way Meta batches them. ``signed`` gives
the exact bytes and headers to post.
"""

from __future__ import annotations

import copy
import itertools
import json
import time
import uuid
from pathlib import Path
from typing import Any

from bot.whatsapp.inbound import SIGNATURE_HEADER, sign

DATA_DIR = Path(__file__).parent / "data" / "webhooks"
DEFAULT_PHONE_NUMBER_ID = "1234567890"
DEFAULT_DISPLAY_NUMBER = "15550001111"
WABA_ID = "102290129340398"

_counter = itertools.count(1)

ERRORS = {
    131026: ("Message undeliverable", "Message Undeliverable."),
    131047: (
        "Re-engagement message",
        "Message failed to send because more than 24 hours have passed since the customer "
        "last replied to this number.",
    ),
    131049: (
        "This message was not delivered to maintain healthy ecosystem engagement.",
        "In order to maintain a healthy ecosystem engagement, the message failed to be delivered.",
    ),
    131050: ("Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.", "User stopped marketing messages."),
    130429: ("Rate limit hit", "Cloud API message throughput has been reached."),
    131056: ("(Business Account, Consumer Account) pair rate limit hit", "Too many messages sent from this phone number to the same phone number in a short period of time."),
}


def names() -> list[str]:
    """Every data file's name (without ``.json``), sorted."""
    return sorted(path.stem for path in DATA_DIR.glob("*.json"))


def load(name: str) -> dict:
    """A fresh copy of ``tests/data/webhooks/<name>.json``."""
    stem = name[:-5] if name.endswith(".json") else name
    return json.loads((DATA_DIR / f"{stem}.json").read_text(encoding="utf-8"))


def load_bytes(name: str) -> bytes:
    stem = name[:-5] if name.endswith(".json") else name
    return (DATA_DIR / f"{stem}.json").read_bytes()


def signed(payload: dict | bytes, secret: str) -> tuple[bytes, dict[str, str]]:
    """The body and headers Meta would post for ``payload``, signed with ``secret``."""
    body = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json", SIGNATURE_HEADER: sign(body, secret)}
    return body, headers


def new_wamid() -> str:
    """A unique, realistic-looking WhatsApp message id."""
    return f"wamid.HBgLTEST{next(_counter):06d}{uuid.uuid4().hex[:16].upper()}FQIAEhgU"


def _wa_id(phone: str | None) -> str | None:
    if phone is None:
        return None
    digits = "".join(ch for ch in str(phone) if ch.isdigit())
    return digits or None


def _now() -> str:
    return str(int(time.time()))


def _contact(from_phone: str | None, name: str | None, user_id: str | None) -> dict:
    contact: dict[str, Any] = {"profile": {"name": name}} if name else {"profile": {}}
    if from_phone is not None:
        contact["wa_id"] = _wa_id(from_phone)
    if user_id is not None:
        contact["user_id"] = user_id
    return contact


def _envelope(value: dict, phone_number_id: str = DEFAULT_PHONE_NUMBER_ID) -> dict:
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": DEFAULT_DISPLAY_NUMBER, "phone_number_id": phone_number_id},
        **value,
    }
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": WABA_ID, "changes": [{"value": value, "field": "messages"}]}],
    }


def _message(
    from_phone: str | None,
    kind: str,
    body: dict,
    *,
    wamid: str | None,
    name: str | None,
    user_id: str | None,
    context: dict | None = None,
    phone_number_id: str = DEFAULT_PHONE_NUMBER_ID,
) -> dict:
    message: dict[str, Any] = {}
    if context:
        message["context"] = context
    if from_phone is not None:
        message["from"] = _wa_id(from_phone)
    if user_id is not None:
        message["from_user_id"] = user_id
    message.update({"id": wamid or new_wamid(), "timestamp": _now(), "type": kind, kind: body})
    value = {"contacts": [_contact(from_phone, name, user_id)], "messages": [message]}
    return _envelope(value, phone_number_id)


# --------------------------------------------------------------------------- builders


def text_message(
    from_phone: str | None,
    text: str,
    wamid: str | None = None,
    name: str | None = "Test User",
    user_id: str | None = None,
    *,
    reply_to: str | None = None,
    phone_number_id: str = DEFAULT_PHONE_NUMBER_ID,
) -> dict:
    """A text message; ``from_phone=None`` with a ``user_id`` is a BSUID-only sender."""
    context = {"from": DEFAULT_DISPLAY_NUMBER, "id": reply_to} if reply_to else None
    return _message(
        from_phone, "text", {"body": text}, wamid=wamid, name=name, user_id=user_id,
        context=context, phone_number_id=phone_number_id,
    )


def button_tap(
    from_phone: str | None,
    payload: str,
    text: str,
    wamid: str | None = None,
    *,
    context_wamid: str | None = None,
    name: str | None = "Test User",
    user_id: str | None = None,
    phone_number_id: str = DEFAULT_PHONE_NUMBER_ID,
) -> dict:
    """A tap on a template's quick-reply button (type ``button``)."""
    context = {"from": DEFAULT_DISPLAY_NUMBER, "id": context_wamid or new_wamid()}
    return _message(
        from_phone, "button", {"payload": payload, "text": text}, wamid=wamid, name=name,
        user_id=user_id, context=context, phone_number_id=phone_number_id,
    )


def interactive_reply(
    from_phone: str | None,
    reply_id: str,
    title: str,
    kind: str = "button_reply",
    wamid: str | None = None,
    *,
    context_wamid: str | None = None,
    description: str | None = None,
    name: str | None = "Test User",
    user_id: str | None = None,
    phone_number_id: str = DEFAULT_PHONE_NUMBER_ID,
) -> dict:
    """A reply to an interactive message: ``kind`` is ``button_reply`` or ``list_reply``."""
    if kind not in ("button_reply", "list_reply"):
        raise ValueError(f"kind must be button_reply or list_reply, not {kind!r}")
    reply = {"id": reply_id, "title": title}
    if kind == "list_reply" and description:
        reply["description"] = description
    context = {"from": DEFAULT_DISPLAY_NUMBER, "id": context_wamid or new_wamid()}
    return _message(
        from_phone, "interactive", {"type": kind, kind: reply}, wamid=wamid, name=name,
        user_id=user_id, context=context, phone_number_id=phone_number_id,
    )


def document_message(
    from_phone: str | None,
    media_id: str,
    filename: str,
    mime_type: str = "text/csv",
    wamid: str | None = None,
    *,
    caption: str | None = None,
    name: str | None = "Test User",
    user_id: str | None = None,
    phone_number_id: str = DEFAULT_PHONE_NUMBER_ID,
) -> dict:
    """A document (e.g. a guest-list CSV) the user sent."""
    body = {
        "filename": filename,
        "mime_type": mime_type,
        "sha256": uuid.uuid5(uuid.NAMESPACE_URL, media_id).hex,
        "id": media_id,
    }
    if caption:
        body["caption"] = caption
    return _message(
        from_phone, "document", body, wamid=wamid, name=name, user_id=user_id,
        phone_number_id=phone_number_id,
    )


def contacts_message(
    from_phone: str | None,
    contacts: list[tuple[str, str]],
    wamid: str | None = None,
    *,
    name: str | None = "Test User",
    user_id: str | None = None,
    phone_number_id: str = DEFAULT_PHONE_NUMBER_ID,
) -> dict:
    """Shared contact cards, one per ``(name, phone)``; the phone is given as typed and,
    when it has digits, with the ``wa_id`` WhatsApp adds for numbers it knows."""
    cards = []
    for card_name, phone in contacts:
        first, _, last = card_name.partition(" ")
        name_obj = {"formatted_name": card_name, "first_name": first}
        if last:
            name_obj["last_name"] = last
        phone_obj = {"phone": phone, "type": "CELL"}
        wa_id = _wa_id(phone)
        if wa_id and str(phone).strip().startswith("+"):
            phone_obj["wa_id"] = wa_id
        cards.append({"name": name_obj, "phones": [phone_obj]})
    return _message(
        from_phone, "contacts", cards, wamid=wamid, name=name, user_id=user_id,
        phone_number_id=phone_number_id,
    )


def status(
    wamid: str,
    status: str,
    recipient_phone: str | None,
    error_code: int | None = None,
    *,
    user_id: str | None = None,
    name: str | None = "Test User",
    timestamp: str | None = None,
    phone_number_id: str = DEFAULT_PHONE_NUMBER_ID,
    pricing: dict | None = None,
) -> dict:
    """A status update (sent, delivered, read, failed ...) for one of our messages.

    `pricing` is Meta's object on sent/delivered statuses (default: a free service message;
    a paid invitation: {"billable": True, "pricing_model": "PMP", "category": "marketing",
    "type": "regular"}).

    With ``error_code`` (or ``status="failed"``) the update carries Meta's error object
    and, as Meta does for failures, no contacts, conversation or pricing.
    """
    update: dict[str, Any] = {"id": wamid, "status": status, "timestamp": timestamp or _now()}
    if recipient_phone is not None:
        update["recipient_id"] = _wa_id(recipient_phone)
    if user_id is not None:
        update["recipient_user_id"] = user_id
    value: dict[str, Any] = {}
    if status == "failed" or error_code is not None:
        code = error_code if error_code is not None else 131026
        title, details = ERRORS.get(code, ("Something went wrong", "Unknown error."))
        update["errors"] = [
            {
                "code": code,
                "title": title,
                "message": title,
                "error_data": {"details": details},
                "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
            }
        ]
    else:
        update["pricing"] = pricing or {"billable": True, "pricing_model": "PMP", "category": "service",
                                        "type": "free_customer_service"}
        if user_id is not None or recipient_phone is not None:
            value["contacts"] = [_contact(recipient_phone, name, user_id)]
    value["statuses"] = [update]
    return _envelope(value, phone_number_id)


def delivery(*parts: dict, phone_number_id: str = DEFAULT_PHONE_NUMBER_ID) -> dict:
    """One delivery carrying every update of ``parts`` (each built above), in order,
    each in its own change value with its own contacts."""
    changes = []
    for part in parts:
        for entry in part.get("entry", []):
            for change in entry.get("changes", []):
                change = copy.deepcopy(change)
                value = change.get("value")
                if isinstance(value, dict) and isinstance(value.get("metadata"), dict):
                    value["metadata"]["phone_number_id"] = phone_number_id
                changes.append(change)
    return {"object": "whatsapp_business_account", "entry": [{"id": WABA_ID, "changes": changes}]}


def wamids(payload: dict) -> list[str]:
    """Every message and status id in a delivery, in order (handy for dedupe tests)."""
    found = []
    for entry in payload.get("entry", []):
        for change in entry.get("changes", []):
            value = change.get("value", {})
            found += [item["id"] for item in value.get("messages", []) + value.get("statuses", [])]
    return found
