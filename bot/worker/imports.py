"""Guest-list import jobs: download the file from the Cloud API, then import it.

Runs on a sender thread of the worker. The download happens outside any transaction;
the import, the reply and the mark that the job is done commit together.
"""
from __future__ import annotations

import logging
import uuid

from sqlalchemy import update

from storage.models import Message, MessageStatus, User, utcnow

from bot.services import languages, outbox
from bot.services.imports import import_file
from bot.text import i18n
from bot.whatsapp.client import WhatsAppError

log = logging.getLogger("bot.imports")


def run_import(rt, row) -> bool:
    """Do one claimed import job (on a worker thread). False when it was no longer ours."""
    job = row.payload or {}
    try:
        data, _mime = rt.transport.download_media(job.get("media_id"))
    except WhatsAppError as exc:
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
        with i18n.use(languages.organiser_language(user)):
            what = i18n.Raw(i18n._("“{name}”", name=job["filename"]) if job.get("filename")
                            else i18n._("the file"))
        text = import_file(session, user, uuid.UUID(job["event_id"]), data, job.get("region"), what)
        outbox.enqueue(session, phone=user.phone, message=outbox.text(text), kind="reply", user_id=user.id)
    return True

