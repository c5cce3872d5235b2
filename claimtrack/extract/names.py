"""People named in a document, so a quote's 'Zelensky' becomes 'Volodymyr Zelensky'."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

_CAP = r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Cllr)\.|[A-Z]\.|[A-Z][\w'’-]*\w)"
# A run of capitalised words on one line (with a lower-case title word inside, "Council
# president"); a full stop ends it, so "Russia. Julianne Smith" is two runs.
NAME_RUN = re.compile(
    rf"{_CAP}(?:[ \t]+(?:{_CAP}|president|chief|secretary|minister|leader|de|von|van|al|bin)\b)*"
)

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
        "gov.",
        "lt.",
        "capt.",
        "sgt.",
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
        "organisation",
        "organization",
        "league",
        "club",
        "lines",
        "airlines",
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
    return " ".join(words)


class People:
    """Named people in order of mention; a surname resolves to the first full name."""

    def __init__(self, text: str) -> None:
        self.positions: list[int] = []
        self.names: list[str] = []
        self.full: dict[str, str] = {}
        # "Governor Jane Doe ... the governor said": the role word maps to the latest holder.
        self.roles: dict[str, str] = {}
        for m in NAME_RUN.finditer(text):
            run = m.group(0)
            if run.endswith(("’s", "'s", "’", "'")) or text[m.end() : m.end() + 2] in ("’s", "'s"):
                continue  # possessives are not who speaks
            name = clean_name(run)
            if name is None:
                continue
            words = name.split()
            if len(words) == 1 and not self._titled(run):
                if words[0] in self.full:
                    name = self.full[words[0]]
                else:
                    continue
            else:
                self.full.setdefault(words[-1], name)
            self.positions.append(m.start())
            self.names.append(self.full.get(words[-1], name))
            self._note_roles(run, self.names[-1])

    def _note_roles(self, run: str, name: str) -> None:
        for word in run.split()[:-1]:
            low = word.lower().rstrip(".")
            if _is_title(word) and low not in _HONORIFICS:
                self.roles[low] = name

    def by_role(self, role: str) -> str | None:
        """The person last introduced with this role word ("governor"), if any."""
        return self.roles.get(role.lower())

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
        i = bisect_right(self.positions, pos) - 1
        if i >= 0 and self.positions[i] >= floor:
            return self.names[i]
        return None

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
