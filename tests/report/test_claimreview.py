"""ClaimReview JSON-LD: Google's required and recommended fact-check fields on every object."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from typing import Any

import pytest
from sqlmodel import Session

from claimtrack.report import write_report
from claimtrack.store.errors import InvalidInput
from tests.report.conftest import HOSTILE_SENTENCE, HOSTILE_TITLE, Desk

AT = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
VERDICTS = ("verified", "false", "misleading", "unsupported")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def reviews(session: Session, **kwargs: Any) -> tuple[str, list[dict[str, Any]]]:
    out = io.StringIO()
    kwargs.setdefault("statuses", VERDICTS)
    n = write_report(session, out, fmt="claimreview", generated_at=AT, **kwargs)
    text = out.getvalue()
    data = json.loads(text)
    assert isinstance(data, list) and len(data) == n
    return text, data


def no_nulls(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, dict):
        return all(no_nulls(v) for v in value.values())
    if isinstance(value, list):
        return all(no_nulls(v) for v in value)
    return True


def assert_claim_review(obj: dict[str, Any]) -> None:
    assert obj["@context"] == "https://schema.org"
    assert obj["@type"] == "ClaimReview"
    assert isinstance(obj["claimReviewed"], str) and obj["claimReviewed"].strip()
    rating = obj["reviewRating"]
    assert rating["@type"] == "Rating"
    assert rating["alternateName"] in ("Verified", "False", "Misleading", "Unsupported")
    assert (rating["worstRating"], rating["bestRating"]) == (1, 5)
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    item = obj["itemReviewed"]
    assert item["@type"] == "Claim"
    if "appearance" in item:
        assert item["appearance"]["@type"] == "CreativeWork"
        assert item["appearance"]["url"].startswith(("https://", "http://"))
    if "datePublished" in item:
        assert DATE.match(item["datePublished"])
    if "author" in item:
        assert item["author"]["@type"] in ("Person", "Organization") and item["author"]["name"]
    author = obj["author"]
    assert author["@type"] in ("Person", "Organization") and author["name"].strip()
    assert DATE.match(obj["datePublished"])
    assert isinstance(obj["url"], str) and obj["url"]
    assert no_nulls(obj)


def test_every_object_has_the_required_and_recommended_fields(
    desk: tuple[Session, Desk],
) -> None:
    session, _ = desk
    _, data = reviews(session, org="The Desk")
    assert len(data) == 4
    for obj in data:
        assert_claim_review(obj)
        assert obj["author"] == {"@type": "Organization", "name": "The Desk"}


def test_claim_fields(desk: tuple[Session, Desk]) -> None:
    session, ids = desk
    _, data = reviews(session, org="The Desk")
    troops, aid, quote, other = data
    assert troops["claimReviewed"] == HOSTILE_SENTENCE
    assert troops["reviewRating"]["alternateName"] == "Verified"
    assert troops["itemReviewed"] == {
        "@type": "Claim",
        "appearance": {
            "@type": "CreativeWork",
            "url": "https://news.example/story?a=1&b=2",
            "headline": HOSTILE_TITLE,
        },
        "datePublished": "2024-11-05",
        "author": {"@type": "Organization", "name": "Evil | Wire *Press*"},
    }
    # The review's url falls back to the first http(s) source, never the data: one.
    assert troops["url"] == "https://ministry.example/figures(2024)"
    assert aid["reviewRating"]["alternateName"] == "False"
    assert quote["itemReviewed"]["author"] == {"@type": "Person", "name": "Jane Doe"}
    # Document two: a javascript: URL and no date or source are not known facts to state.
    assert other["itemReviewed"] == {"@type": "Claim"}
    assert other["url"] == f"urn:claimtrack:claim:{ids.claims['other']}"


def test_rating_scale_orders_the_verdicts(desk: tuple[Session, Desk]) -> None:
    from claimtrack.report.claimreview import RATINGS

    value = {status: RATINGS[status][0] for status in VERDICTS}
    assert value["verified"] == 5 and value["false"] == 1
    assert value["false"] < value["misleading"] < value["unsupported"] < value["verified"]
    session, _ = desk
    _, data = reviews(session)
    by_name = {o["reviewRating"]["alternateName"]: o["reviewRating"]["ratingValue"] for o in data}
    assert by_name == {"Verified": 5, "False": 1, "Misleading": 2}


def test_review_date_is_the_day_of_the_verdict(desk: tuple[Session, Desk]) -> None:
    session, _ = desk
    _, data = reviews(session)
    today = dt.datetime.now(dt.UTC).date()
    for obj in data:
        day = dt.date.fromisoformat(obj["datePublished"])
        assert today - dt.timedelta(days=1) <= day <= today


def test_author_without_org_is_the_checker(
    desk: tuple[Session, Desk], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CLAIMTRACK_ORG", raising=False)
    session, _ = desk
    _, data = reviews(session)
    assert [o["author"] for o in data] == [
        {"@type": "Person", "name": "alice"},
        {"@type": "Person", "name": "carol"},
        {"@type": "Person", "name": "carol"},
        {"@type": "Person", "name": "dave"},
    ]


def test_base_url_gives_each_review_its_address(
    desk: tuple[Session, Desk], monkeypatch: pytest.MonkeyPatch
) -> None:
    session, ids = desk
    _, data = reviews(session, base_url="https://desk.example/report-2026")
    order = [ids.claims[k] for k in ("troops", "aid", "quote", "other")]
    assert [o["url"] for o in data] == [
        f"https://desk.example/report-2026#claim-{cid}" for cid in order
    ]
    monkeypatch.setenv("CLAIMTRACK_REVIEW_BASE_URL", "https://env.example/r")
    _, data = reviews(session)
    assert data[0]["url"] == f"https://env.example/r#claim-{order[0]}"


def test_bad_base_url_is_refused(desk: tuple[Session, Desk]) -> None:
    session, _ = desk
    with pytest.raises(InvalidInput, match="not an http"):
        reviews(session, base_url="javascript:alert(1)")


def test_only_verdicts_make_claim_reviews(desk: tuple[Session, Desk]) -> None:
    session, _ = desk
    with pytest.raises(InvalidInput) as err:
        reviews(session, statuses=["verified", "unverified"])
    assert str(err.value).startswith("status 'unverified': not a verdict")


def test_default_is_verified_claims(desk: tuple[Session, Desk]) -> None:
    session, _ = desk
    _, data = reviews(session, statuses=("verified",))
    assert [o["reviewRating"]["alternateName"] for o in data] == ["Verified", "Verified"]


def test_hostile_text_cannot_close_a_script_element(desk: tuple[Session, Desk]) -> None:
    session, _ = desk
    text, data = reviews(session)
    # Pasted into <script type="application/ld+json">, no "</script>" or "<!--" can appear.
    assert "<" not in text and ">" not in text and "&" not in text
    assert "<script>" in data[0]["itemReviewed"]["appearance"]["headline"]


def test_same_bytes_every_time(desk: tuple[Session, Desk]) -> None:
    session, _ = desk
    assert reviews(session)[0] == reviews(session)[0]
