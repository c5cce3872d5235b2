"""A desk's database filled through the store functions, with hostile text everywhere text can
come from outside: article titles, sources, sentences, claims, notes, source titles, names."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from sqlmodel import Session

from claimtrack.db import session_scope
from claimtrack.models import Claim, Conflict, ConflictClaim, Document, Source
from claimtrack.store import add_document, add_note, add_source, set_conflict_state, set_status

HOSTILE_TITLE = "<script>alert('title')</script> # Not a heading"
HOSTILE_SOURCE = "Evil | Wire *Press*"
HOSTILE_SENTENCE = "# 1. The army sent 10,000 soldiers | see <b>here</b>, www.evil.example."
HOSTILE_NOTE = "Checked [x](javascript:alert(1)) and ![img](http://evil.example/i.png) &lt;ok&gt;"
SCRIPT_SENTENCE = "The US approved a $425 million <script>alert('aid')</script> package."
HOSTILE_SOURCE_TITLE = "<img src=x onerror=alert(1)> `code` _em_"


@dataclass
class Desk:
    """What was put in: ids by role, so tests can say what they expect."""

    docs: dict[str, int] = field(default_factory=dict)
    claims: dict[str, int] = field(default_factory=dict)
    conflict_id: int = 0


def _doc(session: Session, key: str, claims: list[Claim], **fields: object) -> Document:
    text = " ".join(c.text for c in claims) or key
    document = Document(sha256=hashlib.sha256(key.encode()).hexdigest(), text=text, **fields)
    start = 0
    for claim in claims:
        claim.start = text.index(claim.span, start)
        claim.end = claim.start + len(claim.span)
        start = claim.end
    return add_document(session, document, claims)


def _claim(kind: str, sentence: str, span: str, **fields: object) -> Claim:
    return Claim(kind=kind, text=sentence, span=span, start=0, end=0, **fields)  # type: ignore[arg-type]


def fill(session: Session) -> Desk:
    desk = Desk()
    troops = _claim(
        "count",
        HOSTILE_SENTENCE,
        "10,000 soldiers",
        value=10000,
        unit="soldiers",
        qualifier="exact",
        subject="soldiers",
    )
    aid = _claim(
        "money",
        SCRIPT_SENTENCE,
        "$425 million",
        value=425e6,
        unit="USD",
        qualifier="exact",
        subject="arms package",
    )
    quote = _claim(
        "quote",
        '"We will | not retreat," said Jane Doe.',
        '"We will | not retreat,"',
        speaker="Jane Doe",
    )
    d1 = _doc(
        session,
        "one",
        [troops, aid, quote],
        title=HOSTILE_TITLE,
        source=HOSTILE_SOURCE,
        url="https://news.example/story?a=1&b=2",
        published=dt.date(2024, 11, 5),
    )
    other = _claim(
        "count",
        "1) About 12,000 soldiers crossed, officials said.",
        "12,000 soldiers",
        value=12000,
        unit="soldiers",
        qualifier="approx",
        subject="soldiers",
    )
    pending = _claim("percent", "Turnout rose 5% | up.", "5%", value=5, unit="%")
    d2 = _doc(
        session,
        "two",
        [other, pending],
        title="- Second story",
        source=None,
        url="javascript:alert(document.cookie)",
        published=None,
    )
    assert d1.id and d2.id and troops.id and aid.id and quote.id and other.id and pending.id
    desk.docs = {"one": d1.id, "two": d2.id}
    desk.claims = {
        "troops": troops.id,
        "aid": aid.id,
        "quote": quote.id,
        "other": other.id,
        "pending": pending.id,
    }
    set_status(session, troops.id, "in_progress", by="alice")
    set_status(session, troops.id, "verified", by="alice", note="Matches the ministry figure.")
    add_note(session, troops.id, HOSTILE_NOTE, by="<bob>")
    add_source(
        session,
        troops.id,
        "https://ministry.example/figures(2024)",
        title=HOSTILE_SOURCE_TITLE,
        note="| page 3 |",
        by="alice",
    )
    # Rows written by an older tool or by hand: not every stored URL is http(s).
    session.add(Source(claim_id=troops.id, url="data:text/html,<script>x</script>", title="raw"))
    set_status(session, aid.id, "false", by="carol", note="The package was $400 million.")
    add_source(session, aid.id, "https://state.example/release", by="carol")
    set_status(session, quote.id, "misleading", by="carol")
    set_status(session, other.id, "verified", by="dave", note="1. Officials confirmed")
    conflict = Conflict(key="soldiers", kind="value", explanation="soldiers: 10000 vs ~12000 <b>")
    session.add(conflict)
    session.flush()
    assert conflict.id
    for cid in (troops.id, other.id):
        session.add(ConflictClaim(conflict_id=conflict.id, claim_id=cid))
    session.flush()
    set_conflict_state(session, conflict.id, "dismissed", by="erin", note="Different dates.")
    desk.conflict_id = conflict.id
    return desk


@pytest.fixture
def desk(engine) -> Iterator[tuple[Session, Desk]]:  # type: ignore[no-untyped-def]
    with session_scope(engine) as session:
        filled = fill(session)
    with Session(engine) as session:
        yield session, filled


@pytest.fixture
def sqlite_desk(sqlite_path: str) -> Iterator[tuple[Session, Desk]]:
    from claimtrack.db import ensure_schema, make_engine, resolve_url

    engine = make_engine(resolve_url(sqlite_path))
    ensure_schema(engine)
    with session_scope(engine) as session:
        filled = fill(session)
    with Session(engine) as session:
        yield session, filled
    engine.dispose()
