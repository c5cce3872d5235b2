"""One pair of claims from different documents: the same thing or not, and if so, agreeing or not.

Precision comes first: a false conflict wastes a checker's time, so every test below has to pass
before two claims are called "the same thing"; when in doubt the pair is left alone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from claimtrack.check import events, quotes, text, values
from claimtrack.check import frame as framing
from claimtrack.check.rows import Row

# Weighted Dice similarity of two sentences' content words (names count double).
CONTEXT_MIN = 0.2  # with subjects that match
CONTEXT_MIN_NO_SUBJECT = 0.4  # when one claim has no usable subject
CONTEXT_MIN_NO_SUBJECT_PERCENT = 0.5
CONTEXT_MIN_OTHER_SUBJECT = 0.4  # when the extracted subjects share too few words
CONTEXT_MIN_HEAD = 0.25  # ... but the words right by the figures say the same thing
CLAUSE_MIN = 0.5  # the figures' own clauses, when the whole sentences share too little
CLAUSE_SHARED_MIN = 3
SUBJECT_MIN = 0.5  # share of the shorter subject's words found in the other
OTHER_SUBJECT_RATIO = 1.5  # figures further apart than this with other subjects: other things
DATE_CONTEXT_MIN = 0.3
# An unmarked figure speaks of its article's present: not of last year, nor of two years on.
FAR_YEARS_BACK = 1
FAR_YEARS_AHEAD = 2
DATE_MAX_GAP_DAYS = 31  # two dates further apart are two events, not one misdated
OTHER_WEEK_DAYS = 6
EXCERPT_SPEAKER_MIN_WORDS = 6
# Recovery after a disaster is told as it goes ("power restored to 60% of homes"): the share
# done grows day by day, so two articles of different days give two moments of it.
_PROGRESS = text.wordset("restored reconnected reopened repaired")

# The event a date dates, told by the verb tied to it: two dates of one story with verbs of
# different classes ("opened on Wednesday", "signed off on Thursday") date two events.
_EVENTS = (
    ("start", re.compile(
        r"\b(open(?:s|ed|ing)?|reopen(?:s|ed)?|beg[ia]n|begins|start(?:s|ed)?|launch(?:es|ed)?|"
        r"kick(?:s|ed)? off|resum(?:e|es|ed)|broke out|break(?:s)? out|gather(?:s|ed)?|"
        r"conven(?:e|es|ed)|got under way)\b", re.I)),
    ("end", re.compile(
        r"\b(clos(?:e|es|ed|ing)|end(?:s|ed)?|conclud(?:e|es|ed)|wrap(?:s|ped)? up|"
        r"finish(?:es|ed)?|adjourn(?:s|ed)?|suspend(?:s|ed)?|collaps(?:e|es|ed)|broke off|"
        r"break(?:s)? off|contained|extinguished)\b", re.I)),
    ("sign", re.compile(
        r"\b(sign(?:s|ed|ing)?|ratif(?:y|ies|ied)|approv(?:e|es|ed))\b", re.I)),
    # Someone said something then: people speak on many days, so two such dates are two
    # statements, never one misdated.
    ("speech", re.compile(
        r"\b(sa(?:id|ys|y)|t(?:old|ells?)|urg(?:ed|es)|warn(?:ed|s)|add(?:ed|s)|reiterat(?:ed|es)|"
        r"repeat(?:ed|s)|insist(?:ed|s)|argu(?:ed|es)|stress(?:ed|es)|not(?:ed|es)|"
        r"explain(?:ed|s)|claim(?:ed|s)|confirm(?:ed|s)|deni(?:ed|es))\b", re.I)),
)  # fmt: skip
EVENT_WORDS_BEFORE = 14
EVENT_WORDS_AFTER = 6
# A running figure reaching a point: "the toll rose to 1,930", "passed 2,000".
_MILESTONE = re.compile(
    r"\b(?:(?:rose|risen|climbed|jumped|grew|reached|passed|topped|exceeded|hit|surpassed|fell|"
    r"dropped)(?:\s+(?:to|past|above|below))?|(?:up|down)\s+from)\s+"
    r"(?:(?:at\s+least|more\s+than|about|some|nearly|almost|over)\s+)?(\d[\d,]*(?:\.\d+)?)"
)
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,\s")
_MONTH = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])", re.IGNORECASE
)


_UNSET = object()


@dataclass(frozen=True, slots=True)
class Edge:
    a: int
    b: int
    relation: str  # agrees | conflicts
    kind: str | None = None  # the conflict kind when relation == "conflicts"
    score: float = 0.0  # how surely the two claims are about one thing (ranks rival matches)


def compare(x: Row, y: Row) -> Edge | None:
    if x.document_id == y.document_id or x.dim is None or y.dim is None or x.dim[0] != y.dim[0]:
        return None
    a, b = (x, y) if x.id < y.id else (y, x)
    if x.kind == "quote":
        found = _compare_quotes(a, b)
    elif x.kind == "date":
        found = _compare_dates(a, b)
    else:
        found = _compare_values(a, b)
    if found is None:
        return None
    relation, kind, score = found
    return Edge(a.id, b.id, relation, kind, score)


def context_similarity(x: Row, y: Row) -> float:
    """Weighted Dice over the two sentences' content words."""
    wx, nx, total_x = x.weights
    wy, ny, total_y = y.weights
    if not total_x or not total_y:
        return 0.0
    shared = wx & wy
    # A shared word weighs double if it is a name in either sentence.
    weight = len(shared) + (text.NAME_WEIGHT - 1) * len(shared & (nx | ny))
    return 2 * weight / (total_x + total_y)


def clause_similarity(x: Row, y: Row) -> float:
    """Dice over the content words of the two figures' own clauses."""
    cx, cy = x.clause_words, y.clause_words
    if not cx or not cy:
        return 0.0
    return 2 * len(cx & cy) / (len(cx) + len(cy))


def subject_match(x: Row, y: Row) -> float | None:
    """Share of the shorter subject found in the other; None when either has none. Where both
    subjects have common words, only those count: "Kestrel's revenue" and "Kestrel Rail's
    order" share a name but are two things."""
    if x.kind == "date":
        # A date's subject is its event and where it happened: names count there.
        sx, sy = x.subject_words, y.subject_words
    else:
        sx, sy = x.subject_things, y.subject_things
        if not sx and not sy:
            return None  # names and places only: whose or where, not what
        if not sx or not sy:
            sx, sy = x.subject_words, y.subject_words
    if not sx or not sy:
        return None
    return len(sx & sy) / min(len(sx), len(sy))


def same_time(x: Row, y: Row) -> bool:
    """False when the texts tie the two figures to different times. The claim's own date is
    taken only where its clause names a time (a date from another clause of the sentence says
    nothing about this figure)."""
    fx, fy = x.frame, y.frame
    if x.date and y.date and fx.dated and fy.dated:
        n = min(len(x.date), len(y.date))
        if x.date[:n] != y.date[:n]:
            return False
    if not framing.same_time(fx, fy):
        return False
    if _earlier_figure(x, y) or _earlier_figure(y, x):
        return False
    if not fx.times and fy.times:
        return not _far_year(fy.times, x.doc_published)
    if not fy.times and fx.times:
        return not _far_year(fx.times, y.doc_published)
    return True


def _earlier_figure(prior: Row, other: Row) -> bool:
    """ "Up from 35%" is the figure before its article's present; an unmarked figure of an
    article no older speaks of that present or a later one."""
    if "prior" not in prior.frame.times or other.frame.times:
        return False
    before, after = prior.doc_published, other.doc_published
    return before is not None and after is not None and after >= before


def _far_year(times: frozenset[str], published: dt.date | None) -> bool:
    """True when a figure is tied only to years before (or two and more after) the year the
    other article, which names no time for its figure and so speaks of its present, was
    written."""
    if published is None:
        return False
    years = [int(t[1:]) for t in times if t.startswith("y") and t[1:].isdigit()]
    if not years or len(years) != len(times):
        return False
    # A past year is another time already when it is last year: "Wildfires burned 61,000
    # hectares in 2025" is not this year's fire. Years ahead are plans, farther off.
    return all(
        published.year - year >= FAR_YEARS_BACK or year - published.year >= FAR_YEARS_AHEAD
        for year in years
    )


def same_thing(
    x: Row,
    y: Row,
    context_min: float = CONTEXT_MIN,
    other_subjects: bool = True,
    subj: float | object | None = _UNSET,
) -> float | None:
    """How surely two claims are about one thing (None: not the same thing). Their subjects
    must match and their sentences share some words, or, where the extracted subjects miss
    each other, the sentences must be close or the same word stand right by both figures.
    The score is the sentences' similarity and half the subjects' (ranking rival matches
    adds the clauses', see prune)."""
    if not isinstance(subj, float | None):
        subj = subject_match(x, y)
    ctx = context_similarity(x, y)
    if subj is not None and subj >= SUBJECT_MIN:
        floor = context_min
    elif subj is None and x.kind != "percent" and x.head & y.head:
        # No subject, but the same word right by both figures ("35 km south-west of"): that
        # word is what the figure measures. The same verb and the same party on the other end
        # ("took £38.6m from savers") say it as well as a subject would.
        floor = context_min if _same_role(x, y) else max(context_min, CONTEXT_MIN_HEAD)
    elif subj is None:
        # A share has no noun of its own ("34%" of what?): its sentence must say more.
        alone = CONTEXT_MIN_NO_SUBJECT_PERCENT if x.kind == "percent" else CONTEXT_MIN_NO_SUBJECT
        floor = max(context_min, alone)
    elif not other_subjects:
        return None
    elif x.head & y.head:
        floor = max(context_min, CONTEXT_MIN_HEAD)  # the same word right by the figure
    elif _same_clause(x, y):
        floor = context_min  # the figures' own clauses say the same in many words
    else:
        floor = CONTEXT_MIN_OTHER_SUBJECT
    if ctx < floor and not (subj is not None and subj >= SUBJECT_MIN and _plain(x, y, floor)):
        return None
    if text.other_stories(x.story, y.story):
        return None  # two articles that name no one in common
    return ctx + (subj or 0.0) / 2


def _same_role(x: Row, y: Row) -> bool:
    if x.kind != "money":
        return False
    role = x.derived("role", _role)
    return role is not None and role == y.derived("role", _role)


# "took £38.6m (about $48.9m) from more than 1,100 savers": the verb, then who it came from or
# went to.
_ROLE_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(from|to)\s+(?:(?:more\s+than|about|some|nearly|over|at\s+least)\s+)?"
    r"(?:[\d,]+\s+)?([a-z]+)"
)


def _role(row: Row) -> tuple[str, str, str] | None:
    at = row.text.find(row.span)
    if at <= 0:
        return None
    m = _ROLE_AFTER.match(row.text, at + len(row.span))
    before = text.words(row.text[:at])[-1:]
    if m is None or not before or before[0].lower() in text.STOP_WORDS:
        return None
    noun = text.subject_word(m.group(2))
    return (before[0].lower(), m.group(1), noun) if noun else None


def _same_clause(x: Row, y: Row) -> bool:
    shared = len(x.clause_words & y.clause_words)
    return shared >= CLAUSE_SHARED_MIN and clause_similarity(x, y) >= CLAUSE_MIN


def _plain(x: Row, y: Row, floor: float) -> bool:
    """Matching subjects told in clauses that say the same ("Turnout was 63.4%"), inside
    sentences too long for their words to show it."""
    return floor <= CONTEXT_MIN and clause_similarity(x, y) >= CLAUSE_MIN


def _compare_values(x: Row, y: Row) -> tuple[str, str | None, float] | None:
    # Every test must pass; the cheapest go first, and the clauses' words come last.
    subj = subject_match(x, y)
    if values.far_apart(x.base_value, y.base_value):
        return None  # "up to €35bn" does not agree with "€500m": they are two different things
    if (
        subj is not None
        and subj < SUBJECT_MIN
        and values.far_apart(x.base_value, y.base_value, OTHER_SUBJECT_RATIO)
    ):
        return None  # other subjects: only a near figure can be the same thing misreported
    score = same_thing(x, y, subj=subj)
    if score is None:
        return None
    fx, fy = x.frame, y.frame
    if not framing.compatible(fx.aspects, fy.aspects) and not _one_plan(x, y):
        return None  # a yearly cost and a total, a pledge and what was paid ...
    if _running_change(x, y) or _recovery_days(x, y) or _other_sums(x, y):
        return None
    if not framing.same_owner(fx.owners, fy.owners):
        return None  # "Kestrel's revenue" and "its rival's"
    if not same_time(x, y):
        return None
    if values.overlap(x.bounds, y.bounds):
        return ("agrees", None, score)
    return ("conflicts", "value", score)


def _one_plan(x: Row, y: Row) -> bool:
    """One actor's plan told with other words: "said it would cut 4,800 jobs", "planned to cut
    4,800 jobs" and "will cut 5,100 jobs" are one announced cut, whether the text words it as a
    forecast, a target or a promise, when the same verb takes the figure."""
    if x.kind not in _PLAN_KINDS:
        return False
    ax, ay = x.frame.aspects, y.frame.aspects
    if not ax & _PLAN or not ay & _PLAN or any(a.startswith("poll:") for a in ax | ay):
        return False
    if not framing.compatible(ax - _PLAN, ay - _PLAN):
        return False
    verb = x.derived("verb", _verb_before)
    return verb is not None and verb == y.derived("verb", _verb_before)


_PLAN = frozenset({"forecast", "target", "pledge"})
PLAN_CHARS_BEFORE = 60
_PLAN_KINDS = frozenset({"count", "money"})
# Verbs whose object is the planned amount itself; "reach", "rise to" and the like are where
# a forecast and a target of one measure part ways.
_PLAN_VERBS = text.wordset("cut cuts axe shed slash hire add create spend invest build close")


def _verb_before(row: Row) -> str | None:
    at = row.text.find(row.span)
    before = text.words(row.text[:at])[-1:] if at > 0 else []
    word = before[0].lower() if before else None
    if word not in _PLAN_VERBS:
        return None
    # What someone expects a plan to do is their forecast, not the plan ("expected the merger
    # to cut about 800 jobs" against "aims to cut 1,100").
    return None if framing.expects(row.text[max(0, at - PLAN_CHARS_BEFORE) : at]) else word


def _other_sums(x: Row, y: Row) -> bool:
    """Figures told of a sum ("a $2.5bn loan, repayable over 25 years", "a $300 million loan,
    repayable over 30 years"): when every sum one sentence names is far from every sum in the
    same currency the other names, the figures are of two things."""
    if x.kind == "money":
        return False
    ax = x.derived("sums", _sums)
    ay = y.derived("sums", _sums) if ax else ()
    pairs = [(a, b) for sa, a in ax for sb, b in ay if sa == sb]
    return bool(pairs) and all(values.far_apart(a, b) for a, b in pairs)


def _sums(row: Row) -> tuple[tuple[str, float], ...]:
    if row.kind != "duration":
        return values.amounts(row.text)
    placed = values.placed_amounts(row.text)
    if not placed:
        return ()
    # A sum in another joined clause with a length of time of its own belongs to that one: in
    # "jailed A for 13 years for a fraud that took £36.8m, and B was sentenced to four years"
    # the £36.8m is not B's.
    at = row.text.find(row.span)
    cuts = [m.start() for m in _JOIN_CLAUSE.finditer(row.text)]
    mine = _part(cuts, at)
    others = {
        _part(cuts, m.start())
        for m in _DURATION.finditer(row.text)
        if not at <= m.start() < at + len(row.span)
    }
    return tuple(
        (sign, value)
        for sign, value, pos in placed
        if _part(cuts, pos) == mine or _part(cuts, pos) not in others
    )


def _part(cuts: list[int], pos: int) -> int:
    return sum(cut <= pos for cut in cuts)


_JOIN_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s|;")
_DURATION = re.compile(
    r"\b(?:\d+(?:\.\d+)?|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?:\s+and\s+a\s+half)?\s+(?:years?|months?|weeks?|days?)\b",
    re.IGNORECASE,
)


def _running_change(x: Row, y: Row) -> bool:
    """A change "since the bid" runs to its article's day; an unmarked change in an article of
    another day ("fell 4.2% in early trading") is a change up to that day: two periods."""
    ax, ay = x.frame.aspects, y.frame.aspects
    if "change" not in ax or "change" not in ay or ("total" in ax) == ("total" in ay):
        return False
    return x.doc_published is not None and x.doc_published != y.doc_published


def _recovery_days(x: Row, y: Row) -> bool:
    """Both figures tell how far a recovery has gone, in articles of different days."""
    if x.doc_published is None or x.doc_published == y.doc_published:
        return False
    return x.derived("recovery", _recovery) and y.derived("recovery", _recovery)


def _recovery(row: Row) -> bool:
    # Most sentences hold none of the words: their clause is not worked out for them.
    if not any(w in row.text for w in _PROGRESS):
        return False
    return bool(row.clause_words & _PROGRESS)


def phase(row: Row) -> str | None:
    """The class of event the verb tied to a date names ('start', 'end', 'sign'): the last such
    verb before the date in its clause ("opened in Warsaw on Wednesday"), else the first after
    it."""
    at = row.text.find(row.span)
    if at < 0:
        return None
    left, right = framing.clause_bounds(row.text, at, at + len(row.span))
    before = " ".join(text.words(row.text[left:at])[-EVENT_WORDS_BEFORE:])
    after = " ".join(text.words(row.text[at + len(row.span) : right])[:EVENT_WORDS_AFTER])
    found = [(m.start(), name) for name, rx in _EVENTS for m in rx.finditer(before)]
    if found:
        return max(found)[1]
    found = [(m.start(), name) for name, rx in _EVENTS for m in rx.finditer(after)]
    return min(found)[1] if found else None


def is_dateline(row: Row) -> bool:
    at = row.text.find(row.span)
    return bool(_DATELINE.match(row.text)) and 0 <= at < 40


def _day(row: Row) -> dt.date | None:
    return _as_date(row.date or "")


def _as_date(iso: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso) if len(iso) == 10 else None
    except ValueError:
        return None


def _compare_dates(x: Row, y: Row) -> tuple[str, str | None, float] | None:
    assert x.date is not None and y.date is not None
    # Every test must pass; the cheap ones on the dates themselves go first.
    n = min(len(x.date), len(y.date))
    same_date = x.date[:n] == y.date[:n]
    if not same_date:
        dx, dy = x.derived("day", _day), y.derived("day", _day)
        if dx is None or dy is None or abs((dx - dy).days) > DATE_MAX_GAP_DAYS:
            return None
        if (
            _relative(x.span)
            and _relative(y.span)
            and x.doc_published != y.doc_published
            and abs((dx - dy).days) >= OTHER_WEEK_DAYS
        ):
            # "on Monday" in two articles written on different days, a week apart: each
            # names its own Monday, likely another round of the same talks.
            return None
    if x.derived("dateline", is_dateline) or y.derived("dateline", is_dateline):
        return None
    px, py = x.derived("phase", phase), y.derived("phase", phase)
    if px and py and px != py:
        return None  # the summit opened on the 5th and closed on the 6th
    if not same_date and "speech" in (px, py):
        return None  # said on Thursday, and again on Friday
    if not events.same_round(x, y):
        return None  # the first walkout and the next one
    if not same_date and _milestones(x, y):
        return None  # the toll rose to 1,930 on Thursday and passed 2,000 on Friday
    # A story has many events and the verbs around their dates vary: the subjects must meet,
    # or the clauses name the same event in words of their own.
    score = None
    if x.subject_words and y.subject_words:
        score = same_thing(x, y, DATE_CONTEXT_MIN, other_subjects=False)
    if score is None:
        score = events.same_event(x, y)
    if score is None:
        return None
    return ("agrees", None, score) if same_date else ("conflicts", "date", score)


def _milestones(x: Row, y: Row) -> bool:
    """Each date's clause has a running figure reach a point ("rose to 1,930", "passed 2,000")
    and the two points differ: the dates of two points, not one event misdated."""
    fx = x.derived("milestones", _milestone_figures)
    fy = y.derived("milestones", _milestone_figures) if fx else frozenset()
    return bool(fx) and bool(fy) and not fx & fy


def _milestone_figures(row: Row) -> frozenset[str]:
    at = row.text.find(row.span)
    if at < 0 or not any(ch.isdigit() for ch in row.text):
        return frozenset()
    left, right = framing.clause_bounds(row.text, at, at + len(row.span))
    return frozenset(m.replace(",", "") for m in _MILESTONE.findall(row.text, left, right))


def _relative(span: str) -> bool:
    """A date written without a number or a month: 'Wednesday', 'last week', 'tomorrow'."""
    return not any(ch.isdigit() for ch in span) and not _MONTH.search(span)


def _compare_quotes(x: Row, y: Row) -> tuple[str, str | None, float] | None:
    wx, wy = x.quote_words, y.quote_words
    if not wx or not wy:
        return None
    shared = len(x.quote_set & y.quote_set)
    if shared * 2 < min(len(x.quote_set), len(y.quote_set)):
        return None  # mostly other words: another quote
    speaker = quotes.same_speaker(x.speaker, y.speaker)
    same_words = wx == wy
    excerpt = not same_words and (
        quotes.is_excerpt(x.quote_parts, wy) or quotes.is_excerpt(y.quote_parts, wx)
    )
    if same_words or excerpt:
        shorter = min(len(wx), len(wy))
        if speaker is False and (same_words or shorter >= EXCERPT_SPEAKER_MIN_WORDS):
            return ("conflicts", "quote_speaker", 1.0)
        return ("agrees", None, 1.0) if speaker is not False else None
    sim = quotes.similarity(wx, wy)
    if speaker is True and sim >= quotes.WORDING_MIN:
        return ("conflicts", "quote_wording", sim / 100)
    if speaker is False and sim >= quotes.SPEAKER_MIN:
        return ("conflicts", "quote_speaker", sim / 100)
    return None
