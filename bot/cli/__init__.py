"""Flask CLI commands: `flask --app wsgi <command>` (db, worker, chat, create-token, import-guests)."""
from __future__ import annotations

from typing import Callable

from flask import Flask

from bot.cli import db, importer, simulator, tokens, worker


def register(app: Flask, make_app: Callable[..., Flask]) -> None:
    """Every command on `app`; `make_app(settings)` builds the simulator's own app."""
    db.register_cli(app)
    worker.register_cli(app)
    simulator.register_cli(app, make_app)
    tokens.register_cli(app)
    importer.register_cli(app)
