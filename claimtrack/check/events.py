"""What a date dates, in the common words of its own clause: "the electoral commission ordered
a full recount, which will take place Thursday" and "The commission will recount every ballot
on Wednesday, March 10" name one event (a recount) though their extracted subjects share
nothing.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import TYPE_CHECKING

from claimtrack.check import frame as framing
from claimtrack.check import text

if TYPE_CHECKING:
    from claimtrack.check.rows import Row

EVENT_WORDS = 8  # the clause words nearest the date
EVENT_KEYS = 3  # of which this many, nearest first, are block keys
KEY_REACH = 40  # characters either side looked at for them
FAR_KEY_REACH = 80  # ... and before a date, when those hold none
EVENT_SHARED_MIN = 2
EVENT_OVERLAP_MIN = 0.4

# Words that tell one round of events from another ("the first walkout", "the next one").
_ROUNDS = text.wordset("first second third fourth fifth next last final previous opening closing")
# Words of any date's clause that name no event.
_NOT_EVENTS = text.wordset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec week weeks day days month months year years"""
)


@functools.lru_cache(maxsize=16384)
def event_words(sentence: str, span: str) -> frozenset[str]:
    """Content words of the date's clause, the nearest first, without dates' own words."""
    at = sentence.find(span) if span else -1
    if at < 0:
        return frozenset()
    left, right = framing.clause_bounds(sentence, at, at + len(span))
    # Capitalised words are names (or the sentence's first word), never the event: they do
    # not use up the reach ("presented at the Pan-European Obesity Congress on 12 September").
    before = [w for w in text.words(sentence[left:at]) if not w[:1].isupper()]
    after = [w for w in text.words(_until_next(sentence[at + len(span) : right]))
             if not w[:1].isupper()]  # fmt: skip
    near = [*reversed(before[-EVENT_WORDS:]), *after[:EVENT_WORDS]]
    found = {w for w in (text.content_word(word) for word in near) if w}
    # Names say whose story it is, which every date of the story shares, not what happened.
    return frozenset(found - _NOT_EVENTS - text.entities(sentence))


_NEXT = re.compile(r"\s(?:and|but|then)\s|\s(?:on|in|from|until|by)\s+[A-Z0-9]")


def _until_next(after: str) -> str:
    """The words after a date up to the next event ("and is expected to start ... on
    Saturday" is another one)."""
    m = _NEXT.search(after)
    return after[: m.start()] if m else after


@functools.lru_cache(maxsize=65536)
def event_keys(sentence: str, span: str, limit: int = EVENT_KEYS) -> frozenset[str]:
    """The few common words nearest a figure or date, nearest first, as block keys (in
    subject-word spelling), names left out as in event_words. Looked for in a few words
    either side only: a block key needs to be likely, not right."""
    at = sentence.find(span) if span else -1
    if at < 0:
        return frozenset()
    end = at + len(span)
    left, right = framing.clause_bounds(sentence, at, end)
    before = _KEY_WORD.findall(sentence, max(left, at - KEY_REACH), at)[::-1]
    after = _KEY_WORD.findall(_until_next(sentence[end : min(right, end + KEY_REACH)]))
    out = _keys(before, after, limit)
    if not out:
        # A long name between the verb and its date ("were presented at the Pan-European
        # Obesity Congress on 12 September"): the verb stands further back.
        before = _KEY_WORD.findall(sentence, max(left, at - FAR_KEY_REACH), at)[::-1]
        out = _keys(before, [], limit)
    return frozenset(out)


def _keys(before: list[str], after: list[str], limit: int) -> list[str]:
    out: list[str] = []
    for word in (w for pair in itertools.zip_longest(before, after) for w in pair if w):
        key = text.subject_word(word)
        if key and key not in _NOT_EVENTS and key not in out:
            out.append(key)
            if len(out) == limit:
                break
    return out


# Lower-case words only: a capital starts a name (or a sentence), neither of which says what.
_KEY_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")


def same_event(x: Row, y: Row) -> float | None:
    """The share of the smaller event vocabulary found in the other, if it is enough."""
    ex, ey = event_words(x.text, x.span), event_words(y.text, y.span)
    shared = len(ex & ey)
    if shared < EVENT_SHARED_MIN:
        return None
    overlap = shared / min(len(ex), len(ey))
    return overlap if overlap >= EVENT_OVERLAP_MIN else None


def same_round(x: Row, y: Row) -> bool:
    """False when both clauses say which round they date and say different ones ("the first
    walkout ... will begin on Monday", "the next walkout ... begins on Wednesday")."""
    if not (text.words_lower(x.text) & _ROUNDS and text.words_lower(y.text) & _ROUNDS):
        return True
    rx, ry = rounds(x.text, x.span), rounds(y.text, y.span)
    return not rx or not ry or bool(rx & ry)


@functools.lru_cache(maxsize=16384)
def rounds(sentence: str, span: str) -> frozenset[str]:
    """The round words of the date's clause up to the date."""
    at = sentence.find(span) if span else -1
    if at < 0:
        return frozenset()
    left, _ = framing.clause_bounds(sentence, at, at + len(span))
    return frozenset(w.lower() for w in text.words(sentence[left:at])) & _ROUNDS
