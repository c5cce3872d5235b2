"""Score extracted claims against hand-labelled gold (fixtures/gold/*.json).

A gold claim is found when an extracted claim of the same kind overlaps its span; it is a hit
when, besides, value, value_max, unit, qualifier, date and speaker agree wherever gold gives them.
Recall = hits / gold claims, precision = hits / extracted claims.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .types import KINDS, ExtractedClaim

FIELDS = ("value", "value_max", "unit", "qualifier", "date", "speaker")


@dataclass
class GoldClaim:
    kind: str
    start: int
    end: int
    span: str
    fields: dict[str, Any]


@dataclass
class Outcome:
    document: str
    gold: list[GoldClaim] = field(default_factory=list)
    extracted: list[ExtractedClaim] = field(default_factory=list)
    hits: list[tuple[GoldClaim, ExtractedClaim]] = field(default_factory=list)
    field_errors: list[tuple[GoldClaim, ExtractedClaim, list[str]]] = field(default_factory=list)
    misses: list[GoldClaim] = field(default_factory=list)
    extras: list[ExtractedClaim] = field(default_factory=list)
    unplaced: list[dict[str, Any]] = field(default_factory=list)  # gold span not in the text


def locate(text: str, span: str, occurrence: int) -> int:
    """Offset of the ``occurrence``-th match of ``span`` (matches may overlap), or -1."""
    pos = -1
    for _ in range(max(1, occurrence)):
        pos = text.find(span, pos + 1)
        if pos < 0:
            return -1
    return pos


def _same(field_name: str, gold: Any, got: Any) -> bool:
    if gold is None:
        return True
    if got is None:
        return False
    if field_name in ("value", "value_max"):
        return abs(float(gold) - float(got)) <= 1e-6 * max(1.0, abs(float(gold)))
    if field_name == "speaker":
        return _norm_name(str(gold)) == _norm_name(str(got))
    return str(gold) == str(got)


def _norm_name(name: str) -> str:
    words = name.lower().replace("’", "'").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def wrong_fields(gold: GoldClaim, got: ExtractedClaim) -> list[str]:
    return [f for f in FIELDS if not _same(f, gold.fields.get(f), getattr(got, f))]


def score_document(
    document: str, text: str, gold_claims: list[dict[str, Any]], extracted: list[ExtractedClaim]
) -> Outcome:
    out = Outcome(document=document, extracted=list(extracted))
    for label in gold_claims:
        start = locate(text, label["span"], int(label.get("occurrence") or 1))
        if start < 0:
            out.unplaced.append(label)
            continue
        fields = {f: label.get(f) for f in FIELDS}
        span = label["span"]
        out.gold.append(GoldClaim(label["kind"], start, start + len(span), span, fields))
    used: set[int] = set()
    for g in out.gold:
        best: tuple[int, int, int] | None = None  # (wrong fields, -overlap, index)
        for i, c in enumerate(extracted):
            if i in used or c.kind != g.kind or not (c.start < g.end and g.start < c.end):
                continue
            overlap = min(c.end, g.end) - max(c.start, g.start)
            key = (len(wrong_fields(g, c)), -overlap, i)
            if best is None or key < best:
                best = key
        if best is None:
            out.misses.append(g)
            continue
        used.add(best[2])
        c = extracted[best[2]]
        wrong = wrong_fields(g, c)
        if wrong:
            out.field_errors.append((g, c, wrong))
        else:
            out.hits.append((g, c))
    out.extras = [c for i, c in enumerate(extracted) if i not in used]
    return out


@dataclass
class KindScore:
    gold: int = 0
    extracted: int = 0
    hits: int = 0
    found: int = 0  # overlapped, fields right or not

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.hits / self.extracted if self.extracted else 1.0


def totals(outcomes: list[Outcome]) -> dict[str, KindScore]:
    scores = {k: KindScore() for k in (*KINDS, "all")}
    for o in outcomes:
        for g in o.gold:
            scores[g.kind].gold += 1
        for c in o.extracted:
            scores[c.kind].extracted += 1
        for g, _ in o.hits:
            scores[g.kind].hits += 1
            scores[g.kind].found += 1
        for g, _, _ in o.field_errors:
            scores[g.kind].found += 1
    all_ = scores["all"]
    for k in KINDS:
        all_.gold += scores[k].gold
        all_.extracted += scores[k].extracted
        all_.hits += scores[k].hits
        all_.found += scores[k].found
    return scores


def body_text(path: Path) -> tuple[str, dt.date | None]:
    """The stored text of an article as ingest keeps it, and its published date."""
    try:
        from claimtrack.ingest.readers import read_path
    except ImportError:  # ingest not importable: plain reading for .txt/.md only
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".md" and raw.startswith("---"):
            raw = raw.split("---", 2)[2].lstrip("\n")
        return raw, None
    doc = read_path(path)
    return doc.text, doc.published


def evaluate_fixtures(
    fixtures: Path,
    extract: Callable[[str, dt.date | None], list[ExtractedClaim]],
) -> list[Outcome]:
    outcomes: list[Outcome] = []
    for gold_path in sorted((fixtures / "gold").glob("*.json")):
        data = json.loads(gold_path.read_text(encoding="utf-8"))
        if "claims" not in data or "document" not in data:
            continue  # conflicts.json and the like
        text, published = body_text(fixtures / data["document"])
        # The gold date is the one a checker would pass with --published: extraction is
        # measured on the right date; the reader's guess is tested in tests/ingest.
        if data.get("published"):
            published = dt.date.fromisoformat(data["published"])
        outcomes.append(
            score_document(data["document"], text, data["claims"], extract(text, published))
        )
    return outcomes
