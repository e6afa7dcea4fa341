"""`flask --app wsgi import-guests <file.csv> --event <id or name> --as <phone>`."""
from __future__ import annotations

import io

import openpyxl
from sqlalchemy import func, select

from bot.services import events, guests, members
from bot.services.users import get_or_create_user
from storage.models import Guest, Role

ORGANISER = "+972501234567"
PARTNER = "+972502222222"
VIEWER = "+972503333333"


def _setup(session):
    """Dana's wedding (Dana admin, Noam editor, Vered viewer) with one guest Noam added."""
    dana = get_or_create_user(session, phone=ORGANISER, display_name="Dana")
    wedding = events.create_event(session, dana, "Dana & Noam's wedding")
    events.create_event(session, dana, "Dana's birthday")
    members.add_member(session, dana, wedding.id, PARTNER, Role.editor)
    members.add_member(session, dana, wedding.id, VIEWER, Role.viewer)
    noam = get_or_create_user(session, phone=PARTNER)
    noam.display_name = "Noam"
    guests.add_guest(session, noam, wedding.id, guests.GuestInput(first_name="Avi", last_name="Cohen",
                                                                 phone="+972521111111"))
    session.commit()
    return wedding


def _guest_count(session, event_id) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(Guest).where(Guest.event_id == event_id))


def _run(app, *args):
    return app.test_cli_runner().invoke(args=["import-guests", *map(str, args)])


def test_import_adds_the_good_rows_and_reports_duplicates_and_bad_lines(app, session, tmp_path):
    wedding = _setup(session)
    csv_file = tmp_path / "guests.csv"
    csv_file.write_text(
        "name,phone,side,party\n"
        "Ruth Levi,052-444-4444,bride,2\n"      # line 2: added
        "Avi Cohen,0521111111,groom,\n"        # line 3: already there (Noam added him)
        "Moshe Peretz,12,groom,\n"             # line 4: bad phone
        "Tamar Ben David,+972 53 555 5555,,\n"  # line 5: added
        "Ruth again,0524444444,,\n",           # line 6: same phone as line 2
        encoding="utf-8",
    )

    result = _run(app, csv_file, "--event", "wedding", "--as", ORGANISER)

    assert result.exit_code == 0, result.output
    out = result.stdout
    # The chat's summary of a CSV file, word for word.
    assert out.splitlines()[:7] == [
        "*Dana & Noam's wedding*: “guests.csv” read.",
        "✅ Added 2 guests.",
        "↩️ 2 guests already on the list:",
        "line 3: Avi Cohen, added by Noam",
        "line 6: Ruth Levi, added by Dana",
        "⚠️ 1 line not added:",
        "line 4: bad phone number 12",
    ]
    assert "Importing 5 rows" in result.stderr  # the progress bar
    assert _guest_count(session, wedding.id) == 3
    ruth = session.scalar(select(Guest).where(Guest.phone == "+972524444444"))
    assert (ruth.first_name, ruth.last_name, ruth.side, ruth.party_size) == ("Ruth", "Levi", "bride", 2)


def test_the_event_can_be_given_by_its_id_and_a_hebrew_file_without_header_works(app, session, tmp_path):
    wedding = _setup(session)
    csv_file = tmp_path / "רשימה.csv"
    csv_file.write_bytes("רות לוי;0524444444;כלה\n".encode("utf-8-sig"))

    result = _run(app, csv_file, "--event", wedding.id, "--as", "050-123-4567")

    assert result.exit_code == 0, result.output
    assert "✅ Added 1 guest." in result.stdout
    assert "Send *invite* when you're ready." in result.stdout
    assert session.scalar(select(Guest.first_name).where(Guest.phone == "+972524444444")) == "רות"


def test_unknown_phone_no_such_event_and_ambiguous_names_are_clear_errors(app, session, tmp_path):
    wedding = _setup(session)
    csv_file = tmp_path / "guests.csv"
    csv_file.write_text("Ruth Levi,0524444444\n", encoding="utf-8")

    unknown = _run(app, csv_file, "--event", "wedding", "--as", "+972509999999")
    assert unknown.exit_code != 0
    assert "Nobody with the phone +972 50-999-9999 has used the bot yet" in unknown.output

    missing = _run(app, csv_file, "--event", "bar mitzvah", "--as", ORGANISER)
    assert missing.exit_code != 0
    assert 'No event called "bar mitzvah"' in missing.output
    assert "Dana & Noam's wedding" in missing.output  # the events that do exist

    ambiguous = _run(app, csv_file, "--event", "dana", "--as", ORGANISER)
    assert ambiguous.exit_code != 0
    assert '"dana" matches several events' in ambiguous.output

    # Someone who is not a member does not learn that the event exists.
    stranger = get_or_create_user(session, phone="+972508888888")
    events.create_event(session, stranger, "Stranger's party")
    session.commit()
    not_theirs = _run(app, csv_file, "--event", wedding.id, "--as", "+972508888888")
    assert not_theirs.exit_code != 0
    assert f"No event with id {wedding.id}" in not_theirs.output
    assert "Dana & Noam" not in not_theirs.output

    bad_phone = _run(app, csv_file, "--event", "wedding", "--as", "hello")
    assert bad_phone.exit_code != 0 and "--as" in bad_phone.output

    assert _guest_count(session, wedding.id) == 1


def test_a_file_that_is_not_a_csv_is_refused_and_changes_nothing(app, session, tmp_path):
    wedding = _setup(session)
    sheet = tmp_path / "guests.xlsx"
    sheet.write_bytes(b"PK\x03\x04\x00\x00\x08\x00" + bytes(200))

    result = _run(app, sheet, "--event", "wedding", "--as", ORGANISER)

    assert result.exit_code != 0
    assert "guests.xlsx: That file is not a readable Excel workbook" in result.output
    assert _guest_count(session, wedding.id) == 1

    missing = _run(app, tmp_path / "nope.csv", "--event", "wedding", "--as", ORGANISER)
    assert missing.exit_code != 0 and "does not exist" in missing.output


def test_a_viewer_cannot_import_and_nothing_is_added(app, session, tmp_path):
    wedding = _setup(session)
    csv_file = tmp_path / "guests.csv"
    csv_file.write_text("Ruth Levi,0524444444\nTamar Ben David,0535555555\n", encoding="utf-8")

    result = _run(app, csv_file, "--event", "wedding", "--as", VIEWER)

    assert result.exit_code != 0
    assert "Only an admin or editor of Dana & Noam's wedding can" in result.output
    assert _guest_count(session, wedding.id) == 1


def test_a_long_file_lists_every_line_that_was_not_added(app, session, tmp_path):
    wedding = _setup(session)
    bad = [f"Guest {n},12{n}" for n in range(1, 15)]              # lines 2-15: bad phones
    csv_file = tmp_path / "big.csv"
    csv_file.write_text("name,phone\n" + "\n".join(bad + ["Ruth Levi,0524444444"]) + "\n", encoding="utf-8")

    result = _run(app, csv_file, "--event", "wedding", "--as", ORGANISER)

    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "✅ Added 1 guest." in out and "⚠️ 14 lines not added:" in out
    assert "…and 4 more" in out  # the chat's summary stops at ten
    every = out.split("Every line that was not added:", 1)[1]
    assert all(f"line {n}: bad phone number 12{n - 1} (Guest {n - 1}, 12{n - 1})" in every for n in range(2, 16))
    assert _guest_count(session, wedding.id) == 2


def test_an_excel_workbook_is_imported_from_its_first_sheet(app, session, tmp_path):
    wedding = _setup(session)
    book = openpyxl.Workbook()
    book.active.append(["name", "phone", "side"])
    book.active.append(["Ron Raz", "050-234-5679", "groom"])
    out = io.BytesIO()
    book.save(out)
    sheet = tmp_path / "guests.xlsx"
    sheet.write_bytes(out.getvalue())

    result = _run(app, sheet, "--event", "wedding", "--as", ORGANISER)

    assert result.exit_code == 0, result.output
    assert "Added 1 guest" in result.output
    assert _guest_count(session, wedding.id) == 2
