"""ruff (lint and format) and mypy on the package, as part of the suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, timeout=600
    )


def test_ruff_lint() -> None:
    result = _run("ruff", "check", "claimtrack", "migrations", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = _run("ruff", "format", "--check", "claimtrack", "migrations", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_package() -> None:
    result = _run("mypy", "claimtrack")
    assert result.returncode == 0, result.stdout + result.stderr
