"""The REST API under /api: a personal bearer token, the domain operations, JSON errors.

Every view decodes its request (bot.api_codec), calls one domain operation with the
token's user as the actor, and encodes the result. The role check, every rule about
values and every refusal message live in bot.services, shared with the organiser chat.
One transaction per request: committed when the view returns, rolled back on any error.

Errors are always `{"error": {"code", "message"}}` (a 409 for a duplicate guest adds
`existing_guest_id`): 400 malformed JSON, 401 no or bad token, 403 role too weak,
404 unknown (or someone else's) event, 405, 409, 413, 415, 422 bad values, 500, and 503
(with Retry-After) while the database is unavailable.
"""
from __future__ import annotations

import logging
import urllib.parse
from functools import wraps

from flask import Blueprint, Flask, Response, jsonify, request
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException
from werkzeug.routing import BaseConverter

from bot.services import notices
from bot.runtime import current as runtime
from bot.api.codec import (
    EVENT_CREATE,
    EVENT_UPDATE,
    GUEST_CREATE,
    GUEST_IMPORT_ROW,
    GUEST_UPDATE,
    MEMBER_INVITE,
    MEMBER_UPDATE,
    WHATSAPP_BROADCAST,
    WHATSAPP_ONE,
    Unauthenticated,
    UnsupportedMediaType,
    decode,
    event_json,
    guest_csv_row,
    guest_json,
    guest_query,
    import_json,
    inbox_item_json,
    member_json,
    paging_query,
    parse_json,
    stats_json,
)
from bot.services.guest_csv import MAX_CSV_BYTES, MAX_ROWS, NotACsv, export_guest_csv, parse_guest_csv
from bot.text.phones import InvalidPhone, normalize_phone
from bot.api.openapi import build_openapi
from bot.services import charts, events, guests, inbox, members, rsvp, rsvp_links, sending, stats, tokens
from bot.services.errors import DomainError, InvalidInput, TooLarge
from bot.services.access import require
from bot.services.permissions import Action

log = logging.getLogger("bot.api")

bp = Blueprint("api", __name__, url_prefix="/api")

MAX_BODY_BYTES = MAX_CSV_BYTES + 1024 * 1024  # the largest CSV we read, plus multipart framing


# --------------------------------------------------------------------------- plumbing

class GuestIdConverter(BaseConverter):
    """A guest id in a URL: any segment but `import`, so /guests/import is never a guest."""
    regex = r"(?!import(?:/|$))[^/]+"


def register(app: Flask) -> None:
    app.url_map.converters["guest_id"] = GuestIdConverter
    app.register_blueprint(bp)
    # Unknown URLs and wrong methods never reach a blueprint: answer them here, for /api only.
    app.register_error_handler(404, _routing_error)
    app.register_error_handler(405, _routing_error)
    app.register_error_handler(500, _server_error)


_ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


def error_response(status: int, code: str, message: str, **extra) -> Response:
    # The chat's bidi isolates (they lay a phone's line out right) have no place in JSON
    # that scripts log and compare.
    response = jsonify({"error": {"code": code, "message": message.translate(_ISOLATES), **extra}})
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


def _is_api_path() -> bool:
    return request.path == "/api" or request.path.startswith("/api/")


def _routing_error(exc: HTTPException):
    """Unknown URLs and wrong methods, on every route: a JSON error, never an HTML page."""
    if exc.code == 405:
        response = error_response(405, "method_not_allowed", f"{request.method} is not allowed on {request.path}.")
        if exc.valid_methods:
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return response
    hint = "; see /api/openapi.json" if _is_api_path() else ""
    return error_response(404, "not_found", f"There is no such endpoint{hint}.")


def _server_error(exc: HTTPException):
    """A crash outside the API's own views (the blueprint catches its own): JSON too."""
    return error_response(500, "internal_error", "Something went wrong on our side; it has been logged.")


@bp.errorhandler(DomainError)
def _domain_error(exc: DomainError):
    extra = {k: v for k, v in exc.details.items() if k not in ("code", "message")}
    return error_response(exc.http_status, exc.code, exc.message, **extra)


@bp.errorhandler(HTTPException)
def _http_error(exc: HTTPException):
    if exc.code == 413:
        return error_response(413, "too_large", f"The request is too large (at most {MAX_BODY_BYTES // (1024 * 1024)} MB).")
    if exc.code == 400:
        return error_response(400, "bad_request", "The request could not be read.")
    name = (exc.name or "error").lower().replace(" ", "_")
    return error_response(exc.code or 500, name, exc.description or exc.name or "Error.")


@bp.errorhandler(IntegrityError)
def _integrity_error(exc: IntegrityError):
    # Two requests changed the same thing at the same moment; the constraint kept the data right.
    log.warning("api: %s %s hit a constraint: %s", request.method, request.path, type(exc.orig).__name__)
    return error_response(409, "conflict", "That clashed with another change made at the same moment; try again.")


@bp.errorhandler(OperationalError)
@bp.errorhandler(InterfaceError)
def _database_unavailable(exc: Exception):
    # The database is down, restarting or failing over: nothing was changed; try again soon.
    log.warning("api: %s %s: the database is unavailable (%s)", request.method, request.path,
                type(getattr(exc, "orig", exc)).__name__)
    response = error_response(503, "unavailable", "The service is briefly unavailable; try again in a few seconds.")
    response.headers["Retry-After"] = "5"
    return response


@bp.errorhandler(Exception)
def _unexpected(exc: Exception):
    log.exception("api: unexpected error on %s %s", request.method, request.path)
    return error_response(500, "internal_error", "Something went wrong on our side; it has been logged.")


@bp.before_request
def _limit_body() -> None:
    request.max_content_length = MAX_BODY_BYTES


def _bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def operation(view):
    """Runs `view(session, actor, **url_args)` in one transaction, as the token's user."""

    @wraps(view)
    def wrapper(**kwargs):
        with runtime().transaction() as session:
            token = _bearer_token()
            if token is None:
                raise Unauthenticated("Send your personal token as 'Authorization: Bearer <token>' "
                                      "(get one by texting 'token' to the bot).", code="unauthorized")
            actor = tokens.user_for_token(session, token)
            if actor is None:
                raise Unauthenticated("That token is not valid (it may have been revoked).", code="invalid_token")
            result = view(session, actor, **kwargs)
        return result

    return wrapper


def _json_body():
    return parse_json(request.get_data(cache=True))


def _region(actor) -> str | None:
    return guests.region_for(actor, runtime().settings.default_region)


def _guest_json(guest) -> dict:
    """The guest with their personal page's link, signed as `…/link` signs it (no query)."""
    settings = runtime().settings
    return guest_json(guest, link=rsvp_links.page_for(guest, settings.whatsapp_app_secret, settings.public_url))


def _created(payload) -> tuple[Response, int]:
    return jsonify(payload), 201


def _no_content() -> Response:
    return Response(status=204)


# --------------------------------------------------------------------------- events

@bp.post("/events")
@operation
def create_event(session, actor):
    data = decode(EVENT_CREATE, _json_body())
    event = events.create_event(session, actor, data["name"], date=data.get("date"),
                                location=data.get("location"), timezone=data.get("timezone"),
                                language=data.get("language"), start_time=data.get("time"))
    _, member = events.get_event(session, actor, event.id)
    return _created(event_json(event, member))


@bp.get("/events")
@operation
def list_events(session, actor):
    return jsonify([event_json(e, m) for e, m in events.list_events(session, actor)])


@bp.get("/events/<event_id>")
@operation
def get_event(session, actor, event_id):
    event, member = events.get_event(session, actor, event_id)
    return jsonify(event_json(event, member))


@bp.patch("/events/<event_id>")
@operation
def update_event(session, actor, event_id):
    require(session, actor, event_id, Action.MANAGE_EVENT)   # who may, before what they sent
    data = decode(EVENT_UPDATE, _json_body())
    if "time" in data:
        data["start_time"] = data.pop("time")
    event = events.update_event(session, actor, event_id, **data)
    _, member = events.get_event(session, actor, event.id)
    return jsonify(event_json(event, member))


@bp.delete("/events/<event_id>")
@operation
def delete_event(session, actor, event_id):
    events.delete_event(session, actor, event_id)
    return _no_content()


# --------------------------------------------------------------------------- members

@bp.get("/events/<event_id>/members")
@operation
def list_members(session, actor, event_id):
    return jsonify([member_json(m) for m in members.list_members(session, actor, event_id)])


@bp.post("/events/<event_id>/invite-member")
@operation
def invite_member(session, actor, event_id):
    require(session, actor, event_id, Action.MANAGE_EVENT)
    data = decode(MEMBER_INVITE, _json_body())
    try:
        phone = normalize_phone(data["phone"], _region(actor))
    except InvalidPhone as exc:
        raise InvalidInput(exc.message, code="bad_phone")
    member = members.add_member(session, actor, event_id, phone, data.get("role", "editor"))
    notices.tell_new_member(session, actor, member.event, member)
    return _created(member_json(member))


@bp.patch("/events/<event_id>/members/<user_id>")
@operation
def change_member_role(session, actor, event_id, user_id):
    require(session, actor, event_id, Action.MANAGE_EVENT)
    data = decode(MEMBER_UPDATE, _json_body())
    return jsonify(member_json(members.change_role(session, actor, event_id, user_id, data["role"])))


@bp.delete("/events/<event_id>/members/<user_id>")
@operation
def remove_member(session, actor, event_id, user_id):
    member = members.remove_member(session, actor, event_id, user_id)
    notices.tell_removed_member(session, actor, member.event, member)
    return _no_content()


# --------------------------------------------------------------------------- guests

@bp.post("/events/<event_id>/guests")
@operation
def add_guest(session, actor, event_id):
    require(session, actor, event_id, Action.EDIT_GUESTS)
    data = decode(GUEST_CREATE, _json_body())
    guest = guests.add_guest(session, actor, event_id, guests.GuestInput(
        first_name=data["first_name"], phone=data["phone"], last_name=data.get("last_name") or "",
        side=data.get("side"), party_size=data.get("party_size"), notes=data.get("notes"),
        children=data.get("children"),
    ), region=_region(actor))
    return _created(_guest_json(guest))


@bp.get("/events/<event_id>/guests")
@operation
def list_guests(session, actor, event_id):
    q = guest_query(request.args)
    found, total = guests.list_guests(session, actor, event_id, status=q.status, side=q.side, search=q.search,
                                      invitation=q.invitation, skip=q.skip, limit=q.limit)
    return jsonify({"items": [_guest_json(g) for g in found], "total": total, "skip": q.skip, "limit": q.limit})


@bp.get("/events/<event_id>/guests/<guest_id:guest_id>")
@operation
def get_guest(session, actor, event_id, guest_id):
    return jsonify(_guest_json(guests.get_guest(session, actor, event_id, guest_id)))


@bp.patch("/events/<event_id>/guests/<guest_id:guest_id>")
@operation
def update_guest(session, actor, event_id, guest_id):
    require(session, actor, event_id, Action.EDIT_GUESTS)
    data = decode(GUEST_UPDATE, _json_body())
    status = data.pop("status", None)
    if "last_name" in data and data["last_name"] is None:
        data["last_name"] = ""
    party = data.pop("party_size", guests.UNSET) if status is not None else guests.UNSET
    children = data.pop("children", guests.UNSET) if status is not None else guests.UNSET
    guest = guests.update_guest(session, actor, event_id, guest_id, region=_region(actor), **data)
    if status is not None:
        # The answer goes through the same rule as `mark <guest> yes` in the chat.
        guest = rsvp.mark_by_hand(session, actor, event_id, guest_id, status, party_size=party,
                                  children=children).guest
    return jsonify(_guest_json(guest))


@bp.delete("/events/<event_id>/guests/<guest_id:guest_id>")
@operation
def remove_guest(session, actor, event_id, guest_id):
    guests.remove_guest(session, actor, event_id, guest_id)
    return _no_content()


@bp.post("/events/<event_id>/guests/import")
@operation
def import_guests(session, actor, event_id):
    require(session, actor, event_id, Action.EDIT_GUESTS)
    rows = _import_rows(actor)
    result = guests.import_guests(session, actor, event_id, rows, region=_region(actor))
    return jsonify(import_json(result))


def _import_rows(actor) -> list:
    """Rows for services.guests.import_guests from a JSON list, a CSV upload or a CSV body."""
    mimetype = request.mimetype or ""
    if mimetype == "application/json" or mimetype.endswith("+json"):
        data = _json_body()
        if not isinstance(data, list):
            raise InvalidInput("Send a JSON list of guests, e.g. [{\"first_name\": \"Dana\", \"phone\": \"+972...\"}].",
                               code="invalid_body")
        if len(data) > MAX_ROWS:
            raise InvalidInput(f"At most {MAX_ROWS:,} guests at a time; split the list.", code="too_many_rows")
        rows = []
        for n, item in enumerate(data, start=1):
            fields = decode(GUEST_IMPORT_ROW, item, row=n, partial=True)
            rows.append(guests.GuestInput(
                first_name=fields.get("first_name") or "", phone=fields.get("phone") or "",
                last_name=fields.get("last_name") or "", side=fields.get("side"),
                party_size=fields.get("party_size"), notes=fields.get("notes"), line_no=n,
                children=fields.get("children"),
            ))
        return rows
    if mimetype == "multipart/form-data":
        upload = request.files.get("file")
        if upload is None:
            raise InvalidInput("Upload the CSV file as the form field 'file'.", code="missing_file")
        raw = upload.read(MAX_CSV_BYTES + 1)
    elif mimetype in ("text/csv", "text/plain", "application/csv", "application/vnd.ms-excel"):
        raw = request.get_data(cache=False)
    else:
        raise UnsupportedMediaType(
            "Send a JSON list (application/json), a CSV file upload (multipart/form-data, field 'file') "
            "or a CSV body (text/csv).")
    if len(raw) > MAX_CSV_BYTES:
        raise TooLarge(f"That CSV is too large (at most {MAX_CSV_BYTES // (1024 * 1024)} MB): "
                       "split it into smaller files.")
    if b"\x00" in raw:
        raise InvalidInput("That file is not a text CSV (it has NUL bytes): save it as CSV UTF-8 and try again.",
                           code="not_a_csv")
    try:
        return parse_guest_csv(raw, _region(actor))
    except NotACsv as exc:
        raise InvalidInput(str(exc), code="not_a_csv")


@bp.get("/events/<event_id>/guests.csv")
@operation
def export_guests(session, actor, event_id):
    q = guest_query(request.args)  # paging checked as the guest list checks it
    # Paged only when asked: without a limit the export is the whole list, never its first page.
    limit = q.limit if "limit" in request.args else None
    event, _ = events.get_event(session, actor, event_id)
    found, _total = guests.list_guests(session, actor, event_id, status=q.status, side=q.side, search=q.search,
                                       invitation=q.invitation, skip=q.skip, limit=limit)
    body = export_guest_csv([guest_csv_row(g) for g in found], [q["text"] for q in event.questions or []])
    response = Response(body, mimetype="text/csv")
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = _attachment(f"{event.name} guests.csv")
    return response


def _attachment(filename: str) -> str:
    """An ASCII fallback name for old clients and the real (Hebrew-safe) one per RFC 6266."""
    kept = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else " " for ch in filename)
    ascii_name = "_".join(kept.split()) or "guests.csv"   # "החתונה של מאיה guests.csv" → "guests.csv"
    quoted = urllib.parse.quote(filename, safe="")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quoted}"


# --------------------------------------------------------------------------- stats

@bp.get("/events/<event_id>/stats")
@operation
def event_stats(session, actor, event_id):
    data = stats.event_stats(session, actor, event_id)
    event, _member = events.get_event(session, actor, event_id)
    card = sending.rate_card(runtime().settings.rate_card_file)
    messages, amount = sending.billed(session, event, card)
    data["billed"] = {"messages": messages, "amount": str(amount), "currency": card.currency}
    return jsonify(stats_json(data))


# --------------------------------------------------------------------------- the inbox

@bp.get("/events/<event_id>/inbox")
@operation
def event_inbox(session, actor, event_id):
    """What guests wrote that is not an answer, newest first; reading it here marks nothing read."""
    q = paging_query(request.args)
    _event, items, total, unread = inbox.list_items(session, actor, event_id, skip=q.skip, limit=q.limit)
    return jsonify({"items": [inbox_item_json(i) for i in items], "total": total, "unread": unread,
                    "skip": q.skip, "limit": q.limit})


# --------------------------------------------------------------------------- WhatsApp

@bp.post("/events/<event_id>/whatsapp")
@operation
def message_guest(session, actor, event_id):
    require(session, actor, event_id, Action.SEND)
    data = decode(WHATSAPP_ONE, _json_body())
    message = sending.message_guest(session, actor, event_id, data["guest_id"], data["text"])
    return jsonify({"queued": 1, "guest_id": str(message.guest_id or data["guest_id"]),
                    "message_id": str(message.id)}), 202


@bp.post("/events/<event_id>/whatsapp/broadcast")
@operation
def broadcast(session, actor, event_id):
    require(session, actor, event_id, Action.SEND)
    data = decode(WHATSAPP_BROADCAST, _json_body())
    audience = sending.broadcast_audience(session, actor, event_id, status=data.get("status"), side=data.get("side"))
    batch = sending.send_broadcast(session, actor, event_id, data["text"], status=data.get("status"), side=data.get("side"),
                                   daily_limit=sending.daily_limit(runtime().settings.messaging_limit, session,
                                                                   runtime().settings.whatsapp_phone_number_id))
    return jsonify({"queued": batch.total, "skipped": audience.skipped, "batch_id": str(batch.id)}), 202


# --------------------------------------------------------------------------- the document

@bp.get("/openapi.json")
def openapi_document():
    return jsonify(build_openapi())


# --------------------------------------------------------------------------- pictures and pages

@bp.get("/events/<event_id>/chart.png")
@operation
def event_chart(session, actor, event_id):
    _event, png = charts.event_chart(session, actor, event_id)
    response = Response(png, mimetype="image/png")
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _link_json(guest, token: str) -> dict:
    base = runtime().settings.public_url or request.url_root
    return {"guest_id": str(guest.id), "token": token, "url": rsvp_links.page_url(base, token)}


@bp.get("/events/<event_id>/guests/<guest_id:guest_id>/link")
@operation
def guest_link(session, actor, event_id, guest_id):
    guest = guests.get_guest(session, actor, event_id, guest_id)
    return jsonify(_link_json(guest, rsvp_links.token_for(runtime().settings.whatsapp_app_secret, guest)))


@bp.post("/events/<event_id>/guests/<guest_id:guest_id>/link")
@operation
def renew_guest_link(session, actor, event_id, guest_id):
    guest, token = rsvp_links.renew(session, actor, event_id, guest_id, runtime().settings.whatsapp_app_secret)
    return jsonify(_link_json(guest, token))
