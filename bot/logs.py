"""Logging set-up, and what a log line may show: phones masked, secrets blanked."""
from __future__ import annotations

import logging
import re
from typing import Any

from phonenumbers import COUNTRY_CODE_TO_REGION_CODE


def configure_logging(level: str = "INFO") -> None:
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(
            level=level.upper(),
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
    logging.getLogger("bot").setLevel(level.upper())
    # Alembic narrates its set-up at INFO on every command; `db upgrade` says the outcome itself.
    logging.getLogger("alembic").setLevel(logging.WARNING)


# --------------------------------------------------------------------------- phones in logs

_COUNTRY_CODES: set[str] | None = None


def _country_codes() -> set[str]:
    global _COUNTRY_CODES
    if _COUNTRY_CODES is None:
        _COUNTRY_CODES = {str(code) for code in COUNTRY_CODE_TO_REGION_CODE}
    return _COUNTRY_CODES


_PHONE_IN_TEXT = re.compile(r"(?<![\w+])\+?\d[\d \-().]{6,}\d(?!\w)")


def mask_phones_in(text: str | None) -> str | None:
    """Free text fit for a log line: every phone-like run of digits masked."""
    if not text:
        return text
    return _PHONE_IN_TEXT.sub(lambda m: mask_phone(m.group(0)) if sum(c.isdigit() for c in m.group(0)) >= 8
                              else m.group(0), text)


def mask_phone(phone: str | None) -> str:
    """A phone fit for a log line: country code and last two digits, the rest starred.

    ``mask_phone("+972541234567") == "+972*******67"``.
    """
    digits = re.sub(r"\D", "", str(phone or ""))
    if not digits:
        return "***"
    if len(digits) <= 4:
        return "+" + "*" * (len(digits) - 1) + digits[-1:]
    codes = _country_codes()
    keep = next((n for n in (1, 2, 3) if digits[:n] in codes), 3 if not codes else 0)
    keep = min(keep, len(digits) - 4)
    return "+" + digits[:keep] + "*" * (len(digits) - keep - 2) + digits[-2:]


# Personal REST tokens ("ib_..."), the one secret the bot itself sends: never logged,
# and blanked in the stored message once it has gone out.
SECRET_PATTERN = re.compile(r"\bib_[A-Za-z0-9_-]{16,}")
REDACTED = "ib_[redacted]"


def redact(text: str | None) -> str | None:
    return SECRET_PATTERN.sub(REDACTED, text) if text else text


def redact_payload(payload: Any) -> Any:
    """A copy of a payload (any JSON value) with every secret blanked."""
    if isinstance(payload, str):
        return redact(payload)
    if isinstance(payload, dict):
        return {k: redact_payload(v) for k, v in payload.items()}
    if isinstance(payload, list):
        return [redact_payload(v) for v in payload]
    return payload


