"""Someone known only by a business-scoped user id (BSUID, no phone number) is answered
like anyone else, end to end: the real webhook, the worker, the outbox sent over HTTP to
the fake Graph API, which takes ``"recipient": "<BSUID>"`` in place of ``"to"`` and answers
the way Meta does (``contacts[].input`` / ``contacts[].user_id``)."""
from __future__ import annotations

import logging

import requests
from sqlalchemy import select

from bot.whatsapp.client import mask_recipient, text_payload, template_payload
from bot.worker import drain
from bot.worker.answering import drain_inbox
from storage.models import Direction, Guest, Message, MessageStatus, RsvpStatus, User
from tests import webhooks
from tests.conftest import TEST_APP_SECRET
from tests.phone import Phone, phone, phone_factory  # noqa: F401  (fixtures)

BSUID = "US.13491208655302741918"
OTHER_BSUID = "IL.99887766554433221100"
DANA = "+972541110000"
RUTH = "+972521111111"


class UserIdOnly:
    """A WhatsApp user who writes with a username: Meta names them by their BSUID alone."""

    def __init__(self, client, runtime, fake_graph, user_id: str, name: str = "Ruth") -> None:
        self.client, self.runtime, self.fake = client, runtime, fake_graph
        self.user_id, self.name = user_id, name

    @property
    def received(self) -> list:
        return self.fake.sent_to(self.user_id)

    def post(self, payload: dict) -> None:
        self.fake.open_window(self.user_id)  # they wrote: the 24-hour window is open
        body, headers = webhooks.signed(payload, TEST_APP_SECRET)
        assert self.client.post("/webhook", data=body, headers=headers).status_code == 200
        drain(self.runtime, concurrency=1)

    def send(self, text: str) -> str:
        before = len(self.received)
        self.post(webhooks.text_message(None, text, name=self.name, user_id=self.user_id))
        return "\n---\n".join(m.text for m in self.received[before:])

    def tap_template_button(self, payload: str, text: str, context_wamid: str) -> None:
        self.post(webhooks.button_tap(None, payload, text, context_wamid=context_wamid, name=self.name,
                                      user_id=self.user_id))


def _user_id_only(client, runtime, fake_graph, user_id: str = BSUID) -> UserIdOnly:
    return UserIdOnly(client, runtime, fake_graph, user_id)


def _invite_ruth(phone) -> tuple[Phone, object]:
    """Dana's wedding with Ruth invited at her number; (Dana, the invitation Ruth got)."""
    dana = phone(DANA, "Dana")
    dana.send("new event Dana & Noam's wedding\ndate: 12/6/2031\nlocation: Tel Aviv Port")
    dana.send(f"add guest Ruth Levi {RUTH}")
    dana.send("invite")
    assert "Sending 1 invitation" in dana.tap("confirm:yes", "Yes")
    invitation = dana.fake.sent_to(RUTH)[-1]
    assert invitation.type == "template"
    return dana, invitation


def _guest(runtime, phone_number: str = RUTH) -> Guest:
    with runtime.transaction() as s:
        guest = s.scalar(select(Guest).where(Guest.phone == phone_number))
        s.expunge(guest)
        return guest


# --------------------------------------------------------------------------- the organiser side


def test_someone_known_only_by_a_user_id_is_welcomed_at_that_id(client, runtime, fake_graph, caplog):
    stranger = _user_id_only(client, runtime, fake_graph)
    with caplog.at_level(logging.DEBUG, logger="bot"):
        reply = stranger.send("hi")
    assert reply and "new event" in reply
    body = stranger.received[0].payload
    assert body["recipient"] == BSUID and "to" not in body
    assert body["messaging_product"] == "whatsapp" and body["recipient_type"] == "individual"
    # the id is shortened in every log line, the webhook's, the answering's and the sender's
    assert "US.1349..." in caplog.text and BSUID not in caplog.text


def test_someone_known_only_by_a_user_id_runs_an_event_and_invites(client, runtime, fake_graph):
    organiser = _user_id_only(client, runtime, fake_graph)
    assert "Created *Garden party*" in organiser.send("new event Garden party")
    assert "Ruth Levi" in organiser.send(f"add guest Ruth Levi {RUTH}")
    assert "Send the invitation to 1 guest of Garden party?" in organiser.send("invite")
    assert "Sending 1 invitation" in organiser.send("yes")
    # the invitation goes to the guest's number, as always
    invitation = fake_graph.sent_to(RUTH)[0]
    assert invitation.type == "template" and invitation["to"] == RUTH.lstrip("+")
    assert "Garden party" in organiser.send("stats")
    assert all(m.get("recipient") == BSUID and "to" not in m.payload for m in organiser.received)


def test_an_organiser_known_only_by_a_user_id_hears_when_a_guest_answers(client, runtime, fake_graph, phone):
    organiser = _user_id_only(client, runtime, fake_graph)
    organiser.send("new event Garden party")
    organiser.send(f"add guest Ruth Levi {RUTH}")
    organiser.send("invite")
    organiser.send("yes")
    told = len(organiser.received)
    ruth = phone(RUTH, "Ruth")
    ruth.send("yes, we are 2")
    drain(runtime, concurrency=1)
    heard = [m.text for m in organiser.received[told:]]
    assert any("Ruth Levi" in text and "2" in text for text in heard), heard
    assert all(m.get("recipient") == BSUID for m in organiser.received[told:])


# --------------------------------------------------------------------------- the guest side


def test_a_guest_whose_user_carries_the_id_is_known_by_it(client, runtime, fake_graph, phone):
    _invite_ruth(phone)
    ruth = phone(RUTH, "Ruth")
    # Ruth wrote once with both her number and her id: her user carries both
    ruth.post(webhooks.text_message(RUTH, "hello", name="Ruth", user_id=BSUID))
    # then with the id alone (she took a username): she is still Ruth, the guest
    as_id = _user_id_only(client, runtime, fake_graph)
    before = len(ruth.received)
    fake_graph.open_window(RUTH)
    as_id.send("yes, we are 2")
    assert _guest(runtime).status == RsvpStatus.confirmed and _guest(runtime).party_size == 2
    assert ruth.texts[before:][0].startswith("🎉 Wonderful, Ruth! You're coming to Dana & Noam's wedding: 2 people.")


def test_a_tap_on_the_invitation_makes_the_user_id_that_guest(client, runtime, fake_graph, phone):
    dana, invitation = _invite_ruth(phone)
    guest = _guest(runtime)
    told = len(dana.received)
    ruth = _user_id_only(client, runtime, fake_graph)
    fake_graph.open_window(RUTH)  # Meta opens the window for the person, however named
    ruth.tap_template_button(f"rsvp:{guest.id}:yes", "Yes", context_wamid=invitation.wamid)
    assert _guest(runtime).status == RsvpStatus.confirmed
    # The invitation went to her number, so that is her number: answered there, by the guest side
    asked = fake_graph.sent_to(RUTH)[-1]
    assert asked.text.startswith("🎉 Wonderful, Ruth! How many people are coming to Dana & Noam's wedding")
    # and what she types later, with her id alone, is a guest's answer too
    ruth.send("3")
    assert _guest(runtime).party_size == 3
    assert fake_graph.sent_to(RUTH)[-1].text == "👍 Got it: 3 people for Dana & Noam's wedding. Thank you!"
    with runtime.transaction() as s:
        user = s.scalar(select(User).where(User.wa_user_id == BSUID))
        assert user.phone == RUTH
    assert any("Ruth Levi" in text for text in dana.texts[told:])  # her organiser hears of it


def test_a_tap_by_id_when_the_number_has_a_user_already_is_answered_as_that_user(client, runtime, fake_graph,
                                                                                   phone):
    _, invitation = _invite_ruth(phone)
    ruth = phone(RUTH, "Ruth")
    ruth.send("hello")  # Ruth wrote by number alone before: her number has a user of its own
    as_id = _user_id_only(client, runtime, fake_graph)
    as_id.send("hi")  # and a user of its own for her id (nothing tells they are one person yet)
    before = len(ruth.received)
    as_id.tap_template_button(f"rsvp:{_guest(runtime).id}:no", "No", context_wamid=invitation.wamid)
    assert _guest(runtime).status == RsvpStatus.declined
    assert ruth.texts[before:][0].startswith("Thanks for letting us know, Ruth.")


def test_a_tap_naming_a_guest_on_another_message_is_not_taken(client, runtime, fake_graph, phone):
    dana, invitation = _invite_ruth(phone)
    guest = _guest(runtime)
    stranger = _user_id_only(client, runtime, fake_graph, OTHER_BSUID)
    stranger.send("hi")
    # A payload naming Ruth, on a message that did not go to Ruth's number (the welcome)
    stranger.tap_template_button(f"rsvp:{guest.id}:yes", "Yes", context_wamid=stranger.received[0].wamid)
    assert _guest(runtime).status == RsvpStatus.invited
    assert stranger.received[-1].text.startswith("Sorry, I couldn't match that button to an invitation")
    assert stranger.received[-1].get("recipient") == OTHER_BSUID
    with runtime.transaction() as s:
        assert s.scalar(select(User.phone).where(User.wa_user_id == OTHER_BSUID)) is None


# --------------------------------------------------------------------------- sends and statuses


def test_status_webhooks_naming_the_user_id_update_the_message(client, runtime, fake_graph):
    stranger = _user_id_only(client, runtime, fake_graph)
    stranger.send("hi")
    wamid = stranger.received[0].wamid
    for status in ("sent", "delivered", "read"):
        stranger.post(webhooks.status(wamid, status, None, user_id=BSUID))
    drain_inbox(runtime)
    with runtime.transaction() as s:
        assert s.scalar(select(Message.status).where(Message.wamid == wamid)) == MessageStatus.read


def test_a_message_meta_will_not_send_to_a_user_id_fails_with_a_reason(client, runtime, fake_graph):
    fake_graph.fail_number(BSUID, 131062)
    stranger = _user_id_only(client, runtime, fake_graph)
    assert stranger.send("hi") == ""
    with runtime.transaction() as s:
        failed = s.scalar(select(Message).where(Message.direction == Direction.outbound))
        assert failed.status == MessageStatus.failed and failed.error_code == 131062
        assert "invalid recipient" in failed.error_text


def test_the_payloads_and_the_fake_answer_as_meta_does(fake_graph):
    assert text_payload(BSUID, "hi")["recipient"] == BSUID
    assert "recipient" not in text_payload(RUTH, "hi") and text_payload(RUTH, "hi")["to"] == RUTH[1:]
    template = template_payload("US.ENT.11815799212886844830", "event_update", "en", ["news"])
    assert template["recipient"] == "US.ENT.11815799212886844830" and "to" not in template
    assert mask_recipient(BSUID) == "US.1349..." and mask_recipient(RUTH) == "+972*******11"

    url = f"{fake_graph.base_url}/{fake_graph.api_version}/{fake_graph.phone_number_id}/messages"
    auth = {"Authorization": f"Bearer {fake_graph.access_token}"}
    fake_graph.open_window(BSUID)
    fake_graph.open_window(RUTH)
    by_id = requests.post(url, headers=auth, json=text_payload(BSUID, "hi"), timeout=5).json()
    assert by_id["contacts"] == [{"input": BSUID, "user_id": BSUID}]
    assert by_id["messages"][0]["id"].startswith("wamid.")
    by_phone = requests.post(url, headers=auth, json=text_payload(RUTH, "hi"), timeout=5).json()
    assert by_phone["contacts"] == [{"input": RUTH[1:], "wa_id": RUTH[1:]}]
    # both given: "to" wins, as at Meta
    both = {**text_payload(RUTH, "hi"), "recipient": BSUID}
    assert requests.post(url, headers=auth, json=both, timeout=5).json()["contacts"][0]["wa_id"] == RUTH[1:]
    # neither, or a recipient that is no user id: refused
    nobody = {k: v for k, v in text_payload(RUTH, "hi").items() if k != "to"}
    assert requests.post(url, headers=auth, json=nobody, timeout=5).json()["error"]["code"] == 100
    assert requests.post(url, headers=auth, json={**nobody, "recipient": "12345"},
                         timeout=5).json()["error"]["code"] == 100
    assert [m.to for m in fake_graph.sent] == [BSUID, RUTH[1:], RUTH[1:]]
