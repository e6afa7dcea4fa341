"""`flask --app wsgi chat --from <phone>`: chat with the bot in a terminal, no Meta account.

Everything goes the way it goes in production, in this process: each line typed
becomes a Meta-shaped delivery, signed and posted to `POST /webhook` of an app built
by `create_app` (Flask's test client, no network); the bot's answers are outbox rows,
answered and sent by the real worker (`bot.worker.drain`) through the console transport, which hands
them to this screen. Delivery receipts go back through the webhook too, so `stats`
counts delivered and read invitations as it would on WhatsApp.

What the bot sends to other numbers (an invitation to a guest) is shown as well,
labelled with the number; `/as <that number>` plays that person and `/tap 1` taps
their first button.
"""
from __future__ import annotations

import json
import logging
import mimetypes
import secrets
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TextIO

import click

from flask import Flask
from sqlalchemy.engine import make_url

from bot.config import Settings
from bot.runtime import current as current_runtime
from bot.runtime import of as runtime_of
from bot.worker import drain
from bot.worker.clock import tick as clock_tick
from storage import migrate
from storage.db import is_postgres
from bot.whatsapp.client import MEDIA_SEND_KINDS
from bot.whatsapp.inbound import SIGNATURE_HEADER, sign
from bot.text import i18n
from bot.text.phones import InvalidPhone, normalize_phone, region_of

DEFAULT_PHONE = "+972501234567"
SIMULATED_PHONE_NUMBER_ID = "100000000000000"  # the bot's own number in simulated deliveries
SIMULATED_DISPLAY_NUMBER = "15550000000"
MAX_ROUNDS = 10  # send → receipts → whatever the receipts cause → ... at most this often per line
INDENT = "      "

# The wording of the templates the README tells operators to create in Meta's manager,
# so the simulator shows a template as the guest's phone would.
KNOWN_TEMPLATES = {
    "invitation": {
        "he": ("הוזמנתם ל{{1}}, שיתקיים ב{{2}} ב{{3}}.\nהאם תגיעו? אפשר לענות בכפתורים למטה.",
               ["כן, מגיעים", "לא נוכל להגיע"]),
        "en": ("You're invited to {{1}} on {{2}} at {{3}}.\nWill you come? Tap a button below.",
               ["Yes, coming", "Can't come"]),
        "ar": ("أنتم مدعوون إلى {{1}} يوم {{2}} في {{3}}.\nهل ستحضرون؟ يمكنكم الرد بالأزرار أدناه.",
               ["نعم، سنحضر", "لا نستطيع"]),
        "ru": ("Вы приглашены на «{{1}}»: {{2}}, {{3}}.\nПридёте? Ответьте кнопкой ниже.",
               ["Да, приду", "Не смогу"]),
    },
    "broadcast": {
        "he": ("הודעה לגבי ההזמנה שלכם:\n{{1}}\nלשאלות אפשר להשיב כאן.", []),
        "en": ("A message about your invitation:\n{{1}}\nReply here with any question.", []),
        "ar": ("رسالة بخصوص دعوتكم:\n{{1}}\nللاستفسار يمكنكم الرد هنا.", []),
        "ru": ("Сообщение о вашем приглашении:\n{{1}}\nЕсли есть вопросы, ответьте здесь.", []),
    },
}

HELP = """\
Keys (everything else is sent to the bot as a WhatsApp message):
  /as <phone> [name]   become another WhatsApp user, e.g. a guest who got an invitation
  /tap <n>             tap button (or list row) n of the last message with buttons you got
  /contact <name> <phone>  share a contact card (organisers: adds a guest)
  /file <path> [caption]   send a file as a document (a CSV guest list, say)
  /whoami              who you are now
  /help                this list
  /quit                leave (Ctrl-D too)
End a line with \\ to write a message of several lines (e.g. add guests, one a line).
To send text that starts with /, start the line with a space."""


# --------------------------------------------------------------------------- what a phone shows


@dataclass(frozen=True)
class Tap:
    """Something the recipient can tap, and how WhatsApp reports the tap."""

    kind: str  # "button" (template quick reply) | "button_reply" | "list_reply"
    reply_id: str  # the payload (quick reply) or the id (interactive)
    title: str
    description: str | None = None


@dataclass
class Screen:
    """One message as the recipient's phone shows it."""

    lines: list[str]
    taps: list[Tap] = field(default_factory=list)


def _fill(text: str, params: list[str]) -> str:
    for index, value in enumerate(params, start=1):
        text = text.replace("{{%d}}" % index, value)
    return text


def render(payload: dict, settings: Settings | None = None) -> Screen:
    """What the recipient of `payload` (a Cloud API message body) would see."""
    kind = payload.get("type")
    if kind == "text":
        return Screen(str(payload.get("text", {}).get("body", "")).split("\n"))
    if kind == "interactive":
        return _render_interactive(payload.get("interactive") or {})
    if kind == "template":
        return _render_template(payload.get("template") or {}, settings)
    if kind in MEDIA_SEND_KINDS:
        caption = str((payload.get(kind) or {}).get("caption") or "")
        return Screen([f"[{kind}]"] + (caption.split("\n") if caption else []))
    return Screen([f"[{kind} message]"])


def _button_row(taps: list[Tap]) -> str:
    return "   ".join(f"[{n}] {tap.title}" for n, tap in enumerate(taps, start=1))


def _render_interactive(inter: dict) -> Screen:
    lines: list[str] = []
    header = (inter.get("header") or {}).get("text")
    if header:
        lines.append(f"*{header}*")
    lines += str((inter.get("body") or {}).get("text", "")).split("\n")
    footer = (inter.get("footer") or {}).get("text")
    if footer:
        lines.append(f"_{footer}_")
    action = inter.get("action") or {}
    taps: list[Tap] = []
    if inter.get("type") == "button":
        taps = [Tap("button_reply", b.get("reply", {}).get("id", ""), b.get("reply", {}).get("title", ""))
                for b in action.get("buttons", [])]
        lines.append(_button_row(taps))
    elif inter.get("type") == "list":
        lines.append(f"☰ {action.get('button', 'Choose')}:")
        for section in action.get("sections", []):
            if section.get("title"):
                lines.append(f"  {section['title']}")
            for row in section.get("rows", []):
                taps.append(Tap("list_reply", row.get("id", ""), row.get("title", ""), row.get("description")))
                described = f" - {row['description']}" if row.get("description") else ""
                lines.append(f"  [{len(taps)}] {row.get('title', '')}{described}")
    return Screen(lines, taps)


def _render_template(tpl: dict, settings: Settings | None) -> Screen:
    name = tpl.get("name") or "?"
    params: list[str] = []
    payloads: list[str] = []
    for component in tpl.get("components", []):
        if component.get("type") == "body":
            params = [str(p.get("text", "")) for p in component.get("parameters", [])]
        elif component.get("type") == "button" and component.get("sub_type") == "quick_reply":
            payloads += [str(p.get("payload", "")) for p in component.get("parameters", [])]
    known = None
    lang = i18n.normalize((tpl.get("language") or {}).get("code")) or i18n.SOURCE
    if settings is not None and name == settings.invitation_template:
        known = KNOWN_TEMPLATES["invitation"].get(lang)
    elif settings is not None and name == settings.broadcast_template:
        known = KNOWN_TEMPLATES["broadcast"].get(lang)
    if known is not None:
        text, titles = known
        lines = _fill(text, params).split("\n")
    else:
        titles = []
        lines = [f"(template {name}) " + " | ".join(params)]
    taps = [Tap("button", payload, titles[i] if i < len(titles) else f"button {i + 1}")
            for i, payload in enumerate(payloads)]
    if taps:
        lines.append(_button_row(taps))
    return Screen(lines, taps)


# --------------------------------------------------------------------------- deliveries


def _wa_id(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit())


def _delivery(value: dict) -> dict:
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": SIMULATED_DISPLAY_NUMBER,
                     "phone_number_id": SIMULATED_PHONE_NUMBER_ID},
        **value,
    }
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "0", "changes": [{"value": value, "field": "messages"}]}],
    }


def message_delivery(phone: str, name: str | None, kind: str, body: dict,
                     context_wamid: str | None = None) -> dict:
    """A delivery carrying one message from `phone`, as Meta shapes it."""
    message: dict = {"from": _wa_id(phone), "id": f"wamid.sim.{uuid.uuid4().hex}",
                     "timestamp": str(int(time.time())), "type": kind, kind: body}
    if context_wamid:
        message["context"] = {"from": SIMULATED_DISPLAY_NUMBER, "id": context_wamid}
    contact = {"profile": {"name": name} if name else {}, "wa_id": _wa_id(phone)}
    return _delivery({"contacts": [contact], "messages": [message]})


def status_delivery(updates: list[tuple[str, str, str]]) -> dict:
    """A delivery of status updates, each (wamid, status, recipient phone)."""
    now = str(int(time.time()))
    return _delivery({"statuses": [
        {"id": wamid, "status": status, "timestamp": now, "recipient_id": _wa_id(phone)}
        for wamid, status, phone in updates
    ]})


def tap_message(tap: Tap) -> tuple[str, dict]:
    """(type, body) of the message WhatsApp sends when `tap` is tapped."""
    if tap.kind == "button":
        return "button", {"payload": tap.reply_id, "text": tap.title}
    reply = {"id": tap.reply_id, "title": tap.title}
    if tap.kind == "list_reply" and tap.description:
        reply["description"] = tap.description
    return "interactive", {"type": tap.kind, tap.kind: reply}


# --------------------------------------------------------------------------- the simulator


class SimulatorError(click.ClickException):
    """The simulator cannot start; the message says what to do."""


def simulator_settings(base: Settings) -> Settings:
    """The in-process app's settings: the same database, the console transport, a secret."""
    if base.uses_whatsapp:
        raise SimulatorError(
            "The simulator shows the bot's messages in this terminal instead of sending them, so it "
            "would take messages queued for real guests. Run it without WhatsApp credentials "
            "(unset WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID) and on a development DATABASE_URL."
        )
    # Deliveries are signed the way Meta signs them; without a configured app secret the
    # simulator signs with a one-off secret of its own (its app is private to this process).
    return base.with_overrides(whatsapp_app_secret=base.whatsapp_app_secret or secrets.token_hex(32))


class Simulator:
    """A terminal phone for each simulated WhatsApp user, talking to a real in-process app."""

    def __init__(self, app: Flask, phone: str, name: str | None = None,
                 out: Callable[[str], None] = click.echo) -> None:
        self.app = app
        self.rt = runtime_of(app)
        self.settings = settings = self.rt.settings
        self.client = self.app.test_client()
        self.transport = self.rt.transport
        self.transport.on_send = self._captured
        self.echo = out
        self.region = settings.default_region or region_of(phone)
        self.phone = phone
        self.names: dict[str, str | None] = {phone: name}
        self._lock = threading.Lock()
        self._outgoing: list[tuple[dict, str]] = []
        self.last_taps: dict[str, tuple[str, list[Tap]]] = {}  # phone → (wamid, taps)
        self.last_had_taps: dict[str, bool] = {}  # phone → whether its newest message has buttons
        self.unread: dict[str, list[str]] = {}  # phone → wamids delivered but not read

    # -- the transport's callback (runs on the worker's sender thread)
    def _captured(self, payload: dict, wamid: str) -> None:
        with self._lock:
            self._outgoing.append((payload, wamid))

    def close(self) -> None:
        self.rt.engine.dispose()

    # -- sending as the current user
    def say(self, text: str) -> None:
        self._post_message("text", {"body": text})

    def share_contact(self, name: str, phone: str) -> None:
        first, _, last = name.partition(" ")
        card_name = {"formatted_name": name, "first_name": first}
        if last:
            card_name["last_name"] = last
        card_phone = {"phone": phone, "type": "CELL"}
        if phone.startswith("+"):
            card_phone["wa_id"] = _wa_id(phone)
        self._post_message("contacts", [{"name": card_name, "phones": [card_phone]}])

    def send_file(self, rest: str) -> None:
        """Send a file from this computer as a WhatsApp document (with an optional caption)."""
        path_text, _, caption = rest.partition(" ")
        if not path_text:
            self.echo("(usage: /file <path> [caption], e.g. /file guests.csv)")
            return
        path = Path(path_text).expanduser()
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.echo(f"(can't read {path}: {exc.strerror or exc})")
            return
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        media_id = self.transport.add_media(data, mime)
        self.echo(f"{INDENT}(sent {path.name}, {len(data)} bytes)")
        body = {"id": media_id, "mime_type": mime, "filename": path.name, "sha256": ""}
        if caption.strip():
            body["caption"] = caption.strip()
        self._post_message("document", body)

    def tap(self, number: int) -> None:
        wamid, taps = self.last_taps.get(self.phone, (None, []))
        if not taps:
            self.echo("(nothing to tap: no message with buttons for you yet)")
            return
        if not 1 <= number <= len(taps):
            self.echo(f"(tap a number from 1 to {len(taps)})")
            return
        tap = taps[number - 1]
        self.echo(f"{INDENT}(tapped [{number}] {tap.title})")
        kind, body = tap_message(tap)
        self._post_message(kind, body, context_wamid=wamid)

    def switch(self, phone: str, name: str | None = None) -> None:
        self.phone = phone
        if name or phone not in self.names:
            self.names[phone] = name
        self.echo(f"(you are now {phone}{f' ({name})' if name else ''})")
        self._read_all()
        if self.last_had_taps.get(phone):
            count = len(self.last_taps[phone][1])
            self.echo(f"(your last message has buttons: /tap 1{f' to /tap {count}' if count > 1 else ''})")

    # -- plumbing
    def _post(self, delivery: dict) -> bool:
        body = json.dumps(delivery, ensure_ascii=False).encode("utf-8")
        response = self.client.post(
            "/webhook", data=body,
            headers={"Content-Type": "application/json",
                     SIGNATURE_HEADER: sign(body, self.settings.whatsapp_app_secret)},
        )
        if response.status_code != 200:
            self.echo(f"(the webhook answered {response.status_code}: {response.get_data(as_text=True)[:200]})")
            return False
        return True

    def _post_message(self, kind: str, body: dict, context_wamid: str | None = None) -> None:
        delivery = message_delivery(self.phone, self.names.get(self.phone), kind, body, context_wamid)
        if self._post(delivery):
            self.deliver()

    def deliver(self) -> None:
        """Run the worker until nothing is due; show each message on its phone.

        Between rounds the worker's clock work runs too (`scheduler.tick`: the final tally
        of a bulk send once its receipts are in, reminder rounds that are due).
        """
        for _ in range(MAX_ROUNDS):
            # One sender thread: messages arrive in the order they were queued.
            drain(self.rt, concurrency=1)
            with self._lock:
                sent, self._outgoing = self._outgoing, []
            receipts = []
            for payload, wamid in sent:
                to = "+" + str(payload.get("to", ""))
                self._show(to, payload, wamid)
                receipts.append((wamid, "delivered", to))
                if to == self.phone:
                    receipts.append((wamid, "read", to))
                else:
                    self.unread.setdefault(to, []).append(wamid)
            if receipts:
                self._post(status_delivery(receipts))
            ticked = clock_tick(self.rt)
            if not sent and not (ticked and (getattr(ticked, "reported", 0) or getattr(ticked, "reminders", 0))):
                return

    def _read_all(self) -> None:
        wamids = self.unread.pop(self.phone, [])
        if wamids:
            self._post(status_delivery([(w, "read", self.phone) for w in wamids]))
            self.deliver()

    def _show(self, to: str, payload: dict, wamid: str) -> None:
        screen = render(payload, self.settings)
        if screen.taps:
            self.last_taps[to] = (wamid, screen.taps)
        self.last_had_taps[to] = bool(screen.taps)
        if to == self.phone:
            head = "bot › "
        else:
            head = f"bot → to {to} › "
        lines = screen.lines or [""]
        saved = self._save_media(payload)
        if saved is not None:
            lines = [f"{lines[0]} saved as {saved}"] + lines[1:]
        self.echo(head + lines[0])
        for line in lines[1:]:
            self.echo(INDENT + line)
        if screen.taps and to != self.phone:
            self.echo(f"{INDENT}(to answer as them: /as {to}, then /tap 1)")

    def _save_media(self, payload: dict) -> Path | None:
        """A picture or file the bot sent (a chart): written to a temporary file to open."""
        kind = payload.get("type")
        media_id = (payload.get(kind) or {}).get("id") if kind in MEDIA_SEND_KINDS else None
        kept = self.transport.media.get(media_id) if media_id else None
        if kept is None:
            return None
        data, mime = kept
        path = Path(tempfile.gettempdir()) / f"invitebot-{media_id.split('.')[-1][:12]}{mimetypes.guess_extension(mime) or ''}"
        path.write_bytes(data)
        return path

    # -- the loop
    def banner(self, database: str, own_secret: bool = False) -> None:
        self.echo("WhatsApp simulator: you are chatting with the invitation bot as "
                  f"{self.phone}. Database: {database}")
        if own_secret:
            self.echo("(WHATSAPP_APP_SECRET is not set: the simulator signs its deliveries with a one-off secret)")
        self.echo("Type a message and press Enter; /help lists the keys, /quit leaves.")

    def handle_line(self, line: str) -> bool:
        """Act on one typed line; False when the user is leaving."""
        text = line.strip()
        if not text:
            return True
        if line.lstrip("\n").startswith("/"):   # " /help" (a space first) is text for the bot
            return self._key(text)
        self.say(line.strip("\n"))
        return True

    def _key(self, text: str) -> bool:
        verb, _, rest = text.partition(" ")
        verb = verb.lower()
        rest = rest.strip()
        if verb in ("/quit", "/exit", "/q"):
            return False
        if verb in ("/help", "/h", "/?"):
            self.echo(HELP)
        elif verb == "/whoami":
            self.echo(f"(you are {self.phone})")
        elif verb == "/as":
            if not rest:
                self.echo("(usage: /as <phone> [name], e.g. /as +972521111111 Ruth)")
                return True
            phone_text, name = _split_phone_and_name(rest)
            try:
                phone = normalize_phone(phone_text, self.region)
            except InvalidPhone as exc:
                self.echo(f"({exc})")
                return True
            self.switch(phone, name)
        elif verb == "/contact":
            phone_text, name = _split_name_and_phone(rest)
            if not name or not phone_text:
                self.echo("(usage: /contact <name> <phone>, e.g. /contact Ruth Levi 052-111-1111)")
                return True
            self.share_contact(name, phone_text)
        elif verb == "/file":
            self.send_file(rest)
        elif verb == "/tap":
            if not rest.isdigit():
                self.echo("(usage: /tap <n>, the number in [ ] on a button)")
                return True
            self.tap(int(rest))
        else:
            self.echo(f"(unknown key {verb}; /help lists them. To send text starting with /, add a space first)")
        return True

    def run(self, stdin: TextIO) -> None:
        interactive = stdin.isatty()
        pending: list[str] = []
        while True:
            prompt = f"{self.phone} › " if not pending else "... "
            try:
                if interactive:
                    line = input(prompt)
                else:
                    line = stdin.readline()
                    if not line:
                        raise EOFError
                    line = line.rstrip("\r\n")
                    self.echo(prompt + line)
            except (EOFError, KeyboardInterrupt):
                if pending:
                    self.handle_line("\n".join(pending))
                if interactive:
                    self.echo("")
                break
            if line.endswith("\\"):
                pending.append(line[:-1])
                continue
            if pending:
                line = "\n".join(pending + [line])
                pending = []
            if not self.handle_line(line):
                break
        self.echo("Bye.")


def _split_phone_and_name(text: str) -> tuple[str, str | None]:
    """'+972 52-111-1111 Ruth Levi' → ('+972 52-111-1111', 'Ruth Levi')."""
    words = text.split()
    for cut in range(len(words), 0, -1):
        if any(ch.isdigit() for ch in words[cut - 1]):
            name = " ".join(words[cut:]).strip()
            return " ".join(words[:cut]), name or None
    return text, None


def _split_name_and_phone(text: str) -> tuple[str | None, str | None]:
    """'Ruth Levi 052-111-1111' → ('052-111-1111', 'Ruth Levi'): the name first, then the number."""
    words = text.split()
    for cut in range(len(words)):
        if any(ch.isdigit() for ch in words[cut]):
            return " ".join(words[cut:]), " ".join(words[:cut]) or None
    return None, text.strip() or None


def _safe_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url.split("@")[-1]


def _ensure_migrated(rt, echo) -> None:
    if migrate.is_at_head(rt.engine, rt.settings.database_url):
        return
    if is_postgres(rt.engine):
        raise SimulatorError("The database is not migrated: run `flask --app wsgi db upgrade` first.")
    echo("(migrating the SQLite database to the newest schema)")
    migrate.upgrade(rt.settings.database_url)


def register_cli(app: Flask, make_app: Callable[[Settings], Flask]) -> None:
    @app.cli.command("chat")
    @click.option("--from", "from_phone", default=DEFAULT_PHONE, show_default=True, metavar="PHONE",
                  help="The WhatsApp number you chat as (switch later with /as).")
    @click.option("--name", default=None, help="Your WhatsApp profile name, as the bot will see it.")
    @click.option("--verbose", is_flag=True, help="Show the bot's log lines (webhooks, sends) on stderr.")
    def chat_command(from_phone: str, name: str | None, verbose: bool) -> None:
        """Chat with the bot as a WhatsApp user: no Meta account needed.

        Each line goes through the real webhook (signed) and the bot's answers through the
        real outbox, shown here as a phone would show them. /help lists the keys.
        """
        base = current_runtime().settings
        try:
            phone = normalize_phone(from_phone, base.default_region)
        except InvalidPhone as exc:
            raise SimulatorError(f"--from: {exc}") from None
        settings = simulator_settings(base)
        if not verbose:
            settings = settings.with_overrides(log_level="WARNING")
            for logger_name in ("", "alembic"):
                logging.getLogger(logger_name).setLevel(logging.WARNING)
        for stream in (sys.stdout, sys.stdin):
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(errors="replace")
        simulator = Simulator(make_app(settings), phone, name)
        try:
            _ensure_migrated(simulator.rt, click.echo)
            simulator.banner(_safe_url(settings.database_url), own_secret=not base.whatsapp_app_secret)
            simulator.run(sys.stdin)
        finally:
            simulator.close()
