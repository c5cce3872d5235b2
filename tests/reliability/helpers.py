"""Small real articles and direct database look-ups for the reliability tests."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sqlalchemy import text

from tests.conftest import Cli, claimtrack_command

OUTLETS = ["Harbour Wire", "Capital Desk", "Northgate", "Ledger", "Europulse"]


def article(i: int) -> str:
    """A short news article, distinct for each i, with a few claims in it."""
    return (
        f"Port of Vela {i}\n\n"
        f"VELA, March {i % 27 + 1} — Officials said {1000 + i} dock workers walked out on Monday, "
        f"and the strike has cost the port ${10 + i} million so far.\n\n"
        f"Unions said pay rose {i % 9 + 1}% last year, while shipping fell {i % 7 + 2}% in "
        f'{2000 + i % 25}. "We will not move a crate until the talks resume," said '
        f"union leader Mara Osk {i}.\n"
    )


def write_articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"article-{i:04d}.txt"
        path.write_text(article(i), encoding="utf-8")
        paths.append(path)
    return paths


def engine_for(db: str):  # type: ignore[no-untyped-def]
    from claimtrack.db import make_engine, resolve_url

    return make_engine(resolve_url(db))


def scalar(db: str, sql: str) -> int:
    engine = engine_for(db)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(sql)).scalar_one())
    finally:
        engine.dispose()


def rows(db: str, sql: str) -> list[tuple]:
    engine = engine_for(db)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql)).all()]
    finally:
        engine.dispose()


def spawn(cli: Cli, *args: str) -> subprocess.Popen[bytes]:
    """The installed claimtrack started in the background against cli's database."""
    return subprocess.Popen(
        [*claimtrack_command(), "--db", cli.db, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=cli.env,
    )


def no_traceback(err: str) -> bool:
    return "Traceback" not in err and 'File "' not in err
