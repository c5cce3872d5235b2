"""Counts: value, the counted noun as unit, subject, qualifier."""

from __future__ import annotations

from .helpers import claims_of, one


def test_counted_noun_without_its_adjectives() -> None:
    c = one("North Korea is training 10,000 North Korean soldiers.", "count")
    assert (c.span, c.value, c.unit, c.qualifier) == (
        "10,000 North Korean soldiers", 10000, "soldiers", "exact",
    )  # fmt: skip
    assert c.subject == "North Korean soldiers"


def test_possessor_joins_the_subject() -> None:
    c = one("Zelensky met the EU's 27 leaders.", "count")
    assert (c.value, c.unit, c.subject) == (27, "leaders", "EU leaders")


def test_light_head_keeps_its_noun() -> None:
    c = one("Talks between NATO's 32 member states opened.", "count")
    assert (c.value, c.unit, c.subject) == (32, "member states", "NATO member states")


def test_n_member_body() -> None:
    c = one("The 15-member council voted on Friday.", "count")
    assert (c.value, c.unit, c.subject) == (15, "members", "council")


def test_number_in_words_with_scale() -> None:
    c = one("Three thousand troops arrived at the border.", "count")
    assert (c.value, c.unit, c.qualifier) == (3000, "troops", "exact")


def test_a_dozen() -> None:
    c = one("Russia launched a dozen drones overnight.", "count")
    assert (c.value, c.unit) == (12, "drones")


def test_one_and_a_half_million() -> None:
    c = one("One and a half million people have fled.", "count")
    assert (c.value, c.unit) == (1.5e6, "people")


def test_some_is_approx() -> None:
    c = one("Some 4,000 people fled the town.", "count")
    assert (c.span, c.value, c.qualifier) == ("Some 4,000 people", 4000, "approx")


def test_more_than_is_at_least() -> None:
    c = one("More than 60 countries signed the text.", "count")
    assert (c.value, c.unit, c.qualifier) == (60, "countries", "at_least")


def test_the_verb_after_the_noun_is_not_part_of_the_unit() -> None:
    c = one("About 3,000 delegates attended the summit.", "count")
    assert (c.unit, c.qualifier) == ("delegates", "approx")


def test_n_strong_counts_the_noun_after() -> None:
    c = one("A 10,000-strong force crossed the border.", "count")
    assert (c.value, c.unit, c.subject) == (10000, "force", "force")


def test_a_total_with_no_noun_after_it() -> None:
    c = one("The death toll rose to 45 on Friday.", "count")
    assert (c.span, c.value, c.unit, c.subject) == ("45", 45, "people", "death toll")


def test_from_to_is_a_change_not_a_range() -> None:
    found = claims_of("Attacks rose from 40 drones to 45 drones.", "count")
    assert [(c.value, c.value_max) for c in found] == [(40, None), (45, None)]


def test_adjectives_leave_the_unit_but_compounds_stay() -> None:
    assert one("Russia holds 5,580 nuclear warheads.", "count").unit == "warheads"
    assert one("The park will supply 14 pumping stations.", "count").unit == "pumping stations"


def test_definite_small_word_number_is_a_reference_not_a_count() -> None:
    text = "Talks between the two unions resumed, and three unions have now signed."
    assert [c.value for c in claims_of(text, "count")] == [3]


def test_year_span_labelling_a_baseline_is_not_a_count() -> None:
    assert claims_of("Rainfall was far above the 1981-2010 average in the north.", "count") == []


def test_participle_adjectives_are_not_part_of_the_counted_unit() -> None:
    assert one("Rescuers are still searching for 23 missing climbers.", "count").unit == "climbers"
    assert one("The 300 remaining tenants refused to leave.", "count").unit == "tenants"


def test_an_elided_noun_comes_from_the_count_before() -> None:
    text = "More than 60 people were treated in hospital, nine of them in intensive care."
    found = claims_of(text, "count")
    assert [(c.span, c.value, c.unit) for c in found] == [
        ("More than 60 people", 60, "people"), ("nine", 9, "people"),
    ]  # fmt: skip


def test_a_part_of_a_counted_whole_gives_two_counts() -> None:
    text = "She said 14 of the province's 38 municipalities had no drinking water."
    found = claims_of(text, "count")
    assert [(c.span, c.value, c.unit) for c in found] == [
        ("14", 14, "municipalities"), ("38 municipalities", 38, "municipalities"),
    ]  # fmt: skip


def test_a_level_to_be_passed_takes_the_noun_of_the_total_before() -> None:
    text = (
        "The number of people waiting for treatment has reached a record 61,400. "
        "Without new theatres, the list could pass 70,000 by the end of 2027."
    )
    found = claims_of(text, "count")
    assert [(c.span, c.value, c.unit, c.qualifier, c.date) for c in found] == [
        ("61,400", 61400, "people", "exact", None), ("70,000", 70000, "people", "at_least", "2027"),
    ]  # fmt: skip


def test_a_capitalised_plural_of_people_is_counted() -> None:
    c = one("The bill passed after two Republicans crossed over.", "count")
    assert (c.value, c.unit) == (2, "republicans")


def test_all_before_a_count_is_exact() -> None:
    c = one("Leaders of all 27 member states met in Brussels.", "count")
    assert (c.span, c.value, c.qualifier) == ("27 member states", 27, "exact")
    assert c.unit == "member states"


def test_a_vote_tally_counts_both_sides() -> None:
    found = claims_of("The House approved the measure by 64 votes to 35.", "count")
    assert [(c.span, c.value, c.unit) for c in found] == [
        ("64 votes", 64, "votes"), ("35", 35, "votes"),
    ]  # fmt: skip


def test_n_more_counts_the_noun_before() -> None:
    text = "Some 4,000 residents were evacuated, and three thousand more were told to be ready."
    assert [(c.value, c.unit) for c in claims_of(text, "count")] == [
        (4000, "residents"), (3000, "residents"),
    ]  # fmt: skip


def test_a_possessive_number_is_a_count_not_a_reference() -> None:
    c = one("A third of its sales came from its two cancer drugs.", "count")
    assert (c.value, c.unit, c.subject) == (2, "drugs", "cancer drugs")


def test_the_unit_is_the_head_noun_and_the_subject_keeps_the_compound() -> None:
    c = one("The trust employs 1,900 research staff in Basel.", "count")
    assert (c.unit, c.subject) == ("staff", "research staff")
    assert one("The team will install 12 new ablation stakes.", "count").unit == "stakes"


def test_a_figure_set_against_a_count_takes_its_noun() -> None:
    text = "Police are investigating 14 other cases of fraud, up from nine a year earlier."
    assert [(c.value, c.unit) for c in claims_of(text, "count")] == [(14, "cases"), (9, "cases")]


def test_compared_with_a_bare_figure_in_a_year() -> None:
    text = "The authority recorded 312 confirmed cases, compared with 104 in the whole of 2024."
    found = claims_of(text, "count")
    assert [(c.value, c.unit, c.date) for c in found] == [
        (312, "cases", None), (104, "cases", "2024"),
    ]  # fmt: skip


def test_a_number_followed_by_a_verb_has_an_elided_noun() -> None:
    text = "Six of the nine members voted for the rise and three voted to hold rates."
    found = claims_of(text, "count")
    assert [(c.span, c.unit) for c in found] == [
        ("Six", "members"), ("nine members", "members"), ("three", "members"),
    ]  # fmt: skip


def test_a_pronoun_is_never_a_counted_noun() -> None:
    text = "A crowd of 41,236 watched them climb to third."
    assert all(c.unit != "climb" for c in claims_of(text, "count"))


def test_n_team_league() -> None:
    c = one("They climbed to third in the 20-team league.", "count")
    assert (c.span, c.value, c.unit) == ("20-team", 20, "teams")


def test_up_from_a_figure_before_an_event() -> None:
    text = "Some 2.8 million people are out of work, up from 2.1 million before the pandemic."
    assert [(c.value, c.unit) for c in claims_of(text, "count")] == [
        (2.8e6, "people"), (2.1e6, "people"),
    ]  # fmt: skip


def test_the_level_after_a_change_counts_the_number_of_noun() -> None:
    text = "The number of hospital visits had risen 14 per cent in a year, to almost 96,000."
    c = one(text, "count")
    assert (c.span, c.value, c.unit, c.qualifier) == ("almost 96,000", 96000, "visits", "approx")


def test_a_crowd_of_n_counts_people() -> None:
    c = one("Hours later a crowd of 41,236 watched them climb to third.", "count")
    assert (c.span, c.value, c.unit) == ("41,236", 41236, "people")


def test_a_scare_quoted_noun_is_still_the_counted_noun() -> None:
    c = one("The ministry listed 320 'priority schemes' for funding.", "count")
    assert (c.span, c.value, c.unit) == ("320 'priority schemes'", 320, "schemes")


def test_systems_is_a_light_head_that_keeps_its_noun() -> None:
    c = one("The package includes 12 radar systems for the border.", "count")
    assert (c.span, c.unit) == ("12 radar systems", "radar systems")


def test_two_kinds_of_people_counted_together_are_people() -> None:
    c = one("At least 14 pupils and teachers were hurt.", "count")
    assert (c.span, c.value, c.unit, c.qualifier) == (
        "At least 14 pupils and teachers",
        14,
        "people",
        "at_least",
    )


def test_a_single_charge_is_a_count() -> None:
    found = claims_of("She was cleared of two counts of theft and one count of fraud.", "count")
    assert [(c.span, c.value, c.unit) for c in found] == [
        ("two counts", 2, "counts"), ("one count", 1, "counts"),
    ]  # fmt: skip


def test_the_one_thing_still_to_come_is_a_count() -> None:
    found = claims_of("Dunmore lead the table with one race left.", "count")
    assert [(x.span, x.value, x.unit) for x in found] == [("one race", 1, "races")]
    assert claims_of("One steward left early.", "count") == []
