"""Numeric forms of wire copy beyond the fixtures: ranges, scales, fractions, units, bounds."""

from __future__ import annotations

import pytest

from .helpers import claims_of, one


def test_two_neighbouring_guesses_joined_by_or_are_a_range() -> None:
    c = one("Repairs to the bridge will take five or six weeks.", "duration")
    assert (c.span, c.value, c.value_max, c.qualifier) == ("five or six weeks", 5, 6, "range")
    c = one("Two or three ferries were held in port.", "count")
    assert (c.value, c.value_max, c.unit, c.qualifier) == (2, 3, "ferries", "range")


def test_figures_far_apart_joined_by_or_are_not_a_range() -> None:
    found = claims_of("Estimates put the crowd at 500 or 5,000 people.", "count")
    assert all(c.value_max is None for c in found)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The state set aside Rs 450 crore for flood relief.", "Rs 450 crore", 4.5e9),
        ("Each family will receive ₹2 lakh in compensation.", "₹2 lakh", 2e5),
        ("The lender wrote off Rs. 12,000 per borrower.", "Rs. 12,000 per borrower", 12000),
    ],
)
def test_rupees_with_south_asian_scales(text: str, span: str, value: float) -> None:
    c = one(text, "money")
    assert (c.span, c.value, c.unit) == (span, value, "INR")


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        ("Damages could run to $4m if the appeal fails.", "$4m", "at_most"),
        ("Bonuses are capped at €90,000 a year.", "€90,000 a year", "at_most"),
        ("The settlement came closer to £7.5m in the end.", "closer to £7.5m", "approx"),
        ("The ash cloud settled within 40 km of the crater.", "within 40 km", "at_most"),
        ("A pilot there earns maybe $95,000.", "maybe $95,000", "approx"),
        ("The repairs cost perhaps €2m in all.", "perhaps €2m", "approx"),
    ],
)
def test_bound_words(text: str, span: str, qualifier: str) -> None:
    c = claims_of(text, "money") or claims_of(text, "quantity")
    assert [(x.span, x.qualifier) for x in c] == [(span, qualifier)]


def test_prices_that_rose_to_a_level_are_exact() -> None:
    assert one("Ticket prices rose to £65 this season.", "money").qualifier == "exact"


def test_one_and_a_half_counts_a_noun() -> None:
    c = one("One and a half brigades were moved to the coast.", "count")
    assert (c.value, c.unit) == (1.5, "brigades")


def test_an_n_member_body_after_the_is_still_a_count() -> None:
    c = one("The five-member jury retired on Tuesday.", "count")
    assert (c.span, c.value, c.unit) == ("five-member", 5, "members")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The company runs 9 offshore wind farms.", "wind farms"),
        ("The team lost 11 cup matches in a row.", "cup matches"),
        ("Engineers inspected 40 nuclear plants.", "nuclear plants"),
        ("The city opened six new recycling centres.", "recycling centres"),
        ("He scored in 21 games.", "games"),
    ],
)
def test_light_heads_keep_the_noun_that_names_them(text: str, unit: str) -> None:
    assert one(text, "count").unit == unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Ozone peaked at 180 micrograms per cubic metre downtown.", 180, "µg/m3"),
        ("The limit is 25 µg/m³ over a day.", 25, "µg/m3"),
        ("Thermometers showed 47 degrees in the shade.", 47, "°C"),
        ("It felt like 104 degrees Fahrenheit.", 104, "°F"),
        ("Temperatures reached 41C in Cordoba.", 41, "°C"),
        ("Overnight the temperature dropped to minus 18 degrees.", -18, "°C"),
        ("Gusts of 130 kilometres an hour felled trees.", 130, "km/h"),
        ("The ferry sails at 22 knots.", 22, "kn"),
        ("The summit stands 8,849 metres high.", 8849, "m"),
        ("The tower is 1,083 feet tall.", 1083, "ft"),
        ("The depot covers 45,000 square metres.", 45000, "m2"),
        ("Carbon dioxide hit 424 parts per million.", 424, "ppm"),
        ("Tankers carry 2 million barrels a day.", 2e6, "barrels"),
        ("The loft has 1,200 sq ft of floor.", 1200, "ft2"),
        ("Mills emitted 3 megatonnes of carbon.", 3, "Mt"),
        ("Traffic noise reached 78 decibels.", 78, "dB"),
        ("His blood pressure was 150 mmHg.", 150, "mmHg"),
        ("Homes get 30 Mbps broadband.", 30, "Mbps"),
        ("Each bar has 12 g of sugar.", 12, "g"),
    ],
)
def test_quantity_units_of_wire_copy(text: str, value: float, unit: str) -> None:
    c = one(text, "quantity")
    assert (c.value, c.unit) == (value, unit)


def test_degrees_of_a_turn_are_an_angle() -> None:
    assert one("The ship turned 90 degrees to port.", "quantity").unit == "°"


def test_a_letter_after_digits_is_no_temperature_without_heat_in_the_sentence() -> None:
    assert claims_of("Flight 12C left from gate B.", "quantity") == []


def test_an_altitude_band_where_something_lies_is_exact() -> None:
    assert one("Most snow fell above 1,500 metres.", "quantity").qualifier == "exact"
    assert one("The snow line climbed above 3,100 metres.", "quantity").qualifier == "at_least"


@pytest.mark.parametrize(
    ("text", "span", "value", "qualifier"),
    [
        ("Almost half of the island's water is imported.", "Almost half", 50, "approx"),
        ("More than half the staff signed the letter.", "More than half", 50, "at_least"),
        ("About two thirds of the loans were repaid.", "About two thirds", 66.7, "approx"),
        ("Three-quarters of households own a car.", "Three-quarters", 75, "exact"),
        ("Exports could grow by up to a third.", "up to a third", 33.3, "at_most"),
        ("Nearly a tenth of the forest burned.", "Nearly a tenth", 10, "approx"),
    ],
)
def test_a_fraction_of_a_whole_is_a_share(
    text: str, span: str, value: float, qualifier: str
) -> None:
    c = one(text, "percent")
    assert (c.span, c.value, c.unit, c.qualifier) == (span, value, "%", qualifier)
    assert claims_of(text, "count") == []


@pytest.mark.parametrize(
    "text",
    [
        "Sales slowed in the first half of 2025.",
        "She was elected for a third term.",
        "The drive took a quarter of an hour.",
        "Talks lasted a year and a half of evenings.",
        "He spent half an hour on the phone.",
    ],
)
def test_fraction_words_that_are_no_share(text: str) -> None:
    assert claims_of(text, "percent") == []


def test_part_of_a_scale_word_multiplies_it() -> None:
    assert one("Half a million visitors came.", "count").value == 5e5
    assert one("About a quarter of a million homes lost power.", "count").value == 2.5e5


def test_points_then_a_level_are_two_figures() -> None:
    found = claims_of("Support rose 4 percentage points to 38 per cent.", "percent")
    assert [(c.span, c.value, c.value_max) for c in found] == [
        ("4 percentage points", 4, None), ("38 per cent", 38, None),
    ]  # fmt: skip
    found = claims_of("Unemployment fell 1.5% to 6%.", "percent")
    assert [(c.value, c.value_max) for c in found] == [(1.5, None), (6, None)]


def test_a_range_with_the_sign_on_both_ends_and_a_dash() -> None:
    c = one("Analysts expect growth of 1.5%-2% next year.", "percent")
    assert (c.span, c.value, c.value_max, c.qualifier) == ("1.5%-2%", 1.5, 2, "range")


def test_basis_points_are_hundredths_of_a_point() -> None:
    c = one("The central bank raised rates by 50 basis points.", "percent")
    assert (c.span, c.value, c.unit) == ("50 basis points", 0.5, "%")


def test_two_amounts_joined_by_and_are_two_claims() -> None:
    found = claims_of("Bids of $12m and $14.5m were turned down.", "money")
    assert [(c.span, c.value, c.value_max, c.qualifier) for c in found] == [
        ("$12m", 12e6, None, "exact"), ("$14.5m", 14.5e6, None, "exact"),
    ]  # fmt: skip


def test_a_figure_set_against_a_count_with_a_qualifier_takes_its_noun() -> None:
    text = "The shelter housed 430 families in May, against about 200 a year earlier."
    found = claims_of(text, "count")
    assert [(c.span, c.unit, c.qualifier) for c in found] == [
        ("430 families", "families", "exact"), ("about 200", "families", "approx"),
    ]  # fmt: skip


def test_another_n_counts_the_noun_before() -> None:
    found = claims_of("She scored 12 goals and set up another five for teammates.", "count")
    assert [(c.span, c.value, c.unit) for c in found] == [
        ("12 goals", 12, "goals"), ("five", 5, "goals"),
    ]  # fmt: skip


def test_the_last_n_weeks_is_a_stretch_of_time() -> None:
    found = claims_of('"We paid for the last six weeks, not the last four years."', "duration")
    assert [(c.span, c.value, c.unit) for c in found] == [
        ("six weeks", 6, "week"), ("four years", 4, "year"),
    ]  # fmt: skip
    assert claims_of("Sales fell in the first six months of the year.", "duration") == []


def test_a_delay_later_than_planned_is_a_duration() -> None:
    c = one("The plant will open nine months later than planned.", "duration")
    assert (c.value, c.unit) == (9, "month")
    assert claims_of("Nine months later, the plant opened.", "duration") == []


def test_a_year_earlier_is_no_rate() -> None:
    found = claims_of("Sales reached $3.1bn, up from $2.7bn a year earlier.", "money")
    assert [c.span for c in found] == ["$3.1bn", "$2.7bn"]
    assert one("Output hit 40,000 tonnes a month before the strike.", "quantity").span == (
        "40,000 tonnes"
    )


def test_a_qualifier_inside_a_bracket_or_touching_the_figure() -> None:
    c = one("Turnout was low (about 41%).", "percent")
    assert (c.span, c.qualifier) == ("about 41%", "approx")
    assert one("Costs rose to ~€2m.", "money").qualifier == "approx"


def test_scaled_values_carry_no_float_crumbs() -> None:
    assert one("Sales were $4.1bn.", "money").value == 4_100_000_000
    c = one("The bid was worth $1.1-1.3 billion.", "money")
    assert (c.value, c.value_max) == (1_100_000_000, 1_300_000_000)
    assert one("It had 3.3 million users.", "count").value == 3_300_000


def test_a_reporting_noun_names_the_figure() -> None:
    text = "Profit was $2.2bn, against analysts' estimates of $2.0bn."
    assert [c.subject for c in claims_of(text, "money")] == ["Profit", "analysts' estimates"]


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("A 5,000-strong crowd marched.", "5,000-strong", "people"),
        ("They built a 250-bed hospital.", "250-bed", "beds"),
    ],
)
def test_hyphened_sizes_count_what_they_measure(text: str, span: str, unit: str) -> None:
    c = one(text, "count")
    assert (c.span, c.unit) == (span, unit)
