"""Titles told by their own words (components/ner/title_cues.py), on fictional text."""

from __future__ import annotations

from tests.components.ner.test_nerfix import labels_of, make


def test_a_presenters_show_is_a_programme() -> None:
    a = make("A print from the Benny Varl Show hung there .", [("Benny Varl Show", "PERSON")])
    assert labels_of(a, "Benny Varl Show") == ["WORK_OF_ART"]


def test_a_special_is_a_programme_in_a_report_on_television() -> None:
    text = "The TV comedy beat The Desk Christmas Special to the prize ."
    a = make(text, [("Desk Christmas Special", "ORG")])
    assert labels_of(a, "Desk Christmas Special") == ["WORK_OF_ART"]
    b = make("Shares rose at Varl Special on Monday .", [("Varl Special", "ORG")])
    assert labels_of(b, "Varl Special") == ["ORG"]  # no television: a firm


def test_a_fair_named_show_stays_an_event() -> None:
    text = "The TV makers met at the Garden Gadget Show in Varn ."
    a = make(text, [("Garden Gadget Show", "EVENT")])
    assert labels_of(a, "Garden Gadget Show") == ["EVENT"]


def test_a_street_is_a_soap_only_in_a_sentence_about_soaps() -> None:
    text = "Harbour Lives and Mossley Street were overlooked in the soap category ."
    a = make(text, [("Mossley Street", "FAC")])
    assert labels_of(a, "Mossley Street") == ["WORK_OF_ART"]
    b = make("The office on Mossley Street was closed .", [("Mossley Street", "FAC")])
    assert labels_of(b, "Mossley Street") == ["FAC"]


def test_a_title_and_its_subtitle_after_a_colon_are_one_title() -> None:
    text = "The award was won by Hour of Glory: Last Stand and Varn: Contracts won another ."
    a = make(text, [("Hour of Glory", "ORG"), ("Last Stand", "ORG")])
    assert labels_of(a, "Hour of Glory: Last Stand") == ["WORK_OF_ART"]
    assert labels_of(a, "Varn: Contracts") == ["WORK_OF_ART"]
    assert labels_of(a, "Last Stand") == []


def test_a_line_or_sentence_opening_with_the_colon_is_no_title() -> None:
    a = make("Varnley: Ode, Brask, Tull .", [("Varnley", "ORG"), ("Ode", "PERSON")])
    assert labels_of(a, "Varnley") == ["ORG"]
    b = make("He left .\nSources: Reuters said so .", [("Reuters", "ORG")])
    assert labels_of(b, "Reuters") == ["ORG"]


def test_a_programmes_stem_after_a_capital_the_is_the_programme() -> None:
    text = "The TV hit beat The Desk Christmas Special and The Desk creator Ann Vane ."
    a = make(text, [("Desk Christmas Special", "ORG"), ("Desk", "ORG"), ("Ann Vane", "PERSON")])
    assert labels_of(a, "Desk") == ["WORK_OF_ART"]
    b = make("The TV crew beat The Desk at darts .", [("Desk", "ORG")])
    assert labels_of(b, "Desk") == ["ORG"]  # no programme of that stem: a body


def test_a_name_after_the_current_series_of_is_a_programme() -> None:
    text = "Bets on Famous Lodgers stopped . The current series of Famous Lodgers ends ."
    a = make(text, [("Famous Lodgers", "ORG"), ("Famous Lodgers", "ORG")])
    assert labels_of(a, "Famous Lodgers") == ["WORK_OF_ART", "WORK_OF_ART"]
    b = make("They signed a series of Varn Bank loans .", [("Varn Bank", "ORG")])
    assert labels_of(b, "Varn Bank") == ["ORG"]


def test_a_name_after_a_capital_the_in_a_report_on_films_is_a_title() -> None:
    text = "The film leads . Bookmakers tip The Glider , and Glider may win ."
    a = make(text, [("Glider", "ORG"), ("Glider", "ORG")])
    assert labels_of(a, "Glider") == ["WORK_OF_ART", "WORK_OF_ART"]


def test_a_capital_the_in_a_music_report_or_before_a_body_is_no_title() -> None:
    text = "The film of the band and its album is out . Fans tip The Lanes to win ."
    a = make(text, [("Lanes", "ORG")])
    assert labels_of(a, "Lanes") == ["ORG"]  # a band
    b = make("The film was cut by The Department of Reels .", [("Department of Reels", "ORG")])
    assert labels_of(b, "Department of Reels") == ["ORG"]
    c = make("The film drew on the Vanes family and The Vanes .", [("Vanes", "ORG")] * 2)
    assert labels_of(c, "Vanes") == ["ORG", "WORK_OF_ART"]  # "the Vanes": the family


def test_a_numbered_name_in_a_report_on_games_is_a_games_title() -> None:
    text = "The PlayStation chart : rival Pitch Legends 4 fell , and Xbox 3 is due ."
    a = make(text, [("Pitch Legends", "PERSON"), ("Xbox", "PERSON")])
    assert labels_of(a, "Pitch Legends 4") == ["WORK_OF_ART"]
    assert labels_of(a, "Xbox 3") == ["PRODUCT"]  # a console's name
    c = make("In the match Ann Vane 6 won .", [("Ann Vane", "PERSON")])
    assert labels_of(c, "Ann Vane") == ["PERSON"]  # no games: not a title
