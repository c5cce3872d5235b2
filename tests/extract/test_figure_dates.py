"""The time a figure belongs to (its ``date``): the day, month or year the sentence ties it to."""

from __future__ import annotations

import datetime as dt

from .helpers import claims_of, one

FRIDAY = dt.date(2026, 3, 13)


def test_a_day_written_just_after_the_figure_dates_it() -> None:
    c = one("Output peaked at 7,200 MW on Tuesday, March 10, a record.", "quantity", FRIDAY)
    assert c.date == "2026-03-10"
    c = one("Gusts reached 140 km/h in Porto on Wednesday.", "quantity", FRIDAY)
    assert c.date == "2026-03-11"


def test_a_day_in_another_clause_does_not_date_the_figure() -> None:
    c = one("On Monday the minister said 5,000 homes had no power.", "count", FRIDAY)
    assert c.date is None


def test_a_time_written_after_the_figure_beats_one_before_it() -> None:
    text = (
        "Exports fell to 30,000 tonnes in the first half of 2026 from 35,000 tonnes in the"
        " first half of 2025."
    )
    found = claims_of(text, "quantity", FRIDAY)
    assert [(c.value, c.date) for c in found] == [(30000, "2026"), (35000, "2025")]


def test_a_time_in_a_clause_before_does_not_date_the_figure() -> None:
    text = "Sales should double by 2030, and margins grew by a fifth."
    assert one(text, "percent", FRIDAY).date is None


def test_a_timeline_line_dates_its_figure() -> None:
    text = "Timeline\n\n2. March 2024: the club signs Ortiz for €4m\n"
    assert one(text, "money", FRIDAY).date == "2024-03"


def test_a_month_and_year_inside_a_sentence_needs_a_preposition() -> None:
    text = "Revenue was £90m for the year to June 2025."
    assert one(text, "money", FRIDAY).date is None


def test_a_year_opening_a_when_clause_dates_it() -> None:
    text = "Researchers compared 2024, when floods covered 9,000 hectares, with this year."
    assert one(text, "quantity", FRIDAY).date == "2024"


def test_a_yearless_month_takes_the_year_its_tense_gives() -> None:
    # Published in March 2026: "raised money in November" lies behind, in 2025.
    text = "Investors valued the start-up at $90m when it last raised money in November."
    assert one(text, "money", FRIDAY).date == "2025-11"


def test_a_comparison_with_another_year_does_not_date_the_figure() -> None:
    text = "About a third of voters backed the plan, twice as many as in 2019."
    assert one(text, "percent", FRIDAY).date is None


def test_a_superlative_since_a_time_does_not_date_the_figure() -> None:
    c = one("The index fell 4.1% on the day, its lowest since June 2019.", "percent", FRIDAY)
    assert c.date is None


def test_a_time_in_a_relative_clause_does_not_date_a_later_figure() -> None:
    text = "The mayor, who was elected in 2022, said the city had approved a $40m levee."
    assert one(text, "money", FRIDAY).date is None


def test_a_gapped_clause_keeps_the_time_of_the_first() -> None:
    text = "At the 2019 election Labour won 32.2% and 202 seats, and the Greens 4.1% and one seat."
    found = claims_of(text, "percent", FRIDAY)
    assert [(c.value, c.date) for c in found] == [(32.2, "2019"), (4.1, "2019")]


def test_the_end_of_a_month_dates_a_figure() -> None:
    text = "Capacity stood at 3.1 GW at the end of January."
    assert one(text, "quantity", FRIDAY).date == "2026-01"


def test_a_day_after_a_passive_verb_dates_the_figure_and_beats_a_label_year() -> None:
    c = one("About 600 trains were cancelled on Tuesday.", "count", FRIDAY)
    assert c.date == "2026-03-10"
    c = one("The yield on the 2030 bond rose 0.2 percentage points on Tuesday.", "percent", FRIDAY)
    assert c.date == "2026-03-10"
