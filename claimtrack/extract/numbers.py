"""Numerals, number words and scale words: the numeric candidates every numeric kind starts from."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    # South Asian scales: "Rs 500 crore" is five billion rupees.
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
# Abbreviated scales that could be a unit ("5 m" is five metres) count only when attached
# to the digits or after a currency; the checker in money.py decides that.
SHORT_SCALES = frozenset({"k", "m", "mn", "mln", "bn", "bln", "b", "tn", "trn"})


def _cased(words: str) -> str:
    """'one|two' -> '[Oo]ne|[Tt]wo': lower case or capitalised, matched without IGNORECASE,
    which makes the scan of every text about twice as fast (all-capital words are rare)."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words.split("|"))


_SMALL_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety"
)
_SCALE_WORDS = "hundred|thousand|million|billion|trillion"
_FIRST_WORD = f"(?:{_cased(_SMALL_WORDS)})"
_WORD = f"(?:{_cased(_SMALL_WORDS + '|' + _SCALE_WORDS + '|dozen')})"
_WORDS = (
    rf"(?:(?:[Aa]n?\s+(?:{_cased(_SCALE_WORDS + '|dozen')})|{_FIRST_WORD})"
    rf"(?:(?:\s+|-)(?:and\s+)?{_WORD})*"
    # "two and a half", hyphened as a modifier: "a three-and-a-half-year term"
    rf"(?:(?:\s+|-)and(?:\s+|-)(?:a(?:\s+|-))?(?:half|quarter)"
    rf"(?:\s+(?:{_cased(_SCALE_WORDS)}))?)?)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_SCALE = (
    rf"(?:\s?(?:{_cased(_SCALE_WORDS + '|lakh|lakhs|crore|crores')})\b"
    r"|(?:k|K|m|M|mn|Mn|MN|mln|bn|Bn|BN|bln|b|B|tn|Tn|TN|trn)\b)"
)
# Reuters style spaces its abbreviations: "$1.2 bln", "36 mln euros".
_SPACED_SHORT = r"(?:\s(?:m|mn|mln|bn|bln|tn)\b)"
_NUM = rf"(?:(?:{_DIGITS})(?:{_SCALE}|{_SPACED_SHORT})?|{_WORDS})"

# A number, or a range of two: "1-2 billion", "10 to 15", "between 3 and 4 million".
NUMBER = re.compile(
    # The lookahead rejects, at once, positions that cannot start a numeral or number word.
    rf"(?=[\dzotfsenabZOTFSENAB.])(?<![\w.,/#@-])(?:[Bb]etween\s+)?(?P<a>{_NUM})"
    rf"(?:(?P<sep>\s*[-–—]\s*|\s+to\s+|\s+and\s+|\s+or\s+)(?P<b>{_NUM}))?(?!\w|[.,]\d)"
)
_NUM_ONLY = re.compile(rf"^(?:{_DIGITS})", re.IGNORECASE)


# "from 40 to 45", "rose by 2 to 5": a change and a new level, two figures, not a range.
CHANGE_BEFORE = re.compile(r"\b(?:[Ff]rom|(?P<verb>[a-z]+)\s+[Bb]y)\s+$")
_PAST_VERB = re.compile(r"[a-z]+ed|rose|fell|grew|cut|shrank|sank|soared|dropped")


def is_change(text: str, start: int, low: float, high: float) -> bool:
    """'from 40 to 45' and 'rose by 2% to 5%' are a change and a level; 'growing by 9% to 11%'
    is a range. Past tense says the change happened; a top far above the bottom is a level."""
    m = CHANGE_BEFORE.search(text, max(0, start - 24), start)
    if m is None:
        return False
    if m.group("verb") is None:
        return True
    return bool(_PAST_VERB.fullmatch(m.group("verb"))) or high > 3 * low


# Words joined by "and" where the word before is no scale: a list ("two and three"), while
# "one hundred and five" and "two and a half" are one number.
_SMALL_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety)"
)
_LISTED = re.compile(
    rf"(?P<a>(?:{_SMALL_WORD}[\s-]+)*{_SMALL_WORD})\s+and\s+(?P<b>(?!a\b|half\b)\S.*)$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Num:
    """A numeric candidate: ``text[start:end]`` is the number or range as written."""

    start: int
    end: int
    value: float
    value_max: float | None
    words: bool  # written in words ("three thousand")
    scaled: bool  # carries a scale word ("12bn", "1.2 million")
    short_scale: str | None  # the abbreviated scale word, if that is what it carries


def times_scale(value: float, factor: float) -> float:
    """value * factor without the float crumbs of the product ('$4.1bn' is 4100000000, not
    4099999999.9999995): the scales are powers of ten, so the exponent is written instead."""
    exponent = round(math.log10(factor)) if factor > 0 else 0
    if 10.0**exponent == factor:
        return float(f"{value!r}e{exponent}")
    return value * factor


def parse_words(text: str) -> float | None:
    """Value of a number written in words, or None when it is not one."""
    tokens = _WORD_SPLIT.split(text.lower().strip())
    total = 0.0
    current = 0.0
    seen = False
    fraction = 0.0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in ("a", "an"):
            current = current or 1.0
            seen = seen or (i + 1 < len(tokens))
        elif tok == "and":
            pass
        elif tok in _UNITS:
            current += _UNITS[tok]
            seen = True
        elif tok in _TENS:
            current += _TENS[tok]
            seen = True
        elif tok == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif tok == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif tok in ("thousand", "million", "billion", "trillion"):
            total += ((current or 1.0) + fraction) * SCALES[tok]
            current = 0.0
            fraction = 0.0
            seen = True
        elif tok == "half":
            fraction = 0.5
        elif tok == "quarter":
            fraction = 0.25
        else:
            return None
        i += 1
    if not seen:
        return None
    return total + current + fraction


_TAIL_WORD = re.compile(r"\s?([a-z]+)$", re.IGNORECASE)
_WORD_SPLIT = re.compile(r"[\s-]+")


def _split_scale(text: str) -> tuple[str, str | None]:
    m = _TAIL_WORD.search(text)
    if m and m.group(1).lower() in SCALES and _NUM_ONLY.match(text):
        return text[: m.start()].strip(), m.group(1).lower()
    return text, None


def parse_number(text: str) -> tuple[float, bool, str | None] | None:
    """(value, scaled, short_scale) of one number as written; None when unreadable."""
    if text.replace(",", "").replace(".", "", 1).isdigit():
        return float(text.replace(",", "")), False, None  # the common case: plain digits
    body, scale = _split_scale(text.strip())
    if _NUM_ONLY.match(body):
        try:
            value = float(body.replace(",", ""))
        except ValueError:
            return None
        if scale:
            value = times_scale(value, SCALES[scale])
        short = scale if scale in SHORT_SCALES else None
        return value, scale is not None, short
    words = parse_words(body)
    if words is None:
        return None
    scaled = bool(re.search(r"thousand|million|billion|trillion", body, re.IGNORECASE))
    return words, scaled, None


def _scale_of(text: str) -> str | None:
    if text[-1:].isdigit():
        return None
    scale = _split_scale(text.strip())[1]
    if scale is None and text.strip():
        last = text.split()[-1].lower()
        scale = last if last in ("thousand", "million", "billion", "trillion") else None
    return scale


def scan_numbers(text: str) -> list[Num]:
    """Every numeric candidate in ``text``, in order."""
    out: list[Num] = []
    for m in NUMBER.finditer(text):
        a_text = m.group("a")
        b_text = m.group("b")
        sep = m.group("sep")
        listed = _LISTED.match(a_text) if b_text is None and " and " in a_text else None
        if listed:
            # "between two and three years": two numbers in words, not one of five.
            a_text, b_text, sep = listed.group("a"), listed.group("b"), " and "
        a = parse_number(a_text)
        if a is None:
            continue
        value, scaled, short = a
        value_max: float | None = None
        end = m.end()
        if b_text is not None:
            b = parse_number(b_text)
            sep = sep.strip().lower()
            between = m.group(0).lower().startswith("between")
            change = sep == "to" and b is not None and is_change(text, m.start(), a[0], b[0])
            alternatives = sep == "or" and b is not None and not _close(a[0], b[0])
            if b is None or (sep == "and" and not between) or change or alternatives:
                # "from 40 to 45" is a change between two figures, not a range.
                # "3 and 4" without "between" is two numbers; keep the first only.
                # "three or four days" is a range; "5 or 50" two figures set side by side.
                end = m.start("a") + len(a_text)
            else:
                value_max, b_scaled, b_short = b
                b_scale = _scale_of(b_text)
                if b_scaled and not scaled and b_scale:
                    # "1-2 billion": the scale of the top applies to the bottom too.
                    value = times_scale(value, SCALES[b_scale])
                scaled = scaled or b_scaled
                short = short or b_short
                if value_max < value:
                    end = m.start("a") + len(a_text)
                    value_max = None
        start = m.start("a") if b_text is None or value_max is None else m.start()
        if value_max is None:
            end = m.start("a") + len(a_text)
        if a_text[:1] in "aA" and a_text[1:2] in " n":
            part = _PART_BEFORE.search(text, max(0, start - 22), start)
            if part:
                # "half a million", "a quarter of a million", "three quarters of a billion"
                share = _PART_OF_WORD[part.group("part").lower().rstrip("s")]
                if part.group("three"):
                    share *= 3
                value *= share
                value_max = value_max * share if value_max is not None else None
                start = part.start()
        words = not a_text[:1].isdigit() and a_text[:1] != "."
        out.append(Num(start, end, value, value_max, words, scaled, short))
        if b_text is not None and value_max is None and sep in ("to", "and", "or"):
            # "rose from 40 to 45", "two and three people": the second figure stands alone.
            b_start = m.start("a") + listed.start("b") if listed else m.start("b")
            second = _single(b_text, b_start)
            if second is not None:
                out.append(second)
    glued = _glued(text)
    if glued:
        out = sorted(out + glued, key=lambda n: n.start)
    return out


_PART_BEFORE = re.compile(
    r"(?<![\w-])(?:(?P<three>three)[\s-]+|(?:a|one)[\s-]+)?(?P<part>half|quarters?|third)"
    r"(?:\s+of)?\s+$",
    re.IGNORECASE,
)
_PART_OF_WORD = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}


# Digits written onto a currency code or a unit, which the scan above leaves out (it takes digits
# touching letters for names: "G7", "F-16"): "CHF900m", "USD5bn", "42km", "3,400km", "450MW",
# "12mg".
# Each is found from a plain pattern that the regex engine skips to fast, then checked.
_CODE_DIGIT = re.compile(r"(?:USD|EUR|GBP|CHF|JPY|CNY|INR|AUD|CAD|SEK|NOK|DKK|PLN)(?=\d)")
_DIGIT_UNIT = re.compile(r"[kcmMGTp](?<=\d[kcmMGTp])")  # the letter first: the faster scan
# ("40pc": the British papers' per cent)
_GLUED_UNIT = re.compile(r"(?:km|kg|mm|cm|mg|ml|mL|MW|GW|kW|MWh|GWh|TWh|kWh|mph|kph|pc)\b")
_GLUED_NUMBER = re.compile(rf"(?P<n>{_DIGITS})(?P<s>(?:bn|m|mn|k|million|billion)\b)?")


def _glued(text: str) -> list[Num]:
    starts: list[tuple[int, bool]] = []
    for m in _CODE_DIGIT.finditer(text):
        if not (m.start() and text[m.start() - 1].isalpha()):
            starts.append((m.end(), True))
    for m in _DIGIT_UNIT.finditer(text):
        if _GLUED_UNIT.match(text, m.start()):
            begin = m.start() - 1
            while begin > 0 and (text[begin - 1].isdigit() or text[begin - 1] in ",."):
                begin -= 1
            if not (begin and (text[begin - 1].isalnum() or text[begin - 1] in "_.,")):
                starts.append((begin, False))
    out: list[Num] = []
    for begin, code in sorted(set(starts)):
        g = _GLUED_NUMBER.match(text, begin)
        if g is None or (not code and g.group("s")):
            continue
        raw = g.group(0) if code else g.group("n")
        parsed = parse_number(raw)
        if parsed is None:
            continue
        value, scaled, short = parsed
        out.append(Num(begin, begin + len(raw), value, None, False, scaled, short))
    return out


def _close(low: float, high: float) -> bool:
    """'three or four', 'ten or 12': neighbouring guesses, so one vague figure."""
    return low < high <= max(2 * low, low + 2)


def _single(raw: str, start: int) -> Num | None:
    parsed = parse_number(raw)
    if parsed is None:
        return None
    value, scaled, short = parsed
    words = not raw[:1].isdigit() and raw[:1] != "."
    return Num(start, start + len(raw), value, None, words, scaled, short)


_QUALIFIER_BEFORE = re.compile(
    r"(?:\b|(?=~))(?P<q>more\s+than|over|above|at\s+least|a\s+minimum\s+of|in\s+excess\s+of|upwards\s+of|no\s+fewer\s+than|"
    r"no\s+less\s+than|exceeding|just\s+over|well\s+over|"
    r"up\s+to|less\s+than|fewer\s+than|under|below|at\s+most|no\s+more\s+than|as\s+many\s+as|a\s+maximum\s+of|"
    r"as\s+much\s+as|just\s+under|nearly|almost|"
    r"about|around|some|roughly|approximately|an\s+estimated|estimated|close\s+to|closer\s+to|"
    r"circa|approx\.|~|nearly|around|within|maybe|perhaps)(?:\s+|(?<=~))(?:a\s+|an\s+)?$",
    re.IGNORECASE,
)
_QUALIFIER_OF = {
    "more than": "at_least", "over": "at_least", "above": "at_least", "at least": "at_least",
    "in excess of": "at_least", "upwards of": "at_least", "no fewer than": "at_least",
    "no less than": "at_least", "exceeding": "at_least", "just over": "at_least",
    "well over": "at_least", "a minimum of": "at_least",
    "up to": "at_most", "less than": "at_most", "fewer than": "at_most", "under": "at_most",
    "below": "at_most", "at most": "at_most", "no more than": "at_most", "as many as": "at_most",
    "as much as": "at_most", "just under": "at_most", "nearly": "approx", "almost": "approx",
    "closer to": "approx",
    "a maximum of": "at_most", "within": "at_most",
}  # fmt: skip


_SPREAD_BEFORE = re.compile(
    r"\b(?:spread|spreads|stretched|stretches|stretching|extending|extends|spanning|spans|"
    r"covering|covers|scattered|distributed)\s+$"
)


# "costs could run to £2m", "capped at 40": a bound the verb sets, outside the span.
_BOUND_VERB = re.compile(
    r"\b(?:run|runs|running|ran|rise|rising|go)\s+(?:as\s+high\s+as|to)\s+$"
    r"|\b(?:capped|limited|restricted)\s+(?:at|to)\s+$"
)
_BOUND_VERB_BEFORE = re.compile(r"\b(?:could|may|might|can|would|will)\s+$")


def _bound_verb(text: str, start: int) -> bool:
    m = _BOUND_VERB.search(text, max(0, start - 24), start)
    if m is None:
        return False
    if text[m.start() : m.start() + 2] in ("ca", "li", "re"):
        return True
    # "could run to" is a ceiling; "prices rose to" is a level reached.
    return bool(_BOUND_VERB_BEFORE.search(text, max(0, m.start() - 8), m.start()))


# The last word of every qualifier above and of the bound verbs ("run to", "capped at"), lower
# case; with "a"/"an" for "about a year". A number after any other word has no qualifier.
_QUALIFIER_ENDS = frozenset(
    """than over above least of excess exceeding up to under below most as many much nearly
    almost about around some roughly approximately estimated circa approx. ~ within a an at
    closer close maybe perhaps""".split()  # noqa: SIM905
)


def qualifier_before(text: str, start: int, article: bool = False) -> tuple[str, int]:
    """The qualifier written just before ``start`` and where its words begin.

    With ``article`` false, "about a $425 million package" is a preposition, not a qualifier;
    durations pass true for "about a year and a half".
    """
    window_start = max(0, start - 24)
    last = text[window_start:start].rsplit(None, 2)
    if not last or last[-1].lower().lstrip("([\"'“‘") not in _QUALIFIER_ENDS:
        return "exact", start  # the cheap test first: most numbers follow no such word
    m = _QUALIFIER_BEFORE.search(text, window_start, start)
    if not m:
        return ("at_most" if _bound_verb(text, start) else "exact"), start
    phrase = " ".join(m.group("q").lower().split())
    qualifier = _QUALIFIER_OF.get(phrase, "approx")
    if phrase == "over" and _SPREAD_BEFORE.search(text, max(0, m.start() - 14), m.start()):
        return "exact", start  # "spread over 1,000 acres" is where, not how much
    has_article = text[m.end("q") : m.end()].strip().lower() in ("a", "an")
    if not article and has_article and qualifier == "approx":
        return "exact", start  # "about a $425 million package": what it is about
    return qualifier, m.start()
