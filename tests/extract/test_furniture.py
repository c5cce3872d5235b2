"""Page furniture a reader kept: counters, consent banners, subscription pitches, live-page ads."""

from __future__ import annotations

from claimtrack.extract import extract_claims


def spans(text: str) -> list[str]:
    return [c.span for c in extract_claims(text)]


def test_share_and_comment_counters() -> None:
    text = "Ministers met overnight.\n1.1k shares · 92 comments\nThe talks resumed at dawn."
    assert spans(text) == []


def test_a_consent_banner_is_not_reporting() -> None:
    banner = (
        "We and our 211 partners store cookies on your device. You can withdraw consent at any "
        "time; your choice is kept for 13 months.\n\nThe port reopened after 36 hours."
    )
    assert spans(banner) == ["36 hours"]


def test_a_consent_banner_without_the_word_cookies_is_not_reporting() -> None:
    banner = (
        "We and our 87 partners store and access information on your device to measure ads."
        "\n\nThe port reopened after 36 hours."
    )
    assert spans(banner) == ["36 hours"]


def test_cookies_in_a_story_stay_claims() -> None:
    text = "The bakery sold 4,000 cookies on the first day of the fair."
    assert spans(text) == ["4,000 cookies"]


def test_a_subscription_pitch_is_not_reporting() -> None:
    text = (
        "The dam holds 40 million cubic metres.\n\n"
        "*Our reporting is paid for by readers. Not a subscriber? Try 8 weeks free, then £4 a "
        "month.*"
    )
    assert spans(text) == ["40 million cubic metres"]


def test_a_subscription_price_is_not_reporting() -> None:
    text = "The dam holds 40 million cubic metres.\n\n*Subscribe for £6.50 a month.*"
    assert spans(text) == ["40 million cubic metres"]


def test_a_live_pages_ad_ends_at_the_next_entry_time() -> None:
    text = (
        "19:10\nPolls close in the north.\nAdvertisement\nBook a city break from £59.\n"
        "18:40\nTurnout in the capital reached 58.3%, officials said.\n"
    )
    assert spans(text) == ["58.3%"]


def test_a_byline_is_metadata_but_a_line_opening_by_a_time_is_reporting() -> None:
    assert spans("By Lena Ward in Oslo\n\nThe ferry carried 300 passengers.") == ["300 passengers"]
    text = "By 9am, the coastguard said 41 people had been rescued."
    assert spans(text) == ["41 people"]


def test_an_ad_label_kept_on_its_line_marks_an_ad() -> None:
    text = "Advertisement: Ferries to Split from €39 each way. Book by 12 May.\n\nThe port shut."
    assert spans(text) == []
    text = "Subscribe to The Harbour Times from £2.99 a week: example.com/join\n\n40 boats sank."
    assert spans(text) == ["40 boats"]
