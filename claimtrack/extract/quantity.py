"""Quantities with a measurement unit: '1,200 km', '14 million tonnes', '450-megawatt', '9 GW'."""

from __future__ import annotations

import re

from .doc import Doc
from .numbers import qualifier_before
from .subjects import figure_subject, inherit_subjects
from .types import ExtractedClaim

# Written unit -> symbol. Longer spellings first so the regex prefers them.
_UNITS: dict[str, str] = {
    "square kilometres": "km2", "square kilometers": "km2", "square kilometre": "km2",
    "square kilometer": "km2", "sq km": "km2", "km2": "km2", "km²": "km2",
    "square miles": "mi2", "square mile": "mi2", "square-kilometre": "km2",
    "square-kilometer": "km2", "square-mile": "mi2", "square metre": "m2", "square meter": "m2",
    "square-metre": "m2", "square-meter": "m2", "cubic-metre": "m3", "cubic-meter": "m3",
    "cubic metres": "m3", "cubic meters": "m3", "cubic metre": "m3", "cubic meter": "m3",
    "m3": "m3", "m³": "m3", "bcm": "bcm",
    "square metres": "m2", "square meters": "m2", "sq m": "m2", "m2": "m2", "m²": "m2",
    "sq miles": "mi2",
    "km/h": "km/h", "kph": "km/h", "kilometres per hour": "km/h", "kilometers per hour": "km/h",
    "kilometres an hour": "km/h", "kilometers an hour": "km/h", "km an hour": "km/h",
    "mph": "mph", "miles per hour": "mph", "miles an hour": "mph", "knots": "kn",
    # Air quality: "212 micrograms per cubic metre", "15 µg/m³" (micro sign or Greek mu).
    "micrograms per cubic metre": "µg/m3", "micrograms per cubic meter": "µg/m3",
    "µg/m3": "µg/m3", "µg/m³": "µg/m3", "μg/m3": "µg/m3", "μg/m³": "µg/m3", "ug/m3": "µg/m3",
    "milligrams per cubic metre": "mg/m3", "milligrams per cubic meter": "mg/m3",
    "mg/m3": "mg/m3", "mg/m³": "mg/m3", "parts per million": "ppm", "ppm": "ppm",
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "km": "km",
    "miles": "mi", "mile": "mi",
    "metres": "m", "meters": "m", "metre": "m", "meter": "m",
    "centimetres": "cm", "centimeters": "cm", "cm": "cm",
    "millimetres": "mm", "millimeters": "mm", "mm": "mm",
    "hectares": "ha", "hectare": "ha", "ha": "ha", "acres": "acre", "acre": "acre",
    "metric tonnes": "t", "metric tons": "t", "tonnes": "t", "tonne": "t", "tons": "t",
    "ton": "t", "kilograms": "kg", "kilogrammes": "kg", "kilogram": "kg", "kg": "kg",
    "grams": "g", "grammes": "g", "milligrams": "mg", "milligram": "mg", "mg": "mg",
    "micrograms": "µg", "microgram": "µg", "lbs": "lb",
    "square feet": "ft2", "square foot": "ft2", "square-foot": "ft2", "sq ft": "ft2",
    "feet": "ft", "foot": "ft", "ft": "ft", "inches": "in", "yards": "yd",
    "megatonnes": "Mt", "megatonne": "Mt", "gigatonnes": "Gt", "gigatonne": "Gt",
    "g": "g", "decibels": "dB", "dB": "dB", "mmHg": "mmHg", "Mbps": "Mbps", "Gbps": "Gbps",
    "gallons": "gal", "cubic feet": "ft3", "bpd": "barrels", "kilovolts": "kV", "kV": "kV",
    "megawatt-hours": "MWh", "megawatt hours": "MWh", "gigawatt-hours": "GWh",
    "gigawatt hours": "GWh", "terawatt-hours": "TWh", "terawatt hours": "TWh",
    "kilowatt-hours": "kWh", "kilowatt hours": "kWh",
    "MWh": "MWh", "GWh": "GWh", "TWh": "TWh", "kWh": "kWh",
    "megawatts": "MW", "megawatt": "MW", "gigawatts": "GW", "gigawatt": "GW",
    "kilowatts": "kW", "kilowatt": "kW", "MW": "MW", "GW": "GW", "kW": "kW",
    "barrels": "barrels", "barrel": "barrels",
    "litres": "l", "liters": "l", "litre": "l", "liter": "l",
    "millilitres": "ml", "milliliters": "ml", "millilitre": "ml", "milliliter": "ml", "ml": "ml",
    "mL": "ml",
    "degrees Celsius": "°C", "degrees centigrade": "°C", "°C": "°C", "ºC": "°C",
    "degrees Fahrenheit": "°F", "°F": "°F", "ºF": "°F", "degrees": "°C", "°": "°C",
    "C": "°C", "F": "°F",
}  # fmt: skip
# Symbols that also spell other things: only attached to the digits ("40C", not "40 C").
_ATTACHED_ONLY = frozenset({"C", "F", "°"})
# "mg", "ml", "g" too: in capitals they spell other things ("5 ML", "the MG 4", "5G").
_CASE_SENSITIVE = frozenset(
    {"MWh", "GWh", "TWh", "kWh", "MW", "GW", "kW", "m3", "km2", "m2", "kV", "C", "F", "ft", "mg",
     "ml", "mL", "g", "dB", "mmHg", "Mbps", "Gbps"}
)  # fmt: skip
_UNIT_RE = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_AFTER = re.compile(rf"(?P<gap>[\s-]|\s?-\s?)?(?P<unit>{_UNIT_RE})(?![\w²³])", re.IGNORECASE)
_RATE = re.compile(
    r"\s+(?:a|per|each)\s+(?:year|day|month|hour|week)\b"
    r"(?!\s+(?:earlier|later|ago|before|after|on|from|previously)\b)",
    re.IGNORECASE,
)


# A conversion in brackets right after a quantity: "winds of up to 50 km/h (31 mph)".
_CONVERSION = re.compile(r"\s*\(\s*")
_OF_THE = re.compile(r"\s+(?:of\s+)?(?:the\s+)?")
_ANGLE = re.compile(
    r"\b(?:angle|angled|rotat\w*|turn(?:s|ed|ing)?|tilt\w*|slope\w*|inclin\w*|latitude|"
    r"longitude|arc|compass|U-turn|pivot\w*)\b",
    re.IGNORECASE,
)
_TEMPERATURES = frozenset({"°C", "°F"})
_MINUS = re.compile(r"(?:\bminus\s+|(?<![\w.,])[−-])$", re.IGNORECASE)
_HEIGHTS = frozenset({"m", "ft"})
# "below 2,000 metres", "above 5,200 metres": a band of altitude, a place rather than a bound.
_ALTITUDE = re.compile(r"(?:below|above|under|over)\s", re.IGNORECASE)
# ... when a verb of lying or falling places something there; "pushed the freezing level above
# 5,200 metres" is a level exceeded.
_WHERE_VERB = re.compile(
    r"\b(?:fell|falls?|falling|lies|lie|lying|located|situated|found|grows?|growing|lives?|"
    r"living|built|sits?|stands?)\b(?:\s+[\w-]+){0,3}\s+$",
    re.IGNORECASE,
)


# Spellings matched in any case; symbols like "mw" in lower case are not trusted ("5 mw" is
# rare, "5 m" is metres).
_UNITS_ANY_CASE = {w.lower(): sym for w, sym in _UNITS.items() if w not in _CASE_SENSITIVE}


# The first word of every unit spelling, lower case: a number followed by none of these (after
# one space or hyphen) has no unit, and the long unit pattern need not be tried.
_FIRST_WORDS = frozenset(w.split()[0].lower() for w in _UNITS)
_BY_FIRST_CHAR: dict[str, tuple[str, ...]] = {}
for _w in sorted(_FIRST_WORDS):
    _BY_FIRST_CHAR[_w[0]] = (*_BY_FIRST_CHAR.get(_w[0], ()), _w)


def _may_be_unit(text: str, end: int) -> bool:
    head = text[end : end + 16]
    if head[:1] in (" ", "-", "\u00a0"):
        head = head[1:]
        if head[:1] in (" ", "-"):
            head = head[1:]  # "450 - MW" is rare, but the pattern allows it
    if not head or head[0].lower() not in _BY_FIRST_CHAR:
        return False
    word = head.split(None, 1)[0].lower()
    if word in _FIRST_WORDS:
        return True
    if word.isalpha():
        return False  # a plain word that is no unit ("people", "tonnesque" is no word)
    # "tonnes/year", "km²,": a unit the pattern matches at the start of a longer word
    return any(word.startswith(w) for w in _BY_FIRST_CHAR[word[0]])


def _unit(raw: str) -> str | None:
    return _UNITS.get(raw) or _UNITS_ANY_CASE.get(raw.lower())


def _subject(doc: Doc, start: int, end: int) -> str | None:
    a, b = doc.sentences.bounds(start, end)
    return figure_subject(doc.text, a, b, start, end, distance=True)


# "40C", "104F": the temperature symbol written onto the digits, which the number scan leaves
# out (it takes digits touching letters for names: "G7", "F-16"); only where the sentence speaks
# of heat or cold.
# The scan looks for a digit touching the letter (a fast first step), then reads the number back.
_DIGIT_CF = (re.compile(r"C(?<=\dC)(?!\w)"), re.compile(r"F(?<=\dF)(?!\w)"))  # literal first: fast
_ATTACHED_TEMPERATURE = re.compile(r"(?<![\w.,])(?P<n>\d{1,3}(?:\.\d+)?)(?P<u>[CF])(?!\w)")
_HEAT = re.compile(
    r"temperature|heat|degree|hot|warm|cold|freez|frost|thermometer|celsius|fahrenheit|"
    r"weather|high of|low of|record",
    re.IGNORECASE,
)


def _is_place(text: str, qualifier: str, symbol: str, q_start: int) -> bool:
    if qualifier == "exact" or symbol not in _HEIGHTS or not _ALTITUDE.match(text, q_start):
        return False
    return bool(_WHERE_VERB.search(text, max(0, q_start - 40), q_start))


def _attached_temperatures(doc: Doc) -> list[ExtractedClaim]:
    text = doc.text
    out: list[ExtractedClaim] = []
    hits = sorted(m.start() for rx in _DIGIT_CF for m in rx.finditer(text))
    for at in hits:
        begin = at - 1
        while begin > 0 and text[begin - 1] in "0123456789.":
            begin -= 1
        m = _ATTACHED_TEMPERATURE.match(text, begin)
        if m is None:
            continue
        a, b = doc.sentences.bounds(m.start(), m.end())
        if doc.in_no_go(m.start(), m.end()) or not _HEAT.search(text, a, b):
            continue
        value = float(m.group("n"))
        start = m.start()
        minus = _MINUS.search(text, max(0, start - 7), start)
        if minus:
            value, start = -value, minus.start()
        qualifier, q_start = qualifier_before(text, start)
        out.append(
            doc.claim(
                "quantity", q_start, m.end(), value=value, unit="°" + m.group("u"),
                qualifier=qualifier, date=doc.tied_date(m.start(), m.end()),
                subject=_subject(doc, q_start, m.end()),
            )
        )  # fmt: skip
    return out


# An earthquake's size: "a magnitude 7.1 earthquake", "a 6.8-magnitude quake", "measuring 6.2
# on the Richter scale". The scale has no unit symbol; the figure is not a count of quakes.
_MAGNITUDE = re.compile(
    r"\b[Mm]agnitude[\s-](?P<a>\d(?:\.\d)?)(?![\w.,]?\d|\w)"
    r"|(?<![\w.,])(?P<b>\d(?:\.\d)?)[\s-](?:magnitude\b|on\s+the\s+Richter\s+scale)"
)


def _magnitudes(doc: Doc) -> list[ExtractedClaim]:
    text = doc.text
    if "agnitude" not in text and "Richter" not in text:
        return []
    out: list[ExtractedClaim] = []
    for m in _MAGNITUDE.finditer(text):
        if doc.in_no_go(m.start(), m.end()):
            continue
        value = float(m.group("a") or m.group("b"))
        qualifier, q_start = qualifier_before(text, m.start())
        out.append(
            doc.claim(
                "quantity", q_start, m.end(), value=value, unit="magnitude",
                qualifier=qualifier, date=doc.tied_date(m.start(), m.end()),
                subject=_subject(doc, q_start, m.end()),
            )
        )  # fmt: skip
    return out


def find(doc: Doc) -> list[ExtractedClaim]:
    text = doc.text
    out: list[ExtractedClaim] = []
    for num in doc.numbers:
        if not _may_be_unit(text, num.end):
            continue  # the cheap test first: most numbers are followed by no unit at all
        m = _AFTER.match(text, num.end)
        if not m:
            continue
        gap = m.group("gap") or ""
        raw = m.group("unit")
        symbol = _unit(raw)
        if symbol is None or (not gap and num.words) or (gap and raw in _ATTACHED_ONLY):
            continue
        if raw.lower() == "degrees" and _ANGLE.search(text, max(0, num.start - 60), m.end() + 30):
            symbol = "°"  # "turned 180 degrees": an angle, not a temperature
        if symbol == "m" and num.short_scale:
            continue
        end = m.end()
        rate = _RATE.match(text, end)
        if rate:
            end = rate.end()
        value = num.value
        start = num.start
        minus = _MINUS.search(text, max(0, start - 7), start) if symbol in _TEMPERATURES else None
        if minus:
            value, start = -value, minus.start()  # "minus 12 degrees", "−4°C"
        qualifier, q_start = qualifier_before(text, start)
        subject = _subject(doc, q_start, m.end())
        if _is_place(text, qualifier, symbol, q_start):
            qualifier, q_start = "exact", start  # "fell as rain below 2,000 metres": where
        if num.value_max is not None:
            qualifier = "range"
        elif qualifier == "exact" and out and _CONVERSION.fullmatch(text, out[-1].end, q_start):
            qualifier = out[-1].qualifier or qualifier  # "up to 50 km/h (31 mph)": same bound
        out.append(
            doc.claim(
                "quantity",
                q_start,
                end,
                value=value,
                value_max=num.value_max,
                unit=symbol,
                qualifier=qualifier,
                date=doc.tied_date(num.start, end),
                subject=subject,
            )
        )
    magnitudes = _magnitudes(doc)
    out.extend(magnitudes)
    if "C" in text or "F" in text:
        out.extend(_attached_temperatures(doc))
    if magnitudes or "C" in text or "F" in text:
        out.sort(key=lambda c: c.start)
    # "36,000 tonnes in 2026, from 42,000 tonnes in 2025": the figure before names the thing.
    return inherit_subjects(text, _between_ranges(doc, out))


_BETWEEN = re.compile(r"\b[Bb]etween\s+$")
_AND = re.compile(r"\s+and\s+")


def _between_ranges(doc: Doc, found: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """'between 2°C and 8°C': two quantities with the unit written twice are one range."""
    out: list[ExtractedClaim] = []
    i = 0
    while i < len(found):
        low = found[i]
        high = found[i + 1] if i + 1 < len(found) else None
        between = _BETWEEN.search(doc.text, max(0, low.start - 8), low.start)
        if (
            high is None
            or between is None
            or low.qualifier != "exact"
            or low.value_max is not None
            or high.unit != low.unit
            or not _AND.fullmatch(doc.text, low.end, high.start)
            or (high.value or 0) <= (low.value or 0)
        ):
            out.append(low)
            i += 1
            continue
        out.append(
            doc.claim(
                "quantity", between.start(), high.end, value=low.value, value_max=high.value,
                unit=low.unit, qualifier="range", date=low.date or high.date, subject=low.subject,
            )
        )  # fmt: skip
        i += 2
    return out
