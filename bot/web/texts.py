"""Every word of the guest's page, in the event's language (the "web" gettext domain)."""
from __future__ import annotations

from bot.text import i18n
from bot.text.i18n import _, ngettext


def page(lang: str) -> dict[str, str]:
    """The page's fixed texts, looked up once per request in `lang`."""
    with i18n.use(lang):
        return {
            "title": _("Your invitation"),
            "when": _("When"),
            "where": _("Where"),
            "date_tba": _("The date will be announced"),
            "google_maps": _("Open in Google Maps"),
            "waze": _("Navigate with Waze"),
            "calendar": _("Add to calendar"),
            "your_answer": _("Your answer"),
            "no_answer": _("You have not answered yet."),
            "answer_legend": _("Will you come?"),
            "yes": _("Yes, I'm coming"),
            "no": _("No, I can't come"),
            "maybe": _("Maybe"),
            "adults": _("Adults (you included)"),
            "children": _("Children"),
            "party_hint": _("Only needed when you are coming."),
            "send": _("Send my answer"),
            "change": _("Change my answer"),
            "thanks_title": _("Thank you!"),
            "back": _("Back to the invitation"),
            "errors_title": _("Please check your answer"),
            "skip": _("Skip to the answer form"),
        }


def greeting(lang: str, first_name: str) -> str:
    with i18n.use(lang):
        return _("Hello {name},", name=first_name)


def current_answer(lang: str, status: str, party: int | None, children: int | None, answered: bool) -> str:
    """The guest's answer as it stands, in a sentence."""
    with i18n.use(lang):
        if status == "confirmed":
            people = i18n.Raw(ngettext("1 person", "{n} people", party or 1))
            if party and children:
                return ngettext("You are coming: {people}, {n} of them a child.",
                                "You are coming: {people}, {n} of them children.", children, people=people)
            if party:
                return _("You are coming: {people}.", people=people)
            return _("You are coming.")
        if status == "declined":
            return _("You are not coming.")
        if answered:
            return _("You said maybe.")
        return _("You have not answered yet.")


def thanks(lang: str, answer: str) -> str:
    with i18n.use(lang):
        if answer == "yes":
            return _("We have your answer. See you there!")
        if answer == "no":
            return _("We have your answer. Thank you for letting us know.")
        return _("We have your answer. You can change it on this page at any time.")


def error(lang: str, problem: str) -> str:
    with i18n.use(lang):
        if problem == "answer":
            return _("Choose yes, no or maybe.")
        if problem == "adults":
            return _("Write how many adults are coming, from 1 to {n}.", n=50)
        if problem == "children":
            return _("Write how many children are coming, from 0 to {n}.", n=49)
        if problem == "party":
            return _("At most {n} people in all.", n=50)
        if problem == "csrf":
            return _("This form has expired. Please send your answer again.")
        return _("Too many attempts. Please wait a minute and try again.")
