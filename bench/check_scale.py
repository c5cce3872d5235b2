"""Checker at scale: 100,000 claims from about 4,000 documents, checked from scratch and
incrementally, against the naive all-pairs comparison as the peer (measured on a sample and
extrapolated, because running it in full would take hours).

    .venv/bin/python bench/check_scale.py [--claims 100000] [--docs 4000] [--seed 7]

The corpus is synthetic but shaped like news: stories covered by several outlets each, every
outlet repeating the story's figures (sometimes rounded, spelled differently or wrong), quoting
its speakers (sometimes reworded or misattributed) and adding figures of its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import Session

import claimtrack.check as checker
from claimtrack.check import check_document, check_pending, run_check
from claimtrack.check.candidates import load_all
from claimtrack.check.match import compare
from claimtrack.db import ensure_schema, make_engine


def _words(text: str) -> list[str]:
    return text.split()


NOUNS = _words(
    """fund package loan budget grant deal pipeline plant bridge road school hospital army
brigade drone missile tank shell battery contract tender bond tariff subsidy reserve pension
salary wage tax levy fleet port terminal airport railway line station mine field reactor
turbine park farm dam canal tunnel border camp shelter clinic court prison police guard
"""
)
MODIFIERS = _words(
    """reconstruction defence energy housing health transport military humanitarian
emergency water rail naval air ground border regional national federal municipal export
import solar nuclear coal gas oil grain steel cyber rescue medical
"""
)
COUNTED = _words(
    """soldiers troops refugees people civilians delegates countries members states workers
drones tanks missiles schools hospitals homes villages companies firms students doctors
teachers patients voters officers judges ships aircraft"""
)
PLACES = _words(
    """Kyiv Warsaw Brussels Berlin Paris London Rome Madrid Vienna Prague Budapest Bucharest
Sofia Zagreb Belgrade Athens Ankara Tbilisi Vilnius Riga Tallinn Helsinki Oslo Stockholm
Copenhagen Dublin Lisbon Bern Kharkiv Odesa Lviv Dnipro Kherson Mariupol Gdansk Krakow
Hamburg Munich Milan Naples Porto Seville Lyon Marseille Geneva Zurich Antwerp Rotterdam"""
)
BODIES = _words(
    """EU NATO UN IMF OSCE G7 G20 WHO OECD ECB EIB EBRD Pentagon Kremlin Commission
Parliament Council Bundestag Senate Congress Treasury Ministry"""
)
FIRST = _words(
    """Anna Marek Olena Taras Ilse Ruben John Mark Jens Ursula Viktor Petr Maria Sofia Luca
Pierre Hans Katarzyna Andrzej Dmytro Oksana Yulia Igor Elena Nikos Ahmet Lars Eva"""
)
LAST = _words(
    """Melnyk Verhaegen Brekelmans Healey Rutte Stoltenberg Kos Maric Novak Horvat Kowalski
Nowak Shevchenko Bondarenko Kovalenko Muller Schmidt Rossi Russo Dubois Martin Garcia Lopez
Jansen Peeters Nielsen Hansen Johansson Virtanen Papadopoulos Yilmaz Popescu Ivanova"""
)
FILLER = _words(
    """said on after the government officials announced plan new week talks support
agreed would could opposition deal expected sources press conference statement told
reporters visit summit leaders meeting vote parliament approved rejected signed"""
)
CURRENCIES = ["USD", "EUR", "GBP"]
SYLLABLES = _words(
    """ka lo mer tis van dor bel rin sta pol gra ven mil cor tan bri sel nor dus kel
fra ham zen lut pir gos ber nak vol tre"""
)


def pseudo_words(rng: random.Random, n: int) -> list[str]:
    """A vocabulary as large as a news archive's: place names, firms, programmes, jargon."""
    out: set[str] = set()
    while len(out) < n:
        out.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))))
    return sorted(out)


VOCAB = pseudo_words(random.Random(1), 6000)
NAMES = [w.capitalize() for w in pseudo_words(random.Random(2), 3000)]
SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£"}


@dataclass
class Fact:
    kind: str
    subject: str
    unit: str | None
    value: float
    place: str
    body: str
    speaker: str = ""
    quote: str = ""
    date: str = ""


def make_story(rng: random.Random) -> list[Fact]:
    place = rng.choice(PLACES + NAMES)
    body = rng.choice(BODIES + NAMES)
    facts: list[Fact] = []
    for _ in range(rng.randint(5, 9)):
        roll = rng.random()
        if roll < 0.35:
            cur = rng.choice(CURRENCIES)
            subject = f"{rng.choice(MODIFIERS + VOCAB)} {rng.choice(NOUNS)}"
            value = rng.choice([1, 2, 5, 7, 12, 20, 35, 50, 425, 450]) * rng.choice([1e6, 1e9])
            facts.append(Fact("money", subject, cur, value, place, body))
        elif roll < 0.65:
            noun = rng.choice(COUNTED)
            subject = f"{rng.choice(MODIFIERS + VOCAB)} {noun}"
            facts.append(Fact("count", subject, noun, float(rng.randint(2, 400) * 50), place, body))
        elif roll < 0.75:
            facts.append(
                Fact(
                    "percent",
                    f"{rng.choice(VOCAB)} {rng.choice(NOUNS)} share",
                    "%",
                    float(rng.randint(1, 90)),
                    place,
                    body,
                )
            )
        elif roll < 0.88:
            speaker = f"{rng.choice(FIRST)} {rng.choice(LAST + NAMES)}"
            words = rng.sample(FILLER, 6) + rng.sample(VOCAB, 8)
            rng.shuffle(words)
            facts.append(Fact("quote", "", None, 0.0, place, body, speaker, " ".join(words)))
        else:
            day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 330))
            facts.append(
                Fact(
                    "date",
                    f"{rng.choice(VOCAB)} {rng.choice(NOUNS)} summit",
                    None,
                    0.0,
                    place,
                    body,
                    date=day.isoformat(),
                )
            )
    return facts


def subject_key(subject: str) -> str:
    return " ".join(sorted({w.lower().rstrip("s") for w in subject.split()}))


def render(fact: Fact, rng: random.Random) -> tuple[str, str, str, float | None, str | None]:
    """(kind, sentence, span, value, speaker) for one outlet's telling of a fact."""
    filler = " ".join(rng.sample(FILLER, 2) + rng.sample(VOCAB, 3))
    if fact.kind == "money":
        value = fact.value
        if rng.random() < 0.06:
            value *= rng.choice([0.9, 1.2, 1.25])  # a wrong figure: a planted conflict
        scale = "billion" if fact.value >= 1e9 else "million"
        shown = value / (1e9 if scale == "billion" else 1e6)
        span = f"{SYMBOL[fact.unit or 'USD']}{shown:g} {scale}"
        sentence = f"The {fact.body} {filler} a {span} {fact.subject} for {fact.place}."
        return "money", sentence, span, value, None
    if fact.kind in ("count", "percent"):
        value = fact.value if rng.random() > 0.06 else fact.value * rng.choice([0.8, 1.25])
        span = f"{value:,.0f}" + ("%" if fact.kind == "percent" else "")
        sentence = f"In {fact.place}, {filler} {span} {fact.subject} according to the {fact.body}."
        return fact.kind, sentence, span, value, None
    if fact.kind == "quote":
        words = fact.quote.split()
        if rng.random() < 0.05:
            words[rng.randrange(len(words))] = rng.choice(NOUNS)
        span = "“" + " ".join(words).capitalize() + ",”"
        speaker = (
            fact.speaker if rng.random() > 0.03 else f"{rng.choice(FIRST)} {rng.choice(NAMES)}"
        )
        return "quote", f"{span} {speaker} said in {fact.place}.", span, None, speaker
    day = dt.date.fromisoformat(fact.date)
    if rng.random() < 0.05:
        day += dt.timedelta(days=1)
    span = f"{day:%A}, {day:%B} {day.day}"
    sentence = f"The {fact.subject} in {fact.place} will be held on {span}, the {fact.body} said."
    return "date", sentence, span, None, None


def noise(rng: random.Random) -> Fact:
    """A figure of the outlet's own, about something no other outlet mentions."""
    story = make_story(rng)
    return rng.choice(story)


def generate(path: Path, n_claims: int, n_docs: int, seed: int) -> list[int]:
    rng = random.Random(seed)
    engine = make_engine(f"sqlite:///{path}")
    ensure_schema(engine)
    engine.dispose()
    stories = [make_story(rng) for _ in range(max(1, n_docs // 5))]
    per_doc = n_claims // n_docs
    con = sqlite3.connect(path)
    docs, claims = [], []
    claim_id = 0
    for doc_id in range(1, n_docs + 1):
        story = stories[rng.randrange(len(stories))]
        text = f"document {doc_id} {rng.random()}"
        published = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 330))
        docs.append(
            (
                doc_id,
                f"Outlet {doc_id % 40} story {doc_id}",
                published.isoformat(),
                hashlib.sha256(text.encode()).hexdigest(),
                text,
                "2025-01-01 00:00:00",
            )
        )
        for i in range(per_doc):
            fact = story[i] if i < len(story) else noise(rng)
            kind, sentence, span, value, speaker = render(fact, rng)
            claim_id += 1
            unit = fact.unit if kind in ("money", "count", "percent") else None
            claims.append(
                (
                    claim_id,
                    doc_id,
                    kind,
                    sentence,
                    span,
                    i * 10,
                    i * 10 + len(span),
                    value,
                    unit,
                    "exact" if value is not None else None,
                    fact.date or None,
                    fact.subject or None,
                    subject_key(fact.subject) if fact.subject else None,
                    speaker,
                    "unverified",
                )
            )
    con.executemany(
        "INSERT INTO document (id, title, published, sha256, text, ingested_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        docs,
    )
    con.executemany(
        'INSERT INTO claim (id, document_id, kind, text, span, start, "end", value, unit, '
        "qualifier, date, subject, subject_key, speaker, status) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        claims,
    )
    con.commit()
    con.close()
    return [d[0] for d in docs]


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the forked comparers): a figure
    that other programs on a busy machine do not inflate, unlike the wall clock."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


# The steps of run_check, timed where run_check calls them (wall, CPU of this process and of
# finished children), to say where a full run's time goes.
STEPS = {
    "load_all": "load rows",
    "all_pairs_in_blocks": "keys and blocks",
    "compare_and_group": "compare and group (forked), terms written meanwhile",
    "sync_links": "write links",
    "sync_conflicts": "write conflicts",
}


def _timed_steps() -> dict[str, list[float]]:
    spent: dict[str, list[float]] = {name: [0.0, 0.0] for name in STEPS}
    for name in STEPS:
        original = getattr(checker, name)

        def timed(*args: object, _f: Any = original, _n: str = name, **kw: object) -> Any:
            start, cpu = time.perf_counter(), cpu_seconds()
            try:
                return _f(*args, **kw)
            finally:
                spent[_n][0] += time.perf_counter() - start
                spent[_n][1] += cpu_seconds() - cpu

        setattr(checker, name, timed)
    return spent


def _untime_steps() -> None:
    for name in STEPS:
        timed = getattr(checker, name)
        setattr(checker, name, timed.__kwdefaults__["_f"])


def time_full(url: str) -> tuple[float, float, str, str]:
    engine = make_engine(url)
    spent = _timed_steps()
    try:
        with Session(engine) as session:
            start, cpu = time.perf_counter(), cpu_seconds()
            summary = run_check(session)
            commit = time.perf_counter()
            session.commit()
            took, cpu = time.perf_counter() - start, cpu_seconds() - cpu
            commit = time.perf_counter() - commit
    finally:
        _untime_steps()
    engine.dispose()
    steps = "; ".join(f"{STEPS[n]} {w:.2f} s ({c:.2f} s CPU)" for n, (w, c) in spent.items())
    return took, cpu, str(summary), f"{steps}; commit {commit:.2f} s"


def time_incremental(
    url: str, path: Path, doc_ids: list[int], runs: int, seed: int, pending: bool = False
) -> tuple[list[float], list[float]]:
    """Copy an existing document's claims as a new document, then check just that document
    (with check_document, or with check_pending as ingest does: finding it among the
    documents not yet checked, storing its terms and checking it, each step committed)."""
    rng = random.Random(seed + 1 + pending)
    engine = make_engine(url)
    times, cpus = [], []
    for n in range(runs):
        source = rng.choice(doc_ids)
        con = sqlite3.connect(path)
        new_id = con.execute("SELECT max(id) + 1 FROM document").fetchone()[0]
        # Stored as ingest stores a document: not checked yet (checked_at NULL).
        text = f"new document {n} {rng.random()}"
        con.execute(
            "INSERT INTO document (id, title, published, sha256, text, ingested_at) "
            "VALUES (?, ?, '2025-12-01', ?, ?, '2025-12-01 00:00:00')",
            (new_id, f"New {n}", hashlib.sha256(text.encode()).hexdigest(), text),
        )
        con.execute(
            'INSERT INTO claim (document_id, kind, text, span, start, "end", value, unit, '
            "qualifier, date, subject, subject_key, speaker, status) SELECT ?, kind, text, span, "
            'start, "end", value * (CASE WHEN id % 7 = 0 THEN 1.3 ELSE 1 END), unit, qualifier, '
            "date, subject, subject_key, speaker, status FROM claim WHERE document_id = ?",
            (new_id, source),
        )
        con.commit()
        con.close()
        if pending:
            start, cpu = time.perf_counter(), cpu_seconds()
            assert check_pending(engine) == 1
            times.append(time.perf_counter() - start)
            cpus.append(cpu_seconds() - cpu)
            continue
        with Session(engine) as session:
            start, cpu = time.perf_counter(), cpu_seconds()
            check_document(session, new_id)
            session.commit()
            times.append(time.perf_counter() - start)
            cpus.append(cpu_seconds() - cpu)
    engine.dispose()
    return times, cpus


def time_all_pairs(url: str, sample: int, seed: int) -> tuple[float, int, int]:
    """The peer: every pair of claims compared, timed on a sample and extrapolated."""
    engine = make_engine(url)
    with Session(engine) as session:
        rows = load_all(session)
    engine.dispose()
    rng = random.Random(seed)
    picked = rng.sample(rows, min(sample, len(rows)))
    start = time.perf_counter()
    pairs = 0
    for i, a in enumerate(picked):
        for b in picked[i + 1 :]:
            compare(a, b)
            pairs += 1
    took = time.perf_counter() - start
    total_pairs = len(rows) * (len(rows) - 1) // 2
    # The peer compares in one process; per pair it is the same compare() the checker uses.
    return took / pairs * total_pairs, pairs, total_pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--docs", type=int, default=4_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--incremental-runs", type=int, default=10)
    parser.add_argument("--pairs-sample", type=int, default=1_500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        start = time.perf_counter()
        doc_ids = generate(path, args.claims, args.docs, args.seed)
        print(
            f"corpus: {args.claims:,} claims in {len(doc_ids):,} documents "
            f"(generated in {time.perf_counter() - start:.1f} s)"
        )
        url = f"sqlite:///{path}"
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
        full, cpu, summary, steps = time_full(url)
        print(f"full check from scratch: {full:.2f} s wall, {cpu:.2f} s CPU  (target 10 s)")
        print(f"  {summary}")
        print(f"  steps: {steps}")
        again, cpu, _, steps = time_full(url)
        print(f"full check again (nothing new): {again:.2f} s wall, {cpu:.2f} s CPU")
        print(f"  steps: {steps}")
        for pending in (False, True):
            inc, inc_cpu = time_incremental(
                url, path, doc_ids, args.incremental_runs, args.seed, pending
            )
            how = "check_pending(engine)" if pending else "check_document"
            print(
                f"incremental check of one new document ({how}): median "
                f"{statistics.median(inc) * 1000:.0f} ms wall "
                f"({statistics.median(inc_cpu) * 1000:.0f} ms CPU), max {max(inc) * 1000:.0f} ms "
                f"over {len(inc)} documents  (target 200 ms)"
            )
        naive, pairs, total = time_all_pairs(url, args.pairs_sample, args.seed)
        print(f"load average {os.getloadavg()[0]:.1f} at the end")
        print(
            f"peer, naive all-pairs: {naive:,.0f} s for {total:,} pairs "
            f"(extrapolated from {pairs:,} pairs timed on a {args.pairs_sample:,}-claim sample; "
            f"no writes)"
        )


if __name__ == "__main__":
    main()
