"""The sides of an event (bride's, groom's, a family, "work"): one side, however it is written.

Organisers write the bride's side as "bride", "Bride", "כלה", "הכלה" or "צד הכלה"; the lists,
filters, sends and stats treat all of those as one side and show it as most of its guests
have it. Any other side is one side by its letters, whatever their case.
"""
from __future__ import annotations

from collections.abc import Iterable

from bot.text.i18n import N_, _

_SAME = {
    "bride": ("bride", "brides", "bride's", "the bride", "kallah", "kala", "כלה", "הכלה"),
    "groom": ("groom", "grooms", "groom's", "the groom", "hatan", "chatan", "חתן", "החתן"),
}
# Each spelling of the bride's or the groom's side → "bride" / "groom" (the parser reads sides by it too).
SIDE_WORDS = {spelling: key for key, spellings in _SAME.items() for spelling in spellings}
_KEY = SIDE_WORDS
_LEADS = ("side of ", "side ", "צד של ", "צד ", "מצד ", "הצד של ", "מהצד של ")


def key(side: str | None) -> str | None:
    """What makes two spellings one side: "הכלה" and "Bride" → "bride"; "Work" → "work"."""
    text = " ".join((side or "").split()).casefold()
    for lead in _LEADS:
        if text.startswith(lead) and len(text) > len(lead):
            text = text[len(lead):]
            break
    return _KEY.get(text, text) or None


def spellings(side: str) -> list[str]:
    """The lower-case spellings a filter for `side` matches in the database."""
    k = key(side)
    if not k:
        return []
    bare = set(_SAME.get(k, ())) | {k, " ".join(side.split()).casefold()}
    return sorted(bare | {lead + s for lead in _LEADS for s in bare})


def shown(counts: dict[str, int]) -> str:
    """A side's name as most of its guests have it (ties: the first in sort order)."""
    return min(counts, key=lambda s: (-counts[s], s)).strip()


def grouped(sides: Iterable[str | None]) -> dict[str | None, str | None]:
    """Each spelling → the name its side is shown by."""
    counts: dict[str, dict[str, int]] = {}
    for side in sides:
        if side and side.strip():
            bucket = counts.setdefault(key(side), {})
            bucket[side] = bucket.get(side, 0) + 1
    out: dict[str | None, str | None] = {None: None, "": None}
    for bucket in counts.values():
        name = shown(bucket)
        out.update({s: name for s in bucket})
    return out


_NAMES = {"bride": N_("bride"), "groom": N_("groom")}


def name(side: str) -> str:
    """A side as the reader calls it: the bride's and the groom's in the reader's language
    ("כלה" for a Hebrew reader of "bride"), any other side as it was written."""
    k = key(side)
    return _(_NAMES[k]) if k in _NAMES else side
