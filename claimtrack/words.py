"""Word helpers shared by the extractor (subject keys) and the checker (sentence terms).

They live in one place because a subject key written at ingest is compared with terms the
checker derives later: if the two stemmed differently, the same noun would miss itself.
"""

from __future__ import annotations

_EDGE = "'-."


def stem(word: str) -> str:
    """A light stemmer: plurals and possessives, so 'soldiers' and "soldier's" meet."""
    w = word.lower().replace("’", "'").strip(_EDGE)
    if w.endswith("'s"):
        w = w[:-2].strip(_EDGE)
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w
