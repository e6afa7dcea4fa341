"""Base, naming convention, engine, sessions and the transaction the entry points own."""
from __future__ import annotations

import contextlib
import enum
from pathlib import Path
from typing import Iterator

from sqlalchemy import MetaData, create_engine, event, literal_column
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def normalize_url(url: str) -> str:
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str, **kwargs) -> Engine:
    url = normalize_url(url)
    # SQL errors end up in logs: their parameters hold phones, message texts and tokens.
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, **kwargs)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # pragma: no cover - exercised by every sqlite test
            # Foreign keys (and so cascades) are off by default in SQLite; WAL lets the
            # web process and a worker share the file.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):  # pragma: no cover
            # Take the write lock at the start of each transaction so concurrent writers
            # queue up instead of failing half-way (SQLite has no row locks).
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    # No ping before each checkout (a round trip on every request): a connection the
    # server dropped fails its first statement, SQLAlchemy then refreshes the whole pool,
    # and the webhook handles that message again (bot.webhook.handle_inbound).
    kwargs.setdefault("pool_pre_ping", False)
    kwargs.setdefault("pool_recycle", 1800)
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    return create_engine(url, **kwargs)


def is_postgres(engine_or_session) -> bool:
    bind = engine_or_session.get_bind() if isinstance(engine_or_session, Session) else engine_or_session
    return bind.dialect.name == "postgresql"


def inline(value: enum.Enum):
    """An enum's value written into the SQL as a literal instead of a bound parameter.

    psycopg prepares a query run five times, and PostgreSQL may then keep one generic plan
    for it, made without the parameters' values. For a column with a handful of values
    and an index that serves only some of them (a message's status, a partial index),
    that plan cannot know the value is rare and scans the whole table. A literal keeps the
    plan it would get for that value (tests/test_answering.py, tests/test_outbox.py)."""
    return literal_column("'" + str(value.value).replace("'", "''") + "'")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)


@event.listens_for(Session, "loaded_as_persistent")
def _keep_loaded(session: Session, instance) -> None:
    """Rows of a class marked `keep_in_session` stay in the session's identity map until it
    closes. The map holds rows weakly: an event read for one guest's answer was gone again
    by the next one's, so every answer of a worker's pass read the same event anew."""
    if getattr(type(instance), "keep_in_session", False):
        session.info.setdefault("kept", []).append(instance)


@contextlib.contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
