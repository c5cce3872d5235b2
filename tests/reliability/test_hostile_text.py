"""Article text is hostile: control characters and terminal escapes never reach the store or
the terminal; Rich markup and Markdown in it are shown literally."""

from __future__ import annotations

import json
import re

from tests.conftest import Cli

HOSTILE = (
    "Port \x1b[31mred\x1b[0m alert\x07\n\n"
    "Officials said 1,500 [bold red]dock workers[/bold red] walked out, **costing** $20 million"
    "\x1b]8;;http://evil.example\x1b\\ a link\x1b]8;;\x1b\\.\x08\r\n"
    "A \u202eSTOOR\u202c reversal [link=http://x]cost[/link] 4% more _today_ \x9b2J.\n"
)
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_controls_never_stored_and_markup_stays_literal(cli: Cli) -> None:
    done = cli("ingest", "-", "--title", "T\x1b[2Jitle", input=HOSTILE.encode())
    assert done.code == 0, done.err
    doc = json.loads(cli("doc", "1", "--json").out)
    for value in (doc["text"], doc["title"], *(c["span"] for c in doc["claims_list"])):
        assert not CONTROLS.search(value), repr(value)
    assert doc["title"] == "Title"
    assert "[bold red]dock workers[/bold red]" in doc["text"]
    assert "**costing**" in doc["text"]
    assert "alert\n\nOfficials" in doc["text"]
    assert "\x1b" not in doc["text"] and "evil.example" not in doc["text"]
    for claim in doc["claims_list"]:
        assert doc["text"][claim["start"] : claim["end"]] == claim["span"]

    shown = cli("doc", "1")
    assert shown.code == 0
    assert not CONTROLS.search(shown.out.replace("\n", ""))
    assert "[bold red]dock workers[/bold red]" in shown.out
    assert "**costing**" in shown.out and "[link=http://x]cost[/link]" in shown.out
    found = json.loads(cli("claims", "--search", "dock workers", "--json").out)
    assert found and all("[bold red]dock workers[/bold red]" in c["text"] for c in found)


def test_hostile_notes_and_names_are_kept_as_given_and_shown_safely(cli: Cli) -> None:
    cli("ingest", "-", input=b"Officials said 1,500 dock workers walked out on Monday.\n")
    claim_id = json.loads(cli("claims", "--json").out)[0]["id"]
    note = "see [red]this[/red] **now** \x1b[2J"
    assert cli("note", str(claim_id), note, "--by", "eve\x1b[31m").code == 0
    history = json.loads(cli("history", "--json").out)
    # History is the record: it keeps what the checker typed; showing it is what is made safe.
    assert history[-1]["note"] == note
    table = cli("history")
    assert "\x1b" not in table.out
    assert "[red]this[/red] **now**" in table.out
