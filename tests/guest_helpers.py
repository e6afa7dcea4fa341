"""Guests and organisers on WhatsApp, for the guest-flow tests.

`GuestPhone(runtime, fake_graph, phone, client=client)` posts signed deliveries through
the real webhook (`client`), lets the worker answer and send (`bot.worker.drain`) and
returns what the fake Graph API received for that phone since the last call. Without a
client it hands the parsed message straight to the guest flow in one transaction, as
the worker does (for tests that are about the guest side alone).
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from bot.worker import drain
from bot.chat import guest as guest_flow
from bot.whatsapp import inbound
from bot.services import events, guests, sending, users
from storage.models import Guest, Message, utcnow
from tests import webhooks
from tests.conftest import TEST_APP_SECRET


class GuestPhone:
    def __init__(self, runtime, fake_graph, phone: str, client=None, name: str = "Test User"):
        self.rt = runtime
        self.graph = fake_graph
        self.phone = phone
        self.client = client
        self.name = name
        self.seen = len(fake_graph.sent_to(phone))
        self.handled: list[bool] = []

    # -- acting -----------------------------------------------------------------------------

    def send(self, text: str) -> list[str]:
        return self._post(webhooks.text_message(self.phone, text, name=self.name))

    def tap(self, reply_id: str, title: str = "button") -> list[str]:
        """A tap on a template quick reply (rsvp:...) or on an interactive button/list row."""
        if reply_id.startswith("rsvp:") and self._last_was_template(reply_id):
            return self._post(webhooks.button_tap(self.phone, reply_id, title, name=self.name))
        kind = "list_reply" if reply_id.startswith("pick:") else "button_reply"
        return self._post(webhooks.interactive_reply(self.phone, reply_id, title, kind=kind, name=self.name))

    def _post(self, delivery: dict) -> list[str]:
        self.graph.open_window(self.phone)
        if self.client is not None:
            body, headers = webhooks.signed(delivery, TEST_APP_SECRET)
            response = self.client.post("/webhook", data=body, headers=headers)
            assert response.status_code == 200, response.get_data(as_text=True)
        else:
            msg = inbound.parse_delivery(delivery).messages[0]
            with self.rt.transaction() as session:
                user = users.get_or_create_user(session, phone=msg.sender_phone,
                                                display_name=msg.profile_name, seen_at=utcnow())
                self.handled.append(guest_flow.handle_guest_message(session, self.rt.settings, user, msg))
        return self.receive()

    # -- reading ----------------------------------------------------------------------------

    def receive(self) -> list[str]:
        """Drain the outbox; the texts this phone got since the last look."""
        drain(self.rt)
        return [m.text for m in self.new_messages()]

    def new_messages(self):
        messages = self.graph.sent_to(self.phone)
        fresh, self.seen = messages[self.seen:], len(messages)
        self.last = fresh or getattr(self, "last", [])
        return fresh

    def all_messages(self):
        return self.graph.sent_to(self.phone)

    def buttons(self) -> list[str]:
        """The reply ids of the last message this phone got that had any."""
        for message in reversed(self.graph.sent_to(self.phone)):
            if message.button_ids:
                return message.button_ids
        return []

    def _last_was_template(self, reply_id: str) -> bool:
        for message in reversed(self.graph.sent_to(self.phone)):
            if reply_id in message.button_ids:
                return message.type == "template"
        return True


def invited_guest(runtime, *, organiser: str, organiser_name: str, event_name: str, phone: str, first: str,
                  last: str, language: str) -> object:
    """An organiser who wrote lately, their event (in 2031, at Tel Aviv Port, its guests reading
    `language`) and one guest, invited and the invitation sent; the guest's id."""
    with runtime.transaction() as s:
        host = users.get_or_create_user(s, phone=organiser, display_name=organiser_name, seen_at=utcnow())
        event = events.create_event(s, host, event_name, date=date(2031, 6, 12), location="Tel Aviv Port")
        event.language = language
        guest = guests.add_guest(s, host, event.id, guests.GuestInput(first_name=first, last_name=last, phone=phone))
        sending.send_invitations(s, host, event.id)
        guest_id = guest.id
    drain(runtime)
    return guest_id


def guest_row(runtime, guest_id) -> Guest:
    with runtime.transaction() as session:
        guest = session.get(Guest, guest_id)
        session.expunge(guest)
        return guest


def inbound_rows(runtime, phone: str) -> list[Message]:
    with runtime.transaction() as session:
        rows = list(session.scalars(select(Message).where(Message.phone == phone, Message.direction == "in")
                                    .order_by(Message.created_at)))
        for row in rows:
            session.expunge(row)
        return rows
