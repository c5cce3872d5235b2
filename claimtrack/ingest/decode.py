"""Bytes to text: refuse what is not text, detect the encoding of what is."""

from __future__ import annotations

import codecs


class NotText(ValueError):
    """The bytes are not a text document; str() is the reason."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 64 * 1024


def decode(data: bytes) -> str:
    if not data.strip():
        raise NotText("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise NotText(f"invalid {encoding} text") from None
    if b"\x00" in data[:_SAMPLE]:
        raise NotText("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            # Cut off mid-character (a truncated download or copy): keep what is whole.
            try:
                return data[: exc.start].decode("utf-8")
            except UnicodeDecodeError:
                pass
    return _decode_legacy(data)


def _decode_legacy(data: bytes) -> str:
    western = _as_cp1252(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1024 * 1024]).best()
    if best is None or best.encoding is None:
        raise NotText("binary file (no text encoding fits)")
    text = data.decode(best.encoding, errors="replace")
    if _looks_binary(text):
        raise NotText("binary file (mostly non-text characters)")
    return text


def _as_cp1252(data: bytes) -> str | None:
    """Windows-1252, the usual legacy encoding of English and Western European news copy.

    Statistical detection often misreads a short Western text as some Cyrillic or Baltic
    code page; the text is taken as cp1252 when it decodes and reads like a Latin-script
    language (a few accented letters among plain ones), which Cyrillic or Greek text
    decoded the same way never does.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text[:_SAMPLE] if ch.isalpha()]
    if not letters or _looks_binary(text):
        return None
    accented = sum(1 for ch in letters if not ch.isascii())
    return text if accented / len(letters) < 0.2 else None


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    if not sample:
        return True
    odd = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    return odd / len(sample) > 0.05
