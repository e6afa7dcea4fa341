"""The guest side: answers by button and by text (English and Hebrew), party size,
choosing between events, details, stop/start, and everything else passed on."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from bot.worker import drain
from bot.chat.guest import is_guest_payload
from bot.services import events, guests, sending, stats
from bot.services.users import get_or_create_user
from storage.models import Guest, Message, RsvpStatus, User
from tests.guest_helpers import GuestPhone, guest_row

ORGANISER = "+972541110000"
AVI = "+972541234001"
BEA = "+972541234002"


def _setup(runtime, name="Dana & Noam's wedding", when=date(2031, 6, 12), guest_list=(("Avi", "Cohen", AVI),),
           organiser=ORGANISER, invite=True, **guest_kw):
    with runtime.transaction() as s:
        user = get_or_create_user(s, phone=organiser, display_name="Dana")
        event = events.create_event(s, user, name, date=when, location="Tel Aviv Port")
        ids = [guests.add_guest(s, user, event.id, guests.GuestInput(first_name=f, last_name=l, phone=p, **guest_kw)).id
               for f, l, p in guest_list]
        if invite:
            sending.send_invitations(s, user, event.id)
        event_id = event.id
    drain(runtime)
    return event_id, ids


def _stats(runtime, event_id, organiser=ORGANISER):
    with runtime.transaction() as s:
        user = s.scalar(select(User).where(User.phone == organiser))
        return stats.event_stats(s, user, event_id)


@pytest.fixture
def organiser(runtime, fake_graph):
    return GuestPhone(runtime, fake_graph, ORGANISER)


def test_tap_yes_asks_how_many_then_a_tap_records_it(runtime, fake_graph, organiser):
    event_id, (gid,) = _setup(runtime)
    avi = GuestPhone(runtime, fake_graph, AVI)
    invitation = fake_graph.sent_to(AVI)[0]
    assert invitation.type == "template" and invitation.button_ids == [f"rsvp:{gid}:yes", f"rsvp:{gid}:no"]
    avi.seen = 1
    replies = avi.tap(f"rsvp:{gid}:yes", "Yes")
    assert replies == ["🎉 Wonderful, Avi! How many people are coming to Dana & Noam's wedding, including you?"]
    assert avi.buttons() == [f"party:{gid}:1", f"party:{gid}:2", f"party:{gid}:more"]
    assert avi.tap(f"party:{gid}:2", "2") == ["👍 Got it: 2 people for Dana & Noam's wedding. Thank you!"]
    guest = guest_row(runtime, gid)
    assert (guest.status, guest.party_size) == (RsvpStatus.confirmed, 2)
    assert organiser.receive() == [
        "Avi Cohen: ✅ coming — Dana & Noam's wedding (1 confirmed, 1 person)",
        "Avi Cohen: ✅ coming, 2 people — Dana & Noam's wedding (1 confirmed, 2 people)",
    ]
    assert _stats(runtime, event_id)["expected_headcount"] == 2


def test_typed_answers_in_english_and_hebrew_and_a_change_of_mind(runtime, fake_graph, organiser):
    event_id, (gid,) = _setup(runtime)
    avi = GuestPhone(runtime, fake_graph, AVI)
    assert avi.send("yes")[0].startswith("🎉 Wonderful, Avi! How many people")
    assert avi.send("we are 3") == ["👍 Got it: 3 people for Dana & Noam's wedding. Thank you!"]
    assert guest_row(runtime, gid).party_size == 3
    assert avi.send("sorry, we can't make it after all") == [
        "Thanks for letting us know, Avi. You're down as not coming to Dana & Noam's wedding. "
        "If plans change, just reply here."]
    assert guest_row(runtime, gid).status == RsvpStatus.declined
    notices = organiser.receive()
    assert notices[-1] == ("Avi Cohen: ❌ not coming (changed: was coming) — Dana & Noam's wedding "
                           "(0 confirmed, 0 people)")
    hebrew = avi.send("כן")
    assert hebrew == ["🎉 איזה כיף, \u2068Avi\u2069! רשמנו שאתם מגיעים ל-\u2068Dana & Noam's wedding\u2069: 3 אנשים. "
                      "נתראה ביום חמישי, 12 ביוני 2031!\n"
                      "מספר אחר? פשוט שלחו אותו."]
    assert avi.send("נהיה 4") == ["👍 רשמנו: 4 אנשים ל-\u2068Dana & Noam's wedding\u2069. תודה!"]
    s = _stats(runtime, event_id)
    assert s["by_status"]["confirmed"] == 1 and s["expected_headcount"] == 4


def test_a_bare_number_after_the_question_and_more_than_three(runtime, fake_graph):
    _, (gid,) = _setup(runtime)
    avi = GuestPhone(runtime, fake_graph, AVI)
    avi.tap(f"rsvp:{gid}:yes", "Yes")
    assert avi.tap(f"party:{gid}:more", "3 or more") == ["How many altogether, including you? Send a number, e.g. 4"]
    assert avi.send("5") == ["👍 Got it: 5 people for Dana & Noam's wedding. Thank you!"]
    assert guest_row(runtime, gid).party_size == 5


def test_known_party_size_is_not_asked_again(runtime, fake_graph):
    _, (gid,) = _setup(runtime, party_size=2)
    avi = GuestPhone(runtime, fake_graph, AVI)
    replies = avi.tap(f"rsvp:{gid}:yes", "Yes")
    assert replies == ["🎉 Wonderful, Avi! You're coming to Dana & Noam's wedding: 2 people. See you on Thu 12 Jun 2031!\n"
                       "Different number? Just send it."]


def test_a_tap_after_the_event_changes_no_answer_as_typed_words_do_not(runtime, fake_graph, organiser):
    """After the event's date a tap on [Yes] is what a typed "yes" is then: the answer that stood stays and the
    guest is told why (the tap had been recorded, the same words typed were not)."""
    _, (avi_id,) = _setup(runtime, when=date(2020, 1, 5))
    avi = GuestPhone(runtime, fake_graph, AVI)
    [reply] = avi.tap(f"rsvp:{avi_id}:yes", "Yes")
    assert "has already taken place, so I haven't changed your answer" in reply, reply
    assert guest_row(runtime, avi_id).status == RsvpStatus.invited
    [typed] = avi.send("yes we're coming")
    assert typed == reply


def test_someone_elses_button_changes_nothing(runtime, fake_graph, organiser):
    _, (avi_id, bea_id) = _setup(runtime, guest_list=(("Avi", "Cohen", AVI), ("Bea", "Levi", BEA)))
    bea = GuestPhone(runtime, fake_graph, BEA)
    assert bea.tap(f"rsvp:{avi_id}:no", "No") == [
        "Sorry, I couldn't match that button to an invitation for this number. "
        "If you're invited, reply yes or no and I'll pass it on."]
    assert guest_row(runtime, avi_id).status == RsvpStatus.invited
    assert guest_row(runtime, bea_id).status == RsvpStatus.invited
    assert organiser.receive() == []


def test_two_events_buttons_answer_each_and_free_text_asks_which(runtime, fake_graph):
    _, (wedding_guest,) = _setup(runtime)
    _, (party_guest,) = _setup(runtime, name="Yoni's bar mitzvah", when=date(2031, 9, 1),
                               organiser="+972541110009")
    avi = GuestPhone(runtime, fake_graph, AVI)
    assert len(avi.all_messages()) == 2
    avi.tap(f"rsvp:{wedding_guest}:no", "No")
    avi.tap(f"rsvp:{party_guest}:yes", "Yes")
    avi.tap(f"party:{party_guest}:1", "Just me")
    assert guest_row(runtime, wedding_guest).status == RsvpStatus.declined
    assert (guest_row(runtime, party_guest).status, guest_row(runtime, party_guest).party_size) == \
        (RsvpStatus.confirmed, 1)

    assert avi.send("yes, we are 2") == [
        "You're invited to more than one event. Which one is this answer for?"]
    assert avi.buttons() == [f"pick:{wedding_guest}", f"pick:{party_guest}"]
    assert guest_row(runtime, wedding_guest).status == RsvpStatus.declined  # nothing applied yet
    replies = avi.tap(f"pick:{wedding_guest}", "Dana & Noam's wedding")
    assert replies[0].startswith("🎉 Wonderful, Avi! You're coming to Dana & Noam's wedding: 2 people.")
    assert (guest_row(runtime, wedding_guest).status, guest_row(runtime, wedding_guest).party_size) == \
        (RsvpStatus.confirmed, 2)
    assert guest_row(runtime, party_guest).party_size == 1


@pytest.mark.parametrize("typed, picks", [
    ("2", "party"), ("1", "wedding"), ("השני", "party"), ("the first", "wedding"), ("מספר 2", "party"), ("5", None),
    ("לבר מצווה", "party"), ("wedding", "wedding"), ("bar mitzvah", "party"), ("החתונה של דנה", "wedding"),
    ("ok thanks", None),
])
def test_the_event_is_picked_by_typing_its_number_or_its_name(typed, picks, runtime, fake_graph):
    """Asked which event an answer is for, a guest who types the row's number, "the second" or words that name
    one of the events (its kind in any language: "לבר מצווה" for "Yoni's bar mitzvah") picks it, as a tap does;
    words that fit no single row ("5", "ok thanks") leave the question open, and nothing is recorded."""
    _, (wedding_guest,) = _setup(runtime)
    _, (party_guest,) = _setup(runtime, name="Yoni's bar mitzvah", when=date(2031, 9, 1),
                               organiser="+972541110009")
    avi = GuestPhone(runtime, fake_graph, AVI)
    avi.send("yes, we are 3")
    assert avi.buttons() == [f"pick:{wedding_guest}", f"pick:{party_guest}"]
    avi.send(typed)
    chosen = {"wedding": wedding_guest, "party": party_guest}.get(picks)
    for guest_id in (wedding_guest, party_guest):
        row = guest_row(runtime, guest_id)
        if guest_id == chosen:
            assert (row.status, row.party_size) == (RsvpStatus.confirmed, 3)
        else:
            assert row.status == RsvpStatus.invited


def test_a_note_written_before_picking_the_event_never_drops_the_answer(runtime, fake_graph):
    """Invited to two events, Avi declines in words, then writes a greeting before picking which event: the
    question comes back, and the event he picks gets both his no and his greeting."""
    _, (wedding_guest,) = _setup(runtime)
    _, (party_guest,) = _setup(runtime, name="Yoni's bar mitzvah", when=date(2031, 9, 1),
                               organiser="+972541110009")
    avi = GuestPhone(runtime, fake_graph, AVI)
    yoni_parent = GuestPhone(runtime, fake_graph, "+972541110009")
    yoni_parent.receive()
    assert avi.send("we can't make it, we're abroad") == [
        "You're invited to more than one event. Which one is this answer for?"]
    assert avi.send("mazal tov to Yoni anyway!") == [
        "You're invited to more than one event. Which one is this answer for?"]
    assert avi.buttons() == [f"pick:{wedding_guest}", f"pick:{party_guest}"]
    avi.tap(f"pick:{party_guest}", "Yoni's bar mitzvah")
    assert guest_row(runtime, party_guest).status == RsvpStatus.declined
    assert guest_row(runtime, wedding_guest).status == RsvpStatus.invited
    told = "\n".join(yoni_parent.receive())
    assert "mazal tov to Yoni anyway!" in told, told


def test_details_tell_when_and_where(runtime, fake_graph):
    _, (gid,) = _setup(runtime)
    avi = GuestPhone(runtime, fake_graph, AVI)
    # asked where: the place comes with its map links
    assert avi.send("where is it?") == [
        "📅 *Dana & Noam's wedding*\n🗓 Thu 12 Jun 2031\n📍 Tel Aviv Port\n"
        "🚗 Waze: https://waze.com/ul?q=Tel%20Aviv%20Port&navigate=yes\n"
        "🗺 Google Maps: https://www.google.com/maps/search/?api=1&query=Tel%20Aviv%20Port\n"
        "You haven't answered yet: reply yes or no."]
    avi.send("מתי?")
    assert avi.all_messages()[-1].text == (
        "📅 *\u2068Dana & Noam's wedding\u2069*\n🗓 יום חמישי, 12 ביוני 2031\n📍 \u2068Tel Aviv Port\u2069\n"
        "עוד לא עניתם: כתבו כן או לא.")


def test_stop_opts_out_of_every_event_and_start_undoes_it(runtime, fake_graph):
    event_id, (gid,) = _setup(runtime)
    _, (other,) = _setup(runtime, name="Yoni's bar mitzvah", when=date(2031, 9, 1), organiser="+972541110009",
                         invite=False)
    avi = GuestPhone(runtime, fake_graph, AVI)
    assert avi.send("STOP") == ["You won't get more messages from us. Send START to undo."]
    assert guest_row(runtime, gid).opted_out and guest_row(runtime, other).opted_out
    other_event = guest_row(runtime, other).event_id
    with runtime.transaction() as s:
        user = s.scalar(select(User).where(User.phone == "+972541110009"))
        audience = sending.invite_audience(s, user, other_event)
        assert audience.count == 0 and audience.skipped == {"opted out": 1}
    assert avi.send("start") == ["Welcome back! You'll get messages about your invitations again."]
    assert not guest_row(runtime, gid).opted_out and not guest_row(runtime, other).opted_out


def test_anything_else_is_passed_on_to_the_organisers(runtime, fake_graph, organiser):
    _, (gid,) = _setup(runtime)
    avi = GuestPhone(runtime, fake_graph, AVI)
    assert avi.send("Can I bring my dog?") == ["Thanks! I've passed your message to the organisers."]
    assert organiser.receive() == ["💬 Avi Cohen (guest of Dana & Noam's wedding) wrote: “Can I bring my dog?”"]
    assert avi.send("אפשר להביא כלב?") == ["תודה! העברתי את ההודעה למארגנים."]


def test_not_a_guest_is_left_to_the_organiser_chat(runtime, fake_graph):
    _setup(runtime)
    stranger = GuestPhone(runtime, fake_graph, "+972549999999")
    assert stranger.send("hello") == []
    assert stranger.handled == [False]


def test_guest_payloads_are_recognised():
    assert is_guest_payload("rsvp:6f1c2a9e-8a0e-4d5e-9a53-1a2b3c4d5e6f:yes")
    assert is_guest_payload("party:6f1c2a9e-8a0e-4d5e-9a53-1a2b3c4d5e6f:more")
    assert is_guest_payload("pick:6f1c2a9e-8a0e-4d5e-9a53-1a2b3c4d5e6f")
    assert not is_guest_payload("rsvp:nope:yes")
    assert not is_guest_payload("confirm:yes")
    assert not is_guest_payload(None)


TOO_MANY_EN = ("One answer can hold up to 50 people, so I haven't recorded {n}. Your message is with the organisers; "
               "they'll see it in their inbox. If you meant a smaller number, just send it, e.g. 4")


def test_a_head_count_above_the_maximum_is_told_passed_on_and_never_recorded(runtime, fake_graph, organiser):
    """"we are 51": more than one answer holds. The guest reads why nothing was recorded and that the
    organisers have the message; the guest stays as they were (not a note left pending unexplained)."""
    event_id, (gid,) = _setup(runtime)
    avi = GuestPhone(runtime, fake_graph, AVI)
    assert avi.send("we are 51") == [TOO_MANY_EN.format(n=51)]
    guest = guest_row(runtime, gid)
    assert (guest.status, guest.party_size, guest.answered_at) == (RsvpStatus.invited, None, None)
    assert organiser.receive() == ["💬 Avi Cohen (guest of Dana & Noam's wedding) wrote: “we are 51”"]
    assert avi.send("נהיה 60") == ["בתשובה אחת אפשר לרשום עד 50 איש, לכן לא רשמתי 60. ההודעה שלכם אצל המארגנים, "
                                   "והם יראו אותה בתיבת ההודעות שלהם. אם התכוונתם למספר קטן יותר, פשוט שלחו אותו, למשל 4"]
    assert avi.send("yes, 200 of us") == [TOO_MANY_EN.format(n=200)]
    guest = guest_row(runtime, gid)
    assert (guest.status, guest.party_size) == (RsvpStatus.invited, None)
    assert _stats(runtime, event_id)["expected_headcount"] == 0
    # a smaller number, sent after, is the answer
    assert avi.send("we are 5")[0].startswith("🎉 Wonderful, Avi! You're coming to Dana & Noam's wedding: 5 people.")
    assert (guest_row(runtime, gid).status, guest_row(runtime, gid).party_size) == (RsvpStatus.confirmed, 5)


def test_too_many_after_how_many_keeps_the_question_open_and_a_confirmed_party_stays(runtime, fake_graph, organiser):
    _, (gid,) = _setup(runtime)
    avi = GuestPhone(runtime, fake_graph, AVI)
    avi.tap(f"rsvp:{gid}:yes", "Yes")
    assert avi.send("70") == [TOO_MANY_EN.format(n=70)]
    assert guest_row(runtime, gid).party_size is None
    assert avi.send("7") == ["👍 Got it: 7 people for Dana & Noam's wedding. Thank you!"]
    assert avi.send("actually we will be 300") == [TOO_MANY_EN.format(n=300)]
    guest = guest_row(runtime, gid)
    assert (guest.status, guest.party_size) == (RsvpStatus.confirmed, 7)


def test_too_many_with_two_events_asks_which_then_passes_it_on(runtime, fake_graph):
    _, (wedding_guest,) = _setup(runtime)
    _, (party_guest,) = _setup(runtime, name="Yoni's bar mitzvah", when=date(2031, 9, 1), organiser="+972541110009")
    avi = GuestPhone(runtime, fake_graph, AVI)
    avi.seen = len(avi.all_messages())
    replies = avi.send("we are 60")
    assert len(replies) == 1 and avi.buttons() == [f"pick:{wedding_guest}", f"pick:{party_guest}"]
    assert avi.tap(f"pick:{party_guest}", "Yoni's bar mitzvah") == [TOO_MANY_EN.format(n=60)]
    for gid in (wedding_guest, party_guest):
        assert (guest_row(runtime, gid).status, guest_row(runtime, gid).party_size) == (RsvpStatus.invited, None)


def test_sorry_a_mistake_just_me_and_my_wife_changes_the_party_and_never_declines(runtime, fake_graph, organiser):
    """A guest confirmed for 3 who writes "סליחה טעות, רק אני ואשתי" (sorry, mistake: just me and my wife) is
    coming, 2 people: the apology is for the number, not a decline. The same for the family of such corrections."""
    event_id, (gid,) = _setup(runtime, party_size=3)
    avi = GuestPhone(runtime, fake_graph, AVI)
    avi.tap(f"rsvp:{gid}:yes", "Yes")
    organiser.receive()
    assert avi.send("סליחה טעות, רק אני ואשתי") == ["👍 רשמנו: שני אנשים ל-\u2068Dana & Noam's wedding\u2069. תודה!"]
    guest = guest_row(runtime, gid)
    assert (guest.status, guest.party_size) == (RsvpStatus.confirmed, 2)
    notices = organiser.receive()
    assert notices == ["Avi Cohen: ✅ coming, 2 people — Dana & Noam's wedding (1 confirmed, 2 people)"]
    assert _stats(runtime, event_id)["expected_headcount"] == 2
    for text, party in (("טעות, נהיה רק 3", 3), ("sorry my mistake, just the two of us", 2),
                        ("ошибся, нас будет трое", 3)):
        avi.send(text)
        guest = guest_row(runtime, gid)
        assert (text, guest.status, guest.party_size) == (text, RsvpStatus.confirmed, party)
    # an apology with who comes but no correction is asked back, never recorded as a decline
    assert avi.send("sorry, me and my wife") == ["Just to be sure: you're coming, 2 people?"]
    assert guest_row(runtime, gid).status == RsvpStatus.confirmed
    # "sorry, my mistake" alone: which answer was the mistake? asked back, nothing changes
    assert avi.send("סליחה טעות") == ["רק לוודא: לרשום שלא תגיעו?"]
    assert (guest_row(runtime, gid).status, guest_row(runtime, gid).party_size) == (RsvpStatus.confirmed, 3)


OPTED_OUT_HE = "לא נשלח לכם יותר הודעות. כדי לחדש, שלחו *התחל*."
OPTED_IN_HE = "ברוכים השבים! תקבלו שוב הודעות על ההזמנות שלכם."


def test_stop_and_start_spelled_in_hebrew_or_arabic_letters_opt_out_and_back_in(runtime, fake_graph, organiser):
    """"סטופ", "ستوب" are "stop" written in Hebrew or Arabic letters: they opt out (never a note for the
    organisers); "סטארט", "ستارت" opt back in."""
    _, (gid,) = _setup(runtime)
    avi = GuestPhone(runtime, fake_graph, AVI)
    for stop, start in (("סטופ", "סטארט"), ("סטופ!", "סטארט")):
        assert avi.send(stop) == [OPTED_OUT_HE]
        assert guest_row(runtime, gid).opted_out
        assert avi.send(start) == [OPTED_IN_HE]
        assert not guest_row(runtime, gid).opted_out
    assert avi.send("ستوب") == ["لن تصلكم منا رسائل أخرى. أرسلوا *ابدأ* للتراجع."]
    assert guest_row(runtime, gid).opted_out
    assert avi.send("ستارت") == ["أهلًا بعودتكم! ستصلكم الرسائل عن دعواتكم من جديد."]
    assert not guest_row(runtime, gid).opted_out
    told = organiser.receive()    # told of each stop and start, and nothing was passed on as a note
    assert [t[0] for t in told] == ["🔕", "🔔"] * 3 and not any("💬" in t for t in told)


def test_a_hebrew_writer_who_types_the_english_stop_or_start_is_still_answered_in_hebrew(runtime, fake_graph, organiser):
    """STOP and START are the words WhatsApp users everywhere know, typed on an English keyboard
    by people who write Hebrew: one such word does not turn the guest's replies English."""
    _, (gid,) = _setup(runtime)
    avi = GuestPhone(runtime, fake_graph, AVI)
    avi.send("יש חניה באולם?")
    assert avi.send("stop") == [OPTED_OUT_HE]
    assert avi.send("START") == [OPTED_IN_HE]
    assert not guest_row(runtime, gid).opted_out
    # a whole sentence in English is the guest's choice of language
    assert avi.send("please stop sending me messages")[0].startswith("You won't get more messages")


@pytest.mark.parametrize("back", ["סליחה, לחצתי בטעות. start", "סליחה לחצתי בטעות על סטופ", "oops, pressed stop by mistake",
                                  "sorry START please"])
def test_an_opted_out_guest_who_says_start_among_other_words_is_back_in(runtime, fake_graph, organiser, back):
    """Someone who opted out and writes the start word, or that stop was a mistake, in a sentence means it:
    they are back in, not asked whether they decline."""
    _, (gid,) = _setup(runtime)
    avi = GuestPhone(runtime, fake_graph, AVI)
    avi.send("יש חניה באולם?")
    avi.send("סטופ")
    assert guest_row(runtime, gid).opted_out
    avi.send(back)
    assert not guest_row(runtime, gid).opted_out
    assert guest_row(runtime, gid).status == RsvpStatus.invited   # and no answer was recorded for them


def test_an_opted_out_guest_saying_not_to_start_stays_out(runtime, fake_graph, organiser):
    _, (gid,) = _setup(runtime)
    avi = GuestPhone(runtime, fake_graph, AVI)
    avi.send("stop")
    avi.send("please don't start sending me messages again")
    assert guest_row(runtime, gid).opted_out


def test_take_us_off_after_a_yes_is_asked_about_never_filed_as_a_note(runtime, fake_graph, organiser):
    """"תורידו אותנו" after saying yes: off the messages, or off the list? The guest is asked about the messages
    [כן] [לא], and their yes stands until they say otherwise; it was filed as a note to the organisers."""
    _, (gid,) = _setup(runtime)
    avi = GuestPhone(runtime, fake_graph, AVI)
    avi.tap(f"rsvp:{gid}:yes", "Yes")
    avi.tap(f"party:{gid}:2", "2")
    assert avi.send("תורידו אותנו") == ["לא לשלוח לכם יותר הודעות?"]
    assert avi.buttons() == [f"optout:{gid}:yes", f"optout:{gid}:no"]
    row = guest_row(runtime, gid)
    assert (row.status, row.party_size, row.opted_out) == (RsvpStatus.confirmed, 2, False)


def test_a_bare_enough_is_asked_before_the_messages_stop(runtime, fake_graph, organiser):
    """"די נו" is often a sigh: the guest is asked "לא לשלוח לכם יותר הודעות?" [כן] [לא] and only [כן]
    opts out. "די לשלוח לי הודעות", "תפסיקו", "הסירו אותי" stop at once; "די נו, ברור שנגיע" is a yes."""
    _, (gid,) = _setup(runtime)
    avi = GuestPhone(runtime, fake_graph, AVI)
    for sigh in ("די נו", "די", "נו די"):
        assert avi.send(sigh) == ["לא לשלוח לכם יותר הודעות?"], sigh
        assert avi.buttons() == [f"optout:{gid}:yes", f"optout:{gid}:no"]
        assert [b["reply"]["title"] for b in avi.last[0].payload["interactive"]["action"]["buttons"]] == ["כן", "לא"]
        assert not guest_row(runtime, gid).opted_out
    assert avi.tap(f"optout:{gid}:no", "לא") == ["בסדר, לא שינינו כלום: תמשיכו לקבל הודעות על ההזמנה."]
    assert not guest_row(runtime, gid).opted_out
    avi.send("די נו")
    assert avi.tap(f"optout:{gid}:yes", "כן") == [OPTED_OUT_HE]
    assert guest_row(runtime, gid).opted_out
    avi.send("סטארט")
    for clear in ("די לשלוח לי הודעות", "תפסיקו", "הסירו אותי"):
        assert avi.send(clear) == [OPTED_OUT_HE], clear
        assert guest_row(runtime, gid).opted_out
        avi.send("start")
    assert avi.send("די נו, ברור שנגיע")[0].startswith("🎉 איזה כיף, \u2068Avi\u2069!")
    assert guest_row(runtime, gid).status == RsvpStatus.confirmed and not guest_row(runtime, gid).opted_out
    assert all("💬" not in notice for notice in organiser.receive())   # nothing passed on as a note


WHO_EN = ("👋 Hi, Avi! I'm the invitation bot. Dana invites you to Dana & Noam's wedding.\n"
          "🗓 Thu 12 Jun 2031 · 📍 Tel Aviv Port")
WHO_HE = ("👋 שלום \u2068Avi\u2069! אני הבוט של ההזמנות. הוזמנתם ל-\u2068Dana & Noam's wedding\u2069 מטעם \u2068Dana\u2069.\n"
          "🗓 יום חמישי, 12 ביוני 2031 · 📍 \u2068Tel Aviv Port\u2069")


def test_who_is_this_is_answered_with_the_invitation_and_never_passed_on(runtime, fake_graph, organiser):
    """A confused guest ("?", "מה?", "מי זה?", "who is this?", "что это?", "مين؟") reads, in their language,
    who writes and what for: the invitation in two lines, and the answer buttons while they have not answered.
    Nothing goes to the organisers; a real question ("is there parking?") still does."""
    _, (gid,) = _setup(runtime)
    avi = GuestPhone(runtime, fake_graph, AVI)
    answer_buttons = [f"rsvp:{gid}:yes", f"rsvp:{gid}:no", f"rsvp:{gid}:maybe"]
    assert avi.send("?") == [WHO_EN + "\n\nWhat's your answer for Dana & Noam's wedding?"]
    assert avi.buttons() == answer_buttons
    for text in ("מה?", "מה זה?", "מי זה?", "סליחה מי זה? לא שמור לי המספר"):
        assert avi.send(text) == [WHO_HE + "\n\nמה התשובה שלכם לגבי \u2068Dana & Noam's wedding\u2069?"], text
        assert avi.buttons() == answer_buttons
    assert avi.send("who is this?") == [WHO_EN + "\n\nWhat's your answer for Dana & Noam's wedding?"]
    assert avi.send("что это?") == [
        "👋 Здравствуйте, Avi! Я бот приглашений. Dana приглашает вас на «Dana & Noam's wedding».\n"
        "🗓 четверг, 12 июня 2031\u202fг. · 📍 Tel Aviv Port\n\nПридёте на «Dana & Noam's wedding»?"]
    assert avi.send("مين؟")[0].startswith("👋 مرحبًا \u2068Avi\u2069! أنا بوت الدعوات. دعوة من \u2068Dana\u2069 إلى ")
    assert organiser.receive() == []
    guest = guest_row(runtime, gid)
    assert (guest.status, guest.answered_at) == (RsvpStatus.invited, None)
    # the buttons answer
    avi.tap(f"rsvp:{gid}:yes", "✅ Yes, coming")
    avi.tap(f"party:{gid}:2", "2")
    # once answered: the answer that stands, no buttons
    assert avi.send("מי זה?") == [WHO_HE + "\nהתשובה שלכם: מגיעים, שני אנשים"]
    assert avi.last[0].button_ids == []
    organiser.receive()
    assert avi.send("is there parking?") == ["Thanks! I've passed your message to the organisers."]
    assert organiser.receive() == ["💬 Avi Cohen (guest of Dana & Noam's wedding) wrote: “is there parking?”"]


def test_who_is_this_with_two_invitations_lists_both(runtime, fake_graph, organiser):
    _setup(runtime)
    _setup(runtime, name="Yoni's bar mitzvah", when=date(2031, 9, 1), organiser="+972541110009")
    avi = GuestPhone(runtime, fake_graph, AVI)
    avi.seen = len(avi.all_messages())
    assert avi.send("who is this?") == [
        "👋 Hi, Avi! I'm the invitation bot. You're invited to:\n\n"
        "📅 *Dana & Noam's wedding*\n🗓 Thu 12 Jun 2031\n📍 Tel Aviv Port\nYou haven't answered yet: reply yes or no.\n\n"
        "📅 *Yoni's bar mitzvah*\n🗓 Mon 1 Sep 2031\n📍 Tel Aviv Port\nYou haven't answered yet: reply yes or no."]
    assert organiser.receive() == []


def test_an_answer_that_names_one_of_two_events_is_for_that_event(runtime, fake_graph):
    """Invited to two events, a guest who names one ("לא אוכל להגיע לאירוסין", "we can't make the bar mitzvah")
    answers that one; its organisers are told and the other invitation stays as it was. Naming none, or both,
    still asks which."""
    _, (wedding,) = _setup(runtime)
    _, (engagement,) = _setup(runtime, name="האירוסין של מיכל", when=date(2031, 5, 1), organiser="+972541110008")
    _, (bar_mitzvah,) = _setup(runtime, name="Yoni's bar mitzvah", when=date(2031, 9, 1), organiser="+972541110009")
    michal = GuestPhone(runtime, fake_graph, "+972541110008")
    yoni = GuestPhone(runtime, fake_graph, "+972541110009")
    dana = GuestPhone(runtime, fake_graph, ORGANISER)
    avi = GuestPhone(runtime, fake_graph, AVI)
    avi.seen = len(avi.all_messages())
    assert avi.send("לא אוכל להגיע לאירוסין") == [
        "תודה שעדכנתם, \u2068Avi\u2069. רשמנו שלא תגיעו לאירוסין של מיכל. אם משהו ישתנה, פשוט כתבו כאן."]
    assert guest_row(runtime, engagement).status == RsvpStatus.declined
    assert guest_row(runtime, wedding).status == guest_row(runtime, bar_mitzvah).status == RsvpStatus.invited
    assert michal.receive() == ["Avi Cohen: ❌ not coming — \u2068האירוסין של מיכל\u2069 (0 confirmed, 0 people)"]
    assert avi.send("we can't make the bar mitzvah") == [
        "Thanks for letting us know, Avi. You're down as not coming to Yoni's bar mitzvah. "
        "If plans change, just reply here."]
    assert guest_row(runtime, bar_mitzvah).status == RsvpStatus.declined
    assert guest_row(runtime, wedding).status == RsvpStatus.invited
    assert yoni.receive() == ["Avi Cohen: ❌ not coming — Yoni's bar mitzvah (0 confirmed, 0 people)"]
    assert dana.receive() == []
    # the wedding named: "we'll be 3 at the wedding"
    assert avi.send("we'll be 3 at the wedding")[0].startswith(
        "🎉 Wonderful, Avi! You're coming to Dana & Noam's wedding: 3 people.")
    assert (guest_row(runtime, wedding).status, guest_row(runtime, wedding).party_size) == (RsvpStatus.confirmed, 3)
    # no event named, or two: asked which, nothing recorded
    for text in ("sorry, we can't come", "yes to the wedding, no to the bar mitzvah"):
        assert avi.send(text) == ["You're invited to more than one event. Which one is this answer for?"], text
    assert guest_row(runtime, wedding).status == RsvpStatus.confirmed
    assert guest_row(runtime, bar_mitzvah).status == RsvpStatus.declined
