"""The OpenAPI document describes the API truthfully: schemathesis generates requests
from it for every operation (as an admin, on a seeded event with members and a guest)
and finds no server error and no response that breaks the document."""
from __future__ import annotations

import pytest
import schemathesis
from schemathesis import GenerationMode
from schemathesis.config import PositiveDataAcceptanceConfig
from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    allow_header_conformance,
    content_type_conformance,
    ensure_resource_availability,
    ignored_auth,
    missing_required_header,
    positive_data_acceptance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
    use_after_free,
)

from bot.api.openapi import build_openapi
from tests.api_helpers import seed

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, response_headers_conformance, negative_data_rejection,
          missing_required_header, unsupported_method, allow_header_conformance, positive_data_acceptance,
          ignored_auth]


@pytest.fixture
def seeded(runtime):
    return seed(runtime)


# The document is data built in code, the same object /api/openapi.json serves.
schema = schemathesis.openapi.from_dict(build_openapi())
# Schema-valid data is accepted: never a 400 or a 5xx. A 422 stays allowed, and only for
# the rules a schema cannot state, each named in the document's 422 answers: a phone
# number no country uses, more children than the party, an empty CSV file.
schema.config.checks.positive_data_acceptance = PositiveDataAcceptanceConfig(
    expected_statuses=["2xx", "401", "403", "404", "409", "422"])


def _broken(case) -> set[str]:
    """The parts of a request schemathesis broke on purpose (a negative case): "header",
    "path", "query", "body"."""
    return {str(getattr(location, "value", location)) for location, info in
            ((case.meta.components or {}).items() if case.meta else ())
            if info.mode == GenerationMode.NEGATIVE}


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_the_promises_of_its_openapi_document(case, app, seeded):
    # Aim the generated requests at data that exists, so they reach the real logic
    # rather than stopping at "Event not found".
    # A negative case (schemathesis breaks one part on purpose) keeps the part it broke.
    broken = _broken(case)
    params = case.path_parameters or {}
    if "path" not in broken:
        if "id" in params:
            params["id"] = seeded.event_id
        if "guest_id" in params:
            params["guest_id"] = seeded.guest_id
        if "user_id" in params:
            params["user_id"] = seeded.user_ids["editor"]
    headers = None if "header" in broken else seeded.headers("admin")
    checks = CHECKS
    if "body" in broken and case.media_type == "text/csv":
        # Any text is a CSV: the import answers 200 and reports each row it could not read.
        checks = [c for c in CHECKS if c is not negative_data_rejection]
    # The checks' own probes (the request again without the token, for ignored_auth) go to this app too.
    case.operation.schema.app = app
    case.call_and_validate(app=app, headers=headers, checks=checks)


def test_the_document_is_served_without_a_token_and_names_every_endpoint(client):
    r = client.get("/api/openapi.json")
    assert r.status_code == 200
    doc = r.get_json()
    assert doc["openapi"].startswith("3.")
    assert doc["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http", "scheme": "bearer", "description": "A personal token, ib_..."}
    assert set(doc["paths"]) == {
        "/api/events", "/api/events/{id}", "/api/events/{id}/members", "/api/events/{id}/invite-member",
        "/api/events/{id}/members/{user_id}", "/api/events/{id}/guests", "/api/events/{id}/guests/{guest_id}",
        "/api/events/{id}/guests/import", "/api/events/{id}/guests.csv", "/api/events/{id}/whatsapp",
        "/api/events/{id}/whatsapp/broadcast", "/api/events/{id}/stats", "/api/events/{id}/inbox", "/api/events/{id}/chart.png",
        "/api/events/{id}/guests/{guest_id}/link", "/api/openapi.json",
    }
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method == "parameters" or path == "/api/openapi.json":
                continue
            assert {"401", "404", "500"} <= set(op["responses"]), (method, path)
            assert op["responses"]["401"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/Error"}


def test_every_route_of_the_api_is_in_the_document(app):
    documented = set()
    doc = app.test_client().get("/api/openapi.json").get_json()
    for path, item in doc["paths"].items():
        flask_path = path.replace("{id}", "<event_id>").replace("{guest_id}", "<guest_id:guest_id>").replace(
            "{user_id}", "<user_id>")
        documented |= {(flask_path, m.upper()) for m in item if m != "parameters"}
    routed = {(rule.rule, m) for rule in app.url_map.iter_rules() if rule.rule.startswith("/api")
              for m in rule.methods - {"HEAD", "OPTIONS"}}
    assert routed == documented


def test_what_the_api_creates_can_be_read_changed_and_deleted_in_any_order(app, seeded):
    """A stateful run along the document's links (create an event, add guests to it, read,
    change and delete them in sequences hypothesis picks): what was created is there
    (ensure_resource_availability), what was deleted is gone (use_after_free), with every
    stateless check on each step. (ignored_auth is the stateless test's: here each step
    carries the admin's token.)"""
    headers = seeded.headers("admin")
    checks = [c for c in CHECKS if c is not ignored_auth] + [use_after_free, ensure_resource_availability]

    crud = schema.include(operation_id=["createEvent", "getEvent", "updateEvent", "deleteEvent", "addGuest",
                                        "getGuest", "updateGuest", "removeGuest", "listGuests"])

    class Workflow(crud.as_state_machine()):
        def get_call_kwargs(self, case):
            return {"app": app, "headers": None if "header" in _broken(case) else headers}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, checks=checks, transport_kwargs=kwargs or None, recorder=self.recorder)

    run_state_machine_as_test(Workflow, settings=settings(max_examples=40, stateful_step_count=8, deadline=None,
                                                          suppress_health_check=list(HealthCheck)))
