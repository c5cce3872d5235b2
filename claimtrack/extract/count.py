"""Counts: '10,000 North Korean soldiers', "NATO's 32 member states", 'the 15-member council'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .doc import Doc
from .numbers import Num, qualifier_before
from .subjects import phrase_after, possessor_before
from .types import ExtractedClaim

_MEMBER = re.compile(
    r"-(?P<noun>member|strong|seat|nation|country|person|man|woman|team|club|party|state|bed)\b\s*"
)
_PLURAL = {"country": "countries", "party": "parties", "person": "people", "man": "men",
           "woman": "women"}  # fmt: skip
_YEARISH = re.compile(r"^(?:1[89]|20)\d\d$")
# Words after a number that make it something other than a count.
_NOT_COUNTED = frozenset(
    [
        "am",
        "pm",
        "a.m",
        "p.m",
        "gmt",
        "utc",
        "bst",
        "cet",
        "est",
        "edt",
        "pst",
        "hrs",
        "h",
        "o'clock",
        "th",
        "st",
        "nd",
        "rd",
        "s",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "hour",
        "hours",
        "minute",
        "minutes",
        "second",
        "seconds",
        "decade",
        "decades",
        "percent",
        "per",
        "times",
        # "five short of the 76 needed", "three clear of": a comparison, the noun is elided
        "short",
        "clear",
        "ahead",
        "behind",
        "adrift",
        "shy",
        "needed",
        "left",
        "thirds",
        "quarters",
        "fifths",
        "tenths",
        "halves",
    ]
)
# Adjectives a counted noun sheds: "10,000 new soldiers" counts soldiers.
_ADJECTIVES = frozenset(
    [
        "new",
        "additional",
        "further",
        "extra",
        "other",
        "more",
        "former",
        "total",
        "young",
        "old",
        "senior",
        "top",
        "key",
        "major",
        "separate",
        "different",
        "several",
        "small",
        "large",
        "big",
        "many",
        "few",
        "missing",
        "remaining",
        "existing",
        "surviving",
        "dead",
        "injured",
        "wounded",
    ]
)
_ADJECTIVE_ENDINGS = (
    "al", "ar", "ian", "ese", "ic", "ive", "ous", "ful", "less", "able", "ible", "ary", "ish",
)  # fmt: skip
# "two people familiar with the plans": anonymous sourcing, not a figure to check.
_SOURCING = re.compile(r"\s+(?:familiar|close|briefed|who\s+asked|speaking\s+on)\b")
# A number right after a capitalised label is part of a name: "Phase 2", "Article 5".
_LABEL_WORDS = frozenset(
    """Phase Article Chapter Section Stage Part Level Round Group Class Type Model Block Unit Zone
    Route Highway Flight Room Gate Line Title Category Grade Tier Season Episode Volume Vol. No.
    no. Number Resolution Protocol Pillar Point Step Item Annex Tent Ward Bed Terminal Platform
    Pier Bay Hangar Camp FTSE S&P Nikkei DAX CAC Stoxx STOXX ASX Russell Nasdaq""".split()  # noqa: SIM905
)
# Stock indices are named by a number too: "the FTSE 250 index", "S&P 500 companies".
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:Phase|Article|Chapter|Section|Stage|Part|Level|Round|Group|Class|Type|Model|Block|"
    r"Unit|Zone|Route|Highway|Flight|Room|Gate|Line|Title|Category|Grade|Tier|Season|Episode|"
    r"Volume|Vol\.|No\.|no\.|Number|Resolution|Protocol|Pillar|Point|Step|Item|Annex|Tent|Ward|"
    r"Bed|Terminal|Platform|Pier|Bay|Hangar|Camp|FTSE|Nikkei|DAX|CAC|Stoxx|STOXX|ASX|Russell|"
    r"Nasdaq)|\bS&P)\s$"
)
# "the two largest investors", "its five biggest markets": a rank, not a figure to check.
_SUPERLATIVES = frozenset(
    """largest biggest smallest best worst highest lowest richest poorest oldest youngest
    strongest weakest busiest deadliest greatest closest fastest newest longest heaviest most
    least""".split()  # noqa: SIM905
)


# Heads too light to name a thing alone keep the noun before them: "member states",
# "pumping stations", "artillery pieces", "operating theatres", "power plants".
# The noun before a light head names the thing even when it reads like an adjective ("solar
# parks", "nuclear plants"), so it stays in the unit whatever its ending.
_LIGHT_HEADS = frozenset(
    """states stations pieces theatres theaters annexes plants units parks farms games matches
    sites centres centers facilities zones systems""".split()  # noqa: SIM905
)
# Nouns before a head that make another kind of thing, kept in the unit: "23 league goals" are
# not "23 goals" (those may be in every competition), "60 replacement buses" not the fleet.
_CLASSIFIERS = frozenset(
    """league cup member polling passenger freight replacement health island pumping power
    operating artillery""".split()  # noqa: SIM905
)
# Capitalised plurals that are common nouns for people: "two Republicans", "300 Britons".
_PEOPLE_PLURAL = re.compile(r"^[A-Z][a-z]+(?:ans|ats|ists|ites|ers|ons|ers|ives|als|ics)$")


def counted_unit(phrase: str) -> str | None:
    """The counted noun without its modifiers: 'internally displaced people' -> 'people'.

    A fact-checker compares '1,900 research staff' with '1,900 staff' as the same unit, so
    the unit is the head noun; the modifiers stay in the subject. Light heads keep one noun.
    """
    words = phrase.split()
    keep: list[str] = []
    for i, w in enumerate(words):
        low = w.lower()
        if w[0].isupper() or low.endswith("ly") or low in _ADJECTIVES:
            keep = []
            continue
        if i < len(words) - 1 and low.endswith(_ADJECTIVE_ENDINGS):
            keep = []  # "nuclear warheads", "electric vehicles": the noun is what is counted
            continue
        if low.endswith("ed") and w is not words[-1]:
            keep = []
            continue
        keep.append(low)
    if not keep:
        last = words[-1] if words else ""
        return last.lower() if _PEOPLE_PLURAL.match(last) else None
    if len(keep) > 1 and keep[-2] in _CLASSIFIERS and words[-1].lower() == keep[-1]:
        return f"{keep[-2]} {keep[-1]}"
    if keep[-1] in _LIGHT_HEADS and len(words) > 1 and words[-1].lower() == keep[-1]:
        before = words[-2]
        low = before.lower()
        if before[0].islower() and low not in _ADJECTIVES and not low.endswith(("ly", "ed")):
            return f"{low} {keep[-1]}"
    return keep[-1]


def _counted(doc: Doc, num: Num) -> tuple[str | None, str, int] | None:
    """(unit, subject, end) for the noun a number counts."""
    text = doc.text
    m = _MEMBER.match(text, num.end)
    if m is None and text[num.end : num.end + 1] not in (" ", "\t"):
        return None  # the cheap test first: "45%", "12,", "3-1" count nothing
    _, b = doc.sentences.bounds(num.start, num.end)
    if m and m.group("noun") == "strong":
        # "a 10,000-strong force": the noun after is what is counted.
        noun, _ = phrase_after(text, m.end(), b, max_words=2, plural_ends=True)
        if not noun:
            return None
        unit = counted_unit(noun) or noun.split()[-1].lower()
        if _CROWD_WORDS.search(noun):
            unit = "people"  # "a 300-strong crowd" is 300 people
        return unit, noun, num.end + len(m.group(0).rstrip())
    if m:
        noun, _ = phrase_after(text, m.end(), b, max_words=3)
        unit = _PLURAL.get(m.group("noun"), m.group("noun") + "s")
        owner = possessor_before(text, num.start)
        subject = " ".join(x for x in (owner, noun) if x) or unit
        return unit, subject, num.end + len(m.group(0).rstrip())
    gap = _GAP.match(text, num.end, b)
    if not gap:
        return None
    at = gap.end()
    quoted = text[at : at + 1] in _OPEN_QUOTES  # "1,400 'bankable projects'": a scare-quoted noun
    phrase, end = phrase_after(text, at + 1 if quoted else at, b, plural_ends=True)
    if quoted and text[end : end + 1] in _CLOSE_QUOTES:
        end += 1
    elif quoted:
        return None
    if not phrase or _SOURCING.match(text, end):
        return None
    if _CROWD_VERB.match(phrase.split()[0]):
        return "people", "crowd", num.end  # "41,230 watched the final"
    if _VERB_FIRST.match(phrase):
        return None  # "three voted to hold", "set by": a verb, the noun is elided
    counted = counted_unit(phrase)
    if counted is None or counted.split()[-1] in _NOT_COUNTED or counted.split()[0] in _NOT_COUNTED:
        return None
    pair = _PEOPLE_PAIR.match(text, end)
    if pair and counted in _PEOPLE_NOUNS and pair.group("n") in _PEOPLE_NOUNS:
        # "63 patients and staff": two kinds of people counted together are people
        counted, phrase, end = "people", f"{phrase} and {pair.group('n')}", pair.end()
    owner = possessor_before(text, num.start)
    if owner is None:
        a, _ = doc.sentences.bounds(num.start)
        owner = holder_before(text, max(a, num.start - 60), _qualifier_start(text, num.start))
    subject = f"{owner} {phrase}" if owner and owner.lower() not in phrase.lower() else phrase
    return counted, subject, end


_OPEN_QUOTES = frozenset("'‘\"“")
_CLOSE_QUOTES = frozenset("'’\"”")


_PEOPLE_PAIR = re.compile(r"\s+and\s+(?P<n>[a-z]+)\b")
_PEOPLE_NOUNS = frozenset(
    """patients staff students pupils teachers workers employees passengers crew residents
    children adults civilians soldiers officers doctors nurses volunteers visitors tourists
    fans guests""".split()  # noqa: SIM905
)


def _qualifier_start(text: str, start: int) -> int:
    return qualifier_before(text, start)[1]


# "its two cancer drugs" says how many it has, so possessives are not in this list.
_GAP = re.compile(r"[ \t]+")
_VERB_FIRST = re.compile(
    r"^(?:[a-z]+ed|were|was|are|is|had|have|did|will|would|set|put|cut|hit|held|made|won|lost|"
    r"sold|paid|built|taken|given|seen|known|shown|spent|left|kept|found|brought|bought|went)$"
)
# "41,230 watched", "about 9,000 turned out": a crowd, counted in people.
_CROWD_VERB = re.compile(r"^(?:watched|attended|turned|packed|filled|gathered|marched|queued)$")
_CROWD_WORDS = re.compile(r"\b(?:attendances?|crowds?|audiences?|spectators)\b", re.IGNORECASE)
_TOLL = re.compile(r"\b(?:toll|population)\b", re.IGNORECASE)
# "the deer population fell to 300" counts no people.
_ANIMALS = re.compile(
    r"\b(?:deer|birds?|fish|wol(?:f|ves)|bears?|bees?|insects?|animals?|cattle|cod|salmon|"
    r"elephants?|tigers?|rats?|mosquito(?:e?s)?|bats?|seals?|whales?|wildlife|livestock)\b",
    re.IGNORECASE,
)
_DEFINITE = re.compile(r"\b(?:the|these|those|both)\s+$", re.I)


def _labelled(text: str, start: int) -> bool:
    """'Phase 2', 'Article 5': a number that is part of a name."""
    if text[start - 1 : start] != " ":
        return False
    words = text[max(0, start - 12) : start].split()
    if not words or words[-1] not in _LABEL_WORDS:
        return False
    return bool(_LABEL_BEFORE.search(text, max(0, start - 12), start))


def _ranked(text: str, end: int) -> bool:
    if text[end : end + 1] != " ":
        return False
    stop = text.find(" ", end + 1, end + 12)
    return text[end + 1 : stop if stop > 0 else end + 12] in _SUPERLATIVES


def _definite_reference(text: str, num: Num) -> bool:
    """'the two companies', 'both sides': who is involved, already counted, not a figure.
    'the three-member panel' describes the panel's size, so it stays a count."""
    if not num.words or num.value > 3 or num.value_max is not None:
        return False
    if _MEMBER.match(text, num.end):
        return False
    return bool(_DEFINITE.search(text, max(0, num.start - 8), num.start))


# "The death toll rose to 45.": a figure with no noun after it, reached by a verb of totals.
_TOTAL_BEFORE = re.compile(
    r"\b(?:(?:rose|risen|climbed|jumped|fell|dropped|reached|hit|stood\s+at|stands\s+at|"
    r"grew|grown|increased|decreased|declined|shrank|shrunk|slipped|swelled|soared|surged|"
    r"plunged|doubled|tripled|"
    r"totall?ed|toll\s+(?:is|was|of)|total\s+of|number\s+of\s+\w+\s+(?:is|was))(?:\s+to)?"
    r"|(?P<past>pass|passe[sd]|exceed|exceed(?:s|ed)|tops?|topped|surpass|surpasse[sd]|cross|"
    r"crosse[sd])"
    # "had risen 14 per cent in a year, to almost 96,000": the level after the change
    r"|,\s+to"
    # "grew by 2% to 84,000": the level after the change
    r"|\bby\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?\d[\d,.]*\s?(?:%|per\s?cent|percent)\s+to"
    r"|(?P<crowd>crowd|attendance|audience)\s+of"
    # "The crowd broke the ground record of 39,870": the record counts what the sentence does
    r"|record\s+of"
    # "Across the province the figure is more than 4,000": the count before, elsewhere
    r"|(?P<figure>(?:the|that)\s+figure\s+(?:is|was)))"
    r"(?:\s+an?\s+(?:(?:new\s+)?record(?:\s+(?:high|low)\s+of)?|(?:all-time\s+)?(?:high|low|peak)\s+of))?"
    r"(?:\s+(?:almost|nearly|about|around|some|roughly|more\s+than|over|just\s+over|just\s+under))?"
    r"\s+$"
)
_TOTAL_AFTER = re.compile(
    r"\s*(?:[.,;:)]|$|\s(?:on|in|by|after|as|from|according|when|and|at|this|last)\b|"
    r"\s(?:a|per)\s(?:day|week|month|year)\b|"
    r"\s[a-z]+ed\b)"
)
_SUBJECT_WORDS = re.compile(r"[A-Za-z][\w'-]+")
_TOTAL_FILLER = frozenset(
    """the a an has have had rose risen climbed jumped fell dropped reached hit stood stands at to
of is was totalled totaled could would will may might pass passes passed exceed exceeds exceeded
top tops topped surpass surpasses surpassed cross crosses crossed record new in on a year per
grew grown increased decreased declined shrank shrunk slipped swelled soared surged plunged
doubled tripled by
cent percent almost nearly about around some roughly more than over just under""".split()  # noqa: SIM905
)
# "Passenger numbers had reached 8,900 a day": the noun before "numbers" is what is counted.
_NOUN_NUMBERS = re.compile(r"\b([A-Za-z]{3,})\s+numbers\b")
# Words before "numbers" that say how many or which, not what: "record numbers", "phone numbers".
_NOT_NUMBER_NOUNS = frozenset(
    """record large small growing rising falling high low big huge increasing declining the their
    its his her our these those such phone serial lottery winning account reference official
    total overall""".split()  # noqa: SIM905
)
# "The number of people waiting ... has reached 61,400": the noun a bare total counts.
_NUMBER_OF = re.compile(r"\b(?:number|total)\s+of\s+")
# "nine of them", "7,000 of whom": the noun is the one counted just before.
_OF_THEM = re.compile(r"\s+(?:of\s+(?:them|those|these|whom|which)\b|more\b(?!\s+than))")
# "14 of the province's 38 municipalities", "two of the five reactors": the noun comes later.
_OF_THE = re.compile(
    r"\s+of\s+(?:(?:the|its|their|his|her|our|these|those)\s+(?:[\w.-]+['’]s?\s+)?"
    r"|[A-Z][\w.-]*['’]s?\s+)"
    r"(?:(?:some|about|around|nearly|almost|roughly)\s+)?"
    r"(?:(?:planned|promised|pledged|proposed|expected|estimated|required|needed)\s+)?"
    r"(?:(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen)\s+)?"
)
# "up from nine a year earlier", "compared with 104 in 2024", "and three voted to hold":
# a figure set against the count just before it in the sentence counts the same noun.
_SET_AGAINST = re.compile(
    r"(?:\b(?:up|down)\s+from|\bcompared\s+(?:with|to)|\bagainst|\bversus|\bvs\.?|\band|\bbut|"
    r"\bwhile|\bfrom|\bafter|\banother|\ba\s+further|\ban\s+additional|\bincluding)\s+$"
)
_AFTER_SET = re.compile(
    r"\s*(?:[.,;:)]|$|\s(?:in|on|a|last|this|the|at|by|before|after|since|during|earlier|for|"
    r"with)\b|"
    r"\s[a-z]+ed\b|\s(?:were|was|are|had)\b)"
)
_OF_ANY = re.compile(r"\s+(?:of|more)\b")
# "64 votes to 35": the second figure counts the first one's noun.
_TO_SECOND = re.compile(
    r"\s+(?:to|against|versus|vs\.?)\s+"
    r"(?=\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)"
)
_CONTEXT_WORDS = 4
_OVER = re.compile(r"[Oo]ver\s")


# Cues that a bare number counts the noun of the count before it in the paragraph:
# "five short of", "10 more than a majority", "three clear of" (a comparison after it) ...
_COMPARED_AFTER = re.compile(
    r"\s+(?:short\s+of|more\s+than|fewer\s+than|clear\s+of|ahead\s+of|behind|adrift\s+of|"
    r"needed|required)\b"
)
# ... "National Renewal has 52,", "Brackmoor on 76", "with seven", "it has about 16,800 today"
# (a holder and a verb of holding before it, nothing after it) ...
_HOLDER_BEFORE = re.compile(
    r"(?:\b[A-Z][\w'’.-]*|\b(?:it|they|he|she|we))[,]?\s+"
    r"(?:(?:are|is|was|were|sit|sits|stand|stands|finished|finish)\s+)?"
    r"(?:on|with|has|have|had|now\s+has|won|took|holds?|held|got|gets)\s+$"
)
# Who holds the counted things: "The Civic Alliance has won 71 seats", "the Liberals five".
_HOLDER = re.compile(
    r"(?:^|(?<=[\s,(]))(?:[Tt]he\s+)?(?P<who>[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3})"
    r",?\s+(?:(?:has|have|had|will|would|are|is|was|were|sit|sits|stand|stands)\s+)?"
    r"(?:won|took|takes|holds?|held|got|gets|secured|gained|lost|has|have|had|scored|claimed|on|"
    r"with)?\s*$"
)
# ... the gapped items of a list after a count: "52 seats, the Social Democrats 15 and the
# Liberals five" ...
_GAPPED_BEFORE = re.compile(
    r",?\s*(?:,|\band)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3}\s+"
)
_NOTHING_AFTER = re.compile(
    r"\s*(?:[,.;:)]|$|\s+and\b|\s+(?:today|now|this\s+(?:season|year)|last\s+(?:season|year))\b)"
)
# ... and a record: "the ground record of 39,870", "the club's record of 23".
_RECORD_BEFORE = re.compile(r"\brecord\s+of\s+$")
# "the 7.15 bus", "the 18.40 train": a time of day naming a service.
_TIMETABLE = re.compile(r"\s+(?:bus|train|tram|flight|ferry|service|departure|sailing|kick-off)\b")
# "over three seasons", "over 38 games": the stretch the figure covers, not a bound.
_SPAN_UNITS = frozenset(
    """seasons games matches years months weeks days rounds terms decades quarters races
    innings""".split()  # noqa: SIM905
)


def _from_context(doc: Doc, num: Num, out: list[ExtractedClaim], q_start: int) -> _Counted | None:
    """A bare number whose noun the paragraph gave just before (see the cues above)."""
    if not out or (num.words and num.value < 2 and q_start == num.start):
        return None
    text = doc.text
    compared = _COMPARED_AFTER.match(text, num.end)
    if not (
        compared
        or _NOTHING_AFTER.match(text, num.end)
        or text[q_start - 10 : q_start].endswith("record of ")
    ):
        return None  # the anchored tests first: most numbers have a noun or a verb after them
    last = _main_count(text, out, num.start)
    if last is None or num.start - last.end > 400 or "\n\n" in text[last.end : num.start]:
        return None
    a, _ = doc.sentences.bounds(num.start)
    same_sentence = last.start >= a
    window = max(0, q_start - 60)
    cue = (
        compared
        or _RECORD_BEFORE.search(text, max(0, q_start - 12), q_start)
        or (
            _NOTHING_AFTER.match(text, num.end)
            and (
                _HOLDER_BEFORE.search(text, window, q_start)
                or (same_sentence and _GAPPED_BEFORE.fullmatch(text, out[-1].end, q_start))
            )
        )
    )
    if not cue:
        return None
    unit = last.unit or ""
    holder = holder_before(text, max(a, q_start - 60), q_start)
    subject = f"{holder} {unit}" if holder else last.subject or unit
    return _Counted(unit, subject, num.end)


def holder_before(text: str, a: int, start: int) -> str | None:
    """The party, club or company named as holding the figure written at ``start``."""
    words = text[a:start].split()
    if not words or not (words[-1][0].isupper() or words[-1].lower() in _HOLDING_WORDS):
        return None  # a cheap test first: the pattern below is costly to search
    m = _HOLDER.search(text, a, start)
    if m is None:
        return None
    who = m.group("who")
    return None if who.split()[0] in _NOT_HOLDERS else who


_HOLDING_WORDS = frozenset(
    """won took takes hold holds held got gets secured gained lost has have had scored claimed on
    with""".split()  # noqa: SIM905
)
# Capitalised words opening a clause that are no holder: "Officials said", "In 2023".
_NOT_HOLDERS = frozenset(
    """In On At By For From With About Of And But Or The A An It They He She We This That These
    Those Some Only About Around Nearly Almost More Than Officials Police Analysts""".split()  # noqa: SIM905
)


_ADJUNCT_BEFORE = re.compile(
    r"\b(?:from|in|of|over|after|for|with|across)\s+(?:all\s+|the\s+|its\s+|their\s+)?$"
)


def _main_count(text: str, out: list[ExtractedClaim], before: int) -> ExtractedClaim | None:
    """The count a bare number refers back to: the latest one with a unit, passing over counts
    in a prepositional phrase ("86 points from 37 games, 10 more than ...": points)."""
    for claim in reversed(out[-4:]):
        if claim.unit is None or before - claim.end > 400:
            continue
        if not _ADJUNCT_BEFORE.search(text, max(0, claim.start - 10), claim.start):
            return claim
    return out[-1] if out[-1].unit else None


# Nouns whose plural is the word itself: "staff numbers fell to 1,100" counts staff.
_SAME_PLURAL = frozenset(
    "staff personnel people police cattle livestock sheep deer fish aircraft crew".split()  # noqa: SIM905
)


def plural(noun: str) -> str:
    """'seat' -> 'seats', 'match' -> 'matches', 'party' -> 'parties' (units are plural)."""
    if noun.endswith("s") or noun in _SAME_PLURAL:
        return noun
    if noun.endswith(("ch", "sh", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 2 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


@dataclass(slots=True)
class _Counted:
    unit: str | None
    subject: str
    end: int
    qualifier: str | None = None  # overrides the qualifier written before the number


def _bare_total(
    doc: Doc, num: Num, raw: str, last_unit: str | None, last: ExtractedClaim | None
) -> _Counted | None:
    if (num.words and not num.scaled) or num.value < 2 or not (raw[:1].isdigit() or num.scaled):
        return None  # "passed four million" is a total; "rose to five" is too vague
    text = doc.text
    if not _TOTAL_AFTER.match(text, num.end):
        return None  # the anchored test first: it rules out most numbers cheaply
    before = _TOTAL_BEFORE.search(text, max(0, num.start - 50), num.start)
    if not before:
        return None
    a, _ = doc.sentences.bounds(num.start)
    words = [w for w in _SUBJECT_WORDS.findall(text, max(a, num.start - 60), before.end())
             if w.lower() not in _TOTAL_FILLER]  # fmt: skip
    subject = " ".join(words[-3:])
    if not subject:
        return None
    unit = last_unit
    m = None
    for found in _NUMBER_OF.finditer(text, a, before.start()):
        m = found  # the last "number of" before the verb
    if m is not None:
        noun, _ = phrase_after(text, m.end(), before.start(), max_words=3, plural_ends=True)
        unit = counted_unit(noun) if noun else unit
        subject = noun or subject
    numbers = _NOUN_NUMBERS.search(text, a, before.start()) if unit is None else None
    if numbers and m is None and numbers.group(1).lower() not in _NOT_NUMBER_NOUNS:
        unit = plural(numbers.group(1).lower())  # "passenger numbers reached 8,900"
    if unit is None and m is None:
        unit = _opening_noun(text, a, before.start())
    if before.group("figure"):
        if last is None or last.unit is None or "\n" in doc.text[last.end : num.start]:
            return None
        unit, subject = last.unit, last.subject or last.unit
    if before.group("crowd"):
        unit, subject = "people", before.group("crowd")  # "a crowd of 41,236"
    elif unit is None and _CROWD_WORDS.search(subject):
        unit = "people"  # "average league attendance rose to 39,900"
    elif m is None and _TOLL.search(subject) and not _ANIMALS.search(subject):
        unit = "people"  # "the death toll rose to 1,930": a toll counts the dead
    # "could pass 70,000": a level to be crossed, so at least that many.
    return _Counted(unit, subject, num.end, "at_least" if before.group("past") else None)


# "Complaints to the regulator rose to 2,310": a plural noun opening the sentence is what its
# bare total counts; "membership rose to 11,500" counts members.
_OPENING_PLURAL = re.compile(r"(?:The\s+)?(?P<noun>[A-Z][a-z]{3,}s)\b(?<!ss)(?!['’])")
_OPENING_MEMBERS = re.compile(r"\b[Mm]embership\b")
# Plurals whose bare figure is a level or an amount, not how many: "Prices rose to 1,450".
_LEVEL_PLURALS = frozenset(
    """prices costs rates yields levels temperatures emissions earnings profits revenues sales
    shares stocks wages rents fees savings reserves figures numbers totals results returns
    losses gains assets funds exports imports volumes readings scores ratings odds""".split()  # noqa: SIM905
)


def _opening_noun(text: str, a: int, verb: int) -> str | None:
    if _OPENING_MEMBERS.search(text, a, verb):
        return "members"
    m = _OPENING_PLURAL.match(text, a, verb)
    if m is None or m.group("noun").lower() in _LEVEL_PLURALS:
        return None
    return m.group("noun").lower()


def _words_after(text: str, pos: int, limit: int) -> str:
    words = [w for w in _SUBJECT_WORDS.findall(text, pos, min(limit, pos + 40))
             if w.lower() not in _TOTAL_FILLER][:_CONTEXT_WORDS]  # fmt: skip
    return " ".join(words)


def _elided(doc: Doc, num: Num, out: list[ExtractedClaim]) -> _Counted | None:
    """A count whose noun is elided or comes later: 'nine of them', '14 of the 38 towns'."""
    text = doc.text
    last = out[-1] if out else None
    if not _OF_ANY.match(text, num.end):
        return None  # the cheap test first: most numbers are followed by neither
    _, b = doc.sentences.bounds(num.start, num.end)
    them = _OF_THEM.match(text, num.end, b)
    if them:
        if last is None or last.unit is None or num.start - last.end > 300:
            return None
        rest = _words_after(text, them.end(), b)
        subject = f"{last.subject or last.unit} {rest}".strip()
        return _Counted(last.unit, subject, num.end)
    of_the = _OF_THE.match(text, num.end, b)
    if of_the:
        phrase, _ = phrase_after(text, of_the.end(), b, max_words=3, plural_ends=True)
        unit = counted_unit(phrase) if phrase else None
        if unit is None or unit.split()[-1] in _NOT_COUNTED:
            return None
        if unit in _REMOVALS:
            unit = _posts_before(out, num.start) or unit  # "cut 4,800 jobs ... 1,900 of the cuts"
        owner = possessor_before(text, of_the.end())
        return _Counted(unit, f"{owner} {phrase}" if owner else phrase, num.end)
    return None


# Nouns for the removal of posts, and the posts they remove: a part of "the cuts" counts the
# jobs of the total before it.
_REMOVALS = frozenset({"cuts", "job cuts", "layoffs", "lay-offs", "redundancies", "job losses"})
_POSTS = frozenset({"jobs", "roles", "posts", "positions"})


def _posts_before(out: list[ExtractedClaim], start: int) -> str | None:
    for claim in reversed(out):
        if start - claim.end > 2000:
            return None
        if claim.unit in _POSTS:
            return claim.unit
    return None


def _set_against(doc: Doc, num: Num, last: ExtractedClaim | None, q_start: int) -> _Counted | None:
    """'against about 390 in a normal week', 'another seven for teammates': the noun of the
    count just before in the sentence."""
    text = doc.text
    if last is None or last.unit is None or (num.words and num.value < 2):
        return None
    if not _AFTER_SET.match(text, num.end):
        return None
    if not _SET_AGAINST.search(text, max(0, q_start - 16), q_start):
        return None
    a, _ = doc.sentences.bounds(num.start, num.end)
    if last.start < a:
        return None
    return _Counted(last.unit, last.subject or last.unit, num.end)


# "killed 40 people and injured more than 600,": these verbs take people, so a bare number
# after one counts people.
_HARM_BEFORE = re.compile(
    r"\b(?:killed|killing|injured|injuring|wounded|wounding|displaced|evacuated|rescued|"
    r"arrested|detained)\s+$"
)
_HARM_AFTER = re.compile(r"\s*(?:[,.;:)]|$|\s+(?:and|in|on|across|since|so)\b)")


def _harmed(doc: Doc, num: Num, q_start: int) -> _Counted | None:
    text = doc.text
    if not _HARM_AFTER.match(text, num.end):
        return None
    m = _HARM_BEFORE.search(text, max(0, q_start - 12), q_start)
    if m is None:
        return None
    return _Counted("people", f"people {text[m.start() : m.end()].strip()}", num.end)


# "Of the dead, 1,340 were in the province": the group named before counts the number.
_OF_GROUP_BEFORE = re.compile(
    r"\b[Oo]f\s+(?:the|those|these|its|their)\s+(?:\d[\d,.]*\s+)?(?P<noun>[a-z]+(?:\s+[a-z]+)?),\s+$"
)
_GROUP_AFTER = re.compile(r"\s+(?:were|was|are|is|had|have|remain|remained)\b")
# Adjectives standing for people: "the dead", "the injured".
_PEOPLE_ADJECTIVES = frozenset(
    "dead injured wounded missing displaced evacuated rescued homeless victims".split()  # noqa: SIM905
)


def _of_group(doc: Doc, num: Num, q_start: int) -> _Counted | None:
    text = doc.text
    if not _GROUP_AFTER.match(text, num.end):
        return None
    m = _OF_GROUP_BEFORE.search(text, max(0, q_start - 40), q_start)
    if m is None:
        return None
    noun = m.group("noun")
    if noun.split()[-1] in _PEOPLE_ADJECTIVES:
        return _Counted("people", f"the {noun}", num.end)
    unit = counted_unit(noun)
    if unit is None or not unit.endswith("s") or unit.split()[-1] in _NOT_COUNTED:
        return None
    return _Counted(unit, noun, num.end)


# "A 5.8 aftershock struck on Monday, the strongest of more than 300": the superlative's
# group is the sentence subject's head noun, in the plural.
_SUPERLATIVE_OF = re.compile(r"\bthe\s+(?:[a-z]{3,}est|best|worst|most\s+[a-z]+)\s+of\s+$")
_SUBJECT_HEAD = re.compile(
    r"\b(?P<noun>[a-z]{3,})\s+(?:[a-z]{3,}ed|struck|hit|shook|rose|fell|came|began|won|lost)\b"
)
_SUPERLATIVE_AFTER = re.compile(r"\s*(?:[.,;:)]|$|\s+(?:since|so|this|in|on|recorded)\b)")


def _superlative_group(doc: Doc, num: Num, q_start: int) -> _Counted | None:
    text = doc.text
    if not _SUPERLATIVE_AFTER.match(text, num.end):
        return None
    if not _SUPERLATIVE_OF.search(text, max(0, q_start - 30), q_start):
        return None
    a, _ = doc.sentences.bounds(num.start)
    head = _SUBJECT_HEAD.search(text, a, q_start)
    if head is None or head.group("noun") in _NOT_COUNTED:
        return None
    unit = plural(head.group("noun"))
    return _Counted(unit, unit, num.end)


# "The vote was 312 to 290", "MPs voted 64 to 35": a tally of votes with the noun left out.
_VOTE_BEFORE = re.compile(
    r"\b(?:vote|votes|voted|voting|ballot|tally)\b(?:\s+(?:was|is|went|ended|finished|of|by))?"
    r"(?:\s+(?:a|an|narrow|comfortable|the|final))*\s+$"
)


def _vote_tally(text: str, num: Num, q_start: int) -> _Counted | None:
    if num.words or not _TO_SECOND.match(text, num.end):
        return None
    if not _VOTE_BEFORE.search(text, max(0, q_start - 40), q_start):
        return None
    return _Counted("votes", "votes", num.end)


_FROM_BEFORE = re.compile(r"\b[Ff]rom\s+$")


def _from_to(doc: Doc, num: Num, nxt: Num, q_start: int) -> _Counted | None:
    """'from 42,000 to 48,500 seats': the level before the change counts the noun after."""
    text = doc.text
    to = _TO_SECOND.match(text, num.end)
    if to is None or to.end() != nxt.start:
        return None
    if not _FROM_BEFORE.search(text, max(0, q_start - 6), q_start):
        return None
    counted = _counted(doc, nxt)
    if counted is None or counted[0] is None:
        return None
    return _Counted(counted[0], counted[1], num.end)


# "Five numbers to remember", "10 things to know": a heading that counts its own list.
_LIST_NOUNS = frozenset(
    "numbers things facts ways reasons questions takeaways charts lessons".split()  # noqa: SIM905
)
_LIST_AFTER = re.compile(
    r"\s+(?:to\s+(?:know|remember|watch|read|see)|you\s+(?:need|should)|we\s+(?:know|learned)|"
    r"that\s+(?:matter|explain))\b"
)


def _listicle(text: str, found: _Counted) -> bool:
    return found.unit in _LIST_NOUNS and _LIST_AFTER.match(text, found.end) is not None


# "convicted of one count of fraud", "with one match left": a single charge, or the one thing
# still to come, is a checkable count; a lone "one" with another noun is usually no claim
# ("one official said").
_ONE_CHARGE = re.compile(r"\s+(?:count|charge)\s+of\b")
_ONE_LEFT = re.compile(r"\s+[a-z]{3,}\s+(?:left|remaining|to\s+go|to\s+play)\b")
_WITH_BEFORE = re.compile(r"\b(?:[Ww]ith|only|just|still)\s+$")


def _one_counted(text: str, num: Num) -> bool:
    if _ONE_CHARGE.match(text, num.end):
        return True
    left = _ONE_LEFT.match(text, num.end)
    return bool(left and _WITH_BEFORE.search(text, max(0, num.start - 8), num.start))


def find(doc: Doc) -> list[ExtractedClaim]:
    text = doc.text
    out: list[ExtractedClaim] = []
    last_total_unit: str | None = None
    second: dict[int, ExtractedClaim] = {}  # start of "35" in "64 votes to 35" -> the first
    nums = doc.numbers
    for i, num in enumerate(nums):
        raw = text[num.start : num.end]
        qualifier, q_start = qualifier_before(text, num.start)
        if _YEARISH.match(raw) or (q_start == num.start and _labelled(text, num.start)):
            continue
        if (
            num.words
            and num.value <= 1
            and num.value_max is None
            and qualifier == "exact"
            and not _one_counted(text, num)
        ):
            continue  # "one official", "one day"; but "at most one seat" is a bound
        if raw.count(".") == 1 and len(raw) <= 5 and _TIMETABLE.match(text, num.end):
            continue  # "the 7.15 bus": a time of day
        if text[num.start - 1 : num.start] == ":" and text[num.start - 2 : num.start - 1].isdigit():
            continue  # "04:17 local time", "17:52 GMT": the minutes of a clock time
        if _ranked(text, num.end):
            continue
        if _YEARISH.match(raw.split("-")[0]) and num.value_max is not None:
            continue  # "the 1991-2020 mean": a span of years labelling a baseline
        counted = _counted(doc, num)
        found = _Counted(*counted) if counted else None
        if found is None:
            found = _elided(doc, num, out)
        if found is None:
            found = _set_against(doc, num, out[-1] if out else None, q_start)
        if found is None and i + 1 < len(nums):
            found = _from_to(doc, num, nums[i + 1], q_start)
        if found is None:
            found = _of_group(doc, num, q_start) or _vote_tally(text, num, q_start)
        if found is None and num.start in second:
            first = second[num.start]
            found = _Counted(first.unit, first.subject or "", num.end)
        if found is None:
            found = _bare_total(doc, num, raw, last_total_unit, out[-1] if out else None)
            if found is not None:
                last_total_unit = found.unit or last_total_unit
        if found is None and not _YEARISH.match(raw):
            found = _from_context(doc, num, out, q_start)
        if found is None and num.value >= 2:
            found = _harmed(doc, num, q_start) or _superlative_group(doc, num, q_start)
        if found is None or _definite_reference(text, num) or _listicle(text, found):
            continue
        if num.value_max is not None:
            qualifier = "range"
        elif found.qualifier and qualifier == "exact":
            qualifier = found.qualifier
        elif qualifier == "at_least" and found.unit in _SPAN_UNITS and _OVER.match(text, q_start):
            qualifier, q_start = "exact", num.start  # "over three seasons": the stretch
        unit = found.unit
        if unit and num.value == 1 and num.value_max is None:
            words = unit.split()
            unit = " ".join([*words[:-1], _PLURAL.get(words[-1], plural(words[-1]))])
        claim = doc.claim(
            "count",
            q_start,
            found.end,
            value=num.value,
            value_max=num.value_max,
            unit=unit,
            qualifier=qualifier,
            date=doc.tied_date(num.start, found.end),
            subject=found.subject or None,
        )
        out.append(claim)
        to = _TO_SECOND.match(text, found.end)
        if to and found.unit:
            second[to.end()] = claim
    return out
