"""gunicorn settings; every value can be overridden from the environment."""
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Most of a webhook request is waiting for its commit to reach the disk, not Python: eight
# threads a process keep more deliveries in each group commit (bench/webhook_wrk.py).
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
keepalive = 5
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
# The path without its query string: the webhook handshake carries the verify token
# there, and API searches may carry phone numbers.
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# The app (engine, pools, transport) is built per worker after the fork.
preload_app = False
