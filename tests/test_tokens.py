"""Personal REST tokens: issued once, stored hashed, revocable."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from bot.services import tokens
from bot.services.users import get_or_create_user
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


def test_create_token_prints_the_token_alone_on_its_last_line(app, client, runtime):
    result = app.test_cli_runner().invoke(args=["create-token", "050-777-1234"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    token = lines[-1]
    assert token.startswith("ib_") and " " not in token
    assert "+972507771234" in result.output and "shown only this once" in result.output
    r = client.get("/api/events", headers={"Authorization": f"Bearer {token}"})
    assert (r.status_code, r.get_json()) == (200, [])
    again = app.test_cli_runner().invoke(args=["create-token", "+972507771234"]).output.strip().splitlines()[-1]
    assert again != token  # a second token for the same user; the first still works
    assert client.get("/api/events", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_create_token_refuses_a_bad_phone_clearly(app, settings):
    result = app.test_cli_runner().invoke(args=["create-token", "not-a-phone"])
    assert result.exit_code != 0
    assert "doesn't look like a phone number" in result.output


def test_create_token_without_a_default_region_asks_for_the_country_code(settings):
    from bot import create_app

    app = create_app(settings.with_overrides(default_region=None))
    result = app.test_cli_runner().invoke(args=["create-token", "050-777-1234"])
    assert result.exit_code != 0
    assert "country code" in result.output
    app.extensions["invitebot"].engine.dispose()
