"""Text that must not become claims."""

from __future__ import annotations

from claimtrack.extract import extract_claims


def spans(text: str) -> list[str]:
    return [c.span for c in extract_claims(text)]


def test_phone_numbers() -> None:
    assert spans("Call +385 1 555 0198 or 0800 555 0199 for details.") == []


def test_urls_and_emails() -> None:
    assert spans("See https://example.org/2024/10/x or mail press@ket.example.hr now.") == []


def test_digits_inside_names() -> None:
    assert spans("G7 leaders, F-16 jets, COP29, CO2 and ISO 14001 were on the agenda.") == []


def test_list_numbering() -> None:
    assert spans("The plan:\n1. An invitation to NATO.\n2. Stronger defence.\n") == []


def test_year_used_as_a_label() -> None:
    assert spans("The 2024 budget and the 2023 London conference were discussed.") == []


def test_ordinals() -> None:
    assert spans("It was the 15th package and the first of several talks.") == []


def test_ad_block() -> None:
    text = (
        "Troops advanced.\nAdvertisement\nSave 30% on your first order\nTry for free\n"
        "Partner service\nLearn French in 15 minutes per day.\nTry for free\nThe talks went on."
    )
    assert spans(text) == []


def test_dateline_and_published_line() -> None:
    text = (
        "BRUSSELS, Oct. 18 (Northgate Wire) - Ministers met.\nPublished: 18 October 2024\n"
        "By Jane Doe\n"
    )
    assert spans(text) == []


def test_one_as_an_idiom() -> None:
    assert spans("If ever one day they decide, one diplomat said, it will end.") == []


def test_anonymous_sourcing_is_not_a_count() -> None:
    assert spans("Two people familiar with the plans said it would happen.") == []


def test_the_minutes_of_a_clock_time_count_nothing() -> None:
    assert spans("The storm made landfall at 03:45 local time.") == []
    assert spans("Updated 11:20 GMT\n1.4k shares") == []


def test_a_rank_is_no_count() -> None:
    assert spans("The three biggest lenders backed the plan.") == []


def test_index_and_tent_numbers_are_names() -> None:
    assert spans("The FTSE 100 index and S&P 500 companies rallied.") == []
    assert spans("Ward 12 houses the burns unit.") == []


def test_a_conversion_note_is_no_claim() -> None:
    assert spans("($1 = 0.9312 euros)") == []
    assert spans("(1 euro = 1.08 dollars)") == []
    assert spans("The trial enrolled adults (n = 1,200 patients).") == ["1,200 patients"]


def test_one_period_set_against_the_next_is_no_duration() -> None:
    assert spans("Prices are low one month and high the next.") == []


def test_a_heading_that_counts_its_own_list_is_no_claim() -> None:
    assert spans("## Seven things to know about the strike") == []
