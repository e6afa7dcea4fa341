"""The guest's own RSVP page, `/r/<token>`: the event, the guest's answer, a form to change it.

Server-rendered (Jinja), no JavaScript. A thin edge: it decodes the form, calls
`rsvp.record_answer` (the same rules and organiser notices as a WhatsApp answer) inside
one transaction, and renders the result in the language the bot writes to that guest on
WhatsApp (`languages.for_guest`: their own once they wrote, else the event's).

* A token that finds nobody (wrong, revoked, a forgotten guest, a purged event) is a
  plain 404 with the same body every time: nothing about other guests or events leaks.
* Cross-site request forgery: the form carries HMAC(session secret, token); the session
  secret lives in Flask's signed session cookie (SameSite=Lax). A POST without the right
  value changes nothing (400).
* At most RATE_LIMIT POSTs per token per minute, counted in memory per process (with
  several gunicorn workers each counts its own; the limit is a brake on abuse, not a quota).
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque

from flask import Blueprint, Flask, Response, current_app, render_template, request, session as cookie

from storage.models import MAX_PARTY_SIZE, Event, RsvpStatus

from bot.runtime import current as runtime
from bot.services import languages, questions, rsvp, rsvp_links
from bot.text import i18n
from bot.text.dates import format_when
from bot.text.maps import map_links
from bot.web.calendar import event_ics
import bot.web.texts as texts

bp = Blueprint("web", __name__, template_folder="templates", static_folder="static",
               static_url_path="/r-static")

RATE_LIMIT = 10          # POSTs per token
RATE_WINDOW = 60.0       # seconds
_SESSION_KEY_LABEL = b"invitebot session cookie v1"


def register(app: Flask) -> None:
    """The page, and a session key derived from the server secret (a random one without it)."""
    secret = app.extensions["invitebot"].settings.whatsapp_app_secret
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = (hmac.new(secret.encode(), _SESSION_KEY_LABEL, hashlib.sha256).hexdigest()
                                    if secret else secrets.token_hex(32))
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    app.extensions[LIMITER] = RateLimiter()  # one per app: nothing at import time, nothing shared
    app.register_blueprint(bp)


class RateLimiter:
    """At most `limit` hits per key in `window` seconds, in this process's memory."""

    def __init__(self, limit: int = RATE_LIMIT, window: float = RATE_WINDOW, clock=time.monotonic) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._hits: dict[str, deque] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = self.clock()
        with self._lock:
            if len(self._hits) > 10_000:  # forget idle keys now and then
                for k in [k for k, q in self._hits.items() if not q or q[-1] <= now - self.window]:
                    del self._hits[k]
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            return True


LIMITER = "invitebot_page_limiter"


def _secret() -> str | None:
    return runtime().settings.whatsapp_app_secret


def _not_found() -> Response:
    """The same plain page for every token that finds nobody."""
    response = Response(render_template("web/not_found.html"), status=404, mimetype="text/html")
    return _private(response)


def _private(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"  # the token is in the URL
    response.headers["X-Robots-Tag"] = "noindex"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = ("default-src 'none'; style-src 'self'; img-src 'self'; "
                                                   "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
    return response


def _csrf(token: str) -> str:
    key = cookie.get("csrf")
    if not key:
        key = cookie["csrf"] = secrets.token_urlsafe(24)
    return hmac.new(key.encode(), token.encode(), hashlib.sha256).hexdigest()


def _csrf_ok(token: str) -> bool:
    key = cookie.get("csrf")
    sent = request.form.get("csrf", "")
    if not key or not sent:
        return False
    return hmac.compare_digest(sent, hmac.new(key.encode(), token.encode(), hashlib.sha256).hexdigest())


def _language(session, guest, event: Event) -> str:
    """The page's language: the one the bot writes to this guest in."""
    lang = languages.for_guest(session, guest, event)
    return lang if lang in i18n.LANGS else i18n.SOURCE


def _render(guest, event: Event, lang: str, status: int = 200, errors: list[str] | None = None, form=None,
            template: str = "web/page.html", thanks: str | None = None) -> Response:
    token = request.view_args["token"]
    answered = guest.answered_at is not None
    current = ("yes" if guest.status == RsvpStatus.confirmed else "no" if guest.status == RsvpStatus.declined
               else "maybe" if answered else "")
    children = guest.children or 0
    adults = max(1, (guest.party_size or 1) - children)
    html = render_template(
        template,
        lang=lang, dir=i18n.direction(lang), t=texts.page(lang), token=token, csrf=_csrf(token),
        event_name=event.name, greeting=texts.greeting(lang, guest.first_name),
        date_text=format_when(event.date, event.start_time, lang) if event.date else None,
        location=event.location, maps=map_links(event.location),
        answer_text=texts.current_answer(lang, guest.status.value, guest.party_size, guest.children, answered),
        answered=answered, errors=errors or [], thanks=thanks, max_party=MAX_PARTY_SIZE,
        questions=[{"id": q["id"], "text": q["text"], "options": q["options"],
                    "chosen": (guest.answers or {}).get(str(q["id"]))} for q in event.questions or []],
        form=form or {"answer": current, "adults": str(adults), "children": str(children)},
    )
    return _private(Response(html, status=status, mimetype="text/html"))


def _whole(raw: str | None, low: int, high: int, default: int) -> int | None:
    raw = (raw or "").strip()
    if raw == "":
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        return None
    return int(raw)


@bp.get("/r/<token>")
def show(token: str):
    with runtime().transaction() as session:
        guest = rsvp_links.guest_for_token(session, _secret(), token)
        if guest is None:
            return _not_found()
        event = session.get(Event, guest.event_id)
        return _render(guest, event, _language(session, guest, event))


@bp.post("/r/<token>")
def answer(token: str):
    with runtime().transaction() as session:
        guest = rsvp_links.guest_for_token(session, _secret(), token)
        if guest is None:
            return _not_found()
        event = session.get(Event, guest.event_id)
        lang = _language(session, guest, event)
        form = {k: request.form.get(k, "") for k in ("answer", "adults", "children")}
        if not current_app.extensions[LIMITER].allow(token):
            response = _render(guest, event, lang, 429, [texts.error(lang, "rate")], form)
            response.headers["Retry-After"] = str(int(RATE_WINDOW))
            return response
        if not _csrf_ok(token):
            return _render(guest, event, lang, 400, [texts.error(lang, "csrf")], form)
        choice = form["answer"]
        errors = []
        if choice not in ("yes", "no", "maybe"):
            errors.append(texts.error(lang, "answer"))
        adults = children = None
        if choice == "yes":
            adults = _whole(form["adults"], 1, MAX_PARTY_SIZE, 1)
            children = _whole(form["children"], 0, MAX_PARTY_SIZE - 1, 0)
            if adults is None:
                errors.append(texts.error(lang, "adults"))
            if children is None:
                errors.append(texts.error(lang, "children"))
            if adults is not None and children is not None and adults + children > MAX_PARTY_SIZE:
                errors.append(texts.error(lang, "party"))
        if errors:
            return _render(guest, event, lang, 422, errors, form)
        if choice == "yes":
            rsvp.record_answer(session, guest, "yes", adults + children, via="page", children=children)
            for question in event.questions or []:   # the event's questions, for those coming
                picked = request.form.get(f"q-{question['id']}", "")
                if picked.isdigit() and 1 <= int(picked) <= len(question["options"]):
                    questions.record(session, guest, question["id"], question["options"][int(picked) - 1])
        else:
            rsvp.record_answer(session, guest, choice, via="page")
        return _render(guest, event, lang, template="web/thanks.html", thanks=texts.thanks(lang, choice))


@bp.get("/r/<token>/event.ics")
def calendar_file(token: str):
    with runtime().transaction() as session:
        guest = rsvp_links.guest_for_token(session, _secret(), token)
        event = session.get(Event, guest.event_id) if guest is not None else None
        if event is None or event.date is None:
            return _not_found()
        body = event_ics(f"{event.id}@invitebot", event.name, event.date, event.location,
                         url=request.url_root.rstrip("/") + f"/r/{token}", start=event.start_time,
                         tz=event.timezone)
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Disposition"] = 'attachment; filename="event.ics"'
    return _private(response)
