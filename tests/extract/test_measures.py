"""Percentages, quantities with units, durations."""

from __future__ import annotations

import pytest

from .helpers import claims_of, one


def test_percent_with_time_tie() -> None:
    c = one("Inflation was 5.5% in 2023.", "percent")
    assert (c.value, c.unit, c.qualifier, c.date) == (5.5, "%", "exact", "2023")


def test_percent_word_and_qualifier() -> None:
    c = one("About 40 percent of voters backed the plan.", "percent")
    assert (c.span, c.value, c.qualifier, c.subject) == ("About 40 percent", 40, "approx", "voters")


def test_figure_for_another_time_does_not_take_its_date() -> None:
    text = "The line now supplies about 40% of imports, up from 25% in 2023."
    published = __import__("datetime").date(2024, 11, 14)
    from .helpers import claims_of

    now, before = claims_of(text, "percent", published)
    assert (now.value, now.date) == (40, "2024")
    assert (before.value, before.date) == (25, "2023")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The pipeline is 1,200 km long.", 1200, "km"),
        ("It carried 14 million tonnes of crude.", 14e6, "t"),
        ("A 450 MW solar park.", 450, "MW"),
        ("Strikes destroyed 9 GW of capacity.", 9, "GW"),
        ("The 1,200-kilometre line links two ports.", 1200, "km"),
        ("Tanks hold 2.1 million cubic metres of oil.", 2.1e6, "m3"),
        ("Russia took about 1,000 square kilometres of land.", 1000, "km2"),
        ("The park covers 1,100 hectares.", 1100, "ha"),
    ],
)
def test_quantity_units_normalised(text: str, value: float, unit: str) -> None:
    c = one(text, "quantity")
    assert (c.value, c.unit) == (value, unit)


def test_rate_stays_in_span_not_in_unit() -> None:
    c = one("It cuts emissions by about 120,000 tonnes a year.", "quantity")
    assert (c.span, c.unit, c.qualifier) == ("about 120,000 tonnes a year", "t", "approx")


def test_two_and_a_half_years() -> None:
    c = one("More than two and a half years into the war, Kyiv is losing ground.", "duration")
    assert (c.span, c.value, c.unit, c.qualifier) == (
        "More than two and a half years", 2.5, "year", "at_least",
    )  # fmt: skip


def test_eighteen_months() -> None:
    c = one("Preparations took 18 months.", "duration")
    assert (c.value, c.unit, c.qualifier) == (18, "month", "exact")


def test_a_year_and_a_half_into_the_talks() -> None:
    c = one("More than a year and a half into the talks, nothing has moved.", "duration")
    assert (c.value, c.unit, c.qualifier, c.subject) == (1.5, "year", "at_least", "talks")


def test_within_a_year_is_at_most() -> None:
    c = one("Allies pledged the aid within a year.", "duration")
    assert (c.span, c.value, c.unit, c.qualifier) == ("within a year", 1, "year", "at_most")


def test_duration_is_not_also_a_count() -> None:
    from .helpers import claims_of

    assert claims_of("Ministers held two days of talks.", "count") == []
    c = one("Ministers held two days of talks.", "duration")
    assert (c.value, c.unit) == (2, "day")


def test_a_year_as_a_rate_is_not_a_duration() -> None:
    from .helpers import claims_of

    assert claims_of("It produces 600 GWh a year.", "duration") == []


def test_speed_unit() -> None:
    c = one("The train ran at 120 km/h.", "quantity")
    assert (c.span, c.unit) == ("120 km/h", "km/h")


def test_percent_range_written_twice() -> None:
    c = one("Employers offered between 3% and 4%.", "percent")
    assert (c.span, c.value, c.value_max, c.qualifier) == ("between 3% and 4%", 3, 4, "range")


def test_spread_over_is_not_at_least() -> None:
    assert one("The plant is spread over 1,000 acres.", "quantity").qualifier == "exact"


def test_a_founding_year_is_not_the_time_of_a_figure() -> None:
    c = one("The company, founded in 1998, employs 5,000 people.", "count")
    assert (c.value, c.date) == (5000, None)


def test_an_opening_time_phrase_ties_the_figure() -> None:
    c = one("In 2023, the line carried 14 million tonnes of crude.", "quantity")
    assert (c.value, c.unit, c.date) == (14e6, "t", "2023")


def test_durations_in_decades_and_centuries_are_years() -> None:
    century = one("The lighthouse has stood for more than a century.", "duration")
    assert (century.value, century.unit, century.qualifier) == (100, "year", "at_least")
    decades = one("The orchard has been in the family for three decades.", "duration")
    assert (decades.value, decades.unit) == (30, "year")
    streak = one("Trains ran late for eleven consecutive days.", "duration")
    assert (streak.span, streak.value, streak.unit) == ("eleven consecutive days", 11, "day")
    talks = one("The deal came after a month of talks.", "duration")
    assert (talks.value, talks.unit) == (1, "month")


def test_an_offset_after_an_event_is_not_a_duration() -> None:
    assert claims_of("The dam gave way three days after the storm.", "duration") == []


def test_percentage_points_carry_the_contract_unit_and_keep_their_words() -> None:
    c = one("Turnout fell by 4.5 percentage points from the last vote.", "percent")
    assert (c.span, c.value, c.unit) == ("4.5 percentage points", 4.5, "%")
    assert one("Turnout fell to 61 percent.", "percent").unit == "%"


def test_a_share_cut_by_a_fraction_is_a_percent_claim() -> None:
    c = one("Shares in the group have fallen by a fifth since January.", "percent")
    assert (c.span, c.value, c.unit) == ("a fifth", 20, "%")


def test_one_in_five_is_a_percent_with_the_noun_as_subject() -> None:
    c = one("One in five voters is still undecided.", "percent")
    assert (c.span, c.value, c.unit, c.subject) == ("One in five", 20, "%", "voters")
    assert claims_of("One in five voters is still undecided.", "count") == []


def test_a_score_against_a_year_is_not_a_ratio() -> None:
    assert claims_of("He scored 3 in 2024 and 5 in 2025.", "percent") == []


def test_a_fraction_of_a_whole_is_a_percent_claim() -> None:
    c = one("Roughly a quarter of the city's buses are electric.", "percent")
    assert (c.span, c.value, c.unit, c.qualifier) == ("Roughly a quarter", 25, "%", "approx")
    assert claims_of("She won for a third time.", "percent") == []


@pytest.mark.parametrize(
    ("text", "kind", "span", "value", "value_max", "qualifier"),
    [
        ("Trees now grow up to 2,000 metres up.", "quantity", "up to 2,000 metres", 2000, None,
         "at_most"),
        ("The law allows no more than 50 people in a room.", "count", "no more than 50 people",
         50, None, "at_most"),
        ("Fewer than 300 families returned.", "count", "Fewer than 300 families", 300, None,
         "at_most"),
        ("At least 40 people died.", "count", "At least 40 people", 40, None, "at_least"),
        ("Nearly 2,000 people live in shelters.", "count", "Nearly 2,000 people", 2000, None,
         "approx"),
        ("Almost 9,000 patients waited.", "count", "Almost 9,000 patients", 9000, None, "approx"),
        ("Between 20 and 30 people were hurt.", "count", "Between 20 and 30 people", 20, 30,
         "range"),
        ("The deal is worth between £7bn and £8bn.", "money", "between £7bn and £8bn", 7e9, 8e9,
         "range"),
        ("It will take between two and three years.", "duration",
         "between two and three years", 2, 3, "range"),
        ("They sent between two and three thousand troops.", "count",
         "between two and three thousand troops", 2000, 3000, "range"),
    ],
)  # fmt: skip
def test_qualifiers(
    text: str, kind: str, span: str, value: float, value_max: float | None, qualifier: str
) -> None:
    c = one(text, kind)
    assert (c.span, c.value, c.value_max, c.qualifier) == (span, value, value_max, qualifier)


def test_a_schedule_is_not_a_duration() -> None:
    assert claims_of("Clinics will be open seven days a week.", "duration") == []


def test_part_of_a_named_period_is_not_a_duration() -> None:
    assert (
        claims_of("The economy grew 0.3% in the first three months of the year.", "duration") == []
    )


def test_a_quarter_of_a_percentage_point() -> None:
    c = one("The bank raised its rate by a quarter of a percentage point.", "percent")
    assert (c.span, c.value, c.unit) == ("a quarter of a percentage point", 0.25, "%")


def test_one_noun_in_every_thousand_is_a_ratio() -> None:
    c = one("One child in every thousand who catches it can suffer swelling.", "percent")
    assert (c.span, c.value, c.unit, c.subject) == (
        "One child in every thousand",
        0.1,
        "%",
        "child",
    )


@pytest.mark.parametrize(
    ("text", "kind", "spans"),
    [
        ("The budget will rise by £2.3bn to £48.6bn next year.", "money", ["£2.3bn", "£48.6bn"]),
        ("Inflation rose by 2% to 5%.", "percent", ["2%", "5%"]),
        ("Rates rose from 4% to 4.5%.", "percent", ["4%", "4.5%"]),
        ("Sales rose from 40 to 45 units.", "count", ["40", "45 units"]),
    ],
)
def test_a_change_and_a_new_level_are_two_figures_not_a_range(
    text: str, kind: str, spans: list[str]
) -> None:
    found = claims_of(text, kind)
    assert [c.span for c in found] == spans
    assert all(c.value_max is None for c in found)


def test_growing_by_a_range_stays_a_range() -> None:
    c = one("The market is growing by 9% to 11% a year.", "percent")
    assert (c.value, c.value_max, c.qualifier) == (9, 11, "range")


def test_a_fortnight_is_two_weeks() -> None:
    c = one("The strike ended after a fortnight of talks.", "duration")
    assert (c.span, c.value, c.unit) == ("a fortnight", 2, "week")


def test_one_year_is_a_duration_but_one_day_an_idiom() -> None:
    assert one("The deal runs over one year.", "duration").value == 1
    assert claims_of("One day the river will flood.", "duration") == []


def test_a_kind_of_day_between_number_and_unit() -> None:
    c = one("Dockers will stage six strike days in May.", "duration")
    assert (c.span, c.value, c.unit) == ("six strike days", 6, "day")


def test_years_on_a_weekday_are_a_duration_but_years_on_an_offset() -> None:
    c = one("Harlow won the cup for the first time in 40 years on Sunday.", "duration")
    assert (c.value, c.unit) == (40, "year")
    assert claims_of("Two years on, the town is still rebuilding.", "duration") == []


def test_earlier_than_planned_is_a_duration() -> None:
    c = one("The mine will close in 2030, five years earlier than planned.", "duration")
    assert (c.value, c.unit) == (5, "year")


def test_an_event_days_before_another_is_an_offset() -> None:
    assert claims_of("The survey, published ten days before the vote, was wrong.", "duration") == []
    c = one("He must serve at least six years before he can seek parole.", "duration")
    assert (c.value, c.qualifier) == (6, "at_least")


def test_a_maturity_naming_a_bond_is_no_duration() -> None:
    assert claims_of("The 30-year bond yield rose.", "duration") == []
    assert one("He signed a three-year contract.", "duration").value == 3


def test_a_day_after_a_figure_is_its_rate() -> None:
    text = "The field produces about 90,000 barrels a day of crude."
    assert claims_of(text, "duration") == []
    c = one(text, "quantity")
    assert (c.span, c.value, c.unit) == ("about 90,000 barrels a day", 90000, "barrels")


def test_a_duration_carries_the_time_its_clause_gives() -> None:
    assert one("The 1998 strike, in 1998, lasted 23 days.", "duration").date == "1998"


def test_short_points_are_percentage_points_where_the_paragraph_has_percentages() -> None:
    text = "Ortiz won 41.5% and Vance 38.9%, a lead of 2.6 points; they were within a point in May."
    found = claims_of(text, "percent")
    assert [(c.span, c.value) for c in found if "point" in c.span] == [
        ("2.6 points", 2.6), ("within a point", 1),
    ]  # fmt: skip
    assert claims_of("Arden have 64 points from 30 games.", "percent") == []


def test_in_a_fortnight_is_an_offset() -> None:
    assert claims_of("Ask me again in a fortnight.", "duration") == []


def test_short_points_near_polls_but_not_the_points_of_a_plan() -> None:
    c = one("Pollsters had the two candidates separated by a single point.", "percent")
    assert (c.span, c.value) == ("a single point", 1)
    assert claims_of("The plan's four points were read out to MPs.", "percent") == []


def test_a_bounded_gap_after_an_event_is_a_duration() -> None:
    c = one("The mill reopened more than four years after the flood.", "duration")
    assert (c.span, c.value, c.unit, c.qualifier) == ("more than four years", 4, "year", "at_least")


def test_a_tenure_counted_back_is_a_duration_but_a_past_moment_is_not() -> None:
    c = one("The coach, hired 20 months ago, has won the cup twice.", "duration")
    assert (c.span, c.value, c.unit, c.qualifier) == ("20 months", 20, "month", "exact")
    assert claims_of("Three weeks ago the mayor promised repairs.", "duration") == []


def test_a_deadline_set_days_after_an_event_is_a_duration() -> None:
    c = one("The offer lapses 21 days after the vote.", "duration")
    assert (c.span, c.value, c.unit, c.qualifier) == ("21 days", 21, "day", "exact")


def test_a_record_begun_a_century_ago_is_a_duration() -> None:
    c = one("The lowest level since records began more than a century ago.", "duration")
    assert (c.span, c.value, c.unit) == ("more than a century", 100, "year")
    assert c.qualifier == "at_least"


def test_bare_numbers_after_a_duration_reuse_its_unit() -> None:
    text = "They promised three weeks, perhaps four. It took seven."
    found = [(c.span, c.value, c.unit) for c in claims_of(text, "duration")]
    assert found == [("three weeks", 3, "week"), ("four", 4, "week"), ("seven", 7, "week")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("A magnitude 6.3 earthquake shook the coast.", "magnitude 6.3", 6.3),
        ("The 5.9-magnitude quake cut power to the port.", "5.9-magnitude", 5.9),
        ("The tremor measured 4.7 on the Richter scale.", "4.7 on the Richter scale", 4.7),
    ],
)
def test_an_earthquake_magnitude_is_a_quantity_not_a_count(
    text: str, span: str, value: float
) -> None:
    c = one(text, "quantity")
    assert (c.span, c.value, c.unit, c.qualifier) == (span, value, "magnitude", "exact")
    assert claims_of(text, "count") == []


def test_a_relative_date_written_right_after_a_figure_dates_it() -> None:
    c = one("Exports averaged 2.3 million barrels a day last month.", "quantity")
    assert (c.span, c.date) == ("2.3 million barrels a day", "2024-09")
    c = one("The shares closed at $41.20 yesterday.", "money")
    assert (c.span, c.date) == ("$41.20", "2024-10-17")


def test_a_bracketed_conversion_keeps_the_bound_of_the_quantity_before() -> None:
    first, second = claims_of("Gusts of up to 90 km/h (56 mph) are forecast.", "quantity")
    assert (first.span, first.qualifier) == ("up to 90 km/h", "at_most")
    assert (second.span, second.value, second.unit, second.qualifier) == (
        "56 mph",
        56,
        "mph",
        "at_most",
    )


def test_a_fraction_closing_a_clause_after_to_is_a_share() -> None:
    text = "Gas was restored to 70% of homes, and heating to about a third."
    found = claims_of(text, "percent")
    assert [(c.span, c.value, c.qualifier) for c in found] == [
        ("70%", 70, "exact"),
        ("about a third", 33.3, "approx"),
    ]
    assert claims_of("She was elected to a third term.", "percent") == []


def test_a_change_takes_the_day_of_the_level_it_reached() -> None:
    found = claims_of("The shares rose 12% to $8.40 on Wednesday.", "percent")
    assert [(c.span, c.date) for c in found] == [("12%", "2024-10-16")]


def test_a_figure_a_year_earlier_is_dated_the_year_before_the_figure_it_is_set_against() -> None:
    text = "Sales reached $8.1 billion in 2023, up from $7.4 billion a year earlier."
    found = claims_of(text, "money")
    assert [(c.span, c.date) for c in found] == [("$8.1 billion", "2023"), ("$7.4 billion", "2022")]


def test_figures_over_the_same_period_take_the_dates_of_the_sentence_before() -> None:
    text = (
        "Sales rose to $9.2bn in 2023 from $8.5bn in 2022. "
        "Net profit grew to $1.1bn from $0.9bn over the same period."
    )
    found = claims_of(text, "money")
    assert [(c.span, c.date) for c in found] == [
        ("$9.2bn", "2023"),
        ("$8.5bn", "2022"),
        ("$1.1bn", "2023"),
        ("$0.9bn", "2022"),
    ]


def test_a_figure_in_a_clause_of_consequence_takes_the_day_of_the_event() -> None:
    text = "The regulator ruled on Tuesday, sending the shares down 9% to $2.10."
    assert (one(text, "percent").span, one(text, "percent").date) == ("9%", "2024-10-15")
    assert (one(text, "money").span, one(text, "money").date) == ("$2.10", "2024-10-15")


def test_the_day_after_a_part_of_a_whole_dates_the_part() -> None:
    text = "Nearly 400 of the city's 1,100 flights were cancelled on Monday."
    found = claims_of(text, "count")
    assert [(c.span, c.date) for c in found] == [
        ("Nearly 400", "2024-10-14"),
        ("1,100 flights", "2024-10-14"),
    ]


def test_a_figure_after_a_won_on_day_clause_takes_the_day() -> None:
    text = "United won on Saturday, beating Rovers 2-0 in front of a crowd of 31,400."
    assert one(text, "count").date == "2024-10-12"


def test_a_figure_whose_verb_names_a_days_event_takes_that_day() -> None:
    c = one("About 2,500 attended Sunday's vigil in the square.", "count")
    assert (c.span, c.date) == ("About 2,500", "2024-10-13")


def test_a_figure_that_spent_a_night_takes_the_day() -> None:
    c = one("Some 3,000 people had spent Monday night in shelters.", "count")
    assert (c.span, c.date) == ("Some 3,000 people", "2024-10-14")


def test_a_figure_in_an_as_clause_shares_the_date_of_the_figure_before() -> None:
    text = "Some 3,000 people had spent Monday night in shelters, as 40 aftershocks shook the town."
    found = claims_of(text, "count")
    assert [(c.span, c.date) for c in found] == [
        ("Some 3,000 people", "2024-10-14"),
        ("40 aftershocks", "2024-10-14"),
    ]


def test_a_deadline_opening_the_sentence_dates_its_figures() -> None:
    c = one('The chief said: "By Tuesday night we had 900 volunteers."', "count")
    assert (c.span, c.date) == ("900 volunteers", "2024-10-15")


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "qualifier"),
    [
        ("Patients took a 5 mg tablet each morning.", "5 mg", 5, "mg", "exact"),
        ("The lower dose was 8mg a day.", "8mg a day", 8, "mg", "exact"),
        ("Each took a 50-milligram capsule.", "50-milligram", 50, "mg", "exact"),
        ("Drink no more than 200ml of water.", "no more than 200ml", 200, "ml", "at_most"),
    ],
)
def test_doses_in_milligrams_and_millilitres(
    text: str, span: str, value: float, unit: str, qualifier: str
) -> None:
    c = one(text, "quantity")
    assert (c.span, c.value, c.unit, c.qualifier) == (span, value, unit, qualifier)
    assert claims_of(text, "count") == []


def test_ratio_with_any_small_numerator_is_a_share() -> None:
    text = "Roughly eight in 10 nurses backed the deal."
    c = one(text, "percent")
    assert (c.span, c.value, c.qualifier) == ("Roughly eight in 10", 80, "approx")
    assert c.subject == "nurses"
    assert claims_of(text, "count") == []


def test_between_two_quantities_with_the_unit_twice_is_a_range() -> None:
    c = one("Store the vials at between 15°C and 25°C.", "quantity")
    assert (c.span, c.value, c.value_max, c.unit, c.qualifier) == (
        "between 15°C and 25°C", 15, 25, "°C", "range",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("The vote will run over a fortnight in May.", "a fortnight", 2, "week"),
        ("She was suspended for a month.", "a month", 1, "month"),
    ],
)
def test_a_unit_after_for_or_over_is_a_length(
    text: str, span: str, value: float, unit: str
) -> None:
    c = one(text, "duration")
    assert (c.span, c.value, c.unit, c.qualifier) == (span, value, unit, "exact")


def test_a_unit_naming_a_thing_after_for_is_no_length() -> None:
    assert claims_of("Entry costs £8 for a day ticket.", "duration") == []
    assert claims_of("He owes £700 for a month's rent.", "duration") == []


def test_a_figure_added_or_wiped_by_a_dated_move_takes_its_day() -> None:
    text = "The shares fell 8% on Tuesday, wiping about $4bn off the company's value."
    c = one(text, "money")
    assert (c.span, c.value, c.qualifier, c.date) == ("about $4bn", 4e9, "approx", "2024-10-15")


def test_a_running_total_takes_its_deadline_day() -> None:
    text = "The insurer had paid out €3.1m to 260 farmers by March 4, officials said."
    assert [(c.span, c.date) for c in claims_of(text, "money") + claims_of(text, "count")] == [
        ("€3.1m", "2024-03-04"), ("260 farmers", "2024-03-04"),
    ]  # fmt: skip


def test_a_total_so_far_takes_the_day_it_was_given() -> None:
    text = "The charity said on Monday that it had so far raised £80,000 from 900 donors."
    assert [(c.span, c.date) for c in claims_of(text, "money") + claims_of(text, "count")] == [
        ("£80,000", "2024-10-14"), ("900 donors", "2024-10-14"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wait at least 30 minutes after a dose.", [("at least 30 minutes", 0.5, "at_least")]),
        ("The reply came in less than a minute.", [("less than a minute", 1 / 60, "at_most")]),
        ("She scored after 12 minutes.", []),
    ],
)
def test_minutes_are_a_duration_only_with_a_bound(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    found = claims_of(text, "duration")
    assert [(c.span, c.value, c.qualifier) for c in found] == expected
    assert all(c.unit == "hour" for c in found)  # the contract's units stop at the hour


def test_an_aside_saying_when_the_source_came_out_dates_its_figures() -> None:
    text = "The latest survey, released in March, found 42% of nurses planned to leave."
    c = one(text, "percent")
    assert (c.span, c.value, c.date) == ("42%", 42, "2024-03")


def test_a_days_event_in_the_subject_dates_the_level_reached() -> None:
    text = "Queues at Tuesday's evening rush reached 4 km, police said."
    c = one(text, "quantity")
    assert (c.span, c.value, c.unit, c.date) == ("4 km", 4, "km", "2024-10-15")


def test_a_clock_time_without_a_day_is_the_day_of_publication() -> None:
    text = "By 9am, the coastguard said 212 people had been rescued."
    c = one(text, "count")
    assert (c.span, c.value, c.date) == ("212 people", 212, "2024-10-18")


def test_a_deadline_of_a_clock_time_on_a_day_dates_the_total() -> None:
    c = one("By noon on Tuesday, 300 people had left the town.", "count")
    assert (c.span, c.date) == ("300 people", "2024-10-15")


def test_per_cent_written_pc_onto_the_digits() -> None:
    c = one("Council tax will rise 4.99pc in April.", "percent")
    assert (c.span, c.value, c.unit) == ("4.99pc", 4.99, "%")
    assert claims_of("The office bought 30 PCs.", "percent") == []


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("The crossing takes 90 minutes.", "90 minutes", 1.5, "hour"),
        ("She served a two-and-a-half-year term.", "two-and-a-half-year", 2.5, "year"),
        ("The hearing lasted three-and-a-half hours.", "three-and-a-half hours", 3.5, "hour"),
    ],
)
def test_measured_minutes_and_hyphened_halves(
    text: str, span: str, value: float, unit: str
) -> None:
    c = one(text, "duration")
    assert (c.span, c.value, c.unit) == (span, value, unit)
