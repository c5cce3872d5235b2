"""Every conflict the checker must find and every agreement it must leave alone (real DBs)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import Session, select

from claimtrack.check import run_check
from claimtrack.models import ClaimLink, Conflict
from claimtrack.shapes import conflicts_json
from claimtrack.store import list_conflicts
from tests.check.build import Corpus


@pytest.fixture
def corpus(engine) -> Iterator[Corpus]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        yield Corpus(session)
        session.rollback()


def conflicts(corpus: Corpus) -> list[dict]:  # type: ignore[type-arg]
    run_check(corpus.session)
    return conflicts_json(corpus.session, list_conflicts(corpus.session))


def links(corpus: Corpus) -> dict[tuple[int, int], str]:
    rows = corpus.session.exec(select(ClaimLink)).all()
    return {(r.claim_a, r.claim_b): r.relation for r in rows}


def pair(a: int, b: int) -> tuple[int, int]:
    return (min(a, b), max(a, b))


# ---- value conflicts that must be found -------------------------------------------------------


def test_soldier_counts_that_differ_are_one_value_conflict(corpus: Corpus) -> None:
    a = corpus.claim(
        "Zelensky defends victory plan", "count",
        "Zelensky said 10,000 North Korean soldiers had been sent to Russia's Kursk region.",
        "10,000", value=10000, unit="soldiers", subject="North Korean soldiers",
    )  # fmt: skip
    b = corpus.claim(
        "Summit wrap", "count",
        "Seoul's spy agency said 8,000 North Korean soldiers had been sent to the Kursk region.",
        "8,000", value=8000, unit="soldiers", subject="North Korean soldiers",
    )  # fmt: skip
    found = conflicts(corpus)
    assert [(c["kind"], c["claim_ids"]) for c in found] == [("value", sorted([a, b]))]
    line = found[0]["explanation"]
    assert line == (
        'North Korean soldiers: 10,000 in "Zelensky defends victory plan" (5 Mar) '
        'vs 8,000 in "Summit wrap" (5 Mar)'
    )
    assert links(corpus) == {pair(a, b): "conflicts"}


def test_arms_package_425_vs_450_million(corpus: Corpus) -> None:
    corpus.claim(
        "Pentagon briefing", "money",
        "The Pentagon announced a $425 million arms package for Ukraine, including air defence.",
        "$425 million", value=425e6, unit="USD", subject="arms package",
    )  # fmt: skip
    corpus.claim(
        "Aid tracker", "money",
        "Washington unveiled a $450 million arms package for Ukraine with air defence missiles.",
        "$450 million", value=450e6, unit="USD", subject="US arms package",
    )  # fmt: skip
    found = conflicts(corpus)
    assert [c["kind"] for c in found] == ["value"]
    assert "$425 million" in found[0]["explanation"]
    assert "$450 million" in found[0]["explanation"]


def test_member_states_27_vs_26(corpus: Corpus) -> None:
    corpus.claim(
        "EU summit roundup", "count",
        "Leaders of all 27 member states backed the statement on Ukraine at the EU summit.",
        "27", value=27, unit="states", subject="member states",
    )  # fmt: skip
    corpus.claim(
        "Brussels diary", "count",
        "The statement on Ukraine was backed by 26 member states at the EU summit in Brussels.",
        "26", value=26, unit="states", subject="member states",
    )  # fmt: skip
    assert [c["kind"] for c in conflicts(corpus)] == ["value"]


def test_fund_20bn_vs_25bn_euros(corpus: Corpus) -> None:
    corpus.claim(
        "Northgate Wire", "money",
        "The European Union launched a reconstruction fund worth 20 billion euros for Ukraine.",
        "20 billion euros", value=20e9, unit="EUR", subject="reconstruction fund",
    )  # fmt: skip
    corpus.claim(
        "Europulse", "money",
        "The European Union unveiled a €25bn reconstruction fund for Ukraine at the Warsaw summit.",
        "€25bn", value=25e9, unit="EUR", subject="reconstruction fund",
    )  # fmt: skip
    assert [c["kind"] for c in conflicts(corpus)] == ["value"]


# ---- dates and quotes that must be found ------------------------------------------------------


def test_summit_dated_tuesday_march_4_vs_wednesday_march_5(corpus: Corpus) -> None:
    corpus.claim(
        "Harbourline preview", "date",
        "The Ukraine Reconstruction Donors' Summit will be held in Warsaw on Tuesday, March 4.",
        "Tuesday, March 4", date="2025-03-04", subject="Donors' Summit",
    )  # fmt: skip
    corpus.claim(
        "Northgate Wire", "date",
        "The Ukraine Reconstruction Donors' Summit was held in Warsaw on Wednesday, March 5.",
        "Wednesday, March 5", date="2025-03-05", subject="Donors' Summit",
    )  # fmt: skip
    found = conflicts(corpus)
    assert [c["kind"] for c in found] == ["date"]
    assert "Tuesday, March 4" in found[0]["explanation"]
    assert "Wednesday, March 5" in found[0]["explanation"]


QUOTE = "“Every month we wait, the bill for rebuilding Ukraine grows by billions,”"


def test_same_speaker_reworded_quote_shows_the_changed_words(corpus: Corpus) -> None:
    corpus.claim(
        "Northgate Wire", "quote", QUOTE + " Taras Melnyk told the opening session.", QUOTE,
        speaker="Taras Melnyk",
    )  # fmt: skip
    other = "“Every month we wait, the bill for rebuilding Ukraine grows by millions,”"
    corpus.claim(
        "Eastern Markets", "quote", other + " Ukraine's minister Taras Melnyk said.", other,
        speaker="Taras Melnyk",
    )  # fmt: skip
    found = conflicts(corpus)
    assert [c["kind"] for c in found] == ["quote_wording"]
    assert "[billions → millions]" in found[0]["explanation"]
    assert found[0]["explanation"].startswith("Taras Melnyk, worded differently")


def test_same_words_given_to_different_speakers(corpus: Corpus) -> None:
    quote = "“This fund is not charity, it is an investment in Europe's own security,”"
    corpus.claim(
        "Northgate Wire", "quote", quote + " Ilse Verhaegen said.", quote,
        speaker="Ilse Verhaegen",
    )  # fmt: skip
    corpus.claim(
        "Capital Desk", "quote", quote + " said Ursula von der Leyen.", quote,
        speaker="Ursula von der Leyen",
    )  # fmt: skip
    found = conflicts(corpus)
    assert [c["kind"] for c in found] == ["quote_speaker"]
    assert "Ilse Verhaegen" in found[0]["explanation"]
    assert "Ursula von der Leyen" in found[0]["explanation"]


# ---- agreements that must not be flagged ------------------------------------------------------


def test_one_amount_spelled_three_ways_agrees(corpus: Corpus) -> None:
    ids = [
        corpus.claim(
            title,
            "money",
            f"Britain announced a guarantee of {span} for loans to Ukrainian firms.",
            span,
            value=12e9,
            unit="GBP",
            subject="guarantee",
        )
        for title, span in (("A", "£12bn"), ("B", "12 billion pounds"), ("C", "£12 billion"))
    ]
    assert conflicts(corpus) == []
    assert links(corpus) == {
        pair(ids[0], ids[1]): "agrees",
        pair(ids[0], ids[2]): "agrees",
        pair(ids[1], ids[2]): "agrees",
    }


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("1.5 years", 1.5, "year", "exact"), ("18 months", 18, "month", "exact")),
        (
            ("more than 18 months", 18, "month", "at_least"),
            ("a year and a half", 1.5, "year", "exact"),
        ),
    ],
)
def test_equal_durations_in_other_units_agree(corpus: Corpus, first: tuple, second: tuple) -> None:  # type: ignore[type-arg]
    made = []
    for title, (span, value, unit, qualifier) in (("A", first), ("B", second)):
        made.append(
            corpus.claim(
                title,
                "duration",
                f"Preparations for the reconstruction fund took {span}, officials said.",
                span,
                value=value,
                unit=unit,
                qualifier=qualifier,
                subject="preparations for the fund",
            )
        )
    assert conflicts(corpus) == []
    assert links(corpus) == {pair(*made): "agrees"}


def test_approximate_figure_agrees_with_its_exact_value(corpus: Corpus) -> None:
    a = corpus.claim(
        "A", "count", "The donors' summit drew about 3,000 delegates to the National Stadium.",
        "about 3,000", value=3000, unit="delegates", qualifier="approx", subject="delegates",
    )  # fmt: skip
    b = corpus.claim(
        "B", "count", "Some 3,200 delegates came to the donors' summit at the National Stadium.",
        "3,200", value=3200, unit="delegates", qualifier="exact", subject="delegates",
    )  # fmt: skip
    assert conflicts(corpus) == []
    assert links(corpus) == {pair(a, b): "agrees"}


def test_rounded_figure_agrees(corpus: Corpus) -> None:
    a = corpus.claim(
        "A", "money", "Donors pledged a further $7bn to repair Ukraine's power grid.",
        "$7bn", value=7e9, unit="USD", subject="power grid repair",
    )  # fmt: skip
    b = corpus.claim(
        "B", "money", "Donors committed $7.1 billion to repairing Ukraine's battered power grid.",
        "$7.1 billion", value=7.1e9, unit="USD", subject="power grid",
    )  # fmt: skip
    assert conflicts(corpus) == []
    assert links(corpus) == {pair(a, b): "agrees"}


def test_rounding_does_not_excuse_a_real_difference(corpus: Corpus) -> None:
    corpus.claim(
        "A", "money", "Donors pledged a further $7bn to repair Ukraine's power grid.",
        "$7bn", value=7e9, unit="USD", subject="power grid repair",
    )  # fmt: skip
    corpus.claim(
        "B", "money", "Donors committed $7.6 billion to repairing Ukraine's battered power grid.",
        "$7.6 billion", value=7.6e9, unit="USD", subject="power grid",
    )  # fmt: skip
    assert [c["kind"] for c in conflicts(corpus)] == ["value"]


def test_fund_and_defence_budget_share_only_a_unit(corpus: Corpus) -> None:
    corpus.claim(
        "A", "money", "Kyiv wants a $20bn reconstruction fund to rebuild housing and bridges.",
        "$20bn", value=20e9, unit="USD", subject="reconstruction fund",
    )  # fmt: skip
    corpus.claim(
        "B", "money", "Ukraine's defence budget of $17bn for next year was approved by parliament.",
        "$17bn", value=17e9, unit="USD", subject="defence budget",
    )  # fmt: skip
    assert conflicts(corpus) == []
    assert links(corpus) == {}


def test_arms_package_and_loan_are_different_things(corpus: Corpus) -> None:
    corpus.claim(
        "A", "money", "The Pentagon announced a $425m arms package for Ukraine on Thursday.",
        "$425m", value=425e6, unit="USD", subject="arms package",
    )  # fmt: skip
    corpus.claim(
        "B", "money", "G7 countries agreed a $38bn loan for Ukraine backed by Russian assets.",
        "$38bn", value=38e9, unit="USD", subject="loan",
    )  # fmt: skip
    assert conflicts(corpus) == []


def test_eu_leaders_and_nato_members_are_different_counts(corpus: Corpus) -> None:
    corpus.claim(
        "A", "count", "All 27 EU leaders endorsed the plan for Ukraine at the Brussels summit.",
        "27", value=27, unit="leaders", subject="EU leaders",
    )  # fmt: skip
    corpus.claim(
        "B", "count", "NATO's 32 members endorsed the plan for Ukraine at the Brussels summit.",
        "32", value=32, unit="members", subject="NATO members",
    )  # fmt: skip
    assert conflicts(corpus) == []


def test_member_states_of_different_bodies_are_not_compared(corpus: Corpus) -> None:
    corpus.claim(
        "A", "count", "The EU's 27 member states endorsed the plan for Ukraine on Thursday.",
        "27", value=27, unit="states", subject="member states",
    )  # fmt: skip
    corpus.claim(
        "B", "count", "NATO's 32 member states endorsed the plan for Ukraine on Thursday.",
        "32", value=32, unit="states", subject="member states",
    )  # fmt: skip
    assert conflicts(corpus) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("In 2023, Ukraine's army had 10,000 drones in service.", None),
         ("Ukraine's army now has 12,000 drones in service.", None)),
        (("Ukraine's army had 10,000 drones in service.", "2023"),
         ("Ukraine's army has 12,000 drones in service.", "2024")),
    ],
)  # fmt: skip
def test_figures_for_different_times_are_not_conflicts(
    corpus: Corpus, first: tuple[str, str | None], second: tuple[str, str | None]
) -> None:
    for title, (sentence, date) in (("A", first), ("B", second)):
        span = "10,000" if "10,000" in sentence else "12,000"
        corpus.claim(
            title, "count", sentence, span, value=float(span.replace(",", "")), unit="drones",
            subject="drones", date=date,
        )  # fmt: skip
    assert conflicts(corpus) == []


def test_two_figures_in_one_document_are_never_a_conflict(corpus: Corpus) -> None:
    for span in ("10,000", "8,000"):
        corpus.claim(
            "Same article", "count", f"Officials said {span} North Korean soldiers were in Kursk.",
            span, value=float(span.replace(",", "")), unit="soldiers",
            subject="North Korean soldiers",
        )  # fmt: skip
    assert conflicts(corpus) == []
    assert links(corpus) == {}


def test_summit_opening_and_closing_dates_are_different_events(corpus: Corpus) -> None:
    corpus.claim(
        "A", "date", "The Ukraine donors' summit in Warsaw opened on Wednesday, March 5.",
        "Wednesday, March 5", date="2025-03-05", subject="donors' summit",
    )  # fmt: skip
    corpus.claim(
        "B", "date", "The Ukraine donors' summit in Warsaw closed on Thursday, March 6.",
        "Thursday, March 6", date="2025-03-06", subject="donors' summit",
    )  # fmt: skip
    assert conflicts(corpus) == []


def test_a_shortened_quote_agrees_with_the_whole(corpus: Corpus) -> None:
    whole = "“This fund is not charity, it is an investment in Europe's own security,”"
    part = "“an investment in Europe's own security”"
    cut = "“This fund is not charity … an investment in Europe's own security”"
    ids = [
        corpus.claim(title, "quote", f"{q} Ilse Verhaegen said.", q, speaker="Ilse Verhaegen")
        for title, q in (("A", whole), ("B", part), ("C", cut))
    ]
    assert conflicts(corpus) == []
    assert links(corpus)[pair(ids[0], ids[1])] == "agrees"
    assert links(corpus)[pair(ids[0], ids[2])] == "agrees"


def test_spelling_and_punctuation_are_not_rewording(corpus: Corpus) -> None:
    a = "“We will defend every metre of our land, and we will organise the defence together.”"
    b = "“We will defend every metre of our land and we will organize the defense together”"
    corpus.claim("A", "quote", f"{a} Zelensky said.", a, speaker="Volodymyr Zelensky")
    corpus.claim("B", "quote", f"{b} said Zelensky.", b, speaker="Zelensky")
    assert conflicts(corpus) == []


def test_unnamed_speaker_is_not_a_different_speaker(corpus: Corpus) -> None:
    quote = "“We have heard big numbers at every one of these conferences,”"
    corpus.claim("A", "quote", f"{quote} said one European diplomat.", quote,
                 speaker="one european diplomat")  # fmt: skip
    corpus.claim("B", "quote", f"{quote} said Ilse Verhaegen.", quote, speaker="Ilse Verhaegen")
    assert conflicts(corpus) == []


def test_different_quotes_by_one_speaker_are_not_rewordings(corpus: Corpus) -> None:
    a = "“Every month we wait, the bill for rebuilding Ukraine grows by billions,”"
    b = "“Our priority is housing for the people who lost their homes to the war,”"
    corpus.claim("A", "quote", f"{a} Melnyk said.", a, speaker="Taras Melnyk")
    corpus.claim("B", "quote", f"{b} Melnyk said.", b, speaker="Taras Melnyk")
    assert conflicts(corpus) == []


# ---- the similarity threshold, from both sides ------------------------------------------------


def test_same_subject_in_unrelated_sentences_is_not_the_same_thing(corpus: Corpus) -> None:
    corpus.claim(
        "A", "money", "The World Bank said its board approved a $2.4 billion loan for pensions.",
        "$2.4 billion", value=2.4e9, unit="USD", subject="loan",
    )  # fmt: skip
    corpus.claim(
        "B", "money", "Kenya's government took a $2 billion loan to finish a railway to Uganda.",
        "$2 billion", value=2e9, unit="USD", subject="loan",
    )  # fmt: skip
    assert conflicts(corpus) == []
    assert links(corpus) == {}


def test_same_subject_in_related_sentences_is_the_same_thing(corpus: Corpus) -> None:
    corpus.claim(
        "A", "money", "The World Bank said its board approved a $2.4 billion loan for pensions.",
        "$2.4 billion", value=2.4e9, unit="USD", subject="loan",
    )  # fmt: skip
    corpus.claim(
        "B", "money", "The World Bank board approved a $2 billion loan to pay Ukraine's pensions.",
        "$2 billion", value=2e9, unit="USD", subject="loan",
    )  # fmt: skip
    assert [c["kind"] for c in conflicts(corpus)] == ["value"]


def test_conflict_rows_have_stable_keys(corpus: Corpus) -> None:
    test_soldier_counts_that_differ_are_one_value_conflict(corpus)
    keys = [c.key for c in corpus.session.exec(select(Conflict)).all()]
    assert len(keys) == 1 and keys[0].startswith("value:")


def test_an_open_ended_figure_does_not_agree_with_a_far_smaller_one(corpus: Corpus) -> None:
    corpus.claim(
        "A", "money", "The EU agreed to lend Ukraine up to €35 billion backed by Russian assets.",
        "up to €35 billion", value=35e9, unit="EUR", qualifier="at_most", subject="loan",
    )  # fmt: skip
    corpus.claim(
        "B", "money", "The EU agreed to lend Ukraine €500 million for energy repairs this winter.",
        "€500 million", value=500e6, unit="EUR", subject="loan",
    )  # fmt: skip
    assert conflicts(corpus) == []
    assert links(corpus) == {}


def test_the_verb_before_a_date_decides_which_event_it_dates(corpus: Corpus) -> None:
    both = (
        "The Ukraine donors' summit, which opened in Warsaw on Wednesday, closed on Thursday "
        "with the launch of the fund."
    )
    opened = corpus.claim("A", "date", both, "Wednesday", date="2025-03-05",
                          subject="summit Warsaw opened")  # fmt: skip
    closed = corpus.claim("A", "date", both, "Thursday", date="2025-03-06",
                          subject="summit Warsaw closed")  # fmt: skip
    other = corpus.claim(
        "B", "date", "The Ukraine donors' summit opened in Warsaw on Wednesday, March 5.",
        "Wednesday, March 5", date="2025-03-05", subject="summit Warsaw opened",
    )  # fmt: skip
    assert conflicts(corpus) == []
    assert links(corpus) == {pair(opened, other): "agrees"}
    assert pair(closed, other) not in links(corpus)


@pytest.mark.parametrize(
    ("span", "unit"),
    [("2.5 percentage points", "%"), ("2.5 points", "%"), ("2.5pp", "%"), ("2.5 pp", "pp")],
)
def test_percentage_points_are_not_percent(corpus: Corpus, span: str, unit: str) -> None:
    """The contract gives percentage points the unit %: the span says which they are."""
    points = corpus.claim(
        "A", "percent", f"Helvion's operating margin rose by {span} last quarter.",
        span, value=2.5, unit=unit, subject="operating margin",
    )  # fmt: skip
    corpus.claim(
        "B", "percent", "Helvion's operating margin rose by 4% last quarter, the company said.",
        "4%", value=4.0, unit="%", subject="operating margin",
    )  # fmt: skip
    other_points = corpus.claim(
        "C", "percent", "Helvion's operating margin rose by 3.5 percentage points last quarter.",
        "3.5 percentage points", value=3.5, unit="%", subject="operating margin",
    )  # fmt: skip
    found = conflicts(corpus)
    # Points are compared with points only: 2.5 against 3.5, never against the 4 %.
    assert [(c["kind"], c["claim_ids"]) for c in found] == [
        ("value", sorted([points, other_points]))
    ]
    assert links(corpus) == {pair(points, other_points): "conflicts"}


def test_the_same_weekday_in_articles_of_different_days_is_not_a_misdating(corpus: Corpus) -> None:
    corpus.doc("Monday report", published="2026-11-16")
    corpus.doc("Next week preview", published="2026-11-20")
    corpus.claim(
        "Monday report", "date", "Ceasefire talks in Geneva resumed on Monday after a pause.",
        "Monday", date="2026-11-16", subject="ceasefire talks Geneva",
    )  # fmt: skip
    corpus.claim(
        "Next week preview", "date", "Ceasefire talks in Geneva will resume on Monday, they said.",
        "Monday", date="2026-11-23", subject="ceasefire talks Geneva",
    )  # fmt: skip
    assert conflicts(corpus) == []


def test_a_described_speaker_is_not_a_different_speaker(corpus: Corpus) -> None:
    quote = "“Russia will resort to diplomacy only when it has lost on the battlefield,”"
    corpus.claim("A", "quote", f"{quote} Ukraine's president said.", quote,
                 speaker="Ukraine's president")  # fmt: skip
    corpus.claim("B", "quote", f"{quote} Volodymyr Zelensky said.", quote,
                 speaker="Volodymyr Zelensky")  # fmt: skip
    corpus.claim("C", "quote", f"{quote} said Ursula von der Leyen.", quote,
                 speaker="Ursula von der Leyen")  # fmt: skip
    found = conflicts(corpus)
    assert [c["kind"] for c in found] == ["quote_speaker"]
    assert "Volodymyr Zelensky" in found[0]["explanation"]
    assert "Ursula von der Leyen" in found[0]["explanation"]
    # The description agrees with the name: linked as such, never as a conflict of its own.
    relations = set(links(corpus).values())
    assert relations == {"agrees", "conflicts"}


@pytest.mark.parametrize(
    ("first", "second", "kinds"),
    [
        (("33%", 33.0), ("33.3%", 33.3), []),  # a rounding of the same share
        (("25%", 25.0), ("26%", 26.0), ["value"]),  # one point apart: a real difference
    ],
)
def test_percent_rounded_to_the_unit(
    corpus: Corpus, first: tuple[str, float], second: tuple[str, float], kinds: list[str]
) -> None:
    for title, (span, value) in (("A", first), ("B", second)):
        corpus.claim(
            title, "percent", f"About {span} of Hungary's crude imports arrive through the line.",
            span, value=value, unit="%", subject="Hungary's crude imports",
        )  # fmt: skip
    assert [c["kind"] for c in conflicts(corpus)] == kinds
