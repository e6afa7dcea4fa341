"""A pasted list, as a black-box reviewer pasted it: two rows with one number are flagged in the
question before anything is added, and a row for a guest already on the list with another count
says how to change it instead of dropping the count unsaid."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Guest
from tests.phone import phone, phone_factory  # noqa: F401  (fixtures)

DANA = "+972521110001"


def _party(runtime, number: str) -> int | None:
    with runtime.transaction() as s:
        return s.scalars(select(Guest.party_size).where(Guest.phone == number)).one()


def _event(dana) -> None:
    dana.send("אירוע חדש החתונה של דנה")
    dana.send("תאריך 12.8.2027")


def test_two_rows_with_one_number_are_flagged_before_adding(phone_factory):
    dana = phone_factory(DANA, "Dana")
    _event(dana)
    asked = dana.send("יעל כהן 0541231234\nדני לוי 0541231234\nמשה פרץ 0527654321 3")
    assert asked.startswith("להוסיף שני אורחים?"), asked
    assert "2. דני לוי \u2068+972 54-123-1234\u2069 ↩️ המספר של שורה 1: לא יתווסף" in asked, asked
    done = dana.tap("confirm:yes", "כן")
    assert "✅ נוספו: שני אורחים." in done
    assert "שורה 2 (דני לוי): אותו מספר כמו בשורה 1" in done


def test_a_row_for_a_guest_on_the_list_with_another_count_says_how_to_change_it(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    _event(dana)
    dana.send("הוסף אורח משה פרץ 0527654321 כמות 3")
    dana.send("משה פרץ 0527654321 5\nרות לוי 0541112222")
    done = dana.tap("confirm:yes", "כן")
    assert "✏️ ברשימה: משה פרץ, כמות 3. כדי לשנות ל-5: *ערוך משה פרץ כמות 5*" in done, done
    assert _party(runtime, "+972527654321") == 3   # nothing changed on its own
    dana.send("ערוך משה פרץ כמות 5")
    assert _party(runtime, "+972527654321") == 5


def test_the_same_count_again_says_nothing_more(phone_factory):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party\ndate: 12/8/2027")
    dana.send("add guest Moshe Peretz 0527654321 party 3")
    dana.send("Moshe Peretz 0527654321 3\nRut Levi 0541112222")
    done = dana.tap("confirm:yes", "Yes")
    assert "already on the list" in done and "✏️" not in done, done


def test_an_english_list_flags_the_repeat_and_the_new_count(phone_factory):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Party\ndate: 12/8/2027")
    dana.send("add guest Moshe Peretz 0527654321")
    asked = dana.send("Moshe Peretz 0527654321 4\nRut Levi 0541112222\nRon Levi 0541112222")
    assert asked.startswith("Add 2 guests?"), asked
    assert "3. Ron Levi +972 54-111-2222 ↩️ the number of row 2: not added" in asked, asked
    done = dana.tap("confirm:yes", "Yes")
    assert "✏️ On the list: Moshe Peretz, no count. To make it 4: *edit Moshe Peretz party 4*" in done, done


def test_each_pasted_line_may_start_with_add_guest(phone_factory, runtime):
    """Two "הוסף אורח …" lines pasted together: the verb again on the second line is no name."""
    dana = phone_factory(DANA, "Dana")
    _event(dana)
    dana.send("הוסף אורח רון לוי 0541234009\nהוסף אורח משפחת ביטון 0541114444")
    dana.tap("confirm:yes", "כן")
    with runtime.transaction() as s:
        names = set(s.execute(select(Guest.first_name, Guest.last_name)).all())
    assert names == {("רון", "לוי"), ("משפחת", "ביטון")}


def test_a_spreadsheets_hebrew_headers_keep_the_count_and_side(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    _event(dana)
    data = "שם מלא,נייד,מספר מוזמנים,מוזמן מטעם\nיעל כהן,0541231234,2,כלה\n".encode("utf-8")
    assert "נוספו: אורח אחד" in dana.send_document(data, "רשימה.csv")
    with runtime.transaction() as s:
        assert s.execute(select(Guest.party_size, Guest.side)).one() == (2, "כלה")


def test_a_number_given_twice_in_a_file_is_not_called_already_on_the_list(phone_factory):
    dana = phone_factory(DANA, "Dana")
    _event(dana)
    data = "שם,טלפון\nיעל כהן,0541231234\nדני כהן,0541231234\n".encode("utf-8")
    reply = dana.send_document(data, "רשימה.csv")
    assert "כבר ברשימה" not in reply, reply
    assert "📞 בשורה אחת מספר שכבר הופיע למעלה (לכל אורח מספר אחד):" in reply and "שורה 3" in reply, reply


def test_a_count_written_in_words_in_a_spreadsheet_is_counted(phone_factory, runtime):
    dana = phone_factory(DANA, "Dana")
    _event(dana)
    data = ("שם מלא,נייד,מספר מוזמנים\nיעל כהן,0541231234,שניים\nדני לוי,0541231235,זוג\n"
            "משה פרץ,0541231236,3 אנשים\nרותי גל,0541231237,הרבה\n").encode("utf-8")
    reply = dana.send_document(data, "רשימה.csv")
    assert "נוספו: 3 אורחים" in reply and "הרבה" in reply, reply   # the one that says no count is shown, not guessed
    assert [_party(runtime, n) for n in ("+972541231234", "+972541231235", "+972541231236")] == [2, 2, 3]
