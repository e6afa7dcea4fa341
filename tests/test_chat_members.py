"""The team of an event by chat: add a member (who is told), change roles, remove, leave,
and the last admin who always stays."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import EventMember, Guest, User
from tests.phone import phone_factory  # noqa: F401  (fixture)

DANA = "+972521234567"
NOAM = "+972529876543"
RUTI = "+972541112222"


def roles(runtime) -> dict[str, str]:
    with runtime.transaction() as s:
        rows = s.execute(select(User.phone, EventMember.role).join(EventMember, EventMember.user_id == User.id)).all()
        return {phone: role.value for phone, role in rows}


def team(phone_factory):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Dana & Noam's wedding")
    return dana


def test_a_new_member_is_told_who_added_them_and_what_they_can_do(phone_factory, runtime, fake_graph):
    dana = team(phone_factory)
    fake_graph.open_window(NOAM)
    reply = dana.send("add member 052-987-6543 editor")
    assert "Added +972 52-987-6543 to Dana & Noam's wedding as editor" in reply
    told = fake_graph.sent_to(NOAM)
    assert len(told) == 1 and told[0].type == "text"
    assert "Dana (+972 52-123-4567) added you to the team of *Dana & Noam's wedding* as editor" in told[0].text
    assert "add and edit guests" in told[0].text and "help" in told[0].text
    assert roles(runtime)[NOAM] == "editor"
    noam = phone_factory(NOAM, "Noam")
    assert "Dana & Noam's wedding" in noam.send("help") and "you're editor" in noam.last


def test_outside_the_window_the_new_member_gets_the_template(phone_factory, runtime, fake_graph):
    dana = team(phone_factory)
    dana.send(f"add organizer {RUTI}")          # editor by default
    told = fake_graph.sent_to(RUTI)
    assert len(told) == 1 and told[0].type == "template"
    assert told[0]["template"]["name"] == "event_update"
    assert "Dana (+972 52-123-4567) added you to the team of Dana & Noam's wedding as editor" in told[0].text
    assert roles(runtime)[RUTI] == "editor"


def test_adding_twice_and_bad_numbers(phone_factory, runtime):
    dana = team(phone_factory)
    dana.send(f"add member {NOAM} viewer")
    assert "already a member" in dana.send(f"add member {NOAM} viewer")
    assert "Try: add member" in dana.send("add member someone")
    assert roles(runtime) == {DANA: "admin", NOAM: "viewer"}


def test_members_role_and_remove(phone_factory, runtime):
    dana = team(phone_factory)
    dana.send(f"add member {NOAM} editor")
    dana.send(f"add member {RUTI} viewer")
    phone_factory(NOAM, "Noam").send("hi")        # Noam's name becomes known when he writes
    listing = dana.send("members")
    assert "1. Dana +972 52-123-4567: admin (you)" in listing
    assert "2. Noam +972 52-987-6543: editor" in listing and "3. +972 54-111-2222: viewer" in listing
    assert "Noam (+972 52-987-6543) is now admin" in dana.send("role 2 admin")
    assert "is now editor" in dana.send(f"make {RUTI} editor")
    assert "is now viewer" in dana.send("role noam viewer")
    question = dana.send("remove member 3")
    assert "Remove +972 54-111-2222 (editor) from the team of Dana & Noam's wedding?" in question
    assert RUTI in roles(runtime)
    assert "Removed +972 54-111-2222" in dana.send("yes")
    assert roles(runtime) == {DANA: "admin", NOAM: "viewer"}
    assert "send *leave*" in dana.send("remove member 1")


def test_the_last_admin_cannot_leave_or_be_demoted(phone_factory, runtime):
    dana = team(phone_factory)
    dana.send(f"add member {NOAM} editor")
    dana.send("members")
    assert "at least one admin" in dana.send("role 1 editor")
    assert "only admin" in dana.send("leave")
    assert roles(runtime) == {DANA: "admin", NOAM: "editor"}
    dana.send("role 2 admin")
    assert "Leave the team of Dana & Noam's wedding?" in dana.send("leave")
    assert "You left the team of Dana & Noam's wedding" in dana.tap("confirm:yes", "Yes")
    assert roles(runtime) == {NOAM: "admin"}
    assert "new event" in dana.send("guests")                   # Dana has no events now


def test_leaving_the_team_said_in_a_sentence_is_asked_and_the_team_asked_for_in_a_word_is_shown(phone_factory, runtime):
    """"אני רוצה לצאת מהצוות", "אני רוצה לעזוב את הצוות", "תוציא אותי מהצוות": leave, asked before it happens;
    "חברים", "צוות", "מי בצוות", "who's on the team": the team."""
    dana = team(phone_factory)
    dana.send(f"add member {NOAM} editor")
    noam = phone_factory(NOAM, "Noam")
    for line in ("אני רוצה לצאת מהצוות", "אני רוצה לעזוב את הצוות", "תוציא אותי מהצוות"):
        question = noam.send(line)
        assert "לצאת מצוות" in question and question.endswith("?"), (line, question)
        noam.send("לא")
        assert roles(runtime) == {DANA: "admin", NOAM: "editor"}, line
    for line in ("חברים", "צוות", "מי בצוות", "who's on the team"):
        listing = dana.send(line)
        assert "+972 52-987-6543" in listing and "+972 52-123-4567" in listing, (line, listing)


def test_a_removed_member_loses_the_event(phone_factory, runtime):
    dana = team(phone_factory)
    dana.send(f"add member {NOAM} editor")
    noam = phone_factory(NOAM, "Noam")
    noam.send("add guest Yosef Mizrahi 0502345671")
    dana.send("members")
    dana.send("remove member 2")
    dana.send("yes")
    told = noam.texts[-1]  # Noam hears it from the bot, not by silence
    assert "removed you from the team of *Dana & Noam's wedding*" in told and "Dana" in told
    reply = noam.send("guests")
    assert "Mizrahi" not in reply and "new event" in reply


def test_a_member_is_told_of_a_new_role_and_of_the_events_deletion(phone_factory, runtime, fake_graph):
    dana = team(phone_factory)
    fake_graph.open_window(NOAM)
    dana.send("add member 052-987-6543 editor")
    dana.send("members")
    dana.send("role 2 viewer")
    told = fake_graph.sent_to(NOAM)[-1].text
    assert "changed your role in *Dana & Noam's wedding*: you're now viewer" in told
    assert "see the guest list" in told
    dana.send("delete event")
    dana.tap("confirm:yes", "Yes")
    told = fake_graph.sent_to(NOAM)[-1].text
    assert "deleted *Dana & Noam's wedding*, with its guest list and answers" in told
    assert roles(runtime) == {}


def test_a_member_who_reads_hebrew_is_told_in_hebrew(phone_factory, runtime, fake_graph):
    dana = team(phone_factory)
    fake_graph.open_window(NOAM)
    noam = phone_factory(NOAM, "Noam")
    noam.send("שפה עברית")
    dana.send("add member 052-987-6543 editor")
    dana.send("members")
    dana.send("role 2 viewer")
    told = fake_graph.sent_to(NOAM)[-1].text
    assert "שונה על ידי" in told and "צופה" in told


def test_adding_a_member_again_with_another_role_offers_the_change(phone_factory, runtime, fake_graph):
    dana = team(phone_factory)
    dana.send(f"add member {NOAM} editor")
    question = dana.send(f"add member {NOAM} admin")
    assert question == "Make +972 52-987-6543 admin?" and dana.last_buttons == ["confirm:yes", "confirm:no"]
    assert roles(runtime)[NOAM] == "editor"
    assert "is now admin" in dana.send("yes")
    assert roles(runtime)[NOAM] == "admin"
    assert dana.send(f"add member {NOAM} admin") == ("+972 52-987-6543 is already a member of "
                                                     "Dana & Noam's wedding (admin).")


def test_a_refused_editor_is_told_in_hebrew_whom_to_ask(phone_factory):
    orit = phone_factory("+972501112233", "אורית")
    orit.send("אירוע חדש מסיבת גיוס של איתי")
    orit.send("הוסף חבר צוות 0541112222 עורך")
    husband = phone_factory("+972541112222", "משה")
    reply = husband.send("תשנה את המקום לאחוזה, רחובות")
    assert reply.startswith("רק מנהל של מסיבת גיוס של איתי")
    assert reply.endswith("אפשר לבקש מאורית (\u2068+972 50-111-2233\u2069) לעשות את זה, או למנות אותך למנהל."), reply


def test_a_viewer_gets_no_message_for_each_answer_until_they_ask(phone_factory, runtime, fake_graph):
    """A viewer follows along without 15 notices in minutes; the welcome says how to get them."""
    fake_graph.window_enforced = False
    dana = team(phone_factory)
    fake_graph.open_window(NOAM)
    fake_graph.open_window(RUTI)
    dana.send(f"add member {NOAM} viewer")
    dana.send(f"add member {RUTI} editor")
    welcome = fake_graph.sent_to(NOAM)[0].text
    assert "as viewer" in welcome and "send *notify on*" in welcome
    assert "notify on" not in fake_graph.sent_to(RUTI)[0].text
    dana.send("add guest Avi Cohen 052-111-1111")
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    avi = phone_factory("+972521111111", "Avi")
    avi.tap("rsvp:yes", "Yes")
    avi.send("2")
    assert not [m for m in fake_graph.sent_to(NOAM) if "Avi" in (m.text or "")]
    assert [m for m in fake_graph.sent_to(RUTI) if "Avi" in (m.text or "")]
    noam = phone_factory(NOAM, "Noam")
    assert "🔔" in noam.send("notify on")
    with runtime.transaction() as s:
        assert {p: n for p, n in s.execute(select(User.phone, EventMember.notify)
                                           .join(EventMember, EventMember.user_id == User.id))} == \
            {DANA: True, NOAM: True, RUTI: True}


def test_add_editor_then_their_contact_card_adds_them_to_the_team_not_the_guests(phone_factory, runtime):
    """"הוסף עורך" with no number asks for it; the contact card shared next is the editor's (it was added as a
    guest, and the team stayed as it was)."""
    dana = phone_factory(DANA, "דנה")
    dana.send("אירוע חדש החתונה של דנה ונועם")
    asked = dana.send("הוסף עורך")
    assert asked.startswith("את מי לצרף") and "עורך" in asked, asked
    reply = dana.share_contacts([("מיכל כהן", "+972543333333")])
    with runtime.transaction() as s:
        assert s.scalars(select(Guest)).all() == []
        roles = {u.phone: m.role.value for m, u in s.execute(select(EventMember, User).join(User, User.id == EventMember.user_id))}
    assert roles.get("+972543333333") == "editor", reply


def test_add_admin_then_a_number_alone_adds_them_as_admin(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding")
    dana.send("add admin")
    dana.send("054-333-3333")
    with runtime.transaction() as s:
        roles = {u.phone: m.role.value for m, u in s.execute(select(EventMember, User).join(User, User.id == EventMember.user_id))}
    assert roles.get("+972543333333") == "admin"
    # a number sent later, with no "add ..." before it, adds no one
    dana.send("054-444-4444")
    with runtime.transaction() as s:
        phones = {u.phone for u in s.scalars(select(User).join(EventMember, EventMember.user_id == User.id))}
    assert "+972544444444" not in phones
