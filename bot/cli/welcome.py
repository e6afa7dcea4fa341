"""What `make run` prints before the server starts: where it is and how to talk to it."""
from __future__ import annotations

import sys

from bot.config import ConfigError, Settings


def main(host: str = "127.0.0.1", port: str = "8000") -> None:
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        raise SystemExit(2)
    print()
    print(f"  The invitation bot is starting on http://{host}:{port}")
    print("  Health: /healthz, /readyz   REST API: /api (schema: /api/openapi.json)")
    if settings.uses_whatsapp:
        print(f"  WhatsApp: sending as phone number id {settings.whatsapp_phone_number_id}.")
        print("  Point Meta's webhook at https://<your-host>/webhook (verify token: WHATSAPP_VERIFY_TOKEN),")
        print("  and start the worker in another terminal, or nothing is sent:  make worker")
    else:
        print("  No WhatsApp credentials: nothing goes to WhatsApp (the console transport).")
        print("  Chat with the bot from another terminal, as an organiser:")
        print("      make chat        (the same as: .venv/bin/flask --app wsgi chat --from +972501234567)")
        print("  then type:  new event My party      (/help lists the simulator's keys)")
        print("  Messages queued through the REST API are written to the log by the worker:  make worker")
    print()

if __name__ == "__main__":
    main(*sys.argv[1:3])
