"""A small fixed desk for the TUI tests: three documents (one hostile), claims with exact
offsets, a value conflict and a quote-wording conflict, claim links. Stored through the store
functions on a real SQLite file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from claimtrack import store
from claimtrack.db import get_engine, session_scope
from claimtrack.models import Claim, ClaimLink, Conflict, ConflictClaim, Document
from claimtrack.store.browse import document_claim_spans

HOSTILE_TITLE = "[bold]Hostile[/] \x1b[31mtitle"
HOSTILE_TEXT = (
    "The [bold]army[/bold] said 300 [link=http://evil.example]troops[/link] crossed."
    "\x1b[2J It cost $5 million.\n\nA second paragraph follows here."
)

DOCS = [
    (
        "Northgate Wire: donors pledge",
        dt.date(2025, 3, 1),
        "Donors pledged $425 million for the reconstruction fund on Tuesday. "
        "About 10,000 North Korean soldiers were deployed, officials said.\n\n"
        '"We will rebuild every school," said Olena Kovalenko. Turnout reached 64 percent.',
        [
            ("money", "$425 million", 425e6, "USD", "reconstruction fund", None),
            (
                "count",
                "10,000 North Korean soldiers",
                1e4,
                "soldiers",
                "north korean soldiers",
                None,
            ),
            ("quote", '"We will rebuild every school,"', None, None, None, "Olena Kovalenko"),
            ("percent", "64 percent", 64.0, "%", "turnout", None),
        ],
    ),
    (
        "Capital Desk: summit closes",
        dt.date(2025, 3, 2),
        "The reconstruction fund stands at $400 million, the ministry said. "
        "Some 12,000 North Korean soldiers are in the region.\n\n"
        '"We will rebuild each school," Olena Kovalenko said. The pipeline will take 18 months.',
        [
            ("money", "$400 million", 400e6, "USD", "reconstruction fund", None),
            (
                "count",
                "12,000 North Korean soldiers",
                1.2e4,
                "soldiers",
                "north korean soldiers",
                None,
            ),
            ("quote", '"We will rebuild each school,"', None, None, None, "Olena Kovalenko"),
            ("duration", "18 months", 18.0, "month", "pipeline", None),
        ],
    ),
    (
        HOSTILE_TITLE,
        None,
        HOSTILE_TEXT,
        [
            ("count", "300", 300.0, "troops", "[red]troops[/red]", None),
            ("money", "$5 million", 5e6, "USD", "cost", None),
        ],
    ),
]


@dataclass
class Desk:
    db: str
    claim_ids: list[int]  # in document order
    doc_ids: list[int]
    value_conflict: int
    quote_conflict: int


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(stops) if stops else len(text) - 1
    return text[left + 1 if left >= 0 else 0 : right + 1].strip()


def build_desk(db: str) -> Desk:
    if "://" not in db:
        db = str(Path(db).resolve())  # get_engine caches by URL: never by a relative path
    engine = get_engine(db)
    claim_ids: list[int] = []
    doc_ids: list[int] = []
    with session_scope(engine) as session:
        for n, (title, published, text, claims) in enumerate(DOCS):
            rows = []
            for kind, span, value, unit, subject, speaker in claims:
                start = text.index(span)
                rows.append(
                    Claim(
                        kind=kind,
                        text=_sentence(text, start, start + len(span)),
                        span=span,
                        start=start,
                        end=start + len(span),
                        value=value,
                        unit=unit,
                        qualifier="exact",
                        subject=subject,
                        subject_key=subject,
                        speaker=speaker,
                    )
                )
            doc = store.add_document(
                session,
                Document(
                    title=title,
                    source="test",
                    published=published,
                    sha256=f"{n:064x}",
                    text=text,
                    path=f"doc{n}.txt",
                ),
                rows,
            )
            assert doc.id is not None
            doc_ids.append(doc.id)
            # add_document inserts claims in bulk (no ids on the objects): read them back,
            # in text order, which is the order they are listed in above.
            claim_ids.extend(r.id for r in document_claim_spans(session, doc.id))
        conflicts = []
        for key, kind, explanation, pair in (
            (
                "money:reconstruction",
                "value",
                "reconstruction fund: $425 million vs $400 million",
                (claim_ids[0], claim_ids[4]),
            ),
            (
                "quote:kovalenko",
                "quote_wording",
                "Olena Kovalenko quoted in two wordings",
                (claim_ids[2], claim_ids[6]),
            ),
        ):
            conflict = Conflict(key=key, kind=kind, explanation=explanation)
            session.add(conflict)
            session.flush()
            assert conflict.id is not None
            conflicts.append(conflict.id)
            for cid in pair:
                session.add(ConflictClaim(conflict_id=conflict.id, claim_id=cid))
            session.add(ClaimLink(claim_a=pair[0], claim_b=pair[1], relation="conflicts"))
        session.add(ClaimLink(claim_a=claim_ids[1], claim_b=claim_ids[5], relation="agrees"))
    with session_scope(engine) as session:
        store.set_status(session, claim_ids[5], "verified", by="lead")
    return Desk(db, claim_ids, doc_ids, conflicts[0], conflicts[1])
