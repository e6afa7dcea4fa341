"""One guest's card (`guest <ref>`), "maybe" as an answer of its own in lists, marks and
stats, and `broadcast pending` reaching only guests who were invited and have not answered."""
from __future__ import annotations

from sqlalchemy import select

from bot.services import guests, tokens
from storage.models import Event, Guest, User
from tests.phone import phone_factory  # noqa: F401  (fixture)

DANA = "+972521234567"
AVI = "+972541234001"
BEA = "+972541234002"
CY = "+972541234003"


def _setup(phone_factory):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2027\nlocation: Hangar 11")
    dana.send(f"add guests\nAvi Cohen {AVI} side groom note vegan\nBea Levi {BEA}\nCy Katz {CY}")
    return dana


def test_the_guest_card_shows_what_an_organiser_needs(phone_factory):
    dana = _setup(phone_factory)
    dana.send("mark Avi yes party 3")
    card = dana.send("guest Avi")
    assert "*Avi Cohen*" in card and "54-123-4001" in card and "side groom" in card
    assert "coming, 3 people" in card and "vegan" in card
    assert "Invitation: not sent yet" in card and card.endswith("Added by you")
    dana.send("guests")
    assert "Bea Levi" in dana.send("guest 2")
    dana.send("add member 052-987-6543 editor")
    noam = phone_factory("+972529876543", "Noam")
    assert noam.send("guest Avi").endswith("Added by Dana")     # a teammate sees who added the guest


def test_the_guest_card_in_hebrew(phone_factory):
    dana = phone_factory(DANA, "דנה")
    dana.send("אירוע חדש חתונה")
    dana.send(f"הוסף אורח אבי כהן {AVI}")
    card = dana.send("אורח אבי")
    assert "*אבי כהן*" in card and "הזמנה: עוד לא נשלחה" in card and "עוד לא ענו" in card
    assert card.endswith("נוסף/ה על ידך")


def test_an_unknown_guest_gets_a_clear_answer(phone_factory):
    dana = _setup(phone_factory)
    assert "No guest of Wedding matches" in dana.send("guest Zed")
    assert "*Wedding*: 3 guests" in dana.send("guest")   # no one named: the list to pick from


def test_maybe_is_shown_in_lists_marks_and_stats(phone_factory, client, runtime):
    dana = _setup(phone_factory)
    assert "as maybe" in dana.send("mark Bea maybe")
    assert "🤔 maybe" in dana.send("guests")
    listing = dana.send("guests maybe")
    assert "Bea Levi" in listing and "Avi" not in listing and "Cy" not in listing
    assert listing.startswith("*Wedding*: 1 guest (said maybe)")
    assert "⏳ 3 pending (1 said maybe)" in dana.send("stats").splitlines()
    assert "maybe" in dana.send("guest Bea")
    with runtime.transaction() as s:
        token = tokens.issue_token(s, s.scalar(select(User).where(User.phone == DANA)))
        event_id = s.scalar(select(Event.id))
    auth = {"Authorization": f"Bearer {token}"}
    stats = client.get(f"/api/events/{event_id}/stats", headers=auth).get_json()
    assert stats["maybe"] == 1 and stats["by_status"]["invited"] == 3
    found = client.get(f"/api/events/{event_id}/guests?status=maybe", headers=auth).get_json()
    assert [g["first_name"] for g in found["items"]] == ["Bea"]
    assert "as pending" in dana.send("mark Bea pending")
    assert "🤔" not in dana.send("guests")


def test_a_party_size_with_maybe_is_asked_about_and_changes_nothing(phone_factory, runtime):
    dana = _setup(phone_factory)
    reply = dana.send("mark Bea maybe party 2")
    # a maybe has no party: the reading drops it and asks before writing anything
    assert reply == "Mark Bea Levi as maybe?" and dana.last_buttons == ["confirm:yes", "confirm:no"]
    with runtime.transaction() as s:
        bea = s.scalar(select(Guest).where(Guest.first_name == "Bea"))
        assert bea.answered_at is None and bea.party_size is None


def test_broadcast_pending_reaches_only_invited_guests_without_an_answer(phone_factory):
    dana = _setup(phone_factory)
    dana.send("invite")
    dana.tap("confirm:yes", "Yes")
    dana.send("add guest Dov Late +972541234004")   # added after the invitations: never invited
    dana.send("mark Avi yes")
    question = dana.send("broadcast pending: Please answer by Friday")
    assert "Send this to 2 guests" in question and "Skipped: 1 not invited yet (send *invite* first)." in question
    dana.tap("confirm:yes", "Yes")
    dov = phone_factory("+972541234004", "Dov")
    avi = phone_factory(AVI, "Avi")
    bea = phone_factory(BEA, "Bea")
    assert not any("Please answer by Friday" in t for t in dov.texts)
    assert not any("Please answer by Friday" in t for t in avi.texts)
    assert any("Please answer by Friday" in t for t in bea.texts)


def test_lists_sort_names_as_people_read_numbers(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Conference")
    with runtime.transaction() as s:   # a list imported from a spreadsheet of tables
        user = s.scalar(select(User).where(User.phone == DANA))
        event_id = s.scalar(select(Event.id))
        rows = [guests.GuestInput(first_name="Table", last_name=str(n), phone=f"+97254123{n:04d}", line_no=i)
                for i, n in enumerate((10, 2, 1, 100, 20), start=1)]
        guests.import_guests(s, user, event_id, rows)
    listing = dana.send("guests")
    order = [line.split(". ", 1)[1].split(" · ")[0] for line in listing.splitlines() if line[:1].isdigit()]
    assert order == ["Table 1", "Table 2", "Table 10", "Table 20", "Table 100"]


def test_rows_pasted_from_excel_or_written_with_commas_are_added_after_a_look(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding")
    pasted = "add guests\nDana Levi\t050-234-5678\tbride\nAvi Cohen\t052-345-6789\tgroom"
    question = dana.send(pasted)
    assert question == ("Add 2 guests?\n"
                        "1. Dana Levi +972 50-234-5678 (side bride)\n"
                        "2. Avi Cohen +972 52-345-6789 (side groom)")   # each row as read, before it is saved
    assert dana.last_buttons == ["confirm:yes", "confirm:no"]
    dana.tap("confirm:yes", "Yes")
    dana.send("add guests\nRon Katz, 053-456-7890, bride\nMay Tal, 054-567-8901")
    assert dana.last_buttons == ["confirm:yes", "confirm:no"]   # read from free words: one look first
    dana.tap("confirm:yes", "Yes")
    with runtime.transaction() as s:
        rows = {g.full_name: (g.phone, g.side) for g in s.scalars(select(Guest))}
    assert rows == {"Dana Levi": ("+972502345678", "bride"), "Avi Cohen": ("+972523456789", "groom"),
                    "Ron Katz": ("+972534567890", "bride"), "May Tal": ("+972545678901", None)}


def test_a_broadcast_to_pending_guests_before_any_invitation_says_why_it_reaches_nobody(phone_factory):
    dana = _setup(phone_factory)
    assert "pending" in dana.send("guests pending")
    assert dana.send("broadcast pending: Please answer by Friday") == (
        "No guest of Wedding matches that. Skipped: 3 not invited yet (send *invite* first).")
    assert "(קודם *שלח הזמנות*)" in dana.send("תשלח למי שלא ענה: נא לאשר עד שישי")


def test_a_maybe_list_reads_in_hebrew_without_an_english_word(phone_factory):
    dana = phone_factory(DANA, "Dana")
    dana.send("אירוע חדש מסיבת גיוס\nתאריך: 15/1/2027")
    dana.send(f"הוסף אורח בתיה לוי {BEA}")
    dana.send("סמן את בתיה אולי")
    listing = dana.send("אורחים אולי")
    assert listing.startswith("*מסיבת גיוס*: אורח אחד (אמרו אולי)")
    assert "maybe" not in listing
