"""Percentages: '5.5%', '40 percent', 'more than 60 per cent', '2 percentage points'."""

from __future__ import annotations

import re

from .doc import Doc
from .numbers import is_change, qualifier_before
from .subjects import phrase_after
from .types import ExtractedClaim

_AFTER = re.compile(
    r"\s?(?P<u>%|per\s?cent\b|pct\b|percentage\s+points?\b|points?\s+percent\b)", re.IGNORECASE
)
_FILLER = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "by",
        "up",
        "down",
        "more",
        "than",
        "about",
        "around",
        "some",
        "nearly",
        "almost",
        "over",
        "under",
        "and",
        "with",
        "for",
        "from",
        "at",
        "in",
        "on",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "its",
        "their",
        "his",
        "her",
        "rose",
        "fell",
        "grew",
        "increased",
        "decreased",
        "dropped",
        "jumped",
        "climbed",
        "slipped",
    ]
)


_OF_WHOLE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?")
_RANGE_TAIL = re.compile(r"\s*(?:-|–|—|to|and)\s*")
_BETWEEN = re.compile(r"\b[Bb]etween\s+$")


def _subject(doc: Doc, start: int, end: int) -> str | None:
    text = doc.text
    a, b = doc.sentences.bounds(start, end)
    m = _OF_WHOLE.match(text, end, b)
    if m:
        after, _ = phrase_after(text, m.end(), b, max_words=3)
        if after:
            return after
    words = re.findall(r"[A-Za-z][\w-]+", text[max(a, start - 60) : start])
    words = [w for w in words if w.lower() not in _FILLER]
    return " ".join(words[-2:]) or None


# "a fifth of", "roughly a third of", "fell by a fifth": a share written as a fraction.
_FRACTION = re.compile(
    r"\b(?P<by>by\s+)?(?:(?:a|one)\s+(?P<f>third|quarter|fifth|tenth)|(?P<half>half)(?=\s+a\s+p))"
    r"(?P<of>(?:\s+of)?(?P<point>\s+(?:a|one)\s+percentage\s+point\b)|\s+of\b)?",
    re.IGNORECASE,
)
_FRACTION_VALUE = {"third": 33.3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0, "half": 50.0}
# "one in five voters", "1 in 10 adults", "two out of three": a ratio is a share, so a
# percent claim (20%), the noun after it in the subject. Decided so the checker can compare
# "one in five voters" with "20% of voters".
_RATIO = re.compile(
    r"(?<![\w.,])(?P<a>one|two|three|four|nine|\d{1,3})\s+(?:(?P<noun>[a-z]+)\s+(?=in\s+every))?"
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
_FRACTION_WORDS = ("third", "quarter", "fifth", "tenth", "half")


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
        m = _FRACTION.search(text, max(0, at - 8), min(len(text), at + 40))
        if m and m.start() <= at < m.end() and m.start() >= last_end:
            found.append(m)
            last_end = m.end()
    return found


def _fractions(doc: Doc) -> list[ExtractedClaim]:
    out: list[ExtractedClaim] = []
    for m in _fraction_matches(doc.text):
        if not (m.group("by") or m.group("of")):
            continue  # "a third" alone is usually an ordinal ("a third term")
        fraction = (m.group("f") or m.group("half")).lower()
        if fraction == "half" and not m.group("point"):
            continue  # "half of the city" is too loose to list; "half a percentage point" is not
        end = m.end("f") if m.group("f") else m.end("half")
        start = m.end("by") if m.group("by") else m.start()
        if doc.in_no_go(start, end):
            continue
        qualifier, q_start = qualifier_before(doc.text, start)
        value = _FRACTION_VALUE[fraction]
        if m.group("point"):
            # "a quarter of a percentage point": 0.25 points, in the contract's unit %.
            value, end = value / 100, m.end("point")
        out.append(
            doc.claim(
                "percent", q_start, end, value=value, unit="%", qualifier=qualifier,
                date=doc.tied_date(start, end), subject=_subject(doc, start, end),
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
                subject=noun or _subject(doc, m.start(), m.end()),
            )
        )  # fmt: skip
    return out


def find(doc: Doc) -> list[ExtractedClaim]:
    text = doc.text
    out: list[ExtractedClaim] = []
    nums = doc.numbers
    skip_until = -1
    for i, num in enumerate(nums):
        m = _AFTER.match(text, num.end)
        if not m or num.start < skip_until:
            continue
        end = m.end()
        qualifier, q_start = qualifier_before(text, num.start)
        value_max = num.value_max
        # "between 3% and 4%", "3%-4%", "3% to 4%": one range, the sign written twice.
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        tail = _RANGE_TAIL.match(text, end)
        if nxt is not None and tail and tail.end() == nxt.start and value_max is None:
            m2 = _AFTER.match(text, nxt.end)
            between = _BETWEEN.search(text, max(0, num.start - 8), num.start)
            joiner = tail.group(0).strip()
            change = joiner == "to" and is_change(text, num.start, num.value, nxt.value)
            if m2 and nxt.value > num.value and (joiner != "and" or between) and not change:
                value_max, end, skip_until = nxt.value, m2.end(), m2.end()
                if between:
                    q_start = between.start()
        if value_max is not None:
            qualifier = "range"
        out.append(
            doc.claim(
                "percent",
                q_start,
                end,
                value=num.value,
                value_max=value_max,
                # The contract has one percent unit: "2.5 percentage points" is unit % and keeps
                # its words in the span, where the checker tells points from percent.
                unit="%",
                qualifier=qualifier,
                date=doc.tied_date(num.start, end),
                subject=_subject(doc, num.start, end),
            )
        )
    return sorted(out + _fractions(doc) + _ratios(doc), key=lambda c: c.start)
