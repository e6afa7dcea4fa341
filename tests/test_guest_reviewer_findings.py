"""What a reviewer found playing guests in the simulator, driven as a guest would: a "כן" typed to
"Just to be sure" answers it, words beside an answer reach the inbox, the sentences of a reply end
with their full stops, "God willing" beside a head count is the head count, an opt-out is told to
the organisers, and a couple is greeted by both names."""
from __future__ import annotations

import pytest

from sqlalchemy import select

from storage.models import Message, RsvpStatus
from tests.guest_helpers import guest_row, invited_guest
from tests.phone import phone, phone_factory  # noqa: F401  (fixtures)

DANA, AVI = "+972521110001", "+972541234001"
WEDDING = "Dana & Noam's wedding"


def _setup(runtime, first="Avi", last="Cohen", language="en"):
    return invited_guest(runtime, organiser=DANA, organiser_name="Dana", event_name=WEDDING, phone=AVI,
                         first=first, last=last, language=language)


_guest = guest_row


# ------------------------------------------------------------ 1. a typed "yes" answers "Just to be sure"

MAYBE_TYPED = [
    # (the doubt, the restatement, the word typed, the reply to a maybe)
    ("לא יודעת עדיין", "רק לוודא: אולי תגיעו, אבל עוד לא יודעים?", "כן", "אין בעיה, \u2068Avi\u2069. נבדוק שוב"),
    ("אולי, תלוי אם מישהו יקח אותי", "רק לוודא: אולי תגיעו, אבל עוד לא יודעים?", "כן!", "אין בעיה, \u2068Avi\u2069."),
    ("I don't know yet", "Just to be sure: you might come, but you don't know yet?", "Yes", "No problem, Avi."),
    ("пока не знаю", "Уточним: возможно, придёте, но пока не знаете?", "да", "Хорошо, Avi."),
    ("ما بعرف لسا", "للتأكد فقط: ربما تحضرون، لكنكم لا تعرفون بعد؟", "نعم", "لا مشكلة يا \u2068Avi\u2069"),
]


@pytest.mark.parametrize("doubt, restated, typed, reply", MAYBE_TYPED)
def test_yes_typed_to_a_restated_maybe_keeps_the_maybe(runtime, fake_graph, phone, doubt, restated, typed, reply):
    gid = _setup(runtime)
    dana, avi = phone(DANA, "Dana"), phone(AVI, "Avi")
    assert avi.send(doubt).startswith(restated)

    answer = avi.send(typed)

    assert reply in answer and "🎉" not in answer
    assert _guest(runtime, gid).status == RsvpStatus.invited      # still a maybe, never coming
    assert not any("✅" in text for text in dana.texts)


def test_yes_typed_to_a_restated_head_count_records_it_and_no_asks_again(runtime, fake_graph, phone):
    gid = _setup(runtime)
    avi = phone(AVI, "Avi")
    assert avi.send("3?") == "Just to be sure: you're coming, 3 people?"
    assert avi.send("no") == 'Sorry! Please write your answer again, e.g. "yes, 3" or "no".'
    assert _guest(runtime, gid).status == RsvpStatus.invited
    assert avi.send("3?") == "Just to be sure: you're coming, 3 people?"
    assert avi.send("yes").startswith("🎉 Wonderful, Avi! You're coming to Dana & Noam's wedding: 3 people.")
    assert (_guest(runtime, gid).status, _guest(runtime, gid).party_size) == (RsvpStatus.confirmed, 3)


def test_not_quite_typed_to_a_change_keeps_the_party(runtime, fake_graph, phone):
    gid = _setup(runtime)
    avi = phone(AVI, "Avi")
    avi.send("כן, אנחנו 4")
    assert avi.send("3") == "רק לוודא: אתם מגיעים, 3 אנשים?"     # a bare number: a change, asked first
    assert avi.send("לא בדיוק") == 'סליחה! כתבו לנו שוב את התשובה, למשל "כן, 3" או "לא".'
    assert _guest(runtime, gid).party_size == 4
    assert avi.send("3") == "רק לוודא: אתם מגיעים, 3 אנשים?"
    assert avi.send("נכון").startswith("👍")
    assert _guest(runtime, gid).party_size == 3


def test_a_restatement_answered_in_words_is_not_answered_again_by_a_later_yes(runtime, fake_graph, phone):
    gid = _setup(runtime)
    avi = phone(AVI, "Avi")
    assert avi.send("don't know yet").startswith("Just to be sure")
    avi.send("yes, 2 of us")                          # a new answer settles what was asked
    assert _guest(runtime, gid).party_size == 2
    assert "might come" not in avi.send("yes")
    assert _guest(runtime, gid).status == RsvpStatus.confirmed


# ------------------------------------------------------------ 3. "... מגיעים. כתבו לנו כשתדעו."

@pytest.mark.parametrize("first, unsure, reply", [
    ("כן, אנחנו 4", "עוד לא יודעת כמה",
     "בסדר, בינתיים לא משנים כלום. התשובה שלכם: מגיעים, 4 אנשים. כתבו לנו כשתדעו."),
    ("כן", "לא יודעת עדיין", "בסדר, בינתיים לא משנים כלום. התשובה שלכם: מגיעים. כתבו לנו כשתדעו."),
    ("yes, 2 of us", "not sure yet how many",
     "OK, nothing changes for now. Your answer: coming, 2 people. Write to us when you know."),
])
def test_not_sure_yet_after_answering_reads_as_sentences(runtime, fake_graph, phone, first, unsure, reply):
    _setup(runtime)
    avi = phone(AVI, "Avi")
    avi.send(first)
    assert avi.send(unsure) == reply


# ------------------------------------------------------------ 4. a head count, God willing

@pytest.mark.parametrize("text, party", [("نحن 4 إن شاء الله", 4), ("احنا 5 انشالله", 5)])
def test_a_head_count_said_god_willing_is_recorded(runtime, fake_graph, phone, text, party):
    gid = _setup(runtime, language="ar")
    avi = phone(AVI, "Avi")
    reply = avi.send(text)
    assert (_guest(runtime, gid).status, _guest(runtime, gid).party_size) == (RsvpStatus.confirmed, party)
    assert reply.startswith("🎉")


def test_god_willing_alone_stays_a_maybe(runtime, fake_graph, phone):
    gid = _setup(runtime, language="ar")
    phone(AVI, "Avi").send("إن شاء الله")
    assert _guest(runtime, gid).status == RsvpStatus.invited


# ------------------------------------------------------------ 5. the organisers hear of a "stop"

def test_a_confirmed_guest_who_stops_messages_is_reported_with_the_answer_that_stands(runtime, fake_graph, phone):
    gid = _setup(runtime)
    dana, avi = phone(DANA, "Dana"), phone(AVI, "Avi")
    avi.send("yes, we are 4")
    before = len(dana.texts)

    assert avi.send("stop") == "You won't get more messages from us. Send START to undo."

    assert dana.texts[before:] == ["🔕 Avi Cohen asked for no more messages; reminders won't reach them — "
                                   "Dana & Noam's wedding. Answer: ✅ coming, 4 people"]
    guest = _guest(runtime, gid)
    assert (guest.opted_out, guest.status, guest.party_size) == (True, RsvpStatus.confirmed, 4)
    avi.send("stop")                                   # said again: nothing new to tell
    assert len(dana.texts) == before + 1

    avi.send("start")
    assert dana.texts[-1] == "🔔 Avi Cohen gets messages again — Dana & Noam's wedding. Answer: ✅ coming, 4 people"


def test_a_hebrew_organiser_reads_the_opt_out_in_hebrew(runtime, fake_graph, phone):
    _setup(runtime, language="he")
    dana, avi = phone(DANA, "Dana"), phone(AVI, "Avi")
    dana.send("עזרה")
    avi.send("לא נגיע, תודה")
    before = len(dana.texts)
    avi.send("הסירו אותי")
    assert dana.texts[before:] == ["🔕 \u2068Avi Cohen\u2069: בקשה לא לקבל יותר הודעות, תזכורות לא יישלחו — "
                                   "\u2068Dana & Noam's wedding\u2069. התשובה: ❌ לא מגיעים"]


# ------------------------------------------------------------ 2. what is written beside an answer reaches the inbox

def _inbox(dana) -> str:
    return dana.send("inbox")


def test_a_yes_with_a_remark_is_recorded_and_the_remark_waits_in_the_inbox(runtime, fake_graph, phone):
    gid = _setup(runtime, language="he")
    dana, avi = phone(DANA, "Dana"), phone(AVI, "Avi")

    replies = avi.send("כן אבל נאחר קצת, יש לנו עוד חתונה לפני").split("\n---\n")

    assert replies == ["🎉 איזה כיף, \u2068Avi\u2069! כמה תגיעו ל-\u2068Dana & Noam's wedding\u2069 בסך הכול, כולל אתכם?",
                       "📨 את שאר ההודעה העברתי למארגנים."]
    assert _guest(runtime, gid).status == RsvpStatus.confirmed
    listing = _inbox(dana)
    assert "1 new" in listing and listing.count("כן אבל נאחר קצת, יש לנו עוד חתונה לפני") == 1


def test_a_maybe_with_a_request_keeps_the_request_once_whatever_the_restatement_gets(runtime, fake_graph, phone):
    gid = _setup(runtime, language="he")
    dana, avi = phone(DANA, "Dana"), phone(AVI, "Avi")
    assert avi.send("אולי, תלוי אם מישהו יקח אותי").split("\n---\n") == [
        "רק לוודא: אולי תגיעו, אבל עוד לא יודעים?", "📨 את שאר ההודעה העברתי למארגנים."]
    assert avi.send("כן").startswith("אין בעיה")
    assert _guest(runtime, gid).status == RsvpStatus.invited
    listing = _inbox(dana)
    assert "1 new" in listing and listing.count("אולי, תלוי אם מישהו יקח אותי") == 1


def test_a_count_with_a_question_is_recorded_and_the_question_passed_on(runtime, fake_graph, phone):
    gid = _setup(runtime)
    dana, avi = phone(DANA, "Dana"), phone(AVI, "Avi")
    replies = avi.send("We'll be 2, is there vegan food?").split("\n---\n")
    assert replies[0].startswith("🎉 Wonderful, Avi! You're coming to Dana & Noam's wedding: 2 people.")
    assert replies[1:] == ["📨 I've passed the rest of your message on to the organisers."]
    assert _guest(runtime, gid).party_size == 2
    assert "“We'll be 2, is there vegan food?”" in _inbox(dana)


def test_with_nobody_notified_the_guest_is_told_the_organisers_will_see_it(runtime, fake_graph, phone):
    _setup(runtime)
    dana, avi = phone(DANA, "Dana"), phone(AVI, "Avi")
    dana.send("notify off")
    assert avi.send("yes, 2 of us, but we'll leave early, we fly to London that night").split("\n---\n")[1:] == [
        "📨 The organisers will see the rest of your message."]
    assert "London that night" in _inbox(dana)


@pytest.mark.parametrize("plain", ["כן תודה רבה מזל טוב!", "yes we are 3", "נגיע 2 בעזרת השם", "לא נוכל להגיע, מזל טוב!",
                                   "sorry, can't make it, we're in London that weekend", "לא נגיע, אבל נשלח מתנה"])
def test_a_plain_answer_with_thanks_or_blessings_makes_no_inbox_noise(runtime, fake_graph, phone, plain):
    _setup(runtime)
    dana, avi = phone(DANA, "Dana"), phone(AVI, "Avi")
    assert "📨" not in avi.send(plain)
    assert "No messages from guests" in _inbox(dana)


def test_a_question_the_details_cannot_answer_reaches_the_inbox(runtime, fake_graph, phone):
    _setup(runtime)
    dana, avi = phone(DANA, "Dana"), phone(AVI, "Avi")
    replies = avi.send("what time does it end?").split("\n---\n")
    assert replies[0].startswith("📅 *Dana & Noam's wedding*") and "You haven't answered yet" in replies[0]
    assert replies[1:] == ["Thanks! I've passed your message to the organisers."]
    assert "“what time does it end?”" in _inbox(dana)


def test_a_question_the_details_answer_stays_out_of_the_inbox(runtime, fake_graph, phone):
    _setup(runtime)
    dana, avi = phone(DANA, "Dana"), phone(AVI, "Avi")
    assert avi.send("when is it?").startswith("📅 *Dana & Noam's wedding*")
    assert "No messages from guests" in _inbox(dana)


# ------------------------------------------------------------ 6. a couple is greeted by both names

@pytest.mark.parametrize("first, last, greeted", [("רונית", "ואבי לוי", "רונית ואבי"), ("Ronit", "and Avi Levi", "Ronit and Avi"),
                                                  ("Avi", "Cohen", "Avi")])
def test_a_couple_entered_as_one_guest_is_greeted_by_both_names(runtime, fake_graph, phone, first, last, greeted):
    gid = _setup(runtime, first=first, last=last, language="he")
    with runtime.transaction() as s:
        invitation = s.scalars(select(Message).where(Message.phone == AVI, Message.direction == "out")).first()
        assert invitation.payload["first_name"] == greeted      # the invitation's "💌 {name}, ..."
    reply = phone(AVI, "Ronit").send("כן").replace("\u2068", "").replace("\u2069", "")
    assert reply.startswith(f"🎉 איזה כיף, {greeted}!")
    assert _guest(runtime, gid).first_name == first
