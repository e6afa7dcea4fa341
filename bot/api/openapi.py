"""The OpenAPI 3 document of the REST API, built in code (served at GET /api/openapi.json).

Request bodies come from the same field tables that decode requests (bot.api_codec),
so the document and the API cannot drift apart on what a body may hold.
"""
from __future__ import annotations

from typing import Any

from bot.api.codec import (
    BODY_SPECS,
    DEFAULT_LIMIT,
    EVENT_CREATE,
    EVENT_UPDATE,
    GUEST_CREATE,
    GUEST_IMPORT_ROW,
    GUEST_UPDATE,
    INVITATION_FILTERS,
    MAX_LIMIT,
    MAX_SEARCH,
    MAX_SKIP,
    MEMBER_INVITE,
    MEMBER_UPDATE,
    LANGS,
    ROLES,
    STATUS_FILTERS,
    WHATSAPP_BROADCAST,
    WHATSAPP_ONE,
)

RSVP_STATUSES = ["invited", "confirmed", "declined"]
INVITATION_STATES = list(INVITATION_FILTERS)


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {**schema, "nullable": True}


def _object(properties: dict[str, Any], required: list[str] | None = None, **extra) -> dict[str, Any]:
    return {"type": "object", "properties": properties,
            "required": list(properties) if required is None else required, **extra}


DATETIME = {"type": "string", "format": "date-time"}
UUID = {"type": "string", "format": "uuid"}
STRING = {"type": "string"}
COUNT = {"type": "integer", "minimum": 0}

SCHEMAS: dict[str, Any] = {
    "Error": _object({
        "error": _object({
            "code": {"type": "string", "description": "Stable, machine-readable: not_found, forbidden, invalid, ..."},
            "message": {"type": "string", "description": "What went wrong, fit to show a person."},
            "existing_guest_id": {**UUID, "description": "On 409 guest_exists: the guest already on the list."},
            "row": {"type": "integer", "minimum": 1,
                    "description": "On 422 for an import list: the row (1-based) whose field is unknown or of the "
                                   "wrong type; nothing was imported."},
        }, required=["code", "message"]),
    }),
    "Event": _object({
        "id": UUID,
        "name": STRING,
        "date": _nullable({"type": "string", "format": "date"}),
        "time": _nullable({"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$",
                           "description": "When it starts (HH:MM, in the event's time zone)."}),
        "location": _nullable(STRING),
        "timezone": {"type": "string", "description": "An IANA time zone such as Asia/Jerusalem."},
        "language": {"type": "string", "enum": list(LANGS),
                     "description": "What guests read: invitations, reminders, replies (he, en, ar, ru)."},
        "created_at": DATETIME,
        "updated_at": DATETIME,
        "role": {"type": "string", "enum": list(ROLES), "description": "The caller's role in this event."},
    }, additionalProperties=False),
    "Member": _object({
        "user_id": UUID,
        "phone": _nullable(STRING),
        "email": _nullable(STRING),
        "display_name": _nullable(STRING),
        "role": {"type": "string", "enum": list(ROLES)},
    }, additionalProperties=False),
    "Guest": _object({
        "id": UUID,
        "first_name": STRING,
        "last_name": STRING,
        "phone": {"type": "string", "description": "E.164, e.g. +972502345678"},
        "side": _nullable(STRING),
        "status": {"type": "string", "enum": RSVP_STATUSES,
                   "description": "The guest's answer; invited means no answer yet (shown as pending)."},
        "party_size": _nullable({"type": "integer", "minimum": 0, "maximum": 50,
                                 "description": "Everyone coming, children included."}),
        "children": _nullable({"type": "integer", "minimum": 0, "maximum": 50,
                               "description": "How many of the party are children (never more than "
                                              "party_size); null when not said."}),
        "answers": {"type": "object", "additionalProperties": STRING,
                    "description": "Answers to the event's questions (ask): {question: option}."},
        "notes": _nullable(STRING),
        "invitation": {"type": "string", "enum": INVITATION_STATES,
                       "description": "Delivery of the invitation, apart from the answer."},
        "opted_out": {"type": "boolean"},
        "created_at": DATETIME,
        "updated_at": DATETIME,
        "link": _nullable({"type": "string", "format": "uri",
                           "description": "The guest's personal RSVP page (as GET .../link gives it); null when "
                                          "the server has no PUBLIC_URL to build it on."}),
    }, additionalProperties=False),
    "GuestPage": _object({
        "items": {"type": "array", "items": _ref("Guest")},
        "total": {**COUNT, "description": "How many guests match the filters (all pages)."},
        "skip": COUNT,
        "limit": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
    }, additionalProperties=False),
    "ImportResult": _object({
        "created": COUNT,
        "duplicates": COUNT,
        "rejected": COUNT,
        "rows": {"type": "array", "items": _object({
            "row": {"type": "integer", "nullable": True,
                    "description": "The CSV file's line (as a spreadsheet numbers it) or the 1-based position "
                                   "in the JSON list."},
            "result": {"type": "string", "enum": ["created", "duplicate", "rejected"]},
            "id": {**UUID, "description": "created: the new guest."},
            "existing_id": {**UUID, "description": "duplicate: the guest already on the list."},
            "added_by": {"type": "string", "description": "duplicate: who added the existing guest."},
            "reason": {"type": "string", "description": "rejected: why, fit to show a person."},
        }, required=["row", "result"])},
    }, additionalProperties=False),
    "Stats": _object({
        "total": COUNT,
        "by_status": _object({s: COUNT for s in RSVP_STATUSES}, additionalProperties=False),
        "maybe": {**COUNT, "description": "Of the invited (pending) guests, those who answered maybe."},
        "confirmation_rate": {"type": "number", "minimum": 0, "maximum": 1},
        "expected_headcount": {**COUNT, "description": "Confirmed guests times their party size "
                                                       "(1 when the size is unknown)."},
        "confirmed_without_count": {**COUNT, "description": "Confirmed guests who have not said how many they "
                                                            "are (each counted as 1 in expected_headcount)."},
        "expected_adults": {**COUNT, "description": "The expected headcount less the children."},
        "expected_children": {**COUNT, "description": "Children of confirmed guests, where said."},
        "by_side": {"type": "object", "description": "Per side; guests without a side are under \"none\".",
                    "additionalProperties": _object({k: COUNT for k in ("total", "confirmed", "declined",
                                                                        "invited")})},
        "invitations": _object({s: COUNT for s in INVITATION_STATES}, additionalProperties=False),
        "inbox_unread": {**COUNT, "description": "Inbox items the caller has not read in the chat yet."},
        "billed": _object({
            "messages": {**COUNT, "description": "Messages Meta reported as billable (status webhooks' pricing)."},
            "amount": {"type": "string", "description": "Their price by the rate card, e.g. \"12.40\"."},
            "currency": STRING,
        }, additionalProperties=False),
    }, additionalProperties=False),
    "InboxItem": _object({
        "id": UUID,
        "guest_id": {**UUID, "nullable": True, "description": "null once the guest was removed."},
        "guest_name": _nullable(STRING),
        "kind": {"type": "string", "description": "text, image, audio (a voice note), video, document, sticker, "
                                                  "location, contacts, ..."},
        "text": {**STRING, "nullable": True, "description": "What a text message says."},
        "caption": {**STRING, "nullable": True, "description": "A medium's caption; a location's name and address."},
        "media_id": {**STRING, "nullable": True, "description": "The WhatsApp media id of a photo, voice note, "
                                                                "video, document or sticker."},
        "mime_type": _nullable(STRING),
        "location": {**_object({"latitude": {"type": "number"}, "longitude": {"type": "number"},
                                "name": _nullable(STRING), "address": _nullable(STRING)}),
                     "nullable": True},
        "received_at": DATETIME,
        "read": {"type": "boolean", "description": "Whether the caller has seen it in the chat's *inbox*."},
        "replied": {"type": "boolean", "description": "Whether an organiser wrote to the guest after it."},
    }, additionalProperties=False),
    "InboxPage": _object({
        "items": {"type": "array", "items": _ref("InboxItem")},
        "total": {**COUNT, "description": "Every item of the inbox (all pages)."},
        "unread": {**COUNT, "description": "Items the caller has not read yet."},
        "skip": COUNT,
        "limit": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
    }, additionalProperties=False),
    "MessageQueued": _object({
        "queued": {"type": "integer", "enum": [1]},
        "guest_id": UUID,
        "message_id": UUID,
    }),
    "BroadcastQueued": _object({
        "queued": {**COUNT, "description": "Messages queued for sending."},
        "skipped": {"type": "object", "additionalProperties": COUNT,
                    "description": "Guests left out, by reason (opted out, invitation failed)."},
        "batch_id": UUID,
    }),
}
SCHEMAS.update({spec.name: spec.openapi(all_optional=spec is GUEST_IMPORT_ROW) for spec in BODY_SPECS})

ERRORS = {
    "400": "The body is not valid JSON.",
    "401": "No token, or a token that is not valid (revoked or unknown).",
    "403": "Your role in this event does not allow it; the message names the role needed.",
    "404": "No such event, or not one of yours (the same answer, on purpose); or no such guest/member.",
    "405": "Method not allowed.",
    "409": "Conflicts with what is stored (a guest with that phone, the last admin, ...).",
    "413": "The request is too large.",
    "415": "Unsupported content type.",
    "422": "A field has the wrong type or a value the rules refuse (`invalid_language`: a language other than "
           "he, en, ar, ru); the message says which and why.",
    "500": "Something went wrong on our side.",
    "503": "The service (its database) is briefly unavailable; nothing was changed: retry after `Retry-After` seconds.",
}


def _error(status: str) -> dict[str, Any]:
    response: dict[str, Any] = {"description": ERRORS[status], "content": _json(_ref("Error"))}
    if status == "401":
        response["headers"] = {"WWW-Authenticate": {"schema": STRING, "description": "Bearer"}}
    return response


def _responses(ok: dict[str, Any], *errors: str) -> dict[str, Any]:
    out = dict(ok)
    for status in ("401", "404", "405", "413", "500", "503", *errors):
        out[status] = _error(status)
    return dict(sorted(out.items()))


def _ok(status: str, description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    response: dict[str, Any] = {"description": description}
    if schema is not None:
        response["content"] = _json(schema)
    return {status: response}


def _links(ok: dict[str, Any], **links: tuple[str, dict[str, str]]) -> dict[str, Any]:
    """`ok` with OpenAPI links: what a client (or a stateful test) can do next with what it
    got back, e.g. GetEvent with {"id": "$response.body#/id"}."""
    ((status, response),) = ok.items()
    response["links"] = {name: {"operationId": op_id, "parameters": params} for name, (op_id, params) in links.items()}
    return ok


def _body(schema_name: str, description: str = "") -> dict[str, Any]:
    body: dict[str, Any] = {"required": True, "content": _json(_ref(schema_name))}
    if description:
        body["description"] = description
    return body


def _path_param(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "description": description, "schema": UUID}


EVENT_ID = _path_param("id", "The event's id.")
NEW_EVENT = {"id": "$response.body#/id"}
NEW_GUEST = {"id": "$request.path.id", "guest_id": "$response.body#/id"}
GUEST_ID = _path_param("guest_id", "The guest's id.")
USER_ID = _path_param("user_id", "The member's user id.")

FILTERS = [
    {"name": "status", "in": "query", "schema": {"type": "string", "enum": [*STATUS_FILTERS, ""]},
     "description": "The guests' answer (pending is the same as invited; empty: any)."},
    {"name": "side", "in": "query", "schema": {"type": "string", "maxLength": MAX_SEARCH},
     "description": "The guests' side (case-insensitive)."},
    {"name": "search", "in": "query", "schema": {"type": "string", "maxLength": MAX_SEARCH},
     "description": "Part of a name, a note, or at least 3 digits of a phone."},
    {"name": "invitation", "in": "query", "schema": {"type": "string", "enum": [*INVITATION_STATES, ""]},
     "description": "The invitation's delivery state (empty: any)."},
]
PAGING = [
    {"name": "skip", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": MAX_SKIP, "default": 0},
     "description": "How many matching guests to skip."},
    {"name": "limit", "in": "query",
     "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
     "description": f"Page size (at most {MAX_LIMIT})."},
]

EXPORT_PAGING = [
    {"name": "skip", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": MAX_SKIP, "default": 0},
     "description": "How many matching guests to leave out."},
    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
     "description": f"At most this many guests (at most {MAX_LIMIT}); without it, every matching guest."},
]


def _op(summary: str, responses: dict[str, Any], *, body: dict[str, Any] | None = None,
        params: list[dict[str, Any]] | None = None, tag: str, op_id: str) -> dict[str, Any]:
    op: dict[str, Any] = {"summary": summary, "operationId": op_id, "tags": [tag], "responses": responses}
    if params:
        op["parameters"] = params
    if body:
        op["requestBody"] = body
    return op


def _paths() -> dict[str, Any]:
    event = _ref("Event")
    return {
        "/api/events": {
            "get": _op("Your events, soonest first", _responses(_ok("200", "Your events, with your role in each.",
                       {"type": "array", "items": event})), tag="events", op_id="listEvents"),
            "post": _op("Create an event (you become its admin)",
                        _responses(_links(_ok("201", "The new event.", event),
                                          GetEvent=("getEvent", NEW_EVENT), UpdateEvent=("updateEvent", NEW_EVENT),
                                          DeleteEvent=("deleteEvent", NEW_EVENT), ListGuests=("listGuests", NEW_EVENT),
                                          AddGuest=("addGuest", NEW_EVENT)),
                                   "400", "415", "422"),
                        body=_body(EVENT_CREATE.name), tag="events", op_id="createEvent"),
        },
        "/api/events/{id}": {
            "parameters": [EVENT_ID],
            "get": _op("One event", _responses(_ok("200", "The event.", event)), tag="events", op_id="getEvent"),
            "patch": _op("Change the event's name, date, location or time zone (admin)",
                         _responses(_ok("200", "The changed event.", event), "400", "403", "415", "422"),
                         body=_body(EVENT_UPDATE.name), tag="events", op_id="updateEvent"),
            "delete": _op("Delete the event with its guests and messages (admin)",
                          _responses(_ok("204", "Deleted."), "403"), tag="events", op_id="deleteEvent"),
        },
        "/api/events/{id}/members": {
            "parameters": [EVENT_ID],
            "get": _op("The event's members and their roles",
                       _responses(_ok("200", "Admins first.", {"type": "array", "items": _ref("Member")})),
                       tag="members", op_id="listMembers"),
        },
        "/api/events/{id}/invite-member": {
            "parameters": [EVENT_ID],
            "post": _op("Add a member by phone (admin)",
                        _responses(_ok("201", "The new member.", _ref("Member")), "400", "403", "409", "415", "422"),
                        body=_body(MEMBER_INVITE.name), tag="members", op_id="inviteMember"),
        },
        "/api/events/{id}/members/{user_id}": {
            "parameters": [EVENT_ID, USER_ID],
            "patch": _op("Change a member's role (admin; the last admin stays admin)",
                         _responses(_ok("200", "The member.", _ref("Member")), "400", "403", "409", "415", "422"),
                         body=_body(MEMBER_UPDATE.name), tag="members", op_id="changeMemberRole"),
            "delete": _op("Remove a member (admin; not the last admin)",
                          _responses(_ok("204", "Removed."), "403", "409"), tag="members", op_id="removeMember"),
        },
        "/api/events/{id}/guests": {
            "parameters": [EVENT_ID],
            "get": _op("A page of guests, filtered",
                       _responses(_ok("200", "Guests by name; `total` counts every match.", _ref("GuestPage")),
                                  "422"),
                       params=FILTERS + PAGING, tag="guests", op_id="listGuests"),
            "post": _op("Add a guest (admin, editor)",
                        _responses(_links(_ok("201", "The new guest.", _ref("Guest")),
                                          GetGuest=("getGuest", NEW_GUEST), UpdateGuest=("updateGuest", NEW_GUEST),
                                          RemoveGuest=("removeGuest", NEW_GUEST)),
                                   "400", "403", "409", "415", "422"),
                        body=_body(GUEST_CREATE.name), tag="guests", op_id="addGuest"),
        },
        "/api/events/{id}/guests/{guest_id}": {
            "parameters": [EVENT_ID, GUEST_ID],
            "get": _op("One guest", _responses(_ok("200", "The guest.", _ref("Guest"))), tag="guests",
                       op_id="getGuest"),
            "patch": _op("Edit a guest, or record their answer by hand with `status` (admin, editor)",
                         _responses(_ok("200", "The guest.", _ref("Guest")), "400", "403", "409", "415", "422"),
                         body=_body(GUEST_UPDATE.name), tag="guests", op_id="updateGuest"),
            "delete": _op("Remove a guest (admin)", _responses(_ok("204", "Removed."), "403"), tag="guests",
                          op_id="removeGuest"),
        },
        "/api/events/{id}/guests/import": {
            "parameters": [EVENT_ID],
            "post": _op(
                "Import guests from a JSON list or a CSV file (admin, editor)",
                _responses(_ok("200", "What happened to each row.", _ref("ImportResult")),
                           "400", "403", "415", "422"),
                body={"required": True, "description": (
                    "A JSON list of guests; or a CSV file (UTF-8, with a header like name,phone,side,party,notes "
                    "in English or Hebrew, or those columns without a header; an optional children column, also "
                    "kids or ילדים, says how many of the party are children) uploaded as the form field `file` "
                    "or sent as a text/csv body."),
                    "content": {
                        "application/json": {"schema": {"type": "array", "items": _ref(GUEST_IMPORT_ROW.name)}},
                        "multipart/form-data": {"schema": _object(
                            {"file": {"type": "string", "format": "binary"}}, additionalProperties=False)},
                        "text/csv": {"schema": STRING},
                    }},
                tag="guests", op_id="importGuests"),
        },
        "/api/events/{id}/guests.csv": {
            "parameters": [EVENT_ID],
            "get": _op("The guests as a CSV file Excel opens with Hebrew intact (UTF-8 with BOM); all of them "
                       "unless paged",
                       _responses({"200": {"description": "An attachment.",
                                           "headers": {"Content-Disposition": {"schema": STRING}},
                                           "content": {"text/csv": {"schema": STRING}}}}, "422"),
                       params=FILTERS + EXPORT_PAGING, tag="guests", op_id="exportGuests"),
        },
        "/api/events/{id}/whatsapp": {
            "parameters": [EVENT_ID],
            "post": _op("Send a WhatsApp message to one guest (any member)",
                        _responses(_ok("202", "Queued; the worker sends it.", _ref("MessageQueued")),
                                   "400", "403", "409", "415", "422"),
                        body=_body(WHATSAPP_ONE.name), tag="whatsapp", op_id="messageGuest"),
        },
        "/api/events/{id}/whatsapp/broadcast": {
            "parameters": [EVENT_ID],
            "post": _op("Send a WhatsApp message to every guest matching the filters (any member)",
                        _responses(_ok("202", "Queued; the worker sends them.", _ref("BroadcastQueued")),
                                   "400", "403", "415", "422"),
                        body=_body(WHATSAPP_BROADCAST.name), tag="whatsapp", op_id="broadcast"),
        },
        "/api/openapi.json": {
            "get": {"summary": "This document", "operationId": "openapi", "tags": ["meta"], "security": [],
                    "responses": {"200": {"description": "The OpenAPI document.",
                                          "content": _json({"type": "object"})}}},
        },
        "/api/events/{id}/inbox": {
            "parameters": [EVENT_ID],
            "get": _op("What guests wrote that is not an answer (questions, photos, voice notes), newest first",
                       _responses(_ok("200", "A page of the inbox; `unread` is the caller's.", _ref("InboxPage")),
                                  "422"),
                       params=PAGING, tag="inbox", op_id="eventInbox"),
        },
        "/api/events/{id}/stats": {
            "parameters": [EVENT_ID],
            "get": _op("Answers, expected headcount, sides and invitation delivery",
                       _responses(_ok("200", "The numbers.", _ref("Stats"))), tag="stats", op_id="eventStats"),
        },
        "/api/events/{id}/chart.png": {
            "parameters": [EVENT_ID],
            "get": _op("The event's progress as a portrait PNG, in the reader's language (any member)",
                       _responses({"200": {"description": "The chart.", "content": {
                           "image/png": {"schema": {"type": "string", "format": "binary"}}}}}),
                       tag="stats", op_id="eventChart"),
        },
        "/api/events/{id}/guests/{guest_id}/link": {
            "parameters": [EVENT_ID, GUEST_ID],
            "get": _op("The guest's personal RSVP page link (any member)",
                       _responses(_ok("200", "The link.", _object({"guest_id": UUID, "token": STRING, "url": STRING}))),
                       tag="guests", op_id="guestLink"),
            "post": _op("Revoke the guest's link and make a new one (admin or editor)",
                        _responses(_ok("200", "The new link.",
                                       _object({"guest_id": UUID, "token": STRING, "url": STRING})), "403"),
                        tag="guests", op_id="renewGuestLink"),
        },
    }


def build_openapi() -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "WhatsApp invitation bot: REST API",
            "version": "1.0.0",
            "description": (
                "Events, members, guests and stats, with the same roles as the WhatsApp chat. "
                "Authenticate with your personal token (text `token` to the bot, or run "
                "`flask --app wsgi create-token <phone>`): `Authorization: Bearer ib_...`. "
                "Every error is `{\"error\": {\"code\", \"message\"}}`. An event you are not a member of "
                "answers 404, exactly like one that does not exist. Lists of guests are paged: "
                "`{\"items\", \"total\", \"skip\", \"limit\"}`."
            ),
        },
        "servers": [{"url": "/"}],
        "security": [{"bearerAuth": []}],
        "tags": [{"name": n} for n in ("events", "members", "guests", "inbox", "whatsapp", "stats", "meta")],
        "paths": _paths(),
        "components": {
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer",
                                               "description": "A personal token, ib_..."}},
            "schemas": SCHEMAS,
        },
    }
