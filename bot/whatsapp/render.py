"""Neutral outgoing messages (bot.services.outbox) rendered into Cloud API payloads.

The worker calls `render` when it sends a row: the domain said what to send, this says
how WhatsApp carries it. An invitation goes out as the approved invitation template when
one is configured, else as interactive buttons; a message that may reach someone outside
the 24-hour window gets the broadcast template as its fallback (the day-before message its
own utility template, when one is configured).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from bot.config import Settings
from bot.services.sending import rsvp_payload_id
from bot.text import guest_replies as say
from bot.text import i18n
from bot.text.dates import format_when
from bot.whatsapp.client import (buttons_payload, list_payload, location_payload, media_payload, template_payload,
                                 text_payload)


class NotRenderable(ValueError):
    """A stored message this layer cannot turn into a payload (a bug or a corrupt row)."""


@dataclass(frozen=True)
class Rendered:
    payload: dict
    fallback: dict | None = None  # a template to send instead outside the 24-hour window


def is_rendered(message: dict | None) -> bool:
    """Rows queued as Cloud API payloads (a template fallback being retried) are sent as they are."""
    return isinstance(message, dict) and message.get("messaging_product") == "whatsapp"


def template_language(settings: Settings, template: str, lang: str | None) -> str:
    """The Meta language code to send `template` in: the reader's language when the template
    is approved in it, else the first one listed."""
    codes = settings.template_languages(template)
    for code in codes:
        if lang and i18n.normalize(code) == lang:
            return code
    return codes[0]


def render(message: dict | None, to: str, settings: Settings, stored_fallback: dict | None = None) -> Rendered:
    if is_rendered(message):
        return Rendered(message, stored_fallback)
    if not isinstance(message, dict):
        raise NotRenderable("nothing to send (empty payload)")
    kind = message.get("type")
    try:
        if kind == "text" and message.get("day_before") and settings.day_before_template:
            return Rendered(text_payload(to, message["text"]), _day_before(settings, to, message))
        if kind == "text":
            return Rendered(text_payload(to, message["text"]), _broadcast(settings, to, message))
        if kind == "buttons":
            choices = [(b[0], b[1]) for b in message["buttons"]]
            return Rendered(buttons_payload(to, message["text"], choices), _broadcast(settings, to, message))
        if kind == "list":
            rows = [tuple(r) for r in message["rows"]]
            return Rendered(list_payload(to, message["text"], message.get("button") or "Choose", rows,
                                         section_title=message.get("section")), _broadcast(settings, to, message))
        if kind == "invitation":
            return _invitation(message, to, settings)
        if kind == "media":  # inside the 24-hour window only: no template carries a file
            return Rendered(media_payload(to, message["kind"], message["id"], message.get("caption"),
                                          message.get("filename")))
        if kind == "location":
            return Rendered(location_payload(to, message["latitude"], message["longitude"], message.get("name"),
                                             message.get("address")))
    except (KeyError, TypeError, IndexError) as exc:
        raise NotRenderable(f"malformed {kind} message: {exc!r}") from exc
    raise NotRenderable(f"unknown message type {kind!r}")


def _broadcast(settings: Settings, to: str, message: dict) -> dict | None:
    words = message.get("outside_window")
    if not words or not settings.broadcast_template:
        return None
    language = template_language(settings, "broadcast", message.get("language"))
    return template_payload(to, settings.broadcast_template, language, [words])


def _day_before(settings: Settings, to: str, message: dict) -> dict:
    """The day-before message as its own utility template: name, event, when, place, link,
    worded in the language the template is approved in."""
    facts = message["day_before"]
    code = template_language(settings, "day_before", message.get("language"))
    words = i18n.normalize(code) or i18n.SOURCE
    start = time.fromisoformat(facts["time"]) if facts.get("time") else None
    return template_payload(to, settings.day_before_template, code, [
        facts["name"], facts["event"], format_when(date.fromisoformat(facts["date"]), start, words),
        facts.get("place") or say.template_location_tba(words), facts.get("link") or "-"])


def _invitation(message: dict, to: str, settings: Settings) -> Rendered:
    """The approved invitation template when there is one; else (and for a reminder to a guest
    inside the 24-hour window, with the template as its fallback) our own words with buttons,
    which read as a reminder when it is one. The template's words are Meta's approved ones."""
    guest_id = message["guest_id"]
    lang = i18n.normalize(message.get("language")) or i18n.SOURCE
    event_date = date.fromisoformat(message["date"]) if message.get("date") else None
    start = time.fromisoformat(message["time"]) if message.get("time") else None
    template = None
    if settings.invitation_template:
        code = template_language(settings, "invitation", lang)
        words = i18n.normalize(code) or i18n.SOURCE  # the parameters read in the template's language
        template = template_payload(
            to, settings.invitation_template, code,
            [message["event_name"],
             format_when(event_date, start, words) if event_date else say.template_date_tba(words),
             message.get("location") or say.template_location_tba(words)],
            [rsvp_payload_id(guest_id, "yes"), rsvp_payload_id(guest_id, "no")],
        )
        if not (message.get("reminder") and message.get("inside_window")):
            return Rendered(template)
    when = format_when(event_date, start, lang) if event_date else None
    words = say.invitation_text(lang, message["first_name"], message["event_name"], when, message.get("location"),
                                reminder=bool(message.get("reminder")))
    payload = buttons_payload(to, words, [(rsvp_payload_id(guest_id, answer), title)
                                          for answer, title in say.answer_buttons(lang)])
    if template is not None:
        return Rendered(payload, template)   # the window closed before it went: the template, with its buttons
    fallback_words = say.invitation_fallback_text(lang, words)
    return Rendered(payload, _broadcast(settings, to, {"outside_window": fallback_words, "language": lang}))
