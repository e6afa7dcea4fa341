"""Guest-list import jobs: download the file from the Cloud API, then import it.

Runs on the worker's job lane (one thread beside the sender threads, so a slow download
never holds up a reply). The download happens outside any transaction, stops at the CSV
size limit and a total deadline, and renews the job's claim while it runs; the import,
the reply and the mark that the job is done commit together.
"""
from __future__ import annotations

import logging
import threading
import uuid
from datetime import datetime, timedelta

from sqlalchemy import update

from storage.models import Message, MessageStatus, User, utcnow

from bot.services import languages, outbox
from bot.services.guest_csv import MAX_CSV_BYTES
from bot.services.imports import import_file
from bot.text import i18n
from bot.whatsapp.client import MediaTooLarge, WhatsAppError
from bot.worker.jobs import finish as finish_job

log = logging.getLogger("bot.imports")


class LeaseKeeper:
    """Keeps a long job's claim alive: every third of its lease, the claim is moved on
    (only while it is still ours), so no other worker starts the same job meanwhile."""

    def __init__(self, rt, row_id: uuid.UUID, claimed_until: datetime, lease: float) -> None:
        self.rt = rt
        self.row_id = row_id
        self.claimed_until = claimed_until
        self.lease = lease
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="lease-keeper", daemon=True)

    def __enter__(self) -> "LeaseKeeper":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def renew(self) -> bool:
        new_until = utcnow() + timedelta(seconds=self.lease)
        try:
            with self.rt.transaction() as session:
                renewed = session.execute(
                    update(Message)
                    .where(Message.id == self.row_id, Message.status == MessageStatus.sending,
                           Message.claimed_until == self.claimed_until)
                    .values(claimed_until=new_until)
                ).rowcount
        except Exception:
            log.warning("could not renew the claim of import job %s; trying again", self.row_id, exc_info=True)
            return False
        if renewed:
            self.claimed_until = new_until
        return bool(renewed)

    def _run(self) -> None:
        while not self._stop.wait(self.lease / 3):
            self.renew()


def run_import(rt, row) -> bool:
    """Do one claimed import job (on the job lane). False when it was no longer ours."""
    job = row.payload or {}
    too_large = False
    with LeaseKeeper(rt, row.id, row.claimed_until, row.lease) as keeper:
        try:
            data, _mime = rt.transport.download_media(job.get("media_id"), max_bytes=MAX_CSV_BYTES)
        except MediaTooLarge as exc:
            log.info("media %s is too large to import: %s", job.get("media_id"), exc)
            data, too_large = None, True
        except WhatsAppError as exc:
            log.warning("downloading media %s failed: %s", job.get("media_id"), exc)
            data = None
    with rt.transaction() as session:
        if not finish_job(session, row.id, keeper.claimed_until):
            return False  # another worker took it over after our lease lapsed
        user = session.get(User, uuid.UUID(job["user_id"]))
        if user is None:
            return True
        with i18n.use(languages.organiser_language(user)):
            what = i18n.Raw(i18n._("“{name}”", name=job["filename"]) if job.get("filename")
                            else i18n._("the file"))
        text = import_file(session, user, uuid.UUID(job["event_id"]), data, job.get("region"), what,
                           too_large=too_large)
        outbox.enqueue(session, phone=user.phone, message=outbox.text(text), kind="reply", user_id=user.id)
    return True
