"""`flask --app wsgi db upgrade|downgrade|current`: the schema, by Alembic."""
from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from bot.runtime import current as runtime
from storage import migrate

db_cli = AppGroup("db", help="Database migrations (Alembic).")


@db_cli.command("upgrade")
@click.argument("revision", default="head")
def db_upgrade(revision: str) -> None:
    """Migrate the database to REVISION (default: the newest)."""
    url = runtime().settings.database_url
    migrate.upgrade(url, revision)
    click.echo(f"Database is at {migrate.current_revision(runtime().engine) or 'base'}.")


@db_cli.command("downgrade")
@click.argument("revision")
def db_downgrade(revision: str) -> None:
    """Migrate the database down to REVISION ("base" removes every table)."""
    migrate.downgrade(runtime().settings.database_url, revision)
    click.echo(f"Database is at {migrate.current_revision(runtime().engine) or 'base'}.")


@db_cli.command("current")
def db_current() -> None:
    """Show the database's migration and the newest one."""
    rt = runtime()
    click.echo(f"current: {migrate.current_revision(rt.engine) or 'base'}")
    click.echo(f"head:    {migrate.head_revision(rt.settings.database_url)}")


def register_cli(app: Flask) -> None:
    app.cli.add_command(db_cli)
