"""A fake WhatsApp Graph API served over real HTTP on loopback.

It answers with Meta's own success and error bodies, takes a message ``"to"`` a phone
number or, for someone known only by their business-scoped user id (BSUID), to
``"recipient"`` (``"to"`` wins when both are given, as at Meta), enforces the 24-hour service
window, checks the bearer token, and lets a test inject latency, throttling, failures
and an expired token. Everything it received is recorded; ``wait_for`` waits on a
condition without sleeping blindly.

    with FakeGraphAPI() as graph:
        client = graph.make_client()
        graph.open_window("+972541234567")
        client.send_message(text_payload("+972541234567", "hi"))
        assert graph.sent_to("+972541234567")[0]["text"]["body"] == "hi"
"""
from __future__ import annotations

import base64
import email.parser
import email.policy
import json
import re
import secrets
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable
from urllib.parse import parse_qs, urlsplit

import pytest

# ----------------------------------------------------------------------------- Meta's errors

# code -> (HTTP status, message as Meta writes it, details, type, subcode)
ERRORS: dict[int, tuple[int, str, str, str, int | None]] = {
    4: (400, "(#4) Application request limit reached",
        "This app has reached its API call traffic limit.", "OAuthException", None),
    80007: (400, "(#80007) Rate limit issues",
            "The WhatsApp Business Account has reached its rate limit.", "OAuthException", None),
    130429: (400, "(#130429) Rate limit hit",
             "Cloud API message throughput has been reached.", "OAuthException", None),
    131056: (400, "(#131056) (Business Account, Consumer Account) pair rate limit hit",
             "Too many messages sent from the sender phone number to the same recipient phone "
             "number in a short period of time.", "OAuthException", None),
    131000: (500, "(#131000) Something went wrong",
             "Message failed to send due to an unknown error.", "OAuthException", None),
    131016: (503, "(#131016) Service unavailable",
             "A service is temporarily unavailable.", "OAuthException", None),
    2: (503, "(#2) Service temporarily unavailable",
        "Temporary due to downtime or due to being overloaded.", "OAuthException", None),
    131026: (400, "(#131026) Message Undeliverable",
             "Message failed to send because the recipient's phone number is not a WhatsApp "
             "account or cannot receive this message.", "OAuthException", None),
    131047: (400, "(#131047) Re-engagement message",
             "Message failed to send because more than 24 hours have passed since the customer "
             "last replied to this number.", "OAuthException", None),
    131049: (400, "(#131049) This message was not delivered to maintain healthy ecosystem "
                  "engagement.", "In order to maintain a healthy ecosystem engagement, the "
             "message failed to be delivered.", "OAuthException", None),
    131050: (400, "(#131050) Unable to deliver the message. This recipient has chosen to stop "
                  "receiving marketing messages on WhatsApp from your business.",
             "The user stopped marketing messages.", "OAuthException", None),
    131051: (400, "(#131051) Unsupported message type",
             "Message type is not currently supported.", "OAuthException", None),
    131009: (400, "(#131009) Parameter value is not valid",
             "One or more parameter values are invalid.", "OAuthException", None),
    100: (400, "(#100) Invalid parameter", "Invalid parameter", "OAuthException", None),
    131062: (400, "(#131062) Business-scoped User ID recipients are not supported for this message.",
             "Business-scoped User ID recipients are not supported for this message.", "OAuthException", None),
    132000: (400, "(#132000) Number of parameters does not match the expected number of params",
             "The number of variable parameter values included in the request did not match "
             "the number of variable parameters defined in the template.", "OAuthException", None),
    132001: (404, "(#132001) Template name does not exist in the translation",
             "template name (invitation) does not exist in en", "OAuthException", None),
    132015: (400, "(#132015) Template is Paused",
             "Template is paused due to low quality so it cannot be sent in a template message.",
             "OAuthException", None),
    132016: (400, "(#132016) Template is disabled",
             "Template has been paused too many times due to low quality and is now permanently "
             "disabled.", "OAuthException", None),
    190: (401, "Error validating access token: Session has expired on Tuesday, 02-Jun-26 "
               "07:00:00 PDT. The current time is Tuesday, 02-Jun-26 08:00:00 PDT.",
          "", "OAuthException", 463),
}

INVALID_TOKEN = (401, "Invalid OAuth access token - Cannot parse access token", "",
                 "OAuthException", None)


# What the Cloud API's media endpoint accepts (its "supported media types"): images, stickers, audio,
# video and the documents a phone opens; a CSV goes as text/plain or not at all.
UPLOADABLE_TYPES = frozenset({
    "image/jpeg", "image/png", "image/webp", "audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg",
    "video/mp4", "video/3gpp", "text/plain", "application/pdf", "application/msword", "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
})


def error_body(code: int, message: str | None = None, details: str | None = None,
               subcode: int | None = None) -> tuple[int, dict[str, Any]]:
    """(HTTP status, body) exactly as Meta answers for ``code``."""
    status, default_message, default_details, kind, default_subcode = ERRORS.get(
        code, (400, f"(#{code}) Error", "", "OAuthException", None))
    error: dict[str, Any] = {"message": message or default_message, "type": kind, "code": code}
    if (subcode or default_subcode) is not None:
        error["error_subcode"] = subcode or default_subcode
    text = details if details is not None else default_details
    if text:
        error["error_data"] = {"messaging_product": "whatsapp", "details": text}
    error["fbtrace_id"] = "A" + secrets.token_urlsafe(16)
    return status, {"error": error}


def _digits(phone: str) -> str:
    return re.sub(r"\D", "", str(phone or ""))


# A business-scoped user id as Meta writes it: a country, a dot, letters and digits
# ("US.13491208655302741918"; a parent id has "ENT." after the country).
_USER_ID = re.compile(r"[A-Z]{2}(?:\.[A-Za-z0-9]+)+")


def _address(recipient: str) -> str:
    """Whom a message is for, as the fake keys people: a user id as it is, a phone by its digits."""
    text = str(recipient or "")
    return text if _USER_ID.fullmatch(text) else _digits(text)


def _new_wamid(to_digits: str) -> str:
    raw = (b"\x1c\x18" + bytes([len(to_digits) & 0xFF]) + to_digits.encode()
           + b"\x15\x02\x00\x11\x18\x12" + secrets.token_hex(9).upper().encode() + b"\x00")
    return "wamid." + base64.b64encode(raw).decode().rstrip("=")


# ----------------------------------------------------------------------------- records

@dataclass(frozen=True)
class ReceivedRequest:
    method: str
    path: str
    json: Any
    headers: dict[str, str]
    query: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class SentMessage:
    """A message the fake accepted; indexing reads the payload (``msg["text"]["body"]``)."""

    wamid: str
    payload: dict[str, Any]
    at: float = 0.0  # when it arrived (time.monotonic())

    def __getitem__(self, key: str) -> Any:
        return self.payload[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.payload.get(key, default)

    @property
    def to(self) -> str:
        """The phone digits it was sent to, or the user id (a send to ``recipient``)."""
        return self.payload.get("to") or self.payload["recipient"]

    @property
    def type(self) -> str:
        return self.payload.get("type", "")

    @property
    def text(self) -> str:
        """What the recipient reads: text body, interactive body, or template parameters."""
        kind = self.type
        if kind == "text":
            return self.payload["text"]["body"]
        if kind == "interactive":
            return self.payload["interactive"]["body"]["text"]
        if kind == "template":
            return " | ".join(
                p.get("text", "")
                for c in self.payload["template"].get("components", []) if c.get("type") == "body"
                for p in c.get("parameters", []))
        if kind in ("image", "video", "document"):
            return self.payload[kind].get("caption", "")
        return ""

    @property
    def button_ids(self) -> list[str]:
        """Reply ids a user can tap: interactive button/row ids or template quick-reply payloads."""
        if self.type == "interactive":
            inter = self.payload["interactive"]
            action = inter.get("action", {})
            if inter.get("type") == "button":
                return [b["reply"]["id"] for b in action.get("buttons", [])]
            return [r["id"] for s in action.get("sections", []) for r in s.get("rows", [])]
        if self.type == "template":
            return [p["payload"]
                    for c in self.payload["template"].get("components", [])
                    if c.get("type") == "button" for p in c.get("parameters", [])]
        return []


@dataclass
class _Media:
    data: bytes
    mime_type: str
    filename: str | None = None
    hash: str = field(default_factory=lambda: secrets.token_urlsafe(12))
    trickle: float = 0.0        # seconds between chunks of the download (a slow CDN)
    chunk: int = 1024
    declare_size: bool = True   # file_size and Content-Length (False: neither is sent)


@dataclass
class _Stream:
    """A download written chunk by chunk, with a pause between chunks."""
    data: bytes
    trickle: float
    chunk: int
    declare_size: bool


# ----------------------------------------------------------------------------- validation

def _validation_error(payload: dict[str, Any]) -> tuple[int, str] | None:
    """(code, details) for a payload Meta would refuse, else None."""
    kind = payload.get("type", "text")
    if kind not in payload and kind not in ("reaction",):
        return 100, f"The parameter {kind} is required."
    if kind == "text":
        body = payload["text"].get("body")
        if not body:
            return 100, "The parameter text['body'] is required."
        if len(body) > 4096:
            return 131009, "Param text['body'] must be at most 4096 characters long."
    elif kind == "template":
        tpl = payload["template"]
        if not tpl.get("name") or not tpl.get("language", {}).get("code"):
            return 100, "The parameters template['name'] and template['language']['code'] are required."
        for comp in tpl.get("components", []):
            for param in comp.get("parameters", []):
                text = param.get("text")
                if text is not None and (not text or re.search(r"[\n\t]| {5,}", text)):
                    return 132000 if not text else 100, (
                        "Param text cannot have new-line/tab characters or more than 4 "
                        "consecutive spaces")
    elif kind == "interactive":
        inter = payload["interactive"]
        if not inter.get("body", {}).get("text"):
            return 100, "The parameter interactive['body']['text'] is required."
        if len(inter["body"]["text"]) > 1024:
            return 131009, "Body text must be at most 1024 characters long."
        action = inter.get("action", {})
        if inter.get("type") == "button":
            buttons = action.get("buttons", [])
            if not 1 <= len(buttons) <= 3:
                return 131009, "buttons must have between 1 and 3 items."
            ids = [b.get("reply", {}).get("id") for b in buttons]
            if len(set(ids)) != len(ids):
                return 131009, "Button IDs must be unique."
            for b in buttons:
                title = b.get("reply", {}).get("title", "")
                if not title or len(title) > 20:
                    return 131009, "Button title length invalid. Max length is 20."
        elif inter.get("type") == "list":
            if not action.get("button") or len(action["button"]) > 20:
                return 131009, "Button text length invalid. Max length is 20."
            rows = [r for s in action.get("sections", []) for r in s.get("rows", [])]
            if not 1 <= len(rows) <= 10:
                return 131009, "Total row count exceed max allowed count: 10"
            for section in action.get("sections", []):
                if len(section.get("title", "")) > 24:
                    return 131009, "Section title length invalid. Max length is 24."
            for row in rows:
                if not row.get("title") or len(row["title"]) > 24:
                    return 131009, "Row title length invalid. Max length is 24."
                if len(row.get("description", "")) > 72:
                    return 131009, "Row description length invalid. Max length is 72."
        else:
            return 131009, f"Interactive type {inter.get('type')!r} is not supported here."
    return None


# ----------------------------------------------------------------------------- the server

class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024
    allow_reuse_address = True

    def __init__(self, fake: "FakeGraphAPI") -> None:
        self.fake = fake
        super().__init__(("127.0.0.1", 0), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (timeout tests) leaves a broken pipe behind: not news.
        import sys

        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError, OSError)):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.fake._track(self.connection, open_=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.fake._track(self.connection, open_=False)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _stream(self, status: int, body: _Stream, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if body.declare_size:
            self.send_header("Content-Length", str(len(body.data)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        stopping = self.server.fake._stopping
        try:
            for start in range(0, len(body.data), body.chunk):
                self.wfile.write(body.data[start:start + body.chunk])
                self.wfile.flush()
                if body.trickle and stopping.wait(body.trickle):
                    return
        except OSError:
            return  # the client gave up

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        status, body, content_type = self.server.fake._handle(method, self.path, self.headers, raw)
        if isinstance(body, _Stream):
            return self._stream(status, body, content_type)
        if isinstance(body, (dict, list)):
            data = json.dumps(body).encode()
            content_type = "application/json; charset=UTF-8"
        else:
            data = body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        # Headers and body in one send: no Nagle/delayed-ACK stall, one syscall.
        self._headers_buffer.append(b"\r\n" + data)
        self.flush_headers()


class FakeGraphAPI:
    """Meta's Graph API for the WhatsApp Cloud API, on 127.0.0.1 and a free port."""

    def __init__(self, access_token: str = "test-access-token",
                 phone_number_id: str = "1234567890", api_version: str = "v20.0") -> None:
        self.access_token = access_token
        self.phone_number_id = str(phone_number_id)
        self.api_version = api_version
        self.latency = 0.0
        self.window_enforced = True
        # What GET /<phone number id> reports as the number's messaging limit (a test of a
        # new number sets "TIER_250").
        self.messaging_limit_tier = "TIER_UNLIMITED"
        self._cond = threading.Condition(threading.RLock())
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._connections: set[socket.socket] = set()
        self.reset()

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> "FakeGraphAPI":
        if self._server is not None:
            return self
        self._stopping.clear()
        self._server = _Server(self)
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05},
                                        name="fake-graph-api", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        self._stopping.set()
        server.shutdown()
        server.server_close()
        with self._cond:
            connections = list(self._connections)
            self._connections.clear()
        for conn in connections:  # kept-alive connections would otherwise outlive the server
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> "FakeGraphAPI":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"FakeGraphAPI({self.base_url if self._server else 'stopped'}, sent={self.count()})"

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("FakeGraphAPI is not started")
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        """The environment variables that point the bot at this fake."""
        return {
            "WHATSAPP_API_BASE_URL": self.base_url,
            "WHATSAPP_API_VERSION": self.api_version,
            "WHATSAPP_PHONE_NUMBER_ID": self.phone_number_id,
            "WHATSAPP_ACCESS_TOKEN": self.access_token,
        }

    def make_client(self, **kwargs: Any):
        """A real :class:`bot.whatsapp.CloudAPIClient` aimed at this fake."""
        from bot.whatsapp.client import CloudAPIClient

        return CloudAPIClient(self.base_url, self.api_version, self.phone_number_id,
                              kwargs.pop("access_token", self.access_token), **kwargs)

    def _track(self, conn: socket.socket, open_: bool) -> None:
        with self._cond:
            if open_:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)

    # -- behaviour -------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget what was received and every injected behaviour (windows included)."""
        with self._cond:
            self.requests: list[ReceivedRequest] = []
            self.sent: list[SentMessage] = []
            self.read_marks: list[str] = []
            self._windows: set[str] = set()
            self._throttle: list[int] = []
            self._fail_next: list[tuple[int, int | None]] = []
            self._fail_uploads: list[int] = []
            self._fail_numbers: dict[str, int] = {}
            self._token_expired = False
            self._media: dict[str, _Media] = {}
            self._generation = getattr(self, "_generation", 0) + 1
            self._cond.notify_all()

    def open_window(self, phone: str) -> None:
        """The user (a phone, or a business-scoped user id) wrote in: free-form messages to
        them are allowed."""
        with self._cond:
            self._windows.add(_address(phone))

    def close_window(self, phone: str) -> None:
        with self._cond:
            self._windows.discard(_address(phone))

    def has_window(self, phone: str) -> bool:
        with self._cond:
            return _address(phone) in self._windows

    def throttle_next(self, n: int = 1, code: int = 130429) -> None:
        """The next ``n`` sends answer Meta's rate-limit error (130429, or 131056 for pair rate)."""
        with self._cond:
            self._throttle.extend([code] * n)

    def fail_next(self, n: int = 1, code: int = 131000, http_status: int | None = None) -> None:
        """The next ``n`` sends fail with ``code``'s real body (``http_status`` overrides Meta's)."""
        with self._cond:
            self._fail_next.extend([(code, http_status)] * n)

    def fail_uploads(self, n: int = 1, code: int = 131016) -> None:
        """The next ``n`` media uploads fail with ``code``'s real body (131016: service unavailable)."""
        with self._cond:
            self._fail_uploads.extend([code] * n)

    def fail_number(self, phone: str, code: int = 131026) -> None:
        """Every send to ``phone`` (or a user id) fails with ``code`` (e.g. 131026, not on WhatsApp;
        131062, a message that cannot go to a business-scoped user id)."""
        with self._cond:
            self._fail_numbers[_address(phone)] = code

    def clear_failures(self) -> None:
        with self._cond:
            self._throttle.clear()
            self._fail_next.clear()
            self._fail_uploads.clear()
            self._fail_numbers.clear()

    def expire_token(self) -> None:
        """Every request now gets 401, code 190, "Session has expired"."""
        with self._cond:
            self._token_expired = True

    def renew_token(self) -> None:
        with self._cond:
            self._token_expired = False

    def add_media(self, media_id: str, data: bytes, mime_type: str,
                  filename: str | None = None, *, trickle: float = 0.0, chunk: int = 1024,
                  declare_size: bool = True) -> None:
        """A file to download; `trickle` sends it `chunk` bytes at a time with pauses, and
        `declare_size=False` leaves out its size (file_size, Content-Length)."""
        with self._cond:
            self._media[str(media_id)] = _Media(data, mime_type, filename, trickle=trickle, chunk=chunk,
                                                declare_size=declare_size)

    def downloads(self, media_id: str | None = None) -> int:
        """How many times a media file's bytes were requested."""
        with self._cond:
            return sum(1 for r in self.requests if r.method == "GET"
                       and r.path.endswith("/attachments/")
                       and (media_id is None or (r.query.get("mid") or [""])[0] == str(media_id)))

    def media(self, media_id: str) -> tuple[bytes, str, str | None]:
        """What was uploaded (or added) as ``media_id``: (data, mime type, filename)."""
        with self._cond:
            item = self._media[str(media_id)]
            return item.data, item.mime_type, item.filename

    # -- what was received -----------------------------------------------------------------

    def sent_to(self, phone: str) -> list[SentMessage]:
        """What was accepted for ``phone`` (any spelling of the number) or for a user id."""
        target = _address(phone)
        with self._cond:
            return [m for m in self.sent if _address(m.to) == target]

    def count(self, phone: str | None = None) -> int:
        """How many messages were accepted (to ``phone``, or to anyone)."""
        with self._cond:
            return len(self.sent) if phone is None else len(self.sent_to(phone))

    def message_requests(self) -> list[ReceivedRequest]:
        """Every POST to /messages, accepted or not (mark-as-read excluded)."""
        with self._cond:
            return [r for r in self.requests
                    if r.method == "POST" and r.path.endswith("/messages")
                    and isinstance(r.json, dict) and r.json.get("status") != "read"]

    def wait_for(self, predicate: Callable[[], Any], timeout: float = 10.0,
                 message: str | None = None) -> Any:
        """Wait until ``predicate()`` is truthy; returns its value or fails with a summary."""
        deadline = time.monotonic() + timeout
        while True:
            with self._cond:
                generation = self._generation
            # The predicate runs outside the lock: it may query a database or call the fake.
            value = predicate()
            if value:
                return value
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            with self._cond:
                if self._generation == generation:
                    # Woken at once by every request; the short cap also notices conditions
                    # that depend on something other than this fake (a database row).
                    self._cond.wait(min(remaining, 0.05))
        with self._cond:
            last = self.requests[-1] if self.requests else None
            summary = (f"{len(self.requests)} requests received, {len(self.sent)} messages "
                       f"accepted; last request: "
                       f"{(last.method + ' ' + last.path + ' ' + json.dumps(last.json)[:300]) if last else 'none'}")
        raise AssertionError(f"{message or 'condition not met'} within {timeout}s: {summary}")

    def wait_for_count(self, n: int, phone: str | None = None, timeout: float = 10.0) -> None:
        self.wait_for(lambda: self.count(phone) >= n, timeout,
                      f"expected {n} accepted messages" + (f" to {phone}" if phone else ""))

    # -- request handling (runs on the server's threads) -----------------------------------

    def _handle(self, method: str, target: str, headers: Any, raw: bytes
                ) -> tuple[int, dict[str, Any] | bytes, str]:
        if self.latency:
            self._stopping.wait(self.latency)
        url = urlsplit(target)
        path = url.path
        content_type = headers.get("Content-Type", "")
        parsed: Any = None
        if raw and "json" in content_type:
            try:
                parsed = json.loads(raw)
            except ValueError:
                parsed = None
        record = ReceivedRequest(method, path, parsed, {k: v for k, v in headers.items()},
                                 parse_qs(url.query))
        with self._cond:
            self.requests.append(record)
            try:
                status, body = self._route(method, path, url.query, headers, raw, parsed)
            finally:
                self._generation += 1
                self._cond.notify_all()
        if isinstance(body, tuple):  # (bytes, mime) for downloads
            return status, body[0], body[1]
        return status, body, "application/json"

    def _auth_error(self, headers: Any) -> tuple[int, dict[str, Any]] | None:
        auth = headers.get("Authorization", "")
        if self._token_expired:
            return error_body(190)
        if auth != f"Bearer {self.access_token}":
            status, message, _, _, _ = INVALID_TOKEN
            return status, {"error": {"message": message, "type": "OAuthException", "code": 190,
                                      "fbtrace_id": "A" + secrets.token_urlsafe(16)}}
        return None

    def _route(self, method: str, path: str, query: str, headers: Any, raw: bytes,
               parsed: Any) -> tuple[int, Any]:
        denied = self._auth_error(headers)
        if denied:
            return denied
        parts = [p for p in path.split("/") if p]
        if parts[:2] == ["whatsapp_business", "attachments"] and method == "GET":
            return self._download(parse_qs(query))
        if len(parts) < 2 or parts[0] != self.api_version:
            return error_body(100, "Unknown path components: " + path, "", 2500)
        if method == "POST" and len(parts) == 3 and parts[2] in ("messages", "media"):
            if parts[1] != self.phone_number_id:
                return error_body(
                    100, f"Unsupported post request. Object with ID '{parts[1]}' does not exist, "
                         "cannot be loaded due to missing permissions, or does not support this "
                         "operation.", "", 33)
            if parts[2] == "messages":
                return self._messages(parsed, raw)
            with self._cond:
                failing = self._fail_uploads.pop(0) if self._fail_uploads else None
            if failing is not None:
                return error_body(failing)
            return self._upload(headers, raw)
        if method == "GET" and len(parts) == 2 and parts[1] == self.phone_number_id:
            return 200, {"id": self.phone_number_id, "display_phone_number": "+1 555-010-0000",
                         "quality_rating": "GREEN",
                         "whatsapp_business_manager_messaging_limit": {"current_limit": self.messaging_limit_tier}}
        if method == "GET" and len(parts) == 2:
            return self._media_info(parts[1])
        return error_body(100, f"Unsupported {method.lower()} request.", "", 33)

    def _messages(self, payload: Any, raw: bytes) -> tuple[int, dict[str, Any]]:
        if not isinstance(payload, dict):
            return error_body(100, "(#100) The parameter messaging_product is required.", "")
        if payload.get("messaging_product") != "whatsapp":
            return error_body(100, "(#100) The parameter messaging_product is required.", "")
        if payload.get("status") == "read":
            if not payload.get("message_id"):
                return error_body(100, "(#100) The parameter message_id is required.", "")
            self.read_marks.append(payload["message_id"])
            return 200, {"success": True}
        to, recipient = payload.get("to"), payload.get("recipient")
        if not to and not recipient:
            return error_body(100, "(#100) The parameter to is required.", "")
        if not to and not (isinstance(recipient, str) and _USER_ID.fullmatch(recipient)):
            return error_body(100, details="Invalid parameter recipient: not a business-scoped user id.")
        invalid = _validation_error(payload)
        if invalid:
            code, details = invalid
            return error_body(code, details=details)
        if self._fail_next:
            code, http_status = self._fail_next.pop(0)
            status, body = error_body(code)
            return http_status or status, body
        if self._throttle:
            return error_body(self._throttle.pop(0))
        address = _digits(to) if to else recipient  # "to" wins when both are given
        if address in self._fail_numbers:
            return error_body(self._fail_numbers[address])
        kind = payload.get("type", "text")
        if kind != "template" and self.window_enforced and address not in self._windows:
            return error_body(131047)
        wamid = _new_wamid(address)
        self.sent.append(SentMessage(wamid, payload, time.monotonic()))
        message: dict[str, Any] = {"id": wamid}
        if kind == "template":
            message["message_status"] = "accepted"
        # Meta names the recipient as given: by wa_id for a phone, by user_id for a user id.
        contact = {"input": to, "wa_id": address} if to else {"input": recipient, "user_id": recipient}
        return 200, {"messaging_product": "whatsapp", "contacts": [contact], "messages": [message]}

    def _media_info(self, media_id: str) -> tuple[int, dict[str, Any]]:
        item = self._media.get(media_id)
        if item is None:
            return error_body(
                100, f"Unsupported get request. Object with ID '{media_id}' does not exist, "
                     "cannot be loaded due to missing permissions, or does not support this "
                     "operation.", "", 33)
        import hashlib

        return 200, {
            "messaging_product": "whatsapp",
            "url": (f"{self.base_url}/whatsapp_business/attachments/?mid={media_id}"
                    f"&ext={int(time.time())}&hash={item.hash}"),
            "mime_type": item.mime_type,
            "sha256": hashlib.sha256(item.data).hexdigest(),
            **({"file_size": len(item.data)} if item.declare_size else {}),
            "id": media_id,
        }

    def _download(self, query: dict[str, list[str]]) -> tuple[int, Any]:
        media_id = (query.get("mid") or [""])[0]
        item = self._media.get(media_id)
        if item is None or (query.get("hash") or [""])[0] != item.hash:
            return 404, (b"", "text/plain")
        if item.trickle or not item.declare_size:
            return 200, (_Stream(item.data, item.trickle, item.chunk, item.declare_size), item.mime_type)
        return 200, (item.data, item.mime_type)

    def _upload(self, headers: Any, raw: bytes) -> tuple[int, dict[str, Any]]:
        content_type = headers.get("Content-Type", "")
        if not content_type.startswith("multipart/form-data"):
            return error_body(100, "(#100) The parameter file is required.", "")
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw)
        fields: dict[str, Any] = {}
        file_part = None
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if name == "file":
                file_part = part
            elif name:
                fields[name] = part.get_payload(decode=True).decode()
        if fields.get("messaging_product") != "whatsapp":
            return error_body(100, "(#100) The parameter messaging_product is required.", "")
        if file_part is None:
            return error_body(100, "(#100) The parameter file is required.", "")
        data = file_part.get_payload(decode=True) or b""
        mime = fields.get("type") or file_part.get_content_type()
        if mime not in UPLOADABLE_TYPES:   # Meta takes only the types WhatsApp can show (no text/csv)
            return error_body(100, "(#100) Param file must be a file with one of the following types: "
                              + ", ".join(sorted(UPLOADABLE_TYPES)) + f". Received file of type '{mime}'.", "")
        media_id = str(secrets.randbelow(10**15) + 10**15)
        self._media[media_id] = _Media(data, mime, file_part.get_filename())
        return 200, {"id": media_id}


@pytest.fixture
def fake_graph():
    """A started FakeGraphAPI (token "test-access-token", number id "1234567890", v20.0)."""
    with FakeGraphAPI(access_token="test-access-token", phone_number_id="1234567890",
                      api_version="v20.0") as fake:
        yield fake
