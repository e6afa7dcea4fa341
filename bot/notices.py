"""Messages the bot sends people because of what someone else did (both edges use these,
so the chat and the REST API tell people the same things)."""
from __future__ import annotations

from sqlalchemy.orm import Session

from storage.models import Event, EventMember, User

from . import outbox, replies, whatsapp
from .phones import display_phone


def tell_new_member(session: Session, settings, actor: User, event: Event, member: EventMember) -> None:
    """The new member learns who added them to which event, their role and how to start.

    They may never have written to the bot, so outside the 24-hour window the
    broadcast template carries a short version.
    """
    to = member.user.phone
    if not to:
        return
    me = actor.display_name or display_phone(actor.phone) if actor.phone else (actor.display_name or "Someone")
    adder = f"{me} ({display_phone(actor.phone)})" if actor.display_name and actor.phone else me
    role = member.role.value
    text = replies.welcome_member(event, adder, role)
    fallback = None
    if settings.broadcast_template:
        language = settings.broadcast_template_language or settings.invitation_template_language
        fallback = whatsapp.template_payload(to, settings.broadcast_template, language,
                                             [replies.welcome_member_template_text(event, adder, role)])
    outbox.enqueue(session, phone=to, payload=whatsapp.text_payload(to, text), kind="member_added",
                   body=text, event_id=event.id, user_id=member.user_id, fallback=fallback)
