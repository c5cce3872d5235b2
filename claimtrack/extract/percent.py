"""Percentages: '5.5%', '40 percent', 'more than 60 per cent', '2 percentage points'."""

from __future__ import annotations

import re
from bisect import bisect_left

from .doc import Doc
from .numbers import is_change, qualifier_before
from .subjects import figure_subject, inherit_subjects, phrase_after
from .types import ExtractedClaim

_AFTER = re.compile(
    r"\s?(?P<u>%|per\s?cent\b|pct\b|(?-i:pc)\b|percentage[\s-]+points?\b|points?\s+percent\b"
    r"|(?P<bp>basis\s+points?\b|bps?\b))",
    re.IGNORECASE,
)
# "3%-4%": the second figure touches the dash, where the number scan does not take it.
_DASHED_TOP = re.compile(r"\s?[-–—]\s?(?P<n>\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b|percent\b)")
# "rose 3 points to 64%", "fell 2% to 5%": a change and the level it reached, two figures.
_CHANGE_VERB = re.compile(
    r"\b(?:rose|fell|grew|jumped|climbed|dropped|slipped|slid|increased|decreased|declined|gained|"
    r"lost|surged|soared|slumped|plunged|tumbled|rising|falling|up|down|edged\s+(?:up|down)|"
    r"rises|falls|grows|climbs|drops|increases)\s+(?:by\s+)?(?:about\s+|around\s+|nearly\s+|"
    r"almost\s+|more\s+than\s+)?$",
    re.IGNORECASE,
)


_UNIT_STARTS = frozenset("%pPbB")


def _points(unit: re.Match[str]) -> bool:
    return "point" in unit.group("u").lower() or bool(unit.group("bp"))


_RANGE_TAIL = re.compile(r"\s*(?:-|–|—|to|and)\s*")
_BETWEEN = re.compile(r"\b[Bb]etween\s+$")


def _subject(doc: Doc, start: int, end: int) -> str | None:
    a, b = doc.sentences.bounds(start, end)
    return figure_subject(doc.text, a, b, start, end)


# "a fifth of", "almost half of", "about two thirds of", "fell by a fifth": a share written as a
# fraction of a whole is a percent claim, so it meets "20% of voters" in the checker.
_FRACTION = re.compile(
    r"(?P<by>\bby\s+(?:up\s+to\s+|about\s+|around\s+|almost\s+|nearly\s+|more\s+than\s+)?)?"
    # "power restored to 80% of homes, and water to about half.": a share of the same whole
    r"(?P<to>\bto\s+(?:about\s+|around\s+|almost\s+|nearly\s+|roughly\s+|more\s+than\s+)?)?"
    r"(?:(?P<n>\b(?:a|one|two|three|four|five|seven|nine))[\s-]+)?"
    r"(?P<f>\b(?:half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?))(?![\w-])"
    r"(?P<of>(?:\s+of)?(?P<point>\s+(?:a|one)\s+percentage\s+point\b)|\s+of\b"
    r"|\s+(?:the|its|their|his|her|our|all|those|these)\b)?",
    re.IGNORECASE,
)
_FRACTION_VALUE = {
    "half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "sixth": 100 / 6,
    "eighth": 12.5, "tenth": 10.0,
}  # fmt: skip
_FRACTION_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7,
                   "nine": 9}  # fmt: skip
# "a quarter of an hour", "half of 2026", "three quarters of a million": a time, a part of a
# period or a number, not a share.
_NOT_A_SHARE = re.compile(
    r"\s*(?:an?\s+|the\s+)?(?:hour|day|week|month|year|century|decade|season|term|mile|"
    r"kilometre|kilometer|km|inch|second|minute|million|billion|thousand|trillion|dozen|"
    r"match|game|time|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_AND_BEFORE = re.compile(r"\band\s+$", re.IGNORECASE)
_ORDINAL_HALF = re.compile(
    r"\b(?:first|second|third|fourth|last|final|latter|former|other|each|every|one|the|a)\s+$",
    re.IGNORECASE,
)


# "one in five voters", "1 in 10 adults", "two out of three": a ratio is a share, so a
# percent claim (20%), the noun after it in the subject. Decided so the checker can compare
# "one in five voters" with "20% of voters".
_RATIO = re.compile(
    r"(?<![\w.,])(?P<a>one|two|three|four|five|six|seven|eight|nine|\d{1,3})\s+"
    r"(?:(?P<noun>[a-z]+)\s+(?=in\s+every))?"
    r"(?:in|out\s+of)\s+(?:every\s+)?"
    r"(?P<b>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|a\s+hundred|thousand|"
    r"a\s+thousand|\d{1,3}(?:,000)?)\b(?![.,]\d)"
    r"(?!\s*(?:years?|months?|weeks?|days?|cases|instances)\b\s+(?:ago|earlier))",
    re.IGNORECASE,
)
_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twenty": 20, "hundred": 100, "a hundred": 100, "thousand": 1000,
    "a thousand": 1000,
}  # fmt: skip


# The fraction words are rare, so they are found first and the full pattern is tried around
# each: far cheaper than trying the pattern at every position of the text.
_FRACTION_WORDS = ("third", "quarter", "fifth", "sixth", "eighth", "tenth", "half")


def _fraction_matches(text: str) -> list[re.Match[str]]:
    low = text.lower()
    hits: list[int] = []
    for word in _FRACTION_WORDS:
        pos = low.find(word)
        while pos >= 0:
            hits.append(pos)
            pos = low.find(word, pos + 1)
    found: list[re.Match[str]] = []
    last_end = -1
    for at in sorted(hits):
        if at < last_end:
            continue
        m = _FRACTION.search(text, max(0, at - 30), min(len(text), at + 40))
        while m and m.end("f") <= at:
            m = _FRACTION.search(text, m.end("f"), min(len(text), at + 40))
        if m and m.start("f") <= at < m.end("f") and m.start() >= last_end:
            found.append(m)
            last_end = m.end()
    return found


def _closing_share(m: re.Match[str]) -> bool:
    """'to about half.': a fraction after 'to' that ends the clause, the whole named before."""
    if not m.group("to"):
        return False
    after = m.string[m.end("f") : m.end("f") + 1]
    return after in ("", ".", ",", ";", ")")


def _share(m: re.Match[str]) -> float | None:
    """The percentage a fraction names, or None when the words are no share of a whole."""
    word = m.group("f").lower()
    base = word[:-1] if word.endswith("s") and word != "halves" else word
    count = _FRACTION_COUNT.get((m.group("n") or "").lower(), 0)
    if base == "half":
        if count > 1:
            return None  # "two half-days"
        count = 1
    if count == 0 or (count > 1) != word.endswith("s") or base not in _FRACTION_VALUE:
        return None  # "a third time", "the third": ordinals; "two third" is no fraction
    if not (m.group("by") or m.group("of") or m.group("point") or _closing_share(m)):
        return None
    return round(count * _FRACTION_VALUE[base], 1)


def _fractions(doc: Doc) -> list[ExtractedClaim]:
    out: list[ExtractedClaim] = []
    text = doc.text
    for m in _fraction_matches(text):
        value = _share(m)
        if value is None:
            continue
        start = m.start("n") if m.group("n") else m.start("f")
        end = m.end("f")
        if not m.group("point"):
            if _NOT_A_SHARE.match(text, m.end()):
                continue
            if not m.group("n") and _ORDINAL_HALF.search(text, max(0, start - 10), start):
                continue  # "the first half of the season": a part of a period
            if _AND_BEFORE.search(text, max(0, start - 5), start):
                continue  # "a year and a half of talks": the end of a number, not a share
        if doc.in_no_go(start, end):
            continue
        qualifier, q_start = qualifier_before(text, start, article=True)
        if m.group("point"):
            # "a quarter of a percentage point": 0.25 points, in the contract's unit %.
            value, end = value / 100, m.end("point")
        out.append(
            doc.claim(
                "percent", q_start, end, value=value, unit="%", qualifier=qualifier,
                date=doc.tied_date(start, end), subject=_subject(doc, q_start, end),
            )
        )  # fmt: skip
    return out


def _number(word: str) -> float | None:
    word = " ".join(word.lower().split())
    if word.replace(",", "").isdigit():
        return float(word.replace(",", ""))
    return float(_SMALL[word]) if word in _SMALL else None


def _ratios(doc: Doc) -> list[ExtractedClaim]:
    out: list[ExtractedClaim] = []
    text = doc.text
    for num in doc.numbers:  # a ratio starts at a number: no scan of the whole text
        near = text[num.end : num.end + 24]
        if " in " not in near and " out of " not in near:
            continue  # the cheap test first
        m = _RATIO.match(text, num.start)
        if m is None:
            continue
        a, b = _number(m.group("a")), _number(m.group("b"))
        if a is None or not b or a >= b or doc.in_no_go(m.start(), m.end()):
            continue
        _, limit = doc.sentences.bounds(m.start(), m.end())
        noun, _ = phrase_after(text, m.end(), limit, max_words=3, plural_ends=True)
        noun = m.group("noun") or noun  # "one child in every thousand"
        qualifier, q_start = qualifier_before(text, m.start(), article=True)
        out.append(
            doc.claim(
                "percent", q_start, m.end(), value=round(100 * a / b, 1), unit="%",
                qualifier=qualifier, date=doc.tied_date(m.start(), m.end()),
                subject=noun or _subject(doc, q_start, m.end()),
            )
        )  # fmt: skip
    return out


# "a gap of 4.3 points", "six points ahead", "within a point", "one point higher": percentage
# points written short, where the paragraph gives percentages or the sentence speaks of polls
# or rates (elsewhere points are scores, or the points of a plan).
_POINT_WORD = re.compile(r"points?\b")
_A_POINT_WORD = re.compile(r"point\b")
_A_POINT = re.compile(
    r"\b(?:[Aa]\s+(?:single\s+)?|[Hh]alf\s+a\s+)point\b"
    r"(?!\s+(?:of\s+(?:view|order|contention|no\s+return)|to\s+(?:prove|make)|where|when|"
    r"at\s+which|in\s+(?:time|history))\b)"
)
_PERCENT_SIGN = re.compile(r"\d\s?(?:%|per\s?cent\b|percent\b)")
_SPORT = re.compile(
    r"\b(?:goals?|games?|matches|match|season|league|table|scored|draws?|drew|tries|innings|"
    r"runs|basket|penalt(?:y|ies)|points\s+from)\b",
    re.IGNORECASE,
)


def _short_points(doc: Doc) -> list[ExtractedClaim]:
    text = doc.text
    if "point" not in text:
        return []
    found: list[tuple[int, int, float]] = []
    nums = doc.numbers
    ends = [num.end for num in nums] if "point" in text else []
    for m in _POINT_WORD.finditer(text):  # few: found fast, then the number before each
        before = m.start()
        while before > 0 and text[before - 1] in " \t\u00a0":
            before -= 1
        k = bisect_left(ends, before)
        if k == len(ends) or ends[k] != before or before == m.start():
            continue
        num = nums[k]
        if num.value > 100:
            continue
        if (
            text[max(0, num.start - 11) : num.start]
            .lower()
            .strip()
            .endswith(("percentage", "basis"))
        ):
            continue
        found.append((num.start, m.end(), num.value))
    for hit in _A_POINT_WORD.finditer(text):  # "a point" found from the word, not by a scan
        art = _A_POINT.search(text, max(0, hit.start() - 16), hit.end() + 40)
        while art is not None and art.end() < hit.end():
            art = _A_POINT.search(text, art.end(), hit.end() + 40)
        if art is not None and art.end() == hit.end():
            found.append((art.start(), art.end(), 0.5 if art.group(0)[0] in "Hh" else 1.0))
    out: list[ExtractedClaim] = []
    for start, end, value in sorted(found):
        a, b = doc.sentences.bounds(start, end)
        if doc.in_no_go(start, end) or _SPORT.search(text, a, b):
            continue
        para_a, para_b = _paragraph(text, start)
        if not (_PERCENT_SIGN.search(text, para_a, para_b) or _POINT_TOPICS.search(text, a, b)):
            continue  # the paragraph gives percentages, or the sentence speaks of polls, rates
        qualifier, q_start = qualifier_before(text, start, article=True)
        out.append(
            doc.claim(
                "percent", q_start, end, value=value, unit="%", qualifier=qualifier,
                date=doc.tied_date(start, end), subject=_subject(doc, q_start, end),
            )
        )  # fmt: skip
    return out


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n\n", 0, pos)
    b = text.find("\n\n", pos)
    return (0 if a < 0 else a), (len(text) if b < 0 else b)


_POINT_TOPICS = re.compile(
    r"\b(?:polls?|polling|pollsters?|surveys?|vote\s+share|turnout|approval|inflation|"
    r"(?:interest\s+)?rates?|yields?|unemployment)\b",
    re.IGNORECASE,
)


def find(doc: Doc) -> list[ExtractedClaim]:
    text = doc.text
    out: list[ExtractedClaim] = []
    nums = doc.numbers
    skip_until = -1
    for i, num in enumerate(nums):
        if text[num.end : num.end + 2].lstrip()[:1] not in _UNIT_STARTS:
            continue  # the cheap test first: "%", "per cent", "pct", "points", "bp"
        m = _AFTER.match(text, num.end)
        if not m or num.start < skip_until:
            continue
        end = m.end()
        qualifier, q_start = qualifier_before(text, num.start)
        value, value_max = num.value, num.value_max
        # "between 3% and 4%", "3%-4%", "3% to 4%": one range, the sign written twice.
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        tail = _RANGE_TAIL.match(text, end)
        dashed = _DASHED_TOP.match(text, end) if value_max is None else None
        if dashed and float(dashed.group("n")) > value:
            value_max, end = float(dashed.group("n")), dashed.end()
        elif nxt is not None and tail and tail.end() == nxt.start and value_max is None:
            m2 = _AFTER.match(text, nxt.end)
            between = _BETWEEN.search(text, max(0, num.start - 8), num.start)
            joiner = tail.group(0).strip()
            change = joiner == "to" and (
                is_change(text, num.start, num.value, nxt.value)
                or bool(_CHANGE_VERB.search(text, max(0, q_start - 40), q_start))
            )
            same_unit = m2 is not None and _points(m2) == _points(m)
            joined = joiner != "and" or between
            if m2 and same_unit and nxt.value > num.value and joined and not change:
                value_max, end, skip_until = nxt.value, m2.end(), m2.end()
                if between:
                    q_start = between.start()
        if value_max is not None:
            qualifier = "range"
        subject = _subject(doc, q_start, end)
        if m.group("bp"):
            # "25 basis points" is a quarter of a percentage point: in points, unit %.
            value, value_max = value / 100, value_max / 100 if value_max is not None else None
        out.append(
            doc.claim(
                "percent",
                q_start,
                end,
                value=value,
                value_max=value_max,
                # The contract has one percent unit: "2.5 percentage points" is unit % and keeps
                # its words in the span, where the checker tells points from percent.
                unit="%",
                qualifier=qualifier,
                date=doc.tied_date(num.start, end),
                subject=subject,
            )
        )
    # "rose 3 points to 64%", "up from 25% in 2023": the figure before names the thing.
    found = sorted(out + _fractions(doc) + _ratios(doc) + _short_points(doc), key=lambda c: c.start)
    return inherit_subjects(text, found)
