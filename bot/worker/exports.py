"""The `export` command's file: the event's guest list written as an Excel workbook in the
reader's language, uploaded through the Graph API's media endpoint, sent as a document.

Runs on the worker's job lane, as charts do: the sheet is written in one short transaction,
the upload happens outside any, and the document message is queued together with the mark
that the job is done. When the upload fails the organiser gets a line saying so instead.
Its columns are the ones a guest list file is read by, so the file can be sent back as a list.
"""
from __future__ import annotations

import logging
import re
import uuid

from storage.models import Event, User

from bot.services import guest_csv, guests, languages, outbox, questions
from bot.services.errors import DomainError
from bot.text import i18n, replies
from bot.whatsapp.client import WhatsAppError
from bot.worker.jobs import finish as finish_job

log = logging.getLogger("bot.exports")

_UNSAFE_NAME = re.compile(r"[\\/:*?\"<>|\x00-\x1f]+")


def run_export(rt, row) -> bool:
    """Write and send one guest list. False when the job was no longer ours."""
    job = row.payload or {}
    user_id, event_id = uuid.UUID(job["user_id"]), uuid.UUID(job["event_id"])
    data = caption = filename = problem = None
    with rt.transaction() as session:
        user = session.get(User, user_id)
        if user is None:
            return _done(rt, row, None)
        phone, lang = user.phone, languages.organiser_language(user)
        with i18n.use(lang):
            try:
                data, caption, filename = _workbook(session, user, event_id, lang)
            except DomainError as exc:  # the event went, or the role changed, meanwhile
                problem = exc.message
    media_id = None
    if data is not None:
        try:
            media_id = rt.transport.upload_media(data, guest_csv.XLSX_MIME, filename)
        except WhatsAppError as exc:
            log.warning("uploading a guest list failed: %s", exc)
            with i18n.use(lang):
                problem = i18n._(replies.EXPORT_FAILED)
    message = (outbox.media("document", media_id, caption=caption, filename=filename) if media_id
               else outbox.text(problem))
    return _done(rt, row, message, phone=phone, user_id=user_id)


def _workbook(session, user: User, event_id, lang: str) -> tuple[bytes, str, str]:
    found, _total = guests.list_guests(session, user, event_id, limit=None)
    event = session.get(Event, event_id)
    asked = [q["text"] for q in event.questions or []]
    header = [i18n._(name) for name in replies.SHEET_COLUMNS] + asked
    rows = []
    for guest in found:
        answered = guest.answered_at.date() if guest.answered_at else None
        given = questions.answers_by_text(event, guest) if guest.answers else {}
        rows.append(replies.sheet_row(guest, guests.answer_of(guest), answered, [given.get(q, "") for q in asked]))
    data = guest_csv.guest_workbook(event.name, header, rows, rtl=i18n.direction(lang) == "rtl")
    filename = (_UNSAFE_NAME.sub(" ", event.name).strip()[:60] or "guests") + ".xlsx"
    return data, replies.export_caption(event, len(found)), filename


def _done(rt, row, message, phone=None, user_id=None) -> bool:
    with rt.transaction() as session:
        if not finish_job(session, row.id, row.claimed_until):
            return False
        if message is not None:
            outbox.enqueue(session, phone=phone, message=message, kind="reply", user_id=user_id)
    return True
