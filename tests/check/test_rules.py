"""Each rule of "the same thing" from both sides, on sentences written for these tests: a pair
the rule keeps apart (never flagged) beside a pair it must still flag. Real databases; two
claims in two documents, then a full check."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlmodel import Session

from claimtrack.check import run_check
from claimtrack.shapes import conflicts_json
from claimtrack.store import list_conflicts
from tests.check.build import Corpus


@pytest.fixture
def corpus(engine) -> Iterator[Corpus]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        yield Corpus(session)
        session.rollback()


@dataclass
class C:
    """One claim: its sentence, the span in it, and the columns the extractor would give."""

    sentence: str
    span: str
    kind: str
    value: float | None = None
    unit: str | None = None
    subject: str | None = None
    cols: dict[str, Any] = field(default_factory=dict)


def flagged(
    corpus: Corpus, a: C, b: C, published: tuple[str, str] = ("2026-05-04", "2026-05-05")
) -> list[str]:
    """The kinds of conflict a full check reports for two claims in two documents."""
    for title, claim, day in (("First", a, published[0]), ("Second", b, published[1])):
        corpus.doc(title, published=day)
        corpus.claim(
            title, claim.kind, claim.sentence, claim.span, value=claim.value, unit=claim.unit,
            subject=claim.subject, **claim.cols,
        )  # fmt: skip
    run_check(corpus.session)
    return [c["kind"] for c in conflicts_json(corpus.session, list_conflicts(corpus.session))]


def money(sentence: str, span: str, value: float, subject: str, **cols: Any) -> C:
    return C(sentence, span, "money", value, "EUR", subject, cols)


def count(sentence: str, span: str, value: float, unit: str, subject: str, **cols: Any) -> C:
    return C(sentence, span, "count", value, unit, subject, cols)


def percent(sentence: str, span: str, value: float, subject: str, **cols: Any) -> C:
    return C(sentence, span, "percent", value, "%", subject, cols)


# ---- times from the figure's own clause ------------------------------------------------------

TRIES_LAST = count(
    "Ada Brell missed most of last season with a shoulder injury, and in the 2023-24 season "
    "she scored only 9 tries for Harlow.",
    "9 tries", 9, "tries", "tries",
)  # fmt: skip


def test_a_time_in_the_figures_own_clause_keeps_two_seasons_apart(corpus: Corpus) -> None:
    other = count(
        "Ada Brell scored 21 tries for Harlow in the 2024-25 season, a club record.",
        "21 tries", 21, "tries", "tries",
    )  # fmt: skip
    assert flagged(corpus, TRIES_LAST, other, ("2025-08-20", "2025-08-21")) == []


def test_the_same_season_told_with_other_figures_is_flagged(corpus: Corpus) -> None:
    other = count(
        "In the 2023-24 season Ada Brell managed 12 tries for Harlow before her injury.",
        "12 tries", 12, "tries", "tries",
    )  # fmt: skip
    assert flagged(corpus, TRIES_LAST, other, ("2025-08-20", "2025-08-21")) == ["value"]


# ---- holders: "X's", "for X", the company's and its rival's ----------------------------------

POLAND = count(
    "Poland's 4,500 troops will join the Baltic exercise in June, the defence ministry said.",
    "4,500 troops", 4500, "troops", "troops",
)  # fmt: skip


def test_two_countries_troops_are_two_figures(corpus: Corpus) -> None:
    other = count(
        "Romania's 3,000 troops will join the Baltic exercise in June, officials said.",
        "3,000 troops", 3000, "troops", "troops",
    )  # fmt: skip
    assert flagged(corpus, POLAND, other) == []


def test_one_countrys_troops_told_two_ways_are_flagged(corpus: Corpus) -> None:
    other = count(
        "Poland's 3,800 troops will join the Baltic exercise in June, officials said.",
        "3,800 troops", 3800, "troops", "troops",
    )  # fmt: skip
    assert flagged(corpus, POLAND, other) == ["value"]


HARLOW = count(
    "Ada Brell has scored 14 tries in 30 games for Harlow since joining the club.",
    "14 tries", 14, "tries", "tries",
)  # fmt: skip


def test_tries_for_a_club_and_for_a_country_are_two_figures(corpus: Corpus) -> None:
    other = count(
        "Ada Brell has scored 6 tries for Wales since joining the club.",
        "6 tries", 6, "tries", "tries",
    )  # fmt: skip
    assert flagged(corpus, HARLOW, other) == []


def test_tries_for_the_same_club_told_two_ways_are_flagged(corpus: Corpus) -> None:
    other = count(
        "Ada Brell has scored 12 tries for Harlow since joining the club.",
        "12 tries", 12, "tries", "tries",
    )  # fmt: skip
    assert flagged(corpus, HARLOW, other) == ["value"]


RIVAL = money(
    "Orvane's own operating profit rose to €90m, while its rival Tessic's climbed to €130m.",
    "€130m", 130e6, "operating profit",
)  # fmt: skip


def test_the_companys_profit_and_its_rivals_are_two_figures(corpus: Corpus) -> None:
    other = money(
        "Orvane's operating profit was €112m last year, its chief executive said.",
        "€112m", 112e6, "operating profit",
    )  # fmt: skip
    assert flagged(corpus, RIVAL, other) == []


def test_the_rivals_profit_told_two_ways_is_flagged(corpus: Corpus) -> None:
    other = money(
        "Its rival Tessic's operating profit climbed to €112m, the group said.",
        "€112m", 112e6, "operating profit",
    )  # fmt: skip
    assert flagged(corpus, RIVAL, other) == ["value"]


# ---- the claim's own date --------------------------------------------------------------------

HARVEST = C(
    "Farmers in the valley harvested 41,000 tonnes of rye in 2025.",
    "41,000 tonnes", "quantity", 41000, "t", "rye harvest", {"date": "2025"},
)  # fmt: skip


def test_figures_dated_to_two_years_are_two_figures(corpus: Corpus) -> None:
    other = C(
        "Farmers in the valley harvested 47,000 tonnes of rye in 2024.",
        "47,000 tonnes", "quantity", 47000, "t", "rye harvest", {"date": "2024"},
    )  # fmt: skip
    assert flagged(corpus, HARVEST, other) == []


def test_a_date_from_another_clause_does_not_date_the_figure(corpus: Corpus) -> None:
    # The extractor tied 45,000 tonnes to 2024, a year that belongs to the other clause.
    other = C(
        "Farmers in the valley harvested 45,000 tonnes of rye, and the mill opened in 2024.",
        "45,000 tonnes", "quantity", 45000, "t", "rye harvest", {"date": "2024"},
    )  # fmt: skip
    assert flagged(corpus, HARVEST, other, ("2025-10-01", "2025-10-02")) == ["value"]


# ---- totals and yearly figures ---------------------------------------------------------------

YEARLY = money(
    "Running the Corvel flood barrier will cost about €350m a year once it is finished.",
    "about €350m a year", 350e6, "flood barrier cost", qualifier="approx",
)  # fmt: skip


def test_a_total_over_years_and_a_yearly_cost_are_two_figures(corpus: Corpus) -> None:
    other = money(
        "Building the Corvel flood barrier will cost €900m over three years, engineers said.",
        "€900m", 900e6, "flood barrier cost",
    )  # fmt: skip
    assert flagged(corpus, YEARLY, other) == []


def test_two_yearly_costs_that_differ_are_flagged(corpus: Corpus) -> None:
    other = money(
        "Running the Corvel flood barrier will cost €480m a year once it is finished.",
        "€480m a year", 480e6, "flood barrier cost",
    )  # fmt: skip
    assert flagged(corpus, YEARLY, other) == ["value"]


def test_a_total_since_a_year_and_an_amount_within_a_year_are_two_figures(corpus: Corpus) -> None:
    a = money(
        "Norvik has delivered about €9bn in naval support to Tarsia since March 2023.",
        "about €9bn", 9e9, "naval support", qualifier="approx",
    )  # fmt: skip
    b = money(
        "Allies agreed at their Oslo meeting to provide at least €14bn in naval support "
        "to Tarsia within a year.",
        "at least €14bn", 14e9, "naval support", qualifier="at_least",
    )  # fmt: skip
    assert flagged(corpus, a, b) == []


# ---- plans, pledges, forecasts and what happened ---------------------------------------------

TARGET = percent(
    "The Lunmark government's target is for 45% of its electricity to come from wind by 2030.",
    "45%", 45, "electricity from wind",
)  # fmt: skip


def test_a_target_and_the_share_reached_are_two_figures(corpus: Corpus) -> None:
    other = percent(
        "Wind supplied 38% of Lunmark's electricity in 2025, the grid operator said.",
        "38%", 38, "electricity from wind",
    )  # fmt: skip
    assert flagged(corpus, TARGET, other, ("2026-02-01", "2026-02-02")) == []


def test_two_tellings_of_the_target_that_differ_are_flagged(corpus: Corpus) -> None:
    other = percent(
        "Lunmark aims to get 50% of its electricity from wind by 2030, the minister said.",
        "50%", 50, "electricity from wind",
    )  # fmt: skip
    assert flagged(corpus, TARGET, other, ("2026-02-01", "2026-02-02")) == ["value"]


PLEDGE = money(
    "Vessia pledged €500m to the Tarsia rebuilding fund at the donors' conference.",
    "€500m", 500e6, "Tarsia rebuilding fund",
)  # fmt: skip


def test_a_pledge_and_what_was_delivered_are_two_figures(corpus: Corpus) -> None:
    other = money(
        "Vessia has so far delivered €200m to the Tarsia rebuilding fund, its finance "
        "ministry said.",
        "€200m", 200e6, "Tarsia rebuilding fund",
    )  # fmt: skip
    assert flagged(corpus, PLEDGE, other) == []


def test_two_tellings_of_one_pledge_that_differ_are_flagged(corpus: Corpus) -> None:
    other = money(
        "Vessia promised €450m to the Tarsia rebuilding fund at the donors' conference.",
        "€450m", 450e6, "Tarsia rebuilding fund",
    )  # fmt: skip
    assert flagged(corpus, PLEDGE, other) == ["value"]


OFFER = percent(
    "The airline has offered its cabin crew a pay rise of 3.5% this year, the union said.",
    "3.5%", 3.5, "pay rise",
)  # fmt: skip


def test_an_offer_and_a_demand_are_two_figures(corpus: Corpus) -> None:
    other = percent(
        "The cabin crew union wants a pay rise of 7% this year to match inflation.",
        "7%", 7, "pay rise",
    )  # fmt: skip
    assert flagged(corpus, OFFER, other) == []


def test_two_tellings_of_the_offer_that_differ_are_flagged(corpus: Corpus) -> None:
    other = percent(
        "The airline offered the cabin crew a pay rise of 3% this year, the union said.",
        "3%", 3, "pay rise",
    )  # fmt: skip
    assert flagged(corpus, OFFER, other) == ["value"]


FORECAST = count(
    "The rail operator warned that up to 900 of its 1,100 daily trains could be cancelled "
    "during the strike.",
    "up to 900", 900, "trains", "daily trains", qualifier="at_most",
)  # fmt: skip


def test_a_forecast_and_what_happened_are_two_figures(corpus: Corpus) -> None:
    other = count(
        "About 640 of the rail operator's 1,100 daily trains were cancelled during the strike.",
        "About 640", 640, "trains", "daily trains", qualifier="approx",
    )  # fmt: skip
    assert flagged(corpus, FORECAST, other) == []


def test_what_happened_told_two_ways_is_flagged(corpus: Corpus) -> None:
    a = count(
        "About 640 of the rail operator's 1,100 daily trains were cancelled during the strike.",
        "About 640", 640, "trains", "daily trains", qualifier="approx",
    )  # fmt: skip
    b = count(
        "Some 800 of the operator's 1,100 daily trains were cancelled during the rail strike.",
        "Some 800", 800, "trains", "daily trains", qualifier="approx",
    )  # fmt: skip
    assert flagged(corpus, a, b) == ["value"]


def test_two_polls_are_two_figures_but_one_poll_told_twice_is_one(corpus: Corpus) -> None:
    exit_poll = percent(
        "The exit poll for Radio Ostra puts the Green List on 28%.", "28%", 28, "Green List"
    )
    final_poll = percent(
        "The final Meridian poll, published on Friday, put the Green List on 24%.",
        "24%", 24, "Green List",
    )  # fmt: skip
    assert flagged(corpus, exit_poll, final_poll) == []


def test_one_poll_told_twice_with_other_figures_is_flagged(corpus: Corpus) -> None:
    a = percent(
        "The exit poll for Radio Ostra puts the Green List on 28%.", "28%", 28, "Green List"
    )
    b = percent(
        "The Radio Ostra exit poll put the Green List on 25% on Sunday night.", "25%", 25,
        "Green List",
    )  # fmt: skip
    assert flagged(corpus, a, b) == ["value"]


def test_a_threshold_is_not_a_seat_count(corpus: Corpus) -> None:
    a = count("A party needs 61 of the 120 seats for a majority in Ostra.", "61", 61, "seats",
              "seats")  # fmt: skip
    b = count("The Green List won 57 seats in Ostra, short of a majority.", "57 seats", 57,
              "seats", "seats")  # fmt: skip
    assert flagged(corpus, a, b) == []


# ---- a region and the whole country; so far this year ----------------------------------------

REGION = money(
    "Storm damage in the northern region is estimated at €230m, the regional council said.",
    "€230m", 230e6, "storm damage",
)  # fmt: skip


def test_a_regions_figure_and_the_nationwide_one_are_two_figures(corpus: Corpus) -> None:
    other = money(
        "Nationwide, storm damage is estimated at €410m, most of it in the north.",
        "€410m", 410e6, "storm damage",
    )  # fmt: skip
    assert flagged(corpus, REGION, other) == []


def test_two_tellings_of_the_regions_figure_that_differ_are_flagged(corpus: Corpus) -> None:
    other = money(
        "Storm damage in the northern region is put at €290m by insurers.",
        "€290m", 290e6, "storm damage",
    )  # fmt: skip
    assert flagged(corpus, REGION, other) == ["value"]


CITY = percent(
    "In Varnholm itself, the Civic Alliance is on course for about 41% of the vote in the "
    "city, against roughly 24% for National Renewal.",
    "about 41%", 41, "vote",
)  # fmt: skip


def test_a_citys_share_and_an_unplaced_share_are_two_figures(corpus: Corpus) -> None:
    other = percent(
        "The Civic Alliance took 34.2% of the vote and 71 seats, the commission said.",
        "34.2%", 34.2, "vote",
    )  # fmt: skip
    assert flagged(corpus, CITY, other) == []


def test_a_comparison_clause_holds_in_the_place_of_the_clause_before(corpus: Corpus) -> None:
    rival = percent(CITY.sentence, "roughly 24%", 24, "vote")
    other = percent(
        "The Civic Alliance took 34.2% of the vote and 71 seats, the commission said.",
        "34.2%", 34.2, "vote",
    )  # fmt: skip
    assert flagged(corpus, rival, other) == []


def test_two_tellings_of_the_citys_share_that_differ_are_flagged(corpus: Corpus) -> None:
    other = percent(
        "In the capital the Civic Alliance won 44% of the vote in the city, officials said.",
        "44%", 44, "vote",
    )  # fmt: skip
    assert flagged(corpus, CITY, other) == ["value"]


SO_FAR = count(
    "So far this year, the coastguard has rescued 310 swimmers off the Ostra coast.",
    "310 swimmers", 310, "swimmers", "swimmers rescued",
)  # fmt: skip


def test_so_far_this_year_and_last_year_are_two_figures(corpus: Corpus) -> None:
    other = count(
        "Last year the coastguard rescued 520 swimmers off the Ostra coast.",
        "520 swimmers", 520, "swimmers", "swimmers rescued",
    )  # fmt: skip
    assert flagged(corpus, SO_FAR, other) == []


def test_so_far_this_year_told_two_ways_is_flagged(corpus: Corpus) -> None:
    other = count(
        "The coastguard has rescued 270 swimmers off the Ostra coast so far this year.",
        "270 swimmers", 270, "swimmers", "swimmers rescued",
    )  # fmt: skip
    assert flagged(corpus, SO_FAR, other) == ["value"]


# ---- changes, differences, tallies -----------------------------------------------------------

RISE = C(
    "The yield on Ostra's ten-year bond rose 0.3 percentage points on Monday.",
    "0.3 percentage points", "percent", 0.3, "%", "ten-year bond yield",
)  # fmt: skip


def test_a_rise_and_a_fall_are_two_changes(corpus: Corpus) -> None:
    other = C(
        "The yield on Ostra's ten-year bond fell 0.2 percentage points on Monday.",
        "0.2 percentage points", "percent", 0.2, "%", "ten-year bond yield",
    )  # fmt: skip
    assert flagged(corpus, RISE, other) == []


def test_two_rises_that_differ_are_flagged(corpus: Corpus) -> None:
    other = C(
        "The yield on Ostra's ten-year bond rose 0.5 percentage points on Monday.",
        "0.5 percentage points", "percent", 0.5, "%", "ten-year bond yield",
    )  # fmt: skip
    assert flagged(corpus, RISE, other) == ["value"]


def test_a_difference_is_not_the_count_it_is_taken_from(corpus: Corpus) -> None:
    a = count("Together the two parties would hold 68 seats, 7 more than a majority.", "7", 7,
              "seats", "seats")  # fmt: skip
    b = count("The Farmers' Union holds 9 seats in the Ostra assembly.", "9 seats", 9, "seats",
              "seats")  # fmt: skip
    assert flagged(corpus, a, b) == []


def test_games_of_a_goal_tally_and_of_a_points_tally_are_two_counts(corpus: Corpus) -> None:
    a = count("Before the move she scored 17 goals in 41 games on loan at Brisk.", "41 games", 41,
              "games", "games")  # fmt: skip
    b = count("Harlow have 70 points from 33 games, eleven clear at the top.", "33 games", 33,
              "games", "games")  # fmt: skip
    assert flagged(corpus, a, b) == []


def test_two_approximations_far_apart_differ(corpus: Corpus) -> None:
    a = count("About 1,300 flights were cancelled across Ostra on the first strike day.",
              "About 1,300", 1300, "flights", "flights cancelled", qualifier="approx")  # fmt: skip
    b = count("Some 1,600 flights were cancelled across Ostra on the first day of the strike.",
              "Some 1,600", 1600, "flights", "flights cancelled", qualifier="approx")  # fmt: skip
    assert flagged(corpus, a, b) == ["value"]


# ---- stories, and tellings whose subjects miss each other ------------------------------------


def test_two_stories_that_name_no_one_in_common_are_not_compared(corpus: Corpus) -> None:
    corpus.doc("Rail", published="2026-05-04")
    corpus.doc("Floods", published="2026-05-05")
    corpus.claim("Rail", "money", "Norlink's maintenance budget of €350m a year will not change.",
                 "€350m a year", value=350e6, unit="EUR", subject="maintenance budget")  # fmt: skip
    corpus.claim("Floods", "money", "The civil protection agency, whose budget is €250m a "
                 "year, asked for more pumps after the Tarvel floods.", "€250m a year",
                 value=250e6, unit="EUR", subject="budget")  # fmt: skip
    run_check(corpus.session)
    assert list_conflicts(corpus.session) == []


def test_a_fee_told_as_a_cost_and_as_a_transfer_is_flagged(corpus: Corpus) -> None:
    a = money(
        "Kai Tamsin cost £28 million from Arlen Town, a club record for Brisk.",
        "£28 million", 28e6, "Kai Tamsin cost",
    )  # fmt: skip
    b = money(
        "Arlen Town's share of Kai Tamsin's £31m transfer to Brisk will go to the academy.",
        "£31m", 31e6, "share",
    )  # fmt: skip
    a.unit = b.unit = "GBP"
    assert flagged(corpus, a, b) == ["value"]


def test_other_subjects_in_sentences_that_say_other_things_are_not_compared(
    corpus: Corpus,
) -> None:
    a = money("Kai Tamsin cost £28 million from Arlen Town, a club record.", "£28 million",
              28e6, "Kai Tamsin cost")  # fmt: skip
    b = money("Brisk's new stand, named after Kai Tamsin's father, will cost £31m to build "
              "next summer.", "£31m", 31e6, "new stand")  # fmt: skip
    a.unit = b.unit = "GBP"
    assert flagged(corpus, a, b) == []


# ---- one partner per other document ----------------------------------------------------------


def test_a_claim_meets_the_figure_another_article_repeats_not_its_neighbour(
    corpus: Corpus,
) -> None:
    corpus.doc("Profile", published="2026-05-04")
    corpus.doc("Verdict", published="2026-05-05")
    corpus.claim("Profile", "count", "Ada Brell scored 22 tries this season and has 9 tries "
                 "for Wales.", "22 tries", value=22, unit="tries", subject="tries")  # fmt: skip
    corpus.claim("Verdict", "count", "Ada Brell's 22 tries this season make her the league's "
                 "top scorer.", "22 tries", value=22, unit="tries", subject="tries")  # fmt: skip
    corpus.claim("Verdict", "count", "Ada Brell also has nine tries in international rugby.",
                 "nine tries", value=9, unit="tries", subject="tries")  # fmt: skip
    run_check(corpus.session)
    assert list_conflicts(corpus.session) == []


def test_with_no_repeat_in_the_other_article_a_different_figure_is_flagged(
    corpus: Corpus,
) -> None:
    corpus.doc("Profile", published="2026-05-04")
    corpus.doc("Verdict", published="2026-05-05")
    corpus.claim("Profile", "count", "Ada Brell scored 22 tries this season for Harlow.",
                 "22 tries", value=22, unit="tries", subject="tries")  # fmt: skip
    corpus.claim("Verdict", "count", "Ada Brell's 19 tries this season make her the league's "
                 "top scorer.", "19 tries", value=19, unit="tries", subject="tries")  # fmt: skip
    run_check(corpus.session)
    assert [c.kind for c in list_conflicts(corpus.session)] == ["value"]


# ---- dates -----------------------------------------------------------------------------------


def date(sentence: str, span: str, iso: str, subject: str | None) -> C:
    return C(sentence, span, "date", subject=subject, cols={"date": iso})


def test_an_opening_and_a_signing_are_two_events(corpus: Corpus) -> None:
    a = date("The Ostra trade summit, which opened on Monday, May 4, drew 40 delegations.",
             "Monday, May 4", "2026-05-04", "summit opened")  # fmt: skip
    b = date("Ministers signed off the customs pact at the Ostra trade summit on Tuesday.",
             "Tuesday", "2026-05-05", "summit signed")  # fmt: skip
    assert flagged(corpus, a, b, ("2026-05-05", "2026-05-06")) == []


def test_a_recount_dated_two_ways_is_flagged_though_its_subjects_differ(corpus: Corpus) -> None:
    a = date("In the Lerin South seat the electoral board ordered a full recount, which will "
             "take place Thursday.", "Thursday", "2026-05-07", "which take place")  # fmt: skip
    b = date("The electoral board will recount every ballot in Lerin South on Wednesday, "
             "May 6, a process expected to take two days.", "Wednesday, May 6", "2026-05-06",
             "recount every ballot")  # fmt: skip
    assert flagged(corpus, a, b, ("2026-05-04", "2026-05-05")) == ["date"]


def test_the_first_and_the_next_walkout_are_two_events(corpus: Corpus) -> None:
    a = date("The first walkout by Ostra's dock workers will begin on Monday, June 1.",
             "Monday, June 1", "2026-06-01", "walkout begin")  # fmt: skip
    b = date("The next walkout by Ostra's dock workers, a three-day strike, begins on "
             "Wednesday, June 10.", "Wednesday, June 10", "2026-06-10",
             "walkout begins")  # fmt: skip
    assert flagged(corpus, a, b, ("2026-05-20", "2026-05-21")) == []


def test_a_statement_on_two_days_is_two_statements(corpus: Corpus) -> None:
    a = date("Ostra's finance minister said on Monday that the budget was balanced.", "Monday",
             "2026-05-04", "finance minister said budget")  # fmt: skip
    b = date("Ostra's finance minister said on Tuesday that the budget was balanced.",
             "Tuesday", "2026-05-05", "finance minister said budget")  # fmt: skip
    assert flagged(corpus, a, b, ("2026-05-05", "2026-05-06")) == []


def test_a_weekday_a_day_off_in_articles_of_different_days_is_flagged(corpus: Corpus) -> None:
    a = date("The dock workers began their 48-hour walkout on Monday after talks failed.",
             "Monday", "2026-06-01", "walkout began")  # fmt: skip
    b = date("Ostra's docks are counting the cost of the 48-hour walkout that began on "
             "Tuesday.", "Tuesday", "2026-06-02", "walkout began")  # fmt: skip
    assert flagged(corpus, a, b, ("2026-06-02", "2026-06-04")) == ["date"]


# ---- an unmarked figure speaks of its article's present --------------------------------------

FIRE_NOW = C(
    "The Tarn fire, which broke out near Ravel, burned 38,000 hectares before crews held it.",
    "38,000 hectares", "quantity", 38000, "ha", "fire area burned",
)  # fmt: skip


def test_last_years_total_is_not_this_years_fire(corpus: Corpus) -> None:
    other = C(
        "Wildfires burned 61,000 hectares in the Tarn hills in 2025, the fire service said.",
        "61,000 hectares", "quantity", 61000, "ha", "wildfires area burned",
    )  # fmt: skip
    assert flagged(corpus, FIRE_NOW, other, ("2026-08-12", "2026-08-14")) == []


def test_this_years_fire_told_with_another_figure_is_flagged(corpus: Corpus) -> None:
    other = C(
        "The Tarn fire burned 41,000 hectares near Ravel before it was contained.",
        "41,000 hectares", "quantity", 41000, "ha", "fire area burned",
    )  # fmt: skip
    assert flagged(corpus, FIRE_NOW, other, ("2026-08-12", "2026-08-14")) == ["value"]


# ---- what someone expects a plan to do is a forecast -----------------------------------------

JOBS_EXPECTED = count(
    "Brannock told the union it expected the merger plan to cut about 800 jobs at its plants.",
    "about 800 jobs", 800, "jobs", "jobs", qualifier="approx",
)  # fmt: skip


def test_a_plans_target_and_an_expectation_of_it_are_two_figures(corpus: Corpus) -> None:
    other = count(
        "Brannock aims to cut 1,100 jobs at its plants by the end of the decade.",
        "1,100 jobs", 1100, "jobs", "jobs",
    )  # fmt: skip
    assert flagged(corpus, JOBS_EXPECTED, other) == []


def test_two_expectations_of_one_plan_that_differ_are_flagged(corpus: Corpus) -> None:
    other = count(
        "Brannock has told the union that the merger would cost about 1,100 jobs at its plants.",
        "about 1,100 jobs", 1100, "jobs", "jobs", qualifier="approx",
    )  # fmt: skip
    assert flagged(corpus, JOBS_EXPECTED, other) == ["value"]


# ---- a bid, an offer, an approach and a takeover are one thing -------------------------------

BID_OFFERED = C(
    "Vance Foods offered £2.1bn in cash for Harlow Mills, the maker of Brightloaf bread.",
    "£2.1bn", "money", 2.1e9, "GBP", "Foods offer",
)  # fmt: skip


def test_an_offer_and_the_bidders_market_value_are_two_figures(corpus: Corpus) -> None:
    other = C(
        "Harlow Mills has rejected a takeover approach from Vance Foods, whose market value "
        "is £2.6bn.",
        "£2.6bn", "money", 2.6e9, "GBP", "market value",
    )  # fmt: skip
    assert flagged(corpus, BID_OFFERED, other) == []


def test_an_offer_told_as_a_takeover_approach_is_flagged(corpus: Corpus) -> None:
    other = C(
        "Harlow Mills has rejected a £2.4bn takeover approach from Vance Foods, saying it "
        "undervalues the bread maker.",
        "£2.4bn", "money", 2.4e9, "GBP", "takeover approach",
    )  # fmt: skip
    assert flagged(corpus, BID_OFFERED, other) == ["value"]


# ---- a share in words is the nearest simple fraction -----------------------------------------

THIRD = percent(
    "Ticket sales at the Orla festival have fallen by about a third since 2023.",
    "about a third", 100 / 3, "ticket sales", qualifier="approx",
)  # fmt: skip


def test_a_third_told_as_a_near_percentage_is_not_flagged(corpus: Corpus) -> None:
    other = percent(
        "Ticket sales at the Orla festival have fallen by 37 per cent since 2023.",
        "37 per cent", 37, "ticket sales",
    )  # fmt: skip
    assert flagged(corpus, THIRD, other) == []


def test_a_third_told_as_a_far_percentage_is_flagged(corpus: Corpus) -> None:
    other = percent(
        "Ticket sales at the Orla festival have fallen by 45 per cent since 2023.",
        "45 per cent", 45, "ticket sales",
    )  # fmt: skip
    assert flagged(corpus, THIRD, other) == ["value"]


# ---- a change since an event runs to its article's day ---------------------------------------

SHARES_SINCE = percent(
    "Tolland shares have dropped 7.5 per cent since the merger was announced.",
    "7.5 per cent", 7.5, "Tolland shares",
)  # fmt: skip


def test_a_change_since_an_event_and_a_days_change_a_week_earlier_are_two(corpus: Corpus) -> None:
    other = percent(
        "Tolland shares fell 3.1% in early trading as investors weighed the merger.",
        "3.1%", 3.1, "Tolland shares",
    )  # fmt: skip
    assert flagged(corpus, other, SHARES_SINCE, ("2026-05-04", "2026-05-11")) == []


def test_a_change_since_an_event_told_otherwise_the_same_day_is_flagged(corpus: Corpus) -> None:
    other = percent(
        "Tolland shares fell 3.1% as investors weighed the merger.",
        "3.1%", 3.1, "Tolland shares",
    )  # fmt: skip
    assert flagged(corpus, other, SHARES_SINCE, ("2026-05-11", "2026-05-11")) == ["value"]


# ---- how far a recovery has gone, told on two days -------------------------------------------

POWER_BACK = percent(
    "Electricity has been restored to 55% of homes in Marro, the utility said.",
    "55%", 55, "homes",
)  # fmt: skip


def test_a_recovery_told_on_two_days_is_two_moments(corpus: Corpus) -> None:
    other = percent(
        "Electricity has now been restored to 85% of homes in Marro, the utility said.",
        "85%", 85, "homes",
    )  # fmt: skip
    assert flagged(corpus, POWER_BACK, other, ("2026-03-02", "2026-03-04")) == []


def test_a_recovery_told_otherwise_the_same_day_is_flagged(corpus: Corpus) -> None:
    other = percent(
        "Electricity has been restored to 85% of homes in Marro, the utility said.",
        "85%", 85, "homes",
    )  # fmt: skip
    assert flagged(corpus, POWER_BACK, other, ("2026-03-02", "2026-03-02")) == ["value"]


# ---- the figure before ('up from 35%') is not a later article's present ----------------------

RATE_NOW = percent(
    "Turnout at the Pellis by-election was 52%, the count showed.",
    "52%", 52, "turnout",
)  # fmt: skip


def test_an_earlier_figure_is_not_a_later_articles_present(corpus: Corpus) -> None:
    other = percent(
        "Turnout at the Pellis by-election rose to 58%, up from 44% at the last vote.",
        "44%", 44, "turnout",
    )  # fmt: skip
    assert flagged(corpus, other, RATE_NOW, ("2026-03-02", "2026-03-03")) == []


def test_an_earlier_figure_is_flagged_against_an_older_articles_present(corpus: Corpus) -> None:
    other = percent(
        "Turnout at the Pellis by-election rose to 58%, up from 44% at the last vote.",
        "44%", 44, "turnout",
    )  # fmt: skip
    assert flagged(corpus, other, RATE_NOW, ("2026-03-03", "2026-03-02")) == ["value"]


# ---- no subject, but the same word right by both figures -------------------------------------

QUAKE_AT = C(
    "The quake struck near the village of Lusk, 40 km north-east of Perran, at dawn.",
    "40 km", "quantity", 40, "km",
)  # fmt: skip


def test_a_distance_and_a_depth_without_subjects_are_two_figures(corpus: Corpus) -> None:
    other = C(
        "Seismologists said the quake was 60 km deep.",
        "60 km", "quantity", 60, "km",
    )  # fmt: skip
    assert flagged(corpus, QUAKE_AT, other) == []


def test_one_distance_without_subjects_told_two_ways_is_flagged(corpus: Corpus) -> None:
    other = C(
        "Its epicentre lay under farmland 60 km north-east of Perran, seismologists said.",
        "60 km", "quantity", 60, "km",
    )  # fmt: skip
    assert flagged(corpus, QUAKE_AT, other) == ["value"]


# ---- a place set against the national figure in one sentence is a part -----------------------

HOMELESS_ALL = count(
    "About 40,000 people have lost their homes since the floods began, officials said.",
    "About 40,000 people", 40000, "people", "people", qualifier="approx",
)  # fmt: skip


def test_a_places_figure_beside_the_national_one_is_a_part(corpus: Corpus) -> None:
    other = count(
        "About 40,000 people nationally, and some 16,000 in Dorrin, have lost their homes.",
        "some 16,000", 16000, "people", "people", qualifier="approx",
    )  # fmt: skip
    assert flagged(corpus, HOMELESS_ALL, other) == []


def test_the_national_figure_beside_a_places_is_still_flagged(corpus: Corpus) -> None:
    other = count(
        "About 52,000 people nationally, and some 9,000 in Dorrin, have lost their homes.",
        "About 52,000 people", 52000, "people", "people", qualifier="approx",
    )  # fmt: skip
    assert flagged(corpus, HOMELESS_ALL, other) == ["value"]


# ---- figures told of two sums far apart are of two things ------------------------------------

TERM_BIG = C(
    "The Nordhaven Bank approved a €2bn loan to rebuild the port, repayable over 20 years.",
    "20 years", "duration", 20, "year", "repayable",
)  # fmt: skip


def test_terms_of_two_loans_far_apart_in_size_are_two_figures(corpus: Corpus) -> None:
    other = C(
        "The Nordhaven Bank approved a €150m emergency loan to rebuild the port, repayable "
        "over 25 years.",
        "25 years", "duration", 25, "year", "repayable",
    )  # fmt: skip
    assert flagged(corpus, TERM_BIG, other) == []


def test_terms_of_one_loan_told_two_ways_are_flagged(corpus: Corpus) -> None:
    other = C(
        "The Nordhaven Bank approved a €2bn loan to rebuild the port, repayable over 25 years.",
        "25 years", "duration", 25, "year", "repayable",
    )  # fmt: skip
    assert flagged(corpus, TERM_BIG, other) == ["value"]


# ---- the days a running figure reached two points are two days -------------------------------

TOLL_DAY = date(
    "The number of cholera cases in Temsa rose to 4,200 on Tuesday as the rains went on.",
    "Tuesday", "2026-07-07", "cases rose",
)  # fmt: skip


def test_two_points_of_a_running_figure_are_two_days(corpus: Corpus) -> None:
    other = date(
        "The number of cholera cases in Temsa passed 5,000 on Wednesday as the rains went on.",
        "Wednesday", "2026-07-08", "cases passed",
    )  # fmt: skip
    assert flagged(corpus, TOLL_DAY, other, ("2026-07-08", "2026-07-09")) == []


def test_one_point_of_a_running_figure_told_on_two_days_is_flagged(corpus: Corpus) -> None:
    other = date(
        "The number of cholera cases in Temsa rose to 4,200 on Wednesday as the rains went on.",
        "Wednesday", "2026-07-08", "cases rose",
    )  # fmt: skip
    assert flagged(corpus, TOLL_DAY, other, ("2026-07-08", "2026-07-09")) == ["date"]


# ---- what someone expects another to offer is a forecast -------------------------------------

OFFERED = C(
    "Brask Group offered 480p a share in cash for Tully Mills on Monday.",
    "480p a share", "money", 4.8, "GBP", "offer per share",
)  # fmt: skip


def test_an_offer_and_the_offer_an_analyst_expects_are_two_figures(corpus: Corpus) -> None:
    other = C(
        "An analyst at Orm Capital expects Brask to return with an offer of 520p a share.",
        "520p a share", "money", 5.2, "GBP", "offer per share",
    )  # fmt: skip
    assert flagged(corpus, OFFERED, other) == []


def test_an_offer_told_two_ways_is_flagged(corpus: Corpus) -> None:
    other = C(
        "Tully Mills rejected an offer of 520p a share in cash from Brask Group on Monday.",
        "520p a share", "money", 5.2, "GBP", "offer per share",
    )  # fmt: skip
    assert flagged(corpus, OFFERED, other) == ["value"]


# ---- a price the market set is not a price offered -------------------------------------------

SHARES_TO = C(
    "Shares in Tully Mills jumped 28% to 455p after Brask Group made its approach.",
    "455p", "money", 4.55, "GBP", "Tully Mills shares",
)  # fmt: skip


def test_a_market_price_and_an_offer_price_are_two_figures(corpus: Corpus) -> None:
    other = C(
        "Brask Group has offered 480p a share for Tully Mills shares, in cash.",
        "480p a share", "money", 4.8, "GBP", "Tully Mills shares",
    )  # fmt: skip
    assert flagged(corpus, SHARES_TO, other) == []


def test_a_market_price_told_two_ways_is_flagged(corpus: Corpus) -> None:
    other = C(
        "Brask Group's approach sent shares in Tully Mills up 28 per cent to 470p.",
        "470p", "money", 4.7, "GBP", "Tully Mills shares",
    )  # fmt: skip
    assert flagged(corpus, SHARES_TO, other, ("2026-05-04", "2026-05-04")) == ["value"]


# ---- an offer marked as an earlier round is not the offer on the table -----------------------

OFFER_NOW = C(
    "Brask Group has offered 480p a share in cash for Tully Mills.",
    "480p a share", "money", 4.8, "GBP", "offer per share",
)  # fmt: skip


def test_an_earlier_rounds_offer_and_the_offer_now_are_two_figures(corpus: Corpus) -> None:
    other = C(
        "The Tully Mills board rejected a first approach at 420p a share in March.",
        "420p a share", "money", 4.2, "GBP", "approach per share",
    )  # fmt: skip
    assert flagged(corpus, OFFER_NOW, other) == []


def test_an_earlier_round_told_two_ways_is_flagged(corpus: Corpus) -> None:
    a = C(
        "The Tully Mills board rejected a first approach at 420p a share in March.",
        "420p a share", "money", 4.2, "GBP", "approach per share",
    )  # fmt: skip
    b = C(
        "Brask Group's first proposal of 380p a share was rejected by Tully Mills in March.",
        "380p a share", "money", 3.8, "GBP", "proposal per share",
    )  # fmt: skip
    assert flagged(corpus, a, b) == ["value"]


# ---- "its" and "whose" name the holder ---------------------------------------------------------

BUDGET_WHOSE = money(
    "The county council, whose annual budget is €52m, will close two libraries.",
    "€52m", 52e6, "annual budget",
)  # fmt: skip


def test_budgets_of_a_council_and_a_service_are_two_figures(corpus: Corpus) -> None:
    other = money(
        "The fire service has 900 staff, and its annual budget is €47 million.",
        "€47 million", 47e6, "annual budget",
    )  # fmt: skip
    assert flagged(corpus, BUDGET_WHOSE, other) == []


def test_one_councils_budget_told_two_ways_is_flagged(corpus: Corpus) -> None:
    other = money(
        "The county council has 900 staff, and its annual budget is €47 million.",
        "€47 million", 47e6, "annual budget",
    )  # fmt: skip
    assert flagged(corpus, BUDGET_WHOSE, other) == ["value"]


# ---- one plan told as a forecast, a target or a promise ----------------------------------------

PLAN_WOULD = count(
    "Tarnwell Foods said on Monday it would cut 2,600 jobs at its bakeries.",
    "2,600 jobs", 2600, "jobs", "jobs",
)  # fmt: skip


def test_one_plan_told_as_a_forecast_and_a_target_is_flagged(corpus: Corpus) -> None:
    other = count(
        "Tarnwell Foods planned to cut 2,900 jobs at its bakeries, staff were told.",
        "2,900 jobs", 2900, "jobs", "jobs",
    )  # fmt: skip
    assert flagged(corpus, PLAN_WOULD, other) == ["value"]


def test_a_plan_and_a_forecast_of_what_it_reaches_are_two_figures(corpus: Corpus) -> None:
    other = count(
        "Tarnwell Foods planned to reach 2,900 jobs at its bakeries, staff were told.",
        "2,900 jobs", 2900, "jobs", "jobs",
    )  # fmt: skip
    assert flagged(corpus, PLAN_WOULD, other) == []


# ---- a running total as of a month -------------------------------------------------------------

PAID_BY_APRIL = money(
    "The Harlow Relief Fund said it had paid €3.2 million to flood victims by the end of April.",
    "€3.2 million", 3.2e6, "payments",
)  # fmt: skip


def test_a_running_total_as_of_two_months_is_two_figures(corpus: Corpus) -> None:
    other = money(
        "The Harlow Relief Fund said it had paid €4.5 million to flood victims by June 12.",
        "€4.5 million", 4.5e6, "payments",
    )  # fmt: skip
    assert flagged(corpus, PAID_BY_APRIL, other, ("2026-06-20", "2026-06-21")) == []


def test_a_running_total_as_of_one_month_told_two_ways_is_flagged(corpus: Corpus) -> None:
    other = money(
        "The Harlow Relief Fund said it had paid €4.5 million to flood victims by April 30.",
        "€4.5 million", 4.5e6, "payments",
    )  # fmt: skip
    assert flagged(corpus, PAID_BY_APRIL, other, ("2026-06-20", "2026-06-21")) == ["value"]


# ---- a long name between a date and its verb ---------------------------------------------------

FINDINGS_DAY = date(
    "The findings will be presented later today, Tuesday, 15 March, at the Northern Cardiology"
    " Society Meeting in Dunholm.",
    "Tuesday, 15 March", "2026-03-15", "presented later today",
)  # fmt: skip


def test_a_date_past_a_long_name_meets_its_event_and_is_flagged(corpus: Corpus) -> None:
    other = date(
        "The findings were presented at the Northern Cardiology Society Meeting on 14 March and"
        " published in a journal.",
        "14 March", "2026-03-14", "Northern Cardiology Society Meeting",
    )  # fmt: skip
    assert flagged(corpus, FINDINGS_DAY, other, ("2026-03-15", "2026-03-20")) == ["date"]


def test_a_date_past_a_long_name_with_another_event_is_two_dates(corpus: Corpus) -> None:
    other = date(
        "The findings were rejected by the Northern Cardiology Society Meeting on 14 March and"
        " withdrawn by the authors.",
        "14 March", "2026-03-14", "Northern Cardiology Society Meeting",
    )  # fmt: skip
    assert flagged(corpus, FINDINGS_DAY, other, ("2026-03-15", "2026-03-20")) == []


# ---- a sum belongs to the nearest length of time; "three and a half years" is exact ----------

MARSH_TERM = C(
    "A court jailed Brenna Holt for nine years for a fraud that took £12.4m, and her accountant,"
    " Ivo Marsh, was sentenced to three years.",
    "three years", "duration", 3, "year", "sentence",
)  # fmt: skip


def test_another_terms_sum_does_not_part_a_sentence_told_two_ways(corpus: Corpus) -> None:
    other = C(
        "Her accountant, Ivo Marsh, was sentenced to three and a half years for hiding £300,000.",
        "three and a half years", "duration", 3.5, "year", "sentence",
    )  # fmt: skip
    assert flagged(corpus, MARSH_TERM, other) == ["value"]


def test_a_sentences_own_far_sums_part_it_from_another_term(corpus: Corpus) -> None:
    other = C(
        "Her accountant, Ivo Marsh, was sentenced to three and a half years for hiding £12.4m.",
        "three and a half years", "duration", 3.5, "year", "sentence",
    )  # fmt: skip
    mine = C(
        "Ivo Marsh, the accountant, was sentenced to three years for hiding £300,000.",
        "three years", "duration", 3, "year", "sentence",
    )  # fmt: skip
    assert flagged(corpus, mine, other) == []


def test_three_and_a_half_years_meets_its_figure_in_digits(corpus: Corpus) -> None:
    other = C(
        "Her accountant, Ivo Marsh, was sentenced to 3.5 years in the same case.",
        "3.5 years", "duration", 3.5, "year", "sentence",
    )  # fmt: skip
    half = C(
        "Her accountant, Ivo Marsh, was sentenced to three and a half years in the same case.",
        "three and a half years", "duration", 3.5, "year", "sentence",
    )  # fmt: skip
    assert flagged(corpus, half, other) == []


# ---- a hyphened figure describes its noun, whatever the verb's mood ----------------------------

SOLAR_FARM = C(
    "The 350MW solar farm near Eldby will employ 40 people once it opens.",
    "350MW", "quantity", 350, "MW", "solar farm",
)  # fmt: skip


def test_a_planned_hyphened_size_told_two_ways_is_flagged(corpus: Corpus) -> None:
    other = C(
        "Norvik Power plans to build a 300-megawatt solar farm near Eldby.",
        "300-megawatt", "quantity", 300, "MW", "solar farm",
    )  # fmt: skip
    assert flagged(corpus, SOLAR_FARM, other) == ["value"]


def test_a_planned_amount_and_a_size_are_two_figures(corpus: Corpus) -> None:
    other = C(
        "Norvik Power plans to build 300 MW of solar farm capacity near Eldby.",
        "300 MW", "quantity", 300, "MW", "solar farm",
    )  # fmt: skip
    assert flagged(corpus, SOLAR_FARM, other) == []


def test_a_sum_in_its_own_joined_clause_still_parts_two_loans(corpus: Corpus) -> None:
    mine = C(
        "Rosland said it would lend €800 million over four years, while the Hale Bank announced"
        " a €2bn loan for the port, repayable over 25 years.",
        "25 years", "duration", 25, "year", "repayable",
    )  # fmt: skip
    other = C(
        "The Hale Bank has approved a €150m emergency loan for Rosland, repayable over 30 years.",
        "30 years", "duration", 30, "year", "repayable",
    )  # fmt: skip
    assert flagged(corpus, mine, other) == []


# ---- the same verb and the same party stand for a missing subject ------------------------------

TOOK_FROM_TENANTS = money(
    "A landlord who took €2.4m from more than 300 tenants in bogus deposits has been jailed.",
    "€2.4m", 2.4e6, "",
)  # fmt: skip


def test_the_same_verb_and_party_told_with_another_figure_is_flagged(corpus: Corpus) -> None:
    other = money(
        "Opening the trial, prosecutors told jurors that the scheme took €2.6m from tenants"
        " between 2019 and 2024, using forged tenancy papers and a network of shell firms.",
        "€2.6m", 2.6e6, "",
    )  # fmt: skip
    assert flagged(corpus, TOOK_FROM_TENANTS, other) == ["value"]


def test_the_same_verb_with_another_party_is_two_figures(corpus: Corpus) -> None:
    other = money(
        "Opening the trial, prosecutors told jurors that the scheme took €2.6m from banks"
        " between 2019 and 2024, using forged tenancy papers and a network of shell firms.",
        "€2.6m", 2.6e6, "",
    )  # fmt: skip
    assert flagged(corpus, TOOK_FROM_TENANTS, other) == []


# ---- units the extractor normalises, converted before comparing -----------------------------

DOSE = C(
    "Patients in the trial took a daily 24 mg tablet of velmarin for a year.",
    "24 mg", "quantity", 24, "mg", "velmarin tablet",
)  # fmt: skip


def test_one_dose_in_milligrams_and_grams_is_one_figure(corpus: Corpus) -> None:
    other = C(
        "Patients in the trial took a daily 0.024 g tablet of velmarin for a year.",
        "0.024 g", "quantity", 0.024, "g", "velmarin tablet",
    )  # fmt: skip
    assert flagged(corpus, DOSE, other) == []


def test_a_dose_told_in_grams_that_differs_is_flagged(corpus: Corpus) -> None:
    other = C(
        "Patients in the trial took a daily 0.032 g tablet of velmarin for a year.",
        "0.032 g", "quantity", 0.032, "g", "velmarin tablet",
    )  # fmt: skip
    assert flagged(corpus, DOSE, other) == ["value"]


STEEL = C(
    "The Orlen steelworks emitted 2.4 Mt of carbon dioxide last year.",
    "2.4 Mt", "quantity", 2.4, "Mt", "steelworks emissions",
)  # fmt: skip


def steel_tonnes(value: float) -> C:
    return C(
        f"The Orlen steelworks emitted {value:g} million tonnes of carbon dioxide last year.",
        f"{value:g} million tonnes", "quantity", value * 1e6, "t", "steelworks emissions",
    )  # fmt: skip


def test_megatonnes_meet_tonnes(corpus: Corpus) -> None:
    assert flagged(corpus, STEEL, steel_tonnes(2.4)) == []


def test_megatonnes_against_other_tonnes_are_flagged(corpus: Corpus) -> None:
    assert flagged(corpus, STEEL, steel_tonnes(2.9)) == ["value"]
