"""What the rooms share at run time: settings, the database, the WhatsApp transport,
and the conversation that answers each stored message. Built once by `create_app`;
passed to what needs it (a Flask app keeps it in `app.extensions`)."""
from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from flask import Flask, current_app
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.config import Settings
from storage.db import transaction

EXTENSION = "invitebot"

# The conversation: (session, settings, user, inbound message) -> None; it queues replies.
Conversation = Callable[..., None]


@dataclass
class Runtime:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    transport: Any  # CloudAPIClient or ConsoleTransport: send_message(payload) -> wamid
    on_message: Conversation

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        with transaction(self.sessions) as session:
            yield session


def of(app: Flask) -> Runtime:
    return app.extensions[EXTENSION]


def current() -> Runtime:
    """The runtime of the app handling this request or CLI command."""
    return of(current_app)
