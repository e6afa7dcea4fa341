"""Neutral outgoing messages (bot.services.outbox) rendered into Cloud API payloads.

The worker calls `render` when it sends a row: the domain said what to send, this says
how WhatsApp carries it. An invitation goes out as the approved invitation template when
one is configured, else as interactive buttons; a message that may reach someone outside
the 24-hour window gets the broadcast template as its fallback.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.config import Settings
from bot.services.sending import rsvp_payload_id
from bot.text.dates import format_date
from bot.text.guest_replies import (
    ANSWER_BUTTONS,
    DATE_TBA,
    LOCATION_TBA,
    invitation_fallback_text,
    invitation_text,
)
from bot.whatsapp.client import buttons_payload, list_payload, template_payload, text_payload


class NotRenderable(ValueError):
    """A stored message this layer cannot turn into a payload (a bug or a corrupt row)."""


@dataclass(frozen=True)
class Rendered:
    payload: dict
    fallback: dict | None = None  # a template to send instead outside the 24-hour window


def is_rendered(message: dict | None) -> bool:
    """Rows queued as Cloud API payloads (a template fallback being retried) are sent as they are."""
    return isinstance(message, dict) and message.get("messaging_product") == "whatsapp"


def render(message: dict | None, to: str, settings: Settings, stored_fallback: dict | None = None) -> Rendered:
    if is_rendered(message):
        return Rendered(message, stored_fallback)
    if not isinstance(message, dict):
        raise NotRenderable("nothing to send (empty payload)")
    kind = message.get("type")
    try:
        if kind == "text":
            return Rendered(text_payload(to, message["text"]), _broadcast(settings, to, message))
        if kind == "buttons":
            choices = [(b[0], b[1]) for b in message["buttons"]]
            return Rendered(buttons_payload(to, message["text"], choices), _broadcast(settings, to, message))
        if kind == "list":
            rows = [tuple(r) for r in message["rows"]]
            return Rendered(list_payload(to, message["text"], message.get("button") or "Choose", rows,
                                         section_title=message.get("section")))
        if kind == "invitation":
            return _invitation(message, to, settings)
    except (KeyError, TypeError, IndexError) as exc:
        raise NotRenderable(f"malformed {kind} message: {exc!r}") from exc
    raise NotRenderable(f"unknown message type {kind!r}")


def _broadcast(settings: Settings, to: str, message: dict) -> dict | None:
    words = message.get("outside_window")
    if not words or not settings.broadcast_template:
        return None
    language = settings.broadcast_template_language or settings.invitation_template_language or "en"
    return template_payload(to, settings.broadcast_template, language, [words])


def _invitation(message: dict, to: str, settings: Settings) -> Rendered:
    guest_id = message["guest_id"]
    when = format_date(date.fromisoformat(message["date"])) if message.get("date") else None
    if settings.invitation_template:
        payload = template_payload(
            to, settings.invitation_template, settings.invitation_template_language or "en",
            [message["event_name"], when or DATE_TBA, message.get("location") or LOCATION_TBA],
            [rsvp_payload_id(guest_id, "yes"), rsvp_payload_id(guest_id, "no")],
        )
        return Rendered(payload)
    words = invitation_text(message["first_name"], message["event_name"], when, message.get("location"),
                            reminder=bool(message.get("reminder")))
    payload = buttons_payload(to, words, [(rsvp_payload_id(guest_id, answer), title)
                                          for answer, title in ANSWER_BUTTONS])
    return Rendered(payload, _broadcast(settings, to, {"outside_window": invitation_fallback_text(words)}))
