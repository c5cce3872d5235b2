"""People named in a document, so a quote's 'Zelensky' becomes 'Volodymyr Zelensky'."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

_CAP = r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Cllr)\.|[A-Z]\.|[A-Z][\w'’-]*\w)"
# The same, written to open with one character class: the regex engine then skips in C to the
# next capital letter instead of trying the pattern at every position (2x faster on news text;
# the same matches). The honorifics are told apart by one-character look-behinds.
_CAP_FIRST = (
    r"[A-Z](?:(?:(?<=[DM])r|(?<=M)rs|(?<=M)s|(?<=P)rof|(?<=S)en|(?<=R)ep|(?<=G)ov|(?<=G)en|"
    r"(?<=L)t|(?<=C)ol|(?<=C)apt|(?<=S)gt|(?<=C)llr)\.|\.|[\w'’-]*\w)"
)
# A run of capitalised words on one line (with a lower-case title word inside, "Council
# president"); a full stop ends it, so "Russia. Julianne Smith" is two runs.
# (The word boundary is for the lower-case words only: after "Sen." it would fail and cut
# "Republican Sen. Marcus Hale" in two.)
_NEXT_WORD = (
    rf"(?:[ \t]+(?:{_CAP}|(?:president|chief|secretary|minister|leader|de|von|van|al|bin)\b))"
)
NAME_RUN = re.compile(rf"{_CAP_FIRST}{_NEXT_WORD}*")

TITLES = frozenset(
    [
        "president",
        "chancellor",
        "minister",
        "secretary",
        "state",
        "affairs",
        "attorney",
        "prime",
        "chief",
        "leader",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "general",
        "gen.",
        "commander",
        "senator",
        "sen.",
        "rep.",
        "representative",
        "governor",
        "mayor",
        "director",
        "ceo",
        "chairman",
        "chairwoman",
        "chair",
        "head",
        "pope",
        "king",
        "queen",
        "prince",
        "dr",
        "dr.",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "professor",
        "prof.",
        "judge",
        "justice",
        "speaker",
        "vice",
        "deputy",
        "colonel",
        "col.",
        "lieutenant",
        "admiral",
        "sergeant",
        "captain",
        "envoy",
        "adviser",
        "advisor",
        "analyst",
        "economist",
        "commissioner",
        "secretary-general",
        "secretary",
        "general",
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "lawmaker",
        "senator",
        "congressman",
        "congresswoman",
        "officer",
        "founder",
        "manager",
        "coach",
        "boss",
        "owner",
        "lawyer",
        "prosecutor",
        "inspector",
        "superintendent",
        "detective",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "surgeon",
        "nurse",
        "executive",
        "councillor",
        "councilor",
        "cllr.",
        "cllr",
        "gov.",
        "lt.",
        "capt.",
        "sgt.",
        "premier",
        "sir",
        "dame",
        "lord",
        "mp",
        "mep",
        "sheriff",
        "constable",
        "marshal",
        "bishop",
        "archbishop",
        "cardinal",
        "rabbi",
        "imam",
        "treasurer",
        "headteacher",
        "dean",
        "cfo",
        "coo",
        "cto",
        "chairperson",
        "trustee",
        "campaigner",
        "activist",
        "researcher",
        "scientist",
        "historian",
        "author",
        "spokesperson",
    ]
)
_HONORIFICS = frozenset(["dr", "mr", "mrs", "ms", "prof", "sen", "rep", "gov", "gen"])
NOT_PERSON = frozenset(
    [
        "house",
        "union",
        "council",
        "states",
        "kingdom",
        "nations",
        "ministry",
        "office",
        "party",
        "alliance",
        "forces",
        "army",
        "bank",
        "fund",
        "agency",
        "committee",
        "commission",
        "parliament",
        "congress",
        "senate",
        "court",
        "department",
        # organisations: "Lakeport Chamber" or "Harbour Authority" never speaks as a person
        "chamber",
        "authority",
        "bureau",
        "association",
        "federation",
        "board",
        "trust",
        "foundation",
        "society",
        "corporation",
        "corp",
        "corp.",
        "holdings",
        "industries",
        "airways",
        "partners",
        "capital",
        "energy",
        "technologies",
        "systems",
        "pharma",
        "motors",
        "media",
        "llc",
        "gmbh",
        "inc",
        "ltd",
        "plc",
        "network",
        "coalition",
        # parties: "Democratic Renewal" or "People's Front" never speaks as a person
        "front",
        "renewal",
        "movement",
        "bloc",
        "democratic",
        "democrats",
        "liberal",
        "liberals",
        "socialist",
        "socialists",
        "conservative",
        "conservatives",
        "labour",
        "progressive",
        "progressives",
        "greens",
        "republicans",
        "reform",
        "organisation",
        "organization",
        "league",
        "club",
        "lines",
        "airlines",
        # sports clubs: "Fernlow Town", "Brackmoor United" never speak as a person
        "town",
        "united",
        "rovers",
        "athletic",
        "wanderers",
        "albion",
        "rangers",
        "borough",
        "fc",
        "afc",
        "exchange",
        "service",
        "services",
        "centre",
        "center",
        # places: a pronoun must never resolve to "Saran Valley" or "Port City"
        "valley",
        "river",
        "sea",
        "lake",
        "city",
        "province",
        "county",
        "region",
        "district",
        "island",
        "islands",
        "mountains",
        "bay",
        "coast",
        "gulf",
        "glacier",
        "basin",
        "delta",
        "harbour",
        "harbor",
        "port",
        "street",
        "square",
        "bridge",
        "airport",
        "station",
        "hospital",
        "school",
        "company",
        "group",
        "university",
        "institute",
        "press",
        "news",
        "times",
        "post",
        "nato",
        "eu",
        "un",
        "us",
        "u.s.",
        "uk",
        "kremlin",
        "pentagon",
        "washington",
        "moscow",
        "kyiv",
        "kiev",
        "brussels",
        "europe",
        "european",
        "america",
        "american",
        "russia",
        "russian",
        "ukraine",
        "ukrainian",
        "north",
        "south",
        "east",
        "west",
        "korea",
        "korean",
        "china",
        "chinese",
        "france",
        "french",
        "germany",
        "german",
        "britain",
        "british",
        "hungary",
        "g7",
        "g20",
        "facebook",
        "twitter",
        "x",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "but",
        "and",
        "or",
        "as",
        "after",
        "before",
        "while",
        "when",
        "if",
        "this",
        "that",
        "there",
        "some",
        "many",
        "other",
        "insiders",
        "western",
        "eastern",
        "reuters",
        "afp",
        "ap",
        "bbc",
        "cnn",
    ]
)


def _is_title(word: str) -> bool:
    low = word.lower()
    return low in TITLES or low.rstrip(".") in TITLES or any(p in TITLES for p in low.split("-"))


def is_title(word: str) -> bool:
    """Whether a word is a title or role ("governor", "Dr.")."""
    return _is_title(word)


def _strip_titles(words: list[str]) -> list[str]:
    last_title = -1
    for i, w in enumerate(words):
        if _is_title(w) or w.endswith(("’s", "'s")):
            last_title = i
    return words[last_title + 1 :]


@lru_cache(maxsize=8192)
def clean_name(run: str) -> str | None:
    """A person's name from a capitalised run, titles and possessives removed; None if not one."""
    run = re.sub(r"['’]s?$", "", run.strip())
    words = _strip_titles(run.split())
    if not words:
        return None
    if any(w.lower().strip(".,") in NOT_PERSON for w in words):
        return None
    if len(words) > 4:
        return None
    if len(words) > 1 and words[-1].isupper() and len(words[-1]) > 1:
        return None  # "Switzerland CHF", "Arenca FC": an acronym ends no person's name
    return " ".join(words)


# A role in apposition after a name: "Eva Lund, the health minister," / ", a spokesperson for".
_ROLE_AFTER = re.compile(
    r",\s+(?:the|a|an|its|their|his|her|[A-Z][\w.-]*['’]s)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?P<role>[a-z][a-z-]+)(?=\s*[,.;]|\s+(?:of|for|at|in|to)\b)"
)
# ... or before it: "the country's prime minister, Lars Vinter", "campaign manager Tom Hale".
_ROLE_BEFORE = re.compile(
    r"(?<![A-Za-z])(?P<role>[A-Za-z][a-z-]+)"
    # "The Minister for Transport, Oskar Halvik": the role word before its portfolio
    r"(?:\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,3})?,?\s+$"
)


class People:
    """Named people in order of mention; a surname resolves to the first full name.

    Two lists: every mention (possessives too: "Marta Ilescu's party" introduces Marta Ilescu
    and is where a later "she" points), and the mentions that can name a speaker ("Starmer's
    office said" is the office speaking, not Starmer).
    """

    def __init__(self, text: str) -> None:
        self.positions: list[int] = []
        self.names: list[str] = []
        self.mention_positions: list[int] = []
        self.mention_names: list[str] = []
        self.full: dict[str, str] = {}
        # "Governor Jane Doe ... the governor said": worked out on the first question, from the
        # multi-word mentions kept here (most documents never ask).
        self._role_sources: list[tuple[int, int, str, str, bool]] = []
        self._text = text
        self._roles: list[tuple[int, str, str]] | None = None
        # Two passes: runs of two or more capitalised words name people in full; then the
        # surnames of those people are found where they stand alone. Most runs are one word
        # ("The", "He"), and skipping them in Python is most of the speed.
        found: list[tuple[int, str, bool]] = []
        taken: list[tuple[int, int]] = []  # multi-word runs: a surname inside is not a mention
        first_seen: dict[str, int] = {}
        for m in _MULTI_RUN.finditer(text):
            run = m.group(0)
            if "s " in run and ("’s " in run or "'s " in run):
                # "Marta Ilescu's People's Front": a possessive name, then the rest of the run
                pos = m.start()
                for part in _AFTER_POSSESSIVE.split(run):
                    at = text.index(part, pos)
                    pos = at + len(part)
                    self._run(text, at, part, pos, found, taken, first_seen)
            else:
                self._run(text, m.start(), run, m.end(), found, taken, first_seen)
        if self.full:
            self._surnames(text, found, taken, first_seen)
        found.sort()
        for pos, name, possessive in found:
            self.mention_positions.append(pos)
            self.mention_names.append(name)
            if not possessive:
                self.positions.append(pos)
                self.names.append(name)

    def _run(
        self,
        text: str,
        start: int,
        run: str,
        end: int,
        found: list[tuple[int, str, bool]],
        taken: list[tuple[int, int]],
        first_seen: dict[str, int],
    ) -> None:
        words = run.split()
        lead = 0
        # "But Kessler", "On Monday Kessler", "Kyiv Mayor Vitali Klitschko": sentence openers
        # and place words glued to a name by capitals are not part of it.
        while lead < len(words) - 1 and words[lead].lower() in _LEADING:
            lead += 1
        if lead:
            start = text.index(words[lead], start)
            run = text[start:end]
            words = words[lead:]
        if len(words) < 2:
            return  # one word: the surname pass finds it if it is someone's
        taken.append((start, end))
        possessive = run.endswith(_POSSESSIVE) or text[end : end + 2] in ("’s", "'s")
        name = clean_name(run)
        if name is None:
            return
        words = name.split()
        full = self.full
        if len(words) == 1 and not self._titled(run):
            if words[0] not in full:
                return
        elif (len(words) > 1 or not possessive) and words[-1] not in full:
            full[words[-1]] = name
            first_seen[words[-1]] = start
        name = full.get(words[-1], name)
        found.append((start, name, possessive))
        self._role_sources.append((start, end, run, name, possessive))

    def _surnames(
        self,
        text: str,
        found: list[tuple[int, str, bool]],
        taken: list[tuple[int, int]],
        first_seen: dict[str, int],
    ) -> None:
        """Each known surname where it stands alone, after the person was first named."""
        taken_starts = [a for a, _ in taken]
        for surname, name in self.full.items():
            pos = text.find(surname, first_seen.get(surname, 0))
            while pos >= 0:
                end = pos + len(surname)
                if _word_alone(text, pos, end):
                    i = bisect_right(taken_starts, pos) - 1
                    if i < 0 or taken[i][1] <= pos:
                        possessive = text[end : end + 1] in ("’", "'")
                        found.append((pos, name, possessive))
                pos = text.find(surname, end)

    def _find_roles(self) -> list[tuple[int, str, str]]:
        """(position, role word, person) for every role a mention gives, in text order."""
        roles: list[tuple[int, str, str]] = []
        text = self._text
        for start, end, run, name, possessive in self._role_sources:
            for word in run.split()[:-1]:
                low = word.lower().rstrip(".")
                if _is_title(word) and low not in _HONORIFICS:
                    roles.append((start, low, name))
            if possessive:
                continue
            after = _ROLE_AFTER.match(text, end, end + 70)
            if after and _is_title(after.group("role")):
                roles.append((start, after.group("role"), name))
            before = _ROLE_BEFORE.search(text, max(0, start - 60), start)
            if before and _is_title(before.group("role")):
                roles.append((start, before.group("role").lower(), name))
        return roles

    def by_role(self, role: str, before: int | None = None) -> str | None:
        """The person last introduced with this role word ("governor") before ``before`` (any
        position when None), else the first one introduced after it."""
        if self._roles is None:
            self._roles = self._find_roles()
        role = role.lower()
        holders = [(pos, name) for pos, r, name in self._roles if r == role]
        if not holders:
            return None
        if before is None:
            return holders[-1][1]
        earlier = [name for pos, name in holders if pos < before]
        return earlier[-1] if earlier else holders[0][1]

    @staticmethod
    def _titled(run: str) -> bool:
        return any(_is_title(w) for w in run.split()[:-1])

    def resolve(self, who: str) -> str:
        """The fullest form of ``who`` the document gives."""
        name = clean_name(who) or who.strip()
        words = name.split()
        if words and words[-1] in self.full and len(words) <= len(self.full[words[-1]].split()):
            return self.full[words[-1]]
        return name

    def nearest_before(self, pos: int, floor: int = 0) -> str | None:
        """The person a pronoun at ``pos`` points to: the last one named, unless that was only a
        possessive ("Michel said Zelensky's plan ... he said" is Michel) and someone was named
        plainly shortly before; a possessive alone ("Vance's party came third. She said") counts."""
        i = bisect_right(self.positions, pos) - 1
        j = bisect_right(self.mention_positions, pos) - 1
        plain = self.positions[i] if i >= 0 and self.positions[i] >= floor else None
        if j < 0 or self.mention_positions[j] < floor:
            return None
        if plain is not None and self.mention_positions[j] - plain < _PLAIN_WINS:
            return self.names[i]
        return self.mention_names[j]

    def last_between(self, start: int, end: int) -> str | None:
        i = bisect_right(self.positions, end - 1) - 1
        if i >= 0 and self.positions[i] >= start:
            return self.names[i]
        return None

    def first_between(self, start: int, end: int) -> str | None:
        i = bisect_right(self.positions, start - 1)
        if i < len(self.positions) and self.positions[i] < end:
            return self.names[i]
        return None


_POSSESSIVE = ("’s", "'s", "’", "'")
# Runs of two or more capitalised words (the full names, and what looks like them).
_MULTI_RUN = re.compile(rf"{_CAP_FIRST}{_NEXT_WORD}+")
_LEADING = NOT_PERSON | frozenset(
    {
        "yesterday", "today", "tomorrow", "meanwhile", "however", "also", "then", "now", "so",
        "still", "since", "for", "with", "without", "by", "from", "of", "to", "under", "over",
        "during", "despite", "although", "though", "because", "once", "until", "like", "unlike",
        "according", "asked", "both", "neither", "either", "not", "only", "even", "speaking",
        "addressing", "instead", "earlier", "later", "last", "next", "every", "each", "all",
        "most", "several", "few", "more", "officials", "police", "one", "two", "three",
        "four", "five", "another", "no", "any", "said", "says", "added",
    }
)  # fmt: skip


def _word_alone(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a whole word: not inside 'Lundqvist' or 'Ter-Lund'."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "-_") and not (after.isalnum() or after in "-_")


_PLAIN_WINS = 300  # characters
_AFTER_POSSESSIVE = re.compile(r"(?<=['’]s)[ \t]+")
