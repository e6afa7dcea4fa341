"""Each guest's personal page link, `/r/<token>`: unguessable, per guest, revocable.

A token is the guest's id (22 url-safe characters) followed by a signature (16 more): an
HMAC-SHA256, cut to 96 bits, of the guest's id, phone number and `link_nonce` under a key
derived from the server's secret. Nothing is stored per link, so:

* a guest's new phone number revokes the old link (the signature no longer matches);
* `new_link()` revokes it on purpose (the nonce moves on);
* a token that does not match, of a forgotten guest or of a purged event, finds nobody,
  and the caller answers exactly as for a token that never existed.

Pure domain code: no Flask; the caller passes the secret.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import uuid

from sqlalchemy.orm import Session

from storage.models import Event, Guest, User

from bot.services.access import require
from bot.services.errors import DomainError
from bot.services.guests import get_guest
from bot.services.permissions import Action

TOKEN_LENGTH = 38
_TOKEN = re.compile(r"[A-Za-z0-9_-]{38}")
_KEY_LABEL = b"invitebot guest page link v1"


class LinksUnavailable(DomainError):
    """The server has no secret to sign links with."""

    code = "links_unavailable"
    http_status = 503


def _key(secret: str) -> bytes:
    """The signing key, derived (so the secret itself signs nothing else than it did)."""
    return hmac.new(secret.encode("utf-8"), _KEY_LABEL, hashlib.sha256).digest()


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _signature(secret: str, guest: Guest) -> str:
    message = f"{guest.id}|{guest.phone}|{guest.link_nonce or 0}".encode("utf-8")
    return _b64(hmac.new(_key(secret), message, hashlib.sha256).digest()[:12])


def token_for(secret: str | None, guest: Guest) -> str:
    """The guest's current token (the same until their phone or nonce changes)."""
    if not secret:
        raise LinksUnavailable("Guest links need a server secret (WHATSAPP_APP_SECRET) to be set.")
    return _b64(guest.id.bytes) + _signature(secret, guest)


def new_link(session: Session, guest: Guest, secret: str | None) -> str:
    """Revoke the guest's link and return the new token."""
    guest.link_nonce = (guest.link_nonce or 0) + 1
    session.flush()
    return token_for(secret, guest)


def renew(session: Session, actor: User, event_id, guest_id, secret: str | None) -> tuple[Guest, str]:
    """An organiser revokes a guest's link (admin or editor): the guest and the new token."""
    require(session, actor, event_id, Action.EDIT_GUESTS)
    guest = get_guest(session, actor, event_id, guest_id)
    return guest, new_link(session, guest, secret)


def guest_for_token(session: Session, secret: str | None, token: str) -> Guest | None:
    """The guest the token belongs to, or None (whatever the reason: the caller must not tell)."""
    if not secret or not isinstance(token, str) or not _TOKEN.fullmatch(token):
        return None
    try:
        guest_id = uuid.UUID(bytes=base64.urlsafe_b64decode(token[:22] + "=="))
    except (ValueError, binascii.Error):
        return None
    guest = session.get(Guest, guest_id)
    if guest is None or guest.forgotten_at is not None:
        # Still compute a signature, so a miss takes as long as a wrong signature.
        hmac.compare_digest(token[22:], _b64(hmac.new(_key(secret), token.encode(), hashlib.sha256).digest()[:12]))
        return None
    if not hmac.compare_digest(token[22:], _signature(secret, guest)):
        return None
    event = session.get(Event, guest.event_id)
    if event is None or event.purged_at is not None:
        return None
    return guest


def page_url(base: str, token: str) -> str:
    """The guest's page at `base` (the bot's public address)."""
    return f"{base.rstrip('/')}/r/{token}"


def page_for(guest: Guest, secret: str | None, base: str | None) -> str | None:
    """The guest's page, or None when the bot has no public address or no secret to sign with."""
    return page_url(base, token_for(secret, guest)) if secret and base else None
