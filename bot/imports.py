"""Guest lists sent to the bot as CSV files.

The webhook only queues the import (answering Meta at once); the worker downloads the
file from the Cloud API, imports it and queues the summary, in one transaction that
also marks the job done, so a crash part-way never imports twice.
"""
from __future__ import annotations

import logging
import uuid

from sqlalchemy import update
from sqlalchemy.orm import Session

from storage.models import Event, Message, MessageStatus, User, utcnow

from . import outbox, replies, whatsapp
from .guest_csv import NotACsv, parse_guest_csv
from .services import guests as guest_service
from .services.errors import DomainError

log = logging.getLogger("bot.imports")

IMPORT_JOB = outbox.IMPORT_JOB


def queue_import(session: Session, user: User, event: Event, media, region: str | None) -> None:
    outbox.enqueue(
        session, phone=user.phone, kind=IMPORT_JOB, user_id=user.id, event_id=event.id,
        body=media.filename or "guest list",
        payload={"job": IMPORT_JOB, "media_id": media.id, "filename": media.filename,
                 "event_id": str(event.id), "user_id": str(user.id), "region": region},
    )


def run_import(rt, row) -> bool:
    """Do one claimed import job (on a worker thread). False when it was no longer ours."""
    job = row.payload or {}
    what = f"“{job['filename']}”" if job.get("filename") else "the file"
    try:
        data, _mime = rt.transport.download_media(job.get("media_id"))
    except whatsapp.WhatsAppError as exc:
        log.warning("downloading media %s failed: %s", job.get("media_id"), exc)
        data = None
    with rt.transaction() as session:
        done = session.execute(
            update(Message)
            .where(Message.id == row.id, Message.status == MessageStatus.sending,
                   Message.claimed_until == row.claimed_until)
            .values(status=MessageStatus.sent, sent_at=utcnow(), claimed_until=None)
        ).rowcount
        if not done:
            return False  # another worker took it over after our lease lapsed
        user = session.get(User, uuid.UUID(job["user_id"]))
        if user is None or not user.phone:
            return True
        text = _import(session, user, uuid.UUID(job["event_id"]), data, job.get("region"), what)
        outbox.enqueue(session, phone=user.phone, payload=whatsapp.text_payload(user.phone, text),
                       kind="reply", body=text, user_id=user.id)
    return True


def _import(session: Session, user: User, event_id, data: bytes | None, region, what: str) -> str:
    if data is None:
        return replies.DOWNLOAD_FAILED
    try:
        rows = parse_guest_csv(data, region)
    except NotACsv as exc:
        return f"{exc} Nothing was changed."
    try:
        with session.begin_nested():
            result = guest_service.import_guests(session, user, event_id, rows, region)
            event = session.get(Event, event_id)
            return replies.import_summary(event, result, what=what)
    except DomainError as exc:  # the role changed, or the event was deleted, meanwhile
        return exc.message
