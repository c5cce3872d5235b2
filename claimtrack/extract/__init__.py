"""Claim extraction: every checkable number, date and quote in a text, with exact offsets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from .types import ExtractedClaim

if TYPE_CHECKING:
    from .doc import Doc

__all__ = ["ExtractedClaim", "extract_claims"]

# When two kinds claim overlapping text, the earlier kind in this list wins.
_PRIORITY = ("quote", "money", "percent", "duration", "quantity", "date", "count")


def _extractors() -> dict[str, Callable[[Doc], list[ExtractedClaim]]]:
    from . import count, dates, duration, money, percent, quantity, quotes

    return {
        "quote": quotes.find,
        "money": money.find,
        "percent": percent.find,
        "duration": duration.find,
        "quantity": quantity.find,
        "date": dates.find,
        "count": count.find,
    }


def _overlaps(a: ExtractedClaim, b: ExtractedClaim) -> bool:
    return a.start < b.end and b.start < a.end


def _merge(found: dict[str, list[ExtractedClaim]]) -> list[ExtractedClaim]:
    kept: list[ExtractedClaim] = []
    numeric: list[ExtractedClaim] = []
    for kind in _PRIORITY:
        for claim in found.get(kind, []):
            if kind == "quote":
                kept.append(claim)  # numbers inside a quote are claims of their own too
                continue
            if any(_overlaps(claim, other) for other in numeric):
                continue
            numeric.append(claim)
    kept.extend(numeric)
    kept.sort(key=lambda c: (c.start, c.end, c.kind))
    return kept


def extract_claims(text: str, published: dt.date | None = None) -> list[ExtractedClaim]:
    """Claims in document order. Never raises on any str."""
    from .doc import Doc

    if not isinstance(text, str) or not text:
        return []
    doc = Doc(text, published)
    found: dict[str, list[ExtractedClaim]] = {}
    for kind, find in _extractors().items():
        try:
            found[kind] = find(doc)
        except Exception:  # one extractor's bug must not lose the others' claims
            found[kind] = []
    return _merge(found)
