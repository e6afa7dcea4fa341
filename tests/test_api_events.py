"""Events, members and WhatsApp sends over REST, and what every failure looks like."""
from __future__ import annotations

import logging

from sqlalchemy import select

from bot.worker import drain
from bot import create_app
from bot.config import Settings
from storage.models import Message, SendBatch
from tests.api_helpers import seed, snapshot


def _error(r):
    return r.get_json()["error"]


# --------------------------------------------------------------------------- events

def test_create_change_and_delete_an_event(client, runtime):
    world = seed(runtime)
    h = world.headers("viewer")  # anyone can start their own event
    r = client.post("/api/events", json={"name": "  Brit   for Ari ", "date": "2027-01-02", "location": "Haifa"},
                    headers=h)
    assert r.status_code == 201
    event = r.get_json()
    assert (event["name"], event["date"], event["location"], event["role"]) == ("Brit for Ari", "2027-01-02",
                                                                               "Haifa", "admin")
    assert set(event) == {"id", "name", "date", "location", "time", "timezone", "language", "created_at", "updated_at", "role"}
    changed = client.patch(f"/api/events/{event['id']}", json={"date": None, "name": "Brit"}, headers=h).get_json()
    assert (changed["name"], changed["date"], changed["location"]) == ("Brit", None, "Haifa")
    assert client.delete(f"/api/events/{event['id']}", headers=h).status_code == 204
    assert client.get(f"/api/events/{event['id']}", headers=h).status_code == 404


def test_bad_event_input_is_refused_and_changes_nothing(client, runtime):
    world = seed(runtime)
    before = snapshot(runtime)
    h = world.headers("admin")
    for body, says in [({"name": ""}, "needs a name"), ({"name": "X", "date": "12/06/2027"}, "2027-06-12"),
                       ({"name": "X", "date": "2027-02-30"}, "2027-06-12"), ({}, "'name' is required"),
                       ({"name": "X", "timezone": "Mars/Base"}, "Unknown time zone"),
                       ({"name": "X", "timezone": ""}, "Unknown time zone"), (["X"], "JSON object")]:
        r = client.post("/api/events", json=body, headers=h)
        assert r.status_code == 422 and says in _error(r)["message"], (body, r.get_json())
    r = client.patch(f"/api/events/{world.event_id}", json={"name": None}, headers=h)
    assert r.status_code == 422
    r = client.patch(f"/api/events/{world.event_id}", json={"timezone": ""}, headers=h)
    assert r.status_code == 422 and "Unknown time zone" in _error(r)["message"], r.get_json()
    assert snapshot(runtime) == before


def test_a_language_the_bot_does_not_write_is_a_bad_value_like_any_other(client, runtime):
    world = seed(runtime)
    before = snapshot(runtime)
    h = world.headers("admin")
    for language in ("fr", 5, "", None, ["he"]):
        for r in (client.post("/api/events", json={"name": "X", "language": language}, headers=h),
                  client.patch(f"/api/events/{world.event_id}", json={"language": language}, headers=h)):
            assert r.status_code == 422, (language, r.get_json())
            assert _error(r) == {"code": "invalid_language",
                                 "message": "The language must be one of he, en, ar, ru."}, language
    assert snapshot(runtime) == before


# --------------------------------------------------------------------------- members

def test_members_invite_role_change_and_removal(client, runtime, fake_graph):
    world = seed(runtime)
    h = world.headers("admin")
    url = f"/api/events/{world.event_id}"
    listed = client.get(url + "/members", headers=world.headers("viewer")).get_json()
    assert [(m["phone"], m["display_name"], m["role"]) for m in listed] == [
        ("+972501000001", "Noa", "admin"), ("+972501000002", "Eli", "editor"), ("+972501000003", "Vered", "viewer")]
    assert set(listed[0]) == {"user_id", "phone", "email", "display_name", "role"}

    r = client.post(url + "/invite-member", json={"phone": "054-765-4321", "role": "viewer"}, headers=h)
    assert r.status_code == 201
    new = r.get_json()
    assert (new["phone"], new["role"]) == ("+972547654321", "viewer")  # local number read in DEFAULT_REGION
    # Like an invitation by chat, the new member is told who added them, to what, as what.

    fake_graph.open_window("+972547654321")
    drain(runtime)
    [told] = [m.text for m in fake_graph.sent_to("+972547654321")]
    assert "Noa" in told and "viewer" in told
    again = client.post(url + "/invite-member", json={"phone": "+972547654321"}, headers=h)
    assert again.status_code == 409 and "already a member" in _error(again)["message"]
    bad = client.post(url + "/invite-member", json={"phone": "call me"}, headers=h)
    assert bad.status_code == 422 and "phone number" in _error(bad)["message"]
    bad_role = client.post(url + "/invite-member", json={"phone": "+972547654322", "role": "owner"}, headers=h)
    assert bad_role.status_code == 422

    promoted = client.patch(url + f"/members/{new['user_id']}", json={"role": "editor"}, headers=h)
    assert promoted.status_code == 200 and promoted.get_json()["role"] == "editor"
    assert client.delete(url + f"/members/{new['user_id']}", headers=h).status_code == 204
    drain(runtime)
    assert "removed you from the team" in fake_graph.sent_to("+972547654321")[-1].text
    gone = client.delete(url + f"/members/{new['user_id']}", headers=h)
    assert gone.status_code == 404 and _error(gone)["message"] == "Member not found."


def test_the_last_admin_can_be_neither_demoted_nor_removed(client, runtime):
    world = seed(runtime)
    h = world.headers("admin")
    url = f"/api/events/{world.event_id}/members/{world.user_ids['admin']}"
    before = snapshot(runtime)
    for r in (client.patch(url, json={"role": "editor"}, headers=h), client.delete(url, headers=h)):
        assert r.status_code == 409
        assert _error(r)["code"] == "last_admin"
        assert "needs at least one admin" in _error(r)["message"]
    assert snapshot(runtime) == before


# --------------------------------------------------------------------------- WhatsApp

def test_message_one_guest_queues_it_in_the_outbox(client, runtime):
    world = seed(runtime)
    r = client.post(f"/api/events/{world.event_id}/whatsapp",
                    json={"guest_id": world.guest_id, "text": "Parking is behind the hall"},
                    headers=world.headers("viewer"))
    assert r.status_code == 202
    body = r.get_json()
    assert (body["queued"], body["guest_id"]) == (1, world.guest_id)
    with runtime.transaction() as s:
        message = s.get(Message, __import__("uuid").UUID(body["message_id"]))
        assert message.phone == "+972502345678" and "Parking is behind the hall" in message.body
    empty = client.post(f"/api/events/{world.event_id}/whatsapp", json={"guest_id": world.guest_id, "text": " "},
                        headers=world.headers("viewer"))
    assert empty.status_code == 422 and "empty" in _error(empty)["message"]


def test_broadcast_reaches_the_filtered_guests(client, runtime):
    world = seed(runtime)
    h = world.headers("editor")
    url = f"/api/events/{world.event_id}"
    client.post(url + "/guests", json={"first_name": "Avi", "phone": "+972521234567", "side": "groom"}, headers=h)
    client.post(url + "/guests", json={"first_name": "Bat", "phone": "+972521234568", "side": "groom"}, headers=h)
    r = client.post(url + "/whatsapp/broadcast", json={"text": "Buses leave at 18:00", "side": "groom"}, headers=h)
    assert r.status_code == 202
    assert r.get_json()["queued"] == 2
    with runtime.transaction() as s:
        phones = sorted(m.phone for m in s.scalars(select(Message)))
        assert phones == ["+972521234567", "+972521234568"]
        assert s.scalar(select(SendBatch.total)) == 2


# --------------------------------------------------------------------------- failures

def test_every_failure_is_json(client, runtime):
    world = seed(runtime)
    h = world.headers("admin")
    cases = [
        (client.get("/api/no-such-thing", headers=h), 404, "not_found"),
        (client.put("/api/events", headers=h), 405, "method_not_allowed"),
        (client.post("/api/events", data="{not json", content_type="application/json", headers=h), 400,
         "malformed_json"),
        (client.post("/api/events", headers=h), 400, "empty_body"),
        (client.post("/api/events", json={"name": 7}, headers=h), 422, "invalid_type"),
        (client.get("/api/events", headers={"Authorization": "Bearer ib_nope"}), 401, "invalid_token"),
        (client.get("/api/events", headers={"Authorization": "Basic Zm9vOmJhcg=="}), 401, "unauthorized"),
        (client.get(f"/api/events/{world.event_id}/guests/not-a-uuid", headers=h), 404, "not_found"),
    ]
    for r, status, code in cases:
        assert r.status_code == status, r.get_data(as_text=True)
        assert r.is_json and _error(r)["code"] == code and _error(r)["message"]
    assert "POST" in client.put("/api/events", headers=h).headers["Allow"]
    page = client.get("/no-such-page")  # outside /api too: JSON, never an HTML page
    assert page.status_code == 404 and page.is_json and _error(page)["code"] == "not_found"


def test_an_oversized_body_gets_413(client, runtime):
    world = seed(runtime)
    r = client.post(f"/api/events/{world.event_id}/guests/import", data=b"a" * (7 * 1024 * 1024),
                    content_type="text/csv", headers=world.headers("admin"))
    assert r.status_code == 413 and _error(r)["code"] == "too_large"


def test_a_revoked_token_stops_working(client, runtime):
    from bot.services import tokens
    from bot.services.users import find_user

    world = seed(runtime)
    with runtime.transaction() as s:
        assert tokens.revoke_tokens(s, find_user(s, phone="+972501000001")) == 1
    r = client.get("/api/events", headers=world.headers("admin"))
    assert r.status_code == 401 and "revoked" in _error(r)["message"]
    assert client.get("/api/events", headers=world.headers("editor")).status_code == 200


def test_a_database_outage_is_a_json_503_with_retry_after_and_a_log_line(caplog):
    # A real failure: the database is not there. Nothing was done; the client may retry.
    app = create_app(Settings(database_url="postgresql+psycopg://nobody@127.0.0.1:1/none"))
    with caplog.at_level(logging.WARNING, logger="bot.api"):
        r = app.test_client().get("/api/events", headers={"Authorization": "Bearer ib_whatever"})
    assert r.status_code == 503
    assert r.headers["Retry-After"] == "5"
    assert _error(r) == {"code": "unavailable", "message": "The service is briefly unavailable; try again in a few seconds."}
    assert any("the database is unavailable" in rec.getMessage() for rec in caplog.records)
    assert "ib_whatever" not in caplog.text

