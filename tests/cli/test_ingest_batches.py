"""A large ingest: files read and extracted by worker processes, stored in batches. Outcome
lines keep the order of the files, and one bad file or one refused row never costs the others."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from claimtrack.ingest import parallel
from tests.conftest import Cli
from tests.reliability.helpers import engine_for, rows, write_articles

MANY = parallel.MIN_JOBS * 3  # well past the point where workers take over


def _outcomes(out: str) -> list[tuple[str, str]]:
    """(outcome word, file name) of each stdout line, in order."""
    found = []
    for line in out.splitlines():
        m = re.match(r"(ingested|unchanged)\s+#\d+\s+(\S+)", line)
        assert m, line
        found.append((m.group(1), Path(m.group(2)).name))
    return found


def test_many_files_keep_their_order_with_duplicates_and_refusals(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    paths = write_articles(folder, MANY)
    # The same text twice in one batch: stored once, the second named as unchanged.
    shutil.copy(paths[3], folder / "article-0003z-copy.txt")
    (folder / "article-0007-empty.txt").write_text("   \n")
    result = cli("ingest", str(folder))
    assert result.code == 1
    assert result.err == f"claimtrack: {folder / 'article-0007-empty.txt'}: empty file\n"
    names = sorted(p.name for p in folder.iterdir() if "empty" not in p.name)
    assert _outcomes(result.out) == [
        ("unchanged" if name == "article-0003z-copy.txt" else "ingested", name) for name in names
    ]
    ids = dict(re.findall(r"#(\d+)\s+\S+/(article-0003\S*)", result.out)[::-1])
    assert len(set(ids)) == 1  # the copy points at the document the original became
    assert rows(cli.db, "SELECT count(*) FROM document") == [(MANY,)]

    again = cli("ingest", str(folder))
    assert again.code == 1
    assert {o for o, _ in _outcomes(again.out)} == {"unchanged"}


def test_claims_are_the_same_with_or_without_workers(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimtrack.db import ensure_schema, make_engine, resolve_url
    from claimtrack.ingest import ingest

    folder = tmp_path / "batch"
    write_articles(folder, MANY)
    assert cli("ingest", str(folder)).code == 0
    monkeypatch.setattr(parallel, "MIN_JOBS", 10**9)  # this process alone
    alone = str(tmp_path / "alone.db")
    engine = make_engine(resolve_url(alone))
    ensure_schema(engine)
    ingest(engine, [str(folder)])
    engine.dispose()

    query = (
        'SELECT d.path, c.kind, c.start, c."end", c.span, c.value, c.subject_key, '
        'substr(d.text, c.start + 1, c."end" - c.start) '
        "FROM claim c JOIN document d ON d.id = c.document_id ORDER BY d.path, c.start, c.kind"
    )
    by_workers = rows(cli.db, query)
    assert by_workers == rows(alone, query)
    assert len(by_workers) > MANY
    assert all(row[4] == row[7] for row in by_workers)  # text[start:end] == span


def _refuse_title(db: str, title: str) -> None:
    engine = engine_for(db)
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(
                    text(f"ALTER TABLE document ADD CONSTRAINT refused CHECK (title <> '{title}')")
                )
            else:
                conn.execute(
                    text(
                        "CREATE TRIGGER refused BEFORE INSERT ON document "
                        f"WHEN NEW.title = '{title}' "
                        "BEGIN SELECT RAISE(ABORT, 'refused by this test'); END"
                    )
                )
    finally:
        engine.dispose()


def test_a_document_the_database_refuses_costs_no_other(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    paths = write_articles(folder, MANY)
    first = cli("ingest", str(paths[0]))  # the schema, before the database is told to refuse
    assert first.code == 0, first.err
    _refuse_title(cli.db, "poison")
    bad = paths[5]
    bad.write_text("---\ntitle: poison\n---\n\n" + bad.read_text(), encoding="utf-8")
    bad.rename(bad.with_suffix(".md"))

    result = cli("ingest", str(folder))
    assert result.code == 1
    (err,) = result.err.splitlines()
    assert err.startswith(f"claimtrack: {bad.with_suffix('.md')}: database error: ")
    outcomes = _outcomes(result.out)
    assert len(outcomes) == MANY - 1
    assert outcomes[0] == ("unchanged", paths[0].name)
    assert {o for o, _ in outcomes[1:]} == {"ingested"}
    assert rows(cli.db, "SELECT count(*) FROM document") == [(MANY - 1,)]
