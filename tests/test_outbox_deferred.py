"""Replies the answering worker keeps for one INSERT at commit (bot.services.outbox.defer_replies):
whatever the transaction does meanwhile, each reply is stored once, or not at all when its
part of the work was undone. On SQLite and PostgreSQL."""
from __future__ import annotations

from sqlalchemy import func, select

from bot.services import outbox
from storage.models import Direction, Message

PHONE = "+972541234567"


def _queue(session, text, **kwargs):
    return outbox.enqueue(session, phone=PHONE, message=outbox.text(text), kind="reply", **kwargs)


def _stored(runtime) -> list[str]:
    with runtime.transaction() as session:
        return sorted(session.scalars(select(Message.body).where(Message.direction == Direction.outbound)))


def test_replies_kept_for_the_commit_are_all_stored_once(runtime):
    with runtime.transaction() as session:
        outbox.defer_replies(session)
        for text in ("one", "two", "three"):
            _queue(session, text)
    assert _stored(runtime) == ["one", "three", "two"]


def test_a_reply_kept_back_is_seen_by_a_read_in_the_same_transaction(runtime):
    with runtime.transaction() as session:
        outbox.defer_replies(session)
        queued = _queue(session, "hello")
        assert session.scalar(select(func.count()).select_from(Message)
                              .where(Message.direction == Direction.outbound)) == 1
        assert session.get(Message, queued.id).body == "hello"
        _queue(session, "again")
    assert _stored(runtime) == ["again", "hello"]


def test_undoing_a_savepoint_keeps_what_was_queued_before_it_and_drops_what_was_queued_in_it(runtime):
    with runtime.transaction() as session:
        outbox.defer_replies(session)
        _queue(session, "before")
        try:
            with session.begin_nested():
                _queue(session, "inside, undone")
                raise RuntimeError("the command failed")
        except RuntimeError:
            pass
        with session.begin_nested():
            _queue(session, "inside, kept")
        _queue(session, "after")
    assert _stored(runtime) == ["after", "before", "inside, kept"]


def test_a_transaction_rolled_back_stores_none_of_them_and_the_next_one_starts_clean(runtime):
    try:
        with runtime.transaction() as session:
            outbox.defer_replies(session)
            _queue(session, "lost with the transaction")
            raise RuntimeError("the worker died")
    except RuntimeError:
        pass
    with runtime.transaction() as session:
        _queue(session, "next")
    assert _stored(runtime) == ["next"]


def test_a_once_only_message_is_stored_at_once_after_what_was_kept_back(runtime):
    with runtime.transaction() as session:
        outbox.defer_replies(session)
        first = _queue(session, "reply")
        once = _queue(session, "digest", dedupe_key="digest:1")
        assert once is not None and _queue(session, "digest", dedupe_key="digest:1") is None
        order = session.scalars(select(Message.body).where(Message.direction == Direction.outbound)
                                .order_by(Message.created_at, Message.id)).all()
        assert order[0] == "reply" and first.created_at <= once.created_at
    assert _stored(runtime) == ["digest", "reply"]
