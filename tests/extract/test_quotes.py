"""Direct quotations and their speakers."""

from __future__ import annotations

from .helpers import claims_of, one

INTRO = "President Volodymyr Zelensky arrived in Brussels. "


def test_straight_quotes_x_said_gives_full_name() -> None:
    c = one(INTRO + '"Ukraine is ready for real diplomacy, but we must be strong," Zelensky said.',
            "quote")  # fmt: skip
    assert c.span == '"Ukraine is ready for real diplomacy, but we must be strong,"'
    assert c.speaker == "Volodymyr Zelensky"
    assert c.sentence.endswith("Zelensky said.")


def test_curly_quotes_said_x_with_title() -> None:
    c = one("“We want this plan to succeed,” said British Defence Secretary John Healey.", "quote")
    assert c.speaker == "John Healey"


def test_x_told_reporters() -> None:
    c = one(INTRO + "“We will never trade land for peace with Moscow,” Zelensky told reporters.",
            "quote")  # fmt: skip
    assert c.speaker == "Volodymyr Zelensky"


def test_x_added_and_a_quote_that_continues_the_previous_speaker() -> None:
    text = (
        "Alliance chief Mark Rutte met ministers. “Russia will resort to diplomacy only when "
        "it must,” Rutte added. “This is the plan. This is exactly what is needed.”"
    )
    first, second = claims_of(text, "quote")
    assert first.speaker == second.speaker == "Mark Rutte"


def test_according_to() -> None:
    c = one('According to Jens Stoltenberg, "the alliance will stand with Ukraine as long as '
            'needed."', "quote")  # fmt: skip
    assert c.speaker == "Jens Stoltenberg"


def test_colon_introduction_with_apposition() -> None:
    c = one(
        "Washington's ambassador to NATO, Julianne Smith, was blunter, saying: “We are not at "
        "the point right now where the alliance is talking about an invitation.”",
        "quote",
    )
    assert c.speaker == "Julianne Smith"


def test_pronoun_goes_to_the_nearest_named_person() -> None:
    text = (
        "European Council president Charles Michel said the plan was clear. “We are serious in "
        "our intent to reinforce Ukraine,” he said."
    )
    assert one(text, "quote").speaker == "Charles Michel"


def test_institution_as_speaker() -> None:
    c = one("The Kremlin repeated its warning that the plan was an attempt to “directly involve "
            "NATO in the conflict.”", "quote")  # fmt: skip
    assert c.speaker == "The Kremlin"


def test_unnamed_speaker_as_written() -> None:
    c = one("“We are tracking the possible deployment of troops,” one NATO official said.",
            "quote")  # fmt: skip
    assert c.speaker == "one NATO official"


def test_scare_quotes_are_not_claims() -> None:
    text = (
        'He defended his "victory plan" and his “whole plan” while NATO spoke of an '
        "'irreversible path' and a “strong signal.”"
    )
    assert claims_of(text, "quote") == []


def test_quoted_heading_is_not_a_claim() -> None:
    assert (
        claims_of("Intro line.\n‘Reinforcing Ukraine is reinforcing ourselves’\nBody.", "quote")
        == []
    )


def test_apostrophes_do_not_open_or_close_quotes() -> None:
    c = one(
        "Rutte said: ‘Ukraine’s place is in NATO, and the allies’ support won’t stop.’", "quote"
    )
    assert c.span.startswith("‘Ukraine’s") and c.span.endswith("stop.’")


def test_speaker_with_a_relative_clause_before_the_verb() -> None:
    text = '"We need more air defence systems," Kuleba, who spoke in Kyiv, said on Monday.'
    assert one(text, "quote").speaker == "Kuleba"


def test_institution_with_lower_case_words() -> None:
    text = (
        '"We will not accept any deal that rewards aggression against our people," '
        "the Ukrainian foreign ministry said in a statement."
    )
    assert one(text, "quote").speaker == "the Ukrainian foreign ministry"


def test_a_quote_paragraph_of_its_own_is_a_claim() -> None:
    text = (
        "President Volodymyr Zelensky spoke first.\n"
        "“We will not trade our land for a pause that only helps Russia rearm.”\n"
    )
    c = one(text, "quote")
    assert c.speaker == "Volodymyr Zelensky"


def test_title_with_of_is_stripped_from_the_name() -> None:
    text = (
        "Secretary of State Antony Blinken arrived in Cairo.\n"
        '"We are working around the clock to reach a ceasefire," Blinken told reporters.'
    )
    assert one(text, "quote").speaker == "Antony Blinken"


def test_honorific_with_full_stop_and_job_title_are_dropped_from_speaker() -> None:
    dr = one('"The reservoir filled twice as fast as forecast," Dr. Ilse Varga said.', "quote")
    assert dr.speaker == "Ilse Varga"
    cllr = one('"Our depot has run short of salt," Councillor Omar Haddad said.', "quote")
    assert cllr.speaker == "Omar Haddad"


def test_role_noun_speaker_resolves_to_the_person_introduced_with_that_role() -> None:
    text = (
        "Mayor Linnea Strand opened the new bridge on Monday. "
        '"Nobody will have to drive around the lake again," the mayor told reporters.'
    )
    assert one(text, "quote").speaker == "Linnea Strand"


def test_role_noun_speaker_with_nobody_introduced_keeps_the_role() -> None:
    text = '"Nobody will have to drive around the lake again," the mayor told reporters.'
    assert one(text, "quote").speaker == "the mayor"


def test_pronoun_speaker_skips_place_names_after_the_person() -> None:
    text = (
        "Tomas Eriksen has guided boats on the Orla River for years. "
        '"I have never seen the water this high," he said.'
    )
    assert one(text, "quote").speaker == "Tomas Eriksen"


def test_short_full_sentence_after_an_attributed_quote_continues_the_speaker() -> None:
    text = (
        '"The harvest came in three weeks early," said farmer Greta Holm. "Nobody expected that."'
    )
    quotes = claims_of(text, "quote")
    assert [(q.span, q.speaker) for q in quotes][1] == ('"Nobody expected that."', "Greta Holm")


def test_according_to_a_statement_from_an_organisation_after_the_quote() -> None:
    text = (
        'Marcus Bell criticised the bill. The business lobby was warmer. "After two years of '
        'delay, the state finally has a plan that contractors can bid on," according to a '
        "statement from the Lakeport Chamber of Commerce."
    )
    assert one(text, "quote").speaker == "the Lakeport Chamber of Commerce"


def test_according_to_a_statement_before_the_quote() -> None:
    text = (
        "According to a statement from the Harbour Authority, “all berths will reopen once "
        "the cranes have been inspected by engineers.”"
    )
    assert one(text, "quote").speaker == "the Harbour Authority"


def test_a_spokesperson_for_an_organisation_speaks_for_it() -> None:
    # Decided: the organisation is the speaker, so the checker meets "the ministry said" and
    # "a spokesperson for the ministry said" as one speaker.
    text = (
        '"We will not comment on a deal that has not been signed yet," a spokesperson for '
        "Aldervane said."
    )
    assert one(text, "quote").speaker == "Aldervane"
    text = (
        "A spokeswoman for the Interior Ministry said: “The border crossings will remain open "
        "throughout the holiday weekend.”"
    )
    assert one(text, "quote").speaker == "the Interior Ministry"


def test_a_named_spokesperson_is_the_speaker() -> None:
    text = (
        '"The talks were constructive and will continue next week in Geneva," said Anna Lee, '
        "a spokesperson for the ministry."
    )
    assert one(text, "quote").speaker == "Anna Lee"


def test_multi_paragraph_quote_is_one_claim_per_paragraph_with_one_speaker() -> None:
    text = (
        'In a floor speech on Monday, Senator Raymond Okafor put it more sharply: "We did not '
        "walk out to stop the roads. We walked out because nobody could tell us where it went."
        '\n\n"Now the governor says there will be a list. Good. We will read every line of it."'
        "\n\nThe vote is due on Friday."
    )
    first, second = claims_of(text, "quote")
    assert first.span.startswith('"We did not') and first.span.endswith("where it went.")
    assert second.span.startswith('"Now the governor')
    assert first.speaker == second.speaker == "Raymond Okafor"


def test_multi_paragraph_quote_attributed_only_in_its_last_paragraph() -> None:
    text = (
        "The minister defended the budget at length.\n\n"
        '"We have cut waste in every department and we have protected the hospitals.'
        '\n\n"Nobody should doubt that the money is there," Finance Minister Petra Novak said.'
    )
    first, second = claims_of(text, "quote")
    assert first.speaker == second.speaker == "Petra Novak"


def test_apposition_between_name_and_verb_after_the_quote() -> None:
    text = (
        '"We have never seen water move like this," Iker Olabarria, the head of the '
        "provincial fire service of Valmora, said."
    )
    assert one(text, "quote").speaker == "Iker Olabarria"


def test_apposition_before_the_quote_with_a_capitalised_organisation() -> None:
    text = (
        "Maria Lopez, the chief executive of Harbour Freight Lines, said: “We will move every "
        "container that is waiting within a fortnight.”"
    )
    assert one(text, "quote").speaker == "Maria Lopez"


def test_a_new_speaker_between_two_quotes_takes_over() -> None:
    text = (
        '"I have waited two years for this move," Dario Venn said.\n\n'
        "The club's manager, Elsa Marrow, said the striker would not be rushed. \"He has not "
        'played a full match since January. We will build from there."'
    )
    first, second = claims_of(text, "quote")
    assert (first.speaker, second.speaker) == ("Dario Venn", "Elsa Marrow")


def test_a_short_sentence_after_a_colon_is_a_quote() -> None:
    c = one('Its governor, Andrew Bailey, said: "We are not there yet."', "quote")
    assert c.speaker == "Andrew Bailey"


def test_a_job_title_is_not_part_of_the_speaker_name() -> None:
    text = 'Manager Tom Hale signed a new deal. "It has been a long road," Hale said.'
    assert one(text, "quote").speaker == "Tom Hale"


def test_apposition_with_a_company_name_before_a_colon() -> None:
    text = (
        "Jane Doe, chief executive of Acme Corp, said: “We are confident the deal will close "
        "by the end of the year.”"
    )
    assert one(text, "quote").speaker == "Jane Doe"


def test_an_institution_named_by_its_owner_speaks() -> None:
    text = (
        "Prime Minister Keir Starmer met Macron. “We are confident the deal will close by the "
        "end of the year,” Starmer's office said."
    )
    assert one(text, "quote").speaker == "Starmer's office"
    text = "Ukraine's foreign ministry said: “We are confident the deal will close this year.”"
    assert one(text, "quote").speaker == "Ukraine's foreign ministry"


def test_a_possessive_first_mention_gives_the_full_name() -> None:
    text = (
        "Hanna Berglund's Liberal Alliance won 31 seats on Sunday. “We have earned the right to "
        "lead this country now,” Berglund told supporters."
    )
    assert one(text, "quote").speaker == "Hanna Berglund"


def test_a_party_name_is_not_a_speaker_and_the_pronoun_finds_the_leader() -> None:
    text = (
        "Premier Oskar Lindahl's Democratic Renewal lost nine seats. At his last rally on Friday "
        "he told the crowd: “This country has never been stronger than it is today.”"
    )
    assert one(text, "quote").speaker == "Oskar Lindahl"
    text = (
        "Teodora Vance's Green Party came third. Later she told the crowd: “We will not sit in "
        "a government that builds new coal plants.”"
    )
    assert one(text, "quote").speaker == "Teodora Vance"


def test_a_plain_mention_beats_a_nearer_possessive_for_a_pronoun() -> None:
    text = (
        "Mayor Ruth Adler praised Governor Paul Brandt's budget. “It is the first budget in a "
        "decade that builds anything in this city,” she said."
    )
    assert one(text, "quote").speaker == "Ruth Adler"


def test_honorific_and_surname_become_the_full_name() -> None:
    intro = "Finance Minister Olav Prent presented the budget on Monday. "
    for honorific in ("Mr", "Mr.", "Dr", "Ms", "Mrs"):
        text = intro + f'"There is no money left for tax cuts this year," {honorific} Prent said.'
        assert one(text, "quote").speaker == "Olav Prent", honorific


def test_a_role_given_in_apposition_resolves_the_role_noun() -> None:
    text = (
        "Eva Lund, the health minister, visited the ward on Monday. “We will hire five hundred "
        "more nurses by the summer,” the minister told reporters."
    )
    assert one(text, "quote").speaker == "Eva Lund"
    text = (
        "The country's prime minister, Lars Vinter, met the unions. “Nobody wins a strike that "
        "lasts all winter,” the prime minister said."
    )
    assert one(text, "quote").speaker == "Lars Vinter"


def test_colon_quote_speaker_named_in_the_same_sentence_with_a_party() -> None:
    text = (
        "Opposition leader Piotr Malek, whose Civic Union came second, said: “This result is a "
        "warning to every party in parliament.”"
    )
    assert one(text, "quote").speaker == "Piotr Malek"


def test_british_single_quotes() -> None:
    text = "The chancellor, Rachel Hume, said: 'We will not borrow to fund day-to-day spending.'"
    c = one(text, "quote")
    assert (c.span[0], c.span[-1], c.speaker) == ("'", "'", "Rachel Hume")
    text = "'The figures speak for themselves and the trend is clear,' said Tom Barrow, an MP."
    assert one(text, "quote").speaker == "Tom Barrow"


def test_a_quote_split_by_she_said() -> None:
    text = (
        "Ines Costa, the mayor, was defiant. “We are not going to give up,” she said, “because "
        "the town needs this factory more than ever.”"
    )
    first, second = claims_of(text, "quote")
    assert first.span.endswith("up,”") and second.span.startswith("“because")
    assert first.speaker == second.speaker == "Ines Costa"


def test_told_reuters_and_said_x_with_a_job() -> None:
    text = (
        "“The price cap will be lifted before the summer,” Energy Minister Karl Weiss told Reuters."
    )
    assert one(text, "quote").speaker == "Karl Weiss"
    text = (
        "“Demand has never been this strong in our history,” said Mina Sato, the company's "
        "chief executive."
    )
    assert one(text, "quote").speaker == "Mina Sato"


def test_nested_single_quotes_inside_double_quotes_are_one_claim() -> None:
    text = "“When he told me ‘the money is gone’, I did not believe him at first,” said Clara Moss."
    c = one(text, "quote")
    assert c.span.startswith("“When") and c.span.endswith("first,”")
    assert c.speaker == "Clara Moss"


def test_a_continuing_paragraph_keeps_the_speaker() -> None:
    text = (
        "“The harbour will be closed for at least three more days,” harbour master Jonas Pike "
        "said.\n\n“We cannot risk another ship running aground in this weather.”"
    )
    assert [c.speaker for c in claims_of(text, "quote")] == ["Jonas Pike", "Jonas Pike"]


def test_pronoun_skips_an_organisation_after_the_person() -> None:
    text = (
        'Sofia Renn joined Northwind Energy in 2019. "We have doubled output since I arrived '
        'here," she said.'
    )
    assert one(text, "quote").speaker == "Sofia Renn"


def test_unnamed_groups_speak_as_written() -> None:
    text = "“The situation is under control and no one is in danger,” officials said."
    assert one(text, "quote").speaker == "officials"
    text = "Police said on Monday: “Two men have been arrested and will appear in court.”"
    assert one(text, "quote").speaker == "Police"
    text = "“The ceasefire will not hold beyond the weekend,” Western diplomats told Reuters."
    assert one(text, "quote").speaker == "Western diplomats"


def test_scare_quotes_of_a_few_words_in_the_writers_sentence() -> None:
    text = "The minister called the audit a “political stunt” and its authors “amateurs”."
    assert claims_of(text, "quote") == []


def test_the_minister_after_a_minister_for_portfolio_apposition() -> None:
    text = (
        "The Minister for Fisheries, Ada Konig, met the trawler crews. 'Nobody wants the quota "
        "cut again next year,' the minister said."
    )
    assert one(text, "quote").speaker == "Ada Konig"


def test_the_short_second_half_of_a_split_quote() -> None:
    text = '"The bridge is safe," Okafor said, "and it will reopen."'
    first, second = claims_of(text, "quote")
    assert (first.speaker, second.speaker) == ("Okafor", "Okafor")
    assert second.span == '"and it will reopen."'


def test_a_long_apposition_between_the_quote_and_the_verb() -> None:
    text = (
        "Canada pledged C$4 billion and Norway NOK 9 billion.\n\n"
        '"We came here to build something that lasts, and we have done it," Lintz\'s mayor '
        "Petra Anselm, who chaired the closing session of the summit (LTS4), told delegates."
    )
    assert one(text, "quote").speaker == "Petra Anselm"


def test_an_acronym_or_a_club_is_not_a_person_a_pronoun_can_point_to() -> None:
    text = (
        "Striker Tom Aldo joined from Dunmere Town in 2025. The fee paid to Dunmere Town is "
        'still talked about. On the fee he is blunt: "Nobody here cares what I cost."'
    )
    assert one(text, "quote").speaker == "Tom Aldo"


def test_an_institution_of_a_country_speaks_as_written() -> None:
    text = (
        "The interior ministry of Valdonia said in a statement: “The border will stay open "
        "for everyone who holds a valid permit.”"
    )
    assert one(text, "quote").speaker == "The interior ministry of Valdonia"


def test_an_honorific_with_a_full_stop_after_a_party_word() -> None:
    text = (
        'Conservative Sen. Ruth Okafor of Maine called the bill "a gift to the biggest '
        'polluters in the state." But she said: "I will read it again."'
    )
    assert [c.speaker for c in claims_of(text, "quote")] == ["Ruth Okafor", "Ruth Okafor"]


def test_one_source_is_not_a_person() -> None:
    text = 'One Treasury source said the rules "give her far more headroom than people think".'
    assert one(text, "quote").speaker == "one Treasury source"


def test_a_bare_surname_that_speaks_between_two_quotes_takes_over() -> None:
    text = (
        '"We will win this case on the facts," Brandt said. Ferreira disagreed. '
        '"There is no case to answer at all."'
    )
    assert [c.speaker for c in claims_of(text, "quote")] == ["Brandt", "Ferreira"]
    text = '"We will win this case on the facts," Brandt said. It rained. "We are ready."'
    assert [c.speaker for c in claims_of(text, "quote")] == ["Brandt", "Brandt"]


def test_an_attribution_in_the_next_sentence_is_not_the_quotes() -> None:
    text = (
        'Dunmore council said in a statement that it had "cooperated fully with the police '
        'throughout". The current leader, Cllr Ines Wade, said lessons had been learned.'
    )
    assert one(text, "quote").speaker == "Dunmore council"
    text = (
        '"Every procedure that allowed this has now been changed." The current leader, '
        "Cllr Ines Wade, said so on Monday."
    )
    assert one(text, "quote").speaker != "Ines Wade"


def test_cllr_without_a_full_stop_is_a_title() -> None:
    text = '"We have changed every rule that let this happen," said Cllr Ines Wade.'
    assert one(text, "quote").speaker == "Ines Wade"


def test_companies_and_bodies_by_their_own_names_speak_as_written() -> None:
    text = (
        "In a statement, Northwind Energy said: “Safety comes first and the plant stays shut "
        "until the review is complete.”"
    )
    assert one(text, "quote").speaker == "Northwind Energy"
    text = '"Our results show that the new strategy is working," Veltra AG said on Tuesday.'
    assert one(text, "quote").speaker == "Veltra AG"
    text = '"Rates will stay where they are for the time being," the Bank of Lintz said.'
    assert one(text, "quote").speaker == "the Bank of Lintz"


def test_said_opening_the_sentence_is_not_part_of_the_name() -> None:
    text = "Said Tomas Varga: “I have never seen a storm like this in forty years at sea.”"
    assert one(text, "quote").speaker == "Tomas Varga"


def test_a_knight_keeps_his_title() -> None:
    text = "Sir Edwin Holt chairs the trust. “We will not sell the land,” Holt said."
    assert one(text, "quote").speaker == "Sir Edwin Holt"


def test_a_companys_spokesperson_speaks_for_the_company() -> None:
    text = "A Brennick spokesman said: “The plant will stay open.”"
    assert one(text, "quote").speaker == "Brennick"


def test_the_bank_is_the_bank_the_story_named() -> None:
    text = "The Harwick Savings Bank cut rates. “Borrowers will feel it at once,” the bank said."
    assert one(text, "quote").speaker == "the Harwick Savings Bank"


def test_a_body_after_an_opening_phrase_speaks() -> None:
    text = (
        "In a statement, the Ostavian energy ministry rejected the plan and said "
        "“no household in the north will pay for this.”"
    )
    assert one(text, "quote").speaker == "the Ostavian energy ministry"


def test_he_after_a_surname_only_speech_is_its_owner() -> None:
    text = "Okafor's address opened the summit. “We came to build, not to mourn,” he told the hall."
    assert one(text, "quote").speaker == "Okafor"


def test_quoted_words_after_was_are_the_writers_not_a_quote() -> None:
    text = 'Mayor Lena Brandt said the new bridge was "a lifeline for the whole valley".'
    assert claims_of(text, "quote") == []


def test_post_nominal_letters_are_not_part_of_the_speaker() -> None:
    text = "Priya Kale KC, defending, said: “My client has lost his home and his good name.”"
    quote = one(text, "quote")
    assert quote.span == "“My client has lost his home and his good name.”"
    assert quote.speaker == "Priya Kale"


def test_pronoun_takes_up_the_subject_not_the_last_name() -> None:
    text = (
        "Lena Okoro, for the council, said the plan had failed Tom Reyes. "
        "“We will start again next spring,” she said."
    )
    assert one(text, "quote").speaker == "Lena Okoro"


def test_pronoun_after_a_role_subject_is_the_holder_of_the_role() -> None:
    text = (
        "Judge Mara Quinn sat alone. The judge is questioning Dan Price closely: "
        "“You misled every investor you ever met,” she says."
    )
    assert one(text, "quote").speaker == "Mara Quinn"


def test_pronoun_goes_back_past_sentences_about_places_to_the_last_speaker() -> None:
    text = (
        "“The fund is empty,” Sam Hollis said. The council meets at Brook Hall today. "
        "“We have asked the state for help,” he said."
    )
    quotes = claims_of(text, "quote")
    assert [q.speaker for q in quotes] == ["Sam Hollis", "Sam Hollis"]


def test_surname_only_speaker_keeps_the_form_of_address() -> None:
    text = "Later, Judge Oduya told the court: “No sentence can give these families their savings.”"
    assert one(text, "quote").speaker == "Judge Oduya"


def test_pronoun_skips_a_subject_of_the_other_sex() -> None:
    text = "Mr Hale praised Ms Ruiz on stage. “I only did my job,” she said."
    assert one(text, "quote").speaker == "Ms Ruiz"


def test_unnamed_people_speaking_for_someone_are_the_speakers_as_written() -> None:
    text = "Tom Vale was jailed. “We will study the ruling with care,” Vale's lawyers said."
    assert one(text, "quote").speaker == "Vale's lawyers"


def test_a_named_lawyer_after_the_verb_is_the_speaker() -> None:
    text = "“We will study the ruling with care,” said Vale's lawyer, Ana Diaz."
    assert one(text, "quote").speaker == "Ana Diaz"


def test_a_person_who_spoke_of_her_party_is_not_the_he_of_a_later_quote() -> None:
    text = (
        "Ana Ruiz said her party would hold firm. Ana Ruiz then met Tom Hale. "
        "“We agreed on almost everything,” he said."
    )
    assert one(text, "quote").speaker == "Tom Hale"


def test_pronoun_after_an_unnamed_role_subject_is_the_role_as_written() -> None:
    text = "The judge jailed Tom Vale for six years. “You showed no remorse at all,” she said."
    assert one(text, "quote").speaker == "the judge"


def test_office_letters_before_a_name_are_not_part_of_the_speaker() -> None:
    text = 'Local MP Mara Quill spoke first. "The road has waited long enough," she said.'
    assert one(text, "quote").speaker == "Mara Quill"
