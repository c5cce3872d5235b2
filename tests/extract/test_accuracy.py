"""Accuracy floor over the hand-labelled fixtures (the benchmark prints the detail)."""

from __future__ import annotations

from pathlib import Path

from claimtrack.extract import extract_claims
from claimtrack.extract.evaluate import evaluate_fixtures, locate, totals

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_locate_counts_overlapping_occurrences() -> None:
    text = "Oct. 17, Oct. 18 and Oct. 1"
    assert locate(text, "Oct. 1", 3) == text.rindex("Oct. 1")
    assert locate(text, "Oct. 1", 4) == -1


def test_recall_and_precision_on_fixture_gold() -> None:
    outcomes = evaluate_fixtures(FIXTURES, extract_claims)
    assert len(outcomes) >= 10
    scores = totals(outcomes)
    assert scores["all"].gold >= 200
    assert scores["all"].recall >= 0.9, scores["all"]
    assert scores["all"].precision >= 0.9, scores["all"]
    for kind, s in scores.items():
        if s.gold >= 5:
            assert s.recall >= 0.85 and s.precision >= 0.85, (kind, s)


def test_recall_and_precision_on_the_extraction_tests_own_articles() -> None:
    # Written and labelled for these tests, apart from the shared fixtures.
    outcomes = evaluate_fixtures(Path(__file__).parent / "data", extract_claims)
    scores = totals(outcomes)
    assert scores["all"].gold >= 40
    assert scores["all"].recall >= 0.9, scores["all"]
    assert scores["all"].precision >= 0.9, scores["all"]
