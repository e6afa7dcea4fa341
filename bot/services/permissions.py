"""The one role table: which event role may do which kind of operation.

Every check in the chat and in the REST API goes through `role_allows` and
`roles_for`; nothing else in the code compares role names.
"""
from __future__ import annotations

from enum import Enum

from storage.models import Role


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
    Action.VIEW: "see this event",
    Action.MANAGE_EVENT: "change the event and its members",
    Action.EDIT_GUESTS: "add or edit guests",
    Action.REMOVE_GUESTS: "remove guests",
    Action.SEND: "send messages",
}


def role_allows(role: Role | str | None, action: Action) -> bool:
    if role is None:
        return False
    return Role(role) in PERMISSIONS[action]


def roles_for(action: Action) -> list[Role]:
    """The roles allowed an action, strongest first (for refusals and help)."""
    order = [Role.admin, Role.editor, Role.viewer]
    return [r for r in order if r in PERMISSIONS[action]]


def needed_roles_phrase(action: Action) -> str:
    """'an admin' or 'an admin or editor'."""
    names = [r.value for r in roles_for(action)]
    article = "an" if names[0][0] in "aeiou" else "a"
    return f"{article} {' or '.join(names)}"
