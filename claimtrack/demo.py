"""The bundled sample articles and the demo database."""

from __future__ import annotations

from pathlib import Path

from claimtrack.db import default_db_path


def demo_articles() -> Path:
    from importlib.resources import files

    installed = Path(str(files("claimtrack.fixtures"))) / "articles"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "fixtures" / "articles"


def fresh_demo_db() -> Path:
    path = default_db_path().with_name("demo.db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path
