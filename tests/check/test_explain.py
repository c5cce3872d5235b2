"""Explanations a person reads at a glance: the most specific subject the group bears out, the
figures without the noun the subject already names, the documents with their dates, at most
three figures on one line."""

from __future__ import annotations

import datetime as dt

from claimtrack.check.explain import explain_values, shown_value, subject_label, where
from claimtrack.check.rows import Row

MARCH_4 = dt.date(2026, 3, 4)


def row(
    n: int,
    doc: int,
    sentence: str,
    span: str,
    value: float,
    subject: str | None,
    title: str | None = "Report",
    published: dt.date | None = MARCH_4,
) -> Row:
    return Row(n, doc, "count", sentence, span, value, None, "ferries", "exact", None, subject,
               None, None, title, published)  # fmt: skip


FERRIES = [
    row(1, 1, "Ostra Lines runs 14 diesel ferries between the islands.", "14 diesel ferries", 14,
        "diesel ferries", "Island ferry fleet ages"),
    row(2, 2, "The company's 12 diesel ferries are due for replacement.", "12 diesel ferries",
        12, "ferries", "Ferry tender opens", dt.date(2026, 3, 5)),
    row(3, 3, "Ostra Lines has 14 diesel ferries in service.", "14", 14, "ferries", None, None),
]  # fmt: skip


def test_the_most_specific_subject_the_sentences_bear_out_is_the_label() -> None:
    assert subject_label(FERRIES) == "diesel ferries"


def test_figures_drop_the_noun_the_label_names() -> None:
    assert shown_value(FERRIES[0], "diesel ferries") == "14"
    assert shown_value(FERRIES[0], "ships") == "14 diesel ferries"


def test_one_line_with_documents_and_their_dates() -> None:
    line = explain_values(FERRIES)
    assert line == (
        'diesel ferries: 14 in "Island ferry fleet ages" (4 Mar), document 3 '
        'vs 12 in "Ferry tender opens" (5 Mar)'
    )


def test_an_undated_document_is_named_without_a_date() -> None:
    assert where(FERRIES[2]) == "document 3"
    assert where(FERRIES[0]) == '"Island ferry fleet ages" (4 Mar)'


def test_at_most_three_figures_on_one_line() -> None:
    rows = [
        row(n, n, f"Ostra Lines runs {v} diesel ferries between the islands.",
            f"{v} diesel ferries", v, "diesel ferries", f"Report {n}")
        for n, v in enumerate([10, 12, 14, 16, 18], start=1)
    ]  # fmt: skip
    line = explain_values(rows)
    assert line.endswith("and 2 other figures")
    assert line.count(" vs ") == 2 and "\n" not in line
