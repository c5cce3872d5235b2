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
import datetime as dt
import math
import os
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
        published = dt.date(2025, 1, 1) + dt.timedelta(days=d % 365)
        doc_rows.append(
            (
                d,
                f"Wire report {d}",
                "Bench Wire",
                published.isoformat(),
                f"{d:064x}",
                text,
                "2025-03-01 00:00:00",
            )
        )
    with con:
        con.executemany(
            "INSERT INTO document (id, title, source, published, sha256, text, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
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


KEY_CHARS = {"slash": "/", "backspace": None, "enter": None, "escape": None}


class Timings:
    """Wall and process CPU time (all threads: the UI and the database workers) per key."""

    def __init__(self) -> None:
        self.wall: dict[str, list[float]] = {}
        self.cpu: dict[str, list[float]] = {}

    def add(self, label: str, wall: float, cpu: float) -> None:
        self.wall.setdefault(label, []).append(wall)
        self.cpu.setdefault(label, []).append(cpu)


async def _key(pilot, table, key: str, done) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Post the key as the terminal driver would; time until `done()` holds (the key had its
    effect: the cursor moved, the query changed, the status shows...) and the screen has
    nothing left to repaint.

    (Pilot.press also waits for the whole process to go idle, worker threads included, with
    a sleep granularity of its own; that measures Pilot, not the app. Waiting only for the
    screen's queue to drain is not enough either: the key may not have been handled yet.)"""
    from textual import events

    app = pilot.app
    char = KEY_CHARS.get(key, key if len(key) == 1 else None)
    cpu, start = time.process_time(), time.perf_counter()
    app.post_message(events.Key(key, char))
    while not (done() and _painted(app, table)):
        await asyncio.sleep(0.0005)
    return time.perf_counter() - start, time.process_time() - cpu


async def _rested(pilot, table) -> None:  # type: ignore[no-untyped-def]
    """Let the work after a key finish (detail pane, counts): a checker reading the row."""
    await _until_settled(pilot, table)
    await pilot.app.workers.wait_for_complete()
    while getattr(pilot.app.screen, "detail_pending", False):
        await pilot.pause(0.01)
    await pilot.app.workers.wait_for_complete()


async def _keystrokes(db: str, out: Timings) -> None:
    from textual.widgets import Input

    from claimtrack.tui.app import create_app
    from claimtrack.tui.widgets.claims_table import ClaimsTable

    app = create_app(db, "bench")
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one(ClaimsTable)
        search = app.screen.query_one("#search", Input)
        await _until_settled(pilot, table)

        async def moved(label: str, key: str, n: int) -> None:
            for _ in range(n):
                before = table.cursor
                out.add(label, *await _key(pilot, table, key, lambda b=before: table.cursor != b))

        async def requeried(label: str, key: str, n: int = 1) -> None:
            for _ in range(n):
                before = table.browse_query
                changed = lambda b=before: table.browse_query != b  # noqa: E731
                out.add(label, *await _key(pilot, table, key, changed))

        async def typed(label: str, key: str) -> None:
            text = search.value[:-1] if key == "backspace" else search.value + key
            want = text.strip() or None
            shown = lambda: table.browse_query.flt.search == want  # noqa: E731
            out.add(label, *await _key(pilot, table, key, shown))

        async def status(key: str, name: str) -> None:
            row = lambda: table.current_row  # noqa: E731
            start, cpu = time.perf_counter(), time.process_time()
            shown = await _key(pilot, table, key, lambda: (r := row()) and r.status == name)
            out.add("status key: shown", *shown)
            while table._unsaved or any(w.group == "write" for w in app.workers):
                await asyncio.sleep(0.0005)
            out.add(
                "status key: written, counts + history shown",
                time.perf_counter() - start,
                time.process_time() - cpu,
            )

        await moved("scroll: down (key repeat)", "down", 60)
        await _rested(pilot, table)
        for _ in range(10):  # a checker reading each claim: down, its detail, then on
            await moved("scroll: down (detail shown between)", "down", 1)
            await _rested(pilot, table)
        for key, name in [("v", "verified"), ("f", "false"), ("r", "unverified")] * 4:
            await status(key, name)
            await _rested(pilot, table)
        await moved("scroll: page down", "pagedown", 20)
        await moved("scroll: end / home", "end", 1)
        await moved("scroll: end / home", "home", 1)
        await moved("scroll: end / home", "end", 1)
        await moved("scroll: end / home", "home", 1)
        await moved("scroll: end / home", "end", 1)
        await moved("scroll: page up from the end", "pageup", 10)
        await requeried("filter: status (S)", "S", 7)
        await requeried("filter: kind (K)", "K", 8)
        await _rested(pilot, table)
        await _document_picker(pilot, table, out)
        await requeried("sort: next column (o)", "o", 8)
        await requeried("sort: reverse (O)", "O", 2)
        await _rested(pilot, table)
        await _departed(pilot, table, out)
        await pilot.press("slash")
        for key in "kovalenko":
            await typed("search: typing (/ kovalenko)", key)
        for _ in range(9):
            await typed("search: deleting", "backspace")
        await pilot.press("enter")
        await _rested(pilot, table)
        for key in "grain":  # g is bound to nothing: the table starts the search itself
            await typed("search: type-to-search (grain)", key)
        for key in "z":  # "grainz" matches nothing: a full scan
            await typed("search: a prefix matching nothing", key)
        for key in "zz":
            await typed("search: a prefix matching nothing", key)
        for _ in range(3):
            await typed("search: deleting", "backspace")
        await pilot.press("enter")


async def _document_picker(pilot, table, out: Timings) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import Input

    from claimtrack.tui.screens.documents import DocumentPickerScreen

    app = pilot.app

    def listed(text: str):  # type: ignore[no-untyped-def]
        def check() -> bool:
            screen = app.screen
            return isinstance(screen, DocumentPickerScreen) and screen.shown_text == text

        return check

    out.add("document picker: open (D)", *await _key(pilot, table, "D", listed("")))
    for i, key in enumerate("report 12"):
        out.add(
            "document picker: typing", *await _key(pilot, table, key, listed("report 12"[: i + 1]))
        )
    before = table.browse_query
    out.add(
        "document picker: Enter filters",
        *await _key(pilot, table, "enter", lambda: table.browse_query != before),
    )
    await _rested(pilot, table)
    out.add("document picker: open (D)", *await _key(pilot, table, "D", listed("")))
    before = table.browse_query
    out.add(
        "document picker: Enter filters",
        *await _key(pilot, table, "enter", lambda: table.browse_query != before),
    )
    await _rested(pilot, table)
    assert not isinstance(app.screen.query_one("#search", Input), type(None))


async def _departed(pilot, table, out: Timings) -> None:  # type: ignore[no-untyped-def]
    """Status filter on (unverified), mark each claim: it stays marked; `down` takes it out."""
    while table.browse_query.flt.status != "unverified":
        await pilot.press("S")
        await _rested(pilot, table)
    for _ in range(5):
        row = table.current_row
        assert row is not None
        shown = lambda r=row: (c := table.current_row) is not None and c.status == "verified"  # noqa: E731
        out.add("status filter: mark (row stays, marked)", *await _key(pilot, table, "v", shown))
        await _rested(pilot, table)
        gone = lambda r=row: r.id not in table.departed  # noqa: E731
        out.add("status filter: down (marked row leaves)", *await _key(pilot, table, "down", gone))
        await _rested(pilot, table)
    await pilot.press("x")
    await _rested(pilot, table)


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


def _n(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def _p95(times: list[float]) -> float:
    """The nearest-rank 95th percentile: with fewer than 20 keys, the maximum."""
    ordered = sorted(times)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--docs", type=int, default=4_000)
    parser.add_argument("--db", help="database file (built if missing)")
    parser.add_argument("--peer-rows", type=int, default=100_000)
    parser.add_argument("--keys-only", action="store_true", help="only the keystroke timings")
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

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.keys_only:
        return _keys_report(path)
    paints = [_first_paint(str(path)) for _ in range(3)]
    print("\nclaimtrack (Line-API table over SQL pages)")
    in_tmux = [_first_paint_tmux(str(path)) for _ in range(3)]
    if all(t is not None for t in in_tmux):
        shown = ", ".join(_ms(t).strip() for t in in_tmux if t is not None)
        print(f"  `claimtrack --db` in tmux 120x40, spawn -> first row on screen: {shown}")
    print("  start -> first rows painted (new process, imports included):")
    for seconds, line in paints:
        print(f"    {_ms(seconds)}   ({line})")

    _keys_report(path)

    print(f"\npeer: textual DataTable.add_rows with the same {args.peer_rows:,} rows")
    for label, seconds in asyncio.run(_peer(str(path), args.peer_rows)).items():
        print(f"  {label:44s} {_ms(seconds)}")


def _keys_report(path: Path) -> None:
    timings = Timings()
    asyncio.run(_keystrokes(str(path), timings))
    print(
        "  per keystroke, press -> its effect painted (wall ms; CPU ms of the process, all threads)"
    )
    print(f"  {'':46s} {'median':>7s} {'p95':>7s} {'max':>7s} {'cpu med':>8s} {'cpu max':>8s}   n")
    for label, times in timings.wall.items():
        cpu = timings.cpu[label]
        print(
            f"  {label:46s} {_n(statistics.median(times))} {_n(_p95(times))} {_n(max(times))}"
            f"  {_n(statistics.median(cpu))}  {_n(max(cpu))}  {len(times):3d}"
        )
    every = [t for times in timings.wall.values() for t in times]
    over = [t for t in every if t > 0.1]
    p95, worst = _n(_p95(every)).strip(), _n(max(every)).strip()
    print(f"  all {len(every)} keys: p95 {p95} ms, max {worst} ms, {len(over)} over 100 ms")
    load = os.getloadavg()
    print(f"  load average after the run: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
