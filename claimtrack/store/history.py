from __future__ import annotations

from urllib.parse import urlsplit

from sqlmodel import Session, col, select

from claimtrack.models import Source, StatusChange
from claimtrack.store.claims import get_claim, parse_status
from claimtrack.store.errors import InvalidInput


def set_status(
    session: Session, claim_id: int, status: str, *, by: str, note: str | None = None
) -> StatusChange:
    new = parse_status(status)
    claim = get_claim(session, claim_id)
    # PostgreSQL: hold the row, so two checkers marking at once queue and the later change
    # records the earlier one's status as its old status (SQLite's writer lock does this).
    session.refresh(claim, with_for_update=True)
    change = StatusChange(
        claim_id=claim_id, old_status=claim.status, new_status=new.value, note=note, by=by
    )
    claim.status = new.value
    session.add(claim)
    session.add(change)
    session.flush()
    return change


def add_note(session: Session, claim_id: int, note: str, *, by: str) -> StatusChange:
    if not note.strip():
        raise InvalidInput("note: empty")
    claim = get_claim(session, claim_id)
    # As in set_status: the note records the status as it stands once the row is ours.
    session.refresh(claim, with_for_update=True)
    change = StatusChange(
        claim_id=claim_id, old_status=claim.status, new_status=claim.status, note=note, by=by
    )
    session.add(change)
    session.flush()
    return change


def validate_url(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        raise InvalidInput(f"url {url!r}: not an http(s) URL")
    return url


def add_source(
    session: Session,
    claim_id: int,
    url: str,
    *,
    title: str | None = None,
    note: str | None = None,
    by: str | None = None,
) -> Source:
    url = validate_url(url)
    get_claim(session, claim_id)
    source = Source(claim_id=claim_id, url=url, title=title, note=note, added_by=by)
    session.add(source)
    session.flush()
    return source


def list_sources(session: Session, claim_ids: list[int]) -> dict[int, list[Source]]:
    out: dict[int, list[Source]] = {cid: [] for cid in claim_ids}
    if claim_ids:
        rows = session.exec(
            select(Source).where(col(Source.claim_id).in_(claim_ids)).order_by(col(Source.id))
        ).all()
        for src in rows:
            out[src.claim_id].append(src)
    return out


def history(session: Session, claim_id: int | None = None) -> list[StatusChange]:
    query = select(StatusChange)
    if claim_id is not None:
        get_claim(session, claim_id)
        query = query.where(StatusChange.claim_id == claim_id)
    return list(session.exec(query.order_by(col(StatusChange.at), col(StatusChange.id))).all())
