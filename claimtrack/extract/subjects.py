"""What a claim is about: a few words from its sentence, and a key normalised for matching."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from claimtrack.words import stem

from .types import ExtractedClaim

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


@lru_cache(maxsize=65536)
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


# ---------------------------------------------------------------------------------------------
# What a figure is about, when no counted noun says it: the noun the figure modifies ("a $425
# million arms package"), the noun it is "of" ("40% of imports", "a loan of $5m"), the thing a
# verb puts at that level ("inflation rose to 3%", "the pipeline is 1,200 km long"), or the
# purpose an amount goes to ("pledged €20bn to a reconstruction fund"). Never a verb, a scale
# word or a function word: no subject is better than a wrong one, since the checker then leans
# on the sentence instead.

_WORD_OR_MARK = re.compile(r"[A-Za-zÀ-ÿ][\w'’-]*|\d[\d,.]*|[^\w\s]")
_DETS = frozenset(
    """a an the this that these those its their his her our your my some any each every no
    another both all""".split()  # noqa: SIM905
)
_PREPS = frozenset(
    """of in on at to for from by with about into onto over under between among against during
    since until through across after before per via within without toward towards around near
    like as than amid despite beyond below above including""".split()  # noqa: SIM905
)
_CONJ = frozenset(
    """and or but nor yet so while whereas because although though if when where whether then
    than""".split()  # noqa: SIM905
)
_AUX = frozenset(
    """is are was were be been being am has have had do does did will would shall should can
    could may might must 's ’s""".split()  # noqa: SIM905
)
_PRONOUNS = frozenset(
    """it they he she we you i them him her us me this that which who whom what there here one
    ones itself themselves""".split()  # noqa: SIM905
)
_SCALE_WORDS = frozenset(
    """hundred thousand million billion trillion bn m k mn tn dozen lakh crore per cent percent
    percentage point points""".split()  # noqa: SIM905
)
_TIME_WORDS = frozenset(
    """year years month months week weeks day days today yesterday tomorrow now currently monday
    tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep sept oct
    nov dec last next earlier later ago""".split()  # noqa: SIM905
)
# Reporting verbs: what follows is the figure's own clause ("officials said €20bn would go to").
_REPORTING = frozenset(
    """said says say told tells tell added adds noted notes estimated estimates estimate reported
    reports announced announces stated states claimed claims argued argues believes believed
    warned warns expects expected predicted predicts forecast forecasts showed shows found
    finds suggested suggests revealed reveals confirmed confirms wrote writes""".split()  # noqa: SIM905
)
# ... that are nouns as often: "$40m in claims", "estimates put the cost at".
_REPORT_NOUNS = frozenset("claims reports estimates notes states forecasts".split())  # noqa: SIM905
# Verbs that put a thing at a level: the thing is their subject ("inflation rose to 3%").
_LEVEL = frozenset(
    """is are was were be been reach reached reaches reaching hit hits stood stands stand total
    totals totalled totaled totalling peaked peak peaks rose rise rises risen rising fell fall
    falls fallen falling climbed climb climbs jumped jump jumps dropped drop drops grew grow
    grows grown increased increase increases decreased decrease decreases declined decline
    declines slipped slip slips surged surge surges soared soar soars slumped plunged tumbled
    topped top tops exceeded exceed exceeds amounted amounts came comes remained remains
    remain stayed stays stay averaged average averages measured measures measure ran runs
    hovered edged crossed passed doubled tripled halved shrank shrunk expanded widened
    narrowed lasted lasts last took takes take run running slid slide slides sank sink sinks
    dipped dip dips
    eased ease eases gained gain gains rallied rally rallies shed sheds finish finishes finished
    ended ends""".split()  # noqa: SIM905
)
# Verbs with the figure as object, and the noun for what they do: "pledged £1.2m" -> pledge.
_NOMINAL = {
    "pledge": "pledge", "promise": "pledge", "donate": "donation", "give": "aid", "gave": "aid",
    "lend": "loan", "lent": "loan", "borrow": "borrowing", "spend": "spending",
    "spent": "spending", "invest": "investment", "pay": "payment", "paid": "payment",
    "raise": "funds raised", "cost": "cost", "earn": "earnings", "fine": "fine",
    "sell": "sale", "sold": "sale", "buy": "purchase", "bought": "purchase", "owe": "debt",
    "save": "savings", "allocate": "allocation", "budget": "budget", "receive": "receipts",
    "carry": "volume", "produce": "output", "generate": "output", "export": "exports",
    "import": "imports", "employ": "staff", "kill": "deaths", "injure": "injured",
    "evacuate": "evacuations", "arrest": "arrests", "burn": "area burned", "destroy": "losses",
    "lose": "losses", "lost": "losses", "grant": "grant", "award": "award", "offer": "offer",
    "bid": "bid", "seek": "demand", "sought": "demand", "demand": "demand", "charge": "charge",
    "collect": "revenue", "approve": "approval", "cut": "cut",
    "transfer": "transfer", "send": "aid", "sent": "aid", "provide": "aid", "supply": "supply",
    "deliver": "deliveries", "build": "construction", "built": "construction",
    "seize": "seizure", "seized": "seizure", "steal": "theft",
    "stole": "theft", "stolen": "theft", "capture": "capacity", "install": "installed capacity",
    "consume": "consumption", "emit": "emissions", "use": "use", "require": "requirement",
    "need": "need", "estimate": "estimate", "value": "value", "price": "price",
    "jail": "prison sentence", "imprison": "prison sentence", "sentence": "sentence",
    "wait": "wait", "serve": "term", "ban": "ban", "suspend": "suspension", "delay": "delay",
    "extend": "extension", "close": "closure", "shut": "closure", "ask": "request",
    "cover": "area", "set": "allocation", "hire": "hiring", "remove": "removal",
    "request": "request", "apply": "application", "appeal": "appeal", "repay": "repayment",
    "refund": "refund", "recover": "amount recovered", "acquire": "purchase",
    "fund": "funding", "finance": "financing", "bring": "revenue", "lease": "lease",
    "rent": "rent", "commit": "commitment",
}  # fmt: skip
_IRREGULAR_PAST = {
    "gave": "give", "lent": "lend", "spent": "spend", "paid": "pay", "sold": "sell",
    "bought": "buy", "won": "win", "sent": "send", "built": "build", "lost": "lose",
    "sought": "seek", "stole": "steal", "stolen": "steal", "took": "take", "brought": "bring",
    "held": "hold", "made": "make", "kept": "keep", "put": "put", "set": "set", "cut": "cut",
    "hit": "hit", "ran": "run", "saw": "see", "got": "get", "met": "meet", "left": "leave",
    "went": "go", "came": "come", "fell": "fall", "rose": "rise", "grew": "grow",
    "began": "begin", "gone": "go", "given": "give", "drew": "draw", "flew": "fly",
    "froze": "freeze", "frozen": "freeze", "wrote": "write", "told": "tell",
}  # fmt: skip
# Adjectives of measure after a quantity: "1,200 km long" is the length of the subject.
_DIMENSION = {
    "long": "length", "wide": "width", "high": "height", "tall": "height", "deep": "depth",
    "thick": "thickness", "heavy": "weight", "away": "distance", "apart": "distance",
    "across": "width", "in diameter": "diameter", "in length": "length", "in size": "size",
    "old": "age",
}  # fmt: skip
_PURPOSE_PREPS = frozenset(["on", "to", "for", "into", "towards", "toward"])
# "2.5% higher", "$2bn more": a comparison, not a noun the figure modifies.
_COMPARATIVES = frozenset(
    """higher lower more less bigger smaller larger greater cheaper dearer faster slower up down
    above below better worse stronger weaker earlier later longer shorter further fewer ahead
    behind clear short""".split()  # noqa: SIM905
)
_LINKS = frozenset(["of", "worth", "totalling", "totaling", "costing", "at"])
# Words that never name what a figure is about: signs, currencies, units written as words.
_NOT_THINGS = frozenset(
    """plus minus euros euro dollars dollar pounds pound francs franc yen yuan rupees roubles
    rubles kroner kronor""".split()  # noqa: SIM905
)


def names_a_thing(phrase: str) -> bool:
    """False for 'euros', 'minus': words that never say what a figure is about."""
    return not any(w.lower() in _NOT_THINGS for w in phrase.split())


_EST_NOUNS = frozenset(
    """interest interests forest forests harvest harvests protest protests request requests
    contest contests conquest arrest arrests digest manifest inquest""".split()  # noqa: SIM905
)


class _Tok:
    """A word or a mark. One object per distinct string, shared by every place it occurs:
    tens of thousands of tokens are looked at per million words, and most are the same few
    hundred words, so none is built twice. Functions that need a token's place carry its
    index in the list."""

    __slots__ = ("is_word", "low", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        low = text.lower()
        self.low = low.rstrip("'’") if low[-1] in "'’" else low
        self.is_word = text[0].isalpha()


_TOKS: dict[str, _Tok] = {}


def _tokens(text: str) -> list[_Tok]:
    words = _WORD_OR_MARK.findall(text)
    out: list[_Tok | None] = [_TOKS.get(w) for w in words]
    if None in out:
        if len(_TOKS) > 200_000:
            _TOKS.clear()  # bounded: a corpus of names must not grow it without end
        for n, tok in enumerate(out):
            if tok is None:
                out[n] = _TOKS[words[n]] = _Tok(words[n])
    return out  # type: ignore[return-value]  # every None was replaced


def _before_tokens(text: str, a: int, start: int) -> list[_Tok]:
    """The sentence's tokens up to 140 characters before the figure (a word the window's far
    edge would cut is left out)."""
    lo = max(a, start - 140)
    if lo > a and text[lo - 1].isalnum():
        lo = text.find(" ", lo, start) + 1 or start
    return _tokens(text[lo:start])


def _after_tokens(text: str, end: int, b: int) -> list[_Tok]:
    """... and up to 90 after it."""
    hi = min(b, end + 90)
    if hi < b and text[hi].isalnum():
        hi = max(end, text.rfind(" ", end, hi))
    return _tokens(text[end:hi])


def _verb_base(low: str) -> str | None:
    """The base of a verb form we know, else None ('pledged' -> 'pledge', 'paid' -> 'pay')."""
    if low in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[low]
    if low in _NOMINAL or low in _LEVEL or low in _REPORTING:
        return low
    for suffix, add in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""),
                        ("es", "e"), ("s", ""), ("ing", ""), ("ing", "e")):  # fmt: skip
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            base = low[: -len(suffix)] + add
            if base in _NOMINAL or base in _LEVEL:
                return base
            if len(base) > 3 and base[-1] == base[-2] and base[:-1] in _NOMINAL:
                return base[:-1]  # "totalled", "shipped"
    return None


def _is_verb(tok: _Tok) -> bool:
    low = tok.low
    if low in _AUX or low in _REPORTING or low in _LEVEL or low in _IRREGULAR_PAST:
        return True
    if _verb_base(low) is not None:
        return True
    return tok.text[0].islower() and low.endswith("ed") and len(low) > 4


def _clear_verb(tok: _Tok) -> bool:
    """A form that is a verb wherever it stands (not 'budget', 'cost', 'carries')."""
    low = tok.low
    if low in _AUX or (low in _REPORTING and low not in _REPORT_NOUNS) or low in _IRREGULAR_PAST:
        return tok.text[0].islower()
    return tok.text[0].islower() and low.endswith("ed") and len(low) > 4


def _content(tok: _Tok) -> bool:
    """A word that can be part of a noun phrase naming a thing."""
    low = tok.low
    if not tok.is_word or low in _NOT_THINGS:
        return False
    if low.endswith("est") and len(low) > 5 and low not in _EST_NOUNS:
        return False  # "the highest in 16 years": a superlative, not the thing
    return not (
        low in _DETS or low in _PREPS or low in _CONJ or low in _AUX or low in _PRONOUNS
        or low in _SCALE_WORDS or low in _TIME_WORDS
        or (low in _REPORTING and low not in _REPORT_NOUNS) or low in STOP_WORDS
    )  # fmt: skip


def _np_before(toks: list[_Tok], i: int, limit: int = 3) -> tuple[list[_Tok], int]:
    """The noun phrase ending at toks[i] (walking left): its words and the index before it."""
    words, j, _ = _np_before_at(toks, i, limit)
    return words, j


def _np_before_at(toks: list[_Tok], i: int, limit: int = 3) -> tuple[list[_Tok], int, list[int]]:
    """... and each word's index. 'the cost of recovery', 'preparations for the fund' are one
    phrase: 'of'/'for' join a head to its complement, which keeps its last words."""
    at: list[int] = []
    j = i
    while j >= 0 and len(at) < limit + 4:
        tok = toks[j]
        first = toks[at[0]] if at else None
        if tok.low in _DETS and first is not None and j > 1 and toks[j - 1].low in _JOINS:
            j -= 1  # "of the solar park": the article inside the phrase
            continue
        joins = j > 0 and _content(toks[j - 1]) and not _clear_verb(toks[j - 1])
        if tok.low == "and" and first is not None and joins and j > 1 and toks[j - 2].low in _JOINS:
            at.insert(0, j)  # "the cost of recovery and reconstruction"
            j -= 1
            continue
        if tok.low in _JOINS and first is not None and joins and first.low not in _JOINS:
            at.insert(0, j)
            j -= 1
            continue
        if not _content(tok) or _clear_verb(tok):
            break
        at.insert(0, j)
        j -= 1
    while at and toks[at[0]].low in _JOINS:
        at.pop(0)
    at = _trim(toks, at, limit)
    return [toks[k] for k in at], j, at


_JOINS = frozenset(["of", "for", "on"])


def _trim(toks: list[_Tok], at: list[int], limit: int) -> list[int]:
    """At most ``limit`` content words (one more when a head is joined to its complement):
    the head and the complement's last words."""
    content = [k for k in at if toks[k].low not in _JOINS and toks[k].low != "and"]
    join = next((n for n, k in enumerate(at) if toks[k].low in _JOINS), None)
    if join is None:
        return at[-limit:]
    if len(content) <= limit + 1:
        return at
    return [at[join - 1], at[join], *at[join + 1 :][-(limit - 1) :]]


def _np_after(toks: list[_Tok], i: int, limit: int = 3) -> list[_Tok]:
    """The noun phrase starting at toks[i] (after determiners), up to a break."""
    return _np_after_at(toks, i, limit)[0]


def _np_after_at(toks: list[_Tok], i: int, limit: int = 3) -> tuple[list[_Tok], int]:
    """... and the index just after it."""
    while i < len(toks) and (toks[i].low in _DETS or toks[i].low in _LEADING):
        i += 1  # "on a new arms package"
    words: list[_Tok] = []
    while i < len(toks) and len(words) < limit:
        tok = toks[i]
        if not _content(tok):
            if tok.text in ("'s", "’s") and words:
                i += 1
                continue
            break
        if (_clear_verb(tok) and words) or tok.low in _COMPARATIVES or tok.low in _ADVERB_BREAK:
            break  # "damaged roads" keeps its participle; "countries signed" ends at the verb
        if words and tok.low in _PLAIN_VERBS:
            break  # "30% of the money go to rural counties"
        words.append(tok)
        i += 1
    return words, i


def _phrase(words: list[_Tok]) -> str:
    if words and words[-1].low in _JOINS:
        words = words[:-1]
    return " ".join(w.text.rstrip(",.;:") for w in words)


def _skip_qualifiers_back(toks: list[_Tok], i: int) -> int:
    """Before the figure (its own qualifier is inside its span): an article, words of addition
    ("a further $7bn") and time words of the stretch ("over the past two decades")."""
    while i >= 0 and (
        toks[i].low in ("a", "an", "the", "past", "next", "last", "coming", "previous", "first",
                        "final", "following")
        or toks[i].low in _ADDITION
    ):  # fmt: skip
        i -= 1
    return i


def _clause_start(toks: list[_Tok], i: int) -> int:
    """Index of the first token of the clause holding toks[i]: after a comma, semicolon,
    colon, dash or bracket that opens it."""
    j = i
    while j >= 0:
        if toks[j].text in (";", ":", "(", "—", "–", '"', "“", "”"):
            return j + 1
        j -= 1
    return 0


def figure_subject(
    text: str,
    a: int,
    b: int,
    start: int,
    end: int,
    *,
    duration: bool = False,
    money: bool = False,
    distance: bool = False,
) -> str | None:
    """A short noun phrase for what the figure at text[start:end] (inside the sentence
    text[a:b]) is about, or None. ``duration``: the figure is a stretch of time, about the
    act the verb names ("jailed for 12 years" is a prison sentence); ``money``: "$2m in
    penalties" names what the amount is; ``distance``: "8 km from the glacier"."""
    dimension = dimension_after(text, end, b)
    after = [] if dimension else _after_tokens(text, end, b)
    found = _after_subject(after, money, distance) if after else None
    if found:
        # "Helvion's 49% stake": the owner written just before the figure joins the noun; the
        # few words before it are all this needs (most figures end here: the cheap path).
        near = _tokens(text[max(a, start - 40) : start])
        i = _skip_qualifiers_back(near, len(near) - 1)
        owner = _owner(near[i]) if i >= 0 else None
        if owner and owner.lower() not in found.lower():
            return f"{owner} {found}"
        return found
    before = _before_tokens(text, a, start)
    i = _skip_qualifiers_back(before, len(before) - 1)
    if dimension:
        thing = _verb_subject(before, i, [], False) if i >= 0 else None
        if dimension == "age":
            return thing  # "the war is now two and a half years old"
        return f"{thing} {dimension}" if thing else dimension
    if i < 0:
        return _own_clause(after)
    prev = before[i]
    # "a loan of $5m", "offers of £35m", "a rate of 4.5%", "valued at": the phrase before.
    if prev.low in _LINKS and i > 0:
        link_i = i - 1
        if prev.low == "at" and before[link_i].low in ("valued", "estimated", "put", "priced"):
            link_i -= 1
        if before[link_i].low in _AUX:
            # "the contract is worth €410m": what the copula's subject is worth.
            return _verb_subject(before, link_i, after, duration)
        words, _ = _np_before(before, link_i)
        if words and not (prev.low == "at" and _is_verb(before[i - 1])):
            return _phrase(words)
    return _verb_subject(before, i, after, duration)


def _owner(tok: _Tok) -> str | None:
    """'Helvion' for "Helvion's" written just before a figure."""
    text = tok.text
    if text[0].isupper() and text.endswith(("'s", "’s", "'", "’")):
        return text.rstrip("s").rstrip("'’")
    return None


def _after_subject(after: list[_Tok], money: bool, distance: bool) -> str | None:
    """The noun right after the figure: '$425 million arms package', '40% of imports',
    '$2m in penalties', '$6.5bn pledged for energy projects', '£1.3bn to spend'."""
    if not after:
        return None
    first = after[0]
    if first.low in _DIMENSION or first.low in _COMPARATIVES:
        return None
    # "$40m in claims", "€7bn in aid" (no article: "in the capital" is where it was)
    in_kind = first.low == "in" and money and len(after) > 1 and after[1].low not in _DETS
    if (first.low == "of" or in_kind) and len(after) > 1:
        words = _np_after(after, 1)
        if not words or words[0].low in _PRONOUNS or (first.low == "in" and _placelike(words)):
            return None
        return _phrase(words)
    if distance and first.low in ("from", "away"):
        k = 2 if first.low == "away" and len(after) > 1 and after[1].low == "from" else 1
        words = _np_after(after, k) if k == 2 or first.low == "from" else []
        return f"{_phrase(words)} distance" if words else None
    if first.low == "to" and len(after) > 1 and _verb_base(after[1].low) in _NOMINAL:
        return _NOMINAL[_verb_base(after[1].low) or ""]  # "£1.3bn to spend" -> spending
    if first.is_word and first.text[0].islower() and _clear_verb(first):
        # "the $6.5bn pledged at the conference for energy projects": the pledge's purpose.
        base = _verb_base(first.low)
        purpose = _purpose_after(after[1:], skip=True)
        return purpose or (_NOMINAL.get(base) if base else None)
    if (
        first.low.endswith("ing")
        and len(after) > 1
        and (after[1].low in _PREPS or after[1].low in _DETS)
    ):
        return None  # "$1-2 billion a year, pointing to ...": a participle, not a noun
    if first.is_word and _content(first) and not _clear_verb(first):
        words, nxt = _np_after_at(after, 0)
        if not words:
            return None
        if nxt < len(after) and (after[nxt].low in _REPORTING or after[nxt].low in _AUX):
            return None  # "the 95% experts say is needed": the noun is the next clause's
        return _phrase(words)
    return None


def _placelike(words: list[_Tok]) -> bool:
    """'in Valdecarra', 'in March': where or when, not what the amount is in."""
    return words[0].text[0].isupper() or words[0].low in _TIME_WORDS


def _own_clause(after: list[_Tok]) -> str | None:
    """The figure opens its clause: '€7bn was held back from the budget', '20 billion euros
    would go to the fund' -> the noun after the verb's preposition; 'has been recovered' ->
    the amount recovered."""
    i = 0
    verb: _Tok | None = None
    while i < len(after) and i < 8:
        tok = after[i]
        if tok.text in (",", ";", ".", ":"):
            break
        if _is_verb(tok) or tok.low in ("back", "out", "up", "aside", "so", "far"):
            if tok.low not in _AUX and _verb_base(tok.low) is not None:
                verb = tok
            verb = verb or tok
        elif verb is not None and tok.low in _PREPS and tok.low not in ("by", "than", "as"):
            words = _np_after(after, i + 1)
            if words and not _placelike(words):
                return _phrase(words)
            break
        elif verb is None:
            return None
        i += 1
    base = _verb_base(verb.low) if verb is not None else None
    return _NOMINAL.get(base) if base else None


_PERSONAL = frozenset("i we you they he she it".split())  # noqa: SIM905
_RELATIVES = frozenset(["who", "which", "that"])  # "a nurse who commutes 42km": a verb
_PARTICLES = frozenset("back aside out off up down away".split())  # noqa: SIM905
_ADVERB_BREAK = frozenset(
    """straight away immediately annually yearly monthly weekly daily overall nationwide
    worldwide abroad alone again already back aside instead""".split()  # noqa: SIM905
)
# Verbs that are seldom nouns: after a noun they end its phrase.
_PLAIN_VERBS = frozenset(
    """go goes come comes get gets make makes give gives see seem seems become becomes keep
    keeps let put think know want wants""".split()  # noqa: SIM905
)
# Before an amount: objects that are pronouns ("cost it £23.5m") and words of addition
# ("a further $7bn") say nothing of the thing.
_OBJECT_PRONOUNS = frozenset("it them him her us me you".split())  # noqa: SIM905
_ADDITION = frozenset("further additional extra another new fresh total".split())  # noqa: SIM905
# Verbs whose subject owns what the amount is asked for: "the trust asked the board for £86m".
_ASKING = frozenset("ask request seek demand apply appeal bid".split())  # noqa: SIM905
_DURATION_PREPS = frozenset(["for", "over", "in", "within", "during", "after", "to"])


def _verb_subject(before: list[_Tok], i: int, after: list[_Tok], duration: bool) -> str | None:
    """The figure after a verb: the level verb's subject, the purpose of an amount, or the
    actor with the noun of the act."""
    while i >= 0 and (
        before[i].low in _OBJECT_PRONOUNS or before[i].low in _ADDITION or before[i].low in _ADVERBS
    ):
        i -= 1
    i = _skip_qualifiers_back(before, i)
    prep = None
    if i >= 0 and before[i].low in ("to", "at", "by", "of", "from", "for", "in", "on", "over",
                                    "within", "during", "with"):  # fmt: skip
        prep = before[i].low
        i -= 1
    while i >= 0 and before[i].low in _PARTICLES:
        i -= 1  # "pull heavy artillery back 15 km", "sets aside 27%"
    if prep in ("to", "from") and i >= 1 and _figure_word(before[i]):
        # "rose 4 points to 38%": past the change, to the verb that made it
        while i >= 0 and (_figure_word(before[i]) or before[i].low in ("by", "about")):
            i -= 1
        prep = None
    if i < 0:
        return None
    verb = before[i]
    if verb.low in ("and", "or", "but", ",", "plus"):
        return _purpose_after(after)  # "€20bn for housing and €17bn for defence"
    if prep == "with":
        # "the Greens came third with 11.7%": the clause's subject holds the figure.
        j = i
        while j >= 0 and not _is_verb(before[j]):
            j -= 1
        subject = _subject_np(before, j - 1) if j > 0 else []
        return _phrase(subject) if subject and subject[-1].low not in _PRONOUNS else None
    if duration and prep in _DURATION_PREPS:
        act = _act_before(before, i)
        if act:
            return act  # "sentenced to 12 years" -> sentence; "pay out over 1.5 years"
    if not _is_verb(verb):
        return _object_phrase(before, i, prep)
    base = _verb_base(verb.low) or verb.low
    j = i - 1
    while j >= 0 and (before[j].low in _AUX or before[j].low in _ADVERBS):
        j -= 1
    if verb.low in _REPORTING:
        return _own_clause(after)
    subject = _subject_np(before, j)
    if base in _LEVEL or verb.low in _LEVEL or verb.low in _AUX:
        if subject and subject[-1].low not in _PRONOUNS:
            return _phrase(subject)
        return None
    purpose = _purpose_after(after)
    owner = _phrase(subject[-2:]) if subject and _proper(subject[-1], before, j) else None
    if purpose:
        return f"{owner} {purpose}" if owner and owner.lower() not in purpose.lower() else purpose
    noun = _NOMINAL.get(base)
    if noun and subject:
        return f"{_phrase(subject[-1:])} {noun}"
    if noun:
        return noun
    return _phrase(subject) if subject else None


_ADVERBS = frozenset(
    """not also now still already only just recently previously originally initially then
    reportedly currently further""".split()  # noqa: SIM905
)


def _figure_word(tok: _Tok) -> bool:
    return tok.text[0].isdigit() or tok.low in _SCALE_WORDS or tok.text in ("%", "$", "€", "£")


def _proper(tok: _Tok, toks: list[_Tok], at: int) -> bool:
    """A name ('Britain', 'KET'), not a capitalised common plural opening the sentence
    ('Donors pledged', 'Officials said'); ``at`` is the token's index or just after it."""
    if not tok.text[0].isupper():
        return False
    k = next((n for n in range(min(at, len(toks) - 1), -1, -1) if toks[n] is tok), 0)
    first = k == 0 or toks[k - 1].text in ('"', "“", "(", ":")
    return not (first and tok.text[1:].islower() and tok.low.endswith("s"))


def _subject_np(before: list[_Tok], j: int) -> list[_Tok]:
    """The subject of the verb before index j+1; across 'and' to the clause's first phrase
    ("Construction is due to start in March and take 18 months")."""
    if j < 0:
        return []
    words, _ = _np_before(before, j)
    if words:
        return words
    if before[j].text == ",":
        # "The last strike, in 2005, lasted 16 days": past the parenthesis to its subject
        k = next((k for k in range(j - 1, max(-1, j - 8), -1) if before[k].text == ","), None)
        if k is not None and k > 0:
            return _np_before(before, k - 1)[0]
    if before[j].low in ("and", "to", "then"):
        return _opening_phrase(before, _clause_start(before, j), j)
    return []


def _opening_phrase(toks: list[_Tok], k: int, limit: int) -> list[_Tok]:
    """The noun phrase a clause opens with: 'Construction of the solar park (is due to ...)'."""
    while k < limit and not _content(toks[k]):
        k += 1
    words: list[_Tok] = []
    while k < limit and len([w for w in words if w.low not in _JOINS]) < 4:
        tok = toks[k]
        if tok.low in _JOINS and words:
            words.append(tok)
        elif tok.low in _DETS and words and words[-1].low in _JOINS:
            pass
        elif _content(tok) and not _is_verb(tok):
            words.append(tok)
        else:
            break
        k += 1
    while words and words[-1].low in _JOINS:
        words.pop()
    return words


def _object_phrase(before: list[_Tok], i: int, prep: str | None) -> str | None:
    """The words before the figure are a noun phrase, not a verb: 'cut rates by 25bp' ->
    rates; 'lend Kyiv €35bn' -> loan; 'buy Helvion for CHF 14.5bn' -> Helvion purchase; 'the
    trust asked the board for £86m' -> trust request."""
    words, k, at = _np_before_at(before, i)
    if not words:
        return None
    if k >= 0 and (before[k].low in _PERSONAL or before[k].low in _RELATIVES) and len(words) == 1:
        base = _verb_base(words[0].low)
        return _NOMINAL.get(base) if base else None  # "they expect 4% more": a verb
    # "to lend Kyiv": a base-form verb after a modal or 'to' heads the phrase, not a noun.
    for n, w in enumerate(words):
        if _after_modal(before, at[n]) and w.text[0].islower():
            k, words, at = at[n], words[n + 1 :], at[n + 1 :]
            break
    if not words:
        return None
    verb = before[k] if k >= 0 else None
    base = _verb_base(verb.low) if verb is not None and verb.text[0].islower() else None
    if base is not None and base in _NOMINAL and prep in (None, "for"):
        noun = _NOMINAL[base]
        if base in _ASKING:
            asker = _subject_np(before, k - 1)
            return f"{_phrase(asker[-1:])} {noun}" if asker else noun
        if prep == "for":
            return f"{words[-1].text} {noun}"  # "buy Helvion for CHF 14.5bn"
        return noun  # "lend Kyiv €35bn": the loan
    stop = _clause_start(before, i)
    words = [w for w, n in zip(words, at, strict=True) if n >= stop]
    return _phrase(words) if words else None


def _after_modal(before: list[_Tok], idx: int) -> bool:
    return idx > 0 and before[idx - 1].low in ("will", "would", "to", "could", "can", "may",
                                                "might", "should", "must")  # fmt: skip


def _act_before(before: list[_Tok], i: int) -> str | None:
    """The act a stretch of time belongs to: the noun of the nearest verb before it in the
    clause ('jailed for 12 years' -> prison sentence, 'pay out over 1.5 years' -> payment)."""
    stop = _clause_start(before, i)
    for k in range(i, max(stop, i - 6) - 1, -1):
        tok = before[k]
        if tok.text in (",", ";"):
            break
        base = _verb_base(tok.low) if tok.text[0].islower() else None
        if base is not None and base in _NOMINAL:
            return _NOMINAL[base]
    return None


def _purpose_after(after: list[_Tok], skip: bool = False) -> str | None:
    """'to a reconstruction fund', 'for energy projects' after the amount (``skip``: over a
    few words first, 'pledged at the 2023 London conference for energy projects'); a
    conversion in brackets comes first ("Rs 12,000 crore (about $1.4bn) for rural roads")."""
    i = 0
    if after and after[0].text == "(":
        close = next((n for n, t in enumerate(after) if t.text == ")"), None)
        if close is not None and close < 10:
            i = close + 1
    # Skip a rate: "€2m a year to the fund".
    while i < len(after) and after[i].low in ("a", "an", "per", "each", "year", "month", "week",
                                              "day", "more", "extra"):  # fmt: skip
        i += 1  # "€2m a year to the fund"
    limit = min(len(after), i + (8 if skip else 1))
    while i < limit and after[i].low not in _PURPOSE_PREPS:
        if after[i].text in (",", ";", "."):
            return None
        i += 1
    if i < len(after) and after[i].low in _PURPOSE_PREPS:
        k = i + 1
        if k < len(after) and after[k].text[0].islower() and after[k].low not in _DETS:
            base = _verb_base(after[k].low)
            if base is not None or after[k].low in _VERBS:
                k += 1  # "to repair Ukraine's power grid": what the money is to repair
        words = _np_after(after, k)
        if words and words[0].low not in _PRONOUNS and words[0].low not in _TIME_WORDS:
            return _phrase(words)
    return None


def _nearest_phrase(before: list[_Tok], i: int) -> str | None:
    """The noun phrase just before the figure in its clause, if the words there form one."""
    stop = _clause_start(before, i)
    words, _, at = _np_before_at(before, i)
    words = [w for w, n in zip(words, at, strict=True) if n >= stop]
    return _phrase(words) if words else None


def dimension_after(text: str, end: int, b: int) -> str | None:
    """'length' for '1,200 km long', 'height' for '8,849 metres high'."""
    m = _DIMENSION_AFTER.match(text, end, b)
    return _DIMENSION[m.group(1).lower()] if m else None


_DIMENSION_AFTER = re.compile(
    r"\s+(long|wide|high|tall|deep|thick|heavy|away|apart|old|in\s+diameter|in\s+length|"
    r"in\s+size)\b"
)


# "up from $486bn", "rose 3 points to 64%", "compared with 25%", "29.1%, down 4.2 points": a
# figure set against the one before it in the sentence is about the same thing.
_SET_AGAINST = re.compile(
    r"(?:\b(?:up|down|rising|falling|rose|fell)(?:\s+from)?|\bcompared\s+(?:with|to)|\bagainst|"
    r"\bversus|\bvs\.?|\bfrom|\bto|\bthan|\bor|\band|\bplus|"
    r"\b(?:with|and)\s+(?:a\s+further|another|an\s+additional|an\s+extra))\s+"
    r"(?:(?:about|around|some|nearly|almost|roughly|just|more\s+than|less\s+than|over|under)\s+)?$",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r",\s+or\s+[^,;]{1,24},\s*")
_WORDS_ONLY = re.compile(r"[A-Za-z\d][\w'’.,-]*")


def follows_figure(text: str, start: int, prev_end: int) -> bool:
    """True when the figure at ``start`` is set against a figure that ended at ``prev_end``
    in the same sentence ("$524 billion over ten years, up from $486 billion")."""
    if prev_end < 0 or start < prev_end or start - prev_end > 160:
        return False
    # "jumped $2.35, or 2.9%, to $83.50": the figure in apposition is set aside.
    gap = _APPOSITION.sub(" ", text[prev_end:start])
    if ". " in gap or ";" in gap or "\n" in gap:
        return False
    m = _SET_AGAINST.search(gap)
    if m is None:
        return False
    between = len(_WORDS_ONLY.findall(gap, 0, m.start()))
    word = m.group(0).split()[0].lower()
    if m.group(0).lower().startswith(("with", "and a", "and an", "and another")):
        return between <= 6  # "£2bn over five years, with a further £500m"
    if word in ("to", "or", "and"):
        return between == 0  # "3 points to 64%", "£35m and £38.5m"; not "for X and €17bn"
    if word in ("up", "down", "rising", "falling", "rose", "fell") and "from" not in m.group(0):
        return between == 0 and "," in gap  # "took 29.1%, down 4.2 points"
    # A few words between the two figures: "over the next ten years", "in 2023".
    return between <= (16 if "from" in m.group(0) or "compared" in m.group(0) else 6)


def inherit_subjects(text: str, claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """Claims of one kind in text order, each set against the one before taking its subject."""
    out: list[ExtractedClaim] = []
    for c in claims:
        if out and out[-1].subject and follows_figure(text, c.start, out[-1].end):
            prev = out[-1]
            c = replace(c, subject=prev.subject, subject_key=prev.subject_key)
        out.append(c)
    return out


_FIGURES = frozenset(["money", "count", "percent", "quantity", "duration"])


def fill_subjects(text: str, claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """Claims of all kinds in text order: a figure with no subject of its own, set against the
    figure before it of another kind ("jumped $2.35, or 2.9%"), takes that one's subject."""
    out: list[ExtractedClaim] = []
    prev: ExtractedClaim | None = None
    for c in claims:
        if c.kind in _FIGURES:
            if c.subject is None and prev is not None and prev.subject:
                gap = text[prev.end : c.start]
                if follows_figure(text, c.start, prev.end) or _OR_FIGURE.fullmatch(gap):
                    c = replace(c, subject=prev.subject, subject_key=prev.subject_key)
            prev = c
        out.append(c)
    return out


_OR_FIGURE = re.compile(r",?\s+or\s+(?:about\s+|around\s+|some\s+)?")
