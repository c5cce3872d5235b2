"""Dates, absolute and relative, resolved against the published date with their precision."""

from __future__ import annotations

import datetime as dt

import pytest

from .helpers import PUBLISHED, claims_of, one


@pytest.mark.parametrize(
    ("text", "span", "date"),
    [
        ("The summit opened on October 17.", "October 17", "2024-10-17"),
        ("Americans vote on Nov. 5.", "Nov. 5", "2024-11-05"),
        ("It was signed on 17 October 2024.", "17 October 2024", "2024-10-17"),
        ("The G7 agreed the scheme in June.", "June", "2024-06"),
        ("The invasion began in February 2022.", "February 2022", "2022-02"),
        ("Zelensky spoke Thursday in Brussels.", "Thursday", "2024-10-17"),
        ("The plan was unveiled on Wednesday.", "Wednesday", "2024-10-16"),
        ("Biden visits Berlin on Friday.", "Friday", "2024-10-18"),
        ("Shelling began late on Sunday.", "Sunday", "2024-10-13"),
        ("The minister said so last month.", "last month", "2024-09"),
        ("The war could end next year.", "next year", "2025"),
        ("Volumes fell in 2023.", "2023", "2023"),
        ("President Zelensky spoke on Thursday, October 17.", "Thursday, October 17", "2024-10-17"),
    ],
)
def test_dates(text: str, span: str, date: str) -> None:
    c = one(text, "date")
    assert (c.span, c.date) == (span, date)


def test_yearless_date_takes_the_nearest_year() -> None:
    c = one("Michel's term ends on December 20.", "date", dt.date(2025, 1, 5))
    assert c.date == "2024-12-20"


def test_relative_date_without_published_date_has_no_value() -> None:
    c = one("He spoke on Thursday.", "date", None)
    assert (c.span, c.date) == ("Thursday", None)


def test_year_inside_a_full_date_is_not_a_separate_claim() -> None:
    found = claims_of("It was signed on 17 October 2024.", "date") + claims_of(
        "It was signed on 17 October 2024.", "count"
    )
    assert [c.span for c in found] == ["17 October 2024"]


def test_between_two_years_gives_two_claims() -> None:
    found = claims_of("The pipe was replaced between 2015 and 2019.", "date")
    assert [c.date for c in found] == ["2015", "2019"]


def test_published_default_is_used() -> None:
    assert one("They met yesterday.", "date").date == (PUBLISHED - dt.timedelta(days=1)).isoformat()


def test_abbreviated_month_without_full_stop() -> None:
    assert one("The meeting is set for Oct 21.", "date").date == "2024-10-21"


def test_weekday_inside_a_name_is_not_a_date() -> None:
    assert claims_of("The Sunday Times reported it after Black Friday.", "date") == []


def test_deadline_weekday_looks_ahead() -> None:
    c = one(
        "The minister urged both sides to return to talks by Friday.", "date", dt.date(2025, 6, 12)
    )
    assert c.date == "2025-06-13"


def test_year_after_early_is_a_time_but_a_label_is_not() -> None:
    assert one("In early 2025 the plan starts.", "date").date == "2025"
    assert claims_of("The 2023 London conference ended.", "date") == []


AUTUMN = dt.date(2030, 10, 10)


def test_month_with_past_tense_is_the_last_one_before_publication() -> None:
    assert one("The ferry company raised fares in December.", "date", AUTUMN).date == "2029-12"
    assert one("Water levels have fallen since August.", "date", AUTUMN).date == "2030-08"


def test_month_with_future_tense_is_the_next_one_after_publication() -> None:
    assert one("The new terminal will open in March.", "date", AUTUMN).date == "2031-03"


def test_weekday_with_until_or_plans_to_is_the_next_one() -> None:
    # 2030-10-10 is a Thursday.
    assert one("The school stays shut until Tuesday.", "date", AUTUMN).date == "2030-10-15"
    assert one("The union plans to strike on Monday.", "date", AUTUMN).date == "2030-10-14"


def test_weekday_after_would_is_ahead_but_after_had_been_due_is_behind() -> None:
    # 2030-10-10 is a Thursday.
    ahead = one("The mayor said crews would reopen the road on Monday.", "date", AUTUMN)
    assert ahead.date == "2030-10-14"
    behind = one("The permit had been due to lapse on Monday.", "date", AUTUMN)
    assert behind.date == "2030-10-07"


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose last week.",
        "Prices have doubled over the past year.",
        "Prices have risen in recent years.",
        "Shares fell sharply in the past month.",
        "She never promises anything on a Friday.",
        "The market opens every Sunday.",
    ],
)
def test_vague_periods_and_indefinite_weekdays_are_not_dates(text: str) -> None:
    # Nothing a checker could look up: the fixtures' gold leaves them out too.
    assert claims_of(text, "date") == []


def test_from_a_weekday_in_a_past_sentence_lies_behind() -> None:
    text = "More than 300 mm of rain fell in 36 hours from late on Friday."
    assert one(text, "date", dt.date(2026, 11, 3)).date == "2026-10-30"


def test_until_a_weekday_after_a_present_verb_lies_ahead() -> None:
    text = "The strike that started on Monday lasts until Friday."
    found = {c.span: c.date for c in claims_of(text, "date", dt.date(2026, 11, 3))}
    assert found == {"Monday": "2026-11-02", "Friday": "2026-11-06"}


def test_a_fixture_in_the_present_tense_lies_ahead() -> None:
    text = "Rovers play Denholm Athletic at home on Wednesday."
    assert one(text, "date", dt.date(2025, 3, 9)).date == "2025-03-12"


def test_a_month_people_expect_lies_ahead() -> None:
    text = "Economists polled by the paper expect no further increase before September."
    assert one(text, "date", dt.date(2025, 6, 12)).date == "2025-09"


def test_the_year_to_may_names_the_month_a_figure_covers() -> None:
    text = "Consumer prices rose 3.1% in the year to May, down from 3.4% in April."
    found = extract_claims_of(text)
    assert found["May"] == ("date", "2025-05")
    assert found["3.1%"] == ("percent", "2025-05")
    assert claims_of("He spoke to May about it.", "date", dt.date(2025, 6, 12)) == []


def extract_claims_of(text: str) -> dict[str, tuple[str, str | None]]:
    from claimtrack.extract import extract_claims

    return {c.span: (c.kind, c.date) for c in extract_claims(text, dt.date(2025, 6, 12))}
