"""The Cloud API client against a fake Graph API over real HTTP, and the pure parts."""
from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.whatsapp import client as wa
from bot.whatsapp.client import (
    AccessDenied,
    AccessTokenExpired,
    CloudAPIClient,
    ConsoleTransport,
    EngagementLimit,
    GraphServerError,
    GraphTimeout,
    InvalidRecipient,
    InvalidRequest,
    MediaTooLarge,
    NotOnWhatsApp,
    OutsideServiceWindow,
    RecipientOptedOut,
    TemplateProblem,
    Throttled,
    WhatsAppError,
    buttons_payload,
    error_from_response,
    list_payload,
    mask_phone,
    reason_for,
    template_payload,
    text_payload,
    truncate,
)
from tests.fakes import FakeGraphAPI, error_body

GUEST = "+972541234567"
GUEST_DIGITS = "972541234567"


@pytest.fixture
def graph(fake_graph):
    return fake_graph


@pytest.fixture
def client(graph):
    c = graph.make_client()
    yield c
    c.close()


# ----------------------------------------------------------------------------- sending

def test_text_send_returns_wamid_and_fake_records_meta_shape(graph, client):
    graph.open_window(GUEST)
    wamid = client.send_message(text_payload(GUEST, "Hello there"))

    assert wamid.startswith("wamid.")
    [msg] = graph.sent_to(GUEST)
    assert msg.wamid == wamid
    assert msg.payload == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": GUEST_DIGITS,
        "type": "text",
        "text": {"preview_url": False, "body": "Hello there"},
    }
    [request] = graph.message_requests()
    assert request.path == "/v20.0/1234567890/messages"
    assert request.headers["Authorization"] == "Bearer test-access-token"


def test_wamids_are_unique(graph, client):
    graph.open_window(GUEST)
    ids = {client.send_message(text_payload(GUEST, f"n{i}")) for i in range(20)}
    assert len(ids) == 20


def test_template_send_needs_no_window_and_carries_params_and_quick_replies(graph, client):
    payload = template_payload(GUEST, "event_invitation", "en",
                               body_params=["Dana & Noam", "12 June 2027", "Tel Aviv"],
                               quick_reply_payloads=["rsvp:g1:yes", "rsvp:g1:no"])
    wamid = client.send_message(payload)

    [msg] = graph.sent
    assert msg.wamid == wamid
    assert msg["template"] == {
        "name": "event_invitation",
        "language": {"code": "en"},
        "components": [
            {"type": "body", "parameters": [
                {"type": "text", "text": "Dana & Noam"},
                {"type": "text", "text": "12 June 2027"},
                {"type": "text", "text": "Tel Aviv"},
            ]},
            {"type": "button", "sub_type": "quick_reply", "index": "0",
             "parameters": [{"type": "payload", "payload": "rsvp:g1:yes"}]},
            {"type": "button", "sub_type": "quick_reply", "index": "1",
             "parameters": [{"type": "payload", "payload": "rsvp:g1:no"}]},
        ],
    }
    assert msg.button_ids == ["rsvp:g1:yes", "rsvp:g1:no"]


def test_template_params_are_made_acceptable_to_meta(graph, client):
    payload = template_payload(GUEST, "event_update", "he",
                               body_params=["line one\nline two\tand      spaces", ""])
    client.send_message(payload)  # the fake refuses newlines, tabs, 5+ spaces, empties
    params = graph.sent[0]["template"]["components"][0]["parameters"]
    assert params[0]["text"] == "line one line two and    spaces"
    assert params[1]["text"] == "-"


def test_buttons_send(graph, client):
    graph.open_window(GUEST)
    payload = buttons_payload(GUEST, "Are you coming?", [("yes", "Yes"), ("no", "No")],
                              header="Dana & Noam", footer="Reply any time")
    client.send_message(payload)

    [msg] = graph.sent
    assert msg["type"] == "interactive"
    assert msg["interactive"] == {
        "type": "button",
        "header": {"type": "text", "text": "Dana & Noam"},
        "body": {"text": "Are you coming?"},
        "footer": {"text": "Reply any time"},
        "action": {"buttons": [
            {"type": "reply", "reply": {"id": "yes", "title": "Yes"}},
            {"type": "reply", "reply": {"id": "no", "title": "No"}},
        ]},
    }


def test_list_send(graph, client):
    graph.open_window(GUEST)
    rows = [(f"event:{i}", f"Event number {i} with a long name", "12 June 2027, Tel Aviv")
            for i in range(10)]
    client.send_message(list_payload(GUEST, "Which event?", "Choose event", rows,
                                     section_title="Your events"))

    inter = graph.sent[0]["interactive"]
    assert inter["type"] == "list"
    assert inter["body"] == {"text": "Which event?"}
    assert inter["action"]["button"] == "Choose event"
    [section] = inter["action"]["sections"]
    assert section["title"] == "Your events"
    assert len(section["rows"]) == 10
    assert section["rows"][0] == {"id": "event:0", "title": "Event number 0 with a l\u2026",
                                  "description": "12 June 2027, Tel Aviv"}


def test_mark_read(graph, client):
    client.mark_read("wamid.INBOUND1")
    assert graph.read_marks == ["wamid.INBOUND1"]
    assert graph.message_requests() == []


def test_concurrent_sends_share_one_pool(graph):
    graph.open_window(GUEST)
    with graph.make_client(pool_maxsize=16) as c, ThreadPoolExecutor(16) as pool:
        ids = list(pool.map(lambda i: c.send_message(text_payload(GUEST, f"m{i}")), range(200)))
    assert len(set(ids)) == 200
    assert graph.count(GUEST) == 200


# ----------------------------------------------------------------------------- errors over HTTP

def test_outside_window_is_permanent_with_template_fallback(graph, client):
    with pytest.raises(OutsideServiceWindow) as info:
        client.send_message(text_payload(GUEST, "hi"))
    err = info.value
    assert err.code == 131047
    assert err.http_status == 400
    assert err.fallback_to_template and not err.transient and not err.stop_sending
    assert err.reason == "outside the 24-hour window"
    assert "24 hours" in err.details
    assert graph.sent == []


def test_window_not_enforced_when_switched_off(graph, client):
    graph.window_enforced = False
    client.send_message(text_payload(GUEST, "hi"))
    assert graph.count() == 1


def test_not_on_whatsapp_is_permanent(graph, client):
    graph.fail_number(GUEST, 131026)
    with pytest.raises(NotOnWhatsApp) as info:
        client.send_message(template_payload(GUEST, "event_invitation", "en"))
    assert info.value.transient is False
    assert info.value.fallback_to_template is False
    assert info.value.reason == "not on WhatsApp"


def test_rate_limit_is_transient_then_recovers(graph, client):
    graph.throttle_next(1)
    payload = template_payload(GUEST, "event_invitation", "en")
    with pytest.raises(Throttled) as info:
        client.send_message(payload)
    assert info.value.code == 130429
    assert info.value.http_status == 400  # Meta answers 400, not 429
    assert info.value.transient
    assert info.value.reason == "rate limited"
    assert client.send_message(payload).startswith("wamid.")


def test_pair_rate_limit_is_throttled(graph, client):
    graph.throttle_next(1, code=131056)
    with pytest.raises(Throttled) as info:
        client.send_message(template_payload(GUEST, "event_invitation", "en"))
    assert info.value.code == 131056


def test_server_error_is_transient(graph, client):
    graph.fail_next(1, code=131000, http_status=500)
    with pytest.raises(GraphServerError) as info:
        client.send_message(template_payload(GUEST, "event_invitation", "en"))
    assert info.value.http_status == 500
    assert info.value.transient


def test_expired_token_stops_sending(graph, client):
    graph.expire_token()
    with pytest.raises(AccessTokenExpired) as info:
        client.send_message(template_payload(GUEST, "event_invitation", "en"))
    err = info.value
    assert err.http_status == 401 and err.code == 190 and err.subcode == 463
    assert err.stop_sending and not err.transient
    assert "Session has expired" in err.message


def test_wrong_token_is_refused(graph):
    with graph.make_client(access_token="not-the-token") as c:
        with pytest.raises(AccessTokenExpired) as info:
            c.send_message(template_payload(GUEST, "event_invitation", "en"))
    assert info.value.http_status == 401


def test_invalid_payload_is_refused_by_the_fake(graph, client):
    graph.open_window(GUEST)
    bad = text_payload(GUEST, "hi")
    bad["interactive"] = {"type": "button", "body": {"text": "x"},
                          "action": {"buttons": [{"type": "reply",
                                                  "reply": {"id": "a", "title": "x" * 21}}]}}
    bad["type"] = "interactive"
    with pytest.raises(InvalidRequest) as info:
        client.send_message(bad)
    assert info.value.code == 131009


def test_timeout_becomes_graph_timeout(graph):
    graph.latency = 0.5
    with graph.make_client(timeout=(1, 0.1)) as c:
        with pytest.raises(GraphTimeout) as info:
            c.send_message(template_payload(GUEST, "event_invitation", "en"))
    assert info.value.transient
    graph.latency = 0


def test_connection_refused_becomes_graph_timeout():
    fake = FakeGraphAPI().start()
    base_url = fake.base_url
    fake.stop()
    with CloudAPIClient(base_url, "v20.0", "1234567890", "t") as c:
        with pytest.raises(GraphTimeout):
            c.send_message(template_payload(GUEST, "event_invitation", "en"))


# ----------------------------------------------------------------------------- media

def test_media_download(graph, client):
    graph.add_media("555", b"name,phone\nDana,+972541234567\n", "text/csv")
    info = client.get_media("555")
    assert set(info) == {"messaging_product", "url", "mime_type", "sha256", "file_size", "id"}
    data, mime = client.download_media("555")
    assert data == b"name,phone\nDana,+972541234567\n"
    assert mime == "text/csv"


def test_media_download_refuses_large_files(graph, client):
    graph.add_media("556", b"x" * 2048, "application/pdf")
    with pytest.raises(MediaTooLarge):
        client.download_media("556", max_bytes=1024)


def test_unknown_media_is_an_error(client):
    with pytest.raises(InvalidRequest) as info:
        client.get_media("nope")
    assert info.value.code == 100 and info.value.subcode == 33


def test_media_upload_roundtrip(graph, client):
    media_id = client.upload_media(b"%PDF-1.4 card", "application/pdf", "card.pdf")
    assert graph.media(media_id) == (b"%PDF-1.4 card", "application/pdf", "card.pdf")
    assert client.download_media(media_id) == (b"%PDF-1.4 card", "application/pdf")


# ----------------------------------------------------------------------------- secrets

def test_token_never_in_repr_or_logs(graph, caplog):
    secret = "EAAG-super-secret-token"
    caplog.set_level(logging.DEBUG)
    with graph.make_client(access_token=secret) as c:
        assert secret not in repr(c)
        with pytest.raises(AccessTokenExpired) as info:
            c.send_message(template_payload(GUEST, "event_invitation", "en"))
        assert secret not in str(info.value) and secret not in repr(info.value)
    graph.open_window(GUEST)
    with graph.make_client() as c:
        c.send_message(text_payload(GUEST, "hi"))
        graph.latency = 0.3
        c.timeout = (1, 0.05)
        with pytest.raises(GraphTimeout) as info:
            c.send_message(text_payload(GUEST, "hi"))
        assert "test-access-token" not in str(info.value)
    graph.latency = 0
    assert caplog.records, "expected the client to log"
    for text in (caplog.text, *(r.getMessage() for r in caplog.records)):
        assert secret not in text and "test-access-token" not in text
        assert GUEST_DIGITS not in text


# ----------------------------------------------------------------------------- the error table

@pytest.mark.parametrize("status, code, cls, transient, fallback, stop", [
    (400, 130429, Throttled, True, False, False),
    (400, 131056, Throttled, True, False, False),
    (400, 80007, Throttled, True, False, False),
    (400, 4, Throttled, True, False, False),
    (400, 613, Throttled, True, False, False),
    (500, 131000, GraphServerError, True, False, False),
    (503, 131016, GraphServerError, True, False, False),
    (503, 2, GraphServerError, True, False, False),
    (400, 1, GraphServerError, True, False, False),
    (400, 131026, NotOnWhatsApp, False, False, False),
    (400, 131047, OutsideServiceWindow, False, True, False),
    (401, 190, AccessTokenExpired, False, False, True),
    (403, 10, AccessDenied, False, False, True),
    (403, 200, AccessDenied, False, False, True),
    (400, 132000, TemplateProblem, False, False, False),
    (404, 132001, TemplateProblem, False, False, False),
    (400, 132015, TemplateProblem, False, False, False),
    (400, 132016, TemplateProblem, False, False, False),
    (400, 132068, TemplateProblem, False, False, False),
    (400, 132069, TemplateProblem, False, False, False),
    (400, 131049, EngagementLimit, False, False, False),
    (400, 131050, RecipientOptedOut, False, False, False),
    (400, 131051, InvalidRequest, False, False, False),
    (400, 100, InvalidRequest, False, False, False),
    (400, 131021, InvalidRecipient, False, False, False),
    (400, 999999, WhatsAppError, False, False, False),
])
def test_error_from_response_table(status, code, cls, transient, fallback, stop):
    _, body = error_body(code)
    err = error_from_response(status, body)
    assert type(err) is cls
    assert isinstance(err, WhatsAppError)
    assert err.code == code and err.http_status == status
    assert (err.transient, err.fallback_to_template, err.stop_sending) == (transient, fallback, stop)
    assert err.reason and len(err.reason) < 60
    assert err.fbtrace_id


@pytest.mark.parametrize("status, body, cls", [
    (500, None, GraphServerError),
    (502, {"unexpected": True}, GraphServerError),
    (503, "not a dict", GraphServerError),
    (401, None, AccessTokenExpired),
    (401, {"error": {"message": "(#0) AuthException", "code": 0}}, AccessTokenExpired),
    (429, None, Throttled),
    (400, None, WhatsAppError),
    (400, {"error": {"message": "odd", "code": "131026"}}, NotOnWhatsApp),
])
def test_error_from_response_without_a_known_code(status, body, cls):
    err = error_from_response(status, body)
    assert type(err) is cls
    assert err.message


def test_error_fields_follow_meta_body():
    body = {"error": {
        "message": "(#131047) Re-engagement message", "type": "OAuthException", "code": 131047,
        "error_subcode": 2494010,
        "error_data": {"messaging_product": "whatsapp", "details": "More than 24 hours."},
        "fbtrace_id": "Az8or2yhqkZfEZ-_4Qn_Bam"}}
    err = error_from_response(400, body)
    assert err.title == "Re-engagement message"
    assert err.subcode == 2494010
    assert err.details == "More than 24 hours."
    assert err.error_type == "OAuthException"
    assert "131047" in str(err) and "More than 24 hours." in str(err)


def test_reasons_read_well():
    assert error_from_response(404, error_body(132001)[1]).reason == "template not approved or not found"
    assert error_from_response(400, error_body(131050)[1]).reason.startswith("opted out")
    assert WhatsAppError("media download needs WhatsApp credentials").reason == \
        "media download needs WhatsApp credentials"
    assert "131099" in error_from_response(400, {"error": {"code": 131099, "message": "x"}}).reason


@pytest.mark.parametrize("code", [131026, 131047, 131049, 131050, 131021, 130429, 131000, 132001,
                                  132015, 190, 10, 131031, 100, 250])
def test_reason_for_a_code_reads_as_the_error_raised_for_it(code):
    # A failure Meta reports later (a status webhook) reads as one refused at once.
    assert reason_for(code) == error_from_response(400, error_body(code)[1]).reason


def test_reason_for_reads_well_for_organisers():
    assert reason_for(131026) == "not on WhatsApp"
    assert reason_for(132015) == "template paused"
    assert reason_for(None) == "WhatsApp refused the message"
    assert reason_for(131099) == "WhatsApp refused the message (error 131099)"
    assert reason_for(131099, default="Something odd (131099)") == "Something odd (131099)"
    assert reason_for(131026, default="ignored for a known code") == "not on WhatsApp"


# ----------------------------------------------------------------------------- pure builders

def test_to_accepts_plus_spaces_or_digits():
    assert text_payload("+972 54-123-4567", "x")["to"] == GUEST_DIGITS
    assert text_payload(GUEST_DIGITS, "x")["to"] == GUEST_DIGITS
    with pytest.raises(ValueError):
        text_payload("no digits", "x")


def test_button_titles_are_truncated_safely():
    long_title = "Definitely coming with everyone"
    payload = buttons_payload(GUEST, "?", [("a", long_title), ("b", "No")])
    title = payload["interactive"]["action"]["buttons"][0]["reply"]["title"]
    assert len(title) <= 20 and title.endswith("\u2026")
    assert title.startswith("Definitely coming")


@pytest.mark.parametrize("text", [
    "מגיעים בשמחה רבה מאוד לחתונה",  # Hebrew
    "Yes " + "\U0001F468\u200D\U0001F469\u200D\U0001F467" * 8,  # ZWJ family emoji
    "Coming \U0001F44D\U0001F3FD\U0001F44D\U0001F3FD\U0001F44D\U0001F3FD\U0001F44D\U0001F3FD",
    "e\u0301" * 15,  # combining accents
])
def test_truncation_never_splits_a_glyph(text):
    out = truncate(text, 20)
    assert len(out) <= 20
    body = out[:-1] if out.endswith("\u2026") else out
    assert text.startswith(body)
    assert not body.endswith("\u200d")
    rest = text[len(body):]
    assert not rest or not wa._joins_next(rest[0])


def test_list_limits():
    rows = [("r1", "T" * 30, "D" * 100)]
    payload = list_payload(GUEST, "Body", "A very long button text", rows, section_title="S" * 30)
    action = payload["interactive"]["action"]
    row = action["sections"][0]["rows"][0]
    assert len(row["title"]) == 24 and len(row["description"]) == 72
    assert len(action["button"]) <= 20 and len(action["sections"][0]["title"]) <= 24
    assert "description" not in list_payload(GUEST, "B", "Pick", [("x", "X", None)])[
        "interactive"]["action"]["sections"][0]["rows"][0]
    with pytest.raises(ValueError):
        list_payload(GUEST, "B", "Pick", [(str(i), "t", None) for i in range(11)])


def test_button_limits():
    with pytest.raises(ValueError):
        buttons_payload(GUEST, "B", [("1", "a"), ("2", "b"), ("3", "c"), ("4", "d")])
    with pytest.raises(ValueError):
        buttons_payload(GUEST, "B", [("1", "a"), ("1", "b")])
    with pytest.raises(ValueError):
        buttons_payload(GUEST, "B", [])


def test_text_body_cut_at_meta_limit():
    assert len(text_payload(GUEST, "x" * 5000)["text"]["body"]) == 4096


def test_mask_phone():
    assert mask_phone("+972541234567") == "+972*******67"
    assert mask_phone("14155550123") == "+1********23"
    assert mask_phone("") == "***"
    assert "1234" not in mask_phone("+1234")


# ----------------------------------------------------------------------------- console transport

def test_console_transport_logs_masked_and_calls_back(caplog):
    seen = []
    transport = ConsoleTransport(on_send=lambda payload, wamid: seen.append((payload, wamid)))
    caplog.set_level(logging.INFO, logger="bot.whatsapp")
    payload = buttons_payload(GUEST, "Coming?", [("yes", "Yes"), ("no", "No")])
    wamid = transport.send_message(payload)
    other = transport.send_message(text_payload(GUEST, "hi"))

    assert wamid.startswith("wamid.console.") and wamid != other
    assert transport.sent == [payload, text_payload(GUEST, "hi")]
    assert seen[0] == (payload, wamid)
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.whatsapp"]
    assert len(lines) == 2
    assert "+972*******67" in lines[0] and "Coming?" in lines[0] and "Yes" in lines[0]
    assert GUEST_DIGITS not in caplog.text
    transport.mark_read("wamid.x")
    with pytest.raises(WhatsAppError, match="credentials"):
        transport.download_media("1")


def test_console_transport_is_thread_safe():
    transport = ConsoleTransport()
    threads = [threading.Thread(target=lambda: [transport.send_message(text_payload(GUEST, "x"))
                                                for _ in range(50)]) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(transport.sent) == 400


# ----------------------------------------------------------------------------- the fake itself

def test_fake_wait_for_reports_on_timeout(graph):
    with pytest.raises(AssertionError, match="expected 1 accepted messages"):
        graph.wait_for_count(1, timeout=0.2)


def test_fake_wait_for_wakes_on_a_send_from_another_thread(graph, client):
    graph.open_window(GUEST)
    worker = threading.Thread(target=lambda: client.send_message(text_payload(GUEST, "later")))
    worker.start()
    msgs = graph.wait_for(lambda: graph.sent_to(GUEST), timeout=5)
    worker.join()
    assert msgs[0].text == "later"


def test_fake_sustains_hundreds_of_requests_per_second(graph):
    """The fake's own capacity, measured with a light client on 16 kept-alive connections."""
    import http.client
    import json
    import time

    graph.open_window(GUEST)
    body = json.dumps(text_payload(GUEST, "x")).encode()
    headers = {"Authorization": "Bearer test-access-token", "Content-Type": "application/json"}

    def worker(n):
        conn = http.client.HTTPConnection("127.0.0.1", graph.port, timeout=10)
        try:
            for _ in range(n):
                conn.request("POST", "/v20.0/1234567890/messages", body, headers)
                response = conn.getresponse()
                response.read()
                assert response.status == 200
        finally:
            conn.close()

    start = time.perf_counter()
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(worker, [100] * 16))
    elapsed = time.perf_counter() - start
    assert graph.count() == 1600
    assert 1600 / elapsed > 500, f"only {1600 / elapsed:.0f} requests/second"


def test_a_request_can_take_at_most_its_connect_and_read_timeouts():
    with CloudAPIClient("http://127.0.0.1:9", "v21.0", "123", "token") as client:
        assert client.max_request_seconds == 15
        client.timeout = (1, 0.5)
        assert client.max_request_seconds == 1.5
        client.timeout = 4
        assert client.max_request_seconds == 8
    assert ConsoleTransport().max_request_seconds == 0


def test_phone_numbers_inside_logged_text_are_masked():
    from bot.logs import mask_phones_in

    text = "✅ Added Ruth Levi +972 52-111-2299 to Console Test (party of 3, 12/6/2027)."
    masked = mask_phones_in(text)
    assert "111-2299" not in masked and "52-111" not in masked
    assert "Ruth Levi" in masked and "party of 3" in masked and "12/6/2027" in masked
    assert mask_phones_in("call 0521112299 now") == "call " + mask_phones_in("0521112299") + " now"
