"""One error family for the domain: a code, a message fit for a person, an HTTP status.

The chat turns these into a friendly reply, REST into {"error": {"code", "message"}}.
Anything else that escapes an operation is a bug.
"""
from __future__ import annotations


class DomainError(Exception):
    code = "error"
    http_status = 400

    def __init__(self, message: str, *, code: str | None = None, details: dict | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.details = details or {}


class InvalidLanguage(DomainError):
    """Not one of the languages the bot writes (he, en, ar, ru)."""
    code = "invalid_language"
    http_status = 400


class NotFound(DomainError):
    code = "not_found"
    http_status = 404


class NotAuthorized(DomainError):
    code = "forbidden"
    http_status = 403


class InvalidInput(DomainError):
    code = "invalid"
    http_status = 422


class TooLarge(DomainError):
    code = "too_large"
    http_status = 413


class Conflict(DomainError):
    code = "conflict"
    http_status = 409


class GuestAlreadyExists(Conflict):
    code = "guest_exists"

    def __init__(self, message: str, existing):
        super().__init__(message, details={"existing_guest_id": str(existing.id)})
        self.existing = existing


class MemberAlreadyExists(Conflict):
    code = "member_exists"


class LastAdmin(Conflict):
    code = "last_admin"
