"""Subjects of figures: a short noun phrase naming the thing, never a verb or a function word."""

from __future__ import annotations

import pytest

from claimtrack.extract import extract_claims
from claimtrack.extract.subjects import STOP_WORDS

from .helpers import claims_of, one


@pytest.mark.parametrize(
    ("text", "kind", "subject"),
    [
        # the noun the figure modifies, or the noun it is "of"
        ("Regulators approved a $3 billion rail tunnel.", "money", "rail tunnel"),
        ("The refinery handles 200,000 barrels of crude a day.", "quantity", "crude"),
        ("The insurer paid out $40m in claims.", "money", "claims"),
        ("About 70% of the island's power comes from diesel.", "percent", "island's power"),
        # the noun phrase before a link word
        ("The club agreed a contract worth £90m.", "money", "contract"),
        ("The deal is worth $2bn to the port.", "money", "deal"),
        ("Analysts expect a rate of 4.1% this year.", "percent", "rate"),
        # the thing a verb puts at a level, or changes
        ("Inflation climbed to 6.2% in March.", "percent", "Inflation"),
        ("Average rents stood at €1,450 in the capital.", "money", "Average rents"),
        ("The central bank cut its key rate by 50 basis points.", "percent", "key rate"),
        ("The Greens came third with 9.4%.", "percent", "Greens"),
        # the purpose an amount goes to, with a named owner
        ("Norway pledged $40m to a flood relief fund.", "money", "Norway flood relief fund"),
        ("Ministers said 15 billion dollars would go to the rail fund.", "money", "rail fund"),
        ("€4bn was taken out of the health budget.", "money", "health budget"),
        ("Donors gave $12m for school repairs.", "money", "school repairs"),
        # the act the verb names, with its actor
        ("The city will spend £12m.", "money", "city spending"),
        ("Siemens' 25% share in the venture was sold.", "percent", "Siemens share"),
        # measures of a thing
        ("The bridge is 1,400 metres long.", "quantity", "bridge length"),
        ("The camp lies 12 km from the border.", "quantity", "border distance"),
        # durations: the event or act they measure
        ("The trial lasted 15 days.", "duration", "trial"),
        ("He was jailed for nine years.", "duration", "prison sentence"),
        ("Work on the tunnel will begin in May and take 30 months.", "duration",
         "Work on tunnel"),
        ("Talks on the treaty took more than two years.", "duration", "Talks on treaty"),
        ("The strike is now three weeks old.", "duration", "strike"),
    ],
)  # fmt: skip
def test_subject_names_the_thing(text: str, kind: str, subject: str) -> None:
    assert one(text, kind).subject == subject


def test_a_conversion_in_brackets_shares_the_subject_of_the_amount_it_converts() -> None:
    first, second = claims_of(
        "Japan approved a ¥300 billion grant ($2 billion) for Kenya.", "money"
    )
    assert first.subject == second.subject == "grant"
    assert first.subject_key == second.subject_key


def test_a_figure_set_against_the_one_before_shares_its_subject() -> None:
    found = claims_of("Exports rose to $4.2bn, up from $3.9bn in 2023.", "money")
    assert [c.subject for c in found] == ["Exports", "Exports"]
    found = claims_of("Support rose 4 points to 38%.", "percent")
    assert [(c.span, c.subject) for c in found] == [("4 points", "Support"), ("38%", "Support")]
    found = claims_of("Labour took 31.2%, down 2.5 percentage points.", "percent")
    assert [c.subject for c in found] == ["Labour", "Labour"]


def test_two_amounts_for_different_purposes_keep_their_own_subjects() -> None:
    found = claims_of("The plan sets aside €20bn for housing and €17bn for defence.", "money")
    assert [c.subject for c in found] == ["housing", "defence"]


def test_a_common_plural_opening_a_sentence_is_no_owner() -> None:
    assert one("Donors pledged €20bn to a recovery fund.", "money").subject == "recovery fund"


@pytest.mark.parametrize(
    "text",
    [
        "Officials said 20 billion euros had been found.",
        "It rose 3% on the day.",
        "They expect 4% more next year.",
        "Prices were 2.5% higher than a year ago.",
        "The figure was revised to $4m after the audit.",
        "That would add 12 months to the wait.",
        "So far this year 9,000 tonnes have been shipped.",
    ],
)
def test_no_subject_is_a_verb_a_scale_or_a_function_word(text: str) -> None:
    scale = {"million", "billion", "thousand", "bn", "m", "per", "cent", "percent"}
    for c in extract_claims(text):
        if c.kind in ("quote", "date") or not c.subject:
            continue
        words = c.subject.lower().split()
        assert words[0] not in STOP_WORDS and words[-1] not in STOP_WORDS, (text, c.subject)
        assert not scale & set(words), (text, c.subject)
        assert not {"said", "rose", "were", "was", "expect", "add"} & set(words), (text, c.subject)


def test_a_figure_in_apposition_takes_the_subject_of_the_one_it_restates() -> None:
    text = "Copper prices slid $310, or 3.4%, to $8,900 a tonne."
    found = [c for c in extract_claims(text) if c.kind in ("money", "percent")]
    assert [(c.span, c.subject) for c in found] == [
        ("$310", "Copper prices"), ("3.4%", "Copper prices"), ("$8,900 a tonne", "Copper prices"),
    ]  # fmt: skip


def test_a_further_amount_shares_the_subject_of_the_first() -> None:
    found = claims_of(
        "The state will invest €3bn in rail, with a further €1bn from banks.", "money"
    )
    assert [c.subject for c in found] == ["rail", "rail"]


def test_the_purpose_after_a_bracketed_conversion() -> None:
    text = "The board approved Rs 9,000 crore (about $1.1 billion) for new hospitals."
    assert [c.subject for c in claims_of(text, "money")] == ["hospitals", "hospitals"]


@pytest.mark.parametrize(
    "text",
    [
        "The poll has a margin of plus or minus 2.5 percentage points.",
        "In March the party was six points ahead.",
        "The fund will pay out over five years in euros.",
        "Turnout was the highest in 16 years.",
        "Imports cost $1-2 billion a year, pointing to a deficit.",
    ],
)
def test_signs_comparisons_currencies_and_superlatives_are_no_subject(text: str) -> None:
    for c in extract_claims(text):
        if c.kind not in ("quote", "date") and c.subject:
            words = set(c.subject.lower().split())
            assert not words & {"minus", "ahead", "euros", "highest", "pointing"}, (text, c.subject)
