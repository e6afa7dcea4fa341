"""The domain layer on a real database: role checks inside each operation, last-admin
rules, duplicates and imports, live numbers."""
from __future__ import annotations

import pytest

from bot.services.guest_csv import NotACsv, parse_guest_csv
from bot.services import events, guests, members, sending, stats
from bot.services.errors import GuestAlreadyExists, InvalidInput, LastAdmin, NotAuthorized, NotFound
from bot.services.users import get_or_create_user


@pytest.fixture
def people(session):
    admin = get_or_create_user(session, phone="+972501111111", display_name="Dana")
    editor = get_or_create_user(session, phone="+972502222222")
    viewer = get_or_create_user(session, phone="+972503333333")
    stranger = get_or_create_user(session, phone="+972504444444")
    event = events.create_event(session, admin, "Dana & Noam's wedding")
    members.add_member(session, admin, event.id, editor.phone, "editor")
    members.add_member(session, admin, event.id, viewer.phone, "viewer")
    session.commit()
    return event, admin, editor, viewer, stranger


def test_creator_is_admin_and_time_zone_follows_their_country(session, people):
    event, admin, *_ = people
    assert event.timezone == "Asia/Jerusalem"
    [(e, m)] = events.list_events(session, admin)
    assert e.id == event.id and m.role.value == "admin"


def test_a_stranger_cannot_tell_an_event_exists(session, people):
    event, _, _, _, stranger = people
    with pytest.raises(NotFound) as missing:
        events.get_event(session, stranger, "8e0c2b3a-0000-0000-0000-000000000000")
    with pytest.raises(NotFound) as theirs:
        events.get_event(session, stranger, event.id)
    assert missing.value.message == theirs.value.message


def test_refusals_name_the_role_needed(session, people):
    event, _, editor, viewer, _ = people
    g = guests.add_guest(session, editor, event.id, guests.GuestInput("Avi", "050-765-4321"))
    with pytest.raises(NotAuthorized, match="Only an admin of Dana & Noam's wedding can remove guests"):
        guests.remove_guest(session, editor, event.id, g.id)
    with pytest.raises(NotAuthorized, match="Only an admin or editor of Dana & Noam's wedding can add or edit guests"):
        guests.add_guest(session, viewer, event.id, guests.GuestInput("Rina", "050-765-0000"))


def test_the_last_admin_cannot_leave_or_be_demoted(session, people):
    event, admin, editor, *_ = people
    with pytest.raises(LastAdmin):
        members.leave_event(session, admin, event.id)
    with pytest.raises(LastAdmin):
        members.change_role(session, admin, event.id, admin.id, "viewer")
    members.change_role(session, admin, event.id, editor.id, "admin")
    assert members.leave_event(session, admin, event.id) == "Dana & Noam's wedding"


def test_duplicate_guest_says_who_added_them(session, people):
    event, admin, editor, *_ = people
    guests.add_guest(session, admin, event.id, guests.GuestInput("Avi", "+972 50-765-4321"))
    with pytest.raises(GuestAlreadyExists, match="added by Dana"):
        guests.add_guest(session, editor, event.id, guests.GuestInput("Avraham", "0507654321"))
    with pytest.raises(GuestAlreadyExists, match=r"Avi \(\+972 50-765-4321\) is already on the list of .*; you added them"):
        guests.add_guest(session, admin, event.id, guests.GuestInput("Avi", "0507654321"))


def test_bad_phone_is_refused_with_a_clear_message(session, people):
    event, admin, *_ = people
    with pytest.raises(InvalidInput, match="doesn't look like a phone number"):
        guests.add_guest(session, admin, event.id, guests.GuestInput("Avi", "12"))


def test_import_reports_created_duplicates_and_rejected_by_line(session, people):
    event, admin, *_ = people
    guests.add_guest(session, admin, event.id, guests.GuestInput("Avi", "050-765-4321"))
    csv = "\ufeffname;phone;side\nרונית כהן;052-111-2222;bride\nAvi B;0507654321;groom\nNo Phone;;x\nBad;12;x\nRonit again;+972521112222;\n"
    rows = parse_guest_csv(csv.encode("utf-8"), "IL")
    result = guests.import_guests(session, admin, event.id, rows)
    assert [(line, g.first_name) for line, g in result.created] == [(2, "רונית")]
    assert [(line, adder) for line, _, adder in result.duplicates] == [(3, "Dana"), (6, "Dana")]
    assert [line for line, _ in result.rejected] == [4, 5]


def test_a_file_that_is_not_csv_is_refused():
    with pytest.raises(NotACsv):
        parse_guest_csv(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "IL")
    with pytest.raises(NotACsv):
        parse_guest_csv(b"", "IL")


def test_stats_count_people_and_sides(session, people):
    event, admin, *_ = people
    a = guests.add_guest(session, admin, event.id, guests.GuestInput("A", "0501230001", side="bride"))
    b = guests.add_guest(session, admin, event.id, guests.GuestInput("B", "0501230002", side="groom"))
    guests.add_guest(session, admin, event.id, guests.GuestInput("C", "0501230003", side="groom"))
    guests.mark_rsvp(session, admin, event.id, a.id, "yes", party_size=3)
    guests.mark_rsvp(session, admin, event.id, b.id, "declined")
    s = stats.event_stats(session, admin, event.id)
    assert s["total"] == 3
    assert s["by_status"] == {"invited": 1, "confirmed": 1, "declined": 1}
    assert s["expected_headcount"] == 3
    assert s["by_side"]["groom"] == {"total": 2, "confirmed": 0, "declined": 1, "invited": 1}
    assert s["invitations"]["not_sent"] == 3
    assert s["confirmation_rate"] == round(1 / 3, 4)


def test_stats_count_a_side_once_however_it_is_capitalised(session, people):
    """The side filter finds "bride" and "Bride" alike; the stats show them as one side."""
    event, admin, *_ = people
    for i, side in enumerate(["bride", "Bride", "bride ", "Groom", None]):
        guests.add_guest(session, admin, event.id, guests.GuestInput(f"G{i}", f"05012301{i:02d}", side=side))
    s = stats.event_stats(session, admin, event.id)
    assert list(s["by_side"]) == ["Groom", "bride", "none"]
    assert s["by_side"]["bride"]["total"] == 3 == guests.list_guests(session, admin, event.id, side="BRIDE")[1]


def test_the_brides_side_is_one_side_in_hebrew_and_english(session, people):
    """"כלה", "הכלה", "צד הכלה" and "bride" are one side for the lists, the sends and the stats,
    shown as most of its guests have it."""
    event, admin, *_ = people
    for i, side in enumerate(["כלה", "הכלה", "כלה", "bride", "צד הכלה", "חתן", "Groom"]):
        guests.add_guest(session, admin, event.id, guests.GuestInput(f"G{i}", f"05012302{i:02d}", side=side))
    by_side = stats.event_stats(session, admin, event.id)["by_side"]
    assert {k: v["total"] for k, v in by_side.items()} == {"Groom": 2, "כלה": 5}   # a tie: the first by letters
    for asked in ("bride", "כלה", "הכלה", "Bride"):
        assert guests.list_guests(session, admin, event.id, side=asked)[1] == 5, asked
        assert sending.broadcast_audience(session, admin, event.id, side=asked).count == 5, asked
    assert guests.list_guests(session, admin, event.id, side="החתן")[1] == 2


def test_list_guests_filters_and_pages(session, people):
    event, admin, *_ = people
    for i in range(7):
        guests.add_guest(session, admin, event.id, guests.GuestInput(f"Guest{i}", f"05012300{i:02d}", side="bride" if i % 2 else None))
    page, total = guests.list_guests(session, admin, event.id, side="Bride", skip=1, limit=2)
    assert total == 3 and [g.first_name for g in page] == ["Guest3", "Guest5"]
    found, n = guests.list_guests(session, admin, event.id, search="guest4")
    assert n == 1 and found[0].first_name == "Guest4"


def test_two_admins_demoting_each_other_at_once_leave_one_admin(db, people):
    """The admin rows are locked while counting, so the second demotion sees the first."""
    import threading

    from sqlalchemy import select

    from storage.db import make_session_factory
    from storage.models import EventMember, Role

    event, admin, editor, *_ = people
    factory = make_session_factory(db.engine)
    with factory() as s:
        members.change_role(s, admin, event.id, editor.id, "admin")
        s.commit()
    first, second = factory(), factory()
    members.change_role(first, admin, event.id, editor.id, "viewer")  # not committed yet
    outcome = {}

    def demote_the_other():
        try:
            members.change_role(second, editor, event.id, admin.id, "viewer")
            second.commit()
            outcome["second"] = "demoted"
        except (LastAdmin, NotAuthorized):  # SQLite queues the whole transaction: no longer an admin
            second.rollback()
            outcome["second"] = "refused"
        finally:
            second.close()

    thread = threading.Thread(target=demote_the_other)
    thread.start()
    thread.join(1.0)  # give it time to reach the lock; the outcome must not depend on it
    first.commit()
    first.close()
    thread.join(30)
    with factory() as s:
        admins = s.scalars(select(EventMember).where(EventMember.event_id == event.id,
                                                     EventMember.role == Role.admin)).all()
    assert len(admins) == 1
    assert outcome["second"] == "refused"
