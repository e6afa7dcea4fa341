"""A file the worker makes for an organiser and sends in the chat: the progress chart, the guest
list as a workbook.

The file is made in one short transaction, in the organiser's language; the upload through the
Graph API's media endpoint happens outside any; the message is queued together with the mark
that the job is done. When the event went or the role changed meanwhile, the organiser is told
why; when the upload fails (or there are no WhatsApp credentials), that it could not be sent.
"""
from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Callable

from storage.models import User

from bot.services import languages, outbox
from bot.services.errors import DomainError
from bot.text import i18n
from bot.whatsapp.client import WhatsAppError
from bot.worker.jobs import finish as finish_job

log = logging.getLogger("bot.files")


@dataclass(frozen=True)
class Made:
    """A file made for the chat: its bytes, type, name and caption."""
    data: bytes
    mime: str
    filename: str
    caption: str


def send_file(rt, row, make: Callable[..., Made], *, kind: str, failed: str, what: str) -> bool:
    """Make (`make(session, user, event_id, lang)`) and send one file as a `kind` message ("image",
    "document"); `failed` is the msgid said when the upload fails, `what` names the file in the log.
    False when the job was no longer ours."""
    job = row.payload or {}
    user_id, event_id = uuid.UUID(job["user_id"]), uuid.UUID(job["event_id"])
    made = problem = None
    with rt.transaction() as session:
        user = session.get(User, user_id)
        if user is None:
            return _done(rt, row, None)
        phone, lang = user.phone, languages.organiser_language(user)
        with i18n.use(lang):
            try:
                made = make(session, user, event_id, lang)
            except DomainError as exc:  # the event went, or the role changed, meanwhile
                problem = exc.message
    media_id = None
    if made is not None:
        try:
            media_id = rt.transport.upload_media(made.data, made.mime, made.filename)
        except WhatsAppError as exc:
            log.warning("uploading %s failed: %s", what, exc)
            with i18n.use(lang):
                problem = i18n._(failed)
    if media_id:
        message = outbox.media(kind, media_id, caption=made.caption,
                               filename=made.filename if kind == "document" else None)
    else:
        message = outbox.text(problem)
    return _done(rt, row, message, phone=phone, user_id=user_id)


def _done(rt, row, message, phone=None, user_id=None) -> bool:
    with rt.transaction() as session:
        if not finish_job(session, row.id, row.claimed_until):
            return False
        if message is not None:
            outbox.enqueue(session, phone=phone, message=message, kind="reply", user_id=user_id)
    return True
