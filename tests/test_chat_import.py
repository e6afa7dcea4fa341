"""A guest list sent as a document: downloaded through the Cloud API, imported, summarised by line."""
from __future__ import annotations

import random

from sqlalchemy import func, select

from bot.worker import drain
from storage.models import Guest
from tests import webhooks
from tests.conftest import TEST_APP_SECRET
from tests.phone import phone_factory  # noqa: F401  (fixture)

DANA = "+972521234567"


def guest_count(runtime) -> int:
    with runtime.transaction() as s:
        return s.scalar(select(func.count()).select_from(Guest))


def organiser(phone_factory):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Dana & Noam's wedding")
    return dana


def test_two_thousand_guests_with_duplicates_and_bad_rows(phone_factory, runtime):
    dana = organiser(phone_factory)
    dana.send("add guests\nAvi Cohen 0501000000\nRon Levi 0501000001")   # already on the list
    rng = random.Random(7)
    lines = ["name,phone,side,party"]
    expected_bad: dict[int, str] = {}
    expected_dupes: set[int] = set()
    good = 0
    for i in range(2000):
        line_no = i + 2                       # the header is line 1
        if i < 20:
            if i % 2:
                lines.append(f"Bad Phone {i},12-34,bride,1")
                expected_bad[line_no] = "bad phone number"
            else:
                lines.append(f",05020{i:05d},groom,1")
                expected_bad[line_no] = "no name"
        elif i < 70:
            # 48 repeat an earlier row of the file, 2 are already on the list
            phone = "0501000000" if i == 20 else "0501000001" if i == 21 else f"05030{(i - 22) + 100:05d}"
            lines.append(f"Again {i},{phone},bride,2")
            expected_dupes.add(line_no)
        else:
            lines.append(f"גאסט {i} Guest,05030{i - 70:05d},{rng.choice(['bride', 'groom'])},{rng.randint(1, 4)}")
            good += 1
    assert good == 1930
    data = ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")
    reply = dana.send_document(data, "guests.csv")
    assert "✅ Added 1,930 guests." in reply
    assert "↩️ 2 guests already on the list:" in reply
    assert "line 22 (Again 20): the number of Avi Cohen, already on the list (added by you)" in reply
    assert "📞 48 lines give a number already given above (one guest per number):" in reply
    assert "⚠️ 20 lines not added:" in reply
    assert "line 2: no name" in reply and "line 3 (Bad Phone 1): bad phone number 12-34" in reply   # whose row it is
    assert "…and 10 more" in reply and "…and 38 more" in reply
    assert len(reply) < 4096
    assert guest_count(runtime) == 2 + 1930
    with runtime.transaction() as s:
        hebrew = s.scalar(select(Guest).where(Guest.phone == "+972503000000"))
        assert hebrew.first_name == "גאסט" and hebrew.last_name == "70 Guest"


def test_semicolons_and_a_hebrew_header(phone_factory, runtime):
    dana = organiser(phone_factory)
    data = "שם;טלפון;צד\nדנה לוי;050-234-5671;כלה\nרון;050-234-5672;חתן\n".encode("utf-8")
    reply = dana.send_document(data, "רשימה.csv")
    assert "Added 2 guests" in reply and "not added" not in reply
    with runtime.transaction() as s:
        assert s.scalar(select(Guest.side).where(Guest.first_name == "דנה")) == "כלה"


def test_excels_old_code_pages_are_told_apart(phone_factory, runtime):
    dana = organiser(phone_factory)
    hebrew = "שם,טלפון\nדנה לוי,050-234-5671\nאבי כהן,050-234-5672\n".encode("cp1255")
    western = "name,phone\nJosé García,050-234-5673\nFrançois Müller,050-234-5674\n".encode("cp1252")
    assert "Added 2 guests" in dana.send_document(hebrew, "עברית.csv")
    assert "Added 2 guests" in dana.send_document(western, "western.csv")
    with runtime.transaction() as s:
        names = set(s.scalars(select(Guest.first_name)))
    assert {"דנה", "אבי", "José", "François"} <= names


def test_a_file_that_is_not_a_csv_is_refused_and_changes_nothing(phone_factory, runtime):
    dana = organiser(phone_factory)
    reply = dana.send_document(b"PK\x03\x04\x00\x00binary", "guests.xlsx",
                               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert "not a readable Excel workbook" in reply and "Nothing was changed" in reply
    reply = dana.send_document(b"%PDF-1.4 \x00\x01", "guests.csv")
    assert "not a CSV" in reply and "Nothing was changed" in reply
    reply = dana.send_document(b"just one column\nno phones here\n", "list.csv")
    assert "Nothing was changed" in reply
    assert guest_count(runtime) == 0


def test_a_viewer_cannot_import(phone_factory, runtime):
    dana = organiser(phone_factory)
    dana.send("add member 0541112222 viewer")
    viewer = phone_factory("+972541112222", "Vera")
    reply = viewer.send_document(b"name,phone\nAvi,0502345671\n", "guests.csv")
    assert reply == "Only an admin or editor of Dana & Noam's wedding can add or edit guests."
    assert guest_count(runtime) == 0


def test_a_csv_from_someone_without_events_gets_the_welcome(phone_factory, runtime):
    stranger = phone_factory("+972541112222")
    reply = stranger.send_document(b"name,phone\nAvi,0502345671\n", "guests.csv")
    assert "new event" in reply
    assert guest_count(runtime) == 0


def test_the_file_is_fetched_by_the_worker_not_while_meta_waits(phone_factory, runtime, client, fake_graph):
    """The webhook answers at once; the download and import happen in the worker."""
    dana = organiser(phone_factory)
    fake_graph.add_media("media-late", "name,phone\nAvi,+972521234567\n".encode(), "text/csv", "late.csv")
    fake_graph.open_window(dana.number)
    before = len(fake_graph.requests)
    body, headers = webhooks.signed(webhooks.document_message(dana.number, "media-late", "late.csv"),
                                    TEST_APP_SECRET)
    assert client.post("/webhook", data=body, headers=headers).status_code == 200
    assert fake_graph.requests[before:] == [] and guest_count(runtime) == 0  # nothing fetched yet
    drain(runtime)
    assert guest_count(runtime) == 1
    assert "late.csv" in fake_graph.sent_to(dana.number)[-1].text


def test_a_failed_download_is_told_and_changes_nothing(phone_factory, runtime):
    dana = organiser(phone_factory)
    reply = dana.post(webhooks.document_message(dana.number, "media-that-does-not-exist", "gone.csv"))
    assert guest_count(runtime) == 0
    assert any("couldn't download" in r for r in reply)


def test_a_phone_cell_that_says_whose_number_it_is_keeps_the_words_as_a_note(phone_factory, runtime):
    """"052-1234567 (אמא)" in the phone column: the number is the guest's way in, and who answers
    it is worth keeping; "052-... / 054-..." (two numbers) is still refused, with its line."""
    dana = organiser(phone_factory)
    data = ("שם,טלפון,הערות\nיעל כהן,0502345671 (אמא),טבעונית\nרון לוי,אבא: 050-234-5672,\n"
            "דני,050-234-5673 / 050-234-5674,\n").encode("utf-8")
    reply = dana.send_document(data, "רשימה.csv")
    assert "Added 2 guests" in reply, reply
    assert "line 4 (\u2068דני\u2069): two phone numbers in one cell; a guest has one" in reply, reply
    with runtime.transaction() as s:
        notes = dict(s.execute(select(Guest.first_name, Guest.notes)).all())
        phones = set(s.scalars(select(Guest.phone)))
    assert notes == {"יעל": "📞 אמא; טבעונית", "רון": "📞 אבא"}
    assert phones == {"+972502345671", "+972502345672"}


def test_words_in_brackets_in_a_pasted_row_are_a_note_not_the_name(phone_factory, runtime):
    dana = organiser(phone_factory)
    dana.send("יעל כהן 0502345671 (אמא)\nOmer (new intern) +972-53-998-1122")
    dana.tap("confirm:yes", "Yes")
    with runtime.transaction() as s:
        rows = set(s.execute(select(Guest.first_name, Guest.last_name, Guest.notes)).all())
    assert rows == {("יעל", "כהן", "אמא"), ("Omer", "", "new intern")}
