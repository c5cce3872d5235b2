"""The claim record every extractor produces."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("count", "money", "percent", "quantity", "duration", "date", "quote")
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range")


@dataclass(frozen=True, slots=True)
class ExtractedClaim:
    """One checkable claim; ``span == text[start:end]`` of the text given to the extractor."""

    kind: str
    start: int
    end: int
    span: str
    sentence: str
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    date: str | None = None
    subject: str | None = None
    subject_key: str | None = None
    speaker: str | None = None
