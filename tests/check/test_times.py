"""Which times a sentence ties a figure to: the earlier figure of a comparison is its own time."""

from __future__ import annotations

import pytest

from claimtrack.check.text import time_markers

REPORT = "Exports reached 4.1 million tonnes in 2024, up from 3.6 million tonnes the year before."


def test_the_newer_figure_takes_the_sentences_year() -> None:
    marks = time_markers(REPORT, "4.1 million tonnes")
    assert "y2024" in marks
    assert "prior" not in marks


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        (REPORT, "3.6 million tonnes"),
        ("The club sold 9,000 season tickets in 2025, down from about 9,400.", "9,400"),
    ],
)
def test_the_earlier_figure_of_a_comparison_is_not_the_named_year(sentence: str, span: str) -> None:
    assert time_markers(sentence, span) == {"prior"}


def test_a_year_after_the_earlier_figure_is_its_own() -> None:
    sentence = "Revenue rose to $5bn in 2025, up from about $4bn in 2023."
    assert time_markers(sentence, "$4bn") == {"y2023"}


def test_last_year_resolves_against_the_published_year() -> None:
    sentence = "The striker, who scored 19 goals last season, signed on Monday."
    assert "y2025" in time_markers(sentence, "19 goals", 2026)
    assert "y2025" not in time_markers(sentence, "19 goals", None)
