"""An HTML page's published date comes from its own markup, never from a number in its text."""

from __future__ import annotations

import datetime as dt

from claimtrack.ingest.readers import from_html

PAGE = """<!doctype html><html><head><title>Count goes on</title>
{meta}
</head><body><nav>Home | World | Sport</nav><article><h1>Count goes on</h1>
<p>No party has won a majority outright since 1998, and the count in the capital went on
through the night as officials checked every ballot box twice.</p>
<p>Officials said the final result would be known on Monday, after the postal votes.</p>
</article><footer>Copyright 2001-2031 Example Media</footer></body></html>"""


def test_the_pages_published_time_wins_even_when_it_lies_ahead_of_this_clock() -> None:
    later = dt.date.today().year + 3
    meta = f'<meta property="article:published_time" content="{later}-03-07T19:00:00+01:00">'
    assert from_html(PAGE.format(meta=meta), None).published == dt.date(later, 3, 7)


def test_a_year_in_the_text_is_not_taken_for_the_published_date() -> None:
    # htmldate's search of the text made 1998-01-01 out of "since 1998".
    assert from_html(PAGE.format(meta=""), None).published is None
