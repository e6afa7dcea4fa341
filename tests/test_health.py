"""Health checks an operator and a platform rely on."""
from __future__ import annotations

from storage import migrate


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200 and r.get_json() == {"status": "ok"}


def test_readyz_when_migrated(client):
    r = client.get("/readyz")
    assert r.status_code == 200
    assert r.get_json() == {"status": "ok", "database": "ok", "migrations": "head"}
    assert migrate.head_revision(client.application.extensions["invitebot"].settings.database_url) \
        not in r.get_data(as_text=True)  # which revision is the operator's business, not the public's


def test_readyz_reports_pending_migrations(client, db):
    migrate.downgrade(db.url, "base")
    try:
        r = client.get("/readyz")
        assert r.status_code == 503
        assert r.get_json()["migrations"] == "behind"
        assert "db upgrade" in r.get_json()["hint"]
        assert set(r.get_json()) == {"status", "database", "migrations", "hint"}
    finally:
        migrate.upgrade(db.url)


def test_readyz_when_the_database_is_unreachable(tmp_path):
    from bot import create_app
    from bot.config import Settings

    app = create_app(Settings(database_url="postgresql+psycopg://nobody@127.0.0.1:1/none"))
    r = app.test_client().get("/readyz")
    assert r.status_code == 503
    assert r.get_json()["database"] == "unreachable"
