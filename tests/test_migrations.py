"""Migrations are the only way the schema changes, and they round-trip."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from storage import migrate
from storage.db import Base, make_engine


def test_migrated_schema_matches_the_models(database):
    with database.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_upgrade_downgrade_to_base_and_upgrade_again(database, tmp_path):
    # Run on a database of its own so the shared test database stays at head.
    if database.backend == "postgresql":
        from tests.conftest import _create_postgres_database

        url, drop = _create_postgres_database()
    else:
        url, drop = f"sqlite:///{tmp_path / 'roundtrip.sqlite3'}", (lambda: None)
    engine = make_engine(url)
    try:
        migrate.upgrade(url)
        assert migrate.is_at_head(engine, url)
        tables = set(inspect(engine).get_table_names())
        assert {"users", "events", "event_members", "guests", "messages", "conversations", "api_tokens"} <= tables
        migrate.downgrade(url, "base")
        assert migrate.current_revision(engine) is None
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        migrate.upgrade(url)
        assert migrate.is_at_head(engine, url)
    finally:
        engine.dispose()
        drop()
