"""A claim as the checker holds it: the stored columns plus what it derives from them once."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property

from claimtrack.check import quotes, text, values


@dataclass(eq=False)
class Row:
    id: int
    document_id: int
    kind: str
    text: str
    span: str
    value: float | None
    value_max: float | None
    unit: str | None
    qualifier: str | None
    date: str | None
    subject: str | None
    subject_key: str | None
    speaker: str | None
    doc_title: str | None = None
    doc_published: dt.date | None = None
    _cache: dict[str, object] = field(default_factory=dict, repr=False)

    @cached_property
    def dim(self) -> tuple[str, float] | None:
        if self.kind == "quote":
            return ("quote", 1.0)
        if self.kind == "date":
            return ("date", 1.0) if self.date else None
        if self.value is None:
            return None
        return values.dimension(self.kind, self.unit)

    @cached_property
    def bounds(self) -> tuple[float, float]:
        assert self.value is not None and self.dim is not None
        return values.interval(self.value, self.value_max, self.qualifier, self.span, self.dim[1])

    @cached_property
    def base_value(self) -> float:
        assert self.value is not None and self.dim is not None
        return self.value * self.dim[1]

    @cached_property
    def subject_words(self) -> frozenset[str]:
        found = text.subject_words(self.subject_key, self.subject)
        # A unit word says nothing about which thing is counted ("months", "people").
        return frozenset(found - UNIT_WORDS)

    @cached_property
    def context(self) -> frozenset[str]:
        return frozenset(text.content_words(self.text))

    @cached_property
    def owners(self) -> frozenset[str]:
        return frozenset(text.owners(self.text, self.span, self.subject))

    @cached_property
    def target(self) -> bool:
        return text.is_target(self.text, self.span)

    @cached_property
    def times(self) -> frozenset[str]:
        return text.time_markers(self.text, self.span)

    @cached_property
    def quote_words(self) -> tuple[str, ...]:
        return quotes.normalise(self.span)

    @cached_property
    def block_keys(self) -> frozenset[str]:
        return block_keys(self)


UNIT_WORDS = frozenset(
    {"year", "month", "week", "day", "hour", "people", "person", "time", "percent"}
)
QUOTE_KEYS = 8
KEYLESS = "*"
_PLAIN_WORD = re.compile(r"(?<![\w'’])[A-Za-z]+(?![\w'’])")


def block_keys(row: Row) -> frozenset[str]:
    """Words a same-thing partner must share with this claim to be compared at all.

    A pure function of the claim, so a full run and an incremental run see the same candidates.
    """
    if row.kind == "quote":
        # Raw lower-case words, so the incremental check can find them in the stored span.
        found = {w.lower() for w in _PLAIN_WORD.findall(row.span)}
        body = sorted(w for w in found if len(w) >= 4 and w not in text.STOP_WORDS)
        body.sort(key=lambda w: (-len(w), w))
        return frozenset(body[:QUOTE_KEYS])
    keys = set(row.subject_words)
    if row.dim is not None and row.dim[0].startswith("count:"):
        keys.add(row.dim[0].removeprefix("count:"))
    # No usable subject: one block for the whole dimension ("18 months" of what?).
    return frozenset(keys or {KEYLESS})
