"""The `export` command's file: the event's guest list written as an Excel workbook in the
reader's language, sent as a document (made, uploaded and queued as bot.worker.files does for
every file it sends). Its columns are the ones a guest list file is read by, so the file can be
sent back as a list.
"""
from __future__ import annotations

import re

from storage.models import Event, User

from bot.services import guest_csv, guests, questions
from bot.text import i18n, replies
from bot.worker.files import Made, send_file

_UNSAFE_NAME = re.compile(r"[\\/:*?\"<>|\x00-\x1f]+")


def run_export(rt, row) -> bool:
    """Write and send one guest list. False when the job was no longer ours."""
    return send_file(rt, row, _workbook, kind="document", failed=replies.EXPORT_FAILED, what="a guest list")


def _workbook(session, user: User, event_id, lang: str) -> Made:
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
    return Made(data, guest_csv.XLSX_MIME, filename, replies.export_caption(event, len(found)))

