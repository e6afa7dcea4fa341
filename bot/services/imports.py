"""Guest lists sent to the bot as CSV files: queued as a job, imported by the worker.

The conversation only queues the import (an outbox row of kind IMPORT_JOB); the worker
downloads the file (bot.worker.imports) and calls `import_file` in the transaction that
also marks the job done, so a crash part-way never imports twice.
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from storage.models import Event, User

from bot.services import guests as guest_service
from bot.services import languages, outbox
from bot.services.errors import DomainError
from bot.services.guest_csv import MAX_CSV_BYTES, NotACsv, parse_guest_csv
from bot.text import i18n, replies

IMPORT_JOB = outbox.IMPORT_JOB


def queue_import(session: Session, user: User, event: Event, media, region: str | None) -> None:
    outbox.enqueue(
        session, phone=user.phone, kind=IMPORT_JOB, user_id=user.id, event_id=event.id,
        body=media.filename or "guest list",
        message=outbox.job(IMPORT_JOB, media_id=media.id, filename=media.filename, event_id=str(event.id),
                           user_id=str(user.id), region=region),
    )


def import_file(session: Session, user: User, event_id, data: bytes | None, region, what: str,
                too_large: bool = False) -> str:
    """Import the downloaded file (None: it could not be downloaded, or it was `too_large`
    to fetch); the reply to its sender, in their language (`what`, the file's name or
    "the file", too)."""
    with i18n.use(languages.organiser_language(user)):
        return _import_file(session, user, event_id, data, region, what, too_large)


def _import_file(session: Session, user: User, event_id, data: bytes | None, region, what: str,
                 too_large: bool) -> str:
    if too_large:
        problem = i18n._("That file is too large (over {n} MB).", n=str(MAX_CSV_BYTES // (1024 * 1024)))
        return i18n._("{problem} Nothing was changed.", problem=i18n.Raw(problem))
    if data is None:
        return i18n._(replies.DOWNLOAD_FAILED)
    try:
        rows = parse_guest_csv(data, region)
    except NotACsv as exc:
        return i18n._("{problem} Nothing was changed.", problem=i18n.Raw(str(exc)))
    try:
        with session.begin_nested():
            result = guest_service.import_guests(session, user, event_id, rows, region)
            event = session.get(Event, event_id)
            return replies.import_summary(event, result, what=what, reader=user.id)
    except DomainError as exc:  # the role changed, or the event was deleted, meanwhile
        return exc.message
