"""A reminder reads as a reminder ("we haven't heard from you yet"), not as the invitation
again, wherever the words are ours: inside the guest's 24-hour window, and whenever no
invitation template is configured, in every language guests are written to. Outside the
window the approved invitation template goes, with its buttons: its words are Meta's."""
from __future__ import annotations

from datetime import date

import pytest

from bot.services import events, guests, sending
from bot.services.users import get_or_create_user
from bot.worker import drain
from storage.models import User
from tests import webhooks
from tests.conftest import TEST_APP_SECRET

DANA, RUTH, AVI = "+972541110000", "+972541234001", "+972541234002"


def _invited(rt, fake_graph, language: str = "en", name: str = "Dana & Noam's wedding") -> tuple:
    """Ruth and Avi invited to Dana's wedding (delivered by the fake); (event id, Dana's id, guest ids)."""
    with rt.transaction() as s:
        dana = get_or_create_user(s, phone=DANA, display_name="Dana")
        event = events.create_event(s, dana, name, date=date(2031, 6, 12), location="Tel Aviv Port",
                                    timezone="Asia/Jerusalem", language=language)
        ids = {phone: guests.add_guest(s, dana, event.id, guests.GuestInput(first_name=first, phone=phone)).id
               for first, phone in (("Ruth", RUTH), ("Avi", AVI))}
        sending.send_invitations(s, dana, event.id)
        event_id, dana_id = event.id, dana.id
    drain(rt)
    return event_id, dana_id, ids


def _remind(rt, event_id, dana_id) -> None:
    with rt.transaction() as s:
        sending.send_reminders(s, s.get(User, dana_id), event_id)
    drain(rt)


def _writes(client, fake_graph, phone: str, text: str) -> None:
    fake_graph.open_window(phone)
    body, headers = webhooks.signed(webhooks.text_message(phone, text, name="Ruth"), TEST_APP_SECRET)
    assert client.post("/webhook", data=body, headers=headers).status_code == 200


def test_a_guest_who_wrote_today_is_reminded_in_our_words_with_the_buttons_and_the_others_by_the_template(
        runtime, client, fake_graph):
    event_id, dana_id, ids = _invited(runtime, fake_graph)
    _writes(client, fake_graph, RUTH, "Is there parking at the port?")   # a question, not an answer
    drain(runtime)
    seen_ruth, seen_avi = len(fake_graph.sent_to(RUTH)), len(fake_graph.sent_to(AVI))
    _remind(runtime, event_id, dana_id)

    [to_ruth] = fake_graph.sent_to(RUTH)[seen_ruth:]
    assert to_ruth.type == "interactive"
    assert to_ruth.text.startswith("👋 Ruth, we haven't heard from you yet: are you coming to Dana & Noam's wedding?")
    assert "📍 Tel Aviv Port" in to_ruth.text and to_ruth.text.endswith("Let us know 🙂")
    assert "invited" not in to_ruth.text
    assert to_ruth.button_ids == [sending.rsvp_payload_id(ids[RUTH], a) for a in ("yes", "no", "maybe")]
    # Avi never wrote: only the approved template can reach him, worded as Meta approved it.
    [to_avi] = fake_graph.sent_to(AVI)[seen_avi:]
    assert to_avi.type == "template" and to_avi["template"]["name"] == "event_invitation"
    assert to_avi.button_ids == [sending.rsvp_payload_id(ids[AVI], a) for a in ("yes", "no")]


def test_a_reminder_whose_window_closed_before_it_went_is_the_invitation_template_with_its_buttons(
        runtime, client, fake_graph):
    event_id, dana_id, ids = _invited(runtime, fake_graph)
    _writes(client, fake_graph, RUTH, "Is there parking at the port?")
    drain(runtime)
    seen = len(fake_graph.sent_to(RUTH))
    fake_graph.close_window(RUTH)   # 24 hours went by before it was sent
    _remind(runtime, event_id, dana_id)
    [to_ruth] = fake_graph.sent_to(RUTH)[seen:]
    assert to_ruth.type == "template"
    assert to_ruth.button_ids == [sending.rsvp_payload_id(ids[RUTH], a) for a in ("yes", "no")]


@pytest.mark.parametrize("language, name, expected", [
    ("he", "בר המצווה של איתי", "👋 Ruth, עוד לא שמענו מכם: תגיעו לבר המצווה של איתי?"),
    ("en", "Itai's bar mitzvah", "👋 Ruth, we haven't heard from you yet: are you coming to Itai's bar mitzvah?"),
    ("ar", "حفلة إيتاي", "👋 Ruth، لم نسمع منكم بعد: هل ستحضرون حفلة إيتاي؟"),
    ("ru", "Бар-мицва Итая", "👋 Ruth, мы ещё не получили от вас ответа: придёте на «Бар-мицва Итая»?"),
])
def test_without_an_invitation_template_the_reminder_reads_as_one_in_the_guests_language(
        app_with, fake_graph, language, name, expected):
    rt = app_with(invitation_template=None).extensions["invitebot"]
    fake_graph.window_enforced = False
    event_id, dana_id, _ids = _invited(rt, fake_graph, language=language, name=name)
    invitation = fake_graph.sent_to(RUTH)[-1].text
    _remind(rt, event_id, dana_id)
    reminder = fake_graph.sent_to(RUTH)[-1]
    assert reminder.type == "interactive"
    shown = reminder.text.replace("\u2068", "").replace("\u2069", "")   # the name's direction marks
    assert shown.startswith(expected), reminder.text
    assert reminder.text.split("\n")[0] != invitation.split("\n")[0]
