"""An extractor's bug: raised in the tests (strict), logged in use, the other kinds kept."""

from __future__ import annotations

import logging

import pytest

from claimtrack.extract import STRICT_ENV, extract_claims, money

TEXT = "The fund holds $40 million, and 3,000 workers joined on Tuesday."


def _broken(doc: object) -> list[object]:
    raise RuntimeError("injected fault")


def test_strict_mode_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(money, "find", _broken)
    with pytest.raises(RuntimeError, match="injected fault"):
        extract_claims(TEXT)


def test_in_use_the_failure_is_logged_and_other_kinds_kept(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(money, "find", _broken)
    monkeypatch.delenv(STRICT_ENV)
    with caplog.at_level(logging.WARNING, logger="claimtrack.extract"):
        claims = extract_claims(TEXT)
    assert {c.kind for c in claims} == {"count", "date"}
    assert "the money extractor failed" in caplog.text
