"""Messages the bot sends people because of what someone else did (both edges use these,
so the chat and the REST API tell people the same things).

Each is written in its reader's language (`languages.organiser_language`), not the
language of whoever did the deed; someone who never wrote to the bot reads the event's
language (the team of a Hebrew wedding is told in Hebrew)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from storage.models import Conversation, Event, EventMember, Role, User

from bot.services import languages, outbox
from bot.text import i18n, replies
from bot.text.phones import display_phone


def tell_new_member(session: Session, actor: User, event: Event, member: EventMember) -> None:
    """The new member learns who added them to which event, their role and how to start.

    They may never have written to the bot, so outside the 24-hour window the
    broadcast template carries a short version.
    """
    role = member.role.value
    lang = _reader(member, event, actor)
    if not member.user.language:
        # Someone who never wrote reads everything after this welcome (answers, digests)
        # in its language too, until they write in another.
        member.user.language = lang
    current = _working_on(session, member, event)
    working_on = current.name if current is not None else None
    with i18n.use(lang):
        adder = _who(actor)
        text = replies.welcome_member(event, adder, role, working_on)
        template_text = replies.welcome_member_template_text(event, adder, role, working_on)
    _tell(session, member, event, "member_added", text, template_text, lang)


def _working_on(session: Session, member: EventMember, event: Event) -> Event | None:
    """The other event a new member works on in the chat (*stats*, *help* answer for it), or
    None. Someone on other teams who has not chosen one of them (or whose choice is gone)
    is set to work on the new event, so the welcome's *stats* shows it."""
    others = set(session.scalars(select(EventMember.event_id).where(
        EventMember.user_id == member.user_id, EventMember.event_id != event.id)))
    if not others:
        return None   # their only event: the chat takes it without asking
    conv = session.get(Conversation, member.user_id)
    if conv is not None and conv.current_event_id in others:
        return session.get(Event, conv.current_event_id)
    if conv is None:
        conv = Conversation(user_id=member.user_id)
        session.add(conv)
    conv.current_event_id = event.id
    return None


def tell_removed_member(session: Session, actor: User, event: Event, member: EventMember) -> None:
    """Someone removed from an event's team hears it from the bot, not by silence."""
    lang = _reader(member, event, actor)
    with i18n.use(lang):
        text = replies.removed_member(event, _who(actor))
    _tell(session, member, event, "member_removed", text, text, lang)


def tell_role_changed(session: Session, actor: User, event: Event, member: EventMember,
                      previous: Role | None = None) -> None:
    """A member whose role someone changed hears the new role and what it allows; an admin
    who made themselves editor or viewer is announced to the other admins (they are now
    the ones who can give the role back)."""
    if member.user_id == actor.id:
        if previous == Role.admin and member.role != Role.admin:
            for admin in _admins(session, event, but=actor):
                lang = _reader(admin, event, actor)
                with i18n.use(lang):
                    text = i18n._("👥 {who} stepped down as admin of *{event}*: they're {role} now.",
                                  who=_who(actor), event=event.name, role=i18n.Raw(replies.role_name(member.role)))
                _tell(session, admin, event, "role_changed", text, text, lang)
        return
    lang = _reader(member, event, actor)
    with i18n.use(lang):
        text = i18n._("👥 {who} changed your role in *{event}*: you're now {role}, so you can {can}.",
                      who=_who(actor), event=event.name, role=i18n.Raw(replies.role_name(member.role)),
                      can=i18n.Raw(i18n._(replies.ROLE_CAN[member.role.value])))
    _tell(session, member, event, "role_changed", text, text, lang)


def tell_member_left(session: Session, actor: User, event: Event, role: Role) -> None:
    """The admins hear who left the team (and so can no longer see or send anything)."""
    for admin in _admins(session, event, but=actor):
        lang = _reader(admin, event, actor)
        with i18n.use(lang):
            text = i18n._("👋 {who} ({role}) left the team of *{event}*.", who=_who(actor), event=event.name,
                          role=i18n.Raw(replies.role_name(role)))
        _tell(session, admin, event, "member_left", text, text, lang)


def tell_event_deleted(session: Session, actor: User, event_name: str, members: list[EventMember],
                       event_language: str | None = None) -> None:
    """The rest of the team hears that an event they worked on was deleted, and by whom.
    Called after the deletion: the message belongs to no event any more."""
    for member in members:
        if member.user_id == actor.id:   # everyone else is reachable: a phone or a WhatsApp user id (has_identity)
            continue
        lang = _reader_of(member.user, event_language, actor)
        with i18n.use(lang):
            text = i18n._("🗑 {who} deleted *{event}*, with its guest list and answers.",
                          who=_who(actor), event=event_name)
        outbox.enqueue(session, phone=member.user.phone, message=outbox.text(text, outside_window=text, language=lang),
                       kind="event_deleted", user_id=member.user_id)


def _admins(session: Session, event: Event, but: User) -> list[EventMember]:
    """The event's admins other than `but`, in the order they joined."""
    return list(session.scalars(
        select(EventMember).options(joinedload(EventMember.user))
        .where(EventMember.event_id == event.id, EventMember.role == Role.admin, EventMember.user_id != but.id)
        .order_by(EventMember.created_at)))


def _reader(member: EventMember, event: Event, actor: User) -> str:
    return _reader_of(member.user, event.language, actor)


def _reader_of(user: User, event_language: str | None, actor: User) -> str:
    """The member's own language; for someone who never wrote, the event's (an organiser's
    language: Hebrew or English), else the language of whoever did the deed."""
    if user.language:
        return languages.organiser_language(user)
    if event_language in i18n.ORGANISER_LANGS:
        return event_language
    return languages.organiser_language(actor)


def _who(actor: User) -> str:
    if actor.display_name and actor.phone:
        return i18n.Raw(i18n._("{name} ({phone})", name=actor.display_name, phone=display_phone(actor.phone)))
    return actor.display_name or (display_phone(actor.phone) if actor.phone else i18n._("Someone"))


def _tell(session: Session, member: EventMember, event: Event, kind: str, text: str,
          template_text: str, lang: str) -> None:
    to = member.user.phone
    if not to:
        return
    outbox.enqueue(session, phone=to, message=outbox.text(text, outside_window=template_text, language=lang),
                   kind=kind, event_id=event.id, user_id=member.user_id)
