"""One pair of claims from different documents: the same thing or not, and if so, agreeing or not.

Precision comes first: a false conflict wastes a checker's time, so every test below has to pass
before two claims are called "the same thing"; when in doubt the pair is left alone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from claimtrack.check import quotes, text, values
from claimtrack.check.rows import Row

# Weighted Dice similarity of two sentences' content words (names count double).
CONTEXT_MIN = 0.2  # with subjects that match
CONTEXT_MIN_NO_SUBJECT = 0.4  # when one claim has no usable subject
SUBJECT_MIN = 0.5  # share of the shorter subject's words found in the other
DATE_CONTEXT_MIN = 0.3
DATE_MAX_GAP_DAYS = 31  # two dates further apart are two events, not one misdated
EXCERPT_SPEAKER_MIN_WORDS = 6

_START = re.compile(
    r"\b(open(?:s|ed|ing)?|reopen(?:s|ed)?|beg[ia]n|begins|start(?:s|ed)?|launch(?:es|ed)?|"
    r"kick(?:s|ed)? off|resum(?:e|es|ed))\b",
    re.I,
)
_END = re.compile(
    r"\b(clos(?:e|es|ed|ing)|end(?:s|ed)?|conclud(?:e|es|ed)|wrap(?:s|ped)? up|finish(?:es|ed)?|"
    r"adjourn(?:s|ed)?|suspend(?:s|ed)?|collaps(?:e|es|ed)|broke off|break(?:s)? off)\b",
    re.I,
)
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,\s")
_MONTH = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Edge:
    a: int
    b: int
    relation: str  # agrees | conflicts
    kind: str | None = None  # the conflict kind when relation == "conflicts"


def compare(x: Row, y: Row) -> Edge | None:
    if x.document_id == y.document_id or x.dim is None or y.dim is None or x.dim[0] != y.dim[0]:
        return None
    a, b = (x, y) if x.id < y.id else (y, x)
    if x.kind == "quote":
        found = _compare_quotes(a, b)
    elif x.kind == "date":
        found = _compare_dates(a, b)
    else:
        found = _compare_values(a, b)
    if found is None:
        return None
    relation, kind = found
    return Edge(a.id, b.id, relation, kind)


def context_similarity(x: Row, y: Row) -> float:
    """Weighted Dice over the two sentences' content words."""
    wx, total_x = x.weights
    wy, total_y = y.weights
    if not total_x or not total_y:
        return 0.0
    if len(wx) > len(wy):
        wx, wy = wy, wx
    shared = sum(max(w, wy[word]) for word, w in wx.items() if word in wy)
    return 2 * shared / (total_x + total_y)


def subject_match(x: Row, y: Row) -> float | None:
    """Share of the shorter subject found in the other; None when either has none."""
    sx, sy = x.subject_words, y.subject_words
    if not sx or not sy:
        return None
    return len(sx & sy) / min(len(sx), len(sy))


def same_time(x: Row, y: Row) -> bool:
    """False when the texts tie the two figures to different times."""
    if x.date and y.date:
        n = min(len(x.date), len(y.date))
        if x.date[:n] != y.date[:n]:
            return False
    return not (x.times and y.times and not (x.times & y.times))


def same_thing(x: Row, y: Row, context_min: float = CONTEXT_MIN) -> bool:
    subj = subject_match(x, y)
    if subj is not None and subj < SUBJECT_MIN:
        return False
    if x.owners and y.owners and not (x.owners & y.owners):
        return False  # "27 EU leaders" and "NATO's 32 members"
    floor = context_min if subj is not None else max(context_min, CONTEXT_MIN_NO_SUBJECT)
    return context_similarity(x, y) >= floor


def _compare_values(x: Row, y: Row) -> tuple[str, str | None] | None:
    # Every test must pass; the cheapest go first, and the sentences' words come last.
    subj = subject_match(x, y)
    if subj is not None and subj < SUBJECT_MIN:
        return None  # most candidate pairs end here
    if values.far_apart(x.base_value, y.base_value):
        return None  # "up to €35bn" does not agree with "€500m": they are two different things
    if x.target != y.target:
        return None  # a capacity or a plan against what was done
    if not same_time(x, y) or not same_thing(x, y):
        return None
    if values.overlap(x.bounds, y.bounds):
        return ("agrees", None)
    return ("conflicts", "value")


def phase(row: Row) -> str | None:
    """'start' or 'end' when the verb tied to a date says something opened or closed then: the
    last such verb before the date ("opened in Warsaw on Wednesday"), else the first after it."""
    at = row.text.find(row.span)
    if at < 0:
        return None
    before = " ".join(text.words(row.text[:at])[-6:])
    after = " ".join(text.words(row.text[at + len(row.span) :])[:6])
    found = [(m.start(), name) for name, rx in (("start", _START), ("end", _END))
             for m in rx.finditer(before)]  # fmt: skip
    if found:
        return max(found)[1]
    found = [(m.start(), name) for name, rx in (("start", _START), ("end", _END))
             for m in rx.finditer(after)]  # fmt: skip
    return min(found)[1] if found else None


def is_dateline(row: Row) -> bool:
    at = row.text.find(row.span)
    return bool(_DATELINE.match(row.text)) and 0 <= at < 40


def _as_date(iso: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso) if len(iso) == 10 else None
    except ValueError:
        return None


def _compare_dates(x: Row, y: Row) -> tuple[str, str | None] | None:
    assert x.date is not None and y.date is not None
    # Every test must pass; the cheap ones on the dates themselves go first.
    n = min(len(x.date), len(y.date))
    same_date = x.date[:n] == y.date[:n]
    if not same_date:
        dx, dy = _as_date(x.date), _as_date(y.date)
        if dx is None or dy is None or abs((dx - dy).days) > DATE_MAX_GAP_DAYS:
            return None
        if _relative(x.span) and _relative(y.span) and x.doc_published != y.doc_published:
            # "on Monday" in two articles written on different days: each names its own
            # Monday, likely another round of the same talks rather than one event misdated.
            return None
    if x.derived("dateline", is_dateline) or y.derived("dateline", is_dateline):
        return None
    px, py = x.derived("phase", phase), y.derived("phase", phase)
    if px and py and px != py:
        return None  # the summit opened on the 5th and closed on the 6th
    if not same_thing(x, y, DATE_CONTEXT_MIN):
        return None
    return ("agrees", None) if same_date else ("conflicts", "date")


def _relative(span: str) -> bool:
    """A date written without a number or a month: 'Wednesday', 'last week', 'tomorrow'."""
    return not any(ch.isdigit() for ch in span) and not _MONTH.search(span)


def _compare_quotes(x: Row, y: Row) -> tuple[str, str | None] | None:
    wx, wy = x.quote_words, y.quote_words
    if not wx or not wy:
        return None
    shared = len(x.quote_set & y.quote_set)
    if shared * 2 < min(len(x.quote_set), len(y.quote_set)):
        return None  # mostly other words: another quote
    speaker = quotes.same_speaker(x.speaker, y.speaker)
    same_words = wx == wy
    excerpt = not same_words and (
        quotes.is_excerpt(x.quote_parts, wy) or quotes.is_excerpt(y.quote_parts, wx)
    )
    if same_words or excerpt:
        shorter = min(len(wx), len(wy))
        if speaker is False and (same_words or shorter >= EXCERPT_SPEAKER_MIN_WORDS):
            return ("conflicts", "quote_speaker")
        return ("agrees", None) if speaker is not False else None
    sim = quotes.similarity(wx, wy)
    if speaker is True and sim >= quotes.WORDING_MIN:
        return ("conflicts", "quote_wording")
    if speaker is False and sim >= quotes.SPEAKER_MIN:
        return ("conflicts", "quote_speaker")
    return None
