"""Lists introduced by a plural noun (components/ner/introduced.py), on fictional text."""

from __future__ import annotations

from tests.components.ner.test_nerfix import labels_of, make


def test_members_of_a_list_of_retailers_are_organisations() -> None:
    text = "Other retailers - including Brenmart, Harvest, Tilly Rowe and Osk - did well ."
    ents = [("Brenmart", "ORG"), ("Harvest", "GPE"), ("Tilly Rowe", "PERSON"), ("Osk", "ORG")]
    a = make(text, ents)
    assert labels_of(a, "Harvest") == ["ORG"]
    assert labels_of(a, "Tilly Rowe") == ["ORG"]


def test_a_list_of_brands_is_a_list_of_products() -> None:
    a = make(
        "Its brands include Velmor and Quarry Gold .", [("Velmor", "ORG"), ("Quarry Gold", "ORG")]
    )
    assert labels_of(a, "Velmor") == ["PRODUCT"]
    assert labels_of(a, "Quarry Gold") == ["PRODUCT"]


def test_bands_like_x_are_bands() -> None:
    a = make("It recalls bands like Paper Hearts .", [("Paper Hearts", "PERSON")])
    assert labels_of(a, "Paper Hearts") == ["ORG"]


def test_a_list_after_a_singular_or_people_noun_is_left_alone() -> None:
    a = make("Singers including Tilly Rowe sang .", [("Tilly Rowe", "PERSON")])
    assert labels_of(a, "Tilly Rowe") == ["PERSON"]
    b = make(
        "Investors from France and Korvany bought shares .", [("France", "GPE"), ("Korvany", "GPE")]
    )
    assert labels_of(b, "Korvany") == ["GPE"]


def test_hits_like_x_and_the_y_are_works() -> None:
    text = "The studio had hits like Cold Harbour and The Lantern ."
    a = make(text, [("Cold Harbour", "PERSON"), ("Lantern", "ORG")])
    assert labels_of(a, "Cold Harbour") == ["WORK_OF_ART"]
    assert labels_of(a, "Lantern") == ["WORK_OF_ART"]


def test_a_list_right_after_a_plural_noun_takes_its_type() -> None:
    text = "Shares in state construction companies Adri Marta and Selon Garik rose ."
    a = make(text, [("Adri Marta", "ORG"), ("Selon Garik", "PERSON")])
    assert labels_of(a, "Selon Garik") == ["ORG"]


def test_people_right_after_a_plural_noun_are_left_alone() -> None:
    text = "It is one of the films Tilda Marsh and Ivo Harl made together ."
    a = make(text, [("Tilda Marsh", "PERSON"), ("Ivo Harl", "PERSON")])
    assert labels_of(a, "Ivo Harl") == ["PERSON"]  # (the first name is the films' cue's)


def test_brand_names_such_as_x_are_products() -> None:
    text = "They are sold under brand names such as Velorex and Quintar ."
    a = make(text, [("Velorex", "ORG"), ("Quintar", "PERSON")])
    assert labels_of(a, "Quintar") == ["PRODUCT"]


def test_works_opening_the_clause_type_what_they_include() -> None:
    text = "Other films generating interest this year include Bustle & Glow , about a rapper ."
    a = make(text, [("Bustle & Glow", "ORG")], pos={"this": "DET", "generating": "VERB"})
    assert labels_of(a, "Bustle & Glow") == ["WORK_OF_ART"]


def test_towns_and_cities_including_x_are_places() -> None:
    text = "There were protests in towns and cities including Varn, Kellby and Ostrow."
    a = make(text, [("Varn", "LOC"), ("Kellby", "ORG"), ("Ostrow", "PERSON")])
    assert labels_of(a, "Kellby") == ["GPE"]
    assert labels_of(a, "Ostrow") == ["GPE"]


def test_a_channel_owning_a_listed_programme_stays_a_body() -> None:
    text = "Reality programmes won , including Channel 4's Nannyhood and ITV1's Pan Kitchen ."
    a = make(text, [("Channel 4", "ORG"), ("Nannyhood", "PERSON")])
    assert labels_of(a, "Channel 4") == ["ORG"]
