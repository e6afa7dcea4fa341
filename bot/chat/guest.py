"""The guest side of the chat: answers, party size, details, stop/start, choosing an event.

`handle_guest_message` runs inside the worker's transaction for one stored message;
replies are outbox rows in that same transaction. A guest is recognised by their phone
(every guest row with that number, across events). Button payloads name the guest:

    rsvp:<guest id>:yes|no|maybe    an answer (invitation and reminder buttons)
    party:<guest id>:<n>|more       the party size after a yes
    pick:<guest id>                 which event a typed answer is for
    sure:<guest id>:yes|no          "Just to be sure: ...?" answered: [Yes] / [Not quite]
    optout:<guest id>:yes|no        "Should we stop sending you messages?" (after a bare "די") answered (a typed
                                    "כן" / "no" while it is open answers it too)

A payload is honoured only when its guest's phone is the sender's.

Per-guest state lives in Conversation.guest_state (plain JSON):
    {"await_party": {"guest": id, "until": iso},
     "choice": {"intent": "yes", "party": 3, "until": iso},
     "confirm": {"guest": id, "answer": "yes", "party": 3, "until": iso},
     "ask_stop": {"guest": id, "until": iso}}

Typed text is read by `bot.chat.understanding.understand`. A reading that is not sure (a
guess about a count, conflicting words) is never recorded silently: the guest is asked
"Just to be sure: ...?" with [Yes] [Not quite], and only [Yes] records it.
A message that is not an answer waits in "choice" as {"intent": "note", "text": ..., "wamid": ...}
while the guest picks the event it is about: a note reaches the organisers of one event only.
A head count above MAX_PARTY_SIZE ("we are 60") is recorded nowhere: it is passed on as a note
(with "too_many" in its choice) and the guest is told why, and may send a smaller number.
"""
from __future__ import annotations

import functools
import logging
import re
import uuid
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import MAX_PARTY_SIZE, Event, EventMember, Guest, InvitationState, RsvpStatus, User, utcnow

from bot.text import guest_replies as say
from bot.services import outbox
from bot.chat.answers import from_understanding
from bot.chat.understanding import (Understanding, asks_beyond_details, asks_who_is_writing, events_named, grateful,
                                    normalise, says_more, understand)
from bot.chat.conversation import keep_conversation, peek_conversation
from bot.text.dates import format_date, format_time, format_when
from bot.text.hours import local
from bot.text.maps import map_links
from bot.text import i18n
from bot.services import inbox, languages, questions, retention, rsvp, senders
from bot.services.access import as_uuid
from bot.services.sending import parse_rsvp_payload, rsvp_payload_id
from bot.logs import mask_phone

log = logging.getLogger("bot.guest_flow")

# "Forget me": erase the guest's data from every event (bot.services.retention.forget).
_FORGET = re.compile(
    r"\bforget (?:about )?me\b|\b(?:delete|erase|remove) (?:all )?my (?:data|details|information|info|number)\b"
    r"|(?<!\w)ת?שכחו אותי|(?<!\w)ת?מחקו את (?:כל )?(?:הפרטים|המידע|המספר) שלי|(?<!\w)מחק את (?:הפרטים|המספר) שלי"
    r"|удалите (?:все )?мои данные|забудьте меня|احذفوا بياناتي|احذف بياناتي|انسوني",
    re.IGNORECASE)
AWAIT_PARTY_TTL = timedelta(days=1)
CHOICE_TTL = timedelta(days=1)
RECENT_ANSWER = timedelta(days=14)
REPLY_KIND = "guest_reply"
OPT_OUT_ACK = "opt_out_ack"
MAX_PICK_ROWS = 10
# a message that is only a number ("3", "שלושה", "three!"): a count said without words about it
_BARE_NUMBER = re.compile(r"^\W*(?:\d{1,3}|[^\W\d_]+)\W*$")


# --------------------------------------------------------------------------- payloads


def _parse(reply_id: str | None) -> tuple[str, uuid.UUID, str] | None:
    """(kind, guest id, value) of a guest payload, else None."""
    if not reply_id or not isinstance(reply_id, str):
        return None
    rsvp_parts = parse_rsvp_payload(reply_id)
    if rsvp_parts:
        return "rsvp", rsvp_parts[0], rsvp_parts[1]
    parts = reply_id.strip().split(":")
    if len(parts) == 3 and parts[0] == "party" and (parts[2] == "more" or parts[2].isdigit()):
        gid = as_uuid(parts[1])
        return ("party", gid, parts[2]) if gid else None
    if len(parts) == 3 and parts[0] in ("sure", "optout") and parts[2] in ("yes", "no"):
        gid = as_uuid(parts[1])
        return (parts[0], gid, parts[2]) if gid else None
    if len(parts) == 2 and parts[0] == "pick":
        gid = as_uuid(parts[1])
        return ("pick", gid, "") if gid else None
    answer = questions.parse_payload(reply_id)
    if answer is not None:
        return "ans", answer[0], f"{answer[1]}:{answer[2]}"
    return None


def is_guest_payload(reply_id: str | None) -> bool:
    """True for the reply ids of the guest side's buttons and lists."""
    return _parse(reply_id) is not None


def guest_word(text: str) -> str | None:
    """"stop", "start" or "details" when that is all a message says, else None (the router
    asks this for someone who is an organiser and a guest at once)."""
    reading = understand(text)
    return reading.intent if reading.intent in ("stop", "start", "details") else None


def party_payload_id(guest_id, value: str) -> str:
    return f"party:{guest_id}:{value}"


def pick_payload_id(guest_id) -> str:
    return f"pick:{guest_id}"


# --------------------------------------------------------------------------- the turn


class _Turn:
    """One inbound message from a guest: who, in which language, and the replies."""

    def __init__(self, session: Session, settings, user: User, msg):
        self.session = session
        self.settings = settings
        self.user = user
        self.msg = msg
        self.conv = peek_conversation(session, user)
        self.state = dict(self.conv.guest_state or {})
        self.now = utcnow()
        self.state.pop("lang", None)  # kept on the user now (users.language)
        if msg.kind == "text":
            languages.remember(user, msg.text)
        self._rows: list[tuple[Guest, Event]] | None = None
        self._lang: str | None = user.language
        # what an answer's message said besides the answer ("yes, but we'll be late"), to pass on once the answer
        # is recorded: (text, wamid)
        self.beside: tuple[str, str | None] | None = None

    @property
    def lang(self) -> str:
        """The guest's own language once they wrote words, else their invitation's language."""
        if self._lang is None:
            rows = self.open_invitations()
            self._lang = rows[0][1].language if rows else i18n.SOURCE
        return self._lang

    # ------------------------------------------------------------ state

    def save(self) -> None:
        state = dict(self.state) or None
        if state != self.conv.guest_state:
            self.conv.guest_state = state
            keep_conversation(self.session, self.conv)

    def _valid(self, key: str) -> dict | None:
        item = self.state.get(key)
        if not isinstance(item, dict):
            return None
        try:
            until = datetime.fromisoformat(item["until"])
        except (KeyError, TypeError, ValueError):
            self.state.pop(key, None)
            return None
        if until.tzinfo is None:
            until = until.replace(tzinfo=timezone.utc)
        if until < self.now:
            self.state.pop(key, None)
            return None
        return item

    def awaited_guest(self) -> Guest | None:
        item = self._valid("await_party")
        guest = self.own_guest(as_uuid(item.get("guest"))) if item else None
        if item and guest is None:
            self.state.pop("await_party", None)
        return guest

    def await_party(self, guest: Guest) -> None:
        self.state["await_party"] = {"guest": str(guest.id), "until": (self.now + AWAIT_PARTY_TTL).isoformat()}

    # ------------------------------------------------------------ guests

    def own_guest(self, guest_id) -> Guest | None:
        guest = self.session.get(Guest, guest_id) if guest_id else None
        if guest is None or not self.user.phone or guest.phone != self.user.phone:
            return None
        return guest

    def rows(self) -> list[tuple[Guest, Event]]:
        if not self.user.phone:
            return []
        if self._rows is None and (read := senders.invitations(self.session, self.user.phone)) is not None:
            self._rows = sorted(read, key=_event_order)
        if self._rows is None:
            self._rows = [(g, e) for g, e in self.session.execute(
                select(Guest, Event).join(Event, Event.id == Guest.event_id)
                .where(Guest.phone == self.user.phone)
                .order_by(Event.date.is_(None), Event.date, Event.created_at)
                .execution_options(**outbox.OUTBOX_BLIND)
            ).all()]
        return self._rows

    def upcoming(self) -> list[tuple[Guest, Event]]:
        rows = self.rows()
        today = self.now.date() - timedelta(days=1)  # the day itself counts in every time zone
        ahead = [(g, e) for g, e in rows if e.date is None or e.date >= today]
        return ahead or rows

    def open_invitations(self) -> list[tuple[Guest, Event]]:
        """The invitations a typed answer may be about: not answered, or answered lately."""
        upcoming = self.upcoming()
        recent = self.now - RECENT_ANSWER
        open_ = [(g, e) for g, e in upcoming
                 if (g.status == RsvpStatus.invited and g.invitation != InvitationState.not_sent)
                 or (g.answered_at is not None and g.answered_at >= recent)]
        return open_ or upcoming

    # ------------------------------------------------------------ replies

    def send(self, message: dict, event_id=None, kind: str = REPLY_KIND) -> None:
        outbox.enqueue(self.session, phone=self.user.phone, message=message, kind=kind,
                       event_id=event_id, user_id=self.user.id)

    def say(self, text: str, event_id=None, kind: str = REPLY_KIND) -> None:
        self.send(outbox.text(text), event_id, kind)


def _event_order(row: tuple[Guest, Event]):
    """As `rows` orders them: by date (undated last), then as created."""
    event = row[1]
    return event.date is None, event.date or date.min, event.created_at


def handle_guest_message(session: Session, settings, user: User, msg) -> bool:
    """Act on a guest's message; False when the sender is no guest (or, for someone who
    also organises events, when the text means nothing to the guest side)."""
    parsed = _parse(getattr(msg, "reply_id", None))
    if parsed is None and not user.phone:
        return False
    turn = _Turn(session, settings, user, msg)
    if parsed is not None:
        _payload(turn, *parsed)
        turn.save()
        return True
    rows = turn.rows()
    if not rows:
        return False
    handled = _text(turn, rows)
    turn.save()
    return handled


# what a guest's reply reads as (not a greeting, thanks or a stray word)
_REPLY_INTENTS = ("answer", "count", "change", "question", "details", "stop")


def reads_as_guest_reply(text: str | None) -> bool:
    """Whether typed text reads as a guest's reply to an invitation: an answer, a count, a change, a question about
    the event, asking when or where, or asking to stop (the router asks this about someone who is no guest)."""
    return bool(text and text.strip()) and understand(text).intent in _REPLY_INTENTS


def answer_stranger(session: Session, user: User, msg) -> None:
    """Someone who is no guest (and no organiser) answers as a guest would ("בסוף לא נוכל להגיע לחתונה של מאיה"):
    there is no invitation for this number; where to answer instead, and how to organise an event of their own."""
    languages.remember(user, msg.text)
    lang = user.language or i18n.detect_language(msg.text) or i18n.SOURCE
    log.info("a guest-like message from %s, who has no invitation", mask_phone(user.phone))
    outbox.enqueue(session, phone=user.phone, message=outbox.text(say.not_invited_here(lang)), kind=REPLY_KIND,
                   user_id=user.id)


# --------------------------------------------------------------------------- buttons


def _payload(turn: _Turn, kind: str, guest_id: uuid.UUID, value: str) -> None:
    guest = turn.own_guest(guest_id)
    if guest is None:
        log.info("guest payload %s from %s does not match a guest of that number",
                 kind, mask_phone(turn.user.phone))
        turn.say(say.not_your_invitation(turn.lang))
        return
    if turn._lang is None:
        turn._lang = guest.event.language  # a tap has no words: answer in its invitation's language
    if kind == "rsvp":
        event = guest.event
        if _over(event, turn.now.date()) and not _is_member(turn):
            # a tap after the event is what a typed answer then is: the answer that stood stays, and the
            # organisers hear of it
            _answer_after(turn, guest, event, (turn.msg.text or "").strip() or value)
        else:
            _answer(turn, guest, value, None, via="button")
    elif kind == "party":
        if value == "more":
            turn.await_party(guest)
            turn.say(say.ask_exact_number(turn.lang), guest.event_id)
        else:
            _party(turn, guest, int(value))
    elif kind == "sure":
        item = turn._valid("confirm")
        turn.state.pop("confirm", None)
        if not item or item.get("guest") != str(guest.id):
            _ask_answer(turn, guest)
        else:
            _settle(turn, guest, item, value)
    elif kind == "optout":
        turn.state.pop("ask_stop", None)
        if value == "yes":
            _set_opt_out(turn, turn.rows(), True)
        else:
            turn.say(say.messages_continue(turn.lang), guest.event_id)
    elif kind == "ans":
        question_id, number = (int(v) for v in value.split(":"))
        question = questions.question_by_id(guest.event, question_id)
        if question is None or not 1 <= number <= len(question["options"]):
            turn.say(say.not_your_invitation(turn.lang))
            return
        option = question["options"][number - 1]
        questions.record(turn.session, guest, question_id, option)
        turn.say(say.answer_noted(turn.lang, question["text"], option), guest.event_id)
    elif kind == "pick":
        _picked(turn, guest)


def _picked(turn: _Turn, guest: Guest) -> None:
    """The guest picked this invitation from "which event?" (tapped, or typed): what waited
    for the pick is done for it."""
    choice = turn._valid("choice")
    turn.state.pop("choice", None)
    if choice and choice.get("beside"):
        turn.beside = (str(choice["beside"]), choice.get("beside_wamid"))
    if choice and choice.get("intent") == "relative":
        _relative(turn, guest, int(choice.get("relative") or 0), bool(choice.get("sure")))
    elif choice and choice.get("intent") in ("yes", "no", "maybe") and choice.get("unsure"):
        _confirm(turn, guest, choice["intent"], choice.get("party"), choice.get("children"))
    elif choice and choice.get("intent") in ("yes", "no", "maybe"):
        if choice["intent"] == "yes" and choice.get("party") and guest.status == RsvpStatus.confirmed:
            _party(turn, guest, int(choice["party"]), choice.get("children"))
        else:
            _answer(turn, guest, choice["intent"], choice.get("party"), via="text", children=choice.get("children"))
    elif choice and choice.get("intent") == "note":
        _forward(turn, guest, str(choice.get("text") or ""), choice.get("wamid"), too_many=choice.get("too_many"))
    else:
        _ask_answer(turn, guest)


def _settle(turn: _Turn, guest: Guest, item: dict, value: str) -> None:
    """The answer to "Just to be sure: ...?" ([Yes] or [Not quite], tapped or typed): what was restated is
    recorded, or the guest is asked to write the answer again."""
    if value != "yes":
        turn.say(say.write_again(turn.lang), guest.event_id)
        return
    answer, party, children = item.get("answer"), item.get("party"), item.get("children")
    if answer == "yes" and party and guest.status == RsvpStatus.confirmed:
        _party(turn, guest, int(party), children)
    else:
        _answer(turn, guest, answer, party, via="text", children=children)


# typed to an open "Just to be sure": a word that only says yes or no answers the restatement (the buttons'
# own titles, in any language, are added to these)
_SURE_YES = ("yes", "yes yes", "yeah", "yep", "yup", "sure", "correct", "right", "exactly", "thats right", "that is right",
             "כן", "כן כן", "נכון", "בדיוק", "כן נכון", "נכון מאוד", "כן בדיוק", "אכן", "בטח", "ברור",
             "да", "да да", "верно", "точно", "да верно", "ага", "угу", "конечно",
             "نعم", "ايوه", "اه", "صح", "صحيح", "بالضبط", "اكيد", "اجل", "تمام")
_SURE_NO = ("no", "nope", "nah", "not really", "not exactly", "wrong", "not right",
            "לא", "לא לא", "לא בדיוק", "לא נכון", "ממש לא", "לא ככה",
            "нет", "не", "не совсем", "неверно", "не так", "нет не так",
            "لا", "لا لا", "مش بالضبط", "غلط", "مش صحيح", "ليس صحيحا")


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", normalise(text or "")).split())


@functools.lru_cache(maxsize=1)
def _sure_words() -> dict[str, str]:
    words = {_plain(w): "yes" for w in _SURE_YES}
    words.update({_plain(w): "no" for w in _SURE_NO})
    for lang in i18n.LANGS:
        for suffix, title in say.confirm_buttons(lang):
            words[_plain(title)] = suffix
    words.pop("", None)
    return words


def _typed_restatement(turn: _Turn, text: str, reading: Understanding) -> bool:
    """"כן" typed (not tapped) while "Just to be sure: ...?" is open: the answer to it, as the tap would be.
    Only a word that says yes or no and nothing else (or a 👍); anything more is read as a message of its own."""
    item = turn._valid("confirm")
    if item is None:
        return False
    value = _sure_words().get(_plain(text))
    if value is None and reading.gesture and reading.answer == "yes" and not _plain(text):
        value = "yes"
    if value is None:
        return False
    guest = turn.own_guest(as_uuid(item.get("guest")))
    turn.state.pop("confirm", None)
    if guest is None:
        return False
    _settle(turn, guest, item, value)
    return True


def _typed_stop_answer(turn: _Turn, text: str) -> bool:
    """"כן" / "no" typed (not tapped) while "Should we stop sending you messages?" is open: the answer to it, as the
    tap would be. Only a word that says yes or no and nothing else; anything more is read as a message of its own."""
    item = turn._valid("ask_stop")
    if item is None:
        return False
    words = dict(_sure_words())
    for lang in i18n.LANGS:
        for suffix, title in say.stop_buttons(lang):
            words.setdefault(_plain(title), suffix)
    value = words.get(_plain(text))
    if value is None:
        return False
    turn.state.pop("ask_stop", None)
    guest = turn.own_guest(as_uuid(item.get("guest")))
    if guest is None:
        return False
    _payload(turn, "optout", guest.id, value)
    return True


def _ask_answer(turn: _Turn, guest: Guest, intro: str | None = None, sep: str = "\n\n") -> None:
    event = turn.session.get(Event, guest.event_id)
    body = say.answer_for(turn.lang, event.name)
    if intro:
        body = f"{intro}{sep}{body}"
    buttons = [(rsvp_payload_id(guest.id, suffix), title) for suffix, title in say.answer_buttons(turn.lang)]
    turn.send(outbox.buttons(body, buttons), event.id)


# --------------------------------------------------------------------------- answers


def _answer(turn: _Turn, guest: Guest, answer: str, party: int | None, via: str,
            children: int | None = None) -> None:
    event = turn.session.get(Event, guest.event_id)
    _answered(turn, guest)
    if party is not None and party <= 0:
        answer, party = "no", None
    rsvp.record_answer(turn.session, guest, answer, party_size=party, via=via,
                       children=_children(answer, party, children))
    lang, name = turn.lang, say.greeting_name(guest.first_name, guest.last_name)
    if answer != "yes":
        if _awaiting(turn, guest):
            turn.state.pop("await_party", None)
        text = say.not_coming(lang, name, event.name) if answer == "no" else say.maybe(lang, name, event.name)
        turn.say(text, event.id)
        _pass_beside(turn, guest)
        return
    if guest.party_size:
        if _awaiting(turn, guest):
            turn.state.pop("await_party", None)
        date_text = format_when(event.date, event.start_time, turn.lang) if event.date else None
        today = None
        if event.date is not None and event.date == local(turn.now, event.timezone).date():   # the day itself
            today = format_time(event.start_time, turn.lang) if event.start_time else ""
        turn.say(say.coming(lang, name, event.name, date_text, guest.party_size, today=today), event.id)
        _pass_beside(turn, guest)
        return
    turn.await_party(guest)
    body = say.ask_party_size(lang, name, event.name)
    buttons = [(party_payload_id(guest.id, suffix), title) for suffix, title in say.party_buttons(lang)]
    turn.send(outbox.buttons(body, buttons), event.id)
    _pass_beside(turn, guest)


def _answered(turn: _Turn, guest: Guest) -> None:
    """An answer recorded for `guest`: a "Just to be sure" still open about them is settled by it (a later "כן" is
    not taken as an answer to it)."""
    item = turn.state.get("confirm")
    if isinstance(item, dict) and item.get("guest") == str(guest.id):
        turn.state.pop("confirm", None)


def _awaiting(turn: _Turn, guest: Guest) -> bool:
    item = turn.state.get("await_party")
    return isinstance(item, dict) and item.get("guest") == str(guest.id)


def _children(answer: str, party: int | None, children) -> int | None:
    """The children of a reading, when they fit the party it records (else left unsaid)."""
    if answer != "yes" or children is None:
        return None
    try:
        children = int(children)
    except (TypeError, ValueError):
        return None
    if children < 0 or (party is not None and children > party) or (party is None and children == 0):
        return None
    return children


def _party(turn: _Turn, guest: Guest, party: int, children: int | None = None) -> None:
    if party <= 0:
        _answer(turn, guest, "no", None, via="text")
        return
    event = turn.session.get(Event, guest.event_id)
    _answered(turn, guest)
    rsvp.record_answer(turn.session, guest, "yes", party_size=party, via="text",
                       children=_children("yes", party, children))
    turn.state.pop("await_party", None)
    turn.say(say.party_recorded(turn.lang, event.name, party), event.id)
    _pass_beside(turn, guest)


# --------------------------------------------------------------------------- typed text


def _text(turn: _Turn, rows: list[tuple[Guest, Event]]) -> bool:
    msg = turn.msg
    if msg.kind in ("reaction", "system", "unsupported", "unknown"):
        return True  # nothing to answer
    text = (msg.text or "").strip() if msg.kind in ("text", "button", "interactive") else ""
    reading = understand(text) if text else Understanding("other", sure=False)
    intent = from_understanding(reading)
    turn.reading = reading
    turn.reading_is_explicit = not _BARE_NUMBER.match(text)
    if msg.kind == "text" and text and says_more(text):
        turn.beside = (text, getattr(msg, "wamid", None))

    if text and _typed_event_pick(turn, text):
        return True
    if _FORGET.search(text):
        retention.forget(turn.session, turn.user.phone)
        turn.say(say.forgotten(turn.lang), kind=OPT_OUT_ACK)
        return True
    if intent.kind == "stop":
        if not reading.sure and not all(g.opted_out for g, _ in rows):
            _ask_stop(turn, rows)   # a bare "די", "די נו": often a sigh; the guest says whether to stop
        else:
            _set_opt_out(turn, rows, True)
        return True
    if intent.kind == "start":
        _set_opt_out(turn, rows, False)
        return True
    if intent.kind == "details":
        _details(turn, where=bool(_ASKS_WHERE.search(text)))
        if msg.kind == "text" and asks_beyond_details(text) and not _is_member(turn):
            _pass_on(turn, text)   # "what time does it end?": the details answer what they can; the organisers the rest
        return True
    if reading.foreign and msg.kind == "text" and text:
        return _other_language(turn, text)
    if text and _typed_stop_answer(turn, text):
        return True
    if text and _typed_restatement(turn, text, reading):
        return True
    if text and _typed_option(turn, text):
        return True
    if intent.kind == "help":
        if _is_member(turn):
            return False  # an organiser's "help": the organiser chat answers it
        _guest_help(turn)
        return True
    if intent.kind == "unknown" and asks_who_is_writing(text):
        _who_we_are(turn)   # "?", "מי זה?", "who is this?": answered here; nothing for the organisers to do
        return True
    if intent.kind == "thanks" or (intent.kind == "yes" and intent.gesture and not _unanswered(turn)):
        _welcome(turn, text)   # politeness, or a 👍 after answering: nothing changes
        return True

    past = _past_event(turn) if msg.kind == "text" and text else None
    if past is not None and not _is_member(turn) and intent.kind in ("yes", "no", "maybe", "party_size"):
        return _answer_after(turn, past[0], past[1], text)

    awaited = turn.awaited_guest()
    if reading.too_many and reading.answer != "no":
        # "we are 60": more than one answer holds. Nothing is recorded; the organisers get the message and the
        # guest is told so, and may send a smaller number (an "how many?" asked stays open)
        return _too_many(turn, awaited, text, reading.too_many)
    if reading.relative and reading.total is None:
        return _relative_text(turn, awaited, reading)
    if reading.about_others and reading.answer == "no" and msg.kind == "text" and text:
        return _about_others(turn, awaited, text, reading.about_others)
    if reading.intent == "unclear" and intent.kind == "maybe":
        # "not sure yet how many", "depends on work": an answer that stands stays
        answered = [(g, e) for g, e in turn.open_invitations() if g.status in (RsvpStatus.confirmed, RsvpStatus.declined)]
        if answered and len(answered) == len(turn.open_invitations()):
            guest = answered[0][0]
            turn.say(say.nothing_changes(turn.lang, _status(turn, guest)),
                     guest.event_id)
            _pass_beside(turn, guest)
            return True
    if not reading.sure and not intent.gesture and intent.kind in ("yes", "no", "maybe", "party_size"):
        answer = "yes" if intent.kind == "party_size" else intent.kind
        guest = awaited if awaited is not None else None
        candidates = _named_one(turn, turn.open_invitations())
        if guest is None and len(candidates) == 1:
            guest = candidates[0][0]
        if guest is not None:
            _confirm(turn, guest, answer, intent.party_size, reading.children)
            return True
        return _choose_or_apply(turn, answer, intent.party_size, unsure=True, children=reading.children)
    if intent.kind == "party_size" or (intent.kind == "yes" and intent.party_size):
        if awaited is not None:
            _party(turn, awaited, intent.party_size, reading.children)
            return True
        implicit = _implicit_change(turn, reading, intent.party_size)
        if implicit is not None:
            _confirm(turn, implicit, "yes", intent.party_size, reading.children)
            return True
        return _choose_or_apply(turn, "yes", intent.party_size, children=reading.children)
    if intent.kind in ("yes", "no", "maybe"):
        if awaited is not None and intent.kind == "no":
            # "no" right after "how many?" is about the invitation we just asked about
            _answer(turn, awaited, "no", None, via="text")
            return True
        return _choose_or_apply(turn, intent.kind, None, only_unanswered=intent.gesture)

    past = _past_event(turn) if msg.kind == "text" and text and grateful(text) else None
    if past is not None and not _is_member(turn):
        _thanks_after(turn, past[0], past[1], text)   # "Mazal tov!! It was a beautiful wedding": after it, warmly
        return True
    if _is_member(turn):
        # an organiser who is also a guest: a note for the other event's organisers, or a
        # stray organiser command? Nothing tells them apart: ask, with a button to pass it on
        if msg.kind == "text" and text and intent.kind == "unknown" and reading.intent in ("question", "other"):
            return _ask_note_or_command(turn, text)
        return False  # the organiser chat answers it
    if reading.intent == "question" and _asks_details_too(text):
        _details(turn, where=bool(_ASKS_WHERE.search(text)))   # "where exactly? is there parking?": the where and when now, the rest passed on
    _pass_on(turn, text)
    return True


def _other_language(turn: _Turn, text: str) -> bool:
    """A message in a language the bot does not read ("Oui, nous serons deux", "Finalement nous ne pourrons pas
    venir"): nothing is recorded from it. It goes to the event's inbox (the organisers read it) and the guest is asked
    for the answer with the buttons, in one message: the answer that stands, when there is one, and how to change it."""
    if _is_member(turn):
        return _ask_note_or_command(turn, text)
    candidates = _note_candidates(turn)
    if len(candidates) != 1:
        _pass_on(turn, text)   # several events: the guest picks the one it is about
        return True
    guest, event = candidates[0]
    wamid = getattr(turn.msg, "wamid", None)
    turn.beside = None
    inbox.file(turn.session, guest, wamid)
    told = rsvp.pass_on_note(turn.session, guest, text, turn.settings.note_digest_seconds)
    turn.state.pop("await_party", None)
    intro = say.other_language(turn.lang, bool(told))
    if guest.status == RsvpStatus.invited:   # not answered, or a maybe
        _ask_answer(turn, guest, intro=intro)
        return True
    body = f"{intro}\n\n{_status(turn, guest).rstrip(' .')}. {say.change_below(turn.lang)}"
    buttons = [(rsvp_payload_id(guest.id, suffix), title) for suffix, title in say.answer_buttons(turn.lang)]
    turn.send(outbox.buttons(body, buttons), event.id)
    return True


def _asks_details_too(text: str) -> bool:
    """A message of several questions one of which asks when or where."""
    parts = [p for p in re.split(r"[?؟\n]+", text) if p.strip()]
    return len(parts) > 1 and any(understand(p).intent == "details" for p in parts)


_PICK_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3,
    "ראשון": 1, "ראשונה": 1, "הראשון": 1, "הראשונה": 1, "שני": 2, "שנייה": 2, "שניה": 2, "השני": 2,
    "השנייה": 2, "השניה": 2, "שלישי": 3, "שלישית": 3, "השלישי": 3, "השלישית": 3, "רביעי": 4, "הרביעי": 4,
    "первый": 1, "первое": 1, "второй": 2, "второе": 2, "третий": 3, "третье": 3,
    "الأول": 1, "الاول": 1, "الثاني": 2, "الثالث": 3,
}
_PICK_FILLERS = {"the", "for", "to", "of", "event", "one", "number", "no", "האירוע", "אירוע", "של", "מספר", "זה",
                 "ל", "את", "על", "в", "на", "для", "номер", "الى", "إلى", "رقم", "ل"}


def _typed_event_pick(turn: _Turn, text: str) -> bool:
    """Typed to an open "which event?" list: its number ("2"), an ordinal ("השני", "the second") or words that
    name one of the events listed (`events_named`: "לחתונה של דנה", "the bar mitzvah") pick that event, as
    tapping its row does. Anything else is read as a new message, and the list is asked again where it was before."""
    choice = turn._valid("choice")
    listed = choice.get("rows") if choice else None
    if not listed or len(text) > 60:
        return False
    by_id = {str(g.id): (g, e) for g, e in turn.rows()}
    rows = [by_id[i] for i in listed if i in by_id]
    if len(rows) < 2:
        return False
    said = text.strip().rstrip(".!").strip().casefold()
    core = [w for w in said.replace(".", " ").split() if w not in _PICK_FILLERS]   # "the second", "מספר 2"
    number = None
    if len(core) == 1:
        number = int(core[0]) if core[0].isdigit() else _PICK_ORDINALS.get(core[0])
    if number is not None:
        if not 1 <= number <= len(rows):
            return False
        _picked(turn, rows[number - 1][0])
        return True
    named = events_named(said, [e.name for _g, e in rows])
    if len(named) != 1:
        return False
    _picked(turn, rows[next(iter(named))][0])
    return True


def _typed_option(turn: _Turn, text: str) -> bool:
    """"fish" typed to an open question of an event the guest is coming to: their answer."""
    for guest, event in turn.upcoming():
        if guest.status != RsvpStatus.confirmed:
            continue
        question = questions.open_question(event, guest)
        option = questions.match_option(question, text) if question else None
        if option is not None:
            questions.record(turn.session, guest, question["id"], option)
            turn.say(say.answer_noted(turn.lang, question["text"], option), event.id)
            return True
    return False


def _ask_note_or_command(turn: _Turn, text: str) -> bool:
    candidates = [(g, e) for g, e in _note_candidates(turn) if not _organises(turn, e)]
    if not candidates:
        return False
    if _note_waits_with_answer(turn, text, getattr(turn.msg, "wamid", None)):
        return True
    turn.state["choice"] = {"intent": "note", "text": text[:1000], "wamid": getattr(turn.msg, "wamid", None),
                            "until": (turn.now + CHOICE_TTL).isoformat()}
    if len(candidates) == 1:
        guest, event = candidates[0]
        body = say.note_or_command(turn.lang, event.name)
        turn.send(outbox.buttons(body, [(pick_payload_id(guest.id), say.pass_it_on(turn.lang))]), event.id)
        return True
    _ask_which_event(turn, say.choose_event_for_note, candidates)
    return True


def _organises(turn: _Turn, event: Event) -> bool:
    return turn.session.scalar(select(EventMember.id).where(
        EventMember.user_id == turn.user.id, EventMember.event_id == event.id).limit(1)) is not None


def _implicit_change(turn: _Turn, reading: Understanding, party: int) -> Guest | None:
    """A bare number ("3") from a guest already confirmed with another party size, with
    nothing asked: it would change their party without saying so. Such a guest is asked."""
    if reading.intent != "count" or turn.reading_is_explicit:
        return None
    candidates = turn.open_invitations()
    if len(candidates) != 1:
        return None
    guest = candidates[0][0]
    if guest.status == RsvpStatus.confirmed and guest.party_size and guest.party_size != party:
        return guest
    return None


def _relative_text(turn: _Turn, awaited: Guest | None, reading: Understanding) -> bool:
    """"one more", "עוד אחד", "one less": added to (taken from) the party that stands."""
    if awaited is not None:
        _relative(turn, awaited, reading.relative, reading.sure)
        return True
    confirmed = [(g, e) for g, e in turn.open_invitations() if g.status == RsvpStatus.confirmed]
    candidates = _named_one(turn, confirmed or turn.open_invitations())
    if len(candidates) == 1:
        turn.state.pop("choice", None)
        _relative(turn, candidates[0][0], reading.relative, reading.sure)
        return True
    turn.state["choice"] = {"intent": "relative", "relative": reading.relative, "sure": reading.sure,
                            "until": (turn.now + CHOICE_TTL).isoformat()}
    _keep_beside(turn)
    _ask_which_event(turn, say.choose_event, candidates)
    return True


def _about_others(turn: _Turn, awaited: Guest | None, text: str, named: int) -> bool:
    """"סבתא רבקה לא תוכל להגיע", "my brother can't make it": someone else's answer, the writer's own unsaid. It never
    declines for the writer. Said by a guest whose "yes" counts more people than that, it takes them off the count
    (asked back first); else it is a note for the organisers, and a guest who has not answered is asked for their own."""
    confirmed = [(g, e) for g, e in turn.open_invitations() if g.status == RsvpStatus.confirmed]
    candidates = [(awaited, turn.session.get(Event, awaited.event_id))] if awaited is not None \
        else _named_one(turn, confirmed or turn.open_invitations())
    if len(candidates) == 1:
        guest = candidates[0][0]
        if guest.status == RsvpStatus.confirmed and guest.party_size and guest.party_size > named:
            turn.beside = (text, getattr(turn.msg, "wamid", None))   # the message itself goes to the organisers too
            _confirm(turn, guest, "yes", guest.party_size - named)
            return True
    if _is_member(turn):
        return _ask_note_or_command(turn, text)
    _pass_on(turn, text)
    open_ = _note_candidates(turn)
    if len(open_) == 1 and open_[0][0].answered_at is None and open_[0][0].status == RsvpStatus.invited:
        _ask_answer(turn, open_[0][0], intro=say.your_own_answer(turn.lang))
    return True


def _relative(turn: _Turn, guest: Guest, relative: int, sure: bool) -> None:
    current = guest.party_size if guest.status == RsvpStatus.confirmed else None
    if not current or not relative:
        # nothing to add to: ask for the number itself
        turn.await_party(guest)
        turn.say(say.ask_exact_number(turn.lang), guest.event_id)
        return
    party = current + relative
    if party <= 0 or party > MAX_PARTY_SIZE:
        turn.await_party(guest)
        turn.say(say.ask_exact_number(turn.lang), guest.event_id)
        return
    if sure:
        _party(turn, guest, party)
    else:
        _confirm(turn, guest, "yes", party)


def _confirm(turn: _Turn, guest: Guest, answer: str, party: int | None, children: int | None = None) -> None:
    """When unsure, ask: restate the reading with [Yes] [Not quite]; only [Yes] records it."""
    turn.state["confirm"] = {"guest": str(guest.id), "answer": answer, "party": party,
                             "children": _children(answer, party, children),
                             "until": (turn.now + CHOICE_TTL).isoformat()}
    body = say.confirm_reading(turn.lang, answer, party, children)
    buttons = [(f"sure:{guest.id}:{suffix}", title) for suffix, title in say.confirm_buttons(turn.lang)]
    turn.send(outbox.buttons(body, buttons), guest.event_id)
    _pass_beside(turn, guest)   # what else it said is passed on now, whatever the answer turns out to be


def _choose_or_apply(turn: _Turn, answer: str, party: int | None, only_unanswered: bool = False,
                     unsure: bool = False, children: int | None = None) -> bool:
    candidates = _named_one(turn, _unanswered(turn) if only_unanswered else turn.open_invitations())
    if len(candidates) == 1:
        turn.state.pop("choice", None)
        guest = candidates[0][0]
        if answer == "yes" and party and guest.status == RsvpStatus.confirmed:
            _party(turn, guest, party, children)  # already coming: a new number
        else:
            _answer(turn, guest, answer, party, via="text", children=children)
        return True
    turn.state["choice"] = {"intent": answer, "party": party, "children": _children(answer, party, children),
                            "until": (turn.now + CHOICE_TTL).isoformat()}
    _keep_beside(turn)
    if unsure:
        turn.state["choice"].update(unsure=True)
    _ask_which_event(turn, say.choose_event, candidates)
    return True


def _named_one(turn: _Turn, candidates: list[tuple[Guest, Event]]) -> list[tuple[Guest, Event]]:
    """Of several invitations, the one the typed text names ("לא אוכל להגיע לאירוסין", "we can't make the bar
    mitzvah"); when it names none or several, all of them (the guest is asked which)."""
    text = (turn.msg.text or "") if turn.msg.kind == "text" else ""
    if len(candidates) < 2 or not text:
        return candidates
    named = events_named(text, [e.name for _, e in candidates])
    return [candidates[i] for i in named] if len(named) == 1 else candidates


def _status(turn: _Turn, guest: Guest) -> str:
    """The answer that stands, in a line: a pending guest who said maybe is told so, not "you haven't answered"."""
    maybe = guest.status == RsvpStatus.invited and guest.answered_at is not None
    return say.status_line(turn.lang, guest.status.value, guest.party_size, maybe=maybe)


# "where exactly?", "איפה זה?", "address?", "waze?": a question about the place (the details carry map links)
_ASKS_WHERE = re.compile(
    r"\bwhere\b|\baddress\b|\blocation\b|\bdirections\b|\bwaze\b|google maps|how (?:do (?:i|we) )?get there|\bvenue\b"
    r"|איפה|היכן|כתובת|מיקומ|מיקום|וויז|ווייז|ויז|הוראות הגעה|איך מגיעים|לאן"
    r"|وين|فين|اين|أين|عنوان|العنوان|موقع|الموقع|где|адрес|куда|как добраться", re.IGNORECASE)


def _details(turn: _Turn, head: str | None = None, where: bool = False) -> None:
    items = []
    for guest, event in turn.upcoming():
        items.append((
            event.name,
            format_when(event.date, event.start_time, turn.lang) if event.date else say.date_tba(turn.lang),
            event.location or say.location_tba(turn.lang),
            _status(turn, guest),
        ))
    event_id = turn.upcoming()[0][1].id if len(items) == 1 else None
    links = [map_links(event.location) for _guest, event in turn.upcoming()] if where else None
    text = say.details(turn.lang, items, links)
    turn.say(f"{head}\n\n{text}" if head else text, event_id)


def _who_we_are(turn: _Turn) -> None:
    """"Who is this?", "מה זה?", "?": who writes and what for. One invitation: it in two lines, then the answer
    buttons when it is not answered yet (else the answer that stands); several: each with when, where and the answer."""
    upcoming = turn.upcoming()
    guest, event = upcoming[0]
    name = say.greeting_name(guest.first_name, guest.last_name)
    if len(upcoming) != 1:
        _details(turn, head=say.who_we_are(turn.lang, name))
        return
    when = format_when(event.date, event.start_time, turn.lang) if event.date else None
    intro = say.who_we_are(turn.lang, name, event.name, when, event.location, _inviter(turn, event))
    if guest.answered_at is None and guest.status == RsvpStatus.invited:
        _ask_answer(turn, guest, intro=intro)
    else:
        turn.say(f"{intro}\n{_status(turn, guest)}", event.id)


def _inviter(turn: _Turn, event: Event) -> str | None:
    """Who invites, when known: the name of the organiser who made the event."""
    user = turn.session.get(User, event.created_by) if event.created_by else None
    name = " ".join((user.display_name or "").split()) if user else ""
    return name if re.search(r"[^\W\d_]", name) else None


def _set_opt_out(turn: _Turn, rows: list[tuple[Guest, Event]], opted_out: bool) -> None:
    today = turn.now.date() - timedelta(days=1)
    changed = [g for g, e in rows if bool(g.opted_out) != opted_out and (e.date is None or e.date >= today)]
    for guest, _ in rows:
        guest.opted_out = opted_out
    turn.session.flush()
    for guest in changed:
        rsvp.tell_opted_out(turn.session, guest, opted_out)   # the organisers of an event still ahead are told
    turn.state.pop("await_party", None)
    turn.state.pop("choice", None)
    log.info("%s opted %s (%d invitation(s))", mask_phone(turn.user.phone), "out" if opted_out else "back in", len(rows))
    member = _is_member(turn)
    if opted_out:
        text = say.opted_out_as_guest(turn.lang) if member else say.opted_out(turn.lang)
        turn.say(text, kind=OPT_OUT_ACK)
    else:
        turn.say(say.opted_in_as_guest(turn.lang) if member else say.opted_in(turn.lang))


def _ask_stop(turn: _Turn, rows: list[tuple[Guest, Event]]) -> None:
    """"Should we stop sending you messages?" [Yes] [No]: only [Yes] opts out (of every invitation, as `stop`)."""
    guest = (turn.open_invitations() or rows)[0][0]
    turn.state["ask_stop"] = {"guest": str(guest.id), "until": (turn.now + CHOICE_TTL).isoformat()}
    buttons = [(f"optout:{guest.id}:{suffix}", title) for suffix, title in say.stop_buttons(turn.lang)]
    turn.send(outbox.buttons(say.ask_stop(turn.lang), buttons), guest.event_id)


def _is_member(turn: _Turn) -> bool:
    return senders.roles(turn.session, turn.user)[0]


def _unanswered(turn: _Turn) -> list[tuple[Guest, Event]]:
    """The open invitations the guest has not answered at all (a 👍 answers only these)."""
    return [(g, e) for g, e in turn.open_invitations() if g.answered_at is None and g.status == RsvpStatus.invited]


def _welcome(turn: _Turn, text: str = "") -> None:
    """A thank-you or an "ok": one short message, nothing changes. A guest who has not answered gets the warm line
    with the answer buttons; one who has, the warm line (and, for words, the answer that stands). After the event,
    thanks and congratulations are passed on to its organisers (`_thanks_after`)."""
    past = _past_event(turn)
    if past is not None and not _is_member(turn):
        _thanks_after(turn, past[0], past[1], text)
        return
    candidates = turn.open_invitations()
    if len(candidates) != 1:
        turn.say(say.welcome(turn.lang))
        return
    guest, event = candidates[0]
    name = say.greeting_name(guest.first_name, guest.last_name)
    if guest.answered_at is None and guest.status == RsvpStatus.invited:
        _ask_answer(turn, guest, intro=say.welcome(turn.lang, name), sep="\n")
        return
    if not _plain(text) and not turn.reading.gesture:
        turn.say(say.welcome(turn.lang, name), event.id)   # a ❤️ or a 🙏: the warm line is enough
        return
    turn.say(say.welcome(turn.lang, name, event.name, guest.status.value, guest.party_size), event.id)


def _over(event: Event, today) -> bool:
    """Whether the event's date has passed (an event with no date never has)."""
    return event.date is not None and event.date < today


def _past_event(turn: _Turn) -> tuple[Guest, Event] | None:
    """When every event of the guest's is over (its date has passed): the one it is about, their only one or the only
    one of the last two weeks; else None (with several, the thanks are passed on to nobody's organisers by guess)."""
    rows = turn.rows()
    today = turn.now.date()
    if not rows or not all(_over(e, today) for _g, e in rows):
        return None
    if len(rows) == 1:
        return rows[0]
    recent = [(g, e) for g, e in rows if e.date >= today - RECENT_ANSWER]
    return recent[0] if len(recent) == 1 else None


# after the event, an "ok" or a 👍 needs no passing on: a word of thanks or congratulations does
_ACKS = frozenset(_plain(w) for w in ("ok", "okay", "k", "kk", "okey", "אוקי", "אוקיי", "בסדר", "סבבה", "ок", "окей",
                                       "хорошо", "تمام", "اوكي", "حسنا"))


def _thanks_after(turn: _Turn, guest: Guest, event: Event, text: str) -> None:
    """Thanks or congratulations after the event ("Thank you! It was amazing"): a warm line in the past tense, and
    the message filed in the event's inbox (the organisers with notify on are told), the guest told truthfully."""
    name = say.greeting_name(guest.first_name, guest.last_name)
    if (turn.reading.gesture and not _WORD.search(text)) or _plain(text) in _ACKS:
        turn.say(say.welcome(turn.lang, name), event.id)   # a 👍 or an "ok": nothing to pass on
        return
    told = _file_and_tell(turn, guest, text, getattr(turn.msg, "wamid", None))
    turn.say(say.thanks_after(turn.lang, name, event.name, came=guest.status == RsvpStatus.confirmed,
                              told=bool(told)), event.id)


_WORD = re.compile(r"[^\W\d_]{2,}")


def _answer_after(turn: _Turn, guest: Guest, event: Event, text: str) -> bool:
    """An answer typed after the event ("לא מגיעים" three days after it): the answer that stood is what the event
    had, so nothing changes; the message goes to the event's inbox (the organisers with notify on are told)."""
    told = _file_and_tell(turn, guest, text, getattr(turn.msg, "wamid", None))
    turn.say(say.answer_after(turn.lang, event.name, told=bool(told)), event.id)
    return True


def _guest_help(turn: _Turn) -> None:
    upcoming = turn.upcoming()
    event = upcoming[0][1] if len(upcoming) == 1 else None
    turn.say(say.guest_help(turn.lang, event.name if event else None), event.id if event else None)


def _note_candidates(turn: _Turn) -> list[tuple[Guest, Event]]:
    """The events a guest's note may be about. An event whose date has passed only when it
    is the guest's one and only invitation; among upcoming ones, the open invitations first."""
    rows = turn.rows()
    today = turn.now.date() - timedelta(days=1)
    ahead = [(g, e) for g, e in rows if e.date is None or e.date >= today]
    if not ahead:
        return rows if len(rows) == 1 else []
    recent = turn.now - RECENT_ANSWER
    open_ = [(g, e) for g, e in ahead
             if (g.status == RsvpStatus.invited and g.invitation != InvitationState.not_sent)
             or (g.answered_at is not None and g.answered_at >= recent)]
    return open_ or ahead


def _too_many(turn: _Turn, awaited: Guest | None, text: str, number: int) -> bool:
    """A head count above MAX_PARTY_SIZE: recorded nowhere, passed to the organisers of the event it is about
    (the one whose "how many?" is open, else as any note), and the guest told why."""
    if awaited is not None:
        _forward(turn, awaited, text, getattr(turn.msg, "wamid", None), too_many=number)
        return True
    if _is_member(turn):
        return _ask_note_or_command(turn, text)   # an organiser who is also a guest: as any note of theirs
    _pass_on(turn, text, too_many=number)
    return True


def _pass_on(turn: _Turn, text: str, too_many: int | None = None) -> None:
    """Anything else a guest writes: file it with their invitation and tell that event's
    organisers. With several candidate events the guest picks one; organisers of the
    other events never see it."""
    shown = text or f"[{turn.msg.kind}]"
    wamid = getattr(turn.msg, "wamid", None)
    candidates = _note_candidates(turn)
    if len(candidates) == 1:
        _forward(turn, candidates[0][0], shown, wamid, too_many=too_many)
        return
    if not candidates:
        log.info("note from %s not passed on: no current invitation", mask_phone(turn.user.phone))
        turn.say(say.cannot_pass_on(turn.lang))
        return
    if _note_waits_with_answer(turn, shown, wamid):
        return
    turn.state["choice"] = {"intent": "note", "text": shown[:1000], "wamid": wamid,
                            "until": (turn.now + CHOICE_TTL).isoformat()}
    if too_many:
        turn.state["choice"].update(too_many=too_many)
    _ask_which_event(turn, say.choose_event_for_note, candidates)


def _note_waits_with_answer(turn: _Turn, text: str, wamid: str | None) -> bool:
    """A message written while the guest still has to pick which event their answer is for ("לא נוכל, אנחנו בחו"ל",
    then "מזל טוב לאיתי בכל מקרה!"): it waits with the answer, goes to the organisers of the event they pick, and the
    question is asked again. The answer is never dropped for a note that came after it."""
    choice = turn._valid("choice")
    if not choice or choice.get("intent") not in ("yes", "no", "maybe", "relative"):
        return False
    choice = dict(choice)   # a new value, so the saved state sees the change
    kept = choice.get("beside")
    choice["beside"] = (f"{kept}\n{text}" if kept else text)[:1000]
    if not choice.get("beside_wamid"):
        choice["beside_wamid"] = wamid
    choice["until"] = (turn.now + CHOICE_TTL).isoformat()
    turn.state["choice"] = choice
    _ask_which_event(turn, say.choose_event, turn.open_invitations())
    return True


def _ask_which_event(turn: _Turn, question, candidates: list[tuple[Guest, Event]]) -> None:
    """The list of the guest's events to pick from (`question`: say.choose_event or say.choose_event_for_note), each
    with its date; the pick comes back as pick:<guest id>."""
    body, button = question(turn.lang)
    shown = candidates[:MAX_PICK_ROWS]
    rows = [(pick_payload_id(g.id), e.name, format_date(e.date, turn.lang) if e.date else say.date_tba(turn.lang))
            for g, e in shown]
    if isinstance(turn.state.get("choice"), dict):
        # what was listed, in order: a typed "2" or "the wedding" picks from these (`_typed_event_pick`)
        turn.state["choice"] = {**turn.state["choice"], "rows": [str(g.id) for g, _e in shown]}
    turn.send(outbox.choice_list(body, button, rows))


def _keep_beside(turn: _Turn) -> None:
    """The guest picks the event first: what else the message said waits with the answer in "choice"."""
    if turn.beside is not None:
        turn.state["choice"].update(beside=turn.beside[0][:1000], beside_wamid=turn.beside[1])
        turn.beside = None


def _pass_beside(turn: _Turn, guest: Guest) -> None:
    """After an answer is recorded (or asked back), the message that carried it and something more ("כן אבל נאחר קצת",
    "נגיע 2, יש אוכל טבעוני?") goes to the event's inbox, whole and once, and the guest is told so in a line."""
    if turn.beside is None:
        return
    text, wamid = turn.beside
    turn.beside = None
    inbox.file(turn.session, guest, wamid)
    told = rsvp.pass_on_note(turn.session, guest, text, turn.settings.note_digest_seconds)
    turn.say(say.rest_passed_on(turn.lang) if told else say.rest_organisers_will_see(turn.lang), guest.event_id)


def _file_and_tell(turn: _Turn, guest: Guest, text: str, wamid: str | None) -> int:
    """The whole message filed in the event's inbox and passed to the organisers with notify on
    (media as themselves); how many will be told now (0: it waits in the inbox)."""
    turn.beside = None   # the whole message is passed on here
    stored = inbox.file(turn.session, guest, wamid)
    if stored is not None:
        content = inbox.content_of_row(stored)
    elif wamid and getattr(turn.msg, "wamid", None) == wamid:
        content = inbox.content_of(turn.msg)  # handed over directly, never stored
    else:
        content = None
    return rsvp.pass_on_note(turn.session, guest, text, turn.settings.note_digest_seconds, content=content)


def _forward(turn: _Turn, guest: Guest, text: str, wamid: str | None, too_many: int | None = None) -> None:
    """File the message in the event's inbox (always: nothing is lost with notify off), tell
    the organisers with notify on (media as themselves), and tell the guest the truth."""
    told = _file_and_tell(turn, guest, text, wamid)
    if too_many:
        turn.say(say.too_many_passed_on(turn.lang, int(too_many), MAX_PARTY_SIZE), guest.event_id)
    else:
        turn.say(say.passed_on(turn.lang) if told else say.organisers_will_see(turn.lang), guest.event_id)
