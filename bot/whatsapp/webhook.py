"""The webhook edge: Meta's handshake and its signed deliveries.

The POST reads the raw body (never more than Meta's largest delivery), checks the
signature on those exact bytes, parses, and stores every message and status of the
delivery in one transaction: messages under their `wamid` (INSERT ... ON CONFLICT DO
NOTHING, so a redelivery stores nothing twice), statuses for the worker to apply. Then
it commits and answers 200. Nothing of the conversation runs here: the worker answers
each stored message (bot.worker.answering), woken on PostgreSQL by NOTIFY.
"""
from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from flask import Blueprint, Response, jsonify, request
from sqlalchemy import text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError

from bot.logs import mask_phone
from bot.runtime import current as current_runtime
from bot.whatsapp import inbound
from bot.whatsapp.statuses import store_statuses
from storage.db import is_postgres
from storage.models import Direction, Message, MessageStatus, utcnow

bp = Blueprint("webhook", __name__)
log = logging.getLogger("bot.webhook")

INBOX_CHANNEL = "invitebot_inbox"  # NOTIFY wakes the worker when a delivery was stored
_READ_CHUNK = 64 * 1024
USER_ID_SHOWN = 7  # characters of a business-scoped user id shown in logs ("US.1349...")


@dataclass
class Outcome:
    stored: int = 0
    duplicates: int = 0
    statuses: int = 0
    senders: list[str] = field(default_factory=list)


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
        return Response("Forbidden", status=403, mimetype="text/plain")
    log.info("webhook handshake accepted")
    return Response(challenge, status=200, mimetype="text/plain")


@bp.post("/webhook")
def receive():
    rt = current_runtime()
    limit = inbound.MAX_BODY_BYTES
    if request.content_length is not None and request.content_length > limit:
        log.warning("webhook refused: body of %d bytes is over %d", request.content_length, limit)
        return _error(413, "payload too large")
    raw = _read_body(limit)
    if raw is None:
        log.warning("webhook refused: body over %d bytes", limit)
        return _error(413, "payload too large")
    if not inbound.verify_signature(raw, request.headers.get(inbound.SIGNATURE_HEADER),
                                    rt.settings.whatsapp_app_secret):
        log.warning("webhook refused: missing or wrong %s (%d bytes)", inbound.SIGNATURE_HEADER, len(raw))
        return _error(403, "invalid signature")
    try:
        payload = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        log.warning("webhook refused: signed body is not JSON (%d bytes)", len(raw))
        return _error(400, "malformed JSON")
    if not isinstance(payload, dict):
        log.warning("webhook refused: signed body is JSON but not an object")
        return _error(400, "a delivery is a JSON object")

    parsed = inbound.parse_delivery(payload)
    outcome = store_delivery(rt, parsed, raw_messages(payload))
    _log_delivery(parsed, outcome)
    return jsonify(status="ok")


def _read_body(limit: int) -> bytes | None:
    """The raw body, or None when it is longer than ``limit`` (chunked uploads included)."""
    stream = request.stream
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


def _error(status: int, message: str):
    return jsonify(error={"code": {400: "bad_request", 403: "forbidden", 413: "too_large"}[status],
                          "message": message}), status


def _log_delivery(parsed: inbound.Delivery, outcome: Outcome) -> None:
    if not log.isEnabledFor(logging.INFO):
        return
    senders = ", ".join(sorted({mask_sender(s) for s in outcome.senders})) or "-"
    log.info(
        "webhook delivery: %d message(s) (%d new, %d duplicate), %d status(es) stored, "
        "%d ignored, %d error(s); from %s",
        len(parsed.messages), outcome.stored, outcome.duplicates, outcome.statuses,
        len(parsed.ignored), len(parsed.errors), senders,
    )
    for item in parsed.ignored:
        log.info("webhook ignored: %s%s", item.reason, f" ({item.detail})" if item.detail else "")
    for error in parsed.errors:
        log.warning("webhook delivery carries an error from Meta: %s", error.describe())


def mask_sender(key: str) -> str:
    """A sender key fit for a log line: a masked phone, or a user id's first characters."""
    if key.startswith("user:"):
        user_id = key[len("user:"):]
        return "user:" + (user_id if len(user_id) <= USER_ID_SHOWN else user_id[:USER_ID_SHOWN] + "...")
    return key if key == "unknown" else mask_phone(key)


# --------------------------------------------------------------------------- storing


def raw_messages(payload: dict) -> dict[str, dict]:
    """Each message of a delivery as Meta sent it, with its change's contacts and
    metadata, by wamid: what the worker parses again when it answers."""
    found: dict[str, dict] = {}
    for entry in payload.get("entry") or []:
        if not isinstance(entry, dict):
            continue
        for change in entry.get("changes") or []:
            value = change.get("value") if isinstance(change, dict) else None
            if not isinstance(value, dict):
                continue
            messages = value.get("messages")
            contacts = value.get("contacts") if isinstance(value.get("contacts"), list) else []
            metadata = value.get("metadata") if isinstance(value.get("metadata"), dict) else {}
            for item in messages if isinstance(messages, list) else []:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    found[item["id"]] = {"message": item, "contacts": contacts, "metadata": metadata}
    return found


def store_delivery(rt, parsed: inbound.Delivery, raw: dict[str, dict] | None = None) -> Outcome:
    """Store every message and status of one delivery, all or nothing, and wake the worker.

    A connection the database dropped (a restart, a failover) is tried once more on a
    fresh one; anything else fails the request, and Meta delivers it again.
    """
    for attempt in (1, 2):
        try:
            with rt.transaction() as session:
                outcome = _store(session, parsed, raw or {})
                if (outcome.stored or outcome.statuses) and is_postgres(session):
                    session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": INBOX_CHANNEL})
            return outcome
        except DBAPIError as exc:
            if attempt == 1 and exc.connection_invalidated:
                log.warning("database connection lost while storing a delivery; trying again")
                continue
            raise
    raise AssertionError("unreachable")


def _store(session, parsed: inbound.Delivery, raw: dict[str, dict]) -> Outcome:
    outcome = Outcome()
    now = utcnow()
    rows = []
    for index, msg in enumerate(parsed.messages):
        outcome.senders.append(msg.sender_key)
        created = now + timedelta(microseconds=index)  # the delivery's own order
        rows.append(dict(
            id=uuid.uuid4(),
            direction=Direction.inbound,
            wamid=msg.wamid,
            status=MessageStatus.received,
            kind=(msg.kind or "unknown")[:32],
            body=msg.text,
            payload=raw.get(msg.wamid) or {"message": {"id": msg.wamid, "type": msg.raw_type}},
            phone=msg.sender_phone,
            sender=msg.sender_key[:160],
            attempts=0,
            next_attempt_at=created,
            sent_at=_sent_at(msg.timestamp, created),
            created_at=created,
            updated_at=created,
        ))
    if rows:
        insert = pg_insert if is_postgres(session) else sqlite_insert
        statement = (insert(Message.__table__).values(rows)
                     .on_conflict_do_nothing(index_elements=["wamid"])
                     .returning(Message.__table__.c.id))
        outcome.stored = len(session.execute(statement).all())
        outcome.duplicates = len(rows) - outcome.stored
    if parsed.statuses:
        outcome.statuses = store_statuses(session, parsed.statuses, now=now)
    return outcome


def _sent_at(timestamp: int | None, received: datetime) -> datetime:
    """When the sender sent it, by Meta's clock; never later than we got it."""
    if timestamp is None:
        return received
    try:
        sent = datetime.fromtimestamp(timestamp, timezone.utc)
    except (OverflowError, OSError, ValueError):
        return received
    return min(sent, received)
