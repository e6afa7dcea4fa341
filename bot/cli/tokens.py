"""`flask --app wsgi create-token <phone>`: a personal REST token, printed once.

The token is alone on the last line of the output, so scripts can take it with
`| tail -n 1`.
"""
from __future__ import annotations

import click
from flask import Flask
from flask.cli import with_appcontext

from bot.runtime import current as runtime
from bot.services.tokens import issue_token
from bot.services.users import get_or_create_user
from bot.text.phones import InvalidPhone, normalize_phone


@click.command("create-token")
@click.argument("phone")
@with_appcontext
def create_token(phone: str) -> None:
    """Issue a personal REST API token for the WhatsApp user with this PHONE (created if new)."""
    rt = runtime()
    region = rt.settings.default_region
    try:
        e164 = normalize_phone(phone, region)
    except InvalidPhone as exc:
        hint = "" if region else " (DEFAULT_REGION is not set, so a number needs its country code.)"
        raise click.ClickException(f"{exc.message}{hint}")
    with rt.transaction() as session:
        user = get_or_create_user(session, phone=e164)
        token = issue_token(session, user)
    click.echo(f"A personal REST token for {e164}. It is shown only this once: keep it like a password.")
    click.echo("Use it as 'Authorization: Bearer <token>'; text 'token revoke' to the bot to revoke it.")
    click.echo(token)


def register_cli(app: Flask) -> None:
    app.cli.add_command(create_token)
