from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from claimtrack.models import KINDS, Claim, ClaimLink, Status
from claimtrack.store.errors import InvalidInput, NotFound


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    document_id: int | None = None
    status: str | None = None
    kind: str | None = None
    search: str | None = None

    def validate(self) -> ClaimFilter:
        if self.status is not None:
            parse_status(self.status)
        if self.kind is not None and self.kind not in KINDS:
            raise InvalidInput(f"kind {self.kind!r}: not one of {', '.join(KINDS)}")
        return self


def parse_status(status: str) -> Status:
    try:
        return Status(status)
    except ValueError:
        names = ", ".join(s.value for s in Status)
        raise InvalidInput(f"status {status!r}: not one of {names}") from None


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filtered(query: Any, flt: ClaimFilter) -> Any:
    if flt.document_id is not None:
        query = query.where(Claim.document_id == flt.document_id)
    if flt.status is not None:
        query = query.where(Claim.status == flt.status)
    if flt.kind is not None:
        query = query.where(Claim.kind == flt.kind)
    if flt.search:
        pattern = f"%{_escape_like(flt.search)}%"
        query = query.where(
            or_(
                col(Claim.text).ilike(pattern, escape="\\"),
                col(Claim.span).ilike(pattern, escape="\\"),
                col(Claim.subject).ilike(pattern, escape="\\"),
                col(Claim.speaker).ilike(pattern, escape="\\"),
            )
        )
    return query


def list_claims(
    session: Session,
    flt: ClaimFilter | None = None,
    *,
    after_id: int | None = None,
    limit: int | None = None,
) -> list[Claim]:
    """Claims in document order (keyset-paged by id when after_id/limit are given)."""
    query = filtered(select(Claim), (flt or ClaimFilter()).validate())
    if after_id is not None:
        query = query.where(col(Claim.id) > after_id)
    query = query.order_by(col(Claim.id))
    if limit is not None:
        query = query.limit(limit)
    return list(session.exec(query).all())


def get_claim(session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"claim {claim_id}: no such claim")
    return claim


def count_by_status(session: Session, flt: ClaimFilter | None = None) -> Counter[str]:
    query = filtered(select(Claim.status, func.count()), flt or ClaimFilter()).group_by(
        col(Claim.status)
    )
    return Counter({status: int(n) for status, n in session.exec(query).all()})


@dataclass(frozen=True, slots=True)
class Related:
    claim_id: int
    relation: str
    status: str
    document_id: int


def related_claims(session: Session, claim_ids: list[int]) -> dict[int, list[Related]]:
    """Claims in other documents linked to each of claim_ids (claim memory), both directions."""
    out: dict[int, list[Related]] = {cid: [] for cid in claim_ids}
    if not claim_ids:
        return out
    for chunk in _chunks(claim_ids, 500):
        links = session.exec(
            select(ClaimLink).where(
                or_(col(ClaimLink.claim_a).in_(chunk), col(ClaimLink.claim_b).in_(chunk))
            )
        ).all()
        other_ids = {link.claim_a for link in links} | {link.claim_b for link in links}
        others = {
            c.id: c for c in session.exec(select(Claim).where(col(Claim.id).in_(other_ids))).all()
        }
        wanted = set(chunk)
        for link in links:
            for mine, theirs in ((link.claim_a, link.claim_b), (link.claim_b, link.claim_a)):
                other = others.get(theirs)
                if mine in wanted and other is not None:
                    out[mine].append(
                        Related(theirs, link.relation, other.status, other.document_id)
                    )
    for rel in out.values():
        rel.sort(key=lambda r: r.claim_id)
    return out


def _chunks(items: list[int], size: int) -> list[list[int]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
