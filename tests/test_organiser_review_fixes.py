"""What a reviewer found playing organisers in the simulator: an Israeli mother organising her
son's army-induction party in Hebrew, and an American planner with two events."""
from __future__ import annotations

from sqlalchemy import select

from bot.chat.organiser import CONFIRM_NO, CONFIRM_YES
from storage.models import Guest
from tests.phone import phone_factory  # noqa: F401  (fixture)

MOM = "+972521110001"
JEN = "+19175550100"


def guests_of(runtime) -> dict[str, str]:
    with runtime.transaction() as s:
        return {g.full_name: g.phone for g in s.scalars(select(Guest))}


# ---------------------------------------------------------------- a digit before the phone

def test_a_digit_typed_before_the_phone_is_no_part_of_it(phone_factory, runtime):
    mom = phone_factory(MOM, "Michal")
    mom.send("אירוע חדש הגיוס של איתי")
    asked = mom.send("הוסף אורח אבי שכן 1 0521000001")
    assert "52-100-0001" in asked and "10521000001" not in asked
    mom.tap("confirm:yes", "כן")
    mom.send("רוס1 0522000001")
    mom.tap("confirm:yes", "כן")
    assert guests_of(runtime) == {"אבי שכן": "+972521000001", "רוס1": "+972522000001"}


def test_a_number_that_cannot_be_a_phone_is_refused(phone_factory, runtime):
    mom = phone_factory(MOM, "Michal")
    mom.send("אירוע חדש הגיוס של איתי")
    reply = mom.send("הוסף אורח אבי 10521000001")
    assert "10521000001" in reply and "לא נראה כמו מספר טלפון" in reply
    assert guests_of(runtime) == {}


# ---------------------------------------------------------------- a change that names another event

def two_events(phone_factory):
    jen = phone_factory(JEN, "Jen")
    jen.send("new event Jen's 40th")
    jen.send("new event Baby Cohen's Bris")
    return jen


def test_a_guest_added_to_another_event_by_name_goes_there_after_asking(phone_factory, runtime):
    jen = two_events(phone_factory)
    reply = jen.send("add guest Tom Baker +1 917-555-0200 to Jen's 40th")
    assert "Now working on *Jen's 40th*" in reply
    assert "Add Tom Baker (+1 917-555-0200)" in reply and "Bris" not in reply
    assert guests_of(runtime) == {}   # asked first
    assert "Added Tom Baker +1 917-555-0200 to Jen's 40th" in jen.tap("confirm:yes", "Yes")
    assert guests_of(runtime) == {"Tom Baker": "+19175550200"}


def test_the_event_said_first_takes_the_guest_there(phone_factory, runtime):
    jen = two_events(phone_factory)
    reply = jen.send("for the 40th: add guest Lisa Park +1 917-555-0201")
    assert "Now working on *Jen's 40th*" in reply and "Add Lisa Park" in reply
    jen.tap("confirm:yes", "Yes")
    assert "Lisa Park" in jen.send("guests") and "Jen's 40th" in jen.send("event")


def test_a_hebrew_change_for_another_event_by_name(phone_factory, runtime):
    mom = phone_factory(MOM, "Michal")
    mom.send("אירוע חדש בר המצווה של איתי")
    mom.send("אירוע חדש הגיוס של איתי")
    reply = mom.send("הוסף אורח טל 0549876543 לבר מצווה של איתי")
    assert "עובדים עכשיו על *בר המצווה של איתי*" in reply and "להוסיף את טל (" in reply
    mom.tap("confirm:yes", "כן")
    assert guests_of(runtime) == {"טל": "+972549876543"}
    # words that fit two events: which one is asked, nothing is added
    reply = mom.send("הוסף אורח דן 0549876544 לאירוע של איתי")
    assert "כמה מהאירועים שלך מתאימים" in reply
    assert guests_of(runtime) == {"טל": "+972549876543"}


def test_a_send_that_names_another_event_moves_there_and_asks(phone_factory):
    jen = two_events(phone_factory)
    jen.send("add guest Tom Baker +1 917-555-0200")
    jen.send("use 1")
    reply = jen.send("invite the bris guests")
    assert "Now working on *Baby Cohen's Bris*" in reply
    assert "Send the invitation to 1 guest of Baby Cohen's Bris?" in reply and jen.last_buttons == ["confirm:yes", "confirm:no"]
    jen.tap("confirm:no", "No")
    jen.send("use 1")
    assert "Now working on *Baby Cohen's Bris*" in jen.send("remind the bris guests")


# ---------------------------------------------------------------- a send told of, not asked for

def test_news_of_a_send_already_done_sends_nothing(phone_factory, runtime):
    jen = phone_factory(JEN, "Jen")
    jen.send("new event Jen's 40th")
    jen.send("add guest Tom Baker +1 917-555-0200")
    for line in ("the invites are out", "the invites went out yesterday", "the reminders went out",
                 "ההזמנות יצאו", "שלחתי כבר את ההזמנות", "שלחתי תזכורת אתמול"):
        reply = jen.send(line)
        assert jen.last_buttons == [] and "Tom Baker" not in reply, (line, reply)
        assert reply.startswith("📊"), (line, reply)   # the numbers, with how many are not sent yet
    assert "Send the invitation to 1 guest" in jen.send("send the invites")   # a request still asks


# ---------------------------------------------------------------- names as typed, sides, who said yes

def test_the_side_said_after_the_phone_is_the_side_not_the_name(phone_factory, runtime):
    mom = phone_factory(MOM, "Michal")
    mom.send("אירוע חדש הגיוס של איתי")
    assert "הוספתי את טל" in mom.send("הוסף אורח טל 0549876543 צד חברים של נועם")
    with runtime.transaction() as s:
        tal = s.scalars(select(Guest)).one()
        assert (tal.full_name, tal.side) == ("טל", "חברים של נועם")


def test_a_family_title_typed_with_the_name_stays_in_it(phone_factory, runtime):
    mom = phone_factory(MOM, "Michal")
    mom.send("אירוע חדש הגיוס של איתי")
    for line, name in (("הוסף אורח סבתא רחל 0523334444", "סבתא רחל"), ("הוסף אורח דוד משה 0523334445", "דוד משה"),
                       ("הוסף אורח הדודה שושי 0523334446", "הדודה שושי"), ("הוסף אורח סבא דוד 0523334447", "סבא דוד")):
        assert f"הוספתי את {name}" in mom.send(line)
    assert set(guests_of(runtime)) == {"סבתא רחל", "דוד משה", "הדודה שושי", "סבא דוד"}
    assert "סבתא רחל" in mom.send("אורח רחל")   # found without the title too


def test_who_said_yes_lists_only_the_confirmed(phone_factory):
    mom = phone_factory(MOM, "Michal")
    mom.send("אירוע חדש הגיוס של איתי")
    mom.send("הוסף אורח דנה לוי 0523334444")
    mom.send("הוסף אורח יוסי כהן 0523334445")
    mom.send("סמן דנה מגיע")
    mom.send("סמן יוסי לא מגיע")
    for line in ("מי אמר כן", "מי אישר"):
        reply = mom.send(line)
        assert "דנה לוי" in reply and "יוסי כהן" not in reply, (line, reply)
    for line in ("מי אמר לא",):
        reply = mom.send(line)
        assert "יוסי כהן" in reply and "דנה לוי" not in reply, (line, reply)
    mom.send("language en")
    assert "Yossi" not in mom.send("who said yes") and "דנה לוי" in mom.send("who said yes")
    assert "יוסי כהן" in mom.send("who said no") and "דנה לוי" not in mom.send("who said no")


# ---------------------------------------------------------------- American dates

def test_an_american_organiser_writes_dates_month_first(phone_factory):
    jen = phone_factory(JEN, "Jen")
    jen.send("new event Jen's 40th")
    assert "17 Apr 2027" in jen.send("date 4/17/2027")
    assert "17 Apr 2027" in jen.send("set date 4/17/2027")
    assert "6 Dec 2027" in jen.send("set date 12/6/2027")


def test_an_israeli_organiser_keeps_day_first_and_an_impossible_month_is_read_the_other_way(phone_factory):
    mom = phone_factory(MOM, "Michal")
    mom.send("new event Party")
    assert "12 Jun 2027" in mom.send("set date 12/6/2027")
    assert "17 Apr 2027" in mom.send("set date 4/17/2027")


# ---------------------------------------------------------------- hello, ok

def test_a_hello_gets_a_few_warm_lines_and_help_keeps_the_list(phone_factory):
    mom = phone_factory(MOM, "Michal")
    first = mom.send("שלום")
    assert "אירוע חדש" in first and "טוקן" not in first and "*פקודות*" not in first   # a newcomer: how to start
    mom.send("אירוע חדש הגיוס של איתי")
    mom.send("הוסף אורח דנה לוי 0523334444")
    hello = mom.send("היי")
    assert "*הגיוס של איתי*" in hello and "אורח אחד" in hello and "עזרה" in hello
    assert len(hello.split("\n")) <= 8
    mom.send("הוסף אורח יוסי כהן 0523334445")
    mom.send("סמן את יוסי לא מגיע")
    # the numbers add up to the guests: the one who declined is counted too
    assert "שני אורחים · ✅ 0 מגיעים · ❌ 1 לא מגיעים · ⏳ 1 עוד לא ענו" in mom.send("היי")
    assert "*פקודות*" in mom.send("עזרה")


def test_ok_is_acknowledged_and_never_answers_a_question(phone_factory, runtime):
    mom = phone_factory(MOM, "Michal")
    mom.send("אירוע חדש הגיוס של איתי")
    for line in ("אוקיי", "מעולה 👍", "👍", "סבבה"):
        assert mom.send(line).startswith("👍"), line
    assert "הגיוס של איתי" in mom.send("בוקר טוב")
    mom.send("הוסף אורח אבי שכן 1 0521000001")        # a question waits
    waiting = mom.send("אוקיי")   # as before: no acknowledgement, and no yes
    assert not waiting.startswith("👍") and guests_of(runtime) == {}
    mom.tap("confirm:yes", "כן")                       # the question still stands
    assert guests_of(runtime) == {"אבי שכן": "+972521000001"}
    jen = phone_factory(JEN, "Jen")
    jen.send("new event Jen's 40th")
    for line in ("ok", "great", "perfect"):
        assert jen.send(line) == "👍 Got it. Send *help* whenever you need me.", line


def test_a_look_at_the_list_while_a_question_waits_says_it_still_waits(phone_factory, runtime):
    """Asked whether to add a guest, the organiser looks at the list first: the list comes,
    and then the question again with its buttons, so a "yes" still adds the guest."""
    mom = phone_factory(MOM, "Michal")
    mom.send("אירוע חדש הגיוס של איתי")
    mom.send("הוסף אורח אבי שכן 1 0521000001")        # a question waits
    listing, reminder = mom.send("אורחים").split("\n---\n")
    assert "עוד אין אורחים" in listing
    assert reminder.startswith("⏳ עדיין מחכה לתשובה שלך: ")
    assert mom.last_buttons == [CONFIRM_YES, CONFIRM_NO]
    assert guests_of(runtime) == {}
    mom.tap(CONFIRM_YES, "כן")
    assert len(guests_of(runtime)) == 1
