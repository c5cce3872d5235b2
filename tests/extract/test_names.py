"""People named in a document: full names, surnames, possessives, roles."""

from __future__ import annotations

from claimtrack.extract.names import People


def test_a_surname_after_a_sentence_opener_is_still_the_person() -> None:
    text = (
        "Anna Kessler chairs the committee. But Kessler was outvoted. On Monday Kessler resigned."
    )
    people = People(text)
    assert people.names == ["Anna Kessler"] * 3
    assert people.positions == [0, text.index("Kessler was"), text.index("Kessler resigned")]


def test_a_place_before_a_title_is_not_part_of_the_name() -> None:
    people = People("Kyiv Mayor Vitali Klitschko spoke. Later Klitschko left.")
    assert people.names == ["Vitali Klitschko", "Vitali Klitschko"]
    assert people.by_role("mayor") == "Vitali Klitschko"


def test_possessive_mentions_count_for_pronouns_but_not_as_speakers() -> None:
    text = "Marta Ilescu's People's Front won. Ilescu's rivals conceded."
    people = People(text)
    assert people.full["Ilescu"] == "Marta Ilescu"
    assert people.names == []  # nobody is named as a subject who could speak
    assert people.nearest_before(len(text)) == "Marta Ilescu"


def test_a_surname_inside_a_longer_word_or_an_organisation_is_not_a_mention() -> None:
    text = "Jonas Berg arrived. The Bergstrom Trust and the Berg Foundation paid. Berg-Lund left."
    assert People(text).positions == [0]


def test_a_surname_before_the_full_name_is_not_resolved_backwards() -> None:
    text = "Holm spoke first. Then Marta Holm, the finance minister, answered."
    people = People(text)
    assert people.positions == [text.index("Marta")]
    assert people.by_role("minister") == "Marta Holm"


def test_a_role_goes_to_its_holder_before_the_position_asked_about() -> None:
    text = "Mayor Ann Lee spoke first. Later Mayor Bob Ray, her successor, took questions."
    people = People(text)
    assert people.by_role("mayor", text.index("Later")) == "Ann Lee"
    assert people.by_role("mayor") == "Bob Ray"
    assert people.by_role("mayor", 0) == "Ann Lee"  # nobody before: the first one after
    assert people.by_role("governor") is None
