"""An event has a start time beside its date, set as organisers write it (a `time:` line,
`set time`, a time after the date, fields sent in their own messages right after
`new event`), shown to organisers and guests, in REST and in the calendar file."""
from __future__ import annotations

from datetime import time

from sqlalchemy import select

from bot.services import rsvp_links, tokens
from bot.services.users import get_or_create_user
from storage.models import Event, Guest, User
from tests.conftest import TEST_APP_SECRET
from tests.conftest import only_event
from tests.phone import phone_factory  # noqa: F401  (fixture)

DANA = "+972521234567"
GUEST = "+972541234001"


def test_a_time_line_in_new_event_is_the_start_time(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    reply = dana.send("new event Wedding\ndate: 12/6/2027\ntime: 19:30\nlocation: Hangar 11")
    assert "Sat 12 Jun 2027, 19:30" in reply
    assert only_event(runtime).start_time == time(19, 30)
    assert "Sat 12 Jun 2027, 19:30" in dana.send("event")


def test_fields_sent_one_by_one_after_new_event_belong_to_it(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Bar mitzvah")
    assert "12 Oct 2027" in dana.send("date: 12/10/2027")
    assert "20:00" in dana.send("time: 8pm")
    assert "Gan Oranim" in dana.send("location: Gan Oranim")
    event = only_event(runtime)
    assert (event.date.isoformat(), event.start_time, event.location) == ("2027-10-12", time(20, 0), "Gan Oranim")


def test_hebrew_fields_in_their_own_message(phone_factory, runtime):
    dana = phone_factory(DANA, "דנה")
    dana.send("אירוע חדש בר מצווה")
    reply = dana.send("תאריך: 14/10/2027\nשעה: 19:00\nמקום: אולמי הגן")
    assert "19:00" in reply and "אולמי הגן" in reply
    event = only_event(runtime)
    assert (event.date.isoformat(), event.start_time, event.location) == ("2027-10-14", time(19, 0), "אולמי הגן")


def test_a_time_after_the_date_is_kept_not_dropped(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding")
    assert "Thu 14 Oct 2027, 19:30" in dana.send("set date 2027-10-14 19:30")
    assert only_event(runtime).start_time == time(19, 30)
    assert "20:15" in dana.send("set time 20:15")
    assert "no start time" in dana.send("set time none")
    assert only_event(runtime).start_time is None


def test_a_bad_time_gets_a_hint_and_changes_nothing(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2027\ntime: 19:30")
    reply = dana.send("set time 25:70")
    assert "couldn't read the time" in reply and "19:30" in reply
    assert only_event(runtime).start_time == time(19, 30)


def test_the_invitation_and_the_guest_page_give_the_time(phone_factory, runtime, client):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2027\ntime: 19:30\nlocation: Hangar 11")
    dana.send(f"add guest Avi Cohen {GUEST}")
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    guest_phone = phone_factory(GUEST, "Avi")
    assert "Sat 12 Jun 2027, 19:30" in guest_phone.received[-1].text
    with runtime.transaction() as s:
        token = rsvp_links.token_for(TEST_APP_SECRET, s.scalars(select(Guest)).one())
    page = client.get(f"/r/{token}").get_data(as_text=True)
    assert "19:30" in page
    ics = client.get(f"/r/{token}/event.ics").get_data(as_text=True)
    assert "DTSTART:20270612T163000Z" in ics   # 19:30 in Israel, summer time


def test_rest_reads_and_changes_the_time(client, runtime):
    with runtime.transaction() as s:
        token = tokens.issue_token(s, get_or_create_user(s, phone=DANA))
    auth = {"Authorization": f"Bearer {token}"}
    created = client.post("/api/events", json={"name": "Gala", "date": "2027-06-12", "time": "19:30"}, headers=auth)
    assert created.status_code == 201, created.get_data(as_text=True)
    body = created.get_json()
    assert body["time"] == "19:30" and body["timezone"] == "Asia/Jerusalem"
    changed = client.patch(f"/api/events/{body['id']}", json={"time": "20:00"}, headers=auth)
    assert changed.get_json()["time"] == "20:00"
    bad = client.patch(f"/api/events/{body['id']}", json={"time": "8 in the evening"}, headers=auth)
    assert bad.status_code == 422 and bad.get_json()["error"]["code"] == "bad_time"
    assert client.get(f"/api/events/{body['id']}", headers=auth).get_json()["time"] == "20:00"
    cleared = client.patch(f"/api/events/{body['id']}", json={"time": None}, headers=auth)
    assert cleared.get_json()["time"] is None
    with runtime.transaction() as s:
        assert s.scalars(select(User)).one().phone == DANA


def test_inviting_without_a_date_or_place_warns_first(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party")
    dana.send(f"add guest Avi Cohen {GUEST}")
    question = dana.send("invite")
    assert "no date yet" in question and "date to be announced" in question
    assert "no place yet" in question and "Send the invitation to 1 guest" in question
    assert dana.last_buttons == ["confirm:yes", "confirm:no"]
    dana.tap("confirm:no", "No")
    with runtime.transaction() as s:
        assert s.scalars(select(Guest)).one().invited_at is None


def test_inviting_to_a_past_date_warns_first(phone_factory):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party\ndate: 1/1/2026\nlocation: Home")
    dana.send(f"add guest Avi Cohen {GUEST}")
    question = dana.send("invite")
    assert "has already passed" in question and "Thu 1 Jan 2026" in question


def test_inviting_with_date_and_place_has_no_warning(phone_factory):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party\ndate: 1/1/2028\nlocation: Home")
    dana.send(f"add guest Avi Cohen {GUEST}")
    assert "⚠️" not in dana.send("invite")


def test_a_second_event_of_the_same_name_is_asked_for(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2027")
    question = dana.send("new event wedding")
    assert "already have an event called" in question and "Wedding" in question
    dana.tap("confirm:no", "No")
    with runtime.transaction() as s:
        assert len(s.scalars(select(Event)).all()) == 1
    dana.send("new event wedding")
    assert "Created" in dana.tap("confirm:yes", "Yes")
    with runtime.transaction() as s:
        assert len(s.scalars(select(Event)).all()) == 2


def test_changing_the_date_offers_to_tell_the_invited_guests(phone_factory):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2027\ntime: 19:30\nlocation: Hangar 11")
    dana.send(f"add guest Avi Cohen {GUEST}")
    dana.send("add guest Bea Levi +972541234002")
    dana.send("add guest Cal Green +972541234003")
    assert "not coming" in dana.send("mark Bea no")   # Bea declined: she is not told
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    dana.send("mark Cal yes")
    avi = phone_factory(GUEST, "Avi")
    bea = phone_factory("+972541234002", "Bea")
    cal = phone_factory("+972541234003", "Cal")
    before_avi, before_bea, before_cal = len(avi.received), len(bea.received), len(cal.received)
    reply = dana.send("set date 13/6/2027")
    assert "Sun 13 Jun 2027, 19:30" in reply and "Tell the 2 guests who got the invitation" in reply
    assert dana.last_buttons == ["confirm:yes", "confirm:no"]
    dana.tap("confirm:yes", "Yes")
    told = avi.texts[before_avi:]
    assert len(told) == 1 and "Sun 13 Jun 2027, 19:30" in told[0] and "Hangar 11" in told[0]
    assert "Can you make it?" in told[0]  # Avi has not answered yet
    assert len(bea.received) == before_bea
    # Cal said yes to the old date: he is asked to say if the new one does not work, and can
    [to_cal] = cal.texts[before_cal:]
    assert "if the change doesn't work for you, just reply here" in to_cal
    cal.send("sorry, we can't make it on the new date")
    assert "Cal Green ❌" in dana.send("guests")


def test_a_change_to_an_event_with_no_place_yet_reads_as_a_sentence_in_hebrew(phone_factory):
    """No place yet: the notice says the place will be announced in a sentence of its own,
    never "at" + "to be announced" (it read "בהמיקום יפורסם בהמשך")."""
    dana = phone_factory(DANA, "דנה")
    dana.send("אירוע חדש מסיבה\nתאריך: 20/12/2027")
    dana.send(f"הוסף אורח רות לוי {GUEST}")
    dana.send("שלח הזמנות")
    dana.tap("confirm:yes", "כן")
    ruth = phone_factory(GUEST, "רות")
    before = len(ruth.received)
    dana.send("קבע תאריך 27/12/2027")
    dana.tap("confirm:yes", "כן")
    [told] = ruth.texts[before:]
    assert "בהמיקום" not in told and "המיקום יפורסם בהמשך." in told and "27" in told


def test_what_guests_say_of_the_new_date_is_their_answer(phone_factory):
    """After a date move a guest answers about the date itself: "the new date doesn't work for us" is a no, "the new
    date works for us, we're 3" a yes for three; a question about it is still a question."""
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2027\ntime: 19:30\nlocation: Hangar 11")
    dana.send(f"add guest Avi Cohen {GUEST}")
    dana.send("add guest Cal Green +972541234003")
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    dana.send("mark Avi yes")
    dana.send("mark Cal yes")
    dana.send("set date 13/6/2027")
    dana.tap("confirm:yes", "Yes")
    avi = phone_factory(GUEST, "Avi")
    cal = phone_factory("+972541234003", "Cal")
    avi.send("the new date doesn't work for us unfortunately")
    cal.send("the new date works for us, we're 3")
    listing = dana.send("guests")
    assert "Avi Cohen ❌" in listing and "Cal Green ✅ 3" in listing
    before = len(cal.received)
    cal.send("does the new date work with the hall, is it still Hangar 11?")
    assert "Cal Green ✅" in dana.send("guests") and "Hangar 11" in cal.texts[before]


def test_a_change_stays_done_when_the_offer_to_tell_the_guests_lapses(phone_factory, runtime):
    """The time changed, then another command instead of an answer: the lapsed question is the guests' update,
    never read as the time change undone."""
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2027\ntime: 19:30\nlocation: Hangar 11")
    dana.send(f"add guest Avi Cohen {GUEST}")
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    assert "Tell the guest who got the invitation" in dana.send("set time 19:00")
    lapsed = dana.send("add guest Bea Levi +972541234002").split("\n---\n")[0]
    assert lapsed == ("ℹ️ Not done, as my question had no answer: Tell the guest who got the invitation "
                      "(and didn't decline) the new details?"), lapsed
    assert only_event(runtime).start_time == time(19, 0)


def test_changing_the_date_before_inviting_asks_nothing(phone_factory):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2027")
    dana.send(f"add guest Avi Cohen {GUEST}")
    reply = dana.send("set date 13/6/2027")
    assert "Tell" not in reply and dana.last_buttons == []


def test_an_event_runs_on_the_clock_of_the_place_it_is_at(phone_factory, runtime, client):
    """A Tel Aviv wedding set up from a UK number is at 19:00 Tel Aviv time: its calendar
    entry says so; moving it to London moves its clock; a zone given outright wins."""
    emma = phone_factory("+447700900123", "Emma")
    emma.send("new event Emma & Yoni's wedding\ndate: 10/6/2027\ntime: 19:00\nlocation: Hangar 11, Tel Aviv Port")
    assert only_event(runtime).timezone == "Asia/Jerusalem"
    emma.send(f"add guest Avi Cohen {GUEST}")
    with runtime.transaction() as s:
        token = rsvp_links.token_for(TEST_APP_SECRET, s.scalars(select(Guest)).one())
    assert "DTSTART:20270610T160000Z" in client.get(f"/r/{token}/event.ics").get_data(as_text=True)  # 19:00 IDT
    emma.send("set location The Savoy, London")
    assert only_event(runtime).timezone == "Europe/London"
    with runtime.transaction() as s:
        api = {"Authorization": f"Bearer {tokens.issue_token(s, s.scalar(select(User)))}"}
    event_id = str(only_event(runtime).id)
    both = client.patch(f"/api/events/{event_id}", json={"location": "Tel Aviv", "timezone": "Europe/Paris"}, headers=api)
    assert both.get_json()["timezone"] == "Europe/Paris"
    assert client.patch(f"/api/events/{event_id}", json={"location": "בית הכנסת הגדול"},
                        headers=api).get_json()["timezone"] == "Europe/Paris"   # no known place: the clock stays


def _invited_wedding(phone_factory):
    """Dana's wedding, its one guest Avi invited: the guests have details to be told of."""
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2027\ntime: 19:30\nlocation: Hangar 11")
    dana.send(f"add guest Avi Cohen {GUEST}")
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    return dana


def test_changes_in_a_row_are_told_to_the_guests_in_one_notice(phone_factory):
    """Date, then time, then place, each before answering "tell the guests?": every change
    asks again for all of them, none is said "not done", and one yes sends one notice."""
    dana = _invited_wedding(phone_factory)
    avi = phone_factory(GUEST, "Avi")
    invited = len(avi.received)
    replies = [dana.send("set date 13/6/2027"), dana.send("set time 20:00"), dana.send("set location Beit Hakerem")]
    for reply in replies:
        assert "Not done" not in reply and "Tell the guest who got the invitation" in reply, reply
    assert dana.last_buttons == ["confirm:yes", "confirm:no"]
    dana.tap("confirm:yes", "Yes")
    notices = avi.texts[invited:]
    assert len(notices) == 1, notices
    assert "13" in notices[0] and "20:00" in notices[0] and "Beit Hakerem" in notices[0], notices[0]


def test_declining_changes_in_a_row_keeps_them_all_untold(phone_factory):
    dana = _invited_wedding(phone_factory)
    avi = phone_factory(GUEST, "Avi")
    invited = len(avi.received)
    dana.send("set time 20:00")
    dana.send("set location Beit Hakerem")
    assert dana.tap("confirm:no", "No") == "OK, I won't tell the guests. The new details stay."
    assert avi.texts[invited:] == []


def test_renaming_between_changes_keeps_tell_the_guests_waiting(phone_factory):
    dana = _invited_wedding(phone_factory)
    dana.send("set time 20:00")
    reply = dana.send("rename event Dana & Avi's wedding")
    assert "Not done" not in reply and "Still waiting for your answer: Tell the guest" in reply, reply
    assert dana.last_buttons == ["confirm:yes", "confirm:no"]
