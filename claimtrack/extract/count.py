"""Counts: '10,000 North Korean soldiers', "NATO's 32 member states", 'the 15-member council'."""

from __future__ import annotations

import re

from .doc import Doc
from .numbers import Num, qualifier_before
from .subjects import phrase_after, possessor_before
from .types import ExtractedClaim

_MEMBER = re.compile(r"-(?P<noun>member|strong|seat|nation|country|person|man|woman)\b\s*")
_YEARISH = re.compile(r"^(?:1[89]|20)\d\d$")
# Words after a number that make it something other than a count.
_NOT_COUNTED = frozenset(
    [
        "am",
        "pm",
        "a.m",
        "p.m",
        "gmt",
        "utc",
        "bst",
        "cet",
        "est",
        "edt",
        "pst",
        "hrs",
        "h",
        "o'clock",
        "th",
        "st",
        "nd",
        "rd",
        "s",
    ]
)


def _counted(doc: Doc, num: Num) -> tuple[str, str, int] | None:
    """(unit, subject, end) for the noun a number counts."""
    text = doc.text
    a, b = doc.sentences.bounds(num.start, num.end)
    m = _MEMBER.match(text, num.end)
    if m:
        noun, _ = phrase_after(text, m.end(), b, max_words=3)
        unit = m.group("noun") + "s"
        owner = possessor_before(text, num.start)
        subject = " ".join(x for x in (owner, noun) if x) or unit
        return unit, subject, m.end() - (len(m.group(0)) - len(m.group(0).rstrip()))
    gap = re.match(r"\s+(?:of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?)?", text[num.end : b])
    if not gap or gap.end() == 0:
        return None
    phrase, end = phrase_after(text, num.end + gap.end(), b)
    if not phrase:
        return None
    words = phrase.split()
    head = words[-1].lower()
    if head in _NOT_COUNTED:
        return None
    owner = possessor_before(text, num.start)
    subject = f"{owner} {phrase}" if owner else phrase
    return head, subject, end


def find(doc: Doc) -> list[ExtractedClaim]:
    text = doc.text
    out: list[ExtractedClaim] = []
    for num in doc.numbers:
        raw = text[num.start : num.end]
        if _YEARISH.match(raw):
            continue
        if num.words and num.value < 2 and num.value_max is None:
            continue  # "one official", "one day": not something a checker would count
        counted = _counted(doc, num)
        if counted is None:
            continue
        unit, subject, _ = counted
        qualifier, _ = qualifier_before(text, num.start)
        if num.value_max is not None:
            qualifier = "range"
        out.append(
            doc.claim(
                "count",
                num.start,
                num.end,
                value=num.value,
                value_max=num.value_max,
                unit=unit,
                qualifier=qualifier,
                date=doc.tied_date(num.start),
                subject=subject,
            )  # fmt: skip
        )
    return out
