"""The send planner's pure core: the shipped rate card, cost estimates, the daily limit."""
import json
from datetime import date
from decimal import Decimal

import pytest

from bot.services import planner

IL = "+972521234567"
IL2 = "+972541234567"
US = "+12025550123"
CA = "+14165550123"
DE = "+4915112345678"
KZ = "+77012345678"


@pytest.fixture(scope="module")
def card():
    return planner.load_rate_card()


def write_card(tmp_path, data):
    path = tmp_path / "card.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return str(path)


def minimal_card(**markets):
    return {
        "currency": "USD",
        "as_of": "2026-10-01",
        "source": "https://example.org/rates",
        "markets": {
            "OTHER": {"name": "Other", "regions": [], "marketing": "0.01", "utility": "0.01",
                      "authentication": "0.01"},
            **markets,
        },
    }


def test_the_shipped_card_says_where_its_prices_come_from_and_when(card):
    assert card.source.startswith("https://")
    assert isinstance(card.as_of, date)
    assert card.currency == "USD"
    assert card.in_window_charged_from == date(2026, 10, 1)
    assert card.in_window_rate == "utility"
    for key in ("IL", "NORTH_AMERICA", "GB", "DE", "FR", "RU", "AE", "SA",
                "REST_OF_MIDDLE_EAST", "IN", "BR", "OTHER"):
        market = card.markets[key]
        assert market.marketing > market.utility > 0


def test_numbers_map_to_markets_by_country(card):
    assert card.market_for(IL).key == "IL"
    assert card.market_for(US).key == "NORTH_AMERICA"
    assert card.market_for(CA).key == "NORTH_AMERICA"
    assert card.market_for("+447400123456").key == "GB"
    assert card.market_for("+441999000000").key == "GB"   # unknown range: the code's main country
    assert card.market_for("+96265551234").name == "Rest of Middle East"   # Jordan
    assert card.market_for(KZ).key == "OTHER"       # +7 but Kazakhstan, not Russia
    assert card.market_for("not a number").key == "OTHER"


def test_an_israeli_number_costs_the_israel_marketing_price(card):
    est = planner.estimate([(IL, False)], "marketing", card)
    assert est.templates == 1 and est.free_form == 0 and est.us_marketing_blocked == 0
    assert est.total == planner.to_cents(card.markets["IL"].marketing)
    (line,) = est.markets
    assert (line.market, line.templates, line.template_price) == ("IL", 1, card.markets["IL"].marketing)
    assert est.rate_card_source == card.source and est.rate_card_as_of == card.as_of


def test_many_israeli_marketing_messages_add_up_before_rounding(card):
    est = planner.estimate([(IL, False)] * 100, "marketing", card)
    assert est.total == planner.to_cents(100 * card.markets["IL"].marketing)
    assert est.total == Decimal("3.53")


def test_us_numbers_get_no_marketing_template_and_are_not_charged(card):
    est = planner.estimate([(US, False), (CA, False), (IL, False)], "marketing", card)
    assert est.us_marketing_blocked == 1
    assert est.templates == 2                       # Canada is +1 but not paused
    assert est.total == planner.to_cents(card.markets["NORTH_AMERICA"].marketing
                                         + card.markets["IL"].marketing)
    na = next(m for m in est.markets if m.market == "NORTH_AMERICA")
    assert (na.templates, na.blocked) == (1, 1)


def test_us_numbers_still_get_utility_templates(card):
    est = planner.estimate([(US, False)], "utility", card)
    assert est.us_marketing_blocked == 0 and est.templates == 1
    assert est.total == planner.to_cents(card.markets["NORTH_AMERICA"].utility)


def test_inside_the_window_costs_the_utility_rate_when_charged(card):
    recipients = [(DE, True)] * 10 + [(DE, False)] * 10
    est = planner.estimate(recipients, "marketing", card, free_form_charged=True)
    de = card.markets["DE"]
    assert (est.templates, est.free_form) == (10, 10)
    assert est.total == planner.to_cents(10 * de.marketing + 10 * de.utility)
    assert est.markets[0].free_form_price == de.utility


def test_inside_the_window_is_free_before_the_october_2026_rule(card):
    est = planner.estimate([(DE, True)] * 10, "marketing", card, free_form_charged=False)
    assert est.free_form == 10 and est.total == Decimal("0.00")
    assert planner.free_form_charged_on(card, date(2026, 9, 30)) is False
    assert planner.free_form_charged_on(card, date(2026, 10, 1)) is True


def test_a_us_number_inside_the_window_is_not_blocked(card):
    est = planner.estimate([(US, True)], "marketing", card)
    assert est.us_marketing_blocked == 0 and est.free_form == 1
    assert est.total == planner.to_cents(card.markets["NORTH_AMERICA"].utility)


def test_markets_are_listed_largest_first(card):
    est = planner.estimate([(IL, False), (IL2, True), (DE, False)], "utility", card)
    assert [m.market for m in est.markets] == ["IL", "DE"]
    assert est.recipients == 3


def test_an_unknown_category_is_refused(card):
    with pytest.raises(ValueError, match="category"):
        planner.estimate([(IL, False)], "promo", card)


def test_totals_round_half_up_to_cents(tmp_path):
    data = minimal_card(IL={"name": "Israel", "regions": ["IL"], "marketing": "0.005",
                            "utility": "0.0049", "authentication": "0.001"})
    card = planner.load_rate_card(write_card(tmp_path, data))
    assert planner.estimate([(IL, False)], "marketing", card).total == Decimal("0.01")
    assert planner.estimate([(IL, False)], "utility", card).total == Decimal("0.00")
    assert planner.estimate([(IL, False)] * 3, "utility", card).total == Decimal("0.01")  # 0.0147
    assert planner.estimate([], "marketing", card).total == Decimal("0.00")


def test_an_override_card_replaces_the_shipped_one(tmp_path):
    data = minimal_card(IL={"name": "Israel", "regions": ["IL"], "marketing": 1, "utility": "0.5",
                            "authentication": "0.5"})
    card = planner.load_rate_card(write_card(tmp_path, data))
    assert card.markets["IL"].marketing == Decimal("1")
    assert card.market_for(DE).key == "OTHER"        # not listed → Other
    assert card.in_window_charged_from == date(2026, 10, 1)   # Meta's rule by default


@pytest.mark.parametrize("change, message", [
    (lambda d: d.pop("source"), "source"),
    (lambda d: d.update(as_of="October 2026"), "as_of"),
    (lambda d: d.update(currency="dollars"), "currency"),
    (lambda d: d["markets"].update(IL=d["markets"].pop("OTHER")), "OTHER"),
    (lambda d: d["markets"]["OTHER"].update(marketing="cheap"), "marketing"),
    (lambda d: d["markets"]["OTHER"].update(utility="-0.01"), "utility"),
    (lambda d: d["markets"]["OTHER"].pop("authentication"), "authentication"),
    (lambda d: d["markets"]["OTHER"].update(regions="IL"), "regions"),
    (lambda d: d["markets"].update(A={"name": "A", "regions": ["IL"], "marketing": 1, "utility": 1,
                                      "authentication": 1},
                                   B={"name": "B", "regions": ["IL"], "marketing": 1, "utility": 1,
                                      "authentication": 1}), "IL"),
    (lambda d: d.update(rules={"in_window_rate": "service"}), "in_window_rate"),
])
def test_a_bad_override_file_is_refused_with_a_reason(tmp_path, change, message):
    data = minimal_card()
    change(data)
    path = write_card(tmp_path, data)
    with pytest.raises(ValueError, match=message) as err:
        planner.load_rate_card(path)
    assert path in str(err.value)


def test_unreadable_override_files_are_refused(tmp_path):
    with pytest.raises(ValueError, match="not valid JSON"):
        planner.load_rate_card(write_card(tmp_path, "{not json"))
    with pytest.raises(ValueError, match="cannot be read"):
        planner.load_rate_card(str(tmp_path / "missing.json"))


def test_limits_from_meta_tiers():
    assert planner.limit_from_tier("TIER_250", None) == 250
    assert planner.limit_from_tier("TIER_2K", None) == 2_000
    assert planner.limit_from_tier("TIER_10K", 500) == 10_000     # Meta's tier wins
    assert planner.limit_from_tier("TIER_100K", None) == 100_000
    assert planner.limit_from_tier("TIER_UNLIMITED", None) is None
    assert planner.limit_from_tier(None, 2_000) == 2_000          # fallback
    assert planner.limit_from_tier("TIER_NEW", 1_000) == 1_000
    assert planner.limit_from_tier(None, None) == 250              # where portfolios start
    with pytest.raises(ValueError):
        planner.limit_from_tier(None, 0)


def test_2000_at_tier_250_takes_eight_days():
    assert planner.spread(2000, planner.limit_from_tier("TIER_250", None)) == [250] * 8


def test_what_was_used_today_comes_off_the_first_day():
    assert planner.spread(400, 250, used_today=100) == [150, 250]
    assert planner.spread(100, 250, used_today=250) == [0, 100]
    assert planner.spread(100, 250, used_today=300) == [0, 100]


def test_days_other_sends_already_booked_are_filled_only_to_the_limit():
    assert planner.spread(300, 250, used_today=250, booked=[250, 100]) == [0, 0, 150, 150]
    assert planner.spread(300, 250, used_today=0, booked=[200]) == [250, 50]


def test_unlimited_or_small_sends_take_one_day():
    assert planner.spread(50_000, None) == [50_000]
    assert planner.spread(100, 250) == [100]
    assert planner.spread(0, 250) == []


def test_spread_refuses_nonsense():
    with pytest.raises(ValueError):
        planner.spread(-1, 250)
    with pytest.raises(ValueError):
        planner.spread(10, 0)
