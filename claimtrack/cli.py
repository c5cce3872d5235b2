"""The command line: parses arguments, calls the services, prints. No SQL, no extraction here."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

# typer carries its own copy of click; its exceptions are the ones a command line raises
from typer._click import exceptions as click_exc

from claimtrack import __version__
from claimtrack.display import grouped_number, unit_label

if TYPE_CHECKING:
    from claimtrack.db import Engine

app = typer.Typer(
    name="claimtrack",
    help="A terminal desk for fact-checkers: ingest articles, check their claims, report.",
    no_args_is_help=False,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
source_app = typer.Typer(help="Sources attached to claims.", no_args_is_help=True)
db_app = typer.Typer(help="The database: schema and backups.", no_args_is_help=True)
app.add_typer(source_app, name="source")
app.add_typer(db_app, name="db")

out = Console(markup=False, highlight=False, emoji=False, soft_wrap=False)
err = Console(stderr=True, markup=False, highlight=False, emoji=False)


class Failure(Exception):
    """Ends the command with one line on stderr and a non-zero exit."""


# --- shared plumbing ---


class State:
    db: str | None = None
    # Set by a command once all its work is stored and its output written: the process then
    # leaves without the interpreter's teardown (see _quick_exit).
    quick_exit = False


def _fail(message: str, code: int = 1) -> NoReturn:
    err.print(Text(f"claimtrack: {_printable(message)}"), soft_wrap=True)
    raise typer.Exit(code)


def _printable(text: str | None) -> str:
    """Text from articles or people, made safe for a terminal (no escapes, no controls)."""
    if not text:
        return ""
    return "".join(ch if ch.isprintable() or ch in "\n\t" else "\ufffd" for ch in text)


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        # Imported only when something went wrong: the database layer is the slowest import
        # of all, and ingest starts its workers before it needs it.
        from claimtrack.db import DatabaseError, error_line
        from claimtrack.store import InvalidInput, NotFound

        if isinstance(exc, (NotFound, InvalidInput, DatabaseError, Failure)):
            _fail(str(exc))
        line = error_line(exc)
        if line is None:
            raise
        _fail(line)


def _engine() -> Engine:
    from claimtrack.db import get_engine

    return get_engine(State.db)


@contextmanager
def _session() -> Iterator[Any]:
    from claimtrack.db import session_scope

    with _errors(), session_scope(_engine()) as session:
        yield session


def _write(fn: Callable[[Any], Any]) -> Any:
    """A unit of work that writes: retried as a whole if the database stays locked."""
    from claimtrack.db import retry_locked, session_scope

    engine = _engine()

    def unit() -> Any:
        with session_scope(engine) as session:
            return fn(session)

    with _errors():
        return retry_locked(unit)


def _user(by: str | None) -> str:
    name = by or os.environ.get("CLAIMTRACK_USER")
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "unknown"
    return name


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _cell(value: Any, limit: int | None = None) -> Text:
    text = "" if value is None else _printable(str(value)).replace("\n", " ")
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return Text(text)


def _format_value(value: float | None, value_max: float | None, unit: str | None) -> str:
    if value is None:
        return ""
    shown = grouped_number(value)
    if value_max is not None:
        shown = f"{shown}–{grouped_number(value_max)}"
    label = unit_label(unit, value, value_max)
    return f"{shown} {label}" if label else shown


# --- the root: --db, --version, and the TUI when no command is given ---


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"claimtrack {__version__}\n")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="CLAIMTRACK_DB",
            help="Database: a SQLite file path or a SQLAlchemy URL (postgresql+psycopg://…).",
            show_envvar=True,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    State.db = db
    if ctx.invoked_subcommand is None:
        _open_tui(None)


def _open_tui(by: str | None) -> None:
    with _errors():
        _engine()  # a bad --db fails here with one line, before the screen is taken over
        from claimtrack.tui.app import create_app

        create_app(State.db, _user(by)).run()


@app.command()
def tui(by: Annotated[str | None, typer.Option(help="Your name for history.")] = None) -> None:
    """Open the fact-checker's desk (the default when no command is given)."""
    _open_tui(by)


@app.command()
def demo(
    no_tui: Annotated[
        bool, typer.Option("--no-tui", help="Prepare the demo database without opening it.")
    ] = False,
) -> None:
    """Ingest the bundled sample articles into a fresh demo database, check them, open the desk."""
    from claimtrack.demo import demo_articles, fresh_demo_db

    if State.db is None:
        State.db = str(fresh_demo_db())
    with _errors():
        from claimtrack.ingest import ingest

        results = ingest(_engine(), [str(demo_articles())])
    failed = [r for r in results if r.outcome == "refused"]
    for r in failed:
        err.print(Text(f"claimtrack: {_printable(r.name)}: {r.reason}"))
    _run_check()
    err.print(Text(f"demo database {State.db}: {len(results) - len(failed)} articles", style="dim"))
    if not no_tui:
        _open_tui(None)


# --- ingest ---


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from None


@app.command("ingest")
def ingest_command(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .md, .html), folders (recursively), http(s) URLs, or - for stdin."
        ),
    ],
    published: Annotated[
        str | None, typer.Option(help="Published date YYYY-MM-DD for every document given.")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Outlet name, e.g. Reuters.")] = None,
    url: Annotated[str | None, typer.Option(help="The article's URL.")] = None,
    title: Annotated[str | None, typer.Option(help="The article's title.")] = None,
) -> None:
    """Ingest articles: one line per document; refusals on stderr; exit 1 if any was refused."""
    from claimtrack.ingest import IngestResult, Overrides, ingest

    overrides = Overrides(_parse_date(published), source, url, title)
    progress = _Progress() if err.is_terminal else None
    refused = 0

    def report(r: IngestResult) -> None:
        nonlocal refused
        if progress:
            progress.clear()
        if r.outcome == "refused":
            refused += 1
            _line(sys.stderr, f"claimtrack: {_one_line(r.name)}: {_one_line(r.reason)}")
        elif r.outcome == "duplicate":
            _line(sys.stdout, f"unchanged  #{r.document_id}  {_one_line(r.name)}  (already stored)")
        else:
            when = r.published.isoformat() if r.published else "date unknown"
            name = _one_line(r.name)
            _line(sys.stdout, f"ingested   #{r.document_id}  {name}  {r.claims} claims, {when}")
        if progress:
            progress.step(r.name)

    _plain_output()
    with _errors():
        # The engine is opened by ingest itself, so that a large batch's workers start
        # reading while this process imports the database layer and creates the schema.
        ingest(_engine, sources, overrides, on_result=report)
    if progress:
        progress.clear()
    State.quick_exit = True
    if refused:
        raise typer.Exit(1)


def _one_line(text: str | None) -> str:
    """Text from a file name, an article or a database error, safe on one terminal line:
    every control character (newlines and escapes too) and every unpaired surrogate from an
    undecodable file name shown as U+FFFD."""
    if not text:
        return ""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else "\ufffd" for ch in text)


def _line(stream: Any, line: str) -> None:
    # Plain writes: through Rich, one line per document was a measurable share of a large
    # ingest's time in this process (bench/extract_speed.py).
    stream.write(line + "\n")


def _plain_output() -> None:
    """What cannot be encoded in the terminal's encoding is replaced, never an error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


class _Progress:
    """A one-line counter on a terminal's stderr while a long batch runs."""

    def __init__(self) -> None:
        self.done = 0

    def step(self, name: str) -> None:
        self.done += 1
        short = _printable(name)[-60:]
        sys.stderr.write(f"\r\x1b[2K… {self.done} done: {short}")
        sys.stderr.flush()

    def clear(self) -> None:
        sys.stderr.write("\r\x1b[2K")
        sys.stderr.flush()


# --- documents and claims ---


@app.command()
def docs(as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False) -> None:
    """List documents."""
    from claimtrack.shapes import document_json
    from claimtrack.store import list_documents

    with _session() as session:
        rows = list_documents(session)
    if as_json:
        _print_json([document_json(r.document, r.claims) for r in rows])
        return
    table = Table("id", "title", "source", "published", "claims", box=None, header_style="bold")
    for r in rows:
        d = r.document
        table.add_row(
            _cell(d.id),
            _cell(d.title, 60),
            _cell(d.source, 24),
            _cell(d.published),
            _cell(r.claims),
        )
    out.print(table)


@app.command()
def doc(
    document_id: Annotated[int, typer.Argument(metavar="DOC_ID")],
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """One document: its metadata, stored text and claims."""
    from claimtrack.shapes import claims_json, document_json
    from claimtrack.store import ClaimFilter, get_document, list_claims, list_documents

    with _session() as session:
        document = get_document(session, document_id)
        count = list_documents(session, [document_id])[0].claims
        claims = list_claims(session, ClaimFilter(document_id=document_id))
        claims_data = claims_json(session, claims)
    if as_json:
        data = document_json(document, count) | {"text": document.text, "claims_list": claims_data}
        _print_json(data)
        return
    out.print(Text(_printable(document.title or f"document {document_id}"), style="bold"))
    meta = [document.source, document.published and document.published.isoformat(), document.url]
    out.print(Text(" · ".join(_printable(str(m)) for m in meta if m), style="dim"))
    out.print()
    out.print(Text(_printable(document.text)))
    out.print()
    _claims_table(claims_data)


def _claims_table(rows: list[dict[str, Any]]) -> None:
    table = Table(
        "id",
        "doc",
        "kind",
        "claim",
        "value",
        "subject / speaker",
        "status",
        box=None,
        header_style="bold",
    )
    for c in rows:
        table.add_row(
            _cell(c["id"]),
            _cell(c["document_id"]),
            _cell(c["kind"]),
            _cell(c["span"], 50),
            _cell(
                c["date"]
                if c["kind"] == "date"
                else _format_value(c["value"], c["value_max"], c["unit"])
            ),
            _cell(c["speaker"] or c["subject"], 30),
            _cell(c["status"]),
        )
    out.print(table)


@app.command()
def claims(
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
    doc: Annotated[int | None, typer.Option("--doc", help="Only this document's claims.")] = None,
    status: Annotated[str | None, typer.Option(help="Only claims with this status.")] = None,
    kind: Annotated[str | None, typer.Option(help="Only claims of this kind.")] = None,
    search: Annotated[
        str | None, typer.Option(help="Text to find in the sentence, claim, subject or speaker.")
    ] = None,
) -> None:
    """List claims."""
    from claimtrack.shapes import claims_json
    from claimtrack.store import ClaimFilter, get_document, list_claims

    with _session() as session:
        if doc is not None:
            get_document(session, doc)
        rows = claims_json(session, list_claims(session, ClaimFilter(doc, status, kind, search)))
    if as_json:
        _print_json(rows)
    else:
        _claims_table(rows)


# --- verdicts, notes, sources, history ---

By = Annotated[str | None, typer.Option(help="Your name for history (else $CLAIMTRACK_USER).")]


@app.command()
def mark(
    claim_id: Annotated[int, typer.Argument(metavar="CLAIM_ID")],
    status: Annotated[
        str,
        typer.Argument(
            metavar="STATUS",
            help="unverified | in_progress | verified | false | misleading | unsupported",
        ),
    ],
    note: Annotated[str | None, typer.Option(help="Why, recorded in the history.")] = None,
    by: By = None,
) -> None:
    """Set a claim's status; the change is recorded in its history."""
    from claimtrack.store import set_status

    user = _user(by)
    change = _write(lambda s: set_status(s, claim_id, status, by=user, note=note))
    out.print(
        Text(
            f"claim {claim_id}: {change.old_status} -> {change.new_status} (by {_printable(user)})"
        )
    )


@app.command()
def note(
    claim_id: Annotated[int, typer.Argument(metavar="CLAIM_ID")],
    text: Annotated[str, typer.Argument(metavar="TEXT")],
    by: By = None,
) -> None:
    """Add a note to a claim's history without changing its status."""
    from claimtrack.store import add_note

    user = _user(by)
    _write(lambda s: add_note(s, claim_id, text, by=user))
    out.print(Text(f"claim {claim_id}: note added (by {_printable(user)})"))


@source_app.command("add")
def source_add(
    claim_id: Annotated[int, typer.Argument(metavar="CLAIM_ID")],
    url: Annotated[str, typer.Argument(metavar="URL")],
    title: Annotated[str | None, typer.Option(help="The source's title.")] = None,
    note: Annotated[str | None, typer.Option(help="What it shows.")] = None,
    by: By = None,
) -> None:
    """Attach a source (an http(s) URL) to a claim."""
    from claimtrack.store import add_source

    user = _user(by)
    src = _write(lambda s: add_source(s, claim_id, url, title=title, note=note, by=user))
    out.print(Text(f"claim {claim_id}: source {src.id} added: {_printable(src.url)}"))


@source_app.command("list")
def source_list(
    claim_id: Annotated[int, typer.Argument(metavar="CLAIM_ID")],
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """A claim's sources."""
    from claimtrack.store import get_claim, list_sources

    with _session() as session:
        get_claim(session, claim_id)
        sources = list_sources(session, [claim_id])[claim_id]
    rows = [
        {
            "id": s.id,
            "claim_id": s.claim_id,
            "url": s.url,
            "title": s.title,
            "note": s.note,
            "by": s.added_by,
        }
        for s in sources
    ]
    if as_json:
        _print_json(rows)
        return
    table = Table("id", "url", "title", "note", box=None, header_style="bold")
    for r in rows:
        table.add_row(_cell(r["id"]), _cell(r["url"]), _cell(r["title"], 40), _cell(r["note"], 40))
    out.print(table)


@app.command()
def history(
    claim_id: Annotated[int | None, typer.Argument(metavar="[CLAIM_ID]")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """Status changes and notes, oldest first."""
    from claimtrack.shapes import history_json
    from claimtrack.store import history as load_history

    with _session() as session:
        rows = [history_json(h) for h in load_history(session, claim_id)]
    if as_json:
        _print_json(rows)
        return
    table = Table("at", "claim", "by", "change", "note", box=None, header_style="bold")
    for h in rows:
        change = (
            "note"
            if h["old_status"] == h["new_status"]
            else f"{h['old_status']} -> {h['new_status']}"
        )
        table.add_row(
            _cell(h["at"]),
            _cell(h["claim_id"]),
            _cell(h["by"]),
            _cell(change),
            _cell(h["note"], 60),
        )
    out.print(table)


# --- the cross-document checker ---


def _run_check() -> list[dict[str, Any]]:
    from claimtrack.check import run_check
    from claimtrack.shapes import conflicts_json
    from claimtrack.store import list_conflicts

    def unit(session: Any) -> list[dict[str, Any]]:
        run_check(session)
        return conflicts_json(session, list_conflicts(session))

    result: list[dict[str, Any]] = _write(unit)
    return result


@app.command()
def check(as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False) -> None:
    """Run the cross-document checker and list the conflicts it holds."""
    rows = _run_check()
    if as_json:
        _print_json(rows)
        return
    table = Table("id", "kind", "state", "claims", "explanation", box=None, header_style="bold")
    for c in rows:
        table.add_row(
            _cell(c["id"]),
            _cell(c["kind"]),
            _cell(c["state"]),
            _cell(", ".join(str(i) for i in c["claim_ids"])),
            _cell(c["explanation"]),
        )
    out.print(table)
    open_count = sum(1 for c in rows if c["state"] == "open")
    err.print(Text(f"{len(rows)} conflicts, {open_count} open", style="dim"))


@app.command()
def conflict(
    conflict_id: Annotated[int, typer.Argument(metavar="CONFLICT_ID")],
    state: Annotated[str, typer.Argument(metavar="open|dismissed|confirmed")],
    note: Annotated[str | None, typer.Option(help="Why.")] = None,
    by: By = None,
) -> None:
    """Record a checker's decision on a conflict."""
    from claimtrack.store import set_conflict_state

    user = _user(by)
    c = _write(lambda s: set_conflict_state(s, conflict_id, state, by=user, note=note))
    out.print(Text(f"conflict {conflict_id}: {c.state} (by {_printable(user)})"))


# --- reports ---


@app.command()
def export(
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to FILE (default: stdout).")
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status", help="Statuses to include (repeat for several). Default: verified."
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="markdown | claimreview | json | csv")
    ] = "markdown",
    org: Annotated[
        str | None,
        typer.Option(envvar="CLAIMTRACK_ORG", help="Publishing organisation (ClaimReview author)."),
    ] = None,
) -> None:
    """Write the report of checked claims."""
    from claimtrack.report import write_report

    statuses = status or ["verified"]
    with _session() as session:
        if output is None:
            write_report(session, sys.stdout, fmt=fmt, statuses=statuses, org=org)
            return
        with _atomic_output(output) as fh:
            count = write_report(session, fh, fmt=fmt, statuses=statuses, org=org)
    err.print(Text(f"{count} claims written to {output}", style="dim"))


@contextmanager
def _atomic_output(path: Path) -> Iterator[Any]:
    """Write beside the target and rename into place: a failed export leaves no half file."""
    folder = path.expanduser().resolve().parent
    if not folder.is_dir():
        raise Failure(f"{path}: no such directory {folder}")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- the database by hand ---


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Bring the schema to the newest revision (done automatically on first use too)."""
    from claimtrack.db import current_revision, describe, resolve_url

    with _errors():
        revision = current_revision(_engine())
    out.print(Text(f"{describe(resolve_url(State.db))}: at revision {revision} (head)"))


@db_app.command("current")
def db_current() -> None:
    """Show the schema revision of the database."""
    from claimtrack.db import current_revision, describe, make_engine, resolve_url
    from claimtrack.migrations import HEAD_REVISION

    with _errors():
        url = resolve_url(State.db)
        engine = make_engine(url)
        revision = current_revision(engine)
    marker = "(head)" if revision == HEAD_REVISION else f"(head is {HEAD_REVISION})"
    out.print(Text(f"{describe(url)}: {revision or 'empty'} {marker}"))


@db_app.command("backup")
def db_backup(file: Annotated[Path, typer.Argument(metavar="FILE")]) -> None:
    """A consistent copy of a live SQLite database (online backup)."""
    from claimtrack.db import backup

    with _errors():
        backup(_engine(), file)
    out.print(Text(f"backed up to {file}"))


# --- entry point ---


def main() -> None:
    """Run the CLI; a usage error is one line on stderr, never a help box or a traceback."""
    command = typer.main.get_command(app)
    try:
        code = command.main(prog_name="claimtrack", standalone_mode=False)
    except typer.Exit as exc:
        _exit(exc.exit_code)
    except typer.Abort:
        sys.exit(130)
    except click_exc.NoArgsIsHelpError as exc:
        sys.stdout.write(exc.format_message() + "\n")
        sys.exit(0)
    except click_exc.ClickException as exc:
        err.print(Text(f"claimtrack: {_printable(exc.format_message())}"), soft_wrap=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:
        # The last line of defence: one line, not a traceback (CLAIMTRACK_DEBUG=1 shows it).
        if os.environ.get("CLAIMTRACK_DEBUG"):
            raise
        err.print(Text(f"claimtrack: internal error: {type(exc).__name__}: {_printable(str(exc))}"))
        sys.exit(70)
    # Without standalone mode an Exit raised in a command comes back as its return value.
    _exit(code if isinstance(code, int) else 0)


def _exit(code: int) -> NoReturn:
    if State.quick_exit:
        _quick_exit(code)
    sys.exit(code)


def _quick_exit(code: int) -> NoReturn:
    """Leave at once, the output flushed and the database connections closed (SQLite folds its
    write-ahead log into the file on the last close). After a large ingest the interpreter's
    own teardown, collecting and freeing every object one by one, took ~0.4 s of nothing
    useful (bench/extract_speed.py)."""
    for stream in (sys.stdout, sys.stderr):
        # A closed pipe: what it would have read is lost either way.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    if "claimtrack.db" in sys.modules:
        from claimtrack.db import close_engines

        close_engines()
    os._exit(code)
