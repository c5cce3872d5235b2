"""TUI at newsroom scale: 100,000 claims from 4,000 documents.

Builds the database (schema by claimtrack.db, rows bulk-inserted with sqlite3), then drives the
real app headless (App.run_test) and prints:

- time from start to the first claim rows painted;
- per-keystroke latency for scrolling (down, page down, end, home), filtering (status, kind,
  document), sorting and type-to-search, each measured from the key press to the table
  showing the new rows;
- the peer, measured in the same run: a Textual DataTable filled with DataTable.add_rows on
  the same rows (at --peer-rows, default 100,000) until its first rows are painted.

Usage: python bench/tui_scale.py [--claims 100000] [--docs 4000] [--db PATH] [--peer-rows N]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

KINDS = ("count", "money", "percent", "quantity", "duration", "date", "quote")
STATUSES = ("unverified",) * 6 + ("in_progress", "verified", "false", "misleading", "unsupported")
SUBJECTS = (
    "North Korean soldiers",
    "US arms package",
    "reconstruction fund",
    "solar farm output",
    "gas pipeline",
    "refugee arrivals",
    "defence budget",
    "grain exports",
    "wind turbines",
    "hospital beds",
)
UNITS = {
    "count": "people",
    "money": "USD",
    "percent": "%",
    "quantity": "km",
    "duration": "month",
    "date": None,
    "quote": None,
}
SPEAKERS = ("Olena Kovalenko", "Mark Rutte", "Ursula von der Leyen", "Jens Holm", "Ana Ruiz")


def _sentence(rng: random.Random, kind: str, subject: str) -> tuple[str, str, float | None]:
    n = rng.randint(2, 900)
    if kind == "count":
        span = f"{n:,} {subject.lower()}"
        return f"Officials said {span} were involved this week.", span, float(n)
    if kind == "money":
        span = f"${n} million"
        return f"The {subject.lower()} is worth {span}, the ministry said.", span, n * 1e6
    if kind == "percent":
        span = f"{n % 100} percent"
        return f"Support for the {subject.lower()} rose to {span} in March.", span, float(n % 100)
    if kind == "quantity":
        span = f"{n} km"
        return f"The {subject.lower()} stretches {span} across the border.", span, float(n)
    if kind == "duration":
        span = f"{n % 36 + 1} months"
        return f"Work on the {subject.lower()} will take {span}.", span, float(n % 36 + 1)
    if kind == "date":
        span = f"{rng.randint(1, 28)} March 2025"
        return f"The {subject.lower()} was agreed on {span}.", span, None
    span = f'"We will deliver the {subject.lower()} on time"'
    return f"{span}, {rng.choice(SPEAKERS)} said.", span, None


def build_database(path: Path, claims: int, docs: int, seed: int = 7) -> None:
    """Schema through claimtrack (Alembic head), rows through sqlite3 executemany."""
    from claimtrack.db import get_engine

    get_engine(str(path)).dispose()
    rng = random.Random(seed)
    per_doc = max(1, claims // docs)
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    doc_rows, claim_rows = [], []
    claim_id = 0
    for d in range(1, docs + 1):
        parts: list[str] = []
        offset = 0
        for _ in range(per_doc if d < docs else claims - per_doc * (docs - 1)):
            kind = rng.choice(KINDS)
            subject = rng.choice(SUBJECTS)
            sentence, span, value = _sentence(rng, kind, subject)
            start = offset + sentence.index(span)
            claim_id += 1
            claim_rows.append(
                (
                    claim_id,
                    d,
                    kind,
                    sentence,
                    span,
                    start,
                    start + len(span),
                    value,
                    UNITS[kind],
                    "exact",
                    subject if kind != "quote" else None,
                    subject.lower(),
                    rng.choice(SPEAKERS) if kind == "quote" else None,
                    rng.choice(STATUSES),
                )
            )
            parts.append(sentence)
            offset += len(sentence) + 1
        text = " ".join(parts)
        doc_rows.append(
            (d, f"Wire report {d}", "Bench Wire", f"{d:064x}", text, "2025-03-01 00:00:00")
        )
    with con:
        con.executemany(
            "INSERT INTO document (id, title, source, sha256, text, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            doc_rows,
        )
        con.executemany(
            'INSERT INTO claim (id, document_id, kind, text, span, start, "end", value, unit,'
            " qualifier, subject, subject_key, speaker, status) VALUES"
            " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            claim_rows,
        )
        _links_and_conflicts(con, rng, claim_id)
    con.execute("ANALYZE")
    con.close()


def _links_and_conflicts(con: sqlite3.Connection, rng: random.Random, n: int) -> None:
    pairs = {(a, b) for a, b in ((rng.randint(1, n), rng.randint(1, n)) for _ in range(3000))}
    pairs = {(a, b) for a, b in pairs if a != b}
    con.executemany(
        "INSERT OR IGNORE INTO claim_link (claim_a, claim_b, relation) VALUES (?, ?, ?)",
        [(a, b, rng.choice(("agrees", "conflicts"))) for a, b in pairs],
    )
    conflicts = list(pairs)[:500]
    now = "2025-03-02 00:00:00"
    con.executemany(
        "INSERT INTO conflict (id, key, kind, explanation, state, created_at, updated_at)"
        " VALUES (?, ?, 'value', ?, 'open', ?, ?)",
        [
            (i, f"bench-{i}", f"values differ ({a} vs {b})", now, now)
            for i, (a, b) in enumerate(conflicts, 1)
        ],
    )
    con.executemany(
        "INSERT OR IGNORE INTO conflict_claim (conflict_id, claim_id) VALUES (?, ?)",
        [(i, c) for i, pair in enumerate(conflicts, 1) for c in pair],
    )


# Driving the app ------------------------------------------------------------------------


async def _until_settled(pilot, table) -> None:  # type: ignore[no-untyped-def]
    while not table.is_settled():
        await pilot.pause(0.001)
    await pilot.pause()  # one more turn of the loop: the refreshed lines are painted


def _painted(app, table) -> bool:  # type: ignore[no-untyped-def]
    """The table has its rows and the screen has no repaint or layout still to do."""
    screen = app.screen
    return table.is_settled() and not (
        table._repaint_required
        or screen._dirty_widgets
        or screen._repaint_required
        or screen._layout_required
        or screen._scroll_required
    )


KEY_CHARS = {"slash": "/", "backspace": None, "enter": None}


async def _status_key(pilot, table, key: str, status: str) -> float:  # type: ignore[no-untyped-def]
    """A status key: written to the database, then shown in the row (no reload)."""
    from textual import events

    app = pilot.app
    start = time.perf_counter()
    app.post_message(events.Key(key, key))
    await pilot._wait_for_screen()
    while not (table.current_row and table.current_row.status == status and _painted(app, table)):
        await asyncio.sleep(0.0005)
    return time.perf_counter() - start


async def _keystroke(pilot, table, key: str) -> float:  # type: ignore[no-untyped-def]
    """Post the key as the terminal driver would; time until its rows are on screen.

    (Pilot.press also waits for the whole process to go idle, worker threads included, with
    a sleep granularity of its own; that measures Pilot, not the app.)"""
    from textual import events

    app = pilot.app
    char = KEY_CHARS.get(key, key if len(key) == 1 else None)
    start = time.perf_counter()
    app.post_message(events.Key(key, char))
    await pilot._wait_for_screen()  # the key went through app -> screen -> focused widget
    while not _painted(app, table):
        await asyncio.sleep(0.0005)
    return time.perf_counter() - start


async def _keystrokes(db: str, results: dict[str, list[float]]) -> None:
    from claimtrack.tui.app import create_app
    from claimtrack.tui.widgets.claims_table import ClaimsTable

    app = create_app(db, "bench")
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one(ClaimsTable)
        await _until_settled(pilot, table)

        async def timed(label: str, *keys: str) -> None:
            for key in keys:
                results.setdefault(label, []).append(await _keystroke(pilot, table, key))

        await timed("scroll: down", *["down"] * 30)
        for key, status in [("v", "verified"), ("f", "false"), ("r", "unverified")] * 3:
            results.setdefault("status key: written + shown", []).append(
                await _status_key(pilot, table, key, status)
            )
        await timed("scroll: page down", *["pagedown"] * 20)
        await timed("scroll: end / home", "end", "home", "end", "home")
        await timed("scroll: page up from the end", "end", *["pageup"] * 10)
        await timed("filter: status (S)", *["S"] * 7)
        await timed("filter: kind (K)", *["K"] * 8)
        await timed("filter: this document (D) / clear (x)", "D", "x", "D", "x")
        await timed("sort: next column (o)", *["o"] * 8)
        await timed("sort: reverse (O)", "O", "O")
        await pilot.press("slash")
        await timed("search: typing", *"kovalenko")
        await timed("search: deleting", *["backspace"] * 9)
        await timed("search: typing", *"pipeline")
        await pilot.press("enter")


def _first_paint_child(db: str, spawned: float) -> None:
    """Run in a fresh interpreter: the parent times spawn -> the line printed here."""

    async def run() -> None:
        from claimtrack.tui.app import create_app
        from claimtrack.tui.widgets.claims_table import ClaimsTable

        imported = time.time() - spawned
        app = create_app(db, "bench")
        async with app.run_test(size=(120, 40)) as pilot:
            table = app.screen.query_one(ClaimsTable)
            await _until_settled(pilot, table)
            painted = time.time() - spawned
            print(
                f"imports done at {imported * 1000:.0f} ms, rows painted at"
                f" {painted * 1000:.0f} ms; {table.cached_rows} rows in hand",
                flush=True,
            )

    asyncio.run(run())


def _first_paint(db: str) -> tuple[float, str]:
    import subprocess
    import sys

    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--db", db, "--first-paint-child", str(time.time())],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait()
    return elapsed, line.strip()


def _first_paint_tmux(db: str) -> float | None:
    """The installed `claimtrack` in a tmux window: spawn -> first claim row on the screen."""
    import shutil
    import subprocess
    import sys

    exe = Path(sys.executable).with_name("claimtrack")
    if shutil.which("tmux") is None or not exe.exists():
        return None
    from claimtrack.db import get_engine, session_scope
    from claimtrack.store.browse import BrowseQuery, fetch_page

    with session_scope(get_engine(db)) as session:
        first = fetch_page(session, BrowseQuery(), limit=1)[0]
    socket = f"claimtrack-bench-{time.time_ns()}"
    tmux = ["tmux", "-L", socket]
    start = time.perf_counter()
    subprocess.run(
        [*tmux, "new-session", "-d", "-s", "b", "-x", "120", "-y", "40", f"{exe} --db {db}"],
        check=True,
    )
    try:
        while time.perf_counter() - start < 30:
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p", "-t", "b"], capture_output=True, text=True
            ).stdout
            if first.span[:20] in screen and first.status.replace("_", " ") in screen:
                return time.perf_counter() - start
            time.sleep(0.005)
        return None
    finally:
        subprocess.run([*tmux, "kill-server"], check=False)


async def _peer(db: str, rows: int) -> dict[str, float]:
    """Textual's DataTable, filled with add_rows from the same database rows."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    from claimtrack.db import get_engine, session_scope
    from claimtrack.store.browse import BrowseQuery, fetch_page

    out: dict[str, float] = {}
    start = time.perf_counter()
    data = []
    with session_scope(get_engine(db)) as session:  # the same pages the app reads, all of them
        page = fetch_page(session, BrowseQuery(), limit=1000)
        while page and len(data) < rows:
            data += page
            page = fetch_page(session, BrowseQuery(), limit=1000, after=page[-1].key)
    data = data[:rows]
    table_rows = [
        (r.kind, r.span, r.value, r.subject or r.speaker or "", r.document, r.status) for r in data
    ]
    out["read rows"] = time.perf_counter() - start

    class Peer(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable()

    app = Peer()
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.query_one(DataTable)
        table.add_columns("kind", "claim", "value", "subject", "document", "status")
        table.add_rows(table_rows)
        await pilot.pause()
        out["first paint (read + add_rows + paint)"] = time.perf_counter() - start
        table.focus()
        for label, key in (("end", "end"), ("page up", "pageup")):
            t = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            out[label] = time.perf_counter() - t
        t = time.perf_counter()
        table.sort(table.ordered_columns[5].key)
        await pilot.pause()
        out["sort by one column"] = time.perf_counter() - t
        t = time.perf_counter()
        table.clear()
        table.add_rows([r for r in table_rows if r[5] == "false"])
        await pilot.pause()
        out["filter (clear + add_rows of the subset)"] = time.perf_counter() - t
    return out


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--docs", type=int, default=4_000)
    parser.add_argument("--db", help="database file (built if missing)")
    parser.add_argument("--peer-rows", type=int, default=100_000)
    parser.add_argument("--first-paint-child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.first_paint_child:
        return _first_paint_child(args.db, args.first_paint_child)

    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "tui_scale.db"
    if not path.exists():
        start = time.perf_counter()
        build_database(path, args.claims, args.docs)
        print(
            f"built {path}: {args.claims:,} claims, {args.docs:,} documents "
            f"in {time.perf_counter() - start:.1f} s"
        )

    paints = [_first_paint(str(path)) for _ in range(3)]
    print("\nclaimtrack (Line-API table over SQL pages)")
    in_tmux = [_first_paint_tmux(str(path)) for _ in range(3)]
    if all(t is not None for t in in_tmux):
        shown = ", ".join(_ms(t).strip() for t in in_tmux if t is not None)
        print(f"  `claimtrack --db` in tmux 120x40, spawn -> first row on screen: {shown}")
    print("  start -> first rows painted (new process, imports included):")
    for seconds, line in paints:
        print(f"    {_ms(seconds)}   ({line})")

    results: dict[str, list[float]] = {}
    asyncio.run(_keystrokes(str(path), results))
    print(f"  {'per keystroke, press -> rows painted':44s} {'median':>11s} {'max':>11s}  n")
    for label, times in results.items():
        print(f"  {label:44s} {_ms(statistics.median(times))} {_ms(max(times))}  {len(times)}")

    print(f"\npeer: textual DataTable.add_rows with the same {args.peer_rows:,} rows")
    for label, seconds in asyncio.run(_peer(str(path), args.peer_rows)).items():
        print(f"  {label:44s} {_ms(seconds)}")


if __name__ == "__main__":
    main()
