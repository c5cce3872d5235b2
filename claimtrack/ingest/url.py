"""http(s) URLs: fetched with a time limit and a size limit, then read as HTML or text."""

from __future__ import annotations

import os
from dataclasses import replace
from urllib.parse import urlsplit

from claimtrack.ingest.decode import NotText, decode
from claimtrack.ingest.readers import MAX_BYTES, RawDocument, from_html, from_plain_text

TIMEOUT_S = 20.0
ENV_TIMEOUT = "CLAIMTRACK_FETCH_TIMEOUT"


def is_url(arg: str) -> bool:
    return urlsplit(arg).scheme.lower() in ("http", "https")


def fetch_timeout() -> float:
    """Seconds to wait for a server (env CLAIMTRACK_FETCH_TIMEOUT, else 20)."""
    value = os.environ.get(ENV_TIMEOUT, "")
    try:
        seconds = float(value)
    except ValueError:
        return TIMEOUT_S
    return seconds if seconds > 0 else TIMEOUT_S


def read_url(url: str, timeout: float | None = None) -> RawDocument:
    import httpx

    timeout = timeout or fetch_timeout()

    parts = urlsplit(url)
    if not parts.netloc:
        raise NotText("not a valid URL")
    try:
        with httpx.stream(
            "GET",
            url,
            timeout=timeout,
            follow_redirects=True,
            headers={"User-Agent": "claimtrack (fact-checking desk)"},
        ) as resp:
            if resp.status_code >= 400:
                raise NotText(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
            content_type = resp.headers.get("content-type", "").lower()
            data = _read_limited(resp)
            final_url = str(resp.url)
    except httpx.TimeoutException:
        raise NotText(f"timed out after {timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise NotText(f"could not fetch ({type(exc).__name__}: {exc})") from None
    text = decode(data)
    if "html" in content_type or text.lstrip()[:200].lower().startswith(("<!doctype", "<html")):
        doc = from_html(text, final_url)
    elif content_type.startswith("text/") or not content_type:
        doc = from_plain_text(text)
    else:
        raise NotText(f"not an article ({content_type.split(';')[0]})")
    return replace(doc, url=doc.url or final_url, path=None, title=doc.title or final_url)


def _read_limited(resp: object) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():  # type: ignore[attr-defined]
        size += len(chunk)
        if size > MAX_BYTES:
            raise NotText(f"too large for an article (over {MAX_BYTES // 2**20} MiB)")
        chunks.append(chunk)
    return b"".join(chunks)
