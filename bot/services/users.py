"""People, keyed by E.164 phone and/or Meta's business-scoped user id."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, case, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from bot.services.outbox import OUTBOX_BLIND
from bot.text.phones import region_of
from storage.db import is_postgres
from storage.ids import new_id
from storage.models import User, utcnow


def find_user(session: Session, phone: str | None = None, wa_user_id: str | None = None) -> User | None:
    """A known user, recognised by either identity."""
    conds = []
    if phone:
        conds.append(User.phone == phone)
    if wa_user_id:
        conds.append(User.wa_user_id == wa_user_id)
    if not conds:
        return None
    users = session.scalars(select(User).where(or_(*conds))).all()
    if not users:
        return None
    # Prefer the row matching the phone (the identity organisers type).
    for u in users:
        if phone and u.phone == phone:
            return u
    return users[0]


def get_or_create_user(
    session: Session,
    phone: str | None = None,
    wa_user_id: str | None = None,
    display_name: str | None = None,
    *,
    seen_at: datetime | None = None,
) -> User:
    """The user with this phone or user id, created if new; a missing identity is filled in.

    ``seen_at`` records an inbound message from the user (it opens the 24-hour window).
    Two requests creating the same new user at once (PostgreSQL) end with one row: the
    loser of the race finds the winner's row.
    """
    if not phone and not wa_user_id:
        raise ValueError("a user needs a phone or a WhatsApp user id")
    if phone and seen_at is not None and not wa_user_id:
        # Someone known by phone alone writing in, new or known: one round trip.
        return _upsert_by_phone(session, phone, display_name, seen_at)
    if phone and seen_at is not None:
        # A known person writing again: one round trip.
        user = _touch_by_phone(session, phone, seen_at)
        if user is not None and (not wa_user_id or user.wa_user_id == wa_user_id) and (
                user.display_name or not display_name):
            return user
        known = user is not None or wa_user_id is not None
    else:
        known = True
    user = find_user(session, phone, wa_user_id) if known else None
    if user is None:
        user = _create(session, phone, wa_user_id, display_name, seen_at)
        if user is None:  # someone else created it meanwhile
            user = find_user(session, phone, wa_user_id)
            if user is None:  # pragma: no cover - the conflicting row vanished again
                raise RuntimeError("could not create or find the user")
        else:
            return user
    if phone and not user.phone and find_user(session, phone=phone) in (None, user):
        user.phone = phone
        user.region = user.region or region_of(phone)
    if wa_user_id and not user.wa_user_id and session.scalar(
        select(User.id).where(User.wa_user_id == wa_user_id)
    ) is None:
        user.wa_user_id = wa_user_id
    if display_name and not user.display_name:
        user.display_name = display_name
    if seen_at is not None and (user.last_inbound_at is None or user.last_inbound_at < seen_at):
        user.last_inbound_at = seen_at
    session.flush()
    return user


def _upsert_by_phone(session: Session, phone: str, display_name: str | None, seen_at: datetime) -> User:
    """INSERT ... ON CONFLICT (phone) DO UPDATE: the user, created or with the window moved on."""
    now = utcnow()
    params = dict(id=new_id(), phone=phone, display_name=display_name, region=region_of(phone),
                  last_inbound_at=seen_at, created_at=now, updated_at=now)
    user = session.execute(_upsert_statement(is_postgres(session)), params).scalar_one()
    if user.id == params["id"]:  # inserted, not found
        _created_now(session).add(user.id)
    return user


def upsert_senders(session: Session, senders: dict[str, tuple[str | None, datetime]]) -> dict[str, User]:
    """People known by phone alone writing in, several at once (the answering worker's
    batch): phone → (display name, when they wrote). One INSERT ... ON CONFLICT for them
    all, with the same effect as `get_or_create_user(phone=..., display_name=..., seen_at=...)`
    for each: phone → user, created or with the 24-hour window moved on."""
    if not senders:
        return {}
    now = utcnow()
    rows = [dict(id=new_id(), phone=phone, display_name=name, region=region_of(phone),
                 last_inbound_at=seen_at, created_at=now, updated_at=now)
            for phone, (name, seen_at) in senders.items()]
    users = {user.phone: user for user in session.scalars(
        _batch_upsert_statement(is_postgres(session)), rows,
        execution_options={"populate_existing": True, **OUTBOX_BLIND})}
    created = {row["id"] for row in rows}
    _created_now(session).update(user.id for user in users.values() if user.id in created)
    return users


_BATCH_UPSERTS: dict[bool, object] = {}


def _batch_upsert_statement(postgres: bool):
    """Built once per dialect: run with a list of rows, it is one statement for them all."""
    statement = _BATCH_UPSERTS.get(postgres)
    if statement is None:
        insert = (pg_insert if postgres else sqlite_insert)(User)
        statement = _BATCH_UPSERTS[postgres] = insert.on_conflict_do_update(
            index_elements=[User.phone], set_=_upsert_changes(insert)).returning(User)
    return statement


def _upsert_changes(insert) -> dict:
    """What a known person's new message changes on their row: the 24-hour window moves on,
    and a profile name fills in one we did not have."""
    return {
        "last_inbound_at": case(
            (User.last_inbound_at.is_(None), insert.excluded.last_inbound_at),
            (User.last_inbound_at < insert.excluded.last_inbound_at, insert.excluded.last_inbound_at),
            else_=User.last_inbound_at,
        ),
        "display_name": func.coalesce(User.display_name, insert.excluded.display_name),
    }


def _created_now(session: Session) -> set:
    return session.info.setdefault("users_created", set())


def created_in_this_transaction(session: Session, user: User) -> bool:
    """Whether `user` was created by this session just now (so nothing of theirs is stored yet)."""
    return user.id in session.info.get("users_created", ())


_UPSERTS: dict[bool, object] = {}


def _upsert_statement(postgres: bool):
    """Built once per dialect (every inbound message runs it), with bound parameters."""
    statement = _UPSERTS.get(postgres)
    if statement is None:
        insert = (pg_insert if postgres else sqlite_insert)(User).values(
            {name: bindparam(name) for name in
             ("id", "phone", "display_name", "region", "last_inbound_at", "created_at", "updated_at")})
        statement = _UPSERTS[postgres] = insert.on_conflict_do_update(
            index_elements=[User.phone], set_=_upsert_changes(insert),
        ).returning(*User.__table__.c)
        # Loaded as plain rows into the identity map (a third less CPU than an ORM-enabled
        # INSERT, which runs SQLAlchemy's bulk-insert machinery for one row); the row found
        # replaces what the session held.
        statement = _UPSERTS[postgres] = (
            select(User).from_statement(statement).execution_options(populate_existing=True, **OUTBOX_BLIND))
    return statement


def _touch_by_phone(session: Session, phone: str, seen_at: datetime) -> User | None:
    """The user with this phone, with `last_inbound_at` moved forward to `seen_at`."""
    statement = (
        update(User)
        .where(User.phone == phone)
        .values(last_inbound_at=case(
            (User.last_inbound_at.is_(None), seen_at),
            (User.last_inbound_at < seen_at, seen_at),
            else_=User.last_inbound_at,
        ))
        .returning(User)
        .execution_options(synchronize_session=False)
    )
    return session.scalars(statement).first()


def _create(session: Session, phone: str | None, wa_user_id: str | None,
            display_name: str | None, seen_at: datetime | None = None) -> User | None:
    """A new user, or None when a concurrent request created one with this identity first
    (INSERT ... ON CONFLICT DO NOTHING: no savepoint, no aborted transaction)."""
    now = utcnow()
    statement = (
        (pg_insert if is_postgres(session) else sqlite_insert)(User)
        .values(id=new_id(), phone=phone, wa_user_id=wa_user_id, display_name=display_name,
                region=region_of(phone) if phone else None, last_inbound_at=seen_at,
                created_at=now, updated_at=now)
        .on_conflict_do_nothing()
        .returning(User)
    )
    user = session.scalars(statement).first()
    if user is not None:
        _created_now(session).add(user.id)
    return user


