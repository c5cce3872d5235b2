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
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "hour",
        "hours",
        "minute",
        "minutes",
        "second",
        "seconds",
        "decade",
        "decades",
        "percent",
        "per",
        "times",
    ]
)
# Adjectives a counted noun sheds: "10,000 new soldiers" counts soldiers.
_ADJECTIVES = frozenset(
    [
        "new",
        "additional",
        "further",
        "extra",
        "other",
        "more",
        "former",
        "total",
        "young",
        "old",
        "senior",
        "top",
        "key",
        "major",
        "separate",
        "different",
        "several",
        "small",
        "large",
        "big",
        "many",
        "few",
        "missing",
        "remaining",
        "existing",
        "surviving",
        "dead",
        "injured",
        "wounded",
    ]
)
_ADJECTIVE_ENDINGS = (
    "al", "ar", "ian", "ese", "ic", "ive", "ous", "ful", "less", "able", "ible", "ary", "ish",
)  # fmt: skip
# "two people familiar with the plans": anonymous sourcing, not a figure to check.
_SOURCING = re.compile(r"\s+(?:familiar|close|briefed|who\s+asked|speaking\s+on)\b")
# A number right after a capitalised label is part of a name: "Phase 2", "Article 5".
_LABEL_BEFORE = re.compile(
    r"\b(?:Phase|Article|Chapter|Section|Stage|Part|Level|Round|Group|Class|Type|Model|Block|"
    r"Unit|Zone|Route|Highway|Flight|Room|Gate|Line|Title|Category|Grade|Tier|Season|Episode|"
    r"Volume|Vol\.|No\.|no\.|Number|Resolution|Protocol|Pillar|Point|Step|Item|Annex)\s$"
)


def counted_unit(phrase: str) -> str | None:
    """The counted noun without its adjectives: 'internally displaced people' -> 'people'."""
    words = phrase.split()
    keep: list[str] = []
    for i, w in enumerate(words):
        low = w.lower()
        if w[0].isupper() or low.endswith("ly") or low in _ADJECTIVES:
            keep = []
            continue
        if i < len(words) - 1 and low.endswith(_ADJECTIVE_ENDINGS):
            keep = []  # "nuclear warheads", "electric vehicles": the noun is what is counted
            continue
        if low.endswith("ed") and w is not words[-1]:
            keep = []
            continue
        keep.append(low)
    return " ".join(keep) or None


def _counted(doc: Doc, num: Num) -> tuple[str | None, str, int] | None:
    """(unit, subject, end) for the noun a number counts."""
    text = doc.text
    _, b = doc.sentences.bounds(num.start, num.end)
    m = _MEMBER.match(text, num.end)
    if m and m.group("noun") == "strong":
        # "a 10,000-strong force": the noun after is what is counted.
        noun, _ = phrase_after(text, m.end(), b, max_words=2, plural_ends=True)
        if not noun:
            return None
        unit = counted_unit(noun) or noun.split()[-1].lower()
        return unit, noun, num.end + len(m.group(0).rstrip())
    if m:
        noun, _ = phrase_after(text, m.end(), b, max_words=3)
        unit = m.group("noun") + "s"
        owner = possessor_before(text, num.start)
        subject = " ".join(x for x in (owner, noun) if x) or unit
        return unit, subject, num.end + len(m.group(0).rstrip())
    gap = re.match(r"[ \t]+", text[num.end : b])
    if not gap:
        return None
    phrase, end = phrase_after(text, num.end + gap.end(), b, plural_ends=True)
    if not phrase or _SOURCING.match(text, end):
        return None
    counted = counted_unit(phrase)
    if counted is None or counted.split()[-1] in _NOT_COUNTED or counted.split()[0] in _NOT_COUNTED:
        return None
    owner = possessor_before(text, num.start)
    subject = f"{owner} {phrase}" if owner else phrase
    return counted, subject, end


_DEFINITE = re.compile(r"\b(?:the|these|those|both|its|their)\s+$", re.I)


def _definite_reference(text: str, num: Num) -> bool:
    """'the two companies', 'both sides': who is involved, already counted, not a figure."""
    if not num.words or num.value > 3 or num.value_max is not None:
        return False
    return bool(_DEFINITE.search(text, max(0, num.start - 8), num.start))


# "The death toll rose to 45.": a figure with no noun after it, reached by a verb of totals.
_TOTAL_BEFORE = re.compile(
    r"\b(?:rose|risen|climbed|jumped|fell|dropped|reached|hit|stood\s+at|stands\s+at|"
    r"totall?ed|toll\s+(?:is|was|of)|total\s+of|number\s+of\s+\w+\s+(?:is|was))"
    r"(?:\s+to)?\s+$"
)
_TOTAL_AFTER = re.compile(r"\s*(?:[.,;:)]|$|\s(?:on|in|by|after|as|from|according|when)\b)")
_SUBJECT_WORDS = re.compile(r"[A-Za-z][\w'-]+")
_TOTAL_FILLER = frozenset(
    """the a an has have had rose risen climbed jumped fell dropped reached hit stood stands at to
of is was totalled totaled""".split()  # noqa: SIM905
)


def _bare_total(doc: Doc, num: Num, raw: str) -> tuple[str | None, str, int] | None:
    if num.words or num.value < 2 or not raw[:1].isdigit():
        return None
    text = doc.text
    before = _TOTAL_BEFORE.search(text, max(0, num.start - 40), num.start)
    if not before or not _TOTAL_AFTER.match(text, num.end):
        return None
    a, _ = doc.sentences.bounds(num.start)
    words = [w for w in _SUBJECT_WORDS.findall(text, max(a, num.start - 60), before.end())
             if w.lower() not in _TOTAL_FILLER]  # fmt: skip
    subject = " ".join(words[-3:])
    return (None, subject, num.end) if subject else None


def find(doc: Doc) -> list[ExtractedClaim]:
    text = doc.text
    out: list[ExtractedClaim] = []
    for num in doc.numbers:
        raw = text[num.start : num.end]
        qualifier, q_start = qualifier_before(text, num.start)
        if _YEARISH.match(raw) or (
            q_start == num.start and _LABEL_BEFORE.search(text, max(0, num.start - 12), num.start)
        ):
            continue
        if num.words and num.value < 2 and num.value_max is None:
            continue  # "one official", "one day": not something a checker would count
        if _YEARISH.match(raw.split("-")[0]) and num.value_max is not None:
            continue  # "the 1991-2020 mean": a span of years labelling a baseline
        counted = _counted(doc, num) or _bare_total(doc, num, raw)
        if counted is None:
            continue
        unit, subject, end = counted
        if _definite_reference(text, num):
            continue
        if num.value_max is not None:
            qualifier = "range"
        out.append(
            doc.claim(
                "count",
                q_start,
                end,
                value=num.value,
                value_max=num.value_max,
                unit=unit,
                qualifier=qualifier,
                date=doc.tied_date(num.start, end),
                subject=subject,
            )
        )
    return out
