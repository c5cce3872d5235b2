"""Counts whose noun comes from the sentence or paragraph, classifier nouns, holders."""

from __future__ import annotations

import pytest

from .helpers import claims_of, one


def test_gapped_list_items_count_the_noun_of_the_first() -> None:
    found = claims_of("The Greens won 38 seats, the Liberals 12 and the Pirates four.", "count")
    assert [(c.span, c.value, c.unit, c.subject) for c in found] == [
        ("38 seats", 38, "seats", "Greens seats"), ("12", 12, "seats", "Liberals seats"),
        ("four", 4, "seats", "Pirates seats"),
    ]  # fmt: skip


def test_a_holder_with_a_bare_number_after_a_count_in_the_paragraph() -> None:
    text = "Arden United have 64 points. Wexley have 58, and Tolby are on 55."
    found = claims_of(text, "count")
    assert [(c.value, c.unit, c.subject) for c in found] == [
        (64, "points", "Arden United points"), (58, "points", "Wexley points"),
        (55, "points", "Tolby points"),
    ]  # fmt: skip


def test_a_comparison_after_a_bare_number_counts_the_noun_before() -> None:
    text = "The coalition holds 96 seats, four short of a majority."
    assert [(c.value, c.unit) for c in claims_of(text, "count")] == [(96, "seats"), (4, "seats")]
    text = "The club has 70 points from 30 games, nine more than its rival."
    found = claims_of(text, "count")
    assert [(c.value, c.unit) for c in found] == [(70, "points"), (30, "games"), (9, "points")]


def test_a_pronoun_holder_continues_the_count_before() -> None:
    text = "The mill employed 4,200 workers in 1990; it has about 900 today."
    assert [(c.value, c.unit) for c in claims_of(text, "count")] == [
        (4200, "workers"), (900, "workers"),
    ]  # fmt: skip


def test_a_gapped_list_needs_the_list_shape() -> None:
    text = "The plant employs 600 people and meets ISO 9001 and ISO 45001."
    assert [c.value for c in claims_of(text, "count")] == [600]


def test_part_of_a_whole_named_by_a_possessive_name() -> None:
    text = "About 700 of Railco's 1,150 weekday trains were cancelled."
    found = claims_of(text, "count")
    assert [(c.span, c.unit) for c in found] == [
        ("About 700", "trains"),
        ("1,150 weekday trains", "trains"),
    ]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("She has scored nine league goals.", "league goals"),
        ("The authority hired 40 replacement buses.", "replacement buses"),
        ("The network carried 61 million passenger journeys.", "passenger journeys"),
        ("The bloc has 21 member countries.", "member countries"),
        ("Russia holds 5,580 nuclear warheads.", "warheads"),
        ("The lab employs 800 research staff.", "staff"),
    ],
)
def test_classifier_nouns_stay_in_the_unit_and_other_modifiers_go(text: str, unit: str) -> None:
    assert one(text, "count").unit == unit


def test_one_with_a_bound_is_a_count_in_the_plural() -> None:
    c = one("The recount could change at most one seat.", "count")
    assert (c.span, c.value, c.unit, c.qualifier) == ("at most one seat", 1, "seats", "at_most")
    assert claims_of("One official said the talks would resume.", "count") == []


def test_over_a_stretch_of_seasons_is_exact() -> None:
    c = one("The deal is worth £90m over four seasons.", "count")
    assert (c.span, c.value, c.qualifier) == ("four seasons", 4, "exact")
    assert one("Over 200 people attended.", "count").qualifier == "at_least"


def test_a_time_of_day_naming_a_service_is_no_count() -> None:
    assert claims_of("Commuters waited for the 8.05 train in the rain.", "count") == []


def test_crowds_and_attendances_are_people() -> None:
    text = "Average attendance rose to 21,400 this season from 19,800 the season before."
    found = claims_of(text, "count")
    assert [(c.value, c.unit) for c in found] == [(21400, "people"), (19800, "people")]
    assert one("In all, 12,500 watched the final.", "count").unit == "people"


def test_a_record_and_a_number_needed_take_the_noun_before() -> None:
    text = "She has 18 wins, two clear of the record of 20 set by Ruiz."
    assert [(c.value, c.unit) for c in claims_of(text, "count")] == [
        (18, "wins"), (2, "wins"), (20, "wins"),
    ]  # fmt: skip
    text = "The bloc holds 140 seats, short of the 151 needed for a majority."
    assert [(c.value, c.unit) for c in claims_of(text, "count")] == [(140, "seats"), (151, "seats")]


def test_a_figure_after_another_of_an_earlier_season_counts_the_same_noun() -> None:
    text = "He has 17 league goals this season, after 11 the season before."
    assert [(c.value, c.unit) for c in claims_of(text, "count")] == [
        (17, "league goals"), (11, "league goals"),
    ]  # fmt: skip


def test_the_holder_count_skips_a_count_in_a_prepositional_phrase() -> None:
    text = (
        "The Blue Party has won 80 seats, with all 1,204 polling stations counted. The Reds have"
        " 61, and the Greens 9."
    )
    found = claims_of(text, "count")
    assert [(c.value, c.unit) for c in found][2:] == [(61, "seats"), (9, "seats")]


def test_a_death_toll_counts_people() -> None:
    c = one("The death toll from the floods rose to 342 on Sunday.", "count")
    assert (c.span, c.value, c.unit, c.qualifier) == ("342", 342, "people", "exact")


def test_a_toll_that_tops_a_figure_is_at_least_that() -> None:
    c = one("Landslide toll tops 150 as rain continues", "count")
    assert (c.span, c.value, c.unit, c.qualifier) == ("150", 150, "people", "at_least")


def test_a_bare_number_after_a_verb_of_harm_counts_people() -> None:
    found = claims_of("The blast killed 12 workers and injured about 40, police said.", "count")
    assert [(c.span, c.value, c.unit, c.qualifier) for c in found] == [
        ("12 workers", 12, "workers", "exact"),
        ("about 40", 40, "people", "approx"),
    ]


def test_the_level_before_a_change_counts_the_noun_after() -> None:
    found = claims_of("The fleet will grow from 120 to 150 buses next year.", "count")
    assert [(c.span, c.value, c.unit) for c in found] == [
        ("120", 120, "buses"),
        ("150 buses", 150, "buses"),
    ]


def test_a_group_named_before_counts_the_numbers_after_it() -> None:
    text = "Of the injured, 210 were children and 35 in intensive care, including 12 at one clinic."
    found = claims_of(text, "count")
    assert [(c.span, c.value, c.unit) for c in found] == [
        ("210", 210, "people"),
        ("35", 35, "people"),
        ("12", 12, "people"),
    ]
    c = one("Of the ferries, four were still in port on Monday.", "count")
    assert (c.span, c.value, c.unit) == ("four", 4, "ferries")


def test_a_second_tally_in_words_counts_the_noun_of_the_first() -> None:
    found = claims_of("The motion passed by 301 votes to seven.", "count")
    assert [(c.span, c.value, c.unit) for c in found] == [
        ("301 votes", 301, "votes"),
        ("seven", 7, "votes"),
    ]


def test_we_had_continues_the_count_before() -> None:
    text = "At first there were 50 nurses. By noon we had 320."
    found = claims_of(text, "count")
    assert [(c.span, c.value, c.unit) for c in found] == [
        ("50 nurses", 50, "nurses"),
        ("320", 320, "nurses"),
    ]


def test_a_population_that_passes_a_figure_in_words_counts_people() -> None:
    c = one("The refugee population had passed two million by May.", "count")
    assert (c.span, c.value, c.unit, c.qualifier) == ("two million", 2e6, "people", "at_least")


def test_the_figure_is_counts_the_noun_of_the_count_before() -> None:
    text = "In the capital 300 schools shut. Across the country the figure is about 2,100."
    found = claims_of(text, "count")
    assert [(c.span, c.value, c.unit, c.qualifier) for c in found] == [
        ("300 schools", 300, "schools", "exact"),
        ("about 2,100", 2100, "schools", "approx"),
    ]


def test_of_the_planned_n_counts_the_noun_after_the_number() -> None:
    found = claims_of("Only eight of the planned 20 depots are open.", "count")
    assert [(c.span, c.value, c.unit) for c in found] == [
        ("eight", 8, "depots"),
        ("20 depots", 20, "depots"),
    ]


def test_noun_numbers_name_what_a_bare_total_counts() -> None:
    text = "Visitor numbers had reached 5,400 a day, up from 3,100 a day in 2022."
    found = claims_of(text, "count")
    assert [(c.span, c.value, c.unit) for c in found] == [
        ("5,400", 5400, "visitors"),
        ("3,100", 3100, "visitors"),
    ]


def test_a_crowd_that_breaks_a_record_of_n_counts_people() -> None:
    c = one("The crowd broke the stadium record of 52,114, set in 1989.", "count")
    assert (c.span, c.value, c.unit) == ("52,114", 52114, "people")


def test_an_animal_population_counts_no_people() -> None:
    c = one("The local deer population fell to 3,400 last winter.", "count")
    assert (c.span, c.unit) == ("3,400", None)


def test_record_numbers_do_not_name_the_counted_noun() -> None:
    c = one("Record numbers turned out, and attendance reached 8,200 on Sunday.", "count")
    assert (c.span, c.unit) == ("8,200", "people")


def test_the_superlative_of_n_counts_the_subjects_noun() -> None:
    text = "A powerful storm struck the coast on Friday, the worst of more than 20 this year."
    c = one(text, "count")
    assert (c.span, c.value, c.unit, c.qualifier) == ("more than 20", 20, "storms", "at_least")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Applications to the fund rose to 3,450 in 2025 from 2,900 in 2024.",
            [("3,450", 3450, "applications", "2025"), ("2,900", 2900, "applications", "2024")],
        ),
        (
            "The club's membership climbed to 4,700 this spring.",
            [("4,700", 4700, "members", None)],
        ),
        ("Prices at the pump rose to 1,450 in May.", [("1,450", 1450, None, "2024-05")]),
    ],
)
def test_bare_total_counts_the_plural_that_opens_the_sentence(
    text: str, expected: list[tuple[str, float, str | None, str | None]]
) -> None:
    found = claims_of(text, "count")
    assert [(c.span, c.value, c.unit, c.date) for c in found] == expected


def test_a_part_of_the_cuts_counts_the_jobs_cut() -> None:
    text = "Orvane will cut 2,600 jobs. It employs 40,000 people. About 700 of the cuts are here."
    found = claims_of(text, "count")
    assert [(c.span, c.value, c.unit) for c in found] == [
        ("2,600 jobs", 2600, "jobs"), ("40,000 people", 40000, "people"),
        ("About 700", 700, "jobs"),
    ]  # fmt: skip


def test_a_vote_tally_without_its_noun_counts_votes() -> None:
    found = claims_of("Senators voted 58 to 41 on Tuesday.", "count")
    assert [(c.span, c.value, c.unit) for c in found] == [("58", 58, "votes"), ("41", 41, "votes")]


def test_of_the_group_with_its_total_counts_the_group() -> None:
    found = claims_of("Of the 900 applicants, 310 were accepted.", "count")
    assert [(c.span, c.value, c.unit) for c in found] == [
        ("900 applicants", 900, "applicants"), ("310", 310, "applicants"),
    ]  # fmt: skip


def test_numbers_of_a_noun_with_no_plural_form_keep_it() -> None:
    c = one("Crew numbers fell to 140 last winter.", "count")
    assert (c.span, c.value, c.unit) == ("140", 140, "crew")


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Membership grew to 6,300 in 2025.", "6,300", 6300, "members"),
        ("Enquiries rose by 8% to 2,750.", "2,750", 2750, "enquiries"),
        ("Bookings declined to 910.", "910", 910, "bookings"),
    ],
)
def test_more_verbs_of_change_reach_a_bare_total(
    text: str, span: str, value: float, unit: str
) -> None:
    c = one(text, "count")
    assert (c.span, c.value, c.unit) == (span, value, unit)
