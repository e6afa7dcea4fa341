"""Households: the party size stays the total, children are kept apart when said (on the
guest, over REST and in CSV files), and the numbers show adults and children."""
from __future__ import annotations

import csv
import io
import uuid

import pytest
from sqlalchemy import select

from bot.services import events, guests, members, rsvp, stats
from bot.services.errors import InvalidInput
from bot.services.guest_csv import GuestRow, RejectedRow, export_guest_csv, parse_guest_csv
from bot.services.users import get_or_create_user
from bot.api.codec import guest_csv_row
from bot.text import i18n, replies
from storage.models import Guest, Message, RsvpStatus
from tests.api_helpers import seed, snapshot


@pytest.fixture
def household(session):
    admin = get_or_create_user(session, phone="+972501111111", display_name="Dana")
    event = events.create_event(session, admin, "Dana & Noam's wedding")
    members.add_member(session, admin, event.id, "+972502222222", "editor")
    guest = guests.add_guest(session, admin, event.id, guests.GuestInput(first_name="Avi", last_name="Cohen",
                                                                         phone="+972521234567"))
    session.commit()
    return event, admin, guest


def _notices(session, event):
    return [m.body for m in session.scalars(select(Message).where(Message.event_id == event.id,
                                                                  Message.kind == rsvp.NOTICE_KIND))]


# --------------------------------------------------------------------------- the guest's own answer

def test_two_adults_and_three_children_are_a_party_of_five_with_three_children(session, household):
    event, admin, guest = household
    answer = rsvp.record_answer(session, guest, "yes", 5, children=3)
    assert answer.changed and (guest.status, guest.party_size, guest.children) == (RsvpStatus.confirmed, 5, 3)
    assert any("5 people (3 children)" in body for body in _notices(session, event))

    data = stats.event_stats(session, admin, event.id)
    assert (data["expected_headcount"], data["expected_adults"], data["expected_children"]) == (5, 2, 3)


def test_a_new_total_without_children_clears_them_and_the_same_total_keeps_them(session, household):
    event, admin, guest = household
    rsvp.record_answer(session, guest, "yes", 4, children=2)
    again = rsvp.record_answer(session, guest, "yes", 4)            # "yes, we're coming" once more
    assert guest.children == 2 and not again.changed
    rsvp.record_answer(session, guest, "yes", 3)                    # "actually we'll be 3"
    assert (guest.party_size, guest.children) == (3, None)
    rsvp.record_answer(session, guest, "yes", 3, children=0)        # "no kids, just the 3 of us"
    assert guest.children == 0


def test_a_decline_keeps_the_household_but_the_stats_count_only_confirmed_guests(session, household):
    event, admin, guest = household
    rsvp.record_answer(session, guest, "yes", 5, children=3)
    rsvp.record_answer(session, guest, "no")
    assert (guest.status, guest.party_size, guest.children) == (RsvpStatus.declined, 5, 3)
    data = stats.event_stats(session, admin, event.id)
    assert (data["expected_headcount"], data["expected_adults"], data["expected_children"]) == (0, 0, 0)
    assert data["children_known"] == 0


def test_the_service_refuses_more_children_than_the_party(session, household):
    _event, _admin, guest = household
    with pytest.raises(ValueError):
        rsvp.record_answer(session, guest, "yes", 2, children=3)
    with pytest.raises(ValueError):
        rsvp.record_answer(session, guest, "yes", 2, children=-1)


# --------------------------------------------------------------------------- what organisers read

def test_stats_say_how_many_confirmed_guests_have_not_said_how_many_they_are(session, household):
    """A yes without a count is one person until the guest says: the organiser reads that the
    expected number may grow, and the line goes once the count comes."""
    event, admin, guest = household
    rina = guests.add_guest(session, admin, event.id, guests.GuestInput(first_name="Rina", phone="+972521234568"))
    rsvp.record_answer(session, rina, "yes", 2)
    rsvp.record_answer(session, guest, "yes", None)
    data = stats.event_stats(session, admin, event.id)
    assert (data["expected_headcount"], data["confirmed_without_count"]) == (3, 1)
    assert "✅ 2 confirmed (1 hasn't said how many yet)" in replies.stats(event, data).splitlines()
    with i18n.use("he"):
        assert "✅ מגיעים: 2 (אחד מהם עוד לא אמר כמה יגיעו)" in replies.stats(event, data).splitlines()
    rsvp.record_answer(session, guest, "yes", 3)
    data = stats.event_stats(session, admin, event.id)
    assert data["confirmed_without_count"] == 0 and "✅ 2 confirmed" in replies.stats(event, data).splitlines()


def test_stats_show_adults_and_children_only_when_children_are_known(session, household):
    event, admin, guest = household
    other = guests.add_guest(session, admin, event.id, guests.GuestInput(first_name="Rina", phone="+972521234568"))
    rsvp.record_answer(session, other, "yes", 2)
    plain = replies.stats(event, stats.event_stats(session, admin, event.id))
    assert "2 people expected" in plain and "adult" not in plain

    rsvp.record_answer(session, guest, "yes", 5, children=3)
    data = stats.event_stats(session, admin, event.id)
    assert (data["expected_headcount"], data["expected_adults"], data["expected_children"]) == (7, 4, 3)
    assert "7 people expected (4 adults, 3 children)" in replies.stats(event, data)
    with i18n.use("he"):
        hebrew = replies.stats(event, data)
        line = replies.guest_line(1, guest)
        marked = replies.guest_marked(event, guest)
    assert "4 מבוגרים" in hebrew and "3 ילדים" in hebrew
    assert "3 ילדים" in line and "3 ילדים" in marked
    assert replies.guest_line(1, guest).startswith("1. Avi Cohen ✅ 5 (3 children)")
    assert "(5, 3 children)" in replies.guest_marked(event, guest)


def test_organisers_mark_children_by_hand_and_a_smaller_party_drops_what_no_longer_fits(session, household):
    event, admin, guest = household
    guests.mark_rsvp(session, admin, event.id, guest.id, "confirmed", party_size=4, children=1)
    assert (guest.party_size, guest.children) == (4, 1)
    guests.update_guest(session, admin, event.id, guest.id, party_size=5)       # one more adult
    assert (guest.party_size, guest.children) == (5, 1)
    guests.update_guest(session, admin, event.id, guest.id, party_size=1, children=0)
    assert (guest.party_size, guest.children) == (1, 0)
    guests.update_guest(session, admin, event.id, guest.id, party_size=3, children=2)
    guests.update_guest(session, admin, event.id, guest.id, party_size=1)       # the breakdown no longer fits
    assert (guest.party_size, guest.children) == (1, None)
    with pytest.raises(InvalidInput) as too_many:
        guests.update_guest(session, admin, event.id, guest.id, children=2)
    assert too_many.value.code == "bad_children" and (guest.party_size, guest.children) == (1, None)


# --------------------------------------------------------------------------- REST

def _url(world, tail=""):
    return f"/api/events/{world.event_id}/guests{tail}"


def test_rest_guests_carry_children_and_refuse_bad_values_without_changing_anything(client, runtime):
    world = seed(runtime)
    h = world.headers("editor")
    got = client.get(_url(world, f"/{world.guest_id}"), headers=h).get_json()
    assert got["children"] is None and got["party_size"] == 2

    r = client.patch(_url(world, f"/{world.guest_id}"), json={"party_size": 5, "children": 3}, headers=h)
    assert r.status_code == 200 and (r.get_json()["party_size"], r.get_json()["children"]) == (5, 3)
    assert client.get(_url(world, f"/{world.guest_id}"), headers=h).get_json()["children"] == 3

    before = snapshot(runtime)
    with runtime.transaction() as s:
        before_children = s.get(Guest, uuid.UUID(world.guest_id)).children
    for bad in (-1, 51, 6, "2", 2.5, True):
        r = client.patch(_url(world, f"/{world.guest_id}"), json={"children": bad}, headers=h)
        assert r.status_code == 422, (bad, r.get_json())
        assert r.get_json()["error"]["message"]
    r = client.patch(_url(world, f"/{world.guest_id}"), json={"party_size": 2, "children": 3}, headers=h)
    assert r.status_code == 422 and "children" in r.get_json()["error"]["message"]
    assert r.get_json()["error"]["code"] == "bad_children"
    r = client.patch(_url(world, f"/{world.guest_id}"),
                     json={"status": "confirmed", "party_size": 2, "children": 3}, headers=h)
    assert r.status_code == 422
    assert snapshot(runtime) == before
    with runtime.transaction() as s:
        assert s.get(Guest, uuid.UUID(world.guest_id)).children == before_children == 3

    r = client.patch(_url(world, f"/{world.guest_id}"),
                     json={"status": "confirmed", "party_size": 4, "children": 1}, headers=h)
    assert r.status_code == 200 and (r.get_json()["party_size"], r.get_json()["children"]) == (4, 1)
    numbers = client.get(f"/api/events/{world.event_id}/stats", headers=h).get_json()
    assert (numbers["expected_headcount"], numbers["expected_adults"], numbers["expected_children"]) == (4, 3, 1)

    r = client.post(_url(world), json={"first_name": "Tal", "phone": "052-765-4321", "party_size": 3,
                                       "children": 2}, headers=h)
    assert r.status_code == 201 and r.get_json()["children"] == 2
    r = client.post(_url(world), json={"first_name": "Gal", "phone": "052-765-4322", "children": 2}, headers=h)
    assert r.status_code == 422 and r.get_json()["error"]["code"] == "bad_children"


def test_the_openapi_document_describes_children_with_limits(client):
    doc = client.get("/api/openapi.json").get_json()
    schemas = doc["components"]["schemas"]
    for name in ("Guest", "GuestCreate", "GuestUpdate"):
        prop = schemas[name]["properties"]["children"]
        assert (prop["minimum"], prop["maximum"], prop["type"]) == (0, 50, "integer"), name
    # An import row out of range is rejected alone, in the per-row results: its schema says so.
    row = schemas["GuestImportRow"]
    assert row["properties"]["children"]["type"] == "integer" and "reject only this row" in row["description"]
    assert {"expected_adults", "expected_children", "confirmed_without_count"} <= set(schemas["Stats"]["properties"])


# --------------------------------------------------------------------------- CSV

def test_csv_import_reads_a_children_column_in_english_or_hebrew():
    rows = parse_guest_csv("name,phone,party,kids\nAvi Cohen,+972521234567,5,3\nRina,+972521234568,2,\n", "IL")
    assert [(r.party_size, r.children) for r in rows] == [(5, 3), (2, None)]
    hebrew = parse_guest_csv("שם,טלפון,כמות,ילדים\nאבי,0521234567,4,1\n", "IL")
    assert isinstance(hebrew[0], GuestRow) and (hebrew[0].party_size, hebrew[0].children) == (4, 1)
    bad = parse_guest_csv("name,phone,party,children\nA,+972521234567,2,3\nB,+972521234568,,1\n"
                          "C,+972521234569,2,x\nD,+972521234560,2,0\n", "IL")
    assert [type(r) for r in bad] == [RejectedRow, RejectedRow, RejectedRow, GuestRow]
    assert "children" in bad[0].reason


def test_csv_round_trip_keeps_children(client, runtime):
    world = seed(runtime)
    h = world.headers("admin")
    client.patch(_url(world, f"/{world.guest_id}"), json={"party_size": 5, "children": 3}, headers=h)
    r = client.get(_url(world, ".csv"), headers=h)
    text = r.data.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert "children" in rows[0] and (rows[0]["party_size"], rows[0]["children"]) == ("5", "3")

    # The exported file imports into another event with the same households.
    other = client.post("/api/events", json={"name": "Second party"}, headers=h).get_json()
    imported = client.post(f"/api/events/{other['id']}/guests/import", data=text.encode("utf-8-sig"),
                           content_type="text/csv", headers=h).get_json()
    assert imported["created"] == 1, imported
    [guest] = client.get(f"/api/events/{other['id']}/guests", headers=h).get_json()["items"]
    assert (guest["party_size"], guest["children"]) == (5, 3)

    # A JSON import takes children too, and refuses only the row that has too many.
    result = client.post(f"/api/events/{other['id']}/guests/import", headers=h, json=[
        {"first_name": "Tal", "phone": "+972527654321", "party_size": 3, "children": 2},
        {"first_name": "Gal", "phone": "+972527654322", "party_size": 1, "children": 2},
    ]).get_json()
    assert (result["created"], result["rejected"]) == (1, 1)


def test_the_export_has_a_children_column_after_the_party_size(session, household):
    _event, _admin, guest = household
    guest.party_size, guest.children = 3, 1
    header = export_guest_csv([guest_csv_row(guest)]).decode("utf-8-sig").splitlines()[0].split(",")
    assert header[header.index("party_size") + 1] == "children"
