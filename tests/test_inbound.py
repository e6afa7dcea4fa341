"""The webhook's pure layer: handshake, signature and parsing of every delivery kind."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.whatsapp.inbound import (
    MAX_BODY_BYTES,
    Delivery,
    GraphErrorInfo,
    InboundMessage,
    LocationInfo,
    MediaInfo,
    SharedContact,
    StatusUpdate,
    parse_delivery,
    sender_key,
    sign,
    to_e164,
    verify_handshake,
    verify_signature,
)
from tests import webhooks
from tests.webhooks import (
    button_tap,
    contacts_message,
    delivery,
    document_message,
    interactive_reply,
    load,
    load_bytes,
    signed,
    status,
    text_message,
)

DANA_PHONE, DANA_ID = "+972501234567", "IL.4821937465012387"
TEMPLATE_WAMID = "wamid.HBgMOTcyNTAxMjM0NTY3FQIAERgSQUJDMTIzNDU2Nzg5MERFRgA="
OUR_WAMID = "wamid.HBgMOTcyNTAxMjM0NTY3FQIAERgSNEQ1RTZGN0E4QjlDMEQxRTJGAA=="


def only_message(name: str) -> InboundMessage:
    parsed = parse_delivery(load(name))
    assert parsed.statuses == [] and parsed.ignored == [] and parsed.errors == []
    assert len(parsed.messages) == 1, parsed
    return parsed.messages[0]


def only_status(name: str) -> StatusUpdate:
    parsed = parse_delivery(load(name))
    assert parsed.messages == [] and parsed.ignored == []
    assert len(parsed.statuses) == 1, parsed
    return parsed.statuses[0]


# --------------------------------------------------------------------------- handshake


@pytest.mark.parametrize(
    ("mode", "token", "challenge", "configured", "expected"),
    [
        ("subscribe", "s3cret", "1158201444", "s3cret", "1158201444"),
        ("subscribe", "wrong", "1158201444", "s3cret", None),
        ("subscribe", "s3cre", "1158201444", "s3cret", None),
        ("subscribe", None, "1158201444", "s3cret", None),
        ("subscribe", "", "1158201444", "", None),
        ("subscribe", "", "1158201444", None, None),
        ("subscribe", "None", "1158201444", None, None),
        ("unsubscribe", "s3cret", "1158201444", "s3cret", None),
        (None, "s3cret", "1158201444", "s3cret", None),
        ("subscribe", "s3cret", None, "s3cret", None),
        ("subscribe", "סוד", "42", "סוד", "42"),
    ],
)
def test_handshake(mode, token, challenge, configured, expected):
    assert verify_handshake(mode, token, challenge, configured) == expected


# --------------------------------------------------------------------------- signature

SECRET = "app-secret-for-tests"
BODY = load_bytes("text")


def test_signature_known_vector():
    # Known value: HMAC-SHA256 with key "key" of "The quick brown fox jumps over the lazy dog".
    body = b"The quick brown fox jumps over the lazy dog"
    expected = "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
    assert sign(body, "key") == expected
    assert verify_signature(body, expected, "key")


@pytest.mark.parametrize(
    ("body", "header", "secret", "ok"),
    [
        pytest.param(BODY, sign(BODY, SECRET), SECRET, True, id="right"),
        pytest.param(BODY, sign(BODY, SECRET).upper().replace("SHA256=", "sha256="), SECRET, True, id="upper-hex"),
        pytest.param(BODY, sign(BODY, "other-secret"), SECRET, False, id="wrong-secret"),
        pytest.param(BODY, None, SECRET, False, id="missing-header"),
        pytest.param(BODY, "", SECRET, False, id="empty-header"),
        pytest.param(BODY, sign(BODY, SECRET)[7:], SECRET, False, id="no-prefix"),
        pytest.param(BODY, "sha1=" + sign(BODY, SECRET)[7:], SECRET, False, id="sha1-prefix"),
        pytest.param(BODY, "sha256=zz" + sign(BODY, SECRET)[9:], SECRET, False, id="garbled-hex"),
        pytest.param(BODY, sign(BODY, SECRET)[:-2], SECRET, False, id="truncated"),
        pytest.param(BODY, "sha256=", SECRET, False, id="prefix-only"),
        pytest.param(BODY, "sha256=é" + "0" * 63, SECRET, False, id="non-ascii"),
        pytest.param(BODY, sign(BODY, SECRET), None, False, id="no-secret"),
        pytest.param(BODY, sign(BODY, ""), "", False, id="empty-secret"),
        pytest.param(BODY[:-1] + b" ", sign(BODY, SECRET), SECRET, False, id="last-byte-altered"),
        pytest.param(b"x" + BODY[1:], sign(BODY, SECRET), SECRET, False, id="first-byte-altered"),
        pytest.param(BODY + b"\n", sign(BODY, SECRET), SECRET, False, id="byte-appended"),
    ],
)
def test_signature(body, header, secret, ok):
    assert verify_signature(body, header, secret) is ok


def test_every_single_byte_change_breaks_the_signature():
    header = sign(BODY, SECRET)
    for index in range(0, len(BODY), max(1, len(BODY) // 50)):
        altered = bytearray(BODY)
        altered[index] ^= 0x01
        assert not verify_signature(bytes(altered), header, SECRET), index


def test_signed_helper_round_trips():
    body, headers = signed(load("text"), SECRET)
    assert verify_signature(body, headers["X-Hub-Signature-256"], SECRET)
    assert json.loads(body) == load("text")
    raw_body, raw_headers = signed(BODY, SECRET)
    assert raw_body == BODY and verify_signature(raw_body, raw_headers["X-Hub-Signature-256"], SECRET)


def test_max_body_is_three_megabytes():
    assert MAX_BODY_BYTES == 3 * 1024 * 1024


# --------------------------------------------------------------------------- data files

EXPECTED_MESSAGES = {
    "text": dict(kind="text", text="new event Dana & Omer wedding", is_actionable=True),
    "text_bsuid_only": dict(
        kind="text", text="yes", sender_phone=None, sender_user_id="US.13491208655302741918",
        profile_name="John Smith",
    ),
    "button_quick_reply": dict(
        kind="button", text="Yes, I'll be there", reply_id="rsvp:7f3c2a9e-5b1d-4c8e-9a0f-2d6b8e1c4a57:yes",
        context_wamid=TEMPLATE_WAMID, is_actionable=True,
    ),
    "interactive_button_reply": dict(kind="interactive", text="Yes", reply_id="confirm:yes", is_actionable=True),
    "interactive_list_reply": dict(kind="interactive", text="Noa's Bat Mitzvah", reply_id="event:2"),
    "reaction": dict(kind="reaction", reaction_to=TEMPLATE_WAMID, emoji="\U0001F44D", is_actionable=False),
    "image": dict(kind="image", text="the venue", is_actionable=False),
    "document_csv": dict(
        kind="document",
        media=MediaInfo("2345678901234567", "text/csv", "mOv9WRTX0sF3VG6P8ryMvQzHkOLb7K7wFz5L7lqD8Vw=", "guests", "guests.csv"),
        is_actionable=True,
    ),
    "audio": dict(kind="audio", is_actionable=False),
    "video": dict(kind="video", text="dance practice"),
    "sticker": dict(kind="sticker", is_actionable=False),
    "location": dict(
        kind="location",
        location=LocationInfo(32.0853, 34.781768, "Beit Hatfutsot", "Klausner St 15, Tel Aviv-Yafo"),
        is_actionable=False,
    ),
    "contacts": dict(
        kind="contacts",
        contacts=[
            SharedContact("Avi Cohen", ["972527654321"]),
            SharedContact("Rina", ["050-111-2233", "15559876543"]),
        ],
        is_actionable=True,
    ),
    "unsupported": dict(
        kind="unsupported",
        errors=[GraphErrorInfo(131051, "Message type unknown", "Message type unknown", "Message type is currently not supported.")],
        is_actionable=False,
    ),
    "system": dict(kind="system", is_actionable=False, profile_name=None),
}


@pytest.mark.parametrize("name", sorted(EXPECTED_MESSAGES))
def test_message_files(name):
    message = only_message(name)
    expected = {"sender_phone": DANA_PHONE, "sender_user_id": DANA_ID, "profile_name": "Dana Levi"}
    expected.update(EXPECTED_MESSAGES[name])
    for attribute, value in expected.items():
        assert getattr(message, attribute) == value, attribute
    assert message.wamid.startswith("wamid.")
    assert message.phone_number_id == "1234567890"
    assert isinstance(message.timestamp, int) and message.timestamp > 1_700_000_000


@pytest.mark.parametrize("name", ["image", "audio", "video", "sticker", "document_csv"])
def test_media_files_carry_media(name):
    media = only_message(name).media
    assert media is not None and media.id and media.mime_type and media.sha256


def test_audio_and_sticker_mime_types():
    assert only_message("audio").media.mime_type == "audio/ogg; codecs=opus"
    assert only_message("sticker").media.mime_type == "image/webp"


def test_system_change_of_number():
    change = only_message("system").system
    assert change.type == "user_changed_number"
    assert change.new_phone == "+972541112233"


def test_system_change_of_user_id_without_sender():
    payload = load("system")
    message = payload["entry"][0]["changes"][0]["value"]["messages"][0]
    for key in ("from", "from_user_id"):
        del message[key]
    message["system"] = {
        "body": "User changed from IL.4821937465012387 to IL.5550001112223334",
        "user_id": "IL.5550001112223334",
        "previous_user_id": DANA_ID,
        "type": "user_changed_user_id",
    }
    (parsed,) = parse_delivery(payload).messages
    assert parsed.sender_user_id == DANA_ID and parsed.sender_phone is None
    assert parsed.system.new_user_id == "IL.5550001112223334"


@pytest.mark.parametrize(
    ("name", "state"), [("status_sent", "sent"), ("status_delivered", "delivered"), ("status_read", "read")]
)
def test_status_files(name, state):
    update = only_status(name)
    assert update == StatusUpdate(
        wamid=OUR_WAMID, status=state, timestamp=update.timestamp, recipient_phone=DANA_PHONE,
        recipient_user_id=DANA_ID, errors=[], phone_number_id="1234567890", pricing_category="utility",
    )
    assert isinstance(update.timestamp, int)


def test_status_failed_file():
    update = only_status("status_failed")
    assert update.status == "failed" and update.is_failure
    assert update.recipient_phone == DANA_PHONE and update.recipient_user_id is None
    assert update.errors == [
        GraphErrorInfo(131026, "Message undeliverable", "Message undeliverable", "Message Undeliverable.")
    ]
    assert "131026" in update.errors[0].describe()


def test_batch_keeps_every_update_in_order():
    parsed = parse_delivery(load("batch_multi_sender"))
    assert [(m.kind, m.sender_key) for m in parsed.messages] == [
        ("text", "+972501234567"),
        ("button", "+972527654321"),
        ("text", "user:US.13491208655302741918"),
        ("reaction", "+972501234567"),
    ]
    assert [m.profile_name for m in parsed.messages] == ["Dana Levi", "אבי כהן", "John Smith", "Dana Levi"]
    assert [(s.status, s.recipient_phone) for s in parsed.statuses] == [
        ("delivered", "+972527654321"),
        ("failed", "+15557654321"),
    ]
    assert parsed.statuses[1].errors[0].code == 131047
    assert parsed.ignored == [] and parsed.errors == []
    assert len({m.wamid for m in parsed.messages}) == 4


def test_template_status_update_is_ignored():
    parsed = parse_delivery(load("template_status_update"))
    assert parsed.is_empty
    assert [i.reason for i in parsed.ignored] == ["field message_template_status_update"]


def test_every_data_file_is_covered():
    covered = set(EXPECTED_MESSAGES) | {
        "status_sent", "status_delivered", "status_read", "status_failed",
        "batch_multi_sender", "template_status_update",
    }
    assert set(webhooks.names()) == covered


@pytest.mark.parametrize("name", sorted(set(EXPECTED_MESSAGES)))
def test_every_message_file_is_signed_and_parsed_from_bytes(name):
    body, headers = signed(load_bytes(name), SECRET)
    assert verify_signature(body, headers["X-Hub-Signature-256"], SECRET)
    assert parse_delivery(json.loads(body)).messages


# --------------------------------------------------------------------------- shapes


def test_order_and_unknown_types():
    payload = load("text")
    message = payload["entry"][0]["changes"][0]["value"]["messages"][0]
    del message["text"]
    message.update(type="order", order={"catalog_id": "1", "text": "for the party", "product_items": []})
    assert parse_delivery(payload).messages[0].kind == "order"
    assert parse_delivery(payload).messages[0].text == "for the party"
    message.update(type="ephemeral")
    parsed = parse_delivery(payload).messages[0]
    assert parsed.kind == "unknown" and parsed.raw_type == "ephemeral" and not parsed.is_actionable


def test_reaction_removed_has_no_emoji():
    payload = load("reaction")
    payload["entry"][0]["changes"][0]["value"]["messages"][0]["reaction"]["emoji"] = ""
    assert parse_delivery(payload).messages[0].emoji is None


def test_phone_only_legacy_shape():
    payload = load("text")
    value = payload["entry"][0]["changes"][0]["value"]
    del value["contacts"][0]["user_id"]
    del value["messages"][0]["from_user_id"]
    message = parse_delivery(payload).messages[0]
    assert (message.sender_phone, message.sender_user_id) == (DANA_PHONE, None)


def test_phone_filled_from_contacts_when_message_lacks_from():
    payload = load("text")
    del payload["entry"][0]["changes"][0]["value"]["messages"][0]["from"]
    message = parse_delivery(payload).messages[0]
    assert (message.sender_phone, message.sender_user_id) == (DANA_PHONE, DANA_ID)


def test_value_level_errors():
    payload = load("text")
    value = payload["entry"][0]["changes"][0]["value"]
    del value["messages"], value["contacts"]
    value["errors"] = [{"code": 131000, "title": "Something went wrong", "message": "Something went wrong",
                        "error_data": {"details": "Unsupported webhook payload"}}]
    parsed = parse_delivery(payload)
    assert parsed.is_empty
    assert parsed.errors == [GraphErrorInfo(131000, "Something went wrong", "Something went wrong", "Unsupported webhook payload")]


def test_other_status_values_are_kept():
    payload = status(OUR_WAMID, "deleted", DANA_PHONE)
    assert parse_delivery(payload).statuses[0].status == "deleted"


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (None, "malformed delivery"),
        ([], "malformed delivery"),
        ("whatsapp", "malformed delivery"),
        (42, "malformed delivery"),
        ({}, "object NoneType"),
        ({"object": "instagram", "entry": []}, "object instagram"),
        ({"object": "whatsapp_business_account"}, "malformed entry"),
        ({"object": "whatsapp_business_account", "entry": {}}, "malformed entry"),
        ({"object": "whatsapp_business_account", "entry": [None]}, "malformed entry"),
        ({"object": "whatsapp_business_account", "entry": [{"changes": "x"}]}, "malformed entry"),
        ({"object": "whatsapp_business_account", "entry": [{"changes": [1]}]}, "malformed change"),
        ({"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages", "value": []}]}]}, "malformed change"),
        ({"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "account_update", "value": {}}]}]}, "field account_update"),
        ({"object": "whatsapp_business_account", "entry": [{"changes": [{"value": {}}]}]}, "field missing"),
        ({"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages", "value": {"messages": [7]}}]}]}, "malformed message"),
        ({"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages", "value": {"messages": [{"from": "972501234567", "type": "text"}]}}]}]}, "message without id"),
        ({"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages", "value": {"messages": [{"id": "wamid.X", "type": "text"}]}}]}]}, "message without sender"),
        ({"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages", "value": {"messages": "hi"}}]}]}, "malformed messages"),
        ({"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages", "value": {"statuses": [{"id": "wamid.X"}]}}]}]}, "status without id or status"),
    ],
)
def test_unexpected_shapes_are_ignored_with_a_reason(payload, reason):
    parsed = parse_delivery(payload)
    assert parsed.is_empty
    assert reason in [i.reason for i in parsed.ignored]


def test_wrong_types_inside_a_message_do_not_hide_it():
    payload = load("text")
    message = payload["entry"][0]["changes"][0]["value"]["messages"][0]
    message.update(timestamp={"x": 1}, text="not an object", context=[1, 2])
    (parsed,) = parse_delivery(payload).messages
    assert parsed.kind == "text" and parsed.text is None and parsed.timestamp is None and parsed.context_wamid is None


def test_to_e164():
    assert to_e164("972501234567") == "+972501234567"
    assert to_e164("+15551234567") == "+15551234567"
    assert to_e164(15551234567) == "+15551234567"
    for bad in (None, "", "abc", "12", "1" * 16, "٩٧٢٥٠١٢٣٤٥٦٧", True, 1.5):
        assert to_e164(bad) is None


def test_sender_key():
    assert sender_key("+15551234567", "US.1") == "+15551234567"
    assert sender_key(None, "US.1") == "user:US.1"
    assert sender_key(None, None) == "unknown"


# --------------------------------------------------------------------------- builders


def test_builders_parse_into_the_events_they_describe():
    sent = "wamid.OURS1"
    batch = delivery(
        text_message("+972501234567", "hello", name="Dana"),
        text_message(None, "hi", user_id="US.777", name="Bob"),
        button_tap("972527654321", "rsvp:g1:yes", "Yes", context_wamid=sent),
        interactive_reply("+15551234567", "event:1", "Wedding", kind="list_reply"),
        document_message("+972501234567", "9988", "guests.csv"),
        contacts_message("+972501234567", [("Avi Cohen", "+972 52-765-4321"), ("Rina", "050-111-2233")]),
        status(sent, "delivered", "+972527654321"),
        status("wamid.OURS2", "failed", "+15557654321", error_code=131047),
        phone_number_id="555",
    )
    parsed = parse_delivery(batch)
    assert parsed.ignored == []
    kinds = [(m.kind, m.sender_phone, m.sender_user_id) for m in parsed.messages]
    assert kinds == [
        ("text", "+972501234567", None),
        ("text", None, "US.777"),
        ("button", "+972527654321", None),
        ("interactive", "+15551234567", None),
        ("document", "+972501234567", None),
        ("contacts", "+972501234567", None),
    ]
    assert {m.phone_number_id for m in parsed.messages} == {"555"}
    assert parsed.messages[0].profile_name == "Dana" and parsed.messages[1].profile_name == "Bob"
    assert (parsed.messages[2].reply_id, parsed.messages[2].context_wamid) == ("rsvp:g1:yes", sent)
    assert (parsed.messages[3].reply_id, parsed.messages[3].text) == ("event:1", "Wedding")
    assert parsed.messages[4].media.filename == "guests.csv" and parsed.messages[4].media.mime_type == "text/csv"
    assert parsed.messages[5].contacts == [
        SharedContact("Avi Cohen", ["972527654321"]),
        SharedContact("Rina", ["050-111-2233"]),
    ]
    assert [(s.wamid, s.status) for s in parsed.statuses] == [(sent, "delivered"), ("wamid.OURS2", "failed")]
    assert parsed.statuses[1].errors[0].code == 131047
    assert len(set(webhooks.wamids(batch))) == 8


def test_builders_make_unique_wamids():
    ids = {parse_delivery(text_message("+15551234567", "x")).messages[0].wamid for _ in range(200)}
    assert len(ids) == 200


def test_builder_with_explicit_wamid_is_a_full_delivery():
    payload = text_message("+15551234567", "stats", wamid="wamid.FIXED")
    assert parse_delivery(payload).messages[0].wamid == "wamid.FIXED"


# --------------------------------------------------------------------------- robustness

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=40,
)

KEYS = ["object", "entry", "changes", "field", "value", "messages", "statuses", "contacts", "errors",
        "metadata", "phone_number_id", "from", "from_user_id", "user_id", "wa_id", "id", "type",
        "timestamp", "text", "body", "button", "payload", "interactive", "button_reply", "list_reply",
        "title", "reaction", "emoji", "message_id", "document", "location", "latitude", "longitude",
        "system", "context", "recipient_id", "recipient_user_id", "status", "code", "error_data",
        "details", "profile", "name", "phones", "phone", "formatted_name"]
SCALARS = ["whatsapp_business_account", "messages", "text", "button", "interactive", "button_reply",
           "list_reply", "reaction", "image", "document", "location", "contacts", "system", "failed",
           "972501234567", "wamid.X", "1767225600", "subscribe"]

meta_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.sampled_from(SCALARS) | st.text(max_size=6),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(KEYS), children, max_size=6),
    max_leaves=60,
)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_parse_delivery_never_raises_on_any_json(value):
    assert isinstance(parse_delivery(value), Delivery)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(meta_like)
def test_parse_delivery_never_raises_on_meta_like_json(value):
    assert isinstance(parse_delivery({"object": "whatsapp_business_account", "entry": [{"changes": [
        {"field": "messages", "value": value}]}]}), Delivery)
    assert isinstance(parse_delivery(value), Delivery)


@settings(max_examples=200)
@given(st.sampled_from(sorted(EXPECTED_MESSAGES)), st.data())
def test_corrupting_one_field_of_a_real_file_never_raises(name, data):
    payload = load(name)
    node = payload
    # Walk to a random nested container and replace one of its items with arbitrary JSON.
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        key = data.draw(st.sampled_from(keys))
        child = node[key]
        if isinstance(child, (dict, list)) and child and data.draw(st.booleans()):
            node = child
            continue
        node[key] = data.draw(json_values)
        break
    assert isinstance(parse_delivery(payload), Delivery)


@given(st.binary(max_size=200), st.one_of(st.none(), st.text(max_size=80)), st.one_of(st.none(), st.text(max_size=20)))
def test_verify_signature_never_raises(body, header, secret):
    assert verify_signature(body, header, secret) in (True, False)


@given(*(st.one_of(st.none(), st.text(max_size=10)) for _ in range(4)))
def test_verify_handshake_never_raises(mode, token, challenge, configured):
    result = verify_handshake(mode, token, challenge, configured)
    assert result is None or (result == challenge and configured and token == configured)
