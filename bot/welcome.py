"""What `make run` prints before the server starts: where it is and how to talk to it."""
from __future__ import annotations

import sys

from .config import ConfigError, Settings


def main(host: str = "127.0.0.1", port: str = "8000") -> None:
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        raise SystemExit(2)
    print()
    print(f"  The invitation bot is starting on http://{host}:{port}  (health: /healthz, /readyz)")
    if settings.uses_whatsapp:
        print(f"  WhatsApp: sending as phone number id {settings.whatsapp_phone_number_id};")
        print(f"  point Meta's webhook at https://<your-host>/webhook")
    else:
        print("  No WhatsApp credentials: replies go to the console (the log below).")
    print("  Chat with it from another terminal, as an organiser:")
    print("      .venv/bin/flask --app wsgi chat --from +972501234567")
    print("  then type: new event My party   (and /help for the simulator's keys)")
    print()


if __name__ == "__main__":
    main(*sys.argv[1:3])
