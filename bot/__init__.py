"""The WhatsApp invitation bot: `create_app` builds everything; nothing happens at import time."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable

from flask import Flask, current_app
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from .config import Settings

log = logging.getLogger("bot")


@dataclass
class Runtime:
    """What the edges share: settings, the database and the WhatsApp transport."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    transport: Any  # CloudAPIClient or ConsoleTransport: send_message(payload) -> wamid
    # What the bot does with each stored inbound message: (session, runtime, user, message).
    on_message: Callable[..., None] | None = None

    def transaction(self):
        from storage.db import transaction

        return transaction(self.sessions)


def make_transport(settings: Settings):
    from . import whatsapp

    if settings.uses_whatsapp:
        return whatsapp.CloudAPIClient(
            base_url=settings.whatsapp_api_base_url,
            api_version=settings.whatsapp_api_version,
            phone_number_id=settings.whatsapp_phone_number_id,
            access_token=settings.whatsapp_access_token,
        )
    return whatsapp.ConsoleTransport()


def make_runtime(settings: Settings, on_message: Callable[..., None] | None = None) -> Runtime:
    from storage.db import make_engine, make_session_factory

    if on_message is None:
        from .chat import handle_message as on_message
    engine = make_engine(settings.database_url)
    return Runtime(
        settings=settings,
        engine=engine,
        sessions=make_session_factory(engine),
        transport=make_transport(settings),
        on_message=on_message,
    )


def configure_logging(level: str = "INFO") -> None:
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(
            level=level.upper(),
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
    logging.getLogger("bot").setLevel(level.upper())
    # Alembic narrates its set-up at INFO on every command; `db upgrade` says the outcome itself.
    logging.getLogger("alembic").setLevel(logging.WARNING)


def create_app(settings: Settings | None = None, *, on_message: Callable[..., None] | None = None) -> Flask:
    """The app; `on_message` replaces the conversation (default: bot.chat.handle_message)."""
    settings = settings or Settings.from_env()
    configure_logging(settings.log_level)
    app = Flask(__name__, instance_relative_config=True)
    app.config["MAX_CONTENT_LENGTH"] = None  # the webhook enforces its own limit
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    runtime = make_runtime(settings, on_message)
    app.extensions["invitebot"] = runtime

    from . import health

    app.register_blueprint(health.bp)
    _register_optional_blueprints(app)

    from . import cli

    cli.register(app)

    if not settings.uses_whatsapp:
        log.info("No WhatsApp credentials: outgoing messages go to the console transport")
    if not settings.whatsapp_app_secret:
        log.warning("WHATSAPP_APP_SECRET is not set: POST /webhook refuses every delivery (403)")
    return app


def feature_modules(*names: str):
    """The feature modules among `names` that exist (each edge registers itself)."""
    import importlib

    for module_name in names:
        try:
            yield importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise


def _register_optional_blueprints(app: Flask) -> None:
    for module in feature_modules("bot.webhook", "bot.api"):
        module.register(app)


def runtime() -> Runtime:
    return current_app.extensions["invitebot"]
