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
    # 22/11/2026, 22.11.2026; 11/22/2026 where the day can only be the second number
    re.compile(
        r"\b(?P<first>[0-3]?\d)([/.])(?P<second>[01]?\d|[0-3]\d)\2(?P<year>(?:19|20)\d\d)\b"
    ),
]
# Lines a dateline can sit in: "Published: ...", "Updated ...", or a wire dateline
# "BRUSSELS, Oct. 18, 2024 (Reuters) -" near the top.
_DATELINE_HINT = re.compile(
    r"^\s*(?:published|posted|updated|date|first published)\b"
    r"|(?-i:^[A-Z][A-Z .'-]{2,40},)"  # the city in capitals, whatever the flags
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
    if groups.get("first"):
        first, second = int(groups["first"]), int(groups["second"])
        # Day first, as most of the world writes it, unless only the other order is a date.
        day, month = (second, first) if second > 12 >= first else (first, second)
    else:
        day = int(groups["day"])
        month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"].lower()]
    try:
        return dt.date(int(groups["year"]), month, day)
    except ValueError:
        return None


def dateline_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """The published date from a dateline in the first lines, when it names a full date;
    else the day the lead pins down without a year (see inferred_date)."""
    lines = [ln for ln in text.split("\n", _HEAD_LINES * 2)[: _HEAD_LINES * 2] if ln.strip()]
    for line in lines[:_HEAD_LINES]:
        if len(line) > 300:
            continue
        if _DATELINE_HINT.search(line) or len(line) < 60:
            found = find_date(line)
            if found:
                return found
    return inferred_date(text, today or dt.date.today())


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?P<weekday>" + "|".join(_WEEKDAY_NAMES) + r")"
_NO_YEAR = r"(?![.,]?\s*(?:19|20)\d\d\b)(?!\d)"
# "Thursday, October 17" / "Thursday 17 October": a weekday with a yearless day.
_WEEKDAY_DAY = [
    re.compile(rf"\b{_WEEKDAY},?\s+{_MONTH}\s+{_DAY}\b{_NO_YEAR}", re.I),
    re.compile(rf"\b{_WEEKDAY},?\s+(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}\b{_NO_YEAR}", re.I),
]
# "BRUSSELS, Oct. 18 (Wire) -": a wire dateline with no year.
_YEARLESS_DATELINE = re.compile(
    rf"^[A-Z][A-Z .'-]{{2,40}}(?:,\s*[A-Z][\w.]*)?,\s+(?i:{_MONTH})\s+{_DAY}\b{_NO_YEAR}"
)
_WEEKDAY_WORD = re.compile(r"\b" + _WEEKDAY + r"\b", re.I)
_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_LEAD_CHARS = 1500
_YEARS_BACK = 30


def inferred_date(text: str, today: dt.date) -> dt.date | None:
    """The day an article without a dated dateline was written, when its lead pins it down.

    A yearless day only becomes a date once its weekday is known: "Thursday, October 17" in
    the lead, or a dateline "Oct. 18" whose lead says "on Friday". The year is the latest one,
    up to today, in which that day falls on that weekday and that is not older than a year the
    article names; without such evidence the date stays unknown rather than guessed, since a
    wrong year would misdate every relative date in the article.
    """
    lead = text[:_LEAD_CHARS]
    oldest = _oldest_possible_year(text, today)
    for pattern in _WEEKDAY_DAY:
        m = pattern.search(lead)
        if m:
            return _latest_on_weekday(m, {m["weekday"].lower()}, oldest, today)
    m = _YEARLESS_DATELINE.match(lead)
    if m is None:
        return None
    first_paragraph = lead.split("\n\n", 1)[0]
    named = {w.lower() for w in _WEEKDAY_WORD.findall(first_paragraph)}
    return _latest_on_weekday(m, named, oldest, today) if named else None


def _oldest_possible_year(text: str, today: dt.date) -> int:
    # An article is not older than the latest past year it mentions ("in 2023").
    past = [int(y) for y in _ANY_YEAR.findall(text) if int(y) <= today.year]
    return max([*past, today.year - _YEARS_BACK])


def _latest_on_weekday(
    m: re.Match[str], weekdays: set[str], oldest: int, today: dt.date
) -> dt.date | None:
    month = _MONTHS[m["month"].lower()]
    day = int(m["day"])
    for year in range(today.year, oldest - 1, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= today and _WEEKDAY_NAMES[candidate.weekday()] in weekdays:
            return candidate
    return None


_DATELINE_LEAD = re.compile(r"^[A-Z][A-Z .'-]{2,40},[^\n]{0,60}?\)?\s+[-–—]+\s+(?=\S)")
_TITLE_CHARS = 100


def first_line_title(text: str) -> str | None:
    """The headline on the first line; for a story that opens with its lead paragraph (after
    a dateline, or none), the lead's first words, which say more than a file name."""
    for line in text.split("\n", 20)[:20]:
        line = line.strip()
        if not line:
            continue
        m = _DATELINE_LEAD.match(line)
        if m:
            return _shortened(line[m.end() :])
        return line if len(line) <= 200 else _shortened(line)
    return None


def _shortened(lead: str) -> str:
    sentence = re.split(r"(?<=[.!?])\s", lead, maxsplit=1)[0]
    if len(sentence) <= _TITLE_CHARS:
        return sentence
    cut = sentence[:_TITLE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
