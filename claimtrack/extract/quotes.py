"""Direct quotations and who said them."""

from __future__ import annotations

import re

from .doc import Doc
from .names import People, clean_name
from .types import ExtractedClaim

_VERBS = (
    r"said|says|say|told|tells|added|adds|stated|wrote|writes|tweeted|posted|declared|warned|"
    r"insisted|explained|noted|asked|replied|continued|argued|claimed|cautioned|stressed|urged|"
    r"announced|admitted|acknowledged|conceded|recalled|observed|remarked|commented|predicted|"
    r"promised|vowed|pledged|insists|warns|explains|notes|argues|claims|added|joked|boasted|"
    r"complained|conceded|suggested|concluded|responded|answered|confirmed|denied|reiterated"
)
_WHO = r"(?:[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|de|von|van|al|bin))*)"
_ONE = (
    r"(?:(?:one|another|a|an|the|two|several)\s+(?:[A-Z][\w-]*\s+|senior\s+|western\s+|"
    r"european\s+|u\.?s\.?\s+|top\s+)*(?:official|diplomat|source|spokesman|spokeswoman|"
    r"spokesperson|minister|analyst|officer|aide|adviser|advisor|expert|lawmaker|resident|"
    r"witness|delegate|negotiator)s?)"
)
# After the closing mark: ', Zelensky said', ', he added', ', said British ... John Healey'.
_AFTER_SUBJECT_VERB = re.compile(
    rf"[,.!?…]?\s*[-–—]?\s*(?P<who>{_WHO}|he|she|they|it|{_ONE})\s+(?:{_VERBS})\b", re.IGNORECASE
)
_AFTER_VERB_SUBJECT = re.compile(
    rf"[,.!?…]?\s*(?:{_VERBS})\s+(?P<who>(?:{_ONE})|(?:[\w-]+\s+){{0,4}}?{_WHO})", re.IGNORECASE
)
_ACCORDING = re.compile(rf"according\s+to\s+(?P<who>{_ONE}|(?:[\w-]+\s+){{0,3}}?{_WHO})")
_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we"})
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
            if closer in "’'" and after.isalnum():
                continue  # an apostrophe inside the quote ("Ukraine’s")
            out.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        end = text.find("\n", open_at)
        out.append((open_at, len(text) if end < 0 else end))
    return out


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _is_claim(text: str, start: int, end: int) -> bool:
    body = text[start + 1 : end - 1] if end - start > 1 else ""
    words = len(body.split())
    if words < 3:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = _line_end(text, start)
    if text[line_start:start].strip() == "" and text[end:line_end].strip() == "":
        return False  # a quoted heading standing alone on its line
    if words >= 5:
        return True
    return bool(re.search(r"[.!?,]\W*$", body))


class _Attributor:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.people = People(doc.text)
        self.last_speaker: str | None = None
        self.last_end = -1

    def _name(self, who: str, pos: int) -> str | None:
        who = who.strip()
        low = who.lower()
        if low in _PRONOUNS:
            return self.last_speaker or self.people.nearest_before(pos)
        if re.match(_ONE, who, re.IGNORECASE):
            return low
        if clean_name(who) is None:
            return None
        return self.people.resolve(who)

    def speaker(self, start: int, end: int) -> str | None:
        text = self.text
        s_start, s_end = self.doc.sentences.bounds(start, end)
        line_end = _line_end(text, end)
        after = text[end : min(line_end, end + 120)]
        m = _AFTER_SUBJECT_VERB.match(after) or _AFTER_VERB_SUBJECT.match(after)
        if m:
            who = self._name(m.group("who"), start)
            if who:
                return who
        before = text[s_start:start]
        m2 = _ACCORDING.search(before) or _ACCORDING.search(text[end:s_end])
        if m2:
            who = self._name(m2.group("who"), start)
            if who:
                return who
        if before.strip():
            named = self.people.first_between(s_start, start)
            if named and re.search(rf"\b(?:{_VERBS}|saying|adding|urging|calling)\b", before):
                return named
            if re.search(r"\b(?:he|she)\s+(?:" + _VERBS + r")\b", before):
                return self.last_speaker or self.people.nearest_before(start)
            pronoun_subject = re.search(rf"(?P<who>{_ONE})\s+(?:{_VERBS})", before, re.I)
            if pronoun_subject:
                return pronoun_subject.group("who").lower()
            if named:
                return named
        # Nothing in the sentence: a quote straight after another continues its speaker.
        gap = text[self.last_end : start] if self.last_end >= 0 else "x"
        if self.last_speaker and len(gap) < 400 and not re.search(r"[“\"]", gap):
            return self.last_speaker
        return None


def find(doc: Doc) -> list[ExtractedClaim]:
    text = doc.text
    attributor = _Attributor(doc)
    out: list[ExtractedClaim] = []
    for start, end in _pairs(text):
        if not _is_claim(text, start, end) or doc.in_furniture(start):
            continue
        speaker = attributor.speaker(start, end)
        attributor.last_speaker = speaker or attributor.last_speaker
        attributor.last_end = end
        out.append(doc.claim("quote", start, end, speaker=speaker))
    return out
