"""What `claimtrack ingest` writes and leaves behind: one inert line per document whatever the
file is called, the database opened while the workers read, and a quick exit that still
leaves everything stored, checked and tidy."""

from __future__ import annotations

import json
import os
import re
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from claimtrack.db import ensure_schema, make_engine, resolve_url
from claimtrack.extract import extract_claims
from claimtrack.ingest import ingest, parallel
from claimtrack.store.documents import CLAIM_FIELDS
from tests.conftest import Cli
from tests.reliability.helpers import no_traceback, rows, write_articles

CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
FERRY = "The ferry line said {n} passengers crossed on Sunday, up {p}% on the year before.\n"


def _write(folder: Path, name: bytes, body: str) -> None:
    with open(os.path.join(os.fsencode(folder), name), "wb") as fh:
        fh.write(body.encode("utf-8"))


def test_hostile_file_names_give_one_inert_line_each(sqlite_cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    names = [
        b"clear\x1b[2Jscreen.txt",
        b"two\nlines.txt",
        b"not-utf8-\xe9t\xe9.txt",  # Latin-1 bytes: no text a terminal or database could take
        b"[bold red]markup[-bold].txt",
        b"bell\x07and\ttab.txt",
    ]
    for i, name in enumerate(names):
        _write(folder, name, FERRY.format(n=1200 + i, p=3 + i))
    _write(folder, b"\x1b]0;retitled\x07-empty.txt", "   \n")

    result = sqlite_cli("ingest", str(folder))
    assert result.code == 1
    assert no_traceback(result.err)
    out_lines = result.out.splitlines()
    assert len(out_lines) == len(names)
    assert all(line.startswith("ingested   #") for line in out_lines)
    (err_line,) = result.err.splitlines()
    assert err_line.startswith(f"claimtrack: {folder}/") and err_line.endswith(": empty file")
    for line in [*out_lines, err_line]:
        assert not CONTROLS.search(line), repr(line)
    assert "[bold red]markup[-bold].txt" in result.out  # shown as it is, not as markup
    assert sum("\ufffd" in line for line in out_lines) == 4  # escape, newline, bytes, bell+tab

    docs = json.loads(sqlite_cli("docs", "--json").out)
    assert len(docs) == len(names)
    stored = {d["path"] for d in docs}
    assert f"{folder}/not-utf8-\ufffdt\ufffd.txt" in stored


def test_many_files_quick_exit_leaves_everything_stored_checked_and_folded(
    sqlite_cli: Cli, tmp_path: Path
) -> None:
    folder = tmp_path / "many"
    paths = write_articles(folder, parallel.MIN_JOBS * 2)
    result = sqlite_cli("ingest", str(folder))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert len(lines) == len(paths)
    assert lines[-1].split()[2] == str(paths[-1])  # the last line too reached the pipe
    # The connections were closed before leaving: SQLite folded its log into the file.
    assert not Path(sqlite_cli.db + "-wal").exists()
    assert rows(sqlite_cli.db, "PRAGMA integrity_check") == [("ok",)]
    assert rows(sqlite_cli.db, "SELECT count(*) FROM document WHERE checked_at IS NULL") == [(0,)]
    assert rows(sqlite_cli.db, "SELECT count(*) FROM document") == [(len(paths),)]


def test_a_database_that_cannot_be_opened_is_one_line_with_many_files(
    tmp_path: Path, sqlite_cli: Cli
) -> None:
    folder = tmp_path / "many"
    write_articles(folder, parallel.MIN_JOBS * 2)
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_bytes(b"these are a reporter's notes, not a database\n" * 100)
    bad = Cli(str(not_a_database), sqlite_cli.env)
    result = bad("ingest", str(folder))
    assert result.code != 0
    assert result.out == ""
    (line,) = result.err.splitlines()
    assert line.startswith("claimtrack: ") and "cannot open database" in line
    assert no_traceback(result.err)


def _slow_opener(url: str, opened_in: list[str], delay: float) -> Engine:
    time.sleep(delay)
    opened_in.append(threading.current_thread().name)
    engine = make_engine(url)
    ensure_schema(engine)
    return engine


def test_the_database_opens_while_the_workers_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimtrack.ingest import pipeline

    folder = tmp_path / "many"
    paths = write_articles(folder, parallel.MIN_JOBS * 3)
    url = resolve_url(str(tmp_path / "db.sqlite"))
    opened_in: list[str] = []
    seen: list[str] = []
    # The check forks its own workers only in a single-threaded process: by the time it
    # runs, the thread that opened the database must be gone, not merely done.
    at_check: list[list[str]] = []
    check = pipeline.check_new_documents

    def watched_check(engine: Engine) -> None:
        at_check.append([t.name for t in threading.enumerate()])
        check(engine)

    monkeypatch.setattr(pipeline, "check_new_documents", watched_check)
    results = ingest(
        lambda: _slow_opener(url, opened_in, 0.5),
        [str(folder)],
        on_result=lambda r: seen.append(Path(r.name).name),
    )
    assert opened_in and opened_in[0] != threading.main_thread().name
    assert len(at_check) == 1 and opened_in[0] not in at_check[0]
    assert seen == [p.name for p in paths]  # in order, however long the opening took
    assert {r.outcome for r in results} == {"ingested"}
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            count = conn.execute(text("SELECT count(*) FROM document")).scalar()
            unchecked = conn.execute(
                text("SELECT count(*) FROM document WHERE checked_at IS NULL")
            ).scalar()
    finally:
        engine.dispose()
    assert (count, unchecked) == (len(paths), 0)


def test_an_opening_that_fails_fails_the_ingest_and_stops_the_workers(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    write_articles(folder, parallel.MIN_JOBS * 3)

    def refuse() -> Engine:
        raise RuntimeError("the desk server is down for maintenance")

    with pytest.raises(RuntimeError, match="maintenance"):
        ingest(refuse, [str(folder)])
    deadline = time.monotonic() + 10
    while _children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _children() == []


def _children() -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{os.getpid()}/task").glob("*"):
        found += [int(c) for c in (task / "children").read_text().split()]
    return [pid for pid in found if _running(pid)]


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_stored_claims_are_the_extracted_ones_field_by_field(tmp_path: Path) -> None:
    body = (
        "LISBON, May 3 — The harbour authority said about 3,500 cruise passengers landed on "
        'Friday. "We expect 40% more next summer," said Rita Sousa, its director.\n'
    )
    path = tmp_path / "harbour.txt"
    path.write_text(body, encoding="utf-8")
    url = resolve_url(str(tmp_path / "db.sqlite"))
    engine = make_engine(url)
    ensure_schema(engine)
    try:
        [result] = ingest(engine, [str(path)])
        with engine.connect() as conn:
            stored_text, published = conn.execute(
                text("SELECT text, published FROM document WHERE id = :id"),
                {"id": result.document_id},
            ).one()
            columns = ", ".join(f'"{name}"' for name in CLAIM_FIELDS)
            got = [
                dict(zip(CLAIM_FIELDS, row, strict=True))
                for row in conn.execute(
                    text(f'SELECT {columns} FROM claim ORDER BY start, "end", kind')
                )
            ]
            statuses = {s for (s,) in conn.execute(text("SELECT status FROM claim"))}
    finally:
        engine.dispose()
    if isinstance(published, str):
        import datetime as dt

        published = dt.date.fromisoformat(published)
    expected = [
        {name: getattr(c, "sentence" if name == "text" else name) for name in CLAIM_FIELDS}
        for c in extract_claims(stored_text, published)
    ]
    assert len(expected) >= 3
    assert {c["kind"] for c in expected} >= {"count", "quote"}
    assert got == expected
    assert statuses == {"unverified"}
