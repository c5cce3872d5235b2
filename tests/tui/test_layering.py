"""The UI is a thin layer: importing the TUI package or the store pulls in no Textual, so the
CLI's scripted commands never pay for it and the services stay UI-free."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module", ["claimtrack.tui", "claimtrack.store.browse", "claimtrack.store"]
)
def test_module_imports_no_textual(module: str) -> None:
    code = f"import sys, {module}; print(any(m.split('.')[0] == 'textual' for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
