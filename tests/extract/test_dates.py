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
        "Prices have doubled over the past year.",
        "Prices have risen in recent years.",
        "Shares fell sharply in the past month.",
        "Rents climbed again this week.",
        "The river rose steadily over the last week.",
        "A decision is expected in the next week or two.",
        "Three boats sank over the weekend.",
        "Snow fell overnight.",
        "She never promises anything on a Friday.",
        "The market opens every Sunday.",
    ],
)
def test_vague_periods_and_indefinite_weekdays_are_not_dates(text: str) -> None:
    # Nothing a checker could look up: the fixtures' gold leaves them out too.
    assert claims_of(text, "date") == []


def test_last_week_and_next_week_are_dates_a_week_either_side() -> None:
    # As dateparser reads them against the published date (the issue lists "last week").
    text = "The ferry line was sold last week and the new owner takes over next week."
    found = [(c.span, c.date) for c in claims_of(text, "date", dt.date(2027, 5, 6))]
    assert found == [("last week", "2027-04-29"), ("next week", "2027-05-13")]
    assert claims_of("The dam failed last weekend.", "date") == []


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


# 2031-04-16 is a Wednesday.
SPRING = dt.date(2031, 4, 16)


def test_a_date_list_item_with_a_colon_keeps_its_day() -> None:
    text = "Timeline:\nApril 2: bids open\nJune 30: contract signed\n"
    assert [c.date for c in claims_of(text, "date", SPRING)] == ["2031-04-02", "2031-06-30"]
    assert claims_of("The count began at May 7 18:30 sharp.", "date", SPRING)[0].span == "May 7"


def test_a_deadline_already_met_lies_behind() -> None:
    text = "Water had been restored to most of the valley by Monday evening."
    assert one(text, "date", SPRING).date == "2031-04-14"
    text = "The council has promised to clear the debris by Monday."
    assert one(text, "date", SPRING).date == "2031-04-21"


def test_yesterday_weekday_in_a_past_sentence() -> None:
    text = "Crews declared the blaze in the hills contained late on Tuesday."
    assert one(text, "date", SPRING).date == "2031-04-15"


def test_this_weekday_is_in_the_publication_week() -> None:
    assert one("The board meets this Friday.", "date", SPRING).date == "2031-04-18"
    assert one("The strike began this Monday.", "date", SPRING).date == "2031-04-14"


def test_a_participle_after_be_is_not_past_tense() -> None:
    assert one("Repairs should be finished by mid-June.", "date", SPRING).date == "2031-06"
    assert one("The inquiry is scheduled to report in May.", "date", SPRING).date == "2031-05"


def test_a_far_yearless_day_takes_the_tense_or_the_published_year() -> None:
    # AP style names the year of a date in another year, so a far yearless day is this year's,
    # unless the sentence's tense puts it behind or ahead.
    assert one("The appeal is listed for Nov. 20.", "date", SPRING).date == "2031-11-20"
    assert one("The bridge closed on 20 November.", "date", SPRING).date == "2030-11-20"
    assert one("The dock will reopen on 3 February.", "date", SPRING).date == "2032-02-03"
    # Near the turn of the year the nearest one wins.
    assert one("Ballots were counted on Dec. 30.", "date", dt.date(2032, 1, 4)).date == "2031-12-30"


def test_a_year_coordinated_with_a_dated_year_is_a_date() -> None:
    text = "The union wants the mine shut by 2032, not 2038, and says 2034 or 2036 is too late."
    assert [c.span for c in claims_of(text, "date", SPRING)] == ["2032", "2038"]
    text = "Funding will end in 2029 or 2030."
    assert [c.date for c in claims_of(text, "date", SPRING)] == ["2029", "2030"]


def test_a_year_the_sentence_places_events_in_is_a_date() -> None:
    text = "Researchers compared 2027, when floods closed the port, with drier years."
    assert one(text, "date", SPRING).date == "2027"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Profits rose in fiscal 2029.", "2029"),
        ("The tunnel opens in summer 2033.", "2033"),
        ("Sales fell in Q3 2030.", "2030"),
        ("It was the wettest spring since at least 1998.", "1998"),
        ("Unemployment rose throughout 2030.", "2030"),
        ("The plant will be built by end-2034.", "2034"),
        ("The museum expects more visitors in the first half of 2032.", "2032"),
    ],
)
def test_a_year_after_a_season_or_period_word_is_a_date(text: str, date: str) -> None:
    assert one(text, "date", SPRING).date == date


def test_month_ranges() -> None:
    text = "The festival runs from May to July."
    assert [c.date for c in claims_of(text, "date", SPRING)] == ["2031-05", "2031-07"]
    text = "The gauge logged 900 mm of rain between November and March."
    assert [c.date for c in claims_of(text, "date", SPRING)] == ["2030-11", "2031-03"]
    text = "The night ferry runs in March and May."
    assert [c.date for c in claims_of(text, "date", SPRING)] == ["2031-03", "2031-05"]


@pytest.mark.parametrize(
    ("text", "span", "date"),
    [
        ("The governor said Tuesday that the levee would hold.", "Tuesday", "2031-04-15"),
        ("Talks resume Sept. 9 in Oslo.", "Sept. 9", "2031-09-09"),
        ("The treaty was signed on 5 March in Lisbon.", "5 March", "2031-03-05"),
        ("Repairs should be complete by mid-June.", "June", "2031-06"),
        ("The mill reopens in early 2032.", "2032", "2032"),
        ("Rates were cut on the 2nd of April.", "2nd of April", "2031-04-02"),
    ],
)
def test_news_styles(text: str, span: str, date: str) -> None:
    c = one(text, "date", SPRING)
    assert (c.span, c.date) == (span, date)


def test_an_advert_paragraph_gives_no_dates() -> None:
    text = (
        "The strike ended on Monday.\n\n"
        "Upgrade your broadband and save on your first year. Offer ends 30 April.\n\n"
        "The union said the company's offer ends on 30 April, when talks resume."
    )
    assert [c.span for c in claims_of(text, "date", SPRING)] == ["Monday", "30 April"]
    assert claims_of(text, "date", SPRING)[1].start > text.index("union")


# 2031-04-16 (SPRING) is a Wednesday.
@pytest.mark.parametrize(
    ("text", "span", "date"),
    [
        ("The next fair is set for Lintz in October next year.", "October next year", "2032-10"),
        ("Prices peaked in May last year.", "May last year", "2030-05"),
        ("The mine closed last January.", "last January", "2031-01"),
        ("The mine closed last June.", "last June", "2030-06"),
        ("Talks resume next March.", "next March", "2032-03"),
        ("Work starts next September.", "next September", "2031-09"),
    ],
)
def test_a_month_placed_by_a_relative_year(text: str, span: str, date: str) -> None:
    c = one(text, "date", SPRING)
    assert (c.span, c.date) == (span, date)


def test_a_year_compared_with_is_a_date_but_a_year_of_levels_is_a_label() -> None:
    text = "Output must fall 40% by 2040 compared with 2022."
    assert [c.span for c in claims_of(text, "date", SPRING)] == ["2040", "2022"]
    text = "The target is a 55 per cent cut by 2040 from 2022 levels, in 2022 prices."
    assert [c.span for c in claims_of(text, "date", SPRING)] == ["2040"]


def test_this_month_is_vague() -> None:
    text = "Dockers will walk out twice this month and next, and again later this month."
    assert claims_of(text, "date", SPRING) == []


def test_a_decimal_point_does_not_end_the_clause_that_looks_ahead() -> None:
    text = "The council would not raise its €2.5m grant for the museum before the vote in March."
    assert one(text, "date", SPRING).date == "2032-03"


def test_a_deal_to_do_something_through_a_date_looks_ahead() -> None:
    text = "Leaders said they had reached a deal to keep the ferries running through Oct. 31."
    assert one(text, "date", SPRING).date == "2031-10-31"
    text = "Snow fell from Monday through Wednesday."
    assert [c.date for c in claims_of(text, "date", SPRING)] == ["2031-04-14", "2031-04-16"]


def test_a_stamp_inside_a_byline_line_is_metadata() -> None:
    text = "Ana Ruiz, Lintz Post · Updated 14:05 GMT, 10 April 2031\n\nThe dam failed on 9 April."
    assert [c.span for c in claims_of(text, "date", SPRING)] == ["9 April"]
    text = "The figures were updated on 10 April 2031 after an error was found."
    assert one(text, "date", SPRING).span == "10 April 2031"


def test_a_deadline_whose_clause_is_past_lies_behind() -> None:
    text = 'She said: "By Tuesday night we had forty volunteers."'
    assert one(text, "date", SPRING).date == "2031-04-15"


def test_a_scheduled_event_in_the_present_tense_lies_ahead() -> None:
    text = "The summit resumes Thursday with talks on trade."
    assert one(text, "date", SPRING).date == "2031-04-17"


def test_an_agency_stamp_line_is_metadata() -> None:
    text = "Lintz Wire Service - 15 April 2031 - 09:40 GMT\n\nThe dam failed on 9 April."
    assert [c.span for c in claims_of(text, "date", SPRING)] == ["9 April"]


def test_the_year_in_a_law_name_is_not_a_date() -> None:
    text = "The fund is registered under the Investment Company Act of 1940 since May 2030."
    assert [(c.span, c.date) for c in claims_of(text, "date", SPRING)] == [("May 2030", "2030-05")]


def test_a_weekday_in_spoken_words_without_a_past_tense_is_the_coming_one() -> None:
    text = 'The coach smiled. "Come to the open training on Friday and see for yourselves."'
    assert one(text, "date", SPRING).date == "2031-04-18"
    text = 'The coach smiled. "We trained hard on Friday and it showed."'
    assert one(text, "date", SPRING).date == "2031-04-11"


def test_a_day_set_for_an_event_is_ahead_even_after_has() -> None:
    claim = one("The retrial has been set for 3 March.", "date", dt.date(2027, 9, 20))
    assert (claim.span, claim.date) == ("3 March", "2028-03-03")


def test_a_date_whose_when_clause_says_will_is_ahead() -> None:
    text = "A second hearing was arranged for 3 March, when the court will rule on costs."
    claim = one(text, "date", dt.date(2027, 9, 20))
    assert (claim.span, claim.date) == ("3 March", "2028-03-03")


def test_a_weekday_the_story_has_put_ahead_stays_ahead() -> None:
    text = (
        "The council will vote on Thursday. Dozens of residents have asked to speak at "
        "Thursday's meeting."
    )
    found = claims_of(text, "date", dt.date(2027, 5, 12))
    assert [(c.span, c.date) for c in found] == [
        ("Thursday", "2027-05-13"),
        ("Thursday", "2027-05-13"),
    ]


def test_the_date_of_a_correction_notice_is_not_a_claim() -> None:
    text = "The mill closed in 2019. This story was corrected on 4 May 2027 to fix a name."
    assert [c.span for c in claims_of(text, "date")] == ["2019"]


def test_a_day_an_event_is_put_back_to_is_ahead() -> None:
    claim = one("The vote was postponed until 3 March.", "date", dt.date(2027, 9, 20))
    assert (claim.span, claim.date) == ("3 March", "2028-03-03")


@pytest.mark.parametrize(
    "text",
    ["A ruling is expected on Tuesday.", "The offer, which starts on Tuesday, runs for a month."],
)
def test_an_expected_or_starting_event_on_a_weekday_is_the_coming_one(text: str) -> None:
    claim = one(text, "date", dt.date(2027, 3, 20))
    assert (claim.span, claim.date) == ("Tuesday", "2027-03-23")
