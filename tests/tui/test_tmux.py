"""The installed `claimtrack`, driven in tmux as a person would: it opens on a database of the
seed articles showing their claims, `v` marks the first claim verified, `q` quits."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from claimtrack import store
from claimtrack.db import get_engine, session_scope
from claimtrack.store.browse import BrowseQuery, fetch_page
from tests.conftest import FIXTURES, Cli, _cli_env, claimtrack_command

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def wait_for(check: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


class Tmux:
    """One private tmux server (its own socket), so nothing else's sessions are touched."""

    def __init__(self, env: dict[str, str]) -> None:
        self.socket = f"claimtrack-test-{uuid.uuid4().hex[:8]}"
        self.env = env

    def run(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=20,
        ).stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "desk")

    def alive(self) -> bool:
        return "desk" in self.run("list-sessions", "-F", "#{session_name}")


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    env = _cli_env(tmp_path)
    for name in ("NO_COLOR", "COLUMNS", "LINES"):  # the app must follow the tmux window
        env.pop(name, None)
    env["TERM"] = "xterm-256color"
    server = Tmux(env)
    yield server
    server.run("kill-server")


def test_installed_claimtrack_in_tmux(tmux: Tmux, tmp_path: Path) -> None:
    command = claimtrack_command()
    if not Path(command[0]).name.startswith("claimtrack"):
        pytest.skip("the claimtrack entry point is not installed in this environment")
    db = str(tmp_path / "seed.db")
    seeds = sorted(str(p) for p in (FIXTURES / "articles").glob("seed-*"))
    assert seeds, "no seed articles in fixtures/articles"
    ingested = Cli(db, tmux.env)("ingest", *seeds)
    assert ingested.code == 0, ingested.err
    with session_scope(get_engine(db)) as session:
        first = fetch_page(session, BrowseQuery(), limit=1)[0]
    assert first.status == "unverified"

    shell_command = " ".join([*command, "--db", db])
    tmux.run("new-session", "-d", "-s", "desk", "-x", "120", "-y", "40", shell_command)

    def opened() -> bool:
        screen = tmux.screen()
        return first.span[:20] in screen and "checker: tester" in screen

    wait_for(opened, "the desk with the first claim on screen")
    assert "unverified" in tmux.screen()

    tmux.run("send-keys", "-t", "desk", "v")

    def verified() -> bool:
        with session_scope(get_engine(db)) as session:
            return store.get_claim(session, first.id).status == "verified"

    wait_for(verified, "the first claim to be verified in the database")
    with session_scope(get_engine(db)) as session:
        changes = store.history(session, first.id)
    assert [(c.old_status, c.new_status, c.by) for c in changes] == [
        ("unverified", "verified", "tester")
    ]

    def row_shows_verified() -> bool:
        rows = [line for line in tmux.screen().splitlines() if first.span[:20] in line]
        return bool(rows) and rows[0].rstrip().endswith(" verified")

    wait_for(row_shows_verified, "the row to show verified")

    tmux.run("send-keys", "-t", "desk", "q")
    wait_for(lambda: not tmux.alive(), "claimtrack to quit")
    assert os.path.exists(db)
