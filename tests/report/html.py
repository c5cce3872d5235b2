"""A small view of rendered HTML for assertions: elements with their attributes and text."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from markdown_it import MarkdownIt

# GFM-like: CommonMark plus tables, strikethrough and linkify (bare URLs and www. become links).
GFM = MarkdownIt("gfm-like")
COMMONMARK = MarkdownIt("commonmark")


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    text: str = ""


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs))
        self.elements.append(element)
        self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data

    def all(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]

    def tags(self) -> set[str]:
        return {e.tag for e in self.elements}

    def texts(self, tag: str) -> list[str]:
        return [e.text for e in self.all(tag)]


def render(markdown: str, flavour: str = "gfm") -> Page:
    page = Page()
    page.feed((GFM if flavour == "gfm" else COMMONMARK).render(markdown))
    page.close()
    return page
