"""Writing text that came from outside into Markdown so that it stays text.

Claim text, sentences, notes, titles and names are hostile: in the report none of it may become
Markdown structure, raw HTML, an entity, an autolink or a link. The rule here is CommonMark's
(spec section "Backslash escapes"): any ASCII punctuation character may be backslash-escaped, and
an escaped character is always literal. So every punctuation character that can open or close a
construct is escaped, wherever it stands:

- ``\\ ` * _ { } [ ] < > # + = | ~ ^ $ & @ !`` always: emphasis, code spans, links and images,
  raw HTML and autolinks, entities (``&lt;``), headings, tables, strikethrough, math, mentions;
- ``. :`` when a character other than a space follows (and at the start): that is how
  ``www.``/domain/e-mail autolinks and ``http:``/``javascript:`` schemes form, while a full stop
  or colon ending a sentence or a clause stays readable. The writers never put a letter or digit
  straight after escaped text, so a trailing ``.`` or ``:`` cannot join anything;
- ``-`` and a leading ``1.``/``1)`` only at the very start, where they would open a list, a
  thematic break or a setext underline.

Characters that build nothing (``, ; ? % / ' " ( )``) are left alone, so that renderers that are
not CommonMark and keep the backslash of a needless escape still print clean prose.

Text is always written on one line: every line break (including the Unicode ones) becomes a space,
runs of spaces collapse, and control characters are dropped, so hostile text can neither start a
block (indented code, fences, lists) nor end the one it sits in.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

ALWAYS = frozenset("\\`*_{}[]<>#+=|~^$&@!")
BEFORE_NONSPACE = frozenset(".:")

# Line breaks per str.splitlines, plus tabs: all of them become one space.
_BREAKS = re.compile(r"[\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029 ]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_LIST_NUMBER = re.compile(r"^(\d{1,9})([.)])")


def one_line(text: str) -> str:
    """The text on one line: controls dropped, line breaks and space runs made one space."""
    return _BREAKS.sub(" ", _CONTROLS.sub("", text)).strip()


def escape_inline(text: str) -> str:
    """Hostile text as literal inline Markdown content (one line)."""
    text = one_line(text)
    out: list[str] = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch in ALWAYS or (
            ch in BEFORE_NONSPACE and (i == 0 or (i < last and not text[i + 1].isspace()))
        ):
            out.append("\\")
        out.append(ch)
    escaped = "".join(out)
    if escaped.startswith("-"):
        return "\\" + escaped
    # "1." and "2)" at the start open an ordered list; escape the delimiter.
    return _LIST_NUMBER.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", escaped, count=1)


def escape_cell(text: str) -> str:
    """Hostile text for a GFM table cell: inline escaping, which covers ``|`` too.

    A cell is never left empty, so that a row keeps its shape in every renderer.
    """
    escaped = escape_inline(text)
    assert "|" not in escaped.replace("\\|", "")
    return escaped or " "


_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?$")
# Characters left as they are in a link destination; everything else is percent-encoded.
# No parentheses, brackets, quotes, angle brackets, backslash or backtick: each of those can end
# or reshape a destination in one Markdown dialect or another.
_DEST_SAFE = "-._~:/?#@!$&*+,;=%"
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def safe_http_url(url: str) -> str | None:
    """The URL as a link destination if it is a plain http(s) URL, else None.

    Refused: other schemes (``javascript:``, ``data:``, ``file:`` …), whitespace or control
    characters anywhere, no host, user info (``https://bank.example@evil.example``), a host that
    is not plain ASCII letters, digits, dots and hyphens.
    """
    if not url or any(ch.isspace() or ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not _HOST.match(parts.netloc):
        return None
    if not url[: len(parts.scheme) + 3].lower().endswith("://"):
        return None
    dest = quote(_BAD_PERCENT.sub("%25", url), safe=_DEST_SAFE)
    # An entity reference is decoded inside a destination ("&copy;" would become "©").
    return dest.replace("&", "\\&")


def link(text: str, url: str | None) -> str:
    """A link to url with hostile text, or, for anything but a plain http(s) URL, plain text.

    Without a URL the text alone is written; with an unsafe URL, the text and the URL as text.
    """
    label = escape_inline(text)
    if not url:
        return label
    dest = safe_http_url(url)
    if dest is None:
        shown = escape_inline(url)
        return shown if not label or label == shown else f"{label} ({shown})"
    return f"[{label or escape_inline(url)}]({dest})"
