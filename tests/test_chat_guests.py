"""Guests by chat: adding by line, lines and contact cards; paged listings with stable
numbers; find, edit, mark, remove; stats; and the bulk sends with their confirmations."""
from __future__ import annotations

from sqlalchemy import func, select

from storage.models import Guest, InvitationState, RsvpStatus, SendBatch
from tests.phone import phone_factory  # noqa: F401  (fixture)

DANA = "+972521234567"


def guests(runtime) -> dict[str, Guest]:
    with runtime.transaction() as s:
        rows = s.scalars(select(Guest)).all()
        s.expunge_all()
        return {g.full_name: g for g in rows}


def organiser(phone_factory, name="Wedding"):
    dana = phone_factory(DANA, "Dana")
    dana.send(f"new event {name}")
    return dana


def add_many(runtime, n: int, **fields) -> None:
    """n guests straight into the store (listing tests need many; adding is tested by chat)."""
    with runtime.transaction() as s:
        from storage.models import Event

        event = s.scalar(select(Event))
        for i in range(n):
            s.add(Guest(event_id=event.id, first_name=f"Guest{i:03d}", last_name="Test",
                        phone=f"+97250300{i:04d}", **fields))


def test_add_guest_in_its_forgiving_forms(phone_factory, runtime):
    dana = organiser(phone_factory, "Dana & Noam's wedding")
    reply = dana.send("add guest Dana Levi 050-234-5678")
    assert reply == "✅ Added Dana Levi +972 50-234-5678 to Dana & Noam's wedding."
    assert "side bride, party 2" in dana.send("ADD   guest  Ron Ben David +972 50 234 5679 side bride party 2")
    assert "Added Miri" in dana.send("new guest Miri (050) 234-5670 note vegan")
    stored = guests(runtime)
    assert stored["Ron Ben David"].side == "bride" and stored["Ron Ben David"].party_size == 2
    assert stored["Miri"].notes == "vegan" and stored["Miri"].phone == "+972502345670"


def test_a_duplicate_phone_says_who_added_it_and_bad_input_adds_nothing(phone_factory, runtime):
    dana = organiser(phone_factory)
    dana.send("add guest Dana Levi 050-234-5678")
    reply = dana.send("add guest Someone Else 0502345678")
    assert "Dana Levi" in reply and "already on the list" in reply and "you added them" in reply
    assert "phone" in dana.send("add guest Avi").lower()
    assert "Try: add guest" in dana.send("add guest Avi 12")
    assert list(guests(runtime)) == ["Dana Levi"]


def test_add_guests_with_one_a_line_reports_bad_lines(phone_factory, runtime):
    dana = organiser(phone_factory)
    dana.send("add guest Avi Cohen 0502345678")
    reply = dana.send("add guests\n"
                      "1. Ron Levi 0502345671 side groom\n"
                      "- Moshe\n"
                      "Dina 0502345672 party 3\n"
                      "Avi again 0502345678\n"
                      "Yael 0502345673 party 99")
    assert "Added 2 guests" in reply
    assert "line 4 (Avi again): the number of Avi Cohen, already on the list (added by you)" in reply
    assert "line 2: “- Moshe”: No phone number." in reply
    assert "line 5:" in reply and "Party must be" in reply
    assert set(guests(runtime)) == {"Avi Cohen", "Ron Levi", "Dina"}


def test_guest_list_pages_for_a_phone_with_stable_numbers(phone_factory, runtime):
    dana = organiser(phone_factory)
    add_many(runtime, 40)
    page1 = dana.send("guests")
    assert "Wedding*: 40 guests" in page1
    # never invited: not "pending" an answer to an invitation they never got
    assert "1. Guest000 Test · not invited yet\n" in page1 and "⏳" not in page1
    assert "15. Guest014 Test" in page1 and "16." not in page1
    assert "Send *more* for 16–30" in page1
    page2 = dana.send("more")
    assert "16. Guest015 Test" in page2 and "30. Guest029 Test" in page2
    page3 = dana.send("next")
    assert "40. Guest039 Test" in page3 and "more" not in page3.split("\n")[-1]
    assert "whole list" in dana.send("more")
    # numbers from any page of the listing work
    assert "Guest017 Test as coming (2)" in dana.send("mark 18 yes party 2")
    assert "✅ 2" in dana.send("find Guest017")


def test_filters_by_status_and_side(phone_factory, runtime):
    dana = organiser(phone_factory)
    dana.send("add guests\nAvi 0502345671 side bride\nRon 0502345672 side groom\nDina 0502345673 side bride")
    dana.send("guests")
    dana.send("mark 1 yes")        # Avi
    dana.send("mark 3 no")         # Ron
    confirmed = dana.send("guests confirmed")
    assert "1 guest (confirmed)" in confirmed and "Avi ✅ 1" in confirmed and "Ron" not in confirmed
    assert "Ron ❌" in dana.send("guests declined")
    pending = dana.send("guests pending side bride")
    assert "Dina" in pending and "Avi" not in pending and "side bride" in pending
    assert "No guests of Wedding are" in dana.send("guests declined side bride")
    assert "3 guests (not invited)" in dana.send("guests not invited")


def test_find_edit_and_ambiguous_names(phone_factory, runtime):
    dana = organiser(phone_factory)
    dana.send("add guests\nDana Levi 0502345671\nDana Cohen 0502345672\nRon Levi 0502345673")
    found = dana.send("find levi")
    assert "2 guests matching “levi”" in found and "Dana Levi" in found and "Ron Levi" in found
    assert "No guest of Wedding matches" in dana.send("find Zelda")
    assert "No guest of Wedding matches" in dana.send("find %")  # a percent sign is not "everyone"
    ask = dana.send("edit dana phone 0502345679")
    assert "2 guests match “dana”. Which one?" in ask and "*edit 2 phone " in ask
    assert "Dana Levi's phone to +972 50-234-5679" in dana.send("edit 2 phone 0502345679")
    assert "Ron Levi's side to groom" in dana.send("edit Ron Levi side groom")
    assert "Dana Cohen's name to Dana Katz" in dana.send("edit 0502345672 name Dana Katz")
    assert "party to 4" in dana.send("edit ron party 4")
    assert "note" in dana.send("edit ron note allergic to nuts")
    stored = guests(runtime)
    assert stored["Dana Levi"].phone == "+972502345679"
    assert stored["Ron Levi"].side == "groom" and stored["Ron Levi"].party_size == 4
    assert stored["Ron Levi"].notes == "allergic to nuts"
    assert "Dana Katz" in stored
    # a phone that another guest has is refused and nothing changes
    assert "already has" in dana.send("edit ron phone 0502345679")
    assert guests(runtime)["Ron Levi"].phone == "+972502345673"


def test_mark_by_hand(phone_factory, runtime):
    dana = organiser(phone_factory)
    dana.send("add guest Avi Cohen 0502345678")
    assert "Avi Cohen as coming (3)" in dana.send("mark avi yes party 3")
    assert guests(runtime)["Avi Cohen"].status == RsvpStatus.confirmed
    assert "not coming" in dana.send("mark 0502345678 no")
    assert "pending" in dana.send("mark Avi Cohen pending")
    g = guests(runtime)["Avi Cohen"]
    assert g.status == RsvpStatus.invited and g.answered_at is None
    assert "no number 9" in dana.send("mark 9 yes")


def test_remove_guest_asks_first(phone_factory, runtime):
    dana = organiser(phone_factory)
    dana.send("add guests\nAvi Cohen 0502345671\nRon Levi 0502345672")
    dana.send("guests")
    question = dana.send("remove guest 2")
    assert question == "Remove Ron Levi +972 50-234-5672 from Wedding? Reply yes or no."
    assert "Ron Levi" in guests(runtime)
    assert "Removed Ron Levi from Wedding" in dana.send("yes")
    assert list(guests(runtime)) == ["Avi Cohen"]


def test_stats_fit_one_screen(phone_factory, runtime):
    dana = organiser(phone_factory)
    dana.send("add guests\nAvi 0502345671 side bride party 2\nRon 0502345672 side groom\n"
              "Dina 0502345673 side bride\nYael 0502345674 side groom")
    dana.send("guests")
    dana.send("mark 1 yes")             # Avi, party 2
    dana.send("mark 3 yes party 4")     # Ron
    dana.send("mark 2 no")              # Dina
    with runtime.transaction() as s:
        yael = s.scalar(select(Guest).where(Guest.first_name == "Yael"))
        yael.invitation = InvitationState.failed
        yael.invitation_error = "Not on WhatsApp (131026)"
    stats = dana.send("stats")
    assert "4 guests · 6 people expected" in stats
    assert "✅ 2 confirmed" in stats and "❌ 1 declined" in stats and "⏳ 1 pending" in stats
    assert "Confirmation rate 50%" in stats
    assert "bride: 2 (✅1 ❌1 ⏳0)" in stats and "groom: 2 (✅1 ❌0 ⏳1)" in stats
    assert "⚠️ 1 failed" in stats and "3 not sent yet" in stats
    assert len(stats.splitlines()) <= 20
    failed = dana.send("guests failed")
    assert "1. Yael +972 50-234-5674: Not on WhatsApp (131026)" in failed


def test_shared_contact_cards_become_guests(phone_factory, runtime):
    dana = organiser(phone_factory)
    assert "Added Avi Cohen" in dana.share_contacts([("Avi Cohen", "+972 50-234-5671")])
    reply = dana.share_contacts([("Ron Levi", "050-234-5672"), ("Avi Cohen", "+972502345671"), ("Nobody", "")])
    assert "Added 1 guest" in reply and "card 2: Avi Cohen, added by you" in reply and "card 3" in reply
    assert set(guests(runtime)) == {"Avi Cohen", "Ron Levi"}


def test_invite_asks_with_numbers_then_sends(phone_factory, runtime, fake_graph):
    dana = organiser(phone_factory, "Dana & Noam's wedding")
    dana.send("set date 12/6/2027")
    dana.send("add guests\nAvi 0502345671\nRon 0502345672\nDina 0502345673")
    with runtime.transaction() as s:
        s.scalar(select(Guest).where(Guest.first_name == "Dina")).opted_out = True
    question = dana.send("send invitations")
    assert question.startswith("Send the invitation to 2 guests of Dana & Noam's wedding?")
    assert "Skipped: 1 opted out." in question and "yes or no" in question
    assert fake_graph.count("+972502345671") == 0
    assert "Sending 2 invitations for Dana & Noam's wedding…" in dana.tap("confirm:yes", "Yes")
    assert fake_graph.count("+972502345671") == 1 and fake_graph.count("+972502345673") == 0
    assert "Nobody to invite" in dana.send("invite")


def test_invite_leaves_out_who_already_answered_and_says_so(phone_factory, runtime, fake_graph):
    dana = organiser(phone_factory)
    assert dana.send("invite").startswith("Wedding has no guests yet. Add one: *add guest")
    dana.send("add guests\nAvi 0502345671\nRon 0502345672")
    dana.send("mark Ron yes party 2")                       # Ron said yes on the phone
    question = dana.send("invite")
    assert question.startswith("Send the invitation to 1 guest of Wedding?") and "Skipped: 1 who already answered." in question
    dana.tap("confirm:yes", "Yes")
    assert fake_graph.count("+972502345671") == 1 and fake_graph.count("+972502345672") == 0
    assert dana.send("invite") == ("Nobody to invite: no guest of Wedding is waiting for an invitation."
                                   " Skipped: 1 who already answered.")


def test_invite_no_sends_nothing(phone_factory, runtime, fake_graph):
    dana = organiser(phone_factory)
    dana.send("add guest Avi 0502345671")
    dana.send("invite")
    assert "cancelled" in dana.tap("confirm:no", "No").lower()
    with runtime.transaction() as s:
        assert s.scalar(select(func.count()).select_from(SendBatch)) == 0
    assert fake_graph.count("+972502345671") == 0


def test_remind_broadcast_and_message(phone_factory, runtime, fake_graph):
    dana = organiser(phone_factory)
    dana.send("add guests\nAvi 0502345671 side bride\nRon 0502345672 side groom")
    dana.send("invite")
    dana.send("yes")
    question = dana.send("remind")
    assert "reminder to 2 guests of Wedding" in question
    assert "Sending 2 reminders" in dana.send("yes")
    question = dana.send("broadcast side bride: The bus leaves at 5")
    assert question.startswith("Send this to 1 guest (side bride) of Wedding?\n\n“The bus leaves at 5”\nReply yes or no.")
    assert "Sending 1 message" in dana.send("yes")
    fake_graph.open_window("+972502345672")
    assert "Sending your message to Ron" in dana.send("message Ron: See you there!")
    assert any("See you there!" in t for t in (m.text for m in fake_graph.sent_to("+972502345672")))


def test_a_landline_is_added_with_a_warning_a_mobile_without(phone_factory, runtime):
    dana = organiser(phone_factory)
    reply = dana.send("add guest Savta Rivka 02-623-4567")
    assert "Added Savta Rivka" in reply and "landline" in reply
    assert "landline" not in dana.send("add guest Avi Cohen 052-123-4567")
    hebrew = dana.send("הוסף אורח סבתא רבקה 03-623-4567")
    assert "הוספתי" in hebrew and "קווי" in hebrew


def test_a_pasted_list_keeps_the_family_titles_and_whose_relative_as_typed(phone_factory, runtime):
    """"סבא משה" is added (and greeted) as typed, like one "הוסף אורח סבתא רחל …"; "אמא של אורנה" is one name."""
    from bot.text.guest_replies import greeting_name

    dana = organiser(phone_factory)
    reply = dana.send("הוסף אורחים\nסבא משה 0529100002\nדודה מרים 0529100003\nאמא של אורנה 0529100004")
    assert "נוספו: 3 אורחים" in reply
    dana.send("הוסף אורח סבתא רחל 0529100001")
    stored = guests(runtime)
    assert set(stored) == {"סבא משה", "דודה מרים", "אמא של אורנה", "סבתא רחל"}, set(stored)
    assert (stored["סבא משה"].first_name, stored["סבא משה"].last_name) == ("סבא", "משה")   # as "סבתא רחל" on one line
    assert (stored["סבתא רחל"].first_name, stored["סבתא רחל"].last_name) == ("סבתא", "רחל")
    assert (stored["אמא של אורנה"].first_name, stored["אמא של אורנה"].last_name) == ("אמא של אורנה", "")
    greeted = {greeting_name(g.first_name, g.last_name) for g in stored.values()}
    assert not greeted & {"משה", "מרים", "אמא"}, greeted
    dana.share_contacts([("אבא של אורנה", "0529100005")])   # a contact card's name, the same
    assert guests(runtime)["אבא של אורנה"].first_name == "אבא של אורנה"


def test_add_chaver_with_a_phone_only_adds_no_guest_called_chaver_it_asks_about_the_team(phone_factory, runtime):
    """"חבר" is a friend or a member of the team: with no name, the team is asked about first (with the role);
    with a name ("הוסף חבר דני 052…") it is a friend, a guest."""
    from storage.models import EventMember

    def members() -> int:
        with runtime.transaction() as s:
            return s.scalar(select(func.count()).select_from(EventMember))

    dana = organiser(phone_factory)
    before = members()
    question = dana.send("הוסף חבר 0525000004")
    assert "שותף לניהול" in question and "?" in question, question
    assert guests(runtime) == {} and members() == before
    dana.send("לא")
    assert guests(runtime) == {} and members() == before
    assert "הוספתי את דני" in dana.send("הוסף חבר דני 0521234567")
    assert set(guests(runtime)) == {"דני"}
    assert "חבר" not in " ".join(guests(runtime))


def test_download_the_list_to_excel_removes_nobody_and_asks_nothing(phone_factory, runtime):
    """"תוריד לי את הרשימה לאקסל" was read as removing a guest called "הרשימה"; now nothing is removed or asked."""
    dana = organiser(phone_factory)
    dana.send("add guests\nDana Levi 0502345671\nRon Mizrahi 0502345673")
    for line in ("תוריד לי את הרשימה לאקסל", "ייצוא רשימה", "export the list", "send me the list as excel"):
        reply = dana.send(line)
        assert dana.last_buttons == [] and "?" not in reply, (line, reply)   # no question: nothing to confirm
        assert set(guests(runtime)) == {"Dana Levi", "Ron Mizrahi"}, line
    shown = dana.send("תוריד לי את הרשימה")   # the list, shown here
    assert "Dana Levi" in shown and "Ron Mizrahi" in shown
    assert set(guests(runtime)) == {"Dana Levi", "Ron Mizrahi"}


def test_a_first_or_last_name_changes_on_its_own(phone_factory, runtime):
    dana = organiser(phone_factory)
    dana.send("add guests\nDana Levi 0502345671\nRon Mizrahi 0502345673")
    assert "Dana Levi's name to Dana Cohen" in dana.send("edit dana last name Cohen")
    assert "Ron Mizrahi's name to Roni Mizrahi" in dana.send("edit ron first name Roni")
    stored = guests(runtime)
    assert (stored["Dana Cohen"].first_name, stored["Dana Cohen"].last_name) == ("Dana", "Cohen")
    assert (stored["Roni Mizrahi"].first_name, stored["Roni Mizrahi"].last_name) == ("Roni", "Mizrahi")
    # in the organiser's own words
    assert "Roni Mizrahi's name to Roni Mizrachi" in dana.send("change Roni's last name to Mizrachi")
    # "3 last" is never taken for a guest, and nothing changes without a value
    assert "last name" in dana.send("edit 1 last name")
    assert set(guests(runtime)) == {"Dana Cohen", "Roni Mizrachi"}


def test_a_last_name_in_hebrew(phone_factory, runtime):
    dana = organiser(phone_factory)
    dana.send("add guests\nדני לוי 0502345671")
    ask = dana.send("תשנה לדני את שם המשפחה לכהן")
    assert "כהן" in ask and guests(runtime)["דני לוי"].last_name == "לוי"
    dana.send("כן")
    assert guests(runtime)["דני כהן"].first_name == "דני"


def test_the_brides_side_reads_in_each_organisers_language_and_is_one_side(phone_factory, runtime, fake_graph):
    dana = phone_factory("+972521234567", "דנה")
    dana.send("אירוע חדש חתונה")
    dana.send("הוסף אורחים:\nיעל גולן 0502345671 צד כלה\nרון לוי 0502345672 צד חתן")
    dana.send("add guest Bea Mor 0502345673 side bride")
    card = dana.send("אורח Bea")
    assert "צד כלה" in card and "bride" not in card
    hebrew = dana.send("סטטיסטיקה")
    assert "כלה: 2 (✅0 ❌0 ⏳2)" in hebrew and "חתן: 1" in hebrew and "bride" not in hebrew
    english = dana.send("stats")
    assert "bride: 2 (✅0 ❌0 ⏳2)" in english and "groom: 1" in english and "כלה" not in english
    question = dana.send("הודעה לצד כלה: מחכים לכם!")
    assert "לשלוח את ההודעה הזו אל שני אורחים (צד כלה)?" in question
