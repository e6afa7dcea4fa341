"""Flask CLI commands: `flask --app wsgi <command>`."""
from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

db_cli = AppGroup("db", help="Database migrations (Alembic).")


@db_cli.command("upgrade")
@click.argument("revision", default="head")
def db_upgrade(revision: str) -> None:
    """Migrate the database to REVISION (default: the newest)."""
    from storage import migrate

    from . import runtime

    url = runtime().settings.database_url
    migrate.upgrade(url, revision)
    click.echo(f"Database is at {migrate.current_revision(runtime().engine) or 'base'}.")


@db_cli.command("downgrade")
@click.argument("revision")
def db_downgrade(revision: str) -> None:
    """Migrate the database down to REVISION ("base" removes every table)."""
    from storage import migrate

    from . import runtime

    migrate.downgrade(runtime().settings.database_url, revision)
    click.echo(f"Database is at {migrate.current_revision(runtime().engine) or 'base'}.")


@db_cli.command("current")
def db_current() -> None:
    """Show the database's migration and the newest one."""
    from storage import migrate

    from . import runtime

    rt = runtime()
    click.echo(f"current: {migrate.current_revision(rt.engine) or 'base'}")
    click.echo(f"head:    {migrate.head_revision(rt.settings.database_url)}")


def register(app: Flask) -> None:
    from . import feature_modules

    app.cli.add_command(db_cli)
    # Each feature module contributes its own commands (worker, chat, create-token, ...).
    for module in feature_modules("bot.outbox", "bot.simulator", "bot.tokens_cli", "bot.importer"):
        if hasattr(module, "register_cli"):
            module.register_cli(app)
