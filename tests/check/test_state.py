"""Groups, persistence, decisions kept across runs, incremental == full, claim memory."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import delete
from sqlmodel import Session, select

from claimtrack.check import check_document, run_check, word_diff
from claimtrack.models import ClaimLink, Conflict, ConflictClaim
from claimtrack.shapes import claims_json, conflicts_json
from claimtrack.store import get_claim, list_conflicts, set_conflict_state, set_status
from tests.check.build import Corpus


@pytest.fixture
def corpus(engine) -> Iterator[Corpus]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        yield Corpus(session)
        session.rollback()


SOLDIERS = [
    (
        "Kyiv Independent",
        "10,000",
        "Zelensky said 10,000 North Korean soldiers were sent to Kursk.",
    ),
    ("Northgate Wire", "10,000", "Kyiv says 10,000 North Korean soldiers were sent to Kursk."),
    ("Capital Desk", "8,000", "Washington says 8,000 North Korean soldiers were sent to Kursk."),
    (
        "Europulse",
        "about 8,000",
        "There are about 8,000 North Korean soldiers were sent to Kursk, Seoul says.",
    ),
    ("Eastern Markets", "12,000", "Seoul says 12,000 North Korean soldiers were sent to Kursk."),
]


def add_soldiers(corpus: Corpus, items: list[tuple[str, str, str]]) -> list[int]:
    ids = []
    for title, span, sentence in items:
        digits = span.split()[-1].replace(",", "")
        ids.append(
            corpus.claim(
                title,
                "count",
                sentence,
                span,
                value=float(digits),
                unit="soldiers",
                qualifier="approx" if span.startswith("about") else "exact",
                subject="North Korean soldiers",
            )
        )
    return ids


def state(session: Session) -> tuple[dict[tuple[int, int], str], list[tuple[str, tuple[int, ...]]]]:
    found_links = {(r.claim_a, r.claim_b): r.relation for r in session.exec(select(ClaimLink))}
    groups = sorted(
        (c["kind"], tuple(c["claim_ids"])) for c in conflicts_json(session, list_conflicts(session))
    )
    return found_links, groups


def test_five_articles_three_figures_make_one_conflict(corpus: Corpus) -> None:
    ids = add_soldiers(corpus, SOLDIERS)
    run_check(corpus.session)
    found = conflicts_json(corpus.session, list_conflicts(corpus.session))
    assert [(c["kind"], c["claim_ids"]) for c in found] == [("value", sorted(ids))]
    line = found[0]["explanation"]
    assert line.startswith("North Korean soldiers: 10,000 in ")
    assert line.count(" vs ") == 2
    assert "\n" not in line


def test_rerun_is_idempotent_and_keeps_decisions(corpus: Corpus) -> None:
    add_soldiers(corpus, SOLDIERS)
    first = run_check(corpus.session)
    assert first.conflicts_new == 1
    before = state(corpus.session)
    conflict = list_conflicts(corpus.session)[0]
    assert conflict.id is not None
    set_conflict_state(corpus.session, conflict.id, "dismissed", by="ana", note="same source")
    again = run_check(corpus.session)
    assert (again.conflicts_new, again.links_added, again.links_removed) == (0, 0, 0)
    assert state(corpus.session) == before
    kept = list_conflicts(corpus.session)
    assert [(c.id, c.key, c.state, c.note, c.decided_by) for c in kept] == [
        (conflict.id, conflict.key, "dismissed", "same source", "ana")
    ]


def test_a_new_member_joins_the_decided_conflict(corpus: Corpus) -> None:
    add_soldiers(corpus, SOLDIERS[:3])
    run_check(corpus.session)
    conflict = list_conflicts(corpus.session)[0]
    assert conflict.id is not None
    set_conflict_state(corpus.session, conflict.id, "confirmed", by="ana", note="Kyiv overstates")
    [new] = add_soldiers(corpus, SOLDIERS[4:])
    summary = check_document(corpus.session, get_claim(corpus.session, new).document_id)
    assert (summary.conflicts_new, summary.conflicts_grown) == (0, 1)
    [after] = conflicts_json(corpus.session, list_conflicts(corpus.session))
    assert new in after["claim_ids"] and len(after["claim_ids"]) == 4
    assert (after["id"], after["state"], after["note"]) == (
        conflict.id,
        "confirmed",
        "Kyiv overstates",
    )
    assert "12,000" in after["explanation"]


def test_undecided_conflict_the_data_no_longer_supports_is_dropped(corpus: Corpus) -> None:
    ids = add_soldiers(corpus, SOLDIERS[:3])
    run_check(corpus.session)
    corpus.session.exec(delete(ConflictClaim).where(ConflictClaim.claim_id == ids[2]))  # type: ignore[call-overload, arg-type]
    from claimtrack.models import Claim

    corpus.session.exec(delete(Claim).where(Claim.id == ids[2]))  # type: ignore[call-overload, arg-type]
    summary = run_check(corpus.session)
    assert summary.conflicts_removed == 1
    assert list_conflicts(corpus.session) == []


def test_incremental_checks_equal_one_full_check(corpus: Corpus) -> None:
    items = [
        *SOLDIERS,
        ("Northgate Wire", "€20bn", "The EU launched a €20bn reconstruction fund for Ukraine."),
        ("Capital Desk", "€25bn", "The EU launched a €25bn reconstruction fund for Ukraine."),
        (
            "Europulse",
            "€20 billion",
            "The EU launched a €20 billion reconstruction fund for Ukraine.",
        ),
    ]
    for title, span, sentence in items:
        if "€" in span:
            value = float(span.strip("€bn").split()[0]) * 1e9
            corpus.claim(title, "money", sentence, span, value=value, unit="EUR",
                         subject="reconstruction fund")  # fmt: skip
        else:
            add_soldiers(corpus, [(title, span, sentence)])
        check_document(corpus.session, corpus.docs[title])
    incremental = state(corpus.session)
    assert len(incremental[1]) == 2
    corpus.session.exec(delete(ConflictClaim))  # type: ignore[call-overload]
    corpus.session.exec(delete(Conflict))  # type: ignore[call-overload]
    corpus.session.exec(delete(ClaimLink))  # type: ignore[call-overload]
    run_check(corpus.session)
    assert state(corpus.session) == incremental


def test_verdict_of_an_agreeing_claim_shows_but_is_not_copied(corpus: Corpus) -> None:
    sentence = "Britain announced a guarantee of {} for loans to Ukrainian firms."
    a = corpus.claim("A", "money", sentence.format("£12bn"), "£12bn", value=12e9, unit="GBP",
                     subject="guarantee")  # fmt: skip
    b = corpus.claim("B", "money", sentence.format("£12 billion"), "£12 billion", value=12e9,
                     unit="GBP", subject="guarantee")  # fmt: skip
    run_check(corpus.session)
    set_status(corpus.session, a, "verified", by="ana")
    [shown] = claims_json(corpus.session, [get_claim(corpus.session, b)])
    assert shown["status"] == "unverified"
    assert shown["related"] == [{"claim_id": a, "relation": "agrees", "status": "verified"}]


def test_word_diff_marks_replacements_insertions_and_deletions() -> None:
    assert word_diff("we will win this war", "we will surely win this war") == (
        "we will [+surely] win this war"
    )
    assert word_diff("“the bill grows by billions,”", "“the bill grows by millions”") == (
        "… bill grows by [billions → millions]"
    )
    long_a = "one two three four five six seven eight nine ten"
    assert (
        word_diff(long_a, long_a.replace("five", "5"))
        == "… two three four [five → 5] six seven eight …"
    )
    assert word_diff("no change here", "no change, here") == "no change here"
