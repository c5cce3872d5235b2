"""Which times a clause ties a figure to (claimtrack.check.frame): its own clause's, the nearest
of several, the earlier figure of a comparison, seasons and years counted from publication."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack.check.frame import frame

AUGUST = dt.date(2026, 8, 20)
MARCH = dt.date(2026, 3, 10)


def times(sentence: str, span: str, published: dt.date | None = AUGUST) -> frozenset[str]:
    return frame(sentence, span, published, "count").times


REPORT = "Exports reached 4.1 million tonnes in 2024, up from 3.6 million tonnes the year before."


def test_the_newer_figure_takes_the_sentences_year() -> None:
    assert times(REPORT, "4.1 million tonnes") == {"y2024"}


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        (REPORT, "3.6 million tonnes"),
        ("The club sold 9,000 season tickets in 2025, down from about 9,400.", "9,400"),
    ],
)
def test_the_earlier_figure_of_a_comparison_is_not_the_named_year(sentence: str, span: str) -> None:
    assert times(sentence, span) == {"prior"}


def test_a_year_after_the_earlier_figure_is_its_own() -> None:
    sentence = "Revenue rose to $5bn in 2025, up from about $4bn in 2023."
    assert times(sentence, "$4bn") == {"y2023"}


def test_last_season_counts_from_the_published_date() -> None:
    sentence = "The forward, who scored 17 tries last season, signed on Monday."
    assert times(sentence, "17 tries") == {"y2025"}
    # In March a season may still be the one that began last year, or this year's.
    assert times(sentence, "17 tries", MARCH) == {"y2024", "y2025"}
    assert times(sentence, "17 tries", None) == {"past"}


def test_a_time_in_another_clause_is_not_the_figures() -> None:
    sentence = (
        "She was out for most of last season with a shoulder injury, and in the 2023-24 "
        "season she scored only 9 tries after a long recovery."
    )
    assert times(sentence, "9 tries") == {"y2023"}
    assert "y2023" not in times(sentence, "most")


def test_several_years_in_one_clause_go_to_their_nearest_figures() -> None:
    sentence = "Ferry traffic grew to 2.8 million passengers in 2025 from 2.2 million in 2023."
    assert times(sentence, "2.8 million passengers") == {"y2025"}
    assert times(sentence, "2.2 million") == {"y2023"}


def test_a_year_at_the_head_of_a_clause_describes_all_its_figures() -> None:
    sentence = "In 2022, the port handled 310 ships and 41 cruise liners."
    assert times(sentence, "310 ships") == times(sentence, "41 cruise liners") == {"y2022"}


def test_a_joined_clause_without_a_time_keeps_the_earlier_clauses() -> None:
    sentence = "At the 2021 vote the Greens won 18 seats, and the Liberals 11 seats."
    assert times(sentence, "11 seats") == {"y2021"}


def test_a_joined_clause_with_its_own_time_keeps_that() -> None:
    sentence = "At the 2021 vote the Greens won 18 seats, and in 2025 they won 23 seats."
    assert times(sentence, "23 seats") == {"y2025"}


def test_so_far_this_year_is_part_of_this_year() -> None:
    sentence = "So far this year, the clinic has treated 640 patients."
    assert times(sentence, "640 patients") == {"ytd", "y2026"}


def test_a_time_far_from_the_figure_dates_something_else() -> None:
    sentence = (
        "The appeal for 120 volunteers will be heard by the regional planning committee "
        "of the county council on September 30."
    )
    assert times(sentence, "120 volunteers") == frozenset()


def test_ordinal_seasons_are_their_own_time() -> None:
    sentence = "He scored 14 tries for Harlow in his first season."
    assert times(sentence, "14 tries") == {"nth:first-season"}
