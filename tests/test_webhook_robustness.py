"""One bad message never sinks a delivery: odd text, over-long identities, another number's
updates and mutated payloads all get a 200 (or a JSON refusal), and the rest is stored."""
from __future__ import annotations

import copy
import json
import uuid

import pytest

from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st
from sqlalchemy import event as sa_event
from sqlalchemy import func, select

from bot.runtime import of as runtime_of
from bot.whatsapp import inbound as parsing
from bot.worker import drain
from storage.models import Direction, Message, MessageStatus, RejectedUpdate
from bot.services import events
from bot.services.access import require
from bot.services.errors import NotFound
from bot.services.permissions import Action
from bot.services.users import get_or_create_user
from tests import webhooks
from tests.api_helpers import seed
from tests.conftest import TEST_APP_SECRET, TEST_PHONE_NUMBER_ID

PHONE = "+972501234567"


def post(client, payload):
    # Escaped, as Meta writes JSON: a lone surrogate arrives as the six characters \ud800.
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    body, headers = webhooks.signed(body, TEST_APP_SECRET)
    return client.post("/webhook", data=body, headers=headers)


def stored(runtime) -> list[Message]:
    with runtime.transaction() as session:
        return list(session.scalars(select(Message).where(Message.direction == Direction.inbound)
                                    .order_by(Message.created_at)))


def test_a_lone_surrogate_or_a_nul_is_dropped_and_the_message_is_answered(client, runtime, fake_graph):
    fake_graph.open_window(PHONE)
    payload = webhooks.delivery(webhooks.text_message(PHONE, "he\ud800lp", name="Da\x00na"),
                                webhooks.text_message("+972501234568", "help"))
    response = post(client, payload)
    assert response.status_code == 200
    drain(runtime)
    assert [m.body for m in stored(runtime)] == ["help", "help"]
    assert all(m.status == MessageStatus.answered for m in stored(runtime))
    assert "help" in fake_graph.sent_to(PHONE)[0].text.lower()


def test_a_nul_in_a_utf16_body_is_dropped_too(client, runtime):
    """json.loads reads UTF-16 bodies as well; the escapes in them look different, and a NUL
    must still not reach the database."""
    body = json.dumps(webhooks.text_message(PHONE, "he\x00lp")).encode("utf-16")
    assert post(client, body).status_code == 200
    assert [m.body for m in stored(runtime)] == ["help"]


def _json_values():
    leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=12),
                     st.text(alphabet="\x00\ud800\udc00\udfff\\u05e9a\"", max_size=6))
    return st.recursive(leaf, lambda children: st.one_of(st.lists(children, max_size=3),
                                                         st.dictionaries(st.text(max_size=4), children, max_size=3)),
                        max_leaves=12)


def _nested(value, depth: int):
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    return value


@hypothesis_settings(max_examples=400, deadline=None)
@given(value=_json_values(), depth=st.integers(0, 70), ascii_only=st.booleans())
def test_a_body_is_only_left_uncleaned_when_cleaning_would_change_nothing(value, depth, ascii_only):
    """The webhook skips the walk over a delivery when its bytes show nothing to clean;
    whatever the body, skipping never lets a NUL, a lone surrogate or too deep a value by."""
    value = _nested(value, depth)
    try:
        raw = json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass" if not ascii_only else "strict")
        parsed = json.loads(raw)
    except (UnicodeDecodeError, UnicodeEncodeError, ValueError, RecursionError):
        return  # not a body the webhook would parse
    if not parsing.needs_cleaning(raw):
        assert parsing.clean(parsed) == parsed


def test_an_over_long_wamid_is_kept_raw_and_the_rest_of_its_delivery_is_stored(client, runtime):
    payload = webhooks.delivery(webhooks.text_message(PHONE, "first"),
                                webhooks.text_message(PHONE, "too long", wamid="wamid." + "X" * 300),
                                webhooks.text_message(None, "odd id", user_id="US." + "9" * 200),
                                webhooks.text_message(PHONE, "third"))
    assert post(client, payload).status_code == 200
    assert [m.body for m in stored(runtime)] == ["first", "third"]
    with runtime.transaction() as session:
        kept = session.scalars(select(RejectedUpdate).order_by(RejectedUpdate.reason)).all()
    assert [k.reason for k in kept] == ["user id longer than 128 characters", "wamid longer than 255 characters"]
    assert "too long" in "".join(k.raw for k in kept)


def test_a_profile_name_longer_than_the_store_keeps_is_cut_not_refused(client, runtime):
    assert post(client, webhooks.text_message(PHONE, "help", name="N" * 500)).status_code == 200
    drain(runtime)
    [message] = stored(runtime)
    assert message.status == MessageStatus.answered


def test_updates_for_another_phone_number_are_not_ours(client, runtime):
    ours = webhooks.text_message(PHONE, "mine")
    theirs = webhooks.text_message(PHONE, "theirs", phone_number_id="999000999")
    assert post(client, webhooks.delivery(ours)).status_code == 200
    assert post(client, theirs).status_code == 200
    assert [m.body for m in stored(runtime)] == ["mine"]
    assert runtime.settings.whatsapp_phone_number_id == TEST_PHONE_NUMBER_ID


def test_json_nested_beyond_reason_is_a_json_400(client, runtime):
    body = b'{"object": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    response = post(client, body)
    assert response.status_code == 400 and response.is_json


def test_every_refusal_of_the_webhook_is_json(client):
    assert client.get("/webhook", query_string={"hub.mode": "subscribe"}).is_json
    assert client.post("/webhook", data=b"{}").is_json  # no signature: 403
    assert client.put("/webhook").is_json  # 405


def _mutations():
    leaf = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(allow_nan=True),
                     st.text(max_size=40), st.text(alphabet="\x00\ud800\udfff\u202e", max_size=5))
    value = st.recursive(leaf, lambda children: st.one_of(st.lists(children, max_size=3),
                                                          st.dictionaries(st.text(max_size=8), children, max_size=3)),
                         max_leaves=8)
    paths = st.lists(st.sampled_from(["entry", 0, "changes", "value", "messages", "statuses", "contacts",
                                      "metadata", "id", "from", "type", "text", "body", "timestamp",
                                      "profile", "name", "wa_id", "recipient_id", "status", "errors"]),
                     min_size=1, max_size=7)
    return st.lists(st.tuples(paths, value), min_size=1, max_size=4)


BASES = [webhooks.load("text"), webhooks.load("button_quick_reply"), webhooks.load("status_failed"),
         webhooks.load("batch_multi_sender"), webhooks.load("contacts")]


def _apply(payload, path, value):
    node = payload
    for key in path[:-1]:
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
        else:
            return
    last = path[-1]
    if isinstance(node, dict):
        node[last if isinstance(last, str) else str(last)] = value
    elif isinstance(node, list) and isinstance(last, int) and last < len(node):
        node[last] = value


@hypothesis_settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(base=st.sampled_from(range(len(BASES))), edits=_mutations())
def test_mutated_deliveries_never_get_a_5xx(app, base, edits):
    client = app.test_client()
    payload = copy.deepcopy(BASES[base])
    for path, value in edits:
        _apply(payload, path, value)
    try:
        body = json.dumps(payload).encode()
    except (ValueError, OverflowError):
        return
    response = post(client, body)
    assert response.status_code < 500, response.get_data(as_text=True)[:300]
    assert response.is_json
    rt = runtime_of(app)
    drain(rt)  # and the worker copes with whatever was stored
    with rt.transaction() as session:
        session.scalar(select(func.count()).select_from(Message))


# --------------------------------------------------------------------------- REST edges

def test_rest_refuses_lone_surrogates_and_deep_nesting_with_a_400(client, runtime):
    world = seed(runtime)
    h = {**world.headers("admin"), "Content-Type": "application/json"}
    before = client.get("/api/events", headers=h).get_json()
    r = client.post("/api/events", data=b'{"name": "Dana\\ud800"}', headers=h)
    assert r.status_code == 400 and r.get_json()["error"]["code"] == "invalid_text"
    deep = b'{"name": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    r = client.post("/api/events", data=deep, headers=h)
    assert r.status_code == 400 and r.get_json()["error"]["code"] == "too_deep"
    r = client.post("/api/events", data=b'{"name": "x", "location": ' + b"[" * 40 + b"]" * 40 + b"}", headers=h)
    assert r.status_code == 400
    assert client.get("/api/events", headers=h).get_json() == before  # nothing was created


def test_rest_paging_refuses_an_empty_skip_and_import_is_never_a_guest_id(client, runtime):
    world = seed(runtime)
    h = world.headers("admin")
    event_id = client.get("/api/events", headers=h).get_json()[0]["id"]
    r = client.get(f"/api/events/{event_id}/guests?skip=", headers=h)
    assert r.status_code == 422 and r.get_json()["error"]["code"] == "bad_paging"
    for method in ("GET", "PATCH", "DELETE"):
        r = client.open(f"/api/events/{event_id}/guests/import", method=method, headers=h, json={})
        assert r.status_code == 405, method
        assert set(r.headers["Allow"].split(", ")) == {"OPTIONS", "POST"}
    r = client.options(f"/api/events/{event_id}/guests/import", headers=h)
    assert set(r.headers["Allow"].split(", ")) == {"OPTIONS", "POST"}


def test_the_openapi_document_publishes_the_limits_the_api_enforces(client):
    schemas = client.get("/api/openapi.json").get_json()["components"]["schemas"]
    party = schemas["GuestCreate"]["properties"]["party_size"]
    assert (party["minimum"], party["maximum"]) == (0, 50)
    first = schemas["GuestCreate"]["properties"]["first_name"]
    assert first["pattern"] == r"\S" and first["maxLength"] == 100
    assert schemas["EventCreate"]["properties"]["name"]["maxLength"] == 200


def test_someone_elses_event_and_a_random_id_cost_the_same_single_query(runtime):
    """No timing side channel: a non-member's 404 runs exactly what a random id's does."""
    with runtime.transaction() as s:
        owner = get_or_create_user(s, phone="+972541110001")
        stranger = get_or_create_user(s, phone="+972541110002")
        theirs = events.create_event(s, owner, "Private party").id
    seen: list[str] = []

    def count(conn, cursor, statement, *args):
        seen.append(statement)

    sa_event.listen(runtime.engine, "before_cursor_execute", count)
    try:
        shapes = []
        for event_id in (theirs, uuid.uuid4()):
            with runtime.transaction() as s:
                stranger = s.merge(stranger)
                seen.clear()
                with pytest.raises(NotFound):
                    require(s, stranger, event_id, Action.VIEW)
                shapes.append(list(seen))
        assert len(shapes[0]) == 1 and shapes[0] == shapes[1]
    finally:
        sa_event.remove(runtime.engine, "before_cursor_execute", count)


def test_a_delivery_the_database_cannot_take_gets_a_json_503_and_is_stored_when_meta_delivers_it_again(
        app_with, client, runtime):
    payload = webhooks.text_message(PHONE, "yes, we are 3")
    down = app_with(database_url="postgresql+psycopg://postgres@127.0.0.1:9/gone")  # nothing listens there

    response = post(down.test_client(), payload)

    assert response.status_code == 503
    assert response.get_json()["error"]["code"] == "unavailable"
    assert stored(runtime) == []
    # Meta tries again once the database is back: the same delivery is stored, once.
    assert post(client, payload).status_code == 200
    assert post(client, payload).status_code == 200
    assert [m.body for m in stored(runtime)] == ["yes, we are 3"]
