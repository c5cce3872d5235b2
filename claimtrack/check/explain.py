"""One line a checker can read at a glance: what the conflict is about and who says what."""

from __future__ import annotations

from claimtrack.check import quotes, text, values
from claimtrack.check.rows import Row

TITLE_MAX = 44
MAX_DOCS_SHOWN = 2


def _flat(text: str) -> str:
    return " ".join(text.split())


def _short(text: str, limit: int) -> str:
    text = _flat(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def where(row: Row) -> str:
    """'"Title" (17 Oct)': the document a claim comes from."""
    title = (
        f'"{_short(row.doc_title, TITLE_MAX)}"' if row.doc_title else f"document {row.document_id}"
    )
    if row.doc_published is not None:
        return f"{title} ({row.doc_published.day} {row.doc_published:%b})"
    return title


def _docs(rows: list[Row]) -> str:
    seen: dict[int, Row] = {}
    for r in rows:
        seen.setdefault(r.document_id, r)
    shown = [where(r) for r in list(seen.values())[:MAX_DOCS_SHOWN]]
    more = len(seen) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def phrase_after(row: Row, limit: int = 3) -> str:
    """The words right after a figure ("€25bn [reconstruction fund] that ..."): what it counts
    or what the amount pays for, when the extractor's subject missed it."""
    at = row.text.find(row.span)
    if at < 0:
        return ""
    out: list[str] = []
    for word in text.words(row.text[at + len(row.span) :])[: limit + 2]:
        if word.lower() in text.STOP_WORDS:
            if out:
                break
            continue
        out.append(word)
        if len(out) == limit:
            break
    return " ".join(out)


# Words an extracted subject may start with that say nothing of the thing ("which opened ...").
_LEADING = frozenset(
    [
        "which",
        "who",
        "whose",
        "that",
        "with",
        "and",
        "its",
        "their",
        "his",
        "her",
        "the",
        "a",
        "an",
        "of",
    ]
)
LABEL_ROWS = 24  # enough members to judge a label by, however large the group
LABEL_SUPPORT = 0.5


def _clean(subject: str) -> str:
    """The subject without leading function words and repeated words ("Menc Menc transfer")."""
    words = _flat(subject).split()
    while words and words[0].lower() in _LEADING:
        words = words[1:]
    kept: list[str] = []
    for word in words:
        if word.lower() not in (k.lower() for k in kept):
            kept.append(word)
    return " ".join(kept)


def subject_label(rows: list[Row]) -> str:
    """The most specific subject the group's sentences bear out: of the members' subjects (and
    the words right after each figure), the one with the most words that at least half of the
    sentences carry on average ("North Korean soldiers" over "soldiers")."""
    sample = rows[:LABEL_ROWS]
    candidates = {c: 1 for c in (_clean(r.subject) for r in sample if r.subject) if c}
    for phrase in (phrase_after(r) for r in sample):
        if phrase:
            candidates.setdefault(phrase, 0)

    def rank(candidate: str) -> tuple[bool, int, int, float, str]:
        words = text.content_words(candidate)
        if not words:
            return (False, 0, 0, 0.0, candidate)
        support = sum(len(words & r.context) / len(words) for r in sample) / len(sample)
        # A member's own subject before the words after a figure, then the more specific.
        return (support >= LABEL_SUPPORT, candidates[candidate], len(words), support, candidate)

    best = max(candidates, key=rank, default=None)
    return best if best else (rows[0].unit or rows[0].kind)


def shown_value(row: Row, label: str) -> str:
    """The figure as written, without the counted noun the label already names ("10,000
    soldiers" under "North Korean soldiers" is "10,000")."""
    span = _flat(row.span)
    if row.kind != "count":
        return span
    words = span.split()
    for n in range(1, len(words)):
        tail = " ".join(words[n:]).lower()
        if not any(ch.isdigit() for ch in tail) and label.lower().endswith(tail):
            return " ".join(words[:n])
    return span


def value_clusters(rows: list[Row]) -> list[list[Row]]:
    """Members grouped by the figure they give (figures that agree fall together)."""
    ordered = sorted(rows, key=lambda r: (r.base_value, r.id))
    clusters: list[list[Row]] = []
    for r in ordered:
        if clusters and values.overlap(clusters[-1][0].bounds, r.bounds):
            clusters[-1].append(r)
        else:
            clusters.append([r])
    return clusters


MAX_FIGURES_SHOWN = 3


def explain_values(rows: list[Row]) -> str:
    """'label: 10,000 in "A" (17 Oct) vs 8,000 in "B" (18 Oct)': the figures most documents
    give first, at most three of them, so the line stays one a person reads at a glance."""
    clusters = sorted(value_clusters(rows), key=lambda c: (-_doc_count(c), min(r.id for r in c)))
    label = subject_label(rows)
    shown = clusters[:MAX_FIGURES_SHOWN]
    parts = [f"{shown_value(c[0], label)} in {_docs(c)}" for c in shown]
    more = len(clusters) - len(shown)
    tail = f" and {more} other figure{'s' if more > 1 else ''}" if more > 0 else ""
    return f"{label}: " + " vs ".join(parts) + tail


def _doc_count(cluster: list[Row]) -> int:
    return len({r.document_id for r in cluster})


def explain_dates(rows: list[Row]) -> str:
    by_date: dict[str, list[Row]] = {}
    for r in sorted(rows, key=lambda r: (r.date or "", r.id)):
        by_date.setdefault(r.date or "", []).append(r)
    parts = [f"{_flat(c[0].span)} in {_docs(c)}" for c in by_date.values()]
    return f"{subject_label(rows)}: " + " vs ".join(parts)


def explain_wording(a: Row, b: Row) -> str:
    who = a.speaker or b.speaker or "the speaker"
    return (
        f"{who}, worded differently in {where(a)} vs {where(b)}: {quotes.word_diff(a.span, b.span)}"
    )


def explain_speaker(rows: list[Row]) -> str:
    words = quotes._display_words(rows[0].span)
    head = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    by_speaker: dict[str, list[Row]] = {}
    for r in rows:
        by_speaker.setdefault(r.speaker or "unnamed", []).append(r)
    parts = [f"{who} in {_docs(rs)}" for who, rs in by_speaker.items()]
    return f'"{head}" attributed to ' + " vs ".join(parts)


def explain(kind: str, rows: list[Row], pair: tuple[Row, Row]) -> str:
    if kind == "value":
        line = explain_values(rows)
    elif kind == "date":
        line = explain_dates(rows)
    elif kind == "quote_wording":
        line = explain_wording(*pair)
    else:
        line = explain_speaker(rows)
    return _flat(line)
