"""Dates: 'October 17', 'Nov. 5', '17 October 2024', 'in June', 'Thursday', 'last month', 'in 2023'.

Candidates come from one compiled regex; each candidate expression is parsed once by a single
English-only dateparser parser (cached), and the year of a yearless date and the day a weekday
names are then chosen against the published date, the way a news reader takes them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from .doc import Doc
from .types import ExtractedClaim

_MONTH_FULL = r"January|February|March|April|June|July|August|September|October|November|December"
_MONTH_ABBR = r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
_MONTH = rf"(?:{_MONTH_FULL}|May|{_MONTH_ABBR})"
# "Oct 21": abbreviations without their full stop, only straight before a day number.
_MONTH_BARE = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

DATE = re.compile(
    # Every branch starts at a digit or a capital or one of a few words, after a word boundary,
    # so the engine rejects most positions at once; prepositions are checked afterwards.
    rf"(?=[\dA-Zlntpy])\b(?:(?P<dmy>(?:{_WEEKDAY},?\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?)\b"
    # "18:30" after a month is a time of day, but "November 18: hearing" (a list of dates) is not
    rf"|(?P<mdy>(?:{_WEEKDAY},?\s+)?(?:{_MONTH}|{_MONTH_BARE})\s+{_DAY}(?!\d|:\d)(?:,?\s+{_YEAR})?)\b"
    rf"|(?P<my>{_MONTH}(?:\s+of)?,?\s+{_YEAR})\b"
    # "last January", "November next year": a month placed by a relative year
    rf"|(?P<relmonth>(?:[Ll]ast|[Nn]ext|[Tt]his)\s+(?:{_MONTH_FULL}|May)"
    rf"|(?:{_MONTH_FULL}|May)\s+(?:last|next|this)\s+year)\b"
    rf"|(?P<month>{_MONTH_FULL})\b"
    r"|(?P<may>May)\b"
    rf"|(?P<weekday>{_WEEKDAY})\b"
    rf"|(?P<relday>(?:[Ll]ast|[Nn]ext|[Tt]his)\s+{_WEEKDAY})\b"
    # "last year", "next month" name one period; "last week" and "next week" are resolved as
    # dateparser does (a week before or after publication), as the issue asks. "This week",
    # "this month" ("later this month"), "the past year", "in recent years" are vague spans,
    # not dates a checker could look up: not candidates.
    r"|(?P<rel>[Tt]his\s+year|(?:[Nn]ext|[Ll]ast)\s+(?:year|month|week)|[Yy]esterday|[Tt]omorrow)\b"
    rf"|(?P<iso>{_YEAR}-[01]\d-[0-3]\d)\b"
    rf"|(?P<year>{_YEAR})\b(?![-–/]\d|s\b|['’]s))"
)
# Where a DATE match can start: a month or weekday name, a relative word, a day number before
# a month name, a year. Every branch opens with a literal, so the engine skips in C between
# them; DATE is then tried only there (the same matches as DATE.finditer, at half the cost).
# Each start word, and what must follow it for DATE to have a chance there ("Mar" in "March",
# "Mar." or "Mar 5", not in "Mark"; "this" before "year" or a capital), to keep the tries few.
_MONTH_TAILS = {
    "Jan": "uary", "Feb": "ruary", "Mar": "ch", "Apr": "il", "Jun": "e", "Jul": "y",
    "Aug": "ust", "Sep": "tember|t", "Oct": "ober", "Nov": "ember", "Dec": "ember",
}  # fmt: skip
_START_WORDS: list[tuple[str, str]] = (
    [(m, rf"(?=(?:{tail})\b|\.|\b)") for m, tail in _MONTH_TAILS.items()]
    + [("May", r"\b")]
    + [(f"{d}day", r"\b") for d in ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun")]
    + [(w, r"(?=\s+(?:year|month|week|[A-Z]))") for w in ("Last", "Next", "last", "next")]
    + [(w, r"(?=\s+(?:year|[A-Z]))") for w in ("This", "this")]
    + [(w, r"\b") for w in ("Yesterday", "Tomorrow", "yesterday", "tomorrow")]
)
_STARTS = re.compile(
    "|".join(
        # each branch opens with its literal; the look-behind after it is the word boundary
        [rf"{w}(?<!\w{w}){tail}" for w, tail in _START_WORDS]
        + [
            rf"{d}(?<!\w{d})(?=\d?(?:st|nd|rd|th)?\s+(?:of\s+)?[JFMASOND][a-z])"
            for d in "0123456789"
        ]
        + [r"1(?<!\w1)(?=[89]\d\d)", r"2(?<!\w2)(?=0\d\d)"]
    )
)


def _date_matches(text: str) -> list[re.Match[str]]:
    found: list[re.Match[str]] = []
    last_end = -1
    for hit in _STARTS.finditer(text):
        pos = hit.start()
        if pos < last_end:
            continue
        m = DATE.match(text, pos)
        if m is not None:
            found.append(m)
            last_end = m.end()
    return found


# What must stand before a bare year or "May" for it to be a time: "in 2023", "since May".
_YEAR_PREP = re.compile(
    r"\b(?:in|by|since|until|till|through|throughout|from|between|before|after|during|to|and|"
    r"early|late|mid|end|of|for|around|circa|least|fiscal|calendar|spring|summer|autumn|fall|"
    r"winter|Q[1-4]|H[12])[ -]$",
    re.IGNORECASE,
)
_MAY_PREP = re.compile(
    # "in the year to May": the period an economic figure covers, named by its last month
    r"\b(?:in|of|since|by|until|early|late|mid|and|(?:year|months|quarter)\s+to)\s$",
    re.IGNORECASE,
)
_YEAR_IN = re.compile(_YEAR)
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_NUMBER = {m[:3].lower(): i + 1 for i, m in enumerate(_MONTH_NAMES)}
# A line that starts with a dateline ("BRUSSELS, Oct. 18 (Wire) -") or is metadata.
_META_LINE = re.compile(
    r"^(?:[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w.]*)?,\s|(?:Published|Updated|Posted|Last updated|"
    r"First published|Date)\b:?|By\s+[A-Z])",
)
_BYLINE_STAMP = re.compile(
    # "Agence Horizon Presse - 19 April 2027 - 18:52 GMT": an agency's stamp line too
    rf"^\W*(?:{_WEEKDAY},?\s+)?[\w .,|·–-]+\d{{4}}"
    rf"(?:\s*[,|·–-]?\s+\d{{1,2}}[:.]\d\d\S*(?:\s+[A-Z]{{2,4}})?)?\s*$"
)


@lru_cache(maxsize=1)
def _parser() -> Any:
    # Imported lazily: dateparser costs a second of start-up that a TUI must not pay.
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "RELATIVE_BASE": dt.datetime(2000, 6, 15),
            "PREFER_DATES_FROM": "current_period",
            "STRICT_PARSING": False,
            # Candidates are absolute here (relative ones are worked out in _relative): the
            # other parsers only cost time (a fifth of each call; same results on 1,162 forms).
            "PARSERS": ["absolute-time"],
        },
    )


@lru_cache(maxsize=4096)
def _parse(expression: str) -> tuple[int, int, int, str] | None:
    """(year, month, day, period) dateparser reads in an absolute expression; cached."""
    data = _parser().get_date_data(expression)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj
    return d.year, d.month, d.day, data.period or "day"


_DAY_MONTH = re.compile(
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>[A-Za-z]+)\.?"
    r"|(?P<m2>[A-Za-z]+)\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)(?:,?\s+(?P<y>\d{4}))?"
)


def _canonical(plain: str) -> str:
    """'Oct. 17', 'October 17th', '17 of October' -> '17 October': one dateparser call (about a
    millisecond) per day, however the copy writes it."""
    m = _DAY_MONTH.fullmatch(plain)
    if m is None:
        return plain
    month = _MONTH_NUMBER.get((m.group("m1") or m.group("m2"))[:3].lower())
    if month is None:
        return plain
    day = m.group("d1") or m.group("d2")
    year = m.group("y")
    return f"{int(day)} {_MONTH_NAMES[month - 1]}" + (f" {year}" if year else "")


def _nearest_year(month: int, day: int, base: dt.date) -> int:
    """The year that puts month/day closest to the published date (ties go to the past)."""
    best = base.year
    best_gap: int | None = None
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            gap = (dt.date(year, month, day) - base).days
        except ValueError:
            continue
        score = abs(gap) * 2 + (1 if gap > 0 else 0)
        if best_gap is None or score < best_gap:
            best, best_gap = year, score
    return best


def _day_year(month: int, day: int, base: dt.date, *, future: bool, past: bool) -> int:
    """The year of a yearless day ("Nov. 18"): the nearest one when it is within two months;
    further off, the tense's direction, else the published year (news names the year of a
    date in another year, as AP style asks)."""
    year = _nearest_year(month, day, base)
    try:
        if abs((dt.date(year, month, day) - base).days) <= 60:
            return year
        this = dt.date(base.year, month, day)
    except ValueError:  # 29 February
        return year
    if past and this > base:
        return base.year - 1
    if future and this < base:
        return base.year + 1
    return base.year


@lru_cache(maxsize=8192)
def resolve(
    expression: str, base: dt.date | None, future: bool = False, past: bool = False
) -> str | None:
    """ISO date of one candidate expression against the published date, at its precision."""
    low = expression.lower()
    weekday = re.fullmatch(_WEEKDAY, expression)
    if weekday:
        if base is None:
            return None
        target = [d.lower() for d in _WEEKDAYS].index(low)
        back = (base.weekday() - target) % 7
        if future and back:
            return (base + dt.timedelta(days=7 - back)).isoformat()
        return (base - dt.timedelta(days=back)).isoformat()
    rel = _relative(low, base)
    if rel is not None or low.endswith(" year") or low.split()[0] in _RELATIVE_WORDS:
        return rel  # relative, and resolved above (None without a published date)
    plain = re.sub(rf"^{_WEEKDAY},?\s+", "", expression)
    parsed = _parse(_canonical(plain))
    if parsed is None:
        return None
    year, month, day, period = parsed
    has_year = bool(_YEAR_IN.search(plain))
    if period == "year":
        return f"{year:04d}"
    if not has_year:
        if base is None:
            return None
        if period != "month":
            year = _day_year(month, day, base, future=future, past=past)
            return f"{year:04d}-{month:02d}-{day:02d}"
        year = _nearest_year(month, 15, base)
        ahead = month > base.month
        if past and ahead:
            year = base.year - 1  # "raised in March", "since January": the last one
        elif future and not ahead and month != base.month:
            year = base.year + 1  # "will open in June": the next one
        elif past or future:
            year = base.year
    if period == "month":
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


_RELATIVE_WORDS = frozenset(["this", "next", "last", "past", "yesterday", "tomorrow"])


def _relative(low: str, base: dt.date | None) -> str | None:
    if base is None:
        return None
    words = low.split()
    if words == ["yesterday"]:
        return (base - dt.timedelta(days=1)).isoformat()
    if words == ["tomorrow"]:
        return (base + dt.timedelta(days=1)).isoformat()
    month = _relative_month(words, base)
    if month is not None:
        return month
    if len(words) == 2 and words[1] == "week" and words[0] in ("last", "next"):
        # dateparser's reading: the same weekday a week before or after publication.
        return (base + dt.timedelta(days=7 if words[0] == "next" else -7)).isoformat()
    if len(words) == 2 and words[1].capitalize() in _WEEKDAYS:
        target = _WEEKDAYS.index(words[1].capitalize())
        back = (base.weekday() - target) % 7
        if words[0] == "next":
            return (base + dt.timedelta(days=(7 - back) or 7)).isoformat()
        if words[0] == "last":
            return (base - dt.timedelta(days=back or 7)).isoformat()
        # "this Friday": the Friday of the publication's own week, ahead or behind
        return (base + dt.timedelta(days=target - base.weekday())).isoformat()
    if len(words) != 2:
        return None
    step = {"this": 0, "next": 1, "last": -1, "past": -1}.get(words[0])
    if step is None:
        return None
    if words[1] == "year":
        return f"{base.year + step:04d}"
    months = base.year * 12 + base.month - 1 + step
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def _relative_month(words: list[str], base: dt.date) -> str | None:
    """'last January' (the latest before publication), 'next March', 'November next year'."""
    if len(words) == 2 and words[0] in ("last", "next", "this"):
        month = _MONTH_NUMBER.get(words[1][:3]) if words[1].capitalize() in _MONTH_NAMES else None
        if month is None:
            return None
        year = base.year
        if words[0] == "last" and month >= base.month:
            year -= 1
        elif words[0] == "next" and month <= base.month:
            year += 1
        return f"{year:04d}-{month:02d}"
    if len(words) == 3 and words[2] == "year" and words[0].capitalize() in _MONTH_NAMES:
        step = {"this": 0, "next": 1, "last": -1}.get(words[1])
        if step is None:
            return None
        return f"{base.year + step:04d}-{_MONTH_NUMBER[words[0][:3]]:02d}"
    return None


def _is_metadata(doc: Doc, start: int) -> bool:
    text = doc.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if start - line_start < 60 and _META_LINE.match(line):
        return True
    if len(line) < 140 and _STAMP_BEFORE.search(text, max(line_start, start - 40), start):
        return True  # "Jane Doe, Reuters · Updated 14:05 GMT, 10 March 2026": a page's stamp
    if _AMENDED.search(text, max(line_start, start - 60), start):
        return True  # "This article was amended on 20 March 2027 to correct ...": the page's
    return len(line) < 60 and bool(_BYLINE_STAMP.match(line))


_AMENDED = re.compile(
    r"\b(?:article|story|report|piece|page|post)\s+(?:was|has\s+been|had\s+been)\s+"
    r"(?:amended|corrected|updated|changed|edited|clarified)\s+(?:on\s+)?$",
    re.IGNORECASE,
)


_STAMP_BEFORE = re.compile(
    r"\b(?:Published|Updated|Posted|Last (?:updated|modified)|First published)\b(?:\s+on)?:?"
    r"[\s\d:.,|apmAPMGTCEST]*$"
)


def _subject(doc: Doc, start: int, end: int) -> str | None:
    a, b = doc.sentences.bounds(start, end)
    words = [w for w in re.findall(r"[A-Za-z][\w'-]+", doc.text[max(a, start - 80) : start])
             if w.lower() not in _FILLER]  # fmt: skip
    if words:
        return " ".join(words[-3:])
    after = [w for w in re.findall(r"[A-Za-z][\w'-]+", doc.text[end : min(b, end + 80)])
             if w.lower() not in _FILLER]  # fmt: skip
    return " ".join(after[:3]) or None


_FILLER = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "on",
        "in",
        "at",
        "to",
        "by",
        "for",
        "from",
        "and",
        "or",
        "but",
        "since",
        "until",
        "on",
        "late",
        "early",
        "mid",
        "this",
        "that",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
    ]
)


def find(doc: Doc) -> list[ExtractedClaim]:
    out: list[ExtractedClaim] = []
    text = doc.text
    ahead: dict[str, str | None] = {}  # weekday -> the coming date the story gave it
    for m in _date_matches(text):
        group = m.lastgroup or next(g for g, v in m.groupdict().items() if v is not None)
        start, end = m.start(group), m.end(group)
        if doc.in_no_go(start, end) or _is_metadata(doc, start):
            continue
        if not _is_date(m, text, start, end, out[-1] if out else None):
            continue
        a, b = doc.sentences.bounds(start, end)
        future = (
            _weekday_future(text, a, start)
            or (group == "weekday" and _spoken_ahead(text, a, b, start))
            or _WHEN_AHEAD.match(text, end) is not None
        )
        past = not future and _past(text, a, start)
        expression = " ".join(text[start:end].split())
        try:
            date = resolve(expression, doc.published, future, past)
        except Exception:  # dateparser on odd input; the claim still stands without a date
            date = None
        if group == "weekday":
            # A story names one day by a bare weekday: once it has put Thursday ahead ("will
            # hold a hearing on Thursday"), "Thursday's hearing" later is that day too.
            if future:
                ahead.setdefault(expression, date)
            elif expression in ahead:
                date = ahead[expression]
        claim = doc.claim("date", start, end, date=date, subject=_subject(doc, start, end))
        if out:
            out[-1] = _range_start(text, out[-1], claim)
        out.append(claim)
    return out


def _is_date(
    m: re.Match[str], text: str, start: int, end: int, prev: ExtractedClaim | None
) -> bool:
    """Whether a candidate is a time here, from the words around it."""
    if m.group("year"):
        if not _year_is_time(text, start, end) or _ACT_OF.search(text, max(0, start - 8), start):
            return False
        return bool(
            _YEAR_PREP.search(text, max(0, start - 12), start)
            or _COMPARED.search(text, max(0, start - 20), start)
            or _YEAR_WHEN.match(text, end)
            # "by 2030, not 2035", "2030 or 2035": a year coordinated with a year that is a time
            or (prev is not None and prev.span.isdigit() and _linked(text, prev.end, start))
        )
    if m.group("may"):
        return bool(
            _MAY_PREP.search(text, max(0, start - 16), start)
            or _MAY_RANGE.match(text, end)  # "from May to July"
            or (prev is not None and _is_month(prev) and _linked(text, prev.end, start))
        )
    if m.group("weekday"):
        if _NAMED_DAY.search(text, max(0, start - 8), end + 12):
            return False  # "The Sunday Times", "Black Friday": names, not dates
        return not _ANY_DAY.search(text, max(0, start - 7), start)  # "every Sunday": any one
    if m.group("rel"):
        # "over the last week", "in the next year": a stretch of time, not one date
        return not _THE_BEFORE.search(text, max(0, start - 5), start)
    return True


def _linked(text: str, prev_end: int, start: int) -> bool:
    return (
        prev_end <= start and start - prev_end < 16 and bool(_LINK.fullmatch(text, prev_end, start))
    )


def _is_month(claim: ExtractedClaim) -> bool:
    return claim.date is not None and len(claim.date) == 7 and not _YEAR_IN.search(claim.span)


def _range_start(text: str, prev: ExtractedClaim, claim: ExtractedClaim) -> ExtractedClaim:
    """'between October and April': a range's first month falls in the year before its last
    one when it comes later in the calendar."""
    if not (_is_month(prev) and _is_month(claim)) or prev.end > claim.start:
        return prev
    link = _MONTH_RANGE.fullmatch(text, prev.end, claim.start)
    if link is None or (
        link.group("and") and not _BETWEEN.search(text, max(0, prev.start - 9), prev.start)
    ):
        return prev
    assert prev.date is not None and claim.date is not None
    first, last = int(prev.date[5:]), int(claim.date[5:])
    year = int(claim.date[:4]) - (1 if first > last else 0)
    return replace(prev, date=f"{year:04d}-{first:02d}")


_LINK = re.compile(
    r"\s*,?\s*(?:and|or|nor|to|until|till|through|not|but\s+not|rather\s+than|than|versus|vs\.?|"
    r"[-–—/])\s*"
)
_MONTH_RANGE = re.compile(r"\s*(?:(?P<and>and)|to|until|till|through|[-–])\s*")
_BETWEEN = re.compile(r"\b(?:[Bb]etween|[Ff]rom)\s+$")
_MAY_RANGE = re.compile(rf"\s*(?:to|and|until|till|through|or|[-–])\s*(?:{_MONTH_FULL})\b")
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|relative\s+to|versus|vs\.?)\s+$")
# "looked at 2025, when fires burned": a year the sentence goes on to place events in
# "the Securities Act of 1933": a law's name, not a time
_ACT_OF = re.compile(r"\bActs?\s+of\s+$")
_YEAR_WHEN = re.compile(r",?\s+when\b")


_ANY_DAY = re.compile(r"\b(?:a|an|every|each|any)\s+$", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_NAMED_DAY = re.compile(
    rf"\b(?:Black|Good|Easter|Super|Cyber|Ash|Palm|Holy|Bloody)\s+{_WEEKDAY}\b"
    rf"|\b{_WEEKDAY}\s+(?:Times|Telegraph|Express|Mirror|Post|Night|Morning|Club|Prayers?)\b"
)


def _weekday_future(text: str, sentence_start: int, start: int) -> bool:
    # Only a future verb governing the weekday ("will meet on Friday") moves it forward.
    before = text[max(sentence_start, start - 90) : start]
    if _RESCHEDULED.search(before):
        return True  # "the case was adjourned until 14 June": a new day is a later one
    if _BY_END.search(before):
        # "return to talks by Friday": a deadline ahead; "power had been restored by Tuesday
        # evening": a deadline already met, unless an infinitive still points ahead.
        done = _PERFECT.search(before)
        if done is not None:
            return _INFINITIVE.search(before, done.end()) is not None
        # "By Monday evening we had 2,400": the clause's own verb comes after the deadline.
        return _DONE_AFTER.match(text, start, min(len(text), start + 90)) is None
    ahead = _AHEAD.search(before)
    # "had been due to expire on Thursday": a plan that lay ahead then, now in the past.
    if ahead is None:
        return False
    keyword = ahead.group(0).split()[0].lower()
    if keyword in ("from", "until", "till", "through"):
        at = start - len(before) + ahead.start()
        verb = _PAST.search(text, max(sentence_start, at - 50), at)
        if verb and not _PRESENT.search(text, verb.end(), at):
            return False  # "rain fell for 36 hours from late on Friday": a span already run
    return not _HAD_BEEN.search(before, 0, ahead.start())


def _spoken_ahead(text: str, sentence_start: int, sentence_end: int, start: int) -> bool:
    """'"Ask me about the parade on Monday."': a weekday in a spoken sentence with no past
    tense anywhere in it is the coming one; the speaker talks at the time of the story."""
    head = text[sentence_start : sentence_start + 2].lstrip()
    if head[:1] not in ('"', "“") or _CLOSING.search(text, sentence_start + 1, start):
        return False
    return _PAST_NOT_AFTER_BE.search(text, sentence_start, sentence_end) is None


_CLOSING = re.compile(r"[”]|(?<=\w[.,!?])\"|\"(?=\s)")
_PAST = re.compile(
    r"\b(?:was|were|had|has|have|did|since|last|[a-z]{2,}ed|fell|rose|began|came|went|took|met|"
    r"left|held|won|lost|struck|broke|fled|grew|flew|sent|saw|ran|led|paid|hit)\b",
    re.I,
)


_AHEAD = re.compile(
    r"\b(?:will|would|next|due|scheduled|upcoming|from|until|till|through|plans?\s+to|expects?|"
    # an agreement or a plan to do something: "reached a deal to keep the government open
    # through Sept. 30"
    r"(?:agreed|deal|vowed|promised|pledged|voted|hopes?|aims?|wants?|intends?|ready|deadline)"
    r"\s+to\s+[a-z]{2,}|"
    # "a ruling is expected on Tuesday", "expected to vote on Sept. 14"
    r"expected|"
    # fixtures in the present tense: "Rovers play Denholm on Wednesday"
    r"plays?|faces?|hosts?|meets?|travels?\s+to|"
    # an appointed day: "the hearing has been set for 14 June", "is listed for Monday"
    r"(?:set|scheduled|listed|fixed|timetabled|pencilled\s+in)\s+for|"
    # a scheduled event in the present tense: "the conference continues Wednesday"
    r"continues|resumes|reopens|reconvenes|opens|closes|begins|concludes|starts|ends|expires|"
    r"kicks\s+off)\b"
    r"(?:[^.,;]|(?<=\d)[.,](?=\d))*$"  # a decimal point ("€1.2bn") does not end the clause
)
_BY_END = re.compile(r"\b[Bb]y\s+$")
_RESCHEDULED = re.compile(
    r"\b(?:adjourned|postponed|deferred|delayed|rescheduled|moved|pushed\s+back|put\s+back|"
    r"put\s+off)\s+(?:to|until|till)\s+$"
)
# "set for 14 June, when prosecutors will ask ...": what the date's own clause says will happen
_WHEN_AHEAD = re.compile(r",?\s+when\s+(?:[^.;:!?\"“”]{0,60}?\s)?(?:will|is\s+to|are\s+to)\b")
_PERFECT = re.compile(
    r"\b(?:had|has|have|was|were)\s+(?:been\s+|already\s+)*(?:[a-z]{2,}ed|[a-z]{2,}en|done|made|"
    r"paid|sent|met|set|put|built|cut|hit|won|held|brought|bought|found|lost|sold|told|left|"
    r"spent|kept)\b"
)
# "to" before a verb, not "to all", "to the", "to 3,000".
_INFINITIVE = re.compile(
    r"\bto\s+(?!(?:all|the|a|an|its|their|his|her|our|my|your|some|about|around|more|most|many|"
    r"each|every|this|that|these|those|one|two|three)\b)[a-z]{2,}\b"
)
# A past verb later in the same clause, before anything that points ahead.
_DONE_AFTER = re.compile(
    r"(?:(?!\b(?:will|would|must|should|to)\b)[^.;:!?\"“”])*?\b(?:had|was|were|did)\b", re.I
)
_HAD_BEEN = re.compile(r"\b(?:had|was|were)\s+(?:been\s+)?$")
_PRESENT = re.compile(r"\b(?:is|are|remains?|lasts?|runs?|continues?|will|stays?)\b")


def _past(text: str, sentence_start: int, start: int) -> bool:
    # A past-tense verb or "since"/"last" earlier in the sentence puts the date behind us; a
    # participle after "be" ("is listed for", "should be finished by") does not.
    return _PAST_NOT_AFTER_BE.search(text, sentence_start, start) is not None


_PAST_NOT_AFTER_BE = re.compile(
    r"(?<!\bis )(?<!\bare )(?<!\bam )(?<!\bbe )(?<!\bbeing )" + _PAST.pattern, re.I
)


def _year_is_time(text: str, start: int, end: int) -> bool:
    """'in 2023' is a time; 'the 2023 London conference' and 'in 2024 budget' are labels."""
    after = text[end : end + 30]
    return not re.match(r"\s+(?:[A-Z][\w-]+\s+)?(?:budget|conference|summit|election|plan|report|"
                        r"assessment|games|olympics|census|edition|model|season|package|levels?|"
                        r"figures|prices|values|baseline|rates|standards|terms)\b",
                        after)  # fmt: skip
