"""Guests answer on WhatsApp, end to end: the organiser invites by chat, guests tap and
type through the real webhook, the worker sends through the fake Graph API, and the
organiser's `stats`, the REST stats and the final tally agree with what guests said."""
from __future__ import annotations

from sqlalchemy import select

from bot.worker import clock as scheduler
from bot.services import tokens
from storage.models import Event, Guest, User
from tests import webhooks
from tests.conftest import TEST_APP_SECRET
from tests.phone import phone, phone_factory  # noqa: F401  (fixtures)

DANA = "+972541110000"
AVI = "+972541234001"
BEA = "+972541234002"
CY = "+972541234003"


def _guest_id(runtime, phone_number: str, event_name: str | None = None):
    with runtime.transaction() as s:
        q = select(Guest.id).join(Event, Event.id == Guest.event_id).where(Guest.phone == phone_number)
        if event_name:
            q = q.where(Event.name == event_name)
        return s.scalar(q)


def _rest_stats(client, runtime, event_name: str) -> dict:
    with runtime.transaction() as s:
        token = tokens.issue_token(s, s.scalar(select(User).where(User.phone == DANA)))
        event_id = s.scalar(select(Event.id).where(Event.name == event_name))
    response = client.get(f"/api/events/{event_id}/stats", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def _status(delivery_wamid: str, status: str, to: str) -> dict:
    return webhooks.status(delivery_wamid, status, to)


def test_the_whole_flow(client, runtime, fake_graph, phone):
    dana = phone(DANA, "Dana")
    dana.send("new event Dana & Noam's wedding\ndate: 12/6/2031\nlocation: Tel Aviv Port")
    dana.send(f"add guests\nAvi Cohen {AVI}\nBea Levi {BEA}\nCy Mor {CY}")
    question = dana.send("invite")
    assert "Send the invitation to 3 guests of Dana & Noam's wedding?" in question
    assert "Sending 3 invitations" in dana.tap("confirm:yes", "Yes")
    # Meta redelivers the tap and Dana confirms again: nobody gets a second invitation
    dana.tap("confirm:yes", "Yes")
    assert [len(fake_graph.sent_to(p)) for p in (AVI, BEA, CY)] == [1, 1, 1]

    invitation = fake_graph.sent_to(AVI)[0]
    assert invitation.type == "template"
    assert invitation.text == "Dana & Noam's wedding | Thu 12 Jun 2031 | Tel Aviv Port"
    avi_id, bea_id, cy_id = (_guest_id(runtime, p) for p in (AVI, BEA, CY))

    # the worker's clock: every invitation is final, so Dana hears the tally once
    scheduler.tick(runtime)
    scheduler.tick(runtime)
    tally = dana.post(webhooks.text_message(DANA, "stats", name="Dana"))
    assert "✅ Invitations for Dana & Noam's wedding are out: 3 sent." in tally

    avi = phone(AVI, "Avi")
    assert avi.tap_template_button(f"rsvp:{avi_id}:yes", "Yes") == (
        "🎉 Wonderful, Avi! How many people are coming to Dana & Noam's wedding, including you?")
    assert avi.send("we are 3") == "👍 Got it: 3 people for Dana & Noam's wedding. Thank you!"

    bea = phone(BEA, "Bea")
    assert bea.tap_template_button(f"rsvp:{bea_id}:no", "No").startswith(
        "Thanks for letting us know, Bea. You're down as not coming")

    cy = phone(CY, "Cy")
    assert cy.send("כן") == "🎉 איזה כיף, \u2068Cy\u2069! כמה תגיעו ל-\u2068Dana & Noam's wedding\u2069 בסך הכול, כולל אתכם?"
    assert cy.send("2") == "👍 רשמנו: שני אנשים ל-\u2068Dana & Noam's wedding\u2069. תודה!"

    # Bea changes her mind
    assert bea.tap_template_button(f"rsvp:{bea_id}:yes", "Yes").startswith("🎉 Wonderful, Bea! How many")
    assert bea.tap(f"party:{bea_id}:1", "Just me") == "👍 Got it: 1 person for Dana & Noam's wedding. Thank you!"

    notices = [t for t in dana.texts if "Dana & Noam's wedding (" in t]
    assert "Avi Cohen: ✅ coming, 3 people — Dana & Noam's wedding (1 confirmed, 3 people)" in notices
    assert "Bea Levi: ✅ coming (changed: was not coming) — Dana & Noam's wedding (3 confirmed, 6 people)" in notices

    stats_reply = dana.send("stats")
    assert "✅ 3 confirmed" in stats_reply and "❌ 0 declined" in stats_reply
    assert "6 people expected" in stats_reply
    rest = _rest_stats(client, runtime, "Dana & Noam's wedding")
    assert rest["by_status"] == {"invited": 0, "confirmed": 3, "declined": 0}
    assert rest["expected_headcount"] == 6
    assert rest["invitations"]["sent"] == 3


def test_failed_invitations_are_in_the_tally_and_in_guests_failed(client, runtime, fake_graph, phone):
    dana = phone(DANA, "Dana")
    dana.send("new event Party\ndate: 1/9/2031")
    dana.send(f"add guests\nAvi Cohen {AVI}\nBea Levi {BEA}")
    fake_graph.fail_number(BEA, 131026)
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    scheduler.tick(runtime)
    tally = dana.post(webhooks.text_message(DANA, "guests failed", name="Dana"))
    assert ("⚠️ Invitations for Party are out: 1 sent, 1 failed (1 not on WhatsApp). "
            "Send *guests failed* for the list.") in tally
    assert any("Bea Levi" in t and "not on WhatsApp" in t for t in tally)


def test_a_guest_of_two_events_answers_each_and_is_asked_which(client, runtime, fake_graph, phone):
    dana = phone(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2031")
    dana.send(f"add guest Avi Cohen {AVI}")
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    omer = phone("+972541110009", "Omer")
    omer.send("new event Bar mitzvah\ndate: 1/9/2031")
    omer.send(f"add guest Avi Cohen {AVI}")
    omer.send("invite")
    omer.tap("confirm:yes", "Yes")

    avi = phone(AVI, "Avi")
    wedding, bar_mitzvah = _guest_id(runtime, AVI, "Wedding"), _guest_id(runtime, AVI, "Bar mitzvah")
    assert [m.button_ids[0] for m in avi.received] == [f"rsvp:{wedding}:yes", f"rsvp:{bar_mitzvah}:yes"]
    assert "not coming to Wedding" in avi.tap_template_button(f"rsvp:{wedding}:no", "No")
    avi.tap_template_button(f"rsvp:{bar_mitzvah}:yes", "Yes")
    assert "Got it: 2 people for Bar mitzvah" in avi.send("2")

    assert avi.send("maybe") == "You're invited to more than one event. Which one is this answer for?"
    assert avi.last_buttons == [f"pick:{wedding}", f"pick:{bar_mitzvah}"]
    picked = avi.post(webhooks.interactive_reply(AVI, f"pick:{wedding}", "Wedding", kind="list_reply"))
    assert picked == ["No problem, Avi. We'll check in again closer to Wedding. Reply yes or no when you know."]
    assert "Avi Cohen: ✅ coming, 2 people — Bar mitzvah" in "\n".join(omer.texts)
    assert dana.texts[-1] == "Avi Cohen: 🤔 maybe (changed: was not coming) — Wedding (0 confirmed, 0 people)"
    assert "⏳ 1 pending" in dana.send("stats")
    assert "✅ 1 confirmed" in omer.send("stats")


def test_stop_is_honoured_by_invite_remind_and_broadcast(client, runtime, fake_graph, phone):
    dana = phone(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2031")
    dana.send(f"add guests\nAvi Cohen {AVI}\nBea Levi {BEA}")
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    avi = phone(AVI, "Avi")
    assert avi.send("stop") == "You won't get more messages from us. Send START to undo."
    dana.send(f"add guest Cy Mor {CY}")
    cy = phone(CY, "Cy")
    assert cy.send("STOP") == "You won't get more messages from us. Send START to undo."

    assert "nobody" in dana.send("invite").lower() or "no one" in dana.send("invite").lower()
    remind = dana.send("remind")
    assert "Send a reminder to 1 guest of Wedding" in remind and "1 opted out" in remind
    dana.tap("confirm:yes", "Yes")
    broadcast = dana.send("broadcast Parking at gate 3")
    assert "Send this to 1 guest of Wedding" in broadcast and "2 opted out" in broadcast
    dana.tap("confirm:yes", "Yes")
    assert len(avi.received) == 2                # the invitation and the stop confirmation
    assert len(cy.received) == 1                 # the stop confirmation only
    bea = fake_graph.sent_to(BEA)
    # Bea never wrote to us: outside the 24-hour window the broadcast template carries the text
    assert [m.type for m in bea] == ["template", "template", "template"]
    assert [m.text for m in bea[1:]] == ["Wedding | Thu 12 Jun 2031 | to be announced", "📣 Wedding: Parking at gate 3"]

    assert avi.send("start") == "Welcome back! You'll get messages about your invitations again."
    dana.send("broadcast See you soon")
    dana.tap("confirm:yes", "Yes")
    assert avi.last == "📣 Wedding: See you soon"


def test_a_redelivered_tap_counts_once(client, runtime, fake_graph, phone):
    dana = phone(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2031")
    dana.send(f"add guest Avi Cohen {AVI}")
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    avi = phone(AVI, "Avi")
    tap = webhooks.button_tap(AVI, f"rsvp:{_guest_id(runtime, AVI)}:yes", "Yes", name="Avi")
    assert len(avi.post(tap)) == 1
    before = len(dana.texts)
    assert avi.post(tap) == []           # Meta delivered the same tap again
    assert len(dana.texts) == before      # and the organiser was told once
    assert "Avi Cohen: ✅ coming — Wedding (1 confirmed, 1 person)" in dana.texts
