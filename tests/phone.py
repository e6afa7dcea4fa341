"""A person texting the bot, for end-to-end tests.

`Phone(client, runtime, fake_graph, "+972521234567")` posts signed deliveries through
the real `/webhook` (Flask test client), lets the worker answer what was stored and send
the replies (`bot.worker.drain`) to the fake Graph API over HTTP, and returns the texts
this phone received, as a person would read them.

    dana = phone("+972521234567", "Dana")
    assert "Created" in dana.send("new event Our wedding")
    dana.tap("confirm:yes", "Yes")
"""
from __future__ import annotations

import pytest

from bot.worker import drain
from tests import webhooks
from tests.conftest import TEST_APP_SECRET


class Phone:
    def __init__(self, client, runtime, fake_graph, number: str, name: str | None = "Test User") -> None:
        self.client = client
        self.runtime = runtime
        self.fake = fake_graph
        self.number = number
        self.name = name
        # The worker's clock for what this phone sends (None: the real one). A test sets it to a
        # Friday evening to see what the bot says while Shabbat holds the invitations.
        self.clock = None

    def __repr__(self) -> str:
        return f"Phone({self.number})"

    # ---------------------------------------------------------------- what the phone sees

    @property
    def received(self) -> list:
        """Every message the fake Graph API accepted for this phone (SentMessage)."""
        return self.fake.sent_to(self.number)

    @property
    def texts(self) -> list[str]:
        return [m.text for m in self.received]

    @property
    def last(self) -> str:
        texts = self.texts
        return texts[-1] if texts else ""

    @property
    def last_buttons(self) -> list[str]:
        received = self.received
        return received[-1].button_ids if received else []

    # ---------------------------------------------------------------- what the phone does

    def post(self, payload: dict, *, open_window: bool = True) -> list[str]:
        """Post one delivery as Meta would, send what was queued; the new texts for this phone."""
        if open_window:
            self.fake.open_window(self.number)
        before = len(self.received)
        body, headers = webhooks.signed(payload, TEST_APP_SECRET)
        response = self.client.post("/webhook", data=body, headers=headers)
        assert response.status_code == 200, response.get_data(as_text=True)
        if self.clock is None:
            drain(self.runtime, concurrency=1)
        else:
            drain(self.runtime, concurrency=1, clock=self.clock)
        return [m.text for m in self.received[before:]]

    def send(self, text: str) -> str:
        """Type `text`; the replies, joined (most commands answer with one message)."""
        return "\n---\n".join(self.post(webhooks.text_message(self.number, text, name=self.name)))

    def tap(self, reply_id: str, title: str = "") -> str:
        payload = webhooks.interactive_reply(self.number, reply_id, title or reply_id, name=self.name)
        return "\n---\n".join(self.post(payload))

    def tap_template_button(self, payload: str, text: str) -> str:
        return "\n---\n".join(self.post(webhooks.button_tap(self.number, payload, text, name=self.name)))

    def send_document(self, data: bytes, filename: str = "guests.csv", mime_type: str = "text/csv",
                      media_id: str | None = None, caption: str | None = None) -> str:
        media_id = media_id or f"media{abs(hash((self.number, filename, len(data), id(data))))}"
        self.fake.add_media(media_id, data, mime_type, filename)
        payload = webhooks.document_message(self.number, media_id, filename, mime_type, caption=caption,
                                            name=self.name)
        return "\n---\n".join(self.post(payload))

    def share_contacts(self, contacts: list[tuple[str, str]]) -> str:
        return "\n---\n".join(self.post(webhooks.contacts_message(self.number, contacts, name=self.name)))

    def send_kind(self, name: str) -> str:
        """A stored real-shaped delivery (image, sticker, location, reaction ...) from this phone."""
        payload = webhooks.load(name)
        digits = self.number.lstrip("+")
        for entry in payload["entry"]:
            for change in entry["changes"]:
                value = change["value"]
                for contact in value.get("contacts", []):
                    contact["wa_id"] = digits
                for message in value.get("messages", []):
                    message["from"] = digits
                    message["id"] = webhooks.new_wamid()
        return "\n---\n".join(self.post(payload))


@pytest.fixture
def phone_factory(client, runtime, fake_graph):
    """phone("+972521234567", "Dana") → a Phone writing to this test's app."""

    def make(number: str, name: str | None = "Test User") -> Phone:
        return Phone(client, runtime, fake_graph, number, name)

    return make


@pytest.fixture
def phone(phone_factory):
    return phone_factory
