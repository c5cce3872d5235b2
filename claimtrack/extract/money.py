"""Money: '$425 million', '€35 billion ($38 billion)', '20 billion euros', 'up to £1.2m'."""

from __future__ import annotations

import re

from .doc import Doc
from .numbers import qualifier_before
from .subjects import phrase_after, possessor_before
from .types import ExtractedClaim

_SYMBOL_CODES = {
    "us$": "USD", "u.s.$": "USD", "$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD",
    "ca$": "CAD", "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "r$": "BRL", "€": "EUR",
    "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH", "₩": "KRW", "chf": "CHF",
}  # fmt: skip
_CODES = "USD|EUR|GBP|JPY|CHF|CNY|RUB|UAH|INR|AUD|CAD|HKD|NZD|SEK|NOK|DKK|PLN|TRY|KRW|BRL"
_BEFORE = re.compile(
    rf"(?P<c>US\$|U\.S\.\s?\$|AU?\$|CA?\$|HK\$|NZ\$|S\$|R\$|\$|€|£|¥|₹|₽|₴|₩|(?:{_CODES})\s?)$"
)
_WORD_CODES = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "ruble": "RUB", "rouble": "RUB", "hryvnia": "UAH",
    "hryvnya": "UAH", "franc": "CHF", "rupee": "INR", "won": "KRW", "zloty": "PLN",
    "lira": "TRY", "krona": "SEK", "krone": "NOK",
}  # fmt: skip
_AFTER = re.compile(
    r"\s*(?:of\s+)?(?P<pre>US|U\.S\.|American|Australian|Canadian|Hong\s+Kong|Swiss)?\s?"
    r"(?P<w>dollars?|euros?|pounds?(?:\s+sterling)?|sterling|yen|yuan|renminbi|rubles?|"
    r"roubles?|hryvnias?|hryvnyas?|francs?|rupees?|won|zloty|lira|kronor|krona|kroner|krone|"
    rf"{_CODES})\b"
)
_PRE_CODES = {"australian": "AUD", "canadian": "CAD", "hong kong": "HKD", "swiss": "CHF"}


def _code_before(text: str, start: int) -> tuple[str, int] | None:
    m = _BEFORE.search(text, max(0, start - 6), start)
    if not m:
        return None
    raw = m.group("c").strip().lower().replace(" ", "")
    return _SYMBOL_CODES.get(raw, raw.upper()), m.start()


def _code_after(text: str, end: int) -> tuple[str, int] | None:
    m = _AFTER.match(text, end)
    if not m:
        return None
    word = m.group("w").lower()
    if word.upper() in _CODES.split("|"):
        return word.upper(), m.end()
    pre = (m.group("pre") or "").lower()
    if word.startswith("dollar") and pre in _PRE_CODES:
        return _PRE_CODES[pre], m.end()
    if word.startswith("franc"):
        return "CHF", m.end()
    base = word.split()[0].rstrip("s") if word not in ("won", "lira") else word
    base = {"kronor": "krona", "krone": "krone", "krona": "krona", "kroner": "krone"}.get(
        word, base
    )
    return _WORD_CODES.get(base, "USD"), m.end()


_RATE = re.compile(r"\s+(?:a|per|each)\s+(?:year|day|month|week|hour)\b")
# "$1 billion to $2 billion": a second amount in the same currency closes a range.
_RANGE_TAIL = re.compile(r"\s*(?:-|–|—|to|and)\s*")


def _subject(doc: Doc, start: int, end: int) -> str | None:
    text = doc.text
    a, b = doc.sentences.bounds(start, end)
    after, _ = phrase_after(text, end, b, max_words=3)
    owner = possessor_before(text, start)
    if after:
        return f"{owner} {after}" if owner else after
    m = re.search(
        r"(?P<noun>[A-Za-z]+)\s+(?:of|worth|totalling|totaling|valued at)\s+$",
        text[max(a, start - 40) : start],
    )
    if m:
        return m.group("noun")
    words = re.findall(r"[A-Za-z][\w-]+", text[max(a, start - 60) : start])
    words = [w for w in words if w.lower() not in _FILLER]
    return " ".join(words[-2:]) or None


_FILLER = frozenset(
    """a an the of to up more than about around some nearly almost over under worth and with by
    for from at in on was were is are be been has have had its their his her will would could
    should may might can must also further another""".split()  # noqa: SIM905
)


def find(doc: Doc) -> list[ExtractedClaim]:
    text = doc.text
    out: list[ExtractedClaim] = []
    nums = doc.numbers
    skip_until = -1
    last_end = -1
    last_subject: str | None = None
    last_qualifier = "exact"
    for i, num in enumerate(nums):
        if num.start < skip_until:
            continue
        before = _code_before(text, num.start)
        after = None if before else _code_after(text, num.end)
        if before is None and after is None:
            continue
        code = before[0] if before else after[0]  # type: ignore[index]
        start = before[1] if before else num.start
        end = after[1] if after else num.end
        value, value_max = num.value, num.value_max
        # "$1 billion to $2 billion"
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        if before and value_max is None and nxt is not None:
            tail = _RANGE_TAIL.match(text, end)
            nb = _code_before(text, nxt.start)
            if tail and nb and nb[1] == tail.end() and nb[0] == code and nxt.value > value:
                value_max = nxt.value
                end = nxt.end
                skip_until = nxt.end
        rate = _RATE.match(text, end)
        if rate:
            end = rate.end()  # "€25 million a day": the rate belongs to the figure
        qualifier, q_start = qualifier_before(text, start)
        if value_max is not None:
            qualifier = "range"
        bracketed = text[last_end:start].strip() == "(" and last_end >= 0
        subject = last_subject if bracketed else _subject(doc, q_start, end)
        if bracketed and qualifier == "exact":
            qualifier = last_qualifier  # "up to €35 billion ($38 billion)": same bound
        tied = doc.tied_date(q_start, end)
        out.append(
            doc.claim(
                "money",
                q_start,
                end,
                value=value,
                value_max=value_max,
                unit=code,
                qualifier=qualifier,
                date=tied,
                subject=subject,
            )
        )
        last_end, last_subject, last_qualifier = end, subject, qualifier
    return out
