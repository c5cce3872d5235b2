"""Sentence segmentation with offsets, done here so extraction needs no NLP runtime."""

from __future__ import annotations

import re
from bisect import bisect_right

# Words that end in a full stop without ending a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "gov",
        "sen",
        "rep",
        "st",
        "jr",
        "sr",
        "rev",
        "hon",
        "pres",
        "no",
        "nos",
        "vol",
        "fig",
        "inc",
        "ltd",
        "co",
        "corp",
        "bros",
        "vs",
        "etc",
        "approx",
        "est",
        "dept",
        "univ",
        "ave",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "a.m",
        "p.m",
        "i.e",
        "e.g",
    ]
)

# A stop, optional closing quotes or brackets, space, then something that opens a sentence.
# Only the start of a run of stops is tried, and the run is taken whole (possessive), so a
# line of ten thousand dots costs one pass, not ten thousand.
# It opens with a character class (the look-behind comes after the first stop), so the engine
# skips in C from one stop to the next instead of trying the pattern at every position.
_BOUNDARY = re.compile(r"[.!?…](?<![.!?…].)[.!?…]*+[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[A-Z0-9À-Ý])")
_WORD_BEFORE = re.compile(r"([\w.]+)\Z")  # \Z: "$" would also match before a line break


def _is_abbreviation(text: str, stop: int) -> bool:
    if text[stop] != ".":
        return False
    m = _WORD_BEFORE.search(text, max(0, stop - 12), stop)  # [\w.] never crosses a line
    if not m:
        return False
    word = m.group(1).lower()
    # Single initials ("J. Smith") and dotted acronyms ("U.S.") do not end sentences.
    if len(word) == 1 and word.isalpha():
        return True
    return word in _ABBREVIATIONS


_LONGEST = 1500  # characters; far beyond any real sentence
_WINDOW = 300


class Sentences:
    """The sentences of a text as (start, end) offsets, found by position in O(log n)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        self._bounds: dict[tuple[int, int | None], tuple[int, int]] = {}
        # One pass over the whole text for the stops, merged with the line breaks (every line
        # break ends a sentence: headings, list items, paragraphs).
        cursor = 0
        line_end = text.find("\n")
        for m in _BOUNDARY.finditer(text):
            if _is_abbreviation(text, m.start()):
                continue
            cut = m.end()
            while 0 <= line_end < cut:
                self._add(cursor, line_end)
                cursor = line_end + 1
                line_end = text.find("\n", cursor)
            self._add(cursor, cut)
            cursor = cut
        while line_end >= 0:
            self._add(cursor, line_end)
            cursor = line_end + 1
            line_end = text.find("\n", cursor)
        self._add(cursor, len(text))

    def _add(self, start: int, end: int) -> None:
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            self.starts.append(start)
            self.ends.append(end)

    def index_at(self, pos: int) -> int:
        """Index of the sentence holding ``pos`` (or the nearest one before it)."""
        i = bisect_right(self.starts, pos) - 1
        return max(i, 0)

    def bounds(self, start: int, end: int | None = None) -> tuple[int, int]:
        """Offsets of the sentence(s) covering ``start``..``end``."""
        key = (start, end)
        found = self._bounds.get(key)
        if found is None:
            # Each claim asks for its sentence several times (span, subject, tied date).
            found = self._bounds[key] = self._find_bounds(start, end)
        return found

    def _find_bounds(self, start: int, end: int | None) -> tuple[int, int]:
        if not self.starts:
            return (0, len(self.text))
        first = self.index_at(start)
        last = self.index_at(max(start, (end if end is not None else start + 1) - 1))
        a, b = min(self.starts[first], start), max(self.ends[last], end or start)
        if b - a > _LONGEST:
            # Not prose (a table, a run of figures): a window around the claim keeps the work
            # and the stored sentence per claim bounded.
            a, b = self._window(a, b, start, end or start)
        return a, b

    def _window(self, a: int, b: int, start: int, end: int) -> tuple[int, int]:
        text = self.text
        lo, hi = max(a, start - _WINDOW), min(b, end + _WINDOW)
        space = text.find(" ", lo, start)
        if lo > a and space >= 0:
            lo = space + 1
        space = text.rfind(" ", end, hi)
        if hi < b and space >= 0:
            hi = space
        return lo, hi

    def sentence(self, start: int, end: int | None = None) -> str:
        a, b = self.bounds(start, end)
        return self.text[a:b]
