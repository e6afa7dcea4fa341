"""Phone numbers: text a person typed in, E.164 out.

Pure functions over the `phonenumbers` library. Every number the bot stores is
E.164 ("+972502345678"); every number it shows to a person is in international
format ("+972 50-234-5678").

What counts as a phone number: one that `phonenumbers` calls valid, or one that
has exactly the right length for its country and fits the shape of that country's
numbering plan. The second rule exists because the library's metadata lags behind
the carriers' allocation of new number blocks; WhatsApp itself is the final judge
(a number that is not on WhatsApp fails delivery with a clear reason).
"""
from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberMatcher, ValidationResult
from phonenumbers import timezone as pn_timezone

from bot.text.i18n import N_, _

__all__ = [
    "InvalidPhone",
    "example_numbers",
    "with_own_examples",
    "normalize_phone",
    "find_phone",
    "find_phones",
    "region_of",
    "zone_of_phone",
    "display_phone",
    "default_timezone_for",
]

# Longest text we ever scan for numbers; anything longer is cut (a phone is short).
_MAX_SCAN = 20_000
# A bare run of digits typed without '+', like a WhatsApp wa_id ("972502345678").
_BARE_DIGITS = re.compile(r"(?<![\d+])\+?\d{11,15}(?!\d)")
_DIGITS = re.compile(r"\d")
# Digit groups one after the other ("1 052-100-0001"), spaces between them
_DIGIT_RUN = re.compile(r"(?<![\d+])\+?\d[\d\-.()]*(?:[ \t]+\+?\d[\d\-.()]*)+")


class InvalidPhone(ValueError):
    """The text is not a phone number we can send to. The message is fit for a person.

    Written in the language active when it is raised (`i18n.use`); `hint` is a msgid.
    """

    def __init__(self, text: str, hint: str | None = None) -> None:
        shown = " ".join(str(text).split())
        if len(shown) > 40:
            shown = shown[:39] + "…"
        if shown:
            message = _("That doesn't look like a phone number: {text}", text=shown)
        else:
            message = _("That doesn't look like a phone number.")
        if hint:
            message = f"{message}. {_(hint)}"
        super().__init__(message)
        self.text = text
        self.message = message


_COUNTRY_HINT = N_("Include the country code, e.g. +972 50-234-5678")


def _clean_region(region: str | None) -> str | None:
    if not region:
        return None
    region = str(region).strip().upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        return None
    return region


def _acceptable(number: phonenumbers.PhoneNumber) -> bool:
    """Valid, or of a possible length and the shape of its country's numbering plan."""
    try:
        if phonenumbers.is_valid_number(number):
            return True
        if phonenumbers.is_possible_number_with_reason(number) != ValidationResult.IS_POSSIBLE:
            return False
        region = phonenumbers.region_code_for_country_code(number.country_code)
        if not region or region == phonenumbers.UNKNOWN_REGION:
            return False
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
        if metadata is None or metadata.general_desc is None:
            return False
        pattern = metadata.general_desc.national_number_pattern
        if not pattern:
            return False
        national = phonenumbers.national_significant_number(number)
        if re.fullmatch(pattern, national) is None:
            return False
        # ...and shaped like the country's mobiles or landlines: as long as they are, starting as
        # they do ("+972 52-100-0001" may be a new block; "+972 10521000001" is a digit glued on)
        return any(len(example) == len(national) and example[0] == national[0] for example in _examples(region))
    except Exception:  # the library is not ours; never let it escape
        return False


_EXAMPLES: dict[str, tuple[str, ...]] = {}


def _examples(region: str) -> tuple[str, ...]:
    """The national numbers of a region's example mobile and landline ("502345678", "21234567")."""
    if region not in _EXAMPLES:
        found = []
        for kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                found.append(phonenumbers.national_significant_number(example))
        _EXAMPLES[region] = tuple(found)
    return _EXAMPLES[region]


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def _try_parse(text: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(text, region)
    except (NumberParseException, Exception):
        return None
    return number if _acceptable(number) else None


def normalize_phone(text: str, default_region: str | None = None) -> str:
    """The E.164 form of `text`, or InvalidPhone.

    Accepts spaces, dashes, dots, parentheses, a leading 00 or '+', and bare
    international digits as WhatsApp sends them ("972502345678"). A number
    without a country code is read in `default_region` ("IL").
    """
    if not isinstance(text, str):
        raise InvalidPhone(str(text))
    raw = text.strip()
    if not raw or len(raw) > 64 or not _DIGITS.search(raw) or any(ch.isalpha() for ch in raw):
        raise InvalidPhone(raw)
    region = _clean_region(default_region)
    compact = re.sub(r"[\s\-.()/\u200e\u200f\u202a-\u202e]", "", raw)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    candidates: list[tuple[str, str | None]] = []
    if compact.startswith("+"):
        candidates.append((compact, None))
    else:
        if region:
            candidates.append((compact, region))
        if compact.isdigit() and len(compact) >= 11:
            candidates.append(("+" + compact, None))
    for candidate, reg in candidates:
        number = _try_parse(candidate, reg)
        if number is not None:
            return _e164(number)
    hint = None if compact.startswith("+") else _COUNTRY_HINT
    raise InvalidPhone(raw, hint)


def find_phones(text: str, default_region: str | None = None) -> list[str]:
    """Every phone number in free text, in order of appearance, without repeats."""
    return [e164 for e164, _start, _end in _scan(text, default_region)]


def find_phone(text: str, default_region: str | None = None) -> tuple[str | None, str]:
    """The first phone in free text, and the text with it removed (spaces collapsed)."""
    if not isinstance(text, str):
        return None, ""
    found = _scan(text, default_region, first_only=True)
    if not found:
        return None, " ".join(text.split())
    e164, start, end = found[0]
    rest = text[:start] + " " + text[end:]
    return e164, " ".join(rest.split())


def _scan(text: str, default_region: str | None, first_only: bool = False) -> list[tuple[str, int, int]]:
    if not isinstance(text, str) or not _DIGITS.search(text):
        return []
    text = text[:_MAX_SCAN]
    region = _clean_region(default_region)
    hits: list[tuple[int, int, str]] = []
    try:
        matcher = PhoneNumberMatcher(text, region or "ZZ", leniency=phonenumbers.Leniency.POSSIBLE, max_tries=200)
        for match in matcher:
            if _acceptable(match.number):
                hits.append((match.start, match.end, _e164(match.number)))
    except Exception:  # the library is not ours; fall back to the digit scan alone
        pass
    for m in _DIGIT_RUN.finditer(text):
        # A run of digit groups none of which made a number: a digit typed just before the phone
        # ("אבי שכן 1 0521000001", "רוס1 0522000001") is no part of it; the number is read from the
        # group after it, the digit left to the name
        if any(s <= m.start() < e or s < m.end() <= e for s, e, _ in hits):
            continue
        groups = [g for g in re.finditer(r"\S+", m.group())]
        for g in groups[1:]:
            start = m.start() + g.start()
            number = _try_parse(text[start:m.end()], region) if region else None
            if number is None and text[start] == "+":
                number = _try_parse(text[start:m.end()], None)
            if number is not None:
                hits.append((start, m.end(), _e164(number)))
                break
    for m in _BARE_DIGITS.finditer(text):
        if any(s <= m.start() < e or s < m.end() <= e for s, e, _ in hits):
            continue
        digits = m.group().lstrip("+")
        if digits.startswith("00"):  # the international prefix of most countries, typed anywhere
            digits = digits[2:]
        number = _try_parse("+" + digits, None)
        if number is None and region:
            number = _try_parse(digits, region)
        if number is not None:
            hits.append((m.start(), m.end(), _e164(number)))
    hits.sort()
    out: list[tuple[str, int, int]] = []
    seen: set[str] = set()
    for start, end, e164 in hits:
        if e164 in seen:
            continue
        seen.add(e164)
        out.append((e164, start, end))
        if first_only:
            break
    return out


def _parse_e164(e164: str) -> phonenumbers.PhoneNumber | None:
    if not isinstance(e164, str) or not e164.strip():
        return None
    text = e164.strip()
    if not text.startswith("+") and text.isdigit():
        text = "+" + text
    try:
        return phonenumbers.parse(text, None)
    except Exception:
        return None


def region_of(e164: str) -> str | None:
    """The two-letter region of a number ("IL"), or None when unknown."""
    number = _parse_e164(e164)
    if number is None:
        return None
    region = phonenumbers.region_code_for_number(number)
    if not region or region == phonenumbers.UNKNOWN_REGION:
        region = phonenumbers.region_code_for_country_code(number.country_code)
    if not region or region in (phonenumbers.UNKNOWN_REGION, "001"):
        return None
    return region


def is_landline(e164: str | None) -> bool:
    """True for a number phonenumbers knows to be a fixed line (02-, 03-, 04- ... in Israel):
    WhatsApp rarely runs on one, so an invitation to it will most likely fail."""
    number = _parse_e164(e164) if e164 else None
    return number is not None and phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.FIXED_LINE


def display_phone(e164: str) -> str:
    """International format for replies ("+972 50-234-5678"); the input if unparseable."""
    number = _parse_e164(e164)
    if number is None:
        return str(e164)
    try:
        return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    except Exception:
        return str(e164)


def default_timezone_for(e164_or_region: str | None) -> str:
    """The likely IANA time zone of a number or region ("Asia/Jerusalem"); "UTC" if unknown."""
    if not e164_or_region or not isinstance(e164_or_region, str):
        return "UTC"
    value = e164_or_region.strip()
    try:
        if len(value) == 2 and value.isalpha():
            region = value.upper()
            example = phonenumbers.example_number(region)
            if example is None:
                return "UTC"
            zones = pn_timezone.time_zones_for_number(example)
            if not zones or zones[0] == "Etc/Unknown":
                zones = pn_timezone.time_zones_for_geographical_number(example)
        else:
            number = _parse_e164(value)
            if number is None:
                return "UTC"
            zones = pn_timezone.time_zones_for_number(number)
            if not zones or zones[0] == "Etc/Unknown" or len(zones) > 1:
                # Mobiles are often not geographic; the country's own zone is a fair guess.
                region = region_of(value)
                example = phonenumbers.example_number(region) if region else None
                country_zones = pn_timezone.time_zones_for_number(example) if example else ()
                if country_zones and country_zones[0] != "Etc/Unknown":
                    zones = country_zones
    except Exception:
        return "UTC"
    for zone in zones or ():
        if zone and zone != "Etc/Unknown":
            return zone
    return "UTC"


# Countries whose numbers span several time zones: a number there tells no clock by its country.
_MANY_ZONES = frozenset({1, 7, 52, 54, 55, 56, 61, 62, 64})


def zone_of_phone(e164: str | None) -> str | None:
    """The time zone a number lives in, when its country or area has just one
    ("+1 415…" → America/Los_Angeles, "+44 7700…" → Europe/London); None when it can't be
    told (a country across many zones, a number that can't be read). Unlike `default_timezone_for`,
    which guesses an event's zone from its creator, it never guesses: a wrong guess would hold
    a guest's message for a night that isn't theirs."""
    if not e164:
        return None
    number = _parse_e164(e164)
    if number is None:
        return None
    zones = [z for z in pn_timezone.time_zones_for_number(number) if z != "Etc/Unknown"]
    if not zones and number.country_code not in _MANY_ZONES:
        # a mobile says no place, but its country has one clock
        example = phonenumbers.example_number(phonenumbers.region_code_for_country_code(number.country_code))
        zones = [z for z in pn_timezone.time_zones_for_geographical_number(example) if z != "Etc/Unknown"] if example else []
    return zones[0] if len(zones) == 1 else None


# The example numbers the bot's texts are written with: phonenumbers' Israeli example mobile,
# as an Israeli types it and with its country code.
_TEXT_LOCAL, _TEXT_INTERNATIONAL = "050-234-5678", "+972 50-234-5678"


def example_numbers(own: str | None, reading: str | None) -> tuple[str, str]:
    """(a number of the organiser's own country as they would type it, the same with its
    country code): phonenumbers' example mobile of `own`. Typed without the country code only
    where numbers are read as that country's (`reading`, DEFAULT_REGION or their own)."""
    own = _clean_region(own) or "IL"
    example = phonenumbers.example_number_for_type(own, phonenumbers.PhoneNumberType.MOBILE) \
        or phonenumbers.example_number(own)
    if example is None:
        return _TEXT_LOCAL, _TEXT_INTERNATIONAL
    international = phonenumbers.format_number(example, PhoneNumberFormat.INTERNATIONAL)
    local = phonenumbers.format_number(example, PhoneNumberFormat.NATIONAL) \
        if (_clean_region(reading) or own) == own else international
    return local, international


def with_own_examples(text: str, own: str | None, reading: str | None) -> str:
    """`text` with its example numbers in the organiser's own country, as they would type them:
    a UK organiser reads "add guest Dana Levi +44 7400 123456" and "e.g. +44 7400 123456",
    never an Israeli example beside a British one. (phonenumbers' Israeli example is nobody's
    number; a guest's own number is never rewritten unless it is that one.)"""
    local, international = example_numbers(own, reading)
    if (local, international) == (_TEXT_LOCAL, _TEXT_INTERNATIONAL):
        return text
    return text.replace(_TEXT_INTERNATIONAL, international).replace(_TEXT_LOCAL, local)
