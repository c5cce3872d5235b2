"""Arbitrary Unicode thrown at ingest-from-stdin and at extraction: nothing raises but a
refusal, and every stored span matches its offsets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text

from claimtrack.db import ensure_schema, make_engine, resolve_url
from claimtrack.extract import extract_claims
from claimtrack.ingest.decode import NotText
from claimtrack.ingest.pipeline import read_stream, store_document
from tests.conftest import Cli

# Article-like pieces mixed into arbitrary Unicode, so the extractor's paths are reached.
PIECES = st.sampled_from(
    [
        " 1,500 soldiers",
        " $4.2 billion",
        " €300m",
        " 12%",
        " 40 km",
        " three weeks",
        " on Monday",
        " 21 October 2025",
        ' "We will win," said Ana Li.',
        " between 10 and 20",
        " more than 1.5 million",
        "\n\n",
        ". ",
        "\x1b[31m",
        "\u202e",
        "\r\n",
    ]
)
TEXTS = st.lists(st.one_of(st.text(max_size=40), PIECES), max_size=30).map("".join)
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    eng = make_engine(resolve_url(str(tmp_path_factory.mktemp("fuzz") / "db.sqlite")))
    ensure_schema(eng)
    yield eng
    eng.dispose()


@SETTINGS
@given(TEXTS, st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1))))
def test_extraction_offsets_always_match(body: str, published: dt.date | None) -> None:
    for claim in extract_claims(body, published):
        assert body[claim.start : claim.end] == claim.span
        assert claim.start < claim.end


@SETTINGS
@given(TEXTS, st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_stdin_ingest_stores_or_refuses(engine: Engine, body: str, encoding: str) -> None:
    data = body.encode(encoding, errors="surrogatepass")
    try:
        raw = read_stream(data)
    except NotText as exc:
        assert str(exc)
        return
    result = store_document(engine, "-", raw)
    assert result.outcome in ("ingested", "duplicate")
    with engine.connect() as conn:
        stored = conn.execute(
            text("SELECT text FROM document WHERE id = :id"), {"id": result.document_id}
        ).scalar_one()
        spans = conn.execute(
            text('SELECT span, start, "end" FROM claim WHERE document_id = :id'),
            {"id": result.document_id},
        ).all()
    assert stored == raw.text
    for span, start, end in spans:
        assert stored[start:end] == span


def test_stdin_through_the_cli_never_tracebacks(sqlite_cli: Cli, tmp_path: Path) -> None:
    for body in ["\ud800 lone surrogate 5%", "\x00" * 3, "\ufeff\u202e\u200b", "١٢٣ ٪ 45%"]:
        data = body.encode("utf-8", errors="surrogatepass")
        done = sqlite_cli("ingest", "-", input=data)
        assert "Traceback" not in done.err
        assert done.code in (0, 1)
        assert (done.code == 1) == done.err.startswith("claimtrack: -: ")
