"""Health checks for the operator and the platform."""
from __future__ import annotations

import logging

from flask import Blueprint, jsonify
from sqlalchemy import text

from bot.runtime import current as runtime
from storage.migrate import current_revision, head_revision

bp = Blueprint("health", __name__)
log = logging.getLogger("bot.health")


@bp.get("/healthz")
def healthz():
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz():
    rt = runtime()
    try:
        with rt.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        current = current_revision(rt.engine)
    except Exception as exc:  # the database is down or unreachable
        log.warning("readyz: database unreachable: %s", type(exc).__name__)
        return jsonify(status="unavailable", database="unreachable"), 503
    head = head_revision(rt.settings.database_url)
    # Anyone can call this: it says whether the schema is current, not which revision it is
    # (`flask --app wsgi db current` tells an operator that).
    if current != head:
        log.warning("readyz: database at migration %s, the code needs %s", current or "base", head)
        return jsonify(status="unavailable", database="ok", migrations="behind",
                       hint="run: flask --app wsgi db upgrade"), 503
    return jsonify(status="ok", database="ok", migrations="head")
