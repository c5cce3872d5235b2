"""Quotes compared word by word: the same words, a fragment, or a rewording."""

from __future__ import annotations

import difflib
import functools
import re

from rapidfuzz import fuzz

from claimtrack.check.text import spelling

_QUOTE_WORD = re.compile(r"[\w]+(?:['’][\w]+)*")
_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…|\[\s*\.\.\.\s*\]")
_BRACKETED = re.compile(r"\[[^\]]*\]")

_PUNCT = ".,;:!?\"“”‘’'«»()"

# Same speaker, words this close but not equal: reworded. Below it: a different quote.
WORDING_MIN = 80.0
# Different speakers need near-identical words to be "the same words".
SPEAKER_MIN = 92.0


def normalise(quote: str) -> tuple[str, ...]:
    """Lower-case words of a quote, marks and punctuation gone, spellings made equal."""
    body = _BRACKETED.sub(" ", quote)
    return tuple(spelling(w.lower().replace("’", "'")) for w in _QUOTE_WORD.findall(body))


def segments(quote: str) -> list[tuple[str, ...]]:
    """The parts of a quote around its ellipses ('…' marks words the writer left out)."""
    return [seg for seg in (normalise(p) for p in _ELLIPSIS.split(quote)) if seg]


def contains(longer: tuple[str, ...], part: tuple[str, ...], start: int = 0) -> int:
    """Index just past ``part`` inside ``longer`` (from ``start``), or -1."""
    n = len(part)
    for i in range(start, len(longer) - n + 1):
        if longer[i : i + n] == part:
            return i + n
    return -1


def is_excerpt(parts: list[tuple[str, ...]], other_words: tuple[str, ...]) -> bool:
    """True when a quote (its ``parts`` around ellipses) is ``other`` cut short or with words
    left out at its ellipses."""
    at = 0
    if not parts:
        return False
    for part in parts:
        at = contains(other_words, part, at)
        if at < 0:
            return False
    return True


def similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    return fuzz.ratio(" ".join(a), " ".join(b))


@functools.lru_cache(maxsize=16384)
def _name_words(name: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[\w'’-]+", name) if w[0].isupper()]


_PARTICLES = frozenset({"de", "von", "van", "der", "den", "al", "bin", "la", "le", "da", "di"})


def is_named(speaker: str | None) -> bool:
    """A person or body named as such. 'One European diplomat', 'she' and "Ukraine's president"
    are descriptions, which two articles may give to the same person in different words."""
    tokens = (speaker or "").split()
    if not tokens:
        return False
    for token in tokens:
        if token.lower() in _PARTICLES:
            continue
        if not token[0].isupper() or token.endswith(("'s", "’s")):
            return False
    return True


@functools.lru_cache(maxsize=65536)
def same_speaker(a: str | None, b: str | None) -> bool | None:
    """True/False when both speakers can be told apart; None when either is unknown."""
    if not is_named(a) or not is_named(b):
        return None
    assert a is not None and b is not None
    wa, wb = _name_words(a), _name_words(b)
    # "Zelensky" is "Volodymyr Zelensky"; "Zelenskiy" is a transliteration of it.
    return fuzz.ratio(wa[-1], wb[-1]) >= 85 or set(wa) <= set(wb) or set(wb) <= set(wa)


def word_diff(a: str, b: str, context: int = 3) -> str:
    """One line: the words that changed from ``a`` to ``b``, as [old → new], with some context."""
    wa = _display_words(a)
    wb = _display_words(b)
    ka = [w.lower().strip(_PUNCT) for w in wa]
    kb = [w.lower().strip(_PUNCT) for w in wb]
    parts: list[str] = []
    last = 0
    ops = difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes()
    changes = [op for op in ops if op[0] != "equal"]
    if not changes:
        return " ".join(wa)
    for n, (tag, i1, i2, j1, j2) in enumerate(changes):
        lead = max(last, i1 - context)
        if lead > last or (last == 0 and lead > 0):
            parts.append("…")
        parts.extend(wa[lead:i1])
        old, new = _bare(wa[i1:i2]), _bare(wb[j1:j2])
        if tag == "replace":
            parts.append(f"[{old} → {new}]")
        elif tag == "delete":
            parts.append(f"[-{old}]")
        else:
            parts.append(f"[+{new}]")
        last = i2
        stop = changes[n + 1][1] if n + 1 < len(changes) else len(wa)
        tail = wa[i2 : min(stop, i2 + context)]
        parts.extend(tail)
        last = i2 + len(tail)
    if last < len(wa):
        parts.append("…")
    return " ".join(parts)


def _bare(changed: list[str]) -> str:
    return " ".join(w.strip(_PUNCT) for w in changed).strip()


def _display_words(quote: str) -> list[str]:
    return " ".join(quote.split()).strip("\"“”‘’'«» ").split()
