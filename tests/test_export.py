"""The guest list as a file in the chat: *export* (or "אפשר את הרשימה באקסל?") sends the event's
list as an Excel workbook in the reader's language, one the phone opens and the bot reads back;
and a list sent as .xlsx is imported as a CSV is."""
from __future__ import annotations

import io

import openpyxl
import pytest
from sqlalchemy import func, select

from storage.models import Guest
from tests.phone import phone_factory  # noqa: F401  (fixture)

DANA, AVI, BEA = "+972521234567", "+972541234001", "+972541234002"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sheet(fake_graph, sent):
    data, mime, name = fake_graph.media(sent.payload["document"]["id"])
    assert mime == XLSX and name == sent.payload["document"]["filename"]
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    return sheet, [[c.value for c in row] for row in sheet.iter_rows()]


def _wedding(dana, hebrew: bool) -> None:
    if hebrew:
        dana.send("אירוע חדש החתונה של דנה\nתאריך: 12/6/2031")
        dana.send(f"הוסף אורח אבי כהן {AVI} צד כלה כמות 3")
        dana.send(f"הוסף אורח בת-אל לוי {BEA}")
    else:
        dana.send("new event Dana's wedding\ndate: 12/6/2031")
        dana.send(f"add guest Avi Cohen {AVI} side bride party 3")
        dana.send(f"add guest Bea Levi {BEA}")
    dana.send("סמן את אבי כן" if hebrew else "mark Avi yes")


def test_export_sends_the_list_as_a_workbook_in_english(phone_factory, fake_graph):
    dana = phone_factory(DANA, "Dana")
    _wedding(dana, hebrew=False)
    dana.send("export")
    sent = dana.received[-1]
    assert sent.type == "document"
    assert sent.payload["document"]["filename"] == "Dana's wedding.xlsx"
    assert sent.payload["document"]["caption"] == ("📎 Dana's wedding: the guest list (2 guests). "
                                                   "It opens in Excel or Google Sheets.")
    sheet, rows = _sheet(fake_graph, sent)
    assert not sheet.sheet_view.rightToLeft
    assert rows[0] == ["first name", "last name", "phone", "side", "answer", "party", "children", "notes",
                       "invitation", "answered on"]
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Avi"][:6] == ["Avi", "Cohen", "+972 54-123-4001", "bride", "coming", 3]
    assert by_name["Avi"][9] is not None                       # the day Avi's yes was marked
    assert by_name["Bea"][:6] == ["Bea", "Levi", "+972 54-123-4002", None, "no answer yet", None]
    assert by_name["Bea"][8] == "not sent yet"


@pytest.mark.parametrize("asked", ["ייצוא", "אפשר לקבל את רשימת המוזמנים באקסל?", "תשלח לי את הרשימה כקובץ"])
def test_a_hebrew_organiser_gets_a_right_to_left_sheet_in_hebrew(phone_factory, fake_graph, asked):
    dana = phone_factory(DANA, "Dana")
    _wedding(dana, hebrew=True)
    dana.send(asked)
    sent = dana.received[-1]
    assert sent.type == "document", dana.texts[-1]
    assert sent.payload["document"]["caption"].startswith("📎 החתונה של דנה: רשימת האורחים (שני אורחים).")
    sheet, rows = _sheet(fake_graph, sent)
    assert sheet.sheet_view.rightToLeft
    assert rows[0][:6] == ["שם פרטי", "שם משפחה", "טלפון", "צד", "תשובה", "כמות"]
    assert ["אבי", "כהן", "+972 54-123-4001", "כלה", "מגיעים", 3] in [r[:6] for r in rows[1:]]


def test_the_exported_file_is_read_back_as_a_guest_list(phone_factory, fake_graph, runtime):
    """Sent to another event, the file adds the same guests with their sides and counts."""
    dana = phone_factory(DANA, "Dana")
    _wedding(dana, hebrew=True)
    dana.send("ייצוא")
    data, _mime, name = fake_graph.media(dana.received[-1].payload["document"]["id"])
    dana.send("אירוע חדש חינה\nתאריך: 10/6/2031")
    reply = dana.send_document(data, name, XLSX)
    assert "נוספו: שני אורחים" in reply, reply
    with runtime.transaction() as s:
        rows = set(s.execute(select(Guest.first_name, Guest.side, Guest.party_size)
                             .where(Guest.first_name == "אבי")).all())
    assert rows == {("אבי", "כלה", 3)}


def test_an_event_without_guests_says_so_instead_of_an_empty_file(phone_factory):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party")
    assert dana.send("export") == ("Party has no guests yet. Add one: *add guest Dana Levi 050-234-5678*, "
                                   "or send a CSV file.")


def test_a_viewer_may_export_and_a_stranger_gets_no_list(phone_factory, fake_graph):
    dana = phone_factory(DANA, "Dana")
    _wedding(dana, hebrew=False)
    dana.send("add viewer +972521234999")
    viewer = phone_factory("+972521234999", "Vic")
    viewer.send("export")
    assert viewer.received[-1].type == "document"
    stranger = phone_factory("+972521234888", "Sam")
    stranger.send("export")
    assert all(m.type != "document" for m in stranger.received)


def test_a_failed_upload_is_told_and_can_be_asked_again(phone_factory, fake_graph):
    dana = phone_factory(DANA, "Dana")
    _wedding(dana, hebrew=False)
    fake_graph.fail_uploads(1)
    assert dana.send("export") == "I couldn't send the file just now. Please send *export* again in a minute."
    dana.send("export")
    assert dana.received[-1].type == "document"


def test_an_xlsx_list_is_imported_from_its_first_sheet(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["שם", "טלפון", "כמות"])
    sheet.append(["יעל כהן", 541231234, 2])          # Excel keeps the number, without its 0
    sheet.append(["רון לוי", "050-234-5672", None])
    sheet.append(["בלי טלפון", None, 1])
    out = io.BytesIO()
    book.save(out)
    reply = dana.send_document(out.getvalue(), "רשימה.xlsx", XLSX)
    assert "Added 2 guests" in reply and "line 4" in reply, reply
    with runtime.transaction() as s:
        assert s.scalar(select(Guest.party_size).where(Guest.phone == "+972541231234")) == 2
        assert s.scalar(select(func.count()).select_from(Guest)) == 2


def test_a_broken_xlsx_or_an_old_xls_is_refused_and_changes_nothing(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party")
    reply = dana.send_document(b"PK\x03\x04\x00\x00broken", "guests.xlsx", XLSX)
    assert "not a readable Excel workbook" in reply and "Nothing was changed" in reply, reply
    reply = dana.send_document(b"\xd0\xcf\x11\xe0old excel", "guests.xls", "application/vnd.ms-excel")
    assert "Excel (.xlsx) or CSV" in reply and "nothing was changed" in reply, reply
    with runtime.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Guest)) == 0


@pytest.mark.parametrize("text", ["האקסל ששלחת ריק", "אני לא מצליח לפתוח את האקסל", "I can't open the excel you sent"])
def test_words_about_a_file_already_sent_are_no_new_export(phone_factory, text):
    dana = phone_factory(DANA, "Dana")
    _wedding(dana, hebrew=True)
    sent = len(dana.received)
    dana.send(text)
    assert all(m.type != "document" for m in dana.received[sent:])


@pytest.mark.parametrize("asked", ["csv", "excel pls"])
def test_a_format_named_in_latin_letters_keeps_a_hebrew_organisers_language(phone_factory, fake_graph, asked):
    dana = phone_factory(DANA, "Dana")
    _wedding(dana, hebrew=True)
    dana.send(asked)
    sent = dana.received[-1]
    assert sent.payload["document"]["caption"].startswith("📎 החתונה של דנה: רשימת האורחים")
    assert _sheet(fake_graph, sent)[0].sheet_view.rightToLeft
