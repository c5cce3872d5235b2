"""An existing database brought to head keeps its rows; what was stored counts as checked."""

from __future__ import annotations

import pytest
from claimtrack.migrations import HEAD_REVISION
from sqlalchemy import text

from claimtrack.check.rows import claim_keys
from claimtrack.check.terms import term
from claimtrack.db import current_revision, make_engine, resolve_url, upgrade

SOLDIERS = "Kyiv says 10,000 North Korean soldiers were sent."
QUOTE = '"We will not give up our land," Zelensky said.'
CLAIMS = [
    ("count", SOLDIERS, "10,000", "North Korean soldiers", "korean north soldier"),
    ("quote", QUOTE, '"We will not give up our land,"', None, None),
]


@pytest.mark.parametrize("start", ["0001", "0002"])
def test_upgrade_keeps_rows_marks_them_checked_and_indexes_their_terms(
    db_url: str, start: str
) -> None:
    engine = make_engine(resolve_url(db_url))
    upgrade(engine, start)
    assert current_revision(engine) == start
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO document (id, title, sha256, text, ingested_at) "
                "VALUES (1, 'Old', :sha, 'old text', CURRENT_TIMESTAMP)"
            ),
            {"sha": "a" * 64},
        )
        for n, (kind, sentence, span, subject, key) in enumerate(CLAIMS, start=1):
            conn.execute(
                text(
                    'INSERT INTO claim (id, document_id, kind, text, span, start, "end", '
                    "subject, subject_key, status) VALUES (:id, 1, :kind, :sentence, :span, 0, 1, "
                    ":subject, :key, 'verified')"
                ),
                dict(id=n, kind=kind, sentence=sentence, span=span, subject=subject, key=key),
            )
    upgrade(engine)
    assert current_revision(engine) == HEAD_REVISION
    with engine.connect() as conn:
        claims = conn.execute(text("SELECT id, status FROM claim ORDER BY id")).all()
        assert [tuple(c) for c in claims] == [(1, "verified"), (2, "verified")]
        assert conn.execute(text("SELECT checked_at FROM document")).scalar() is not None
        stored = set(conn.execute(text("SELECT term, claim_id FROM claim_term")).all())
    expected = {
        (term(kind, k), n)
        for n, (kind, _, span, subject, key) in enumerate(CLAIMS, start=1)
        for k in claim_keys(kind, span, key, subject)
    }
    assert expected and stored == expected
    assert ("count:soldier", 1) in stored
    engine.dispose()
