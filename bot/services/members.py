"""Members of an event and their roles; the last admin always stays."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from storage.models import Event, EventMember, Role, User

from bot.services import notices
from bot.services.permissions import Action
from bot.services.users import get_or_create_user
from bot.services.access import as_uuid, require
from bot.text.phones import display_phone
from bot.text import i18n, replies
from bot.services.errors import InvalidInput, LastAdmin, MemberAlreadyExists, NotFound


def _role(role) -> Role:
    try:
        return Role(str(getattr(role, "value", role)).lower())
    except ValueError:
        raise InvalidInput(i18n._("The role must be admin, editor or viewer."), code="bad_role")


def list_members(session: Session, actor: User, event_id) -> list[EventMember]:
    event, _ = require(session, actor, event_id, Action.VIEW)
    order = {Role.admin: 0, Role.editor: 1, Role.viewer: 2}
    members = session.scalars(
        select(EventMember).options(joinedload(EventMember.user)).where(EventMember.event_id == event.id)
        .order_by(EventMember.created_at)
    ).all()
    return sorted(members, key=lambda m: order[m.role])


def _admin_count(session: Session, event_id) -> int:
    """Admins of the event, their rows locked: two admins demoting each other at once
    cannot leave the event with none."""
    return len(session.scalars(
        select(EventMember.id)
        .where(EventMember.event_id == event_id, EventMember.role == Role.admin)
        .with_for_update()
    ).all())


def add_member(session: Session, actor: User, event_id, phone: str, role=Role.editor) -> EventMember:
    """Adds the person with this phone (E.164) to the event; raises if already a member."""
    event, _ = require(session, actor, event_id, Action.MANAGE_EVENT)
    role = _role(role)
    user = get_or_create_user(session, phone=phone)
    existing = session.scalar(
        select(EventMember).where(EventMember.event_id == event.id, EventMember.user_id == user.id)
    )
    if existing is not None:
        raise MemberAlreadyExists(i18n._("{phone} is already a member of {event} ({role}).",
                                    phone=display_phone(phone), event=event.name,
                                    role=i18n.Raw(replies.role_name(existing.role))))
    # A viewer follows along: a message for every answer is too much unless they ask (*notify on*).
    member = EventMember(event_id=event.id, user_id=user.id, role=role, added_by=actor.id,
                         notify=role != Role.viewer)
    session.add(member)
    session.flush()
    session.refresh(member, ["user"])
    return member


def _get_member(session: Session, event_id, user_id) -> EventMember:
    uid = as_uuid(user_id)
    member = session.scalar(
        select(EventMember).options(joinedload(EventMember.user))
        .where(EventMember.event_id == event_id, EventMember.user_id == uid)
    ) if uid else None
    if member is None:
        raise NotFound(i18n._("Member not found."))
    return member


def _role_change(session: Session, actor: User, event_id, user_id, role) -> tuple[Event, EventMember, Role]:
    event, _ = require(session, actor, event_id, Action.MANAGE_EVENT)
    role = _role(role)
    member = _get_member(session, event.id, user_id)
    if member.role == Role.admin and role != Role.admin and _admin_count(session, event.id) <= 1:
        raise LastAdmin(i18n._("{event} needs at least one admin: make someone else admin first.", event=event.name))
    return event, member, role


def check_role_change(session: Session, actor: User, event_id, user_id, role) -> EventMember:
    """The member whose role would change, after the checks `change_role` makes (the actor
    manages the team; the last admin stays): a question about it is asked only if it can be done."""
    return _role_change(session, actor, event_id, user_id, role)[1]


def change_role(session: Session, actor: User, event_id, user_id, role) -> EventMember:
    """The member now has `role` and hears it from the bot; an admin who stepped down
    themselves is announced to the other admins."""
    event, member, role = _role_change(session, actor, event_id, user_id, role)
    previous = member.role
    member.role = role
    session.flush()
    if previous != role:
        notices.tell_role_changed(session, actor, event, member, previous)
    return member


def remove_member(session: Session, actor: User, event_id, user_id) -> EventMember:
    event, _ = require(session, actor, event_id, Action.MANAGE_EVENT)
    member = _get_member(session, event.id, user_id)
    if member.role == Role.admin and _admin_count(session, event.id) <= 1:
        raise LastAdmin(i18n._("{event} needs at least one admin: make someone else admin first.", event=event.name))
    session.delete(member)
    session.flush()
    return member


def _leaving(session: Session, actor: User, event_id) -> tuple[Event, EventMember]:
    event, member = require(session, actor, event_id, Action.VIEW)
    if member.role == Role.admin and _admin_count(session, event.id) <= 1:
        raise LastAdmin(i18n._("You are the only admin of {event}: make someone else admin before you leave.",
                          event=event.name))
    return event, member


def check_leave(session: Session, actor: User, event_id) -> Event:
    """The event the actor may leave (the last admin may not): asked before `leave_event`."""
    return _leaving(session, actor, event_id)[0]


def leave_event(session: Session, actor: User, event_id) -> str:
    """The actor is off the team; its admins are told who left."""
    event, member = _leaving(session, actor, event_id)
    name, role = event.name, member.role
    session.delete(member)
    session.flush()
    notices.tell_member_left(session, actor, event, role)
    return name
