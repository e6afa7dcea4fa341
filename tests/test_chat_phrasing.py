"""Organisers' own phrasing, end to end: what the chat does with a request said the way people say it."""
from __future__ import annotations

from tests.phone import phone_factory  # noqa: F401  (fixture)

DANA = "+972521234567"
MOSHE = "+972502345678"


def organiser(phone_factory, name="Wedding"):
    dana = phone_factory(DANA, "Dana")
    dana.send(f"new event {name}")
    return dana


def test_reported_speech_to_a_guest_is_shown_without_the_that_and_sent_only_after_yes(phone_factory, fake_graph):
    dana = organiser(phone_factory)
    dana.send("add guest משה כהן 0502345678")
    fake_graph.open_window(MOSHE)
    question = dana.send("תכתבי למשה שיתקשר אליי")
    assert "יתקשר אליי" in question and "שיתקשר" not in question
    assert not any("יתקשר" in m.text for m in fake_graph.sent_to(MOSHE))   # nothing sent before the yes
    dana.send("כן")
    sent = [m.text for m in fake_graph.sent_to(MOSHE) if "יתקשר" in m.text]
    assert sent and "שיתקשר" not in sent[-1]


def test_pasted_chat_lines_and_dashed_lines_store_clean_names_and_refuse_garbage(phone_factory, runtime):
    from sqlalchemy import select

    from storage.models import Guest

    dana = organiser(phone_factory)
    assert "שירה אזולאי" in dana.send("[12/06/2027, 10:15] רותי: שירה אזולאי 0587654321")
    dana.send("כן")
    question = dana.send("תוסיף אורחים\nדודה שושנה - 050 765 4321 - חתן\n[ / /2027 : ] רותי: יעל 0521234567")
    assert "2027" in question   # the refused line is named with its reason
    dana.send("כן")
    with runtime.transaction() as s:
        names = sorted(g.full_name for g in s.scalars(select(Guest)))
    assert names == ["דודה שושנה", "שירה אזולאי"]   # (a pasted list keeps the title typed with the name)


def test_a_question_about_email_invitations_sends_nothing(phone_factory, fake_graph):
    dana = organiser(phone_factory)
    dana.send("add guest משה כהן 0502345678")
    reply = dana.send("שלום מה נשמע? רציתי לשאול אם אפשר לשלוח הזמנה גם במייל כי יש לי דודה שאין לה וואטסאפ… "
                      "יש לכם פתרון לזה?")
    assert "לשלוח את ההזמנה" not in reply and "[" not in reply   # no "send the invitation to 1 guest?" question
    dana.send("כן")
    assert fake_graph.count(MOSHE) == 0
    assert "לשלוח את ההזמנה" in dana.send("אפשר לשלוח הזמנות?")   # the polite request itself is still asked


def test_hello_invite_him_stop_updates_and_the_mailbox(phone_factory, fake_graph):
    dana = organiser(phone_factory)
    hello = dana.send("היי")
    assert "👋 היי!" in hello and "*עזרה*" in hello and "התכוונת" not in hello   # a short hello, never "did you mean *השיבי*?"
    dana.send("add guest משה כהן 0502345678")
    question = dana.send("תזמין אותו")
    assert "לשלוח את ההזמנה" in question and "אורח אחד" in question   # asked first, saying whom it reaches
    assert fake_graph.count(MOSHE) == 0
    assert "🔕" in dana.send("תפסיק לשלוח לי עדכונים")
    assert "📭" in dana.send("תיבת דואר")


def test_time_and_place_in_one_message_are_both_set(phone_factory):
    dana = organiser(phone_factory)
    reply = dana.send("תשני את השעה ל20:00 ואת המקום לאולמי הגן רמת גן")
    assert "20:00" in reply and "אולמי הגן רמת גן" in reply      # both said in the one question
    dana.send("כן")
    assert "אולמי הגן רמת גן" in dana.send("פרטי אירוע")


def test_an_invite_naming_another_event_is_asked_naming_the_event_it_goes_to(phone_factory, fake_graph):
    dana = organiser(phone_factory)
    dana.send("add guest משה כהן 0502345678")
    question = dana.send("תשלח הזמנה לבר מצווה")
    assert "Wedding" in question   # the question says which event the invitations are for; nothing is sent yet
    assert fake_graph.count(MOSHE) == 0
