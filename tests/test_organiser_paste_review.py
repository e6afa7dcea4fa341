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
