"""Markdown articles: YAML front matter for metadata, the body reduced to the text a reader sees."""

from __future__ import annotations

import re
from typing import Any

_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M)
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\*)")
_RULE = re.compile(r"^[ ]{0,3}(?:[-*_][ \t]*){3,}$", re.M)
_BLOCKQUOTE = re.compile(r"^[ ]{0,3}>[ ]?", re.M)
_CODE_TICKS = re.compile(r"`([^`\n]+)`")


def split_front_matter(raw: str) -> tuple[dict[str, Any], str]:
    m = _FRONT_MATTER.match(raw)
    if not m:
        return {}, raw
    import yaml

    # libyaml's loader when PyYAML has it: the same documents, parsed several times faster
    # (the pure-Python parser was a fifth of reading a folder of Markdown articles).
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        meta = yaml.load(m.group(1), Loader=loader)
    except yaml.YAMLError:
        return {}, raw
    return (meta if isinstance(meta, dict) else {}), raw[m.end() :]


def to_plain_text(body: str) -> str:
    """Markup gone, words kept: headings, emphasis, links and quotes read as plain text."""
    # Each pattern only where its marker occurs at all: most news copy has no emphasis or
    # headings, and scanning for them was most of the time spent reading an article.
    if "[" in body:
        body = _IMAGE.sub(r"\1", body)
        body = _LINK.sub(r"\1", body)
    if "#" in body:
        body = _HEADING.sub(r"\1", body)
    body = _RULE.sub("", body)
    if ">" in body:
        body = _BLOCKQUOTE.sub("", body)
    if "`" in body:
        body = _CODE_TICKS.sub(r"\1", body)
    if "*" in body or "_" in body:
        body = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", body)
    return body
