"""Firms the tagger took for places (components/ner/firms.py), on fictional text."""

from __future__ import annotations

from tests.components.ner.test_bodies import MATCH
from tests.components.ner.test_nerfix import labels_of, make


def test_an_unplaced_name_with_a_company_noun_is_a_firm_in_all_its_mentions() -> None:
    text = (
        "Banks lent to gas monopoly Ostravo last year . "
        "Analysts said the deal left Ostravo with debts and Ostravo may sell ."
    )
    a = make(text, [("Ostravo", "GPE")] * 3)
    assert labels_of(a, "Ostravo") == ["ORG", "ORG", "ORG"]


def test_an_apposition_naming_a_company_makes_a_firm() -> None:
    after = "Growth came from Velmora , one of Europe's biggest games publishers , and others ."
    assert labels_of(make(after, [("Velmora", "GPE")]), "Velmora") == ["ORG"]
    that = "He lent to Velmora , the state-owned energy company that bid , and lost ."
    assert labels_of(make(that, [("Velmora", "GPE")]), "Velmora") == ["ORG"]
    suffix = "Talks with Velmora Inc ended ; Velmora shares fell ."
    assert labels_of(make(suffix, [("Velmora", "GPE"), ("Velmora", "GPE")]), "Velmora") == [
        "ORG",
        "ORG",
    ]


def test_a_known_place_or_a_town_stock_exchange_stays_a_place() -> None:
    # a country the tables know keeps its type whatever is said of it
    text = "Trade with France , the company said , rose ."
    assert labels_of(make(text, [("France", "GPE")]), "France") == ["GPE"]
    # "the X stock exchange" is a town's, not a firm's
    bourse = "The operator of the Velmora stock exchange met in Velmora ."
    assert labels_of(make(bourse, [("Velmora", "GPE")] * 2), "Velmora") == ["GPE", "GPE"]


def test_a_report_about_sport_is_left_alone() -> None:
    text = MATCH + "The club bought Velmora shares to build a ground in Velmora ."
    assert labels_of(make(text, [("Velmora", "GPE")] * 2), "Velmora") == ["GPE", "GPE"]


def test_a_verb_or_a_place_apposition_is_no_firms_cue() -> None:
    verb = "Velmora shares a border with Tarvel and trade rose ."
    assert labels_of(make(verb, [("Velmora", "GPE")]), "Velmora") == ["GPE"]
    appo = "He grew up in Velmora , a town whose biggest employer is a steel company , and left ."
    assert labels_of(make(appo, [("Velmora", "GPE")]), "Velmora") == ["GPE"]


def test_a_name_a_mention_places_stays_a_place_in_all_its_mentions() -> None:
    text = "The steel maker Velmora hired staff in the town of Velmora last year ."
    a = make(text, [("Velmora", "GPE")] * 2)
    assert labels_of(a, "Velmora") == ["GPE", "GPE"]


def test_the_first_example_of_a_company_noun_is_a_firm() -> None:
    like = "PC makers like Velmora cut prices ; Velmora will also sell phones ."
    assert labels_of(make(like, [("Velmora", "GPE")] * 2), "Velmora") == ["ORG", "ORG"]
    such = "Lenders such as Ostravo lost money ."
    assert labels_of(make(such, [("Ostravo", "GPE")]), "Ostravo") == ["ORG"]
    listed = "PC makers like Tarvel Group in Spain and Velmora in Chile gained ."
    a = make(
        listed, [("Tarvel Group", "ORG"), ("Spain", "GPE"), ("Velmora", "GPE"), ("Chile", "GPE")]
    )
    assert labels_of(a, "Velmora") == ["ORG"]
    assert labels_of(a, "Chile") == ["GPE"]  # a listed country stays
    # towns like X are towns
    towns = "Towns like Ostravo lost money ."
    assert labels_of(make(towns, [("Ostravo", "GPE")]), "Ostravo") == ["GPE"]
