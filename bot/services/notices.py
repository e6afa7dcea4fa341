"""Messages the bot sends people because of what someone else did (both edges use these,
so the chat and the REST API tell people the same things)."""
from __future__ import annotations

from sqlalchemy.orm import Session

from storage.models import Event, EventMember, User

from bot.services import outbox
from bot.text import replies
from bot.text.phones import display_phone


def tell_new_member(session: Session, actor: User, event: Event, member: EventMember) -> None:
    """The new member learns who added them to which event, their role and how to start.

    They may never have written to the bot, so outside the 24-hour window the
    broadcast template carries a short version.
    """
    role = member.role.value
    adder = _who(actor)
    _tell(session, member, event, "member_added", replies.welcome_member(event, adder, role),
          replies.welcome_member_template_text(event, adder, role))


def tell_removed_member(session: Session, actor: User, event: Event, member: EventMember) -> None:
    """Someone removed from an event's team hears it from the bot, not by silence."""
    text = replies.removed_member(event, _who(actor))
    _tell(session, member, event, "member_removed", text, text)


def _who(actor: User) -> str:
    if actor.display_name and actor.phone:
        return f"{actor.display_name} ({display_phone(actor.phone)})"
    return actor.display_name or (display_phone(actor.phone) if actor.phone else "Someone")


def _tell(session: Session, member: EventMember, event: Event, kind: str, text: str,
          template_text: str) -> None:
    to = member.user.phone
    if not to:
        return
    outbox.enqueue(session, phone=to, message=outbox.text(text, outside_window=template_text), kind=kind,
                   event_id=event.id, user_id=member.user_id)
