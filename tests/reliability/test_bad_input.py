"""Bad input: each refused source is one stderr line naming it and the reason, the good ones
land, the exit is non-zero, and there is never a traceback."""

from __future__ import annotations

import importlib
import json
import os
import random
import tempfile
from pathlib import Path

import pytest

from tests.conftest import Cli, claimtrack_command
from tests.reliability.helpers import article, no_traceback, write_articles

GOOD = "The council said 1,200 homes were flooded on Monday, and repairs will cost $40 million.\n"


def _refusals(err: str) -> dict[str, str]:
    """stderr lines 'claimtrack: NAME: reason' as {basename: reason}."""
    found = {}
    for line in err.splitlines():
        assert line.startswith("claimtrack: "), line
        name, _, reason = line.removeprefix("claimtrack: ").rpartition(": ")
        found[Path(name).name] = reason
    return found


def _stored_texts(cli: Cli) -> dict[str, str]:
    docs = json.loads(cli("docs", "--json").out)
    texts = {}
    for d in docs:
        full = json.loads(cli("doc", str(d["id"]), "--json").out)
        texts[Path(d["path"]).name] = full["text"]
    return texts


BAD_FILES = {
    "binary.txt": (bytes(range(256)) * 40, "binary file"),
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\n\t \n", "empty file"),
    "random.txt": (random.Random(8).randbytes(20_000), "binary file"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_refused_by_name(sqlite_cli: Cli, tmp_path: Path, name: str) -> None:
    data, reason = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(data)
    done = sqlite_cli("ingest", str(path))
    assert done.code == 1
    assert done.out == ""
    refused = _refusals(done.err)
    assert list(refused) == [name] and refused[name].startswith(reason)
    assert no_traceback(done.err)
    assert json.loads(sqlite_cli("docs", "--json").out) == []


def test_legacy_and_damaged_encodings_are_read_correctly(sqlite_cli: Cli, tmp_path: Path) -> None:
    text = "The café’s owner said “about 300 people” came, paying €12 each.\n"
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(text.replace("300", "301").encode("utf-16"))
    # A UTF-8 file cut off in the middle of its last character.
    (tmp_path / "truncated.txt").write_bytes((text.replace("300", "302") + "é").encode()[:-1])
    done = sqlite_cli("ingest", str(tmp_path))
    assert done.code == 0, done.err
    stored = _stored_texts(sqlite_cli)
    assert stored == {
        "cp1252.txt": text.strip(),
        "utf16.txt": text.replace("300", "301").strip(),
        "truncated.txt": text.replace("300", "302").strip(),
    }


def test_directory_mixing_good_and_bad_files(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    write_articles(folder, 3)
    (folder / "sub").mkdir()
    (folder / "sub" / "nested.md").write_text("---\ntitle: Nested\n---\n\n" + GOOD)
    (folder / "sub" / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "empty.md").write_bytes(b"")
    (folder / "menu.html").write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/c'>Contact</a></nav></body></html>"
    )
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)  # not an article type
    done = cli("ingest", str(folder))
    assert done.code == 1
    assert _refusals(done.err) == {
        "binary.txt": "binary file (contains NUL bytes)",
        "empty.md": "empty file",
        "menu.html": "no article text found in the page",
    }
    assert no_traceback(done.err)
    landed = sorted(Path(d["path"]).name for d in json.loads(cli("docs", "--json").out))
    assert landed == ["article-0000.txt", "article-0001.txt", "article-0002.txt", "nested.md"]


def test_huge_single_line_file_refused_with_memory_bounded(sqlite_cli: Cli, tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        chunk = b"word " * 200_000  # 1 MB, no newline anywhere
        for _ in range(50):
            fh.write(chunk)
    small = tmp_path / "small.txt"
    small.write_text(article(1))
    base = [*claimtrack_command(), "--db", sqlite_cli.db, "ingest"]

    def run(path: Path) -> tuple[int, int, str]:
        err_file = tmp_path / f"{path.stem}.err"
        with err_file.open("wb") as err:
            pid = os.posix_spawn(
                base[0],
                [*base, str(path)],
                sqlite_cli.env,
                file_actions=[
                    (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                    (os.POSIX_SPAWN_DUP2, err.fileno(), 2),
                ],
            )
            _, status, usage = os.wait4(pid, 0)
        return os.waitstatus_to_exitcode(status), usage.ru_maxrss, err_file.read_text()

    small_code, small_rss, _ = run(small)
    huge_code, huge_rss, huge_err = run(huge)
    assert small_code == 0
    assert huge_code == 1
    assert huge_err == f"claimtrack: {huge}: too large for an article (50 MB; limit 20 MiB)\n"
    # Reading the file at all would add 50 MB or more; the refusal costs nothing measurable.
    assert huge_rss < small_rss + 20 * 1024, (small_rss, huge_rss)


def _beyond_read_ahead() -> int:
    """The position of a file in a batch that cannot have been read yet when the first
    outcome is reported: files are read ahead of storing, by worker processes a bounded number
    of tasks ahead, and a batch's outcomes are reported once it is committed."""
    from claimtrack.ingest import parallel
    from claimtrack.ingest.pipeline import FIRST_BATCH

    return FIRST_BATCH + (parallel.MAX_WORKERS * parallel.AHEAD + 1) * parallel.CHUNK


def test_file_vanishing_mid_batch_is_named(tmp_path: Path) -> None:
    from claimtrack.db import ensure_schema, make_engine, resolve_url
    from claimtrack.ingest import IngestResult, ingest, parallel
    from claimtrack.ingest.pipeline import FIRST_BATCH

    # Files are read ahead of storing (by worker processes, a bounded number of tasks ahead):
    # the one that goes away lies beyond what can have been read when the first is stored.
    ahead = FIRST_BATCH + (parallel.MAX_WORKERS * parallel.AHEAD + 1) * parallel.CHUNK
    folder = tmp_path / "batch"
    paths = write_articles(folder, ahead + 2)
    gone = paths[ahead]
    engine = make_engine(resolve_url(str(tmp_path / "db.sqlite")))
    ensure_schema(engine)

    def after_each(result: IngestResult) -> None:
        if result.name == str(paths[0]):
            gone.unlink()

    results = ingest(engine, [str(folder)], on_result=after_each)
    engine.dispose()
    outcome = {Path(r.name).name: (r.outcome, r.reason) for r in results}
    assert len(outcome) == len(paths)
    assert outcome.pop(gone.name) == ("refused", "no such file")
    assert set(outcome.values()) == {("ingested", None)}


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to act as an ordinary user")
def test_file_losing_read_permission_mid_batch_is_named() -> None:
    from claimtrack.db import ensure_schema, make_engine, resolve_url
    from claimtrack.extract import extract_claims
    from claimtrack.ingest import IngestResult, ingest

    # root reads any file, so the batch runs as 'nobody' (effective uid), in a folder and
    # database that user may write; the modules it needs are loaded first, as root.
    extract_claims(article(0), None)
    importlib.import_module("claimtrack.check")
    base = Path(tempfile.mkdtemp(prefix="claimtrack-perm-"))
    base.chmod(0o777)
    ahead = _beyond_read_ahead()
    paths = write_articles(base / "batch", ahead + 2)
    locked = paths[ahead]
    engine = make_engine(resolve_url(str(base / "db.sqlite")))
    ensure_schema(engine)
    engine.dispose()
    (base / "db.sqlite").chmod(0o666)

    def after_each(result: IngestResult) -> None:
        if result.name == str(paths[0]):
            os.seteuid(0)  # the owner takes the file's permissions away
            locked.chmod(0o000)
            os.seteuid(65534)

    os.seteuid(65534)
    try:
        results = ingest(engine, [str(base / "batch")], on_result=after_each)
    finally:
        os.seteuid(0)
        engine.dispose()
    outcome = {Path(r.name).name: (r.outcome, r.reason) for r in results}
    assert len(outcome) == len(paths)
    assert outcome.pop(locked.name) == ("refused", "permission denied")
    assert set(outcome.values()) == {("ingested", None)}
