"""Money amounts: value in units, ISO 4217 code, qualifier, span."""

from __future__ import annotations

import pytest

from .helpers import claims_of, one


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Biden announced a $425 million arms package.", "$425 million", 425e6, "USD"),
        ("The EU will lend €35 billion to Kyiv.", "€35 billion", 35e9, "EUR"),
        ("Donors pledged $12bn for the grid.", "$12bn", 12e9, "USD"),
        ("France promised €7bn in aid.", "€7bn", 7e9, "EUR"),
        ("The fund is worth 20 billion euros.", "20 billion euros", 20e9, "EUR"),
        ("The club paid £1.2m for the player.", "£1.2m", 1.2e6, "GBP"),
        ("Its debt reached US$3 trillion.", "US$3 trillion", 3e12, "USD"),
        ("A guarantee of 12 billion pounds was agreed.", "12 billion pounds", 12e9, "GBP"),
    ],
)
def test_amounts(text: str, span: str, value: float, unit: str) -> None:
    c = one(text, "money")
    assert (c.span, c.value, c.unit, c.qualifier) == (span, value, unit, "exact")


def test_range_with_shared_scale() -> None:
    c = one("The upgrade will cost $1-2 billion.", "money")
    assert (c.value, c.value_max, c.qualifier, c.unit) == (1e9, 2e9, "range", "USD")


def test_up_to_is_at_most_and_in_the_span() -> None:
    c = one("The bank may lend up to €9 billion to Ukraine.", "money")
    assert (c.span, c.value, c.qualifier) == ("up to €9 billion", 9e9, "at_most")


def test_bracketed_conversion_is_a_second_claim_about_the_same_subject() -> None:
    first, second = claims_of(
        "The EU approved a loan of up to €35 billion ($38 billion) for Ukraine.", "money"
    )
    assert (first.value, first.unit, first.qualifier) == (35e9, "EUR", "at_most")
    assert (second.span, second.value, second.unit) == ("$38 billion", 38e9, "USD")
    assert second.qualifier == "at_most"
    assert first.subject == second.subject == "EU loan"
    assert first.subject_key == "eu loan"


def test_subject_is_the_noun_the_amount_modifies() -> None:
    c = one("Biden announced a $425 million arms package for Kyiv.", "money")
    assert c.subject == "arms package"
    assert c.subject_key == "arm package"


def test_about_a_is_a_preposition_not_a_qualifier() -> None:
    c = one("He told Zelensky about a $425 million package.", "money")
    assert c.qualifier == "exact"


def test_money_is_not_also_a_count() -> None:
    kinds = [c.kind for c in claims_of("They sent $425 million weapons.", "money")]
    assert kinds == ["money"]
    assert claims_of("They sent $425 million weapons.", "count") == []


def test_cents_a_gallon_is_money_with_the_rate_in_the_subject() -> None:
    c = one("The bill raises the gasoline tax by 6 cents a gallon.", "money")
    assert (c.span, c.value, c.unit, c.subject) == (
        "6 cents a gallon", 0.06, "USD", "gasoline tax per gallon",
    )  # fmt: skip
    assert claims_of("The bill raises the gasoline tax by 6 cents a gallon.", "count") == []


def test_a_range_with_a_rate() -> None:
    c = one("The merger should save $1-2 billion a year.", "money")
    assert (c.span, c.value, c.value_max, c.unit, c.qualifier) == (
        "$1-2 billion a year", 1e9, 2e9, "USD", "range",
    )  # fmt: skip
    assert c.subject is not None and c.subject.endswith("per year")


def test_per_tonne_stays_in_the_span_and_the_subject() -> None:
    c = one("The carbon levy will be €85 per tonne of CO2 from 2027.", "money")
    assert (c.span, c.value, c.unit) == ("€85 per tonne", 85, "EUR")
    assert c.subject is not None and "per tonne" in c.subject


def test_pence_are_pounds() -> None:
    c = one("The charge rises to 50 pence next year.", "money")
    assert (c.value, c.unit) == (0.5, "GBP")


def test_subject_names_the_purpose_after_spend_on() -> None:
    c = one("The US will spend $425 million on a new arms package.", "money")
    assert c.subject == "US arms package"


def test_subject_names_the_fund_the_pledge_goes_to() -> None:
    assert one("Donors pledged €20bn to a reconstruction fund.", "money").subject == (
        "reconstruction fund"
    )


def test_subject_of_an_amount_after_worth_is_the_noun_phrase_before() -> None:
    c = one("A new US arms package worth $425 million was announced.", "money")
    assert c.subject == "US arms package"


def test_actor_acronym_joins_a_bare_noun_subject() -> None:
    assert one("The EU approved a €35 billion loan for Ukraine.", "money").subject == "EU loan"


def test_over_before_an_amount_that_modifies_a_noun_is_a_preposition() -> None:
    c = one("Investment adviser jailed for 12 years over €18m fraud", "money")
    assert (c.span, c.qualifier) == ("€18m", "exact")
    assert one("Rovers have spent over £110m on players.", "money").qualifier == "at_least"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Miners raised 4.5 bln dollars in bonds.", "4.5 bln dollars", 4.5e9),
        ("The city spent $80 mln on roads.", "$80 mln", 80e6),
    ],
)
def test_spaced_wire_abbreviations_scale_the_amount(text: str, span: str, value: float) -> None:
    c = one(text, "money")
    assert (c.span, c.value, c.unit) == (span, value, "USD")


def test_a_share_price_in_pence_is_pounds_where_the_story_speaks_of_sterling() -> None:
    c = claims_of("The £2bn bid values each share at 245p, shareholders were told.", "money")[1]
    assert (c.span, c.value, c.unit, c.qualifier) == ("245p", 2.45, "GBP", "exact")


def test_a_range_in_pence_with_a_rate() -> None:
    c = claims_of("Brokers see the £1bn group worth between 120p and 135p a share.", "money")[1]
    assert (c.span, c.value, c.value_max, c.qualifier) == (
        "between 120p and 135p a share",
        1.2,
        1.35,
        "range",
    )


def test_pence_figure_without_sterling_is_no_money() -> None:
    assert claims_of("The camera records in 1080p at night.", "money") == []


def test_a_currency_joined_by_a_hyphen() -> None:
    c = one("Lenders agreed a 3 billion-dollar credit line.", "money")
    assert (c.span, c.value, c.unit) == ("3 billion-dollar", 3e9, "USD")


def test_a_wire_conversion_note_is_no_figure() -> None:
    assert claims_of("Aid rose to 2 billion euros. ($1 = 0.9312 euros)", "money")[1:] == []


def test_a_rate_hyphened_onto_the_amount_stays_in_the_span() -> None:
    c = one("Guests pay for a £95-a-night room.", "money")
    assert (c.span, c.value, c.unit, c.subject) == ("£95-a-night", 95, "GBP", "room per night")
