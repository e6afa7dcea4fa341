"""The organiser's side of the chat: commands, confirmations, documents and contact cards.

Expected problems become friendly replies: a `ParseError` (a usage hint) or a
`DomainError` (its message). Anything else is a bug and propagates: the worker logs
it with the wamid, retries, and in the end answers with an apology.
"""
from __future__ import annotations

import dataclasses
import logging
import re
from datetime import date
from typing import TYPE_CHECKING, Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Event, EventMember, Guest, RsvpStatus, User

from bot.chat import commands as C
from bot.chat import intents
from bot.chat import conversation as convo
from bot.services import calls, guest_csv, imports, notices, outbox, questions, senders
from bot.text import replies
from bot.services.permissions import Action, role_allows
from bot.text import dates, sounds
from bot.text.phones import display_phone, find_phone, region_of
from bot.text import phones
from bot.services import events as event_service
from bot.services import guests as guest_service
from bot.services import members as member_service
from bot.services import stats as stats_service
from bot.services import inbox as inbox_service
from bot.chat import guest as guest_flow
from bot.chat.understanding import event_kinds
from bot.services import languages, rsvp, rsvp_links, sending, tokens
from bot.text import i18n
from bot.text.i18n import N_, _
from bot.services.access import require
from bot.services.errors import DomainError, NotAuthorized

if TYPE_CHECKING:
    from bot.whatsapp.inbound import InboundMessage

log = logging.getLogger("bot.chat")

REF = i18n.Raw("<ref>")  # where a "send it again" example puts the guest's number
CONFIRM_YES = "confirm:yes"
CONFIRM_NO = "confirm:no"
HINT_KINDS = frozenset({"image", "audio", "video", "sticker", "location", "unsupported", "unknown", "order"})
SILENT_KINDS = frozenset({"reaction", "system"})
CSV_MIME = frozenset({"text/csv", "text/plain", "text/comma-separated-values", "application/csv",
                      "text/x-csv", "application/x-csv", "text/tab-separated-values", guest_csv.XLSX_MIME})
CSV_EXTENSIONS = (".csv", ".txt", ".tsv", ".xlsx")   # an Excel workbook is read from its first sheet

# The words of a command an organiser is shown as an example ("edit 2 phone 050..."), in
# the reader's language.
FIELD_WORDS = {"name": N_("name"), "phone": N_("phone"), "side": N_("side"), "party": N_("party"),
               "note": N_("note"), "first_name": N_("first name"), "last_name": N_("last name")}
ANSWER_WORDS = {"yes": N_("yes"), "no": N_("no"), "maybe": N_("maybe"), "pending": N_("pending")}
ROLE_WORDS = {"admin": N_("admin"), "editor": N_("editor"), "viewer": N_("viewer")}


def _word(table: dict, key) -> str:
    msgid = table.get(key)
    return _(msgid) if msgid else str(key)


# =========================================================================== the organiser

_GUEST_WRITES = (C.MarkGuest, C.Called, C.EditGuest, C.MessageGuest)  # their `ref` names a guest
_TITLES = frozenset({"דוד", "דודה", "הדוד", "הדודה", "סבא", "סבתא", "אחי", "אחותי", "דר", 'ד"ר', "הרב", "מר", "גברת",
                     "aunt", "auntie", "uncle", "grandma", "grandpa", "granny", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms"})
_HEBREW_PREFIXES = "שלבהוכמ"


# A message that starts with a field's label ("תאריך 12.8.2027", "שעה 19:30", "location Hangar 11"):
# a field line, set at once when the event has nothing there yet.
_FIELD_LINE = re.compile(r"\s*(?:ה?תאריך|ה?שעה|ה?מקום|כתובת|date|time|location|place|venue|address)(?![\w])",
                         re.IGNORECASE)
# Changes and sends that act on the current event: words naming another event's kind stop them.
_EVENT_BOUND = (C.AddGuests, C.EditGuest, C.MarkGuest, C.Called, C.RemoveGuest, C.SetEventField, C.Broadcast,
                C.MessageGuest, C.Invite, C.Remind, C.Ask, C.ThankYou)
_EVENT_FILLERS = frozenset({"של", "the", "of", "for", "a", "an"})


# Words that name where a change goes, not which event: "to the event", "לאירוע של איתי"
_EVENT_GENERIC = frozenset({"event", "אירוע", "האירוע", "my", "our", "שלי", "שלנו"})
_PLACING_WORDS = frozenset({"to", "for", "at", "in", "into", "on", "עבור", "בשביל", "לאירוע", "באירוע", "של"})
# "for the 40th: add guest ...", "לבר מצווה של איתי: תוסיף את ...": the event said first, then what to do there
_EVENT_HEAD = re.compile(r"^\s*(?P<head>(?:to|for|at|in|on|ל-?|ב-?|עבור|בשביל)\s*[^:\n]{2,50}?)\s*:\s*(?P<rest>\S[\s\S]*)$",
                         re.IGNORECASE)
# Changes whose last words may say where they go ("add guest Tom 917… to Jen's 40th", "סמן את דנה מגיעה לברית")
_TAIL_PLACED = (C.AddGuests, C.MarkGuest, C.RemoveGuest, C.Called)


_GREETINGS = frozenset({"hi", "hey", "hello", "hiya", "heya", "howdy", "shalom", "היי", "הי", "הייי", "היוש", "שלום", "הלו",
                        "אהלן", "הולה", "בוקר", "ערב", "צהריים", "טוב", "טובים", "good", "morning", "evening", "afternoon",
                        "there", "all", "everyone", "bot", "בוט"})
_ACK_WORDS = ("ok", "okay", "k", "kk", "אוקי", "אוקיי", "סבבה", "cool", "great", "fine", "אחלה", "מעולה", "יופי", "נהדר",
              "perfect", "awesome", "nice", "super", "מצוין", "מצויין", "מושלם", "sababa", "got it", "noted", "קיבלתי",
              "בוקר טוב", "ערב טוב", "צהריים טובים", "good morning", "good evening", "good afternoon")
_ACK_TEXT = re.compile(r"(?:(?:" + "|".join(_ACK_WORDS) + r")[\s!.,]*)*[\s!.]*(?:[👍👌🙏🙂😊✌️🆗💪\ufe0f\U0001f3fb-\U0001f3ff]\s*)*",
                       re.IGNORECASE)


_BARE_NUMBER = re.compile(r"#?\d{1,2}[.)]?")
_HEBREW_LETTER = re.compile(r"[\u05d0-\u05ea]")


def _first_line(text: str) -> str:
    """A question's first line, without the details under it (prices, lists): what a notice
    that it was dropped needs to name it."""
    line = next((line.strip() for line in str(text).splitlines() if line.strip()), "")
    asked = re.match(r"^(.+?[?？])\s", line + " ")
    return asked.group(1) if asked else line   # "…to 244 guests? Reply yes or no.": the question itself


def _name_words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", text.casefold()) if w]


def _word_in(word: str, words: list[str]) -> bool:
    """`word` among an event's name words, a Hebrew prefix letter (ה, ל, ב...) either side:
    "מצווה" is in "בר המצווה של איתי"."""
    return any(w == word or (len(w) > 2 and w[0] in _HEBREW_PREFIXES and w[1:] == word)
               or (len(word) > 2 and word[0] in _HEBREW_PREFIXES and word[1:] == w) for w in words)


def _members_called(members: list[EventMember], text: str) -> tuple[list[EventMember], list[EventMember]]:
    """The team members whose name holds `text`, and of those the ones named exactly so."""
    text = text.lower()
    match = [m for m in members if m.user.display_name and text in m.user.display_name.lower()]
    return match, [m for m in match if m.user.display_name.lower() == text]


def _named_by(text: str, guest: Guest) -> bool:
    """Whether `text` names `guest` in whole words (each a word of the name, or the start of one), as typed or
    without a title or one Hebrew prefix: "Dana", "דנה לוי", "לדנה", "Dan"; not the "an" inside "Dana"."""
    name_words = _name_words(guest.full_name)
    for variant in _name_variants(text):
        said = _name_words(variant)
        if said and all(any(n == w or (len(w) > 1 and n.startswith(w)) for n in name_words) for w in said):
            return True
    return False


# Words that are no value for a command's missing part: not knowing yet, waiting, thanks, later
_NOT_A_VALUE = re.compile(
    r"(?:^|\s)(?:לא\s+יודע\S*|עוד\s+לא|אין\s+לי\s+מושג|רגע|שנייה|שניה|אחשוב|נחשוב|אחזור|נחזור|אעדכן|נעדכן|"
    r"נחליט|לא\s+סגרנו|לא\s+סגור|אחר\s+כך|אח\"כ|תודה|"
    r"not\s+sure|don'?t\s+know|dunno|no\s+idea|not\s+yet|wait|hold\s+on|later|tbd|tba|thanks|thank\s+you|"
    r"i'?ll\s+think|let\s+me\s+think|get\s+back)(?=$|[\s,.!?])", re.I)
# A guest's name alone: a few words of letters ("אבי כהן", "Dana Levi-Katz")
_NAME_LIKE = re.compile(r"[^\W\d_][\w'׳\"״.-]*(?:\s+[^\W\d_][\w'׳\"״.-]*){0,3}")


def _parses_as_date(text: str, today: date) -> bool:
    try:
        dates.parse_date(text, today)
        return True
    except dates.InvalidDate:
        return False


def _name_variants(text: str) -> list[str]:
    """A name as typed, then without a title before it ("הדודה דנה"), then without one
    Hebrew prefix letter glued to it ("ליעל", "שיוסי"); each tried only if the last found nobody."""
    words = text.split()
    out = [text]
    if len(words) > 1 and words[0].lower() in _TITLES:
        words = words[1:]
        out.append(" ".join(words))
    first = words[0] if words else ""
    if len(first) > 2 and first[0] in _HEBREW_PREFIXES and "\u0590" <= first[1] <= "\u05ff":
        out.append(" ".join([first[1:]] + words[1:]))
    return out


# Words that are no one's name, left as a "name" when a sentence is cut in the wrong place ("tell the guest Avi ...")
_NO_NAME_WORDS = frozenset({"the", "a", "an", "to", "for", "of", "my", "our", "your", "this", "that", "these", "those", "it",
                            "את", "של", "אל", "עם", "על"})
_ORGANISED = "organised"   # in the sender's Conversation.listing: they have worked on an event (no newcomer since)


class OrganiserChat:
    """One inbound message from an organiser (or a would-be one), answered."""

    def __init__(self, session: Session, settings, user: User, msg: InboundMessage) -> None:
        self.session = session
        self.settings = settings
        self.user = user
        self.msg = msg
        self._conv = None
        self.region = guest_service.region_for(user, self.settings.default_region)
        if msg.kind == "text":
            languages.remember(user, msg.text, command=True)
        self.lang = languages.organiser_language(user)
        self._member_somewhere: bool | None = None
        self._guest_somewhere: bool | None = None
        self._confirmed_run = False   # running a command the sender said yes to (do_run): not asked again

    @property
    def own_region(self) -> str | None:
        """The organiser's own country ("GB" for a +44 number): their examples and clocks."""
        return self.user.region or region_of(self.user.phone)

    @property
    def conv(self):
        """The sender's chat state, loaded (or created) only when a command needs it."""
        if self._conv is None:
            self._conv = convo.get_conversation(self.session, self.user)
        return self._conv

    # ------------------------------------------------------------------ output

    def own_examples(self, text: str) -> str:
        """Example numbers and dates in a reply as this organiser would type them."""
        return dates.with_own_examples(phones.with_own_examples(text, self.own_region, self.region))

    def say(self, text: str) -> None:
        text = replies.cap(self.own_examples(text))
        outbox.enqueue(self.session, phone=self.user.phone, message=outbox.text(text), kind="reply",
                       user_id=self.user.id)

    def ask(self, text: str, pending: dict, buttons: tuple[str, str] | None = None, question: str | None = None) -> None:
        """A yes/no question with buttons (their titles `buttons`, else Yes and No); the answer runs `pending`.
        `question`: what it asks, when `text` opens with something already done (said again if it lapses)."""
        text = self.own_examples(text)
        question = replies.short(_first_line(question or text), 90)
        if convo.has_pending(self.conv) and self.conv.pending.get("question") != question:
            self.drop_pending()   # a new question replaces one still waiting: that one is said not done
        convo.set_pending(self.conv, {**pending, "question": question})
        self.yes_no(text, buttons)

    def yes_no(self, text: str, buttons: tuple[str, str] | None = None) -> None:
        """`text` with the Yes and No buttons (or their titles `buttons`) that answer the question waiting."""
        yes, no = buttons or (_("Yes"), _("No"))
        message = outbox.buttons(text, [(CONFIRM_YES, yes), (CONFIRM_NO, no)])
        outbox.enqueue(self.session, phone=self.user.phone, message=message, kind="reply", user_id=self.user.id)

    # ------------------------------------------------------------------ entry

    def _load_roles(self) -> None:
        """Whether the sender organises any event and is anyone's guest (bot.services.senders)."""
        self._member_somewhere, self._guest_somewhere = senders.roles(self.session, self.user)

    @property
    def is_member(self) -> bool:
        if self._member_somewhere is None:
            self._load_roles()
        return self._member_somewhere

    @property
    def is_guest(self) -> bool:
        if self._guest_somewhere is None:
            self._load_roles()
        return self._guest_somewhere

    def current(self) -> tuple[Event, EventMember] | None:
        """The current event (none, without asking the database, for a sender with no events)."""
        if not self.is_member:
            return None
        return convo.current_event(self.session, self.user, self.conv)

    def run(self) -> None:
        with i18n.use(self.lang), dates.read_for(self.user.region or region_of(self.user.phone)):
            self._run()

    def _run(self) -> None:
        kind = self.msg.kind
        if kind == "text":
            return self.on_text(self.msg.text or "")
        if kind == "interactive":
            if self.msg.reply_id in (CONFIRM_YES, CONFIRM_NO):
                return self.execute(C.Confirm("yes" if self.msg.reply_id == CONFIRM_YES else "no"))
            return self.on_text(self.msg.text or "")
        if kind == "button":
            return self.on_text(self.msg.text or "")
        if kind == "document":
            return self.guarded(self.on_document)
        if kind == "contacts":
            return self.guarded(self.on_contacts)
        self.say(_(replies.NON_ORGANISER_HINT))

    def pick_list(self, text: str) -> tuple[dict, int] | None:
        """(the "which one? 1. … 2. …" list just shown, the number `text` is), when `text` is a bare number."""
        if not _BARE_NUMBER.fullmatch(text.strip()) or not self.is_member:
            return None
        listing = convo.get_listing(self.conv, "guests")
        if convo.last_listing_kind(self.conv) != "guests" or not listing or not listing.get("pick") \
                or convo.has_pending(self.conv):
            return None
        return listing, int(text.strip().strip(".)#"))

    def picked(self, text: str) -> str | None:
        """A bare number right after "which one? 1. … 2. …": the same command, on that one
        ("2" → "guest 2"); None when no such pick-list was just shown."""
        found = self.pick_list(text)
        if found is None or not 1 <= found[1] <= len(found[0]["ids"]):
            return None
        return found[0]["pick"].replace("<ref>", str(found[1]))

    def picked_off_the_list(self, text: str) -> bool:
        """A number the pick list just shown does not have ("2" under one name): said so, the list kept."""
        found = self.pick_list(text)
        if found is None or 1 <= found[1] <= len(found[0]["ids"]):
            return False
        self.say(replies.pick_from(len(found[0]["ids"])))
        return True

    def picked_message(self, text: str) -> bool:
        """A bare number right after "which message is it for?" (the inbox shown for "reply to her: …"): the
        words kept then, for the guest who wrote that message, asked first. False when no such list was just shown."""
        if not _BARE_NUMBER.fullmatch(text.strip()) or not self.is_member or convo.has_pending(self.conv) \
                or convo.last_listing_kind(self.conv) != "inbox":
            return False
        listing = convo.get_listing(self.conv, "inbox")
        if not listing or not listing.get("reply_text"):
            return False
        found = self.current()
        if found is None or listing.get("event_id") != str(found[0].id):
            return False
        event = found[0]
        n = int(text.strip().strip(".)#"))
        item_id = convo.listing_id(self.conv, "inbox", event.id, n)
        if item_id is None:
            self.say(replies.no_such_inbox_item(n))
            return True
        words = listing["reply_text"]
        convo.save_listing(self.conv, "inbox", event.id, listing["ids"], guests=listing.get("guests") or [])

        def run() -> None:
            require(self.session, self.user, event.id, Action.SEND)
            guest = inbox_service.item_guest(self.session, self.user, event.id, item_id)
            if guest is None:
                return self.say(replies.no_such_inbox_item(n))
            item = self.inbox_item(event, item_id)
            self.ask_reply(event, guest, words, item)

        self.guarded(run, writes=False)
        return True

    def on_text(self, text: str) -> None:
        if self.picked_message(text):
            return
        if self.member_number_came(text):
            return
        if self.completed_command(text):
            return
        if self.picked_off_the_list(text):
            return
        again = self.picked(text)
        if again is not None:
            text = again
        reading = intents.understand(text, self.region, date.today())
        cmd = reading.command
        said = set(_name_words(text))
        if isinstance(cmd, C.Help) and cmd.topic is None and said and said <= _GREETINGS:
            return self.greet()   # "היי", "שלום", "hi": a hello, answered in a few lines
        if _ACK_TEXT.fullmatch(text.strip()) and not convo.has_pending(self.conv):
            # "אוקיי", "מעולה 👍", "perfect", "בוקר טוב": noted, nothing to do (with a question waiting, it is
            # the question's: "ok" is no yes)
            return self.greet() if said and said <= _GREETINGS else self.say(replies.acknowledged())
        if reading.event and self.is_member and not self.to_named_event(reading.event):
            return
        moved = False
        if not reading.event and self.is_member:
            placed = self.placed_in_event(text, reading)
            if placed is False:
                return
            if placed is not None:
                reading, moved = placed
                cmd = reading.command
        if isinstance(cmd, _EVENT_BOUND) and not reading.event and not moved and self.about_another_event(text, cmd):
            return
        if (not reading.sure or moved) and isinstance(cmd, intents.DIRECT_WRITES):
            # a write resting on a guess: say what it would do, and do it on yes
            if self.refused_before_asking(cmd):
                return
            if isinstance(cmd, (C.ChangeRole, C.RemoveMember)) and self.no_member_named(cmd):
                return
            if isinstance(cmd, C.SetEventField) and _FIELD_LINE.match(text) and self.fills_empty_fields(cmd):
                return self.execute(cmd)   # nothing to overwrite: set it, and the reply says what
            if isinstance(cmd, _GUEST_WRITES) and isinstance(cmd.ref, C.Ref):
                # but first the guest it names: no question about someone who isn't there
                cmd = self.named_guest_first(cmd)
                if cmd is None:
                    return
            found = self.current()
            question = replies.restate(cmd, event=found[0] if found else None)
            if found is not None and len(event_service.list_events(self.session, self.user)) > 1:
                question = f"*{i18n.isolate(found[0].name)}*: {question}"   # with several events, which one
            return self.ask(question, {"op": "run", "cmd": intents.encode(cmd), "again": C.spec_for(cmd).name})
        if isinstance(cmd, C.ParseError):
            # Someone who organises one event and is a guest at another: words that are no
            # command of theirs ("yes, we'll be 2" with no question of ours waiting) answer
            # their invitation.
            guest_words = cmd.usage is None or (cmd.usage == _(C.spec_for(C.Confirm).usage)
                                                and not convo.has_pending(self.conv))
            if guest_words and self.is_member and self.is_guest:
                if guest_flow.handle_guest_message(self.session, self.settings, self.user, self.msg):
                    return
            if cmd.usage is None and not self.is_member:
                return self.no_events()  # a newcomer: show how to start (no events now: said so)
            if cmd.usage is None and self.is_member and self.shown_guest_named(text):
                return
            role = C.member_wanted(text)
            if role is not None and self.current() is not None:
                return self.await_member(role)
            if cmd.wants:
                return self.await_words(cmd.wants, cmd.message)
            return self.say(cmd.message)
        self.execute(cmd)

    def await_words(self, command: str, asked: str, tries: int = 0) -> None:
        """"אירוע חדש", "תשנה תאריך", "add guest" with nothing after: what is missing is asked,
        and the next message may be just that (`completed_command`). A role that may not run the
        command is told so now, not after typing the rest."""
        spec = next((sp for sp in sorted(C.COMMANDS, key=lambda sp: -len(sp.name)) if command.startswith(sp.name)), None)
        found = self.current() if spec is not None and spec.action is not None and self.is_member else None
        refused = self.refusal(found[0], spec.action) if found else None
        if refused:
            return self.say(refused)
        convo.await_words(self.conv, command, tries)
        self.say(asked + "\n" + _("Or just send it now, in your next message."))

    def completed_command(self, text: str) -> bool:
        """The message after "אירוע חדש" (no name) is the name, after "תשנה תאריך" the date, after
        "הודעה לכל האורחים" the words: the command runs as if typed whole. A message that is no such
        value (a command of its own, a question, thanks, "not sure yet", an answer to an invitation)
        is read as itself; "never mind" leaves things as they were; a value that does not do (a date
        that is none) is asked for once more."""
        awaited = convo.take_awaited_words(self.conv)
        if awaited is None or not text.strip():
            return False
        command, tries = awaited
        today = date.today()
        exact = C.parse(text, self.region, today)
        alone = intents.understand(text, self.region, today)
        if isinstance(alone.command, C.Cancel) or isinstance(exact, C.Cancel) \
                or _NOT_A_VALUE.search(text) and isinstance(exact, C.ParseError):
            self.say(_("OK, left as it was."))   # "לא משנה", "עוד לא יודעים", "רגע אני אחשוב על שם"
            return True
        if not isinstance(exact, C.ParseError):
            return False   # "guests", "תאריך 20.6": a command of its own
        if text.strip().endswith(("?", "؟")) and len(text.split()) <= 2 and isinstance(alone.command, C.ParseError):
            asked = C.parse(command, self.region, today)   # "מה?", "what?": the question again, plainly
            if isinstance(asked, C.ParseError):
                self.await_words(command, asked.message, tries)
                return True
        if isinstance(alone.command, C.ParseError) and alone.command.wants \
                or text.strip().endswith(("?", "؟")) or _ACK_TEXT.fullmatch(text.strip()):
            return False   # another half command, a question, "אוקיי": read as themselves
        completed = self.completion(command, text.strip(), today)
        if completed is None:
            return False
        if isinstance(completed, C.ParseError):
            if alone.sure and not isinstance(alone.command, C.ParseError):
                return False   # "מי אישר": something of its own, read as such
            if completed.wants and completed.wants != command:
                self.await_words(completed.wants, completed.message)   # "אבי כהן": now his number
            elif tries:
                self.say(completed.message)   # asked twice: no more waiting for it
            else:
                self.await_words(command, completed.message, tries + 1)
            return True
        self.execute(completed)
        return True

    def completion(self, command: str, text: str, today: date):
        """`command` with `text` as its missing part, parsed; None when `text` is plainly no such part
        (a date or a phone for an event's name; a sentence, not a name, for a guest)."""
        if command == "new event":
            first = text.split("\n", 1)[0]
            if find_phone(first, self.region)[0] or _parses_as_date(first, today):
                return None
        if command == "add guests":
            if find_phone(text, self.region)[0]:
                return C.parse("add guests\n" + text, self.region, today)
            if not _NAME_LIKE.fullmatch(text):
                return None   # "כן, נגיע 2": no guest's name
            return C.parse("add guest " + text, self.region, today)   # a name: its number is asked
        return C.parse(command + " " + text, self.region, today)

    def await_member(self, role: str) -> None:
        """"add editor" with no number: the number or contact card that comes next is theirs."""
        event, _member = self.current()
        refused = self.refusal(event, Action.MANAGE_EVENT)
        if refused:
            return self.say(refused)
        convo.await_member(self.conv, event.id, role)
        self.say(_("Who should join {event} as {role}? Send their phone number, or share their contact card.",
                   event=event.name, role=i18n.Raw(_word(ROLE_WORDS, role))))

    def member_number_came(self, text: str) -> bool:
        """A message that is only a phone number, after "add editor": that member is added."""
        if not self.is_member or convo.awaited_member(self.conv, None) is None:
            return False
        found = self.current()
        role = convo.awaited_member(self.conv, found[0].id) if found else None
        convo.forget_awaited_member(self.conv)   # one message, whatever it is: a later number is no member by surprise
        if role is None:
            return False
        phone, rest = find_phone(text, self.region)
        if phone is None or any(ch.isalnum() for ch in rest):
            return False
        self.execute(C.AddMember(phone=phone, role=role))
        return True

    def no_member_named(self, cmd) -> bool:
        """A role change or removal read from words, for a name nobody on the team has: said now
        (with how to see the team), never asked "make Michal an admin?" and refused after the yes."""
        found = self.current()
        if found is None or cmd.ref.number is not None or cmd.ref.phone is not None:
            return False
        event, _member = found
        if _members_called(member_service.list_members(self.session, self.user, event.id), cmd.ref.text)[0]:
            return False
        self.say_no_member(event, cmd.ref.text)
        return True

    def say_no_member(self, event: Event, text: str) -> None:
        self.say(_("Nobody on the team of {event} is called “{text}”. Send *members* for the list.",
                   event=event.name, text=text))

    def refusal(self, event: Event, action: Action) -> str | None:
        """Why the sender may not do `action` on `event`, with who can; None when they may."""
        try:
            require(self.session, self.user, event.id, action)
        except NotAuthorized as refused:
            return refused.message + self.who_can(event, action)
        return None

    def refused_before_asking(self, cmd) -> bool:
        """A write the sender's role does not allow on the current event is refused now,
        with who may do it: asking "are you sure?" and refusing after their yes wastes a
        turn and reads as if it would be done."""
        action = C.action_for(cmd)
        found = self.current()
        refused = self.refusal(found[0], action) if action is not None and found is not None else None
        if refused:
            self.say(refused)
        return bool(refused)

    def shown_guest_named(self, text: str) -> bool:
        """A message that is only the name of one guest ("הדודה שושי", "Avi Cohen"): their card.
        False (nothing said) when it names nobody, or several, or is no bare name."""
        name = " ".join(text.split())
        if "\n" in text.strip() or not 2 <= len(name) <= 60 or len(name.split()) > 4 \
                or any(ch.isdigit() for ch in name):
            return False
        found = self.current()
        if found is None:
            return False
        event, _member = found
        guests, total = guest_service.list_guests(self.session, self.user, event.id, search=name, limit=2)
        if total != 1 or name.casefold() not in guests[0].full_name.casefold():
            return False
        self.execute(C.GuestCard(C.Ref(guests[0].full_name)))
        return True

    def greet(self) -> None:
        """A hello: a newcomer is shown how to start; an organiser, their event and its numbers."""
        found = self.current()
        if found is None:
            if not self.is_member:
                return self.no_events()
            return self.cmd_events(C.ListEvents())
        event, member = found
        counts = dict(self.session.execute(
            select(Guest.status, func.count()).where(Guest.event_id == event.id).group_by(Guest.status)).all())
        total = sum(counts.values())
        self.say(replies.greeting(event, member, total, counts.get(RsvpStatus.confirmed, 0),
                                  counts.get(RsvpStatus.declined, 0), counts.get(RsvpStatus.invited, 0)))

    def to_named_event(self, words: str) -> bool:
        """A command that names its event ("stats for the bar mitzvah", "תשלח הזמנה לחתונה של
        שירה"): that event becomes the current one (and the sender is told); False, after
        saying why, when none of their events or several fit the words. With one event only,
        it is the one meant."""
        rows = self.event_rows()
        if len(rows) < 2:
            return True
        wanted = [w for w in _name_words(words) if w not in _EVENT_FILLERS]
        chosen = [r for r in rows if wanted and all(_word_in(w, _name_words(r[0].name)) for w in wanted)]
        if len(chosen) != 1:
            self.remember_event_numbers(rows)
            head = (_("You have no event called “{ref}”.\n\n", ref=words) if not chosen else
                    _("Several of your events match “{ref}”:", ref=words) + "\n\n")
            self.say(head + replies.events_list(rows))
            return False
        event, member, guests = chosen[0]
        current = self.current()
        if current is None or current[0].id != event.id:
            convo.set_current_event(self.conv, event.id)
            self.drop_pending()   # a question about the other event is not this one's
            self.say(replies.now_using(event, member, guests))
        return True

    def placed_in_event(self, text: str, reading):
        """A command that says, by (part of) its name, which of the sender's events it is for
        ("add guest Tom Baker 917… to Jen's 40th", "for the 40th: add guest Lisa …", "… לבר
        מצווה של איתי"): the command read without those words, and whether the sender was moved
        to that event (told so; a change is then asked first). None: no event of theirs is
        named so. False: several are, and the sender was shown them; nothing was done."""
        head = _EVENT_HEAD.match(text)
        candidates: list[tuple[str, str]] = []   # (the words naming an event, the command without them)
        if head and len(head.group("head").split()) <= 7:
            candidates.append((head.group("head"), head.group("rest")))
        cmd = reading.command
        line = text.strip()
        if isinstance(cmd, (*_TAIL_PLACED, C.ParseError)) and "\n" not in line and not (isinstance(cmd, C.AddGuests) and len(cmd.guests) != 1):
            tokens = line.split()
            for i in range(1, len(tokens)):
                word = tokens[i].casefold()
                glued = word[:1] in "לב" and len(word) > 2 and "\u05d0" <= word[-1] <= "\u05ea"
                if not (word in _PLACING_WORDS or glued) or len(tokens) - i > 7:
                    continue
                tail = tokens[i:]
                if any(sum(ch.isdigit() for ch in t) > 4 for t in tail):
                    continue   # a phone is no part of an event's name
                if isinstance(cmd, C.AddGuests) and not any(sum(ch.isdigit() for ch in t) > 4 for t in tokens[:i]):
                    continue   # a new guest's event is said after their phone, not inside their name
                candidates.append((" ".join(tail), " ".join(tokens[:i])))
        if not candidates:
            return None
        rows = self.event_rows()
        if not rows:
            return None
        for words, rest in candidates:
            chosen = self.events_named(words, rows)
            if not chosen:
                continue
            again = intents.understand(rest, self.region, date.today())
            if isinstance(again.command, C.ParseError) or C.action_for(again.command) is None:
                continue   # what is left is no command on an event
            if type(again.command) is not type(cmd) and not isinstance(cmd, C.ParseError):
                continue   # the words were part of the command ("at the bris" in a message's text)
            if len(chosen) > 1:
                said = words.split()
                if said[0].casefold() in _PLACING_WORDS and len(said) > 1:
                    said = said[1:]
                elif said[0][:1] in "לב" and len(said[0]) > 2:
                    said[0] = said[0][1:].lstrip("-")
                self.remember_event_numbers(rows)
                self.say(_("Several of your events match “{ref}”:", ref=" ".join(said)) + "\n\n" + replies.events_list(rows))
                return False
            event, member, guests = chosen[0]
            current = self.current()
            if current is not None and current[0].id == event.id:
                return again, False
            convo.set_current_event(self.conv, event.id)
            self.drop_pending()   # a question about the other event is not this one's
            self.say(replies.now_using(event, member, guests))
            return again, True
        return None

    @staticmethod
    def events_named(words: str, rows) -> list:
        """The sender's events whose names hold every word said ("the 40th", "לבר מצווה של איתי")."""
        said = _name_words(words)
        if said and said[0] not in _PLACING_WORDS and said[0][:1] in "לב" and len(said[0]) > 2:
            said[0] = said[0][1:]   # "לבר", "בחתונה": the prefix is the "to"/"at"
        wanted = [w for w in said if w not in _EVENT_FILLERS and w not in _PLACING_WORDS and w not in _EVENT_GENERIC]
        if not wanted or not any(len(w) > 2 or w.isdigit() for w in wanted):
            return []
        return [r for r in rows if all(_word_in(w, _name_words(r[0].name)) for w in wanted)]

    def about_another_event(self, text: str, cmd=None) -> bool:
        """A change or a send whose words name the kind of another of the sender's events
        and not the current one's ("תוסיף את דני 052… לברית" while on the bar mitzvah):
        nothing is done; the sender is told which event they are on and how to switch.
        A send ("remind the bris guests") moves to that event instead, as *stats for the bris*
        does: the send is asked first there."""
        said = event_kinds(text)
        if not said:
            return False
        current = self.current()
        rows = self.event_rows() if current is not None else []
        if len(rows) < 2 or said & event_kinds(current[0].name):
            return False
        others = [(i, r) for i, r in enumerate(rows, start=1)
                  if r[0].id != current[0].id and said & event_kinds(r[0].name)]
        if len(others) != 1:
            return False
        n, (event, member, guests) = others[0]
        if isinstance(cmd, (C.Invite, C.Remind, C.Broadcast)):
            convo.set_current_event(self.conv, event.id)
            self.drop_pending()
            self.say(replies.now_using(event, member, guests))
            return False
        self.remember_event_numbers(rows)
        self.say(_("That sounds like *{other}*, but you're working on *{current}*: nothing was done. "
                   "Send *use {n}*, then send it again.", other=event.name, current=current[0].name,
                   n=i18n.Raw(str(n))))
        return True

    def who_can(self, event, action: Action) -> str:
        """After a refusal, who on the team may do it ("Ask Orit (050-…): they can."), so
        the sender has a way forward; empty when nobody else can."""
        allowed = [m for m in member_service.list_members(self.session, self.user, event.id)
                   if role_allows(m.role, action) and m.user_id != self.user.id]
        if not allowed:
            return ""
        names = i18n.join([replies.member_name(m) for m in allowed[:3]])
        if role_allows("editor", action):   # an editor may do it: editing rights are enough
            return "\n" + _("Ask {names}: they can do it, or give you editing rights.", names=names)
        return "\n" + _("Ask {names}: they can do it, or make you an admin.", names=names)

    def drop_pending(self) -> None:
        """Forget the question still waiting, and say it was not done: nothing the sender
        asked for vanishes without a word."""
        question = self.conv.pending.get("question") if convo.has_pending(self.conv) else None
        convo.clear_pending(self.conv)
        if question:
            self.say(_("ℹ️ Not done, as my question had no answer: {question}", question=question))

    def fills_empty_fields(self, cmd: C.SetEventField) -> bool:
        """Whether every field the command sets is still empty on the current event
        ("תאריך 12.8.2027" right after *new event*), or the sender has no event at all
        (running it shows how to create one)."""
        if not self.is_member:
            return True
        target = self.current()
        if target is None:
            return False
        event, _member = target
        attrs = [replies.EVENT_FIELD_ATTRS.get(f.field) for f in (cmd, *cmd.more)]
        return all(attr in ("date", "start_time", "location") and getattr(event, attr) is None for attr in attrs)

    def named_guest_first(self, cmd):
        """The command with its guest named as the list has them ("Mark Avi Cohen as
        coming?"), or None when nothing is to be asked: nobody matches (said so), or
        several do (the command runs, and lists them to pick from, changing nothing)."""
        target = self.current()
        if target is None or cmd.ref.number is not None or cmd.ref.phone is not None:
            return cmd   # the event is asked for, or the guest is named exactly, when it runs
        if C.refers_back(cmd.ref):
            self.execute(cmd)   # "her", "לו": no name to look up; the command says whom it means (or asks)
            return None
        event, _member = target
        guest, _found, total = self.find_guest(event, cmd.ref.text)
        if guest is None:
            if total == 0:
                self.say_no_guest(event, cmd.ref.text)
            else:
                self.execute(cmd)
            return None
        same = self.find_guest(event, guest.full_name)[0]
        return dataclasses.replace(cmd, ref=C.Ref(guest.full_name)) if same is guest else cmd

    def guarded(self, fn: Callable[[], None], *, writes: bool = True) -> None:
        """Run `fn` all or nothing: a DomainError undoes its changes and becomes the reply.

        Commands that only read need no savepoint (one round trip less each way).
        """
        try:
            if writes:
                with self.session.begin_nested():
                    fn()
            else:
                fn()
        except DomainError as exc:
            self.say(exc.message)

    def execute(self, cmd) -> None:
        convo.drop_pick(self.conv)   # "1" later picks only from a list shown for the command just before it
        waiting = self.conv.pending.get("question") if convo.has_pending(self.conv) else None
        self._execute(cmd)
        if waiting and not C.writes(cmd) and not isinstance(cmd, (C.Confirm, C.Cancel)) \
                and convo.has_pending(self.conv) and self.conv.pending.get("question") == waiting:
            # A look at the list or the stats keeps the question: say it still waits, with its buttons,
            # so the next change does not drop it unawares.
            self.yes_no(_("⏳ Still waiting for your answer: {question}", question=waiting))

    def _execute(self, cmd) -> None:
        handler = HANDLERS[type(cmd)]
        if self.is_member:
            self.remember_organising()
        action = C.action_for(cmd)
        writes = C.writes(cmd)
        if writes and self.conv.pending and not isinstance(cmd, (C.Confirm, C.Cancel)) \
                and not (isinstance(cmd, C.SetEventField) and self.conv.pending.get("op") == "tell_guests"):
            # Another change or send supersedes the question still waiting: a later "yes"
            # must not confirm what was asked several commands ago. A look at the list
            # or the stats in between keeps it; a further change of the event's details
            # joins "tell the guests?" (cmd_set).
            self.drop_pending()
        if action is None:
            return self.guarded(lambda: handler(self, cmd), writes=writes)
        target = self.event_or_ask(C.spec_for(cmd).name)
        if target is None:
            return
        event, _member = target

        def run() -> None:
            refused = self.refusal(event, action)   # the refusal comes before any question
            if refused:
                raise NotAuthorized(refused)
            handler(self, cmd, event)

        self.guarded(run, writes=writes)

    # ------------------------------------------------------------------ the current event

    def no_events(self, asked_for_one: bool = False) -> None:
        """No event to work on: a newcomer is welcomed and shown how to start; someone whose events are gone (deleted,
        left, removed from) is told they have none now, and how to open one, not greeted as new. `asked_for_one`: what
        they sent works on an event ("add guest ..."), and they are told that first."""
        listing = (self._conv or convo.peek_conversation(self.session, self.user)).listing
        text = replies.no_events_now() if isinstance(listing, dict) and listing.get(_ORGANISED) \
            else replies.no_events_welcome()
        self.say(_("ℹ️ That needs an event first.") + "\n\n" + text if asked_for_one else text)

    def remember_organising(self) -> None:
        """Someone who works on an event now is no newcomer later, after it is gone."""
        listings = dict(self.conv.listing or {})
        if not listings.get(_ORGANISED):
            listings[_ORGANISED] = True
            self.conv.listing = listings

    def event_or_ask(self, again: str | None = None) -> tuple[Event, EventMember] | None:
        """The current event, or None after telling the sender how to pick one."""
        found = self.current()
        if found is not None:
            return found
        rows = self.event_rows()
        if not rows:
            self.no_events(asked_for_one=True)
        else:
            self.remember_event_numbers(rows)
            self.say(replies.choose_event(rows, again))
        return None

    def remember_event_numbers(self, rows) -> None:
        """The numbers just shown: `use 2` means the event shown as 2, even if the order
        changes before it is sent (a date set, an event added)."""
        convo.save_listing(self.conv, "events", "", [event.id for event, _member, _guests in rows])

    def event_rows(self) -> list[tuple[Event, EventMember, int]]:
        events = event_service.list_events(self.session, self.user)
        if not events:
            return []
        ids = [e.id for e, _member in events]
        counts = dict(self.session.execute(
            select(Guest.event_id, func.count()).where(Guest.event_id.in_(ids)).group_by(Guest.event_id)
        ).all())
        return [(e, m, counts.get(e.id, 0)) for e, m in events]

    def guest_count(self, event: Event) -> int:
        return self.session.scalar(select(func.count()).select_from(Guest).where(Guest.event_id == event.id)) or 0

    # ------------------------------------------------------------------ references

    def resolve_guest(self, event: Event, ref: C.Ref, again: str, asks_first: bool = False) -> Guest | None:
        """The guest `ref` names, or None after saying why not (or listing the candidates). A guest
        whose name only holds the letters typed ("רון" inside אהרון, "Avi" inside David) is offered to
        pick, never taken, unless the caller `asks_first` (yes or no) before doing anything."""
        s, u = self.session, self.user
        if ref.number is not None:
            gid = convo.listing_id(self.conv, "guests", event.id, ref.number)
            if gid is None:
                self.say(_("There's no number {n} in your last list of {event}. "
                           "Send *guests* (or *find <name>*) and use a number from that list.",
                           n=i18n.Raw(str(ref.number)), event=event.name))
                return None
            return guest_service.get_guest(s, u, event.id, gid)
        if ref.phone is not None:
            require(s, u, event.id, Action.VIEW)
            guest = guest_service.guest_by_phone(s, event.id, ref.phone)
            if guest is None:
                self.say(_("No guest of {event} has the number {phone}.", event=event.name,
                           phone=display_phone(ref.phone)))
            return guest
        if C.refers_back(ref) or re.fullmatch(r"[\u05d0-\u05ea]['׳\"״-]?", ref.text.strip()) \
                or ref.text.strip(" .,:;!?").casefold() in _NO_NAME_WORDS:
            # "her", "לו" (or the "ה" of "לה", any Hebrew letter left alone): no guest is found by a pronoun or a
            # prefix, however many names hold its letters
            self.say(_("Whom do you mean? Use the number from the last list, a name or a phone."))
            return None
        guest, found, total = self.find_guest(event, ref.text)
        whole = guest is not None and guest.full_name.lower() == ref.text.lower()
        if guest is not None and (asks_first or _named_by(ref.text, guest) or whole):
            # "לכהן" with אבי כהן and Mark Cohen on the list: both are offered, neither taken
            others = [] if whole else [g for g in self.guests_sounding_like(event, ref.text, other_script=True)
                                       if g.id != guest.id]
            if not others:
                return guest
            found = [guest] + others[:9]
            return self.offer_guests(event, ref.text, found, len(found), again)
        if not any(_named_by(ref.text, g) for g in found):
            # Nobody is called that: the names that sound like it in the other script ("מייק" for Mike
            # Smith), then those that only hold it ("רון" inside אהרון), are offered; none is taken
            alike = self.guests_sounding_like(event, ref.text)
            offered = (alike + [g for g in found if g not in alike])[:10]
            if not offered:
                self.say_no_guest(event, ref.text)
                return None
            convo.save_listing(self.conv, "guests", event.id, [g.id for g in offered], mode="find",
                               search=ref.text, total=len(offered), pick=again)
            example = again.replace("<ref>", "1")
            if alike:
                self.say(replies.guests_sounding_like(ref.text, offered, example))
            else:
                self.say(replies.guests_meant(ref.text, found, total, example))
            return None
        return self.offer_guests(event, ref.text, found, total, again)

    def offer_guests(self, event: Event, text: str, found: list[Guest], total: int, again: str) -> None:
        """"Which one?": the guests `text` matches, numbered, and a number sent next runs `again` on that one."""
        convo.save_listing(self.conv, "guests", event.id, [g.id for g in found], mode="find",
                           search=text, total=total, pick=again)
        self.say(replies.ambiguous_guests(text, found, total, again.replace("<ref>", "2")))

    def say_no_guest(self, event: Event, text: str) -> None:
        self.say(_("No guest of {event} matches “{text}”. Try *find <part of the name>*.", event=event.name, text=text))

    def find_guest(self, event: Event, text: str) -> tuple[Guest | None, list[Guest], int]:
        """(the one guest `text` names or None, the guests it matches, how many). A name
        that matches nobody is tried again without a Hebrew prefix or a family title, as
        organisers write them: "שיוסי מגיע", "קישור ליעל", "הדודה דנה"."""
        found, total = [], 0
        for name in _name_variants(text):
            found, total = guest_service.list_guests(self.session, self.user, event.id, search=name, limit=10)
            if total:
                break
        exact = [g for g in found if g.full_name.lower() == name.lower()]
        if total == 1:
            return found[0], found, total
        if len(exact) == 1:
            return exact[0], found, total
        return None, found, total

    def resolve_member(self, event: Event, ref: C.Ref, again: str) -> EventMember | None:
        members = member_service.list_members(self.session, self.user, event.id)
        if ref.number is not None:
            uid = convo.listing_id(self.conv, "members", event.id, ref.number)
            match = [m for m in members if m.user_id == uid]
            if not match:
                self.say(_("There's no number {n} in your last team list of {event}. "
                           "Send *members* and use a number from it.",
                           n=i18n.Raw(str(ref.number)), event=event.name))
                return None
            return match[0]
        if ref.phone is not None:
            match = [m for m in members if m.user.phone == ref.phone]
            if not match:
                self.say(_("{phone} is not on the team of {event}.", phone=display_phone(ref.phone),
                           event=event.name))
                return None
            return match[0]
        match, exact = _members_called(members, ref.text)
        if len(match) == 1 or len(exact) == 1:
            return (exact or match)[0]
        if not match:
            self.say_no_member(event, ref.text)
            return None
        self.show_members(event)
        self.say(_("Several members match “{text}”: use the number, e.g. *{command}*.",
                   text=ref.text, command=again.replace("<ref>", "2")))
        return None

    # ------------------------------------------------------------------ documents and contact cards

    def on_document(self) -> None:
        media = self.msg.media
        if media is None or not media.id or not _maybe_csv(media.mime_type, media.filename):
            return self.say(_(replies.NOT_A_CSV))
        target = self.event_or_ask()
        if target is None:
            return
        event, _member = target
        require(self.session, self.user, event.id, Action.EDIT_GUESTS)
        # Downloading and importing is the worker's job: Meta gets its 200 at once.
        imports.queue_import(self.session, self.user, event, media, self.region)

    def on_contacts(self) -> None:
        cards = self.msg.contacts
        if not cards:
            return self.say(_(replies.NON_ORGANISER_HINT))
        target = self.event_or_ask()
        if target is None:
            return
        event, _member = target
        role = convo.awaited_member(self.conv, event.id)
        if role is not None and len(cards) == 1 and cards[0].phones:
            # "add editor", then their contact card: the card is the new member's, not a guest's
            phone = find_phone(cards[0].phones[0], self.region)[0]
            if phone is not None:
                convo.forget_awaited_member(self.conv)
                return self.execute(C.AddMember(phone=phone, role=role))
        require(self.session, self.user, event.id, Action.EDIT_GUESTS)
        rows: list = []
        for n, card in enumerate(cards, start=1):
            name = " ".join((card.name or "").split())
            if not card.phones:
                reason = (_("{name} has no phone number", name=name) if name else _("a card has no phone number"))
                rows.append(C.LineError(n, name, reason))
                continue
            first, last = C.split_name(name) if name else ("", "")
            rows.append(guest_service.GuestInput(first_name=first, last_name=last, phone=card.phones[0], line_no=n))
        result = guest_service.import_guests(self.session, self.user, event.id, rows, self.region)
        if len(cards) == 1 and result.created:
            return self.say(replies.guest_added(event, result.created[0][1]))
        self.say(replies.import_summary(event, result, what="contact cards", unit="card", reader=self.user.id))

    # ------------------------------------------------------------------ events

    def cmd_help(self, cmd: C.Help) -> None:
        found = self.current()
        if found is None:
            groups = C.help_lines(lambda action: action is None, group=cmd.topic)
            if cmd.topic is None:   # the API token is for developers: under its topic, not in a newcomer's help
                token = _(C.spec_for(C.Token).usage)
                groups = [(name, [row for row in rows if row[0] != token]) for name, rows in groups]
                groups = [(name, rows) for name, rows in groups if rows]
            if self.is_member:
                text = replies.help_text(groups)
                return self.say(text + _("\n\nPick an event with *events* and *use 2* to see its commands."))
            return self.say(replies.welcome_start() + "\n\n" + replies.help_text(groups))
        event, member = found
        allowed = lambda action: action is None or role_allows(member.role, action)  # noqa: E731
        if cmd.topic is not None:
            groups = C.help_lines(allowed, group=cmd.topic)
            return self.say(replies.help_text(groups, event, member.role.value))
        groups = C.help_lines(allowed, key_only=True)
        topics = [name for name, _rows in C.help_lines(allowed)]
        self.say(replies.help_text(groups, event, member.role.value, more=topics))

    def cmd_new_event(self, cmd: C.NewEvent) -> None:
        same = [e for e, _m in event_service.list_events(self.session, self.user)
                if e.name.strip().casefold() == cmd.name.strip().casefold()] if self.is_member else []
        if same:
            # Sent twice (or the tour re-run): a second event of the same name is asked for, not made.
            return self.ask(replies.same_name_question(same[0]),
                            {"op": "new_event", "cmd": intents.encode(cmd), "again": "new event"})
        self.create_event(cmd)

    def do_new_event(self, p: dict) -> None:
        self.create_event(intents.decode(p["cmd"]))

    def create_event(self, cmd: C.NewEvent) -> None:
        event = event_service.create_event(self.session, self.user, cmd.name, cmd.date, cmd.location,
                                           start_time=cmd.time)
        convo.set_current_event(self.conv, event.id)
        self._member_somewhere = True
        self.say(replies.event_created(event) + replies.past_date_note(event.date, date.today()))

    def cmd_events(self, cmd: C.ListEvents) -> None:
        rows = self.event_rows()
        if not rows:
            return self.no_events()
        current = self.current()
        self.remember_event_numbers(rows)
        self.say(replies.events_list(rows, current[0].id if current else None))

    def cmd_use(self, cmd: C.UseEvent) -> None:
        rows = self.event_rows()
        if not rows:
            return self.no_events()
        ref = cmd.ref.strip()
        if ref.isdigit():
            n = int(ref)
            shown = convo.listing_id(self.conv, "events", "", n)
            chosen = [r for r in rows if r[0].id == shown]
            if not chosen:
                if not 1 <= n <= len(rows):
                    self.remember_event_numbers(rows)
                    return self.say(_("There's no event number {n}. ", n=i18n.Raw(str(n))) + replies.events_list(rows))
                chosen = [rows[n - 1]]
        else:
            key = ref.lower()
            chosen = [r for r in rows if r[0].name.lower() == key] or [r for r in rows if key in r[0].name.lower()]
        if not chosen:
            return self.say(_("You have no event called “{ref}”.\n\n", ref=ref) + replies.events_list(rows))
        if len(chosen) > 1:
            numbered = [(i, r) for i, r in enumerate(rows, start=1) if r in chosen]
            lines = [_("Several of your events match “{ref}”:", ref=ref)]
            lines += [_("{n}. {event}", n=i18n.Raw(str(i)), event=r[0].name) for i, r in numbered]
            lines.append(_("\nSend *use {n}* (the number).", n=i18n.Raw(str(numbered[0][0]))))
            return self.say("\n".join(lines))
        event, member, guests = chosen[0]
        convo.set_current_event(self.conv, event.id)
        self.say(replies.now_using(event, member, guests))

    def cmd_event(self, cmd: C.ShowEvent, event: Event) -> None:
        _event, member = event_service.get_event(self.session, self.user, event.id)
        members = len(member_service.list_members(self.session, self.user, event.id))
        self.say(replies.event_details(event, member, self.guest_count(event), members,
                                       default_quiet=self.settings.quiet_hours, region=self.own_region))

    def cmd_set(self, cmd: C.SetEventField, event: Event) -> None:
        changes = [cmd, *cmd.more]
        fields: dict = {}
        for change in changes:
            fields["start_time" if change.field == "time" else change.field] = change.value
            if change.field == "date" and change.time is not None:
                fields["start_time"] = change.time
        event = event_service.update_event(self.session, self.user, event.id, **fields)
        lines = [replies.event_changed(event, change.field, change.value) for change in changes]
        if any(change.field == "date" for change in changes):
            lines[-1] += replies.past_date_note(event.date, date.today())
        if any(change.field in ("date", "time") for change in changes):
            lines[-1] += replies.rest_day_note(event)   # "2/10/2027" is Rosh Hashanah
        text = "\n".join(lines)
        # "Tell the guests?" still waiting from a change a moment ago: one notice tells both
        earlier = self.conv.pending if convo.has_pending(self.conv) else None
        if earlier and earlier.get("event_id") != str(event.id):
            self.drop_pending()
            earlier = None
        changed = {change.field for change in changes} & {"date", "time", "location"}
        if changed:
            audience = sending.update_audience(self.session, self.user, event.id)
            if audience.count:
                # The invited guests still have the old details: offer to tell them.
                changed = sorted(changed | set(earlier.get("fields") or [] if earlier else []))
                asked = replies.tell_guests_question(event, audience.count)
                if earlier:
                    convo.clear_pending(self.conv)   # asked again below, for every change so far
                return self.ask(text + "\n\n" + asked, {"op": "tell_guests", "event_id": str(event.id), "again": "set",
                                                        "fields": changed}, question=asked)
        self.say(text)
        if earlier:
            self.yes_no(_("⏳ Still waiting for your answer: {question}", question=earlier.get("question")))

    def cmd_delete_event(self, cmd: C.DeleteEvent, event: Event) -> None:
        self.ask(replies.delete_event_question(event, self.guest_count(event)),
                 {"op": "delete_event", "event_id": str(event.id), "again": "delete event"})

    def cmd_reminders(self, cmd: C.Reminders, event: Event) -> None:
        if cmd.show:
            return self.say(replies.reminders_shown(event))
        event = event_service.set_reminder_days(self.session, self.user, event.id,
                                                list(cmd.days) if cmd.days else None)
        self.say(replies.reminders_set(event))

    def cmd_language(self, cmd: C.SetLanguage) -> None:
        languages.fix(self.user, cmd.code)
        self.lang = languages.organiser_language(self.user)
        with i18n.use(self.lang):
            self.say(replies.language_set(self.lang))

    def cmd_quiet(self, cmd: C.Quiet, event: Event) -> None:
        if cmd.show:
            return self.say(replies.quiet_shown(event, self.settings.quiet_hours))
        value = None if cmd.default else (cmd.hours or "off")
        event = event_service.set_quiet_hours(self.session, self.user, event.id, value)
        self.say(replies.quiet_set(event, self.settings.quiet_hours))

    def cmd_shabbat(self, cmd: C.Shabbat, event: Event) -> None:
        if cmd.show:
            return self.say(replies.shabbat_shown(event))
        event = event_service.set_shabbat(self.session, self.user, event.id, cmd.on)
        self.say(replies.shabbat_set(event))

    def cmd_day_before(self, cmd: C.DayBefore, event: Event) -> None:
        if cmd.show:
            return self.say(replies.day_before_shown(event))
        event = event_service.set_day_before(self.session, self.user, event.id, cmd.on)
        self.say(replies.day_before_set(event))

    def cmd_thank_you(self, cmd: C.ThankYou, event: Event) -> None:
        if event.date is None or event.date > date.today():
            return self.say(replies.thanks_too_early(event))
        audience = sending.broadcast_audience(self.session, self.user, event.id, status="confirmed")
        self.ask_send("thank_you", event, audience, {"text": cmd.text, "status": "confirmed"})

    def cmd_notify(self, cmd: C.Notify, event: Event) -> None:
        if cmd.show:
            _event, member = event_service.get_event(self.session, self.user, event.id)
            return self.say(replies.notify_shown(event, member.notify))
        event_service.set_notify(self.session, self.user, event.id, cmd.on)
        self.say(replies.notify_set(event, cmd.on))

    # ------------------------------------------------------------------ guests

    def cmd_add_guests(self, cmd: C.AddGuests, event: Event) -> None:
        s, u = self.session, self.user
        if len(cmd.guests) == 1 and not cmd.errors:
            d = cmd.guests[0]
            guest = guest_service.add_guest(s, u, event.id, _guest_input(d), self.region)
            return self.say(replies.guest_added(event, guest))
        bad = [C.LineError(e.line_no, e.text, _("“{text}”: {reason}", text=replies.short(e.text),
                                                   reason=i18n.Raw(e.reason)))
               for e in cmd.errors]
        rows = sorted([_guest_input(d) for d in cmd.guests] + bad, key=lambda r: r.line_no)
        result = guest_service.import_guests(s, u, event.id, rows, self.region)
        self.say(replies.import_summary(event, result, what="list", reader=self.user.id))

    def cmd_guests(self, cmd: C.ListGuests, event: Event) -> None:
        self.show_guests(event, mode="list", status=cmd.status, side=cmd.side)

    def cmd_find(self, cmd: C.FindGuests, event: Event) -> None:
        if not self.find_guest(event, cmd.text)[2]:
            alike = self.guests_sounding_like(event, cmd.text)
            if alike:   # "find מייק" for Mike Smith: the names that sound like it
                convo.save_listing(self.conv, "guests", event.id, [g.id for g in alike], mode="find",
                                   search=cmd.text, total=len(alike))
                return self.say(replies.guests_sounding_like(cmd.text, alike, None))
        self.show_guests(event, mode="find", search=cmd.text)

    def guests_sounding_like(self, event: Event, text: str, other_script: bool = False) -> list[Guest]:
        """The guests whose name sounds like `text` written in the other script ("מייק" and Mike
        Smith, "Avi" and אבי): the same sounds first, else one sound apart; at most five. With
        `other_script`, only the same sounds, and only names written in the other script."""
        words = [w for w in re.split(r"[\s,.;:!?]+", text) if w]
        if not words or len(words) > 3 or any(ch.isdigit() for ch in text):
            return []
        everyone, _total = guest_service.list_guests(self.session, self.user, event.id, limit=None)
        if other_script:
            hebrew = bool(_HEBREW_LETTER.search(text))
            everyone = [g for g in everyone if bool(_HEBREW_LETTER.search(g.full_name)) != hebrew]

        def names(g: Guest) -> list[str]:
            if len(words) == 1:
                return [g.first_name, g.last_name or ""]
            return [g.full_name]
        typed = " ".join(words)
        for closely in (True,) if other_script else (True, False):
            alike = [g for g in everyone if g.forgotten_at is None
                     and any(n and sounds.sound_alike(typed, n, closely=closely) for n in names(g))]
            if alike:
                return alike[:5]
        return []

    def show_guests(self, event: Event, *, mode: str, status=None, side=None, search=None,
                    shown: list[str] | None = None) -> None:
        shown = list(shown or [])
        guests, total = guest_service.list_guests(self.session, self.user, event.id, status=status, side=side,
                                                  search=search, skip=len(shown), limit=replies.PAGE_SIZE)
        start = len(shown) + 1
        shown += [str(g.id) for g in guests]
        convo.save_listing(self.conv, "guests", event.id, shown, mode=mode, status=status, side=side,
                           search=search, total=total)
        waiting = stats_service.waiting_invitations(self.session, event)
        self.say(replies.guests_page(event, guests, start, total, status=status, side=side, search=search,
                                     waiting=waiting))

    def cmd_more(self, cmd: C.More) -> None:
        listing = convo.get_listing(self.conv, "guests")
        if convo.last_listing_kind(self.conv) != "guests" or not listing:
            return self.say(_(replies.NO_MORE))
        if listing.get("mode") == "calls":
            return self.more_calls(listing)
        if len(listing["ids"]) >= listing.get("total", 0):
            return self.say(_("That was the whole list. Send *guests* to see it again."))
        event, _member = event_service.get_event(self.session, self.user, listing["event_id"])
        self.show_guests(event, mode=listing.get("mode", "list"), status=listing.get("status"),
                         side=listing.get("side"), search=listing.get("search"), shown=listing["ids"])

    def cmd_edit(self, cmd: C.EditGuest, event: Event) -> None:
        guest = self.resolve_guest(event, cmd.ref, _("edit {ref} {field} {value}", ref=REF, field=i18n.Raw(
            _word(FIELD_WORDS, cmd.field)), value=i18n.Raw(str(cmd.value))))
        if guest is None:
            return
        old_name = guest.full_name
        if cmd.field == "name":
            first, last = C.split_name(str(cmd.value))
            fields = {"first_name": first, "last_name": last}
        else:
            key = {"first_name": "first_name", "last_name": "last_name", "phone": "phone", "side": "side",
                   "party": "party_size", "note": "notes"}[cmd.field]
            fields = {key: cmd.value}
        guest = guest_service.update_guest(self.session, self.user, event.id, guest.id, region=self.region, **fields)
        self.say(replies.guest_updated(event, guest, cmd.field, old_name))

    def cmd_mark(self, cmd: C.MarkGuest, event: Event) -> None:
        answer = i18n.Raw(_word(ANSWER_WORDS, cmd.answer))
        if cmd.party_size:
            again = _("mark {ref} {answer} party {n}", ref=REF, answer=answer, n=i18n.Raw(str(cmd.party_size)))
        else:
            again = _("mark {ref} {answer}", ref=REF, answer=answer)
        guest = self.resolve_guest(event, cmd.ref, again)
        if guest is None:
            return
        status = {"yes": "confirmed", "no": "declined", "maybe": "maybe", "pending": "pending"}[cmd.answer]
        marked = rsvp.mark_by_hand(self.session, self.user, event.id, guest.id, status,
                                   cmd.party_size if cmd.party_size is not None else guest_service.UNSET)
        self.say(replies.guest_marked(event, marked.guest, overridden=marked.overridden))

    def cmd_remove_guest(self, cmd: C.RemoveGuest, event: Event) -> None:
        guest = self.resolve_guest(event, cmd.ref, _("remove guest {ref}", ref=REF))
        if guest is None:
            return
        self.ask(replies.remove_guest_question(event, guest),
                 {"op": "remove_guest", "event_id": str(event.id), "guest_id": str(guest.id),
                  "again": "remove guest"})

    def cmd_chart(self, cmd: C.Chart, event: Event) -> None:
        # Drawn and uploaded by the worker (a picture takes a moment and a Graph API upload).
        outbox.enqueue(self.session, phone=self.user.phone, kind=outbox.CHART_JOB, user_id=self.user.id,
                       event_id=event.id, body="chart",
                       message=outbox.job(outbox.CHART_JOB, user_id=str(self.user.id), event_id=str(event.id)))

    def cmd_export(self, cmd: C.Export, event: Event) -> None:
        if not self.guest_count(event):
            return self.say(replies.no_guests_yet(event))
        # Written and uploaded by the worker (a file takes a moment and a Graph API upload).
        outbox.enqueue(self.session, phone=self.user.phone, kind=outbox.EXPORT_JOB, user_id=self.user.id,
                       event_id=event.id, body="export",
                       message=outbox.job(outbox.EXPORT_JOB, user_id=str(self.user.id), event_id=str(event.id)))

    def cmd_guest_card(self, cmd: C.GuestCard, event: Event) -> None:
        guest = self.resolve_guest(event, cmd.ref, _("guest {ref}", ref=REF))
        if guest is None:
            return
        link = self.page_of(guest)
        caller = self.session.get(User, guest.called_by) if guest.called_by else None
        adder = None if guest.added_by == self.user.id else guest_service.describe_adder(self.session, guest)
        self.say(replies.guest_card(event, guest, adder=adder,
                                    link=link, caller=replies.user_name(caller) if caller else None))

    def cmd_ask(self, cmd: C.Ask, event: Event) -> None:
        questions.check(cmd.text, list(cmd.options))   # a bad question is refused before anything is asked
        audience = questions.audience(self.session, self.user, event.id)
        if audience.count == 0:
            return self.say(replies.nobody_to_ask(event))
        text = replies.ask_question(event, cmd.text, list(cmd.options), audience.count, audience.skipped)
        self.ask(text, {"op": "ask", "event_id": str(event.id), "text": cmd.text, "options": list(cmd.options),
                        "again": "ask"})

    def do_ask(self, p: dict) -> None:
        question, batch = questions.ask(self.session, self.user, p["event_id"], p["text"], p["options"],
                                        daily_limit=self.daily_limit)
        event, _member = event_service.get_event(self.session, self.user, p["event_id"])
        self.say(replies.question_sent(event, question, batch.total))

    def cmd_answers(self, cmd: C.Answers, event: Event) -> None:
        event, found = questions.totals(self.session, self.user, event.id)
        self.say(replies.answers_totals(event, found))

    def cmd_calls(self, cmd: C.Calls, event: Event) -> None:
        found = calls.call_list(self.session, self.user, event.id)
        self.show_calls(event, found, start=1)

    def show_calls(self, event: Event, found, start: int, ids: list[str] | None = None) -> None:
        """A page of the call list; the whole list is kept by number (*called 20 …* works
        on any page), and how far it was shown (*more* goes on from there)."""
        page = found.mine[start - 1:start - 1 + replies.PAGE_SIZE]
        ids = ids or [str(item.guest.id) for item in found.mine]
        convo.save_listing(self.conv, "guests", event.id, ids, mode="calls",
                           total=len(found.mine), shown=start - 1 + len(page))
        links = {item.guest.id: self.page_of(item.guest) for item in page if item.reason == "failed"}
        self.say(replies.call_list(found, links, start=start))

    def more_calls(self, listing: dict) -> None:
        """*more* after *calls*: the next page, numbered on from the last."""
        shown = listing.get("shown", len(listing["ids"]))
        if shown >= len(listing["ids"]):
            return self.say(_("That was the whole call list. Send *calls* to see it again."))
        event, _member = event_service.get_event(self.session, self.user, listing["event_id"])
        found = calls.call_list(self.session, self.user, event.id)
        by_id = {str(item.guest.id): item for item in found.mine}
        # as numbered when shown; a guest who answered since drops out, the numbers stay
        found.mine = [by_id.get(gid) or calls.CallItem(None, "answered") for gid in listing["ids"]]
        self.show_calls(event, found, start=shown + 1, ids=listing["ids"])

    def cmd_called(self, cmd: C.Called, event: Event) -> None:
        guest = self.resolve_guest(event, cmd.ref, _("called {ref} yes", ref=REF))
        if guest is None:
            return
        guest = calls.log_call(self.session, self.user, event.id, guest.id, cmd.outcome, cmd.party_size)
        self.say(replies.call_logged(event, guest))

    def page_of(self, guest: Guest) -> str | None:
        return rsvp_links.page_for(guest, self.settings.whatsapp_app_secret, self.settings.public_url)

    def cmd_link(self, cmd: C.GuestLink, event: Event) -> None:
        guest = self.resolve_guest(event, cmd.ref, _("link {ref}", ref=REF))
        if guest is None:
            return
        secret, base = self.settings.whatsapp_app_secret, self.settings.public_url
        if not secret or not base:
            log.info("guest pages need PUBLIC_URL and WHATSAPP_APP_SECRET; `link` cannot give one")
            return self.say(replies.links_not_set_up())
        if cmd.new:
            guest, token = rsvp_links.renew(self.session, self.user, event.id, guest.id, secret)
        else:
            token = rsvp_links.token_for(secret, guest)
        self.say(replies.guest_link(event, guest, rsvp_links.page_url(base, token), renewed=cmd.new))

    def cmd_stats(self, cmd: C.Stats, event: Event) -> None:
        data = stats_service.event_stats(self.session, self.user, event.id)
        card = sending.rate_card(self.settings.rate_card_file)
        messages, amount = sending.billed(self.session, event, card)
        self.say(replies.stats(event, data) + replies.billed_line(messages, amount, card.currency))

    # ------------------------------------------------------------------ the inbox

    def cmd_inbox(self, cmd: C.Inbox, event: Event) -> None:
        event, items, total, unread = inbox_service.list_items(self.session, self.user, event.id,
                                                               limit=replies.INBOX_PAGE)
        self.say(replies.inbox_page(event, items, total, unread))
        self.shown_inbox(event, items)

    def shown_inbox(self, event: Event, items: list, **extra) -> None:
        """The items just shown, by number for *reply <n>*, with who wrote each (for "reply to her")."""
        if items:
            convo.save_listing(self.conv, "inbox", event.id, [i.id for i in items],
                               guests=[str(i.guest_id) if i.guest_id else "" for i in items], **extra)
            inbox_service.mark_read(self.session, self.user, event.id,
                                    inbox_service.newest_filed(items, self.session))

    def inbox_item(self, event: Event, item_id):
        """The inbox item with this id, as the inbox lists it (None when it is no longer there)."""
        return next((i for i in inbox_service.list_items(self.session, self.user, event.id)[1] if i.id == item_id), None)

    def message_meant(self, event: Event, about: str | None = None):
        """The inbox item "reply to her" answers: the messages just shown (*inbox*) when all are one guest's,
        else the recent ones still waiting for an answer when all are one guest's; None when it can't be told.
        `about` ("the guy who asked about parking"): the one recent message that speaks of it, first."""
        if about:
            said = [w.casefold() for w in re.findall(r"[\w\u05d0-\u05ea]{3,}", about)]
            # "החניה" is found in "יש חניה?": the Hebrew "the" is no part of what was asked about
            stems = [re.sub(r"^ה(?=[\u05d0-\u05ea]{3})", "", w) for w in said if w not in {"the", "our", "his", "her", "their"}]
            if stems:
                _event, items, _total, _unread = inbox_service.list_items(self.session, self.user, event.id, limit=50)
                waiting = {i.id for i in inbox_service.waiting(self.session, self.user, event.id)}
                for pool in ([i for i in items if i.id in waiting], items):
                    speaks = [i for i in pool if i.guest_id is not None
                              and any(st in (i.text or i.caption or "").casefold() for st in stems)]
                    if speaks and len({i.guest_id for i in speaks}) == 1:
                        return speaks[0]
                    if speaks:
                        return None   # several guests asked about it: which one is asked
        listing = convo.get_listing(self.conv, "inbox", event.id)
        if convo.last_listing_kind(self.conv) == "inbox" and listing and listing.get("guests"):
            shown = {g for g in listing["guests"] if g}
            if len(shown) == 1 and len(shown) == len(set(listing["guests"])):
                item_id = convo.listing_id(self.conv, "inbox", event.id, 1)
                item = self.inbox_item(event, item_id)
                if item is not None and item.guest_id is not None:
                    return item
        waiting = inbox_service.waiting(self.session, self.user, event.id)
        if waiting and len({i.guest_id for i in waiting}) == 1:
            return waiting[0]
        return None

    def answer_back(self, event: Event, words: str, about: str | None = None) -> None:
        """"תעני לה: כן, יש חניה", "reply to her: …", "message him: …": whoever wrote the message waiting for an
        answer gets the words, asked first with their name; when that can't be told, which message, with the inbox.
        A guest is never looked up by the pronoun (no name search for "her" or the "ה" of "לה")."""
        require(self.session, self.user, event.id, Action.SEND)
        item = self.message_meant(event, about)
        if item is not None:
            guest = inbox_service.item_guest(self.session, self.user, event.id, item.id)
            if guest is not None:
                return self.ask_reply(event, guest, words, item)
        event, items, total, unread = inbox_service.list_items(self.session, self.user, event.id,
                                                               limit=replies.INBOX_PAGE)
        if not any(i.guest_id for i in items):
            return self.say(replies.nobody_to_answer_back(event, words))
        self.say(replies.which_message(words) + "\n\n" + replies.inbox_page(event, items, total, unread))
        self.shown_inbox(event, items, reply_text=words)

    def found_by_letters(self, ref: C.Ref, guest: Guest) -> bool:
        """A guest found by letters inside their name, not by its words ("an" in "Dana"): words to them are asked
        first, with the name, since a message sent cannot be taken back."""
        return ref.number is None and ref.phone is None and not self._confirmed_run and not _named_by(ref.text, guest)

    def ask_reply(self, event: Event, guest: Guest, words: str, item=None) -> None:
        """"Send to Dana: “…”?" with Send and Cancel; the words go to the guest on Send."""
        self.ask(replies.answer_back_question(event, guest, words, item),
                 {"op": "reply_back", "event_id": str(event.id), "guest_id": str(guest.id), "text": words,
                  "again": "reply"},
                 buttons=(_("Send"), _("Cancel")))

    def do_reply_back(self, p: dict) -> None:
        event, _member = event_service.get_event(self.session, self.user, p["event_id"])
        guest = guest_service.get_guest(self.session, self.user, event.id, p["guest_id"])
        sending.message_guest(self.session, self.user, event.id, guest.id, p["text"])
        self.say(replies.message_queued(event, guest))

    def cmd_reply(self, cmd: C.ReplyGuest, event: Event) -> None:
        if C.refers_back(cmd.ref):
            return self.answer_back(event, cmd.text, cmd.about)
        if cmd.ref.number is not None:
            item_id = convo.listing_id(self.conv, "inbox", event.id, cmd.ref.number)
            guest = inbox_service.item_guest(self.session, self.user, event.id, item_id) if item_id else None
            if guest is None:
                return self.say(replies.no_such_inbox_item(cmd.ref.number))
        else:
            guest = self.resolve_guest(event, cmd.ref, _("reply {ref} {text}", ref=REF,
                                                         text=i18n.Raw(cmd.text[:30])), asks_first=True)
            if guest is None:
                return
            if self.found_by_letters(cmd.ref, guest):
                return self.ask_reply(event, guest, cmd.text)
        sending.message_guest(self.session, self.user, event.id, guest.id, cmd.text)
        self.say(replies.message_queued(event, guest))

    # ------------------------------------------------------------------ sending

    def cmd_invite(self, cmd: C.Invite, event: Event) -> None:
        audience = sending.invite_audience(self.session, self.user, event.id)
        waiting = stats_service.waiting_invitations(self.session, event)
        if audience.count == 0 and waiting.total:
            # queued or held for the night or Shabbat: they are on their way already
            return self.say(replies.invitations_waiting(event, waiting, dict(audience.skipped or {})))
        warning = "\n".join(replies.waiting_lines(event, waiting) + [replies.invitation_warning(event, date.today())])
        self.ask_send("invite", event, audience, {}, warning=warning.strip())

    def cmd_remind(self, cmd: C.Remind, event: Event) -> None:
        audience = sending.remind_audience(self.session, self.user, event.id)
        self.ask_send("remind", event, audience, {})

    def cmd_broadcast(self, cmd: C.Broadcast, event: Event) -> None:
        audience = sending.broadcast_audience(self.session, self.user, event.id, status=cmd.status, side=cmd.side)
        self.ask_send("broadcast", event, audience, {"text": cmd.text, "status": cmd.status, "side": cmd.side})

    def ask_send(self, kind: str, event: Event, audience, extra: dict, warning: str = "") -> None:
        skipped = dict(getattr(audience, "skipped", {}) or {})
        if audience.count == 0:
            if not skipped and kind in ("invite", "remind", "broadcast") and not self.guest_count(event):
                return self.say(replies.no_guests_yet(event))
            return self.say(replies.nobody_to_send(kind, event, skipped))
        filters = replies.send_filters(extra.get("status"), extra.get("side"))
        text = replies.send_question(kind, event, audience.count, skipped, extra.get("text"), filters)
        plan = sending.plan_send(self.session, event, audience.guests, category=self.settings.template_category,
                                 card=sending.rate_card(self.settings.rate_card_file), limit=self.daily_limit,
                                 quiet_hours=self.settings.quiet_hours)
        text += "\n\n" + replies.send_plan(plan, event.timezone)
        if warning:
            text += "\n\n" + warning
        self.ask(text, {"op": kind, "event_id": str(event.id), "again": kind.replace("_", " "), **extra})

    def cmd_message(self, cmd: C.MessageGuest, event: Event) -> None:
        if C.refers_back(cmd.ref):
            return self.answer_back(event, cmd.text)
        guest = self.resolve_guest(event, cmd.ref, _("message {ref}: {text}", ref=REF, text=i18n.Raw(cmd.text[:30])),
                                   asks_first=True)
        if guest is None:
            return
        if self.found_by_letters(cmd.ref, guest):
            return self.ask_reply(event, guest, cmd.text)
        sending.message_guest(self.session, self.user, event.id, guest.id, cmd.text)
        self.say(replies.message_queued(event, guest))

    # ------------------------------------------------------------------ members

    def cmd_members(self, cmd: C.ListMembers, event: Event) -> None:
        self.show_members(event)

    def show_members(self, event: Event) -> None:
        members = member_service.list_members(self.session, self.user, event.id)
        convo.save_listing(self.conv, "members", event.id, [m.user_id for m in members])
        self.say(replies.members_list(event, members, self.user.id))

    def cmd_add_member(self, cmd: C.AddMember, event: Event) -> None:
        existing = next((m for m in member_service.list_members(self.session, self.user, event.id)
                         if m.user.phone == cmd.phone), None)
        if existing is not None and existing.role.value != cmd.role and existing.user_id != self.user.id:
            # already on the team with another role: what was meant is a change of role
            change = C.ChangeRole(C.Ref(display_phone(cmd.phone), phone=cmd.phone), cmd.role)
            if self._confirmed_run:   # "add them as admin?" was answered yes: that is the change, not asked twice
                return self.cmd_role(change, event)
            return self.ask(replies.restate(change), {"op": "run", "cmd": intents.encode(change), "again": "role"})
        member = member_service.add_member(self.session, self.user, event.id, cmd.phone, cmd.role)
        self.say(replies.member_added(event, member))
        self.tell_new_member(event, member)

    def tell_new_member(self, event: Event, member: EventMember) -> None:
        notices.tell_new_member(self.session, self.user, event, member)

    def cmd_role(self, cmd: C.ChangeRole, event: Event) -> None:
        member = self.resolve_member(event, cmd.ref, _("role {ref} {role}", ref=REF, role=i18n.Raw(_word(ROLE_WORDS, cmd.role))))
        if member is None:
            return
        if member.role.value == cmd.role:
            return self.say(replies.role_unchanged(event, member, mine=member.user_id == self.user.id))
        if member.user_id == self.user.id and member.role.value == "admin":
            # stepping down: only another admin can give it back, so it is asked first
            member_service.check_role_change(self.session, self.user, event.id, member.user_id, cmd.role)
            return self.ask(replies.step_down_question(event, cmd.role),
                            {"op": "step_down", "event_id": str(event.id), "role": cmd.role, "again": "role"})
        member = member_service.change_role(self.session, self.user, event.id, member.user_id, cmd.role)
        self.say(replies.role_changed(event, member))

    def cmd_remove_member(self, cmd: C.RemoveMember, event: Event) -> None:
        member = self.resolve_member(event, cmd.ref, _("remove member {ref}", ref=REF))
        if member is None:
            return
        if member.user_id == self.user.id:
            return self.say(_("To take yourself off the team, send *leave*."))
        if self._confirmed_run:   # "remove Michal from the team?" was answered yes already
            return self.do_remove_member({"event_id": str(event.id), "user_id": str(member.user_id)})
        self.ask(replies.remove_member_question(event, member),
                 {"op": "remove_member", "event_id": str(event.id), "user_id": str(member.user_id),
                  "again": "remove member"})

    def cmd_leave(self, cmd: C.Leave, event: Event) -> None:
        if self._confirmed_run:   # "I want to leave the team" was asked about already, and the answer was yes
            return self.do_leave({"event_id": str(event.id)})
        member_service.check_leave(self.session, self.user, event.id)   # the last admin is told before any question
        self.ask(replies.leave_question(event), {"op": "leave", "event_id": str(event.id), "again": "leave"})

    def do_leave(self, p: dict) -> None:
        name = member_service.leave_event(self.session, self.user, p["event_id"])
        convo.forget_event(self.conv, p["event_id"])
        self.say(replies.left_event(name))

    # ------------------------------------------------------------------ account

    def cmd_token(self, cmd: C.Token) -> None:
        if cmd.revoke:
            return self.say(replies.tokens_revoked(tokens.revoke_tokens(self.session, self.user)))
        self.say(replies.token_issued(tokens.issue_token(self.session, self.user)))

    # ------------------------------------------------------------------ yes / no / cancel

    def cmd_cancel(self, cmd: C.Cancel) -> None:
        pending, expired = convo.take_pending(self.session, self.conv)
        if pending and not expired:
            return self.say(_declined(pending))
        self.say(_(replies.NOTHING_TO_CANCEL))

    def cmd_confirm(self, cmd: C.Confirm) -> None:
        if not self.conv.pending:
            if self.is_guest and self.msg.kind == "text":
                if guest_flow.handle_guest_message(self.session, self.settings, self.user, self.msg):
                    return
            return self.say(_(replies.NOTHING_PENDING))
        pending, expired = convo.take_pending(self.session, self.conv)
        if pending is None:  # answered a moment ago (a double tap)
            return self.say(_(replies.NOTHING_PENDING))
        if expired:
            if pending.get("op") == "tell_guests":
                # the change itself was made; only the offer to tell the guests lapsed
                return self.say(replies.guests_not_told(pending.get("fields") or []))
            return self.say(replies.expired(pending.get("again", "it")))
        if cmd.answer == "no":
            return self.say(_declined(pending))
        try:
            with self.session.begin_nested():  # the question is answered even if the answer fails
                PENDING_OPS[pending["op"]](self, pending)
        except DomainError as exc:
            self.say(exc.message)

    def do_delete_event(self, p: dict) -> None:
        name = event_service.delete_event(self.session, self.user, p["event_id"])
        convo.forget_event(self.conv, p["event_id"])
        self.say(replies.event_deleted(name))

    def do_remove_guest(self, p: dict) -> None:
        event, _member = event_service.get_event(self.session, self.user, p["event_id"])
        guest = guest_service.remove_guest(self.session, self.user, event.id, p["guest_id"])
        self.say(replies.guest_removed(event.name, guest.full_name))

    def do_remove_member(self, p: dict) -> None:
        event, _member = event_service.get_event(self.session, self.user, p["event_id"])
        member = member_service.remove_member(self.session, self.user, event.id, p["user_id"])
        notices.tell_removed_member(self.session, self.user, event, member)
        self.say(replies.member_removed(event.name, replies.member_name(member)))

    def do_step_down(self, p: dict) -> None:
        event, _member = event_service.get_event(self.session, self.user, p["event_id"])
        member = member_service.change_role(self.session, self.user, event.id, self.user.id, p["role"])
        self.say(replies.stepped_down(event, member))

    def do_run(self, p: dict) -> None:
        """A command read from a guess, confirmed with yes."""
        self._confirmed_run = True
        self.execute(intents.decode(p["cmd"]))

    @property
    def daily_limit(self) -> int | None:
        return sending.daily_limit(self.settings.messaging_limit, self.session, self.settings.whatsapp_phone_number_id)

    def do_tell_guests(self, p: dict) -> None:
        batch = sending.send_event_update(self.session, self.user, p["event_id"])
        event, _member = event_service.get_event(self.session, self.user, p["event_id"])
        if not batch.total:
            return self.say(replies.nobody_to_send("broadcast", event, {}))
        self.say(replies.sending_started("broadcast", event, batch.total))

    def do_send(self, p: dict) -> None:
        s, u = self.session, self.user
        kind = p["op"]
        limit = self.daily_limit
        if kind == "invite":
            batch = sending.send_invitations(s, u, p["event_id"], daily_limit=limit)
        elif kind == "remind":
            batch = sending.send_reminders(s, u, p["event_id"], daily_limit=limit)
        else:  # a broadcast, or the thanks after the event (to the confirmed guests)
            batch = sending.send_broadcast(s, u, p["event_id"], p["text"], status=p.get("status"), side=p.get("side"),
                                           daily_limit=limit)
        event, _member = event_service.get_event(s, u, p["event_id"])
        if not batch.total:
            return self.say(replies.nobody_to_send(kind, event, {}))
        self.say(replies.sending_started(kind, event, batch.total))


def _declined(pending: dict) -> str:
    """What "no" (or *cancel*) to a question says: nothing was done, or, to "tell the guests
    the new details?", that the change stays and the guests were not told."""
    if pending.get("op") == "tell_guests":
        return replies.guests_not_told(pending.get("fields") or [])
    return _(replies.CANCELLED)


def _guest_input(d: C.GuestDraft) -> guest_service.GuestInput:
    return guest_service.GuestInput(first_name=d.first_name, last_name=d.last_name, phone=d.phone, side=d.side,
                                    party_size=d.party_size, notes=d.notes, line_no=d.line_no)


def _maybe_csv(mime: str | None, filename: str | None) -> bool:
    name = (filename or "").lower()
    if name.endswith(CSV_EXTENSIONS):
        return True
    if name and "." in name:
        return False  # .xlsx, .pdf, .jpg ...: not a CSV whatever the type says
    return (mime or "").split(";")[0].strip().lower() in CSV_MIME


HANDLERS: dict[type, Callable] = {
    C.Help: OrganiserChat.cmd_help,
    C.NewEvent: OrganiserChat.cmd_new_event,
    C.SetEventField: OrganiserChat.cmd_set,
    C.ListEvents: OrganiserChat.cmd_events,
    C.UseEvent: OrganiserChat.cmd_use,
    C.ShowEvent: OrganiserChat.cmd_event,
    C.DeleteEvent: OrganiserChat.cmd_delete_event,
    C.AddGuests: OrganiserChat.cmd_add_guests,
    C.ListGuests: OrganiserChat.cmd_guests,
    C.More: OrganiserChat.cmd_more,
    C.FindGuests: OrganiserChat.cmd_find,
    C.EditGuest: OrganiserChat.cmd_edit,
    C.MarkGuest: OrganiserChat.cmd_mark,
    C.RemoveGuest: OrganiserChat.cmd_remove_guest,
    C.Stats: OrganiserChat.cmd_stats,
    C.Inbox: OrganiserChat.cmd_inbox,
    C.ReplyGuest: OrganiserChat.cmd_reply,
    C.Invite: OrganiserChat.cmd_invite,
    C.Remind: OrganiserChat.cmd_remind,
    C.Broadcast: OrganiserChat.cmd_broadcast,
    C.MessageGuest: OrganiserChat.cmd_message,
    C.ListMembers: OrganiserChat.cmd_members,
    C.AddMember: OrganiserChat.cmd_add_member,
    C.ChangeRole: OrganiserChat.cmd_role,
    C.RemoveMember: OrganiserChat.cmd_remove_member,
    C.Leave: OrganiserChat.cmd_leave,
    C.Notify: OrganiserChat.cmd_notify,
    C.Reminders: OrganiserChat.cmd_reminders,
    C.SetLanguage: OrganiserChat.cmd_language,
    C.GuestCard: OrganiserChat.cmd_guest_card,
    C.Calls: OrganiserChat.cmd_calls,
    C.Ask: OrganiserChat.cmd_ask,
    C.Answers: OrganiserChat.cmd_answers,
    C.Called: OrganiserChat.cmd_called,
    C.Quiet: OrganiserChat.cmd_quiet,
    C.Shabbat: OrganiserChat.cmd_shabbat,
    C.DayBefore: OrganiserChat.cmd_day_before,
    C.ThankYou: OrganiserChat.cmd_thank_you,
    C.GuestLink: OrganiserChat.cmd_link,
    C.Chart: OrganiserChat.cmd_chart,
    C.Export: OrganiserChat.cmd_export,
    C.Token: OrganiserChat.cmd_token,
    C.Confirm: OrganiserChat.cmd_confirm,
    C.Cancel: OrganiserChat.cmd_cancel,
}

PENDING_OPS: dict[str, Callable] = {
    "delete_event": OrganiserChat.do_delete_event,
    "remove_guest": OrganiserChat.do_remove_guest,
    "remove_member": OrganiserChat.do_remove_member,
    "step_down": OrganiserChat.do_step_down,
    "leave": OrganiserChat.do_leave,
    "invite": OrganiserChat.do_send,
    "remind": OrganiserChat.do_send,
    "broadcast": OrganiserChat.do_send,
    "thank_you": OrganiserChat.do_send,
    "run": OrganiserChat.do_run,
    "new_event": OrganiserChat.do_new_event,
    "tell_guests": OrganiserChat.do_tell_guests,
    "ask": OrganiserChat.do_ask,
    "reply_back": OrganiserChat.do_reply_back,
}

assert set(HANDLERS) == {spec.command for spec in C.COMMANDS}, "every command in the table has a handler"
