"""The outbox: every outgoing message is a row written in the caller's transaction.

Services say *what* to send, never *how*: a neutral message (plain words, words with
choices, an invitation for this guest and event) stored as JSON on the row. The worker
hands it to the WhatsApp layer (`bot.whatsapp.render`), which turns it into a Cloud API
payload (text, interactive, template, and the template to fall back on outside the
24-hour window) at the moment it is sent.

Neutral messages are plain dicts with a ``type``:

* ``text``: ``{"type": "text", "text": ..., "outside_window": ..., "language": ...}``
* ``buttons``: ``{"type": "buttons", "text": ..., "buttons": [[id, title], ...]}``
* ``list``: ``{"type": "list", "text": ..., "button": ..., "rows": [[id, title, description], ...],
  "section": ...}``
* ``invitation``: ``{"type": "invitation", "guest_id": ..., "first_name": ..., "event_name": ...,
  "date": "YYYY-MM-DD" | None, "location": ... | None, "reminder": bool, "language": "he"}``; a
  reminder to a guest who wrote in the 24 hours before it was queued also has ``"inside_window": true``:
  it goes in our own words (a reminder that reads as one), the invitation template only its fallback.
* ``media``: ``{"type": "media", "kind": "image"|"audio"|"video"|"document"|"sticker", "id": ...,
  "caption": ..., "filename": ...}``: a file sent by its WhatsApp media id (a guest's photo
  forwarded to an organiser); only inside the 24-hour window, there is no template for it.
* ``location``: ``{"type": "location", "latitude": ..., "longitude": ..., "name": ..., "address": ...}``
* ``job``: work for the worker that is not a message (a guest list to import).

``outside_window`` holds the words to carry in the broadcast template when the person
has not written in the last 24 hours (None: a reply, which never needs one). ``language``
is the language the words are in (the reader's): the template goes out in it when Meta
approved it in that language.
"""
from __future__ import annotations

import uuid
from datetime import date, datetime, time, timezone
from typing import Iterable, Sequence

from sqlalchemy import event, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction

from storage.db import is_postgres
from storage.ids import new_id
from storage.models import Direction, Message, MessageStatus, utcnow

IMPORT_JOB = "import_csv"  # a guest list to download and import (bot.worker.imports), not a message
DIGEST_JOB = "note_digest"  # the guest notes held for one organiser, sent as one message (bot.worker.digests)
CHART_JOB = "chart"  # draw an event's progress and send it as a picture (bot.worker.charts)
EXPORT_JOB = "export"  # write an event's guest list as an Excel file and send it (bot.worker.exports)
JOB_KINDS = frozenset({IMPORT_JOB, DIGEST_JOB, CHART_JOB, EXPORT_JOB})
# A row held until a job picks it up (a guest's note waiting for its digest): never due by itself.
HELD_UNTIL = datetime(9999, 1, 1, tzinfo=timezone.utc)
OPT_OUT_EXEMPT_KINDS = frozenset({"opt_out_ack"})  # sent even to a guest who just opted out


# --------------------------------------------------------------------------- neutral messages


def text(body: str, *, outside_window: str | None = None, language: str | None = None) -> dict:
    """Words to read. `outside_window`: what the broadcast template carries when the
    reader is outside the 24-hour window (None: only ever sent as a reply)."""
    if not str(body or "").strip():
        raise ValueError("a text message needs words")
    message: dict = {"type": "text", "text": body}
    if outside_window:
        message["outside_window"] = outside_window
        if language:
            message["language"] = language
    return message


def buttons(body: str, choices: Sequence[tuple[str, str]], *, outside_window: str | None = None,
            language: str | None = None) -> dict:
    """Words with up to three reply buttons: (id, title) each."""
    if not choices:
        raise ValueError("buttons need at least one choice")
    message: dict = {"type": "buttons", "text": body, "buttons": [[str(i), str(t)] for i, t in choices]}
    if outside_window:
        message["outside_window"] = outside_window
        if language:
            message["language"] = language
    return message


def choice_list(body: str, button: str, rows: Iterable[Sequence[str | None]],
                section: str | None = None, *, outside_window: str | None = None,
                language: str | None = None) -> dict:
    """Words with a list to pick from: rows of (id, title[, description])."""
    out = [[str(r[0]), str(r[1]), (r[2] if len(r) > 2 else None)] for r in rows]
    if not out:
        raise ValueError("a list needs at least one row")
    message: dict = {"type": "list", "text": body, "button": button, "rows": out}
    if section:
        message["section"] = section
    if outside_window:
        message["outside_window"] = outside_window
        if language:
            message["language"] = language
    return message


def invitation(*, guest_id, first_name: str, event_name: str, event_date: date | None,
               location: str | None, reminder: bool = False, language: str = "en",
               start_time: time | None = None, inside_window: bool = False) -> dict:
    """An invitation (or a reminder of it) for one guest to one event, with its answers."""
    message = {
        "type": "invitation",
        "guest_id": str(guest_id),
        "first_name": first_name,
        "event_name": event_name,
        "date": event_date.isoformat() if event_date else None,
        "time": start_time.strftime("%H:%M") if start_time else None,
        "location": location or None,
        "reminder": bool(reminder),
        "language": language,
    }
    if inside_window:
        message["inside_window"] = True
    return message


MEDIA_KINDS = frozenset({"image", "audio", "video", "document", "sticker"})


def media(kind: str, media_id: str, *, caption: str | None = None, filename: str | None = None) -> dict:
    """A file WhatsApp already holds (by its media id): a photo, a voice note, a video,
    a document or a sticker, with its caption."""
    if kind not in MEDIA_KINDS:
        raise ValueError(f"not a media kind: {kind!r}")
    if not str(media_id or "").strip():
        raise ValueError("a media message needs a media id")
    message: dict = {"type": "media", "kind": kind, "id": str(media_id)}
    if caption:
        message["caption"] = caption
    if filename:
        message["filename"] = filename
    return message


def location(latitude: float, longitude: float, *, name: str | None = None, address: str | None = None) -> dict:
    """A pin on the map."""
    return {"type": "location", "latitude": float(latitude), "longitude": float(longitude),
            "name": name or None, "address": address or None}


def job(name: str, **fields) -> dict:
    return {"type": "job", "job": name, **fields}


def words_of(message: dict | None) -> str | None:
    """The words a neutral message carries (for logs and the stored body)."""
    if not isinstance(message, dict):
        return None
    if message.get("type") == "media":
        return message.get("caption") or f"[{message.get('kind')}]"
    if message.get("type") == "location":
        return " ".join(str(p) for p in (message.get("name"), message.get("address")) if p) or "[location]"
    return message.get("text") if isinstance(message.get("text"), str) else None


# Marks a queued message the worker holds for quiet hours or Shabbat (in `error_text`).
HELD_FOR_QUIET = "held"


def release_held(session: Session, event_id, now: datetime | None = None) -> int:
    """Held messages of an event due now, after its quiet hours or Shabbat setting changed:
    the worker sends them, or holds them again by the new rule. How many."""
    return session.execute(
        update(Message).where(Message.event_id == event_id, Message.status == MessageStatus.queued,
                              Message.error_text == HELD_FOR_QUIET, Message.next_attempt_at > (now or utcnow()))
        .values(next_attempt_at=now or utcnow(), error_text=None)
        .execution_options(synchronize_session=False)).rowcount or 0


# --------------------------------------------------------------------------- queueing


def enqueue(
    session: Session,
    *,
    phone: str | None,
    message: dict,
    kind: str,
    body: str | None = None,
    event_id: uuid.UUID | None = None,
    guest_id: uuid.UUID | None = None,
    user_id: uuid.UUID | None = None,
    dedupe_key: str | None = None,
    batch_id: uuid.UUID | None = None,
    not_before: datetime | None = None,
) -> Message | None:
    """Queue one neutral `message` to `phone` (E.164), or, for someone known only by
    their business-scoped user id (no phone), to the user `user_id`: the worker sends it
    to that id.

    A `dedupe_key` makes the message once-only: when a message with the same key was
    already queued, nothing is added and None is returned.
    """
    if not phone and user_id is None:
        raise ValueError("a message needs a phone or a user to go to")
    deferred = dedupe_key is None and _deferring(session)
    if not deferred:
        # Rows this one refers to (a guest, a batch) must be in the database first.
        session.flush()
    now = utcnow()
    values = dict(
        id=new_id(),
        direction=Direction.outbound,
        phone=phone,
        payload=message,
        fallback=None,
        kind=kind,
        body=body if body is not None else words_of(message),
        event_id=event_id,
        guest_id=guest_id,
        user_id=user_id,
        dedupe_key=dedupe_key,
        batch_id=batch_id,
        status=MessageStatus.queued,
        attempts=0,
        next_attempt_at=not_before or now,
        created_at=now,
        updated_at=now,
    )
    if deferred:
        _pending(session).append(values)
        return Message(**values)
    _insert_pending(session)   # what was queued before this one goes first
    # One Core INSERT (every reply goes through here), built once so its compiled form is
    # reused: ON CONFLICT on the dedupe key makes a once-only message once-only even when
    # two requests race to queue it.
    statement = _insert(is_postgres(session), dedupe_key is not None)
    if session.execute(statement, values).scalar() is None:
        return None
    return Message(**values)  # what was queued (not attached to the session)


# --------------------------------------------------------------------------- replies queued at commit
#
# The answering worker answers a batch of guests in one transaction, and each answer queues a
# reply and a notice: one INSERT each would be two round trips a message. In a session that
# defers replies (`defer_replies`), a message with no dedupe key is kept in the session and all
# of them are written by one INSERT, before anything could read them:
#
# * before the commit (they commit with the answers, or not at all);
# * before any statement the session runs, unless that statement says it never reads the
#   outbox (`OUTBOX_BLIND`, the answering path's own reads of users, guests and totals);
# * before a SAVEPOINT is taken (so rolling it back never takes back what was queued before it);
#   inside a savepoint nothing is deferred, so what a rolled-back savepoint queued goes with it;
# * a rollback of the whole transaction drops them.

_DEFER = "outbox.defer"
_PENDING = "outbox.pending"
_CONNECTION_INFO = "outbox.connection_info"
# execution_options(**OUTBOX_BLIND): a statement that never reads outgoing messages, so the
# replies kept for the commit need not be written before it
OUTBOX_BLIND = {"outbox_blind": True}


def defer_replies(session: Session) -> None:
    """Let `session` keep queued messages without a dedupe key until they could be read (see above)."""
    session.info[_DEFER] = True


def _deferring(session: Session) -> bool:
    return bool(session.info.get(_DEFER)) and not session.in_nested_transaction()


def _pending(session: Session) -> list[dict]:
    pending = session.info.get(_PENDING)
    if pending is None:
        pending = session.info[_PENDING] = []
        # the connection learns of the list too: a SAVEPOINT on it writes them first
        info = session.info[_CONNECTION_INFO] = session.connection().info
        info[_PENDING] = pending
    return pending


def write_pending(session: Session) -> None:
    """Write what `defer_replies` kept back now (a database refusal shows here, not at commit)."""
    _insert_pending(session)


def _insert_pending(session: Session) -> None:
    pending = session.info.get(_PENDING)
    if pending:
        session.flush()   # rows they refer to (a guest, an event) first
        # (inside a savepoint not yet taken, asking for the connection takes it, and the
        # savepoint hook below writes them first)
        _write(session.connection(), pending, is_postgres(session))


def _write(conn: Connection, pending: list[dict], postgres: bool) -> None:
    rows = list(pending)
    pending.clear()
    if rows:
        conn.execute(_insert(postgres, False, returning=False), rows)


@event.listens_for(Session, "do_orm_execute")
def _before_statement(state: ORMExecuteState) -> None:
    if state.session.info.get(_PENDING) and not _blind(state):
        _insert_pending(state.session)


def _blind(state: ORMExecuteState) -> bool:
    """A statement that cannot read the outbox: marked so, or the load of another row by its key
    (`session.get`, a lazy-loaded relationship, an expired attribute)."""
    if state.execution_options.get("outbox_blind"):
        return True
    return (state.is_select and state.bind_mapper is not None and state.bind_mapper.class_ is not Message
            and (state.is_relationship_load or "_sa_orm_load_options" in state.execution_options))


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    _insert_pending(session)


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, previous: SessionTransaction) -> None:
    if previous.parent is None and session.info.get(_PENDING):
        session.info[_PENDING].clear()


@event.listens_for(Connection, "savepoint")
def _before_savepoint(conn: Connection, name) -> None:
    pending = conn.info.get(_PENDING)
    if pending:
        _write(conn, pending, conn.dialect.name == "postgresql")


@event.listens_for(Session, "after_transaction_end")
def _forget(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None and _PENDING in session.info:
        pending = session.info.pop(_PENDING)
        pending.clear()
        info = session.info.pop(_CONNECTION_INFO)
        if info.get(_PENDING) is pending:
            del info[_PENDING]


_INSERTS: dict[tuple[bool, bool, bool], object] = {}


def _insert(postgres: bool, once_only: bool, *, returning: bool = True):
    statement = _INSERTS.get((postgres, once_only, returning))
    if statement is None:
        statement = (pg_insert if postgres else sqlite_insert)(Message.__table__)
        if once_only:
            statement = statement.on_conflict_do_nothing(index_elements=["dedupe_key"])
        if returning:
            statement = statement.returning(Message.__table__.c.id)
        _INSERTS[(postgres, once_only, returning)] = statement
    return statement
