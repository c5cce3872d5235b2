"""The bundled sample articles and the demo database."""

from __future__ import annotations

from pathlib import Path

from claimtrack.db import default_db_path


def demo_articles() -> Path:
    # In a source checkout (and an editable install) the articles are the repo's fixtures/;
    # an installed wheel carries them as the package claimtrack.fixtures.
    in_checkout = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
    if in_checkout.is_dir():
        return in_checkout
    from importlib.resources import files

    return Path(str(files("claimtrack.fixtures"))) / "articles"


def fresh_demo_db() -> Path:
    path = default_db_path().with_name("demo.db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path
