"""Settings come from the environment, list every problem at once, and hide secrets."""
from __future__ import annotations

import pytest

from bot.config import ConfigError, Settings


def test_defaults_need_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = Settings.from_env({})
    assert s.database_url.startswith("sqlite:///") and s.database_url.endswith("instance/invitebot.sqlite3")
    assert s.whatsapp_api_version == "v20.0"
    from urllib.parse import urlparse

    base = urlparse(s.whatsapp_api_base_url)  # Meta's Graph API host, over HTTPS (SPEC's default)
    assert base.scheme == "https" and base.hostname.startswith("graph.") and not base.path.strip("/")
    assert s.whatsapp_max_send_rate == 80
    assert not s.uses_whatsapp


def test_secrets_stay_out_of_the_repr():
    s = Settings.from_env({
        "WHATSAPP_ACCESS_TOKEN": "EAAG-very-secret",
        "WHATSAPP_PHONE_NUMBER_ID": "123",
        "WHATSAPP_APP_SECRET": "app-secret-value",
        "WHATSAPP_VERIFY_TOKEN": "verify-token-value",
    }, dotenv=False)
    text = repr(s)
    for secret in ("EAAG-very-secret", "app-secret-value", "verify-token-value"):
        assert secret not in text
    assert s.uses_whatsapp


def test_every_problem_is_listed_at_once():
    with pytest.raises(ConfigError) as info:
        Settings.from_env({
            "WHATSAPP_ACCESS_TOKEN": "token",
            "WHATSAPP_MAX_SEND_RATE": "fast",
            "DATABASE_URL": "mysql://x",
            "DEFAULT_REGION": "ZZ",
            "WHATSAPP_API_BASE_URL": "ftp//x",
            "WHATSAPP_API_VERSION": "20",
            "LOG_LEVEL": "LOUD",
        }, dotenv=False)
    message = str(info.value)
    for name in ("WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN",
                 "WHATSAPP_MAX_SEND_RATE", "DATABASE_URL", "DEFAULT_REGION", "WHATSAPP_API_BASE_URL",
                 "WHATSAPP_API_VERSION", "LOG_LEVEL"):
        assert name in message
    assert "token" not in message.replace("TOKEN", "").replace("token is", "")


def test_dotenv_fills_what_the_environment_lacks(tmp_path, monkeypatch):
    (tmp_path / ".env").write_text("WHATSAPP_API_VERSION=v21.0\nDEFAULT_REGION=US\n")
    monkeypatch.chdir(tmp_path)
    s = Settings.from_env({"DEFAULT_REGION": "IL"})
    assert s.whatsapp_api_version == "v21.0"
    assert s.default_region == "IL"


def test_env_example_lists_every_setting():
    from bot.config import PROJECT_ROOT

    example = (PROJECT_ROOT / ".env.example").read_text()
    for name in Settings.env_names():
        assert f"{name}=" in example, name


def test_the_database_url_forms_hosts_hand_out_are_accepted():
    s = Settings.from_env({"DATABASE_URL": "postgres://u:p@db.example:5432/app"}, dotenv=False)
    assert s.database_url == "postgresql+psycopg://u:p@db.example:5432/app"


def test_a_bad_setting_stops_the_cli_with_the_list_not_a_traceback(tmp_path):
    import subprocess
    import sys

    from bot.config import PROJECT_ROOT

    env = {"PATH": "/usr/bin:/bin", "LOG_LEVEL": "LOUD", "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}
    run = subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "db", "current"], cwd=PROJECT_ROOT,
                         env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "LOG_LEVEL must be" in run.stderr and "Traceback" not in run.stderr
