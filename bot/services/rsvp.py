"""A guest's own answer: record it, and tell the organisers who asked to know.

Called by the guest side of the chat (a button tap or typed text). The guest is
identified by the caller (a button payload checked against the sender's number, or the
sender's open invitation); no role check here: a guest is not a member.
"""
from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import event, func, inspect, select
from sqlalchemy.orm import Session

from storage.ids import new_id
from storage.models import MAX_PARTY_SIZE, Event, EventMember, Guest, RsvpStatus, User, utcnow

from bot.services import guests as guest_service
from bot.services import inbox, languages, outbox
from bot.services.sending import notice
from bot.text import i18n, replies
from bot.text.i18n import N_, _, ngettext

log = logging.getLogger("bot.rsvp")

NOTICE_KIND = "rsvp_notice"
GUEST_NOTE_KIND = "guest_note"
# What organisers are told without asking (a guest's answer or opt-out, a digest of guests'
# notes): for an event that keeps Shabbat it waits for Shabbat or a holiday to end, never
# for the night (organisers chose `notify on`; `notify off` is theirs to use).
SHABBAT_HELD_KINDS = frozenset({NOTICE_KIND, outbox.DIGEST_JOB})

_STATUS_FOR = {"yes": RsvpStatus.confirmed, "no": RsvpStatus.declined, "maybe": RsvpStatus.invited}


@dataclass
class Answer:
    guest: Guest
    answer: str
    previous_status: RsvpStatus
    previous_party: int | None
    changed: bool
    previous_children: int | None = None

    @property
    def changed_mind(self) -> bool:
        return self.changed and self.previous_status != RsvpStatus.invited and \
            self.previous_status != self.guest.status


def record_answer(session: Session, guest: Guest, answer: str, party_size: int | None = None,
                  via: str = "button", *, children: int | None = None) -> Answer:
    """Set the guest's status (yes → confirmed, no → declined, maybe → still pending) and,
    with a yes, the party size (the total, children included) and how many of them are
    children when the guest said so; a change of mind is allowed. Organisers with `notify`
    on get a short notice when something changed.

    Children not said keep their earlier value only while the party size stays the same
    (a new total without a breakdown leaves the breakdown unknown). A "no" or "maybe"
    clears nothing: the stats count only confirmed guests.
    """
    if answer not in _STATUS_FOR:
        raise ValueError(f"answer must be yes, no or maybe, not {answer!r}")
    if party_size is not None and not 1 <= party_size <= MAX_PARTY_SIZE:
        raise ValueError(f"party size out of range: {party_size}")
    if children is not None and not 0 <= children <= min(MAX_PARTY_SIZE, party_size or MAX_PARTY_SIZE):
        raise ValueError(f"children out of range: {children} (party size {party_size})")
    previous_status, previous_party, previous_children = guest.status, guest.party_size, guest.children
    guest.status = _STATUS_FOR[answer]
    if answer == "yes":
        if party_size is not None:
            guest.party_size = party_size
            if children is not None:
                guest.children = children
            elif party_size != previous_party:
                guest.children = None
        elif children is not None and guest.party_size is not None and children <= guest.party_size:
            guest.children = children  # "yes, with our 2 kids" to a party size already known
    changed = (guest.status != previous_status or guest.party_size != previous_party
               or guest.children != previous_children
               or (answer == "maybe" and guest.answered_at is None))
    guest.answered_at = utcnow()
    guest.answered_by_guest = True
    _accounted(session)[guest.id] = (guest.status, guest.party_size)   # the event's totals follow this change
    result = Answer(guest, answer, previous_status, previous_party, changed, previous_children)
    log.info("guest %s of event %s answered %s%s%s by %s%s", guest.id, guest.event_id, answer,
             f" ({party_size})" if party_size else "",
             f" ({children} children)" if children is not None else "", via, "" if changed else " (no change)")
    if changed:
        _notify(session, guest, _notice_text(session, result))
    return result


@dataclass(frozen=True)
class Said:
    """A guest's answer as it stood (what `replies.answer_text` reads), and whether the
    guest gave it themselves."""
    status: RsvpStatus
    party_size: int | None
    children: int | None
    answered_at: datetime | None
    by_guest: bool

    @classmethod
    def of(cls, guest: Guest) -> "Said":
        return cls(guest.status, guest.party_size, guest.children, guest.answered_at, bool(guest.answered_by_guest))

    def same_answer(self, other: "Said") -> bool:
        return (self.status, self.party_size, self.children, self.answered_at is None) == \
            (other.status, other.party_size, other.children, other.answered_at is None)


@dataclass
class Marked:
    guest: Guest
    changed: bool
    overridden: Said | None   # the guest's own answer the organiser marked over, if any


def mark_by_hand(session: Session, actor: User, event_id, guest_id, status, party_size=guest_service.UNSET,
                 children=guest_service.UNSET) -> Marked:
    """An organiser records a guest's answer (`guests.mark_rsvp`). When that changes it, the
    other organisers with `notify` on are told as they are of a guest's own answer, with
    who marked it and, when it overrides what the guest answered themselves, that answer."""
    guest = guest_service.get_guest(session, actor, event_id, guest_id)
    before = Said.of(guest)
    guest = guest_service.mark_rsvp(session, actor, event_id, guest.id, status, party_size, children)
    changed = not before.same_answer(Said.of(guest))
    overridden = before if changed and before.by_guest and before.answered_at is not None else None
    if changed:
        event = session.get(Event, guest.event_id)
        confirmed, headcount = event_totals(session, guest.event_id)

        def render() -> str:
            who, answer = i18n.Raw(replies.user_name(actor)), i18n.Raw(replies.answer_text(guest))
            if overridden is not None:
                return _("✍️ {who} marked {guest}: {answer}, over their own answer ({was}) — {event} "
                         "({confirmed} confirmed, {people})", who=who, guest=guest.full_name, answer=answer,
                         was=i18n.Raw(replies.answer_text(overridden)), event=event.name, confirmed=confirmed,
                         people=i18n.Raw(people(headcount)))
            return _("✍️ {who} marked {guest}: {answer} — {event} ({confirmed} confirmed, {people})",
                     who=who, guest=guest.full_name, answer=answer, event=event.name, confirmed=confirmed,
                     people=i18n.Raw(people(headcount)))
        _notify(session, guest, render, but=actor.id)
    return Marked(guest, changed, overridden)


def event_totals(session: Session, event_id) -> tuple[int, int]:
    """(confirmed guests, expected people); a confirmed guest of unknown party size is one."""
    confirmed, party_sum, party_known = session.execute(
        select(func.count(), func.sum(Guest.party_size), func.count(Guest.party_size))
        .where(Guest.event_id == event_id, Guest.status == RsvpStatus.confirmed)
        .execution_options(**outbox.OUTBOX_BLIND)
    ).one()
    return confirmed, int(party_sum or 0) + (confirmed - party_known)


# The totals each notice carries, counted once per transaction and event and then moved by
# each answer (the answering worker records a batch of answers to one event in one
# transaction: one count, not one per answer). Any other change to guests in the session
# (one added, removed, edited, marked by an organiser, a bulk update) makes them counted again.
_TOTALS_KEY = "rsvp.totals"
_ACCOUNTED_KEY = "rsvp.accounted"


def _accounted(session: Session) -> dict:
    return session.info.setdefault(_ACCOUNTED_KEY, {})


def _share(status: RsvpStatus, party: int | None) -> tuple[int, int]:
    """What one guest adds to (confirmed, people)."""
    return (1, party or 1) if status == RsvpStatus.confirmed else (0, 0)


def _totals_after(session: Session, result: Answer) -> tuple[int, int]:
    guest = result.guest
    known = session.info.setdefault(_TOTALS_KEY, {})
    totals = known.get(guest.event_id)
    if totals is None:
        totals = event_totals(session, guest.event_id)   # this answer included (flushed)
    else:
        before, after = _share(result.previous_status, result.previous_party), _share(guest.status, guest.party_size)
        totals = (totals[0] + after[0] - before[0], totals[1] + after[1] - before[1])
    known[guest.event_id] = totals
    return totals


@event.listens_for(Session, "before_flush")
def _forget_totals(session: Session, flush_context, instances) -> None:
    if not session.info.get(_TOTALS_KEY):
        return
    accounted = session.info.get(_ACCOUNTED_KEY, {})
    for obj in (*session.new, *session.deleted):
        if isinstance(obj, Guest):
            session.info[_TOTALS_KEY].clear()
            return
    for obj in session.dirty:
        if isinstance(obj, Guest) and accounted.get(obj.id) != (obj.status, obj.party_size) and _counts_changed(obj):
            session.info[_TOTALS_KEY].clear()
            return


def _counts_changed(guest: Guest) -> bool:
    state = inspect(guest)
    return any(state.attrs[name].history.has_changes() for name in ("status", "party_size", "event_id"))


@event.listens_for(Session, "do_orm_execute")
def _forget_totals_on_bulk(state) -> None:
    if (state.is_update or state.is_delete) and state.session.info.get(_TOTALS_KEY) and (
            state.bind_mapper is None or state.bind_mapper.class_ is Guest):
        state.session.info[_TOTALS_KEY].clear()


def people(n: int) -> str:
    """'1 person', '3 people' in the active language."""
    return ngettext("1 person", "{n} people", n)


def children_phrase(n: int) -> str:
    """'1 child', '3 children' in the active language."""
    return ngettext("1 child", "{n} children", n)


_WAS = {RsvpStatus.confirmed: N_("was coming"), RsvpStatus.declined: N_("was not coming")}


def _notice_text(session: Session, result: Answer) -> Callable[[], str]:
    """What organisers read about an answer, as a function to call in each reader's language."""
    guest = result.guest
    event = session.get(Event, guest.event_id)
    confirmed, headcount = _totals_after(session, result)

    def render() -> str:
        phrase = replies.answer_text(guest)   # the status the answer just set
        if result.changed_mind:
            phrase += _(" (changed: {was})", was=i18n.Raw(_(_WAS[result.previous_status])))
        return _("{guest}: {answer} — {event} ({confirmed} confirmed, {people})",
                 guest=guest.full_name, answer=i18n.Raw(phrase), event=event.name,
                 confirmed=confirmed, people=i18n.Raw(people(headcount)))
    return render


def tell_opted_out(session: Session, guest: Guest, opted_out: bool) -> int:
    """A guest asked for no more messages (`stop`), or for them again (`start`): the organisers with `notify` on
    are told, with the answer as it stands (no reminder will reach an opted-out guest)."""
    event = session.get(Event, guest.event_id)

    def render() -> str:
        answer = i18n.Raw(replies.answer_text(guest))
        if opted_out:
            return _("🔕 {guest} asked for no more messages; reminders won't reach them — {event}. Answer: {answer}",
                     guest=guest.full_name, event=event.name, answer=answer)
        return _("🔔 {guest} gets messages again — {event}. Answer: {answer}",
                 guest=guest.full_name, event=event.name, answer=answer)
    return _notify(session, guest, render)


_NOTIFY_KEY = "members_to_notify"


def _members_to_notify(session: Session, event_id) -> list[User]:
    """Read once per transaction and event (a worker's pass answers many guests of one
    event); a change to any membership in the session reads them again."""
    known = session.info.setdefault(_NOTIFY_KEY, {})
    if known and _members_changed(session):
        known.clear()
    members = known.get(event_id)
    if members is None:
        members = known[event_id] = list(session.scalars(
            select(User).join(EventMember, EventMember.user_id == User.id)
            .where(EventMember.event_id == event_id, EventMember.notify.is_(True))
            .order_by(EventMember.created_at)
            .execution_options(**outbox.OUTBOX_BLIND)
        ))
    return members


def _members_changed(session: Session) -> bool:
    return any(isinstance(obj, EventMember) for rows in (session.new, session.dirty, session.deleted) for obj in rows)


@event.listens_for(Session, "before_flush")
def _forget_members(session: Session, flush_context, instances) -> None:
    if session.info.get(_NOTIFY_KEY) and _members_changed(session):
        session.info[_NOTIFY_KEY].clear()


def _notify(session: Session, guest: Guest, render: Callable[[], str], kind: str = NOTICE_KIND,
            but: uuid.UUID | None = None) -> int:
    """Queue `render()` to each organiser with notify on (but the one who did it, `but`), in
    that organiser's language (rendered once per language, however many organisers read it)."""
    sent = 0
    texts: dict[str, str] = {}
    for member in _members_to_notify(session, guest.event_id):
        if member.phone and member.phone == guest.phone:
            continue  # an organiser answering their own invitation knows already
        if member.id == but:
            continue
        lang = languages.organiser_language(member)
        if lang not in texts:
            with i18n.use(lang):
                texts[lang] = render()
        outbox.enqueue(session, phone=member.phone, message=notice(texts[lang], lang), kind=kind,
                       event_id=guest.event_id, user_id=member.id)
        sent += 1
    return sent


def pass_on_note(session: Session, guest: Guest, text: str, digest_seconds: int = 0,
                 content: dict | None = None) -> int:
    """Tell the organisers with `notify` on what a guest wrote (not an answer); returns how
    many will be told (0: nobody has notify on; the message waits in the inbox all the same,
    bot.services.inbox).

    Notes are not sent one by one: each is held for its organiser, and one digest per
    organiser goes out within `digest_seconds` (NOTE_DIGEST_SECONDS), so a chatty guest
    costs one message (or, outside the organiser's 24-hour window, one template) however
    much they write. With 0 each note goes out at once.

    `content` (bot.services.inbox.content_of) says what a medium or a place is: the digest
    line names it ("sent 📷 photo: “…”") and, inside the organiser's window, the digest
    forwards it as itself (the photo, the voice note, the pin), with its caption.
    """
    event = session.get(Event, guest.event_id)
    shown = " ".join(str(text or "").split())
    if len(shown) > 500:
        shown = shown[:499] + "…"
    media = content if content and content.get("kind") not in (None, "text") else None

    def render() -> str:
        if media is not None:
            return replies.guest_sent(guest.full_name, event.name,
                                      replies.inbox_content(media["kind"], media.get("text"), media.get("caption"),
                                                            media.get("filename")))
        return _("💬 {guest} (guest of {event}) wrote: “{text}”", guest=guest.full_name, event=event.name,
                 text=shown)
    now = utcnow()
    if digest_seconds > 0:
        bucket = str(int(now.timestamp()) // digest_seconds)
        due = datetime.fromtimestamp((int(bucket) + 1) * digest_seconds, tz=timezone.utc)
    else:
        bucket, due = new_id().hex, now
    held = 0
    texts: dict[str, str] = {}
    forwards: dict[str, dict | None] = {}
    # When the guest's message was filed in the inbox: an organiser who read the inbox
    # past it by the time the digest goes is not told it again as news.
    filed_at = inbox.last_filed_at(session, guest)
    for member in _members_to_notify(session, guest.event_id):
        if member.phone and member.phone == guest.phone:
            continue
        lang = languages.organiser_language(member)
        if lang not in texts:
            with i18n.use(lang):
                texts[lang] = render()
                forwards[lang] = inbox.forward_of(media, replies.forward_caption(guest.full_name, media.get("caption"))) \
                    if media is not None else None
        message = outbox.text(texts[lang])
        if forwards[lang] is not None:
            message["forward"] = forwards[lang]  # sent as itself by the digest, inside the window
        if filed_at is not None:
            message["filed_at"] = filed_at.isoformat()
            message["guest_id"] = str(guest.id)  # the digest marks what a teammate answered meanwhile
        outbox.enqueue(session, phone=member.phone, message=message, kind=GUEST_NOTE_KIND,
                       event_id=guest.event_id, user_id=member.id, not_before=outbox.HELD_UNTIL)
        outbox.enqueue(session, phone=member.phone, kind=outbox.DIGEST_JOB, user_id=member.id,
                       message=outbox.job(outbox.DIGEST_JOB, user_id=str(member.id)),
                       body="guest notes", dedupe_key=f"digest:{member.id}:{bucket}", not_before=due)
        held += 1
    return held
