"""A seeded event with one member of each role and an outsider, each holding a token,
and a snapshot of everything stored, to prove that a refused request changed nothing."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from bot.services import events, guests, members, tokens
from bot.services.users import get_or_create_user
from storage.models import ApiToken, Event, EventMember, Guest, Message, SendBatch, User

ADMIN_PHONE = "+972501000001"
EDITOR_PHONE = "+972501000002"
VIEWER_PHONE = "+972501000003"
OUTSIDER_PHONE = "+972501000004"


@dataclass
class World:
    event_id: str
    other_event_id: str      # the outsider's own event
    guest_id: str
    tokens: dict[str, str]   # role name ("admin", "editor", "viewer", "outsider") -> token
    user_ids: dict[str, str] = field(default_factory=dict)

    def headers(self, who: str | None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"} if who else {}


def seed(runtime) -> World:
    with runtime.transaction() as s:
        people = {
            "admin": get_or_create_user(s, phone=ADMIN_PHONE, display_name="Noa"),
            "editor": get_or_create_user(s, phone=EDITOR_PHONE, display_name="Eli"),
            "viewer": get_or_create_user(s, phone=VIEWER_PHONE, display_name="Vered"),
            "outsider": get_or_create_user(s, phone=OUTSIDER_PHONE, display_name="Omer"),
        }
        event = events.create_event(s, people["admin"], "Noa & Eli's wedding", date=date(2027, 6, 12),
                                    location="Tel Aviv")
        members.add_member(s, people["admin"], event.id, EDITOR_PHONE, "editor")
        members.add_member(s, people["admin"], event.id, VIEWER_PHONE, "viewer")
        guest = guests.add_guest(s, people["admin"], event.id, guests.GuestInput(
            first_name="Dana", last_name="Levi", phone="+972502345678", side="bride", party_size=2))
        other = events.create_event(s, people["outsider"], "Omer's birthday")
        guests.add_guest(s, people["outsider"], other.id, guests.GuestInput(first_name="Yoni", phone="+972502222222"))
        issued = {who: tokens.issue_token(s, u) for who, u in people.items()}
        return World(
            event_id=str(event.id), other_event_id=str(other.id), guest_id=str(guest.id), tokens=issued,
            user_ids={who: str(u.id) for who, u in people.items()},
        )


def snapshot(runtime) -> dict:
    """Everything a request could change, in a comparable form (token use times left out)."""
    with runtime.transaction() as s:
        def rows(model, *cols):
            return sorted(tuple(str(getattr(r, c)) for c in cols) for r in s.scalars(select(model)))

        return {
            "users": rows(User, "id", "phone", "display_name"),
            "events": rows(Event, "id", "name", "date", "location", "timezone", "updated_at"),
            "members": rows(EventMember, "event_id", "user_id", "role"),
            "guests": rows(Guest, "id", "event_id", "first_name", "last_name", "phone", "side", "status",
                           "party_size", "notes", "opted_out", "updated_at"),
            "messages": rows(Message, "id", "phone", "body"),
            "batches": rows(SendBatch, "id", "kind", "total"),
            "tokens": rows(ApiToken, "id", "revoked_at"),
        }
