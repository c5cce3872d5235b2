"""Claims written straight into a real database, the way ingest would store them."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from claimtrack.models import Claim, Document

_serial = itertools.count(1)


@dataclass
class Corpus:
    session: Session
    docs: dict[str, int] = field(default_factory=dict)

    def doc(self, title: str, published: str | None = "2025-03-05") -> int:
        if title not in self.docs:
            text = f"{title} {next(_serial)}"
            doc = Document(
                title=title,
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                text=text,
                published=dt.date.fromisoformat(published) if published else None,
            )
            self.session.add(doc)
            self.session.flush()
            assert doc.id is not None
            self.docs[title] = doc.id
        return self.docs[title]

    def claim(self, title: str, kind: str, sentence: str, span: str, **cols: Any) -> int:
        """A claim whose span sits inside its sentence, as the extractor stores it."""
        assert span in sentence, (span, sentence)
        doc_id = self.doc(title)
        # The document's text holds its sentences, as an article's does (the checker reads the
        # names a whole document uses).
        doc = self.session.get(Document, doc_id)
        assert doc is not None
        doc.text = f"{doc.text}\n{sentence}"
        self.session.add(doc)
        start = sentence.index(span)
        subject = cols.get("subject")
        cols.setdefault("subject_key", key(subject) if subject else None)
        cols.setdefault("qualifier", "exact" if kind != "quote" else None)
        claim = Claim(
            document_id=doc_id, kind=kind, text=sentence, span=span, start=start,
            end=start + len(span), **cols,
        )  # fmt: skip
        self.session.add(claim)
        self.session.flush()
        assert claim.id is not None
        return claim.id


def key(subject: str) -> str:
    """A subject key like the extractor's: lower-case, de-pluralised, sorted words."""
    stop = {"a", "an", "the", "of", "for", "to", "in", "on"}
    out = set()
    for w in subject.lower().replace("'s", "").split():
        if w in stop:
            continue
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        out.add(w)
    return " ".join(sorted(out))
