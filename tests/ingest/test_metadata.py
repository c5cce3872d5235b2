"""Published dates and titles an article gives without metadata."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack.ingest.metadata import dateline_date, first_line_title

TODAY = dt.date(2026, 12, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 4 March fell on a Tuesday in 2025; 7 March on a Friday in 2025.
        ("Finance ministers agreed on Tuesday, March 4, to delay the vote.", "2025-03-04"),
        ("The union walked out on Friday 7 March after talks collapsed.", "2025-03-07"),
        ("GENEVA, June 3 (Wirecast) - Negotiators resumed talks on Tuesday.", "2025-06-03"),
        # A full date in the dateline needs no weekday.
        ("OSLO, June 3, 2019 (Wirecast) - Negotiators resumed talks.", "2019-06-03"),
        ("Published 22/11/2026 - 03:14 | Updated 22/11/2026 - 09:40", "2026-11-22"),
        ("Published: 04.03.2025", "2025-03-04"),
        ("Updated 11/22/2026 9:40 a.m.", "2026-11-22"),  # only month-first is a date
    ],
)
def test_the_lead_pins_down_the_day(text: str, expected: str) -> None:
    assert dateline_date(text, TODAY) == dt.date.fromisoformat(expected)


def test_the_year_is_not_older_than_a_year_the_article_names() -> None:
    lead = "GENEVA, June 3 (Wirecast) - Negotiators met again on {day}."
    rest = "\n\nThe first round of talks took place in 2023."
    # 3 June was a Monday in 2024; a Friday only in 2022 and earlier, before 2023.
    assert dateline_date(lead.format(day="Monday") + rest, TODAY) == dt.date(2024, 6, 3)
    assert dateline_date(lead.format(day="Friday") + rest, TODAY) is None


def test_a_day_still_to_come_this_year_goes_back_to_a_year_it_matches() -> None:
    text = "Shares fell on Friday, November 20, as the bid collapsed."
    assert dateline_date(text, TODAY) == dt.date(2026, 11, 20)
    assert dateline_date(text, dt.date(2026, 11, 10)) == dt.date(2020, 11, 20)


@pytest.mark.parametrize(
    "text",
    [
        "GENEVA, June 3 (Wirecast) - Negotiators resumed talks.",  # no weekday to go by
        "The summit ended without a deal. Leaders will meet again next year.",
        # A weekday with a full date in a long lead sentence is what the day was, not when
        # the article was written.
        "Ministers met on Tuesday, March 5, 2024, to sign the accord that took months to draft.",
    ],
)
def test_without_evidence_the_date_stays_unknown(text: str) -> None:
    # A guessed year would misdate every relative date in the article.
    assert dateline_date(text, TODAY) is None


def test_a_wire_lead_without_headline_gives_its_first_words_as_title() -> None:
    text = (
        "GENEVA, June 3 (Wirecast) - Negotiators from both sides resumed talks on Tuesday "
        "after a two-week pause, with a ceasefire along the northern front still holding. "
        "They will meet again on Friday.\n\nMore text."
    )
    title = first_line_title(text)
    assert title is not None
    assert title.startswith("Negotiators from both sides resumed talks on Tuesday")
    assert title.endswith("…") and len(title) <= 101


def test_a_headline_stays_the_title() -> None:
    text = "Negotiators resume talks in Geneva\n\nGENEVA, June 3 (Wirecast) - Talks resumed."
    assert first_line_title(text) == "Negotiators resume talks in Geneva"


def test_a_short_lead_sentence_is_the_title_whole() -> None:
    text = "LIMA, May 2 (Wirecast) - Talks resumed. " + "More words follow here. " * 20
    assert first_line_title(text) == "Talks resumed."
