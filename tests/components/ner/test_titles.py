"""Titles named right after a kind of work (components/ner/titles.py), on fictional text."""

from __future__ import annotations

from dataclasses import replace

from tests.components.ner.test_nerfix import ents, labels_of, make


def test_a_list_of_singles_after_the_noun_are_titles() -> None:
    text = "The album gave them the hit singles Rain Keeps Falling, Vesper, and Moths And Lanterns."
    a = make(text, [("Vesper", "GPE"), ("Moths", "PERSON"), ("Lanterns", "GPE")])
    got = ents(a)
    assert ("Rain Keeps Falling", "WORK_OF_ART") in got
    assert ("Vesper", "WORK_OF_ART") in got
    assert ("Moths And Lanterns", "WORK_OF_ART") in got
    assert not any(label in {"PERSON", "GPE"} for _, label in got)


def test_a_title_keeps_its_small_words() -> None:
    text = "He left after problems on the set of the film Storm over the Harbour ."
    a = make(text, [("Harbour", "LOC")])
    assert labels_of(a, "Storm over the Harbour") == []  # "over" is not a small title word
    b = make("He starred in the film Storm of the Harbour .", [("Harbour", "LOC")])
    assert labels_of(b, "Storm of the Harbour") == ["WORK_OF_ART"]
    assert labels_of(b, "Harbour") == []


def test_an_untagged_title_after_its_kind_is_found() -> None:
    a = make("It is the film Storm Harbour in Spain .", [("Spain", "GPE")])
    assert labels_of(a, "Storm Harbour") == ["WORK_OF_ART"]


def test_a_nationality_or_a_pronoun_after_the_noun_is_no_title() -> None:
    a = make("They backed a single European currency .", [("European", "NORP")])
    assert labels_of(a, "European") == ["NORP"]
    b = make("It was the sort of novel I kept by my bed .", pos={"I": "PRON"})
    assert ents(b) == []


def test_a_verb_spelt_like_a_kind_of_work_is_no_cue() -> None:
    a = make("The storm hits Varnia Bay .", pos={"hits": "VERB"})
    assert ents(a) == []
    b = make("The storm hits Varnia Bay .")
    assert ents(b) == [("Varnia Bay", "WORK_OF_ART")]


def test_a_channels_possessive_introduces_a_programme() -> None:
    text = "She told BBC One's Sunday with Marr Vane : it was fine ."
    a = make(text, [("BBC One", "ORG"), ("Marr Vane", "PERSON")])
    assert labels_of(a, "Sunday with Marr Vane") == ["WORK_OF_ART"]
    assert labels_of(a, "Marr Vane") == []


def test_a_title_stops_before_a_date_and_a_month_is_no_title() -> None:
    text = "He sang on BBC One's Top of the Charts in April , a Channel 4 's May audience ."
    a = make(text, [("BBC One", "ORG"), ("April", "DATE"), ("May", "DATE")])
    got = ents(a)
    assert ("Top of the Charts", "WORK_OF_ART") in got
    assert ("April", "DATE") in got
    assert ("May", "DATE") in got


def test_a_body_after_a_channel_is_left_alone() -> None:
    a = make("He spoke from ITV's Lorn Studios headquarters .", [("Lorn Studios", "ORG")])
    assert labels_of(a, "Lorn Studios") == ["ORG"]


def test_a_single_title_keeps_its_and() -> None:
    text = "The album follows single Black and White Harbour , which reached number six ."
    a = make(text, [("White Harbour", "LOC")], pos={"single": "ADJ"})
    assert labels_of(a, "Black and White Harbour") == ["WORK_OF_ART"]
    b = make(
        "They backed a single Varnian currency .",
        [("Varnian", "NORP")],
        pos={"single": "ADJ", "a": "DET"},
    )
    assert labels_of(b, "Varnian") == ["NORP"]


def test_a_list_after_a_plural_parts_at_and() -> None:
    text = "It gave the hit singles Rain and Vesper ."
    a = make(text, [("Vesper", "GPE")])
    assert labels_of(a, "Rain") == ["WORK_OF_ART"]
    assert labels_of(a, "Vesper") == ["WORK_OF_ART"]


def test_a_title_after_called_ends_before_its_maker() -> None:
    text = "The song is called Gonna Be Free This Winter by Moped ."
    a = make(text, [("Gonna Be Free", "ORG")])
    assert labels_of(a, "Gonna Be Free This Winter") == ["WORK_OF_ART"]
    assert not any(label == "ORG" for _, label in ents(a))


def test_a_one_word_programme_after_a_channel_is_no_person() -> None:
    text = "Shows including Channel 4's Nannyhood and ITV1's Pan Kitchen won ."
    a = make(text, [("Nannyhood", "PERSON")])
    assert labels_of(a, "Nannyhood") == ["WORK_OF_ART"]
    assert labels_of(a, "Pan Kitchen") == ["WORK_OF_ART"]
    b = make("It was Channel 4's Ann Vane and the crew .", [("Ann Vane", "PERSON")])
    assert labels_of(b, "Ann Vane") == ["PERSON"]


def test_a_game_names_its_title() -> None:
    a = make("The prize went to the rhythm game Bongo Varna .", [("Bongo Varna", "PERSON")])
    assert labels_of(a, "Bongo Varna") == ["WORK_OF_ART"]


def test_a_convention_or_declaration_is_a_law() -> None:
    text = "It breaches the Varnian Convention on Free Speech and the Harbour Declaration ."
    a = make(text, [("Varnian Convention on Free Speech", "ORG"), ("Harbour Declaration", "EVENT")])
    assert labels_of(a, "Varnian Convention on Free Speech") == ["LAW"]
    assert labels_of(a, "Harbour Declaration") == ["LAW"]


def test_a_programme_after_the_bbcs_possessive_but_not_a_presenter() -> None:
    a = make("He told the BBC's Morning Varna programme .", [("Morning Varna", "ORG")])
    assert labels_of(a, "Morning Varna") == ["WORK_OF_ART"]
    b = make("He told the BBC's Ann Vane , who agreed .", [("Ann Vane", "PERSON")])
    assert labels_of(b, "Ann Vane") == ["PERSON"]


def test_a_title_found_once_is_the_title_in_its_other_mentions() -> None:
    text = "The US hit Desperate Harbours aired . Comedy drama Desperate Harbours won ."
    a = make(
        text,
        [("Desperate Harbours", "PERSON"), ("Desperate Harbours", "PERSON")],
        pos={"hit": "VERB"},
    )
    assert labels_of(a, "Desperate Harbours") == ["WORK_OF_ART", "WORK_OF_ART"]


def test_a_document_called_by_its_title() -> None:
    text = "Fears grew after a research note called Approve which showed the risk ."
    a = make(text, [("Approve", "PERSON")])
    assert labels_of(a, "Approve") == ["WORK_OF_ART"]


def test_titles_after_including_a_plural_kind_of_work() -> None:
    text = "He has had 12 hit singles , including Warm in Varre , Quandary and more ."
    a = make(text, [("Varre", "GPE")])
    assert labels_of(a, "Warm in Varre") == ["WORK_OF_ART"]
    assert labels_of(a, "Quandary") == ["WORK_OF_ART"]
    assert labels_of(a, "Varre") == []


def test_an_epic_a_tale_or_a_classic_introduces_a_title() -> None:
    a = make("He played a soldier in the war epic Marsh Hill .", [("Marsh Hill", "GPE")])
    assert labels_of(a, "Marsh Hill") == ["WORK_OF_ART"]
    b = make("He sold copies of Bollywood classic Varaan .", [("Varaan", "PERSON")])
    assert labels_of(b, "Varaan") == ["WORK_OF_ART"]


def test_a_hit_after_its_kind_introduces_a_title_but_the_verb_does_not() -> None:
    a = make(
        "Fans loved the critical hit Lanterns .", [("Lanterns", "GPE")], pos={"critical": "ADJ"}
    )
    assert labels_of(a, "Lanterns") == ["WORK_OF_ART"]
    b = make("The storm hit Varnia Bay .", [("Varnia Bay", "GPE")], pos={"hit": "VERB"})
    assert labels_of(b, "Varnia Bay") in (["GPE"], ["LOC"])  # a place, not a title


def test_titles_listed_after_such_as_or_like_are_titles() -> None:
    text = "Arcade classics such as Star Vane , Moss-Man and Grey Kong are gone ."
    a = make(text, [("Star Vane", "ORG"), ("Moss-Man", "ORG"), ("Grey Kong", "GPE")])
    assert labels_of(a, "Star Vane") == ["WORK_OF_ART"]
    assert labels_of(a, "Moss-Man") == ["WORK_OF_ART"]
    assert labels_of(a, "Grey Kong") == ["WORK_OF_ART"]
    b = make("They go for films like Tessaly , Harbour Day , and more .", [("Tessaly", "GPE")])
    assert labels_of(b, "Tessaly") == ["WORK_OF_ART"]
    assert labels_of(b, "Harbour Day") == ["WORK_OF_ART"]


def test_shows_is_a_kind_of_work_only_as_a_noun() -> None:
    a = make(
        "Viewers love TV shows such as Star Vane Galactica .", [("Star Vane Galactica", "LOC")]
    )
    assert labels_of(a, "Star Vane Galactica") == ["WORK_OF_ART"]
    text = "The poll shows Tessaly Vane ahead ."
    b = make(text, [("Tessaly Vane", "PERSON")], pos={"shows": "VERB"})
    assert labels_of(b, "Tessaly Vane") == ["PERSON"]
    text = "It beat ITV shows Doc Vane and Life Ends . But Doc Vane won ."
    c = make(text, [("ITV", "ORG"), ("Doc Vane and Life Ends", "PERSON"), ("Doc Vane", "PERSON")])
    c = replace(
        c, tokens=tuple(replace(x, pos="VERB") if x.text == "shows" else x for x in c.tokens)
    )
    assert labels_of(c, "Doc Vane") == ["WORK_OF_ART", "WORK_OF_ART"]
    assert labels_of(c, "Life Ends") == ["WORK_OF_ART"]


def test_a_channel_in_a_list_of_shows_is_no_title() -> None:
    text = "He was loved in shows such as Vane TV's gameshow Brush Up ."
    a = make(text, [("Vane TV", "ORG")])
    assert labels_of(a, "Vane TV") == ["ORG"]


def test_a_kind_of_work_after_its_year_introduces_a_title() -> None:
    text = "He rose to fame with the 1996 single Return of the Vane ."
    a = make(text, [("Vane", "PERSON")], pos={"single": "ADJ", "1996": "NUM"})
    assert labels_of(a, "Return of the Vane") == ["WORK_OF_ART"]


def test_show_after_a_singular_noun_is_a_noun_whatever_its_tag() -> None:
    text = "TV talent show The Vane Factor returns . Working on the Vane Factor was fun ."
    a = make(text, [("Vane Factor", "PERSON"), ("Vane Factor", "PERSON")])
    a = replace(
        a,
        tokens=tuple(
            replace(x, pos="VERB", tag="VBP")
            if x.text == "show"
            else replace(x, tag="NN")
            if x.text == "talent"
            else x
            for x in a.tokens
        ),
    )
    assert labels_of(a, "The Vane Factor") == ["WORK_OF_ART"]
    assert labels_of(a, "Vane Factor") == ["WORK_OF_ART"]
