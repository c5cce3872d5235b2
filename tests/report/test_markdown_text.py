"""The escaping functions, judged by what a CommonMark renderer (markdown-it-py, strict CommonMark
and its GFM-like preset with tables, strikethrough and linkify) makes of their output."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from claimtrack.report.markdown_text import (
    escape_cell,
    escape_inline,
    link,
    one_line,
    safe_http_url,
)

RENDERERS = {"commonmark": MarkdownIt("commonmark"), "gfm": MarkdownIt("gfm-like")}


def as_html_text(text: str) -> str:
    """How markdown-it writes literal text into HTML."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def paragraph(text: str) -> str:
    return f"<p>{as_html_text(one_line(text))}</p>\n"


HOSTILE = [
    "<script>alert(1)</script>",
    "<b>bold</b> <!-- comment --> <?php x ?> <![CDATA[x]]>",
    "[x](javascript:alert(1))",
    "[x]: https://evil.example/ref",
    "![img](https://evil.example/i.png)",
    "<https://evil.example/>",
    "<javascript:alert(1)>",
    "https://evil.example/ and http://evil.example",
    "www.evil.example",
    "visit evil.example/path today",
    "mail boss@evil.example now",
    "# heading",
    "###### six",
    "1. item",
    "2) item",
    "123456789. item",
    "- item",
    "+ item",
    "* item",
    "> quote",
    "---",
    "***",
    "___",
    "=====",
    "```fence",
    "~~~fence",
    "    indented code",
    "\tindented code",
    "a | b | c",
    "*em* **strong** _em_ __strong__",
    "~~strike~~ ~sub~ ^sup^ ==mark==",
    "`code` ``code``",
    "$x^2$ and $$y$$",
    "&lt;script&gt; &amp; &#60; &#x3C; &copy",
    "back\\slash\\",
    "\\[not a link\\]",
    "line one\nline two\r\nline three\rfour\u2028five\u2029six\x85seven",
    "trailing two spaces  \nhard break",
    "trailing backslash\\\nhard break",
    "first\n===\nsetext",
    "first\n---\nsetext",
    "nul\x00byte and bell\x07 and escape\x1b[31mred",
    "{: .class} {#id}",
    ":smile: :+1:",
    "@mention and #123",
    "[[wiki link]]",
    "footnote[^1]",
    "term\n: definition",
    "| a | b |\n| --- | --- |\n| c | d |",
    "<div>\n\nblock\n\n</div>",
    "\u00a0leading non-breaking space",
    "émoji 🎉 and → arrows",
]


@pytest.mark.parametrize("flavour", RENDERERS)
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_the_same_text(flavour: str, text: str) -> None:
    html = RENDERERS[flavour].render(escape_inline(text))
    assert html == paragraph(text)


@pytest.mark.parametrize("flavour", RENDERERS)
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_stays_text_in_every_place_the_report_puts_it(flavour: str, text: str) -> None:
    md = RENDERERS[flavour]
    inner = as_html_text(one_line(text))
    escaped = escape_inline(text)
    assert md.render(f"- label: {escaped}") == f"<ul>\n<li>label: {inner}</li>\n</ul>\n"
    assert md.render(f"  - {escaped}") == f"<ul>\n<li>{inner}</li>\n</ul>\n"
    assert md.render(f"## Title: {escaped}") == f"<h2>Title: {inner}</h2>\n"
    assert md.render(f"> {escaped}") == f"<blockquote>\n<p>{inner}</p>\n</blockquote>\n"
    assert md.render(f"[{escaped}](https://ok.example/)") == (
        f'<p><a href="https://ok.example/">{inner}</a></p>\n'
    )


@pytest.mark.parametrize("text", HOSTILE)
def test_table_cells_keep_their_row_shape(text: str) -> None:
    md = RENDERERS["gfm"]
    table = f"| a | b |\n| --- | --- |\n| {escape_cell(text)} | {escape_cell(text)} |\n"
    html = md.render(table)
    inner = as_html_text(one_line(text))
    assert html.count("<td>") == 2
    assert html.count(f"<td>{inner}</td>") == 2


def test_a_pipe_in_a_cell_is_text_not_a_column() -> None:
    md = RENDERERS["gfm"]
    html = md.render(f"| a | b |\n| --- | --- |\n| {escape_cell('x | y')} | {escape_cell('z')} |")
    assert "<td>x | y</td>" in html
    assert "<td>z</td>" in html


def test_empty_cell_keeps_the_row() -> None:
    assert escape_cell("") == " "
    html = RENDERERS["gfm"].render(f"| a | b |\n| --- | --- |\n| {escape_cell('')} | z |")
    assert html.count("<td>") == 2


def test_prose_stays_readable() -> None:
    # Punctuation that builds nothing is left alone; a sentence's full stop is not escaped.
    assert escape_inline('He said, "yes" (twice); 5% more? 3/4.') == (
        'He said, "yes" (twice); 5% more? 3/4.'
    )
    assert escape_inline("Note: it rose. Then fell.") == "Note: it rose. Then fell."


def test_one_line() -> None:
    assert one_line("  a\n\n b\r\n\tc\u2028d\x00e\x1b ") == "a b c de"


texts = st.text(
    alphabet=st.sampled_from(
        list("abc XYZ 019") + list("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~") + list("\n\t\r\u00a0é→")
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_any_text_comes_out_as_itself(text: str) -> None:
    if not one_line(text):
        return
    for md in RENDERERS.values():
        assert md.render(escape_inline(text)) == paragraph(text)
        assert md.render(f"- {escape_inline(text)}") == (
            f"<ul>\n<li>{as_html_text(one_line(text))}</li>\n</ul>\n"
        )


@settings(max_examples=200, deadline=None)
@given(texts, texts)
def test_two_texts_side_by_side_do_not_combine(left: str, right: str) -> None:
    # Pieces of hostile text meet in one line (name, then note): together they stay text.
    if not one_line(left) or not one_line(right):
        return
    line = f"{escape_inline(left)} {escape_inline(right)}"
    expected = f"<p>{as_html_text(one_line(left) + ' ' + one_line(right))}</p>\n"
    for md in RENDERERS.values():
        assert md.render(line) == expected


SAFE = [
    ("https://example.com/a/b?c=d#e", "https://example.com/a/b?c=d#e"),
    ("http://example.com:8080/", "http://example.com:8080/"),
    ("HTTPS://Example.COM/x", "HTTPS://Example.COM/x"),
    ("https://example.com/a(b)", "https://example.com/a%28b%29"),
    ("https://example.com/a b", None),
    ("https://example.com/\u00e9", "https://example.com/%C3%A9"),
    ("https://example.com/?q=<script>", "https://example.com/?q=%3Cscript%3E"),
    ("https://example.com/?a=1&copy;=2", "https://example.com/?a=1\\&copy;=2"),
    ("https://example.com/100%", "https://example.com/100%25"),
    ("https://example.com/%41", "https://example.com/%41"),
]
UNSAFE = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "javascript://example.com/%0Aalert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox",
    "file:///etc/passwd",
    "ftp://example.com/",
    "mailto:a@example.com",
    "//example.com/",
    "/relative/path",
    "https://",
    "https:example.com",
    "https://user:pw@example.com/",
    "https://trusted.example@evil.example/",
    "https://exa mple.com/",
    "https://exa\u0000mple.com/",
    "https://[::1]/",
    "https://ex_ample.com/",
    "https://пример.рф/",
    "https://example.com/\u0085",
]


@pytest.mark.parametrize(("url", "dest"), SAFE)
def test_safe_http_url(url: str, dest: str | None) -> None:
    assert safe_http_url(url) == dest


@pytest.mark.parametrize("url", UNSAFE)
def test_unsafe_urls_are_not_links(url: str) -> None:
    assert safe_http_url(url) is None
    for md in RENDERERS.values():
        html = md.render(f"- {link('click', url)}")
        assert "<a" not in html
        assert "click" in html


@pytest.mark.parametrize(("url", "dest"), [s for s in SAFE if s[1] is not None])
def test_safe_urls_become_links_to_themselves(url: str, dest: str) -> None:
    html = RENDERERS["commonmark"].render(link("a <b> title", url))
    assert html.startswith('<p><a href="')
    assert html.endswith('">a &lt;b&gt; title</a></p>\n')
    href = html[len('<p><a href="') : html.index('">')]
    assert href == dest.replace("\\&", "&amp;")


def test_link_without_text_shows_the_url() -> None:
    html = RENDERERS["gfm"].render(link("", "https://example.com/x"))
    assert html == '<p><a href="https://example.com/x">https://example.com/x</a></p>\n'


def test_unsafe_link_shows_text_and_url_as_text() -> None:
    html = RENDERERS["gfm"].render(link("title", "javascript:alert(1)"))
    assert html == "<p>title (javascript:alert(1))</p>\n"
