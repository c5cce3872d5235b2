"""Direct quotations and who said them."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache

from .doc import Doc
from .names import People, clean_name, is_title
from .types import ExtractedClaim

_VERBS = (
    r"said|says|say|told|tells|added|adds|stated|wrote|writes|tweeted|posted|declared|warned|"
    r"insisted|explained|noted|asked|replied|continued|argued|claimed|cautioned|stressed|urged|"
    r"announced|admitted|acknowledged|conceded|recalled|observed|remarked|commented|predicted|"
    r"promised|vowed|pledged|insists|warns|explains|notes|argues|claims|added|joked|boasted|"
    r"complained|conceded|suggested|concluded|responded|answered|confirmed|denied|reiterated|"
    r"disagreed|agreed|countered|retorted|shouted|whispered|pleaded|demanded|objected|protested|"
    r"maintained|contended|alleged|testified|texted|emailed|quipped|mused|sighed|reflected|"
    r"elaborated|recounted|conceded|acknowledges|admits|adds|recalls|concedes"
)
_WHO = r"(?:[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|(?:of|de|von|van|al|bin)\b))*)"
_ONE = (
    r"(?:(?:one|another|a|an|the|two|several)\s+(?:[A-Z][\w-]*\s+|senior\s+|western\s+|"
    r"european\s+|u\.?s\.?\s+|top\s+)*(?:official|diplomat|source|spokesman|spokeswoman|"
    r"spokesperson|minister|analyst|officer|aide|adviser|advisor|expert|lawmaker|resident|"
    r"witness|delegate|negotiator)s?)"
)
# Unnamed groups speak as written: "officials said", "Western diplomats told Reuters".
_GROUP = (
    r"(?:(?:[A-Z][\w.-]*|senior|local|western|european|military|government|health|security|"
    r"party|company|union|defence|defense|foreign|rescue|fire|emergency|court|hospital)\s+)*"
    r"(?:officials|police|analysts|experts|residents|witnesses|doctors|economists|diplomats|"
    r"sources|investigators|prosecutors|organi[sz]ers|campaigners|critics|lawmakers|scientists|"
    r"researchers|officers|firefighters|medics|rescuers|authorities|traders|villagers)"
)
_GROUP_RE = re.compile(_GROUP, re.IGNORECASE)
_GROUP_END = re.compile(rf"(?<![\w-])(?P<group>{_GROUP})\s*$", re.IGNORECASE)
# A company or body by its own capitalised name: "Northwind Energy", "Veltra AG", "the Bank of
# England", "Dalmere Borough Council".
_NAMED_ORG = (
    r"(?:[Tt]he\s+)?(?:[A-Z][\w&'’.-]*\s+(?:(?:of|for|and|&)\s+)?){0,4}(?:Energy|Holdings|Group|"
    r"Corp\.?|Corporation|Inc\.?|Ltd|Bank|Airlines|Airways|Motors|Media|Partners|Capital|Systems|"
    r"Technologies|Pharma|Industries|Council|Ministry|Commission|Agency|Authority|Union|"
    r"Association|Federation|Foundation|Institute|University|Party|Police|Court|Office|"
    r"Department|Trust|Board|Service|Services|Company|Network|AG|SA|SE|NV|plc|PLC|LLC|GmbH|"
    r"[A-Z][\w&'’.-]*\s+of\s+(?:the\s+)?[A-Z][\w'’-]*)"
)
_NAMED_ORG_RE = re.compile(rf"(?P<org>{_NAMED_ORG})")
_SPEECH_OF = re.compile(
    r"\b(?P<who>[A-Z][\w-]+)['’]s\s+(?:[a-z]+\s+)?(?:speech|remarks|address|statement|"
    r"interview|comments|message)\b"
)
_INTRO = re.compile(r"(?:\s*[A-Z][^,;“”\"]{0,40},)?")
# "the bank", "the company": a body the story has named before, standing in for its name.
_BARE_BODY = re.compile(r"[Tt]he\s+(?P<noun>bank|company|firm|agency|commission|council|group)")
_NAMED_REACH = 1200
_NAMED_ORG_END = re.compile(rf"(?<![\w'’-])(?P<org>{_NAMED_ORG})\s*(?:[a-z]+ly\s+)?$")
_VERB_RE = re.compile(rf"\b(?:{_VERBS}|saying|adding|urging|calling|telling|writing)\b")
_ONE_RE = re.compile(_ONE, re.IGNORECASE)
# "Vale's family said", "Ashcombe's lawyers said": people who speak for someone, unnamed, are
# the speakers as written, not the person they speak for.
_KIN_WORDS = (
    r"(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*['’]s?\s+(?:family|relatives|parents|widow|widower|"
    r"children|lawyers?|solicitors?|attorneys?|barristers?|legal\s+team|representatives)"
)
_KIN = re.compile(rf"(?P<who>{_KIN_WORDS})(?:\s+(?:[a-z]+ly|also|later))?")
_KIN_END = re.compile(rf"(?<![\w'’-])(?P<who>{_KIN_WORDS})\s+(?:[a-z]+ly\s+)?$")
_INSTITUTION = (
    r"ministry|government|army|military|police|presidency|office|embassy|commission|council|"
    r"court|agency|company|firm|group|bank|union|alliance|administration|cabinet|parliament"
)
# "The Kremlin", "the White House", "the Ukrainian foreign ministry", "Marsden council".
_ORG = (
    rf"(?:[Tt]he\s+(?:[A-Z][\w'’-]*\s+)*(?:(?:[a-z]+\s+)?(?:{_INSTITUTION})\b|[A-Z][\w'’-]*)"
    # "the foreign ministry of Asterra", "the Bank of England"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}})?"
    # "Ukraine's foreign ministry", "Starmer's office": an institution named by its owner
    rf"|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,2}}['’]s\s+(?:[a-z]+\s+){{0,2}}(?:{_INSTITUTION})\b"
    # "Marsden council", "Leeds city council": a place's own institution, lower case
    rf"|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,2}}\s+(?:[a-z]+\s+)?(?:{_INSTITUTION})\b)"
)
_ORG_RE = re.compile(rf"\s*(?P<org>{_ORG})(?=\s|$|[,.;])")
_ORG_END = re.compile(rf"(?P<org>{_ORG})\s*(?:[a-z]+ly\s+)?$")
_ORG_SPEAKS = re.compile(rf"(?P<org>{_ORG})\s+(?:{_VERBS})\b")
# An honorific's full stop ("Dr. Annika Lindqvist said") does not end the speaker's name.
_ABBR = r"\b(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Cllr)\."
# After the closing mark: ', Zelensky said', ', Ukraine's minister, Taras Melnyk, told'.
_AFTER_WHO_VERB = re.compile(
    # a name with a long apposition: ', Asterra's minister Rosa Mendaro, who presided over the
    # ninth conference (TCC9), told delegates'
    rf"[,.!?…]?\s*[-–—]?\s*(?P<who>(?:{_ABBR}|[^.!?“”\"\n]){{1,150}}?)\s+(?:{_VERBS})\b"
)
# ', said British Defence Secretary John Healey'
_AFTER_VERB_WHO = re.compile(
    rf"[,.!?…]?\s*(?:{_VERBS})\s+(?P<who>(?:{_ABBR}|[^.!?;“”\"\n]){{1,90}})"
)
_ACCORDING = re.compile(r"[Aa]ccording\s+to\s+(?P<who>[^,.;“”\"\n]{1,80})")
_ACCORDING_AFTER = re.compile(r"[,.!?…]?\s*according\s+to\s+(?P<who>[^,.;“”\"\n]{1,80})")
# "a statement from X", "a spokesperson for X": X speaks. Decided so that "the ministry said"
# and "a spokesperson for the ministry said" meet as one speaker in the checker.
_ON_BEHALF = re.compile(
    r"^(?:an?\s+|the\s+|one\s+)?(?:(?:written|joint|brief|short)\s+)?(?:statement|press\s+release|"
    r"spokes(?:person|man|woman)|representative|post|letter|e-?mail|filing|note|comment)s?\s+"
    r"(?:issued\s+by|released\s+by|posted\s+by|from|by|for|of|at)\s+(?P<org>\S.*)$",
    re.IGNORECASE,
)
# "Jane Doe, the chief executive of Acme Corp, said": the name before the first comma speaks.
_APPOSITION = re.compile(r"\s*(?P<who>[^,“”\"]{2,60}),\s+[^,“”\"]{2,100},\s*$")
_MARK_IN_GAP = re.compile(r"[“\"]")
_BARE_SPEAKS = re.compile(rf"(?<![\w'’-])(?P<who>[A-Z][\w'’-]*\w)\s+(?:{_VERBS})\b")
_PRONOUNS = frozenset({"he", "she", "they", "it"})
_OPEN = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»"}
_MARKS = re.compile(r"[\"“”‘’'«»]")


def _pairs(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of quotation marks, per paragraph, doubles before singles."""
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    para_end = -1
    for m in _MARKS.finditer(text):
        ch = m.group(0)
        i = m.start()
        if open_at is not None and i > para_end:
            # A quote left open at a paragraph end continues only if the next one reopens it.
            nxt = text.find("\n", open_at)
            if not (text[nxt + 1 : nxt + 2] == ch and nxt + 1 == i):
                out.append((open_at, nxt))
                open_at = None
            else:
                para_end = _line_end(text, i)
                continue
        prev = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if open_at is None:
            if (
                ch in "“«"
                or (ch == '"' and not after.isspace())
                or (ch in "‘'" and (prev.isspace() or prev in '(—–-“"') and after.isalnum())
            ):
                open_at, closer, para_end = i, _OPEN[ch], _line_end(text, i)
        elif ch == closer or (closer == '"' and ch == "”"):
            if closer in "’'" and (after.isalnum() or _plural_possessive(text, i, closer)):
                continue  # an apostrophe inside the quote ("Ukraine’s", "the allies’ support")
            out.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        end = text.find("\n", open_at)
        out.append((open_at, len(text) if end < 0 else end))
    return out


def _plural_possessive(text: str, i: int, mark: str) -> bool:
    """'allies’ support': an s, the mark, a lower-case word, and the quote closes later on."""
    if not (text[i - 1 : i] == "s" and re.match(r" [a-z]", text[i + 1 : i + 3])):
        return False
    rest = text[i + 1 : _line_end(text, i)]
    return bool(re.search(rf"{mark}(?!\w)", rest))


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _size(text: str, start: int, end: int) -> str:
    """'long' quote, 'short' full sentence (needs attribution), or 'none' (scare quote, heading)."""
    closed = text[end - 1 : end] in _CLOSERS and end - start > 1
    body = text[start + 1 : end - 1] if closed else text[start + 1 : end]
    words = len(body.split())
    if words < 3:
        return "none"
    line_start = text.rfind("\n", 0, start) + 1
    line_end = _line_end(text, start)
    alone = text[line_start:start].strip() == "" and text[end:line_end].strip() == ""
    if alone and not re.search(r"[.!?,…]\W*$", body):
        return "none"  # a quoted heading standing alone on its line
    ends_sentence = re.search(r"[.!?]\W*$", body) is not None
    if words < 8 and not ends_sentence and _COPULA.search(text, max(0, start - 10), start):
        return "none"  # 'the deal was "a beginning, not a finish line"': the writer's words
    if words >= 6:
        return "long"
    return "short" if re.search(r"[.!?,]\W*$", body) else "none"


_COPULA = re.compile(r"\b(?:was|is|were|are)\s+$")
_HONORIFIC = re.compile(
    r"\b(?P<title>Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s+(?P<name>[A-Z][\w'’-]+)"
)
_MALE = frozenset({"Mr", "Sir", "Lord"})
# ('said he would appeal' is no sign: a lawyer's 'he' is often the client's)
_SAID_PRONOUN = re.compile(
    r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*(?:,[^,.;“”\"]{1,80},)?\s+(?:said|says|told\s+\w+|"
    r"added|insisted|argued|explained|confirmed)\s+(?:that\s+)?(?P<p>his|her)\s+(?:own\s+)?"
    r"(?:client|clients|party|government|company|firm|team|department|ministry|office|staff)\b"
)
# Role words that only ever name a person ('the state', 'the head of ...' need not).
_PERSON_ROLES = frozenset(
    {
        "judge", "mayor", "minister", "president", "chancellor", "governor", "prosecutor",
        "lawyer", "coach", "manager", "chairman", "chairwoman", "spokesman", "spokeswoman",
        "spokesperson", "ambassador", "commissioner", "inspector", "detective", "senator",
        "councillor", "bishop", "founder", "captain", "surgeon",
    }
)  # fmt: skip
_SUBJECT_SENTENCES = 10
_SUBJECT_REACH = 800  # characters back from the pronoun
# "The judge is addressing Ashcombe directly: ..." (after an opening phrase: "Later, the judge")
_ROLE_SUBJECT = re.compile(
    r"(?:[^,;:“”\"]{0,80},\s+)?[Tt]he\s+(?P<first>[a-z-]+)(?:\s+(?P<second>[a-z-]+))?\b"
)


def _role_subject(text: str, a: int, b: int) -> str | None:
    """The role word of a sentence opening 'The judge ...' or 'The prime minister ...'."""
    m = _ROLE_SUBJECT.match(text, a, b)
    if m is None:
        return None
    first, second = m.group("first"), m.group("second")
    if second and is_title(second):
        return second.lower()
    return first.lower() if is_title(first) else None


_OPENING = re.compile(r"[^,;:“”\"]{0,80},\s+")
_DETERMINERS = frozenset({"the", "its", "his", "her", "their"})


def _opens_sentence(prefix: str) -> bool:
    """Whether a name after ``prefix`` is its sentence's subject: nothing before it but an
    opening phrase ("Outside court, ", "Its chair, ") and title words ("Chief executive")."""
    opening = _OPENING.match(prefix)
    words = prefix[opening.end() if opening else 0 :].split()
    if len(words) > 4:
        return False
    return all(w[:1].isupper() or is_title(w) or w.lower() in _DETERMINERS for w in words)


# Letters after a name ("Naomi Pellow KC", "Jane Hale MP", "Sir Alan Pryce CBE") are an honour
# or office, not part of it; the registry of names would take them for a company's acronym.
# An office before a name ("Local MP Jane Hale") is a title, not letters after one.
_POSTNOMINAL = re.compile(
    r"(?<=[a-z]) (?:KC|QC|SC|MP|MEP|MSP|OBE|MBE|CBE|KBE|DBE|PhD)\b(?!\s+[A-Z][a-z])"
)


def _without_postnominals(text: str) -> str:
    """The text with post-nominal letters blanked out (same length, so offsets hold)."""
    if not _POSTNOMINAL.search(text):
        return text
    return _POSTNOMINAL.sub(lambda m: " " * len(m.group(0)), text)


class _Attributor:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.people = People(_without_postnominals(doc.text))
        self._orgs: list[tuple[int, str]] | None = None
        self.last_speaker: str | None = None
        self.last_end = -1
        self.spoken: list[tuple[int, int, str]] = []  # each quote attributed, in text order
        self._genders: dict[str, str] | None = None

    def _pronoun(self, pos: int, word: str = "", at: int = -1) -> str | None:
        """Who 'he' or 'she' at ``at`` (by the quote at ``pos``) is: the subject of the nearest
        sentence before that has a person for subject, else the person last named."""
        if word.lower() in ("he", "she"):
            subject = self._subject_before(min(pos, at) if at >= 0 else pos, word.lower())
            if subject:
                return subject
        return self.people.nearest_before(pos) or self.last_speaker or self._whose_speech(pos)

    def _subject_before(self, pos: int, word: str) -> str | None:
        """A pronoun takes up the subject of the sentences before it, not whoever they name last
        ('Naomi Pellow, for Ashcombe, confirmed he would appeal. "...," she said')."""
        sentences = self.doc.sentences
        i = sentences.index_at(pos)
        for _ in range(_SUBJECT_SENTENCES):
            if i < 0 or pos - sentences.starts[i] > _SUBJECT_REACH:
                return None
            subject = self._subject(sentences.starts[i], min(pos, sentences.ends[i]))
            if subject and self._gender(subject) in ("", word):
                return subject
            i -= 1
        return None

    def _gender(self, person: str) -> str:
        """'he' or 'she' when the story says (a Mr or a Mrs, 'Ruiz said her party'), else ''."""
        if self._genders is None:
            self._genders = self._find_genders()
        return self._genders.get(person, "")

    def _find_genders(self) -> dict[str, str]:
        genders: dict[str, str] = {}
        text = self.text
        if re.search(r"\b(?:M(?:r|rs|s|iss)|Sir|Dame|Lord|Lady)\b", text):
            for m in _HONORIFIC.finditer(text):
                name = self.people.resolve(m.group("name"))
                genders.setdefault(name, "he" if m.group("title") in _MALE else "she")
        # "Ana Ruiz, the mayor, said her government ...": the owner straight after a person's
        # own speech verb is them.
        for pos, name in zip(self.people.positions, self.people.names, strict=True):
            said = _SAID_PRONOUN.match(text, pos)
            if said:
                genders.setdefault(name, "he" if said.group("p") == "his" else "she")
        return genders

    def _subject(self, a: int, b: int) -> str | None:
        """The person ``text[a:b]`` opens with as its subject: a quote's speaker, 'the judge',
        or a name after at most an opening phrase and a title."""
        for start, end, speaker in reversed(self.spoken):
            if start < b and end > a:
                return speaker
            if end <= a:
                break
        text = self.text
        positions = self.people.positions
        at = bisect_left(positions, a)
        if at < len(positions) and positions[at] < b and _opens_sentence(text[a : positions[at]]):
            return self.people.names[at]
        role = _role_subject(text, a, b)
        if role is None:
            return None
        holder = self.people.by_role(role, a)
        if holder is None and role in _PERSON_ROLES:
            return "the " + role  # "The judge jailed Vale": nobody named, as written
        return holder

    def _whose_speech(self, pos: int) -> str | None:
        """'Vantescu's speech ... "...," he told delegates': the owner of the words in the
        paragraph, named only by a surname the registry of full names does not hold."""
        paragraph = max(self.text.rfind("\n", 0, pos) + 1, pos - 300)
        found = list(_SPEECH_OF.finditer(self.text, paragraph, pos))
        return found[-1].group("who") if found else None

    def _org_before(self, pos: int) -> str | None:
        if self._orgs is None:  # only "it said" needs them: found on first use
            self._orgs = [(m.start("org"), m.group("org")) for m in _ORG_SPEAKS.finditer(self.text)]
        found = [org for at, org in self._orgs if at < pos]
        return found[-1] if found else None

    def _named(self, org: str, pos: int) -> str:
        """'the bank said' after 'The Concord Development Bank has approved ...': the body the
        story has just named, by its name."""
        bare = _BARE_BODY.fullmatch(org.strip())
        if bare is None:
            return org
        noun = bare.group("noun").capitalize()
        mentions = list(_body_named(noun).finditer(self.text, max(0, pos - _NAMED_REACH), pos))
        words = mentions[-1].group("name").split() if mentions else []
        if words and words[0] in ("The", "A", "An"):
            words = words[1:]  # "The Concord Development Bank has approved": a sentence's start
        if not words:
            return org
        return "the " + " ".join(words) + " " + noun

    def _who(self, who: str, a: int, b: int, quote_start: int) -> str | None:
        """The speaker named in ``text[a:b]`` (the words next to an attribution verb)."""
        behalf = _ON_BEHALF.match(who.strip(" ,"))
        if behalf:
            org = behalf.group("org").strip(" ,")
            if org[:1].islower():
                return org  # "the Lakeport Chamber of Commerce", as written
            return self.people.first_between(a, b) or org
        kin = _KIN.fullmatch(who.strip(" ,"))
        if kin:
            return kin.group("who")
        person = self.people.first_between(a, b)
        if person:
            return person
        who = who.strip(" ,")
        low = who.lower()
        if low in ("it",):
            return self._org_before(quote_start)
        if low in _PRONOUNS:
            return self._pronoun(quote_start, low, a if b > a else -1)
        role = re.fullmatch(r"the\s+(?:[a-z-]+\s+)?(?P<role>[a-z-]+)", who)
        if role and is_title(role.group("role")):
            return self.people.by_role(role.group("role"), quote_start) or who
        one = _ONE_RE.search(who)
        if one:
            return _one_speaker(one.group(0))
        org = _ORG_RE.match(who)
        if org:
            return self._named(org.group(0), quote_start)
        if _GROUP_RE.fullmatch(who):
            return who
        if _NAMED_ORG_RE.fullmatch(who):
            return who  # "Northwind Energy said"
        return self._bare_name(who, first=True)

    def _bare_name(self, who: str, first: bool = False) -> str | None:
        """A capitalised name the registry missed ("Smith said" with no first name given)."""
        who = who.strip(" ,")
        m = re.match(_WHO, who) if first else re.search(rf"(?:{_WHO})$", who)
        if not m:
            return None
        name = clean_name(m.group(0))
        return self.people.resolve(name) if name else None

    def after(self, start: int, end: int) -> str | None:
        text = self.text
        if text[end : end + 1] == ".":
            return None  # '"... throughout". The leader, X, said ...': the next sentence's
        limit = min(_line_end(text, end), end + 160)
        m = _AFTER_WHO_VERB.match(text, end, limit)
        if m and text[end - 2 : end - 1] == "." and "," in m.group("who"):
            m = None  # '"... throughout." The current leader, X, said': a new sentence
        if m:
            who = self._who(m.group("who"), m.start("who"), m.end("who"), start)
            if who:
                return who
        m = _AFTER_VERB_WHO.match(text, end, limit)
        if m:
            return self._who(m.group("who"), m.start("who"), m.end("who"), start)
        m = _ACCORDING_AFTER.match(text, end, limit)
        if m:
            return self._who(m.group("who"), m.start("who"), m.end("who"), start)
        return None

    def _before(self, start: int, s_start: int) -> str | None:
        text = self.text
        m = _ACCORDING.search(text, s_start, start)
        if m:
            return self._who(m.group("who"), m.start("who"), m.end("who"), start)
        verb = _VERB_RE.search(text, s_start, start)
        if verb:
            apposition = _APPOSITION.match(text, s_start, verb.start())
            if apposition:
                named = self.people.first_between(s_start, apposition.end("who"))
                if named:
                    return named  # "Jane Doe, chief executive of Acme Corp, said"
            kin = _KIN_END.search(text, max(s_start, verb.start() - 60), verb.start())
            if kin:
                return kin.group("who")
            pronoun = re.search(r"\b(?P<p>he|she|it|they)\s*$", text[s_start : verb.start()], re.I)
            if pronoun:
                at = s_start + pronoun.start("p")
                return self._who(pronoun.group("p"), at, at + len(pronoun.group("p")), start)
            person = self.people.last_between(s_start, verb.start())
            if person:
                return person
            org = _ORG_END.search(text, s_start, verb.start())
            if org:
                return self._named(org.group("org"), start)
            bare = self._bare_name(text[max(s_start, verb.start() - 40) : verb.start()])
            if bare:
                return bare
            body = _NAMED_ORG_END.search(text, max(s_start, verb.start() - 80), verb.start())
            if body:
                return body.group("org")  # "In a statement, Northwind Energy said:"
            one = _ONE_RE.search(text, max(s_start, verb.start() - 60), verb.start())
            if one:
                return _one_speaker(one.group(0))
            group = _GROUP_END.search(text, max(s_start, verb.start() - 50), verb.start())
            if group:
                return group.group("group")  # "Police said on Monday:"
        pronoun = re.search(r"\b(?P<p>he|she)\s+[a-z]+", text[s_start:start], re.I)
        if pronoun:
            return self._pronoun(start, pronoun.group("p"), s_start + pronoun.start())
        person = self.people.first_between(s_start, start)
        if person:
            return person
        # "In a statement, the Halvan foreign ministry called ... and said": the subject after
        # a short opening phrase
        intro = _INTRO.match(text, s_start, start)
        org = _ORG_RE.match(text, intro.end() if intro else s_start)
        if org:
            return org.group("org")
        if re.match(r"\s*(?:The|the)\s+[a-z-]+(?:\s+[a-z-]+)?\s", text[s_start:start]):
            return self.last_speaker or self._pronoun(start)  # "The secretary-general ..."
        return None

    def _speaks_between(self, a: int, b: int) -> str | None:
        """The last person named in text[a:b] with a speech verb soon after the name."""
        person = self.people.last_between(a, b)
        if person is None:
            return None
        at = self.people.positions[bisect_right(self.people.positions, b - 1) - 1]
        verb = _VERB_RE.search(self.text, at, min(b, at + 90))
        if verb is None or _MARK_IN_GAP.search(self.text, at, verb.start()):
            return None
        return person

    def _surname_speaks(self, a: int, b: int) -> str | None:
        """'Jones disagreed.' between two quotes: a capitalised name the registry does not know
        (never given in full), straight before a speech verb, with no quote mark after it."""
        found = None
        for m in _BARE_SPEAKS.finditer(self.text, a, b):
            if not _MARK_IN_GAP.search(self.text, m.end(), b):
                found = m
        if found is None or found.group("who").lower() in _PRONOUNS:
            return None
        name = clean_name(found.group("who"))
        return self.people.resolve(name) if name else None

    def explicit(self, start: int, end: int) -> str | None:
        """The speaker the quote's own sentence names, if it names one."""
        s_start, _ = self.doc.sentences.bounds(start, end)
        found = self.after(start, end)
        if found:
            return found
        if self.text[s_start:start].strip():
            return self._before(start, s_start)
        return None

    def speaker(self, start: int, end: int) -> str | None:
        found = self.explicit(start, end)
        if found:
            return found
        # A person who speaks between the two quotes ("The manager, Elsa Marrow, said the
        # striker would not be rushed. \"...\"") takes over from the previous speaker.
        floor = max(self.last_end, start - 300, 0)
        speaking = self._speaks_between(floor, start) or self._surname_speaks(floor, start)
        if speaking:
            return speaking
        # Nothing in the sentence: a quote straight after another continues its speaker.
        gap = self.text[self.last_end : start] if self.last_end >= 0 else "x"
        if self.last_speaker and len(gap) < 400 and not _MARK_IN_GAP.search(gap):
            return self.last_speaker
        # A quote paragraph after a paragraph about someone is usually theirs.
        return self.people.nearest_before(start, floor=max(0, start - 300))


# "a Corliss spokesperson": the body it speaks for, as "a spokesperson for Corliss" does.
_BODY_SPOKESPERSON = re.compile(
    r"(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?P<body>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s+spokes(?:person|man|woman)"
)


@lru_cache(maxsize=16)
def _body_named(noun: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?P<name>(?:[A-Z][\w&'’-]*\s+){{1,4}}){noun}\b")


def _one_speaker(phrase: str) -> str:
    body = _BODY_SPOKESPERSON.fullmatch(phrase)
    if body:
        return body.group("body")
    return phrase[0].lower() + phrase[1:]


def _continues(text: str, last_end: int, start: int) -> bool:
    """A quote just after an attributed one in the same paragraph (\"...,\" X said. \"So.\"),
    or the second half of one split by its attribution (\"...,\" Mendaro said, \"and so.\")."""
    gap = text[last_end:start] if last_end >= 0 else "\n"
    if len(gap) >= 80 or "\n" in gap:
        return False
    if re.search(r"[.!?]\s*$", gap):
        return True
    return gap.rstrip().endswith(",") and _VERB_RE.search(gap) is not None


def find(doc: Doc) -> list[ExtractedClaim]:
    text = doc.text
    attributor = _Attributor(doc)
    out: list[ExtractedClaim] = []
    for start, end in _pairs(text):
        size = _size(text, start, end)
        if size == "none" or doc.in_furniture(start):
            continue
        if size == "short" and not (
            attributor.after(start, end)
            or text[max(0, start - 3) : start].rstrip().endswith(":")
            or _continues(text, attributor.last_end, start)
        ):
            continue  # a few quoted words with nobody saying them: a scare quote
        speaker = attributor.speaker(start, end)
        if out and _open_before(text, out[-1].end, start):
            # A quote running over paragraphs: one speaker, wherever the attribution stands.
            named = attributor.explicit(start, end)
            if named and out[-1].speaker != named:
                out[-1] = doc.claim("quote", out[-1].start, out[-1].end, speaker=named)
        attributor.last_speaker = speaker or attributor.last_speaker
        if speaker:
            attributor.spoken.append((start, end, speaker))
        attributor.last_end = end
        out.append(doc.claim("quote", start, end, speaker=speaker))
    if "Sir " in text or "Dame " in text:
        out = [replace(c, speaker=_knighted(text, c.speaker)) for c in out]
    return [replace(c, speaker=_addressed(text, c.speaker)) for c in out]


@lru_cache(maxsize=64)
def _form_of_address(surname: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_ADDRESS})\s+{re.escape(surname)}\b")


def _addressed(text: str, speaker: str | None) -> str | None:
    """'Judge Marchbank said', with no first name anywhere: the form of address is how the
    story names the speaker, so it stays ('Judge Marchbank', 'Dr Osei')."""
    if speaker is None or " " in speaker or not speaker[:1].isupper():
        return speaker
    found = _form_of_address(speaker).search(text)
    return found.group(0) if found else speaker


_ADDRESS = r"Judge|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Professor|Prof\.?|Lord|Lady"


def _knighted(text: str, speaker: str | None) -> str | None:
    """'Sir Geoffrey Marlow' keeps his title: it is part of how he is named in print."""
    if speaker is None or not speaker[:1].isupper() or " " not in speaker:
        return speaker
    for title in ("Sir ", "Dame "):
        if title + speaker in text:
            return title + speaker
    return speaker


def _open_before(text: str, prev_end: int, start: int) -> bool:
    """The previous quote ran to its paragraph's end without a closing mark, and this reopens it."""
    return (
        prev_end <= start
        and text[prev_end - 1 : prev_end] not in _CLOSERS
        and not text[prev_end:start].strip()
    )


_CLOSERS = frozenset("\"”’'»")
