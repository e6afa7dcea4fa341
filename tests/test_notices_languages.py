"""Everyone reads what the bot writes to them in their own language: organisers told of a
guest's answer, guests who only tap buttons, guests who write Arabic, and the apology
after a conversation failed for good."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from bot.chat.router import handle_message
from bot.services import events, guests, members, notices, sending
from bot.services.errors import NotFound
from bot.services.users import get_or_create_user
from bot.text import guest_replies, i18n
from bot.worker import answering, drain
from storage.models import Direction, Message, Role, RsvpStatus, User, utcnow
from tests import webhooks
from tests.conftest import TEST_APP_SECRET
from tests.guest_helpers import GuestPhone, guest_row

HEBREW_ORGANISER = "+972541110000"
ENGLISH_ORGANISER = "+972541110001"
AVI = "+972541234001"
WEDDING = "Dana & Noam's wedding"
FSI, PDI = "\u2068", "\u2069"


def _user(session, phone: str, lang: str, name: str = "Dana") -> User:
    user = get_or_create_user(session, phone=phone, display_name=name)
    user.language, user.language_fixed = lang, True
    return user


def _event(runtime, language: str = "en", first_name: str = "Avi", co_organiser: bool = False):
    with runtime.transaction() as s:
        dana = _user(s, HEBREW_ORGANISER, "he")
        event = events.create_event(s, dana, WEDDING, date=date(2031, 6, 12), location="Tel Aviv Port",
                                    language=language)
        if co_organiser:
            members.add_member(s, dana, event.id, ENGLISH_ORGANISER, Role.editor)
            _user(s, ENGLISH_ORGANISER, "en", "Noam")
        gid = guests.add_guest(s, dana, event.id, guests.GuestInput(first_name=first_name, last_name="Cohen",
                                                                    phone=AVI)).id
        sending.send_invitations(s, dana, event.id)
        event_id = event.id
    drain(runtime)
    return event_id, gid


def test_each_organiser_reads_the_answer_in_their_own_language(runtime, fake_graph):
    _, gid = _event(runtime, co_organiser=True)
    dana = GuestPhone(runtime, fake_graph, HEBREW_ORGANISER)
    noam = GuestPhone(runtime, fake_graph, ENGLISH_ORGANISER)
    avi = GuestPhone(runtime, fake_graph, AVI)
    avi.seen = 1
    avi.tap(f"rsvp:{gid}:no", "No")
    assert guest_row(runtime, gid).status == RsvpStatus.declined
    assert dana.receive() == [
        f"{FSI}Avi Cohen{PDI}: ❌ לא מגיעים — {FSI}{WEDDING}{PDI} (אישרו: 0, 0 אנשים)"]
    assert noam.receive() == [f"Avi Cohen: ❌ not coming — {WEDDING} (0 confirmed, 0 people)"]


def test_each_organiser_reads_the_tally_of_an_invitation_round_in_their_language(runtime, fake_graph):
    _event(runtime, co_organiser=True)   # Dana (Hebrew) sends the invitations
    drain(runtime, tick=True)            # every invitation is final: the clock queues the tally
    drain(runtime)
    assert [m.text for m in fake_graph.sent_to(HEBREW_ORGANISER)][-1] == (
        f"✅ שליחת ההזמנות ל-{FSI}{WEDDING}{PDI} הסתיימה. נשלחו: 1.")


def test_a_household_with_a_child_is_told_to_each_organiser_in_their_language(runtime, fake_graph):
    _, gid = _event(runtime, co_organiser=True)
    dana = GuestPhone(runtime, fake_graph, HEBREW_ORGANISER)
    noam = GuestPhone(runtime, fake_graph, ENGLISH_ORGANISER)
    avi = GuestPhone(runtime, fake_graph, AVI)
    avi.send("כן, מגיעים 2 + ילד")
    assert (guest_row(runtime, gid).party_size, guest_row(runtime, gid).children) == (3, 1)
    assert dana.receive() == [
        f"{FSI}Avi Cohen{PDI}: ✅ מגיעים, 3 אנשים (ילד אחד) — {FSI}{WEDDING}{PDI} (אישרו: 1, 3 אנשים)"]
    assert noam.receive() == [f"Avi Cohen: ✅ coming, 3 people (1 child) — {WEDDING} (1 confirmed, 3 people)"]


def test_a_new_member_who_never_wrote_is_welcomed_in_the_events_language(runtime, fake_graph):
    with runtime.transaction() as s:
        dana = _user(s, HEBREW_ORGANISER, "he")
        hebrew = events.create_event(s, dana, "החתונה של דנה", language="he")
        english = events.create_event(s, dana, WEDDING, language="en")
        for event, phone in ((hebrew, "+972529998888"), (english, "+972529998877")):
            notices.tell_new_member(s, dana, event, members.add_member(s, dana, event.id, phone, Role.editor))
    fake_graph.open_window("+972529998888"), fake_graph.open_window("+972529998877")
    drain(runtime)
    ronit, = fake_graph.sent_to("+972529998888")
    assert ronit.text.startswith("👋 נוספת לצוות של *החתונה של דנה* בתפקיד עורך") and "added" not in ronit.text
    sam, = fake_graph.sent_to("+972529998877")
    assert sam.text.startswith("👋 Dana (+972 54-111-0000) added you to the team")
    with runtime.transaction() as s:
        events.delete_event(s, s.get(User, dana.id), hebrew.id)
    drain(runtime)
    assert fake_graph.sent_to("+972529998888")[-1].text.startswith("🗑 ")
    assert "deleted" not in fake_graph.sent_to("+972529998888")[-1].text


def test_a_note_from_a_guest_reaches_each_organiser_in_their_language(runtime, fake_graph):
    _event(runtime, co_organiser=True)
    dana = GuestPhone(runtime, fake_graph, HEBREW_ORGANISER)
    noam = GuestPhone(runtime, fake_graph, ENGLISH_ORGANISER)
    dana.receive(), noam.receive()
    avi = GuestPhone(runtime, fake_graph, AVI)
    avi.send("Can I bring my dog?")
    assert dana.receive() == [
        f'💬 הודעה מ-{FSI}Avi Cohen{PDI} (מוזמנים ל-{FSI}{WEDDING}{PDI}): "{FSI}Can I bring my dog?{PDI}"']
    assert noam.receive() == [f"💬 Avi Cohen (guest of {WEDDING}) wrote: “Can I bring my dog?”"]


def test_a_guest_of_a_russian_event_who_only_taps_reads_russian(runtime, fake_graph):
    _, gid = _event(runtime, language="ru", first_name="Ivan")
    avi = GuestPhone(runtime, fake_graph, AVI)
    avi.seen = 1
    asked = avi.tap(f"rsvp:{gid}:yes", "Да")
    assert asked == [guest_replies.ask_party_size("ru", "Ivan", WEDDING)]
    assert asked[0].startswith("🎉") and "«" in asked[0] and "Wonderful" not in asked[0]
    recorded = avi.tap(f"party:{gid}:2", "2")
    assert recorded == [guest_replies.party_recorded("ru", WEDDING, 2)]
    assert "2 человека" in recorded[0]
    assert guest_row(runtime, gid).party_size == 2


def test_a_guest_writing_arabic_is_answered_in_arabic(runtime, fake_graph):
    _, gid = _event(runtime, first_name="Sami")
    avi = GuestPhone(runtime, fake_graph, AVI)
    replies = avi.send("نعم")
    assert guest_row(runtime, gid).status == RsvpStatus.confirmed
    assert replies == [guest_replies.ask_party_size("ar", "Sami", WEDDING)]
    assert i18n.detect_language(replies[0]) == "ar"
    assert avi.send("٣") == [guest_replies.party_recorded("ar", WEDDING, 3)]
    assert guest_row(runtime, gid).party_size == 3


def test_the_apology_is_in_the_guests_language(app, client, runtime):
    def conversation(session, settings, user, msg):
        if msg.text == "бум":
            raise RuntimeError("a bug")
        handle_message(session, settings, user, msg)

    runtime.on_message = conversation
    phone = "+972529990001"
    with runtime.transaction() as s:
        _user(s, phone, "ru", "Ivan")
    body, headers = webhooks.signed(webhooks.delivery(webhooks.text_message(phone, "бум")), TEST_APP_SECRET)
    assert client.post("/webhook", data=body, headers=headers).status_code == 200
    now = utcnow()
    for minutes in range(3):
        answering.drain_inbox(runtime, now=now + timedelta(minutes=minutes))
    with runtime.transaction() as s:
        apology = s.scalars(select(Message).where(Message.direction == Direction.outbound,
                                                  Message.kind == "apology")).one()
    assert apology.body == guest_replies.apology("ru") == \
        "Извините, у меня что-то пошло не так. Пожалуйста, попробуйте ещё раз через минуту."
    assert guest_replies.apology("en") == "Sorry, something went wrong on my side. Please try again in a minute."
    assert all(guest_replies.apology(lang) != guest_replies.apology("en") for lang in ("he", "ar", "ru"))


def test_errors_are_in_the_organisers_language_and_english_elsewhere(runtime):
    with runtime.transaction() as s:
        dana = _user(s, HEBREW_ORGANISER, "he")
        event = events.create_event(s, dana, WEDDING)
        for lang, expected in (("he", "האורח לא נמצא."), ("en", "Guest not found."), (None, "Guest not found.")):
            try:
                with i18n.use(lang):
                    guests.get_guest(s, dana, event.id, event.id)
            except NotFound as exc:
                assert exc.message == expected
            else:  # pragma: no cover
                raise AssertionError("no error")


def test_a_new_team_member_is_welcomed_in_their_own_language(runtime):
    with runtime.transaction() as s:
        noam = _user(s, ENGLISH_ORGANISER, "en", "Noam")
        event = events.create_event(s, noam, WEDDING)
        member = members.add_member(s, noam, event.id, HEBREW_ORGANISER, Role.editor)
        _user(s, HEBREW_ORGANISER, "he")
        notices.tell_new_member(s, noam, event, member)
        row = s.scalars(select(Message).where(Message.kind == "member_added")).one()
        assert row.phone == HEBREW_ORGANISER and row.payload["language"] == "he"


def test_a_new_member_who_never_wrote_reads_later_notices_in_the_welcomes_language(runtime, fake_graph):
    """Welcomed in Hebrew, then told of a guest's answer: in Hebrew too, not English."""
    ronit_phone = "+972529998888"
    with runtime.transaction() as s:
        dana = _user(s, HEBREW_ORGANISER, "he")
        event = events.create_event(s, dana, "החתונה של דנה", date=date(2031, 6, 12), language="he")
        notices.tell_new_member(s, dana, event, members.add_member(s, dana, event.id, ronit_phone, Role.editor))
        gid = guests.add_guest(s, dana, event.id, guests.GuestInput(first_name="אבי", last_name="כהן", phone=AVI)).id
        sending.send_invitations(s, dana, event.id)
    fake_graph.open_window(ronit_phone)
    drain(runtime)
    ronit = GuestPhone(runtime, fake_graph, ronit_phone)
    ronit.receive()                                    # the welcome
    avi = GuestPhone(runtime, fake_graph, AVI)
    avi.seen = 1
    avi.tap(f"rsvp:{gid}:no", "לא")
    assert ronit.receive() == ["אבי כהן: ❌ לא מגיעים — החתונה של דנה (אישרו: 0, 0 אנשים)"]
