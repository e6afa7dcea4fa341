"""The role check every operation goes through."""
from __future__ import annotations

import uuid

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from storage.models import Event, EventMember, User

from bot.services.permissions import ACTION_PHRASES, Action, needed_roles_phrase, role_allows
from bot.services.errors import NotAuthorized, NotFound
from bot.text import i18n
from bot.text.i18n import N_, _

EVENT_NOT_FOUND = N_("Event not found.")


def as_uuid(value) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (ValueError, TypeError, AttributeError):
        return None


def get_membership(session: Session, user_id, event_id) -> EventMember | None:
    return session.scalar(
        select(EventMember).where(EventMember.event_id == event_id, EventMember.user_id == user_id)
    )


def require(session: Session, actor: User, event_id, action: Action) -> tuple[Event, EventMember]:
    """The event and the actor's membership, if the actor's role allows `action`.

    A non-member gets NotFound, exactly as for an event that does not exist, and by the
    same single query, so that nobody learns (not even from the time it takes) that
    someone else's event exists.
    """
    eid = as_uuid(event_id)
    found = session.execute(
        select(Event, EventMember)
        .join(EventMember, and_(EventMember.event_id == Event.id, EventMember.user_id == actor.id))
        .where(Event.id == eid)
    ).first() if eid else None
    if found is None:
        raise NotFound(_(EVENT_NOT_FOUND))
    event, member = found
    if not role_allows(member.role, action):
        raise NotAuthorized(_("Only {roles} of {event} can {action}.",
                                roles=i18n.Raw(_(needed_roles_phrase(action))), event=event.name,
                                action=i18n.Raw(_(ACTION_PHRASES[action]))))
    return event, member
