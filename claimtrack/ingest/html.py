"""HTML pages: the article's main text and metadata, through trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

from claimtrack.ingest.decode import NotText

MIN_ARTICLE_WORDS = 8
# The page's own markup only (article:published_time, JSON-LD, <time>): htmldate's search of
# the text guesses a year from any number ("since 1998" became 1998-01-01), and its default
# ceiling of today throws away a correct date that lies ahead of this machine's clock. The
# article's text is searched for a dateline afterwards, by our own rules.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "2100-12-31"}


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None
    site: str | None
    url: str | None
    date: str | None


def extract_article(html: str, url: str | None) -> Article:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura raises a variety of parser errors on junk input
        raise NotText(f"unreadable HTML ({type(exc).__name__})") from None
    if doc is None:
        raise NotText("no article text found in the page")
    data = doc if isinstance(doc, dict) else doc.as_dict()
    text = data.get("text") or ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        # What is left of a page with no article is its menu ("Home", "Contact us").
        raise NotText("no article text found in the page")
    return Article(
        text=text,
        title=data.get("title"),
        site=data.get("sitename") or data.get("hostname"),
        url=data.get("url"),
        date=data.get("date"),
    )
