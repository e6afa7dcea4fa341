"""What a guest means, in the coarse kinds the guest conversation acts on.

The reading itself is `bot.chat.understanding.understand` (clauses, scoped negation, counts
with adults and children, four languages, how sure it is); `from_understanding` maps it
onto yes / no / maybe / a party size / details / stop / start / help / thanks / unknown.

Politeness is never an answer: "thanks 🙏", "ok", "❤️", "תודה רבה" are `thanks`, so a
guest who declined and then writes "ok thanks" stays declined. A message that is only
positive emoji (👍, ✅, 🎉) is a yes with `gesture=True`: it answers an open invitation,
but to a guest who has answered already it is a thank-you too (the caller decides).
"""
from __future__ import annotations

from dataclasses import dataclass

from storage.models import MAX_PARTY_SIZE  # one limit for parser, store and answers
from bot.chat.understanding import Understanding, understand

__all__ = ["GuestIntent", "interpret", "from_understanding", "KINDS", "MAX_PARTY_SIZE"]

KINDS = ("yes", "no", "maybe", "party_size", "details", "stop", "start", "help", "thanks", "unknown")


@dataclass(frozen=True)
class GuestIntent:
    kind: str
    party_size: int | None = None
    gesture: bool = False   # a yes said only with emoji (👍): a thank-you once the guest has answered


UNKNOWN = GuestIntent("unknown")


def interpret(text: str) -> GuestIntent:
    """What a guest's free-text reply means, in the older, coarser kinds. Never raises.

    The reading itself is `bot.chat.understanding.understand` (clauses, scoped negation,
    counts with children); this maps it onto the kinds above for the callers that only
    need yes / no / maybe and a party size."""
    try:
        return from_understanding(understand(text))
    except Exception:  # a bug must not cost the guest an answer; a person will read "unknown"
        return UNKNOWN


def from_understanding(u: Understanding) -> GuestIntent:
    if u.intent in ("stop", "start", "details"):
        return GuestIntent(u.intent)
    if u.intent == "greeting":
        return GuestIntent("help")
    if u.gesture and u.intent in ("thanks", "answer") and u.answer in (None, "yes"):
        return GuestIntent("yes", gesture=True)
    if u.intent == "thanks":
        return GuestIntent("thanks")
    if u.intent in ("answer", "change", "count", "unclear") and u.answer in ("yes", "no", "maybe"):
        party = u.total if u.answer == "yes" and u.total and u.total <= MAX_PARTY_SIZE else None
        return GuestIntent(u.answer, party)
    if u.intent in ("count", "change") and u.total is not None:
        if u.total <= 0:
            return GuestIntent("no")
        if u.total <= MAX_PARTY_SIZE:
            return GuestIntent("party_size", u.total)
    return UNKNOWN
