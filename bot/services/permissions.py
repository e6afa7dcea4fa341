"""The one role table: which event role may do which kind of operation.

Every check in the chat and in the REST API goes through `role_allows` and
`roles_for`; nothing else in the code compares role names.
"""
from __future__ import annotations

from enum import Enum

from storage.models import Role

from bot.text.i18n import N_


class Action(str, Enum):
    VIEW = "view"                    # view event, guests, stats, members
    MANAGE_EVENT = "manage_event"    # edit or delete the event, manage members and roles
    EDIT_GUESTS = "edit_guests"      # add, edit, import guests; mark an RSVP by hand
    REMOVE_GUESTS = "remove_guests"  # remove a guest
    SEND = "send"                    # message one guest, invite, remind, broadcast


PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.VIEW: frozenset({Role.admin, Role.editor, Role.viewer}),
    Action.MANAGE_EVENT: frozenset({Role.admin}),
    Action.EDIT_GUESTS: frozenset({Role.admin, Role.editor}),
    Action.REMOVE_GUESTS: frozenset({Role.admin}),
    Action.SEND: frozenset({Role.admin, Role.editor, Role.viewer}),
}

# What a refusal says the caller was trying to do ("Only an admin of X can remove guests").
ACTION_PHRASES: dict[Action, str] = {
    Action.VIEW: N_("see this event"),
    Action.MANAGE_EVENT: N_("change the event and its members"),
    Action.EDIT_GUESTS: N_("add or edit guests"),
    Action.REMOVE_GUESTS: N_("remove guests"),
    Action.SEND: N_("send messages"),
}


def role_allows(role: Role | str | None, action: Action) -> bool:
    if role is None:
        return False
    return Role(role) in PERMISSIONS[action]


def roles_for(action: Action) -> list[Role]:
    """The roles allowed an action, strongest first (for refusals and help)."""
    order = [Role.admin, Role.editor, Role.viewer]
    return [r for r in order if r in PERMISSIONS[action]]


# Who may do something, as a refusal names them (English msgids: `_()` them to show).
_ROLES_PHRASES = {
    (Role.admin,): N_("an admin"),
    (Role.admin, Role.editor): N_("an admin or editor"),
    (Role.admin, Role.editor, Role.viewer): N_("an admin or editor or viewer"),
}


def needed_roles_phrase(action: Action) -> str:
    """'an admin' or 'an admin or editor' (an English msgid)."""
    roles = tuple(roles_for(action))
    if roles in _ROLES_PHRASES:
        return _ROLES_PHRASES[roles]
    names = [r.value for r in roles]
    article = "an" if names[0][0] in "aeiou" else "a"
    return f"{article} {' or '.join(names)}"
