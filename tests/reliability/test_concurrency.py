"""Several checkers at once, as separate processes on one database (SQLite and PostgreSQL):
nothing is lost, nothing is doubled."""

from __future__ import annotations

import json
from pathlib import Path

from claimtrack.extract import extract_claims
from tests.conftest import Cli
from tests.reliability.helpers import scalar, spawn

STATUSES = ["verified", "false", "misleading", "unsupported", "in_progress"]


def _many_claims_article(n: int) -> str:
    return "".join(
        f"Officials said {100 + i} soldiers reached town {i} on Monday.\n" for i in range(n)
    )


def _wait_all(procs: list) -> list[tuple[int, str]]:  # type: ignore[type-arg]
    results = []
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        results.append((proc.returncode, err.decode()))
    return results


def test_forty_marks_at_once_all_land(cli: Cli) -> None:
    assert cli("ingest", "-", input=_many_claims_article(45)).code == 0
    claims = json.loads(cli("claims", "--json", "--kind", "count").out)
    assert len(claims) >= 40
    wanted = {c["id"]: STATUSES[i % len(STATUSES)] for i, c in enumerate(claims[:40])}
    procs = [
        spawn(cli, "mark", str(cid), status, "--by", f"checker{cid}")
        for cid, status in wanted.items()
    ]
    results = _wait_all(procs)
    assert [code for code, _ in results] == [0] * 40, [err for _, err in results if err]
    history = json.loads(cli("history", "--json").out)
    assert len(history) == 40
    assert {h["claim_id"]: h["new_status"] for h in history} == wanted
    assert {h["claim_id"]: h["by"] for h in history} == {c: f"checker{c}" for c in wanted}
    now = {c["id"]: c["status"] for c in json.loads(cli("claims", "--json").out)}
    assert {cid: now[cid] for cid in wanted} == wanted


def test_two_checkers_marking_one_claim_both_land(cli: Cli) -> None:
    assert cli("ingest", "-", input=_many_claims_article(1)).code == 0
    claim_id = json.loads(cli("claims", "--json").out)[0]["id"]
    for _ in range(3):
        procs = [
            spawn(cli, "mark", str(claim_id), "verified", "--by", "ana"),
            spawn(cli, "mark", str(claim_id), "false", "--by", "ben"),
            spawn(cli, "note", str(claim_id), "source called back", "--by", "cy"),
        ]
        assert [code for code, _ in _wait_all(procs)] == [0, 0, 0]
    history = json.loads(cli("history", str(claim_id), "--json").out)
    assert len(history) == 9
    # History is one chain: each change starts from the status the one before it left, and
    # the claim holds the status of the later change.
    status = "unverified"
    for h in history:
        assert h["old_status"] == status, history
        status = h["new_status"]
    claim = json.loads(cli("claims", "--json").out)[0]
    assert claim["status"] == status == history[-1]["new_status"]


def test_same_file_ingested_by_processes_at_once_is_one_document(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "same.txt"
    path.write_text(_many_claims_article(5))
    procs = [spawn(cli, "ingest", str(path)) for _ in range(4)]
    results = _wait_all(procs)
    assert [code for code, _ in results] == [0] * 4, [err for _, err in results]
    assert all(err == "" for _, err in results)
    assert scalar(cli.db, "SELECT count(*) FROM document") == 1
    stored = json.loads(cli("doc", "1", "--json").out)
    assert stored["text"] == path.read_text().strip()
    assert scalar(cli.db, "SELECT count(*) FROM claim") == len(stored["claims_list"]) > 0
    assert {c["start"] for c in stored["claims_list"]} == {
        c.start for c in extract_claims(stored["text"], None)
    }


def test_checkers_ingesting_different_files_at_once(cli: Cli, tmp_path: Path) -> None:
    # Each ingest runs the cross-document checker; theirs overlap on the same subjects.
    paths = []
    for i in range(4):
        path = tmp_path / f"report-{i}.txt"
        path.write_text(f"Officials said {1000 + i} soldiers reached Vela on Monday, {i}.\n")
        paths.append(path)
    results = _wait_all([spawn(cli, "ingest", str(p)) for p in paths])
    assert results == [(0, "")] * 4
    assert scalar(cli.db, "SELECT count(*) FROM document") == 4
