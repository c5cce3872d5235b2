"""Figures made comparable: one unit per dimension, and the interval a written figure allows."""

from __future__ import annotations

import functools
import math
import re

from claimtrack.words import stem

# Durations are converted (1.5 years == 18 months); currencies never are.
_DAYS = {"year": 365.25, "month": 365.25 / 12, "week": 7.0, "day": 1.0, "hour": 1 / 24}
_DURATION_WORDS = {
    "year": "year", "yr": "year", "month": "month", "week": "week", "day": "day",
    "hour": "hour", "hr": "hour",
}  # fmt: skip
# Quantity units to (dimension, factor to the base unit).
_QUANTITY = {
    "mm": ("length", 0.001), "cm": ("length", 0.01), "m": ("length", 1.0),
    "km": ("length", 1000.0), "mile": ("length", 1609.344), "mi": ("length", 1609.344),
    "g": ("mass", 0.001), "kg": ("mass", 1.0), "t": ("mass", 1000.0),
    "tonne": ("mass", 1000.0), "ton": ("mass", 1000.0),
    "w": ("power", 1.0), "kw": ("power", 1e3), "mw": ("power", 1e6), "gw": ("power", 1e9),
    "kwh": ("energy", 1e3), "mwh": ("energy", 1e6), "gwh": ("energy", 1e9),
    "twh": ("energy", 1e12),
    "l": ("volume", 0.001), "litre": ("volume", 0.001), "liter": ("volume", 0.001),
    "km2": ("area", 1e6), "km²": ("area", 1e6), "ha": ("area", 1e4), "hectare": ("area", 1e4),
    "sq km": ("area", 1e6), "square kilometre": ("area", 1e6),
    "mg": ("mass", 1e-6), "mt": ("mass", 1e9), "gt": ("mass", 1e12),
    "ml": ("volume", 1e-6), "m3": ("volume", 1.0), "m2": ("area", 1.0),
    "ft": ("length", 0.3048), "ft2": ("area", 0.09290304),
    "mbps": ("data rate", 1e6), "gbps": ("data rate", 1e9),
}  # fmt: skip
# Counted nouns that name the same kind of thing.
_COUNT_SYNONYMS = {"troop": "soldier", "person": "people", "personnel": "soldier"}

# How far a figure may sit from the truth and still be that figure rounded or approximated.
ROUNDING_CAP = 0.05  # rounding never excuses more than 5 % ("10,000" is not "8,000")
# "about", "some", "nearly": each side of a comparison gets this much, so two approximations
# ("about 1,600" and "about 1,900") still differ while "about 3,000" meets 3,200.
APPROX_WIDTH = 0.07
# A share in words ("a fifth", "half", "two-thirds") is the nearest simple fraction to the
# figure, not the figure: "about a fifth" is said of anything from 18% to 22%.
FRACTION_WIDTH = 0.10
FLOAT_SLACK = 0.005  # unit conversions (365.25 / 12) leave crumbs
HALF_STEP = 0.499

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_FRACTION = re.compile(
    r"\b(?:half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)\b", re.IGNORECASE
)
# A whole and a part ("four and a half years") is a figure written out, not a share rounded
# to the nearest simple fraction.
_AND_A = re.compile(r"\band\s+(?:a|one|two|three)\s+(?:half|thirds?|quarters?)\b", re.IGNORECASE)
# "2.5 percentage points", "3 points", "4pp", "4 pp" (digits may touch "pp").
_POINTS = re.compile(r"(?<![a-z])points?(?![a-z])|(?<![a-z])pp(?![a-z])", re.IGNORECASE)


def dimension(kind: str, unit: str | None, span: str = "") -> tuple[str, float] | None:
    """(dimension, factor to its base unit) for a numeric claim, None if it cannot be compared."""
    # Percentage points are another quantity than percent: a 2 pp rise is not a 2 % one. The
    # contract gives both the unit %, so the span tells them apart.
    points = kind == "percent" and bool(_POINTS.search(span))
    return _dimension(kind, unit, points)


@functools.lru_cache(maxsize=4096)
def _dimension(kind: str, unit: str | None, points: bool) -> tuple[str, float] | None:
    u = (unit or "").strip().lower()
    if kind == "money":
        return (f"money:{u.upper()}", 1.0) if u else None
    if kind == "percent":
        points = points or u in ("pp", "percentage points")
        return ("percent:pp", 1.0) if points else ("percent", 1.0)
    base = stem(u) if u else ""
    if base in _DURATION_WORDS and kind in ("duration", "count"):
        return ("duration", _DAYS[_DURATION_WORDS[base]])
    if u in _QUANTITY or base in _QUANTITY:
        dim, factor = _QUANTITY.get(u) or _QUANTITY[base]
        return (f"quantity:{dim}", factor)
    if kind == "quantity":
        return (f"quantity:{u}", 1.0) if u else None
    if kind == "count":
        noun = _COUNT_SYNONYMS.get(base, base)
        return (f"count:{noun}", 1.0) if noun else None
    return None


def rounding_step(span: str, value: float) -> float:
    """The step a figure was written to: '$7bn' -> 1e9, '$7.1 billion' -> 1e8, '27' -> 1."""
    m = _NUMBER.search(span or "")
    if m is None:
        text = f"{value:.0f}" if value == int(value) else repr(value)
        written, scale = float(text), 1.0
    else:
        text = m.group(0).replace(",", "")
        written = float(text)
        scale = value / written if written else 1.0
    if "." in text:
        step = 10.0 ** -len(text.split(".")[1])
    else:
        stripped = text.rstrip("0")
        step = 10.0 ** (len(text) - len(stripped)) if stripped else 1.0
    return step * scale


def interval(
    value: float,
    value_max: float | None,
    qualifier: str | None,
    span: str,
    factor: float,
    counted: bool = False,
) -> tuple[float, float]:
    """What the written figure allows, in base units.

    A count of things written to the unit is exact ("27 member states"); any other figure may
    be a rounding to the last digit written ("33%" of 33.3 %, "$7bn" of $7.1bn). Just under half
    a step, so that "25%" and "26%" still disagree.
    """
    step = rounding_step(span, value) * factor
    lo = value * factor
    hi = (value_max if value_max is not None else value) * factor
    exact = counted and step <= factor and value == int(value) and "." not in (span or "")
    half = 0.0 if exact else min(HALF_STEP * step, ROUNDING_CAP * abs(lo))
    if span and not _NUMBER.search(span) and _FRACTION.search(span) and not _AND_A.search(span):
        half = max(half, FRACTION_WIDTH * abs(lo))
    q = qualifier or "exact"
    if q == "approx":
        half = max(half, APPROX_WIDTH * abs(lo))
    lo, hi = lo - half, hi + half
    if q == "at_least":
        hi = math.inf
    elif q == "at_most":
        lo = -math.inf
    if factor == 1.0:
        return lo, hi
    # Converted units (365.25 / 12 days a month) leave crumbs.
    slack = FLOAT_SLACK * max(
        abs(lo) if math.isfinite(lo) else 0, abs(hi) if math.isfinite(hi) else 0
    )
    return lo - slack, hi + slack


_AMOUNT = re.compile(
    r"([$€£¥])\s?(\d[\d,]*(?:\.\d+)?)\s?(trillion|trn|billion|bn|million|mn|m|thousand|k)?\b",
    re.IGNORECASE,
)
_SCALE = {"trillion": 1e12, "trn": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "mn": 1e6,
          "m": 1e6, "thousand": 1e3, "k": 1e3}  # fmt: skip


@functools.lru_cache(maxsize=8192)
def amounts(sentence: str) -> tuple[tuple[str, float], ...]:
    """The sums of money a sentence names, by currency sign ("$2.5bn" -> ("$", 2.5e9))."""
    if not any(sign in sentence for sign in "$€£¥"):
        return ()
    out = []
    for m in _AMOUNT.finditer(sentence):
        scale = _SCALE.get((m.group(3) or "").lower(), 1.0)
        out.append((m.group(1), float(m.group(2).replace(",", "")) * scale))
    return tuple(out)


@functools.lru_cache(maxsize=8192)
def placed_amounts(sentence: str) -> tuple[tuple[str, float, int], ...]:
    """The sums of money a sentence names, with where each starts."""
    if not any(sign in sentence for sign in "$€£¥"):
        return ()
    out = []
    for m in _AMOUNT.finditer(sentence):
        scale = _SCALE.get((m.group(3) or "").lower(), 1.0)
        out.append((m.group(1), float(m.group(2).replace(",", "")) * scale, m.start()))
    return tuple(out)


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def far_apart(a: float, b: float, limit: float = 3.0) -> bool:
    """Figures an order of magnitude apart are almost always two different things."""
    if a <= 0 or b <= 0:
        return a != b and (a <= 0) != (b <= 0)
    return max(a, b) / min(a, b) > limit
