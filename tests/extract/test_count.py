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


def test_compound_noun_stays_whole() -> None:
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
    assert (c.span, c.value, c.unit, c.subject) == ("45", 45, None, "death toll")


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
