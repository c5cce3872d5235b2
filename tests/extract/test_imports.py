"""Importing the extractor stays cheap: dateparser loads only when a date needs it."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
from claimtrack.extract import extract_claims
assert "dateparser" not in sys.modules, "imported at import time"
extract_claims("Some 4,000 people fled on Thursday.")
assert "dateparser" not in sys.modules, "imported for a weekday"
extract_claims("It was signed on 17 October 2024.")
assert "dateparser" in sys.modules, "the absolute date was not parsed by dateparser"
"""


def test_dateparser_is_imported_lazily() -> None:
    done = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
