"""What a reviewer found playing guests of an international wedding, driven as those guests would: a ❤️ to the
invitation gets one short message, thanks after the wedding are answered in the past tense and reach the couple,
a French guest's words are never read as an answer, and "אני רותי ובעלי" is two people."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from storage.models import Event, RsvpStatus
from tests.guest_helpers import guest_row, invited_guest
from tests.phone import phone, phone_factory  # noqa: F401  (fixtures)

EMMA, JENNY = "+972521110001", "+447700900123"
WEDDING = "Emma & Yoni's wedding"


def _setup(runtime, first="Jenny", language="en"):
    return invited_guest(runtime, organiser=EMMA, organiser_name="Emma", event_name=WEDDING, phone=JENNY,
                         first=first, last="Smith", language=language)


_guest = guest_row


def _wedding_was_yesterday(runtime) -> None:
    with runtime.transaction() as s:
        s.query(Event).one().date = date.today() - timedelta(days=2)


# ------------------------------------------------------------ 1. a ❤️ to the invitation: one short message

def test_a_heart_to_an_unanswered_invitation_gets_one_message_with_the_answer_buttons(runtime, fake_graph, phone):
    gid = _setup(runtime)
    jenny = phone(JENNY, "Jenny")

    assert jenny.send("❤️") == "😊 You're welcome, Jenny!\nWhat's your answer for Emma & Yoni's wedding?"
    assert jenny.last_buttons == [f"rsvp:{gid}:yes", f"rsvp:{gid}:no", f"rsvp:{gid}:maybe"]
    assert _guest(runtime, gid).status == RsvpStatus.invited


def test_a_heart_after_answering_gets_just_the_warm_line(runtime, fake_graph, phone):
    gid = _setup(runtime)
    jenny = phone(JENNY, "Jenny")
    jenny.send("yes, 2 of us")

    assert jenny.send("❤️") == "😊 You're welcome, Jenny!"
    assert jenny.last_buttons == []
    assert (_guest(runtime, gid).status, _guest(runtime, gid).party_size) == (RsvpStatus.confirmed, 2)


# ------------------------------------------------------------ 2. thanks after the wedding reach the couple

def test_thanks_after_the_wedding_are_answered_in_the_past_tense_and_reach_the_couple(runtime, fake_graph, phone):
    _setup(runtime, first="Oliver")
    emma, oliver = phone(EMMA, "Emma"), phone(JENNY, "Oliver")
    oliver.send("we'll be 3")
    _wedding_was_yesterday(runtime)

    reply = oliver.send("Thank you! It was amazing")

    assert reply == ("😊 Thank you, Oliver! It was wonderful to have you at Emma & Yoni's wedding. "
                     "I've passed your message on to the organisers.")
    assert "down as coming" not in reply
    assert "“Thank you! It was amazing”" in emma.send("inbox")


@pytest.mark.parametrize("words", ["Mazal tov!! It was a beautiful wedding", "תודה רבה! היה מושלם", "спасибо, было чудесно"])
def test_congratulations_after_the_wedding_wait_in_the_inbox_with_notify_off(runtime, fake_graph, phone, words):
    _setup(runtime, first="Oliver")
    emma, oliver = phone(EMMA, "Emma"), phone(JENNY, "Oliver")
    oliver.send("yes, 2")
    emma.send("notify off")
    _wedding_was_yesterday(runtime)

    reply = oliver.send(words)

    assert reply.startswith("😊") and "down as coming" not in reply and "You're welcome" not in reply
    assert reply.endswith(("The organisers will see your message.", "המארגנים יראו את ההודעה שלכם.",
                           "Организаторы увидят ваше сообщение."))
    assert words in emma.send("inbox")


def test_a_declined_guest_thanked_after_the_wedding_is_not_told_they_were_there(runtime, fake_graph, phone):
    _setup(runtime, first="Oliver")
    oliver = phone(JENNY, "Oliver")
    oliver.send("sorry, we can't come")
    _wedding_was_yesterday(runtime)

    assert oliver.send("Congratulations to you both!") == (
        "😊 Thank you for your kind words, Oliver! I've passed your message on to the organisers.")


# ------------------------------------------------------------ 3. a message in another language is read by a person

def test_a_french_yes_is_never_recorded_from_one_word_and_is_passed_on(runtime, fake_graph, phone):
    gid = _setup(runtime, first="Camille")
    emma, camille = phone(EMMA, "Emma"), phone(JENNY, "Camille")

    reply = camille.send("Oui, nous serons deux. Merci beaucoup pour l'invitation !")

    assert reply == ("Sorry, I can't read that language yet, so I haven't recorded anything from it. I've passed your "
                     "message on to the organisers.\n\nWhat's your answer for Emma & Yoni's wedding?")
    assert camille.last_buttons == [f"rsvp:{gid}:yes", f"rsvp:{gid}:no", f"rsvp:{gid}:maybe"]
    assert _guest(runtime, gid).status == RsvpStatus.invited
    assert "Oui, nous serons deux" in emma.send("inbox")


def test_a_french_change_of_plans_offers_the_buttons_and_the_tap_records_it(runtime, fake_graph, phone):
    gid = _setup(runtime, first="Camille", language="he")
    emma, camille = phone(EMMA, "Emma"), phone(JENNY, "Camille")
    camille.send("yes, 2")
    assert _guest(runtime, gid).status == RsvpStatus.confirmed

    reply = camille.send("Finalement nous ne pourrons pas venir, désolée")

    assert reply == ("Sorry, I can't read that language yet, so I haven't recorded anything from it. I've passed your "
                     "message on to the organisers.\n\nYour answer: coming, 2 people. Has it changed? Tap below.")
    assert camille.last_buttons == [f"rsvp:{gid}:yes", f"rsvp:{gid}:no", f"rsvp:{gid}:maybe"]
    assert _guest(runtime, gid).status == RsvpStatus.confirmed              # nothing read from it
    assert "Finalement nous ne pourrons pas venir" in emma.send("inbox")
    camille.tap(f"rsvp:{gid}:no", "❌ Can't come")
    assert _guest(runtime, gid).status == RsvpStatus.declined


@pytest.mark.parametrize("words", ["Sí, vamos a ir los dos", "Ja, wir kommen zu zweit", "Sim, vamos os dois",
                                   "Sì, saremo in due"])
def test_other_languages_record_nothing(runtime, fake_graph, phone, words):
    gid = _setup(runtime)
    jenny = phone(JENNY, "Jenny")
    assert jenny.send(words).startswith("Sorry, I can't read that language yet")
    assert _guest(runtime, gid).status == RsvpStatus.invited


def test_merci_alone_is_thanks(runtime, fake_graph, phone):
    gid = _setup(runtime)
    jenny = phone(JENNY, "Jenny")
    assert jenny.send("Merci beaucoup !") == "😊 You're welcome, Jenny!\nWhat's your answer for Emma & Yoni's wedding?"
    assert _guest(runtime, gid).status == RsvpStatus.invited


# ------------------------------------------------------------ 4. the writer's own name is not one more person

@pytest.mark.parametrize("words, language, reply", [
    ("אני רותי ובעלי", "he", "👍 רשמנו: שני אנשים"),
    ("זו נועה ובעלה", "he", "👍 רשמנו: שני אנשים"),
    ("I'm Sarah and my husband", "en", "👍 Got it: 2 people"),
    ("это Оля с мужем", "ru", "👍"),
])
def test_a_name_right_after_i_am_is_the_writer(runtime, fake_graph, phone, words, language, reply):
    gid = _setup(runtime, language=language)
    jenny = phone(JENNY, "Jenny")
    jenny.tap(f"rsvp:{gid}:yes", "✅ Yes, coming")

    assert jenny.send(words).startswith(reply)
    assert (_guest(runtime, gid).status, _guest(runtime, gid).party_size) == (RsvpStatus.confirmed, 2)


def test_a_list_after_me_still_counts_everyone(runtime, fake_graph, phone):
    gid = _setup(runtime, language="he")
    jenny = phone(JENNY, "Jenny")
    jenny.tap(f"rsvp:{gid}:yes", "✅ Yes, coming")
    jenny.send("אני, דני והתינוקת")
    assert _guest(runtime, gid).party_size == 3


# ------------------------------------------------------------ after the wedding: an answer changes nothing

@pytest.mark.parametrize("language, words, said", [
    ("he", "לא מגיעים", "🙂 Emma & Yoni's wedding כבר מאחורינו, אז לא שיניתי את התשובה שלכם."),
    ("en", "sorry, we can't come", "🙂 Emma & Yoni's wedding has already taken place, so I haven't changed your answer."),
])
def test_an_answer_typed_after_the_wedding_changes_nothing_and_reaches_the_couple(runtime, fake_graph, phone,
                                                                                  language, words, said):
    gid = _setup(runtime, first="Tamar", language=language)
    emma, tamar = phone(EMMA, "Emma"), phone(JENNY, "Tamar")
    tamar.send("yes, 2 of us")
    _wedding_was_yesterday(runtime)

    reply = tamar.send(words).replace("\u2068", "").replace("\u2069", "")   # (a Latin name in Hebrew is isolated)

    assert reply.startswith(said)
    assert (_guest(runtime, gid).status, _guest(runtime, gid).party_size) == (RsvpStatus.confirmed, 2)
    assert words in emma.send("inbox")


def test_warm_words_with_an_emoji_after_the_wedding_reach_the_couple(runtime, fake_graph, phone):
    _setup(runtime, first="Lia", language="he")
    emma, lia = phone(EMMA, "Emma"), phone(JENNY, "Lia")
    lia.send("כן, 2")
    _wedding_was_yesterday(runtime)

    reply = lia.send("היה מהמם!!! תודה רבה 😍")

    assert reply.endswith("העברתי את ההודעה שלכם למארגנים.")
    assert "היה מהמם" in emma.send("inbox")


# ------------------------------------------------------------ a yes on the day itself: "today", not the date

@pytest.mark.parametrize("language, words, said", [
    ("en", "yes, 2 of us", "See you today at 19:00!"),
    ("he", "כן, 2", "נתראה היום ב-19:00!"),
])
def test_a_yes_on_the_day_itself_says_today_at_the_hour(runtime, fake_graph, phone, language, words, said):
    _setup(runtime, first="Moshe", language=language)
    with runtime.transaction() as s:
        event = s.query(Event).one()
        event.date = datetime.now(ZoneInfo(event.timezone or "UTC")).date()
        event.start_time = time(19, 0)
    moshe = phone(JENNY, "Moshe")

    reply = moshe.send(words)

    assert said in reply
