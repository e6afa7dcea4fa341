"""Who gets which side of the chat: guests' answers reach the guest flow, organisers'
commands the organiser chat, and someone who is both is understood as each in turn.
Any text at all gets an answer, never an apology."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy import select

from bot.text.replies import APOLOGY
from storage.models import Event, Guest, RsvpStatus
from tests import webhooks
from tests.phone import phone_factory  # noqa: F401  (fixture)

DANA = "+972521234567"
AVI = "+972502345671"


def status_of(runtime, phone: str, event_name: str | None = None) -> RsvpStatus:
    with runtime.transaction() as s:
        q = select(Guest.status).join(Event, Event.id == Guest.event_id).where(Guest.phone == phone)
        if event_name:
            q = q.where(Event.name == event_name)
        return s.scalar(q)


def invited(phone_factory, fake_graph):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2027")
    dana.send(f"add guest Avi Cohen {AVI}")
    dana.send("invite")
    dana.send("yes")
    assert fake_graph.sent_to(AVI)[0].type == "template"
    return dana


def test_a_guest_taps_yes_on_the_invitation(phone_factory, runtime, fake_graph):
    invited(phone_factory, fake_graph)
    avi = phone_factory(AVI, "Avi")
    yes_payload = fake_graph.sent_to(AVI)[0].button_ids[0]
    reply = avi.tap_template_button(yes_payload, "Yes")
    assert reply and "didn't understand" not in reply
    assert status_of(runtime, AVI) == RsvpStatus.confirmed


def test_a_guest_who_types_is_answered_by_the_guest_side(phone_factory, runtime, fake_graph):
    invited(phone_factory, fake_graph)
    avi = phone_factory(AVI, "Avi")
    reply = avi.send("לא מגיע")
    assert "nothing waiting" not in reply and "didn't understand" not in reply
    assert status_of(runtime, AVI) == RsvpStatus.declined


def test_a_guest_may_start_an_event_of_their_own(phone_factory, runtime, fake_graph):
    invited(phone_factory, fake_graph)
    avi = phone_factory(AVI, "Avi")
    assert "Created *Avi's birthday*" in avi.send("new event Avi's birthday")
    assert "Avi's birthday" in avi.send("stats")
    assert status_of(runtime, AVI, "Wedding") == RsvpStatus.invited


def test_an_organiser_who_is_also_a_guest(phone_factory, runtime, fake_graph):
    invited(phone_factory, fake_graph)
    avi = phone_factory(AVI, "Avi")
    avi.send("new event Avi's birthday")
    avi.send("add guest Ron Levi 0502345672")
    # a question of the organiser side is answered there...
    assert "Send the invitation to 1 guest" in avi.send("invite")
    assert "Sending 1 invitation" in avi.send("yes")
    assert status_of(runtime, AVI, "Wedding") == RsvpStatus.invited
    # ...and with nothing to confirm, "yes" is Avi's answer to the wedding invitation
    reply = avi.send("yes")
    assert "nothing waiting" not in reply
    assert status_of(runtime, AVI, "Wedding") == RsvpStatus.confirmed
    assert "Avi's birthday" in avi.send("stats")


def test_an_organiser_who_is_also_a_guest_asking_off_the_messages_is_opted_out_not_searched_for(phone_factory, runtime,
                                                                                                  fake_graph):
    """"תורידו אותי מהרשימה של ההודעות האלה": a guest's stop, never "no guest matches 'אותי'" on their own event."""
    invited(phone_factory, fake_graph)
    avi = phone_factory(AVI, "Avi")
    avi.send("new event Avi's birthday")
    avi.send("add guest Ron Levi 0502345672")
    reply = avi.send("תורידו אותי מהרשימה של ההודעות האלה, אבל אנחנו מגיעים")
    assert "אותי" not in reply, reply
    with runtime.transaction() as session:
        opted_out = session.scalar(select(Guest.opted_out).where(Guest.phone == AVI))
    assert opted_out, reply
    assert "Ron Levi" in avi.send("guests")   # nothing of his own event changed


_texts = st.one_of(
    st.text(max_size=300),
    st.text(alphabet="אבגדהוזחטיכלמנסעפצקרשת 0123456789-+:,.\n", max_size=200),
    st.sampled_from(["add guest", "guests side", "mark", "edit 1", "remove", "use", "broadcast",
                     "message 3", "role", "set date 31/2/2027", "reminders 0", "🎉🎉🎉", "#" * 5000]),
    st.text(alphabet="add guest remove mark yes no 0502345678 party side\n", max_size=400),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(text=_texts)
def test_any_text_gets_an_answer_and_never_an_apology(phone_factory, fake_graph, text):
    dana = phone_factory(DANA, "Dana")
    if not dana.texts:
        dana.send("new event Wedding")
        dana.send("add guest Avi Cohen 0502345671")
    before = len(dana.texts)
    dana.post(webhooks.text_message(DANA, text))
    new = dana.texts[before:]
    assert new, f"no answer to {text!r}"
    assert APOLOGY not in new
    assert all(len(t) <= 4096 for t in new)
