"""What a figure is framed by in its own clause: when, whose, and what sort of figure it is.

A sentence often carries several figures ("19 goals in the 2025-26 season, up from 11 the
season before, and eight goals for Caldora"); the words that tie one of them to a time, a
holder or a sort of figure sit in its clause, not anywhere in the sentence. A clause ends at a
semicolon, a colon, a dash or a comma before a joining word (", and", ", while", ", up from").
Inside a clause one time describes all its figures; when a clause names several ("rose to
€3.6bn in 2025 from €3.2bn in 2024") each goes to the figure nearest it, and a time at the
head of the clause ("In 2023, ...") to all of them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from claimtrack.words import stem


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CLAUSE_END = re.compile(
    r";|:\s|\s[–—]\s|\s-\s|,\s+(?=(?:and|but|while|whereas|although|though|up\s+from|"
    r"down\s+from|compared\s+(?:with|to)|against|versus|as\s+against)\b)"
    r"|\s(?=(?:while|whereas|because|although|though|unless)\s)|,\s+(?=(?-i:(?!according)[a-z]+ing)\s)",
    re.IGNORECASE,
)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
# Time expressions, longest first; the named group says how each is read.
_TIME = re.compile(
    rf"(?P<season>\b(?P<season_year>{_YEAR})[-–/](?:\d\d|{_YEAR})\b)"
    rf"|(?P<between>\bbetween\s+(?P<from_year>{_YEAR})\s+and\s+(?P<to_year>{_YEAR})\b)"
    rf"|(?P<since>\bsince\s+(?:(?:the\s+)?(?:start|end|beginning)\s+of\s+(?:the\s+)?\w+"
    rf"(?:\s+(?P<since_year1>{_YEAR}))?|(?:{_MONTHS}\s+)?(?P<since_year>{_YEAR})\b|{_MONTHS}\b"
    r"|the\s+(?P<since_decade>(?:19|20)\d0)s\b))"
    r"|(?P<decade>\b(?:the\s+)?(?P<decade_year>(?:19|20)\d0)s\b)"
    rf"|(?P<by>\b(?:by|until|till)\s+(?:the\s+end\s+of\s+)?(?:{_MONTHS}\s+)?(?P<by_year>{_YEAR})\b)"
    r"|(?P<ytd>\bso\s+far\s+this\s+(?:year|season)\b|\bthis\s+(?:year|season)\s+so\s+far\b"
    r"|\b(?:the\s+)?year\s+to\s+date\b|\bso\s+far\s+in\s+\d{4}\b)"
    r"|(?P<sofar>\bso\s+far\b|\bto\s+date\b|\bup\s+to\s+now\b)"
    r"|(?P<nth>\b(?:his|her|their|its|the|a)\s+(?P<nth_word>first|second|third|fourth|fifth|"
    r"debut|maiden|rookie|final|last|previous)\s+(?:full\s+)?(?P<nth_unit>season|year|term)\b)"
    r"|(?P<prior>\b(?:a|one|the)\s+(?:year|season|month|quarter)\s+(?:earlier|before|ago)\b"
    r"|\bthe\s+previous\s+(?:year|season|month|quarter)\b)"
    r"|(?P<last>\b(?:last|the\s+past)\s+(?P<last_unit>year|season)\b)"
    r"|(?P<this>\bthis\s+(?P<this_unit>year|season)\b)"
    r"|(?P<next>\bnext\s+(?P<next_unit>year|season)\b)"
    r"|(?P<now>\b(?:now|currently|today|at\s+present)\b)"
    rf"|(?P<month>(?-i:\b{_MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?P<month_year>{_YEAR}))?"
    r"(?![\w-]))"
    rf"|(?P<year>(?<![\d,.$€£¥-])\b(?P<plain_year>{_YEAR})\b(?![,.]\d|\s*%|-\d))",
    re.IGNORECASE,
)
# Other figures of the clause, so that its times can go to the nearest one.
_FIGURE = re.compile(
    r"(?<![\w.])[$€£¥]?\d[\d,]*(?:\.\d+)?|\b(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|dozen)\b",
    re.IGNORECASE,
)
_PLAIN_YEAR = re.compile(rf"^{_YEAR}$")
_JOIN = re.compile(r"\s(?:and|but|while|whereas)\s", re.IGNORECASE)
_PRIOR_BEFORE = re.compile(
    r"\b(?:up|down|rising|falling|rose|fell|climbing|dropping|from)\s+from\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$|\b(?:up|down)\s+from\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$",
    re.IGNORECASE,
)

# Sorts of figure: a rate per period, a total over one, an average, a plan, a scope ...
_RATE = re.compile(
    r"\b(?:a|an|per|each|every)\s+(year|month|week|day|hour|season|quarter)\b"
    r"(?!\s+(?:earlier|before|ago|later|after|on|in\b))"
    r"|\b(annual(?:ly)?|yearly|monthly|weekly|daily|hourly)\b",
    re.IGNORECASE,
)
_RATE_WORD = {
    "annual": "year", "annually": "year", "yearly": "year", "monthly": "month",
    "weekly": "week", "daily": "day", "hourly": "hour",
}  # fmt: skip
_NOT_RATE_AFTER = re.compile(r"\s*(?:earlier|before|ago|later|after)\b", re.IGNORECASE)
_RATE_BEFORE = re.compile(
    r"\b(annual|yearly|monthly|weekly|daily)\s+(?:[a-z-]+\s+){0,2}(?:of\s+|at\s+)?$", re.IGNORECASE
)
_OVER = re.compile(
    r"\b(?:over|across|during|within)\s+(?:the\s+(?:next|past|last|coming|first)\s+)?"
    r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(years?|months?|weeks?|days?|decades?)\b(?!\s*(?:'|’|ago|earlier|later|before|after))",
    re.IGNORECASE,
)
_TOTAL = re.compile(
    r"\b(?:in\s+total|altogether|in\s+all|cumulative(?:ly)?|all\s+told)\b", re.IGNORECASE
)
_SINCE = re.compile(r"\bsince\b|\bso\s+far\b|\bto\s+date\b", re.IGNORECASE)
_AVERAGE = re.compile(r"\baverag(?:e|ed|ing)\b|\bmedian\b|\bmean\b", re.IGNORECASE)
_MODALITIES = (
    ("pledge", re.compile(
        r"\b(?:pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|commit(?:s|ted|ting|ment)?|"
        r"agreed\s+to\s+(?:provide|give|send|lend|pay|spend)|to\s+(?:provide|give|send|lend))\b",
        re.IGNORECASE)),
    ("offer", re.compile(r"\b(?:offer(?:s|ed|ing)?|propos(?:e|es|ed|al))\b", re.IGNORECASE)),
    ("demand", re.compile(
        r"\b(?:wants?|wanted|demand(?:s|ed|ing)?|calls?\s+for|called\s+for|claim|ask(?:s|ed|ing)?"
        r"\s+for|seeks?|seeking)\b", re.IGNORECASE)),
    ("actual", re.compile(
        r"\b(?:delivered|disbursed|paid\s+out|handed\s+over|spent|received|transferred|"
        r"so\s+far\s+(?:delivered|paid|given|sent))\b", re.IGNORECASE)),
    ("threshold", re.compile(
        r"\b(?:needs?|needed|requires?|required|requirement|threshold|minimum\s+of|for\s+a\s+"
        r"majority)\b", re.IGNORECASE)),
    # Before the target: what someone expects a plan to do ("expected to rise to", "expects
    # the plan to cut") is a forecast, however the plan is worded.
    ("forecast", re.compile(
        r"\b(?:forecasts?|forecasting|projected|projects|projections?|predicts?|predicted|"
        r"expects?|expected|expecting|(?:is|are)\s+set\s+to|could|might|would\s+\w+|warn(?:s|ed)?|"
        r"will\s+(?:reach|rise|fall|hit|grow|top|exceed|cost)|outlook|polls?|survey)\b",
        re.IGNORECASE)),
    ("target", re.compile(
        r"\b(?:targets?|targeted|targeting|goal|aims?|aimed|aiming|plans?|planned|planning|"
        r"ambition|(?:is|are)\s+due\s+to|hopes?\s+to|to\s+reach|to\s+raise|to\s+increase|"
        r"to\s+rise|to\s+cut|to\s+have)\b",
        re.IGNORECASE)),
    ("capacity", re.compile(
        r"\b(?:capacity|capacities|can\s+(?:carry|hold|handle|take|seat|produce)|"
        r"designed\s+(?:for|to))\b",
        re.IGNORECASE)),
)  # fmt: skip
# Soft sorts meet an unmarked figure (most amounts in a pledging story are pledges) but not
# each other; hard ones meet only their own sort.
_SOFT = frozenset({"pledge", "offer", "demand", "actual", "market"})
# An offer the text marks as an earlier round ("rejected a first approach at 352p", "the
# initial proposal of"): not the offer on the table, which needs no such mark.
_EARLIER_ROUND = re.compile(
    r"\b(?:first|initial|earlier|previous|original|opening)\s+(?:[a-z-]+\s+)?"
    r"(?:approach|offer|bid|proposal)s?\b[^.;]{0,30}$",
    re.IGNORECASE,
)
# A price the market set ("shares jumped 31% to 390p", "closed at 402p", "a closing price of
# 298p"): never the price someone offers, though an unmarked price may be either.
_MARKET = re.compile(
    r"(?:\b(?:shares?|stock)\b[^.;]{0,40}?\b(?:to|at)|\bclos(?:ed|ing)\s+(?:price\s+of|at)"
    r"|\btrad(?:ed|ing)\s+at)\s+(?:about\s+|around\s+)?$",
    re.IGNORECASE,
)
_POLL = re.compile(r"\b([\w-]+)\s+(?:opinion\s+)?(?:poll|survey)s?\b", re.IGNORECASE)
_NATION = re.compile(
    r"\b(?:nationwide|nationally|countrywide|across\s+the\s+(?:whole\s+)?(?:country|nation)|"
    r"in\s+the\s+whole\s+(?:of\s+the\s+)?country|(?:the\s+)?whole\s+country|"
    r"the\s+country\s+as\s+a\s+whole|national\s+(?:total|figure|tally|toll))\b",
    re.IGNORECASE,
)
_REGION = re.compile(
    r"(?i:\bregional(?:ly)?\b|\bin\s+the\s+(?:south|north|east|west|centre|center|"
    r"south-east|south-west|north-east|north-west)\b|\bthe\s+region\b|\balone\b)"
    r"|\b(?:southern|northern|eastern|western|central)\s+[A-Z]"
    r"|\b(?i:in|across|for)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,2}(?i:region|province|valley|county|"
    r"district|prefecture|canton|department|oblast)\b"
    r"|\b(?i:in|across|for)\s+the\s+[a-z-]+\s+(?i:region|province)\b"
)
# A part of the story's place that the text sets apart: a figure for it is never the whole.
_LOCAL = re.compile(
    r"\bin\s+the\s+(?:city|capital|town|municipality)\b|\bcity-?wide\b"
    r"|\b(?i:in)\s+[A-Z][\w-]+\s+(?:itself|alone)\b",
)
_IN_NAME = re.compile(r"\bin\s+(?-i:[A-Z][\w-]+)")
_LOCAL_WORDS = _wordset("city capital town municipality citywide city-wide itself alone")
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en)?|falling|grew|grow(?:s|n)?|jumped|climbed|"
    r"dropped|declined|slipped|increased|decreased|up|down|gained|lost|cut|raised|by)\s+$",
    re.IGNORECASE,
)
_DIFFERENCE = re.compile(
    r"\s*(?:more|fewer|less|higher|lower|greater|smaller|bigger)\s+than\b|\s*short\s+of\b"
    r"|\s*(?:above|below|ahead\s+of|behind)\b",
    re.IGNORECASE,
)
_PER_BEFORE = re.compile(r"(?:\d[\d,.]*|\b[a-z]+)\s+([a-z]+)\s+(?:in|from|over|across)\s+$")
_CHANGE_AFTER = re.compile(
    r"^\s*(?:rise|fall|increase|decrease|drop|decline|jump|gain|cut|growth|hike|higher|lower|"
    r"more|less|up|down)\b",
    re.IGNORECASE,
)

# Holders of a figure: "Kestrel's revenue rose to", "Esterland pledging", "goals for Caldora".
_NAME = r"[A-Z][\w’'.&-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w’'.&-]*){0,3}"
_POSSESSIVE = re.compile(rf"({_NAME})['’]s?\s+((?:[a-z0-9][\w-]*\s+){{0,3}})$")
_ACTOR = re.compile(rf"({_NAME})\s+((?:[a-z][\w-]*\s+){{0,2}})$")
# "nine goals for Caldora", "22 goals in 36 league games for Olmo": the counted noun, perhaps
# an "in N games", then the holder; a verb in between ("27 states endorsed the plan for
# Ukraine") makes it someone else's.
_FOR = re.compile(
    rf"\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:in\s+\d[\d,]*\s+(?:[a-z][\w-]*\s+){{0,2}}?)?"
    rf"for\s+(?:the\s+)?({_NAME})"
)
_RIVAL = re.compile(r"\b(?:rivals?|competitors?)\b", re.IGNORECASE)
_SPEECH = _wordset(
    """
    said says say told tells according estimated estimates estimate believes believed thinks
    warned argued claimed claims noted added wrote put puts reckons reckoned
    """
)
_LINKS = _wordset(
    """
    of in on at to from with by as than about around for and or but after before
    """
)
# Capitalised words that hold nothing: openers, months, days, titles.
_NOT_NAMES = _wordset(
    """
    the a an he she it they we i his her their its this that these those in on at for but
    and or if when while after before as by with from to of mr mrs ms dr january february
    march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov
    dec some one two there here what who which last next first minister president secretary
    chief commander governor mayor chairman chair director head prime interior finance
    transport foreign defence defense general according under including de
    """
)
# The same holder under other names.
_ALIASES = {
    "uk": "britain", "british": "britain", "united kingdom": "britain", "us": "america",
    "usa": "america", "united states": "america", "american": "america", "eu": "europe",
    "european union": "europe",
}  # fmt: skip
MODAL_WORDS_BEFORE = 8  # "has offered its cabin crew a pay rise of [3.5%]"
MODAL_WORDS_AFTER = 7
FIGURE_TAIL_WORDS = 4  # "2.8 million passengers in [2025]": a time this close after is its
TIME_REACH = 10  # words: a time further from the figure in its clause dates something else
PREFIX_MATCH = 5  # "Norvanian" is "Norvania"'s: a shared start this long is one holder


@dataclass(frozen=True, slots=True)
class Frame:
    times: frozenset[str]  # "y2025", "prior", "since2022", "by2030", "ytd", "span2015-2024"
    owners: frozenset[str]  # written as the figure's holder: "X's", "for X", "its rival's"
    actors: frozenset[str]  # the name doing the verb before it ("Esterland pledging €400m")
    aspects: frozenset[str]  # "rate:year", "over:3y", "total", "average", "pledge", "nation" ...
    dated: bool  # the claim's own date field can be its own (no time of another clause)


EMPTY = Frame(frozenset(), frozenset(), frozenset(), frozenset(), False)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the clause around text[start:end]."""
    left, right = 0, len(text)
    for m_start, m_end in _clause_ends(text):
        if m_end <= start:
            left = m_end
        elif m_start >= end:
            right = m_start
            break
    return left, right


@functools.lru_cache(maxsize=8192)
def _clause_ends(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in _CLAUSE_END.finditer(text))


_PUNCT = str.maketrans({c: " " for c in ".,;:!?\"“”‘’'()[]{}–—/"})


@functools.lru_cache(maxsize=8192)
def tokens(text: str) -> frozenset[str]:
    """The sentence's lower-case words: a set look-up says which of the patterns below can
    match at all, far cheaper than running them (most sentences need none)."""
    return frozenset(text.lower().translate(_PUNCT).split())


def _any(words: frozenset[str], wanted: frozenset[str]) -> bool:
    return not wanted.isdisjoint(words)


_TIME_WORDS = _wordset(
    """
    since until till between far date this last next past previous earlier before ago now
    currently today present season term jan jan. january feb feb. february mar mar. march
    apr apr. april may jun jun. june jul jul. july aug aug. august sep sep. sept sept.
    september oct oct. october nov nov. november dec dec. december
    """
)
_PERIOD_WORDS = _wordset(
    """year years month months week weeks day days hour hours season quarter decade decades
    annual annually yearly monthly weekly daily hourly"""
)
_TOTAL_WORDS = _wordset("total altogether all cumulative cumulatively told since far date")
_AVERAGE_WORDS = _wordset("average averaged averaging median mean")
_NATION_WORDS = _wordset("nationwide nationally countrywide country nation national")
_REGION_WORDS = _wordset(
    """regional regionally south north east west centre center region alone southern northern
    eastern western central province valley county district prefecture canton department
    oblast south-east south-west north-east north-west"""
)
_MODAL_WORDS = _wordset(
    """pledge pledges pledged pledging promise promises promised promising commit commits
    committed committing commitment agreed provide give send lend target targets targeted
    targeting goal aim aims aimed aiming plan plans planned planning ambition due want wants
    wanted hope hopes seek seeks seeking reach raise increase rise cut have forecast
    forecasts forecasting projected projection projections projects predicts predict
    predicted expects expect expected expecting set could will would outlook capacity
    capacities can designed offer offers offered offering propose proposes proposed
    proposal demand demands demanded demanding call calls called claim claims ask asks asked
    asking delivered disbursed paid handed spent received transferred need needs needed
    require requires required requirement threshold minimum majority poll polls survey"""
)


def _has_year(text: str) -> bool:
    return ("19" in text or "20" in text) and _YEAR_IN.search(text) is not None


_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d\d")


@functools.lru_cache(maxsize=16384)
def frame(text: str, span: str, published: dt.date | None, kind: str) -> Frame:
    start = text.find(span) if span else -1
    if start < 0:
        return EMPTY
    end = start + len(span)
    left, right = clause_bounds(text, start, end)
    times, dated = _times(text, start, end, left, right, published)
    numeric = kind not in ("date", "quote")
    owners, actors = _owners(text, start, end, left, kind) if numeric else (set(), set())
    aspects = _aspects(text, span, start, end, left, right, kind) if numeric else set()
    if numeric and not aspects & set(_MODALITY) and _ahead(times, published):
        aspects.add("target")  # "a 65 per cent cut ... by 2035": what is to be done by then
    return Frame(
        times=times,
        owners=frozenset(owners),
        actors=frozenset(actors),
        aspects=frozenset(aspects),
        dated=dated,
    )


# ---- times -----------------------------------------------------------------------------------


def _times(
    text: str, start: int, end: int, left: int, right: int, published: dt.date | None
) -> tuple[frozenset[str], bool]:
    every = sentence_times(text)
    found = [m for m in every if left <= m.start() < right and not start <= m.start() < end]
    readings = [(m, _read(m, published)) for m in found]
    marks: set[str] = set()
    if len({frozenset(r) for _, r in readings}) > 1:
        figures = _figures(text, start, end, left, right, found)
        head_at = _head_at(text, left, right)
        for m, reading in readings:
            if m.start() - head_at <= 4 or _nearest(figures, m, text) == 0:
                marks |= reading
    elif readings:
        head_at = _head_at(text, left, right)
        marks = {
            mark
            for m, r in readings
            if m.start() - head_at <= 4 or _words_between(text, end, m.start()) <= TIME_REACH
            for mark in r
        }
    if (
        "from" in text[max(left, start - 30) : start]
        and not any(m.group("prior") for m in found)
        and _PRIOR_BEFORE.search(text, max(left, start - 30), start)
    ):
        # The earlier figure of a comparison ("up from 11"): none of the clause's other times.
        own = [r for m, r in readings if m.start() > end]
        marks = set().union(*own) if own else {"prior"}
    if not marks and not found and every:
        marks = _inherited(text, left, published)
        if marks:
            return frozenset(marks), True
    # The claim's own date belongs to it unless the sentence's times are all in other clauses.
    return frozenset(marks), bool(found) or not every


_JOINED = re.compile(r"(?:and|but|while|whereas)\s", re.IGNORECASE)
_COMPARING = re.compile(
    r"(?:up|down)\s+from|compared\s+(?:with|to)|against|versus|as\s+against", re.IGNORECASE
)


def _inherited(text: str, left: int, published: dt.date | None) -> set[str]:
    """The times of the clause a joined clause continues ("at the 2023 election National
    Renewal won 64 seats, and the Civic Alliance 49 seats"): a clause opening with 'and',
    'but' or 'while' (or after a semicolon) that names no time of its own keeps the nearest
    earlier clause's, passing over comparisons ("up from 11 the season before")."""
    if not (_JOINED.match(text, left) or text[:left].rstrip().endswith(";")):
        return set()
    bounds = _clause_ends(text)
    starts = [0] + [b for _, b in bounds]
    for n in range(len(starts) - 1, -1, -1):
        lo = starts[n]
        if lo >= left:
            continue
        hi = next((a for a, _ in bounds if a >= lo), len(text))
        if _COMPARING.match(text, lo):
            continue
        found = [m for m in sentence_times(text) if lo <= m.start() < hi]
        if found:
            return {mark for m in found for mark in _read(m, published)}
        if not (_JOINED.match(text, lo) or text[:lo].rstrip().endswith(";")):
            return set()
    return set()


def _ahead(times: frozenset[str], published: dt.date | None) -> bool:
    """A deadline ("by 2035") after the article was written."""
    if published is None:
        return False
    return any(
        t.startswith("by") and t[2:].isdigit() and int(t[2:]) >= published.year for t in times
    )


def _head_at(text: str, left: int, right: int) -> int:
    clause = text[left:right]
    return left + len(clause) - len(clause.lstrip(" ,"))


@functools.lru_cache(maxsize=8192)
def sentence_times(text: str) -> tuple[re.Match[str], ...]:
    """Every time expression of a sentence (cached: several claims share a sentence; most
    sentences name none, which a quick look for their words tells)."""
    words = tokens(text)
    if not _any(words, _TIME_WORDS) and not _has_year(text):
        return ()
    return tuple(_TIME.finditer(text))


def _words_between(text: str, a: int, b: int) -> int:
    lo, hi = (a, b) if a <= b else (b, a)
    return len(text[lo:hi].split())


def _figures(
    text: str, start: int, end: int, left: int, right: int, times: list[re.Match[str]]
) -> list[tuple[int, int]]:
    """The claim's own figure first, then the clause's other numbers that are not times."""
    out = [(start, end)]
    for m in _FIGURE.finditer(text, left, right):
        if start <= m.start() < end or _PLAIN_YEAR.match(m.group(0)):
            continue
        if any(t.start() <= m.start() < t.end() for t in times):
            continue
        out.append((m.start(), m.end()))
    return out


def _nearest(figures: list[tuple[int, int]], m: re.Match[str], text: str) -> int:
    """Index of the figure a time belongs to: the one a few words before it ("2.8 million
    passengers in 2025"), else the nearest; -1 when a joining word ("and grew by an eighth in
    2025") stands between the time and every figure."""

    def gap(f: tuple[int, int]) -> tuple[int, int]:
        before = f[1] <= m.start()
        lo, hi = (f[1], m.start()) if before else (m.end(), f[0])
        if _JOIN.search(text, lo, hi):
            return (10**6, 1)
        words = len(text[lo:hi].split())
        if before and words <= FIGURE_TAIL_WORDS:
            return (0, words)  # the time closes the figure's own phrase
        return (1, hi - lo)

    best = min(range(len(figures)), key=lambda i: gap(figures[i]))
    return best if gap(figures[best])[0] < 10**6 else -1


def _read(m: re.Match[str], published: dt.date | None) -> set[str]:
    year = published.year if published else None
    if m.group("season"):
        return {f"y{m.group('season_year')}"}
    if m.group("between"):
        return {f"span{m.group('from_year')}-{m.group('to_year')}"}
    if m.group("since"):
        if m.group("since_decade"):
            return {f"since{m.group('since_decade')}s"}
        return {f"since{m.group('since_year') or m.group('since_year1') or ''}"}
    if m.group("decade"):
        return {f"d{m.group('decade_year')}s"}
    if m.group("by"):
        return {f"by{m.group('by_year')}", f"y{m.group('by_year')}"}
    if m.group("ytd"):
        return {"ytd"} | ({f"y{year}"} if year else set())
    if m.group("sofar"):
        return {"since"}
    if m.group("nth"):
        word = m.group("nth_word").lower()
        word = {"debut": "first", "maiden": "first", "rookie": "first"}.get(word, word)
        return {f"nth:{word}-{m.group('nth_unit').lower()}"}
    if m.group("prior"):
        return {"prior"}
    if m.group("last"):
        return _relative(published, m.group("last_unit").lower(), -1) or {"past"}
    if m.group("this"):
        return _relative(published, m.group("this_unit").lower(), 0) or {"now"}
    if m.group("next"):
        return _relative(published, m.group("next_unit").lower(), 1) or {"future"}
    if m.group("now"):
        return {f"y{year}"} if year else {"now"}
    if m.group("month"):
        return _month(m, published)
    return {f"y{m.group('plain_year')}"}


def _month(m: re.Match[str], published: dt.date | None) -> set[str]:
    """A month's year: as written, else this year's when the month has come by publication,
    else this year's (ahead) or last year's (past): both kept."""
    month = _MONTH_NUMBER.get(m.group("month")[:3].lower(), 0)
    # A running total told as of a month ("had paid £4.1m by the end of January", "by March
    # 22") stands at that month: two such months are two moments of it.
    asof = {f"asof:{month}"} if _AS_OF.search(m.string, 0, m.start()) else set()
    if m.group("month_year"):
        return {f"y{m.group('month_year')}"} | asof
    if published is None:
        return asof
    if month <= published.month:
        return {f"y{published.year}"} | asof
    return {f"y{published.year}", f"y{published.year - 1}"} | asof


_AS_OF = re.compile(
    r"\bby\s+(?:the\s+(?:end|middle|start)\s+of\s+)?(?:\d{1,2}\s+)?$", re.IGNORECASE
)


_MONTH_NUMBER = {
    name: n
    for n, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}


def _relative(published: dt.date | None, unit: str, offset: int) -> set[str]:
    """A year or season counted from the publication date. A season named in the first half of
    a year may be the one that began the year before (football) or the calendar year's: both
    are kept, so either reading meets the other article's."""
    if published is None:
        return set()
    year = published.year + offset
    if unit == "season" and published.month < 7:
        return {f"y{year}", f"y{year - 1}"}
    return {f"y{year}"}


def same_time(a: Frame, b: Frame) -> bool:
    if ("ytd" in a.times) != ("ytd" in b.times):
        return False  # so far this year: part of a year, never a whole one or one event
    asof_a = {t for t in a.times if t.startswith("asof:")}
    asof_b = {t for t in b.times if t.startswith("asof:")} if asof_a else set()
    if asof_a and asof_b and not asof_a & asof_b:
        return False
    return not (a.times and b.times and not (a.times & b.times))


# ---- owners ----------------------------------------------------------------------------------


def _owners(text: str, start: int, end: int, left: int, kind: str) -> tuple[set[str], set[str]]:
    """Holders as written ("X's", "for X", a rival) and the actor before the figure. An actor
    is weaker evidence: reporters name one actor in turn by country and capital ("North Korea
    was training 8,000", "Pyongyang was training 10,000"), so it only ranks rival matches."""
    base = max(left, start - 60)
    before = text[base:start]
    found: set[str] = set()
    actors: set[str] = set()
    low = text[left:start].lower()
    if ("rival" in low or "competitor" in low) and _RIVAL.search(text, left, start):
        found.add("p:rival")
    if kind in ("count", "quantity", "percent") and " for " in text[end : end + 60]:
        m = _FOR.match(text, end)
        if m and m.end() <= _clause_end(text, end):
            found |= {f"f:{n}" for n in names(m.group(1))}
    if ("its " in before or "whose " in before) and (holder := _pronoun_holder(text, before)):
        found.add(f"p:{holder}")
    if before == before.lower():
        return found, actors  # no capital before the figure: no name to hold it
    m = _POSSESSIVE.search(before) if ("'" in before or "’" in before) else None
    if m and not set(m.group(2).split()) & _SPEECH:
        found |= {f"p:{n}" for n in names(m.group(1))}
    m = _ACTOR.search(before)
    if (
        m
        and not set(m.group(2).split()) & (_SPEECH | _LINKS)
        and not _opener(text, base + m.start(1), m.group(1))
    ):
        actors |= names(m.group(1))
    return found, actors


_WHOSE = re.compile(r"\b([a-z][\w-]*),\s+whose\s+(?:[a-z][\w-]*\s+){0,3}$")
_ITS = re.compile(r"\bits\s+(?:[a-z][\w-]*\s+){0,3}$")
_OPENER = re.compile(
    r"The\s+(?:[a-z][\w-]*\s+)?([a-z][\w-]*)\s+(?:has|have|had|is|was|said|says|will)\b"
)


def _pronoun_holder(text: str, before: str) -> str | None:
    """The common noun a figure's "its" or "whose" stands for: "The city council, whose annual
    budget is €38m" (council); "The service has 1,900 staff, and its annual budget is €41
    million" (the service the sentence opens with)."""
    m = _WHOSE.search(before)
    if m:
        return stem(m.group(1))
    if _ITS.search(before):
        m = _OPENER.match(text)
        return stem(m.group(1)) if m else None
    return None


def _clause_end(text: str, at: int) -> int:
    return next((a for a, _ in _clause_ends(text) if a >= at), len(text))


def _opener(text: str, at: int, name: str) -> bool:
    """A single capitalised word that only opens the sentence ("Wildfires burned ...")."""
    if " " in name or any(ch.isupper() for ch in name[1:]):
        return False
    return at == 0 or text[:at].rstrip().endswith((".", "!", "?", '"', "“", ":"))


def names(phrase: str) -> set[str]:
    """Holder names in a capitalised phrase, in one spelling ("the UK's" and "Britain's")."""
    words = [w.strip("'’.") for w in phrase.replace("’s", "").replace("'s", "").split()]
    words = [w for w in words if w and w.lower() not in _NOT_NAMES]
    whole = " ".join(w.lower() for w in words)
    if whole in _ALIASES:
        return {_ALIASES[whole]}
    return {_ALIASES.get(w.lower(), stem(w)) for w in words}


def same_owner(a: frozenset[str], b: frozenset[str]) -> bool:
    """False when both figures name a holder in the same role ("X's" / "for X") and none of
    one's is one of the other's: "Oduya's 23 goals" and "23 goals for Corran" name a player
    and a club, which can both be right."""
    if not a or not b or a & b:
        return True
    for ra, rb in zip(_roles(a), _roles(b), strict=True):
        if ra and rb and not _meet(ra, rb):
            return False
    return True


@functools.lru_cache(maxsize=4096)
def _roles(owners: frozenset[str]) -> tuple[set[str], set[str]]:
    return (
        {x[2:] for x in owners if x.startswith("p:")},
        {x[2:] for x in owners if x.startswith("f:")},
    )


def same_actor(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or _meet(set(a), set(b))


def meets(a: frozenset[str], b: frozenset[str]) -> bool:
    """Some name of one is a name of the other (both given)."""
    return bool(a) and bool(b) and _meet(set(a), set(b))


def _meet(a: set[str], b: set[str]) -> bool:
    if a & b:
        return True
    return any(
        len(x) >= PREFIX_MATCH and len(y) >= PREFIX_MATCH and (x.startswith(y) or y.startswith(x))
        for x in a
        for y in b
    )


# ---- sorts of figure -------------------------------------------------------------------------


def _aspects(
    text: str, span: str, start: int, end: int, left: int, right: int, kind: str
) -> set[str]:
    out: set[str] = set()
    words = tokens(text)
    before = text[max(left, start - 60) : start]
    after = text[end : min(right, end + 60)]
    clause = text[left:right]
    if kind != "duration" and _any(words, _PERIOD_WORDS):
        out |= _period(span, before, after, text, start, end, left, right)
    if _any(words, _TOTAL_WORDS) and (_TOTAL.search(clause) or _SINCE.search(clause)):
        out.add("total")
    if _any(words, _AVERAGE_WORDS) and (_AVERAGE.search(before) or _AVERAGE.search(after[:15])):
        out.add("average")
    # The verb may come after the noun phrase ("up to 2,000 of its services could be cut").
    window = " ".join(
        [*before.split()[-MODAL_WORDS_BEFORE:], "#", *after.split()[:MODAL_WORDS_AFTER]]
    )
    if _any(tokens(window), _MODAL_WORDS) and not _COMPOUND.search(span):
        modality = _modality(window)
        if modality:
            out.add(modality)
    if kind == "money" and not out & _SOFT and _MARKET.search(before):
        out.add("market")
    if kind == "money" and _EARLIER_ROUND.search(before):
        out.add("earlier")
    if "poll" in words or "polls" in words or "survey" in words:
        # Polls are estimates, and two polls are two figures: which poll is part of the sort.
        out |= {"forecast"} | {f"poll:{m.group(1).lower()}" for m in _POLL.finditer(clause)}
    scope = _scope(text, words, left, right)
    if scope:
        out.add(scope)
    if kind == "percent" and (_CHANGE_BEFORE.search(before) or _CHANGE_AFTER.match(after)):
        out.add("change")
        out |= _direction(before, after)
    if _DIFFERENCE.match(after):
        out.add("change")  # "10 more than a majority", "five short of the 76": a difference
    if kind == "count":
        m = _PER_BEFORE.search(before)
        if m:
            out.add(f"of:{stem(m.group(1))}")  # "17 goals in [49 games]": games of a tally
    return out


# What someone expects another to do ("expects Corliss to return with an offer of 440p") is a
# forecast of it, whatever the verb it expects.
_EXPECTS = re.compile(
    r"(?<!as\s)\b(?:expects?|expected|expecting|predicts?|predicted|forecasts?)\b", re.IGNORECASE
)


# A figure joined to its unit by a hyphen ("a 650-megawatt campus", "a 24-milligram dose")
# describes the noun after it: the thing is that size whether it is planned, promised or
# built, so the verb's mood says nothing of the figure.
_COMPOUND = re.compile(r"\d-[a-z]{2,}$")


def expects(window: str) -> bool:
    return _EXPECTS.search(window) is not None


def _modality(window: str) -> str | None:
    if _EXPECTS.search(window):
        return "forecast"
    return next((name for name, rx in _MODALITIES if rx.search(window)), None)


_UP = _wordset(
    """rose rise rises risen rising grew grow grows grown jumped climbed increased up
    gained raised higher more increase jump gain growth hike"""
)
_DOWN = _wordset(
    """fell fall falls fallen falling dropped declined slipped decreased down lost cut
    lower less decrease drop decline"""
)


_AGAINST = re.compile(r"(?:against|versus|compared\s+(?:with|to)|as\s+against)\b", re.IGNORECASE)


def _scope(text: str, words: frozenset[str], left: int, right: int) -> str | None:
    """Where the clause says its figures hold: "nation", "region" or "local". A comparison
    ("..., against roughly 24% for National Renewal") holds in the place of the clause before."""
    if _any(words, _NATION_WORDS) and _NATION.search(text, left, right):
        return "nation"
    if _any(words, _NATION_WORDS) and _NATION.search(text) and _IN_NAME.search(text, left, right):
        return "local"  # "180,000 nationally, and some 64,000 in Vardun": a part set apart
    if _any(words, _LOCAL_WORDS) and _LOCAL.search(text, left, right):
        return "local"
    if _any(words, _REGION_WORDS) and _REGION.search(text, left, right):
        return "region"
    if left and _AGAINST.match(text, left):
        ends = [(a, b) for a, b in _clause_ends(text) if b <= left]
        if ends:
            start = ends[-2][1] if len(ends) > 1 else 0
            return _scope(text, words, start, ends[-1][0])
    return None


def _direction(before: str, after: str) -> set[str]:
    """A rise or a fall: "fell 0.12 points" and "rose 0.3 points" are two changes."""
    near = [*before.lower().split()[-2:], *after.lower().split()[:1]]
    if _UP.intersection(near) and not _DOWN.intersection(near):
        return {"dir:up"}
    if _DOWN.intersection(near) and not _UP.intersection(near):
        return {"dir:down"}
    return set()


def _period(
    span: str, before: str, after: str, text: str, start: int, end: int, left: int, right: int
) -> set[str]:
    """'a year' / 'annual' (a rate) or 'over three years' (a total over a period)."""
    rate = _RATE.search(span) or _RATE.match(after.lstrip(" ,"))
    if rate is not None and _NOT_RATE_AFTER.match(after):
        rate = None  # "$486 billion a year earlier": the span took a time for a rate
    if rate is None:
        m = _RATE_BEFORE.search(before)
        rate = _RATE.search(m.group(1)) if m else None
    if rate:
        unit = rate.group(1) or _RATE_WORD[rate.group(2).lower()]
        return {f"rate:{unit.lower()}"}
    for m in _OVER.finditer(text, left, right):
        if not start <= m.start() < end:
            return {f"over:{_count(m.group(1))}{m.group(2).lower()[0]}"}
    return set()


_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip


def _count(word: str) -> int:
    return _COUNTS.get(word.lower()) or int(word)


def compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """False when the two figures are of sorts that are never the same figure: a rate and a
    total, two rates per different periods, an average and a single figure, a plan (pledge,
    forecast, capacity) and what was done, the whole country and anything less, a change and a
    level. Otherwise a figure whose sort its text does not say meets any of them."""
    if a == b:
        return True  # most often both empty
    sa, sb = _sorts(a), _sorts(b)
    if sa[0] != sb[0]:
        return False  # an average or a change against a single figure or a level
    ma, mb = sa[1], sb[1]
    if ma != mb and not (ma <= _SOFT and mb <= _SOFT and not (ma and mb)):
        return False  # a plan and what was done; an offer and a demand
    if ("local" in a) != ("local" in b):
        return False  # a part the text sets apart ("in the city", "in Varnholm itself")
    return all(not fa or not fb or bool(fa & fb) for fa, fb in zip(sa[2:], sb[2:], strict=True))


_FAMILIES = (
    ("poll:",),
    ("rate:", "over:", "total"),
    ("nation", "region", "local"),
    ("of:",),
    ("dir:",),
)


@functools.lru_cache(maxsize=4096)
def _sorts(aspects: frozenset[str]) -> tuple[frozenset[str], ...]:
    """The aspects family by family: the lone ones (average, change), the modality, then the
    families two figures must share a member of when both have one."""
    alone = frozenset(x for x in aspects if x in ("average", "change", "earlier"))
    return (alone, _of(aspects, _MODALITY), *(_of(aspects, f) for f in _FAMILIES))


_MODALITY = (
    "pledge", "offer", "demand", "actual", "threshold", "target", "forecast", "capacity",
    "market",
)  # fmt: skip


def _of(aspects: frozenset[str], family: tuple[str, ...]) -> frozenset[str]:
    return frozenset(x for x in aspects if x.startswith(family))
