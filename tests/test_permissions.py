"""The whole role matrix of SPEC's Roles section, as one table."""
from __future__ import annotations

import pytest

from bot.services.permissions import Action, needed_roles_phrase, role_allows

Y, N = True, False
MATRIX = {
    #                    admin editor viewer non-member
    Action.VIEW:          (Y, Y, Y, N),
    Action.MANAGE_EVENT:  (Y, N, N, N),
    Action.EDIT_GUESTS:   (Y, Y, N, N),
    Action.REMOVE_GUESTS: (Y, N, N, N),
    Action.SEND:          (Y, Y, Y, N),
}


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("column, role", list(enumerate(["admin", "editor", "viewer", None])))
def test_role_matrix(action, column, role):
    assert role_allows(role, action) is MATRIX[action][column]


def test_refusals_name_the_role_needed():
    assert needed_roles_phrase(Action.REMOVE_GUESTS) == "an admin"
    assert needed_roles_phrase(Action.EDIT_GUESTS) == "an admin or editor"
