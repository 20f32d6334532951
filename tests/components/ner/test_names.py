"""Names spaCy left untagged or mistyped (components/ner/names.py), on fictional text."""

from __future__ import annotations

from dataclasses import replace

from newsledger.components.mentions import stage as mentions
from newsledger.components.ner.stage import fix as nerfix_fix
from newsledger.core.model import Annotated, Token
from tests.components.ner.test_nerfix import ents, labels_of, make


def test_untagged_given_name_and_surname_make_a_person() -> None:
    text = "The coach picked Pavel Dornek and Marco van Hulst for the final."
    got = ents(make(text))
    assert ("Pavel Dornek", "PERSON") in got
    assert ("Marco van Hulst", "PERSON") in got


def test_given_name_alone_or_before_a_place_is_not_a_run() -> None:
    text = "Pavel arrived in Paris. The firm Pavel Group grew."
    got = ents(make(text))
    assert not any(label == "PERSON" for _, label in got)


def test_surname_alone_is_the_person_named_in_full_even_as_a_common_noun() -> None:
    text = "Tomas Welling won the race. Later , Welling said he was tired."
    a = make(text, [("Tomas Welling", "PERSON")], pos={"Welling": "NOUN"})
    assert labels_of(a, "Welling") == ["PERSON"]


def test_surname_written_lower_case_elsewhere_stays_untagged() -> None:
    text = "Anna Ward spoke. Ward staff were told to wait; the ward was closed."
    a = make(text, [("Anna Ward", "PERSON")], pos={"Ward": "NOUN"})
    assert labels_of(a, "Ward") == []


def test_headline_capitals_of_a_surname_are_the_person() -> None:
    text = "ATHLETICS - KORVALD BEATS RIVAL .\nOslo 2031-05-02\nErik Korvald won the 400 metres ."
    a = make(text, [("Erik Korvald", "PERSON")])
    assert labels_of(a, "KORVALD") == ["PERSON"]


def test_the_before_a_capitalised_plural_makes_a_team() -> None:
    text = "Heller pitched well as the Kestrels beat them. Fans of the Marlowes left early."
    a = make(text, [("Heller", "PERSON"), ("Kestrels", "PERSON")])
    got = ents(a)
    assert ("Kestrels", "ORG") in got
    assert ("Marlowes", "ORG") in got
    assert ("Heller", "PERSON") in got


def test_surname_of_a_full_name_is_not_a_club() -> None:
    text = "Lena Harrow beat Sofia Brandeis. Brandeis found the net twice in the third set."
    a = make(text, [("Lena Harrow", "PERSON"), ("Sofia Brandeis", "PERSON"), ("Brandeis", "ORG")])
    assert labels_of(a, "Brandeis") == ["PERSON"]


def as_common_noun(a: Annotated, word: str) -> Annotated:
    toks = tuple(replace(x, pos="NOUN", tag="NN") if x.text == word else x for x in a.tokens)
    return replace(a, tokens=toks)


def test_common_noun_opening_a_line_is_not_a_person() -> None:
    text = "The match ended 2-1 .\nAttendance : 4,000 ."
    a = as_common_noun(make(text, [("Attendance", "PERSON")]), "Attendance")
    assert labels_of(a, "Attendance") == []
    text = "The match ended 2-1 with Attendance watching ."
    a = as_common_noun(make(text, [("Attendance", "PERSON")]), "Attendance")
    assert labels_of(a, "Attendance") == ["PERSON"]  # inside a sentence, spaCy's type stays


def test_initial_without_a_period_makes_a_person() -> None:
    text = "Team : J Varley , K Osterman ; P Lund ."
    a = make(text, [("J Varley", "ORG"), ("K Osterman", "ORG"), ("P Lund", "PERSON")])
    assert [label for _, label in ents(a)] == ["PERSON", "PERSON", "PERSON"]


def test_article_a_is_not_an_initial() -> None:
    text = "A Kestrel Group report was out."
    a = make(text, [("A Kestrel", "ORG")])
    assert ("A Kestrel", "PERSON") not in ents(a)


def test_preposition_opening_a_sentence_leaves_the_name() -> None:
    text = "Across Wales , pickets were held ."
    a = make(text, [("Across Wales", "PERSON")])
    assert ents(a) == [("Wales", "GPE")]


def test_role_word_inside_a_span_parts_club_and_player() -> None:
    text = "Yesterday Dunmore star Vasco Pelle said no ."
    a = make(text, [("Dunmore star Vasco Pelle", "ORG")])
    assert ents(a) == [("Dunmore", "ORG"), ("Vasco Pelle", "PERSON")]


def test_the_before_a_one_word_name_makes_a_body_not_a_person() -> None:
    text = "He is a consultant to the Ravelle and writes columns . the Blair years ended ."
    a = make(text, [("Ravelle", "PERSON"), ("Blair", "PERSON")], pos={"and": "CCONJ"})
    assert ents(a) == [("Ravelle", "ORG"), ("Blair", "PERSON")]


def test_band_cues_make_an_organisation() -> None:
    text = "The rock band Velvet Harbour won . Velvet Harbour frontman Ian Moor spoke ."
    a = make(text, [("Velvet Harbour", "PERSON"), ("Velvet Harbour", "PERSON")])
    assert labels_of(a, "Velvet Harbour") == ["ORG", "ORG"]


def test_awards_head_word_makes_an_event() -> None:
    text = "This year 's Vantor Film Awards will be handed out on Monday ."
    a = make(text, [("Vantor Film Awards", "ORG")])
    assert labels_of(a, "Vantor Film Awards") == ["EVENT"]


def test_other_names_of_a_line_up_are_people() -> None:
    line = "Dunmore - 1 - Ivo Harl , 2 - Petrus Quell , 5 - Abel Dorn , 8 - Orrin Vask .\n"
    people = [("Ivo Harl", "PERSON"), ("Petrus Quell", "PERSON"), ("Abel Dorn", "PERSON")]
    a = make("SOCCER - DUNMORE WIN .\n" + line, people)
    assert ("Orrin Vask", "PERSON") in ents(a)
    assert ("Dunmore", "PERSON") not in ents(a)
    a = make("Guests of the gala .\n" + line, people)  # not a sports report: bands, titles...
    assert ("Orrin Vask", "PERSON") not in ents(a)


def test_a_line_with_few_people_adds_none() -> None:
    text = "Ivo Harl met Orrin Vask and Brell Kastor in Dunmore .\n"
    a = make(text, [("Ivo Harl", "PERSON")])
    assert [x for x in ents(a) if x[1] == "PERSON"] == [("Ivo Harl", "PERSON")]


def test_surname_of_a_full_name_with_person_cues_is_not_the_country() -> None:
    text = "The film by Neil Jordan opened . Jordan said he was proud ."
    a = make(text, [("Neil Jordan", "PERSON"), ("Jordan", "GPE")])
    assert labels_of(a, "Jordan") == ["PERSON"]
    text = "Neil Jordan flew to Jordan on Monday ."
    a = make(text, [("Neil Jordan", "PERSON"), ("Jordan", "GPE")])
    assert labels_of(a, "Jordan") == ["GPE"]


def test_a_name_tagged_once_is_tagged_where_spacy_missed_it() -> None:
    text = "The state sold shares in Dravo to investors . Buyers of Dravo paid more ."
    a = make(text, [("Dravo", "ORG")])
    assert labels_of(a, "Dravo") == ["ORG", "ORG"]


def test_a_repeated_word_opening_a_sentence_is_left_alone() -> None:
    text = "Results for Men 's races .\nMen 's 100 metres :"
    a = make(text, [("Men", "ORG")])
    assert labels_of(a, "Men") == ["ORG"]


def glued(a: Annotated) -> Annotated:
    """Join tokens written without a space between them ("Telvo" + "1"), as spaCy does."""
    toks: list[Token] = []
    for x in a.tokens:
        if toks and toks[-1].end == x.start and x.text[:1].isalnum():
            prev = toks[-1]
            toks[-1] = replace(prev, end=x.end, text=prev.text + x.text)
        else:
            toks.append(replace(x, i=len(toks)))
    return replace(a, tokens=tuple(toks))


def test_a_name_with_a_figure_is_not_a_person() -> None:
    text = "Viewers of Telvo1 and Telvo2 fell ."
    a = glued(make(text, [("Telvo1", "PERSON")]))
    assert labels_of(a, "Telvo1") == ["ORG"]


def test_the_before_a_plural_party_name_makes_a_body() -> None:
    text = "Ms Dray accused the Free Dems of false promises ."
    a = make(text, [("Dray", "PERSON"), ("Free Dems", "PERSON")], pos={"of": "ADP"})
    assert labels_of(a, "Free Dems") == ["ORG"]


def test_odd_member_of_a_list_of_companies_is_a_company() -> None:
    text = "Firms such as Kavex, Intora, Brellmor, Olsted and Quandis signed ."
    a = make(
        text,
        [
            ("Kavex", "ORG"),
            ("Intora", "ORG"),
            ("Brellmor", "ORG"),
            ("Olsted", "GPE"),
            ("Quandis", "ORG"),
        ],
    )
    assert labels_of(a, "Olsted") == ["ORG"]


def test_capitalised_function_word_inside_a_name_makes_a_title() -> None:
    text = "He starred in Ghosts Of Harrow Vale and met Bank of Orlin staff ."
    a = make(text, [("Ghosts Of Harrow Vale", "ORG"), ("Bank of Orlin", "ORG")])
    assert ents(a) == [("Ghosts Of Harrow Vale", "WORK_OF_ART"), ("Bank of Orlin", "ORG")]


def test_year_in_brackets_after_a_name_makes_a_title() -> None:
    text = "His films include Harrow Lane ( 1998 ) and more ."
    a = make(text, [("Harrow Lane", "PERSON")])
    assert labels_of(a, "Harrow Lane") == ["WORK_OF_ART"]


def test_group_of_eight_is_an_organisation() -> None:
    text = "Britain chairs the G8 summit next year ."
    a = make(text, [("G8", "PERSON")])
    assert labels_of(a, "G8") == ["ORG"]


def test_a_span_of_figures_is_not_a_name() -> None:
    text = "Standings :\nDunmore 3 1 1 1 3 3 4\n"
    a = make(text, [("3 1 1 1 3 3 4", "PRODUCT")])
    assert not any(label == "PRODUCT" for _, label in ents(a))


def test_common_noun_opening_a_line_is_not_a_place() -> None:
    text = "Sales fell .\nAutomakers said prices rose ."
    a = as_common_noun(make(text, [("Automakers", "GPE")]), "Automakers")
    assert labels_of(a, "Automakers") == []


def test_a_line_up_line_in_a_sports_report_names_people() -> None:
    text = (
        "RUGBY UNION - DUNMORE 27 KELSO 27 .\n"
        "Dunmore drew with Kelso in the league on Saturday after a late try and a penalty "
        "in the match .\n"
        "Replacements : Peel , Varley , Osterman , Parling , Sititi , Brandt .\n"
    )
    a = make(text, [("Varley", "ORG"), ("Osterman", "ORG"), ("Brandt", "PERSON")])
    got = ents(a)
    for name in ("Peel", "Varley", "Osterman", "Parling", "Sititi", "Brandt"):
        assert (name, "PERSON") in got


def test_a_list_outside_sports_is_left_alone() -> None:
    text = "Sponsors : Varley , Osterman , Parling , Sititi , Brandt .\n"
    a = make(text, [("Varley", "ORG"), ("Osterman", "ORG")])
    assert labels_of(a, "Varley") == ["ORG"]


def test_two_people_joined_by_and_are_parted() -> None:
    text = "Coach Ivo Bryson spoke . It is good for Bryson and Thompson to play ."
    a = make(text, [("Ivo Bryson", "PERSON"), ("Bryson and Thompson", "ORG")])
    got = ents(a)
    assert ("Bryson", "PERSON") in got
    assert ("Thompson", "PERSON") in got
    text = "Shares in Marks and Spencer rose ."
    a = make(text, [("Marks and Spencer", "ORG")])
    assert ents(a) == [("Marks and Spencer", "ORG")]


def test_a_full_name_whose_surname_is_a_person_elsewhere_is_a_person() -> None:
    text = "Former captain Orrin Calvar fears a split . Mr Calvar said so ."
    a = make(text, [("Orrin Calvar", "ORG"), ("Calvar", "PERSON")])
    assert labels_of(a, "Orrin Calvar") == ["PERSON"]
    text = "Shares in Orrin Calvar rose . Analysts liked Orrin Calvar ."
    a = make(text, [("Orrin Calvar", "ORG"), ("Orrin Calvar", "ORG")])
    assert labels_of(a, "Orrin Calvar") == ["ORG", "ORG"]


def test_a_known_place_named_with_places_is_a_place() -> None:
    text = "He toured seats in Somerset and Hampshire on Monday ."
    a = make(text, [("Somerset", "GPE"), ("Hampshire", "PERSON")])
    assert labels_of(a, "Hampshire") == ["GPE"]


def test_untagged_surname_becomes_a_mention_of_the_person() -> None:
    text = 'Pavel Lindqvist runs Norrvik Bank . " No cuts , " said Lindqvist , 54 .'
    a = nerfix_fix(make(text, [("Pavel Lindqvist", "PERSON"), ("Norrvik Bank", "ORG")]))
    _, ents_ = mentions.group(text, list(a.ents), None)
    person = next(e for e in ents_ if e.name == "Pavel Lindqvist")
    assert [m.text for m in person.mentions] == ["Pavel Lindqvist", "Lindqvist"]


def test_an_untagged_given_name_run_with_a_company_head_is_a_firm() -> None:
    a = make("A survey by Harris Interactive and Kell Bros found it .")
    assert labels_of(a, "Harris Interactive") == ["ORG"]


def test_surname_of_a_full_name_taken_for_a_product_is_the_person() -> None:
    text = 'Manager Garrick Vessler rejected the offer. "It is not enough," said Vessler.'
    a = make(text, [("Garrick Vessler", "ORG"), ("Vessler", "PRODUCT")])  # the title types it
    assert labels_of(a, "Vessler") == ["PERSON"]


def test_the_plural_of_a_surname_given_in_full_is_the_family() -> None:
    text = "Mike and Bob Vantry won again . Later the Vantrys broke serve to lead 5-3 ."
    a = make(text, [("Bob Vantry", "PERSON"), ("Vantrys", "NORP")])
    assert labels_of(a, "Vantrys") == ["PERSON"]
    # in a report about music the same form is a band
    gig = (
        "Jess Kellow sang at the gig . Why were the Kellows not there ? The band's album "
        "and their songs sold well ."
    )
    b = make(gig, [("Jess Kellow", "PERSON"), ("Kellows", "ORG")])
    assert labels_of(b, "Kellows") == ["ORG"]


def test_a_given_name_a_particle_and_a_surname_are_a_person() -> None:
    text = "The trio were called up after Pieter de Vellan , Ludo Varn and Ann Tarrow left ."
    a = make(text, [("Pieter de Vellan", "ORG"), ("Ann Tarrow", "PERSON")])
    assert labels_of(a, "Pieter de Vellan") == ["PERSON"]
