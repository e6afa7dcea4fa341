"""The send planner's pure core: what a bulk send will cost and how many days it takes.

Nothing here reads the database, the network or the clock; the caller passes the
recipients, the rate card, the date and the number's messaging limit.

Pricing (Meta, since 1 July 2025): every *delivered* template message is charged by its
category (marketing, utility, authentication) and by the market of the recipient's country
calling code. Inside the 24-hour customer service window the bot sends a free-form message
instead of a template; those were free until 30 September 2026, and from 1 October 2026
free-form replies and utility templates inside the window are charged at the market's
utility rate (the card's `rules.in_window_charged_from` / `rules.in_window_rate`).
Since April 2025 Meta does not deliver marketing templates to US numbers (+1 with a US
area code): they are counted apart and cost nothing.

The rate card is data (`bot/data/rate_card.json`, with its source and date); an operator
can point `load_rate_card` at their own file of the same shape.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Mapping, Sequence

import phonenumbers

CATEGORIES = ("marketing", "utility", "authentication")
OTHER = "OTHER"
CENT = Decimal("0.01")
DEFAULT_RATE_CARD = Path(__file__).resolve().parent.parent / "data" / "rate_card.json"

# Meta's rule, used when a card does not state its own: from this day messages inside the
# 24-hour window (free-form replies, utility templates) are charged at the utility rate.
IN_WINDOW_CHARGED_FROM = date(2026, 10, 1)
IN_WINDOW_RATE = "utility"

# Meta's messaging limit tiers (Graph API phone number field
# `whatsapp_business_manager_messaging_limit`, formerly `messaging_limit_tier`; the
# `current_limit` of the phone_number_quality_update webhook). None = unlimited.
TIER_LIMITS: Mapping[str, int | None] = {
    "TIER_50": 50,
    "TIER_250": 250,
    "TIER_1K": 1_000,
    "TIER_2K": 2_000,
    "TIER_10K": 10_000,
    "TIER_100K": 100_000,
    "TIER_UNLIMITED": None,
    "UNLIMITED": None,
}
STARTING_LIMIT = 250  # every new business portfolio starts here


@dataclass(frozen=True)
class Market:
    key: str
    name: str
    regions: tuple[str, ...]
    marketing: Decimal
    utility: Decimal
    authentication: Decimal

    def price(self, category: str) -> Decimal:
        return getattr(self, category)


@dataclass(frozen=True)
class RateCard:
    currency: str
    as_of: date
    source: str
    note: str
    markets: Mapping[str, Market]
    in_window_charged_from: date | None = IN_WINDOW_CHARGED_FROM
    in_window_rate: str = IN_WINDOW_RATE
    by_region: Mapping[str, str] = field(default_factory=dict, repr=False)

    def market_for(self, phone_e164: str) -> Market:
        """The market of a number's country (Meta prices by the recipient's calling code);
        a country the card does not list, or a number that cannot be read, is Other."""
        key = self.by_region.get(region_of(phone_e164) or "", OTHER)
        return self.markets[key]


@dataclass(frozen=True)
class MarketEstimate:
    market: str               # the card's market key, e.g. "IL", "NORTH_AMERICA", "OTHER"
    name: str
    templates: int            # outside the window: one paid template of the category each
    free_form: int            # inside the window: one free-form message each
    blocked: int              # US numbers that cannot get a marketing template
    template_price: Decimal   # per message
    free_form_price: Decimal  # per message (0 while free-form is free)
    cost: Decimal             # this market's share, rounded to cents


@dataclass(frozen=True)
class Estimate:
    """What a bulk send will cost. `templates` is also the number of recipients that count
    toward the daily messaging limit (only messages outside the window count)."""
    category: str
    currency: str
    recipients: int
    templates: int
    free_form: int
    us_marketing_blocked: int
    free_form_charged: bool
    total: Decimal            # sum of the unrounded market costs, rounded to cents
    markets: tuple[MarketEstimate, ...]
    rate_card_as_of: date
    rate_card_source: str


def load_rate_card(path: str | None = None) -> RateCard:
    """The shipped rate card, or the operator's own JSON file of the same shape.
    Raises ValueError saying what is wrong with the file."""
    where = Path(path) if path else DEFAULT_RATE_CARD
    try:
        raw = json.loads(where.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"rate card {where}: cannot be read ({exc.strerror or exc})") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"rate card {where}: not valid JSON ({exc.msg}, line {exc.lineno})") from exc
    try:
        return _parse_card(raw)
    except ValueError as exc:
        raise ValueError(f"rate card {where}: {exc}") from None


def free_form_charged_on(card: RateCard, day: date) -> bool:
    """Whether messages inside the 24-hour window are charged on `day` (the caller's date)."""
    return card.in_window_charged_from is not None and day >= card.in_window_charged_from


def estimate(
    recipients: list[tuple[str, bool]],
    category: str,
    card: RateCard,
    *,
    free_form_charged: bool = True,
) -> Estimate:
    """Price one message to each (phone in E.164, inside the 24-hour window?) recipient.

    Outside the window the message is a template of `category`; inside it, a free-form
    message, charged at the market's utility rate when `free_form_charged`. US numbers
    outside the window get no marketing template (Meta's pause), so they are counted in
    `us_marketing_blocked` and not charged.
    """
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}; expected one of {', '.join(CATEGORIES)}")
    counts: dict[str, list[int]] = {}  # market key -> [templates, free_form, blocked]
    for phone, in_window in recipients:
        market = card.market_for(phone)
        row = counts.setdefault(market.key, [0, 0, 0])
        if in_window:
            row[1] += 1
        elif category == "marketing" and region_of(phone) == "US":
            row[2] += 1
        else:
            row[0] += 1

    lines, total = [], Decimal(0)
    for key, (templates, free_form, blocked) in counts.items():
        market = card.markets[key]
        template_price = market.price(category)
        free_form_price = market.price(card.in_window_rate) if free_form_charged else Decimal(0)
        cost = templates * template_price + free_form * free_form_price
        total += cost
        lines.append(MarketEstimate(
            market=key, name=market.name, templates=templates, free_form=free_form,
            blocked=blocked, template_price=template_price, free_form_price=free_form_price,
            cost=to_cents(cost),
        ))
    lines.sort(key=lambda m: (-(m.templates + m.free_form + m.blocked), m.market))
    return Estimate(
        category=category,
        currency=card.currency,
        recipients=len(recipients),
        templates=sum(m.templates for m in lines),
        free_form=sum(m.free_form for m in lines),
        us_marketing_blocked=sum(m.blocked for m in lines),
        free_form_charged=free_form_charged,
        total=to_cents(total),
        markets=tuple(lines),
        rate_card_as_of=card.as_of,
        rate_card_source=card.source,
    )


def limit_from_tier(tier: str | None, configured: int | None) -> int | None:
    """The daily limit of new recipients: the tier Meta reports (TIER_250, TIER_2K, TIER_10K,
    TIER_100K, TIER_UNLIMITED, and the older TIER_50 / TIER_1K) wins; `configured` is the
    fallback when the tier is missing or unknown; with neither, 250, where every new
    business portfolio starts. None means unlimited.

    Meta counts unique recipients of messages delivered outside the customer service
    window in a rolling 24 hours (not a calendar day), shared by every number of the
    business portfolio."""
    if configured is not None and configured <= 0:
        raise ValueError(f"configured messaging limit must be positive, not {configured}")
    key = (tier or "").strip().upper()
    if key in TIER_LIMITS:
        return TIER_LIMITS[key]
    return configured if configured is not None else STARTING_LIMIT


def spread(new_recipients: int, limit: int | None, used_today: int = 0, booked: Sequence[int] = ()) -> list[int]:
    """How many new recipients go out on each day: day 0 gets what is left of the limit
    (limit - used_today, possibly 0), each following day the full limit, the last day the
    rest. E.g. 2000 at 250 -> [250] * 8. Unlimited (None) -> one day.

    A "day" is a rolling 24 hours from the send, the window in which Meta counts unique
    recipients outside the customer service window; the first day's figure is only as good
    as `used_today`, the unique recipients already reached in the last 24 hours. `booked[d]`
    is what earlier sends already put on day d + 1 (a 2,000-guest invite still going out):
    this send fills what they leave, so two spread sends never exceed the limit together."""
    if new_recipients < 0 or used_today < 0:
        raise ValueError("new_recipients and used_today cannot be negative")
    if limit is not None and limit <= 0:
        raise ValueError(f"messaging limit must be positive, not {limit}")
    if new_recipients == 0:
        return []
    if limit is None:
        return [new_recipients]
    days = [min(new_recipients, max(limit - used_today, 0))]
    left = new_recipients - days[0]
    while left > 0:
        taken = booked[len(days) - 1] if len(days) - 1 < len(booked) else 0
        days.append(min(left, max(limit - taken, 0)))
        left -= days[-1]
    return days


def region_of(phone_e164: str) -> str | None:
    """ISO region of a number ("IL", "US", "CA"...), None if it cannot be read. A number
    outside every known range of its calling code gets that code's main region (+44 → GB)."""
    try:
        number = phonenumbers.parse(phone_e164, None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    if region is None:
        region = phonenumbers.region_code_for_country_code(number.country_code)
    return None if region in (None, phonenumbers.UNKNOWN_REGION) else region


def to_cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def _parse_card(raw: object) -> RateCard:
    if not isinstance(raw, dict):
        raise ValueError("the top level must be a JSON object")
    currency = raw.get("currency")
    if not (isinstance(currency, str) and len(currency) == 3 and currency.isalpha()):
        raise ValueError(f"'currency' must be a three-letter code such as USD, not {currency!r}")
    as_of = _date(raw.get("as_of"), "as_of")
    source = raw.get("source")
    if not (isinstance(source, str) and source.startswith(("http://", "https://"))):
        raise ValueError(f"'source' must be the URL the prices come from, not {source!r}")
    note = raw.get("note", "")
    if not isinstance(note, str):
        raise ValueError("'note' must be text")

    rules = raw.get("rules", {})
    if not isinstance(rules, dict):
        raise ValueError("'rules' must be an object")
    charged_from = rules.get("in_window_charged_from", IN_WINDOW_CHARGED_FROM.isoformat())
    charged_from = None if charged_from is None else _date(charged_from, "rules.in_window_charged_from")
    in_window_rate = rules.get("in_window_rate", IN_WINDOW_RATE)
    if in_window_rate not in CATEGORIES:
        raise ValueError(f"'rules.in_window_rate' must be one of {', '.join(CATEGORIES)}, not {in_window_rate!r}")

    entries = raw.get("markets")
    if not isinstance(entries, dict) or not entries:
        raise ValueError("'markets' must be a non-empty object of market key -> prices")
    if OTHER not in entries:
        raise ValueError(f"'markets' must include {OTHER!r}, the price for countries not listed")
    markets, by_region = {}, {}
    for key, entry in entries.items():
        market = _market(key, entry)
        for region in market.regions:
            if region in by_region:
                raise ValueError(f"region {region} is in both {by_region[region]!r} and {key!r}")
            by_region[region] = key
        markets[key] = market
    return RateCard(
        currency=currency.upper(), as_of=as_of, source=source, note=note, markets=markets,
        in_window_charged_from=charged_from, in_window_rate=in_window_rate, by_region=by_region,
    )


def _market(key: str, entry: object) -> Market:
    if not isinstance(entry, dict):
        raise ValueError(f"market {key!r} must be an object")
    name = entry.get("name")
    if not (isinstance(name, str) and name.strip()):
        raise ValueError(f"market {key!r} needs a 'name'")
    regions = entry.get("regions", [])
    if not isinstance(regions, list) or not all(
        isinstance(r, str) and len(r) == 2 and r.isalpha() and r.isupper() for r in regions
    ):
        raise ValueError(f"market {key!r}: 'regions' must be a list of two-letter country codes such as \"IL\"")
    prices = {category: _price(key, category, entry.get(category)) for category in CATEGORIES}
    return Market(key=key, name=name.strip(), regions=tuple(regions), **prices)


def _price(key: str, category: str, value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"market {key!r}: '{category}' price is missing or not a number")
    try:
        price = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"market {key!r}: '{category}' price {value!r} is not a number") from None
    if not price.is_finite() or price < 0:
        raise ValueError(f"market {key!r}: '{category}' price must be zero or more, not {value!r}")
    return price


def _date(value: object, name: str) -> date:
    try:
        return date.fromisoformat(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"'{name}' must be a date as YYYY-MM-DD, not {value!r}") from None
