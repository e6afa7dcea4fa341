"""Names that sound alike across Hebrew and Latin letters: "מייק" and "Mike", "דני" and "Danny",
"רחל" and "Rachel". Organisers write a guest's name in their own script whatever script the list
holds it in; what the name sounds like is compared, never guessed into a write (the chat lists
the names that sound alike and the organiser picks one).

A name becomes its consonants, each sound one letter (vowels, and the Hebrew letters that stand
for them, dropped); two names sound alike when those are the same, or, less closely, when they
differ only as the two scripts' spellings do ("דוד" DD, "David" DBD; "צבי" CB, "Zvi" ZB).
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["skeleton", "sound_alike"]

# Hebrew letters as sounds ('' for those that are vowels or silent as a name is spelt)
_HEBREW = {
    "א": "", "ב": "B", "ג": "G", "ד": "D", "ה": "", "ו": "", "ז": "Z", "ח": "K", "ט": "T", "י": "", "כ": "K", "ך": "K",
    "ל": "L", "מ": "M", "ם": "M", "נ": "N", "ן": "N", "ס": "S", "ע": "", "פ": "P", "ף": "P", "צ": "C", "ץ": "C",
    "ק": "K", "ר": "R", "ש": "S", "ת": "T",
}
_HEBREW_GERESH = {"ג": "J", "ז": "J", "צ": "C"}   # ג׳ני, ז׳ק, צ׳רלי
# Latin spellings, longest first: each becomes one sound
_LATIN = [("sch", "S"), ("tch", "C"), ("ch", "K"), ("kh", "K"), ("sh", "S"), ("tz", "C"), ("ts", "C"), ("ph", "P"),
          ("th", "T"), ("ck", "K"), ("gh", "G"), ("zh", "J"), ("x", "KS"), ("q", "K"), ("k", "K"), ("b", "B"),
          ("v", "B"), ("w", ""), ("f", "P"), ("p", "P"), ("d", "D"), ("t", "T"), ("g", "G"), ("j", "J"), ("l", "L"),
          ("m", "M"), ("n", "N"), ("r", "R"), ("s", "S"), ("z", "Z"), ("h", "")]
_LATIN_RX = re.compile("|".join(re.escape(k) for k, _ in _LATIN) + "|c[eiy]|c|.", re.S)
_LATIN_MAP = dict(_LATIN)


def skeleton(name: str) -> str:
    """The sounds of a name's letters: "מייק" → "MK", "Michael" → "MKL", "Yossi" → "S"."""
    text = unicodedata.normalize("NFKD", (name or "").lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch) or ch in "׳")
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _HEBREW:
            geresh = i + 1 < len(text) and text[i + 1] in "'׳`"
            out.append(_HEBREW_GERESH.get(ch, _HEBREW[ch]) if geresh else _HEBREW[ch])
            i += 2 if geresh else 1
            continue
        m = _LATIN_RX.match(text, i)
        piece = m.group()
        if piece in _LATIN_MAP:
            out.append(_LATIN_MAP[piece])
        elif piece.startswith("c"):
            out.append("S" if len(piece) == 2 else "K")
            piece = piece[:1]   # the vowel after a soft c is read next (dropped as any vowel)
        i += len(piece)
    # a letter written twice is one sound ("Danny", "Yossi"); the same sound again after a vowel is
    # two ("דוד", "David"): a dropped vowel ('') keeps them apart
    return re.sub(r"([A-Z])\1+", r"\1", "".join(o or "." for o in out)).replace(".", "")


# How one spelling's sounds may differ from another's: a v that Hebrew writes as a vowel letter
# ("דוד" for David) is missing, or צ is read as z ("Zvi") and ב as p
_MISSING = frozenset("B")
_SWAPPED = frozenset({frozenset("CZ"), frozenset("BP"), frozenset("KG")})


def _one_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [(x, y) for x, y in zip(a, b) if x != y]
        return len(diffs) == 1 and frozenset(diffs[0]) in _SWAPPED
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[i] in _MISSING and long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def sound_alike(a: str, b: str, *, closely: bool = True) -> bool:
    """Whether two names, in any of the two scripts, sound alike: the same sounds (`closely`), or
    one sound apart as spellings differ ("דוד" and "David", "צבי" and "Zvi")."""
    sa, sb = skeleton(a), skeleton(b)
    if not sa or not sb:
        return False
    if sa == sb:
        return True
    return not closely and _one_apart(sa, sb)
