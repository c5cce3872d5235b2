"""Words of a sentence as the checker sees them: stemmed content words, named entities, times."""

from __future__ import annotations

import functools
import re

from claimtrack.words import stem


def wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_wordset = wordset


STOP_WORDS = _wordset(
    """
    a an the of in on at to for from by with about as into over under than and or but nor
    so its it it's their his her our your my this that these those there here which who
    whom whose what when where while why how is are was were be been being has have had do
    does did will would shall should can could may might must not no some any each every
    more most less least up down out off per also only just very new last next first such
    other another own same around nearly almost roughly approximately million billion
    thousand trillion bn m k said says say saying told tell tells according after before
    since during until including like across against between both all many much few several
    one two three four five six seven eight nine ten hundred dozen he she they we i you him
    them us me if then than too well still even now yet ago already again further through
    via among within without upon percent per cent year years month months week weeks day
    days hour hours time times official officials spokesman spokeswoman added noted stated
    announced reported report reports according whether because however although though
    """
)

# Capitalised words that do not name anything in particular.
_NOT_ENTITIES = _wordset(
    """
    the a an he she it they we i his her their its this that these those in on at for but
    and or if when while after before as by with from to of mr mrs ms dr january february
    march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov
    dec some one two there here what who which last next first
    """
)

_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ0-9'’-]*")
_CAPITALISED = re.compile(r"(?<![\wÀ-ÖØ-öø-ÿ'’-])[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ0-9'’-]*")
_OPENERS = (".", "!", "?", '"', "“", ":")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_PAST = re.compile(
    r"\b(last year|a year (?:earlier|ago|before)|the previous year|the year before|"
    r"(?:months|years|weeks) (?:earlier|ago|before)|previously|at the time|then-)\b",
    re.IGNORECASE,
)
_NOW = re.compile(
    r"\b(this year|so far this year|now|currently|today|at present|this month|to date)\b",
    re.IGNORECASE,
)
# A figure aimed at, planned or forecast is a different thing from the figure achieved.
_TARGET = re.compile(
    r"\b(capacity|capacities|target(?:s|ed)?|goal|aim(?:s|ed)?|plan(?:s|ned)?|forecast|"
    r"projected|expect(?:s|ed)?|to reach|would reach|to raise|to increase|to rise)\b",
    re.IGNORECASE,
)
_SPELLING = (("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("our", "or"))


@functools.lru_cache(maxsize=65536)
def spelling(word: str) -> str:
    """British and American spellings of one word made equal (defence/defense, -ise/-ize)."""
    if word.endswith("ence") and word[:-4] in {"def", "off", "lic", "pret"}:
        return word[:-4] + "ense"
    for old, new in _SPELLING:
        if word.endswith(old) and len(word) > len(old) + 2:
            return word[: -len(old)] + new
    return word


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@functools.lru_cache(maxsize=8192)
def sentence_words(text: str) -> tuple[frozenset[str], frozenset[str], float]:
    """A sentence's content words, those of them that are names (they weigh double), and the
    weights' sum.

    Cached: several claims often share one sentence.
    """
    found = frozenset(content_words(text))
    names = found & _entities(text)
    return found, names, len(found) + (NAME_WEIGHT - 1) * len(names)


NAME_WEIGHT = 2


def content_words(text: str) -> set[str]:
    """Stemmed words that carry meaning: stop words, numbers and short words out."""
    out = {_content(w) for w in _WORD.findall(text)}
    out.discard("")
    return out


def content_word(word: str) -> str:
    """One word as content_words() reads it ('' for a stop word)."""
    return _content(word)


@functools.lru_cache(maxsize=8192)
def words_lower(sentence: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(sentence))


@functools.lru_cache(maxsize=131072)
def _content(word: str) -> str:
    low = word.lower()
    if low in STOP_WORDS or len(low) < 2:
        return ""
    found = spelling(stem(low))
    return CONCEPTS.get(found, found)


def _concepts(groups: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in groups.strip().splitlines():
        head, _, rest = line.partition(":")
        for word in rest.split():
            out[word] = head.strip()
    return out


# Words news writers use in turn for one thing, as stemmed: "a fee of £42m", "Menc cost £42m",
# "Menc's £45m transfer" all give the price paid. Only words that rarely mean anything else
# next to a figure of the same kind.
CONCEPTS = _concepts(
    """
    price: fee cost price paid payment transfer
    strike: strike walkout stoppage
    deal: deal contract order agreement accord
    revenue: revenue turnover
    profit: profit earning
    loan: loan credit lending
    aid: aid support assistance
    killed: killed dead died death toll fatality
    evacuated: evacuated evacuee displaced
    injured: injured wounded hurt
    """
)


def entities(text: str) -> set[str]:
    """Capitalised words and acronyms not at the start of the sentence: names, places, bodies."""
    return set(_entities(text))


@functools.lru_cache(maxsize=16384)
def _entities(text: str) -> frozenset[str]:
    """Cached: a sentence's names are read for its weights, its block keys and its events."""
    out = set()
    for m in _CAPITALISED.finditer(text):
        at = m.start()
        if at == 0 or text[max(0, at - 4) : at].rstrip().endswith(_OPENERS):
            continue  # a capital that only starts a sentence or a quote
        out.add(_entity_word(m.group(0)))
    out.discard("")
    return frozenset(out)


@functools.lru_cache(maxsize=131072)
def _entity_word(word: str) -> str:
    low = stem(word)
    return "" if low in _NOT_ENTITIES or low in STOP_WORDS else low


def subject_words(subject_key: str | None, subject: str | None) -> set[str]:
    """The claim's subject as stemmed words (from subject_key when the extractor gave one),
    words for one thing made one (CONCEPTS). The checker's block keys come from these."""
    found = {_subject_word(w) for w in _WORD.findall(subject_key or subject or "")}
    found.discard("")
    return found


def subject_word(word: str) -> str:
    """One word as subject_words() reads it ('' for a stop word)."""
    return _subject_word(word)


@functools.lru_cache(maxsize=131072)
def _subject_word(word: str) -> str:
    if word.lower() in STOP_WORDS or len(word) < 2:
        return ""
    found = stem(word)
    return CONCEPTS.get(found, found)


def time_markers(text: str, span: str, published_year: int | None = None) -> frozenset[str]:
    """Explicit times a sentence ties its figures to: years, 'last year', 'now'.

    A figure given as the earlier one of a comparison ('up from 11', '11 the season before')
    belongs to none of the sentence's named years: those describe the newer figure.
    """
    at = text.find(span) if span else -1
    if at >= 0 and (
        _PRIOR_BEFORE.search(text[max(0, at - 30) : at]) or _PRIOR_AFTER.match(text, at + len(span))
    ):
        own = _YEAR.findall(re.split(r"[,;]", text[at + len(span) :], maxsplit=1)[0])
        return frozenset(f"y{y}" for y in own) or frozenset({"prior"})
    rest = text.replace(span, " ", 1) if span else text
    marks = {f"y{y}" for y in _YEAR.findall(rest)}
    low = rest.lower()
    if published_year and ("last year" in low or "last season" in low):
        marks.add(f"y{published_year - 1}")
    # Plain substring tests first: most sentences name no time, and they are far cheaper.
    if any(hint in low for hint in _PAST_HINTS) and _PAST.search(rest):
        marks.add("past")
    if any(hint in low for hint in _NOW_HINTS) and _NOW.search(rest):
        marks.add("now")
    return frozenset(marks)


_PRIOR_BEFORE = re.compile(
    r"\b(?:up|down|rising|falling|rose|fell|climbing|dropping)\s+from\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+)?\Z",
    re.IGNORECASE,
)
_PRIOR_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:the|a)\s+(?:year|season|month|week|quarter)\s+(?:before|earlier)\b",
    re.IGNORECASE,
)
_PAST_HINTS = ("year", "month", "week", "previous", "time", "then-")
_NOW_HINTS = ("year", "now", "current", "today", "present", "month", "date")
_TARGET_HINTS = (
    "capacit", "target", "goal", "aim", "plan", "forecast", "project", "expect", "reach",
    "raise", "increase", "rise",
)  # fmt: skip


_POSSESSOR = re.compile(r"([A-Z][\w.-]*)['’]s?\s+(?:[a-z-]+\s+)?$")


def owners(text: str, span: str, subject: str | None) -> set[str]:
    """Names the figure belongs to: capitalised words of its subject, and a possessor written
    just before it ("NATO's 32 members", "the EU's 27 member states")."""
    found = {stem(w) for w in words(subject or "") if w[0].isupper()}
    at = text.find(span) if span else -1
    if at > 0:
        m = _POSSESSOR.search(text[max(0, at - 40) : at])
        if m:
            found.add(stem(m.group(1)))
    return found - _NOT_ENTITIES


def window(text: str, span: str, before: int = 8, after: int = 6) -> str:
    """The words just around a claim inside its sentence."""
    at = text.find(span) if span else -1
    if at < 0:
        return text
    head = words(text[:at])[-before:]
    tail = words(text[at + len(span) :])[:after]
    return " ".join([*head, span, *tail])


def is_target(text: str, span: str) -> bool:
    """True when the words around the figure make it a plan, target, capacity or forecast."""
    low = text.lower()
    if not any(hint in low for hint in _TARGET_HINTS):
        return False
    return bool(_TARGET.search(window(text, span, before=6, after=4)))


# Capitalised words that name no one in particular however often a story uses them: titles.
TITLES = _wordset(
    """
    minister president secretary chief commander governor mayor chairman chairwoman director
    head spokesman spokeswoman spokesperson prime deputy general chancellor king queen
    prince senator judge professor
    """
)


class Story:
    """The names a whole document uses (people, places, bodies): two articles that share none
    are about different stories, whatever words their sentences share. Worked out when first
    needed, then the text is let go."""

    __slots__ = ("_names", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._names: frozenset[str] | None = None

    @property
    def names(self) -> frozenset[str]:
        if self._names is None:
            self._names = _entities.__wrapped__(self._text) - TITLES
            self._text = ""
        return self._names


def other_stories(a: Story | None, b: Story | None) -> bool:
    """True when both documents name people, places or bodies, and not one in common."""
    if a is None or b is None or a is b:
        return False
    na, nb = a.names, b.names
    return bool(na) and bool(nb) and not (na & nb)
