"""Dates and titles found in the article itself, for when no metadata gives them."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),  # October 18, 2024
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.I),  # 18 October 2024
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),  # 2024-10-18
]
# Lines a dateline can sit in: "Published: ...", "Updated ...", or a wire dateline
# "BRUSSELS, Oct. 18, 2024 (Reuters) -" near the top.
_DATELINE_HINT = re.compile(
    r"^\s*(?:published|posted|updated|date|first published)\b"
    r"|^[A-Z][A-Z .'-]{2,40},"
    r"|\(\w+\)\s*[-–—]",
    re.I,
)
_HEAD_LINES = 8


def parse_date(value: object) -> dt.date | None:
    """A date from front matter or HTML metadata (date, datetime or ISO-ish string)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        value = value.strip()
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return find_date(value)
    return None


def find_date(text: str) -> dt.date | None:
    for pattern in _DATE_PATTERNS:
        m = pattern.search(text)
        if m:
            found = _to_date(m)
            if found:
                return found
    return None


def _to_date(m: re.Match[str]) -> dt.date | None:
    groups = m.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"].lower()]
    try:
        return dt.date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None


def dateline_date(text: str) -> dt.date | None:
    """The published date from a dateline in the first lines, when it names a full date."""
    lines = [ln for ln in text.split("\n", _HEAD_LINES * 2)[: _HEAD_LINES * 2] if ln.strip()]
    for line in lines[:_HEAD_LINES]:
        if len(line) > 300:
            continue
        if _DATELINE_HINT.search(line) or len(line) < 60:
            found = find_date(line)
            if found:
                return found
    return None


def first_line_title(text: str) -> str | None:
    for line in text.split("\n", 20)[:20]:
        line = line.strip()
        if line:
            return line if len(line) <= 200 else None
    return None
