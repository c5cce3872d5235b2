"""Words of a sentence as the checker sees them: stemmed content words, names, a story's names."""

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
    bid: bid offer approach takeover
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
            # Every capitalised word of the text, a sentence's first word too (what opens a
            # sentence is mostly a common word, which only makes two stories more alike):
            # one scan in C, then each distinct word read once.
            found = {_entity_word(w) for w in set(_CAPITALISED.findall(self._text))}
            found.discard("")
            self._names = frozenset(found) - TITLES
            self._text = ""
        return self._names


def other_stories(a: Story | None, b: Story | None) -> bool:
    """True when both documents name people, places or bodies, and not one in common."""
    if a is None or b is None or a is b:
        return False
    na, nb = a.names, b.names
    return bool(na) and bool(nb) and not (na & nb)
