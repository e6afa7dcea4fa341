"""Every endpoint against every role, a non-member and no token (SPEC's role table).

A refusal changes nothing; a non-member gets exactly the answer a missing event gets;
no token gets 401 with a Bearer challenge.
"""
from __future__ import annotations

import uuid

import pytest

from tests.api_helpers import seed, snapshot

WHO = ["admin", "editor", "viewer", "outsider", None]
E = "/api/events/{event}"

# (name, method, path, json body, expected status per caller, whether success changes data)
ENDPOINTS = [
    ("list events", "GET", "/api/events", None,
     dict(admin=200, editor=200, viewer=200, outsider=200), False),
    ("create event", "POST", "/api/events", {"name": "Brit", "date": "2027-01-02"},
     dict(admin=201, editor=201, viewer=201, outsider=201), True),
    ("get event", "GET", E, None, dict(admin=200, editor=200, viewer=200, outsider=404), False),
    ("edit event", "PATCH", E, {"location": "Haifa"}, dict(admin=200, editor=403, viewer=403, outsider=404), True),
    ("delete event", "DELETE", E, None, dict(admin=204, editor=403, viewer=403, outsider=404), True),
    ("list members", "GET", E + "/members", None, dict(admin=200, editor=200, viewer=200, outsider=404), False),
    ("invite member", "POST", E + "/invite-member", {"phone": "+972509999999", "role": "viewer"},
     dict(admin=201, editor=403, viewer=403, outsider=404), True),
    ("change role", "PATCH", E + "/members/{editor_id}", {"role": "viewer"},
     dict(admin=200, editor=403, viewer=403, outsider=404), True),
    ("remove member", "DELETE", E + "/members/{viewer_id}", None,
     dict(admin=204, editor=403, viewer=403, outsider=404), True),
    ("add guest", "POST", E + "/guests", {"first_name": "Avi", "phone": "052-123-4567"},
     dict(admin=201, editor=201, viewer=403, outsider=404), True),
    ("list guests", "GET", E + "/guests", None, dict(admin=200, editor=200, viewer=200, outsider=404), False),
    ("get guest", "GET", E + "/guests/{guest}", None, dict(admin=200, editor=200, viewer=200, outsider=404), False),
    ("edit guest", "PATCH", E + "/guests/{guest}", {"side": "groom", "status": "confirmed"},
     dict(admin=200, editor=200, viewer=403, outsider=404), True),
    ("remove guest", "DELETE", E + "/guests/{guest}", None, dict(admin=204, editor=403, viewer=403, outsider=404), True),
    ("import guests", "POST", E + "/guests/import", [{"first_name": "Avi", "phone": "+972521234567"}],
     dict(admin=200, editor=200, viewer=403, outsider=404), True),
    ("export guests", "GET", E + "/guests.csv", None, dict(admin=200, editor=200, viewer=200, outsider=404), False),
    ("message a guest", "POST", E + "/whatsapp", {"guest_id": "{guest}", "text": "Parking is behind the hall"},
     dict(admin=202, editor=202, viewer=202, outsider=404), True),
    ("broadcast", "POST", E + "/whatsapp/broadcast", {"text": "See you soon", "status": "pending"},
     dict(admin=202, editor=202, viewer=202, outsider=404), True),
    ("stats", "GET", E + "/stats", None, dict(admin=200, editor=200, viewer=200, outsider=404), False),
]

REFUSALS = {
    "edit event": "Only an admin of Noa & Eli's wedding can change the event and its members.",
    "delete event": "Only an admin of Noa & Eli's wedding can change the event and its members.",
    "invite member": "Only an admin of Noa & Eli's wedding can change the event and its members.",
    "change role": "Only an admin of Noa & Eli's wedding can change the event and its members.",
    "remove member": "Only an admin of Noa & Eli's wedding can change the event and its members.",
    "add guest": "Only an admin or editor of Noa & Eli's wedding can add or edit guests.",
    "edit guest": "Only an admin or editor of Noa & Eli's wedding can add or edit guests.",
    "import guests": "Only an admin or editor of Noa & Eli's wedding can add or edit guests.",
    "remove guest": "Only an admin of Noa & Eli's wedding can remove guests.",
}


def _fill(value, world, event_id):
    subs = {"event": event_id, "guest": world.guest_id, "editor_id": world.user_ids["editor"],
            "viewer_id": world.user_ids["viewer"]}
    if isinstance(value, str):
        return value.format(**subs)
    if isinstance(value, dict):
        return {k: _fill(v, world, event_id) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, world, event_id) for v in value]
    return value


def _call(client, world, method, path, body, who, event_id=None):
    event_id = event_id or world.event_id
    return client.open(_fill(path, world, event_id), method=method, headers=world.headers(who),
                       json=_fill(body, world, event_id) if body is not None else None)


@pytest.mark.parametrize("who", WHO, ids=lambda w: w or "no-token")
@pytest.mark.parametrize("name,method,path,body,expected,writes", ENDPOINTS, ids=[e[0] for e in ENDPOINTS])
def test_every_endpoint_for_every_caller(client, runtime, name, method, path, body, expected, writes, who):
    world = seed(runtime)
    before = snapshot(runtime)

    r = _call(client, world, method, path, body, who)

    want = expected[who] if who else 401
    assert r.status_code == want, r.get_data(as_text=True)
    after = snapshot(runtime)
    if want >= 400:
        assert after == before, "a refused request changed something"
        error = r.get_json()["error"]
        assert error["code"] and error["message"]
        if want == 401:
            assert r.headers["WWW-Authenticate"].startswith("Bearer")
        if want == 403:
            assert error["message"] == REFUSALS[name]
        if want == 404:
            # Exactly what an event that does not exist answers: nothing leaks.
            missing = _call(client, world, method, path, body, who, event_id=str(uuid.uuid4()))
            assert (missing.status_code, missing.get_json()) == (404, r.get_json())
            assert error["message"] == "Event not found."
    else:
        assert (after != before) == writes


def test_events_list_shows_only_the_callers_events_with_their_role(client, runtime):
    world = seed(runtime)
    for who, role in (("admin", "admin"), ("editor", "editor"), ("viewer", "viewer")):
        listed = client.get("/api/events", headers=world.headers(who)).get_json()
        assert [(e["id"], e["role"]) for e in listed] == [(world.event_id, role)]
    outsider = client.get("/api/events", headers=world.headers("outsider")).get_json()
    assert [e["id"] for e in outsider] == [world.other_event_id]


def test_a_member_cannot_reach_another_events_guest_through_their_own_event(client, runtime):
    world = seed(runtime)
    other_guests = client.get(f"/api/events/{world.other_event_id}/guests",
                              headers=world.headers("outsider")).get_json()["items"]
    r = client.get(f"/api/events/{world.event_id}/guests/{other_guests[0]['id']}", headers=world.headers("admin"))
    assert r.status_code == 404
    assert r.get_json()["error"]["message"] == "Guest not found."


@pytest.mark.parametrize("name,method,path,body", [
    ("add guest", "POST", E + "/guests", {"first_name": "Tal"}),                 # no phone
    ("edit guest", "PATCH", E + "/guests/{guest}", {"party_size": "many"}),
    ("edit event", "PATCH", E, {"date": "someday"}),
    ("import guests", "POST", E + "/guests/import", {"not": "a list"}),
])
def test_a_refused_caller_is_refused_whatever_the_body(client, runtime, name, method, path, body):
    """Who may comes before what they sent: a viewer's bad body is a 403, not a 422 that
    invites fixing a request they could never make; an outsider's is the missing event's 404."""
    world = seed(runtime)
    assert _call(client, world, method, path, body, "viewer").status_code == 403
    assert _call(client, world, method, path, body, "outsider").status_code == 404
    assert _call(client, world, method, path, body, "admin").status_code == 422
