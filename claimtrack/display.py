"""Values as a person reads them, shared by the command line, the TUI and the reports."""

from __future__ import annotations

# Durations are stored in the contract's singular units (year, month, ...); shown, they agree
# with their number: "18 months", "1 year", "2–3 weeks".
_DURATION_UNITS = frozenset({"year", "month", "week", "day", "hour"})


def unit_label(unit: str | None, value: float | None, value_max: float | None = None) -> str:
    if not unit:
        return ""
    if unit in _DURATION_UNITS and (value_max if value_max is not None else value) != 1:
        return unit + "s"
    return unit


def grouped_number(value: float) -> str:
    """425000000 -> 425,000,000; 1234567.5 -> 1,234,567.5; 66.7 -> 66.7."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")
