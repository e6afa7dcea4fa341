"""Who someone writing in is to the bot: an organiser of any event, anyone's guest, or both.

Asked once for every message (the chat routes by it). The answering worker answers a batch
of senders in one transaction and reads, for all of them at once, their roles, their guest
rows with the events and their stored conversations (`load_roles`); anything else asks for
one sender (`roles`). What was learnt is kept for the transaction and forgotten as soon as
the session adds or removes a guest, a member or an event, or changes a guest's number, so
a guest added by one message of a batch is a guest to the next.
"""
from __future__ import annotations

from typing import Iterable

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from storage.models import Conversation, Event, EventMember, Guest, User

from bot.services.outbox import OUTBOX_BLIND

_KEY = "senders.roles"
_INVITATIONS = "senders.invitations"
_CONVERSATIONS = "senders.conversations"


def roles(session: Session, user: User) -> tuple[bool, bool]:
    """(organises an event, is invited to one) for `user`."""
    known = session.info.get(_KEY, {}).get(user.id)
    if known is not None:
        return known
    member = select(EventMember.id).where(EventMember.user_id == user.id).limit(1)
    guest = select(Guest.id).where(Guest.phone == user.phone).limit(1)
    member_somewhere, guest_somewhere = session.execute(
        select(member.exists(), guest.exists()).execution_options(**OUTBOX_BLIND)).one()
    return bool(member_somewhere), bool(guest_somewhere)


def invitations(session: Session, phone: str) -> list[tuple[Guest, Event]] | None:
    """The guest rows of `phone` with their events, when `load_roles` read them (None: ask)."""
    return session.info.get(_INVITATIONS, {}).get(phone)


def conversation(session: Session, user_id) -> tuple[bool, Conversation | None]:
    """(known, the stored conversation or None) of a sender `load_roles` read."""
    known = session.info.get(_CONVERSATIONS, {})
    return (True, known[user_id]) if user_id in known else (False, None)


def load_roles(session: Session, users: Iterable[User]) -> None:
    """Learn the roles, invitations and conversations of several senders at once, three
    statements for them all (see the module's docstring)."""
    users = [u for u in users if u is not None]
    if not users:
        return
    ids = {u.id for u in users}
    phones = {u.phone for u in users if u.phone}
    members = set(session.scalars(select(EventMember.user_id).where(EventMember.user_id.in_(ids))
                                  .distinct().execution_options(**OUTBOX_BLIND)))
    invited: dict[str, list] = {phone: [] for phone in phones}
    if phones:
        for guest, its_event in session.execute(select(Guest, Event).join(Event, Event.id == Guest.event_id)
                                            .where(Guest.phone.in_(phones)).execution_options(**OUTBOX_BLIND)):
            invited[guest.phone].append((guest, its_event))
    stored = {c.user_id: c for c in session.scalars(
        select(Conversation).where(Conversation.user_id.in_(ids)).execution_options(**OUTBOX_BLIND))}
    known = session.info.setdefault(_KEY, {})
    session.info.setdefault(_INVITATIONS, {}).update(invited)
    conversations = session.info.setdefault(_CONVERSATIONS, {})
    for u in users:
        known[u.id] = (u.id in members, bool(invited.get(u.phone)))
        conversations[u.id] = stored.get(u.id)


def _forget(session: Session) -> None:
    for key in (_KEY, _INVITATIONS, _CONVERSATIONS):
        session.info.pop(key, None)


def _changes_roles(session: Session) -> bool:
    for obj in (*session.new, *session.deleted):
        if isinstance(obj, (EventMember, Guest, Event)):
            return True
    return any(isinstance(obj, Guest) and inspect(obj).attrs.phone.history.has_changes() for obj in session.dirty)


@event.listens_for(Session, "before_flush")
def _forget_on_flush(session: Session, flush_context, instances) -> None:
    if session.info.get(_KEY) and _changes_roles(session):
        _forget(session)


@event.listens_for(Session, "do_orm_execute")
def _forget_on_bulk(state) -> None:
    if (state.is_update or state.is_delete or state.is_insert) and state.session.info.get(_KEY) and (
            state.bind_mapper is None or state.bind_mapper.class_ in (EventMember, Guest, Event, Conversation)):
        _forget(state.session)
