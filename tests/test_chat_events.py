"""Organisers create and run events by chat: welcome, new event, several events, details,
changes, deletion with a confirmation that expires, reminders, notifications, help."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select

from storage.models import Conversation, Event, EventMember, Guest
from tests.phone import phone_factory  # noqa: F401  (fixture)

DANA = "+972521234567"
NOAM = "+972529876543"


def count(runtime, model) -> int:
    with runtime.transaction() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_a_stranger_gets_a_welcome_that_shows_how_to_start(phone_factory):
    dana = phone_factory(DANA, "Dana")
    for text in ("hi there", "guests", "stats", "events", "use 2", "invite"):
        reply = dana.send(text)
        assert "new event Dana & Noam's wedding" in reply or "Send *help*" in reply, (text, reply)
    welcome = dana.send("guests")
    assert "new event Dana & Noam's wedding" in welcome and "date: 12/6/2027" in welcome
    assert "location:" in welcome


def test_new_event_with_date_and_location_lines(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    reply = dana.send("New Event Dana & Noam's wedding\nDate: 12/6/2027\nlocation: Tel Aviv, Hangar 11")
    assert "Created *Dana & Noam's wedding*" in reply
    assert "12 Jun 2027" in reply and "Hangar 11" in reply and "admin" in reply
    details = dana.send("event")
    assert "12 Jun 2027" in details and "Tel Aviv, Hangar 11" in details and "you're admin" in details
    assert count(runtime, Event) == 1


def test_a_new_event_without_a_date_says_how_to_add_it(phone_factory):
    dana = phone_factory(DANA)
    reply = dana.send("create event Bar mitzvah")
    assert "set date" in reply and "set location" in reply


def test_bad_new_event_input_gets_a_hint_and_creates_nothing(phone_factory, runtime):
    dana = phone_factory(DANA)
    assert "name" in dana.send("new event").lower()
    reply = dana.send("new event Party\ndate: 45/45/2027")
    assert "date" in reply.lower()
    assert count(runtime, Event) == 0


def test_set_date_location_and_name(phone_factory):
    dana = phone_factory(DANA)
    dana.send("new event Wedding")
    assert "12 Jun 2027" in dana.send("set date 12.6.27")
    assert "Hangar 11" in dana.send("set location: Hangar 11, Tel Aviv")
    assert "Dana & Noam" in dana.send("rename Dana & Noam's wedding")
    details = dana.send("event details")
    assert "Dana & Noam's wedding" in details and "12 Jun 2027" in details and "Hangar 11" in details
    assert "date" in dana.send("set date someday").lower()


def test_several_events_ask_which_one_and_use_switches(phone_factory):
    dana = phone_factory(DANA)
    dana.send("new event Wedding\ndate: 12/6/2027")
    dana.send("new event Brit\ndate: 1/2/2027")
    dana.send("add guest Avi Cohen 0502345678")   # goes to Brit, the current (newest) event
    listing = dana.send("events")
    assert "1. Brit" in listing and "2. Wedding" in listing
    assert "1 guest" in listing and "admin" in listing and "current" in listing
    assert "Now working on *Wedding*" in dana.send("use 2")
    assert "Wedding" in dana.send("guests") and "no guests yet" in dana.last
    assert "Brit" in dana.send("use brit")
    assert "Avi Cohen" in dana.send("guests")
    assert "no event called" in dana.send("use Party")
    assert "no event number 7" in dana.send("use 7")


def test_several_events_and_none_chosen_lists_them(phone_factory, runtime):
    dana = phone_factory(DANA)
    dana.send("new event Wedding")
    dana.send("new event Brit")
    with runtime.transaction() as s:   # as after the current event was deleted by another admin
        conv = s.get(Conversation, s.scalar(select(EventMember.user_id)))
        conv.current_event_id = None
    reply = dana.send("stats")
    assert "You have 2 events" in reply and "use 2" in reply and "stats" in reply


def test_delete_event_asks_with_numbers_and_yes_deletes(phone_factory, runtime):
    dana = phone_factory(DANA)
    dana.send("new event Wedding")
    dana.send("add guests\nAvi 0502345678\nRon 0502345679")
    question = dana.send("delete event")
    assert "Delete *Wedding* with its 2 guests" in question and "yes or no" in question
    assert dana.last_buttons == ["confirm:yes", "confirm:no"]
    assert count(runtime, Event) == 1
    assert "Deleted Wedding" in dana.tap("confirm:yes", "Yes")
    assert count(runtime, Event) == 0 and count(runtime, Guest) == 0
    assert "new event" in dana.send("guests")   # back to the welcome


def test_a_later_change_drops_the_question_so_a_yes_confirms_only_what_was_just_asked(phone_factory, runtime):
    dana = phone_factory(DANA)
    dana.send("new event Wedding")
    dana.send("delete event")
    assert "Wedding" in dana.send("stats")               # a look in between keeps the question
    assert "Deleted Wedding" in dana.send("yes")
    dana.send("new event Party")
    dana.send("delete event")
    reply = dana.send("add guest Avi 0502345678")       # something else is done meanwhile
    # and the sender is told the question's action was not done
    assert reply.startswith("ℹ️ Not done, as my question had no answer: Delete *Party*"), reply
    assert "Added Avi" in reply
    assert "nothing waiting" in dana.send("yes")
    assert count(runtime, Event) == 1 and count(runtime, Guest) == 1


def test_no_and_cancel_keep_the_event(phone_factory, runtime):
    dana = phone_factory(DANA)
    dana.send("new event Wedding")
    dana.send("delete event")
    assert "cancelled" in dana.send("no").lower()
    dana.send("delete event")
    assert "cancelled" in dana.send("cancel").lower()
    assert "Nothing to cancel" in dana.send("cancel")
    assert "nothing waiting" in dana.send("yes")
    assert count(runtime, Event) == 1


def test_a_confirmation_expires_after_ten_minutes(phone_factory, runtime):
    dana = phone_factory(DANA)
    dana.send("new event Wedding")
    dana.send("delete event")
    with runtime.transaction() as s:
        conv = s.scalar(select(Conversation))
        conv.pending_expires_at = datetime.now(timezone.utc) - timedelta(seconds=1)
    assert dana.send("yes") == "That question expired; send *delete event* again."
    assert count(runtime, Event) == 1


def test_reminders_and_notify(phone_factory, runtime):
    dana = phone_factory(DANA)
    dana.send("new event Wedding\ndate: 12/6/2027")
    assert "14, 7, 2 days before" in dana.send("reminders 14 7 2")
    with runtime.transaction() as s:
        assert s.scalar(select(Event.reminder_days)) == [14, 7, 2]
    assert "off" in dana.send("reminders off")
    with runtime.transaction() as s:
        assert s.scalar(select(Event.reminder_days)) is None
    assert "No more answer notifications" in dana.send("notify off")
    assert "off" in dana.send("event").split("Notifications of answers:")[1]
    assert "tell you each guest's answer" in dana.send("notify on")


def test_one_reminder_day_reads_as_one_day(phone_factory):
    dana = phone_factory(DANA)
    dana.send("new event Wedding\ndate: 12/6/2027")
    assert "who haven't answered 1 day before." in dana.send("reminders 1")
    assert "Automatic reminders 1 day before" in dana.send("event")
    dana.send("new event חתונה\nתאריך: 12/6/2027")
    assert "אזכיר לאורחים שעוד לא ענו יום אחד לפני." in dana.send("תזכורות 1")
    assert "יומיים לפני" in dana.send("תזכורות 2")


def test_help_shows_only_what_the_role_allows(phone_factory):
    dana, noam = phone_factory(DANA), phone_factory(NOAM)
    dana.send("new event Wedding")
    admin_help = dana.send("help")
    assert "add guest" in admin_help and "invite" in admin_help and "stats" in admin_help
    assert "*help guests*" in admin_help and "*help team*" in admin_help
    assert "delete event" in dana.send("help events")
    assert "remove guest" in dana.send("help guests")
    assert "add member" in dana.send("help team")
    dana.send(f"add member {NOAM} viewer")
    viewer_help = noam.send("help")
    assert "you're viewer" in viewer_help
    assert "guests" in viewer_help and "stats" in viewer_help and "invite" in viewer_help
    viewer_all = viewer_help + "".join(noam.send(f"help {topic}") for topic in ("events", "guests", "team"))
    for hidden in ("delete event", "remove guest", "add guest", "add member", "mark <ref>"):
        assert hidden not in viewer_all, hidden
    assert len(viewer_help) < len(admin_help)


def test_help_is_short_and_every_command_is_one_topic_away(phone_factory):
    dana = phone_factory(DANA)
    dana.send("new event Wedding")
    short = dana.send("help")
    assert len(short.splitlines()) <= 32
    topics = "".join(dana.send(f"help {t}") for t in ("events", "guests", "sending", "team", "account"))
    for usage in ("quiet <22-8>", "shabbat on|off", "calls", "ask <question>", "token", "day before on|off"):
        assert usage in topics, usage
    assert "Help with what?" in dana.send("help xyz")


def test_unknown_command_gets_a_one_line_hint(phone_factory):
    dana = phone_factory(DANA)
    dana.send("new event Wedding")
    reply = dana.send("blorfle")
    assert "didn't understand" in reply and "help" in reply and "\n" not in reply
    assert "no guests yet" in dana.send("gusets")  # a typo of a read just reads
    hebrew = dana.send("🤷‍♀️ שלום")
    assert "*עזרה*" in hebrew  # a Hebrew message is answered in Hebrew, with the Hebrew command
    assert "help" in dana.send("🤷‍♀️ hello?")


def test_non_text_messages_get_a_hint_and_reactions_get_silence(phone_factory):
    dana = phone_factory(DANA)
    dana.send("new event Wedding")
    for kind in ("image", "sticker", "location", "audio", "video"):
        assert "help" in dana.send_kind(kind), kind
    assert dana.send_kind("reaction") == ""


def test_a_token_is_shown_once_and_can_be_revoked(phone_factory):
    dana = phone_factory(DANA)
    dana.send("new event Wedding")
    reply = dana.send("token")
    assert "shown only this once" in reply and "secret" in reply.lower()
    token = reply.split("\n\n")[1].strip()
    assert len(token) >= 20 and " " not in token
    assert "Revoked 1 API token" in dana.send("token revoke")
    assert "no active API tokens" in dana.send("token revoke")


def test_a_newcomer_typing_anything_gets_the_welcome(phone_factory):
    stranger = phone_factory("+972521231231", "Eli")
    for text in ("asdf qwerty", "hi", "hello"):
        reply = stranger.send(text)
        assert "new event Dana & Noam's wedding" in reply and "date: 12/6/2027" in reply, (text, reply)


def test_a_date_in_the_past_is_flagged(phone_factory):
    dana = phone_factory(DANA, "Dana")
    created = dana.send("new event Reunion\ndate: 1/1/2020")
    assert "already passed" in created
    assert "already passed" not in dana.send("set date 12/6/2031")
    assert "already passed" in dana.send("set date 2020-01-01")


def test_use_picks_the_event_shown_under_that_number_even_after_the_order_changed(phone_factory, runtime):
    dana = phone_factory(DANA)
    dana.send("new event Bris\ndate: 1/9/2027")
    dana.send("new event Wedding\ndate: 1/10/2027")
    listing = dana.send("events")
    assert listing.index("Bris") < listing.index("Wedding")     # 1. Bris, 2. Wedding
    dana.send("use 1")
    dana.send("set date 1/12/2027")                             # Bris moves after Wedding now
    assert "Wedding" in dana.send("use 2")                      # 2 is still what was shown


def test_a_command_that_names_another_event_works_on_that_one_or_says_there_is_none(phone_factory, runtime):
    dana = phone_factory(DANA, "דנה")
    dana.send("אירוע חדש בר המצווה של איתי")
    dana.send("אירוע חדש החתונה של שירה ודן")          # the wedding is the current event now
    reply = dana.send("סטטיסטיקה לבר מצווה")
    assert reply.startswith("עובדים עכשיו על *בר המצווה של איתי*") and "עוד אין אורחים" in reply
    assert "בר המצווה של איתי" in dana.send("אירוע")    # it stays the current one
    reply = dana.send("תשלח הזמנה לברית")
    assert reply.startswith('אין לך אירוע בשם "ברית"') and "1. בר המצווה של איתי" in reply
    assert dana.last_buttons != ["confirm:yes", "confirm:no"]


def test_a_change_that_names_another_events_kind_is_not_done_on_the_current_one(phone_factory, runtime):
    dana = phone_factory(DANA, "דנה")
    dana.send("אירוע חדש הברית של נועם")
    dana.send("אירוע חדש בר מצווה של איתי")            # the bar mitzvah is the current event
    reply = dana.send("שנה את התאריך של הברית ל-11/12/2026")
    assert reply.startswith("זה נשמע כמו *הברית של נועם*, אבל עכשיו עובדים על *בר מצווה של איתי*"), reply
    # a guest added "לברית": moved to the brit, and asked there first
    reply = dana.send("תוסיף את דני רוזן 0521000030 לברית")
    assert reply.startswith("עובדים עכשיו על *הברית של נועם*") and "*הברית של נועם*: להוסיף את דני רוזן (" in reply, reply
    assert count(runtime, Guest) == 0
    with runtime.transaction() as s:
        assert s.scalars(select(Event.date)).all() == [None, None]


def test_a_question_left_on_one_event_is_dropped_when_a_command_moves_to_another(phone_factory, runtime):
    dana = phone_factory(DANA, "דנה")
    dana.send("אירוע חדש הברית של נועם")
    dana.send("אירוע חדש בר מצווה של איתי")
    assert "להוסיף את נתן שמש" in dana.send("הוסף אורח נתן שמש 052-100-0020 5")
    moved = dana.send("כמה אישרו לברית?")                # moves to the brit
    assert "ℹ️ לא בוצע, כי לא הייתה תשובה לשאלה: *בר מצווה של איתי*: להוסיף את נתן שמש" in moved, moved
    assert "אין כרגע שום שאלה" in dana.send("כן")
    assert count(runtime, Guest) == 0


def test_with_several_events_a_guessed_change_names_its_event_in_the_question(phone_factory, runtime):
    dana = phone_factory(DANA, "דנה")
    dana.send("אירוע חדש חתונה")
    assert dana.send("הוסף אורח נתן שמש 052-100-0020 5").startswith("להוסיף את נתן שמש")   # one event: no name
    dana.send("אירוע חדש בר מצווה של איתי")
    question = dana.send("הוסף אורח יעקב גולן 052-100-0021 3")
    assert question.startswith("*בר מצווה של איתי*: להוסיף את יעקב גולן"), question


# ---------------------------------------------------------------- an English-speaking couple's review

TOM_UK = "+447700900123"
FRIDAY_NIGHT_2027 = datetime(2027, 12, 17, 17, 0, tzinfo=timezone.utc)   # 19:00 in Tel Aviv, Shabbat is in


def _held_for_shabbat(phone_factory, fake_graph):
    """Three guests invited on a Friday evening by an event that keeps Shabbat: held to Saturday night."""
    fake_graph.window_enforced = False
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Our wedding\ndate: 12/6/2028\nlocation: Tel Aviv port")
    dana.send("shabbat on")
    dana.send("add guests\nAvi Cohen 052-111-1111\nBea Levi 052-222-2222\nGil Dor 052-333-3333")
    dana.clock = lambda: FRIDAY_NIGHT_2027
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    dana.clock = None
    assert fake_graph.sent_to("+972521111111") == []
    return dana


def test_invitations_held_for_shabbat_read_as_waiting_not_as_to_invite(phone_factory, fake_graph):
    dana = _held_for_shabbat(phone_factory, fake_graph)
    stats = dana.send("stats")
    assert "⏳ 3 invitations waiting for Shabbat to end (going out Sat 18 Dec 2027, 17:" in stats, stats
    assert "*invite*" not in stats and "not sent yet" not in stats
    again = dana.send("invite")
    assert "⏳ 3 invitations waiting for Shabbat to end" in again and "Nobody else of Our wedding to invite" in again
    assert "already has the invitation" not in again
    listing = dana.send("guests not invited")
    assert "Avi Cohen · ⏳ invitation waiting to go out" in listing and "not invited yet" not in listing


def _invited_at_night(phone_factory, fake_graph, *guests: str):
    """Guests invited at 23:30 in Tel Aviv, with quiet hours 22-8: held for the morning. Dana, after it."""
    fake_graph.window_enforced = False
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Our wedding\ndate: 12/6/2028\nlocation: Tel Aviv port")
    dana.send("quiet 22-8")
    for guest in guests:
        dana.send(f"add guest {guest}")
    dana.clock = lambda: datetime(2027, 12, 15, 21, 30, tzinfo=timezone.utc)   # 23:30 in Tel Aviv
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    dana.clock = None
    return dana


def test_invitations_held_for_the_night_wait_for_the_morning(phone_factory, fake_graph):
    stats = _invited_at_night(phone_factory, fake_graph, "Avi Cohen 052-111-1111").send("stats")
    assert "⏳ 1 invitation waiting for the morning (going out Thu 16 Dec 2027, 08:00)" in stats, stats
    assert "*invite*" not in stats


def test_invitations_held_for_the_night_say_when_guests_abroad_get_theirs(phone_factory, fake_graph):
    """A guest with a New York number gets the invitation in New York's morning: stats says
    when the first go out and when the last, not only the last (which read as all of them at 15:00)."""
    dana = _invited_at_night(phone_factory, fake_graph, "Avi Cohen 052-111-1111", "Sarah Miller +1 917 555 0101")
    stats = dana.send("stats")
    assert ("⏳ 2 invitations waiting for the morning (going out Thu 16 Dec 2027, 08:00; "
            "to guests abroad by Thu 16 Dec 2027, 15:00)") in stats, stats


def _invited(phone, lines: str):
    phone.send(lines)
    phone.send("invite")
    phone.tap("confirm:yes", "Yes")


def test_no_to_telling_the_guests_keeps_the_new_date_time_and_place(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Our wedding\ndate: 12/6/2027\nlocation: Tel Aviv port")
    _invited(dana, "add guest Avi Cohen 052-111-1111")
    asked = dana.send("set date 4/12/2026")
    assert "Fri 4 Dec 2026" in asked and "new details?" in asked
    said = dana.send("no")
    assert said == "OK, I won't tell the guests. The new date stays.", said
    assert "Nothing was changed" not in said
    with runtime.transaction() as s:
        assert str(s.scalars(select(Event)).one().date) == "2026-12-04"
    dana.send("set location Jaffa port")
    assert dana.send("cancel") == "OK, I won't tell the guests. The new place stays."
    dana.send("set time 20:00")
    assert dana.tap("confirm:no", "No") == "OK, I won't tell the guests. The new time stays."


def test_no_to_telling_the_guests_in_hebrew(phone_factory, runtime):
    dana = phone_factory(DANA, "דנה")
    dana.send("אירוע חדש החתונה שלנו\nתאריך: 12/6/2027\nמקום: נמל תל אביב")
    dana.send("הוסף אורח אבי כהן 052-111-1111")
    dana.send("שלח הזמנות")
    dana.tap("confirm:yes", "כן")
    assert "בפרטים החדשים" in dana.send("שנה תאריך 13/6/2027")
    assert dana.send("לא") == "בסדר, לא אעדכן את האורחים. התאריך החדש נשאר."
    with runtime.transaction() as s:
        assert str(s.scalars(select(Event)).one().date) == "2027-06-13"


def test_a_bare_setting_word_shows_it_and_how_to_change_it(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Our wedding\ndate: 12/6/2027")
    assert dana.send("quiet") == ("🔔 No quiet hours for Our wedding: messages to guests go out at any hour. "
                                  "Change: *quiet 22-8*")
    dana.send("quiet 21-9")
    assert "21:00–09:00. Change:" in dana.send("quiet")
    dana.send("quiet off")
    assert "No quiet hours for Our wedding" in dana.send("quiet")
    assert "Shabbat hold for Our wedding: off" in dana.send("shabbat")
    dana.send("shabbat on")
    assert "Shabbat hold for Our wedding: on" in dana.send("shabbat") and "*shabbat off*" in dana.send("shabbat")
    assert "Day-before message for Our wedding: on" in dana.send("day before")
    assert "Automatic reminders for Our wedding:" in dana.send("reminders")
    assert dana.send("notify") == "🔔 Answer notifications for Our wedding: on. Change: *notify off*"
    with runtime.transaction() as s:
        event = s.scalars(select(Event)).one()
        assert (event.quiet_hours, event.shabbat, event.day_before) == ("off", True, True)
    hebrew = dana.send("שעות שקט")
    assert "אין שעות שקט" in hebrew and "שעות שקט 22-8" in hebrew


def test_a_viewer_may_look_at_a_setting_but_not_change_it(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Our wedding")
    dana.send(f"add member {NOAM} viewer")
    noam = phone_factory(NOAM, "Noam")
    assert "quiet hours for Our wedding" in noam.send("quiet")
    assert "admin" in noam.send("quiet off").lower()


def test_the_event_card_shows_its_rules_and_a_time_zone_abroad(phone_factory):
    tom = phone_factory(TOM_UK, "Tom")
    tom.send("new event Our wedding\ndate: 12/6/2027\nlocation: Hangar 11, Tel Aviv port")
    card = tom.send("event")
    assert "🔔 Quiet hours: none" in card and "🕯 Shabbat hold: off" in card and "📅 Day-before message: on" in card
    assert "🕰 Times are Israel Time" in card, card
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Our party\nlocation: Tel Aviv port")
    assert "🕰" not in dana.send("event")      # an Israeli's own country: no need to say


def test_a_uk_organiser_s_examples_are_british_numbers_and_an_american_s_dates_are_unambiguous(phone_factory):
    tom = phone_factory(TOM_UK, "Tom")
    created = tom.send("new event Our wedding")
    assert "*add guest Dana Levi +44 7400 123456*" in created and "050-234-5678" not in created
    refused = tom.send("add guest Avi Cohen 12345")
    assert "e.g. +44 7400 123456" in refused and "Try: add guest Dana Levi +44 7400 123456" in refused, refused
    assert "+972" not in refused and "050-" not in refused
    assert "+44 7400 123456" in tom.send("members")
    assert "edit 3 phone +44 7400 123456" in tom.send("edit 1 phone")
    joe = phone_factory("+12015550199", "Joe")
    created = joe.send("new event Our party")
    assert "*set date 2027-06-12*" in created and "12/6/2027" not in created
    assert "+1 201-555-0123" in created
    dana = phone_factory(DANA, "Dana")
    assert "*add guest Dana Levi 050-234-5678*" in dana.send("new event Our brit")
