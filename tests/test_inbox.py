"""The inbox: nothing a guest writes is lost (notify on or off), organisers read it with
`inbox`, answer with `reply`, see unread counts in `stats`, and get photos and voice notes
as themselves; the guest is told the truth about who will see their message."""
from __future__ import annotations

from datetime import date

from bot.services import events, guests, members, sending, tokens
from bot.services.users import get_or_create_user
from bot.worker import drain
from storage.models import utcnow
from tests import webhooks
from tests.phone import phone, phone_factory  # noqa: F401  (fixtures)

DANA, NOAM, AVI, OMER = "+972521110001", "+972521110002", "+972541234001", "+972501000009"
WEDDING = "Dana & Noam's wedding"


def _setup(runtime, *, dana_seen=True):
    with runtime.transaction() as s:
        dana = get_or_create_user(s, phone=DANA, display_name="Dana", seen_at=utcnow() if dana_seen else None)
        event = events.create_event(s, dana, WEDDING, date=date(2031, 6, 12), location="Tel Aviv Port")
        guest = guests.add_guest(s, dana, event.id, guests.GuestInput(first_name="Avi", last_name="Cohen", phone=AVI))
        sending.send_invitations(s, dana, event.id)
        event_id, guest_id = str(event.id), str(guest.id)
    drain(runtime)
    return event_id, guest_id


def _media(phone, kind: str, body: dict, name="Avi") -> dict:
    return webhooks._message(phone, kind, body, wamid=None, name=name, user_id=None)


def _token(runtime, phone_number: str) -> dict:
    with runtime.transaction() as s:
        user = get_or_create_user(s, phone=phone_number)
        return {"Authorization": f"Bearer {tokens.issue_token(s, user)}"}


def test_with_notify_off_a_question_waits_in_the_inbox_and_the_guest_hears_the_truth(runtime, fake_graph, phone):
    _setup(runtime)
    dana, avi = phone(DANA, "Dana"), phone(AVI, "Avi")
    assert "No more" in dana.send("notify off")
    before = len(dana.received)

    assert avi.send("Can I bring my kids?") == "Thanks! The organisers will see your message."
    assert len(dana.received) == before  # nobody asked to be told, so nobody is

    assert "💬 1 unread message (*inbox*)" in dana.send("stats")
    listing = dana.send("inbox")
    assert "Messages from guests" in listing and "1 new" in listing
    assert "1. 🆕 *Avi Cohen* · " in listing and "“Can I bring my kids?”" in listing
    assert "reply 1" in listing
    assert "unread" not in dana.send("stats")  # read now
    assert "🆕" not in dana.send("inbox")

    assert "Sending your message to Avi Cohen" in dana.send("reply 1 Of course, bring them!")
    assert any("Of course, bring them!" in text for text in avi.texts[-2:])
    assert "1. *Avi Cohen* · " in dana.send("inbox") and "· ↩️ answered" in dana.send("inbox")   # handled


def test_the_inbox_in_hebrew_and_a_hebrew_reply(runtime, fake_graph, phone):
    _setup(runtime)
    dana, avi = phone(DANA, "Dana"), phone(AVI, "Avi")
    dana.send("notify off")
    assert avi.send("יש חניה באולם?") == "תודה! המארגנים יראו את ההודעה שלכם."
    listing = dana.send("הודעות מאורחים")
    assert "הודעות מאורחים" in listing and "חדשה אחת" in listing
    assert "Avi Cohen" in listing and "יש חניה באולם?" in listing
    assert "↩️" not in dana.send("הודעות")
    assert "Avi Cohen" in dana.send("ענה 1 כן, יש חניה בחינם")
    # to Avi alone: 💬, not the 📣 of a message to everyone
    assert any(text.startswith("💬 ") and "כן, יש חניה בחינם" in text for text in avi.texts[-2:])
    assert "· ↩️ נענתה" in dana.send("הודעות")
    assert "אין הודעה 5" in dana.send("ענה 5 שלום")


def test_an_empty_inbox_says_so(runtime, fake_graph, phone):
    _setup(runtime)
    assert "No messages from guests" in phone(DANA, "Dana").send("inbox")


def test_a_photo_reaches_a_notified_organiser_as_a_photo_and_waits_in_the_inbox(runtime, fake_graph, phone):
    _setup(runtime)
    dana, avi = phone(DANA, "Dana"), phone(AVI, "Avi")
    dana.send("events")
    before = len(dana.received)
    replies = avi.post(_media(AVI, "image", {"id": "1456789012345678", "mime_type": "image/jpeg",
                                             "caption": "Is this the venue?"}))
    assert replies == ["Thanks! I've passed your message to the organisers."]
    got = dana.received[before:]
    assert [m.type for m in got] == ["text", "image"]
    assert got[0].text == (f"💬 Avi Cohen (guest of {WEDDING}) sent 📷 photo: “Is this the venue?”\n\n"
                           "To answer: *inbox*, then *reply 1 <text>*.")
    assert got[1].payload["image"]["id"] == "1456789012345678"
    assert "Is this the venue?" in got[1].payload["image"]["caption"]

    listing = dana.send("inbox")
    assert "📷 photo: “Is this the venue?”" in listing


def test_a_voice_note_outside_the_window_is_counted_in_the_template_and_listed(runtime, fake_graph, phone):
    event_id, _ = _setup(runtime, dana_seen=False)
    avi = phone(AVI, "Avi")
    before = len(fake_graph.sent_to(DANA))
    assert avi.post(_media(AVI, "audio", {"id": "998877", "mime_type": "audio/ogg; codecs=opus", "voice": True})) == \
        ["Thanks! I've passed your message to the organisers."]
    got = fake_graph.sent_to(DANA)[before:]
    assert [m.type for m in got] == ["template"]  # no file travels in a template
    assert "voice note" in got[0].text and "1 photo, voice note or file waits in your *inbox*" in got[0].text
    listing = phone(DANA, "Dana").send("inbox")
    assert "[🎤 voice note]" in listing


def test_a_location_is_forwarded_as_a_pin(runtime, fake_graph, phone):
    _setup(runtime)
    dana, avi = phone(DANA, "Dana"), phone(AVI, "Avi")
    dana.send("events")
    before = len(dana.received)
    avi.post(_media(AVI, "location", {"latitude": 32.1, "longitude": 34.8, "name": "Parking lot"}))
    got = dana.received[before:]
    assert [m.type for m in got] == ["text", "location"]
    assert got[1].payload["location"]["latitude"] == 32.1


def test_rest_inbox_lists_items_with_media_and_the_callers_unread(runtime, fake_graph, phone, client):
    event_id, guest_id = _setup(runtime)
    with runtime.transaction() as s:
        dana = get_or_create_user(s, phone=DANA)
        members.add_member(s, dana, event_id, NOAM, "viewer")
    avi = phone(AVI, "Avi")
    avi.send("Is there parking?")
    avi.post(_media(AVI, "image", {"id": "555", "mime_type": "image/jpeg", "caption": "our gift"}))

    r = client.get(f"/api/events/{event_id}/inbox", headers=_token(runtime, NOAM))
    assert r.status_code == 200, r.get_json()
    page = r.get_json()
    assert (page["total"], page["unread"], page["skip"]) == (2, 2, 0)
    photo, question = page["items"]  # newest first
    assert photo["kind"] == "image" and photo["media_id"] == "555" and photo["caption"] == "our gift"
    assert question["kind"] == "text" and question["text"] == "Is there parking?"
    assert question["guest_id"] == guest_id and question["guest_name"] == "Avi Cohen"
    assert question["read"] is False and question["replied"] is False and question["received_at"].endswith("Z")

    r = client.get(f"/api/events/{event_id}/inbox?skip=1&limit=1", headers=_token(runtime, NOAM))
    assert [i["text"] for i in r.get_json()["items"]] == ["Is there parking?"]

    stats = client.get(f"/api/events/{event_id}/stats", headers=_token(runtime, NOAM)).get_json()
    assert stats["inbox_unread"] == 2
    assert client.get(f"/api/events/{event_id}/inbox", headers=_token(runtime, OMER)).status_code == 404
