"""The Markdown report on a real database (SQLite and PostgreSQL), rendered with markdown-it-py."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlmodel import Session

from claimtrack.report import FORMATS, write_report
from claimtrack.store.errors import InvalidInput
from tests.report.conftest import (
    HOSTILE_NOTE,
    HOSTILE_SENTENCE,
    HOSTILE_SOURCE,
    HOSTILE_SOURCE_TITLE,
    HOSTILE_TITLE,
    SCRIPT_SENTENCE,
    Desk,
)
from tests.report.html import GFM, Page, render

AT = dt.datetime(2026, 3, 1, 12, 30, tzinfo=dt.UTC)
ALLOWED_TAGS = {
    "h1",
    "h2",
    "h3",
    "p",
    "ul",
    "li",
    "blockquote",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
VERDICTS = ("verified", "false", "misleading")


def report(session: Session, **kwargs: object) -> tuple[str, int]:
    out = io.StringIO()
    n = write_report(session, out, generated_at=AT, **kwargs)  # type: ignore[arg-type]
    return out.getvalue(), n


def page(session: Session, **kwargs: object) -> Page:
    return render(report(session, **kwargs)[0])


def test_report_structure(desk: tuple[Session, Desk]) -> None:
    session, ids = desk
    text, n = report(session, statuses=VERDICTS, org="Desk <Team>")
    html = render(text)
    assert n == 4
    assert html.tags() <= ALLOWED_TAGS
    assert html.texts("h1") == ["Fact-check report: Desk <Team>"]
    assert html.texts("h2") == [
        f"Document {ids.docs['one']}: {HOSTILE_TITLE}",
        f"Document {ids.docs['two']}: - Second story",
    ]
    claims = [ids.claims[k] for k in ("troops", "aid", "quote", "other")]
    statuses = ["verified", "false", "misleading", "verified"]
    assert html.texts("h3") == [f"Claim {c}: {s}" for c, s in zip(claims, statuses, strict=True)]
    # The claim as it stands, quoted.
    quotes = html.texts("blockquote")
    assert [q.strip() for q in quotes] == [
        "10,000 soldiers",
        "$425 million",
        '"We will | not retreat,"',
        "12,000 soldiers",
    ]


def test_header_dates_checkers_and_counts(desk: tuple[Session, Desk]) -> None:
    session, _ = desk
    text, _ = report(session, statuses=VERDICTS, org="Desk")
    html = render(text)
    items = html.texts("li")
    assert "Generated: 2026-03-01T12:30:00Z" in items
    assert "Organisation: Desk" in items
    assert "Checkers: <bob>, alice, carol, dave, erin" in items
    assert "Statuses reported: verified, false, misleading" in items
    assert "Claims reported: 4 in 2 documents" in items
    for status, count in [
        ("unverified", 1),
        ("in_progress", 0),
        ("verified", 2),
        ("false", 1),
        ("misleading", 1),
        ("unsupported", 0),
    ]:
        assert f"{status}: {count}" in items


def test_document_details_and_claim_details(desk: tuple[Session, Desk]) -> None:
    session, ids = desk
    html = page(session, statuses=VERDICTS)
    items = html.texts("li")
    assert f"Source: {HOSTILE_SOURCE}" in items
    assert "Source: not known" in items
    assert "Published: 2024-11-05" in items
    assert "Published: not known" in items
    assert f"Sentence: {HOSTILE_SENTENCE}" in items
    assert "Value: 10000 soldiers" in items
    assert "Value: 425000000 USD" in items
    assert "Value: 12000 soldiers (approx)" in items
    assert "Speaker: Jane Doe" in items
    assert any(i.startswith("Status: verified (by alice, ") for i in items)
    notes = [i for i in items if i.endswith(HOSTILE_NOTE)]
    assert len(notes) == 1 and ", <bob>, note: " in notes[0]
    verdict_note = "alice, in_progress → verified: Matches the ministry figure."
    assert any(i.endswith(verdict_note) for i in items)
    conflict = [i for i in items if i.startswith(f"Conflict {ids.conflict_id} (value)")]
    assert len(conflict) == 2
    assert f"with claim {ids.claims['other']}: soldiers: 10000 vs ~12000 <b>" in conflict[0]
    assert "(resolution: dismissed by erin, " in conflict[0]
    assert conflict[0].endswith("; Different dates.)")
    assert "Sources: none" in items and "Conflicts: none" in items


def test_hostile_content_is_plain_text(desk: tuple[Session, Desk]) -> None:
    session, _ = desk
    text, _ = report(session, statuses=VERDICTS)
    html = render(text)
    # No element the hostile text asked for: script, img, b, code, em, ordered lists, headings
    # beyond the report's own.
    assert html.tags() <= ALLOWED_TAGS
    assert not html.all("script") and not html.all("img") and not html.all("ol")
    # Links: only the report's own, to http(s) URLs given as document or source URLs.
    links = [(a.attrs["href"], a.text) for a in html.all("a")]
    assert links == [
        ("https://news.example/story?a=1&b=2", "https://news.example/story?a=1&b=2"),
        ("https://ministry.example/figures%282024%29", HOSTILE_SOURCE_TITLE),
        ("https://state.example/release", "https://state.example/release"),
    ]
    items = html.texts("li")
    assert f"Sentence: {SCRIPT_SENTENCE}" in items
    assert "<script" not in GFM.render(text)
    # A non-http(s) URL is shown as text, not linked.
    assert "URL: javascript:alert(document.cookie)" in items
    assert any(i.startswith("raw (data:text/html,<script>x</script>)") for i in items)
    # A leading "1)" in a sentence, a leading "1." in a note: text, not lists.
    assert "Sentence: 1) About 12,000 soldiers crossed, officials said." in items
    assert any(i.endswith("unverified → verified: 1. Officials confirmed") for i in items)
    assert any(i.endswith(f"{HOSTILE_SOURCE_TITLE}: | page 3 |") for i in items)


def test_pipe_in_a_table_cell_is_text(desk: tuple[Session, Desk]) -> None:
    session, ids = desk
    html = page(session, statuses=VERDICTS)
    # Document one's claims table: 3 rows of 5 cells.
    cells = [td.text for td in html.all("td")][:15]
    rows = [cells[i : i + 5] for i in range(0, 15, 5)]
    assert rows == [
        [str(ids.claims["troops"]), "count", "10,000 soldiers", "10000 soldiers", "verified"],
        [str(ids.claims["aid"]), "money", "$425 million", "425000000 USD", "false"],
        [str(ids.claims["quote"]), "quote", '"We will | not retreat,"', "", "misleading"],
    ]
    assert len(html.all("tr")) == (1 + 3) + (1 + 1)


def test_strict_commonmark_renders_no_hostile_structure(desk: tuple[Session, Desk]) -> None:
    session, _ = desk
    text, _ = report(session, statuses=VERDICTS)
    html = render(text, flavour="commonmark")
    assert html.tags() <= ALLOWED_TAGS
    assert len(html.all("h3")) == 4
    assert [a.attrs["href"] for a in html.all("a")] == [
        "https://news.example/story?a=1&b=2",
        "https://ministry.example/figures%282024%29",
        "https://state.example/release",
    ]


def test_default_status_is_verified(desk: tuple[Session, Desk]) -> None:
    session, ids = desk
    text, n = report(session)
    assert n == 2
    heads = render(text).texts("h3")
    assert heads == [f"Claim {ids.claims[k]}: verified" for k in ("troops", "other")]


@pytest.mark.parametrize(
    ("statuses", "keys"),
    [
        (["false"], ["aid"]),
        (["misleading", "false"], ["aid", "quote"]),
        (["unverified"], ["pending"]),
        (["verified", "verified"], ["troops", "other"]),
        (["in_progress"], []),
    ],
)
def test_statuses_choose_the_claims(
    desk: tuple[Session, Desk], statuses: list[str], keys: list[str]
) -> None:
    session, ids = desk
    text, n = report(session, statuses=statuses)
    assert n == len(keys)
    heads = render(text).texts("h3")
    assert [h.split(":")[0] for h in heads] == [f"Claim {ids.claims[k]}" for k in keys]


def test_no_claims_says_so(desk: tuple[Session, Desk]) -> None:
    session, _ = desk
    text, n = report(session, statuses=["in_progress", "unsupported"])
    assert n == 0
    html = render(text)
    assert "No claims with status in_progress or unsupported." in html.texts("p")
    assert not html.all("h2")


def test_same_database_same_bytes_but_the_generated_line(desk: tuple[Session, Desk]) -> None:
    session, _ = desk
    first, _ = report(session, statuses=VERDICTS)
    again, _ = report(session, statuses=VERDICTS)
    assert first == again
    out = io.StringIO()
    write_report(session, out, statuses=VERDICTS, generated_at=AT + dt.timedelta(days=400))
    later = out.getvalue()
    changed = [
        (a, b) for a, b in zip(first.splitlines(), later.splitlines(), strict=True) if a != b
    ]
    assert changed == [("- Generated: 2026-03-01T12:30:00Z", "- Generated: 2027-04-05T12:30:00Z")]


def test_generated_at_defaults_to_now(desk: tuple[Session, Desk]) -> None:
    session, _ = desk
    out = io.StringIO()
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    write_report(session, out)
    line = next(x for x in out.getvalue().splitlines() if x.startswith("- Generated: "))
    stamp = dt.datetime.fromisoformat(line.removeprefix("- Generated: ").replace("Z", "+00:00"))
    assert before <= stamp <= dt.datetime.now(dt.UTC)


def test_org_from_environment(desk: tuple[Session, Desk], monkeypatch: pytest.MonkeyPatch) -> None:
    session, _ = desk
    monkeypatch.setenv("CLAIMTRACK_ORG", "Env Desk")
    assert render(report(session)[0]).texts("h1") == ["Fact-check report: Env Desk"]
    assert render(report(session, org="Given")[0]).texts("h1") == ["Fact-check report: Given"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_bad_status_is_one_line_naming_it(desk: tuple[Session, Desk], fmt: str) -> None:
    session, _ = desk
    with pytest.raises(InvalidInput) as err:
        write_report(session, io.StringIO(), fmt=fmt, statuses=["verified", "bogus"])
    assert "'bogus'" in str(err.value) and "\n" not in str(err.value)


def test_bad_format_is_one_line_naming_it(desk: tuple[Session, Desk]) -> None:
    session, _ = desk
    out = io.StringIO()
    with pytest.raises(InvalidInput) as err:
        write_report(session, out, fmt="pdf")
    assert str(err.value) == "format 'pdf': not one of markdown, claimreview, json, csv"
    assert out.getvalue() == ""


def test_no_status_at_all_is_refused(desk: tuple[Session, Desk]) -> None:
    session, _ = desk
    with pytest.raises(InvalidInput, match="status: none given"):
        write_report(session, io.StringIO(), statuses=[])
