"""Claim extraction: every checkable number, date and quote in a text, with exact offsets."""

from __future__ import annotations

import datetime as dt
import logging
import os
from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING

from .types import ExtractedClaim

if TYPE_CHECKING:
    from .doc import Doc

__all__ = ["ExtractedClaim", "extract_claims"]

_log = logging.getLogger(__name__)
# An extractor's bug must not fail an ingest, but it must not pass unseen either: it is
# logged, and under this variable (the test suite sets it) it is raised.
STRICT_ENV = "CLAIMTRACK_STRICT_EXTRACT"


def _failed(step: str) -> None:
    if os.environ.get(STRICT_ENV) == "1":
        raise
    _log.warning(
        "claim extraction: %s failed on a document; its other claims are kept", step, exc_info=True
    )


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


def _merge(found: dict[str, list[ExtractedClaim]]) -> list[ExtractedClaim]:
    """Quotes, plus numeric and date claims that do not overlap a claim of a stronger kind."""
    kept: list[ExtractedClaim] = list(found.get("quote", []))
    # Accepted spans never overlap each other, so their starts and ends are both sorted and a
    # new span only needs checking against its neighbours.
    starts: list[int] = []
    ends: list[int] = []
    for kind in _PRIORITY:
        if kind == "quote":
            continue  # numbers inside a quote are claims of their own too
        for claim in found.get(kind, []):
            i = bisect_left(starts, claim.end)
            if i > 0 and ends[i - 1] > claim.start:
                continue
            if claim.start == claim.end and i < len(starts) and starts[i] == claim.start:
                continue
            starts.insert(i, claim.start)
            ends.insert(i, claim.end)
            kept.append(claim)
    kept.sort(key=lambda c: (c.start, c.end, c.kind))
    return kept


def extract_claims(text: str, published: dt.date | None = None) -> list[ExtractedClaim]:
    """Claims in document order. Never raises on any str."""
    from .doc import Doc
    from .subjects import fill_subjects

    if not isinstance(text, str) or not text:
        return []
    if isinstance(published, dt.datetime):
        published = published.date()  # a datetime would put times into ISO dates
    elif not isinstance(published, dt.date):
        published = None
    try:
        doc = Doc(text, published)
    except Exception:  # segmentation failing on some text must not fail an ingest
        _failed("segmentation")
        return []
    found: dict[str, list[ExtractedClaim]] = {}
    for kind, find in _extractors().items():
        try:
            found[kind] = find(doc)
        except Exception:  # one extractor's bug must not lose the others' claims
            _failed(f"the {kind} extractor")
            found[kind] = []
    # A claim whose offsets do not reproduce its span would corrupt the store: drop it.
    for kind, claims in found.items():
        found[kind] = [c for c in claims if text[c.start : c.end] == c.span and c.start < c.end]
    kept = _merge(found)
    try:
        return fill_subjects(text, doc.tie_to_dates(kept))
    except Exception:  # dates and subjects across kinds are refinements: keep the claims
        _failed("dating and subjects")
        return kept
