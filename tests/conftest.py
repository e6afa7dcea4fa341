"""Shared fixtures: a fresh database per test run on SQLite and on PostgreSQL, the app,
the fake Graph API, and a guard that fails any test trying to reach the internet.

PostgreSQL comes from TEST_DATABASE_URL (any database on the server; each test runner
creates its own database next to it and drops it at the end, so `make test`'s parallel
runners never share one). Without it, only SQLite runs.
"""
from __future__ import annotations

import ipaddress
import os
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.config import Settings
from storage import migrate
from storage.db import Base, make_engine, make_session_factory, normalize_url

from tests.fakes import fake_graph  # noqa: F401  (fixture)

TEST_APP_SECRET = "test-app-secret"
TEST_VERIFY_TOKEN = "test-verify-token"
TEST_ACCESS_TOKEN = "test-access-token"
TEST_PHONE_NUMBER_ID = "1234567890"

# ---------------------------------------------------------------- network guard
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _check_address(address) -> None:
    if isinstance(address, tuple) and address:
        host = address[0]
        try:
            ip = ipaddress.ip_address(host)
        except ValueError:
            if host in ("localhost",):
                return
            raise RuntimeError(f"tests may not reach the network (tried {host!r})")
        if not ip.is_loopback:
            raise RuntimeError(f"tests may not reach the network (tried {host})")


def _guarded_connect(self, address):
    _check_address(address)
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):
    _check_address(address)
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True, scope="session")
def _no_internet():
    socket.socket.connect = _guarded_connect
    socket.socket.connect_ex = _guarded_connect_ex
    yield
    socket.socket.connect = _real_connect
    socket.socket.connect_ex = _real_connect_ex


# ---------------------------------------------------------------- databases
BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


@dataclass
class TestDatabase:
    backend: str
    url: str
    engine: object

    def clean(self) -> None:
        tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
        with self.engine.begin() as conn:
            if self.backend == "postgresql":
                conn.execute(text("TRUNCATE " + ", ".join(tables) + " CASCADE"))
            else:
                for name in tables:
                    conn.execute(text(f"DELETE FROM {name}"))


def _create_postgres_database() -> tuple[str, callable]:
    base = make_url(normalize_url(os.environ["TEST_DATABASE_URL"]))
    name = f"invitebot_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.set(database=name).render_as_string(hide_password=False)

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url, drop


@pytest.fixture(scope="session", params=BACKENDS)
def database(request, tmp_path_factory):
    if request.param == "postgresql":
        url, drop = _create_postgres_database()
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'test.sqlite3'}"
        drop = lambda: None  # noqa: E731
    migrate.upgrade(url)
    engine = make_engine(url)
    db = TestDatabase(request.param, url, engine)
    yield db
    engine.dispose()
    drop()


@pytest.fixture
def db(database):
    """The test's database, emptied after the test."""
    yield database
    database.clean()


@pytest.fixture
def session(db):
    """A session on the test database (the test decides when to commit)."""
    factory = make_session_factory(db.engine)
    s = factory()
    yield s
    s.rollback()
    s.close()


@pytest.fixture
def settings(db, fake_graph) -> Settings:
    return Settings(
        database_url=db.url,
        whatsapp_access_token=TEST_ACCESS_TOKEN,
        whatsapp_phone_number_id=TEST_PHONE_NUMBER_ID,
        whatsapp_app_secret=TEST_APP_SECRET,
        whatsapp_verify_token=TEST_VERIFY_TOKEN,
        whatsapp_api_base_url=fake_graph.base_url,
        whatsapp_max_send_rate=1000.0,
        invitation_template="event_invitation",
        invitation_template_language="en",
        broadcast_template="event_update",
        default_region="IL",
        note_digest_seconds=0,  # notes at once; tests/test_note_digests.py gathers them
        quiet_hours="",         # any time of day; tests/test_quiet_hours.py keeps the nights
    )


@pytest.fixture
def app(settings):
    from bot import create_app

    application = create_app(settings)
    application.testing = True
    yield application
    rt = application.extensions["invitebot"]
    if hasattr(rt.transport, "close"):
        rt.transport.close()
    rt.engine.dispose()


@pytest.fixture
def app_with(settings):
    """Another app on the same database, with some settings changed:
    `app_with(public_url="https://invites.example.com")`. Each is closed after the test."""
    from bot import create_app

    made = []

    def make(**overrides):
        application = create_app(settings.with_overrides(**overrides))
        application.testing = True
        made.append(application)
        return application

    yield make
    for application in made:
        application.extensions["invitebot"].engine.dispose()


def only_event(runtime):
    """The one event in the database, detached (for tests that made exactly one)."""
    from storage.models import Event
    from sqlalchemy import select

    with runtime.transaction() as s:
        event = s.scalars(select(Event)).one()
        s.expunge(event)
        return event


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runtime(app):
    return app.extensions["invitebot"]


def pytest_collection_modifyitems(config, items):
    """Tests marked postgres_only are about PostgreSQL itself (LISTEN/NOTIFY): they are
    collected for the PostgreSQL backend only, not run and skipped on SQLite."""
    keep, drop = [], []
    for item in items:
        backend = getattr(getattr(item, "callspec", None), "params", {}).get("database")
        (drop if item.get_closest_marker("postgres_only") and backend != "postgresql" else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
