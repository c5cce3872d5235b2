"""The report package is a service: the CLI and the TUI call it, it imports neither."""

from __future__ import annotations

import subprocess
import sys


def test_report_imports_no_ui() -> None:
    code = (
        "import sys, claimtrack.report; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'typer', 'rich')); "
        "print(','.join(bad))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert proc.stdout.strip() == ""
