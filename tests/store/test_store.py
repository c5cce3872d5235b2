"""Store services on both backends."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from claimtrack.db import session_scope
from claimtrack.models import Claim, ClaimLink, Document
from claimtrack.store import (
    ClaimFilter,
    InvalidInput,
    NotFound,
    add_document,
    add_note,
    add_source,
    count_by_status,
    history,
    list_claims,
    list_documents,
    related_claims,
    set_status,
)
from claimtrack.store.documents import NewDocument, add_documents


def _doc(session: Session, name: str, sentences: list[str]) -> list[int]:
    text = " ".join(sentences)
    claims, pos = [], 0
    for sentence in sentences:
        claims.append(
            Claim(
                document_id=0,
                kind="count",
                text=sentence,
                span=sentence[:5],
                start=pos,
                end=pos + 5,
                subject=name,
            )
        )
        pos += len(sentence) + 1
    doc = add_document(session, Document(title=name, sha256=name.ljust(64, "0"), text=text), claims)
    assert doc.id is not None
    return [c.id for c in list_claims(session, ClaimFilter(document_id=doc.id)) if c.id]


def test_history_is_appended_in_order(engine) -> None:  # type: ignore[no-untyped-def]
    with session_scope(engine) as s:
        (cid,) = _doc(s, "a", ["Some 4,000 troops arrived."])
    with session_scope(engine) as s:
        set_status(s, cid, "in_progress", by="ana")
        add_note(s, cid, "asked the ministry", by="ben")
        set_status(s, cid, "verified", by="ana", note="confirmed")
    with session_scope(engine) as s:
        rows = [(h.old_status, h.new_status, h.by, h.note) for h in history(s, cid)]
        assert rows == [
            ("unverified", "in_progress", "ana", None),
            ("in_progress", "in_progress", "ben", "asked the ministry"),
            ("in_progress", "verified", "ana", "confirmed"),
        ]
        assert count_by_status(s)["verified"] == 1


def test_errors_name_the_thing(engine) -> None:  # type: ignore[no-untyped-def]
    with session_scope(engine) as s:
        (cid,) = _doc(s, "a", ["Some 4,000 troops arrived."])
        with pytest.raises(NotFound, match="claim 999: no such claim"):
            set_status(s, 999, "verified", by="x")
        with pytest.raises(InvalidInput, match="status 'sure'"):
            set_status(s, cid, "sure", by="x")
        with pytest.raises(InvalidInput, match="not an http"):
            add_source(s, cid, "ftp://example.org/x")
        with pytest.raises(InvalidInput, match="note: empty"):
            add_note(s, cid, "   ", by="x")
    with session_scope(engine) as s:
        assert history(s, cid) == []


def test_keyset_pages_and_search_wildcards(engine) -> None:  # type: ignore[no-untyped-def]
    with session_scope(engine) as s:
        _doc(s, "a", [f"Sentence {i} with 10% growth." for i in range(7)])
        _doc(s, "b", ["A 100_000 figure."])
    with session_scope(engine) as s:
        first = list_claims(s, limit=3)
        rest = list_claims(s, after_id=first[-1].id, limit=100)
        assert len(first) == 3 and len(rest) == 5
        assert [c.id for c in first + rest] == sorted(c.id for c in first + rest)
        # % and _ are searched for as characters, not as LIKE wildcards
        assert len(list_claims(s, ClaimFilter(search="10%"))) == 7
        assert [c.text for c in list_claims(s, ClaimFilter(search="0_0"))] == ["A 100_000 figure."]
        assert list_claims(s, ClaimFilter(search="SENTENCE 3"))[0].text.startswith("Sentence 3")
        assert [d.claims for d in list_documents(s)] == [7, 1]


def test_related_claims_both_directions(engine) -> None:  # type: ignore[no-untyped-def]
    with session_scope(engine) as s:
        (a,) = _doc(s, "a", ["Some 4,000 troops arrived."])
        (b,) = _doc(s, "b", ["About 4,000 troops came."])
        s.add(ClaimLink(claim_a=a, claim_b=b, relation="agrees"))
    with session_scope(engine) as s:
        set_status(s, b, "verified", by="ana")
    with session_scope(engine) as s:
        related = related_claims(s, [a, b])
        assert [(r.claim_id, r.relation, r.status) for r in related[a]] == [
            (b, "agrees", "verified")
        ]
        assert [(r.claim_id, r.status) for r in related[b]] == [(a, "unverified")]
        # the verdict is shown, never copied
        assert list_claims(s, ClaimFilter(status="verified"))[0].id == b


def _new(name: str, spans: list[str]) -> NewDocument:
    text = " ".join(spans)
    claims, pos = [], 0
    for span in spans:
        claims.append(
            dict(kind="count", text=span, span=span, start=pos, end=pos + len(span), value=1.0)
        )
        pos += len(span) + 1
    values = dict(title=name, sha256=name.ljust(64, "0"), text=text, published=None)
    return NewDocument(values, claims)


def test_add_documents_stores_each_text_once(engine) -> None:  # type: ignore[no-untyped-def]
    with session_scope(engine) as s:
        (old,) = add_documents(s, [_new("a", ["4,000 troops"])])
    assert old.new
    b = _new("b", ["12 ships", "3 planes"])
    with session_scope(engine) as s:
        stored = add_documents(s, [_new("a", ["4,000 troops"]), b, _new("c", ["9 tanks"]), b])
    assert [(x.title, x.new) for x in stored] == [
        ("a", False),
        ("b", True),
        ("c", True),
        ("b", False),
    ]
    assert stored[0].id == old.id and stored[1].id == stored[3].id != stored[2].id
    with session_scope(engine) as s:
        docs = {d.document.title: d for d in list_documents(s)}
        assert {t: d.claims for t, d in docs.items()} == {"a": 1, "b": 2, "c": 1}
        claims = list_claims(s, ClaimFilter(document_id=stored[1].id))
        assert [(c.span, c.status) for c in claims] == [
            ("12 ships", "unverified"),
            ("3 planes", "unverified"),
        ]
        text = docs["b"].document.text
        assert all(text[c.start : c.end] == c.span for c in claims)
