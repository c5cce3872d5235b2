"""The command-line contract, end to end through the installed entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Cli
from tests.contract import CHECK_KEYS, CLAIM_KEYS, DOC_KEYS, HISTORY_KEYS

ARTICLES = FIXTURES / "articles"


@pytest.fixture(scope="module")
def loaded(module_cli: Cli) -> Cli:
    """The fixture articles, ingested once per backend; tests that write use their own claims."""
    result = module_cli("ingest", str(ARTICLES))
    assert result.code == 0, result.err
    return module_cli


def _claim_of_kind(cli: Cli, kind: str) -> dict:
    """A claim no other test in this module touches (each test takes its own kind)."""
    return _json(cli, "claims", "--kind", kind)[0]


def _json(cli: Cli, *args: str) -> list[dict]:
    result = cli(*args, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_ingest_fixtures_prints_a_line_per_document(cli: Cli) -> None:
    result = cli("ingest", str(FIXTURES))
    assert result.code == 0, result.err
    articles = [
        p
        for p in FIXTURES.rglob("*")
        if p.suffix in {".txt", ".md", ".html"} and p.stem.lower() != "readme"
    ]
    lines = [ln for ln in result.out.splitlines() if ln.startswith("ingested")]
    assert len(lines) == len(articles) >= 10
    assert result.err == ""


def test_reingest_is_a_no_op(loaded: Cli) -> None:
    before = _json(loaded, "docs")
    again = loaded("ingest", str(ARTICLES))
    assert again.code == 0
    assert "ingested" not in again.out
    assert again.out.count("unchanged") == len(before)
    assert _json(loaded, "docs") == before


def test_docs_json_shape(loaded: Cli) -> None:
    docs = _json(loaded, "docs")
    assert docs and all(set(d) == DOC_KEYS for d in docs)
    by_name = {Path(d["path"]).name: d for d in docs}
    seed = by_name["seed-afp-victory-plan.md"]
    assert seed["published"] == "2024-10-17"
    assert seed["source"] == "AFP"
    assert len(seed["sha256"]) == 64
    assert seed["claims"] > 0
    # A wire dateline with a full date gives the published date of a .txt article.
    warsaw = by_name["northgate-wire-warsaw-donors-summit.txt"]
    assert warsaw["published"] == "2025-03-05"
    # A yearless dateline ("BRUSSELS, Oct. 18") whose lead says "on Friday": 2024; no
    # headline, so the lead's first words are the title.
    nato = by_name["northgate-wire-nato-day-two.txt"]
    assert nato["published"] == "2024-10-18"
    assert nato["title"].startswith("Ukrainian President Volodymyr Zelensky urged NATO allies")


def test_claims_json_spans_match_stored_text(loaded: Cli) -> None:
    claims = _json(loaded, "claims")
    assert claims and all(set(c) == CLAIM_KEYS for c in claims)
    # One document through the CLI; the rest read straight from the store, which is quicker.
    first = claims[0]["document_id"]
    texts = _stored_texts(loaded.db)
    assert _doc(loaded, first)["text"] == texts[first]
    for c in claims:
        assert texts[c["document_id"]][c["start"] : c["end"]] == c["span"]
        assert c["kind"] in {"count", "money", "percent", "quantity", "duration", "date", "quote"}
        assert c["status"] == "unverified"
        assert isinstance(c["related"], list)


def _stored_texts(db: str) -> dict[int, str]:
    from claimtrack.db import get_engine, session_scope
    from claimtrack.store import get_document, list_documents

    with session_scope(get_engine(db)) as session:
        ids = [s.document.id for s in list_documents(session)]
        return {i: get_document(session, i).text for i in ids if i is not None}


def _doc(cli: Cli, doc_id: int) -> dict:
    result = cli("doc", str(doc_id), "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_doc_json_is_docs_fields_plus_text(loaded: Cli) -> None:
    doc = _doc(loaded, 1)
    assert DOC_KEYS | {"text"} <= set(doc)
    assert doc["text"].strip()


def test_claim_filters(loaded: Cli) -> None:
    money = _json(loaded, "claims", "--kind", "money")
    assert money and {c["kind"] for c in money} == {"money"}
    first_doc = money[0]["document_id"]
    in_doc = _json(loaded, "claims", "--doc", str(first_doc))
    assert in_doc and {c["document_id"] for c in in_doc} == {first_doc}
    found = _json(loaded, "claims", "--search", "zelensky")
    assert found and all(
        "zelensky" in " ".join(str(c[k]) for k in ("text", "span", "subject", "speaker")).lower()
        for c in found
    )


def test_mark_note_history_and_status_filter(loaded: Cli) -> None:
    claim = _claim_of_kind(loaded, "date")
    cid = str(claim["id"])
    assert loaded("mark", cid, "in_progress", "--by", "ana").code == 0
    assert loaded("mark", cid, "verified", "--note", "matches the readout", "--by", "ben").code == 0
    assert loaded("note", cid, "called the ministry", "--by", "ana").code == 0
    history = _json(loaded, "history", cid)
    assert all(set(h) == HISTORY_KEYS for h in history)
    assert [(h["old_status"], h["new_status"], h["by"]) for h in history] == [
        ("unverified", "in_progress", "ana"),
        ("in_progress", "verified", "ben"),
        ("verified", "verified", "ana"),
    ]
    assert history[1]["note"] == "matches the readout"
    assert history[0]["at"].endswith("Z")
    verified = _json(loaded, "claims", "--status", "verified")
    assert claim["id"] in [c["id"] for c in verified]
    assert all(c["status"] == "verified" for c in verified)
    everything = _json(loaded, "history")
    assert [h for h in everything if h["claim_id"] == claim["id"]] == history


def test_user_name_from_environment(loaded: Cli) -> None:
    cid = str(_claim_of_kind(loaded, "percent")["id"])
    assert loaded("mark", cid, "false").code == 0
    assert _json(loaded, "history", cid)[-1]["by"] == "tester"  # CLAIMTRACK_USER in the fixture


def test_source_add(loaded: Cli) -> None:
    cid = str(_claim_of_kind(loaded, "duration")["id"])
    ok = loaded("source", "add", cid, "https://example.org/readout", "--title", "Readout")
    assert ok.code == 0, ok.err
    sources = _json(loaded, "source", "list", cid)
    assert [(s["url"], s["title"]) for s in sources] == [("https://example.org/readout", "Readout")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("mark", "999999", "verified"), "claim 999999: no such claim"),
        (("mark", "1", "probably"), "status 'probably'"),
        (("note", "999999", "x"), "claim 999999: no such claim"),
        (("history", "999999"), "claim 999999: no such claim"),
        (("doc", "999999"), "document 999999: no such document"),
        (("claims", "--status", "maybe"), "status 'maybe'"),
        (("claims", "--kind", "rumour"), "kind 'rumour'"),
        (("source", "add", "1", "javascript:alert(1)"), "not an http(s) URL"),
        (("source", "add", "1", "notaurl"), "not an http(s) URL"),
        (("conflict", "999999", "dismissed"), "conflict 999999: no such conflict"),
        (("conflict", "1", "ignored"), "state 'ignored'"),
        (("export", "--format", "pdf"), "pdf"),
        (("export", "--status", "great"), "great"),
        (("ingest", "x", "--published", "yesterday"), "YYYY-MM-DD"),
        (("mark", "one", "verified"), "CLAIM_ID"),
        (("frobnicate",), "frobnicate"),
    ],
)
def test_bad_arguments_give_one_line_and_nonzero_exit(
    loaded: Cli, args: tuple[str, ...], message: str
) -> None:
    result = loaded(*args)
    assert result.code != 0
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert message in lines[0]
    assert "Traceback" not in result.err


def test_directory_with_a_binary_file(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.txt").write_text("The fund holds $20 billion, officials said on Monday.\n")
    (folder / "b.md").write_text("---\ntitle: B\n---\n\nSome 4,000 troops arrived.\n")
    (folder / "photo.txt").write_bytes(bytes(range(256)) * 40)
    result = cli("ingest", str(folder))
    assert result.code != 0
    assert result.out.count("ingested") == 2
    err_lines = result.err.strip().splitlines()
    assert len(err_lines) == 1 and "photo.txt" in err_lines[0] and "binary" in err_lines[0]
    assert len(_json(cli, "docs")) == 2


def test_missing_and_empty_files_are_refused(cli: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    good = tmp_path / "good.txt"
    good.write_text("Officials counted 3,000 people.\n")
    result = cli("ingest", str(tmp_path / "gone.txt"), str(empty), str(good))
    assert result.code != 0
    assert "gone.txt: no such file" in result.err
    assert "empty.txt: empty file" in result.err
    assert result.out.count("ingested") == 1


def test_stdin_and_metadata_options(cli: Cli) -> None:
    result = cli(
        "ingest",
        "-",
        "--published",
        "2024-10-18",
        "--source",
        "Wire",
        "--title",
        "From stdin",
        "--url",
        "https://example.org/a",
        input="Zelensky said on Thursday that 10,000 soldiers were training.\n",
    )
    assert result.code == 0, result.err
    (doc,) = _json(cli, "docs")
    assert (doc["title"], doc["source"], doc["published"], doc["url"]) == (
        "From stdin",
        "Wire",
        "2024-10-18",
        "https://example.org/a",
    )


def test_check_json_and_conflict_decision(cli: Cli) -> None:
    loaded = cli
    assert cli("ingest", str(ARTICLES)).code == 0
    conflicts = _json(loaded, "check")
    assert conflicts and all(set(c) >= CHECK_KEYS for c in conflicts)
    first = conflicts[0]
    assert len(first["claim_ids"]) >= 2 and first["state"] == "open"
    ok = loaded("conflict", str(first["id"]), "dismissed", "--note", "different units")
    assert ok.code == 0, ok.err
    again = {c["id"]: c for c in _json(loaded, "check")}
    assert len(again) == len(conflicts)
    assert again[first["id"]]["state"] == "dismissed"


def test_export_default_is_verified_markdown(loaded: Cli, tmp_path: Path) -> None:
    claim = _claim_of_kind(loaded, "money")
    assert loaded("mark", str(claim["id"]), "verified").code == 0
    target = tmp_path / "report.md"
    result = loaded("export", "-o", str(target))
    assert result.code == 0, result.err
    report = target.read_text()
    assert claim["span"].replace("$", "") in report.replace("\\", "")
    exported = json.loads(loaded("export", "--format", "json").out)
    assert claim["id"] in [c["id"] for c in exported["claims"]]
    assert all(c["status"] == "verified" for c in exported["claims"])


def test_version_and_help(cli: Cli) -> None:
    version = cli("--version")
    assert version.code == 0 and version.out.startswith("claimtrack ")
    for command in ("ingest", "claims", "mark", "export", "check", "db"):
        helped = cli(command, "--help")
        assert helped.code == 0 and "Usage" in helped.out, command


def test_db_commands(cli: Cli, tmp_path: Path) -> None:
    from claimtrack.migrations import HEAD_REVISION

    assert HEAD_REVISION in cli("db", "upgrade").out
    assert f"{HEAD_REVISION} (head)" in cli("db", "current").out
