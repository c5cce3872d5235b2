"""A claim as the checker holds it: the stored columns plus what it derives from them once."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from claimtrack.check import events, quotes, text, values
from claimtrack.check import frame as framing
from claimtrack.check.text import Story
from claimtrack.words import stem

T = TypeVar("T")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


class cached_property(Generic[T]):  # named like the functools one it replaces
    """Worked out on first use, then read from the instance like a plain attribute.

    functools.cached_property takes a lock on every first use (Python 3.11), a cost paid for
    each of a full run's 100,000 claims times each feature; rows are never shared by threads.
    """

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__

    def __get__(self, row: Any, owner: Any = None) -> T:
        value = row.__dict__[self.name] = self.compute(row)
        return value


_FIELDS = (
    "id", "document_id", "kind", "text", "span", "value", "value_max", "unit", "qualifier",
    "date", "subject", "subject_key", "speaker", "doc_title", "doc_published", "story",
)  # fmt: skip


class Row:
    """A claim's stored columns (in slots: a full run holds 100,000 rows, and a slot costs a
    pointer where a dictionary entry costs three) and, in its dictionary, only the features
    worked out for it (cached_property)."""

    __slots__ = (*_FIELDS, "__dict__")

    id: int
    document_id: int
    kind: str
    text: str
    span: str
    value: float | None
    value_max: float | None
    unit: str | None
    qualifier: str | None
    date: str | None
    subject: str | None
    subject_key: str | None
    speaker: str | None
    doc_title: str | None
    doc_published: dt.date | None
    story: Story | None  # the whole document's names (set by the loader)

    def __init__(
        self,
        id: int,
        document_id: int,
        kind: str,
        text: str,
        span: str,
        value: float | None,
        value_max: float | None,
        unit: str | None,
        qualifier: str | None,
        date: str | None,
        subject: str | None,
        subject_key: str | None,
        speaker: str | None,
        doc_title: str | None = None,
        doc_published: dt.date | None = None,
        story: Story | None = None,
    ) -> None:
        self.id, self.document_id, self.kind, self.text, self.span = (
            id, document_id, kind, text, span,
        )  # fmt: skip
        self.value, self.value_max, self.unit, self.qualifier = value, value_max, unit, qualifier
        self.date, self.subject, self.subject_key, self.speaker = (
            date,
            subject,
            subject_key,
            speaker,
        )
        self.doc_title, self.doc_published, self.story = doc_title, doc_published, story

    def __repr__(self) -> str:
        return f"Row(id={self.id}, document={self.document_id}, {self.kind}, {self.span!r})"

    def derived(self, name: str, compute: Callable[[Row], T]) -> T:
        """A value worked out from this claim once, by a module that owns the working."""
        key = f"derived:{name}"
        found = self.__dict__.get(key, _MISSING)
        if found is _MISSING:
            found = self.__dict__[key] = compute(self)
        return found

    @cached_property
    def dim(self) -> tuple[str, float] | None:
        if self.kind == "quote":
            return ("quote", 1.0)
        if self.kind == "date":
            return ("date", 1.0) if self.date else None
        if self.value is None:
            return None
        return values.dimension(self.kind, self.unit, self.span)

    @cached_property
    def bounds(self) -> tuple[float, float]:
        assert self.value is not None and self.dim is not None
        counted = self.dim[0].startswith("count:")
        return values.interval(
            self.value, self.value_max, self.qualifier, self.span, self.dim[1], counted
        )

    @cached_property
    def base_value(self) -> float:
        assert self.value is not None and self.dim is not None
        return self.value * self.dim[1]

    @cached_property
    def subject_words(self) -> frozenset[str]:
        found = text.subject_words(self.subject_key, self.subject)
        # A unit word says nothing about which thing is counted ("months", "people").
        return frozenset(found - UNIT_WORDS)

    @cached_property
    def subject_things(self) -> frozenset[str]:
        """The subject's common words, its names left out ("Kestrel's revenue" -> revenue):
        a name says whose figure it is, not what it counts."""
        # Capitals that only open the sentence ("Turnout was 63.4%") are no names.
        capitals = {stem(w) for w in text.words(self.subject or "") if w[:1].isupper()}
        if capitals:
            capitals &= self.names
        return self.subject_words - capitals - PLACE_WORDS

    @cached_property
    def context(self) -> frozenset[str]:
        return text.sentence_words(self.text)[0]

    @cached_property
    def weights(self) -> tuple[frozenset[str], frozenset[str], float]:
        """Its sentence's content words, the names among them (weighing double) and the sum."""
        return text.sentence_words(self.text)

    @cached_property
    def frame(self) -> framing.Frame:
        """Its clause's times, holders and sort of figure (see claimtrack.check.frame)."""
        return framing.frame(self.text, self.span, self.doc_published, self.kind)

    @cached_property
    def names(self) -> frozenset[str]:
        """Names its sentence uses (people, places, bodies)."""
        return name_keys(self.text)

    @cached_property
    def head(self) -> frozenset[str]:
        """The common words right next to the figure ("a fee of [£42m]", "[£45m] transfer"):
        what it is the figure of, when the extracted subject missed it."""
        at = self.text.find(self.span) if self.span else -1
        if at < 0:
            return frozenset()
        near = (
            text.words(self.text[:at])[-HEAD_WORDS:]
            + text.words(self.text[at + len(self.span) :])[:HEAD_WORDS]
        )
        return frozenset(text.content_words(" ".join(w for w in near if not w[0].isupper())))

    @cached_property
    def clause_words(self) -> frozenset[str]:
        """Content words of the figure's own clause: what tells two figures of one sentence
        apart when a claim is matched against several of another document's."""
        at = self.text.find(self.span) if self.span else -1
        if at < 0:
            return self.context
        left, right = framing.clause_bounds(self.text, at, at + len(self.span))
        return frozenset(text.content_words(self.text[left:right]))

    @cached_property
    def quote_words(self) -> tuple[str, ...]:
        return quotes.normalise(self.span)

    @cached_property
    def quote_parts(self) -> list[tuple[str, ...]]:
        return quotes.segments(self.span)

    @cached_property
    def quote_set(self) -> frozenset[str]:
        return frozenset(self.quote_words)

    @cached_property
    def block_keys(self) -> tuple[str, ...]:
        return block_keys(self)


_MISSING = object()
# Words that say where, not what ("southern Caldora" is no subject).
PLACE_WORDS = _wordset(
    """
    southern northern eastern western central south north east west region regional national
    local
    """
)
UNIT_WORDS = frozenset(
    {"year", "month", "week", "day", "hour", "people", "person", "time", "percent"}
)
HEAD_WORDS = 2
THIN_KEYS = 3  # words by a figure whose subject says little, as its extra block keys
QUOTE_KEYS = 8
KEYLESS = "*"
PAIR = "+"
PAIR_WORDS = 4
_BIGRAM = re.compile(r"(?<![\w'’])(?=([A-Za-z]{2,} [A-Za-z]{2,})(?![\w'’]))")


def quote_keys(span: str) -> list[str]:
    """The longest pairs of adjacent words, lower-cased, as they stand in the span: shared by
    two tellings of one quote, rare between two quotes."""
    pairs = {m.lower() for m in _BIGRAM.findall(span)}
    return sorted(pairs, key=lambda p: (-len(p), p))[:QUOTE_KEYS]


def block_keys(row: Row) -> tuple[str, ...]:
    """Words a same-thing partner must share with this claim to be compared at all."""
    return claim_keys(row.kind, row.span, row.subject_key, row.subject, row.text)


def claim_keys(
    kind: str, span: str, subject_key: str | None, subject: str | None, sentence: str = ""
) -> tuple[str, ...]:
    """A pure function of these columns, so a full run, an incremental run and the stored
    claim_term index all see the same candidates. Distinct and sorted; a tuple rather than a
    set, because tuples of strings drop out of the cycle collector's view, and the cache below
    holds tens of thousands of them for the life of the process.

    A date also gets the words nearest it in its clause (what happened then: "a full recount,
    which will take place Thursday"), and so does a figure other than a count whose subject
    says little (one common word or none: "a 65 per cent cut in greenhouse gas emissions").
    Such an amount of money gets the names of its sentence too: two tellings of one transfer
    fee ("a fee of £42m", "Menc cost £42 million") may have subjects that share no word, but
    name the same people.
    """
    if kind == "quote":
        return tuple(quote_keys(span))
    keys = subject_block_keys(subject_key, subject)
    if kind == "date" and sentence:
        found = events.event_keys(sentence, span)
        return keys if found <= set(keys) else tuple(sorted(found.union(keys)))
    if kind == "count" or not sentence or not thin_subject(subject_key, subject):
        return keys  # a count's counted noun already narrows its blocks
    found = events.event_keys(sentence, span, THIN_KEYS)
    if kind == "money":
        found = found | name_keys(sentence)
    return keys if found <= set(keys) else tuple(sorted(found.union(keys)))


@functools.lru_cache(maxsize=65536)
def thin_subject(subject_key: str | None, subject: str | None) -> bool:
    names = {stem(w) for w in text.words(subject or "") if w[:1].isupper()}
    things = text.subject_words(subject_key, subject) - UNIT_WORDS - PLACE_WORDS - names
    return len(things) <= 1


@functools.lru_cache(maxsize=8192)
def name_keys(sentence: str) -> frozenset[str]:
    return frozenset(text.entities(sentence) - text.TITLES)


@functools.lru_cache(maxsize=65536)
def subject_block_keys(subject_key: str | None, subject: str | None) -> tuple[str, ...]:
    """Subject words, and pairs of them: a pair is a block of its own, small even where each
    word alone is too common to compare on. No subject: one block ("18 months" of what?)."""
    words = text.subject_words(subject_key, subject) - UNIT_WORDS
    return tuple(sorted((words | word_pairs(words)) or {KEYLESS}))


def word_pairs(words: set[str] | frozenset[str]) -> set[str]:
    ordered = sorted(words)[:PAIR_WORDS]
    return {a + PAIR + b for a, b in itertools.combinations(ordered, 2)}
