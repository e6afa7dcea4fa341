"""Phone numbers as people type them, and the dates next to them."""
from datetime import date

import pytest

from bot.text.dates import InvalidDate, format_date, parse_date
from bot.text.phones import (
    InvalidPhone,
    default_timezone_for,
    display_phone,
    find_phone,
    find_phones,
    normalize_phone,
    region_of,
)


@pytest.mark.parametrize(
    "text, region, expected",
    [
        ("050-123-4567", "IL", "+972501234567"),
        ("0501234567", "IL", "+972501234567"),
        ("050 123 4567", "IL", "+972501234567"),
        ("(050) 123.4567", "IL", "+972501234567"),
        ("+972 50-123-4567", "IL", "+972501234567"),
        ("+972501234567", None, "+972501234567"),
        ("00972501234567", None, "+972501234567"),
        ("972501234567", None, "+972501234567"),      # a WhatsApp wa_id
        ("972501234567", "US", "+972501234567"),
        ("052-345-6789", "IL", "+972523456789"),
        ("+44 7911 123456", "IL", "+447911123456"),
        ("447911123456", None, "+447911123456"),
        ("+1 (212) 555-1234", "IL", "+12125551234"),
        ("(212) 555-1234", "US", "+12125551234"),
        ("  +972 50 234 5678  ", None, "+972502345678"),
        ("\u200e+972 50 234 5678\u200f", None, "+972502345678"),
    ],
)
def test_normalize_phone_accepts_what_people_type(text, region, expected):
    assert normalize_phone(text, region) == expected


@pytest.mark.parametrize(
    "text, region",
    [
        ("0501", "IL"),
        ("12345", "IL"),
        ("", "IL"),
        ("hello", "IL"),
        ("050-ABC-4567", "IL"),
        ("0501234567", None),           # no country code and no region to guess from
        ("+972 1", None),
        ("+999 501234567", None),       # no such country code
        ("1" * 40, "IL"),
    ],
)
def test_normalize_phone_refuses_what_is_not_a_phone(text, region):
    with pytest.raises(InvalidPhone) as info:
        normalize_phone(text, region)
    assert "doesn't look like a phone number" in str(info.value)


def test_invalid_phone_message_names_the_text_and_hints_at_the_country_code():
    with pytest.raises(InvalidPhone) as info:
        normalize_phone("0501", "IL")
    assert str(info.value).startswith("That doesn't look like a phone number: 0501")
    assert "country code" in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    "text, expected, rest",
    [
        ("add guest Dana Levi 050-123-4567 side bride", "+972501234567", "add guest Dana Levi side bride"),
        ("Dana 972501234567 x", "+972501234567", "Dana x"),
        ("Dana +44 7911 123456", "+447911123456", "Dana"),
        ("call (052) 345-6789 now", "+972523456789", "call now"),
        ("party 3 note 12", None, "party 3 note 12"),
        ("  just   words  ", None, "just words"),
        ("", None, ""),
    ],
)
def test_find_phone_in_free_text(text, expected, rest):
    assert find_phone(text, "IL") == (expected, rest)


def test_find_phones_in_order_without_repeats():
    text = "a 050-123-4567, b 052-345-6789; c 050 123 4567, d 972541234599"
    assert find_phones(text, "IL") == ["+972501234567", "+972523456789", "+972541234599"]


def test_region_display_and_time_zone():
    assert region_of("+972501234567") == "IL"
    assert region_of("+12125551234") == "US"
    assert region_of("nonsense") is None
    assert display_phone("+972501234567") == "+972 50-123-4567"
    assert display_phone("garbage") == "garbage"
    assert default_timezone_for("IL") == "Asia/Jerusalem"
    assert default_timezone_for("+972501234567") == "Asia/Jerusalem"
    assert default_timezone_for("+12125551234") == "America/New_York"
    assert default_timezone_for("GB") == "Europe/London"
    assert default_timezone_for("ZZ") == "UTC"
    assert default_timezone_for("") == "UTC"
    assert default_timezone_for(None) == "UTC"


TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2027-06-12", date(2027, 6, 12)),
        ("12/6/2027", date(2027, 6, 12)),
        ("12.6.27", date(2027, 6, 12)),
        ("12-06-2027", date(2027, 6, 12)),
        ("12 June 2027", date(2027, 6, 12)),
        ("June 12 2027", date(2027, 6, 12)),
        ("June 12, 2027", date(2027, 6, 12)),
        ("12th of June", date(2027, 6, 12)),
        ("12 jun", date(2027, 6, 12)),
        ("Sat 12 Jun 2027", date(2027, 6, 12)),
        ("12/6/2027 at 19:00", date(2027, 6, 12)),
        ("12 ביוני 2027", date(2027, 6, 12)),
        ("30 nov", date(2026, 11, 30)),
        ("1 jan", date(2027, 1, 1)),         # no year: the next one
        ("24/11", date(2026, 11, 24)),       # today counts as the next occurrence
        ("29 feb", date(2028, 2, 29)),       # the next leap day
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["31/2/2027", "13/13/2027", "tomorrow", "", "32 jan", "2027-02-30", "12 foo 2027"])
def test_parse_date_refuses_impossible_dates(text):
    with pytest.raises(InvalidDate):
        parse_date(text, TODAY)


def test_invalid_date_says_what_was_wrong():
    with pytest.raises(InvalidDate, match="There is no 31 February 2027"):
        parse_date("31/2/2027", TODAY)


def test_format_date():
    assert format_date(date(2027, 6, 12)) == "Sat 12 Jun 2027"


def test_a_number_with_the_00_prefix_is_found_whatever_the_organisers_country():
    from bot.text.phones import find_phone

    assert find_phone("add guest Zed 00972525551234", "US") == ("+972525551234", "add guest Zed")
