"""`claimtrack export` end to end: the installed CLI on a real database (SQLite and PostgreSQL),
filled through the CLI from an article with hostile text."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import Cli, _cli_env
from tests.pgserver import PostgresServer
from tests.report.html import render

ARTICLE = """---
title: "<script>alert('t')</script> # Army figures"
source: "Wire | Service"
url: https://news.example/army
published: 2024-11-05
---

The ministry said 10,000 soldiers crossed the border on Tuesday. <b>Bold</b> claims followed.

Officials approved a $425 million arms package for the region.
"""
HOSTILE_NOTE = "See [x](javascript:alert(1)) <img src=x onerror=alert(2)>"


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def filled(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Cli, list[dict[str, object]]]:
    # Filled once per backend: exports only read, and every CLI call is a process start.
    tmp_path = tmp_path_factory.mktemp("export")
    if request.param == "sqlite":
        db = str(tmp_path / "claimtrack.db")
    else:
        server: PostgresServer = request.getfixturevalue("pg_server")
        db = server.create_database()
    cli = Cli(db, _cli_env(tmp_path))
    article = tmp_path / "army.md"
    article.write_text(ARTICLE, encoding="utf-8")
    done = cli("ingest", str(article))
    assert done.code == 0, done.err
    claims = json.loads(cli("claims", "--json").out)
    assert claims, "the article gave no claims"
    first = str(claims[0]["id"])
    assert cli("mark", first, "verified", "--note", HOSTILE_NOTE, "--by", "alice").code == 0
    added = cli("source", "add", first, "https://ministry.example/x", "--title", "<i>Ministry</i>")
    assert added.code == 0, added.err
    return cli, claims


def test_export_markdown_to_stdout(filled: tuple[Cli, list[dict[str, object]]]) -> None:
    cli, claims = filled
    done = cli("export")
    assert done.code == 0, done.err
    html = render(done.out)
    assert html.texts("h1") == ["Fact-check report"]
    assert html.texts("h2") == [
        f"Document {claims[0]['document_id']}: <script>alert('t')</script> # Army figures"
    ]
    assert html.texts("h3") == [f"Claim {claims[0]['id']}: verified"]
    assert not html.all("script") and not html.all("img") and not html.all("i")
    assert [a.attrs["href"] for a in html.all("a")] == [
        "https://news.example/army",
        "https://ministry.example/x",
    ]
    assert any(item.endswith(f"unverified → verified: {HOSTILE_NOTE}") for item in html.texts("li"))
    checkers = [i for i in html.texts("li") if i.startswith("Checkers: ")]
    assert len(checkers) == 1 and "alice" in checkers[0].split(": ", 1)[1].split(", ")


def test_export_is_deterministic_but_for_the_generated_line(
    filled: tuple[Cli, list[dict[str, object]]],
) -> None:
    cli, _ = filled
    first, second = cli("export").out, cli("export").out
    diff = [(a, b) for a, b in zip(first.splitlines(), second.splitlines(), strict=True) if a != b]
    assert len(diff) <= 1
    assert all(a.startswith("- Generated: ") for a, _ in diff)


def test_export_formats_to_files(
    filled: tuple[Cli, list[dict[str, object]]], tmp_path: Path
) -> None:
    cli, claims = filled
    target = tmp_path / "out"
    target.mkdir()
    done = cli(
        "export", "--format", "claimreview", "--org", "The Desk", "-o", str(target / "cr.json")
    )
    assert done.code == 0, done.err
    reviews = json.loads((target / "cr.json").read_text(encoding="utf-8"))
    assert len(reviews) == 1
    review = reviews[0]
    assert review["@type"] == "ClaimReview"
    assert review["author"] == {"@type": "Organization", "name": "The Desk"}
    assert review["reviewRating"]["alternateName"] == "Verified"
    assert review["itemReviewed"]["appearance"]["url"] == "https://news.example/army"
    assert review["url"] and review["claimReviewed"] and review["datePublished"]

    assert cli("export", "--format", "json", "-o", str(target / "r.json")).code == 0
    data = json.loads((target / "r.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in data["claims"]] == [claims[0]["id"]]
    assert data["claims"][0]["sources"][0]["url"] == "https://ministry.example/x"
    assert data["claims"][0]["history"][-1]["note"] == HOSTILE_NOTE

    assert (
        cli("export", "--format", "csv", "--status", "unverified", "-o", str(target / "r.csv")).code
        == 0
    )
    with (target / "r.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert sorted(int(r["claim_id"]) for r in rows) == sorted(int(str(c["id"])) for c in claims[1:])


def test_export_several_statuses(filled: tuple[Cli, list[dict[str, object]]]) -> None:
    cli, claims = filled
    done = cli("export", "--status", "verified", "--status", "unverified", "--format", "json")
    assert done.code == 0, done.err
    assert len(json.loads(done.out)["claims"]) == len(claims)


def test_export_org_from_environment(filled: tuple[Cli, list[dict[str, object]]]) -> None:
    cli, _ = filled
    env_cli = Cli(cli.db, {**cli.env, "CLAIMTRACK_ORG": "Env Desk"})
    assert render(env_cli("export").out).texts("h1") == ["Fact-check report: Env Desk"]


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["--status", "bogus"], "bogus"),
        (["--format", "pdf"], "pdf"),
        (["--format", "claimreview", "--status", "unverified"], "unverified"),
    ],
)
def test_export_bad_input_is_one_line(
    filled: tuple[Cli, list[dict[str, object]]], args: list[str], names: str
) -> None:
    cli, _ = filled
    done = cli("export", *args)
    assert done.code != 0
    assert names in done.err
    assert "Traceback" not in done.err
    assert len(done.err.strip().splitlines()) == 1
    assert done.out == ""


def test_export_output_file_written_whole(
    filled: tuple[Cli, list[dict[str, object]]], tmp_path: Path
) -> None:
    cli, _ = filled
    target = tmp_path / "report.md"
    assert cli("export", "-o", str(target)).code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Fact-check report\n") and text.endswith("\n")
    assert io.StringIO(text).readline() == "# Fact-check report\n"
