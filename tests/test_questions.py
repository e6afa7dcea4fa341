"""Questions to the confirmed guests: `ask Meal? meat / fish / vegan` (asked first, sent
with buttons or a list in each guest's language), answers by tap or typed words, `answers`
with the caterer's totals (adults and children apart, per side), REST `answers` and CSV
columns."""
from __future__ import annotations

import csv
import io

from sqlalchemy import select

from bot.services import tokens
from storage.models import Event, Guest, User
from tests.phone import phone_factory  # noqa: F401  (fixture)

DANA, AVI, BEA, CY = "+972521110001", "+972541234001", "+972541234002", "+972541234003"


def _event(phone_factory):
    dana = phone_factory(DANA, "Dana")
    dana.send("new event Wedding\ndate: 12/6/2027\nlocation: Hangar 11")
    dana.send(f"add guests\nAvi Cohen {AVI} side groom\nBea Levi {BEA} side bride\nCy Katz {CY}")
    dana.send("mark Avi yes party 3")
    dana.send("mark Bea yes party 2")
    dana.send("mark Cy no")
    return dana


def _guest_id(runtime, first_name):
    with runtime.transaction() as s:
        return s.scalar(select(Guest.id).where(Guest.first_name == first_name))


def test_a_question_goes_to_the_confirmed_guests_with_buttons(phone_factory, runtime, fake_graph):
    dana = _event(phone_factory)
    fake_graph.open_window(AVI)   # Avi wrote lately: buttons (else the template carries the options)
    question = dana.send("ask Meal? meat / fish / vegan")
    assert "Ask 2 guests coming to Wedding" in question and "meat / fish / vegan" in question
    dana.tap("confirm:yes", "Yes")
    avi, cy = phone_factory(AVI, "Avi"), phone_factory(CY, "Cy")
    asked = avi.received[-1]
    assert "Wedding: Meal?" in asked.text
    gid = _guest_id(runtime, "Avi")
    assert asked.button_ids == [f"ans:{gid}:1:1", f"ans:{gid}:1:2", f"ans:{gid}:1:3"]
    assert cy.received == []   # not coming: not asked
    assert "Noted for “Meal?”: fish" in avi.tap(f"ans:{gid}:1:2", "fish")
    with runtime.transaction() as s:
        assert s.scalar(select(Guest.answers).where(Guest.id == gid)) == {"1": "fish"}


def test_a_typed_answer_counts_and_the_totals_are_for_the_caterer(phone_factory, runtime, client):
    dana = _event(phone_factory)
    dana.send("ask Meal? meat / fish / vegan")
    dana.tap("confirm:yes", "Yes")
    avi, bea = phone_factory(AVI, "Avi"), phone_factory(BEA, "Bea")
    assert "Noted for “Meal?”: vegan" in bea.send("Vegan please")
    avi.tap(f"ans:{_guest_id(runtime, 'Avi')}:1:1", "meat")
    totals = dana.send("answers")
    assert "*Meal?*" in totals
    assert "meat: 3 people · 1 guest" in totals and "vegan: 2 people · 1 guest" in totals
    assert "haven't answered" not in totals    # both confirmed guests answered
    assert "fish: 0 people" in totals
    assert "groom 3" in totals and "bride 2" in totals
    with runtime.transaction() as s:
        token = tokens.issue_token(s, s.scalar(select(User).where(User.phone == DANA)))
        event_id = s.scalar(select(Event.id))
    auth = {"Authorization": f"Bearer {token}"}
    found = client.get(f"/api/events/{event_id}/guests", headers=auth).get_json()["items"]
    assert {g["first_name"]: g["answers"] for g in found} == {"Avi": {"Meal?": "meat"}, "Bea": {"Meal?": "vegan"},
                                                            "Cy": {}}
    rows = list(csv.DictReader(io.StringIO(
        client.get(f"/api/events/{event_id}/guests.csv", headers=auth).get_data(as_text=True).lstrip("\ufeff"))))
    assert {r["first_name"]: r["Meal?"] for r in rows} == {"Avi": "meat", "Bea": "vegan", "Cy": ""}


def test_four_options_or_more_are_a_list(phone_factory, runtime, fake_graph):
    dana = _event(phone_factory)
    fake_graph.open_window(AVI)
    dana.send("ask Which bus? Tel Aviv / Haifa / Jerusalem / Beer Sheva / none")
    dana.tap("confirm:yes", "Yes")
    asked = phone_factory(AVI, "Avi").received[-1]
    assert asked.type == "interactive" and asked["interactive"]["type"] == "list"
    assert len(asked.button_ids) == 5


def test_outside_the_window_the_template_carries_the_options_to_type(phone_factory, runtime):
    dana = _event(phone_factory)
    dana.send("ask Meal? meat / fish / vegan")
    dana.tap("confirm:yes", "Yes")
    asked = phone_factory(AVI, "Avi").received[-1]
    assert asked.type == "template" and "1. meat" in asked.text and "3. vegan" in asked.text


def test_bad_questions_are_refused_and_nothing_is_sent(phone_factory, runtime):
    dana = _event(phone_factory)
    assert "Give the options" in dana.send("ask Meal?")
    assert "Two options are the same" in dana.send("ask Meal? fish / Fish")
    assert dana.last_buttons == []
    with runtime.transaction() as s:
        assert s.scalar(select(Event.questions)) is None
    avi = phone_factory(AVI, "Avi")
    assert avi.received == []


def test_hebrew_question_and_totals(phone_factory, runtime):
    dana = phone_factory(DANA, "דנה")
    dana.send("אירוע חדש חתונה\nתאריך: 12/6/2027")
    dana.send(f"הוסף אורח אבי כהן {AVI}")
    dana.send("סמן אבי מגיע כמות 2")
    assert "לשאול את מי שמגיע לחתונה (אורח אחד)" in dana.send("שאלה מנה? בשר / דג / טבעוני")
    dana.tap("confirm:yes", "כן")
    assert dana.send("תשובות").endswith("⏳ אורח אחד שמגיע עוד לא ענה")
    avi = phone_factory(AVI, "אבי")
    assert "מנה?" in avi.received[-1].text
    assert "רשמנו" in avi.send("דג")
    assert "דג: שני אנשים · אורח אחד" in dana.send("תשובות")
