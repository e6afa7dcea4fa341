"""Questions to the confirmed guests ("Meal? meat / fish / vegan"), their answers, and
the totals a caterer needs.

A question lives on its event (`events.questions`: [{"id", "text", "options", "asked_at"}]);
each guest's answers on the guest (`guests.answers`: {"<question id>": "<option>"}).
Guests answer by tapping a button (three options or fewer) or picking from a list, with
payloads `ans:<guest id>:<question id>:<option number>`, or by typing an option's words.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Event, Guest, RsvpStatus, User, utcnow

from bot.services import languages, outbox, sending
from bot.services.access import as_uuid, require
from bot.services.errors import InvalidInput, NotFound
from bot.services.permissions import Action
from bot.services.sending import Audience, SendBatch, close_batch, new_batch, schedule, split_audience
from bot.text import guest_replies as say
from bot.text import i18n

KIND = sending.QUESTION
MAX_OPTIONS = 10          # a WhatsApp list holds ten rows
MAX_OPTION_LENGTH = 24    # a list row's title
MAX_QUESTION_LENGTH = 300
PAYLOAD = "ans"


@dataclass
class OptionTotal:
    option: str
    guests: int = 0
    adults: int = 0
    children: int = 0
    by_side: dict[str, int] = field(default_factory=dict)


@dataclass
class QuestionTotals:
    question: dict
    options: list[OptionTotal]
    unanswered: int


def payload_id(guest_id, question_id: int, option: int) -> str:
    return f"{PAYLOAD}:{guest_id}:{question_id}:{option}"


def parse_payload(reply_id: str | None):
    """(guest id, question id, option number) of an answer button, else None."""
    parts = (reply_id or "").split(":")
    if len(parts) != 4 or parts[0] != PAYLOAD or not parts[2].isdigit() or not parts[3].isdigit():
        return None
    gid = as_uuid(parts[1])
    return (gid, int(parts[2]), int(parts[3])) if gid else None


def check(text: str, options: list[str]) -> tuple[str, list[str]]:
    """The question and its options, cleaned; InvalidInput says what is wrong."""
    text = " ".join((text or "").split())
    options = [" ".join(o.split()) for o in options if o and o.strip()]
    if not text:
        raise InvalidInput(i18n._("Write the question. Try: ask Meal? meat / fish / vegan"), code="empty_question")
    if len(text) > MAX_QUESTION_LENGTH:
        raise InvalidInput(i18n._("That question is too long ({n} characters at most).", n=str(MAX_QUESTION_LENGTH)),
                           code="question_too_long")
    if not 2 <= len(options) <= MAX_OPTIONS:
        raise InvalidInput(i18n._("A question needs 2 to {max} options, split with /. Try: ask Meal? meat / fish / vegan",
                                  max=str(MAX_OPTIONS)), code="bad_options")
    if any(len(o) > MAX_OPTION_LENGTH for o in options):
        raise InvalidInput(i18n._("Options must be short ({n} characters at most each).", n=str(MAX_OPTION_LENGTH)),
                           code="bad_options")
    if len({o.casefold() for o in options}) != len(options):
        raise InvalidInput(i18n._("Two options are the same."), code="bad_options")
    return text, options


def _candidates(session: Session, event: Event) -> Audience:
    rows = list(session.scalars(select(Guest).where(
        Guest.event_id == event.id, Guest.status == RsvpStatus.confirmed, Guest.forgotten_at.is_(None))
        .order_by(Guest.first_name, Guest.last_name, Guest.id)))
    return split_audience(session, rows, event, retry_failed=False)


def audience(session: Session, actor: User, event_id) -> Audience:
    """Who a question goes to: the confirmed guests (opted-out ones left out)."""
    event, _ = require(session, actor, event_id, Action.SEND)
    return _candidates(session, event)


def ask(session: Session, actor: User, event_id, text: str, options: list[str], *,
        daily_limit: int | None = None) -> tuple[dict, SendBatch]:
    """Add the question to the event and queue it to every confirmed guest, in their language."""
    event, _ = require(session, actor, event_id, Action.SEND)
    text, options = check(text, options)
    questions = list(event.questions or [])
    question = {"id": max((q["id"] for q in questions), default=0) + 1, "text": text, "options": options,
                "asked_at": utcnow().isoformat()}
    event.questions = questions + [question]   # a new list: the JSON column sees the change
    found = _candidates(session, event)
    batch = new_batch(session, event, actor, KIND)
    language = languages.for_guests(session, event, found.guests)
    later = schedule(session, found.guests, daily_limit)
    queued = 0
    for guest in found.guests:
        lang = language[guest.id]
        body = say.question(lang, event.name, text)
        typed = say.question_typed(lang, event.name, text, options)
        choices = [(payload_id(guest.id, question["id"], n), option) for n, option in enumerate(options, start=1)]
        if len(options) <= 3:
            message = outbox.buttons(body, choices, outside_window=typed, language=lang)
        else:
            message = outbox.choice_list(body, say.choose(lang), choices, outside_window=typed, language=lang)
        row = outbox.enqueue(session, phone=guest.phone, message=message, kind=KIND, body=f"{text} {options}",
                             event_id=event.id, guest_id=guest.id, batch_id=batch.id,
                             dedupe_key=f"question:{event.id}:{question['id']}:{guest.id}",
                             not_before=later.get(guest.id))
        queued += row is not None
    session.flush()
    return question, close_batch(batch, queued)


def question_by_id(event: Event, question_id: int) -> dict | None:
    return next((q for q in event.questions or [] if q.get("id") == question_id), None)


def record(session: Session, guest: Guest, question_id: int, option: str) -> bool:
    """The guest's answer to a question (a change of mind replaces it); True when it changed."""
    answers = dict(guest.answers or {})
    if answers.get(str(question_id)) == option:
        return False
    answers[str(question_id)] = option
    guest.answers = answers
    session.flush()
    return True


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return " ".join(re.findall(r"\w+", text))


def open_question(event: Event, guest: Guest) -> dict | None:
    """The latest question this guest has not answered yet, if any."""
    answered = set((guest.answers or {}).keys())
    for question in reversed(event.questions or []):
        if str(question["id"]) not in answered:
            return question
    return None


def match_option(question: dict, text: str) -> str | None:
    """The option a typed answer names by its words ("fish", "the fish please"); a bare
    number is not taken (it may be a party size)."""
    said = _fold(text)
    if not said:
        return None
    options = question["options"]
    exact = [o for o in options if _fold(o) == said]
    if exact:
        return exact[0]
    within = [o for o in options if re.search(rf"(?:^| ){re.escape(_fold(o))}(?: |$)", said)]
    return within[0] if len(within) == 1 and len(said.split()) <= 4 else None


def totals(session: Session, actor: User, event_id) -> tuple[Event, list[QuestionTotals]]:
    """Per question: each option's guests, adults and children (confirmed guests' party), by side."""
    event, _ = require(session, actor, event_id, Action.VIEW)
    confirmed = list(session.scalars(select(Guest).where(
        Guest.event_id == event.id, Guest.status == RsvpStatus.confirmed)))
    out = []
    for question in event.questions or []:
        rows = {o: OptionTotal(o) for o in question["options"]}
        unanswered = 0
        for guest in confirmed:
            option = (guest.answers or {}).get(str(question["id"]))
            if option not in rows:
                unanswered += 1
                continue
            party = guest.people
            kids = min(guest.children or 0, party)
            row = rows[option]
            row.guests += 1
            row.adults += party - kids
            row.children += kids
            side = guest.side or ""
            row.by_side[side] = row.by_side.get(side, 0) + party
        out.append(QuestionTotals(question, list(rows.values()), unanswered))
    return event, out


def answers_by_text(event: Event, guest: Guest) -> dict[str, str]:
    """{question text: option} for REST and CSV."""
    given = guest.answers or {}
    return {q["text"]: given[str(q["id"])] for q in event.questions or [] if str(q["id"]) in given}


def require_question(event: Event, question_id: int) -> dict:
    question = question_by_id(event, question_id)
    if question is None:
        raise NotFound(i18n._("Question not found."))
    return question
