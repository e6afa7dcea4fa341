"""The webhook edge: Meta's handshake and its signed deliveries.

The POST reads the raw body (never more than Meta's largest delivery), checks the
signature on those exact bytes, then parses. Each inbound message is stored under its
`wamid` in its own transaction, together with whatever the conversation does about it
(replies are outbox rows in that same transaction), so the answer to Meta (200) comes
only after the message is safely stored, and a retried delivery changes nothing.
"""
from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass, field

from flask import Blueprint, Flask, Response, jsonify, request
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from storage.db import is_postgres
from storage.models import Direction, Message, MessageStatus, utcnow

from . import delivery as status_delivery
from . import inbound, outbox, users
from .whatsapp import mask_phone, text_payload

bp = Blueprint("webhook", __name__)
log = logging.getLogger("bot.webhook")

APOLOGY = "Sorry, something went wrong on my side. Please try again in a minute."
_READ_CHUNK = 64 * 1024


class Duplicate(Exception):
    """This wamid was stored before: Meta delivered it again."""


@dataclass
class Outcome:
    stored: int = 0
    duplicates: int = 0
    failed_handlers: int = 0
    unanswered: int = 0  # from senders known only by a user id: no phone to answer
    statuses_applied: int = 0
    statuses_kept: int = 0  # for sends not recorded yet
    senders: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- HTTP


@bp.get("/webhook")
def handshake():
    from . import runtime

    challenge = inbound.verify_handshake(
        request.args.get("hub.mode"),
        request.args.get("hub.verify_token"),
        request.args.get("hub.challenge"),
        runtime().settings.whatsapp_verify_token,
    )
    if challenge is None:
        log.warning("webhook handshake refused (mode=%r)", request.args.get("hub.mode"))
        return Response("Forbidden", status=403, mimetype="text/plain")
    log.info("webhook handshake accepted")
    return Response(challenge, status=200, mimetype="text/plain")


@bp.post("/webhook")
def receive():
    from . import runtime

    rt = runtime()
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
    outcome = process_delivery(rt, parsed, raw_messages(payload))
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
    senders = ", ".join(sorted({_mask_sender(s) for s in outcome.senders})) or "-"
    log.info(
        "webhook delivery: %d message(s) (%d new, %d duplicate, %d handler error%s), "
        "%d status(es) (%d applied%s), %d ignored, %d error(s); from %s",
        len(parsed.messages), outcome.stored, outcome.duplicates, outcome.failed_handlers,
        f", {outcome.unanswered} not answered: sender has a user id but no phone" if outcome.unanswered else "",
        len(parsed.statuses), outcome.statuses_applied,
        f", {outcome.statuses_kept} kept until their send is recorded" if outcome.statuses_kept else "",
        len(parsed.ignored), len(parsed.errors),
        senders,
    )
    for item in parsed.ignored:
        log.info("webhook ignored: %s%s", item.reason, f" ({item.detail})" if item.detail else "")
    for error in parsed.errors:
        log.warning("webhook delivery carries an error from Meta: %s", error.describe())


USER_ID_SHOWN = 7  # characters of a business-scoped user id shown in logs ("US.1349...")


def _mask_sender(key: str) -> str:
    if key.startswith("user:"):
        user_id = key[len("user:"):]
        return "user:" + (user_id if len(user_id) <= USER_ID_SHOWN else user_id[:USER_ID_SHOWN] + "...")
    return key if key == "unknown" else mask_phone(key)


# --------------------------------------------------------------------------- processing


def raw_messages(payload: dict) -> dict[str, dict]:
    """Each message dict of a delivery as Meta sent it, by wamid (stored with the message)."""
    found: dict[str, dict] = {}
    for entry in payload.get("entry") or []:
        if not isinstance(entry, dict):
            continue
        for change in entry.get("changes") or []:
            value = change.get("value") if isinstance(change, dict) else None
            messages = value.get("messages") if isinstance(value, dict) else None
            for item in messages if isinstance(messages, list) else []:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    found[item["id"]] = item
    return found


def process_delivery(rt, parsed: inbound.Delivery, raw: dict[str, dict] | None = None) -> Outcome:
    """Store and handle every message (one transaction each), then apply the statuses."""
    outcome = Outcome()
    raw = raw or {}
    for msg in parsed.messages:
        outcome.senders.append(msg.sender_key)
        result = handle_inbound(rt, msg, raw.get(msg.wamid))
        if result == "duplicate":
            outcome.duplicates += 1
        else:
            outcome.stored += 1
            if result in ("apology", "failed_no_phone"):
                outcome.failed_handlers += 1
            if result in ("no_phone", "failed_no_phone"):
                outcome.unanswered += 1
    if parsed.statuses:
        counts = apply_statuses(rt, parsed.statuses)
        outcome.statuses_applied, outcome.statuses_kept = counts.applied, counts.kept
    return outcome


def handle_inbound(rt, msg: inbound.InboundMessage, raw: dict | None = None) -> str:
    """Store one inbound message and let the conversation act on it, all or nothing.

    Returns "stored", "duplicate" or "apology" (the handler failed: the message was
    stored with an apology queued instead of whatever the handler would have done).
    A sender known only by a business-scoped user id has no phone to answer: their
    message is stored, and "no_phone" ("failed_no_phone" when the handler failed: no
    apology either) lets the delivery log count it. Nothing is ever sent to a user id.
    """
    for attempt in (1, 2):
        try:
            with rt.transaction() as session:
                user, _ = _store(session, msg, raw)
                _converse(session, rt, user, msg)
            return "stored" if user.phone else "no_phone"
        except Duplicate:
            return "duplicate"
        except DBAPIError as exc:
            if attempt == 1 and exc.connection_invalidated:
                # The database dropped the pooled connection (a restart, a failover): the
                # pool is refreshed, so the same message is simply handled again.
                log.warning("database connection lost while handling %s; trying again", msg.wamid)
                continue
            log.exception("handling message %s from %s failed; answering with an apology",
                          msg.wamid, _mask_sender(msg.sender_key))
        except Exception:
            log.exception("handling message %s from %s failed; answering with an apology",
                          msg.wamid, _mask_sender(msg.sender_key))
        break
    try:
        with rt.transaction() as session:
            user, _ = _store(session, msg, raw)
            if not user.phone:
                return "failed_no_phone"
            outbox.enqueue(session, phone=user.phone, payload=text_payload(user.phone, APOLOGY),
                           kind="apology", body=APOLOGY, user_id=user.id)
        return "apology"
    except Duplicate:
        return "duplicate"


def _store(session, msg: inbound.InboundMessage, raw: dict | None):
    """The sender (created or recognised) and the stored message's id; Duplicate if seen.

    The message goes in with INSERT ... ON CONFLICT (wamid) DO NOTHING: a concurrent
    delivery of the same wamid (PostgreSQL) waits for the first and then inserts nothing.
    """
    user = users.get_or_create_user(
        session, phone=msg.sender_phone, wa_user_id=msg.sender_user_id,
        display_name=msg.profile_name, seen_at=utcnow(),
    )
    # Core, not the ORM: this runs for every inbound message and needs only the id back.
    insert = pg_insert if is_postgres(session) else sqlite_insert
    now = utcnow()
    statement = (
        insert(Message.__table__)
        .values(
            id=uuid.uuid4(),
            direction=Direction.inbound,
            wamid=msg.wamid,
            status=MessageStatus.received,
            kind=(msg.kind or "unknown")[:32],
            body=msg.text,
            payload=raw if raw is not None else {"id": msg.wamid, "type": msg.raw_type},
            user_id=user.id,
            phone=msg.sender_phone or user.phone,
            attempts=0,
            created_at=now,
            updated_at=now,
        )
        .on_conflict_do_nothing(index_elements=["wamid"])
        .returning(Message.__table__.c.id)
    )
    message_id = session.execute(statement).scalar()
    if message_id is None:
        raise Duplicate(msg.wamid)
    return user, message_id


def _converse(session, rt, user, msg: inbound.InboundMessage) -> None:
    if rt.on_message is not None:
        rt.on_message(session, rt, user, msg)


def apply_statuses(rt, statuses: list[inbound.StatusUpdate]) -> status_delivery.StatusCounts:
    """Apply the statuses in one transaction; if that fails, one by one (a bad one alone is lost).

    A status for a send the worker has not recorded yet is kept and applied when it is.
    """
    try:
        with rt.transaction() as session:
            return status_delivery.apply_statuses(session, statuses)
    except Exception:
        log.exception("applying %d status update(s) together failed; trying one by one", len(statuses))
    counts = status_delivery.StatusCounts()
    for update in statuses:
        try:
            with rt.transaction() as session:
                one = status_delivery.apply_statuses(session, [update])
            counts.applied += one.applied
            counts.kept += one.kept
        except Exception:
            log.exception("status %s (%s) could not be applied", update.status, update.wamid)
    return counts


def register(app: Flask) -> None:
    app.register_blueprint(bp)
