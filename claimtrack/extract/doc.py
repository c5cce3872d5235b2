"""The document every extractor reads: text, sentences, numeric candidates, no-go zones."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import cached_property

from .numbers import Num, scan_numbers
from .sentences import Sentences
from .subjects import subject_key
from .types import ExtractedClaim

# Numbers inside these are never claims: URLs, e-mail addresses, phone numbers, handles.
# Written to open with a character class, so the engine skips in C to the next sign or digit;
# the look-behinds then check what the first character was and what stood before it.
_NO_GO = re.compile(
    r"[+(\d](?<![\w].)(?:(?<=\+)\d{1,3}[\s.-]?(?:\(\d{2,4}\)\s?|\d{2,4}[\s.-])|(?<=\()\d{2,4}\)\s?"
    r"|(?<=\d)\d{1,3}[\s.-])\d{3,4}[\s.-]\d{3,4}(?!\w)"
)
# Web addresses, e-mail addresses and handles; each branch starts with a literal so the scan is
# cheap, and e-mail addresses are widened around their "@" by hand.
_URL = re.compile(r"(?:https?://|www\.)\S+")
_AT = re.compile(r"[\w.+-]*@[\w-]+(?:\.[\w-]+)*|#\w+")
# A line opening "By" and a time is reporting, not a byline: "By 8am, the ministry said ...",
# "By Monday evening, 400 rescuers ...", "By then ...".
_NOT_BYLINE = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December|Midnight|Noon|Dawn|Nightfall|"
    r"Mid|Early|Late|Last|Next|This|That|Then|Now|Contrast|Comparison)\b"
)
# Datelines ("BRUSSELS, Oct. 18 (Wire) -"), "Published:" and byline lines are metadata.
_META = re.compile(
    r"^[ \t]*(?:[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w.]*)?,[^\n]{0,60}?(?:\s[-–—]\s)"
    r"|(?:Published|Updated|Posted|Last updated|First published|By(?=\s+(?!"
    + _NOT_BYLINE
    + r")[A-Z]))\b[^\n]*$)",
    re.MULTILINE,
)
# A wire story's conversion note, "($1 = 0.9255 euros)": the rate used, not a figure reported.
# One unit of a currency on the left: "(n = 1,200 patients)" is a sample size, a claim.
_RATE_NOTE = re.compile(
    r"\(\s*(?:[$€£¥₹]|[A-Z]{1,3}\$|[A-Z]{3}\s?)?1(?:\s?[A-Z]{3}|\s+(?:dollar|euro|pound|yen|"
    r"yuan|franc)s?)?\s=\s[^()=\n]{1,30}\)"
)
# "1." or "2)" opening a line is list numbering.
_LIST_NUMBER = re.compile(r"^[ \t]*\d{1,3}[.)](?=\s)", re.MULTILINE)

# Page furniture: ad blocks and boilerplate lines whose numbers and quotes are not claims.
_FURNITURE_LINE = re.compile(
    r"^[ \t]*(?:advertisement|sponsored(?: content)?|partner service|partner content|"
    r"try (?:it )?for free|subscribe(?: now)?|sign up.*|read more.*|related:.*|share this.*|"
    r"click here.*|newsletter.*|follow us.*|©.*|copyright.*|all rights reserved.*|"
    r"\(reporting by.*|\(writing by.*|\(editing by.*)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_AD_OPENERS = ("advertisement", "sponsored", "partner service", "partner content")
# A short paragraph with one of these at a sentence start is an advert whose label the reader
# dropped ("Switch supplier and save up to €240 a year. Offer ends 31 October."), not reporting.
# Every branch opens with a literal, so the scan skips along on those first letters; the
# sentence start is checked on each (rare) match.
_PROMO = re.compile(
    r"Offer (?:ends|valid|expires)|Terms (?:and conditions )?apply|T&Cs? apply"
    r"|Use (?:the )?(?:promo )?code|While stocks last|Limited[- ]time offer"
    r"|Subscribe (?:now|today|for )"
    r"|Sign up (?:now|today)|Shop (?:now|today)|Buy (?:now|today)|Book (?:now|today)"
    r"|Order (?:now|today)|Join (?:now|today)|Start your free trial|Not a subscriber"
    # an ad label the reader kept on its line: "Advertisement: Flights from €59 one way."
    r"|Advertisement: |Sponsored: |Subscribe to (?:The |the |our )?[A-Z]"
    r"|Try (?:it )?(?:free|for \S+|\w+ (?:days?|weeks?|months?) (?:free|for))"
)
_PROMO_PARAGRAPH = 400  # characters: a line this long is article prose, whatever it says
# "2.4k shares · 318 comments": a line of nothing but a page's counters.
_COUNTERS = re.compile(
    r"^[ \t]*(?:[\d.,]+[kKmM]?\s+(?:shares?|comments?|likes?|views?|reads?|reactions?|replies)"
    r"[ \t]*[·•|,]?[ \t]*)+$",
    re.MULTILINE,
)
# A consent banner the reader kept: "We and our 143 partners use cookies ...", and the
# standard wording that does not say "cookies": "We and our 143 partners store and access
# information on your device ...".
# Each pattern opens with a literal or one letter class, so the regex engine skips along fast
# (one alternation of them is several times slower).
_COOKIE = (
    re.compile(r"[Cc]ookies?\b"),
    re.compile(r"and our \d[\d,]* (?:partners|vendors)\b"),
    re.compile(r"access information on (?:a|your) device"),
)
_CONSENT = re.compile(
    r"partners|vendors|consent|accept|agree|privacy|personalis|personaliz|advertising|device",
    re.IGNORECASE,
)
# A live page's entry time ("22:45", "9.30am", "14:05 GMT") starts a new entry, ending an ad.
_ENTRY_TIME = re.compile(r"[ \t]*\d{1,2}[:.]\d\d(?:\s?[ap]\.?m\.?)?(?:\s[A-Z]{2,4})?[ \t]*$")

_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
# Times a sentence ties a figure to: "in 2023", "by 2030", "in June 2024", "this year", "now".
_TIED_DATE = re.compile(
    rf"(?=[\dA-Zntlc])\b(?:(?:(?P<month>{_MONTHS})\s+)?(?P<year>(?:19|20)\d\d)\b(?!\s*[-–]\s*\d|s\b)"
    rf"|(?P<lone_month>{_MONTHS})\b(?!\s+\d)"
    r"|(?P<rel>[Tt]his|[Nn]ext|[Ll]ast)\s+year\b|(?P<now>now|currently)\b)"
)
# Years and months tie a figure only after one of these: "in 2023", "by 2030", "the 2023 …".
_TIED_PREP = re.compile(
    r"\b(?:in|since|by|during|for|as\s+of|through|until|the|(?:end|start|beginning|middle|half|whole|rest)\s+of)"
    r"\s+(?:(?:early|mid|late)[- ])?$",
    re.IGNORECASE,
)
_IN_BEFORE = re.compile(
    r"\b(?:[Ii]n|(?:year|months|quarter)\s+to|(?:end|start|beginning|middle)\s+of)\s+$"
)
# A figure for another time sits across these: "40% now, up from 25% in 2023".
_ORIGIN = re.compile(
    r"\b(?:founded|established|born|created|formed|launched|built|opened|set\s+up)\s+(?:in\s+)?$"
)
_OTHER_TIME = re.compile(
    r"\b(?:up|down)\s+from\b|\bcompared\s+(?:with|to)\b|\bversus\b|;|\b(?:as|than)\s+in\b"
    # "fell 6.5% to $42.10, their lowest since March 2020": the time compared against
    r"|\b(?:the|its|their|his|her|a|new)\s+(?:[a-z]{2,}est|worst|best|most|least)"
    r"\s+(?:level\s+|rate\s+|point\s+)?since\b"
)
# "the chief executive, who took over in 2021, said ...": a time inside a relative clause.
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|whose|where)\b[^,;]*$")
# A time written just after the figure belongs to it, before any time further back in the
# sentence: "fell to 36,000 tonnes in 2026 from 42,000 tonnes in the first half of 2025".
_OWN_TIME_AFTER = re.compile(
    r"\s*,?\s*(?:in|during|for|by|as\s+of|through|over|at\s+the\s+(?:end|start)\s+of)\s+"
    r"(?:the\s+(?:(?:first|second|third|fourth|last|final)\s+(?:half|quarter|three\s+months|"
    r"six\s+months)|end|start|beginning|middle|rest|whole|same\s+period)\s+of\s+)?"
    r"(?:(?:early|mid|late)[- ])?$",
    re.IGNORECASE,
)
# A time before the figure in another clause of the sentence does not date it: "by 2030, and
# shares fell by a fifth".
_OTHER_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s")
# ... unless its verb is gapped: "won 33.1% and 64 seats, and the Civic Alliance 27.5%".
_CLAUSE_VERB = re.compile(
    r"\b(?:[a-z]{3,}ed|is|are|was|were|has|have|had|will|would|can|could|may|might|[a-z]{3,}s)\b"
)
# "looked at 2025, when fires burned 61,000 hectares": the year the clause then describes.
_WHEN_AFTER = re.compile(r",?\s+when\b")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:[-*•]|\d{1,2}[.)])?[ \t]*$")  # "1. January 2023:"
# The scan for time marks starts from these: each a plain pattern the regex engine finds fast
# on its own (one alternation of them all is slower than the full pattern), then the full
# pattern is tried where one of them starts.
_MARK_STARTS = (
    re.compile(r"(?:19|20)\d\d"),
    re.compile(rf"(?:{_MONTHS})"),
    re.compile(r"now\b"),
    re.compile(r"currently\b"),
)
_YEAR_WORD = re.compile(r"year\b")
_REL_BEFORE = re.compile(r"(?:[Tt]his|[Nn]ext|[Ll]ast)\s+$")
# "demand peaked at 9,410 MW on Monday, August 10", "212 µg/m3 in Valdecarra on Aug. 9": the
# day written just after a figure is the figure's.
_DAY_AFTER = re.compile(
    # "About 1,900 of Kestrail's 2,300 daily services were cancelled on Monday"
    r"(?:\s+of\s+(?:[\w'’.,-]+\s+){0,3}[\w'’.,-]+(?=\s+(?:was|were)\s))?"
    r"\s+(?:(?:in|at|near)\s+(?:[A-Z][\w'’.-]*\s+){1,3})?"
    r"(?:(?:was|were|is|are|had\s+been|have\s+been)\s+[a-z]{3,}ed\s+)?on\s+"
)
_NUMERIC = frozenset(["money", "count", "percent", "quantity"])
# A participle clause of consequence after a dated event: "..., sending shares up 31%".
_CONSEQUENCE = re.compile(
    r"[^.;]{0,40},\s+(?:sending|pushing|lifting|taking|driving|bringing|leaving|raising|"
    r"cutting|dragging|knocking|beating|winning|losing|adding|wiping|erasing|shaving)\b"
    r"[^.;,]{0,90}"
)
# "41,230 watched Saturday's win", "90,000 people had spent Sunday night outdoors": the day
# is the object of the figure's verb.
_VERB_GAP = re.compile(r"\s+(?:had\s+|have\s+|has\s+)?[a-z]{3,}\s+")
_DAY_AS_OBJECT = re.compile(r"['’]s\b|\s+(?:night|morning|evening|afternoon)\b")
# A deadline opening the sentence or the quotation in it dates what was reached by then:
# 'By Monday evening we had 2,400.' ('On Monday the minister said ...' dates the saying.)
_OPENING_DAY = re.compile(
    r"(?:[^\n\"“]*[\"“]\s*|[ \t'‘]*)By\s+"
    r"(?:(?:\d{1,2}(?:[:.]\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.)|noon|midday|midnight)\s+on\s+)?"
)  # "By noon on Tuesday, 300 people had left."
_AS_CLAUSE = re.compile(r",\s+as\s+$")
# "speeds at Monday's morning peak fell to 19 km/h": the day's event, in the subject, dates
# the level its verb reports.
_AT_DAYS_EVENT = re.compile(r"\b(?:at|on|during|for)\s+$")
_DAYS_EVENT_VERB = re.compile(
    r"['’]s\s+(?:[a-z-]+\s+){1,3}(?:fell|rose|dropped|climbed|jumped|reached|hit|was|were|"
    r"peaked|averaged|stood)\s+(?:to\s+|at\s+|by\s+)?(?:about\s+|around\s+|nearly\s+|some\s+)?"
)
# A sentence opening on a clock time without a day: "By 8am, ...", "By noon ...".
_BY_CLOCK = re.compile(
    r"[ \t\"“]*By\s+(?:\d{1,2}(?:[:.]\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.)|noon|midday|midnight)"
    r"(?!\s+(?:on|last|yesterday|this|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)
# "The poll, published last week, put ... on 31%": the aside dates the source's figures.
_PUBLISHED_BEFORE = re.compile(
    r",\s+(?:published|released|issued|conducted|carried\s+out)\s+(?:on\s+|in\s+)?$"
)
_PUBLISHED_AFTER = re.compile(r",\s+[a-z](?:[^.;]|\.(?=\d)){0,80}")  # the verb, then its figures
# A running total and its deadline: "had paid out £6.2 million to 480 investors by March 22".
_BY_DAY = re.compile(r"(?:\s+(?:to|for|from)\s+[^.;,:]{0,40}?)?\s+by\s+")
_PERFECT = re.compile(r"\b(?:had|has|have)\s+(?:[a-z]+\s+){0,3}?[a-z]{2,}(?:ed|id|en|ne|t)\b")
# "said last week that it had so far paid £5.6m to 420 investors": the total as of that day.
# (The sentence is the claim's, so only a clause break ends the stretch; "£5.6m" has a point.)
_SO_FAR = re.compile(r"[^;:]{0,40}\b(?:so\s+far|to\s+date|thus\s+far)\b[^;:]{0,50}")
_TO_LEVEL = re.compile(r",?\s+to\s+")
_SAME_PERIOD = re.compile(r"\b(?:over|in|during|for)\s+the\s+same\s+period\b")
_YEAR_EARLIER = re.compile(r"\s+(?:a|one)\s+year\s+(?:earlier|before)\b")
_MONTH_NUMBER = {m.lower(): i + 1 for i, m in enumerate(_MONTHS.split("|"))}


def _consent_banners(text: str) -> list[tuple[int, int]]:
    zones: list[tuple[int, int]] = []
    for m in sorted((m for rx in _COOKIE for m in rx.finditer(text)), key=lambda m: m.start()):
        start = text.rfind("\n", 0, m.start()) + 1
        end = _line_end(text, m.end())
        banner = end - start <= _PROMO_PARAGRAPH and _CONSENT.search(text, start, end)
        if banner and (not zones or zones[-1] != (start, end)):
            zones.append((start, end))
    return zones


def _opens_line(text: str, line_start: int, pos: int) -> bool:
    """Whether ``pos`` starts its line (past any emphasis marks: "*Subscribe for £4.99 a
    month.*") or a sentence."""
    return not text[line_start:pos].strip("*_ \t") or text[pos - 2 : pos] in (". ", "! ", "? ")


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _word_start(text: str, pos: int) -> int:
    while pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "._+-"):
        pos -= 1
    return pos


class Doc:
    """Shared, lazily computed views of one text."""

    def __init__(self, text: str, published: dt.date | None) -> None:
        self.text = text
        self.published = published
        self.sentences = Sentences(text)

    @cached_property
    def no_go(self) -> tuple[list[int], list[int]]:
        starts: list[int] = []
        ends: list[int] = []
        text = self.text
        for m in _NO_GO.finditer(text):
            starts.append(m.start())
            ends.append(m.end())
        if "://" in text or "www." in text:
            for m in _URL.finditer(text):
                starts.append(m.start())
                ends.append(m.end())
        for mark in "@#":
            pos = text.find(mark)
            while pos >= 0:
                at = _AT.match(text, _word_start(text, pos) if mark == "@" else pos)
                if at:
                    starts.append(at.start())
                    ends.append(at.end())
                pos = text.find(mark, pos + 1)
        for m in _META.finditer(self.text):
            starts.append(m.start())
            ends.append(m.end())
        if " = " in text:
            for m in _RATE_NOTE.finditer(text):
                starts.append(m.start())
                ends.append(m.end())
        for m in _LIST_NUMBER.finditer(self.text):
            starts.append(m.start())
            ends.append(m.end())
        for a, b in self.furniture:
            starts.append(a)
            ends.append(b)
        pairs = sorted(zip(starts, ends, strict=True))
        return [p[0] for p in pairs], [p[1] for p in pairs]

    @cached_property
    def furniture(self) -> list[tuple[int, int]]:
        """Line ranges that are page furniture; an ad opener swallows its short block."""
        zones: list[tuple[int, int]] = []
        text = self.text
        for m in _FURNITURE_LINE.finditer(text):
            start, end = m.start(), m.end()
            if m.group(0).strip().lower().startswith(_AD_OPENERS):
                # The ad's own short lines follow until a line of article prose.
                for _ in range(6):
                    nxt = text.find("\n", end + 1)
                    line = text[end + 1 : len(text) if nxt < 0 else nxt]
                    if end >= len(text) or (len(line) > 200 and not _FURNITURE_LINE.match(line)):
                        break
                    if _ENTRY_TIME.match(line):
                        break
                    end = len(text) if nxt < 0 else nxt
                    if _FURNITURE_LINE.match(line.strip()):
                        break
            zones.append((start, end))
        for m in _PROMO.finditer(text):
            start = text.rfind("\n", 0, m.start()) + 1
            end = _line_end(text, m.end())
            if _opens_line(text, start, m.start()) and end - start <= _PROMO_PARAGRAPH:
                zones.append((start, end))
        zones += [(m.start(), m.end()) for m in _COUNTERS.finditer(text)]
        zones += _consent_banners(text)
        return zones

    def in_furniture(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.furniture)

    def in_no_go(self, start: int, end: int) -> bool:
        starts, ends = self.no_go
        i = bisect_right(starts, start) - 1
        # Zones may nest; look back a few.
        for j in range(max(0, i - 3), min(len(starts), i + 2)):
            if starts[j] < end and start < ends[j]:
                return True
        return False

    @cached_property
    def numbers(self) -> list[Num]:
        return [n for n in scan_numbers(self.text) if not self.in_no_go(n.start, n.end)]

    @cached_property
    def time_marks(self) -> tuple[list[int], list[tuple[int, str]]]:
        """Offsets and ISO values of the time expressions figures can be tied to."""
        starts: list[int] = []
        marks: list[tuple[int, str]] = []
        year = self.published.year if self.published else None
        for m in self._time_expressions():
            value: str | None = None
            window = max(0, m.start() - 18)
            if m.group("year"):
                # "in 2023", "the 2023 ..."; a line opening "January 2023:" and "2025, when
                # ..." are times whatever comes before them.
                if not (
                    _TIED_PREP.search(self.text, window, m.start())
                    or _WHEN_AFTER.match(self.text, m.end())
                    or (m.group("month") and _LINE_START.search(self.text, window, m.start()))
                ):
                    continue
                value = m.group("year")
                if m.group("month"):
                    value += f"-{_MONTH_NUMBER[m.group('month').lower()]:02d}"
            elif m.group("lone_month") and self.published is not None:
                if not _IN_BEFORE.search(self.text, max(0, m.start() - 16), m.start()):
                    continue
                month = _MONTH_NUMBER[m.group("lone_month").lower()]
                pub = self.published
                y = pub.year if (month - pub.month) <= 6 else pub.year - 1
                y = y + 1 if (pub.month - month) > 6 else y
                value = f"{y:04d}-{month:02d}"
            elif m.group("rel") and year is not None:
                value = str(year + {"this": 0, "next": 1, "last": -1}[m.group("rel").lower()])
            elif m.group("now") and year is not None:
                value = str(year)
            if value:
                starts.append(m.start())
                marks.append((m.end(), value))
        return starts, marks

    def _time_expressions(self) -> list[re.Match[str]]:
        """What ``_TIED_DATE.finditer`` finds, tried only where a plain pattern sees a year, a
        month, 'this/next/last year' or 'now' start: the same matches, found much faster."""
        text = self.text
        starts = [m.start() for rx in _MARK_STARTS for m in rx.finditer(text)]
        for word in _YEAR_WORD.finditer(text):
            rel = _REL_BEFORE.search(text, max(0, word.start() - 12), word.start())
            if rel is not None:
                starts.append(rel.start())  # "this year", "next year", "last year"
        found: list[re.Match[str]] = []
        last_end = -1
        for start in sorted(set(starts)):
            if start < last_end:
                continue
            m = _TIED_DATE.match(text, start)
            if m is not None:
                found.append(m)
                last_end = m.end()
        return found

    def tied_date(self, start: int, end: int | None = None) -> str | None:
        """The time the sentence ties a figure to ("in 2023", "by 2030"), if any."""
        end = start if end is None else end
        starts, marks = self.time_marks
        if bisect_left(starts, start - 200) == bisect_right(starts, end + 120):
            return None  # no time mark near: most figures (and the sentence is not needed)
        a, b = self.sentences.bounds(start, end)
        i = bisect_right(starts, max(a, start - 200)) - 1
        best: tuple[int, str] | None = None
        for j in range(max(i, 0), len(starts)):
            if starts[j] > end + 120:
                break
            m_start = starts[j]
            if m_start >= b:
                break
            m_end, value = marks[j]
            if m_start < a or (m_start < end and start < m_end):
                continue
            before = m_end <= start
            gap = self.text[m_end:start] if before else self.text[end:m_start]
            if len(gap) > 110 or _OTHER_TIME.search(gap):
                continue
            if _ORIGIN.search(self.text, max(0, m_start - 16), m_start):
                continue  # "founded in 1998, employs 5,000": when it began, not when counted
            clause = _OTHER_CLAUSE.search(gap) if before else None
            if clause and _CLAUSE_VERB.search(gap, clause.end()):
                continue
            if (
                before
                and gap.lstrip().startswith(",")
                and _RELATIVE_BEFORE.search(self.text, max(a, m_start - 60), m_start)
            ):
                continue
            when = _WHEN_AFTER.match(self.text, m_end) if before else None
            if when and "," not in self.text[when.end() : start]:
                return value  # "2024, when floods covered 9,000 hectares": that year's figure
            if not before and _OWN_TIME_AFTER.fullmatch(gap):
                return value  # "42,000 tonnes in the first half of 2025"
            if best is None or len(gap) < best[0]:
                best = (len(gap), value)
        return best[1] if best else None

    def tie_to_dates(self, claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
        """Figures dated by the date claims of their sentence: a day written just after the
        figure ("9,410 MW on Monday, August 10"), and the year of a month the date extractor
        resolved by tense ("valued at ¥180bn when it last raised money in March")."""
        dates = [c for c in claims if c.kind == "date" and c.date]
        if not dates:
            return self._relative_dates(claims)
        starts = [c.start for c in dates]
        out: list[ExtractedClaim] = []
        for c in claims:
            if c.kind in _NUMERIC:
                c = self._tie_one(c, dates, starts)
            out.append(c)
        return self._relative_dates(out)

    def _relative_dates(self, claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
        """Dates a figure takes from the figures around it."""
        claims = self._a_year_earlier(self._changes_to_levels(claims))
        return self._by_clock_time(self._meanwhile(self._same_period(claims)))

    def _by_clock_time(self, claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
        """'By 8am, the ministry said 1,480 people had died': a clock time with no day is
        today's, the day of publication."""
        if self.published is None or "By " not in self.text:
            return claims  # the cheap test first
        out: list[ExtractedClaim] = []
        for c in claims:
            if c.kind in _NUMERIC and not c.date:
                a, _ = self.sentences.bounds(c.start, c.end)
                m = _BY_CLOCK.match(self.text, a)
                if m and m.end() <= c.start:
                    c = replace(c, date=self.published.isoformat())
            out.append(c)
        return out

    def _meanwhile(self, claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
        """'90,000 people had spent Sunday night outdoors, as more than 150 aftershocks rattled
        the region': the clause of 'as' happens when the figure before it did."""
        out = list(claims)
        prev: ExtractedClaim | None = None
        for i, c in enumerate(out):
            if c.kind not in _NUMERIC:
                continue
            if (
                prev is not None
                and prev.date
                and not c.date
                and _AS_CLAUSE.search(self.text, max(prev.end, c.start - 8), c.start)
                and self.sentences.bounds(prev.start)[0] == self.sentences.bounds(c.start)[0]
            ):
                out[i] = c = replace(c, date=prev.date)
            prev = c
        return out

    def _same_period(self, claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
        """'Revenue rose to £1.84bn last year from £1.71bn in 2025. Profit climbed to £212m from
        £187m over the same period.': the undated figures take the dates of the first figures of
        the sentence before, in order."""
        if "same period" not in self.text:
            return claims
        out = list(claims)
        by_sentence: dict[int, list[int]] = {}
        for i, c in enumerate(out):
            if c.kind in _NUMERIC:
                by_sentence.setdefault(self.sentences.bounds(c.start)[0], []).append(i)
        starts = sorted(by_sentence)
        for k in range(1, len(starts)):
            a, b = self.sentences.bounds(starts[k])
            if not _SAME_PERIOD.search(self.text, a, b):
                continue
            here, before = by_sentence[starts[k]], by_sentence[starts[k - 1]]
            if len(here) > len(before) or self.sentences.bounds(starts[k - 1])[1] + 2 < a:
                continue
            dates = [out[j].date for j in before[: len(here)]]
            if any(out[j].date for j in here) or not all(dates):
                continue
            for j, date in zip(here, dates, strict=True):
                out[j] = replace(out[j], date=date)
        return out

    def _a_year_earlier(self, claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
        """'$486 billion now, up from $411 billion a year earlier': the year before the date
        of the figure it is set against."""
        if "year earlier" not in self.text and "year before" not in self.text:
            return claims
        out = list(claims)
        prev: ExtractedClaim | None = None  # the figure before, durations passed over
        for i, c in enumerate(out):
            if c.kind not in _NUMERIC:
                continue
            if prev is not None and prev.date and _YEAR_EARLIER.match(self.text, c.end):
                same = self.sentences.bounds(prev.start)[0] == self.sentences.bounds(c.start)[0]
                if same and (not c.date or c.date == prev.date):
                    year = int(prev.date[:4]) - 1
                    rest = "-02-28" if prev.date[4:] == "-02-29" else prev.date[4:]
                    out[i] = c = replace(c, date=f"{year:04d}{rest}")
            prev = c
        return out

    def _changes_to_levels(self, claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
        """'jumped 31% to 390p on Tuesday': a change happens when the level it reached does."""
        out = list(claims)
        for i in range(len(out) - 2, -1, -1):
            c, nxt = out[i], out[i + 1]
            if c.kind not in _NUMERIC or nxt.kind not in _NUMERIC or c.date or not nxt.date:
                continue
            if _TO_LEVEL.fullmatch(self.text, c.end, nxt.start):
                out[i] = replace(c, date=nxt.date)
        return out

    def _tie_one(
        self, claim: ExtractedClaim, dates: list[ExtractedClaim], starts: list[int]
    ) -> ExtractedClaim:
        text = self.text
        a, b = self.sentences.bounds(claim.start, claim.end)
        lo, hi = bisect_right(starts, a - 1), bisect_right(starts, b)
        for d in dates[lo:hi]:
            date = d.date or ""
            if len(date) == 10 and d.start >= claim.end:
                m = _DAY_AFTER.match(text, claim.end)
                if m and m.end() == d.start:
                    return replace(claim, date=date)  # the day written onto it beats all
            if len(date) >= 7 and d.start > claim.end and not text[claim.end : d.start].strip():
                return replace(claim, date=date)  # "closed at 402p yesterday", "... last month"
            if (
                len(date) == 10
                and _DAY_AS_OBJECT.match(text, d.end)
                and _VERB_GAP.fullmatch(text, claim.end, d.start)
            ):
                return replace(claim, date=date)  # "41,230 watched Saturday's win"
            if (
                len(date) == 10
                and not claim.date
                and d.end <= claim.start
                and _CONSEQUENCE.fullmatch(text, d.end, claim.start)
            ):
                return replace(claim, date=date)  # "made its move last week, sending ... up 31%"
            if len(date) == 10 and not claim.date and d.end <= claim.start and self._opens(d, a):
                return replace(claim, date=date)  # "By Monday evening we had 2,400."
            if (
                len(date) == 10
                and not claim.date
                and d.end <= claim.start
                and _AT_DAYS_EVENT.search(text, max(0, d.start - 8), d.start)
                and _DAYS_EVENT_VERB.fullmatch(text, d.end, claim.start)
            ):
                return replace(claim, date=date)  # "at Monday's morning peak fell to 19 km/h"
            if not claim.date and d.end <= claim.start and self._published(d, claim.start):
                return replace(claim, date=date)  # "The poll, published last week, put A on 31%"
            if len(date) == 10 and not claim.date and self._total_by(claim, d, a):
                return replace(claim, date=date)  # "had paid £6.2m to 480 investors by March 22"
            own = claim.date or ""
            yearless = not any(ch.isdigit() for ch in d.span)
            if yearless and len(own) == 7 == len(date) and own[5:] == date[5:] and own != date:
                return replace(claim, date=date)  # "in March": the year the tense gives
        return claim

    def _published(self, d: ExtractedClaim, start: int) -> bool:
        """Whether ``d`` is when the source of the figures came out, said in an aside on the
        sentence's subject: "The final poll, published last week, put the Alliance on 31%"."""
        text = self.text
        if not _PUBLISHED_BEFORE.search(text, max(0, d.start - 30), d.start):
            return False
        return bool(_PUBLISHED_AFTER.fullmatch(text, d.end, start))

    def _total_by(self, claim: ExtractedClaim, d: ExtractedClaim, a: int) -> bool:
        """Whether the day ``d`` is when a running total was reached: the deadline of a
        perfect verb ("had paid £6.2m to 480 investors by March 22"), or the day a total "so
        far" was given ("said last week that it had so far paid £5.6m")."""
        text = self.text
        if d.start >= claim.end:
            if not _BY_DAY.fullmatch(text, claim.end, d.start):
                return False
            return bool(_PERFECT.search(text, max(a, claim.start - 50), claim.start))
        return bool(_SO_FAR.fullmatch(text, d.end, claim.start))

    def _opens(self, d: ExtractedClaim, a: int) -> bool:
        """Whether the day ``d`` opens its sentence as a deadline ("By Monday evening ...")."""
        return bool(_OPENING_DAY.fullmatch(self.text, a, d.start))

    def claim(self, kind: str, start: int, end: int, **fields: object) -> ExtractedClaim:
        subject = fields.get("subject")
        if isinstance(subject, str):
            fields.setdefault("subject_key", subject_key(subject))
        return ExtractedClaim(
            kind=kind,
            start=start,
            end=end,
            span=self.text[start:end],
            sentence=self.sentences.sentence(start, end),
            **fields,  # type: ignore[arg-type]
        )
