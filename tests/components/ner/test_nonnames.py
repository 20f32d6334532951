"""Capitalised words that are no names, awards and fairs (components/ner/nonnames.py), on
fictional text."""

from __future__ import annotations

from dataclasses import replace

from newsledger.core.model import Annotated
from tests.components.ner.test_nerfix import ents, labels_of, make


def tagged(a: Annotated, tags: dict[str, tuple[str, str, str]]) -> Annotated:
    """``a`` with (pos, tag, lemma) set for the tokens of the given texts."""
    toks = tuple(
        replace(x, pos=tags[x.text][0], tag=tags[x.text][1], lemma=tags[x.text][2])
        if x.text in tags
        else x
        for x in a.tokens
    )
    return replace(a, tokens=toks)


NNS = "NOUN", "NNS"


def test_a_common_noun_opening_the_sentence_is_no_name() -> None:
    a = make("Gadgets , phones and other devices are changing .", [("Gadgets", "ORG")])
    assert ents(tagged(a, {"Gadgets": (*NNS, "gadget")})) == []


def test_a_word_of_another_name_in_the_article_stays_a_name() -> None:
    text = "Quills scored twice for Varn , and Dara Quills was named man of the match ."
    a = make(text, [("Quills", "PERSON"), ("Varn", "ORG"), ("Dara Quills", "PERSON")])
    assert labels_of(tagged(a, {"Quills": (*NNS, "quill")}), "Quills") == ["PERSON"]


def test_a_body_before_its_manager_stays_a_name() -> None:
    a = make("Wardens manager Ivo Harl accepts the blame .", [("Wardens", "ORG")])
    assert labels_of(tagged(a, {"Wardens": (*NNS, "warden")}), "Wardens") == ["ORG"]


def test_an_adjective_made_from_a_name_is_no_person() -> None:
    text = "Lorn was the best Varlowean performer of the season ."
    a = make(text, [("Lorn", "PERSON"), ("Varlowean", "PERSON")])
    got = tagged(a, {"Varlowean": ("ADJ", "JJ", "varlowean")})
    assert labels_of(got, "Varlowean") == []
    assert labels_of(got, "Lorn") == ["PERSON"]
    b = make("Lorn is the Olympic champion .", [("Lorn", "PERSON"), ("Olympic", "ORG")])
    assert labels_of(tagged(b, {"Olympic": ("ADJ", "JJ", "olympic")}), "Olympic") == ["ORG"]


def test_units_are_no_names() -> None:
    a = make("It offers two megabits per second ( Mbps ) to users .", [("Mbps", "PERSON")])
    assert ents(a) == []
    b = make("Listen on Radio 4 LW and online .", [("LW", "ORG")])
    assert labels_of(b, "LW") == []
    c = make("Then LW won the bid .", [("LW", "ORG")])
    assert labels_of(c, "LW") == ["ORG"]  # no number before: perhaps initials


def test_the_portfolio_of_a_title_is_no_body() -> None:
    text = "Secretary of State Ann Vane met the President of Varnia ."
    a = make(text, [("State", "ORG"), ("Ann Vane", "PERSON"), ("Varnia", "GPE")])
    got = ents(a)
    assert ("State", "ORG") not in got
    assert ("Varnia", "GPE") in got


def test_a_post_after_a_party_is_cut_off() -> None:
    a = make("The Varnian Party Co-Chairman said no .", [("Varnian Party Co-Chairman", "ORG")])
    assert ents(a) == [("Varnian Party", "ORG")]


def test_an_award_is_no_person() -> None:
    text = "She won an Oscar in 1999 for the Oscar - winning film , and another Oscar later ."
    a = make(text, [("Oscar", "PERSON"), ("Oscar", "PERSON"), ("Oscar", "PERSON")])
    assert labels_of(a, "Oscar") == ["WORK_OF_ART"] * 3


def test_a_person_of_that_name_keeps_it() -> None:
    text = "Oscar Vane won an Oscar , and Oscar said thanks ."
    a = make(text, [("Oscar Vane", "PERSON"), ("Oscar", "PERSON"), ("Oscar", "PERSON")])
    assert labels_of(a, "Oscar") == ["PERSON", "PERSON"]
    b = make("A Kilo of flour fell .", [("Kilo", "PERSON")])
    assert labels_of(b, "Kilo") == ["PERSON"]  # "a X of": a measure, not an award's cue


def test_a_best_category_is_an_award() -> None:
    text = "She was the winner of Best First Feature at Varna ."
    a = make(text, [("Best First Feature", "ORG"), ("Varna", "GPE")])
    assert labels_of(a, "Best First Feature") == ["WORK_OF_ART"]
    b = make("He met George Best Junior there .", [("George Best Junior", "PERSON")])
    assert labels_of(b, "George Best Junior") == ["PERSON"]


def test_a_fair_is_an_event_and_so_are_its_initials() -> None:
    text = "At the Gadget Makers Show in Varna , firms at GMS showed phones ."
    a = make(text, [("Gadget Makers Show", "ORG"), ("Varna", "GPE"), ("GMS", "ORG")])
    assert labels_of(a, "Gadget Makers Show") == ["EVENT"]
    assert labels_of(a, "GMS") == ["EVENT"]
    b = make(
        "Fans of The Quick Show and Benny Vane Show wrote in .",
        [("The Quick Show", "ORG"), ("Benny Vane Show", "ORG")],
    )
    assert labels_of(b, "Benny Vane Show") != ["EVENT"]


def test_a_described_name_opening_the_sentence_stays_a_name() -> None:
    for text in (
        "Vornal , 61 , told shareholders .",
        "Vornal , the capital , grew .",
        "Vornal 's mayor left .",
    ):
        a = make(text, [("Vornal", "ORG")])
        assert labels_of(tagged(a, {"Vornal": ("NOUN", "NN", "vornal")}), "Vornal") != []


def test_an_adjective_of_a_place_in_the_article_is_its_people() -> None:
    text = "Lorn is a Kestrian engineer who left Kestria ."
    a = make(text, [("Lorn", "PERSON"), ("Kestrian", "PERSON"), ("Kestria", "GPE")])
    got = tagged(a, {"Kestrian": ("ADJ", "JJ", "kestrian")})
    assert labels_of(got, "Kestrian") == ["NORP"]


def test_followers_of_a_person_are_a_group() -> None:
    a = make("It was the last stand of the Vanites .", [("Vanites", "GPE")])
    assert labels_of(a, "Vanites") == ["NORP"]


def test_an_economics_portfolio_and_a_lecture_are_no_bodies() -> None:
    a = make("Economics Minister Ann Vane spoke .", [("Economics", "ORG"), ("Ann Vane", "PERSON")])
    assert labels_of(a, "Economics") == []
    b = make("She gave the 2004 Harl Lecture in Varna .", [("Harl Lecture", "PERSON")])
    assert labels_of(b, "Harl Lecture") == ["EVENT"]


def test_a_sum_with_its_unit_is_no_name() -> None:
    a = make("Shares rose to 548p in trading .", [("548p", "PRODUCT")])
    assert ents(a) == []


def test_a_classic_is_an_event() -> None:
    a = make("He won at the Varna Classic exhibition tournament .", [("Varna Classic", "FAC")])
    assert labels_of(a, "Varna Classic") == ["EVENT"]


def test_a_laws_head_word_alone_is_a_law() -> None:
    a = make("They will introduce a hybrid Bill for the railway .", [("Bill", "PERSON")])
    assert labels_of(a, "Bill") == ["LAW"]
    b = make(
        "Then Bill Vane spoke , and later a shy Bill left .",
        [("Bill Vane", "PERSON"), ("Bill", "PERSON")],
    )
    assert labels_of(b, "Bill") == ["PERSON"]


def test_an_award_before_a_nomination_is_no_person() -> None:
    a = make(
        "Stars including Ann Vane and Bafta nominee Ivo Harl came .",
        [("Ann Vane", "PERSON"), ("Bafta", "PERSON"), ("Ivo Harl", "PERSON")],
    )
    assert labels_of(a, "Bafta") == ["WORK_OF_ART"]
    b = make("Many Vane voters stayed home .", [("Vane", "PERSON")])
    assert labels_of(b, "Vane") == ["PERSON"]


def test_a_members_post_nominal_or_a_school_subject_is_no_name() -> None:
    text = "Finance spokesman Tom Vane MSP , said MPs and a PE teacher with GCSEs agreed ."
    a = make(
        text,
        [
            ("Tom Vane", "PERSON"),
            ("MSP", "ORG"),
            ("MPs", "PERSON"),
            ("PE", "ORG"),
            ("GCSEs", "ORG"),
        ],
    )
    assert labels_of(a, "Tom Vane") == ["PERSON"]
    for word in ("MSP", "MPs", "PE", "GCSEs"):
        assert labels_of(a, word) == []


def test_an_award_before_its_presenters_or_winner_is_no_person() -> None:
    text = "The film was sent to Vanny presenters . Vanny winner Ann Vane came ."
    a = make(text, [("Vanny", "PERSON"), ("Vanny", "PERSON"), ("Ann Vane", "PERSON")])
    assert labels_of(a, "Vanny") == ["WORK_OF_ART", "WORK_OF_ART"]
    b = make("Ivo Roe spoke . Roe winners cheered .", [("Ivo Roe", "PERSON"), ("Roe", "PERSON")])
    assert labels_of(b, "Roe") == ["PERSON"]


def test_an_award_typed_a_place_is_no_place_unless_the_tables_know_it() -> None:
    text = "She starred in the Vanny - winning drama Lantern ."
    a = make(text, [("Vanny", "GPE"), ("Lantern", "WORK_OF_ART")])
    assert labels_of(a, "Vanny") == ["WORK_OF_ART"]
    b = make("He won a London - nominated prize .", [("London", "GPE")])
    assert labels_of(b, "London") == ["GPE"]


def test_a_name_of_two_words_before_award_or_ceremony_is_an_award() -> None:
    text = "She won a Silver Heron award in 1999 . The Silver Herons ceremony was long ."
    a = make(text, [("Silver Heron", "FAC"), ("Silver Herons", "PERSON")])
    assert labels_of(a, "Silver Heron") == ["WORK_OF_ART"]
    assert labels_of(a, "Silver Herons") == ["WORK_OF_ART"]
    b = make("The Tessel Society award went to Ann Vane .", [("Tessel Society", "ORG")])
    assert labels_of(b, "Tessel Society") == ["ORG"]
