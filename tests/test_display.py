"""Values as shown to a person: durations agree with their number; numbers are grouped."""

from __future__ import annotations

import pytest

from claimtrack.display import grouped_number, unit_label


@pytest.mark.parametrize(
    ("unit", "value", "value_max", "shown"),
    [
        ("month", 18.0, None, "months"),
        ("year", 1.0, None, "year"),
        ("year", 1.5, None, "years"),
        ("week", 1.0, 2.0, "weeks"),  # a range is read by its top: "1–2 weeks"
        ("soldiers", 1.0, None, "soldiers"),  # counted nouns are stored as the text has them
        ("USD", 1.0, None, "USD"),
        (None, 3.0, None, ""),
    ],
)
def test_unit_label(unit: str | None, value: float, value_max: float | None, shown: str) -> None:
    assert unit_label(unit, value, value_max) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [(425e6, "425,000,000"), (1234567.5, "1,234,567.5"), (66.7, "66.7"), (0.25, "0.25")],
)
def test_grouped_number(value: float, shown: str) -> None:
    assert grouped_number(value) == shown
