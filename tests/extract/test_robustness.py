"""Extraction never raises and its offsets always hold, whatever the text."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.extract import extract_claims

# Pieces that reach every extractor's careful path, mixed with arbitrary Unicode.
PIECES = st.sampled_from(
    [
        "$", "€", "£", "US$", "10,000", "1.5", "bn", " million", " billion", "%", " km",
        " tonnes", " years", " months", "two and a half", "a dozen", " soldiers", "“", "”",
        '"', "‘", "’", "'", " said ", " Zelensky", "Thursday", "Oct. ", "17", " 2024",
        "in June", "last week", "\n", ". ", ", ", "up to ", "more than ", "-", "(", ")",
        "https://x.example/1", "+1 555 0100", "1. ", "according to ", ": ",
    ]
)  # fmt: skip
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, published=st.one_of(st.none(), st.dates()))
def test_never_raises_and_spans_hold(text: str, published: dt.date | None) -> None:
    claims = extract_claims(text, published)
    for c in claims:
        assert 0 <= c.start <= c.end <= len(text)
        assert text[c.start : c.end] == c.span
        assert c.span in text and c.sentence
    assert [c.start for c in claims] == sorted(c.start for c in claims)


@settings(max_examples=200, deadline=None)
@given(text=st.text())
def test_arbitrary_unicode(text: str) -> None:
    for c in extract_claims(text):
        assert text[c.start : c.end] == c.span
