"""Personal REST tokens: shown once, stored only as a SHA-256 hash, revocable.

A token looks like ``ib_<43 url-safe characters>``; the recognisable prefix lets people
(and secret scanners) tell what it is. The database keeps its hash and its first few
characters (for display, e.g. "ib_Q3xa…"), never the token itself.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta, timezone

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.models import ApiToken, User

TOKEN_PREFIX = "ib_"
DISPLAY_CHARS = 8           # what `prefix` keeps: "ib_" and five more characters
MAX_TOKEN_LENGTH = 200      # anything longer is not one of ours; don't even hash it
LAST_USED_PRECISION = timedelta(minutes=1)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(session: Session, user: User) -> str:
    """A new personal token for `user`; the only time its text exists is this return value."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=hash_token(token), prefix=token[:DISPLAY_CHARS]))
    session.flush()
    return token


def revoke_tokens(session: Session, user: User) -> int:
    """Revokes every live token of `user`; returns how many were revoked."""
    result = session.execute(
        update(ApiToken)
        .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=datetime.now(timezone.utc))
        .execution_options(synchronize_session=False)
    )
    session.flush()
    return result.rowcount or 0


def count_tokens(session: Session, user: User) -> int:
    """How many live tokens `user` has."""
    return len(session.scalars(
        select(ApiToken.id).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
    ).all())


def user_for_token(session: Session, token: str | None) -> User | None:
    """The user a live token belongs to, or None (unknown, malformed or revoked).

    Records when the token was last used, at most once a minute, so a busy script does
    not turn every read into a write.
    """
    if not token or len(token) > MAX_TOKEN_LENGTH or not token.startswith(TOKEN_PREFIX):
        return None
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(token)))
    if row is None or row.revoked_at is not None:
        return None
    user = session.get(User, row.user_id)
    if user is None:  # pragma: no cover - the cascade removes tokens with their user
        return None
    now = datetime.now(timezone.utc)
    last = row.last_used_at
    if last is None or now - last >= LAST_USED_PRECISION:
        row.last_used_at = now
        session.flush()
    return user
