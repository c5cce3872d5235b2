"""What a claim is about: a few words from its sentence, and a key normalised for matching."""

from __future__ import annotations

import re

from claimtrack.words import stem

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "about",
        "as",
        "into",
        "over",
        "under",
        "than",
        "and",
        "or",
        "but",
        "nor",
        "its",
        "it",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "not",
        "no",
        "some",
        "any",
        "each",
        "every",
        "more",
        "most",
        "less",
        "least",
        "up",
        "down",
        "out",
        "off",
        "per",
        "also",
        "only",
        "just",
        "very",
        "new",
        "last",
        "next",
        "first",
        "such",
        "other",
        "another",
        "own",
        "same",
        "around",
        "about",
        "nearly",
        "almost",
        "roughly",
        "approximately",
        "some",
        "million",
        "billion",
        "thousand",
        "trillion",
        "said",
        "says",
        "say",
        "told",
        "according",
        "after",
        "before",
        "since",
        "during",
        "until",
        "including",
        "like",
        "across",
    ]
)
_VERBS = frozenset(
    [
        "met",
        "fled",
        "went",
        "came",
        "took",
        "began",
        "died",
        "left",
        "made",
        "fought",
        "ran",
        "gave",
        "got",
        "held",
        "lost",
        "won",
        "saw",
        "sent",
        "spent",
        "stood",
        "told",
        "remain",
        "remains",
        "remained",
        "live",
        "lives",
        "work",
        "works",
        "face",
        "faces",
        "need",
        "needs",
        "want",
        "wants",
        "stay",
        "stays",
        "hold",
        "holds",
        "make",
        "makes",
        "take",
        "takes",
        "took",
        "become",
        "became",
        "arrive",
        "arrive",
        "return",
        "returns",
        "joined",
        "voted",
        "signed",
        "agreed",
    ]
)
_MORE_BREAKS = frozenset(
    [
        "along",
        "across",
        "among",
        "between",
        "near",
        "inside",
        "outside",
        "within",
        "without",
        "against",
        "through",
        "toward",
        "towards",
        "via",
        "behind",
        "beyond",
        "below",
        "above",
        "under",
        "around",
        "throughout",
        "upon",
        "onto",
        "amid",
        "familiar",
        "close",
        "ago",
        "earlier",
        "later",
        "overnight",
        "today",
        "yesterday",
        "tomorrow",
        "now",
        "already",
        "again",
        "still",
        "so",
        "then",
        "too",
        "each",
        "apiece",
        "alone",
        "altogether",
        "instead",
        # pronouns never belong to a counted noun: "41,236 watched them climb"
        "them",
        "him",
        "us",
        "me",
        "we",
        "they",
        "he",
        "she",
        "you",
    ]
)
# Words that end a noun phrase after a number: prepositions, verbs that commonly follow.
_BREAK_WORDS = (
    STOP_WORDS
    | _MORE_BREAKS
    | frozenset(
        [
            "are",
            "were",
            "was",
            "is",
            "have",
            "has",
            "had",
            "will",
            "would",
            "could",
            "can",
            "may",
            "might",
            "must",
            "should",
            "who",
            "which",
            "that",
            "said",
            "says",
            "say",
            "told",
            "being",
            "been",
        ]
    )
)
# Stop words that still open a noun phrase after a number: "12 new stakes", "10 more troops".
_LEADING = frozenset(["new", "more", "other"])
_TOKEN = re.compile(r"[A-Za-zÀ-ÿ][\w'’.-]*")


def phrase_after(
    text: str, pos: int, limit: int, max_words: int = 4, plural_ends: bool = False
) -> tuple[str, int]:
    """The noun phrase starting at ``pos`` (after a number) and where it ends."""
    words: list[str] = []
    while pos < limit and text[pos] in " \t":
        pos += 1
    end = pos
    cursor = pos
    while len(words) < max_words:
        m = _TOKEN.match(text, cursor)
        if not m or m.start() >= limit:
            break
        gap = text[end : m.start()]
        if words and gap.strip():
            break
        if not words and text[pos : m.start()].strip():
            break
        word = m.group(0).rstrip(".'’-")
        if not word or (word.lower() in _BREAK_WORDS and (words or word not in _LEADING)):
            break
        low = word.lower()
        if words and not word[0].isupper():
            if (low.endswith("ing") and words[-1].lower() not in _LEADING) or low in _VERBS:
                break  # "jobs depending on it"; but "new recycling centres" is one noun
            # "60 countries signed", "a force crossed": a past tense after a noun is the verb
            # ("internally displaced people" keeps its participle after the adverb).
            if low.endswith("ed") and not words[-1].lower().endswith("ly"):
                break
        words.append(word)
        end = m.start() + len(word)
        if plural_ends and _ends_plural_head(word, len(words)):
            break  # "30,000 jobs depend on": nothing after a plural head belongs to it
        cursor = end
        while cursor < limit and text[cursor] == " ":
            cursor += 1
    return " ".join(words), end


_IRREGULAR_PLURALS = frozenset(
    ["people", "children", "men", "women", "police", "staff", "personnel"]
)


def _ends_plural_head(word: str, position: int) -> bool:
    low = word.lower()
    if low in _IRREGULAR_PLURALS:
        return True
    return (
        position >= 1
        and len(low) > 3
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "ics"))
        and not word[0].isupper()
    )


def subject_key(subject: str | None) -> str | None:
    """Lower-case, stop words out, lightly stemmed, sorted and de-duplicated head words."""
    if not subject:
        return None
    words = {stem(w) for w in _TOKEN.findall(subject) if w.lower().strip("'’.") not in STOP_WORDS}
    words.discard("")
    return " ".join(sorted(words)) or None


_POSSESSOR = re.compile(r"(?:the\s+)?(?P<who>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})['’]s?\s+$")


def possessor_before(text: str, start: int) -> str | None:
    """'NATO' in "NATO's 32 member states": the owner written just before a number."""
    m = _POSSESSOR.search(text, max(0, start - 40), start)
    if not m:
        return None
    return m.group("who")
