"""Which language a person reads, and the words in it: gettext catalogs through Babel.

Every text a person reads is an English `msgid` marked in the code with `_()` (or
`ngettext()` when it counts something) and looked up in `bot/locale/<lang>/LC_MESSAGES/
<domain>.po`, one catalog per language and domain:

* ``guest``: what guests read (Hebrew, English, Arabic, Russian);
* ``organiser``, ``commands``: what organisers read (Hebrew and English);
* ``web``: the guest's own RSVP page and the progress chart (all four languages).

English is the source language: its entry is the msgid itself. The language being
written in is a context variable set once per turn (`use("he")`), as Django's
`translation.override` does, so the many small functions that build replies need no
extra parameter, and a notice written to someone else is rendered inside their own
`use(...)` block.

Placeholders are ``{name}`` fields filled by `_(msgid, **params)`, through a formatter
that knows the reader's language:

* numbers get the locale's grouping (``2,000``; ``2 000`` in Russian);
* text whose direction differs from the message's (a Latin name in a Hebrew line, a
  phone number, a Hebrew name in an English line) is wrapped in Unicode isolates
  (FSI … PDI) so a phone lays the line out right;
* in Hebrew, ``{event:ל}`` glues a one-letter prefix the way Hebrew does: ``לחתונה`` for
  "החתונה" (ל, ב and כ swallow the article), ``למסיבה``, and ``ל-Party`` before a
  non-Hebrew word.

Pure: no database, no network; the catalogs are read once, on first use.
"""
from __future__ import annotations

import contextlib
import contextvars
import gettext as _gettext
import io
import re
import string
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal

__all__ = [
    "LANGS", "ORGANISER_LANGS", "SOURCE", "LOCALE_DIR", "DOMAINS", "GUEST_DOMAIN", "DOMAIN_FILES",
    "DOMAIN_LANGS", "KEYWORDS", "domain_of",
    "use", "current", "normalize", "organiser_language", "detect_language", "detect_command_language",
    "direction",
    "_", "N_", "ngettext", "isolate", "number", "Raw", "join",
]

LANGS = ("he", "en", "ar", "ru")       # guests
ORGANISER_LANGS = ("he", "en")         # organisers
SOURCE = "en"                          # the msgids are English
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
GUEST_DOMAIN = "guest"
DOMAINS = ("guest", "organiser", "commands", "services", "web")
# Which modules' msgids each catalog holds (paths under bot/; the first match wins, and
# "organiser" takes every other module). Guests read their catalog in all four languages;
# the rest is read by organisers, in Hebrew and English.
DOMAIN_FILES = {
    "web": ("web/", "services/charts.py", "services/rsvp_links.py"),
    "guest": ("text/guest_replies.py",),
    "commands": ("chat/commands.py", "text/dates.py", "text/phones.py"),
    "services": ("services/", "worker/"),
}
DOMAIN_LANGS = {"guest": LANGS, "organiser": ORGANISER_LANGS, "commands": ORGANISER_LANGS,
                "services": ORGANISER_LANGS, "web": LANGS}
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}  # how msgids are marked in the code
RTL = frozenset({"he", "ar"})

FSI, PDI = "\u2068", "\u2069"          # first-strong isolate … pop directional isolate

_active: contextvars.ContextVar[str] = contextvars.ContextVar("invitebot_language", default=SOURCE)

_HEBREW = re.compile("[\u0590-\u05ff\ufb1d-\ufb4f]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_RTL_CHAR = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_LTR_CHAR = re.compile("[A-Za-z\u00c0-\u024f\u0400-\u04ff]")
_DIGIT = re.compile(r"\d")

_ALIASES = {
    "he": "he", "iw": "he", "heb": "he", "hebrew": "he", "עברית": "he", "עב": "he",
    "en": "en", "eng": "en", "english": "en", "אנגלית": "en",
    "ar": "ar", "ara": "ar", "arabic": "ar", "ערבית": "ar", "عربي": "ar", "العربية": "ar",
    "ru": "ru", "rus": "ru", "russian": "ru", "רוסית": "ru", "русский": "ru", "рус": "ru",
}


# --------------------------------------------------------------------------- the reader's language

def normalize(code: str | None, allowed: tuple[str, ...] = LANGS) -> str | None:
    """'he' from 'he', 'HE', 'he_IL', 'iw', 'Hebrew' or 'עברית'; None when not one of `allowed`."""
    if not code:
        return None
    key = str(code).strip().lower().replace("-", "_")
    lang = _ALIASES.get(key) or _ALIASES.get(key.split("_")[0])
    return lang if lang in allowed else None


def organiser_language(lang: str | None) -> str:
    """Organisers read Hebrew or English: anything else reads English."""
    return lang if lang in ORGANISER_LANGS else SOURCE


def detect_language(text: str | None) -> str | None:
    """The language a message is written in, by its letters; None when it has none (👍, 3)."""
    text = text or ""
    counts = {
        "he": len(_HEBREW.findall(text)),
        "ar": len(_ARABIC.findall(text)),
        "ru": len(_CYRILLIC.findall(text)),
        "en": len(_LATIN.findall(text)),
    }
    best = max(counts, key=lambda k: counts[k])
    if counts[best] == 0:
        return None
    # A Hebrew message that quotes an English word is still Hebrew: ties go to the script
    # the bot's users write most, in this order.
    for lang in ("he", "ar", "ru", "en"):
        if counts[lang] == counts[best]:
            return lang
    return best  # pragma: no cover - the loop always returns


def detect_command_language(text: str | None) -> str | None:
    """The language of an organiser's command: a message in one script is that script's;
    one that mixes scripts is in the language of its first word, the command's own
    ("סמן Adam Katz מגיע", "אירוע חדש Party at Tamar's" are Hebrew; "guest רונית" is
    English): the names typed after it say nothing of who is writing."""
    found = detect_language(text)
    if found is None:
        return None
    scripts = [lang for lang, pattern in (("he", _HEBREW), ("ar", _ARABIC), ("ru", _CYRILLIC), ("en", _LATIN))
               if pattern.search(text or "")]
    if len(scripts) < 2:
        return found
    for word in (text or "").split():
        first = detect_language(word)
        if first is not None:
            return first
    return found  # pragma: no cover - a text with letters has a word with letters


def domain_of(relative_path: str) -> str:
    """The catalog a module's msgids go to (`relative_path` under bot/, with slashes)."""
    for domain, prefixes in DOMAIN_FILES.items():
        if any(relative_path == p or (p.endswith("/") and relative_path.startswith(p)) for p in prefixes):
            return domain
    return "organiser"


def direction(lang: str) -> str:
    return "rtl" if lang in RTL else "ltr"


@contextlib.contextmanager
def use(lang: str | None) -> Iterator[str]:
    """Write in `lang` inside the block (English when None or unknown)."""
    chosen = lang if lang in LANGS else SOURCE
    token = _active.set(chosen)
    try:
        yield chosen
    finally:
        _active.reset(token)


def current() -> str:
    return _active.get()


# --------------------------------------------------------------------------- catalogs

@lru_cache(maxsize=None)
def translations(lang: str) -> _gettext.NullTranslations:
    """Every domain's catalog of `lang`, read from the .po files and compiled in memory."""
    if lang == SOURCE or lang not in LANGS:
        return _gettext.NullTranslations()
    merged: _gettext.NullTranslations | None = None
    for domain in DOMAINS:
        path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"
        if not path.exists():
            continue
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=lang, domain=domain)
        buf = io.BytesIO()
        write_mo(buf, catalog)
        buf.seek(0)
        t = _gettext.GNUTranslations(buf)
        if merged is None:
            merged = t
        else:
            merged.add_fallback(t)
    return merged or _gettext.NullTranslations()


def N_(msgid: str) -> str:
    """Marks a msgid for the catalogs without translating it (tables built at import time)."""
    return msgid


def _(msgid: str, /, **params) -> str:
    """`msgid` in the current language, its ``{fields}`` filled from `params`."""
    lang = _active.get()
    text = translations(lang).gettext(msgid) if lang != SOURCE else msgid
    return _fill(text, lang, params) if params else text


def ngettext(singular: str, plural: str, n: int, /, **params) -> str:
    """The form of a counted phrase the language's plural rules pick for `n`; ``{n}`` is n."""
    lang = _active.get()
    if lang != SOURCE:
        text = translations(lang).ngettext(singular, plural, n)
    else:
        text = singular if n == 1 else plural
    return _fill(text, lang, {"n": n, **params})


# --------------------------------------------------------------------------- filling fields

_PREFIX_LETTERS = frozenset("לבכמשהו")
_ARTICLE_SWALLOWED = frozenset("לבכ")  # ל + החתונה → לחתונה


class Raw(str):
    """Text already written for the reader (a translated fragment, a formatted date): no isolates."""


def number(n: int | float, lang: str | None = None) -> str:
    lang = lang or _active.get()
    if type(n) is int:
        return _whole_number(n, lang)
    return format_decimal(n, locale=_babel_locale(lang))


@lru_cache(maxsize=8192)
def _whole_number(n: int, lang: str) -> str:
    # Counts fill most replies (a notice per answer, a tally per send): CLDR once per number.
    return format_decimal(n, locale=_babel_locale(lang))


def money(amount, currency: str, lang: str | None = None) -> "Raw":
    """An amount in the reader's locale: "US$12.40" / "‏12.40 $"."""
    lang = lang or _active.get()
    return Raw(format_currency(amount, currency, locale=_babel_locale(lang)))


def _babel_locale(lang: str) -> str:
    return {"en": "en_GB", "he": "he_IL", "ar": "ar_IL", "ru": "ru_RU"}.get(lang, "en_GB")


def join(items, lang: str | None = None) -> "Raw":
    """Items as a list reads in the reader's language: "a, b, c" in English (as the replies
    always wrote it), "a, b ו-c" in Hebrew, CLDR's list pattern in Arabic and Russian."""
    lang = lang or _active.get()
    items = [str(i) for i in items]
    if len(items) < 2 or lang == SOURCE:
        return Raw(", ".join(items))
    if lang == "he":
        last = items[-1]
        glue = "ו" if _HEBREW.match(last) else "ו-"
        return Raw(", ".join(items[:-1]) + " " + glue + last)
    return Raw(format_list(items, locale=_babel_locale(lang)))


def isolate(text: str, lang: str | None = None) -> str:
    """`text` wrapped in Unicode isolates when its direction differs from the reader's line.

    A Hebrew name in an English line, a Latin name or a phone number in a Hebrew line:
    without isolates a phone reorders the words around them.
    """
    lang = lang or _active.get()
    if not isinstance(text, Raw):
        text = str(text)
    if not text or text.startswith(FSI):
        return text
    if isinstance(text, Raw) or text.isdigit():  # a bare number reads right in either direction
        return text
    if lang in RTL:
        foreign = _LTR_CHAR.search(text) or (_DIGIT.search(text) and not _RTL_CHAR.search(text))
    else:
        foreign = _RTL_CHAR.search(text)
    return f"{FSI}{text}{PDI}" if foreign else text


def _hebrew_prefix(prefix: str, value: str) -> str:
    if value and _HEBREW.match(value):
        if prefix in _ARTICLE_SWALLOWED and len(value) > 2 and value[0] == "ה" and _HEBREW.match(value[1]):
            value = value[1:]
        return prefix + isolate(value, "he")
    return f"{prefix}-{isolate(value, 'he')}" if value else prefix


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value, format_spec: str) -> str:
        if format_spec and len(format_spec) == 1 and format_spec in _PREFIX_LETTERS and isinstance(value, str):
            return _hebrew_prefix(format_spec, value)
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int) and not format_spec:
            return number(value, self.lang)
        if isinstance(value, str) and not format_spec:
            return isolate(value, self.lang)
        return super().format_field(value, format_spec)


def _fill(text: str, lang: str, params: dict) -> str:
    return _Formatter(lang).vformat(text, (), params)
