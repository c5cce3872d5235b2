"""Quantities with a measurement unit: '1,200 km', '14 million tonnes', '450-megawatt', '9 GW'."""

from __future__ import annotations

import re

from .doc import Doc
from .numbers import qualifier_before
from .subjects import phrase_after
from .types import ExtractedClaim

# Written unit -> symbol. Longer spellings first so the regex prefers them.
_UNITS: dict[str, str] = {
    "square kilometres": "km2", "square kilometers": "km2", "square kilometre": "km2",
    "square kilometer": "km2", "sq km": "km2", "km2": "km2", "km²": "km2",
    "square miles": "mi2", "square mile": "mi2",
    "cubic metres": "m3", "cubic meters": "m3", "cubic metre": "m3", "cubic meter": "m3",
    "m3": "m3", "m³": "m3", "bcm": "bcm",
    "km/h": "km/h", "kph": "km/h", "kilometres per hour": "km/h", "kilometers per hour": "km/h",
    "mph": "mph", "miles per hour": "mph",
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "km": "km",
    "miles": "mi", "mile": "mi",
    "metres": "m", "meters": "m", "metre": "m", "meter": "m",
    "centimetres": "cm", "centimeters": "cm", "cm": "cm",
    "millimetres": "mm", "millimeters": "mm", "mm": "mm",
    "hectares": "ha", "hectare": "ha", "ha": "ha", "acres": "acre", "acre": "acre",
    "metric tonnes": "t", "metric tons": "t", "tonnes": "t", "tonne": "t", "tons": "t",
    "ton": "t", "kilograms": "kg", "kilogrammes": "kg", "kilogram": "kg", "kg": "kg",
    "megawatt-hours": "MWh", "megawatt hours": "MWh", "gigawatt-hours": "GWh",
    "gigawatt hours": "GWh", "terawatt-hours": "TWh", "terawatt hours": "TWh",
    "kilowatt-hours": "kWh", "kilowatt hours": "kWh",
    "MWh": "MWh", "GWh": "GWh", "TWh": "TWh", "kWh": "kWh",
    "megawatts": "MW", "megawatt": "MW", "gigawatts": "GW", "gigawatt": "GW",
    "kilowatts": "kW", "kilowatt": "kW", "MW": "MW", "GW": "GW", "kW": "kW",
    "barrels": "bbl", "barrel": "bbl", "litres": "l", "liters": "l", "litre": "l", "liter": "l",
    "degrees Celsius": "°C", "°C": "°C", "degrees": "°",
}  # fmt: skip
_CASE_SENSITIVE = frozenset({"MWh", "GWh", "TWh", "kWh", "MW", "GW", "kW", "m3", "km2"})
_UNIT_RE = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_AFTER = re.compile(rf"(?P<gap>[\s-]|\s?-\s?)?(?P<unit>{_UNIT_RE})(?![\w²³])", re.IGNORECASE)
_RATE = re.compile(r"\s+(?:a|per|each)\s+(?:year|day|month|hour|week)\b", re.IGNORECASE)


_OF_THE = re.compile(r"\s+(?:of\s+)?(?:the\s+)?")


def _unit(raw: str) -> str | None:
    if raw in _UNITS:
        return _UNITS[raw]
    low = raw.lower()
    for written, symbol in _UNITS.items():
        if written.lower() == low and written not in _CASE_SENSITIVE:
            return symbol
    # Symbols like "mw" in lower case are not trusted ("5 mw" is rare, "5 m" is metres).
    return None


def _subject(doc: Doc, start: int, end: int) -> str | None:
    a, b = doc.sentences.bounds(start, end)
    m = _OF_THE.match(doc.text, end, b)
    phrase, _ = phrase_after(doc.text, m.end() if m else end, b, max_words=3)
    if phrase:
        return phrase
    words = re.findall(r"[A-Za-z][\w-]+", doc.text[max(a, start - 50) : start])
    return " ".join(words[-2:]) or None


def find(doc: Doc) -> list[ExtractedClaim]:
    text = doc.text
    out: list[ExtractedClaim] = []
    for num in doc.numbers:
        m = _AFTER.match(text, num.end)
        if not m:
            continue
        gap = m.group("gap") or ""
        raw = m.group("unit")
        symbol = _unit(raw)
        if symbol is None or (not gap and num.words):
            continue
        if symbol == "m" and num.short_scale:
            continue
        end = m.end()
        rate = _RATE.match(text, end)
        if rate:
            end = rate.end()
        qualifier, q_start = qualifier_before(text, num.start)
        if num.value_max is not None:
            qualifier = "range"
        out.append(
            doc.claim(
                "quantity",
                q_start,
                end,
                value=num.value,
                value_max=num.value_max,
                unit=symbol,
                qualifier=qualifier,
                date=doc.tied_date(num.start, end),
                subject=_subject(doc, num.start, m.end()),
            )
        )
    return out
