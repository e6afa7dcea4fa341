"""Personal REST tokens: issued once, stored hashed, revocable."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from bot.services import tokens
from bot.users import get_or_create_user
from storage.models import ApiToken


def test_a_token_is_shown_once_and_stored_only_as_a_hash(session):
    user = get_or_create_user(session, phone="+972501111111")
    token = tokens.issue_token(session, user)
    session.commit()

    assert token.startswith("ib_") and len(token) > 40
    row = session.scalar(select(ApiToken))
    assert row.token_hash != token and token not in row.token_hash
    assert row.token_hash == tokens.hash_token(token)
    assert token.startswith(row.prefix) and len(row.prefix) < 12
    assert tokens.user_for_token(session, token).id == user.id


def test_unknown_malformed_and_revoked_tokens_belong_to_nobody(session):
    user = get_or_create_user(session, phone="+972501111111")
    first = tokens.issue_token(session, user)
    second = tokens.issue_token(session, user)
    other = tokens.issue_token(session, get_or_create_user(session, phone="+972502222222"))

    assert tokens.user_for_token(session, None) is None
    assert tokens.user_for_token(session, "") is None
    assert tokens.user_for_token(session, "ib_" + "x" * 43) is None
    assert tokens.user_for_token(session, first[3:]) is None
    assert tokens.user_for_token(session, first + "x" * 300) is None

    assert tokens.revoke_tokens(session, user) == 2
    assert tokens.user_for_token(session, first) is None
    assert tokens.user_for_token(session, second) is None
    assert tokens.user_for_token(session, other) is not None
    assert tokens.revoke_tokens(session, user) == 0
    assert tokens.count_tokens(session, user) == 0


def test_last_used_is_recorded_at_most_once_a_minute(session):
    user = get_or_create_user(session, phone="+972501111111")
    token = tokens.issue_token(session, user)
    row = session.scalar(select(ApiToken))
    assert row.last_used_at is None

    tokens.user_for_token(session, token)
    first_use = row.last_used_at
    assert first_use is not None
    tokens.user_for_token(session, token)
    assert row.last_used_at == first_use

    row.last_used_at = datetime.now(timezone.utc) - timedelta(minutes=2)
    session.flush()
    tokens.user_for_token(session, token)
    assert row.last_used_at > first_use - timedelta(minutes=2) + timedelta(minutes=1)
