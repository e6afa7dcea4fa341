"""What the bot says to guests, in Hebrew, English, Arabic or Russian.

Pure functions: values in, text out. Each takes the reader's language first and writes
the whole message in it (the words come from the ``guest`` catalogs, see `bot.text.i18n`).
Hebrew speaks to guests in the plural "you" (אתם), as invitations do. Replies are short:
a guest reads them on a phone, once.
"""
from __future__ import annotations

import functools

from bot.text import i18n
from bot.text.i18n import N_, _, ngettext

# Words that open a name but are not the name a guest is greeted by: "משפחת כהן" is
# greeted as "משפחת כהן", not "משפחת".
_NOT_A_FIRST_NAME = frozenset({
    "משפחת", "משפ'", "מש'", "לכבוד", "מר", "גב'", "גברת", "ד\"ר", "דר'", "הרב", "הגב'",
    "family", "the", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
    "семья", "عائلة", "آل",
})


# A family title typed before the name ("סבא משה", "דודה מרים") is greeted with the name after it.
_FAMILY_TITLES = frozenset({"סבא", "סבתא", "דוד", "דודה"})


def in_language(fn):
    """Run a reply builder in the language given as its first argument."""
    @functools.wraps(fn)
    def wrapper(lang, *args, **kwargs):
        with i18n.use(lang):
            return fn(lang, *args, **kwargs)
    return wrapper


def greeting_name(first_name: str | None, last_name: str | None = None) -> str:
    """The name a guest is greeted by: the first name, or the whole name for a family."""
    first = (first_name or "").strip()
    if first.lower() in _NOT_A_FIRST_NAME or (first.lower().startswith("משפחת")) \
            or (last_name or "").strip().lower() in ("family", "family's"):   # "Katz family", not "Katz"
        return " ".join(p for p in (first, (last_name or "").strip()) if p)
    if first in _FAMILY_TITLES and (last_name or "").split():
        return f"{first} {(last_name or '').split()[0]}"   # "סבא משה", greeted as typed, not "סבא"
    # "רונית ואבי לוי", "Ronit and Avi Levi", "Ronit & Avi Levi" (kept as "רונית" + "ואבי לוי"): both are greeted,
    # up to the family name
    rest = (last_name or "").split()
    if len(rest) >= 2 and first and (
            len(rest[0]) >= 3 and rest[0][0] == "ו" and rest[0][1:2].isalpha()
            or rest[0].lower() in ("and", "&", "и", "و") and len(rest) >= 3):
        return " ".join([first] + rest[:-1])
    return first


@in_language
def people(lang: str, n: int) -> str:
    return ngettext("1 person", "{n} people", n)


def _when(date_text: str | None, today: str | None = None) -> str:
    """" See you on <date>!"; on the day itself " See you today at 19:00!" (`today`: the time, "" when none is set)."""
    if today is not None:
        return _(" See you today at {time}!", time=today) if today else _(" See you today!")
    return _(" See you on {date}!", date=date_text) if date_text else ""


@in_language
def coming(lang: str, name: str, event: str, date_text: str | None, party: int | None,
           today: str | None = None) -> str:
    when = i18n.Raw(_when(date_text, today))
    if party:
        return _("🎉 Wonderful, {name}! You're coming to {event}: {people}.{when}\n"
                 "Different number? Just send it.",
                 name=name, event=event, people=i18n.Raw(people(lang, party)), when=when)
    return _("🎉 Wonderful, {name}! You're coming to {event}.{when}", name=name, event=event, when=when)


@in_language
def ask_party_size(lang: str, name: str, event: str) -> str:
    return _("🎉 Wonderful, {name}! How many people are coming to {event}, including you?",
             name=name, event=event)


@in_language
def party_buttons(lang: str) -> list[tuple[str, str]]:
    """(suffix, title): the reply ids are built by the caller."""
    return [("1", _("Just me")), ("2", i18n.number(2)), ("more", _("3 or more"))]


@in_language
def ask_exact_number(lang: str) -> str:
    return _("How many altogether, including you? Send a number, e.g. 4")


@in_language
def party_recorded(lang: str, event: str, party: int) -> str:
    return _("👍 Got it: {people} for {event}. Thank you!", people=i18n.Raw(people(lang, party)), event=event)


@in_language
def children_count(lang: str, n: int) -> str:
    return ngettext("1 child", "{n} children", n)


@in_language
def confirm_reading(lang: str, answer: str, total: int | None = None, children: int | None = None) -> str:
    """When unsure, ask: a one-line restatement of what the bot read."""
    if answer == "no":
        return _("Just to be sure: shall I put you down as not coming?")
    if answer == "maybe":
        return _("Just to be sure: you might come, but you don't know yet?")
    if total and children:
        return _("Just to be sure: you're coming, {people} including {children}?",
                 people=i18n.Raw(people(lang, total)), children=i18n.Raw(children_count(lang, children)))
    if total:
        return _("Just to be sure: you're coming, {people}?", people=i18n.Raw(people(lang, total)))
    return _("Just to be sure: you're coming?")


@in_language
def confirm_buttons(lang: str) -> list[tuple[str, str]]:
    """(suffix, title) of the two answers to "Just to be sure"."""
    return [("yes", _("Yes")), ("no", _("Not quite"))]


@in_language
def write_again(lang: str) -> str:
    return _("Sorry! Please write your answer again, e.g. \"yes, 3\" or \"no\".")


@in_language
def nothing_changes(lang: str, status_text: str) -> str:
    """A guest who answered writes they are not sure yet: what stands stays."""
    return _("OK, nothing changes for now. {status}. Write to us when you know.",
             status=i18n.Raw(status_text.rstrip(" .")))


@in_language
def not_coming(lang: str, name: str, event: str) -> str:
    return _("Thanks for letting us know, {name}. You're down as not coming to {event}. "
             "If plans change, just reply here.", name=name, event=event)


@in_language
def maybe(lang: str, name: str, event: str) -> str:
    return _("No problem, {name}. We'll check in again closer to {event}. Reply yes or no when you know.",
             name=name, event=event)


@in_language
def choose_event(lang: str) -> tuple[str, str]:
    """(body, list button) of the question which event an answer is for."""
    return (_("You're invited to more than one event. Which one is this answer for?"),
            _("Choose the event"))


@in_language
def choose_event_for_note(lang: str) -> tuple[str, str]:
    """(body, list button) of the question which event a guest's message is about."""
    return (_("Which event is your message about? I'll pass it to its organisers."),
            _("Choose the event"))


@in_language
def welcome(lang: str, name: str | None = None, event: str | None = None, status: str | None = None,
            party: int | None = None) -> str:
    """The answer to a thank-you or an "ok": nothing changes; say what stands."""
    head = _("😊 You're welcome, {name}!", name=name) if name else _("😊 You're welcome!")
    if not event or status not in ("confirmed", "declined"):
        return head
    if status == "confirmed":
        if party:
            return head + " " + _("You're down as coming to {event}, {people}.",
                                  event=event, people=i18n.Raw(people(lang, party)))
        return head + " " + _("You're down as coming to {event}.", event=event)
    return head + " " + _("You're down as not coming to {event}.", event=event)


@in_language
def thanks_after(lang: str, name: str, event: str, came: bool, told: bool) -> str:
    """Thanks or congratulations after the event (its date has passed): a warm line, in the past tense, and that
    the organisers have it (`told`: someone is told now; else it waits in their inbox)."""
    head = _("😊 Thank you, {name}! It was wonderful to have you at {event}.", name=name, event=event) if came \
        else _("😊 Thank you for your kind words, {name}!", name=name)
    return f"{head} {_handed_on(told)}"


def _handed_on(told: bool) -> str:
    """Where a guest's message went: to the organisers now (`told`), or waiting in their inbox."""
    return _("I've passed your message on to the organisers.") if told else _("The organisers will see your message.")


@in_language
def answer_after(lang: str, event: str, told: bool) -> str:
    """An answer typed after the event (its date has passed): nothing is changed; the organisers have the message."""
    head = _("🙂 {event} has already taken place, so I haven't changed your answer.", event=event)
    return f"{head} {_handed_on(told)}"


@in_language
def other_language(lang: str, told: bool) -> str:
    """A message in a language the bot does not read (French, Spanish…): nothing is recorded from it; the organisers
    have it, and the guest is asked for the answer with the buttons."""
    return _("Sorry, I can't read that language yet, so I haven't recorded anything from it. I've passed your "
             "message on to the organisers.") if told else \
        _("Sorry, I can't read that language yet, so I haven't recorded anything from it. The organisers will see "
          "your message.")


@in_language
def change_below(lang: str) -> str:
    """After the answer that stands, above the answer buttons."""
    return _("Has it changed? Tap below.")


@in_language
def guest_help(lang: str, event: str | None = None) -> str:
    """What a guest can write (a greeting or "help")."""
    head = _("👋 Hi! I'm the invitation bot for {event}.", event=event) if event \
        else _("👋 Hi! I'm the invitation bot.")
    return head + " " + _("You can write:\n"
                           "• *yes* or *no*: your answer\n"
                           "• a number: how many of you are coming\n"
                           "• *details*: when and where\n"
                           "• *stop*: no more messages\n"
                           "Anything else goes to the organisers.")


@in_language
def who_we_are(lang: str, name: str | None, event: str | None = None, when: str | None = None,
               location: str | None = None, inviter: str | None = None) -> str:
    """To "who is this?", "מה זה?", "?": who writes and what for, in two lines (the event, when and where).
    Without an event (several invitations) it leads the list of them."""
    head = _("👋 Hi, {name}! I'm the invitation bot.", name=name) if name else _("👋 Hi! I'm the invitation bot.")
    if event is None:
        return head + " " + _("You're invited to:")
    invite = _("{inviter} invites you to {event}.", inviter=inviter, event=event) if inviter \
        else _("You're invited to {event}.", event=event)
    where = i18n.isolate(location, lang) if location else location_tba(lang)
    return f"{head} {invite}\n🗓 {when or date_tba(lang)} · 📍 {where}"


@in_language
def your_own_answer(lang: str) -> str:
    """After news of someone else ("grandma can't come") was passed on: the guest's own answer is still open."""
    return _("And you?")


@in_language
def not_invited_here(lang: str) -> str:
    """Someone who is no guest (and no organiser) writes what reads as an answer to an invitation."""
    return _("I don't have an invitation for this number. If you were invited, please answer from the number the "
             "invitation reached, or tell the hosts directly. To organise an event of your own, send *new event* "
             "and its name.")


@in_language
def cannot_pass_on(lang: str) -> str:
    return _("Thanks for your message! I couldn't tell which event it's about, so I haven't passed it on. "
             "Please contact the organisers directly.")


@in_language
def answer_for(lang: str, event: str) -> str:
    return _("What's your answer for {event}?", event=event)


ANSWERS = (("yes", N_("✅ Yes, coming")), ("no", N_("❌ Can't come")), ("maybe", N_("🤔 Maybe")))


@in_language
def answer_buttons(lang: str) -> list[tuple[str, str]]:
    return [(answer, _(title)) for answer, title in ANSWERS]


@in_language
def status_line(lang: str, status: str, party: int | None, maybe: bool = False) -> str:
    """The answer that stands; `maybe` for a pending guest who said maybe (still no yes or no)."""
    if status == "confirmed":
        if party:
            return _("Your answer: coming, {people}", people=i18n.Raw(people(lang, party)))
        return _("Your answer: coming")
    if status == "declined":
        return _("Your answer: not coming")
    if maybe:
        return _("You said maybe: reply yes or no when you know.")
    return _("You haven't answered yet: reply yes or no.")


@in_language
def map_lines(lang: str, links: dict[str, str] | None) -> list[str]:
    """Waze and Google Maps links to the place (`bot.text.maps.map_links`), one line each."""
    if not links:
        return []
    return [_("🚗 Waze: {link}", link=i18n.Raw(links["waze"])), _("🗺 Google Maps: {link}", link=i18n.Raw(links["google"]))]


def details(lang: str, items: list[tuple[str, str, str, str]], links: list[dict[str, str] | None] | None = None) -> str:
    """items: (event name, date text, location text, status line); `links`, when asked where: each place's map links."""
    blocks = []
    for k, (name, date_text, location, status) in enumerate(items):
        maps = map_lines(lang, links[k]) if links and k < len(links) else []
        blocks.append("\n".join([f"📅 *{i18n.isolate(name, lang)}*", f"🗓 {date_text}", f"📍 {i18n.isolate(location, lang)}", *maps, status]))
    return "\n\n".join(blocks)


@in_language
def event_update(lang: str, name: str, event: str, when: str | None, location: str | None, *,
                 coming: bool = False) -> str:
    """The event's date, time or place changed: what it is now, and a word on answering:
    a guest who said yes may not make the new date, a guest who has not answered may now.
    A date or place not set yet is said in a sentence of its own ("at" + "to be announced"
    reads as nonsense, in Hebrew and Arabic above all)."""
    if when and location:
        news = _("📣 {name}, a change to {event}: it is now on {when}, at {location}.",
                 name=name, event=event, when=i18n.Raw(when), location=location)
    elif when:
        news = _("📣 {name}, a change to {event}: it is now on {when}. The place will be announced soon.",
                 name=name, event=event, when=i18n.Raw(when))
    elif location:
        news = _("📣 {name}, a change to {event}: it will be at {location}. The date will be announced soon.",
                 name=name, event=event, location=location)
    else:
        news = _("📣 {name}, a change to {event}: the date and place will be announced soon.",
                 name=name, event=event)
    if coming:
        return news + "\n" + _("You said you're coming: if the change doesn't work for you, just reply here.")
    return news + "\n" + _("Can you make it? Just reply here.")


@in_language
def day_before(lang: str, name: str, event: str, when: str, location: str | None, *, waze: str | None = None,
               google: str | None = None, calendar: str | None = None, page: str | None = None) -> str:
    """The day before the event: when, where, how to get there, a calendar link."""
    lines = [_("📅 {name}, see you tomorrow at {event}!", name=name, event=event),
             _("🕗 {when}", when=i18n.Raw(when))]
    if location:
        lines.append(_("📍 {location}", location=location))
    if waze:
        lines.append(_("🚗 Waze: {link}", link=i18n.Raw(waze)))
    if google:
        lines.append(_("🗺 Google Maps: {link}", link=i18n.Raw(google)))
    if calendar:
        lines.append(_("📆 Add to your calendar: {link}", link=i18n.Raw(calendar)))
    if page:
        lines.append(_("Plans changed? Tell us here or on your page: {link}", link=i18n.Raw(page)))
    else:
        lines.append(_("Plans changed? Just tell us here."))
    return "\n".join(lines)


@in_language
def question(lang: str, event: str, text: str) -> str:
    """A question from the organisers of an event, answered with the buttons below it."""
    return _("📋 {event}: {question}", event=event, question=text)


@in_language
def question_typed(lang: str, event: str, text: str, options: list[str]) -> str:
    """The same question for a template (no buttons): the options to type."""
    listed = i18n.Raw("\n".join(f"{n}. {i18n.isolate(o, lang)}" for n, o in enumerate(options, start=1)))
    return _("📋 {event}: {question}\n{options}\nReply with your choice.", event=event, question=text,
             options=listed)


@in_language
def choose(lang: str) -> str:
    """The button that opens a list of options."""
    return _("Choose")


@in_language
def answer_noted(lang: str, question: str, option: str) -> str:
    return _("✅ Noted for “{question}”: {option}. Thank you!", question=question, option=option)


@in_language
def date_tba(lang: str) -> str:
    return i18n.Raw(_("date to be announced"))


@in_language
def location_tba(lang: str) -> str:
    return i18n.Raw(_("location to be announced"))


@in_language
def forgotten(lang: str) -> str:
    return _("Done: your name, number and messages are erased from every event's guest list, "
             "and you won't get more messages from us.")


@in_language
def opted_out(lang: str) -> str:
    return _("You won't get more messages from us. Send START to undo.")


@in_language
def ask_stop(lang: str) -> str:
    """A bare "די" / "די נו" (often a sigh): asked before the messages stop."""
    return _("Should we stop sending you messages?")


@in_language
def stop_buttons(lang: str) -> list[tuple[str, str]]:
    """(suffix, title) of the two answers to `ask_stop`."""
    return [("yes", _("Yes")), ("no", _("No"))]


@in_language
def messages_continue(lang: str) -> str:
    """[No] to `ask_stop`: nothing changes."""
    return _("OK, nothing changes: you'll keep getting messages about your invitation.")


@in_language
def opted_out_as_guest(lang: str) -> str:
    """`stop` from someone who also organises events: only their invitations go quiet."""
    return _("You won't get more messages about your invitations. Your own events are not affected. "
             "Send START to undo.")


@in_language
def opted_in_as_guest(lang: str) -> str:
    return _("Welcome back! You'll get messages about your invitations again. Your own events are not affected.")


@in_language
def note_or_command(lang: str, event: str) -> str:
    """Text from an organiser who is also a guest that is neither a command nor an answer."""
    return _("Is this a message for the organisers of {event}, where you are a guest? Tap below to pass it on. "
             "For your own events, send *help*.", event=event)


@in_language
def pass_it_on(lang: str) -> str:
    """A button title (20 characters at most)."""
    return _("Pass it on")


@in_language
def opted_in(lang: str) -> str:
    return _("Welcome back! You'll get messages about your invitations again.")


@in_language
def apology(lang: str) -> str:
    """After a conversation failed for good: something went wrong on our side."""
    return _("Sorry, something went wrong on my side. Please try again in a minute.")


@in_language
def passed_on(lang: str) -> str:
    """Only when an organiser will be told now (someone has notify on)."""
    return _("Thanks! I've passed your message to the organisers.")


@in_language
def rest_passed_on(lang: str) -> str:
    """After an answer, what else the message said (a question, a request) is with the organisers, told now."""
    return _("📨 I've passed the rest of your message on to the organisers.")


@in_language
def rest_organisers_will_see(lang: str) -> str:
    """As `rest_passed_on`, when nobody is told now: it waits in the organisers' inbox."""
    return _("📨 The organisers will see the rest of your message.")


@in_language
def too_many_passed_on(lang: str, number: int, most: int) -> str:
    """A head count above what one answer holds ("we are 60"): not recorded, and the message is with the organisers."""
    return _("One answer can hold up to {most} people, so I haven't recorded {number}. Your message is with the "
             "organisers; they'll see it in their inbox. If you meant a smaller number, just send it, e.g. 4",
             most=most, number=number)


@in_language
def organisers_will_see(lang: str) -> str:
    """Nobody is told now, but the message waits in the organisers' inbox."""
    return _("Thanks! The organisers will see your message.")


@in_language
def not_your_invitation(lang: str) -> str:
    return _("Sorry, I couldn't match that button to an invitation for this number. "
             "If you're invited, reply yes or no and I'll pass it on.")


# --------------------------------------------------------------------------- invitations

@in_language
def invitation_text(lang: str, first_name: str, event_name: str, date_text: str | None, location: str | None,
                    reminder: bool = False) -> str:
    """The invitation as plain words (the interactive form and the template fallback); a
    `reminder` reads as one: we haven't heard from you yet."""
    if reminder:
        head = _("👋 {name}, we haven't heard from you yet: are you coming to {event}?", name=first_name,
                 event=event_name)
        ask = _("Let us know 🙂")
    else:
        head = _("💌 {name}, you're invited to {event}!", name=first_name, event=event_name)
        ask = _("Will you come?")
    when = date_text or date_tba(lang)
    where = i18n.isolate(location) if location else template_location_tba(lang)
    return f"{head}\n📅 {when}\n📍 {where}\n" + ask


@in_language
def invitation_fallback_text(lang: str, invitation: str) -> str:
    """The invitation carried in one template parameter (no line breaks), with how to answer."""
    return invitation.replace("\n", " ") + " " + _("Reply YES or NO.")


@in_language
def template_date_tba(lang: str) -> str:
    """What a template's date parameter says when the event has no date yet."""
    return _("date to be announced")


@in_language
def template_location_tba(lang: str) -> str:
    return _("to be announced")
