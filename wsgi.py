"""Entry point for gunicorn (`wsgi:app`) and the Flask CLI (`flask --app wsgi ...`)."""
import sys

from bot import create_app
from bot.config import ConfigError

try:
    app = create_app()
except ConfigError as exc:
    sys.stderr.write(f"{exc}\nSee .env.example for every variable.\n")
    raise SystemExit(2)
