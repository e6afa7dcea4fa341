"""The `chart` command's picture: drawn from the database, uploaded through the Graph API's
media endpoint, sent as an image with a one-line caption.

Runs on the worker's job lane. The drawing reads in one short transaction, the upload
happens outside any, and the image message is queued together with the mark that the job
is done. Without WhatsApp credentials (the console) or when the upload fails, the
organiser gets a line saying so instead.
"""
from __future__ import annotations

import logging
import uuid

from storage.models import User

from bot.services import charts, languages, outbox
from bot.services.errors import DomainError
from bot.text import i18n, replies
from bot.whatsapp.client import WhatsAppError
from bot.worker.jobs import finish as finish_job

log = logging.getLogger("bot.charts")


def run_chart(rt, row) -> bool:
    """Draw and send one chart. False when the job was no longer ours."""
    job = row.payload or {}
    user_id, event_id = uuid.UUID(job["user_id"]), uuid.UUID(job["event_id"])
    png = caption = problem = None
    with rt.transaction() as session:
        user = session.get(User, user_id)
        if user is None:
            return _done(rt, row, None)
        phone, lang = user.phone, languages.organiser_language(user)
        with i18n.use(lang):
            try:
                event, png = charts.event_chart(session, user, event_id)
                caption = replies.chart_caption(event)
            except DomainError as exc:  # the event went, or the role changed, meanwhile
                problem = exc.message
    media_id = None
    if png is not None:
        try:
            media_id = rt.transport.upload_media(png, "image/png", "chart.png")
        except WhatsAppError as exc:
            log.warning("uploading a chart failed: %s", exc)
            with i18n.use(lang):
                problem = i18n._(replies.CHART_FAILED)
    message = outbox.media("image", media_id, caption=caption) if media_id else outbox.text(problem)
    return _done(rt, row, message, phone=phone, user_id=user_id)


def _done(rt, row, message, phone=None, user_id=None) -> bool:
    with rt.transaction() as session:
        if not finish_job(session, row.id, row.claimed_until):
            return False
        if message is not None:
            outbox.enqueue(session, phone=phone, message=message, kind="reply", user_id=user_id)
    return True
