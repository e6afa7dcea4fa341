"""The WhatsApp invitation bot: `create_app` wires the rooms; nothing happens at import time.

Rooms (dependencies point one way: edges → chat → services → storage; text is used by all):
  bot/whatsapp/  the Cloud API: client, inbound parsing, the webhook (verify, store, 200),
                 status updates, rendering neutral messages into payloads
  bot/api/       REST: routes, codec, OpenAPI; health checks
  bot/web/       the guest's own RSVP page, /r/<token> (Jinja, no JavaScript)
  bot/cli/       Flask CLI commands, the chat simulator, the CSV importer
  bot/worker/    answering stored messages in order per sender, sending the outbox,
                 the clock (reminder rounds, tallies), guest-list import jobs
  bot/chat/      the conversation: routing, organiser commands, the guest flow, parsers
  bot/services/  the domain: operations taking the actor, the role table, the outbox
  bot/text/      words, dates and phone numbers as people read and write them
"""
from __future__ import annotations

import logging

from flask import Flask

from bot.api import health
from bot.api import routes as api_routes
from bot.chat.router import handle_message
from bot.cli import register as register_cli
from bot.config import Settings
from bot.logs import configure_logging
from bot.runtime import EXTENSION, Conversation, Runtime
from bot.web import page as guest_page
from bot.whatsapp import webhook
from bot.whatsapp.client import CloudAPIClient, ConsoleTransport
from bot.worker.sender import default_concurrency
from storage.db import make_engine, make_session_factory

log = logging.getLogger("bot")


def make_transport(settings: Settings):
    if settings.uses_whatsapp:
        return CloudAPIClient(
            base_url=settings.whatsapp_api_base_url,
            api_version=settings.whatsapp_api_version,
            phone_number_id=settings.whatsapp_phone_number_id,
            access_token=settings.whatsapp_access_token,
            pool_maxsize=default_concurrency(settings.whatsapp_max_send_rate),
        )
    return ConsoleTransport()


def make_runtime(settings: Settings, on_message: Conversation | None = None) -> Runtime:
    engine = make_engine(settings.database_url)
    return Runtime(
        settings=settings,
        engine=engine,
        sessions=make_session_factory(engine),
        transport=make_transport(settings),
        on_message=on_message or handle_message,
    )


def create_app(settings: Settings | None = None, *, on_message: Conversation | None = None) -> Flask:
    """The app; `on_message` replaces the conversation (default: bot.chat.router.handle_message)."""
    settings = settings or Settings.from_env()
    configure_logging(settings.log_level)
    app = Flask(__name__, instance_relative_config=True)
    app.config["MAX_CONTENT_LENGTH"] = None  # the webhook enforces its own limit
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    runtime = make_runtime(settings, on_message)
    app.extensions[EXTENSION] = runtime

    app.register_blueprint(health.bp)
    app.register_blueprint(webhook.bp)
    api_routes.register(app)
    guest_page.register(app)
    register_cli(app, create_app)
    app.wsgi_app = webhook.FastLane(app.wsgi_app, runtime)

    if not settings.uses_whatsapp:
        log.info("No WhatsApp credentials: outgoing messages go to the console transport")
    if not settings.whatsapp_app_secret:
        log.warning("WHATSAPP_APP_SECRET is not set: POST /webhook refuses every delivery (403)")
    return app
