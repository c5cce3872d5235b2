"""Durations: "18 months", "two and a half years", "more than a year and a half"."""

from __future__ import annotations

import re

from .doc import Doc
from .numbers import Num, qualifier_before
from .subjects import figure_subject, names_a_thing, phrase_after
from .types import ExtractedClaim

_UNIT = r"(?P<unit>year|month|week|day|hour|minute|decade|fortnight|centur(?=y|ies))(?:s|y|ies)?"
# "nine strike days", "three working days", "eleven consecutive days": a word of the kind of day.
_KIND_OF_DAY = (
    r"consecutive|straight|full|successive|strike|school|business|rest|match|sick|holiday|race|"
    r"session|[a-z]{3,}ing"
)
_UNIT_HINT = re.compile(r"year|month|week|day|hour|minute|decade|fortnight|centur", re.IGNORECASE)
_AFTER_NUMBER = re.compile(
    rf"(?:\s+(?:{_KIND_OF_DAY}))?[\s-]{_UNIT}\b(?P<half>\s+and\s+a\s+half)?",
    re.IGNORECASE,
)
# "a year and a half", "half a year", "a year" (only with a qualifier, since "a year" is a rate).
# It opens with the letter a word must start with, so the scan skips fast to candidates.
_ARTICLE_FORM = re.compile(
    rf"[ah](?<!\w[ah])(?:(?<=a)n?\s+{_UNIT}(?P<half>\s+and\s+a\s+half)?"
    r"|(?<=h)alf\s+an?\s+(?P<hunit>year|month|week|day|hour))\b",
    re.IGNORECASE,
)
_THE_NEXT = re.compile(r"[^.;]{0,40}?\b(?:and|but|or)\b[^.;]{0,30}?\bthe\s+next\b")
_WITHIN = re.compile(r"\bwithin\s+$", re.IGNORECASE)
# Offsets and ages are times, not durations: "two years ago", "a week earlier", "10 years old".
_NOT_DURATION = re.compile(
    r"(?:-old\b|\s+(?:ago|earlier(?!\s+than)|later(?!\s+than)|from\s+now|after)\b"
    # "two years on," is an offset; "for the first time in 31 years on Saturday" is not
    r"|\s+on(?=\s*[,.;]|\s+from\b|\s+since\b))",
    re.IGNORECASE,
)
# "published eight days before the vote": when an event happened, an offset; "serve at least
# eight years before parole" and "comes three weeks before the election" are stretches.
_BEFORE = re.compile(r"\s+before\b")
_EVENT_BEFORE = re.compile(
    r"\b(?:published|announced|released|held|signed|issued|sent|conducted|called|passed|"
    r"filed|made)\s+(?:just\s+|only\s+)?$"
)
# "the 10-year bond": a maturity naming a security, not a stretch of time claimed.
_SECURITY = re.compile(
    r"\s*(?:bonds?|notes?|gilts?|treasur(?:y|ies)|yields?|bunds?|swaps?)\b", re.IGNORECASE
)
# "410,000 barrels a day": the rate of a figure, not a duration.
_RATE_BEFORE = re.compile(r"\d[\d,.]*(?:\s+(?:million|billion|thousand))?\s+[a-z]+s\s+$")


_OF_THE = re.compile(r"\s+(?:of|into|in)\s+(?:the\s+)?")


def _normal_unit(unit: str) -> tuple[str, float]:
    unit = unit.lower()
    # The contract's duration units stop at year: "two decades" is 20 years.
    if unit == "decade":
        return "year", 10.0
    if unit.startswith("centur"):
        return "year", 100.0
    if unit == "fortnight":
        return "week", 2.0  # so that "a fortnight" meets "two weeks"
    if unit == "minute":
        return "hour", 1 / 60  # the contract's smallest unit: "90 minutes" meets "1.5 hours"
    return unit, 1.0


def _qualifier(doc: Doc, start: int) -> tuple[str, int]:
    w = _WITHIN.search(doc.text, max(0, start - 8), start)
    if w:
        return "at_most", w.start()
    qualifier, q_start = qualifier_before(doc.text, start, article=True)
    if doc.text[q_start:start].lower().startswith("over"):
        return "exact", start  # "over 18 months" is the stretch of time, not a bound
    return qualifier, q_start


def _subject(doc: Doc, start: int, end: int) -> str | None:
    a, b = doc.sentences.bounds(start, end)
    m = _OF_THE.match(doc.text, end, b)
    if m:  # "two days of talks", "a year and a half into the talks"
        phrase, _ = phrase_after(doc.text, m.end(), b, max_words=3)
        if phrase and names_a_thing(phrase):
            return phrase
    return figure_subject(doc.text, a, b, start, end, duration=True)


# "seven days a week", "24 hours a day": a schedule, not a stretch of time.
_SCHEDULE = re.compile(r"\s+(?:a|an|per|each)\s+(?:week|day|month|year)\b")
# "the first three months of the year": a part of a period, named, not a duration claimed.
_PART_OF = re.compile(r"\b[Tt]he\s+(?:first|last|final|opening|closing)\s+$")
_OF_PERIOD = re.compile(r"\s+of\s+(?:the|this|that|a|its|their|each|every|\d)", re.IGNORECASE)


# "for a year", "over a fortnight": the preposition of a stretch of time, not of a rate.
_STRETCH_BEFORE = re.compile(r"\b(?:[Ff]or|[Oo]ver)\s+$")
# ... ending its phrase: "for a day pass", "for a month's rent" name a thing, not a length.
_STRETCH_END = re.compile(
    r"\s*(?:[,.;:)!?\"”]|$)|\s+(?:of|in|on|at|and|or|but|from|to|until|before|after|while|when|"
    r"as|starting|beginning|since|with|without|because|if|unless)\b"
)


# "takes 90 minutes", "waited 40 minutes": a verb that measures a length.
_LENGTH_VERB = re.compile(
    r"\b(?:takes?|took|taking|lasts?|lasted|lasting|waited|waits?|waiting|spent|spends?)\s+"
    r"(?:just\s+|only\s+|barely\s+)?$"
)


def _claim(doc: Doc, start: int, end: int, value: float, unit: str) -> ExtractedClaim | None:
    text = doc.text
    offset = _NOT_DURATION.match(text, end)
    if offset and not _a_length(doc, start, offset.group(0)):
        return None
    if _SCHEDULE.match(text, end):
        return None
    if _BEFORE.match(text, end) and _EVENT_BEFORE.search(text, max(0, start - 30), start):
        return None
    if text[end - 5 : end].lower() == "-year" and _SECURITY.match(text, end):
        return None
    if _PART_OF.search(doc.text, max(0, start - 16), start) and _OF_PERIOD.match(doc.text, end):
        return None  # "the first three months of the year"; "the last ten weeks" is a stretch
    qualifier, q_start = _qualifier(doc, start)
    if (
        unit.lower() == "minute"
        and qualifier == "exact"
        and not _LENGTH_VERB.search(text, max(0, start - 20), start)
    ):
        # bare minutes are mostly match clocks and reading times ("after 11 minutes", "2
        # minutes to read"); bounded or measured ones state a rule or a wait ("at least 30
        # minutes", "the journey takes 90 minutes")
        return None
    unit, factor = _normal_unit(unit)
    return doc.claim(
        "duration", q_start, end, value=value * factor, unit=unit, qualifier=qualifier,
        date=doc.tied_date(start, end), subject=_subject(doc, q_start, end),
    )  # fmt: skip


_BEGAN = re.compile(
    r"\b(?:appointed|elected|hired|joined|took\s+(?:charge|over|office)|founded|started|"
    r"opened|launched|arrived|began)\b[^.;]*$",
    re.IGNORECASE,
)


_GAP_VERB = re.compile(r"\b(?:falls?|expires?|lapses?|runs\s+out|ends?|closes?)\s+$")


def _a_length(doc: Doc, start: int, offset: str) -> bool:
    """An offset that still claims a length of time: "appointed 30 months ago" (a
    tenure so far), "more than two years after the invasion" (a bound on the gap). "three days
    after the storm" only places an event."""
    word = offset.split()[0].lower() if offset.split() else ""
    if word == "ago":
        # only after a beginning that still lasts: "appointed 30 months ago" is a tenure;
        # "two weeks ago I said" is when something happened
        return _BEGAN.search(doc.text, max(0, start - 40), start) is not None
    if word != "after":
        return False
    # "the deadline falls 28 days after this announcement": the span of a period set by rule
    q = _qualifier(doc, start)
    return q[0] != "exact" or _GAP_VERB.search(doc.text, max(0, q[1] - 20), q[1]) is not None


def find(doc: Doc) -> list[ExtractedClaim]:
    text = doc.text
    out: list[ExtractedClaim] = []
    by_start = {num.start: num for num in doc.numbers}
    for num in doc.numbers:
        if not _UNIT_HINT.search(text, num.end, num.end + 24):
            continue  # the cheap test first: most numbers are followed by no unit of time
        m = _AFTER_NUMBER.match(text, num.end)
        if not m or num.scaled:
            continue
        one = num.words and num.value == 1 and text[num.start : num.end].lower() == "one"
        if one and m.group("unit").lower() == "day":
            continue  # "one day" is an idiom far more often than a duration; "one year" is not
        if one and _THE_NEXT.match(text, m.end()):
            continue  # "safe one week and gone the next": a contrast of times, no length
        value = num.value + (0.5 if m.group("half") else 0.0)
        claim = _claim(doc, num.start, m.end(), value, m.group("unit"))
        if claim is not None:
            if num.value_max is not None:
                claim = _with_range(doc, claim, num.value_max)
            out.append(claim)
            out += _elided(doc, claim, by_start)
    for m in _ARTICLE_FORM.finditer(text):
        if doc.in_no_go(m.start(), m.end()):
            continue
        if m.group("hunit"):
            value, unit = 0.5, m.group("hunit")
        else:
            value = 1.5 if m.group("half") else 1.0
            unit = m.group("unit")
            qualifier, _ = _qualifier(doc, m.start())
            long_span = unit.lower() in ("decade", "centur")
            stretch = re.match(r"\s+of\s+[a-z]", text[m.end() : m.end() + 8])
            stretch = stretch or (
                _STRETCH_BEFORE.search(text, max(0, m.start() - 6), m.start())
                and _STRETCH_END.match(text, m.end())
            )
            if not m.group("half") and qualifier == "exact" and not (long_span or stretch):
                continue  # "a year" alone is usually a rate ("tonnes a year")
            if _RATE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue  # "410,000 barrels a day of oil"
        claim = _claim(doc, m.start(), m.end(), value, unit)
        if claim is not None:
            out.append(claim)
    out.sort(key=lambda c: c.start)
    return out


# "nine months, maybe twelve. It was eighteen.": bare numbers that reuse the unit just given.
_ELIDED = (
    re.compile(r",?\s+(?:or|maybe|perhaps|possibly|probably|even)\s+(?=\w)"),
    re.compile(r"[.;]\s+(?:It|That|This)\s+(?:was|took|lasted|is)\s+(?=\w)"),
)
_BARE_END = re.compile(r"\s*[.,;!?\"”’)]")


def _elided(doc: Doc, claim: ExtractedClaim, by_start: dict[int, Num]) -> list[ExtractedClaim]:
    found: list[ExtractedClaim] = []
    end = claim.end
    for link in _ELIDED:
        m = link.match(doc.text, end)
        num = by_start.get(m.end()) if m else None
        if num is None or num.scaled or not _BARE_END.match(doc.text, num.end):
            break
        found.append(doc.claim(
            "duration", num.start, num.end, value=num.value, unit=claim.unit, qualifier="exact",
            date=claim.date, subject=_subject(doc, num.start, num.end),
        ))  # fmt: skip
        end = num.end
    return found


def _with_range(doc: Doc, claim: ExtractedClaim, top: float) -> ExtractedClaim:
    return doc.claim(
        "duration", claim.start, claim.end, value=claim.value, value_max=top, unit=claim.unit,
        qualifier="range", date=claim.date, subject=claim.subject,
    )  # fmt: skip
