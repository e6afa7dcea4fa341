"""The webhook edge: Meta's handshake and its signed deliveries.

The POST reads the raw body (never more than Meta's largest delivery), checks the
signature on those exact bytes, parses, and stores every message and status of the
delivery in one transaction: messages under their `wamid` (INSERT ... ON CONFLICT DO
NOTHING, so a redelivery stores nothing twice), statuses for the worker to apply. Then
it commits and answers 200 (bot.whatsapp.deliveries). Nothing of the conversation runs
here: the worker answers each stored message (bot.worker.answering), woken on PostgreSQL
by the NOTIFY the web process sends once the rows are committed.
"""
from __future__ import annotations

import json
import logging
from http import HTTPStatus

import psycopg
from flask import Blueprint, Response, request
from sqlalchemy.exc import InterfaceError, OperationalError

from bot.logs import mask_phone
from bot.runtime import current as current_runtime
from bot.whatsapp import inbound
from bot.whatsapp.client import mask_user_id
from bot.whatsapp.deliveries import Outcome, raw_messages, store_delivery

bp = Blueprint("webhook", __name__)
log = logging.getLogger("bot.webhook")

OK_BODY = b'{"status":"ok"}\n'
_READ_CHUNK = 64 * 1024


# --------------------------------------------------------------------------- HTTP


@bp.get("/webhook")
def handshake():
    challenge = inbound.verify_handshake(
        request.args.get("hub.mode"),
        request.args.get("hub.verify_token"),
        request.args.get("hub.challenge"),
        current_runtime().settings.whatsapp_verify_token,
    )
    if challenge is None:
        log.warning("webhook handshake refused (mode=%r)", request.args.get("hub.mode"))
        status, body = _error(403, "the verify token does not match")
        return Response(body, status=status, mimetype="application/json")
    log.info("webhook handshake accepted")
    return Response(challenge, status=200, mimetype="text/plain")


@bp.post("/webhook")
def receive():
    """The route as Flask serves it; `FastLane` answers the same POSTs before Flask does."""
    raw = _read_body(request.stream, request.content_length, inbound.MAX_BODY_BYTES)
    status, body = accept(current_runtime(), raw, request.headers.get(inbound.SIGNATURE_HEADER))
    return Response(body, status=status, mimetype="application/json")


def accept(rt, raw: bytes | None, signature: str | None) -> tuple[int, bytes]:
    """One signed delivery: verified, parsed and stored, or refused with a reason. The
    status and JSON body to answer Meta with."""
    limit = inbound.MAX_BODY_BYTES
    if raw is None:
        log.warning("webhook refused: body over %d bytes", limit)
        return _error(413, "payload too large")
    if not inbound.verify_signature(raw, signature, rt.settings.whatsapp_app_secret):
        log.warning("webhook refused: missing or wrong %s (%d bytes)", inbound.SIGNATURE_HEADER, len(raw))
        return _error(403, "invalid signature")
    try:
        payload = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        log.warning("webhook refused: signed body is not JSON (%d bytes)", len(raw))
        return _error(400, "malformed JSON")
    if not isinstance(payload, dict):
        log.warning("webhook refused: signed body is JSON but not an object")
        return _error(400, "a delivery is a JSON object")

    if inbound.needs_cleaning(raw):
        payload = inbound.clean(payload)  # no NUL or lone surrogate reaches the database
    parsed = inbound.parse_delivery(payload)
    _drop_other_numbers(parsed, rt.settings.whatsapp_phone_number_id)
    try:
        outcome = store_delivery(rt, parsed, raw_messages(payload))
    except (OperationalError, InterfaceError, psycopg.OperationalError) as exc:
        # the database is down, restarting or failing over (the API's rule too): Meta delivers again
        log.error("webhook delivery not stored, the database is unavailable (Meta delivers it again): %s",
                  type(getattr(exc, "orig", None) or exc).__name__)
        return _error(503, "the database is unavailable; deliver again later")
    _log_delivery(parsed, outcome)
    return 200, OK_BODY


class FastLane:
    """POST /webhook answered as plain WSGI, in front of Flask.

    Meta's deliveries are the busiest traffic by far (every status of every message sent)
    and their answer is only "stored": the request context, session, URL map and response
    object Flask builds for each request cost more than verifying and storing the
    delivery. Every other request, and any error here, goes on to Flask."""

    def __init__(self, app, runtime) -> None:
        self.app, self.runtime = app, runtime

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != "/webhook" or environ.get("REQUEST_METHOD") != "POST":
            return self.app(environ, start_response)
        try:
            length = int(environ["CONTENT_LENGTH"]) if environ.get("CONTENT_LENGTH") else None
        except ValueError:
            length = None
        raw = _read_body(environ["wsgi.input"], length, inbound.MAX_BODY_BYTES)
        try:
            status, body = accept(self.runtime, raw, environ.get("HTTP_X_HUB_SIGNATURE_256"))
        except Exception:  # noqa: BLE001 - a bug: logged, and Meta delivers it again
            log.exception("webhook delivery failed")
            status, body = _error(500, "something went wrong on our side; it has been logged")
        start_response(f"{status} {HTTPStatus(status).phrase}", [("Content-Type", "application/json"),
                                              ("Content-Length", str(len(body)))])
        return [body]


def _drop_other_numbers(parsed: inbound.Delivery, number_id: str | None) -> None:
    """Updates for another phone number of the account are not ours to store or answer."""
    if not number_id:
        return
    for name in ("messages", "statuses"):
        updates = getattr(parsed, name)
        ours = [u for u in updates if u.phone_number_id in (None, number_id)]
        if len(ours) != len(updates):
            parsed.ignored.append(inbound.IgnoredUpdate(
                f"{len(updates) - len(ours)} {name} for another phone number id"))
            setattr(parsed, name, ours)


def _read_body(stream, length: int | None, limit: int) -> bytes | None:
    """The raw body, or None when it is longer than ``limit`` (chunked uploads included)."""
    if length is not None and length > limit:
        return None
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(_READ_CHUNK, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            return None
    return b"".join(chunks)


_CODES = {400: "bad_request", 403: "forbidden", 413: "too_large", 500: "internal_error", 503: "unavailable"}


def _error(status: int, message: str) -> tuple[int, bytes]:
    body = json.dumps({"error": {"code": _CODES[status], "message": message}}, ensure_ascii=False)
    return status, body.encode() + b"\n"


LOGGED_SENDERS = 5  # a delivery of 1,000 messages logs one short line, not 1,000 numbers


def _log_delivery(parsed: inbound.Delivery, outcome: Outcome) -> None:
    if not log.isEnabledFor(logging.INFO):
        return
    distinct = sorted(set(outcome.senders))
    senders = ", ".join(mask_sender(s) for s in distinct[:LOGGED_SENDERS]) or "-"
    if len(distinct) > LOGGED_SENDERS:
        senders += f" and {len(distinct) - LOGGED_SENDERS} more"
    log.info(
        "webhook delivery: %d message(s) (%d new, %d duplicate%s), %d status(es) stored, "
        "%d ignored, %d error(s); from %s",
        len(parsed.messages) + outcome.rejected, outcome.stored, outcome.duplicates,
        f", {outcome.rejected} kept raw" if outcome.rejected else "", outcome.statuses,
        len(parsed.ignored), len(parsed.errors), senders,
    )
    for item in parsed.ignored:
        log.info("webhook ignored: %s%s", item.reason, f" ({item.detail})" if item.detail else "")
    for error in parsed.errors:
        log.warning("webhook delivery carries an error from Meta: %s", error.describe())


def mask_sender(key: str) -> str:
    """A sender key fit for a log line: a masked phone, or a user id's first characters."""
    if key.startswith("user:"):
        return "user:" + mask_user_id(key[len("user:"):])
    return key if key == "unknown" else mask_phone(key)


