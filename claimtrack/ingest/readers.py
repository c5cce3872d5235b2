"""Readers: a file, a URL or standard input -> RawDocument (text + metadata), or NotText."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from claimtrack.ingest.clean import clean_line, clean_text
from claimtrack.ingest.decode import NotText, decode
from claimtrack.ingest.metadata import dateline_date, first_line_title, parse_date

MAX_BYTES = 20 * 1024 * 1024  # far above any article; keeps memory bounded on junk input
TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES


@dataclass(frozen=True)
class RawDocument:
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    published: dt.date | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def read_path(path: Path) -> RawDocument:
    data = read_bytes(path)
    kind = path.suffix.lower()
    if kind in HTML_SUFFIXES:
        doc = from_html(decode(data), url=None)
    elif kind in MARKDOWN_SUFFIXES:
        doc = from_markdown(decode(data))
    else:
        doc = from_plain_text(decode(data))
    return replace(doc, path=str(path), title=doc.title or path.stem)


def read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise NotText(
            f"too large for an article ({size / 1e6:.0f} MB; limit {MAX_BYTES // 2**20} MiB)"
        )
    with path.open("rb") as fh:
        return fh.read(MAX_BYTES + 1)


def from_plain_text(raw: str) -> RawDocument:
    text = _require_text(clean_text(raw))
    return RawDocument(text=text, title=first_line_title(text), published=dateline_date(text))


def from_markdown(raw: str) -> RawDocument:
    from claimtrack.ingest.markdown import split_front_matter, to_plain_text

    meta, body = split_front_matter(raw)
    text = _require_text(clean_text(to_plain_text(body)))
    return RawDocument(
        text=text,
        title=clean_line(_str(meta.get("title"))) or first_line_title(text),
        source=clean_line(_str(meta.get("source"))),
        url=clean_line(_str(meta.get("url"))),
        published=parse_date(meta.get("published") or meta.get("date")) or dateline_date(text),
    )


def from_html(raw: str, url: str | None) -> RawDocument:
    from claimtrack.ingest.html import extract_article

    article = extract_article(raw, url)
    text = _require_text(clean_text(article.text), "no article text found in the page")
    return RawDocument(
        text=text,
        title=clean_line(article.title),
        source=clean_line(article.site),
        url=clean_line(article.url or url),
        published=parse_date(article.date) or dateline_date(text),
    )


def _require_text(text: str, reason: str = "no text after cleaning") -> str:
    if not any(ch.isalnum() for ch in text):
        raise NotText(reason)
    return text


def _str(value: Any) -> str | None:
    return None if value is None else str(value)
