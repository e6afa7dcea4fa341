"""Who reads which language: a person's own, an event's, and what guests get.

A person's language is what they last wrote in (or fixed with `language <code>`); an
event's language is what its guests read until they write in another. Organisers read
Hebrew or English.
"""
from __future__ import annotations

from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Event, Guest, User

from bot.services.errors import InvalidLanguage
from bot.text import i18n

_CHUNK = 500  # phones per IN (...) list
_LOANWORDS = frozenset({"csv", "excel", "xlsx", "xls", "pdf", "api", "qr", "ok", "okay", "pls", "plz", "please", ""})


def remember(user: User, text: str | None, *, command: bool = False) -> None:
    """Note the language `text` is written in as the sender's (unless they fixed one);
    a `command` (an organiser's message) by its first word when it mixes scripts."""
    if user.language_fixed:
        return
    if command and user.language and _LOANWORDS.issuperset(w.strip(".,!?:;") for w in (text or "").lower().split()):
        return   # "csv", "excel pls": names of things Hebrew writes in Latin letters too, no choice of language
    detected = i18n.detect_command_language(text) if command else i18n.detect_language(text)
    if not command and detected == "en" and user.language and len((text or "").split()) == 1:
        # A guest's "stop", "ok", "yes": words people who write Hebrew, Arabic or Russian type
        # on an English keyboard too; one of them alone is no choice of language (an
        # organiser's one English command word is: "stats" answers in English)
        return
    if detected and detected != user.language:
        user.language = detected


def fix(user: User, code: str) -> str:
    """`language he`: the person reads this language from now on, whatever they write."""
    lang = i18n.normalize(code)
    if lang is None:
        raise InvalidLanguage(i18n._("I write Hebrew (he), English (en), Arabic (ar) and Russian (ru)."))
    user.language, user.language_fixed = lang, True
    return lang


def event_language(code) -> str:
    """An event's language from what an organiser or a REST client gave (400 for anything else)."""
    lang = i18n.normalize(code) if isinstance(code, str) else None
    if lang is None:
        raise InvalidLanguage(i18n._("The language must be one of he, en, ar, ru."))
    return lang


def organiser_language(user: User | None) -> str:
    return i18n.organiser_language(user.language if user is not None else None)


def of_phone(session: Session, phone: str | None) -> str | None:
    """The language of whoever writes from `phone` (None: they never wrote words)."""
    if not phone:
        return None
    return session.scalar(select(User.language).where(User.phone == phone))


def of_user(session: Session, user_id) -> str | None:
    return session.scalar(select(User.language).where(User.id == user_id)) if user_id else None


def for_guests(session: Session, event: Event, guests: Iterable[Guest]) -> dict:
    """guest id → the language that guest reads: their own once they wrote, else the event's."""
    guests = list(guests)
    phones = sorted({g.phone for g in guests})
    known: dict[str, str] = {}
    for start in range(0, len(phones), _CHUNK):
        rows = session.execute(
            select(User.phone, User.language).where(User.phone.in_(phones[start:start + _CHUNK]),
                                                    User.language.is_not(None)))
        known.update({phone: lang for phone, lang in rows})
    return {g.id: known.get(g.phone) or event.language or i18n.SOURCE for g in guests}


def for_guest(session: Session, guest: Guest, event: Event | None = None) -> str:
    event = event or guest.event
    return of_phone(session, guest.phone) or (event.language if event is not None else None) or i18n.SOURCE
