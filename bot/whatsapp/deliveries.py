"""Storing what a webhook delivery carries: every message and status, durably, before
Meta gets its 200.

Messages go into `messages` under their `wamid` (INSERT ... ON CONFLICT DO NOTHING, so a
redelivery stores nothing twice) with the raw message, its change's contacts and metadata
(what the worker parses again to answer it); statuses go into `early_statuses` for the
worker to apply. Once they are committed the web process NOTIFYs the worker (`Waker`).

On PostgreSQL the web process commits the deliveries that arrive together as one
(group commit): a request waits until its own rows are committed, as before, but four
concurrent requests cost one statement, one round trip and one WAL flush instead of four;
two such batches may be on their way at once, so a request never waits for a whole
batch ahead of it before its own starts.
Should that shared statement fail for anything but a lost connection, each delivery is
written again on its own, so one bad delivery never fails the others.
"""
from __future__ import annotations

import json
import logging
import threading
import weakref
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import psycopg
import psycopg.errors
from psycopg import pq
from sqlalchemy import event, insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from bot.whatsapp import inbound
from bot.whatsapp.statuses import insert_statuses, status_rows
from storage.ids import new_id
from storage.models import Direction, Message, MessageStatus, RejectedUpdate, utcnow

log = logging.getLogger("bot.webhook")

INBOX_CHANNEL = "invitebot_inbox"  # the NOTIFY that wakes the worker
MESSAGE_COLUMNS = ("id", "direction", "wamid", "status", "kind", "body", "payload", "phone", "sender",
                   "attempts", "next_attempt_at", "sent_at", "created_at", "updated_at")
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # one encoder, not one per row
STATUS_COLUMNS = ("id", "wamid", "status", "error_code", "error_text", "billed_category", "received_at")


@dataclass
class Outcome:
    stored: int = 0
    duplicates: int = 0
    statuses: int = 0
    rejected: int = 0  # kept raw: they cannot be stored as parsed
    senders: list[str] = field(default_factory=list)


def raw_messages(payload: dict) -> dict[str, dict]:
    """Each message of a delivery as Meta sent it, with its change's contacts and
    metadata, by wamid: what the worker parses again when it answers."""
    found: dict[str, dict] = {}
    entries = payload.get("entry")
    for entry in entries if isinstance(entries, list) else []:
        changes = entry.get("changes") if isinstance(entry, dict) else None
        for change in changes if isinstance(changes, list) else []:
            value = change.get("value") if isinstance(change, dict) else None
            if not isinstance(value, dict):
                continue
            messages = value.get("messages")
            contacts = value.get("contacts") if isinstance(value.get("contacts"), list) else []
            metadata = value.get("metadata") if isinstance(value.get("metadata"), dict) else {}
            for item in messages if isinstance(messages, list) else []:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    found[item["id"]] = {"message": item, "contacts": contacts, "metadata": metadata}
    return found


def store_delivery(rt, parsed: inbound.Delivery, raw: dict[str, dict] | None = None) -> Outcome:
    """Store every message and status of one delivery, all or nothing.

    A connection the database dropped (a restart, a failover) is tried once more on a
    fresh one; anything else fails the request, and Meta delivers it again.
    """
    now = utcnow()
    outcome = Outcome(senders=[m.sender_key for m in parsed.messages])
    rejected = [(m, why) for m in parsed.messages if (why := inbound.unstorable(m))]
    if rejected:
        _keep_rejected(rt.engine, rejected, raw or {}, now)
        parsed.messages = [m for m in parsed.messages if not inbound.unstorable(m)]
        outcome.rejected = len(rejected)
    statuses = status_rows(parsed.statuses, now)
    if parsed.messages or statuses:
        if rt.engine.dialect.name == "postgresql":
            outcome.stored = _writer(rt.engine).write(_message_params(parsed, raw or {}), statuses)
        else:
            outcome.stored = _store_with_core(rt.engine, message_rows(parsed, raw or {}, now), statuses)
    outcome.duplicates = len(parsed.messages) - outcome.stored
    outcome.statuses = len(statuses)
    return outcome


def _keep_rejected(engine: Engine, rejected, raw: dict[str, dict], now: datetime) -> None:
    rows = [dict(id=new_id(), reason=why[:200], received_at=now,
                 raw=json.dumps(raw.get(m.wamid) or {"message": {"id": m.wamid}}, ensure_ascii=False))
            for m, why in rejected]
    with engine.begin() as conn:
        conn.execute(insert(RejectedUpdate.__table__), rows)
    for m, why in rejected:
        log.warning("webhook kept a message raw: %s", why)


def message_rows(parsed: inbound.Delivery, raw: dict[str, dict], now: datetime) -> list[dict]:
    rows = []
    for index, msg in enumerate(parsed.messages):
        created = now + timedelta(microseconds=index)  # the delivery's own order
        rows.append(dict(
            id=new_id(),
            direction=Direction.inbound.value,
            wamid=msg.wamid,
            status=MessageStatus.received.value,
            kind=(msg.kind or "unknown")[:32],
            body=msg.text,
            payload=raw.get(msg.wamid) or {"message": {"id": msg.wamid, "type": msg.raw_type}},
            phone=msg.sender_phone,
            sender=msg.sender_key[:160],
            attempts=0,
            next_attempt_at=created,
            sent_at=_sent_at(msg.timestamp, created),
            created_at=created,
            updated_at=created,
        ))
    return rows


def _message_params(parsed: inbound.Delivery, raw: dict[str, dict]) -> list[tuple]:
    """What the PostgreSQL statement needs of each message, in the order of its columns
    (`_batch_sql`): the database fills in the rest."""
    return [(msg.wamid, (msg.kind or "unknown")[:32], msg.text,
             _JSON.encode(raw.get(msg.wamid) or {"message": {"id": msg.wamid, "type": msg.raw_type}}),
             msg.sender_phone, msg.sender_key[:160], msg.timestamp)
            for msg in parsed.messages]


def _sent_at(timestamp: int | None, received: datetime) -> datetime:
    """When the sender sent it, by Meta's clock; never later than we got it."""
    if timestamp is None:
        return received
    try:
        sent = datetime.fromtimestamp(timestamp, timezone.utc)
    except (OverflowError, OSError, ValueError):
        return received
    return min(sent, received)


# --------------------------------------------------------------------------- SQLite (and any other)


_INSERT_MESSAGES: dict[str, object] = {}


def _store_with_core(engine: Engine, messages: list[dict], statuses: list[dict]) -> int:
    for attempt in (1, 2):
        try:
            with engine.begin() as conn:
                stored = _insert_messages(conn, messages) if messages else 0
                insert_statuses(conn, statuses)
            return stored
        except DBAPIError as exc:
            if attempt == 1 and exc.connection_invalidated:
                log.warning("database connection lost while storing a delivery; trying again")
                continue
            raise
    raise AssertionError("unreachable")


def _insert_messages(conn, rows: list[dict]) -> int:
    """INSERT ... ON CONFLICT (wamid) DO NOTHING RETURNING id for all `rows` in one statement,
    built once per dialect so its compiled form is cached; how many were new."""
    dialect = conn.dialect.name
    statement = _INSERT_MESSAGES.get(dialect)
    if statement is None:
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        statement = _INSERT_MESSAGES[dialect] = (
            insert(Message.__table__).on_conflict_do_nothing(index_elements=["wamid"])
            .returning(Message.__table__.c.id))
    return len(conn.execute(statement, rows).all())


# --------------------------------------------------------------------------- PostgreSQL


@dataclass
class _Pending:
    messages: list[tuple]  # `_message_params`
    statuses: list[dict]
    done: threading.Event = field(default_factory=threading.Event)
    promoted: bool = False  # woken to write the next batch, not because it was written
    written: bool = False
    stored: int = 0
    error: BaseException | None = None


class GroupCommit:
    """Deliveries stored together: a request that finds a writer free writes every
    delivery queued by then in one statement (autocommit: one round trip, one WAL flush);
    the requests that arrive meanwhile wait, and when a writer finishes, the first of them
    writes the next batch.

    Up to `WRITERS` batches are written at once, each on a connection of its own
    (autocommit, prepared statements, opened on first use and again after a failure): a
    request that arrives while one batch is on its way to the disk starts the next at
    once instead of waiting for it, and PostgreSQL flushes both commits together."""

    WRITERS = 2

    def __init__(self, engine: Engine, writers: int | None = None) -> None:
        self._dsn = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._max_writers = max(1, writers or self.WRITERS)
        self._idle: list[_Slot] = []  # the connections of writers that finished
        self._lock = threading.Lock()
        self._queue: list[_Pending] = []
        self._writers = 0
        self.waker = Waker(self._dsn)

    def write(self, messages: list[tuple], statuses: list[dict]) -> int:
        """Store the rows of one delivery; returns how many of its messages were new."""
        item = _Pending(messages, statuses)
        with self._lock:
            self._queue.append(item)
            lead = self._writers < self._max_writers
            if lead:
                self._writers += 1
        if lead:
            self._write_next()
        while not item.written:
            item.done.wait()
            if item.promoted and not item.written:  # its rows may still be queued: it writes the next batch
                item.promoted = False
                item.done.clear()
                self._write_next()
        if item.error is not None:
            raise item.error
        return item.stored

    def _write_next(self) -> None:
        """Write what is queued, holding one writer's place, then hand the place to the
        first request still waiting (or give it up)."""
        with self._lock:
            batch, self._queue = self._queue, []
            slot = self._idle.pop() if self._idle else _Slot(self._dsn)
        try:
            if batch:
                self._write_batch(batch, slot)
        except BaseException as exc:  # noqa: BLE001 - every waiting request must hear of it
            for item in batch:
                item.error = item.error or exc
        finally:
            with self._lock:
                self._idle.append(slot)
                waiting = next((i for i in self._queue if not i.promoted), None)
                if waiting is not None:
                    waiting.promoted = True  # the writer's place passes to it
                else:
                    self._writers -= 1
            for item in batch:
                item.written = True
                item.done.set()
            if waiting is not None:
                waiting.done.set()

    def _write_batch(self, batch: list[_Pending], slot: "_Slot") -> None:
        try:
            new = slot.execute([r for i in batch for r in i.messages], [r for i in batch for r in i.statuses])
        except psycopg.OperationalError:
            raise  # the database is gone: every request of the batch fails, and Meta retries
        except psycopg.Error:
            if len(batch) == 1:
                raise
            # One delivery the database refuses must not fail the others: each on its own.
            for item in batch:
                try:
                    self._credit([item], slot.execute(item.messages, item.statuses))
                except psycopg.Error as exc:
                    item.error = exc
            if any(item.error is None and (item.stored or item.statuses) for item in batch):
                self.waker.poke()
            return
        self._credit(batch, new)
        if new or any(item.statuses for item in batch):
            self.waker.poke()

    @staticmethod
    def _credit(batch: list[_Pending], new: set[str]) -> None:
        """Each new wamid to the first request of the batch that carried it: a copy Meta
        delivered again in the same batch is a duplicate, not a second new message."""
        new = set(new)
        for item in batch:
            item.stored = 0
            for row in item.messages:
                if row[0] in new:
                    new.discard(row[0])
                    item.stored += 1

    def close(self) -> None:
        """Close the connections of the writers not writing now (the others are closed
        when the engine is collected, or are opened again on their next use)."""
        with self._lock:
            idle, self._idle = self._idle, []
        for slot in idle:
            slot.close()
        self.waker.close()


class Waker:
    """NOTIFY the worker once stored rows are committed, off the request's path.

    A NOTIFY holds PostgreSQL's notification lock from before its transaction commits until
    the commit is on the disk, so deliveries that notified inside their own transaction
    queued one behind another instead of sharing a WAL flush. Sent alone on a connection of
    its own, a NOTIFY writes nothing else and commits without waiting for the disk.

    One thread sends them: every `poke` is followed by a NOTIFY that begins after it, and
    the pokes that come while one is on its way share the next (at most one every `PAUSE`
    seconds: a busy worker is answering anyway, and a wake-up costs the web process CPU).
    A NOTIFY that fails is sent again on a new connection; and the worker looks for new
    messages every few seconds anyway."""

    PAUSE = 0.02
    _NOTIFY = f"NOTIFY {INBOX_CHANNEL}".encode()
    NAME = "invitebot-notify"  # its connection's application_name

    def __init__(self, dsn: str) -> None:
        self._dsn = dsn
        self._wanted = threading.Event()
        self._closing = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def poke(self) -> None:
        self._wanted.set()
        if self._thread is None:
            with self._lock:
                if self._thread is None and not self._closing.is_set():
                    self._thread = threading.Thread(target=self._run, name="inbox-notify", daemon=True)
                    self._thread.start()

    def _run(self) -> None:
        conn: psycopg.Connection | None = None
        try:
            while True:
                self._wanted.wait()
                if self._closing.is_set():
                    return
                self._wanted.clear()
                try:
                    if conn is None or conn.closed:
                        conn = psycopg.connect(self._dsn, autocommit=True, application_name=self.NAME)
                    result = conn.pgconn.exec_(self._NOTIFY)  # libpq: half the CPU of a cursor
                    if result.status != pq.ExecStatus.COMMAND_OK:
                        raise psycopg.OperationalError(conn.pgconn.get_error_message())
                except psycopg.Error as exc:
                    log.warning("could not wake the worker (%s); trying again on a new connection",
                                type(exc).__name__)
                    if conn is not None:
                        conn.close()
                    conn = None
                    self._closing.wait(0.5)
                    self._wanted.set()  # that wake-up is still owed
                self._closing.wait(self.PAUSE)
        finally:
            if conn is not None:
                conn.close()

    def close(self) -> None:
        """Stop the thread (a NOTIFY on its way is finished) and close its connection; the
        next `poke` starts them again."""
        with self._lock:
            thread, self._thread = self._thread, None
            if thread is None:
                return
            self._closing.set()
            self._wanted.set()
            thread.join(timeout=5)
            self._closing.clear()
            self._wanted.clear()


class _Slot:
    """One writer's connection, spoken to at the level of libpq: autocommit, and the
    statement of each small batch shape prepared on first use.

    psycopg's cursor adapts each parameter and builds a result object, which cost more
    Python than the rest of a delivery's storing (bench/webhook_wrk.py); every parameter
    here is already a string, sent as text, and the one result column is a wamid."""

    PREPARED_ROWS = 8  # batch shapes up to this many rows are prepared; larger ones are rare

    def __init__(self, dsn: str) -> None:
        self._dsn = dsn
        self._conn: psycopg.Connection | None = None
        self._prepared: set[tuple[int, int]] = set()

    def execute(self, messages: list[tuple], statuses: list[dict]) -> set[str]:
        """One statement for all the rows, in autocommit (atomic by itself); the wamids
        stored now. A connection the server dropped is replaced and tried once more.

        The database fills in what is the same for every row (ids, the constant columns,
        the time), so only what Meta sent travels as parameters."""
        shape = (len(messages), len(statuses))
        for attempt in (1, 2):
            try:
                if self._conn is None or self._conn.closed:
                    self._conn = psycopg.connect(self._dsn, autocommit=True)
                    self._prepared = set()
                encoding = self._conn.info.encoding
                result = self._run(self._conn.pgconn, shape, _params(messages, statuses, encoding))
                if result.status not in (pq.ExecStatus.TUPLES_OK, pq.ExecStatus.COMMAND_OK):
                    if self._conn.pgconn.status == pq.ConnStatus.BAD:
                        raise psycopg.OperationalError(self._conn.pgconn.get_error_message(encoding))
                    raise psycopg.errors.error_from_result(result, encoding=encoding)
                if not messages:
                    return set()
                return {result.get_value(i, 0).decode(encoding) for i in range(result.ntuples)}
            except psycopg.OperationalError:
                self.close()  # a fresh connection next time
                if attempt == 2:
                    raise
                log.warning("database connection lost while storing a delivery; trying again")
        raise AssertionError("unreachable")

    def _run(self, pgconn, shape: tuple[int, int], params: list[bytes | None]):
        if sum(shape) > self.PREPARED_ROWS:
            return pgconn.exec_params(_batch_sql(*shape).encode(), params)
        name = b"delivery_%d_%d" % shape
        if shape not in self._prepared:
            prepared = pgconn.prepare(name, _batch_sql(*shape).encode())
            if prepared.status != pq.ExecStatus.COMMAND_OK:
                return prepared
            self._prepared.add(shape)
        return pgconn.exec_prepared(name, params)

    def close(self) -> None:
        conn, self._conn = self._conn, None
        self._prepared = set()
        if conn is not None:
            conn.close()


def _params(messages: list[tuple], statuses: list[dict], encoding: str) -> list[bytes | None]:
    """The parameters of `_batch_sql`, as libpq's text format wants them. Text format
    ends a value at a NUL, so a value holding one is refused, as psycopg refuses it."""
    params: list[bytes | None] = []
    for row in messages:  # `_message_params`: all strings but the timestamp
        params += [None if value is None else (b"%d" % value if isinstance(value, int) else value.encode(encoding))
                   for value in row]
    for row in statuses:
        params += [None if row[key] is None else str(row[key]).encode(encoding)
                   for key in ("wamid", "status", "error_code", "error_text", "billed_category")]
    if any(value is not None and b"\x00" in value for value in params):
        raise psycopg.DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes")
    return params


_SQL: dict[tuple[int, int], str] = {}
_CACHED_ROWS = 64  # the text of larger batches is built each time


def _batch_sql(n_messages: int, n_statuses: int) -> str:
    """INSERT the messages (RETURNING the new wamids) and the statuses in one statement,
    with libpq's numbered parameters: seven a message, five a status.

    Each message's time is the statement's own plus its place in the batch in
    microseconds, so one sender's messages keep their order; `sent_at` is Meta's
    timestamp, never later than that (no timestamp: that time)."""
    key = (n_messages, n_statuses)
    sql = _SQL.get(key)
    if sql is None:
        message_rows_sql = []
        for k in range(n_messages):
            at = f"(now() + interval '{k} microseconds')"
            p = [f"${7 * k + j}" for j in range(1, 8)]
            message_rows_sql.append(
                f"(gen_random_uuid(), 'in', {p[0]}, 'received', {p[1]}, {p[2]}, {p[3]}::json, {p[4]}, {p[5]}, 0, "
                f"{at}, least(to_timestamp({p[6]}::bigint), {at}), {at}, {at})")
        first = 7 * n_messages
        status_rows_sql = [
            "(gen_random_uuid(), " + ", ".join(f"${first + 5 * k + j}" for j in range(1, 6)) + ", now())"
            for k in range(n_statuses)]
        insert_messages = (f"INSERT INTO messages ({', '.join(MESSAGE_COLUMNS)}) VALUES "
                           + ", ".join(message_rows_sql) + " ON CONFLICT (wamid) DO NOTHING RETURNING wamid")
        insert_statuses_sql = (f"INSERT INTO early_statuses ({', '.join(STATUS_COLUMNS)}) VALUES "
                               + ", ".join(status_rows_sql) + " ON CONFLICT (wamid, status) DO NOTHING")
        if n_messages and n_statuses:
            sql = f"WITH stored AS ({insert_messages}), kept AS ({insert_statuses_sql}) SELECT wamid FROM stored"
        else:
            sql = insert_messages if n_messages else insert_statuses_sql
        if n_messages + n_statuses <= _CACHED_ROWS:
            _SQL[key] = sql
    return sql


_WRITERS: "weakref.WeakKeyDictionary[Engine, GroupCommit]" = weakref.WeakKeyDictionary()
_WRITERS_LOCK = threading.Lock()


def _writer(engine: Engine) -> GroupCommit:
    with _WRITERS_LOCK:
        writer = _WRITERS.get(engine)
        if writer is None:
            writer = _WRITERS[engine] = GroupCommit(engine)
            # Its connection goes with the engine's: on dispose, or when the engine is collected.
            event.listen(engine, "engine_disposed", lambda _engine: writer.close())
            weakref.finalize(engine, writer.close)
        return writer
