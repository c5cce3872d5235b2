"""Small helpers shared by the extraction tests."""

from __future__ import annotations

import datetime as dt

from claimtrack.extract import ExtractedClaim, extract_claims

PUBLISHED = dt.date(2024, 10, 18)  # a Friday


def claims_of(text: str, kind: str, published: dt.date | None = PUBLISHED) -> list[ExtractedClaim]:
    found = extract_claims(text, published)
    for c in found:
        assert text[c.start : c.end] == c.span
    return [c for c in found if c.kind == kind]


def one(text: str, kind: str, published: dt.date | None = PUBLISHED) -> ExtractedClaim:
    found = claims_of(text, kind, published)
    assert len(found) == 1, f"expected one {kind} claim in {text!r}, got {found}"
    return found[0]
