""""reply to her: …", "תעני לה: …", "message him: …": the organiser points back at the guest whose message waits
for an answer. A pronoun is never a guest's name: nothing goes to a guest whose name merely holds "her" or the
"ה" of "לה". The one waiting gets the words after the organiser sees who and taps Send; with several waiting,
the bot asks which message, with the inbox."""
from __future__ import annotations

from datetime import date

from bot.chat.organiser import CONFIRM_NO, CONFIRM_YES
from bot.services import events, guests, sending
from bot.services.users import get_or_create_user
from bot.worker import drain
from storage.models import utcnow
from tests.phone import phone, phone_factory  # noqa: F401  (fixtures)

DANA = "+972521110001"
ESTHER, AVI, SHIRA, NOAM = "+972541234001", "+972541234002", "+972541234003", "+972541234004"


def _setup(runtime, people):
    with runtime.transaction() as s:
        dana = get_or_create_user(s, phone=DANA, display_name="Dana", seen_at=utcnow())
        event = events.create_event(s, dana, "The wedding", date=date(2031, 6, 12), location="Tel Aviv Port")
        for first, last, number in people:
            guests.add_guest(s, dana, event.id, guests.GuestInput(first_name=first, last_name=last, phone=number))
        sending.send_invitations(s, dana, event.id)
    drain(runtime)


def _texts_to(fake_graph, number) -> list[str]:
    return [m.text or "" for m in fake_graph.sent_to(number)]


def test_reply_to_her_answers_the_one_message_waiting_after_send_and_never_a_name_holding_her(runtime, fake_graph, phone):
    _setup(runtime, [("Esther", "Cohen", ESTHER), ("Avi", "Levi", AVI)])
    dana, avi = phone(DANA, "Dana"), phone(AVI, "Avi")
    dana.send("notify off")
    avi.send("Is there parking at the venue?")
    to_esther = len(_texts_to(fake_graph, ESTHER))
    to_avi = len(_texts_to(fake_graph, AVI))

    question = dana.send("reply to her: yes, there's free parking")
    assert "Send to *Avi Levi*" in question and "“yes, there's free parking”" in question
    assert "Is there parking at the venue?" in question          # which message it answers
    assert dana.last_buttons == [CONFIRM_YES, CONFIRM_NO]
    assert [b["reply"]["title"] for b in dana.received[-1].payload["interactive"]["action"]["buttons"]] == ["Send", "Cancel"]
    assert len(_texts_to(fake_graph, AVI)) == to_avi             # nothing sent before Send
    assert len(_texts_to(fake_graph, ESTHER)) == to_esther

    assert "Sending your message to Avi Levi" in dana.tap(CONFIRM_YES, "Send")
    assert any("yes, there's free parking" in t for t in _texts_to(fake_graph, AVI)[to_avi:])
    assert len(_texts_to(fake_graph, ESTHER)) == to_esther       # "Esther" holds "her": never hers


def test_hebrew_reply_to_her_never_goes_to_the_only_guest_whose_name_holds_the_letter(runtime, fake_graph, phone):
    # "תעני לה": the ל is "to" and the ה is "her"; שירה כהן is the only guest whose name holds a ה
    _setup(runtime, [("שירה", "כהן", SHIRA), ("נועם", "לוי", NOAM)])
    dana, noam = phone(DANA, "Dana"), phone(NOAM, "Noam")
    dana.send("notify off")
    noam.send("יש חניה באולם?")
    to_shira, to_noam = len(_texts_to(fake_graph, SHIRA)), len(_texts_to(fake_graph, NOAM))

    question = dana.send("תעני לה: כן, יש חניה")
    assert "נועם לוי" in question and "כן, יש חניה" in question and "שירה" not in question
    assert dana.last_buttons == [CONFIRM_YES, CONFIRM_NO]
    assert len(_texts_to(fake_graph, SHIRA)) == to_shira and len(_texts_to(fake_graph, NOAM)) == to_noam

    assert "נועם לוי" in dana.tap(CONFIRM_YES, "שליחה")
    assert any("כן, יש חניה" in t for t in _texts_to(fake_graph, NOAM)[to_noam:])
    assert len(_texts_to(fake_graph, SHIRA)) == to_shira

    # answered now: "תכתבי לו ..." has nobody waiting, and no guest named with a ו gets it
    noam.send("ואפשר להגיע עם כלב?")
    to_noam = len(_texts_to(fake_graph, NOAM))
    question = dana.send("תכתבי לו שאין בעיה")
    assert "נועם לוי" in question and "אין בעיה" in question
    assert "Cancel" not in question
    dana.tap(CONFIRM_NO, "ביטול")
    assert len(_texts_to(fake_graph, NOAM)) == to_noam           # cancelled: nothing sent
    assert len(_texts_to(fake_graph, SHIRA)) == to_shira


def test_with_several_guests_waiting_it_asks_which_message_and_sends_to_the_one_picked(runtime, fake_graph, phone):
    _setup(runtime, [("Esther", "Cohen", ESTHER), ("Avi", "Levi", AVI)])
    dana, avi, esther = phone(DANA, "Dana"), phone(AVI, "Avi"), phone(ESTHER, "Esther")
    dana.send("notify off")
    avi.send("Is there parking?")
    esther.send("Can I bring my kids?")
    to_esther, to_avi = len(_texts_to(fake_graph, ESTHER)), len(_texts_to(fake_graph, AVI))

    which = dana.send("message him: see you at 8")
    assert "Which message is “see you at 8” for?" in which
    assert "1. 🆕 *Esther Cohen*" in which and "2. 🆕 *Avi Levi*" in which
    assert len(_texts_to(fake_graph, AVI)) == to_avi and len(_texts_to(fake_graph, ESTHER)) == to_esther

    question = dana.send("2")
    assert "Send to *Avi Levi*" in question and "“see you at 8”" in question
    assert len(_texts_to(fake_graph, AVI)) == to_avi
    dana.tap(CONFIRM_YES, "Send")
    assert any("see you at 8" in t for t in _texts_to(fake_graph, AVI)[to_avi:])
    assert len(_texts_to(fake_graph, ESTHER)) == to_esther

    # Esther's message still waits, and now it is the only one: "reply to her" is hers
    assert "Send to *Esther Cohen*" in dana.send("reply to her: of course, bring them")


def test_the_inbox_just_shown_with_one_guests_message_is_the_one_answered(runtime, fake_graph, phone):
    _setup(runtime, [("Esther", "Cohen", ESTHER), ("Avi", "Levi", AVI)])
    dana, avi = phone(DANA, "Dana"), phone(AVI, "Avi")
    dana.send("notify off")
    avi.send("Is there parking?")
    dana.send("reply 1 yes")                                      # answered: nothing waits now
    assert "No guest of The wedding has written anything waiting" not in dana.send("inbox")
    assert "Send to *Avi Levi*" in dana.send("answer him: and it's free")   # the message just shown


def test_with_nothing_in_the_inbox_nobody_gets_it(runtime, fake_graph, phone):
    _setup(runtime, [("Esther", "Cohen", ESTHER), ("שירה", "כהן", SHIRA)])
    dana = phone(DANA, "Dana")
    to_esther, to_shira = len(_texts_to(fake_graph, ESTHER)), len(_texts_to(fake_graph, SHIRA))
    assert "No guest of The wedding has written anything waiting for an answer" in dana.send("reply to her: yes")
    assert "הודעה לדנה" in dana.send("תשלחי לה: יש חניה")
    assert dana.last_buttons == []
    assert len(_texts_to(fake_graph, ESTHER)) == to_esther and len(_texts_to(fake_graph, SHIRA)) == to_shira


def test_a_lone_hebrew_letter_or_a_pronoun_finds_no_guest(runtime, fake_graph, phone):
    _setup(runtime, [("שירה", "כהן", SHIRA), ("Esther", "Cohen", ESTHER)])
    dana = phone(DANA, "Dana")
    for text in ("guest ה", "link her", "tell the guest Esther that we moved it to 9"):
        reply = dana.send(text)
        assert "שירה" not in reply and "Esther" not in reply, (text, reply)


def test_the_guest_who_asked_about_something_is_found_by_what_they_asked(runtime, fake_graph, phone):
    _setup(runtime, [("Esther", "Cohen", ESTHER), ("Avi", "Levi", AVI), ("שירה", "כהן", SHIRA)])
    dana, avi, esther, shira = phone(DANA, "Dana"), phone(AVI, "Avi"), phone(ESTHER, "Esther"), phone(SHIRA, "Shira")
    dana.send("notify off")
    avi.send("Is there parking at the hall?")
    esther.send("Can I bring my kids?")
    shira.send("יש אוכל טבעוני?")
    to_esther, to_avi = len(_texts_to(fake_graph, ESTHER)), len(_texts_to(fake_graph, AVI))

    question = dana.send("reply to the guy who asked about parking: Yes, there's a free lot behind the hall")
    assert "Send to *Avi Levi*" in question and "Is there parking at the hall?" in question
    dana.tap(CONFIRM_YES, "Send")
    assert any("free lot behind the hall" in t for t in _texts_to(fake_graph, AVI)[to_avi:])
    assert len(_texts_to(fake_graph, ESTHER)) == to_esther

    assert "שירה כהן" in dana.send("תעני למי ששאלה על האוכל: כן, יש מנה טבעונית")


def test_a_guest_found_only_by_letters_inside_their_name_is_asked_before_the_message_goes(runtime, fake_graph, phone):
    _setup(runtime, [("Esther", "Cohen", ESTHER), ("Avi", "Levi", AVI)])
    dana = phone(DANA, "Dana")
    to_esther, to_avi = len(_texts_to(fake_graph, ESTHER)), len(_texts_to(fake_graph, AVI))
    question = dana.send("message sther: see you at 8")
    assert "Send to *Esther Cohen*" in question and dana.last_buttons == [CONFIRM_YES, CONFIRM_NO]
    assert len(_texts_to(fake_graph, ESTHER)) == to_esther
    dana.tap(CONFIRM_YES, "Send")
    assert any("see you at 8" in t for t in _texts_to(fake_graph, ESTHER)[to_esther:])

    assert "Sending your message to Avi Levi" in dana.send("message Avi: see you too")   # named: sent at once
    assert any("see you too" in t for t in _texts_to(fake_graph, AVI)[to_avi:])
