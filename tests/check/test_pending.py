"""The word index the checker keeps (claim_term) and documents waiting to be checked."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, delete
from sqlmodel import Session, col, select

from claimtrack.check import check_document, check_pending, pending, run_check, terms
from claimtrack.check.candidates import BLOCK_CAP, load_document
from claimtrack.check.terms import term
from claimtrack.models import ClaimLink, ClaimTerm, Conflict, ConflictClaim, Document
from tests.check.build import Corpus
from tests.check.test_state import SOLDIERS, add_soldiers, state


@pytest.fixture
def corpus(engine) -> Iterator[Corpus]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        yield Corpus(session)
        session.rollback()


def stored_terms(session: Session, claim_ids: list[int]) -> set[tuple[str, int]]:
    query = select(ClaimTerm.term, ClaimTerm.claim_id).where(col(ClaimTerm.claim_id).in_(claim_ids))
    return set(session.exec(query).all())


def checked_at(session: Session) -> dict[int, object]:
    return {d.id: d.checked_at for d in session.exec(select(Document)).all() if d.id}


def test_checking_a_document_stores_its_terms_and_marks_it_checked(corpus: Corpus) -> None:
    [a, b] = add_soldiers(corpus, SOLDIERS[:2])
    doc = corpus.docs[SOLDIERS[0][0]]
    assert stored_terms(corpus.session, [a, b]) == set()
    check_document(corpus.session, doc)
    [row] = load_document(corpus.session, doc)
    expected = {(term("count", k), a) for k in row.block_keys}
    assert ("count:soldier", a) in expected
    assert stored_terms(corpus.session, [a, b]) == expected
    assert checked_at(corpus.session)[doc] is not None
    assert checked_at(corpus.session)[corpus.docs[SOLDIERS[1][0]]] is None
    check_document(corpus.session, doc)  # again: the same terms, not twice
    assert stored_terms(corpus.session, [a, b]) == expected


def test_pending_documents_are_checked_one_by_one_as_a_full_run_would(corpus: Corpus) -> None:
    add_soldiers(corpus, SOLDIERS)
    assert check_pending(corpus.session) == len(SOLDIERS)
    assert all(at is not None for at in checked_at(corpus.session).values())
    assert check_pending(corpus.session) == 0
    incremental = state(corpus.session)
    assert len(incremental[1]) == 1
    for table in (ConflictClaim, Conflict, ClaimLink):
        corpus.session.exec(delete(table))  # type: ignore[call-overload]
    run_check(corpus.session)
    assert state(corpus.session) == incremental


def test_a_term_too_common_is_no_block_incrementally_either(corpus: Corpus) -> None:
    """The count behind the cap comes from claim_term: with BLOCK_CAP + 1 claims sharing only
    'soldier', a new one is compared with none of them, as in a full run."""
    for n in range(BLOCK_CAP + 1):
        corpus.claim(
            f"Old {n}", "count", f"Officials said {1000 + n} soldiers were sent to area {n}.",
            f"{1000 + n}", value=1000.0 + n, unit="soldiers", subject="soldiers",
        )  # fmt: skip
    assert run_check(corpus.session).compared == 0
    new = corpus.claim(
        "New", "count", "Officials said 1001 soldiers were sent to area 1.", "1001",
        value=1001.0, unit="soldiers", subject="soldiers",
    )  # fmt: skip
    summary = check_document(corpus.session, corpus.docs["New"])
    assert summary.compared == 0
    assert state(corpus.session)[0] == {}
    assert new


def test_candidates_come_from_the_index(corpus: Corpus) -> None:
    """A stored claim missing from claim_term is invisible to the incremental check; once its
    document is checked (and so indexed) the new claim finds it."""
    [old] = add_soldiers(corpus, SOLDIERS[:1])
    old_doc = corpus.docs[SOLDIERS[0][0]]
    check_document(corpus.session, old_doc)
    corpus.session.exec(delete(ClaimTerm).where(col(ClaimTerm.claim_id) == old))  # type: ignore[call-overload]
    [new] = add_soldiers(corpus, SOLDIERS[2:3])
    new_doc = corpus.docs[SOLDIERS[2][0]]
    assert check_document(corpus.session, new_doc).compared == 0
    check_document(corpus.session, old_doc)
    assert check_document(corpus.session, new_doc).compared == 1
    assert state(corpus.session)[0] == {(min(old, new), max(old, new)): "conflicts"}


def _commit_soldiers(engine: Engine) -> None:
    with Session(engine) as session:
        add_soldiers(Corpus(session), SOLDIERS)
        session.commit()


@pytest.mark.parametrize("full", [False, True])
def test_check_pending_with_an_engine(
    engine: Engine, full: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What ingest calls after storing a batch: one transaction per document, or one full run
    when many are new; the same conflicts either way."""
    if full:
        monkeypatch.setattr(pending, "FULL_CHECK_MIN_DOCUMENTS", 2)
    _commit_soldiers(engine)
    assert check_pending(engine) == len(SOLDIERS)
    with Session(engine) as session:
        _, groups = state(session)
        assert [kind for kind, _ in groups] == ["value"] and len(groups[0][1]) == len(SOLDIERS)
        assert all(at is not None for at in checked_at(session).values())
    assert check_pending(engine) == 0


def test_ingest_checks_what_a_killed_batch_left_unchecked(db_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from claimtrack.db import make_engine, resolve_url, upgrade
    from claimtrack.ingest import ingest
    from claimtrack.ingest.pipeline import Overrides, ingest_one
    from claimtrack.store import list_conflicts

    first = tmp_path / "first.txt"
    first.write_text("Officials said 10,000 North Korean soldiers were training in Russia.\n")
    second = tmp_path / "second.txt"
    second.write_text("Officials said 8,000 North Korean soldiers were training in Russia.\n")
    engine = make_engine(resolve_url(db_url))
    try:
        upgrade(engine)
        # Stored as a killed ingest leaves it: the document is in, its check never ran.
        assert ingest_one(engine, "first", first, Overrides(), in_directory=False).document_id
        with Session(engine) as session:
            assert list(checked_at(session).values()) == [None]
        [result] = ingest(engine, [str(second)])
        assert result.outcome == "ingested"
        with Session(engine) as session:
            assert None not in checked_at(session).values()
            [conflict] = list_conflicts(session)
    finally:
        engine.dispose()
    assert conflict.kind == "value"


def test_an_index_an_older_checker_built_is_rebuilt_whole(corpus: Corpus) -> None:
    """Terms stored by an older checker (other keys, no version mark) would find the wrong
    candidates: the next check runs in full and stores every claim's terms anew."""
    [old] = add_soldiers(corpus, SOLDIERS[:1])
    corpus.session.flush()
    conn = corpus.session.connection()
    conn.execute(ClaimTerm.__table__.insert(), [{"term": "count:stale", "claim_id": old}])  # type: ignore[attr-defined]
    for doc_id in corpus.docs.values():
        conn.execute(Document.__table__.update().where(Document.__table__.c.id == doc_id)  # type: ignore[attr-defined]
                     .values(checked_at=Document.__table__.c.ingested_at))  # type: ignore[attr-defined]  # fmt: skip
    assert not terms.current(conn)
    [new] = add_soldiers(corpus, SOLDIERS[2:3])
    assert check_pending(corpus.session) == 1
    assert terms.current(corpus.session.connection())
    [row] = load_document(corpus.session, corpus.docs[SOLDIERS[0][0]])
    assert stored_terms(corpus.session, [old]) == {
        (term("count", k), old) for k in row.block_keys
    } | {(terms.KEYS_VERSION, old)}
    assert state(corpus.session)[0] == {(min(old, new), max(old, new)): "conflicts"}


def test_a_current_index_is_not_rebuilt(corpus: Corpus) -> None:
    [first, _] = add_soldiers(corpus, SOLDIERS[:2])
    run_check(corpus.session)
    assert terms.current(corpus.session.connection())
    # A term a rebuild would drop: it stays while new documents are checked one by one.
    corpus.session.connection().execute(
        ClaimTerm.__table__.insert(),  # type: ignore[attr-defined]
        [{"term": "count:kept", "claim_id": first}],
    )
    add_soldiers(corpus, SOLDIERS[2:3])
    assert check_pending(corpus.session) == 1
    assert ("count:kept", first) in stored_terms(corpus.session, [first])
