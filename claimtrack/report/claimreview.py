"""schema.org ClaimReview JSON-LD, as Google's fact-check markup asks for it.

Output: one JSON array, one ClaimReview object per claim, each with its own
``"@context": "https://schema.org"``, so any object can be pasted into a page on its own.

Per object:

- ``claimReviewed``: the sentence the claim stands in (the claim alone, "$425 million", is not a
  claim a reader could recognise).
- ``reviewRating``: a ``Rating`` on a stated 1-5 scale (``worstRating`` 1, ``bestRating`` 5):
  verified 5, unsupported 3 (neither shown true nor false: the middle), misleading 2, false 1;
  4 is not used by the desk. ``alternateName`` is the verdict in words.
- ``itemReviewed``: a ``Claim`` with ``appearance`` (the document's URL, as a ``CreativeWork``
  with its headline), ``datePublished`` (the document's published date) and ``author`` (the
  speaker of a quote as a ``Person``, else the document's source as an ``Organization``), each
  only where known.
- ``author`` of the review: the organisation (``org`` argument, else env ``CLAIMTRACK_ORG``) as an
  ``Organization``; without one, the checker who set the verdict as a ``Person``.
- ``datePublished``: the day the claim got its verdict (from its history).
- ``url``: the review's own address. claimtrack publishes nowhere, so it is built from a base URL
  (``base_url`` argument, else env ``CLAIMTRACK_REVIEW_BASE_URL``; the page where the desk puts the
  report) as ``BASE#claim-ID``: stable and unique per claim. Without a base URL it falls back to
  the claim's first http(s) source (the published evidence the verdict rests on, the nearest thing
  to a public page for the review), and without one of those to ``urn:claimtrack:claim:ID``, a
  stable identifier but no web address: set the base URL before publishing. The document's own
  URL is never used: that is where the claim appears, not where it is reviewed.

Fields that are not known are left out, never null. Only http(s) URLs are written. ``<``, ``>``
and ``&`` are written as ``\\u003c`` etc., so hostile text cannot close a ``<script>`` element
the JSON-LD is pasted into.
"""

from __future__ import annotations

import json
import os
from typing import Any, TextIO

from claimtrack.models import Claim, Document, Status
from claimtrack.report.data import ReportData, claim_id, iso_date
from claimtrack.report.markdown_text import safe_http_url
from claimtrack.store.errors import InvalidInput

ENV_BASE_URL = "CLAIMTRACK_REVIEW_BASE_URL"
WORST, BEST = 1, 5
RATINGS: dict[str, tuple[int, str]] = {
    Status.verified.value: (5, "Verified"),
    Status.unsupported.value: (3, "Unsupported"),
    Status.misleading.value: (2, "Misleading"),
    Status.false.value: (1, "False"),
}

JSON = dict[str, Any]


def check_verdicts(statuses: tuple[str, ...]) -> None:
    for status in statuses:
        if status not in RATINGS:
            raise InvalidInput(
                f"status {status!r}: not a verdict; claimreview takes "
                f"{', '.join(s for s in RATINGS)}"
            )


def base_url_or_env(base_url: str | None) -> str | None:
    base = base_url if base_url is not None else os.environ.get(ENV_BASE_URL)
    if not base or not base.strip():
        return None
    base = base.strip()
    if http_url(base) is None:
        raise InvalidInput(f"review base URL {base!r}: not an http(s) URL")
    return base


def write_claimreview(data: ReportData, out: TextIO, *, base_url: str | None) -> int:
    reviews = [claim_review(data, claim, base_url) for claim in data.claims]
    text = json.dumps(reviews, indent=2, ensure_ascii=False)
    out.write(script_safe(text) + "\n")
    return len(reviews)


def script_safe(text: str) -> str:
    # Outside strings JSON has none of these characters, so replacing them everywhere only
    # touches string contents, where the escapes mean the same characters.
    for ch in "<>&\u2028\u2029":
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return text


def claim_review(data: ReportData, claim: Claim, base_url: str | None) -> JSON:
    document = data.documents[claim.document_id]
    value, name = RATINGS[claim.status]
    review: JSON = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim.text.strip() or claim.span,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": name,
        },
        "itemReviewed": item_reviewed(claim, document),
    }
    author = review_author(data, claim)
    if author:
        review["author"] = author
    change = data.verdict_change(claim)
    if change is not None:
        review["datePublished"] = iso_date(change.at)
    review["url"] = review_url(data, claim, base_url)
    return review


def item_reviewed(claim: Claim, document: Document) -> JSON:
    item: JSON = {"@type": "Claim"}
    appearance = http_url(document.url)
    if appearance:
        work: JSON = {"@type": "CreativeWork", "url": appearance}
        if document.title and document.title.strip():
            work["headline"] = document.title.strip()
        item["appearance"] = work
    if document.published:
        item["datePublished"] = document.published.isoformat()
    if claim.kind == "quote" and claim.speaker and claim.speaker.strip():
        item["author"] = {"@type": "Person", "name": claim.speaker.strip()}
    elif document.source and document.source.strip():
        item["author"] = {"@type": "Organization", "name": document.source.strip()}
    return item


def review_author(data: ReportData, claim: Claim) -> JSON | None:
    if data.org and data.org.strip():
        return {"@type": "Organization", "name": data.org.strip()}
    change = data.verdict_change(claim)
    if change is not None and change.by.strip():
        return {"@type": "Person", "name": change.by.strip()}
    return None


def review_url(data: ReportData, claim: Claim, base_url: str | None) -> str:
    if base_url:
        return f"{base_url.split('#', 1)[0]}#claim-{claim_id(claim)}"
    for source in data.sources[claim_id(claim)]:
        url = http_url(source.url)
        if url:
            return url
    return f"urn:claimtrack:claim:{claim_id(claim)}"


def http_url(url: str | None) -> str | None:
    """url as given when it is a plain http(s) URL, else None."""
    if url is None or safe_http_url(url) is None:
        return None
    return url
