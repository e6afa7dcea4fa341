"""Guests of an event: add, import, list, find, edit, mark by hand, remove."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from storage.models import MAX_PARTY_SIZE, Event, Guest, InvitationState, RsvpStatus, User, utcnow

from bot.services.permissions import Action
from bot.text.phones import InvalidPhone, display_phone, normalize_phone
from bot.services.access import as_uuid, require
from bot.services.errors import GuestAlreadyExists, InvalidInput, NotFound
from bot.services.guest_csv import FORMULA_STARTS
from bot.text import sides
from bot.text import answer_words, i18n

UNSET = object()

# What people call the statuses (bot.text.answer_words), mapped to the seed's values.
_SEED = {"pending": RsvpStatus.invited, "maybe": RsvpStatus.invited, "confirmed": RsvpStatus.confirmed,
         "declined": RsvpStatus.declined}
STATUS_WORDS = {word: _SEED[value] for word, value in answer_words.STATUS_VALUES.items()}


@dataclass
class GuestInput:
    first_name: str
    phone: str
    last_name: str = ""
    side: str | None = None
    party_size: int | None = None
    notes: str | None = None
    line_no: int | None = None
    children: int | None = None


@dataclass
class ImportResult:
    created: list[tuple[int | None, Guest]] = field(default_factory=list)
    duplicates: list[tuple[int | None, Guest, str]] = field(default_factory=list)  # line, existing, added by
    rejected: list[tuple[int | None, str]] = field(default_factory=list)            # line, reason
    names: dict = field(default_factory=dict)     # line → the name the row itself gives (rejected, duplicate rows)
    repeats: dict = field(default_factory=dict)   # line → the earlier line of the same import with that number
    counts: dict = field(default_factory=dict)    # line → a party size the row gives for a guest on the list with another


def region_for(actor: User, configured: str | None) -> str | None:
    """Where a number without a country code is read: DEFAULT_REGION, else the organiser's country."""
    return configured or actor.region


# "Maybe" is no status of its own (the seed has none): a guest who answered maybe stays
# invited, with the moment they answered. The one place that tells the answers apart.
MAYBE = "maybe"
PENDING = "pending"


def answer_of(guest: Guest) -> str:
    """confirmed, declined, maybe or pending (no answer yet): what the guest said."""
    if guest.status == RsvpStatus.invited:
        return MAYBE if guest.answered_at is not None else PENDING
    return guest.status.value


def status_clause(value):
    """The SQL condition for a status as people and REST name it: pending (the seed's
    invited: no final answer, maybe included), maybe, no answer (not even a maybe),
    confirmed, declined, not invited, failed."""
    key = str(getattr(value, "value", value) or "").strip().lower().replace("_", " ")
    if key == "not invited":
        return Guest.invitation == InvitationState.not_sent
    if key == "failed":
        return Guest.invitation == InvitationState.failed
    if key in ("maybe", "tentative"):
        return and_(Guest.status == RsvpStatus.invited, Guest.answered_at.is_not(None))
    if key in ("no answer", "unanswered"):
        return and_(Guest.status == RsvpStatus.invited, Guest.answered_at.is_(None))
    return Guest.status == parse_status(key)


def parse_status(value) -> RsvpStatus:
    key = str(getattr(value, "value", value) or "").strip().lower()
    if key in STATUS_WORDS:
        return STATUS_WORDS[key]
    raise InvalidInput(i18n._("The status must be pending, confirmed or declined."), code="bad_status")


def _name(value, what: str, required: bool) -> str:
    text = " ".join(str(value or "").split())
    if required and not text:
        raise InvalidInput(i18n._("The guest needs a name.") if what == "name"
                           else i18n._("The guest needs a last name."), code="name_required")
    if len(text) > 100:
        raise InvalidInput(i18n._("That name is too long (at most 100 characters).") if what == "name"
                           else i18n._("That last name is too long (at most 100 characters)."),
                           code="name_too_long")
    return text


def _party(value) -> int | None:
    if value is None or value == "":
        return None
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise InvalidInput(i18n._("The party size must be a number."), code="bad_party_size")
    if isinstance(value, bool) or n < 0 or n > MAX_PARTY_SIZE:
        raise InvalidInput(i18n._("The party size must be between 0 and {n}.", n=str(MAX_PARTY_SIZE)),
                           code="bad_party_size")
    return n


def _children(value, party: int | None) -> int | None:
    """How many of the party are children: a number from 0 to the party size (None: not said)."""
    if value is None or value == "":
        return None
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise InvalidInput(i18n._("The number of children must be a number."), code="bad_children")
    if isinstance(value, bool) or n < 0 or n > MAX_PARTY_SIZE:
        raise InvalidInput(i18n._("The number of children must be between 0 and {n}.", n=str(MAX_PARTY_SIZE)),
                           code="bad_children")
    if n and party is None:
        raise InvalidInput(i18n._("Children are counted in the party size: set the party size too."),
                           code="bad_children")
    if party == 0 and n:
        raise InvalidInput(i18n._("The party size is 0, so it cannot have children."), code="bad_children")
    if party is not None and n > party:  # so the party is 1 or more, the children 2 or more
        raise InvalidInput(i18n.ngettext("The party has 1 person, so it cannot have {children} children.",
                                         "The party has {n} people, so it cannot have {children} children.",
                                         party, children=n), code="bad_children")
    return n


def _kept_children(guest: Guest) -> int | None:
    """The guest's children after a new party size with none said: kept while they still fit."""
    if guest.children is None or guest.party_size is None or guest.children > guest.party_size:
        return None
    return guest.children


def _side(value) -> str | None:
    text = " ".join(str(value or "").split())
    if len(text) > 50:
        raise InvalidInput(i18n._("That side is too long (at most 50 characters)."), code="bad_side")
    return text or None


def _notes(value) -> str | None:
    text = str(value or "").strip()
    if len(text) > 2000:
        raise InvalidInput(i18n._("Those notes are too long (at most 2,000 characters)."), code="bad_notes")
    return text or None


def _phone(value, region: str | None) -> str:
    try:
        return normalize_phone(str(value or ""), region)
    except InvalidPhone as exc:
        raise InvalidInput(str(exc), code="bad_phone")


def _unguarded(value):
    """A value as the export wrote it, less the ' it puts before a cell that starts like a
    formula (= + - @, a tab, a carriage return): an exported list imports back unchanged."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1:].lstrip("'").startswith(FORMULA_STARTS):
        return value[1:]
    return value


def guest_by_phone(session: Session, event_id, phone: str) -> Guest | None:
    return session.scalar(select(Guest).where(Guest.event_id == event_id, Guest.phone == phone))


def describe_adder(session: Session, guest: Guest) -> str:
    if guest.added_by is None:
        return i18n._("someone")
    user = session.get(User, guest.added_by)
    if user is None:
        return i18n._("someone")
    return user.display_name or (display_phone(user.phone) if user.phone else i18n._("someone"))


def _opted_out_anywhere(session: Session, phone: str) -> bool:
    return bool(session.scalar(select(func.count()).select_from(Guest)
                               .where(Guest.phone == phone, Guest.opted_out.is_(True))))


def _new_guest(session: Session, actor: User, event: Event, data: GuestInput, region: str | None) -> Guest:
    phone = _phone(data.phone, region)
    existing = guest_by_phone(session, event.id, phone)
    if existing is not None:
        raise GuestAlreadyExists(
            i18n._("{guest} ({phone}) is already on the list of {event}; you added them.",
                   guest=existing.full_name, phone=display_phone(phone), event=event.name)
            if existing.added_by == actor.id else
            i18n._("{guest} ({phone}) is already on the list of {event}, added by {adder}.",
                   guest=existing.full_name, phone=display_phone(phone), event=event.name,
                   adder=describe_adder(session, existing)),
            existing,
        )
    guest = Guest(
        event_id=event.id,
        added_by=actor.id,
        first_name=_name(data.first_name, "name", True),
        last_name=_name(data.last_name, "last name", False),
        phone=phone,
        side=_side(data.side),
        party_size=_party(data.party_size),
        notes=_notes(data.notes),
        opted_out=_opted_out_anywhere(session, phone),
    )
    guest.children = _children(data.children, guest.party_size)
    session.add(guest)
    session.flush()
    return guest


def add_guest(session: Session, actor: User, event_id, data: GuestInput, region: str | None = None) -> Guest:
    event, _ = require(session, actor, event_id, Action.EDIT_GUESTS)
    return _new_guest(session, actor, event, data, region_for(actor, region))


def import_guests(session: Session, actor: User, event_id, rows: list, region: str | None = None) -> ImportResult:
    """Adds every good row; duplicates (on the list, or earlier in the file) and bad rows are reported.

    `rows` holds GuestInput values, or objects with `line_no` and `reason` for rows a parser
    already rejected.
    """
    event, _ = require(session, actor, event_id, Action.EDIT_GUESTS)
    region = region_for(actor, region)
    result = ImportResult()
    existing = {g.phone: g for g in session.scalars(select(Guest).where(Guest.event_id == event.id))}
    opted_out = set(session.scalars(select(Guest.phone).where(Guest.opted_out.is_(True))).all())
    adders: dict = {}
    added_at: dict = {}   # phone → the line of this import that added it
    for row in rows:
        line = getattr(row, "line_no", None)
        said = _row_name(row)
        if said and line is not None:
            result.names[line] = said
        if hasattr(row, "reason"):
            result.rejected.append((line, row.reason))
            continue
        try:
            phone = _phone(_unguarded(row.phone), region)
            first = _name(_unguarded(row.first_name), "name", True)
            last = _name(_unguarded(row.last_name), "last name", False)
            party = _party(row.party_size)
            children = _children(getattr(row, "children", None), party)
            side = _side(_unguarded(row.side))
            notes = _notes(_unguarded(row.notes))
        except InvalidInput as exc:
            result.rejected.append((line, exc.message))
            continue
        if phone in existing:
            guest = existing[phone]
            if phone in added_at and line is not None and added_at[phone] is not None:
                result.repeats[line] = added_at[phone]   # the same number earlier in this import
            elif party is not None and party != guest.party_size and line is not None:
                result.counts[line] = party   # said, never changed by an import: the report says how to change it
            if guest.added_by not in adders:
                adders[guest.added_by] = describe_adder(session, guest)
            result.duplicates.append((line, guest, adders[guest.added_by]))
            continue
        guest = Guest(event_id=event.id, added_by=actor.id, first_name=first, last_name=last, phone=phone,
                      side=side, party_size=party, children=children, notes=notes,
                      opted_out=phone in opted_out)
        session.add(guest)
        existing[phone] = guest
        added_at[phone] = line
        result.created.append((line, guest))
    session.flush()
    return result


def _row_name(row) -> str:
    """The name a row gives ("" when none): what the report calls the row by."""
    if getattr(row, "name", None):
        return " ".join(str(row.name).split())
    first, last = getattr(row, "first_name", None), getattr(row, "last_name", None)
    return " ".join(f"{first or ''} {last or ''}".split()) if isinstance(first, str) else ""


def list_guests(
    session: Session,
    actor: User,
    event_id,
    *,
    status=None,
    side: str | None = None,
    search: str | None = None,
    invitation: str | None = None,
    skip: int = 0,
    limit: int | None = 50,
) -> tuple[list[Guest], int]:
    """A page of guests and the total matching; `status` takes pending/confirmed/declined
    (or the seed's invited), `invitation` a delivery state or "not_invited"."""
    event, _ = require(session, actor, event_id, Action.VIEW)
    q = select(Guest).where(Guest.event_id == event.id)
    if status:
        q = q.where(status_clause(status))
    if invitation:
        key = "not_sent" if invitation in ("not_invited", "not invited") else invitation
        try:
            q = q.where(Guest.invitation == InvitationState(key))
        except ValueError:
            raise InvalidInput(i18n._("Unknown invitation state."), code="bad_invitation")
    if side:
        q = q.where(func.lower(Guest.side).in_(sides.spellings(side)))
    if search:
        # What was typed is matched literally: % and _ are LIKE's wildcards, not a "match all".
        term = "%" + _like_literal(search.strip().lower()) + "%"
        digits = "".join(ch for ch in search if ch.isdigit())
        conds = [func.lower(Guest.first_name + " " + Guest.last_name).like(term, escape="\\"),
                 func.lower(Guest.notes).like(term, escape="\\")]
        if len(digits) >= 3:
            conds.append(Guest.phone.like(f"%{digits.lstrip('0')}%"))
        q = q.where(or_(*conds))
    # Natural order ("Guest 2" before "Guest 10"), which SQL cannot sort by: the names are
    # sorted here, then only the page is loaded.
    names = session.execute(q.with_only_columns(Guest.id, Guest.first_name, Guest.last_name)).all()
    names.sort(key=lambda row: (natural_key(row[1]), natural_key(row[2]), str(row[0])))
    total = len(names)
    page = names[max(0, skip):] if limit is None else names[max(0, skip):max(0, skip) + max(0, limit)]
    if not page:
        return [], total
    found = {g.id: g for g in session.scalars(select(Guest).where(Guest.id.in_([row[0] for row in page])))}
    return [found[row[0]] for row in page], total


def natural_key(text: str | None) -> tuple:
    """"Guest 10" after "Guest 2": digits compare as numbers, letters without case."""
    parts = re.split(r"(\d+)", (text or "").casefold())
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts if p)


def get_guest(session: Session, actor: User, event_id, guest_id) -> Guest:
    event, _ = require(session, actor, event_id, Action.VIEW)
    return _guest_of(session, event, guest_id)


def _guest_of(session: Session, event: Event, guest_id) -> Guest:
    gid = as_uuid(guest_id)
    guest = session.get(Guest, gid) if gid else None
    if guest is None or guest.event_id != event.id:
        raise NotFound(i18n._("Guest not found."))
    return guest


def update_guest(
    session: Session, actor: User, event_id, guest_id, *, first_name=UNSET, last_name=UNSET, phone=UNSET,
    side=UNSET, party_size=UNSET, children=UNSET, notes=UNSET, region: str | None = None,
) -> Guest:
    """Only the fields given change. Children are checked against the party size they
    arrive with (or the guest's); a new party size without children keeps the children
    while they still fit and clears them otherwise."""
    event, _ = require(session, actor, event_id, Action.EDIT_GUESTS)
    guest = _guest_of(session, event, guest_id)
    _set_party(guest, party_size, children)  # checked first: a bad value changes nothing
    if first_name is not UNSET:
        guest.first_name = _name(first_name, "name", True)
    if last_name is not UNSET:
        guest.last_name = _name(last_name, "last name", False)
    if phone is not UNSET:
        new_phone = _phone(phone, region_for(actor, region))
        if new_phone != guest.phone:
            other = guest_by_phone(session, event.id, new_phone)
            if other is not None:
                raise GuestAlreadyExists(i18n._("{guest} already has {phone} on the list of {event}.",
                                                guest=other.full_name, phone=new_phone, event=event.name), other)
            guest.phone = new_phone
            guest.invitation = InvitationState.not_sent
            guest.invitation_error = None
    if side is not UNSET:
        guest.side = _side(side)
    if notes is not UNSET:
        guest.notes = _notes(notes)
    session.flush()
    return guest


def _set_party(guest: Guest, party_size=UNSET, children=UNSET) -> None:
    party = guest.party_size if party_size is UNSET else _party(party_size)
    kids = UNSET if children is UNSET else _children(children, party)
    if party_size is not UNSET:
        guest.party_size = party
    if kids is not UNSET:
        guest.children = kids
    elif party_size is not UNSET:
        guest.children = _kept_children(guest)


def mark_rsvp(session: Session, actor: User, event_id, guest_id, status, party_size=UNSET,
              children=UNSET) -> Guest:
    """An organiser records a guest's answer by hand (with the party size and children, when given).
    `bot.services.rsvp.mark_by_hand` does this and tells the rest of the team."""
    event, _ = require(session, actor, event_id, Action.EDIT_GUESTS)
    guest = _guest_of(session, event, guest_id)
    maybe = str(getattr(status, "value", status) or "").strip().lower() == MAYBE
    new_status = RsvpStatus.invited if maybe else parse_status(status)
    _set_party(guest, UNSET if party_size is None else party_size, children)
    guest.status = new_status
    guest.answered_at = None if guest.status == RsvpStatus.invited and not maybe else utcnow()
    guest.answered_by_guest = False
    session.flush()
    return guest


def remove_guest(session: Session, actor: User, event_id, guest_id) -> Guest:
    event, _ = require(session, actor, event_id, Action.REMOVE_GUESTS)
    guest = _guest_of(session, event, guest_id)
    session.delete(guest)
    session.flush()
    return guest


def _like_literal(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
