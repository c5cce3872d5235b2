"""Money: '$425 million', '€35 billion ($38 billion)', '20 billion euros', 'up to £1.2m'."""

from __future__ import annotations

import re

from .doc import Doc
from .numbers import Num, is_change, qualifier_before
from .subjects import figure_subject, follows_figure, phrase_after, possessor_before
from .types import ExtractedClaim

_SYMBOL_CODES = {
    "us$": "USD", "u.s.$": "USD", "$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD",
    "ca$": "CAD", "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "r$": "BRL", "€": "EUR",
    "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH", "₩": "KRW", "chf": "CHF",
    "rs": "INR", "rs.": "INR", "nt$": "TWD", "mx$": "MXN",
}  # fmt: skip
_CODES = (
    "USD|EUR|GBP|JPY|CHF|CNY|RUB|UAH|INR|AUD|CAD|HKD|NZD|SEK|NOK|DKK|PLN|TRY|KRW|BRL|SGD|ZAR|MXN|"
    "TWD|IDR|SAR|AED|CZK|HUF|RON|ILS|EGP|NGN|KES|PKR"
)
_BEFORE = re.compile(
    rf"(?P<c>US\$|U\.S\.\s?\$|AU?\$|CA?\$|HK\$|NZ\$|NT\$|MX\$|S\$|R\$|\$|€|£|¥|₹|₽|₴|₩|"
    rf"(?<![\w.])Rs\.?\s?|(?:{_CODES})\s?)$"
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
_CODE_SET = frozenset(_CODES.split("|"))
_PRE_CODES = {"australian": "AUD", "canadian": "CAD", "hong kong": "HKD", "swiss": "CHF"}


def _code_before(text: str, start: int) -> tuple[str, int] | None:
    prev = text[start - 1 : start]
    if not prev or not (prev in _SIGNS or prev.isalpha() or prev in " ."):
        return None  # the cheap test first: most numbers follow a space after a word
    if prev == " " and not (text[start - 2 : start - 1].isupper() or text[start - 3 : start - 1]
                            in ("Rs", "s.")):  # fmt: skip
        return None  # "USD 5m", "CHF 250,000", "Rs 200": a code before the space
    m = _BEFORE.search(text, max(0, start - 6), start)
    if not m:
        return None
    raw = m.group("c").strip().lower().replace(" ", "")
    return _SYMBOL_CODES.get(raw, raw.upper()), m.start()


_SIGNS = frozenset("$€£¥₹₽₴₩")
# The first word of every currency written after the number ("20 billion euros", "5m USD").
_AFTER_WORDS = frozenset(
    """of us u.s. american australian canadian hong swiss dollar dollars euro euros pound pounds
    sterling yen yuan renminbi ruble rubles rouble roubles hryvnia hryvnias hryvnya hryvnyas
    franc francs rupee rupees won zloty lira kronor krona kroner krone""".split()  # noqa: SIM905
)


# "a 12 billion-euro facility", "a 5-million-dollar grant": the currency joined by a hyphen.
_HYPHEN_CODE = re.compile(r"-(?P<w>euro|dollar|pound|yen|yuan|rouble|ruble|franc)\b")


def _code_after(text: str, end: int) -> tuple[str, int] | None:
    if text[end : end + 1] == "-":
        m = _HYPHEN_CODE.match(text, end)
        if m is None:
            return None
        word = m.group("w")
        return ("CHF" if word == "franc" else _WORD_CODES[word]), m.end()
    head = text[end : end + 12].split(None, 1)
    if not head:
        return None
    first = head[0].rstrip(".,;:)").lower()
    if first not in _AFTER_WORDS and not (first.upper() in _CODE_SET and head[0][:3].isupper()):
        return None  # the cheap test first: most numbers are followed by no currency
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


# "€25 million a day", "6 cents a gallon", "€85 per tonne", "£1.2bn-a-year": the rate belongs
# to the figure.
_RATE = re.compile(
    r"(?:\s+(?:a|an|per|each)\s+|-a-|-per-)(?P<per>year|day|month|week|hour|night|gallon|litre|liter|tonne|ton|"
    r"barrel|share|head|person|capita|kilo|kilogram|kg|pound|unit|mile|kilometre|kilometer|km|"
    r"megawatt-hour|kilowatt-hour|MWh|kWh|household|passenger|seat|vote|dose|pupil|student|patient|"
    r"borrower|customer|employee|worker|family|resident|citizen|child|adult|ticket|visitor|player|"
    r"member|user|subscriber|car|vehicle|hectare|acre|square\s+metre|square\s+meter)\b"
    # "$486 billion a year earlier": an offset in time, not a rate
    r"(?!\s+(?:earlier|later|ago|before|after|on|from|previously)\b)"
)
# "$1 billion to $2 billion": a second amount in the same currency closes a range.
_RANGE_TAIL = re.compile(r"\s*(?:-|–|—|to|and)\s*")
_BETWEEN = re.compile(r"\b[Bb]etween\s+$")
# Amounts in a currency's hundredth: "6 cents", "50 pence", "20 euro cents".
_MINOR = re.compile(r"\s+(?:(?P<eur>euro\s+)?(?P<c>cents?)|(?P<pence>pence|pennies))\b")
_ACTOR = re.compile(r"\b(?P<who>[A-Z]{2,5}|U\.S\.|U\.K\.|E\.U\.)(?![\w.])")
# A conversion in brackets just after an amount (and the noun it modifies): "€35bn ($38bn)",
# "a €35 billion loan (about $38 billion)".
_BRACKETED = re.compile(
    r"\s*(?:[A-Za-z-]+\s+){0,2}?\(\s*(?:about|around|roughly|some|nearly|almost|approximately|"
    r"or|up\s+to|more\s+than|over|c\.)?\s*$",
    re.IGNORECASE,
)


_OVER = re.compile(r"[Oo]ver\s")


def _modifies_noun(doc: Doc, end: int) -> bool:
    _, b = doc.sentences.bounds(end)
    noun, _ = phrase_after(doc.text, end, b, max_words=1)
    return bool(noun) and not noun[0].isupper()


def _minor_unit(text: str, end: int, start: int) -> tuple[str, int] | None:
    """(code, end) for an amount in cents or pence, which has no currency sign of its own."""
    m = _MINOR.match(text, end)
    if not m:
        return None
    if m.group("pence"):
        return "GBP", m.end()
    if m.group("eur") or "€" in text[max(0, start - 300) : start]:
        return "EUR", m.end()
    return "USD", m.end()


def _actor(doc: Doc, a: int, start: int) -> str | None:
    """An acronym acting in the clause before the amount: 'EU' in 'The EU approved a €35bn loan'."""
    clause_start = max(a, text_rfind_any(doc.text, ",;:", a, start) + 1)
    found = None
    for m in _ACTOR.finditer(doc.text, clause_start, start):
        found = m.group("who").replace(".", "")
    return found


def text_rfind_any(text: str, chars: str, a: int, b: int) -> int:
    return max(text.rfind(ch, a, b) for ch in chars)


def _subject(doc: Doc, start: int, end: int) -> str | None:
    """What the amount is about: the noun it modifies, the noun it is 'of', its purpose, or
    the thing a verb puts at that level; an owner written before it joins."""
    text = doc.text
    a, b = doc.sentences.bounds(start, end)
    noun = figure_subject(text, a, b, start, end, money=True)
    if not noun:
        return None
    owner = possessor_before(text, start) or _actor(doc, a, start)
    if owner and owner.lower() not in noun.lower():
        return f"{owner} {noun}"
    return noun


def _with_rate(subject: str | None, rate: re.Match[str] | None) -> str | None:
    if rate is None:
        return subject
    per = f"per {rate.group('per')}"
    return f"{subject} {per}" if subject else per


# A UK share price in pence: "412p", "between 440p and 460p a share", "a 412p-a-share offer".
# The pattern opens with a digit so the engine skips along in C to the next one.
_PENCE = re.compile(
    r"\d(?<![\w.,/#@£$€-]\d)\d{0,4}(?:\.\d{1,2})?p"
    r"(?:\s*(?:-|–|to|and)\s*(?P<b>\d{1,5}(?:\.\d{1,2})?)p)?(?![\w.,]\w|\w)"
)


def _pence(doc: Doc) -> list[ExtractedClaim]:
    """Prices written in pence. Only in a text that speaks of sterling: elsewhere '1080p' is a
    screen resolution and '3p' a label."""
    text = doc.text
    if "£" not in text and "pence" not in text and "sterling" not in text:
        return []
    out: list[ExtractedClaim] = []
    for m in _PENCE.finditer(text):
        first_end = text.index("p", m.start()) + 1
        value = float(text[m.start() : first_end - 1]) / 100
        value_max = float(m.group("b")) / 100 if m.group("b") else None
        if value_max is not None and value_max <= value:
            value_max = None  # "from 390p to 380p": a change, not a range
        end = m.end() if value_max is not None else first_end
        start = m.start()
        rate = _RATE.match(text, end)
        if rate:
            end = rate.end()
        if value_max is not None:
            qualifier = "range"
            between = _BETWEEN.search(text, max(0, start - 8), start)
            start = between.start() if between else start
        else:
            qualifier, start = qualifier_before(text, start)
        subject = _with_rate(_subject(doc, start, first_end), rate)
        out.append(
            doc.claim(
                "money",
                start,
                end,
                value=value,
                value_max=value_max,
                unit="GBP",
                qualifier=qualifier,
                date=doc.tied_date(start, end),
                subject=subject,
            )
        )
    return out


def find(doc: Doc) -> list[ExtractedClaim]:
    out = _find_amounts(doc)
    pence = _pence(doc)
    if pence:
        out = sorted(out + pence, key=lambda c: c.start)
    return out


def _find_amounts(doc: Doc) -> list[ExtractedClaim]:
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
        if before is None and after is None and not num.scaled and not num.words:
            after = _minor_unit(text, num.end, num.start)
            if after is not None:
                num = Num(num.start, num.end, num.value / 100, None, False, False, None)
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
            change = (
                tail is not None
                and tail.group(0).strip() == "to"
                and is_change(text, start, value, nxt.value)
            )
            # "offers of £35m and £38.5m" are two amounts; "between £7bn and £8bn" is one.
            listed = (
                tail is not None
                and tail.group(0).strip() == "and"
                and not _BETWEEN.search(text, max(0, start - 8), start)
            )
            if (
                tail
                and nb
                and nb[1] == tail.end()
                and nb[0] == code
                and nxt.value > value
                and not change
                and not listed
            ):
                value_max = nxt.value
                end = nxt.end
                skip_until = nxt.end
        amount_end = end
        rate = _RATE.match(text, end)
        if rate:
            end = rate.end()
        qualifier, q_start = qualifier_before(text, start)
        if _OVER.match(text, q_start) and _modifies_noun(doc, amount_end):
            qualifier, q_start = "exact", start  # "jailed over €18m fraud": because of, not above
        if value_max is not None:
            qualifier = "range"
            between = _BETWEEN.search(text, max(0, start - 8), start)
            q_start = between.start() if between else q_start
        bracketed = last_end >= 0 and _BRACKETED.match(text, last_end, start) is not None
        if bracketed or (last_subject and follows_figure(text, q_start, last_end)):
            subject = last_subject  # "€35 billion loan ($38 billion)", "up from $486 billion"
        else:
            # "a $5-a-month plan": the noun comes after the hyphened rate
            hyphened = rate is not None and text[rate.start()] == "-"
            subject = _with_rate(_subject(doc, q_start, end if hyphened else amount_end), rate)
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
