"""A mother pastes her family under "הוסף אורחים": the titles she typed stay in the names."""
from __future__ import annotations

from datetime import date

import pytest

from bot.chat import intents

TODAY = date(2026, 12, 4)


def pasted(*rows):
    return [(f"{g.first_name} {g.last_name or ''}".strip(), g.party_size)
            for g in intents.understand("הוסף אורחים\n" + "\n".join(rows), "IL", TODAY).command.guests]


@pytest.mark.parametrize("row, name", [("דודה רותי 052-4444444 4 אנשים", "דודה רותי"),
                                       ("סבתא רחל 052-4444444 2 אנשים", "סבתא רחל"),
                                       ("דודה רותי 052-4444444", "דודה רותי")])
def test_a_title_stays_whatever_follows_the_phone(row, name):
    assert pasted(row)[0][0] == name
