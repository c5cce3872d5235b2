"""The fixture articles through claimtrack's ingest, which checks each new document as it lands:
every planted conflict found, no planted agreement flagged (fixtures/gold/conflicts.json), and
the incremental checks equal one full check."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete
from sqlmodel import Session, select

from claimtrack.check import run_check
from claimtrack.db import ensure_schema, make_engine, resolve_url
from claimtrack.models import ClaimLink, Conflict, ConflictClaim
from claimtrack.shapes import conflicts_json
from claimtrack.store import list_conflicts
from tests.check.planted import Score, ingest, score
from tests.conftest import FIXTURES

pytestmark = pytest.mark.skipif(
    not (FIXTURES / "gold" / "conflicts.json").exists(), reason="no planted cases in fixtures/"
)


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The fixtures ingested one document at a time, each checked as it lands."""
    path = tmp_path_factory.mktemp("planted") / "claimtrack.db"
    engine = make_engine(resolve_url(str(path)))
    ensure_schema(engine)
    ids = ingest(engine, FIXTURES)
    with Session(engine) as session:
        yield session, ids
    engine.dispose()


def describe(result: Score) -> str:
    return (
        f"missed: {result.missed}\nflagged: {result.flagged}\n"
        f"gold spans no stored claim covers (extraction): {result.unmatched}"
    )


def test_every_planted_conflict_is_found(checked) -> None:  # type: ignore[no-untyped-def]
    session, ids = checked
    result = score(session, FIXTURES, ids)
    assert result.missed == [], describe(result)
    assert len(result.found) >= 9


def test_no_planted_agreement_is_flagged(checked) -> None:  # type: ignore[no-untyped-def]
    session, ids = checked
    result = score(session, FIXTURES, ids)
    assert result.flagged == [], describe(result)
    assert len(result.clean) >= 40


def test_every_conflict_explains_itself_on_one_line(checked) -> None:  # type: ignore[no-untyped-def]
    session, _ = checked
    found = conflicts_json(session, list_conflicts(session))
    assert found
    for conflict in found:
        line = conflict["explanation"]
        assert line and "\n" not in line and len(line) < 400
        assert len(conflict["claim_ids"]) >= 2


def _state(session: Session) -> tuple[set[tuple[int, int, str]], set[tuple[str, tuple[int, ...]]]]:
    links = {(r.claim_a, r.claim_b, r.relation) for r in session.exec(select(ClaimLink))}
    groups = {
        (c["kind"], tuple(c["claim_ids"])) for c in conflicts_json(session, list_conflicts(session))
    }
    return links, groups


def test_incremental_checks_equal_a_full_check_on_the_fixtures(tmp_path: Path) -> None:
    engine = make_engine(resolve_url(str(tmp_path / "claimtrack.db")))
    ensure_schema(engine)
    ingest(engine, FIXTURES)
    with Session(engine) as session:
        incremental = _state(session)
        for table in (ConflictClaim, Conflict, ClaimLink):
            session.exec(delete(table))  # type: ignore[call-overload]
        run_check(session)
        assert _state(session) == incremental
        session.rollback()
    engine.dispose()


def test_an_agreement_on_one_side_of_a_conflict_is_not_flagged() -> None:
    # "Ekdahl in A and B vs Reinholt in C": A and B agree, C disagrees with both.
    from claimtrack.check.evaluate import _opposed
    from claimtrack.check.groups import UnionFind

    side = UnionFind()
    side.union(1, 2)
    assert not _opposed({1, 2, 3}, {1: "a.txt", 2: "b.txt"}, side)
    assert _opposed({1, 2, 3}, {1: "a.txt", 3: "c.txt"}, side)
