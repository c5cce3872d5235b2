"""The JSON and CSV reports parse back with the standard library and hold the claims with their
sources, history and conflicts."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from sqlmodel import Session

from claimtrack.report import write_report
from claimtrack.report.csv_report import COLUMNS
from tests.contract import CLAIM_KEYS
from tests.report.conftest import HOSTILE_NOTE, HOSTILE_SENTENCE, HOSTILE_SOURCE_TITLE, Desk

AT = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
VERDICTS = ("verified", "false", "misleading")


def as_json(session: Session, **kwargs: Any) -> dict[str, Any]:
    out = io.StringIO()
    n = write_report(session, out, fmt="json", generated_at=AT, **kwargs)
    data = json.loads(out.getvalue())
    assert len(data["claims"]) == n
    return data


def as_csv(session: Session, **kwargs: Any) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    n = write_report(session, out, fmt="csv", generated_at=AT, **kwargs)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert len(rows) == n
    return rows


def test_json_report_holds_claims_sources_history_conflicts(desk: tuple[Session, Desk]) -> None:
    session, ids = desk
    data = as_json(session, statuses=VERDICTS, org="Desk")
    assert data["generated_at"] == "2026-03-01T00:00:00Z"
    assert data["org"] == "Desk"
    assert data["statuses"] == list(VERDICTS)
    assert [d["id"] for d in data["documents"]] == [ids.docs["one"], ids.docs["two"]]
    assert [d["claims"] for d in data["documents"]] == [3, 1]
    claims = data["claims"]
    assert [c["id"] for c in claims] == [ids.claims[k] for k in ("troops", "aid", "quote", "other")]
    for claim in claims:
        assert set(claim) == CLAIM_KEYS | {"sources", "history", "conflicts"}
    troops = claims[0]
    assert troops["text"] == HOSTILE_SENTENCE
    assert troops["value"] == 10000 and troops["status"] == "verified"
    assert [s["url"] for s in troops["sources"]] == [
        "https://ministry.example/figures(2024)",
        "data:text/html,<script>x</script>",
    ]
    assert troops["sources"][0]["title"] == HOSTILE_SOURCE_TITLE
    assert [(h["old_status"], h["new_status"], h["by"]) for h in troops["history"]] == [
        ("unverified", "in_progress", "alice"),
        ("in_progress", "verified", "alice"),
        ("verified", "verified", "<bob>"),
    ]
    assert troops["history"][2]["note"] == HOSTILE_NOTE
    assert troops["conflicts"] == [
        {
            "id": ids.conflict_id,
            "kind": "value",
            "claim_ids": sorted([ids.claims["troops"], ids.claims["other"]]),
            "explanation": "soldiers: 10000 vs ~12000 <b>",
            "state": "dismissed",
            "note": "Different dates.",
        }
    ]
    assert claims[2]["sources"] == [] and claims[2]["conflicts"] == []


def test_json_default_and_determinism(desk: tuple[Session, Desk]) -> None:
    session, ids = desk
    data = as_json(session)
    assert [c["id"] for c in data["claims"]] == [ids.claims["troops"], ids.claims["other"]]
    first, second = io.StringIO(), io.StringIO()
    write_report(session, first, fmt="json", generated_at=AT)
    write_report(session, second, fmt="json", generated_at=AT + dt.timedelta(hours=1))
    diff = [
        (a, b)
        for a, b in zip(first.getvalue().splitlines(), second.getvalue().splitlines(), strict=True)
        if a != b
    ]
    assert diff == [
        ('  "generated_at": "2026-03-01T00:00:00Z",', '  "generated_at": "2026-03-01T01:00:00Z",')
    ]


def test_csv_one_row_per_claim(desk: tuple[Session, Desk]) -> None:
    session, ids = desk
    rows = as_csv(session, statuses=VERDICTS)
    assert rows and list(rows[0]) == list(COLUMNS)
    assert [int(r["claim_id"]) for r in rows] == [
        ids.claims[k] for k in ("troops", "aid", "quote", "other")
    ]
    troops, aid, quote, other = rows
    assert troops["sentence"] == HOSTILE_SENTENCE
    assert troops["span"] == "10,000 soldiers"
    assert troops["value"] == "10000" and aid["value"] == "425000000"
    assert troops["document_published"] == "2024-11-05" and other["document_published"] == ""
    assert troops["status"] == "verified" and troops["status_set_by"] == "alice"
    notes = troops["notes"].split("\n")
    assert len(notes) == 2 and notes[1].endswith(f"<bob>: {HOSTILE_NOTE}")
    assert troops["sources"].split("\n")[0] == (
        f"https://ministry.example/figures(2024) ({HOSTILE_SOURCE_TITLE}) - | page 3 |"
    )
    assert troops["conflicts"].startswith(f"#{ids.conflict_id} value dismissed: ")
    assert quote["speaker"] == "Jane Doe" and quote["value"] == ""


def test_csv_cells_do_not_become_formulas(desk: tuple[Session, Desk]) -> None:
    session, _ = desk
    rows = as_csv(session, statuses=VERDICTS)
    # The title "- Second story" would be a formula in a spreadsheet.
    assert rows[3]["document_title"] == "'- Second story"
    for row in rows:
        for column in COLUMNS:
            assert not row[column].startswith(("=", "+", "@", "\t", "\r")), column
            if column not in ("value", "value_max"):
                assert not row[column].startswith("-"), column
