"""Where each inbound message goes: the guest side or the organiser side of the chat.

`handle_message` runs in the worker's transaction for that message: whatever it changes
and every reply it queues (outbox rows) commit together with the mark that the message
was answered. Routing:

* a tap on an RSVP button → the guest flow;
* a member of any event → organiser commands (text that is not a command, from a
  sender who is also an invited guest, goes to the guest flow);
* someone who is both (an organiser of one event, a guest at another): `stop`, `start`
  and a bare `details` are about their invitations (the guest flow), unless the bot is
  waiting for their answer to an organiser question (then `stop` cancels it); other text
  goes to the organiser commands first, and what is no command to the guest flow, which
  asks whether a note is meant for the other event's organisers;
* someone who is only a guest → the guest flow;
* anyone else → the organiser path (a welcome, `new event`), except text that reads as a guest's
  reply (an answer, a count, a question about an event) with no organiser question waiting: they
  are told there is no invitation for this number, where to answer instead, and how to start an event.

Someone known only by a business-scoped user id (no phone number) is answered the same
way, at that id. The guest side knows guests by number: such a sender is a guest once
their user carries the guest's number, which a tap on an invitation's answer button
fills in (only the chat an invitation went to can tap it, so the tapper is that number).
"""
from __future__ import annotations

import logging
import re
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Direction, Guest, Message, User

from bot.chat import commands as C
from bot.chat import conversation as convo
from bot.chat import guest as guest_flow
from bot.chat import intents
from bot.chat.organiser import SILENT_KINDS, OrganiserChat
from bot.logs import mask_phone
from bot.services.sending import parse_rsvp_payload
from bot.services.users import get_or_create_user

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.whatsapp.inbound import InboundMessage

log = logging.getLogger("bot.chat")


def handle_message(session: Session, settings: Settings, user: User, msg: InboundMessage) -> None:
    if msg.kind == "button" or (msg.kind == "interactive" and _is_guest_payload(msg.reply_id)):
        tapper = user if user.phone else _invited_tapper(session, user, msg)
        if guest_flow.handle_guest_message(session, settings, tapper, msg):
            return
    chat = OrganiserChat(session, settings, user, msg)
    if chat.is_member and chat.is_guest and _guest_word(chat, msg):
        if guest_flow.handle_guest_message(session, settings, user, msg):
            return
    if not chat.is_member and chat.is_guest and not _starts_an_event(msg, chat.region) \
            and not _answers_our_question(chat, msg):
        if guest_flow.handle_guest_message(session, settings, user, msg):
            return
    if msg.kind in SILENT_KINDS:
        return  # an emoji reaction or a number change needs no answer
    if not chat.is_member and not chat.is_guest and _reads_as_guest_reply(chat, msg):
        guest_flow.answer_stranger(session, user, msg)   # no invitation here: where to answer, not the organiser welcome
        return
    chat.run()


def _invited_tapper(session: Session, user: User, msg: InboundMessage) -> User:
    """Who taps an answer button when known only by a business-scoped id: the guest the
    button names, when the tapped message went to that guest's number. The number is filled
    in on their user; should another user have it already, that user is the one answering.
    Anyone else stays as they are (the guest side tells them it is not their invitation)."""
    answer = parse_rsvp_payload(msg.reply_id)
    if answer is None or not msg.context_wamid:
        return user
    phone = session.scalar(
        select(Guest.phone).join(Message, Message.phone == Guest.phone)
        .where(Guest.id == answer[0], Message.wamid == msg.context_wamid, Message.direction == Direction.outbound))
    if phone is None:
        return user
    log.info("message %s: a tap on what was sent to %s, so that is the sender's number",
             msg.wamid, mask_phone(phone))
    return get_or_create_user(session, phone=phone, wa_user_id=user.wa_user_id)


# what a message that opens an event of one's own says, before it is read as an organiser's would be
_OPENS_AN_EVENT = re.compile(r"אירוע|לארגן|להקים|\bevents?\b|\borgani[sz]e\b|\bcreate\b|\bset\s+up\b", re.I)


def _starts_an_event(msg: InboundMessage, region: str | None) -> bool:
    """A guest may become an organiser: `new event ...` is theirs to send, and so is the wish said in their own
    words ("אני רוצה לפתוח אירוע לברית של הבן שלי"), which the organiser chat asks about before creating anything.
    Never passed on to the organisers of the event they are a guest at."""
    text = msg.text or ""
    if msg.kind != "text" or not _OPENS_AN_EVENT.search(text):
        return False
    if C.names_command(text, C.NewEvent) and isinstance(C.parse(text, region, date.today()), C.NewEvent):
        return True
    return isinstance(intents.understand(text, region, date.today()).command, C.NewEvent)


# organiser commands a guest's words may also parse as ("yes", "stop", "details"): with no question of ours
# waiting, from someone who organises nothing, they are a guest's words
_GUEST_LIKE_COMMANDS = (C.ParseError, C.Confirm, C.Cancel, C.ShowEvent)


def _answers_our_question(chat: OrganiserChat, msg: InboundMessage) -> bool:
    """A guest who asked for an event of their own was asked "Create ...?": their tap on [Yes] / [No], or a typed
    yes or no, answers that question, never their invitation."""
    if msg.kind == "interactive":
        if not (msg.reply_id or "").startswith("confirm:"):
            return False
    elif msg.kind != "text" or len((msg.text or "").split()) > 3:
        return False
    # (read only, and read with the worker's batch: most guests were never asked anything)
    if not convo.has_pending(convo.peek_conversation(chat.session, chat.user)):
        return False
    return msg.kind == "interactive" or isinstance(C.parse(msg.text or "", chat.region, date.today()), (C.Confirm, C.Cancel))


def _reads_as_guest_reply(chat: OrganiserChat, msg: InboundMessage) -> bool:
    """Someone who is no guest and no organiser writes what reads as a guest's reply ("בסוף לא נוכל להגיע לחתונה של
    מאיה ואלעד", "we'll be 3", "where is it?"), not a greeting and not a command (`new event ...`)."""
    if msg.kind != "text" or not msg.text or convo.has_pending(chat.conv):
        return False
    cmd = intents.understand(msg.text, chat.region, date.today()).command   # as the organiser chat would read it
    if isinstance(cmd, C.ParseError) and cmd.usage is not None:
        return False   # ("new event Party / date: 45/45": a command said wrong gets its hint)
    # a look at an event's guests ("מגיעים" reads as "who is coming") means nothing to someone with no event
    looks_at_an_event = C.action_for(cmd) is not None and not C.writes(cmd)
    if not isinstance(cmd, _GUEST_LIKE_COMMANDS) and not looks_at_an_event:
        return False
    return guest_flow.reads_as_guest_reply(msg.text)


def _guest_word(chat: OrganiserChat, msg: InboundMessage) -> bool:
    """For someone who organises one event and is a guest at another: is this `stop`,
    `start` or a bare `details` about their invitations? The organiser's pending question
    wins a `stop` (it cancels the question); `event details` names their own event."""
    if msg.kind != "text" or not msg.text:
        return False
    intent = guest_flow.guest_word(msg.text)
    if intent is None:
        return False
    if intent == "stop" and convo.has_pending(chat.conv):
        return False
    if intent == "stop" and _names_someone_else(chat, msg.text):
        return False   # "הסר אורח פנינה", "remove 3": a command about their event, not "stop messaging me"
    if intent == "details":
        cmd = C.parse(msg.text, chat.region, date.today())
        if not (isinstance(cmd, C.ShowEvent) and cmd == C.ShowEvent()) or _EVENT_WORD.search(msg.text.lower()):
            return False
    return True


# what a stop word may also mean to an organiser, and still be about their own messages
_OWN_STOP_COMMANDS = (C.Cancel, C.Leave, C.Notify)


def _names_someone_else(chat: OrganiserChat, text: str) -> bool:
    """An organiser's change to someone else ("הסר אורח פנינה", "remove member 4"), read as a command."""
    cmd = intents.understand(text, chat.region, date.today()).command
    return C.writes(cmd) and not isinstance(cmd, _OWN_STOP_COMMANDS)


_EVENT_WORD = re.compile(r"event|אירוע|מסיבה|حفل|мероприят")


def _is_guest_payload(reply_id: str | None) -> bool:
    if not reply_id or reply_id.startswith("confirm:"):
        return False
    return guest_flow.is_guest_payload(reply_id)
