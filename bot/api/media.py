"""REST for pictures and pages: the event's progress chart, each guest's page link.

    GET  /api/events/{id}/chart.png                 any member: the chart (image/png)
    GET  /api/events/{id}/guests/{guest_id}/link    any member: the guest's page URL
    POST /api/events/{id}/guests/{guest_id}/link    admin or editor: revoke it, get a new one

Same bearer token, transaction and JSON errors as the rest of /api (bot.api.routes).
Registered by `register(app)` after `bot.api.routes.register` (it needs the guest_id converter).
"""
from __future__ import annotations

import logging

from flask import Blueprint, Flask, Response, jsonify, request

from bot.api.routes import error_response, operation
from bot.runtime import current as runtime
from bot.services import charts, guests, rsvp_links
from bot.services.access import require
from bot.services.errors import DomainError
from bot.services.permissions import Action

log = logging.getLogger("bot.api")

bp = Blueprint("api_media", __name__, url_prefix="/api")


def register(app: Flask) -> None:
    app.register_blueprint(bp)


@bp.errorhandler(DomainError)
def _domain_error(exc: DomainError):
    return error_response(exc.http_status, exc.code, exc.message)


@bp.errorhandler(Exception)
def _unexpected(exc: Exception):
    log.exception("api: unexpected error on %s %s", request.method, request.path)
    return error_response(500, "internal_error", "Something went wrong on our side; it has been logged.")


@bp.get("/events/<event_id>/chart.png")
@operation
def event_chart(session, actor, event_id):
    _event, png = charts.event_chart(session, actor, event_id)
    response = Response(png, mimetype="image/png")
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _link_json(guest, token: str) -> dict:
    return {"guest_id": str(guest.id), "token": token, "url": request.url_root.rstrip("/") + f"/r/{token}"}


@bp.get("/events/<event_id>/guests/<guest_id:guest_id>/link")
@operation
def guest_link(session, actor, event_id, guest_id):
    guest = guests.get_guest(session, actor, event_id, guest_id)
    return jsonify(_link_json(guest, rsvp_links.token_for(runtime().settings.whatsapp_app_secret, guest)))


@bp.post("/events/<event_id>/guests/<guest_id:guest_id>/link")
@operation
def renew_guest_link(session, actor, event_id, guest_id):
    require(session, actor, event_id, Action.EDIT_GUESTS)
    guest = guests.get_guest(session, actor, event_id, guest_id)
    token = rsvp_links.new_link(session, guest, runtime().settings.whatsapp_app_secret)
    return jsonify(_link_json(guest, token))
