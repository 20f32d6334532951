"""Document-level evidence for entity types (components/ner/evidence.py), on fictional text."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from newsledger.components.ner.context_cues import member_cue
from newsledger.components.ner.evidence import verdict
from newsledger.components.ner.rules import Doc
from newsledger.components.ner.tables import tables
from newsledger.core.model import Annotated
from tests.components.ner.test_nerfix import ents, labels_of, make


def test_company_typed_person_follows_its_business_context() -> None:
    text = (
        "Shares of the oil firm Varnok fell on Monday. Varnok denied the report, "
        "and Varnok shares recovered later."
    )
    a = make(text, [("Varnok", "ORG"), ("Varnok", "PERSON"), ("Varnok", "PERSON")])
    assert labels_of(a, "Varnok") == ["ORG", "ORG", "ORG"]


def test_legal_suffix_after_a_name_makes_it_a_company() -> None:
    text = "Brellmor Inc said profits rose. Brellmor expects more next year."
    a = make(text, [("Brellmor", "PERSON"), ("Brellmor", "PERSON")])
    assert labels_of(a, "Brellmor") == ["ORG", "ORG"]


def test_town_named_in_a_place_phrase_is_not_a_person() -> None:
    text = "A bomb went off in the town of Kessaly on Sunday. Police in Kessaly said two died."
    a = make(text, [("Kessaly", "PERSON"), ("Kessaly", "PERSON")])
    assert labels_of(a, "Kessaly") == ["GPE", "GPE"]


def test_honorific_makes_a_person_of_a_name_taken_for_a_company() -> None:
    text = "Mr Dorval arrived late. Dorval told the panel he had resigned."
    a = make(text, [("Dorval", "PERSON"), ("Dorval", "ORG")])
    assert labels_of(a, "Dorval") == ["PERSON", "PERSON"]


def test_person_without_cues_keeps_its_type() -> None:
    text = "Ilse Marten met Dorval. Dorval spoke first."
    a = make(text, [("Ilse Marten", "PERSON"), ("Dorval", "PERSON"), ("Dorval", "PERSON")])
    assert labels_of(a, "Dorval") == ["PERSON", "PERSON"]


def test_first_word_of_a_company_name_alone_is_the_company() -> None:
    text = "Quell Group won the order. Quell will build a plant."
    a = make(text, [("Quell Group", "ORG"), ("Quell", "PERSON")])
    assert labels_of(a, "Quell") == ["ORG"]


def test_country_name_needs_more_than_a_cue() -> None:
    assert verdict(None, Counter({"PERSON": 1}), "PERSON", True) == "PERSON"  # no cue: stays
    votes = Counter({"ORG": 2})
    assert verdict(votes, Counter({"GPE": 1}), "GPE", True) == "GPE"
    assert verdict(votes, Counter({"PERSON": 1}), "PERSON", False) == "ORG"


def test_split_person_name_is_joined() -> None:
    text = "Yesterday Natalia Verbonova won the final."
    a = make(text, [("Natalia", "PERSON"), ("Verbonova", "PERSON")])
    assert labels_of(a, "Natalia Verbonova") == ["PERSON"]
    b = make("Yesterday Natalia Verbonova won.", [("Verbonova", "PERSON")])
    assert labels_of(b, "Natalia Verbonova") == ["PERSON"]


def test_an_unlisted_given_name_joins_a_person_a_cue_follows() -> None:
    a = make("Petter Skog , who was defence minister , joined the bank .", [("Skog", "PERSON")])
    assert labels_of(a, "Petter Skog") == ["PERSON"]
    # no cue of a person after the name, or a day before it: nothing joins
    b = make("Bagram Airfield bombing * 2014", [("Airfield", "PERSON")])
    assert labels_of(b, "Bagram Airfield") == []
    c = make("Yesterday Skog said the bank would close .", [("Skog", "PERSON")])
    assert labels_of(c, "Yesterday Skog") == []


def test_time_zone_is_not_an_organisation() -> None:
    a = make("Trading ends at 1400 EDT on Friday.", [("EDT", "ORG")])
    assert labels_of(a, "EDT") == []


def test_populated_place_after_in_is_a_place_not_a_person() -> None:
    # Tikrit is a town of the gazetteer; "in X" twice is enough evidence
    text = "Two bombs exploded in Tikrit on Monday. Shops in Tikrit stayed shut."
    a = make(text, [("Tikrit", "PERSON"), ("Tikrit", "PERSON")])
    assert labels_of(a, "Tikrit") == ["GPE", "GPE"]


def test_place_noun_after_the_name_makes_a_place() -> None:
    text = "Fighting spread across northern Dorvash province overnight."
    a = make(text, [("Dorvash", "PERSON")])
    assert labels_of(a, "Dorvash") == ["GPE"]


def test_head_word_does_not_retype_a_person_with_a_given_name() -> None:
    a = make("The defender Wayne Bridge was injured.", [("Wayne Bridge", "PERSON")])
    assert labels_of(a, "Wayne Bridge") == ["PERSON"]
    b = make("Traffic crossed Tamsin Bridge again.", [("Tamsin Bridge", "ORG")])
    assert labels_of(b, "Tamsin Bridge") == ["FAC"]


def test_common_noun_opening_a_sentence_is_not_a_person() -> None:
    text = "Attendance fell this year. The attendance record stands."
    a = make(text, [("Attendance", "PERSON")], pos={"Attendance": "NOUN"})
    got = nerfix_fix_tags(a)
    assert labels_of(got, "Attendance") == []


def nerfix_fix_tags(a: Annotated) -> Annotated:
    """``a`` with common nouns tagged NN, as spaCy tags them."""
    toks = tuple(replace(t, tag="NN") if t.pos == "NOUN" else t for t in a.tokens)
    return replace(a, tokens=toks)


def test_honorific_inside_a_span_makes_a_person() -> None:
    a = make("Asked again, Mr Dorvak replied no.", [("Mr Dorvak", "GPE")])
    assert labels_of(a, "Dorvak") == ["PERSON"]


def test_odd_members_of_a_list_of_people_are_people() -> None:
    text = "Replacements: Dorvak, Quillan, Merrow, Tasker, Pell."
    got = [("Dorvak", "PERSON"), ("Quillan", "ORG"), ("Merrow", "PERSON")]
    got += [("Tasker", "PERSON"), ("Pell", "GPE")]
    a = make(text, got)
    assert [lab for _, lab in ents(a)] == ["PERSON"] * 5
    countries = make(
        "Teams: France, Quillan, Spain, Italy.", [("France", "GPE"), ("Quillan", "PERSON")]
    )
    assert ("France", "GPE") in ents(countries)


def test_county_after_its_town_is_a_place() -> None:
    a = make(
        "Born in Luton, Kent, in 1920, he left early.",
        [("Luton", "GPE"), ("Kent", "PERSON")],
    )
    assert labels_of(a, "Kent") == ["GPE"]
    b = make("In Luton, Kent said no.", [("Luton", "GPE"), ("Kent", "PERSON")])
    assert labels_of(b, "Kent") == ["PERSON"]


def test_place_apposition_needs_the_place_noun_to_end_its_phrase() -> None:
    a = make("Dorvash, a town near the border, was shelled.", [("Dorvash", "PERSON")])
    assert labels_of(a, "Dorvash") == ["GPE"]
    b = make("Lena Ostrowa, a city councillor, said no.", [("Lena Ostrowa", "PERSON")])
    assert labels_of(b, "Lena Ostrowa") == ["PERSON"]


def test_kind_of_work_before_a_title_makes_a_work() -> None:
    a = make("Her new film Harbour Lights opened on Friday.", [("Harbour Lights", "ORG")])
    assert labels_of(a, "Harbour Lights") == ["WORK_OF_ART"]
    b = make("Velgrad Rovers will play Korvik on Sunday.", [("Korvik", "GPE")])
    assert labels_of(b, "Korvik") == ["GPE"]


def test_company_head_word_makes_a_company() -> None:
    a = make("Quellon Microsystems launched a service.", [("Quellon Microsystems", "PERSON")])
    assert labels_of(a, "Quellon Microsystems") == ["ORG"]


def test_a_film_maker_is_a_person() -> None:
    text = "Independent film maker Tomas Velder won. Tomas Velder thanked the jury."
    a = make(text, [("Tomas Velder", "PERSON"), ("Tomas Velder", "PERSON")])
    assert labels_of(a, "Tomas Velder") == ["PERSON", "PERSON"]


def test_a_plural_verb_after_a_one_word_name_makes_a_club_or_firm() -> None:
    text = "Dunmore have been caught in a row . Critics said Dunmore were wrong ."
    a = make(text, [("Dunmore", "PERSON"), ("Dunmore", "PERSON")])
    assert labels_of(a, "Dunmore") == ["ORG", "ORG"]
    text = "Ivo Harl and Vask have left ."
    a = make(text, [("Ivo Harl", "PERSON"), ("Vask", "PERSON")])
    assert labels_of(a, "Vask") == ["PERSON"]


def test_a_plural_company_noun_before_a_name_makes_a_company() -> None:
    text = "Shares in construction companies Adrel Karsa and Semtor rose ."
    a = make(text, [("Adrel Karsa", "PERSON"), ("Semtor", "ORG")])
    assert labels_of(a, "Adrel Karsa") == ["ORG"]


def test_a_weekday_is_not_an_organisation() -> None:
    a = make("The goal came in Sunday 's draw with Dunmore .", [("Sunday", "ORG")])
    assert labels_of(a, "Sunday") == []


def test_a_performers_verb_before_in_makes_a_work() -> None:
    a = make("Mara Quist starred in Harbour Lights in 2003 .", [("Harbour Lights", "ORG")])
    assert labels_of(a, "Harbour Lights") == ["WORK_OF_ART"]
    b = make("Mara Quist lived in Dunmore in 2003 .", [("Dunmore", "GPE")])
    assert labels_of(b, "Dunmore") == ["GPE"]


def test_an_apposition_ending_in_a_kind_of_work_makes_a_work() -> None:
    text = "Tovan created Pell Street , the school drama serial which ran for years ."
    a = make(text, [("Pell Street", "PERSON")])
    assert labels_of(a, "Pell Street") == ["WORK_OF_ART"]
    text = "Ivo Harl , the film director , said no ."
    b = make(text, [("Ivo Harl", "PERSON")])
    assert labels_of(b, "Ivo Harl") == ["PERSON"]


def test_a_members_role_after_a_name_makes_a_band_or_club() -> None:
    text = "Brass Lanterns guitarist Ivo Harl left . Brass Lanterns said the tour goes on ."
    a = make(
        text, [("Brass Lanterns", "PERSON"), ("Ivo Harl", "PERSON"), ("Brass Lanterns", "PERSON")]
    )
    assert labels_of(a, "Brass Lanterns") == ["ORG", "ORG"]
    b = make("The shot by the Dunvale midfielder went wide .", [("Dunvale", "PERSON")])
    assert labels_of(b, "Dunvale") == ["ORG"]
    # a person's name, or a town, before a role is not a body
    c = make("Tony Verran spokesman Ed Kask denied it .", [("Tony Verran", "PERSON")])
    assert labels_of(c, "Tony Verran") == ["PERSON"]


def test_a_products_noun_makes_a_product() -> None:
    text = "Sales of the arthritis drug Calvexa fell . The firm recalled 900 Marlo Vista coupes ."
    a = make(text, [("Calvexa", "ORG"), ("Marlo Vista", "PERSON")])
    assert labels_of(a, "Calvexa") == ["PRODUCT"]
    assert labels_of(a, "Marlo Vista") == ["PRODUCT"]


def test_the_only_x_player_is_a_club() -> None:
    a = make("Vask is the only Harrow Eagles player left .", [("Harrow Eagles", "GPE")])
    assert labels_of(a, "Harrow Eagles") == ["ORG"]


def test_episodes_of_a_title_make_a_work_over_a_plural_verb() -> None:
    a = make("Ten episodes of Second Wind have been made .", [("Second Wind", "PERSON")])
    assert labels_of(a, "Second Wind") == ["WORK_OF_ART"]


def test_films_such_as_x_and_best_actress_for_x_are_works() -> None:
    a = make("It showed films such as Cold Harbour last year .", [("Cold Harbour", "ORG")])
    assert labels_of(a, "Cold Harbour") == ["WORK_OF_ART"]
    b = make("Ada Venn won best actress for Cold Harbour .", [("Cold Harbour", "ORG")])
    assert labels_of(b, "Cold Harbour") == ["WORK_OF_ART"]
    # the prize may go to a person too
    c = make("It won best director for Ivo Harl .", [("Ivo Harl", "PERSON")])
    assert labels_of(c, "Ivo Harl") == ["PERSON"]


def test_x_star_y_outside_sports_is_a_title() -> None:
    text = "The favourite is Sideroads star Ivo Harl , said the critics ."
    a = make(text, [("Sideroads", "GPE"), ("Ivo Harl", "PERSON")])
    assert labels_of(a, "Sideroads") == ["WORK_OF_ART"]
    # a band typed as a body stays one
    b = make(
        "Ivo Harl , a former Brass Lanterns star , sang .",
        [("Ivo Harl", "PERSON"), ("Brass Lanterns", "ORG")],
    )
    assert labels_of(b, "Brass Lanterns") == ["ORG"]


def adjectives_tagged(a: Annotated) -> Annotated:
    """``a`` with adjectives tagged JJ, as spaCy tags them."""
    return replace(a, tokens=tuple(replace(t, tag="JJ") if t.pos == "ADJ" else t for t in a.tokens))


def test_an_adjective_opening_a_sentence_is_not_a_name() -> None:
    a = make("Quirky comedy Sideroads won .", [("Quirky", "PERSON")], pos={"Quirky": "ADJ"})
    assert labels_of(adjectives_tagged(a), "Quirky") == []
    # ... unless the article writes it capitalised inside a sentence too
    text = "Celtic won again . Fans of Celtic cheered ."
    b = make(text, [("Celtic", "ORG"), ("Celtic", "ORG")], pos={"Celtic": "ADJ"})
    assert labels_of(adjectives_tagged(b), "Celtic") == ["ORG", "ORG"]


def test_a_credit_after_a_title_and_a_programme_make_works() -> None:
    text = "Harbour Lights , directed by Ivo Harl , won ."
    a = make(text, [("Harbour Lights", "ORG"), ("Ivo Harl", "PERSON")])
    assert labels_of(a, "Harbour Lights") == ["WORK_OF_ART"]
    b = make("She told the Velder Hour programme she was ready .", [("Velder Hour", "ORG")])
    assert labels_of(b, "Velder Hour") == ["WORK_OF_ART"]


def test_prizes_and_bills_are_not_organisations() -> None:
    text = "It won the Korvik Film Prize before MPs passed the Road Fares Bill ."
    a = make(text, [("Korvik Film Prize", "ORG"), ("Road Fares Bill", "ORG")])
    assert labels_of(a, "Korvik Film Prize") == ["WORK_OF_ART"]
    assert labels_of(a, "Road Fares Bill") == ["LAW"]


def test_the_seat_of_an_mp_is_a_place() -> None:
    a = make(
        "Ada Venn , MP for Dunmore East , spoke .",
        [("Ada Venn", "PERSON"), ("Dunmore East", "ORG")],
    )
    assert labels_of(a, "Dunmore East") == ["GPE"]
    b = make("She voted for Dunmore .", [("Dunmore", "ORG")])
    assert labels_of(b, "Dunmore") == ["ORG"]


def test_a_ministers_portfolio_is_not_a_name() -> None:
    text = "Trade and Industry Secretary Ada Venn and the Home Secretary spoke ."
    a = make(text, [("Trade and Industry", "ORG"), ("Ada Venn", "PERSON"), ("Home", "ORG")])
    assert labels_of(a, "Trade and Industry") == []
    assert labels_of(a, "Home") == []
    # the body itself keeps its type
    b = make("Health officials at Home Office said no .", [("Home Office", "ORG")])
    assert labels_of(b, "Home Office") == ["ORG"]


def test_crude_and_diet_after_a_name_make_products() -> None:
    a = make("Trading of Velm crude stopped .", [("Velm", "ORG")])
    assert labels_of(a, "Velm") == ["PRODUCT"]


def test_festivals_and_expos_are_events() -> None:
    a = make(
        "It opened at the Dunmore Film Festival and the Velder Games Expo .",
        [("Dunmore Film Festival", "ORG"), ("Velder Games Expo", "ORG")],
    )
    assert labels_of(a, "Dunmore Film Festival") == ["EVENT"]
    assert labels_of(a, "Velder Games Expo") == ["EVENT"]


def test_the_before_a_name_inside_a_sentence_is_no_persons_name() -> None:
    a = make("It showed hits such as The Velder Papers last year .", [("Velder Papers", "PERSON")])
    assert labels_of(a, "Velder Papers") == ["WORK_OF_ART"]
    b = make("The Velder twins said no .", [("Velder", "PERSON")])
    assert labels_of(b, "Velder") == ["PERSON"]


def test_a_towns_name_before_a_players_role_is_its_club_in_sports_reports() -> None:
    sport = "Luton defender Ivo Harl scored two goals in the league ; the striker and goalkeeper agreed ."
    other = "Luton chairman Ivo Harl spoke about the new airport terminal and its jobs ."
    t = tables()
    for text, club in ((sport, True), (other, False)):
        d = Doc(make(text, [("Luton", "GPE"), ("Ivo Harl", "PERSON")]))
        assert member_cue(d, t, 0, 1, "Luton") is club


def test_channel_in_brackets_makes_a_programme() -> None:
    text = "The prize went to Dorry Lane, over Marcus Fell (BBC One) and Tinseltown."
    a = make(text, [("Dorry Lane", "WORK_OF_ART"), ("Marcus Fell", "PERSON")])
    assert labels_of(a, "Marcus Fell") == ["WORK_OF_ART"]


def test_role_in_a_name_taken_for_a_person_makes_a_work() -> None:
    text = "Critics praised her role in Edna Crale, which opens in May."
    a = make(text, [("Edna Crale", "PERSON")])
    assert labels_of(a, "Edna Crale") == ["WORK_OF_ART"]


def test_role_in_a_place_keeps_the_place() -> None:
    text = "He defended Britain's role in Kessaly last week."
    a = make(text, [("Britain", "GPE"), ("Kessaly", "GPE")])
    assert labels_of(a, "Kessaly") == ["GPE"]


def test_role_in_a_directors_film_keeps_the_director() -> None:
    text = "He won praise for his role in Anton Vell's last film."
    a = make(text, [("Anton Vell", "PERSON")])
    assert labels_of(a, "Anton Vell") == ["PERSON"]


def test_a_film_in_apposition_after_its_kind_is_a_work() -> None:
    text = "He played a cop in his next film, Danny Brosk, where he shone ."
    a = make(text, [("Danny Brosk", "PERSON")])
    assert labels_of(a, "Danny Brosk") == ["WORK_OF_ART"]


def test_a_name_before_starring_and_a_name_is_a_work() -> None:
    text = "He made his debut in No Road Home starring Sid Vall ."
    a = make(text, [("No Road Home", "LOC"), ("Sid Vall", "PERSON")])
    assert labels_of(a, "No Road Home") == ["WORK_OF_ART"]
    assert labels_of(a, "Sid Vall") == ["PERSON"]


def test_a_firm_that_says_things_is_no_person() -> None:
    text = (
        "Swiss drugmaker Norvita has bought Eon . Norvita , which makes pills , said profits rose ."
        " Norvita said jobs would go . Norvita' shares rose ."
    )
    a = make(
        text,
        [("Norvita", "PERSON"), ("Eon", "ORG"), ("Norvita", "PERSON")]
        + [("Norvita", "PERSON")] * 2,
    )
    assert set(labels_of(a, "Norvita")) == {"ORG"}


def test_said_counts_once_however_often() -> None:
    text = "Kadex said sales rose . Kadex said jobs would go . Kadex said it was glad ."
    a = make(text, [("Kadex", "ORG")] * 3)
    assert labels_of(a, "Kadex") == ["ORG"] * 3


def test_a_firm_by_its_form_is_never_a_person() -> None:
    text = "Analysts at R&K said it , who knew . Vantor Music , who signed him , said so ."
    a = make(text, [("R&K", "PERSON"), ("Vantor Music", "ORG")])
    assert labels_of(a, "R&K") == ["ORG"]
    assert labels_of(a, "Vantor Music") == ["ORG"]


def test_an_apposition_ending_in_a_company_noun_makes_a_firm() -> None:
    text = (
        "Dravo Mac , the country 's other largest mortgage firm , was fined . Dravo Mac said so ."
    )
    a = make(text, [("Dravo Mac", "PERSON"), ("Dravo Mac", "PERSON")])
    assert labels_of(a, "Dravo Mac") == ["ORG", "ORG"]
    b = make("Ivo Harl , the firm 's founder , said so .", [("Ivo Harl", "PERSON")])
    assert labels_of(b, "Ivo Harl") == ["PERSON"]


def test_a_capitalised_state_in_a_title_is_no_place_cue() -> None:
    # "Secretary of State X": the office's word, not "the state of X"
    text = "Echoing the new Secretary of State Dorra Kelvane, the minister spoke."
    a = make(text, [("Dorra Kelvane", "PERSON")])
    assert labels_of(a, "Dorra Kelvane") == ["PERSON"]
    b = make("They fled to the state of Varnia last year.", [("Varnia", "PERSON")])
    assert labels_of(b, "Varnia") == ["GPE"]


def test_a_name_after_said_after_a_quotation_is_the_speaker() -> None:
    text = '"We want to have fun with it," said Pellizar. "This is no job," he added.'
    a = make(text, [("Pellizar", "ORG")])
    assert labels_of(a, "Pellizar") == ["PERSON"]
    # an acronym there is a body's
    b = make('"We will appeal," said VRNK. The ruling stands.', [("VRNK", "ORG")])
    assert labels_of(b, "VRNK") == ["ORG"]


def test_a_name_whose_brands_are_listed_is_a_firm() -> None:
    text = "Brellcorp , whose brands include Penvale and Rosedown , rejected the bid ."
    a = make(text, [("Brellcorp", "PERSON")])
    assert labels_of(a, "Brellcorp") == ["ORG"]
    b = make("Tarrow , whose debut album sold well , sang .", [("Tarrow", "ORG")])
    assert labels_of(b, "Tarrow") == ["PERSON"]


def test_a_given_name_taken_for_a_people_after_a_role_runs_on_to_the_surname() -> None:
    text = "He grew up with guitarist Sergo Pellizar and bassist Ann Vane ."
    a = make(text, [("Sergo", "NORP"), ("Ann Vane", "PERSON")])
    assert labels_of(a, "Sergo Pellizar") == ["PERSON"]
    b = make("Shares in Euronel fell .", [("Euronel", "NORP")])
    assert labels_of(b, "Euronel") == ["ORG"]


def test_a_one_word_name_with_a_plural_verb_in_a_sports_report_is_a_club() -> None:
    text = (
        "The striker scored twice in the league match . They go through to the last 32 if "
        "Varnbury fail to beat Ostrel in the final group match ."
    )
    a = make(text, [("Varnbury", "PERSON"), ("Ostrel", "ORG")])
    a = replace(a, tokens=tuple(replace(x, tag="VBP") if x.text == "fail" else x for x in a.tokens))
    assert labels_of(a, "Varnbury") == ["ORG"]
    b = make(
        "Mr Tarrow and the striker scored . If Mr Vane fail to agree , he goes .",
        [("Vane", "PERSON")],
    )
    b = replace(b, tokens=tuple(replace(x, tag="VBP") if x.text == "fail" else x for x in b.tokens))
    assert labels_of(b, "Vane") == ["PERSON"]


def test_a_name_after_a_plural_calling_is_a_person() -> None:
    text = "The jury includes actresses Kessa Vellan and Helena Tarrow ."
    a = make(text, [("Kessa Vellan", "ORG"), ("Helena Tarrow", "PERSON")])
    assert labels_of(a, "Kessa Vellan") == ["PERSON"]


def test_a_name_with_its_own_official_website_is_a_body() -> None:
    text = "He has an affection for Varnbury , \" Rowell told Varnbury 's official website ."
    a = make(text, [("Varnbury", "PERSON"), ("Varnbury", "PERSON")])
    assert labels_of(a, "Varnbury") == ["ORG", "ORG"]


def test_a_name_after_star_or_rapper_is_a_person() -> None:
    text = "Late R&B star Vellia's record company lost . Vellia had finished a video ."
    a = make(text, [("Vellia", "ORG"), ("Vellia", "GPE")])
    assert labels_of(a, "Vellia") == ["PERSON", "PERSON"]
    b = make("Ministers want to stop rapper Kezzo performing .", [("Kezzo", "ORG")])
    assert labels_of(b, "Kezzo") == ["PERSON"]


def test_a_name_before_its_former_pupils_is_a_school() -> None:
    text = "Tom Varrow , a former Kestley pupil , said the fees were fair ."
    a = make(text, [("Tom Varrow", "PERSON"), ("Kestley", "PERSON")])
    assert labels_of(a, "Kestley") == ["ORG"]
    # a coach the report names in full: his pupil, the person
    coach = "Nick Kestley coached her . Anna Varrow , a former Kestley pupil , won ."
    b = make(coach, [("Nick Kestley", "PERSON"), ("Anna Varrow", "PERSON"), ("Kestley", "PERSON")])
    assert labels_of(b, "Kestley") == ["PERSON"]
