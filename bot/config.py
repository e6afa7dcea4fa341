"""Settings: one frozen object read from the environment (and an optional .env).

Secrets have no defaults and never appear in the repr. Nothing here runs at import time.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Mapping

from bot.text.hours import parse_quiet_hours

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "instance" / "invitebot.sqlite3"


class ConfigError(RuntimeError):
    """The environment is wrong; the message lists every problem at once."""


def _secret():
    return field(default=None, repr=False)


@dataclass(frozen=True)
class Settings:
    database_url: str = f"sqlite:///{DEFAULT_SQLITE_PATH}"
    whatsapp_access_token: str | None = _secret()
    whatsapp_phone_number_id: str | None = None
    whatsapp_app_secret: str | None = _secret()
    whatsapp_verify_token: str | None = _secret()
    whatsapp_api_version: str = "v20.0"
    whatsapp_api_base_url: str = "https://graph.facebook.com"
    whatsapp_max_send_rate: float = 80.0
    invitation_template: str | None = None
    invitation_template_language: str = "en"
    # Meta language codes each template is approved in, e.g. "he,en_US" (the first is the
    # default); the older single *_TEMPLATE_LANGUAGE is used when these are not set.
    invitation_template_languages: str | None = None
    broadcast_template: str | None = None
    broadcast_template_language: str | None = None
    broadcast_template_languages: str | None = None
    # The day-before message's own template (category utility: cheaper than the broadcast
    # carrier, and Meta's time-to-live can be set on it): parameters name, event, when,
    # place, link. Without it the day-before message rides on the broadcast template.
    day_before_template: str | None = None
    day_before_template_languages: str | None = None
    default_region: str | None = None
    # Guest notes to an organiser are gathered and sent together at most this many seconds
    # late (0: each at once).
    note_digest_seconds: int = 180
    # No invitation, reminder or broadcast reaches a guest in these hours of the event's
    # time zone ("22-8"; empty or "off": none); such messages wait for the morning.
    quiet_hours: str = "22-8"
    # Where guests' own pages are reached from outside (https://invites.example.com): the
    # address the `link` command writes into each guest's link.
    public_url: str | None = None
    # An event's guests, answers and messages are deleted this many days after it (0: kept).
    retention_days: int = 180
    # The number's daily limit of new people reached by templates (Meta's messaging limit):
    # a number ("250", "2000") or Meta's tier ("TIER_250", "TIER_2K", "TIER_UNLIMITED"); a
    # bulk send beyond it is spread over days. Unset: no limit is assumed.
    messaging_limit: str | None = None
    # The category Meta approved the invitation and broadcast templates in, for prices.
    template_category: str = "marketing"
    # An operator's own rate card (JSON of bot/data/rate_card.json's shape); unset: the shipped one.
    rate_card_file: str | None = None
    log_level: str = "INFO"

    # Environment variable name for each field (all are the upper-cased field name).
    @classmethod
    def env_names(cls) -> list[str]:
        return [f.name.upper() for f in fields(cls)]

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, dotenv: bool = True) -> "Settings":
        """Read settings; a `.env` in the working directory fills what the environment lacks."""
        env: dict[str, str] = {}
        if dotenv:
            env.update(_read_dotenv(Path.cwd() / ".env"))
        env.update(os.environ if environ is None else environ)
        values: dict[str, object] = {}
        problems: list[str] = []
        for f in fields(cls):
            raw = env.get(f.name.upper())
            if f.name == "quiet_hours" and raw is not None:
                values[f.name] = raw.strip()  # set but empty: no quiet hours at all
                continue
            if raw is None or raw.strip() == "":
                continue
            raw = raw.strip()
            if f.name == "retention_days":
                if not raw.isdigit() or int(raw) > 3650:
                    problems.append(f"RETENTION_DAYS must be a whole number of days from 0 to 3650 (got {raw!r})")
                else:
                    values[f.name] = int(raw)
                continue
            if f.name == "note_digest_seconds":
                if not raw.isdigit() or int(raw) > 3600:
                    problems.append(f"NOTE_DIGEST_SECONDS must be a whole number of seconds from 0 to 3600 (got {raw!r})")
                else:
                    values[f.name] = int(raw)
                continue
            if f.name == "whatsapp_max_send_rate":
                try:
                    rate = float(raw)
                    if rate <= 0:
                        raise ValueError
                    values[f.name] = rate
                except ValueError:
                    problems.append(f"WHATSAPP_MAX_SEND_RATE must be a positive number (got {raw!r})")
                continue
            values[f.name] = normalize_database_url(raw) if f.name == "database_url" else raw
        settings = cls(**values)
        problems.extend(settings.problems())
        if problems:
            raise ConfigError("Configuration problems:\n  - " + "\n  - ".join(problems))
        return settings

    def problems(self) -> list[str]:
        """Settings that contradict each other (every one listed, not just the first)."""
        out: list[str] = []
        wa = {
            "WHATSAPP_ACCESS_TOKEN": self.whatsapp_access_token,
            "WHATSAPP_PHONE_NUMBER_ID": self.whatsapp_phone_number_id,
        }
        given = [k for k, v in wa.items() if v]
        if given and len(given) != len(wa):
            missing = [k for k, v in wa.items() if not v]
            out.append(
                f"{', '.join(given)} is set but {', '.join(missing)} is missing: "
                "set both to send through WhatsApp, or neither to use the console transport"
            )
        if self.whatsapp_access_token and not self.whatsapp_app_secret:
            out.append("WHATSAPP_APP_SECRET is missing: it is needed to verify Meta's webhooks")
        if self.whatsapp_access_token and not self.whatsapp_verify_token:
            out.append("WHATSAPP_VERIFY_TOKEN is missing: it is needed for Meta's webhook handshake")
        if not (
            self.database_url.startswith("sqlite")
            or self.database_url.startswith("postgresql")
        ):
            out.append("DATABASE_URL must be sqlite:///... or postgresql+psycopg://...")
        if self.default_region:
            import phonenumbers

            if self.default_region.upper() not in phonenumbers.SUPPORTED_REGIONS:
                out.append(f"DEFAULT_REGION must be a two-letter country code like IL or US "
                           f"(got {self.default_region!r})")
        if not re.fullmatch(r"https?://[^\s/]+(:\d+)?/?", self.whatsapp_api_base_url):
            out.append(f"WHATSAPP_API_BASE_URL must look like https://graph.facebook.com "
                       f"(got {self.whatsapp_api_base_url!r})")
        if self.public_url and not re.fullmatch(r"https?://[^\s/]+(:\d+)?(/[^\s]*)?", self.public_url):
            out.append(f"PUBLIC_URL must look like https://invites.example.com (got {self.public_url!r})")
        if not re.fullmatch(r"v\d+\.\d+", self.whatsapp_api_version):
            out.append(f"WHATSAPP_API_VERSION must look like v20.0 (got {self.whatsapp_api_version!r})")
        try:
            parse_quiet_hours(self.quiet_hours)
        except ValueError:
            out.append(f"QUIET_HOURS must look like 22-8 or 21:30-8:00, or be empty (got {self.quiet_hours!r})")
        for name in ("invitation_template_languages", "broadcast_template_languages", "day_before_template_languages"):
            raw = getattr(self, name)
            if raw is not None and not re.fullmatch(r"\s*[A-Za-z]{2,3}(_[A-Za-z]{2})?(\s*,\s*[A-Za-z]{2,3}(_[A-Za-z]{2})?)*\s*", raw):
                out.append(f"{name.upper()} must list Meta language codes like he,en_US (got {raw!r})")
        if self.messaging_limit is not None and not re.fullmatch(
                r"\s*(\d+|TIER_[A-Z0-9]+|UNLIMITED)\s*", self.messaging_limit, re.I):
            out.append(f"MESSAGING_LIMIT must be a number like 250 or a tier like TIER_2K "
                       f"(got {self.messaging_limit!r})")
        if self.template_category not in ("marketing", "utility", "authentication"):
            out.append(f"TEMPLATE_CATEGORY must be marketing, utility or authentication "
                       f"(got {self.template_category!r})")
        if self.rate_card_file and not Path(self.rate_card_file).is_file():
            out.append(f"RATE_CARD_FILE {self.rate_card_file!r} is not a file")
        if self.log_level.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            out.append(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR (got {self.log_level!r})")
        return out

    def template_languages(self, template: str) -> tuple[str, ...]:
        """The Meta language codes the "invitation", "broadcast" or "day_before" template is approved in."""
        if template == "invitation":
            listed, single = self.invitation_template_languages, self.invitation_template_language
        elif template == "day_before" and self.day_before_template_languages:
            listed, single = self.day_before_template_languages, None
        else:
            listed = self.broadcast_template_languages
            single = self.broadcast_template_language
            if not listed and not single:
                listed = self.invitation_template_languages
                single = self.invitation_template_language
        codes = tuple(c.strip() for c in (listed or "").split(",") if c.strip())
        return codes or ((single or "en"),)

    @property
    def uses_whatsapp(self) -> bool:
        """True when real credentials are set; otherwise the console transport is used."""
        return bool(self.whatsapp_access_token and self.whatsapp_phone_number_id)

    def with_overrides(self, **changes) -> "Settings":
        return replace(self, **changes)


def normalize_database_url(url: str) -> str:
    """Accept the postgres:// and postgresql:// forms hosts hand out; use psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _read_dotenv(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    from dotenv import dotenv_values

    return {k: v for k, v in dotenv_values(path).items() if v is not None}
