"""Alembic scripts, shipped inside the package as claimtrack.migrations."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision. Read at start-up so that a database already at head skips the
# migration machinery (importing alembic costs ~0.1 s); a test checks it against the scripts.
HEAD_REVISION = "0003"

SCRIPT_DIR = Path(__file__).resolve().parent


def alembic_config(connection: Any = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg
